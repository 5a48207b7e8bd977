"""The server answers a browser's requests for files at once: Nagle's algorithm off for HTTP, as asyncio means it.

asyncio turns Nagle's algorithm off (TCP_NODELAY) on every TCP connection it accepts, but only for a listening socket
made with `proto=IPPROTO_TCP`. Streamlit binds its own listening socket as `socket.socket(family)` (proto 0), so
uvicorn's connections keep Nagle's algorithm. uvicorn writes a response's head and its body in two writes; the body
then waits for the browser to acknowledge the head, and a browser delays that acknowledgement by ~40 ms. So every
request after the first on a kept-alive connection took ~44 ms however small the file (`bench/keep_alive.py`), and a
page fetches ~150 of Streamlit's scripts over six connections.

`send_without_delay` sets TCP_NODELAY on an HTTP connection when a second request arrives on it (a kept-alive
connection; the first page's own, opened before the page's first run, included). A connection's first answer is not
delayed (a new connection's acknowledgements are immediate), and a connection whose first request asks for the page's
websocket is left as it is: there Nagle's algorithm sends a run's burst of small messages together. With TCP_NODELAY
on the websocket too, a room of 30 learners cost the server 8-10 % more CPU and their worst Train → done was 1 s
later (`bench/load.py --warm`, 16.7-16.9 s against 15.1-15.5 s); and Linux keeps a socket pushing at once even after
TCP_NODELAY is cleared again, so it is never set there. Idempotent; it changes nothing where uvicorn is not the
server (AppTest).
"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading

_PATCHED = "_minifig_no_delay_patched"  # on a protocol class: its data_received is wrapped
_RECEIVED = "_minifig_received"  # on a connection: how many times it has received (counted up to 2)
_lock = threading.Lock()


def send_without_delay() -> None:
    with _lock:
        for protocol in _http_protocols():
            if getattr(protocol, _PATCHED, False):
                continue
            protocol.data_received = _no_delay_from_the_second(protocol.data_received)
            setattr(protocol, _PATCHED, True)


@functools.cache
def _http_protocols() -> tuple[type, ...]:
    """uvicorn's HTTP protocol classes that are installed (h11's always; httptools' if its parser is).

    Looked up once: a module that fails to import is not kept, so asking again on every page run read and compiled
    uvicorn's httptools module anew each time (~3 % of a learner's server time where httptools is missing)."""
    protocols = []
    try:
        from uvicorn.protocols.http.h11_impl import H11Protocol
    except ImportError:  # not served by uvicorn
        return tuple(protocols)
    protocols.append(H11Protocol)
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # httptools is optional
        return tuple(protocols)
    protocols.append(HttpToolsProtocol)
    return tuple(protocols)


def _no_delay_from_the_second(data_received):
    def data_received_then_no_delay(self, data: bytes) -> None:
        received = self.__dict__.get(_RECEIVED, 0)
        if received < 2:
            self.__dict__[_RECEIVED] = received + 1
            if received == 1:
                _no_delay(self.transport)
        data_received(self, data)

    return data_received_then_no_delay


def _no_delay(transport) -> None:
    """Nagle's algorithm off on a transport's TCP socket, if it has one (not a Unix socket's, not a closed one)."""
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return
    with contextlib.suppress(OSError):  # closed meanwhile
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
