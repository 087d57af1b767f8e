"""The validated, language-aware shape of the data that templates and exports read."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evidence import Source

LANGS = ("ar", "en")  # ar first: the default language, built at the site root


@dataclass(frozen=True)
class Text:
    """A text in both languages. ``neutral`` marks one string meant for both (a brand name)."""

    en: str | None = None
    ar: str | None = None
    neutral: bool = False

    def get(self, lang: str) -> "Shown":
        value = getattr(self, lang)
        if value:
            return Shown(value, lang, missing=False, neutral=self.neutral)
        other = "en" if lang == "ar" else "ar"
        value = getattr(self, other)
        if value:
            return Shown(value, other, missing=True, neutral=False)
        return Shown("", lang, missing=False, neutral=False)

    def __bool__(self) -> bool:
        return bool(self.en or self.ar)


@dataclass(frozen=True)
class Shown:
    """A text picked for one page language: ``lang`` is the language it is really in."""

    text: str
    lang: str
    missing: bool  # the page's language was missing; this is the fallback
    neutral: bool  # the same text in every language (names, brands)

    @property
    def dir(self) -> str:
        return "rtl" if self.lang == "ar" else "ltr"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Contact:
    type: str
    value: str  # exactly as written
    href: str  # the link the reader taps
    hours: Text = field(default_factory=Text)
    languages: tuple[str, ...] = ()
    note: Text = field(default_factory=Text)
    always_open: bool = False
    pos: object = field(default=None, compare=False)  # where the value was written (for cross-file rules)
    shown: str | None = None  # a link as the browser shows it (an IDN written as xn--… shown in its script)
    trace: Text = field(default_factory=Text)  # issue #13: the service's own "what this leaves behind"
    police: object = None  # issue #13: wasla.channels.Police (policy may|never, source) or None
    opening_hours: str | None = None  # OSM syntax, as written (issue 14)
    schedule: object = field(default=None, compare=False)  # hours.Schedule, computed at load time

    @property
    def display(self) -> str:
        return self.shown or self.value

    @property
    def dials(self) -> str | None:
        """The number a phone dials, from the link (tel:, sms:, wa.me, signal.me); None for others."""
        if self.href.startswith(("tel:", "sms:")):
            return self.href.split(":", 1)[1]
        if self.href.startswith("https://wa.me/"):
            return "+" + self.href.rsplit("/", 1)[1]
        if self.href.startswith("https://signal.me/#p/"):
            return self.href.rsplit("/", 1)[1]
        return None


@dataclass(frozen=True)
class Kind:
    key: str
    label: Text
    description: Text


@dataclass
class Resource:
    slug: str
    folder: str  # primary country code, or "international"
    path: str  # the data file, as shown to contributors
    name: Text
    kinds: tuple[str, ...]
    countries: tuple[str, ...]
    summary: Text
    contacts: tuple[Contact, ...]
    sources: tuple["Source", ...]  # evidence.Source: url, date (with its precision), kind
    status: str
    city: Text = field(default_factory=Text)
    languages: tuple[str, ...] = ()
    address: Text | None = None  # only when visibility allows it to be printed
    address_visibility: str = "hidden"
    last_verified: dt.date | None = None
    verified_by: str | None = None
    confidence: str | None = None
    scope: str = "lgbtq"  # "general": a general service (e.g. UNHCR), not LGBTQ+-specific (#12)
    warnings: tuple = ()  # countries.SafetyWarning: dated, sourced safety facts (#12)

    @property
    def anchor(self) -> str:
        return self.slug


@dataclass
class Dataset:
    resources: list[Resource]
    kinds: dict[str, Kind]  # in display (urgency) order
    data_date: str | None = None
    problems: list = field(default_factory=list)  # warnings left after a successful load
    region: tuple[str, ...] = ()  # data/region.yml: countries that always have a page (#12)
    countries: dict = field(default_factory=dict)  # code -> countries.Country, what the law says (#12)
