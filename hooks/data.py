"""Hook: load and validate data/ before anything is built.

Events: on_config (after static-i18n, priority -110).
Reads:  the data folder (WASLA_DATA_DIR or extra.wasla.data_dir).
Writes: nothing to the site; prints one summary line of the data (once per build, not per
        language), or every error in full and fails the build once, before MkDocs cleans
        or writes site/. Lowers MkDocs' INFO narration (wasla/console.py).
"""
from __future__ import annotations

import logging
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wasla import console
from wasla.problems import DataError
from wasla_mkdocs import DEFAULT_LANGUAGE, current_language, load_dataset, stale_months, today

log = logging.getLogger("mkdocs.hooks.wasla")
console.quiet_build_narration()


@event_priority(-110)
def on_config(config):
    try:
        dataset = load_dataset(config)
    except DataError as exc:
        raise PluginError(console.failure(exc.problems, sys.stderr)) from None
    if current_language(config) == DEFAULT_LANGUAGE:  # the first of the language builds
        print(console.summary(dataset, today(), stale_months(config)), file=sys.stderr, flush=True)
    return config
