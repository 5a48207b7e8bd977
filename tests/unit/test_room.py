"""A room's learners: nicknames limited and shown literally, the progress a learner posts, the board's order."""

from __future__ import annotations

from minifig import challenge, room
from minifig.cards import brick
from minifig.engine import EpochLog
from minifig.spec import FigureSpec, Training

GOAL = challenge.Challenge("gauss", "val_accuracy", 0.9, validation_split=0.2, max_bricks=1)
FIGURE = FigureSpec(
    (brick("dense", units=1, activation="sigmoid"),),
    brick("binary_crossentropy"),
    brick("adam", learning_rate=0.05),
    "gauss",
    Training(30, 16, 0.2, 42),
)


def history(*val_accuracy: float) -> list[EpochLog]:
    return [EpochLog(i + 1, 0.5, 0.8, 0.6, value) for i, value in enumerate(val_accuracy)]


def test_nicknames_are_limited_in_length_and_characters():
    good = {"Mina": "Mina", "  민아   Kim ": "민아 Kim", "o'neil-2_b.": "o'neil-2_b.", "ß" * 20: "ß" * 20}
    bad = {
        "": "room.nickname_empty",
        "   ": "room.nickname_empty",
        None: "room.nickname_empty",
        "x" * 21: "room.nickname_long",
        "<script>": "room.nickname_chars",
        "**bold**": "room.nickname_chars",
        "[a](http://x)": "room.nickname_chars",
        ":red[a]": "room.nickname_chars",
        "a\u200bb": "room.nickname_chars",
        "...": "room.nickname_chars",
    }
    wrong = [text for text, clean in good.items() if room.check_nickname(text) != (clean, None)]
    wrong += [text for text, key in bad.items() if (room.check_nickname(text)[1] or room.Message("")).key != key]
    assert wrong == []


def test_a_shown_name_is_markdown_that_reads_literally():
    shown = {name: room.shown_name({"nickname": name}) for name in ("a_b_", "x.-y", "plain")}
    assert shown == {"a_b_": r"a\_b\_", "x.-y": r"x\.\-y", "plain": "plain"}
    assert room.shown_name({"nickname": "<img src=x>"}) == "?"  # a store entry is checked again


def test_a_member_keeps_its_best_score_and_the_moment_it_first_reached_the_goal():
    member = room.Member("Mina")
    first = member.entry(GOAL, FIGURE, history(0.5, 0.7), "accuracy", True, training=True, now=100.0)
    assert (first["score"], first["reached"], first["epochs"], first["training"]) == (0.7, None, 2, True)
    reached = member.entry(GOAL, FIGURE, history(0.5, 0.95), "accuracy", True, training=False, now=200.0)
    assert (reached["score"], reached["reached"]) == (0.95, 200.0)
    later = member.entry(GOAL, FIGURE, history(0.6), "accuracy", True, training=False, now=300.0)
    assert (later["score"], later["reached"]) == (0.95, 200.0)  # a worse run later keeps both
    assert later["figure"] == FIGURE.to_dict() and room.entry_figure(later) == FIGURE


def test_breaking_the_limits_never_counts_as_reaching_the_goal():
    two_bricks = FigureSpec((FIGURE.head[0], FIGURE.head[0]), FIGURE.torso, FIGURE.legs, "gauss", FIGURE.training)
    entry = room.Member("Mina").entry(GOAL, two_bricks, history(0.99), "accuracy", True, training=False, now=1.0)
    assert entry["reached"] is None and entry["score"] == 0.99


def test_long_curves_are_thinned_but_keep_their_first_and_last_epoch():
    logs = history(*([0.5] * 999 + [0.97]))
    entry = room.Member("Mina").entry(GOAL, FIGURE, logs, "accuracy", True, training=False, now=1.0)
    points = room.entry_history(entry)
    assert len(points) <= room.MAX_CURVE_POINTS + 1
    assert (points[0].epoch, points[-1].epoch, points[-1].val_metric) == (1, 1000, 0.97)
    assert [p.epoch for p in points] == sorted({p.epoch for p in points})


def test_the_board_puts_reached_first_earliest_first_then_the_best_score():
    entries = [
        {"id": "a", "nickname": "slow", "reached": 50.0, "score": 0.99},
        {"id": "b", "nickname": "fast", "reached": 10.0, "score": 0.91},
        {"id": "c", "nickname": "close", "reached": None, "score": 0.88},
        {"id": "d", "nickname": "new", "reached": None, "score": None},
        {"id": "e", "nickname": "far", "reached": None, "score": 0.6},
        {"nickname": "no id"},
        "junk",
    ]
    assert [e["nickname"] for e in room.standings(entries, GOAL)] == ["fast", "slow", "close", "far", "new"]
    lowest = challenge.Challenge("gauss", "loss", 0.2)  # a loss goal: the lowest score is best
    assert [e["nickname"] for e in room.standings(entries[2:5], lowest)] == ["far", "close", "new"]


def test_counts_say_who_joined_who_trains_now_and_who_reached():
    entries = [
        {"id": "a", "training": True, "last": 100.0, "reached": 90.0},
        {"id": "b", "training": True, "last": 100.0 - room.ACTIVE_SECONDS - 1, "reached": None},  # a closed tab
        {"id": "c", "training": False, "last": 100.0, "reached": None},
    ]
    assert room.counts(entries, now=100.0) == room.Counts(joined=3, training=1, reached=1)


def test_entries_read_from_the_store_are_cleaned_field_by_field():
    hostile = {"id": "x", "nickname": 5, "last": "soon", "training": "yes", "epochs": -3, "score": "high"}
    clean = room.clean_entry({**hostile, "reached": True, "metric": "<b>", "curves": [[1, "a", 0, None, None], "x"]})
    assert clean["nickname"] == "" and clean["last"] == 0.0 and clean["training"] is False
    assert clean["epochs"] == 0 and clean["score"] is None and clean["reached"] is None
    assert clean["metric"] == "accuracy" and room.entry_history(clean) == []
    assert room.entry_figure({"figure": {"head": "nope"}}) is None and room.figure_words(None) == "?"
