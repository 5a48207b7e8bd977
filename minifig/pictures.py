"""The first screen's two pictures as inline SVG: the figure's answer over the input range, and a brick's weights.

They were Plotly charts. Plotly's script is 4.7 MB and takes the browser ~1 s to start, the longest single step of
the page's first paint, and a Plotly figure costs the server ~10 ms to build and check — on every page run, every
slider step and every live redraw. An SVG is a string: ~1 ms, and nothing to load. Hovering a point, the question
or a weight shows its numbers (`<title>`), as Plotly's hover did.

Plain numbers in, text out; any numbers (a diverged head answers NaN) draw without an error.
"""

from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from minifig.charts import thinned
from minifig.datasets import Dataset
from minifig.i18n import t

OUTPUT, POINTS, ASKED, ASKED_EDGE = "#0055bf", "#c91a09", "#f2cd37", "#1b2a34"  # as the curves and the figure
GRID, AXIS, INK = "#e6e9ef", "#9aa0a6", "#31333f"
FONT = "font-family='Source Sans Pro, sans-serif' font-size='12'"
# Plotly's RdBu: negative weights red, none white, positive blue
RD_BU = ((0.0, (103, 0, 31)), (0.25, (214, 96, 77)), (0.5, (247, 247, 247)), (0.75, (67, 147, 195)), (1.0, (5, 48, 97)))
RECT_CELLS = 4200  # up to this many weights each is a cell with its number on hover; more are one image
MOST_EXAMPLES = 400  # examples drawn on the answer's picture at most (evenly picked): it shows the answer's shape


@dataclass(frozen=True)
class Frame:
    """Where the plot sits in the picture (px of the view box), and the numbers at its edges."""

    left: float
    right: float
    top: float
    bottom: float
    x: tuple[float, float]
    y: tuple[float, float]

    def px(self, x: float) -> float:
        return self.left + (x - self.x[0]) / (self.x[1] - self.x[0]) * (self.right - self.left)

    def py(self, y: float) -> float:
        return self.bottom - (y - self.y[0]) / (self.y[1] - self.y[0]) * (self.bottom - self.top)


def answer_svg(grid, outputs, asked: float, answer: float, data: Dataset, lang: str) -> str:
    """The figure's answer along the input (a line), the examples with their true answers (red dots) and the
    question (the yellow dot), with a legend above and the input's name below. One line of HTML."""
    grid, outputs = np.asarray(grid, dtype=float).ravel(), np.asarray(outputs, dtype=float).ravel()
    xs, ys = np.asarray(data.x[:, 0], dtype=float), np.asarray(data.y, dtype=float).ravel()
    frame = Frame(46, 450, 10, 226, _span(grid, [asked], pad=0.02), _span(outputs, ys, [answer], pad=0.06))
    names = {"output": t("chart.output", lang), "points": t("chart.points", lang), "asked": t("chart.asked", lang)}
    feature = t(data.feature_key, lang)
    parts = [_axes(frame, feature)]
    parts += [
        f"<path d='{d}' fill='none' stroke='{OUTPUT}' stroke-width='3' stroke-linejoin='round'/>"
        for d in _line_paths(frame, grid, outputs)
    ]
    picked = thinned(len(xs), MOST_EXAMPLES)
    for x, y in zip(xs[picked], ys[picked], strict=True):
        if _inside(frame, x, y):
            parts.append(_dot(frame, x, y, 4.5, POINTS, f"{names['points']}: {_num(x)} → {_num(y)}"))
    if _inside(frame, asked, answer):
        question = f"{names['asked']}: {_num(asked)} → {answer:.4f}"
        parts.append(_dot(frame, asked, answer, 7.5, ASKED, question, edge=ASKED_EDGE, css="minifig-asked"))
    label = f"{names['output']} · {names['points']} · {names['asked']}: {_num(asked)} → {_num(answer)}"
    return _legend(names) + _svg(460, 262, label, "".join(parts))


def weights_svg(kernel, bias, lang: str) -> str:
    """A Dense brick's weights as a map: a row per input and the bias as the last row, a column per unit, red
    below zero and blue above (white for none), with its scale. One line of HTML."""
    z = np.vstack([np.asarray(kernel, dtype=float), np.asarray(bias, dtype=float).reshape(1, -1)])
    rows, units = z.shape
    names = [f"{t('ui.input', lang)} {i + 1}" for i in range(rows - 1)] + [t("ui.bias", lang)]
    finite = z[np.isfinite(z)]
    limit = float(np.abs(finite).max()) if finite.size else 0.0
    limit = limit or 1.0
    cell_h = max(4.0, min(36.0, 320 / rows))
    left, top, width = 64.0, 6.0, 320.0
    height = cell_h * rows
    cell_w = width / units
    parts = []
    if rows * units <= RECT_CELLS:
        unit_word = t("ui.unit", lang)
        colours = _rd_bu(z, limit)
        size = f"width='{cell_w + 0.05:.2f}' height='{cell_h + 0.05:.2f}'"
        for r in range(rows):
            for c in range(units):
                value, (red, green, blue) = float(z[r, c]), colours[r, c]
                tip = escape(f"{names[r]} · {unit_word} {c + 1}: {value:.4f}")
                parts.append(
                    f"<rect x='{left + c * cell_w:.2f}' y='{top + r * cell_h:.2f}' {size} "
                    f"fill='#{red:02x}{green:02x}{blue:02x}' data-w='{value!r}'><title>{tip}</title></rect>"
                )
    else:
        parts.append(
            f"<image x='{left}' y='{top}' width='{width}' height='{height:.2f}' preserveAspectRatio='none' "
            f"style='image-rendering: pixelated' href='data:image/png;base64,{_png(z, limit)}'/>"
        )
    every = max(1, math.ceil(rows / 24))  # row names that fit, the bias always
    for r in [*range(0, rows - 1, every), rows - 1]:
        y = top + (r + 0.5) * cell_h + 3.5
        parts.append(_text(left - 4, y, names[r], "end"))
    bottom = top + height
    for unit in _unit_ticks(units):
        x = left + (unit - 0.5) * cell_w
        parts.append(_text(x, bottom + 13, str(unit), "middle"))
    parts.append(_text(left + width / 2, bottom + 28, t("ui.unit", lang), "middle"))
    parts.append(_scale(left + width + 14, top, max(height, 60.0), limit))
    label = f"{t('ui.unit', lang)} × {names[0]} … {names[-1]}: {_num(-limit)} … {_num(limit)}"
    return _svg(470, bottom + 36, label, "".join(parts))


# --- pieces ---------------------------------------------------------------------------------------------------


def _svg(width: float, height: float, label: str, body: str) -> str:
    return (
        f"<svg class='minifig-chart' viewBox='0 0 {width} {height:.0f}' width='100%' role='img' "
        f"aria-label={quoteattr(label)} xmlns='http://www.w3.org/2000/svg'><title>{escape(label)}</title>{body}</svg>"
    )


def _legend(names: dict[str, str]) -> str:
    """Above the picture, as HTML so the words wrap on a narrow screen."""
    swatches = {
        "output": f"<svg width='22' height='10'><path d='M1 5H21' stroke='{OUTPUT}' stroke-width='3'/></svg>",
        "points": f"<svg width='12' height='12'><circle cx='6' cy='6' r='4.5' fill='{POINTS}'/></svg>",
        "asked": f"<svg width='16' height='16'><circle cx='8' cy='8' r='6.5' fill='{ASKED}' stroke='{ASKED_EDGE}' "
        "stroke-width='2'/></svg>",
    }
    items = "".join(f"<span>{swatches[key]} {escape(name)}</span>" for key, name in names.items())
    return f"<div class='minifig-legend' aria-hidden='true'>{items}</div>"


def _axes(frame: Frame, x_title: str) -> str:
    parts = []
    for y in nice_ticks(*frame.y):
        py = frame.py(y)
        parts.append(f"<path d='M{frame.left} {py:.2f}H{frame.right}' stroke='{GRID}'/>")
        parts.append(_text(frame.left - 5, py + 3.5, _num(y), "end"))
    for x in nice_ticks(*frame.x):
        px = frame.px(x)
        parts.append(f"<path d='M{px:.2f} {frame.top}V{frame.bottom}' stroke='{GRID}'/>")
        parts.append(_text(px, frame.bottom + 14, _num(x), "middle"))
    parts.append(f"<path d='M{frame.left} {frame.bottom}H{frame.right}' stroke='{AXIS}'/>")
    middle = (frame.left + frame.right) / 2
    parts.append(_text(middle, frame.bottom + 31, x_title, "middle"))
    return "".join(parts)


def _text(x: float, y: float, words: str, anchor: str = "start") -> str:
    return f"<text x='{x:.2f}' y='{y:.2f}' text-anchor='{anchor}' {FONT} fill='{INK}'>{escape(words)}</text>"


def _line_paths(frame: Frame, xs: np.ndarray, ys: np.ndarray) -> list[str]:
    """The line through the finite answers, broken where an answer is not a number."""
    paths, points = [], []
    picked = thinned(len(xs), MOST_EXAMPLES)
    for x, y in zip(xs[picked], ys[picked], strict=True):
        if _inside(frame, x, y):
            points.append(f"{frame.px(x):.2f} {frame.py(y):.2f}")
        elif points:
            paths.append(points)
            points = []
    paths.append(points)
    return ["M" + "L".join(points) for points in paths if points]


def _dot(frame: Frame, x: float, y: float, r: float, fill: str, tip: str, edge: str = "", css: str = "") -> str:
    stroke = f" stroke='{edge}' stroke-width='2'" if edge else ""
    klass = f" class='{css}'" if css else ""
    return (
        f"<circle{klass} cx='{frame.px(x):.2f}' cy='{frame.py(y):.2f}' r='{r}' fill='{fill}'{stroke}>"
        f"<title>{escape(tip)}</title></circle>"
    )


def _scale(x: float, top: float, height: float, limit: float) -> str:
    """The colour scale beside the map: +limit (blue) at the top, 0, −limit (red) at the bottom."""
    stops = "".join(f"<stop offset='{1 - at:.2f}' stop-color='rgb{rgb}'/>" for at, rgb in reversed(RD_BU))
    return (
        f"<defs><linearGradient id='minifig-rdbu' x1='0' y1='0' x2='0' y2='1'>{stops}</linearGradient></defs>"
        f"<rect x='{x}' y='{top}' width='10' height='{height:.2f}' fill='url(#minifig-rdbu)' stroke='{GRID}'/>"
        + _text(x + 16, top + 8, _num(limit))
        + _text(x + 16, top + height / 2 + 3.5, "0")
        + _text(x + 16, top + height, _num(-limit))
    )


def _rd_bu(z: np.ndarray, limit: float) -> np.ndarray:
    """Each value's colour on the RdBu scale from −limit to +limit (not-a-number grey), as rows of RGB bytes."""
    at = np.clip((np.nan_to_num(z, nan=0.0, posinf=limit, neginf=-limit) / limit + 1) / 2, 0, 1)
    stops = np.array([s for s, _ in RD_BU])
    colours = np.array([c for _, c in RD_BU], dtype=float)
    rgb = np.stack([np.interp(at, stops, colours[:, k]) for k in range(3)], axis=-1)
    rgb[~np.isfinite(z)] = 189
    return rgb.round().astype(np.uint8)


def _png(z: np.ndarray, limit: float) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(_rd_bu(z, limit), "RGB").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _unit_ticks(units: int) -> list[int]:
    """A few unit numbers along the bottom: the first, the last, and round ones between."""
    step = max(1, nice_step(units / 6))
    return sorted({1, units, *range(int(step), units - int(step) // 2, int(step))})


def _inside(frame: Frame, x: float, y: float) -> bool:
    return math.isfinite(x) and math.isfinite(y) and frame.x[0] <= x <= frame.x[1] and frame.y[0] <= y <= frame.y[1]


def _span(*values, pad: float = 0.0) -> tuple[float, float]:
    """The range of the finite numbers among `values` (widened by `pad` of itself on each side), never empty."""
    finite = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values])
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    if not math.isfinite(high - low) or high - low <= max(abs(low), abs(high)) * 1e-9 or high - low < 1e-30:
        middle = low / 2 + high / 2
        half = max(abs(middle) * 0.1, 0.5)
        return middle - half, middle + half
    margin = (high - low) * pad
    return (
        (low - margin, high + margin) if math.isfinite(low - margin) and math.isfinite(high + margin) else (low, high)
    )


def nice_step(rough: float) -> float:
    """The round step (1, 2 or 5 times a power of ten) nearest above `rough`."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough * (1 - 1e-9))


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers from `low` to `high`, about `count` of them (a chart's axis)."""
    step = nice_step((high - low) / count)
    first = math.ceil(low / step)
    ticks = [(first + i) * step for i in range(int((high - low) / step) + 2)]
    return [tick for tick in ticks if low - step * 1e-9 <= tick <= high + step * 1e-9]


def _num(value: float) -> str:
    """A number as an axis or a tip writes it: up to 4 significant digits, no "-0"."""
    text = f"{value:.4g}"
    return "0" if text in ("-0", "0") else text.replace("-", "−")
