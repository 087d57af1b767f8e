"""Opening hours in the open-data exports: the expression as written, and HSDS 3.0 schedules."""

from __future__ import annotations

from ..core.model import DAY, Day, Window
from ..rules.hours import WEEKDAYS_OSM
from .hours_table import _clock

SCHEDULE_COLUMNS = [
    "id",
    "service_id",
    "location_id",
    "service_at_location_id",
    "valid_from",
    "valid_to",
    "dtstart",
    "timezone",
    "until",
    "count",
    "wkst",
    "freq",
    "interval",
    "byday",
    "byweekno",
    "bymonthday",
    "byyearday",
    "description",
    "opens_at",
    "closes_at",
    "schedule_link",
    "attending_type",
    "notes",
]


def contact_fields(c) -> dict:
    """What resources.json adds to each contact: the opening_hours string and its zone."""
    return {"opening_hours": c.opening_hours, "timezone": c.schedule.zone if c.schedule else None}


def csv_cells(r) -> list[str]:
    """resources.csv's opening_hours and timezone cells: 'value: expression' per scheduled contact."""
    scheduled = [c for c in r.contacts if c.schedule]
    return [
        " | ".join(f"{c.value}: {c.opening_hours}" for c in scheduled),
        " ".join(sorted({c.schedule.zone for c in scheduled})),
    ]


def _rows(days: dict[int, Day]) -> list[tuple[str, str, str]]:
    """(byday, opens_at, closes_at): one row per window, the weekdays sharing it in one byday.
    Times are HH:MM:SS (the data package's time type); a window to midnight closes at 23:59:59."""
    by_window: dict[Window, list[int]] = {}
    for weekday in range(7):
        for window in days.get(weekday, ()):
            by_window.setdefault(window, []).append(weekday)
    out = []
    for (a, b), weekdays in sorted(by_window.items(), key=lambda kv: (kv[1][0], kv[0])):
        closes = _clock(b - DAY) + ":00" if b > DAY else ("23:59:59" if b == DAY else _clock(b) + ":00")
        out.append((",".join(WEEKDAYS_OSM[w] for w in weekdays), _clock(a) + ":00", closes))
    return out


def schedules(r, service_id: str, uid) -> list[dict]:
    """HSDS 3.0 schedules of a resource: one row per window of each scheduled contact (weekly,
    byday), dated ranges with valid_from/valid_to. HSDS's own ``timezone`` is a bare UTC offset,
    which DST changes, so the IANA zone goes into ``notes``; times are local wall-clock times."""
    out = []
    for i, c in enumerate(r.contacts):
        s = c.schedule
        if not s:
            continue
        notes = f"Local time in {s.zone} (IANA time zone). OpenStreetMap opening_hours: {s.expression}"
        parts = [(None, None, dict(enumerate(s.week)))] + [(p.first, p.last, dict(p.days)) for p in s.periods]
        for n, (first, last, days) in enumerate(parts):
            for k, (byday, opens, closes) in enumerate(_rows(days)):
                row = {
                    "id": uid("schedule", f"{r.slug}/{i}/{n}/{k}"),
                    "service_id": service_id,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": byday,
                    "opens_at": opens,
                    "closes_at": closes,
                    "description": f"{c.type} {c.value}",
                    "notes": notes,
                }
                if first:
                    row["valid_from"], row["valid_to"] = first.isoformat(), last.isoformat()
                out.append(row)
    return out
