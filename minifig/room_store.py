"""Where rooms live: in the server's memory (the default: nothing to install) or in Redis, shared by replicas.

    MINIFIG_ROOM_STORE unset or "memory"   one server: the board and its learners must be served by the same process
    MINIFIG_ROOM_STORE=redis://host:port/db every replica reads and writes the same rooms

A room is one Redis hash, `minifig:room:<key>`, field = learner id, value = the entry's JSON; every post pushes the
hash's expiry `ENTRY_HOURS` ahead, and entries older than that are dropped when the board reads them.

Learners do not write to the store themselves: they hand their latest progress to the server's `Poster`, which
writes every learner who has news at most once a second (in one round trip), so a slow or absent store never slows
anyone's page or training.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Protocol

from minifig.room import ENTRY_HOURS

STORE_ENV = "MINIFIG_ROOM_STORE"
TTL_SECONDS = ENTRY_HOURS * 3600
POST_SECONDS = 1.0
MAX_ENTRIES = 200  # a room bigger than any class: more learners are not shown
log = logging.getLogger(__name__)


class RoomUnavailable(RuntimeError):
    """The store cannot be reached (Redis down, refused, timed out)."""


class RoomStore(Protocol):
    def post(self, entries: dict[tuple[str, str], dict]) -> None:
        """Write entries, keyed (room, learner id), each replacing that learner's previous one."""

    def entries(self, room: str, now: float) -> list[dict]:
        """The room's entries that have not expired."""

    def clear(self, room: str) -> None:
        """Forget everyone in the room."""


class MemoryStore:
    """The rooms of this one server process."""

    def __init__(self) -> None:
        self._rooms: dict[str, dict[str, dict]] = {}
        self._lock = threading.Lock()

    def post(self, entries: dict[tuple[str, str], dict]) -> None:
        with self._lock:
            for (room, learner), entry in entries.items():
                self._rooms.setdefault(room, {})[learner] = entry

    def entries(self, room: str, now: float) -> list[dict]:
        with self._lock:
            members = self._rooms.get(room, {})
            for learner in [k for k, entry in members.items() if now - entry.get("last", 0.0) > TTL_SECONDS]:
                del members[learner]
            if not members:
                self._rooms.pop(room, None)
            return list(members.values())[:MAX_ENTRIES]

    def clear(self, room: str) -> None:
        with self._lock:
            self._rooms.pop(room, None)


class RedisStore:
    """Rooms in Redis (`redis://host:port/db`), shared by every replica pointed at it."""

    def __init__(self, url: str) -> None:
        import redis

        self._errors = redis.RedisError
        self._redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30)

    def post(self, entries: dict[tuple[str, str], dict]) -> None:
        with self._failures():
            pipe = self._redis.pipeline(transaction=False)
            for (room, learner), entry in entries.items():
                pipe.hset(_key(room), learner, json.dumps(entry, separators=(",", ":")))
                pipe.expire(_key(room), TTL_SECONDS)
            pipe.execute()

    def entries(self, room: str, now: float) -> list[dict]:
        with self._failures():
            raw = self._redis.hgetall(_key(room))
        entries, stale = [], []
        for learner, text in raw.items():
            try:
                entry = json.loads(text)
            except ValueError:
                entry = None
            if not isinstance(entry, dict) or now - _number(entry.get("last")) > TTL_SECONDS:
                stale.append(learner)
            else:
                entries.append(entry)
        if stale:
            with self._failures():
                self._redis.hdel(_key(room), *stale)
        return entries[:MAX_ENTRIES]

    def clear(self, room: str) -> None:
        with self._failures():
            self._redis.delete(_key(room))

    def _failures(self):
        return _Translate(self._errors)


class _Translate:
    """Turns the client's errors into `RoomUnavailable` (the page says so in words)."""

    def __init__(self, errors: type[Exception]) -> None:
        self.errors = errors

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, _) -> None:
        if error is not None and isinstance(error, self.errors):
            raise RoomUnavailable(str(error)) from error


def store_from_env(environ: dict[str, str] | None = None) -> RoomStore:
    """The store `MINIFIG_ROOM_STORE` names (memory when unset).

    Raises:
        ValueError: the setting is neither "memory" nor a redis:// (rediss://, unix://) address.
    """
    url = ((os.environ if environ is None else environ).get(STORE_ENV) or "memory").strip()
    if url == "memory":
        return MemoryStore()
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisStore(url)
    raise ValueError(
        f"Received an invalid value for `{STORE_ENV}`, expected memory or redis://host:port/db. Received: {url!r}"
    )


class Poster:
    """Writes learners' progress to the store: each learner at most once every `every` seconds, all in one write.

    `note(room, learner, make_entry, live)` is cheap (the page may call it every epoch): it keeps only the learner's
    latest `make_entry`, called when the next write is due. A `live` learner (training) is asked again at every
    write until it is noted not live, so its entry follows the training without any call from the page.
    """

    def __init__(
        self,
        store: RoomStore,
        every: float = POST_SECONDS,
        clock: Callable[[], float] = time.time,
        background: bool = True,
    ):
        """`background=False`: no thread, the caller calls `flush` (tests)."""
        self.store, self.every, self.clock, self.background = store, every, clock, background
        self._pending: dict[tuple[str, str], tuple[Callable[[float], dict], bool]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def note(self, room: str, learner: str, make_entry: Callable[[float], dict], live: bool = False) -> None:
        with self._lock:
            self._pending[(room, learner)] = (make_entry, live)
            if self._thread is None and self.background:
                self._thread = threading.Thread(target=self._run, name="minifig-room-poster", daemon=True)
                self._thread.start()

    def flush(self) -> int:
        """Write every learner with news now; returns how many entries were written."""
        now = self.clock()
        with self._lock:
            due = dict(self._pending)
            self._pending = {key: value for key, value in due.items() if value[1]}  # live learners stay
        entries = {}
        for key, (make_entry, _) in due.items():
            try:
                entries[key] = make_entry(now)
            except Exception:  # noqa: BLE001 - one learner's bad entry must not stop the others' posts
                log.exception("a learner's progress could not be read")
        if entries:
            try:
                self.store.post(entries)
            except RoomUnavailable:
                with self._lock:  # kept for the next write, unless newer news came meanwhile
                    for key, value in due.items():
                        self._pending.setdefault(key, value)
                raise
        return len(entries)

    def _run(self) -> None:
        while True:
            started = time.monotonic()
            try:
                self.flush()
            except RoomUnavailable as error:  # the next write brings the room up to date
                log.warning("the room store cannot be reached: %s", error)
            except Exception:  # noqa: BLE001 - the poster must outlive any one failure
                log.exception("posting progress to the room failed")
            time.sleep(max(0.0, self.every - (time.monotonic() - started)))


def _key(room: str) -> str:
    return f"minifig:room:{room}"


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
