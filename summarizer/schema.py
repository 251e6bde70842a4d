"""The record's JSON Schema and Arrow schema, derived from the typed model in :mod:`summarizer.records`.

Python types map to schema types: ``str``, ``int``, ``float``, ``bool``; ``X | None`` (nullable);
``Literal[...]`` (an enum); ``tuple[X, ...]`` (a list); a dataclass (an object, or an Arrow
struct, with its fields in order). Descriptions and constraints come from the fields' metadata
(:func:`summarizer.records.about`).

The JSON Schema shipped as ``summarizer/data/record.schema.json`` is :func:`json_schema` written
by ``scripts/write_record_schema.py``; a test checks that the two are the same.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from functools import cache
from typing import TYPE_CHECKING, Any

from .records import optional_inner, record_fields, type_hints

if TYPE_CHECKING:
    import pyarrow as pa

SCHEMA_FILE = "record.schema.json"
"""The JSON Schema's file name in the package ``summarizer.data``."""

_JSON_TYPES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record, as ``Result.to_dict()`` and the writers make it.

    Every field is required except those written only by runs with a generative model or with
    ``--story-fields``; no other field is allowed.
    """
    fields = record_fields()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/summarizer/summarizer/record.schema.json",
        "title": "summarizer record",
        "description": "One record per article, as written by `summarizer run` (json, jsonl; the csv columns are "
                       "named after these fields) and returned by Result.to_dict(). A failed article has `error` "
                       "set, `summary` null and empty lists. Generated from summarizer/records.py by "
                       "scripts/write_record_schema.py.",
        "type": "object",
        "required": [f.name for f in fields if not (f.with_model or f.with_story)],
        "properties": {f.name: _json_property(f.type, f.metadata) for f in fields},
        "additionalProperties": False,
    }


def json_schema_text() -> str:
    """:func:`json_schema` as the text of the shipped file (two-space indent, a final newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _json_property(tp: Any, metadata: typing.Mapping[str, Any]) -> dict[str, Any]:
    return {**_json_type(tp), **metadata.get("schema", {})}


def _json_type(tp: Any) -> dict[str, Any]:
    inner, optional = optional_inner(tp)
    if typing.get_origin(inner) is typing.Literal:
        return {"enum": [*typing.get_args(inner), *([None] if optional else [])]}
    if inner in _JSON_TYPES:
        return {"type": [_JSON_TYPES[inner], "null"] if optional else _JSON_TYPES[inner]}
    if optional and dataclasses.is_dataclass(inner):
        return {"anyOf": [_json_type(inner), {"type": "null"}]}
    if optional:
        raise TypeError(f"no JSON Schema for the nullable type {tp!r}")  # not needed so far
    if typing.get_origin(inner) is tuple:
        return {"type": "array", "items": _json_type(typing.get_args(inner)[0])}
    if dataclasses.is_dataclass(inner) and isinstance(inner, type):
        hints = type_hints(inner)
        fields = dataclasses.fields(inner)
        return {
            "type": "object",
            "required": [f.name for f in fields],
            "properties": {f.name: _json_property(hints[f.name], f.metadata) for f in fields},
            "additionalProperties": False,
        }
    raise TypeError(f"no JSON Schema for the type {tp!r} of a record field")


@cache
def arrow_schema(with_model: bool = False, with_story: bool = False) -> pa.Schema:
    """The Arrow schema of records: the fields of :func:`~summarizer.records.record_fields`, in order,
    nullable; lists stay lists and topics, keywords and entities lists of structs.

    ``with_model`` adds the fields of runs with a generative model (null in their error records);
    ``with_story`` the ``story`` struct of runs with ``--story-fields`` (null in their error records).
    """
    import pyarrow as pa

    return pa.schema([(f.name, arrow_type(f.type)) for f in record_fields(with_model, with_story)])


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of a record field's Python type (every Arrow field is nullable)."""
    import pyarrow as pa

    inner, _ = optional_inner(tp)
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if typing.get_origin(inner) is typing.Literal:
        (kind,) = {type(v) for v in typing.get_args(inner)}
        return scalars[kind]
    if inner in scalars:
        return scalars[inner]
    if typing.get_origin(inner) is tuple:
        return pa.list_(arrow_type(typing.get_args(inner)[0]))
    if dataclasses.is_dataclass(inner) and isinstance(inner, type):
        hints = type_hints(inner)
        return pa.struct([(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(inner)])
    raise TypeError(f"no Arrow type for the type {tp!r} of a record field")


__all__ = ["SCHEMA_FILE", "arrow_schema", "arrow_type", "json_schema", "json_schema_text"]
