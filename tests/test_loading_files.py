"""One safe reader for every data-like file the build reads (loading/files.py): the files of data/,
and the engine's string tables, glossary and outing terms (loading/engine_files.py).
Each problem is a path:line:col line, never a traceback, never a file read in silence."""

import datetime as dt
import os
import shutil

import pytest

from conftest import ROOT, make_data
from test_rules_law import LAW
from test_rules_leads import LEAD
from test_rules_resource import GOOD
from wasla.loading.dataset import load
from wasla.loading.engine_files import check_engine_files

TODAY = dt.date(2026, 11, 24)
ENGINE = ROOT / "hooks" / "wasla"
NOT_UTF8 = "the file is not UTF-8 text; expected UTF-8 (save it again as UTF-8); got a byte 0xe9"
LINK = "is a symbolic link, which is never followed; expected a plain file (copy the file here instead)"

# every kind of file under data/, each valid, as (path under data/, text)
DATA_FILES = {
    "kinds.yml": (ROOT / "data" / "kinds.yml").read_text(encoding="utf-8"),
    "short-codes.yml": (ROOT / "data" / "short-codes.yml").read_text(encoding="utf-8"),
    "leads.yml": LEAD,
    "region.yml": "countries: [om]\n",
    "countries/om.yml": LAW,
    "resources/lb/good-group.yml": GOOD,
    "schema/resource.schema.json": (ROOT / "data" / "schema" / "resource.schema.json").read_text(encoding="utf-8"),
}


def data_problems(tmp_path, files: dict[str, str]) -> list[str]:
    data = make_data(tmp_path, {**DATA_FILES, **files}, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    return [str(p).replace(f"{data}/", "data/") for p in found if p.level == "error"]


def test_every_kind_of_data_file_passes_when_it_is_right(tmp_path):
    assert data_problems(tmp_path, {}) == []


@pytest.mark.parametrize("rel", list(DATA_FILES))
def test_a_file_that_is_not_utf8_is_an_error_at_its_byte(tmp_path, rel):
    data = make_data(tmp_path, DATA_FILES, fixtures=False)
    (data / rel).write_bytes(b"\n" + "d\xe9tenu".encode("latin-1") + b"\n")
    _, found = load(data, today=TODAY, raise_on_error=False)
    mine = [str(p).replace(f"{data}/", "data/") for p in found if p.path == str(data / rel)]
    assert mine == [f"data/{rel}:2:2: {NOT_UTF8}"]


@pytest.mark.parametrize("rel", list(DATA_FILES))
def test_a_link_in_place_of_a_file_is_never_followed(tmp_path, rel):
    secret = tmp_path / "secret.txt"
    secret.write_text("countries: [om]\n", encoding="utf-8")
    data = make_data(tmp_path, DATA_FILES, fixtures=False)
    (data / rel).unlink()
    os.symlink(secret, data / rel)
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert f"data/{rel}:1:1: {LINK}" in [str(p).replace(f"{data}/", "data/") for p in found]


def test_a_bidi_control_is_refused_in_every_kind_of_data_file(tmp_path):
    rlo = "\u202e"
    found = data_problems(
        tmp_path,
        {
            "kinds.yml": DATA_FILES["kinds.yml"].replace("en: Hotlines", f"en: Hot{rlo}lines"),
            "short-codes.yml": DATA_FILES["short-codes.yml"].replace("name: Embrace", f"name: Em{rlo}brace"),
            "leads.yml": LEAD.replace("name: Good Lead", f"name: Good {rlo}Lead"),
            "region.yml": f"countries: [om]  # fine\nnote: x{rlo}\n",
            "countries/om.yml": LAW.replace("Penal Code, Article 1.", f"Penal Code, {rlo}Article 1."),
            "resources/lb/good-group.yml": GOOD.replace("en: Helps.", f"en: He{rlo}lps."),
        },
    )
    assert sorted({line.split(":", 1)[0] for line in found if "bidirectional control" in line}) == [
        "data/countries/om.yml",
        "data/kinds.yml",
        "data/leads.yml",
        "data/region.yml",
        "data/resources/lb/good-group.yml",
        "data/short-codes.yml",
    ]


def test_any_other_file_under_data_is_reported(tmp_path):
    assert data_problems(tmp_path, {"notes.yml": "a: b\n", "schema/draft.json": "{}\n"}) == [
        "data/notes.yml:1:1: not read: expected only languages.yml, kinds.yml, topics.yml, short-codes.yml, leads.yml, region.yml, resources, countries, schema in data/; got 'notes.yml'",
        "data/schema/draft.json:1:1: not read: expected data/schema/<name>.schema.json; got 'schema/draft.json'",
    ]


def test_a_schema_that_is_not_json_is_an_error_at_its_place(tmp_path):
    assert data_problems(tmp_path, {"schema/resource.schema.json": '{\n  "title": ,\n}\n'}) == [
        "data/schema/resource.schema.json:2:12: not valid JSON: Expecting value; expected a JSON schema"
    ]


# -- the engine's own files ---------------------------------------------------------------------


@pytest.fixture
def engine(tmp_path):
    """A copy of the engine's data-like files, to break one at a time."""
    root = tmp_path / "wasla"
    shutil.copytree(ENGINE / "strings", root / "strings")
    shutil.copy(ENGINE / "outing-terms.txt", root / "outing-terms.txt")
    return root


def engine_problems(root) -> list[str]:
    return [str(p).replace(f"{root}/", "") for p in check_engine_files(root)]


def test_the_shipped_engine_files_pass(engine):
    assert check_engine_files() == [] and engine_problems(engine) == []


def test_a_word_list_that_is_not_utf8_stops_the_check_not_the_build(engine):
    """A word list in Latin-1 passing make check would stop the build with a traceback."""
    lines = (engine / "outing-terms.txt").read_bytes().count(b"\n")
    with open(engine / "outing-terms.txt", "ab") as f:
        f.write("d\xe9tenu\n".encode("latin-1"))
    assert engine_problems(engine) == [f"outing-terms.txt:{lines + 1}:2: {NOT_UTF8}"]


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "outing-terms.txt",
            "arre\u202est\n",
            "contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 5; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'arre\\u202est'",
        ),
        (
            "outing-terms.txt",
            "ga\x1by\n",
            "contains a control character (U+001B ESCAPE) at character 3; it is invisible, and in a terminal or a CSV file it can act; expected plain text (delete it and type the text again); got 'ga\\x1by'",
        ),
        ("outing-terms.txt", "x" * 101 + "\n", "too long; expected at most 100 characters; got 101"),
    ],
)
def test_a_word_list_line_goes_through_the_text_rule(engine, name, text, message):
    lines = (engine / name).read_bytes().count(b"\n")
    with open(engine / name, "a", encoding="utf-8") as f:
        f.write(text)
    assert engine_problems(engine) == [f"{name}:{lines + 1}:1: {message}"]


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "en.yml",
            "extra_key: [a, b]\n",
            "extra_key: must be text; expected text on the same line; got a list",
        ),
        (
            "ar.yml",
            "extra_key: 'x\u202ey'\n",
            "extra_key: contains a bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE) at character 2; it reorders the text around it, so what is shown is not what is written; expected plain text (delete it and type the text again); got 'x\\u202ey'",
        ),
        (
            "glossary.yml",
            "extra_term:\n  en: x\n  ar: [y, {z: w}]\n",
            "extra_term: must be text; expected text on the same line; got a mapping",
        ),
    ],
)
def test_string_tables_and_the_glossary_go_through_the_same_rules(engine, name, text, message):
    path = engine / "strings" / name
    line = path.read_text(encoding="utf-8").count("\n") + 1
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)
    found = engine_problems(engine)
    assert len(found) == 1 and found[0].startswith(f"strings/{name}:") and found[0].endswith(message)
    assert int(found[0].split(":")[1]) >= line


def test_a_string_table_that_is_not_yaml_is_an_error_not_a_traceback(engine):
    (engine / "strings" / "en.yml").write_text("tagline: 'unclosed\n", encoding="utf-8")
    found = engine_problems(engine)
    assert len(found) == 1 and found[0].startswith("strings/en.yml:1:10: the file is not valid YAML")


def test_load_checks_the_engine_files_first(tmp_path):
    """make check and the build (on_config) run them: a broken engine file fails both, before any page."""
    data = make_data(tmp_path, fixtures=False)
    _, found = load(data, today=TODAY, raise_on_error=False)
    assert found == []  # the shipped ones pass; the checks above break a copy


def test_engine_files_edited_between_builds_are_checked_again(engine):
    """The engine files' check is kept for the process under their bytes (make serve), so an edit
    into an error is reported by the next build."""
    assert engine_problems(engine) == [] and engine_problems(engine) == []
    lines = (engine / "outing-terms.txt").read_bytes().count(b"\n")
    with open(engine / "outing-terms.txt", "ab") as f:
        f.write("d\xe9tenu\n".encode("latin-1"))
    assert engine_problems(engine) == [f"outing-terms.txt:{lines + 1}:2: {NOT_UTF8}"]
