"""One JSON array of result objects, indented; valid JSON even with zero results."""

from __future__ import annotations

import json
from typing import TextIO

from ...records import Result
from ..base import Writer


class JsonWriter(Writer):
    def __init__(self, stream: TextIO, *, with_model: bool = False) -> None:
        super().__init__(stream, with_model=with_model)
        self._started = False

    def write(self, result: Result) -> None:
        dumped = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
        # split on "\n" only: strings may hold U+0085/U+2028, which str.splitlines would break on
        item = "\n".join("  " + line for line in dumped.split("\n"))
        self.stream.write((",\n" if self._started else "[\n") + item)
        self._started = True
        self.stream.flush()

    def _finish(self) -> None:
        self.stream.write("\n]\n" if self._started else "[]\n")
