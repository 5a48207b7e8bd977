"""A page opened from any address paints its first screen without the browser's heaviest scripts: the first run of a
session draws no element whose script is loaded only for it (Plotly's 4.7 MB, the code view's syntax highlighter's
1.5 MB, the data grid's 1.3 MB). Every element of a first run waits for every such script before it is shown (seen in
Chromium: the buttons, inputs and the code view appear in the same millisecond), so one of them anywhere, even in a
hidden tab, holds back Compile.

And every other kind of element a first page draws with a script of its own is primed (components/primer.py): the
browser runs that script before the page's elements arrive, so they are drawn at once and not as placeholders."""

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from components import primer
from minifig.datasets import DATASETS
from tests.app.conftest import APP

HEAVY = (
    "plotly_chart",
    "code",
    "arrow_data_frame",
    "dataframe",
    "arrow_table",
    "vega_lite_chart",
    "deck_gl_json_chart",
    "graphviz_chart",
    "bokeh_chart",
)

# Drawn by Streamlit's own bundle, with no script loaded for them (its Markdown, headings and alerts).
BUNDLED = {"caption", "header", "subheader", "title", "info", "warning", "error", "success", "empty", "divider"}
# A component's own page or script, with its own placeholder until it is ready: not drawn without its data.
OWN_SCRIPT = {"bidi_component", "component_instance"}
SAME_SCRIPT = {"select_slider": "slider", "toggle": "checkbox"}  # drawn by the script of the kind named


@pytest.fixture(scope="module")
def first_pages() -> dict[str, AppTest]:
    """Each data set's page after a session's first run (its address names the data set)."""
    pages = {}
    for dataset in DATASETS:
        app = AppTest.from_file(APP, default_timeout=120)
        app.query_params["data"] = dataset
        pages[dataset] = app.run()
    return pages


def kinds_drawn(app: AppTest) -> set[str]:
    return {node.type for root in (app.main, app.sidebar) for node in root if not isinstance(node, Block)}


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_a_first_page_draws_no_element_with_a_heavy_script(first_pages, dataset):
    app = first_pages[dataset]
    assert not app.exception
    assert app.session_state.dataset == dataset
    drawn = {kind: len(app.get(kind)) for kind in HEAVY}
    assert not any(drawn.values()), drawn


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_every_kind_a_first_page_draws_is_primed_or_needs_no_script_of_its_own(first_pages, dataset):
    unprimed = kinds_drawn(first_pages[dataset]) - set(primer.KINDS) - BUNDLED - OWN_SCRIPT - set(SAME_SCRIPT)
    assert not unprimed, f"add a primer to components/primer.py KINDS (and its script to the preloads): {unprimed}"


def test_every_primed_kind_is_drawn_by_some_first_page(first_pages):
    """A primer costs the first paint its script: none for a kind no first page draws."""
    drawn = set().union(*map(kinds_drawn, first_pages.values()))
    assert set(primer.KINDS) <= drawn
    assert set(SAME_SCRIPT.values()) <= set(primer.KINDS)


def _draw_primers():
    from components.primer import draw_primers

    draw_primers()


def test_the_primers_are_one_element_of_each_primed_kind():
    app = AppTest.from_function(_draw_primers).run()
    assert not app.exception
    drawn = [node.type for node in app.main if not isinstance(node, Block)]
    assert sorted(drawn) == sorted(primer.KINDS)


def test_a_page_without_a_browser_is_not_primed(first_pages):
    """AppTest has no browser to prime: nothing is drawn into the hidden container, and the page never waits."""
    app = first_pages["seed"]
    assert not app.session_state.primed
    assert not [node for node in app.main if getattr(node, "key", None) == primer.KEY]
