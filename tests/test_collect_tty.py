"""``selfcheck collect`` in a real terminal (pexpect): address and QR code, live progress, the closing line."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect

import helpers
from collect_helpers import fetch, hidden


def spawn(args: list[str], home: Path) -> pexpect.spawn:
    return helpers.spawn(args, home, timeout=30, NO_COLOR="1")


def _start(tmp_path: Path, ballots: int) -> tuple[pexpect.spawn, str, list[str]]:
    folder = tmp_path / "测评"
    slips = tmp_path / "slips.html"
    args = ["collect", "--form", "zuofeng", "--subjects", "张三,李四", "--ballots", str(ballots), "--dir", str(folder)]
    child = spawn([*args, "--host", "127.0.0.1", "--port", "0", "--slips", str(slips)], tmp_path / "home")
    child.expect(r"(http://127\.0\.0\.1:\d+/)")
    url = child.match.group(1)
    child.expect("明文传输")  # the warning: no --tls
    child.expect(f"已收到 0/{ballots} 份")
    codes = re.findall(r'class="code">([a-z2-7-]+)<', slips.read_text(encoding="utf-8"))
    assert len(codes) == ballots
    assert oct(slips.stat().st_mode & 0o777) == "0o600"
    return child, url, codes


def _vote(url: str, code: str) -> None:
    _, page = fetch(f"{url}b?c={code}")
    assert fetch(f"{url}b", {"code": code, "csrf": hidden(page, "csrf"), "m-0-sixiang": "4"})[0] == 303


def test_collect_stops_by_itself_when_every_ballot_is_in(tmp_path: Path) -> None:
    child, url, codes = _start(tmp_path, 2)
    _vote(url, codes[0])
    child.expect("已收到 1/2 份")
    _vote(url, codes[1])
    child.expect("收票结束：收到 2/2 份测评表，写出 2 份测评报告")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(list((tmp_path / "测评").glob("selfcheck-*.toml"))) == 2


def test_ctrl_c_closes_the_box_with_a_summary(tmp_path: Path) -> None:
    child, url, codes = _start(tmp_path, 3)
    _vote(url, codes[2])
    child.expect("已收到 1/3 份")
    child.sendintr()
    child.expect("收票结束：收到 1/3 份测评表")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
