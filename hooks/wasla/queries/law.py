"""What the law says, as of when: which law texts may be out of date (pages and ``make check``)."""

from __future__ import annotations

import datetime as dt

from ..core.dates import months_between
from ..core.model import LawItem


def law_is_stale(item: LawItem, today: dt.date, stale_months: int) -> bool:
    """Undated, or dated longer ago than stale_months."""
    date = item.as_of_date
    return date is None or months_between(date, today) > stale_months


def law_notes(dataset, today: dt.date, stale_months: int) -> list[str]:
    """Lines for `make check`: law items that are stale or of low confidence."""
    lines = []
    for code, country in sorted(dataset.countries.items()):
        for i, item in enumerate(country.law):
            date = item.as_of_date
            if date is None:
                lines.append(f"{country.path}: law[{i}]: note: stale: as_of is undated")
            elif months_between(date, today) > stale_months:
                lines.append(
                    f"{country.path}: law[{i}]: note: stale: as of {item.as_of}, over {stale_months} months ago"
                )
            if item.confidence == "low":
                lines.append(f"{country.path}: law[{i}]: note: low confidence")
    return lines
