"""The guided lesson: the seed lesson's six steps as data, and when each step's action has happened.

Each step names the parts of the page it is about (their keys, highlighted on the page), what the app
does when the learner arrives at it (`on_enter`), and what the learner must do before going on
(`waits_for`), which the page can also do for them ("Show me"). The page supplies `Progress`: what is
true of the figure now. No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

WRONG_TORSO = "mse"  # the misfit the lesson shows: a number loss on yes/no answers
RIGHT_TORSO = "binary_crossentropy"
LEGS = "adam"
FIRST_QUESTION = 3.0  # the lesson asks about 3 ("small") first


@dataclass(frozen=True)
class Step:
    id: str
    highlight: tuple[str, ...]  # keys of the page parts the step is about
    sections: tuple[str, ...]  # the page's sections a presenter shows at this step
    on_enter: str | None = None  # what the app does on arriving (see components.lesson)
    waits_for: str | None = None  # the learner's action that opens the next step


STEPS: tuple[Step, ...] = (
    Step("meet", ("figure", "head", "torso", "legs"), ("build",), on_enter="headless_figure"),
    Step("babble", ("prediction", "predict_input"), ("ask",), on_enter="ask_first_question"),
    Step("fit", ("torso", "legs", "fit_check"), ("build",), on_enter="wrong_torso", waits_for="fits"),
    Step("compile", ("compile", "figure"), ("build",), waits_for="compiled"),
    Step("train", ("train", "curves", "train_status"), ("train",), on_enter="lesson_settings", waits_for="trained"),
    Step("ask", ("predict_input", "prediction"), ("ask",), waits_for="asked"),
)


@dataclass(frozen=True)
class Progress:
    """What is true of the page now, as far as the lesson cares."""

    has_torso_and_legs: bool = False
    fits: bool = False  # no problems and no misfits
    compiled: bool = False
    trained: bool = False  # the compiled figure has finished (or stopped) a training run
    asked: bool = False  # the learner moved the question since arriving at the last step


def step_at(number: int) -> Step | None:
    """Step `number` (1 = first); None outside the lesson (0 = not started)."""
    return STEPS[number - 1] if 1 <= number <= len(STEPS) else None


def is_done(step: Step, progress: Progress) -> bool:
    """Whether the learner has done what `step` waits for (a step that waits for nothing is done)."""
    if step.waits_for is None:
        return True
    return {
        "fits": progress.has_torso_and_legs and progress.fits,
        "compiled": progress.compiled,
        "trained": progress.trained,
        "asked": progress.asked,
    }[step.waits_for]


def can_go_next(number: int, progress: Progress) -> bool:
    """Next is open before the lesson (to start it) and once the current step is done."""
    step = step_at(number)
    return step is None and number == 0 or step is not None and is_done(step, progress)
