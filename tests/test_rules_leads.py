"""data/leads.yml: never published, public in the repository, so checked by make check like every file."""

import datetime as dt
import subprocess
import sys

import pytest

from conftest import ROOT, make_data
from test_rules_resource import GOOD
from wasla.loading.dataset import load

TODAY = dt.date(2026, 11, 24)
LEAD = """good-lead:
  country: tn
  name: Good Lead
  kinds: [legal_aid]
  confidence: low
  awaiting: a public contact channel
  sources:
    - url: https://example.org/lead
      date: 2024-03
      kind: press
  notes: Seen in one article.
"""
FIELDS = "country, name, name_ar, kinds, confidence, status, awaiting, unpublished_channels, warnings, sources, notes"


def lead_problems(tmp_path, text: str, files: dict | None = None) -> list[str]:
    data = make_data(tmp_path, {"leads.yml": text, **(files or {})}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    prefix = str(data / "leads.yml")
    return [str(p).replace(prefix, "data/leads.yml") for p in found if p.path == prefix]


def test_a_good_lead_and_the_shipped_leads_pass(tmp_path):
    assert lead_problems(tmp_path, LEAD) == []
    shipped = (ROOT / "data" / "leads.yml").read_text(encoding="utf-8")
    assert [p for p in lead_problems(tmp_path / "b", shipped) if ": warning: " not in p] == []


CASES = {
    "key not a slug": (
        LEAD.replace("good-lead:", "Good Lead:"),
        "data/leads.yml:1:1: Good Lead: not a slug; expected lower-case ASCII letters, digits and hyphens, like 'my-group'; got 'Good Lead'",
    ),
    "unknown country": (
        LEAD.replace("country: tn", "country: tunisia"),
        "data/leads.yml:2:12: good-lead.country: not a country code; expected a lower-case ISO 3166-1 code like 'lb', or 'international'; got 'tunisia'",
    ),
    "unknown kind": (
        LEAD.replace("kinds: [legal_aid]", "kinds: [legal]"),
        "data/leads.yml:4:11: good-lead.kinds[0]: unknown kind (did you mean 'legal_aid'?); expected one of: hotline, relocation, legal_aid, safe_space, health, digital_security, information (see data/kinds.yml); got 'legal'",
    ),
    "unknown confidence": (
        LEAD.replace("confidence: low", "confidence: none"),
        "data/leads.yml:5:15: good-lead.confidence: unknown confidence; expected one of: high, medium, low; got 'none'",
    ),
    "unknown status": (
        LEAD + "  status: gone\n",
        "data/leads.yml:12:11: good-lead.status: unknown status; expected one of: active, paused, closed; got 'gone'",
    ),
    "nothing awaited": (
        LEAD.replace("  awaiting: a public contact channel\n", ""),
        "data/leads.yml:2:3: good-lead.awaiting: is required; expected a value for 'awaiting'; got nothing",
    ),
    "unknown field": (
        LEAD + "  phone: '+216 71 123 456'\n",
        f"data/leads.yml:12:3: good-lead.phone: unknown field; remove it expected one of: {FIELDS}; got 'phone'",
    ),
    "a source date in the future": (
        LEAD.replace("date: 2024-03", "date: 2099-01"),
        "data/leads.yml:9:13: good-lead.sources[0].date: is in the future; expected a date on or before 2026-11-24; got '2099-01'",
    ),
    "a source that is not a link": (
        LEAD.replace("url: https://example.org/lead", "url: javascript:alert(1)"),
        "data/leads.yml:8:12: good-lead.sources[0].url: not a web link; expected a full address starting with 'https://'; got 'javascript:alert(1)'",
    ),
    "a bidi control in the notes": (
        LEAD.replace("Seen in one article.", "Seen in \u202eone article."),
        "data/leads.yml:11:10: good-lead.notes: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 9; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'Seen in \\u202eone article.'",
    ),
    "a warning without its source": (
        LEAD + "  warnings:\n    - text: {en: Raided., ar: دوهم.}\n      date: 2024\n",
        "data/leads.yml:13:7: good-lead.warnings[0].source: is required; expected a value for 'source'; got nothing",
    ),
    "a file that is not a mapping": (
        "- good-lead\n",
        "data/leads.yml:1:1: must be a mapping of leads; expected 'slug:' lines with 'country:', 'name:', … under each; got a list",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_lead_rule_message(tmp_path, case):
    text, expected = CASES[case]
    assert lead_problems(tmp_path, text) == [expected]


def test_a_lead_promoted_to_an_entry_must_leave_leads_yml(tmp_path):
    assert lead_problems(tmp_path, LEAD, {"resources/tn/good-lead.yml": GOOD.replace("[lb]", "[tn]")}) == [
        "data/leads.yml:1:1: good-lead: is also a published entry's slug; expected a lead to be removed from leads.yml once it is promoted to data/resources/; got 'good-lead'"
    ]


def test_leads_checked_again_when_the_file_or_the_published_entries_change(tmp_path):
    """Under make serve the leads' check is kept for the process under the file's text, the
    kinds, the published slugs and the day: a lead promoted between two builds is reported."""
    data = make_data(tmp_path, {"leads.yml": LEAD}, fixtures=False)
    leads = str(data / "leads.yml")

    def problems() -> list[str]:
        _, found = load(data, today=TODAY, raise_on_error=False)
        return [str(p).replace(leads, "data/leads.yml") for p in found if p.path == leads]

    assert problems() == problems() == []
    (data / "resources" / "tn").mkdir(parents=True)
    (data / "resources" / "tn" / "good-lead.yml").write_text(GOOD.replace("[lb]", "[tn]"), encoding="utf-8")
    assert problems() == [
        "data/leads.yml:1:1: good-lead: is also a published entry's slug; expected a lead to be removed from leads.yml once it is promoted to data/resources/; got 'good-lead'"
    ]
    (data / "leads.yml").write_text(LEAD.replace("good-lead:", "other-lead:"), encoding="utf-8")
    assert problems() == []


def test_make_check_reads_leads_yml(tmp_path):
    data = make_data(tmp_path, {"leads.yml": LEAD.replace("country: tn", "country: tunisia")}, fixtures=False)
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", str(data)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"},
    )
    assert result.returncode == 1
    assert "data/leads.yml:2:12: good-lead.country: not a country code" in result.stdout
