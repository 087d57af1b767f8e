"""Page weight: what a first view downloads, gzip-compressed, stays within budget (measured as bench/ does)."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from bench import first_visit  # noqa: E402

BUDGET = 60 * 1024


def test_first_view_of_every_page_is_within_budget(fixture_site):
    for page in fixture_site.rglob("*.html"):
        assert first_visit(page, fixture_site)[1] <= BUDGET, page


def test_first_cards_arrive_in_the_first_round_trip(fixture_site):
    for rel in ("countries/lb.html", "en/countries/lb.html"):
        html = (fixture_site / rel).read_bytes()
        assert html.index(b'class="wasla-card') < 14 * 1024, rel


def test_no_web_fonts_or_source_maps(fixture_site):
    assert not [p for p in fixture_site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf", ".map")]
