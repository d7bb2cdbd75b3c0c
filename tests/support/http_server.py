"""A real HTTP server for tests: http.server's ThreadingHTTPServer on 127.0.0.1 in a thread.

It records every request (method, path, query, headers, body) and answers from a script of
(status, body) pairs in order, then 200 "OK" once the script runs out; `delay` holds every
answer back that many seconds, for timeout tests.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

HOST = "127.0.0.1"


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server got it; header names are lower-case."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    @property
    def params(self) -> dict[str, str]:
        """The query string decoded (the last value of a repeated name)."""
        return dict(parse_qsl(self.query, keep_blank_values=True, strict_parsing=False))

    def form(self) -> dict[str, str]:
        """The body decoded as application/x-www-form-urlencoded."""
        return dict(parse_qsl(self.body.decode("ascii"), keep_blank_values=True))

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.body)


@dataclass
class HttpTestServer:
    """The running server's base URL (no trailing slash) and what it received."""

    url: str
    requests: list[RecordedRequest] = field(default_factory=list)


@contextmanager
def http_server(responses: list[tuple[int, str]] | None = None, *,
                delay: float = 0.0) -> Iterator[HttpTestServer]:
    """Run the server for the `with` block, answering from `responses` in order."""
    script = list(responses or [])
    lock = threading.Lock()
    stopping = threading.Event()
    running: HttpTestServer

    class Handler(BaseHTTPRequestHandler):
        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            headers = {name.lower(): value for name, value in self.headers.items()}
            with lock:
                running.requests.append(
                    RecordedRequest(self.command, parts.path, parts.query, headers, body))
                status, reply = script.pop(0) if script else (200, "OK")
            # Event.wait, not sleep: leaving the `with` block releases a held answer at once.
            if delay and stopping.wait(delay):
                return
            data = reply.encode()
            # A client that gave up (timeout tests) closes the socket before this write.
            with suppress(OSError):
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", f"{running.url}/moved")
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = answer

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep pytest's output clean

    server = ThreadingHTTPServer((HOST, 0), Handler)
    running = HttpTestServer(f"http://{HOST}:{server.server_address[1]}")
    # A short poll keeps shutdown() quick: it waits for the serving loop's next look.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="http-test-server", daemon=True)
    thread.start()
    try:
        yield running
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
