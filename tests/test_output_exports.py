"""Open-data exports of the fixture site: shape, encoding, HSDS 3.0 validity, vCards."""

import csv
import io
import json

import jsonschema

from conftest import ROOT

HSDS = ROOT / "tests" / "hsds-3.0"  # copied from Open Referral, see its README.md


def load(site, rel):
    return json.loads((site / "data" / rel).read_text(encoding="utf-8"))


def test_resources_json(fixture_site):
    doc = load(fixture_site, "resources.json")
    assert doc["schema_version"] == "1.0"
    slugs = [r["slug"] for r in doc["resources"]]
    assert "test-hotline" in slugs and "test-intl-line" in slugs
    hotline = next(r for r in doc["resources"] if r["slug"] == "test-hotline")
    none = {"fa": None, "tr": None, "fr": None}  # every registered language has its key
    assert hotline["name"] == {"en": "Test Hotline", "ar": "خط الاختبار", **none}
    assert hotline["contacts"][0] == {
        "type": "phone",
        "value": "01 123 456",
        "link": "tel:+9611123456",
        "hours": {"en": "24/7", "ar": "على مدار الساعة", **none},
        "always_open": True,
        "languages": [],
        "note": {"en": None, "ar": None, **none},
        "opening_hours": None,
        "timezone": None,
    }
    assert hotline["address"] is None and "curator_notes" not in hotline
    assert hotline["pages"] == {
        "ar": "countries/lb.html#test-hotline",
        "en": "en/countries/lb.html#test-hotline",
        "fa": "fa/countries/lb.html#test-hotline",
        "tr": "tr/countries/lb.html#test-hotline",
        "fr": "fr/countries/lb.html#test-hotline",
    }
    clinic = next(r for r in doc["resources"] if r["slug"] == "test-public-address")
    assert clinic["address"]["en"] == "1 Public Street, Cairo"


def test_resources_csv_has_bom_columns_and_arabic(fixture_site):
    raw = (fixture_site / "data" / "resources.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    langs = ("en", "ar", "fa", "tr", "fr")  # English and Arabic first, then the registry's order
    assert list(rows[0]) == [
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
        "page_ar",
        "page_en",
        "page_fa",
        "page_tr",
        "page_fr",
        "newest_source_date",
        "newest_source_kind",
        "opening_hours",
        "timezone",
    ]
    hotline = next(r for r in rows if r["slug"] == "test-hotline")
    assert hotline["name_ar"] == "خط الاختبار"
    assert hotline["phones"] == "01 123 456 | 1564"
    assert hotline["address_en"] == ""


def test_hsds_validates_against_the_official_schemas(fixture_site):
    service_schema = json.loads((HSDS / "service.json").read_text())
    org_schema = json.loads((HSDS / "organization.json").read_text())
    services = load(fixture_site, "hsds/services.json")
    organizations = load(fixture_site, "hsds/organizations.json")
    assert len(services) == len(organizations) == len(load(fixture_site, "resources.json")["resources"])
    checker = jsonschema.FormatChecker()
    for s in services:
        jsonschema.validate(s, service_schema, format_checker=checker)
    for o in organizations:
        jsonschema.validate(o, org_schema, format_checker=checker)
    paused = next(s for s in services if s["name"] == "Paused Centre")
    assert paused["status"] == "temporarily closed"
    hotline = next(s for s in services if s["name"] == "Test Hotline")
    assert hotline["alternate_name"] == "خط الاختبار" and hotline["assured_date"] == "2026-01-15"


def test_hsds_ids_are_stable():
    from wasla.output.exports import uid

    assert uid("service", "helem") == uid("service", "helem") != uid("organization", "helem")
    assert len(uid("service", "helem")) == 36


def test_vcards_parse_and_neutral_names_say_nothing(fixture_site):
    import vobject

    named = list(vobject.readComponents((fixture_site / "data/vcards/lb.vcf").read_text(encoding="utf-8")))
    neutral = list(vobject.readComponents((fixture_site / "data/vcards/lb-neutral.vcf").read_text(encoding="utf-8")))
    assert [c.fn.value for c in named] == ["Test Hotline"]
    assert [c.fn.value for c in neutral] == ["Lebanon 1"]
    tels = [t.value for t in neutral[0].contents["tel"]]
    assert tels == ["+9611123456", "+96171123456", "+96171123456", "1564"]
    assert "Hotline" not in (fixture_site / "data/vcards/lb-neutral.vcf").read_text(encoding="utf-8")


def test_hsds_tabular_form_matches_the_data_package(fixture_site):
    package = json.loads((HSDS / "datapackage.json").read_text())
    resources = {r["path"]: r for r in package["resources"]}
    ids = {}
    for table in ("organizations", "services", "phones", "languages"):
        spec = resources[f"{table}.csv"]["schema"]
        text = (fixture_site / "data" / "hsds" / f"{table}.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == [f["name"] for f in spec["fields"]], table
        required = [f["name"] for f in spec["fields"] if f.get("constraints", {}).get("required")]
        for row in rows:
            for name in required:
                assert row[name], (table, name, row)
        ids[table] = {row["id"] for row in rows}
        if table == "services":
            assert {row["organization_id"] for row in rows} <= ids["organizations"]
        if table in ("phones", "languages"):
            assert {row["service_id"] for row in rows} <= ids["services"]
    assert len(ids["services"]) == len(load(fixture_site, "resources.json")["resources"])
