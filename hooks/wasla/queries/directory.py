"""The directory: who is listed where, who serves a country, who answers now, what is stale.

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


HOTLINE = "hotline"


REACH_TYPES = ("phone", "whatsapp", "signal", "sms", "telegram", "email", "chat")


def can_be_reached(r: Resource) -> bool:
    return r.status == "active" and any(c.type in REACH_TYPES for c in r.contacts)


def answer_now(dataset: Dataset, key, code: str | None = None) -> list[Resource]:
    """Hotlines of `code` (in the order of ``key``), then international hotlines."""
    order = answer_now_all(dataset, key)
    local = [r for r in order if code and code != INTERNATIONAL and code in r.countries and r.folder != INTERNATIONAL]
    everywhere = [r for r in order if INTERNATIONAL in r.countries]
    return local + everywhere


def answer_now_all(dataset: Dataset, key) -> list[Resource]:
    """Every hotline that answers now, in the order of ``key``: each country's and the international ones."""
    order = [r for r in dataset.resources if HOTLINE in r.kinds and can_be_reached(r)]
    order.sort(key=key)
    return order
