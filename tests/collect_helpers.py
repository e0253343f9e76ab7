"""Running a real ballot box on 127.0.0.1 for tests, and talking to it as a browser without scripts would."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from selfcheck.collect import serve
from selfcheck.collect.ballot import new_code
from selfcheck.collect.box import Box
from selfcheck.collect.web import BallotApp, Bucket
from selfcheck.questionnaire.library import load_library


@dataclass
class Served:
    """A running box: its base address, the codes handed out and the box itself."""

    url: str
    codes: list[str]
    box: Box


@contextmanager
def served(
    folder: Path, subjects: list[str], ballots: int = 3, form: str = "zuofeng", bucket: Bucket | None = None
) -> Iterator[Served]:
    """A ballot box on 127.0.0.1 and a free port, stopped afterwards."""
    q = load_library(only=[form]).get(form).questionnaire
    codes = [new_code() for _ in range(ballots)]
    box = Box(q, subjects, "peer", folder, codes)
    running = serve.start(BallotApp(box, "zh", bucket), "127.0.0.1", 0)
    try:
        yield Served(running.url, codes, box)
    finally:
        running.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep a 303 as it is, to see where it points."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, data: dict[str, str] | list[tuple[str, str]] | None = None, **headers: str) -> tuple[int, str]:
    """GET (or POST a form) and return status and body, errors included."""
    body = None if data is None else urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def hidden(page: str, name: str) -> str:
    """The value of a hidden field on a page."""
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} field"
    return match.group(1)
