"""A report path out of the box: the card's e-mail link, the contribute page, the
maintainer's note and the deploy workflow's refusal."""

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, make_data
from test_offline_edition import unzipped  # noqa: F401  (the offline edition, unzipped)
from wasla.commands import report_path as reporting
from wasla.loading.dataset import load
from wasla.output.render import renderer


def mail_parts(href):
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    return parts.path, query["subject"][0], query["body"][0]


def test_card_mail_link_names_the_entry_in_the_page_language(fixture_site):
    en = (fixture_site / "en" / "countries" / "lb.html").read_text(encoding="utf-8")
    assert (
        '<a href="mailto:reports@example.org?subject=Report%3A%20lb%2Ftest-hotline&amp;body=Entry%3A%20lb%2Ftest-hotline'
        "%0D%0A%0D%0AWhat%20is%20wrong%3F%0D%0A"
    ) in en
    assert ">by e-mail (no account needed)</a>" in en
    ar = (fixture_site / "countries" / "lb.html").read_text(encoding="utf-8")
    assert "?subject=%D8%A8%D9%84%D8%A7%D8%BA%3A%20lb%2Ftest-hotline&amp;body=" in ar
    assert ">بالبريد الإلكتروني (من دون حساب)</a>" in ar


def test_email_only_site_links_every_card_by_mail(tmp_path):
    dataset, _ = load(make_data(tmp_path))
    site = renderer(dataset, "ar", report_email="reports@example.org")
    body = site.country_body("lb", "")
    href = site.report_mailto(next(r for r in dataset.resources if r.slug == "test-hotline"))
    assert (
        f'<p class="wasla-card__report"><a href="{href.replace("&", "&amp;")}">الإبلاغ عن مشكلة في هذه البطاقة</a></p>'
        in body
    )
    address, subject, text = mail_parts(href)
    assert address == "reports@example.org" and subject == "بلاغ: lb/test-hotline"
    assert text.startswith("البطاقة: lb/test-hotline\r\n\r\nما الخطأ؟") and text.endswith("\r\n\r\n")
    assert "github" not in body.lower()


def test_no_way_to_report_shows_no_link_and_says_so(tmp_path):
    dataset, _ = load(make_data(tmp_path))
    site = renderer(dataset, "en")
    assert "wasla-card__report" not in site.country_body("lb", "")
    assert site.report_ways() == (
        '<h2 id="report">Report or suggest</h2>\n<p>This copy of the site has no reporting '
        "address; ask whoever shared it with you.</p>"
    )


def test_contribute_page_explains_both_ways_in_plain_words(fixture_site):
    for rel, without, with_ in (
        ("contribute.html", "من دون حساب على GitHub", "بحساب على GitHub"),
        ("en/contribute.html", "Without a GitHub account", "With a GitHub account"),
    ):
        html = (fixture_site / rel).read_text(encoding="utf-8")
        assert f'<h3 id="report-without-account">{without}</h3>' in html
        assert f'<h3 id="report-with-account">{with_}</h3>' in html
    ar = (fixture_site / "contribute.html").read_text(encoding="utf-8")
    assert "بلاغ" in ar and "اقتراح تعديل" in ar
    for loanword in ("issue", "pull request", "«pull", "PR"):
        assert loanword not in (ROOT / "docs" / "contribute.ar.md").read_text(encoding="utf-8")
    import yaml

    ar_strings = yaml.safe_load((ROOT / "hooks" / "wasla" / "strings" / "ar.yml").read_text(encoding="utf-8"))
    for key in ("report_how", "report_with_account_how", "report_by_email_how", "report_email_caution"):
        assert "issue" not in ar_strings[key].lower() and "pull" not in ar_strings[key].lower(), key


def test_the_offline_copy_card_link_is_a_working_mailto(unzipped, page_factory):  # noqa: F811
    page = page_factory()
    page.goto((unzipped / "en" / "countries" / "lb.html").as_uri())
    link = page.locator('#test-hotline .wasla-card__report a[href^="mailto:"]')
    assert link.inner_text() == "by e-mail (no account needed)"
    address, subject, body = mail_parts(link.get_attribute("href"))
    assert (address, subject) == ("reports@example.org", "Report: lb/test-hotline")
    assert body.splitlines()[0] == "Entry: lb/test-hotline"
    assert page.blocked == []


def run_report_path(tmp_path, config_text, *args, **env):
    config = tmp_path / "mkdocs.yml"
    config.write_text(config_text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "wasla", "report-path", "--config", str(config), *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks"), **env},
    )


UNSET = 'site_name: x\nextra:\n  wasla:\n    issues_url: ""\n    report_email: ""\n    x: !ENV [HOME]\n'


def test_make_serve_notes_a_missing_report_path(tmp_path):
    result = run_report_path(tmp_path, UNSET)
    assert result.returncode == 0
    assert result.stderr == (
        "note: readers of this site have no way to report a wrong entry: set extra.wasla.issues_url (your "
        "repository's https://github.com/<owner>/<repo>/issues/new) and/or extra.wasla.report_email in mkdocs.yml, "
        "or WASLA_ISSUES_URL / WASLA_REPORT_EMAIL. The deploy workflow refuses to publish without one.\n"
    )
    assert "\t@$(SITE_PY) -m wasla report-path\n" in (ROOT / "Makefile").read_text()


@pytest.mark.parametrize(
    "env,config,code",
    [
        ({}, UNSET, 1),
        ({"WASLA_REPORT_EMAIL": "reports@example.org"}, UNSET, 0),
        ({"WASLA_ISSUES_URL": "https://github.com/o/r/issues/new"}, UNSET, 0),
        ({}, UNSET.replace('report_email: ""', "report_email: reports@example.org"), 0),
    ],
)
def test_deploy_refuses_a_site_without_a_report_path(tmp_path, env, config, code):
    result = run_report_path(tmp_path, config, "--require", **env)
    assert result.returncode == code
    if code:
        assert result.stderr.startswith("error: not publishing a site whose readers cannot report a wrong entry: set ")
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text()
    assert "run: .venv/bin/python -m wasla report-path --require" in deploy
    assert deploy.index("report-path --require") < deploy.index("upload-pages-artifact")


def test_the_shipped_config_invents_no_address():
    assert reporting.configured(ROOT / "mkdocs.yml", environ={}) == {"issues_url": "", "report_email": ""}
