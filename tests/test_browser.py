"""The fixture site in real headless Chromium, every non-local request aborted and recorded."""

import datetime as dt

import pytest
from babel.dates import format_date

from conftest import ROOT, switch_language
from wasla.core.languages import shipped


def test_arabic_page_switch_to_english_and_tel_link(server, page_factory):
    page = page_factory(width=360)
    page.goto(server + "countries/lb.html")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    tel = page.locator('#test-hotline a[href^="tel:"]').first
    assert tel.get_attribute("href") == "tel:+9611123456"
    # the number reads left to right inside Arabic text
    assert tel.locator("bdi").evaluate("e => getComputedStyle(e).direction") == "ltr"
    switch_language(page)
    page.wait_for_load_state()
    assert page.url == server + "en/countries/lb.html"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    switch_language(page)
    page.wait_for_load_state()
    assert page.url == server + "countries/lb.html"
    assert page.blocked == []


def test_english_page_from_home_to_country_to_contact(server, page_factory):
    page = page_factory(width=1280)
    page.goto(server + "en/index.html")
    page.click('.wasla-chooser a:has-text("Lebanon")')
    page.wait_for_load_state()
    assert page.url == server + "en/countries/lb.html"
    link = page.locator('#test-hotline a[href^="tel:"]').first
    link.wait_for(state="visible", timeout=5000)
    box = link.bounding_box()
    assert box["height"] >= 44
    assert page.blocked == []


@pytest.mark.parametrize("javascript", [True, False])
def test_from_file_urls_without_network(fixture_site, page_factory, javascript):
    page = page_factory(width=360, javascript=javascript)
    page.goto((fixture_site / "index.html").as_uri())
    page.click('.wasla-chooser a:has-text("لبنان")')
    page.wait_for_load_state()
    assert page.url.endswith("/countries/lb.html")
    assert page.locator('#test-hotline a[href^="tel:"]').count() == 2
    switch_language(page)
    page.wait_for_load_state()
    assert page.url.endswith("/en/countries/lb.html")
    assert page.blocked == []


@pytest.mark.parametrize("lang", shipped().codes)
def test_browser_dates_agree_with_the_build(server, page_factory, lang):
    """wasla.js formats times with the page's language in the Gregorian calendar and ASCII digits,
    as babel prints the build's dates: Intl.DateTimeFormat('fa') alone writes «۱۴۰۵ آذر»."""
    script = (ROOT / "overrides" / "assets" / "javascripts" / "wasla.js").read_text(encoding="utf-8")
    assert '"-u-ca-gregory-nu-latn"' in script
    page = page_factory()
    page.goto(server + shipped().prefix(lang) + "index.html")
    day = dt.date(2026, 11, 24)
    browser = page.evaluate(
        """() => { const l = document.documentElement.lang + "-u-ca-gregory-nu-latn";
        const d = new Date(Date.UTC(2026, 10, 24));
        return [new Intl.DateTimeFormat(l, {month: "long", year: "numeric", timeZone: "UTC"}).format(d),
                new Intl.DateTimeFormat(l, {weekday: "long", timeZone: "UTC"}).format(d)]; }"""
    )
    assert browser == [format_date(day, "MMMM y", locale=lang), format_date(day, "EEEE", locale=lang)]
