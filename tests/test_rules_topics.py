"""data/topics.yml and the resource fields `answers` and `audience` (rules/topics.py): one bad
fixture per rule, its exact message; the shipped topics hold every crisis word once."""

import datetime as dt

import pytest

from conftest import ROOT, make_data
from test_rules_resource import GOOD
from wasla.core.normalise import tokens
from wasla.core.yamlload import loads, plain
from wasla.loading.dataset import load

TOPICS = """\
suicide:
  name: {en: Thoughts of suicide, ar: أفكار انتحارية}
  kinds: [hotline, health]
  words:
    en: [suicide, kill myself]
    ar: [انتحار]
  next: {en: Stay with someone., ar: ابقَ مع أحد.}
arrest:
  name: {en: Arrested, ar: اعتقال}
  kinds: [legal_aid]
  words:
    en: [arrested]
    ar: [اعتقال]
  next: {en: Ask for a lawyer., ar: اطلب محامياً.}
"""
TODAY = dt.date(2026, 11, 24)
REL = "resources/lb/good-group.yml"


def errors(tmp_path, resource=None, topics=TOPICS):
    files = {"topics.yml": topics}
    if resource is not None:
        files[REL] = resource
    data = make_data(tmp_path, files, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    return [str(p).replace(f"{data}/", "") for p in found if p.level == "error"]


def test_answers_and_audience_are_read(tmp_path):
    text = GOOD + (
        "answers:\n  - topic: suicide\n    source: https://example.org/services\naudience: [youth, refugees]\n"
    )
    data = make_data(tmp_path, {"topics.yml": TOPICS, REL: text}, fixtures=False)
    dataset, problems = load(data, today=TODAY, raise_on_error=False)
    assert [str(p) for p in problems] == []
    r = dataset.resources[0]
    assert [(a.topic, a.source) for a in r.answers] == [("suicide", "https://example.org/services")]
    assert r.audience == ("youth", "refugees") and r.answers_topic("suicide") and not r.answers_topic("arrest")
    topic = dataset.topics["suicide"]
    assert list(dataset.topics) == ["suicide", "arrest"]
    assert topic.name.get("ar").text == "أفكار انتحارية" and topic.kinds == ("hotline", "health")
    assert topic.words == (("en", ("suicide", "kill myself")), ("ar", ("انتحار",)))
    assert topic.next.get("en").text == "Stay with someone."


ANSWERS = {
    "answers_topic_is_known": (
        GOOD + "answers:\n  - topic: suicid\n    source: https://example.org/s\n",
        f"{REL}:16:12: answers[0].topic: unknown topic (did you mean 'suicide'?); expected one of: suicide, arrest (see data/topics.yml); got 'suicid'",
    ),
    "the source is a safe web link": (
        GOOD + "answers:\n  - topic: suicide\n    source: example.org/s\n",
        f"{REL}:17:13: answers[0].source: not a web link; expected a full address starting with 'https://'; got 'example.org/s'",
    ),
    "answers_match_kinds": (
        GOOD + "answers:\n  - topic: arrest\n    source: https://example.org/s\n",
        f"{REL}:16:12: answers[0].topic: the entry has none of this topic's kinds; expected 'kinds' to hold one of: legal_aid (see data/topics.yml), or no answer for 'arrest'; got kinds: hotline",
    ),
    "answers_are_unique": (
        GOOD
        + "answers:\n  - topic: suicide\n    source: https://example.org/s\n  - topic: suicide\n    source: https://example.org/t\n",
        f"{REL}:18:12: answers[1].topic: topic listed twice; expected each topic once; got 'suicide'",
    ),
    "an answer is a mapping": (
        GOOD + "answers:\n  - suicide\n",
        f"{REL}:16:5: answers[0]: must be a mapping; expected 'topic:' and 'source:' lines; got 'suicide'",
    ),
    "an answer names its source": (
        GOOD + "answers:\n  - topic: suicide\n",
        f"{REL}:16:5: answers[0].source: is required; expected a value for 'source'; got nothing",
    ),
    "audience_is_known": (
        GOOD + "audience: [refugee]\n",
        f"{REL}:15:12: audience[0]: unknown audience (did you mean 'refugees'?); expected one of: adults, children, youth, women, refugees, lgbtq (leave 'audience' out when a line is for anyone); got 'refugee'",
    ),
    "audience listed twice": (
        GOOD + "audience: [women, women]\n",
        f"{REL}:15:19: audience[1]: listed twice; expected each audience once; got 'women'",
    ),
}


@pytest.mark.parametrize("case", list(ANSWERS))
def test_answer_rules(tmp_path, case):
    text, message = ANSWERS[case]
    assert errors(tmp_path, text) == [message]


SECOND = (
    TOPICS.split("arrest:")[0]
    .replace("suicide:", "suicide-lb:")
    .replace("suicide, kill myself", "lost")
    .replace("[انتحار]", "[ضائع]")
)
TOPIC_FILES = {
    "topics_file: a mapping": (
        "- suicide\n",
        [
            "topics.yml:1:1: must be a mapping of topics; expected 'suicide:' with 'name:', 'kinds:', 'words:' and 'next:'; got a list"
        ],
    ),
    "topics_file: each topic a mapping": (
        "suicide: help\n",
        ["topics.yml:1:10: suicide: must be a mapping; expected 'name:', 'kinds:', 'words:' and 'next:'; got 'help'"],
    ),
    "unknown_field": (
        TOPICS.replace("  kinds: [hotline, health]", "  kind: [hotline, health]"),
        [
            "topics.yml:3:3: suicide.kind: unknown field; did you mean 'kinds'? expected one of: name, kinds, words, next; got 'kind'",
            "topics.yml:2:3: suicide.kinds: is required; expected a value for 'kinds'; got nothing",
        ],
    ),
    "required_field": (
        TOPICS.replace("  next: {en: Ask for a lawyer., ar: اطلب محامياً.}\n", ""),
        ["topics.yml:9:3: arrest.next: is required; expected a value for 'next'; got nothing"],
    ),
    "topic_key_is_valid: a slug": (
        TOPICS.replace("arrest:", "Arrest:"),
        [
            "topics.yml:8:1: Arrest: not a topic key; expected lower-case ASCII letters, digits and hyphens (it names the topic's pages), and not 'index'; got 'Arrest'"
        ],
    ),
    "topic_key_is_valid: not the topic choice's page": (
        TOPICS.replace("arrest:", "index:"),
        [
            "topics.yml:8:1: index: not a topic key; expected lower-case ASCII letters, digits and hyphens (it names the topic's pages), and not 'index'; got 'index'"
        ],
    ),
    "topic_key_is_valid: neutral": (
        TOPICS.replace("arrest:", "gay:"),
        [
            "topics.yml:8:1: gay: contains 'gay', which would out a reader who has the topic's page address in their history; expected a neutral key; got 'gay'"
        ],
    ),
    "topic_key_is_valid: one address per page": (
        TOPICS + SECOND,
        [
            "topics.yml:15:1: suicide-lb: is also the address of topic 'suicide' in LB (danger/suicide-lb.html); expected a key that does not end in '-<country code>' after another topic's key; got 'suicide-lb'"
        ],
    ),
    "topic_in_every_language: not one string": (
        TOPICS.replace("name: {en: Arrested, ar: اعتقال}", "name: Arrested"),
        ["topics.yml:9:9: arrest.name: must be text in each language; expected 'en:' and 'ar:' lines; got 'Arrested'"],
    ),
    "topic_in_every_language: Arabic": (
        TOPICS.replace("name: {en: Arrested, ar: اعتقال}", "name: {en: Arrested}"),
        [
            "topics.yml:9:9: arrest.name.ar: Arabic text missing; expected 'ar:' (a topic is offered in every site language); got nothing"
        ],
    ),
    "topic_in_every_language: words": (
        TOPICS.replace("    ar: [اعتقال]\n", ""),
        [
            "topics.yml:12:5: arrest.words.ar: no Arabic words; expected 'ar:' with the words a reader types; got nothing"
        ],
    ),
    "kind_text_is_plain": (
        TOPICS.replace("name: {en: Arrested, ar: اعتقال}", "name: {en: Arrested <b>, ar: اعتقال}"),
        [
            "topics.yml:9:14: arrest.name.en: contains '<', which page titles and headers would read as markup; expected plain text without <, > or & (write 'and' for &); got 'Arrested <b>'"
        ],
    ),
    "topic_kinds_are_known": (
        TOPICS.replace("kinds: [legal_aid]", "kinds: [legal]"),
        [
            "topics.yml:10:11: arrest.kinds[0]: unknown kind (did you mean 'legal_aid'?); expected one of: hotline, relocation, legal_aid, safe_space, health, digital_security, information (see data/kinds.yml); got 'legal'"
        ],
    ),
    "topic_kinds_are_known: once": (
        TOPICS.replace("kinds: [legal_aid]", "kinds: [legal_aid, legal_aid]"),
        ["topics.yml:10:22: arrest.kinds[1]: kind listed twice; expected each kind once; got 'legal_aid'"],
    ),
    "topic_words_are_searchable: a language": (
        TOPICS.replace("    ar: [اعتقال]", "    ar: [اعتقال]\n    ra: [x]"),
        [
            "topics.yml:14:5: arrest.words.ra: unknown language; did you mean 'tr'? expected one of: ar, en, fa, tr, fr; got 'ra'"
        ],
    ),
    "words are a list": (
        TOPICS.replace("    en: [arrested]", "    en: arrested"),
        ["topics.yml:12:9: arrest.words.en: must be a list; expected [word, \"a phrase\", …]; got 'arrested'"],
    ),
    "topic_words_are_searchable: something to match": (
        TOPICS.replace("    en: [arrested]", "    en: [arrested, the]"),
        [
            "topics.yml:12:20: arrest.words.en[1]: has nothing the search can match (single letters and words like 'the' or «في» are skipped); expected a word of two letters or more; got 'the'"
        ],
    ),
    "topic_words_are_unique: across topics": (
        TOPICS.replace("    en: [arrested]", "    en: [arrested, Suicide]"),
        [
            "topics.yml:12:20: arrest.words.en[1]: already listed under topic 'suicide' (the search reads it as 'suicide'); expected each word once, in one topic (a phrase leads to one topic); got 'Suicide'"
        ],
    ),
    "topic_words_are_unique: as the search reads it": (
        TOPICS.replace("    ar: [اعتقال]", "    ar: [اعتقال, الاعتقال]"),
        [
            "topics.yml:13:18: arrest.words.ar[1]: already listed here (the search reads it as 'اعتقال'); expected each word once, in one topic (a phrase leads to one topic); got 'الاعتقال'"
        ],
    ),
}


@pytest.mark.parametrize("case", list(TOPIC_FILES))
def test_topics_file_rules(tmp_path, case):
    text, messages = TOPIC_FILES[case]
    assert errors(tmp_path, topics=text) == messages


def test_a_data_folder_needs_its_topics(tmp_path):
    data = make_data(tmp_path, fixtures=False)
    (data / "topics.yml").unlink()
    _, problems = load(data, today=TODAY, raise_on_error=False)
    assert [str(p).replace(f"{data}/", "") for p in problems] == [
        "topics.yml:1:1: no topics.yml; expected data/topics.yml with the topics of the danger view and their crisis words (see CONTRIBUTING.md, 'Topics'); got none"
    ]


# -- the shipped topics ----------------------------------------------------------------------

SHIPPED = plain(loads((ROOT / "data" / "topics.yml").read_text(encoding="utf-8")))
# Every crisis word of the list the topics replaced (hooks/wasla/crisis-words.txt), each with
# the topic it now belongs to.
OLD_WORDS = {
    "suicide": "suicide|suicidal|kill myself|killing myself|end my life|want to die|self harm|hurt myself|انتحار|الانتحار|انتحر|أنتحر|سأنتحر|اقتل نفسي|أقتل نفسي|قتل نفسي|أؤذي نفسي|إيذاء النفس|أريد أن أموت|بدي موت|ente7ar|entehar",
    "arrest": "arrest|arrested|detained|detention|jail|prison|police|cops|raid|اعتقال|اعتقلت|اعتقلوني|معتقل|توقيف|موقوف|القبض|قبض علي|سجن|حبس|شرطة|الشرطة|بوليس|أمن الدولة|مداهمة|shorta",
    "blackmail": "blackmail|blackmailed|extortion|sextortion|outed|ابتزاز|يبتزني|ابتزني|ebtizaz",
    "violence": "threat|threatened|attacked|beaten|violence|rape|raped|emergency|danger|help me|تهديد|يهددني|اعتداء|ضرب|اغتصاب|عنف|خطر|طوارئ|النجدة|ساعدوني",
}


def test_the_shipped_topics_are_the_agreed_ones_in_both_languages():
    assert list(SHIPPED) == ["suicide", "violence", "arrest", "blackmail", "pep", "housing", "leaving", "digital"]
    for key, topic in SHIPPED.items():
        for lang in ("en", "ar"):
            assert topic["name"][lang] and topic["next"][lang] and topic["words"][lang], (key, lang)


def test_every_old_crisis_word_lands_in_its_topic():
    have = {tuple(tokens(w)): key for key, topic in SHIPPED.items() for words in topic["words"].values() for w in words}
    for key, words in OLD_WORDS.items():
        for word in words.split("|"):
            assert have.get(tuple(tokens(word))) == key, (word, key)


def test_the_words_people_write_in_distress_are_there():
    """Dialects and Arabizi, as the issue asked for them."""
    have = {tuple(tokens(w)): key for key, topic in SHIPPED.items() for words in topic["words"].values() for w in words}
    for word, key in [
        ("i can't go on", "suicide"),
        ("تعبت من الحياة", "suicide"),
        ("مش قادر اكمل", "suicide"),
        ("بدي انتحر", "suicide"),
        ("bade moot", "suicide"),
    ]:
        assert have.get(tuple(tokens(word))) == key, word
