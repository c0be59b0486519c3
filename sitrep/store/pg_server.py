"""A throw-away PostgreSQL server for the tests and `make bench-scale`: Debian's `postgresql` package, `initdb` into a
temporary folder, `pg_ctl start` on a free loopback port, stopped and deleted at the end.

`initdb` refuses to run as root (CI runs as root), so there the server runs as the `postgres`
user the package creates, through `runuser`. No fsync (`-F`): a test server holds nothing worth
keeping, and fsync on a shared 2-core machine would make every commit wait for the disk.

`pg_ctl start` detaches the server into a session of its own, so a test run killed by a signal
(SIGTERM from a CI timeout, SIGINT, even SIGKILL) would leave it running and its folder on disk.
A watchdog process (``python -m sitrep.store.pg_server --watch``, in a session of its own too,
so that killing the run's process group spares it) holds the read end of a pipe whose write end
only the starting process has: when that process ends, however it ends, the pipe closes and the
watchdog stops the server and deletes the folder. A watchdog rather than signal handlers: a
library must not take over its host's handlers (pytest has its own), and no handler runs on
SIGKILL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


class ServerUnavailable(Exception):
    """PostgreSQL is not installed, or the server would not start (the reason is the message)."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ServerUnavailable("PostgreSQL is not installed (apt-get install -y postgresql; "
                            ".ci/run does it)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """``with PostgresServer() as server: server.url`` — a running server, superuser ``postgres``
    with trust authentication on 127.0.0.1 only."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._as_user: list[str] = []
        self._watchdog: subprocess.Popen | None = None
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self._as_user, *command], capture_output=True, text=True,
                                timeout=120)
        if result.returncode:
            raise ServerUnavailable(f"{Path(command[0]).name} failed: "
                                    f"{(result.stderr or result.stdout).strip()[-800:]}")

    def start(self) -> PostgresServer:
        self._watch()
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -F"
                   " -c max_connections=50 -c shared_buffers=32MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "server.log"), "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        _stop(self.bin, self.folder, self._as_user)
        if self._watchdog is not None:  # nothing left for it to do: let it go
            self._watchdog.stdin.close()
            self._watchdog.wait(timeout=60)
            self._watchdog = None

    def _watch(self) -> None:
        """Start the watchdog that stops the server if this process ends without stop()."""
        self._watchdog = subprocess.Popen(
            [sys.executable, "-m", "sitrep.store.pg_server", "--watch", str(self.folder),
             str(self.bin), *self._as_user],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, start_new_session=True)

    def __enter__(self) -> PostgresServer:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def new_schema_url(self, name: str) -> str:
        """A URL whose tables live in a new, empty schema ``name`` (one per test: much faster
        than a database per test, and as separate)."""
        return new_schema_url(self.url, name)


def _stop(bin_dir: Path, folder: Path, as_user: list[str]) -> None:
    """Stop the server whose data is in ``folder``/data, if it runs, and delete ``folder``."""
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        # immediate: a test server holds nothing to flush, and a killed run should not wait
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def _watch(folder: Path, bin_dir: Path, as_user: list[str]) -> None:
    """The watchdog: wait until the starting process closes our stdin (it stopped the server,
    or it died), then make sure the server is stopped and its folder gone."""
    import signal

    # the run's Ctrl-C reaches its whole terminal group; this process must outlive it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while sys.stdin.buffer.read(4096):
        pass
    _stop(bin_dir, folder, as_user)


def new_schema_url(url: str, name: str) -> str:
    """A URL of the database at ``url`` whose tables live in the new, empty schema ``name``."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{name}"')
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] != "--watch":
        sys.exit("usage: python -m sitrep.store.pg_server --watch FOLDER BIN_DIR [AS_USER ...]"
                 " (started by PostgresServer, not by hand)")
    _watch(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:])
