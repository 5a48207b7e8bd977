"""The sentences of sealed challenge links, joining a room and the teacher's room board, in English and Korean.

Merged into `minifig.i18n.STRINGS` as the other sentence modules are.
"""

from __future__ import annotations

ROOM_STRINGS: dict[str, dict[str, str]] = {
    # --- a sealed link that does not hold ------------------------------------------------------
    "seal.missing_learners": {
        "en": "This challenge link has no teacher's seal: it was made by an older Minifig, or part of it was cut off. "
        "Ask your teacher for a new link. The figure in the link opens as usual.",
        "ko": "이 도전 과제 링크에는 선생님의 봉인이 없습니다. 예전 Minifig로 만들었거나 링크 일부가 잘렸습니다. "
        "선생님께 새 링크를 받으세요. 링크 속 피규어는 평소처럼 열립니다.",
    },
    "seal.broken_learners": {
        "en": "This challenge link was changed after the teacher made it (or it was made on another server), so its "
        "goal and limits cannot be trusted. Ask your teacher for the link again.",
        "ko": "이 도전 과제 링크는 선생님이 만든 뒤에 바뀌었거나 다른 서버에서 만들어져서, 목표와 제한을 믿을 수 "
        "없습니다. 선생님께 링크를 다시 받으세요.",
    },
    "seal.missing_board": {
        "en": "This board link is incomplete. Make the challenge again to get a new board link.",
        "ko": "이 보드 링크는 완전하지 않습니다. 도전 과제를 다시 만들어 새 보드 링크를 받으세요.",
    },
    "seal.broken_board": {
        "en": "This board link does not match its challenge: it was changed, or it was made on another server. "
        "Make the challenge again to get a new board link.",
        "ko": "이 보드 링크는 도전 과제와 맞지 않습니다. 링크가 바뀌었거나 다른 서버에서 만들어졌습니다. "
        "도전 과제를 다시 만들어 새 보드 링크를 받으세요.",
    },
    # --- joining ---------------------------------------------------------------------------------
    "room.nickname": {"en": "Your nickname on the room board", "ko": "방 보드에 보일 별명"},
    "room.nickname_help": {
        "en": "A few words your teacher will recognise; no real name needed. Letters, digits, spaces and . ' - _, "
        "at most {n} characters. Press Enter to join.",
        "ko": "선생님이 알아볼 수 있는 짧은 이름이면 됩니다. 실명은 필요 없습니다. 글자, 숫자, 빈칸, . ' - _ 로 "
        "{n}자까지 쓸 수 있습니다. Enter를 누르면 참여합니다.",
    },
    "room.nickname_empty": {"en": "Type a nickname to join the room.", "ko": "방에 참여하려면 별명을 쓰세요."},
    "room.nickname_long": {
        "en": "A nickname can have at most {n} characters.",
        "ko": "별명은 {n}자까지 쓸 수 있습니다.",
    },
    "room.nickname_chars": {
        "en": "A nickname can use letters, digits, spaces and . ' - _ only.",
        "ko": "별명에는 글자, 숫자, 빈칸과 . ' - _ 만 쓸 수 있습니다.",
    },
    "room.joined": {
        "en": "You are on the room board as **{name}**. Your teacher sees your figure and your best score.",
        "ko": "방 보드에 **{name:**으로} 올라가 있습니다. 선생님은 내 피규어와 최고 점수를 봅니다.",
    },
    "room.not_joined": {
        "en": "Pick a nickname to show your progress on your teacher's board (you can do the challenge without it).",
        "ko": "별명을 정하면 선생님의 보드에 내 진행 상황이 보입니다 (별명 없이도 도전할 수 있습니다).",
    },
    "room.unavailable": {
        "en": "The room board cannot be reached right now; your challenge works as before.",
        "ko": "지금은 방 보드에 연결할 수 없습니다. 도전 과제는 그대로 할 수 있습니다.",
    },
    # --- the teacher's links ---------------------------------------------------------------------
    "room.learners_link": {"en": "The learners' link (share it with the room):", "ko": "학습자 링크 (방 전체에 공유):"},
    "room.board_link": {
        "en": "Your board link (keep it to yourself: it shows the whole room, and it cannot be made from the "
        "learners' link). Open it on the projector:",
        "ko": "선생님 보드 링크 (혼자만 쓰세요. 방 전체가 보이며, 학습자 링크로는 만들 수 없습니다). "
        "프로젝터에서 여세요:",
    },
    # --- the board -------------------------------------------------------------------------------
    "board.title": {"en": "Room board", "ko": "방 보드"},
    "board.goal": {
        "en": "Challenge on “{data}”: reach **{goal}**.",
        "ko": "도전 과제 “{data}”: **{goal}**에 도달하기.",
    },
    "board.refreshes": {
        "en": "The board refreshes by itself every {n} seconds. Entries leave after {hours} hours without news.",
        "ko": "보드는 {n}초마다 저절로 새로 고쳐집니다. {hours}시간 동안 소식이 없으면 목록에서 빠집니다.",
    },
    "board.joined": {"en": "Joined", "ko": "참여"},
    "board.training": {"en": "Training now", "ko": "지금 학습 중"},
    "board.reached": {"en": "Goal reached", "ko": "목표 달성"},
    "board.empty": {
        "en": "Nobody has joined yet. Learners appear here when they open the learners' link and pick a nickname.",
        "ko": "아직 아무도 참여하지 않았습니다. 학습자가 학습자 링크를 열고 별명을 정하면 여기에 나타납니다.",
    },
    "board.col_rank": {"en": "Rank", "ko": "순위"},
    "board.col_name": {"en": "Nickname", "ko": "별명"},
    "board.col_goal": {"en": "Goal", "ko": "목표"},
    "board.col_score": {"en": "Best score", "ko": "최고 점수"},
    "board.col_epochs": {"en": "Epochs", "ko": "에포크"},
    "board.col_figure": {"en": "Figure", "ko": "피규어"},
    "board.col_last": {"en": "Last step", "ko": "마지막 활동"},
    "board.reached_row": {"en": "reached {ago}", "ko": "{ago} 달성"},
    "board.not_reached": {"en": "not yet", "ko": "아직"},
    "board.now_training": {"en": "training now", "ko": "지금 학습 중"},
    "board.seconds_ago": {"en": "{n} s ago", "ko": "{n}초 전"},
    "board.minutes_ago": {"en": "{n} min ago", "ko": "{n}분 전"},
    "board.hours_ago": {"en": "{n} h ago", "ko": "{n}시간 전"},
    "board.spotlight": {"en": "Spotlight: show one learner large", "ko": "스포트라이트: 한 학습자를 크게 보기"},
    "board.spotlight_none": {"en": "Nobody", "ko": "선택 안 함"},
    "board.spot_title": {
        "en": "{name}: {epochs} epochs, best score {score}",
        "ko": "{name}: {epochs} 에포크, 최고 점수 {score}",
    },
    "board.spot_gone": {"en": "This learner is no longer in the room.", "ko": "이 학습자는 이제 방에 없습니다."},
    "board.no_figure": {"en": "This learner's figure cannot be drawn.", "ko": "이 학습자의 피규어는 그릴 수 없습니다."},
    "board.untrained": {"en": "Not trained yet.", "ko": "아직 학습하지 않았습니다."},
    "board.clear": {"en": "Clear the room", "ko": "방 비우기"},
    "board.clear_help": {
        "en": "Removes everyone from the board. Learners who keep working appear again at their next step.",
        "ko": "보드에서 모두를 지웁니다. 계속 작업하는 학습자는 다음 단계에서 다시 나타납니다.",
    },
    "board.cleared": {"en": "The room is empty now.", "ko": "방을 비웠습니다."},
    "board.unavailable": {
        "en": "The room store cannot be reached right now; the board tries again by itself.",
        "ko": "지금은 방 저장소에 연결할 수 없습니다. 보드가 저절로 다시 시도합니다.",
    },
    "board.bad_store": {
        "en": "The server's room store setting (MINIFIG_ROOM_STORE) cannot be used, so there is no board. "
        "Ask whoever runs the server.",
        "ko": "서버의 방 저장소 설정(MINIFIG_ROOM_STORE)을 쓸 수 없어서 보드가 없습니다. 서버 관리자에게 문의하세요.",
    },
}
