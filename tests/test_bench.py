"""The benchmark's synthetic data stays valid under every rule (else `make bench` stops)."""

import sys

from conftest import ROOT
from wasla.loading.dataset import load

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_generated_entries_are_valid(tmp_path):
    data = generate(600, tmp_path / "data")
    dataset, problems = load(data)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert len(dataset.resources) == 600


def test_vanilla_config_reads_mkdocs_yml_as_mkdocs_does(tmp_path):
    """The comparison build reads mkdocs.yml's !ENV tags (theme.name under ENGINE=materialx)."""
    import yaml

    from search_bench import vanilla_config

    config = yaml.safe_load(vanilla_config(tmp_path).read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert config["plugins"][0] == "search"
