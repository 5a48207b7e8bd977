"""The room store, in memory and in Redis (a redis-server of the tests' own), and the poster that writes to it."""

from __future__ import annotations

import time

import pytest

from minifig import room_store
from minifig.room_store import MemoryStore, Poster, RedisStore, RoomUnavailable, store_from_env
from tests.conftest import free_port

NOW = 1_000_000.0


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest):
    if request.param == "memory":
        return MemoryStore()
    redis_store = RedisStore(request.getfixturevalue("redis_url"))
    redis_store._redis.flushdb()
    return redis_store


def entry(learner: str, last: float = NOW, **more) -> dict:
    return {"id": learner, "nickname": learner.title(), "last": last, **more}


def test_a_post_replaces_the_learners_entry_and_rooms_stay_apart(store):
    store.post({("r1", "a"): entry("a", epochs=1), ("r1", "b"): entry("b"), ("r2", "a"): entry("a", epochs=9)})
    store.post({("r1", "a"): entry("a", epochs=2)})
    assert sorted((e["id"], e.get("epochs")) for e in store.entries("r1", NOW)) == [("a", 2), ("b", None)]
    assert [(e["id"], e["epochs"]) for e in store.entries("r2", NOW)] == [("a", 9)]
    assert store.entries("nobody", NOW) == []


def test_entries_expire_after_the_room_hours_and_clearing_empties_one_room(store):
    store.post({("r1", "old"): entry("old", last=NOW - room_store.TTL_SECONDS - 1), ("r1", "new"): entry("new")})
    store.post({("r2", "other"): entry("other")})
    assert [e["id"] for e in store.entries("r1", NOW)] == ["new"]
    store.clear("r1")
    assert store.entries("r1", NOW) == [] and [e["id"] for e in store.entries("r2", NOW)] == ["other"]


def test_two_replicas_on_one_redis_see_one_room_and_the_room_expires_by_itself(redis_url):
    learners_server, board_server = RedisStore(redis_url), RedisStore(redis_url)
    learners_server.post({("shared", "a"): entry("a", score=0.9)})
    assert board_server.entries("shared", NOW) == [entry("a", score=0.9)]
    ttl = board_server._redis.ttl("minifig:room:shared")
    assert room_store.TTL_SECONDS - 60 < ttl <= room_store.TTL_SECONDS
    board_server._redis.hset("minifig:room:shared", "junk", "{not json")
    assert [e["id"] for e in board_server.entries("shared", NOW)] == ["a"]
    assert board_server._redis.hkeys("minifig:room:shared") == [b"a"]  # what cannot be read is dropped


def test_an_unreachable_redis_is_room_unavailable_not_a_crash():
    nowhere = RedisStore(f"redis://127.0.0.1:{free_port()}/0")
    for call in (lambda: nowhere.entries("r", NOW), lambda: nowhere.post({("r", "a"): entry("a")})):
        with pytest.raises(RoomUnavailable):
            call()


def test_the_store_setting_picks_memory_or_redis_and_refuses_anything_else(redis_url):
    assert isinstance(store_from_env({}), MemoryStore) and isinstance(
        store_from_env({"MINIFIG_ROOM_STORE": ""}), MemoryStore
    )
    assert isinstance(store_from_env({"MINIFIG_ROOM_STORE": redis_url}), RedisStore)
    with pytest.raises(ValueError, match="MINIFIG_ROOM_STORE"):
        store_from_env({"MINIFIG_ROOM_STORE": "postgres://x"})


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[dict] = []
        self.down = False

    def post(self, entries):
        if self.down:
            raise RoomUnavailable("down")
        self.writes.append(entries)
        super().post(entries)


def test_the_poster_writes_each_learner_once_per_write_however_often_it_is_told():
    store = CountingStore()
    poster = Poster(store, clock=lambda: NOW, background=False)  # the test calls flush itself
    made = []
    for epoch in range(50):
        poster.note("r", "a", lambda now, epoch=epoch: made.append(epoch) or entry("a", epochs=epoch))
    poster.note("r", "b", lambda now: entry("b"))
    assert store.writes == [] and made == []  # noting costs nothing: entries are made when written
    assert poster.flush() == 2
    assert made == [49] and store.writes == [{("r", "a"): entry("a", epochs=49), ("r", "b"): entry("b")}]
    assert poster.flush() == 0 and len(store.writes) == 1  # no news, no write


def test_a_training_learner_is_read_again_at_every_write_until_training_ends():
    store = CountingStore()
    poster = Poster(store, clock=lambda: NOW, background=False)
    epochs = [0]
    poster.note("r", "a", lambda now: entry("a", epochs=epochs[0]), live=True)
    seen = []
    for epoch in (3, 7, 12):
        epochs[0] = epoch
        poster.flush()
        seen.append(store.entries("r", NOW)[0]["epochs"])
    poster.note("r", "a", lambda now: entry("a", epochs=12, training=False))
    poster.flush()
    assert seen == [3, 7, 12] and poster.flush() == 0 and len(store.writes) == 4


def test_news_kept_while_the_store_is_down_is_written_when_it_is_back():
    store = CountingStore()
    poster = Poster(store, clock=lambda: NOW, background=False)
    poster.note("r", "a", lambda now: entry("a", epochs=1))
    store.down = True
    with pytest.raises(RoomUnavailable):
        poster.flush()
    store.down = False
    assert poster.flush() == 1 and store.entries("r", NOW)[0]["epochs"] == 1


def test_the_poster_thread_writes_by_itself():
    store = CountingStore()
    poster = Poster(store, every=0.05)
    poster.note("r", "a", lambda now: entry("a", last=now))
    for _ in range(200):
        if store.writes:
            break
        time.sleep(0.02)
    assert [e["id"] for e in store.entries("r", store.writes[0][("r", "a")]["last"])] == ["a"]
