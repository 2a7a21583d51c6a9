"""A private redis-server on a free loopback port, for tests and benchmarks of distributed crawling."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REDIS_SERVER = "/usr/bin/redis-server"


def redis_server_path() -> str | None:
    """The redis-server executable (Debian's first, else one on PATH), or None if not installed."""
    if Path(REDIS_SERVER).exists():
        return REDIS_SERVER
    return shutil.which("redis-server")


def free_port() -> int:
    """A TCP port nobody listens on at this moment, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def local_redis(folder: str | Path | None = None, timeout: float = 10.0) -> Iterator[str]:
    """Run redis-server on 127.0.0.1 with persistence off; yields its redis:// URL, stops it on exit."""
    exe = redis_server_path()
    if exe is None:
        raise OSError("redis-server is not installed (Debian: apt-get install redis-server)")
    with tempfile.TemporaryDirectory(prefix="healthclaims-redis-") as scratch:
        workdir = Path(folder) if folder else Path(scratch)
        port = free_port()
        proc = subprocess.Popen(
            [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(workdir), "--logfile", str(workdir / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_listening(port, proc, timeout)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_until_listening(port: int, proc: subprocess.Popen, timeout: float) -> None:
    """Block until the server answers PING (a bound port alone may not be ready yet)."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.5)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise OSError(f"redis-server exited at start (code {proc.returncode})")
        try:
            if client.ping():
                client.close()
                return
        except redis.ConnectionError:
            time.sleep(0.05)
    proc.kill()
    raise OSError(f"redis-server did not answer on port {port} within {timeout:.0f} s")
