"""Opening hours on a card: a contact's schedule as rows in the page language.

CLDR day names, the locale's first day of the week, the zone's exemplar city; consecutive days
with the same hours share a row; dated ranges (Ramadan hours, a closed day) get their own table.
``templates/hours.html`` renders what ``view()`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date

from ..core.languages import regional_locale
from ..core.model import DAY, Day, Schedule


def week_order(lang: str) -> list[int]:
    first = regional_locale(lang).first_week_day
    return [(first + n) % 7 for n in range(7)]


def day_name(weekday: int, lang: str) -> str:
    return regional_locale(lang).days["format"]["wide"][weekday]


def zone_city(zone: str, lang: str) -> str:
    """The zone's exemplar city in CLDR (Beirut, «بيروت»), else its name without the area."""
    city = Locale(lang).time_zones.get(zone, {}).get("city")
    if city:
        return city
    if lang != "en":
        city = Locale("en").time_zones.get(zone, {}).get("city")
    return city or zone.rsplit("/", 1)[-1].replace("_", " ")


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def windows_text(day: Day, s: dict) -> list[str]:
    """Each window as the reader reads it: '09:00–17:00', '20:00–02:00 (next day)', '24 hours'."""
    out = []
    for a, b in day:
        if (a, b) == (0, DAY):
            out.append(s["hours_all_day"])
        elif b > DAY:
            out.append(s["hours_overnight"].format(opens=_clock(a), closes=_clock(b - DAY)))
        else:
            out.append(s["hours_window"].format(opens=_clock(a), closes=_clock(b)))
    return out or [s["hours_closed"]]


@dataclass(frozen=True)
class Row:
    day: str
    windows: tuple[str, ...]
    closed: bool


@dataclass(frozen=True)
class Table:
    caption: str
    rows: tuple[Row, ...]


def view(schedule: Schedule, lang: str, s: dict) -> dict:
    """Everything hours.html shows: the zone label, the usual week, the dated ranges, the JS data."""
    zone = s["hours_zone"].format(city=zone_city(schedule.zone, lang))
    order = week_order(lang)

    def rows(days: dict[int, Day]) -> tuple[Row, ...]:
        """Consecutive days (in the locale's week order) with the same hours share one row."""
        present = [w for w in order if w in days]
        if len(present) == 7 and len(set(days.values())) == 1:
            return (Row(s["hours_every_day"], tuple(windows_text(days[present[0]], s)), not days[present[0]]),)
        groups: list[list[int]] = []
        for w in present:
            if groups and days[groups[-1][-1]] == days[w] and order.index(w) == order.index(groups[-1][-1]) + 1:
                groups[-1].append(w)
            else:
                groups.append([w])
        out = []
        for g in groups:
            label = (
                day_name(g[0], lang)
                if len(g) == 1
                else s["hours_days"].format(first=day_name(g[0], lang), last=day_name(g[-1], lang))
            )
            out.append(Row(label, tuple(windows_text(days[g[0]], s)), not days[g[0]]))
        return tuple(out)

    locale = regional_locale(lang)
    tables = []
    if any(schedule.week) or not schedule.periods:
        tables.append(Table(s["hours_week"].format(zone=zone), rows(dict(enumerate(schedule.week)))))
    for p in schedule.periods:
        if p.first == p.last:
            caption = s["hours_on_date"].format(date=format_date(p.first, format="long", locale=locale), zone=zone)
        else:
            caption = s["hours_dated"].format(
                first=format_date(p.first, format="long", locale=locale),
                last=format_date(p.last, format="long", locale=locale),
                zone=zone,
            )
        tables.append(Table(caption, rows(dict(p.days))))
    return {"zone": zone, "tables": tables, "always": schedule.always, "data": schedule.data()}
