"""What the law says, as open data: ``law.json`` and ``law.csv`` (sources with their dates).

Each source is one item with its own date in the data; law.csv keeps two columns for them,
``sources`` and ``source_dates``, space-separated and in the same order. Every cell is written
through ``csv_cells.InertWriter``, as in the other CSV files: no cell is run as a formula.
"""

from __future__ import annotations

import csv
import io

from ..core.model import LAW_TEXTS, Dataset, Text
from ..core.places import country_name
from .csv_cells import InertWriter
from .json_file import json_file


def law_csv_columns(dataset: Dataset) -> list[str]:
    """law.csv's header: name_<code>, jurisdiction_<code>, every text per registered language
    (English and Arabic first), and the law's page in each language (page_<code>)."""
    langs = dataset.languages.text_order
    return [
        "country",
        *(f"name_{lang}" for lang in langs),
        *(f"jurisdiction_{lang}" for lang in langs),
        "same_sex_acts",
        *(f"{k}_{lang}" for k in (*LAW_TEXTS, "summary") for lang in langs),
        "sources",
        "source_dates",
        "as_of",
        "confidence",
        *(f"page_{lang}" for lang in dataset.languages.codes),
    ]


def _records(dataset):
    for code, country in sorted(dataset.countries.items()):
        for item in country.law:
            yield code, country, item


def law_files(dataset: Dataset) -> dict[str, str]:
    """law.json and law.csv: every law item with its sources and dates."""
    name = country_name

    langs = dataset.languages.text_order

    def text(t: Text) -> dict:
        return {lang: t.values.get(lang) for lang in langs}

    items = []
    out = io.StringIO()
    writer = InertWriter(csv.writer(out, lineterminator="\r\n"))
    writer.writerow(law_csv_columns(dataset))
    for code, _country, item in _records(dataset):
        pages = {lang: f"{dataset.languages.prefix(lang)}countries/{code}.html#law" for lang in dataset.languages.codes}
        items.append(
            {
                "country": code,
                "name": {lang: name(code, lang) for lang in langs},
                "jurisdiction": text(item.jurisdiction) if item.jurisdiction else None,
                "same_sex_acts": item.same_sex_acts,
                **{k: text(getattr(item, k)) for k in (*LAW_TEXTS, "summary")},
                "sources": [
                    {"url": s.url, "date": s.written_date, **({"kind": s.kind} if s.kind else {})} for s in item.sources
                ],
                "as_of": item.as_of,
                "confidence": item.confidence,
                "pages": pages,
            }
        )
        writer.writerow(
            [
                code,
                *(name(code, lang) for lang in langs),
                *(item.jurisdiction.values.get(lang) or "" for lang in langs),
                item.same_sex_acts,
                *((getattr(item, k).values.get(lang) or "") for k in (*LAW_TEXTS, "summary") for lang in langs),
                " ".join(s.url for s in item.sources),
                " ".join(s.written_date for s in item.sources),
                item.as_of,
                item.confidence,
                *(pages[lang] for lang in dataset.languages.codes),
            ]
        )
    doc = {
        "schema_version": "1.0",
        "data_date": dataset.data_date,
        "note": "What the law says, from public sources with their dates; not legal advice and not verified.",
        "law": items,
    }
    return {"law.json": json_file(doc), "law.csv": "\ufeff" + out.getvalue()}
