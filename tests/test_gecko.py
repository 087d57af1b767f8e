"""The fixture site in Gecko (Debian's firefox-esr, driven over WebDriver BiDi: tests/gecko.py),
as readers on Tor Browser get it: at "Safest" (no JavaScript, no SVG, no downloaded fonts) and
with JavaScript on, at 360 × 740, in every language the site ships: Arabic and Persian (right to
left), English, Turkish and French (left to right).

Every test also holds the whole browser to two rules: no request leaves this machine (a page's
requests and the browser's own, through the proxy that records them), and no
Content-Security-Policy violation reaches the console."""

import re

import pytest

from conftest import FIXTURES, built_site, serve
from gecko import SAFEST, Gecko
from wasla.core.languages import codes, direction, language_prefix
from wasla.core.strings import strings

pytestmark = pytest.mark.browser

LANGS = [pytest.param(lang, language_prefix(lang), id=lang) for lang in codes()]
# every page type: (path, a link or anchor the page must hold, its h1 in each language)
PAGES = [
    pytest.param(
        "index.html",
        'a[href$="danger/suicide.html"]',  # the topic choice of the danger block
        {
            "ar": "خطوط المساعدة والدعم القانوني والمساحات الآمنة في المنطقة العربية",
            "en": "Hotlines, legal aid and safe spaces in the Arabic-speaking region",
            "fa": "خط‌های کمک، کمک حقوقی و فضاهای امن در منطقه عرب‌زبان",
            "tr": "Arapça konuşulan bölgede yardım hatları, hukuki destek ve güvenli alanlar",
            "fr": "Lignes d'écoute, aide juridique et espaces sûrs dans la région arabophone",
        },
        id="index.html",
    ),
    pytest.param(
        "countries/lb.html",
        'a[href="tel:+9611123456"]',
        {"ar": "لبنان", "en": "Lebanon", "fa": "لبنان", "tr": "Lübnan", "fr": "Liban"},
        id="countries/lb.html",
    ),
    pytest.param(
        "kinds/hotline.html",
        'a[href="tel:+9611123456"]',
        {"ar": "خطوط المساعدة", "en": "Hotlines", "fa": "خط‌های کمک", "tr": "Yardım hatları", "fr": "Lignes d'écoute"},
        id="kinds/hotline.html",
    ),
    pytest.param(
        "safety.html",
        "#channels",
        {
            "ar": "كيف تحمي نفسك",
            "en": "How to stay safe",
            "fa": "چگونه در امان بمانید",
            "tr": "Nasıl güvende kalırsınız",
            "fr": "Comment vous protéger",
        },
        id="safety.html",
    ),
    pytest.param(
        "about.html",
        "footer a[href$='safety.html']",
        {"ar": "عن وصلة", "en": "About Wasla", "fa": "درباره Wasla", "tr": "Wasla hakkında", "fr": "À propos de Wasla"},
        id="about.html",
    ),
    pytest.param(
        "contribute.html",
        "#report",
        {"ar": "ساهم", "en": "Contribute", "fa": "مشارکت", "tr": "Katkıda bulunun", "fr": "Contribuer"},
        id="contribute.html",
    ),
    pytest.param(
        "open-data.html",
        'a[href$="data/resources.csv"]',
        {
            "ar": "البيانات المفتوحة",
            "en": "Open data",
            "fa": "داده‌های باز",
            "tr": "Açık veri",
            "fr": "Données ouvertes",
        },
        id="open-data.html",
    ),
]
READ = """(key) => ({
    ready: document.readyState, lang: document.documentElement.lang, dir: getComputedStyle(document.body).direction,
    h1: document.querySelector('h1') ? document.querySelector('h1').textContent.trim() : null,
    main: document.querySelector('article.md-content__inner').innerText.trim().length,
    key: !!document.querySelector(key),
    footer: document.querySelector('.md-footer') ? document.querySelector('.md-footer').innerText : '',
    width: document.documentElement.scrollWidth,
})"""


def test_no_page_asks_for_a_prefetch(fixture_site):
    """Firefox prefetches rel=next, which the page's CSP refuses; a DNS prefetch of the links' hosts
    would tell the network which organisations a page lists before any tap."""
    pages = [p for p in fixture_site.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 60  # every page type, every country, every language
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert (
            re.findall(r'<link[^>]*rel="(?:next|prev|prefetch|preload|prerender|preconnect|dns-prefetch)"', head) == []
        )
        assert '<meta http-equiv="x-dns-prefetch-control" content="off">' in head, page


@pytest.fixture(scope="module", params=["safest", "javascript"])
def gecko(request):
    """One Firefox per profile for the whole module: Tor Browser's Safest, then JavaScript on."""
    with Gecko(SAFEST if request.param == "safest" else {}) as g:
        yield g
        assert g.foreign_requests() == []  # nor after the last visit (each visit checks its own)


def visit(g: Gecko, url: str):
    g.goto(url)
    g.pump(0.3)  # a prefetch, a late console message


def clean(g: Gecko):
    """The rules every visit keeps; cleared for the next one."""
    found = (g.foreign_requests(), g.csp_violations(), [e["text"] for e in g.console if e["level"] == "error"])
    g.requests.clear()
    g.console.clear()
    g.catcher.caught.clear()
    assert found == ([], [], [])


@pytest.mark.parametrize("path, key, h1", PAGES)
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_every_page_type_is_complete_and_readable(server, gecko, lang, prefix, path, key, h1):
    visit(gecko, server + prefix + path)
    page = gecko.js(READ, key)
    assert page["ready"] == "complete"
    assert (page["lang"], page["dir"]) == (lang, direction(lang))
    assert page["h1"] == h1[lang]
    assert page["main"] > 20 and page["key"], page
    assert strings(lang)["data_as_of"].split("{")[0] in page["footer"]
    assert page["width"] == 360  # nothing wider than a phone
    clean(gecko)


@pytest.fixture(scope="module")
def root_server(fixture_site):
    """The fixture site at a host's root, where 404.html is served (its links start with "/")."""
    with serve(fixture_site, at="") as url:
        yield url


def test_the_404_page_is_readable(root_server, gecko):
    visit(gecko, root_server + "404.html")
    page = gecko.js(READ, "a.wasla-exit")
    assert (page["lang"], page["dir"], page["h1"], page["key"]) == ("ar", "rtl", "404 - Not found", True)
    clean(gecko)


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_whole_region_is_on_the_first_screen(server, gecko, lang, prefix):
    """Every region country and International inside 360 × 740, in Gecko's own font metrics
    (its bold Arabic is wider than Chromium's); the bar on one row, the heading on two lines."""
    visit(gecko, server + prefix + "index.html")
    screen = gecko.js("""() => {
        const bottom = e => e.getBoundingClientRect().bottom;
        const h1 = document.querySelector('h1'), line = parseFloat(getComputedStyle(h1).lineHeight);
        const bar = [...document.querySelectorAll('.wasla-bar > a, .wasla-bar > label')].filter(e => e.offsetWidth);
        return {
            countries: [...document.querySelectorAll('#by-country + ul a')].map(bottom),
            danger: bottom(document.querySelector('a.wasla-danger-link')),
            barRows: new Set(bar.map(e => Math.round(e.getBoundingClientRect().top))).size,
            h1Lines: Math.round(h1.getBoundingClientRect().height / line),
        };
    }""")
    assert len(screen["countries"]) == 26 and max(screen["countries"]) <= 740, screen
    assert screen["danger"] <= 740
    assert (screen["barRows"], screen["h1Lines"]) == (1, 2)
    clean(gecko)


@pytest.mark.parametrize(
    "path, order",
    [
        ("index.html", ["md-skip", "wasla-exit", "summary"]),  # the theme's skip link, Exit, the language menu
        ("countries/lb.html", ["wasla-exit", "summary", "wasla-find"]),
    ],
)
@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_exit_link_comes_first_or_second(server, gecko, lang, prefix, path, order):
    visit(gecko, server + prefix + path)
    assert gecko.tab_order(3) == order
    clean(gecko)


DRAWER = """() => {
    const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
    const links = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')].map(a => {
        const b = a.getBoundingClientRect();
        return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('a') === a;
    });
    return {checked: document.getElementById('__drawer').checked, start: Math.round(r.left), end: Math.round(r.right), links};
}"""


@pytest.mark.parametrize("lang", ["fa", "en"])  # it depends on the direction alone
def test_the_menu_opens_the_drawer_without_script(server, gecko, lang):
    """The bar's Menu is a label for the theme's drawer checkbox (out of a text browser's sight,
    and still there for a browser): a tap slides the list of pages in from the side the text
    starts on, every link in it on top; a tap beside the drawer closes it."""
    visit(gecko, server + language_prefix(lang) + "countries/lb.html")
    rtl = direction(lang) == "rtl"
    closed = gecko.js(DRAWER)
    assert closed["checked"] is False and (closed["start"] >= 360 if rtl else closed["end"] <= 0), closed
    gecko.click("label.wasla-menu")
    opened = gecko.wait_for(f"() => ({DRAWER})().{'end === 360' if rtl else 'start === 0'} && ({DRAWER})()")
    assert opened["checked"] and len(opened["links"]) == 5 and all(opened["links"]), opened
    gecko.click_at(20 if rtl else 340, 600)  # the overlay beside the drawer
    shut = gecko.wait_for(f"() => ({DRAWER})().{'start >= 360' if rtl else 'end <= 0'} && ({DRAWER})()")
    assert shut["checked"] is False
    clean(gecko)


LONG_ADDRESSES = """name: {en: Long Addresses, ar: عناوين طويلة}
kinds: [information]
summary: {en: Three long web addresses., ar: ثلاثة عناوين طويلة.}
contacts:
  - type: website
    value: https://help.unhcr.org/lebanon/
  - type: website
    value: https://www.accessnow.org/help/
  - type: website
    value: https://www.rainbowrailroad.org/
sources:
  - https://example.org/long
status: active
"""


@pytest.fixture(scope="module")
def long_server(tmp_path_factory):
    site = built_site(tmp_path_factory.mktemp("gecko-long"), {"resources/lb/long-addresses.yml": LONG_ADDRESSES})
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_a_long_website_button_stays_on_one_line(long_server, gecko, lang, prefix):
    """Addresses of 25 to 30 characters, as the shipped data has, on a 360 px card: one line each."""
    visit(gecko, long_server + prefix + "countries/lb.html")
    buttons = gecko.js("""() => [...document.querySelectorAll('#long-addresses a.wasla-contact__link')]
        .map(a => [a.querySelector('bdi').textContent, Math.round(a.getBoundingClientRect().height)])""")
    assert buttons == [
        ["help.unhcr.org/lebanon/", 44],
        ["www.accessnow.org/help/", 44],
        ["www.rainbowrailroad.org", 44],
    ]
    clean(gecko)


def test_nothing_is_stored(server, gecko):
    """After a visit to every page type in Arabic and English (what is stored does not depend on
    the language): no cookie, no web storage, no IndexedDB."""
    for prefix in ("", "en/"):
        for path, *_ in (p.values for p in PAGES):
            visit(gecko, server + prefix + path)
            state = gecko.js("() => [document.cookie, localStorage.length, sessionStorage.length]")
            assert state == ["", 0, 0], path
    assert gecko.cookies() == []
    # an origin's IndexedDB, localStorage and cache would be folders under storage/default
    origins = gecko.profile / "storage" / "default"
    assert not origins.exists() or [p.name for p in origins.iterdir()] == []
    clean(gecko)


# -- with JavaScript on only ------------------------------------------------------------------


@pytest.fixture(scope="module")
def scripted():
    with Gecko() as g:
        yield g
        assert g.foreign_requests() == []


FOUND = """() => {
    const list = document.querySelector('[data-search-results]');
    return list.getAttribute('aria-busy') === 'false'
        && [...list.querySelectorAll(':scope > li > a')].map(a => a.getAttribute('href'));
}"""


@pytest.mark.parametrize(
    "lang, query",
    [
        ("ar", "بيروت"),
        ("en", "Beirut"),
        ("fa", "بیروت"),  # Beirut as Persian writes it (ی, not the Arabic ي of the fixture's city)
        ("tr", "Beirut"),  # the fixture has no Turkish or French name: the English one, shown
        ("fr", "Beirut"),  # in every language without its own (and marked)
    ],
)
def test_search_finds_beirut(server, scripted, lang, query):
    visit(scripted, server + language_prefix(lang) + "index.html")
    scripted.type("input[type=search]", query)
    found = scripted.wait_for(FOUND)
    assert found and all(href.startswith("countries/lb.html#") for href in found), found
    state = scripted.js(
        """async () => [document.cookie, localStorage.length, sessionStorage.length,
        (await indexedDB.databases()).length, location.search]""",
        promise=True,
    )
    assert state == ["", 0, 0, 0, ""]  # nothing stored, the query not in the address
    clean(scripted)


CLEAR = """() => {
    const button = document.querySelector('[data-search-clear]'), box = document.querySelector('input[type=search]');
    const b = button.getBoundingClientRect(), x = box.getBoundingClientRect();
    return {
        hidden: button.hidden, name: button.getAttribute('aria-label'),
        atEnd: Math.round(getComputedStyle(box).direction === 'rtl' ? b.left - x.left : x.right - b.right),
        size: [Math.round(b.width), Math.round(b.height)],
        value: box.value, focused: document.activeElement === box,
        results: document.querySelectorAll('[data-search-results] > li').length,
    };
}"""


@pytest.mark.parametrize("lang, query", [("fa", "بیروت"), ("en", "Beirut")])
def test_the_clear_button_empties_the_box_and_the_results(server, scripted, lang, query):
    """Firefox draws no clear button in a search box: the form's own, at the box's end in either
    direction, empties the box and the results and puts the reader back in the box."""
    visit(scripted, server + language_prefix(lang) + "index.html")
    assert scripted.js(CLEAR)["hidden"] is True
    scripted.type("input[type=search]", query)
    assert scripted.wait_for(FOUND)
    shown = scripted.js(CLEAR)
    assert (shown["hidden"], shown["name"], shown["atEnd"], shown["size"]) == (
        False,
        strings(lang)["search_clear"],
        0,
        [44, 44],
    )
    scripted.click("[data-search-clear]")
    scripted.wait_for("() => !document.querySelector('input[type=search]').value")
    cleared = scripted.js(CLEAR)
    assert {k: cleared[k] for k in ("hidden", "value", "focused", "results")} == {
        "hidden": True,
        "value": "",
        "focused": True,
        "results": 0,
    }
    clean(scripted)


@pytest.fixture(scope="module")
def hours_server(tmp_path_factory):
    site = built_site(tmp_path_factory.mktemp("gecko-hours"), resources=FIXTURES / "hours")
    with serve(site) as url:
        yield url


FIXED_CLOCK = """() => {
    const fixed = new Date('AT').getTime(), RealDate = Date;
    globalThis.Date = class extends RealDate {
        constructor(...a) { super(...(a.length ? a : [fixed])); }
        static now() { return fixed; }
    };
}"""


@pytest.mark.parametrize(
    "at, status",
    [
        ("2026-11-25T08:00:00Z", ["Open now · closes 12:00", "Closed now · opens 20:00"]),  # Beirut's morning shift
        ("2027-06-01T08:00:00Z", []),  # long after the build: the window is over, no claim either way
    ],
)
def test_open_now_says_nothing_outside_its_window(hours_server, scripted, at, status):
    """wasla.js reads the clock on the reader's device; Gecko's time zones and Intl are its own."""
    script = scripted.send("script.addPreloadScript", {"functionDeclaration": FIXED_CLOCK.replace("AT", at)})["script"]
    try:
        visit(scripted, hours_server + "en/countries/lb.html")
        shown = scripted.js("""() => [...document.querySelectorAll('#test-hours-beirut [data-wasla-hours-status]')]
            .filter(s => !s.hidden).map(s => s.textContent.trim())""")
    finally:
        scripted.send("script.removePreloadScript", {"script": script})
    assert shown == status
    clean(scripted)
