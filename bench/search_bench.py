"""Search benchmark: what a reader downloads and waits for, Wasla's search next to vanilla Material's.

    python bench/search_bench.py DATA_DIR SITE_DIR [--vanilla]   (make bench runs it for 1,000 and 10,000)

For a built site: bytes of search data on a first page view (before the box is focused), bytes
from focus to the first results of each typical query (gzip, as a compressing host sends them;
raw in brackets), and milliseconds from the last keystroke to results on screen in headless
Chromium, on a fresh page (cold) and again on the same page (warm). With --vanilla, the same
data is built with Material's own search (its search plugin and JavaScript, our pages and data)
and measured the same way. Also the time the index build adds to the site build.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))
from builds import read_config, site_languages  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUSY_DONE = "() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request (the tests use it too)."""

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on before the response finished


def serve(site: Path) -> str:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


def size(site: Path, url: str) -> tuple[int, int]:
    """(raw, gzip) bytes of the file behind a local URL."""
    path = site / unquote(urlparse(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    data = path.read_bytes() if path.is_file() else b""
    return len(data), len(gzip.compress(data, 6))


def typical_queries(data: Path) -> list[tuple[str, str]]:
    """(page language, query): words, places, a kind, a typo, Arabic, and a run of phone digits."""
    number = None
    for line in (data / "resources" / "lb" / "synthetic-0.yml").read_text(encoding="utf-8").splitlines():
        if "value:" in line and line.strip().strip('"').split('"')[-1].startswith("+"):
            number = line.split('"')[1]
            break
    queries = [
        ("en", "support"),
        ("en", "legal aid"),
        ("en", "lebanon"),
        ("en", "suport"),
        ("ar", "دعم"),
        ("ar", "العاصمة"),
        ("ar", "لبنان"),
    ]
    if number:
        queries.append(("ar", number[-7:]))  # the last digits, as written with a space
    return queries


def browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    return pw, pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def open_page(chromium, base: str, rel: str, width: int):
    """A fresh context on a page, every request recorded, settled; (context, page, urls)."""
    ctx = chromium.new_context(viewport={"width": width, "height": 800})
    page = ctx.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base + rel)
    page.wait_for_load_state("networkidle")
    return ctx, page, urls


def home(lang: str) -> str:
    return ("" if lang == "ar" else "en/") + "index.html"


def measure(site: Path, queries: list[tuple[str, str]], width: int, one) -> list[dict]:
    """For each (language, query): a fresh page on the home page, then one(page, urls, before, lang, query)."""
    base = serve(site)
    pw, chromium = browser()
    rows = []
    try:
        for lang, query in queries:
            ctx, page, urls = open_page(chromium, base, home(lang), width)
            before = sum(size(site, u)[1] for u in urls if "search" in u)
            rows.append({"lang": lang, "query": query, "before": before, **one(page, urls, query)})
            ctx.close()
    finally:
        chromium.close()
        pw.stop()
    return rows


def measure_wasla(site: Path, queries: list[tuple[str, str]]) -> list[dict]:
    def one(page, urls, query):
        seen = len(urls)
        page.focus("input[type=search]")
        page.keyboard.type(query[:-1], delay=80)
        start = time.perf_counter()
        page.keyboard.type(query[-1])
        page.wait_for_function(BUSY_DONE)
        cold = (time.perf_counter() - start) * 1000
        results = page.locator("[data-search-results] > li > a").count()
        after = [size(site, u) for u in urls[seen:]]
        page.keyboard.press("Backspace")
        page.wait_for_function(BUSY_DONE)
        start = time.perf_counter()
        page.keyboard.type(query[-1])
        page.wait_for_function(BUSY_DONE)
        warm = (time.perf_counter() - start) * 1000
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent !== ''")
        return {
            "raw": sum(r for r, _ in after),
            "gz": sum(g for _, g in after),
            "files": len(after),
            "cold": cold,
            "warm": warm,
            "shown": results,
            "status": page.inner_text("[data-search-status]"),
        }

    return measure(site, queries, 360, one)


def vanilla_config(out: Path) -> Path:
    """mkdocs.yml with Material's own search: its plugin and JavaScript, no Wasla overrides."""
    config = read_config()
    config["docs_dir"] = str(ROOT / "docs")
    config["strict"] = False
    config.pop("watch", None)
    config["theme"].pop("custom_dir", None)
    i18n = next(p for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["i18n"]["reconfigure_search"] = True
    config["plugins"] = ["search", i18n]
    config["hooks"] = [str(ROOT / "hooks" / name) for name in ("data.py", "language.py", "pages.py")]
    path = out / "vanilla-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_vanilla(data: Path, site: Path) -> float:
    env = {**os.environ, "WASLA_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    start = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(vanilla_config(site.parent)),
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - start


def measure_vanilla(site: Path, queries: list[tuple[str, str]], timeout_ms: int = 20_000) -> list[dict]:
    def one(page, urls, query):
        first_view = [size(site, u) for u in urls]
        page.click("input.md-search__input", force=True)
        page.keyboard.type(query, delay=80)
        # Material searches on keyup; Arabic letters are typed as text input (no key events),
        # so a final End key stands in for the last keystroke, for every query alike
        start = time.perf_counter()
        page.keyboard.press("End")
        try:  # Material's own result line: "# matching documents", "No matching documents", Arabic forms
            page.wait_for_function(
                "() => /[0-9]|No matching|لا توجد|مستند/.test("
                "document.querySelector('.md-search-result__meta').textContent)",
                timeout=timeout_ms,
            )
            cold = (time.perf_counter() - start) * 1000
        except Exception:
            cold = float("inf")
        return {
            "raw": sum(r for r, _ in first_view),
            "gz": sum(g for _, g in first_view),
            "files": len(first_view),
            "cold": cold,
            "warm": float("nan"),
            "shown": page.locator(".md-search-result__item").count(),
            "status": page.inner_text(".md-search-result__meta"),
        }

    return measure(site, queries, 1280, one)


INDEX_TIMER = """
import datetime as dt, sys, time
from pathlib import Path
from wasla.loading.dataset import load
from wasla.output.render import renderer
from wasla.output.search_index import build_index
dataset, _ = load(Path(sys.argv[1]), today=dt.date(2026, 11, 24))
start = time.monotonic()
for lang in sys.argv[2:]:
    build_index(renderer(dataset, lang))
print(time.monotonic() - start)
"""


def index_seconds(data: Path) -> float:
    """Seconds to build every language's index from the loaded dataset (what the search hook adds),
    in a fresh Python as in a build; the better of two runs."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", INDEX_TIMER, str(data), *site_languages()],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(2)
    ]
    return min(runs)


def print_rows(title: str, rows: list[dict], vanilla: bool = False) -> None:
    print(title)
    label = "first view (all files)" if vanilla else "focus→results"
    print(
        f"  {'page':<4} {'query':<16} {'search data before focus':>24} {label:>28} {'keystroke→results ms':>24} {'shown':>8}  said"
    )
    for r in rows:
        warm = "" if r["warm"] != r["warm"] else f" / {r['warm']:.0f} warm"
        cold = f"{r['cold']:>10.0f} cold" if r["cold"] != float("inf") else "     none in 20 s"
        print(
            f"  {r['lang']:<4} {r['query']:<16} {r['before'] / 1024:>21.1f} KB {r['gz'] / 1024:>13.1f} KB gz ({r['raw'] / 1024:>5.0f} KB) "
            f"{cold}{warm:<11} {r['shown']:>6}  {r['status']}"
        )
    finite = [r["cold"] for r in rows if r["cold"] != float("inf")]
    if rows:
        print(
            f"  worst: {max(r['gz'] for r in rows) / 1024:.1f} KB gz, {max(finite or [float('inf')]):.0f} ms cold"
            + ("" if vanilla else f", {max(r['warm'] for r in rows):.0f} ms warm")
        )


# every page type, in both languages; "lb-2.html" (a later page of a paged country)
# is measured where the directory is large enough to have one
PAGE_TYPES = [
    "index.html",
    "countries/lb.html",
    "countries/lb-2.html",
    "kinds/legal_aid.html",
    "countries/international.html",
    "safety.html",
    "contribute.html",
    "open-data.html",
    "404.html",
]
PAGES = PAGE_TYPES + ["en/" + p for p in PAGE_TYPES if p != "404.html"]


def first_views(site: Path, pages: list[str]) -> dict[str, tuple[int, int]]:
    """(raw, gzip) bytes of every file a page loads in Chromium at 360 px before the reader acts."""
    base = serve(site)
    pw, chromium = browser()
    out = {}
    try:
        for rel in pages:
            if not (site / rel).is_file():
                continue
            ctx, _, urls = open_page(chromium, base, rel, 360)
            sizes = [size(site, u) for u in urls]
            out[rel] = (sum(r for r, _ in sizes), sum(g for _, g in sizes))
            ctx.close()
    finally:
        chromium.close()
        pw.stop()
    return out


def main(data: Path, site: Path, vanilla: bool, build_seconds: float | None = None) -> None:
    queries = typical_queries(data)
    seconds = index_seconds(data)
    share = f" ({seconds / (build_seconds - seconds) * 100:.0f}% of the rest of the build)" if build_seconds else ""
    print(f"  search index build, every language ({', '.join(site_languages())}): {seconds:.1f} s{share}")
    print_rows("  Wasla search (360 px, http):", measure_wasla(site, queries))
    if vanilla:
        vsite = site.parent / (site.name + "-vanilla")
        vseconds = build_vanilla(data, vsite)
        index = vsite / "search" / "search_index.json"
        raw = index.read_bytes() if index.exists() else b""
        print(
            f"  vanilla Material build: {vseconds:.1f} s; search_index.json {len(raw) / 1024:.0f} KB ({len(gzip.compress(raw, 6)) / 1024:.0f} KB gz)"
        )
        print_rows(
            "  vanilla Material search (1280 px, http; it loads the whole index on every first view):",
            measure_vanilla(vsite, queries),
            vanilla=True,
        )
        ours, theirs = first_views(site, PAGES), first_views(vsite, PAGES)
        print("  first view in Chromium at 360 px, every file the page loads (gzip; raw in brackets):")
        print(f"    {'page':<32} {'Wasla':>22} {'vanilla Material':>24} {'Wasla/vanilla':>14}")
        for rel in PAGES:
            if rel not in ours:
                continue
            mine = f"{ours[rel][1] / 1024:>9.1f} KB ({ours[rel][0] / 1024:>6.0f} KB)"
            if rel in theirs:
                ratio = f"{ours[rel][1] / theirs[rel][1]:>13.1%}" if theirs[rel][1] else ""
                print(
                    f"    {rel:<32} {mine} {theirs[rel][1] / 1024:>9.0f} KB ({theirs[rel][0] / 1024:>7.0f} KB) {ratio}"
                )
            else:
                print(f"    {rel:<32} {mine} {'(no such page)':>24}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]), Path(args[1]), "--vanilla" in sys.argv)
