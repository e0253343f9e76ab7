"""The ballot box on the network: a small ASGI app (served by uvicorn), imported only by ``selfcheck collect``.

No framework: five routes, each answered here with the same strict headers. Nothing about a visitor is kept (no
address, no user agent, no log of requests); the only state is the box's open codes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from selfcheck.collect import page
from selfcheck.collect.box import Box, Outcome
from selfcheck.errors import SelfcheckError
from selfcheck.i18n import LANGS, Lang, Msg, t

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_BODY = 64 * 1024
"""Bytes in one submitted ballot: 60 subjects with full comments stay far below this."""
MAX_FIELDS = 1000

HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
]

REFUSED = {
    Outcome.NO_CODE: (400, Msg.COLLECT_NO_CODE),
    Outcome.UNKNOWN_CODE: (403, Msg.COLLECT_UNKNOWN_CODE),
    Outcome.USED_CODE: (409, Msg.COLLECT_USED_CODE),
    Outcome.BAD_TOKEN: (403, Msg.COLLECT_BAD_TOKEN),
    Outcome.INVALID: (400, Msg.COLLECT_INVALID),
}


@dataclass
class Bucket:
    """A token bucket over all visitors together: ``rate`` requests a second, bursts up to ``burst``.

    One bucket for everyone rather than one per address, so that no address is ever held, even in memory."""

    rate: float = 50.0
    burst: float = 200.0
    tokens: float = field(init=False)
    stamp: float = field(init=False, default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.burst

    def take(self) -> bool:
        """True when a request may go ahead now."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class BallotApp:
    """The ASGI application around one :class:`Box`."""

    def __init__(self, box: Box, lang: Lang = "zh", bucket: Bucket | None = None) -> None:
        self.box = box
        self.lang = lang
        self.bucket = bucket or Bucket()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request (lifespan events are acknowledged; websockets are not served)."""
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        status, body, extra = await self.route(scope, receive)
        await self.respond(send, status, body, extra)

    def _lang(self, query: dict[str, list[str]]) -> Lang:
        wanted = (query.get("lang") or [""])[0]
        chosen = next((lang for lang in LANGS if lang == wanted), None)
        if chosen is None:
            return self.lang
        return chosen if self.box.form.title_en else "zh"  # a form without English is shown in Chinese

    async def route(self, scope: Scope, receive: Receive) -> tuple[int, bytes | str, list[tuple[bytes, bytes]]]:
        """Status, body and extra headers for one request."""
        method, path = scope["method"], scope["path"]
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), max_num_fields=10)
        lang = self._lang(query)
        box = self.box
        if not self.bucket.take():
            text = t(Msg.COLLECT_BUSY, lang)
            return 429, page.message_page(box, lang, text, text), [(b"retry-after", b"1")]
        if path == "/style.css" and method == "GET":
            return 200, page.STYLE, [(b"content-type", b"text/css; charset=utf-8")]
        if path == "/" and method == "GET":
            return 200, page.code_page(box, lang), []
        if path == "/done" and method == "GET":
            return 200, page.message_page(box, lang, t(Msg.COLLECT_THANKS, lang), t(Msg.COLLECT_THANKS_TEXT, lang)), []
        if path == "/b" and method == "GET":
            code = (query.get("c") or [""])[0][:64]
            state = box.status(code)
            if state is not Outcome.ACCEPTED:
                return self.refused(state, lang)
            return 200, page.ballot_page(box, code, lang), []
        if path == "/b" and method == "POST":
            return await self.post(scope, receive, lang)
        if path in ("/", "/b", "/done", "/style.css"):
            return 405, page.message_page(box, lang, "405", t(Msg.COLLECT_NOT_FOUND, lang), back=True), []
        return 404, page.message_page(box, lang, "404", t(Msg.COLLECT_NOT_FOUND, lang), back=True), []

    def refused(self, state: Outcome, lang: Lang, details: str = "") -> tuple[int, str, list[tuple[bytes, bytes]]]:
        """The page for a ballot or code that is not accepted."""
        status, msg = REFUSED[state]
        text = t(msg, lang) + (f" {details}" if details else "")
        return status, page.message_page(self.box, lang, t(Msg.COLLECT_REFUSED, lang), text, back=True), []

    async def post(self, scope: Scope, receive: Receive, lang: Lang) -> tuple[int, str, list[tuple[bytes, bytes]]]:
        """A submitted ballot: size-limited, form-encoded, same-origin; then the box decides."""
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        box = self.box
        too_big = page.message_page(box, lang, "413", t(Msg.COLLECT_TOO_BIG, lang), back=True)
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return 413, too_big, [(b"connection", b"close")]
        kind = headers.get(b"content-type", b"").split(b";")[0].strip()
        origin = headers.get(b"origin")
        host = headers.get(b"host", b"")
        if kind != b"application/x-www-form-urlencoded" or (
            origin is not None and origin not in (b"null",) and origin.split(b"//", 1)[-1] != host
        ):
            return self.refused(Outcome.BAD_TOKEN, lang)
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return 400, "", []
            body += message.get("body", b"")
            if len(body) > MAX_BODY:
                return 413, too_big, [(b"connection", b"close")]
            if not message.get("more_body"):
                break
        try:
            fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except (UnicodeDecodeError, ValueError):
            return self.refused(Outcome.INVALID, lang)
        try:
            outcome, problems = await asyncio.to_thread(box.submit, fields)
        except (OSError, SelfcheckError):
            text = t(Msg.COLLECT_SAVE_FAILED, lang)
            return 500, page.message_page(box, lang, t(Msg.COLLECT_REFUSED, lang), text, back=True), []
        if outcome is Outcome.ACCEPTED:
            return 303, "", [(b"location", b"/done?lang=" + lang.encode())]
        return self.refused(outcome, lang, " ".join(t(m, lang, **v) for m, v in problems))

    async def respond(self, send: Send, status: int, body: bytes | str, extra: list[tuple[bytes, bytes]]) -> None:
        """Send a response with the strict headers."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = [*HEADERS, *extra]
        if not any(k == b"content-type" for k, _ in extra):
            headers.append((b"content-type", b"text/html; charset=utf-8"))
        headers.append((b"content-length", str(len(data)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})
