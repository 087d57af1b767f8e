"""Crisis words, and the lines that answer what is happening to a reader.

The words are the topics' (``data/topics.yml``, ``Dataset.topics``), every language together: a
reader types Arabizi on the English page as often as English. Each word or phrase is normalised
exactly as the search normalises a query (``core.normalise.tokens``). ``topic_of`` says which
topic a query is about; ``search.js`` repeats it in the browser (tests run both on one list).

The lines of a topic are the active entries that say they answer it (their ``answers`` field, with
a source), never entries picked by kind alone: a suicide phrase never brings a digital-security
service. For a country: its own entries first, then the international services that serve it;
with no country, only the services that serve people everywhere.
"""

from __future__ import annotations

from ..core.model import Dataset, Resource, Topic
from ..core.normalise import tokens
from ..core.places import INTERNATIONAL
from .directory import serves

Phrases = tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (topic key, its phrases as tokens)


def topic_phrases(topics: dict[str, Topic]) -> Phrases:
    """Each topic's crisis words as search tokens, in topic and file order, each phrase once."""
    out = []
    for key, topic in topics.items():
        seen: dict[tuple[str, ...], None] = {}
        for word in topic.phrases():
            found = tuple(tokens(word))
            if found:
                seen.setdefault(found)
        out.append((key, tuple(seen)))
    return tuple(out)


def word_matches(typed: str, word: str) -> bool:
    """A typed token matches a crisis token when equal, or when it starts with a crisis token of
    five or more letters ('arrested' for 'arrest', «انتحارية» for «انتحار»)."""
    return typed == word or (len(word) >= 5 and typed.startswith(word))


def phrase_found(typed: list[str], phrase: tuple[str, ...]) -> bool:
    """Are the phrase's tokens in the query, in a row?"""
    n = len(phrase)
    return any(all(word_matches(typed[start + i], phrase[i]) for i in range(n)) for start in range(len(typed) - n + 1))


def topic_of(query: str, phrases: Phrases) -> str | None:
    """The topic of the longest crisis phrase in the query (in tokens); on a tie, the topic offered
    first. None when the query holds no crisis word."""
    typed = tokens(query)
    best, best_length = None, 0
    for key, words in phrases:
        for phrase in words:
            if len(phrase) > best_length and phrase_found(typed, phrase):
                best, best_length = key, len(phrase)
    return best


def is_crisis(query: str, phrases: Phrases) -> bool:
    return topic_of(query, phrases) is not None


def answering(dataset: Dataset, topic: str, key) -> list[Resource]:
    """Every active entry that says it answers the topic, in the order of ``key``."""
    found = [r for r in dataset.resources if r.status == "active" and r.answers_topic(topic)]
    return sorted(found, key=key)


def serves_everyone(r: Resource) -> bool:
    """An international service whose `countries` names no country."""
    return all(c == INTERNATIONAL for c in r.countries)


def lines_for(dataset: Dataset, topic: str, code: str | None, key) -> tuple[list[Resource], list[Resource]]:
    """(the country's own entries that answer the topic, the international ones that serve it);
    without a country, no local entries and only the services that serve people everywhere."""
    return split_lines(answering(dataset, topic, key), code)


def split_lines(order: list[Resource], code: str | None) -> tuple[list[Resource], list[Resource]]:
    """``lines_for`` on a topic's entries already in order (``answering``)."""
    if not code or code == INTERNATIONAL:
        return [], [r for r in order if INTERNATIONAL in r.countries and serves_everyone(r)]
    local = [r for r in order if code in r.countries and r.folder != INTERNATIONAL]
    everywhere = [r for r in order if INTERNATIONAL in r.countries and serves(r, code) and r not in local]
    return local, everywhere


class TopicLines:
    """A topic's lines (``answering``'s order) indexed by country, so that ``split(code)``, equal to
    ``split_lines(order, code)``, reads the country's own lines and the international ones only:
    the danger view asks it for every country, and a country page for every topic."""

    def __init__(self, order: list[Resource]):
        self.order = order
        self._local: dict[str, list[Resource]] = {}
        for r in order:
            if r.folder != INTERNATIONAL:
                for code in dict.fromkeys(r.countries):
                    self._local.setdefault(code, []).append(r)
        self._international = [r for r in order if INTERNATIONAL in r.countries]

    def split(self, code: str | None) -> tuple[list[Resource], list[Resource]]:
        if not code or code == INTERNATIONAL:
            return [], [r for r in self._international if serves_everyone(r)]
        local = list(self._local.get(code, ()))
        own = {r.path for r in local}
        return local, [r for r in self._international if serves(r, code) and r.path not in own]


def crisis_answer(
    dataset: Dataset, query: str, code: str | None, key, local_max: int, everywhere_max: int
) -> tuple[str | None, list[Resource], list[Resource]]:
    """What the search shows above its results for a query: (topic, local lines, international
    lines), at most ``local_max`` and ``everywhere_max`` of them; (None, [], []) for an ordinary query."""
    topic = topic_of(query, topic_phrases(dataset.topics))
    if topic is None:
        return None, [], []
    local, everywhere = lines_for(dataset, topic, code, key(topic))
    return topic, local[:local_max], everywhere[:everywhere_max]
