"""Hook: load and validate data/ before anything is built.

Events: on_config (after static-i18n, priority -110).
Reads:  extra.wasla (validated whole: an unknown key or a wrong type fails the build) and the
        data folder (WASLA_DATA_DIR or extra.wasla.data_dir); plugins.i18n.languages must list
        the languages of data/languages.yml, in its order (else the build fails, saying how).
Writes: nothing to the site; prints one summary line of the data (once per build, not per
        language), or every error in full and fails the build once, before MkDocs cleans
        or writes site/. Lowers MkDocs' INFO narration (wasla/commands/console.py).
"""

from __future__ import annotations

import logging
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wasla.commands import console
from wasla.core.problems import DataError
from wasla.core.settings import SettingsError
from wasla_mkdocs import current_language, default_language, languages_disagree, load_dataset, settings, today

log = logging.getLogger("mkdocs.hooks.wasla")
console.quiet_build_narration()


@event_priority(-110)
def on_config(config):
    try:
        dataset = load_dataset(config)
    except SettingsError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None
    except DataError as exc:
        raise PluginError(console.failure(exc.problems, sys.stderr)) from None
    disagree = languages_disagree(config, dataset.languages)
    if disagree:
        raise PluginError(disagree)
    if current_language(config) == default_language():  # the first of the language builds
        print(console.summary(dataset, today(), settings(config).stale_months), file=sys.stderr, flush=True)
    return config
