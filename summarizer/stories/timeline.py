"""Dated events: a sentence with the date it speaks of, resolved against the article's publication date.

A date in the text ("On October 3", "last November", "today") is resolved with dateparser,
relative to the article's date, and keeps its precision (day, month or year). A date that
needs an anchor (no year given, or relative) is never resolved in an undated article: that
would invent a year. Durations ("the past year", "2024-2025") are not events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .article import StoryArticle

#: Precisions of an event's date, coarsest last; an ISO date is cut to the matching length.
PRECISIONS = {"day": 10, "month": 7, "year": 4}

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_POINT = re.compile(rf"\b(?:{_MONTHS}|{_WEEKDAYS}|today|yesterday|tomorrow|tonight)\b|\b(?:1[89]|20)\d\d\b"
                    r"|\b(?:this|last|next) (?:year|month)\b", re.IGNORECASE)
_SPAN = re.compile(r"\d{4}\s*[-–]\s*\d{2,4}|\b(?:between|from|until|since|through|over|during|first|"
                   r"last \d+|recent|decades?|years|months|weeks|days)\b", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:on|in|of|at|by|the|early|late|mid|mid-)\s+)+", re.IGNORECASE)
_LAST_NAMED = re.compile(rf"^(?:last|this past)\s+(?=(?:{_MONTHS}|{_WEEKDAYS})\b)", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:same|that) day\b", re.IGNORECASE)
_RELATIVE = re.compile(rf"\b(?:today|yesterday|tomorrow|tonight|this|last|next|ago|{_WEEKDAYS})\b", re.IGNORECASE)
_MONTH = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_ABSOLUTE = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Event:
    """A sentence of an article and the date it speaks of (``date`` None: undated)."""

    sentence: str
    article_id: str
    article_date: str | None
    date: str | None = None  # ISO, cut to its precision: 2024-10-03, 2024-10 or 2024
    precision: str | None = None  # day | month | year
    mention: str | None = None  # the words that gave the date ("On October 3"), None for the article's own date

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date, "precision": self.precision, "sentence": self.sentence,
                "article_id": self.article_id, "article_date": self.article_date, "mention": self.mention}


def parse_article_date(value: str | None) -> tuple[dt.datetime, str] | None:
    """An article's date (ISO, or what dateparser reads) and its precision; None when absent or unreadable."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if m:
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            return dt.datetime(year, month, day), "day" if m.group(3) else "month" if m.group(2) else "year"
        except ValueError:
            return None
    found = _parser(None).get_date_data(value)
    if found.date_obj is None or found.period not in PRECISIONS:
        return None
    return found.date_obj.replace(tzinfo=None), found.period


def resolve(mention: str, base: dt.datetime | None) -> tuple[str, str] | None:
    """``(iso_date, precision)`` of a date mention, relative to ``base`` (the article's date); None when it
    names no point in time, or needs an anchor that ``base`` does not give."""
    if not _POINT.search(mention) or _SPAN.search(mention):
        return None
    text = _LAST_NAMED.sub("", _LEAD.sub("", mention.strip()))
    if base is None and not _ABSOLUTE.search(text):
        return None  # "May 16" in an undated article: any year would be invented
    return _resolve(text, base)


@lru_cache(maxsize=65536)
def _resolve(text: str, base: dt.datetime | None) -> tuple[str, str] | None:
    """A calendar date ("October 3", "May 2023") with dateutil, fast; words relative to the article's
    date ("today", "last year", "Monday") with dateparser."""
    if _RELATIVE.search(text):
        found = _parser(base).get_date_data(text)
        if found.date_obj is None or found.period not in PRECISIONS:
            return None
        when, precision = found.date_obj.replace(tzinfo=None), found.period
    else:
        from dateutil import parser as dateutil_parser

        anchor = base or dt.datetime(1, 1, 1)
        try:
            when = dateutil_parser.parse(text, default=anchor.replace(day=1), fuzzy=True)
        except (ValueError, OverflowError):
            return None
        precision = "day" if _DAY.search(_ABSOLUTE.sub("", text)) else "month" if _MONTH.search(text) else "year"
        if base is not None and not _ABSOLUTE.search(text) and when > base + dt.timedelta(days=1):
            when = when.replace(year=when.year - 1)  # "November" in February is last November
    if base is not None and when > base + dt.timedelta(days=1) and not _ABSOLUTE.search(text):
        return None  # a future date read from a relative mention ("next week") is a plan, not an event
    return when.date().isoformat()[: PRECISIONS[precision]], precision


def events(article: StoryArticle) -> list[Event]:
    """The article's dated events: each sentence with a date mention it can resolve ("the same day" takes
    the date mentioned last), and its lead sentence on the article's own date when no mention dates it;
    an undated article with no absolute date gives its lead as an undated event."""
    parsed = parse_article_date(article.date)
    base = parsed[0] if parsed else None
    out: list[Event] = []
    dated: set[int] = set()
    last: tuple[str, str] | None = None  # the date the article spoke of last: "the same day" is that one
    for index, mention in sorted(article.date_mentions):
        if not 0 <= index < len(article.sentences) or index in dated:
            continue
        found = last if _SAME_DAY.search(mention) else resolve(mention, base)
        if found is not None:
            last = found
            dated.add(index)
            out.append(Event(article.sentences[index], article.id, article.date, found[0], found[1], mention))
    lead = _lead_index(article.sentences)
    if lead is not None and lead not in dated:
        own = parsed[0].date().isoformat()[: PRECISIONS[parsed[1]]] if parsed else None
        if own is not None and any(e.date == own for e in out):
            pass  # a sentence already speaks of the article's own date
        elif parsed is not None:
            iso = parsed[0].date().isoformat()[: PRECISIONS[parsed[1]]]
            out.append(Event(article.sentences[lead], article.id, article.date, iso, parsed[1]))
        elif not out:
            out.append(Event(article.sentences[lead], article.id, None))
    return sorted(out, key=lambda e: article.sentences.index(e.sentence))


def order(found: Iterable[Event]) -> tuple[list[Event], list[Event]]:
    """Dated events in date order (a coarser date before the finer ones it holds), and the undated ones."""
    found = list(found)
    dated = sorted((e for e in found if e.date), key=lambda e: (e.date or "", len(e.date or "")))
    return dated, [e for e in found if not e.date]


def _lead_index(sentences: tuple[str, ...]) -> int | None:
    """The first sentence that reads as one (not a heading or a byline), else None."""
    for i, sentence in enumerate(sentences[:5]):
        if len(sentence.split()) >= 6 and sentence.rstrip()[-1:] in ".!?\"”'":
            return i
    return None


@lru_cache(maxsize=256)
def _parser(base: dt.datetime | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)
