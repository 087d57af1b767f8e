"""data/short-codes.yml held to the phone rules: its shape, its countries, its sources, and no
emergency, premium-rate or otherwise paid number; and no entry may dial an emergency number."""

import datetime as dt

import pytest

from conftest import ROOT, make_data
from test_rules_resource import GOOD, problems
from wasla.loading.dataset import load

TODAY = dt.date(2026, 11, 24)
CODE = """lb:
  - number: "1564"
    name: A support line
    sources:
      - https://example.org/line
"""


def code_problems(tmp_path, text: str) -> list[str]:
    data = make_data(tmp_path, {"short-codes.yml": text}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    prefix = str(data / "short-codes.yml")
    return [str(p).replace(prefix, "data/short-codes.yml") for p in found if p.path == prefix]


def test_shipped_short_codes_and_a_good_one_pass(tmp_path):
    assert code_problems(tmp_path, (ROOT / "data" / "short-codes.yml").read_text(encoding="utf-8")) == []
    assert code_problems(tmp_path / "b", CODE) == []


CASES = {
    "an emergency number": (
        CODE.replace('"1564"', '"112"'),
        "data/short-codes.yml:2:13: lb[0].number: is an emergency number in lb (police, ambulance or fire brigade): it would be a button among the lines that answer now, and a reader in danger from the police would be calling them; expected a support line's own number (emergency numbers are not ours to list); got '112'",
    ),
    "the police of another country": (
        CODE.replace("lb:", "eg:").replace('"1564"', '"122"'),
        "data/short-codes.yml:2:13: eg[0].number: is an emergency number in eg (police, ambulance or fire brigade): it would be a button among the lines that answer now, and a reader in danger from the police would be calling them; expected a support line's own number (emergency numbers are not ours to list); got '122'",
    ),
    "a premium-rate number": (
        CODE.replace("lb:", "de:").replace('"1564"', '"09001234567"'),
        "data/short-codes.yml:2:13: de[0].number: is a premium-rate number, which costs the caller money; expected a free or ordinary number; got '09001234567'",
    ),
    "digits of another script": (
        CODE.replace('"1564"', '"١٥٦٤"'),
        "data/short-codes.yml:2:13: lb[0].number: is written with digits other than 0-9 ('١', ARABIC-INDIC DIGIT ONE); expected the digits 0-9 alone, quoted, like number: \"1564\"; got '١٥٦٤'",
    ),
    "not digits": (
        CODE.replace('"1564"', '"15-64"'),
        "data/short-codes.yml:2:13: lb[0].number: not a short code; expected the digits 0-9 alone, quoted, like number: \"1564\"; got '15-64'",
    ),
    "a country key that is not a country": (
        CODE.replace("lb:", "xx:"),
        "data/short-codes.yml:1:1: xx: not a country code; expected a lower-case ISO 3166-1 code like 'lb' (a short code is national); got 'xx'",
    ),
    "a country key in capitals": (
        CODE.replace("lb:", "LB:"),
        "data/short-codes.yml:1:1: LB: not a country code (write it in lower case: 'lb'); expected a lower-case ISO 3166-1 code like 'lb' (a short code is national); got 'LB'",
    ),
    "a source that is not a link": (
        CODE.replace("https://example.org/line", "example.org/line"),
        "data/short-codes.yml:5:9: lb[0].sources[0]: not a web link; expected a full address starting with 'https://'; got 'example.org/line'",
    ),
    "no sources": (
        CODE.replace("    sources:\n      - https://example.org/line\n", ""),
        "data/short-codes.yml:2:5: lb[0].sources: is required; expected a value for 'sources'; got nothing",
    ),
    "a list where a mapping is expected": (
        CODE.replace(
            '  - number: "1564"\n    name: A support line\n    sources:\n      - https://example.org/line\n',
            "  - 1564\n",
        ),
        "data/short-codes.yml:2:5: lb[0]: must be a mapping; expected 'number:', 'name:' and 'sources:' lines; got '1564'",
    ),
    "a country that is not a list": (
        "lb: 1564\n",
        "data/short-codes.yml:1:5: lb: must be a list; expected lines starting with '- number:'; got '1564'",
    ),
    "an unknown field": (
        CODE + "    emergency: no\n",
        "data/short-codes.yml:6:5: lb[0].emergency: unknown field; remove it expected one of: number, name, sources; got 'emergency'",
    ),
    "a file that is not a mapping": (
        "- lb\n",
        "data/short-codes.yml:1:1: must be a mapping of country codes; expected 'lb:' with a list of codes; got a list",
    ),
    "a number in the name": (
        CODE.replace("name: A support line", "name: A support line, also +961 1 123 456"),
        "data/short-codes.yml:3:11: lb[0].name: contains a phone number ('+961 1 123 456'); free text is not a channel: written here it escapes every rule a contact or a source goes through; expected it out of the name; the page that gives the code belongs in 'sources'; got 'A support line, also +961 1 123 456'",
    ),
    "listed twice": (
        CODE + CODE.replace("lb:\n", ""),
        "data/short-codes.yml:6:13: lb[1].number: listed twice for lb; expected each code once; got '1564'",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_short_code_rule_message(tmp_path, case):
    text, expected = CASES[case]
    assert code_problems(tmp_path, text) == [expected]


def test_an_emergency_number_never_reaches_the_lines_that_answer_now(tmp_path):
    """112 listed in short-codes.yml and used by a hotline: both refused, and no hotline dials it."""
    data = make_data(
        tmp_path,
        {
            "short-codes.yml": CODE.replace('"1564"', '"112"'),
            "resources/lb/good-group.yml": GOOD.replace('"01 123 456"', '"112"'),
        },
        fixtures=False,
    )
    dataset, found = load(data, today=TODAY, raise_on_error=False)
    assert [p.rule for p in found] == ["short_code_is_safe", "short_code_is_safe"]
    assert not [r for r in dataset.resources if any(c.dials == "112" for c in r.contacts)]  # no button anywhere


def test_an_unlisted_emergency_number_is_named_as_such(tmp_path):
    assert problems(tmp_path, GOOD.replace('"01 123 456"', '"140"')) == [
        "resources/lb/good-group.yml:11:12: contacts[0].value: is an emergency number in lb (police, ambulance or fire brigade): it would be a button among the lines that answer now, and a reader in danger from the police would be calling them; expected a support line's own number (emergency numbers are not ours to list); got '140'"
    ]


def test_a_listed_code_is_dialled_as_written(tmp_path):
    data = make_data(
        tmp_path,
        {"short-codes.yml": CODE, "resources/lb/good-group.yml": GOOD.replace('"01 123 456"', '"1564"')},
        fixtures=False,
    )
    dataset, found = load(data, today=TODAY, raise_on_error=False)
    assert found == [] and dataset.resources[0].contacts[0].href == "tel:1564"


def test_a_short_code_nobody_listed_is_refused(tmp_path):
    text = GOOD.replace("[lb]", "[gb]").replace('"01 123 456"', '"116123"')
    assert problems(tmp_path, text, rel="resources/gb/good-group.yml") == [
        "resources/gb/good-group.yml:11:12: contacts[0].value: short code not listed in data/short-codes.yml; expected a short code that a curator listed there with its source (emergency and police numbers are not ours to list); got '116123'"
    ]
