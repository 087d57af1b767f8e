"""The theme's checkboxes: the drawer's out of a text browser's sight (in w3m's own reading of
the page), the others gone; what a browser's parser and lxml read is unchanged."""

import shutil
import subprocess

import pytest
from lxml import html as lxml_html

from wasla.output.text_browsers import hide_theme_toggles

pytestmark = pytest.mark.unit

MATERIAL = """<body dir="rtl">
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-overlay" for="__drawer"></label>
<div class="md-container"><label class="wasla-menu" for="__drawer"><a href="#wasla-pages">Menu</a></label></div>
</body>"""
# mkdocs-materialx adds a table of contents' toggle and an overlay for it
MATERIALX = MATERIAL.replace(
    '<label class="md-overlay" for="__drawer"></label>\n',
    '<input class="md-toggle" data-md-toggle="toc" type="checkbox" id="__toc" autocomplete="off">\n'
    '<label class="md-overlay" for="__drawer"></label>\n<label class="md-overlay" for="__toc"></label>\n',
)
HIDDEN = """<body dir="rtl">
<!--><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"><!---->
<label class="md-overlay" for="__drawer"></label>
<div class="md-container"><label class="wasla-menu" for="__drawer"><a href="#wasla-pages">Menu</a></label></div>
</body>"""


@pytest.mark.parametrize("page", [MATERIAL, MATERIALX])
def test_the_drawer_toggle_is_kept_out_of_sight_and_the_others_go(page):
    assert hide_theme_toggles(page) == HIDDEN
    assert hide_theme_toggles(HIDDEN) == HIDDEN  # once is enough


def test_an_html_parser_still_reads_the_drawer_checkbox_first_in_body():
    body = lxml_html.document_fromstring(hide_theme_toggles(MATERIAL))
    first = body.xpath("/html/body/*")[0]
    assert (first.tag, first.get("type"), first.get("id")) == ("input", "checkbox", "__drawer")
    assert [i.get("id") for i in body.iter("input")] == ["__drawer"]


@pytest.mark.skipif(not shutil.which("w3m"), reason="w3m is not installed (.ci/debian-packages has it)")
def test_w3m_shows_no_checkbox(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(hide_theme_toggles(MATERIAL), encoding="utf-8")
    out = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-o", "display_link_number=1", str(page)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert out.split("\n\nReferences:")[0].strip() == "[1]Menu"
