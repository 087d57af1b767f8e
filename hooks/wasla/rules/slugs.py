"""Slugs and every other name that becomes a path or an anchor on the site.

A resource's file name is its slug: the anchor of its card (``countries/lb.html#helem``). A kind's
key is a page (``kinds/<key>.html``) and an anchor (``#kind-<key>``). ``SITE_NAMES`` and
``SITE_PREFIXES`` are the names the site itself uses, collected here once: no data may take one.

``slug_is_valid``, ``slug_is_neutral`` and ``slug_is_free`` are the rules; ``name_taken`` says
which of the site's names a name would take; ``reasons`` says why a slug is not valid in words a
contributor can act on (``make new`` prints them and asks again).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..core.places import INTERNATIONAL, country_codes
from ..core.yamlload import Pos
from .check import Check

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The site's own names. Pages and folders at a language's root (docs/*.md, the generated folders,
# the language folders, the files every build writes) …
SITE_PAGES = (
    "index",
    "404",
    "about",
    "contribute",
    "open-data",
    "safety",
    "search",
    "search-files",
    "sitemap",
    "robots",
    "assets",
    "countries",
    "kinds",
    "data",
    "en",
)
# … the anchors the templates and pages write (tests/test_rules_data_files.py keeps this list
# equal to every id="…" of hooks/wasla/templates/ and every { #… } of docs/) …
SITE_ANCHORS = (
    "law",
    "law-heading",
    "by-country",
    "by-country-elsewhere",
    "by-kind",
    "kind-international",
    "danger",
    "danger-heading",
    "now-heading",
    "now-where",
    "search",
    "search-heading",
    "report",
    "report-with-account",
    "report-without-account",
    "vcards",
    "browsing",
    "channels",
    "police",
)
# … and the families of anchors named after data: #kind-<key>, #country-<code>, #trace-<type>, the
# danger view's sections (#danger-here, #danger-next …), #wasla-…
SITE_PREFIXES = ("kind-", "country-", "trace-", "danger-", "wasla-")
SITE_NAMES = frozenset(SITE_PAGES + SITE_ANCHORS)


def name_taken(name: str) -> str | None:
    """Which of the site's own names (a page, an anchor, a family of anchors) ``name`` would take."""
    if name in SITE_NAMES:
        return f"'{name}'"
    for prefix in SITE_PREFIXES:
        if name.startswith(prefix):
            return f"the '{prefix}…' anchors"
    return None


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


KIND_KEY_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


def kind_key_problem(key: str) -> str | None:
    """Why a kinds.yml key cannot be a page (kinds/<key>.html) and an anchor (#kind-<key>), or None."""
    if not KIND_KEY_RE.match(key):
        return "not a kind key; expected lower-case ASCII letters and digits, words joined by '_', like 'legal_aid'"
    taken = name_taken(key) if key in SITE_NAMES else (f"'kind-{key}'" if f"kind-{key}" in SITE_NAMES else None)
    if taken:
        return f"takes {taken}, a name the site itself uses for a page or an anchor; expected a key of its own"
    return None


def slug_is_free(c: Check, slug: str) -> None:
    """A slug is its card's anchor: the site's own page names and anchors are taken (two id="law"
    on one page, and a link to the law section would open a card)."""
    taken = name_taken(slug)
    if taken:
        c.error(
            Pos(1, 1),
            "",
            f"file name takes {taken}, a name the site itself uses for a page or an anchor; expected a slug of the "
            f"organisation's own (like its initials and a place: 'iq-network.yml'); got '{slug}.yml'",
            "slug_is_free",
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
    other_digits = [c for c in slug if c.isdigit() and not ("0" <= c <= "9")]
    if other_digits:
        found.append(f"it has digits outside 0-9 {_quoted(other_digits)} (use the digits 0-9)")
    symbols = [c for c in slug if not (c.isalnum() or c.isspace() or c == "-")]
    if symbols:
        found.append(f"it has {_quoted(symbols)} (use only letters, digits and hyphens)")
    if slug.startswith("-") or slug.endswith("-") or "--" in slug:
        found.append("it has a hyphen at the start or end, or two together (a hyphen goes between two words)")
    taken = name_taken(slug)
    if taken and not found:
        found.append(f"it takes {taken}, a name the site itself uses for a page or an anchor")
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
