"""Exporters: one module per format, each a pure ``render(...) -> str | bytes``, imported by name on demand."""

from __future__ import annotations

FORMATS = ("md", "html", "docx", "csv", "json")
TEXT_FORMATS = ("md", "html", "csv", "json")
