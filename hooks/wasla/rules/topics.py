"""Topics: what is happening to a reader (``data/topics.yml``), and which entries answer each.

``data/topics.yml`` holds the topics in the order the danger view offers them::

    suicide:                            # slug-shaped: also the name of its pages
      name: {en: …, ar: …}              # what the reader taps
      kinds: [hotline, health]          # the kinds whose entries may answer it
      words: {en: [suicide, …], ar: [انتحار, …]}   # crisis words, as people type them
      next: {en: …, ar: …}              # what else to do

A resource file says which topics it answers, each with the page where it says so, and whom it
is for::

    answers:
      - topic: suicide
        source: https://example.org/services
    audience: [children]                # absent: anyone

- ``check_topics``            topics.yml: shape, names and next steps in the required languages,
                              known kinds, crisis words the search can match, each word in one
                              topic only (a phrase routes to one topic).
- ``answers_are_valid``       a known topic, once, with a safe web link, and an entry of one of
                              the topic's kinds (kinds and topics cannot drift apart).
- ``audience_is_known``       words of ``AUDIENCES``, each once.
"""

from __future__ import annotations

from ..core.languages import codes, english_name
from ..core.model import AUDIENCES, Answer, Topic
from ..core.normalise import tokens
from ..core.places import country_codes
from ..core.problems import Problem
from ..core.yamlload import Map, Pos
from .check import Check, check_fields, check_text, did_you_mean, got, pos_of, to_text
from .kinds import kinds_are_known
from .links import web_url_is_safe
from .slugs import SLUG_RE, outing_term
from .text import kind_text_is_plain, text_is_plain

# Fields of a topic: name -> (required, what it holds)
TOPIC_FIELDS: dict[str, tuple[bool, str]] = {
    "name": (True, "text"),
    "kinds": (True, "list"),
    "words": (True, "map"),
    "next": (True, "text"),
}
# The languages every topic is written in; a site language beyond these falls back to them.
REQUIRED_LANGUAGES = ("en", "ar")  # the languages every text of the site is written in (the registry's required)
# Fields of an item of a resource's `answers`
ANSWER_FIELDS: dict[str, tuple[bool, str]] = {
    "topic": (True, "scalar"),
    "source": (True, "scalar"),
}
RESERVED_KEYS = ("index",)  # danger/index.html is the topic choice itself


# ---------------------------------------------------------------------------
# data/topics.yml


def check_topics(shown: str, data, kinds: dict) -> tuple[dict[str, Topic], list[Problem]]:
    """data/topics.yml: every topic with its name, kinds, crisis words and next step."""
    c = Check(shown)
    topics: dict[str, Topic] = {}
    if not isinstance(data, dict):
        c.error(
            getattr(data, "pos", None) or Pos(1, 1),
            "",
            "must be a mapping of topics; expected 'suicide:' with 'name:', 'kinds:', 'words:' and 'next:'; got "
            + (got(data) if data is not None else "an empty file"),
            "topics_file",
        )
        return topics, c.problems
    text_is_plain(c, data)
    seen_words: dict[tuple[str, ...], str] = {}
    for key, spec in data.items():
        topic_key_is_valid(c, data, key)
        if not isinstance(spec, dict):
            c.error(
                pos_of(spec, data, key),
                key,
                f"must be a mapping; expected 'name:', 'kinds:', 'words:' and 'next:'; got {got(spec)}",
                "topics_file",
            )
            continue
        before = len(c.problems)
        check_fields(c, spec, TOPIC_FIELDS, key)
        for field in ("name", "next"):
            topic_text_is_complete(c, spec, key, field)
        topic_kinds = topic_kinds_are_known(c, spec, key, kinds)
        words = topic_words_are_searchable(c, spec, key, seen_words)
        if any(p.level == "error" for p in c.problems[before:]):
            continue
        topics[str(key)] = Topic(
            key=str(key),
            name=to_text(spec["name"]),
            kinds=topic_kinds,
            words=words,
            next=to_text(spec["next"]),
        )
    keys_do_not_collide(c, data)
    return topics, c.problems


def topic_key_is_valid(c: Check, data: Map, key: str) -> None:
    """A key names pages (danger/<key>.html, danger/<key>-<country>.html): a neutral slug."""
    pos = data.key_pos.get(key)
    if not SLUG_RE.match(key) or key in RESERVED_KEYS:
        c.error(
            pos,
            key,
            "not a topic key; expected lower-case ASCII letters, digits and hyphens (it names the topic's pages), "
            f"and not {', '.join(repr(k) for k in RESERVED_KEYS)}; got {got(key)}",
            "topic_key_is_valid",
        )
    term = outing_term(key.replace("-", " "))
    if term:
        c.error(
            pos,
            key,
            f"contains '{term}', which would out a reader who has the topic's page address in their history; "
            f"expected a neutral key; got {got(key)}",
            "topic_key_is_valid",
        )


def keys_do_not_collide(c: Check, data: Map) -> None:
    """'help-lb' would be both a topic's page and the page of topic 'help' in Lebanon."""
    keys = set(data)
    for key in data:
        head, _, tail = key.rpartition("-")
        if head in keys and tail in country_codes():
            c.error(
                data.key_pos.get(key),
                key,
                f"is also the address of topic '{head}' in {tail.upper()} (danger/{key}.html); expected a key that "
                f"does not end in '-<country code>' after another topic's key; got {got(key)}",
                "topic_key_is_valid",
            )


def topic_text_is_complete(c: Check, spec: Map, key: str, field: str) -> None:
    """name and next are written in every required language (plain text: the name is a link and a heading)."""
    value = spec.get(field)
    if value is None:
        return  # required_field has said so
    if isinstance(value, str):
        c.error(
            value.pos,
            f"{key}.{field}",
            f"must be text in each language; expected {' and '.join(repr(f'{lang}:') for lang in REQUIRED_LANGUAGES)} lines; got {got(value)}",
            "topic_in_every_language",
        )
        return
    check_text(c, value, f"{key}.{field}", spec, field)
    if not isinstance(value, dict):
        return
    kind_text_is_plain(c, value, f"{key}.{field}")
    for lang in REQUIRED_LANGUAGES:
        if not (isinstance(value.get(lang), str) and value.get(lang).strip()):
            c.error(
                value.pos,
                f"{key}.{field}.{lang}",
                f"{english_name(lang)} text missing; expected '{lang}:' (a topic is offered in every site language); got nothing",
                "topic_in_every_language",
            )


def topic_kinds_are_known(c: Check, spec: Map, key: str, kinds: dict) -> tuple[str, ...]:
    return kinds_are_known(c, spec, kinds, key, "topic_kinds_are_known")


def topic_words_are_searchable(
    c: Check, spec: Map, key: str, seen: dict[tuple[str, ...], str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """words: {language: [word or phrase, …]}, each with something the search can match, in one topic only."""
    value = spec.get("words")
    if not isinstance(value, dict):
        return ()
    out = []
    for lang, words in value.items():
        where = f"{key}.words.{lang}"
        if lang not in codes():
            close = did_you_mean(lang, codes(), cutoff=0.4)
            hint = f"did you mean '{close}'? " if close else ""
            c.error(
                value.key_pos.get(lang),
                where,
                f"unknown language; {hint}expected one of: {', '.join(codes())}; got '{lang}'",
                "topic_words_are_searchable",
            )
            continue
        if not isinstance(words, list):
            c.error(
                pos_of(words, value, lang),
                where,
                f'must be a list; expected [word, "a phrase", …]; got {got(words)}',
                "field_shape",
            )
            continue
        kept = []
        for i, word in enumerate(words):
            if not isinstance(word, str):
                c.error(
                    pos_of(word, value, lang),
                    f"{where}[{i}]",
                    f"must be a word or phrase; expected text; got {got(word)}",
                    "field_shape",
                )
                continue
            found = tuple(tokens(word))
            if not found:
                c.error(
                    word.pos,
                    f"{where}[{i}]",
                    "has nothing the search can match (single letters and words like 'the' or «في» are skipped); "
                    f"expected a word of two letters or more; got {got(word)}",
                    "topic_words_are_searchable",
                )
                continue
            if found in seen:
                other = seen[found]
                also = "here" if other == key else f"under topic '{other}'"
                c.error(
                    word.pos,
                    f"{where}[{i}]",
                    f"already listed {also} (the search reads it as '{' '.join(found)}'); expected each word once, "
                    f"in one topic (a phrase leads to one topic); got {got(word)}",
                    "topic_words_are_unique",
                )
                continue
            seen[found] = key
            kept.append(str(word).strip())
        out.append((str(lang), tuple(kept)))
    for lang in REQUIRED_LANGUAGES:
        if not value.get(lang):
            c.error(
                value.pos,
                f"{key}.words.{lang}",
                f"no {english_name(lang)} words; expected '{lang}:' with the words a reader types; got nothing",
                "topic_in_every_language",
            )
    return tuple(out)


# ---------------------------------------------------------------------------
# The resource fields `answers` and `audience`


def answers_are_valid(c: Check, data: Map, topics: dict[str, Topic], kinds: dict) -> tuple[Answer, ...]:
    """Each answer: a topic of topics.yml (once), a safe web link, and an entry of one of the topic's kinds."""
    value = data.get("answers")
    if not isinstance(value, list):
        return ()
    entry_kinds = [str(k) for k in data.get("kinds") or () if isinstance(k, str)]
    out: list[Answer] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        where = f"answers[{i}]"
        if not isinstance(item, dict):
            c.error(
                pos_of(item, data, "answers"),
                where,
                f"must be a mapping; expected 'topic:' and 'source:' lines; got {got(item)}",
                "field_shape",
            )
            continue
        before = len(c.problems)
        check_fields(c, item, ANSWER_FIELDS, where)
        topic = item.get("topic")
        if isinstance(topic, str) and topic:
            answer_topic_is_known(c, topic, where, topics, entry_kinds, kinds, seen)
        source = item.get("source")
        if isinstance(source, str) and source:
            web_url_is_safe(c, source, f"{where}.source", item, "source")
        if not any(p.level == "error" for p in c.problems[before:]):
            out.append(Answer(topic=str(topic), source=str(source)))
    return tuple(out)


def answer_topic_is_known(
    c: Check, topic, where: str, topics: dict[str, Topic], entry_kinds: list[str], kinds: dict, seen: set[str]
) -> None:
    if topic not in topics:
        close = did_you_mean(topic, topics)
        hint = f" (did you mean '{close}'?)" if close else ""
        c.error(
            topic.pos,
            f"{where}.topic",
            f"unknown topic{hint}; expected one of: {', '.join(topics)} (see data/topics.yml); got '{topic}'",
            "answers_topic_is_known",
        )
        return
    if topic in seen:
        c.error(
            topic.pos,
            f"{where}.topic",
            f"topic listed twice; expected each topic once; got '{topic}'",
            "answers_are_unique",
        )
        return
    seen.add(topic)
    wanted = topics[topic].kinds
    if entry_kinds and all(k in kinds for k in entry_kinds) and not set(wanted) & set(entry_kinds):
        c.error(
            topic.pos,
            f"{where}.topic",
            f"the entry has none of this topic's kinds; expected 'kinds' to hold one of: {', '.join(wanted)} "
            f"(see data/topics.yml), or no answer for '{topic}'; got kinds: {', '.join(entry_kinds)}",
            "answers_match_kinds",
        )


def audience_is_known(c: Check, data: Map) -> tuple[str, ...]:
    value = data.get("audience")
    if not isinstance(value, list):
        return ()
    out: list[str] = []
    for i, word in enumerate(value):
        where = f"audience[{i}]"
        if not isinstance(word, str) or word not in AUDIENCES:
            close = did_you_mean(word, AUDIENCES)
            hint = f" (did you mean '{close}'?)" if close else ""
            c.error(
                pos_of(word, data, "audience"),
                where,
                f"unknown audience{hint}; expected one of: {', '.join(AUDIENCES)} (leave 'audience' out when a line "
                f"is for anyone); got {got(word)}",
                "audience_is_known",
            )
        elif word in out:
            c.error(word.pos, where, f"listed twice; expected each audience once; got '{word}'", "audience_is_known")
        else:
            out.append(str(word))
    return tuple(out)
