"""A card's "why / when" panel: two sentences and a tiny picture (SVG text, no plotting library).

Size: one small computed picture per kind of card (activation, loss, optimizer walk, dropout, normalization,
convolution, pooling, flatten), with the SVG helpers they share.

The pictures are computed, not drawn by hand: an activation's curve, a loss as a function of the miss,
an optimizer's walk down an elongated bowl with its own update rule (tests check each against Keras).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import numpy as np

from minifig.cards import CATALOGUE, LAYER, LOSS, Brick
from minifig.i18n import t

WIDTH, HEIGHT, PAD = 260, 150, 26
INK, FAINT, ACCENT, SECOND = "#333333", "#c8c8c8", "#0055bf", "#c91a09"

ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "relu": lambda x: np.maximum(x, 0.0),
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "tanh": np.tanh,
    "linear": lambda x: x,
    "elu": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0.0))),
    "gelu": lambda x: 0.5 * x * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0))),
    # softmax needs several numbers: the share of one class whose number is x, the two others being 0
    "softmax": lambda x: np.exp(x) / (np.exp(x) + 2.0),
}

LOSS_CURVES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    # yes/no and class losses: against the chance Y′ given to the right answer
    "binary_crossentropy": lambda p: -np.log(p),
    "categorical_crossentropy": lambda p: -np.log(p),
    "sparse_categorical_crossentropy": lambda p: -np.log(p),
    # number losses: against the miss Y′ − Y
    "mse": lambda e: e**2,
    "mae": np.abs,
    "huber": lambda e: np.where(np.abs(e) <= 1.0, 0.5 * e**2, np.abs(e) - 0.5),
    # hinge: against the output for a true "yes" (Keras turns 0/1 answers into −1/+1)
    "hinge": lambda s: np.maximum(0.0, 1.0 - s),
}

# The bowl the optimizers walk down: loss = (w₁² + 10·w₂²) / 2, steep across and shallow along.
BOWL = np.array([1.0, 10.0])
START = np.array([-4.0, 1.5])
WALK_STEPS = 40
DEMO_RATES = {"sgd": 0.18, "rmsprop": 0.15, "adagrad": 1.0, "adam": 0.3, "adamw": 0.3}  # big enough to see


def bowl_gradient(w: np.ndarray) -> np.ndarray:
    return BOWL * w


def walk(optimizer: str, learning_rate: float, steps: int = WALK_STEPS, momentum: float = 0.0) -> np.ndarray:
    """The weights after each step (first row: the start) with Keras's update rule and default settings."""
    w, path = START.copy(), [START.copy()]
    m, v = np.zeros(2), np.zeros(2)
    accumulator = np.full(2, 0.1)  # Adagrad's initial_accumulator_value
    for step in range(1, steps + 1):
        g = bowl_gradient(w)
        if optimizer == "sgd":
            m = momentum * m - learning_rate * g
            w = w + m
        elif optimizer == "rmsprop":
            v = 0.9 * v + 0.1 * g**2
            w = w - learning_rate * g / np.sqrt(v + 1e-7)
        elif optimizer == "adagrad":
            accumulator = accumulator + g**2
            w = w - learning_rate * g / np.sqrt(accumulator + 1e-7)
        elif optimizer in ("adam", "adamw"):
            if optimizer == "adamw":
                w = w - w * 0.004 * learning_rate  # Keras's default weight_decay
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g**2
            rate = learning_rate * math.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            w = w - rate * m / (np.sqrt(v) + 1e-7)
        else:
            raise ValueError(optimizer)
        path.append(w.copy())
    return np.array(path)


def picture(brick: Brick, lang: str) -> str:
    """The tiny picture of a card with its settings, as SVG text (drawn once per card, settings and language: the
    page shows every card's picture on every run)."""
    settings = tuple(sorted(brick.params.items()))
    try:
        return _picture(brick.card, settings, lang)
    except TypeError:  # a setting that cannot be a cache's key (not one a card has): drawn, not kept
        return _picture.__wrapped__(brick.card, settings, lang)


@functools.lru_cache(maxsize=512)
def _picture(card_id: str, settings: tuple, lang: str) -> str:
    brick = Brick(card_id, dict(settings))
    card = CATALOGUE[brick.card]
    if card.kind == LOSS:
        return _loss_picture(card.id, lang)
    if card.kind != LAYER:
        return _walk_picture(card.id, brick.params, lang)
    activation = brick.params.get("activation")
    if card.id in ("dense", "activation") and activation is not None:
        return _activation_picture(activation, lang)
    return {
        "dropout": lambda: _dropout_picture(float(brick.params.get("rate", 0.2))),
        "batchnorm": _batchnorm_picture,
        "normalization": lambda: _normalization_picture(lang),
        "conv2d": _conv_picture,
        "maxpool": _pool_picture,
        "flatten": _flatten_picture,
    }[card.id]()


# --- plots ---------------------------------------------------------------------------------------------


def _activation_picture(name: str, lang: str) -> str:
    x = np.linspace(-4, 4, 81)
    return _plot(x, [(ACTIVATIONS[name](x), ACCENT, name)], t("explain.axis_in", lang), t("explain.axis_out", lang))


def _loss_picture(loss: str, lang: str) -> str:
    curve = LOSS_CURVES[loss]
    if loss in ("binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"):
        x = np.linspace(0.02, 1.0, 50)
        return _plot(x, [(curve(x), SECOND, loss)], t("explain.axis_chance", lang), t("explain.axis_loss", lang))
    x = np.linspace(-2, 2, 81)
    series = [(curve(x), SECOND, loss)]
    if loss in ("mae", "huber"):
        series.append((LOSS_CURVES["mse"](x), FAINT, "mse"))
    axis = t("explain.axis_yes_output", lang) if loss == "hinge" else t("explain.axis_miss", lang)
    return _plot(x, series, axis, t("explain.axis_loss", lang), top=4.0)


def _plot(x: np.ndarray, series: list, x_label: str, y_label: str, top: float | None = None) -> str:
    ys = np.concatenate([np.clip(y, None, top) if top else y for y, _, _ in series])
    low, high = min(float(ys.min()), 0.0), max(float(ys.max()), 1e-6)
    span_x = float(x.max() - x.min())

    def at(xv: float, yv: float) -> tuple[float, float]:
        px = PAD + (xv - float(x.min())) / span_x * (WIDTH - 2 * PAD)
        py = HEIGHT - PAD - (min(yv, high) - low) / (high - low) * (HEIGHT - 2 * PAD)
        return round(px, 1), round(py, 1)

    parts = []
    zero_x, zero_y = at(0.0 if x.min() <= 0 <= x.max() else float(x.min()), 0.0)
    parts.append(_line((PAD, zero_y), (WIDTH - PAD, zero_y), FAINT))
    parts.append(_line((zero_x, PAD), (zero_x, HEIGHT - PAD), FAINT))
    for y, colour, _ in reversed(series):
        points = " ".join(f"{px},{py}" for px, py in (at(float(a), float(b)) for a, b in zip(x, y, strict=True)))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    parts.append(_text(WIDTH / 2, HEIGHT - 6, x_label, anchor="middle"))
    parts.append(_text(6, 14, y_label))
    return _svg(parts)


def _walk_picture(optimizer: str, params: dict, lang: str) -> str:
    """The walk down the bowl's contours; SGD also shows the same walk with momentum 0.9 (dashed)."""
    low_x, high_x, low_y, high_y = -4.6, 4.6, -2.0, 2.0

    def at(w: np.ndarray) -> tuple[float, float]:
        px = PAD + (w[0] - low_x) / (high_x - low_x) * (WIDTH - 2 * PAD)
        py = HEIGHT - PAD - (w[1] - low_y) / (high_y - low_y) * (HEIGHT - 2 * PAD)
        return round(float(px), 1), round(float(py), 1)

    centre = at(np.zeros(2))
    parts = []
    for level in (1.0, 4.0, 9.0):  # contour ellipses of equal loss
        rx = math.sqrt(2 * level / BOWL[0]) / (high_x - low_x) * (WIDTH - 2 * PAD)
        ry = math.sqrt(2 * level / BOWL[1]) / (high_y - low_y) * (HEIGHT - 2 * PAD)
        parts.append(
            f'<ellipse cx="{centre[0]}" cy="{centre[1]}" rx="{rx:.1f}" ry="{ry:.1f}" fill="none" stroke="{FAINT}"/>'
        )
    try:
        momentum = min(max(float(params.get("momentum", 0.0)), 0.0), 0.99)
    except (TypeError, ValueError):
        momentum = 0.0
    walks = [(walk(optimizer, DEMO_RATES[optimizer], momentum=momentum), ACCENT, "")]
    if optimizer == "sgd":
        walks.append((walk("sgd", DEMO_RATES["sgd"] / 4, momentum=0.9), SECOND, ' stroke-dasharray="4 3"'))
    for path, colour, dash in walks:
        path = np.clip(np.nan_to_num(path), [low_x - 1, low_y - 1], [high_x + 1, high_y + 1])  # stays in the picture
        points = " ".join(f"{px},{py}" for px, py in map(at, path))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.8"{dash}/>')
        end = at(path[-1])
        parts.append(f'<circle cx="{end[0]}" cy="{end[1]}" r="3" fill="{colour}"/>')
    start = at(START)
    parts.append(f'<circle cx="{start[0]}" cy="{start[1]}" r="4" fill="{INK}"/>')
    parts.append(f'<circle cx="{centre[0]}" cy="{centre[1]}" r="4" fill="none" stroke="{INK}" stroke-width="1.5"/>')
    parts.append(_text(WIDTH / 2, HEIGHT - 6, t("explain.axis_walk", lang, n=WALK_STEPS), anchor="middle"))
    return _svg(parts)


# --- drawings ------------------------------------------------------------------------------------------


def _dropout_picture(rate: float) -> str:
    off = round(rate * 10)
    parts = []
    for i in range(10):
        x, y = 30 + i * 22, 75
        dropped = i % 10 in _spread(off)
        parts.append(f'<circle cx="{x}" cy="{y}" r="8" fill="{FAINT if dropped else ACCENT}"/>')
        if dropped:
            parts.append(_line((x - 6, y - 6), (x + 6, y + 6), SECOND) + _line((x - 6, y + 6), (x + 6, y - 6), SECOND))
    parts.append(_text(WIDTH / 2, 120, f"{off} / 10", anchor="middle"))
    return _svg(parts)


# Two inputs of a real table (wine: alcohol in %, proline in mg/l), five bottles: sizes a thousand times apart.
NORMALIZATION_EXAMPLE = np.array(
    [[12.4, 520.0], [13.1, 1035.0], [14.2, 1510.0], [12.9, 680.0], [13.7, 830.0]], dtype="float32"
)


def normalized(table: np.ndarray) -> np.ndarray:
    """Each column moved to mean 0 and rescaled to spread 1, as an adapted Keras Normalization does."""
    table = np.asarray(table, dtype="float64")
    return (table - table.mean(axis=0)) / np.maximum(table.std(axis=0), 1e-7)


def _normalization_picture(lang: str) -> str:
    """The example's two inputs on one number line before (one squashed, one spread) and after (both alike)."""
    parts = []
    for top, table, label in (
        (14, NORMALIZATION_EXAMPLE, t("explain.before", lang)),
        (84, normalized(NORMALIZATION_EXAMPLE), t("explain.after", lang)),
    ):
        low, high = min(float(table.min()), 0.0), float(table.max())
        parts.append(_text(PAD, top + 8, label))
        if top == 14:  # which dots are which input
            legend = ((ACCENT, t("explain.alcohol", lang)), (SECOND, t("explain.proline", lang)))
            for i, (colour, name) in enumerate(legend):
                x = WIDTH - PAD - 110 + i * 60
                parts.append(f'<circle cx="{x}" cy="{top + 4}" r="3.5" fill="{colour}"/>' + _text(x + 6, top + 8, name))

        def at(value: float, low=low, high=high) -> float:
            return round(PAD + (value - low) / (high - low) * (WIDTH - 2 * PAD), 1)

        axis = top + 44
        parts.append(_line((PAD, axis), (WIDTH - PAD, axis), FAINT))
        for column, (colour, row) in enumerate(((ACCENT, top + 20), (SECOND, top + 32))):
            for value in table[:, column]:
                parts.append(f'<circle cx="{at(float(value))}" cy="{row}" r="3.5" fill="{colour}"/>')
        parts.append(_text(PAD, axis + 12, _short_number(low), anchor="middle"))
        parts.append(_text(at(0.0), axis + 12, "0", anchor="middle") if low < 0 else "")
        parts.append(_text(WIDTH - PAD, axis + 12, _short_number(high), anchor="middle"))
    return _svg(parts)


def _short_number(value: float) -> str:
    if value == 0:
        return "0"
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}".replace("-", "−")


def _spread(n: int) -> set[int]:
    return {round(i * 10 / n) % 10 for i in range(n)} if n else set()


def _batchnorm_picture() -> str:
    before = [1, 2, 4, 6, 5, 3, 2, 1]
    after = [1, 3, 6, 8, 8, 6, 3, 1]
    parts = []
    for i, h in enumerate(before):
        parts.append(f'<rect x="{130 + i * 12}" y="{110 - h * 8}" width="10" height="{h * 8}" fill="{FAINT}"/>')
    for i, h in enumerate(after):
        parts.append(f'<rect x="{20 + i * 9}" y="{110 - h * 8}" width="8" height="{h * 8}" fill="{ACCENT}"/>')
    parts.append(_line((20, 111), (240, 111), INK))
    parts.append(_line((56, 20), (56, 111), SECOND))
    parts.append(_text(56, 130, "0", anchor="middle") + _text(175, 130, "→ 0", anchor="middle"))
    return _svg(parts)


def _conv_picture() -> str:
    parts = []
    for row in range(6):
        for col in range(6):
            ink = "#222222" if col in (2, 3) and row > 0 else "#eeeeee"
            parts.append(f'<rect x="{20 + col * 15}" y="{20 + row * 15}" width="14" height="14" fill="{ink}"/>')
    parts.append(f'<rect x="49" y="34" width="46" height="46" fill="none" stroke="{SECOND}" stroke-width="2.5"/>')
    parts.append(_text(130, 75, "→", anchor="middle"))
    for row in range(4):
        for col in range(4):
            lit = col in (1, 2) and row > 0
            fill = ACCENT if lit else "#e6eefb"
            parts.append(f'<rect x="{160 + col * 18}" y="{30 + row * 18}" width="17" height="17" fill="{fill}"/>')
    parts.append(f'<rect x="178" y="48" width="17" height="17" fill="none" stroke="{SECOND}" stroke-width="2.5"/>')
    return _svg(parts)


def _pool_picture() -> str:
    values = [[1, 3, 0, 2], [4, 2, 1, 1], [0, 1, 5, 2], [2, 0, 3, 1]]
    parts = []
    for row in range(4):
        for col in range(4):
            x, y = 20 + col * 22, 25 + row * 22
            parts.append(f'<rect x="{x}" y="{y}" width="21" height="21" fill="#f3f3f3" stroke="{FAINT}"/>')
            parts.append(_text(x + 10.5, y + 15, str(values[row][col]), anchor="middle"))
    parts.append(f'<rect x="20" y="25" width="44" height="44" fill="none" stroke="{SECOND}" stroke-width="2.5"/>')
    parts.append(_text(135, 75, "max →", anchor="middle"))
    for row in range(2):
        for col in range(2):
            block = [values[2 * row + r][2 * col + c] for r in (0, 1) for c in (0, 1)]
            x, y = 170 + col * 30, 40 + row * 30
            parts.append(f'<rect x="{x}" y="{y}" width="29" height="29" fill="#e6eefb" stroke="{ACCENT}"/>')
            parts.append(_text(x + 14.5, y + 19, str(max(block)), anchor="middle"))
    return _svg(parts)


def _flatten_picture() -> str:
    colours = ["#c91a09", "#f2cd37", "#0055bf"]
    parts = []
    for row in range(3):
        for col in range(3):
            parts.append(
                f'<rect x="{20 + col * 20}" y="{30 + row * 20}" width="19" height="19" fill="{colours[row]}" '
                f'opacity="{0.45 + 0.25 * col}"/>'
            )
    parts.append(_text(110, 65, "→", anchor="middle"))
    for i in range(9):
        row, col = divmod(i, 3)
        shade = f'fill="{colours[row]}" opacity="{0.45 + 0.25 * col}"'
        parts.append(f'<rect x="{130 + i * 13}" y="50" width="12" height="19" {shade}/>')
    return _svg(parts)


# --- SVG pieces ----------------------------------------------------------------------------------------


def _svg(parts: list[str]) -> str:
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f"style=\"font-family: 'Noto Sans', 'Noto Sans CJK KR', sans-serif; font-size: 11px\">{body}</svg>"
    )


def _line(a: tuple[float, float], b: tuple[float, float], colour: str) -> str:
    return f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" stroke="{colour}" stroke-width="1.5"/>'


def _text(x: float, y: float, words: str, anchor: str = "start") -> str:
    from xml.sax.saxutils import escape

    return f'<text x="{x}" y="{y}" fill="{INK}" text-anchor="{anchor}">{escape(words)}</text>'
