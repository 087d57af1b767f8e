"""Command line: ``python -m wasla check [DATA_DIR]`` (``make check``) and ``python -m wasla new`` (``make new``).

check: prints every problem as ``file:line:col: field: message`` (and as GitHub
annotations under GitHub Actions), the entries never verified or stale, the law
items stale or of low confidence, and a summary; exits 1 on any error.
sums:  writes SHA256SUMS for a built site.
tempdir, swap: make build's own temporary folder and its atomic swap.
settings: prints the settings table of the README.
fields: writes CONTRIBUTING's field tables from data/schema/ (--check: only say which are stale).
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
import json
import os
import sys
from pathlib import Path

from .commands.check import check
from .commands.links import report as link_report
from .commands.new import new
from .commands.report_path import check as report_path
from .commands.verify import verify
from .core import settings
from .core.dates import build_today as today
from .core.problems import DataError, report
from .loading.dataset import load
from .output import field_reference
from .output.archive import make_zip
from .output.atomic import swap, temp_dir
from .output.checksums import sign, write_sums
from .output.checksums import verify as verify_sums
from .output.zim import Metadata, make_zim

DEFAULTS = settings.Settings()


def checked_site_date(site_dir: str) -> str:
    """A built site's data date, after checking the site still matches its SHA256SUMS."""
    if not (Path(site_dir) / "SHA256SUMS").is_file():
        raise SystemExit(f"{site_dir}/SHA256SUMS is missing: build the site with 'make build'")
    bad = verify_sums(site_dir)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        raise SystemExit("the site does not match its SHA256SUMS: build it again (make build)")
    return json.loads((Path(site_dir) / "data" / "resources.json").read_text(encoding="utf-8"))["data_date"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wasla", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate the data folder and print every problem")
    c.add_argument("data_dir", nargs="?", default="data")
    c.add_argument(
        "--stale-months",
        type=int,
        default=DEFAULTS.stale_months,
        help="an entry verified longer ago than this is stale (default 12, as in mkdocs.yml)",
    )
    c.add_argument(
        "--law-stale-months",
        type=int,
        default=DEFAULTS.law_stale_months,
        help="a law item as of longer ago than this may be out of date (default 24, as in mkdocs.yml)",
    )
    c.add_argument("--coverage", action="store_true", help="also say how much is written in each language (make check)")
    # make new and make verify pass their values in the environment, never expanded by make (Makefile)
    n = sub.add_parser("new", help="start a resource file from the template (make new COUNTRY=lb SLUG=… KINDS=…)")
    n.add_argument("--data-dir", default="data")
    n.add_argument("--country", default=os.environ.get("COUNTRY") or None)
    n.add_argument("--slug", default=os.environ.get("SLUG") or None)
    n.add_argument("--kinds", default=os.environ.get("KINDS") or None, help="comma-separated")
    v = sub.add_parser(
        "verify", help="record that a curator checked an entry (make verify ENTRY=lb/helem METHOD=phone)"
    )
    v.add_argument("--data-dir", default="data")
    v.add_argument("--entry", default=os.environ.get("ENTRY") or None, help="<country>/<slug>, like lb/helem")
    v.add_argument("--method", default=os.environ.get("METHOD") or None, help="website, phone, partner or in_person")
    v.add_argument("--changed", default=os.environ.get("CHANGED") or None, help="what changed (added to curator_notes)")
    ln = sub.add_parser("links", help="check every web link (network; the weekly workflow runs it)")
    ln.add_argument("data_dir", nargs="?", default="data")
    ln.add_argument("--report", default="-", help="Markdown report file, or - for standard output")
    ln.add_argument("--stale-months", type=int, default=DEFAULTS.stale_months)
    m = sub.add_parser("mirror", help="pack a built site into dist/wasla-offline-<data date>.zip")
    m.add_argument("site_dir", nargs="?", default="site")
    m.add_argument("dist_dir", nargs="?", default="dist")
    z = sub.add_parser("zim", help="pack a built site into dist/wasla-<data date>.zim for Kiwix")
    z.add_argument("site_dir", nargs="?", default="site")
    z.add_argument("dist_dir", nargs="?", default="dist")
    z.add_argument(
        "--source",
        default=os.environ.get("WASLA_SOURCE_URL", ""),
        help="the ZIM's Source metadata: where the site is published (default: $WASLA_SOURCE_URL)",
    )
    sm = sub.add_parser("sums", help="write SHA256SUMS of every file of a built site (make build does)")
    sm.add_argument("site_dir", nargs="?", default="site")
    sm.add_argument(
        "--sign",
        metavar="SECRET_KEY",
        default=os.environ.get("MINISIGN_SECRET_KEY") or None,
        help="minisign secret key (default: $MINISIGN_SECRET_KEY); also writes SHA256SUMS.minisig",
    )
    rp = sub.add_parser(
        "report-path", help="note when readers have no way to report (make serve); --require fails (deploy)"
    )
    rp.add_argument("--config", default="mkdocs.yml")
    rp.add_argument("--require", action="store_true", help="exit 1 when neither issues_url nor report_email is set")
    td = sub.add_parser("tempdir", help="make build: clean stale temporary folders, make one beside the site, print it")
    td.add_argument("site_dir", nargs="?", default="site")
    td.add_argument("--owner", type=int, help="the pid of the build (its temporary folder is stale once it is gone)")
    sw = sub.add_parser("swap", help="make build: put a finished build in place of the site in one step")
    sw.add_argument("new_dir")
    sw.add_argument("site_dir", nargs="?", default="site")
    sub.add_parser("settings", help="print the settings table (extra.wasla in mkdocs.yml) for the README")
    sub.add_parser(
        "fields", help="write CONTRIBUTING's field tables from data/schema/ (make fields; --check, --root DIR)"
    )
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["fields"]:  # its own options
        return field_reference.main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "settings":
        sys.stdout.write(settings.table())
        return 0
    if args.command == "report-path":
        return report_path(args.config, args.require)
    if args.command == "tempdir":
        print(temp_dir(args.site_dir, args.owner))
        return 0
    if args.command == "swap":
        try:
            swap(args.new_dir, args.site_dir)
        except OSError as err:
            print(f"{args.site_dir}: the finished build could not be put in place: {err.strerror}", file=sys.stderr)
            return 1
        return 0
    if args.command == "sums":
        write_sums(args.site_dir)
        if args.sign:
            sign(args.site_dir, args.sign)
        return 0
    if args.command in ("mirror", "zim"):
        date = checked_site_date(args.site_dir)
        if args.command == "zim":
            print(make_zim(args.site_dir, args.dist_dir, Metadata(date=date, source=args.source)))
        else:
            print(make_zip(args.site_dir, args.dist_dir, date))
        return 0
    if args.command == "check":
        return check(args.data_dir, args.stale_months, args.law_stale_months, args.coverage)
    if args.command == "verify":
        return verify(args.data_dir, args.entry, args.method, args.changed, today())
    if args.command == "links":
        try:
            dataset, _ = load(args.data_dir, today=today())
        except DataError as exc:  # every problem as path:line:col, never a traceback
            report(exc.problems, sys.stderr)
            return 1
        text = link_report(dataset, today(), args.stale_months)
        if args.report == "-":
            sys.stdout.write(text)
        else:
            Path(args.report).write_text(text, encoding="utf-8")
        return 0
    return new(args.data_dir, args.country, args.slug, args.kinds)


if __name__ == "__main__":
    sys.exit(main())
