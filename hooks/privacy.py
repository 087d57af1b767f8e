"""Hook: fail the build if any page would make the reader's browser contact another host.

Events: on_post_build (after hooks/trim.py).
Reads:  the files of the language just built (the default language: the root and shared assets).
Writes: nothing; raises PluginError listing every third-party resource found. A dirty build
        (make serve: most files are as the last build left them) parses only the files whose
        bytes it has not scanned before.
"""

from __future__ import annotations

import sys

from mkdocs.exceptions import PluginError

from wasla.core.languages import codes
from wasla.output.privacy_scan import scan
from wasla_mkdocs import current_language, dirty, language_prefix


def on_post_build(config):
    # each language build scans its own files once: English its folder; Arabic (the root) its
    # pages and the shared assets, but not the other languages' folders
    lang = current_language(config)
    part = language_prefix(lang)
    others = () if part else tuple(language_prefix(other) for other in codes() if other != lang)
    problems = scan(config.site_dir, part, skip=others, remember=dirty())
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        raise PluginError(
            f"{len(problems)} third-party resource(s) in the site: readers must make no request to another host"
        )
