"""all or nothing, even under concurrency. `make build` writes into its own temporary
folder beside the site and swaps it in with one rename (hooks/wasla/atomic.py)."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_data
from wasla.output.atomic import clean_stale, swap, temp_dir


def make_build(site: Path, data: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "WASLA_TODAY": "2026-11-24",
        "WASLA_DATA_DIR": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "WASLA_ISSUES_URL": "https://example.org/wasla/issues/new",
        "WASLA_REPORT_EMAIL": "reports@example.org",
    }
    env.pop("MINISIGN_SECRET_KEY", None)
    bin_dir = Path(sys.executable).parent
    return subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "build",
            f"SITE={site}",
            f"BIN={bin_dir}",
            f"PY={sys.executable}",
            f"STAMP={ROOT / 'requirements.txt'}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_builds_at_once_leave_one_whole_site(tmp_path):
    data = make_data(tmp_path)
    site = tmp_path / "out" / "site"
    stale = site.parent / f".site.tmp-{2**22 + 12345}-dead"  # a killed build's folder: no such process
    stale.mkdir(parents=True)
    (stale / "index.html").write_text("half")
    builds = [make_build(site, data) for _ in range(2)]
    outputs = [b.communicate(timeout=600)[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    check = subprocess.run(
        ["sha256sum", "--check", "--quiet", "--strict", "SHA256SUMS"], cwd=site, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {line.split("  ", 1)[1] for line in (site / "SHA256SUMS").read_text().splitlines()}
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != "SHA256SUMS"}
    assert listed == on_disk  # nothing of the other build mixed in
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # temporary folders gone, the stale one too


def test_a_failed_build_leaves_the_site_as_it_was(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    data = make_data(tmp_path, {"resources/lb/bad.yml": "name: [\n"}, fixtures=False)
    build = make_build(site, data)
    build.communicate(timeout=600)
    assert build.returncode != 0
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_swap_and_stale_cleaning(tmp_path):
    site = tmp_path / "site"
    first = temp_dir(site, owner=os.getpid())
    (first / "a").write_text("1")
    swap(first, site)
    second = temp_dir(site, owner=os.getpid())
    (second / "b").write_text("2")
    assert clean_stale(site) == []  # our own build is alive: never removed
    swap(second, site)
    assert [p.name for p in site.iterdir()] == ["b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_trades_with_a_site_another_build_put_in_meanwhile(tmp_path, monkeypatch):
    # The race two builds at once can run into: the site is absent when this swap looks, and
    # another build's finished site is there a moment later, when this one renames its own in.
    import wasla.output.atomic as atomic

    site = tmp_path / "site"
    ours, theirs = temp_dir(site, owner=os.getpid()), temp_dir(site, owner=os.getpid())
    (ours / "ours").write_text("1")
    (theirs / "theirs").write_text("2")
    rename = os.rename

    def other_build_first(src, dst):
        if Path(dst) == site and not site.exists():
            rename(theirs, site)
        rename(src, dst)

    monkeypatch.setattr(atomic.os, "rename", other_build_first)
    swap(ours, site)
    assert [p.name for p in site.iterdir()] == ["ours"]  # the last swap wins, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_retries_when_the_site_is_moved_aside_meanwhile(tmp_path, monkeypatch):
    # Where the atomic exchange is missing, a swap renames the site aside first; another build
    # doing the same at that moment leaves this one without a site to set aside.
    import wasla.output.atomic as atomic

    site = tmp_path / "site"
    site.mkdir()
    (site / "old").write_text("0")
    ours = temp_dir(site, owner=os.getpid())
    (ours / "ours").write_text("1")
    rename, taken = os.rename, []

    def other_build_moves_it(src, dst):
        if Path(src) == site and not taken:
            taken.append(rename(site, tmp_path / "elsewhere"))
        rename(src, dst)

    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    monkeypatch.setattr(atomic.os, "rename", other_build_moves_it)
    swap(ours, site)
    assert [p.name for p in site.iterdir()] == ["ours"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "site"]


def test_a_swap_that_fails_says_so_without_a_traceback(tmp_path, capsys):
    from wasla.__main__ import main

    assert main(["swap", str(tmp_path / "gone"), str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path / 'site'}: the finished build could not be put in place: No such file or directory\n"
    )
