"""The benchmark's synthetic data stays valid under every rule (else `make bench` stops)."""
import sys

from conftest import ROOT
from wasla.load import load

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_generated_entries_are_valid(tmp_path):
    data = generate(600, tmp_path / "data")
    dataset, problems = load(data)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert len(dataset.resources) == 600
