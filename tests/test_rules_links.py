"""contact values a hostile contributor could spoof, and text that hides what it does.

One bad fixture per rule, with its exact message."""

import csv
import io
import json

import pytest

from conftest import ROOT, build_site, make_data
from test_rules_resource import GOOD, TODAY, problems
from wasla.core.problems import Problem
from wasla.loading.dataset import load
from wasla.output.csv_cells import inert
from wasla.output.exports import _vescape, entry_pages, resources_csv, resources_json


def contact(kind, value):
    return GOOD.replace('  - type: phone\n    value: "01 123 456"', f'  - type: {kind}\n    value: "{value}"')


CASES = {
    "cr in name": (
        "resources/lb/good-group.yml",
        GOOD.replace("en: Good Group", 'en: "Good\\rGroup"'),
        "resources/lb/good-group.yml:2:7: name.en: contains a control character (U+000D CARRIAGE RETURN) at character 5; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'Good\\rGroup'",
    ),
    "esc in summary": (
        "resources/lb/good-group.yml",
        GOOD.replace("en: Helps.", 'en: "Helps \\e[31m"'),
        "resources/lb/good-group.yml:7:7: summary.en: contains a control character (U+001B ESCAPE) at character 7; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'Helps \\x1b[31m'",
    ),
    "nul": (
        "resources/lb/good-group.yml",
        GOOD.replace("en: Helps.", 'en: "Helps\\0"'),
        "resources/lb/good-group.yml:7:7: summary.en: contains a control character (U+0000 NULL) at character 6; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'Helps\\x00'",
    ),
    "u2028": (
        "resources/lb/good-group.yml",
        GOOD.replace("en: Helps.", 'en: "Helps\\u2028x"'),
        "resources/lb/good-group.yml:7:7: summary.en: contains a control character (U+2028 LINE SEPARATOR) at character 6; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'Helps\\u2028x'",
    ),
    "rlo in name": (
        "resources/lb/good-group.yml",
        GOOD.replace("en: Good Group", 'en: "Good \\u202eGroup"'),
        "resources/lb/good-group.yml:2:7: name.en: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 6; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'Good \\u202eGroup'",
    ),
    "zwsp in phone": (
        "resources/lb/good-group.yml",
        contact("phone", "01 123\\u200b 456"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: contains an invisible character (U+200B ZERO WIDTH SPACE) at character 7; a contact or link must be exactly the characters a reader sees; expected plain text (delete it and type the text again); got '01 123\\u200b 456'",
    ),
    "too long city": (
        "resources/lb/good-group.yml",
        GOOD + "city: " + "x" * 81 + "\n",
        "resources/lb/good-group.yml:15:7: city: too long; expected at most 80 characters; got 81",
    ),
    "mailto cc": (
        "resources/lb/good-group.yml",
        contact("email", "help@example.org?cc=spy@evil.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: contains '?', which a mail app reads as more than the address (a second recipient, a copy, a subject or a body); expected the address alone, like name@example.org; got 'help@example.org?cc=spy@evil.org'",
    ),
    "two recipients": (
        "resources/lb/good-group.yml",
        contact("email", "help@example.org,spy@evil.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: contains ',', which a mail app reads as more than the address (a second recipient, a copy, a subject or a body); expected the address alone, like name@example.org; got 'help@example.org,spy@evil.org'",
    ),
    "pct": (
        "resources/lb/good-group.yml",
        contact("email", "help%40evil.org@example.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: contains '%', which a mail app reads as more than the address (a second recipient, a copy, a subject or a body); expected the address alone, like name@example.org; got 'help%40evil.org@example.org'",
    ),
    "mailto prefix": (
        "resources/lb/good-group.yml",
        contact("email", "mailto:help@example.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: starts with 'mailto:'; expected the address alone, like name@example.org; got 'mailto:help@example.org'",
    ),
    "email cyr": (
        "resources/lb/good-group.yml",
        contact("email", "help@exаmple.org"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: domain 'exаmple.org' mixes Cyrillic and Latin letters in 'exаmple', a look-alike of another address; expected the letters of one script in each part of the host; got 'help@exаmple.org'",
    ),
    "cred": (
        "resources/lb/good-group.yml",
        contact("website", "https://example.org@evil.org/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: holds a user name or password before '@', so a reader sees one host and the browser opens another; expected nothing between '//' and the host; got 'https://example.org@evil.org/'",
    ),
    "backslash": (
        "resources/lb/good-group.yml",
        contact("website", "https://evil.org\\\\@example.org/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: contains a backslash, which browsers read as '/', so the link opens another place than it shows; expected '/' between the parts of the address; got 'https://evil.org\\\\@example.org/'",
    ),
    "mixed": (
        "resources/lb/good-group.yml",
        contact("website", "https://exаmple.org/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: host 'exаmple.org' mixes Cyrillic and Latin letters in 'exаmple', a look-alike of another address; expected the letters of one script in each part of the host; got 'https://exаmple.org/'",
    ),
    "wholescript": (
        "resources/lb/good-group.yml",
        contact("website", "https://аррӏе.com/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: host 'аррӏе.com' spells 'аррӏе' in Cyrillic letters that look like Latin ones; expected the host in one script (as the organisation writes it); got 'https://аррӏе.com/'",
    ),
    "ip": (
        "resources/lb/good-group.yml",
        contact("website", "https://0x7f.1/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: host is written in a form the browser rewrites ('0x7f.1' opens '127.0.0.1'); expected the host as a browser shows it; got 'https://0x7f.1/'",
    ),
    "pct host": (
        "resources/lb/good-group.yml",
        contact("website", "https://ex%61mple.org/"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: host is written in a form the browser rewrites ('ex%61mple.org' opens 'example.org'); expected the host as a browser shows it; got 'https://ex%61mple.org/'",
    ),
    "premium": (
        "resources/gb/good-group.yml",
        GOOD.replace("countries: [lb]", "countries: [gb]").replace('"01 123 456"', '"+44 909 879 0000"'),
        "resources/gb/good-group.yml:11:12: contacts[0].value: is a premium-rate number, which costs the caller money; expected a free or ordinary number; got '+44 909 879 0000'",
    ),
    "foreign": (
        "resources/lb/good-group.yml",
        contact("phone", "+20 2 2735 0000"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: number belongs to eg, not to this entry's countries; expected a number of lb (add the country to 'countries' if the service answers there); got '+20 2 2735 0000'",
    ),
    "shortcode": (
        "resources/lb/good-group.yml",
        contact("phone", "112"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: is an emergency number in lb (police, ambulance or fire brigade): it would be a button among the lines that answer now, and a reader in danger from the police would be calling them; expected a support line's own number (emergency numbers are not ours to list); got '112'",
    ),
    "signal bad": (
        "resources/lb/good-group.yml",
        contact("signal", "https://signal.me/#p/+96170123456?x=1"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not a Signal link; expected 'https://signal.me/#p/+<number>' or a username link 'https://signal.me/#eu/…' with nothing else; got 'https://signal.me/#p/+96170123456?x=1'",
    ),
    "tg path": (
        "resources/lb/good-group.yml",
        contact("telegram", "https://t.me/goodname/../evil"),
        "resources/lb/good-group.yml:11:12: contacts[0].value: not a Telegram username; expected '@name' or 'https://t.me/name'; got 'https://t.me/goodname/../evil'",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_spoofing_is_refused(tmp_path, case):
    rel, text, message = CASES[case]
    assert problems(tmp_path, text, rel=rel, level="error") == [message]


PASSES = {
    "lrm ok": GOOD.replace("ar: مجموعة جيدة", 'ar: "مجموعة \\u200fجيدة"'),
    "ar idn ok": contact("website", "https://مثال.إختبار/"),
    "upper ok": contact("website", "HTTPS://Example.org/"),
    "signal ok": contact("signal", "https://signal.me/#p/+96170123456"),
}


@pytest.mark.parametrize("case", list(PASSES))
def test_honest_values_pass(tmp_path, case):
    assert problems(tmp_path, PASSES[case], level="error") == []


PUBLIC = (
    "this repository is public, so everything written in data/ is published the moment it is pushed, "
    "whatever the site shows"
)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            GOOD + "address:\n  text: Hamra Street 12, 3rd floor\n  visibility: city\n",
            f"resources/lb/good-group.yml:16:9: address.text: address text given with visibility 'city'; {PUBLIC}; expected no 'text' here ('city': write the city in the city field and record no street; 'hidden': write no address at all), or 'visibility: public' when the organisation publishes the address itself; got an address text",
        ),
        (
            GOOD + "address:\n  text: Hamra Street 12\n",
            f"resources/lb/good-group.yml:16:9: address.text: address text given with visibility 'hidden'; {PUBLIC}; expected no 'text' here ('city': write the city in the city field and record no street; 'hidden': write no address at all), or 'visibility: public' when the organisation publishes the address itself; got an address text",
        ),
        (
            GOOD + "address:\n  visibility: public\n",
            "resources/lb/good-group.yml:16:3: address.text: is required with visibility 'public'; expected the address as the organisation publishes it; got nothing",
        ),
    ],
)
def test_address_is_public(tmp_path, text, message):
    assert problems(tmp_path, text, level="error") == [message]


def test_city_visibility_records_no_street(tmp_path):
    assert problems(tmp_path, GOOD + "address:\n  visibility: city\ncity: Beirut\n") == []


@pytest.mark.parametrize(
    "note, word",
    [
        ("Office on the 3rd floor of the building behind the church.", "floor"),
        ("المكتب في الطابق الثالث بجانب المستشفى.", "طابق"),
    ],
)
def test_notes_have_no_location(tmp_path, note, word):
    assert problems(tmp_path, GOOD + f"curator_notes: {note}\n") == [
        f"resources/lb/good-group.yml:15:16: curator_notes: warning: mentions a location ('{word}'); {PUBLIC}; expected no building, floor, street, room or landmark in notes (keep such details off the repository); got '{note}'",
    ]


def test_notes_without_location_pass(tmp_path):
    assert problems(tmp_path, GOOD + "curator_notes: Replies within two days; nearest partner is ABC.\n") == []


# --- markup and exports


def test_kind_labels_are_plain_text(tmp_path):
    kinds = (
        (ROOT / "data" / "kinds.yml")
        .read_text(encoding="utf-8")
        .replace("    en: Hotlines", "    en: Hotlines<script>alert(1)</script>", 1)
    )
    data = make_data(tmp_path, {"kinds.yml": kinds, "resources/lb/good-group.yml": GOOD}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert [str(p).replace(str(data) + "/", "") for p in found] == [
        "kinds.yml:6:9: hotline.label.en: contains '<', which page titles and headers would read as markup; expected plain text without <, > or & (write 'and' for &); got 'Hotlines<script>alert(1)</script>'",
    ]


def test_a_name_the_check_accepts_never_fails_the_third_party_scan(tmp_path):
    """'"//' in a name passed make check, then the privacy scan read the search data as a script URL."""
    text = GOOD.replace("en: Good Group", "en: '//evil.example/x \"//y'")
    assert problems(tmp_path / "check", text, level="error") == []
    result = build_site(make_data(tmp_path, {"resources/lb/good-group.yml": text}, fixtures=False), tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_csv_cells_are_inert_and_vcards_cannot_add_lines():
    assert [
        inert(v) for v in ['=HYPERLINK("https://evil")', "+961 1 123", "-1", "@SUM(A1)", "\tx", "\rx", "ok", ""]
    ] == ['\'=HYPERLINK("https://evil")', "'+961 1 123", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "ok", ""]
    assert _vescape("a\r\nTEL:+1\rNOTE:x\ny") == "a\\nTEL:+1\\nNOTE:x\\ny"


def test_csv_export_neutralises_a_formula_name(tmp_path):
    text = GOOD.replace("en: Good Group", "en: '=SUM(A1:A9)+cmd|calc'")
    dataset, _ = load(make_data(tmp_path, {"resources/lb/good-group.yml": text}, fixtures=False), today=TODAY)
    rows = list(csv.DictReader(io.StringIO(resources_csv(dataset, entry_pages(dataset)).lstrip("\ufeff"))))
    assert rows[0]["name_en"] == "'=SUM(A1:A9)+cmd|calc"
    assert rows[0]["phones"] == "01 123 456"
    doc = json.loads(resources_json(dataset, entry_pages(dataset)))
    assert doc["resources"][0]["name"]["en"] == "=SUM(A1:A9)+cmd|calc"  # JSON stays exact


# --- files and runs


def load_problems(data):
    _, found = load(data, today=TODAY, raise_on_error=False)
    return [str(p).replace(str(data) + "/", "") for p in found if p.level == "error"]


def test_a_symlink_is_never_followed(tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text(GOOD, encoding="utf-8")
    data = make_data(tmp_path, fixtures=False)
    (data / "resources" / "lb").mkdir()
    (data / "resources" / "lb" / "link.yml").symlink_to(secret)
    (data / "resources" / "sy").symlink_to(tmp_path, target_is_directory=True)
    assert load_problems(data) == [
        "resources/sy:1:1: not read: is a symbolic link, which is never followed; expected a country folder",
        "resources/lb/link.yml:1:1: is a symbolic link, which is never followed; expected a plain file (copy the file here instead)",
    ]


def test_a_folder_a_fifo_and_a_subfolder_are_errors_not_tracebacks(tmp_path):
    import os

    data = make_data(tmp_path, {"resources/lb/good-group.yml": GOOD}, fixtures=False)
    (data / "resources" / "lb" / "x.yml").mkdir()
    os.mkfifo(data / "resources" / "lb" / "pipe.yml")
    (data / "resources" / "lb" / "deeper").mkdir()
    assert load_problems(data) == [
        "resources/lb/deeper:1:1: not read: is a folder inside a country folder; expected only <slug>.yml files here",
        "resources/lb/pipe.yml:1:1: is not a plain file (a pipe, socket or device); expected a plain file",
        "resources/lb/x.yml:1:1: is a folder; expected a plain file",
    ]


def test_file_size_has_a_limit(tmp_path):
    data = make_data(tmp_path, {"resources/lb/good-group.yml": GOOD + "# " + "x" * 100_000 + "\n"}, fixtures=False)
    assert load_problems(data) == [
        "resources/lb/good-group.yml:1:1: is too large; expected at most 100,000 bytes (one resource per file); got 100,226 bytes",
    ]


def test_nesting_depth_has_a_limit(tmp_path):
    data = make_data(
        tmp_path, {"resources/lb/good-group.yml": GOOD + "languages: " + "[" * 50 + "]" * 50 + "\n"}, fixtures=False
    )
    assert load_problems(data) == [
        "resources/lb/good-group.yml:15:23: nested too deeply; expected at most 12 levels of lists and mappings; got more",
    ]


def test_cross_file_rules_run_when_a_file_has_other_errors(tmp_path):
    data = make_data(
        tmp_path,
        {
            "resources/lb/first.yml": GOOD,
            "resources/lb/second.yml": GOOD.replace("status: active", "status: open"),
        },
        fixtures=False,
    )
    assert load_problems(data) == [
        "resources/lb/second.yml:14:9: status: unknown status; expected one of: active, paused, closed; got 'open'",
        "resources/lb/second.yml:11:12: contacts[0].value: same phone number as resources/lb/first.yml (contacts[0]); expected each phone number in one entry only (merge the two entries, or remove it from one); got '01 123 456'",
    ]


def test_a_file_name_cannot_forge_an_annotation_or_colour_a_terminal():
    p = Problem("data/resources/lb/x\n::error file=a.yml::forged\x1b[31m.yml", 1, 1, "", "bad; expected 1; got '2'")
    assert str(p) == "data/resources/lb/x\\x0a::error file=a.yml::forged\\x1b[31m.yml:1:1: bad; expected 1; got '2'"
    assert (
        p.annotation()
        == "::error file=data/resources/lb/x\\x0a%3A%3Aerror file=a.yml%3A%3Aforged\\x1b[31m.yml,line=1,col=1::bad; expected 1; got '2'"
    )
    assert str(Problem("::warning::x.yml", 1, 1, "", "m")).startswith("./::warning::x.yml")
    assert (
        Problem("a,b:c%.yml", 2, 3, "name", "50% off\r\nx").annotation()
        == "::error file=a%2Cb%3Ac%25.yml,line=2,col=3::name: 50%25 off\\x0d\\x0ax"
    )


def test_a_single_script_idn_is_shown_as_the_browser_shows_it(tmp_path):
    text = contact("website", "https://xn--mgbh0fb.xn--kgbechtv/")
    dataset, found = load(make_data(tmp_path, {"resources/lb/good-group.yml": text}, fixtures=False), today=TODAY)
    c = dataset.resources[0].contacts[0]
    assert (c.value, c.href, c.display) == (
        "https://xn--mgbh0fb.xn--kgbechtv/",
        "https://xn--mgbh0fb.xn--kgbechtv/",
        "https://مثال.إختبار/",
    )


def test_full_width_letters_are_a_form_the_browser_rewrites(tmp_path):
    assert problems(tmp_path, contact("website", "https://ｈｅｌｅｍ.net/"), level="error") == [
        "resources/lb/good-group.yml:11:12: contacts[0].value: host is written in a form the browser rewrites ('ｈｅｌｅｍ.net' opens 'helem.net'); expected the host as a browser shows it; got 'https://ｈｅｌｅｍ.net/'",
    ]


@pytest.mark.parametrize(
    "value", ["https://HELEM.net/", "https://Straße.de/", "https://пример.рф/", "https://helem.net:8443/x"]
)
def test_hosts_a_browser_shows_as_written_pass(tmp_path, value):
    assert problems(tmp_path, contact("website", value), level="error") == []


def test_no_traceback_for_any_shape_of_input(tmp_path):
    import subprocess
    import sys

    files = {
        "resources/lb/f1.yml": "name: x\nkinds: [[a]]\ncountries: [[lb]]\nsummary: s\ncontacts:\n  - type: [x]\n    value: {a: b}\n  - [x]\n"
        "sources: [{url: x}]\nstatus: [active]\nlanguages: [[ar]]\naddress: {visibility: [x], text: [y]}\n",
        "resources/lb/f2.yml": "- a\n- b\n",
        "resources/lb/f3.yml": "",
        "resources/lb/f4.yml": "name: {en: [x], ar: {y: z}}\nkinds: hotline\nsummary: {fr: x}\ncontacts: x\nsources: x\naddress: x\n",
        "resources/lb/f5.yml": "? [a]\n: b\n",
        "resources/lb/f7.yml": GOOD.replace('"01 123 456"', '"+"') + "curator_notes: [x]\n",
    }
    data = make_data(tmp_path, files, fixtures=False)
    (data / "resources" / "lb" / "f6.yml").write_bytes(b"\xff\xfe")
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()[:-1]} == {
        f"f{i}.yml" for i in range(1, 8)
    }
