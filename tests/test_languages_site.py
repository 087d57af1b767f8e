"""A language added by configuration alone: Hebrew (he, right to left) as one registry entry, one
string table and its mkdocs.yml i18n entry, in a copy of the repository; no code changes. The built
site has Hebrew pages with the right direction, the chain's fallback marked, the menu and search."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

HEBREW = """\
  - code: he
    name: עברית
    dir: rtl
    locale: he_IL
    material: he
    fallback: [en, ar]
    reviewed: false
"""
# A few keys: English fills the rest (core/strings.py), as for any table in progress.
TABLE = """\
not_translated: טרם תורגם
page_not_translated: "הדף טרם תורגם; הוא מוצג ב{language}."
quick_exit: יציאה
search: חיפוש
"""
I18N = """\
        - locale: he
          name: עברית
          build: true
          site_name: Wasla
          nav_translations:
            Home: דף הבית
            Stay safe: שמרו על עצמכם
            About: אודות
            Contribute: השתתפו
            Open data: מידע פתוח
"""


@pytest.fixture(scope="module")
def hebrew_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hebrew")
    repo = root / "repo"
    for part in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.rmtree(repo / "data" / "resources")
    shutil.copytree(FIXTURES / "resources", repo / "data" / "resources")
    # the three pieces of configuration
    registry = repo / "data" / "languages.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + HEBREW, encoding="utf-8")
    (repo / "hooks" / "wasla" / "strings" / "he.yml").write_text(TABLE, encoding="utf-8")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "\nwatch:"
    assert anchor in config
    (repo / "mkdocs.yml").write_text(config.replace(anchor, I18N.rstrip("\n") + "\n" + anchor, 1), encoding="utf-8")
    site = root / "site"
    env = {
        **os.environ,
        "WASLA_TODAY": "2026-11-24",
        "PYTHONPATH": str(repo / "hooks"),
        "NO_MKDOCS_2_WARNING": "1",
        "WASLA_THEME": "material",
    }
    env.pop("WASLA_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(repo / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_hebrew_pages_are_right_to_left_in_hebrew(hebrew_site):
    for rel in ("index.html", "countries/lb.html", "countries/il.html", "kinds/hotline.html", "about.html"):
        html = (hebrew_site / "he" / rel).read_text(encoding="utf-8")
        assert '<html lang="he"' in html and '<body dir="rtl"' in html, rel
        assert '<summary lang="he">עברית</summary>' in html and ">יציאה</a>" in html, rel
    # CLDR names in Hebrew
    assert "לבנון" in (hebrew_site / "he" / "countries" / "lb.html").read_text(encoding="utf-8")


def test_a_hebrew_page_shows_the_english_text_marked_not_yet_translated(hebrew_site):
    html = (hebrew_site / "he" / "countries" / "lb.html").read_text(encoding="utf-8")
    assert '<bdi lang="en" dir="ltr">A centre that is paused' in html
    assert '<small class="wasla-untranslated">(טרם תורגם)</small>' in html
    about = (hebrew_site / "he" / "about.html").read_text(encoding="utf-8")
    assert "הדף טרם תורגם; הוא מוצג באנגלית." in about
    assert '<div class="wasla-fallback" lang="en" dir="ltr">' in about


def test_every_page_menu_lists_hebrew(hebrew_site):
    for rel in ("index.html", "en/countries/lb.html", "fa/index.html", "he/countries/lb.html"):
        html = (hebrew_site / rel).read_text(encoding="utf-8")
        assert html.count(" hreflang=") == 6, rel
        assert 'hreflang="he" lang="he"' in html and ">עברית</a>" in html, rel
    html = (hebrew_site / "he" / "countries" / "lb.html").read_text(encoding="utf-8")
    assert 'href="../../countries/lb.html" hreflang="ar"' in html
    assert 'href="lb.html" hreflang="he" lang="he" aria-current="page"' in html


def test_hebrew_has_its_own_search(hebrew_site, page_factory):
    meta = next((hebrew_site / "he" / "search").glob("*/meta.js")).read_text(encoding="utf-8")
    assert '"lang":"he"' in meta and '"rtl":["ar","fa","he"]' in meta
    page = page_factory(width=360)
    page.goto((hebrew_site / "he" / "index.html").as_uri())
    page.fill("input[type=search]", "לבנון")  # the country, by its Hebrew name
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    hrefs = page.eval_on_selector_all("[data-search-results] > li > a", "els => els.map(a => a.getAttribute('href'))")
    assert "countries/lb.html#law" in hrefs
    assert page.blocked == []
