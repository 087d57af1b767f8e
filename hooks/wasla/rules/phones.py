"""Phone numbers a reader can dial, and no others.

``phone_link`` (phonenumbers): valid, of the entry's countries, not paid (premium-rate, shared-cost,
personal); a national short code only when ``data/short-codes.yml`` lists it, and never an
emergency number.  ``signal_link`` holds Signal values to the same rules.  Each returns the link a
reader taps or raises ``Refused``.

``check_short_codes`` holds ``data/short-codes.yml`` to the same rules before any entry may use a
code from it: its shape, country keys that are countries, sources that are links, and no
emergency, premium-rate or otherwise paid number (``short_code_is_safe``).
"""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers
from phonenumbers import PhoneNumberType, ShortNumberCost, shortnumberinfo

from ..core.places import INTERNATIONAL, country_codes
from ..core.problems import Problem
from ..core.yamlload import Pos
from .check import Check, Refused, ascii_digits, check_fields, got, pos_of
from .sources import check_sources
from .text import text_is_plain

PHONE_CHARS_RE = re.compile(r"^\+?[0-9][0-9 ().-]*$")


SIGNAL_NUMBER_RE = re.compile(r"^https://signal\.me/#p/(\+[0-9]{6,15})$")


SIGNAL_USERNAME_RE = re.compile(r"^https://signal\.me/#eu/[A-Za-z0-9_-]{20,120}$")


PAID = {
    PhoneNumberType.PREMIUM_RATE: "premium-rate",
    PhoneNumberType.SHARED_COST: "shared-cost",
    PhoneNumberType.PERSONAL_NUMBER: "personal (forwarded, often charged)",
}


def phone_link(value: str, folder: str, countries: tuple[str, ...], short_codes: dict) -> str:
    """The ``tel:`` target: E.164 for full numbers, the digits for a listed short code."""
    anywhere = folder == INTERNATIONAL or INTERNATIONAL in countries
    region = None if folder == INTERNATIONAL else folder.upper()
    expected = (
        f"a number valid in {folder}, with or without its country code, or a national short code listed in data/short-codes.yml"
        if region
        else "a number with its country code, like '+353 1 210 0489' (international entries have no home country)"
    )
    if not PHONE_CHARS_RE.match(value):
        raise Refused(
            f"not a phone number; expected digits, spaces and an optional leading '+' ({expected}); got {got(value)}",
            "phone_is_valid",
        )
    digits = re.sub(r"[^0-9]", "", value)
    if region and not value.startswith("+") and len(digits) <= 6:
        short_code_is_safe(digits, folder)  # never an emergency number, listed or not
    if region and not value.startswith("+") and digits in short_codes.get(folder, ()):
        short_code_is_safe(digits, folder)
        return digits
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        home = phonenumbers.region_code_for_number(number)
        allowed = {c.upper() for c in countries if c != INTERNATIONAL} | ({region} if region else set())
        if not anywhere and home not in allowed:
            raise Refused(
                f"number belongs to {home.lower() if home and home != '001' else 'no country'}, not to this entry's countries; "
                f"expected a number of {', '.join(sorted(a.lower() for a in allowed))} (add the country to 'countries' "
                f"if the service answers there); got {got(value)}",
                "phone_of_country",
            )
        kind = PAID.get(phonenumbers.number_type(number))
        if kind:
            raise Refused(
                f"is a {kind} number, which costs the caller money; expected a free or ordinary number; got {got(value)}",
                "phone_is_free",
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if (
        number is not None
        and region
        and not value.startswith("+")
        and shortnumberinfo.is_valid_short_number_for_region(number, region)
    ):
        raise Refused(
            f"short code not listed in data/short-codes.yml; expected a short code that a curator listed there with its "
            f"source (emergency and police numbers are not ours to list); got {got(value)}",
            "short_code_is_listed",
        )
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
        raise Refused(
            f"not a Signal link; expected 'https://signal.me/#p/+<number>' or a username link "
            f"'https://signal.me/#eu/…' with nothing else; got {got(value)}",
            "signal_is_valid",
        )
    tel = phone_link(value, folder, countries, short_codes)
    if not tel.startswith("+"):
        raise Refused(
            f"signal needs a full number; expected the number with its country code; got {got(value)}", "phone_is_valid"
        )
    return f"https://signal.me/#p/{tel}"


SHORT_CODE_FIELDS: dict[str, tuple[bool, str]] = {
    "number": (True, "scalar"),
    "name": (True, "text"),
    "sources": (True, "list"),
}
SHORT_CODE_RE = re.compile(r"^[0-9]{2,15}$")


def short_code_is_safe(number: str, cc: str) -> None:
    """A code a reader may tap: not an emergency number (the police's among them), not premium-rate,
    not a paid full number. Raises Refused."""
    region = cc.upper()
    if shortnumberinfo.connects_to_emergency_number(number, region):
        raise Refused(
            f"is an emergency number in {cc} (police, ambulance or fire brigade): it would be a button among the "
            f"lines that answer now, and a reader in danger from the police would be calling them; expected a "
            f"support line's own number (emergency numbers are not ours to list); got '{number}'",
            "short_code_is_safe",
        )
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return  # not a number at all: the rules that read it as a phone number say so
    if shortnumberinfo.expected_cost_for_region(parsed, region) == ShortNumberCost.PREMIUM_RATE:
        raise Refused(
            f"is a premium-rate short code, which costs the caller money; expected a free or ordinary code; got '{number}'",
            "short_code_is_safe",
        )
    kind = PAID.get(phonenumbers.number_type(parsed)) if phonenumbers.is_valid_number(parsed) else None
    if kind:
        raise Refused(
            f"is a {kind} number, which costs the caller money; expected a free or ordinary number; got '{number}'",
            "short_code_is_safe",
        )


def short_code_number(c: Check, entry, where: str, cc: str) -> str | None:
    """The entry's ``number``: digits 0-9 only, and safe to tap (short_code_is_safe)."""
    number = entry.get("number")
    if not isinstance(number, str) or not number:
        return None  # check_fields has said so
    digits = ascii_digits(number)
    if digits or not SHORT_CODE_RE.match(number):
        c.error(
            number.pos,
            f"{where}.number",
            f'{digits or "not a short code"}; expected the digits 0-9 alone, quoted, like number: "1564"; got {got(number)}',
            "short_code_is_valid",
        )
        return None
    try:
        short_code_is_safe(str(number), cc)
    except Refused as exc:
        c.error(number.pos, f"{where}.number", exc.message, exc.rule)
        return None
    return str(number)


def check_short_codes(shown: str, data, today: dt.date) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """data/short-codes.yml: national short codes that phonenumbers does not know, each with its name and
    sources. A code with any problem is not listed: an entry that uses it is then told so too."""
    c = Check(shown)
    codes: dict[str, tuple[str, ...]] = {}
    if data is None:
        return codes, c.problems
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None) or Pos(1, 1),
            "",
            f"must be a mapping of country codes; expected 'lb:' with a list of codes; got {got(data)}",
            "short_codes_file",
        )
        return codes, c.problems
    text_is_plain(c, data, home="out of the name; the page that gives the code belongs in 'sources'")
    for cc, entries in data.items():
        if cc not in country_codes():
            hint = f" (write it in lower case: '{cc.lower()}')" if cc.lower() in country_codes() else ""
            c.error(
                data.key_pos.get(cc),
                str(cc),
                f"not a country code{hint}; expected a lower-case ISO 3166-1 code like 'lb' (a short code is "
                f"national); got {got(cc)}",
                "short_codes_file",
            )
            continue
        if not isinstance(entries, list):
            c.error(
                pos_of(entries, data, cc),
                str(cc),
                f"must be a list; expected lines starting with '- number:'; got {got(entries)}",
                "short_codes_file",
            )
            continue
        numbers: list[str] = []
        for i, entry in enumerate(entries):
            where = f"{cc}[{i}]"
            if not isinstance(entry, dict):
                c.error(
                    pos_of(entry, data, cc),
                    where,
                    f"must be a mapping; expected 'number:', 'name:' and 'sources:' lines; got {got(entry)}",
                    "short_codes_file",
                )
                continue
            before = len(c.problems)
            check_fields(c, entry, SHORT_CODE_FIELDS, where)
            check_sources(c, entry, today, where=where)
            number = short_code_number(c, entry, where, str(cc))
            if number in numbers:
                c.error(
                    entry["number"].pos,
                    f"{where}.number",
                    f"listed twice for {cc}; expected each code once; got '{number}'",
                    "short_codes_file",
                )
            elif number and not any(p.level == "error" for p in c.problems[before:]):
                numbers.append(number)
        codes[str(cc)] = tuple(numbers)
    return codes, c.problems
