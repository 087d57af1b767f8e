"""The crisis words: what a reader in danger may type, kept in ``hooks/wasla/crisis-words.txt``.

Each line is normalised exactly as the search normalises a query (``core.normalise.tokens``);
``is_crisis`` says whether a query holds one of them (search.js repeats it in the browser).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..core.normalise import tokens

WORDS = Path(__file__).resolve().parent.parent / "crisis-words.txt"


@cache
def crisis_words() -> tuple[tuple[str, ...], ...]:
    """Each crisis word or phrase as search tokens; '#' starts a comment, blank lines skipped."""
    seen, out = set(), []
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        words = tuple(tokens(line)) if line else ()
        if words and words not in seen:
            seen.add(words)
            out.append(words)
    return tuple(out)


def word_matches(typed: str, word: str) -> bool:
    """A typed token matches a crisis token when equal, or when it starts with a crisis token of
    five or more letters ('arrested' for 'arrest', «انتحارية» for «انتحار»)."""
    return typed == word or (len(word) >= 5 and typed.startswith(word))


def is_crisis(query: str, words=None) -> bool:
    """Does the query hold a crisis word or phrase (its tokens in a row)?"""
    typed = tokens(query)
    for phrase in words if words is not None else crisis_words():
        n = len(phrase)
        for start in range(len(typed) - n + 1):
            if all(word_matches(typed[start + i], phrase[i]) for i in range(n)):
                return True
    return False
