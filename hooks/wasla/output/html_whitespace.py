"""Whitespace collapsed in built pages: every byte counts on the first round trip.

Text inside ``pre``, ``textarea``, ``script`` and ``style`` is kept as it is.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)


# a run of whitespace holding a line break, in text: the next angle bracket after it opens a tag
# (or there is none), so the run is not inside a tag, between its attributes or in their values
# (possessive: the look-ahead gives the same answer from anywhere in a run, so a run that fails is
# not tried again shorter)
_RUN = re.compile(r"[ \t\r]*+\n\s*+(?=[^<>]*+(?:<|\Z))")


def collapse_whitespace(html: str) -> str:
    """The page with each run of whitespace that holds a line break, in text between tags, made
    one line break: what the browser shows is the same (a run is shown as one space, or nothing
    between blocks). <pre>, <textarea>, <script> and <style> are left as they are; attribute
    values are never touched."""
    parts = _KEEP.split(html)
    out = []
    i = 0
    while i < len(parts):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
        i += 3
    return "".join(out)
