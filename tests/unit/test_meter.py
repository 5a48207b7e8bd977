import pytest

from minifig.build import build_head
from minifig.cards import LAYER, brick, cards_of
from minifig.history import EpochLog, TrainResult
from minifig.meter import duration_text, meter
from minifig.spec import FigureSpec, seed_figure


def test_seed_cards_count_their_weights_and_the_total_matches_keras():
    counts = meter(seed_figure(), 1)
    assert counts.per_brick == (128, 4160, 4160, 4160, 65)  # Dense 64 after Dense 64: 64×64 weights + 64 biases
    assert counts.total == 12_673 == build_head(seed_figure(), 1).count_params()
    assert counts.seconds_per_epoch is None  # nothing trained yet


def test_the_meter_says_the_last_trainings_seconds_per_epoch():
    run = TrainResult(logs=[EpochLog(e, 0.5, 1.0) for e in range(1, 5)], seconds=0.2)
    assert meter(seed_figure(), 1, run).seconds_per_epoch == pytest.approx(0.05)
    assert meter(seed_figure(), 1, TrainResult()).seconds_per_epoch is None  # a run stopped before its first epoch


@pytest.mark.parametrize(("seconds", "text"), [(0.00062, "0.62 ms"), (0.048, "48 ms"), (1.26, "1.3 s")])
def test_durations_read_as_people_say_them(seconds, text):
    assert duration_text(seconds) == text


@pytest.mark.parametrize("card", [c for c in cards_of(LAYER) if not c.image_only], ids=lambda c: c.id)
def test_the_meter_calls_a_brick_measured_exactly_when_keras_trains_none_of_its_weights(card):
    """The head's card says "no weights to train" for measuring bricks (Normalization): Keras agrees, brick by brick."""
    spec = FigureSpec(head=(brick(card.id),))
    layer = build_head(spec, 3).layers[-1]
    kept, trained = len(layer.weights), len(layer.trainable_weights)
    assert card.adapts == (kept > 0 and trained == 0), (card.id, kept, trained)
    assert meter(spec, 3).total == build_head(spec, 3).count_params()
