"""Korean particles that follow the word before them: 은/는, 이/가, 을/를, 과/와, 으로/로, 이라는/라는, …

A Korean sentence cannot know in advance whether a filled-in value ends in a consonant ("Adam" 아담) or a vowel
("Dense" 덴스), so instead of hedging ("은(는)") a sentence names the particle in its placeholder, `{what:은}`, and
`attach` picks the form that fits the value as it is read aloud: Hangul by its last syllable, numbers as Koreans
read them (10 십, 3 삼, 2 이), Latin words and letters by how they are said in Korean.
"""

from __future__ import annotations

# Each particle's two forms: (after a final consonant, after a vowel). 으로/로 also takes 로 after ㄹ.
PAIRS: tuple[tuple[str, str], ...] = (
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("이라는", "라는"),
    ("이라서", "라서"),
    ("이라고", "라고"),
    ("이나", "나"),
    ("이에요", "예요"),
)
FORMS = {form: pair for pair in PAIRS for form in pair}
RIEUL = 8  # ㄹ's place among the final consonants
# How each last digit is read: whether it ends in a consonant, and whether that consonant is ㄹ (일, 칠, 팔).
DIGITS = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
TENS = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ", 4: "ㄴ"}  # 십, 백, 천, 만: a number ending in that many zeros
LETTER_NAMES = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}  # 엘, 엠, 엔, 알; other letter names end in a vowel
WORD_ENDINGS = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "p": "ㅂ", "t": "ㅅ", "k": "ㄱ", "ck": "ㄱ"}
SKIPPED = " *_\t\"'”’“‘)]}>»」』.,;:!?%"


def final_sound(word: str) -> str:
    """The final consonant the word ends on when read aloud in Korean ("" after a vowel; "ㄹ" for ㄹ)."""
    text = word.rstrip(SKIPPED)
    if not text:
        return ""
    last = text[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        return "" if final == 0 else "ㄹ" if final == RIEUL else "ㅇ"  # which consonant matters only for ㄹ
    if last in DIGITS:  # 0-9 only: "²" or "٣" is a digit to str.isdigit but has no reading here
        return _number_sound(text)
    if last.isascii() and last.isalpha():
        return _latin_sound(text)
    return "ㅇ"  # a sign we cannot read: the consonant forms read naturally after most of them


def attach(word: str, particle: str) -> str:
    """`word` followed by the form of `particle` (either of its forms may be given) that fits the word's end.

    Raises:
        ValueError: `particle` is not one of `PAIRS`.
    """
    if particle not in FORMS:
        raise ValueError(f"Received an unknown Korean particle, expected one of {sorted(FORMS)}. Received: {particle}")
    after_consonant, after_vowel = FORMS[particle]
    sound = final_sound(word)
    vowel_form = sound == "" or (after_consonant == "으로" and sound == "ㄹ")
    return word + (after_vowel if vowel_form else after_consonant)


def _number_sound(text: str) -> str:
    digits = "".join(c for c in text if c in DIGITS or c == ".")
    if digits[-1] != "0" or "." in digits:
        return DIGITS[digits[-1]]
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return DIGITS["0"]  # 영
    return TENS.get(zeros if zeros <= 3 else 4, "ㄴ")


def _latin_sound(text: str) -> str:
    tail = ""
    for char in reversed(text):
        if not (char.isascii() and char.isalpha()):
            break
        tail = char + tail
    if tail.isupper() and len(tail) <= 5:  # an acronym is read letter by letter: SGD 에스지디, MSE 엠에스이
        return LETTER_NAMES.get(tail[-1].lower(), "")
    lower = tail.lower()
    for ending in ("ng", "ck"):
        if lower.endswith(ending):
            return WORD_ENDINGS[ending]
    return WORD_ENDINGS.get(lower[-1], "")
