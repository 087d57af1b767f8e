"""What a reader sees is where the link goes: the checks on contact values and on every text.

A hostile contributor can make a contact that shows one thing and does another: a bidi override
that reverses the digits on screen, a zero-width space that splits a host, ``?bcc=`` after an
e-mail address, a Latin domain with one Cyrillic letter, a premium-rate number.  Each check here
is a plain function: it returns the link a reader taps, or raises ``Refused`` with the message
(``what is wrong; expected …; got …``) and the rule's name.  ``rules.py`` calls them and turns a
``Refused`` into a ``Problem`` at the value's position.

- ``text_problems`` is the one rule for every text in a data file (free text and contact values).
- ``web_link``     WHATWG parsing (ada-url, as browsers parse), UTS 46 (idna), script mixing and
                   whole-script look-alikes (confusable-homoglyphs' Unicode data).
- ``email_link``   email-validator (syntax only, no network), nothing after the address.
- ``phone_link``   phonenumbers: valid, of the entry's countries, not paid; short codes only
                   from data/short-codes.yml.
- ``signal_link``, ``telegram_link``: the same strictness for messenger values.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata

import ada_url
import idna
import phonenumbers
from confusable_homoglyphs import categories, confusables
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumberType, shortnumberinfo

INTERNATIONAL = "international"


class Refused(Exception):
    def __init__(self, message: str, rule: str):
        super().__init__(message)
        self.message = message
        self.rule = rule


def got(value) -> str:
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return repr(text)


# ---------------------------------------------------------------------------
# Every text: one rule

# Longest text accepted, by field name (the last part of the field's path); anything else: DEFAULT_MAX.
# summary keeps its own rule (summary_is_short, 400) with its own advice.
MAX_LENGTH = {
    "name": 150, "city": 80, "hours": 200, "note": 300, "text": 600, "curator_notes": 3000,
    "value": 300, "url": 2000, "sources": 2000, "source": 2000, "label": 60, "description": 300,
    "summary": None, "trace": 400,
}
DEFAULT_MAX = 300
LINK_KEYS = ("value", "url", "source", "sources")  # contact values and links: no invisible character at all

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029\x85")
# letters and marks that draw nothing (category Lo/Mn, so not caught by category alone)
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5") | frozenset(map(chr, range(0xFE00, 0xFE10))) \
    | frozenset(map(chr, range(0xE0100, 0xE01F0)))
C0_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
            0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
            0x85: "NEXT LINE"}


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, C0_NAMES.get(ord(ch), 'CONTROL'))}"


def bad_char(text: str, strict: bool) -> tuple[int, str, str] | None:
    """The first character that must not be in this text: (index, what it is, why)."""
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if ch in LINE_SEPARATORS or (cat == "Cc" and ch != "\n"):
            return i, "a control character", "it is invisible, and in a terminal or a CSV file it can act"
        if ch in BIDI_CONTROLS:
            return i, "a bidirectional control", "it reorders the text around it, so what is shown is not what is written"
        if strict and (ch == "\n" or cat in ("Cf", "Zl", "Zp", "Co", "Cs", "Cn") or (cat == "Zs" and ch != " ") or ch in INVISIBLE):
            return i, "an invisible character", "a contact or link must be exactly the characters a reader sees"
    return None


def text_problems(text: str, field: str, strict: bool) -> list[tuple[str, str]]:
    """(message, rule) for one text: characters first, then its length."""
    found = []
    bad = bad_char(text, strict)
    if bad:
        i, what, why = bad
        found.append((f"contains {what} ({char_name(text[i])}) at character {i + 1}; {why}; expected plain text "
                      f"(delete it and type the text again); got {got(text)}", "text_is_plain"))
    limit = MAX_LENGTH.get(field, DEFAULT_MAX)
    if limit is not None and len(text.strip()) > limit:
        found.append((f"too long; expected at most {limit} characters; got {len(text.strip())}", "text_is_short"))
    return found


def walk_texts(node, label: str = "", key: str = "", strict: bool = False):
    """Every text in a file with its field label, its field name and whether it is a link or contact value."""
    if isinstance(node, dict):
        for k, v in node.items():
            name = key if k in ("en", "ar") and key else str(k)  # name.en is measured as a name
            yield from walk_texts(v, f"{label}.{k}" if label else str(k), name, strict or k in LINK_KEYS)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk_texts(v, f"{label}[{i}]", key, strict)
    elif isinstance(node, str):
        yield node, label, key, strict


PLAIN_TEXT_MARKUP = re.compile(r"[<>&]|\{[{%#]")


def plain_text_markup(text: str) -> str | None:
    """Labels that reach page titles and headers through templates that do not autoescape."""
    m = PLAIN_TEXT_MARKUP.search(text)
    if m:
        return (f"contains '{m.group(0)}', which page titles and headers would read as markup; expected plain text "
                f"without <, > or & (write 'and' for &); got {got(text)}")
    return None


# ---------------------------------------------------------------------------
# Web links

NOT_A_LINK = "not a web link; expected a full address starting with 'https://'; got {got}"
CJK = {"HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"}


def _scripts(label: str) -> set[str]:
    found = set()
    for ch in label:
        if ch.isalpha():
            alias = categories.alias(ch) or "UNKNOWN"
            if alias not in ("COMMON", "INHERITED"):
                found.add(alias)
    return found


def host_is_clear(host: str, value: str) -> str:
    """The host as the browser shows it; Refused when it mixes scripts or imitates Latin letters."""
    try:
        shown = idna.decode(host, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        raise Refused(f"host is not a valid domain name ({exc}); expected a host like example.org; got {got(value)}", "host_is_clear")
    labels = shown.split(".")
    scripts_of = {}
    for label in labels:
        scripts = _scripts(label)
        if len(scripts) > 1 and not scripts <= CJK:
            names = " and ".join(sorted(s.title() for s in scripts))
            raise Refused(f"host '{shown}' mixes {names} letters in '{label}', a look-alike of another address; "
                          f"expected the letters of one script in each part of the host; got {got(value)}", "host_is_clear")
        scripts_of[label] = scripts
    every = set().union(*scripts_of.values()) if scripts_of else set()
    if len(every) > 1:  # e.g. a Cyrillic name under .com: refused when each of its letters imitates a Latin one
        for label, scripts in scripts_of.items():
            if scripts and scripts != {"LATIN"} and all(
                    not ch.isalpha() or confusables.is_confusable(ch, preferred_aliases=["latin"]) for ch in label):
                script = next(iter(scripts)).title()
                raise Refused(f"host '{shown}' spells '{label}' in {script} letters that look like Latin ones; "
                              f"expected the host in one script (as the organisation writes it); got {got(value)}", "host_is_clear")
    return shown


def web_link(value: str) -> tuple[str, bool]:
    """(the host as shown, is it plain http); Refused when the link can show one place and open another."""
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("https", "http") or not re.match(r"^[A-Za-z]+://[^/\\]", value) or any(ch.isspace() for ch in value):
        raise Refused(NOT_A_LINK.format(got=got(value)), "url_is_safe")
    if "\\" in value:
        raise Refused(f"contains a backslash, which browsers read as '/', so the link opens another place than it shows; "
                      f"expected '/' between the parts of the address; got {got(value)}", "url_is_safe")
    authority = re.split(r"[/?#]", value.split("://", 1)[1], maxsplit=1)[0]
    if "@" in authority:
        raise Refused(f"holds a user name or password before '@', so a reader sees one host and the browser opens another; "
                      f"expected nothing between '//' and the host; got {got(value)}", "url_is_safe")
    try:
        parsed = ada_url.parse_url(value)
    except ValueError:
        raise Refused(NOT_A_LINK.format(got=got(value)), "url_is_safe") from None
    host = parsed["hostname"]
    if parsed["username"] or parsed["password"] or not host:
        raise Refused(NOT_A_LINK.format(got=got(value)), "url_is_safe")
    written = authority.rsplit(":", 1)[0] if re.search(r":\d*$", authority) else authority
    try:
        forms = {host.rstrip("."), idna.decode(host.rstrip("."), uts46=True)}
    except (idna.IDNAError, UnicodeError, ValueError):
        forms = {host.rstrip(".")}
    if written.lower().rstrip(".") not in forms:  # e.g. 'ex%61mple.org', full-width letters, a fraction slash
        raise Refused(f"host is written in a form the browser rewrites ('{written}' opens '{host}'); "
                      f"expected the host as a browser shows it; got {got(value)}", "url_is_safe")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host, scheme == "http"  # an address written as the browser writes it (0x7f.1 was refused above)
    except ValueError:
        pass
    return host_is_clear(host, value), scheme == "http"


def shown_link(value: str) -> str | None:
    """A link whose host is written in its ASCII form (xn--…) as the browser shows it: in its own
    script (web_link has refused hosts a browser would not show that way). None when unchanged."""
    if "xn--" not in value.lower():
        return None
    head, rest = value.split("://", 1)
    authority = re.match(r"[^/?#]*", rest).group(0)
    name, port = (authority.rsplit(":", 1)[0], ":" + authority.rsplit(":", 1)[1]) if ":" in authority else (authority, "")
    tail = rest[len(authority):]
    try:
        host = idna.decode(name, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    return f"{head}://{host}{port}{tail}"


# ---------------------------------------------------------------------------
# E-mail

MAILTO_SPECIAL = "?#%,;&<>"


def email_link(value: str) -> str:
    """``mailto:`` + the address, when the address alone is written: the reader writes to what they see."""
    if value.lower().startswith("mailto:"):
        raise Refused(f"starts with 'mailto:'; expected the address alone, like name@example.org; got {got(value)}", "email_is_valid")
    for ch in MAILTO_SPECIAL:
        if ch in value:
            raise Refused(f"contains '{ch}', which a mail app reads as more than the address (a second recipient, a copy, "
                          f"a subject or a body); expected the address alone, like name@example.org; got {got(value)}", "email_is_valid")
    try:
        info = validate_email(value, check_deliverability=False, allow_display_name=False, allow_quoted_local=False,
                              allow_domain_literal=False)
    except EmailNotValidError as exc:
        raise Refused(f"not an e-mail address ({str(exc).rstrip('.')}); expected name@example.org; got {got(value)}", "email_is_valid") from None
    try:
        host_is_clear(info.ascii_domain, value)
    except Refused as exc:
        raise Refused(exc.message.replace("host '", "domain '", 1), exc.rule) from None
    return f"mailto:{value}"


# ---------------------------------------------------------------------------
# Phones and messengers

PHONE_CHARS_RE = re.compile(r"^\+?[0-9][0-9 ().-]*$")
TELEGRAM_RE = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{4,31})$")
TELEGRAM_LINK_RE = re.compile(r"^https://t\.me/([A-Za-z][A-Za-z0-9_]{4,31})/?$")
SIGNAL_NUMBER_RE = re.compile(r"^https://signal\.me/#p/(\+[0-9]{6,15})$")
SIGNAL_USERNAME_RE = re.compile(r"^https://signal\.me/#eu/[A-Za-z0-9_-]{20,120}$")
PAID = {PhoneNumberType.PREMIUM_RATE: "premium-rate", PhoneNumberType.SHARED_COST: "shared-cost",
        PhoneNumberType.PERSONAL_NUMBER: "personal (forwarded, often charged)"}


def phone_link(value: str, folder: str, countries: tuple[str, ...], short_codes: dict) -> str:
    """The ``tel:`` target: E.164 for full numbers, the digits for a listed short code."""
    anywhere = folder == INTERNATIONAL or INTERNATIONAL in countries
    region = None if folder == INTERNATIONAL else folder.upper()
    expected = (
        f"a number valid in {folder}, with or without its country code, or a national short code listed in data/short-codes.yml"
        if region else "a number with its country code, like '+353 1 210 0489' (international entries have no home country)"
    )
    if not PHONE_CHARS_RE.match(value):
        raise Refused(f"not a phone number; expected digits, spaces and an optional leading '+' ({expected}); got {got(value)}", "phone_is_valid")
    digits = re.sub(r"[^0-9]", "", value)
    if region and not value.startswith("+") and digits in short_codes.get(folder, ()):
        return digits
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        home = phonenumbers.region_code_for_number(number)
        allowed = {c.upper() for c in countries if c != INTERNATIONAL} | ({region} if region else set())
        if not anywhere and home not in allowed:
            raise Refused(f"number belongs to {home.lower() if home and home != '001' else 'no country'}, not to this entry's countries; "
                          f"expected a number of {', '.join(sorted(a.lower() for a in allowed))} (add the country to 'countries' "
                          f"if the service answers there); got {got(value)}", "phone_of_country")
        kind = PAID.get(phonenumbers.number_type(number))
        if kind:
            raise Refused(f"is a {kind} number, which costs the caller money; expected a free or ordinary number; got {got(value)}", "phone_is_free")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number is not None and region and not value.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, region):
        raise Refused(f"short code not listed in data/short-codes.yml; expected a short code that a curator listed there with its "
                      f"source (emergency and police numbers are not ours to list); got {got(value)}", "short_code_is_listed")
    raise Refused(f"not a valid phone number for {folder}; expected {expected}; got {got(value)}", "phone_is_valid")


def signal_link(value: str, folder: str, countries: tuple[str, ...], short_codes: dict) -> str:
    """A Signal value: a full number, or a signal.me link holding a valid number or a username link, nothing else."""
    if value.lower().startswith(("https://signal.me", "http://signal.me", "signal.me", "sgnl://")):
        m = SIGNAL_NUMBER_RE.match(value)
        if m:
            tel = phone_link(m.group(1), folder, countries, short_codes)
            return f"https://signal.me/#p/{tel}"
        if SIGNAL_USERNAME_RE.match(value):
            return value
        raise Refused(f"not a Signal link; expected 'https://signal.me/#p/+<number>' or a username link "
                      f"'https://signal.me/#eu/…' with nothing else; got {got(value)}", "signal_is_valid")
    tel = phone_link(value, folder, countries, short_codes)
    if not tel.startswith("+"):
        raise Refused(f"signal needs a full number; expected the number with its country code; got {got(value)}", "phone_is_valid")
    return f"https://signal.me/#p/{tel}"


def telegram_link(value: str) -> str:
    m = TELEGRAM_LINK_RE.match(value) or TELEGRAM_RE.match(value)
    if m:
        return f"https://t.me/{m.group(1)}"
    raise Refused(f"not a Telegram username; expected '@name' or 'https://t.me/name'; got {got(value)}", "telegram_is_valid")


# ---------------------------------------------------------------------------
# The repository is public: what is written in data/ is published when it is pushed

PUBLIC_REPO = "this repository is public, so everything written in data/ is published the moment it is pushed, whatever the site shows"
LOCATION_WORDS_EN = ("near", "nearby", "next to", "beside", "opposite", "behind", "across from", "corner of", "floor",
                     "building", "street", "road", "avenue", "room", "hospital", "apartment", "flat", "entrance",
                     "basement", "block", "gate")
LOCATION_WORDS_AR = ("قرب", "بالقرب", "بجانب", "جانب", "مقابل", "خلف", "طابق", "مبنى", "بناية", "عمارة", "شارع",
                     "طريق", "غرفة", "مستشفى", "شقة", "مدخل", "زاوية", "قبو")
_EN_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in LOCATION_WORDS_EN) + r")s?\b", re.I)
_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف])?(?:[بل])?(?:ال)?(" + "|".join(LOCATION_WORDS_AR) + r")")


def address_problem(visibility: str, has_text: bool) -> str | None:
    """An address text only with visibility: public (city: the city field alone; hidden: no address at all)."""
    if has_text and visibility != "public":
        return (f"address text given with visibility '{visibility}'; {PUBLIC_REPO}; expected no 'text' here "
                f"('city': write the city in the city field and record no street; 'hidden': write no address at all), "
                f"or 'visibility: public' when the organisation publishes the address itself; got an address text")
    if not has_text and visibility == "public":
        return "is required with visibility 'public'; expected the address as the organisation publishes it; got nothing"
    return None


def location_word(text: str) -> str | None:
    m = _EN_RE.search(text) or _AR_RE.search(text)
    return m.group(1) if m else None


def notes_location_problem(text: str) -> str | None:
    word = location_word(text)
    if word:
        return (f"mentions a location ('{word}'); {PUBLIC_REPO}; expected no building, floor, street, room or landmark "
                f"in notes (keep such details off the repository); got {got(text)}")
    return None
