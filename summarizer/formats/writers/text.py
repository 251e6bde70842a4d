"""Plain text for reading in a terminal."""

from __future__ import annotations

import textwrap
from typing import TextIO

from ...records import Result
from ..base import Writer
from ._common import entity_groups, one_line, topic_label

WIDTH = 88


class TextWriter(Writer):
    def __init__(self, stream: TextIO, *, with_model: bool = False) -> None:
        super().__init__(stream, with_model=with_model)
        self._written = 0

    def write(self, result: Result) -> None:
        lines = [f"[{one_line(result.id)}] {one_line(result.title)}".rstrip()]
        meta = []
        if result.date:
            meta.append(f"Date: {one_line(result.date)}")
        if result.byline:
            meta.append(f"By: {one_line(result.byline)}")
        if meta:
            lines.append("   ".join(meta))
        lines.append(f"Source: {one_line(result.source)}")
        if not result.ok:
            lines.append(f"ERROR: {one_line(result.error)}")
        else:
            if result.summary_sentences:
                lines.append("Summary:")
                lines.append(_wrap(one_line(result.summary), "  "))
            if result.topics:
                lines.append("Topics:")
                lines.extend(f"  {topic_label(t)}" for t in result.topics)
            if result.keywords:
                keywords = ", ".join(one_line(k.text) for k in result.keywords)
                lines.append(_wrap(f"Keywords: {keywords}", "  ", first=""))
            if result.entities:
                lines.append("Entities:")
                lines.extend(
                    _wrap(f"{group}: {names}", "    ", first="  ") for group, names in entity_groups(result.entities)
                )
        lines.extend(_wrap(f"Warning: {one_line(w)}", "  ", first="") for w in result.warnings)
        if self._written:
            self.stream.write("\n")
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()
        self._written += 1


def _wrap(text: str, indent: str, *, first: str | None = None) -> str:
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
