"""Hook: remove theme files and theme markup that no page uses.

Events: on_files: Material's JavaScript (bundle, search worker, lunr; Wasla ships its own small
        script instead) and source maps are left out of the files each language build copies;
        on_post_page, on_post_template (each page, and the theme's static 404.html): the theme's
        checkboxes out of a text browser's sight (wasla/output/text_browsers.py);
        on_post_build: deletes any such file that is in the site all the same (from an older build
        into the same folder), so readers and mirrors never download them and the privacy scan
        sees only what is used.
Reads:  the language build's files; the built site of the language just built.
"""

from __future__ import annotations

import shutil
from fnmatch import fnmatchcase
from pathlib import Path

from wasla.output.text_browsers import hide_theme_toggles

UNUSED = ("assets/javascripts/bundle.*.js", "assets/javascripts/lunr", "assets/javascripts/workers", "assets/**/*.map")


def unused(src_uri: str) -> bool:
    """Whether a file of the build is one of the theme's files no page uses (UNUSED: a file's
    pattern, where "*" also spans folders, or a folder)."""
    return any(fnmatchcase(src_uri, pattern) or src_uri.startswith(pattern + "/") for pattern in UNUSED)


def on_files(files, config):
    for file in [f for f in files if not f.is_documentation_page() and unused(f.src_uri)]:
        files.remove(file)
    return files


def on_post_page(output, page, config):
    return hide_theme_toggles(output)


def on_post_template(output_content, template_name, config):
    return hide_theme_toggles(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    site = Path(config.site_dir)
    for pattern in UNUSED:
        for path in site.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
