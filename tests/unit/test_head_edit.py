import pytest

from minifig.head_edit import Drop, add, apply_drop, can_add, move, put_first, remove
from minifig.spec import MAX_LAYERS


def new(card):
    return f"new-{card}"


def test_palette_card_dropped_on_head_is_inserted_at_the_drop_point():
    drop = Drop("palette", "head", "pal_dropout", 1, 1)
    assert apply_drop(["a", "b"], drop, new) == ["a", "new-dropout", "b"]


def test_palette_card_dropped_past_the_end_goes_last():
    assert apply_drop(["a"], Drop("palette", "head", "pal_dense", 0, 9), new) == ["a", "new-dense"]


@pytest.mark.parametrize(
    ("source", "to_index", "expected"),
    [(0, 3, ["b", "c", "a"]), (2, 0, ["c", "a", "b"]), (0, 2, ["b", "a", "c"]), (1, 1, ["a", "b", "c"])],
)
def test_dragging_within_the_head_reorders(source, to_index, expected):
    assert apply_drop(["a", "b", "c"], Drop("head", "head", "x", source, to_index), new) == expected


def test_head_brick_dragged_to_the_palette_is_removed():
    assert apply_drop(["a", "b", "c"], Drop("head", "palette", "x", 1, 0), new) == ["a", "c"]


def test_reordering_the_palette_changes_nothing():
    assert apply_drop(["a"], Drop("palette", "palette", "pal_dense", 0, 2), new) == ["a"]


def test_unknown_palette_item_changes_nothing():
    assert apply_drop(["a"], Drop("palette", "head", None, 0, 0), new) == ["a"]


def test_full_head_refuses_another_brick():
    full = [str(i) for i in range(MAX_LAYERS)]
    assert not can_add(full)
    assert add(full, "one more") == full
    assert apply_drop(full, Drop("palette", "head", "pal_dense", 0, 0), new) == full


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
