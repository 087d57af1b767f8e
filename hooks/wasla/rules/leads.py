"""``data/leads.yml``: organisations found in the seed lists that are not published yet.

Nothing here reaches the site, but the repository is public: a lead goes through the same rules
as every file (text_is_plain, the sources rules, the warnings rules, known kinds and countries),
and its key is a slug, never one of a published entry (a lead is promoted by moving it, not
copying it). The shape, read from the file as curators write it::

    damj:                       # the slug it would have; lower-case letters, digits, hyphens
      country: tn               # required: a country code, or international
      name: Damj - …            # required
      name_ar: دمج              # optional
      kinds: [legal_aid]        # required: keys of data/kinds.yml
      confidence: high          # required: high | medium | low
      status: closed            # optional: active | paused | closed
      awaiting: …               # required: what would let it onto the site
      unpublished_channels: […] # optional: channels seen but not publishable, as written
      warnings: […]             # optional: as a resource's
      sources: […]              # required: as a resource's
      notes: …                  # optional: a curator's notes
"""

from __future__ import annotations

import datetime as dt

from ..core.model import CONFIDENCES, Kind
from ..core.places import INTERNATIONAL, country_codes
from ..core.problems import Problem
from ..core.yamlload import Pos
from .check import Check, check_fields, did_you_mean, enum_is_known, got, pos_of
from .resource import STATUSES
from .slugs import SLUG_RE
from .sources import check_sources
from .text import text_is_plain
from .warnings import warning_is_complete

LEAD_FIELDS: dict[str, tuple[bool, str]] = {
    "country": (True, "scalar"),
    "name": (True, "scalar"),
    "name_ar": (False, "scalar"),
    "kinds": (True, "list"),
    "confidence": (True, "scalar"),
    "status": (False, "scalar"),
    "awaiting": (True, "scalar"),
    "unpublished_channels": (False, "list"),
    "warnings": (False, "list"),
    "sources": (True, "list"),
    "notes": (False, "scalar"),
}


def check_leads(
    shown: str, data, kinds: dict[str, Kind], published: set[str], today: dt.date
) -> tuple[int, list[Problem]]:
    """Every lead through its rules; returns (how many leads, problems). ``published``: the slugs of the
    entries, which no lead may share."""
    c = Check(shown)
    if data is None:
        return 0, c.problems
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None) or Pos(1, 1),
            "",
            f"must be a mapping of leads; expected 'slug:' lines with 'country:', 'name:', … under each; got {got(data)}",
            "leads_file",
        )
        return 0, c.problems
    text_is_plain(c, data, free=frozenset())  # never published: free text is a curator's notes
    for key, lead in data.items():
        lead_is_complete(c, str(key), lead, data, kinds, published, today)
    return len(data), c.problems


def lead_is_complete(c: Check, key: str, lead, data, kinds, published: set[str], today: dt.date) -> None:
    pos = data.key_pos.get(key)
    if not SLUG_RE.match(key):
        c.error(
            pos,
            key,
            f"not a slug; expected lower-case ASCII letters, digits and hyphens, like 'my-group'; got {got(key)}",
            "lead_is_slug",
        )
    elif key in published:
        c.error(
            pos,
            key,
            f"is also a published entry's slug; expected a lead to be removed from leads.yml once it is promoted "
            f"to data/resources/; got '{key}'",
            "lead_is_unpublished",
        )
    if not isinstance(lead, dict):
        c.error(
            pos_of(lead, data, key),
            key,
            f"must be a mapping; expected 'country:', 'name:', 'kinds:' … lines; got {got(lead)}",
            "field_shape",
        )
        return
    check_fields(c, lead, LEAD_FIELDS, key)
    country = lead.get("country")
    if isinstance(country, str) and country and country != INTERNATIONAL and country not in country_codes():
        c.error(
            country.pos,
            f"{key}.country",
            f"not a country code; expected a lower-case ISO 3166-1 code like 'lb', or 'international'; got {got(country)}",
            "countries_are_iso",
        )
    for i, kind in enumerate(lead.get("kinds") if isinstance(lead.get("kinds"), list) else []):
        if not isinstance(kind, str) or kind not in kinds:
            close = did_you_mean(kind, kinds)
            hint = f" (did you mean '{close}'?)" if close else ""
            c.error(
                pos_of(kind, lead, "kinds"),
                f"{key}.kinds[{i}]",
                f"unknown kind{hint}; expected one of: {', '.join(kinds)} (see data/kinds.yml); got {got(kind)}",
                "kinds_are_known",
            )
    enum_is_known(c, lead, "confidence", CONFIDENCES, f"{key}.confidence", noun="confidence")
    enum_is_known(c, lead, "status", STATUSES, f"{key}.status", noun="status")
    for i, value in enumerate(lead.get("unpublished_channels") or []):
        if not isinstance(value, str):
            c.error(
                pos_of(value, lead, "unpublished_channels"),
                f"{key}.unpublished_channels[{i}]",
                f"must be text; expected the channel as the source writes it; got {got(value)}",
                "field_shape",
            )
    for i, item in enumerate(lead.get("warnings") if isinstance(lead.get("warnings"), list) else []):
        warning_is_complete(c, item, f"{key}.warnings[{i}]", lead, today)
    check_sources(c, lead, today, where=key)
