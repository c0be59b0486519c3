"""`sitrep doctor`: check the install, models, gazetteer and store; say how to fix what is missing.

Exit status 0 when everything needed is there, 1 when something is missing.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import api


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("doctor", help="check the installation and say how to fix it",
                                   description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=api.DEFAULT_DB, metavar="FILE",
                        help=f"the store to check (default {api.DEFAULT_DB})")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=doctor_verb)


def doctor_verb(args: argparse.Namespace) -> int:
    from ..doctor import run_checks

    checks = run_checks(args.db, getattr(args, "config", None))
    failed = [check for check in checks if not check.ok]
    if args.format == "json":
        for check in checks:
            print(json.dumps(check.to_dict(), ensure_ascii=False))
        return 1 if failed else 0
    for check in checks:
        print(f"{'ok' if check.ok else 'MISSING':<8} {check.name:<30} {check.message}")
        if check.fix:
            print(f"{'':<8} {'':<30} fix: {check.fix}")
    if failed:
        print(f"\n{len(failed)} problem(s): {', '.join(check.name for check in failed)}",
              file=sys.stderr)
        return 1
    print("\nsitrep is ready.")
    return 0
