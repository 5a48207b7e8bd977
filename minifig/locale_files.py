"""The locale files: one TOML file per language in `minifig/locales/` (`en.toml`, `ko.toml`, …).

A file holds one table per key prefix (`[problem]` with `not_a_number = "…"` is the sentence
`problem.not_a_number`) and a `[language]` table about the language itself: its own `name` (shown in the
language switch) and any grammar the sentences need (Korean's `particles`). The languages are the files
found: adding a language is adding one file. English (`en`) comes first; it is the reference the others
are checked against and the fallback for a sentence a language lacks.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent / "locales"
REFERENCE = "en"
ABOUT = "language"  # the table about the language itself, not a sentence prefix


@dataclass(frozen=True)
class Locale:
    """One language's file: its code (the file's name), its own name, its sentences and its grammar."""

    lang: str
    name: str
    sentences: dict[str, str]
    grammar: dict[str, object]


def read(path: Path) -> Locale:
    """The locale in one file (`tomllib.TOMLDecodeError` for a file that is not TOML: a programmer's error)."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    about = dict(data.pop(ABOUT, {}))
    name = str(about.pop("name", path.stem))
    return Locale(path.stem, name, dict(_flatten(data)), about)


def read_folder(folder: Path = FOLDER) -> dict[str, Locale]:
    """Every locale in `folder` by its code, the reference language first, the others by code."""
    paths = sorted(folder.glob("*.toml"), key=lambda path: (path.stem != REFERENCE, path.stem))
    return {path.stem: read(path) for path in paths}


def _flatten(table: dict, prefix: str = ""):
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{key}.")
        else:
            yield key, value
