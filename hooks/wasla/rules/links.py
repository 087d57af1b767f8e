"""What a reader sees is where the link goes: web links, e-mail addresses, Telegram names.

A hostile contributor can make a link that shows one thing and opens another: a zero-width space
that splits a host, ``?bcc=`` after an e-mail address, a Latin domain with one Cyrillic letter.
Each check returns the link a reader taps or raises ``Refused`` (``what is wrong; expected …;
got …`` and the rule's name); ``web_url_is_safe`` turns that into a problem at the value.

- ``web_link``      WHATWG parsing (ada-url, as browsers parse), UTS 46 (idna), script mixing and
                    whole-script look-alikes (confusable-homoglyphs' Unicode data).
- ``email_link``    email-validator (syntax only, no network), nothing after the address.
- ``telegram_link`` a username or a t.me link, nothing else.
"""

from __future__ import annotations

import ipaddress
import re

import ada_url
import idna
from confusable_homoglyphs import categories, confusables
from email_validator import EmailNotValidError, validate_email

from .check import Check, Refused, got, pos_of
from .text import bad_char

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
        raise Refused(
            f"host is not a valid domain name ({exc}); expected a host like example.org; got {got(value)}",
            "host_is_clear",
        ) from None
    labels = shown.split(".")
    scripts_of = {}
    for label in labels:
        scripts = _scripts(label)
        if len(scripts) > 1 and not scripts <= CJK:
            names = " and ".join(sorted(s.title() for s in scripts))
            raise Refused(
                f"host '{shown}' mixes {names} letters in '{label}', a look-alike of another address; "
                f"expected the letters of one script in each part of the host; got {got(value)}",
                "host_is_clear",
            )
        scripts_of[label] = scripts
    every = set().union(*scripts_of.values()) if scripts_of else set()
    if len(every) > 1:  # e.g. a Cyrillic name under .com: refused when each of its letters imitates a Latin one
        for label, scripts in scripts_of.items():
            if (
                scripts
                and scripts != {"LATIN"}
                and all(not ch.isalpha() or confusables.is_confusable(ch, preferred_aliases=["latin"]) for ch in label)
            ):
                script = next(iter(scripts)).title()
                raise Refused(
                    f"host '{shown}' spells '{label}' in {script} letters that look like Latin ones; "
                    f"expected the host in one script (as the organisation writes it); got {got(value)}",
                    "host_is_clear",
                )
    return shown


def web_link(value: str) -> tuple[str, bool]:
    """(the host as shown, is it plain http); Refused when the link can show one place and open another."""
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if (
        scheme not in ("https", "http")
        or not re.match(r"^[A-Za-z]+://[^/\\]", value)
        or any(ch.isspace() for ch in value)
    ):
        raise Refused(NOT_A_LINK.format(got=got(value)), "url_is_safe")
    if "\\" in value:
        raise Refused(
            f"contains a backslash, which browsers read as '/', so the link opens another place than it shows; "
            f"expected '/' between the parts of the address; got {got(value)}",
            "url_is_safe",
        )
    authority = re.split(r"[/?#]", value.split("://", 1)[1], maxsplit=1)[0]
    if "@" in authority:
        raise Refused(
            f"holds a user name or password before '@', so a reader sees one host and the browser opens another; "
            f"expected nothing between '//' and the host; got {got(value)}",
            "url_is_safe",
        )
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
        raise Refused(
            f"host is written in a form the browser rewrites ('{written}' opens '{host}'); "
            f"expected the host as a browser shows it; got {got(value)}",
            "url_is_safe",
        )
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host, scheme == "http"  # an address written as the browser writes it (0x7f.1 was refused above)
    except ValueError:
        pass
    return host_is_clear(host, value), scheme == "http"


def site_host(url: str) -> str | None:
    """The host a link opens, spelt one way: ASCII (an IDN as xn--…, as the browser sends it), lower
    case, without a trailing dot or a leading 'www.'. Two spellings of one site compare equal."""
    try:
        host = ada_url.parse_url(url)["hostname"]
    except ValueError:
        return None
    return host.rstrip(".").lower().removeprefix("www.") or None


def shown_link(value: str) -> str | None:
    """A link whose host is written in its ASCII form (xn--…) as the browser shows it: in its own
    script (web_link has refused hosts a browser would not show that way). None when unchanged."""
    if "xn--" not in value.lower():
        return None
    head, rest = value.split("://", 1)
    authority = re.match(r"[^/?#]*", rest).group(0)
    name, port = (
        (authority.rsplit(":", 1)[0], ":" + authority.rsplit(":", 1)[1]) if ":" in authority else (authority, "")
    )
    tail = rest[len(authority) :]
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
        raise Refused(
            f"starts with 'mailto:'; expected the address alone, like name@example.org; got {got(value)}",
            "email_is_valid",
        )
    for ch in MAILTO_SPECIAL:
        if ch in value:
            raise Refused(
                f"contains '{ch}', which a mail app reads as more than the address (a second recipient, a copy, "
                f"a subject or a body); expected the address alone, like name@example.org; got {got(value)}",
                "email_is_valid",
            )
    try:
        info = validate_email(
            value,
            check_deliverability=False,
            allow_display_name=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
        )
    except EmailNotValidError as exc:
        raise Refused(
            f"not an e-mail address ({str(exc).rstrip('.')}); expected name@example.org; got {got(value)}",
            "email_is_valid",
        ) from None
    try:
        host_is_clear(info.ascii_domain, value)
    except Refused as exc:
        raise Refused(exc.message.replace("host '", "domain '", 1), exc.rule) from None
    return f"mailto:{value}"


# ---------------------------------------------------------------------------
# Phones and messengers

TELEGRAM_RE = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{4,31})$")
TELEGRAM_LINK_RE = re.compile(r"^https://t\.me/([A-Za-z][A-Za-z0-9_]{4,31})/?$")


def telegram_link(value: str) -> str:
    m = TELEGRAM_LINK_RE.match(value) or TELEGRAM_RE.match(value)
    if m:
        return f"https://t.me/{m.group(1)}"
    raise Refused(
        f"not a Telegram username; expected '@name' or 'https://t.me/name'; got {got(value)}", "telegram_is_valid"
    )


# ---------------------------------------------------------------------------
# The repository is public: what is written in data/ is published when it is pushed


def _refused(c: Check, pos, where: str, exc: Refused) -> None:
    c.error(pos, where, exc.message, exc.rule)


def web_url_is_safe(c: Check, value, where: str, parent, key) -> bool:
    """https: links pass; http: passes with a warning (never rewritten); anything else fails (contacts.web_link)."""
    if not isinstance(value, str):
        return False
    if bad_char(value, True):
        return False  # text_is_plain has said so
    pos = pos_of(value, parent, key)
    try:
        _, plain_http = web_link(value)
    except Refused as exc:
        _refused(c, pos, where, exc)
        return False
    if plain_http:
        c.warn(
            pos,
            where,
            f"plain http link (kept as written); expected 'https://' if the site supports it; got {got(value)}",
            "url_is_https",
        )
    return True
