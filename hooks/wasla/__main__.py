"""Command line: ``python -m wasla check [DATA_DIR]`` (what ``make check`` runs).

Prints every problem as ``file:line:col: field: message`` (and as GitHub
annotations under GitHub Actions), then a summary; exits 1 on any error.
"""
from __future__ import annotations

import argparse
import sys

from .load import load
from .problems import ERROR, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wasla", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the data folder and print every problem")
    check.add_argument("data_dir", nargs="?", default="data")
    args = parser.parse_args(argv)

    dataset, problems = load(args.data_dir, raise_on_error=False)
    report(problems, sys.stdout)
    errors = sum(1 for p in problems if p.level == ERROR)
    warnings = len(problems) - errors
    print(f"{len(dataset.resources)} resources valid; {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
