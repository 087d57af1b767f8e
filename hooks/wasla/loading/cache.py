"""Load the dataset once per change of the data, not once per language build.

static-i18n runs a full MkDocs build per language and ``mkdocs serve`` keeps
hook modules loaded between rebuilds, so the dataset is cached against a
fingerprint of every data file (path, size, mtime).
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


def dataset(data_dir: str | os.PathLike, today=None) -> Dataset:
    """The validated dataset; raises DataError (with every problem) when the data has errors."""
    data_dir = Path(data_dir).resolve()
    key = str(data_dir)
    fp = fingerprint(data_dir)
    hit = _cache.get(key)
    if hit and hit[0] == fp:
        return hit[1]
    loaded, problems = load(data_dir, today=today)
    loaded.problems = problems
    _cache[key] = (fp, loaded)
    return loaded
