"""A small WebDriver BiDi client for Debian's firefox-esr: Gecko in the suite, nothing downloaded.

Firefox is started headless on a fresh profile with --remote-debugging-port=0 and driven over
its built-in WebDriver BiDi with `websockets` (no geckodriver, no patched browser). Every request
the whole browser makes is recorded: a page's through network.beforeRequestSent (every context),
the browser's own through the proxy it is given (Catcher), which is all it can reach besides
this machine. The console is recorded too (log.entryAdded), so a test can say "nothing left this
machine" and "no CSP violation".

Two profiles: GECKO is Firefox as a reader gets it, with only the browser's own background
traffic turned off; SAFEST adds what Tor Browser's security level "Safest" sets (its
SecurityLevel module, and NoScript's capabilities at that level: no script, no fonts, no media).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

FIREFOX = "/usr/bin/firefox-esr"

# Firefox's own traffic, off. Written to user.js before start: several are read only at startup.
# remote.prefs.recommended is off so that this list, not the remote agent's, is what runs (the
# agent's list also turns off the popup blocker and tracking protection, which readers have).
QUIET = {
    "remote.prefs.recommended": False,
    # no scrollbar gutter: a phone has overlay scrollbars, and 360 px must stay 360 px
    "ui.useOverlayScrollbars": 1,
    "layout.css.devPixelsPerPx": "1.0",
    # first run, updates, studies, messaging
    "app.update.disabledForTesting": True,
    "app.update.auto": False,
    "app.normandy.enabled": False,
    "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "browser.aboutwelcome.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank",
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "about:blank",
    "startup.homepage_welcome_url.additional": "",
    "browser.sessionstore.resume_from_crash": False,
    "toolkit.startup.max_resumed_crashes": -1,
    "browser.tabs.warnOnClose": False,
    "browser.warnOnQuit": False,
    # new tab page, sponsored tiles, Pocket, weather
    "browser.newtabpage.enabled": False,
    "browser.newtab.preload": False,
    "browser.newtabpage.activity-stream.feeds.system.topstories": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.feeds.topsites": False,
    "browser.newtabpage.activity-stream.feeds.weatherfeed": False,
    "browser.newtabpage.activity-stream.showSponsoredTopSites": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.topsites.contile.enabled": False,
    "browser.pagethumbnails.capturing_disabled": True,
    "extensions.pocket.enabled": False,
    "browser.discovery.enabled": False,
    # telemetry and data reporting
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.usage.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "toolkit.telemetry.shutdownPingSender.enabled": False,
    "toolkit.telemetry.newProfilePing.enabled": False,
    "toolkit.telemetry.firstShutdownPing.enabled": False,
    "toolkit.telemetry.updatePing.enabled": False,
    "toolkit.telemetry.bhrPing.enabled": False,
    "browser.ping-centre.telemetry": False,
    # connectivity and captive-portal probes, region and geolocation look-ups
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "captivedetect.canonicalURL": "",
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "geo.enabled": False,
    "geo.provider.network.url": "",
    # Safe Browsing lists
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.provider.google5.enabled": False,
    "browser.safebrowsing.provider.google5.updateURL": "",
    "browser.safebrowsing.provider.google.updateURL": "",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    # remote settings (honoured with MOZ_REMOTE_SETTINGS_DEVTOOLS=1), certificates, add-ons
    "services.settings.server": "data:,#remote-settings-off/v1",
    "security.remote_settings.intermediates.enabled": False,
    "security.remote_settings.crlite_filters.enabled": False,
    "security.certerrors.mitm.priming.enabled": False,
    "security.OCSP.enabled": 0,
    "extensions.update.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.getAddons.discovery.api_url": "",
    "extensions.blocklist.enabled": False,
    "media.gmp-manager.url": "",
    "media.gmp-manager.chromium-update-url": "",
    "media.gmp-provider.enabled": False,
    "media.gmp-gmpopenh264.enabled": False,
    "media.gmp-widevinecdm.enabled": False,
    "media.gmp-widevinecdm.visible": False,
    "media.gmp-widevinecdm.allow-chromium-update": False,
    "media.eme.enabled": False,
    "browser.search.update": False,
    "browser.urlbar.suggest.searches": False,
    "browser.urlbar.merino.endpointURL": "",
    "browser.urlbar.quicksuggest.enabled": False,
    "browser.translations.enable": False,
    "browser.ml.enable": False,
    "dom.push.connection.enabled": False,
    "dom.push.serverURL": "",
    "identity.fxaccounts.enabled": False,
    "network.sntp.pools": "",
    # no look-up of a name this machine cannot reach; DNS over HTTPS off
    "network.dns.disablePrefetch": True,
    "network.predictor.enabled": False,
    "network.http.speculative-parallel-limit": 0,
    "network.trr.mode": 5,
    "doh-rollout.disable-heuristics": True,
    # every request that is not to this machine goes to the Catcher below (Gecko.__enter__ sets
    # its port): localhost and 127.0.0.1 are never proxied
    "network.proxy.type": 1,
    "network.proxy.share_proxy_settings": True,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": False,
    "network.proxy.socks_remote_dns": True,
    # nothing remembered by the browser itself
    "signon.rememberSignons": False,
    "browser.formfill.enable": False,
}

# Tor Browser at "Safest": the SecurityLevel module's preferences at that level, and the
# NoScript policy it sends (the default capabilities are only frame, other and noscript):
# no script, no downloadable fonts, no media.
SAFEST = {
    "javascript.enabled": False,
    "svg.disabled": True,
    "mathml.disabled": True,
    "gfx.downloadable_fonts.enabled": False,
    "gfx.font_rendering.graphite.enabled": False,
    "gfx.font_rendering.opentype_svg.enabled": False,
    "javascript.options.ion": False,
    "javascript.options.baselinejit": False,
    "javascript.options.native_regexp": False,
    "javascript.options.asmjs": False,
    "javascript.options.wasm": False,
    "media.autoplay.default": 5,
    "webgl.disabled": True,
}

LOCAL = re.compile(r"^(file:|data:|about:|(http|ws)s?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/)")


class GeckoError(RuntimeError):
    pass


class Catcher:
    """The browser's proxy: records the first line of every request it is sent ("GET http://…",
    "CONNECT host:443") and answers 502. WebDriver BiDi reports a page's requests only; the
    browser's own (updates, telemetry, probes) reach the proxy, so this list holds them too."""

    def __init__(self):
        import socketserver

        caught = self.caught = []

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                line = self.rfile.readline(4096).decode("latin-1").strip()
                caught.append(line)
                self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def user_js(prefs: dict) -> str:
    return "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())


class Gecko:
    """One Firefox, one tab, over WebDriver BiDi. Use as a context manager."""

    def __init__(self, prefs: dict | None = None, width: int = 360, height: int = 740):
        self.prefs = {**QUIET, **(prefs or {})}
        self.width, self.height = width, height
        self.requests: list[str] = []
        self.console: list[dict] = []
        self._id = 0

    # -- process and session -------------------------------------------------------------------
    def __enter__(self) -> Gecko:
        from websockets.sync.client import connect

        assert Path(FIREFOX).exists(), f"{FIREFOX} is missing: run 'apt-get install -y firefox-esr' (.ci/packages does)"
        self._stack = contextlib.ExitStack()
        self.catcher = Catcher()
        proxy = {
            f"network.proxy.{kind}": value
            for scheme in ("http", "ssl", "socks")
            for kind, value in ((scheme, "127.0.0.1"), (f"{scheme}_port", self.catcher.port))
        }
        self.profile = Path(tempfile.mkdtemp(prefix="wasla-gecko-"))
        (self.profile / "user.js").write_text(user_js({**self.prefs, **proxy}), encoding="utf-8")
        env = {
            **os.environ,
            "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1",
            "MOZ_HEADLESS": "1",
            "MOZ_CRASHREPORTER_DISABLE": "1",
            "MOZ_DISABLE_AUTO_SAFE_MODE": "1",
        }
        for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            env.pop(name, None)
        self.proc = subprocess.Popen(
            [
                FIREFOX,
                "--headless",
                "--no-remote",
                "-profile",
                str(self.profile),
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            url = self._listening_on(timeout=60)
            self.ws = self._stack.enter_context(connect(url + "/session", max_size=64 * 2**20, open_timeout=30))
            self.send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": False}}})
            self.send("session.subscribe", {"events": ["network.beforeRequestSent", "log.entryAdded"]})
            # a tab of our own, in front: the first one never gets focus in a headless window, and
            # without focus no focus or focusin event fires (the search loads on focusin)
            first = self.send("browsingContext.getTree", {})["contexts"][0]["context"]
            self.context = self.send("browsingContext.create", {"type": "tab", "background": False})["context"]
            self.send("browsingContext.close", {"context": first})
            self.viewport(self.width, self.height)
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc):
        try:
            self.send("browser.close", {}, timeout=10)
        except Exception:
            pass
        self._stop()

    def _stop(self):
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)
        self._stack.close()
        self.catcher.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _listening_on(self, timeout: float) -> str:
        """Firefox prints 'WebDriver BiDi listening on ws://127.0.0.1:PORT' once it is ready."""
        deadline, seen = time.monotonic() + timeout, b""
        fd = self.proc.stderr.fileno()
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                seen += chunk
                found = re.search(rb"WebDriver BiDi listening on (ws://[^\s]+)", seen)
                if found:
                    self._drain_stderr()
                    return found.group(1).decode()
        raise GeckoError(f"Firefox did not start its WebDriver BiDi server: {seen.decode(errors='replace')[-2000:]}")

    def _drain_stderr(self):
        """Keep reading Firefox's stderr so that it never blocks on a full pipe."""

        def drain():
            for _ in iter(lambda: self.proc.stderr.read(65536), b""):
                pass

        threading.Thread(target=drain, daemon=True).start()

    # -- protocol ------------------------------------------------------------------------------
    def send(self, method: str, params: dict, timeout: float = 60) -> dict:
        self._id += 1
        mine = self._id
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GeckoError(f"{method}: no answer in {timeout} s")
            message = json.loads(self.ws.recv(timeout=left))
            if message.get("id") == mine:
                if message.get("type") == "error":
                    raise GeckoError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]
            if message.get("type") == "event":
                self._event(message)

    def _event(self, message: dict):
        method, params = message["method"], message["params"]
        if method == "network.beforeRequestSent":
            self.requests.append(params["request"]["url"])
        elif method == "log.entryAdded":
            self.console.append({"level": params.get("level"), "text": params.get("text") or ""})

    def pump(self, seconds: float = 0.3):
        """Read the events that arrive within `seconds` (a late prefetch, a console message)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = json.loads(self.ws.recv(timeout=left))
            except TimeoutError:
                return
            if message.get("type") == "event":
                self._event(message)

    # -- what a test uses ----------------------------------------------------------------------
    def viewport(self, width: int, height: int):
        self.send(
            "browsingContext.setViewport", {"context": self.context, "viewport": {"width": width, "height": height}}
        )

    def goto(self, url: str):
        self.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})
        self.pump(0.2)

    def js(self, function: str, *args, promise: bool = False):
        """Run `function` (JavaScript source of a function) with JSON-able args; return its JSON result.

        It runs in a sandbox, which sees the page's DOM and works with the page's JavaScript off;
        promise=True awaits an async function (only with JavaScript on: off, no promise settles)."""
        call = f"({function})(...a.map(x => JSON.parse(x)))"
        wrapped = f"async (...a) => JSON.stringify(await {call})" if promise else f"(...a) => JSON.stringify({call})"
        result = self.send(
            "script.callFunction",
            {
                "functionDeclaration": wrapped,
                "awaitPromise": promise,
                "target": {"context": self.context, "sandbox": "wasla-test"},
                "arguments": [{"type": "string", "value": json.dumps(a)} for a in args],
            },
            timeout=30,
        )
        if result.get("type") == "exception":
            raise GeckoError(result["exceptionDetails"].get("text", "script error"))
        value = result["result"]
        return None if value.get("type") == "undefined" else json.loads(value["value"])

    def wait_for(self, function: str, *args, timeout: float = 10):
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(function, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise GeckoError(f"timed out waiting for {function}")
            self.pump(0.1)

    def locate(self, css: str) -> dict:
        nodes = self.send(
            "browsingContext.locateNodes",
            {"context": self.context, "locator": {"type": "css", "value": css}, "maxNodeCount": 1},
        )["nodes"]
        if not nodes:
            raise GeckoError(f"nothing matches {css}")
        return {"sharedId": nodes[0]["sharedId"]}

    def click(self, css: str):
        self.js("s => document.querySelector(s).scrollIntoView({block: 'center'})", css)
        self._click({"x": 0, "y": 0, "origin": {"type": "element", "element": self.locate(css)}})

    def click_at(self, x: int, y: int):
        """A click at a point of the viewport, on whatever is drawn there."""
        self._click({"x": x, "y": y, "origin": "viewport"})

    def _click(self, where: dict):
        self.send(
            "input.performActions",
            {
                "context": self.context,
                "actions": [
                    {
                        "type": "pointer",
                        "id": "mouse",
                        "parameters": {"pointerType": "mouse"},
                        "actions": [
                            {"type": "pointerMove", **where},
                            {"type": "pointerDown", "button": 0},
                            {"type": "pointerUp", "button": 0},
                        ],
                    }
                ],
            },
        )

    def type(self, css: str, text: str):
        self.click(css)
        keys = [a for ch in text for a in ({"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch})]
        self.send(
            "input.performActions",
            {"context": self.context, "actions": [{"type": "key", "id": "keyboard", "actions": keys}]},
        )

    def tab_order(self, count: int) -> list[str]:
        """Press Tab `count` times; the focused element's class (or tag) each time. Call it right
        after goto(): nothing has focus yet, so the first Tab goes to the page's first stop."""
        out = []
        for _ in range(count):
            self.send(
                "input.performActions",
                {
                    "context": self.context,
                    "actions": [
                        {
                            "type": "key",
                            "id": "keyboard",
                            "actions": [{"type": "keyDown", "value": "\ue004"}, {"type": "keyUp", "value": "\ue004"}],
                        }
                    ],
                },
            )
            out.append(
                self.js("() => { const e = document.activeElement; return e.className || e.tagName.toLowerCase(); }")
            )
        return out

    def screenshot(self, path: Path):
        data = self.send("browsingContext.captureScreenshot", {"context": self.context, "origin": "viewport"})["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def cookies(self) -> list:
        return self.send("storage.getCookies", {})["cookies"]

    def foreign_requests(self) -> list[str]:
        """Every request not to this machine: a page's (BiDi) and the whole browser's (the proxy)."""
        return [u for u in self.requests if not LOCAL.match(u)] + [f"proxy: {line}" for line in self.catcher.caught]

    def csp_violations(self) -> list[str]:
        return [e["text"] for e in self.console if "Content-Security-Policy" in e["text"] or "CSP" in e["text"]]
