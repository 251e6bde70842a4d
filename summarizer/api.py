"""The Python API: ``Summarizer`` runs the same pipeline as the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .backends.base import Analyzer, Embedder
from .errors import InputError, UsageError
from .pipeline import Pipeline
from .records import Article, InputFailure, Result
from .settings import Settings

if TYPE_CHECKING:
    from .stories.article import StoryArticle
    from .stories.digest import Digest, Failure
    from .stories.group import StoryWeights
    from .stories.store import StoreUpdate

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
        from .stories.digest import build

        story = _story_weights(story_threshold)
        analysed, failures, _ = self._analyse_for_stories(items)
        return build(analysed, failures, story=story)

    def digest_records(self, paths: Iterable[str | os.PathLike[str]], *,
                       story_threshold: float | None = None) -> Digest:
        """The digest of the records that ``summarizer run --format jsonl --story-fields`` wrote (files, or
        folders of them such as the Ray engine's output), made without any model. A record that cannot be
        used (an error record, one without story fields, one from another embedder) is listed in
        ``failures`` with its file and line; the others still make the digest."""
        from .stories.digest import build
        from .stories.from_records import read_story_records

        story = _story_weights(story_threshold)
        found = read_story_records(paths)
        return build(found.articles, found.failures, story=story)

    def update_store(self, store: str | os.PathLike[str], items: Iterable[ArticleLike | InputFailure] = (), *,
                     records: Iterable[str | os.PathLike[str]] = (), story_threshold: float | None = None,
                     timeout: float | None = None) -> StoreUpdate:
        """Add articles to the story store ``store`` (an SQLite file, made when missing) and return the digest
        of the whole store with what changed (:class:`~summarizer.stories.store.StoreChanges`).

        The new articles come from ``items`` (analysed now) and/or from the record files ``records`` (as
        for :meth:`digest_records`). Articles already stored are skipped; the others join the stored
        stories or make new ones. The store changes in one transaction, only when the run is complete;
        StoreError when it is in use by another run for longer than ``timeout`` seconds, was made with
        another embedder, or is not a story store of this version.
        """
        from .stories.from_records import read_story_records
        from .stories.store import DEFAULT_TIMEOUT, StoreUpdate, StoryStore, input_hash

        story = _story_weights(story_threshold)
        target = StoryStore(store, timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
        target.check()
        articles, failures, embedder = [], [], target.embedder()
        records = list(records)
        if records:
            found = read_story_records(records, embedder)
            articles, failures, embedder = found.articles, found.failures, found.embedder
        given = [item if isinstance(item, InputFailure) else to_article(item, n) for n, item in enumerate(items)]
        skipped: list[str] = []
        hashes: dict[str, str] = {}
        if given:
            embedder = embedder or self.pipeline.embedder.model_identity
            target.check(self.pipeline.embedder.model_identity)
            if embedder != self.pipeline.embedder.model_identity:
                raise UsageError(f"the records were made by the embedder {embedder!r}, and the inputs would be "
                                 f"analysed by {self.pipeline.embedder.model_identity!r}: give them in two runs "
                                 "with the matching --embedder")
            stored = target.input_hashes()
            todo: list[Article | InputFailure] = []
            for item in given:
                if isinstance(item, Article):
                    hashes[item.id] = input_hash(item.text, item.title, item.date, item.url)
                    if stored.get(item.id) == hashes[item.id]:
                        skipped.append(item.id)
                        continue
                todo.append(item)
            analysed, failed, _ = self._analyse_for_stories(todo)
            articles, failures = articles + analysed, failures + failed
        found_digest, changes = target.update(articles, failures, embedder=embedder, story=story, skipped=skipped,
                                              input_hashes=hashes)
        return StoreUpdate(found_digest, changes)

    def _analyse_for_stories(self, items: Iterable[ArticleLike | InputFailure]
                             ) -> tuple[list[StoryArticle], list[Failure], str]:
        """The story articles of ``items`` (one model pass), the failures, and the embedder's identity."""
        from .stories.digest import Failure

        analysed, failures = [], []
        articles = (item if isinstance(item, InputFailure) else to_article(item, n) for n, item in enumerate(items))
        for result, story_article in self.pipeline.run_for_stories(articles):
            if story_article is None:
                failures.append(Failure(result.id, result.source, result.error or "no sentences to group"))
            else:
                analysed.append(story_article)
        return analysed, failures, self.pipeline.embedder.model_identity


def _story_weights(story_threshold: float | None) -> StoryWeights:
    """The story weights with ``story_threshold`` (None: the default)."""
    from .stories.group import DEFAULT_STORY

    if story_threshold is None:
        return DEFAULT_STORY
    if not 0.0 <= story_threshold <= 1.0:
        raise UsageError(f"the story threshold must be between 0 and 1, not {story_threshold}")
    return replace(DEFAULT_STORY, threshold=story_threshold)
