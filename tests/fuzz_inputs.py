"""Mutations of real inputs for the fuzz tests: damaged bytes and JSON with wrong values at any position.

Every mutation takes a `random.Random`, so Hypothesis can drive it (`st.randoms()`) and a plain seeded loop can
replay it (the `.keras` memory probe's corpus). Nothing here knows a reader: the tests say what must come back.
"""

from __future__ import annotations

import copy
import random

MAX_GROWTH = 2_100_000  # a mutation may grow an input up to about the CSV reader's cap, not past what a test can hold

NESTED = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]


def deeply_nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


# Values of every JSON type and size, in place of whatever a position held.
WRONG_VALUES = (
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    7.5,
    -0.0,
    1e-320,
    1e39,
    1.7e308,
    -1.7e308,
    10**400,
    -(10**400),
    "",
    "x",
    "relu",
    "dense",
    "Dense",
    "InputLayer",
    "keras.layers",
    "1e400",
    "NaN",
    "-",
    "\x00",
    "한국어",
    "a" * 5000,
    [],
    {},
    [1],
    [[1, 2]],
    [None, 1],
    [None, 0],
    [None, 10**400],
    [3, 3],
    [8, 8, 1],
    {"class_name": []},
    {"module": "os", "class_name": "system", "config": {}},
    NESTED,
)

# Bytes that mean something to one reader or another, for insertion anywhere.
TOKENS = (
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b'"',
    b"-",
    b"=",
    b"&",
    b"%",
    b"1e39",
    b"1e400",
    b"-1e15",
    b"9" * 400,
    b"NaN",
    b"inf",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"{",
    b"}",
    b"[",
    b"]",
    b"null",
)


def mutate_bytes(data: bytes, rng: random.Random, max_len: int = MAX_GROWTH) -> bytes:
    """`data` after one to four damages: bit flips, truncation, a chunk duplicated (up to thousands of times),
    removed or moved, or a token inserted."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        n = len(out)
        kind = rng.randrange(7)
        start = rng.randrange(n + 1)
        end = min(n, start + rng.choice((1, 2, 4, 16, 64, 512, 4096)))
        if kind == 0 and n:
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del out[rng.randrange(n + 1) :]
        elif kind == 2 and end > start:
            times = rng.choice((1, 2, 10, 100, 1000, 100_000))
            times = max(1, min(times, (max_len - n) // (end - start)))
            out[start:start] = bytes(out[start:end]) * times
        elif kind == 3:
            del out[start:end]
        elif kind == 4:
            out[start:start] = rng.choice(TOKENS)
        elif kind == 5 and end > start:
            chunk = bytes(out[start:end])
            del out[start:end]
            at = rng.randrange(len(out) + 1)
            out[at:at] = chunk
        else:
            out[start:end] = bytes(rng.randrange(256) for _ in range(end - start))
    return bytes(out[:max_len])


def mutate_text(text: str, rng: random.Random) -> str:
    """`mutate_bytes` of the text's UTF-8, read back as the page reads a file (undecodable bytes replaced)."""
    return mutate_bytes(text.encode("utf-8"), rng, max_len=200_000).decode("utf-8", errors="replace")


def positions(value: object, path: tuple = ()) -> list[tuple]:
    """Every position in a JSON value: the whole, each key's value and each list item, depth first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += positions(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += positions(item, (*path, i))
    return found


def replaced(value: object, path: tuple, new: object) -> object:
    """A copy of `value` with `new` at `path` (the root when `path` is empty)."""
    if not path:
        return new
    whole = copy.deepcopy(value)
    parent = whole
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return whole


def mutate_json(value: object, rng: random.Random) -> object:
    """`value` after one to three changes at random positions: a wrong value, the position removed, a list item
    repeated, a value nested deeply, or another position's value."""
    for _ in range(rng.randint(1, 3)):
        places = positions(value)
        path = rng.choice(places)
        kind = rng.randrange(6)
        if kind <= 1:
            value = replaced(value, path, rng.choice(WRONG_VALUES))
        elif kind == 2 and path:
            whole = copy.deepcopy(value)
            parent = whole
            for step in path[:-1]:
                parent = parent[step]
            del parent[path[-1]]
            value = whole
        elif kind == 3 and path and isinstance(_at(value, path[:-1]), list):
            items = _at(value, path[:-1])
            value = replaced(value, path[:-1], items + [items[path[-1]]] * rng.choice((1, 5, 20)))
        elif kind == 4:
            value = replaced(value, path, deeply_nested(rng.choice((5, 50, 400))))
        else:
            value = replaced(value, path, copy.deepcopy(_at(value, rng.choice(places))))
    return value


def _at(value: object, path: tuple) -> object:
    for step in path:
        value = value[step]
    return value
