"""The site's languages and what CLDR (babel) knows about each.

``LANGUAGES`` are the languages a page is built in, the default first (built at the site root).
Entry text (``Text``) is written in the same languages.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

LANGUAGES = ("ar", "en")  # the default first: built at the site root
DEFAULT_LANGUAGE = LANGUAGES[0]
TEXT_LANGUAGES = ("en", "ar")  # the keys of a text written per language, in the order files show them
NAMES = {"ar": "Arabic", "en": "English"}  # each language named in English, for contributors' messages
RTL = frozenset({"ar", "fa", "he", "ur", "ckb", "ps", "yi"})
# The locale a page language stands for when it names no region (CLDR likely subtags):
# ar -> ar_EG (week starts Saturday), en -> en_US (week starts Sunday).
REGIONAL = {"ar": ("ar", "EG"), "en": ("en", "US")}


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


@cache
def locale(lang: str) -> Locale:
    """The CLDR locale of a page language (names, numbers, dates)."""
    return Locale.parse(lang)


@cache
def regional_locale(lang: str) -> Locale:
    """The locale with its likely region, where the region matters (the first day of the week)."""
    return Locale(*REGIONAL.get(lang, (lang,)))


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes known to CLDR."""
    return frozenset(k for k in Locale("en").languages if len(k) == 2 and k.isalpha() and k.islower())


@cache
def language_name(code: str, lang: str) -> str:
    """A language's name in a page language ('Arabic', «الفرنسية»)."""
    return Locale(lang).languages.get(code, code)


def language_prefix(lang: str) -> str:
    """Where a language's pages live, relative to the site root: '' for the default, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
