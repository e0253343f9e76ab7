"""The questionnaire format as JSON Schema, for editors (Taplo, VS Code) that check TOML against one."""

from __future__ import annotations

from typing import Any


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a questionnaire file. Items are chosen by ``kind`` with ``if``/``then`` rather than
    ``oneOf``: with ``oneOf`` an editor can only say "not valid under any of the schemas"; with ``if kind == X then
    …`` it names the field that is wrong."""
    from selfcheck.questionnaire.model import Questionnaire

    doc = Questionnaire.model_json_schema()
    items = doc["properties"]["items"]["items"]
    mapping: dict[str, str] = items.get("discriminator", {}).get("mapping", {})
    if mapping:
        doc["properties"]["items"]["items"] = {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": sorted(mapping)}},
            "allOf": [
                {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}, "then": {"$ref": ref}}
                for kind, ref in sorted(mapping.items())
            ],
        }
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "selfcheck questionnaire"
    return doc
