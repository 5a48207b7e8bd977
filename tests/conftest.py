"""Shared by every layer of tests: a Redis server of the tests' own (the room store), Hypothesis's profiles
(`default` for `make test`, `fuzz` (HYPOTHESIS_PROFILE=fuzz, `make fuzz`) for many more generated cases), and the
`slow` mark: cases that take minutes each (e.g. Keras's own fit of every preset's exported script) run in
`make test-all` (MINIFIG_SLOW=1), not in `make test`, which keeps a fast case of each kind."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.processes import stop

_PATIENT = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("default", **_PATIENT)
settings.register_profile("fuzz", max_examples=2000, **_PATIENT)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
SLOW = os.environ.get("MINIFIG_SLOW") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SLOW:
        return
    later = pytest.mark.skip(reason="slow: `make test-all` runs it (MINIFIG_SLOW=1)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(later)


REDIS_SERVER = "/usr/bin/redis-server"
REDIS_START_SECONDS = 15


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_redis(directory: Path) -> Iterator[str]:
    """`redis-server` on a free local port, keeping nothing on disk; yields its redis:// URL, then stops it."""
    import redis

    port = free_port()
    command = [
        shutil.which("redis-server") or REDIS_SERVER,
        *("--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
        *("--dir", str(directory), "--logfile", str(directory / "redis.log")),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client, deadline = redis.Redis.from_url(url, socket_timeout=1), time.monotonic() + REDIS_START_SECONDS
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {port}") from None
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        stop(server)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis of the tests' own. Without redis-server the tests that need it skip, except on CI (CI=true), where
    they fail: `.ci/run` installs it."""
    if not (shutil.which("redis-server") or Path(REDIS_SERVER).exists()):
        message = "redis-server is missing: apt-get install redis-server"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with running_redis(tmp_path_factory.mktemp("redis")) as url:
        yield url
