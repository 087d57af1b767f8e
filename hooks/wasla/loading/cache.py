"""The dataset, loaded once per build rather than once per language build.

static-i18n runs a whole MkDocs build per language. The first language build of each build loads
the data (``fresh=True``): every file is read again, and each resource file's check is reused only
when its text and everything it is checked against are unchanged (resource_checks.py). The other
languages of the same build take that dataset while no data file has changed since (path, size,
modification time: they follow within seconds, in the same process).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.model import Dataset
from .dataset import load

_cache: dict[str, tuple[tuple, Dataset]] = {}


def fingerprint(data_dir: Path) -> tuple:
    stats = []
    for root, _dirs, names in os.walk(data_dir):
        for name in names:
            st = os.stat(os.path.join(root, name))
            stats.append((root, name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(stats))


def dataset(data_dir: str | os.PathLike, today=None, *, fresh: bool = False) -> Dataset:
    """The validated dataset; raises DataError (with every problem) when the data has errors."""
    data_dir = Path(data_dir).resolve()
    key = str(data_dir)
    fp = fingerprint(data_dir)
    hit = _cache.get(key)
    if hit and hit[0] == fp and not fresh:
        return hit[1]
    _cache.pop(key, None)
    loaded, problems = load(data_dir, today=today)
    loaded.problems = problems
    _cache[key] = (fp, loaded)
    return loaded
