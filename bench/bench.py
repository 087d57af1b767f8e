"""Benchmark: build synthetic entries and print what a reader and a builder pay.

    make bench                                  (1,000 and 10,000 entries; about ten minutes)
    python bench/bench.py [N ...] [--sizes N,N] [--quick] [--no-vanilla] [--saves K]
    python bench/bench.py --profile N [--clock wall]   (where the build's time goes; bench/build_profile.py)

For each N: build seconds, peak memory of the build, pages written, a country page's HTML (raw
and gzip) and everything a first visit to it downloads (HTML + CSS + JS + images it references),
raw and gzip. Then the build cost, in the languages of mkdocs.yml's plugins.i18n.languages:
Wasla and vanilla Material (bench/vanilla.py: the same entries as Markdown pages, Material's own
search, static-i18n, the same languages), each built with every language and with the first
only (static-i18n's `build: false` on the others); wall and CPU seconds (user + system of the
build process), peak memory; Wasla / vanilla and each language beyond the first as × the first.
Then `make serve` on the shipped data: seconds from a saved data file (an entry renamed) until
the page open in Chromium has reloaded showing the new name, to its load event
(bench/serve_bench.py). Then, for each N, the search figures of bench/search_bench.py, next to
vanilla Material built from the same data. --quick: 50 entries and one save, for the tests.
--no-vanilla: no vanilla Material builds. One run of each build: on a shared machine wall seconds
vary widely from run to run; CPU seconds far less.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_profile  # noqa: E402
import search_bench  # noqa: E402
import serve_bench  # noqa: E402
import vanilla  # noqa: E402
from builds import CONFIG, OUT, Run, first_language_config, run_build, site_languages  # noqa: E402
from generate import generate  # noqa: E402

SIZES = [1000, 10000]
QUICK = [50]

# the rows of the build-cost and serve figures, as printed (tests/test_bench.py looks for each)
WASLA_EVERY = "Wasla, every language"
WASLA_FIRST = "Wasla, first language only"
VANILLA_EVERY = "vanilla Material, every language"
VANILLA_FIRST = "vanilla Material, first language only"
BUILDS = (WASLA_EVERY, WASLA_FIRST, VANILLA_EVERY, VANILLA_FIRST)
AGAINST_VANILLA = "Wasla / vanilla Material, every language"
EXTRA_LANGUAGE = "each language beyond the first, Wasla"
EXTRA_LANGUAGE_VANILLA = "each language beyond the first, vanilla Material"
PEAK = "peak memory, Wasla, every language"
SERVE_START = "serve: first build until a page is served"
SERVE_RELOAD = "serve: saved data file to reloaded page"
FIGURES = (AGAINST_VANILLA, EXTRA_LANGUAGE, EXTRA_LANGUAGE_VANILLA, PEAK, SERVE_START, SERVE_RELOAD)
TARGETS = {AGAINST_VANILLA: "≤ 1.00×", EXTRA_LANGUAGE: "≤ 0.35×", PEAK: "≤ 1.5 GB", SERVE_RELOAD: "≤ 1.5 s"}
WIDTH = max(len(label) for label in BUILDS + FIGURES)


def first_visit(page: Path, site: Path) -> tuple[int, int]:
    """Bytes (raw, gzip) of a page plus the stylesheets, scripts, icons and images it loads."""
    html = page.read_bytes()
    total, total_gz = len(html), len(gzip.compress(html, 6))
    for ref in re.findall(
        rb'(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src|<img[^>]+src|<link[^>]+rel="icon"[^>]+href)="([^"]+)"',
        html,
    ):
        ref = ref.decode().split("#")[0].split("?")[0]
        if "://" in ref:
            continue
        # 404.html links from the site root: hosts serve it at any depth
        asset = site / ref.lstrip("/") if ref.startswith("/") else (page.parent / ref).resolve()
        data = asset.read_bytes()
        total += len(data)
        total_gz += len(gzip.compress(data, 6))
    return total, total_gz


# Vanilla Material (search on, Google Fonts off) on 1,000 synthetic entries, measured for
# shared/NOTES.md on this kind of machine: a country page's first view and its search payload.
VANILLA_1000 = "vanilla Material, 1,000 entries (shared/NOTES.md): first visit 1.06 MB (search index 705 KB of it), HTML 39 KB, CSS 23 KB gz, JS 35 KB gz"


@dataclasses.dataclass
class Size:
    """One size's data, its Wasla site and what each build cost."""

    n: int
    data: Path
    site: Path
    runs: dict[str, Run] = dataclasses.field(default_factory=dict)


def build_all(size: Size, with_vanilla: bool) -> None:
    """Wasla with every language and with the first only, then vanilla Material the same two ways,
    one after the other, so that the four meet much the same load from other work on the machine."""
    configs = OUT / f"configs-{size.n}"
    size.runs[WASLA_EVERY] = run_build(CONFIG, size.site, size.data)
    size.runs[WASLA_FIRST] = run_build(first_language_config(configs), OUT / f"site-{size.n}-first", size.data)
    if with_vanilla:
        every, first = vanilla.prepare(size.data, configs, "vanilla")
        size.runs[VANILLA_EVERY] = run_build(every, OUT / f"vanilla-md-{size.n}")
        size.runs[VANILLA_FIRST] = run_build(first, OUT / f"vanilla-md-{size.n}-first")


def extra_language(every: Run, first: Run, count: int, attr: str) -> float:
    """What one language beyond the first costs, as a share of the first's whole build."""
    return (getattr(every, attr) - getattr(first, attr)) / (count - 1) / getattr(first, attr)


def figure(label: str, n: int | None, cpu: str, wall: str = "", target: str | None = None) -> str:
    entries = f"{n:>8}" if n is not None else " " * 8
    return f"  {label:<{WIDTH}} {entries} {cpu:>10} {wall:>10}   {target or TARGETS.get(label, '')}".rstrip()


def print_build_costs(sizes: list[Size], languages: list[str], with_vanilla: bool) -> None:
    print(f"\nbuild cost, languages {', '.join(languages)} (mkdocs.yml plugins.i18n.languages), one build of each")
    print("  CPU s: user + system seconds of the build process, steadier than wall seconds on a shared machine;")
    print(f"  load: the machine's 1-minute load average as the build started ({os.cpu_count()} cores)")
    print(f"  {'build':<{WIDTH}} {'entries':>8} {'wall s':>10} {'CPU s':>10} {'peak MB':>10} {'pages':>8} {'load':>6}")
    for size in sizes:
        for label in BUILDS:
            run = size.runs.get(label)
            if run is None:
                print(f"  {label:<{WIDTH}} {size.n:>8} {'skipped (--no-vanilla)':>30}")
            else:
                print(
                    f"  {label:<{WIDTH}} {size.n:>8} {run.wall:>10.1f} {run.cpu:>10.1f} {run.peak_mb:>10.0f} {run.pages:>8} {run.load:>6.1f}"
                )
    print(f"  {'figure':<{WIDTH}} {'entries':>8} {'CPU':>10} {'wall':>10}   target")
    for size in sizes:
        runs = size.runs
        if with_vanilla:
            cpu = runs[WASLA_EVERY].cpu / runs[VANILLA_EVERY].cpu
            wall = runs[WASLA_EVERY].wall / runs[VANILLA_EVERY].wall
            print(figure(AGAINST_VANILLA, size.n, f"{cpu:.2f}×", f"{wall:.2f}×"))
        else:
            print(figure(AGAINST_VANILLA, size.n, "skipped (--no-vanilla)"))
        for label, every, first in (
            (EXTRA_LANGUAGE, WASLA_EVERY, WASLA_FIRST),
            (EXTRA_LANGUAGE_VANILLA, VANILLA_EVERY, VANILLA_FIRST),
        ):
            if len(languages) < 2:
                print(figure(label, size.n, "one language configured"))
            elif every in runs:
                cpu = extra_language(runs[every], runs[first], len(languages), "cpu")
                wall = extra_language(runs[every], runs[first], len(languages), "wall")
                print(figure(label, size.n, f"{cpu:.2f}×", f"{wall:.2f}×"))
            else:
                print(figure(label, size.n, "skipped (--no-vanilla)"))
        print(figure(PEAK, size.n, f"{runs[WASLA_EVERY].peak_mb:.0f} MB"))


def print_serve(saves: int) -> None:
    reloads = serve_bench.measure(saves)
    plural = "s" if saves > 1 else ""
    print(
        f"\nmake serve on the shipped data ({saves} save{plural} renaming {reloads.resource}, {reloads.page} open in Chromium):"
    )
    print(f"  {SERVE_START:<{WIDTH}} {'':>8} {reloads.startup:>8.1f} s")
    cpu = statistics.median(reloads.cpu)
    print(
        f"  {SERVE_RELOAD:<{WIDTH}} {'':>8} {reloads.median:>8.1f} s median, {max(reloads.seconds):.1f} s worst "
        f"(wall; server CPU {cpu:.1f} s median)   {TARGETS[SERVE_RELOAD]}"
    )


def main(sizes: list[int], vanilla_builds: bool = True, saves: int = 5) -> None:
    languages = site_languages()
    rows = []
    for n in sizes:
        size = Size(n, generate(n, OUT / f"data-{n}"), OUT / f"site-{n}")
        build_all(size, vanilla_builds)
        rows.append(size)
    print(
        f"{'entries':>8} {'build s':>8} {'peak MB':>8} {'pages':>6} {'country HTML':>14} {'(gzip)':>8} {'first visit':>12} {'(gzip)':>8} {'heaviest page (gzip)':>28}"
    )
    for size in rows:
        n, site, run = size.n, size.site, size.runs[WASLA_EVERY]
        page = site / "countries" / "lb.html"
        raw = page.read_bytes()
        visit, visit_gz = first_visit(page, site)
        heaviest = max(
            (first_visit(p, site)[1], p.relative_to(site).as_posix())
            for p in site.rglob("*.html")
            if p.name != "404.html"
        )
        print(
            f"{n:>8} {run.wall:>8.1f} {run.peak_mb:>8.0f} {run.pages:>6} {len(raw) / 1024:>11.0f} KB {len(gzip.compress(raw, 6)) / 1024:>5.0f} KB {visit / 1024:>9.0f} KB {visit_gz / 1024:>5.0f} KB {heaviest[0] / 1024:>6.0f} KB {heaviest[1]:>20}"
        )
    print(VANILLA_1000)
    print_build_costs(rows, languages, vanilla_builds)
    print_serve(saves)
    for size in rows:
        print(f"\nsearch, {size.n:,} entries")
        search_bench.main(size.data, size.site, vanilla_builds, build_seconds=size.runs[WASLA_EVERY].wall)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="*", type=int, help="sizes, in entries (default 1000 10000)")
    parser.add_argument("--sizes", help="sizes, comma-separated: --sizes 200,2000")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK[0]} entries and one serve save (the tests)")
    parser.add_argument("--no-vanilla", action="store_true", help="no vanilla Material builds")
    parser.add_argument("--saves", type=int, help="data file saves timed under mkdocs serve (default 5)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one build of N entries instead")
    parser.add_argument("--clock", choices=sorted(build_profile.CLOCKS), default="cpu", help="the profile's clock")
    args = parser.parse_args(argv)
    sizes = list(args.n) + [int(s) for s in (args.sizes or "").split(",") if s.strip()]
    args.sizes = sizes or (QUICK if args.quick else SIZES)
    args.saves = args.saves or (1 if args.quick else 5)
    return args


if __name__ == "__main__":
    args = arguments(sys.argv[1:])
    if args.profile:
        build_profile.main(args.profile, args.clock)
    else:
        main(args.sizes, vanilla_builds=not args.no_vanilla, saves=args.saves)
