"""Every learner-facing sentence of the core and the page, looked up in the language the learner reads.

The sentences live in the locale files (`minifig/locales/<lang>.toml`, read by `minifig.locale_files`), one
file per language; the languages are the files found. `t(key, lang, **values)` looks a sentence up and fills its
`{placeholders}`. A `Message` is a sentence not yet put into a language: the core returns messages, the page
picks the language. A Korean placeholder may name the particle that follows it (`{what:<particle>}`, the
particles being listed in `ko.toml`): the particle takes the form that fits the filled-in value
(`minifig.particles`). Characters before the particle are written between the value and it: the closing quote in
`“{value:”<particle>}` comes before the particle.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass, field
from pathlib import Path

from minifig.locale_files import FOLDER, REFERENCE, Locale, read_folder
from minifig.particles import FORMS, attach


class Catalogue:
    """The sentences of every locale file in one folder, by key and then by language."""

    def __init__(self, folder: Path = FOLDER) -> None:
        self.locales: dict[str, Locale] = read_folder(folder)
        self.languages: tuple[str, ...] = tuple(self.locales)
        self.names: dict[str, str] = {lang: locale.name for lang, locale in self.locales.items()}
        self.strings: dict[str, dict[str, str]] = {}
        for lang, locale in self.locales.items():
            for key, text in locale.sentences.items():
                self.strings.setdefault(key, {})[lang] = text

    def text(self, key: str, lang: str, **values: object) -> str:
        """The sentence `key` in `lang` (in English when `lang` lacks it), its placeholders filled from `values`.

        Raises:
            KeyError: `key` is not in the catalogue (a programmer error).
        """
        if not values:
            return self._plain(key, lang)
        entry = self.strings[key]
        text = entry.get(lang) or entry[REFERENCE]
        filled = {name: v.text(lang) if isinstance(v, Message) else v for name, v in values.items()}
        return _FORMATTER.format(text, **filled)

    @functools.cache  # noqa: B019 - one catalogue, kept for the server's life: a sentence without values, once
    def _plain(self, key: str, lang: str) -> str:
        entry = self.strings[key]
        return _FORMATTER.format(entry.get(lang) or entry[REFERENCE])


CATALOGUE = Catalogue()
LANGUAGES = CATALOGUE.languages
LANGUAGE_NAMES = CATALOGUE.names
STRINGS = CATALOGUE.strings


def t(key: str, lang: str, **values: object) -> str:
    """The sentence `key` in `lang` (a code of `LANGUAGES`), with `{placeholders}` filled from `values`.

    Values that are `Message`s are translated too, so messages can nest.

    Raises:
        KeyError: `key` is not in the table (a programmer error).
    """
    return CATALOGUE.text(key, lang, **values)


_PARTICLE_CHARACTERS = "".join(sorted({char for form in FORMS for char in form}))


class _SentenceFormatter(string.Formatter):
    """`str.format`, plus a Korean particle as a placeholder's format: `{what:<particle>}` (see the docstring above)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec:  # most placeholders
            return format(value)
        between = format_spec.rstrip(_PARTICLE_CHARACTERS)
        particle = format_spec[len(between) :]
        if particle in FORMS:
            return attach(f"{value}{between}", particle)
        return super().format_field(value, format_spec)


_FORMATTER = _SentenceFormatter()


@dataclass(frozen=True)
class Message:
    """A sentence for the learner, kept language-free until it is shown."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)
