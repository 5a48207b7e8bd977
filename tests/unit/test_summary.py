from minifig.build import build_head
from minifig.cards import brick
from minifig.spec import FigureSpec, seed_figure
from minifig.summary import layer_infos, total_weights


def test_seed_head_in_plain_numbers():
    infos = layer_infos(seed_figure(), 1)
    assert [(i.takes, i.gives, i.weights) for i in infos] == [
        (1, 64, 128),
        (64, 64, 4160),
        (64, 64, 4160),
        (64, 64, 4160),
        (64, 1, 65),
    ]


def test_weight_counts_match_keras_for_every_layer_card():
    spec = FigureSpec(
        head=(
            brick("normalization"),
            brick("dense", units=8),
            brick("normalization"),
            brick("batchnorm"),
            brick("dropout"),
            brick("activation"),
            brick("dense", units=3),
        )
    )
    assert total_weights(spec, 5) == build_head(spec, 5).count_params()
    assert total_weights(seed_figure(), 1) == build_head(seed_figure(), 1).count_params()
