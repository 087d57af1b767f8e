"""Hook: the search index of each language, and a page that links every index file.

Events: on_files (priority -110, after static-i18n) adds <lang>/search-files.md, kept out of
        the nav, linked from the open-data page: wget --mirror follows its links and so copies
        the index, which only scripts reference otherwise;
        on_page_content fills that page (wasla.output.render, Jinja); docs/open-data.*.md link to it;
        on_post_build writes the index (wasla.output.search_index) under <language root>/search/<id>/,
        into a temporary folder renamed when complete.
Reads:  the index, built once per language build (wasla_mkdocs.search_index).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from wasla.core.strings import strings
from wasla_mkdocs import current_language, language_prefix, root_for, search_index, site_for

PAGE = "search-files.md"


@event_priority(-110)
def on_files(files, config):
    lang = current_language(config)
    title = strings(lang)["search_files_title"]
    files.append(
        File.generated(
            config,
            language_prefix(lang) + PAGE,
            content=f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n",
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    return files


def on_page_content(html, page, config, files):
    lang = current_language(config)
    if page.file.src_uri != language_prefix(lang) + PAGE:
        return html
    index_id, index = search_index(config)
    script = root_for(page.url) + "assets/javascripts/search.js"
    return site_for(config).search_files(f"search/{index_id}/", sorted(index, key=_natural), script)


def _natural(path: str):
    folder, _, name = path.rpartition("/")
    stem = name.split(".")[0]
    return (folder, int(stem) if stem.isdigit() else -1, name)


def on_post_build(config):
    index_id, index = search_index(config)
    root = Path(config.site_dir) / language_prefix(current_language(config)) / "search"
    final = root / index_id
    partial = root / f".{index_id}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    for path, text in index.items():
        target = partial / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(partial, final)
    for old in root.iterdir():  # an earlier index (mkdocs serve rebuilds into the same folder)
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
