"""The board page walked through AppTest: what is in the room store is shown sorted, counted and escaped, and only
the board link opens it."""

import time

from streamlit.testing.v1 import AppTest

from components.room import room_store
from minifig import challenge, signing
from tests.app.conftest import APP

MADE = challenge.Challenge("gauss", "val_accuracy", 0.9, validation_split=0.2)
ROOM = "room-app-board"


def board_page(query: dict) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update(query)
    return app.run()


def test_the_board_shows_the_room_sorted_counted_and_every_name_literally():
    secret = signing.server_secret()
    sealed = signing.read_board_link(
        {key: [value] for key, value in signing.board_query(MADE, ROOM, secret).items()}, secret
    )
    now = time.time()
    entries = {
        "a": {"id": "a", "nickname": "slow_one_", "last": now, "reached": now - 50, "score": 0.97},
        "b": {"id": "b", "nickname": "first", "last": now, "reached": now - 90, "score": 0.93},
        "c": {"id": "c", "nickname": "**bold** <b>x</b>", "last": now, "score": 0.5, "training": True},
        "d": {"id": "d", "nickname": "민아", "last": now, "score": 0.8},
    }
    store = room_store()
    store.clear(sealed.store_key)
    store.post({(sealed.store_key, key): entry for key, entry in entries.items()})

    app = board_page(signing.board_query(MADE, ROOM, secret))
    assert not app.exception and not app.error
    assert [m.value for m in app.metric] == ["4", "1", "2"]  # joined, training now, reached
    table = app.table[0].value
    names = [str(name) for name in table.iloc[:, 1]]
    assert names == ["**first**", r"**slow\_one\_**", "민아", "?"]  # reached first; a name no page allows is "?"
    assert [str(goal).startswith(":material/emoji_events:") for goal in table.iloc[:, 2]] == [True, True, False, False]
    assert app.selectbox(key="board_spotlight").options == ["Nobody", "first", "slow_one_", "민아", "?"]  # plain text

    app.button(key="board_clear").click().run()
    assert not app.exception and store.entries(sealed.store_key, now) == []
    assert [s.value for s in app.success] == ["The room is empty now."] and not app.table


def test_only_the_board_link_opens_the_board():
    secret = signing.server_secret()
    learners = signing.learners_query(MADE, ROOM, secret)
    as_board = board_page({**learners, signing.BOARD: learners[signing.SEAL]})
    assert not as_board.exception and not as_board.table and not as_board.metric
    assert any("This board link does not match its challenge" in e.value for e in as_board.error)
    learner = board_page(learners)
    assert not learner.exception and not learner.metric and learner.text_input(key="nickname")
