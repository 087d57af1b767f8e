"""A page's cost does not grow with the directory: large countries are paged, kind pages
and the international section show a bounded number of entries and link to the rest."""

from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import ROOT, built_site
from wasla.layout.pages import FIRST_PAGE_SIZE, INTERNATIONAL_INLINE, KIND_PER_COUNTRY, PAGE_SIZE

sys.path.insert(0, str(ROOT / "bench"))
from bench import first_visit  # noqa: E402

KINDS = ["hotline", "legal_aid", "health"]


def page_count(entries: int) -> int:
    """Pages of a country: the first holds FIRST_PAGE_SIZE cards (it also carries the law and the
    danger topics), every other PAGE_SIZE."""
    return 1 + -(-max(0, entries - FIRST_PAGE_SIZE) // PAGE_SIZE)


def entry(i: int, folder: str) -> str:
    return (
        f"name:\n  en: Group {i:03d}\n  ar: مجموعة {i:03d}\nkinds: [{KINDS[i % 3]}]\ncountries: [{folder}]\n"
        f"summary:\n  en: Entry number {i} of the paging test.\n  ar: الجهة رقم {i} لاختبار الصفحات.\n"
        f"contacts:\n  - type: website\n    value: https://example.org/{folder}/{i}\n"
        f"sources:\n  - https://example.org/{folder}/{i}/about\nstatus: active\n"
    )


def site_with(tmp_path_factory, local: int):
    files = {f"resources/lb/g-{i:03d}.yml": entry(i, "lb") for i in range(local)}
    files |= {f"resources/international/i-{i:03d}.yml": entry(1000 + i, "international") for i in range(8)}
    return built_site(tmp_path_factory.mktemp(f"paging{local}"), files, fixtures=False)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return site_with(tmp_path_factory, 30)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return site_with(tmp_path_factory, 130)


def heaviest(site) -> int:
    return max(first_visit(p, site)[1] for p in site.rglob("*.html") if p.name not in ("404.html", "search-files.html"))


def test_the_heaviest_page_does_not_grow_with_the_directory(small, large):
    assert heaviest(large) <= heaviest(small) * 1.05 + 512  # the pager's few links, nothing per entry


def test_every_entry_is_on_exactly_one_page_of_its_country(large):
    for prefix in ("", "en/"):
        pages = sorted((large / prefix / "countries").glob("lb*.html"))
        assert {p.name for p in pages} == {"lb.html", *(f"lb-{n}.html" for n in range(2, page_count(130) + 1))}
        anchors = []
        for page in pages:
            ids = re.findall(r'<article class="wasla-card[^"]*" id="(g-\d+)"', page.read_text(encoding="utf-8"))
            assert len(ids) <= PAGE_SIZE
            anchors += ids
        assert sorted(anchors) == [f"g-{i:03d}" for i in range(130)]


def test_pager_marks_the_current_page(large):
    html = (large / "en/countries/lb-2.html").read_text(encoding="utf-8")
    assert '<nav class="wasla-pager" aria-label="Pages">' in html
    assert '<span aria-current="page">Page 2</span>' in html
    last = page_count(130)  # 130 entries in lb
    assert (
        '<a href="../countries/lb.html">Page 1</a>' in html
        and f'<a href="../countries/lb-{last}.html">Page {last}</a>' in html
    )
    assert "<title>Lebanon, page 2" in html
    assert "<title>لبنان، الصفحة 2" in (large / "countries/lb-2.html").read_text(encoding="utf-8")


def test_international_services_are_a_few_names_with_buttons_and_a_link(large):
    html = (large / "en/countries/lb.html").read_text(encoding="utf-8")
    section = html[html.index('id="kind-international"') :]
    # each as its name (a link to its card on the international page) and its buttons: the full
    # cards are one tap away, and the page stays within one round trip
    assert section.count('<li class="wasla-quick">') == INTERNATIONAL_INLINE
    assert '<article class="wasla-card' not in section
    assert '<a href="../countries/international.html">All 8 international services</a>' in section
    assert 'id="kind-international"' not in (large / "en/countries/lb-2.html").read_text(encoding="utf-8")


def test_kind_pages_show_a_few_per_country_and_link_to_where_the_rest_start(large):
    html = (large / "en/kinds/legal_aid.html").read_text(encoding="utf-8")
    lebanon = html[html.index('id="country-lb"') : html.index('id="country-international"')]
    assert lebanon.count('<li class="wasla-quick">') == KIND_PER_COUNTRY  # each with its buttons
    start = next(
        p.name
        for p in sorted((large / "en/countries").glob("lb*.html"), key=lambda p: (len(p.name), p.name))
        if 'id="kind-legal_aid"' in p.read_text(encoding="utf-8")
    )
    assert f'<a href="../countries/{start}#kind-legal_aid">All 43 in Lebanon</a>' in lebanon


def test_links_to_an_entry_point_at_the_page_it_is_on(large):
    resources = json.loads((large / "data/resources.json").read_text(encoding="utf-8"))["resources"]
    for r in resources:
        for lang in ("ar", "en"):
            page, anchor = r["pages"][lang].split("#")
            assert f'id="{anchor}"' in (large / page).read_text(encoding="utf-8"), r["pages"][lang]
    kind_page = (large / "en/kinds/hotline.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="\.\./(countries/[^"#]+)#(g-\d+)"', kind_page):
        assert f'id="{href[1]}"' in (large / "en" / href[0]).read_text(encoding="utf-8")


def test_search_results_link_to_the_right_page(large, page_factory):
    page = page_factory()
    page.goto((large / "en/index.html").as_uri())
    page.fill("input[type=search]", "Group 129")
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    href = page.eval_on_selector_all("[data-search-results] > li > a", "els => els.map(a => a.getAttribute('href'))")[0]
    path, anchor = href.split("#")
    assert anchor == "g-129" and f'id="{anchor}"' in (large / "en" / path).read_text(encoding="utf-8")
