"""One string table per language; Arabic has every English key, and no empty value."""

from conftest import ROOT
from wasla.core.yamlload import loads, plain

STRINGS = ROOT / "hooks" / "wasla" / "strings"


def table(lang):
    return plain(loads((STRINGS / f"{lang}.yml").read_text(encoding="utf-8")))


def test_arabic_has_every_english_key():
    en, ar = table("en"), table("ar")
    assert sorted(set(en) - set(ar)) == []
    assert sorted(set(ar) - set(en)) == []


def test_no_empty_strings_and_placeholders_match():
    import re

    en, ar = table("en"), table("ar")
    for key in en:
        assert en[key].strip() and ar[key].strip(), key
        assert set(re.findall(r"{\w+}", en[key])) == set(re.findall(r"{\w+}", ar[key])), key
