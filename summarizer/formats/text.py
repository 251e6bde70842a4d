"""Plain text and Markdown files: the whole file is one article.

In Markdown files a leading ``# Heading`` line becomes the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from ..records import Article
from .base import ReadItem, Source, normalize_newlines
from .decode import decode_bytes

EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".text")
KIND = "text"

_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_ATX_HEADING = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")


def text_from_bytes(data: bytes, name: str, *, declared: str | None = None) -> str:
    """Decoded text with unified line ends; InputError when there is nothing but whitespace."""
    text = normalize_newlines(decode_bytes(data, name, declared=declared))
    if not text.strip():
        raise InputError(f"{name} is empty" + (" (it contains only whitespace)" if data else ""))
    return text


def read(source: Source) -> Iterator[ReadItem]:
    text = text_from_bytes(source.read_bytes(), source.name)
    title = None
    if source.suffix in _MARKDOWN_SUFFIXES:
        match = _ATX_HEADING.match(text)
        if match and text[match.end() :].strip():
            title = match.group("title").strip()
            text = text[match.end() :].lstrip("\n")
    yield Article(id=source.record_id(), text=text, source=source.name, title=title)
