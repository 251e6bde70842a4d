"""The pipeline: clean -> analyse -> embed once -> summary, topics, keywords, entities.

Articles are processed in batches: one analyser pass and ONE embedding pass per batch cover
every sentence and title of every article in it, and each vector is reused by every stage that
needs it. Keyword candidates are read from the same pass (their tokens' vectors, in context).
A failure in one article becomes that article's error record; the rest of the batch goes on.
No I/O and no printing here.

With a generative model (``Settings.model``), the abstractive stage (:mod:`summarizer.abstractive`)
then writes the batch's summaries in batched model calls and checks them; topics, keywords and
entities are made the same way either way.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from . import abstractive
from .backends.base import NAME_LABELS, Analysis, Analyzer, Embedder, Span
from .backends.generative import Generator
from .errors import InputError, SummarizerError
from .fingerprint import remember_in
from .memory import one_blas_thread, release_free_memory
from .records import Article, InputFailure, Result
from .result_cache import ResultCache, code_digest, restore, settings_key
from .settings import Settings
from .stages import entities as entities_stage
from .stages import extractive
from .stages import keywords as keywords_stage
from .stages.clean import Cleaned, clean, is_all_caps
from .stages.dates import read_date
from .stages.language import detect_non_english, non_english_warning
from .stages.topics import TopicIndex, evidence_floor, weak_evidence_warning
from .stories.article import StoryArticle, story_fields
from .taxonomy import load_taxonomy

log = logging.getLogger(__name__)

#: Batches whose analysis the pipeline starts before it embeds and summarises the current one.
AHEAD = 2
#: The first batch holds ``batch_size // FIRST_BATCH_SHARE`` articles: nothing can be embedded before its
#: analysis is in, and a small first batch has this process embedding sooner (#17).
FIRST_BATCH_SHARE = 4

#: The identities of the model base classes: a model that keeps one says nothing about what it computes.
_DEFAULT_IDENTITIES = (Embedder.identity, Analyzer.identity, Generator.identity)


@dataclass
class _Work:
    """One article on its way through a batch."""

    position: int
    article: Article
    cleaned: Cleaned
    analysis: Analysis | None = None
    title_analysis: Analysis | None = None
    warnings: list[str] | None = None
    language: str | None = None  # the language detected when it is not English


@dataclass
class _Batch:
    """A batch between its start (cache, cleaning, analysis begun) and its completion."""

    cache: ResultCache | None
    keys: dict[int, str]
    results: list[Result | None]
    work: list[_Work]
    analysed: Callable[[], list[Analysis]] | None
    stories: dict[int, StoryArticle] | None


class Pipeline:
    """Holds the models (loaded on first use, once) and turns articles into results."""

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 analyzer: Analyzer | None = None, generator: Generator | None = None,
                 topic_index: TopicIndex | None = None) -> None:
        self.settings = settings or Settings()
        self._embedder = embedder
        self._analyzer = analyzer
        self._generator = generator
        self._topic_index = topic_index

    # -- models, loaded lazily and once -------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from .backends import load_embedder

            cache = self.settings.resolved_cache_dir if self.settings.use_cache else None
            with remember_in(self._memo_folder()):
                self._embedder = load_embedder(self.settings.embedder, cache_dir=cache,
                                               precision=self.settings.embedder_precision,
                                               device=self.settings.embedder_device)
        return self._embedder

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            from .backends import load_analyzer
            from .backends.parallel import ParallelAnalyzer, auto_jobs

            analyzer = load_analyzer()
            jobs = self.settings.jobs or auto_jobs()
            self._analyzer = ParallelAnalyzer(analyzer, load_analyzer, jobs) if jobs > 1 else analyzer
        return self._analyzer

    @property
    def generator(self) -> Generator | None:
        """The generative model of abstractive summaries; None when summaries are extractive."""
        if self._generator is None and self.settings.model:
            from .backends.generative import GenerationOptions, load_generator

            with remember_in(self._memo_folder()):
                self._generator = load_generator(self.settings.model, GenerationOptions.from_settings(self.settings))
        return self._generator

    def _memo_folder(self) -> Path | None:
        """Where models' file digests are remembered between processes (see summarizer.fingerprint)."""
        return self.settings.resolved_cache_dir if self.settings.use_cache else None

    @property
    def topic_index(self) -> TopicIndex:
        if self._topic_index is None:
            cache = self.settings.resolved_cache_dir if self.settings.use_cache else None
            self._topic_index = TopicIndex.build(load_taxonomy(), self.embedder, cache,
                                                 calibrate=self.settings.topic_calibration)
        return self._topic_index

    def load(self) -> Pipeline:
        """Load every model now (otherwise they load on the first article)."""
        _ = self.generator, self.analyzer, self.topic_index  # the generative model first: it fails most
        return self

    def close(self) -> None:
        """Stop the helper processes that share the text analysis, if any (the models stay loaded).

        That includes the helpers of an analyser given to the constructor. They also stop when the
        pipeline is garbage-collected or Python exits; a pipeline used again after ``close()`` starts
        new ones when a batch is large enough.
        """
        close = getattr(self._analyzer, "close", None)
        if callable(close):
            close()

    # -- running ------------------------------------------------------------------------
    def run(self, items: Iterable[Article | InputFailure]) -> Iterator[Result]:
        """One result per item, in order, computed a batch at a time.

        Records found in the result cache are reused.
        """
        self.load()  # a model that cannot be loaded is one clear error, before any article
        cache = self._open_result_cache()
        try:
            for batch in self._ahead(items, cache):
                yield from self._complete(batch)
                release_free_memory()
        finally:
            if cache is not None:
                cache.close()

    def _ahead(self, items: Iterable[Article | InputFailure], cache: ResultCache | None,
               for_stories: bool = False) -> Iterator[_Batch]:
        """The batches of ``items``, each started (cleaned, looked up in the cache, its analysis begun)
        ``AHEAD`` batches before it is given out: while this process embeds and summarises a batch, the
        analyser's helper processes read the next ones (:meth:`Analyzer.start_batch`). ``for_stories``: each
        batch collects what the story level needs of its articles (``_Batch.stories``)."""
        iterator = iter(items)
        started: collections.deque[_Batch] = collections.deque()
        size = max(1, self.settings.batch_size // FIRST_BATCH_SHARE)
        while True:
            chunk: list[Article | InputFailure] = []
            try:
                try:
                    chunk.extend(itertools.islice(iterator, size))
                finally:  # the items read before an error in the input are started too
                    if chunk:
                        started.append(self._start(chunk, cache, {} if for_stories else None))
            except BaseException:
                yield from started  # what was read before the error is not lost
                raise
            size = self.settings.batch_size
            if not chunk:
                yield from started
                return
            if len(started) > AHEAD:
                yield started.popleft()

    def sentences(self, items: Sequence[Article | str]) -> list[list[str]]:
        """Each item's sentences as the pipeline splits them, from one batched pass of the analyser.

        An Article is cleaned first, as for its summary (its first ``max_chars`` characters); a string, such
        as a reference summary, is split as it is. ``summarizer eval`` takes Lead-3 and the references'
        sentences from here, so that they are split as our summaries are.
        """
        texts = [_read_part(clean(item.text, title=item.title).text, self.settings.max_chars)
                 if isinstance(item, Article) else item for item in items]
        if not texts:
            return []
        return [[span.text for span in analysis.sentences] for analysis in self.analyzer.analyze_batch(texts)]

    def process_batch(self, batch: Sequence[Article | InputFailure]) -> list[Result]:
        """One result per item of ``batch``, in order, all computed (the result cache is not used)."""
        return self._complete(self._start(batch, None, None))

    def run_for_stories(self, items: Iterable[Article | InputFailure]) -> Iterator[tuple[Result, StoryArticle | None]]:
        """Each item's result with what the story level needs of it (its sentences, their vectors, the
        article vector, dates found): None beside an error record. Everything is computed, since
        the result cache keeps no vectors."""
        self.load()
        for batch in self._ahead(items, None, for_stories=True):
            found = batch.stories if batch.stories is not None else {}
            for pos, result in enumerate(self._complete(batch)):
                yield result, found.get(pos) if result.ok else None
            release_free_memory()

    def _open_result_cache(self) -> ResultCache | None:
        s = self.settings
        if not (s.use_cache and s.result_cache):
            return None
        models = [m for m in (self.embedder, self.analyzer, self.generator) if m is not None]
        identities = [getattr(m, "identity", "") for m in models]
        if any(identity in ("", *_DEFAULT_IDENTITIES) for identity in identities):
            # A model object given by a caller without an identity of its own: its records cannot be told apart.
            log.debug("no result cache: a model has no identity (%s)", identities)
            return None
        if s.gen_batch_size is None and self.generator is not None:
            # Chosen by the device at load time; a batch's padding can change what greedy decoding writes.
            s = replace(s, gen_batch_size=getattr(self.generator, "batch_size", None))
        cache = ResultCache(s.resolved_cache_dir, settings_key(s, [code_digest(), *identities]),
                            max_bytes=s.result_cache_mb * 1_000_000)
        return cache if cache.enabled else None

    def _start(self, batch: Sequence[Article | InputFailure], cache: ResultCache | None,
               stories: dict[int, StoryArticle] | None) -> _Batch:
        """A batch's first half: records found in the cache (the good ones computed go into it in :meth:`_complete`),
        failures of cleaning, and the analysis begun."""
        results: list[Result | None] = [None] * len(batch)
        keys: dict[int, str] = {}
        if cache is not None:
            keys = {pos: cache.key(item) for pos, item in enumerate(batch) if isinstance(item, Article)}
            found = cache.get_many(list(keys.values()))
            for pos, key in keys.items():
                if key in found:
                    results[pos] = restore(found[key], batch[pos])  # type: ignore[arg-type]
        work: list[_Work] = []
        for pos, item in enumerate(batch):
            if results[pos] is not None:
                continue
            if isinstance(item, InputFailure):
                results[pos] = Result.failure(item.id, item.source, item.error)
                continue
            try:
                work.append(self._prepare(pos, item))
            except SummarizerError as exc:
                results[pos] = Result.failure(item.id, item.source, str(exc))
            except Exception as exc:  # a bug must not cost the batch
                log.debug("cleaning failed for %s", item.source, exc_info=True)
                results[pos] = Result.failure(item.id, item.source, f"internal error while cleaning: {exc!r}")
        analysed = self._start_analysis(work) if work else None
        return _Batch(cache, keys, results, work, analysed, stories)

    def _complete(self, batch: _Batch) -> list[Result]:
        """A batch's second half: the analyses taken in, then embedding, stages and the cache."""
        cache, keys, results, work, stories = batch.cache, batch.keys, batch.results, batch.work, batch.stories
        if batch.analysed is not None:
            self._analyse(work, results, batch.analysed)
        to_finish = [w for w in work if results[w.position] is None]
        if to_finish:
            try:
                self._finish(to_finish, results, stories)
            except Exception:
                log.debug("batch failed; retrying one article at a time", exc_info=True)
                for w in to_finish:
                    try:
                        self._finish([w], results, stories)
                    except Exception as exc:
                        results[w.position] = Result.failure(w.article.id, w.article.source,
                                                             f"internal error: {exc!r}")
        assert all(r is not None for r in results), "every item must get a record"
        if cache is not None:
            cache.put_many([(keys[w.position], results[w.position]) for w in work  # type: ignore[misc]
                            if results[w.position].ok and w.position in keys])  # type: ignore[union-attr]
        return [r for r in results if r is not None]

    def _prepare(self, pos: int, article: Article) -> _Work:
        if not article.text or not article.text.strip():
            raise InputError(f"{article.source}: the article text is empty")
        cleaned = clean(article.text, title=article.title)
        if not cleaned.text.strip():
            words = len(article.text.split())
            if words < 8:
                raise InputError(f"{article.source}: the text is too short to be an article ({words} word(s))")
            raise InputError(f"{article.source}: nothing that looks like article text is left after removing "
                             "boilerplate (dates, bylines, site menus)")
        warnings = [*article.warnings, *cleaned.warnings]
        given_date = read_date(article.date)  # "March 3, 2005" -> "2005-03-03"; a date it cannot be sure of is left out
        if given_date.iso != article.date:
            article = replace(article, date=given_date.iso)
        if given_date.warning:
            warnings.append(given_date.warning)
        limit = self.settings.max_chars
        if len(cleaned.text) > limit:
            cleaned = replace(cleaned, text=_read_part(cleaned.text, limit))
            warnings.append(f"the article is longer than {limit:,} characters; only its first {len(cleaned.text):,} "
                            "were read (raise the limit with --max-chars)")
        language = detect_non_english(cleaned.text)
        if language:
            warnings.append(non_english_warning(language))
        return _Work(pos, article, cleaned, warnings=warnings, language=language)

    def _start_analysis(self, work: list[_Work]) -> Callable[[], list[Analysis]]:
        """The batch's texts and titles handed to the analyser; the function returned gives their analyses."""
        titles = [title for w in work if (title := _analysed_title(w))]
        texts = [w.cleaned.text for w in work] + titles
        try:
            return self.analyzer.start_batch(texts)
        except Exception as exc:  # raised where the analyses are taken in, which retries article by article
            error = exc
            def fail() -> list[Analysis]:
                raise error
            return fail

    def _analyse(self, work: list[_Work], results: list[Result | None], analysed: Callable[[], list[Analysis]]
                 ) -> None:
        analyses: list[Analysis | None]
        try:
            found = analysed()
            title_analyses = iter(found[len(work) :])
            analyses = list(found[: len(work)])
            for w in work:
                if _analysed_title(w):
                    w.title_analysis = next(title_analyses)
        except Exception:
            log.debug("analyser failed on the batch; retrying one article at a time", exc_info=True)
            analyses = []
            for w in work:
                try:
                    analyses.append(self.analyzer.analyze(w.cleaned.text))
                except Exception as exc:
                    analyses.append(None)
                    results[w.position] = Result.failure(
                        w.article.id, w.article.source, f"could not split the text into sentences: {exc}")
        for w, a in zip(work, analyses, strict=True):
            w.analysis = a
            if a is not None and not a.sentences:
                results[w.position] = Result.failure(w.article.id, w.article.source, "no sentences found in the text")

    def _finish(self, work: list[_Work], results: list[Result | None],
                stories: dict[int, StoryArticle] | None = None) -> None:
        s = self.settings
        # One embedding pass over every sentence and title of the batch. Keyword candidates are read
        # from that same pass (their tokens, in context), so they cost no model work of their own.
        texts: list[str] = []
        spans: list[list[tuple[int, int]]] = []
        plans = []
        for w in work:
            assert w.analysis is not None
            sents = [sp.text for sp in w.analysis.sentences]
            names = [span for e in w.analysis.entities if e.label in NAME_LABELS
                     and (span := keywords_stage.joined_name_span(e.text, e.start)) is not None]
            phrases = [(p.text, p.start) for p in w.analysis.phrases] + [(w.cleaned.text[a:b], a) for a, b in names]
            cands = keywords_stage.candidates(phrases, len(w.cleaned.text), names=names, article=w.cleaned.text,
                                              title=w.cleaned.title,
                                              entities=[(e.start, e.start + len(e.text), e.label)
                                                        for e in w.analysis.entities],
                                              title_phrases=[p.text for p in w.title_analysis.phrases]
                                              if w.title_analysis is not None else (),
                                              adjectives=frozenset(w.analysis.adjectives))
            start = len(texts)
            texts.extend(_head(sent, s.max_sentence_words) for sent in sents)
            sentence_spans, owners = _occurrences(w.cleaned.text, w.analysis.sentences, cands)
            spans.extend(sentence_spans)
            title_at = None
            if w.cleaned.title:
                title_at = len(texts)
                texts.append(w.cleaned.title)
                spans.append([])
            plans.append((w, sents, cands, start, title_at, owners))
        vectors, span_vectors = self.embedder.embed_with_spans(texts, spans)
        cand_vectors = [_candidate_vectors(len(cands), vectors.shape[1], owners,
                                           span_vectors[start : start + len(sents)] if span_vectors is not None else None)
                        for _w, sents, cands, start, _title_at, owners in plans]
        self._embed_missing([cands for _w, _sents, cands, *_ in plans], cand_vectors)
        with one_blas_thread():
            self._results(plans, vectors, cand_vectors, results, stories)
        generator = self.generator
        if generator is not None:
            self._abstract(generator, plans, vectors, results)

    def _results(self, plans: list, vectors: np.ndarray, cand_vectors: list[np.ndarray], results: list[Result | None],
                 stories: dict[int, StoryArticle] | None) -> None:
        """Each planned article's record (or its error record) from the batch's vectors."""
        s = self.settings
        index = self.topic_index
        for (w, sents, cands, start, title_at, _owners), cand_vecs in zip(plans, cand_vectors, strict=True):
            try:
                result = results[w.position] = self._result(w, sents, cands, vectors, start, title_at, cand_vecs,
                                                            index)
                if stories is not None or s.story_fields:
                    story = _story_article(w, result, vectors[start : start + len(sents)],
                                           vectors[title_at] if title_at is not None else None)
                    if stories is not None:
                        stories[w.position] = story
                    if s.story_fields:
                        results[w.position] = replace(result, story=story_fields(story, self.embedder.model_identity))
            except Exception as exc:
                log.debug("article %s failed", w.article.source, exc_info=True)
                results[w.position] = Result.failure(w.article.id, w.article.source, f"internal error: {exc!r}")

    def _abstract(self, generator: Generator, plans: list, vectors: np.ndarray, results: list[Result | None]) -> None:
        """Replace the extractive summaries of the batch's good results by the model's (where they pass the guard)."""
        todo = []
        for w, sents, _cands, start, title_at, _owners in plans:
            result = results[w.position]
            if result is None or not result.ok:
                continue
            assert w.analysis is not None
            todo.append((w.position, abstractive.Source(
                title=w.cleaned.title,
                text=w.cleaned.text,
                sentences=sents,
                vectors=vectors[start : start + len(sents)],
                title_vector=vectors[title_at] if title_at is not None else None,
                entities=[(e.text, e.label) for a, _ in _analysed_texts(w) for e in a.entities],
            )))
        if not todo:
            return
        s = self.settings
        try:
            outcomes = abstractive.run([src for _, src in todo], generator, self.analyzer, long=s.long,
                                       faithful=s.faithful, max_sentence_words=s.max_sentence_words)
        except Exception:
            log.debug("abstractive stage failed on the batch; retrying one article at a time", exc_info=True)
            outcomes = []
            for _, src in todo:  # find the article at fault; the others still get their model summaries
                try:
                    outcomes.extend(abstractive.run([src], generator, self.analyzer, long=s.long,
                                                    faithful=s.faithful, max_sentence_words=s.max_sentence_words))
                except Exception as exc:
                    log.debug("abstractive stage failed", exc_info=True)
                    outcomes.append(abstractive.Outcome("extractive-fallback", warnings=(
                        f"the model could not summarise this article ({exc}); the summary is the extractive one",)))
        for (position, _), outcome in zip(todo, outcomes, strict=True):
            result = results[position]
            assert result is not None
            results[position] = outcome.apply(result)

    def _embed_missing(self, cands_of: list[list[keywords_stage.Candidate]], cand_vectors: list[np.ndarray]) -> None:
        """Embed on their own, in one call, the keyword candidates that the sentence pass did not read
        (their rows in ``cand_vectors``, one array per article, are zeros)."""
        missing = [(k, j) for k, (vecs, cands) in enumerate(zip(cand_vectors, cands_of, strict=True))
                   for j in range(len(cands)) if not vecs[j].any()]
        if missing:
            found = self.embedder.embed_batch([cands_of[k][j].text for k, j in missing])
            for (k, j), vec in zip(missing, found, strict=True):
                cand_vectors[k][j] = vec

    def _result(self, w: _Work, sents: list[str], cands: list[keywords_stage.Candidate], vectors: np.ndarray,
                start: int, title_at: int | None, cand_vecs: np.ndarray, index: TopicIndex) -> Result:
        s = self.settings
        sent_vecs = vectors[start : start + len(sents)]
        title_vec = vectors[title_at] if title_at is not None else None
        people = {e.text for e in w.analysis.entities if e.label == "PERSON"} if w.analysis is not None else set()
        picked = extractive.select(sents, sent_vecs, title_vec, max_sentences=s.sentences, max_words=s.max_words,
                                   max_sentence_words=s.max_sentence_words, people=people)
        warnings = list(w.warnings or [])
        too_long = sum(len(sent.split()) > s.max_sentence_words for sent in sents)
        if too_long:
            warnings.append(f"{too_long} sentence(s) longer than {s.max_sentence_words} words were only partly read "
                            "by the model and are not used in the summary (raise the limit with --max-sentence-words)")
        summary = [sents[i] for i in picked]
        if not picked:
            # Nothing usable as a sentence (no sentence ends within --max-sentence-words words): the article's
            # opening words, verbatim and unmarked, so that every character of a summary is the article's own.
            n_words = min(s.max_words or 60, 60)
            summary = [_head(sents[0], n_words)] if sents else []
            warnings.append(f"no sentence of the article was fit for a summary, so the summary is its opening words "
                            f"as written (at most {n_words}), which may stop mid-sentence")
        doc_vec = _article_vector(sent_vecs, title_vec)
        words, foreign = len(w.cleaned.text.split()), w.language is not None
        choice = index.choose(sent_vecs, title_vec, k=s.topics, min_share=s.topic_min_share,
                              min_score=evidence_floor(s.topic_min_score, words, foreign),
                              sentences=sents, title=w.cleaned.title)
        if choice.weak:
            warnings.append(weak_evidence_warning(choice.best, s.topic_min_score, words, foreign))
        elif choice.cut:
            log.info("%s: %d of %d topic(s); the others score less than %.2f times the first topic's score "
                     "(--topic-min-share)", w.article.source, len(choice.topics), s.topics, s.topic_min_share)
        assert w.analysis is not None
        entities = entities_stage.merge(
            [entities_stage.mention_at(text, start, name, label, headline=a is w.title_analysis)
             for a, text in _analysed_texts(w)
             for start, name, label in entities_stage.with_untagged_firms(text, [(e.start, e.text, e.label)
                                                                               for e in a.entities])])
        return Result(
            id=w.article.id,
            source=w.article.source,
            title=w.cleaned.title,
            date=w.article.date or w.cleaned.date,
            byline=w.article.byline or w.cleaned.byline,
            summary_sentences=tuple(summary),
            topics=choice.topics,
            keywords=tuple(keywords_stage.expand_names(keywords_stage.rank(cands, cand_vecs, doc_vec, k=s.keywords),
                                                       entities)),
            entities=tuple(entities),
            warnings=tuple(dict.fromkeys(warnings)),
        )


def _article_vector(sent_vecs: np.ndarray, title_vec: np.ndarray | None) -> np.ndarray:
    """The article's vector: the mean of its sentences', the title's counted half as much again; unit length."""
    doc_vec = sent_vecs.mean(axis=0) if title_vec is None else sent_vecs.mean(axis=0) + 0.5 * title_vec
    return doc_vec / (np.linalg.norm(doc_vec) or 1.0)


def _story_article(w: _Work, result: Result, sent_vecs: np.ndarray, title_vec: np.ndarray | None) -> StoryArticle:
    """What the story level keeps of an analysed article (copies of its vectors, not views of the batch's)."""
    assert w.analysis is not None
    starts = [sp.start for sp in w.analysis.sentences]
    dates = tuple((bisect.bisect_right(starts, e.start) - 1, e.text) for e in w.analysis.entities
                  if e.label == "DATE" and bisect.bisect_right(starts, e.start) > 0)
    return StoryArticle(id=result.id, source=result.source, text=w.cleaned.text,
                        sentences=tuple(sp.text for sp in w.analysis.sentences),
                        sentence_vectors=np.array(sent_vecs, dtype=np.float32),
                        vector=_article_vector(sent_vecs, title_vec).astype(np.float32), title=result.title,
                        date=result.date, url=w.article.url, entities=result.entities, topics=result.topics,
                        date_mentions=dates)


def _analysed_title(w: _Work) -> str | None:
    """The title to analyse, if any: one in capitals (wire copy) is shown but not analysed, its words would
    all look like names."""
    title = w.cleaned.title
    return title if title and not is_all_caps(title) else None


def _analysed_texts(w: _Work) -> list[tuple[Analysis, str]]:
    """The title's and the body's analyses (those made), each with the text it was made from."""
    return [(a, text) for a, text in ((w.title_analysis, w.cleaned.title or ""), (w.analysis, w.cleaned.text))
            if a is not None]


def _read_part(text: str, limit: int) -> str:
    """The part of a cleaned text that is analysed: all of it, or its paragraphs within ``limit`` characters
    (its first ``limit`` characters when the first paragraph is longer)."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    return text[: cut if cut > 0 else limit]


def _head(text: str, max_words: int) -> str:
    """The first ``max_words`` words of a text, as written (the text itself when it is short enough)."""
    words = text.split(maxsplit=max_words)
    if len(words) <= max_words:
        return text
    word = next(itertools.islice(_WORD.finditer(text), max_words - 1, None))
    return text[: word.end()]


_WORD = re.compile(r"\S+")


def _occurrences(text: str, sentences: Sequence[Span], cands: Sequence[keywords_stage.Candidate]
                 ) -> tuple[list[list[tuple[int, int]]], list[list[int]]]:
    """Where each candidate occurs inside the sentences: for every sentence, the candidates' character
    spans relative to it, and beside them the index of the candidate each span belongs to."""
    starts = [sp.start for sp in sentences]
    spans: list[list[tuple[int, int]]] = [[] for _ in sentences]
    owners: list[list[int]] = [[] for _ in sentences]
    for j, cand in enumerate(cands):
        for a, b in cand.spans:
            i = bisect.bisect_right(starts, a) - 1
            if i < 0:
                continue
            sent = sentences[i]
            rel_a, rel_b = a - sent.start, b - sent.start
            if rel_b <= len(sent.text) and sent.text[rel_a:rel_b] == text[a:b]:
                spans[i].append((rel_a, rel_b))
                owners[i].append(j)
    return spans, owners


def _candidate_vectors(n_cands: int, dim: int, owners: list[list[int]],
                       span_vectors: list[list[np.ndarray | None]] | None) -> np.ndarray:
    """Each candidate's vector: the mean of its occurrences' token vectors, of unit length.

    A row of zeros where no occurrence was read, or when the embedder gives no token vectors;
    :meth:`Pipeline._embed_missing` fills those rows.
    """
    out = np.zeros((n_cands, dim), dtype=np.float32)
    for sentence_owners, vecs in zip(owners, span_vectors or [], strict=False):
        for j, vec in zip(sentence_owners, vecs, strict=True):
            if vec is not None:
                out[j] += vec  # a sum; its direction is the mean's
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)
