"""Sources: where each fact comes from, and when. One set of rules for every file that has them.

A resource's ``sources`` item is a bare web link (undated, kind not recorded) or a mapping::

    - url: https://example.org/page   # required; the same web-link rules as contacts
      date: 2024-03                   # required: YYYY | YYYY-MM | YYYY-MM-DD | undated
      kind: own                       # required: own | partner | press | aggregator | other

A law item's sources are the same mappings, each with its own date (``kind`` optional there: a
law has no organisation, so never ``own``); a short code's and a lead's sources are the same
items as a resource's. A date keeps its precision, and is in the future only when its first day
is after today.

``own`` is the strongest claim a card makes ("Last published by the organisation: …"): it is
accepted only on a site the entry itself publishes, one of its website or chat contacts
(``OwnSites``), so that a page anyone can write cannot speak for the organisation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.model import SOURCE_KINDS, Source
from .check import check_fields, did_you_mean, got, pos_of, written_date
from .links import site_host, web_url_is_safe

# Fields of a source mapping: name -> (required, what it holds) (the JSON schemas repeat these)
SOURCE_FIELDS: dict[str, tuple[bool, str]] = {
    "url": (True, "scalar"),
    "date": (True, "scalar"),
    "kind": (True, "scalar"),
}
LAW_SOURCE_FIELDS: dict[str, tuple[bool, str]] = {
    "url": (True, "scalar"),
    "date": (True, "scalar"),
    "kind": (False, "scalar"),
}
THIRD_PARTY_KINDS = tuple(k for k in SOURCE_KINDS if k != "own")


@dataclass(frozen=True)
class OwnSites:
    """The sites an entry publishes as its own (hosts, as ``links.site_host`` spells them).
    ``entry`` False: the file has no organisation at all (a law file), so 'own' is never its kind."""

    hosts: frozenset[str] = frozenset()
    entry: bool = True

    def holds(self, url: str) -> bool:
        """Is the link on one of these sites (the host itself or a subdomain of it)?"""
        host = site_host(url)
        return bool(host) and any(host == h or host.endswith("." + h) for h in self.hosts)


NO_ORGANISATION = OwnSites(entry=False)


# ---------------------------------------------------------------------------
# The rules of a `sources` list


def check_sources(
    c,
    data,
    today: dt.date,
    *,
    key: str = "sources",
    where: str = "",
    fields: dict[str, tuple[bool, str]] = SOURCE_FIELDS,
    bare: bool = True,
    own: OwnSites | None = None,
) -> tuple[Source, ...]:
    """Every item of ``data[key]``: a safe web link (when ``bare``), or a mapping of ``fields``.
    ``own``: the sites a source of kind 'own' must be on (None: the claim is not shown anywhere).
    Returns the valid sources; every invalid one is reported, never dropped in silence."""
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    label = f"{where}.{key}" if where else key
    sources = []
    for i, item in enumerate(value):
        at = f"{label}[{i}]"
        if isinstance(item, dict):
            source = source_mapping_is_valid(c, item, at, today, fields, own)
            if source:
                sources.append(source)
        elif isinstance(item, str) and bare:
            if web_url_is_safe(c, item, at, data, key):
                sources.append(Source(url=str(item)))
        elif isinstance(item, str):
            c.error(
                pos_of(item, data, key),
                at,
                f"must be a mapping; expected 'url:' and 'date:' lines, each source with its own date "
                f"('date: undated' when the page shows none); got {got(item)}",
                "source_shape",
            )
        else:
            shape = "a web link or a mapping" if bare else "a mapping"
            lines = "'- https://…' or 'url:', 'date:' and 'kind:' lines" if bare else "'url:' and 'date:' lines"
            c.error(
                pos_of(item, data, key),
                at,
                f"must be {shape}; expected {lines}; got {got(item)}",
                "source_shape",
            )
    return tuple(sources)


def source_mapping_is_valid(
    c, item, where: str, today: dt.date, fields=SOURCE_FIELDS, own: OwnSites | None = None
) -> Source | None:
    """url (a safe web link), date (YYYY | YYYY-MM | YYYY-MM-DD | undated, not in the future), kind."""
    before = len(c.problems)
    check_fields(c, item, fields, where)
    url = item.get("url")
    url_ok = isinstance(url, str) and bool(url) and web_url_is_safe(c, url, f"{where}.url", item, "url")
    date = written_date(
        c,
        item.get("date"),
        f"{where}.date",
        today,
        precisions=("year", "month", "day"),
        expected="YYYY, YYYY-MM, YYYY-MM-DD or 'undated', like '2024-03'",
        rule="source_date_is_valid",
        future_rule="source_date_not_in_future",
        noun="source date",
        undated=True,
    )
    kind = source_kind_is_known(c, item, where)
    if kind == "own" and url_ok and own is not None:
        own_is_own_site(c, item, where, own)
    if not url_ok or any(p.level == "error" for p in c.problems[before:]):
        return None
    dated = date if isinstance(date, tuple) else None
    return Source(url=str(url), date=dated[0] if dated else None, precision=dated[1] if dated else None, kind=kind)


def source_kind_is_known(c, item, where: str) -> str | None:
    value = item.get("kind")
    if not isinstance(value, str) or not value:
        return None
    if value not in SOURCE_KINDS:
        close = did_you_mean(value, SOURCE_KINDS)
        hint = f" (did you mean '{close}'?)" if close else ""
        c.error(
            value.pos,
            f"{where}.kind",
            f"unknown source kind{hint}; expected one of: {', '.join(SOURCE_KINDS)}; got '{value}'",
            "source_kind_is_known",
        )
        return None
    return str(value)


def own_is_own_site(c, item, where: str, own: OwnSites) -> None:
    """'own' only on a site the entry publishes: else the card would say the organisation itself
    published what anyone may have written."""
    url = str(item["url"])
    if own.holds(url):
        return
    others = ", ".join(f"'{k}'" for k in THIRD_PARTY_KINDS[:-1]) + f" or '{THIRD_PARTY_KINDS[-1]}'"
    if own.entry:
        sites = ", ".join(sorted(own.hosts)) or "none"
        why = (
            f"'own' on {site_host(url)}, which is not a site this entry publishes (its website and chat "
            f"contacts: {sites}), so the card would say the organisation itself published it"
        )
        others += " (or first the organisation's site in 'contacts', if it publishes one)"
    else:
        why = f"'own' on {site_host(url)}, but a law file has no organisation of its own"
    c.error(item["kind"].pos, f"{where}.kind", f"{why}; expected {others}; got 'own' for {got(url)}", "own_is_own_site")
