"""The offline edition: a zip that works from disk with the network off, and its checksums."""

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, switch_language
from wasla.core.strings import strings
from wasla.output.checksums import verify, write_sums


@pytest.fixture(scope="module")
def unzipped(fixture_site, tmp_path_factory):
    write_sums(fixture_site)
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "mirror", str(fixture_site), str(dist)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    zip_path = dist / result.stdout.strip().rsplit("/", 1)[-1]
    assert zip_path.name.startswith("wasla-offline-") and zip_path.suffix == ".zip"
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(out)
    (folder,) = list(out.iterdir())
    return folder


def search_finds(page, index_html, query: str) -> list[str]:
    """Open a copy's home page from disk, search, and return the result links."""
    page.goto(index_html.as_uri())
    page.fill("input[type=search]", query)
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    return page.eval_on_selector_all("[data-search-results] > li > a", "els => els.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("lang", ["", "en/"])
def test_offline_copy_searches_from_disk(unzipped, page_factory, lang):
    page = page_factory()
    assert search_finds(page, unzipped / lang / "index.html", "1564") == ["countries/lb.html#test-hotline"]
    assert search_finds(page, unzipped / lang / "index.html", "بيروت")[0].startswith("countries/lb.html#")
    assert page.blocked == []


def test_checksums_verify_and_catch_a_change(unzipped):
    assert verify(unzipped) == []
    page = unzipped / "about.html"
    original = page.read_bytes()
    page.write_bytes(original + b"<!-- tampered -->")
    assert verify(unzipped) == ["about.html: changed"]
    page.write_bytes(original)


def test_no_build_machine_path_in_any_file(unzipped, fixture_site):
    for marker in (str(ROOT).encode(), str(fixture_site).encode(), b"/tmp/", b"/root/"):
        for path in unzipped.rglob("*"):
            if path.is_file():
                assert marker not in path.read_bytes(), (marker, path)


@pytest.mark.parametrize("width", [360, 1280])
def test_offline_copy_works_from_disk_with_network_off(unzipped, page_factory, width):
    page = page_factory(width=width)
    page.goto((unzipped / "index.html").as_uri())
    page.click('.wasla-chooser a:has-text("لبنان")')
    page.wait_for_url("**/countries/lb.html")
    assert page.locator('#test-hotline a[href^="tel:"]').first.is_visible()
    switch_language(page)
    page.wait_for_url("**/en/countries/lb.html")
    page.click("a.wasla-tag >> nth=0")
    page.wait_for_url("**/en/kinds/*.html")
    page.go_back()
    page.click("a.wasla-exit")
    page.wait_for_url("**/assets/neutral.html")
    assert page.title() == "New Tab"
    assert page.blocked == []


def test_exports_are_in_the_zip(unzipped):
    for rel in (
        "data/resources.json",
        "data/resources.csv",
        "data/hsds/services.json",
        "data/vcards/lb-neutral.vcf",
        "SHA256SUMS",
    ):
        assert (unzipped / rel).is_file(), rel


def test_print_stylesheet_hides_chrome(fixture_site, browser):
    page = browser.new_page()
    page.goto((fixture_site / "countries/lb.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator(".wasla-bar").is_visible()
    assert page.locator("#test-hotline .wasla-contact__link").first.is_visible()
    page.close()


def test_wget_mirror_is_a_working_offline_copy(server, fixture_site, page_factory, tmp_path):
    out = tmp_path / "wget"
    result = subprocess.run(
        [
            "wget",
            "--mirror",
            "--no-parent",
            "-e",
            "robots=off",
            "--no-host-directories",
            "--cut-dirs=2",
            "-q",
            "-P",
            str(out),
            server + "index.html",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 8), result.stderr  # 8: some link answered 404 (none expected, checked below)
    for rel in (
        "index.html",
        "en/index.html",
        "countries/lb.html",
        "en/kinds/hotline.html",
        "assets/neutral.html",
        "assets/javascripts/wasla.js",
        "data/resources.json",
        "data/vcards/lb-neutral.vcf",
        "en/open-data.html",
        "assets/javascripts/search.js",
        "search-files.html",
        "en/search-files.html",
        "danger/suicide-lb.html",
        "en/danger/pep.html",
        "assets/javascripts/danger.js",
    ):
        assert (out / rel).is_file(), rel
    for lang in ("", "en/"):  # every index file, found through the open-data page's link
        built = sorted(
            p.relative_to(fixture_site / lang).as_posix() for p in (fixture_site / lang / "search").rglob("*.js")
        )
        copied = sorted(p.relative_to(out / lang).as_posix() for p in (out / lang / "search").rglob("*.js"))
        assert copied == built and built
    page = page_factory()
    assert search_finds(page, out / "en" / "index.html", "+961 71 123") == ["countries/lb.html#test-hotline"]
    page = page_factory(width=360)
    page.goto((out / "index.html").as_uri())
    page.click('.wasla-chooser a:has-text("لبنان")')
    page.wait_for_url("**/countries/lb.html")
    switch_language(page)
    page.wait_for_url("**/en/countries/lb.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url("**/assets/neutral.html")
    assert page.blocked == []


def test_hidden_markers_never_reach_the_offline_edition(unzipped):
    for path in unzipped.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for marker in (b"HIDDENADDRESSMARKER", b"CITYONLYMARKER", b"CURATORNOTEMARKER"):
                assert marker not in data, (marker, path)


def test_every_page_shows_the_data_date_in_its_language(fixture_site):
    import re

    for page in fixture_site.rglob("*.html"):
        if page.name == "neutral.html":
            continue
        html = page.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]+)"', html)[1]
        # the date in the page's language, by CLDR: "November 24, 2026", «24 نوفمبر 2026»;
        # a language without its string table yet says it with the English words, CLDR's date
        words = strings(lang)["data_as_of"].split("{")[0]
        assert re.search(re.escape(words) + r"[^<]*\d{4}", html), page
