"""The ``sources`` field: where each fact about an entry comes from, and when.

A ``sources`` item is a bare web link (undated, kind not recorded) or a mapping::

    - url: https://example.org/page   # required; the same web-link rules as contacts
      date: 2024-03                   # required: YYYY | YYYY-MM | YYYY-MM-DD | undated
      kind: own                       # required: own | partner | press | aggregator | other

A date keeps its precision, and is in the future only when its first day is after today.
"""

from __future__ import annotations

import datetime as dt

from ..core.dates import UNDATED, parse_partial_date
from ..core.model import SOURCE_KINDS, Source
from .check import check_fields, did_you_mean, got, pos_of
from .links import web_url_is_safe

# Fields of a source mapping: name -> (required, what it holds) (the JSON schema repeats these)
SOURCE_FIELDS: dict[str, tuple[bool, str]] = {
    "url": (True, "scalar"),
    "date": (True, "scalar"),
    "kind": (True, "scalar"),
}


# ---------------------------------------------------------------------------
# The rules of the `sources` field


def check_sources(c, data, today: dt.date) -> tuple[Source, ...]:
    """Every item of ``sources``: a safe web link, or a {url, date, kind} mapping. Returns the valid ones."""
    value = data.get("sources")
    if not isinstance(value, list):
        return ()
    sources = []
    for i, item in enumerate(value):
        where = f"sources[{i}]"
        if isinstance(item, dict):
            source = source_mapping_is_valid(c, item, where, today)
            if source:
                sources.append(source)
        elif isinstance(item, str):
            if web_url_is_safe(c, item, where, data, "sources"):
                sources.append(Source(url=str(item)))
        else:
            c.error(
                pos_of(item, data, "sources"),
                where,
                f"must be a web link or a mapping; expected '- https://…' or 'url:', 'date:' and 'kind:' lines; got {got(item)}",
                "source_shape",
            )
    return tuple(sources)


def source_mapping_is_valid(c, item, where: str, today: dt.date) -> Source | None:
    """url (a safe web link), date (YYYY | YYYY-MM | YYYY-MM-DD | undated, not in the future), kind."""
    before = len(c.problems)
    check_fields(c, item, SOURCE_FIELDS, where)
    url = item.get("url")
    url_ok = isinstance(url, str) and bool(url) and web_url_is_safe(c, url, f"{where}.url", item, "url")
    date = source_date_is_valid(c, item, where, today)
    kind = source_kind_is_known(c, item, where)
    if not url_ok or any(p.level == "error" for p in c.problems[before:]):
        return None
    return Source(url=str(url), date=date[0] if date else None, precision=date[1] if date else None, kind=kind)


def source_date_is_valid(c, item, where: str, today: dt.date) -> tuple[dt.date, str] | None:
    value = item.get("date")
    if not isinstance(value, str) or not value or value == UNDATED:
        return None
    parsed = parse_partial_date(value)
    if parsed is None:
        c.error(
            value.pos,
            f"{where}.date",
            f"not a source date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'; got '{value}'",
            "source_date_is_valid",
        )
        return None
    if parsed[0] > today:
        c.error(
            value.pos,
            f"{where}.date",
            f"is in the future; expected a date on or before {today.isoformat()}; got '{value}'",
            "source_date_not_in_future",
        )
        return None
    return parsed


def source_kind_is_known(c, item, where: str) -> str | None:
    value = item.get("kind")
    if not isinstance(value, str) or not value:
        return None
    if value not in SOURCE_KINDS:
        close = did_you_mean(value, SOURCE_KINDS)
        hint = f" (did you mean '{close}'?)" if close else ""
        c.error(
            value.pos,
            f"{where}.kind",
            f"unknown source kind{hint}; expected one of: {', '.join(SOURCE_KINDS)}; got '{value}'",
            "source_kind_is_known",
        )
        return None
    return str(value)
