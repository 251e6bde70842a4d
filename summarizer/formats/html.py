"""HTML pages: the article text and metadata are extracted with trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..records import Article
from .base import ReadItem, Source, normalize_newlines
from .decode import decode_bytes

EXTENSIONS: tuple[str, ...] = (".html", ".htm", ".xhtml")
KIND = "html"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read(source: Source) -> Iterator[ReadItem]:
    yield article_from_bytes(source.read_bytes(), record_id=source.record_id(), source=source.name)


def article_from_bytes(data: bytes, *, record_id: str, source: str, declared: str | None = None) -> Article:
    """Decode one HTML page and extract its article (raises InputError if that is impossible).

    ``declared`` is an encoding announced outside the page (the charset of an HTTP
    Content-Type header); without one, the page's own ``<meta charset>`` is used.
    """
    if not data.strip():
        raise InputError(f"{source} is empty" + (" (it contains only whitespace)" if data else ""))
    if declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    html = decode_bytes(data, source, declared=declared)
    if not html.strip():
        raise InputError(f"{source} is empty (it contains only whitespace)")
    return article_from_html(html, record_id=record_id, source=source)


def article_from_html(html: str, *, record_id: str, source: str) -> Article:
    """Extract the main text and metadata of one HTML page (raises InputError if there is none)."""
    import trafilatura  # heavy: imported only when an HTML page is read

    document = trafilatura.bare_extraction(html, with_metadata=True)
    fields: dict[str, Any] = {}
    if document is not None:
        fields = document if isinstance(document, dict) else document.as_dict()
    text = normalize_newlines(fields.get("text") or "").strip()
    if not text:
        raise InputError(f"{source}: no article text found in the HTML")
    title = _clean(fields.get("title"))
    if title:
        # trafilatura often repeats the headline as the first line of the text
        first, _, rest = text.partition("\n")
        if first.strip().casefold() == title.casefold() and rest.strip():
            text = rest.strip()
    date = _clean(fields.get("date"))
    if date:
        found = _ISO_DATE.match(date)
        date = found.group(0) if found else None
    return Article(
        id=record_id,
        text=text,
        source=source,
        title=title,
        date=date,
        byline=_clean(fields.get("author")),
        url=_clean(fields.get("url")),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
