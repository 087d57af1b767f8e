"""The rulebook of a resource file: every check one file goes through, in order.

Layer one is the shape (``FIELDS``): which fields exist, which are required, what kind of value
each holds.  Layer two is the named rules, each looking at one fact; they live with their
subject (text.py, contacts.py, phones.py, links.py, sources.py, hours.py, warnings.py, topics.py) and
``check_resource`` calls them all.  A check never stops at the first problem.
"""

from __future__ import annotations

import datetime as dt

from ..core.model import CONFIDENCES, VISIBILITIES, Kind, Resource, Topic
from ..core.places import INTERNATIONAL, country_codes
from ..core.problems import Problem
from ..core.yamlload import Map
from .check import (
    Check,
    check_fields,
    date_is_valid,
    enum_is_known,
    got,
    languages_are_iso,
    pos_of,
    to_text,
)
from .contacts import check_contacts, published_sites
from .kinds import kinds_are_known
from .slugs import slug_is_free, slug_is_neutral, slug_is_valid
from .sources import check_sources
from .text import (
    address_is_public,
    notes_have_no_location,
    summary_is_short,
    text_is_plain,
    translation_differs,
    translation_is_missing,
)
from .topics import answers_are_valid, audience_is_known
from .warnings import check_scope_and_warnings

STATUSES = ("active", "paused", "closed")
VERIFIED_BY = ("website", "phone", "partner", "in_person")


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
    "timezone": (False, "scalar"),  # IANA zone of the contacts' opening_hours
    "scope": (False, "scalar"),
    "warnings": (False, "list"),
    "answers": (False, "list"),  # the topics of data/topics.yml it answers, each with its source
    "audience": (False, "list"),  # whom it is for; absent: anyone
}
ADDRESS_FIELDS: dict[str, tuple[bool, str]] = {
    "text": (False, "text"),  # only with visibility: public (address_is_public)
    "visibility": (False, "scalar"),
}


def countries_are_iso(c: Check, data: Map, folder: str) -> None:
    value = data.get("countries")
    if not isinstance(value, list):
        return
    for i, code in enumerate(value):
        if not isinstance(code, str) or (code != INTERNATIONAL and code not in country_codes()):
            hint = (
                f" (write it in lower case: '{code.lower()}')"
                if isinstance(code, str) and code.lower() in country_codes()
                else ""
            )
            c.error(
                pos_of(code, data, "countries"),
                f"countries[{i}]",
                f"not a country code{hint}; expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got {got(code)}",
                "countries_are_iso",
            )
    if folder not in value:
        c.error(
            value.pos,
            "countries",
            f"does not include the file's folder; expected '{folder}' in the list (the folder is the primary country); got [{', '.join(map(str, value))}]",
            "countries_include_folder",
        )


def check_resource(
    path: str,
    folder: str,
    slug: str,
    data,
    kinds: dict[str, Kind],
    short_codes: dict,
    today: dt.date,
    collect: list | None = None,
    topics: dict[str, Topic] | None = None,
) -> tuple[Resource | None, list[Problem]]:
    """One file through every rule. ``collect`` receives (path, valid contacts) even when the file has
    errors, so the cross-file rules (contacts_are_unique) still see it in the same run. ``topics``:
    data/topics.yml, which the ``answers`` field names."""
    c = Check(path)
    slug_is_valid(c, slug, folder)
    slug_is_neutral(c, slug)
    slug_is_free(c, slug)
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None),
            "",
            f"the file must be a mapping of fields; expected 'name:', 'kinds:', … lines; got {got(data) if data is not None else 'an empty file'}",
            "file_is_mapping",
        )
        return None, c.problems

    check_fields(c, data, FIELDS, "")
    text_is_plain(c, data, region=None if folder == INTERNATIONAL else folder)
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
        c.error(
            data.key_pos["verified_by"],
            "verified_by",
            "given without a date; expected 'last_verified: YYYY-MM-DD' beside it; got no last_verified",
            "verified_by_needs_date",
        )
    for key in ("name", "summary", "city"):
        translation_is_missing(c, data, key, data.get(key))
        translation_differs(c, data, key)
    summary_is_short(c, data)

    own = published_sites(data)
    sources = check_sources(c, data, today, own=own)
    own_sources = frozenset(s.url for s in sources if s.kind == "own")

    contacts = check_contacts(c, data, folder, short_codes, today, own, own_sources)

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
    scope, warnings = check_scope_and_warnings(c, data, today)
    answers = answers_are_valid(c, data, topics or {}, kinds)
    audience = audience_is_known(c, data)

    if c.failed:
        return None, c.problems
    resource = Resource(
        slug=slug,
        folder=folder,
        path=path,
        name=to_text(data["name"]),
        kinds=tuple(map(str, data["kinds"])),
        countries=tuple(map(str, data.get("countries") or (folder,))),
        summary=to_text(data["summary"]),
        contacts=tuple(contacts),
        sources=tuple(sources),
        status=str(data["status"]),
        city=to_text(data.get("city")),
        languages=tuple(map(str, data.get("languages") or ())),
        address=address,
        address_visibility=visibility,
        last_verified=last_verified,
        verified_by=str(data["verified_by"]) if data.get("verified_by") else None,
        confidence=str(data["confidence"]) if data.get("confidence") else None,
        scope=scope,
        warnings=warnings,
        answers=answers,
        audience=audience,
    )
    return resource, c.problems
