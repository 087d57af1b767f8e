"""The search index: Arabic-aware normalisation and a sharded index shipped as script files.

``build_index(renderer)`` returns the files of one language's
index as ``{relative path: text}``; the hook writes them under ``<language root>/search/<id>/``.

Why script files and not JSON: browsers block ``fetch`` from ``file://`` (the offline copy),
but a ``<script src>`` of a file beside the page loads there, and with a strict
``script-src 'self'``.  Each file is one call, ``waslaSearch("<name>", {...})``.

Why shards: a reader on a slow line downloads only what a query needs.

- ``meta.js``      counts, the country and kind labels of the page language, the stop words,
                   and the topics of the danger view: each with its name and next step in the
                   page language and its crisis words (every language, normalised);
- ``l/<n>.js``     the lines that answer topic n, loaded only when a query holds its crisis
                   words (every entry that answers it: large in a large directory);
- ``t/<n>.js``     terms: every normalised token whose first two characters hash to bucket n,
                   with its postings (which entries, how strong a field);
- ``d/<n>.js``     the result cards of entries n*S … n*S+S-1: [name, its language if it is a
                   fallback, country, kinds, where its card is (Layout.entry_href), status,
                   the card's evidence line, its buttons [[type, value as written, link], …]];
- ``f.js``         each entry's countries and kinds, loaded only when a filter is chosen.

After the entries come the country pages (``queries.directory.search_countries``): found by the
country's names and code only, never by what their law section says.

The browser side (``overrides/assets/javascripts/search.js``) repeats ``normalise``,
``tokens`` and ``bucket``; tests run both on the same strings.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re

import phonenumbers

from ..core.languages import codes, direction
from ..core.model import Resource
from ..core.normalise import STOP_WORDS, _tokens, normalise
from ..core.places import INTERNATIONAL, country_name
from ..layout.pages import DANGER_EVERYWHERE, DANGER_LOCAL, STATUS_ORDER, page_path
from ..queries.crisis import topic_phrases
from ..queries.directory import REACH_TYPES, search_countries
from .render import Renderer

FORMAT_VERSION = 2
DOCS_PER_SHARD = 50
TERM_SHARD_BYTES = 40_000  # aim for term files about this size (before gzip)

# Field weights: a name match outranks a place or kind, which outranks the summary and contacts.
NAME, PLACE, OTHER = 3, 2, 1


def bucket(token: str, buckets: int) -> int:
    """Which term file holds a token: a hash of its first two characters."""
    h = 0
    for c in token[:2]:
        h = (h * 31 + ord(c)) % 1000003
    return h % buckets


def phone_digits(dials: str, written: str) -> set[str]:
    """Every digit string a reader may type for a number: international, national, as written."""
    forms = {re.sub(r"[^0-9]", "", normalise(written)), re.sub(r"[^0-9]", "", dials)}
    if dials.startswith("+"):
        try:
            number = phonenumbers.parse(dials, None)
            forms.add(
                re.sub(r"[^0-9]", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
            )
        except phonenumbers.NumberParseException:
            pass
    return {f for f in forms if len(f) >= 2}


def terms(r: Resource, kinds: dict) -> dict[str, int]:
    """token → the strongest field weight it has in this entry.

    The same for every page language: every registered language's names, cities, summaries,
    kind labels and CLDR country names are searched, with ISO codes and contact values.
    """
    found: dict[str, int] = {}

    def add(text: str | None, weight: int) -> None:
        if not text:
            return
        for token in _tokens(text):
            if found.get(token, 0) < weight:
                found[token] = weight

    for lang in codes():
        add(r.name.values.get(lang), NAME)
        add(r.city.values.get(lang), PLACE)
        add(r.summary.values.get(lang), OTHER)
        if r.address:
            add(r.address.values.get(lang), OTHER)
        for key in r.kinds:
            add(kinds[key].label.values.get(lang), PLACE)
        for code in r.countries:
            add(country_name(code, lang), PLACE)
    for code in r.countries:
        if code != INTERNATIONAL:
            found.setdefault(code, PLACE)
    for c in r.contacts:
        if c.dials:
            for digits in phone_digits(c.dials, c.value):
                # every suffix, so that any run of the number's digits is a prefix of a term
                for start in range(len(digits) - 1):
                    found.setdefault(digits[start:], OTHER)
        else:
            add(c.value, OTHER)
    return found


def _js(name: str, data) -> str:
    return f"waslaSearch({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def _postings(entries: list[tuple[int, int]]) -> list[int]:
    """(doc id, weight) pairs, ids ascending → gaps times four plus the weight (small numbers)."""
    if len(entries) == 1:
        return [entries[0][0] * 4 + entries[0][1]]
    out, last = [], 0
    for doc, weight in entries:
        out.append((doc - last) * 4 + weight)
        last = doc
    return out


def doc_order(dataset) -> list[Resource]:
    """Entry ids, the same in every language: active first, then by country code and slug.
    Equal scores list in this order."""
    return sorted(
        dataset.resources, key=lambda r: (STATUS_ORDER[r.status], r.folder == INTERNATIONAL, r.folder, r.slug)
    )


_shards_cache: list = []  # [(dataset, term files)]: both language builds share one pass


def term_files(dataset) -> dict[str, str]:
    """The term shards, ``t/<n>.js``: the same for every page language."""
    if _shards_cache and _shards_cache[0][0] is dataset:
        return _shards_cache[0][1]
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small tuples, none cyclic: the collector only slows this down
    try:
        files = _term_files(dataset)
    finally:
        if collecting:
            gc.enable()
    _shards_cache[:] = [(dataset, files)]
    return files


def _term_files(dataset) -> dict[str, str]:
    postings: dict[str, list[tuple[int, int]]] = {}
    for doc, r in enumerate(doc_order(dataset)):
        for token, weight in terms(r, dataset.kinds).items():
            postings.setdefault(token, []).append((doc, weight))
    for doc, code in enumerate(search_countries(dataset), start=len(dataset.resources)):  # country pages
        for token in {code, *(t for lang in dataset.languages.codes for t in _tokens(country_name(code, lang)))}:
            postings.setdefault(token, []).append((doc, PLACE))  # as strong as a place: entries first
    encoded = {token: _postings(entries) for token, entries in sorted(postings.items())}
    size = sum(len(t) * 2 + 4 * len(p) + 4 for t, p in encoded.items())
    buckets = max(1, round(size / TERM_SHARD_BYTES))
    shards: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    for token, p in encoded.items():
        shards[bucket(token, buckets)][token] = p
    return {f"t/{n}.js": _js(f"t/{n}", shard) for n, shard in enumerate(shards)}


def evidence_text(renderer: Renderer, r: Resource) -> str:
    """The card's evidence line, with its note on age, as one plain string."""
    line = renderer.evidence(r)
    return f"{line['text']} · {line['stale']}" if line["stale"] else line["text"]


MAX_CARD_CONTACTS = 3  # buttons on a search result card (the card on the country page has all)


def card_contacts(r: Resource) -> list[list[str]]:
    """A search result's buttons: [type, value as shown, link] for the contacts a reader taps.

    A web link (wa.me, signal.me, a website) is written [type, shown, scheme, rest]: the index
    files are scripts, and the build's privacy scan rejects any absolute URL in a script (a
    fetch target). These are only ever <a href> targets the reader taps; search.js joins them.
    """
    reach = [c for c in r.contacts if c.type in REACH_TYPES] or list(r.contacts)
    out = []
    for c in reach[:MAX_CARD_CONTACTS]:
        shown = c.value.split("://", 1)[-1] if "://" in c.value else c.value
        if "://" in c.href:
            scheme, rest = c.href.split("://", 1)
            out.append([c.type, shown, scheme, rest])
        else:
            out.append([c.type, shown, c.href])
    return out


LOCAL, INTERNATIONAL_LINE = 1, 2  # what a topic's line can be for a chosen country (bits)


def index_meta(site) -> dict:
    """For meta.js: ``topics``, one per topic of the danger view, in its order:
    [key, name, next step, [phrase as tokens, …]]; ``limits``: how many of a topic's local and
    international lines the search shows."""
    lang = site.lang
    phrases = dict(topic_phrases(site.dataset.topics))
    topics = [
        [key, topic.name.get(lang).text, topic.next.get(lang).text, [list(p) for p in phrases[key]]]
        for key, topic in site.dataset.topics.items()
    ]
    return {"topics": topics, "limits": [DANGER_LOCAL, DANGER_EVERYWHERE]}


def topic_lines(site, docs: list[Resource], country_index: dict[str, int]) -> dict[str, list]:
    """For l/<n>.js: topic n's lines, in its order. A line is [doc id, [ids of the countries it
    names], bits]: 1 when it can be a country's own line (not an international entry), 2 when it
    lists 'international'. search.js picks, for a chosen country, its own lines (bit 1, the country
    named), then the international ones that serve it (bit 2, the country named or none named);
    with no country, the international ones that name none (``queries.crisis.split_lines`` in
    Python)."""
    doc_id = {r.path: i for i, r in enumerate(docs)}
    files = {}
    for n, key in enumerate(site.dataset.topics):
        lines = []
        for r in site.layout.danger_lines(key):
            named = [country_index[c] for c in r.countries if c != INTERNATIONAL and c in country_index]
            bits = (LOCAL if r.folder != INTERNATIONAL else 0) | (
                INTERNATIONAL_LINE if INTERNATIONAL in r.countries else 0
            )
            lines.append([doc_id[r.path], named, bits])
        files[f"l/{n}"] = lines
    return files


def build_index(site: Renderer) -> tuple[str, dict[str, str]]:
    """(index id, {path inside the index folder: file text}) for the renderer's language."""
    lang = site.lang
    countries = [code for code, _ in site.layout.countries()]
    country_index = {code: i for i, code in enumerate(countries)}
    kind_keys = list(site.dataset.kinds)
    kind_index = {k: i for i, k in enumerate(kind_keys)}
    files = dict(term_files(site.dataset))
    cards, facets = [], []
    for r in doc_order(site.dataset):
        shown = r.name.get(lang)
        cards.append(
            [
                shown.text,
                shown.lang if shown.missing else "",
                country_index[r.folder],
                [kind_index[k] for k in r.kinds],
                site.layout.entry_href(r),
                STATUS_ORDER[r.status],
                evidence_text(site, r),
                card_contacts(r),
            ]
        )
        facets.append([[country_index[c] for c in r.countries], sum(1 << kind_index[k] for k in r.kinds)])
    for code in search_countries(site.dataset):  # country pages, found by their names only
        cards.append(
            [
                site.s["search_country_page"].format(country=country_name(code, lang)),
                "",
                country_index[code],
                [],
                f"{page_path(code, 0)}#law",
                0,
            ]
        )
        facets.append([[country_index[code]], 0])
    for n in range(0, len(cards), DOCS_PER_SHARD):
        files[f"d/{n // DOCS_PER_SHARD}.js"] = _js(f"d/{n // DOCS_PER_SHARD}", cards[n : n + DOCS_PER_SHARD])
    files["f.js"] = _js("f", facets)
    meta = {
        "version": FORMAT_VERSION,
        "lang": lang,
        "count": len(cards),
        "buckets": len([p for p in files if p.startswith("t/")]),
        "per_shard": DOCS_PER_SHARD,
        "countries": [[code, country_name(code, lang)] for code in countries],
        "kinds": [[key, site.dataset.kinds[key].label.get(lang).text] for key in kind_keys],
        "stop": STOP_WORDS,
        "rtl": [code for code in site.dataset.languages.codes if direction(code) == "rtl"],
        **index_meta(site),
    }
    files["meta.js"] = _js("meta", meta)
    for name, lines in topic_lines(site, doc_order(site.dataset), country_index).items():
        files[f"{name}.js"] = _js(name, lines)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode())
    return digest.hexdigest()[:10], files
