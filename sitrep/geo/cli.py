"""`sitrep gazetteer build|import|check|search`: the offline gazetteer from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("gazetteer", help="build, extend and inspect the gazetteer")
    parser.add_argument("--path", help="the gazetteer file (default: see `sitrep gazetteer check`)")
    verbs = parser.add_subparsers(dest="gazetteer_verb", metavar="ACTION")
    verbs.required = True
    build = verbs.add_parser("build", help="build it from the installed GeoNames data")
    build.add_argument("--if-missing", action="store_true",
                       help="only when the file is absent or stale")
    build.set_defaults(handler=_build)
    imported = verbs.add_parser("import", help="add a GeoNames dump (allCountries.txt, SY.txt...)")
    imported.add_argument("file", help="a GeoNames dump: 19 tab-separated columns")
    imported.add_argument("--alternate-names", help="alternateNamesV2.txt (or a per-country one)")
    imported.add_argument("--countries", help="only these ISO codes, e.g. SY,IQ")
    imported.set_defaults(handler=_import)
    check = verbs.add_parser("check", help="say whether it is present and current")
    check.set_defaults(handler=_check)
    search = verbs.add_parser("search", help="look up a name (exact, else by word prefixes)")
    search.add_argument("name")
    search.set_defaults(handler=_search)


def _path(args) -> Path | None:
    return Path(args.path) if args.path else None


def _build(args) -> int:
    from .build import build_gazetteer
    from .gazetteer import check, default_path

    path = _path(args) or default_path()
    if args.if_missing:
        ok, message = check(path)
        if ok:
            print(message, file=sys.stderr)
            return 0
    counts = build_gazetteer(path)
    print(f"gazetteer built at {counts['path']}: {counts['places']:,} places, "
          f"{counts['names']:,} names in {counts['seconds']} s", file=sys.stderr)
    return 0


def _import(args) -> int:
    from ..errors import UsageError
    from .dump import import_dump

    countries = {c.strip().upper() for c in args.countries.split(",")} if args.countries else None
    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    stats = import_dump(args.file, _path(args), alternate_names=args.alternate_names,
                        countries=countries)
    print(f"imported {stats.places:,} places and {stats.names:,} names from {args.file} "
          f"({stats.skipped:,} lines of other countries skipped, {stats.corrupt:,} corrupt lines"
          + (f"; first at line {stats.first_corrupt}" if stats.corrupt else "") + ")",
          file=sys.stderr)
    return 0


def _check(args) -> int:
    from .gazetteer import check

    ok, message = check(_path(args))
    print(message)
    return 0 if ok else 1


def _search(args) -> int:
    from .gazetteer import Gazetteer
    from .normalize import normalize_name

    gazetteer = Gazetteer(_path(args))
    found = gazetteer.lookup({normalize_name(args.name)})
    candidates = [c for group in found.values() for c in group]
    if not candidates:   # no exact name: full-text search, each word as a prefix ("deir zo")
        words = normalize_name(args.name).split()
        candidates = gazetteer.search(" ".join(f'"{word}"*' for word in words)) if words else []
    for candidate in sorted(candidates, key=lambda c: -c.population):
        print(f"{candidate.geonameid or '-'}\t{candidate.name}\t{candidate.country}\t"
              f"{candidate.admin1 or ''}\t{candidate.fcode}\t{candidate.lat:.4f}\t"
              f"{candidate.lon:.4f}\t{candidate.population}\t{candidate.kind}")
    return 0 if candidates else 1
