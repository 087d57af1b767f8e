"""The generated pages' bodies of the further languages, rendered in a forked worker process while
this process builds the languages before them.

A language build spends about a third of its time rendering its generated pages' bodies (the
country, kind and danger pages); the rest (the theme's page template, the writing of the pages,
the passes over them) stays in the build's process. With two cores or more, a worker renders the
next languages' bodies meanwhile: each is what ``Renderer.render`` gives in this process, from
the same dataset, settings and day (the worker is forked after the dataset is loaded, so it
inherits them and the registry in force: nothing is pickled but the bodies coming back). The
worker renders at most ``AHEAD`` languages not yet taken, so their bodies do not pile up in this
process's memory.

Never where the platform cannot fork, nor while another thread runs (mkdocs serve's server), nor
with one job (``WASLA_JOBS=1``, as the profiler builds). A worker that fails or is killed gives
nothing: the build renders the languages it did not give back. The worker ignores Ctrl-C: the
build's process stops on it and ends the worker, and only the build says so.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from ..core.model import Dataset
from ..core.settings import Settings
from ..layout.pages import Layout, way_back
from ..loading.resource_checks import can_fork, jobs, quiet_worker
from .render import Renderer

AHEAD = 2  # languages rendered and not yet taken, at most

_work: tuple[Dataset, Settings, dt.date] | None = None  # what the forked worker renders from (inherited)


def render_language(dataset: Dataset, lang: str, settings: Settings, today: dt.date) -> dict[str, str]:
    """Every generated page's body in ``lang``, by its path inside the language (PagePlan.path)."""
    site = Renderer(Layout(dataset, lang), settings, today)
    return {plan.path: site.render(plan, way_back(plan.path)) for plan in site.layout.pages()}


def _render_in_worker(lang: str) -> dict[str, str]:
    assert _work is not None
    return render_language(_work[0], lang, *_work[1:])


class BodyPool:
    """The bodies of ``langs`` (in the order they will be built), rendered ahead in a worker."""

    def __init__(self, dataset: Dataset, langs: list[str], settings: Settings, today: dt.date) -> None:
        global _work
        self._waiting = list(langs)  # not yet given to the worker
        self._futures: dict[str, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        if not langs or jobs() < 2 or not can_fork():
            return
        _work = (dataset, settings, today)
        try:
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=quiet_worker
            )
            self._feed()  # the first submit forks the worker, which inherits _work
        finally:
            _work = None  # this process keeps no reference

    @property
    def working(self) -> bool:
        return self._pool is not None

    def _feed(self) -> None:
        while self._pool is not None and self._waiting and len(self._futures) < AHEAD:
            lang = self._waiting.pop(0)
            try:
                self._futures[lang] = self._pool.submit(_render_in_worker, lang)
            except Exception:  # the worker is gone (killed: BrokenProcessPool): the build renders the rest
                self.close()

    def take(self, lang: str) -> dict[str, str] | None:
        """The bodies of ``lang`` by page path (waiting for the worker), or None when it did not
        render them: the caller renders them itself."""
        future = self._futures.pop(lang, None)
        if future is None:
            return None
        try:
            bodies = future.result()
        except Exception:  # the worker failed or was killed: the build renders this language and the rest
            self.close()
            return None
        if not self._futures and not self._waiting:
            self.close()
        else:
            self._feed()
        return bodies

    def close(self) -> None:
        """Stop the worker, dropping what it has not rendered (a failed build, the last language)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._futures.clear()
        self._waiting.clear()
