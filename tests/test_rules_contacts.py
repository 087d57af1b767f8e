"""What a card says on the organisation's word (police policy) and one contact in one entry only,
however its host is spelt."""

import pytest

from test_rules_resource import GOOD, problems
from test_rules_resource import problems as resource_problems

LINE = '    value: "01 123 456"\n'
SITE = "  - type: website\n    value: https://line.example.org/\n"


def with_police(source: str, extra: str = SITE) -> str:
    return GOOD.replace(LINE, LINE + f"    police: {{policy: never, source: {source}}}\n" + extra)


@pytest.mark.parametrize(
    "source",
    [
        "https://line.example.org/privacy",  # its own website
        "https://www.line.example.org./privacy",  # the same site, spelt with www. and a trailing dot
        "https://help.line.example.org/police",  # a subdomain of it
    ],
)
def test_a_police_policy_on_the_lines_own_site_passes(tmp_path, source):
    assert problems(tmp_path, with_police(source)) == []


def test_a_police_policy_on_one_of_its_own_sources_passes(tmp_path):
    text = with_police("https://line.example.org/p").replace(
        "  - https://example.org/\n", "  - url: https://line.example.org/p\n    date: 2025\n    kind: own\n"
    )
    assert problems(tmp_path, text) == []


def test_a_police_policy_on_another_site_is_refused(tmp_path):
    assert problems(tmp_path, with_police("https://paste.example.net/p")) == [
        "resources/lb/good-group.yml:12:37: contacts[0].police.source: is on paste.example.net, not a site this entry publishes (its website and chat contacts: line.example.org) nor one of its 'own' sources, so the card would state the line's promise on another's word; expected the page where the organisation itself says it; got 'https://paste.example.net/p'"
    ]


def test_a_police_policy_of_a_line_without_a_site_is_refused(tmp_path):
    assert problems(tmp_path, with_police("https://example.org/privacy", extra="")) == [
        "resources/lb/good-group.yml:12:37: contacts[0].police.source: is on example.org, not a site this entry publishes (its website and chat contacts: none) nor one of its 'own' sources, so the card would state the line's promise on another's word; expected the page where the organisation itself says it; got 'https://example.org/privacy'"
    ]


def entry(contact_type: str, value: str) -> str:
    return GOOD.replace('  - type: phone\n    value: "01 123 456"', f"  - type: {contact_type}\n    value: {value}")


@pytest.mark.parametrize(
    "first, second, what",
    [
        ("https://xn--mgbh0fb.example/", "https://مثال.example/", "website"),  # punycode and Unicode
        ("https://helem.net/", "https://www.helem.net./", "website"),  # www. and a trailing dot
        ("https://example.net/a%7Eb", "https://EXAMPLE.net/a~b", "website"),  # percent-encoding, case
        ("https://example.net:443/", "https://example.net/", "website"),  # the scheme's own port
    ],
)
def test_one_site_in_two_spellings_is_one_site(tmp_path, first, second, what):
    files = {"resources/lb/a-one.yml": entry("website", first), "resources/lb/b-two.yml": entry("website", second)}
    from conftest import make_data
    from wasla.loading.dataset import load

    data = make_data(tmp_path, files, fixtures=False)
    _, found = load(data, raise_on_error=False)
    assert [p.rule for p in found] == ["contacts_are_unique"]
    assert found[0].message.startswith(f"same {what} as ")


def test_one_address_with_its_domain_in_two_spellings_is_one_address(tmp_path):
    from conftest import make_data
    from wasla.loading.dataset import load

    files = {
        "resources/lb/a-one.yml": entry("email", "help@xn--mgbh0fb.example"),
        "resources/lb/b-two.yml": entry("email", "help@مثال.example"),
    }
    _, found = load(make_data(tmp_path, files, fixtures=False), raise_on_error=False)
    assert [p.rule for p in found] == ["contacts_are_unique"]


def test_the_same_host_on_different_pages_is_two_sites(tmp_path):
    assert resource_problems(tmp_path, entry("website", "https://example.org/one")) == []


def test_a_site_in_unicode_and_punycode_is_the_same_site_exactly(tmp_path):
    from conftest import make_data
    from wasla.loading.dataset import load

    files = {
        "resources/lb/a-one.yml": entry("website", "https://xn--mgbh0fb.example/"),
        "resources/lb/b-two.yml": entry("website", "https://مثال.example./"),
    }
    data = make_data(tmp_path, files, fixtures=False)
    _, found = load(data, raise_on_error=False)
    assert [str(p).replace(f"{data}/", "data/") for p in found] == [
        "data/resources/lb/b-two.yml:11:12: contacts[0].value: same website as data/resources/lb/a-one.yml (contacts[0]); expected each website in one entry only (merge the two entries, or remove it from one); got 'https://مثال.example./'"
    ]
