"""Each resource file's check is kept across the builds of one process (mkdocs serve) under its
text and everything it is checked against, never its date; many files are checked in worker
processes, with the same problems and dataset as one process gives (wasla/loading/resource_checks.py)."""

import datetime as dt
import os
import threading

import pytest

from conftest import build_site, make_data
from generate import generate
from test_rules_resource import GOOD
from wasla.core.problems import DataError
from wasla.loading import cache, resource_checks
from wasla.loading.dataset import load

TODAY = dt.date(2026, 11, 24)
REL = "resources/lb/good-group.yml"


@pytest.fixture
def counted(monkeypatch):
    """How many files went through the rulebook."""
    calls = []
    real = resource_checks.check_resource

    def check(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(resource_checks, "check_resource", check)
    return calls


def test_a_file_edited_into_an_error_between_builds_fails_the_next_build(tmp_path):
    data = make_data(tmp_path, {REL: GOOD}, fixtures=False)
    assert cache.dataset(data, TODAY, fresh=True).resources[0].slug == "good-group"
    path = data / REL
    stat = path.stat()
    # the same size and the same modification time: only the text tells the edit
    path.write_text(GOOD.replace("status: active", "status: activ3"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(DataError) as raised:
        cache.dataset(data, TODAY, fresh=True)
    assert [str(p).replace(f"{data}/", "") for p in raised.value.problems] == [
        f"{REL}:14:9: status: unknown status; expected one of: active, paused, closed; got 'activ3'"
    ]


def test_only_the_changed_file_is_checked_again(tmp_path, counted):
    other = "resources/lb/other-group.yml"
    data = make_data(tmp_path, {REL: GOOD, other: GOOD.replace("01 123 456", "01 123 457")}, fixtures=False)
    load(data, today=TODAY)
    assert len(counted) == 2
    load(data, today=TODAY)
    assert len(counted) == 2  # nothing changed: nothing checked
    (data / other).write_text(GOOD.replace("01 123 456", "01 123 458"), encoding="utf-8")
    load(data, today=TODAY)
    assert counted[2:] == [str(data / other)]


def append_line(name):
    def change(data):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    return change


@pytest.mark.parametrize(
    "change, day",
    [
        (append_line("kinds.yml"), TODAY),
        (append_line("topics.yml"), TODAY),
        (append_line("short-codes.yml"), TODAY),
        (lambda data: None, TODAY + dt.timedelta(days=1)),
    ],
    ids=["kinds.yml", "topics.yml", "short-codes.yml", "another day"],
)
def test_a_change_to_what_files_are_checked_against_checks_every_file(tmp_path, counted, change, day):
    data = make_data(tmp_path, {REL: GOOD}, fixtures=False)
    load(data, today=TODAY)
    change(data)
    load(data, today=day)
    assert counted == [str(data / REL)] * 2


def test_workers_give_the_problems_and_dataset_of_one_process(tmp_path, monkeypatch):
    """The fixture resources (with the problems they have) plus a file with errors, checked in one
    process and then in two workers."""
    bad = GOOD.replace("status: active", "status: activ3").replace("01 123 456", "01 12")
    data = make_data(tmp_path, {"resources/eg/bad-group.yml": bad, "resources/eg/broken.yml": "name: [\n"})
    files = len(list((data / "resources").rglob("*.yml")))
    monkeypatch.setenv("WASLA_JOBS", "1")
    serial, serial_problems = load(data, today=TODAY, raise_on_error=False)
    monkeypatch.setattr(resource_checks, "_kept", {})
    monkeypatch.setattr(resource_checks, "PARALLEL_FROM", files)
    monkeypatch.setenv("WASLA_JOBS", "2")
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # as in a build: the suite may run server threads
    pools = []
    real_pool = resource_checks.ProcessPoolExecutor
    monkeypatch.setattr(
        resource_checks,
        "ProcessPoolExecutor",
        lambda *a, **k: pools.append((a, k["initializer"])) or real_pool(*a, **k),
    )
    pooled, pooled_problems = load(data, today=TODAY, raise_on_error=False)
    assert pools == [((2,), resource_checks.quiet_worker)]  # Ctrl-C is the build's to handle
    assert [str(p) for p in pooled_problems] == [str(p) for p in serial_problems]
    assert any(p.level == "error" for p in pooled_problems)
    assert pooled.resources == serial.resources and len(pooled.resources) > 3


def test_a_site_checked_and_rendered_in_workers_is_byte_identical_to_one_built_in_one_process(tmp_path, monkeypatch):
    """WASLA_JOBS=2: the files checked in two workers, the further languages' bodies rendered in
    one (wasla/output/body_pool.py); WASLA_JOBS=1: everything in the build's process."""
    data = generate(resource_checks.PARALLEL_FROM, tmp_path / "data")
    sites = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("WASLA_JOBS", jobs)
        site = tmp_path / f"site-{jobs}"
        result = build_site(data, site)
        assert result.returncode == 0, result.stderr
        sites[jobs] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert len(sites["1"]) > 2000
    assert sorted(sites["1"]) == sorted(sites["2"])
    assert [path for path, content in sites["1"].items() if sites["2"][path] != content] == []


def test_no_worker_is_forked_while_another_thread_runs(tmp_path, monkeypatch):
    """mkdocs serve runs a server thread: a forked child could wait for ever on a lock it holds."""
    data = make_data(tmp_path, {REL: GOOD})
    monkeypatch.setattr(resource_checks, "PARALLEL_FROM", 1)
    monkeypatch.setenv("WASLA_JOBS", "2")
    monkeypatch.setattr(resource_checks, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("a pool was made"))
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        dataset, _ = load(data, today=TODAY, raise_on_error=False)
    finally:
        stop.set()
        server.join()
    assert any(r.slug == "good-group" for r in dataset.resources)
