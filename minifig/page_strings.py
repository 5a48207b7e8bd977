"""The sentences of the page's last line of defence (an unexpected error) and of the misfits the page sweep found,
in English and Korean.

Merged into `minifig.i18n.STRINGS`.
"""

from __future__ import annotations

PAGE_STRINGS: dict[str, dict[str, str]] = {
    "misfit.nothing_to_learn": {
        "en": "None of the head's bricks ({bricks}) has weights that training can change, so it cannot learn.",
        "ko": "머리의 블록({bricks}) 중에 학습으로 바꿀 수 있는 가중치를 가진 블록이 없어서 배울 수 없습니다.",
    },
    "fix.nothing_to_learn": {
        "en": "Add a Dense brick (on images, a Conv2D brick also learns).",
        "ko": "Dense 블록을 넣으세요 (이미지라면 Conv2D 블록도 배웁니다).",
    },
    "incident.message": {
        "en": "Something went wrong on this part of the page. Your figure and your data are kept: change "
        "something or press a button to go on. If it happens again, tell your teacher this code: **{id}**",
        "ko": "페이지의 이 부분에서 문제가 생겼습니다. 피규어와 데이터는 그대로 있습니다. 무언가를 바꾸거나 "
        "버튼을 누르면 이어서 할 수 있습니다. 다시 일어나면 선생님께 이 코드를 알려 주세요: **{id}**",
    },
}
