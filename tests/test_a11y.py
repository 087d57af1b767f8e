"""Accessibility (axe-core, WCAG 2.2 AA rules) on every page type, every registered language,
phone and desktop."""

import pytest

from wasla.core.languages import language_prefix, shipped

PAGES = [
    "index.html",
    "countries/lb.html",
    "countries/international.html",
    "kinds/hotline.html",
    "safety.html",
    "contribute.html",
    "danger/index.html",
    "danger/suicide.html",
    "danger/suicide-lb.html",
    "danger/housing-om.html",
]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", [language_prefix(code) for code in shipped().codes])
def test_axe_finds_no_violation(server, browser, axe, width, lang):
    # axe is injected as a script; the CSP (tested on its own) would refuse it
    ctx = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = ctx.new_page()
    found = {}
    for rel in PAGES:
        page.goto(server + lang + rel)
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]]
        if violations:
            found[lang + rel] = violations
    ctx.close()
    assert found == {}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(
    "lang,query", [("", "بيروت"), ("en/", "Beirut"), ("", "طوارئ"), ("en/", "emergency")]
)  # + the crisis block
def test_axe_finds_no_violation_in_search_results(server, browser, axe, width, lang, query):
    ctx = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = ctx.new_page()
    page.goto(server + lang + "index.html")
    page.fill("input[type=search]", query)
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
    assert page.locator("[data-search-results] > li > a").count() > 0
    assert page.locator("[data-search-now]").is_visible() == (query in ("طوارئ", "emergency"))
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    ctx.close()
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]] == []


def test_every_passage_in_the_other_language_is_marked(fixture_site):
    html = (fixture_site / "countries/lb.html").read_text(encoding="utf-8")
    # the English fallback inside an Arabic page carries its own lang and dir
    assert '<bdi lang="en" dir="ltr">A centre that is paused' in html
    # the language menu names each language in that language
    assert '<a href="../en/countries/lb.html" hreflang="en" lang="en">English</a>' in html
    assert '<a href="../fa/countries/lb.html" hreflang="fa" lang="fa">فارسی</a>' in html


def test_resource_list_is_a_real_list_and_headings_are_in_order(fixture_site):
    import re

    html = (fixture_site / "en/countries/lb.html").read_text(encoding="utf-8")
    body = html[html.index('<article class="md-content__inner') :]
    levels = [int(h) for h in re.findall(r"<h([1-6])", body)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert '<ol class="wasla-list" role="list">' in body and "<li><article" in body


def test_keyboard_only_walk_home_to_country_to_contact(server, page_factory):
    page = page_factory(width=1280)
    page.goto(server + "en/index.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim().startsWith('Lebanon')"):
            break
    else:
        raise AssertionError("Lebanon not reachable by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/countries/lb.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.startswith("tel:"):
            break
    else:
        raise AssertionError("no tel: link reachable by Tab")
    assert href == "tel:+9611123456"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"


@pytest.mark.parametrize("rel", ["countries/lb.html", "en/index.html", "fa/countries/ir.html", "tr/index.html"])
def test_touch_targets(server, page_factory, rel):
    page = page_factory(width=360)
    page.goto(server + rel)
    page.click(".wasla-langs summary")  # the language menu open: its links too
    small = page.evaluate("""() => [...document.querySelectorAll('.wasla-contact__link, .wasla-exit, .wasla-langs summary, .wasla-langs a, .wasla-menu, .wasla-find, .wasla-chooser__list--kinds a, .wasla-search__box, .wasla-search select')]
        .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && (r.height < 44 || r.width < 44)).length""")
    assert small == 0
    # The country chooser trades a little size for the whole region on the first screen:
    # its links are at least 36 x 36 px, with space between them (WCAG 2.5.8 asks for 24 px).
    chooser = page.evaluate("""() => [...document.querySelectorAll('.wasla-chooser__list--countries a')]
        .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && (r.height < 36 || r.width < 36)).length""")
    assert chooser == 0
    tiny = page.evaluate("""() => [...document.querySelectorAll('article a, .md-content a')]
        .filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect())
        .filter(r => r.width > 0 && r.height < 16).length""")
    assert tiny == 0
