"""The engine's own data-like files, held to the rules the data is held to.

The build reads more than data/: the string tables (``strings/<lang>.yml``), the glossary
(``strings/glossary.yml``) and the outing terms
(``outing-terms.txt``). A contributor edits them as they edit data, so each goes through the same
safe reader (``files.py``: plain file, bounded, UTF-8) and the same text rule (``text_is_plain``:
no control, bidi or line-separator character, a length per field) before anything uses them;
a problem is a ``path:line:col`` line and a failed check, never a traceback at build time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..core.problems import Problem
from ..core.yamlload import Pos
from ..rules.check import Check, got, pos_of
from ..rules.text import text_is_plain, text_problems
from .files import read_lines, read_yaml

ENGINE = Path(__file__).resolve().parent.parent  # hooks/wasla
WORD_LISTS = ("outing-terms.txt",)  # one word or phrase a line; '#' starts a comment
WORD_MAX = 100  # characters in one line of a word list


_kept: dict[tuple[str, str], tuple[Problem, ...]] = {}  # (root, digest of its files) -> problems


def check_engine_files(root: Path = ENGINE) -> list[Problem]:
    """Every data-like file of the engine under ``root``: its problems (none: the build may read
    them). Files checked before in this process with the same bytes (mkdocs serve) are not
    checked again."""
    digest = hashlib.sha256()
    try:
        for path in sorted((root / "strings").glob("*.yml")) + [root / name for name in WORD_LISTS]:
            digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    except OSError:  # a missing or unreadable file: the check says which, and how to fix it
        return _check(root)
    key = (str(root), digest.hexdigest())
    if key not in _kept:
        _kept[key] = tuple(_check(root))
    return list(_kept[key])


def _check(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted((root / "strings").glob("*.yml")):
        data, shown = read_yaml(path, problems)
        if data is None:
            continue
        c = Check(shown)
        table_is_texts(c, data, glossary=path.name == "glossary.yml")
        text_is_plain(c, data, free=frozenset(), links=())
        problems.extend(c.problems)
    for name in WORD_LISTS:
        lines, shown = read_lines(root / name, problems)
        c = Check(shown)
        for line in lines or []:
            for message, rule in text_problems(line, "word", False, {"word": WORD_MAX}):
                c.error(line.pos, "", message, rule)
        problems.extend(c.problems)
    return problems


def table_is_texts(c: Check, data, glossary: bool) -> None:
    """A string table maps each key to its text; the glossary each term to {en, ar, note}, where 'ar'
    may list several accepted forms."""
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None) or Pos(1, 1),
            "",
            f"must be a mapping of keys to texts; expected 'key: text' lines; got {got(data) if data is not None else 'an empty file'}",
            "strings_file",
        )
        return
    for key, value in data.items():
        texts = value.values() if glossary and isinstance(value, dict) else [value]
        for text in texts:
            for item in text if glossary and isinstance(text, list) else [text]:
                if not isinstance(item, str):
                    c.error(
                        pos_of(item, data, key),
                        str(key),
                        f"must be text; expected text on the same line; got {got(item)}",
                        "strings_file",
                    )
