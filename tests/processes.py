"""Servers the tests start for themselves (redis-server, streamlit run): how they are stopped."""

from __future__ import annotations

import subprocess


def stop(server: subprocess.Popen) -> None:
    """Ask `server` to end, and kill it if it has not within ten seconds."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
