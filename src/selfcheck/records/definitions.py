"""Questionnaire definitions kept beside the reports, content-addressed by digest, so reports stay readable.

A report names each questionnaire's digest (sha256 of its canonical JSON). When a report is written, that JSON is
stored once as ``definitions/<digest>.json`` in the reports folder, so ``report show``, ``diff``, ``history`` and
``export`` give the same result whether or not the questionnaire file (e.g. one given with ``-q``) is still around.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.records.storage import atomic_write, private_dir

if TYPE_CHECKING:
    from selfcheck.questionnaire.model import Questionnaire
    from selfcheck.records.report import Report

FOLDER = "definitions"


def canonical(q: Questionnaire) -> bytes:
    """The definition as the digest sees it (sorted keys, UTF-8)."""
    return json.dumps(q.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()


def store(questionnaires: Iterable[Questionnaire], folder: Path) -> None:
    """Keep each definition once under its digest (an existing file with that name already holds it)."""
    target = folder / FOLDER
    for q in questionnaires:
        path = target / f"{q.digest()}.json"
        if not path.exists():
            private_dir(target)
            atomic_write(path, canonical(q))


def load(digest: str, folders: Iterable[Path]) -> Questionnaire | None:
    """The stored definition with ``digest`` from the first folder that has it; None when none has (or when a file
    does not match its name, e.g. edited by hand)."""
    from pydantic import ValidationError

    from selfcheck.questionnaire.model import Questionnaire

    if not digest or not all(c in "0123456789abcdef" for c in digest):
        return None
    for folder in folders:
        path = folder / FOLDER / f"{digest}.json"
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(raw).hexdigest() != digest:
            continue
        try:
            return Questionnaire.model_validate(json.loads(raw))
        except (ValueError, ValidationError):
            continue
    return None


def for_reports(
    reports: Iterable[tuple[Path, Report]], folder: Path, current: Mapping[str, Questionnaire]
) -> dict[str, Questionnaire]:
    """The definitions the reports were answered with, newest report first per id: stored ones beside the report
    or in ``folder``, else ``current`` (the library) — used as is when its digest matches, else as the fallback."""
    out: dict[str, Questionnaire] = {}
    digests = {qid: q.digest() for qid, q in current.items()}
    rows = sorted(reports, key=lambda r: r[1].created, reverse=True)
    for path, report in rows:
        for qid, res in report.questionnaires.items():
            if qid in out:
                continue
            if digests.get(qid) == res.digest:
                out[qid] = current[qid]
                continue
            stored = load(res.digest, dict.fromkeys([path.parent, folder]))
            if stored is not None:
                out[qid] = stored
    for qid, q in current.items():
        out.setdefault(qid, q)
    return out
