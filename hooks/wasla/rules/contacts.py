"""A resource's contacts: the link each one opens, and what reaching out leaves behind.

``check_contacts`` takes every item of ``contacts`` through its rules and returns the valid ones
as ``Contact``s: the value checked for its type (``contact_link``: phones.py, links.py), its hours
(hours.py computed the schedules), and the two fields on what a channel leaves behind:

- ``trace_is_text``    optional ``trace: {en, ar}``: the service's own word on what this
                       channel leaves behind; replaces the default text of the string tables
                       (``trace_<type>``) for this contact.
- ``police_is_sourced`` optional ``police: {policy: may|never, source: URL}``: whether the
                       line says it may contact the police or emergency services. Both keys
                       are required: absent means nothing is claimed, never a guess. The
                       source is the organisation's own word: a page on a site the entry
                       publishes (``published_sites``) or one of its ``own`` sources.

The default texts live in the string tables (``trace_phone``, ``trace_sms`` …), written once
per language; templates pick ``contact.trace`` when the data gives one.
"""

from __future__ import annotations

from ..core.model import Contact, Police
from ..core.problems import ERROR
from ..core.yamlload import Map
from . import hours, links, phones
from .check import Check, Refused, check_fields, did_you_mean, enum_is_known, got, languages_are_iso, pos_of, to_text
from .links import shown_link, site_host, web_url_is_safe
from .sources import OwnSites
from .text import translation_is_missing

CONTACT_TYPES = ("phone", "sms", "whatsapp", "signal", "telegram", "email", "website", "chat")
PHONE_TYPES = ("phone", "sms", "whatsapp", "signal")
WEB_TYPES = ("website", "chat")
# Fields of a contact: name -> (required, what it holds)
CONTACT_FIELDS: dict[str, tuple[bool, str]] = {
    "type": (True, "scalar"),
    "value": (True, "scalar"),
    "hours": (False, "text"),
    "languages": (False, "list"),
    "note": (False, "text"),
    "trace": (False, "text"),
    "police": (False, "map"),
    "opening_hours": (False, "scalar"),
}
POLICE_POLICIES = ("may", "never")
POLICE_FIELDS: dict[str, tuple[bool, str]] = {
    "policy": (True, "scalar"),
    "source": (True, "scalar"),
}
# Channel types whose default trace text exists in the string tables (trace_<type>).
TRACE_TYPES = ("phone", "sms", "whatsapp", "signal", "telegram", "email", "website", "chat")


def trace_is_text(c, contact, where: str):
    """`trace` is text in one or both languages (its shape is checked by check_fields)."""
    translation_is_missing(c, contact, f"{where}.trace", contact.get("trace"))
    return to_text(contact.get("trace"))


def published_sites(data) -> OwnSites:
    """The sites an entry publishes: the hosts of its website and chat contacts that are safe links
    (an unsafe one is reported by its own rule and counts for nothing here)."""
    hosts = set()
    for contact in data.get("contacts") if isinstance(data.get("contacts"), list) else []:
        value = contact.get("value") if isinstance(contact, dict) else None
        if contact_type(contact) in WEB_TYPES and isinstance(value, str) and not links.bad_char(value, True):
            try:
                links.web_link(value)
            except Refused:
                continue
            host = site_host(value)
            if host:
                hosts.add(host)
    return OwnSites(frozenset(hosts))


def contact_type(contact) -> str | None:
    value = contact.get("type") if isinstance(contact, dict) else None
    return str(value) if isinstance(value, str) else None


def police_is_sourced(
    c, contact, where: str, own: OwnSites, own_sources: frozenset[str] = frozenset()
) -> Police | None:
    """`police` names a known policy and the page where the line says so: the organisation's own
    word (a page on a site the entry publishes, or one of its 'own' sources), never another's."""
    value = contact.get("police")
    if not isinstance(value, dict):  # absent, or its shape already reported by check_fields
        return None
    label = f"{where}.police"
    before = len(c.problems)
    check_fields(c, value, POLICE_FIELDS, label)
    enum_is_known(c, value, "policy", POLICE_POLICIES, f"{label}.policy", noun="policy")
    source = value.get("source")
    if source is not None and web_url_is_safe(c, source, f"{label}.source", value, "source"):
        if not own.holds(str(source)) and str(source) not in own_sources:
            sites = ", ".join(sorted(own.hosts)) or "none"
            c.error(
                pos_of(source, value, "source"),
                f"{label}.source",
                f"is on {site_host(str(source))}, not a site this entry publishes (its website and chat contacts: "
                f"{sites}) nor one of its 'own' sources, so the card would state the line's promise on another's "
                f"word; expected the page where the organisation itself says it; got {got(source)}",
                "police_is_sourced",
            )
    if any(p.level == ERROR for p in c.problems[before:]):
        return None
    return Police(policy=str(value["policy"]), source=str(value["source"]))


def contact_safety(c, contact, where: str, own: OwnSites, own_sources: frozenset[str]) -> dict:
    """The Contact fields this module owns: {'trace': Text, 'police': Police | None}."""
    return {
        "trace": trace_is_text(c, contact, where),
        "police": police_is_sourced(c, contact, where, own, own_sources),
    }


def contact_link(
    c: Check, contact: Map, where: str, folder: str, short_codes: dict, countries: tuple[str, ...] = ()
) -> str | None:
    """Check one contact's value for its type and return the link a reader taps."""
    ctype = contact.get("type")
    value = contact.get("value")
    if not isinstance(ctype, str) or not ctype:
        return None
    if ctype not in CONTACT_TYPES:
        close = did_you_mean(ctype, CONTACT_TYPES)
        hint = f" (did you mean '{close}'?)" if close else ""
        c.error(
            ctype.pos,
            f"{where}.type",
            f"unknown contact type{hint}; expected one of: {', '.join(CONTACT_TYPES)}; got '{ctype}'",
            "contact_type_is_known",
        )
        return None
    if not isinstance(value, str) or not value or links.bad_char(value, True):
        return None
    vw = f"{where}.value"
    if ctype in WEB_TYPES:
        return value if web_url_is_safe(c, value, vw, contact, "value") else None
    try:
        if ctype == "signal":
            return phones.signal_link(value, folder, countries, short_codes)
        if ctype == "email":
            return links.email_link(value)
        if ctype == "telegram":
            return links.telegram_link(value)
        tel = phones.phone_link(value, folder, countries, short_codes)
    except Refused as exc:
        c.error(value.pos, vw, exc.message, exc.rule)
        return None
    if ctype == "phone":
        return f"tel:{tel}"
    if ctype == "sms":
        return f"sms:{tel}"
    if not tel.startswith("+"):
        c.error(
            value.pos,
            vw,
            f"{ctype} needs a full number; expected the number with its country code; got {got(value)}",
            "phone_is_valid",
        )
        return None
    return f"https://wa.me/{tel[1:]}"


def check_contacts(
    c: Check,
    data,
    folder: str,
    short_codes: dict,
    today,
    own: OwnSites,
    own_sources: frozenset[str] = frozenset(),
) -> list[Contact]:
    """Every item of ``contacts`` through its rules (and the file's opening hours): the valid ones.
    ``own``, ``own_sources``: the entry's own sites and 'own' source links (police_is_sourced)."""
    schedules = hours.check_hours(c, data, folder, today)
    contacts = []
    if not isinstance(data.get("contacts"), list):
        return contacts
    countries = tuple(map(str, data["countries"])) if isinstance(data.get("countries"), list) else (folder,)
    for i, contact in enumerate(data["contacts"]):
        where = f"contacts[{i}]"
        if not isinstance(contact, dict):
            c.error(
                pos_of(contact, data, "contacts"),
                where,
                f"must be a mapping; expected 'type:' and 'value:' lines; got {got(contact)}",
                "field_shape",
            )
            continue
        check_fields(c, contact, CONTACT_FIELDS, where)
        languages_are_iso(c, contact.get("languages"), f"{where}.languages", contact, "languages")
        for key in ("hours", "note"):
            translation_is_missing(c, contact, f"{where}.{key}", contact.get(key))
        href = contact_link(c, contact, where, folder, short_codes, countries)
        if href:
            written = to_text(contact.get("hours"))
            schedule = schedules.get(i)
            always = bool(written.en and written.en.strip().lower().startswith(hours.ALWAYS_OPEN))
            contacts.append(
                Contact(
                    type=str(contact["type"]),
                    value=str(contact["value"]),
                    href=href,
                    hours=written,
                    languages=tuple(map(str, contact.get("languages") or ())),
                    note=to_text(contact.get("note")),
                    always_open=schedule.always if schedule else always,
                    opening_hours=schedule.expression if schedule else None,
                    schedule=schedule,
                    pos=getattr(contact.get("value"), "pos", None),
                    shown=shown_link(str(contact["value"])) if contact["type"] in WEB_TYPES else None,
                    **contact_safety(c, contact, where, own, own_sources),
                )
            )
    return contacts
