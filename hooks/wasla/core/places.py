"""Countries: their codes, their names in a page language, and the order a reader files them in.

Names come from CLDR (babel); ``NAME_OVERRIDES`` holds the few a reader in the region expects
otherwise, each with its source.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

from .strings import strings

INTERNATIONAL = "international"  # the folder of services for people everywhere

_NOT_ISO = {"EU", "EZ", "QO", "UN", "ZZ", "XA", "XB", "XK", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"}

# Names as a reader in the region expects them. CLDR (babel) gives every other name; add a line
# here only with a source that justifies it.
NAME_OVERRIDES: dict[tuple[str, str], str] = {
    # CLDR: «الأراضي الفلسطينية» / "Palestinian Territories". The League of Arab States counts
    # «دولة فلسطين» among its 22 members, and UN General Assembly resolution 67/19 (29 November
    # 2012) accorded Palestine non-member observer State status; readers expect «فلسطين».
    ("ps", "ar"): "فلسطين",
    ("ps", "en"): "Palestine",
}
# Where a long official name is filed in an Arabic list: under the word a reader looks for.
# The League of Arab States lists its members in this order (…، جيبوتي، السعودية، السودان …
# قطر، القمر، الكويت …); to be confirmed by the native reviewer.
SORT_AS: dict[tuple[str, str], str] = {
    ("sa", "ar"): "السعودية",  # CLDR: «المملكة العربية السعودية», filed under س, not م
    ("km", "ar"): "القمر",  # CLDR: «جزر القمر», filed under ق, not ج
}
_ARTICLE = "\u0627\u0644"  # ال


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (lower case), from CLDR."""
    return frozenset(k.lower() for k in Locale("en").territories if len(k) == 2 and k.isalpha() and k not in _NOT_ISO)


@cache
def country_name(code: str, lang: str) -> str:
    """The name shown for a country in a page language: the override table, else CLDR's;
    'international' is the string table's word for services for people everywhere."""
    if code == INTERNATIONAL:
        return strings(lang)["international"]
    cldr = Locale(lang).territories.get(code.upper(), code.upper())
    return NAME_OVERRIDES.get((code, lang), cldr)


def sort_key(code: str, name: str, lang: str) -> tuple:
    """How an Arabic reader files names: without the article «ال», one alef for أ إ آ,
    no tashkeel («عُمان» under ع); English by letters, accents ignored (Türkiye under T)."""
    name = SORT_AS.get((code, lang), name)
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()
    if lang == "ar":
        plain = plain.replace("\u0671", "\u0627")  # ٱ → ا
        if plain.startswith(_ARTICLE) and len(plain) > 3:
            plain = plain[2:]
    return (plain, code)


def country_sort_key(code: str, lang: str) -> tuple:
    return sort_key(code, country_name(code, lang), lang)
