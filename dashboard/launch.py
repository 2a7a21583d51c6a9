"""Starting the dashboard: `streamlit run dashboard/app.py` on a store, headless, with no usage statistics."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from dashboard.source import DB_ENV, current_source


def streamlit_command(db_path: Path, host: str, port: int) -> list[str]:
    """The command line that serves the app on host:port for the store at db_path."""
    app = Path(__file__).resolve().with_name("app.py")
    return [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.address", host,
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--client.toolbarMode", "viewer",
        "--", "--db", str(db_path),
    ]


def check_port_free(host: str, port: int) -> None:
    """OSError in one line when the port is out of range or already taken, before Streamlit starts."""
    if not 1 <= port <= 65535:
        raise ValueError(f"port must be between 1 and 65535, not {port}")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def launch(db_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 8501) -> int:
    """Serve the dashboard until interrupted; returns Streamlit's exit code."""
    path = Path(db_path).resolve()
    source = current_source(path)  # no store at all: a one-line StoreError, not a blank app
    check_port_free(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    print(f"healthclaims dashboard: http://{shown_host}:{port}/  (reading {source.path.name} read-only;"
          " press Ctrl+C to stop)", flush=True)
    env = dict(os.environ, **{DB_ENV: str(path)})
    proc = subprocess.Popen(streamlit_command(path, host, port), env=env)
    # Whoever stops this command (a terminal closing, a service manager, a test) must stop the server
    # too, or it would run on, orphaned, holding the port.
    previous = {sig: signal.signal(sig, lambda signum, _frame: proc.send_signal(signum))
                for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        # Ctrl+C reaches Streamlit too; give it a moment to shut down cleanly before insisting.
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
