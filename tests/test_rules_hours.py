"""Opening hours: the rules' exact messages and the interval builder."""

import datetime as dt
import zoneinfo

import pytest

from conftest import FIXTURES, ROOT, built_site
from test_rules_resource import GOOD, problems
from wasla.core.strings import strings
from wasla.output import hours_table
from wasla.rules import hours

LINE = '    value: "01 123 456"\n'


def with_hours(value, extra=""):
    return GOOD.replace(LINE, LINE + f"    opening_hours: {value}\n") + extra


# -- rules ------------------------------------------------------------------------------------

RULES = {
    "parser error points at the column inside a quoted value": (
        with_hours('"Mo-Fr 09:00-17:0x"'),
        "resources/lb/good-group.yml:12:36: contacts[0].opening_hours: not valid opening hours at column 16 of the value; expected minute (like \"Su-Th 09:00-17:00\" or \"Mo-Su 20:00-02:00\", see CONTRIBUTING.md 'Opening hours'); got '0x' in 'Mo-Fr 09:00-17:0x'",
    ),
    "parser error in a plain value": (
        with_hours("Mo-Fx 09:00-17:00"),
        "resources/lb/good-group.yml:12:23: contacts[0].opening_hours: not valid opening hours at column 4 of the value; expected wday (like \"Su-Th 09:00-17:00\" or \"Mo-Su 20:00-02:00\", see CONTRIBUTING.md 'Opening hours'); got 'Fx 09:00-17:' in 'Mo-Fx 09:00-17:00'",
    ),
    "PH is rejected: no holiday data": (
        with_hours('"Mo-Fr 09:00-17:00; PH off"'),
        "resources/lb/good-group.yml:12:40: contacts[0].opening_hours: holiday rules (PH, SH) cannot be shown: no holiday calendar exists for the region; expected days and times only (say holiday closures in 'hours'); got 'PH' in 'Mo-Fr 09:00-17:00; PH off'",
    ),
    "SH is rejected too": (
        with_hours('"SH off; Mo-Fr 09:00-17:00"'),
        "resources/lb/good-group.yml:12:21: contacts[0].opening_hours: holiday rules (PH, SH) cannot be shown: no holiday calendar exists for the region; expected days and times only (say holiday closures in 'hours'); got 'SH' in 'SH off; Mo-Fr 09:00-17:00'",
    ),
    "sun times need coordinates": (
        with_hours("sunset-22:00"),
        "resources/lb/good-group.yml:12:20: contacts[0].opening_hours: sun times need the place's coordinates, which Wasla never publishes; expected clock times like 18:00; got 'sunset' in 'sunset-22:00'",
    ),
    "open end has no closing time": (
        with_hours("Mo-Fr 10:00+"),
        "resources/lb/good-group.yml:12:31: contacts[0].opening_hours: an open end ('10:00+') has no closing time to show; expected a closing time like 10:00-18:00; got '+' in 'Mo-Fr 10:00+'",
    ),
    "unknown state": (
        with_hours('"Mo-Fr 09:00-17:00 unknown"'),
        "resources/lb/good-group.yml:12:20: contacts[0].opening_hours: says 'unknown' for some times, which cannot be shown as open or closed; expected fixed opening and closing times (say the rest in 'hours'); got 'Mo-Fr 09:00-17:00 unknown'",
    ),
    "unknown time zone": (
        with_hours("Mo-Fr 09:00-17:00", "timezone: Asia/Beirutt\n"),
        "resources/lb/good-group.yml:16:11: timezone: unknown time zone; expected an IANA name like 'Asia/Beirut' (lb: Asia/Beirut); got 'Asia/Beirutt'",
    ),
    "a comment alone would read as open all the time": (
        with_hours("'\"by appointment\"'"),
        "resources/lb/good-group.yml:12:21: contacts[0].opening_hours: a comment in quotes is not shown on the card, and a rule that is only a comment reads as open all the time; expected days and times only (say the rest in 'hours'); got '\"' in '\"by appointment\"'",
    ),
    "a comment after the hours": (
        with_hours("'Mo-Fr 09:00-17:00; \"call first\"'"),
        "resources/lb/good-group.yml:12:40: contacts[0].opening_hours: a comment in quotes is not shown on the card, and a rule that is only a comment reads as open all the time; expected days and times only (say the rest in 'hours'); got '\"' in 'Mo-Fr 09:00-17:00; \"call first\"'",
    ),
    "a fallback rule": (
        with_hours('"Mo-Fr 09:00-17:00 || closed"'),
        "resources/lb/good-group.yml:12:39: contacts[0].opening_hours: a fallback rule ('||') cannot be shown in a table, which would show the times it falls back from as open or closed; expected rules separated by ';' (say the rest in 'hours'); got '||' in 'Mo-Fr 09:00-17:00 || closed'",
    ),
    "a day the calendar does not have": (
        with_hours('"Feb 30 10:00-12:00"'),
        "resources/lb/good-group.yml:12:25: contacts[0].opening_hours: 'Feb 30' is not a day of the calendar, and the table would read it as every day; expected a date that exists, like 'Feb 28'; got 'Feb 30 10:00-12:00'",
    ),
    "29 February of a common year": (
        with_hours('"2027 Feb 29 10:00-12:00"'),
        "resources/lb/good-group.yml:12:30: contacts[0].opening_hours: 'Feb 29' is not a day of the calendar, and the table would read it as every day; expected a date that exists, like 'Feb 28'; got '2027 Feb 29 10:00-12:00'",
    ),
    "the end of a range of days": (
        with_hours('"Apr 10-31 10:00-12:00"'),
        "resources/lb/good-group.yml:12:28: contacts[0].opening_hours: 'Apr 31' is not a day of the calendar, and the table would read it as every day; expected a date that exists, like 'Feb 28'; got 'Apr 10-31 10:00-12:00'",
    ),
    "hours that open nothing": (
        with_hours('"off"'),
        "resources/lb/good-group.yml:12:21: contacts[0].opening_hours: opens nothing in the next year, so the card could only say closed; expected the days and times the line answers (say 'by appointment' and the like in 'hours'); got 'off'",
    ),
    "a short alternating expression": (
        with_hours('"week 1-53/2 Mo 10:00-12:00"'),
        "resources/lb/good-group.yml:12:21: contacts[0].opening_hours: expands to 25 dated tables on one card (the hours change from week to week); expected a usual week with at most 6 dated exceptions in the next year (say the rest in 'hours'); got 'week 1-53/2 Mo 10:00-12:00'",
    ),
    "too many times a day": (
        with_hours('"Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-17:00"'),
        "resources/lb/good-group.yml:12:21: contacts[0].opening_hours: has 5 opening times on one day; expected at most 4 a day (say the rest in 'hours'); got 'Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-…'",
    ),
    "an Etc/ zone, its sign reversed": (
        with_hours("Mo-Fr 09:00-17:00", "timezone: Etc/GMT-2\n"),
        "resources/lb/good-group.yml:16:11: timezone: 'Etc/GMT-2' is not a place, and its sign is reversed: it means UTC+2; expected an IANA name of a place, like 'Asia/Beirut' (lb: Asia/Beirut), or 'UTC' for a line that answers everywhere at once; got 'Etc/GMT-2'",
    ),
    "Etc/UTC": (
        with_hours("Mo-Fr 09:00-17:00", "timezone: Etc/UTC\n"),
        "resources/lb/good-group.yml:16:11: timezone: 'Etc/UTC' is an alias of 'UTC'; expected an IANA name of a place, like 'Asia/Beirut' (lb: Asia/Beirut), or 'UTC' for a line that answers everywhere at once; got 'Etc/UTC'",
    ),
    "an old alias": (
        with_hours("Mo-Fr 09:00-17:00", "timezone: Egypt\n"),
        "resources/lb/good-group.yml:16:11: timezone: 'Egypt' is an alias of 'Africa/Cairo'; expected an IANA name of a place, like 'Asia/Beirut' (lb: Asia/Beirut), or 'UTC' for a line that answers everywhere at once; got 'Egypt'",
    ),
    "a zone the evaluator cannot use, at the zone's line": (
        with_hours("Mo-Fr 09:00-17:00", "timezone: Factory\n"),
        "resources/lb/good-group.yml:16:11: timezone: 'Factory' is not a place; expected an IANA name of a place, like 'Asia/Beirut' (lb: Asia/Beirut), or 'UTC' for a line that answers everywhere at once; got 'Factory'",
    ),
}


def test_utc_names_a_line_that_answers_everywhere(tmp_path):
    assert problems(tmp_path, with_hours('"24/7"', "timezone: UTC\n")) == []


@pytest.mark.parametrize("case", list(RULES))
def test_rule_message(tmp_path, case):
    text, expected = RULES[case]
    assert problems(tmp_path, text) == [expected]


def test_a_24_7_note_must_agree_with_the_schedule(tmp_path):
    text = with_hours('"Su-Th 09:00-17:00"').replace(LINE, LINE + "    hours: {en: 24/7, ar: على مدار الساعة}\n")
    assert problems(tmp_path, text) == [
        "resources/lb/good-group.yml:12:17: contacts[0].hours: says the line is always open, but opening_hours is 'Su-Th 09:00-17:00'; expected a note that agrees with opening_hours (or opening_hours: \"24/7\"); got '24/7'"
    ]
    assert (
        problems(
            tmp_path / "b", with_hours('"24/7"').replace(LINE, LINE + "    hours: {en: 24/7, ar: على مدار الساعة}\n")
        )
        == []
    )


def test_time_zone_required_where_the_country_has_several(tmp_path):
    text = with_hours("Mo-Fr 09:00-17:00").replace("countries: [lb]\n", "").replace('"01 123 456"', '"+970 2 298 2985"')
    assert problems(tmp_path, text, rel="resources/ps/good-group.yml") == [
        "resources/ps/good-group.yml:1:1: timezone: is required with opening_hours: ps has several time zones (Asia/Gaza, Asia/Hebron); expected 'timezone:' with the zone the hours are written in, like 'timezone: Asia/Gaza'; got nothing"
    ]
    assert problems(tmp_path / "b", text + "timezone: Asia/Hebron\n", rel="resources/ps/good-group.yml") == []
    assert (
        problems(
            tmp_path / "c",
            GOOD.replace("countries: [lb]\n", "").replace('"01 123 456"', '"+970 2 298 2985"'),
            rel="resources/ps/good-group.yml",
        )
        == []
    )


def test_time_zone_required_for_international_entries(tmp_path):
    text = (
        with_hours("Mo-Fr 09:00-17:00").replace("countries: [lb]\n", "").replace('"01 123 456"', '"+44 20 7946 0000"')
    )
    assert problems(tmp_path, text, rel="resources/international/good-group.yml") == [
        "resources/international/good-group.yml:1:1: timezone: is required with opening_hours: an international entry has no home time zone; expected 'timezone:' with the zone the hours are written in, like 'timezone: Europe/London'; got nothing"
    ]
    assert (
        problems(tmp_path / "b", text + "timezone: Europe/London\n", rel="resources/international/good-group.yml") == []
    )


def test_good_hours_and_free_text_note_together(tmp_path):
    text = with_hours('"Su-Th 09:00-17:00; 2027 Feb 08-2027 Mar 09 Su-Th 10:00-15:00"').replace(
        LINE, LINE + "    hours: {en: Closed on public holidays., ar: مغلق في العطل الرسمية.}\n"
    )
    assert problems(tmp_path, text) == []


def test_the_contact_carries_its_schedule_and_24_7_gives_the_badge(tmp_path):
    from conftest import make_data
    from wasla.loading.dataset import load

    data = make_data(tmp_path, {"resources/lb/good-group.yml": with_hours("24/7")}, fixtures=False)
    dataset, _ = load(data, today=dt.date(2026, 11, 24))
    (contact,) = dataset.resources[0].contacts
    assert contact.opening_hours == "24/7" and contact.schedule.zone == "Asia/Beirut"
    assert contact.always_open and contact.hours.en is None


# -- the interval builder ---------------------------------------------------------------------

TODAY = dt.date(2026, 11, 24)  # a Tuesday


def local(zone, *args):
    return int(dt.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone)).timestamp()) // 60


def is_open(schedule, minute):
    return any(a <= minute < b for a, b in schedule.intervals)


def test_overnight_belongs_to_the_day_it_starts():
    s = hours.build("Mo-Su 20:00-02:00", "Asia/Beirut", TODAY)
    assert s.week == (((1200, 1560),),) * 7 and s.periods == () and not s.always
    assert is_open(s, local("Asia/Beirut", 2026, 11, 25, 1, 30))  # Wednesday 01:30: Tuesday's night
    assert not is_open(s, local("Asia/Beirut", 2026, 11, 25, 2, 0))
    assert is_open(s, local("Asia/Beirut", 2026, 11, 25, 23, 59))
    # one interval per night, midnight does not split it
    night = [(a, b) for a, b in s.intervals if a == local("Asia/Beirut", 2026, 11, 25, 20, 0)]
    assert night == [(local("Asia/Beirut", 2026, 11, 25, 20, 0), local("Asia/Beirut", 2026, 11, 26, 2, 0))]
    table = hours_table.view(s, "en", strings("en"))
    assert [(r.day, r.windows) for r in table["tables"][0].rows] == [("Every day", ("20:00–02:00 (next day)",))]


def test_split_shifts():
    s = hours.build("Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-14:00", "Asia/Beirut", TODAY)
    assert s.week[0] == ((540, 720), (840, 1020)) and s.week[5] == ((600, 840),) and s.week[6] == ()
    assert is_open(s, local("Asia/Beirut", 2026, 11, 25, 11, 59))
    assert not is_open(s, local("Asia/Beirut", 2026, 11, 25, 13, 0))
    assert is_open(s, local("Asia/Beirut", 2026, 11, 25, 14, 0))


def test_24_7_is_one_interval_over_the_horizon():
    s = hours.build("24/7", "Africa/Cairo", TODAY)
    assert s.always and s.intervals == ((s.start, s.end),)
    assert s.end - s.start == hours.HORIZON_WEEKS * 7 * 1440
    assert hours.build("Mo-Su 00:00-24:00", "Africa/Cairo", TODAY).always


def test_dated_range_beats_the_weekly_rule():
    s = hours.build(
        "Su-Th 09:00-17:00; 2027 Feb 08-2027 Mar 09 Su-Th 10:00-15:00", "Africa/Cairo", dt.date(2027, 1, 25)
    )
    assert s.week[6] == ((540, 1020),) and s.week[4] == s.week[5] == ()  # Friday, Saturday closed
    (ramadan,) = s.periods
    assert (ramadan.first, ramadan.last) == (dt.date(2027, 2, 8), dt.date(2027, 3, 9))
    assert dict(ramadan.days)[0] == ((600, 900),) and dict(ramadan.days)[4] == ()
    assert not is_open(s, local("Africa/Cairo", 2027, 2, 10, 9, 30))  # Wednesday in Ramadan: opens at 10
    assert is_open(s, local("Africa/Cairo", 2027, 2, 3, 9, 30))  # the Wednesday before
    assert not is_open(s, local("Africa/Cairo", 2027, 2, 10, 16, 0))
    assert is_open(s, local("Africa/Cairo", 2027, 3, 10, 16, 0))  # the day after Ramadan


def test_dst_change_moves_the_utc_interval():
    # Europe/London goes to summer time on Sunday 28 March 2027; Asia/Beirut on the same day.
    for zone in ("Europe/London", "Asia/Beirut"):
        s = hours.build("Mo-Su 09:00-17:00", zone, dt.date(2027, 3, 22))
        before = [(a, b) for a, b in s.intervals if a == local(zone, 2027, 3, 27, 9, 0)]
        after = [(a, b) for a, b in s.intervals if a == local(zone, 2027, 3, 29, 9, 0)]
        assert before and after, zone
        # the same wall-clock hours are one hour earlier in UTC after the change
        assert after[0][0] - before[0][0] == 2 * 1440 - 60, zone
        assert after[0][1] - after[0][0] == 480


def test_overnight_across_the_dst_change_is_one_hour_shorter():
    s = hours.build("Mo-Su 20:00-02:00", "Europe/London", dt.date(2027, 3, 22))
    night = [(a, b) for a, b in s.intervals if a == local("Europe/London", 2027, 3, 27, 20, 0)]
    assert night[0][1] - night[0][0] == 5 * 60


def test_view_uses_cldr_days_week_start_and_exemplar_city():
    from wasla.core.strings import strings

    s = hours.build("Su-Th 09:00-17:00", "Africa/Cairo", TODAY)
    en = hours_table.view(s, "en", strings("en"))
    ar = hours_table.view(s, "ar", strings("ar"))
    assert en["tables"][0].caption == "Opening hours (Cairo time)"
    assert ar["tables"][0].caption == "ساعات العمل (بتوقيت القاهرة)"
    # en (US): Sunday first; ar (EG): Saturday first; consecutive days with the same hours share a row
    assert [(r.day, r.windows) for r in en["tables"][0].rows] == [
        ("Sunday–Thursday", ("09:00–17:00",)),
        ("Friday–Saturday", ("Closed",)),
    ]
    assert [(r.day, r.windows) for r in ar["tables"][0].rows] == [
        ("السبت", ("مغلق",)),
        ("من الأحد إلى الخميس", ("09:00–17:00",)),
        ("الجمعة", ("مغلق",)),
    ]
    split = hours_table.view(
        hours.build("Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-14:00", "Asia/Beirut", TODAY), "en", strings("en")
    )
    assert [(r.day, r.windows) for r in split["tables"][0].rows] == [
        ("Sunday", ("Closed",)),
        ("Monday–Friday", ("09:00–12:00", "14:00–17:00")),
        ("Saturday", ("10:00–14:00",)),
    ]
    assert (
        hours_table.zone_city("Asia/Beirut", "ar") == "بيروت" and hours_table.zone_city("Asia/Beirut", "en") == "Beirut"
    )


def test_data_attribute_is_compact_deltas():
    import json

    s = hours.build("Mo-Fr 09:00-17:00", "Asia/Beirut", TODAY)
    d = json.loads(s.data())
    assert d["z"] == "Asia/Beirut" and d["t"] == s.start and d["n"] == s.end - s.start
    at, back = d["t"], []
    for k in range(0, len(d["i"]), 2):
        a = at + d["i"][k]
        at = a + d["i"][k + 1]
        back.append((a, at))
    assert tuple(back) == s.intervals


# -- exports ----------------------------------------------------------------------------------

HSDS = ROOT / "tests" / "hsds-3.0"  # copied from Open Referral, see its README.md


@pytest.fixture(scope="module")
def hours_site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("hours-exports"), resources=FIXTURES / "hours")


def test_json_and_csv_carry_the_opening_hours_string(hours_site):
    import csv
    import io
    import json

    doc = json.loads((hours_site / "data/resources.json").read_text(encoding="utf-8"))
    cairo = next(r for r in doc["resources"] if r["slug"] == "test-hours-cairo")
    assert cairo["contacts"][0]["opening_hours"] == "Su-Th 09:00-17:00; 2027 Feb 08-2027 Mar 09 Su-Th 10:00-15:00"
    assert cairo["contacts"][0]["timezone"] == "Africa/Cairo"
    rows = list(csv.DictReader(io.StringIO((hours_site / "data/resources.csv").read_text(encoding="utf-8-sig"))))
    beirut = next(r for r in rows if r["slug"] == "test-hours-beirut")
    assert (
        beirut["opening_hours"]
        == "01 765 432: Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-14:00 | +961 71 765 432: Mo-Su 20:00-02:00 | +961 71 765 433: 24/7"
    )
    assert beirut["timezone"] == "Asia/Beirut"


def test_hsds_schedules_one_row_per_window_and_still_valid(hours_site):
    import csv
    import io
    import json

    import jsonschema

    services = json.loads((hours_site / "data/hsds/services.json").read_text(encoding="utf-8"))
    schema = json.loads((HSDS / "service.json").read_text())
    for s in services:
        jsonschema.validate(s, schema, format_checker=jsonschema.FormatChecker())
    cairo = next(s for s in services if s["name"] == "Cairo Hours Line")
    rows = [
        (x["byday"], x["opens_at"], x["closes_at"], x.get("valid_from"), x.get("valid_to")) for x in cairo["schedules"]
    ]
    assert rows == [
        ("MO,TU,WE,TH,SU", "09:00:00", "17:00:00", None, None),
        ("MO,TU,WE,TH,SU", "10:00:00", "15:00:00", "2027-02-08", "2027-03-09"),
    ]
    assert all("Africa/Cairo" in x["notes"] and x["freq"] == "WEEKLY" for x in cairo["schedules"])
    beirut = next(s for s in services if s["name"] == "Beirut Hours Line")
    assert [(x["byday"], x["opens_at"], x["closes_at"]) for x in beirut["schedules"]] == [
        ("MO,TU,WE,TH,FR", "09:00:00", "12:00:00"),
        ("MO,TU,WE,TH,FR", "14:00:00", "17:00:00"),
        ("SA", "10:00:00", "14:00:00"),
        ("MO,TU,WE,TH,FR,SA,SU", "20:00:00", "02:00:00"),  # overnight: closes the next day
        ("MO,TU,WE,TH,FR,SA,SU", "00:00:00", "23:59:59"),  # 24/7
    ]
    assert not any("schedules" in s for s in services if s["name"] not in ("Cairo Hours Line", "Beirut Hours Line"))
    package = json.loads((HSDS / "datapackage.json").read_text())
    spec = next(r for r in package["resources"] if r["path"] == "schedules.csv")["schema"]
    table = list(csv.DictReader(io.StringIO((hours_site / "data/hsds/schedules.csv").read_text(encoding="utf-8"))))
    assert list(table[0]) == [f["name"] for f in spec["fields"]]
    assert len(table) == 7 and all(row["id"] and row["service_id"] for row in table)


def test_a_list_is_reported_once_by_the_shape_layer(tmp_path):
    text = GOOD.replace(LINE, LINE + "    opening_hours: [Mo-Fr 09:00-17:00]\n")
    assert problems(tmp_path, text) == [
        "resources/lb/good-group.yml:12:20: contacts[0].opening_hours: must be a single value; expected text on the same line; got a list"
    ]
