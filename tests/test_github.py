"""Workflows and issue forms are valid for GitHub, and the workflows keep their promises."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
CHECK = [str(Path(sys.executable).parent / "check-jsonschema")]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(path):
    result = subprocess.run(
        CHECK + ["--builtin-schema", "vendor.github-workflows", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_form_is_valid(path):
    result = subprocess.run(
        CHECK + ["--builtin-schema", "vendor.github-issue-forms", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_exist_in_both_languages():
    names = {p.stem for p in FORMS}
    assert names == {"suggest", "report", "removal"}
    for path in FORMS:
        text = path.read_text(encoding="utf-8")
        assert any("\u0600" <= ch <= "\u06ff" for ch in text), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_are_pinned_and_least_privileged(path):
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    for line in text.splitlines():
        if "uses:" in line:
            ref = line.split("uses:")[1].split("#")[0].strip()
            assert len(ref.split("@")[1]) == 40, line
    assert "permissions:\n  contents: read" in text
    assert text.count("persist-credentials: false") == text.count("actions/checkout@")


def test_ci_runs_the_same_commands_as_the_readme():
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    for command in ("make check", "make test", "make build"):
        assert command in text
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_labeller_treats_every_path_that_runs_code_as_code():
    """anything CI executes (or that reaches page markup) is a code change."""
    import re

    import yaml

    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))["jobs"]
    pattern = next(
        step["env"]["CODE_PATHS"] for step in jobs["code-change"]["steps"] if "CODE_PATHS" in step.get("env", {})
    )
    code = [
        "Makefile",
        "requirements.txt",
        "requirements-dev.txt",
        "tests/conftest.py",
        "bench/bench.py",
        ".ci/run",
        "data/kinds.yml",
        "data/topics.yml",
        "mkdocs.yml",
        "hooks/pages.py",
        "overrides/main.html",
        ".github/workflows/ci.yml",
    ]
    data = ["data/resources/lb/helem.yml", "data/short-codes.yml", "README.md", "docs/index.md", "data/leads.yml"]
    assert [p for p in code if not re.search(pattern, p)] == []
    assert [p for p in data if re.search(pattern, p)] == []
