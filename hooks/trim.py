"""Hook: remove theme files and theme markup that no page uses.

Events: on_post_page, on_post_template (each page, and the theme's static 404.html): the theme's
        checkboxes out of a text browser's sight (wasla/output/text_browsers.py);
        on_post_build.
Reads:  the built site of the language just built.
Writes: deletes Material's JavaScript (bundle, search worker, lunr; Wasla ships
        its own small script instead) and source maps, so readers and mirrors
        never download them and the privacy scan sees only what is used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from wasla.output.text_browsers import hide_theme_toggles

UNUSED = ("assets/javascripts/bundle.*.js", "assets/javascripts/lunr", "assets/javascripts/workers", "assets/**/*.map")


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
