"""JSON Lines files: one JSON object per line, each an article with a ``text`` field.

Lines are read one at a time, so files of any size stream; the size limit applies to each
line. A bad line becomes an InputFailure naming the file and line number, and reading goes on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from itertools import chain

from ..errors import InputError
from .base import ReadItem, Source, article_from_object, iter_lines, too_big_message
from .decode import decode_bytes, detect_bom, sniff_binary

EXTENSIONS: tuple[str, ...] = (".jsonl", ".ndjson")
KIND = "jsonl"


def read(source: Source) -> Iterator[ReadItem]:
    with source.open() as stream:
        lines = iter_lines(stream, source.max_bytes)
        first = next(lines, None)
        if first is None:
            raise InputError(f"{source.name} is empty")
        line = first[1]
        if line is not None:
            if detect_bom(line) in {"utf-16", "utf-32"}:
                # Rare: not splittable on b"\n" bytes, so decode the whole file first.
                data = line + stream.read(source.max_bytes + 1 - len(line))
                if len(data) > source.max_bytes:
                    raise InputError(too_big_message(source.name, None, source.max_bytes))
                text = decode_bytes(data, source.name)
                yield from records(source, enumerate(text.split("\n"), start=1))
                return
            what = sniff_binary(line)
            if what:
                raise InputError(f"{source.name} looks like {what}, not JSON Lines text")
        yield from records(source, chain([first], lines))


def records(source: Source, lines: Iterable[tuple[int, bytes | str | None]]) -> Iterator[ReadItem]:
    """Articles (or failures) from numbered lines; blank lines are skipped.

    Only ``str.split("\\n")`` or byte lines may be passed: JSON strings may legally contain
    U+2028, which ``str.splitlines`` would treat as a line break.
    """
    seen_any = False
    for number, raw in lines:
        where = f"{source.name} line {number}"
        record_id = source.record_id(number)
        record_source = f"{source.name}:{number}"
        if raw is None:
            seen_any = True
            yield source.failure(
                f"{where} is longer than the limit of {source.max_bytes:,} bytes. "
                "Raise it with the --max-input-bytes option.",
                record_id=record_id,
                source=record_source,
            )
            continue
        try:
            line = _decode_line(raw, number, where)
        except InputError as exc:
            seen_any = True
            yield source.failure(str(exc), record_id=record_id, source=record_source)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield source.failure(
                f"{where}: invalid JSON at column {exc.colno} ({exc.msg.removesuffix(' at').lower()})",
                record_id=record_id,
                source=record_source,
            )
            continue
        except RecursionError:
            yield source.failure(
                f"{where}: invalid JSON (nested too deeply)", record_id=record_id, source=record_source
            )
            continue
        try:
            yield article_from_object(obj, where=where, default_id=record_id, source=record_source)
        except InputError as exc:
            yield source.failure(str(exc), record_id=given_id(obj) or record_id, source=record_source)
    if not seen_any:
        raise InputError(f"{source.name} is empty (it contains only blank lines)")


def given_id(obj: object) -> str | None:
    """The ``id`` a JSON object gives itself, if it is a usable string or number."""
    if isinstance(obj, dict):
        value = obj.get("id")
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def _decode_line(raw: bytes | str, number: int, where: str) -> str:
    if isinstance(raw, str):
        return raw
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw, where)  # JSON should be UTF-8, but be lenient with old exports
