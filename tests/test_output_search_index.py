"""Search: the query file in Chromium over http and from file://, the stable contract
(input[type=search], results as `a` children of the items of [data-search-results]; contact buttons sit deeper), language, privacy, no-JS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, built_site, serve
from wasla.core.languages import codes, language_prefix
from wasla.core.normalise import normalise, tokens
from wasla.core.strings import strings
from wasla.output.search_index import bucket, phone_digits

QUERIES = yaml.safe_load((Path(__file__).parent / "search-queries.yml").read_text(encoding="utf-8"))
BUSY_DONE = "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory.mktemp("search"), fixtures=False, resources=FIXTURES / "search")


@pytest.fixture(scope="session")
def search_server(search_site):
    with serve(search_site) as url:
        yield url


def home(page, where: str, lang: str):
    page.goto(f"{where}{language_prefix(lang)}index.html")


def ask(page, q: str, country: str = "", kind: str = "") -> list[str]:
    """Type a query as a reader would; the results as <folder>/<slug>, in order."""
    page.select_option("select[name=country]", country)
    page.select_option("select[name=kind]", kind)
    page.fill("input[type=search]", q)
    page.wait_for_function(BUSY_DONE)
    hrefs = page.eval_on_selector_all("[data-search-results] > li > a", "els => els.map(a => a.getAttribute('href'))")
    found = []
    for href in hrefs:
        match = re.fullmatch(r"countries/([a-z]+)\.html#([a-z0-9-]+)", href)
        assert match, f"{q!r}: result link {href!r} is not relative to the language root"
        found.append(f"{match[1]}/{match[2]}")
    return found


def test_the_query_file_has_at_least_40_queries():
    assert len(QUERIES) >= 40


@pytest.mark.parametrize("mode", ["http", "file"])
def test_every_query_finds_its_entries(mode, search_site, search_server, page_factory):
    where = search_server if mode == "http" else search_site.as_uri() + "/"
    failures = []
    for lang in codes():  # every registered language's page
        page = page_factory(width=1280)
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        home(page, where, lang)
        for query in (q for q in QUERIES if q.get("lang", "ar") == lang):
            q = str(query["q"])
            got = ask(page, q, query.get("country", ""), query.get("kind", ""))
            if sorted(got) != sorted(query["expect"]):
                failures.append(
                    f"{lang} {q!r} {query.get('country', '')}{query.get('kind', '')}: expected {sorted(query['expect'])}, got {got}"
                )
            elif query.get("first") and got[0] != query["first"]:
                failures.append(f"{lang} {q!r}: expected {query['first']} first, got {got}")
        assert errors == []
        assert page.blocked == []
    assert failures == []


def test_no_search_download_before_the_box_is_focused(search_server, page_factory):
    page = page_factory()
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    home(page, search_server, "ar")
    page.wait_for_load_state("networkidle")
    assert [u for u in urls if "search" in u] == []
    with page.expect_request("**/meta.js"):
        page.focus("input[type=search]")
    assert any(u.endswith("/assets/javascripts/search.js") for u in urls)


def test_without_javascript_the_page_says_how_to_browse(search_server, page_factory):
    for lang in ("ar", "en"):
        page = page_factory(javascript=False)
        home(page, search_server, lang)
        assert not page.locator("input[type=search]").is_visible()
        assert page.locator("[data-wasla-search-nojs]").inner_text() == strings(lang)["search_nojs"]
        assert page.locator(".wasla-chooser a").count() > 5


def test_results_are_in_the_page_language(search_server, page_factory):
    page = page_factory()
    home(page, search_server, "ar")
    assert ask(page, "Cairo") == ["eg/cairo-legal-aid", "eg/dar-amal"]
    assert page.locator("[data-search-results] > li > a").all_inner_texts() == [
        "شبكة المساعدة القانونية في القاهرة",
        "دار أمل",
    ]
    assert page.locator("[data-search-results] .wasla-search__meta").first.inner_text() == "المساعدة القانونية · مصر"
    # under it, the card's evidence line; these fixture sources are bare links
    assert (
        page.locator("[data-search-results] .wasla-search__evidence").first.inner_text()
        == strings("ar")["evidence_undated"]
    )
    # no Arabic name: the English one, isolated and marked
    ask(page, "عمان")
    result = page.locator("[data-search-results] li").first
    assert result.locator("a bdi[lang=en][dir=ltr]").inner_text() == "Amman Counselling Centre"
    assert f"({strings('ar')['not_translated']})" in result.inner_text()
    # a paused entry says so
    ask(page, "ملجا")
    assert (
        page.locator("[data-search-results] .wasla-search__meta")
        .first.inner_text()
        .endswith("· " + strings("ar")["status_paused"])
    )

    page = page_factory()
    home(page, search_server, "en")
    ask(page, "القاهرة")
    assert page.locator("[data-search-results] > li > a").all_inner_texts() == ["Cairo Legal Aid Network", "Dar Amal"]


@pytest.mark.parametrize(
    "lang,q,said",
    [
        ("ar", "القاهرة", "عدد النتائج: 2"),
        ("ar", "SMEX", "نتيجة واحدة"),
        ("en", "Cairo", "2 results"),
        ("en", "xyzzy", strings("en")["search_none"]),
        ("ar", "x", strings("ar")["search_short"]),
    ],
)
def test_the_count_is_announced_in_the_page_language(lang, q, said, search_server, page_factory):
    page = page_factory()
    home(page, search_server, lang)
    status = page.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"
    ask(page, q)
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
    assert status.inner_text() == said


def test_keyboard_only_from_the_top_of_the_page_to_an_entry(search_server, page_factory):
    page = page_factory(width=1280)
    home(page, search_server, "en")
    # the bar's Search link comes within the first few Tabs (the chooser follows it on the page)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('wasla-find')"):
            break
    else:
        pytest.fail("the bar's Search link is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.type === 'search'")
    page.keyboard.type("cairo legal")
    page.wait_for_function(BUSY_DONE)
    for _ in range(4):  # the clear button, country filter, kind filter, first result
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-search-results]') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/countries/eg.html#cairo-legal-aid")
    assert page.locator("#cairo-legal-aid").is_visible()


def test_more_results_and_the_filters_are_buttons_and_selects(search_server, page_factory):
    page = page_factory()
    home(page, search_server, "en")
    labels = page.locator(".wasla-search__filters label").all_inner_texts()
    assert [t.split("\n")[0] for t in labels] == ["Country", "Kind of help"]
    assert page.locator("select[name=country] option").all_inner_texts()[0] == "All countries"
    assert page.get_attribute("input[type=search]", "autocomplete") == "off"
    ask(page, "line")
    assert page.locator("[data-search-more]").is_hidden()  # fewer than 20


CLEAR = """() => {
    const button = document.querySelector('[data-search-clear]'), box = document.querySelector('input[type=search]');
    const b = button.getBoundingClientRect(), x = box.getBoundingClientRect();
    return {
        hidden: button.hidden, name: button.getAttribute('aria-label'), type: button.type,
        inside: b.top >= x.top && b.bottom <= x.bottom && b.left >= x.left && b.right <= x.right,
        atEnd: Math.round(getComputedStyle(box).direction === 'rtl' ? b.left - x.left : x.right - b.right),
        size: [Math.round(b.width), Math.round(b.height)],
        value: box.value, focused: document.activeElement === box,
        results: document.querySelectorAll('[data-search-results] > li').length,
        status: document.querySelector('[data-search-status]').textContent,
        country: document.querySelector('select[name=country]').value,
    };
}"""


@pytest.mark.parametrize("lang, q", [("ar", "بيروت"), ("en", "Beirut"), ("fa", "بیروت")])
def test_the_clear_button_empties_the_box_and_the_results(search_server, page_factory, lang, q):
    """Firefox draws no clear button in a search box: the form has its own (Chromium's is hidden,
    so there is one in every browser), at the box's end in either direction."""
    page = page_factory(width=360)
    home(page, search_server, lang)
    assert page.evaluate(CLEAR)["hidden"] is True  # nothing to clear yet
    assert sorted(ask(page, q, country="lb")) == ["lb/beirut-listening-line", "lb/hamra-shelter"]
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
    shown = page.evaluate(CLEAR)
    assert shown["hidden"] is False and shown["name"] == strings(lang)["search_clear"] and shown["type"] == "button"
    assert shown["inside"] and shown["atEnd"] == 0 and shown["size"] == [44, 44], shown
    page.click("[data-search-clear]")
    page.wait_for_function(BUSY_DONE)
    cleared = page.evaluate(CLEAR)
    assert {k: cleared[k] for k in ("hidden", "value", "focused", "results", "status", "country")} == {
        "hidden": True,
        "value": "",
        "focused": True,  # back in the box, to type again
        "results": 0,
        "status": "",
        "country": "lb",  # the box only, as a browser's own clear button
    }


def test_searching_stores_nothing_and_leaves_no_query_in_the_address(search_server, page_factory):
    page = page_factory()
    home(page, search_server, "ar")
    address = page.url
    history = page.evaluate("history.length")
    for q in ("القاهرة", "+961 3 123 456", "legal"):
        ask(page, q)
    page.keyboard.press("Enter")
    assert page.url == address
    assert page.evaluate("history.length") == history
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


CORPUS = [
    "الْقَاهِرَة",
    "القاهـــرة",
    "أإآٱ ؤ ئ ى ة",
    "ﻻ",
    "عمّان",
    "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹",
    "+961 3 123-456",
    "(06) 555.0123",
    "Crème Brûlée",
    "İstanbul",
    "ÆSIR straße",
    "help@rainbow-relocation.example",
    "https://www.example.org/a_b",
    "للمثليين والمثليات",
    "بالقاهرة وفالحياة كالبيت",
    "الف ال",
    "The Legal AID for all",
    "24/7 — 365",
    "ﷺ ﷲ",
    "می‌خواهم میخواهم كيف کیف",
    "İRAN iran Iran IRAN ıran İstanbul DAYANIŞMA",
    "l'association l’association qu'il Œuvre cœur Æ",
]


def test_the_browser_normalises_exactly_as_the_index_does(search_server, page_factory):
    page = page_factory()
    home(page, search_server, "ar")
    page.focus("input[type=search]")
    page.wait_for_function("() => window.waslaSearchSelfTest !== undefined")
    ask(page, "warm up")  # meta.js (the stop words) is loaded
    corpus = CORPUS + [
        v for p in (FIXTURES / "search").rglob("*.yml") for v in re.findall(r":\s+(.+)", p.read_text(encoding="utf-8"))
    ]
    js = page.evaluate(
        "c => c.map(t => [window.waslaSearchSelfTest.normalise(t), window.waslaSearchSelfTest.tokens(t)])", corpus
    )
    assert js == [[normalise(t), tokens(t)] for t in corpus]
    # the term file of a word: the fixture index has one file, so compare the hash itself
    words = sorted({w for t in corpus for w in tokens(t)} | {"\U0001d400\U0001d401x"})  # and a non-BMP first letter
    assert page.evaluate("w => w.map(t => [7, 61, 1000].map(n => window.waslaSearchSelfTest.bucket(t, n)))", words) == [
        [bucket(t, n) for n in (7, 61, 1000)] for t in words
    ]


def test_normalisation_examples():
    assert normalise("الْقَاهِرَة") == normalise("القاهره") == "القاهره"
    assert tokens("القاهره") == tokens("قاهرة") == tokens("الْقَاهِرَة") == tokens("والقاهرة") == ["قاهره"]
    assert tokens("أإآٱ") == ["اااا"]
    assert tokens("مستشفى") == ["مستشفي"]
    assert tokens("٠٣") == tokens("۰۳") == ["03"]
    assert tokens("+961 3 123 456") == ["9613123456"]
    assert tokens("Crème Brûlée for the people") == ["creme", "brulee", "people"]
    assert tokens("في من على إلى a") == []


def test_persian_turkish_and_french_normalisation():
    # Persian: ی and ک as the Arabic letters, the zero-width non-joiner dropped
    assert tokens("می‌خواهم") == tokens("میخواهم") == tokens("ميخواهم") == ["ميخواهم"]
    assert tokens("کیف") == tokens("كيف") == ["كيف"]
    # Turkish: dotted and dotless i alike, in every case
    assert tokens("İRAN") == tokens("iran") == tokens("Iran") == tokens("IRAN") == tokens("ıran") == ["iran"]
    assert tokens("Diyarbakır DAYANIŞMA") == ["diyarbakir", "dayanisma"]
    # French: accents, œ/æ, elision (the apostrophe splits; qu is a stop word)
    assert tokens("l'association") == tokens("l’association") == tokens("L’ASSOCIATION") == ["association"]
    assert tokens("qu'il d'écoute") == ["il", "ecoute"]
    assert tokens("Œuvre cœur ex æquo") == ["oeuvre", "coeur", "ex", "aequo"]


def test_phone_digits_cover_international_national_and_written_forms():
    assert phone_digits("+9613123456", "+961 3 123 456") == {"9613123456", "03123456"}
    assert phone_digits("1564", "1564") == {"1564"}


def test_the_index_file_page_links_every_file(search_site):
    for prefix in ("", "en/"):
        listing = (search_site / prefix / "search-files.html").read_text(encoding="utf-8")
        (index,) = (search_site / prefix / "search").iterdir()
        files = sorted(p.relative_to(search_site / prefix).as_posix() for p in index.rglob("*.js"))
        linked = sorted(re.findall(r'href="(search/[^"]+)"', listing))
        assert linked == files
        assert 'href="' + ("../" if prefix else "") + 'assets/javascripts/search.js"' in listing
        assert 'href="search-files.html"' in (search_site / prefix / "open-data.html").read_text(encoding="utf-8")


def test_the_bar_search_link_puts_the_reader_in_the_box(search_server, page_factory):
    page = page_factory()
    page.goto(search_server + "en/countries/lb.html")
    page.click("a.wasla-find")
    page.wait_for_url("**/en/index.html#search")
    page.wait_for_function("() => document.activeElement && document.activeElement.type === 'search'")
    page.keyboard.type("Beirut")
    page.wait_for_function(BUSY_DONE)
    assert page.locator("[data-search-results] > li > a").count() == 2
