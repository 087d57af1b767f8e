"""Hook: remove theme files that no page uses.

Events: on_post_build.
Reads:  the built site of the language just built.
Writes: deletes Material's JavaScript (bundle, search worker, lunr; Wasla ships
        its own small script instead) and source maps, so readers and mirrors
        never download them and the privacy scan sees only what is used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

UNUSED = ("assets/javascripts/bundle.*.js", "assets/javascripts/lunr", "assets/javascripts/workers", "assets/**/*.map")


def on_post_build(config):
    site = Path(config.site_dir)
    for pattern in UNUSED:
        for path in site.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
