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
``output/hours_export.py``.
"""

from __future__ import annotations

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


def timezone_is_known(c, data, folder: str, needed: bool) -> str | None:
    """``timezone:`` is an IANA zone; without it, the folder's country's only zone. Returns the zone."""
    value = data.get("timezone")
    if value is not None and value != "":
        if not isinstance(value, str):
            return None  # the shape layer (rules.check_fields) reports it
        if value not in zone_names():
            zones = country_zones(folder)
            hint = f" ({folder}: {', '.join(zones)})" if zones else ""
            c.error(
                value.pos,
                "timezone",
                f"unknown time zone; expected an IANA name like 'Asia/Beirut'{hint}; got {got(value)}",
                "timezone_is_known",
            )
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
        hours_note_agrees(c, contacts[i], f"contacts[{i}]", schedule)
        found[i] = schedule
    return found


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
