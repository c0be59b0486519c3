"""`sitrep extract` as a command, in steady state, on 1 and N processes (part of `make bench`).

A run of the command pays a start-up (Python, the language model, the gazetteer, the worker
pool) that says nothing about how fast articles go through once it is running. So the command
runs twice over the same corpus: over its first ``head`` articles, then over all of them; the
difference of the two runs is the steady state, start-up excluded:

    articles/s = (all - head) / (seconds(all) - seconds(head))

Per core, the seconds are CPU seconds of the command and of its worker processes (what
``os.wait4`` returns once they are reaped), so that other work on a shared machine does not make
sitrep look slower than it is; with N processes the wall clock is what N cores buy, and the
scaling is that rate over the 1-process one (both wall clock, measured back to back). On a machine
that others are using, the wall clock cannot show what N cores buy, so each run also reports its
CPU milliseconds per article (the command and all its workers) and the load average when it
ended: N times the 1-process cost over the N-process cost is the scaling N idle cores would give
if the work divides evenly; what it leaves out is idle time (a worker waiting for its next batch,
the last batch finishing alone). Peak RSS
is the largest of the command and its workers, started from a small launcher so that the bench's
own memory is not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["run_command", "steady_state", "write_head"]


def write_head(jsonl_path: Path, count: int, out: Path) -> Path:
    """The first ``count`` lines of a JSONL corpus, as a new file."""
    with jsonl_path.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as head:
        for number, line in enumerate(lines):
            if number >= count:
                break
            head.write(line)
    return out


# The command is started by this small launcher, not by the bench itself: Linux carries a process's
# peak RSS across fork and exec, so a command forked from the bench (which holds a whole pipeline,
# ~500 MB) reported the bench's memory as its own. Forked from the launcher (~10 MB) it reports
# its own. The launcher also times the command alone (its own start-up is not counted) and prints
# the figures as one JSON line.
_LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"wall_s": time.perf_counter() - start,
                  "cpu_s": usage.ru_utime + usage.ru_stime,
                  "peak_rss_mb": usage.ru_maxrss / 1024,
                  "exit_status": os.waitstatus_to_exitcode(status)}))
"""


def run_command(jsonl_path: Path, config_path: Path | None = None, workers: int = 1) -> dict:
    """``sitrep extract PATH [--workers N]`` in a child process, output discarded: its wall
    and CPU seconds (workers included) and its peak RSS (the largest of the command and its
    workers), or ``error``."""
    command = [sys.executable, "-m", "sitrep"]
    if config_path:
        command += ["--config", str(config_path)]
    command += ["extract", str(jsonl_path)]
    if workers > 1:
        command += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as errors:
        launched = subprocess.run([sys.executable, "-c", _LAUNCHER, *command],
                                  stdout=subprocess.PIPE, stderr=errors, check=False)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip()
    figures = {"command": " ".join(command[1:])}
    try:
        measured = json.loads(launched.stdout.decode("utf-8").strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {**figures, "exit_status": launched.returncode,
                "error": f"the launcher failed: {message[-500:]}"}
    exit_status = figures["exit_status"] = measured["exit_status"]
    # exit status 1 only says some documents were rejected; 2 and above is a failed command
    if exit_status not in (0, 1):
        return {**figures, "error": message[-500:]}
    return {**figures, "wall_s": round(measured["wall_s"], 3), "cpu_s": round(measured["cpu_s"], 3),
            "peak_rss_mb": round(measured["peak_rss_mb"], 1)}


def steady_state(jsonl_path: Path, documents: int, config_path: Path | None = None,
                 workers: int = 1, head: int | None = None) -> dict:
    """Articles/s of the command once started: the full run minus a run over the first
    ``head`` articles (default a tenth, at least 10), per CPU second and per wall second."""
    head = head or max(10, documents // 10)
    if documents <= head:
        return {"workers": workers, "error": f"too few articles ({documents}) for a steady "
                                             f"state after the first {head}"}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-head-") as tmp:
        short = run_command(write_head(jsonl_path, head, Path(tmp) / "head.jsonl"),
                            config_path, workers)
        full = run_command(jsonl_path, config_path, workers)
    if "error" in short or "error" in full:
        return {"workers": workers, "command": full["command"],
                "error": short.get("error") or full.get("error")}
    steady = documents - head
    cpu = full["cpu_s"] - short["cpu_s"]
    wall = full["wall_s"] - short["wall_s"]
    note = ("" if cpu > 0 and wall > 0 else
            f"the {steady} articles after the first {head} cost no measurable time over the "
            "start-up's own variation: too few to measure a steady state")
    return {
        "workers": workers, "command": full["command"], "documents": documents, "head": head,
        "start_up_wall_s": round(max(0.0, short["wall_s"] - head * wall / steady), 2),
        "wall_s": full["wall_s"], "cpu_s": full["cpu_s"],
        "docs_per_s": round(steady / cpu, 1) if cpu > 0 else None,
        "docs_per_s_wall": round(steady / wall, 1) if wall > 0 else None,
        "cpu_ms_per_doc": round(1000 * cpu / steady, 1) if cpu > 0 else None,
        "load_average": round(os.getloadavg()[0], 2),
        "peak_rss_mb": full["peak_rss_mb"], "note": note,
    }
