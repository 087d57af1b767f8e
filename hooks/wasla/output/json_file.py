"""The open-data JSON files' layout: one line per record.

A record per line keeps a file readable and its changes easy to compare, and lets Python's C
encoder write it: ``json.dumps(indent=…)`` runs the pure-Python encoder, many times slower on
tens of thousands of records.
"""

from __future__ import annotations

import json


def _line(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _block(value) -> str:
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(_line(item) for item in value) + "\n]"
    return _line(value)


def json_file(value: dict | list) -> str:
    """A list as one record per line; a dict as one key per line, its lists a record per line."""
    if isinstance(value, dict):
        return "{\n" + ",\n".join(f"{_line(key)}: {_block(item)}" for key, item in value.items()) + "\n}\n"
    return _block(value) + "\n"
