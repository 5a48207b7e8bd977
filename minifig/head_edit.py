"""Editing the head's list of bricks: add, move, remove, and applying an event of the bricks component.

Pure functions over a list (of whatever the page keeps per brick), so every drag has a click and a keyboard
twin and all of them are tested without a browser. The component (components/bricks.py) reports one edit per
drop or key press, naming head bricks by their id (not their place), so an edit made on a page that has since
changed moves or removes the brick the learner meant, or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TypeVar

from minifig.spec import MAX_LAYERS

Item = TypeVar("Item")

PALETTE, HEAD = "palette", "head"
PALETTE_ITEM_PREFIX = "pal_"
BRICK_PREFIX = "brick_"  # a head brick's container key: brick_<id>
KINDS = ("add", "move", "remove")


@dataclass(frozen=True)
class Edit:
    """One edit of the head: add `card` at `at`, move brick `brick` to place `at`, or remove brick `brick`."""

    kind: str
    card: str | None = None
    brick: int | None = None
    at: int | None = None


def can_add(items: list) -> bool:
    return len(items) < MAX_LAYERS


def add(items: list[Item], item: Item, at: int | None = None) -> list[Item]:
    """`items` with `item` inserted at `at` (clamped; the end when None), unless the head is full."""
    if not can_add(items):
        return list(items)
    at = len(items) if at is None else max(0, min(at, len(items)))
    return [*items[:at], item, *items[at:]]


def move(items: list[Item], source: int, target: int) -> list[Item]:
    """`items` with the item at `source` moved to position `target` (both clamped)."""
    if not items or not 0 <= source < len(items):
        return list(items)
    rest = [*items[:source], *items[source + 1 :]]
    target = max(0, min(target, len(rest)))
    return [*rest[:target], items[source], *rest[target:]]


def put_first(items: list[Item], is_wanted: Callable[[Item], bool], new_item: Callable[[], Item]) -> list[Item]:
    """`items` with the first wanted item moved to the top, or a new one (`new_item()`) added there."""
    for index, item in enumerate(items):
        if is_wanted(item):
            return move(items, index, 0)
    return add(items, new_item(), 0)


def remove(items: list[Item], index: int) -> list[Item]:
    return [item for i, item in enumerate(items) if i != index]


def parse_event(event: object, cards: Collection[str]) -> Edit | None:
    """The edit a component event asks for, or None when it asks for nothing this page knows.

    Args:
        event: what the component sent, e.g. `{"kind": "add", "card": "dense", "at": 2}`,
            `{"kind": "move", "brick": 7, "at": 0}` or `{"kind": "remove", "brick": 7}`
            (other keys, such as the event's `id`, are ignored). `at` may be left out: the end.
        cards: the ids of the cards the palette offers.

    Returns:
        The `Edit`, or None for anything malformed (a missing or unknown card, a brick that is not a whole
        number, a place that is not a whole number).
    """
    if not isinstance(event, dict) or event.get("kind") not in KINDS:
        return None
    kind, at = event["kind"], event.get("at")
    if at is not None and not _whole(at):
        return None
    if kind == "add":
        card = event.get("card")
        return Edit("add", card=card, at=at) if isinstance(card, str) and card in cards else None
    brick = event.get("brick")
    if not _whole(brick):
        return None
    return Edit(kind, brick=brick, at=at)


def apply_edit(
    items: list[Item], edit: Edit, new_item: Callable[[str], Item], uid_of: Callable[[Item], int]
) -> list[Item]:
    """The head after `edit`.

    A new brick (made by `new_item(card)` only when the head has room) goes in at `edit.at`, or last; a moved
    brick goes to place `edit.at` counted in the head as it will be (0 = top; past the end = last); a removed
    brick leaves. An edit naming a brick that is no longer in the head changes nothing.
    """
    if edit.kind == "add":
        return add(items, new_item(edit.card), edit.at) if can_add(items) else list(items)
    places = [i for i, item in enumerate(items) if uid_of(item) == edit.brick]
    if not places:
        return list(items)
    if edit.kind == "remove":
        return remove(items, places[0])
    return move(items, places[0], len(items) if edit.at is None else edit.at)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
