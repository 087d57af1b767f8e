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

from urllib.parse import quote, urlencode

from ..core.model import Resource

KEYS = ("issues_url", "report_email")


def entry_id(r: Resource) -> str:
    return f"{r.folder}/{r.slug}"


def issue_form_href(issues_url: str, r: Resource) -> str | None:
    """The GitHub report form with this entry filled in (issue-form query parameters)."""
    if not issues_url:
        return None
    return f"{issues_url}?" + urlencode(
        {"template": "report.yml", "title": f"Report: {entry_id(r)}", "entry": entry_id(r)}
    )


def mailto_href(email: str, r: Resource, strings: dict) -> str | None:
    """mailto:<address>?subject=…&body=… in the page's language (RFC 6068: %-encoded, CRLF)."""
    if not email:
        return None
    subject = strings["report_mail_subject"].format(entry=entry_id(r))
    body = strings["report_mail_body"].format(entry=entry_id(r)).strip().replace("\n", "\r\n") + "\r\n\r\n"
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
