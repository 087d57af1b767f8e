"""Reading data files safely: plain files only, bounded, UTF-8, through the strict YAML reader.

The one reader of every data-like file the build reads: the files under data/ and the engine's
own (string tables, glossary, crisis words, outing terms: ``engine_files.py``).

- ``read_text``   a plain file, at most MAX_FILE_BYTES, UTF-8 (a leading BOM dropped): the text,
                  or None and a problem at path:line:col (the line of a byte that is not UTF-8).
- ``read_yaml``   ``read_text``, then the strict YAML reader (core/yamlload.py).
- ``read_lines``  ``read_text``, then one ``Str`` per line with its position (a word list).

A link is never followed (it could read any file), a FIFO never blocks the check, a folder or a
device is reported; every file that is not read is reported with why.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..core.problems import Problem, display_path
from ..core.yamlload import Pos, Str, YamlError, loads

MAX_FILE_BYTES = 100_000  # a resource file is a few KB; the largest shipped one is under 3 KB


def not_plain_file(path: Path) -> str | None:
    """Why a path is not read: only plain files are, never a link (followed, it could read any file), a folder,
    a FIFO (reading it would hang the check) or a device."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot be read ({exc.strerror}); expected a plain file"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link, which is never followed; expected a plain file (copy the file here instead)"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder; expected a plain file"
    if not stat.S_ISREG(st.st_mode):
        return "is not a plain file (a pipe, socket or device); expected a plain file"
    if st.st_size > MAX_FILE_BYTES:
        return (
            f"is too large; expected at most {MAX_FILE_BYTES:,} bytes (one resource per file); got {st.st_size:,} bytes"
        )
    return None


def _read_plain(path: Path) -> bytes:
    """Read a plain file without following a link, never blocking on a FIFO swapped in after the check."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a plain file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)


def read_text(path: Path, problems: list[Problem]) -> tuple[str | None, str]:
    """(the file's text, its path as shown); (None, path) after reporting why it was not read."""
    shown = display_path(str(path))
    why = not_plain_file(path)
    if why is None:
        try:
            raw = _read_plain(path)
            why = (
                None
                if len(raw) <= MAX_FILE_BYTES
                else f"is too large; expected at most {MAX_FILE_BYTES:,} bytes; got more"
            )
        except OSError as exc:
            why = f"cannot be read ({exc.strerror or exc}); expected a plain file"
    if why:
        problems.append(Problem(shown, 1, 1, "", why, rule="plain_file"))
        return None, shown
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                shown,
                line,
                col,
                "",
                f"the file is not UTF-8 text; expected UTF-8 (save it again as UTF-8); got a byte 0x{exc.object[exc.start]:02x}",
                rule="file_is_utf8",
            )
        )
        return None, shown
    return text.removeprefix("\ufeff"), shown


def read_yaml(path: Path, problems: list[Problem]):
    """(the file's tree of Map/Seq/Str, its path as shown); None after reporting why it was not read."""
    text, shown = read_text(path, problems)
    if text is None:
        return None, shown
    return parse_yaml(text, shown, problems), shown


def parse_yaml(text: str, shown: str, problems: list[Problem]):
    """The tree of a file's text (read_text); None after reporting where its YAML is broken
    (None also for an empty file, which reports nothing)."""
    try:
        return loads(text)
    except YamlError as exc:
        problems.append(Problem(shown, exc.pos.line, exc.pos.col, "", exc.message, rule="yaml"))
        return None


def read_lines(path: Path, problems: list[Problem]) -> tuple[list[Str] | None, str]:
    """(each line of a text file as a Str with its position, its path as shown); None when not read."""
    text, shown = read_text(path, problems)
    if text is None:
        return None, shown
    return [Str(line.removesuffix("\r"), Pos(n, 1)) for n, line in enumerate(text.split("\n"), 1)], shown


def resource_files(data_dir: Path) -> list[Path]:
    """data/resources/<cc>/<slug>.yml, found without following links (os.scandir, two levels only)."""
    root = data_dir / "resources"
    found = []
    for folder in entries(root):
        if folder.is_dir(follow_symlinks=False):
            found += [Path(e.path) for e in entries(Path(folder.path)) if e.name.endswith(".yml")]
    return sorted(found)


def entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return []


def stray_paths(data_dir: Path) -> list[tuple[Path, str]]:
    """Everything under data/resources/ that is not read as a resource, with why."""
    root = data_dir / "resources"
    out = []
    for folder in entries(root):
        path = Path(folder.path)
        if folder.is_symlink():
            out.append((path, "is a symbolic link, which is never followed; expected a country folder"))
        elif not folder.is_dir(follow_symlinks=False):
            if not folder.name.startswith("."):
                out.append((path, "location"))
            continue
        else:
            for entry in entries(path):
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False) and not entry.name.endswith(".yml"):
                    out.append(
                        (Path(entry.path), "is a folder inside a country folder; expected only <slug>.yml files here")
                    )
                elif not entry.name.endswith(".yml"):
                    out.append((Path(entry.path), "location"))
    return out
