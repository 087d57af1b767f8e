"""``data/languages.yml``: the languages the directory is written in, the default first.

Each entry: ``code`` (ISO 639-1, two letters), ``name`` (its own name), ``dir`` (rtl | ltr, as
CLDR writes the language), ``locale`` (a CLDR locale of that language), ``material`` (the theme's
locale code), ``fallback`` (registered languages, in order) and ``reviewed`` (true | false).
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from ..core.languages import DIRECTIONS, Language, Registry, language_codes
from ..core.problems import Problem, did_you_mean
from ..core.yamlload import Map, Pos
from .check import Check, check_fields, enum_is_known, got, pos_of
from .text import text_is_plain

FILE_FIELDS = {"languages": (True, "list")}
LANGUAGE_FIELDS = {
    "code": (True, "scalar"),
    "name": (True, "scalar"),
    "dir": (True, "scalar"),
    "locale": (True, "scalar"),
    "material": (True, "scalar"),
    "fallback": (False, "list"),
    "reviewed": (True, "scalar"),
}
BOOLEANS = ("true", "false")
MATERIAL_CODE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")


def check_languages(shown: str, data) -> tuple[Registry | None, list[Problem]]:
    """The registry, or None when the file has an error (every problem reported)."""
    c = Check(shown)
    if not isinstance(data, dict):
        c.error(
            Pos(1, 1),
            "",
            "must be a mapping; expected a 'languages:' list, one entry per language; got something else",
            "languages_file",
        )
        return None, c.problems
    text_is_plain(c, data)
    check_fields(c, data, FILE_FIELDS, "")
    entries = data.get("languages")
    if not isinstance(entries, list):
        return None, c.problems
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = f"languages[{i}]"
        if not isinstance(entry, dict):
            c.error(
                pos_of(entry, data, "languages"),
                where,
                f"must be a mapping; expected 'code:', 'name:', 'dir:', 'locale:', 'material:', 'fallback:' and 'reviewed:' lines; got {got(entry)}",
                "field_shape",
            )
            continue
        check_fields(c, entry, LANGUAGE_FIELDS, where)
        code = entry.get("code")
        if isinstance(code, str) and code:
            code_is_iso(c, code, where)
            if code in seen:
                c.error(
                    code.pos,
                    f"{where}.code",
                    f"listed twice; expected each language once; got '{code}' again (first at {seen[code]})",
                    "language_is_unique",
                )
            seen.setdefault(code, where)
        enum_is_known(c, entry, "dir", DIRECTIONS, f"{where}.dir", noun="direction")
        enum_is_known(c, entry, "reviewed", BOOLEANS, f"{where}.reviewed")
        if isinstance(code, str) and code in language_codes():
            locale_is_cldr(c, entry, code, where)
        material = entry.get("material")
        if isinstance(material, str) and material and not MATERIAL_CODE.match(material):
            c.error(
                material.pos,
                f"{where}.material",
                f"not a theme locale code; expected two letters, optionally with a region, like 'fa' or 'pt-BR'; got '{material}'",
                "material_is_locale",
            )
    codes = list(seen)
    for i, entry in enumerate(entries):
        if isinstance(entry, dict):
            fallback_is_registered(c, entry, f"languages[{i}]", codes)
    if c.failed:
        return None, c.problems
    return registry_of(entries), c.problems


def code_is_iso(c: Check, code, where: str) -> None:
    if code not in language_codes():
        lower = code.lower()
        hint = f" (write it in lower case: '{lower}')" if lower in language_codes() else ""
        c.error(
            code.pos,
            f"{where}.code",
            f"not an ISO 639-1 language code{hint}; expected two lower-case letters like 'fa' or 'tr'; got {got(code)}",
            "language_code_is_iso",
        )


def locale_is_cldr(c: Check, entry: Map, code: str, where: str) -> None:
    """The locale is one CLDR knows, of the same language; the direction is CLDR's."""
    value = entry.get("locale")
    if isinstance(value, str) and value:
        try:
            parsed = Locale.parse(value)
        except (UnknownLocaleError, ValueError, TypeError):
            parsed = None
        if parsed is None or parsed.language != code:
            c.error(
                value.pos,
                f"{where}.locale",
                f"not a CLDR locale of '{code}'; expected '{code}' with its territory, like '{code}_{_territory(code)}'; got '{value}'",
                "locale_is_cldr",
            )
    direction = entry.get("dir")
    if isinstance(direction, str) and direction in DIRECTIONS:
        cldr = "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
        if direction != cldr:
            c.error(
                direction.pos,
                f"{where}.dir",
                f"not the direction '{code}' is written in; expected '{cldr}'; got '{direction}'",
                "direction_is_cldr",
            )


def _territory(code: str) -> str:
    """The territory CLDR thinks likeliest for a language ('fa' -> 'IR'), for the example."""
    likely = get_global("likely_subtags").get(code, "")
    return likely.rsplit("_", 1)[-1] if "_" in likely else "XX"


def fallback_is_registered(c: Check, entry: Map, where: str, codes: list[str]) -> None:
    fallback = entry.get("fallback")
    own = entry.get("code")
    if fallback is None and len(codes) > 1:
        c.error(
            entry.pos,
            f"{where}.fallback",
            "is required; expected the languages a missing text is taken from, like [en, ar]; got nothing",
            "fallback_is_other",
        )
    if not isinstance(fallback, list):
        return
    seen = set()
    for j, other in enumerate(fallback):
        label = f"{where}.fallback[{j}]"
        pos = pos_of(other, entry, "fallback")
        if not isinstance(other, str) or other not in codes:
            close = did_you_mean(str(other), codes, cutoff=0.4) if isinstance(other, str) else None
            hint = f"did you mean '{close}'? " if close else ""
            c.error(
                pos,
                label,
                f"not a registered language; {hint}expected one of: {', '.join(codes)}; got {got(other)}",
                "fallback_is_registered",
            )
        elif other == own:
            c.error(pos, label, f"the language itself; expected other languages; got '{other}'", "fallback_is_other")
        elif other in seen:
            c.error(pos, label, f"listed twice; expected each language once; got '{other}' again", "fallback_is_other")
        seen.add(other)
    if isinstance(own, str) and not fallback and len(codes) > 1:
        c.error(
            pos_of(fallback, entry, "fallback"),
            f"{where}.fallback",
            "is empty; expected the languages a missing text is taken from, like [en, ar]; got nothing",
            "fallback_is_other",
        )


def registry_of(entries: list) -> Registry:
    return Registry(
        tuple(
            Language(
                code=str(e["code"]),
                name=str(e["name"]),
                dir=str(e["dir"]),
                locale=str(e["locale"]),
                material=str(e["material"]),
                fallback=tuple(str(x) for x in e.get("fallback") or ()),
                reviewed=e["reviewed"] == "true",
            )
            for e in entries
        )
    )
