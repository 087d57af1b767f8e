"""Builds as `make serve` does them, in one process, for tests/test_preview.py.

    python tests/serve_builds.py DATA OUT STEPS.json (--dirty | --clean)

STEPS.json is a list of steps, each a mapping of data files (relative to DATA) to their new text,
or to null to delete them; a path starting with docs/ is a hand-written page, in a copy of the
repository's docs/ the builds read (the repository's own is never written). With --dirty, every
step is applied to DATA in turn and followed by a rebuild in the same site folder, as `mkdocs
serve --dirty` rebuilds after a save (a new config each time, the hooks loaded again); each
built site is copied to OUT/<step>, and OUT/results.json says which steps built. With --clean, all the steps are applied and the site is built once, from
an empty folder, into OUT/<last step>: the reference a dirty build must equal byte for byte.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE_URL = "http://127.0.0.1:8000/"


def apply(data: Path, docs: Path, step: dict) -> None:
    for rel, text in step.items():
        path = docs / rel.removeprefix("docs/") if rel.startswith("docs/") else data / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def main() -> None:
    data, out, steps_file, mode = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    dirty = mode == "--dirty"
    sys.argv = ["mkdocs", "serve", "--dirty"] if dirty else ["mkdocs", "serve"]  # static-i18n reads them
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="serve-"))
    docs = Path(tempfile.mkdtemp(prefix="serve-docs-")) / "docs"
    shutil.copytree(ROOT / "docs", docs)
    started = False
    results = {}
    for number, step in enumerate(steps):
        apply(data, docs, step)
        if not dirty and number < len(steps) - 1:
            continue
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), docs_dir=str(docs))
        if not started:
            config.plugins.on_startup(command="serve", dirty=dirty)
            started = True
        config.site_url = SERVE_URL
        try:
            build(config, serve_url=SERVE_URL, dirty=dirty)
        except SystemExit as exc:  # mkdocs' Abort: the build failed, as serve reports it
            results[number] = f"failed: {exc}"
            continue
        results[number] = "built"
        shutil.copytree(site, out / str(number))
    (out / "results.json").write_text(json.dumps(results), encoding="utf-8")
    shutil.rmtree(site)
    shutil.rmtree(docs.parent)


if __name__ == "__main__":
    main()
