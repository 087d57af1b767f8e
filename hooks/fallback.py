"""Hook: a hand-written page not yet written in the language being built is taken from the next
language of that language's fallback chain (data/languages.yml), and marked.

static-i18n falls back only to the default language (Arabic, even on a left-to-right page); the
chain is the project's own: a Persian reader gets English before Arabic if the registry says so.

Events: on_files (priority -110, after static-i18n has chosen each page's file) points every page
        that static-i18n filled from another language at the first file of the chain that exists
        (docs/<page>.<code>.md);
        on_page_content (priority 10, before hooks/pages.py fills its slots) marks the page's own
        text with the language it is in (lang, dir) and puts a "not yet translated" note, in the
        reader's language, above it; the parts the build fills (chooser, search) stay in the
        page language.
Reads:  docs/, the registry (the language build's dataset), the string table.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

from wasla.core.languages import direction, language_name
from wasla_mkdocs import current_language, dataset, site_for

SLOT = re.compile(r"(<!-- wasla:[^>]*-->)")
PART = "\x00wasla-fallback-part\x00"

_shown: dict[str, str] = {}  # src_uri -> the language its text is in, for pages that fell back


def fallback_file(docs_dir: Path, norm_src_uri: str, chain: tuple[str, ...]) -> tuple[Path, str] | None:
    """The first docs/<page>.<code>.md of the chain that exists, with its language."""
    stem, dot, suffix = norm_src_uri.rpartition(".")
    for code in chain:
        path = docs_dir / f"{stem}.{code}{dot}{suffix}"
        if path.is_file():
            return path, code
    return None


@event_priority(-110)
def on_files(files, config):
    lang = current_language(config)
    _shown.clear()
    chain = dataset(config).languages.chain(lang)
    for file in files.documentation_pages():
        written = getattr(file, "locale", lang)
        if written == lang or getattr(file, "generated_by", None):
            continue
        found = fallback_file(Path(config.docs_dir), getattr(file, "norm_src_uri", file.src_uri), chain[1:])
        if found is not None:
            file.abs_src_path = str(found[0])
            file.locale = found[1]
            written = found[1]
        _shown[file.src_uri] = written
    return files


@event_priority(10)
def on_page_content(html, page, config, files):
    shown = _shown.get(page.file.src_uri)
    if shown is None:
        return html
    site = site_for(config)
    template = site.env.get_template("fallback.html")
    out, first = [], True
    for piece in SLOT.split(html):
        if SLOT.fullmatch(piece) or not piece.strip():
            out.append(piece)
            continue
        wrapper = template.render(
            shown=shown, dir=direction(shown), language=language_name(shown, site.lang), part=PART, note=first
        )
        out.append(wrapper.replace(PART, piece))
        first = False
    return "".join(out)
