"""Issue 17 in the page: inputs of very different sizes get the Normalization suggestion; its button puts the
brick first, the head's card says it has no weights to train, and the figure learns."""

import re

from minifig.typed_table import columns_for
from tests.app.test_story import texts

BIG_ROWS = [[str(100 * n), "1" if n > 5 else "0"] for n in range(1, 11)]  # the lesson's table, a hundred times


def suggestions(app) -> list[str]:
    return [i.value for i in app.info if "Normalization" in i.value]


def test_big_numbers_are_told_to_normalise_and_the_button_puts_the_brick_first(app):
    app.session_state["table_base"] = (columns_for(1), BIG_ROWS)
    app.selectbox(key="dataset").set_value("table").run()
    assert not app.exception
    (said,) = suggestions(app)  # the lesson's figure still fits: it stays, and is told what would help
    assert "The inputs reach 1,000 (“x”)" in said and "Put a Normalization brick first" in said
    assert app.session_state.head[0]["card"] == "dense"
    app.button(key="fix_normalization_first").click().run()
    assert [item["card"] for item in app.session_state.head][:2] == ["normalization", "dense"]
    assert suggestions(app) == []
    assert "no weights to train · 3 numbers measured from the data" in [c.value for c in app.caption]
    assert app.query_params["layer"][0] == "normalization"
    app.number_input(key="epochs").set_value(60).run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert not app.exception
    accuracy = float(re.search(r"accuracy (\d\.\d+)", texts(app)).group(1))
    assert accuracy == 1.0


def test_the_suggestion_speaks_korean(app):
    app.session_state["table_base"] = (columns_for(1), BIG_ROWS)
    app.selectbox(key="dataset").set_value("table").run()
    app.radio(key="lang").set_value("ko").run()
    (said,) = suggestions(app)
    assert "맨 앞에 Normalization 블록을 놓으세요" in said and "1,000까지 갑니다" in said
    assert app.button(key="fix_normalization_first").label == "맨 앞에 Normalization 블록 놓기"
