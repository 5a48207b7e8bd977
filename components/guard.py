"""The last line of defence: an unexpected error in a part of the page becomes a plain message, never a traceback.

The learner reads a sentence in their language with a short incident id; the server's log gets the traceback
under the same id. The run then stops where it is (`st.stop`), so Streamlit keeps every widget's value, even of
the widgets not drawn this time: the figure and the data are as they were, and the next run starts afresh.
Streamlit's own control flow (a rerun, a stop, a fragment's rerun) derives from `BaseException` and passes.
"""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from minifig.i18n import t

LOG = logging.getLogger("minifig.incidents")
Part = TypeVar("Part", bound=Callable)


def shielded(part: Part | None = None, *, stop: bool = True):
    """`part` (the page, or a fragment's body) with any unexpected error shown plainly and logged.

    `stop=False` lets the page go on below the part: for a fragment, whose widgets hold no part of the figure.
    Use as `@shielded` or `@shielded(stop=False)`.
    """
    if part is None:
        return functools.partial(shielded, stop=stop)

    @functools.wraps(part)
    def run(*args, **kwargs):
        place = st.empty()  # above whatever the part draws: the message goes here when the part fails
        try:
            return part(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the very point: no error reaches the learner as a traceback
            incident = secrets.token_hex(3)
            LOG.error("incident %s in %s", incident, part.__qualname__, exc_info=error)
            place.error(t("incident.message", st.session_state.get("lang", "en"), id=incident))
            if stop:
                st.stop()
            return None

    return run
