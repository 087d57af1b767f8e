"""Vanilla Material with the same entries, as Markdown pages: what the build costs without Wasla.

    python bench/vanilla.py DATA_DIR OUT_DIR     (make bench builds it beside Wasla at each size)

From a data folder of synthetic entries (bench/generate.py), writes a docs folder holding, in each
of the site's languages (mkdocs.yml's plugins.i18n.languages, static-i18n's suffix structure):
Wasla's own Markdown pages (home, safety, about …) with a list of the countries and kinds added to
the home page, one page per country holding its entries as Markdown (paged as Wasla pages a
country), one page per kind (the first entries of each country, as Wasla's kind pages show them),
and the danger view's pages (the topic choice, a page per topic listing the countries, a page per
topic and country with the lines Wasla shows there, chosen by Wasla's own layout).
Its mkdocs.yml is mkdocs.yml without Wasla's hooks, overrides and settings, with Material's own
search and static-i18n reconfiguring Material and the search per language, as static-i18n does by
default. That includes its merge of the languages' search entries after the last language, whose
duplicate check grows with the square of the number of pages: part of what vanilla Material with
static-i18n costs at 10,000 entries (docs/maintainers/performance.md).
"""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from builds import ROOT, i18n_of, read_config, site_languages, write_config  # noqa: E402
from wasla.layout.pages import KIND_PER_COUNTRY, PAGE_SIZE, Layout, danger_path  # noqa: E402
from wasla.loading.dataset import load  # noqa: E402


def text(value, lang: str) -> str:
    """An entry's text in a page language: the language's own, else English, else the first given."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def country_name(code: str, lang: str) -> str:
    if code == "international":
        return {"ar": "دولي", "en": "International"}.get(lang, "International")
    try:
        return Locale.parse(lang).territories.get(code.upper(), code.upper())
    except ValueError:
        return code.upper()


def contact_line(contact: dict) -> str:
    kind, value = contact.get("type"), str(contact.get("value", ""))
    if kind == "phone":
        return f"[{value}](tel:{value.replace(' ', '')})"
    if kind == "email":
        return f"[{value}](mailto:{value})"
    return f"<{value}>" if value.startswith("http") else value


def entry_markdown(entry: dict, lang: str, level: str = "##") -> str:
    lines = [f"{level} {text(entry.get('name'), lang)}", ""]
    if entry.get("summary"):
        lines += [text(entry["summary"], lang), ""]
    if entry.get("city"):
        lines.append(f"- {text(entry['city'], lang)}")
    for contact in entry.get("contacts", []):
        hours = f" ({text(contact['hours'], lang)})" if contact.get("hours") else ""
        lines.append(f"- {contact_line(contact)}{hours}")
    for source in entry.get("sources", []):
        url = source.get("url") if isinstance(source, dict) else source
        lines.append(f"- <{url}>")
    lines.append(f"- {entry.get('status', '')}")
    return "\n".join(lines) + "\n"


def page(title: str, body: list[str]) -> str:
    return f"# {title}\n\n" + "\n".join(body)


def read_entries(data: Path) -> dict[str, list[dict]]:
    """Entries by country code, in file order."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for path in sorted((data / "resources").glob("*/*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        entry["_key"] = f"{path.parent.name}/{path.stem}"
        by_country[path.parent.name].append(entry)
    return by_country


def danger_pages(layout: Layout, entries: dict[str, dict], lang: str) -> dict[str, str]:
    """The danger view's pages as Markdown ({path without suffix: text}): the same pages, with the
    same lines on each, as Wasla's layout makes."""
    topics = layout.dataset.topics
    countries = layout.danger_countries()
    pages = {
        danger_path(suffix=""): page(
            "Help now", [f"- [{text(t.name.values, lang)}]({key}.md)" for key, t in topics.items()]
        )
    }
    for key, topic in topics.items():
        name = text(topic.name.values, lang)
        links = [f"- [{country_name(code, lang)}]({key}-{code}.md)" for code in countries]
        pages[danger_path(key, suffix="")] = page(name, links)
        for code in countries:
            view = layout.danger_view(key, code)
            body = [entries[f"{r.folder}/{r.slug}"] for r in [*view.local, *view.everywhere]]
            pages[danger_path(key, code, "")] = page(name, [entry_markdown(e, lang) for e in body])
    return pages


def write_docs(data: Path, docs: Path, languages: list[str]) -> int:
    """The vanilla site's Markdown pages; returns how many were written (every language)."""
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for md in (ROOT / "docs").glob("*.md"):
        shutil.copy(md, docs / md.name)
    kinds = yaml.safe_load((data / "kinds.yml").read_text(encoding="utf-8"))
    by_country = read_entries(data)
    by_key = {e["_key"]: e for country in by_country.values() for e in country}
    dataset, _problems = load(data)
    written = 0
    for lang in languages:
        for path, markdown in danger_pages(Layout(dataset, lang), by_key, lang).items():
            write(docs / f"{path}.{lang}.md", markdown)
            written += 1
        links = []
        for code, entries in sorted(by_country.items()):
            name = country_name(code, lang)
            links.append(f"- [{name}](countries/{code}.md) ({len(entries)})")
            for start in range(0, len(entries), PAGE_SIZE):
                number = start // PAGE_SIZE + 1
                stem = code if number == 1 else f"{code}-{number}"
                cards = [entry_markdown(e, lang) for e in entries[start : start + PAGE_SIZE]]
                pager = f"[{number + 1}]({code}-{number + 1}.md)" if start + PAGE_SIZE < len(entries) else ""
                write(docs / "countries" / f"{stem}.{lang}.md", page(name, [*cards, pager]))
                written += 1
        for key, kind in kinds.items():
            label = text(kind.get("label"), lang)
            links.append(f"- [{label}](kinds/{key}.md)")
            body = []
            for code, entries in sorted(by_country.items()):
                shown = [e for e in entries if key in e.get("kinds", [])][:KIND_PER_COUNTRY]
                if shown:
                    body += [f"## {country_name(code, lang)}\n", *(entry_markdown(e, lang, "###") for e in shown)]
            write(docs / "kinds" / f"{key}.{lang}.md", page(label, body))
            written += 1
        home = docs / f"index.{lang}.md"
        if home.exists():
            home.write_text(home.read_text(encoding="utf-8") + "\n" + "\n".join(links) + "\n", encoding="utf-8")
    return written


def write(path: Path, markdown: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown, encoding="utf-8")


def vanilla_config(docs: Path, out: Path) -> Path:
    """mkdocs.yml as vanilla Material with static-i18n: no hooks, overrides or Wasla settings."""
    config = read_config()
    config["docs_dir"] = str(docs.resolve())
    config["strict"] = False  # Wasla's pages link to pages only Wasla's hooks make
    config.pop("watch", None)
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    config["theme"]["name"] = "material"
    config.get("extra", {}).pop("wasla", None)
    i18n = i18n_of(config)
    i18n["reconfigure_material"] = True
    i18n["reconfigure_search"] = True
    config["plugins"] = ["search", {"i18n": i18n}]
    return write_config(config, out)


def prepare(data: Path, out: Path, name: str) -> tuple[Path, Path]:
    """(every language config, first language config) of the vanilla site of a data folder."""
    config = read_config()
    docs = out / f"{name}-docs"
    write_docs(data, docs, site_languages(config))
    every = vanilla_config(docs, out / f"{name}-mkdocs.yml")
    first = read_config(every)
    for lang in i18n_of(first)["languages"]:
        lang["build"] = lang["locale"] == site_languages(config)[0]
    return every, write_config(first, out / f"{name}-first-language-mkdocs.yml")


if __name__ == "__main__":
    print(*prepare(Path(sys.argv[1]), Path(sys.argv[2]), "vanilla"), sep="\n")
