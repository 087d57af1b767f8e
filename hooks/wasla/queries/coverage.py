"""How much of the site is written in each registered language: the honest count ``make check``
prints, one line per language (``fa: strings 190/190, pages 6/6, entry names 12/80, …``).

A text counts in a language when it is written in it, or is one string for every language (a
brand name). Pages are the hand-written ``docs/<page>.<code>.md``; the English ones are the set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.model import Dataset, Text
from ..core.strings import written_keys

DOCS = Path(__file__).resolve().parents[3] / "docs"


@dataclass(frozen=True)
class Coverage:
    lang: str
    counts: tuple[tuple[str, int, int], ...]  # (what, written, of)

    def line(self) -> str:
        return f"{self.lang}: " + ", ".join(f"{what} {done}/{total}" for what, done, total in self.counts)


def _written(texts: list[Text], lang: str) -> tuple[int, int]:
    return sum(1 for t in texts if t.neutral or t.values.get(lang)), len(texts)


def pages(lang: str, docs: Path = DOCS) -> tuple[int, int]:
    names = sorted(p.name.split(".")[0] for p in docs.glob("*.en.md"))
    return sum(1 for name in names if (docs / f"{name}.{lang}.md").is_file()), len(names)


def coverage(dataset: Dataset, docs: Path = DOCS) -> list[Coverage]:
    english = written_keys("en")
    names = [r.name for r in dataset.resources]
    summaries = [r.summary for r in dataset.resources]
    kinds = [k.label for k in dataset.kinds.values()]
    law = [item.summary for country in dataset.countries.values() for item in country.law]
    out = []
    for lang in dataset.languages.codes:
        counts = [
            ("strings", len(english & written_keys(lang)), len(english)),
            ("pages", *pages(lang, docs)),
            ("entry names", *_written(names, lang)),
            ("summaries", *_written(summaries, lang)),
            ("kinds", *_written(kinds, lang)),
        ]
        if law:
            counts.append(("law summaries", *_written(law, lang)))
        out.append(Coverage(lang, tuple(counts)))
    return out
