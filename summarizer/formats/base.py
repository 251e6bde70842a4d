"""Shared pieces of the readers and writers: the Source handed to a reader, the Writer base
class, and the conversion of a JSON object into an :class:`Article`."""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO

from ..errors import InputError
from ..records import Article, InputFailure, Result

ReadItem = Article | InputFailure
"""What readers yield, one per article (or per article that could not be read)."""

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One input handed to a reader: a file, or standard input.

    ``name`` is how the input is shown to people and stored in ``Article.source`` (the path
    as given, or ``<stdin>``); ``stem`` is the base of generated ids (file stem, or ``stdin``).
    """

    name: str
    stem: str
    suffix: str
    max_bytes: int
    opener: Callable[[], BinaryIO]
    size: int | None = None

    def open(self) -> BinaryIO:
        """A binary stream of the input; use it in a ``with`` block."""
        return self.opener()

    def read_bytes(self) -> bytes:
        """All bytes of the input, refusing inputs over ``max_bytes`` with an InputError."""
        if self.size is not None and self.size > self.max_bytes:
            raise InputError(too_big_message(self.name, self.size, self.max_bytes))
        with self.open() as stream:
            data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise InputError(too_big_message(self.name, None, self.max_bytes))
        return data

    def record_id(self, number: int | None = None) -> str:
        """The generated id of the input, or of its record ``number`` (a line or an index)."""
        return self.stem if number is None else f"{self.stem}-{number}"

    def failure(self, error: str, *, record_id: str | None = None, source: str | None = None) -> InputFailure:
        return InputFailure(id=record_id or self.stem, source=source or self.name, error=error)


def too_big_message(name: str, size: int | None, limit: int) -> str:
    actual = f"is {_human_size(size)} ({size:,} bytes)" if size is not None else "is larger than the limit"
    return (
        f"{name} {actual}; the limit is {_human_size(limit)} ({limit:,} bytes). "
        "Raise it with the --max-input-bytes option."
    )


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"  # pragma: no cover


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- JSON objects -> articles (shared by the json and jsonl readers) -------------------------

_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}


def json_type_name(value: object) -> str:
    if isinstance(value, bool | type(None) | dict | list | str):
        return _TYPE_NAMES[type(value)]
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def article_from_object(obj: Any, *, where: str, default_id: str, source: str) -> Article:
    """Build an Article from one decoded JSON value.

    ``where`` names the record in messages (``data.jsonl line 3``). Raises InputError when the
    value is not an object or has no usable ``text``; other odd fields become warnings.
    """
    if not isinstance(obj, dict):
        raise InputError(f'{where}: expected a JSON object with a "text" field, got {json_type_name(obj)}')
    if "text" not in obj:
        keys = ", ".join(sorted(map(str, obj))[:8]) or "none"
        raise InputError(f'{where}: the object has no "text" field (its fields: {keys})')
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string, got {json_type_name(text)}')
    if not text.strip():
        raise InputError(f'{where}: "text" is empty')
    warnings: list[str] = []
    record_id = _optional_str(obj, "id", where, warnings) or default_id
    byline = _optional_str(obj, "byline", where, warnings)
    if byline is None:
        author = obj.get("author")
        if isinstance(author, list) and author and all(isinstance(a, str) for a in author):
            byline = ", ".join(a.strip() for a in author if a.strip()) or None
        else:
            byline = _optional_str(obj, "author", where, warnings)
    return Article(
        id=record_id,
        text=text,
        source=source,
        title=_optional_str(obj, "title", where, warnings),
        date=_optional_str(obj, "date", where, warnings),
        byline=byline,
        url=_optional_str(obj, "url", where, warnings),
        warnings=tuple(warnings),
    )


def _optional_str(obj: dict[str, Any], key: str, where: str, warnings: list[str]) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    warnings.append(f'{where}: ignored "{key}" because it is {json_type_name(value)}, not a string')
    return None


# --- writers -------------------------------------------------------------------------------


class Writer(ABC):
    """Writes results to a text stream as they come; ``close`` finishes the document.

    ``close`` does not close the stream (its owner does). Writers are context managers.
    ``with_model``: the records come from a run with a generative model (``--model``), so they hold
    the fields of such runs (``summary_method``, ``input_tokens``, ``chunks``); a writer with a fixed
    set of columns (CSV) adds theirs.
    """

    def __init__(self, stream: TextIO, *, with_model: bool = False) -> None:
        self.stream = stream
        self.with_model = with_model
        self.closed = False

    @abstractmethod
    def write(self, result: Result) -> None: ...

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._finish()
            self.stream.flush()

    def _finish(self) -> None:  # noqa: B027 - optional hook, empty by default
        """Write any footer or closing bracket (called once, by ``close``)."""

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# --- a binary stream that first replays bytes already read (for sniffing stdin) -------------


class _PrefixedRaw(io.RawIOBase):
    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if len(self._prefix):
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)  # read1: do not wait for a full buffer
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:  # never closes the underlying stream (stdin belongs to the caller)
        super().close()


def prefixed_stream(prefix: bytes, rest: BinaryIO) -> BinaryIO:
    """A readable binary stream yielding ``prefix`` and then the rest of ``rest``."""
    return io.BufferedReader(_PrefixedRaw(prefix, rest))  # type: ignore[return-value]


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes) for each line of ``stream``, counting from 1.

    A line longer than ``limit`` bytes is skipped without being held in memory and comes
    back as ``None``.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                more = stream.readline(1 << 16)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line
