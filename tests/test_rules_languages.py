"""data/languages.yml: the registry's rules (exact messages), texts in any registered language,
the fallback chains, and the places that must agree with the registry (mkdocs.yml, the schemas,
the string tables, the hand-written pages)."""

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT, make_data
from test_rules_resource import GOOD
from wasla.core import languages
from wasla.core.languages import Registry, iso639_3, regional_locale, shipped
from wasla.core.model import Text
from wasla.core.yamlload import loads, plain
from wasla.loading.dataset import load
from wasla.rules.check import to_text
from wasla_mkdocs import languages_disagree

TODAY = dt.date(2026, 11, 24)
SHIPPED_FILE = (ROOT / "data" / "languages.yml").read_text(encoding="utf-8")
SHIPPED = SHIPPED_FILE[SHIPPED_FILE.index("\nlanguages:") + 1 :]  # the entries, without the header comment
STRINGS = ROOT / "hooks" / "wasla" / "strings"


@pytest.fixture(autouse=True)
def shipped_registry():
    """Each test starts and ends with the shipped registry in force."""
    languages.use(shipped())
    yield
    languages.use(shipped())


def problems(tmp_path, files: dict[str, str]) -> list[str]:
    data = make_data(tmp_path, files, fixtures=False)
    try:
        _, found = load(data, today=TODAY, raise_on_error=False)
    except Exception as exc:  # DataError: a registry with errors stops the load
        found = exc.problems
    return [str(p).replace(str(data) + "/", "") for p in found]


BAD_REGISTRY = """\
languages:
  - code: ar
    name: العربية
    dir: rtl
    locale: ar_EG
    material: ar
    fallback: [en]
    reviewed: true
  - code: EN
    name: English
    dir: ltr
    locale: en_US
    material: en
    fallback: [ar]
    reviewed: yes
  - code: fa
    name: فارسی
    dir: ltr
    locale: fr_FR
    material: Persian
    fallback: [en, fa, ar, ar, ra]
    reviewed: false
  - code: ar
    name: Arabic again
    dir: rlt
    locale: ar
    material: ar
    fallback: [en]
    reviewed: false
    flag: x
"""


def test_bad_registry_entries_each_get_their_message(tmp_path):
    assert sorted(problems(tmp_path, {"languages.yml": BAD_REGISTRY})) == sorted(
        [
            "languages.yml:7:16: languages[0].fallback[0]: not a registered language; expected one of: ar, EN, fa; got 'en'",
            "languages.yml:9:11: languages[1].code: not an ISO 639-1 language code (write it in lower case: 'en'); expected two lower-case letters like 'fa' or 'tr'; got 'EN'",
            "languages.yml:15:15: languages[1].reviewed: unknown value; expected one of: true, false; got 'yes'",
            "languages.yml:18:10: languages[2].dir: not the direction 'fa' is written in; expected 'rtl'; got 'ltr'",
            "languages.yml:19:13: languages[2].locale: not a CLDR locale of 'fa'; expected 'fa' with its territory, like 'fa_IR'; got 'fr_FR'",
            "languages.yml:20:15: languages[2].material: not a theme locale code; expected two letters, optionally with a region, like 'fa' or 'pt-BR'; got 'Persian'",
            "languages.yml:21:16: languages[2].fallback[0]: not a registered language; expected one of: ar, EN, fa; got 'en'",
            "languages.yml:21:20: languages[2].fallback[1]: the language itself; expected other languages; got 'fa'",
            "languages.yml:21:28: languages[2].fallback[3]: listed twice; expected each language once; got 'ar' again",
            "languages.yml:21:32: languages[2].fallback[4]: not a registered language; did you mean 'fa'? expected one of: ar, EN, fa; got 'ra'",
            "languages.yml:23:11: languages[3].code: listed twice; expected each language once; got 'ar' again (first at languages[0])",
            "languages.yml:25:10: languages[3].dir: unknown direction; expected one of: rtl, ltr; got 'rlt'",
            "languages.yml:28:16: languages[3].fallback[0]: not a registered language; expected one of: ar, EN, fa; got 'en'",
            "languages.yml:30:5: languages[3].flag: unknown field; remove it expected one of: code, name, dir, locale, material, fallback, reviewed; got 'flag'",
        ]
    )


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "- ar\n",
            "languages.yml:1:1: must be a mapping; expected a 'languages:' list, one entry per language; got something else",
        ),
        (
            "languages: []\n",
            "languages.yml:1:12: languages: is required; expected a value for 'languages'; got nothing",
        ),
        (
            SHIPPED.replace(
                "    fallback: [en, ar]\n    reviewed: false\n  - code: tr", "    reviewed: false\n  - code: tr"
            ),
            "languages.yml:16:5: languages[2].fallback: is required; expected the languages a missing text is taken from, like [en, ar]; got nothing",
        ),
        (
            SHIPPED.replace("fallback: [en, ar]", "fallback: []", 1),
            "languages.yml:21:15: languages[2].fallback: is empty; expected the languages a missing text is taken from, like [en, ar]; got nothing",
        ),
        (
            SHIPPED.replace("locale: tr_TR", "locale: xx_YY"),
            "languages.yml:26:13: languages[3].locale: not a CLDR locale of 'tr'; expected 'tr' with its territory, like 'tr_TR'; got 'xx_YY'",
        ),
        (
            SHIPPED.replace("code: fr", "code: zz"),
            "languages.yml:30:11: languages[4].code: not an ISO 639-1 language code; expected two lower-case letters like 'fa' or 'tr'; got 'zz'",
        ),
    ],
    ids=["not a mapping", "empty", "no fallback", "empty fallback", "unknown locale", "unknown code"],
)
def test_registry_rule_message(tmp_path, text, message):
    assert message in problems(tmp_path, {"languages.yml": text})


def test_the_shipped_registry_is_valid_and_arabic_is_the_default(tmp_path):
    assert problems(tmp_path, {"languages.yml": SHIPPED}) == []
    registry = shipped()
    assert registry.codes == ("ar", "en", "fa", "tr", "fr")
    assert registry.default == "ar" and registry.prefix("ar") == "" and registry.prefix("fa") == "fa/"
    assert registry.required == ("en", "ar")
    assert [registry.get(c).dir for c in registry.codes] == ["rtl", "ltr", "rtl", "ltr", "ltr"]
    # the week starts as today for ar (Saturday, ar_EG) and en (Sunday, en_US); fa_IR on Saturday
    assert [regional_locale(c).first_week_day for c in registry.codes] == [5, 6, 5, 0, 0]
    assert [iso639_3(c) for c in registry.codes] == ["ara", "eng", "fas", "tur", "fra"]


def test_a_data_folder_without_a_registry_is_written_in_the_repositorys_languages(tmp_path):
    data = make_data(tmp_path, {"resources/lb/good-group.yml": GOOD}, fixtures=False)
    dataset, _ = load(data, today=TODAY)
    assert dataset.languages == shipped()


# -- texts in any registered language ----------------------------------------------------------


def test_a_text_may_be_written_in_any_registered_language(tmp_path):
    text = GOOD.replace("  ar: تساعد.\n", "  ar: تساعد.\n  fa: کمک می‌کند.\n  tr: Yardım eder.\n  fr: Aide.\n")
    data = make_data(tmp_path, {"resources/lb/good-group.yml": text}, fixtures=False)
    dataset, found = load(data, today=TODAY)
    assert found == []
    summary = dataset.resources[0].summary
    assert summary.values == {"ar": "تساعد.", "en": "Helps.", "fa": "کمک می‌کند.", "tr": "Yardım eder.", "fr": "Aide."}


def test_an_unknown_language_key_is_an_error_with_did_you_mean(tmp_path):
    text = GOOD.replace("  ar: تساعد.\n", "  ar: تساعد.\n  fas: کمک.\n  de: Hilft.\n")
    assert [p for p in problems(tmp_path, {"resources/lb/good-group.yml": text}) if "unknown language" in p] == [
        "resources/lb/good-group.yml:9:3: summary.fas: unknown language; did you mean 'fa'? expected one of: ar, en, fa, tr, fr; got 'fas'",
        "resources/lb/good-group.yml:10:3: summary.de: unknown language; remove it, or add the language to data/languages.yml; expected one of: ar, en, fa, tr, fr; got 'de'",
    ]


def test_a_text_in_an_optional_language_alone_is_not_enough(tmp_path):
    text = GOOD.replace("  en: Helps.\n  ar: تساعد.\n", "  fa: کمک می‌کند.\n")
    assert (
        "resources/lb/good-group.yml:7:3: summary: has no text; expected 'en:' or 'ar:' with text; got empty text"
        in (problems(tmp_path, {"resources/lb/good-group.yml": text}))
    )


def test_only_english_and_arabic_gaps_are_warned(tmp_path):
    """A Persian, Turkish or French gap is counted by make check's coverage line, not warned."""
    assert problems(tmp_path, {"resources/lb/good-group.yml": GOOD}) == []


# -- fallback chains -------------------------------------------------------------------------


def test_a_missing_language_falls_back_along_its_chain():
    both = Text({"en": "Helps.", "ar": "تساعد."})
    assert (both.get("fa").text, both.get("fa").lang, both.get("fa").missing) == ("Helps.", "en", True)
    assert both.get("fa").dir == "ltr"
    assert (both.get("ar").text, both.get("ar").missing) == ("تساعد.", False)
    arabic = Text({"ar": "تساعد."})
    assert (arabic.get("tr").lang, arabic.get("tr").dir, arabic.get("tr").missing) == ("ar", "rtl", True)
    assert (arabic.get("en").lang, arabic.get("en").missing) == ("ar", True)
    persian = Text({"fa": "کمک می‌کند.", "en": "Helps."})
    assert persian.get("fa").text == "کمک می‌کند." and not persian.get("fa").missing
    assert persian.get("ar").lang == "en"  # ar's chain: en, then the others
    # an explicit chain wins over the registry's
    assert both.get("fr", ("ar", "en")).lang == "ar"
    assert Text().get("fa").text == ""


def test_a_neutral_text_is_the_same_in_every_language():
    text = to_text("SMEX")
    assert text.neutral and [text.get(c).text for c in shipped().codes] == ["SMEX"] * 5
    assert not any(text.get(c).missing for c in shipped().codes)
    assert to_text({"en": " Helps ", "xx": "ignored", "fa": ""}).values == {"en": "Helps"}
    assert to_text({"en": "Helps"}).en == "Helps" and to_text({"en": "Helps"}).fa is None


def test_a_registry_with_hebrew_gives_hebrew_its_chain():
    he = languages.Language("he", "עברית", "rtl", "he_IL", "he", ("en", "ar"), False)
    registry = Registry((*shipped().languages, he))
    languages.use(registry)
    assert registry.chain("he") == ("he", "en", "ar", "fa", "tr", "fr")
    shown = Text({"en": "Helps.", "ar": "تساعد."}).get("he")
    assert (shown.lang, shown.dir, shown.missing) == ("en", "ltr", True)
    assert regional_locale("he").first_week_day == 6  # Sunday, he_IL


# -- what must agree with the registry ---------------------------------------------------------


def text_objects(node):
    """Every text object of a schema: properties that are all language codes."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and {"en", "ar"} <= set(props):
            yield props
        for value in node.values():
            yield from text_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from text_objects(value)


@pytest.mark.parametrize("name", ["resource", "country"])
def test_the_schemas_accept_exactly_the_registered_languages(name):
    schema = json.loads((ROOT / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    found = list(text_objects(schema))
    assert found
    for props in found:
        assert list(props) == list(shipped().text_order)
        for code, spec in props.items():
            assert spec["title"] and spec["x-ar"]["title"], code


def test_mkdocs_i18n_lists_the_registered_languages_in_order():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    listed = [entry["locale"] for entry in i18n["languages"]]
    assert listed == list(shipped().codes)
    for entry, lang in zip(i18n["languages"], shipped().languages, strict=True):
        assert entry["name"] == lang.name and entry["build"] is True
        assert entry.get("default", False) == (lang.code == shipped().default)
        if lang.code != "en":  # the nav is written in English
            assert set(entry["nav_translations"]) == {"Home", "Stay safe", "About", "Contribute", "Open data"}


def test_the_build_says_when_mkdocs_and_the_registry_disagree():
    def config(*codes):
        plugin = SimpleNamespace(config=SimpleNamespace(languages=[SimpleNamespace(locale=c) for c in codes]))
        return SimpleNamespace(plugins={"i18n": plugin})

    assert languages_disagree(config("ar", "en", "fa", "tr", "fr"), shipped()) is None
    assert languages_disagree(config("ar", "en"), shipped()) == (
        "mkdocs.yml: plugins.i18n.languages differs from data/languages.yml; expected ar, en, fa, tr, fr "
        "(data/languages.yml); got ar, en; add fa, tr, fr to plugins.i18n.languages (build: true, site_name, nav_translations)"
    )
    assert languages_disagree(config("ar", "en", "fa", "tr", "fr", "de"), shipped()).endswith(
        "got ar, en, fa, tr, fr, de; add de to data/languages.yml or remove it from mkdocs.yml"
    )
    assert languages_disagree(config("en", "ar", "fa", "tr", "fr"), shipped()).endswith(
        "list them in the same order, the default first"
    )


def table(lang: str) -> dict:
    return plain(loads((STRINGS / f"{lang}.yml").read_text(encoding="utf-8")))


def awaiting(lang: str, what: str) -> None:
    """Every registered language has its translator's files (English fills a key only while a
    table is being written; make check's coverage line says how much is written)."""
    pytest.fail(f"{lang}: {what}")


@pytest.mark.parametrize("lang", shipped().codes)
def test_every_language_has_a_string_table_with_every_english_key(lang):
    if not (STRINGS / f"{lang}.yml").is_file():
        awaiting(lang, f"hooks/wasla/strings/{lang}.yml is missing")
    en, own = table("en"), table(lang)
    assert sorted(set(en) - set(own)) == [] and sorted(set(own) - set(en)) == []
    for key in en:
        assert own[key].strip(), key
        assert set(re.findall(r"{\w+}", en[key])) == set(re.findall(r"{\w+}", own[key])), key


PAGES = sorted(p.name.split(".")[0] for p in (ROOT / "docs").glob("*.en.md"))


@pytest.mark.parametrize("lang", shipped().codes)
def test_every_hand_written_page_exists_in_every_language(lang):
    missing = [page for page in PAGES if not (ROOT / "docs" / f"{page}.{lang}.md").is_file()]
    if missing:
        awaiting(lang, f"docs/<page>.{lang}.md missing for {', '.join(missing)}")
    stray = sorted(
        p.name
        for p in (ROOT / "docs").glob("*.md")
        if p.name.split(".")[-2] not in shipped().codes or p.name.count(".") != 2
    )
    assert stray == []
