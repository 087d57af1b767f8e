"""Two resource fields about risk: ``scope`` (a general service, not LGBTQ+-specific) and
``warnings`` (dated, sourced safety facts shown prominently on the card)."""

from __future__ import annotations

import datetime as dt

from ..core.languages import english_name, registry
from ..core.model import SafetyWarning
from ..core.yamlload import Map
from .check import Check, check_fields, enum_is_known, got, pos_of, to_text, written_date
from .links import web_url_is_safe

SCOPES = ("lgbtq", "general")


WARNING_FIELDS: dict[str, tuple[bool, str]] = {
    "text": (True, "text"),
    "date": (True, "scalar"),
    "source": (True, "scalar"),
}


def check_scope_and_warnings(c: Check, data: Map, today: dt.date) -> tuple[str, tuple[SafetyWarning, ...]]:
    """Called once from rules.check_resource: (scope, warnings) of a resource file."""
    enum_is_known(c, data, "scope", SCOPES, noun="scope")
    scope = str(data.get("scope") or "lgbtq")
    found = []
    value = data.get("warnings")
    for i, item in enumerate(value if isinstance(value, list) else []):
        warning = warning_is_complete(c, item, f"warnings[{i}]", data, today)
        if warning:
            found.append(warning)
    return scope, tuple(found)


def warning_is_complete(c: Check, item, where: str, parent: Map, today: dt.date) -> SafetyWarning | None:
    """A safety warning is a fact with its date and its source, in both languages — never a rumour."""
    if not isinstance(item, dict):
        c.error(
            pos_of(item, parent, "warnings"),
            where,
            f"must be a mapping; expected 'text:', 'date:' and 'source:' lines; got {got(item)}",
            "field_shape",
        )
        return None
    before = len(c.problems)
    check_fields(c, item, WARNING_FIELDS, where)
    text = item.get("text")
    if isinstance(text, str) and text.strip():
        c.error(
            text.pos,
            f"{where}.text",
            f"must be text in each language; expected 'en:' and 'ar:' lines; got {got(text)}",
            "warning_in_both_languages",
        )
    elif isinstance(text, dict):
        for lang, name in ((lang, english_name(lang)) for lang in registry().required):
            if not (isinstance(text.get(lang), str) and text.get(lang).strip()):
                c.error(
                    text.pos,
                    f"{where}.text.{lang}",
                    f"{name} text missing; expected '{lang}:' (a warning is shown in both languages); got nothing",
                    "warning_in_both_languages",
                )
    date = item.get("date")
    written_date(
        c,
        date,
        f"{where}.date",
        today,
        precisions=("year", "month", "day"),
        expected="YYYY, YYYY-MM or YYYY-MM-DD (when the fact was reported)",
        rule="warning_date_is_valid",
    )
    if isinstance(item.get("source"), str) and item.get("source"):
        web_url_is_safe(c, item["source"], f"{where}.source", item, "source")
    if any(p.level == "error" for p in c.problems[before:]):
        return None
    return SafetyWarning(text=to_text(text), date=str(date), source=str(item["source"]))
