"""Names that become paths and anchors: an entry's slug, a kind's key. The site's own names, in one
place (rules/slugs.py), are never theirs."""

import datetime as dt
import re

import pytest

from conftest import ROOT, make_data
from test_rules_resource import GOOD, problems
from wasla.loading.dataset import load
from wasla.rules import slugs

TODAY = dt.date(2026, 11, 24)
KINDS = (ROOT / "data" / "kinds.yml").read_text(encoding="utf-8")
KIND = "{key}:\n  label: {{en: Extra, ar: إضافي}}\n  description: {{en: More help., ar: مساعدة أخرى.}}\n"


def test_the_site_names_list_every_id_the_templates_and_pages_write():
    """Keep SITE_ANCHORS equal to the ids: a new id in a template or a page is a name data may not take."""
    ids = set()
    for path in (ROOT / "hooks" / "wasla" / "templates").glob("*.html"):
        ids |= set(re.findall(r'id="([a-z0-9_-]+)"', path.read_text(encoding="utf-8")))
        ids |= {f"{p}…" for p in re.findall(r'id="([a-z0-9_-]+-)\{\{', path.read_text(encoding="utf-8"))}
    for path in (ROOT / "docs").glob("*.md"):
        ids |= set(re.findall(r"\{ *#([a-z0-9_-]+)", path.read_text(encoding="utf-8")))
    for name in sorted(ids):
        if name.endswith("…"):
            assert name[:-1] in slugs.SITE_PREFIXES, name
        else:
            assert slugs.name_taken(name), name
    pages = {p.name.split(".")[0] for p in (ROOT / "docs").glob("*.md")}
    assert pages <= set(slugs.SITE_PAGES)


@pytest.mark.parametrize(
    "slug, taken",
    [
        ("law", "'law'"),
        ("search", "'search'"),
        ("danger", "'danger'"),
        ("index", "'index'"),
        ("kind-hotline", "the 'kind-…' anchors"),
        ("country-lb", "the 'country-…' anchors"),
        ("trace-phone", "the 'trace-…' anchors"),
    ],
)
def test_a_slug_cannot_take_the_sites_own_name(tmp_path, slug, taken):
    assert problems(tmp_path, GOOD, rel=f"resources/lb/{slug}.yml") == [
        f"resources/lb/{slug}.yml:1:1: file name takes {taken}, a name the site itself uses for a page or an anchor; expected a slug of the organisation's own (like its initials and a place: 'iq-network.yml'); got '{slug}.yml'"
    ]


def test_make_new_refuses_the_sites_own_names():
    assert (
        slugs.problem("law")
        == "'law' is not a valid slug: it takes 'law', a name the site itself uses for a page or an anchor"
    )
    assert slugs.problem("beirut-law") is None


def kind_problems(tmp_path, text: str) -> list[str]:
    data = make_data(tmp_path, {"kinds.yml": text}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    prefix = str(data / "kinds.yml")
    return [str(p).replace(prefix, "data/kinds.yml") for p in found if p.path == prefix]


KEY = "not a kind key; expected lower-case ASCII letters and digits, words joined by '_', like 'legal_aid'"


@pytest.mark.parametrize(
    "key, message",
    [
        ('"../index"', f"../index: {KEY}; got '../index'"),
        ('"a/b"', f"a/b: {KEY}; got 'a/b'"),
        ("Hotline2", f"Hotline2: {KEY}; got 'Hotline2'"),
        ("legal-aid", f"legal-aid: {KEY}; got 'legal-aid'"),
        (
            "international",
            "international: takes 'kind-international', a name the site itself uses for a page or an anchor; expected a key of its own; got 'international'",
        ),
        (
            "index",
            "index: takes 'index', a name the site itself uses for a page or an anchor; expected a key of its own; got 'index'",
        ),
    ],
)
def test_a_kind_key_is_a_name_of_its_own(tmp_path, key, message):
    line = KINDS.count("\n") + 1
    assert kind_problems(tmp_path, KINDS + KIND.format(key=key)) == [f"data/kinds.yml:{line}:1: {message}"]


def test_a_kind_key_that_is_a_path_never_becomes_a_page(tmp_path):
    """'../index' would have been written over the home page of both languages: now no page is planned."""
    data = make_data(tmp_path, {"kinds.yml": KINDS + KIND.format(key='"../index"')}, fixtures=False)
    dataset, found = load(data, today=TODAY, raise_on_error=False)
    assert "../index" not in dataset.kinds and any(p.rule == "kind_key_is_free" for p in found)
