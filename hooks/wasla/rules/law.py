"""The region and what the law says there: ``data/region.yml`` and ``data/countries/<cc>.yml``.

The rules of a law file (one named function per rule, the same ``Check`` and the same
``path:line:col: field: what is wrong; expected …; got …`` messages) and of the region list.
A law file goes through the rules every file does: its texts through ``text_is_plain`` (no
control, bidi or invisible character, a length per field, no contact detail in free text), its
dates through ``written_date`` and its sources through ``sources.check_sources``, each source one
item with its own date. Law text is content, never a title or a slug, and it never enters the
search index.
"""

from __future__ import annotations

import datetime as dt

from ..core.dates import UNDATED
from ..core.languages import english_name, registry
from ..core.model import CONFIDENCES, LAW_TEXTS, Country, LawItem
from ..core.places import country_codes
from ..core.problems import Problem
from ..core.yamlload import Map, Pos
from .check import Check, check_fields, enum_is_known, got, pos_of, to_text, written_date
from .sources import LAW_SOURCE_FIELDS, NO_ORGANISATION, check_sources
from .text import summary_is_short, text_is_plain, translation_is_missing

# ---------------------------------------------------------------------------
# Vocabulary (data/schema/country.schema.json repeats these; tests/test_schema.py keeps them equal)

SAME_SEX_ACTS = ("criminalised", "not_criminalised", "de_facto_criminalised", "unclear")
COUNTRY_FIELDS: dict[str, tuple[bool, str]] = {"law": (True, "list")}
LAW_FIELDS: dict[str, tuple[bool, str]] = {
    "jurisdiction": (False, "text"),
    "same_sex_acts": (True, "scalar"),
    "legal_basis": (False, "text"),
    "max_penalty": (False, "text"),
    "gender_expression": (False, "text"),
    "enforcement": (False, "text"),
    "recent_change": (False, "text"),
    "summary": (True, "text"),
    "sources": (True, "list"),
    "as_of": (True, "scalar"),
    "confidence": (True, "scalar"),
}
REGION_FIELDS: dict[str, tuple[bool, str]] = {"countries": (True, "list")}
# Fields of an older form of the file, and where what they held is written now
LAW_MOVED = {
    "source_dates": "each source carries its own date now: write 'url:' and 'date:' under each item of 'sources' (and remove source_dates);"
}


# ---------------------------------------------------------------------------
# Rules: the region list


def region_codes_are_iso(c: Check, data: Map) -> list[str]:
    codes: list[str] = []
    value = data.get("countries")
    if not isinstance(value, list):
        return codes
    for i, code in enumerate(value):
        if not isinstance(code, str) or code not in country_codes():
            hint = (
                f" (write it in lower case: '{code.lower()}')"
                if isinstance(code, str) and code.lower() in country_codes()
                else ""
            )
            c.error(
                pos_of(code, data, "countries"),
                f"countries[{i}]",
                f"not a country code{hint}; expected a lower-case ISO 3166-1 code like 'lb'; got {got(code)}",
                "region_codes_are_iso",
            )
        elif code in codes:
            c.error(
                code.pos,
                f"countries[{i}]",
                f"country listed twice; expected each country once; got '{code}'",
                "region_codes_are_iso",
            )
        else:
            codes.append(str(code))
    return codes


# ---------------------------------------------------------------------------
# Rules: a law file


def country_file_is_iso(c: Check, code: str) -> None:
    if code not in country_codes():
        c.error(
            Pos(1, 1),
            "",
            f"file name is not a country; expected a lower-case ISO 3166-1 code, like 'lb.yml'; got '{code}.yml'",
            "country_file_is_iso",
        )


def law_is_list(c: Check, data: Map) -> list:
    value = data.get("law")
    if isinstance(value, list) and not value:
        c.error(
            value.pos,
            "law",
            "is empty; expected at least one item (one per jurisdiction); got an empty list",
            "law_is_list",
        )
    return value if isinstance(value, list) else []


def law_text_is_bilingual(c: Check, item: Map, key: str, where: str) -> None:
    """Law text is written per language ({en, ar}): one string would show the same words in both."""
    value = item.get(key)
    if isinstance(value, str) and value.strip():
        c.error(
            value.pos,
            f"{where}.{key}",
            f"must be text in each language; expected 'en:' and 'ar:' lines (either may be empty); got {got(value)}",
            "law_text_is_bilingual",
        )


def law_summary_in_both_languages(c: Check, item: Map, where: str) -> None:
    """The summary is the line every reader sees: it must be there in English and in Arabic."""
    value = item.get("summary")
    if not isinstance(value, dict):
        return
    for lang, name in ((lang, english_name(lang)) for lang in registry().required):
        text = value.get(lang)
        if not (isinstance(text, str) and text.strip()):
            c.error(
                pos_of(text, value, lang) if lang in value else value.pos,
                f"{where}.summary.{lang}",
                f"{name} summary missing; expected '{lang}:' with one or two plain sentences; got nothing",
                "law_summary_in_both_languages",
            )


def as_of_is_valid(c: Check, item: Map, where: str, today: dt.date) -> str | None:
    found = written_date(
        c,
        item.get("as_of"),
        f"{where}.as_of",
        today,
        precisions=("month",),
        expected="YYYY-MM, like '2024-03' (or 'undated' when no source gives a date)",
        rule="as_of_is_valid",
        future_rule="as_of_not_in_future",
        noun="month",
        undated=True,
    )
    if found is None:
        return None
    return UNDATED if found == UNDATED else str(item["as_of"])


def jurisdictions_are_named(c: Check, items: list) -> None:
    """Several items (Palestine: West Bank, Gaza) are told apart by their jurisdiction."""
    if len(items) < 2:
        return
    for i, item in enumerate(items):
        if isinstance(item, dict) and not to_text(item.get("jurisdiction")):
            c.error(
                item.pos,
                f"law[{i}].jurisdiction",
                "is required when the law lists several items; expected {en, ar} naming where this item applies; got nothing",
                "jurisdictions_are_named",
            )


def check_law_item(c: Check, item, i: int, today: dt.date) -> LawItem | None:
    where = f"law[{i}]"
    if not isinstance(item, dict):
        c.error(
            getattr(item, "pos", None),
            where,
            f"must be a mapping; expected 'same_sex_acts:', 'summary:', … lines; got {got(item)}",
            "field_shape",
        )
        return None
    before = len([p for p in c.problems if p.level == "error"])
    check_fields(c, item, LAW_FIELDS, where, moved=LAW_MOVED)
    for key in ("jurisdiction", "summary", *LAW_TEXTS):
        law_text_is_bilingual(c, item, key, where)
    law_summary_in_both_languages(c, item, where)
    translation_is_missing(c, item, f"{where}.jurisdiction", item.get("jurisdiction"))
    enum_is_known(c, item, "same_sex_acts", SAME_SEX_ACTS, f"{where}.same_sex_acts", noun="status")
    enum_is_known(c, item, "confidence", CONFIDENCES, f"{where}.confidence", noun="confidence")
    summary_is_short(c, item, where, advice="the details belong in legal_basis, max_penalty and enforcement")
    as_of = as_of_is_valid(c, item, where, today)
    sources = check_sources(c, item, today, where=where, fields=LAW_SOURCE_FIELDS, bare=False, own=NO_ORGANISATION)
    if len([p for p in c.problems if p.level == "error"]) > before or as_of is None:
        return None
    return LawItem(
        same_sex_acts=str(item["same_sex_acts"]),
        summary=to_text(item["summary"]),
        sources=sources,
        as_of=as_of,
        confidence=str(item["confidence"]),
        jurisdiction=to_text(item.get("jurisdiction")),
        **{key: to_text(item.get(key)) for key in LAW_TEXTS},
    )


def check_country(path: str, code: str, data, today: dt.date) -> tuple[Country | None, list[Problem]]:
    """One law file, every rule."""
    c = Check(path)
    country_file_is_iso(c, code)
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None),
            "",
            f"the file must be a mapping; expected a 'law:' list; got {got(data) if data is not None else 'an empty file'}",
            "file_is_mapping",
        )
        return None, c.problems
    check_fields(c, data, COUNTRY_FIELDS, "")
    text_is_plain(
        c,
        data,
        region=code if code in country_codes() else None,
        home="out of the law text; the page that gives it belongs in 'sources'",
    )
    items = law_is_list(c, data)
    jurisdictions_are_named(c, items)
    law = [check_law_item(c, item, i, today) for i, item in enumerate(items)]
    if c.failed:
        return None, c.problems
    return Country(code=code, path=path, law=tuple(x for x in law if x is not None)), c.problems
