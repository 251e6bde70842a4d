"""The Python API: ``Summarizer`` runs the same pipeline as the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from .backends.base import Analyzer, Embedder
from .errors import InputError
from .pipeline import Pipeline
from .records import Article, InputFailure, Result
from .settings import Settings

ArticleLike = str | Article | Mapping[str, Any]


def to_article(item: ArticleLike, n: int = 0) -> Article | InputFailure:
    """Accept text, an Article, or a mapping with ``text`` (and optional id/title/date/url/byline)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=f"text-{n}", text=item, source="<text>")
    if isinstance(item, Mapping):
        ident = str(item.get("id", f"item-{n}"))
        text = item.get("text")
        if not isinstance(text, str):
            return InputFailure(ident, "<mapping>", f"item {n} has no 'text' string")
        def field(key: str) -> str | None:
            value = item.get(key)
            return None if value is None else str(value)

        return Article(id=ident, text=text, source=field("source") or "<mapping>", title=field("title"),
                       date=field("date"), url=field("url"), byline=field("byline"))
    raise InputError(f"cannot summarise an object of type {type(item).__name__}; give text, an Article or a dict")


class Summarizer:
    """Summaries, IPTC topics, keywords and entities for news articles.

    >>> s = Summarizer(sentences=2)            # doctest: +SKIP
    >>> s.summarize("Text of an article ...").summary   # doctest: +SKIP

    On Linux, large batches share their text analysis with helper processes (``jobs``).
    ``close()``, or a ``with Summarizer() as s:`` block, stops them when you are done.
    """

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 analyzer: Analyzer | None = None, **options: Any) -> None:
        settings = settings or Settings.from_env()
        if options:
            settings = replace(settings, **options)
        self.settings = settings
        self.pipeline = Pipeline(settings, embedder=embedder, analyzer=analyzer)

    def close(self) -> None:
        """Stop the helper processes, if any; see :meth:`Pipeline.close`."""
        self.pipeline.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def sentences(self, items: Iterable[Article | str]) -> list[list[str]]:
        """Each article's sentences as the summaries are made from (cleaned first), or a string's; see
        :meth:`Pipeline.sentences`."""
        return self.pipeline.sentences(list(items))

    def summarize(self, item: ArticleLike) -> Result:
        """One result for one article (text, Article, or dict)."""
        return next(iter(self.summarize_batch([item])))

    def summarize_batch(self, items: Iterable[ArticleLike | InputFailure]) -> Iterator[Result]:
        """Results in input order; a bad item yields an error record, never an exception."""
        return self.pipeline.run(
            item if isinstance(item, InputFailure) else to_article(item, n) for n, item in enumerate(items)
        )
