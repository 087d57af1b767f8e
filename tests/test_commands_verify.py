"""make verify and make new: what is typed reaches the program unexpanded, is checked before anything
is written, and a refused run leaves the file byte for byte as it was."""

import os
import subprocess

import pytest

from conftest import ROOT, make_data
from test_rules_resource import GOOD

ENTRY = "data/resources/lb/good-group.yml"


@pytest.fixture
def repo(tmp_path):
    """A copy of the repository's Makefile beside a data folder, using this checkout's engine and venv."""
    make_data(tmp_path, {"resources/lb/good-group.yml": GOOD}, fixtures=False)
    (tmp_path / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("hooks", ".venv", "requirements.txt"):
        os.symlink(ROOT / name, tmp_path / name)
    return tmp_path


def make(repo, *args, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ["PATH"], "WASLA_TODAY": "2026-11-24"}
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=repo, capture_output=True, text=True, env=env, stdin=stdin
    )


def test_make_verify_runs_nothing_a_value_holds_and_keeps_it_as_typed(repo):
    witness = repo / "touched"
    changed = f"cost $5 $(shell touch {witness}) `touch {witness}` $$HOME"
    result = make(repo, "verify", "ENTRY=lb/good-group", "METHOD=phone", f"CHANGED={changed}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not witness.exists()
    notes = (repo / ENTRY).read_text(encoding="utf-8").splitlines()[-1]
    assert notes == f"curator_notes: '2026-11-24 (phone): {changed}'"


def test_make_verify_takes_its_values_from_the_environment_unexpanded(repo):
    witness = repo / "touched"
    env = {"PATH": os.environ["PATH"], "WASLA_TODAY": "2026-11-24", "ENTRY": "lb/good-group", "METHOD": "website"}
    env["CHANGED"] = f"$(shell touch {witness})"
    result = subprocess.run(["make", "verify"], cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert not witness.exists() and f"$(shell touch {witness})" in (repo / ENTRY).read_text(encoding="utf-8")


def test_no_other_target_expands_them_either(repo):
    witness = repo / "touched"
    result = make(repo, "check", f"CHANGED=$(shell touch {witness})", f"ENTRY=$(shell touch {witness})")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not witness.exists()


@pytest.mark.parametrize(
    "changed, message",
    [
        (
            "moved \u202eenohp\u202c",
            "make verify: changed: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 7; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'moved \\u202eenohp\\u202c'",
        ),
        (
            "ring \x07 twice",
            "make verify: changed: contains a control character (U+0007 BELL) at character 6; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'ring \\x07 twice'",
        ),
        (
            "first line\nsecond: line",
            "make verify: changed: has a line break; expected one line; got 'first line\\nsecond: line'",
        ),
    ],
)
def test_a_refused_value_leaves_the_file_byte_identical(repo, changed, message):
    before = (repo / ENTRY).read_bytes()
    result = make(repo, "verify", "ENTRY=lb/good-group", "METHOD=phone", f"CHANGED={changed}")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert (repo / ENTRY).read_bytes() == before
    assert sorted(p.name for p in (repo / ENTRY).parent.iterdir()) == ["good-group.yml"]  # no temporary file left


def test_a_note_the_check_would_refuse_is_not_written(repo):
    """3,000 characters of curator_notes at most: the new text is checked before it is written."""
    before = (repo / ENTRY).read_bytes()
    result = make(repo, "verify", "ENTRY=lb/good-group", "METHOD=phone", "CHANGED=" + "x" * 3000)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "make verify: not written: the file would then fail the check:",
        "  data/resources/lb/good-group.yml:17:16: curator_notes: too long; expected at most 3000 characters; got 3020",
    ]
    assert (repo / ENTRY).read_bytes() == before


def test_verify_never_writes_through_a_link_left_beside_the_file(repo):
    target = repo / "elsewhere.txt"
    target.write_text("untouched\n", encoding="utf-8")
    os.symlink(target, repo / "data" / "resources" / "lb" / "good-group.yml.tmp")
    result = make(repo, "verify", "ENTRY=lb/good-group", "METHOD=phone")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == "untouched\n"
    assert "verified_by: phone" in (repo / ENTRY).read_text(encoding="utf-8")


def test_make_new_takes_its_values_unexpanded_and_checks_them_first(repo):
    witness = repo / "touched"
    refused = make(repo, "new", "COUNTRY=lb", f"SLUG=x$(shell touch {witness})", "KINDS=hotline")
    assert refused.returncode == 2 and not witness.exists()
    assert f"'x$(shell touch {witness})' is not a valid slug" in refused.stderr
    assert sorted(p.name for p in (repo / "data" / "resources" / "lb").iterdir()) == ["good-group.yml"]
    taken = make(repo, "new", "COUNTRY=lb", "SLUG=law", "KINDS=hotline")
    assert taken.returncode == 2 and "it takes 'law', a name the site itself uses" in taken.stderr
    made = make(repo, "new", "COUNTRY=lb", "SLUG=beirut-line", "KINDS=hotline,legal_aid")
    assert made.returncode == 0, made.stderr
    assert "kinds: [hotline, legal_aid]" in (repo / "data" / "resources" / "lb" / "beirut-line.yml").read_text(
        encoding="utf-8"
    )


def test_make_new_never_writes_over_a_file(repo):
    before = (repo / ENTRY).read_bytes()
    result = make(repo, "new", "COUNTRY=lb", "SLUG=good-group", "KINDS=hotline")
    assert result.returncode == 2 and "'good-group' is already used" in result.stderr
    assert (repo / ENTRY).read_bytes() == before
