"""The brick meter on the page: each head card's weights, the total under the figure, and seconds per epoch."""


def captions(app) -> list[str]:
    return [c.value for c in app.caption]


def test_head_cards_show_their_weights_and_the_figure_its_total_and_speed(app):
    assert captions(app).count("4,160 weights") == 3
    assert "128 weights" in captions(app) and "65 weights" in captions(app)
    total = next(m.value for m in app.markdown if "in the head" in m.value)
    assert "12,673 weights" in total and "per epoch" not in total
    app.number_input(key="epochs").set_value(5).run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    total = next(m.value for m in app.markdown if "in the head" in m.value)
    assert "last training:" in total and " per epoch" in total
    app.number_input(key="p2_units").set_value(32).run()  # Dense 32 under Dense 64: 64×32 + 32
    assert "2,080 weights" in captions(app)
