"""Read every data file, check it against the rulebook, and return the dataset.

``load(data_dir)`` reads ``kinds.yml``, ``topics.yml``, ``short-codes.yml``, every ``resources/<cc>/<slug>.yml``,
``region.yml`` and ``countries/<cc>.yml``; it reports every problem of every file and raises
``DataError`` once at the end if any was an error.  Nothing is published from a dataset that had
errors.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

from ..core.model import Country, Dataset, Kind, Topic
from ..core.problems import DataError, Problem, display_path
from ..core.yamlload import Pos
from ..rules.check import Check, check_fields
from ..rules.crossfile import contacts_are_unique
from ..rules.kinds import check_kinds
from ..rules.law import REGION_FIELDS, check_country, region_codes_are_iso
from ..rules.phones import check_short_codes
from ..rules.resource import check_resource
from ..rules.topics import check_topics
from .files import read_yaml, resource_files, stray_paths


def load_kinds(data_dir: Path, problems: list[Problem]) -> dict[str, Kind]:
    data, shown = read_yaml(data_dir / "kinds.yml", problems)
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


def load_short_codes(data_dir: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    path = data_dir / "short-codes.yml"
    if not path.exists():
        return {}
    data, shown = read_yaml(path, problems)
    codes, found = check_short_codes(shown, data)
    problems.extend(found)
    return codes


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
            problems.append(
                Problem(
                    display_path(str(file)),
                    1,
                    1,
                    "",
                    f"not read: expected data/countries/<country code>.yml; got '{file.relative_to(data_dir).as_posix()}'",
                    rule="file_location",
                )
            )
            continue
        data, shown = read_yaml(file, problems)
        if data is None and any(p.path == shown for p in problems):
            continue  # a broken file reports only its parse error
        country, found = check_country(shown, file.stem, data, today)
        problems.extend(found)
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
    kinds = load_kinds(data_dir, problems)
    topics = load_topics(data_dir, kinds, problems)
    short_codes = load_short_codes(data_dir, problems)
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
    for path in resource_files(data_dir):
        data, shown = read_yaml(path, problems)
        slug, folder = path.stem, path.parent.name
        if data is None and any(p.path == shown for p in problems):
            continue  # a broken file reports only its parse error
        resource, found = check_resource(
            shown, folder, slug, data, kinds, short_codes, today, collect=checked, topics=topics
        )
        problems.extend(found)
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
        if resource is not None:
            resources.append(resource)
    problems.extend(contacts_are_unique([SimpleNamespace(path=p, contacts=c) for p, c in checked]))
    region, countries = load_countries(data_dir, today, problems)
    dataset = Dataset(
        resources=resources,
        kinds=kinds,
        data_date=data_date(data_dir),
        region=region,
        countries=countries,
        topics=topics,
    )
    if raise_on_error and any(p.level == "error" for p in problems):
        raise DataError(problems)
    return dataset, problems
