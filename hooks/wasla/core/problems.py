"""Problems found in data files, and how they are printed.

Every problem prints as one line a contributor can act on::

    data/resources/lb/x.yml:12:5: contacts[0].value: not a valid phone number for lb; expected …; got '12'

Under GitHub Actions each one is also printed as a workflow annotation.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    where: str  # the field, e.g. "contacts[0].value"; "" for the whole file
    message: str  # what is wrong; expected …; got …
    level: str = ERROR
    rule: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        prefix = "" if self.level == ERROR else "warning: "
        line = printable(f"{self.path}:{self.line}:{self.col}:{where} {prefix}{self.message}")
        return "./" + line if line.startswith("::") else line  # a path cannot pose as a workflow command

    def annotation(self) -> str:
        """The GitHub Actions workflow command for this problem, escaped by GitHub's rules: data
        (the message) %, CR, LF; properties (the file) also ':' and ','."""
        text = printable((f"{self.where}: " if self.where else "") + self.message)
        kind = "error" if self.level == ERROR else "warning"
        return f"::{kind} file={escape_property(printable(self.path))},line={self.line},col={self.col}::{escape_data(text)}"


def printable(text: str) -> str:
    """Control, format (bidi) and line-separator characters as visible escapes (\\x1b, \\u202e): a file
    name or value cannot colour a terminal, reorder a line or start a new one."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        else:  # Cc, Cf, Zl, Zp, Zs other than space, Co, Cs, Cn
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised once, after every file was read, when any error was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = sum(1 for p in problems if p.level == ERROR)
        super().__init__(f"{errors} data error{'s' if errors != 1 else ''}: the site was not built")


def display_path(path: str) -> str:
    """The path as a contributor sees it: relative to the current folder when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def report(problems: list[Problem], stream, *, annotations: bool | None = None) -> None:
    """Print every problem, errors first, in file/line order."""
    if annotations is None:
        annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    for p in sorted(problems, key=lambda p: (p.level != ERROR, p.path, p.line, p.col)):
        print(str(p), file=stream)
        if annotations:
            print(p.annotation(), file=stream)


def did_you_mean(value, valid, cutoff: float = 0.6) -> str | None:
    """The closest valid word to a misspelt one, or None."""
    if not isinstance(value, str):
        return None
    close = difflib.get_close_matches(value, list(valid), n=1, cutoff=cutoff)
    return close[0] if close else None
