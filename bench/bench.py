"""Benchmark: build 1,000 and 10,000 synthetic entries and print what a reader and a builder pay.

    make bench          (or: python bench/bench.py [N ...] [--no-vanilla])

For each N: build seconds, peak memory of the build, pages written, a country
page's HTML (raw and gzip) and everything a first visit to it downloads
(HTML + CSS + JS + images it references), raw and gzip. Then, for each N, the search
figures of bench/search_bench.py, next to vanilla Material built from the same data.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_bench  # noqa: E402
from generate import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def build(data: Path, site: Path) -> tuple[float, float]:
    env = {**os.environ, "WASLA_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    start = time.monotonic()
    # a fresh python per build, its peak RSS read from the child's rusage
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, rusage_status = os.wait4(proc.pid, 0)[1:]
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(_) != 0:
        sys.exit(f"build failed:\n{proc.stderr.read()}")
    return seconds, rusage_status.ru_maxrss / 1024


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


def main(sizes: list[int], vanilla: bool = True) -> None:
    rows = []
    for n in sizes:
        data = generate(n, OUT / f"data-{n}")
        site = OUT / f"site-{n}"
        seconds, peak = build(data, site)
        rows.append((n, data, site, seconds, peak))
    print(
        f"{'entries':>8} {'build s':>8} {'peak MB':>8} {'pages':>6} {'country HTML':>14} {'(gzip)':>8} {'first visit':>12} {'(gzip)':>8} {'heaviest page (gzip)':>28}"
    )
    for n, data, site, seconds, peak in rows:
        pages = sum(1 for _ in site.rglob("*.html"))
        page = site / "countries" / "lb.html"
        raw = page.read_bytes()
        visit, visit_gz = first_visit(page, site)
        heaviest = max(
            (first_visit(p, site)[1], p.relative_to(site).as_posix())
            for p in site.rglob("*.html")
            if p.name != "404.html"
        )
        print(
            f"{n:>8} {seconds:>8.1f} {peak:>8.0f} {pages:>6} {len(raw) / 1024:>11.0f} KB {len(gzip.compress(raw, 6)) / 1024:>5.0f} KB {visit / 1024:>9.0f} KB {visit_gz / 1024:>5.0f} KB {heaviest[0] / 1024:>6.0f} KB {heaviest[1]:>20}"
        )
    print(VANILLA_1000)
    for n, data, site, seconds, _ in rows:
        print(f"\nsearch, {n:,} entries")
        search_bench.main(data, site, vanilla, build_seconds=seconds)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:] if a.isdigit()] or [1000, 10000], vanilla="--no-vanilla" not in sys.argv)
