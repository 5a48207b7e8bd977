"""Sealed challenge links: the seal holds only for the challenge the teacher made, the board key is its own, and the
secret is the server's (from the environment, or one file made once)."""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import replace

import pytest

from minifig import challenge, signing
from minifig.cards import brick
from minifig.challenge import ChallengeError

SECRET = b"a test secret"
ROOM = "room-1"
GAUSS = challenge.Challenge(
    "gauss", "val_accuracy", 0.9, max_bricks=2, max_units=8, legs=brick("adam", learning_rate=0.05), hidden=("legs",)
)


def as_query(params: dict[str, str]) -> dict[str, list[str]]:
    return {key: [value] for key, value in params.items()}


def refusal(query: dict[str, list[str]], read=signing.read_learners_link) -> list[str]:
    with pytest.raises(ChallengeError) as raised:
        read(query, SECRET)
    return [problem.key for problem in raised.value.problems]


def test_a_sealed_learners_link_reads_back_the_same_challenge_and_room():
    sealed = signing.read_learners_link(as_query(signing.learners_query(GAUSS, ROOM, SECRET)), SECRET)
    assert sealed.challenge == GAUSS and sealed.room == ROOM


def test_every_one_character_change_to_the_learners_link_is_refused():
    query = signing.learners_query(GAUSS, ROOM, SECRET)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    accepted = []
    for name in (challenge.PARAM, signing.ROOM, signing.SEAL):
        for i, old in enumerate(query[name]):
            new = alphabet[(alphabet.index(old) + 1) % len(alphabet)] if old in alphabet else "A"
            changed = {**query, name: query[name][:i] + new + query[name][i + 1 :]}
            try:
                signing.read_learners_link(as_query(changed), SECRET)
                accepted.append(f"{name}[{i}]")
            except ChallengeError as error:
                assert [p.key for p in error.problems] == ["seal.broken_learners"], (name, i)
    assert accepted == []


def test_a_raised_limit_or_a_lowered_goal_re_encoded_is_refused():
    query = signing.learners_query(GAUSS, ROOM, SECRET)
    raw = json.loads(base64.urlsafe_b64decode(query[challenge.PARAM] + "=="))
    edits = {"bricks": 12, "units": 512, "target": 0.5, "hide": [], "legs": {"card": "adam", "params": {}}}
    accepted = []
    for key, value in edits.items():
        payload = base64.urlsafe_b64encode(json.dumps({**raw, key: value}).encode()).decode().rstrip("=")
        challenge.parse(payload)  # the edited challenge itself is a valid one: only the seal refuses it
        if refusal(as_query({**query, challenge.PARAM: payload})) != ["seal.broken_learners"]:
            accepted.append(key)
    re_encoded = challenge.encode(replace(GAUSS, max_bricks=5))
    assert refusal(as_query({**query, challenge.PARAM: re_encoded})) == ["seal.broken_learners"]
    assert accepted == []


def test_an_unsealed_challenge_link_is_refused_with_its_own_message():
    old_link = {challenge.PARAM: [challenge.encode(GAUSS)]}  # as links were before they were sealed
    assert refusal(old_link) == ["seal.missing_learners"]
    assert refusal({**old_link, signing.ROOM: [ROOM]}) == ["seal.missing_learners"]


def test_a_seal_made_with_another_secret_is_refused():
    query = as_query(signing.learners_query(GAUSS, ROOM, b"another server"))
    assert refusal(query) == ["seal.broken_learners"]


def test_the_learners_link_does_not_open_the_board_and_the_board_key_is_not_the_seal():
    learners = signing.learners_query(GAUSS, ROOM, SECRET)
    board = signing.board_query(GAUSS, ROOM, SECRET)
    assert board[signing.BOARD] != learners[signing.SEAL]
    assert not signing.wants_board(as_query(learners))
    as_board = as_query({**learners, signing.BOARD: learners[signing.SEAL]})  # the seal offered as the board key
    assert refusal(as_board, signing.read_board_link) == ["seal.broken_board"]
    assert refusal(as_query(learners), signing.read_board_link) == ["seal.missing_board"]
    sealed = signing.read_board_link(as_query(board), SECRET)
    assert (
        sealed.challenge == GAUSS
        and sealed.store_key == signing.read_learners_link(as_query(learners), SECRET).store_key
    )


def test_the_board_key_is_a_keyed_hash_under_its_own_purpose_not_a_function_of_the_seal():
    """Two rooms whose seals are known: their board keys share nothing a learner could compute from the seals."""
    keys = {
        room: (signing.key_for("learners", room, "p", SECRET), signing.key_for("board", room, "p", SECRET))
        for room in ("a", "b", "c")
    }
    for seal, board in keys.values():
        assert seal != board and len(seal) == len(board) == 22
    assert signing.key_for("board", "a", "p", b"other") != keys["a"][1]  # without the secret it differs
    assert len({board for _, board in keys.values()}) == 3
    with pytest.raises(ValueError, match="purpose"):
        signing.key_for("teacher", "a", "p", SECRET)


def test_the_secret_comes_from_the_environment_or_one_file_made_once(tmp_path):
    path = tmp_path / "secret"
    assert signing.server_secret({"MINIFIG_SECRET": "shared"}, path) == b"shared" and not path.exists()
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(signing.server_secret({}, path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and len(results[0]) >= 40  # every caller read the one secret made
    assert signing.server_secret({}, path) == results[0]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["secret"]  # no drafts left behind


def test_an_app_directory_that_cannot_be_written_gives_a_secret_for_this_process_only(tmp_path):
    (tmp_path / "app").write_text("a file where the directory should be")  # (root writes any read-only directory)
    made = signing.server_secret({}, tmp_path / "app" / "secret")
    assert len(made) >= 40 and made != signing.server_secret({}, tmp_path / "app" / "secret")
