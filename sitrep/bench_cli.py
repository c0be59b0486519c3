"""`sitrep extract` as a command, in steady state, on 1 and N processes (part of `make bench`).

A run of the command pays a start-up (Python, the language model, the gazetteer, the worker
pool) that says nothing about how fast articles go through once it is running. So the command
runs twice over the same corpus: over its first ``head`` articles, then over all of them; the
difference of the two runs is the steady state, start-up excluded:

    articles/s = (all - head) / (seconds(all) - seconds(head))

Per core, the seconds are CPU seconds of the command and of its worker processes (what
``os.wait4`` returns once they are reaped), so that other work on a shared machine does not make
sitrep look slower than it is; with N processes the wall clock is what N cores buy, and the
scaling is that rate over the 1-process one (both wall clock, measured back to back). Peak RSS
is the largest of the command and its workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def run_command(jsonl_path: Path, config_path: Path | None = None, workers: int = 1) -> dict:
    """``sitrep extract PATH [--workers N]`` in a child process, output discarded: its wall
    and CPU seconds (workers included) and its peak RSS, or ``error``."""
    command = [sys.executable, "-m", "sitrep"]
    if config_path:
        command += ["--config", str(config_path)]
    command += ["extract", str(jsonl_path)]
    if workers > 1:
        command += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip()
    exit_status = os.waitstatus_to_exitcode(status)
    figures = {"command": " ".join(command[1:]), "exit_status": exit_status}
    # exit status 1 only says some documents were rejected; 2 and above is a failed command
    if exit_status not in (0, 1):
        return {**figures, "error": message[-500:]}
    return {**figures, "wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


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
        "peak_rss_mb": full["peak_rss_mb"], "note": note,
    }
