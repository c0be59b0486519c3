"""`sitrep serve`: the HTTP API and the web page over a store (see sitrep/web/).

Binds to 127.0.0.1 unless told otherwise: the API has no accounts, so reaching it from other
machines is a decision the user takes with --host. Read-only unless --token is given.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import api
from .common import positive_int

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    serve = subparsers.add_parser(
        "serve", help="serve the HTTP API and the web map over a store",
        description="Serve the JSON API (/api, docs at /docs) and the web page (/: map, "
                    "timeline, table, evidence) over a store. Read-only unless --token is given.")
    serve.add_argument("--db", default=api.DEFAULT_DB, metavar="FILE",
                       help=f"the SQLite store (default {api.DEFAULT_DB})")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=positive_int, default=8080, help="default 8080")
    serve.add_argument("--token", default=os.environ.get("SITREP_TOKEN"),
                       help="enable POST /api/documents for requests bearing this token "
                            "(default: $SITREP_TOKEN; unset: read-only)")
    serve.add_argument("--rate-limit", type=float, default=100.0, metavar="N",
                       help="requests per second per client address, bursts of 2N (0: no "
                            "limit; default 100)")
    serve.add_argument("--max-body", type=positive_int, default=1_000_000, metavar="BYTES",
                       help="largest request body accepted (default 1,000,000)")
    serve.set_defaults(handler=serve_verb)


def serve_verb(args: argparse.Namespace) -> int:
    import uvicorn

    from ..web.app import create_app, guarded
    from ..web.guard import Limits

    if args.rate_limit < 0:
        print("sitrep: --rate-limit must be 0 or more", file=sys.stderr)
        return 2
    if args.token is not None and len(args.token) < 16:
        print("sitrep: --token must have at least 16 characters", file=sys.stderr)
        return 2
    app = create_app(args.db, token=args.token, config=getattr(args, "config", None))
    limits = Limits(rate=args.rate_limit, burst=max(1, int(2 * args.rate_limit)),
                    max_body=args.max_body)
    mode = "read-write (bearer token)" if args.token else "read-only"
    print(f"sitrep: serving {args.db} ({mode}) at http://{args.host}:{args.port}/  "
          f"(API docs: /docs; stop with Ctrl-C)", file=sys.stderr)
    uvicorn.run(guarded(app, limits), host=args.host, port=args.port, log_level="warning",
                # one process: SQLite has one writer and the catalog's cache lives in it
                workers=1, server_header=False)
    return 0
