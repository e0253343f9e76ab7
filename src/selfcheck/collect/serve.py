"""Serving the ballot box: uvicorn in a background thread, so the terminal can show progress meanwhile.

uvicorn (an ASGI server built for production, unlike the standard library's ``http.server``) is imported here only,
and this module only by ``selfcheck collect``.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfcheck.errors import UsageError
from selfcheck.i18n import Msg

if TYPE_CHECKING:
    import uvicorn

MAX_CONNECTIONS = 200
"""Open connections at once; beyond this the server answers 503 rather than slowing to a crawl."""


def lan_address() -> str:
    """This machine's address on the local network (the one its default route leaves from), else 127.0.0.1.

    Connecting a UDP socket chooses a route without sending anything; the target is a documentation address."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address: str = probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return address


@dataclass
class Running:
    """A server running in a thread: its address and how to stop it."""

    server: uvicorn.Server
    thread: threading.Thread
    host: str
    port: int
    tls: bool

    @property
    def url(self) -> str:
        """The address raters open."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}/"

    def alive(self) -> bool:
        """True while the server thread runs."""
        return self.thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the server to finish the requests in flight and stop; wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout)


def start(app: Any, host: str, port: int, tls: tuple[Path, Path] | None = None, timeout: float = 10.0) -> Running:
    """Start serving ``app`` on ``host:port`` (0 = any free port); returns once the socket listens."""
    try:
        import uvicorn
    except ImportError:
        raise UsageError(Msg.COLLECT_NEEDS_EXTRA) from None
    for path in tls or ():
        if not path.is_file():
            raise UsageError(Msg.COLLECT_TLS_MISSING, path=path)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,
        log_level="critical",
        access_log=False,  # no request log: it would hold addresses and the codes in the links
        proxy_headers=False,
        server_header=False,
        date_header=False,
        lifespan="off",
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=16 * 1024,
        timeout_keep_alive=5,
        ssl_certfile=str(tls[0]) if tls else None,
        ssl_keyfile=str(tls[1]) if tls else None,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="selfcheck-collect", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise UsageError(Msg.COLLECT_CANNOT_LISTEN, host=host, port=port)
        time.sleep(0.02)
    bound = port
    for listener in getattr(server, "servers", []):
        for sock in listener.sockets:
            bound = sock.getsockname()[1]
    return Running(server, thread, host, bound, tls is not None)
