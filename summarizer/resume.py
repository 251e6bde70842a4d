"""Resuming an interrupted JSON Lines run: which records an output file already holds.

``summarizer run ... --format jsonl --output FILE --resume`` reads the ids of FILE, repairs a
last line that an interrupted run left incomplete, skips the inputs whose id is already there
and appends the rest. Records are kept whatever they say: an error record counts as done.

No printing and no exiting here: problems are returned as warnings or raised as UsageError.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from .errors import UsageError


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


@dataclass(frozen=True)
class Scan:
    """What a JSON Lines output file holds, read without changing it.

    ``done`` maps each record id to whether that record is an error record. ``keep`` is the
    byte length of the good part of the file: every complete record line. ``bad_tail`` describes
    what comes after it (an incomplete or invalid last line), or is None. ``needs_newline`` is
    True when the last record is complete but its line has no final newline.
    """

    path: str
    exists: bool
    done: Mapping[str, bool] = field(default_factory=dict)
    records: int = 0
    keep: int = 0
    size: int = 0
    bad_tail: str | None = None
    needs_newline: bool = False

    @property
    def failed(self) -> int:
        """How many of the records are error records."""
        return sum(self.done.values())


def _record_id(line: bytes) -> tuple[str | None, bool, str | None]:
    """(id, is_error, problem) of one line: problem is None for a good record."""
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return None, False, "is not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, False, f"is not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(value, dict):
        return None, False, "is not a JSON object"
    ident = value.get("id")
    if not isinstance(ident, str):
        return None, False, 'has no "id" string'
    return ident, value.get("error") is not None, None


def scan(path: str | os.PathLike[str]) -> Scan:
    """Read the record ids of the JSON Lines file ``path`` (a missing file holds none).

    Blank lines are ignored. The last line may be cut short or invalid (an interrupted or killed
    run): it is reported in ``bad_tail`` and left out of ``keep``. An invalid line anywhere else
    means the file is not an output of this program, and raises UsageError: appending to it
    would be wrong.
    """
    name = os.fspath(path)
    if os.path.isdir(name):
        raise UsageError(f"cannot resume {name}: it is a folder")
    if not os.path.lexists(name):
        return Scan(path=name, exists=False)
    done: dict[str, bool] = {}
    records = keep = size = 0
    bad_tail: str | None = None
    needs_newline = False
    try:
        with open(name, "rb") as stream:
            lines = iter(stream)  # one line at a time: the file may be large
            line = next(lines, b"")
            number = 0
            while line:
                following = next(lines, b"")
                number += 1
                size += len(line)
                complete = line.endswith(b"\n")
                if not line.strip():
                    keep = size if complete else keep
                else:
                    ident, is_error, problem = _record_id(line)
                    if problem is None and ident is not None:
                        done[ident] = is_error
                        records += 1
                        keep = size
                        needs_newline = not complete
                    elif not following:
                        bad_tail = f"the last line (line {number}) {'is incomplete' if not complete else problem}"
                    else:
                        raise UsageError(
                            f"cannot resume {name}: line {number} {problem}, so it does not look like JSON "
                            f"Lines output of summarizer. Fix or remove that line, or run without --resume "
                            f"to replace the file."
                        )
                line = following
    except OSError as exc:
        raise UsageError(f"cannot resume from {name} ({exc.strerror or exc})") from None
    return Scan(path=name, exists=True, done=done, records=records, keep=keep, size=size,
                bad_tail=bad_tail, needs_newline=needs_newline)


def repair(found: Scan) -> list[str]:
    """Make the file of ``found`` end after its last complete record, with a newline.

    Cuts away a bad last line and adds a missing final newline. Returns warnings for people
    (empty when nothing had to change).
    """
    warnings: list[str] = []
    if not found.exists:
        return warnings
    if found.bad_tail is not None and found.keep < found.size:
        with open(found.path, "r+b") as stream:
            stream.truncate(found.keep)
        cut = found.size - found.keep
        warnings.append(f"{found.path}: {found.bad_tail}; removed it ({cut} byte(s)), "
                        f"its article will be done again")
    if found.needs_newline:
        with open(found.path, "ab") as stream:
            stream.write(b"\n")
    return warnings


def prepare(path: str | os.PathLike[str]) -> tuple[Scan, list[str]]:
    """:func:`scan` then :func:`repair`: the records of ``path``, ready for appending."""
    found = scan(path)
    return found, repair(found)


class SkipDone:
    """Drops the items whose id is in ``done`` (``{id: is_error}``), counting them.

    Either as a filter of items (``skip(items)``), or beside a reader that leaves them out itself and
    tells each one's id to :meth:`note` (``iter_inputs(..., done=skip.done, on_skip=skip.note)``, which
    so downloads no page already done).
    """

    def __init__(self, done: Mapping[str, bool]) -> None:
        self.done = done
        self.skipped = 0
        self.skipped_failed = 0

    def note(self, ident: str) -> None:
        """Count the item ``ident`` (one of ``done``) as skipped."""
        self.skipped += 1
        self.skipped_failed += self.done[ident]

    def __call__(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            if item.id in self.done:
                self.note(item.id)
                continue
            yield item
