"""Open-data exports of the published dataset: JSON, CSV, HSDS 3.0 and vCards.

``write_all(dataset, out_dir)`` writes, under ``out_dir`` (the site's ``data/``):

- ``resources.json``  every published field, every registered language, with ``schema_version``;
- ``resources.csv``   one row per resource, UTF-8 with a BOM (spreadsheets then show Arabic);
- ``hsds/services.json`` and ``hsds/organizations.json``  Open Referral HSDS 3.0, and its
  tabular form ``hsds/{organizations,services,phones,languages,schedules}.csv``;
- ``law.json`` and ``law.csv``  what the law says per country, with sources and dates;
- ``vcards/<cc>.vcf`` and ``vcards/<cc>-neutral.vcf``  phone contacts per country, the second
  under neutral names (a country and a number) so a phone book does not out its holder.

Only what the site publishes is exported: never ``curator_notes``, never an address that is not
``visibility: public``.  Files are written to a temporary name and renamed, so a failed export
leaves no half-written file.
"""

from __future__ import annotations

import csv
import io
import os
import uuid
from pathlib import Path

from ..core.languages import codes, language_name, language_prefix, registry
from ..core.model import Dataset, Resource, Text
from ..core.places import country_name
from ..layout.pages import Layout
from ..queries.evidence import newest
from . import hours_export as hours
from .csv_cells import InertWriter
from .json_file import json_file
from .law_export import law_files

SCHEMA_VERSION = "1.0"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wasla.invalid/")  # fixed: UUIDs never change
HSDS_STATUS = {"active": "active", "paused": "temporarily closed", "closed": "defunct"}
PHONE_TYPES = {"phone": "voice", "sms": "text", "whatsapp": "cell", "signal": "cell"}


def text_languages() -> tuple[str, ...]:
    return registry().text_order


def csv_columns() -> list[str]:
    """resources.csv's header: a name_<code>, summary_<code> … column for every registered
    language, and the entry's page in each (page_<code>)."""
    langs = text_languages()
    return [
        "slug",
        "country",
        "countries",
        *(f"name_{lang}" for lang in langs),
        "kinds",
        *(f"summary_{lang}" for lang in langs),
        *(f"city_{lang}" for lang in langs),
        "phones",
        "emails",
        "websites",
        "other_contacts",
        "languages",
        *(f"address_{lang}" for lang in langs),
        "last_verified",
        "verified_by",
        "status",
        "sources",
        *(f"page_{lang}" for lang in codes()),
        "newest_source_date",
        "newest_source_kind",
        "opening_hours",
        "timezone",
    ]


def _text(t: Text | None) -> dict:
    return {lang: (t.values.get(lang) if t else None) for lang in text_languages()}


def entry_pages(dataset: Dataset) -> dict[str, dict[str, str]]:
    """Each entry's card on the site, per language (relative to the site root): a large country
    spreads over several pages, and the order (by name) differs between languages."""
    layouts = {lang: Layout(dataset, lang) for lang in dataset.languages.codes}
    return {
        r.path: {lang: language_prefix(lang) + layout.entry_href(r) for lang, layout in layouts.items()}
        for r in dataset.resources
    }


def evidence_fields(r) -> dict:
    """The evidence facts of the open-data exports: newest source date and kind, each source's."""
    top = newest(r.sources)
    return {
        "newest_source_date": top.written_date if top else None,
        "newest_source_kind": top.kind if top else None,
        "source_details": [{"url": s.url, "date": s.written_date, "kind": s.kind} for s in r.sources],
    }


def uid(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{slug}"))


def record(r: Resource, pages: dict[str, str]) -> dict:
    return {
        "slug": r.slug,
        "country": r.folder,
        "countries": list(r.countries),
        "name": _text(r.name),
        "kinds": list(r.kinds),
        "summary": _text(r.summary),
        "city": _text(r.city),
        "contacts": [
            {
                "type": c.type,
                "value": c.value,
                "link": c.href,
                "hours": _text(c.hours),
                "always_open": c.always_open,
                "languages": list(c.languages),
                "note": _text(c.note),
                **hours.contact_fields(c),
            }
            for c in r.contacts
        ],
        "languages": list(r.languages),
        "address": _text(r.address) if r.address else None,
        "last_verified": r.last_verified.isoformat() if r.last_verified else None,
        "verified_by": r.verified_by,
        "sources": [s.url for s in r.sources],
        "status": r.status,
        "confidence": r.confidence,
        "scope": r.scope,
        "warnings": [{"text": _text(w.text), "date": w.date, "source": w.source} for w in r.warnings],
        "answers": [{"topic": a.topic, "source": a.source} for a in r.answers],
        "audience": list(r.audience),
        "pages": pages,
        **evidence_fields(r),  # newest_source_date/_kind, source_details: [{url, date, kind}]
    }


def resources_json(dataset: Dataset, pages: dict[str, dict[str, str]]) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "data_date": dataset.data_date,
        "resources": [record(r, pages[r.path]) for r in sorted(dataset.resources, key=lambda r: (r.folder, r.slug))],
    }
    return json_file(doc)


def resources_csv(dataset: Dataset, pages: dict[str, dict[str, str]]) -> str:
    out = io.StringIO()
    writer = InertWriter(csv.writer(out, lineterminator="\r\n"))
    writer.writerow(csv_columns())
    for r in sorted(dataset.resources, key=lambda r: (r.folder, r.slug)):

        def by(*types, r=r):
            return " | ".join(c.value for c in r.contacts if c.type in types)

        langs = text_languages()
        writer.writerow(
            [
                r.slug,
                r.folder,
                " ".join(r.countries),
                *(r.name.values.get(lang) or "" for lang in langs),
                " ".join(r.kinds),
                *(r.summary.values.get(lang) or "" for lang in langs),
                *(r.city.values.get(lang) or "" for lang in langs),
                by("phone"),
                by("email"),
                by("website"),
                " | ".join(f"{c.type}: {c.value}" for c in r.contacts if c.type not in ("phone", "email", "website")),
                " ".join(r.languages),
                *(((r.address.values.get(lang) or "") if r.address else "") for lang in langs),
                r.last_verified.isoformat() if r.last_verified else "",
                r.verified_by or "",
                r.status,
                " ".join(s.url for s in r.sources),
                *(pages[r.path][lang] for lang in codes()),
                *(evidence_fields(r)[k] or "" for k in ("newest_source_date", "newest_source_kind")),
                *hours.csv_cells(r),
            ]
        )
    return "\ufeff" + out.getvalue()


def hsds_organization(r: Resource) -> dict:
    return {
        "id": uid("organization", r.slug),
        "name": r.name.en or r.name.ar,
        "alternate_name": r.name.ar if r.name.en and r.name.ar and r.name.ar != r.name.en else None,
        "description": r.summary.en or r.summary.ar,
        "website": next((c.href for c in r.contacts if c.type == "website" and c.href.startswith("https://")), None),
    }


def hsds_service(r: Resource) -> dict:
    sid = uid("service", r.slug)
    org = {k: v for k, v in hsds_organization(r).items() if v is not None}
    service = {
        "id": sid,
        "organization_id": org["id"],
        "name": r.name.en or r.name.ar,
        "alternate_name": r.name.ar if r.name.en and r.name.ar and r.name.ar != r.name.en else None,
        "description": r.summary.en or r.summary.ar,
        "url": next(
            (c.href for c in r.contacts if c.type in ("website", "chat") and c.href.startswith("https://")), None
        ),
        "email": next((c.value for c in r.contacts if c.type == "email"), None),
        "status": HSDS_STATUS[r.status],
        # a curator's verification only (make verify), never a source's date
        "assured_date": r.last_verified.isoformat() if r.last_verified else None,
        "phones": [
            {
                "id": uid("phone", f"{r.slug}/{i}"),
                "service_id": sid,
                "number": c.value,
                "type": PHONE_TYPES[c.type],
                "description": c.hours.en or None,
            }
            for i, c in enumerate(r.contacts)
            if c.type in PHONE_TYPES
        ],
        "languages": [
            {
                "id": uid("language", f"{r.slug}/{code}"),
                "service_id": sid,
                "code": code,
                "name": language_name(code, "en"),
            }
            for code in r.languages
        ],
        "organization": org,
        "attributes": [],
        "schedules": hours.schedules(r, sid, uid) or None,
    }
    for phone in service["phones"]:
        if phone["description"] is None:
            del phone["description"]
    return {k: v for k, v in service.items() if v is not None}


# HSDS 3.0 tabular form: the columns of its data package (organizations, services, phones, languages).
HSDS_TABLES = {
    "organizations": [
        "id",
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "tax_status",
        "tax_id",
        "year_incorporated",
        "legal_status",
        "logo",
        "uri",
        "parent_organization_id",
    ],
    "services": [
        "id",
        "organization_id",
        "program_id",
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "interpretation_services",
        "application_process",
        "fees_description",
        "wait_time",
        "fees",
        "accreditations",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "assurer_email",
        "licenses",
        "alert",
        "last_modified",
    ],
    "phones": [
        "id",
        "location_id",
        "service_id",
        "organization_id",
        "contact_id",
        "service_at_location_id",
        "number",
        "extension",
        "type",
        "description",
    ],
    "languages": ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
    "schedules": hours.SCHEDULE_COLUMNS,
}


def hsds_tables(services: list[dict]) -> dict[str, str]:
    """The services of hsds/services.json as the CSV tables of HSDS's tabular form."""
    rows: dict[str, list[dict]] = {name: [] for name in HSDS_TABLES}
    for service in services:
        rows["organizations"].append(service["organization"])
        rows["services"].append({k: v for k, v in service.items() if k in HSDS_TABLES["services"]})
        rows["phones"] += service["phones"]
        rows["languages"] += service["languages"]
        rows["schedules"] += service.get("schedules", [])
    tables = {}
    for name, columns in HSDS_TABLES.items():
        out = io.StringIO()
        writer = InertWriter(csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore"))
        writer.writeheader()
        writer.writerows(rows[name])
        tables[f"hsds/{name}.csv"] = out.getvalue()
    return tables


def vcards(dataset: Dataset, code: str, neutral: bool) -> str:
    cards = []
    resources = sorted((r for r in dataset.resources if r.folder == code), key=lambda r: r.slug)
    n = 0
    for r in resources:
        numbers = [c for c in r.contacts if c.type in PHONE_TYPES]
        if not numbers:
            continue
        n += 1
        name = f"{country_name(code, 'en')} {n}" if neutral else (r.name.en or r.name.ar)
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vescape(name)}", f"N:{_vescape(name)};;;;"]
        if not neutral:
            lines.append(f"NOTE:{_vescape((r.summary.en or r.summary.ar or '')[:200])}")
        for c in numbers:
            number = c.dials or c.value
            kind = {"phone": "VOICE", "sms": "MSG", "whatsapp": "CELL", "signal": "CELL"}[c.type]
            lines.append(f"TEL;TYPE={kind}:{_vescape(number)}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return ("\r\n".join(cards) + "\r\n") if cards else ""


def _vescape(value: str) -> str:
    """RFC 6350 escaping; CR and LF (alone or together) become \\n, so no value can start a line."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding=encoding, newline="")
    os.replace(tmp, path)


def write_all(dataset: Dataset, out_dir: str | Path) -> list[str]:
    """Write every export; return the paths written, relative to out_dir."""
    out = Path(out_dir)
    services = [hsds_service(r) for r in sorted(dataset.resources, key=lambda r: r.slug)]
    pages = entry_pages(dataset)
    files = {
        "resources.json": resources_json(dataset, pages),
        "resources.csv": resources_csv(dataset, pages),
        "hsds/services.json": json_file(services),
        "hsds/organizations.json": json_file([s["organization"] for s in services]),
    }
    files.update(hsds_tables(services))
    files.update(law_files(dataset))
    for code in sorted({r.folder for r in dataset.resources}):
        for neutral in (False, True):
            text = vcards(dataset, code, neutral)
            if text:
                files[f"vcards/{code}{'-neutral' if neutral else ''}.vcf"] = text
    for rel, text in files.items():
        _write(out / rel, text)
    return sorted(files)
