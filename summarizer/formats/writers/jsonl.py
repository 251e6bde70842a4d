"""JSON Lines: one result object per line, flushed as soon as it is written."""

from __future__ import annotations

import json

from ...records import Result
from ..base import Writer


class JsonlWriter(Writer):
    def write(self, result: Result) -> None:
        self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.stream.flush()
