"""Command line: ``python -m wasla check [DATA_DIR]`` (``make check``) and ``python -m wasla new`` (``make new``).

check: prints every problem as ``file:line:col: field: message`` (and as GitHub
annotations under GitHub Actions), the entries never verified or stale, the law
items stale or of low confidence, and a summary; exits 1 on any error.
sums:  writes SHA256SUMS for a built site.
tempdir, swap: make build's own temporary folder and its atomic swap (wasla/atomic.py).
mirror: packs the built site into the offline edition's zip.
links: checks every web link and writes the weekly Markdown report.
verify: records a curator's verification in an entry's file (make verify), then checks it.
report-path: notes (make serve) or fails (--require, the deploy workflow) when readers have
       no way to report: neither issues_url nor report_email is set.
new:   asks for a country, a slug and kinds, and writes a commented skeleton at
       data/resources/<country>/<slug>.yml for ``make check`` to guide.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import jinja2

from .countries import LAW_STALE_MONTHS, law_notes
from .load import build_today as today
from .load import load, load_kinds
from .problems import ERROR, display_path, printable, report
from .render import STALE_MONTHS, country_name, freshness
from . import slugs
from .rules import INTERNATIONAL, country_codes

HERE = Path(__file__).parent


def check(data_dir: str, stale_months: int, law_stale_months: int = LAW_STALE_MONTHS) -> int:
    now = today()
    dataset, problems = load(data_dir, raise_on_error=False, today=now)
    report(problems, sys.stdout)
    never, stale = freshness(dataset, now, stale_months)
    verification_queue(never, stale, now, stale_months)
    law = law_notes(dataset, now, law_stale_months)  # stale and low-confidence law items (#12)
    for line in law:
        print(printable(line))
    errors = sum(1 for p in problems if p.level == ERROR)
    warnings = len(problems) - errors
    print(f"{len(dataset.resources)} resources valid; {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
          f"{len(never)} not yet verified, {len(stale)} stale")
    if dataset.countries:
        print(f"{len(dataset.countries)} law files; {len(law)} law notes (stale or low confidence)")
    return 1 if errors else 0


def verification_queue(never, stale, now, stale_months: int) -> None:
    """Never verified, then stale; in each, the oldest evidence (newest source) first (#19)."""
    from .evidence import queue_key, summarise

    def newest(r) -> str:
        top = summarise(r.sources, now).newest
        return f"newest source {top.written_date} ({top.kind or 'kind not recorded'})" if top else "no dated source"

    if never or stale:
        print("Verification queue (never verified, then stale; oldest evidence first):")
    for r in sorted(never, key=lambda r: queue_key(summarise(r.sources, now))):
        print(printable(f"{r.path}: note: not yet verified; {newest(r)}"))
    for r in sorted(stale, key=lambda r: queue_key(summarise(r.sources, now))):
        print(printable(f"{r.path}: note: stale: last verified {r.last_verified.isoformat()}, over {stale_months} months ago; {newest(r)}"))


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

    country = ask("Country (lower-case ISO code like lb, or international)", country, valid_country, "for example: lb, eg, tn, international")
    print(f"  {country_name(country, 'en')} / {country_name(country, 'ar')}")
    slug = ask("Slug (the file name: lower-case letters, digits, hyphens)", slug, valid_slug, slugs.EXAMPLE)
    kinds_list = [k.strip() for k in ask(f"Kinds, comma-separated ({', '.join(known_kinds)})", kinds, valid_kinds, "for example: hotline, legal_aid").split(",") if k.strip()]

    path = data / "resources" / country / f"{slug}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    path.write_text(env.get_template("resource.yml").render(country=country, kinds=kinds_list), encoding="utf-8")
    print(f"Wrote {display_path(str(path))}. Fill it in, then run: make check")
    return 0


def checked_site_date(site_dir: str) -> str:
    """A built site's data date, after checking the site still matches its SHA256SUMS."""
    import json

    from .integrity import verify

    if not (Path(site_dir) / "SHA256SUMS").is_file():
        raise SystemExit(f"{site_dir}/SHA256SUMS is missing: build the site with 'make build'")
    bad = verify(site_dir)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        raise SystemExit("the site does not match its SHA256SUMS: build it again (make build)")
    return json.loads((Path(site_dir) / "data" / "resources.json").read_text(encoding="utf-8"))["data_date"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wasla", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate the data folder and print every problem")
    c.add_argument("data_dir", nargs="?", default="data")
    c.add_argument("--stale-months", type=int, default=STALE_MONTHS, help="an entry verified longer ago than this is stale (default 12, as in mkdocs.yml)")
    c.add_argument("--law-stale-months", type=int, default=LAW_STALE_MONTHS, help="a law item as of longer ago than this may be out of date (default 24, as in mkdocs.yml)")
    n = sub.add_parser("new", help="start a resource file from the template")
    n.add_argument("--data-dir", default="data")
    n.add_argument("--country")
    n.add_argument("--slug")
    n.add_argument("--kinds", help="comma-separated")
    v = sub.add_parser("verify", help="record that a curator checked an entry (make verify ENTRY=lb/helem METHOD=phone)")
    v.add_argument("--data-dir", default="data")
    v.add_argument("--entry", default=os.environ.get("ENTRY") or None, help="<country>/<slug>, like lb/helem")
    v.add_argument("--method", default=os.environ.get("METHOD") or None, help="website, phone, partner or in_person")
    v.add_argument("--changed", default=os.environ.get("CHANGED") or None, help="what changed (added to curator_notes)")
    ln = sub.add_parser("links", help="check every web link (network; the weekly workflow runs it)")
    ln.add_argument("data_dir", nargs="?", default="data")
    ln.add_argument("--report", default="-", help="Markdown report file, or - for standard output")
    ln.add_argument("--stale-months", type=int, default=STALE_MONTHS)
    m = sub.add_parser("mirror", help="pack a built site into dist/wasla-offline-<data date>.zip")
    m.add_argument("site_dir", nargs="?", default="site")
    m.add_argument("dist_dir", nargs="?", default="dist")
    z = sub.add_parser("zim", help="pack a built site into dist/wasla-<data date>.zim for Kiwix")
    z.add_argument("site_dir", nargs="?", default="site")
    z.add_argument("dist_dir", nargs="?", default="dist")
    z.add_argument("--source", default=os.environ.get("WASLA_SOURCE_URL", ""), help="the ZIM's Source metadata: where the site is published (default: $WASLA_SOURCE_URL)")
    sm = sub.add_parser("sums", help="write SHA256SUMS of every file of a built site (make build does)")
    sm.add_argument("site_dir", nargs="?", default="site")
    sm.add_argument("--sign", metavar="SECRET_KEY", default=os.environ.get("MINISIGN_SECRET_KEY") or None,
                    help="minisign secret key (default: $MINISIGN_SECRET_KEY); also writes SHA256SUMS.minisig")
    rp = sub.add_parser("report-path", help="note when readers have no way to report (make serve); --require fails (deploy)")
    rp.add_argument("--config", default="mkdocs.yml")
    rp.add_argument("--require", action="store_true", help="exit 1 when neither issues_url nor report_email is set")
    td = sub.add_parser("tempdir", help="make build: clean stale temporary folders, make one beside the site, print it")
    td.add_argument("site_dir", nargs="?", default="site")
    td.add_argument("--owner", type=int, help="the pid of the build (its temporary folder is stale once it is gone)")
    sw = sub.add_parser("swap", help="make build: put a finished build in place of the site in one step")
    sw.add_argument("new_dir")
    sw.add_argument("site_dir", nargs="?", default="site")
    args = parser.parse_args(argv)
    if args.command == "report-path":
        from .reporting import check as report_path

        return report_path(args.config, args.require)
    if args.command == "tempdir":
        from .atomic import temp_dir

        print(temp_dir(args.site_dir, args.owner))
        return 0
    if args.command == "swap":
        from .atomic import swap

        swap(args.new_dir, args.site_dir)
        return 0
    if args.command == "sums":
        from .integrity import sign, write_sums

        write_sums(args.site_dir)
        if args.sign:
            sign(args.site_dir, args.sign)
        return 0
    if args.command in ("mirror", "zim"):
        date = checked_site_date(args.site_dir)
        if args.command == "zim":
            from .zim import Metadata, make_zim

            print(make_zim(args.site_dir, args.dist_dir, Metadata(date=date, source=args.source)))
        else:
            from .integrity import make_zip

            print(make_zip(args.site_dir, args.dist_dir, date))
        return 0
    if args.command == "check":
        return check(args.data_dir, args.stale_months, args.law_stale_months)
    if args.command == "verify":
        from .verify import verify

        return verify(args.data_dir, args.entry, args.method, args.changed, today())
    if args.command == "links":
        from .links import report as link_report

        dataset, _ = load(args.data_dir, today=today())
        text = link_report(dataset, today(), args.stale_months)
        if args.report == "-":
            sys.stdout.write(text)
        else:
            Path(args.report).write_text(text, encoding="utf-8")
        return 0
    return new(args.data_dir, args.country, args.slug, args.kinds)


if __name__ == "__main__":
    sys.exit(main())
