"""What the MkDocs hooks share: the validated settings, which language is being built, and what one
language build makes once (the dataset, its layout and renderer, its search index).

Not a hook itself (it has no event handlers); the hook modules import it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wasla.core import settings as wasla_settings
from wasla.core.dates import build_today as today
from wasla.core.languages import DEFAULT_LANGUAGE, language_prefix
from wasla.core.model import Dataset
from wasla.core.settings import Settings
from wasla.layout.pages import Layout
from wasla.loading import cache
from wasla.output.render import Renderer
from wasla.output.search_index import build_index

__all__ = ["DEFAULT_LANGUAGE", "language_prefix", "today"]


def settings(config: MkDocsConfig) -> Settings:
    """extra.wasla, validated whole (hooks/data.py reads it first, in on_config)."""
    return wasla_settings.read(config.extra.get("wasla"))


def data_dir(config: MkDocsConfig) -> Path:
    """WASLA_DATA_DIR (tests, benchmark) or extra.wasla.data_dir, relative to mkdocs.yml."""
    return Path(os.path.dirname(config.config_file_path or ".")) / settings(config).data_dir


def current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def base_for(url: str, lang: str) -> str:
    """The relative path from a page's URL to its language root ('', '../', …)."""
    inner = url[len(language_prefix(lang)) :] if url.startswith(language_prefix(lang)) else url
    return "../" * inner.count("/")


def root_for(url: str) -> str:
    """The relative path from a page's URL to the site root, where the shared assets are."""
    return "../" * url.count("/")


_build: dict = {}  # what this language build has made: its settings, dataset, renderer and search index


def load_dataset(config: MkDocsConfig) -> Dataset:
    """Validate the settings and the data for this build (hooks/data.py, on_config); raises
    SettingsError or DataError. The templates then read the validated settings, defaults filled in.

    The cache re-reads the data only when a file changed (mkdocs serve); the other hooks then
    use ``dataset(config)`` instead of walking the data folder again.
    """
    _build.clear()
    _build["settings"] = checked = settings(config)
    config.extra["wasla"] = dataclasses.asdict(checked)
    _build["dataset"] = cache.dataset(data_dir(config), today())
    return _build["dataset"]


def dataset(config: MkDocsConfig) -> Dataset:
    """The dataset this build validated in on_config."""
    return _build["dataset"] if "dataset" in _build else load_dataset(config)


def site_for(config: MkDocsConfig) -> Renderer:
    """The page titles and bodies of the language being built; made once per language build."""
    lang = current_language(config)
    if _build.get("site_lang") != lang:
        data = dataset(config)
        _build["site"] = Renderer(Layout(data, lang), _build["settings"], today())
        _build["site_lang"] = lang
        _build.pop("index", None)
    return _build["site"]


def search_index(config: MkDocsConfig) -> tuple[str, dict[str, str]]:
    """(index id, files) of the language being built; built once per language build."""
    site = site_for(config)
    if "index" not in _build:
        _build["index"] = build_index(site)
    return _build["index"]
