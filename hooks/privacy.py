"""Hook: fail the build if any page would make the reader's browser contact another host.

Events: on_post_build (after hooks/trim.py).
Reads:  the built site of the language just built.
Writes: nothing; raises PluginError listing every third-party resource found.
"""
from __future__ import annotations

import sys

from mkdocs.exceptions import PluginError

from wasla.privacy import scan


def on_post_build(config):
    problems = scan(config.site_dir)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        raise PluginError(f"{len(problems)} third-party resource(s) in the site: readers must make no request to another host")
