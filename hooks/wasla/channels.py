"""What reaching out leaves behind, per contact: the `trace` and `police` fields (issue #13).

Rules (one named function each), called once per contact from rules.check_resource:

- ``trace_is_text``    optional ``trace: {en, ar}``: the service's own word on what this
                       channel leaves behind; replaces the default text of the string tables
                       (``trace_<type>``) for this contact.
- ``police_is_sourced`` optional ``police: {policy: may|never, source: URL}``: whether the
                       line says it may contact the police or emergency services. Both keys
                       are required: absent means nothing is claimed, never a guess.

The default texts live in the string tables (``trace_phone``, ``trace_sms`` …), written once
per language; templates pick ``contact.trace`` when the data gives one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .problems import ERROR

POLICE_POLICIES = ("may", "never")
POLICE_FIELDS: dict[str, tuple[bool, str]] = {
    "policy": (True, "scalar"),
    "source": (True, "scalar"),
}
# Channel types whose default trace text exists in the string tables (trace_<type>).
TRACE_TYPES = ("phone", "sms", "whatsapp", "signal", "telegram", "email", "website", "chat")


@dataclass(frozen=True)
class Police:
    """What a line publishes about contacting the police: 'may' or 'never', and where it says so."""

    policy: str
    source: str


def trace_is_text(c, contact, where: str):
    """`trace` is text in one or both languages (its shape is checked by check_fields)."""
    from .rules import to_text, translation_is_missing

    translation_is_missing(c, contact, f"{where}.trace", contact.get("trace"))
    return to_text(contact.get("trace"))


def police_is_sourced(c, contact, where: str) -> Police | None:
    """`police` names a known policy and the page where the line says so."""
    from .rules import check_fields, enum_is_known, web_url_is_safe

    value = contact.get("police")
    if not isinstance(value, dict):  # absent, or its shape already reported by check_fields
        return None
    label = f"{where}.police"
    before = len(c.problems)
    check_fields(c, value, POLICE_FIELDS, label)
    enum_is_known(c, value, "policy", POLICE_POLICIES, f"{label}.policy", noun="policy")
    source = value.get("source")
    if source is not None:
        web_url_is_safe(c, source, f"{label}.source", value, "source")
    if any(p.level == ERROR for p in c.problems[before:]):
        return None
    return Police(policy=str(value["policy"]), source=str(value["source"]))


def contact_safety(c, contact, where: str) -> dict:
    """The Contact fields this module owns: {'trace': Text, 'police': Police | None}."""
    return {"trace": trace_is_text(c, contact, where), "police": police_is_sourced(c, contact, where)}
