"""Hook: a first view in one round trip: small stylesheets, minified scripts, no idle whitespace.

Events: on_startup notes whether this is a preview (mkdocs serve);
        on_post_page (each page: whitespace runs between words and tags become one line break;
        the page noted as written), on_post_template (the theme's 404.html noted as written);
        on_post_build, once, after every language is built (priority -200: after static-i18n
        has built the other languages inside the default language's on_post_build);
        on_build_error forgets the pages noted.
Reads:  every page this build wrote (under mkdocs serve, a save rewrites few), Wasla's
        stylesheets (base.css: the theme's markup; wasla.css: Wasla's components), the shipped
        scripts.
Writes: assets/stylesheets/wasla.<hash>.css: one per group of pages (a folder: countries/, kinds/;
        or a language's root pages), in both languages, holding only the rules those pages use
        (wasla/output/stylesheet.py); each page's link to wasla.min.css is pointed at its group's file;
        deletes the source stylesheets, Material's own and its PNG favicon (no page links them);
        minifies the shipped scripts in place (rjsmin). Under mkdocs serve every page links one
        stylesheet holding every rule: the same look, without reading every page on each save.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rjsmin
from mkdocs.plugins import event_priority

from wasla.core.languages import codes
from wasla.output.html_whitespace import collapse_whitespace
from wasla.output.stylesheet import stylesheets_for, whole
from wasla_mkdocs import inside_first_language, language_prefix, serving

SOURCES = ("base.css", "wasla.css")  # in cascade order
PLACEHOLDER = 'assets/stylesheets/wasla.min.css"'  # what overrides/main.html links; replaced per page
UNUSED = ("stylesheets/main.*.min.css", "stylesheets/palette.*.min.css", "images/favicon.png")


def on_startup(command, dirty):
    # once per process: mkdocs serve loads the hook modules again for each rebuild, not wasla_mkdocs
    serving(command == "serve")


def group(path: Path) -> str:
    """Pages that share a stylesheet: those in one folder (countries/, kinds/ …, in every
    language), and the pages at a language's root (home, safety, about …)."""
    folders = {language_prefix(lang).strip("/") for lang in codes()} - {""}
    parts = path.parts[1:] if path.parts[0] in folders else path.parts
    return parts[0] if len(parts) > 1 else ""


_written: set[Path] = set()  # the pages this build wrote, in every language: those linking PLACEHOLDER


def on_post_page(output, page, config):
    _written.add(Path(page.file.abs_dest_path))
    # the indentation of the templates is a tenth of a country page's bytes; a browser shows a run
    # of whitespace as one space, so each run holding a line break becomes one line break
    return collapse_whitespace(output)


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        _written.add(Path(config.site_dir) / template_name)
    return output_content


def on_build_error(error):
    _written.clear()


@event_priority(-200)
def on_post_build(config):
    if inside_first_language(config):
        return
    site = Path(config.site_dir)
    styles = site / "assets" / "stylesheets"
    scripts = sorted((site / "assets" / "javascripts").glob("*.js"))
    for script in scripts:
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    pages = {p: p.read_text(encoding="utf-8") for p in sorted(_written) if p.is_file()}
    pages = {p: html for p, html in pages.items() if PLACEHOLDER in html}
    _written.clear()
    sheets = [(styles / name).read_text(encoding="utf-8") for name in SOURCES]
    groups = {str(p): (group(p.relative_to(site)), html) for p, html in pages.items()}
    if serving():
        css_of = dict.fromkeys(groups, whole(sheets))
    else:
        css_of = stylesheets_for(sheets, groups, [s.read_text(encoding="utf-8") for s in scripts])
    names = {}
    for css in set(css_of.values()):
        name = f"wasla.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
        (styles / name).write_text(css, encoding="utf-8")
        names[css] = name
    for path, html in pages.items():
        path.write_text(html.replace(PLACEHOLDER, f'assets/stylesheets/{names[css_of[str(path)]]}"'), encoding="utf-8")
    for name in SOURCES:
        (styles / name).unlink()
    for pattern in UNUSED:
        for path in (site / "assets").glob(pattern):
            path.unlink()
