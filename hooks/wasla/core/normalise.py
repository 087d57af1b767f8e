"""Text normalisation for search: the same on both sides (Python for the index and the crisis
words, ``overrides/assets/javascripts/search.js`` for the query; tests run both on one corpus).

Arabic: alef forms, ى/ي, ة/ه, hamza seats, tashkeel, tatweel, the article (ال وال بال فال كال لل);
Persian: ی and ک as the Arabic ي and ك (one direction, in the index and the query alike), the
zero-width non-joiner dropped (می‌خواهم = میخواهم);
Turkish: İ I ı i alike (lower case gives i + U+0307 for İ, the mark goes with the others; ı → i);
French: accents, œ → oe, æ → ae, elision (l'association: the apostrophe splits, 'l' is too short
and 'qu' is a stop word);
Latin: case and accents; digits: Arabic-Indic and Persian as ASCII, a number split by spaces,
dashes or dots joined. One normalisation for every language: a query may be in any of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# One character for another, after NFKD has split off hamza and madda (أ إ آ ؤ ئ → ا ا ا و ي)
# and marks (tashkeel, accents) are removed.
CHAR_MAP = {
    "\u0671": "\u0627",  # ٱ alef wasla → ا
    "\u0649": "\u064a",  # ى alef maksura → ي
    "\u06cc": "\u064a",  # ی Farsi yeh → ي
    "\u0629": "\u0647",  # ة teh marbuta → ه
    "\u06a9": "\u0643",  # ک keheh → ك
    "\u0640": "",  # ـ tatweel
    "\u200c": "",  # zero-width non-joiner (Persian: می‌خواهم)
    "\u200d": "",  # zero-width joiner
    "\u0131": "i",  # ı dotless i (Turkish)
    "\u0153": "oe",  # œ
    "\u00e6": "ae",  # æ
}
for _i in range(10):
    CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
# ... and every combining mark removed (one C-level translate instead of a loop per character)
_TRANSLATE = str.maketrans(
    {
        **{
            chr(c): None
            for c in [*range(0x300, 0x30000), *range(0xE0100, 0xE01F0)]
            if unicodedata.category(chr(c)).startswith("M")
        },
        **CHAR_MAP,
    }
)

# Digits split by spaces, dashes, dots, slashes or brackets are one number: "+961 1 234-567".
_DIGIT_JOIN = re.compile(r"([0-9])[\s\-./()]+(?=[0-9])")
_TOKEN = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"^[\u0600-\u06ff]+$")
ARTICLES = (
    "\u0648\u0627\u0644",
    "\u0628\u0627\u0644",
    "\u0641\u0627\u0644",
    "\u0643\u0627\u0644",
    "\u0627\u0644",
)  # وال بال فال كال ال
LAM_LAM = "\u0644\u0644"  # لل: ل + ال
PREFIXES = "\u0648\u0628\u0644\u0641\u0643"  # و ب ل ف ك, tried off a query word

STOP_WORDS = sorted(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "qu",  # French elision: qu'il, qu'elle
        "http",
        "https",
        "www",
        # normalised Arabic: في من على إلى عن مع أو ثم التي الذي هذا هذه
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "او",
        "ثم",
        "التي",
        "الذي",
        "هذا",
        "هذه",
    }
)
_STOP = frozenset(STOP_WORDS)


def normalise(text: str) -> str:
    """Lower case, no accents or tashkeel, one form of each Arabic letter, ASCII digits."""
    text = unicodedata.normalize("NFKD", text.lower()).translate(_TRANSLATE)
    return _DIGIT_JOIN.sub(r"\1", text)


def strip_article(token: str) -> str:
    """«القاهره» → «قاهره», «والقانون» → «قانون», «للمثليين» → «مثليين» (at least two letters kept)."""
    if not ("\u0600" <= token[0] <= "\u06ff") or not _ARABIC.match(token):
        return token
    for article in ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= 2:
            return token[len(article) :]
    if token.startswith(LAM_LAM) and len(token) >= 4:
        return token[2:]
    return token


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def tokens(text: str) -> list[str]:
    """The searchable words of a text: normalised, stop words and single letters dropped."""
    out = []
    for token in _TOKEN.findall(normalise(text)):
        if len(token) < 2 or token in _STOP:
            continue
        token = strip_article(token)
        if len(token) >= 2:
            out.append(token)
    return out
