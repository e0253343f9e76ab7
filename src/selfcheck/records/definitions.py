"""Questionnaire definitions kept beside the reports, content-addressed by digest, so reports stay readable.

A report names each questionnaire's digest (sha256 of its canonical JSON). When a report is written, that JSON is
stored once as ``definitions/<digest>.json`` in the reports folder, so ``report show``, ``diff``, ``history`` and
``export`` give the same result whether or not the questionnaire file (e.g. one given with ``-q``) is still around.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from selfcheck.files import exact
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

    from selfcheck.questionnaire.model import Questionnaire, known_digest

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
            q = exact.validate(Questionnaire, json.loads(raw))
        except (ValueError, ValidationError):
            continue
        known_digest(q, digest)  # the file is the canonical JSON of q, and hashes to digest (checked above)
        return q
    return None


def for_reports(
    reports: Iterable[tuple[Path, Report]], folder: Path, current: Callable[[], Mapping[str, Questionnaire]]
) -> dict[str, Questionnaire]:
    """The definitions the reports were answered with, newest report first per id: the one stored beside the report
    or in ``folder``; else ``current()`` (the library) when its digest matches; else an older report's stored one;
    else the library's as the fallback. The library is loaded only when a definition is not stored: reading the
    stored JSON is cheaper than loading and digesting the questionnaire files."""
    rows = sorted(reports, key=lambda r: r[1].created, reverse=True)
    tried: dict[str, list[tuple[Path, str]]] = {}
    for path, report in rows:
        for qid, res in report.questionnaires.items():
            tried.setdefault(qid, []).append((path, res.digest))
    out: dict[str, Questionnaire] = {}
    for qid, [(path, digest), *_older] in tried.items():
        stored = load(digest, dict.fromkeys([path.parent, folder]))
        if stored is not None:
            out[qid] = stored
    missing = [qid for qid in tried if qid not in out]
    if not missing:
        return out
    library = current()
    for qid in missing:
        q = library.get(qid)
        if q is not None and q.digest() == tried[qid][0][1]:
            out[qid] = q
            continue
        for path, digest in tried[qid][1:]:
            stored = load(digest, dict.fromkeys([path.parent, folder]))
            if stored is not None:
                out[qid] = stored
                break
        else:
            if q is not None:
                out[qid] = q
    for qid, q in library.items():
        out.setdefault(qid, q)
    return out
