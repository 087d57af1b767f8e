"""The Kiwix edition (make zim): checked with zimcheck, served by kiwix-serve on loopback, read in
Chromium with every non-local request aborted and counted."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, switch_language
from wasla.output.checksums import write_sums
from wasla.rules.slugs import outing_term

ZIMCHECK = shutil.which("zimcheck") or "/usr/bin/zimcheck"
KIWIX_SERVE = shutil.which("kiwix-serve") or "/usr/bin/kiwix-serve"
# Every zimcheck test but -I (integrity): zimcheck 3.1 (Debian 12) reports "Full Title index table
# outside ZIM file" for every ZIM written by libzim 9, Kiwix's own published ZIMs included
# (openzim/zim-tools#484; libzim now marks the absent v0 title index with 0xffffffffffffffff).
# libzim's own reader checks the structure instead (test_structure_and_metadata).
ZIMCHECK_TESTS = ["-0", "-C", "-M", "-F", "-P", "-R", "-U", "-X", "-L", "-D"]


@pytest.fixture(scope="module")
def zim(fixture_site, tmp_path_factory) -> Path:
    assert Path(ZIMCHECK).exists() and Path(KIWIX_SERVE).exists(), (
        "zimcheck/kiwix-serve missing: .ci/run installs zim-tools and kiwix-tools"
    )
    write_sums(fixture_site)
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "zim", str(fixture_site), str(dist)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path.parent == dist and re.fullmatch(r"wasla-\d{4}-\d{2}-\d{2}\.zim", path.name)
    assert not list(dist.glob("*.tmp"))
    return path


@contextlib.contextmanager
def kiwix(zim: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [KIWIX_SERVE, "--address=127.0.0.1", f"--port={port}", str(zim)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + "/", timeout=1)
                break
            time.sleep(0.1)
        yield url, zim.stem
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def zimcheck_errors(zim: Path) -> list[dict]:
    """zimcheck's errors, less one false report: zimcheck 3.1 takes only javascript:, mailto:, tel:,
    geo: and <scheme>:// links for external (src/tools.cpp isExternalUrl), so it reports every
    SMS button (sms:+961…, RFC 5724) as a missing page. Any other error counts."""
    result = subprocess.run([ZIMCHECK, *ZIMCHECK_TESTS, "-J", str(zim)], capture_output=True, text=True)
    report = json.loads(result.stdout)
    errors = [log for log in report["logs"] if log["level"] == "ERROR"]
    return [
        e
        for e in errors
        if not (e["check"] == "url_internal" and all(link.startswith("sms:") for link in e.get("links", ["?"])))
    ]


def test_zimcheck_passes(zim):
    assert zimcheck_errors(zim) == []
    assert set(
        json.loads(subprocess.run([ZIMCHECK, "-M", "-J", str(zim)], capture_output=True, text=True).stdout)["checks"]
    ) == {"metadata"}


def test_zimcheck_still_catches_a_broken_link(fixture_site, tmp_path):
    """The filter above hides only SMS links: a real broken link in the ZIM is still an error."""
    from wasla.output.zim import Metadata, make_zim

    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "about.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</main>", '<a href="nowhere.html">x</a></main>', 1), encoding="utf-8"
    )
    broken = make_zim(site, tmp_path / "dist", Metadata(date="2026-11-24"))
    assert [e["path"] for e in zimcheck_errors(broken)] == ["about.html"]


def test_structure_and_metadata(zim, fixture_site):
    from libzim.reader import Archive

    archive = Archive(str(zim))
    assert archive.check()  # the checksum over the whole file
    assert archive.has_fulltext_index and archive.has_title_index
    assert archive.main_entry.get_item().path == "index.html"
    meta = {
        key: bytes(archive.get_metadata(key)).decode()
        for key in archive.metadata_keys
        if not key.startswith("Illustration")
    }
    assert meta["Language"] == "ara,eng,fas,tur,fra"  # every registered language, ISO 639-3
    assert meta["Title"] == "Wasla · وصلة"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["Date"])
    for key in ("Name", "Title", "Description", "Creator", "Publisher", "Tags"):
        assert meta[key], key
    # neutral: what a library list shows must not out the reader
    for key in ("Name", "Title", "Description", "Tags"):
        assert outing_term(meta[key].replace("_", " ")) is None, (key, meta[key])
    assert archive.has_illustration(48)
    png = bytes(archive.get_illustration_item(48).content)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[16:24] == (48).to_bytes(4, "big") * 2
    # every file of the site is in, under its own path, but the web site's checksums
    files = {p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*") if p.is_file()}
    for rel in files - {"SHA256SUMS"}:
        assert archive.has_entry_by_path(rel), rel
    assert not archive.has_entry_by_path("SHA256SUMS")
    home = bytes(archive.get_entry_by_path("index.html").get_item().content).decode()
    assert 'class="wasla-exit" href="assets/neutral.html"' in home
    assert "HIDDENADDRESSMARKER" not in home and "CURATORNOTEMARKER" not in home


def test_kiwix_serve_in_chromium(zim, page_factory):
    with kiwix(zim) as (url, book):
        page = page_factory(360)
        page.goto(f"{url}/{book}/index.html")
        assert page.evaluate("[document.documentElement.lang, document.body.dir]") == ["ar", "rtl"]
        # the language switch stays inside the ZIM
        switch_language(page)
        page.wait_for_url(f"{url}/{book}/en/index.html")
        assert page.evaluate("document.documentElement.lang") == "en"
        page.goto(f"{url}/{book}/en/countries/lb.html")
        assert page.locator('a[href^="tel:"]').count() >= 1
        # the danger view: the topic's page for a country, its lines with their buttons
        page.click("#danger a[href='../danger/suicide-lb.html']")
        page.wait_for_url(f"{url}/{book}/en/danger/suicide-lb.html")
        assert page.locator('[data-wasla-open-first] a[href^="tel:"]').count() >= 1
        # Kiwix's own full-text search finds an entry by an Arabic word (its city) and in English
        for word in ("بيروت", "Beirut"):
            page.goto(f"{url}/search?content={book}&pattern={word}")
            hits = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
            assert f"/{book}/countries/lb.html" in hits or f"/{book}/en/countries/lb.html" in hits, (word, hits)
        # the site's own search works inside kiwix-serve too
        page.goto(f"{url}/{book}/index.html")
        page.fill("input[type=search]", "1564")
        page.wait_for_function(
            "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
        )
        assert page.eval_on_selector_all(
            "[data-search-results] > li > a", "els => els.map(a => a.getAttribute('href'))"
        ) == ["countries/lb.html#test-hotline"]
        # the quick exit goes to the local neutral page, inside the ZIM
        page.click("a.wasla-exit")
        page.wait_for_url(f"{url}/{book}/assets/neutral.html")
        assert page.blocked == []
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
