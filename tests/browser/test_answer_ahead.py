"""The question's slider answers in the browser at once (components/answer_ahead), and the page's run then says the
same words: stepping the seed's slider by key and by mouse, untrained, trained, and in Korean; each of the plane's
two sliders."""

from __future__ import annotations

import pytest

from tests.browser.conftest import TRAIN_MS, shot, wait_idle
from tests.browser.test_story import click, press, set_number
from tests.browser.test_timeline_table import choose

pytestmark = pytest.mark.browser

# Every text the headline shows, and whether the page had heard anything from the server since the key or click.
WATCH = """() => {
  window.__said = [];
  window.__heard = 0;
  if (window.__watching) return;
  window.__watching = true;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (payload) {
    if (!this.__counted) {
      this.__counted = true;
      this.addEventListener('message', () => { window.__heard += 1; });
    }
    return send.call(this, payload);
  };
  new MutationObserver(() => {
    const headline = document.querySelector('.st-key-prediction h3 [data-heading-text]');
    const text = headline && headline.innerText;
    const last = window.__said[window.__said.length - 1];
    if (text && (!last || last.text !== text)) window.__said.push({text, heard: window.__heard});
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_the_slider_answers_at_once_and_the_page_agrees(page):
    page.reload()  # the watcher must see the socket opened: a fresh load of the same session's page
    page.evaluate("() => { window.__heard = 0; }")
    wait_idle(page)
    thumb = page.locator(".st-key-predict_input input[type=range]")
    thumb.focus()
    for key in ("ArrowRight", "ArrowRight", "End", "Home", "ArrowRight"):
        said = step(page, lambda key=key: thumb.press(key))
        assert_said_ahead_and_kept(page, said, f"key {key}")

    track = page.locator(".st-key-predict_input [data-testid='stSlider'] [data-orientation='horizontal']").last
    box = track.bounding_box()
    said = step(page, lambda: page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] / 2))
    assert_said_ahead_and_kept(page, said, "a click on the track")

    click(page, "compile")
    set_number(page, "epochs", 100)
    press(page, "train")
    wait_idle(page, TRAIN_MS)
    assert "epoch 100/100" in page.locator(".st-key-train_status").inner_text()
    thumb.focus()
    for key in ("Home", "End"):  # 1 is small and 10 is big once trained: the table is the trained head's
        said = step(page, lambda key=key: thumb.press(key))
        assert_said_ahead_and_kept(page, said, f"trained, key {key}")
        assert ("small" if key == "Home" else "big") in said[0]["text"]

    page.locator(".st-key-lang").get_by_text("한국어").click()
    wait_idle(page)
    thumb.focus()
    said = step(page, lambda: thumb.press("ArrowLeft"))  # from 10, where End left it
    assert_said_ahead_and_kept(page, said, "in Korean")
    assert "답" in said[0]["text"] and "Answer" not in said[0]["text"]
    shot(page, "answer_ahead_korean")


def step(page, act) -> list[dict]:
    """What the headline said while `act` moved the slider and the page's run that followed it ended."""
    page.evaluate(WATCH)
    act()
    wait_idle(page)
    return page.evaluate("window.__said")


def assert_said_ahead_and_kept(page, said: list[dict], what: str) -> None:
    final = page.locator(".st-key-prediction h3").inner_text()
    assert said, f"{what}: the headline never changed"
    assert said[0]["heard"] == 0, f"{what}: the first new answer waited for the server: {said}"
    assert [entry["text"] for entry in said] == [final], f"{what}: the page's run said something else: {said}"


def test_each_of_the_planes_sliders_answers_at_once(page):
    choose(page, "dataset", "XOR: same signs or different?")
    page.reload()  # the watcher must see the socket opened (see above)
    wait_idle(page)
    for key, press_ in (
        ("predict_x1", "ArrowRight"),
        ("predict_x2", "ArrowRight"),
        ("predict_x1", "Home"),
        ("predict_x2", "Home"),
    ):
        thumb = page.locator(f".st-key-{key} input[type=range]")
        thumb.focus()
        said = step(page, lambda thumb=thumb, press_=press_: thumb.press(press_))
        assert_said_ahead_and_kept(page, said, f"{key} {press_}")
    shot(page, "answer_ahead_plane")
