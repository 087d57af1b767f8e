"""Evidence a reader can weigh (issue #19): dated, typed sources and what they add up to.

A ``sources`` item is a bare web link (as before: undated, kind not recorded) or a mapping::

    - url: https://example.org/page   # required; the same web-link rules as contacts
      date: 2024-03                   # required: YYYY | YYYY-MM | YYYY-MM-DD | undated
      kind: own                       # required: own | partner | press | aggregator | other

``check_sources`` is the rulebook for that field (one call from ``rules.check_resource``);
``summarise`` turns an entry's sources into the facts its card, search card, exports and the
``make check`` queue show: the newest dated source and its kind, whether any source is the
organisation's own, whether the newest source is older than the configured age.

Dates keep their precision: ``2024`` is a year and is shown as one, never as "1 January
2024".  To compare dates of different precision a period counts from its first day (``2024``
sorts as 2024-01-01, so ``2024-03`` is newer than ``2024``), and a date is in the future only
when that first day is after today.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_timedelta

SOURCE_KINDS = ("own", "partner", "press", "aggregator", "other")
THIRD_PARTY = ("partner", "press", "aggregator", "other")
UNDATED = "undated"
PRECISIONS = ("year", "month", "day")
# Fields of a source mapping: name -> (required, what it holds) (the JSON schema repeats these)
SOURCE_FIELDS: dict[str, tuple[bool, str]] = {
    "url": (True, "scalar"),
    "date": (True, "scalar"),
    "kind": (True, "scalar"),
}
STALE_YEARS = 3  # default; mkdocs.yml extra.wasla.evidence_stale_years overrides it for the site

SOURCE_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Source:
    """One source: where, when (to the precision written) and what kind of source it is."""

    url: str
    date: dt.date | None = None  # the first day of the period written; None = undated
    precision: str | None = None  # "year" | "month" | "day"; None = undated
    kind: str | None = None  # one of SOURCE_KINDS; None = a bare link (kind not recorded)

    @property
    def written_date(self) -> str:
        """The date as the data has it: '2024', '2024-03', '2024-03-05' or 'undated'."""
        if self.date is None:
            return UNDATED
        return self.date.isoformat()[:{"year": 4, "month": 7, "day": 10}[self.precision]]


def parse_source_date(text: str) -> tuple[dt.date, str] | None:
    """'2024' -> (2024-01-01, 'year'); '2024-03' -> (2024-03-01, 'month'); None when not a date."""
    m = SOURCE_DATE_RE.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return date, PRECISIONS[(month is not None) + (day is not None)]


# ---------------------------------------------------------------------------
# The rules of the `sources` field


def check_sources(c, data, today: dt.date) -> tuple[Source, ...]:
    """Every item of ``sources``: a safe web link, or a {url, date, kind} mapping. Returns the valid ones."""
    from .rules import _got, pos_of, web_url_is_safe

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
            c.error(pos_of(item, data, "sources"), where,
                    f"must be a web link or a mapping; expected '- https://…' or 'url:', 'date:' and 'kind:' lines; got {_got(item)}", "source_shape")
    return tuple(sources)


def source_mapping_is_valid(c, item, where: str, today: dt.date) -> Source | None:
    """url (a safe web link), date (YYYY | YYYY-MM | YYYY-MM-DD | undated, not in the future), kind."""
    from .rules import check_fields, web_url_is_safe

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
    parsed = parse_source_date(value)
    if parsed is None:
        c.error(value.pos, f"{where}.date", f"not a source date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'; got '{value}'", "source_date_is_valid")
        return None
    if parsed[0] > today:
        c.error(value.pos, f"{where}.date", f"is in the future; expected a date on or before {today.isoformat()}; got '{value}'", "source_date_not_in_future")
        return None
    return parsed


def source_kind_is_known(c, item, where: str) -> str | None:
    value = item.get("kind")
    if not isinstance(value, str) or not value:
        return None
    if value not in SOURCE_KINDS:
        close = difflib.get_close_matches(value, SOURCE_KINDS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        c.error(value.pos, f"{where}.kind", f"unknown source kind{hint}; expected one of: {', '.join(SOURCE_KINDS)}; got '{value}'", "source_kind_is_known")
        return None
    return str(value)


# ---------------------------------------------------------------------------
# What an entry's sources add up to


@dataclass(frozen=True)
class Evidence:
    newest: Source | None  # the newest dated source (None: no source is dated)
    has_own: bool  # some source is the organisation's own
    third_party_only: bool  # every source has a known kind, and none is 'own'
    stale: bool  # the newest dated source is older than the configured age

    @property
    def case(self) -> str:
        """Which sentence the card shows (a key suffix of the string tables)."""
        if self.newest is None:
            return "third_party_undated" if self.third_party_only else "undated"
        if self.newest.kind == "own":
            return "own"
        return "third_party" if self.third_party_only else "newest"


def years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def newest(sources) -> Source | None:
    dated = [s for s in sources if s.date is not None]
    # equal first days: the more precise date is the better evidence
    return max(dated, key=lambda s: (s.date, PRECISIONS.index(s.precision))) if dated else None


def summarise(sources, today: dt.date, stale_years: int = STALE_YEARS) -> Evidence:
    top = newest(sources)
    kinds = [s.kind for s in sources]
    return Evidence(
        newest=top,
        has_own="own" in kinds,
        third_party_only=bool(kinds) and all(k in THIRD_PARTY for k in kinds),
        stale=top is not None and top.date < years_before(today, stale_years),
    )


def queue_key(evidence: Evidence):
    """Oldest evidence first: undated entries before any dated one."""
    return (evidence.newest is not None, evidence.newest.date if evidence.newest else dt.date.min)


# ---------------------------------------------------------------------------
# Words: dates and ages in the reader's language (CLDR, through babel)


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@lru_cache(maxsize=None)
def _levant(lang: str) -> Locale | None:
    # Arabic readers from the Levant and Iraq know March as آذار, from Egypt and the Gulf as
    # مارس. CLDR's 'ar' gives only مارس; newspapers write both, «آذار/مارس», as issue #19 shows.
    return Locale.parse("ar_SY") if lang == "ar" else None


@lru_cache(maxsize=None)
def month_name(month: int, lang: str) -> str:
    locale = _locale(lang)
    name = locale.months["format"]["wide"][month]
    levant = _levant(lang)
    if levant is not None:
        other = levant.months["format"]["wide"][month]
        if other != name:
            return f"{other}/{name}"
    return name


def format_source_date(source: Source, lang: str) -> str:
    """'2024' | 'March 2024' / 'آذار/مارس 2024' | '5 March 2024' / '5 آذار/مارس 2024'."""
    return "" if source.date is None else format_partial_date(source.date, source.precision, lang)


@lru_cache(maxsize=4096)  # a site has few distinct source dates; CLDR formatting is the cost
def format_partial_date(date: dt.date, precision: str, lang: str) -> str:
    """A date shown as precisely as it was written (precision: year | month | day), in the page
    language; Arabic months as «آذار/مارس». Law dates (countries.py) use it too."""
    locale = _locale(lang)
    year = format_date(date, format="y", locale=locale)
    if precision == "year":
        return year
    if lang == "ar":
        month = month_name(date.month, lang)
        if precision == "month":
            return f"{month} {year}"
        return f"{format_date(date, format='d', locale=locale)} {month} {year}"
    if precision == "month":
        return format_date(date, format="MMMM y", locale=locale)
    return format_date(date, format="long", locale=locale)


@lru_cache(maxsize=None)
def format_years(years: int, lang: str) -> str:
    """'3 years' / '3 سنوات' (CLDR plural rules)."""
    return format_timedelta(dt.timedelta(days=365 * years), granularity="year", threshold=100, locale=_locale(lang))


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


def export_fields(r) -> dict:
    """The evidence facts of the open-data exports: newest source date and kind, each source's."""
    top = newest(r.sources)
    return {
        "newest_source_date": top.written_date if top else None,
        "newest_source_kind": top.kind if top else None,
        "source_details": [{"url": s.url, "date": s.written_date, "kind": s.kind} for s in r.sources],
    }
