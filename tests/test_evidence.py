"""Issue #19: dated, typed sources; the evidence line on cards, in search and exports; make verify."""
import csv
import datetime as dt
import difflib
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, built_site, make_data
from test_rules import GOOD, TODAY, problems
from wasla import evidence
from wasla.load import load
from wasla.render import Site

SRC = "sources:\n  - https://example.org/\n"


def with_sources(*items: str, base: str = GOOD) -> str:
    return base.replace(SRC, "sources:\n" + "".join(items))


def mapping(url="https://example.org/a", date="2024-03", kind="own", extra="") -> str:
    lines = [f"url: {url}" if url else "", f"date: {date}" if date else "", f"kind: {kind}" if kind else "", extra]
    lines = [line for line in lines if line]
    return "  - " + "\n    ".join(lines) + "\n"


# -- the rules: each field of a source mapping wrong, its exact message ------------------------

SOURCE_CASES = {
    "missing url": (
        mapping(url=None),
        "resources/lb/good-group.yml:13:5: sources[0].url: is required; expected a value for 'url'; got nothing",
    ),
    "missing date": (
        mapping(date=None),
        "resources/lb/good-group.yml:13:5: sources[0].date: is required; expected a value for 'date'; got nothing",
    ),
    "missing kind": (
        mapping(kind=None),
        "resources/lb/good-group.yml:13:5: sources[0].kind: is required; expected a value for 'kind'; got nothing",
    ),
    "bad url": (
        mapping(url="example.org/a"),
        "resources/lb/good-group.yml:13:10: sources[0].url: not a web link; expected a full address starting with 'https://'; got 'example.org/a'",
    ),
    "bad date": (
        mapping(date="03/2024"),
        "resources/lb/good-group.yml:14:11: sources[0].date: not a source date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'; got '03/2024'",
    ),
    "impossible date": (
        mapping(date="2024-13"),
        "resources/lb/good-group.yml:14:11: sources[0].date: not a source date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'; got '2024-13'",
    ),
    "future date": (
        mapping(date="2026-12"),
        "resources/lb/good-group.yml:14:11: sources[0].date: is in the future; expected a date on or before 2026-11-24; got '2026-12'",
    ),
    "unknown kind": (
        mapping(kind="partnr"),
        "resources/lb/good-group.yml:15:11: sources[0].kind: unknown source kind (did you mean 'partner'?); expected one of: own, partner, press, aggregator, other; got 'partnr'",
    ),
    "unknown key": (
        mapping(extra="kinds: own"),
        "resources/lb/good-group.yml:16:5: sources[0].kinds: unknown field; did you mean 'kind'? expected one of: url, date, kind; got 'kinds'",
    ),
    "bare non-URL": (
        "  - helem.net\n",
        "resources/lb/good-group.yml:13:5: sources[0]: not a web link; expected a full address starting with 'https://'; got 'helem.net'",
    ),
    "a list": (
        "  - [https://example.org/]\n",
        "resources/lb/good-group.yml:13:5: sources[0]: must be a web link or a mapping; expected '- https://…' or 'url:', 'date:' and 'kind:' lines; got a list",
    ),
}


@pytest.mark.parametrize("case", list(SOURCE_CASES))
def test_source_rule_message(tmp_path, case):
    item, message = SOURCE_CASES[case]
    assert problems(tmp_path, with_sources(item), level="error") == [message]


def test_bare_links_and_mappings_of_every_precision_are_valid(tmp_path):
    text = with_sources("  - https://example.org/bare\n", mapping(date="2019", kind="press"), mapping(url="https://example.org/b", date="2024-03-05", kind="partner"),
                        mapping(url="https://example.org/c", date="undated", kind="aggregator"), mapping(url="https://example.org/d", date="2026-11", kind="other"))
    assert problems(tmp_path, text) == []
    dataset, _ = load(tmp_path / "data", today=TODAY)
    assert [(s.url, s.written_date, s.precision, s.kind) for s in dataset.resources[0].sources] == [
        ("https://example.org/bare", "undated", None, None),
        ("https://example.org/a", "2019", "year", "press"),
        ("https://example.org/b", "2024-03-05", "day", "partner"),
        ("https://example.org/c", "undated", None, "aggregator"),
        ("https://example.org/d", "2026-11", "month", "other"),
    ]


# -- what sources add up to, and the words a card shows ------------------------------------------

def src(date, kind):
    parsed = evidence.parse_source_date(date) if date != "undated" else None
    return evidence.Source(url="https://example.org/", date=parsed[0] if parsed else None, precision=parsed[1] if parsed else None, kind=kind)


def test_newest_prefers_the_later_period_and_then_the_more_precise_date():
    assert evidence.newest([src("2024", "press"), src("2024-03", "own"), src("undated", "own")]).written_date == "2024-03"
    assert evidence.newest([src("2024-01", "press"), src("2024", "own")]).kind == "press"
    assert evidence.newest([src("undated", "own")]) is None


def test_dates_keep_their_precision_in_both_languages():
    assert [evidence.format_source_date(src(d, "own"), "en") for d in ("2024", "2024-03", "2024-03-05")] == ["2024", "March 2024", "March 5, 2024"]
    assert [evidence.format_source_date(src(d, "own"), "ar") for d in ("2024", "2024-03", "2024-03-05")] == ["2024", "آذار/مارس 2024", "5 آذار/مارس 2024"]
    assert evidence.month_name(8, "ar") == "آب/أغسطس"


ENTRIES = {  # slug -> its sources; a card each
    "own-line": [mapping(url="https://example.org/own", date="2024-03", kind="own"), mapping(url="https://example.org/p", date="2025-01", kind="press")],
    "third-line": [mapping(url="https://example.org/agg", date="2019", kind="aggregator"), mapping(url="https://example.org/p2", date="2016-10-18", kind="press")],
    "undated-line": [mapping(url="https://example.org/u", date="undated", kind="own"), "  - https://example.org/bare\n"],
    "old-line": [mapping(url="https://example.org/old", date="2021-06", kind="own")],
}
EXPECTED = {
    "en": {
        "own-line": ("Newest source (press): January 2025", ""),
        "third-line": ("Only third-party sources, newest 2019 (directory or aggregator)", "Old information: the newest source is more than 3 years old."),
        "undated-line": ("None of the sources is dated", ""),
        "old-line": ("Last published by the organisation: June 2021", "Old information: the newest source is more than 3 years old."),
    },
    "ar": {
        "own-line": ("أحدث مصدر (صحافة): كانون الثاني/يناير 2025", ""),
        "third-line": ("مصادر من جهات أخرى فقط، أحدثها 2019 (دليل أو موقع تجميعي)", "معلومات قديمة: عمر أحدث مصدر أكثر من 3 سنوات."),
        "undated-line": ("لا يحمل أيٌّ من المصادر تاريخاً", ""),
        "old-line": ("آخر ما نشرته المنظمة: حزيران/يونيو 2021", "معلومات قديمة: عمر أحدث مصدر أكثر من 3 سنوات."),
    },
}


def evidence_files(entries=ENTRIES) -> dict[str, str]:
    files = {}
    for i, (slug, items) in enumerate(entries.items()):
        text = with_sources(*items).replace('"01 123 456"', f'"01 123 45{i}"').replace("Good Group", slug.replace("-", " ").title())
        files[f"resources/lb/{slug}.yml"] = text
    return files


@pytest.fixture(scope="module")
def evidence_data(tmp_path_factory):
    data = make_data(tmp_path_factory.mktemp("evidence"), evidence_files(), fixtures=False)
    dataset, _ = load(data, today=TODAY)
    return dataset


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_card_evidence_line_for_own_third_party_undated_and_old_sources(evidence_data, lang):
    site = Site(evidence_data, lang, today=TODAY)
    by_slug = {r.slug: r for r in evidence_data.resources}
    for slug, (text, old) in EXPECTED[lang].items():
        line = site.evidence(by_slug[slug])
        assert (line["text"], line["stale"]) == (text, old), slug


def test_the_own_case_and_third_party_only_undated():
    today = TODAY
    entry = type("R", (), {})()
    entry.sources = (src("2024-03", "own"), src("2019", "press"))
    from wasla.render import strings
    assert evidence.evidence_line(entry, strings("en"), "en", today, 3)["text"] == "Last published by the organisation: March 2024"
    assert evidence.evidence_line(entry, strings("ar"), "ar", today, 3)["text"] == "آخر ما نشرته المنظمة: آذار/مارس 2024"
    entry.sources = (src("undated", "press"),)
    assert evidence.evidence_line(entry, strings("en"), "en", today, 3)["text"] == "Only third-party sources, none of them dated"
    assert evidence.evidence_line(entry, strings("ar"), "ar", today, 3)["text"] == "مصادر من جهات أخرى فقط، ولا يحمل أيٌّ منها تاريخاً"
    entry.sources = (src("2023-11-25", "own"),)  # 3 years less a day: not old; configurable
    assert evidence.evidence_line(entry, strings("en"), "en", today, 3)["stale"] == ""
    assert evidence.evidence_line(entry, strings("en"), "en", today, 1)["stale"] == "Old information: the newest source is more than 1 year old."
