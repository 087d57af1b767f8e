"""What `make serve` and `make build` print: one line about the data, every error in full.

MkDocs and static-i18n narrate each language build at INFO level (about ten lines per build,
plus `make check`'s detail before `make serve`): that reads as if something broke. Their INFO
loggers are lowered to WARNING here. Not `mkdocs --quiet`: it lowers the whole `mkdocs` logger
to ERROR, so strict mode no longer counts warnings and lets them pass. Warnings and errors
of every logger still print, and strict mode still fails on them. `make check` stays detailed.
"""

from __future__ import annotations

import datetime as dt
import logging

from ..core.model import Dataset
from ..core.problems import ERROR, Problem, report
from ..queries.directory import freshness

# Loggers whose INFO lines only narrate the build ("Building 'ar' documentation…", "Cleaning site
# directory", "Documentation built in …"). `mkdocs.commands.serve` and `mkdocs.livereload`
# keep theirs: "Serving on http://127.0.0.1:8000/" is what `make serve` must show.
NARRATORS = ("mkdocs.commands.build", "mkdocs.plugins.mkdocs_static_i18n", "mkdocs.plugins.material")


def quiet_build_narration() -> None:
    for name in NARRATORS:
        logging.getLogger(name).setLevel(logging.WARNING)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(dataset: Dataset, today: dt.date, stale_months: int) -> str:
    """'31 resources valid · 0 errors · 32 warnings · 31 not yet verified — make check for details'."""
    never, stale = freshness(dataset, today, stale_months)
    warnings = sum(1 for p in dataset.problems if p.level != ERROR)
    parts = [
        f"{plural(len(dataset.resources), 'resource')} valid",
        "0 errors",
        plural(warnings, "warning"),
        f"{len(never)} not yet verified",
    ]
    if stale:
        parts.append(f"{len(stale)} stale")
    return " · ".join(parts) + " — make check for details"


def failure(problems: list[Problem], stream) -> str:
    """Print every error in full (warnings wait for `make check`); return the closing line."""
    errors = [p for p in problems if p.level == ERROR]
    report(errors, stream)
    warnings = len(problems) - len(errors)
    return (
        f"{plural(len(errors), 'data error')}: the site was not built; fix the lines above "
        f"({plural(warnings, 'warning')} too: make check for details)"
    )
