"""``make check``: every problem as ``file:line:col: field: message`` (and as GitHub annotations under
GitHub Actions), the verification queue, the law items stale or of low confidence, and a summary;
how much is written in each registered language; exit 1 on any error."""

from __future__ import annotations

import sys

from ..core.dates import build_today as today
from ..core.problems import ERROR, printable, report
from ..core.settings import Settings
from ..loading.dataset import load
from ..queries.coverage import coverage
from ..queries.directory import freshness
from ..queries.evidence import queue_key, summarise
from ..queries.law import law_notes

EVIDENCE_STALE_YEARS = Settings().evidence_stale_years  # the queue's order does not depend on it


def check(data_dir: str, stale_months: int, law_stale_months: int, show_coverage: bool = False) -> int:
    now = today()
    dataset, problems = load(data_dir, raise_on_error=False, today=now)
    report(problems, sys.stdout)
    never, stale = freshness(dataset, now, stale_months)
    verification_queue(never, stale, now, stale_months)
    law = law_notes(dataset, now, law_stale_months)  # stale and low-confidence law items
    for line in law:
        print(printable(line))
    errors = sum(1 for p in problems if p.level == ERROR)
    warnings = len(problems) - errors
    print(
        f"{len(dataset.resources)} resources valid; {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
        f"{len(never)} not yet verified, {len(stale)} stale"
    )
    if dataset.countries:
        print(f"{len(dataset.countries)} law files; {len(law)} law notes (stale or low confidence)")
    if show_coverage:
        print("Written in each language (the rest is shown from the language's fallback, marked):")
        for line in coverage(dataset):
            print(printable(line.line()))
    return 1 if errors else 0


def verification_queue(never, stale, now, stale_months: int) -> None:
    """Never verified, then stale; in each, the oldest evidence (newest source) first."""

    def newest(r) -> str:
        top = summarise(r.sources, now, EVIDENCE_STALE_YEARS).newest
        return f"newest source {top.written_date} ({top.kind or 'kind not recorded'})" if top else "no dated source"

    if never or stale:
        print("Verification queue (never verified, then stale; oldest evidence first):")
    for r in sorted(never, key=lambda r: queue_key(summarise(r.sources, now, EVIDENCE_STALE_YEARS))):
        print(printable(f"{r.path}: note: not yet verified; {newest(r)}"))
    for r in sorted(stale, key=lambda r: queue_key(summarise(r.sources, now, EVIDENCE_STALE_YEARS))):
        print(
            printable(
                f"{r.path}: note: stale: last verified {r.last_verified.isoformat()}, over {stale_months} months ago; {newest(r)}"
            )
        )
