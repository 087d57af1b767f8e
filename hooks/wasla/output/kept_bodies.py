"""Generated pages' bodies kept across the builds of one process, for a preview (mkdocs serve).

A body is the renderer's template given the page's values (``Renderer.page``), its ``base`` and
what every template reaches (``Renderer.state``). When a later build's renderer has the same
state and a page the same values and base, the page's body is the kept one, without rendering:
a saved file re-renders only the pages whose values it changes.

"The same" is ``same()``: equal structure and contents, order included (a template may show a
mapping in its order), looked at from the top down and taken at once where both are the very same
object. A data file that did not change gives the very same objects in the next build (the loading
layer keeps each file's checked result under its text), so an unchanged page is seen unchanged
after looking at a few references; a changed entry is a new object, compared field by field.
Anything ``same()`` does not know how to compare counts as changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import PurePath

from ..layout.pages import PagePlan
from .render import Renderer

PLAIN = (str, int, float, bool, bytes, type(None), dt.date, PurePath)


def same(a, b, seen: dict[tuple[int, int], tuple] | None = None) -> bool:
    """Whether ``a`` and ``b`` would look alike to any template: equal, in the same order, of the
    same types. ``seen`` keeps the answers for pairs of records (dataclasses) while both live:
    many pages share a topic or a kind."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, PLAIN):  # a scalar as written (yamlload.Str) also holds where it was written
        return a == b and (vars(a) == vars(b) if hasattr(a, "__dict__") else True)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y, seen) for x, y in zip(a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(ka, kb, seen) and same(va, vb, seen) for (ka, va), (kb, vb) in zip(a.items(), b.items())
        )
    if isinstance(a, set | frozenset):
        return a == b
    if dataclasses.is_dataclass(a):
        if seen is None:
            seen = {}
        pair = (id(a), id(b))
        if pair not in seen:  # the pair is kept with the answer, so neither id is reused meanwhile
            seen[pair] = (all(same(getattr(a, f.name), getattr(b, f.name), seen) for f in dataclasses.fields(a)), a, b)
        return seen[pair][0]
    return False


class KeptBodies:
    """The bodies of the last build of each language, with the values and state they came from."""

    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}  # language -> the renderer its bodies were last checked against
        self._states: dict[str, tuple] = {}
        self._bodies: dict[str, dict[tuple[PagePlan, str], tuple[str, dict, str]]] = {}
        self._seen: dict[tuple[int, int], tuple] = {}  # same()'s answers while the renderer lives

    def body(self, renderer: Renderer, plan: PagePlan, base: str) -> str:
        lang = renderer.lang
        if self._renderers.get(lang) is not renderer:
            self._seen = {}
            if not same(renderer.state(), self._states.get(lang), self._seen):
                self._bodies[lang] = {}
            self._renderers[lang], self._states[lang] = renderer, renderer.state()
        bodies = self._bodies.setdefault(lang, {})
        template, values = renderer.page(plan)
        kept = bodies.get((plan, base))
        if kept is not None and kept[0] == template and same(kept[1], values, self._seen):
            return kept[2]
        body = renderer.body(template, values, base)
        bodies[(plan, base)] = (template, values, body)
        return body


KEPT = KeptBodies()  # for the life of the process: mkdocs serve's rebuilds
