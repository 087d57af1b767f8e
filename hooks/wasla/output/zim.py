"""The Kiwix edition: a built site packed into one ZIM file with the official libzim bindings.

``make_zim(site, dist, meta)`` writes ``dist/wasla-<date>.zim`` (to a temporary name, then
renamed: all or nothing). Every file of the site goes in under its own path, so the site's
relative links work inside the ZIM unchanged; the Arabic home is the main page; HTML pages are
"front articles" in libzim's full-text index (Xapian, stemming in the default language; the
other languages' words are indexed too), so Kiwix's own search finds entries by name, city and
country in every language. Every registered language is in; the metadata names them all.

Two things differ from the site on the web:
- The quick exit's link goes to the local neutral page (``assets/neutral.html``), the same page
  the offline zip uses, because a ZIM reader does not open outside addresses from a page.
- ``SHA256SUMS`` (and its signature) describe the web site, not the ZIM, and are left out.

The site's own search box stays: it is script files loaded from the ZIM itself, and it works
inside kiwix-serve (tested); Kiwix's search works beside it.
"""

from __future__ import annotations

import html
import mimetypes
import os
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import Creator, Hint, Item, StringProvider

from ..core.languages import codes, english_name, iso639_3
from .checksums import NOT_LISTED

MAIN_PAGE = "index.html"
LEFT_OUT = NOT_LISTED  # they describe the web site, not the ZIM
NOT_ARTICLES = {"404.html", "en/404.html", "assets/neutral.html", "search-files.html", "en/search-files.html"}
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".csv": "text/csv",
    ".vcf": "text/vcard",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain",
    ".gz": "application/gzip",
    ".zip": "application/zip",
    ".md": "text/plain",
}
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
EXIT_RE = re.compile(
    r'(<a class="wasla-exit" href=")([^"]*)("\s+rel="noreferrer noopener"\s+data-offline-href=")([^"]*)(")'
)


@dataclass(frozen=True)
class Metadata:
    """What a Kiwix library list shows. Neutral, like the site's own titles."""

    date: str  # YYYY-MM-DD
    title: str = "Wasla · وصلة"
    description: str = ""  # empty: "… in Arabic, English, …", every registered language
    creator: str = "Wasla"
    publisher: str = "Wasla"
    source: str = ""
    name: str = "wasla_mul_all"
    language: str = ""  # empty: every registered language, ISO 639-3, the default first
    tags: str = "_category:other;_ftindex:yes;_pictures:no;_videos:no;_details:yes"


def mimetype(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def local_exit(page: str) -> str:
    """The Exit link of a page, pointed at the local neutral page it already names."""
    return EXIT_RE.sub(lambda m: m.group(1) + m.group(4) + m.group(3) + m.group(4) + m.group(5), page)


class SiteItem(Item):
    def __init__(self, path: str, content: bytes, title: str, article: bool):
        super().__init__()
        self._path, self._content, self._title, self._article = path, content, title, article

    def get_path(self) -> str:
        return self._path

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        return mimetype(self._path)

    def get_contentprovider(self):
        return StringProvider(self._content)

    def get_hints(self):
        compressible = mimetype(self._path).startswith(
            ("text/", "application/javascript", "application/json", "application/xml", "image/svg")
        )
        return {Hint.FRONT_ARTICLE: self._article, Hint.COMPRESS: compressible}


def site_items(site: Path):
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = file.relative_to(site).as_posix()
        if rel in LEFT_OUT:
            continue
        content = file.read_bytes()
        title, article = "", False
        if rel.endswith(".html"):
            text = local_exit(content.decode("utf-8"))
            content = text.encode("utf-8")
            found = TITLE_RE.search(text)
            title = html.unescape(found.group(1)).strip() if found else ""
            article = rel not in NOT_ARTICLES
        yield SiteItem(rel, content, title, article)


def illustration(size: int = 48) -> bytes:
    """The 48 × 48 PNG a Kiwix library shows: two white links on the site's teal, drawn here."""
    teal, white = (0, 137, 123), (255, 255, 255)
    rings = ((0.38, 0.62), (0.62, 0.38))  # two interlocking rings, corner to corner (a chain link)
    outer, inner, samples = 0.2, 0.12, 4
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0
        for x in range(size):
            hits = 0
            for sy in range(samples):
                for sx in range(samples):
                    px, py = (x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size
                    if any(inner**2 <= (px - cx) ** 2 + (py - cy) ** 2 <= outer**2 for cx, cy in rings):
                        hits += 1
            a = hits / samples**2
            row += bytes(round(t + (w - t) * a) for t, w in zip(teal, white))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def make_zim(site: str | Path, dist: str | Path, meta: Metadata) -> Path:
    site, dist = Path(site), Path(dist)
    if not (site / MAIN_PAGE).is_file():
        raise FileNotFoundError(f"{site}/{MAIN_PAGE} is missing: build the site first (make build)")
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"wasla-{meta.date}.zim"
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    langs = codes()
    language = meta.language or ",".join(iso639_3(code) for code in langs)
    names = [english_name(c) for c in langs]
    said = " and ".join(names) if len(names) <= 2 else f"{len(names)} languages"  # Kiwix: at most 80 characters
    description = meta.description or f"A directory of hotlines, legal aid and safe spaces, in {said}."
    with Creator(str(tmp)).config_indexing(True, iso639_3(langs[0])).config_verbose(False) as creator:
        creator.set_mainpath(MAIN_PAGE)
        creator.add_illustration(48, illustration())
        for key, value in (
            ("Name", meta.name),
            ("Title", meta.title),
            ("Description", description),
            ("Language", language),
            ("Creator", meta.creator),
            ("Publisher", meta.publisher),
            ("Date", meta.date),
            ("Tags", meta.tags),
            ("Source", meta.source),
        ):
            if value:
                creator.add_metadata(key, value)
        for item in site_items(site):
            creator.add_item(item)
    os.replace(tmp, target)
    return target
