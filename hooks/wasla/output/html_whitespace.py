"""Whitespace collapsed in built pages: every byte counts on the first round trip.

Text inside ``pre``, ``textarea``, ``script`` and ``style`` is kept as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)


_TEXT = re.compile(r"(?:(?<=>)|\A)([^<>]+)(?=<|\Z)")


_RUN = re.compile(r"[ \t\r]*\n\s*")


def collapse_whitespace(html: str) -> str:
    """The page with each run of whitespace that holds a line break, in text between tags, made
    one line break: what the browser shows is the same (a run is shown as one space, or nothing
    between blocks). <pre>, <textarea>, <script> and <style> are left as they are; attribute
    values are never touched."""
    parts = _KEEP.split(html)
    out = []
    i = 0
    while i < len(parts):
        out.append(_TEXT.sub(lambda m: _RUN.sub("\n", m.group(1)), parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
        i += 3
    return "".join(out)
