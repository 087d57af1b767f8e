"""Page weight: small stylesheets holding only the CSS rules the built pages use.

After the build, `stylesheets_for()` reads Wasla's stylesheets (base.css for the theme's markup,
wasla.css for Wasla's components) in cascade order and, for each group of pages, keeps a rule only
when one of its selectors matches an element of a page of the group; then it drops custom
properties and keyframes nothing refers to, and writes the rest minified. It adapts to whatever
the templates emit: a new class in a template keeps its rules, a class no page has loses them.

Matching is quick: a selector is tried (lxml XPath, from cssselect) only on pages that hold all
its classes, element names and attributes (read with regexes), and on at most TRIES of them; a
selector undecided after that is kept (a few bytes too many, never a rule missing).

What counts as "matching", so that states and script-made markup keep their styles:
- states are ignored: `:hover`, `:focus…`, `:checked`, `[open]`, `[hidden]`, `::before` … are
  removed before matching (a `:not()` around one is removed whole), so `a:hover` is kept when
  there is an `a`, and `details[open] > summary` when there is a `details`;
- the contents of a `<template>` (search results are cloned from one) are matched in place and
  inside the empty elements beside it, where the script puts them;
- a selector naming a class that appears in a string of a shipped script (e.g. `wasla-exiting`,
  added on quick exit) is kept;
- a selector the matcher cannot read (an unknown pseudo-class) is kept.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import tinycss2
from cssselect import HTMLTranslator, SelectorError
from cssselect.xpath import ExpressionError
from lxml import etree
from lxml import html as lxml_html

# pseudo-classes that describe a state the page can be in, not its markup
DYNAMIC = {
    "hover",
    "focus",
    "focus-visible",
    "focus-within",
    "active",
    "visited",
    "link",
    "any-link",
    "target",
    "target-within",
    "checked",
    "indeterminate",
    "enabled",
    "disabled",
    "placeholder-shown",
    "autofill",
    "-webkit-autofill",
    "valid",
    "invalid",
    "required",
    "optional",
    "default",
    "defined",
    "fullscreen",
    "modal",
    "popover-open",
    "open",
    "closed",
    "read-only",
    "read-write",
    "in-range",
    "out-of-range",
    "user-invalid",
    "user-valid",
    "playing",
    "paused",
    "-moz-focusring",
    "local-link",
    "current",
    "past",
    "future",
    "empty",
}
# attributes that script or the reader switch on and off
DYNAMIC_ATTRIBUTES = {
    "hidden",
    "open",
    "checked",
    "selected",
    "disabled",
    "value",
    "aria-expanded",
    "aria-pressed",
    "aria-selected",
    "aria-checked",
    "aria-hidden",
    "aria-busy",
    "aria-invalid",
}
PSEUDO_ELEMENTS = {
    "before",
    "after",
    "first-line",
    "first-letter",
    "marker",
    "placeholder",
    "selection",
    "backdrop",
    "file-selector-button",
    "cue",
    "details-content",
}
FUNCTIONAL = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}
_COMPOUND_START = set(" \t\n>+~(,")


def _balanced(text: str, start: int) -> int:
    """Index just after the parenthesis that closes the one opened at text[start-1]."""
    depth = 1
    i = start
    while i < len(text) and depth:
        if text[i] in "\"'":
            i = text.index(text[i], i + 1)
        elif text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
        i += 1
    return i


def _split_top(text: str, sep: str = ",") -> list[str]:
    parts, depth, last, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = text.index(c, i + 1)
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(text[last:i])
            last = i + 1
        i += 1
    parts.append(text[last:])
    return parts


def relax(selector: str) -> str:
    """The selector without states and pseudo-elements: what must exist in the markup."""
    out, i, n = [], 0, len(selector)
    while i < n:
        c = selector[i]
        if c in "\"'":
            j = selector.index(c, i + 1) + 1
            out.append(selector[i:j])
            i = j
            continue
        if c == "[":
            j = _balanced(selector.replace("[", "(").replace("]", ")"), i + 1)
            name = re.match(r"\[\s*([\w-]+)", selector[i:j])
            at_start = not out or out[-1][-1:] in _COMPOUND_START
            # an attribute script or reader changes ([hidden], [open] …) asks nothing of the markup
            out.append(
                ("*" if at_start else "") if name and name.group(1).lower() in DYNAMIC_ATTRIBUTES else selector[i:j]
            )
            i = j
            continue
        if c != ":":
            out.append(c)
            i += 1
            continue
        element = selector.startswith("::", i)
        m = re.match(r":{1,2}(-?[A-Za-z][\w-]*)(\()?", selector[i:])
        name = m.group(1).lower()
        end = i + m.end()
        arg = None
        if m.group(2):
            close = _balanced(selector, end)
            arg, end = selector[end : close - 1], close
        at_start = not out or out[-1][-1:] in _COMPOUND_START
        filler = "*" if at_start else ""
        if element or name in PSEUDO_ELEMENTS:
            out.append(filler)
        elif name in DYNAMIC and arg is None:
            out.append(filler)
        elif name in FUNCTIONAL and arg is not None:
            alternatives = [relax(a).strip() for a in _split_top(arg)]
            changed = [a for a, r in zip(_split_top(arg), alternatives) if a.strip() != r]
            if name == "not":
                # :not(:hover) may hold at any time: it asks nothing of the markup
                out.append(filler if changed or not all(alternatives) else f":not({', '.join(alternatives)})")
            elif not all(a and a != "*" for a in alternatives):
                out.append(filler)
            else:
                out.append(
                    f":{'is' if name in ('matches', '-webkit-any', '-moz-any') else name}({', '.join(alternatives)})"
                )
        else:
            out.append(selector[i:end])
        i = end
    return "".join(out)


_TRANSLATOR = HTMLTranslator()


# "class=" first, its word boundary checked looking back: a pattern that starts with a literal is
# searched for quickly, one that starts with \b is tried at every character of the page
_CLASS_ATTRIBUTE = re.compile(r"""class=(?<=\bclass=)["']([^"']*)["']""")


_TAG = re.compile(r"<([A-Za-z][\w-]*)")
_START_TAG = re.compile(r"<[A-Za-z][\w-]*(\s[^>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


class Page:
    """A built page: its classes (read fast, for the first test) and, when a selector needs it,
    its parsed tree, in which each <template>'s rows also stand in the empty elements beside it."""

    def __init__(self, text: str):
        self.text = text
        self.classes = set(" ".join(_CLASS_ATTRIBUTE.findall(text)).split())
        self.tags = {t.lower() for t in set(_TAG.findall(text))}
        self._attributes = None
        self._lower = None
        self._tree = None

    def has_attributes(self, wanted: set) -> bool:
        """Whether the page has every attribute name and (name, value) pair in ``wanted``. A name
        (any case) or a value not in the page's text rules the page out before its attributes
        are read: most pages of a group lack a rare attribute."""
        for item in wanted:
            name, value = item if isinstance(item, tuple) else (item, "")
            if value and value not in self.text:
                return False
            if name not in self.text:
                if self._lower is None:
                    self._lower = self.text.lower()
                if name not in self._lower:
                    return False
        return not wanted or wanted <= self.attributes

    @property
    def attributes(self) -> set:
        """Names, and (name, value) pairs of short values; read when a selector first asks."""
        if self._attributes is None:
            self._attributes = set()
            for tag in _START_TAG.findall(self.text):
                for name, value in _ATTRIBUTE.findall(tag):
                    name = name.lower()
                    self._attributes.add(name)
                    value = value.strip("\"'")
                    if len(value) < 64:
                        self._attributes.add((name, value))
        return self._attributes

    @property
    def tree(self):
        if self._tree is None:
            root = lxml_html.document_fromstring(self.text)
            for template in root.iter("template"):
                parent = template.getparent()
                targets = [
                    el
                    for el in parent
                    if el is not template and isinstance(el.tag, str) and len(el) == 0 and not (el.text or "").strip()
                ]
                for target in targets:
                    for child in template:
                        target.append(copy.deepcopy(child))
            self._tree = root
        return self._tree


def read_page(text: str) -> Page:
    return Page(text)


_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_TYPE = re.compile(r"(?:^|[\s>+~])([A-Za-z][\w-]*)")


def _outside_parentheses(relaxed: str) -> str:
    flat, i = [], 0
    while i < len(relaxed):
        if relaxed[i] == "(":
            i = _balanced(relaxed, i + 1)
            continue
        if relaxed[i] == "[":
            i = relaxed.index("]", i) + 1
            continue
        flat.append(relaxed[i])
        i += 1
    return "".join(flat)


def _required_classes(relaxed: str) -> set:
    # classes outside any :not()/:is()/:has() argument must all be present
    return set(_CLASS.findall(_outside_parentheses(relaxed)))


def _required_tags(relaxed: str) -> set:
    return {t.lower() for t in _TYPE.findall(_outside_parentheses(relaxed))}


_ATTRIBUTE_SELECTOR = re.compile(r"""\[\s*([\w:-]+)\s*(?:(\W?=)\s*("[^"]*"|'[^']*'|[^\]\s]+)\s*(?:[is]\s*)?)?\]""")


def _required_attributes(relaxed: str) -> set:
    """[name] needs the attribute, [name=value] that value; other operators just the name."""
    flat, i = [], 0
    while i < len(relaxed):  # outside :not()/:is()/:has()
        if relaxed[i] == "(":
            i = _balanced(relaxed, i + 1)
            continue
        flat.append(relaxed[i])
        i += 1
    out = set()
    for name, op, value in _ATTRIBUTE_SELECTOR.findall("".join(flat)):
        name = name.lower()
        value = value.strip("\"'")
        out.add((name, value) if op == "=" and len(value) < 64 else name)
    return out


# A selector whose classes, elements and attributes are on many pages is tried on this many of
# them (the smallest first);
# if it matches none of those it is kept all the same: a few bytes too many, never a rule missing.
# This bounds the build's time at 10,000 entries, where a group holds hundreds of pages.
TRIES = 6


class Matcher:
    """Answers "does this selector match an element of some page?", remembering answers."""

    def __init__(self, pages: list[Page], script_words: set):
        self.pages = sorted(pages, key=lambda p: len(p.text))
        self.all_classes = set().union(*(p.classes for p in pages)) if pages else set()
        self.all_tags = set().union(*(p.tags for p in pages)) if pages else set()
        self.script_words = script_words
        self.known: dict[str, bool] = {}
        self._candidates: dict[tuple, list[Page]] = {}  # what selectors need -> pages that have it

    def used(self, selector: str) -> bool:
        selector = selector.strip()
        if selector not in self.known:
            self.known[selector] = self._used(selector)
        return self.known[selector]

    def candidates(self, required: frozenset, tags: frozenset, attributes: frozenset) -> list[Page]:
        """The first TRIES pages that have these classes, elements and attributes, and one more if
        there is one; selectors that differ only in states or structure share the answer."""
        key = (required, tags, attributes)
        if key not in self._candidates:
            self._candidates[key] = list(
                islice(
                    (
                        page
                        for page in self.pages
                        if required <= page.classes and tags <= page.tags and page.has_attributes(attributes)
                    ),
                    TRIES + 1,
                )
            )
        return self._candidates[key]

    def _used(self, selector: str) -> bool:
        if set(_CLASS.findall(selector)) & self.script_words:
            return True
        try:
            relaxed = relax(selector).strip()
        except (ValueError, AttributeError):
            return True
        if not relaxed:
            return True
        required = _required_classes(relaxed)
        if not required <= self.all_classes or not _required_tags(relaxed) <= self.all_tags:
            return False
        try:
            xpath = etree.XPath(_TRANSLATOR.css_to_xpath(relaxed))
        except (SelectorError, ExpressionError, etree.XPathError, NotImplementedError, ValueError):
            return True  # a selector the matcher cannot read is kept
        tags, attributes = _required_tags(relaxed), _required_attributes(relaxed)
        candidates = self.candidates(frozenset(required), frozenset(tags), frozenset(attributes))
        if any(xpath(page.tree) for page in candidates[:TRIES]):
            return True
        return len(candidates) > TRIES


# ---------------------------------------------------------------- CSS in, CSS out

_VAR = re.compile(r"var\(\s*(--[\w-]+)")


_STRING = re.compile(r"(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')")
_HEX = re.compile(r"#([0-9a-fA-F])\1([0-9a-fA-F])\2([0-9a-fA-F])\3(?:([0-9a-fA-F])\4)?\b")


def _outside_strings(text: str, change) -> str:
    parts = _STRING.split(text)
    return "".join(part if i % 2 else change(part) for i, part in enumerate(parts))


def _compact_value(text: str) -> str:
    def change(part: str) -> str:
        part = re.sub(r"\s*,\s*", ",", part)
        part = re.sub(r"\s*/\s*", "/", part)
        part = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", part))
        part = re.sub(r"\b0+(\.\d)", r"\1", part)
        return _HEX.sub(lambda m: "#" + "".join(g for g in m.groups() if g), part)

    return _outside_strings(re.sub(r"\s+", " ", text).strip(), change)


def _prelude(tokens) -> str:
    text = re.sub(r"\s+", " ", tinycss2.serialize(tokens)).strip()

    def change(part: str) -> str:
        part = re.sub(r"\s*([>~+,])\s*", r"\1", part)
        part = re.sub(r"\(\s*([\w-]+)\s*:\s*", r"(\1:", part)  # (min-width: 60em) -> (min-width:60em)
        return re.sub(r"\b0+(\.\d)", r"\1", part)

    text = _outside_strings(text, change)
    # [for="__toc"] -> [for=__toc]: quotes are needed only around what is not an identifier
    return re.sub(r"""(=)"(-?[A-Za-z_][\w-]*)"(\s*\])""", r"\1\2\3", text)


def _declarations(content) -> list[tuple[str, str]]:
    out = []
    for d in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if d.type == "declaration":
            value = _compact_value(tinycss2.serialize(d.value))
            out.append(
                (d.name if d.name.startswith("--") else d.lower_name, value + ("!important" if d.important else ""))
            )
    return out


@dataclass
class Rule:
    selectors: list
    declarations: list


@dataclass
class Block:
    prelude: str  # "@media print", "@keyframes x"; raw for other at-rules
    children: list  # Rules and Blocks; None for a raw at-rule
    raw: str = ""


def _parse(rules) -> list:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append(Rule([s.strip() for s in _split_top(_prelude(rule.prelude))], _declarations(rule.content)))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            prelude = f"@{name} {_prelude(rule.prelude)}".strip()
            if name in ("media", "supports", "layer", "container") and rule.content is not None:
                out.append(
                    Block(
                        prelude,
                        _parse(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)),
                    )
                )
            elif name == "keyframes" or name.endswith("-keyframes"):
                frames = [
                    Rule([_prelude(f.prelude)], _declarations(f.content))
                    for f in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                    if f.type == "qualified-rule"
                ]
                out.append(Block(prelude, frames))
            elif name in ("charset", "fontawesome"):
                continue
            else:
                out.append(Block(prelude, None, raw=tinycss2.serialize([rule])))
    return out


def parse(stylesheets: list[str]) -> list:
    """The rules of `stylesheets`, in cascade order (parsed once, selected per group of pages)."""
    items = []
    for css in stylesheets:
        items += _parse(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return items


def _select(items: list, matcher: Matcher) -> list:
    """A copy of `items` with only the selectors `matcher` finds used (keyframes and other
    at-rules are copied whole; _prune drops the keyframes nothing uses)."""
    out = []
    for item in items:
        if isinstance(item, Rule):
            kept = [s for s in item.selectors if matcher.used(s)]
            if kept:
                out.append(Rule(kept, list(item.declarations)))
        elif item.children is None or item.prelude.startswith("@keyframes"):
            out.append(
                Block(
                    item.prelude,
                    None
                    if item.children is None
                    else [Rule(list(r.selectors), list(r.declarations)) for r in item.children],
                    item.raw,
                )
            )
        else:
            children = _select(item.children, matcher)
            if children:
                out.append(Block(item.prelude, children))
    return out


def _walk(items):
    for item in items:
        if isinstance(item, Rule):
            yield item
        elif item.children is not None and not item.prelude.startswith("@keyframes"):
            yield from _walk(item.children)


def _prune(items: list) -> list:
    """Drop custom properties and keyframes that nothing kept refers to, until nothing changes."""
    while True:
        rules = list(_walk(items))
        values = [v for r in rules for n, v in r.declarations]
        used_vars = set(_VAR.findall(" ".join(values)))
        animations = " ".join(v for r in rules for n, v in r.declarations if n.startswith("animation"))
        changed = False
        for r in rules:
            keep = [(n, v) for n, v in r.declarations if not n.startswith("--") or n in used_vars]
            if len(keep) != len(r.declarations):
                r.declarations, changed = keep, True

        def clean(group):
            nonlocal changed
            out = []
            for item in group:
                if isinstance(item, Rule):
                    if item.declarations:
                        out.append(item)
                    else:
                        changed = True
                elif item.prelude.startswith("@keyframes"):
                    if re.search(rf"(^|[\s,]){re.escape(item.prelude.split()[-1])}($|[\s,!])", animations):
                        out.append(item)
                    else:
                        changed = True
                elif item.children is None:
                    out.append(item)
                else:
                    item.children = clean(item.children)
                    if item.children:
                        out.append(item)
                    else:
                        changed = True
            return out

        items = clean(items)
        if not changed:
            return items


def _write(items) -> str:
    out = []
    for item in items:
        if isinstance(item, Rule):
            out.append(",".join(item.selectors) + "{" + ";".join(f"{n}:{v}" for n, v in item.declarations) + "}")
        elif item.children is None:
            out.append(item.raw)
        else:
            out.append(item.prelude + "{" + _write(item.children) + "}")
    return "".join(out)


def script_words(scripts: list[str]) -> set:
    words = set()
    for text in scripts:
        for literal in re.findall(r"\"([^\"\n]*)\"|'([^'\n]*)'", text):
            # class-like words only ("wasla-exiting"), not "js" from "search.js"
            words.update(w for w in re.findall(r"[A-Za-z_][\w-]*", literal[0] or literal[1]) if "-" in w or "_" in w)
    return words


def purge(stylesheets: list[str], pages: list[str], scripts: list[str]) -> str:
    """The rules of `stylesheets` (in cascade order) that `pages` use, as one minified stylesheet."""
    return _css(parse(stylesheets), [read_page(p) for p in pages], script_words(scripts))


def _css(items: list, pages: list[Page], words: set) -> str:
    return '@charset "UTF-8";' + _write(_prune(_select(items, Matcher(pages, words)))) + "\n"


def whole(stylesheets: list[str]) -> str:
    """Every rule of `stylesheets`, as one minified stylesheet: for a preview (mkdocs serve),
    where reading every page to keep only the rules they use costs more than it saves. Each
    rebuild of the preview asks again: the last few answers are kept."""
    return _whole(tuple(stylesheets))


@lru_cache(maxsize=4)
def _whole(stylesheets: tuple[str, ...]) -> str:
    return '@charset "UTF-8";' + _write(parse(list(stylesheets))) + "\n"


def stylesheets_for(stylesheets: list[str], pages: dict[str, tuple[str, str]], scripts: list[str]) -> dict[str, str]:
    """For each page (name -> (group, HTML)), the stylesheet it links: the rules used by the
    pages of its group (e.g. every country page, in both languages). Pages of one group share
    one file, cached by the browser; each group's file holds only what its pages use, so a
    country page does not carry the search form's or the tables' rules."""
    items = parse(stylesheets)
    words = script_words(scripts)
    groups: dict[str, list[str]] = {}
    for name, (group, _) in pages.items():
        groups.setdefault(group, []).append(name)
    out = {}
    for names in groups.values():
        css = _css(items, [read_page(pages[n][1]) for n in names], words)
        out.update((n, css) for n in names)
    return out
