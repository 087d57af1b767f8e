"""The weekly link report, against a server on loopback (never the network)."""

import datetime as dt
import http.server
import threading

from conftest import make_data
from test_rules_resource import GOOD
from wasla.commands.links import report
from wasla.loading.dataset import load


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404 if self.path == "/gone" else 405)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/head-refused") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_report_lists_dead_links_stale_and_unverified(tmp_path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    files = {
        "resources/lb/alive.yml": GOOD.replace("https://example.org/", f"{base}/ok") + "last_verified: 2026-10-01\n",
        "resources/lb/old.yml": GOOD.replace('"01 123 456"', '"01 123 457"').replace(
            "https://example.org/", f"{base}/head-refused"
        )
        + "last_verified: 2024-01-01\n",
        "resources/lb/broken.yml": GOOD.replace('"01 123 456"', '"01 123 458"').replace(
            "https://example.org/", f"{base}/gone"
        ),
    }
    data = make_data(tmp_path, files, fixtures=False)
    dataset, _ = load(data, today=dt.date(2026, 11, 24))
    text = report(dataset, dt.date(2026, 11, 24), 12)
    httpd.shutdown()
    paths = {
        name: str(data / rel) for name, rel in (("broken", "resources/lb/broken.yml"), ("old", "resources/lb/old.yml"))
    }
    assert text.splitlines() == [
        "Link check of 2026-11-24: 3 links, 1 not answering; 1 stale entries, 1 never verified.",
        "",
        "## Links that did not answer",
        "",
        f"- {base}/gone (HTTP 404) in `{paths['broken']}`",
        "",
        "## Stale entries (verified more than 12 months ago)",
        "",
        f"- `{paths['old']}`: last verified 2024-01-01",
        "",
        "## Never verified",
        "",
        f"- `{paths['broken']}`",
    ]
