"""The region and what the law says there: ``data/region.yml`` and ``data/countries/<cc>.yml``.

The rules of a law file (one named function per rule, the same ``Check`` and the same
``path:line:col: field: what is wrong; expected …; got …`` messages) and of the region list.
Law text is content, never a title or a slug, and it never enters the search index.
"""

from __future__ import annotations

import datetime as dt

from ..core.dates import UNDATED, parse_month, parse_partial_date
from ..core.languages import english_name, registry
from ..core.model import CONFIDENCES, LAW_TEXTS, Country, LawItem, Source
from ..core.places import country_codes
from ..core.problems import Problem
from ..core.yamlload import Map, Pos
from .check import Check, check_fields, enum_is_known, got, pos_of, to_text
from .links import web_url_is_safe
from .text import translation_is_missing

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
    "source_dates": (True, "list"),
    "as_of": (True, "scalar"),
    "confidence": (True, "scalar"),
}
REGION_FIELDS: dict[str, tuple[bool, str]] = {"countries": (True, "list")}


# ---------------------------------------------------------------------------
# Model


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
    value = item.get("as_of")
    if not isinstance(value, str) or not value:
        return None
    if value == UNDATED:
        return UNDATED
    if parse_month(value) is None:
        c.error(
            value.pos,
            f"{where}.as_of",
            f"not a month; expected YYYY-MM, like '2024-03' (or 'undated' when no source gives a date); got '{value}'",
            "as_of_is_valid",
        )
        return None
    if (int(value[:4]), int(value[5:7])) > (today.year, today.month):
        c.error(
            value.pos,
            f"{where}.as_of",
            f"is in the future; expected a month up to {today.strftime('%Y-%m')}; got '{value}'",
            "as_of_not_in_future",
        )
        return None
    return str(value)


def source_date_is_valid(c: Check, value, where: str, parent, key) -> bool:
    if isinstance(value, str) and (value == UNDATED or parse_partial_date(value)):
        return True
    c.error(
        pos_of(value, parent, key),
        where,
        f"not a date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated'; got {got(value)}",
        "source_date_is_valid",
    )
    return False


def source_dates_are_aligned(c: Check, item: Map, where: str) -> None:
    sources, dates = item.get("sources"), item.get("source_dates")
    if isinstance(sources, list) and isinstance(dates, list) and sources and dates and len(sources) != len(dates):
        c.error(
            dates.pos,
            f"{where}.source_dates",
            f"not aligned with sources; expected one date per source, in the same order ({len(sources)}; 'undated' when a page shows none); got {len(dates)}",
            "source_dates_are_aligned",
        )


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


def _source(url: str, date: str) -> Source:
    parsed = parse_partial_date(date) if date != UNDATED else None
    return Source(url, date=parsed[0] if parsed else None, precision=parsed[1] if parsed else None)


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
    check_fields(c, item, LAW_FIELDS, where)
    for key in ("jurisdiction", "summary", *LAW_TEXTS):
        law_text_is_bilingual(c, item, key, where)
    law_summary_in_both_languages(c, item, where)
    translation_is_missing(c, item, f"{where}.jurisdiction", item.get("jurisdiction"))
    enum_is_known(c, item, "same_sex_acts", SAME_SEX_ACTS, f"{where}.same_sex_acts", noun="status")
    enum_is_known(c, item, "confidence", CONFIDENCES, f"{where}.confidence", noun="confidence")
    as_of = as_of_is_valid(c, item, where, today)
    urls, dates = [], []
    if isinstance(item.get("sources"), list):
        for j, src in enumerate(item["sources"]):
            if web_url_is_safe(c, src, f"{where}.sources[{j}]", item, "sources"):
                urls.append(str(src))
    if isinstance(item.get("source_dates"), list):
        for j, date in enumerate(item["source_dates"]):
            if source_date_is_valid(c, date, f"{where}.source_dates[{j}]", item, "source_dates"):
                dates.append(str(date))
    source_dates_are_aligned(c, item, where)
    if len([p for p in c.problems if p.level == "error"]) > before or as_of is None:
        return None
    return LawItem(
        same_sex_acts=str(item["same_sex_acts"]),
        summary=to_text(item["summary"]),
        sources=tuple(_source(u, d) for u, d in zip(urls, dates)),
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
    items = law_is_list(c, data)
    jurisdictions_are_named(c, items)
    law = [check_law_item(c, item, i, today) for i, item in enumerate(items)]
    if c.failed:
        return None, c.problems
    return Country(code=code, path=path, law=tuple(x for x in law if x is not None)), c.problems


# ---------------------------------------------------------------------------
# Rules: the resource fields `scope` and `warnings`


# ---------------------------------------------------------------------------
# Loading (load.load calls load_countries once)


# ---------------------------------------------------------------------------
# Names and order


# ---------------------------------------------------------------------------
# Pages


# ---------------------------------------------------------------------------
# make check and the open-data exports
