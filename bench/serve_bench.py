"""How long `make serve` takes from a saved data file to the reloaded page, on the shipped data.

    python bench/serve_bench.py [SAVES]     (make bench runs it once)

Starts `mkdocs serve --dirty` as `make serve` does (mkdocs.yml, loopback only, on a free port) on a
copy of data/ (WASLA_DATA_DIR, watched with --watch), so the real data is never written. When the
first build is served, the entry's English country page is opened in Chromium (Debian's, every
request off the server aborted), and each save renames one resource of the copy (its English
name gets a new last word, so its pages really change) and is timed until the open page,
reloaded, shows the new name and has loaded (its load event, by the page's own navigation
timing): MkDocs' live-reload script in the page sees the new build and reloads it, as it does
for a contributor. The CPU seconds the server spent in between are read from /proc. The
server is stopped with SIGINT, as Ctrl-C stops `make serve`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import CONFIG, OUT, ROOT, build_env  # noqa: E402
from search_bench import browser  # noqa: E402

STARTUP_LIMIT = 600.0  # seconds for the first build to be served
RELOAD_LIMIT = 180.0  # seconds for one save to be rebuilt and served
NAME_MARK = "Renamed"  # the English name's new last word is this and the save's number
LOADED = "performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"  # ms, epoch
ENGLISH_NAME = re.compile(r"^(name:\n(?:  \w+: .*\n)*?  en: .*?)(?: Renamed\d+)?$", re.M)


def rename(text: str, name: str) -> str:
    """The resource file with ``name`` as the last word of its English name (replacing an earlier one)."""
    renamed, count = ENGLISH_NAME.subn(lambda m: f"{m[1]} {name}", text, count=1)
    if count != 1:
        sys.exit("the saved resource file has no one-line English name (name: en: …)")
    return renamed


@dataclasses.dataclass(frozen=True)
class Reloads:
    startup: float  # seconds from starting the server to the first page served
    seconds: list[float]  # each save: seconds from the write to the reloaded page showing it, loaded
    cpu: list[float]  # each save: CPU seconds of the server meanwhile
    page: str  # the page open in Chromium
    resource: str  # the data file saved

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system seconds of a running process, every thread (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def wait_served(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"mkdocs serve stopped before serving (exit {proc.returncode}):\n{tail(log)}")
        try:
            fetch(url, timeout=5)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    sys.exit(f"mkdocs serve served nothing in {STARTUP_LIMIT:.0f} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def reload_once(page, resource: Path, save: int, proc: subprocess.Popen, log: Path) -> tuple[float, float]:
    """One save, with the page open in Chromium: (seconds from the write until the reloaded page
    that shows the new name has loaded, server CPU seconds meanwhile).

    The end is the page's own load event (its navigation timing, on the machine's clock, which
    the write's time.time() shares), not the moment Playwright notices the name: after a
    navigation Playwright checks again at growing intervals, which added 0.25-0.45 s."""
    cpu = cpu_seconds(proc.pid)
    name = f"{NAME_MARK}{save}"
    text = resource.read_text(encoding="utf-8")
    start = time.time()
    resource.write_text(rename(text, name), encoding="utf-8")
    try:
        page.get_by_text(name).first.wait_for(timeout=RELOAD_LIMIT * 1000)
        page.wait_for_load_state("load")
        loaded = page.evaluate(LOADED) / 1000
    except Exception:  # Playwright's TimeoutError, or the browser gone
        if proc.poll() is not None:
            sys.exit(f"mkdocs serve stopped during a rebuild:\n{tail(log)}")
        sys.exit(
            f"the open page did not show {name!r} {RELOAD_LIMIT:.0f} s after a save (a failed build?):\n{tail(log)}"
        )
    return loaded - start, cpu_seconds(proc.pid) - cpu


def measure(saves: int = 3) -> Reloads:
    data = OUT / "serve-data"
    if data.exists():
        shutil.rmtree(data)
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", data)
    resource = sorted((data / "resources").glob("*/*.yml"))[0]
    page = f"en/countries/{resource.parent.name}.html"  # the English page shows the English name
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = OUT / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        start = time.monotonic()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--dirty",
                "-f",
                str(CONFIG),
                "--dev-addr",
                f"127.0.0.1:{port}",
                "--watch",
                str(data),
            ],
            cwd=ROOT,
            env=build_env(data),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        pw, chromium = browser()
        try:
            wait_served(base + page, proc, log)
            startup = time.monotonic() - start
            opened = chromium.new_page(viewport={"width": 360, "height": 800})
            opened.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            opened.goto(base + page)
            time.sleep(1.0)  # the file watcher's first look at the folders
            results = []
            for save in range(1, saves + 1):
                results.append(reload_once(opened, resource, save, proc, log))
                # let the file watcher settle; MkDocs polls the folders every 0.5 s, so each save
                # falls at another point of that cycle, as a person's saves do
                time.sleep(1.0 + (save % 5) * 0.1)
        finally:
            chromium.close()
            pw.stop()
            stop(proc)
    saved = "data/" + resource.relative_to(data).as_posix()
    return Reloads(startup, [s for s, _ in results], [c for _, c in results], page, saved)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    print(result)
