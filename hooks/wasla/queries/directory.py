"""The directory: who is listed where, who serves a country, what is stale.

Questions asked of a loaded ``Dataset``; the answers are entries and country codes, never HTML.
An order that depends on the page language (names) is passed in as a sort key.
"""

from __future__ import annotations

import datetime as dt

from ..core.dates import months_between
from ..core.model import Dataset, Resource
from ..core.places import INTERNATIONAL


def page_countries(region: tuple[str, ...], with_entries) -> list[str]:
    """Codes that get a country page: the region, then any other country with an entry; unsorted."""
    return list(dict.fromkeys([*region, *(c for c in with_entries if c != INTERNATIONAL)]))


def search_countries(dataset) -> list[str]:
    """The country pages the search finds, by their names only (never by law text): the same
    list and order in every language, after the entries (search.py gives them the next ids)."""
    with_entries = {c for r in dataset.resources for c in r.countries}
    return sorted(page_countries(dataset.region, with_entries))


def serves(resource, code: str) -> bool:
    """An international entry serves every country, unless its `countries` list names some."""
    named = [c for c in resource.countries if c != INTERNATIONAL]
    return not named or code in named


def by_country(dataset: Dataset) -> dict[str, list[Resource]]:
    """Each country code (and 'international') with the entries that list it; every region country too."""
    out: dict[str, list[Resource]] = {}
    for r in dataset.resources:
        for code in r.countries:
            out.setdefault(code, []).append(r)
    for code in dataset.region:  # every region country has a page, with or without entries
        out.setdefault(code, [])
    return out


def freshness(dataset: Dataset, today: dt.date, stale_months: int) -> tuple[list[Resource], list[Resource]]:
    """(entries never verified, entries verified longer ago than stale_months)."""
    never = [r for r in dataset.resources if r.last_verified is None]
    stale = [r for r in dataset.resources if r.last_verified and months_between(r.last_verified, today) >= stale_months]
    return never, stale


def is_stale(verified: dt.date, today: dt.date, stale_months: int) -> bool:
    return months_between(verified, today) >= stale_months


REACH_TYPES = ("phone", "whatsapp", "signal", "sms", "telegram", "email", "chat")
