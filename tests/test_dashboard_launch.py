"""`healthclaims dashboard`: the Streamlit command it runs, and one-line errors before anything starts."""

from __future__ import annotations

import socket
from pathlib import Path

from dashboard.launch import streamlit_command
from tests.dashboard_store import build_dashboard_store


def test_streamlit_runs_headless_without_usage_statistics_on_the_given_store():
    command = streamlit_command(Path("/data/news.duckdb"), "127.0.0.1", 8600)
    assert command[1:4] == ["-m", "streamlit", "run"]
    assert command[4].endswith("dashboard/app.py")
    options = dict(zip(command[5:-3:2], command[6:-3:2]))
    assert options["--server.headless"] == "true"
    assert options["--browser.gatherUsageStats"] == "false"
    assert options["--server.address"] == "127.0.0.1" and options["--server.port"] == "8600"
    assert command[-3:] == ["--", "--db", "/data/news.duckdb"]


def test_missing_store_is_a_one_line_error(cli, tmp_path):
    code, out, err = cli("dashboard", "--db", tmp_path / "none.duckdb", "--port", "1")
    assert code == 2
    assert err == (f"healthclaims dashboard: error: no store at {tmp_path / 'none.duckdb'}: run "
                   f"`healthclaims run --db {tmp_path / 'none.duckdb'}` first\n")


def test_busy_or_impossible_port_is_a_one_line_error(cli, tmp_path):
    db = tmp_path / "store.duckdb"
    build_dashboard_store(db)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = cli("dashboard", "--db", db, "--port", port)
    assert code == 2 and err.startswith(f"healthclaims dashboard: error: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1
    code, _, err = cli("dashboard", "--db", db, "--port", "70000")
    assert (code, err) == (2, "healthclaims dashboard: error: port must be between 1 and 65535, not 70000\n")


def test_stopping_the_command_stops_the_server(tmp_path):
    """SIGTERM to `healthclaims dashboard` must not leave Streamlit running, orphaned, on the port."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    db = tmp_path / "store.duckdb"
    build_dashboard_store(db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).with_name("healthclaims")), "dashboard", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, HOME=str(tmp_path)))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) is not None
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # the port is free again once the server has gone
        with socket.socket() as again:
            # SO_REUSEADDR: connections the server closed linger in TIME_WAIT on the port for a minute;
            # only a listener still bound to it should make this bind fail.
            again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                again.bind(("127.0.0.1", port))
                return
            except OSError:
                time.sleep(0.3)
    raise AssertionError(f"something still listens on port {port} after the command was stopped")
