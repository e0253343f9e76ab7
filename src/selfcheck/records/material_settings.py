"""The material's title block remembered between exports (unit, post, meeting, name), beside the reports.

A small TOML file, written atomically with mode 0600 like everything in the reports folder; a broken or unknown
file is ignored rather than stopping an export (it only holds defaults)."""

from __future__ import annotations

from pathlib import Path

from selfcheck.errors import ReportError
from selfcheck.files.tomlfile import dump_toml, read_toml
from selfcheck.i18n import Msg
from selfcheck.records.storage import atomic_write, private_dir

SETTINGS_NAME = "material.toml"
FIELDS = ("unit", "post", "meeting", "name")
MAX_LENGTH = 200
"""A title-block field longer than this is not a unit's name: cut, so a pasted document cannot swell the title."""


def settings_path(folder: Path) -> Path:
    """Where the remembered title block lives: beside the reports."""
    return folder / SETTINGS_NAME


def load(folder: Path) -> dict[str, str]:
    """The remembered fields (only the known ones, as text); empty when there is no usable file."""
    path = settings_path(folder)
    if not path.is_file():
        return {}
    try:
        data = read_toml(path, Msg.WHAT_SETTINGS, ReportError)
    except ReportError:
        return {}
    return {k: str(data[k])[:MAX_LENGTH] for k in FIELDS if isinstance(data.get(k), str) and data[k].strip()}


def remember(folder: Path, given: dict[str, str | None]) -> dict[str, str]:
    """Merge the fields given on the command line into the remembered ones; write only when something changed.

    An empty string given on purpose forgets that field."""
    current = load(folder)
    merged = dict(current)
    for key, value in given.items():
        if value is None:
            continue
        if value.strip():
            merged[key] = value.strip()[:MAX_LENGTH]
        else:
            merged.pop(key, None)
    if merged != current:
        private_dir(folder)
        atomic_write(settings_path(folder), dump_toml(merged))
    return merged
