"""A fixture site built for real (strict MkDocs), then read as files."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import ROOT, build_site, make_data
from test_rules_resource import GOOD
from wasla.core.languages import shipped
from wasla.core.strings import strings


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids, self.tags = [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append((tag, a.get(key), a))


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def html_pages(site, with_404=True):
    return sorted(p for p in site.rglob("*.html") if with_404 or p.name != "404.html")


def test_pages_exist_for_every_country_kind_and_language(fixture_site):
    for prefix in ("", "en/"):
        for page in (
            "index",
            "about",
            "safety",
            "contribute",
            "countries/lb",
            "countries/eg",
            "countries/international",
            "kinds/hotline",
            "kinds/health",
            "kinds/information",
        ):
            assert (fixture_site / f"{prefix}{page}.html").is_file(), f"{prefix}{page}.html"


def test_lang_and_dir(fixture_site):
    ar = (fixture_site / "countries/lb.html").read_text()
    en = (fixture_site / "en/countries/lb.html").read_text()
    assert '<html lang="ar"' in ar and '<body dir="rtl"' in ar
    assert '<html lang="en"' in en and '<body dir="ltr"' in en


def test_every_internal_link_resolves(fixture_site):
    """Relative links only, each to a file (and anchor) that exists: works under a sub-path and from file://."""
    ids = {}
    # 404.html is served by the host at any depth, so MkDocs links it from the site root; not for file://.
    for page in html_pages(fixture_site, with_404=False):
        for tag, href, attrs in parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            assert not href.startswith("/"), f"{page}: absolute link {href}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.exists(), f"{page.relative_to(fixture_site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                assert parts.fragment in ids[target], f"{page}: missing anchor {href}"


def test_resource_cards_and_anchor(fixture_site):
    html = (fixture_site / "en/countries/lb.html").read_text()
    assert 'id="test-hotline"' in html
    assert (
        '<a class="wasla-contact__link" href="tel:+9611123456"><span class="wasla-contact__action">Call</span> <bdi dir="ltr">01 123 456</bdi></a>'
        in html
    )
    assert 'href="tel:1564"' in html
    assert 'href="sms:+96171123456"' in html
    assert 'href="https://wa.me/96171123456" rel="noreferrer noopener"' in html
    assert 'href="mailto:help@example.org"' in html
    assert "Open 24/7" in html
    assert "Verified on January 15, 2026 (10 months ago) · checked by phone" in html
    assert "Not yet verified" in html
    assert "Status: Paused" in html


def test_international_entries_serve_every_country_page(fixture_site):
    html = (fixture_site / "countries/lb.html").read_text()
    assert "الخط العالمي" in html and 'href="../countries/international.html#test-intl-line"' in html


def test_urgent_kinds_first_paused_last(fixture_site):
    html = (fixture_site / "en/countries/lb.html").read_text()
    order = [html.index(f'id="{k}"') for k in ("kind-hotline", "kind-legal_aid", "kind-safe_space")]
    assert order == sorted(order)


def test_missing_translation_is_marked(fixture_site):
    html = (fixture_site / "countries/lb.html").read_text()
    assert (
        '<bdi lang="en" dir="ltr">A centre that is paused and has no Arabic summary yet.</bdi> <small class="wasla-untranslated">(لم تُترجم بعد)</small>'
        in html
    )
    assert "<bdi>Paused Centre</bdi>" in html


def test_data_is_escaped_not_interpreted(fixture_site):
    for page in ("countries/lb.html", "en/countries/lb.html", "en/kinds/legal_aid.html"):
        html = (fixture_site / page).read_text()
        assert "<script>alert(" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "<strong>not bold</strong>" not in html and "<b>note</b>" not in html
    html = (fixture_site / "en/countries/lb.html").read_text()
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Group" in html
    assert (
        "**not bold** [click](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt; {{ config }} &amp; more" in html
    )


def test_hidden_and_curator_text_never_published(fixture_site):
    for path in fixture_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for marker in (b"HIDDENADDRESSMARKER", b"CITYONLYMARKER", b"CURATORNOTEMARKER"):
                assert marker not in data, f"{marker!r} in {path}"
    assert "1 Public Street, Cairo" in (fixture_site / "en/countries/eg.html").read_text()


def test_the_menu_s_relative_paths_are_posixpath_s():
    import posixpath

    import language  # hooks/language.py

    starts = [".", "countries", "en", "en/countries", "fa/danger/suicide"]
    targets = ["index.html", "countries/lb.html", "en/countries/lb.html", "fa/danger/suicide/lb.html", "fr/"]
    for start in starts:
        for target in targets:
            assert language.relative(target, start) == posixpath.relpath(target, start), (target, start)


def test_language_menu_is_relative_and_points_to_the_same_page(fixture_site):
    """Every registered language by its own name, this page in it, relative (sub-path, file://)."""
    cases = {
        "index.html": ["index.html", "en/index.html", "fa/index.html", "tr/index.html", "fr/index.html"],
        "countries/lb.html": [
            "lb.html",
            "../en/countries/lb.html",
            "../fa/countries/lb.html",
            "../tr/countries/lb.html",
            "../fr/countries/lb.html",
        ],
        "en/countries/lb.html": [
            "../../countries/lb.html",
            "lb.html",
            "../../fa/countries/lb.html",
            "../../tr/countries/lb.html",
            "../../fr/countries/lb.html",
        ],
        "fa/index.html": ["../index.html", "../en/index.html", "index.html", "../tr/index.html", "../fr/index.html"],
        "fr/countries/ma.html": [
            "../../countries/ma.html",
            "../../en/countries/ma.html",
            "../../fa/countries/ma.html",
            "../../tr/countries/ma.html",
            "ma.html",
        ],
    }
    names = {"ar": "العربية", "en": "English", "fa": "فارسی", "tr": "Türkçe", "fr": "Français"}
    for page, hrefs in cases.items():
        menu = [a for t, h, a in parse(fixture_site / page).links if a.get("hreflang")]
        assert [a["href"] for a in menu] == hrefs, page
        assert [a["hreflang"] for a in menu] == [a["lang"] for a in menu] == list(names), page
        current = [a["hreflang"] for a in menu if a.get("aria-current") == "page"]
        assert current == [page.split("/")[0] if page.split("/")[0] in names else "ar"], page
        for href in hrefs:
            assert (fixture_site / page).parent.joinpath(href).resolve().is_file(), (page, href)
        html = (fixture_site / page).read_text(encoding="utf-8")
        for code, name in names.items():
            assert f'hreflang="{code}" lang="{code}"' in html and f">{name}</a>" in html, (page, code)


def test_external_links_have_noreferrer_and_no_target(fixture_site):
    for page in html_pages(fixture_site):
        for tag, href, attrs in parse(page).links:
            if tag == "a" and href.startswith(("http:", "https:")):
                assert "target" not in attrs, f"{page}: {href}"
                assert {"noreferrer", "noopener"} <= set((attrs.get("rel") or "").split()), f"{page}: {href}"


def test_no_third_party_resources(fixture_site):
    for page in html_pages(fixture_site):
        for tag, href, attrs in parse(page).links:
            if tag in ("script", "img", "link", "iframe", "source"):
                assert not re.match(r"^(https?:)?//", href), f"{page}: {tag} {href}"


def test_bad_data_fails_the_build_with_every_message_and_no_site(tmp_path):
    data = make_data(
        tmp_path,
        {
            "resources/lb/bad-one.yml": GOOD.replace("status: active", "status: open"),
            "resources/lb/bad-two.yml": GOOD.replace('"01 123 456"', '"12"'),
        },
    )
    site = tmp_path / "site"
    result = build_site(data, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        f"{data}/resources/lb/bad-one.yml:14:9: status: unknown status; expected one of: active, paused, closed; got 'open'"
        in result.stderr
    )
    assert (
        f"{data}/resources/lb/bad-two.yml:11:12: contacts[0].value: not a valid phone number for lb;" in result.stderr
    )
    # bad-one also shares its number with the fixture test-hotline: cross-file rules see failed files too
    assert "3 data errors: the site was not built" in result.stderr
    assert not site.exists()


def test_a_new_file_is_picked_up_without_config(tmp_path):
    data = make_data(
        tmp_path,
        {
            "resources/jo/new-entry.yml": GOOD.replace("countries: [lb]", "countries: [jo]").replace(
                '"01 123 456"', '"+962 6 200 1234"'
            )
        },
        fixtures=False,
    )
    site = tmp_path / "site"
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    assert 'id="new-entry"' in (site / "countries/jo.html").read_text()
    assert "الأردن" in (site / "index.html").read_text()


def test_stale_entries_are_marked(fixture_site):
    en = (fixture_site / "en/countries/eg.html").read_text()
    assert (
        "Verified on May 1, 2024 (3 years ago) · checked on its website<br><strong>Check before relying on it: not verified for over 12 months.</strong>"
        in en
    )
    ar = (fixture_site / "countries/eg.html").read_text()
    assert "تحقّق قبل الاعتماد عليها: لم يُتحقَّق منها منذ أكثر من 12 شهراً." in ar


def test_cards_link_to_the_prefilled_report_form(fixture_site):
    html = (fixture_site / "en/countries/lb.html").read_text()
    assert (
        '<a href="https://example.org/wasla/issues/new?template=report.yml&amp;title=Report%3A+lb%2Ftest-hotline&amp;entry=lb%2Ftest-hotline" rel="noreferrer noopener">Report a problem with this entry</a>'
        in html
    )
    contribute = (fixture_site / "contribute.html").read_text()
    assert '<a href="mailto:reports@example.org"><bdi dir="ltr">reports@example.org</bdi></a>' in contribute
    assert 'href="https://example.org/wasla/issues/new?template=suggest.yml"' in contribute


def test_root_404_is_in_the_default_language(fixture_site):
    assert '<html lang="ar"' in (fixture_site / "404.html").read_text(encoding="utf-8")


def test_a_page_not_yet_translated_comes_from_the_chain_and_is_marked(fixture_site):
    """static-i18n would show the Arabic page on /fr/; the chain (fr: en, ar) gives English, with
    its lang and dir, under a note in the reader's language."""
    for lang in shipped().codes:
        for source in sorted((ROOT / "docs").glob("*.en.md")):
            name = source.name.split(".")[0]
            html = (fixture_site / shipped().prefix(lang) / f"{name}.html").read_text(encoding="utf-8")
            if (ROOT / "docs" / f"{name}.{lang}.md").is_file():
                assert 'class="wasla-fallback"' not in html, (lang, name)
                continue
            shown = shipped().chain(lang)[1]
            assert f'<div class="wasla-fallback" lang="{shown}" dir="' in html, (lang, name)
            assert 'class="wasla-untranslated wasla-untranslated--page"' in html, (lang, name)
            assert strings(lang)["page_not_translated"].split("{")[0] in html, (lang, name)
            assert f'<html lang="{lang}"' in html, (lang, name)


def test_the_sitemap_is_rendered_not_the_raw_template(fixture_site):
    """Without site_url the sitemap is empty and valid; the other language builds used to copy
    the template itself over it."""
    text = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "{%" not in text and "{#" not in text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?><urlset ') and text.rstrip().endswith("</urlset>")
