"""The figure drawing: head bricks, torso and legs as an SVG in the cards' colours.

Pure text in, text out (the page only displays it). A missing part is drawn as an empty dashed
outline, a misfit part gets a red edge, a "!" and the reason beside it, and a compiled figure is
drawn snapped together.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape

from minifig.cards import CATALOGUE, Brick
from minifig.fit_check import Misfit
from minifig.i18n import t
from minifig.loop import LoopPicture
from minifig.spec import FigureSpec

TEMPLATE = Template((Path(__file__).resolve().parents[1] / "assets" / "figure.svg").read_text())
# The figure alone is narrow; misfit notes widen the drawing to make room beside it.
FIGURE_WIDTH, NOTES_WIDTH, BODY_X, BODY_W = 340, 620, 40, 260
BRICK_H, GAP, NOTE_X = 34, 22, 330
# Where the parts sit (the figure card redraws the figure from these): the head's top, its first brick below
# the eyes, the torso's and the legs' heights, and how far each part is inset from the body's edges.
HEAD_TOP, BRICKS_TOP, TORSO_H, LEGS_H = 28, 44, 96, 88
INSETS = {"head": 0, "torso": 20, "legs": 34}


def brick_label(brick: Brick) -> str:
    """A brick's short name with its settings, as in the lesson's listing: "Dense 64 relu"."""
    card = CATALOGUE[brick.card]
    settings = {  # a setting that is off (momentum 0) says nothing a learner could read
        p.name: brick.params[p.name]
        for p in card.params
        if p.name in brick.params and not (p.default == 0 and brick.params[p.name] == 0)
    }
    penalty, rate = settings.pop("regularizer", "none"), settings.pop("reg_rate", None)
    words = [card.label]
    for name, value in settings.items():
        number = f"{value:g}" if isinstance(value, float) else str(value)
        words.append(f"{NAMED_SETTINGS[name]} {number}" if name in NAMED_SETTINGS else number)
    return " ".join(words + ([f"{penalty.upper()} {rate:g}"] if penalty != "none" else []))


NAMED_SETTINGS = {"momentum": "momentum"}  # settings whose bare number would not say what it is


def figure_svg(
    spec: FigureSpec,
    misfits: list[Misfit],
    compiled: bool,
    lang: str,
    loop: LoopPicture | None = None,
    notes: bool = True,
) -> str:
    """The SVG of the figure as it stands; its text alternative (`figure_description`) says the same in words.

    Args:
        spec: the figure (parts may be missing).
        misfits: the fit check's findings (and problems of a part); each marks its part with a red edge and "!".
        compiled: draw the parts snapped together.
        lang: "en" or "ko" for the words in the drawing.
        loop: a step of the learning loop to play on the figure (its phases so far), or None; its line in words
            becomes the drawing's text alternative.
        notes: write each misfit's reason beside its part (the drawing widens); without, the reasons are only
            in the part's tooltip and the text alternative, and the drawing keeps its narrow width.
    """
    parts = part_boxes(spec, compiled)
    (_, head_top, head_h), (_, torso_top, _), (_, legs_top, legs_h) = parts
    body = [
        _part_title(t("part.head", lang), head_top - 8),
        _head(spec, head_top, head_h, lang),
        _part_piece(spec.torso, "torso", torso_top, TORSO_H, lang),
        _part_piece(spec.legs, "legs", legs_top, legs_h, lang),
    ]
    y = legs_top + legs_h
    for part, top, height in parts:
        body.append(_notes(part, [m for m in misfits if m.part == part], top, height, lang, notes))
    if compiled:
        body.append(f'<text class="snap" x="{BODY_X}" y="{y + 26}">✔ {escape(t("figure.snapped", lang))}</text>')
    height = y + 40
    width = NOTES_WIDTH if misfits and notes else FIGURE_WIDTH
    description, top = figure_description(spec, misfits, compiled, lang), 0
    if loop is not None and not misfits:
        body.append(loop_drawing(loop, spec, parts, y))
        description, top = f"{description} {loop.line}", -LOOP_ABOVE
        height += LOOP_ABOVE + LOOP_BELOW
    return TEMPLATE.substitute(
        left=0,
        top=top,
        width=width,
        height=height,
        title=escape(t("figure.title", lang)),
        description=escape(description, {'"': "&quot;"}),
        body="\n".join(body),
    )


# The loop keeps the figure's width (it is drawn in a narrow column): X comes in from a band above the head, the
# weights that moved are written in a band below the legs, the rest sits on the figure itself.
LOOP_ABOVE, LOOP_BELOW = 34, 26
NOW, BEFORE = "#d01012", "#1b2a34"  # the phase being shown, and the phases before it


def loop_drawing(loop: LoopPicture, spec: FigureSpec, parts: list[tuple[str, int, int]], bottom: int) -> str:
    """The learning loop played on the figure, up to `loop.shown` phases: X into the eyes, Y′ out of the mouth, Y′
    and Y in the torso's two hands with the loss on it, and an arrow from the legs back into the brick whose weight
    w and bias b moved (before → after, written under the figure)."""
    (_, head_top, _), (_, torso_top, _), (_, legs_top, _) = parts
    eye_x, eye_y, mouth_y = BODY_X + 100, head_top + 24, head_top + 37
    right, middle = BODY_X + BODY_W, BODY_X + BODY_W / 2
    torso_left, torso_right = BODY_X + INSETS["torso"], right - INSETS["torso"]
    phases = [
        [
            _loop_text(f"X = {loop.x}  ({loop.which})", eye_x - 30, head_top - LOOP_ABOVE + 4, bold=True),
            _arrow(f"M{eye_x} {head_top - LOOP_ABOVE + 10} V{eye_y - 9}"),
        ],
        [
            f'<path d="M{middle - 16} {mouth_y - 4} Q{middle} {mouth_y + 4} {middle + 16} {mouth_y - 4}" '
            f'fill="none" stroke="#1b2a34" stroke-width="3" stroke-linecap="round"/>',
            _loop_text(f"→ Y′ {loop.said}", middle + 22, mouth_y + 4, bold=True),
        ],
        [
            _hand(f"Y′ {loop.said}", torso_left + 4, torso_top + 40, "start"),
            _hand(f"Y {loop.truth}", torso_right - 4, torso_top + 40, "end"),
            _loop_text(loop.loss, middle, torso_top + 84, "middle", bold=True, on_brick=True),
        ],
    ]
    if loop.w:
        brick_y = head_top + BRICKS_TOP + min(loop.brick, max(0, len(spec.head) - 1)) * (BRICK_H + 4) + BRICK_H / 2
        legs_x, turn_x = right - INSETS["legs"], right + 22
        moved = " · ".join(part for part in (loop.w, loop.b) if part)
        phases.append(
            [
                _arrow(
                    f"M{legs_x} {legs_top + 22} H{turn_x - 8} Q{turn_x} {legs_top + 22} {turn_x} {legs_top + 14} "
                    f"V{brick_y + 8} Q{turn_x} {brick_y} {turn_x - 8} {brick_y} H{right - 2}"
                ),
                _loop_text(moved, middle, bottom + 26 + LOOP_BELOW, "middle", bold=True),
            ]
        )
    drawn = []
    for number, items in enumerate(phases[: loop.shown], start=1):
        colour = NOW if number == loop.shown else BEFORE
        drawn.append(f'<g class="loop" style="color:{colour}">{"".join(items)}</g>')
    return f"<defs>{_ARROW_HEAD}</defs>{''.join(drawn)}"


def _hand(text: str, x: float, y: float, anchor: str) -> str:
    """A number held in one of the torso's hands: a white tag on the torso, by its arm."""
    width = 8 + 7.6 * len(text)
    left = x - 4 if anchor == "start" else x + 4 - width
    return (
        f'<rect x="{left:g}" y="{y - 15:g}" width="{width:g}" height="21" rx="4" fill="#fff" stroke="currentColor"/>'
        + _loop_text(text, x, y, anchor, bold=True)
    )


_ARROW_HEAD = (
    '<marker id="loop-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" '
    'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="context-stroke"/></marker>'
)


def _arrow(path: str) -> str:
    return f'<path d="{path}" fill="none" stroke="currentColor" stroke-width="2.5" marker-end="url(#loop-head)"/>'


def _loop_text(text: str, x: float, y: float, anchor: str = "start", bold: bool = False, on_brick=False) -> str:
    weight = ' font-weight="700"' if bold else ""
    fill = "#fff" if on_brick else "currentColor"
    return (
        f'<text class="note" x="{x:g}" y="{y:g}" text-anchor="{anchor}" style="fill:{fill}"{weight}>'
        f"{escape(text)}</text>"
    )


def figure_description(spec: FigureSpec, misfits: list[Misfit], compiled: bool, lang: str) -> str:
    """The figure in words, for whoever cannot see the drawing: its bricks, torso, legs, what does not fit, and
    whether it is snapped together."""
    head = ", ".join(brick_label(b) for b in spec.head) if spec.head else t("figure.empty_head", lang)
    torso = brick_label(spec.torso) if spec.torso else t("figure.no_torso", lang)
    legs = brick_label(spec.legs) if spec.legs else t("figure.no_legs", lang)
    words = [t("figure.described", lang, n=len(spec.head), head=head, torso=torso, legs=legs)]
    words += [f"{t(f'part.{m.part}', lang)}: {m.reason.text(lang)}" for m in misfits]
    words.append(t("figure.snapped" if compiled else "figure.not_snapped", lang))
    return " ".join(w if w.endswith((".", "!", "?")) else w + "." for w in words)


def part_boxes(spec: FigureSpec, compiled: bool) -> list[tuple[str, int, int]]:
    """Where the head, the torso and the legs sit, top to bottom: (part, top, height); snapped when compiled."""
    gap = 0 if compiled else GAP
    head_h = BRICKS_TOP + 8 + max(1, len(spec.head)) * (BRICK_H + 4)
    torso_top = HEAD_TOP + head_h + gap
    return [("head", HEAD_TOP, head_h), ("torso", torso_top, TORSO_H), ("legs", torso_top + TORSO_H + gap, LEGS_H)]


def _part_title(text: str, y: int) -> str:
    return f'<text class="part" x="{BODY_X}" y="{y}">{escape(text)}</text>'


def _head(spec: FigureSpec, top: int, height: int, lang: str) -> str:
    """The head: a yellow face with eyes (where the input comes in) and the layer bricks below them."""
    items = [
        f'<rect x="{BODY_X}" y="{top}" width="{BODY_W}" height="{height}" rx="22" fill="#f2cd37" class="brick"/>',
        f'<circle cx="{BODY_X + 100}" cy="{top + 24}" r="6" fill="#1b2a34"/>',
        f'<circle cx="{BODY_X + 160}" cy="{top + 24}" r="6" fill="#1b2a34"/>',
    ]
    y = top + BRICKS_TOP
    if not spec.head:
        items.append(
            f'<rect x="{BODY_X + 16}" y="{y}" width="{BODY_W - 32}" height="{BRICK_H}" rx="5" class="missing"/>'
            f'<text class="note" x="{BODY_X + BODY_W / 2}" y="{y + 22}" text-anchor="middle">'
            f"{escape(t('figure.empty_head', lang))}</text>"
        )
    for brick in spec.head:
        colour = CATALOGUE[brick.card].colour
        items.append(
            f'<g><rect x="{BODY_X + 16}" y="{y}" width="{BODY_W - 32}" height="{BRICK_H}" rx="5" '
            f'fill="{colour}" class="brick"/>'
            f'<rect x="{BODY_X + 16}" y="{y}" width="{BODY_W - 32}" height="{BRICK_H}" rx="5" fill="url(#shine)"/>'
            f'<text class="label" x="{BODY_X + BODY_W / 2}" y="{y + 22}" text-anchor="middle"'
            f"{_fitted(brick_label(brick), BODY_W - 44)}>"
            f"{escape(brick_label(brick))}</text></g>"
        )
        y += BRICK_H + 4
    return "\n".join(items)


def _part_piece(brick: Brick | None, part: str, top: int, height: int, lang: str) -> str:
    """The torso or the legs: a block in the card's colour, or a dashed outline when missing."""
    inset = INSETS[part]
    x, w, middle = BODY_X + inset, BODY_W - 2 * inset, BODY_X + BODY_W / 2
    caption_colour = "#6c6e68" if brick is None else "#fff"
    caption = (
        f'<text class="part" x="{middle}" y="{top + 20}" text-anchor="middle" style="fill:{caption_colour}">'
        f"{escape(t(f'part.{part}', lang))}</text>"
    )
    if brick is None:
        return (
            f'<rect x="{x}" y="{top}" width="{w}" height="{height}" rx="8" class="missing"/>{caption}'
            f'<text class="note" x="{middle}" y="{top + height / 2 + 8}" text-anchor="middle">'
            f"{escape(t(f'figure.no_{part}', lang))}</text>"
        )
    colour = CATALOGUE[brick.card].colour
    label_y = top + height / 2 + 10
    if part == "legs":
        # Hips carry the caption and the name; the two legs hang below them.
        half, hips = w / 2 - 3, 44
        label_y = top + 38
        shape = f'<rect x="{x}" y="{top}" width="{w}" height="{hips}" rx="6" fill="{colour}" class="brick"/>' + "".join(
            f'<rect x="{left}" y="{top + hips}" width="{half}" height="{height - hips}" rx="6" fill="{colour}" '
            f'class="brick"/>'
            for left in (x, x + half + 6)
        )
    else:
        arms = "".join(
            f'<rect x="{left}" y="{top + 8}" width="18" height="{height - 24}" rx="8" fill="{colour}" class="brick"/>'
            for left in (x - 20, x + w + 2)
        )
        shape = arms + f'<rect x="{x}" y="{top}" width="{w}" height="{height}" rx="10" fill="{colour}" class="brick"/>'
    return (
        f"<g>{shape}{caption}"
        f'<text class="label" x="{middle}" y="{label_y}" text-anchor="middle"{_fitted(brick_label(brick), w - 12)}>'
        f"{escape(brick_label(brick))}</text></g>"
    )


LABEL_CHAR_PX = 7.6  # the average width of a bold 14px label character


def _fitted(text: str, width: float) -> str:
    """Squeeze a label that would run over its brick (SVG `textLength`); short labels keep their natural width."""
    if len(text) * LABEL_CHAR_PX <= width:
        return ""
    return f' textLength="{width:g}" lengthAdjust="spacingAndGlyphs"'


def _notes(part: str, misfits: list[Misfit], top: int, height: int, lang: str, beside: bool = True) -> str:
    """The misfits of one part: a red edge and "!" on the part (the reasons as its tooltip), the reasons beside it."""
    if not misfits:
        return ""
    inset = INSETS[part]
    x, w = BODY_X + inset, BODY_W - 2 * inset
    tooltip = escape(" ".join(m.reason.text(lang) for m in misfits))
    items = [
        f'<rect x="{x}" y="{top}" width="{w}" height="{height}" rx="10" fill="none" class="misfit">'
        f"<title>{tooltip}</title></rect>",
        f'<circle cx="{x + w}" cy="{top}" r="11" fill="#d01012"/>',
        f'<text class="badge" x="{x + w}" y="{top + 5}" text-anchor="middle">!</text>',
    ]
    if not beside:
        return "\n".join(items)
    lines = [line for m in misfits for line in textwrap.wrap(m.reason.text(lang), 34 if lang == "en" else 22)]
    for i, line in enumerate(lines[:8]):
        items.append(f'<text class="note bad" x="{NOTE_X}" y="{top + 16 + i * 19}">{escape(line)}</text>')
    return "\n".join(items)
