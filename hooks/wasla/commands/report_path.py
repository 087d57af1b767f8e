"""Whether readers of a build can report a wrong entry: ``python -m wasla report-path``.

``make serve`` prints a note when neither ``issues_url`` nor ``report_email`` is set; the deploy
workflow refuses to publish without one (``--require``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

from ..output.reporting import KEYS


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: unknown tags (!ENV, !!python/…) read as None."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def configured(mkdocs_yml: str | Path = "mkdocs.yml", environ=os.environ) -> dict[str, str]:
    """issues_url and report_email as the build will see them (WASLA_* first, then mkdocs.yml)."""
    extra = {}
    path = Path(mkdocs_yml)
    if path.is_file():
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
        extra = ((config.get("extra") or {}).get("wasla") or {}) if isinstance(config, dict) else {}
    return {key: environ.get(f"WASLA_{key.upper()}") or str(extra.get(key) or "") for key in KEYS}


HOW = (
    "set extra.wasla.issues_url (your repository's https://github.com/<owner>/<repo>/issues/new) "
    "and/or extra.wasla.report_email in mkdocs.yml, or WASLA_ISSUES_URL / WASLA_REPORT_EMAIL"
)


NOTE = f"note: readers of this site have no way to report a wrong entry: {HOW}. The deploy workflow refuses to publish without one."


REFUSED = f"error: not publishing a site whose readers cannot report a wrong entry: {HOW}."


def check(mkdocs_yml: str | Path, require: bool, stream=sys.stderr) -> int:
    """Print NOTE when neither way is set; with require (the deploy workflow), REFUSED and fail."""
    if any(configured(mkdocs_yml).values()):
        return 0
    print(REFUSED if require else NOTE, file=stream)
    return 1 if require else 0
