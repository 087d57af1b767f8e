"""Why a slug (a resource's file name, also its address on the site) is not valid, in words a
contributor can act on: `make new` prints these and asks again.

The rules are the rulebook's (rules.SLUG_RE for slug_is_valid, rules.outing_term for
slug_is_neutral); this module only explains them.
"""
from __future__ import annotations

import re

from .rules import SLUG_RE, outing_term

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
        found.append(f"it has letters outside a-z {_quoted(other_letters)} (use Latin letters: "
                     "initials or a transliteration)")
    symbols = [c for c in slug if not (c.isalnum() or c.isspace() or c == "-")]
    if symbols:
        found.append(f"it has {_quoted(symbols)} (use only letters, digits and hyphens)")
    if slug.startswith("-") or slug.endswith("-") or "--" in slug:
        found.append("it has a hyphen at the start or end, or two together (a hyphen goes between two words)")
    term = outing_term(re.sub(r"[-_\s]+", " ", slug))
    if term:
        found.append(f"it contains '{term}', which would out a reader who has this page's address in their "
                     "history (use a neutral slug, like initials and a place: 'iq-network')")
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
