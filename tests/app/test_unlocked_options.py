"""The options Streamlit reads for every element (components/unlocked_options.py): the same values as Streamlit's
own `config.get_option`, read without waiting for its server-wide lock."""

from __future__ import annotations

import threading

import pytest
from streamlit import config
from streamlit.elements.lib import utils as element_utils
from streamlit.runtime import forward_msg_cache

from components import unlocked_options
from components.unlocked_options import get_option, read_options_unlocked

HOT = ("global.minCachedMessageSize", "global.appTest")  # the two read for every message and every widget


def test_every_option_reads_as_streamlit_reads_it():
    config.get_config_options()
    keys = list(config._config_options)
    assert len(keys) > 100
    assert all(get_option(key) == config.get_option(key) for key in keys)


def test_an_option_set_while_the_server_runs_is_read_at_once():
    before = config.get_option("global.minCachedMessageSize")
    try:
        config.set_option("global.minCachedMessageSize", before + 1)
        assert get_option("global.minCachedMessageSize") == before + 1
    finally:
        config.set_option("global.minCachedMessageSize", before)


def _finishes_while_the_lock_is_held(read) -> bool:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with config._config_lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    reader = threading.Thread(target=lambda: [read(key) for key in HOT])
    reader.start()
    reader.join(timeout=1)
    finished = not reader.is_alive()
    release.set()
    holder.join()
    reader.join()
    return finished


def test_the_per_element_options_are_read_while_another_thread_holds_the_lock():
    config.get_config_options()
    assert not _finishes_while_the_lock_is_held(config.get_option)  # Streamlit's own read waits for the lock
    assert _finishes_while_the_lock_is_held(get_option)


def test_options_patched_for_a_while_read_as_patched():
    """AppTest runs a page with `global.appTest` on by replacing `config.get_option` meanwhile."""
    from streamlit.testing.v1.util import patch_config_options

    with patch_config_options({"global.appTest": True, "global.minCachedMessageSize": 7}):
        assert get_option("global.appTest") is True
        assert get_option("global.minCachedMessageSize") == 7
    assert get_option("global.appTest") == config.get_option("global.appTest")


def test_before_the_options_are_parsed_or_for_an_unknown_key_it_is_streamlits_own_read(monkeypatch):
    monkeypatch.setattr(config, "_config_options", None)
    assert get_option("global.appTest") == config.get_option("global.appTest")  # Streamlit parses them
    with pytest.raises(RuntimeError, match="not defined"):
        get_option("global.noSuchOption")


def test_only_the_per_element_readers_get_it_and_everything_else_is_streamlits(monkeypatch):
    for module in unlocked_options.READERS:
        monkeypatch.setattr(module, "config", config)
    read_options_unlocked()
    read_options_unlocked()  # idempotent
    for module in (forward_msg_cache, element_utils):
        assert module.config.get_option is get_option
        assert module.config.get_config_options is config.get_config_options
        assert module.config._config_lock is config._config_lock
    assert config.get_option is not get_option  # st.get_option and every other reader: Streamlit's own
