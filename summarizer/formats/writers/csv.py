"""CSV: one row per article under a header row; lists are joined with "; "."""

from __future__ import annotations

import csv
from typing import TextIO

from ...records import Result
from ..base import Writer

COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "title",
    "date",
    "byline",
    "summary",
    "topics",
    "topic_qcodes",
    "keywords",
    "entities",
    "warnings",
    "error",
)
SEPARATOR = "; "


class CsvWriter(Writer):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        # RFC 4180 "\r\n" row endings (the csv default): fields holding "\r" or "\n" get quoted.
        # Files are opened with newline="" (see output.open_output) so nothing is translated twice.
        self._csv = csv.DictWriter(stream, fieldnames=COLUMNS)
        self._header_written = False

    def write(self, result: Result) -> None:
        self._header()
        self._csv.writerow(
            {
                "id": result.id,
                "source": result.source,
                "title": result.title or "",
                "date": result.date or "",
                "byline": result.byline or "",
                "summary": result.summary if result.ok else "",
                "topics": SEPARATOR.join(t.label for t in result.topics),
                "topic_qcodes": SEPARATOR.join(t.qcode for t in result.topics),
                "keywords": SEPARATOR.join(k.text for k in result.keywords),
                "entities": SEPARATOR.join(f"{e.text} ({e.type})" for e in result.entities),
                "warnings": SEPARATOR.join(result.warnings),
                "error": result.error or "",
            }
        )
        self.stream.flush()

    def _finish(self) -> None:
        self._header()  # a file with no results still gets its header

    def _header(self) -> None:
        if not self._header_written:
            self._csv.writeheader()
            self._header_written = True
