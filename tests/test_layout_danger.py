"""The danger view ("In danger now?"), topic first: which pages exist, what each lists and in
which order, without JavaScript and with it (the lines open now first), in Arabic and English,
over http and from file://; the home page's topic choice and each country page's topics.

Fixture: tests/fixtures/resources (their answers:) plus conftest.DANGER_FILES."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import DANGER_FILES, make_data
from wasla.core.strings import strings
from wasla.layout.pages import DANGER_EVERYWHERE, DANGER_LOCAL, Layout, danger_path
from wasla.loading.dataset import load

TOPICS = ["suicide", "violence", "arrest", "blackmail", "pep", "housing", "leaving", "digital"]
COUNTRIES = ["lb", "eg", "tn", "om"]
LANGS = [("ar", ""), ("en", "en/")]

# (topic, country or None) -> (the country's own lines, the international lines), in the order a
# page shows them without JavaScript: by the topic's kinds in topics.yml's order (hotlines before
# legal aid for violence: Test Escaping last), then lines a reader can reach directly before
# those with a website only, then open 24/7 first (Test Hotline), then by name. Paused and closed entries never appear (Paused Centre answers housing,
# Open Clinic pep). Shield Desk serves Lebanon and Tunisia only.
EXPECTED = {
    ("suicide", "lb"): (["test-hotline", "day-line", "night-chat"], ["mind-line"]),
    ("suicide", "eg"): (["test-stale"], ["mind-line"]),
    ("suicide", "tn"): ([], ["mind-line"]),
    ("suicide", "om"): ([], ["mind-line"]),
    ("suicide", None): ([], ["mind-line"]),
    ("violence", "lb"): (["test-hotline", "day-line", "test-escaping"], ["test-intl-line"]),
    ("violence", "eg"): ([], ["test-intl-line"]),
    ("violence", "tn"): ([], ["test-intl-line"]),
    ("violence", "om"): ([], ["test-intl-line"]),
    ("violence", None): ([], ["test-intl-line"]),
    ("arrest", "lb"): (["test-escaping"], []),
    ("arrest", "eg"): ([], []),
    ("arrest", "tn"): (["tunis-rights"], []),
    ("arrest", "om"): ([], []),
    ("arrest", None): ([], []),
    ("blackmail", "lb"): (["cyber-desk"], ["shield-desk"]),
    ("blackmail", "eg"): ([], []),
    ("blackmail", "tn"): (["tunis-rights"], ["shield-desk"]),
    ("blackmail", "om"): ([], []),
    ("blackmail", None): ([], []),
    ("pep", "lb"): (["test-hotline"], []),
    ("pep", "eg"): ([], []),
    ("pep", "tn"): ([], []),
    ("pep", "om"): ([], []),
    ("pep", None): ([], []),
    ("housing", "lb"): ([], []),
    ("housing", "eg"): ([], []),
    ("housing", "tn"): ([], []),
    ("housing", "om"): ([], []),
    ("housing", None): ([], []),
    ("leaving", "lb"): ([], ["test-intl-line"]),
    ("leaving", "eg"): ([], ["test-intl-line"]),
    ("leaving", "tn"): ([], ["test-intl-line"]),
    ("leaving", "om"): ([], ["test-intl-line"]),
    ("leaving", None): ([], ["test-intl-line"]),
    ("digital", "lb"): (["cyber-desk"], ["shield-desk"]),
    ("digital", "eg"): ([], []),
    ("digital", "tn"): ([], ["shield-desk"]),
    ("digital", "om"): ([], []),
    ("digital", None): ([], []),
}
# 21:00 in Beirut (UTC+2) on a Wednesday: Night Chat (20:00-23:00) is open, Day Line (09:00-17:00)
# closed, Test Hotline open 24/7; Test Escaping's hours are not known. With JavaScript the lines
# open now come first, then those of unknown hours, then those closed now.
NIGHT = dt.datetime(2026, 11, 25, 19, 0, tzinfo=dt.UTC)
AT_NIGHT = {
    ("suicide", "lb"): (["test-hotline", "night-chat", "day-line"], ["mind-line"]),
    ("violence", "lb"): (["test-hotline", "test-escaping", "day-line"], ["test-intl-line"]),
}


def test_the_table_covers_every_topic_and_country():
    assert set(EXPECTED) == {(t, c) for t in TOPICS for c in [*COUNTRIES, None]}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    data = make_data(tmp_path_factory.mktemp("danger-data"), DANGER_FILES, region=True)
    loaded, problems = load(data, raise_on_error=False)
    assert [p for p in problems if p.level == "error"] == []
    return loaded


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_layout_lists_each_topics_lines_in_order(dataset, lang):
    layout = Layout(dataset, lang)
    got = {}
    for topic, code in EXPECTED:
        view = layout.danger_view(topic, code)
        got[(topic, code)] = ([r.slug for r in view.local], [r.slug for r in view.everywhere])
        assert view.local_total == len(view.local) <= DANGER_LOCAL
        assert view.everywhere_total == len(view.everywhere) <= DANGER_EVERYWHERE
    assert got == EXPECTED


def test_the_danger_pages_one_per_topic_and_country_out_of_the_nav(dataset):
    layout = Layout(dataset, "en")
    plans = [p for p in layout.pages() if p.kind in ("danger", "topic", "answer")]
    countries = layout.danger_countries()
    assert "international" not in countries and set(dataset.region) <= set(countries)
    assert len(plans) == 1 + len(TOPICS) * (1 + len(countries))
    assert plans[0].path == "danger/index.md"
    assert [p.path for p in plans[1:3]] == ["danger/suicide.md", f"danger/suicide-{countries[0]}.md"]
    assert danger_path("suicide", "lb") == "danger/suicide-lb.html" and danger_path("pep") == "danger/pep.html"


# -- the built pages -------------------------------------------------------------------------


def slugs(hrefs: list[str]) -> list[str]:
    return [h.rsplit("#", 1)[1] for h in hrefs]


def lists_on(page) -> list[list[str]]:
    """The slugs of each list of lines on the page, in the order shown."""
    hrefs = page.eval_on_selector_all(
        "[data-wasla-open-first]",
        "lists => lists.map(ul => [...ul.children].map(li => li.querySelector('.wasla-quick__name > a').getAttribute('href')))",
    )
    return [slugs(h) for h in hrefs]


def shown(topic: str, code: str | None, at_night: bool) -> list[list[str]]:
    local, everywhere = (AT_NIGHT if at_night else {}).get((topic, code), EXPECTED[(topic, code)])
    if code is None:  # a topic's own page: only the lines that answer it from anywhere
        return [everywhere] if everywhere else []
    return [x for x in (local, everywhere) if x]


@pytest.mark.parametrize("javascript", [False, True])
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_danger_page_shows_its_lines_in_order(danger_server, page_factory, lang, prefix, javascript):
    page = page_factory(javascript=javascript)
    if javascript:
        page.clock.set_fixed_time(NIGHT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    wrong = {}
    for topic, code in EXPECTED:
        page.goto(f"{danger_server}{prefix}{danger_path(topic, code)}")
        got = lists_on(page)
        if got != shown(topic, code, javascript):
            wrong[(topic, code)] = got
    assert wrong == {}
    assert errors == [] and page.blocked == []


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_a_country_page_says_plainly_when_no_line_is_known(danger_site, lang, prefix):
    s = strings(lang)
    html = (danger_site / prefix / "danger/housing-om.html").read_text(encoding="utf-8")
    from wasla.core.places import country_name

    oman = country_name("om", lang)
    assert s["danger_none_here"].format(country=oman) in html
    assert s["danger_none_everywhere"] in html
    assert f"<title>{s['page_danger_country_title'].format(country=oman)} - " in html  # neutral: no topic in the title
    assert "<h1>" + ("طُردت، أو لا مكان آمناً للنوم" if lang == "ar" else "Thrown out, or no safe place to sleep") in html
    # the nearest real options: the international lines that answer it, when there are some
    leaving = (danger_site / prefix / "danger/leaving-om.html").read_text(encoding="utf-8")
    assert s["danger_none_here"].format(country=oman) in leaving and "#test-intl-line" in leaving
    # what else to do, the way to the other topics here and to the country's page
    assert (
        s["danger_next"] in html
        and 'href="../danger/suicide-om.html"' in html
        and 'href="../countries/om.html"' in html
    )


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_a_line_shows_whom_it_is_for_its_warnings_and_what_it_leaves_behind(danger_site, lang, prefix):
    s = strings(lang)
    html = (danger_site / prefix / "danger/suicide-lb.html").read_text(encoding="utf-8")
    day = html[html.index("#day-line") : html.index("</li>\n</ul>\n</li>", html.index("#day-line"))]
    assert f"{s['audience_label']}: {s['audience_youth']}" in day
    assert s["trace_phone"].replace("'", "&#39;") in day and 'data-wasla-hours="' in day
    night = html[html.index("#night-chat") :]
    assert s["warnings_label"] in night[: night.index("</li>\n</ul>\n</li>")]
    mind = html[html.index("#mind-line") :]
    assert f"{s['audience_label']}: {s['audience_adults']}" in mind


def test_the_topic_page_offers_the_countries_right_there(danger_site):
    html = (danger_site / "en/danger/suicide.html").read_text(encoding="utf-8")
    where = html[html.index('id="danger-where"') : html.index("</nav>", html.index('id="danger-where"'))]
    codes = re.findall(r'href="\.\./danger/suicide-([a-z]{2})\.html"', where)
    assert {"lb", "eg", "om", "tn"} <= set(codes) and "international" not in where
    assert "Where are you? Choose your country:" in where
    assert "<title>Help now - Wasla</title>" in html and "<h1>Thoughts of suicide or an emotional crisis</h1>" in html


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_home_block_is_the_topic_choice_and_each_country_page_lists_its_topics(danger_site, lang, prefix):
    s = strings(lang)
    home = (danger_site / prefix / "index.html").read_text(encoding="utf-8")
    block = home[home.index('id="danger"') : home.index("</section>", home.index('id="danger"'))]
    assert re.findall(r'href="danger/([a-z]+)\.html"', block) == TOPICS
    assert (
        "tel:" not in block and "mailto:" not in block
    )  # no service is offered before the reader says what is happening
    lb = (danger_site / prefix / "countries/lb.html").read_text(encoding="utf-8")
    section = lb[lb.index('<section class="wasla-danger" id="danger"') :]
    section = section[: section.index("</section>")]
    assert re.findall(r'href="\.\./danger/([a-z]+)-lb\.html"', section) == TOPICS
    assert f"({s['danger_count_here'].format(count=3)})" in section  # suicide: three lines of Lebanon
    assert f"({s['danger_count_none']})" in section  # housing: the paused centre does not count
    assert lb.index('id="law"') < lb.index('id="danger"') < lb.index('class="wasla-group"')
    assert 'id="danger"' not in (danger_site / prefix / "countries/international.html").read_text(encoding="utf-8")


def test_no_query_string_and_no_fragment_written(danger_server, page_factory):
    page = page_factory()
    page.clock.set_fixed_time(NIGHT)
    for rel in ("en/danger/suicide-lb.html", "danger/suicide.html", "danger/index.html"):
        page.goto(danger_server + rel)
        assert page.url == danger_server + rel
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
        inside = [h for h in hrefs if not re.match(r"(https?|tel|sms|mailto):", h)]
        assert inside and not [h for h in inside if "?" in h], rel
        state = page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length]")
        assert state == ["", 0, 0]
    assert page.blocked == []


def test_the_danger_view_works_from_disk(danger_site, page_factory):
    """The offline copy (file://): the same pages, the same order, JavaScript on."""
    page = page_factory()
    page.clock.set_fixed_time(NIGHT)
    page.goto((danger_site / "danger/suicide-lb.html").as_uri())
    assert lists_on(page) == shown("suicide", "lb", True)
    page.click("text=عنف أو اعتداء")
    page.wait_for_load_state("load")
    assert page.url.endswith("/danger/violence-lb.html")
    assert lists_on(page) == shown("violence", "lb", True)
    assert page.blocked == []
