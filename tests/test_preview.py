"""Under `make serve` (mkdocs serve --dirty) a save rewrites only the pages it changes, and the
preview is still, byte for byte, the site a clean build of the same files makes
(hooks/preview.py, wasla/output/kept_bodies.py).

One process rebuilds after each step, as serve does after each save (tests/serve_builds.py);
for every step that builds, a fresh process builds the same files from an empty folder, and the
two sites must be identical, file for file and byte for byte.
"""

from __future__ import annotations

import dataclasses
import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, make_data
from wasla.core.languages import shipped
from wasla.core.model import Kind, Text
from wasla.output.kept_bodies import same

ENV = {
    **os.environ,
    "WASLA_TODAY": "2026-11-24",
    "WASLA_ISSUES_URL": "https://example.org/wasla/issues/new",
    "WASLA_REPORT_EMAIL": "reports@example.org",
    "PYTHONPATH": str(ROOT / "hooks"),
    "NO_MKDOCS_2_WARNING": "1",
}


def line(n: int, countries: str = "jo", name: str | None = None) -> str:
    """A Jordanian hotline that answers suicide; lines sort by name on the country's pages."""
    name = name or f"Line {n:02d}"
    return f"""\
name: {{en: {name}, ar: خط {n}}}
kinds: [hotline]
countries: [{countries}]
summary: {{en: A fixture line., ar: خط للاختبار.}}
contacts:
  - type: phone
    value: "+962 79 512 34{n:02d}"
sources:
  - https://example.org/line-{n}
status: active
answers:
  - {{topic: suicide, source: https://example.org/line-{n}}}
"""


HOTLINE = (FIXTURES / "resources" / "lb" / "test-hotline.yml").read_text(encoding="utf-8")
JORDAN = (ROOT / "data" / "countries" / "jo.yml").read_text(encoding="utf-8")
KINDS = (ROOT / "data" / "kinds.yml").read_text(encoding="utf-8")
ABOUT = (ROOT / "docs" / "about.en.md").read_text(encoding="utf-8")
HOME = (ROOT / "docs" / "index.en.md").read_text(encoding="utf-8")

# Each step is a save (files to write, or None to delete), what it exercises, and whether it builds.
STEPS = [
    ({f"resources/jo/line-{n:02d}.yml": line(n) for n in range(1, 10)}, "the first build: Jordan has two pages", True),
    (
        {"resources/lb/test-hotline.yml": HOTLINE.replace("en: Test Hotline", "en: Test Hotline Renamed")},
        "a name",
        True,
    ),
    ({"docs/about.en.md": ABOUT.replace("# About Wasla", "# About this directory")}, "a hand-written page", True),
    (
        {
            "docs/index.en.md": HOME.replace("title: Home", "title: Start"),
            "resources/jo/line-02.yml": line(2, "jo, lb"),
        },
        "the home page's text and its chooser's counts",
        True,
    ),
    ({"resources/jo/line-00.yml": line(0, name="Aaa Line")}, "a new entry first: every Jordanian card moves on", True),
    ({"resources/jo/line-05.yml": line(5, countries="jo, lb")}, "an entry now serves Lebanon too", True),
    ({"resources/lb/test-paused.yml": None}, "an entry deleted", True),
    (
        {"countries/jo.yml": JORDAN.replace("Same-sex relations are not a crime", "Same-sex acts are not a crime")},
        "law",
        True,
    ),
    (
        {"kinds.yml": KINDS.replace("en: Hotlines", "en: Help lines", 1)},
        "a kind's label, on every page that shows it",
        True,
    ),
    ({"resources/jo/line-01.yml": "name: [unclosed\n"}, "a file broken: the build fails", False),
    ({"resources/jo/line-01.yml": line(1)}, "and mended", True),
    ({f"resources/jo/line-{n:02d}.yml": None for n in range(4, 10)}, "Jordan's second page is gone", True),
    (
        {"resources/eg/test-stale.yml": None, "resources/eg/test-public-address.yml": None},
        "Egypt's last entries deleted: its contact cards file too",
        True,
    ),
]
BUILT = [n for n, (_, _, builds) in enumerate(STEPS) if builds]


def serve_builds(data: Path, out: Path, steps: list[dict], mode: str) -> dict:
    steps_file = out.parent / f"{out.name}.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "serve_builds.py"), str(data), str(out), str(steps_file), mode],
        cwd=ROOT,
        env={**ENV, "WASLA_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return {int(k): v for k, v in json.loads((out / "results.json").read_text(encoding="utf-8")).items()}


def differences(a: Path, b: Path) -> list[str]:
    """Every file that is in one tree only or differs in bytes."""
    found = []
    compared = filecmp.dircmp(a, b)
    found += [f"only in the preview: {compared.left}/{n}" for n in compared.left_only]
    found += [f"only in the clean build: {compared.right}/{n}" for n in compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += [f"differs: {a}/{n}" for n in mismatch + errors]
    for sub in compared.common_dirs:
        found += differences(a / sub, b / sub)
    return found


@pytest.fixture(scope="module")
def previews(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview")
    data = make_data(root, region=True)
    out = root / "dirty"
    return root, serve_builds(data, out, [files for files, _, _ in STEPS], "--dirty"), out


def test_every_step_builds_but_the_broken_file(previews):
    _, results, _ = previews
    assert [n for n, r in results.items() if r == "built"] == BUILT
    assert [r.split(":")[0] for n, r in results.items() if n not in BUILT] == ["failed"]


@pytest.mark.parametrize("step", BUILT, ids=[STEPS[n][1] for n in BUILT])
def test_the_preview_is_the_clean_build(previews, step, tmp_path):
    _, _, dirty = previews
    data = make_data(tmp_path, region=True)
    clean = tmp_path / "clean"
    assert serve_builds(data, clean, [files for files, _, _ in STEPS[: step + 1]], "--clean") == {step: "built"}
    assert differences(dirty / str(step), clean / str(step)) == []


def test_a_save_rewrites_only_the_pages_it_changes(previews):
    """The rename rewrites the pages that show the entry, not every page of every language, nor a
    hand-written page it does not change."""
    _, _, dirty = previews
    before, after = dirty / "0", dirty / "1"
    pages = sorted(p.relative_to(after).as_posix() for p in after.rglob("*.html"))
    unchanged = [
        p for p in pages if (before / p).exists() and (before / p).stat().st_mtime_ns == (after / p).stat().st_mtime_ns
    ]
    assert len(pages) > 500 and len(unchanged) > len(pages) * 0.9
    about = [p for p in pages if p.rsplit("/", 1)[-1] == "about.html"]  # hand-written, nothing filled
    assert len(about) == len(shipped().codes) and set(about) <= set(unchanged)


def test_same_sees_order_types_and_records():
    kind = Kind("hotline", Text({"en": "Hotlines"}), Text({"en": "Lines"}))
    assert same([kind, 1, "a"], [dataclasses.replace(kind), 1, "a"])
    assert not same([kind], [dataclasses.replace(kind, label=Text({"en": "Help lines"}))])
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})  # a template shows a mapping in its order
    assert not same(1, True) and not same(1, 1.0) and not same((1,), [1])
    assert not same(object(), object())  # what same() does not know counts as changed


def test_an_open_page_shows_a_saved_file_under_make_serve(tmp_path, page_factory):
    """Chromium on a page of `mkdocs serve --dirty` (as make serve runs it): a saved rename shows
    in the open page without the reader reloading it, twice, and the page's Content-Security-Policy
    lets MkDocs' live-reload script run (the built site's would refuse it)."""
    import socket
    import time
    import urllib.request

    data = make_data(tmp_path, region=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(ROOT / "mkdocs.yml")]
        + ["--dev-addr", f"127.0.0.1:{port}", "--watch", str(data)],
        cwd=ROOT,
        env={**ENV, "WASLA_DATA_DIR": str(data)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "en/countries/lb.html", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        page = page_factory()
        said = []
        page.on("console", lambda message: said.append(message.text))
        page.goto(base + "en/countries/lb.html")
        assert "'unsafe-inline'" in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        for name in ("Test Hotline Renamed", "Test Hotline Renamed Again"):
            time.sleep(1.0)  # the server's file watcher looks every 0.5 s
            (data / "resources" / "lb" / "test-hotline.yml").write_text(
                HOTLINE.replace("en: Test Hotline", f"en: {name}"), encoding="utf-8"
            )
            page.get_by_text(name, exact=True).first.wait_for(timeout=30000)
        assert said.count("Enabled live reload") == 3 and not [m for m in said if "Content Security Policy" in m]
        assert page.blocked == []
    finally:
        serve.send_signal(2)
        serve.wait(timeout=30)
        log.close()
