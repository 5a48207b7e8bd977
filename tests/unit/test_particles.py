"""Korean particles follow the filled-in word's last sound, and no Korean sentence hedges with "은(는)"."""

import re
import string

import pytest

from minifig.i18n import STRINGS, Message, t
from minifig.particles import FORMS, PAIRS, attach, final_sound

HEDGES = re.compile(r"\((이|은|는|을|를|으|과|와|가)\)|(은|을|이|와)\((는|를|가|과)\)")

# word → (은/는, 이/가, 을/를, 과/와, 으로/로) as a Korean reader says them
EXPECTED = {
    "학습률": ("학습률은", "학습률이", "학습률을", "학습률과", "학습률로"),
    "뉴런 수": ("뉴런 수는", "뉴런 수가", "뉴런 수를", "뉴런 수와", "뉴런 수로"),
    "몸통": ("몸통은", "몸통이", "몸통을", "몸통과", "몸통으로"),
    "Adam": ("Adam은", "Adam이", "Adam을", "Adam과", "Adam으로"),
    "Dense": ("Dense는", "Dense가", "Dense를", "Dense와", "Dense로"),
    "Dropout": ("Dropout은", "Dropout이", "Dropout을", "Dropout과", "Dropout으로"),
    "RMSprop": ("RMSprop은", "RMSprop이", "RMSprop을", "RMSprop과", "RMSprop으로"),
    "SGD": ("SGD는", "SGD가", "SGD를", "SGD와", "SGD로"),
    "MSE": ("MSE는", "MSE가", "MSE를", "MSE와", "MSE로"),
    "Conv2D": ("Conv2D는", "Conv2D가", "Conv2D를", "Conv2D와", "Conv2D로"),
    "sigmoid": ("sigmoid는", "sigmoid가", "sigmoid를", "sigmoid와", "sigmoid로"),
    "relu": ("relu는", "relu가", "relu를", "relu와", "relu로"),
    "10": ("10은", "10이", "10을", "10과", "10으로"),  # 십
    "2": ("2는", "2가", "2를", "2와", "2로"),  # 이
    "1": ("1은", "1이", "1을", "1과", "1로"),  # 일: ㄹ takes 로
    "0.5": ("0.5는", "0.5가", "0.5를", "0.5와", "0.5로"),  # 영점오
    "1,000": ("1,000은", "1,000이", "1,000을", "1,000과", "1,000으로"),  # 천
    "Dense(1, sigmoid)": (
        "Dense(1, sigmoid)는",
        "Dense(1, sigmoid)가",
        "Dense(1, sigmoid)를",
        "Dense(1, sigmoid)와",
        "Dense(1, sigmoid)로",
    ),
}


@pytest.mark.parametrize("word", sorted(EXPECTED))
def test_each_particle_follows_the_words_last_sound(word):
    got = tuple(attach(word, particle) for particle in ("은", "이", "을", "과", "으로"))
    assert got == EXPECTED[word]


def test_either_form_names_the_same_particle():
    for after_consonant, after_vowel in PAIRS:
        assert attach("Adam", after_vowel) == attach("Adam", after_consonant) == "Adam" + after_consonant
        assert attach("Dense", after_consonant) == "Dense" + after_vowel


def test_an_unknown_particle_is_a_programmer_error():
    with pytest.raises(ValueError, match="unknown Korean particle"):
        attach("Adam", "에게")


def test_closing_quotes_and_brackets_are_read_past():
    assert final_sound("“relu”") == final_sound("relu") == ""
    assert final_sound("(Adam)") == "m"


def test_no_korean_sentence_hedges_its_particle():
    hedged = {key: entry["ko"] for key, entry in STRINGS.items() if HEDGES.search(entry["ko"])}
    assert not hedged, hedged


def test_every_particle_placeholder_names_a_known_particle():
    unknown = {}
    for key, entry in STRINGS.items():
        for _, name, spec, _ in string.Formatter().parse(entry["ko"]):
            hangul = "".join(c for c in spec or "" if "가" <= c <= "힣")
            if hangul and hangul not in FORMS:
                unknown[key] = f"{{{name}:{spec}}}"
    assert not unknown, unknown


def test_t_picks_the_particle_for_the_value_it_fills_in():
    rate = Message("field.learning_rate")
    assert t("problem.too_large", "ko", what=rate, value="10", high="1").startswith("학습률이 10인데")
    units = Message("field.units")
    assert t("problem.too_large", "ko", what=units, value="9999", high="1024").startswith("뉴런 수가 9999인데")
    assert t("problem.unknown_card", "ko", value="relu") == "“relu”라는 카드는 없습니다."
    assert t("problem.unknown_card", "ko", value="Adam") == "“Adam”이라는 카드는 없습니다."
    assert t("ui.add", "ko", card="Dense") == "Dense를 머리에 추가"
    assert t("ui.add", "ko", card="Dropout") == "Dropout을 머리에 추가"


def test_english_sentences_keep_ordinary_formats():
    assert (
        t("ui.figures", "en", loss=f"{0.5:.4f}", metric="accuracy", value="1.0000") == "loss 0.5000 · accuracy 1.0000"
    )


def test_digits_of_other_scripts_take_a_particle_instead_of_raising():
    """A CSV column "x²" or a cell "٣" ends in what str.isdigit calls a digit; the fuzz tests found a KeyError."""
    from minifig.particles import attach

    for word in ("x²", "٣", "¹", "x₂", "１"):
        assert attach(word, "이") in (f"{word}이", f"{word}가")
