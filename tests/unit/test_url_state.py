import pytest

from minifig.cards import brick
from minifig.spec import FigureSpec, SpecError, Training, seed_figure
from minifig.url_state import from_query, has_figure, to_query


def as_browser(query):
    """Query parameters as the page reads them back: every value a list of strings."""
    return {k: v if isinstance(v, list) else [v] for k, v in query.items()}


def test_seed_figure_round_trips_through_the_address():
    query = to_query(seed_figure())
    assert query["layer"][0] == "dense-64-relu" and query["legs"] == "adam-0.001"
    assert from_query(as_browser(query)) == seed_figure()


def test_every_card_and_small_numbers_round_trip():
    spec = FigureSpec(
        head=(
            brick("normalization"),
            brick("dense", units=3, activation="tanh"),
            brick("dropout", rate=0.35),
            brick("batchnorm"),
            brick("activation", activation="gelu"),
        ),
        torso=brick("huber"),
        legs=brick("sgd", learning_rate=0.00001, momentum=0.9),
        training=Training(epochs=7, batch_size=3, validation_split=0.25, seed=9),
    )
    assert from_query(as_browser(to_query(spec))) == spec
    assert to_query(spec)["layer"][0] == "normalization"  # a brick without settings is its card id alone


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ({"layer": ["dense-1000000000-relu"]}, "problem.too_large"),
        ({"layer": ["rocket-1"]}, "problem.unknown_card"),
        ({"layer": ["dense-64-relu-l2-0.1-9"]}, "problem.malformed"),
        ({"layer": ["dense-64-__import__('os')"]}, "problem.bad_choice"),
        ({"epochs": ["1e9"]}, "problem.too_large"),
        ({"data": ["../../etc/passwd"]}, "problem.unknown_dataset"),
        ({"layer": ["dense-8-relu"] * 500}, "problem.too_many_layers"),
        ({"legs": ["adam-x"]}, "problem.not_a_number"),
    ],
)
def test_damaged_or_hostile_address_is_refused_with_a_reason(query, key):
    with pytest.raises(SpecError) as refused:
        from_query(query)
    assert key in [p.key for p in refused.value.problems]


def test_address_without_figure_keys_is_not_a_figure():
    assert not has_figure({"utm_source": ["x"]})
    assert has_figure({"layer": ["dense-1-sigmoid"]})


def test_eyes_sample_count_and_noise_travel_in_the_address():
    from dataclasses import replace

    from minifig.spec import preset_figure

    spec = replace(preset_figure("circle"), eyes=("x1sq", "x2sq"), samples=150, noise=0.25)
    query = to_query(spec)
    assert query["eyes"] == "x1sq,x2sq" and query["samples"] == "150" and query["noise"] == "0.25"
    assert from_query(as_browser(query)) == spec


@pytest.mark.parametrize(
    "extra, key",
    [
        ({"eyes": ["x1,__import__"]}, "problem.bad_choice"),
        ({"samples": ["100000"]}, "problem.too_large"),
        ({"noise": ["lots"]}, "problem.not_a_number"),
    ],
)
def test_bad_eyes_or_data_settings_are_refused(extra, key):
    with pytest.raises(SpecError) as refused:
        from_query({"data": ["circle"], **extra})
    assert key in [p.key for p in refused.value.problems]
