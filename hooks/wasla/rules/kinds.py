"""``data/kinds.yml``: the kinds of service, in the order pages show them (most urgent first)."""

from __future__ import annotations

from ..core.model import Kind
from ..core.problems import Problem
from ..core.yamlload import Map, Pos
from .check import Check, check_text, did_you_mean, got, pos_of, to_text
from .slugs import kind_key_problem
from .text import kind_text_is_plain, text_is_plain

REQUIRED_KINDS = ("hotline", "legal_aid", "safe_space", "health", "relocation", "digital_security", "information")


def check_kinds(shown: str, data) -> tuple[dict[str, Kind], list[Problem]]:
    """data/kinds.yml: every kind with its label and description in plain text; the required kinds all there."""
    c = Check(shown)
    text_is_plain(
        c, data, home="out of kinds.yml (a kind names a kind of help; a service and its contacts are an entry)"
    )
    kinds: dict[str, Kind] = {}
    if not isinstance(data, dict):
        c.error(
            Pos(1, 1),
            "",
            "must be a mapping of kinds; expected 'hotline:' with 'label:' and 'description:'; got something else",
            "kinds_file",
        )
    else:
        for key, spec in data.items():
            problem = kind_key_problem(str(key))
            if problem:
                c.error(data.key_pos.get(key), key, f"{problem}; got {got(key)}", "kind_key_is_free")
                continue
            if not isinstance(spec, dict):
                c.error(
                    pos_of(spec, data, key),
                    key,
                    "must be a mapping; expected 'label:' and 'description:'; got text",
                    "kinds_file",
                )
                continue
            for field in ("label", "description"):
                if field not in spec:
                    c.error(
                        spec.pos, f"{key}.{field}", "is required; expected {en, ar} text; got nothing", "kinds_file"
                    )
                else:
                    check_text(c, spec[field], f"{key}.{field}", spec, field)
                    kind_text_is_plain(c, spec[field], f"{key}.{field}")
            for field in spec:
                if field not in ("label", "description"):
                    c.error(
                        spec.key_pos[field],
                        f"{key}.{field}",
                        f"unknown field; expected 'label' or 'description'; got '{field}'",
                        "kinds_file",
                    )
            kinds[str(key)] = Kind(str(key), to_text(spec.get("label")), to_text(spec.get("description")))
        for key in REQUIRED_KINDS:
            if key not in kinds:
                c.error(
                    Pos(1, 1),
                    key,
                    f"kind missing; expected all of: {', '.join(REQUIRED_KINDS)}; got no '{key}'",
                    "kinds_file",
                )
    return kinds, c.problems


def kinds_are_known(
    c: Check, data: Map, kinds: dict[str, Kind], where: str = "", rule: str = "kinds_are_known"
) -> tuple[str, ...]:
    """A `kinds:` list (of a resource, or of a topic at ``where``): kinds of data/kinds.yml, each once.
    Returns the known ones, in order."""
    value = data.get("kinds")
    if not isinstance(value, list):
        return ()
    found: list[str] = []
    for i, kind in enumerate(value):
        label = f"{where}.kinds[{i}]" if where else f"kinds[{i}]"
        if not isinstance(kind, str) or kind not in kinds:
            close = did_you_mean(kind, kinds)
            hint = f" (did you mean '{close}'?)" if close else ""
            c.error(
                pos_of(kind, data, "kinds"),
                label,
                f"unknown kind{hint}; expected one of: {', '.join(kinds)} (see data/kinds.yml); got {got(kind)}",
                rule,
            )
        elif kind in found:
            c.error(kind.pos, label, f"kind listed twice; expected each kind once; got '{kind}'", rule)
        else:
            found.append(str(kind))
    return tuple(found)
