"""Every text in a data file: one rule for all of them, and the rules of free text.

- ``text_problems`` the one rule for every text (free text and contact values): no control or
                    bidi characters, none invisible in a contact value or link, and no text
                    longer than its field allows.
- ``channel_in_text`` free text is not a channel: a phone number, e-mail address or link written
                    in a summary, note, warning, trace or law text escapes every rule a contact
                    or a source goes through, so it is refused there.
- markup in labels that reach page titles; location words in notes (the repository is public);
  an address only where the organisation publishes it; translations present and different.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import Leniency

from ..core.languages import codes, english_name, registry
from ..core.model import VISIBILITIES
from ..core.yamlload import Map
from .check import Check, got, pos_of

# Longest text accepted, by field name (the last part of the field's path); anything else: DEFAULT_MAX.
# summary keeps its own rule (summary_is_short, 400) with its own advice.
MAX_LENGTH = {
    "name": 150,
    "city": 80,
    "hours": 200,
    "note": 300,
    "text": 600,
    "curator_notes": 3000,
    "value": 300,
    "url": 2000,
    "sources": 2000,
    "source": 2000,
    "label": 60,
    "description": 300,
    "summary": None,
    "trace": 400,
    # a law file: the summary keeps its own rule (summary_is_short); the details may say more
    "jurisdiction": 80,
    "legal_basis": 800,
    "max_penalty": 800,
    "gender_expression": 800,
    "enforcement": 800,
    "recent_change": 800,
    # leads.yml: never published, a curator's notes as curator_notes are
    "notes": 3000,
    "awaiting": 300,
}


DEFAULT_MAX = 300


LINK_KEYS = ("value", "url", "source", "sources", "number")  # contact values, links, codes: no invisible character


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


LINE_SEPARATORS = frozenset("\u2028\u2029\x85")


# letters and marks that draw nothing (category Lo/Mn, so not caught by category alone)
INVISIBLE = (
    frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5")
    | frozenset(map(chr, range(0xFE00, 0xFE10)))
    | frozenset(map(chr, range(0xE0100, 0xE01F0)))
)


C0_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, C0_NAMES.get(ord(ch), 'CONTROL'))}"


def bad_char(text: str, strict: bool) -> tuple[int, str, str] | None:
    """The first character that must not be in this text: (index, what it is, why)."""
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if ch in LINE_SEPARATORS or (cat == "Cc" and ch != "\n"):
            return i, "a control character", "it is invisible, and in a terminal or a CSV file it can act"
        if ch in BIDI_CONTROLS:
            return (
                i,
                "a bidirectional control",
                "it reorders the text around it, so what is shown is not what is written",
            )
        if strict and (
            ch == "\n" or cat in ("Cf", "Zl", "Zp", "Co", "Cs", "Cn") or (cat == "Zs" and ch != " ") or ch in INVISIBLE
        ):
            return i, "an invisible character", "a contact or link must be exactly the characters a reader sees"
    return None


def text_problems(text: str, field: str, strict: bool, lengths: dict | None = None) -> list[tuple[str, str]]:
    """(message, rule) for one text: characters first, then its length (``lengths``: MAX_LENGTH or
    a file type's own table)."""
    found = []
    bad = bad_char(text, strict)
    if bad:
        i, what, why = bad
        found.append(
            (
                f"contains {what} ({char_name(text[i])}) at character {i + 1}; {why}; expected plain text "
                f"(delete it and type the text again); got {got(text)}",
                "text_is_plain",
            )
        )
    limit = (MAX_LENGTH if lengths is None else lengths).get(field, DEFAULT_MAX)
    if limit is not None and len(text.strip()) > limit:
        found.append((f"too long; expected at most {limit} characters; got {len(text.strip())}", "text_is_short"))
    return found


def walk_texts(node, label: str = "", key: str = "", strict: bool = False, links=LINK_KEYS):
    """Every text in a file with its field label, its field name and whether it is a link or contact
    value (a field named in ``links``, or inside one)."""
    if isinstance(node, dict):
        for k, v in node.items():
            name = key if k in codes() and key else str(k)  # name.en is measured as a name
            yield from walk_texts(v, f"{label}.{k}" if label else str(k), name, strict or k in links, links)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk_texts(v, f"{label}[{i}]", key, strict, links)
    elif isinstance(node, str):
        yield node, label, key, strict


PLAIN_TEXT_MARKUP = re.compile(r"[<>&]|\{[{%#]")


def plain_text_markup(text: str) -> str | None:
    """Labels that reach page titles and headers through templates that do not autoescape."""
    m = PLAIN_TEXT_MARKUP.search(text)
    if m:
        return (
            f"contains '{m.group(0)}', which page titles and headers would read as markup; expected plain text "
            f"without <, > or & (write 'and' for &); got {got(text)}"
        )
    return None


PUBLIC_REPO = "this repository is public, so everything written in data/ is published the moment it is pushed, whatever the site shows"


LOCATION_WORDS_EN = (
    "near",
    "nearby",
    "next to",
    "beside",
    "opposite",
    "behind",
    "across from",
    "corner of",
    "floor",
    "building",
    "street",
    "road",
    "avenue",
    "room",
    "hospital",
    "apartment",
    "flat",
    "entrance",
    "basement",
    "block",
    "gate",
)


LOCATION_WORDS_AR = (
    "قرب",
    "بالقرب",
    "بجانب",
    "جانب",
    "مقابل",
    "خلف",
    "طابق",
    "مبنى",
    "بناية",
    "عمارة",
    "شارع",
    "طريق",
    "غرفة",
    "مستشفى",
    "شقة",
    "مدخل",
    "زاوية",
    "قبو",
)


_EN_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in LOCATION_WORDS_EN) + r")s?\b", re.I)


_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف])?(?:[بل])?(?:ال)?(" + "|".join(LOCATION_WORDS_AR) + r")")


def address_problem(visibility: str, has_text: bool) -> str | None:
    """An address text only with visibility: public (city: the city field alone; hidden: no address at all)."""
    if has_text and visibility != "public":
        return (
            f"address text given with visibility '{visibility}'; {PUBLIC_REPO}; expected no 'text' here "
            f"('city': write the city in the city field and record no street; 'hidden': write no address at all), "
            f"or 'visibility: public' when the organisation publishes the address itself; got an address text"
        )
    if not has_text and visibility == "public":
        return (
            "is required with visibility 'public'; expected the address as the organisation publishes it; got nothing"
        )
    return None


def location_word(text: str) -> str | None:
    m = _EN_RE.search(text) or _AR_RE.search(text)
    return m.group(1) if m else None


def notes_location_problem(text: str) -> str | None:
    word = location_word(text)
    if word:
        return (
            f"mentions a location ('{word}'); {PUBLIC_REPO}; expected no building, floor, street, room or landmark "
            f"in notes (keep such details off the repository); got {got(text)}"
        )
    return None


SUMMARY_MAX = 400  # characters, per language: a card is read on a small screen in a hurry


def address_is_public(c: Check, addr: Map, visibility: str) -> None:
    if visibility not in VISIBILITIES:
        return
    problem = address_problem(visibility, bool(addr.get("text")))
    if problem:
        c.error(
            pos_of(addr.get("text"), addr, "text") if addr.get("text") else addr.pos,
            "address.text",
            problem,
            "address_is_public",
        )


def notes_have_no_location(c: Check, data: Map) -> None:
    """A warning for a curator to review: a location in a public repository cannot be unpublished."""
    note = data.get("curator_notes")
    if isinstance(note, str):
        problem = notes_location_problem(note)
        if problem:
            c.warn(note.pos, "curator_notes", problem, "notes_have_no_location")


def kind_text_is_plain(c: Check, value, label: str) -> None:
    """kinds.yml labels and descriptions reach <title> and headers through MkDocs templates that do not
    autoescape (and Material's striptags unescapes): they must be plain text, not merely escaped."""
    for lang, text in value.items() if isinstance(value, dict) else [("", value)]:
        if isinstance(text, str):
            problem = plain_text_markup(text)
            if problem:
                c.error(text.pos, f"{label}.{lang}" if lang else label, problem, "kind_text_is_plain")


# Fields whose text is published as free text: a contact detail written there escapes its rules.
FREE_TEXT = frozenset(
    {
        "name",
        "city",
        "summary",
        "note",
        "hours",
        "trace",
        "text",
        "label",
        "description",
        "jurisdiction",
        "legal_basis",
        "max_penalty",
        "gender_expression",
        "enforcement",
        "recent_change",
    }
)
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"  # and the Arabic-Indic and Persian digits a phone also reads
# "+" and at least five digits: a number in international form, even cut short ("+961 90 …")
_INTERNATIONAL_RE = re.compile(rf"(?<![\w+])\+[{_DIGIT}][{_DIGIT} ().\-]*[{_DIGIT}]")
_LINK_RE = re.compile(r"(?i)(?<![\w@.])(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"')\]]+")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a bare domain: labels of letters, digits and hyphens, the last in lower-case letters ("helem.net")
_DOMAIN_RE = re.compile(r"(?<![\w.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[a-z]{2,24}(?![\w@-])")
# what the phone matcher takes for a number but a text means as a date or a span of years
_NOT_A_NUMBER_RE = re.compile(r"^[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?$|^[0-9]{4}\s*[-–]\s*[0-9]{4}$")


def channel_in_text(text: str, region: str | None) -> tuple[str, str] | None:
    """The first contact detail written in a free text: (what it is, as written), or None.
    ``region``: the country whose numbers are read without their '+' (None: only '+…' numbers)."""
    for regex, what in ((_LINK_RE, "a link"), (_EMAIL_RE, "an e-mail address"), (_DOMAIN_RE, "a web address")):
        m = regex.search(text)
        if m:
            return what, m.group(0)
    for m in _INTERNATIONAL_RE.finditer(text):
        if len(re.sub(rf"[^{_DIGIT}]", "", m.group(0))) >= 5:
            return "a phone number", m.group(0)
    for m in phonenumbers.PhoneNumberMatcher(text, (region or "ZZ").upper(), leniency=Leniency.VALID):
        if not _NOT_A_NUMBER_RE.match(m.raw_string):
            return "a phone number", m.raw_string
    return None


CHANNEL_HOME = (
    "in 'contacts' (where it is checked as a contact, and shown as one) or the page that gives it in 'sources'"
)


def text_is_plain(
    c: Check,
    data,
    *,
    region: str | None = None,
    free: frozenset[str] = FREE_TEXT,
    home: str = CHANNEL_HOME,
    limits: dict[str, int | None] | None = None,
    links: tuple[str, ...] = LINK_KEYS,
) -> None:
    """Every text in the file, one rule (text_problems): no control or bidi characters, none
    invisible in a contact value or link, and no text longer than its field allows (``limits``
    adds to MAX_LENGTH for one kind of file). In the published free text (fields named in ``free``)
    no contact detail (channel_in_text): ``home`` says where it belongs in this kind of file.
    ``links``: the fields whose text is a link or a code (no invisible character at all)."""
    lengths = {**MAX_LENGTH, **(limits or {})}
    for text, label, key, strict in walk_texts(data, links=links):
        for message, rule in text_problems(text, key, strict, lengths):
            c.error(text.pos, label, message, rule)
        if key in free and not strict:
            found = channel_in_text(text, region)
            if found:
                what, written = found
                c.error(
                    text.pos,
                    label,
                    f"contains {what} ('{written}'); free text is not a channel: written here it escapes every "
                    f"rule a contact or a source goes through; expected it {home}; got {got(text)}",
                    "text_is_not_a_channel",
                )


def translation_is_missing(c: Check, data: Map, label: str, value) -> None:
    """A missing translation is not an error: it is shown on the page with a note. Warned only
    between the languages every text is expected in (English and Arabic); the others are
    counted by `make check`'s coverage line."""
    if isinstance(value, dict):
        needed = registry().required
        have = [lang for lang in needed if isinstance(value.get(lang), str) and value.get(lang).strip()]
        if have and len(have) < len(needed):
            shown = english_name(have[0])
            for missing in (lang for lang in needed if lang not in have):
                c.warn(
                    value.pos,
                    f"{label}.{missing}",
                    f"{english_name(missing)} text missing; the {shown} text is shown with a 'not yet translated' note; expected '{missing}:' with a translation",
                    "translation_is_missing",
                )


SUMMARY_ADVICE = "say what the service does; details belong on its website"


def summary_is_short(c: Check, data: Map, where: str = "", advice: str = SUMMARY_ADVICE) -> None:
    """A summary (of an entry, or of a law item at ``where``) is read on a small screen in a hurry."""
    value = data.get("summary")
    label = f"{where}.summary" if where else "summary"
    if not isinstance(value, dict):
        value = {"en": value} if isinstance(value, str) else {}
    for lang, text in value.items():
        if isinstance(text, str) and len(text.strip()) > SUMMARY_MAX:
            at = label if lang not in codes() or not isinstance(data.get("summary"), dict) else f"{label}.{lang}"
            c.error(
                text.pos,
                at,
                f"too long; expected at most {SUMMARY_MAX} characters ({advice}); got {len(text.strip())}",
                "summary_is_short",
            )


def translation_differs(c: Check, data: Map, key: str) -> None:
    """Both languages given but identical: a translation was expected (or one string for both)."""
    value = data.get(key)
    if isinstance(value, dict) and isinstance(value.get("en"), str) and isinstance(value.get("ar"), str):
        if value["en"].strip() and value["en"].strip() == value["ar"].strip():
            c.error(
                value["ar"].pos,
                f"{key}.ar",
                f"same text as {key}.en; expected an Arabic translation, or a single '{key}:' string when the text is the same in both languages (a brand name); got {got(value['ar'])}",
                "translation_differs",
            )
