"""The interface strings: one table per language in ``hooks/wasla/strings/<lang>.yml``.

Read with the same strict YAML reader as the data. English fills any key another language
lacks, and every key of a registered language whose table is not written yet (a test keeps the
tables equal, so that happens only while a translation is in progress).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .yamlload import loads, plain

TABLES = Path(__file__).resolve().parent.parent / "strings"


@cache
def strings(lang: str) -> dict[str, str]:
    """The UI string table for a language; English fills any key it lacks."""
    path = TABLES / f"{lang}.yml"
    table = plain(loads(path.read_text(encoding="utf-8"))) if path.is_file() or lang == "en" else {}
    if lang != "en":
        table = {**strings("en"), **table}
    return table


@cache
def written_keys(lang: str) -> frozenset[str]:
    """The keys a language's own table has (English not filled in): what its translator wrote."""
    path = TABLES / f"{lang}.yml"
    return frozenset(plain(loads(path.read_text(encoding="utf-8")))) if path.is_file() else frozenset()
