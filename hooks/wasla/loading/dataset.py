"""Read every data file, check it against the rulebook, and return the dataset.

``load(data_dir)`` reads ``languages.yml`` first (texts are read in its languages), checks the
engine's own data-like files (engine_files.py), then reads ``kinds.yml``, ``topics.yml``, ``short-codes.yml``,
every ``resources/<cc>/<slug>.yml``, ``leads.yml`` (checked, never published), ``region.yml``,
``countries/<cc>.yml`` and the JSON schemas; any other file under data/ is reported as not read.
It reports every problem of every file and raises
``DataError`` once at the end if any was an error.  Nothing is published from a dataset that had
errors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

from ..core import languages
from ..core.languages import Registry
from ..core.model import Country, Dataset, Kind, Topic
from ..core.problems import DataError, Problem, display_path
from ..core.yamlload import Pos
from ..rules.check import Check, check_fields
from ..rules.crossfile import contacts_are_unique
from ..rules.kinds import check_kinds
from ..rules.languages import check_languages
from ..rules.law import REGION_FIELDS, check_country, region_codes_are_iso
from ..rules.leads import check_leads
from ..rules.phones import check_short_codes
from ..rules.text import text_is_plain
from ..rules.topics import check_topics
from .engine_files import check_engine_files
from .files import entries, parse_yaml, read_text, read_yaml, resource_files, stray_paths
from .resource_checks import against, check_files

# What data/ holds: every other name in it is reported (a file nobody reads is a file nobody checks)
DATA_NAMES = (
    "languages.yml",
    "kinds.yml",
    "topics.yml",
    "short-codes.yml",
    "leads.yml",
    "region.yml",
    "resources",
    "countries",
    "schema",
)


def load_languages(data_dir: Path, problems: list[Problem]) -> Registry:
    """data/languages.yml, checked, and put in force for the rest of the load (texts are read
    in the registered languages); raises DataError when it has an error. A data folder without
    one (a test's, a benchmark's) is written in the repository's languages (languages.SHIPPED)."""
    path = data_dir / "languages.yml"
    if not path.exists():
        path = languages.SHIPPED
    before = len(problems)
    data, shown = read_yaml(path, problems)
    registry = None
    if len(problems) == before:
        registry, found = check_languages(shown, data)
        problems.extend(found)
    if registry is None:
        raise DataError(problems)
    languages.use(registry)
    return registry


def load_kinds(data_dir: Path, problems: list[Problem]) -> dict[str, Kind]:
    data, shown = read_yaml(data_dir / "kinds.yml", problems)
    if data is None and any(p.path == shown for p in problems):
        return {}  # a file that could not be read reports only why
    kinds, found = check_kinds(shown, data)
    problems.extend(found)
    return kinds


def load_topics(data_dir: Path, kinds: dict[str, Kind], problems: list[Problem]) -> dict[str, Topic]:
    """data/topics.yml: what the danger view offers and the crisis words; required, as kinds.yml is."""
    path = data_dir / "topics.yml"
    if not path.exists():
        problems.append(
            Problem(
                display_path(str(path)),
                1,
                1,
                "",
                "no topics.yml; expected data/topics.yml with the topics of the danger view and their crisis words "
                "(see CONTRIBUTING.md, 'Topics'); got none",
                rule="topics_file",
            )
        )
        return {}
    data, shown = read_yaml(path, problems)
    if data is None and any(p.path == shown for p in problems):
        return {}  # a broken file reports only its parse error
    topics, found = check_topics(shown, data, kinds)
    problems.extend(found)
    return topics


def load_short_codes(data_dir: Path, today: dt.date, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    path = data_dir / "short-codes.yml"
    if not path.exists():
        return {}
    data, shown = read_yaml(path, problems)
    codes, found = check_short_codes(shown, data, today)
    problems.extend(found)
    return codes


_leads: dict[tuple, tuple[int, tuple[Problem, ...]]] = {}  # load_leads' key -> (leads, problems)


def load_leads(data_dir: Path, kinds, published: set[str], today: dt.date, problems: list[Problem]) -> int:
    """data/leads.yml, checked as every file is, never published; how many leads it holds."""
    path = data_dir / "leads.yml"
    if not path.exists():
        return 0
    text, shown = read_text(path, problems)
    if text is None:
        return 0
    # kept for the process (make serve) under what the check reads: the text, the kinds' keys,
    # the published slugs and the day
    key = (shown, hashlib.sha256(text.encode()).hexdigest(), tuple(kinds), frozenset(published), today.isoformat())
    if key not in _leads:
        broken: list[Problem] = []
        data = parse_yaml(text, shown, broken)
        count, found = check_leads(shown, data, kinds, published, today)
        _leads[key] = (count, tuple(broken + found))
    count, found = _leads[key]
    problems.extend(found)
    return count


def check_schemas(data_dir: Path, problems: list[Problem]) -> None:
    """data/schema/*.schema.json (read by make fields and editors): plain files, UTF-8, JSON."""
    folder = data_dir / "schema"
    for entry in entries(folder):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if not entry.name.endswith(".schema.json"):
            problems.append(not_read(data_dir, path, "data/schema/<name>.schema.json"))
            continue
        text, shown = read_text(path, problems)
        if text is None:
            continue
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(
                    shown, exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}; expected a JSON schema", rule="json"
                )
            )


def not_read(data_dir: Path, path: Path, expected: str) -> Problem:
    return Problem(
        display_path(str(path)),
        1,
        1,
        "",
        f"not read: expected {expected}; got '{path.relative_to(data_dir).as_posix()}'",
        rule="file_location",
    )


def unknown_data_files(data_dir: Path) -> list[Problem]:
    """Every name at the top of data/ that no rule reads."""
    return [
        not_read(data_dir, Path(entry.path), f"only {', '.join(DATA_NAMES)} in data/")
        for entry in entries(data_dir)
        if not entry.name.startswith(".") and entry.name not in DATA_NAMES
    ]


_countries: dict[tuple[str, str, str], tuple] = {}  # (path as shown, text digest, day) -> country_file()


def country_file(file: Path, today: dt.date) -> tuple[Country | None, list[Problem], bool]:
    """One law file, read and checked: (its country, its problems, whether it could not be read).
    A file whose text was checked before on the same day in this process (mkdocs serve) is not
    parsed or checked again."""
    problems: list[Problem] = []
    text, shown = read_text(file, problems)
    if text is None:
        return None, problems, True
    key = (shown, hashlib.sha256(text.encode()).hexdigest(), today.isoformat())
    if key not in _countries:
        broken: list[Problem] = []
        data = parse_yaml(text, shown, broken)
        if broken:  # a broken file reports only where its YAML is broken
            _countries[key] = (None, tuple(broken), True)
        else:
            country, found = check_country(shown, file.stem, data, today)
            _countries[key] = (country, tuple(found), False)
    country, found, broken = _countries[key]
    return country, list(found), broken


def load_countries(
    data_dir: Path, today: dt.date, problems: list[Problem]
) -> tuple[tuple[str, ...], dict[str, Country]]:
    """(region codes, {code: Country}) from data/region.yml and data/countries/*.yml."""
    region: list[str] = []
    path = data_dir / "region.yml"
    if path.exists():
        data, shown = read_yaml(path, problems)
        c = Check(shown)
        if isinstance(data, dict):
            check_fields(c, data, REGION_FIELDS, "")
            text_is_plain(c, data)
            region = region_codes_are_iso(c, data)
        elif not any(p.path == shown for p in problems):
            c.error(
                Pos(1, 1),
                "",
                "must be a mapping; expected a 'countries:' list of lower-case country codes; got something else",
                "region_file",
            )
        problems.extend(c.problems)
    countries: dict[str, Country] = {}
    folder = data_dir / "countries"
    for file in sorted(folder.glob("*")) if folder.is_dir() else []:
        if file.name.startswith("."):
            continue
        if file.suffix != ".yml" or not file.is_file():
            problems.append(not_read(data_dir, file, "data/countries/<country code>.yml"))
            continue
        country, found, broken = country_file(file, today)
        problems.extend(found)
        if broken:
            continue  # a broken file reports only why it could not be read
        if country is not None:
            countries[country.code] = country
    for code in region:
        if code not in countries and not (folder / f"{code}.yml").exists():
            problems.append(
                Problem(
                    display_path(str(folder / f"{code}.yml")),
                    1,
                    1,
                    "",
                    f"no law file for a region country; expected data/countries/{code}.yml (see CONTRIBUTING.md, 'What the law says'); got none",
                    "warning",
                    "region_has_law",
                )
            )
    return tuple(region), countries


def data_date(data_dir: Path) -> str:
    """The date of the newest change under data/: git's commit date, else the build date."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=10
        )
        if out.returncode == 0 and out.stdout.strip():
            dirty = subprocess.run(
                ["git", "status", "--porcelain", "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=10
            )
            if not dirty.stdout.strip():
                return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return dt.date.today().isoformat()


def load(
    data_dir: str | os.PathLike, *, today: dt.date | None = None, raise_on_error: bool = True
) -> tuple[Dataset, list[Problem]]:
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not (data_dir / "kinds.yml").exists():
        raise DataError(
            [
                Problem(
                    display_path(str(data_dir)),
                    1,
                    1,
                    "",
                    "no kinds.yml here; expected a data folder with kinds.yml and resources/; got none",
                    rule="data_dir",
                )
            ]
        )
    registry = load_languages(data_dir, problems)
    problems.extend(check_engine_files())
    problems.extend(unknown_data_files(data_dir))
    kinds = load_kinds(data_dir, problems)
    topics = load_topics(data_dir, kinds, problems)
    short_codes = load_short_codes(data_dir, today, problems)
    resources = []
    for path, why in stray_paths(data_dir):
        if why != "location":
            problems.append(Problem(display_path(str(path)), 1, 1, "", f"not read: {why}", rule="plain_file"))
            continue
        hint = (
            "rename it to end in .yml"
            if path.suffix in (".yaml", ".YML", ".txt", "")
            else "move it to data/resources/<country>/<slug>.yml"
        )
        problems.append(
            Problem(
                display_path(str(path)),
                1,
                1,
                "",
                f"not read: expected data/resources/<country>/<slug>.yml; {hint}; got '{path.relative_to(data_dir).as_posix()}'",
                rule="file_location",
            )
        )
    seen: dict[str, str] = {}
    checked = []  # every file's contacts, valid files or not, for the cross-file rules
    paths = resource_files(data_dir)
    work = against(data_dir, kinds, short_codes, topics, today)
    for path, result in zip(paths, check_files(paths, work)):
        problems.extend(result.problems)
        if not result.read:
            continue  # a broken file reports only its parse error
        checked.extend(result.contacts)
        slug, shown = path.stem, display_path(str(path))
        if slug in seen:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"slug already used by {seen[slug]}; expected a slug unique across all countries; got '{slug}'",
                    rule="slug_is_unique",
                )
            )
        seen.setdefault(slug, shown)
        if result.resource is not None:
            resources.append(result.resource)
    problems.extend(contacts_are_unique([SimpleNamespace(path=p, contacts=c) for p, c in checked]))
    load_leads(data_dir, kinds, set(seen), today, problems)
    region, countries = load_countries(data_dir, today, problems)
    check_schemas(data_dir, problems)
    dataset = Dataset(
        resources=resources,
        kinds=kinds,
        data_date=data_date(data_dir),
        region=region,
        countries=countries,
        languages=registry,
        topics=topics,
    )
    if raise_on_error and any(p.level == "error" for p in problems):
        raise DataError(problems)
    return dataset, problems
