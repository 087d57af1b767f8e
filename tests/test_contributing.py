"""CONTRIBUTING in both languages documents every field of the schemas, marked required/optional.

The field tables are generated from the schemas (tests/test_field_reference.py); this checks their
rows independently, by walking the schemas' own structure."""

import json
import re

import pytest

from conftest import ROOT

SCHEMA = json.loads((ROOT / "data" / "schema" / "resource.schema.json").read_text(encoding="utf-8"))
COUNTRY = json.loads((ROOT / "data" / "schema" / "country.schema.json").read_text(encoding="utf-8"))
MARKS = {"CONTRIBUTING.md": ("(required)", "(optional)"), "CONTRIBUTING.ar.md": ("(مطلوب)", "(اختياري)")}


def fields_of(obj, prefix=""):
    yield from ((f"{prefix}{k}", k in obj.get("required", ())) for k in obj["properties"])


def schema_fields():
    props = SCHEMA["properties"]
    contact = props["contacts"]["items"]
    yield from fields_of(SCHEMA)
    yield from fields_of(contact, "contacts[].")
    yield from fields_of(contact["properties"]["police"], "contacts[].police.")
    yield from fields_of(props["address"], "address.")
    yield from fields_of(props["sources"]["items"]["oneOf"][1], "sources[].")
    yield from fields_of(props["warnings"]["items"], "warnings[].")
    yield from fields_of(props["answers"]["items"], "answers[].")
    yield from fields_of(COUNTRY)
    yield from fields_of(COUNTRY["properties"]["law"]["items"], "law[].")


@pytest.mark.parametrize("doc", list(MARKS))
def test_every_schema_field_is_documented_and_marked(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    required, optional = MARKS[doc]
    for field, is_required in schema_fields():
        row = re.search(rf"^\| `{re.escape(field)}` \| (\([^)]*\)) \|", text, re.M)
        assert row, f"{doc}: no row for `{field}`"
        assert row.group(1) == (required if is_required else optional), f"{doc}: `{field}`"


@pytest.mark.parametrize("doc", list(MARKS))
def test_the_template_in_the_guide_is_valid(doc, tmp_path):
    from conftest import make_data
    from wasla.loading.dataset import load

    text = (ROOT / doc).read_text(encoding="utf-8")
    template = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    data = make_data(tmp_path, {"resources/lb/example-group.yml": template}, fixtures=False)
    _, problems = load(data, raise_on_error=False)
    assert [str(p) for p in problems] == []
