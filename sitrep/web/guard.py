"""What stands between the network and the app: request size and rate limits, the write token,
and the response headers that keep a hostile article's markup inert in the browser.

Written as a plain ASGI middleware (not Starlette's BaseHTTPMiddleware) so that it adds no task
per request and can refuse a body while it is still arriving.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

__all__ = ["Limits", "Guard", "token_matches", "error_body"]

# The page's own policy: scripts and styles only from this server, no inline script at all
# (an injected <script> would not run even if it reached the DOM), images from here or data: URIs
# (Leaflet's), no framing. Swagger UI at /docs needs its inline start-up script, so the docs
# pages get the default headers without this policy.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                           "base-uri 'none'; form-action 'self'")
_DOCS = ("/docs", "/redoc")


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


def token_matches(header: str | None, token: str | None) -> bool:
    """A bearer token equal to ``token`` (compared in constant time)."""
    if not token or not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[len("Bearer "):].strip().encode(), token.encode())


@dataclass(frozen=True)
class Limits:
    """``rate``: requests per second per client address (0: no limit), with bursts of ``burst``;
    ``max_body``: bytes a request body may have; ``max_url``: characters of path plus query."""

    rate: float = 100.0
    burst: int = 200
    max_body: int = 1_000_000
    max_url: int = 4096


class _Buckets:
    """Token buckets per client address; the least recently seen are forgotten past ``keep``."""

    def __init__(self, rate: float, burst: int, keep: int = 10_000) -> None:
        self.rate, self.burst, self.keep = rate, burst, keep
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            allowed = tokens >= 1
            self._buckets[client] = (tokens - 1 if allowed else tokens, now)
            while len(self._buckets) > self.keep:
                self._buckets.popitem(last=False)
            return allowed


class Guard:
    """ASGI middleware: refuses over-long URLs (414), bodies over the limit (413), clients over
    their rate (429) with a JSON error, and adds the security headers to every response."""

    def __init__(self, app, limits: Limits) -> None:
        self.app = app
        self.limits = limits
        self.buckets = _Buckets(limits.rate, limits.burst) if limits.rate > 0 else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        if len(path) + len(scope.get("query_string", b"")) > self.limits.max_url:
            return await _refuse(send, 414, "E256",
                                 f"the URL is longer than {self.limits.max_url} characters")
        client = (scope.get("client") or ("?", 0))[0]
        if self.buckets is not None and not self.buckets.allow(client):
            return await _refuse(send, 429, "E257",
                                 f"more than {self.limits.rate:g} requests per second; slow down",
                                 [(b"retry-after", b"1")])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                return await _refuse(send, 400, "E258", "Content-Length is not a number")
            if int(declared) > self.limits.max_body:
                return await _refuse(send, 413, "E255", f"the request body is over "
                                     f"{self.limits.max_body} bytes")
        received = 0
        too_large = False

        async def bounded_receive():
            # a chunked body declares no length: count it as it arrives
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limits.max_body:
                    too_large = True
                    raise _BodyTooLarge
            return message

        strict = not path.startswith(_DOCS)

        async def send_with_headers(message):
            if too_large:  # the app's own answer to the abort (a 500) is replaced by the 413
                return
            if message["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"no-referrer")]
                if strict:
                    extra += [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                              (b"x-frame-options", b"DENY")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except _BodyTooLarge:
            pass
        if too_large:
            await _refuse(send, 413, "E255", f"the request body is over "
                          f"{self.limits.max_body} bytes")


class _BodyTooLarge(Exception):
    """Raised into the app when a body without Content-Length grows past the limit."""


async def _refuse(send, status: int, code: str, message: str, headers=()) -> None:
    body = error_body(code, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
