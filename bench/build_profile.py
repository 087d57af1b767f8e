"""Where a build's time goes: one build of N synthetic entries under cProfile, phase by phase and
language by language.

    python bench/bench.py --profile N [--clock wall]     (or: make bench BENCH="--profile 2000")

Builds N entries (bench/generate.py) in this process, as `mkdocs build` does, with one profiler per
language build: static-i18n builds each language after the first inside the first one's
on_post_build, by calling MkDocs' build() again, and that call is where the profilers switch.
Prints the wall and CPU seconds of each language build, the phases of each (the cumulative time
of the function that does the phase, from that language's profile), and the functions with the
largest cumulative time over the whole build. Writes bench/out/profile-N.pstats (every language;
read it with `python -m pstats` or snakeviz) and bench/out/profile-N.txt (what is printed).
Times under cProfile are larger than without it: read the shares, not the seconds.
"""

from __future__ import annotations

import contextlib
import cProfile
import dataclasses
import io
import os
import pstats
import sys
import time
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs_static_i18n import plugin as i18n_plugin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import CONFIG, OUT, ROOT, build_env, site_languages  # noqa: E402
from generate import generate  # noqa: E402

TOP = 40  # functions listed by cumulative time
# what the profiler times calls with: CPU seconds (the default) barely change with other work on the
# machine, but each reading is a system call, which weighs on code that makes many small calls
# (templates, JSON); wall seconds cost less to read and are fair on an idle machine only
CLOCKS = {"cpu": (time.process_time, "CPU seconds"), "wall": (time.perf_counter, "wall seconds")}
STARTUP = "startup"  # reading mkdocs.yml: the plugins, theme and hooks imported and configured

# (phase, [(file path ending, function name)]): the functions whose cumulative time is the phase.
# Indented phases are parts of the phase above them.
PHASES = [
    ("loading and checking the data", [("wasla/loading/dataset.py", "load")]),
    ("data cache look-up (every language build)", [("wasla/loading/cache.py", "fingerprint")]),
    ("country and kind page plans (on_files)", [("hooks/pages.py", "on_files")]),
    ("page content: Markdown and hooks", [("mkdocs/commands/build.py", "_populate_page")]),
    ("  Wasla's country, kind and home parts (Jinja)", [("hooks/pages.py", "on_page_content")]),
    ("  search index built", [("wasla/output/search_index.py", "build_index")]),
    ("page templates (Material) and writes", [("mkdocs/commands/build.py", "_build_page")]),
    ("  whitespace collapse", [("hooks/stylesheets.py", "on_post_page")]),
    ("search index files written", [("hooks/search.py", "on_post_build")]),
    ("exports (open data)", [("hooks/exports.py", "on_post_build")]),
    ("privacy scan", [("hooks/privacy.py", "on_post_build")]),
    ("theme files removed", [("hooks/trim.py", "on_post_build")]),
    ("stylesheet step (after every language)", [("hooks/stylesheets.py", "on_post_build")]),
]


@dataclasses.dataclass
class LanguageBuild:
    profile: cProfile.Profile
    wall: float = 0.0
    cpu: float = 0.0
    _since: tuple[float, float] = (0.0, 0.0)

    def resume(self) -> None:
        self._since = (time.perf_counter(), time.process_time())
        self.profile.enable()

    def pause(self) -> None:
        self.profile.disable()
        wall, cpu = self._since
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu


class Profiles:
    """One profiler per language build; a nested language build pauses the one around it."""

    def __init__(self, clock: str = "cpu") -> None:
        self.timer = CLOCKS[clock][0]
        self.builds: dict[str, LanguageBuild] = {}
        self.stack: list[LanguageBuild] = []

    @contextlib.contextmanager
    def language(self, lang: str):
        if self.stack:
            self.stack[-1].pause()
        build = self.builds.setdefault(lang, LanguageBuild(cProfile.Profile(self.timer)))
        self.stack.append(build)
        build.resume()
        try:
            yield
        finally:
            self.stack.pop().pause()
            if self.stack:
                self.stack[-1].resume()


def phase_seconds(stats: pstats.Stats, functions: list[tuple[str, str]]) -> float:
    total = 0.0
    for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        path = filename.replace(os.sep, "/")
        if any(path.endswith(end) and name == fn for end, fn in functions):
            total += cumulative
    return total


def profiled_build(data: Path, site: Path, languages: list[str], clock: str = "cpu") -> Profiles:
    """`mkdocs build` of mkdocs.yml on a data folder, in this process, one profiler per language."""
    os.environ.update(build_env(data))
    os.environ["WASLA_JOBS"] = "1"  # files checked and bodies rendered in this process, where the profiler sees them
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "hooks"))  # as PYTHONPATH=hooks gives `mkdocs build`
    profiles = Profiles(clock)
    nested = i18n_plugin.build  # static-i18n's call for each language after the first

    def language_build(config, **kwargs):
        with profiles.language(config.plugins["i18n"].current_language):  # already the next language
            return nested(config, **kwargs)

    i18n_plugin.build = language_build
    try:
        with profiles.language(STARTUP):
            config = load_config(config_file=str(CONFIG), site_dir=str(site))
            config.plugins.on_startup(command="build", dirty=False)
        with profiles.language(languages[0]):
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
    finally:
        i18n_plugin.build = nested
    return profiles


def combined(profiles: Profiles, languages: list[str]) -> pstats.Stats:
    """Every language build's profile in one."""
    built = [profiles.builds[lang].profile for lang in [STARTUP, *languages] if lang in profiles.builds]
    stats = pstats.Stats(built[0])
    for profile in built[1:]:
        stats.add(profile)
    return stats


def report(n: int, profiles: Profiles, languages: list[str], clock: str = "cpu") -> str:
    out = io.StringIO()
    built = [lang for lang in [STARTUP, *languages] if lang in profiles.builds]
    stats = {lang: pstats.Stats(profiles.builds[lang].profile) for lang in built}
    width = max(len(label) for label, _ in PHASES) + 2
    columns = "".join(f"{lang:>9}" for lang in built) + f"{'all':>9}"
    print(
        f"profile of a {n:,} entry build, phases in {CLOCKS[clock][1]} (cProfile; larger than without it: "
        "read the shares)",
        file=out,
    )
    print(f"  {'language build':<{width}}{columns}", file=out)
    walls = [profiles.builds[lang].wall for lang in built]
    cpus = [profiles.builds[lang].cpu for lang in built]
    print(f"  {'wall s':<{width}}" + "".join(f"{w:>9.2f}" for w in walls) + f"{sum(walls):>9.2f}", file=out)
    print(f"  {'CPU s':<{width}}" + "".join(f"{c:>9.2f}" for c in cpus) + f"{sum(cpus):>9.2f}", file=out)
    first = cpus[built.index(languages[0])]
    print(f"  {'CPU, × the first language':<{width}}" + "".join(f"{c / first:>8.2f}×" for c in cpus), file=out)
    print(f"  {'phase (cumulative s)':<{width}}{columns}", file=out)
    for label, functions in PHASES:
        seconds = [phase_seconds(stats[lang], functions) for lang in built]
        print(f"  {label:<{width}}" + "".join(f"{s:>9.2f}" for s in seconds) + f"{sum(seconds):>9.2f}", file=out)
    print(f"\ntop {TOP} functions by cumulative time, every language build together:", file=out)
    whole = combined(profiles, languages)
    whole.stream = out
    whole.strip_dirs().sort_stats("cumulative").print_stats(TOP)
    return out.getvalue()


def main(n: int, clock: str = "cpu") -> None:
    languages = site_languages()
    data = generate(n, OUT / f"data-{n}")
    profiles = profiled_build(data, OUT / f"profile-site-{n}", languages, clock)
    stats_path, text_path = OUT / f"profile-{n}.pstats", OUT / f"profile-{n}.txt"
    combined(profiles, languages).dump_stats(stats_path)
    text = report(n, profiles, languages, clock)
    text_path.write_text(text, encoding="utf-8")
    print(text)
    print(f"written: {stats_path} (python -m pstats), {text_path}")


if __name__ == "__main__":
    main(int(sys.argv[1]), *sys.argv[2:3])
