"""A port that refuses every connection for as long as a test needs it.

"Bind to 0, close, and nobody listens there" holds only until another program
binds it: beside a second suite on the machine, that port may be its server's a
second later, answering 404 where the test expects a refusal. A socket bound and
never listening holds the port (nobody else can bind it) and the kernel refuses
every connection to it.
"""
from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator


@contextlib.contextmanager
def refused_port(host: str = "127.0.0.1") -> Iterator[int]:
    with socket.socket() as held:
        held.bind((host, 0))
        yield held.getsockname()[1]
