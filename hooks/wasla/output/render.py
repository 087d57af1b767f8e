"""Page bodies as HTML, one language at a time, from the Jinja templates in ``hooks/wasla/templates``.

Independent of MkDocs and of the theme.  A ``Renderer`` holds one Jinja environment for its
language: autoescaped templates see the page language's helpers as filters (``code|country_name``,
``n|number``, ``d|date``, ``source|source_label`` …) and a few globals (``s``, the string table;
``lang``; ``kinds``; ``topics``; ``entry_href(r)``, ``kind_href(code, key)``, ``page_path(code, n)``,
``danger_path(topic, code)``,
``evidence(r)``, ``hours_view(schedule)``, ``law_is_stale(item)``, ``report_href(r)``,
``report_mailto(r)``; and an entry's three views, ``card(r, base, anchor=…)``, ``quick(r, base)``
and ``line(r, base)``, and a contact's, ``contact(c, base)``, each rendered once per language and
kept for every page that shows it).  Each macro takes ``base``, the relative path from the page to its
language root.  Python never builds HTML.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from babel.numbers import format_decimal

from ..core.dates import format_ago, format_long_date, format_written_date
from ..core.languages import language_name, locale
from ..core.model import Dataset, Resource
from ..core.places import INTERNATIONAL, country_name
from ..core.settings import Settings
from ..core.strings import strings
from ..layout.pages import Layout, PagePlan, danger_path, page_path
from ..queries.directory import is_stale
from ..queries.law import law_is_stale
from ..rules.links import shown_link
from . import reporting
from .hours_table import view as hours_view
from .template_cache import COMPILED
from .words import evidence_line, format_source_date, source_label

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def format_number(value: int, lang: str) -> str:
    """A count in a page language's digits and grouping (CLDR): asked for the same few numbers on
    every page, and Babel's formatting is slow."""
    return format_decimal(value, locale=locale(lang))


def source_host(url: str) -> str:
    """A source link as its reader sees where it goes: the host, as the browser shows it."""
    return urlsplit(shown_link(url) or url).netloc.lower().removeprefix("www.")


class Renderer:
    """The page titles and bodies of one language."""

    def __init__(self, layout: Layout, settings: Settings, today: dt.date):
        self.layout = layout
        self.dataset = layout.dataset
        self.lang = lang = layout.lang
        self.settings = settings
        self.today = today
        self.s = strings(lang)
        self._evidence: dict[str, dict] = {}  # a card and its search result share its evidence line
        self._state: tuple | None = None
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=COMPILED,
            auto_reload=False,  # a renderer lives for one language build; the next one reads them again
        )
        separator = self.s["list_separator"]
        env.filters.update(
            country_name=lambda code: country_name(code, lang),
            country_list=lambda codes: separator.join(country_name(c, lang) for c in codes),
            language_list=lambda codes: separator.join(language_name(c, lang) for c in codes),
            number=self.number,
            date=lambda d: format_long_date(d, lang),
            ago=lambda d: format_ago(d, today, lang),
            source_label=lambda source: source_label(source, self.s, lang),
            source_date=lambda source: format_source_date(source, lang),
            source_host=source_host,
            written_date=lambda text: format_written_date(text, lang),
            law_month=lambda text: format_written_date(text, lang),
        )
        env.globals.update(
            s=self.s,
            lang=lang,
            kinds=self.dataset.kinds,
            topics=self.dataset.topics,
            stale_months=settings.stale_months,
            entry_href=layout.entry_href,
            kind_href=layout.kind_href,
            page_path=page_path,
            danger_path=danger_path,
            evidence=self.evidence,
            hours_view=lambda schedule: hours_view(schedule, lang, self.s),
            is_stale=lambda d: is_stale(d, today, settings.stale_months),
            law_is_stale=lambda item: law_is_stale(item, today, settings.law_stale_months),
            report_href=self.report_href,
            report_mailto=self.report_mailto,
            # an entry as a full card, a quick entry (name and buttons) or a danger view's line:
            # each rendered once per language and base, then reused by every page that shows it
            card=self._kept("components.html", "card"),
            quick=self._kept("reach.html", "quick"),
            line=self._kept("reach.html", "line"),
            # a contact, shown alike on its entry's card, quick entry and lines; contacts live as
            # long as the dataset, so each one's id names it for this renderer's life
            contact=self._kept("components.html", "one_contact", key=id),
        )
        self.env = env

    def _kept(self, template: str, macro: str, key=lambda r: r.path):
        """A macro of ``template`` as a global that renders each (item, base, options) once; ``key``
        names the item (an entry by its path).

        Its output depends only on its arguments and this renderer (the language, the settings,
        today): the macros are imported without the calling page's context."""
        kept: dict[tuple, str] = {}

        def render(item, base: str, **options) -> str:
            name = (key(item), base, *sorted(options.items()))
            if name not in kept:
                kept[name] = getattr(self.env.get_template(template).module, macro)(item, base, **options)
            return kept[name]

        return render

    # -- words ------------------------------------------------------------------------
    def number(self, value: int) -> str:
        return format_number(value, self.lang)

    def date(self, value: dt.date) -> str:
        return format_long_date(value, self.lang)

    def evidence(self, r: Resource) -> dict:
        """The card's evidence line: {text, stale, case}."""
        if r.path not in self._evidence:
            self._evidence[r.path] = evidence_line(r, self.s, self.lang, self.today, self.settings.evidence_stale_years)
        return self._evidence[r.path]

    def report_href(self, r: Resource) -> str | None:
        """The report form with this entry filled in (GitHub issue-form query parameters)."""
        return reporting.issue_form_href(self.settings.issues_url, r)

    def report_mailto(self, r: Resource) -> str | None:
        """A mailto: naming this entry; works from the offline copy too."""
        return reporting.mailto_href(self.settings.report_email, r, self.s)

    def title(self, plan: PagePlan) -> str:
        """The page's <title>, which the browser keeps in its history: the danger view's pages
        say "Help now" (and the country), never what is happening to the reader."""
        if plan.kind in ("danger", "topic"):
            return self.s["page_danger_title"]
        if plan.kind == "answer":
            return self.s["page_danger_country_title"].format(country=country_name(plan.country, self.lang))
        if plan.kind == "kind":
            return self.s["page_kind_title"].format(kind=self.dataset.kinds[plan.key].label.get(self.lang).text)
        title = self.s["page_country_title"].format(country=country_name(plan.key, self.lang))
        if plan.page == 0:
            return title
        return self.s["page_numbered_title"].format(title=title, page=self.number(plan.page + 1))

    def _render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(**values)

    # -- page bodies --------------------------------------------------------------------
    def render(self, plan: PagePlan, base: str) -> str:
        return self.body(*self.page(plan), base)

    def body(self, template: str, values: dict, base: str) -> str:
        """A generated page's body from its template and values (``page()``)."""
        return self._render(template, base=base, **values)

    def page(self, plan: PagePlan) -> tuple[str, dict]:
        """A generated page's template and what it is given besides ``base``: its body depends on
        these, ``base`` and this renderer's ``state()``, on nothing else (output/kept_bodies.py)."""
        if plan.kind == "country":
            return "country.html", self._country(plan.key, plan.page)
        if plan.kind == "answer":
            return "danger-answer.html", {"view": self.layout.danger_view(plan.key, plan.country)}
        if plan.kind == "kind":
            return "kind.html", {"kind": self.dataset.kinds[plan.key], "groups": self.layout.kind_groups(plan.key)}
        region, elsewhere = self._danger_countries()
        if plan.kind == "topic":
            return "danger-topic.html", {
                "view": self.layout.danger_view(plan.key),
                "region": region,
                "elsewhere": elsewhere,
            }
        return "danger-index.html", {"region": region, "elsewhere": elsewhere}

    def country_body(self, code: str, base: str, page: int = 0) -> str:
        return self._render("country.html", base=base, **self._country(code, page))

    def _country(self, code: str, page: int) -> dict:
        view = self.layout.country_page(code, page)
        return {
            "code": code,
            "groups": view.groups,
            "international": view.international,
            "international_total": view.international_total,
            "pager": view.pager,
            "page": page + 1,
            "country": self.dataset.countries.get(code) if page == 0 else None,
            "law_expected": code in self.dataset.region,
            "danger": self.danger_counts(code) if page == 0 and code != INTERNATIONAL else [],
        }

    def state(self) -> tuple:
        """Everything the templates reach besides a page's values (``page()``): the language, the
        settings, the day, the string table, the templates' and the shared data files' sources,
        and where each entry's card and each kind's group is (entry_href, kind_href)."""
        if self._state is None:
            sources = tuple((p.name, p.read_bytes()) for p in sorted(TEMPLATES.iterdir()) if p.is_file())
            self._state = (
                self.lang,
                self.settings,
                self.today,
                self.s,
                sources,
                self.dataset.languages,
                self.dataset.kinds,
                self.dataset.topics,
                self.dataset.region,
                self.layout.placement(),
            )
        return self._state

    # -- the danger view ----------------------------------------------------------------
    def danger_counts(self, code: str) -> list[tuple]:
        """(topic, the country's own lines that answer it, the international ones) per topic."""
        rows = []
        for key, topic in self.dataset.topics.items():
            view = self.layout.danger_view(key, code)
            rows.append((topic, view.local_total, view.everywhere_total))
        return rows

    def _danger_countries(self) -> tuple[list[str], list[str]]:
        region = set(self.dataset.region)
        every = self.layout.danger_countries()
        return [c for c in every if c in region], [c for c in every if c not in region]

    def chooser(self, base: str) -> str:
        countries, elsewhere, kinds = self.layout.chooser()
        return self._render("chooser.html", base=base, countries=countries, elsewhere=elsewhere, kinds=kinds)

    def danger(self, base: str) -> str:
        """The home page's "in danger now?" block: the topic choice."""
        return self._render("danger.html", base=base)

    def search_form(self, base: str, index: str, script: str) -> str:
        """The search box; ``index`` and ``script`` are relative to the page."""
        return self._render("search.html", base=base, countries=self.layout.countries(), index=index, script=script)

    def search_files(self, index: str, paths: list[str], script: str) -> str:
        return self._render("search-files.html", base="", index=index, paths=paths, script=script)

    def vcard_links(self, root: str) -> str:
        """Links to every country's vCard files (so a wget mirror fetches them too)."""
        codes = [
            code
            for code, _ in self.layout.countries()
            if any(c.dials for r in self.dataset.resources if r.folder == code for c in r.contacts)
        ]
        return self._render("vcards.html", base="", codes=codes, root=root)

    def report_ways(self) -> str:
        return self._render(
            "report.html", base="", issues_url=self.settings.issues_url, email=self.settings.report_email
        )


def renderer(dataset: Dataset, lang: str, *, today: dt.date | None = None, **settings) -> Renderer:
    """A renderer for one language with default settings, any of them overridden by name
    (tests, the benchmark)."""
    return Renderer(Layout(dataset, lang), Settings(**settings), today or dt.date.today())
