"""What an entry's sources add up to: the newest dated source, its kind, whether it is old.

The card, the search card, the exports and ``make check``'s verification queue all read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.dates import PRECISIONS, years_before
from ..core.model import Source

THIRD_PARTY = ("partner", "press", "aggregator", "other")


@dataclass(frozen=True)
class Evidence:
    newest: Source | None  # the newest dated source (None: no source is dated)
    has_own: bool  # some source is the organisation's own
    third_party_only: bool  # every source has a known kind, and none is 'own'
    stale: bool  # the newest dated source is older than the configured age

    @property
    def case(self) -> str:
        """Which sentence the card shows (a key suffix of the string tables)."""
        if self.newest is None:
            return "third_party_undated" if self.third_party_only else "undated"
        if self.newest.kind == "own":
            return "own"
        return "third_party" if self.third_party_only else "newest"


def newest(sources) -> Source | None:
    dated = [s for s in sources if s.date is not None]
    # equal first days: the more precise date is the better evidence
    return max(dated, key=lambda s: (s.date, PRECISIONS.index(s.precision))) if dated else None


def summarise(sources, today: dt.date, stale_years: int) -> Evidence:
    top = newest(sources)
    kinds = [s.kind for s in sources]
    return Evidence(
        newest=top,
        has_own="own" in kinds,
        third_party_only=bool(kinds) and all(k in THIRD_PARTY for k in kinds),
        stale=top is not None and top.date < years_before(today, stale_years),
    )


def queue_key(evidence: Evidence):
    """Oldest evidence first: undated entries before any dated one."""
    return (evidence.newest is not None, evidence.newest.date if evidence.newest else dt.date.min)
