"""Every reader of a learner's input, fed generated and damaged inputs: a value or a refusal, never an exception,
and never more than a budget of CPU per input (issue 11).

The readers: a CSV file (`csv_data.read_csv`), the typed table (`typed_table.edited` / `read_table`), a `.keras`
file (`model_file.read_model_file` then `load_weights`, the page's way), a figure file (`spec.from_json` /
`from_dict`), the page address (`url_state.from_query`) and a challenge link (`challenge.parse`, and
`signing.read_learners_link` that opens it). Inputs are drawn by Hypothesis and made by damaging real good inputs
(tests/fuzz_inputs.py): bit flips, truncation, repeated chunks, huge numbers, deep nesting, wrong JSON values at
any position. A refusal is the reader's own (`CsvResult.problems`, `ModelFileError`, `SpecError`, `ChallengeError`)
and each of its messages reads in English and Korean.

Budgets are CPU seconds of the reading thread (of the process, for Keras), not wall-clock time, so a busy machine
does not make them fail. `make test` runs Hypothesis's default number of examples; `make fuzz` runs the same tests
under the "fuzz" profile (tests/conftest.py), with many more. The `.keras` reader's memory budget is measured in a
process of its own (tests/keras_memory_probe.py).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minifig import challenge, signing, url_state
from minifig.cards import CATALOGUE, LAYER, LOSS, OPTIMIZER, brick
from minifig.csv_data import LABEL_KINDS, MAX_FEATURES, MAX_MAGNITUDE, MAX_ROWS, CsvResult, read_csv
from minifig.datasets import DATASETS
from minifig.i18n import Message
from minifig.model_file import ModelFileError, read_model_file
from minifig.spec import FigureSpec, SpecError, Training, from_dict, from_json, preset_figure, seed_figure
from minifig.typed_table import MAX_INPUTS, columns_for, edited, read_table, reshaped, seed_rows
from tests.fuzz_inputs import WRONG_VALUES, mutate_bytes, mutate_json, mutate_text, positions, replaced

pytestmark = pytest.mark.fuzz

# CPU budgets, doubled (`SHARED`): the tests share the machine with other work (CI runs them beside Chromium and a
# server), which makes the same work cost more CPU time; `bench/readers.py` measures against the plain budgets.
# Doubled, they still catch what they are for: a reader that grows with its input's square (seconds to minutes).
SHARED = 2.0
CSV_BUDGET_S = 1.0 * SHARED  # issue 11: every CSV up to the upload limit answered in at most a second of CPU
KERAS_BUDGET_S = 3.0 * SHARED  # reading, rebuilding the figure and loading its weights
SMALL_BUDGET_S = 0.25 * SHARED  # a figure file, an address, a challenge link
MEMORY_BUDGET_MB = 50
FUZZ = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
)
MUTATIONS = st.randoms(use_true_random=False)
FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"  # `make fuzz`: the exhaustive tests take every value too
KERAS = settings(FUZZ, max_examples=max(10, settings().max_examples // 4))  # a real model is built for each file
TYPES = (None, True, -1, 10**400, 1e39, "x", [], {}, [[1, 2]], [None, 1])  # a value of each JSON type and shape


def timed(read, *args, thread_only: bool = True):
    """`read(*args)`, and the CPU seconds it took (of this thread, or of the whole process)."""
    clock = time.thread_time if thread_only else time.process_time
    start = clock()
    try:
        return read(*args), clock() - start
    except Exception as error:  # noqa: BLE001 - handed back so the test can say which refusal it is (or is not)
        return error, clock() - start


def assert_messages(problems: list[Message]) -> None:
    assert problems and all(isinstance(p, Message) for p in problems)
    for problem in problems:
        assert problem.text("en") and problem.text("ko")


# --- CSV files and the typed table ----------------------------------------------------------------------------

GOOD_CSVS = (
    b"height,weight,tall\n150,50,0\n185,80,1\n160,55,0\n190,85,1\n",
    b"x;colour\n1,5;red\n2;blue\n3;green\n4;red\n",
    "키,몸무게,종류\n150,50,고양이\n185,80,개\n160,55,새\n".encode("cp949"),
    b"\xef\xbb\xbfa,b,c,y\n1,2,3,0.5\n4,5,6,1.5\n7,8,9,2.5\n,,,\n",
    b"1,2,0\n3,4,1\n5,6,0\n",
    b'"x","y"\n"1","0"\n"2","1"\n"1e15","0"\n',
    ("x,y\n" + "".join(f"{i * 0.5},{i % 3}\n" for i in range(200))).encode(),
)
CELLS = st.one_of(
    st.floats().map(repr),
    st.integers(-(10**400), 10**400).map(str),
    st.sampled_from(["", " ", "NA", "?", "nan", "inf", "-inf", "1e39", "1e15", "-0", "0x10", "1_000", "٣", "yes"]),
    st.text(max_size=6),
)
SEPARATORS = st.sampled_from([",", ";", "\t"])


@st.composite
def tables(draw) -> bytes:
    width = draw(st.integers(1, 6))
    rows = draw(st.lists(st.lists(CELLS, min_size=1, max_size=width + 1), min_size=1, max_size=25))
    separator = draw(SEPARATORS)
    return "\n".join(separator.join(row) for row in rows).encode("utf-8", errors="replace")


CSV_FILES = st.one_of(
    st.binary(max_size=2000),
    tables(),
    st.builds(mutate_bytes, st.sampled_from(GOOD_CSVS), MUTATIONS),
)


def assert_csv_answer(result: CsvResult, table: bool = False) -> None:
    assert isinstance(result, CsvResult), result
    assert result.ok != bool(result.problems)
    if not result.ok:
        assert_messages(result.problems)
        return
    data = result.dataset
    assert data.x.dtype == np.float32 and data.x.ndim == 2 and 1 <= data.n_features <= MAX_FEATURES
    assert np.isfinite(data.x).all() and np.abs(data.x).max() <= MAX_MAGNITUDE * 1.0001
    assert np.isfinite(data.y).all() and len(data.y) == len(data.x) <= MAX_ROWS
    assert data.label_kind in LABEL_KINDS
    low, high = data.input_range  # the page's slider takes these as its ends
    assert np.isfinite([low, high]).all() and low < high


@FUZZ
@given(
    raw=CSV_FILES,
    answer=st.one_of(st.none(), st.sampled_from(["y", "x", "tall", "A", "a.2", ""]), st.text(max_size=4)),
    kind=st.one_of(st.none(), st.sampled_from(LABEL_KINDS)),
    drop=st.booleans(),
)
def test_csv_reader_answers_every_file_with_a_data_set_or_messages(raw, answer, kind, drop):
    result, spent = timed(read_csv, raw, "fuzz.csv", answer, kind, drop)
    assert_csv_answer(result)
    assert spent <= CSV_BUDGET_S, f"{spent:.2f} s of CPU"


@FUZZ
@given(good=st.sampled_from(GOOD_CSVS), rng=MUTATIONS, kind=st.sampled_from(["header", "rows", "cells"]))
def test_csv_reader_answers_files_grown_to_the_size_cap_within_its_budget(good, rng, kind):
    """A header, rows or a cell repeated up to the reader's 2 MB cap (the upload limit is 5 MB; more is refused)."""
    lines = good.split(b"\n")
    piece = {"header": lines[0].split(b",")[0] + b",", "rows": lines[1] + b"\n", "cells": b"1e15,"}[kind]
    times = rng.choice([1000, 10_000, 100_000, 2_000_000 // len(piece)])
    raw = lines[0] + b"\n" + piece * times if kind != "header" else piece * times + b"\n" + b"\n".join(lines[1:])
    result, spent = timed(read_csv, mutate_bytes(raw, rng), "big.csv")
    assert_csv_answer(result)
    assert spent <= CSV_BUDGET_S, f"{spent:.2f} s of CPU for {len(raw)} bytes"


TABLE_CELLS = st.one_of(
    st.none(),
    st.floats(),
    st.integers(-(10**400), 10**400),
    st.booleans(),
    st.sampled_from(["", "1e39", "1e400", "inf", "٣", "cat", "dog"]),
    st.text(max_size=5),
)


@st.composite
def typed_tables(draw):
    n_inputs = draw(st.integers(1, MAX_INPUTS))
    columns = columns_for(n_inputs)
    rows = draw(st.lists(st.lists(TABLE_CELLS, min_size=len(columns), max_size=len(columns)), max_size=30))
    if draw(st.booleans()):
        rows = seed_rows() if n_inputs == 1 else reshaped(*(columns_for(1), seed_rows()), n_inputs)[1]
    position = st.integers(-3, len(rows) + 3)
    changes = {
        "edited_rows": draw(st.dictionaries(position, st.dictionaries(st.sampled_from([*columns, "z"]), TABLE_CELLS))),
        "deleted_rows": draw(st.lists(position, max_size=5)),
        "added_rows": draw(st.lists(st.dictionaries(st.sampled_from([*columns, "z"]), TABLE_CELLS), max_size=5)),
    }
    return columns, rows, changes


@FUZZ
@given(table=typed_tables())
def test_typed_table_answers_every_table_with_a_data_set_or_messages(table):
    columns, rows, changes = table
    rows = edited(columns, rows, changes)
    result, spent = timed(read_table, columns, rows)
    assert_csv_answer(result, table=True)
    assert spent <= CSV_BUDGET_S, f"{spent:.2f} s of CPU"


# --- Figure files, addresses and challenge links --------------------------------------------------------------


@cache
def good_figures() -> tuple[FigureSpec, ...]:
    """Real figures: the lesson's, every data set's preset, and one with every card of each kind."""
    layers = [brick(card.id) for card in CATALOGUE.values() if card.kind == LAYER]
    losses = [c.id for c in CATALOGUE.values() if c.kind == LOSS]
    optimizers = [c.id for c in CATALOGUE.values() if c.kind == OPTIMIZER]
    every = [
        FigureSpec(head=tuple(layers[:12]), torso=brick(loss), legs=brick(optimizer), training=Training(seed=7))
        for loss, optimizer in zip(losses, optimizers * len(losses), strict=False)
    ]
    return (seed_figure(), *(preset_figure(name) for name in DATASETS), *every)


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(10**400), 10**400), st.floats(), st.text(max_size=8)),
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(st.text(max_size=8), children)),
    max_leaves=30,
)


def assert_spec_answer(result, refusal=SpecError) -> None:
    if isinstance(result, refusal):
        assert_messages(result.problems)
        return
    assert isinstance(result, FigureSpec), repr(result)
    assert from_dict(result.to_dict()) == result  # what was accepted is clean: it reads back as itself


@FUZZ
@given(
    figure=st.one_of(
        JSON_VALUES,
        st.builds(lambda spec, rng: mutate_json(spec.to_dict(), rng), st.sampled_from(good_figures()), MUTATIONS),
    )
)
def test_figure_file_answers_every_json_value_with_a_figure_or_problems(figure):
    result, spent = timed(from_dict, figure)
    assert_spec_answer(result)
    result, spent_text = timed(from_json, json.dumps(figure))
    assert_spec_answer(result)
    assert max(spent, spent_text) <= SMALL_BUDGET_S


@FUZZ
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.builds(lambda spec, rng: mutate_text(spec.to_json(), rng), st.sampled_from(good_figures()), MUTATIONS),
    )
)
def test_figure_file_answers_every_text_with_a_figure_or_problems(text):
    result, spent = timed(from_json, text)
    assert_spec_answer(result)
    assert spent <= SMALL_BUDGET_S


def test_every_position_of_a_real_figure_takes_every_wrong_value():
    """Exhaustive, not drawn: each position of each real figure's JSON gets each wrong value in turn."""
    escaped = {}
    for figure in good_figures()[:4]:
        raw = figure.to_dict()
        for path in positions(raw):
            for value in WRONG_VALUES:
                result, _ = timed(from_dict, replaced(raw, path, value))
                if not isinstance(result, FigureSpec | SpecError):
                    escaped[f"{path}={str(value)[:20]}"] = repr(result)[:100]
    assert not escaped


QUERY_KEYS = st.sampled_from([*url_state.KEYS, "challenge", "room", "seal", "lang", "x"])
QUERY_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["dense-64-relu", "dense--", "conv2d-8-3-relu", "adam-0.001", "1e400", "-1", "nan", "x1sq,x1sq"]),
)


def mutated_query(spec: FigureSpec, rng: random.Random) -> dict[str, list[str]]:
    query = {k: v if isinstance(v, list) else [v] for k, v in url_state.to_query(spec).items()}
    for _ in range(rng.randint(1, 3)):
        key = rng.choice([*query, *url_state.KEYS])
        values = query.get(key) or [""]
        i = rng.randrange(len(values))
        values = [*values]
        values[i] = mutate_text(values[i], rng)[:200] if rng.random() < 0.7 else str(rng.choice(WRONG_VALUES))[:200]
        query[key] = values * rng.choice((1, 1, 2, 20))
    return query


@FUZZ
@given(
    query=st.one_of(
        st.dictionaries(QUERY_KEYS, st.lists(QUERY_TEXT, max_size=14)),
        st.builds(mutated_query, st.sampled_from(good_figures()), MUTATIONS),
    )
)
def test_page_address_answers_every_query_with_a_figure_or_problems(query):
    result, spent = timed(lambda q: url_state.from_query(q) if url_state.has_figure(q) else None, query)
    if result is not None:
        assert_spec_answer(result)
    assert spent <= SMALL_BUDGET_S


@cache
def good_challenges() -> tuple[challenge.Challenge, ...]:
    return (
        challenge.Challenge("circle", "val_accuracy", 0.95, 0.2, 300, 0.1, 2, 8, brick("binary_crossentropy")),
        challenge.Challenge("seed", "accuracy", 1.0, 0.0, legs=brick("adam", learning_rate=0.03), hidden=("data",)),
        challenge.Challenge("digits", "loss", 0.3, 0.2, max_bricks=4, hidden=challenge.HIDEABLE),
    )


def encoded_json(raw: object) -> str:
    import base64

    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=")


CHALLENGES = st.sampled_from(good_challenges())
LINKS = st.one_of(
    st.text(max_size=300),
    st.builds(encoded_json, JSON_VALUES),
    st.builds(lambda c, rng: encoded_json(mutate_json(c.to_dict(), rng)), CHALLENGES, MUTATIONS),
    st.builds(lambda c, rng: mutate_text(challenge.encode(c), rng), CHALLENGES, MUTATIONS),
)


def assert_challenge_answer(result) -> None:
    if isinstance(result, challenge.ChallengeError):
        assert_messages(result.problems)
        return
    assert isinstance(result, challenge.Challenge | signing.SealedChallenge), repr(result)


@FUZZ
@given(link=LINKS)
def test_challenge_link_answers_every_value_with_a_challenge_or_problems(link):
    result, spent = timed(challenge.parse, link)
    assert_challenge_answer(result)
    assert spent <= SMALL_BUDGET_S


def test_every_position_of_a_real_challenge_takes_every_wrong_value():
    """Exhaustive, not drawn: each position of each real challenge's JSON gets each wrong value in turn."""
    escaped = {}
    for good in good_challenges():
        raw = good.to_dict()
        for path in positions(raw):
            for value in WRONG_VALUES:
                result, _ = timed(challenge.parse, encoded_json(replaced(raw, path, value)))
                if not isinstance(result, challenge.Challenge | challenge.ChallengeError):
                    escaped[f"{path}={str(value)[:20]}"] = repr(result)[:100]
    assert not escaped


SECRET = b"fuzz-secret"


@FUZZ
@given(link=LINKS, room=st.text(max_size=30), sealed=st.booleans(), rng=MUTATIONS)
def test_sealed_challenge_link_answers_every_query_with_a_challenge_or_problems(link, room, sealed, rng):
    query = {challenge.PARAM: [link], signing.ROOM: [room]}
    if sealed:  # a genuine seal over whatever the link says, so the challenge behind it is read too
        query[signing.SEAL] = [signing.key_for("learners", room, link, SECRET)]
    else:
        query[signing.SEAL] = [mutate_text("abcdefghijklmnopqrstuv", rng)]
    result, spent = timed(signing.read_learners_link, query, SECRET)
    assert_challenge_answer(result)
    assert spent <= SMALL_BUDGET_S


# --- .keras files ---------------------------------------------------------------------------------------------


@cache
def good_keras_files() -> tuple[bytes, ...]:
    """The lesson's figure (compiled), a digits Conv2D figure and one with every kind of Dense setting."""
    from minifig.build import build_head, make_loss, make_optimizer
    from tests.keras_files import saved, seed_file

    conv = replace(
        preset_figure("digits"),
        head=(brick("conv2d", filters=4), brick("maxpool"), brick("flatten"), brick("dense", units=10)),
    )
    mixed = FigureSpec(
        head=(
            brick("dense", units=8, activation="tanh", regularizer="l2", reg_rate=0.01),
            brick("batchnorm"),
            brick("dropout", rate=0.3),
            brick("dense", units=1, activation="sigmoid", regularizer="l1"),
        ),
        torso=brick("binary_crossentropy"),
        legs=brick("sgd", learning_rate=0.05, momentum=0.5),
    )
    model = build_head(mixed, 2, seed=5)
    model.compile(loss=make_loss(mixed.torso), optimizer=make_optimizer(mixed.legs))
    return seed_file(compiled=True), saved(build_head(conv, 64, seed=3)), saved(model)


def mutated_keras(rng: random.Random) -> bytes:
    """A real file damaged in its zip bytes, its config (wrong JSON at any position) or its weights (HDF5 bytes,
    or a dataset declared anew), re-zipped so each damage reaches its reader."""
    import zipfile

    from tests.keras_files import WEIGHTS, declared, members, rewritten, zipped

    raw = rng.choice(good_keras_files())
    files = members(raw)
    kind = rng.randrange(4)
    if kind == 0:
        return mutate_bytes(raw, rng)
    if kind == 1:
        config = mutate_json(json.loads(files["config.json"]), rng)
        return zipped({**files, "config.json": json.dumps(config).encode()}, zipfile.ZIP_STORED)
    if kind == 2:
        return zipped({**files, WEIGHTS: mutate_bytes(files[WEIGHTS], rng)}, zipfile.ZIP_STORED)
    paths = _weight_paths(raw)
    path = rng.choice([*paths, "layers/dense/vars/9", "optimizer/vars/99", "extra"])
    shape = rng.choice([(), (1,), (64,), (1, 64), (64, 64), (10**4, 10**4), (2**28, 2**28), (0,), (3, 3, 1, 4)])
    dtype = rng.choice(["float32", "float64", "int64", "int8", "float16", "<f4", ">f4"])
    options = rng.choice([{}, {"chunks": True}, {"compression": "gzip"}, {"fillvalue": 1}, {"maxshape": (None,)}])
    if not shape or options.get("maxshape") and len(shape) != 1:
        options = {}  # h5py cannot write these: a scalar has no chunks or filters
    keep_data = rng.random() < 0.5
    try:
        return rewritten(raw, declared(path, shape, dtype, **options), keep_data=keep_data)
    except (TypeError, ValueError):  # options h5py itself refuses for this shape: declare it plainly
        return rewritten(raw, declared(path, shape, dtype), keep_data=keep_data)


@cache
def _weight_paths(raw: bytes) -> tuple[str, ...]:
    from tests.keras_files import WEIGHTS, datasets, members

    return tuple(datasets(members(raw)[WEIGHTS]))


@pytest.fixture(scope="module")
def warm_keras():
    """Keras imported and the good files made before any input is timed (both seed Python's `random`, which
    Hypothesis would see changing inside a strategy)."""
    from tests.keras_files import read_as_the_page_does

    for raw in good_keras_files():
        read_as_the_page_does(raw)


def assert_keras_answer(result) -> None:
    if isinstance(result, ModelFileError):
        assert_messages(result.problems)
        return
    assert not isinstance(result, BaseException), repr(result)


@KERAS
@given(raw=st.one_of(st.binary(max_size=3000), st.builds(mutated_keras, MUTATIONS)))
def test_keras_reader_answers_every_file_with_a_figure_or_a_refusal(warm_keras, raw):
    from tests.keras_files import read_as_the_page_does

    result, spent = timed(read_as_the_page_does, raw, thread_only=False)
    assert_keras_answer(result)
    assert spent <= KERAS_BUDGET_S, f"{spent:.2f} s of CPU"


def test_every_position_of_a_real_config_takes_every_wrong_value():
    """Exhaustive, not drawn: each position of a real `.keras` config gets a value of each type in turn (read only;
    under `make fuzz`, every wrong value and every good file)."""
    import zipfile

    from tests.keras_files import members, zipped

    escaped = {}
    for raw in good_keras_files()[: 3 if FUZZING else 1]:
        files = members(raw)
        config = json.loads(files["config.json"])
        for path in positions(config):
            for value in WRONG_VALUES if FUZZING else TYPES:
                text = json.dumps(replaced(config, path, value)).encode()
                result, _ = timed(read_model_file, zipped({**files, "config.json": text}, zipfile.ZIP_STORED))
                if not isinstance(result, ModelFileError) and isinstance(result, BaseException):
                    escaped[f"{path}={str(value)[:20]}"] = repr(result)[:100]
    assert not escaped


def memory_corpus(count: int) -> dict[str, bytes]:
    """Files for the memory budget: the known hostile ones, then `count` damaged ones (replayable by seed)."""
    from minifig.model_file import MAX_UNPACKED_BYTES
    from tests.keras_files import huge_kernels, members, seed_file, zipped

    good = seed_file()
    zeros = {**members(good), "model.weights.h5": b"\x00" * (MAX_UNPACKED_BYTES - 100_000)}
    files = {
        "three kernels declared 10000x10000": huge_kernels(good),
        "every kernel declared 20000x20000": huge_kernels(good, ("dense", "dense_1", "dense_2", "dense_3"), 20_000),
        "weights of zeros to the unpacked cap": zipped(zeros),
    }
    for seed in range(count):
        files[f"damaged #{seed}"] = mutated_keras(random.Random(seed))
    return files


@pytest.mark.timeout(3600)
def test_keras_reader_keeps_to_its_memory_budget_for_hostile_and_damaged_files(tmp_path):
    """RSS growth ≤ 50 MB, at the peak and after, for each file: measured in a process of its own."""
    count = max(8, settings().max_examples // 20)
    corpus = memory_corpus(count)
    names, paths = {}, []
    for i, (name, raw) in enumerate(corpus.items()):
        assert len(raw) <= 5_000_000, name
        paths.append(tmp_path / f"{i:04d}.keras")
        paths[-1].write_bytes(raw)
        names[paths[-1].name] = name
    probe = Path(__file__).resolve().parents[1] / "keras_memory_probe.py"
    done = subprocess.run([sys.executable, str(probe), *map(str, paths)], capture_output=True, text=True, timeout=1800)
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and len(figures) == len(paths), done.stderr[-2000:]
    over = {names[f["file"]]: f for f in figures if max(f["peak_mb"], f["kept_mb"]) > MEMORY_BUDGET_MB}
    raised = {names[f["file"]]: f["outcome"] for f in figures if f["outcome"].startswith("raised")}
    assert not over and not raised
