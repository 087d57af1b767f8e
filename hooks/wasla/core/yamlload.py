"""Strict YAML loading that keeps what the contributor wrote.

PyYAML's ``safe_load`` turns ``+9611234567`` into an integer, ``0123`` into 83,
``9:30`` into 570 and ``NO`` into ``False``, and lets a duplicate key silently
overwrite the first.  Here every scalar stays the text written, and duplicate
keys, anchors, aliases and tags are errors with a position.

The parser is libyaml (through PyYAML's C binding when available); the tree is
built from its events, so each value knows its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

try:  # libyaml is ~10x faster; the pure-Python parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader


@dataclass(frozen=True)
class Pos:
    line: int  # 1-based
    col: int  # 1-based


class Str(str):
    """A scalar as written, with where it was written."""

    pos: Pos
    style: str | None = None  # None (plain), "'" or '"' (quoted), "|" or ">" (block)

    def __new__(cls, value: str, pos: Pos):
        obj = super().__new__(cls, value)
        obj.pos = pos
        return obj

    def __getnewargs__(self):  # pickled (checked in a worker process) with its position
        return (str(self), self.pos)


class Map(dict):
    """A mapping that remembers its own position and each key's."""

    pos: Pos
    key_pos: dict


class Seq(list):
    pos: Pos


MAX_DEPTH = 12  # a resource file nests 4 deep; deeper is a mistake (or an attempt to exhaust the loader)


class YamlError(Exception):
    """A problem that stops the file from being read at all."""

    def __init__(self, pos: Pos, message: str):
        super().__init__(message)
        self.pos = pos
        self.message = message


def _pos(mark) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def _check_node_event(event) -> None:
    if getattr(event, "anchor", None):
        raise YamlError(
            _pos(event.start_mark),
            f"anchor '&{event.anchor}' is not allowed; expected each value written out in full",
        )
    tag = getattr(event, "tag", None)
    implicit = getattr(event, "implicit", True)
    explicit = (tag is not None) and not (implicit is True or (isinstance(implicit, tuple) and any(implicit)))
    if explicit and tag not in ("!",):
        raise YamlError(
            _pos(event.start_mark),
            f"tag '{tag}' is not allowed; expected plain text (remove the tag)",
        )


def loads(text: str):
    """Parse one YAML document into Map/Seq/Str; raise YamlError on any problem."""
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark else Pos(1, 1)
        hint = quote_hint(text, pos.line)
        if hint:
            raise YamlError(*hint) from None
        problem = exc.problem or str(exc)
        raise YamlError(pos, f"the file is not valid YAML: {problem}; check indentation and quotes near here") from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml without marks
        raise YamlError(Pos(1, 1), f"the file is not valid YAML: {exc}") from None

    it = iter(events)
    docs = []
    for event in it:
        if isinstance(event, yaml.DocumentStartEvent):
            docs.append(_node(next(it), it, 0))
    if len(docs) > 1:
        raise YamlError(Pos(1, 1), "the file holds more than one YAML document; expected one (remove '---' lines)")
    return docs[0] if docs else None


# Where a quoted text may start: at the start of a line, or after one of these (then a space).
_OPENS_AFTER = (":", "-", "?", "[", "{", ",")
_BLOCK_SCALAR = re.compile(r"(?:^|[:\-]\s)\s*[|>][0-9+-]*\s*(?:#.*)?$")


def quoted_texts(text: str) -> list[tuple[Pos, str, int | None]]:
    """Every quoted text of a YAML file: (where its quote opened, the quote, line it closes on or None).

    A scan good enough for hints (PyYAML reports where it gave up, often lines after the quote a
    contributor forgot to close); it skips comments and block scalars (``|``, ``>``).
    """
    found = []
    lines = text.splitlines()
    quote = None  # (Pos, char) of the quoted text being read
    block_indent = None  # inside a block scalar: the indentation of the line that opened it
    for n, line in enumerate(lines, 1):
        if quote is None and block_indent is not None:
            stripped = line.strip()
            if not stripped or len(line) - len(line.lstrip()) > block_indent:
                continue
            block_indent = None
        i = 0
        prev = ""  # the last non-space character outside quotes on this line
        while i < len(line):
            ch = line[i]
            if quote is not None:
                opened, q = quote
                if q == "'" and ch == "'" and line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                if q == '"' and ch == "\\":
                    i += 2
                    continue
                if ch == q:
                    found.append((opened, q, n))
                    quote = None
                    prev = q
                i += 1
                continue
            if ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            if ch in "'\"" and (prev == "" or (prev in _OPENS_AFTER and line[i - 1] in " \t[{,")):
                quote = (Pos(n, i + 1), ch)
            elif not ch.isspace():
                prev = ch
            i += 1
        if quote is None and _BLOCK_SCALAR.search(line.split(" #")[0] if " #" in line else line):
            block_indent = len(line) - len(line.lstrip())
    if quote is not None:
        found.append((quote[0], quote[1], None))
    return found


def quote_hint(text: str, gave_up: int) -> tuple[Pos, str] | None:
    """When PyYAML gave up because of a quote left open, point at where that quote opened."""
    for opened, q, closed in quoted_texts(text):
        if closed is None:
            return opened, (
                f"the file is not valid YAML: this quote ({q}) is never closed; "
                f"expected a closing {q} on line {opened.line}; got none before the end of the file"
            )
        if closed > opened.line and closed == gave_up:
            return opened, (
                f"the file is not valid YAML: this quote ({q}) is not closed on its line, so the text runs "
                f"on to line {closed}; expected a closing {q} on line {opened.line}"
            )
    return None


def _node(event, it, depth: int):
    if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)) and depth >= MAX_DEPTH:
        raise YamlError(
            _pos(event.start_mark),
            f"nested too deeply; expected at most {MAX_DEPTH} levels of lists and mappings; got more",
        )
    if isinstance(event, yaml.AliasEvent):
        raise YamlError(
            _pos(event.start_mark),
            f"alias '*{event.anchor}' is not allowed; expected each value written out in full",
        )
    _check_node_event(event)
    if isinstance(event, yaml.ScalarEvent):
        scalar = Str(event.value, _pos(event.start_mark))
        scalar.style = event.style  # a quote shifts columns inside the value by one
        return scalar
    if isinstance(event, yaml.SequenceStartEvent):
        seq = Seq()
        seq.pos = _pos(event.start_mark)
        for child in it:
            if isinstance(child, yaml.SequenceEndEvent):
                return seq
            seq.append(_node(child, it, depth + 1))
    if isinstance(event, yaml.MappingStartEvent):
        mapping = Map()
        mapping.pos = _pos(event.start_mark)
        mapping.key_pos = {}
        for child in it:
            if isinstance(child, yaml.MappingEndEvent):
                return mapping
            key = _node(child, it, depth + 1)
            if not isinstance(key, Str):
                raise YamlError(getattr(key, "pos", mapping.pos), "a key must be plain text")
            if key in mapping:
                first = mapping.key_pos[key]
                raise YamlError(
                    key.pos,
                    f"duplicate key '{key}' (first at line {first.line}); expected each key once (merge or remove one)",
                )
            mapping.key_pos[key] = key.pos
            mapping[key] = _node(next(it), it, depth + 1)
        # fallthrough impossible: libyaml always closes a mapping
    raise YamlError(_pos(event.start_mark), "unexpected YAML structure")  # pragma: no cover


def plain(value):
    """Strip positions: Map/Seq/Str to dict/list/str (for exports and tests)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
