"""`sitrep` entry point. Each verb lives in its own module exposing ``add_parser(subparsers)``;
the module is imported when the parser is built. Only the CLI prints or exits.

Exit status: 0 all documents processed, 1 some were rejected (or a check failed), 2 usage error
(a bad command line, or a --config that cannot build a pipeline: no document was read), 3 the
command failed (the store cannot be opened or written, a model or the gazetteer is missing, or
an internal error): scripts can tell "some input was bad" (1) from "the run did not finish" (3).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from ..errors import ConfigError, SitrepError, UsageError

# Exit status of a command that did not finish (see the module docstring).
EXIT_FAILED = 3

# verb -> module defining add_parser(subparsers); the parser sets args.handler(args) -> int
COMMANDS: dict[str, str] = {
    "extract": "sitrep.cli.extract",
    "run": "sitrep.cli.store_verbs",
    "events": "sitrep.cli.store_verbs",
    "show": "sitrep.cli.store_verbs",
    "rejections": "sitrep.cli.store_verbs",
    "stats": "sitrep.cli.store_verbs",
    "export": "sitrep.cli.store_verbs",
    "doctor": "sitrep.cli.doctor",
    "eval": "sitrep.cli.evaluate",
    "gazetteer": "sitrep.geo.cli",
    "serve": "sitrep.cli.serve",
}


class _Parser(argparse.ArgumentParser):
    """Every parser of the CLI: no abbreviations (argparse would read ``--date`` as
    ``--date-column`` and go on without a word), and a usage error names the verb in use."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras and " " in self.prog:
            # a verb's parser (prog "sitrep run"): whatever it does not know is a mistake made
            # for this verb, so say so here rather than with the top-level usage
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras

    def error(self, message: str) -> None:
        # one line, exit 2: what is wrong, for which verb, and where the usage is (a full usage
        # block would push the one line that matters off a small terminal)
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _modules_named_in(argv: list[str] | None) -> set[str] | None:
    """The verb modules a command line needs, or None for all of them (no verb named, or
    ``--help`` before the verb: the full list of verbs is shown)."""
    if argv is None:
        return None
    needed = set()
    for word in argv:
        if word in ("-h", "--help") and not needed:
            return None
        if word in COMMANDS:
            # every word spelled like a verb, not only the first: a --config value may be one
            needed.add(COMMANDS[word])
    return needed or None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every verb, or, given the command line, of the verbs it names only.

    Importing every verb's module costs a second of CPU (the store, the API, the web app and
    their libraries) that ``sitrep extract`` never uses: a verb not named on the command line is
    given a bare parser instead, so its name stays a valid choice (and the "invalid choice"
    message lists the same verbs) but nothing of its module is imported."""
    parser = _Parser(prog="sitrep", description=__doc__.split("\n\n")[0],
                     epilog="Exit status: 0 all documents processed; 1 some were rejected (or "
                            "a check failed); 2 usage error; 3 the command failed and stopped "
                            "(the store, a model, the gazetteer, or an internal error).")
    parser.add_argument("--config", help="a TOML file merged over the default configuration")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    subparsers.required = True
    needed = _modules_named_in(argv)
    seen: set[str] = set()
    for module_name in COMMANDS.values():
        if module_name in seen:
            continue
        seen.add(module_name)
        if needed is not None and module_name not in needed:
            for verb, owner in COMMANDS.items():
                if owner == module_name:
                    subparsers.add_parser(verb)
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a verb family not installed: leave it out, say so
            if exc.name and exc.name.startswith("sitrep"):
                continue
            raise
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (UsageError, ConfigError) as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `sitrep events | head`: the reader left; stop quietly
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: shown in full, and the run is said to have failed
        traceback.print_exc()
        print(f"sitrep: internal error: {type(exc).__name__}: {exc} (a bug in sitrep; the "
              "traceback above says where)", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
