"""Slugs: a resource's file name, which is also its address on the site and its anchor.

``slug_is_valid`` and ``slug_is_neutral`` are the rules; ``reasons`` says why a slug is not valid
in words a contributor can act on (``make new`` prints them and asks again).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..core.places import INTERNATIONAL, country_codes
from ..core.yamlload import Pos
from .check import Check

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@cache
def outing_terms() -> tuple[str, ...]:
    """Words that must never be in a URL (outing-terms.txt): they would out a reader's history."""
    text = (Path(__file__).resolve().parent.parent / "outing-terms.txt").read_text(encoding="utf-8")
    return tuple(t for t in text.splitlines() if t and not t.startswith("#"))


def outing_term(text: str) -> str | None:
    for term in outing_terms():
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.I):
            return term
    return None


def slug_is_neutral(c: Check, slug: str) -> None:
    term = outing_term(slug.replace("-", " "))
    if term:
        c.error(
            Pos(1, 1),
            "",
            f"file name contains '{term}', which would out a reader who has this page's address in their history; expected a neutral slug (e.g. initials and a place, like 'iq-network.yml'); got '{slug}.yml'",
            "slug_is_neutral",
        )


def slug_is_valid(c: Check, slug: str, folder: str) -> None:
    if not SLUG_RE.match(slug):
        c.error(
            Pos(1, 1),
            "",
            f"file name is not a valid slug; expected lower-case ASCII letters, digits and hyphens, like 'my-group.yml'; got '{slug}.yml'",
            "slug_is_valid",
        )
    if folder != INTERNATIONAL and folder not in country_codes():
        c.error(
            Pos(1, 1),
            "",
            f"folder is not a country; expected a lower-case ISO 3166-1 code like 'lb' or 'international'; got '{folder}'",
            "folder_is_country",
        )


EXAMPLE = "for example: beirut-helpline"


def _quoted(chars) -> str:
    return ", ".join(f"'{c}'" for c in dict.fromkeys(chars))


def reasons(slug: str) -> list[str]:
    """Everything wrong with a slug, in the order a contributor fixes it; [] when it is valid and neutral."""
    if not slug:
        return ["the slug is empty"]
    found = []
    if slug.endswith((".yml", ".yaml")):
        found.append("it ends in '.yml' (leave that out: make new adds it)")
        slug = slug.rsplit(".", 1)[0]
    if any(c.isspace() for c in slug):
        found.append("it has spaces (use hyphens between words)")
    capitals = [c for c in slug if c.isupper()]
    if capitals:
        found.append(f"it has capital letters {_quoted(capitals)} (use lower case only)")
    other_letters = [c for c in slug if c.isalpha() and not ("a" <= c.lower() <= "z")]
    if other_letters:
        found.append(
            f"it has letters outside a-z {_quoted(other_letters)} (use Latin letters: initials or a transliteration)"
        )
    symbols = [c for c in slug if not (c.isalnum() or c.isspace() or c == "-")]
    if symbols:
        found.append(f"it has {_quoted(symbols)} (use only letters, digits and hyphens)")
    if slug.startswith("-") or slug.endswith("-") or "--" in slug:
        found.append("it has a hyphen at the start or end, or two together (a hyphen goes between two words)")
    term = outing_term(re.sub(r"[-_\s]+", " ", slug))
    if term:
        found.append(
            f"it contains '{term}', which would out a reader who has this page's address in their "
            "history (use a neutral slug, like initials and a place: 'iq-network')"
        )
    if not found and not SLUG_RE.match(slug):  # pragma: no cover - every case is named above
        found.append("use lower-case letters, digits and hyphens")
    return found


def suggestion(slug: str) -> str | None:
    """A neutral valid slug close to what was typed (shown, never used without asking)."""
    guess = re.sub(r"[\s_]+", "-", slug.strip().lower())
    guess = re.sub(r"\.ya?ml$", "", guess)
    guess = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "", guess)).strip("-")
    return guess if guess and guess != slug and not reasons(guess) else None


def problem(slug: str) -> str | None:
    """One line for `make new`: "'Beirut Line' is not a valid slug: it has spaces (…); try 'beirut-line'"."""
    found = reasons(slug)
    if not found:
        return None
    better = suggestion(slug)
    return f"'{slug}' is not a valid slug: " + "; ".join(found) + (f"; try '{better}'" if better else "")
