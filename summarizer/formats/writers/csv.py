"""CSV: one row per article under a header row; lists are joined with "; ".

The columns follow the record's fields (:func:`summarizer.records.record_fields`), each as the
field's ``csv`` metadata says: by default one column of the field's name, a list joined with
"; "; a list of objects gives one column or more, each a template filled per item (topics give
``topics``, their labels, and ``topic_qcodes``); ``False`` leaves the field out
(``summary_sentences``, which ``summary`` holds). The fields of runs with a generative model
(``summary_method``, ``input_tokens``, ``chunks``) are columns only when the writer is told the
run has one (``with_model``), so a plain run's file keeps its columns.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import Any, TextIO

from ...records import Result, record_fields
from ..base import Writer

SEPARATOR = "; "


@cache
def _columns(with_model: bool = False) -> tuple[tuple[str, str, str | None], ...]:
    """(column, record field, template for each item of a list of objects, or None) per CSV column."""
    columns: list[tuple[str, str, str | None]] = []
    for f in record_fields(with_model=with_model):
        shown = f.metadata.get("csv")
        if shown is False:
            continue
        if isinstance(shown, dict):
            columns.extend((column, f.name, template) for column, template in shown.items())
        else:
            columns.append((f.name, f.name, None))
    return tuple(columns)


def columns(with_model: bool = False) -> tuple[str, ...]:
    """The header of the CSV output, derived from the record model (``with_model``: of a run with --model)."""
    return tuple(column for column, _, _ in _columns(with_model))


def _cell(value: Any, template: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return SEPARATOR.join(template.format_map(v) if template else str(v) for v in value)
    return str(value)


class CsvWriter(Writer):
    def __init__(self, stream: TextIO, *, with_model: bool = False) -> None:
        super().__init__(stream, with_model=with_model)
        # RFC 4180 "\r\n" row endings (the csv default): fields holding "\r" or "\n" get quoted.
        # Files are opened with newline="" (see output.open_output) so nothing is translated twice.
        self._columns = _columns(with_model)
        self._csv = csv.DictWriter(stream, fieldnames=columns(with_model))
        self._header_written = False

    def write(self, result: Result) -> None:
        self._header()
        record: dict[str, Any] = result.to_dict()
        # A field of --model runs is absent from the dict of a record that has none (an error record): empty cell.
        self._csv.writerow({column: _cell(record.get(name), template) for column, name, template in self._columns})
        self.stream.flush()

    def _finish(self) -> None:
        self._header()  # a file with no results still gets its header

    def _header(self) -> None:
        if not self._header_written:
            self._csv.writeheader()
            self._header_written = True


__all__: list[str] = ["SEPARATOR", "CsvWriter", "columns"]
