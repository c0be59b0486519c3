"""The long fuzz run (``make fuzz``): many generated inputs through every reader, the pipeline and
the store, in process, plus every input again through ``sitrep run`` as a command, in batches.

    python tests/fuzz_run.py [--inputs 10000] [--seed 0] [--stages default|light]

Prints the counts the issue asks for: inputs, tracebacks, hangs (an input taking over 30 s),
peak memory, and how many reports were stored and rejected; exits 1 if any input raised, hung,
went past 1 GB of memory or gave neither a stored report nor a rejection.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_inputs import generate  # noqa: E402

from sitrep.config import load_config  # noqa: E402
from sitrep.ingest import ReadOptions, read_inputs  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.store.run import run_into_store  # noqa: E402

HANG_SECONDS = 30
MEMORY_LIMIT_MB = 1024
CLI_BATCH = 500  # inputs per `sitrep run` command


class Hang(Exception):
    pass


def _expired(*_) -> None:
    raise Hang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", choices=("default", "light"), default="default",
                        help="light: cleaning and language only (a quicker run)")
    args = parser.parse_args()
    overrides = {"pipeline": {"stages": ["clean", "detect_language"]}} \
        if args.stages == "light" else None
    config = load_config(overrides=overrides)
    pipeline = Pipeline(config)
    options = ReadOptions(limits=config.limits)
    work = Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))
    kinds: Counter = Counter()
    codes: Counter = Counter()
    tracebacks = hangs = unaccounted = stored = cli_failures = 0
    slowest = (0.0, "")
    signal.signal(signal.SIGALRM, _expired)
    started = time.monotonic()
    with Store(work / "fuzz.db") as store:
        for number in range(args.inputs):
            rng = random.Random(f"{args.seed}-{number}")
            name, data = generate(rng)
            folder = work / "inputs" / f"{number // CLI_BATCH:03d}" / f"{number:05d}"
            folder.mkdir(parents=True)
            path = folder / name
            path.write_bytes(data)
            kinds[name.split(".", 1)[-1] if "." in name else "(no extension)"] += 1
            began = time.monotonic()
            signal.alarm(HANG_SECONDS)
            try:
                summary = run_into_store(read_inputs([str(path)], options), store, pipeline)
            except Hang:
                hangs += 1
                print(f"HANG over {HANG_SECONDS} s: {path}", file=sys.stderr)
                continue
            except Exception:  # what the run must never do: counted and shown
                tracebacks += 1
                print(f"TRACEBACK on {path}:", file=sys.stderr)
                traceback.print_exc()
                continue
            finally:
                signal.alarm(0)
            took = time.monotonic() - began
            slowest = max(slowest, (took, str(path)))
            # a report the analysis rejected (a language sitrep does not read) is stored and
            # counted as a rejection: so at least, not exactly, as many as were read
            accounted = (summary.stored + summary.already_stored + summary.repeated
                         + summary.rejections)
            if summary.read < 1 or accounted < summary.read:
                unaccounted += 1
                print(f"UNACCOUNTED {path}: {summary.to_dict()}", file=sys.stderr)
            stored += summary.stored + summary.already_stored + summary.repeated
            codes.update(summary.rejected)
            if (number + 1) % 1000 == 0:
                print(f"  {number + 1:,} inputs, {time.monotonic() - started:.0f} s",
                      file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the same inputs through the command, a batch of CLI_BATCH per `sitrep run`
    cli_db = work / "cli.db"
    statuses: Counter = Counter()
    for batch in sorted((work / "inputs").iterdir()):
        done = subprocess.run([sys.executable, "-m", "sitrep"]
                              + (["--config", str(_light_config(work))]
                                 if args.stages == "light" else [])
                              + ["run", str(batch), "--db", str(cli_db)],
                              capture_output=True, text=True, timeout=3600)
        statuses[done.returncode] += 1
        if done.returncode not in (0, 1) or "Traceback" in done.stderr:
            cli_failures += 1
            print(f"sitrep run {batch}: exit {done.returncode}\n{done.stderr[-2000:]}",
                  file=sys.stderr)
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rejected = sum(codes.values())
    print(f"inputs: {args.inputs:,} files ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
    print(f"tracebacks: {tracebacks}; hangs over {HANG_SECONDS} s: {hangs}; "
          f"slowest input {slowest[0]:.1f} s ({slowest[1]})")
    print(f"peak memory: {peak_mb:.0f} MB in process, {children_mb:.0f} MB the largest "
          f"`sitrep run` (limit {MEMORY_LIMIT_MB} MB)")
    print(f"reports: {stored:,} stored, {rejected:,} rejected with a reason "
          f"({', '.join(f'{k} {v}' for k, v in codes.most_common())}); "
          f"inputs with neither: {unaccounted}")
    print(f"sitrep run on the same inputs in {len(statuses)} batches: exit statuses "
          f"{dict(statuses)}; failed or traceback: {cli_failures}")
    bad = (tracebacks or hangs or unaccounted or cli_failures
           or max(peak_mb, children_mb) > MEMORY_LIMIT_MB)
    if bad:
        print(f"time: {time.monotonic() - started:.0f} s; inputs kept in {work}")
        return 1
    shutil.rmtree(work)
    print(f"time: {time.monotonic() - started:.0f} s")
    return 0


def _light_config(work: Path) -> Path:
    path = work / "light.toml"
    path.write_text('[pipeline]\nstages = ["clean", "detect_language"]\n', encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
