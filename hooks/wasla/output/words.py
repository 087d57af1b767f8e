"""Facts as a reader reads them, in the page language: the evidence line, source labels.

Plain text: the templates escape it.
"""

from __future__ import annotations

import datetime as dt

from ..core.dates import format_partial_date, format_years
from ..core.model import Source
from ..queries.evidence import summarise


def format_source_date(source: Source, lang: str) -> str:
    """'2024' | 'March 2024' / 'آذار/مارس 2024' | '5 March 2024' / '5 آذار/مارس 2024'."""
    return "" if source.date is None else format_partial_date(source.date, source.precision, lang)


def evidence_line(r, strings: dict, lang: str, today: dt.date, stale_years: int) -> dict:
    """The card's evidence sentence and its note on age, as plain text (the template escapes it)."""
    e = summarise(r.sources, today, stale_years)
    kind = strings[f"source_kind_{e.newest.kind}"] if e.newest and e.newest.kind else strings["source_kind_unknown"]
    date = format_source_date(e.newest, lang) if e.newest else ""
    return {
        "text": strings[f"evidence_{e.case}"].format(date=date, kind=kind),
        "stale": strings["evidence_old"].format(age=format_years(stale_years, lang)) if e.stale else "",
        "case": e.case,
    }


def source_label(source: Source, strings: dict, lang: str) -> str:
    """'press · March 2024' for the sources list."""
    kind = strings[f"source_kind_{source.kind}"] if source.kind else strings["source_kind_unknown"]
    date = format_source_date(source, lang) if source.date else strings["source_undated"]
    return f"{kind} · {date}"
