"""Hook: the page language, its string table, and the language menu.

Events: on_files (priority -120) keeps the other languages' builds from copying the sitemap
        template raw over the default build's rendered sitemap.xml;
        on_config (priority -120) sets the theme language for the language being built (the
        registry's `material` code: Material writes <html lang> and dir="rtl" from it), and
        keeps the root 404.html and sitemap.xml in the default language;
        on_page_context and on_template_context give templates `wasla`: the UI strings, the
        language menu (every registered language by its own name, each link relative to this
        page: works under any sub-path and from file://), and the data date.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from mkdocs.plugins import event_priority

from wasla.core.strings import strings
from wasla_mkdocs import base_for, current_language, dataset, default_language, language_prefix, root_for, site_for


@event_priority(-120)  # after static-i18n (-100) has chosen the language
def on_config(config):
    lang = current_language(config)
    known = dataset(config).languages.get(lang)
    config.theme["language"] = known.material if known else lang
    # static-i18n writes theme static templates (404.html, sitemap.xml) to the site root in every
    # language build, so the last language would win: only the default language writes them.
    for template in ("404.html", "sitemap.xml"):
        if lang == default_language():
            config.theme.static_templates.add(template)
        else:
            config.theme.static_templates.discard(template)
    return config


@event_priority(-120)
def on_files(files, config):
    """The other language builds would copy the theme's sitemap.xml raw (it is a template only in
    the default language's build, which renders it) over the rendered one: leave it out."""
    if current_language(config) != default_language():
        template = files.get_file_from_path("sitemap.xml")
        if template is not None:
            files.remove(template)
    return files


def relative(target: str, start: str) -> str:
    """posixpath.relpath for two paths inside the site ("en/countries/lb.html" from
    "countries"), without its look-up of the working folder for each call."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    origin = [part for part in start.split("/") if part not in ("", ".")]
    same = 0
    while same < min(len(to), len(origin)) and to[same] == origin[same]:
        same += 1
    return "/".join([".."] * (len(origin) - same) + to[same:]) or "."


def switch_href(url: str, lang: str, other: str) -> str:
    """The same page in another language, relative to this page."""
    inner = url[len(language_prefix(lang)) :]
    target = language_prefix(other) + inner
    start = posixpath.dirname(url) or "."
    return relative(target or "index.html", start)


def language_menu(config, url: str, lang: str) -> list[dict]:
    """Every registered language: {code, name (its own), dir, href (this page in it), current}."""
    return [
        {
            "code": other.code,
            "name": other.name,
            "dir": other.dir,
            "href": switch_href(url, lang, other.code),
            "prefix": language_prefix(other.code),
            "current": other.code == lang,
        }
        for other in dataset(config).languages.languages
    ]


def data_date_text(config) -> str:
    """The data date in the page language, by CLDR («24 نوفمبر 2026», "24 November 2026"):
    a bare 2026-11-24 inside Arabic text reads backwards."""
    value = dataset(config).data_date
    try:
        return site_for(config).date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return value or ""


def wasla_context(config, url: str) -> dict:
    lang = current_language(config)
    return {
        "lang": lang,
        "s": strings(lang),
        "languages": language_menu(config, url, lang),
        "data_date": dataset(config).data_date,
        "data_date_text": data_date_text(config),
        "base": base_for(url, lang),
        "root": root_for(url),
    }


def on_page_context(context, page, config, nav):
    context["wasla"] = wasla_context(config, page.url or "index.html")
    return context


def on_template_context(context, template_name, config):
    """Static templates (404.html) have no page, and no twin in the other language (only the
    default language writes them): they get the language home's context, so the language
    menu leads to each language's home, never to a missing en/404.html."""
    context["wasla"] = wasla_context(config, language_prefix(current_language(config)) + "index.html")
    return context
