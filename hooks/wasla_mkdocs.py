"""What the MkDocs hooks share: where the data is, which language is being built, and what
one language build makes once (the dataset, its Site, its search index).

Not a hook itself (it has no event handlers); the hook modules import it.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wasla import cache
from wasla.model import Dataset
from wasla.load import build_today as today  # noqa: F401  (re-exported for the hooks)
from wasla.render import Site
from wasla.search import build_index

DEFAULT_LANGUAGE = "ar"


def data_dir(config: MkDocsConfig) -> Path:
    """WASLA_DATA_DIR (tests, benchmark) or extra.wasla.data_dir, relative to mkdocs.yml."""
    configured = os.environ.get("WASLA_DATA_DIR") or config.extra.get("wasla", {}).get("data_dir", "data")
    return Path(os.path.dirname(config.config_file_path or ".")) / configured


def stale_months(config: MkDocsConfig) -> int:
    return int(setting(config, "stale_months", "12"))


def evidence_stale_years(config: MkDocsConfig) -> int:
    """extra.wasla.evidence_stale_years: a newest source older than this is called old (#19)."""
    return int(setting(config, "evidence_stale_years", "3"))


def current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    """Where a language's pages live, relative to the site root: '' for Arabic, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def base_for(url: str, lang: str) -> str:
    """The relative path from a page's URL to its language root ('', '../', …)."""
    inner = url[len(language_prefix(lang)):] if url.startswith(language_prefix(lang)) else url
    return "../" * inner.count("/")


def root_for(url: str) -> str:
    """The relative path from a page's URL to the site root, where the shared assets are."""
    return "../" * url.count("/")


def setting(config: MkDocsConfig, key: str, default: str = "") -> str:
    """extra.wasla.<key>, overridable by WASLA_<KEY> (deployments and tests)."""
    return os.environ.get(f"WASLA_{key.upper()}") or str(config.extra.get("wasla", {}).get(key) or default)


_build: dict = {}  # what this language build has made: its dataset, Site and search index


def load_dataset(config: MkDocsConfig) -> Dataset:
    """Validate the data for this build (hooks/data.py, on_config); raises DataError.

    The cache re-reads the data only when a file changed (mkdocs serve); the other hooks then
    use ``dataset(config)`` instead of walking the data folder again.
    """
    _build.clear()
    _build["dataset"] = cache.dataset(data_dir(config), today())
    return _build["dataset"]


def dataset(config: MkDocsConfig) -> Dataset:
    """The dataset this build validated in on_config."""
    return _build["dataset"] if "dataset" in _build else load_dataset(config)


def site_for(config: MkDocsConfig) -> Site:
    """The pages and bodies of the language being built; made once per language build."""
    lang = current_language(config)
    if _build.get("site_lang") != lang:
        _build["site"] = Site(dataset(config), lang, today=today(), stale_months=stale_months(config),
                              issues_url=setting(config, "issues_url"), report_email=setting(config, "report_email"),
                              evidence_stale_years=evidence_stale_years(config),
                              law_stale_months=int(setting(config, "law_stale_months", "24")))
        _build["site_lang"] = lang
        _build.pop("index", None)
    return _build["site"]


def search_index(config: MkDocsConfig) -> tuple[str, dict[str, str]]:
    """(index id, files) of the language being built; built once per language build."""
    site = site_for(config)
    if "index" not in _build:
        _build["index"] = build_index(site)
    return _build["index"]
