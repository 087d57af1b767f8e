"""The region on the built site: a page for every region country, what the law says (#law),
the international services that serve it, the home chooser, names and order, warnings."""

import csv
import io
import json
import re

import pytest

from conftest import build_site, built_site, make_data
from test_rules_law import LAW, REGION_25

NARROW = """\
name:
  en: Narrow Line
  ar: خط محدود
kinds: [hotline]
countries: [international, lb]
summary:
  en: Serves Lebanon only.
  ar: يخدم لبنان فقط.
contacts:
  - type: phone
    value: "+353 1 234 9999"
sources:
  - https://example.org/narrow
status: active
"""
GENERAL = """\
name:
  en: General Refugee Line
  ar: خط عام للاجئين
kinds: [hotline]
countries: [lb]
summary:
  en: A general refugee line.
  ar: خط عام للاجئين.
contacts:
  - type: phone
    value: "01 123 457"
sources:
  - https://example.org/general
status: active
scope: general
warnings:
  - text:
      en: "In 2023 officials called this line to get visitors' names."
      ar: "في عام 2023 اتصل مسؤولون بهذا الخط للحصول على أسماء الزوار."
    date: 2023-08
    source: https://example.org/report
"""
# 30 months before WASLA_TODAY (2026-11-24)
STALE_OM = LAW.replace('"2024-03"', '"2024-05"')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(
        tmp_path_factory.mktemp("region"),
        files={
            "resources/international/test-narrow.yml": NARROW,
            "resources/lb/test-general.yml": GENERAL,
            "countries/om.yml": STALE_OM,
        },
    )


def read(site, rel):
    return (site / rel).read_text(encoding="utf-8")


def law_section(html):
    m = re.search(r'<section class="wasla-law" id="law".*?</section>', html, re.S)
    assert m, "no #law section"
    return m.group(0)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_region_country_has_a_page_with_a_sourced_dated_law_section(site, prefix):
    for code in REGION_25:
        html = read(site, f"{prefix}countries/{code}.html")
        law = law_section(html)
        assert re.search(r'<a href="https?://[^"]+" rel="noreferrer noopener">', law), code
        dated = re.search(r"(As of|بحسب المصادر حتى) \S+ \d{4}", law) or "wasla-law__date" in law
        assert dated, code
        assert re.search(r"\(([\w/]+ \d{4}|\d{1,2} [\w/]+ \d{4}|\w+ \d{1,2}, \d{4}|\d{4}|undated|بلا تاريخ)\)", law), (
            code
        )
        assert 'href="../safety.html"' in law  # "not legal advice" and the way to the safety page
        # the law comes first, before any entry
        assert html.index('id="law"') < html.find('class="wasla-group"') or 'class="wasla-group"' not in html


def test_not_legal_advice_and_details_in_a_disclosure(site):
    law = law_section(read(site, "en/countries/lb.html"))
    assert "This is not legal advice" in law
    assert law.index("wasla-law__summary") < law.index("<details") < law.index("Legal basis")
    assert "Same-sex sexual acts: <strong>a crime</strong>" in law
    assert "As of December 2024" in law
    ar = law_section(read(site, "countries/lb.html"))
    assert "هذه ليست استشارة قانونية" in ar and "بحسب المصادر حتى كانون الأول/ديسمبر 2024" in ar
    # English-only details on the Arabic page are marked as such
    assert '<bdi lang="en" dir="ltr">' in ar and "لم تُترجم بعد" in ar


def test_palestine_has_two_jurisdictions(site):
    law = law_section(read(site, "en/countries/ps.html"))
    assert law.index("West Bank") < law.index("Gaza Strip")
    assert law.count('class="wasla-law__item"') == 2
    assert "الضفة الغربية" in law_section(read(site, "countries/ps.html"))


def test_an_as_of_30_months_old_shows_the_stale_words(site):
    assert '<strong class="wasla-law__stale">may be out of date</strong>' in read(site, "en/countries/om.html")
    assert '<strong class="wasla-law__stale">قد تكون قديمة</strong>' in read(site, "countries/om.html")
    assert "may be out of date" not in read(site, "en/countries/lb.html")  # 2024-12: 23 months


def test_low_confidence_says_it_is_uncertain(site):
    assert "Uncertain: the sources are weak or disagree." in read(site, "en/countries/dj.html")
    assert "Uncertain" not in read(site, "en/countries/lb.html")


def test_a_country_without_entries_lists_the_international_services_and_how_to_suggest_one(site):
    html = read(site, "en/countries/om.html")
    assert "International services" in html and 'href="../countries/international.html#test-intl-line"' in html
    assert "Narrow Line" not in html  # narrowed to Lebanon by its countries list
    assert 'There is no entry based in Oman yet. <a href="../contribute.html">Suggest one</a>' in html
    assert html.index('id="law"') < html.index("International services") < html.index("There is no entry based")
    assert "لا توجد بعد جهة مقرّها عُمان." in read(site, "countries/om.html")
    lb = read(site, "en/countries/lb.html")
    assert "Narrow Line" in lb and "There is no entry based" not in lb


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_links_every_region_country_with_its_own_count_then_international(site, prefix):
    html = read(site, f"{prefix}index.html")
    chooser = html[html.index('id="by-country"') : html.index('id="by-kind"')]
    links = re.findall(r'href="countries/([a-z]+)\.html">([^<]+) <span class="wasla-muted">\(([^)]+)\)', chooser)
    codes = [c for c, _, _ in links]
    assert set(REGION_25) <= set(codes)
    assert codes[-1] == "international"
    counts = {c: n for c, _, n in links}
    assert counts["om"] == "0" and counts["lb"] == "4"  # lb: three fixtures and the general line, not the narrowed one
    names = [n.strip() for _, n, _ in links]
    if prefix == "":
        assert (
            names.index("الأردن")
            < names.index("البحرين")
            < names.index("عُمان")
            < names.index("فلسطين")
            < names.index("قطر")
        )
        assert "فلسطين" in names and "الأراضي الفلسطينية" not in html
    else:
        assert names[:3] == ["Algeria", "Bahrain", "Comoros"] and "Palestine" in names


def test_titles_and_slugs_are_neutral(site):
    assert "<title>Saudi Arabia - Wasla</title>" in read(site, "en/countries/sa.html")
    assert re.search(r"<h1[^>]*>Saudi Arabia</h1>", read(site, "en/countries/sa.html"))
    assert re.search(r"<h1[^>]*>فلسطين</h1>", read(site, "countries/ps.html"))


def test_general_scope_and_warnings_on_the_card(site):
    en = read(site, "en/countries/lb.html")
    card = en[en.index('id="test-general"') :]
    card = card[: card.index("</article>")]
    assert "General service, not LGBTQ+-specific" in card
    assert "<strong>Safety warning:</strong> In 2023 officials called this line to get visitors&#39; names." in card
    assert 'Reported August 2023 · <a href="https://example.org/report" rel="noreferrer noopener">source</a>' in card
    ar = read(site, "countries/lb.html")
    assert "خدمة عامة، غير مخصّصة لمجتمع الميم" in ar and "أُبلغ عنه في آب/أغسطس 2023" in ar
    assert "General service" not in en[en.index('id="test-hotline"') :][:2000].split("</article>")[0]


def test_law_in_the_open_data_exports(site):
    doc = json.loads(read(site, "data/law.json"))
    items = [i for i in doc["law"]]
    assert sorted({i["country"] for i in items}) == sorted(REGION_25) and len(items) == 26
    lb = next(i for i in items if i["country"] == "lb")
    assert lb["sources"][0] == {"url": "https://humandignitytrust.org/country-profile/lebanon", "date": "2024-12-16"}
    assert lb["as_of"] == "2024-12"
    assert lb["name"] == {"en": "Lebanon", "ar": "لبنان", "fa": "لبنان", "tr": "Lübnan", "fr": "Liban"}
    rows = list(csv.DictReader(io.StringIO(read(site, "data/law.csv").lstrip("\ufeff"))))
    assert len(rows) == 26 and rows[0]["source_dates"]
    assert 'href="../data/law.json"' in read(site, "en/open-data.html")
    assert 'href="data/law.csv"' in read(site, "open-data.html")
    res = json.loads(read(site, "data/resources.json"))["resources"]
    general = next(r for r in res if r["slug"] == "test-general")
    assert general["scope"] == "general" and general["warnings"][0]["date"] == "2023-08"


def test_bad_law_files_fail_the_build_with_their_exact_messages(tmp_path):
    data = make_data(
        tmp_path,
        {
            "countries/om.yml": LAW.replace(
                '    sources:\n      - url: https://example.org/law\n        date: "2024-03"\n', ""
            ),
            "countries/lb.yml": LAW.replace("same_sex_acts: criminalised", "same_sex_acts: illegal"),
            "countries/eg.yml": LAW.replace('as_of: "2024-03"', "as_of: 2024/03"),
        },
        region=True,
    )
    site = tmp_path / "site"
    result = build_site(data, site)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        f"{data}/countries/om.yml:2:5: law[0].sources: is required; expected a value for 'sources'; got nothing"
        in result.stderr
    )
    assert (
        f"{data}/countries/lb.yml:2:20: law[0].same_sex_acts: unknown status; expected one of: criminalised, not_criminalised, de_facto_criminalised, unclear; got 'illegal'"
        in result.stderr
    )
    assert (
        f"{data}/countries/eg.yml:12:12: law[0].as_of: not a month; expected YYYY-MM, like '2024-03' (or 'undated' when no source gives a date); got '2024/03'"
        in result.stderr
    )
    assert "3 data errors: the site was not built" in result.stderr
    assert not site.exists()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_law_section_in_chromium_at_360px_fits_and_passes_axe(server, browser, lang):
    """Oman (no entry of its own) and Palestine (two items), details open: nothing wider than the
    phone, no axe violation, and the disclosure works without JavaScript."""
    from axe_playwright_python.sync_playwright import Axe

    from test_a11y import TAGS

    ctx = browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    page = ctx.new_page()
    found = {}
    for rel in ("countries/om.html", "countries/ps.html"):
        page.goto(server + lang + rel)
        page.evaluate("document.querySelectorAll('#law details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, rel
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]]
        if violations:
            found[lang + rel] = violations
    ctx.close()
    assert found == {}
    nojs = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = nojs.new_page()
    page.goto(server + lang + "countries/om.html")
    page.click("#law details summary")
    assert page.locator("#law .wasla-law__sources a").first.is_visible()
    nojs.close()
