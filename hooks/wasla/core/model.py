"""Every dataclass of the engine's data: what loading returns and every later layer reads.

Resources and their contacts, sources and warnings; kinds; the topics of the danger view (what
is happening to a reader) and which entries answer each; what the law says in a country; the
computed opening-hours schedule of a contact; the dataset that holds them all.
Nothing here knows about files, rules or pages.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from .languages import Registry, direction, registry


@dataclass(frozen=True)
class Text:
    """A text written per language: ``values`` maps a registered language to its text.
    ``neutral`` marks one string meant for every language (a brand name).

    ``text.en``, ``text.fa`` … read the text written in that language (None when not written).
    """

    values: dict[str, str] = field(default_factory=dict)
    neutral: bool = False

    def get(self, lang: str, fallback: tuple[str, ...] | None = None) -> Shown:
        """The text for a page language: its own, else the first of its fallback chain that
        has one (``fallback``, else the registry's chain for ``lang``), marked ``missing``."""
        value = self.values.get(lang)
        if value:
            return Shown(value, lang, missing=False, neutral=self.neutral)
        chain = registry().chain(lang) if fallback is None else fallback
        for other in chain:
            value = self.values.get(other)
            if value and other != lang:
                return Shown(value, other, missing=True, neutral=False)
        return Shown("", lang, missing=False, neutral=False)

    def __getattr__(self, name: str):
        if len(name) in (2, 3) and name.isalpha() and name.islower():
            return self.values.get(name)
        raise AttributeError(name)

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.values.items())), self.neutral))

    def __bool__(self) -> bool:
        return any(self.values.values())


@dataclass(frozen=True)
class Shown:
    """A text picked for one page language: ``lang`` is the language it is really in."""

    text: str
    lang: str
    missing: bool  # the page's language was missing; this is the fallback
    neutral: bool  # the same text in every language (names, brands)

    @property
    def dir(self) -> str:
        return direction(self.lang)

    def __str__(self) -> str:
        return self.text


PRECISIONS = ("year", "month", "day")
CONFIDENCES = ("high", "medium", "low")
VISIBILITIES = ("public", "city", "hidden")  # of an address
SOURCE_KINDS = ("own", "partner", "press", "aggregator", "other")
UNDATED = "undated"


@dataclass(frozen=True)
class Source:
    """One source: where, when (to the precision written) and what kind of source it is."""

    url: str
    date: dt.date | None = None  # the first day of the period written; None = undated
    precision: str | None = None  # "year" | "month" | "day"; None = undated
    kind: str | None = None  # own | partner | press | aggregator | other; None = not recorded

    @property
    def written_date(self) -> str:
        """The date as the data has it: '2024', '2024-03', '2024-03-05' or 'undated'."""
        if self.date is None:
            return UNDATED
        return self.date.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


@dataclass(frozen=True)
class Police:
    """What a line publishes about contacting the police: 'may' or 'never', and where it says so."""

    policy: str
    source: str


@dataclass(frozen=True)
class SafetyWarning:
    """A dated, sourced safety fact shown on a resource's card (resource field ``warnings``)."""

    text: Text
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    source: str


DAY = 1440  # minutes
Window = tuple[int, int]  # (start, end) in minutes after local midnight; end may pass 1440
Day = tuple[Window, ...]


@dataclass(frozen=True)
class Period:
    """Dates whose hours differ from the usual week: shown with their dates."""

    first: dt.date
    last: dt.date
    days: tuple[tuple[int, Day], ...]  # (weekday, 0 = Monday; windows) for each weekday the period has


@dataclass(frozen=True)
class Schedule:
    """A contact's opening hours, computed once at load time from its ``opening_hours``."""

    expression: str  # as written
    zone: str  # IANA
    week: tuple[Day, ...]  # Monday .. Sunday
    periods: tuple[Period, ...]
    always: bool  # open every minute of the next year (24/7)
    start: int  # the horizon, UTC epoch minutes
    end: int
    intervals: tuple[tuple[int, int], ...]  # open [start, end) pairs, UTC epoch minutes

    def data(self) -> str:
        """What the browser needs, compact: zone, horizon start, horizon length and interval deltas
        (each number is minutes after the previous one, the first after the horizon start)."""
        deltas, last = [], self.start
        for a, b in self.intervals:
            deltas += [a - last, b - a]
            last = b
        return json.dumps(
            {"z": self.zone, "t": self.start, "n": self.end - self.start, "i": deltas}, separators=(",", ":")
        )


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
    trace: Text = field(default_factory=Text)  # the service's own word on what this channel leaves behind
    police: Police | None = None  # what the line publishes about contacting the police
    opening_hours: str | None = None  # OSM syntax, as written
    schedule: Schedule | None = field(default=None, compare=False)  # computed from opening_hours at load time

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


# Whom a line is for (resource field ``audience``; absent: anyone).
AUDIENCES = ("adults", "children", "youth", "women", "refugees", "lgbtq")


@dataclass(frozen=True)
class Topic:
    """What is happening to a reader (data/topics.yml), in the order the danger view offers them."""

    key: str  # slug-shaped: also the name of its pages (danger/<key>.html)
    name: Text  # what the reader taps
    kinds: tuple[str, ...]  # the kinds whose entries may answer it
    words: tuple[tuple[str, tuple[str, ...]], ...]  # (language, crisis words and phrases as written)
    next: Text  # what else to do

    def phrases(self) -> tuple[str, ...]:
        """Every crisis word or phrase, all languages, in file order."""
        return tuple(word for _, words in self.words for word in words)


@dataclass(frozen=True)
class Answer:
    """An entry says it answers a topic, and where it says so (resource field ``answers``)."""

    topic: str
    source: str


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
    sources: tuple[Source, ...]
    status: str
    city: Text = field(default_factory=Text)
    languages: tuple[str, ...] = ()
    address: Text | None = None  # only when visibility allows it to be printed
    address_visibility: str = "hidden"
    last_verified: dt.date | None = None
    verified_by: str | None = None
    confidence: str | None = None
    scope: str = "lgbtq"  # "general": a general service (e.g. UNHCR), not LGBTQ+-specific
    warnings: tuple[SafetyWarning, ...] = ()  # dated, sourced safety facts
    answers: tuple[Answer, ...] = ()  # the topics it answers, each with where it says so
    audience: tuple[str, ...] = ()  # whom it is for (AUDIENCES); empty: anyone

    def answers_topic(self, key: str) -> bool:
        return any(a.topic == key for a in self.answers)

    @property
    def anchor(self) -> str:
        return self.slug


LAW_TEXTS = ("legal_basis", "max_penalty", "gender_expression", "enforcement", "recent_change")


@dataclass(frozen=True)
class LawItem:
    """What the law says in one jurisdiction of a country, from dated sources."""

    same_sex_acts: str
    summary: Text
    sources: tuple[Source, ...]
    as_of: str  # YYYY-MM, or "undated" when no source gives a date
    confidence: str
    jurisdiction: Text = field(default_factory=Text)
    legal_basis: Text = field(default_factory=Text)
    max_penalty: Text = field(default_factory=Text)
    gender_expression: Text = field(default_factory=Text)
    enforcement: Text = field(default_factory=Text)
    recent_change: Text = field(default_factory=Text)

    @property
    def as_of_date(self) -> dt.date | None:
        return None if self.as_of == UNDATED else dt.date(int(self.as_of[:4]), int(self.as_of[5:7]), 1)

    @property
    def details(self) -> list[tuple[str, Text]]:
        """(field, text) of the detail fields that have text, in file order."""
        return [(key, getattr(self, key)) for key in LAW_TEXTS if getattr(self, key)]


@dataclass(frozen=True)
class Country:
    """A law file: data/countries/<code>.yml."""

    code: str
    path: str
    law: tuple[LawItem, ...]


@dataclass
class Dataset:
    resources: list[Resource]
    kinds: dict[str, Kind]  # in display (urgency) order
    data_date: str | None = None
    problems: list = field(default_factory=list)  # warnings left after a successful load
    region: tuple[str, ...] = ()  # data/region.yml: countries that always have a page
    countries: dict[str, Country] = field(default_factory=dict)  # code -> what the law says there
    languages: Registry = field(default_factory=registry)  # data/languages.yml: the site's languages
    topics: dict[str, Topic] = field(default_factory=dict)  # data/topics.yml, in the danger view's order
