"""The server's HTTP connections answer without Nagle's delay; its websockets are left as they are.

A real uvicorn server in a thread, on a listening socket bound as Streamlit binds its own (`socket.socket(family)`,
proto 0: asyncio then leaves Nagle's algorithm on), asked over real TCP connections.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import os
import socket
import threading
import time

import pytest
import uvicorn

from components.no_delay import send_without_delay


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            pass
        return
    if scope["type"] == "websocket":
        await receive()  # connect
        await send({"type": "websocket.accept"})
        while (await receive())["type"] != "websocket.disconnect":
            pass
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"x" * 2000})


@pytest.fixture(scope="module")
def server():
    send_without_delay()
    send_without_delay()  # twice: idempotent
    listening = socket.socket(socket.AF_INET)  # as Streamlit binds it: proto 0
    listening.bind(("127.0.0.1", 0))
    listening.listen(16)
    listening.setblocking(False)
    config = uvicorn.Config(app, log_level="error", http="h11", ws="websockets-sansio", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(running.serve(sockets=[listening])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.01)
    yield running, listening.getsockname()[1]
    running.should_exit = True
    thread.join(10)


def no_delay_of(running: uvicorn.Server, client_port: int) -> int:
    """TCP_NODELAY of the server's side of the connection from `client_port`."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        for connection in list(running.server_state.connections):
            transport = connection.transport
            if transport.get_extra_info("peername")[1] == client_port:
                return transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        time.sleep(0.01)
    raise AssertionError("the server has no such connection")


def test_a_kept_alive_connection_answers_its_next_requests_without_delay(server):
    running, port = server
    client = http.client.HTTPConnection("127.0.0.1", port)
    client.request("GET", "/first")
    assert client.getresponse().read() == b"x" * 2000
    client_port = client.sock.getsockname()[1]
    assert no_delay_of(running, client_port) == 0  # a first answer is not delayed: nothing to change yet
    for path in ("/second", "/third"):
        client.request("GET", path)
        assert client.getresponse().read() == b"x" * 2000
    assert no_delay_of(running, client_port) == 1
    client.close()


def test_a_websocket_keeps_nagles_algorithm(server):
    running, port = server
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(
            (
                f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        assert client.recv(4096).startswith(b"HTTP/1.1 101")
        client.sendall(b"\x89\x80" + os.urandom(4))  # a masked ping: the websocket receives on
        assert client.recv(4096)[:1] == b"\x8a"  # its pong
        assert no_delay_of(running, client.getsockname()[1]) == 0


def test_the_servers_protocols_are_looked_up_once_not_on_every_page_run(monkeypatch):
    """`send_without_delay` runs at the top of every page run; a module that fails to import (uvicorn's httptools
    one, where httptools is missing) is not kept, so asking again read and compiled it anew each time."""
    import builtins

    from components import no_delay

    asked = []
    real_import = builtins.__import__

    def counting_import(name, *args, **kwargs):
        if name.startswith("uvicorn.protocols.http"):
            asked.append(name)
        return real_import(name, *args, **kwargs)

    no_delay._http_protocols.cache_clear()
    monkeypatch.setattr(builtins, "__import__", counting_import)
    first = no_delay._http_protocols()
    looked_up = len(asked)
    for _ in range(3):
        send_without_delay()
    assert looked_up >= 1
    assert len(asked) == looked_up
    assert no_delay._http_protocols() == first
