"""Compiled Jinja templates, kept for the life of the process.

static-i18n runs a whole MkDocs build per language, each with a new theme environment, and the
renderer makes one environment per language; ``mkdocs serve`` then rebuilds every language on each
save. Without a shared cache every one of those environments parses and compiles every template
again. Jinja checks each cached entry against a checksum of the template's source, so an edited
template is compiled afresh.
"""

from __future__ import annotations

import os
import sysconfig
from functools import lru_cache

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory: one compiled module per template source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


COMPILED = CompiledTemplates()  # shared by the renderer's environments and the theme's (hooks/templates.py)


class ThemeLoader(jinja2.FileSystemLoader):
    """A theme's file loader whose listing of an installed theme (a folder under the Python
    installation's packages) is made once per process: such a folder does not change while it
    runs, and Material's holds thousands of icons. Folders outside it (the project's overrides/)
    are listed afresh each time. Names under a folder or file whose name starts with a dot
    (Material's .icons/) are left out of listings: MkDocs copies none of them. Loading a template
    by name is unchanged."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            found.update(_installed_listing(folder) if _installed(folder) else _listing(folder))
        return sorted(found)


def _installed(folder: str) -> bool:
    places = {os.path.realpath(sysconfig.get_paths()[key]) for key in ("purelib", "platlib")}
    real = os.path.realpath(folder)
    return any(real == place or real.startswith(place + os.sep) for place in places)


def _listing(folder: str) -> tuple[str, ...]:
    names = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        inner = os.path.relpath(dirpath, folder)
        prefix = "" if inner == "." else inner.replace(os.sep, "/") + "/"
        names += [prefix + name for name in filenames if not name.startswith(".")]
    return tuple(names)


_installed_listing = lru_cache(maxsize=None)(_listing)
