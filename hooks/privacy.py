"""Hook: fail the build if any page would make the reader's browser contact another host.

Events: on_post_build, once, after every language is built (priority -300: after static-i18n
        has built the other languages inside the default language's on_post_build, after
        hooks/trim.py, and after hooks/stylesheets.py has written the stylesheets and links
        the pages keep): the scan reads the site as it is published.
Reads:  every page, stylesheet and script of the site.
Writes: nothing; raises PluginError listing every third-party resource found. A dirty build
        (make serve: most files are as the last build left them) parses only the files whose
        bytes it has not scanned before.
"""

from __future__ import annotations

import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wasla.output.privacy_scan import scan
from wasla_mkdocs import dirty, inside_first_language


@event_priority(-300)
def on_post_build(config):
    if inside_first_language(config):
        return
    problems = scan(config.site_dir, remember=dirty())
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        raise PluginError(
            f"{len(problems)} third-party resource(s) in the site: readers must make no request to another host"
        )
