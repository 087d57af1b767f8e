"""Reader safety, checked on the built fixture site and in Chromium with the network cut off."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, make_data, switch_language
from wasla.output.privacy_scan import scan

FALSE_PROMISES = [
    "erases your history",
    "erase your history",
    "deletes your history",
    "no trace",
    "without a trace",
    "100% safe",
    "completely safe",
    "totally anonymous",
    "completely anonymous",
    "untraceable",
    "يمسح سجل",
    "يحذف سجل",
    "بدون أثر",
    "دون أثر",
    "لا يترك أثر",
    "آمن تماماً",
    "آمن 100",
    "مجهول تماماً",
]
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'"


def pages(site):
    return sorted(site.rglob("*.html"))


from wasla.rules.slugs import outing_term  # noqa: E402  (one term list for the rulebook and the tests)

# -- on the built files ------------------------------------------------------------------


def test_csp_and_referrer_meta_come_first(fixture_site):
    for page in pages(fixture_site):
        if page.name == "neutral.html":
            continue
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert metas == [CSP], page
        first_script_or_style = min(
            i for i in (head.find("<script"), head.find("<style"), head.find('<link rel="stylesheet"')) if i >= 0
        )
        assert head.index("Content-Security-Policy") < first_script_or_style, page
        assert '<meta name="referrer" content="no-referrer">' in head, page
        for bad in ("'unsafe-inline'", "'unsafe-eval'", "http:", "https:"):
            assert bad not in metas[0]


class _Attrs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.extend(f"{tag} {k}" for k, _ in attrs if k.startswith("on") or k == "style")


def inline_handlers(html):
    """on* event attributes and style attributes: inline code the CSP would refuse."""
    parser = _Attrs()
    parser.feed(html)
    return parser.found


def test_no_inline_scripts_or_handlers(fixture_site):
    for page in pages(fixture_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
        assert inline_handlers(html) == [], page


def test_build_time_scan_finds_nothing_and_catches_a_cdn(fixture_site, tmp_path):
    assert scan(fixture_site) == []
    bad = tmp_path / "site"
    bad.mkdir()
    (bad / "a.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css">\n<img src="//t.example/p.gif"><a href="https://ok.example/">ok</a>'
    )
    (bad / "b.css").write_text("@import 'https://fonts.example/f.css'; .x{background:url(data:image/png;base64,AA)}")
    (bad / "c.js").write_text("fetch('https://api.example/x')")
    assert scan(bad) == [
        "a.html:1: <link rel=stylesheet> loads from another host: https://cdn.example/x.css",
        "a.html:2: <img src> loads from another host: //t.example/p.gif",
        "b.css: CSS loads from another host: https://fonts.example/f.css",
        "c.js: script refers to another host: https://api.example/x",
    ]


def test_the_scan_reads_a_url_as_a_browser_does(tmp_path):
    """Browsers drop tabs and line breaks in a URL, read a backslash as a slash, and read
    "https:host" as absolute from a file:// page: each is another host. Every candidate of a
    srcset, an SVG <use> or <image>, and a meta refresh load or go somewhere too."""
    (tmp_path / "a.html").write_text(
        '<img src="\\\\t.example/a.gif"><img src="/\\t.example/b.gif"><img src="/\t/t.example/c.gif">\n'
        '<script src="https:t.example/d.js"></script><img src="&#47;&#47;t.example/e.gif">'
        '<img src="images/ok.gif"><img src="/ok/f.gif">\n'
        '<img srcset="ok.png 1x, https://t.example/h.png 2x"><svg><use href="//t.example/i.svg#a"></use>'
        '<image xlink:href="https://t.example/j.png"/></svg>\n'
        '<meta http-equiv="Refresh" content="0; URL=\'https://t.example/k\'"><meta http-equiv="refresh" content="5">'
        '<div STYLE="background: url(//t.example/l.png)">x</div><IMG SRC="https://t.example/m.png">'
    )
    (tmp_path / "b.css").write_text(".x{background:url('\\\\t.example/g.png')}")
    assert scan(tmp_path) == [
        "a.html:1: <img src> loads from another host: \\\\t.example/a.gif",
        "a.html:1: <img src> loads from another host: /\\t.example/b.gif",
        "a.html:1: <img src> loads from another host: /\t/t.example/c.gif",
        "a.html:2: <script src> loads from another host: https:t.example/d.js",
        "a.html:2: <img src> loads from another host: //t.example/e.gif",
        "a.html:3: <img srcset> loads from another host: https://t.example/h.png",
        "a.html:3: <use href> loads from another host: //t.example/i.svg#a",
        "a.html:3: <image xlink:href> loads from another host: https://t.example/j.png",
        "a.html:4: <meta refresh> loads from another host: https://t.example/k",
        "a.html:4: style url() loads from another host: //t.example/l.png",
        "a.html:4: <img src> loads from another host: https://t.example/m.png",
        "b.css: CSS loads from another host: \\\\t.example/g.png",
    ]


def test_the_scan_reads_every_language_folder(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.html").write_text('<script src="https://cdn.example/x.js"></script>')
    assert scan(tmp_path) == ["en/a.html:1: <script src> loads from another host: https://cdn.example/x.js"]


def test_no_theme_javascript_or_source_maps_shipped(fixture_site):
    shipped = sorted(p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*.js"))
    ours = [p for p in shipped if not re.match(r"([a-z]{2}/)?search/[0-9a-f]{10}/", p)]  # the search index
    assert ours == ["assets/javascripts/danger.js", "assets/javascripts/search.js", "assets/javascripts/wasla.js"]
    assert not list(fixture_site.rglob("*.map"))


def test_the_theme_s_unused_scripts_are_never_copied():
    import trim  # hooks/trim.py: its on_files leaves them out of every language build's files

    theme = [
        "assets/javascripts/bundle.f55a23d4.min.js",
        "assets/javascripts/bundle.f55a23d4.min.js.map",
        "assets/javascripts/lunr/min/lunr.ar.min.js",
        "assets/javascripts/workers/search.f8cc74c7.min.js",
        "assets/stylesheets/main.342714a4.min.css.map",
    ]
    ours = ["assets/javascripts/wasla.js", "assets/javascripts/search.js", "assets/stylesheets/base.css"]
    assert [trim.unused(p) for p in theme + ours] == [True] * len(theme) + [False] * len(ours)


def test_neutral_traces(fixture_site):
    """Titles, site name, URLs and file names carry no word that outs the reader."""
    for page in pages(fixture_site):
        rel = page.relative_to(fixture_site).as_posix()
        assert outing_term(rel.replace("-", " ").replace("_", " ").replace("/", " ")) is None, rel
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert outing_term(title) is None, (rel, title)
        for m in re.finditer(
            r'<meta[^>]+(?:name|property)="(?:application-name|apple-mobile-web-app-title|og:title|og:site_name)"[^>]*content="([^"]*)"',
            html,
        ):
            assert outing_term(m.group(1)) is None, rel
        for m in re.finditer(
            r'href="(?!https?:)([^"]+\.html)(?:#([^"]*))?"', html
        ):  # the site's own pages (sources are external)
            assert outing_term(m.group(1).replace("-", " ").replace("/", " ")) is None, (rel, m.group(0))
            if m.group(2):
                assert outing_term(m.group(2).replace("-", " ")) is None, (rel, m.group(0))


def test_shipped_slugs_are_neutral():
    for path in (ROOT / "data" / "resources").rglob("*.yml"):
        assert outing_term(path.stem.replace("-", " ")) is None, path


def plain_text(path):
    """Markdown as a reader sees it: no emphasis marks, one space between words, lower case."""
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8").replace("*", "")).lower()


NEGATION = re.compile(r"(?:\bnot|n't|\bnever|لا|لن|ليس)\s*$")


def test_safety_pages_make_no_false_promise():
    for path in sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "hooks" / "wasla" / "strings").glob("*.yml")):
        text = plain_text(path)
        for promise in FALSE_PROMISES:
            for m in re.finditer(re.escape(promise.lower()), text):
                before = text[max(0, m.start() - 12) : m.start()]
                assert NEGATION.search(before), (
                    f"{path.name}: false promise {promise!r}: …{text[m.start() - 40 : m.end() + 20]}…"
                )


def test_the_false_promise_check_catches_one(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("The exit button erases your history. زر الخروج يمسح سجل التصفح.")
    text = plain_text(bad)
    assert "erases your history" in text and "يمسح سجل" in text
    assert not NEGATION.search(text[: text.index("erases your history")])


def test_safety_page_covers_the_guidance():
    en = plain_text(ROOT / "docs" / "safety.en.md")
    ar = plain_text(ROOT / "docs" / "safety.ar.md")
    for topic in (
        "does not delete your browsing history",
        "private",
        "history",
        "call log",
        "phone bill",
        "checkpoints",
        "spyware",
        "tor",
        "vpn",
        "neutral names",
    ):
        assert topic in en, topic
    for topic in (
        "لا يحذف سجل التصفح",
        "تصفح خاص",
        "سجل المكالمات",
        "فاتورة الهاتف",
        "الحواجز",
        "برامج التجسس",
        "tor",
        "vpn",
        "بأسماء عادية",
    ):
        assert topic in ar, topic


def test_phone_contacts_link_to_the_guidance(fixture_site):
    html = (fixture_site / "countries/lb.html").read_text(encoding="utf-8")
    card = html[html.index('id="test-hotline"') :]
    card = card[: card.index("</article>")]
    # every contact says what it leaves behind, linked to its section of the safety page
    assert card.count('class="wasla-contact__trace"') == 6
    assert '<a href="../safety.html#trace-phone">كيف تحمي نفسك</a>' in card
    assert "تبقى المكالمة في سجل المكالمات في هاتفك وفي فاتورة الهاتف." in card


# -- in the browser -------------------------------------------------------------------


# The danger view has a page per topic and country, all from one template: the crawl visits those
# of a country with lines (lb) and of one without (om); the build's privacy scan reads every file.
DANGER_PAGE = re.compile(r"(?:^|/)danger/[a-z]+-(?!lb\.html|om\.html)[a-z]+\.html$")


def all_pages(site):
    return [
        rel
        for rel in (p.relative_to(site).as_posix() for p in pages(site) if p.name not in ("404.html", "neutral.html"))
        if not DANGER_PAGE.search(rel)
    ]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("javascript", [True, False])
def test_crawl_makes_no_third_party_request_and_no_csp_violation(server, fixture_site, page_factory, width, javascript):
    page = page_factory(width=width, javascript=javascript)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    for rel in all_pages(fixture_site):
        page.goto(server + rel)
        assert page.locator("a.wasla-exit").is_visible()
    page.goto(server + "countries/lb.html")
    switch_language(page)
    page.wait_for_load_state()
    if width < 1220:  # the menu (a CSS checkbox in Material) opens without script
        page.click("label.wasla-menu")
        assert page.locator(".md-sidebar--primary a.md-nav__link", has_text="Stay safe").first.is_visible()
    assert page.blocked == []
    assert errors == []


@pytest.mark.parametrize("javascript", [True, False])
def test_no_csp_violation_from_disk(fixture_site, page_factory, javascript):
    page = page_factory(width=375, javascript=javascript)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    for rel in ("index.html", "countries/lb.html", "en/countries/lb.html", "en/safety.html"):
        page.goto((fixture_site / rel).as_uri())
    assert errors == [] and page.blocked == []


def test_nothing_is_stored(server, page_factory):
    page = page_factory(width=375)
    for rel in ("index.html", "countries/lb.html", "en/countries/lb.html", "en/kinds/hotline.html", "safety.html"):
        page.goto(server + rel)
        page.keyboard.press("Shift")
    state = page.evaluate("""async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        caches: (await caches.keys()).length,
        workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    })""")
    assert state == {"cookie": "", "local": 0, "session": 0, "idb": 0, "caches": 0, "workers": 0}
    assert page.context.cookies() == []
    assert "?" not in page.url


@pytest.mark.parametrize(
    "width, rel",
    [(320, "countries/lb.html"), (320, "en/countries/lb.html"), (1280, "countries/lb.html"), (1280, "en/index.html")],
)
def test_exit_is_reachable_large_and_uncovered(server, page_factory, width, rel):
    page = page_factory(width=width)
    page.goto(server + rel)
    reached = []
    for _ in range(2):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className"))
    assert any("wasla-exit" in c for c in reached), reached
    exit_link = page.locator("a.wasla-exit")
    box = exit_link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    top = page.evaluate(
        f"document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2}).closest('a.wasla-exit') !== null"
    )
    assert top
    assert exit_link.get_attribute("target") is None
    assert "noreferrer" in exit_link.get_attribute("rel")


def test_exit_click_from_disk_replaces_the_page(fixture_site, page_factory):
    page = page_factory(width=375)
    page.goto((fixture_site / "index.html").as_uri())
    page.goto((fixture_site / "countries/lb.html").as_uri())
    page.click("a.wasla-exit")
    page.wait_for_url("**/assets/neutral.html")
    page.go_back()
    assert page.url.endswith("/index.html"), "Back must not return to the page that was left"


def test_shift_three_times_exits_with_announcements(fixture_site, page_factory):
    page = page_factory(width=375)
    page.goto((fixture_site / "index.html").as_uri())
    page.goto((fixture_site / "countries/lb.html").as_uri())
    live = page.locator("[data-wasla-announce]")
    page.keyboard.press("Shift")
    assert live.text_content() == "ضغطت على Shift مرة. اضغط مرتين أخريين لمغادرة الموقع."
    page.keyboard.press("Shift")
    assert live.text_content() == "ضغطت على Shift مرتين. اضغط مرة أخرى لمغادرة الموقع."
    page.keyboard.press("Shift")
    page.wait_for_url("**/assets/neutral.html")
    page.go_back()
    assert page.url.endswith("/index.html")


def test_other_keys_and_slow_presses_do_not_exit(fixture_site, page_factory):
    page = page_factory(width=375)
    page.goto((fixture_site / "en/countries/lb.html").as_uri())
    live = page.locator("[data-wasla-announce]")
    page.keyboard.press("Shift")
    assert live.text_content() == "Shift pressed once. Press Shift twice more to leave this site."
    for key in ("Shift", "a", "Shift", "Escape", "Shift", "x", "Escape", "Escape", "Escape", "q"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/countries/lb.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(5200)  # the count resets after 5 s
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/countries/lb.html")


def test_exit_over_http_goes_to_the_configured_page(server, page_factory):
    page = page_factory(width=375)
    page.goto(server + "countries/lb.html")
    with page.expect_request(lambda r: r.url.startswith("https://www.accuweather.com/")) as request:
        page.click("a.wasla-exit")
    assert request.value.is_navigation_request()


def test_without_javascript_everything_is_readable(server, page_factory):
    page = page_factory(width=375, javascript=False)
    page.goto(server + "countries/lb.html")
    card = page.locator("#test-hotline")
    assert card.locator("h3").is_visible()
    assert card.locator('a[href^="tel:"]').first.is_visible()
    for link in page.locator("a:visible, button:visible").all():
        assert link.inner_text().strip() or link.get_attribute("aria-label"), link.evaluate("e => e.outerHTML")


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("rel", ["countries/lb.html", "en/index.html"])
def test_every_control_has_visible_text_with_svg_off(server, browser, width, rel):
    """Tor Browser "Safest": no script, no SVG. (Script stays on here only to measure the page.)
    Material's .md-overlay is a click-catcher behind the open menu, not a control."""
    ctx = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = ctx.new_page()
    page.goto(server + rel)
    page.add_style_tag(content="svg { display: none !important; }")
    empty = page.evaluate("""() => [...document.querySelectorAll('a, button, label:not(.md-overlay), input, summary, select')]
        .filter(e => e.checkVisibility({opacityProperty: true}) && e.getBoundingClientRect().width > 0 && !e.innerText.trim()
                    && ![...(e.labels || [])].some(l => l.checkVisibility() && l.innerText.trim()))
        .map(e => e.outerHTML.slice(0, 120))""")
    ctx.close()
    assert empty == []


def test_a_preview_scans_a_file_again_only_when_its_bytes_change(tmp_path, monkeypatch):
    """Under make serve (remember=True) each file's problems are kept under its bytes: an unchanged
    file is not parsed again, a file rewritten with another host is found at once."""
    from wasla.output import privacy_scan

    (tmp_path / "a.html").write_text('<img src="ok.png">')
    parsed = []
    real = privacy_scan.file_problems
    monkeypatch.setattr(privacy_scan, "file_problems", lambda *args: parsed.append(args[0]) or real(*args))
    assert scan(tmp_path, remember=True) == [] and scan(tmp_path, remember=True) == []
    assert parsed == ["a.html"]
    (tmp_path / "a.html").write_text('<img src="//t.example/p.gif">')
    assert scan(tmp_path, remember=True) == ["a.html:1: <img src> loads from another host: //t.example/p.gif"]
    assert (
        scan(tmp_path, remember=True)
        == scan(tmp_path)
        == ["a.html:1: <img src> loads from another host: //t.example/p.gif"]
    )
    assert parsed == ["a.html", "a.html", "a.html"]  # the second remembered, the last not asked to


def test_a_build_whose_pages_load_from_another_host_fails(tmp_path):
    """The scan runs once the whole site is written (every language, the final stylesheets) and
    fails the build, naming each file and line."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - hooks/", f"  - {ROOT / 'hooks'}/")
    config = re.sub(r"\nwatch:.*?\n(?=\S)", "\n", config, flags=re.S)
    config = config.replace("favicon: assets/images/favicon.svg", "favicon: https://cdn.example/f.svg")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    data = make_data(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        env={**os.environ, "WASLA_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    found = [line for line in result.stderr.splitlines() if "loads from another host" in line]
    assert found[0] == "404.html:23: <link rel=icon> loads from another host: https://cdn.example/f.svg"
    assert "en/countries/lb.html:11: <link rel=icon> loads from another host: https://cdn.example/f.svg" in found
    assert {line.split("/")[0] for line in found if "/" in line.split(":")[0]} >= {"en", "fa", "tr", "fr"}
    assert (
        f"{len(found)} third-party resource(s) in the site: readers must make no request to another host"
        in result.stderr
    )
