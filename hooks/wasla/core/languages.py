"""The site's languages: the registry (``data/languages.yml``) and what CLDR (babel) knows about each.

The registry lists the languages the directory is written in, the default first (built at the
site root, every other one under ``<code>/``). Entry text (``Text``) may be written in any of them;
a text missing in one language is taken from the next language of its ``fallback`` chain.

``rules/languages.py`` checks the file and ``loading`` puts the checked registry in force
(``use``) for the build; until then the shipped ``data/languages.yml`` is in force, read as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import get_global

from .yamlload import loads, plain

SHIPPED = Path(__file__).resolve().parents[3] / "data" / "languages.yml"
DIRECTIONS = ("rtl", "ltr")
# Right-to-left scripts among languages a contact may speak (``languages:`` of a contact); a
# registered language says its own direction.
RTL = frozenset({"ar", "fa", "he", "ur", "ckb", "ps", "yi"})


@dataclass(frozen=True)
class Language:
    """One registered language (one entry of data/languages.yml)."""

    code: str  # ISO 639-1
    name: str  # its own name: «فارسی», "Türkçe"
    dir: str  # rtl | ltr
    locale: str  # CLDR, with the territory where it matters: ar_EG, fa_IR
    material: str  # the theme's locale code
    fallback: tuple[str, ...] = ()  # where a missing text is taken from, in order
    reviewed: bool = False  # a native speaker has reviewed the interface


@dataclass(frozen=True)
class Registry:
    """Every language the directory is written in, the default first."""

    languages: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def default(self) -> str:
        return self.languages[0].code

    @property
    def required(self) -> tuple[str, ...]:
        """The languages every text is expected in: English and the default's chain (en, ar);
        a text in another language is optional and falls back along its chain."""
        first = self.languages[0]
        return tuple(sorted({first.code, *first.fallback}, key=lambda c: (c != "en", c)))

    @property
    def text_order(self) -> tuple[str, ...]:
        """The order files write a text's languages in (columns, JSON keys): the required ones
        first (en, ar, as every file has them), then the others in registry order."""
        return (*self.required, *(c for c in self.codes if c not in self.required))

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def chain(self, code: str) -> tuple[str, ...]:
        """The language, then its fallbacks, then every other registered language (so that a
        text written in any of them is shown rather than nothing)."""
        lang = self.get(code)
        first = (code, *(lang.fallback if lang else ()))
        return (*first, *(c for c in self.codes if c not in first))

    def prefix(self, code: str) -> str:
        return "" if code == self.default else f"{code}/"


def from_mapping(data) -> Registry:
    """A registry from data/languages.yml as read (rules/languages.py checks it first)."""
    found = []
    for entry in (data or {}).get("languages") or []:
        found.append(
            Language(
                code=str(entry["code"]),
                name=str(entry["name"]),
                dir=str(entry.get("dir", "ltr")),
                locale=str(entry.get("locale") or entry["code"]),
                material=str(entry.get("material") or entry["code"]),
                fallback=tuple(str(c) for c in entry.get("fallback") or ()),
                reviewed=str(entry.get("reviewed", "false")).lower() == "true",
            )
        )
    return Registry(tuple(found))


@cache
def shipped() -> Registry:
    """The repository's data/languages.yml, read as it is (the build checks it)."""
    return from_mapping(plain(loads(SHIPPED.read_text(encoding="utf-8"))))


_in_force: list[Registry] = []


def use(registry: Registry) -> None:
    """Put a checked registry in force: the languages of the data being loaded or built."""
    _in_force[:] = [registry]


def registry() -> Registry:
    return _in_force[0] if _in_force else shipped()


def codes() -> tuple[str, ...]:
    """Every registered language, the default first."""
    return registry().codes


def default_language() -> str:
    return registry().default


def direction(lang: str) -> str:
    known = registry().get(lang)
    if known is not None:
        return known.dir
    return "rtl" if lang in RTL else "ltr"


def language_prefix(lang: str) -> str:
    """Where a language's pages live, relative to the site root: '' for the default, 'en/' else."""
    return registry().prefix(lang)


@cache
def locale(lang: str) -> Locale:
    """The CLDR locale of a page language (names, numbers, dates): the language alone."""
    return Locale.parse(lang)


def regional_locale(lang: str) -> Locale:
    """The locale with its territory, where the territory matters (the first day of the week)."""
    known = registry().get(lang)
    return _parse(known.locale if known else lang)


@cache
def _parse(tag: str) -> Locale:
    return Locale.parse(tag)


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes known to CLDR."""
    return frozenset(k for k in Locale("en").languages if len(k) == 2 and k.isalpha() and k.islower())


@cache
def language_name(code: str, lang: str) -> str:
    """A language's name in a page language ('Arabic', «الفرنسية»)."""
    return Locale(lang).languages.get(code, code)


def english_name(code: str) -> str:
    """A language named in English, for contributors' messages ('Persian')."""
    return language_name(code, "en")


@cache
def iso639_3(code: str) -> str:
    """A language's three-letter ISO 639-3 code (what Kiwix's ZIM metadata names languages by):
    'ar' -> 'ara', 'fa' -> 'fas', 'fr' -> 'fra'; from CLDR's language aliases."""
    found = [k for k, v in get_global("language_aliases").items() if v == code and len(k) == 3 and k.isalpha()]
    if not found:
        return code
    return min(found, key=lambda k: (not k.startswith(code), not k.startswith(code[0]), k))
