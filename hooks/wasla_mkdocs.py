"""What the MkDocs hooks share: the validated settings, which language is being built, what one
language build makes once (the dataset, its layout and renderer, its search index, the parts it
fills into hand-written pages), and the worker that renders the further languages' bodies
(wasla.output.body_pool).

Not a hook itself (it has no event handlers); the hook modules import it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wasla.core import languages
from wasla.core import settings as wasla_settings
from wasla.core.dates import build_today as today
from wasla.core.languages import default_language, language_prefix
from wasla.core.model import Dataset
from wasla.core.settings import Settings
from wasla.layout.pages import Layout, PagePlan, way_back
from wasla.loading import cache
from wasla.output.body_pool import BodyPool
from wasla.output.kept_bodies import KEPT
from wasla.output.render import Renderer
from wasla.output.search_index import build_index

__all__ = ["default_language", "language_prefix", "today"]


def settings(config: MkDocsConfig) -> Settings:
    """extra.wasla, validated whole (hooks/data.py reads it first, in on_config)."""
    return wasla_settings.read(config.extra.get("wasla"))


def data_dir(config: MkDocsConfig) -> Path:
    """WASLA_DATA_DIR (tests, benchmark) or extra.wasla.data_dir, relative to mkdocs.yml."""
    return Path(os.path.dirname(config.config_file_path or ".")) / settings(config).data_dir


def current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or default_language()


def i18n_languages(config: MkDocsConfig) -> list[str] | None:
    """The locales mkdocs.yml's plugins.i18n.languages lists, in order; None without the plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return None
    return [str(entry.locale) for entry in plugin.config.languages]


def languages_disagree(config: MkDocsConfig, registry: languages.Registry) -> str | None:
    """Why mkdocs.yml's i18n languages and data/languages.yml differ, or None when they agree."""
    listed = i18n_languages(config)
    if listed is None or listed == list(registry.codes):
        return None
    missing = [c for c in registry.codes if c not in listed]
    extra = [c for c in listed if c not in registry.codes]
    how = []
    if missing:
        how.append(f"add {', '.join(missing)} to plugins.i18n.languages (build: true, site_name, nav_translations)")
    if extra:
        how.append(f"add {', '.join(extra)} to data/languages.yml or remove it from mkdocs.yml")
    if not how:
        how.append("list them in the same order, the default first")
    return (
        f"mkdocs.yml: plugins.i18n.languages differs from data/languages.yml; expected "
        f"{', '.join(registry.codes)} (data/languages.yml); got {', '.join(listed)}; {'; '.join(how)}"
    )


def base_for(url: str, lang: str) -> str:
    """The relative path from a page's URL to its language root ('', '../', …)."""
    inner = url[len(language_prefix(lang)) :] if url.startswith(language_prefix(lang)) else url
    return way_back(inner)


def root_for(url: str) -> str:
    """The relative path from a page's URL to the site root, where the shared assets are."""
    return way_back(url)


_build: dict = {}  # what this language build has made: its settings, dataset, renderer and search index
_process: dict = {
    "serving": False,
    "dirty": False,
    "written": {},
    "pool": None,
}  # for the life of the process (mkdocs serve reloads the hook modules)


def serving(value: bool | None = None) -> bool:
    """Whether this process is mkdocs serve (a preview); set once, from on_startup."""
    if value is not None:
        _process["serving"] = value
    return _process["serving"]


def inside_first_language(config: MkDocsConfig) -> bool:
    """Whether this is a language built inside the default one (static-i18n builds each further
    language in the default language's on_post_build): the steps that run once over the whole
    site wait for the end of the whole build."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and getattr(i18n, "building", False)


def dirty(value: bool | None = None) -> bool:
    """Whether this process's builds keep the site folder (``--dirty``: make serve); set once,
    from on_startup."""
    if value is not None:
        _process["dirty"] = value
    return _process["dirty"]


def written_pages() -> dict[tuple[str, str], dict]:
    """What the last builds of this process wrote, by (site folder, language): hooks/preview.py's
    record of each generated page's content, so a dirty rebuild rewrites only the changed ones."""
    return _process["written"]


def load_dataset(config: MkDocsConfig) -> Dataset:
    """Validate the settings and the data for this build (hooks/data.py, on_config); raises
    SettingsError or DataError. The templates then read the validated settings, defaults filled in.

    The first language build of a build loads the data (a resource file unchanged since the last
    build in this process, mkdocs serve's, is not checked again); the other languages take that
    dataset; the other hooks then use ``dataset(config)`` instead of walking the data folder again.
    """
    _build.clear()
    _build["settings"] = checked = settings(config)
    config.extra["wasla"] = dataclasses.asdict(checked)
    fresh = current_language(config) == default_language()
    _build["dataset"] = cache.dataset(data_dir(config), today(), fresh=fresh)
    languages.use(_build["dataset"].languages)  # a cached dataset: its registry again in force
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
        pool = _process["pool"]
        _build["bodies"] = pool.take(lang) if pool is not None else None
        for made in ("index", "plans", "parts"):
            _build.pop(made, None)
    return _build["site"]


def generated_pages(config: MkDocsConfig) -> dict[str, PagePlan]:
    """The generated pages of the language being built (hooks/pages.py adds their files), by the
    source path MkDocs knows them by; planned once per language build."""
    site = site_for(config)
    if "plans" not in _build:
        prefix = language_prefix(site.lang)
        _build["plans"] = {prefix + plan.path: plan for plan in site.layout.pages()}
    return _build["plans"]


def page_title(config: MkDocsConfig, src_uri: str) -> str:
    """A generated page's title (its <title>, and the heading the theme gives it)."""
    return site_for(config).title(generated_pages(config)[src_uri])


def page_body(config: MkDocsConfig, src_uri: str, url: str) -> str:
    """A generated page's body. A dirty build (make serve) renders again only the bodies whose
    values changed since the last build (wasla/output/kept_bodies.py): the preview's question
    "has this page changed?" and the page's own build then cost one rendering between them."""
    site = site_for(config)
    plan, base = generated_pages(config)[src_uri], base_for(url, site.lang)
    if dirty():
        return KEPT.body(site, plan, base)
    rendered = _build["bodies"]
    if rendered is not None and plan.path in rendered:
        return rendered[plan.path]
    return site.render(plan, base)


def render_further_languages(config: MkDocsConfig) -> None:
    """In the first language build of a build (not a preview's: those keep their bodies), start
    rendering the further languages' generated bodies in a worker (wasla.output.body_pool);
    each further language build takes its own when it makes its renderer."""
    i18n = config.plugins.get("i18n")
    if i18n is None or inside_first_language(config) or current_language(config) != default_language():
        return
    stop_rendering()
    if dirty():
        return
    further = [lang for lang in getattr(i18n, "build_languages", []) if lang != current_language(config)]
    _process["pool"] = BodyPool(dataset(config), further, _build["settings"], today())


def stop_rendering() -> None:
    """Stop the worker rendering further languages, if one runs (a failed build, a new one)."""
    if _process["pool"] is not None:
        _process["pool"].close()
        _process["pool"] = None


SEARCH_SLOT = "<!-- wasla:search (the search box goes here) -->"
CHOOSER_SLOT = "<!-- wasla:chooser (the country chooser goes here) -->"
DANGER_SLOT = "<!-- wasla:danger (in danger now: the choice of what is happening goes here) -->"
FILLED_ROLES = ("home", "contribute", "open-data")  # hand-written pages the build fills (front matter `wasla:`)


def hand_page_parts(config: MkDocsConfig, role: str | None, url: str) -> list[tuple[str | None, str]]:
    """What the build puts into a hand-written page of this role (its front matter's ``wasla:``):
    (the slot the page's author left for it, or None to add it at the end; its HTML). Rendered
    once per language build for each role and place: a preview asks for them before the page is
    built (hooks/preview.py) and the page's build again (hooks/pages.py)."""
    site = site_for(config)
    base, root = base_for(url, site.lang), root_for(url)
    made = _build.setdefault("parts", {})
    if (role, base, root) not in made:
        made[(role, base, root)] = _parts(config, site, role, base, root)
    return made[(role, base, root)]


def _parts(
    config: MkDocsConfig, site: Renderer, role: str | None, base: str, root: str
) -> list[tuple[str | None, str]]:
    if role == "contribute":
        return [(None, site.report_ways())]
    if role == "open-data":
        return [(None, site.vcard_links(root))]
    if role != "home":
        return []
    index_id, _ = search_index(config)
    form = site.search_form(base, f"{base}search/{index_id}/", f"{root}assets/javascripts/search.js")
    return [(CHOOSER_SLOT, site.chooser(base)), (DANGER_SLOT, site.danger(base)), (SEARCH_SLOT, form)]


def search_index(config: MkDocsConfig) -> tuple[str, dict[str, str]]:
    """(index id, files) of the language being built; built once per language build."""
    site = site_for(config)
    if "index" not in _build:
        _build["index"] = build_index(site)
    return _build["index"]
