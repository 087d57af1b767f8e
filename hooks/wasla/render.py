"""Turn the dataset into HTML fragments and page plans, one language at a time.

Independent of MkDocs and of the theme: a ``Site`` knows which pages exist
(``pages()``), and renders each page's body from the Jinja templates beside
this module.  Templates autoescape everything; Python never builds HTML.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from babel import Locale
from babel.dates import format_date, format_timedelta
from babel.numbers import format_decimal

from . import evidence
from . import reporting
from . import hours
from . import countries as law
from .model import LANGS, Dataset, Kind, Resource
from .rules import INTERNATIONAL
from .yamlload import loads, plain

HERE = Path(__file__).parent
STALE_MONTHS = 12  # default; mkdocs.yml extra.wasla.stale_months overrides it for the site
STATUS_ORDER = {"active": 0, "paused": 1, "closed": 2}

# A page's cost must not grow with the directory: a country page shows at most PAGE_SIZE of its
# own cards (then pages <cc>-2.html, <cc>-3.html …), the first INTERNATIONAL_INLINE international
# services with a link to the rest, and a kind page at most KIND_PER_COUNTRY entries per country.
PAGE_SIZE = 6
INTERNATIONAL_INLINE = 5
KIND_PER_COUNTRY = 3


def page_path(code: str, index: int, suffix: str = ".html") -> str:
    """A country's page number index (0 = first), relative to the language root."""
    return f"countries/{code}{suffix}" if index == 0 else f"countries/{code}-{index + 1}{suffix}"


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    """The UI string table for a language; English fills any key Arabic lacks."""
    table = plain(loads((HERE / "strings" / f"{lang}.yml").read_text(encoding="utf-8")))
    if lang != "en":
        table = {**strings("en"), **table}
    return table


@lru_cache(maxsize=None)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


@lru_cache(maxsize=None)
def country_name(code: str, lang: str) -> str:
    if code == INTERNATIONAL:
        return strings(lang)["international"]
    return law.display_name(code, lang, Locale(lang).territories.get(code.upper(), code.upper()))


@lru_cache(maxsize=None)
def language_name(code: str, lang: str) -> str:
    return Locale(lang).languages.get(code, code)


def freshness(dataset: Dataset, today: dt.date, stale_months: int) -> tuple[list[Resource], list[Resource]]:
    """(entries never verified, entries verified longer ago than stale_months)."""
    never = [r for r in dataset.resources if r.last_verified is None]
    stale = [r for r in dataset.resources if r.last_verified and months_between(r.last_verified, today) >= stale_months]
    return never, stale


@dataclass(frozen=True)
class PagePlan:
    """One generated page: where it goes (relative to the language root) and what it shows."""

    path: str  # e.g. "countries/lb.md", "countries/lb-2.md"
    title: str
    kind: str  # "country" | "kind"
    key: str
    page: int = 0  # which page of the country (0 = the first)


class Site:
    """The pages and page bodies of one language."""

    def __init__(self, dataset: Dataset, lang: str, *, today: dt.date | None = None, stale_months: int = STALE_MONTHS,
                 issues_url: str = "", report_email: str = "", evidence_stale_years: int = evidence.STALE_YEARS,
                 law_stale_months: int = law.LAW_STALE_MONTHS):
        assert lang in LANGS
        self.dataset = dataset
        self.lang = lang
        self.today = today or dt.date.today()
        self.stale_months = stale_months
        self.evidence_stale_years = evidence_stale_years
        self.issues_url = issues_url
        self.report_email = report_email
        self.s = strings(lang)
        self._locale = Locale(lang)
        self._by_country: dict[str, list[Resource]] = {}
        for r in dataset.resources:
            for code in r.countries:
                self._by_country.setdefault(code, []).append(r)
        for code in dataset.region:  # every region country has a page, with or without entries
            self._by_country.setdefault(code, [])
        self.law = law.LawView(self._locale, self.today, law_stale_months)
        self._order = {k: i for i, k in enumerate(dataset.kinds)}
        self._paginate()

    # -- helpers the templates call -------------------------------------------------
    def country_name(self, code: str) -> str:
        return country_name(code, self.lang)

    def language_name(self, code: str) -> str:
        return language_name(code, self.lang)

    def country_key(self, code: str) -> tuple:
        return law.sort_key(code, self.country_name(code), self.lang)

    def country_list(self, codes) -> str:
        return self.s["list_separator"].join(self.country_name(c) for c in codes)

    def language_list(self, codes) -> str:
        return self.s["list_separator"].join(self.language_name(c) for c in codes)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self._locale)

    def ago(self, value: dt.date) -> str:
        """'3 months ago' / 'قبل 3 أشهر', from CLDR."""
        return format_timedelta(value - self.today, granularity="day", threshold=1.1, add_direction=True, locale=self._locale)

    def is_stale(self, value: dt.date) -> bool:
        return months_between(value, self.today) >= self.stale_months

    def evidence(self, r: Resource) -> dict:
        """The card's evidence line (issue #19, evidence.py): {text, stale, case}."""
        cache = self.__dict__.setdefault("_evidence", {})  # a card and its search result share it
        if r.path not in cache:
            cache[r.path] = evidence.evidence_line(r, self.s, self.lang, self.today, self.evidence_stale_years)
        return cache[r.path]

    @staticmethod
    def source_host(url: str) -> str:
        """A source link as its reader sees where it goes: the host, as the browser shows it."""
        from urllib.parse import urlsplit

        from .contacts import shown_link

        return urlsplit(shown_link(url) or url).netloc.lower().removeprefix("www.")

    def source_label(self, source) -> str:
        return evidence.source_label(source, self.s, self.lang)

    def report_href(self, r: Resource) -> str | None:
        """The report form with this entry filled in (GitHub issue-form query parameters)."""
        return reporting.issue_form_href(self.issues_url, r)

    def report_mailto(self, r: Resource) -> str | None:
        """A mailto: naming this entry; works from the offline copy too (wasla/reporting.py)."""
        return reporting.mailto_href(self.report_email, r, self.s)

    def vcard_links(self, root: str) -> str:
        """Links to every country's vCard files (so a wget mirror fetches them too)."""
        codes = [code for code, _ in self.countries() if any(
            c.dials for r in self.dataset.resources if r.folder == code for c in r.contacts)]
        return _env().get_template("vcards.html").render(ctx=self._ctx(""), codes=codes, root=root)

    def report_ways(self) -> str:
        return _env().get_template("report.html").render(ctx=self._ctx(""), issues_url=self.issues_url, email=self.report_email)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self._locale)

    def primary_kind(self, r: Resource) -> str:
        return min(r.kinds, key=lambda k: self._order[k])

    def sort_key(self, r: Resource):
        return (STATUS_ORDER[r.status], r.name.get(self.lang).text.casefold(), r.slug)

    # -- what pages exist -----------------------------------------------------------
    def countries(self) -> list[tuple[str, int]]:
        """(code, count of its own entries): the region and every country with an entry, by name as
        a reader of this language files it (wasla.countries); 'international' last."""
        codes = sorted(law.page_countries(self.dataset.region, self._by_country), key=self.country_key)
        if INTERNATIONAL in self._by_country:
            codes.append(INTERNATIONAL)
        return [(c, len(self._own(c))) for c in codes]

    def _own(self, code: str) -> list[tuple[str, Resource]]:
        """(primary kind, entry) in page order: kinds most urgent first, then status and name."""
        own = [r for r in self._by_country.get(code, []) if code == INTERNATIONAL or r.folder != INTERNATIONAL]
        return sorted(((self.primary_kind(r), r) for r in own), key=lambda kr: (self._order[kr[0]], self.sort_key(kr[1])))

    def _paginate(self) -> None:
        """Which page of its country each entry's card (and anchor) is on, in this language."""
        self._pages: dict[str, list[list[tuple[str, Resource]]]] = {}
        self._home: dict[str, int] = {}
        self._group_page: dict[tuple[str, str], int] = {}
        for code in self._by_country:
            entries = self._own(code)
            chunks = [entries[i:i + PAGE_SIZE] for i in range(0, len(entries), PAGE_SIZE)] or [[]]
            self._pages[code] = chunks
            for index, chunk in enumerate(chunks):
                for kind, r in chunk:
                    self._group_page.setdefault((code, kind), index)
                    if r.folder == code:
                        self._home[r.path] = index

    def entry_href(self, r: Resource) -> str:
        """Where an entry's card is, relative to the language root: countries/lb-2.html#slug."""
        return f"{page_path(r.folder, self._home[r.path])}#{r.anchor}"

    def kind_href(self, code: str, key: str) -> str:
        """The page of a country where its group of a kind starts (the first page if none)."""
        index = self._group_page.get((code, key))
        return page_path(code, index or 0) + (f"#kind-{key}" if index is not None else "")

    def pages(self) -> list[PagePlan]:
        plans = []
        for code, _ in self.countries():
            title = self.s["page_country_title"].format(country=self.country_name(code))
            for index in range(len(self._pages[code])):
                shown = title if index == 0 else self.s["page_numbered_title"].format(title=title, page=self.number(index + 1))
                plans.append(PagePlan(page_path(code, index, ".md"), shown, "country", code, index))
        plans += [
            PagePlan(f"kinds/{key}.md", self.s["page_kind_title"].format(kind=kind.label.get(self.lang).text), "kind", key)
            for key, kind in self.dataset.kinds.items()
        ]
        return plans

    # -- page bodies ---------------------------------------------------------------
    def _ctx(self, base: str) -> dict:
        return {
            "lang": self.lang, "s": self.s, "base": base, "kinds": self.dataset.kinds,
            "country_name": self.country_name, "country_list": self.country_list,
            "language_name": self.language_name, "language_list": self.language_list,
            "date": self.date, "number": self.number, "ago": self.ago, "is_stale": self.is_stale,
            "stale_months": self.stale_months, "report_href": self.report_href, "report_mailto": self.report_mailto,
            "entry_href": self.entry_href, "kind_href": self.kind_href, "page_path": page_path,
            "evidence": self.evidence, "source_label": self.source_label, "source_host": self.source_host,
            "hours_view": lambda schedule: hours.view(schedule, self.lang, self.s),  # issue 14
            "law": self.law,
        }

    def render(self, plan: PagePlan, base: str) -> str:
        if plan.kind == "country":
            return self.country_body(plan.key, base, plan.page)
        return self.kind_body(plan.key, base)

    def country_body(self, code: str, base: str, page: int = 0) -> str:
        chunks = self._pages.get(code, [[]])
        groups: list[tuple[Kind, list[Resource]]] = []
        for kind, r in chunks[page]:
            if not groups or groups[-1][0].key != kind:
                groups.append((self.dataset.kinds[kind], []))
            groups[-1][1].append(r)
        international, more = [], 0
        if code != INTERNATIONAL and page == 0:
            every = [r for chunk in self._pages.get(INTERNATIONAL, []) for _, r in chunk if law.serves(r, code)]
            international, more = every[:INTERNATIONAL_INLINE], len(every)
        pager = [(i + 1, page_path(code, i)) for i in range(len(chunks))] if len(chunks) > 1 else []
        return _env().get_template("country.html").render(
            ctx=self._ctx(base), code=code, groups=groups, international=international, international_total=more,
            pager=pager, page=page + 1, country=self.dataset.countries.get(code) if page == 0 else None,
            law_expected=code in self.dataset.region,
        )

    def kind_body(self, key: str, base: str) -> str:
        kind: Kind = self.dataset.kinds[key]
        by_country: dict[str, list[Resource]] = {}
        for r in self.dataset.resources:
            if key in r.kinds:
                by_country.setdefault(r.folder, []).append(r)
        codes = sorted((c for c in by_country if c != INTERNATIONAL), key=self.country_key)
        if INTERNATIONAL in by_country:
            codes.append(INTERNATIONAL)
        groups = [(c, sorted(by_country[c], key=self.sort_key)[:KIND_PER_COUNTRY], len(by_country[c])) for c in codes]
        return _env().get_template("kind.html").render(ctx=self._ctx(base), kind=kind, groups=groups)

    def search_form(self, base: str, index: str, script: str) -> str:
        """The search box; ``index`` and ``script`` are relative to the page."""
        return _env().get_template("search.html").render(ctx=self._ctx(base), countries=self.countries(), index=index, script=script)

    def search_files(self, index: str, paths: list[str], script: str) -> str:
        return _env().get_template("search-files.html").render(ctx=self._ctx(""), index=index, paths=paths, script=script)

    def danger(self, base: str) -> str:
        """The home page's "in danger now?" block (issue #13, wasla.firstminute)."""
        from .firstminute import DANGER_INLINE, answer_now
        return _env().get_template("danger.html").render(ctx=self._ctx(base), lines=answer_now(self)[:DANGER_INLINE])

    def chooser(self, base: str) -> str:
        counts = {k: 0 for k in self.dataset.kinds}
        for r in self.dataset.resources:
            for k in r.kinds:
                counts[k] += 1
        kinds = [(kind, counts[key]) for key, kind in self.dataset.kinds.items()]
        # The region first (and international), so a reader there finds their country on the first
        # screen; countries outside it that have entries (services for people who left) after.
        region = set(self.dataset.region)
        every = self.countries()
        countries = [(c, n) for c, n in every if c in region or c == INTERNATIONAL]
        elsewhere = [(c, n) for c, n in every if c not in region and c != INTERNATIONAL]
        return _env().get_template("chooser.html").render(ctx=self._ctx(base), countries=countries, elsewhere=elsewhere, kinds=kinds)
