"""Each rule of the rulebook: one bad fixture, its exact message."""

import datetime as dt
import subprocess
import sys

import pytest

from conftest import ROOT, make_data
from wasla.core.problems import Problem
from wasla.loading.dataset import load

GOOD = """\
name:
  en: Good Group
  ar: مجموعة جيدة
kinds: [hotline]
countries: [lb]
summary:
  en: Helps.
  ar: تساعد.
contacts:
  - type: phone
    value: "01 123 456"
sources:
  - https://example.org/
status: active
"""
TODAY = dt.date(2026, 11, 24)


def problems(tmp_path, text, rel="resources/lb/good-group.yml", level=None):
    data = make_data(tmp_path, {rel: text}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    prefix = str(data / rel)
    out = []
    for p in found:
        if level and p.level != level:
            continue
        line = str(p)
        out.append(line.replace(prefix, rel) if line.startswith(prefix) else line)
    return out


def test_good_file_has_no_problem(tmp_path):
    assert problems(tmp_path, GOOD) == []


CASES = {
    "unknown_field names the closest valid field": (
        GOOD.replace("status: active", "status: active\nsumary: typo"),
        "resources/lb/good-group.yml:15:1: sumary: unknown field; did you mean 'summary'? expected one of: name, kinds, countries, city, summary, contacts, languages, address, last_verified, verified_by, sources, status, confidence, curator_notes, timezone, scope, warnings, answers, audience; got 'sumary'",
    ),
    "required_field": (
        GOOD.replace("status: active\n", ""),
        "resources/lb/good-group.yml:1:1: status: is required; expected a value for 'status'; got nothing",
    ),
    "field_shape list": (
        GOOD.replace("kinds: [hotline]", "kinds: hotline"),
        "resources/lb/good-group.yml:4:8: kinds: must be a list; expected lines starting with '- '; got 'hotline'",
    ),
    "kinds_are_known": (
        GOOD.replace("kinds: [hotline]", "kinds: [hotlines]"),
        "resources/lb/good-group.yml:4:9: kinds[0]: unknown kind (did you mean 'hotline'?); expected one of: hotline, relocation, legal_aid, safe_space, health, digital_security, information (see data/kinds.yml); got 'hotlines'",
    ),
    "countries_are_iso": (
        GOOD.replace("countries: [lb]", "countries: [lb, SY]"),
        "resources/lb/good-group.yml:5:17: countries[1]: not a country code (write it in lower case: 'sy'); expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got 'SY'",
    ),
    "countries_include_folder": (
        GOOD.replace("countries: [lb]", "countries: [sy]"),
        "resources/lb/good-group.yml:5:12: countries: does not include the file's folder; expected 'lb' in the list (the folder is the primary country); got [sy]",
    ),
    "phone_is_valid": (
        GOOD.replace('"01 123 456"', '"12"'),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not a valid phone number for lb; expected a number valid in lb, with or without its country code, or a national short code listed in data/short-codes.yml; got '12'",
    ),
    "phone letters": (
        GOOD.replace('"01 123 456"', '"1-800-FLOWERS"'),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not a phone number; expected digits, spaces and an optional leading '+' (a number valid in lb, with or without its country code, or a national short code listed in data/short-codes.yml); got '1-800-FLOWERS'",
    ),
    "url_is_safe javascript": (
        GOOD.replace('  - type: phone\n    value: "01 123 456"', "  - type: website\n    value: javascript:alert(1)"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not a web link; expected a full address starting with 'https://'; got 'javascript:alert(1)'",
    ),
    "url_is_safe data": (
        GOOD.replace("https://example.org/", "data:text/html,hi"),
        "resources/lb/good-group.yml:13:5: sources[0]: not a web link; expected a full address starting with 'https://'; got 'data:text/html,hi'",
    ),
    "email_is_valid": (
        GOOD.replace('  - type: phone\n    value: "01 123 456"', "  - type: email\n    value: help at example.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not an e-mail address (An email address must have an @-sign); expected name@example.org; got 'help at example.org'",
    ),
    "contact_type_is_known": (
        GOOD.replace("type: phone", "type: phones"),
        "resources/lb/good-group.yml:10:11: contacts[0].type: unknown contact type (did you mean 'phone'?); expected one of: phone, sms, whatsapp, signal, telegram, email, website, chat; got 'phones'",
    ),
    "status_is_known": (
        GOOD.replace("status: active", "status: open"),
        "resources/lb/good-group.yml:14:9: status: unknown status; expected one of: active, paused, closed; got 'open'",
    ),
    "date_is_valid": (
        GOOD + "last_verified: 15/01/2026\n",
        "resources/lb/good-group.yml:15:16: last_verified: not a date; expected YYYY-MM-DD, like '2026-01-31'; got '15/01/2026'",
    ),
    "date_not_in_future": (
        GOOD + "last_verified: 2027-01-01\n",
        "resources/lb/good-group.yml:15:16: last_verified: is in the future; expected a date on or before 2026-11-24; got '2027-01-01'",
    ),
    "verified_by_needs_date": (
        GOOD + "verified_by: phone\n",
        "resources/lb/good-group.yml:15:1: verified_by: given without a date; expected 'last_verified: YYYY-MM-DD' beside it; got no last_verified",
    ),
    "languages_are_iso": (
        GOOD + "languages: [arabic]\n",
        "resources/lb/good-group.yml:15:13: languages[0]: not a language code; expected an ISO 639-1 code like 'ar' or 'en'; got 'arabic'",
    ),
    "visibility is known": (
        GOOD + "address:\n  text: x\n  visibility: secret\n",
        "resources/lb/good-group.yml:17:15: address.visibility: unknown value; expected one of: public, city, hidden; got 'secret'",
    ),
    "yaml duplicate key": (
        GOOD + "status: closed\n",
        "resources/lb/good-group.yml:15:1: duplicate key 'status' (first at line 14); expected each key once (merge or remove one)",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rule_message(tmp_path, case):
    text, message = CASES[case]
    assert problems(tmp_path, text, level="error") == [message]


def test_slug_is_valid(tmp_path):
    assert problems(tmp_path, GOOD, rel="resources/lb/Bad_Name.yml", level="error") == [
        "resources/lb/Bad_Name.yml:1:1: file name is not a valid slug; expected lower-case ASCII letters, digits and hyphens, like 'my-group.yml'; got 'Bad_Name.yml'",
    ]


def test_folder_is_country(tmp_path):
    text = GOOD.replace("countries: [lb]", "countries: [lebanon]")
    found = problems(tmp_path, text, rel="resources/lebanon/good-group.yml", level="error")
    assert (
        found[0]
        == "resources/lebanon/good-group.yml:1:1: folder is not a country; expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got 'lebanon'"
    )


def test_file_location(tmp_path):
    assert problems(tmp_path, GOOD, rel="resources/lb/good-group.yaml", level="error") == [
        "resources/lb/good-group.yaml:1:1: not read: expected data/resources/<country>/<slug>.yml; rename it to end in .yml; got 'resources/lb/good-group.yaml'",
    ]


def test_international_numbers_need_a_country_code(tmp_path):
    text = GOOD.replace("countries: [lb]", "countries: [international]")
    assert problems(tmp_path, text, rel="resources/international/good-group.yml", level="error") == [
        "resources/international/good-group.yml:11:12: contacts[0].value: not a valid phone number for international; expected a number with its country code, like '+353 1 210 0489' (international entries have no home country); got '01 123 456'",
    ]


@pytest.mark.parametrize("value", ["1564", "70498229", "04726111", "+961 81 633 133", "+9611234567"])
def test_national_short_codes_and_local_numbers_are_accepted(tmp_path, value):
    assert problems(tmp_path, GOOD.replace('"01 123 456"', f'"{value}"'), level="error") == []


def test_http_is_a_warning_and_kept(tmp_path):
    text = GOOD.replace("https://example.org/", "http://example.org/")
    assert problems(tmp_path, text) == [
        "resources/lb/good-group.yml:13:5: sources[0]: warning: plain http link (kept as written); expected 'https://' if the site supports it; got 'http://example.org/'",
    ]
    dataset, _ = load(tmp_path / "data", today=TODAY, raise_on_error=False)
    assert [s.url for s in dataset.resources[0].sources] == ["http://example.org/"]


def test_missing_translation_is_a_warning(tmp_path):
    text = GOOD.replace("  ar: تساعد.\n", "")
    assert problems(tmp_path, text) == [
        "resources/lb/good-group.yml:7:3: summary.ar: warning: Arabic text missing; the English text is shown with a 'not yet translated' note; expected 'ar:' with a translation",
    ]


def test_every_problem_in_every_file_in_one_run(tmp_path):
    data = make_data(
        tmp_path,
        {
            "resources/lb/one.yml": GOOD.replace("status: active", "status: open"),
            "resources/lb/two.yml": GOOD.replace('"01 123 456"', '"12"').replace("kinds: [hotline]", "kinds: [x]"),
            "resources/lb/three.yml": "name: [\n",
        },
        fixtures=False,
    )
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert sorted((p.path.rsplit("/", 1)[-1], p.line) for p in found if p.level == "error") == [
        ("one.yml", 14),
        ("three.yml", 2),
        ("two.yml", 4),
        ("two.yml", 11),
    ]


def test_annotation_format():
    p = Problem("data/resources/lb/x.yml", 12, 5, "contacts[0].value", "not a phone number; expected 1; got '2'")
    assert (
        p.annotation()
        == "::error file=data/resources/lb/x.yml,line=12,col=5::contacts[0].value: not a phone number; expected 1; got '2'"
    )


def test_make_check_cli_prints_problems_and_fails_once(tmp_path):
    data = make_data(tmp_path, {"resources/lb/bad.yml": GOOD.replace("status: active", "status: open")}, fixtures=False)
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/resources/lb/bad.yml:14:9: status: unknown status; expected one of: active, paused, closed; got 'open'",
        "0 resources valid; 1 error, 0 warnings; 0 not yet verified, 0 stale",
    ]
    assert "Traceback" not in result.stderr


def test_slug_is_neutral(tmp_path):
    assert problems(tmp_path, GOOD, rel="resources/lb/beirut-queer-line.yml", level="error") == [
        "resources/lb/beirut-queer-line.yml:1:1: file name contains 'queer', which would out a reader who has this page's address in their history; expected a neutral slug (e.g. initials and a place, like 'iq-network.yml'); got 'beirut-queer-line.yml'",
    ]


def test_summary_is_short(tmp_path):
    text = GOOD.replace("  en: Helps.", "  en: " + "x" * 401)
    assert problems(tmp_path, text, level="error") == [
        "resources/lb/good-group.yml:7:7: summary.en: too long; expected at most 400 characters (say what the service does; details belong on its website); got 401",
    ]


def test_translation_differs(tmp_path):
    text = GOOD.replace("  ar: تساعد.", "  ar: Helps.")
    assert problems(tmp_path, text, level="error") == [
        "resources/lb/good-group.yml:8:7: summary.ar: same text as summary.en; expected an Arabic translation, or a single 'summary:' string when the text is the same in both languages (a brand name); got 'Helps.'",
    ]


def test_contacts_are_unique_across_entries(tmp_path):
    data = make_data(
        tmp_path,
        {
            "resources/lb/first.yml": GOOD,
            "resources/lb/second.yml": GOOD.replace('"01 123 456"', '"+961 1 123 456"'),
            "resources/lb/third.yml": GOOD.replace(
                '  - type: phone\n    value: "01 123 456"',
                "  - type: website\n    value: https://www.Example.org/help/\n  - type: website\n    value: https://example.org/help",
            ),
            "resources/lb/fourth.yml": GOOD.replace(
                '  - type: phone\n    value: "01 123 456"', "  - type: website\n    value: https://example.org/help"
            ),
        },
        fixtures=False,
    )
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert [str(p).replace(str(data) + "/", "") for p in found if p.rule == "contacts_are_unique"] == [
        "resources/lb/second.yml:11:12: contacts[0].value: same phone number as resources/lb/first.yml (contacts[0]); expected each phone number in one entry only (merge the two entries, or remove it from one); got '+961 1 123 456'",
        "resources/lb/third.yml:11:12: contacts[0].value: same website as resources/lb/fourth.yml (contacts[0]); expected each website in one entry only (merge the two entries, or remove it from one); got 'https://www.Example.org/help/'",
    ]


def test_make_new_writes_a_skeleton_that_check_then_explains(tmp_path):
    data = make_data(tmp_path, fixtures=False)
    env = {"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"}
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "wasla",
            "new",
            "--country",
            "lb",
            "--slug",
            "beirut-line",
            "--kinds",
            "hotline, legal_aid",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[-1] == "Wrote data/resources/lb/beirut-line.yml. Fill it in, then run: make check"
    text = (data / "resources" / "lb" / "beirut-line.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schema/resource.schema.json\n")
    assert "kinds: [hotline, legal_aid]" in text
    checked = subprocess.run(
        [sys.executable, "-m", "wasla", "check", "data"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [
        "data/resources/lb/beirut-line.yml:7:3: name: has no text; expected 'en:' or 'ar:' with text; got empty text",
        "data/resources/lb/beirut-line.yml:24:3: summary: has no text; expected 'en:' or 'ar:' with text; got empty text",
        "data/resources/lb/beirut-line.yml:32:12: contacts[0].value: is required; expected a value for 'value'; got nothing",
        "data/resources/lb/beirut-line.yml:77:10: sources[0].url: not a web link; expected a full address starting with 'https://'; got 'https://'",
        "data/resources/lb/beirut-line.yml:78:10: sources[0].date: is required; expected a value for 'date'; got nothing",
        "data/resources/lb/beirut-line.yml:79:10: sources[0].kind: is required; expected a value for 'kind'; got nothing",
        "0 resources valid; 6 errors, 0 warnings; 0 not yet verified, 0 stale",
    ]


def test_make_new_refuses_an_outing_slug(tmp_path):
    make_data(tmp_path, fixtures=False)
    made = subprocess.run(
        [sys.executable, "-m", "wasla", "new", "--country", "lb", "--slug", "gay-line", "--kinds", "hotline"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        stdin=subprocess.DEVNULL,
    )
    assert made.returncode == 2
    assert "'gay-line' is not a valid slug: it contains 'gay', which would out a reader" in made.stderr
    assert not (tmp_path / "data" / "resources" / "lb").exists()


def test_annotations_under_github_actions(tmp_path):
    """One data file with one error per rule: each problem becomes an ::error annotation on its line."""
    bad = (
        GOOD.replace("kinds: [hotline]", "kinds: [hotlines]")
        .replace("status: active", "status: open\nlast_verified: 2027-01-01")
        .replace('"01 123 456"', '"12"')
        .replace("  ar: تساعد.", "  ar: Helps.")
    )
    make_data(tmp_path, {"resources/lb/one-of-each.yml": bad}, fixtures=False)
    env = {
        "PYTHONPATH": str(ROOT / "hooks"),
        "PATH": "/usr/bin:/bin",
        "GITHUB_ACTIONS": "true",
        "WASLA_TODAY": "2026-11-24",
    }
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", "data"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        "::error file=data/resources/lb/one-of-each.yml,line=4,col=9::kinds[0]: unknown kind (did you mean 'hotline'?); expected one of: hotline, relocation, legal_aid, safe_space, health, digital_security, information (see data/kinds.yml); got 'hotlines'",
        "::error file=data/resources/lb/one-of-each.yml,line=8,col=7::summary.ar: same text as summary.en; expected an Arabic translation, or a single 'summary:' string when the text is the same in both languages (a brand name); got 'Helps.'",
        "::error file=data/resources/lb/one-of-each.yml,line=11,col=12::contacts[0].value: not a valid phone number for lb; expected a number valid in lb, with or without its country code, or a national short code listed in data/short-codes.yml; got '12'",
        "::error file=data/resources/lb/one-of-each.yml,line=14,col=9::status: unknown status; expected one of: active, paused, closed; got 'open'",
        "::error file=data/resources/lb/one-of-each.yml,line=15,col=16::last_verified: is in the future; expected a date on or before 2026-11-24; got '2027-01-01'",
    ]
    assert result.returncode == 1
