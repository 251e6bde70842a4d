"""The Python API: ``Summarizer`` runs the same pipeline as the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any, Union

from .backends.base import Analyzer, Embedder
from .errors import InputError
from .pipeline import Pipeline
from .records import Article, InputFailure, Result
from .settings import Settings

ArticleLike = Union[str, Article, Mapping[str, Any]]


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
        fields = {k: str(item[k]) for k in ("title", "date", "url", "byline", "source") if item.get(k) is not None}
        return Article(id=ident, text=text, **{"source": "<mapping>", **fields})
    raise InputError(f"cannot summarise an object of type {type(item).__name__}; give text, an Article or a dict")


class Summarizer:
    """Summaries, IPTC topics, keywords and entities for news articles.

    >>> s = Summarizer(sentences=2)            # doctest: +SKIP
    >>> s.summarize("Text of an article ...").summary   # doctest: +SKIP
    """

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 analyzer: Analyzer | None = None, **options: Any) -> None:
        settings = settings or Settings.from_env()
        if options:
            settings = replace(settings, **options)
        self.settings = settings
        self.pipeline = Pipeline(settings, embedder=embedder, analyzer=analyzer)

    def summarize(self, item: ArticleLike) -> Result:
        """One result for one article (text, Article, or dict)."""
        return next(iter(self.summarize_batch([item])))

    def summarize_batch(self, items: Iterable[ArticleLike | InputFailure]) -> Iterator[Result]:
        """Results in input order; a bad item yields an error record, never an exception."""
        return self.pipeline.run(
            item if isinstance(item, InputFailure) else to_article(item, n) for n, item in enumerate(items)
        )
