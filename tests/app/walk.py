"""Walk the whole page with one figure, as a learner would: load it, compile, train, ask, look inside, take it
home, make its card and compare it with a second figure — and say everything that went wrong on the way.

Every step goes through the real page script (AppTest). A step that goes wrong is a traceback (an exception
element or error text that looks like one), the page's own "something went wrong" message, or a misfit the
fit check knows about that the page does not show.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from minifig import fit_check, url_state
from minifig.csv_data import read_csv
from minifig.datasets import CSV_ID, Dataset, load
from minifig.features import DEFAULT_VIEWS, with_views
from minifig.i18n import t
from minifig.spec import FigureSpec
from tests.app.conftest import APP
from tests.figures import WALK_EPOCHS, CsvTable

TRACEBACK_MARKS = ("Traceback", 'File "', "Error:", "Exception:")
INCIDENT = t("incident.message", "en", id="").split("{")[0][:40]


class Downloads:
    """The download buttons' deferred files (the figure card, its code, the model), made only when clicked in a
    browser.

    AppTest has no browser to click them, so the page's own callables are kept here and called by the walk.
    """

    def __init__(self, monkeypatch):
        self.made: dict[str, object] = {}
        original = MediaFileManager.add_deferred

        def keep(manager, data_callable, mimetype, coordinates, file_name=None, **kwargs):
            self.made[file_name] = data_callable
            return original(manager, data_callable, mimetype, coordinates, file_name, **kwargs)

        monkeypatch.setattr(MediaFileManager, "add_deferred", keep)

    def take(self, file_name: str) -> bytes | None:
        made = self.made.pop(file_name, None)
        return None if made is None else made()


@dataclass
class Walk:
    """One figure's walk; `wrong` lists what went wrong, step by step."""

    spec: FigureSpec
    csv: CsvTable | None = None
    wrong: list[str] = field(default_factory=list)
    fitted: bool = False
    trained: bool = False
    diverged: bool = False  # its training ended early, its loss no number, and the page said so
    seconds: dict[str, float] = field(default_factory=dict)  # per step
    runs: int = 0  # page runs asked for (each may rerun itself, e.g. after Compile)

    def step(self, app: AppTest, name: str) -> AppTest:
        started = time.perf_counter()
        self.runs += 1
        app.run()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        for exception in app.exception:
            self.wrong.append(f"{name}: exception {exception.message[:300]}")
        for element in [*app.error, *app.warning]:
            text = element.value
            if any(mark in text for mark in TRACEBACK_MARKS) or INCIDENT in text:
                self.wrong.append(f"{name}: traceback-like message {text[:300]}")
        return app


def seen_data(spec: FigureSpec, csv: CsvTable | None) -> Dataset | None:
    """The data as the page passes it to the head (None when a CSV table is refused)."""
    if spec.dataset == CSV_ID:
        return read_csv(csv.raw, csv.name).dataset
    raw = load(spec.dataset, spec.samples, spec.noise, spec.training.seed)
    eyes = spec.eyes or DEFAULT_VIEWS
    return raw if raw.feature_key != "feature.point" or eyes == DEFAULT_VIEWS else with_views(raw, eyes)


def open_page(walk: Walk) -> AppTest:
    """The page with the walk's figure: from its address, or (a CSV table) uploaded and then the figure file."""
    app = AppTest.from_file(APP, default_timeout=120)
    if walk.csv is None:
        app.query_params.update(url_state.to_query(walk.spec))
        return walk.step(app, "load from the address")
    walk.step(app, "first load")
    app.file_uploader(key="csv_upload").upload(walk.csv.name, walk.csv.raw, "text/csv")
    walk.step(app, "upload the CSV")
    if app.session_state.csv_data is None:
        return app  # refused, with its reasons: the figure stays on the lesson's data
    app.file_uploader(key="figure_upload").upload("figure.json", walk.spec.to_json().encode(), "application/json")
    return walk.step(app, "upload the figure")


def walk_page(walk: Walk, downloads: Downloads, second_lr: float) -> Walk:
    """The whole story for one figure; `second_lr` is the learning rate of the figure it is compared with.

    Widgets that do not depend on each other are moved in the same run (the question, the layer looked inside
    and a click), so a walk costs few page runs: two for a figure that does not fit, six for one that does.
    """
    downloads.made.clear()  # only this figure's downloads count
    app = open_page(walk)
    if walk.wrong:
        return walk
    data = seen_data(walk.spec, walk.csv) if app.session_state.dataset == walk.spec.dataset else None
    if data is not None:
        errors = "\n".join(e.value for e in app.error)
        expected = fit_check.misfits(walk.spec, data)
        missing = [m.reason.text("en") for m in expected if m.reason.text("en") not in errors]
        if missing:
            walk.wrong.append(f"misfits not shown: {missing}")
        walk.fitted = not expected
    if not walk.fitted:
        ask(app)
        look_inside(app)
        app.button(key="compile").click()
        walk.step(app, "ask, look inside and compile")
        take_home(walk, downloads)
        refusal = t("ui.does_not_fit", "en", reasons="")
        if app.session_state.trainer is None and not any(refusal in e.value for e in app.error):
            walk.wrong.append("compile refused without saying why")
        return walk
    app.button(key="compile").click()
    walk.step(app, "compile")
    if app.session_state.trainer is None:
        walk.wrong.append("a figure that fits was not compiled")
        return walk
    app.button(key="train").click()
    walk.step(app, "train")
    trainer = app.session_state.trainer
    walk.trained = trainer is not None and trainer.epochs_done == WALK_EPOCHS
    walk.diverged = not walk.trained and said_diverged(app, trainer)
    if not walk.trained and not walk.diverged:
        walk.wrong.append(f"training ran {trainer.epochs_done if trainer else None} epochs, not {WALK_EPOCHS}")
    ask(app)
    look_inside(app)
    app.button(key="compare_keep").click()
    walk.step(app, "ask, look inside and keep the figure")
    take_home(walk, downloads)
    compare(walk, app, second_lr)
    return walk


def said_diverged(app: AppTest, trainer) -> bool:
    """The run stopped early because its loss became nan (a large learning rate), and the page says so."""
    if trainer is None or (app.session_state.run or {}).get("state") != "diverged":
        return False
    line = t("ui.status_diverged", "en", epoch=trainer.epochs_done, target=WALK_EPOCHS)
    return any(line in element.value for element in app.get("markdown"))


def ask(app: AppTest) -> None:
    """Move the question: the slider(s), the image picker or the first input box, to a value within its range."""
    for key in ("predict_input", "predict_x1", "predict_image"):
        found = [w for w in app.slider if w.key == key]
        if found:
            slider = found[0]
            low, high = slider.min, slider.max
            slider.set_value(high if isinstance(high, int) else low + (high - low) * 0.7)
            return
    boxes = [w for w in app.number_input if w.key == "predict_f0"]
    if boxes:
        value = boxes[0].value
        boxes[0].set_value(value + 1 if math.isfinite(value + 1) else 0.0)


def look_inside(app: AppTest) -> None:
    pickers = [w for w in app.selectbox if w.key == "inside_layer"]
    if pickers and len(pickers[0].options) > 1:
        picker = pickers[0]  # its values are brick positions, shown through a format_func AppTest cannot invert
        last = next(i for i in range(len(app.session_state.head)) if picker.format_func(i) == picker.options[-1])
        picker.set_value(last)


def take_home(walk: Walk, downloads: Downloads) -> None:
    """The figure card, its Python code and (once compiled) the model, as the download buttons would give them."""
    for name in ("minifig_card.png", "minifig_figure.py", "minifig_model.keras"):
        try:
            made = downloads.take(name)
        except Exception as error:  # noqa: BLE001 - any failure of a download is what the walk reports
            walk.wrong.append(f"download {name}: {type(error).__name__}: {error}")
            continue
        if made is not None and not made:
            walk.wrong.append(f"download {name} is empty")
        if made is None and name == "minifig_figure.py" and walk.fitted:
            walk.wrong.append("a figure that fits has no code to download")


def compare(walk: Walk, app: AppTest, second_lr: float) -> None:
    """With the figure kept: change its legs' learning rate, keep that second figure and train both together."""
    app.number_input(key="lr").set_value(second_lr)
    walk.step(app, "change the learning rate")
    app.button(key="compare_keep").click()
    app.button(key="compare_train").click()
    walk.step(app, "keep the second figure and train both together")
    if len(app.session_state.compare_kept) != 2:
        walk.wrong.append(f"kept {len(app.session_state.compare_kept)} figures for comparison, not 2")
    elif not any(t("compare.done", "en", epoch=WALK_EPOCHS, target=WALK_EPOCHS) in m.value for m in app.markdown):
        walk.wrong.append("the comparison did not train both figures")
