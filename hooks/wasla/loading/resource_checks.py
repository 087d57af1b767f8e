"""Every resource file read and checked: each file's result kept across builds, and the files
spread over the machine's cores when there are many.

A file's result (its problems, its resource, its contacts for the cross-file rules) is kept under
a key made of everything it depends on: the file's path and text, what it is checked against
(languages.yml, kinds.yml, topics.yml and short-codes.yml, as text), the day, and the rulebook's
own version (the engine's code and files as this process imported them). ``mkdocs serve`` keeps
the process between rebuilds, so a saved file is checked again and the others are not; any change
to what a file is checked against checks every file again. The key is the file's text, never its
date: a file edited into an error is always checked.

With more files to check than ``PARALLEL_FROM``, they are checked in worker processes, forked so
that they inherit the loaded registry and rulebook, and the results are taken in file order, so
the problems, the dataset and the site are the same as a check in one process. Never where the
platform cannot fork, nor while another thread runs (mkdocs serve's server): there the files are
checked in this process. The workers ignore Ctrl-C (``quiet_worker``): the build's process stops
on it and ends them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..core.model import Kind, Resource, Topic
from ..core.problems import Problem
from ..rules.resource import check_resource
from .files import parse_yaml, read_text

ENGINE = Path(__file__).resolve().parent.parent  # hooks/wasla
CHECKED_AGAINST = ("languages.yml", "kinds.yml", "topics.yml", "short-codes.yml")
PARALLEL_FROM = 400  # files to check: fewer are checked faster in this process than a pool starts


def _rulebook_version() -> str:
    """A digest of the engine's code and files (strings, terms): a new rulebook checks every file."""
    digest = hashlib.sha256()
    for path in sorted(ENGINE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".txt", ".json"):
            digest.update(path.relative_to(ENGINE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


RULEBOOK = _rulebook_version()


@dataclass(frozen=True)
class FileCheck:
    """What one resource file gave: its problems (reading first), its resource when it has no
    error, and (path, contacts) for the cross-file rules; ``read`` is False when it could not be
    read or parsed (then only that problem is reported)."""

    problems: tuple[Problem, ...]
    resource: Resource | None
    contacts: tuple
    read: bool


@dataclass(frozen=True)
class Against:
    """What every resource file is checked against, and a key naming it."""

    kinds: dict[str, Kind]
    short_codes: dict
    topics: dict[str, Topic]
    today: dt.date
    key: str


def against(data_dir: Path, kinds, short_codes, topics, today: dt.date) -> Against:
    digest = hashlib.sha256(RULEBOOK.encode())
    digest.update(today.isoformat().encode())
    for name in CHECKED_AGAINST:
        path = data_dir / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"\0")
    return Against(kinds, short_codes, topics, today, digest.hexdigest())


_kept: dict[tuple[str, str, str], FileCheck] = {}  # (path as shown, text digest, Against.key) -> result
_work: Against | None = None  # what the forked workers check against (inherited, never pickled)


def _read(path: Path, work: Against) -> tuple[tuple | None, str | None, str, list[Problem]]:
    """(the key its check is kept under, its text, its path as shown, why it was not read): the
    key and text are None when the file could not be read."""
    problems: list[Problem] = []
    text, shown = read_text(path, problems)
    if text is None:
        return None, None, shown, problems
    return (shown, hashlib.sha256(text.encode()).hexdigest(), work.key), text, shown, problems


def _check_text(path: Path, shown: str, text: str, work: Against) -> FileCheck:
    """One read file through the YAML parser and the rulebook."""
    broken: list[Problem] = []
    data = parse_yaml(text, shown, broken)
    if broken:
        return FileCheck(tuple(broken), None, (), False)
    contacts: list = []
    resource, found = check_resource(
        shown,
        path.parent.name,
        path.stem,
        data,
        work.kinds,
        work.short_codes,
        work.today,
        collect=contacts,
        topics=work.topics,
    )
    return FileCheck(tuple(found), resource, tuple(contacts), True)


def _check_in_worker(item: tuple[Path, str, str]) -> FileCheck:
    return _check_text(*item, _work)


def jobs() -> int:
    """How many processes check the files: WASLA_JOBS, else one per core."""
    wanted = os.environ.get("WASLA_JOBS", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)


def quiet_worker() -> None:
    """A worker's first step: Ctrl-C (SIGINT, sent to the whole process group) is left to the
    build's process, which stops and ends its workers; a worker would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def can_fork() -> bool:
    """Whether worker processes may be forked here: the platform forks, and no other thread runs
    (mkdocs serve's server thread may hold a lock a forked child would then wait on for ever)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def check_files(paths: list[Path], work: Against) -> list[FileCheck]:
    """Every file's result, in the order of ``paths``; each kept for the next build. Each file is
    read once, here; only the files whose key is not kept go through the rulebook."""
    global _work
    read = [_read(path, work) for path in paths]
    results = [
        FileCheck(tuple(problems), None, (), False) if key is None else _kept.get(key)
        for key, _text, _shown, problems in read
    ]
    todo = [i for i, result in enumerate(results) if result is None]
    workers = jobs()
    if workers > 1 and can_fork() and len(todo) >= PARALLEL_FROM:
        _work = work
        try:
            with ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork"), initializer=quiet_worker
            ) as pool:
                items = [(paths[i], read[i][2], read[i][1]) for i in todo]
                checked = list(pool.map(_check_in_worker, items, chunksize=max(1, len(items) // (workers * 8))))
        finally:
            _work = None
    else:
        checked = [_check_text(paths[i], read[i][2], read[i][1], work) for i in todo]
    for i, result in zip(todo, checked):
        results[i] = result
    _kept.clear()  # only this build's files: a file saved many times under serve is kept once
    _kept.update((key, result) for (key, *_), result in zip(read, results) if key is not None)
    return results
