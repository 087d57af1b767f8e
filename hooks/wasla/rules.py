"""The rulebook: every check a resource file goes through, one named function each.

Layer one is the shape (``FIELDS``): which fields exist, which are required,
what kind of value each holds.  Layer two is ``RULES``: small named functions
that look at one fact each.  A check never stops at the first problem: it
records a ``Problem`` and goes on, so a contributor sees everything at once.

Every message reads ``what is wrong; expected …; got …`` and, where it helps,
how to fix it.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale

from .evidence import check_sources
from . import contacts
from .contacts import shown_link
from . import channels
from . import hours as hours_rules
from .model import Contact, Kind, Resource, Text
from .problems import ERROR, WARNING, Problem
from .yamlload import Map, Pos

# ---------------------------------------------------------------------------
# Vocabulary (the JSON schema for editors repeats these; a test keeps them equal)

CONTACT_TYPES = ("phone", "sms", "whatsapp", "signal", "telegram", "email", "website", "chat")
PHONE_TYPES = ("phone", "sms", "whatsapp", "signal")
WEB_TYPES = ("website", "chat")
STATUSES = ("active", "paused", "closed")
VISIBILITIES = ("public", "city", "hidden")
VERIFIED_BY = ("website", "phone", "partner", "in_person")
CONFIDENCES = ("high", "medium", "low")
INTERNATIONAL = "international"

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ALWAYS_OPEN = ("24/7", "24 hours", "24h", "24 hours a day")
SUMMARY_MAX = 400  # characters, per language: a card is read on a small screen in a hurry

# Fields of a resource file: name -> (required, what it holds)
FIELDS: dict[str, tuple[bool, str]] = {
    "name": (True, "text"),
    "kinds": (True, "list"),
    "countries": (False, "list"),
    "city": (False, "text"),
    "summary": (True, "text"),
    "contacts": (True, "list"),
    "languages": (False, "list"),
    "address": (False, "map"),
    "last_verified": (False, "scalar"),
    "verified_by": (False, "scalar"),
    "sources": (True, "list"),
    "status": (True, "scalar"),
    "confidence": (False, "scalar"),
    "curator_notes": (False, "scalar"),
    "timezone": (False, "scalar"),  # issue 14: IANA zone of opening_hours (hours.py)
    "scope": (False, "scalar"),
    "warnings": (False, "list"),
}
CONTACT_FIELDS: dict[str, tuple[bool, str]] = {
    "type": (True, "scalar"),
    "value": (True, "scalar"),
    "hours": (False, "text"),
    "languages": (False, "list"),
    "note": (False, "text"),
    "trace": (False, "text"),  # issue #13: wasla.channels
    "police": (False, "map"),  # issue #13: wasla.channels
    "opening_hours": (False, "scalar"),  # issue 14: OSM syntax (hours.py)
}
ADDRESS_FIELDS: dict[str, tuple[bool, str]] = {
    "text": (False, "text"),  # only with visibility: public (address_is_public)
    "visibility": (False, "scalar"),
}
TEXT_KEYS = ("en", "ar")

_NOT_ISO = {"EU", "EZ", "QO", "UN", "ZZ", "XA", "XB", "XK", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"}


@lru_cache(maxsize=None)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (lower case), from CLDR."""
    return frozenset(
        k.lower() for k in Locale("en").territories if len(k) == 2 and k.isalpha() and k not in _NOT_ISO
    )


@lru_cache(maxsize=None)
def language_codes() -> frozenset[str]:
    """ISO 639-1 codes known to CLDR."""
    return frozenset(k for k in Locale("en").languages if len(k) == 2 and k.isalpha() and k.islower())


def _got(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return repr(text)


# ---------------------------------------------------------------------------
# The context a rule works in


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


# ---------------------------------------------------------------------------
# Layer one: the shape


def check_fields(c: Check, mapping: Map, spec: dict, where: str) -> None:
    """Unknown fields (naming the closest valid one), missing required fields, wrong kinds of value."""
    for key, value in mapping.items():
        label = f"{where}.{key}" if where else key
        if key not in spec:
            close = difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "remove it"
            valid = ", ".join(spec)
            c.error(mapping.key_pos.get(key), label, f"unknown field; {hint} expected one of: {valid}; got '{key}'", "unknown_field")
            continue
        kind = spec[key][1]
        if kind == "list" and not isinstance(value, list):
            if isinstance(value, str) and value == "":
                continue  # empty: handled as absent below
            c.error(pos_of(value, mapping, key), label, f"must be a list; expected lines starting with '- '; got {_got(value)}", "field_shape")
        elif kind == "map" and not isinstance(value, dict):
            c.error(pos_of(value, mapping, key), label, f"must be a mapping; expected indented 'key: value' lines; got {_got(value)}", "field_shape")
        elif kind == "scalar" and not isinstance(value, str):
            c.error(pos_of(value, mapping, key), label, f"must be a single value; expected text on the same line; got {_got(value)}", "field_shape")
        elif kind == "text":
            check_text(c, value, label, mapping, key, required=spec[key][0])
    for key, (required, _) in spec.items():
        if required and (key not in mapping or mapping[key] in ("", [], {})):
            label = f"{where}.{key}" if where else key
            c.error(pos_of(mapping.get(key), mapping, key) if key in mapping else mapping.pos, label,
                    f"is required; expected a value for '{key}'; got nothing", "required_field")


def check_text(c: Check, value, label: str, parent: Map, key: str, required: bool = True) -> None:
    """A text is one string (the same in both languages) or a mapping with 'en' and/or 'ar'."""
    if isinstance(value, str):
        return
    if not isinstance(value, dict):
        c.error(pos_of(value, parent, key), label, f"must be text or {{en, ar}}; expected 'en:' and 'ar:' lines; got {_got(value)}", "text_shape")
        return
    for lang, text in value.items():
        if lang not in TEXT_KEYS:
            close = difflib.get_close_matches(lang, TEXT_KEYS, n=1, cutoff=0.4)
            hint = f"did you mean '{close[0]}'?" if close else "remove it"
            c.error(value.key_pos.get(lang), f"{label}.{lang}", f"unknown language; {hint} expected 'en' or 'ar'; got '{lang}'", "unknown_field")
        elif not isinstance(text, str):
            c.error(pos_of(text, value, lang), f"{label}.{lang}", f"must be text; expected text on the same line; got {_got(text)}", "text_shape")
    if not any(isinstance(value.get(lang), str) and value.get(lang).strip() for lang in TEXT_KEYS):
        if required or any(not isinstance(v, str) or v.strip() for v in value.values()):
            c.error(value.pos, label, "has no text; expected 'en:' or 'ar:' with text; got empty text", "text_shape")


def to_text(value) -> Text:
    if isinstance(value, str):
        return Text(en=value.strip() or None, ar=value.strip() or None, neutral=True)
    if isinstance(value, dict):
        en = value.get("en")
        ar = value.get("ar")
        en = en.strip() if isinstance(en, str) and en.strip() else None
        ar = ar.strip() if isinstance(ar, str) and ar.strip() else None
        return Text(en=en, ar=ar)
    return Text()


# ---------------------------------------------------------------------------
# Layer two: one named rule per fact


@lru_cache(maxsize=None)
def outing_terms() -> tuple[str, ...]:
    """Words that must never be in a URL (outing-terms.txt): they would out a reader's history."""
    text = (Path(__file__).parent / "outing-terms.txt").read_text(encoding="utf-8")
    return tuple(t for t in text.splitlines() if t and not t.startswith("#"))


def outing_term(text: str) -> str | None:
    for term in outing_terms():
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.I):
            return term
    return None


def slug_is_neutral(c: Check, slug: str) -> None:
    term = outing_term(slug.replace("-", " "))
    if term:
        c.error(Pos(1, 1), "", f"file name contains '{term}', which would out a reader who has this page's address in their history; expected a neutral slug (e.g. initials and a place, like 'iq-network.yml'); got '{slug}.yml'", "slug_is_neutral")


def slug_is_valid(c: Check, slug: str, folder: str) -> None:
    if not SLUG_RE.match(slug):
        c.error(Pos(1, 1), "", f"file name is not a valid slug; expected lower-case ASCII letters, digits and hyphens, like 'my-group.yml'; got '{slug}.yml'", "slug_is_valid")
    if folder != INTERNATIONAL and folder not in country_codes():
        c.error(Pos(1, 1), "", f"folder is not a country; expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got '{folder}'", "folder_is_country")


def kinds_are_known(c: Check, data: Map, kinds: dict[str, Kind]) -> None:
    value = data.get("kinds")
    if not isinstance(value, list):
        return
    seen = set()
    for i, kind in enumerate(value):
        where = f"kinds[{i}]"
        if not isinstance(kind, str) or kind not in kinds:
            close = difflib.get_close_matches(str(kind), list(kinds), n=1, cutoff=0.6) if isinstance(kind, str) else []
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            c.error(pos_of(kind, data, "kinds"), where, f"unknown kind{hint}; expected one of: {', '.join(kinds)} (see data/kinds.yml); got {_got(kind)}", "kinds_are_known")
        elif kind in seen:
            c.error(kind.pos, where, f"kind listed twice; expected each kind once; got '{kind}'", "kinds_are_known")
        else:
            seen.add(kind)


def countries_are_iso(c: Check, data: Map, folder: str) -> None:
    value = data.get("countries")
    if not isinstance(value, list):
        return
    for i, code in enumerate(value):
        if not isinstance(code, str) or (code != INTERNATIONAL and code not in country_codes()):
            hint = f" (write it in lower case: '{code.lower()}')" if isinstance(code, str) and code.lower() in country_codes() else ""
            c.error(pos_of(code, data, "countries"), f"countries[{i}]", f"not a country code{hint}; expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got {_got(code)}", "countries_are_iso")
    if folder not in value:
        c.error(value.pos, "countries", f"does not include the file's folder; expected '{folder}' in the list (the folder is the primary country); got [{', '.join(map(str, value))}]", "countries_include_folder")


def languages_are_iso(c: Check, value, where: str, parent: Map, key: str) -> None:
    if not isinstance(value, list):
        return
    for i, code in enumerate(value):
        if not isinstance(code, str) or code not in language_codes():
            hint = f" (write it in lower case: '{code.lower()}')" if isinstance(code, str) and code.lower() in language_codes() else ""
            c.error(pos_of(code, parent, key), f"{where}[{i}]", f"not a language code{hint}; expected an ISO 639-1 code like 'ar' or 'en'; got {_got(code)}", "languages_are_iso")


def enum_is_known(c: Check, data: Map, key: str, allowed: tuple[str, ...], where: str | None = None, noun: str = "value") -> None:
    """One of a fixed list of words (status, visibility, verified_by, confidence)."""
    value = data.get(key)
    if isinstance(value, str) and value and value not in allowed:
        c.error(value.pos, where or key, f"unknown {noun}; expected one of: {', '.join(allowed)}; got '{value}'", f"{key}_is_known")


def date_is_valid(c: Check, data: Map, key: str, today: dt.date) -> dt.date | None:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        return None
    try:
        if not DATE_RE.match(value):
            raise ValueError
        date = dt.date.fromisoformat(value)
    except ValueError:
        c.error(value.pos, key, f"not a date; expected YYYY-MM-DD, like '2026-01-31'; got '{value}'", "date_is_valid")
        return None
    if date > today:
        c.error(value.pos, key, f"is in the future; expected a date on or before {today.isoformat()}; got '{value}'", "date_not_in_future")
    return date


def _refused(c: Check, pos, where: str, exc: contacts.Refused) -> None:
    c.error(pos, where, exc.message, exc.rule)


def web_url_is_safe(c: Check, value, where: str, parent, key) -> bool:
    """https: links pass; http: passes with a warning (never rewritten); anything else fails (contacts.web_link)."""
    if not isinstance(value, str):
        return False
    if contacts.bad_char(value, True):
        return False  # text_is_plain has said so
    pos = pos_of(value, parent, key)
    try:
        _, plain_http = contacts.web_link(value)
    except contacts.Refused as exc:
        _refused(c, pos, where, exc)
        return False
    if plain_http:
        c.warn(pos, where, f"plain http link (kept as written); expected 'https://' if the site supports it; got {_got(value)}", "url_is_https")
    return True


def contact_link(c: Check, contact: Map, where: str, folder: str, short_codes: dict, countries: tuple[str, ...] = ()) -> str | None:
    """Check one contact's value for its type (hooks/wasla/contacts.py) and return the link a reader taps."""
    ctype = contact.get("type")
    value = contact.get("value")
    if not isinstance(ctype, str) or not ctype:
        return None
    if ctype not in CONTACT_TYPES:
        close = difflib.get_close_matches(ctype, CONTACT_TYPES, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        c.error(ctype.pos, f"{where}.type", f"unknown contact type{hint}; expected one of: {', '.join(CONTACT_TYPES)}; got '{ctype}'", "contact_type_is_known")
        return None
    if not isinstance(value, str) or not value or contacts.bad_char(value, True):
        return None
    vw = f"{where}.value"
    if ctype in WEB_TYPES:
        return value if web_url_is_safe(c, value, vw, contact, "value") else None
    try:
        if ctype == "signal":
            return contacts.signal_link(value, folder, countries, short_codes)
        if ctype == "email":
            return contacts.email_link(value)
        if ctype == "telegram":
            return contacts.telegram_link(value)
        tel = contacts.phone_link(value, folder, countries, short_codes)
    except contacts.Refused as exc:
        _refused(c, value.pos, vw, exc)
        return None
    if ctype == "phone":
        return f"tel:{tel}"
    if ctype == "sms":
        return f"sms:{tel}"
    if not tel.startswith("+"):
        c.error(value.pos, vw, f"{ctype} needs a full number; expected the number with its country code; got {_got(value)}", "phone_is_valid")
        return None
    return f"https://wa.me/{tel[1:]}"


def address_is_public(c: Check, addr: Map, visibility: str) -> None:
    if visibility not in VISIBILITIES:
        return
    problem = contacts.address_problem(visibility, bool(addr.get("text")))
    if problem:
        c.error(pos_of(addr.get("text"), addr, "text") if addr.get("text") else addr.pos, "address.text", problem, "address_is_public")


def notes_have_no_location(c: Check, data: Map) -> None:
    """A warning: the data lane reviews each one; a location in a public repository cannot be unpublished."""
    note = data.get("curator_notes")
    if isinstance(note, str):
        problem = contacts.notes_location_problem(note)
        if problem:
            c.warn(note.pos, "curator_notes", problem, "notes_have_no_location")


def kind_text_is_plain(c: Check, value, label: str) -> None:
    """kinds.yml labels and descriptions reach <title> and headers through MkDocs templates that do not
    autoescape (and Material's striptags unescapes): they must be plain text, not merely escaped."""
    for lang, text in (value.items() if isinstance(value, dict) else [("", value)]):
        if isinstance(text, str):
            problem = contacts.plain_text_markup(text)
            if problem:
                c.error(text.pos, f"{label}.{lang}" if lang else label, problem, "kind_text_is_plain")


def text_is_plain(c: Check, data) -> None:
    """Every text in the file, one rule (contacts.text_problems): no control or bidi characters, none
    invisible in a contact value or link, and no text longer than its field allows."""
    for text, label, key, strict in contacts.walk_texts(data):
        for message, rule in contacts.text_problems(text, key, strict):
            c.error(text.pos, label, message, rule)


def translation_is_missing(c: Check, data: Map, label: str, value) -> None:
    """A missing translation is not an error: it is shown on the page with a note."""
    if isinstance(value, dict):
        have = [lang for lang in TEXT_KEYS if isinstance(value.get(lang), str) and value.get(lang).strip()]
        if len(have) == 1:
            missing = "ar" if have[0] == "en" else "en"
            name = "Arabic" if missing == "ar" else "English"
            c.warn(value.pos, f"{label}.{missing}", f"{name} text missing; the {'English' if missing == 'ar' else 'Arabic'} text is shown with a 'not yet translated' note; expected '{missing}:' with a translation", "translation_is_missing")


def summary_is_short(c: Check, data: Map) -> None:
    value = data.get("summary")
    if not isinstance(value, dict):
        value = {"en": value} if isinstance(value, str) else {}
    for lang, text in value.items():
        if isinstance(text, str) and len(text.strip()) > SUMMARY_MAX:
            where = "summary" if lang not in TEXT_KEYS or not isinstance(data.get("summary"), dict) else f"summary.{lang}"
            c.error(text.pos, where, f"too long; expected at most {SUMMARY_MAX} characters (say what the service does; details belong on its website); got {len(text.strip())}", "summary_is_short")


def translation_differs(c: Check, data: Map, key: str) -> None:
    """Both languages given but identical: a translation was expected (or one string for both)."""
    value = data.get(key)
    if isinstance(value, dict) and isinstance(value.get("en"), str) and isinstance(value.get("ar"), str):
        if value["en"].strip() and value["en"].strip() == value["ar"].strip():
            c.error(value["ar"].pos, f"{key}.ar", f"same text as {key}.en; expected an Arabic translation, or a single '{key}:' string when the text is the same in both languages (a brand name); got {_got(value['ar'])}", "translation_differs")


def _same_contact_key(contact: Contact) -> str | None:
    if contact.type in WEB_TYPES:
        parts = urlsplit(contact.href)
        host = parts.netloc.lower().removeprefix("www.")
        return f"web:{host}{parts.path.rstrip('/')}" if parts.path.strip("/") else f"web:{host}"
    if contact.dials:
        return "phone:" + contact.dials
    if contact.href.startswith("mailto:"):
        return "email:" + contact.href[7:].lower()
    return None


def contacts_are_unique(resources: list[Resource]) -> list[Problem]:
    """Across files: one phone number, e-mail or website belongs to one entry (else merge them)."""
    seen: dict[str, tuple[Resource, int]] = {}
    problems = []
    for r in resources:
        keys_here = set()
        for i, contact in enumerate(r.contacts):
            key = _same_contact_key(contact)
            if key is None or key in keys_here:
                continue
            keys_here.add(key)
            if key in seen:
                other, j = seen[key]
                what = key.split(":", 1)[0].replace("web", "website").replace("phone", "phone number").replace("email", "e-mail address")
                pos = contact.pos or Pos(1, 1)
                problems.append(Problem(r.path, pos.line, pos.col, f"contacts[{i}].value",
                                        f"same {what} as {other.path} (contacts[{j}]); expected each {what} in one entry only (merge the two entries, or remove it from one); got {_got(contact.value)}",
                                        ERROR, "contacts_are_unique"))
            else:
                seen[key] = (r, i)
    return problems


# ---------------------------------------------------------------------------
# One file, all rules


def check_resource(path: str, folder: str, slug: str, data, kinds: dict[str, Kind], short_codes: dict, today: dt.date,
                   collect: list | None = None) -> tuple[Resource | None, list[Problem]]:
    """One file through every rule. ``collect`` receives (path, valid contacts) even when the file has
    errors, so the cross-file rules (contacts_are_unique) still see it in the same run."""
    c = Check(path)
    slug_is_valid(c, slug, folder)
    slug_is_neutral(c, slug)
    if not isinstance(data, dict):
        c.error(getattr(data, "pos", None), "", f"the file must be a mapping of fields; expected 'name:', 'kinds:', … lines; got {_got(data) if data is not None else 'an empty file'}", "file_is_mapping")
        return None, c.problems

    check_fields(c, data, FIELDS, "")
    text_is_plain(c, data)
    notes_have_no_location(c, data)
    kinds_are_known(c, data, kinds)
    if "countries" in data:
        countries_are_iso(c, data, folder)
    languages_are_iso(c, data.get("languages"), "languages", data, "languages")
    enum_is_known(c, data, "status", STATUSES, noun="status")
    enum_is_known(c, data, "verified_by", VERIFIED_BY)
    enum_is_known(c, data, "confidence", CONFIDENCES)
    last_verified = date_is_valid(c, data, "last_verified", today)
    if data.get("verified_by") and not data.get("last_verified"):
        c.error(data.key_pos["verified_by"], "verified_by", "given without a date; expected 'last_verified: YYYY-MM-DD' beside it; got no last_verified", "verified_by_needs_date")
    for key in ("name", "summary", "city"):
        translation_is_missing(c, data, key, data.get(key))
        translation_differs(c, data, key)
    summary_is_short(c, data)

    sources = check_sources(c, data, today)  # evidence.py: bare links or {url, date, kind}

    schedules = hours_rules.check_hours(c, data, folder, today)
    contacts = []
    if isinstance(data.get("contacts"), list):
        for i, contact in enumerate(data["contacts"]):
            where = f"contacts[{i}]"
            if not isinstance(contact, dict):
                c.error(pos_of(contact, data, "contacts"), where, f"must be a mapping; expected 'type:' and 'value:' lines; got {_got(contact)}", "field_shape")
                continue
            check_fields(c, contact, CONTACT_FIELDS, where)
            languages_are_iso(c, contact.get("languages"), f"{where}.languages", contact, "languages")
            for key in ("hours", "note"):
                translation_is_missing(c, contact, f"{where}.{key}", contact.get(key))
            countries = tuple(map(str, data["countries"])) if isinstance(data.get("countries"), list) else (folder,)
            href = contact_link(c, contact, where, folder, short_codes, countries)
            if href:
                hours = to_text(contact.get("hours"))
                schedule = schedules.get(i)
                contacts.append(Contact(
                    type=str(contact["type"]), value=str(contact["value"]), href=href, hours=hours,
                    languages=tuple(map(str, contact.get("languages") or ())), note=to_text(contact.get("note")),
                    always_open=schedule.always if schedule else bool(hours.en and hours.en.strip().lower().startswith(ALWAYS_OPEN)),
                    opening_hours=schedule.expression if schedule else None, schedule=schedule,
                    pos=getattr(contact.get("value"), "pos", None),
                    shown=shown_link(str(contact["value"])) if contact["type"] in WEB_TYPES else None,
                    **channels.contact_safety(c, contact, where),
                ))

    address, visibility = None, "hidden"
    if isinstance(data.get("address"), dict):
        addr = data["address"]
        check_fields(c, addr, ADDRESS_FIELDS, "address")
        enum_is_known(c, addr, "visibility", VISIBILITIES, "address.visibility")
        visibility = str(addr.get("visibility") or "hidden")
        address_is_public(c, addr, visibility)
        if visibility == "public":
            address = to_text(addr.get("text"))

    if collect is not None:
        collect.append((path, tuple(contacts)))
    from .countries import check_scope_and_warnings  # here: countries.py builds on this module
    scope, warnings = check_scope_and_warnings(c, data, today)

    if c.failed:
        return None, c.problems
    resource = Resource(
        slug=slug, folder=folder, path=path,
        name=to_text(data["name"]), kinds=tuple(map(str, data["kinds"])),
        countries=tuple(map(str, data.get("countries") or (folder,))),
        summary=to_text(data["summary"]), contacts=tuple(contacts), sources=tuple(sources),
        status=str(data["status"]), city=to_text(data.get("city")),
        languages=tuple(map(str, data.get("languages") or ())),
        address=address, address_visibility=visibility,
        last_verified=last_verified, verified_by=str(data["verified_by"]) if data.get("verified_by") else None,
        confidence=str(data["confidence"]) if data.get("confidence") else None,
        scope=scope, warnings=warnings,
    )
    return resource, c.problems
