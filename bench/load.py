"""A room at once: N learners open Minifig together, compile the seed figure and press Train at the same moment.

Each learner is a real Streamlit session driven over Streamlit's own websocket protocol (`/_stcore/stream`,
`BackMsg`/`ForwardMsg` protobufs), as the browser's frontend drives it: the session's first run, a click on
`compile`, then a click on `train`. A browser per learner would be more faithful to the client, but 30 Chromium
pages eat this machine's two cores themselves and would distort what is being measured: the server.
`--browser K` cross-checks with K real Chromium pages in the room instead of K protocol sessions.

Prints one JSON line with N, the median and worst seconds from the click on Train to the page saying
`Done: epoch 100/100` (and from opening the page to that), the most learners seen waiting for the training gate,
and the server's peak memory (resident set of the server process tree, sampled every 0.1 s).
Target on a 2-core machine: N = 30, worst ≤ 15 s, peak ≤ 3 GB.

    .venv/bin/python bench/load.py [--sessions 30] [--port 8610] [--url http://host:port] [--browser K]
                                   [--room] [--store redis://host:port/db] [--tabs 4] [--warm]

`--warm`: one page is opened first and the bench waits until the server is quiet, so the room's CPU figures
(`server_cpu_s`, `server_cpu_per_learner_s`, and by phase) leave out what a server spends once when it starts
(Python and TensorFlow imports, the lesson's background warm-up), printed as `server_start_cpu_s`. Without it the
room starts on a fresh server and its figures include that start, as every figure below this line was measured.

`--tabs K`: one more learner has K tabs of one browser open (K sessions sharing its cookie) and presses Train in
every tab at the room's moment; the gate counts a browser once, so the others' waits (`most_ahead`, the most runs
any other learner was told were ahead) must not grow by K: one of its tabs trains (`tabs_trained`), the others give
way.

Measured with `--tabs 4` (30 learners plus one with four tabs, 2 slots) on the shared machine at load 18-20 (other
work; not comparable with the idle figures below): Train to done median 30.6 s, worst 40.0 s, open worst 75.6 s,
peak 1.07 GB, server CPU 43.9 s; tabs_trained 1 (three tabs gave way), most_ahead 30 (31 learners: the four tabs
counted once; with a place per tab it could reach 33).

`--room`: the learners open a sealed challenge link on the seed figure, join its room with a nickname and post their
progress while they train (at most once a second each), and a teacher's board page is open and refreshed every
3 seconds (a whole page run each time: more than the board's own fragment costs). `--store` puts the room in Redis.

Measured on the 2-core development machine (shared with other work; `load_before`/`load_after` show how busy), N = 30:
- before issue 7 (Streamlit's per-run Keras clear_session and full GCs): the room did not finish — another
  session's clear_session reset Keras's layer names mid-build ("Name 'dense' is already the name of a layer").
- without the training gate (MINIFIG_TRAINING_SLOTS=1000): median 22.3 s, worst 23.2 s, peak 1.08 GB, 45 s server CPU.
- with the gate (2 slots): median 12.9 s, worst 19.0 s, peak 1.06 GB, 42 s server CPU; 28 of 30 were told to wait.
One warm learner alone: Train to done 3.2 s before, 0.7 s after (server CPU 3.1 s → 1.0 s).
Where the rest went (py-spy, GIL samples while the room trained): ~30 % TensorFlow tracing each new figure's epoch,
~40 % the page's full runs around a training (the click's and the final rerun's).
- with the gate and one traced graph per kind of figure shared by all learners (engine.Graphs), machine otherwise
  idle, two runs: median 8.3 / 8.2 s, worst 12.8 / 12.4 s, peak 0.91 GB, 30 / 28 s server CPU; open to done,
  worst 28 / 26 s.
- and a pool of graphs per kind (one per core, so two learners of the lesson's figure train side by side), two runs:
  median 6.7 / 5.9 s, worst 9.2 / 8.5 s, peak 0.91 GB, 24 / 23 s server CPU; open to done, worst 23 / 22 s.
- `--room` (issue 16: 30 learners join a sealed challenge's room, post progress, a board refreshes every 3 s): at
  load average 26-28 (other work) median 42.3 s, worst 73.9 s, 60 s server CPU; at load 6-7 median 11.7 s, worst
  15.7 s, 39 s server CPU; peak 1.06 GB both; the board counted 30 joined and 30 reached both times. Not
  comparable with the idle-machine figures above; the room's own cost is measured apart by bench/room_cost.py
  (30 learners: 1.8 ms CPU a second in memory, 9.7 ms to Redis).
- 2026-12-02, quiet machine (load 1.8-2.6), the same run for both commits: `--tabs 4` before the engine's
  epochs-per-call and unseeded-TensorFlow change (2a753e3): median 15.4 s, worst 20.2 s, 53.0 s server CPU, peak
  1.06 GB; after it: median 17.3 s, worst 20.5 s, 53.1 s, 1.08 GB. The engine's own cost fell five-fold
  (bench/train_speed.py) but the room's is the page's runs around each click, which did not change. `--room`
  after: median 15.9 s, worst 20.9 s, 55.0 s, 1.07 GB, the board counted 30 joined and 30 reached.
- 2026-12-02, the same session: Streamlit's file watcher on (its default) against off (`fileWatcherType = "none"`,
  now in .streamlit/config.toml): server CPU 106.1 s → 31.9 s, worst 40.0 s → 12.2 s (py-spy: after every script
  run the watcher walked every loaded module's path, a quarter of the server's time).
- 2026-12-03, quiet machine (load 0.2-1.5), the four cases one after another: plain median 10.9 s, worst 14.7 s,
  38.0 s CPU, 0.93 GB; `--tabs 4` 11.4 / 15.3 s, 40.4 s, 0.97 GB, tabs_trained 2 (one tab found a free slot at
  once; the newest of the other three took the browser's place and trained after it, at the back of the line, as
  the gate's rules say), most_ahead 30 of 31 learners; `--room` 11.4 / 14.4 s, 43.2 s, 0.95 GB, board 30 joined /
  30 reached; `--room --store redis://localhost:6390/0` 10.4 / 13.7 s, 39.3 s, 0.96 GB, board 30 / 30.
  py-spy (GIL samples) of a plain room: ~80 % of the server's time is the page's script runs (the head's bricks
  17 %, the question 9 %, the palette 7 %, Streamlit's per-widget copy of the whole session state 7 %); the
  training itself ~6 %.
- 2026-12-03 later, load 1.5-2.8 (other work on the machine), before (a15d536) and after Compile's single run and
  the Train click's run without the tabs (38287ef), interleaved in one session: plain worst 17.7 / 15.0 s →
  13.1 / 13.1 s (median 13.3 / 11.2 → 9.0 / 11.9 s), server CPU 44.9 / 39.5 → 33.3 / 33.7 s; `--tabs 4` worst
  16.5 → 13.4 s, CPU 41.8 → 36.3 s, most_ahead 30 both; `--room` worst 11.9 → 12.7 s, CPU 38.8 → 35.8 s; peak
  0.93-0.96 GB throughout. A learner's walk is four whole-page runs now (open, Compile, the Train click's, the
  one after training), the Train click's a third cheaper; it was five.
- 2026-12-04, quiet machine (load 0-1.8), before (8332793) and after the answer ahead and one prediction per
  question (fffa9e8), two runs each in the order after, before, before, after (the very first run's learners waited
  27 s to open, a cold start, not counted): plain worst 8.94 / 8.72 s → 9.22 / 9.22 s (median 6.78 / 6.09 → 6.90 /
  6.43 s), server CPU 22.3 / 21.3 → 24.6 / 22.3 s (0.71-0.74 s per learner → 0.74-0.82 s), peak 0.93-0.94 GB. The
  answer-ahead table (92 answers worded in each run of the question) costs about what one prediction less saves,
  or a little more.
- 2026-12-04 later: the JSON line now also splits the server's CPU by phase (`server_cpu_open_s`, `_compile_s`,
  `_train_s`: from the start to everyone opened, to everyone compiled, to the last "Done"). Before (d04fa97) and
  after "Done" drawn by the training's own run, the lesson traced in the background and the SVG answer and weights
  pictures (bffc9eb), interleaved before, after, before, after (load 1.5-2.8, these runs themselves): plain worst
  12.32 / 13.96 → 9.57 / 9.93 s (median 8.74 / 9.95 → 8.68 / 7.74 s), server CPU 28.2 / 31.7 → 26.5 / 27.4 s, of
  which the Train phase 14.1 / 15.7 → 11.1 / 11.4 s; peak 0.93-0.95 GB. An earlier run of the after code on a
  quieter machine: worst 6.75 s, 20.2 s CPU (Train phase 7.9 s). The Train click as a fragment run (tried, not
  kept: see DEVELOPERS.md), one learner at a time, 25 protocol walks each on a warm server, f58a074 without and with
  it: server CPU for open 0.148 / 0.147 s, compile 0.122 / 0.115 s, the Train phase 0.294 → 0.202 s.
- 2026-12-04 (a new session, 07:00-07:20 UTC): each learner now also waits, after "Done", for its page's own run
  after training (`settle`; before, the session closed at "Done" and that run could be cut short, so the Train
  phase's CPU was undercounted for every commit). Before (bb918f4, the last landed) and after the Train click as a
  fragment run with Stop heard (a94719f), fewer elements (bd6bc5d), widgets that look up one key (50e4848) and
  sentences formatted once (9f58451), load 0.7-1.6: before, three runs: worst 7.78 / 8.69 / 8.12 s (median 5.13 /
  5.78 / 5.91 s), server CPU 21.8 / 23.1 / 23.7 s, of which open 8.7 / 7.9 / 8.8, compile 4.0 / 4.9 / 5.4 and the
  Train phase 9.1 / 10.3 / 9.5 s; after, three runs: worst 4.59 / 4.85 / 5.45 s (median 2.80 / 3.03 / 3.49 s),
  server CPU 15.6 / 16.5 / 18.5 s (0.52-0.62 s per learner), open 6.9 / 7.2 / 8.5, compile 3.0 / 3.3 / 3.3, Train
  phase 5.7 / 6.0 / 6.7 s; peak 0.93-0.94 GB. Tried and not kept: the page's run after training waiting (at most
  3 or 5 s) until no one else trained or waited (`TrainingGate.quiet`): median 1.8-2.2 s but worst 2.7-6.1 s and
  18-19 s CPU, the pages' reruns all landing together on the last learners' training.
  Then (7bd6bee, also a head's answer through one concrete function), interleaved after, before, after, before, load
  1.6-1.7 (a busier machine: the before runs cost more than above): worst 9.77 / 11.35 s → 5.35 / 6.28 s (median
  8.43 / 7.33 → 3.05 / 3.60 s), server CPU 23.5 / 29.4 → 19.2 / 23.2 s (Train phase 11.1 / 13.2 → 6.5 / 7.6 s),
  peak 0.93-0.95 GB.
- 2026-12-04 09:30-09:50 UTC, before (99928e7, the last landed) and after the code view and the typed table's
  editor left out of the first page and the traced copy (c12b1d1), interleaved, load 0.7-3.5: fresh server, before
  19.2 / 17.5 s → after 17.7 / 16.9 s server CPU (open 8.5 / 8.0 → 7.4 / 7.2 s), worst 6.18 / 5.15 → 5.46 / 5.57 s;
  `--warm` (the server's start, 5.4-5.9 s, left out), before 17.5 / 14.8 s → after 15.2 / 16.1 s (0.49-0.58 →
  0.51-0.54 s per learner), worst 7.12 / 5.48 → 5.68 / 5.64 s; peak 0.92-0.93 GB. Runs differ by ±15 % here: no
  change in the room is measurable. On one warm server, py-spy over a room: the training run and its fragment 32 %
  (the trainer's copy in and out of the graphs 2.3 %, the question's answers while training 1.9 %), the tabs 15 %,
  the event loop sending messages 14 %, the head's bricks 7 %, building the trainer at compile 6 % (Keras's Adam
  making two variables per weight: 24 of its 30 ms), the babbling head's build 4.6 %. Repeated rooms on one server
  within two minutes of each other grow its memory (0.93 → 1.10 → 1.27 → 1.43 GB): closed sessions are kept for
  `server.disconnectedSessionTTL` (120 s); it fell back to 1.17 GB once they went.
- 2026-12-04 (a new session, 12:20-12:30 UTC, load 0.4-1.4), before (4b37d9e, the last landed) and after file
  requests without Nagle's delay (863c09a: no change to the websocket, none expected here), sentences formatted
  without a set per placeholder (b6002fc), the live charts and the results' charts built unchecked with their template
  trimmed once (fd80182, 49c3db5), a brick's settings in one row element (9b03874) and the server's long-lived objects
  frozen out of full garbage collections (a17cc29), interleaved after, before, after, before: `--warm`, server CPU
  12.3 / 14.4 s → 9.7 / 11.8 s (0.41 / 0.48 → 0.323 / 0.393 s per learner; open 3.0 / 3.7 → 2.5 / 3.3, compile
  3.2 / 3.5 → 2.5 / 3.4, Train phase 6.1 / 7.3 → 4.7 / 5.2 s), worst Train → done 4.80 / 5.65 → 3.47 / 4.02 s
  (median 2.86 / 3.64 → 2.22 / 2.63 s); fresh server, once each: 20.8 → 18.6 s (0.693 → 0.62 per learner), worst
  5.38 → 5.53 s; peak 0.92-0.93 GB throughout. Full garbage collections in a room (a callback timing them): 4 of
  0.22-0.27 s (1.0 s) before the freeze, then 0.02-0.09 s each. One learner at a time, 20 protocol walks each on a
  warm server: open / compile / Train phase 0.115 / 0.115 / 0.174 s → 0.115 / 0.094 / 0.165 s. Tried, not kept:
  TCP_NODELAY on the websocket as well (16.7-16.9 s against 15.1-15.5 s of server CPU, worst a second later).
- 2026-12-04 (a new session, 15:08-15:56 UTC), before (fd16165, the last landed) and after the language read once a
  run (4ecab78), the trainer's plain optimizer state (ba7d450), shared data sets (0aab180) and rows as one element
  (b405e1b, 41c0937: 318 -> 292 elements a page run), `--warm`, interleaved after, before, ×4 (load 0.2-1.2 for the
  first two pairs, ~2 for the last two): server CPU per learner 0.35 / 0.487 / 0.47 / 0.34 s → 0.397 / 0.383 / 0.373
  / 0.327 s (mean 0.412 → 0.370), worst Train → done 3.89 / 5.49 / 4.48 / 3.74 s → 4.14 / 4.25 / 4.72 / 3.69 s, peak
  0.92-0.93 GB. A room's runs differ by more than the change: `bench/walks_ab.py` weighed it side by side, 40 walks
  each, 0.892 of the server CPU (ratio of the medians 0.838; open 115 → 105 ms, Compile 99.5 → 76.7 ms, Train to
  done 160.5 → 152.8 ms). Tried, not kept: handing a run's messages to the event loop in batches instead of one
  wake-up each (`AppSession._on_scriptrunner_event`): 0.879 of the server CPU side by side (open 108 → 93 ms, Compile
  87 → 71 ms), but after a language switch a step by phase left the browser waiting for its run's end
  (`tests/browser/test_loop.py`, twice of twice; not understood, so not kept).
- 2026-12-04 (a new session, 19:05-19:40 UTC), before (4a399bd, the last landed) and after the messages handed over
  in batches (4200696: any other event closes a batch, the cause of the hang above; b64de1c: a lock per session and
  one wake-up of the sending loop a batch) and the head without its Keras model (4d684c0), `--warm`, interleaved, 6
  pairs (load 0.2-1.5): server CPU per learner 0.453 / 0.46 / 0.54 / 0.437 / 0.343 / 0.363 s → 0.313 / 0.363 / 0.44
  / 0.34 / 0.333 / 0.287 s (mean 0.433 → 0.346, ×0.80), worst Train → done 5.32 / 5.84 / 6.22 / 4.77 / 3.79 / 4.15 s
  → 4.09 / 4.43 / 5.39 / 3.59 / 3.71 / 3.47 s, peak 0.92 → 0.91 GB. Side by side (`bench/walks_ab.py`, 40 walks
  each): open 113.5 → 77.3 ms, Compile 91.3 → 71.5 ms, Train to done 168.7 → 151.3 ms (×0.803, medians ×0.789).
  py-spy in a room (`--gil`, 250 Hz): the event loop's work per learner 46 ms in one walk alone but 96 ms in a room
  with the first batches (a server-wide lock and a wake-up of the sending loop per message), 65 ms after b64de1c.
- 2026-12-04 (a new session, ~21:40 UTC), before (9bd40e9, the last landed) and after the per-element options
  read without Streamlit's config lock (c2b8118; py-spy over a room, all threads, 250 Hz: 19 % of the samples sat
  on `with _config_lock` in `config.get_option`, 30 script threads queueing at every element), the warm-up tracing
  the lesson's whole graph pool (2cff5fe) and plain variables made in one operation (05eefb2), `--warm`,
  interleaved before, after, ×4 (load 0.6-1.5): server CPU per learner 0.35 / 0.353 / 0.307 / 0.373 s → 0.267 /
  0.263 / 0.277 / 0.26 s (mean 0.346 → 0.267, ×0.77; the after runs also spread less: the lock's queues were much of
  the room's noise), by phase open 1.8-2.8 → 1.7 s, Compile 2.2-3.5 → 2.0-2.1 s, Train 4.9-5.2 → 4.2-4.4 s (the
  second graph of the lesson's pool is traced by the warm-up now: the server's start 5.2 → 6.0-6.3 s), worst Train →
  done 3.64 / 4.0 / 3.95 / 3.91 s → 3.33 / 3.24 / 3.5 / 3.21 s, peak 0.91 GB both. One walk alone, side by side
  (`bench/walks_ab.py`, 30 walks), the plain variables alone: ×0.977 (Compile 66.3 → 63.3 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from minifig import challenge, signing, url_state  # noqa: E402
from minifig.spec import seed_figure  # noqa: E402
from tests.browser.conftest import running_app  # noqa: E402

OPEN_SECONDS = 180  # 30 first runs at once on two cores
TRAIN_SECONDS = 300
SETTLE_SECONDS = 0.5  # a page is settled when no run has started for this long
WAITING = "ahead of you"  # the English status of a run waiting for the training gate


def tree_rss_bytes(pid: int) -> int:
    """The resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                rss = next((line for line in status if line.startswith("VmRSS:")), "VmRSS: 0 kB")
            total += int(rss.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakMemory:
    """Samples a process tree's resident memory in a thread; `peak` is the largest sample."""

    def __init__(self, pid: int, every: float = 0.1):
        self.pid, self.every, self.peak, self.first = pid, every, 0, tree_rss_bytes(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()


class Session:
    """One learner's page, spoken to in Streamlit's protocol: runs the script and clicks buttons by their key."""

    def __init__(self, url: str, query: str = "", cookie: str | None = None):
        self.cookie = cookie  # the browser's XSRF cookie, shared by its tabs (None: a browser of its own)
        self.most_ahead = 0  # the most runs the page said were ahead of this learner
        self.ws_url = url.replace("http", "ws", 1) + "/_stcore/stream"
        self.query = query
        self.buttons: dict[str, str] = {}  # widget key -> widget id
        self.fragments: dict[str, str] = {}  # widget key -> the fragment it was drawn in (a click reruns that alone)
        self.inputs: dict[str, str] = {}  # text inputs: widget key -> widget id
        self.metrics: dict[str, str] = {}  # st.metric label -> its number, as last drawn
        self.texts: list[str] = []  # every markdown/alert text the server sent, in order
        self.text_runs: list[int] = []  # the script run (`runs` when it came) of each of those texts
        self.waited = False  # the page told this learner to wait for the training gate
        self.errors: list[str] = []
        self.runs = 0  # script runs started in this session
        self.running = False
        self._asked_at = 0  # `runs` when the last run was asked for
        self._page_hash = ""

    async def __aenter__(self) -> Session:
        # no keep-alive pings: a server busy with thirty first runs may answer them late, and that is measured
        headers = {"Cookie": f"_streamlit_xsrf={self.cookie}"} if self.cookie else None
        self.ws = await websockets.connect(
            self.ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None, additional_headers=headers
        )
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *_) -> None:
        self._reader.cancel()
        await self.ws.close()

    async def rerun(self, trigger: str | None = None, text: tuple[str, str] | None = None) -> None:
        """Ask for a script run, as the frontend does after a click or after typing into a text input and
        pressing Enter (only that widget's state is sent)."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self._page_hash
        if trigger is not None:
            state.fragment_id = self.fragments.get(trigger, "")  # as the browser asks: that part of the page alone
            widget = state.widget_states.widgets.add()
            widget.id = self.buttons[trigger]
            widget.trigger_value = True
        if text is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.inputs[text[0]]
            widget.string_value = text[1]
        self._asked_at = self.runs
        await self.ws.send(message.SerializeToString())

    async def wait_for_text(self, needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = next((text for text in reversed(self.texts) if needle in text), None)
            if found:
                return found
            if self.errors:
                raise RuntimeError(self.errors[0][:500])
            await asyncio.sleep(0.05)
        raise TimeoutError(f"no {needle!r} within {timeout} s; last texts: {self.texts[-3:]}")

    async def settle(self, timeout: float) -> None:
        """Wait until the run asked for has finished and no new one starts for a moment (compile ends in a rerun)."""
        deadline = time.monotonic() + timeout
        quiet_since, runs = None, None
        while True:
            if self.errors:
                raise RuntimeError(self.errors[0][:500])
            now = time.monotonic()
            idle = self.runs > self._asked_at and not self.running
            if not idle or self.runs != runs or quiet_since is None:
                quiet_since, runs = (now if idle else None), self.runs
            elif now - quiet_since >= SETTLE_SECONDS:
                return
            if now > deadline:
                raise TimeoutError(f"the page did not settle within {timeout} s")
            await asyncio.sleep(0.02)

    async def _read(self) -> None:
        try:
            await self._read_all()
        except Exception as error:  # noqa: BLE001 - reported by the step that waits
            self.errors.append(f"the connection failed: {error!r}")

    async def _read_all(self) -> None:
        async for raw in self.ws:
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "new_session":  # sent at the start of every script run
                self._page_hash = message.new_session.page_script_hash
                self.runs += 1
                self.running = True
            elif kind == "session_status_changed":
                self.running = message.session_status_changed.script_is_running
            elif kind == "delta":
                self._note(message.delta)

    def _note(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "button":
            key = element.button.id.rsplit("-", 1)[-1]
            self.buttons[key] = element.button.id
            self.fragments[key] = delta.fragment_id
        elif kind == "metric":
            self.metrics[element.metric.label] = element.metric.body
        elif kind == "text_input":
            self.inputs[element.text_input.id.rsplit("-", 1)[-1]] = element.text_input.id
        elif kind == "markdown":
            self._said(element.markdown.body)
            self.waited = self.waited or WAITING in element.markdown.body
            ahead = re.search(r"(\d+) ahead of you", element.markdown.body)
            self.most_ahead = max(self.most_ahead, int(ahead.group(1))) if ahead else self.most_ahead
        elif kind == "alert":
            self._said(element.alert.body)
        elif kind == "exception":
            self.errors.append(f"the page shows a traceback: {element.exception.type}: {element.exception.message}")

    def _said(self, text: str) -> None:
        self.texts.append(text)
        self.text_runs.append(self.runs)


async def learner(url: str, epochs: int, meet, number: int, query: str = "", cookie: str | None = None) -> dict:
    """One learner: open (a challenge link, if `query`: then join its room), compile, wait for the room, Train; the
    seconds each step took."""
    async with Session(url, query, cookie) as page:
        started = time.perf_counter()
        await page.rerun()
        await page.settle(OPEN_SECONDS)
        if query:
            await page.rerun(text=("nickname", f"Learner {number}"))
            await page.settle(OPEN_SECONDS)
            if not any(f"as **Learner {number}**" in text for text in page.texts):
                raise RuntimeError(f"learner {number} did not join the room: {page.texts[-3:]}")
        open_s = time.perf_counter() - started
        progress(number, "opened", open_s)
        await meet()
        await page.rerun("compile")
        await page.settle(OPEN_SECONDS)
        progress(number, "compiled", time.perf_counter() - started)
        await meet()
        clicked = time.perf_counter()
        await page.rerun("train")
        await page.wait_for_text(f"Done: epoch {epochs}/{epochs}", TRAIN_SECONDS)
        done = time.perf_counter()
        progress(number, "trained", done - clicked)
        await page.settle(TRAIN_SECONDS)  # the page's own run after training too: a learner's browser stays open
        return {
            "open": open_s,
            "train": done - clicked,
            "total": done - started,
            "waited": page.waited,
            "most_ahead": page.most_ahead,
        }


async def tab(url: str, epochs: int, meet, number: int, cookie: str) -> dict:
    """One tab of a learner with several, all pressing Train at the room's moment: the request that reached the gate
    last holds the learner's place and trains; the older ones give way. Whether this tab trained, and how long."""
    async with Session(url, "", cookie) as page:
        await page.rerun()
        await page.settle(OPEN_SECONDS)
        await meet()
        await page.rerun("compile")
        await page.settle(OPEN_SECONDS)
        await meet()
        clicked = time.perf_counter()
        await page.rerun("train")
        await page.settle(TRAIN_SECONDS)
        trained = any(f"Done: epoch {epochs}/{epochs}" in text for text in page.texts)
        progress(number, "tab trained" if trained else "tab gave way", time.perf_counter() - clicked)
        return {"tab": True, "trained": trained, "train": time.perf_counter() - clicked}


def browser_cookie() -> str:
    """A browser's XSRF cookie as Streamlit writes it ("2|mask|masked token|time"), masked anew for each tab."""
    token, mask = os.urandom(16), os.urandom(4)
    masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(token))
    return f"2|{mask.hex()}|{masked.hex()}|{int(time.time())}"


def browser_learner(url: str, epochs: int, meet) -> dict:
    """The same learner in a real Chromium page (its own Playwright in its own thread)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import TRAIN_MS, launch_chromium, open_app, wait_idle

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            started = time.perf_counter()
            page = open_app(browser, url)
            open_s = time.perf_counter() - started
            meet()
            page.locator(".st-key-compile button").first.click()
            wait_idle(page)
            meet()
            clicked = time.perf_counter()
            page.locator(".st-key-train button").first.click()
            page.locator(".st-key-train_status").get_by_text(f"Done: epoch {epochs}/{epochs}").wait_for(
                timeout=TRAIN_MS
            )
            done = time.perf_counter()
            return {"open": open_s, "train": done - clicked, "total": done - started, "waited": False, "most_ahead": 0}
        finally:
            browser.close()


async def teachers_board(url: str, query: str, done: asyncio.Event) -> dict:
    """The teacher's board, open while the room works: a page run every 3 seconds; how many runs it saw, and its
    counts at the end (a last look, a few seconds after the last learner is done)."""
    async with Session(url, query) as board:
        while not done.is_set():
            await board.rerun()
            await board.settle(OPEN_SECONDS)
            if not any("The board refreshes by itself" in text for text in board.texts[-50:]):
                raise RuntimeError(f"the board did not open: {board.texts[-3:]}")
            try:
                await asyncio.wait_for(done.wait(), timeout=3)
            except TimeoutError:
                pass
        await asyncio.sleep(3)  # the last posts are at most a second behind
        await board.rerun()
        await board.settle(OPEN_SECONDS)
        return {"board_runs": board.runs, "board_counts": board.metrics}


def room_links(secret: bytes) -> tuple[str, str]:
    """A sealed challenge on the seed figure (its own data and head; goal: training loss ≤ 0.1): the learners' and
    the board's query strings."""
    seed = seed_figure()
    made = challenge.Challenge(seed.dataset, "loss", 0.1, validation_split=seed.training.validation_split)
    learners = {**url_state.to_query(seed), **signing.learners_query(made, "bench-room", secret)}
    return urlencode(learners, doseq=True), urlencode(signing.board_query(made, "bench-room", secret))


async def room(
    url: str,
    sessions: int,
    epochs: int,
    browsers: int,
    secret: bytes | None = None,
    tabs: int = 0,
    on_meeting=lambda: None,
) -> tuple[list[dict], dict]:
    """Every learner at once; all open, then all compile, then all press Train together (two meeting points, where
    `on_meeting` is called once everyone has come). With a `secret`, they open a sealed challenge, join its room, and
    the teacher's board is open throughout."""
    learners_query, board_query = room_links(secret) if secret else ("", "")
    barrier = threading.Barrier(sessions + tabs, action=on_meeting)
    pool = ThreadPoolExecutor(max_workers=sessions + tabs + browsers)
    loop = asyncio.get_running_loop()

    async def meet() -> None:
        await loop.run_in_executor(pool, barrier.wait)

    async def guarded(step) -> dict:
        try:
            return await step
        except BaseException:
            barrier.abort()  # the others stop waiting for a learner who will never come
            raise

    tasks = [guarded(learner(url, epochs, meet, number, learners_query)) for number in range(sessions - browsers)]
    tasks += [guarded(loop.run_in_executor(pool, browser_learner, url, epochs, barrier.wait)) for _ in range(browsers)]
    if tabs:  # one more learner, in `tabs` tabs of one browser: the older tabs first, the newest last
        token = browser_cookie()
        tasks += [guarded(tab(url, epochs, meet, sessions + i, token)) for i in range(tabs)]
    done = asyncio.Event()
    board = asyncio.create_task(teachers_board(url, board_query, done)) if secret else None
    try:
        results = list(await asyncio.gather(*tasks))
        done.set()
        return results, (await board if board is not None else {})
    finally:
        done.set()
        pool.shutdown(wait=False)


def progress(number: int, step: str, seconds: float) -> None:
    print(f"learner {number:2d} {step} after {seconds:.1f} s", file=sys.stderr, flush=True)


def summary(everyone: list[dict], memory: PeakMemory, sessions: int, browsers: int) -> dict:
    results = [r for r in everyone if not r.get("tab")]
    tabs = [r for r in everyone if r.get("tab")]
    train = sorted(r["train"] for r in results)
    total = sorted(r["total"] for r in results)
    return {
        "sessions": sessions,
        "browser_pages": browsers,
        "train_median_s": round(statistics.median(train), 2),
        "train_worst_s": round(train[-1], 2),
        "total_median_s": round(statistics.median(total), 2),
        "total_worst_s": round(total[-1], 2),
        "open_worst_s": round(max(r["open"] for r in results), 2),
        "sessions_that_waited": sum(r["waited"] for r in results),
        "most_ahead": max(r["most_ahead"] for r in results),
        "tabs": len(tabs),
        "tabs_trained": sum(r["trained"] for r in tabs),
        "tab_learner_train_s": round(max((r["train"] for r in tabs if r["trained"]), default=0.0), 2),
        "server_rss_start_mb": round(memory.first / 2**20),
        "server_rss_peak_mb": round(memory.peak / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=100, help="the seed figure's default is 100")
    parser.add_argument("--browser", type=int, default=0, help="how many of the learners are real Chromium pages")
    parser.add_argument("--port", type=int, default=8610)
    parser.add_argument("--url", help="a server already running (its process tree is measured), instead of a new one")
    parser.add_argument("--log", default="/tmp/minifig_load_server.log")
    parser.add_argument("--tabs", type=int, default=0, help="one more learner with this many tabs of one browser")
    parser.add_argument("--room", action="store_true", help="learners join a sealed challenge's room; a board is open")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="open one page first and wait until the server is quiet: its start (imports, the lesson's warm-up) is "
        "`server_start_cpu_s`, not the room's",
    )
    parser.add_argument(
        "--store", help="the room store for the server started here (MINIFIG_ROOM_STORE), e.g. redis://…"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the server on `kill` too
    if args.epochs != 100:
        parser.error("the bench trains the seed figure's own 100 epochs")
    os.environ.setdefault("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")  # as deployed (Dockerfile)
    env = {"MINIFIG_ROOM_STORE": args.store} if args.store else {}
    with nullcontext(args.url) if args.url else running_app(Path(args.log), args.port, env) as url:
        pid = server_pid(url)
        start = warm_up(url, pid) if args.warm else None
        cpu, load = cpu_seconds(pid), os.getloadavg()[0]
        secret = signing.server_secret() if args.room else None  # the server beside it reads the same secret
        meetings = []  # the server's CPU seconds when everyone had opened, and when everyone had compiled
        with PeakMemory(pid) as memory:
            results, board = asyncio.run(
                room(
                    url,
                    args.sessions,
                    args.epochs,
                    args.browser,
                    secret,
                    args.tabs,
                    on_meeting=lambda: meetings.append(cpu_seconds(pid)),
                )
            )
        figures = summary(results, memory, args.sessions, args.browser)
        figures["room"] = (args.store or "memory") if args.room else None
        figures.update(board)
        # the machine is shared: what the server itself spent, and how busy the machine was, say how fair the run was
        figures["server_cpu_s"] = round(cpu_seconds(pid) - cpu, 1)
        figures["server_cpu_per_learner_s"] = round(figures["server_cpu_s"] / args.sessions, 3)
        figures["server_start_cpu_s"] = start  # None: the room's figures include the server's start
        # where it went: opening the page, compiling, and from the room's Train to the last "Done"
        opened, compiled = meetings
        figures["server_cpu_open_s"] = round(opened - cpu, 1)
        figures["server_cpu_compile_s"] = round(compiled - opened, 1)
        figures["server_cpu_train_s"] = round(cpu_seconds(pid) - compiled, 1)
        figures["load_before"], figures["load_after"] = load, os.getloadavg()[0]
        print(json.dumps(figures))


def warm_up(url: str, pid: int, quiet_cpu: float = 0.05, timeout: float = 120) -> float:
    """One page opened and settled, then wait until the server spends less than `quiet_cpu` seconds of CPU in a
    second (its background warm-up of the lesson is done). Returns the CPU seconds the server has used since it
    started: what a server costs once, whatever the number of learners."""

    async def open_one() -> None:
        async with Session(url) as page:
            await page.rerun()
            await page.settle(timeout)

    asyncio.run(open_one())
    deadline, before = time.monotonic() + timeout, cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = cpu_seconds(pid)
        if now - before < quiet_cpu:
            break
        before = now
    return round(cpu_seconds(pid), 1)


def server_pid(url: str) -> int:
    """The pid of the process listening on the URL's port (the `streamlit run` started for the bench)."""
    port = int(url.rsplit(":", 1)[1])
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                    inodes.add(fields[9])
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}").removeprefix("socket:[").removesuffix("]") in inodes:
                    return int(pid)
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
    raise RuntimeError(f"no process listens on port {port}")


if __name__ == "__main__":
    main()
