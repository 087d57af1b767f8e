"""The benchmark: its synthetic data stays valid under every rule (else `make bench` stops), its
comparison builds use the site's languages, and a tiny run prints every figure it promises."""

import os
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from wasla.layout.pages import Layout
from wasla.loading.dataset import load

sys.path.insert(0, str(ROOT / "bench"))
import bench  # noqa: E402
import build_profile  # noqa: E402
import vanilla  # noqa: E402
from builds import Run, first_language_config, i18n_of, read_config, site_languages  # noqa: E402
from generate import generate  # noqa: E402
from search_bench import vanilla_config  # noqa: E402

FIVE_LANGUAGES = [
    {"locale": "ar", "name": "العربية", "default": True, "build": True},
    {"locale": "en", "name": "English", "build": True},
    {"locale": "fa", "name": "فارسی"},
    {"locale": "tr", "name": "Türkçe"},
    {"locale": "fr", "name": "Français", "build": True},
]


def test_generated_entries_are_valid(tmp_path):
    data = generate(600, tmp_path / "data")
    dataset, problems = load(data)
    assert [str(p) for p in problems if p.level == "error"] == []
    assert len(dataset.resources) == 600


def test_vanilla_config_reads_mkdocs_yml_as_mkdocs_does(tmp_path):
    """The comparison build reads mkdocs.yml's !ENV tags (theme.name under ENGINE=materialx)."""
    config = yaml.safe_load(vanilla_config(tmp_path).read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert config["plugins"][0] == "search"


def test_site_languages_are_mkdocs_yml_s_the_default_first():
    """The bench builds what plugins.i18n.languages lists (fa, tr, fr once they are added there)."""
    listed = i18n_of(read_config())["languages"]
    assert site_languages() == [lang["locale"] for lang in sorted(listed, key=lambda lang: not lang.get("default"))]
    config = {"plugins": ["search", {"i18n": {"languages": [*FIVE_LANGUAGES[1:], FIVE_LANGUAGES[0]]}}]}
    assert site_languages(config) == ["ar", "en", "fa", "tr", "fr"]
    config["plugins"][1]["i18n"]["languages"][2]["build"] = False
    assert site_languages(config) == ["ar", "en", "fa", "fr"]


def test_first_language_config_builds_the_default_language_alone(tmp_path):
    path = first_language_config(tmp_path)
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    languages = i18n_of(config)["languages"]
    assert [lang["locale"] for lang in languages if lang["build"]] == [site_languages()[0]]
    assert len(languages) == len(site_languages())
    # a copy outside the repository still finds the docs, overrides and hooks
    assert all(os.path.exists(p) for p in [config["docs_dir"], config["theme"]["custom_dir"], *config["hooks"]])


def test_vanilla_site_has_every_entry_in_every_language(tmp_path):
    data = generate(60, tmp_path / "data")
    written = vanilla.write_docs(data, tmp_path / "docs", [lang["locale"] for lang in FIVE_LANGUAGES])
    countries = {p.name.split(".")[0] for p in (tmp_path / "docs" / "countries").glob("*.md")}
    danger = {p.name.split(".")[0] for p in (tmp_path / "docs" / "danger").glob("*.md")}
    kinds = yaml.safe_load((data / "kinds.yml").read_text(encoding="utf-8"))
    assert written == 5 * (len(countries) + len(kinds) + len(danger))
    # the danger view's pages, with the lines Wasla's layout puts on each
    dataset, _ = load(data)
    layout = Layout(dataset, "fr")
    assert danger == {"index"} | set(dataset.topics) | {
        f"{topic}-{code}" for topic in dataset.topics for code in layout.danger_countries()
    }
    view = layout.danger_view("violence", "lb")
    assert len(view.local) == 2
    page = (tmp_path / "docs" / "danger" / "violence-lb.fr.md").read_text(encoding="utf-8")
    assert [line[3:] for line in page.splitlines() if line.startswith("## ")] == [
        r.name.get("fr").text for r in [*view.local, *view.everywhere]
    ]
    for lang in ("ar", "fr"):
        text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs" / "countries").glob(f"*.{lang}.md"))
        assert text.count("\n## ") + text.startswith("## ") == 60
    assert "[لبنان](countries/lb.md)" in (tmp_path / "docs" / "index.ar.md").read_text(encoding="utf-8")


def test_vanilla_configs_are_material_alone_in_the_site_languages(tmp_path):
    data = generate(10, tmp_path / "data")
    every, first = vanilla.prepare(data, tmp_path, "vanilla")
    config = yaml.safe_load(every.read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"] and "wasla" not in config.get("extra", {})
    assert config["plugins"][0] == "search"
    assert [lang["locale"] for lang in i18n_of(config)["languages"]] == site_languages()
    only = i18n_of(yaml.safe_load(first.read_text(encoding="utf-8")))["languages"]
    assert [lang["locale"] for lang in only if lang["build"]] == site_languages()[:1]


def test_each_language_beyond_the_first_is_its_share_of_the_first():
    every, first = Run(wall=20, cpu=16, peak_mb=1, pages=1), Run(wall=10, cpu=8, peak_mb=1, pages=1)
    assert bench.extra_language(every, first, 2, "cpu") == 1.0
    assert bench.extra_language(every, first, 5, "cpu") == 0.25
    assert bench.extra_language(every, first, 3, "wall") == 0.5


def test_arguments():
    assert bench.arguments([]).sizes == [1000, 10000]
    assert bench.arguments(["200", "--sizes", "300,400"]).sizes == [200, 300, 400]
    quick = bench.arguments(["--quick", "--no-vanilla"])
    assert (quick.sizes, quick.saves, quick.no_vanilla) == ([50], 1, True)
    profile = bench.arguments(["--profile", "2000", "--clock", "wall"])
    assert (profile.profile, profile.clock) == (2000, "wall")
    assert bench.arguments(["--profile", "2000"]).clock == "cpu"


def run_bench(tmp_path, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "WASLA_BENCH_OUT": str(tmp_path), "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


@pytest.mark.browser  # the search figures run in Chromium
def test_quick_bench_prints_every_figure(tmp_path):
    """At 50 entries: every row it promises (no wall-clock asserts: the machine is shared)."""
    result = run_bench(tmp_path, "--quick")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for label in [*bench.BUILDS, *bench.FIGURES]:
        assert any(line.strip().startswith(label) for line in lines), label
    rows = [line for line in lines if line.strip().startswith(bench.BUILDS)]
    assert [line[2 + bench.WIDTH :].split()[0] for line in rows] == ["50"] * 4, rows
    for printed in (
        "entries  build s  peak MB",  # the page-weight table
        f"build cost, languages {', '.join(site_languages())}",
        "make serve on the shipped data (1 save renaming data/resources/",
        "search, 50 entries",
        "vanilla Material search",
        "first view in Chromium at 360 px",
    ):
        assert printed in result.stdout, printed
    assert (tmp_path / "serve-data").is_dir()


def test_profile_prints_each_phase_and_language(tmp_path):
    result = run_bench(tmp_path, "--profile", "30")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.strip().startswith("language build"))
    assert header.split()[2:] == [build_profile.STARTUP, *site_languages(), "all"]
    for label, _ in build_profile.PHASES:
        assert any(line.startswith(f"  {label}  ") for line in result.stdout.splitlines()), label
    assert "function calls" in result.stdout and "cumtime" in result.stdout
    assert (tmp_path / "profile-30.pstats").stat().st_size > 0
    assert (tmp_path / "profile-30.txt").read_text(encoding="utf-8") in result.stdout
