import math
from dataclasses import replace

from minifig.cards import brick
from minifig.compare import Contender, on_shared_training, ranking, train_together
from minifig.datasets import load
from minifig.history import EpochLog
from minifig.spec import Training, seed_figure


def test_ranking_puts_the_lowest_validation_loss_first_then_the_quickest():
    a = Contender("a", seed_figure(), history=[EpochLog(1, 0.1, 1.0, 0.5, 1.0)], seconds=1.0)
    b = Contender("b", seed_figure(), history=[EpochLog(1, 0.9, 1.0, 0.2, 1.0)], seconds=3.0)
    c = Contender("c", seed_figure(), history=[EpochLog(1, 0.9, 1.0, 0.2, 1.0)], seconds=2.0)
    untrained = Contender("d", seed_figure())
    nan = Contender("e", seed_figure(), history=[EpochLog(1, math.nan, 0.5)])
    assert [x.name for x in ranking([a, b, untrained, c, nan])][:3] == ["c", "b", "a"]


def test_figures_train_in_step_on_the_same_split_and_can_stop():
    shared = Training(epochs=5, batch_size=10, validation_split=0.2, seed=7)
    adam = Contender("adam", on_shared_training(seed_figure(), shared))
    sgd = Contender("sgd", on_shared_training(replace(seed_figure(), legs=brick("sgd")), shared))
    seen = []
    ran = train_together([adam, sgd], load("seed"), 5, 10, on_epoch=seen.append, should_stop=lambda: len(seen) == 3)
    assert ran.rounds == 3 and ran.stopped and not ran.timed_out and seen == [1, 2, 3]
    assert len(adam.history) == len(sgd.history) == 3
    assert adam.history[-1].val_loss is not None and adam.trainer.n_train == sgd.trainer.n_train == 8
    assert adam.seconds > 0 and sgd.seconds > 0


def test_on_uneven_inputs_the_figure_with_a_normalization_brick_first_ranks_first():
    import numpy as np
    import sklearn.datasets

    from minifig.datasets import Dataset

    x, y = sklearn.datasets.load_wine(return_X_y=True)
    wine = Dataset("csv", "dataset.csv", x.astype("float32"), y.astype("float32"), "classes", n_classes=3)
    body = (brick("dense", units=16, activation="relu"), brick("dense", units=3, activation="softmax"))
    shared = Training(epochs=20, batch_size=10, validation_split=0.2, seed=42)
    base = replace(seed_figure(), head=body, torso=brick("sparse_categorical_crossentropy"), dataset="csv")
    raw = Contender("raw", on_shared_training(base, shared))
    normalised = Contender(
        "normalised", on_shared_training(replace(base, head=(brick("normalization"), *body)), shared)
    )
    train_together([raw, normalised], wine, 20, 10)
    assert [c.name for c in ranking([raw, normalised])] == ["normalised", "raw"]
    from minifig.datasets import split

    mean = normalised.trainer.model.layers[0].get_weights()[0]
    np.testing.assert_allclose(mean, split(wine, 0.2, 42).x_train.mean(axis=0), rtol=1e-5)  # measured when compared
    assert normalised.history[-1].val_metric >= 0.9


def test_short_names_say_only_what_differs():
    from dataclasses import replace

    from minifig.cards import brick
    from minifig.compare import short_names
    from minifig.spec import seed_figure

    seed = seed_figure()
    legs = [brick("sgd", learning_rate=0.01), brick("adam", learning_rate=0.001), brick("rmsprop", learning_rate=0.001)]
    assert short_names([replace(seed, legs=b) for b in legs], "en") == ["SGD 0.01", "Adam 0.001", "RMSprop 0.001"]
    assert short_names([seed, replace(seed, head=seed.head[:3])], "ko") == ["블록 5개", "블록 3개"]
    narrow = replace(seed, head=(seed.head[0], brick("dense", units=8, activation="relu"), *seed.head[2:]))
    assert short_names([seed, narrow], "en") == ["Dense 64 relu", "Dense 8 relu"]
    mixed = replace(narrow, torso=brick("mse"))
    assert short_names([seed, mixed], "en") == [
        "Dense 64 relu · Binary cross-entropy",
        "Dense 8 relu · Mean squared error",
    ]
    assert short_names([seed, seed], "en") == ["figure 1", "figure 2"]  # alike: told apart by number


def three_figures() -> list[Contender]:
    shared = Training(epochs=5, batch_size=10, validation_split=0.2, seed=7)
    return [
        Contender(legs, on_shared_training(replace(seed_figure(), legs=brick(legs)), shared))
        for legs in ("adam", "sgd", "rmsprop")
    ]


def test_a_stop_is_heard_after_one_epoch_of_one_figure_not_after_a_round_of_all():
    figures = three_figures()
    asked = []
    ran = train_together(figures, load("seed"), 5, 10, should_stop=lambda: asked.append(1) or True)
    assert ran.stopped and ran.rounds == 0 and len(asked) == 1
    assert [len(f.history) for f in figures] == [1, 0, 0]  # the first figure's epoch, then the stop


def test_training_together_obeys_the_wall_clock_cap():
    figures = three_figures()
    ran = train_together(figures, load("seed"), 1000, 10, max_seconds=0.0)
    assert ran.timed_out and ran.stopped
    assert [len(f.history) for f in figures] == [1, 0, 0]  # ended after the epoch that passed the cap
