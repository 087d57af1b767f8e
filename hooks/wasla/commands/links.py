"""The weekly link check: every web link in the data, plus stale and never-verified entries.

Run by .github/workflows/links.yml (never in the build or in pull-request
checks: it depends on other sites and is slow). Writes one Markdown report
that the workflow puts into a single GitHub issue.
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from ..core.model import Dataset
from ..queries.directory import freshness

USER_AGENT = "Mozilla/5.0 (compatible; wasla-link-check)"


def links(dataset: Dataset) -> dict[str, list[str]]:
    """URL -> the files that use it (contact links and sources)."""
    found: dict[str, list[str]] = {}
    for r in dataset.resources:
        urls = [c.href for c in r.contacts if c.href.startswith(("http://", "https://"))] + [s.url for s in r.sources]
        for url in urls:
            found.setdefault(url, [])
            if r.path not in found[url]:
                found[url].append(r.path)
    for country in dataset.countries.values():  # what the law says: its sources, and warnings' sources too
        for url in [s.url for item in country.law for s in item.sources]:
            found.setdefault(url, [])
            if country.path not in found[url]:
                found[url].append(country.path)
    for r in dataset.resources:
        for w in r.warnings:
            found.setdefault(w.source, [])
            if r.path not in found[w.source]:
                found[w.source].append(r.path)
    return found


def status(url: str, timeout: float = 20.0) -> str | None:
    """None when the link answers; else a short reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
                reason = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code}"
            if exc.code in (403, 405, 429, 501) and method == "HEAD":
                continue  # many servers refuse HEAD or robots; try GET
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = str(getattr(exc, "reason", exc))
        if method == "GET" or not reason.startswith("HTTP"):
            return reason
    return reason


def report(dataset: Dataset, today: dt.date, stale_months: int, workers: int = 8) -> str:
    urls = links(dataset)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(urls, pool.map(status, urls)))
    dead = {u: why for u, why in results.items() if why}
    never, stale = freshness(dataset, today, stale_months)
    lines = [
        f"Link check of {today.isoformat()}: {len(urls)} links, {len(dead)} not answering; "
        f"{len(stale)} stale entries, {len(never)} never verified.",
        "",
    ]
    lines += ["## Links that did not answer", ""]
    lines += [f"- {u} ({why}) in {', '.join(f'`{p}`' for p in urls[u])}" for u, why in sorted(dead.items())] or [
        "None."
    ]
    lines += ["", f"## Stale entries (verified more than {stale_months} months ago)", ""]
    lines += [f"- `{r.path}`: last verified {r.last_verified.isoformat()}" for r in stale] or ["None."]
    lines += ["", "## Never verified", ""]
    lines += [f"- `{r.path}`" for r in never] or ["None."]
    return "\n".join(lines) + "\n"
