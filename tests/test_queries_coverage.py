"""make check's line per language: how much is written in it, counted honestly."""

import datetime as dt

from conftest import make_data
from wasla.core import languages
from wasla.loading.dataset import load
from wasla.queries.coverage import coverage

ENTRY = """\
name: {name}
kinds: [hotline]
countries: [lb]
summary:
  en: Helps.
  ar: تساعد.{more}
contacts:
  - type: phone
    value: "01 123 45{n}"
sources:
  - https://example.org/
status: active
"""


def test_coverage_counts_what_is_written_in_each_language(tmp_path):
    files = {
        "resources/lb/one.yml": ENTRY.format(name="SMEX", more="\n  fa: کمک می‌کند.", n=1),  # one name for all
        "resources/lb/two.yml": ENTRY.format(name="{en: Two, fr: Deux}", more="", n=2),
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("index.en.md", "about.en.md", "index.ar.md", "about.ar.md", "index.fa.md"):
        (docs / name).write_text("x", encoding="utf-8")
    dataset, _ = load(make_data(tmp_path, files, fixtures=False), today=dt.date(2026, 11, 24))
    lines = {c.lang: c.line() for c in coverage(dataset, docs)}
    assert list(lines) == list(languages.shipped().codes)
    assert lines["fa"].split(", ")[1:] == ["pages 1/2", "entry names 1/2", "summaries 1/2", "kinds 7/7"]
    assert lines["fr"].split(", ")[1:] == ["pages 0/2", "entry names 2/2", "summaries 0/2", "kinds 7/7"]
    assert lines["ar"].split(", ")[1:] == ["pages 2/2", "entry names 1/2", "summaries 2/2", "kinds 7/7"]
    english = int(lines["en"].split(", ")[0].split("/")[1])
    assert lines["en"].startswith(f"en: strings {english}/{english}, ")
