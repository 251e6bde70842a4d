"""Write ``summarizer/data/record.schema.json`` from the record model in ``summarizer/records.py``.

Run it after changing a field of :class:`summarizer.records.Result` (or of Topic, Keyword,
Entity); ``tests/test_records.py`` fails while the shipped file differs from the model.

Usage::

    python scripts/write_record_schema.py [--check]

``--check`` writes nothing and exits with status 1 when the file is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summarizer.schema import SCHEMA_FILE, json_schema_text

TARGET = Path(__file__).resolve().parent.parent / "summarizer" / "data" / SCHEMA_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args(argv)
    text = json_schema_text()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if args.check:
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/write_record_schema.py", file=sys.stderr)
            return 1
        print(f"{TARGET} is up to date")
        return 0
    if current == text:
        print(f"{TARGET} is up to date")
    else:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
