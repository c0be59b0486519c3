"""Build the page's offline world map: country outlines from the npm package ``world-atlas``
(Natural Earth 1:110m, public domain; the package is ISC-licensed), fetched once at set-up.

    python -m sitrep.web.basemap [--if-missing]

No tile server, no CDN: the page draws these outlines itself. ``npm pack`` only downloads the
package's tarball (no install scripts run); the TopoJSON and the licence are copied into
``sitrep/web/static/basemap/`` (not committed). Without npm the page works, without outlines,
and says so.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

__all__ = ["BASEMAP", "build_basemap"]

PACKAGE = "world-atlas@2.0.2"  # pinned: the file names below are this version's
MEMBERS = {"package/countries-110m.json": "countries-110m.json", "package/LICENSE": "LICENSE"}
BASEMAP = Path(__file__).with_name("static") / "basemap" / "countries-110m.json"


def build_basemap(target: Path = BASEMAP) -> Path:
    """Fetch ``world-atlas`` with npm and put its 1:110m countries at ``target``."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed (Debian: apt-get install npm)")
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([npm, "pack", PACKAGE, "--silent", "--pack-destination", scratch],
                       check=True, cwd=scratch, stdout=subprocess.DEVNULL)
        tarball = next(Path(scratch).glob("world-atlas-*.tgz"))
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as archive:
            for member, name in MEMBERS.items():
                data = archive.extractfile(member).read()
                if name.endswith(".json") and json.loads(data).get("type") != "Topology":
                    raise RuntimeError(f"{member} of {PACKAGE} is not TopoJSON")
                (target.parent / name).write_bytes(data)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.web.basemap", description=__doc__)
    parser.add_argument("--if-missing", action="store_true", help="do nothing if it is built")
    args = parser.parse_args(argv)
    if args.if_missing and BASEMAP.is_file():
        return 0
    try:
        path = build_basemap()
    except (RuntimeError, OSError, subprocess.CalledProcessError, StopIteration,
            KeyError, tarfile.TarError, ValueError) as exc:
        # not fatal: everything but the outlines works, and the page says what is missing
        print(f"sitrep: the web map's basemap was not built ({exc}); the map will have no "
              f"country outlines. Install npm and run `make basemap`.", file=sys.stderr)
        return 0
    print(f"basemap built at {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
