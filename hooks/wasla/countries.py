"""The region and what the law says there: ``data/region.yml`` and ``data/countries/<cc>.yml``.

Beside the resources, not inside them: its own model (``Country``, ``LawItem``), its own
rulebook (one named function per rule, the same ``Check``/``Problem`` and the same
``path:line:col: field: what is wrong; expected …; got …`` messages), its own page logic
(which countries have pages, in what order, under which names, which international services
serve a country) and its own exports (``law.json``, ``law.csv``).

Also here: the two resource fields of the shared contract this lane owns, ``scope`` and
``warnings`` (``check_scope_and_warnings``, called once from ``rules.check_resource``).

Law text is content, never a title or a slug, and it never enters the search index.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .model import Text
from .problems import Problem, display_path
from .rules import (CONFIDENCES, INTERNATIONAL, Check, _got, check_fields, country_codes, enum_is_known, pos_of,
                    to_text, translation_is_missing, web_url_is_safe)
from .yamlload import Map, Pos

# ---------------------------------------------------------------------------
# Vocabulary (data/schema/country.schema.json repeats these; tests/test_schema.py keeps them equal)

SAME_SEX_ACTS = ("criminalised", "not_criminalised", "de_facto_criminalised", "unclear")
LAW_TEXTS = ("legal_basis", "max_penalty", "gender_expression", "enforcement", "recent_change")
UNDATED = "undated"
COUNTRY_FIELDS: dict[str, tuple[bool, str]] = {"law": (True, "list")}
LAW_FIELDS: dict[str, tuple[bool, str]] = {
    "jurisdiction": (False, "text"),
    "same_sex_acts": (True, "scalar"),
    "legal_basis": (False, "text"),
    "max_penalty": (False, "text"),
    "gender_expression": (False, "text"),
    "enforcement": (False, "text"),
    "recent_change": (False, "text"),
    "summary": (True, "text"),
    "sources": (True, "list"),
    "source_dates": (True, "list"),
    "as_of": (True, "scalar"),
    "confidence": (True, "scalar"),
}
REGION_FIELDS: dict[str, tuple[bool, str]] = {"countries": (True, "list")}
SCOPES = ("lgbtq", "general")
WARNING_FIELDS: dict[str, tuple[bool, str]] = {"text": (True, "text"), "date": (True, "scalar"), "source": (True, "scalar")}
LAW_STALE_MONTHS = 24  # default; mkdocs.yml extra.wasla.law_stale_months overrides it for the site

AS_OF_RE = re.compile(r"^\d{4}-\d{2}$")
SOURCE_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Names as a reader in the region expects them. CLDR (babel) gives every other name; add a line
# here only with a source that justifies it.
NAME_OVERRIDES: dict[tuple[str, str], str] = {
    # CLDR: «الأراضي الفلسطينية» / "Palestinian Territories". The League of Arab States counts
    # «دولة فلسطين» among its 22 members, and UN General Assembly resolution 67/19 (29 November
    # 2012) accorded Palestine non-member observer State status; readers expect «فلسطين».
    ("ps", "ar"): "فلسطين",
    ("ps", "en"): "Palestine",
}
# Where a long official name is filed in an Arabic list: under the word a reader looks for.
# The League of Arab States lists its members in this order (…، جيبوتي، السعودية، السودان …
# قطر، القمر، الكويت …); to be confirmed by the native reviewer.
SORT_AS: dict[tuple[str, str], str] = {
    ("sa", "ar"): "السعودية",  # CLDR: «المملكة العربية السعودية», filed under س, not م
    ("km", "ar"): "القمر",  # CLDR: «جزر القمر», filed under ق, not ج
}


# ---------------------------------------------------------------------------
# Model


@dataclass(frozen=True)
class Source:
    url: str
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD | undated, as written


@dataclass(frozen=True)
class LawItem:
    same_sex_acts: str
    summary: Text
    sources: tuple[Source, ...]
    as_of: str  # YYYY-MM, or "undated" when no source gives a date
    confidence: str
    jurisdiction: Text = field(default_factory=Text)
    legal_basis: Text = field(default_factory=Text)
    max_penalty: Text = field(default_factory=Text)
    gender_expression: Text = field(default_factory=Text)
    enforcement: Text = field(default_factory=Text)
    recent_change: Text = field(default_factory=Text)

    @property
    def as_of_date(self) -> dt.date | None:
        return None if self.as_of == UNDATED else dt.date(int(self.as_of[:4]), int(self.as_of[5:7]), 1)

    @property
    def details(self) -> list[tuple[str, Text]]:
        """(field, text) of the detail fields that have text, in file order."""
        return [(key, getattr(self, key)) for key in LAW_TEXTS if getattr(self, key)]


@dataclass(frozen=True)
class Country:
    code: str
    path: str
    law: tuple[LawItem, ...]


@dataclass(frozen=True)
class SafetyWarning:
    """A dated, sourced safety fact shown on a resource's card (resource field ``warnings``)."""

    text: Text
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    source: str


# ---------------------------------------------------------------------------
# Rules: the region list


def region_codes_are_iso(c: Check, data: Map) -> list[str]:
    codes: list[str] = []
    value = data.get("countries")
    if not isinstance(value, list):
        return codes
    for i, code in enumerate(value):
        if not isinstance(code, str) or code not in country_codes():
            hint = f" (write it in lower case: '{code.lower()}')" if isinstance(code, str) and code.lower() in country_codes() else ""
            c.error(pos_of(code, data, "countries"), f"countries[{i}]", f"not a country code{hint}; expected a lower-case ISO 3166-1 code like 'lb'; got {_got(code)}", "region_codes_are_iso")
        elif code in codes:
            c.error(code.pos, f"countries[{i}]", f"country listed twice; expected each country once; got '{code}'", "region_codes_are_iso")
        else:
            codes.append(str(code))
    return codes


# ---------------------------------------------------------------------------
# Rules: a law file


def country_file_is_iso(c: Check, code: str) -> None:
    if code not in country_codes():
        c.error(Pos(1, 1), "", f"file name is not a country; expected a lower-case ISO 3166-1 code, like 'lb.yml'; got '{code}.yml'", "country_file_is_iso")


def law_is_list(c: Check, data: Map) -> list:
    value = data.get("law")
    if isinstance(value, list) and not value:
        c.error(value.pos, "law", "is empty; expected at least one item (one per jurisdiction); got an empty list", "law_is_list")
    return value if isinstance(value, list) else []


def law_text_is_bilingual(c: Check, item: Map, key: str, where: str) -> None:
    """Law text is written per language ({en, ar}): one string would show the same words in both."""
    value = item.get(key)
    if isinstance(value, str) and value.strip():
        c.error(value.pos, f"{where}.{key}", f"must be text in each language; expected 'en:' and 'ar:' lines (either may be empty); got {_got(value)}", "law_text_is_bilingual")


def law_summary_in_both_languages(c: Check, item: Map, where: str) -> None:
    """The summary is the line every reader sees: it must be there in English and in Arabic."""
    value = item.get("summary")
    if not isinstance(value, dict):
        return
    for lang, name in (("en", "English"), ("ar", "Arabic")):
        text = value.get(lang)
        if not (isinstance(text, str) and text.strip()):
            c.error(pos_of(text, value, lang) if lang in value else value.pos, f"{where}.summary.{lang}",
                    f"{name} summary missing; expected '{lang}:' with one or two plain sentences; got nothing", "law_summary_in_both_languages")


def as_of_is_valid(c: Check, item: Map, where: str, today: dt.date) -> str | None:
    value = item.get("as_of")
    if not isinstance(value, str) or not value:
        return None
    if value == UNDATED:
        return UNDATED
    ok = bool(AS_OF_RE.match(value)) and 1 <= int(value[5:7]) <= 12
    if not ok:
        c.error(value.pos, f"{where}.as_of", f"not a month; expected YYYY-MM, like '2024-03' (or 'undated' when no source gives a date); got '{value}'", "as_of_is_valid")
        return None
    if (int(value[:4]), int(value[5:7])) > (today.year, today.month):
        c.error(value.pos, f"{where}.as_of", f"is in the future; expected a month up to {today.strftime('%Y-%m')}; got '{value}'", "as_of_not_in_future")
        return None
    return str(value)


def source_date_is_valid(c: Check, value, where: str, parent, key) -> bool:
    if isinstance(value, str) and (value == UNDATED or _partial_date(value)):
        return True
    c.error(pos_of(value, parent, key), where, f"not a date; expected YYYY, YYYY-MM, YYYY-MM-DD or 'undated'; got {_got(value)}", "source_date_is_valid")
    return False


def _partial_date(value: str) -> bool:
    if not SOURCE_DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def source_dates_are_aligned(c: Check, item: Map, where: str) -> None:
    sources, dates = item.get("sources"), item.get("source_dates")
    if isinstance(sources, list) and isinstance(dates, list) and sources and dates and len(sources) != len(dates):
        c.error(dates.pos, f"{where}.source_dates", f"not aligned with sources; expected one date per source, in the same order ({len(sources)}; 'undated' when a page shows none); got {len(dates)}", "source_dates_are_aligned")


def jurisdictions_are_named(c: Check, items: list) -> None:
    """Several items (Palestine: West Bank, Gaza) are told apart by their jurisdiction."""
    if len(items) < 2:
        return
    for i, item in enumerate(items):
        if isinstance(item, dict) and not to_text(item.get("jurisdiction")):
            c.error(item.pos, f"law[{i}].jurisdiction", "is required when the law lists several items; expected {en, ar} naming where this item applies; got nothing", "jurisdictions_are_named")


def check_law_item(c: Check, item, i: int, today: dt.date) -> LawItem | None:
    where = f"law[{i}]"
    if not isinstance(item, dict):
        c.error(getattr(item, "pos", None), where, f"must be a mapping; expected 'same_sex_acts:', 'summary:', … lines; got {_got(item)}", "field_shape")
        return None
    before = len([p for p in c.problems if p.level == "error"])
    check_fields(c, item, LAW_FIELDS, where)
    for key in ("jurisdiction", "summary", *LAW_TEXTS):
        law_text_is_bilingual(c, item, key, where)
    law_summary_in_both_languages(c, item, where)
    translation_is_missing(c, item, f"{where}.jurisdiction", item.get("jurisdiction"))
    enum_is_known(c, item, "same_sex_acts", SAME_SEX_ACTS, f"{where}.same_sex_acts", noun="status")
    enum_is_known(c, item, "confidence", CONFIDENCES, f"{where}.confidence", noun="confidence")
    as_of = as_of_is_valid(c, item, where, today)
    urls, dates = [], []
    if isinstance(item.get("sources"), list):
        for j, src in enumerate(item["sources"]):
            if web_url_is_safe(c, src, f"{where}.sources[{j}]", item, "sources"):
                urls.append(str(src))
    if isinstance(item.get("source_dates"), list):
        for j, date in enumerate(item["source_dates"]):
            if source_date_is_valid(c, date, f"{where}.source_dates[{j}]", item, "source_dates"):
                dates.append(str(date))
    source_dates_are_aligned(c, item, where)
    if len([p for p in c.problems if p.level == "error"]) > before or as_of is None:
        return None
    return LawItem(
        same_sex_acts=str(item["same_sex_acts"]), summary=to_text(item["summary"]),
        sources=tuple(Source(u, d) for u, d in zip(urls, dates)), as_of=as_of, confidence=str(item["confidence"]),
        jurisdiction=to_text(item.get("jurisdiction")),
        **{key: to_text(item.get(key)) for key in LAW_TEXTS},
    )


def check_country(path: str, code: str, data, today: dt.date) -> tuple[Country | None, list[Problem]]:
    """One law file, every rule."""
    c = Check(path)
    country_file_is_iso(c, code)
    if not isinstance(data, dict):
        c.error(getattr(data, "pos", None), "", f"the file must be a mapping; expected a 'law:' list; got {_got(data) if data is not None else 'an empty file'}", "file_is_mapping")
        return None, c.problems
    check_fields(c, data, COUNTRY_FIELDS, "")
    items = law_is_list(c, data)
    jurisdictions_are_named(c, items)
    law = [check_law_item(c, item, i, today) for i, item in enumerate(items)]
    if c.failed:
        return None, c.problems
    return Country(code=code, path=path, law=tuple(x for x in law if x is not None)), c.problems


# ---------------------------------------------------------------------------
# Rules: the resource fields `scope` and `warnings`


def check_scope_and_warnings(c: Check, data: Map, today: dt.date) -> tuple[str, tuple[SafetyWarning, ...]]:
    """Called once from rules.check_resource: (scope, warnings) of a resource file."""
    enum_is_known(c, data, "scope", SCOPES, noun="scope")
    scope = str(data.get("scope") or "lgbtq")
    found = []
    value = data.get("warnings")
    for i, item in enumerate(value if isinstance(value, list) else []):
        warning = warning_is_complete(c, item, f"warnings[{i}]", data, today)
        if warning:
            found.append(warning)
    return scope, tuple(found)


def warning_is_complete(c: Check, item, where: str, parent: Map, today: dt.date) -> SafetyWarning | None:
    """A safety warning is a fact with its date and its source, in both languages — never a rumour."""
    if not isinstance(item, dict):
        c.error(pos_of(item, parent, "warnings"), where, f"must be a mapping; expected 'text:', 'date:' and 'source:' lines; got {_got(item)}", "field_shape")
        return None
    before = len(c.problems)
    check_fields(c, item, WARNING_FIELDS, where)
    text = item.get("text")
    if isinstance(text, str) and text.strip():
        c.error(text.pos, f"{where}.text", f"must be text in each language; expected 'en:' and 'ar:' lines; got {_got(text)}", "warning_in_both_languages")
    elif isinstance(text, dict):
        for lang, name in (("en", "English"), ("ar", "Arabic")):
            if not (isinstance(text.get(lang), str) and text.get(lang).strip()):
                c.error(text.pos, f"{where}.text.{lang}", f"{name} text missing; expected '{lang}:' (a warning is shown in both languages); got nothing", "warning_in_both_languages")
    date = item.get("date")
    if isinstance(date, str) and date:
        if not (date != UNDATED and _partial_date(date)):
            c.error(date.pos, f"{where}.date", f"not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (when the fact was reported); got '{date}'", "warning_date_is_valid")
        elif date[:10] > today.isoformat()[:len(date)]:
            c.error(date.pos, f"{where}.date", f"is in the future; expected a date on or before {today.isoformat()}; got '{date}'", "warning_date_is_valid")
    if isinstance(item.get("source"), str) and item.get("source"):
        web_url_is_safe(c, item["source"], f"{where}.source", item, "source")
    if any(p.level == "error" for p in c.problems[before:]):
        return None
    return SafetyWarning(text=to_text(text), date=str(date), source=str(item["source"]))


# ---------------------------------------------------------------------------
# Loading (load.load calls load_countries once)


def load_countries(data_dir: Path, today: dt.date, problems: list[Problem], read_yaml) -> tuple[tuple[str, ...], dict[str, Country]]:
    """(region codes, {code: Country}) from data/region.yml and data/countries/*.yml."""
    region: list[str] = []
    path = data_dir / "region.yml"
    if path.exists():
        data, shown = read_yaml(path, problems)
        c = Check(shown)
        if isinstance(data, dict):
            check_fields(c, data, REGION_FIELDS, "")
            region = region_codes_are_iso(c, data)
        elif not any(p.path == shown for p in problems):
            c.error(Pos(1, 1), "", "must be a mapping; expected a 'countries:' list of lower-case country codes; got something else", "region_file")
        problems.extend(c.problems)
    countries: dict[str, Country] = {}
    folder = data_dir / "countries"
    for file in sorted(folder.glob("*")) if folder.is_dir() else []:
        if file.name.startswith("."):
            continue
        if file.suffix != ".yml" or not file.is_file():
            problems.append(Problem(display_path(str(file)), 1, 1, "", f"not read: expected data/countries/<country code>.yml; got '{file.relative_to(data_dir).as_posix()}'", rule="file_location"))
            continue
        data, shown = read_yaml(file, problems)
        if data is None and any(p.path == shown for p in problems):
            continue  # a broken file reports only its parse error
        country, found = check_country(shown, file.stem, data, today)
        problems.extend(found)
        if country is not None:
            countries[country.code] = country
    for code in region:
        if code not in countries and not (folder / f"{code}.yml").exists():
            problems.append(Problem(display_path(str(folder / f"{code}.yml")), 1, 1, "", f"no law file for a region country; expected data/countries/{code}.yml (see CONTRIBUTING.md, 'What the law says'); got none", "warning", "region_has_law"))
    return tuple(region), countries


# ---------------------------------------------------------------------------
# Names and order


def display_name(code: str, lang: str, cldr: str) -> str:
    """The name shown for a country: the override table, else CLDR's."""
    return NAME_OVERRIDES.get((code, lang), cldr)


_ARTICLE = "\u0627\u0644"  # ال


def sort_key(code: str, name: str, lang: str) -> tuple:
    """How an Arabic reader files names: without the article «ال», one alef for أ إ آ,
    no tashkeel («عُمان» under ع); English by letters, accents ignored (Türkiye under T)."""
    name = SORT_AS.get((code, lang), name)
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()
    if lang == "ar":
        plain = plain.replace("\u0671", "\u0627")  # ٱ → ا
        if plain.startswith(_ARTICLE) and len(plain) > 3:
            plain = plain[2:]
    return (plain, code)


# ---------------------------------------------------------------------------
# Pages


def page_countries(region: tuple[str, ...], with_entries) -> list[str]:
    """Codes that get a country page: the region, then any other country with an entry; unsorted."""
    return list(dict.fromkeys([*region, *(c for c in with_entries if c != INTERNATIONAL)]))


def search_countries(dataset) -> list[str]:
    """The country pages the search finds, by their names only (never by law text): the same
    list and order in every language, after the entries (search.py gives them the next ids)."""
    with_entries = {c for r in dataset.resources for c in r.countries}
    return sorted(page_countries(dataset.region, with_entries))


def serves(resource, code: str) -> bool:
    """An international entry serves every country, unless its `countries` list names some."""
    named = [c for c in resource.countries if c != INTERNATIONAL]
    return not named or code in named


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


class LawView:
    """What the law template asks of a page: dates in the page language, staleness."""

    def __init__(self, locale, today: dt.date, stale_months: int):
        self._locale = locale
        self.today = today
        self.stale_months = stale_months

    def month(self, value: str) -> str:
        """'2020-11' → 'November 2020' / «تشرين الثاني/نوفمبر 2020»: as the cards write source dates."""
        from .evidence import format_partial_date

        return format_partial_date(dt.date(int(value[:4]), int(value[5:7]), 1), "month", self._locale.language)

    def source_date(self, value: str) -> str:

        if value == UNDATED:
            return ""
        parts = value.split("-")
        if len(parts) == 1:
            return value
        if len(parts) == 2:
            return self.month(value)
        from .evidence import format_partial_date

        return format_partial_date(dt.date.fromisoformat(value), "day", self._locale.language)

    def stale(self, item: LawItem) -> bool:
        date = item.as_of_date
        return date is None or months_between(date, self.today) > self.stale_months


# ---------------------------------------------------------------------------
# make check and the open-data exports


def law_notes(dataset, today: dt.date, stale_months: int) -> list[str]:
    """Lines for `make check`: law items that are stale or of low confidence."""
    lines = []
    for code, country in sorted(dataset.countries.items()):
        for i, item in enumerate(country.law):
            date = item.as_of_date
            if date is None:
                lines.append(f"{country.path}: law[{i}]: note: stale: as_of is undated")
            elif months_between(date, today) > stale_months:
                lines.append(f"{country.path}: law[{i}]: note: stale: as of {item.as_of}, over {stale_months} months ago")
            if item.confidence == "low":
                lines.append(f"{country.path}: law[{i}]: note: low confidence")
    return lines


LAW_CSV_COLUMNS = ["country", "name_en", "name_ar", "jurisdiction_en", "jurisdiction_ar", "same_sex_acts",
                   *(f"{k}_{lang}" for k in (*LAW_TEXTS, "summary") for lang in ("en", "ar")),
                   "sources", "source_dates", "as_of", "confidence", "page_ar", "page_en"]


def _records(dataset, name):
    for code, country in sorted(dataset.countries.items()):
        for item in country.law:
            yield code, country, item


def law_files(dataset, name) -> dict[str, str]:
    """law.json and law.csv: every law item with its sources and dates. ``name(code, lang)``."""
    def text(t: Text) -> dict:
        return {"en": t.en, "ar": t.ar}

    items = []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LAW_CSV_COLUMNS)
    for code, _country, item in _records(dataset, name):
        pages = {"ar": f"countries/{code}.html#law", "en": f"en/countries/{code}.html#law"}
        items.append({
            "country": code, "name": {"en": name(code, "en"), "ar": name(code, "ar")},
            "jurisdiction": text(item.jurisdiction) if item.jurisdiction else None,
            "same_sex_acts": item.same_sex_acts,
            **{k: text(getattr(item, k)) for k in (*LAW_TEXTS, "summary")},
            "sources": [{"url": s.url, "date": s.date} for s in item.sources],
            "as_of": item.as_of, "confidence": item.confidence, "pages": pages,
        })
        writer.writerow([
            code, name(code, "en"), name(code, "ar"), item.jurisdiction.en or "", item.jurisdiction.ar or "", item.same_sex_acts,
            *((getattr(getattr(item, k), lang) or "") for k in (*LAW_TEXTS, "summary") for lang in ("en", "ar")),
            " ".join(s.url for s in item.sources), " ".join(s.date for s in item.sources),
            item.as_of, item.confidence, pages["ar"], pages["en"],
        ])
    doc = {"schema_version": "1.0", "data_date": dataset.data_date,
           "note": "What the law says, from public sources with their dates; not legal advice and not verified.",
           "law": items}
    return {"law.json": json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "law.csv": "\ufeff" + out.getvalue()}
