"""a frightened reader's first minute: where am I, who can I reach now, what does
reaching out leave behind; and the crisis words, which say what is happening (a topic of
data/topics.yml) and bring the lines of that topic first (queries/crisis.py in Python,
search.js in the browser: the same answer). Rules on small data folders; the rest on the built
fixture sites in Chromium at 360 × 740, both languages."""

import json
import re

import pytest

from conftest import DANGER_FILES, ROOT, make_data
from generate import generate
from wasla.core.normalise import tokens
from wasla.core.strings import strings
from wasla.core.yamlload import loads, plain
from wasla.layout.pages import DANGER_EVERYWHERE, DANGER_LOCAL, Layout
from wasla.loading.dataset import load
from wasla.queries.crisis import TopicLines, answering, crisis_answer, split_lines, topic_of, topic_phrases

LANGS = [("ar", ""), ("en", "en/")]
HOTLINE = """name: {{en: Night Line, ar: خط الليل}}
kinds: [hotline]
summary: {{en: A line that answers at night., ar: خط يجيب في الليل.}}
contacts:
  - type: phone
    value: "01 123 457"
{extra}  - type: website
    value: https://example.org/
sources:
  - https://example.org/night
status: active
"""


def problems_for(tmp_path, extra: str) -> list[str]:
    data = make_data(tmp_path, {"resources/lb/night-line.yml": HOTLINE.format(extra=extra)}, fixtures=False)
    _, problems = load(data, raise_on_error=False)
    return [str(p).replace(f"{tmp_path}/", "") for p in problems]


# -- rules: trace and police ---------------------------------------------------------------


def test_trace_and_police_are_read(tmp_path):
    extra = (
        "    trace: {en: Calls do not appear on the bill., ar: لا تظهر المكالمات في الفاتورة.}\n"
        "    police: {policy: never, source: https://example.org/privacy}\n"
    )
    data = make_data(tmp_path, {"resources/lb/night-line.yml": HOTLINE.format(extra=extra)}, fixtures=False)
    dataset, problems = load(data, raise_on_error=False)
    assert [str(p) for p in problems] == []
    contact = dataset.resources[0].contacts[0]
    assert contact.trace.en == "Calls do not appear on the bill."
    assert (contact.police.policy, contact.police.source) == ("never", "https://example.org/privacy")


def test_police_policy_must_be_known(tmp_path):
    assert problems_for(tmp_path, "    police: {policy: sometimes, source: https://example.org/p}\n") == [
        "data/resources/lb/night-line.yml:7:22: contacts[0].police.policy: unknown policy; expected one of: may, never; got 'sometimes'"
    ]


def test_police_needs_its_source(tmp_path):
    assert problems_for(tmp_path, "    police:\n      policy: may\n") == [
        "data/resources/lb/night-line.yml:8:7: contacts[0].police.source: is required; expected a value for 'source'; got nothing"
    ]


def test_police_source_is_a_web_link(tmp_path):
    assert problems_for(tmp_path, "    police: {policy: may, source: example.org}\n") == [
        "data/resources/lb/night-line.yml:7:35: contacts[0].police.source: not a web link; expected a full address starting with 'https://'; got 'example.org'"
    ]


def test_trace_override_and_police_on_the_card(tmp_path):
    from conftest import built_site

    extra = (
        "    trace: {en: Calls do not appear on the bill., ar: لا تظهر المكالمات في الفاتورة.}\n"
        "    police: {policy: may, source: https://example.org/privacy}\n"
    )
    site = built_site(tmp_path, {"resources/lb/night-line.yml": HOTLINE.format(extra=extra)})
    en = (site / "en/countries/lb.html").read_text(encoding="utf-8")
    card = en[en.index('id="night-line"') :]
    card = card[: card.index("</article>")]
    assert "Calls do not appear on the bill." in card and strings("en")["trace_phone"] not in card
    assert strings("en")["police_may"] in card and 'href="https://example.org/privacy"' in card
    ar = (site / "countries/lb.html").read_text(encoding="utf-8")
    assert strings("ar")["police_may"] in ar and "لا تظهر المكالمات في الفاتورة." in ar
    # absent: nothing is claimed
    other = en[en.index('id="test-hotline"') :]
    other = other[: other.index("</article>")]
    assert "police" not in other.lower()


# -- markup on the fixture site ------------------------------------------------------------


def test_every_contact_type_has_a_trace_text_and_a_safety_anchor():
    from wasla.rules.contacts import CONTACT_TYPES

    for lang in ("en", "ar"):
        safety = (ROOT / "docs" / f"safety.{lang}.md").read_text(encoding="utf-8")
        for ctype in CONTACT_TYPES:
            assert strings(lang)[f"trace_{ctype}"].strip(), (lang, ctype)
            assert f"{{ #trace-{ctype} }}" in safety, (lang, ctype)


def test_international_card_serves_everyone_and_the_office_is_apart(fixture_site):
    html = (fixture_site / "en/countries/international.html").read_text(encoding="utf-8")
    card = html[html.index('id="test-intl-line"') :]
    card = card[: card.index("</article>")]
    assert re.search(r"<dt>Serves</dt>\s*<dd>People everywhere</dd>", card)
    lb = (fixture_site / "en/countries/lb.html").read_text(encoding="utf-8")
    card = lb[lb.index('id="test-hotline"') :]
    card = card[: card.index("</article>")]
    assert re.search(r"<dt>Serves</dt>\s*<dd>Lebanon</dd>", card)
    assert re.search(r'<dt class="wasla-quiet">City</dt>\s*<dd class="wasla-quiet">Beirut</dd>', card)


def test_website_buttons_break_only_after_slash_and_dot(fixture_site):
    html = (fixture_site / "en/countries/lb.html").read_text(encoding="utf-8")
    assert '<span class="wasla-contact__action">Website</span> <bdi dir="ltr">example.<wbr>org/<wbr>help</bdi>' in html


def index_file(site, name, prefix=""):
    text = next((site / prefix / "search").glob(f"*/{name}.js")).read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(")")])


def index_meta(site, prefix=""):
    return index_file(site, "meta", prefix)


def test_each_topics_words_and_lines_are_in_the_index(fixture_site):
    data = index_meta(fixture_site)
    topics = {t[0]: t for t in data["topics"]}
    assert list(topics) == ["suicide", "violence", "arrest", "blackmail", "pep", "housing", "leaving", "digital"]
    assert topics["suicide"][1] == "أفكار انتحارية أو أزمة نفسية"  # name and next step in the page language
    assert ["انتحار"] in topics["suicide"][3] and ["kill", "myself"] in topics["suicide"][3]  # every language
    assert ["شرطه"] in topics["arrest"][3] and ["can", "go"] in topics["suicide"][3]
    assert data["limits"] == [DANGER_LOCAL, DANGER_EVERYWHERE]
    # each topic's lines in a file of their own, loaded only for a query that holds its words
    assert all(len(t) == 4 for t in data["topics"])
    assert index_file(fixture_site, "l/0") and not index_file(fixture_site, "l/5")  # the paused centre answers nothing
    assert index_meta(fixture_site, "en/")["topics"][0][1] == "Thoughts of suicide or an emotional crisis"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    data = make_data(tmp_path_factory.mktemp("crisis-data"), DANGER_FILES, region=True)
    loaded, problems = load(data, raise_on_error=False)
    assert [p for p in problems if p.level == "error"] == []
    return loaded


@pytest.fixture(scope="module")
def phrases(dataset):
    return topic_phrases(dataset.topics)


CRISIS = [
    ("suicide", "suicide"),
    ("Suicidal thoughts", "suicide"),
    ("I want to kill myself", "suicide"),
    ("I can't go on", "suicide"),
    ("تعبت من الحياة", "suicide"),
    ("مش قادر اكمل", "suicide"),
    ("بدي انتحر", "suicide"),
    ("bade moot", "suicide"),
    ("الانتحار", "suicide"),
    ("انتحار", "suicide"),
    ("إنتحار", "suicide"),
    ("arrested in Beirut", "arrest"),
    ("POLICE", "arrest"),
    ("اعتقال", "arrest"),
    ("الشرطة", "arrest"),
    ("والشرطة", "arrest"),
    ("شرطه", "arrest"),
    ("blackmail", "blackmail"),
    ("ابتزاز", "blackmail"),
    ("he is threatening to out me", "blackmail"),  # the longest phrase decides: not "threat" (violence)
    ("they threatened me", "violence"),
    ("يهددني بنشر صوري", "blackmail"),
    ("emergency", "violence"),
    ("my phone was hacked", "digital"),
    ("the condom broke", "pep"),
    ("kicked out by my family", "housing"),
    ("I need to flee", "leaving"),
    # Persian (ZWNJ or not, ی/ي and ک/ك alike), Turkish (dotted and dotless i, with or without
    # Turkish letters) and French (accents or not), as their readers type them
    ("میخوام خودکشی کنم", "suicide"),
    ("می‌خوام خودکشي کنم", "suicide"),
    ("دستگیر شدم", "arrest"),
    ("اخاذی", "blackmail"),
    ("İNTİHAR", "suicide"),
    ("kendimi oldurecegim", "suicide"),
    ("gözaltına alındım", "arrest"),
    ("şantaj yapıyor", "blackmail"),
    ("je veux mourir", "suicide"),
    ("garde à vue", "arrest"),
    ("il me fait chanter", "blackmail"),
    ("Beirut", None),
    ("legal aid", None),
    ("kill", None),
    ("myself", None),
    ("القاهرة", None),
    ("خط", None),
]


@pytest.mark.parametrize("query, topic", CRISIS)
def test_a_crisis_phrase_says_what_is_happening(phrases, query, topic):
    assert topic_of(query, phrases) == topic


def answer(dataset, lang, query, code):
    layout = Layout(dataset, lang)
    topic, local, everywhere = crisis_answer(dataset, query, code, layout.danger_key, DANGER_LOCAL, DANGER_EVERYWHERE)
    return topic, [r.slug for r in local], [r.slug for r in everywhere]


def test_a_crisis_phrase_brings_the_lines_of_its_topic(dataset):
    assert answer(dataset, "en", "I want to kill myself", "lb") == (
        "suicide",
        ["test-hotline", "day-line", "night-chat"],
        ["mind-line"],
    )
    assert answer(dataset, "ar", "بدي انتحر", None) == ("suicide", [], ["mind-line"])
    assert answer(dataset, "en", "arrested", "tn") == ("arrest", ["tunis-rights"], [])
    # blackmail: the digital-security desk and the lawyers
    assert answer(dataset, "en", "blackmail", "lb") == ("blackmail", ["cyber-desk"], ["shield-desk"])
    assert answer(dataset, "en", "blackmail", "tn") == ("blackmail", ["tunis-rights"], ["shield-desk"])
    assert answer(dataset, "en", "Beirut", "lb") == (None, [], [])


def test_a_suicide_phrase_never_brings_a_digital_security_service(dataset, phrases):
    kinds = {r.slug: r.kinds for r in dataset.resources}
    for query in ("suicide", "kill myself", "انتحار", "تعبت من الحياة", "bade moot", "help me"):
        for code in ("lb", "tn", None):
            topic, local, everywhere = answer(dataset, "en", query, code)
            assert topic in ("suicide", "violence")
            assert not [s for s in local + everywhere if "digital_security" in kinds[s]], (query, code)


# -- in the browser, 360 × 740 -------------------------------------------------------------


def phone(page_factory, javascript=True):
    page = page_factory(width=360, javascript=javascript)
    page.set_viewport_size({"width": 360, "height": 740})
    return page


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_first_screen_answers_where_are_you(server, page_factory, lang, prefix, javascript):
    page = phone(page_factory, javascript)
    page.goto(f"{server}{prefix}index.html")
    boxes = page.eval_on_selector_all("#by-country + ul a", "els => els.map(a => a.getBoundingClientRect().bottom)")
    assert boxes and max(boxes) <= 740, boxes
    # the way to the lines that answer now, above the fold too
    assert (
        page.locator("a.wasla-danger-link").bounding_box()["y"]
        + page.locator("a.wasla-danger-link").bounding_box()["height"]
        <= 740
    )
    # the site name once on the first screen: the header, not the page heading
    name = strings(lang)["site_name"]
    assert page.locator("h1").inner_text() != name
    shown = page.evaluate(
        """name => {
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n;
        while ((n = walk.nextNode())) {
            if (!n.textContent.includes(name)) continue;
            const r = n.parentElement.getBoundingClientRect(), style = getComputedStyle(n.parentElement);
            const onScreen = r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
            if (onScreen && style.visibility !== 'hidden' && style.opacity !== '0') out.push(n.textContent.trim());
        }
        return out;
    }""",
        name,
    )
    assert shown == [name], shown
    # search one tap away
    assert page.locator("a.wasla-find").is_visible()


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_hotlines_page_and_the_topic_choice(server, page_factory, lang, prefix):
    page = phone(page_factory)
    page.goto(f"{server}{prefix}kinds/hotline.html")
    tels = page.eval_on_selector_all(".wasla-kind a[href^='tel:']", "els => els.map(a => a.getAttribute('href'))")
    assert "tel:+9611123456" in tels and "tel:+35312345678" in tels
    page.goto(f"{server}{prefix}index.html")
    page.click("a.wasla-danger-link")
    first = page.locator("#danger .wasla-topics a").first
    assert first.is_visible() and first.get_attribute("href") == "danger/suicide.html"
    first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"{prefix}danger/suicide.html")
    page.click("text=" + ("لبنان" if lang == "ar" else "Lebanon"))
    page.wait_for_load_state("load")
    assert page.url.endswith(f"{prefix}danger/suicide-lb.html")
    assert page.locator("[data-wasla-open-first] a[href^='tel:']").first.get_attribute("href") == "tel:+9611123456"


@pytest.mark.parametrize("lang, prefix, word", [("ar", "", "انتحار"), ("en", "en/", "kill myself")])
def test_a_crisis_word_shows_the_lines_of_its_topic_and_nothing_is_stored(
    danger_server, page_factory, lang, prefix, word
):
    page = phone(page_factory)
    page.goto(f"{danger_server}{prefix}index.html")
    url = page.url
    page.select_option("select[name=country]", "lb")
    page.fill("input[type=search]", word)
    now = page.locator("[data-search-now]")
    now.wait_for(state="visible")
    assert now.locator("h3").inner_text() == (
        "أفكار انتحارية أو أزمة نفسية" if lang == "ar" else "Thoughts of suicide or an emotional crisis"
    )
    hrefs = now.locator("[data-search-now-list] a[href^='tel:'], [data-search-now-list] a[href^='mailto:']")
    hrefs = hrefs.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs.index("tel:+9611123456") < hrefs.index(
        "mailto:talk@example.org"
    )  # the country first, then international
    results = page.locator("[data-search-results]").first
    assert now.bounding_box()["y"] < results.bounding_box()["y"] + 1
    assert now.locator("[data-search-now-where]").is_hidden()  # a country is chosen
    assert now.locator("[data-search-now-page]").get_attribute("href") == "danger/suicide-lb.html"
    # no country chosen: the countries right there, meanwhile only what answers it from anywhere
    page.select_option("select[name=country]", "")
    page.wait_for_function("() => !document.querySelector('[data-search-now-where]').hidden")
    assert now.locator("[data-search-now-list] a[href^='mailto:']").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    ) == ["mailto:talk@example.org"]
    assert now.locator("[data-search-now-list] a[href^='tel:']").count() == 0
    assert now.locator("[data-search-now-countries] a[href='danger/suicide-lb.html']").is_visible()
    # an ordinary word: no crisis block
    page.fill("input[type=search]", "Beirut")
    page.wait_for_function("() => document.querySelector('[data-search-now]').hidden")
    state = page.evaluate("""async () => ({cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0})""")
    assert state == {"cookie": "", "local": 0, "session": 0, "idb": 0}
    assert page.context.cookies() == []
    assert page.url == url


SEARCHES = [
    ("en", "I want to kill myself", "lb"),
    ("en", "I can't go on", ""),
    ("ar", "بدي انتحر", "eg"),
    ("ar", "تعبت من الحياة", "tn"),
    ("en", "arrested", "tn"),
    ("ar", "اعتقلوني", "lb"),
    ("en", "blackmail", "lb"),
    ("ar", "ابتزاز", "tn"),
    ("en", "help me", "lb"),
    ("en", "my phone was hacked", ""),
    ("ar", "bade moot", "om"),
]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_search_shows_what_the_python_query_answers(danger_server, page_factory, dataset, lang):
    page = phone(page_factory)
    page.goto(f"{danger_server}{'' if lang == 'ar' else 'en/'}index.html")
    kinds = {r.slug: r.kinds for r in dataset.resources}
    for query_lang, query, code in SEARCHES:
        page.select_option("select[name=country]", code)
        page.fill("input[type=search]", query)
        page.wait_for_function(
            "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
        )
        hrefs = page.eval_on_selector_all(
            "[data-search-now]:not([hidden]) [data-search-now-list] > li > a",
            "els => els.map(a => a.getAttribute('href'))",
        )
        topic, local, everywhere = answer(dataset, lang, query, code or None)
        assert [h.rsplit("#", 1)[1] for h in hrefs] == local + everywhere, (query, code)
        assert page.locator("[data-search-now]").is_visible()
        if topic == "suicide" and hrefs:
            assert "digital_security" not in kinds[hrefs[0].rsplit("#", 1)[1]]
    assert page.blocked == []


def test_search_results_carry_their_buttons(server, page_factory):
    page = phone(page_factory)
    page.goto(f"{server}en/index.html")
    page.fill("input[type=search]", "Test Hotline")
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    first = page.locator("[data-search-results] > li").first
    assert first.locator("> a").inner_text() == "Test Hotline"
    hrefs = first.locator(".wasla-contacts a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs == ["tel:+9611123456", "sms:+96171123456", "https://wa.me/96171123456"]
    assert first.locator(".wasla-contacts a").first.inner_text().replace("\n", " ").strip() == "Call 01 123 456"


def test_the_browser_finds_crisis_topics_as_the_build_does(server, page_factory, fixture_site):
    page = phone(page_factory)
    page.goto(f"{server}index.html")
    page.fill("input[type=search]", "warm up")
    page.wait_for_function("() => window.waslaSearchSelfTest !== undefined")
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    topics = index_meta(fixture_site)["topics"]
    phrases = tuple((t[0], tuple(tuple(p) for p in t[3])) for t in topics)
    queries = [q for q, _ in CRISIS] + ["help me please", "help", "ente7ar", "أريد أن أموت", "اريد ان اموت", "legal"]
    js = page.evaluate("([q, t]) => q.map(x => window.waslaSearchSelfTest.topicOf(x, t))", [queries, topics])
    assert js == [topic_of(q, phrases) for q in queries]
    assert js[: len(CRISIS)] == [topic for _, topic in CRISIS]


def test_the_arabic_footer_date_reads_day_month_year(fixture_site, server, page_factory):
    import datetime as dt

    from babel.dates import format_date

    date = dt.date.fromisoformat(
        json.loads((fixture_site / "data" / "resources.json").read_text(encoding="utf-8"))["data_date"]
    )
    page = phone(page_factory)
    page.goto(f"{server}index.html")
    text = page.locator(".wasla-footer p").first.inner_text()
    assert text == strings("ar")["data_as_of"].format(date=format_date(date, format="long", locale="ar"))
    assert re.fullmatch(r"البيانات محدّثة حتى \d{1,2} \w+ \d{4}", text), text
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}", text)
    page.goto(f"{server}en/index.html")
    assert page.locator(".wasla-footer p").first.inner_text() == "Data as of " + format_date(
        date, format="long", locale="en"
    )


@pytest.mark.parametrize("rel", ["contribute.html", "open-data.html", "about.html", "safety.html"])
def test_paths_in_arabic_text_are_isolated(server, page_factory, rel):
    page = phone(page_factory)
    page.goto(server + rel)
    styles = page.eval_on_selector_all(
        ".md-content code", "els => els.map(e => [getComputedStyle(e).direction, getComputedStyle(e).unicodeBidi])"
    )
    assert all(s == ["ltr", "isolate"] for s in styles), styles
    if rel == "contribute.html":
        code = page.locator(".md-content code", has_text="data/resources/").first
        # the rendered path keeps its order: its first character is drawn at its left
        box = code.evaluate("""e => { const r = document.createRange(); r.setStart(e.firstChild, 0); r.setEnd(e.firstChild, 1);
                                     const first = r.getBoundingClientRect(); const all = e.getBoundingClientRect();
                                     return [first.left - all.left, all.right - first.right]; }""")
        assert box[0] < box[1]


@pytest.mark.parametrize(
    "rel",
    [
        "index.html",
        "en/index.html",
        "countries/lb.html",
        "en/countries/lb.html",
        "kinds/hotline.html",
        "en/kinds/hotline.html",
    ],
)
def test_text_is_large_enough(server, page_factory, rel):
    page = phone(page_factory)
    page.goto(server + rel)
    small = page.evaluate("""() => {
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n;
        while ((n = walk.nextNode())) {
            const el = n.parentElement;
            if (!n.textContent.trim() || !el.getClientRects().length) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || el.closest('[hidden], .wasla-sr, .md-sidebar, .md-header__topic + .md-header__topic')) continue;
            const px = parseFloat(style.fontSize);
            if (px < 14) out.push([n.textContent.trim().slice(0, 30), px]);
        }
        return out;
    }""")
    assert small == []
    body = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset p')).fontSize)"
    )
    assert body >= 16


# -- wording ---------------------------------------------------------------------------------


def glossary():
    return plain(loads((ROOT / "hooks" / "wasla" / "strings" / "glossary.yml").read_text(encoding="utf-8")))


def uses(arabic: str, term: str) -> bool:
    """The term's words, in a row, each inside a word of the text (ignoring article, hamza,
    tashkeel and attached prefixes: «بالشرطة» uses «الشرطة», «يُتحقَّق» uses «التحقق»)."""
    have, want = tokens(arabic), tokens(term)
    return any(all(w in have[i + j] for j, w in enumerate(want)) for i in range(len(have) - len(want) + 1))


def test_the_string_tables_and_kinds_use_the_glossary_terms():
    en = plain(loads((ROOT / "hooks/wasla/strings/en.yml").read_text(encoding="utf-8")))
    ar = plain(loads((ROOT / "hooks/wasla/strings/ar.yml").read_text(encoding="utf-8")))
    pairs = [(f"strings:{k}", en[k], ar[k]) for k in en]
    kinds = plain(loads((ROOT / "data/kinds.yml").read_text(encoding="utf-8")))
    pairs += [(f"kinds:{k}.{f}", v[f]["en"], v[f]["ar"]) for k, v in kinds.items() for f in ("label", "description")]
    topics = plain(loads((ROOT / "data/topics.yml").read_text(encoding="utf-8")))
    pairs += [(f"topics:{k}.{f}", v[f]["en"], v[f]["ar"]) for k, v in topics.items() for f in ("name", "next")]
    checked = 0
    for key, term in glossary().items():
        forms = term["ar"] if isinstance(term["ar"], list) else [term["ar"]]
        for where, english, arabic in pairs:
            if re.search(rf"\b{re.escape(term['en'])}(s|es)?\b", english, re.I):
                checked += 1
                assert any(uses(arabic, f) for f in forms), (
                    f"{where}: '{term['en']}' should be «{forms[0]}» in Arabic: {arabic}"
                )
    assert checked > 20


def test_arabic_slips_are_gone():
    texts = [
        (ROOT / p).read_text(encoding="utf-8")
        for p in (
            "hooks/wasla/strings/ar.yml",
            "data/kinds.yml",
            "docs/index.ar.md",
            "docs/about.ar.md",
            "docs/safety.ar.md",
            "CONTRIBUTING.ar.md",
        )
    ]
    for text in texts:
        assert "النقل واللجوء" not in text and "لم يتم التحقق" not in text and "واقفل" not in text


def test_readme_asks_for_a_native_speakers_review():
    assert "native speaker" in (ROOT / "README.md").read_text(encoding="utf-8")


# -- the shipped data: what a reader really gets --------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    from conftest import build_site, serve

    site = tmp_path_factory.mktemp("shipped") / "site"
    result = build_site(ROOT / "data", site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_shipped_region_fits_the_first_screen(shipped, page_factory, lang, prefix):
    """All 25 region countries and International, on the shipped data, inside 360 x 740."""
    page = phone(page_factory, javascript=False)
    page.goto(f"{shipped}{prefix}index.html")
    boxes = page.eval_on_selector_all("#by-country + ul a", "els => els.map(a => a.getBoundingClientRect().bottom)")
    assert len(boxes) == 26 and max(boxes) <= 740, boxes


@pytest.mark.parametrize("prefix, query", [("", "انتحار"), ("en/", "arrested"), ("", "بيروت"), ("en/", "Beirut")])
def test_search_results_and_crisis_block_never_overflow_a_phone(shipped, page_factory, prefix, query):
    """Buttons filled by search.js break only after '.', '/' or '@', never past the screen's edge."""
    page = phone(page_factory)
    page.goto(f"{shipped}{prefix}index.html#search")
    page.select_option("select[name=country]", "lb")
    page.fill("input[type=search]", query)
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    assert page.locator("[data-search-results] > li, .wasla-now:not([hidden]) li").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.fixture(scope="module")
def shipped_data():
    loaded, _ = load(ROOT / "data", raise_on_error=False)
    return loaded


def test_on_the_shipped_data_each_phrase_brings_its_own_kind_of_help(shipped_data):
    """The issue: "I want to kill myself" brought the Access Now digital-security helpline and Front
    Line Defenders' e-mail, and «تعبت من الحياة» nothing at all."""
    kinds = {r.slug: r.kinds for r in shipped_data.resources}
    suicide = answer(shipped_data, "en", "I want to kill myself", "lb")
    assert suicide[0] == "suicide" and suicide[1][0] == "embrace-lifeline"
    for query in ("I want to kill myself", "بدي انتحر", "تعبت من الحياة", "مش قادر اكمل", "I can't go on"):
        for code in (None, "lb", "tr", "eg", "om"):
            topic, local, everywhere = answer(shipped_data, "ar", query, code)
            assert topic == "suicide", query
            assert not [s for s in local + everywhere if "digital_security" in kinds[s]], (query, code)
    arrest = answer(shipped_data, "en", "arrested", "lb")
    assert arrest[0] == "arrest" and arrest[1] and "legal_aid" in kinds[arrest[1][0]]
    blackmail = answer(shipped_data, "en", "blackmail", "lb")[1] + answer(shipped_data, "en", "blackmail", "eg")[1]
    assert {"digital_security", "legal_aid"} <= {k for s in blackmail for k in kinds[s]}


@pytest.mark.parametrize("prefix, query", [("en/", "I want to kill myself"), ("", "بدي انتحر"), ("", "تعبت من الحياة")])
def test_on_the_shipped_site_a_suicide_phrase_brings_the_suicide_line(shipped, page_factory, prefix, query):
    page = phone(page_factory)
    page.goto(f"{shipped}{prefix}index.html#search")
    page.select_option("select[name=country]", "lb")
    page.fill("input[type=search]", query)
    page.wait_for_function(
        "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"
    )
    now = page.locator("[data-search-now]")
    assert now.is_visible()
    first = now.locator("[data-search-now-list] > li > a").first.get_attribute("href")
    assert first.endswith("#embrace-lifeline")
    assert now.locator("[data-search-now-list] a[href^='tel:']").first.get_attribute("href") == "tel:1564"
    page.select_option("select[name=country]", "")
    page.wait_for_function("() => !document.querySelector('[data-search-now-where]').hidden")
    listed = now.locator("[data-search-now-list] > li > a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert not [h for h in listed if "access-now" in h or "front-line" in h]
    assert now.locator("[data-search-now-countries] a").count() >= 25


def test_lines_indexed_by_country_are_the_lines_read_in_full(tmp_path):
    """The layout reads a topic's lines through TopicLines: for every topic and every country (and
    none, and 'international'), the same lists in the same order as split_lines."""
    dataset, _ = load(generate(400, tmp_path / "data"))
    layout = Layout(dataset, "en")
    codes = [None, "international", *sorted({c for r in dataset.resources for c in r.countries}), "zz"]
    for topic in dataset.topics:
        order = answering(dataset, topic, layout.danger_key(topic))
        lines = TopicLines(order)
        for code in codes:
            assert lines.split(code) == split_lines(order, code), (topic, code)
    assert any(lines.split(code)[0] and lines.split(code)[1] for code in codes)
