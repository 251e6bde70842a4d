"""Markdown: a section per article, for reports and notes."""

from __future__ import annotations

import re
from typing import TextIO

from ...records import Result
from ..base import Writer
from ._common import entity_groups, one_line, topic_label

_SPECIAL = re.compile(r"([\\`*_\[\]<])")  # ">" only matters at the start of a line


class MarkdownWriter(Writer):
    def __init__(self, stream: TextIO, *, with_model: bool = False) -> None:
        super().__init__(stream, with_model=with_model)
        self._written = 0

    def write(self, result: Result) -> None:
        heading = _escape(one_line(result.title)) or _escape(one_line(result.id))
        meta = [f"**id:** {_code(result.id)}"]
        if result.date:
            meta.append(f"**date:** {_escape(one_line(result.date))}")
        if result.byline:
            meta.append(f"**by:** {_escape(one_line(result.byline))}")
        meta.append(f"**source:** {_code(result.source)}")
        blocks = [f"## {heading}", " · ".join(meta)]
        if not result.ok:
            blocks.append(f"> **Error:** {_escape(one_line(result.error))}")
        else:
            if result.summary_sentences:
                blocks.append(_escape(one_line(result.summary)))
            if result.topics:
                blocks.append("**Topics**\n\n" + "\n".join(f"- {_escape(topic_label(t))}" for t in result.topics))
            if result.keywords:
                blocks.append("**Keywords**\n\n" + "\n".join(f"- {_escape(one_line(k.text))}" for k in result.keywords))
            if result.entities:
                blocks.append(
                    "**Entities**\n\n"
                    + "\n".join(f"- *{group}:* {_escape(names)}" for group, names in entity_groups(result.entities))
                )
        blocks.extend(f"> **Warning:** {_escape(one_line(w))}" for w in result.warnings)
        if self._written:
            self.stream.write("\n")
        self.stream.write("\n\n".join(blocks) + "\n")
        self.stream.flush()
        self._written += 1


def _escape(text: str) -> str:
    """Backslash-escape characters that Markdown would treat as formatting."""
    text = _SPECIAL.sub(r"\\\1", text)
    if text[:1] in {"#", "+", "-", "=", ">"}:
        text = "\\" + text
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def _code(text: str) -> str:
    """``text`` as inline code (double backticks when it contains a backtick)."""
    text = one_line(text)
    return f"`` {text} ``" if "`" in text else f"`{text}`"
