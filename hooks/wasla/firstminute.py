"""The first minute (issue #13): the lines that answer now, and the crisis words.

Nothing here imports MkDocs.

- ``answer_now(site, code)``  the hotlines to reach first: active entries of the kind
                              ``hotline`` that have a contact to tap, of one country (when
                              given) by the site's order, then the international ones;
- ``crisis_words()``          the crisis list kept in ``crisis-words.txt`` beside this module,
                              each line normalised exactly as the search normalises a query
                              (``search.tokens``), for the search index's meta file;
- ``is_crisis(query, words)`` whether a query holds one of them (search.js repeats it).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model import Resource
from .rules import INTERNATIONAL

HERE = Path(__file__).parent
HOTLINE = "hotline"
DANGER_INLINE = 3  # international lines shown in the home page's "in danger now?" block
REACH_TYPES = ("phone", "whatsapp", "signal", "sms", "telegram", "email", "chat")


def can_be_reached(r: Resource) -> bool:
    return r.status == "active" and any(c.type in REACH_TYPES for c in r.contacts)


def answer_now(site, code: str | None = None) -> list[Resource]:
    """Hotlines of `code` (in the site's order), then international hotlines."""
    order = [r for r in site.dataset.resources if HOTLINE in r.kinds and can_be_reached(r)]
    order.sort(key=site.sort_key)
    local = [r for r in order if code and code != INTERNATIONAL and code in r.countries and r.folder != INTERNATIONAL]
    everywhere = [r for r in order if INTERNATIONAL in r.countries]
    return local + everywhere


@lru_cache(maxsize=None)
def crisis_words() -> tuple[tuple[str, ...], ...]:
    """Each crisis word or phrase as search tokens; '#' starts a comment, blank lines skipped."""
    from .search import tokens

    seen, out = set(), []
    for line in (HERE / "crisis-words.txt").read_text(encoding="utf-8").splitlines():
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
    from .search import tokens

    typed = tokens(query)
    for phrase in words if words is not None else crisis_words():
        n = len(phrase)
        for start in range(len(typed) - n + 1):
            if all(word_matches(typed[start + i], phrase[i]) for i in range(n)):
                return True
    return False
