"""Editing the head's list of bricks: add, move, remove, and applying a drag-and-drop.

Pure functions over a list (of whatever the page keeps per brick), so every drag has a
click/keyboard twin and both are tested without a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from minifig.spec import MAX_LAYERS

Item = TypeVar("Item")

PALETTE, HEAD = "palette", "head"
PALETTE_ITEM_PREFIX = "pal_"


@dataclass(frozen=True)
class Drop:
    """A finished drag: where from and to, which item, at which positions (as streamlit-dnd reports)."""

    from_container: str
    to_container: str
    item_key: str | None
    from_index: int
    to_index: int


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


def apply_drop(items: list[Item], drop: Drop, new_item: Callable[[str], Item]) -> list[Item]:
    """The head after a drag-and-drop.

    A palette card dropped on the head is a new brick (made by `new_item(card_id)`) at the drop point;
    a head brick dropped elsewhere in the head moves; a head brick dropped on the palette is removed.
    Anything else leaves the head as it was.
    """
    if drop.to_container == HEAD and drop.from_container == PALETTE:
        key = drop.item_key or ""
        if not key.startswith(PALETTE_ITEM_PREFIX):
            return list(items)
        return add(items, new_item(key.removeprefix(PALETTE_ITEM_PREFIX)), drop.to_index)
    if drop.from_container == HEAD and drop.to_container == HEAD:
        # streamlit-dnd counts the target position before the item leaves its old place.
        target = drop.to_index - 1 if drop.to_index > drop.from_index else drop.to_index
        return move(items, drop.from_index, target)
    if drop.from_container == HEAD and drop.to_container == PALETTE:
        return remove(items, drop.from_index)
    return list(items)
