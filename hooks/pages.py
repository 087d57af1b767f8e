"""Hook: the generated pages (one per country, one per kind, the danger view's) and what the build
fills into hand-written pages (the home chooser, …).

Events: on_files (after static-i18n, priority -110): in the first language build of a build,
        starts rendering the further languages' bodies in a worker (wasla.output.body_pool,
        through wasla_mkdocs); adds the current language's country and kind pages and the
        danger view's pages (danger/index, one per topic, one per topic and country:
        wasla.layout.pages) as in-memory files (never written into docs/), kept out of the nav,
        each with its page (GeneratedPage: its title set, no Markdown read or converted);
        on_page_content fills generated pages, and the hand-written pages' slots
        (wasla_mkdocs.hand_page_parts: the home page's chooser, "in danger now?" block and
        search form, the contribute page's ways to report, the open-data page's vCard links),
        with HTML rendered by wasla.output.render (Jinja, autoescaped): data never passes
        through Markdown;
        on_build_error stops the worker.
Reads:  the language build's pages, renderer and search index id (wasla_mkdocs).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from wasla_mkdocs import (
    FILLED_ROLES,
    generated_pages,
    hand_page_parts,
    page_body,
    page_title,
    render_further_languages,
    stop_rendering,
)


class GeneratedPage(Page):
    """A generated page as MkDocs builds it: its title is known when it is planned and its body
    comes from the engine (on_page_content), so there is no Markdown to read or convert: a page
    of MkDocs' own would build a Markdown converter, with every extension, for each of them."""

    def __init__(self, title: str, file: File, config) -> None:
        super().__init__(None, file, config)
        self._planned_title = title

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", {"title": self._planned_title}

    def render(self, config, files) -> None:
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()


@event_priority(-110)
def on_files(files, config):
    render_further_languages(config)
    for src in generated_pages(config):
        file = File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        GeneratedPage(page_title(config, src), file, config)
        files.append(file)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri in generated_pages(config):
        return page_body(config, page.file.src_uri, page.url)
    role = page.meta.get("wasla")
    if role not in FILLED_ROLES:
        return html
    for slot, part in hand_page_parts(config, role, page.url):
        # where the page's author put it, else at the end
        html = html.replace(slot, part, 1) if slot is not None and slot in html else html + part
    return html


def on_build_error(error):
    stop_rendering()
