"""dated, typed sources; the evidence line on cards, in search and exports; make verify."""

import csv
import difflib
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, built_site, make_data
from test_rules_resource import GOOD, TODAY, problems
from wasla.core import dates, model
from wasla.loading.dataset import load
from wasla.output import words
from wasla.output.render import renderer
from wasla.queries import evidence as queries_evidence

SRC = "sources:\n  - https://example.org/\n"


def with_sources(*items: str, base: str = GOOD) -> str:
    return base.replace(SRC, "sources:\n" + "".join(items))


def mapping(url="https://example.org/a", date="2024-03", kind="press", extra="") -> str:
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
    "a date in Persian digits": (
        mapping(date="۲۰۲۴-۰۳"),
        "resources/lb/good-group.yml:14:11: sources[0].date: is written with digits other than 0-9 ('۲', EXTENDED ARABIC-INDIC DIGIT TWO); expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03', in the digits 0-9; got '۲۰۲۴-۰۳'",
    ),
    "own on a site the entry does not publish": (
        mapping(url="https://paste.example.net/evidence", date="2026-11", kind="own"),
        "resources/lb/good-group.yml:15:11: sources[0].kind: 'own' on paste.example.net, which is not a site this entry publishes (its website and chat contacts: none), so the card would say the organisation itself published it; expected 'partner', 'press', 'aggregator' or 'other' (or first the organisation's site in 'contacts', if it publishes one); got 'own' for 'https://paste.example.net/evidence'",
    ),
}

SITE = '    value: "01 123 456"\n'
WITH_SITE = GOOD.replace(SITE, SITE + "  - type: website\n    value: https://www.example.org/\n")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/about",  # the site itself, without 'www.'
        "https://www.example.org./about",  # a trailing dot
        "https://blog.example.org/2024",  # a subdomain of it
        "https://EXAMPLE.org/about",
    ],
)
def test_own_on_the_entrys_own_site_passes(tmp_path, url):
    assert problems(tmp_path, with_sources(mapping(url=url, kind="own"), base=WITH_SITE)) == []


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://example.org.evil.net/about", "example.org.evil.net"),
        ("https://notexample.org/about", "notexample.org"),
        ("https://pastebin.com/raw/x", "pastebin.com"),
    ],
)
def test_own_on_another_site_is_refused_and_says_which_kind(tmp_path, url, host):
    found = problems(tmp_path, with_sources(mapping(url=url, kind="own"), base=WITH_SITE))
    assert found == [
        f"resources/lb/good-group.yml:17:11: sources[0].kind: 'own' on {host}, which is not a site this entry publishes (its website and chat contacts: example.org), so the card would say the organisation itself published it; expected 'partner', 'press', 'aggregator' or 'other' (or first the organisation's site in 'contacts', if it publishes one); got 'own' for '{url}'"
    ]


@pytest.mark.parametrize("case", list(SOURCE_CASES))
def test_source_rule_message(tmp_path, case):
    item, message = SOURCE_CASES[case]
    assert problems(tmp_path, with_sources(item), level="error") == [message]


def test_bare_links_and_mappings_of_every_precision_are_valid(tmp_path):
    text = with_sources(
        "  - https://example.org/bare\n",
        mapping(date="2019", kind="press"),
        mapping(url="https://example.org/b", date="2024-03-05", kind="partner"),
        mapping(url="https://example.org/c", date="undated", kind="aggregator"),
        mapping(url="https://example.org/d", date="2026-11", kind="other"),
    )
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
    parsed = dates.parse_partial_date(date) if date != "undated" else None
    return model.Source(
        url="https://example.org/",
        date=parsed[0] if parsed else None,
        precision=parsed[1] if parsed else None,
        kind=kind,
    )


def test_newest_prefers_the_later_period_and_then_the_more_precise_date():
    assert (
        queries_evidence.newest([src("2024", "press"), src("2024-03", "own"), src("undated", "own")]).written_date
        == "2024-03"
    )
    assert queries_evidence.newest([src("2024-01", "press"), src("2024", "own")]).kind == "press"
    assert queries_evidence.newest([src("undated", "own")]) is None


def test_dates_keep_their_precision_in_both_languages():
    assert [words.format_source_date(src(d, "own"), "en") for d in ("2024", "2024-03", "2024-03-05")] == [
        "2024",
        "March 2024",
        "March 5, 2024",
    ]
    assert [words.format_source_date(src(d, "own"), "ar") for d in ("2024", "2024-03", "2024-03-05")] == [
        "2024",
        "آذار/مارس 2024",
        "5 آذار/مارس 2024",
    ]
    assert dates.month_name(8, "ar") == "آب/أغسطس"


ENTRIES = {  # slug -> its sources; a card each
    "own-line": [
        mapping(url="https://example.org/own", date="2024-03", kind="own"),
        mapping(url="https://example.org/p", date="2025-01", kind="press"),
    ],
    "third-line": [
        mapping(url="https://example.org/agg", date="2019", kind="aggregator"),
        mapping(url="https://example.org/p2", date="2016-10-18", kind="press"),
    ],
    "undated-line": [
        mapping(url="https://example.org/u", date="undated", kind="own"),
        "  - https://example.org/bare\n",
    ],
    "old-line": [mapping(url="https://example.org/old", date="2021-06", kind="own")],
}
EXPECTED = {
    "en": {
        "own-line": ("Newest source (press): January 2025", ""),
        "third-line": (
            "Only third-party sources, newest 2019 (directory or aggregator)",
            "Old information: the newest source is more than 3 years old.",
        ),
        "undated-line": ("None of the sources is dated", ""),
        "old-line": (
            "Last published by the organisation: June 2021",
            "Old information: the newest source is more than 3 years old.",
        ),
    },
    "ar": {
        "own-line": ("أحدث مصدر (صحافة): كانون الثاني/يناير 2025", ""),
        "third-line": (
            "مصادر من جهات أخرى فقط، أحدثها 2019 (دليل أو موقع تجميعي)",
            "معلومات قديمة: عمر أحدث مصدر أكثر من 3 سنوات.",
        ),
        "undated-line": ("لا يحمل أيٌّ من المصادر تاريخاً", ""),
        "old-line": ("آخر ما نشرته المنظمة: حزيران/يونيو 2021", "معلومات قديمة: عمر أحدث مصدر أكثر من 3 سنوات."),
    },
}


def evidence_files(entries=ENTRIES) -> dict[str, str]:
    """A card for each entry; each publishes a page of example.org, so its 'own' sources there are its own."""
    files = {}
    for i, (slug, items) in enumerate(entries.items()):
        text = (
            with_sources(
                *items, base=GOOD.replace(SITE, SITE + f"  - type: website\n    value: https://example.org/{slug}\n")
            )
            .replace('"01 123 456"', f'"01 123 45{i}"')
            .replace("Good Group", slug.replace("-", " ").title())
        )
        files[f"resources/lb/{slug}.yml"] = text
    return files


@pytest.fixture(scope="module")
def evidence_data(tmp_path_factory):
    data = make_data(tmp_path_factory.mktemp("evidence"), evidence_files(), fixtures=False)
    dataset, _ = load(data, today=TODAY)
    return dataset


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_card_evidence_line_for_own_third_party_undated_and_old_sources(evidence_data, lang):
    site = renderer(evidence_data, lang, today=TODAY)
    by_slug = {r.slug: r for r in evidence_data.resources}
    for slug, (text, old) in EXPECTED[lang].items():
        line = site.evidence(by_slug[slug])
        assert (line["text"], line["stale"]) == (text, old), slug


def test_the_own_case_and_third_party_only_undated():
    today = TODAY
    entry = type("R", (), {})()
    entry.sources = (src("2024-03", "own"), src("2019", "press"))
    from wasla.core.strings import strings

    assert (
        words.evidence_line(entry, strings("en"), "en", today, 3)["text"]
        == "Last published by the organisation: March 2024"
    )
    assert words.evidence_line(entry, strings("ar"), "ar", today, 3)["text"] == "آخر ما نشرته المنظمة: آذار/مارس 2024"
    entry.sources = (src("undated", "press"),)
    assert (
        words.evidence_line(entry, strings("en"), "en", today, 3)["text"]
        == "Only third-party sources, none of them dated"
    )
    assert (
        words.evidence_line(entry, strings("ar"), "ar", today, 3)["text"]
        == "مصادر من جهات أخرى فقط، ولا يحمل أيٌّ منها تاريخاً"
    )
    entry.sources = (src("2023-11-25", "own"),)  # 3 years less a day: not old; configurable
    assert words.evidence_line(entry, strings("en"), "en", today, 3)["stale"] == ""
    assert (
        words.evidence_line(entry, strings("en"), "en", today, 1)["stale"]
        == "Old information: the newest source is more than 1 year old."
    )


# -- the built site: the cards, both languages ----------------------------------------------------


@pytest.fixture(scope="module")
def evidence_site(tmp_path_factory):
    files = evidence_files()
    files["resources/lb/weak-line.yml"] = (
        with_sources(mapping(url="https://example.org/w", date="2026-05", kind="aggregator"))
        .replace('"01 123 456"', '"01 123 459"')
        .replace("Good Group", "Weak Line")
        + "confidence: low\n"
    )
    return built_site(tmp_path_factory.mktemp("evidence-site"), files, fixtures=False)


def card_html(site, lang, slug) -> str:
    """An entry's card, from whichever of Lebanon's pages it is on (lb.html, lb-2.html …)."""
    folder = site / ("" if lang == "ar" else "en/") / "countries"
    html = next(
        text
        for text in (page.read_text(encoding="utf-8") for page in sorted(folder.glob("lb*.html")))
        if f'id="{slug}"' in text
    )
    start = html.index(f'id="{slug}"')
    return html[start : html.index("</article>", start)]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_built_cards_show_the_evidence_under_the_verification_state(evidence_site, lang):
    from wasla.core.strings import strings

    s = strings(lang)
    for slug, (text, old) in EXPECTED[lang].items():
        card = card_html(evidence_site, lang, slug)
        verified = card.index(f">{s['not_verified']}</p>")
        line = card.index('class="wasla-card__evidence')
        assert verified < line < card.index("<details"), slug
        assert f">{text}" in card, slug
        assert (f"<strong>{old}</strong>" in card) == bool(old), slug
    weak = card_html(evidence_site, lang, "weak-line")
    assert f">{s['confidence_low']}</p>" in weak  # low confidence in words, not only a colour


def test_built_sources_list_gives_each_kind_and_date(evidence_site):
    en, ar = card_html(evidence_site, "en", "third-line"), card_html(evidence_site, "ar", "third-line")
    assert "(directory or aggregator · 2019)" in en and "(press · October 18, 2016)" in en
    assert "(دليل أو موقع تجميعي · 2019)" in ar and "(صحافة · 18 تشرين الأول/أكتوبر 2016)" in ar
    undated = card_html(evidence_site, "en", "undated-line")
    assert (
        "(the organisation&#39;s own site or channel · undated)" in undated
        and "(kind not recorded · undated)" in undated
    )


def test_exports_carry_newest_source_and_each_source(evidence_site):
    doc = json.loads((evidence_site / "data" / "resources.json").read_text(encoding="utf-8"))
    by_slug = {r["slug"]: r for r in doc["resources"]}
    own = by_slug["own-line"]
    assert (own["newest_source_date"], own["newest_source_kind"]) == ("2025-01", "press")
    assert own["sources"] == ["https://example.org/own", "https://example.org/p"]
    assert own["source_details"] == [
        {"url": "https://example.org/own", "date": "2024-03", "kind": "own"},
        {"url": "https://example.org/p", "date": "2025-01", "kind": "press"},
    ]
    undated = by_slug["undated-line"]
    assert (undated["newest_source_date"], undated["newest_source_kind"]) == (None, None)
    assert undated["source_details"][1] == {"url": "https://example.org/bare", "date": "undated", "kind": None}
    rows = {
        r["slug"]: r
        for r in csv.DictReader(io.StringIO((evidence_site / "data" / "resources.csv").read_text(encoding="utf-8-sig")))
    }
    assert (rows["third-line"]["newest_source_date"], rows["third-line"]["newest_source_kind"]) == (
        "2019",
        "aggregator",
    )
    assert (rows["undated-line"]["newest_source_date"], rows["undated-line"]["newest_source_kind"]) == ("", "")


def test_hsds_assured_date_is_a_verification_never_a_source_date(tmp_path):
    from wasla.output.exports import hsds_service

    files = evidence_files({"own-line": ENTRIES["own-line"]})
    files["resources/lb/checked.yml"] = (
        files["resources/lb/own-line.yml"]
        .replace('"01 123 450"', '"01 123 460"')
        .replace("https://example.org/own-line", "https://example.org/checked")
        + "last_verified: 2026-10-01\nverified_by: phone\n"
    )
    dataset, _ = load(make_data(tmp_path, files, fixtures=False), today=TODAY)
    services = {r.slug: hsds_service(r) for r in dataset.resources}
    assert "assured_date" not in services["own-line"]  # dated sources, nobody verified
    assert services["checked"]["assured_date"] == "2026-10-01"


# -- make verify and the verification queue ------------------------------------------------------

COMMENTED = """\
# yaml-language-server: $schema=../../schema/resource.schema.json
# A curator's file: every comment must survive.
name:
  en: Good Group   # the name it uses itself
  ar: مجموعة جيدة
kinds: [hotline]
countries: [lb]
summary:
  en: Helps.
  ar: تساعد.
contacts:
  - type: phone
    value: "01 123 456"   # from its own page

# Only a curator who checked the entry sets these.
sources:
  - url: https://example.org/
    date: 2024-03   # the page footer
    kind: partner
  - https://example.org/bare  # source date: undated
status: active
curator_notes: 'Seen on its own site.'
"""


def run_verify(tmp_path, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "wasla", "verify", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24", **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_make_verify_changes_exactly_the_verification_lines(tmp_path):
    data = make_data(tmp_path, {"resources/lb/good-group.yml": COMMENTED}, fixtures=False)
    path = data / "resources" / "lb" / "good-group.yml"
    result = run_verify(
        tmp_path, "--entry", "lb/good-group", "--method", "phone", "--changed", "number moved to WhatsApp only"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "data/resources/lb/good-group.yml: last_verified: 2026-11-24, verified_by: phone; noted: number moved to WhatsApp only",
        "check: 0 errors in this file",
    ]
    after = path.read_text(encoding="utf-8")
    assert diff(COMMENTED, after) == [
        "+last_verified: 2026-11-24",
        "+verified_by: phone",
        "-curator_notes: 'Seen on its own site.'",
        "+curator_notes: 'Seen on its own site. | 2026-11-24 (phone): number moved to WhatsApp only'",
    ]
    # where the rulebook's order puts them: after the comment block, right before sources
    assert (
        "# Only a curator who checked the entry sets these.\nlast_verified: 2026-11-24\nverified_by: phone\nsources:\n"
        in after
    )
    # a second check later replaces the fields in place, again nothing else
    again = run_verify(
        tmp_path,
        "--entry",
        "data/resources/lb/good-group.yml",
        "--method",
        "website",
        env={"WASLA_TODAY": "2026-11-30"},
    )
    assert again.returncode == 0, again.stderr
    assert diff(after, path.read_text(encoding="utf-8")) == [
        "-last_verified: 2026-11-24",
        "-verified_by: phone",
        "+last_verified: 2026-11-30",
        "+verified_by: website",
    ]


def test_make_verify_through_make_variables(tmp_path):
    """The Makefile passes ENTRY, METHOD and CHANGED as variables (make exports them)."""
    data = make_data(tmp_path, {"resources/lb/good-group.yml": COMMENTED}, fixtures=False)
    result = run_verify(tmp_path, env={"ENTRY": "lb/good-group", "METHOD": "in_person"})
    assert result.returncode == 0, result.stderr
    assert "verified_by: in_person\n" in (data / "resources" / "lb" / "good-group.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--entry", "lb/good-grup", "--method", "phone"],
            "make verify: entry: no such entry (did you mean 'lb/good-group'?); expected a file data/resources/lb/good-grup.yml; got 'lb/good-grup'",
        ),
        (
            ["--entry", "Good Group", "--method", "phone"],
            "make verify: entry: not an entry name; expected <country>/<slug>, like 'lb/helem'; got 'Good Group'",
        ),
        (
            ["--entry", "lb/good-group", "--method", "email"],
            "make verify: method: unknown method; expected one of: website, phone, partner, in_person; got 'email'",
        ),
        (
            [],
            "make verify: entry: none given; expected make verify ENTRY=<country>/<slug> METHOD=<method>, like ENTRY=lb/helem METHOD=phone",
        ),
    ],
)
def test_make_verify_refuses_mistakes_without_touching_the_file(tmp_path, args, message):
    data = make_data(tmp_path, {"resources/lb/good-group.yml": COMMENTED}, fixtures=False)
    result = run_verify(tmp_path, *args)
    assert (result.returncode, result.stderr.strip()) == (2, message)
    assert (data / "resources" / "lb" / "good-group.yml").read_text(encoding="utf-8") == COMMENTED


def test_make_verify_reports_the_files_problems(tmp_path):
    make_data(
        tmp_path, {"resources/lb/good-group.yml": COMMENTED.replace("status: active", "status: open")}, fixtures=False
    )
    result = run_verify(tmp_path, "--entry", "lb/good-group", "--method", "phone")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        "data/resources/lb/good-group.yml:23:9: status: unknown status; expected one of: active, paused, closed; got 'open'",
        "check: 1 error in this file; fix them, then run make check",
    ]


def test_record_refuses_when_the_layout_would_change():
    from wasla.commands.verify import VerifyError, record

    odd = COMMENTED.replace("kinds: [hotline]", "kinds:    [hotline]")  # ruamel would normalise the spacing
    with pytest.raises(VerifyError, match="not written: recording the verification would also change"):
        record(odd, TODAY, "phone", None)


def test_make_check_prints_the_verification_queue_oldest_evidence_first(tmp_path):
    files = evidence_files()
    files["resources/lb/stale-line.yml"] = (
        with_sources(mapping(url="https://example.org/s", date="2020", kind="press")).replace(
            '"01 123 456"', '"01 123 469"'
        )
        + "last_verified: 2025-01-10\nverified_by: phone\n"
    )
    files["resources/lb/fresh-line.yml"] = (
        with_sources(mapping(url="https://example.org/f", date="2010", kind="press")).replace(
            '"01 123 456"', '"01 123 479"'
        )
        + "last_verified: 2026-10-01\nverified_by: phone\n"
    )
    make_data(tmp_path, files, fixtures=False)
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", "data"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"},
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "Verification queue (never verified, then stale; oldest evidence first):",
        "data/resources/lb/undated-line.yml: note: not yet verified; no dated source",
        "data/resources/lb/third-line.yml: note: not yet verified; newest source 2019 (aggregator)",
        "data/resources/lb/old-line.yml: note: not yet verified; newest source 2021-06 (own)",
        "data/resources/lb/own-line.yml: note: not yet verified; newest source 2025-01 (press)",
        "data/resources/lb/stale-line.yml: note: stale: last verified 2025-01-10, over 12 months ago; newest source 2020 (press)",
        "6 resources valid; 0 errors, 0 warnings; 4 not yet verified, 1 stale",
    ]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_evidence_line_reads_at_360px_in_chromium(evidence_site, page_factory, lang):
    """In the real browser at 360 px: the line shows under the verification state, inside the
    card, the old-information note is bold text (not only a colour), nothing overflows."""
    from conftest import serve

    with serve(evidence_site) as url:
        page = page_factory(width=360)
        page.goto(f"{url}{'' if lang == 'ar' else 'en/'}countries/lb.html")
        for slug, (text, old) in EXPECTED[lang].items():
            card = page.locator(f"#{slug}")
            line = card.locator(".wasla-card__evidence")
            assert line.is_visible(), slug
            assert line.inner_text().split("\n")[0] == text, slug
            above = card.locator(".wasla-card__verified").bounding_box()
            box, outer = line.bounding_box(), card.bounding_box()
            assert (
                above["y"] + above["height"] <= box["y"]
                and box["x"] >= outer["x"]
                and box["x"] + box["width"] <= outer["x"] + outer["width"]
            ), slug
            if old:
                assert card.locator(".wasla-card__evidence strong").evaluate(
                    "el => getComputedStyle(el).fontWeight"
                ) in ("700", "bold")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_make_verify_asks_when_run_from_a_terminal(tmp_path):
    """No arguments on a terminal: it asks for the entry, the method and what changed."""
    import pty
    import select

    data = make_data(tmp_path, {"resources/lb/good-group.yml": COMMENTED}, fixtures=False)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wasla", "verify"],
        cwd=tmp_path,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"},
    )
    os.close(slave)
    said = b""

    def until(text: bytes):
        nonlocal said
        while text not in said:
            ready, _, _ = select.select([master], [], [], 30)
            assert ready, said
            said += os.read(master, 4096)

    until(b"Entry (country/slug, like lb/helem): ")
    os.write(master, b"lb/good-grup\n")
    until(b"did you mean 'lb/good-group'?")
    os.write(master, b"lb/good-group\n")
    until(b"How did you check it? (website, phone, partner, in_person): ")
    os.write(master, b"partner\n")
    until(b"What changed (empty: nothing): ")
    os.write(master, b"\n")
    until(b"check: 0 errors in this file")
    assert proc.wait(timeout=30) == 0
    os.close(master)
    after = (data / "resources" / "lb" / "good-group.yml").read_text(encoding="utf-8")
    assert diff(COMMENTED, after) == ["+last_verified: 2026-11-24", "+verified_by: partner"]


def test_the_age_that_counts_as_old_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("WASLA_EVIDENCE_STALE_YEARS", "10")  # extra.wasla.evidence_stale_years, overridden
    site = built_site(tmp_path, evidence_files({"old-line": ENTRIES["old-line"]}), fixtures=False)
    card = card_html(site, "en", "old-line")
    assert ">Last published by the organisation: June 2021</p>" in card and "Old information" not in card
