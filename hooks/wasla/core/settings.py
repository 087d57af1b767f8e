"""The site's settings: every ``extra.wasla`` option of mkdocs.yml, declared once.

Each setting has a name, a type, a default and a meaning. ``read()`` validates the whole
``extra.wasla`` mapping at the start of a build (an unknown key or a wrong type is an error
naming the key) and lets ``WASLA_<NAME>`` in the environment override any of them (deployments
and tests). The README's settings table is written from ``SETTINGS`` (``python -m wasla
settings``), and a test keeps the two equal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from .problems import did_you_mean


@dataclass(frozen=True)
class Setting:
    name: str
    type: type  # str or int
    default: str | int
    meaning: str


CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'"

SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", str, "data", "The data folder, relative to mkdocs.yml."),
    Setting(
        "exit_url",
        str,
        "https://www.accuweather.com/",
        "Where the quick-exit link goes: a neutral, everyday page. Offline it goes to assets/neutral.html.",
    ),
    Setting(
        "csp",
        str,
        CSP,
        "The Content-Security-Policy sent as a `<meta>` on every page (static hosts cannot "
        "send headers). No inline script or style exists, so nothing is hashed.",
    ),
    Setting("stale_months", int, 12, "A verification older than this many months is shown as old."),
    Setting("evidence_stale_years", int, 3, "A card whose newest source is older than this many years says so."),
    Setting(
        "law_stale_months", int, 24, 'What the law says, older than this many months, is marked "may be out of date".'
    ),
    Setting(
        "issues_url",
        str,
        "",
        'The repository\'s "new issue" address: each card links to the report form '
        "with its entry filled in. Empty: no report links.",
    ),
    Setting(
        "report_email",
        str,
        "",
        "An address for reports from readers without a GitHub account, shown on "
        "the contribute page and in each card's report link.",
    ),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The validated settings of one build."""

    data_dir: str = "data"
    exit_url: str = "https://www.accuweather.com/"
    csp: str = CSP
    stale_months: int = 12
    evidence_stale_years: int = 3
    law_stale_months: int = 24
    issues_url: str = ""
    report_email: str = ""


assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS]
assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS)


class SettingsError(ValueError):
    """A wrong extra.wasla: the message names the key, what was expected and what was found."""


def _convert(setting: Setting, value, where: str):
    if setting.type is int:
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
            raise SettingsError(f"{where}: must be a whole number; expected e.g. {setting.default}; got {value!r}")
        return int(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SettingsError(f"{where}: must be text; expected e.g. {setting.default!r}; got {value!r}")
    return value


def read(extra: dict | None, environ=os.environ) -> Settings:
    """extra.wasla of mkdocs.yml, checked whole, with WASLA_<NAME> overrides; raises SettingsError."""
    extra = extra if extra is not None else {}
    if not isinstance(extra, dict):
        raise SettingsError(f"extra.wasla: must be a mapping of settings; got {extra!r}")
    values = {}
    for key, value in extra.items():
        if key not in BY_NAME:
            close = did_you_mean(str(key), BY_NAME)
            hint = f" (did you mean '{close}'?)" if close else ""
            raise SettingsError(
                f"extra.wasla.{key}: unknown setting{hint}; expected one of: {', '.join(BY_NAME)}; got '{key}'"
            )
        values[key] = _convert(BY_NAME[key], value, f"extra.wasla.{key}")
    for setting in SETTINGS:
        env = environ.get(f"WASLA_{setting.name.upper()}")
        if env:
            values[setting.name] = _convert(setting, env, f"WASLA_{setting.name.upper()}")
    return Settings(**values)


def table() -> str:
    """The README's settings table (Markdown)."""
    rows = ["| setting | type | default | meaning |", "| --- | --- | --- | --- |"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default != "" else "(empty)"
        rows.append(f"| `{s.name}` | {'number' if s.type is int else 'text'} | {default} | {s.meaning} |")
    return "\n".join(rows) + "\n"
