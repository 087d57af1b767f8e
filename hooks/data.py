"""Hook: load and validate data/ before anything is built.

Events: on_config (after static-i18n, priority -110).
Reads:  the data folder (WASLA_DATA_DIR or extra.wasla.data_dir).
Writes: nothing to the site; prints every data problem and fails the build
        once, before MkDocs cleans or writes site/, when any is an error.
"""
from __future__ import annotations

import logging
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wasla.problems import DataError, report
from wasla_mkdocs import load_dataset

log = logging.getLogger("mkdocs.hooks.wasla")


@event_priority(-110)
def on_config(config):
    try:
        dataset = load_dataset(config)
    except DataError as exc:
        report(exc.problems, sys.stderr)
        raise PluginError(f"{exc}; fix the lines above (run 'make check' to see them alone)") from None
    warnings = len(dataset.problems)
    log.info(f"wasla: {len(dataset.resources)} resources, {warnings} data warnings (see 'make check')")
    return config
