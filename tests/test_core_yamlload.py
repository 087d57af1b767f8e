"""The loader keeps what was written and refuses YAML features that hide mistakes."""

import pytest

from wasla.core.yamlload import Pos, YamlError, loads


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: +9611234567", "+9611234567"),
        ("a: 0123", "0123"),
        ("a: 9:30", "9:30"),
        ("a: NO", "NO"),
        ("a: on", "on"),
        ("a: 1e3", "1e3"),
        ("a: 2026-01-15", "2026-01-15"),
        ("a: ~", "~"),
        ("a: 0x1F", "0x1F"),
    ],
)
def test_every_scalar_stays_the_text_written(text, expected):
    value = loads(text)["a"]
    assert value == expected and type(value).__mro__[1] is str


def test_positions_are_one_based_line_and_column():
    data = loads("name: x\ncontacts:\n  - type: phone\n    value: '1564'\n")
    assert data["contacts"][0]["value"].pos == Pos(4, 12)


@pytest.mark.parametrize(
    "text, pos, message",
    [
        (
            "a: 1\nb: 2\na: 3\n",
            Pos(3, 1),
            "duplicate key 'a' (first at line 1); expected each key once (merge or remove one)",
        ),
        ("a: &x 1\nb: *x\n", Pos(1, 4), "anchor '&x' is not allowed; expected each value written out in full"),
        ("a: !!int 3\n", Pos(1, 4), "tag 'tag:yaml.org,2002:int' is not allowed; expected plain text (remove the tag)"),
        ("a: !secret x\n", Pos(1, 4), "tag '!secret' is not allowed; expected plain text (remove the tag)"),
        (
            "a: 1\n---\nb: 2\n",
            Pos(1, 1),
            "the file holds more than one YAML document; expected one (remove '---' lines)",
        ),
        (
            "a: [1, 2\n",
            Pos(2, 1),
            "the file is not valid YAML: did not find expected ',' or ']'; check indentation and quotes near here",
        ),
    ],
)
def test_traps_are_errors_with_positions(text, pos, message):
    with pytest.raises(YamlError) as exc:
        loads(text)
    assert (exc.value.pos, exc.value.message) == (pos, message)


def test_alias_without_anchor_in_mapping_value_is_refused():
    with pytest.raises(YamlError) as exc:
        loads("- &a x\n- *a\n")
    assert exc.value.message.startswith("anchor '&a' is not allowed")


# --- an unclosed quote is reported where it opened, not where PyYAML gave up
@pytest.mark.parametrize(
    "text, pos, message",
    [
        (
            'name: {en: "Broken, ar: x}\nkinds: [hotline]\n',
            Pos(1, 12),
            'the file is not valid YAML: this quote (") is never closed; expected a closing " on line 1; got none before the end of the file',
        ),
        (
            "name:\n  en: 'Broken\n  ar: x\nkinds:\n  - hotline\n",
            Pos(2, 7),
            "the file is not valid YAML: this quote (') is never closed; expected a closing ' on line 2; got none before the end of the file",
        ),
        (
            'summary:\n  en: "Line one\nname: x\ncity: "Beirut"\n',
            Pos(2, 7),
            'the file is not valid YAML: this quote (") is not closed on its line, so the text runs on to line 4; expected a closing " on line 2',
        ),
    ],
)
def test_an_unclosed_quote_points_where_it_opened(text, pos, message):
    with pytest.raises(YamlError) as exc:
        loads(text)
    assert (exc.value.pos, exc.value.message) == (pos, message)


def test_quotes_inside_words_comments_and_block_text_are_not_mistaken():
    from wasla.core.yamlload import quoted_texts

    text = "a: It's fine # don't\nb: |\n  He said \"hi\n  and 'left\nc: 'it''s'\nd: \"x \\\" y\"\n"
    assert loads(text)["c"] == "it's"
    assert [(p.line, q, closed) for p, q, closed in quoted_texts(text)] == [(5, "'", 5), (6, '"', 6)]
    with pytest.raises(YamlError) as exc:  # an error elsewhere keeps PyYAML's own position
        loads(text + "e: [1, 2\n")
    assert exc.value.pos == Pos(8, 1) and "did not find expected ',' or ']'" in exc.value.message


def test_make_check_prints_the_quote_hint_with_the_file(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT, make_data

    make_data(tmp_path, {"resources/lb/broken.yml": 'name: {en: "Broken, ar: x}\nkinds: [hotline]\n'}, fixtures=False)
    result = subprocess.run(
        [sys.executable, "-m", "wasla", "check", "data"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "WASLA_TODAY": "2026-11-24"},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        'data/resources/lb/broken.yml:1:12: the file is not valid YAML: this quote (") '
        'is never closed; expected a closing " on line 1; got none before the end of the file'
    )
