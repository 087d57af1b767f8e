"""Compiled Jinja templates, kept for the life of the process.

static-i18n runs a whole MkDocs build per language, each with a new theme environment, and the
renderer makes one environment per language; ``mkdocs serve`` then rebuilds every language on each
save. Without a shared cache every one of those environments parses and compiles every template
again. Jinja checks each cached entry against a checksum of the template's source, so an edited
template is compiled afresh.
"""

from __future__ import annotations

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
