"""Page weight: what a first view downloads, gzip-compressed, stays within budget."""
import gzip
import re

BUDGET = 60 * 1024


def first_view(page, site):
    html = page.read_bytes()
    total = len(gzip.compress(html, 6))
    refs = re.findall(rb'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"#?]+)', html)
    for ref in refs:
        ref = ref.decode()
        asset = (site / ref.lstrip("/")) if ref.startswith("/") else (page.parent / ref).resolve()  # 404.html links from the root
        if asset.suffix in (".css", ".js", ".png", ".svg", ".ico", ".woff2"):
            total += len(gzip.compress(asset.read_bytes(), 6))
    return total


def test_first_view_of_every_page_is_within_budget(fixture_site):
    for page in fixture_site.rglob("*.html"):
        assert first_view(page, fixture_site) <= BUDGET, page


def test_first_cards_arrive_in_the_first_round_trip(fixture_site):
    for rel in ("countries/lb.html", "en/countries/lb.html"):
        html = (fixture_site / rel).read_bytes()
        assert html.index(b'class="wasla-card') < 14 * 1024, rel


def test_no_web_fonts_or_source_maps(fixture_site):
    assert not [p for p in fixture_site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".map")]
