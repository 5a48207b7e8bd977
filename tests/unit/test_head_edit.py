import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minifig.cards import LAYER, cards_of
from minifig.head_edit import Edit, add, apply_edit, can_add, move, parse_event, put_first, remove
from minifig.spec import MAX_LAYERS

CARDS = [card.id for card in cards_of(LAYER)]


def head(*uids):
    return [{"uid": uid, "card": "dense"} for uid in uids]


def uids(items):
    return [item["uid"] for item in items]


FRESH = itertools.count(100)  # new bricks' ids, as the page hands them out: never one twice


def after(items, event, cards=CARDS):
    """The head after the component's `event`, as the page applies it."""
    edit = parse_event(event, cards)
    if edit is None:
        return list(items)
    return apply_edit(items, edit, lambda card: {"uid": next(FRESH), "card": card}, lambda item: item["uid"])


def test_a_card_dropped_on_the_head_is_a_new_brick_at_the_drop_point():
    new = after(head(1, 2), {"id": "e1", "kind": "add", "card": "dropout", "at": 1})
    assert [item["card"] for item in new] == ["dense", "dropout", "dense"]
    assert uids(new)[::2] == [1, 2] and uids(new)[1] >= 100


def test_a_card_dropped_on_an_empty_head_is_its_only_brick():
    assert [item["card"] for item in after([], {"kind": "add", "card": "flatten", "at": 0})] == ["flatten"]


def test_a_card_added_by_key_without_a_place_goes_last():
    for event in ({"kind": "add", "card": "dropout"}, {"kind": "add", "card": "dropout", "at": 9}):
        new = after(head(1, 2), event)
        assert uids(new)[:2] == [1, 2] and new[2]["card"] == "dropout"


@pytest.mark.parametrize(
    ("brick", "at", "expected"),
    [(1, 2, [2, 3, 1]), (1, 9, [2, 3, 1]), (3, 0, [3, 1, 2]), (1, 1, [2, 1, 3]), (2, 1, [1, 2, 3]), (2, -4, [2, 1, 3])],
)
def test_dragging_a_brick_within_the_head_puts_it_at_the_place_dropped(brick, at, expected):
    assert uids(after(head(1, 2, 3), {"kind": "move", "brick": brick, "at": at})) == expected


def test_a_brick_dragged_out_or_deleted_by_key_leaves_the_head():
    assert uids(after(head(1, 2, 3), {"kind": "remove", "brick": 2})) == [1, 3]


def test_an_edit_of_a_brick_no_longer_in_the_head_changes_nothing():
    """The learner pressed a key on a page that changed since (e.g. the brick was removed by its button)."""
    assert uids(after(head(1, 2), {"kind": "remove", "brick": 7})) == [1, 2]
    assert uids(after(head(1, 2), {"kind": "move", "brick": 7, "at": 0})) == [1, 2]


@pytest.mark.parametrize(
    "event",
    [
        None,
        "add",
        [],
        {},
        {"kind": "explode"},
        {"kind": "add"},
        {"kind": "add", "card": "no_such_card"},
        {"kind": "add", "card": "mse"},  # a torso card is no head brick
        {"kind": "add", "card": "dense", "at": "top"},
        {"kind": "add", "card": "dense", "at": 1.5},
        {"kind": "move", "brick": "1", "at": 0},
        {"kind": "move", "brick": True, "at": 0},
        {"kind": "remove"},
        {"kind": "remove", "brick": None},
    ],
)
def test_a_malformed_event_changes_nothing(event):
    assert parse_event(event, CARDS) is None
    assert after(head(1, 2), event) == head(1, 2)


def test_a_full_head_refuses_another_brick_and_makes_none():
    made = []
    full = head(*range(MAX_LAYERS))
    edit = Edit("add", card="dense", at=0)
    assert not can_add(full)
    assert apply_edit(full, edit, lambda card: made.append(card), lambda item: item["uid"]) == full
    assert made == []
    assert add(full, "one more") == full


def test_move_up_down_and_remove_buttons():
    assert move(["a", "b", "c"], 1, 0) == ["b", "a", "c"]
    assert move(["a", "b", "c"], 1, 2) == ["a", "c", "b"]
    assert move(["a", "b"], 0, -1) == ["a", "b"]
    assert move(["a", "b"], 5, 0) == ["a", "b"]
    assert remove(["a", "b", "c"], 1) == ["a", "c"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ["norm-new"]),
        (["a", "b"], ["norm-new", "a", "b"]),
        (["a", "norm", "b"], ["norm", "a", "b"]),  # one already there moves up; no second one
        (["norm", "a"], ["norm", "a"]),
        (["a", "norm", "norm"], ["norm", "a", "norm"]),
    ],
)
def test_put_first_moves_the_wanted_brick_to_the_top_or_adds_one_there(items, expected):
    assert put_first(items, lambda item: item == "norm", lambda: "norm-new") == expected


def test_put_first_on_a_full_head_without_the_brick_changes_nothing():
    full = [f"b{i}" for i in range(MAX_LAYERS)]
    assert put_first(full, lambda item: item == "norm", lambda: "norm-new") == full


EVENTS = st.one_of(
    st.fixed_dictionaries({"kind": st.just("add"), "card": st.sampled_from(CARDS), "at": st.integers(-2, 12)}),
    st.fixed_dictionaries({"kind": st.sampled_from(["move", "remove"]), "brick": st.integers(0, 12)}),
    st.fixed_dictionaries({"kind": st.just("move"), "brick": st.integers(0, 12), "at": st.integers(-2, 12)}),
)


@settings(deadline=None)  # a shared 2-core machine: timing is no part of this rule
@given(start=st.lists(st.integers(0, 12), unique=True, max_size=MAX_LAYERS), events=st.lists(EVENTS, max_size=20))
def test_any_run_of_edits_keeps_the_head_whole(start, events):
    """Whatever the learner drags and presses: never more than the head holds, no brick twice, and only an add
    makes a brick and only a remove takes one away."""
    items = head(*start)
    for event in events:
        before = uids(items)
        items = after(items, event)
        now = uids(items)
        assert len(now) <= MAX_LAYERS
        assert len(set(now)) == len(now)
        if event["kind"] == "move":
            assert sorted(now) == sorted(before)
        elif event["kind"] == "remove":
            assert set(now) == set(before) - {event["brick"]}
        else:
            assert set(before) <= set(now) and len(now) - len(before) == (1 if len(before) < MAX_LAYERS else 0)
