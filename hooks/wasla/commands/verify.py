"""``make verify``: a curator records that they checked an entry.

    make verify ENTRY=lb/helem METHOD=phone [CHANGED="new opening hours"]

writes ``last_verified`` (today, or WASLA_TODAY) and ``verified_by`` into the entry's file in
place, appends what changed to ``curator_notes`` (never published), then runs the check on that
file.  Run from a terminal without arguments, it asks.

The file is edited with ruamel.yaml's round-trip mode, which keeps comments, key order, quoting
and layout.  Nothing is written until the new text has passed two guards: compared with the old
line by line, only those three fields change; checked in memory by the rulebook, it has no error
the old text did not have (what CHANGED adds goes through the text rules, as everything in the
file does). A refused run leaves the file byte for byte as it was.

The values arrive as arguments or in the environment (ENTRY, METHOD, CHANGED), never through
make's expansion: the Makefile passes them on unexpanded, so '$(shell …)' or '$5' in CHANGED is
text like any other.

"verified" means one thing here: a curator (a maintainer with write access to the repository)
has checked the entry's contact details against the organisation itself, by the method named,
on that date.  A contributor never sets it; reading an aggregator is not a verification.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..core.problems import ERROR, did_you_mean, display_path, printable, report
from ..core.yamlload import YamlError, loads
from ..loading.dataset import load, load_kinds, load_short_codes
from ..loading.files import read_text
from ..rules.resource import FIELDS, VERIFIED_BY, check_resource
from ..rules.text import text_problems

ENTRY_RE = re.compile(r"^([a-z]{2}|international)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
CHANGED_FIELDS = ("last_verified", "verified_by", "curator_notes")


class VerifyError(Exception):
    """A curator's mistake: said in one line, no traceback."""


def entry_path(data_dir: Path, entry: str) -> Path:
    """'lb/helem' (or a path to the file) -> data/resources/lb/helem.yml, which must exist."""
    text = entry.strip().removesuffix(".yml")
    if "/resources/" in f"/{text}":
        text = text.split("resources/", 1)[1]
    if not ENTRY_RE.match(text):
        raise VerifyError(f"entry: not an entry name; expected <country>/<slug>, like 'lb/helem'; got '{entry}'")
    path = data_dir / "resources" / f"{text}.yml"
    if not path.is_file():
        entries = [
            p.relative_to(data_dir / "resources").with_suffix("").as_posix()
            for p in (data_dir / "resources").glob("*/*.yml")
        ]
        close = did_you_mean(text, entries)
        hint = f" (did you mean '{close}'?)" if close else ""
        raise VerifyError(f"entry: no such entry{hint}; expected a file {display_path(str(path))}; got '{entry}'")
    return path


def _yaml():

    yaml = YAML()  # round-trip: comments, order and quotes are kept
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def record(text: str, today: dt.date, method: str, changed: str | None) -> str:
    """The file's text with the verification recorded; raises VerifyError if the layout would change."""

    yaml = _yaml()
    try:
        doc = yaml.load(text)
    except YAMLError as exc:
        raise VerifyError(f"the file is not valid YAML; run 'make check' first ({str(exc).splitlines()[0]})") from None
    if not isinstance(doc, dict):
        raise VerifyError("the file is not a mapping of fields; run 'make check' first")
    order = list(FIELDS)
    for key, value in (("last_verified", today), ("verified_by", method)):
        if key in doc:
            doc[key] = value
        else:  # where the rulebook's order puts it: before the first later field present
            later = [k for k in order[order.index(key) + 1 :] if k in doc]
            doc.insert(list(doc).index(later[0]) if later else len(doc), key, value)
    if changed:
        note = f"{today.isoformat()} ({method}): {changed.strip()}"
        old = doc.get("curator_notes")
        value = f"{old} | {note}" if old else note
        if "curator_notes" in doc:
            doc["curator_notes"] = (
                type(old)(value) if isinstance(old, str) and type(old) is not str else value
            )  # keep its quoting
        else:
            doc["curator_notes"] = value
    out = io.StringIO()
    yaml.dump(doc, out)
    new = out.getvalue()
    unexpected = [
        line
        for line in difflib.ndiff(text.splitlines(), new.splitlines())
        if line[:2] in ("- ", "+ ") and not line[2:].startswith(tuple(f"{k}:" for k in CHANGED_FIELDS))
    ]
    if unexpected:
        raise VerifyError(
            f"not written: recording the verification would also change {unexpected[0][2:].strip()!r}; "
            "edit last_verified and verified_by by hand"
        )
    return new


def changed_problem(changed: str | None) -> str | None:
    """What CHANGED may not hold (it is appended to curator_notes, in a public repository)."""
    if not changed:
        return None
    if "\n" in changed.strip():
        return f"changed: has a line break; expected one line; got {printable(repr(changed))}"
    for message, _rule in text_problems(changed.strip(), "curator_notes", False):
        return f"changed: {message}"
    return None


def new_errors(path: Path, data_dir: Path, old: str, new: str, today: dt.date) -> list[str]:
    """The errors the rulebook finds in ``new`` and not in ``old`` (the same file before), as printed."""
    kinds = load_kinds(data_dir, [])
    codes = load_short_codes(data_dir, today, [])
    shown = display_path(str(path))

    def errors(text: str) -> dict[tuple, str]:
        try:
            data = loads(text)
        except YamlError as exc:
            return {("yaml", exc.message): f"{shown}:{exc.pos.line}:{exc.pos.col}: {exc.message}"}
        _, found = check_resource(shown, path.parent.name, path.stem, data, kinds, codes, today)
        return {(p.where, p.rule, p.message): str(p) for p in found if p.level == ERROR}

    before = errors(old)
    return [line for key, line in errors(new).items() if key not in before]


def ask(prompt: str, check) -> str:
    while True:
        try:
            value = input(f"{prompt}: ").strip()
        except EOFError:
            raise VerifyError(f"{prompt}: no answer") from None
        problem = check(value)
        if problem is None:
            return value
        print(f"  {problem}", file=sys.stderr)


def verify(data_dir: str, entry: str | None, method: str | None, changed: str | None, today: dt.date) -> int:

    data = Path(data_dir)
    interactive = sys.stdin.isatty() and entry is None
    try:
        if entry is None:
            if not interactive:
                raise VerifyError(
                    "entry: none given; expected make verify ENTRY=<country>/<slug> METHOD=<method>, like ENTRY=lb/helem METHOD=phone"
                )
            entry = ask("Entry (country/slug, like lb/helem)", lambda v: _problem(lambda: entry_path(data, v)))
        path = entry_path(data, entry)
        if method is None and interactive:
            method = ask(
                f"How did you check it? ({', '.join(VERIFIED_BY)})",
                lambda v: None if v in VERIFIED_BY else f"'{v}' is not one of: {', '.join(VERIFIED_BY)}",
            )
            changed = input("What changed (empty: nothing): ").strip() or None
        if method not in VERIFIED_BY:
            raise VerifyError(
                f"method: unknown method; expected one of: {', '.join(VERIFIED_BY)}; got {printable(repr(method or ''))}"
            )
        problem = changed_problem(changed)
        if problem:
            raise VerifyError(problem)
        unread: list = []
        text, _ = read_text(path, unread)  # the safe reader: never through a link, UTF-8 or refused
        if text is None:
            raise VerifyError(f"{unread[0].path}: {unread[0].message}")
        new = record(text, today, method, changed)
        introduced = new_errors(path, data, text, new, today)
        if introduced:
            raise VerifyError("not written: the file would then fail the check:\n  " + "\n  ".join(introduced))
    except VerifyError as exc:
        first, *rest = str(exc).split("\n")
        for line in [f"make verify: {first}", *rest]:
            print(printable(line), file=sys.stderr)  # a value's control or bidi character, escaped
        return 2
    write_in_place(path, new)
    print(
        printable(
            f"{display_path(str(path))}: last_verified: {today.isoformat()}, verified_by: {method}"
            + (f"; noted: {changed.strip()}" if changed else "")
        )
    )
    _, problems = load(data, raise_on_error=False, today=today)
    mine = [p for p in problems if Path(p.path).resolve() == path.resolve() or p.path == display_path(str(path))]
    report(mine, sys.stdout)
    errors = sum(1 for p in mine if p.level == ERROR)
    print(
        f"check: {errors} error{'s' * (errors != 1)} in this file"
        + ("; fix them, then run make check" if errors else "")
    )
    return 1 if errors else 0


def write_in_place(path: Path, text: str) -> None:
    """Replace the file in one step: a new file of our own beside it (never an existing name, never
    through a link someone left there), then one rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, os.stat(path).st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _problem(fn) -> str | None:
    try:
        fn()
    except VerifyError as exc:
        return str(exc)
    return None
