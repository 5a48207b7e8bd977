"""The sentence table: every sentence exists in English and Korean with the same placeholders, and messages nest."""

import re
import string

import pytest

from minifig.i18n import LANGUAGES, STRINGS, Message, t

HANGUL = re.compile("[\uac00-\ud7a3]")
KEYS = sorted(STRINGS)

# English-only grammar helpers: Korean has no plural, so it does not need the word the page picks for one/many.
# English says "1 number" / "64 numbers"; Korean has no plural.
ENGLISH_ONLY_PLACEHOLDERS = {"ui.layer_line": {"numbers"}, "misfit.width": {"numbers"}}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_languages_are_english_and_korean():
    assert LANGUAGES == ("en", "ko")


def test_the_table_is_not_empty_and_keys_are_dotted_names():
    assert len(STRINGS) > 50
    for key in STRINGS:
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key), key


@pytest.mark.parametrize("key", KEYS)
def test_every_sentence_is_in_english_and_korean(key):
    entry = STRINGS[key]
    assert set(entry) == {"en", "ko"}
    assert entry["en"].strip(), f"{key}: empty English"
    assert entry["ko"].strip(), f"{key}: empty Korean"


@pytest.mark.parametrize("key", KEYS)
def test_english_and_korean_use_the_same_placeholders(key):
    entry = STRINGS[key]
    english_only = ENGLISH_ONLY_PLACEHOLDERS.get(key, set())
    assert placeholders(entry["en"]) - english_only == placeholders(entry["ko"])


@pytest.mark.parametrize("key", sorted(ENGLISH_ONLY_PLACEHOLDERS))
def test_english_only_placeholders_are_still_in_use(key):
    # A stale exception would hide a real mismatch: each listed name must be in English and absent in Korean.
    names = ENGLISH_ONLY_PLACEHOLDERS[key]
    assert names <= placeholders(STRINGS[key]["en"])
    assert not names & placeholders(STRINGS[key]["ko"])


@pytest.mark.parametrize("key", KEYS)
def test_every_korean_sentence_contains_hangul(key):
    # No key is a pure name or symbol: every Korean sentence is written in Hangul.
    assert HANGUL.search(STRINGS[key]["ko"]), f"{key}: {STRINGS[key]['ko']!r}"


@pytest.mark.parametrize("key", KEYS)
def test_english_sentences_are_not_korean(key):
    assert not HANGUL.search(STRINGS[key]["en"]), key


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_fills_all_its_placeholders(key, lang):
    values = {name: f"<{name}>" for name in placeholders(STRINGS[key][lang])}
    text = t(key, lang, **values)
    for value in values.values():
        assert value in text
    assert "{" not in text and "}" not in text, f"{key}/{lang}: stray brace in {text!r}"


def test_t_fills_placeholders_in_the_chosen_language():
    assert t("ui.weights", "en", n=65) == "65 weights"
    assert t("ui.weights", "ko", n=65) == "가중치 65개"


def test_t_falls_back_to_english_for_an_unknown_language():
    assert t("ui.remove", "fr") == STRINGS["ui.remove"]["en"]


def test_t_raises_key_error_for_an_unknown_key():
    with pytest.raises(KeyError):
        t("no.such_key", "en")


def test_t_raises_key_error_when_a_placeholder_is_missing():
    with pytest.raises(KeyError):
        t("ui.weights", "en")


def test_message_text_translates():
    message = Message("part.head")
    assert message.text("en") == "head"
    assert message.text("ko") == "머리"


def test_message_values_default_to_empty_and_messages_compare_by_value():
    assert Message("ui.fits").values == {}
    assert Message("ui.weights", {"n": 1}) == Message("ui.weights", {"n": 1})
    assert Message("ui.weights", {"n": 1}) != Message("ui.weights", {"n": 2})


def test_nested_messages_are_translated_at_every_level():
    units = Message("field.units")
    where = Message("where.brick", {"what": units, "n": 2})
    problem = Message("problem.too_small", {"what": where, "value": 0, "low": 1})
    assert problem.text("en") == "Units of brick 2 is 0, but it must be at least 1."
    ko = problem.text("ko")
    assert "2번 블록의 뉴런 수" in ko
    assert "Units" not in ko and "brick" not in ko


def test_nested_message_in_t_values_is_translated():
    assert t("ui.fix", "ko", fix=Message("fix.no_legs")) == "고치는 법: 다리에 옵티마이저 카드를 고르세요."
    assert t("ui.fix", "en", fix=Message("fix.no_legs")) == "How to fix it: Pick an optimizer card for the legs."


def test_a_sentence_key_written_twice_is_refused(tmp_path):
    import tomllib

    from minifig.locale_files import read

    twice = tmp_path / "en.toml"
    twice.write_text('[why]\nhinge = "one sentence"\nhinge = "another sentence"\n', encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError, match="line 3"):
        read(twice)
