"""Shared pytest fixtures: a temporary store and a way to run the CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path in a fresh temporary folder."""
    return tmp_path / "test.duckdb"


@pytest.fixture
def cli(capsys):
    """Run `healthclaims ARGS...` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def redis_url(tmp_path: Path):
    """A fresh Debian redis-server on a free loopback port (persistence off); its redis:// URL."""
    from crawler.distributed_server import local_redis, redis_server_path

    if redis_server_path() is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    with local_redis(tmp_path) as url:
        yield url
