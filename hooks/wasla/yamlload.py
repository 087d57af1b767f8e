"""Strict YAML loading that keeps what the contributor wrote.

PyYAML's ``safe_load`` turns ``+9611234567`` into an integer, ``0123`` into 83,
``9:30`` into 570 and ``NO`` into ``False``, and lets a duplicate key silently
overwrite the first.  Here every scalar stays the text written, and duplicate
keys, anchors, aliases and tags are errors with a position.

The parser is libyaml (through PyYAML's C binding when available); the tree is
built from its events, so each value knows its line and column.
"""
from __future__ import annotations

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


class Map(dict):
    """A mapping that remembers its own position and each key's."""

    pos: Pos
    key_pos: dict


class Seq(list):
    pos: Pos


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
        problem = exc.problem or str(exc)
        raise YamlError(pos, f"the file is not valid YAML: {problem}; check indentation and quotes near here") from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml without marks
        raise YamlError(Pos(1, 1), f"the file is not valid YAML: {exc}") from None

    it = iter(events)
    docs = []
    for event in it:
        if isinstance(event, yaml.DocumentStartEvent):
            docs.append(_node(next(it), it))
    if len(docs) > 1:
        raise YamlError(Pos(1, 1), "the file holds more than one YAML document; expected one (remove '---' lines)")
    return docs[0] if docs else None


def _node(event, it):
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
            seq.append(_node(child, it))
    if isinstance(event, yaml.MappingStartEvent):
        mapping = Map()
        mapping.pos = _pos(event.start_mark)
        mapping.key_pos = {}
        for child in it:
            if isinstance(child, yaml.MappingEndEvent):
                return mapping
            key = _node(child, it)
            if not isinstance(key, Str):
                raise YamlError(getattr(key, "pos", mapping.pos), "a key must be plain text")
            if key in mapping:
                first = mapping.key_pos[key]
                raise YamlError(
                    key.pos,
                    f"duplicate key '{key}' (first at line {first.line}); expected each key once (merge or remove one)",
                )
            mapping.key_pos[key] = key.pos
            mapping[key] = _node(next(it), it)
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
