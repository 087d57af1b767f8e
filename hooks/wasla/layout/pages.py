"""Which pages exist in a language, what each holds, in what order, and where every entry's card is.

A page's cost must not grow with the directory: a country page shows at most ``PAGE_SIZE`` of
its own cards (then ``<cc>-2.html``, ``<cc>-3.html`` …; the first page, which also says what the
law is and what answers each danger topic there, ``FIRST_PAGE_SIZE``) and the first ``INTERNATIONAL_INLINE``
international services with a link to the rest; a kind page shows at most ``KIND_PER_COUNTRY``
entries per country.  Every link to an entry points at the page its card is on.

The danger view ("In danger now?") is topic first: ``danger/index.html`` offers the topics,
``danger/<topic>.html`` the countries (and meanwhile the services that answer it from anywhere),
``danger/<topic>-<cc>.html`` the lines of that country that answer it, then the international
ones, at most ``DANGER_LOCAL`` and ``DANGER_EVERYWHERE`` of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Dataset, Kind, Resource, Topic
from ..core.places import INTERNATIONAL, country_sort_key
from ..queries.crisis import TopicLines, answering
from ..queries.directory import REACH_TYPES, by_country, page_countries, serves

PAGE_SIZE = 6
FIRST_PAGE_SIZE = 4  # the first page also carries the law and the danger topics (one round trip)
INTERNATIONAL_INLINE = 5
KIND_PER_COUNTRY = 3
DANGER_LOCAL = 6  # a country's own lines on a topic's page (the rest: the country's page)
DANGER_EVERYWHERE = 3  # international lines on a topic's page
STATUS_ORDER = {"active": 0, "paused": 1, "closed": 2}


def way_back(path: str) -> str:
    """From a page at ``path`` (relative to a root: a language's, or the site's) back to that
    root: '', '../', '../../' …"""
    return "../" * path.count("/")


def page_path(code: str, index: int, suffix: str = ".html") -> str:
    """A country's page number index (0 = first), relative to the language root."""
    return f"countries/{code}{suffix}" if index == 0 else f"countries/{code}-{index + 1}{suffix}"


def danger_path(topic: str | None = None, code: str | None = None, suffix: str = ".html") -> str:
    """The danger view, relative to the language root: the topic choice (no topic), a topic with
    no country chosen, or a topic in one country."""
    if topic is None:
        return f"danger/index{suffix}"
    return f"danger/{topic}-{code}{suffix}" if code else f"danger/{topic}{suffix}"


@dataclass(frozen=True)
class PagePlan:
    """One generated page: where it goes (relative to the language root) and what it shows."""

    path: str  # e.g. "countries/lb.md", "countries/lb-2.md", "danger/suicide-lb.md"
    kind: str  # "country" | "kind" | "danger" (the topic choice) | "topic" | "answer" (a topic in a country)
    key: str  # the country, kind or topic
    page: int = 0  # which page of the country (0 = the first)
    country: str = ""  # an answer page's country


@dataclass(frozen=True)
class CountryPage:
    """What one page of a country shows."""

    code: str
    page: int  # 0 = the first
    groups: list[tuple[Kind, list[Resource]]]  # its own entries, by kind
    international: list[Resource]  # the first international services that serve it (first page only)
    international_total: int
    pager: list[tuple[int, str]]  # (number, path) of every page, when there are several


@dataclass(frozen=True)
class DangerView:
    """What a topic's page shows, for one country or (code None) for none chosen."""

    topic: Topic
    code: str | None
    local: list[Resource]  # the country's own lines that answer it, at most DANGER_LOCAL
    local_total: int
    everywhere: list[Resource]  # the international lines that answer it and serve the country
    everywhere_total: int


class Layout:
    """The pages of one language, and where each entry's card is on them."""

    def __init__(self, dataset: Dataset, lang: str):
        self.dataset = dataset
        self.lang = lang
        self._by_country = by_country(dataset)
        self._sort_keys: dict[str, tuple] = {}  # by entry path: sort_key() is asked for each entry many times
        self._countries: list[tuple[str, int]] | None = None  # countries(), once
        self._order = {k: i for i, k in enumerate(dataset.kinds)}
        self._paginate()
        self._lines: dict[str, TopicLines] = {}  # by topic, on first use (the exports' layouts need none)

    # -- order ----------------------------------------------------------------------
    def primary_kind(self, r: Resource) -> str:
        return min(r.kinds, key=lambda k: self._order[k])

    def sort_key(self, r: Resource):
        """Active first, then by name as this language shows it."""
        key = self._sort_keys.get(r.path)
        if key is None:
            key = self._sort_keys[r.path] = (STATUS_ORDER[r.status], r.name.get(self.lang).text.casefold(), r.slug)
        return key

    def country_key(self, code: str) -> tuple:
        return country_sort_key(code, self.lang)

    def countries(self) -> list[tuple[str, int]]:
        """(code, count of its own entries): the region and every country with an entry, by name as
        a reader of this language files it; 'international' last."""
        if self._countries is None:
            codes = sorted(page_countries(self.dataset.region, self._by_country), key=self.country_key)
            if INTERNATIONAL in self._by_country:
                codes.append(INTERNATIONAL)
            self._countries = [(c, len(self._own(c))) for c in codes]
        return list(self._countries)

    def _own(self, code: str) -> list[tuple[str, Resource]]:
        """(primary kind, entry) in page order: kinds most urgent first, then status and name."""
        own = [r for r in self._by_country.get(code, []) if code == INTERNATIONAL or r.folder != INTERNATIONAL]
        return sorted(
            ((self.primary_kind(r), r) for r in own), key=lambda kr: (self._order[kr[0]], self.sort_key(kr[1]))
        )

    # -- paging -----------------------------------------------------------------------
    def _paginate(self) -> None:
        """Which page of its country each entry's card (and anchor) is on, in this language."""
        self._pages: dict[str, list[list[tuple[str, Resource]]]] = {}
        self._home: dict[str, int] = {}
        self._group_page: dict[tuple[str, str], int] = {}
        for code in self._by_country:
            entries = self._own(code)
            rest = entries[FIRST_PAGE_SIZE:]
            chunks = [entries[:FIRST_PAGE_SIZE]] + [rest[i : i + PAGE_SIZE] for i in range(0, len(rest), PAGE_SIZE)]
            self._pages[code] = chunks
            for index, chunk in enumerate(chunks):
                for kind, r in chunk:
                    self._group_page.setdefault((code, kind), index)
                    if r.folder == code:
                        self._home[r.path] = index

    def entry_href(self, r: Resource) -> str:
        """Where an entry's card is, relative to the language root: countries/lb-2.html#slug."""
        return f"{page_path(r.folder, self._home[r.path])}#{r.anchor}"

    def placement(self) -> tuple[dict, dict]:
        """Where every card and every kind's group is: what entry_href and kind_href answer from
        (entry path -> page index of its country; (country, kind) -> page index)."""
        return self._home, self._group_page

    def kind_href(self, code: str, key: str) -> str:
        """The page of a country where its group of a kind starts (the first page if none)."""
        index = self._group_page.get((code, key))
        return page_path(code, index or 0) + (f"#kind-{key}" if index is not None else "")

    def danger_key(self, topic: str):
        """The order of a topic's lines: by the topic's kinds, in the order topics.yml gives them
        (legal aid before hotlines for an arrest); then those a reader can reach directly (phone,
        message, e-mail) before those with a website alone; then open around the clock first; then
        by name. With JavaScript, danger.js then moves the lines open now to the top."""
        rank = {k: i for i, k in enumerate(self.dataset.topics[topic].kinds)}

        def key(r: Resource):
            kind = min((rank[k] for k in r.kinds if k in rank), default=len(rank))
            reach = any(c.type in REACH_TYPES for c in r.contacts)
            always = any(c.always_open for c in r.contacts)
            return (kind, not reach, not always, self.sort_key(r))

        return key

    def pages(self) -> list[PagePlan]:
        plans = []
        for code, _ in self.countries():
            for index in range(len(self._pages[code])):
                plans.append(PagePlan(page_path(code, index, ".md"), "country", code, index))
        plans += [PagePlan(f"kinds/{key}.md", "kind", key) for key in self.dataset.kinds]
        if self.dataset.topics:
            plans.append(PagePlan(danger_path(suffix=".md"), "danger", ""))
        for key in self.dataset.topics:
            plans.append(PagePlan(danger_path(key, suffix=".md"), "topic", key))
            plans += [
                PagePlan(danger_path(key, code, ".md"), "answer", key, country=code) for code in self.danger_countries()
            ]
        return plans

    # -- the danger view --------------------------------------------------------------
    def danger_countries(self) -> list[str]:
        """Every country with a page (the region, then the others with entries), in the order of
        the home chooser; not 'international' (a topic's own page is its answer for everywhere)."""
        region, elsewhere, _ = self.chooser()
        return [c for c, _ in region + elsewhere if c != INTERNATIONAL]

    def _topic_lines(self, topic: str) -> TopicLines:
        if topic not in self._lines:
            self._lines[topic] = TopicLines(answering(self.dataset, topic, self.danger_key(topic)))
        return self._lines[topic]

    def danger_view(self, topic: str, code: str | None = None) -> DangerView:
        local, everywhere = self._topic_lines(topic).split(code)
        return DangerView(
            self.dataset.topics[topic],
            code,
            local[:DANGER_LOCAL],
            len(local),
            everywhere[:DANGER_EVERYWHERE],
            len(everywhere),
        )

    def danger_lines(self, topic: str) -> list[Resource]:
        """Every line that answers a topic, in its order (the search index carries them)."""
        return self._topic_lines(topic).order

    # -- what a page holds ------------------------------------------------------------
    def international_for(self, code: str) -> list[Resource]:
        """Every international service that serves a country, in the international page's order."""
        return [r for chunk in self._pages.get(INTERNATIONAL, []) for _, r in chunk if serves(r, code)]

    def country_page(self, code: str, page: int = 0) -> CountryPage:
        chunks = self._pages.get(code, [[]])
        groups: list[tuple[Kind, list[Resource]]] = []
        for kind, r in chunks[page]:
            if not groups or groups[-1][0].key != kind:
                groups.append((self.dataset.kinds[kind], []))
            groups[-1][1].append(r)
        international, total = [], 0
        if code != INTERNATIONAL and page == 0:
            every = self.international_for(code)
            international, total = every[:INTERNATIONAL_INLINE], len(every)
        pager = [(i + 1, page_path(code, i)) for i in range(len(chunks))] if len(chunks) > 1 else []
        return CountryPage(code, page, groups, international, total, pager)

    def kind_groups(self, key: str) -> list[tuple[str, list[Resource], int]]:
        """(country, its first KIND_PER_COUNTRY entries of this kind, how many it has), by country name."""
        found: dict[str, list[Resource]] = {}
        for r in self.dataset.resources:
            if key in r.kinds:
                found.setdefault(r.folder, []).append(r)
        codes = sorted((c for c in found if c != INTERNATIONAL), key=self.country_key)
        if INTERNATIONAL in found:
            codes.append(INTERNATIONAL)
        return [(c, sorted(found[c], key=self.sort_key)[:KIND_PER_COUNTRY], len(found[c])) for c in codes]

    def chooser(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[Kind, int]]]:
        """The home chooser: the region and International first (a reader there finds their country on the
        first screen), then countries outside it that have entries (services for people who left); the kinds."""
        counts = {k: 0 for k in self.dataset.kinds}
        for r in self.dataset.resources:
            for k in r.kinds:
                counts[k] += 1
        kinds = [(kind, counts[key]) for key, kind in self.dataset.kinds.items()]
        region = set(self.dataset.region)
        every = self.countries()
        countries = [(c, n) for c, n in every if c in region or c == INTERNATIONAL]
        elsewhere = [(c, n) for c, n in every if c not in region and c != INTERNATIONAL]
        return countries, elsewhere, kinds
