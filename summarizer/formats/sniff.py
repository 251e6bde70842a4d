"""Guess the format of an input without a known extension (standard input, ``notes.dat``)."""

from __future__ import annotations

import json
from typing import BinaryIO

from .decode import detect_bom


def read_head(stream: BinaryIO, limit: int) -> bytes:
    """Read just enough of ``stream`` for :func:`sniff_kind` (at most about ``limit`` bytes)."""
    head = bytearray()
    read = getattr(stream, "read1", stream.read)
    while len(head) <= limit:
        chunk = read(1 << 16)
        if not chunk:
            break
        head += chunk
        if _enough(bytes(head)):
            break
    return bytes(head)


def sniff_kind(head: bytes) -> str:
    """The kind of an input ("json", "jsonl", "html" or "text") from its first characters.

    First non-space character ``[`` -> json; ``{`` -> jsonl if the first line is a whole JSON
    object, else json (one pretty-printed object); ``<`` -> html; anything else -> text.
    """
    text = _peek_text(head).lstrip()
    if not text:
        return "text"
    first = text[0]
    if first == "[":
        return "json"
    if first == "{":
        line = text.split("\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(line), dict) else "json"
        except (ValueError, RecursionError):
            return "json"
    if first == "<":
        return "html"
    return "text"


def _enough(head: bytes) -> bool:
    text = _peek_text(head).lstrip()
    if not text:
        return False
    return text[0] != "{" or "\n" in text


def _peek_text(head: bytes) -> str:
    bom = detect_bom(head)
    if bom in {"utf-16", "utf-32"}:
        return head.decode(bom, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")
