"""Find anything in a built site that would make a reader's browser contact another host.

``scan(site_dir)`` returns one line per third-party resource URL: in HTML
``src`` attributes and ``href`` of stylesheets, icons, preloads and manifests;
in CSS ``url()`` and ``@import``; in shipped JavaScript, any absolute URL (a
fetch target).  Plain ``<a href>`` links are the reader's choice and pass.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

# A URL the browser resolves to another host. Browsers read URLs by the WHATWG URL standard:
# they drop tabs and line breaks anywhere in it, read a backslash as a slash in http(s) and file
# URLs ("\\host/x" is "//host/x"), and read "https:host/x" as absolute from a page of another
# scheme (a file:// mirror).
SCANNED = (".html", ".css", ".js", ".mjs")
_URL_NOISE = re.compile(r"[\t\n\r]")
THIRD_PARTY = re.compile(r"^\s*(?:(?:[a-z][a-z0-9+.-]*:)?[/\\]{2}|(?:https?|wss?|ftp):)", re.I)


def third_party(url: str) -> bool:
    """Whether a browser would fetch ``url`` from another host (see THIRD_PARTY)."""
    return bool(THIRD_PARTY.match(_URL_NOISE.sub("", url)))


LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)
JS_URL = re.compile(r"""(?<!\\)['"`]((?:https?:)?//[^'"`\s]+)""")
# The search data files (hooks/wasla/search.py) are one call with a JSON argument: data, never a fetch
# target. A name like 'A "//b' passes make check, so the scan must not read it as a URL.
SEARCH_DATA = re.compile(r'^waslaSearch\(("[^"\\]*"),(.*)\);\n?$', re.S)
REFRESH_URL = re.compile(r"url\s*=\s*(.+)$", re.I | re.S)
# Only tags that can load something are parsed: cheap on pages with thousands of cards. Tags with
# a style attribute are looked for only in pages that have "style=" (in any case) at all. The
# look-ahead on the first letter of those names rules out most tags before the names are tried.
LOADING_TAG = re.compile(
    r"<(?=[slifvaeotum])(?:script|link|img|iframe|frame|source|video|audio|embed|object|track|input|image|use|meta)"
    r"\b[^>]*>",
    re.I,
)
STYLED_TAG = re.compile(r"<[a-z][^>]*\sstyle=[^>]*>", re.I)
# "style=" in any case: each "=" looked back from (quicker than lower-casing the page; it also
# takes the letters case-folding equates, such as "ſ": a page scanned more closely, never less)
STYLE_WORD = re.compile(r"=(?<=(?i:style)=)")


def loading_tags(text: str) -> list[re.Match]:
    """Every tag that can load something, in page order."""
    found = {m.start(): m for m in LOADING_TAG.finditer(text)}
    if STYLE_WORD.search(text):
        for m in STYLED_TAG.finditer(text):
            found.setdefault(m.start(), m)
    return [found[start] for start in sorted(found)]


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (where, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "poster", "data"):
            if a.get(key):
                self.found.append((f"<{tag} {key}>", a[key]))
        for candidate in (a.get("srcset") or "").split(","):  # "a.png 1x, b.png 2x": each a URL
            if candidate.strip():
                self.found.append((f"<{tag} srcset>", candidate.strip().split()[0]))
        if tag in ("use", "image"):  # SVG: fetches what its href names
            for key in ("href", "xlink:href"):
                if a.get(key):
                    self.found.append((f"<{tag} {key}>", a[key]))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":  # "5; url=…" navigates
            target = REFRESH_URL.search(a.get("content") or "")
            if target:
                self.found.append(("<meta refresh>", target.group(1).strip("'\"")))
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if rels & LINK_RELS:
                self.found.append((f"<link rel={a.get('rel')}>", a["href"]))
        if a.get("style"):
            for m in CSS_URL.finditer(a["style"]):
                self.found.append(("style url()", m.group(1) or m.group(2)))


@lru_cache(maxsize=4096)
def tag_resources(tag: str) -> tuple[tuple[str, str], ...]:
    """(where, url) of each thing one tag's text (``<link …>``) would load. Pages of a site repeat
    their head's tags, so each distinct tag text is parsed once."""
    parser = _Resources()
    parser.feed(tag)
    return tuple(parser.found)


def _is_search_data(text: str) -> bool:
    m = SEARCH_DATA.match(text)
    if not m:
        return False
    try:
        json.loads(m.group(1))
        json.loads(m.group(2))
    except ValueError:
        return False
    return True


_seen: dict[tuple[str, str], tuple[str, ...]] = {}  # (path, digest of its bytes) -> its problems, last scan


def scan(site_dir: str | Path, remember: bool = False) -> list[str]:
    """Problems in the pages, stylesheets and scripts under site_dir.

    ``remember`` (mkdocs serve, whose rebuilds rewrite few files) keeps each file's problems
    under its path and the digest of its bytes until the next scan: a file with the same bytes
    is not parsed again."""
    site = Path(site_dir)
    problems = []
    seen = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SCANNED:
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if not remember:
            problems += file_problems(rel, path.suffix, data.decode("utf-8", errors="replace"))
            continue
        key = (rel, hashlib.sha256(data).hexdigest())
        found = _seen.get(key)
        if found is None:
            found = tuple(file_problems(rel, path.suffix, data.decode("utf-8", errors="replace")))
        seen[key] = found
        problems += found
    if remember:  # only the files of this scan: a long preview session does not pile up old ones
        _seen.clear()
        _seen.update(seen)
    return problems


def file_problems(rel: str, suffix: str, text: str) -> list[str]:
    """What in one file (its path in the site, its suffix, its text) would load from another host."""
    problems = []
    if suffix == ".html":
        found, line, counted = [], 1, 0
        for tag in loading_tags(text):
            line += text.count("\n", counted, tag.start())
            counted = tag.start()
            found += [(line, where, url) for where, url in tag_resources(tag.group(0))]
        for line, where, url in found:
            if third_party(url):
                problems.append(f"{rel}:{line}: {where} loads from another host: {url}")
        for m in re.finditer(r"<style[^>]*>(.*?)</style>", text, re.S | re.I):
            for u in CSS_URL.finditer(m.group(1)):
                url = u.group(1) or u.group(2)
                if third_party(url):
                    problems.append(f"{rel}: <style> loads from another host: {url}")
    elif suffix == ".css":
        for m in CSS_URL.finditer(text):
            url = (m.group(1) or m.group(2)).strip()
            if not url.startswith("data:") and third_party(url):
                problems.append(f"{rel}: CSS loads from another host: {url}")
    elif suffix in (".js", ".mjs") and not _is_search_data(text):
        for m in JS_URL.finditer(text):
            problems.append(f"{rel}: script refers to another host: {m.group(1)}")
    return problems
