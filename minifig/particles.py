"""Korean particles that follow the word before them (eun/neun, i/ga, eul/reul, …): their pairs are listed in
`minifig/locales/ko.toml` (`[language] particles`), the rule that picks a form lives here.

A Korean sentence cannot know in advance whether a filled-in value ends in a consonant ("Adam", read a-dam) or a
vowel ("Dense", read den-seu), so instead of hedging ("eun(neun)") a sentence names the particle in its
placeholder, `{what:<particle>}`, and `attach` picks the form that fits the value as it is read aloud: Hangul by its
last syllable, numbers as Koreans read them (10 sip, 3 sam, 2 i), Latin words and letters by how they are said in
Korean.
"""

from __future__ import annotations

from minifig.locale_files import FOLDER, read

_KOREAN = read(FOLDER / "ko.toml").grammar
# Each particle's two forms: (after a final consonant, after a vowel).
PAIRS: tuple[tuple[str, str], ...] = tuple((pair[0], pair[1]) for pair in _KOREAN["particles"])
FORMS = {form: pair for pair in PAIRS for form in pair}
# Particles (eu-ro/ro) whose vowel form also follows the final consonant rieul ("l").
VOWEL_FORM_AFTER_RIEUL = frozenset(_KOREAN["vowel_form_after_rieul"])
HANGUL_SYLLABLES = ("\uac00", "\ud7a3")  # the first and last precomposed syllable
RIEUL_PLACE = 8  # rieul's place among a syllable's final consonants
# A final consonant is written as it is romanised (rieul "l", mieum "m", …): only whether there is one, and whether
# it is rieul, picks a particle's form.
RIEUL = "l"
# How each last digit is read: whether it ends in a consonant, and whether that consonant is rieul (il, chil, pal).
DIGITS = {"0": "ng", "1": "l", "2": "", "3": "m", "4": "", "5": "", "6": "k", "7": "l", "8": "l", "9": ""}
TENS = {1: "p", 2: "k", 3: "n", 4: "n"}  # sip, baek, cheon, man: a number ending in that many zeros
LETTER_NAMES = {"l": "l", "m": "m", "n": "n", "r": "l"}  # el, em, en, al; other letter names end in a vowel
WORD_ENDINGS = {"l": "l", "m": "m", "n": "n", "ng": "ng", "p": "p", "t": "t", "k": "k", "ck": "k"}
SKIPPED = " *_\t\"'”’“‘)]}>»」』.,;:!?%"


def final_sound(word: str) -> str:
    """The final consonant the word ends on when read aloud in Korean, romanised ("" after a vowel, "l" for rieul)."""
    text = word.rstrip(SKIPPED)
    if not text:
        return ""
    last = text[-1]
    first, final_syllable = HANGUL_SYLLABLES
    if first <= last <= final_syllable:
        final = (ord(last) - ord(first)) % 28
        return "" if final == 0 else RIEUL if final == RIEUL_PLACE else "ng"  # which one matters only for rieul
    if last in DIGITS:  # 0-9 only: "²" or "٣" is a digit to str.isdigit but has no reading here
        return _number_sound(text)
    if last.isascii() and last.isalpha():
        return _latin_sound(text)
    return "ng"  # a sign we cannot read: the consonant forms read naturally after most of them


def attach(word: str, particle: str) -> str:
    """`word` followed by the form of `particle` (either of its forms may be given) that fits the word's end.

    Raises:
        ValueError: `particle` is not one of `PAIRS`.
    """
    if particle not in FORMS:
        raise ValueError(f"Received an unknown Korean particle, expected one of {sorted(FORMS)}. Received: {particle}")
    after_consonant, after_vowel = FORMS[particle]
    sound = final_sound(word)
    vowel_form = sound == "" or (after_consonant in VOWEL_FORM_AFTER_RIEUL and sound == RIEUL)
    return word + (after_vowel if vowel_form else after_consonant)


def _number_sound(text: str) -> str:
    digits = "".join(c for c in text if c in DIGITS or c == ".")
    if digits[-1] != "0" or "." in digits:
        return DIGITS[digits[-1]]
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return DIGITS["0"]  # yeong
    return TENS.get(zeros if zeros <= 3 else 4, "n")


def _latin_sound(text: str) -> str:
    tail = ""
    for char in reversed(text):
        if not (char.isascii() and char.isalpha()):
            break
        tail = char + tail
    if tail.isupper() and len(tail) <= 5:  # an acronym is read letter by letter: SGD es-ji-di, MSE em-es-i
        return LETTER_NAMES.get(tail[-1].lower(), "")
    lower = tail.lower()
    for ending in ("ng", "ck"):
        if lower.endswith(ending):
            return WORD_ENDINGS[ending]
    return WORD_ENDINGS.get(lower[-1], "")
