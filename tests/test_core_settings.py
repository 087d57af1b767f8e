"""Every extra.wasla option is declared once (wasla.core.settings): validated whole at the start of a
build, overridable by WASLA_<NAME>, and documented in the README from the declaration."""

import pytest

from conftest import ROOT
from wasla.core import settings
from wasla.core.settings import Settings, SettingsError, read

pytestmark = pytest.mark.unit


def test_readme_settings_table_is_the_declaration():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- settings:start -->\n", "<!-- settings:end -->"
    shown = text[text.index(start) + len(start) : text.index(end)]
    assert shown == settings.table(), "README's settings table is stale: paste `python -m wasla settings` there"


def test_mkdocs_yml_settings_are_valid_and_declared():
    import yaml

    from wasla.commands.report_path import _Tolerant

    extra = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)["extra"]["wasla"]
    assert read(extra, environ={}) == Settings(**{**extra, "issues_url": "", "report_email": ""})


def test_defaults_apply_and_environment_overrides():
    assert read({}, environ={}) == Settings()
    got = read({"stale_months": 6}, environ={"WASLA_STALE_MONTHS": "9", "WASLA_ISSUES_URL": "https://x.example/new"})
    assert (got.stale_months, got.issues_url) == (9, "https://x.example/new")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"stale_month": 12},
            "extra.wasla.stale_month: unknown setting (did you mean 'stale_months'?); expected one of: data_dir, "
            "exit_url, csp, stale_months, evidence_stale_years, law_stale_months, issues_url, report_email; "
            "got 'stale_month'",
        ),
        (
            {"stale_months": "twelve"},
            "extra.wasla.stale_months: must be a whole number; expected e.g. 12; got 'twelve'",
        ),
        ({"stale_months": True}, "extra.wasla.stale_months: must be a whole number; expected e.g. 12; got True"),
        ({"issues_url": ["a"]}, "extra.wasla.issues_url: must be text; expected e.g. ''; got ['a']"),
        ("x", "extra.wasla: must be a mapping of settings; got 'x'"),
    ],
)
def test_a_wrong_setting_is_an_error_naming_it(extra, message):
    with pytest.raises(SettingsError) as err:
        read(extra, environ={})
    assert str(err.value) == message
