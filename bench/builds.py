"""One site build in a fresh Python, timed: wall seconds, CPU seconds and peak memory.

CPU seconds are the build process's user + system time (os.wait4's rusage): other work on a shared
machine stretches wall seconds much more than it changes them. Also: the site's languages as
mkdocs.yml lists them, and a copy of mkdocs.yml that builds the first language only.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
OUT = Path(os.environ.get("WASLA_BENCH_OUT", ROOT / "bench" / "out")).resolve()  # the tests set it: a temporary folder


@dataclasses.dataclass(frozen=True)
class Run:
    """What one build cost, and what it wrote."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    peak_mb: float  # the build process's largest resident set, in MB
    pages: int  # HTML files written
    load: float = 0.0  # the machine's 1-minute load average when the build started (other work on it)


class EnvLoader(yaml.SafeLoader):
    """A safe loader that reads mkdocs.yml's `!ENV [NAME, default]` tags as MkDocs does."""


EnvLoader.add_constructor("!ENV", construct_env_tag)


def read_config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EnvLoader)


def i18n_of(config: dict) -> dict:
    """The static-i18n plugin's options in a loaded mkdocs.yml."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    sys.exit("mkdocs.yml: plugins has no i18n entry (static-i18n), so the site's languages are unknown")


def site_languages(config: dict | None = None) -> list[str]:
    """The locales of plugins.i18n.languages that are built, the default first."""
    entries = [lang for lang in i18n_of(config or read_config())["languages"] if lang.get("build", True)]
    entries.sort(key=lambda lang: not lang.get("default", False))
    return [lang["locale"] for lang in entries]


def absolute_paths(config: dict) -> dict:
    """The paths mkdocs.yml gives relative to itself, made absolute, so a copy works from anywhere."""
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    theme = config.get("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    wasla = config.get("extra", {}).get("wasla", {})
    if "data_dir" in wasla:
        wasla["data_dir"] = str(ROOT / wasla["data_dir"])
    return config


def first_language_config(out: Path) -> Path:
    """mkdocs.yml with every language but the first set to `build: false` (static-i18n's own
    per-language switch): the same build, one language."""
    config = absolute_paths(read_config())
    first = site_languages(config)[0]
    for lang in i18n_of(config)["languages"]:
        lang["build"] = lang["locale"] == first
    return write_config(config, out / "mkdocs-first-language.yml")


def write_config(config: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_env(data: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    if data is not None:
        env["WASLA_DATA_DIR"] = str(data)
    return env


def run_build(config: Path, site: Path, data: Path | None = None) -> Run:
    """`mkdocs build --quiet` of a config into site, in a fresh Python; exits with its messages on failure."""
    config, site = config.resolve(), site.resolve()
    data = data.resolve() if data is not None else None
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)],
            cwd=ROOT,
            env=build_env(data),
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if proc.returncode != 0:
            errors.seek(0)
            sys.exit(f"build of {config.name} into {site} failed:\n{errors.read()}")
    pages = sum(1 for _ in site.rglob("*.html"))
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pages, load)
