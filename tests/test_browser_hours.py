"""Opening hours in Chromium with a fixed clock: the status is computed on the
reader's device from the intervals the build wrote; without JavaScript there is no status."""

import datetime as dt

import pytest

from conftest import FIXTURES, built_site, serve

UTC = dt.UTC
STATUS = ("Open now", "Closed now", "مفتوح الآن", "مغلق الآن")


@pytest.fixture(scope="module")
def hours_server(tmp_path_factory):
    site = built_site(tmp_path_factory.mktemp("hours"), resources=FIXTURES / "hours")
    with serve(site) as url:
        yield url


def statuses(page_factory, url, at, javascript=True):
    page = page_factory(javascript=javascript)
    page.clock.set_fixed_time(at)
    page.goto(url)
    return page, [s.inner_text() for s in page.locator("[data-wasla-hours-status]").all() if s.is_visible()]


# (page, instant in UTC, expected statuses of the card's scheduled contacts, in order)
CASES = {
    # Beirut (UTC+2 in winter): phone Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-14:00, WhatsApp Mo-Su 20:00-02:00
    "beirut inside the morning shift": (
        "en/countries/lb.html",
        dt.datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        ["Open now · closes 12:00", "Closed now · opens 20:00"],
    ),
    "beirut between split shifts": (
        "en/countries/lb.html",
        dt.datetime(2026, 11, 25, 11, 0, tzinfo=UTC),
        ["Closed now · opens 14:00", "Closed now · opens 20:00"],
    ),
    "beirut overnight past midnight": (
        "en/countries/lb.html",
        dt.datetime(2026, 11, 25, 23, 30, tzinfo=UTC),
        ["Closed now · opens 09:00", "Open now · closes 02:00"],
    ),
    "beirut saturday afternoon, arabic": (
        "countries/lb.html",
        dt.datetime(2026, 11, 28, 13, 0, tzinfo=UTC),
        ["مغلق الآن · يفتح الاثنين 09:00", "مغلق الآن · يفتح 20:00"],
    ),
    "beirut overnight, arabic": (
        "countries/lb.html",
        dt.datetime(2026, 11, 28, 21, 0, tzinfo=UTC),
        ["مغلق الآن · يفتح الاثنين 09:00", "مفتوح الآن · يغلق الأحد 02:00"],
    ),
    # Cairo (UTC+2 in winter): Su-Th 09:00-17:00, a Friday-Saturday weekend
    "cairo friday": (
        "en/countries/eg.html",
        dt.datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
        ["Closed now · opens Sunday 09:00"],
    ),
    "cairo friday, arabic": (
        "countries/eg.html",
        dt.datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
        ["مغلق الآن · يفتح الأحد 09:00"],
    ),
    "cairo sunday morning": (
        "en/countries/eg.html",
        dt.datetime(2026, 11, 29, 7, 30, tzinfo=UTC),
        ["Open now · closes 17:00"],
    ),
    "cairo thursday evening, arabic": (
        "countries/eg.html",
        dt.datetime(2026, 12, 3, 16, 0, tzinfo=UTC),
        ["مغلق الآن · يفتح الأحد 09:00"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_status_with_a_fixed_clock(hours_server, page_factory, case):
    rel, at, expected = CASES[case]
    page, found = statuses(page_factory, hours_server + rel, at)
    card = "test-hours-beirut" if "lb" in rel else "test-hours-cairo"
    assert [s.inner_text() for s in page.locator(f"#{card} [data-wasla-hours-status]").all()] == expected
    assert page.blocked == []


@pytest.mark.parametrize(
    "rel", ["countries/lb.html", "en/countries/lb.html", "countries/eg.html", "en/countries/eg.html"]
)
def test_without_javascript_the_table_and_never_a_status(hours_server, page_factory, rel):
    page, found = statuses(
        page_factory, hours_server + rel, dt.datetime(2026, 11, 25, 8, 0, tzinfo=UTC), javascript=False
    )
    assert found == []
    text = page.inner_text("main")
    assert not any(s in text for s in STATUS)
    assert page.locator(".wasla-hours__table").first.is_visible()


def test_outside_the_horizon_no_claim(hours_server, page_factory):
    _, found = statuses(page_factory, hours_server + "en/countries/lb.html", dt.datetime(2027, 6, 1, 8, 0, tzinfo=UTC))
    assert found == []


def test_tables_read_in_the_page_language(hours_server, page_factory):
    page = page_factory(javascript=False)
    page.goto(hours_server + "en/countries/eg.html")
    captions = page.locator("#test-hours-cairo caption").all_inner_texts()
    assert captions == ["Opening hours (Cairo time)", "From February 8, 2027 to March 9, 2027 (Cairo time)"]
    rows = page.locator("#test-hours-cairo table").first.locator("tr").all_inner_texts()
    assert [r.split("\t") for r in rows] == [["Sunday–Thursday", "09:00–17:00"], ["Friday–Saturday", "Closed"]]
    page.goto(hours_server + "countries/lb.html")
    beirut = page.locator("#test-hours-beirut")
    assert beirut.locator("caption").first.inner_text() == "ساعات العمل (بتوقيت بيروت)"
    assert "20:00–02:00 (من اليوم التالي)" in beirut.inner_text()
    assert beirut.locator(".wasla-badge--open").inner_text() == "متاح على مدار الساعة"  # the 24/7 SMS line
    assert "قد يستغرق الرد بضع دقائق" in beirut.inner_text()  # the free-text note stays, after the table


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violation_on_hours_cards(hours_server, browser, width):
    from axe_playwright_python.sync_playwright import Axe

    from test_a11y import TAGS

    ctx = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)  # axe is injected
    page = ctx.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    found = {}
    for rel in ("countries/lb.html", "en/countries/lb.html", "countries/eg.html", "en/countries/eg.html"):
        page.goto(hours_server + rel)
        assert page.locator("[data-wasla-hours-status]:visible").count() > 0
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]]
        if violations:
            found[rel] = violations
    ctx.close()
    assert found == {}


def test_the_status_follows_the_clock_while_the_page_stays_open(hours_server, page_factory):
    page = page_factory()
    page.clock.install(time=dt.datetime(2026, 11, 25, 9, 58, tzinfo=UTC))  # Wednesday 11:58 in Beirut
    page.goto(hours_server + "en/countries/lb.html")
    status = page.locator("#test-hours-beirut [data-wasla-hours-status]").first
    assert status.inner_text() == "Open now · closes 12:00"
    page.clock.run_for("03:00")  # three minutes
    assert status.inner_text() == "Closed now · opens 14:00"
    page.clock.run_for("10:00:00")  # 22:01: closed for the night
    assert status.inner_text() == "Closed now · opens Thursday 09:00"
