"""Opening hours: the ``opening_hours`` and ``timezone`` contract, its rules, and what the build
computes from a schedule.

Reads, for one resource file: ``timezone:`` (optional, IANA) and each contact's
``opening_hours:`` (OpenStreetMap syntax, parsed by PyPI ``opening-hours-py``).
Writes nothing: ``check_hours()`` returns one ``Schedule`` per contact index, with

- ``week``      the usual week (Monday first), a tuple of windows per day in local minutes
                (an end past 1440 runs into the next day: overnight);
- ``periods``   dated ranges that differ from the usual week (Ramadan hours, a closed day),
                within the next year, each with its dates and its own days;
- ``intervals`` open intervals as UTC epoch minutes from the build date to HORIZON_WEEKS later,
                which the page carries in a ``data-`` attribute: the build parses the schedule,
                the reader's browser only looks an instant up in this list (wasla.js).

The usual week is found without re-parsing the expression: for each weekday, the windows
that occur most often over the next year.  Days that differ from it are the dated ranges.

The page shows a Schedule through ``output/hours_table.py``; the exports through
``output/hours_export.py``. So an expression is refused, at its column, when the table could not
show it faithfully: a comment or a ``||`` fallback (alone, a comment reads as open all the time),
a date that does not exist (the parser would read ``Feb 30`` as every day), one that opens
nothing, or one that expands past ``MAX_PERIODS`` dated tables or ``MAX_WINDOWS`` times a day.
A zone is a place (``Asia/Beirut``), or ``UTC`` for a line that answers everywhere at once:
never ``Etc/GMT-2`` (which means UTC+2) or an old alias, and its errors are at its own line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from collections import Counter
from functools import cache

from babel.core import get_global
from opening_hours import OpeningHours, ParserError, State

from ..core.model import DAY, Day, Period, Schedule
from ..core.yamlload import Pos
from .check import got

HORIZON_WEEKS = 8  # how far ahead the browser can tell "open now" from the build date
TABLE_DAYS = 366  # how far ahead dated ranges are looked for (and shown)
ALWAYS_OPEN = ("24/7", "24 hours", "24h", "24 hours a day")  # a free-text note that means open all the time
# Holiday rules need a holiday calendar; opening-hours-py's does not cover the region.
HOLIDAY_RE = re.compile(r"(?<![A-Za-z])(PH|SH)(?![A-Za-z])")
# Sun times need the place's coordinates, which Wasla never publishes.
SOLAR_RE = re.compile(r"(?<![A-Za-z])(sunrise|sunset|dawn|dusk)(?![A-Za-z])", re.I)
# An open end ("10:00+") has no closing time to show or count down to.
OPEN_END_RE = re.compile(r"(?<=\d)\+")
# A comment ("by appointment") is not shown, and a rule that is only a comment reads as open all the time.
COMMENT_RE = re.compile(r'"')
# A fallback rule ("… || …") says what holds when the rules before it do not: no table shows that.
FALLBACK_RE = re.compile(r"\|\|")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# "2026 Feb 29", "Feb 30", "Apr 31", the end of "Feb 10-30": a day the month may not have
MONTH_DAY_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:([0-9]{4})\s*)?("
    + "|".join(MONTHS)
    + r")\s*([0-9]{1,2})(?![0-9:])(?:\s*-\s*([0-9]{1,2})(?![0-9:]))?",
    re.I,
)
MAX_PERIODS = 6  # dated tables on one card, beside the usual week
MAX_WINDOWS = 4  # opening times on one day
GEOGRAPHIC_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
UTC = "UTC"  # the one zone that is not a place: a line that answers everywhere at once
PARSER_POS_RE = re.compile(r"-->\s*(\d+):(\d+)")
PARSER_EXPECTED_RE = re.compile(r"=\s*expected\s+(.+)")
WEEKDAYS_OSM = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# ---------------------------------------------------------------------------
# Time zones


@cache
def zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def country_zones(folder: str) -> tuple[str, ...]:
    """The IANA zones of a country, from CLDR's territory zones (shipped with babel)."""
    return tuple(get_global("territory_zones").get(folder.upper(), ()))


# ---------------------------------------------------------------------------
# The rules (called from rules.check_resource; problems go into its Check)


def _value_pos(value, offset: int) -> Pos | None:
    """The position of character ``offset`` (0-based) inside a scalar, past its opening quote."""
    pos = getattr(value, "pos", None)
    if pos is None:
        return None
    quoted = 1 if getattr(value, "style", None) in ("'", '"') else 0
    return Pos(pos.line, pos.col + quoted + offset)


def zone_problem(name: str, folder: str) -> str | None:
    """Why ``name`` is not a zone the table may name (a place, or UTC), with the zone to name instead."""
    zones = country_zones(folder)
    hint = f" ({folder}: {', '.join(zones)})" if zones else ""
    like = f"an IANA name of a place, like '{zones[0] if zones else 'Asia/Beirut'}'{hint}"
    if name not in zone_names():
        return f"unknown time zone; expected an IANA name like 'Asia/Beirut'{hint}"
    m = re.fullmatch(r"Etc/GMT([+-])([0-9]+)", name)
    if m:
        sign = "-" if m.group(1) == "+" else "+"
        return (
            f"'{name}' is not a place, and its sign is reversed: it means UTC{sign}{m.group(2)}; expected {like}, "
            f"or 'UTC' for a line that answers everywhere at once"
        )
    area = name.split("/", 1)[0]
    if name != UTC and ("/" not in name or area not in GEOGRAPHIC_AREAS):
        canonical = get_global("zone_aliases").get(name)
        instead = (
            f"'{canonical}'"
            if canonical and canonical.split("/", 1)[0] in GEOGRAPHIC_AREAS
            else "'UTC'"
            if canonical == "Etc/UTC" or name.startswith(("Etc/U", "Etc/Z", "Etc/G"))
            else None
        )
        what = f"an alias of {instead}" if instead else "not a place"
        return f"'{name}' is {what}; expected {like}, or 'UTC' for a line that answers everywhere at once"
    try:
        OpeningHours("24/7", timezone=zoneinfo.ZoneInfo(name)).state()
    except Exception as exc:  # the zone database and the evaluator disagree: never a traceback
        return f"cannot be used to evaluate opening hours ({type(exc).__name__}); expected {like}"
    return None


def timezone_is_known(c, data, folder: str, needed: bool) -> str | None:
    """``timezone:`` is a place's IANA zone (or UTC); without it, the folder's country's only zone.
    Returns the zone; every problem of the zone is reported at the zone's own line."""
    value = data.get("timezone")
    if value is not None and value != "":
        if not isinstance(value, str):
            return None  # the shape layer (rules.check_fields) reports it
        problem = zone_problem(str(value), folder)
        if problem:
            c.error(value.pos, "timezone", f"{problem}; got {got(value)}", "timezone_is_known")
            return None
        return str(value)
    zones = country_zones(folder)
    if len(zones) == 1:
        return zones[0]
    if needed:
        if zones:
            what = f"{folder} has several time zones ({', '.join(zones)})"
        else:
            what = (
                "an international entry has no home time zone"
                if folder == "international"
                else f"no time zone is known for {folder}"
            )
        c.error(
            data.pos,
            "timezone",
            f"is required with opening_hours: {what}; expected 'timezone:' with the zone the hours are written in, like 'timezone: {zones[0] if zones else 'Europe/London'}'; got nothing",
            "timezone_is_required",
        )
    return None


def impossible_day(text: str) -> tuple[int, str] | None:
    """(index, what) of the first month day that does not exist ('Feb 30'), or None."""
    for m in MONTH_DAY_RE.finditer(text):
        year, month, *days = m.groups()
        number = MONTHS.index(month.title()) + 1
        last = (
            calendar.monthrange(int(year), number)[1]
            if year
            else (29 if number == 2 else calendar.monthrange(2001, number)[1])
        )
        for group, day in ((3, days[0]), (4, days[1])):
            if day is not None and not 1 <= int(day) <= last:
                return m.start(group), f"{month} {day}"
    return None


def opening_hours_is_valid(c, contact, where: str):
    """OSM ``opening_hours`` syntax, no holiday rules, no sun times. Returns the parsed object."""

    value = contact.get("opening_hours")
    label = f"{where}.opening_hours"
    if not isinstance(value, str):
        return None  # the shape layer (rules.check_fields) reports it
    text = str(value)
    for regex, why in (
        (
            HOLIDAY_RE,
            "holiday rules (PH, SH) cannot be shown: no holiday calendar exists for the region; expected days and times only (say holiday closures in 'hours')",
        ),
        (
            SOLAR_RE,
            "sun times need the place's coordinates, which Wasla never publishes; expected clock times like 18:00",
        ),
        (OPEN_END_RE, "an open end ('10:00+') has no closing time to show; expected a closing time like 10:00-18:00"),
        (
            COMMENT_RE,
            "a comment in quotes is not shown on the card, and a rule that is only a comment reads as open all "
            "the time; expected days and times only (say the rest in 'hours')",
        ),
        (
            FALLBACK_RE,
            "a fallback rule ('||') cannot be shown in a table, which would show the times it falls back from "
            "as open or closed; expected rules separated by ';' (say the rest in 'hours')",
        ),
    ):
        m = regex.search(text)
        if m:
            c.error(
                _value_pos(value, m.start()),
                label,
                f"{why}; got '{m.group(0)}' in {got(text)}",
                "opening_hours_is_valid",
            )
            return None
    bad_day = impossible_day(text)
    if bad_day:
        index, day = bad_day
        c.error(
            _value_pos(value, index),
            label,
            f"'{day}' is not a day of the calendar, and the table would read it as every day; expected a date "
            f"that exists, like 'Feb 28'; got {got(text)}",
            "opening_hours_is_valid",
        )
        return None
    try:
        parsed = OpeningHours(text)
    except (ParserError, SyntaxError, ValueError) as exc:
        message = str(exc)
        m = PARSER_POS_RE.search(message)
        col = int(m.group(2)) if m else 1
        expected = PARSER_EXPECTED_RE.search(message)
        what = expected.group(1).strip() if expected else "OpenStreetMap opening hours"
        shown = text[col - 1 : col + 11] or "the end"
        c.error(
            _value_pos(value, col - 1),
            label,
            f"not valid opening hours at column {col} of the value; expected {what} (like \"Su-Th 09:00-17:00\" or \"Mo-Su 20:00-02:00\", see CONTRIBUTING.md 'Opening hours'); got '{shown}' in {got(text)}",
            "opening_hours_is_valid",
        )
        return None
    for warning in parsed.warnings:
        c.warn(value.pos, label, f"{warning}; expected a plain schedule; got {got(text)}", "opening_hours_warning")
    return parsed


def check_hours(c, data, folder: str, today: dt.date) -> dict[int, Schedule]:
    """Every rule about hours in one resource file; returns {contact index: Schedule}."""
    contacts = data.get("contacts") if isinstance(data.get("contacts"), list) else []
    wanted = [i for i, ct in enumerate(contacts) if isinstance(ct, dict) and ct.get("opening_hours") not in (None, "")]
    zone = timezone_is_known(c, data, folder, needed=bool(wanted))
    found = {}
    for i in wanted:
        parsed = opening_hours_is_valid(c, contacts[i], f"contacts[{i}]")
        if parsed is None or zone is None:
            continue
        try:
            schedule = build(str(contacts[i]["opening_hours"]), zone, today, parsed)
        except Exception as exc:  # never a traceback: the parser accepted it but cannot evaluate it
            c.error(
                contacts[i]["opening_hours"].pos,
                f"contacts[{i}].opening_hours",
                f'cannot be evaluated ({exc}); expected plain days and times like "Su-Th 09:00-17:00"; got {got(contacts[i]["opening_hours"])}',
                "opening_hours_is_valid",
            )
            continue
        if schedule is None:
            c.error(
                contacts[i]["opening_hours"].pos,
                f"contacts[{i}].opening_hours",
                f"says 'unknown' for some times, which cannot be shown as open or closed; expected fixed opening and closing times (say the rest in 'hours'); got {got(contacts[i]['opening_hours'])}",
                "opening_hours_is_definite",
            )
            continue
        if not schedule_is_shown(c, contacts[i]["opening_hours"], f"contacts[{i}].opening_hours", schedule):
            continue
        hours_note_agrees(c, contacts[i], f"contacts[{i}]", schedule)
        found[i] = schedule
    return found


def schedule_is_shown(c, value, label: str, schedule: Schedule) -> bool:
    """What the card's table can show faithfully: some opening in the next year, at most MAX_PERIODS
    dated tables and MAX_WINDOWS opening times a day."""
    days = [*schedule.week, *(day for p in schedule.periods for _, day in p.days)]
    problem = None
    if not schedule.always and not any(days):
        problem = (
            "opens nothing in the next year, so the card could only say closed; expected the days and times the "
            "line answers (say 'by appointment' and the like in 'hours')"
        )
    elif len(schedule.periods) > MAX_PERIODS:
        problem = (
            f"expands to {len(schedule.periods)} dated tables on one card (the hours change from week to week); "
            f"expected a usual week with at most {MAX_PERIODS} dated exceptions in the next year (say the rest in 'hours')"
        )
    elif max(len(day) for day in days) > MAX_WINDOWS:
        problem = (
            f"has {max(len(day) for day in days)} opening times on one day; expected at most {MAX_WINDOWS} a day "
            f"(say the rest in 'hours')"
        )
    if problem:
        c.error(_value_pos(value, 0), label, f"{problem}; got {got(value)}", "opening_hours_is_shown")
        return False
    return True


def hours_note_agrees(c, contact, where: str, schedule: Schedule) -> None:
    """A free-text note saying 24/7 beside a schedule that is not: the reader could not tell which is true."""
    note = contact.get("hours")
    texts = (
        [note]
        if isinstance(note, str)
        else [v for v in note.values() if isinstance(v, str)]
        if isinstance(note, dict)
        else []
    )
    for text in texts:
        if not schedule.always and text.strip().lower().startswith(
            ALWAYS_OPEN + ("على مدار الساعة", "متاح على مدار الساعة")
        ):
            c.error(
                getattr(text, "pos", None),
                f"{where}.hours",
                f'says the line is always open, but opening_hours is {got(schedule.expression)}; expected a note that agrees with opening_hours (or opening_hours: "24/7"); got {got(text)}',
                "hours_note_agrees",
            )
            return


# ---------------------------------------------------------------------------
# The interval builder


def _day_windows(oh, first: dt.date, days: int) -> dict[dt.date, Day] | None:
    """Each date's windows in local wall-clock time; overnight windows belong to the day they start."""

    start = dt.datetime.combine(first - dt.timedelta(days=1), dt.time())
    end = dt.datetime.combine(first + dt.timedelta(days=days + 1), dt.time())
    pieces: dict[dt.date, list[list[int]]] = {}
    for a, b, state, _comment in oh.intervals(start, end):
        if state == State.UNKNOWN:
            return None
        if state != State.OPEN:
            continue
        while a < b:  # split at each midnight
            midnight = dt.datetime.combine(a.date() + dt.timedelta(days=1), dt.time())
            stop = min(b, midnight)
            s = a.hour * 60 + a.minute
            e = s + int((stop - a).total_seconds() // 60)
            pieces.setdefault(a.date(), []).append([s, e])
            a = stop
    dates = [first + dt.timedelta(days=n) for n in range(-1, days + 1)]
    for d, nxt in zip(dates, dates[1:]):  # a window to midnight continued after midnight: overnight
        today, tomorrow = pieces.get(d, []), pieces.get(nxt, [])
        if (
            today
            and tomorrow
            and today[-1][1] == DAY
            and tomorrow[0][0] == 0
            and today[-1] != [0, DAY]
            and tomorrow[0] != [0, DAY]
        ):
            today[-1][1] = DAY + tomorrow.pop(0)[1]
    return {d: tuple(tuple(w) for w in pieces.get(d, [])) for d in dates[1:-1]}


def _usual_week(by_date: dict[dt.date, Day]) -> tuple[Day, ...]:
    week = []
    for weekday in range(7):
        counts = Counter(day for d, day in by_date.items() if d.weekday() == weekday)
        week.append(counts.most_common(1)[0][0] if counts else ())
    return tuple(week)


def _periods(by_date: dict[dt.date, Day], week: tuple[Day, ...]) -> tuple[Period, ...]:
    """Runs of dates that differ from the usual week (gaps under a week join a run)."""
    odd = [d for d, day in sorted(by_date.items()) if day != week[d.weekday()]]
    runs: list[list[dt.date]] = []
    for d in odd:
        if runs and (d - runs[-1][-1]).days < 7:
            runs[-1].append(d)
        else:
            runs.append([d])
    periods = []
    for run in runs:
        first, last = run[0], run[-1]
        span = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        days: dict[int, set] = {}
        for d in span:
            days.setdefault(d.weekday(), set()).add(by_date[d])
        if all(len(v) == 1 for v in days.values()):
            order = sorted(days, key=lambda w: span.index(next(d for d in span if d.weekday() == w)))
            periods.append(Period(first, last, tuple((w, next(iter(days[w]))) for w in order)))
        else:  # not one weekly pattern: each differing date on its own
            periods += [Period(d, d, ((d.weekday(), by_date[d]),)) for d in run]
    return tuple(periods)


def _utc_intervals(oh_text: str, zone: str, today: dt.date) -> tuple[int, int, tuple[tuple[int, int], ...]]:

    tz = zoneinfo.ZoneInfo(zone)
    start = dt.datetime.combine(today, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(today + dt.timedelta(weeks=HORIZON_WEEKS), dt.time(), tzinfo=tz)
    minute = lambda t: int(t.timestamp()) // 60  # noqa: E731
    found: list[list[int]] = []
    for a, b, state, _comment in OpeningHours(oh_text, timezone=tz).intervals(start, end):
        if state != State.OPEN:
            continue
        a, b = minute(a), minute(b)
        if found and found[-1][1] == a:
            found[-1][1] = b
        else:
            found.append([a, b])
    return minute(start), minute(end), tuple((a, b) for a, b in found)


def build(expression: str, zone: str, today: dt.date, parsed=None) -> Schedule | None:
    """A Schedule from an expression (None when some of its times have an unknown state)."""

    oh = parsed if parsed is not None else OpeningHours(expression)
    by_date = _day_windows(oh, today, TABLE_DAYS)
    if by_date is None:
        return None
    week = _usual_week(by_date)
    always = all(day == ((0, DAY),) for day in by_date.values())
    start, end, intervals = _utc_intervals(expression, zone, today)
    return Schedule(expression, zone, week, _periods(by_date, week), always, start, end, intervals)


# ---------------------------------------------------------------------------
# For the page: rows in the page language


# ---------------------------------------------------------------------------
# For the exports (exports.py): the expression as written, and HSDS 3.0 schedules
