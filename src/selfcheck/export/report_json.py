"""``--format json``: the reports themselves as JSON, as stored (one object, or a list of several), with their path."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfcheck.export import Source


def export(source: Source) -> str:
    """The exporter's entry point."""
    items = [{"path": str(p), **r.model_dump(mode="json", exclude_none=True)} for p, r in source.reports]
    return json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n"
