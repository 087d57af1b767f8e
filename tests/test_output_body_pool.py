"""The further languages' generated bodies rendered ahead in a forked worker: the same bodies as
this process renders, at most AHEAD languages ahead, never while another thread runs, and a
failed worker leaves the build to render them (wasla/output/body_pool.py). The whole site built
with and without the worker is compared byte for byte in test_loading_resource_checks.py."""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures.process import BrokenProcessPool

import pytest

from conftest import ROOT, build_env, make_data
from wasla.core.languages import shipped
from wasla.core.settings import Settings
from wasla.layout.pages import Layout, way_back
from wasla.loading.dataset import load
from wasla.output import body_pool
from wasla.output.body_pool import BodyPool, render_language
from wasla.output.render import Renderer

TODAY = dt.date(2026, 11, 24)
LANGS = ["en", "fa", "tr", "fr"]


@pytest.fixture
def dataset(tmp_path):
    data, _ = load(make_data(tmp_path, region=True), today=TODAY)
    return data


@pytest.fixture
def forking(monkeypatch):
    """As in a build: two jobs and no other thread (the suite may run server threads)."""
    monkeypatch.setenv("WASLA_JOBS", "2")
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_base_is_the_way_back_to_the_language_root():
    assert [way_back(p) for p in ("index.md", "countries/lb.md", "danger/suicide/lb.md")] == ["", "../", "../../"]


def test_the_worker_renders_what_this_process_renders(dataset, forking):
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert pool.working
    for lang in LANGS:
        site = Renderer(Layout(dataset, lang), Settings(), TODAY)
        plans = site.layout.pages()
        bodies = pool.take(lang)
        assert list(bodies) == [plan.path for plan in plans]
        assert bodies == {plan.path: site.render(plan, way_back(plan.path)) for plan in plans}
    assert not pool.working  # the last language taken: the worker is stopped


def test_at_most_ahead_languages_wait_in_the_worker(dataset, forking):
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert sorted(pool._futures) == LANGS[: body_pool.AHEAD]
    pool.take("en")
    assert sorted(pool._futures) == sorted(LANGS[1 : body_pool.AHEAD + 1])
    assert pool.take("ar") is None  # a language it was never given: the build renders it
    pool.close()
    assert not pool.working and pool.take("fa") is None


# The worker is forked after these patches, so it runs them; render_language is looked up inside
# the worker (_render_in_worker itself is sent to it by name).


def test_a_worker_that_raises_gives_nothing(dataset, forking, monkeypatch):
    def broken(*args):
        raise RuntimeError("a template failed")

    monkeypatch.setattr(body_pool, "render_language", broken)
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert isinstance(pool._futures["en"].exception(timeout=60), RuntimeError)
    assert pool.take("en") is None and not pool.working


def test_a_worker_killed_midway_leaves_the_rest_to_the_build(dataset, forking, monkeypatch):
    """The worker dies (as under the OOM killer) after rendering the first language: nothing is
    raised, the languages it had not given back are None (the build renders them)."""
    real = body_pool.render_language

    def dies_after_english(dataset, lang, *args):
        if lang != "en":
            os._exit(1)
        return real(dataset, lang, *args)

    monkeypatch.setattr(body_pool, "render_language", dies_after_english)
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert isinstance(pool._futures["fa"].exception(timeout=60), BrokenProcessPool)  # known before "en" is taken
    assert "countries/lb.md" in pool.take("en")  # rendered before the worker died; no more can be asked of it
    assert [pool.take(lang) for lang in LANGS[1:]] == [None, None, None]
    assert not pool.working


def test_ctrl_c_is_left_to_the_build(dataset, forking, monkeypatch):
    """Ctrl-C reaches every process of the group; the worker ignores it (the build stops, and
    ends it), so it prints no traceback of its own."""
    monkeypatch.setattr(body_pool, "render_language", lambda *args: {"sigint": signal.getsignal(signal.SIGINT).name})
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert pool.take("en") == {"sigint": "SIG_IGN"}
    pool.close()


@pytest.mark.parametrize("why", ["one job", "another thread"])
def test_no_worker_with_one_job_or_while_another_thread_runs(dataset, monkeypatch, why):
    monkeypatch.setenv("WASLA_JOBS", "1" if why == "one job" else "2")
    monkeypatch.setattr(threading, "active_count", lambda: 1 if why == "one job" else 2)
    monkeypatch.setattr(body_pool, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("a pool was made"))
    pool = BodyPool(dataset, LANGS, Settings(), TODAY)
    assert not pool.working and pool.take("en") is None


def test_render_language_is_every_generated_page(dataset):
    bodies = render_language(dataset, "en", Settings(), TODAY)
    assert "countries/lb.md" in bodies and "kinds/hotline.md" in bodies
    assert all(body.strip() for body in bodies.values())


TAKES = """
import sys
from wasla.output import body_pool
real = body_pool.BodyPool.take
def take(self, lang):
    bodies = real(self, lang)
    print("took", lang, len(bodies) if bodies is not None else None, file=sys.stderr)
    return bodies
body_pool.BodyPool.take = take
from mkdocs.__main__ import cli
cli(sys.argv[1:])
"""


def test_a_build_takes_every_further_language_from_the_worker(tmp_path):
    """The real build (hooks/pages.py starts the worker in the first language build; each further
    language build takes its bodies when it makes its renderer)."""
    env = {**build_env(make_data(tmp_path, region=True)), "WASLA_JOBS": "2"}
    result = subprocess.run(
        [sys.executable, "-c", TAKES, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    took = [line.split() for line in result.stderr.splitlines() if line.startswith("took ")]
    codes = shipped().codes
    assert [lang for _, lang, _ in took] == list(codes)  # the first language too: it renders its own
    assert took[0][2] == "None" and all(int(count) > 20 for _, _, count in took[1:])
