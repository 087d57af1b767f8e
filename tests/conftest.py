"""Shared fixtures: fixture data folders, a built fixture site, a local server, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import inspect
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(1, str(ROOT / "bench"))
from search_bench import QuietHandler  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def make_data(root: Path, files: dict[str, str] | None = None, fixtures: bool = True, region: bool = False) -> Path:
    """A data folder: the real kinds.yml, topics.yml and short-codes.yml, the fixture resources, plus `files`.

    region=True also copies the real region list and law files (data/region.yml, data/countries/),
    as built_site() does: every fixture site then has the region's country pages, as the real
    site has. Rule tests leave them out, so their problem lists stay their own."""
    data = root / "data"
    (data / "resources").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "kinds.yml", data / "kinds.yml")
    shutil.copy(ROOT / "data" / "topics.yml", data / "topics.yml")
    shutil.copy(ROOT / "data" / "short-codes.yml", data / "short-codes.yml")
    if region:
        shutil.copy(ROOT / "data" / "region.yml", data / "region.yml")
        shutil.copytree(ROOT / "data" / "countries", data / "countries", dirs_exist_ok=True)
    if fixtures:
        shutil.copytree(FIXTURES / "resources", data / "resources", dirs_exist_ok=True)
    for rel, text in (files or {}).items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


# What builds the site for each ENGINE of the Makefile (docs/maintainers/engines.md): the command, and the
# theme name it needs (WASLA_THEME in mkdocs.yml). make test installs the two extra environments.
ENGINES = {
    "mkdocs": ([sys.executable, "-m", "mkdocs"], "material"),
    "properdocs": ([str(ROOT / ".venv-properdocs" / "bin" / "properdocs")], "material"),
    "materialx": ([str(ROOT / ".venv-materialx" / "bin" / "properdocs")], "materialx"),
}


def build_env(data: Path, theme: str = "material") -> dict[str, str]:
    """The environment of a test build on a data folder: a fixed day, the report settings, the hooks."""
    return {
        **os.environ,
        "WASLA_TODAY": "2026-11-24",
        "WASLA_ISSUES_URL": "https://example.org/wasla/issues/new",
        "WASLA_REPORT_EMAIL": "reports@example.org",
        "WASLA_DATA_DIR": str(data),
        "PYTHONPATH": str(ROOT / "hooks"),
        "NO_MKDOCS_2_WARNING": "1",
        "WASLA_THEME": theme,
    }


def build_site(data: Path, site: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run the real build (strict) on a data folder, as `make build ENGINE=…` does."""
    command, theme = ENGINES[engine]
    env = build_env(data, theme)
    return subprocess.run(
        [*command, "build", "-f", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def built_site(
    root: Path,
    files: dict[str, str] | None = None,
    fixtures: bool = True,
    resources: Path | None = None,
    region: bool = True,
) -> Path:
    """make_data (plus a folder of resources copied in), then a build that must succeed."""
    data = make_data(root, files, fixtures, region)
    if resources:
        shutil.copytree(resources, data / "resources", dirs_exist_ok=True)
    site = root / "site"
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory.mktemp("fixture"))


# The danger view's fixture: the fixture resources (whose answers: say what each answers) plus
# these lines, so that each topic has local, narrowed and international lines, lines open by day,
# by night, around the clock and at unknown hours, and a digital-security desk that must never
# answer a suicidal reader.
DANGER_FILES = {
    "resources/lb/day-line.yml": """\
name: {en: Day Line, ar: خط النهار}
kinds: [hotline]
countries: [lb]
summary: {en: A line open in the daytime., ar: خط مفتوح في النهار.}
contacts:
  - type: phone
    value: "01 123 458"
    opening_hours: "Mo-Su 09:00-17:00"
sources:
  - https://example.org/day
status: active
audience: [youth]
answers:
  - {topic: suicide, source: https://example.org/day/services}
  - {topic: violence, source: https://example.org/day/services}
""",
    "resources/lb/night-chat.yml": """\
name: {en: Night Chat, ar: دردشة الليل}
kinds: [hotline]
countries: [lb]
summary: {en: A chat line open in the evening., ar: خط دردشة مفتوح في المساء.}
contacts:
  - type: whatsapp
    value: "+961 71 123 459"
    opening_hours: "Mo-Su 20:00-23:00"
warnings:
  - text: {en: The number changed in 2025., ar: تغيّر الرقم في عام 2025.}
    date: 2025-06
    source: https://example.org/night/news
sources:
  - https://example.org/night
status: active
answers:
  - {topic: suicide, source: https://example.org/night/services}
""",
    "resources/lb/cyber-desk.yml": """\
name: {en: Cyber Desk, ar: مكتب الأمان}
kinds: [digital_security, hotline]
countries: [lb]
summary: {en: A digital-security helpdesk., ar: مكتب مساعدة للأمان الرقمي.}
contacts:
  - type: phone
    value: "01 123 461"
sources:
  - https://example.org/cyber
status: active
answers:
  - {topic: blackmail, source: https://example.org/cyber/services}
  - {topic: digital, source: https://example.org/cyber/services}
""",
    "resources/tn/tunis-rights.yml": """\
name: {en: Tunis Rights, ar: حقوق تونس}
kinds: [legal_aid]
countries: [tn]
summary: {en: Lawyers in Tunis., ar: محامون في تونس.}
contacts:
  - type: website
    value: https://example.org/tunis
sources:
  - https://example.org/tunis/about
status: active
answers:
  - {topic: arrest, source: https://example.org/tunis/services}
  - {topic: blackmail, source: https://example.org/tunis/services}
""",
    "resources/international/mind-line.yml": """\
name: {en: Mind Line, ar: خط البال}
kinds: [hotline, health]
countries: [international]
summary: {en: An international emotional-support line., ar: خط دولي للدعم النفسي.}
contacts:
  - type: email
    value: talk@example.org
sources:
  - https://example.org/mind
status: active
audience: [adults]
answers:
  - {topic: suicide, source: https://example.org/mind/services}
""",
    "resources/international/shield-desk.yml": """\
name: {en: Shield Desk, ar: مكتب الدرع}
kinds: [digital_security, legal_aid]
countries: [international, lb, tn]
summary: {en: Help with blackmail and hacked accounts in Lebanon and Tunisia., ar: مساعدة في الابتزاز والحسابات المخترقة في لبنان وتونس.}
contacts:
  - type: email
    value: shield@example.org
sources:
  - https://example.org/shield
status: active
answers:
  - {topic: blackmail, source: https://example.org/shield/services}
  - {topic: digital, source: https://example.org/shield/services}
""",
}


@pytest.fixture(scope="session")
def danger_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory.mktemp("danger"), DANGER_FILES)


@pytest.fixture(scope="session")
def danger_server(danger_site):
    """The danger fixture site over http://127.0.0.1 at a sub-path."""
    with serve(danger_site) as url:
        yield url


@contextlib.contextmanager
def serve(site: Path, at: str = "mirror/wasla"):
    """A built site over http://127.0.0.1 at a sub-path (/mirror/wasla/; at="" serves it at the
    root, as a host serves 404.html); yields its address."""
    root = site.parent / "served"
    target = root / at if at else site
    if at and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(site, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(root if at else site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/" + (f"{at}/" if at else "")
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(fixture_site):
    """The fixture site over http://127.0.0.1 at a sub-path (/mirror/wasla/)."""
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run 'apt-get install -y chromium' (.ci/run does)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser):
    """New pages whose every request off the local server/disk is aborted and recorded."""
    contexts = []

    def make(width=360, javascript=True):
        ctx = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
        ctx.blocked = []

        def route(r):
            url = r.request.url
            if url.startswith("http://127.0.0.1:") or url.startswith("file://"):
                return r.continue_()
            ctx.blocked.append(url)
            return r.abort()

        ctx.route("**/*", route)
        contexts.append(ctx)
        page = ctx.new_page()
        page.blocked = ctx.blocked
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def switch_language(page, lang: str | None = None) -> None:
    """Open the language menu and follow its link to this page in `lang` (by default the other of
    Arabic and English), as a reader does."""
    if lang is None:
        lang = "en" if page.locator("html").get_attribute("lang") == "ar" else "ar"
    page.click(".wasla-langs summary")
    page.click(f".wasla-langs a[hreflang={lang}]")


# --- skips: always said, never silent in CI -------------------------------------
SAFETY_FILES = {"test_safety.py", "test_offline_edition.py"}  # every test in these is marked `safety`


def pytest_configure(config):
    if "s" not in config.option.reportchars and "a" not in config.option.reportchars.lower():
        config.option.reportchars += "s"  # say why each test skipped, even under -q


BROWSER_FIXTURES = {"browser", "page_factory", "server"}
BROWSER_WORDS = ("page_factory", "sync_playwright", "chromium", "firefox", "w3m")
BUILD_WORDS = ("built_site(", "build_site(", "fixture_site", "subprocess", "mkdocs", '"make"', "MAKE")


def _source(fn) -> str:
    try:
        return inspect.getsource(fn)
    except (OSError, TypeError):
        return ""


def _sources(fn, depth: int = 2) -> list[str]:
    """A function's source and, ``depth`` calls deep, that of the functions of its module it calls."""
    out, todo, seen = [], [(fn, 0)], set()
    while todo:
        f, level = todo.pop()
        if f in seen or not callable(f):
            continue
        seen.add(f)
        out.append(_source(f))
        code, module = getattr(f, "__code__", None), inspect.getmodule(f)
        if code is None or module is None or level >= depth:
            continue
        for name in code.co_names:
            called = getattr(module, name, None)
            if inspect.isfunction(called) and called.__module__ == module.__name__:
                todo.append((called, level + 1))
    return out


def kind_of_test(item) -> str:
    """'browser' when a test (or a fixture it uses, or a helper they call) drives a browser, 'build'
    when it builds a site or runs a command, else 'unit'."""
    sources = _sources(getattr(item, "function", None))
    for name in item.fixturenames:
        for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
            sources += _sources(fixturedef.func)
    text = "\n".join(sources)
    if BROWSER_FIXTURES & set(item.fixturenames) or any(w in text for w in BROWSER_WORDS):
        return "browser"
    if any(w in text for w in BUILD_WORDS):
        return "build"
    return "unit"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in SAFETY_FILES:
            item.add_marker(pytest.mark.safety)
        if not any(item.get_closest_marker(kind) for kind in ("unit", "build", "browser")):
            item.add_marker(getattr(pytest.mark, kind_of_test(item)))


_skipped: list[tuple[str, bool]] = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append((report.nodeid, "safety" in report.keywords))


def skip_failures(skipped: list[tuple[str, bool]], ci: bool) -> list[str]:
    """The skips that fail the run: any skip in CI (CI=true), a safety test's skip anywhere."""
    return [
        f"{nodeid}: {'a safety test' if safety else 'a test'} was skipped"
        + ("" if safety else " in CI; CI must run every test (install what it needs: .ci/packages)")
        for nodeid, safety in skipped
        if safety or ci
    ]


def pytest_sessionfinish(session, exitstatus):
    if skip_failures(_skipped, os.environ.get("CI") == "true"):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    bad = skip_failures(_skipped, os.environ.get("CI") == "true")
    if bad:
        terminalreporter.section("skips that fail this run", sep="=", red=True)
        for line in bad:
            terminalreporter.write_line(line)
