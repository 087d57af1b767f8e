"""The same site on every engine (docs/maintainers/engines.md): MkDocs 1.6.1 (the default), ProperDocs (its
maintained fork) and ProperDocs with mkdocs-materialx (Material's community continuation).

ProperDocs + Material must give the same files and the same bytes as MkDocs once the generator
<meta> (which names the engine) is removed. materialx is a different theme release: its pages
differ in markup (listed in the README), so the test holds it to the same files, the same data
and search files byte for byte, and the reader-safety promises in Chromium.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ENGINES, ROOT, build_site, make_data, serve

GENERATOR = re.compile(rb'^\s*<meta name="generator" content="[^"]*">\n', re.M)
HASHED = re.compile(r"\.[0-9a-f]{8,10}(\.min)?\.(css|js)$")  # assets named by their content hash (theme, purged CSS)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("engines")
    data = make_data(root)
    built = {}
    for engine in ENGINES:
        site = root / f"site-{engine}"
        result = build_site(data, site, engine)
        assert result.returncode == 0, f"{engine}: {result.stderr[-3000:]}"
        built[engine] = site
    return built


def files(site: Path) -> dict[str, Path]:
    return {HASHED.sub(r".HASH.\2", p.relative_to(site).as_posix()): p for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_environment_has_no_mkdocs():
    python = ROOT / ".venv-properdocs" / "bin" / "python"
    code = "import importlib.metadata as m\ntry:\n    m.version('mkdocs'); print('mkdocs installed')\nexcept m.PackageNotFoundError:\n    print('no mkdocs')"
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "no mkdocs"


def test_properdocs_builds_the_same_site(sites):
    mk, pd = files(sites["mkdocs"]), files(sites["properdocs"])
    assert sorted(pd) == sorted(mk)
    differ = [
        name for name in mk if GENERATOR.sub(b"", mk[name].read_bytes()) != GENERATOR.sub(b"", pd[name].read_bytes())
    ]
    assert differ == []
    # the generator <meta> is the one place the engine's name appears
    assert b"ProperDocs" in (sites["properdocs"] / "index.html").read_bytes()


def test_materialx_builds_the_same_files_and_data(sites):
    mk, mx = files(sites["mkdocs"]), files(sites["materialx"])
    assert sorted(mx) == sorted(mk)
    theme_made = (".html", ".css", ".xml", ".gz")
    same = [name for name in mk if not name.endswith(theme_made) and "assets/stylesheets/" not in name]
    assert same, "no data files compared"
    assert [n for n in same if mk[n].read_bytes() != mx[n].read_bytes()] == []


def test_materialx_keeps_the_reader_safe(sites, page_factory):
    """Nothing requested from a third party, nothing stored, the quick exit present, RTL Arabic."""
    with serve(sites["materialx"]) as url:
        for path in ("index.html", "countries/lb.html", "en/countries/lb.html"):
            page = page_factory(360)
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.blocked == []
            assert page.evaluate("localStorage.length + sessionStorage.length") == 0
            assert page.evaluate("document.cookie") == ""
            assert page.locator("a.wasla-exit").count() >= 1
        page = page_factory(360)
        page.goto(url + "index.html")
        assert page.evaluate("[document.documentElement.lang, document.body.dir]") == ["ar", "rtl"]


def test_the_theme_files_mkdocs_copies_are_the_same_when_installed_themes_are_listed_once(tmp_path):
    """hooks/templates.py has MkDocs list an installed theme's files once per process
    (ThemeLoader): the files MkDocs then takes from the theme are the very same."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from wasla.output.template_cache import ThemeLoader

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    env = config.theme.get_env()
    listed = Files([])
    listed.add_files_from_theme(env, config)
    env.loader = ThemeLoader(env.loader.searchpath)
    kept = Files([])
    kept.add_files_from_theme(env, config)
    assert len(listed) > 20 and [f.src_uri for f in kept] == [f.src_uri for f in listed]
    assert all(not part.startswith(".") for name in env.loader.list_templates() for part in name.split("/"))
