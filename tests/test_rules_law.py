"""The region list, the law files (data/countries/<cc>.yml) and their rulebook."""

import datetime as dt
import json
import re

import jsonschema
import pytest

from conftest import ROOT, make_data
from wasla.core import model, places
from wasla.core.yamlload import loads, plain
from wasla.loading.dataset import load
from wasla.queries import directory
from wasla.rules import law as law_rules
from wasla.rules import warnings as warnings_rules

SCHEMA = json.loads((ROOT / "data" / "schema" / "country.schema.json").read_text(encoding="utf-8"))
ITEM = SCHEMA["properties"]["law"]["items"]
RESOURCE = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 24)
LAW = """\
law:
  - same_sex_acts: criminalised
    legal_basis:
      en: "Penal Code, Article 1."
      ar: ""
    summary:
      en: "Same-sex relations are a crime."
      ar: "العلاقات المثلية جريمة."
    sources:
      - url: https://example.org/law
        date: "2024-03"
    as_of: "2024-03"
    confidence: high
"""
REGION_25 = "dz bh km dj eg iq jo kw lb ly mr ma om ps qa sa so sd sy tn ae ye tr ir il".split()


def law_problems(tmp_path, text, code="om"):
    rel = f"countries/{code}.yml"
    data = make_data(tmp_path, {rel: text}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    prefix = str(data / rel)
    return [str(p).replace(prefix, f"data/{rel}") for p in found if p.path == prefix]


def test_schema_is_valid_and_matches_the_rulebook():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert list(SCHEMA["properties"]) == list(law_rules.COUNTRY_FIELDS)
    assert list(ITEM["properties"]) == list(law_rules.LAW_FIELDS)
    assert ITEM["required"] == [k for k, (req, _) in law_rules.LAW_FIELDS.items() if req]
    assert tuple(ITEM["properties"]["same_sex_acts"]["enum"]) == law_rules.SAME_SEX_ACTS
    assert tuple(ITEM["properties"]["confidence"]["enum"]) == model.CONFIDENCES
    for key, (required, _) in law_rules.LAW_FIELDS.items():
        assert ("(required)" in ITEM["properties"][key]["title"]) == required, key


def test_resource_schema_knows_scope_and_warnings():
    assert tuple(RESOURCE["properties"]["scope"]["enum"]) == warnings_rules.SCOPES
    warning = RESOURCE["properties"]["warnings"]["items"]
    assert list(warning["properties"]) == list(warnings_rules.WARNING_FIELDS)
    assert warning["required"] == [k for k, (req, _) in warnings_rules.WARNING_FIELDS.items() if req]


def test_the_region_is_the_25_countries():
    region = plain(loads((ROOT / "data" / "region.yml").read_text(encoding="utf-8")))["countries"]
    assert sorted(region) == sorted(REGION_25)


@pytest.mark.parametrize("code", REGION_25)
def test_every_region_country_has_a_law_file_matching_the_schema(code):
    text = (ROOT / "data" / "countries" / f"{code}.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/country.schema.json\n")
    assert "native speaker's review" in text
    jsonschema.validate(plain(loads(text)), SCHEMA)


def test_shipped_law_files_load_without_errors():
    dataset, problems = load(ROOT / "data", today=TODAY, raise_on_error=False)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert sorted(dataset.countries) == sorted(REGION_25)
    assert [str(i.jurisdiction.en) for i in dataset.countries["ps"].law] == ["West Bank", "Gaza Strip"]
    assert sum(len(c.law) for c in dataset.countries.values()) == 26


def test_good_law_file_has_no_problem(tmp_path):
    assert law_problems(tmp_path, LAW) == []


FIELDS = "jurisdiction, same_sex_acts, legal_basis, max_penalty, gender_expression, enforcement, recent_change, summary, sources, as_of, confidence"
CASES = {
    "missing source": (
        LAW.replace('    sources:\n      - url: https://example.org/law\n        date: "2024-03"\n', ""),
        ["data/countries/om.yml:2:5: law[0].sources: is required; expected a value for 'sources'; got nothing"],
    ),
    "bad status": (
        LAW.replace("same_sex_acts: criminalised", "same_sex_acts: illegal"),
        [
            "data/countries/om.yml:2:20: law[0].same_sex_acts: unknown status; expected one of: criminalised, not_criminalised, de_facto_criminalised, unclear; got 'illegal'"
        ],
    ),
    "bad date": (
        LAW.replace('as_of: "2024-03"', "as_of: March 2024"),
        [
            "data/countries/om.yml:12:12: law[0].as_of: not a month; expected YYYY-MM, like '2024-03' (or 'undated' when no source gives a date); got 'March 2024'"
        ],
    ),
    "future month": (
        LAW.replace('as_of: "2024-03"', 'as_of: "2027-01"'),
        ["data/countries/om.yml:12:12: law[0].as_of: is in the future; expected a month up to 2026-11; got '2027-01'"],
    ),
    "as_of in Arabic-Indic digits": (
        LAW.replace('as_of: "2024-03"', 'as_of: "٢٠٢٤-٠٣"'),
        [
            "data/countries/om.yml:12:12: law[0].as_of: is written with digits other than 0-9 ('٢', ARABIC-INDIC DIGIT TWO); expected YYYY-MM, like '2024-03' (or 'undated' when no source gives a date), in the digits 0-9; got '٢٠٢٤-٠٣'"
        ],
    ),
    "bad source date": (
        LAW.replace('date: "2024-03"', 'date: "March"'),
        [
            "data/countries/om.yml:11:15: law[0].sources[0].date: not a source date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'; got 'March'"
        ],
    ),
    "source date in the future": (
        LAW.replace('date: "2024-03"', 'date: "2099"'),
        [
            "data/countries/om.yml:11:15: law[0].sources[0].date: is in the future; expected a date on or before 2026-11-24; got '2099'"
        ],
    ),
    "source date in Arabic-Indic digits": (
        LAW.replace('date: "2024-03"', 'date: "٢٠٢٤"'),
        [
            "data/countries/om.yml:11:15: law[0].sources[0].date: is written with digits other than 0-9 ('٢', ARABIC-INDIC DIGIT TWO); expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03', in the digits 0-9; got '٢٠٢٤'"
        ],
    ),
    "a source without its date": (
        LAW.replace('        date: "2024-03"\n', ""),
        ["data/countries/om.yml:10:9: law[0].sources[0].date: is required; expected a value for 'date'; got nothing"],
    ),
    "a bare link is not a dated source": (
        LAW.replace(
            '      - url: https://example.org/law\n        date: "2024-03"\n', "      - https://example.org/law\n"
        ),
        [
            "data/countries/om.yml:10:9: law[0].sources[0]: must be a mapping; expected 'url:' and 'date:' lines, each source with its own date ('date: undated' when the page shows none); got 'https://example.org/law'"
        ],
    ),
    "a resource-style source with its kind is read": (
        LAW.replace('date: "2024-03"', 'date: "2024-03"\n        kind: press'),
        [],
    ),
    "a law source is never 'own'": (
        LAW.replace('date: "2024-03"', 'date: "2024-03"\n        kind: own'),
        [
            "data/countries/om.yml:12:15: law[0].sources[0].kind: 'own' on example.org, but a law file has no organisation of its own; expected 'partner', 'press', 'aggregator' or 'other'; got 'own' for 'https://example.org/law'"
        ],
    ),
    "an invisible character in a source link is reported, not dropped": (
        LAW.replace("url: https://example.org/law", "url: https://exam\u200bple.org/law"),
        [
            "data/countries/om.yml:10:14: law[0].sources[0].url: contains an invisible character (U+200B ZERO WIDTH SPACE) at character 13; a contact or link must be exactly the characters a reader sees; expected plain text (delete it and type the text again); got 'https://exam\\u200bple.org/law'"
        ],
    ),
    "a bidi override in the summary": (
        LAW.replace("Same-sex relations are a crime.", "Same-sex relations are \u202enot\u202c a crime."),
        [
            "data/countries/om.yml:7:11: law[0].summary.en: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 24; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'Same-sex relations are \\u202enot\\u202c a crime.'"
        ],
    ),
    "a 60,000-character law text": (
        LAW.replace('"Penal Code, Article 1."', "x" * 60000),
        ["data/countries/om.yml:4:11: law[0].legal_basis.en: too long; expected at most 800 characters; got 60000"],
    ),
    "a long summary": (
        LAW.replace("Same-sex relations are a crime.", "A crime. " * 50),
        [
            "data/countries/om.yml:7:11: law[0].summary.en: too long; expected at most 400 characters (the details belong in legal_basis, max_penalty and enforcement); got 449"
        ],
    ),
    "a phone number in law text": (
        LAW.replace("Penal Code, Article 1.", "Penal Code, Article 1; advice on +968 2460 0000."),
        [
            "data/countries/om.yml:4:11: law[0].legal_basis.en: contains a phone number ('+968 2460 0000'); free text is not a channel: written here it escapes every rule a contact or a source goes through; expected it out of the law text; the page that gives it belongs in 'sources'; got 'Penal Code, Article 1; advice on +968 2460 0000.'"
        ],
    ),
    "summary in one language": (
        LAW.replace('      ar: "العلاقات المثلية جريمة."\n', ""),
        [
            "data/countries/om.yml:7:7: law[0].summary.ar: Arabic summary missing; expected 'ar:' with one or two plain sentences; got nothing"
        ],
    ),
    "law text as one string": (
        LAW.replace('legal_basis:\n      en: "Penal Code, Article 1."\n      ar: ""', 'legal_basis: "Penal Code"'),
        [
            "data/countries/om.yml:3:18: law[0].legal_basis: must be text in each language; expected 'en:' and 'ar:' lines (either may be empty); got 'Penal Code'"
        ],
    ),
    "bad confidence": (
        LAW.replace("confidence: high", "confidence: sure"),
        [
            "data/countries/om.yml:13:17: law[0].confidence: unknown confidence; expected one of: high, medium, low; got 'sure'"
        ],
    ),
    "several items need a jurisdiction": (
        LAW + LAW.replace("law:\n", ""),
        [
            "data/countries/om.yml:2:5: law[0].jurisdiction: is required when the law lists several items; expected {en, ar} naming where this item applies; got nothing",
            "data/countries/om.yml:14:5: law[1].jurisdiction: is required when the law lists several items; expected {en, ar} naming where this item applies; got nothing",
        ],
    ),
    "unknown field": (
        LAW.replace("confidence: high", "confidence: high\n    source_dates: [x]"),
        [
            f"data/countries/om.yml:14:5: law[0].source_dates: unknown field; each source carries its own date now: write 'url:' and 'date:' under each item of 'sources' (and remove source_dates); expected one of: {FIELDS}; got 'source_dates'"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_law_rule_message(tmp_path, case):
    text, expected = CASES[case]
    assert law_problems(tmp_path, text) == expected


def test_file_name_must_be_a_country(tmp_path):
    assert law_problems(tmp_path, LAW, code="xx") == [
        "data/countries/xx.yml:1:1: file name is not a country; expected a lower-case ISO 3166-1 code, like 'lb.yml'; got 'xx.yml'"
    ]


def test_a_region_country_without_a_law_file_is_a_warning(tmp_path):
    data = make_data(tmp_path, {"region.yml": "countries: [om, lb]\n", "countries/lb.yml": LAW}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert [p.message for p in found if p.rule == "region_has_law"] == [
        "no law file for a region country; expected data/countries/om.yml (see CONTRIBUTING.md, 'What the law says'); got none"
    ]
    assert all(p.level == "warning" for p in found)


def test_region_codes_are_checked(tmp_path):
    data = make_data(tmp_path, {"region.yml": "countries: [om, OM, om, zz]\n"}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert [str(p).split("region.yml:")[1] for p in found if p.level == "error"] == [
        "1:17: countries[1]: not a country code (write it in lower case: 'om'); expected a lower-case ISO 3166-1 code like 'lb'; got 'OM'",
        "1:21: countries[2]: country listed twice; expected each country once; got 'om'",
        "1:25: countries[3]: not a country code; expected a lower-case ISO 3166-1 code like 'lb'; got 'zz'",
    ]


def test_arabic_names_and_order_as_a_reader_expects():
    from wasla.core.places import country_name

    assert country_name("ps", "ar") == "فلسطين" and country_name("ps", "en") == "Palestine"
    ar = sorted(REGION_25, key=lambda c: places.sort_key(c, country_name(c, "ar"), "ar"))
    names = [country_name(c, "ar") for c in ar]
    # «ال» ignored, أ/إ/آ as ا: الأردن and إسرائيل and الإمارات and إيران file under ا
    assert names[:5] == ["الأردن", "إسرائيل", "الإمارات العربية المتحدة", "إيران", "البحرين"]
    assert names.index("السعودية" if "السعودية" in names else "المملكة العربية السعودية") < names.index("السودان")
    assert (
        names.index("عُمان")
        < names.index("فلسطين")
        < names.index("قطر")
        < names.index("جزر القمر")
        < names.index("الكويت")
    )
    en = sorted(REGION_25, key=lambda c: places.sort_key(c, country_name(c, "en"), "en"))
    assert [country_name(c, "en") for c in en][:3] == ["Algeria", "Bahrain", "Comoros"]
    assert en.index("tr") < en.index("ae")  # Türkiye files under T


def test_international_serves_every_country_unless_narrowed():
    class R:
        def __init__(self, *codes):
            self.countries = codes

    assert directory.serves(R("international"), "om")
    assert directory.serves(R("international", "lb"), "lb")
    assert not directory.serves(R("international", "lb"), "om")


def test_the_law_template_in_the_guide_is_valid(tmp_path):
    import re

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    template = re.search(
        r"```yaml\n(# yaml-language-server: \$schema=../schema/country.schema.json\n.*?)```", text, re.S
    ).group(1)
    assert law_problems(tmp_path, template) == []
    jsonschema.validate(plain(loads(template)), SCHEMA)


def test_law_text_never_enters_the_search_index(tmp_path):
    """Only the names of countries are indexed for their pages: no word that appears only in law text."""
    from wasla.core.normalise import tokens
    from wasla.output.search_index import term_files

    data = make_data(tmp_path, region=True)
    dataset, _ = load(data, today=TODAY)
    index = "".join(term_files(dataset).values())
    terms = set(re.findall(r'"([^"]+)":\[', index))
    law_words = set()
    for country in dataset.countries.values():
        for item in country.law:
            for key in ("summary", *model.LAW_TEXTS):
                text = getattr(item, key)
                law_words |= set(tokens(text.en or "")) | set(tokens(text.ar or ""))
    assert {"livat", "cassation", "534", "فجور"} <= law_words
    leaked = law_words & terms
    # the words a law text shares with entries or country names are found through those only
    from wasla.core.places import country_name
    from wasla.output.search_index import terms as entry_terms

    allowed = set()
    for r in dataset.resources:
        allowed |= set(entry_terms(r, dataset.kinds))
    for code in directory.search_countries(dataset):
        allowed |= set(tokens(country_name(code, "en"))) | set(tokens(country_name(code, "ar"))) | {code}
    assert leaked - allowed == set()


def test_make_check_lists_stale_and_low_confidence_law(tmp_path):
    import subprocess
    import sys

    data = make_data(
        tmp_path,
        {
            "region.yml": "countries: [om, lb]\n",
            "countries/om.yml": LAW.replace('"2024-03"', '"2024-05"'),  # 30 months before WASLA_TODAY
            "countries/lb.yml": LAW.replace("confidence: high", "confidence: low").replace('"2024-03"', '"2026-01"'),
        },
        fixtures=False,
    )
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "data/countries/lb.yml: law[0]: note: low confidence" in lines
    assert "data/countries/om.yml: law[0]: note: stale: as of 2024-05, over 24 months ago" in lines
    assert lines[-1] == "2 law files; 2 law notes (stale or low confidence)"


def test_law_exports_keep_each_source_with_its_date_and_csv_cells_are_inert(tmp_path):
    import csv
    import io

    from wasla.output.law_export import law_files

    text = LAW.replace("Penal Code, Article 1.", "=SUM(A1:A9)").replace(
        '        date: "2024-03"\n',
        '        date: "2024-03"\n      - url: https://example.org/b\n        date: undated\n        kind: press\n',
    )
    dataset, _ = load(make_data(tmp_path, {"countries/om.yml": text}, fixtures=False), today=TODAY)
    files = law_files(dataset)
    row = next(csv.DictReader(io.StringIO(files["law.csv"].lstrip("\ufeff"))))
    assert row["legal_basis_en"] == "'=SUM(A1:A9)"  # shown as text by a spreadsheet, never run
    assert (row["sources"], row["source_dates"]) == ("https://example.org/law https://example.org/b", "2024-03 undated")
    assert json.loads(files["law.json"])["law"][0]["sources"] == [
        {"url": "https://example.org/law", "date": "2024-03"},
        {"url": "https://example.org/b", "date": "undated", "kind": "press"},
    ]
    assert json.loads(files["law.json"])["law"][0]["legal_basis"]["en"] == "=SUM(A1:A9)"  # JSON stays exact


def test_a_law_file_edited_between_builds_is_checked_again(tmp_path, monkeypatch):
    """A law file's check is kept under its text and the day (make serve re-checks only the law
    files that changed), never its size or modification time."""
    import os

    from wasla.loading import dataset as loading

    checked = []
    real = loading.check_country
    monkeypatch.setattr(loading, "check_country", lambda path, *a: checked.append(path) or real(path, *a))
    data = make_data(tmp_path, {"countries/om.yml": LAW}, fixtures=False)
    path = data / "countries" / "om.yml"
    assert load(data, today=TODAY)[0].countries["om"].code == "om"
    assert load(data, today=TODAY)[0].countries["om"].code == "om"
    assert checked == [str(path)]
    stat = path.stat()
    path.write_text(LAW.replace("criminalised", "criminalisex", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert [str(p).replace(f"{data}/", "data/") for p in found if p.path == str(path)] == [
        "data/countries/om.yml:2:20: law[0].same_sex_acts: unknown status; expected one of: criminalised, "
        "not_criminalised, de_facto_criminalised, unclear; got 'criminalisex'"
    ]
    assert load(data, today=TODAY + dt.timedelta(days=1), raise_on_error=False) and len(checked) == 3
