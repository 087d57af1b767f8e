"""Quiet success, loud failure: what `make build` prints.

The real `make build` runs on a copy of the repository (so site/ here is left alone), with
this checkout's .venv.
"""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from wasla.commands import console
from wasla.core.dates import build_today
from wasla.loading.dataset import load

COPIED = (
    "Makefile",
    "mkdocs.yml",
    "requirements.txt",
    "requirements-dev.txt",
    ".ci",
    "data",
    "docs",
    "hooks",
    "overrides",
)
WRITTEN = "Site written to site/ (open site/index.html; English at site/en/)"


@pytest.fixture
def repo(tmp_path):
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in COPIED:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, copy / name)  # keeps mtimes: no reinstall
    return copy


def make_build(repo):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WASLA_", "MAKE", "MFLAGS"))}
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={ROOT / '.venv'}"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    return result, result.stdout.splitlines()


def test_make_build_prints_one_line_about_the_shipped_data(repo):
    result, lines = make_build(repo)
    assert result.returncode == 0, result.stdout
    dataset, problems = load(ROOT / "data")
    dataset.problems = problems
    expected = console.summary(dataset, build_today(), 12)
    assert lines == [expected, WRITTEN]
    never = sum(1 for r in dataset.resources if r.last_verified is None)
    assert expected == (
        f"{len(dataset.resources)} resources valid · 0 errors · {len(problems)} warnings · "
        f"{never} not yet verified — make check for details"
    )
    assert (repo / "site" / "index.html").is_file()


def test_make_build_prints_every_error_in_full_and_no_warning(repo):
    lb = repo / "data" / "resources" / "lb"
    (lb / "broken.yml").write_text('name: {en: "Broken, ar: x}\nkinds: [hotline]\n', encoding="utf-8")
    good = (lb / "helem.yml").read_text(encoding="utf-8")
    (lb / "helem.yml").write_text(good.replace("kinds:\n", "kinds:\n  - nonsense\n", 1), encoding="utf-8")
    result, lines = make_build(repo)
    assert result.returncode != 0
    errors = [line for line in lines if line.startswith("data/")]
    assert len(errors) == 2, lines
    assert errors[0].startswith("data/resources/lb/broken.yml:")
    assert errors[1].startswith("data/resources/lb/helem.yml:") and "kinds[0]" in errors[1] and "nonsense" in errors[1]
    assert not [line for line in lines if "warning:" in line], "warnings wait for make check"
    _, problems = load(repo / "data", raise_on_error=False)
    warnings = sum(1 for p in problems if p.level == "warning")
    assert (
        f"ERROR   -  2 data errors: the site was not built; fix the lines above ({warnings} warnings too: make check for details)"
        in lines
    )
    assert not (repo / "site").exists()


def test_strict_mode_still_fails_on_a_mkdocs_warning(repo):
    for lang in ("en", "ar"):
        (repo / "docs" / f"extra.{lang}.md").write_text("# Extra\n\n[gone](missing.md)\n", encoding="utf-8")
    result, lines = make_build(repo)
    assert result.returncode != 0
    assert any(line.startswith("WARNING") and "missing.md" in line for line in lines), lines
    assert not (repo / "site").exists()
