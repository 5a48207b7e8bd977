"""The sentences of bricks in the hand (dragging and keys for palette and head), in English and Korean.

Merged into `minifig.i18n.STRINGS`. `{card}` is a brick's name, `{n}` a place in the head (1 = top), `{count}`
the number of head bricks; the page fills them in the browser, so they stay placeholders here.
"""

from __future__ import annotations

BRICK_STRINGS: dict[str, dict[str, str]] = {
    "bricks.palette_help": {
        "en": "Drag a brick by any part of its card into the head, or press + (or Tab to a card and press Enter).",
        "ko": "블록 카드의 아무 곳이나 잡아 머리로 끌어 놓거나 + 를 누르세요. "
        "Tab 키로 카드를 고르고 Enter 키를 눌러도 됩니다.",
    },
    "bricks.head_keys": {
        "en": "Drag a brick up or down to move it; drag it back onto the bricks to take it out. "
        "Keys: Alt+↑ / Alt+↓ moves the chosen brick, Delete takes it out.",
        "ko": "블록을 위아래로 끌어 옮기고, 블록 목록으로 다시 끌어 놓으면 빠집니다. "
        "키보드: Alt+↑ / Alt+↓ 로 고른 블록을 옮기고, Delete 키로 뺍니다.",
    },
    "bricks.drop_here": {
        "en": "The head is empty. Drag a brick here, or press + on a brick.",
        "ko": "머리가 비어 있습니다. 블록을 여기로 끌어 놓거나 블록의 + 를 누르세요.",
    },
    "bricks.card": {
        "en": "{card} brick: press Enter to put it into the head",
        "ko": "{card} 블록: Enter 키를 누르면 머리에 들어갑니다",
    },
    "bricks.brick": {
        "en": "Head brick {n} of {count}, {card}: Alt+Up or Alt+Down moves it, Delete takes it out",
        "ko": "머리 블록 {count}개 중 {n}번째, {card}: Alt+위 또는 Alt+아래 화살표로 옮기고 Delete 키로 뺍니다",
    },
    "bricks.added": {
        "en": "{card} goes into the head at place {n}.",
        "ko": "{card} 블록을 머리의 {n}번째 자리에 넣습니다.",
    },
    "bricks.moved": {"en": "{card} moves to place {n}.", "ko": "{card} 블록을 {n}번째 자리로 옮깁니다."},
    "bricks.removed": {"en": "{card} comes out of the head.", "ko": "{card} 블록을 머리에서 뺍니다."},
}

HAND_WORDS = ("card", "brick", "added", "moved", "removed")  # the sentences the browser side fills in
