"""Dates given with an article (a JSON ``date`` field, a Python caller's ``date``) as ``YYYY-MM-DD``.

The record promises an ISO calendar date, but inputs carry "March 3, 2005", "Thu, 03 Mar 2005
10:00:00 GMT" or "03/04/2005". python-dateutil reads the written forms; on top of it this module
refuses to guess. A date that could be read two ways (day and month swapped), that lacks a day,
month or year ("2005-03", "March 2005") or that is no date at all is not used, and the reason,
naming the raw value, becomes a warning of the record. A date with a time keeps the calendar day
as written, whatever its time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as dateutil_parser

# ISO 8601 calendar dates: year, month, day, in that order whatever the separators ("2005-03-04",
# "20050304", "2005/03/04", "2005.03.04"), perhaps followed by a time. dateutil would read
# "2005-03-04" as 3 April when asked to try day-first, so these never go through the ambiguity test.
_YEAR_FIRST = re.compile(r"(?:(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                         r"|(?P<y8>\d{4})(?P<m8>\d{2})(?P<d8>\d{2}))(?=$|[T\s])")
# Year alone, or year and month: precise to a year or a month, not to a day.
_YEAR_MONTH = re.compile(r"\d{4}(?:[-/.]\d{1,2})?")

# Two defaults that differ in every field: a field that takes its value from the default was not written.
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))


@dataclass(frozen=True)
class DateReading:
    """What became of a given date: ``iso`` (``YYYY-MM-DD``) when it was read, else a ``warning``."""

    iso: str | None
    warning: str | None = None


def read_date(raw: str | None) -> DateReading:
    """The calendar day that ``raw`` names, as ``YYYY-MM-DD``, or why it is not used.

    ``None`` or blank text gives ``DateReading(None)`` without a warning.
    """
    if raw is None or not raw.strip():
        return DateReading(None)
    text = raw.strip()
    if _YEAR_MONTH.fullmatch(text):
        return _ignored(text, "it names no day, and a record's date is a whole YYYY-MM-DD date")
    found = _YEAR_FIRST.match(text)
    if found:
        y, m, d = (found[k] or found[f"{k}8"] for k in "ymd")
        try:
            day = date(int(y), int(m), int(d))
        except ValueError:
            return _ignored(text, "there is no such day in the calendar")
        if found.end() == len(text) or _read(text, dayfirst=False, yearfirst=True) is not None:  # a time after it
            return DateReading(day.isoformat())
        return _ignored(text, "it could not be read as a date")
    readings: set[date] = set()
    for dayfirst in (False, True):
        for yearfirst in (False, True):
            read = _read(text, dayfirst=dayfirst, yearfirst=yearfirst)
            if read is None:
                return _ignored(text, "it could not be read as a date")
            if isinstance(read, str):
                return _ignored(text, f"it names no {read}, and a record's date is a whole YYYY-MM-DD date")
            readings.add(read)
    if len(readings) > 1:
        options = " or ".join(sorted(d.isoformat() for d in readings))
        return _ignored(text, f"it could be {options}; write dates as YYYY-MM-DD")
    return DateReading(readings.pop().isoformat())


def _ignored(text: str, reason: str) -> DateReading:
    shown = text if len(text) <= 60 else text[:57] + "..."
    return DateReading(None, f'ignored the given date "{shown}": {reason}')


def _read(text: str, *, dayfirst: bool, yearfirst: bool) -> date | str | None:
    """The day dateutil reads in ``text`` with these conventions; None when it reads none, and the
    missing fields ("day", "month or day", ...) when the text lacks some."""
    try:
        first, second = (dateutil_parser.parse(text, default=default, dayfirst=dayfirst, yearfirst=yearfirst)
                         for default in _DEFAULTS)
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None
    missing = [name for name in ("year", "month", "day") if getattr(first, name) != getattr(second, name)]
    if missing:
        return " or ".join(missing)
    return first.date()
