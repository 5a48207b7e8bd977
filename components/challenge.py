"""A learner's challenge: read from the link once, it sets the data, shows the goal, hides the controls the
teacher chose, holds the figure to its limits and says when the goal is reached."""

from __future__ import annotations

import streamlit as st

from components.room import server_secret
from components.state import Ask, ask, asked, keep_values, notify, tr
from minifig import challenge as core
from minifig import signing
from minifig.datasets import DATASETS
from minifig.drawing import brick_label
from minifig.spec import FigureSpec

# Session-state keys of each hideable control: a widget not drawn would lose its value at the end of the run.
HIDDEN_KEYS = {
    "data": ("dataset", "samples", "noise", "validation_split", "eyes"),
    "torso": ("torso",),
    "legs": ("legs", "lr", "momentum"),
    "lr": ("lr", "momentum"),
    "training": ("epochs", "batch_size"),
}


def init() -> None:
    """Read the challenge from the address once per session; keep the values of hidden controls every run."""
    ss = st.session_state
    if not ss.challenge_read:
        ss.challenge_read = True
        ss.challenge_card = _from_address()
    for control in ss.challenge_card.hidden if ss.challenge_card else ():
        keep_values(HIDDEN_KEYS.get(control, ()))


def active() -> core.Challenge | None:
    return st.session_state.challenge_card


def shows(control: str) -> bool:
    """Whether the page draws `control` (one of `minifig.challenge.HIDEABLE`)."""
    challenge = active()
    return challenge is None or not challenge.hides(control)


def fixes(part: str) -> bool:
    """Whether the challenge fixes the torso or the legs (their choice is then shown but cannot change)."""
    challenge = active()
    return challenge is not None and getattr(challenge, part) is not None


def broken_limits(spec: FigureSpec) -> list:
    challenge = active()
    return core.broken_limits(challenge, spec) if challenge else []


def refuses_brick(n_bricks: int) -> bool:
    """True (and a message for the learner) when one more head brick would break the challenge's limit."""
    challenge = active()
    if core.allows_another_brick(challenge, n_bricks):
        return False
    ask(Ask.SAY_BRICK_REFUSED)
    return True


def show_brick_refusal() -> None:
    """Say (once, above the head) that a brick was refused by the challenge's limit."""
    challenge = active()
    if asked(Ask.SAY_BRICK_REFUSED) and challenge is not None:
        st.warning(tr("challenge.brick_refused", n=challenge.max_bricks))


def render_banner() -> None:
    challenge = active()
    if challenge is None:
        return
    lang = st.session_state.lang
    with st.container(key="challenge", border=True):
        data = tr(DATASETS[challenge.dataset].title_key)
        lines = [tr("challenge.banner", data=data, goal=core.goal_message(challenge).text(lang))]
        rules = _rules(challenge)
        if rules:
            lines.append(tr("challenge.rules", rules=", ".join(rules)))
        trainer = st.session_state.trainer
        value = core.goal_value(challenge, trainer.history) if trainer is not None else None
        if value is not None:
            lines.append(tr("challenge.now", value=f"{value:.4f}", n=trainer.epochs_done))
        text, leave = st.columns([5, 1], vertical_alignment="center")
        text.markdown(":material/flag: " + "  \n".join(lines))
        leave.button(tr("challenge.leave"), key="challenge_leave", on_click=_leave)


def render_limits(spec: FigureSpec, broken: list) -> None:
    """The limits the figure breaks; compiling waits until they are kept."""
    lang = st.session_state.lang
    with st.container(key="challenge_limits"):
        for message in broken:
            st.error(message.text(lang), icon=":material/flag:")


def render_result(spec: FigureSpec) -> None:
    """After training: a success message when the last epoch reaches the goal within the limits."""
    challenge, trainer = active(), st.session_state.trainer
    if challenge is None or trainer is None or core.broken_limits(challenge, spec):
        return
    if core.goal_reached(challenge, trainer.history, trainer.metric_name):
        value = core.goal_value(challenge, trainer.history)
        goal = core.goal_message(challenge).text(st.session_state.lang)
        with st.container(key="challenge_done"):
            st.success(tr("challenge.done", goal=goal, value=f"{value:.4f}"), icon=":material/emoji_events:")


def _rules(challenge: core.Challenge) -> list[str]:
    rules = []
    if challenge.max_bricks is not None:
        rules.append(tr("challenge.rule_bricks", n=challenge.max_bricks))
    if challenge.max_units is not None:
        rules.append(tr("challenge.rule_units", n=challenge.max_units))
    for part in ("torso", "legs"):
        fixed = getattr(challenge, part)
        if fixed is not None:
            rules.append(tr(f"challenge.rule_{part}", card=brick_label(fixed)))
    return rules


def _from_address() -> core.Challenge | None:
    """The challenge of a sealed learners' link; an unsealed or changed one is refused and the page opens as usual."""
    query = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if not query.get(core.PARAM):
        return None
    lang = st.session_state.lang
    try:
        sealed = signing.read_learners_link(query, server_secret())
    except core.ChallengeError as error:
        notify("page", "error", [tr("challenge.refused"), *(f"- {p.text(lang)}" for p in error.problems)])
        return None
    _apply(sealed.challenge)
    st.session_state.challenge_room = sealed
    st.session_state.address_extras.update(
        {core.PARAM: sealed.payload, signing.ROOM: sealed.room, signing.SEAL: query[signing.SEAL][-1]}
    )
    return sealed.challenge


def _apply(challenge: core.Challenge) -> None:
    """Put the challenge's data and fixed parts into the widgets (the rest of the figure comes from the link)."""
    ss = st.session_state
    record = DATASETS[challenge.dataset]
    ss.dataset = challenge.dataset
    if record.has_count:
        ss.samples = challenge.samples if challenge.samples is not None else record.n_samples.default
    if record.has_noise:
        ss.noise = challenge.noise if challenge.noise is not None else record.noise.default
    ss.validation_split = challenge.validation_split
    if challenge.torso is not None:
        ss.torso = challenge.torso.card
    if challenge.legs is not None:
        ss.legs = challenge.legs.card
        ss.lr = challenge.legs.params["learning_rate"]
        ss.momentum = challenge.legs.params.get("momentum", 0.0)
    ss.trainer = ss.compiled_key = ss.run = None


def _leave() -> None:
    st.session_state.challenge_card = st.session_state.challenge_room = None
    for key in (core.PARAM, signing.ROOM, signing.SEAL):
        st.session_state.address_extras.pop(key, None)
