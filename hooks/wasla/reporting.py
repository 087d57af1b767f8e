"""How a reader reports an entry, and whether this copy of the site gives them a way to.

Two ways, both configured, never guessed (mkdocs.yml ``extra.wasla`` or ``WASLA_*``):
``issues_url`` (the repository's GitHub "new issue" address: the report form, prefilled) and
``report_email`` (an address for readers without a GitHub account). The e-mail link is a
``mailto:`` with the entry's id in the subject and body, so it also works from the offline
copy (``file://``): the mail program opens, and sends when the reader is online. The id is the
folder and slug (``lb/helem``), which the rules keep neutral (no word that outs a reader), so
the subject line says nothing about the reader.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml

from .model import Resource

KEYS = ("issues_url", "report_email")


def entry_id(r: Resource) -> str:
    return f"{r.folder}/{r.slug}"


def issue_form_href(issues_url: str, r: Resource) -> str | None:
    """The GitHub report form with this entry filled in (issue-form query parameters)."""
    if not issues_url:
        return None
    return f"{issues_url}?" + urlencode({"template": "report.yml", "title": f"Report: {entry_id(r)}", "entry": entry_id(r)})


def mailto_href(email: str, r: Resource, strings: dict) -> str | None:
    """mailto:<address>?subject=…&body=… in the page's language (RFC 6068: %-encoded, CRLF)."""
    if not email:
        return None
    subject = strings["report_mail_subject"].format(entry=entry_id(r))
    body = strings["report_mail_body"].format(entry=entry_id(r)).strip().replace("\n", "\r\n") + "\r\n\r\n"
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


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


HOW = ("set extra.wasla.issues_url (your repository's https://github.com/<owner>/<repo>/issues/new) "
       "and/or extra.wasla.report_email in mkdocs.yml, or WASLA_ISSUES_URL / WASLA_REPORT_EMAIL")
NOTE = f"note: readers of this site have no way to report a wrong entry: {HOW}. The deploy workflow refuses to publish without one."
REFUSED = f"error: not publishing a site whose readers cannot report a wrong entry: {HOW}."


def check(mkdocs_yml: str | Path, require: bool, stream=sys.stderr) -> int:
    """Print NOTE when neither way is set; with require (the deploy workflow), REFUSED and fail."""
    if any(configured(mkdocs_yml).values()):
        return 0
    print(REFUSED if require else NOTE, file=stream)
    return 1 if require else 0
