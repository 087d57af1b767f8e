"""The search index: Arabic-aware normalisation and a sharded index shipped as script files.

Nothing here imports MkDocs.  ``build_index(site)`` returns the files of one language's
index as ``{relative path: text}``; the hook writes them under ``<language root>/search/<id>/``.

Why script files and not JSON: browsers block ``fetch`` from ``file://`` (the offline copy),
but a ``<script src>`` of a file beside the page loads there, and with a strict
``script-src 'self'``.  Each file is one call, ``waslaSearch("<name>", {...})``.

Why shards: a reader on a slow line downloads only what a query needs.

- ``meta.js``      counts, the country and kind labels of the page language, the stop words,
                   the crisis words and the lines that answer now (wasla.firstminute);
- ``t/<n>.js``     terms: every normalised token whose first two characters hash to bucket n,
                   with its postings (which entries, how strong a field);
- ``d/<n>.js``     the result cards of entries n*S … n*S+S-1: [name, its language if it is a
                   fallback, country, kinds, where its card is (Site.entry_href), status,
                   the card's evidence line (issue #19), its buttons [[type, value as written, link], …]
                   (wasla.firstminute)];
- ``f.js``         each entry's countries and kinds, loaded only when a filter is chosen.

After the entries come the country pages (#12, ``countries.search_countries``): found by the
country's names and code only, never by what their law section says.

The browser side (``overrides/assets/javascripts/search.js``) repeats ``normalise``,
``tokens`` and ``bucket``; tests run both on the same strings.
"""
from __future__ import annotations

import gc
import hashlib
import json
import re
import unicodedata
from functools import lru_cache

import phonenumbers

from . import firstminute
from .countries import search_countries
from .model import Resource
from .render import STATUS_ORDER, Site, country_name, page_path
from .rules import INTERNATIONAL

FORMAT_VERSION = 1
DOCS_PER_SHARD = 50
TERM_SHARD_BYTES = 40_000  # aim for term files about this size (before gzip)

# Field weights: a name match outranks a place or kind, which outranks the summary and contacts.
NAME, PLACE, OTHER = 3, 2, 1

# One character for another, after NFKD has split off hamza and madda (أ إ آ ؤ ئ → ا ا ا و ي)
# and marks (tashkeel, accents) are removed.
CHAR_MAP = {
    "\u0671": "\u0627",  # ٱ alef wasla → ا
    "\u0649": "\u064a",  # ى alef maksura → ي
    "\u06cc": "\u064a",  # ی Farsi yeh → ي
    "\u0629": "\u0647",  # ة teh marbuta → ه
    "\u06a9": "\u0643",  # ک keheh → ك
    "\u0640": "",        # ـ tatweel
}
for _i in range(10):
    CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
# ... and every combining mark removed (one C-level translate instead of a loop per character)
_TRANSLATE = str.maketrans({**{chr(c): None for c in [*range(0x300, 0x30000), *range(0xE0100, 0xE01F0)]
                               if unicodedata.category(chr(c)).startswith("M")}, **CHAR_MAP})

# Digits split by spaces, dashes, dots, slashes or brackets are one number: "+961 1 234-567".
_DIGIT_JOIN = re.compile(r"([0-9])[\s\-./()]+(?=[0-9])")
_TOKEN = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"^[\u0600-\u06ff]+$")
ARTICLES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644", "\u0627\u0644")  # وال بال فال كال ال
LAM_LAM = "\u0644\u0644"  # لل: ل + ال
PREFIXES = "\u0648\u0628\u0644\u0641\u0643"  # و ب ل ف ك, tried off a query word

STOP_WORDS = sorted({
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with",
    "http", "https", "www",
    # normalised Arabic: في من على إلى عن مع أو ثم التي الذي هذا هذه
    "في", "من", "علي", "الي", "عن", "مع", "او", "ثم", "التي", "الذي", "هذا", "هذه",
})
_STOP = frozenset(STOP_WORDS)


def normalise(text: str) -> str:
    """Lower case, no accents or tashkeel, one form of each Arabic letter, ASCII digits."""
    text = unicodedata.normalize("NFKD", text.lower()).translate(_TRANSLATE)
    return _DIGIT_JOIN.sub(r"\1", text)


def strip_article(token: str) -> str:
    """«القاهره» → «قاهره», «والقانون» → «قانون», «للمثليين» → «مثليين» (at least two letters kept)."""
    if not ("\u0600" <= token[0] <= "\u06ff") or not _ARABIC.match(token):
        return token
    for article in ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= 2:
            return token[len(article):]
    if token.startswith(LAM_LAM) and len(token) >= 4:
        return token[2:]
    return token


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def tokens(text: str) -> list[str]:
    """The searchable words of a text: normalised, stop words and single letters dropped."""
    out = []
    for token in _TOKEN.findall(normalise(text)):
        if len(token) < 2 or token in _STOP:
            continue
        token = strip_article(token)
        if len(token) >= 2:
            out.append(token)
    return out


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
            forms.add(re.sub(r"[^0-9]", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)))
        except phonenumbers.NumberParseException:
            pass
    return {f for f in forms if len(f) >= 2}


def terms(r: Resource, kinds: dict) -> dict[str, int]:
    """token → the strongest field weight it has in this entry.

    The same for every page language: both languages' names, cities, summaries, kind labels
    and CLDR country names are searched, with ISO codes and contact values.
    """
    found: dict[str, int] = {}

    def add(text: str | None, weight: int) -> None:
        if not text:
            return
        for token in _tokens(text):
            if found.get(token, 0) < weight:
                found[token] = weight

    for lang in ("ar", "en"):
        add(getattr(r.name, lang), NAME)
        add(getattr(r.city, lang), PLACE)
        add(getattr(r.summary, lang), OTHER)
        if r.address:
            add(getattr(r.address, lang), OTHER)
        for key in r.kinds:
            add(getattr(kinds[key].label, lang), PLACE)
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
    return sorted(dataset.resources, key=lambda r: (STATUS_ORDER[r.status], r.folder == INTERNATIONAL, r.folder, r.slug))


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
    for doc, code in enumerate(search_countries(dataset), start=len(dataset.resources)):  # country pages (#12)
        for token in {code, *_tokens(country_name(code, "ar")), *_tokens(country_name(code, "en"))}:
            postings.setdefault(token, []).append((doc, PLACE))  # as strong as a place: entries first
    encoded = {token: _postings(entries) for token, entries in sorted(postings.items())}
    size = sum(len(t) * 2 + 4 * len(p) + 4 for t, p in encoded.items())
    buckets = max(1, round(size / TERM_SHARD_BYTES))
    shards: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    for token, p in encoded.items():
        shards[bucket(token, buckets)][token] = p
    return {f"t/{n}.js": _js(f"t/{n}", shard) for n, shard in enumerate(shards)}


def evidence_text(site: Site, r: Resource) -> str:
    """The card's evidence line, with its note on age, as one plain string (issue #19)."""
    line = site.evidence(r)
    return f"{line['text']} · {line['stale']}" if line["stale"] else line["text"]


def build_index(site: Site) -> tuple[str, dict[str, str]]:
    """(index id, {path inside the index folder: file text}) for the site's language."""
    lang = site.lang
    countries = [code for code, _ in site.countries()]
    country_index = {code: i for i, code in enumerate(countries)}
    kind_keys = list(site.dataset.kinds)
    kind_index = {k: i for i, k in enumerate(kind_keys)}
    files = dict(term_files(site.dataset))
    cards, facets = [], []
    for r in doc_order(site.dataset):
        shown = r.name.get(lang)
        cards.append([shown.text, shown.lang if shown.missing else "", country_index[r.folder],
                      [kind_index[k] for k in r.kinds], site.entry_href(r), STATUS_ORDER[r.status], evidence_text(site, r),
                      firstminute.card_contacts(r)])
        facets.append([[country_index[c] for c in r.countries], sum(1 << kind_index[k] for k in r.kinds)])
    for code in search_countries(site.dataset):  # country pages, found by their names only (#12)
        cards.append([site.s["search_country_page"].format(country=site.country_name(code)), "", country_index[code], [],
                      f"{page_path(code, 0)}#law", 0])
        facets.append([[country_index[code]], 0])
    for n in range(0, len(cards), DOCS_PER_SHARD):
        files[f"d/{n // DOCS_PER_SHARD}.js"] = _js(f"d/{n // DOCS_PER_SHARD}", cards[n:n + DOCS_PER_SHARD])
    files["f.js"] = _js("f", facets)
    meta = {
        "version": FORMAT_VERSION, "lang": lang, "count": len(cards), "buckets": len([p for p in files if p.startswith("t/")]),
        "per_shard": DOCS_PER_SHARD,
        "countries": [[code, site.country_name(code)] for code in countries],
        "kinds": [[key, site.dataset.kinds[key].label.get(lang).text] for key in kind_keys],
        "stop": STOP_WORDS,
        **firstminute.index_meta(site, doc_order(site.dataset), country_index),
    }
    files["meta.js"] = _js("meta", meta)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode())
    return digest.hexdigest()[:10], files
