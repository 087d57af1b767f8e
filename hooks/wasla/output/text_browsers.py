"""Markup a text browser must not show: form controls that work only in a graphical browser.

A text browser (w3m, as Debian ships it) prints every <input> but type=hidden as a box, "[ ]" or
"[____]", whatever its attributes (`hidden`, `disabled`, `aria-hidden`) and whatever holds it
(<template>, <noscript>, <del>, <s>, <object>, <select>, a `hidden` element …). What it reads as
a comment is the one place it skips, and it reads comments by the older rule:

TEXT_BROWSERS_SKIP is `<!-->`. A browser (the HTML parser every browser shares) reads it as a
whole, empty comment and goes on to the markup after it. w3m (and Python's html.parser) reads it
as the start of a comment that runs to the next `-->`: TEXT_BROWSERS_RESUME, itself an empty
comment to a browser. Markup between the two is for graphical browsers only, so it must hold no
comment of its own and nothing a reader without it would miss: the search form of the home page
(search.html, which needs JavaScript and says so outside them), and the theme's drawer checkbox.

The theme's checkboxes: Material writes its toggles first in <body>, outside every template block:
the drawer's (`__drawer`), the search dialog's (`__search`) and, in mkdocs-materialx, the table of
contents' (`__toc`, with an overlay label for it).
- The drawer's stays: the bar's Menu label opens the drawer with it, without script, and the
  theme's CSS reaches the sidebar and the overlay from it (`:checked ~`), so it stays where it is,
  between TEXT_BROWSERS_SKIP and TEXT_BROWSERS_RESUME.
- The others go: no page has a search dialog or a table of contents to open.
"""

from __future__ import annotations

import re

TEXT_BROWSERS_SKIP = "<!-->"
TEXT_BROWSERS_RESUME = "<!---->"

# one of the theme's toggles: <input class="md-toggle" data-md-toggle="drawer" type="checkbox" …>,
# unless already out of sight
# ("<input" first, then a look back for what hides it: a pattern that starts with a literal is searched
# for quickly, one that starts with a look-behind is tried at every character of the page)
_TOGGLE = re.compile(r'<input\b(?<!<!--><input)[^<>]*\bdata-md-toggle="(?P<name>[a-z]+)"[^<>]*>(?P<end>\n?)')
_OVERLAY = re.compile(r'<label class="md-overlay" for="__(?P<name>[a-z]+)"></label>\n?')
KEPT = "drawer"


def hide_theme_toggles(html: str) -> str:
    """The page with the drawer's checkbox out of a text browser's sight, and the theme's other
    toggles (and an overlay label for one of them) removed."""

    def toggle(m: re.Match) -> str:
        if m["name"] != KEPT:
            return ""
        return TEXT_BROWSERS_SKIP + m[0].rstrip("\n") + TEXT_BROWSERS_RESUME + m["end"]

    def overlay(m: re.Match) -> str:
        return m[0] if m["name"] == KEPT else ""

    return _OVERLAY.sub(overlay, _TOGGLE.sub(toggle, html))
