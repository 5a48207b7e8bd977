"""The sentence catalogue: one rule per test over every key of every locale file, naming every offender; messages
nest; and a language is one file (a third locale loads from a folder with nothing else changed)."""

import json
import re
import shutil
import string
import tomllib

import pytest

from minifig.i18n import CATALOGUE, LANGUAGE_NAMES, LANGUAGES, STRINGS, Catalogue, Message, t
from minifig.locale_files import FOLDER, REFERENCE, read

HANGUL = re.compile("[\uac00-\ud7a3]")
OTHERS = [lang for lang in LANGUAGES if lang != REFERENCE]

# English-only grammar helpers: English says "1 number" / "64 numbers"; Korean has no plural, so it does not need
# the word the page picks for one or many.
ENGLISH_ONLY_PLACEHOLDERS = {"ko": {"ui.layer_line": {"numbers"}, "misfit.width": {"numbers"}}}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def missing_keys(catalogue: Catalogue, lang: str) -> list[str]:
    return sorted(catalogue.locales[REFERENCE].sentences.keys() - catalogue.locales[lang].sentences.keys())


def extra_keys(catalogue: Catalogue, lang: str) -> list[str]:
    return sorted(catalogue.locales[lang].sentences.keys() - catalogue.locales[REFERENCE].sentences.keys())


def placeholder_differences(catalogue: Catalogue, lang: str, allowed: dict[str, set[str]]) -> dict[str, str]:
    english = catalogue.locales[REFERENCE].sentences
    differ = {}
    for key, text in catalogue.locales[lang].sentences.items():
        if key in english:
            want = placeholders(english[key]) - allowed.get(key, set())
            if placeholders(text) != want:
                differ[key] = f"{sorted(placeholders(text))} instead of {sorted(want)}"
    return differ


def empty_sentences(catalogue: Catalogue, lang: str) -> list[str]:
    return sorted(key for key, text in catalogue.locales[lang].sentences.items() if not text.strip())


# --- the languages -------------------------------------------------------------------------------


def test_the_languages_are_the_locale_files_english_first():
    assert LANGUAGES == tuple(sorted((path.stem for path in FOLDER.glob("*.toml")), key=lambda s: (s != "en", s)))
    assert LANGUAGES[:2] == ("en", "ko")
    assert LANGUAGE_NAMES == {"en": "English", "ko": "한국어"}


def test_keys_are_dotted_names():
    odd = [key for key in STRINGS if not re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key)]
    assert len(STRINGS) > 500
    assert not odd, f"keys that are not dotted lower-case names: {odd}"


# --- one rule per test, over every key ---------------------------------------------------------


@pytest.mark.parametrize("lang", OTHERS)
def test_no_locale_misses_a_sentence_english_has(lang):
    assert not missing_keys(CATALOGUE, lang), f"{lang}.toml lacks: {missing_keys(CATALOGUE, lang)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_no_locale_has_a_sentence_english_lacks(lang):
    assert not extra_keys(CATALOGUE, lang), f"{lang}.toml has keys en.toml has not: {extra_keys(CATALOGUE, lang)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_sentence_has_the_placeholders_of_its_english(lang):
    differ = placeholder_differences(CATALOGUE, lang, ENGLISH_ONLY_PLACEHOLDERS.get(lang, {}))
    assert not differ, f"{lang}.toml placeholders differ from English: {differ}"


def test_english_only_placeholders_are_still_in_use():
    # A stale exception would hide a real mismatch: each listed name must be in English and absent in the language.
    stale = [
        (lang, key)
        for lang, keys in ENGLISH_ONLY_PLACEHOLDERS.items()
        for key, names in keys.items()
        if not names <= placeholders(STRINGS[key][REFERENCE]) or names & placeholders(STRINGS[key][lang])
    ]
    assert not stale, f"exceptions that no longer hold: {stale}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sentence_is_empty(lang):
    assert not empty_sentences(CATALOGUE, lang), f"empty in {lang}.toml: {empty_sentences(CATALOGUE, lang)}"


def test_every_korean_sentence_is_written_in_hangul():
    # No key is a pure name or symbol: every Korean sentence holds Hangul.
    without = [key for key, entry in STRINGS.items() if not HANGUL.search(entry.get("ko", ""))]
    assert not without, f"Korean sentences without Hangul: {without}"


def test_no_python_file_outside_the_tests_holds_hangul():
    # Every sentence lives in the locale files (issue 12): Hangul syllables and letters (jamo) alike.
    root = FOLDER.parents[1]
    hangul = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]")
    sources = [p for p in root.rglob("*.py") if not {"tests", ".venv", ".git"} & set(p.relative_to(root).parts)]
    assert len(sources) > 30, sources  # the app, its components, the core and the benches
    holding = [str(p.relative_to(root)) for p in sources if hangul.search(p.read_text(encoding="utf-8"))]
    assert not holding, f"Python files with Hangul: {holding}"


def test_korean_says_epoch_in_korean():
    # 에포크, never the English word, outside the placeholders (issue 13: no English "epoch" in Korean status lines).
    english = [key for key, entry in STRINGS.items() if "epoch" in re.sub(r"\{[^}]*\}", "", entry["ko"]).lower()]
    assert not english, f"Korean sentences with the English word epoch: {english}"


def test_no_english_sentence_is_korean():
    korean = [key for key, entry in STRINGS.items() if HANGUL.search(entry[REFERENCE])]
    assert not korean, f"English sentences with Hangul: {korean}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_fills_all_its_placeholders(lang):
    unfilled = {}
    for key, entry in STRINGS.items():
        values = {name: f"<{name}>" for name in placeholders(entry[lang])}
        text = t(key, lang, **values)
        if any(value not in text for value in values.values()) or "{" in text or "}" in text:
            unfilled[key] = text
    assert not unfilled, f"{lang}: sentences left with a hole or a stray brace: {unfilled}"


# --- t and Message -------------------------------------------------------------------------------


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


# --- the files -----------------------------------------------------------------------------------


def test_a_sentence_key_written_twice_is_refused(tmp_path):
    twice = tmp_path / "en.toml"
    twice.write_text('[why]\nhinge = "one sentence"\nhinge = "another sentence"\n', encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError, match="line 3"):
        read(twice)


def test_a_locale_file_is_one_table_per_key_prefix():
    for path in FOLDER.glob("*.toml"):
        with path.open("rb") as file:
            tables = tomllib.load(file)
        loose = [name for name, value in tables.items() if not isinstance(value, dict)]
        assert not loose, f"{path.name}: keys outside a table: {loose}"
        prefixes = {key.split(".")[0] for key in read(path).sentences}
        assert set(tables) - {"language"} == prefixes


def test_adding_a_language_is_adding_one_file(tmp_path):
    for path in FOLDER.glob("*.toml"):
        shutil.copy(path, tmp_path)
    lines = ["[language]", 'name = "Esperanto"', "", "[part]", 'head = "kapo"', "", "[ui]", 'weights = "{n} pezoj"']
    (tmp_path / "eo.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    catalogue = Catalogue(tmp_path)

    assert catalogue.languages == tuple(sorted({*LANGUAGES, "eo"}, key=lambda lang: (lang != "en", lang)))
    assert catalogue.names["eo"] == "Esperanto"
    assert catalogue.text("part.head", "eo") == "kapo"
    assert catalogue.text("ui.weights", "eo", n=3) == "3 pezoj"
    assert catalogue.text("part.legs", "eo") == "legs"  # a sentence the language lacks is shown in English
    # ... and the rules name every sentence the new file still lacks, and nothing else.
    assert missing_keys(catalogue, "eo") == sorted(STRINGS.keys() - {"part.head", "ui.weights"})
    assert not extra_keys(catalogue, "eo") and not placeholder_differences(catalogue, "eo", {})


def test_the_rules_name_every_offender(tmp_path):
    english = {"[part]": ['head = "head"', 'legs = "legs"'], "[ui]": ['weights = "{n} weights"']}
    broken = {"[part]": ['head = ""', 'arms = "arms"'], "[ui]": ['weights = "{count} weights"']}
    for lang, tables in (("en", english), ("xx", broken)):
        text = "\n".join(f"{name}\n" + "\n".join(lines) for name, lines in tables.items())
        (tmp_path / f"{lang}.toml").write_text(text + "\n", encoding="utf-8")

    catalogue = Catalogue(tmp_path)

    assert missing_keys(catalogue, "xx") == ["part.legs"]
    assert extra_keys(catalogue, "xx") == ["part.arms"]
    assert placeholder_differences(catalogue, "xx", {}) == {"ui.weights": "['count'] instead of ['n']"}
    assert empty_sentences(catalogue, "xx") == ["part.head"]
    assert json.dumps(catalogue.names) == '{"en": "en", "xx": "xx"}'  # a file without [language] is named by its code
