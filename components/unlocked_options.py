"""Two of Streamlit's options read without its server-wide lock, where it reads them for every element.

Streamlit 1.67 reads `global.minCachedMessageSize` for every message a page run sends (`forward_msg_cache`) and
`global.appTest` for every widget (`elements.lib.utils`) through `config.get_option`, which takes one lock for the
whole server (`config._config_lock`). Thirty learners' script threads then queue at every element: in a room of 30
(`bench/load.py`, py-spy) 19 % of the server's samples sat on that line, each wait a hand-over of the GIL.

`read_options_unlocked` gives those two modules a `config` whose `get_option` reads the parsed options' dict as it
stands (a dict read is atomic in Python) and falls back to Streamlit's own locked read when the options are not parsed
yet or the key is missing (a reparse fills a new dict). Where `config.get_option` itself is replaced for a while
(AppTest runs a page with `global.appTest` patched in that way), the replacement answers. Every other reader of the
options is left as it is.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from streamlit import config
from streamlit.elements.lib import utils as element_utils
from streamlit.runtime import forward_msg_cache

READERS = (forward_msg_cache, element_utils)  # each reads `config.get_option` for every element it handles


def get_option(key: str) -> Any:
    """The option's value, as `streamlit.config.get_option` gives it, without waiting for its lock."""
    streamlits = config.get_option
    if getattr(streamlits, "__module__", None) != config.__name__:  # replaced for a while (AppTest's overrides)
        return streamlits(key)  # what the replacement says holds
    options = config._config_options
    option = options.get(key) if options else None
    return streamlits(key) if option is None else option.value  # not parsed yet, or unknown: Streamlit's own read


class UnlockedConfig(ModuleType):
    """`streamlit.config` with `get_option` read without the lock; every other name is Streamlit's own."""

    def __init__(self) -> None:
        super().__init__(config.__name__)

    get_option = staticmethod(get_option)

    def __getattr__(self, name: str) -> Any:
        return getattr(config, name)


def read_options_unlocked() -> None:
    """Give the per-element readers the unlocked `config` (idempotent)."""
    for module in READERS:
        module.config = UNLOCKED


UNLOCKED = UnlockedConfig()
