"""JSON files: an array of article objects, or a single article object.

A file that turns out to hold JSON Lines (one object per line) is read as JSON Lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from .base import ReadItem, Source, article_from_object, json_type_name
from .decode import decode_bytes
from .jsonl import given_id, records

EXTENSIONS: tuple[str, ...] = (".json",)
KIND = "json"


def read(source: Source) -> Iterator[ReadItem]:
    text = decode_bytes(source.read_bytes(), source.name)
    if not text.strip():
        raise InputError(f"{source.name} is empty")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several JSON values: most likely JSON Lines
            yield from records(source, enumerate(text.split("\n"), start=1))
            return
        raise InputError(
            f"{source.name} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{source.name} is not valid JSON (nested too deeply)") from None
    if isinstance(value, dict):
        yield article_from_object(value, where=source.name, default_id=source.record_id(), source=source.name)
        return
    if not isinstance(value, list):
        raise InputError(
            f"{source.name} should hold a JSON array of article objects or one article object, "
            f"but holds {json_type_name(value)}"
        )
    if not value:
        raise InputError(f"{source.name} is an empty JSON array (no articles)")
    for index, item in enumerate(value):
        record_id = source.record_id(index)
        record_source = f"{source.name}[{index}]"
        try:
            yield article_from_object(
                item, where=f"{source.name}, array index {index}", default_id=record_id, source=record_source
            )
        except InputError as exc:
            yield source.failure(str(exc), record_id=given_id(item) or record_id, source=record_source)
