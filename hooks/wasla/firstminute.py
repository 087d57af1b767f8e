"""The first minute (issue #13): the lines that answer now, and the crisis words.

Nothing here imports MkDocs.

- ``answer_now(site, code)``  the hotlines to reach first: active entries of the kind
                              ``hotline`` that have a contact to tap, of one country (when
                              given) by the site's order, then the international ones;
- ``crisis_words()``          the crisis list kept in ``crisis-words.txt`` beside this module,
                              each line normalised exactly as the search normalises a query
                              (``search.tokens``), for the search index's meta file;
- ``is_crisis(query, words)`` whether a query holds one of them (search.js repeats it);
- ``card_contacts(r)``, ``index_meta(…)``  what the search index carries for them: each result
                              card's buttons, the crisis words, and the lines that answer now.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model import Resource
from .rules import INTERNATIONAL

HERE = Path(__file__).parent
HOTLINE = "hotline"
DANGER_INLINE = 3  # international lines shown in the home page's "in danger now?" block
REACH_TYPES = ("phone", "whatsapp", "signal", "sms", "telegram", "email", "chat")


def can_be_reached(r: Resource) -> bool:
    return r.status == "active" and any(c.type in REACH_TYPES for c in r.contacts)


def answer_now(site, code: str | None = None) -> list[Resource]:
    """Hotlines of `code` (in the site's order), then international hotlines."""
    order = answer_now_all(site)
    local = [r for r in order if code and code != INTERNATIONAL and code in r.countries and r.folder != INTERNATIONAL]
    everywhere = [r for r in order if INTERNATIONAL in r.countries]
    return local + everywhere


@lru_cache(maxsize=None)
def crisis_words() -> tuple[tuple[str, ...], ...]:
    """Each crisis word or phrase as search tokens; '#' starts a comment, blank lines skipped."""
    from .search import tokens

    seen, out = set(), []
    for line in (HERE / "crisis-words.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        words = tuple(tokens(line)) if line else ()
        if words and words not in seen:
            seen.add(words)
            out.append(words)
    return tuple(out)


def word_matches(typed: str, word: str) -> bool:
    """A typed token matches a crisis token when equal, or when it starts with a crisis token of
    five or more letters ('arrested' for 'arrest', «انتحارية» for «انتحار»)."""
    return typed == word or (len(word) >= 5 and typed.startswith(word))


def is_crisis(query: str, words=None) -> bool:
    """Does the query hold a crisis word or phrase (its tokens in a row)?"""
    from .search import tokens

    typed = tokens(query)
    for phrase in words if words is not None else crisis_words():
        n = len(phrase)
        for start in range(len(typed) - n + 1):
            if all(word_matches(typed[start + i], phrase[i]) for i in range(n)):
                return True
    return False


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


def index_meta(site, docs: list[Resource], country_index: dict[str, int]) -> dict:
    """For meta.js: ``crisis`` (token lists) and ``now``: [doc id, [country ids], 1 if it serves
    people everywhere else 0] of every hotline that answers now, in the order to show them."""
    doc_id = {r.path: i for i, r in enumerate(docs)}
    now = [[doc_id[r.path], [country_index[c] for c in r.countries if c in country_index], int(INTERNATIONAL in r.countries)]
           for r in answer_now_all(site)]
    return {"crisis": [list(words) for words in crisis_words()], "now": now}


def answer_now_all(site) -> list[Resource]:
    """Every hotline that answers now, in the site's order: each country's and the international ones."""
    order = [r for r in site.dataset.resources if HOTLINE in r.kinds and can_be_reached(r)]
    order.sort(key=site.sort_key)
    return order
