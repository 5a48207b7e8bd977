"""The page's frame: one screen of workbench (bricks, the figure, training and the question) above tabs that hold
everything else one click away. Only placement and looks live here; each part draws itself.

On a wide screen the workbench's four columns each fit the window's height (a column taller than that scrolls
inside itself); on a phone the columns stack with the figure and training first.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import streamlit as st

from components.state import tr

TABS = ("data", "results", "inside", "take_home", "compare", "teacher")
PHONE = "(max-width: 640px)"  # Streamlit stacks columns below this width

STYLE = f"""<style>
/* Korean words never break in the middle; long words elsewhere may wrap rather than overflow */
.stApp {{ word-break: keep-all; overflow-wrap: break-word; }}
/* one screen: less empty space around the page, a smaller title */
[data-testid='stMainBlockContainer'] {{ padding: 3.25rem 1.5rem 2rem; max-width: 100%; }}
.st-key-page_top h1 {{ font-size: 1.6rem; padding: 0; line-height: 1.25; }}
.st-key-section_bench h3 {{ font-size: 1.2rem; padding: 0.1rem 0 0.2rem; }}
.st-key-section_bench h3 + div, .st-key-section_bench [data-testid='stHeadingWithActionElements'] {{ margin: 0; }}
.st-key-lesson h2 {{ font-size: 1.3rem; padding: 0.1rem 0; }}
/* the head's bricks and the palette's scroll inside their own boxes: the torso and the legs stay in sight below the
   head, and the palette fits its column whatever the number of bricks on offer */
@media not {PHONE} {{
  .st-key-bench_build .st-key-head {{ max-height: 32vh; overflow-y: auto; }}
  .st-key-bench_palette .st-key-palette {{ max-height: calc(100vh - 6.5rem - var(--minifig-bench-top, 13.5rem));
    overflow-y: auto; }}
}}
/* the copy-link button, drawn like the page's own buttons */
.minifig-copy {{ font: inherit; font-size: 0.9rem; padding: 0.3rem 0.7rem; border-radius: 0.5rem; cursor: pointer;
  background: #fff; color: #31333f; border: 1px solid rgba(49, 51, 63, 0.3); white-space: nowrap; }}
.minifig-copy:hover {{ border-color: #0055bf; color: #0055bf; }}
.minifig-said {{ display: block; font-size: 0.8rem; color: #1e7b34; min-height: 1em; }}
/* a link to hand out (the challenge's): whole, wrapped anywhere, selectable */
.minifig-link {{ display: block; font-size: 0.8rem; line-height: 1.4; padding: 0.6rem 0.8rem; border-radius: 0.5rem;
  background: #f6f7f9; color: #31333f; word-break: break-all; user-select: all; }}
/* the answer's and the weights' pictures (minifig.pictures): a legend that wraps, the picture as wide as its place */
.minifig-legend {{ display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.8rem; margin-bottom: 0.1rem; }}
.minifig-legend span {{ display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; }}
.minifig-picture {{ padding-bottom: 1rem; }}  /* Streamlit pulls a Markdown block 1rem up into what follows */
.minifig-picture svg.minifig-chart {{ display: block; max-width: 34rem; height: auto; }}
/* the answer-ahead component has nothing to show (components/answer_ahead) */
.st-key-answer_ahead {{ display: none; }}
/* a visible focus ring on whatever the keyboard is on */
.stApp :focus-visible {{ outline: 3px solid #0055bf !important; outline-offset: 2px; }}
/* workbench columns: each as tall as the window at most, scrolling inside itself */
@media not {PHONE} {{
  .st-key-bench_palette, .st-key-bench_build, .st-key-bench_figure, .st-key-bench_train {{
    max-height: calc(100vh - var(--minifig-bench-top, 13.5rem));
    overflow-y: auto; overflow-x: hidden; padding-right: 0.35rem;
  }}
}}
/* on a phone: the figure and training come first, then the bricks and the head; the title line stays short */
@media {PHONE} {{
  .st-key-page_top h1 {{ font-size: 1.3rem; }}
  [data-testid='stColumn']:has(.st-key-bench_figure) {{ order: -2; }}
  [data-testid='stColumn']:has(.st-key-bench_train) {{ order: -1; }}
}}
/* headings that give the page its outline for screen readers, not shown */
.minifig-sr-only {{ position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }}
</style>"""


@dataclass(frozen=True)
class Workbench:
    """The four places of the first screen, left to right."""

    palette: object
    build: object  # the head's bricks, the torso and the legs
    figure: object  # the drawing, what does not fit, Compile
    train: object  # training, the curves and the question


def render_style() -> None:
    st.html(STYLE)


def workbench() -> Workbench:
    with st.container(key="section_bench"):
        columns = st.columns([0.95, 1.15, 1.0, 1.65], gap="small")
    keys = ("bench_palette", "bench_build", "bench_figure", "bench_train")
    places = [column.container(key=key) for column, key in zip(columns, keys, strict=True)]
    hidden_heading(places[0], tr("layout.build"))
    hidden_heading(places[3], tr("layout.train"))
    return Workbench(*places)


def more_tabs() -> dict[str, object]:
    """The tabs below the workbench, by name: data, results, inside, take_home, compare, teacher."""
    hidden_heading(st, tr("layout.more"))
    tabs = st.tabs([tr(f"layout.tab_{name}") for name in TABS], key="more")
    return dict(zip(TABS, tabs, strict=True))


def hidden_heading(place, text: str) -> None:
    """A second-level heading only screen readers announce: the page's outline without more on screen."""
    place.html(f'<h2 class="minifig-sr-only">{escape(text)}</h2>')
