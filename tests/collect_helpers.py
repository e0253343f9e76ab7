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


@dataclass
class Load:
    """What a load run saw: ballots accepted, second tries refused, 429s waited out, and the time taken."""

    accepted: int
    refused_again: int
    busy: int
    errors: list[str]
    seconds: float
    markers: list[str]


def _post_with_retry(url: str, form: dict[str, str], deadline: float, busy: list[int]) -> int:
    """POST until the server is not busy (429: wait as Retry-After says, briefly) or the deadline passes."""
    import time

    while True:
        status, _ = fetch(url, form)
        if status not in (429, 503) or time.monotonic() > deadline:
            return status
        busy.append(1)
        time.sleep(0.2)


def _get_with_retry(url: str, deadline: float, busy: list[int]) -> tuple[int, str]:
    import time

    while True:
        status, page = fetch(url)
        if status not in (429, 503) or time.monotonic() > deadline:
            return status, page
        busy.append(1)
        time.sleep(0.2)


def load(folder: Path, ballots: int = 200, clients: int = 50, limit: float = 120.0) -> Load:
    """``ballots`` ballots from ``clients`` concurrent clients on 127.0.0.1, each client also trying its first code
    a second time; bounded by ``limit`` seconds. Each ballot carries a unique marker in a comment."""
    import threading
    import time

    subjects = ["张三", "李四", "王五"]
    with served(folder, subjects, ballots=ballots) as box:
        start = time.monotonic()
        deadline = start + limit
        accepted: list[str] = []
        again: list[int] = []
        busy: list[int] = []
        errors: list[str] = []
        lock = threading.Lock()

        def client(n: int) -> None:
            mine = list(range(n, ballots, clients))
            for i in mine:
                code = box.codes[i]
                status, page = _get_with_retry(f"{box.url}b?c={code}", deadline, busy)
                if status != 200:
                    errors.append(f"GET {i}: {status}")
                    continue
                marker = f"ballot-{i}"
                form = {"code": code, "csrf": hidden(page, "csrf"), "m-0-sixiang": str(1 + i % 4), "c-0": marker}
                form |= {"m-1-gongzuo": str(1 + (i // 4) % 4), "m-2-_grade": str(1 + i % 4)}
                status = _post_with_retry(f"{box.url}b", form, deadline, busy)
                with lock:
                    (accepted.append(marker) if status == 303 else errors.append(f"POST {i}: {status}"))
                if i == mine[0]:
                    status = _post_with_retry(f"{box.url}b", form, deadline, busy)
                    with lock:
                        (again.append(1) if status == 409 else errors.append(f"again {i}: {status}"))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()) + 5)
        seconds = time.monotonic() - start
        if fetch(box.url)[0] != 200:
            errors.append("the server stopped answering")
    return Load(len(accepted), len(again), len(busy), errors, seconds, accepted)
