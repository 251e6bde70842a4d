"""Read the records of ``summarizer run --story-fields`` back as story articles (no model is loaded).

A path is a JSON Lines file (``.jsonl``, ``.ndjson``, ``.json`` with one record a line), a Parquet file,
or a folder of them, read in name order, as the Ray engine's ``part-00000-...`` files are. A record that
cannot be used (an error record, one without the story fields, one from another embedder than the
first good record's, a broken line) becomes a :class:`~summarizer.stories.digest.Failure` naming the
file and line; the others are read on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..records import Result
from .article import StoryArticle, from_record
from .digest import Failure

ENDINGS = (".jsonl", ".ndjson", ".json", ".parquet")
"""Files read in a folder."""


@dataclass
class StoryRecords:
    """The story articles read from records, the records that could not be used, and the embedder's identity."""

    articles: list[StoryArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    embedder: str | None = None


def read_story_records(paths: Iterable[str | os.PathLike[str]], embedder: str | None = None) -> StoryRecords:
    """The story articles of the records in ``paths``; ``embedder``: the model identity every record must have
    (None: the first good record's). UsageError for a path that does not exist or holds no record file."""
    out = StoryRecords(embedder=embedder)
    for path in _files(paths):
        for where, data, problem in _rows(path):
            ident = str(data.get("id") or where) if isinstance(data, dict) else where
            try:
                if problem is not None:
                    raise InputError(problem)
                if not isinstance(data, dict):
                    raise InputError(f"a record is a JSON object, not {type(data).__name__}")
                try:
                    record = Result.from_dict(data)
                except (ValueError, TypeError, KeyError) as exc:
                    raise InputError(f"not a summarizer record ({exc})") from exc
                article = from_record(record, out.embedder)
            except InputError as exc:
                out.failures.append(Failure(ident, where, str(exc)))
                continue
            if out.embedder is None:
                out.embedder = record.story.embedder if record.story else None
            out.articles.append(article)
    return out


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ENDINGS)
            if not found:
                raise UsageError(f"the folder {path} holds no record files ({', '.join(ENDINGS)}); give the "
                                 "output of 'summarizer run --format jsonl --story-fields'")
            yield from found
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"no such file or folder: {path}")


def _rows(path: Path) -> Iterator[tuple[str, Any, str | None]]:
    """(``file:line`` or ``file:row N``, the parsed record, what is wrong with the line) for each record."""
    if path.suffix.lower() == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise UsageError(f"{path}: reading Parquet records needs pyarrow (pip install pyarrow)") from exc
        for n, row in enumerate(pq.read_table(path).to_pylist(), 1):
            yield f"{path}:row {n}", row, None
        return
    try:
        stream = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{n}", json.loads(line), None
            except ValueError as exc:
                yield f"{path}:{n}", None, f"the line is not JSON ({exc})"
