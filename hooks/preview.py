"""Hook: the preview of `make serve`: a saved file rewrites only the pages it changes, and the
page open in the browser reloads itself.

`make serve` runs `mkdocs serve --dirty`: each rebuild keeps the site folder, and MkDocs renders
a page only when its file says it is modified. The generated pages (hooks/pages.py: countries,
kinds, the danger view) are files in memory, which MkDocs would always count as modified, and
the build fills parts of some hand-written pages from the data (the home page's chooser, …),
which MkDocs would judge by the Markdown file's date alone. Here a page counts as unmodified
when the last build of this process, in the same folder and language, wrote it from the same
parts within the same frame: a generated page's title and body; a hand-written page's Markdown
and the parts the build puts into it (wasla_mkdocs.hand_page_parts); the frame, everything the
theme puts around them (the language, mkdocs.yml, overrides/, the hooks and the engine, the
data's shared files, its date and the build day, the navigation and the set of pages). A page
another hook makes (search-files.md) is always rewritten. A dirty preview is so, byte for byte,
the clean build of the same files (tests/test_preview.py).

Events: on_startup: a dirty build turns this on, and MkDocs' warning that a dirty build's
        navigation may be wrong is dropped (here it is not, and in strict mode the warning would
        fail every build);
        on_config (priority -120, after hooks/data.py has validated extra.wasla): under mkdocs
        serve, dirty or not, the pages' Content-Security-Policy lets the page run the live-reload
        script MkDocs' server writes into every page it serves (inline) and poll the server (an
        XMLHttpRequest to the same origin); the built site's policy allows neither;
        on_nav (priority -200: after every hook has added its pages) answers each page's
        is_modified();
        on_post_build (before static-i18n builds the other languages) records what this
        language build wrote, and deletes the pages the last one wrote that this one no longer
        makes;
        on_build_error forgets every record: the next build writes every page.
Reads:  mkdocs.yml, overrides/, hooks/, the data folder's shared files, each generated page's
        title and body (wasla_mkdocs.page_body, which renders only the changed ones again), each
        hand-written page's Markdown and filled parts.
Writes: nothing but deletions of pages no longer made.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

from wasla.loading.resource_checks import CHECKED_AGAINST, RULEBOOK
from wasla_mkdocs import (
    current_language,
    data_dir,
    dataset,
    generated_pages,
    hand_page_parts,
    page_body,
    page_title,
    serving,
    today,
    written_pages,
)
from wasla_mkdocs import dirty as dirty_builds

HOOKS = Path(__file__).resolve().parent
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' warning (mkdocs/commands/build.py)


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@dataclass
class _Build:
    """What one language build is writing: its frame, each page's digest, every page's file."""

    frame: str
    pages: dict[str, str] = field(default_factory=dict)
    dests: frozenset[str] = frozenset()


_now: dict[str, _Build] = {}  # language -> this build's record, until its on_post_build


def on_startup(command, dirty: bool):
    dirty_builds(dirty)
    if dirty:
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _NoDirtyWarning) for f in logger.filters):
            logger.addFilter(_NoDirtyWarning())


def preview_csp(csp: str) -> str:
    """The site's Content-Security-Policy with what MkDocs' live reload needs: its inline script
    and its requests to the server that served the page."""
    parts = [part.strip() for part in csp.split(";") if part.strip()]
    parts = [
        f"{part} 'unsafe-inline'" if part.split()[0] == "script-src" and "'unsafe-inline'" not in part else part
        for part in parts
    ]
    if not any(part.split()[0] == "connect-src" for part in parts):
        parts.append("connect-src 'self'")
    return "; ".join(parts)


@event_priority(-120)
def on_config(config):
    if serving():
        config.extra["wasla"]["csp"] = preview_csp(config.extra["wasla"]["csp"])
    return config


def frame_key(config, nav, files) -> str:
    """A digest of everything a page's file holds besides what it is made of (_generated,
    _hand_written)."""
    digest = hashlib.sha256()

    def add(*parts) -> None:
        for part in parts:
            digest.update(part if isinstance(part, bytes) else str(part).encode())
            digest.update(b"\0")

    add(current_language(config), today(), RULEBOOK, config.site_url, config.site_dir)
    add(json.dumps(config.extra, sort_keys=True, default=str))
    add(repr(sorted((key, repr(config.theme[key])) for key in config.theme.keys())))
    add(Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    # each file by its place in its folder: MkDocs gives one config the theme's folder as written
    # in mkdocs.yml and another one resolved; the engine's code and strings are in RULEBOOK
    theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    for folder, paths in ((theme, theme.rglob("*") if theme else ()), (HOOKS, HOOKS.glob("*.py"))):
        for path in sorted(paths):
            if path.is_file():
                add(path.relative_to(folder).as_posix(), path.read_bytes())
    for name in CHECKED_AGAINST:
        path = data_dir(config) / name
        add(name, path.read_bytes() if path.is_file() else b"")
    add(dataset(config).data_date)

    def walk(items) -> None:
        for item in items:
            add(type(item).__name__, item.title, getattr(item, "url", None))
            walk(getattr(item, "children", None) or [])

    walk(nav.items)
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        add(file.src_uri, file.dest_uri)
    return digest.hexdigest()


@event_priority(-200)
def on_nav(nav, config, files):
    if not dirty_builds():
        return nav
    lang = current_language(config)
    frame = frame_key(config, nav, files)
    last = written_pages().get((config.site_dir, lang))
    kept = last["pages"] if last is not None and last["frame"] == frame else {}
    pages = files.documentation_pages()
    now = _now[lang] = _Build(frame, dests=frozenset(f.abs_dest_path for f in pages))
    plans = generated_pages(config)
    for file in pages:
        if file.src_uri in plans:
            file.is_modified = partial(_modified, file, config, kept, now.pages, _generated)
        elif file.generated_by is None:  # a hand-written page (docs/)
            file.is_modified = partial(_modified, file, config, kept, now.pages, _hand_written)
        else:  # a page another hook makes (search-files.md): rewritten each build
            file.is_modified = _always
    return nav


def _always() -> bool:
    return True


def _generated(config, file) -> list[str]:
    return [page_title(config, file.src_uri), page_body(config, file.src_uri, file.url)]


def _hand_written(config, file) -> list[str]:
    """The Markdown file it is read from (hooks/fallback.py may choose another language's), that
    file's text as saved, and the parts the build puts into it (the home page's chooser and search
    form, the contribute page's ways to report, …)."""
    source = file.content_string
    _, meta = get_data(source)
    parts = hand_page_parts(config, meta.get("wasla"), file.url)
    return [file.abs_src_path, source] + [part for _, part in parts]


def _modified(file, config, kept: dict[str, str], now: dict[str, str], holds) -> bool:
    """A page's answer to MkDocs' question, asked before the page is read and again before it is
    written: has it changed since the last build wrote it? ``holds`` gives what the page is made
    of besides the frame. The first answer is kept as the file's own, so both are the same."""
    now[file.src_uri] = hashlib.sha256("\0".join(holds(config, file)).encode()).hexdigest()
    changed = kept.get(file.src_uri) != now[file.src_uri] or not os.path.isfile(file.abs_dest_path)
    file.is_modified = lambda: changed
    return changed


def on_post_build(config):
    if not dirty_builds():
        return
    lang = current_language(config)
    made = _now.pop(lang, None)
    if made is None:
        return
    record = written_pages()
    last = record.get((config.site_dir, lang))
    for dest in sorted(last["dests"] - made.dests) if last is not None else ():
        Path(dest).unlink(missing_ok=True)
    record[(config.site_dir, lang)] = {"frame": made.frame, "pages": made.pages, "dests": made.dests}


def on_build_error(error):
    written_pages().clear()
    _now.clear()
