"""``make verify``: a curator records that they checked an entry.

    make verify ENTRY=lb/helem METHOD=phone [CHANGED="new opening hours"]

writes ``last_verified`` (today, or WASLA_TODAY) and ``verified_by`` into the entry's file in
place, appends what changed to ``curator_notes`` (never published), then runs the check on that
file.  Run from a terminal without arguments, it asks.

The file is edited with ruamel.yaml's round-trip mode, which keeps comments, key order, quoting
and layout.  As a guard, the new text is compared with the old line by line: if anything other
than those three fields would change, nothing is written and the curator is told why.

"verified" means one thing here: a curator (a maintainer with write access to the repository)
has checked the entry's contact details against the organisation itself, by the method named,
on that date.  A contributor never sets it; reading an aggregator is not a verification.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..core.problems import ERROR, did_you_mean, display_path, report
from ..loading.dataset import load
from ..rules.resource import FIELDS, VERIFIED_BY

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
                f"method: unknown method; expected one of: {', '.join(VERIFIED_BY)}; got '{method or ''}'"
            )
        text = path.read_text(encoding="utf-8")
        new = record(text, today, method, changed)
    except VerifyError as exc:
        print(f"make verify: {exc}", file=sys.stderr)
        return 2
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(path)
    print(
        f"{display_path(str(path))}: last_verified: {today.isoformat()}, verified_by: {method}"
        + (f"; noted: {changed.strip()}" if changed else "")
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


def _problem(fn) -> str | None:
    try:
        fn()
    except VerifyError as exc:
        return str(exc)
    return None
