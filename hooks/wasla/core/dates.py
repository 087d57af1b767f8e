"""Dates: parsing what the data writes, counting months, and writing dates in a page language.

A date in the data keeps its precision: ``2024`` is a year and is shown as one, never as
"1 January 2024".  To compare dates of different precision a period counts from its first day
(``2024`` sorts as 2024-01-01).  Every date is written through CLDR (babel), so its month names
and digits are the page language's.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_timedelta

from .languages import locale
from .model import PRECISIONS, UNDATED

__all__ = ["UNDATED", "PRECISIONS"]

ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso_date(text: str) -> dt.date | None:
    """'2026-01-31' -> a date; None for anything else (other shapes, impossible days)."""
    if not ISO_DATE_RE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_partial_date(text: str) -> tuple[dt.date, str] | None:
    """'2024' -> (2024-01-01, 'year'); '2024-03' -> (2024-03-01, 'month'); None when not a date."""
    m = PARTIAL_DATE_RE.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return date, PRECISIONS[(month is not None) + (day is not None)]


def parse_month(text: str) -> dt.date | None:
    """'2024-03' -> 2024-03-01; None for anything else."""
    if not MONTH_RE.match(text) or not 1 <= int(text[5:7]) <= 12:
        return None
    return dt.date(int(text[:4]), int(text[5:7]), 1)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from one date to a later one (31 January to 28 February: 0)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def build_today() -> dt.date:
    """'Today' for a build or a check: WASLA_TODAY=YYYY-MM-DD makes builds and tests reproducible."""
    fixed = os.environ.get("WASLA_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


# ---------------------------------------------------------------------------
# Writing dates in a page language


@cache
def _levant(lang: str) -> Locale | None:
    # Arabic readers from the Levant and Iraq know March as آذار, from Egypt and the Gulf as
    # مارس. CLDR's 'ar' gives only مارس; newspapers write both, «آذار/مارس».
    return Locale.parse("ar_SY") if lang == "ar" else None


@cache
def month_name(month: int, lang: str) -> str:
    name = locale(lang).months["format"]["wide"][month]
    levant = _levant(lang)
    if levant is not None:
        other = levant.months["format"]["wide"][month]
        if other != name:
            return f"{other}/{name}"
    return name


@lru_cache(maxsize=4096)  # a site has few distinct dates; CLDR formatting is the cost
def format_partial_date(date: dt.date, precision: str, lang: str) -> str:
    """A date shown as precisely as it was written (precision: year | month | day), in the page
    language; Arabic months as «آذار/مارس»."""
    loc = locale(lang)
    year = format_date(date, format="y", locale=loc)
    if precision == "year":
        return year
    if lang == "ar":
        month = month_name(date.month, lang)
        if precision == "month":
            return f"{month} {year}"
        return f"{format_date(date, format='d', locale=loc)} {month} {year}"
    if precision == "month":
        return format_date(date, format="MMMM y", locale=loc)
    return format_date(date, format="long", locale=loc)


def format_written_date(text: str, lang: str) -> str:
    """A date as the data writes it ('2024', '2024-03', '2024-03-05') in the page language;
    '' for 'undated'. A bare year stays as written."""
    parsed = parse_partial_date(text) if text != UNDATED else None
    if parsed is None:
        return ""
    if parsed[1] == "year":
        return text
    return format_partial_date(parsed[0], parsed[1], lang)


@cache
def format_years(years: int, lang: str) -> str:
    """'3 years' / '3 سنوات' (CLDR plural rules)."""
    return format_timedelta(dt.timedelta(days=365 * years), granularity="year", threshold=100, locale=locale(lang))


@lru_cache(maxsize=4096)  # every page's footer gives the data date: one formatting per language
def format_long_date(value: dt.date, lang: str) -> str:
    return format_date(value, format="long", locale=locale(lang))


def format_ago(value: dt.date, today: dt.date, lang: str) -> str:
    """'3 months ago' / 'قبل 3 أشهر', from CLDR."""
    return format_timedelta(value - today, granularity="day", threshold=1.1, add_direction=True, locale=locale(lang))
