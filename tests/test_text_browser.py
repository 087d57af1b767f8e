"""The fixture site in a text browser (w3m -dump, Debian's w3m): every page type in every
language keeps every name, every number and every one-tap link, with no stray control and no
word that looks like a control but does nothing."""

import re
import shutil
import subprocess

import pytest
from lxml import html as lxml_html

from wasla.core import languages
from wasla.core.strings import strings

pytestmark = pytest.mark.browser

W3M = shutil.which("w3m") or "/usr/bin/w3m"
PAGES = [
    "index.html",
    "countries/lb.html",
    "countries/eg.html",
    "countries/international.html",
    "kinds/hotline.html",
    "kinds/health.html",
    "safety.html",
    "about.html",
    "contribute.html",
    "open-data.html",
]
ALL = [languages.shipped().prefix(lang) + p for lang in languages.shipped().codes for p in PAGES] + ["404.html"]


def language_of(rel: str) -> str:
    registry = languages.shipped()
    return next(
        (lang for lang in registry.codes if registry.prefix(lang) and rel.startswith(registry.prefix(lang))),
        registry.default,
    )


def dump(path) -> tuple[str, dict[int, str]]:
    """w3m's text of a page and its numbered links (number -> address)."""
    assert shutil.which("w3m"), "w3m is missing: run 'apt-get install -y w3m' (.ci/packages does)"
    out = subprocess.run(
        [
            W3M,
            "-dump",
            "-T",
            "text/html",
            "-cols",
            "400",
            "-o",
            "display_link_number=1",
            "-I",
            "UTF-8",
            "-O",
            "UTF-8",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    text, _, refs = out.partition("\nReferences:\n")
    links = {int(n): url for n, url in re.findall(r"^\[(\d+)\] (\S+)$", refs, re.M)}
    return text, links


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rel", ALL)
def test_every_name_number_and_link_survives(fixture_site, rel):
    tree = lxml_html.fromstring((fixture_site / rel).read_bytes())
    text, links = dump(fixture_site / rel)
    shown, targets = squash(text), set(links.values())
    buttons = tree.cssselect("a.wasla-contact__link[href]")  # not the search results' <template>
    names = [squash(n.text_content()) for n in tree.cssselect(".wasla-card__name, .wasla-quick__name")]
    numbers = [squash(b.text_content()) for b in tree.cssselect("a.wasla-contact__link[href] bdi")]
    hrefs = [a.get("href") for a in buttons]
    if rel.endswith(("lb.html", "eg.html", "international.html", "hotline.html", "health.html")):
        assert names and numbers and hrefs
    assert [n for n in names if n not in shown] == []
    assert [n for n in numbers if n not in shown] == []
    assert [h for h in hrefs if h not in targets] == []
    # every tel: and mailto: the page holds, in the dump's links too
    local = {a.get("href") for a in tree.cssselect("a[href^='tel:'], a[href^='mailto:'], a[href^='sms:']")}
    assert local - targets == set()
    assert "https://www.accuweather.com/" in targets  # the exit


@pytest.mark.parametrize("rel", ALL)
def test_no_stray_control(fixture_site, rel):
    """No form control at all: not the theme's checkboxes (the drawer's is out of a text
    browser's sight, the others are gone), not the home page's search form (it needs JavaScript:
    the page says so and points to the lists of countries and kinds)."""
    text, links = dump(fixture_site / rel)
    lines = text.splitlines()
    numbered = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert sorted(numbered - set(links)) == []
    assert "[ ]" not in text
    lang = language_of(rel)
    s = strings(lang)
    if rel.endswith("index.html"):
        assert s["search_nojs"] in squash(text)
        # nor the words around the form, nor what the script fills in
        for key in ("search_label", "search_all_countries", "crisis_intro", "search_more"):
            assert s[key] not in text, key
    # the bar: Exit, then the language menu (its summary names this page's language; every language
    # a link by its own name), then Search and Menu, each a link; the menu's goes to the footer's
    # list of pages (where there is no drawer to open)
    registry = languages.shipped()
    exit_line = next(line for line in lines if s["quick_exit"] in line)
    assert exit_line == f"[{int(exit_line[1:].split(']')[0])}]{s['quick_exit']} {registry.get(lang).name}", exit_line
    for language in registry.languages:
        assert any(re.fullmatch(rf"\s*•\s*\[\d+\]{re.escape(language.name)}", line) for line in lines), language.code
    bar = next(line for line in lines if s["search"] in line and s["menu"] in line)
    assert re.fullmatch(rf"\[\d+\]{s['search']} \[\d+\]{s['menu']}", bar), bar
    menu = int(re.findall(r"\[(\d+)\]", bar)[-1])
    assert links[menu].endswith("#wasla-pages")
    assert re.search(rf"\[\d+\]{s['trace_link']} · \[\d+\]{s['about']}", text)
