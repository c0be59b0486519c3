"""`sitrep eval events|geo|time|merge|acled|articles ...`: score sitrep against gold data (see ../shared/data/README.md).

Each evaluation lives in ``sitrep/eval/NAME.py`` with ``add_arguments(parser)`` and
``run(args) -> int``; it prints its scores and returns an exit status.
"""

from __future__ import annotations

import importlib

EVALUATIONS = {
    "events": ("sitrep.eval.events", "event typing on CASE 2021 TSV (--case) or PLOVER gold (--plover)"),
    "geo": ("sitrep.eval.geo", "place recognition and resolution on GeoWebNews (--gwn)"),
    "time": ("sitrep.eval.time", "time expressions on TimeML files (--timeml)"),
    "merge": ("sitrep.eval.merge", "cross-report event merging on annotated incidents (--gold)"),
    "acled": ("sitrep.eval.acled", "ACLED actors, types, places, days, deaths on ACLED notes (--notes)"),
    "articles": ("sitrep.eval.articles", "events in whole real news articles, hand-annotated (--gold)"),
}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("eval", help="score sitrep on gold-standard data")
    kinds = parser.add_subparsers(dest="evaluation", metavar="WHAT")
    kinds.required = True
    for name, (module_name, help_text) in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("sitrep"):
                continue
            raise
        sub = kinds.add_parser(name, help=help_text)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
