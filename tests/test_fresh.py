"""A fresh machine: what `make test` installs, and skips that never pass unnoticed."""

import re

from conftest import ROOT, skip_failures


def test_a_skipped_safety_test_fails_the_run_anywhere_and_any_skip_fails_in_ci():
    skipped = [("tests/test_safety.py::test_x", True), ("tests/test_site.py::test_y", False)]
    assert skip_failures(skipped, ci=False) == ["tests/test_safety.py::test_x: a safety test was skipped"]
    assert skip_failures(skipped, ci=True) == [
        "tests/test_safety.py::test_x: a safety test was skipped",
        "tests/test_site.py::test_y: a test was skipped in CI; CI must run every test (install what it needs: .ci/packages)",
    ]


def test_the_debian_package_list_is_well_formed_and_used_by_make_and_ci():
    lines = [
        line.split(None, 2)
        for line in (ROOT / ".ci" / "debian-packages").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(len(parts) == 3 and parts[0] in ("build", "test") for parts in lines), lines
    assert {p[1] for p in lines} >= {"python3-venv", "chromium", "wget"}
    assert "minisign" not in {p[1] for p in lines}, "the signing test uses py-minisign (PyPI)"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^test: .*\n\t@\.ci/packages test\n\t\$\(BIN\)/pytest -q -rs$", makefile, re.M)
    assert "\t@.ci/packages build\n" in makefile
    assert ".ci/packages build test\nmake test\n" in (ROOT / ".ci" / "run").read_text()
