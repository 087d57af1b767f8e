"""Rules across files: what one file cannot see alone.

Two spellings of one contact are one contact: a site written in Unicode and as punycode (xn--…),
with or without a trailing dot, 'www.' or a port the scheme implies, a path with an unreserved
character percent-encoded or not ('%7E', '~'); an e-mail address whose
domain is written either way; a number with or without its country code.
"""

from __future__ import annotations

import re
import string

import ada_url

from ..core.model import Contact, Resource
from ..core.problems import ERROR, Problem
from ..core.yamlload import Pos
from .check import got
from .contacts import WEB_TYPES
from .links import site_host

UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


def _path(href: str) -> str:
    """The path as browsers write it, with unreserved characters decoded (RFC 3986, 6.2.2.2)."""
    try:
        path = ada_url.parse_url(href)["pathname"]
    except ValueError:
        return ""
    decoded = re.sub(
        r"%([0-9A-Fa-f]{2})",
        lambda m: chr(int(m.group(1), 16)) if chr(int(m.group(1), 16)) in UNRESERVED else m.group(0).upper(),
        path,
    )
    return decoded.rstrip("/")


def _same_contact_key(contact: Contact) -> str | None:
    if contact.type in WEB_TYPES:
        return f"web:{site_host(contact.href)}{_path(contact.href)}"
    if contact.dials:
        return "phone:" + contact.dials
    if contact.href.startswith("mailto:"):
        local, _, domain = contact.href[7:].rpartition("@")
        return f"email:{local.lower()}@{site_host('https://' + domain) or domain.lower()}"
    return None


def contacts_are_unique(resources: list[Resource]) -> list[Problem]:
    """Across files: one phone number, e-mail or website belongs to one entry (else merge them)."""
    seen: dict[str, tuple[Resource, int]] = {}
    problems = []
    for r in resources:
        keys_here = set()
        for i, contact in enumerate(r.contacts):
            key = _same_contact_key(contact)
            if key is None or key in keys_here:
                continue
            keys_here.add(key)
            if key in seen:
                other, j = seen[key]
                what = (
                    key.split(":", 1)[0]
                    .replace("web", "website")
                    .replace("phone", "phone number")
                    .replace("email", "e-mail address")
                )
                pos = contact.pos or Pos(1, 1)
                problems.append(
                    Problem(
                        r.path,
                        pos.line,
                        pos.col,
                        f"contacts[{i}].value",
                        f"same {what} as {other.path} (contacts[{j}]); expected each {what} in one entry only (merge the two entries, or remove it from one); got {got(contact.value)}",
                        ERROR,
                        "contacts_are_unique",
                    )
                )
            else:
                seen[key] = (r, i)
    return problems
