"""The primitives every rule stands on: where a problem is, how it is worded, the shape of a field.

- ``Check``         collects the problems of one file; a rule never stops at the first one.
- ``pos_of``        the position of a value (or of its key, when the value has none).
- ``got``           a value as a message quotes it ('a mapping', a shortened string).
- ``check_fields``  layer one of every file: unknown fields, required fields, kinds of value.
- ``check_text``, ``to_text``  a text: one string for every language, or one per registered language.
- ``written_date``  every date of every file: the digits 0-9, a real day, month or year, not in
                    the future (``last_verified``, source dates, warning dates, a law's ``as_of``).
- ``ascii_digits``  where a date or a code is expected, the digits 0-9 and no others.

Every message reads ``what is wrong; expected …; got …`` and, where it helps, how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from ..core.dates import PRECISIONS, UNDATED
from ..core.languages import codes, language_codes, registry
from ..core.model import Text
from ..core.problems import ERROR, WARNING, Problem, did_you_mean
from ..core.yamlload import Map, Pos


class Refused(Exception):
    """A value a reader must never be shown: the message and the rule's name; the caller places it."""

    def __init__(self, message: str, rule: str):
        super().__init__(message)
        self.message = message
        self.rule = rule


def got(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return repr(text)


@dataclass
class Check:
    """Collects problems for one file."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, pos: Pos | None, where: str, message: str, rule: str) -> None:
        pos = pos or Pos(1, 1)
        self.problems.append(Problem(self.path, pos.line, pos.col, where, message, ERROR, rule))

    def warn(self, pos: Pos | None, where: str, message: str, rule: str) -> None:
        pos = pos or Pos(1, 1)
        self.problems.append(Problem(self.path, pos.line, pos.col, where, message, WARNING, rule))

    @property
    def failed(self) -> bool:
        return any(p.level == ERROR for p in self.problems)


def pos_of(value, parent: Map | None = None, key: str | None = None) -> Pos | None:
    pos = getattr(value, "pos", None)
    if pos is None and parent is not None:
        if key is not None and key in getattr(parent, "key_pos", {}):
            return parent.key_pos[key]
        return getattr(parent, "pos", None)
    return pos


def check_fields(c: Check, mapping: Map, spec: dict, where: str, moved: dict[str, str] | None = None) -> None:
    """Unknown fields (naming the closest valid one, or where a field ``moved`` to), missing required
    fields, wrong kinds of value."""
    for key, value in mapping.items():
        label = f"{where}.{key}" if where else key
        if key not in spec:
            close = did_you_mean(key, spec)
            hint = (moved or {}).get(key) or (f"did you mean '{close}'?" if close else "remove it")
            valid = ", ".join(spec)
            c.error(
                mapping.key_pos.get(key),
                label,
                f"unknown field; {hint} expected one of: {valid}; got '{key}'",
                "unknown_field",
            )
            continue
        kind = spec[key][1]
        if kind == "list" and not isinstance(value, list):
            if isinstance(value, str) and value == "":
                continue  # empty: handled as absent below
            c.error(
                pos_of(value, mapping, key),
                label,
                f"must be a list; expected lines starting with '- '; got {got(value)}",
                "field_shape",
            )
        elif kind == "map" and not isinstance(value, dict):
            c.error(
                pos_of(value, mapping, key),
                label,
                f"must be a mapping; expected indented 'key: value' lines; got {got(value)}",
                "field_shape",
            )
        elif kind == "scalar" and not isinstance(value, str):
            c.error(
                pos_of(value, mapping, key),
                label,
                f"must be a single value; expected text on the same line; got {got(value)}",
                "field_shape",
            )
        elif kind == "text":
            check_text(c, value, label, mapping, key, required=spec[key][0])
    for key, (required, _) in spec.items():
        if required and (key not in mapping or mapping[key] in ("", [], {})):
            label = f"{where}.{key}" if where else key
            c.error(
                pos_of(mapping.get(key), mapping, key) if key in mapping else mapping.pos,
                label,
                f"is required; expected a value for '{key}'; got nothing",
                "required_field",
            )


def check_text(c: Check, value, label: str, parent: Map, key: str, required: bool = True) -> None:
    """A text is one string (the same in every language) or a mapping of registered languages
    (data/languages.yml) to text; English or the default language must be among them."""
    if isinstance(value, str):
        return
    known = codes()
    needed = registry().required
    if not isinstance(value, dict):
        lines = " and ".join(f"'{lang}:'" for lang in needed)
        c.error(
            pos_of(value, parent, key),
            label,
            f"must be text or {{{', '.join(needed)}}}; expected {lines} lines; got {got(value)}",
            "text_shape",
        )
        return
    for lang, text in value.items():
        if lang not in known:
            close = did_you_mean(lang, known, cutoff=0.6)
            hint = f"did you mean '{close}'?" if close else "remove it, or add the language to data/languages.yml;"
            c.error(
                value.key_pos.get(lang),
                f"{label}.{lang}",
                f"unknown language; {hint} expected one of: {', '.join(known)}; got '{lang}'",
                "unknown_field",
            )
        elif not isinstance(text, str):
            c.error(
                pos_of(text, value, lang),
                f"{label}.{lang}",
                f"must be text; expected text on the same line; got {got(text)}",
                "text_shape",
            )
    if not any(isinstance(value.get(lang), str) and value.get(lang).strip() for lang in needed):
        if required or any(not isinstance(v, str) or v.strip() for v in value.values()):
            wanted = " or ".join(f"'{lang}:'" for lang in needed)
            c.error(value.pos, label, f"has no text; expected {wanted} with text; got empty text", "text_shape")


def to_text(value) -> Text:
    """A written text as a Text: one string stands for every registered language (neutral)."""
    if isinstance(value, str):
        text = value.strip()
        return Text({lang: text for lang in codes()} if text else {}, neutral=True)
    if isinstance(value, dict):
        known = codes()
        return Text({lang: text.strip() for lang in known if isinstance(text := value.get(lang), str) and text.strip()})
    return Text()


def enum_is_known(
    c: Check, data: Map, key: str, allowed: tuple[str, ...], where: str | None = None, noun: str = "value"
) -> None:
    """One of a fixed list of words (status, visibility, verified_by, confidence)."""
    value = data.get(key)
    if isinstance(value, str) and value and value not in allowed:
        c.error(
            value.pos,
            where or key,
            f"unknown {noun}; expected one of: {', '.join(allowed)}; got '{value}'",
            f"{key}_is_known",
        )


# YYYY, YYYY-MM or YYYY-MM-DD in the digits 0-9 ("\\d" would also take ٢٠٢٤ or ۲۰۲۴)
WRITTEN_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def ascii_digits(value: str) -> str | None:
    """Why a date or a code is not written in the digits 0-9 (another script's digits, which
    Python's int() and regular expressions would read as numbers), or None."""
    for ch in value:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            name = unicodedata.name(ch, "A DIGIT")
            return f"is written with digits other than 0-9 ('{ch}', {name})"
    return None


def written_date(
    c: Check,
    value,
    where: str,
    today: dt.date,
    *,
    precisions: tuple[str, ...],
    expected: str,
    rule: str,
    future_rule: str | None = None,
    noun: str = "date",
    undated: bool = False,
):
    """A date as the data writes it, at one of ``precisions`` ('year', 'month', 'day'): 'undated'
    (when ``undated``), (first day, precision), or None after reporting why not. One rule for every
    date of every file: the digits 0-9, a real date, not in the future (its first day after today)."""
    if not isinstance(value, str) or not value:
        return None
    if undated and value == UNDATED:
        return UNDATED
    pos = getattr(value, "pos", None)
    digits = ascii_digits(value)
    if digits:
        c.error(pos, where, f"{digits}; expected {expected}, in the digits 0-9; got '{value}'", "digits_are_ascii")
        return None
    m = WRITTEN_DATE_RE.match(value)
    precision = PRECISIONS[(m.group(2) is not None) + (m.group(3) is not None)] if m else None
    try:
        date = dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)) if m else None
    except ValueError:
        date = None
    if date is None or precision not in precisions:
        c.error(pos, where, f"not a {noun}; expected {expected}; got '{value}'", rule)
        return None
    if date > today:
        limit = (
            f"a month up to {today.strftime('%Y-%m')}"
            if precisions == ("month",)
            else f"a date on or before {today.isoformat()}"
        )
        c.error(pos, where, f"is in the future; expected {limit}; got '{value}'", future_rule or rule)
        return None
    return date, precision


def date_is_valid(c: Check, data: Map, key: str, today: dt.date) -> dt.date | None:
    """``last_verified``: a day, YYYY-MM-DD."""
    found = written_date(
        c,
        data.get(key),
        key,
        today,
        precisions=("day",),
        expected="YYYY-MM-DD, like '2026-01-31'",
        rule="date_is_valid",
        future_rule="date_not_in_future",
    )
    return found[0] if found else None


def languages_are_iso(c: Check, value, where: str, parent: Map, key: str) -> None:
    if not isinstance(value, list):
        return
    for i, code in enumerate(value):
        if not isinstance(code, str) or code not in language_codes():
            hint = (
                f" (write it in lower case: '{code.lower()}')"
                if isinstance(code, str) and code.lower() in language_codes()
                else ""
            )
            c.error(
                pos_of(code, parent, key),
                f"{where}[{i}]",
                f"not a language code{hint}; expected an ISO 639-1 code like 'ar' or 'en'; got {got(code)}",
                "languages_are_iso",
            )
