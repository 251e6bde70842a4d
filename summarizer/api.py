"""The Python API: ``Summarizer`` runs the same pipeline as the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .backends.base import Analyzer, Embedder
from .errors import InputError, UsageError
from .pipeline import Pipeline
from .records import Article, InputFailure, Result
from .settings import Settings

if TYPE_CHECKING:
    from .stories.digest import Digest

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

    def digest(self, items: Iterable[ArticleLike | InputFailure], *, story_threshold: float | None = None) -> Digest:
        """The stories a collection of articles tells (see :class:`summarizer.stories.digest.Digest`):
        near-duplicates grouped, stories gathered, each with a label, a summary across its articles, a
        timeline, actors, topics and what each article adds. Articles that fail are listed in
        ``failures``; the others still make the digest.

        ``story_threshold`` (0 to 1, default :attr:`StoryWeights.threshold`): higher makes smaller,
        tighter stories. The articles are analysed once, as by :meth:`summarize_batch`.
        """
        from .stories.digest import Failure, build
        from .stories.group import DEFAULT_STORY

        story = DEFAULT_STORY
        if story_threshold is not None:
            if not 0.0 <= story_threshold <= 1.0:
                raise UsageError(f"the story threshold must be between 0 and 1, not {story_threshold}")
            story = replace(story, threshold=story_threshold)
        analysed, failures = [], []
        articles = (item if isinstance(item, InputFailure) else to_article(item, n) for n, item in enumerate(items))
        for result, story_article in self.pipeline.run_for_stories(articles):
            if story_article is None:
                failures.append(Failure(result.id, result.source, result.error or "no sentences to group"))
            else:
                analysed.append(story_article)
        return build(analysed, failures, story=story)
