"""The field tables of CONTRIBUTING.md and CONTRIBUTING.ar.md are written from the JSON schemas.

wasla.field_reference reads each property's title and description (English) and x-ar (Arabic)
from data/schema/*.schema.json and writes the tables between <!-- fields:NAME:start/end -->.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from wasla.output import field_reference
from wasla.output.field_reference import render, stale, tables, write

SCHEMAS = sorted((ROOT / "data" / "schema").glob("*.schema.json"))
MARKS = {"en": ("(required)", "(optional)"), "ar": ("(مطلوب)", "(اختياري)")}


def repo_copy(tmp_path):
    """The two guides and the schemas, as a repository of their own."""
    for doc in field_reference.DOCS:
        shutil.copy(ROOT / doc, tmp_path / doc)
    shutil.copytree(ROOT / "data" / "schema", tmp_path / "data" / "schema")
    return tmp_path


def edit_schema(root, name, pointer, **changes):
    """Change keywords of the schema object at `pointer` ("/properties/city") in a copy's schema."""
    path = root / "data" / "schema" / name
    schema = json.loads(path.read_text(encoding="utf-8"))
    node = schema
    for step in pointer.strip("/").split("/"):
        node = node[step]
    node.update(changes)
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def outside_markers(text):
    """The hand-written part of a guide: everything but what stands between a pair of markers."""
    kept, inside = [], False
    for line in text.splitlines():
        if field_reference.MARKER.fullmatch(line):
            inside = line.endswith(":start -->")
            kept.append(line)
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def properties(node, where=""):
    """Every property of a schema, $defs included: (where, its schema, whether it is required)."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from properties(item, f"{where}/{i}")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                for name, spec in value.items():
                    yield f"{where}/{name}", spec, name in node.get("required", ())
                    yield from properties(spec, f"{where}/{name}")
            elif key not in ("x-ar", "examples", "enum", "default"):
                yield from properties(value, f"{where}/{key}")


# -- the shipped guides ---------------------------------------------------------------------


def test_the_shipped_guides_field_tables_match_the_schemas():
    assert stale(ROOT) == [], (
        f"the field tables are out of date with data/schema/: run `{field_reference.COMMAND}` and commit the guides"
    )


def test_the_guides_name_the_command_that_writes_their_tables():
    for doc in field_reference.DOCS:
        assert f"`{field_reference.COMMAND}`" in (ROOT / doc).read_text(encoding="utf-8"), doc


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_property_has_an_english_and_an_arabic_description(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    found = list(properties(schema))
    assert len(found) > 10
    missing = [
        f"{where}: {what}"
        for where, spec, _ in found
        for what, ok in (
            ("title", spec.get("title")),
            ("description", spec.get("description")),
            ("x-ar title", spec.get("x-ar", {}).get("title")),
            ("x-ar description", spec.get("x-ar", {}).get("description")),
        )
        if not ok
    ]
    assert missing == []


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_a_required_or_optional_mark_in_a_title_agrees_with_required_in_both_languages(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    for where, spec, required in properties(schema):
        en, ar = spec["title"], spec["x-ar"]["title"]
        marked = [lang for lang, title in (("en", en), ("ar", ar)) if title.endswith(MARKS[lang])]
        assert marked in ([], ["en", "ar"]), f"{where}: a mark in one language only: {en} / {ar}"
        if marked:
            assert en.endswith(MARKS["en"][0 if required else 1]), f"{where}: {en}"
            assert ar.endswith(MARKS["ar"][0 if required else 1]), f"{where}: {ar}"


# -- the generator on a small schema ----------------------------------------------------------

SMALL = {
    "x-table": "thing",
    "type": "object",
    "required": ["colour"],
    "properties": {
        "colour": {
            "title": "Colour (required)",
            "description": "What it looks like.",
            "x-ar": {"title": "اللون (مطلوب)", "description": "كيف يبدو."},
            "enum": ["red", "green"],
            "examples": ["red"],
        },
        "opens": {
            "title": "Opens (optional)",
            "description": "A time | or two.",
            "x-ar": {"title": "يفتح (اختياري)", "description": "وقت | أو وقتان."},
            "type": "string",
            "examples": ["09:00"],
        },
        "parts": {
            "title": "Parts",
            "description": "Each `part`.",
            "x-ar": {"title": "الأجزاء", "description": "كل `part`."},
            "type": "array",
            "items": {
                "x-table": "parts",
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {
                        "title": "Id",
                        "description": "`a`: the first; `b`: the second.",
                        "x-ar": {"title": "الرمز", "description": "`a`: الأول؛ `b`: الثاني."},
                        "enum": ["a", "b"],
                        "default": "a",
                        "examples": ["b"],
                    },
                    "label": {
                        "title": "Label",
                        "description": "Both languages.",
                        "x-ar": {"title": "التسمية", "description": "باللغتين."},
                        "type": "object",
                        "properties": {"en": {"type": "string"}, "ar": {"type": "string"}},
                        "examples": [{"en": "One, two", "ar": "واحد"}],
                    },
                },
            },
            "examples": [[{"id": "1", "label": {"en": "+1", "ar": ""}}]],
        },
    },
}


def small_schema(tmp_path, schema=SMALL):
    (tmp_path / "small.schema.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def table(head, *rows):
    return "\n".join([head, "| --- | --- | --- | --- |", *rows]) + "\n"


def test_a_small_schema_gives_exactly_these_english_tables(tmp_path):
    head = "| field | | rules | example |"
    assert tables(small_schema(tmp_path), "en") == {
        "thing": table(
            head,
            "| `colour` | (required) | **Colour.** What it looks like. Values: `red`, `green`. | `colour: red` |",
            '| `opens` | (optional) | **Opens.** A time \\| or two. | `opens: "09:00"` |',
            '| `parts` | (optional) | **Parts.** Each `part`. | `parts: [{id: "1", label: {en: "+1", ar: ""}}]` |',
        ),
        "parts": table(
            head,
            "| `parts[].id` | (required) | **Id.** `a`: the first; `b`: the second. Default: `a`. | `id: b` |",
            '| `parts[].label` | (optional) | **Label.** Both languages. | `label: {en: "One, two", ar: واحد}` |',
        ),
    }


def test_a_small_schema_gives_exactly_this_arabic_table(tmp_path):
    assert tables(small_schema(tmp_path), "ar")["thing"] == table(
        "| الحقل | | القواعد | مثال |",
        "| `colour` | (مطلوب) | **اللون.** كيف يبدو. القيم: `red`، `green`. | `colour: red` |",
        '| `opens` | (اختياري) | **يفتح.** وقت \\| أو وقتان. | `opens: "09:00"` |',
        '| `parts` | (اختياري) | **الأجزاء.** كل `part`. | `parts: [{id: "1", label: {en: "+1", ar: ""}}]` |',
    )


def test_an_object_with_fields_but_no_table_is_refused(tmp_path):
    schema = json.loads(json.dumps(SMALL))
    del schema["properties"]["parts"]["items"]["x-table"]
    with pytest.raises(ValueError, match=r"small.schema.json: parts\[\] has fields but no x-table"):
        tables(small_schema(tmp_path, schema), "en")


def test_a_field_without_its_arabic_is_refused(tmp_path):
    schema = json.loads(json.dumps(SMALL))
    del schema["properties"]["opens"]["x-ar"]
    assert "thing" in tables(small_schema(tmp_path, schema), "en")
    with pytest.raises(ValueError, match=r"opens: no ar title or description"):
        tables(small_schema(tmp_path, schema), "ar")


# -- the markers -----------------------------------------------------------------------------

TEXT = "Intro.\n\n<!-- fields:thing:start -->\nold\n<!-- fields:thing:end -->\n\nOutro.\n"


def test_render_replaces_only_what_stands_between_the_markers():
    assert render(TEXT, {"thing": "| t |\n"}) == (
        "Intro.\n\n<!-- fields:thing:start -->\n\n| t |\n\n<!-- fields:thing:end -->\n\nOutro.\n"
    )
    once = render(TEXT, {"thing": "| t |\n"})
    assert render(once, {"thing": "| t |\n"}) == once


@pytest.mark.parametrize(
    "text, message",
    [
        (TEXT.replace("thing:end", "other:end"), "fields:other:end --> without its"),
        (TEXT.replace("<!-- fields:thing:end -->", ""), "fields:thing:start --> without its"),
        (TEXT + TEXT, "fields:thing:start --> appears twice"),
        (TEXT.replace("thing", "gone"), "no table named gone"),
    ],
    ids=["end of another table", "no end", "twice", "unknown table"],
)
def test_render_refuses_broken_markers(text, message):
    with pytest.raises(ValueError, match=message):
        render(text, {"thing": "| t |\n"})


# -- stale, write and the command, on a copy of the repository --------------------------------


def test_editing_an_english_description_makes_exactly_that_guide_and_table_stale(tmp_path):
    root = repo_copy(tmp_path)
    note = "/properties/contacts/items/properties/note"
    edit_schema(root, "resource.schema.json", note, description="Shown under the button.")
    assert stale(root) == ["CONTRIBUTING.md: fields:contacts"]


def test_editing_an_arabic_description_makes_exactly_that_guide_and_table_stale(tmp_path):
    root = repo_copy(tmp_path)
    confidence = "/properties/law/items/properties/confidence/x-ar"
    edit_schema(root, "country.schema.json", confidence, description="نص آخر.")
    assert stale(root) == ["CONTRIBUTING.ar.md: fields:law"]


def test_write_rewrites_the_stale_table_once_and_keeps_the_prose(tmp_path):
    root = repo_copy(tmp_path)
    before = {doc: (root / doc).read_text(encoding="utf-8") for doc in field_reference.DOCS}
    edit_schema(root, "resource.schema.json", "/properties/status", description="Closed ones go last.")
    assert write(root) == ["CONTRIBUTING.md: fields:resource"]
    after = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "**Status.** Closed ones go last. Values: `active`, `paused`, `closed`." in after
    assert outside_markers(after) == outside_markers(before["CONTRIBUTING.md"])
    assert (root / "CONTRIBUTING.ar.md").read_text(encoding="utf-8") == before["CONTRIBUTING.ar.md"]
    assert write(root) == [] and stale(root) == []
    assert (root / "CONTRIBUTING.md").read_text(encoding="utf-8") == after


def test_a_guide_without_the_markers_of_a_table_is_reported_and_not_written(tmp_path):
    root = repo_copy(tmp_path)
    guide = root / "CONTRIBUTING.ar.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("<!-- fields:police:start -->", "").replace("<!-- fields:police:end -->", ""))
    assert stale(root) == ["CONTRIBUTING.ar.md: fields:police (no markers)"]
    with pytest.raises(ValueError, match="CONTRIBUTING.ar.md: fields:police: no markers"):
        write(root)


def run(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "wasla", "fields", *args], check=False, capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_the_check_command_names_the_stale_guide_and_the_command_to_run(tmp_path):
    root = repo_copy(tmp_path)
    assert run("--check", "--root", str(root)).returncode == 0
    edit_schema(root, "resource.schema.json", "/properties/city", description="Where.")
    result = run("--check", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr == ("CONTRIBUTING.md: fields:resource: out of date with data/schema/; run: make fields\n")
    result = run("--root", str(root))
    assert (result.returncode, result.stdout) == (0, "rewrote CONTRIBUTING.md: fields:resource\n")
    assert run("--check", "--root", str(root)).returncode == 0


# -- the examples ----------------------------------------------------------------------------


def examples(node, pointer=""):
    """(JSON pointer, example) for every example in a schema, the root's and $defs' left out."""
    if isinstance(node, dict):
        if pointer and "/$defs" not in pointer:
            yield from ((pointer, example) for example in node.get("examples", ()))
        for key, value in node.items():
            if key not in ("examples", "x-ar", "enum", "default"):
                yield from examples(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from examples(item, f"{pointer}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_example_in_the_tables_is_valid_for_its_field(path):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schema = json.loads(path.read_text(encoding="utf-8"))
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    found = list(examples(schema))
    assert len(found) > 10
    for pointer, example in found:
        validator = Draft202012Validator({"$ref": f"{schema['$id']}#{pointer}"}, registry=registry)
        assert [e.message for e in validator.iter_errors(example)] == [], f"{pointer}: {example!r}"


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_the_example_column_reads_back_as_the_schemas_example(path):
    from wasla.core.yamlload import loads, plain

    schema = json.loads(path.read_text(encoding="utf-8"))
    fields = [(p.rsplit("/", 1)[-1], example) for p, example in examples(schema) if "/properties/" in p]
    assert len(fields) > 10
    for key, example in fields:
        line = f"{key}: {field_reference._flow(example)}"
        assert plain(loads(line)) == {key: example}, line
