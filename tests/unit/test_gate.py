"""The training gate: never more runs than slots, first come first served, waiting runs told the line ahead."""

from __future__ import annotations

import threading
import time

import pytest

from minifig.gate import TrainingGate


def test_a_free_gate_lets_a_run_through_without_waiting():
    gate = TrainingGate(2)
    told = []
    with gate.turn(on_wait=told.append) as holding:
        assert holding and gate.running == 1
    assert told == [] and gate.running == 0 and gate.waiting == 0


def test_runs_beyond_the_slots_wait_and_are_served_in_the_order_they_came():
    gate = TrainingGate(2)
    order, lock = [], threading.Lock()
    most_at_once = [0]
    release = threading.Event()

    def run(name: str) -> None:
        with gate.turn() as holding:
            assert holding
            with lock:
                order.append(name)
                most_at_once[0] = max(most_at_once[0], gate.running)
            release.wait(5)

    threads = []
    for name in "abcdef":
        threads.append(threading.Thread(target=run, args=(name,)))
        threads[-1].start()
        started = len(threads)
        wait_until(lambda n=started: gate.running + gate.waiting == n)
    assert gate.running == 2 and gate.waiting == 4
    release.set()
    for thread in threads:
        thread.join(5)
    assert most_at_once[0] == 2
    assert order == list("abcdef")
    assert gate.running == 0 and gate.waiting == 0


def test_a_waiting_run_is_told_how_many_are_ahead_as_the_line_moves():
    gate = TrainingGate(1)
    leave = [threading.Event() for _ in range(3)]
    told: list[int] = []

    def holder(i: int) -> None:
        with gate.turn():
            leave[i].wait(5)

    threads = [threading.Thread(target=holder, args=(i,)) for i in range(3)]
    for i, thread in enumerate(threads):
        thread.start()
        wait_until(lambda n=i + 1: gate.running + gate.waiting == n)

    def last_run() -> None:
        with gate.turn(on_wait=told.append):
            pass

    last = threading.Thread(target=last_run)
    last.start()
    wait_until(lambda: told == [3])
    for event in leave:
        event.set()
        heard = len(told)
        wait_until(lambda n=heard: len(told) > n or not last.is_alive())
    last.join(5)
    assert told == [3, 2, 1]


def test_a_run_that_gives_up_waiting_leaves_the_line_and_does_not_train():
    gate = TrainingGate(1)
    with gate.turn():
        with gate.turn(should_stop=lambda: True) as holding:
            assert not holding
        assert gate.waiting == 0 and gate.running == 1
    assert gate.running == 0


def test_an_error_while_waiting_gives_up_the_place_in_line():
    gate = TrainingGate(1)

    class Rerun(Exception):
        pass

    def page_rerun(_ahead: int) -> None:
        raise Rerun

    with gate.turn():
        with pytest.raises(Rerun), gate.turn(on_wait=page_rerun):
            pass
        assert gate.waiting == 0
    with gate.turn() as holding:  # the slot is free again
        assert holding


def test_an_error_while_training_frees_the_slot():
    gate = TrainingGate(1)
    with pytest.raises(ValueError), gate.turn():
        raise ValueError("the loss became NaN")
    assert gate.running == 0


def test_slots_must_be_a_positive_integer():
    with pytest.raises(ValueError, match="slots"):
        TrainingGate(0)


def wait_until(condition, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def hold(gate: TrainingGate, learner: str | None, release: threading.Event, results: list | None = None):
    """A thread that asks `gate` for a turn as `learner` and holds it until `release` (if it gets one)."""

    def run() -> None:
        with gate.turn(learner) as holding:
            if results is not None:
                results.append((learner, holding))
            if holding:
                release.wait(5)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_learners_tabs_take_one_place_in_line_and_the_newest_keeps_it():
    gate = TrainingGate(1)
    release, results = threading.Event(), []
    other = hold(gate, "other", release, results)
    wait_until(lambda: gate.running == 1)
    tabs = []
    for n in range(1, 5):  # four tabs of one browser press Train
        tabs.append(hold(gate, "browser", release, results))
        wait_until(lambda n=n: len([r for r in results if r[0] == "browser"]) == n - 1 and gate.waiting == 1)
    assert [r for r in results if r[0] == "browser"] == [("browser", False)] * 3  # the older tabs gave up
    told = []
    late = threading.Thread(target=lambda: gate.turn("late", on_wait=told.append).__enter__())
    late.start()
    wait_until(lambda: told)
    assert told[0] == 2  # the run training now and the browser's one place, not 1 + 4
    release.set()
    for thread in (other, *tabs, late):
        thread.join(5)
    assert results[-1] == ("browser", True)


def test_a_learner_who_asks_while_training_waits_for_that_run_and_holds_up_no_one():
    gate = TrainingGate(2)
    release_a, release_b = threading.Event(), threading.Event()
    results: list = []
    first = hold(gate, "a", release_a, results)
    wait_until(lambda: gate.running == 1)
    again = hold(gate, "a", release_a, results)  # a second tab of the same browser
    wait_until(lambda: gate.waiting == 1)
    b = hold(gate, "b", release_b, results)  # a free slot: b passes a's waiting request
    wait_until(lambda: ("b", True) in results)
    assert gate.running == 2 and ("a", True) in results and len(results) == 2
    release_b.set()
    b.join(5)
    assert gate.running == 1 and gate.waiting == 1  # a free slot, but a's second run waits for a's first
    release_a.set()
    for thread in (first, again):
        thread.join(5)
    assert results.count(("a", True)) == 2


def test_when_a_learners_run_ends_their_next_request_goes_behind_everyone_waiting():
    gate = TrainingGate(1)
    release = {name: threading.Event() for name in ("a1", "b", "a2")}
    order: list[str] = []

    def run(learner: str, name: str) -> None:
        with gate.turn(learner) as holding:
            if holding:
                order.append(name)
                release[name].wait(5)

    threads = {}
    for n, (learner, name) in enumerate((("a", "a1"), ("a", "a2"), ("b", "b")), start=1):  # a, a again, then b
        threads[name] = threading.Thread(target=run, args=(learner, name))
        threads[name].start()
        wait_until(lambda n=n: gate.running + gate.waiting == n)
    for name in ("a1", "b", "a2"):
        wait_until(lambda name=name: name in order)
        release[name].set()
    for thread in threads.values():
        thread.join(5)
    assert order == ["a1", "b", "a2"]  # a asked again before b, yet b went before a's second run
