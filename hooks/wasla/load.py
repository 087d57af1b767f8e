"""Read every data file, check it against the rulebook, and return the dataset.

``load(data_dir)`` reads ``kinds.yml``, ``short-codes.yml``, every
``resources/<cc>/<slug>.yml``, ``region.yml`` and ``countries/<cc>.yml`` (wasla.countries); it reports every problem of every file and
raises ``DataError`` once at the end if any was an error.  Nothing is
published from a dataset that had errors.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
from types import SimpleNamespace
from pathlib import Path

from .countries import load_countries
from .model import Dataset, Kind
from .problems import DataError, Problem, display_path
from .rules import Check, check_resource, check_text, contacts_are_unique, kind_text_is_plain, pos_of, text_is_plain, to_text
from .yamlload import Pos, YamlError, loads

REQUIRED_KINDS = ("hotline", "legal_aid", "safe_space", "health", "relocation", "digital_security", "information")


MAX_FILE_BYTES = 100_000  # a resource file is a few KB; the largest shipped one is under 3 KB


def not_plain_file(path: Path) -> str | None:
    """Why a path is not read: only plain files are, never a link (followed, it could read any file), a folder,
    a FIFO (reading it would hang the check) or a device."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot be read ({exc.strerror}); expected a plain file"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link, which is never followed; expected a plain file (copy the file here instead)"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder; expected a plain file"
    if not stat.S_ISREG(st.st_mode):
        return "is not a plain file (a pipe, socket or device); expected a plain file"
    if st.st_size > MAX_FILE_BYTES:
        return f"is too large; expected at most {MAX_FILE_BYTES:,} bytes (one resource per file); got {st.st_size:,} bytes"
    return None


def _read_plain(path: Path) -> bytes:
    """Read a plain file without following a link, never blocking on a FIFO swapped in after the check."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError("not a plain file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)


def read_yaml(path: Path, problems: list[Problem]):
    shown = display_path(str(path))
    why = not_plain_file(path)
    if why is None:
        try:
            raw = _read_plain(path)
            why = None if len(raw) <= MAX_FILE_BYTES else f"is too large; expected at most {MAX_FILE_BYTES:,} bytes; got more"
        except OSError as exc:
            why = f"cannot be read ({exc.strerror or exc}); expected a plain file"
    if why:
        problems.append(Problem(shown, 1, 1, "", why, rule="plain_file"))
        return None, shown
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, 1, 1, "", f"the file is not UTF-8 text; expected UTF-8 (save it again as UTF-8); got a byte 0x{exc.object[exc.start]:02x}"))
        return None, shown
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return loads(text), shown
    except YamlError as exc:
        problems.append(Problem(shown, exc.pos.line, exc.pos.col, "", exc.message, rule="yaml"))
        return None, shown


def load_kinds(data_dir: Path, problems: list[Problem]) -> dict[str, Kind]:
    data, shown = read_yaml(data_dir / "kinds.yml", problems)
    c = Check(shown)
    text_is_plain(c, data)
    kinds: dict[str, Kind] = {}
    if not isinstance(data, dict):
        c.error(Pos(1, 1), "", "must be a mapping of kinds; expected 'hotline:' with 'label:' and 'description:'; got something else", "kinds_file")
    else:
        for key, spec in data.items():
            if not isinstance(spec, dict):
                c.error(pos_of(spec, data, key), key, "must be a mapping; expected 'label:' and 'description:'; got text", "kinds_file")
                continue
            for field in ("label", "description"):
                if field not in spec:
                    c.error(spec.pos, f"{key}.{field}", "is required; expected {en, ar} text; got nothing", "kinds_file")
                else:
                    check_text(c, spec[field], f"{key}.{field}", spec, field)
                    kind_text_is_plain(c, spec[field], f"{key}.{field}")
            for field in spec:
                if field not in ("label", "description"):
                    c.error(spec.key_pos[field], f"{key}.{field}", f"unknown field; expected 'label' or 'description'; got '{field}'", "kinds_file")
            kinds[str(key)] = Kind(str(key), to_text(spec.get("label")), to_text(spec.get("description")))
        for key in REQUIRED_KINDS:
            if key not in kinds:
                c.error(Pos(1, 1), key, f"kind missing; expected all of: {', '.join(REQUIRED_KINDS)}; got no '{key}'", "kinds_file")
    problems.extend(c.problems)
    return kinds


def load_short_codes(data_dir: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    """National short codes that phonenumbers does not know, each with its source."""
    path = data_dir / "short-codes.yml"
    if not path.exists():
        return {}
    data, shown = read_yaml(path, problems)
    c = Check(shown)
    codes: dict[str, tuple[str, ...]] = {}
    if isinstance(data, dict):
        for cc, entries in data.items():
            numbers = []
            for i, entry in enumerate(entries if isinstance(entries, list) else []):
                if not isinstance(entry, dict) or not isinstance(entry.get("number"), str) or not entry["number"].isdigit() or not entry.get("sources"):
                    c.error(pos_of(entry, data, cc), f"{cc}[{i}]", "must have 'number' (digits only) and 'sources'; expected number: '1564' and a sources list; got something else", "short_codes_file")
                    continue
                numbers.append(str(entry["number"]))
            codes[str(cc)] = tuple(numbers)
    elif data is not None:
        c.error(Pos(1, 1), "", "must be a mapping of country codes; expected 'lb:' with a list; got something else", "short_codes_file")
    problems.extend(c.problems)
    return codes


def resource_files(data_dir: Path) -> list[Path]:
    """data/resources/<cc>/<slug>.yml, found without following links (os.scandir, two levels only)."""
    root = data_dir / "resources"
    found = []
    for folder in _entries(root):
        if folder.is_dir(follow_symlinks=False):
            found += [Path(e.path) for e in _entries(Path(folder.path)) if e.name.endswith(".yml")]
    return sorted(found)


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        return []


def stray_paths(data_dir: Path) -> list[tuple[Path, str]]:
    """Everything under data/resources/ that is not read as a resource, with why."""
    root = data_dir / "resources"
    out = []
    for folder in _entries(root):
        path = Path(folder.path)
        if folder.is_symlink():
            out.append((path, "is a symbolic link, which is never followed; expected a country folder"))
        elif not folder.is_dir(follow_symlinks=False):
            if not folder.name.startswith("."):
                out.append((path, "location"))
            continue
        else:
            for entry in _entries(path):
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False) and not entry.name.endswith(".yml"):
                    out.append((Path(entry.path), "is a folder inside a country folder; expected only <slug>.yml files here"))
                elif not entry.name.endswith(".yml"):
                    out.append((Path(entry.path), "location"))
    return out


def build_today() -> dt.date:
    """'Today' for a build or a check: WASLA_TODAY=YYYY-MM-DD makes builds and tests reproducible."""
    fixed = os.environ.get("WASLA_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def data_date(data_dir: Path) -> str:
    """The date of the newest change under data/: git's commit date, else the build date."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=10
        )
        if out.returncode == 0 and out.stdout.strip():
            dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=10)
            if not dirty.stdout.strip():
                return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return dt.date.today().isoformat()


def load(data_dir: str | os.PathLike, *, today: dt.date | None = None, raise_on_error: bool = True) -> tuple[Dataset, list[Problem]]:
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    problems: list[Problem] = []
    if not (data_dir / "kinds.yml").exists():
        raise DataError([Problem(display_path(str(data_dir)), 1, 1, "", "no kinds.yml here; expected a data folder with kinds.yml and resources/; got none", rule="data_dir")])
    kinds = load_kinds(data_dir, problems)
    short_codes = load_short_codes(data_dir, problems)
    resources = []
    for path, why in stray_paths(data_dir):
        if why != "location":
            problems.append(Problem(display_path(str(path)), 1, 1, "", f"not read: {why}", rule="plain_file"))
            continue
        hint = "rename it to end in .yml" if path.suffix in (".yaml", ".YML", ".txt", "") else "move it to data/resources/<country>/<slug>.yml"
        problems.append(Problem(display_path(str(path)), 1, 1, "", f"not read: expected data/resources/<country>/<slug>.yml; {hint}; got '{path.relative_to(data_dir).as_posix()}'", rule="file_location"))
    seen: dict[str, str] = {}
    checked = []  # every file's contacts, valid files or not, for the cross-file rules
    for path in resource_files(data_dir):
        data, shown = read_yaml(path, problems)
        slug, folder = path.stem, path.parent.name
        if data is None and any(p.path == shown for p in problems):
            continue  # a broken file reports only its parse error
        resource, found = check_resource(shown, folder, slug, data, kinds, short_codes, today, collect=checked)
        problems.extend(found)
        if slug in seen:
            problems.append(Problem(shown, 1, 1, "", f"slug already used by {seen[slug]}; expected a slug unique across all countries; got '{slug}'", rule="slug_is_unique"))
        seen.setdefault(slug, shown)
        if resource is not None:
            resources.append(resource)
    problems.extend(contacts_are_unique([SimpleNamespace(path=p, contacts=c) for p, c in checked]))
    region, countries = load_countries(data_dir, today, problems, read_yaml)
    dataset = Dataset(resources=resources, kinds=kinds, data_date=data_date(data_dir), region=region, countries=countries)
    if raise_on_error and any(p.level == "error" for p in problems):
        raise DataError(problems)
    return dataset, problems

