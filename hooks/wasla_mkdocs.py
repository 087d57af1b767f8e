"""What the MkDocs hooks share: where the data is and which language is being built.

Not a hook itself (it has no event handlers); the hook modules import it.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wasla import cache
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


def setting(config: MkDocsConfig, key: str, default: str = "") -> str:
    """extra.wasla.<key>, overridable by WASLA_<KEY> (deployments and tests)."""
    return os.environ.get(f"WASLA_{key.upper()}") or str(config.extra.get("wasla", {}).get(key) or default)


def site_for(config: MkDocsConfig) -> Site:
    """The pages and bodies of the language being built, from the cached dataset."""
    return Site(cache.dataset(data_dir(config), today()), current_language(config), today=today(),
                stale_months=stale_months(config), issues_url=setting(config, "issues_url"),
                report_email=setting(config, "report_email"))


_index: dict = {}


def search_index(config: MkDocsConfig) -> tuple[str, dict[str, str]]:
    """(index id, files) of the language being built; built once per language and dataset."""
    dataset = cache.dataset(data_dir(config), today())
    lang = current_language(config)
    hit = _index.get(lang)
    if hit is None or hit[0] is not dataset:
        hit = _index[lang] = (dataset, build_index(site_for(config)))
    return hit[1]
