"""The server's one training gate (`minifig.gate`) and time cap, shared by Train and Compare, and who is asking.

A browser's tabs are one learner: they share Streamlit's XSRF cookie (`_streamlit_xsrf`, set on the first page
load and kept by the browser; its value is re-masked on every response, the token inside stays). A request without
it (XSRF protection off, or a client that keeps no cookies) counts as a learner of its own: its session.
"""

from __future__ import annotations

import binascii
import hashlib
import os

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from minifig.gate import TrainingGate

BROWSER_COOKIE = "_streamlit_xsrf"
MAX_TRAIN_SECONDS = 120  # one run's wall-clock cap (Train or Compare), so a shared workshop server stays fair


@st.cache_resource(show_spinner=False)
def gate() -> TrainingGate:
    """As many runs at once as the server has cores (or MINIFIG_TRAINING_SLOTS)."""
    return TrainingGate(int(os.environ.get("MINIFIG_TRAINING_SLOTS") or os.cpu_count() or 1))


def learner() -> str:
    """Who is asking to train: the browser (all its tabs alike), or this session when the browser cannot be told."""
    try:
        token = browser_token(st.context.cookies.get(BROWSER_COOKIE))
    except Exception:  # noqa: BLE001 - no request context (e.g. AppTest): the session stands for the learner
        token = None
    if token is not None:
        return "browser " + hashlib.sha256(token).hexdigest()[:16]
    ctx = get_script_run_ctx()
    return "session " + (ctx.session_id if ctx is not None else "?")


def browser_token(cookie: str | None) -> bytes | None:
    """The token inside an XSRF cookie ("2|mask|masked token|time", or a version-1 plain token), or None."""
    if not cookie:
        return None
    value = cookie.strip("\"'")
    try:
        if value.startswith("2|"):
            _, mask_hex, masked_hex, _time = value.split("|")
            mask, masked = binascii.a2b_hex(mask_hex), binascii.a2b_hex(masked_hex)
            token = bytes(byte ^ mask[i % len(mask)] for i, byte in enumerate(masked))
        else:
            token = value.encode("ascii")
    except (ValueError, ZeroDivisionError, UnicodeEncodeError):
        return None
    return token or None
