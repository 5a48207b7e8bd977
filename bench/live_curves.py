"""What the live curves cost a long training run: the same run with and without redrawing them.

Redraws happen as the page does them (`components/training.py`): at most every REDRAW_SECONDS, the
Plotly figure built from the history, serialised as Streamlit does, and the question's answer (an SVG string).
Prints one JSON line:
{"case": "live_curves", "epochs", "plain_s", "with_redraws_s", "slowdown", "redraws_per_s"}.
Targets (issue 3): at least 5 redraws a second, slowdown ≤ 1.10.

    .venv/bin/python bench/live_curves.py [--epochs N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import plotly.io  # noqa: E402
import plotly.tools  # noqa: E402

from components.training import ANSWER_REDRAW_SECONDS, REDRAW_SECONDS  # noqa: E402
from minifig.charts import curves_figure, refresh_curves  # noqa: E402
from minifig.datasets import load  # noqa: E402
from minifig.engine import Trainer  # noqa: E402
from minifig.pictures import answer_svg  # noqa: E402
from minifig.spec import seed_figure  # noqa: E402


def run(epochs: int, redraw: bool) -> tuple[float, int]:
    data = load("seed")
    trainer = Trainer(seed_figure(), data)
    grid = np.linspace(1, 10, 181)
    asked = np.concatenate([[3.25], grid]).reshape(-1, 1)
    trainer.train(1, 10)
    last = last_answer = 0.0
    redraws = 0
    figure = None

    def on_epoch(log) -> None:
        nonlocal last, last_answer, redraws, figure
        now = time.perf_counter()
        if now - last >= REDRAW_SECONDS:
            last = now
            redraws += 1
            if figure is None:
                figure = curves_figure(trainer.history, trainer.metric_name, trainer.has_validation, "en")
            else:
                refresh_curves(figure, trainer.history)
            shown = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)  # as st.plotly_chart
            plotly.io.to_json(shown, validate=False)
        if now - last_answer >= ANSWER_REDRAW_SECONDS:
            last_answer = now
            outputs = trainer.predict(asked)  # the question's answer and its curve follow training too
            answer_svg(grid, outputs[1:, 0], 3.25, float(outputs[0, 0]), data, "en")  # a string, sent as it is

    result = trainer.train(epochs, 10, on_epoch=on_epoch if redraw else None)
    return result.seconds, redraws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3000)
    epochs = parser.parse_args().epochs
    plain, _ = run(epochs, redraw=False)
    drawn, redraws = run(epochs, redraw=True)
    line = {"case": "live_curves", "epochs": epochs, "plain_s": round(plain, 3), "with_redraws_s": round(drawn, 3)}
    print(json.dumps({**line, "slowdown": round(drawn / plain, 3), "redraws_per_s": round(redraws / drawn, 1)}))


if __name__ == "__main__":
    main()
