"""Phone numbers a reader can dial, and no others.

``phone_link`` (phonenumbers): valid, of the entry's countries, not paid (premium-rate, shared-cost,
personal); a national short code only when ``data/short-codes.yml`` lists it.  ``signal_link``
holds Signal values to the same rules.  Each returns the link a reader taps or raises ``Refused``.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType, shortnumberinfo

from ..core.places import INTERNATIONAL
from ..core.problems import Problem
from ..core.yamlload import Pos
from .check import Check, Refused, got, pos_of

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


def check_short_codes(shown: str, data) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """data/short-codes.yml: national short codes that phonenumbers does not know, each with its source."""
    c = Check(shown)
    codes: dict[str, tuple[str, ...]] = {}
    if isinstance(data, dict):
        for cc, entries in data.items():
            numbers = []
            for i, entry in enumerate(entries if isinstance(entries, list) else []):
                if (
                    not isinstance(entry, dict)
                    or not isinstance(entry.get("number"), str)
                    or not entry["number"].isdigit()
                    or not entry.get("sources")
                ):
                    c.error(
                        pos_of(entry, data, cc),
                        f"{cc}[{i}]",
                        "must have 'number' (digits only) and 'sources'; expected number: '1564' and a sources list; got something else",
                        "short_codes_file",
                    )
                    continue
                numbers.append(str(entry["number"]))
            codes[str(cc)] = tuple(numbers)
    elif data is not None:
        c.error(
            Pos(1, 1),
            "",
            "must be a mapping of country codes; expected 'lb:' with a list; got something else",
            "short_codes_file",
        )
    return codes, c.problems
