"""Issue 11, item 11: however long the run, a drawn history sends at most a few hundred points per curve.

Measured on the figure data Streamlit sends (Plotly's JSON): a 50,000-epoch history was 3.6 MB per redraw.
"""

import plotly.io
import pytest

from minifig.charts import MAX_POINTS, compare_figure, curves_figure, refresh_curves, thinned
from minifig.engine import EpochLog

EPOCHS = 50_000
HISTORY = [EpochLog(i, 1 / i, 1 - 1 / i, 2 / i, 1 - 2 / i) for i in range(1, EPOCHS + 1)]


def figures() -> dict:
    """Every chart that draws a history: the live curves (new and refreshed), time travel, the comparison."""
    live = curves_figure(HISTORY[:10], "accuracy", True, "en")
    return {
        "curves": curves_figure(HISTORY, "accuracy", True, "en"),
        "refreshed curves": refresh_curves(live, HISTORY),
        "time travel": curves_figure(HISTORY[:30_001], "accuracy", True, "en"),  # the curves up to the epoch shown
        "comparison": compare_figure([("a", HISTORY), ("b", HISTORY[:20_000])], "accuracy", "en"),
    }


@pytest.mark.parametrize("name", list(figures()))
def test_a_long_history_is_sent_thinned_with_its_first_and_last_epoch(name):
    figure = figures()[name]
    size = len(plotly.io.to_json(figure))
    assert size < 150_000, f"{name}: {size:,} bytes"
    for trace in figure.data:
        assert len(trace.x) == len(trace.y) <= MAX_POINTS
        assert trace.x[0] == 1 and trace.x[-1] in (EPOCHS, 30_001, 20_000)


def test_a_short_history_keeps_every_epoch():
    figure = curves_figure(HISTORY[:120], "accuracy", False, "en")
    assert list(figure.data[0].x) == list(range(1, 121))
    assert list(figure.data[0].y) == [log.loss for log in HISTORY[:120]]


def test_thinned_points_are_evenly_spread():
    kept = thinned(EPOCHS)
    gaps = set((kept[1:] - kept[:-1]).tolist())
    assert kept[0] == 0 and kept[-1] == EPOCHS - 1 and len(kept) == MAX_POINTS
    assert max(gaps) - min(gaps) <= 1
