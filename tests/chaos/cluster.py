"""A throwaway PostgreSQL cluster of the tests' own, to restart at will.

The shared server on 127.0.0.1:5432 is never touched: this one lives in a temporary
directory on a free port and is removed afterwards. ``initdb`` refuses to run as
root, so as root (CI) the cluster is owned and run by the ``postgres`` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_bindir() -> Path | None:
    """Where initdb and pg_ctl are: ``pg_config --bindir``, else the newest Debian install."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key)
    for found in [*reversed(candidates), _pg_config_bindir()]:
        if found and (Path(found) / "initdb").exists() and (Path(found) / "pg_ctl").exists():
            return Path(found)
    return None


def _version_key(path: str) -> tuple[int, ...]:
    part = Path(path).parent.name
    return tuple(int(p) for p in part.split(".") if p.isdigit())


def _pg_config_bindir() -> str | None:
    if shutil.which("pg_config") is None:
        return None
    done = subprocess.run(
        ["pg_config", "--bindir"], capture_output=True, text=True, check=False, timeout=10
    )
    return done.stdout.strip() or None


class ThrowawayCluster:
    """initdb, start, restart (immediate), stop; as the ``postgres`` user when root."""

    def __init__(self, bindir: Path, max_connections: int = 300) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="nqs-chaos-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.max_connections = max_connections
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 120) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            msg = f"{' '.join(args[:2])} failed: {done.stdout}\n{done.stderr}\n{self.log_tail()}"
            raise RuntimeError(msg)

    def init(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root}"
            f" -c max_connections={self.max_connections}"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self.wait_ready()

    def restart_immediately(self) -> None:
        """``pg_ctl restart -m immediate``: every backend killed, crash recovery on start."""
        # -l again: without it the new postmaster would write to (and hold open) our pipe.
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", "immediate", "-w",
            "restart",
        )  # fmt: skip
        self.wait_ready()

    def stop(self, mode: str = "immediate") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.url, connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def destroy(self) -> None:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
