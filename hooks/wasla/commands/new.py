"""``make new``: asks for a country, a slug and kinds, and writes a commented skeleton at
``data/resources/<country>/<slug>.yml`` for ``make check`` to guide.

The values come as arguments, from the environment (``make new COUNTRY=lb SLUG=… KINDS=…``,
passed on unexpanded by the Makefile) or from the terminal. Each is checked before anything is
written: a country code, a slug that is valid, neutral, not the site's own name and not used yet,
known kinds. The file is then created, never written over (an existing name or a link left in
its place is refused).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2

from ..core.places import INTERNATIONAL, country_codes, country_name
from ..core.problems import display_path
from ..loading.dataset import load_kinds
from ..rules import slugs

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def ask(prompt: str, value: str | None, valid, hint: str) -> str:
    while True:
        if value is None:
            if not sys.stdin.isatty() and sys.stdin.closed:
                raise SystemExit(f"{prompt}: no answer")
            try:
                value = input(f"{prompt}: ").strip()
            except EOFError:
                raise SystemExit(f"\n{prompt}: no answer") from None
        problem = valid(value)
        if problem is None:
            return value
        print(f"  {problem}" + ("" if "; try '" in problem else f"; {hint}"), file=sys.stderr)
        value = None
        if not sys.stdin.isatty():
            raise SystemExit(2)


def new(data_dir: str, country: str | None, slug: str | None, kinds: str | None) -> int:
    data = Path(data_dir)
    known_kinds = list(load_kinds(data, []))

    def valid_country(v):
        return None if v == INTERNATIONAL or v in country_codes() else f"'{v}' is not a country code"

    def valid_slug(v):
        if slugs.problem(v):
            return slugs.problem(v)
        if list((data / "resources").glob(f"*/{v}.yml")):
            return f"'{v}' is already used"
        return None

    def valid_kinds(v):
        items = [k.strip() for k in v.split(",") if k.strip()]
        bad = [k for k in items if k not in known_kinds]
        return (f"unknown kind '{bad[0]}'" if bad else None) if items else "give at least one kind"

    country = ask(
        "Country (lower-case ISO code like lb, or international)",
        country,
        valid_country,
        "for example: lb, eg, tn, international",
    )
    print(f"  {country_name(country, 'en')} / {country_name(country, 'ar')}")
    slug = ask("Slug (the file name: lower-case letters, digits, hyphens)", slug, valid_slug, slugs.EXAMPLE)
    kinds_list = [
        k.strip()
        for k in ask(
            f"Kinds, comma-separated ({', '.join(known_kinds)})", kinds, valid_kinds, "for example: hotline, legal_aid"
        ).split(",")
        if k.strip()
    ]

    path = data / "resources" / country / f"{slug}.yml"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    text = env.get_template("resource.yml").render(country=country, kinds=kinds_list)
    if (data / "resources" / country).is_symlink():
        raise SystemExit(
            f"{display_path(str(path.parent))} is a symbolic link, which is never followed; nothing written"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # created here or not at all: never over a file, never through a link
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        raise SystemExit(f"{display_path(str(path))} already exists; nothing written") from None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"Wrote {display_path(str(path))}. Fill it in, then run: make check")
    return 0
