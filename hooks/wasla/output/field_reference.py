"""The field reference in CONTRIBUTING.md and CONTRIBUTING.ar.md, written from the JSON schemas.

The schemas in data/schema/ are the one source of what each field of a resource file or a law
file means. The field tables of the two guides are generated from them, each between a pair of
markers, and everything outside the markers is hand-written:

    <!-- fields:contacts:start -->
    (generated: do not edit, edit the schema)
    <!-- fields:contacts:end -->

What the schemas carry for this (JSON Schema 2020-12 ignores keywords it does not know):

- ``"x-table": "contacts"`` on an object schema: its properties are the rows of the table named
  ``contacts``. Objects that share a name (the law file's root and its items) share one table.
  Every other object with properties must be a text in both languages (only ``en`` and ``ar``).
- ``title`` and ``description`` on each property, in English, and the Arabic in
  ``"x-ar": {"title": …, "description": …}``. A trailing "(required)"/"(optional)" on a title,
  there for editors' hovers, is left out of the table: the table's own column says it, from the
  object's ``required``.
- ``enum`` (on the property or its items) is listed after the description, unless the
  description already names every value in backticks; ``default`` follows it.
- The first of ``examples`` is the example column, written as YAML in flow style.

``make fields`` (``python -m wasla fields``) rewrites the tables that are out of date; ``--check``
only names them (exit 1). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..core.languages import codes

# The guides, each with the language of its tables
DOCS = {"CONTRIBUTING.md": "en", "CONTRIBUTING.ar.md": "ar"}
SCHEMA_DIR = Path("data") / "schema"
SCHEMA_GLOB = "*.schema.json"
TEXT_KEYS = frozenset(codes())  # an object with only these properties is a text, not a table

WORDS = {
    "en": {
        "head": "| field | | rules | example |",
        "required": "(required)",
        "optional": "(optional)",
        "values": "Values: ",
        "default": "Default: ",
        "comma": ", ",
    },
    "ar": {
        "head": "| الحقل | | القواعد | مثال |",
        "required": "(مطلوب)",
        "optional": "(اختياري)",
        "values": "القيم: ",
        "default": "الافتراضي: ",
        "comma": "، ",
    },
}

MARKER = re.compile(r"<!-- fields:([a-z0-9_-]+):(start|end) -->")


def _repo_root() -> Path:
    """The repository this file lives in: the nearest folder above it with data/schema/."""
    here = Path(__file__).resolve()
    return next((p for p in here.parents if (p / SCHEMA_DIR).is_dir()), Path.cwd())


COMMAND = "make fields"  # what a contributor types, from the repository's root


# -- the schema: which objects make which table -------------------------------------------


def _field(path: tuple[str, ...]) -> str:
    """('contacts', '[]', 'police') -> 'contacts[].police'."""
    out = ""
    for step in path:
        out += "[]" if step == "[]" else (f".{step}" if out else step)
    return out


def _objects(node, path: tuple[str, ...] = ()):
    """Every object schema with properties, as (path, schema), in document order; $defs left out."""
    if not isinstance(node, dict):
        return
    if "properties" in node:
        yield path, node
    for key, value in node.items():
        if key == "properties":
            for name, sub in value.items():
                yield from _objects(sub, (*path, name))
        elif key == "items":
            yield from _objects(value, (*path, "[]"))
        elif key in ("oneOf", "anyOf", "allOf"):
            for sub in value:
                yield from _objects(sub, path)


# -- one table ---------------------------------------------------------------------------

_NUMBER = re.compile(r"^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^[-+]?\.(inf|nan)$|^0[xo]", re.IGNORECASE)
_WORD = re.compile(r"^(y|n|yes|no|true|false|on|off|null|~)$", re.IGNORECASE)
_SYNTAX = re.compile(r"^$|^\s|\s$|^[-+?:,\[\]{}#&*!|>'\"%@`]|[,\[\]{}]|:\s|:$|\s#")


def _scalar(value) -> str:
    """A scalar as YAML in a flow collection. Quoted when a YAML reader would take it for a number,
    a boolean or nothing, when the syntax needs it, and, as the guide's template does, when it is a
    phone number with its "+" or holds a time ("09:00")."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if _NUMBER.search(text) or _WORD.match(text) or _SYNTAX.search(text) or re.search(r"\d:\d", text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _flow(value) -> str:
    """Any example value as YAML in flow style: {en: Beirut, ar: بيروت}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _code(text: str) -> str:
    """Inline code, with a fence longer than any run of backticks inside."""
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _unmarked(title: str, words: dict[str, str]) -> str:
    for mark in (words["required"], words["optional"]):
        if title.endswith(mark):
            return title[: -len(mark)].rstrip()
    return title


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ":", "؟")) else f"{text}."


def _where(lang: str) -> str:
    return "title and description" if lang == "en" else '"x-ar": {"title", "description"}'


def _row(field: str, key: str, spec: dict, required: bool, lang: str) -> str:
    words = WORDS[lang]
    text = spec if lang == "en" else spec.get("x-ar", {})
    title, description = text.get("title"), text.get("description")
    if not title or not description:
        raise ValueError(f"{field}: no {lang} title or description (the schema's {_where(lang)})")
    rules = f"**{_sentence(_unmarked(title, words))}** {description}"
    values = spec.get("enum") or spec.get("items", {}).get("enum")
    if values and not all(f"`{v}`" in description for v in values):
        rules += " " + words["values"] + words["comma"].join(_code(str(v)) for v in values) + "."
    if "default" in spec:
        rules += f" {words['default']}{_code(str(spec['default']))}."
    example = _code(f"{key}: {_flow(spec['examples'][0])}") if spec.get("examples") else ""
    mark = words["required"] if required else words["optional"]
    cells = [_code(field), mark, rules, example]
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def tables(schema_dir: Path | str, lang: str) -> dict[str, str]:
    """Marker name -> the Markdown table in `lang` ("en" or "ar"), from every *.schema.json.

    Raises ValueError for an object with properties that is neither a table nor a text, and for a
    property without a title or description in `lang`."""
    rows: dict[str, list[str]] = {}
    for path in sorted(Path(schema_dir).glob(SCHEMA_GLOB)):
        schema = json.loads(path.read_text(encoding="utf-8"))
        for where, obj in _objects(schema):
            name = obj.get("x-table")
            if name is None:
                if set(obj["properties"]) <= TEXT_KEYS:
                    continue
                raise ValueError(f"{path.name}: {_field(where) or 'the root'} has fields but no x-table")
            required = set(obj.get("required", ()))
            rows.setdefault(name, []).extend(
                _row(_field((*where, key)), key, spec, key in required, lang) for key, spec in obj["properties"].items()
            )
    return {
        name: "\n".join([WORDS[lang]["head"], "| --- | --- | --- | --- |", *lines]) + "\n"
        for name, lines in rows.items()
    }


# -- the guides ----------------------------------------------------------------------------


def _start(name: str) -> str:
    return f"<!-- fields:{name}:start -->"


def _end(name: str) -> str:
    return f"<!-- fields:{name}:end -->"


def _blocks(text: str) -> dict[str, str]:
    """Marker name -> what stands between its markers now. Raises ValueError on markers that are
    unpaired, repeated or nested."""
    found: dict[str, str] = {}
    open_name, open_at = None, 0
    for m in MARKER.finditer(text):
        name, side = m.groups()
        if side == "start":
            if open_name is not None:
                raise ValueError(f"{_start(name)} inside fields:{open_name}, which is not closed")
            if name in found:
                raise ValueError(f"{_start(name)} appears twice")
            open_name, open_at = name, m.end()
        else:
            if open_name != name:
                raise ValueError(f"{_end(name)} without its {_start(name)} before it")
            found[name] = text[open_at : m.start()]
            open_name = None
    if open_name is not None:
        raise ValueError(f"{_start(open_name)} without its {_end(open_name)}")
    return found


def _between(table: str) -> str:
    """What stands between a pair of markers: the table, with a blank line on each side so that
    every Markdown reader ends the table before the end marker."""
    return f"\n\n{table}\n"


def render(text: str, tables: dict[str, str]) -> str:
    """`text` with each table put between its markers. Markers of a table that `tables` does not
    have are an error (ValueError); a table without markers in `text` is left out."""
    blocks = _blocks(text)
    unknown = sorted(set(blocks) - set(tables))
    if unknown:
        raise ValueError(f"no table named {', '.join(unknown)} in the schemas (known: {', '.join(tables)})")
    for name in blocks:
        pattern = re.compile(re.escape(_start(name)) + ".*?" + re.escape(_end(name)), re.DOTALL)
        block = _start(name) + _between(tables[name]) + _end(name)
        text = pattern.sub(lambda _m, block=block: block, text, count=1)
    return text


def _report(repo_root: Path | str) -> tuple[list[str], list[str], dict[str, tuple[str, str]]]:
    """(tables out of date, tables without markers, guide -> (its text now, its text as it should be)).
    Entries read "CONTRIBUTING.md: fields:contacts", guide by guide, in the order of the guide."""
    root = Path(repo_root)
    out_of_date, missing, texts = [], [], {}
    for doc, lang in DOCS.items():
        text = (root / doc).read_text(encoding="utf-8")
        want = tables(root / SCHEMA_DIR, lang)
        have = _blocks(text)
        out_of_date += [f"{doc}: fields:{name}" for name, now in have.items() if now != _between(want.get(name, ""))]
        missing += [f"{doc}: fields:{name}" for name in want if name not in have]
        texts[doc] = (text, render(text, want))
    return out_of_date, missing, texts


def stale(repo_root: Path | str) -> list[str]:
    """The tables out of date, as "CONTRIBUTING.md: fields:contacts", guide by guide, in the order of
    the guide; then the tables a guide has no markers for, as "CONTRIBUTING.md: fields:x (no markers)".
    Raises ValueError on broken markers or on markers of a table the schemas do not have."""
    out_of_date, missing, _ = _report(repo_root)
    return out_of_date + [f"{entry} (no markers)" for entry in missing]


def write(repo_root: Path | str) -> list[str]:
    """Rewrite the tables that are out of date and return them, as stale() names them. Raises
    ValueError, and writes nothing, when a guide has no markers for a table: where it goes is for a
    person to decide."""
    out_of_date, missing, texts = _report(repo_root)
    if missing:
        raise ValueError("; ".join(f"{entry}: no markers ({_pair(entry)})" for entry in missing))
    for doc, (now, new) in texts.items():
        if new != now:
            (Path(repo_root) / doc).write_text(new, encoding="utf-8")
    return out_of_date


def _pair(entry: str) -> str:
    name = entry.rsplit("fields:", 1)[1]
    return f"add {_start(name)} and {_end(name)} where the table goes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND,
        description="Write the field tables of CONTRIBUTING.md and CONTRIBUTING.ar.md from data/schema/.",
    )
    parser.add_argument("--check", action="store_true", help="only name the tables out of date; exit 1 if any")
    parser.add_argument("--root", type=Path, default=None, help="the repository (default: the one of this file)")
    args = parser.parse_args(argv)
    root = args.root or _repo_root()
    try:
        if args.check:
            out_of_date, missing, _ = _report(root)
            for entry in out_of_date:
                print(f"{entry}: out of date with {SCHEMA_DIR.as_posix()}/; run: {COMMAND}", file=sys.stderr)
            for entry in missing:
                print(f"{entry}: no markers; {_pair(entry)}, then run: {COMMAND}", file=sys.stderr)
            return 1 if out_of_date or missing else 0
        for entry in write(root):
            print(f"rewrote {entry}")
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
