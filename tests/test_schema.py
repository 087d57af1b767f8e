"""The editors' JSON Schema, the rulebook and the data cannot drift apart."""

import json

import jsonschema
import pytest

from conftest import ROOT
from wasla.core import model
from wasla.core.yamlload import loads, plain
from wasla.rules import contacts as contact_rules
from wasla.rules import resource as resource_rules
from wasla.rules import sources
from wasla.rules import topics as topic_rules
from wasla.rules.kinds import REQUIRED_KINDS

SCHEMA = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text(encoding="utf-8"))
PROPS = SCHEMA["properties"]


def test_schema_is_valid_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_fields_and_required_match_the_rulebook():
    assert list(PROPS) == list(resource_rules.FIELDS)
    assert SCHEMA["required"] == [k for k, (req, _) in resource_rules.FIELDS.items() if req]
    contact = PROPS["contacts"]["items"]
    assert list(contact["properties"]) == list(contact_rules.CONTACT_FIELDS)
    assert contact["required"] == [k for k, (req, _) in contact_rules.CONTACT_FIELDS.items() if req]
    assert list(PROPS["address"]["properties"]) == list(resource_rules.ADDRESS_FIELDS)
    source = PROPS["sources"]["items"]["oneOf"][1]
    assert list(source["properties"]) == list(sources.SOURCE_FIELDS)
    assert source["required"] == [k for k, (req, _) in sources.SOURCE_FIELDS.items() if req]
    answer = PROPS["answers"]["items"]
    assert list(answer["properties"]) == list(topic_rules.ANSWER_FIELDS)
    assert answer["required"] == [k for k, (req, _) in topic_rules.ANSWER_FIELDS.items() if req]


def test_enums_match_the_rulebook():
    assert tuple(PROPS["contacts"]["items"]["properties"]["type"]["enum"]) == contact_rules.CONTACT_TYPES
    assert tuple(PROPS["status"]["enum"]) == resource_rules.STATUSES
    assert tuple(PROPS["address"]["properties"]["visibility"]["enum"]) == model.VISIBILITIES
    assert tuple(PROPS["verified_by"]["enum"]) == resource_rules.VERIFIED_BY
    assert tuple(PROPS["confidence"]["enum"]) == model.CONFIDENCES
    assert tuple(PROPS["sources"]["items"]["oneOf"][1]["properties"]["kind"]["enum"]) == model.SOURCE_KINDS
    kinds = list(plain(loads((ROOT / "data" / "kinds.yml").read_text(encoding="utf-8"))))
    assert PROPS["kinds"]["items"]["enum"] == kinds
    topics = list(plain(loads((ROOT / "data" / "topics.yml").read_text(encoding="utf-8"))))
    assert PROPS["answers"]["items"]["properties"]["topic"]["enum"] == topics
    assert tuple(PROPS["audience"]["items"]["enum"]) == model.AUDIENCES
    assert set(REQUIRED_KINDS) <= set(kinds)


def test_every_field_is_titled_and_described():
    for key, spec in PROPS.items():
        assert "title" in spec, key
        assert ("(required)" in spec["title"]) == resource_rules.FIELDS[key][0], key


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "resources").rglob("*.yml")), ids=lambda p: p.stem)
def test_shipped_files_match_the_schema_and_name_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/resource.schema.json\n")
    jsonschema.validate(plain(loads(text)), SCHEMA)


def test_source_mappings_match_the_schema():
    item = {"$defs": SCHEMA["$defs"], **PROPS["sources"]}
    good = [
        "https://example.org/",
        {"url": "https://example.org/a", "date": "2024-03", "kind": "own"},
        {"url": "https://example.org/b", "date": "undated", "kind": "press"},
        {"url": "https://example.org/c", "date": "2019", "kind": "other"},
    ]
    jsonschema.validate(good, item)
    for bad in (
        {"url": "https://example.org/", "date": "03/2024", "kind": "own"},
        {"url": "https://example.org/", "date": "2024", "kind": "blog"},
        {"url": "https://example.org/", "date": "2024"},
        {"url": "https://example.org/", "date": "2024", "kind": "own", "note": "x"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([bad], item)
