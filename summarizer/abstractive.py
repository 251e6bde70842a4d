"""The abstractive summary stage: plan each article's input, generate in batches, guard the output.

For every article of a batch:

1. **Plan** (never cut silently). The article (title included) is given whole when it fits the
   generator's ``article_budget``. Otherwise, with ``long="select"``, the most salient sentences
   (the extractive ranker's scores and the sentence vectors the pipeline already has) are kept,
   in article order, up to the budget; with ``long="mapreduce"``, the article is cut into chunks
   of whole sentences that fit, each chunk is summarised, and the joined chunk summaries are
   summarised in turn (again in chunks while they are still too long).
2. **Generate**: one ``summarize_batch`` call per round covers every article of the batch.
3. **Guard**: the summaries are split into sentences and their names found in one ``analyze_batch``
   call (the analyser the articles go through), and checked by
   :mod:`summarizer.stages.faithfulness`. With ``faithful`` (the default) a summary that is
   degenerate (loops, prompt echo, longer than the article) or names people or numbers the
   article lacks is replaced by the extractive one; without it, the model's text is kept and the
   warning says what is wrong with it. An empty summary is always replaced. The record's
   ``warnings`` say why in every case.

Each article gets an :class:`Outcome`: the summary sentences (None: keep the extractive ones),
``summary_method``, ``input_tokens`` and ``chunks``.
"""

from __future__ import annotations

import logging
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .backends.base import Analyzer, Span
from .backends.generative import GeneratedSummary, Generator
from .records import Result, SummaryMethod
from .stages import extractive
from .stages import faithfulness as guard

log = logging.getLogger(__name__)

METHODS: tuple[str, ...] = typing.get_args(SummaryMethod)
MAX_ROUNDS = 6  # map-reduce rounds before giving up on an article that does not get shorter
_TERMINAL = (".", "!", "?", "\"", "”", "’", "'", ")")


@dataclass
class Source:
    """One article, as the pipeline hands it to this stage."""

    title: str | None
    text: str
    """The cleaned article text."""
    sentences: Sequence[str]
    vectors: np.ndarray
    """One unit vector per sentence (the pipeline's embedding pass)."""
    title_vector: np.ndarray | None = None
    entities: Sequence[tuple[str, str]] = ()
    """(text, spaCy label) of the article's named entities, title included."""

    @property
    def full_text(self) -> str:
        return f"{self.title}\n\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class Outcome:
    method: SummaryMethod
    sentences: tuple[str, ...] | None = None
    """The summary's sentences; None: keep the extractive summary."""
    input_tokens: int | None = None
    chunks: int | None = None
    warnings: tuple[str, ...] = ()

    def apply(self, result: Result) -> Result:
        """The result with this outcome's summary, warnings and record fields."""
        from dataclasses import replace

        sentences = self.sentences if self.sentences is not None else result.summary_sentences
        warnings = tuple(dict.fromkeys([*result.warnings, *self.warnings]))
        return replace(result, summary_sentences=sentences, warnings=warnings, summary_method=self.method,
                       input_tokens=self.input_tokens, chunks=self.chunks)


@dataclass
class _Plan:
    source: Source
    method: SummaryMethod = "abstractive"
    input_tokens: int = 0
    chunks: int = 1
    total_tokens: int = 0
    units: list[str] = field(default_factory=list)  # map-reduce: what the next round reads
    rounds: int = 0
    final_text: str | None = None
    summary: GeneratedSummary | None = None
    failure: str | None = None
    warnings: list[str] = field(default_factory=list)


def run(sources: Sequence[Source], generator: Generator, analyzer: Analyzer, *, long: str = "select",
        faithful: bool = True, max_sentence_words: int = 150) -> list[Outcome]:
    """One Outcome per source, in order (never raises for one article's trouble)."""
    plans = [_Plan(s) for s in sources]
    budget = generator.article_budget
    totals = _count(generator, [s.full_text for s in sources])
    for plan, total in zip(plans, totals):
        plan.total_tokens = total
        try:
            if total <= budget:
                plan.final_text, plan.input_tokens = plan.source.full_text, total
            elif long == "select":
                _plan_select(plan, generator, budget, max_sentence_words)
            else:
                plan.method = "abstractive-mapreduce"
                plan.units = _fit_units(list(plan.source.sentences), generator, budget)
                plan.input_tokens = total
                plan.chunks = 0
        except Exception as exc:  # a bug in planning costs one article its abstractive summary
            log.debug("planning failed", exc_info=True)
            plan.failure = f"the article could not be prepared for the model ({exc!r})"
    _map_reduce(plans, generator, budget)
    finals = [p for p in plans if p.final_text is not None and p.failure is None]
    for plan, made in zip(finals, _generate(generator, [p.final_text or "" for p in finals])):
        if isinstance(made, Exception):
            plan.failure = f"the model failed on this article ({_short(made)})"
        else:
            plan.summary = made
    return _judge(plans, generator, analyzer, faithful)


# --------------------------------------------------------------------------- planning


def _count(generator: Generator, texts: Sequence[str]) -> list[int]:
    return generator.count_tokens(list(texts)) if texts else []


def ranked_order(sentences: Sequence[str], vectors: np.ndarray, title_vector: np.ndarray | None,
                 max_sentence_words: int = 150) -> list[int]:
    """Sentence indices, most salient first, by the extractive ranker (near-duplicates left out).

    Sentences the extractive summary may not use (headings, fragments) come last, in article order.
    """
    n = len(sentences)
    if n == 0:
        return []
    weights = extractive.DEFAULT_WEIGHTS
    scores = extractive.sentence_scores(sentences, vectors, title_vector, weights, max_sentence_words)
    allowed = scores > 0
    order = extractive.mmr(scores, vectors, n, weights.diversity, allowed=allowed,
                           redundancy_cutoff=weights.redundancy_cutoff) if allowed.any() else []
    return order + [i for i in range(n) if not allowed[i]]


def select_within(order: Sequence[int], counts: Sequence[int], budget: int, separator: int = 1) -> list[int]:
    """The indices taken in ``order`` while their tokens fit ``budget``, returned in article order."""
    picked: list[int] = []
    used = 0
    for i in order:
        cost = counts[i] + (separator if picked else 0)
        if used + cost <= budget:
            picked.append(i)
            used += cost
    return sorted(picked)


def pack(counts: Sequence[int], budget: int, separator: int = 1) -> list[list[int]]:
    """Consecutive units grouped into chunks of at most ``budget`` tokens (a unit over budget alone)."""
    chunks: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, n in enumerate(counts):
        cost = n + (separator if current else 0)
        if current and used + cost > budget:
            chunks.append(current)
            current, used, cost = [], 0, n
        current.append(i)
        used += cost
    if current:
        chunks.append(current)
    return chunks


def _plan_select(plan: _Plan, generator: Generator, budget: int, max_sentence_words: int) -> None:
    src = plan.source
    plan.method = "abstractive-select"
    sentences = list(src.sentences)
    counts = _count(generator, sentences)
    room = budget
    if src.title:
        room -= _count(generator, [src.title])[0] + 2
    order = ranked_order(sentences, src.vectors, src.title_vector, max_sentence_words)
    picked = select_within(order, counts, room)
    rank = {i: r for r, i in enumerate(order)}
    text, tokens = "", 0
    while picked:
        text = _join(src.title, [sentences[i] for i in picked])
        tokens = _count(generator, [text])[0]
        if tokens <= budget:
            break
        picked.remove(max(picked, key=lambda i: rank[i]))  # tokens merge differently once joined: drop the least salient
    if not picked:
        plan.failure = f"no sentence of the article fits the {budget:,} tokens the model reads at once"
        return
    plan.final_text, plan.input_tokens = text, tokens
    plan.warnings.append(
        f"the article ({plan.total_tokens:,} tokens) is longer than the model reads at once ({budget:,}): the summary "
        f"was written from {len(picked)} of its {len(sentences)} sentences, chosen by salience (--long select)")


def _join(title: str | None, parts: Sequence[str]) -> str:
    body = " ".join(parts)
    return f"{title}\n\n{body}" if title else body


def _fit_units(units: list[str], generator: Generator, budget: int) -> list[str]:
    """The units, with any that exceed the budget on their own cut at word boundaries into pieces that fit."""
    out: list[str] = []
    pending = list(zip(units, _count(generator, units)))
    while pending:
        unit, n = pending.pop(0)
        if n <= budget:
            out.append(unit)
            continue
        words = unit.split()
        if len(words) < 2:
            raise ValueError(f"a single word of {n} tokens is longer than the model's context")
        per_piece = max(1, int(len(words) * budget / n * 0.8))
        pieces = [" ".join(words[i : i + per_piece]) for i in range(0, len(words), per_piece)]
        pending[:0] = list(zip(pieces, _count(generator, pieces)))
    return out


def _chunk_texts(units: Sequence[str], generator: Generator, budget: int) -> list[str]:
    """Texts of consecutive units, each within ``budget`` tokens once joined (checked, split if not)."""
    counts = _count(generator, units)
    texts: list[str] = []
    stack = [[units[i] for i in chunk] for chunk in pack(counts, budget)]
    while stack:
        chunk = stack.pop(0)
        text = " ".join(chunk)
        if len(chunk) > 1 and _count(generator, [text])[0] > budget:
            half = len(chunk) // 2
            stack[:0] = [chunk[:half], chunk[half:]]
            continue
        texts.append(text)
    return texts


def _map_reduce(plans: Sequence[_Plan], generator: Generator, budget: int) -> None:
    """Run the map rounds of every map-reduce plan together; each ends with its final_text set (or a failure)."""
    map_tokens = min(generator.max_new_tokens, max(24, budget // 4))  # each round must shrink the text
    while True:
        active = [p for p in plans if p.method == "abstractive-mapreduce" and p.final_text is None and p.failure is None]
        if not active:
            return
        jobs: list[tuple[_Plan, str]] = []
        for plan in active:
            title = plan.source.title
            joined = _join(title, plan.units)
            if _count(generator, [joined])[0] <= budget:
                plan.final_text = joined
                plan.chunks = plan.chunks or 1
                plan.warnings.append(
                    f"the article ({plan.total_tokens:,} tokens) is longer than the model reads at once ({budget:,}): "
                    f"it was summarised in {plan.chunks} parts, then the parts' summaries were summarised "
                    f"({plan.rounds + 1} rounds in all, --long mapreduce)")
                continue
            if plan.rounds >= MAX_ROUNDS:
                plan.failure = f"the article did not get short enough for the model after {plan.rounds} rounds"
                continue
            chunks = _chunk_texts(plan.units, generator, budget)
            if plan.rounds == 0:
                plan.chunks = len(chunks)
            jobs.extend((plan, text) for text in chunks)
        if not jobs:
            continue
        made = _generate(generator, [text for _, text in jobs], max_new_tokens=map_tokens)
        parts: dict[int, list[str]] = {}
        for (plan, _), summary in zip(jobs, made):
            if isinstance(summary, Exception):
                plan.failure = f"the model failed on a part of this article ({_short(summary)})"
            elif summary.text.strip():
                parts.setdefault(id(plan), []).append(summary.text.strip())
        for plan in {id(p): p for p, _ in jobs}.values():
            if plan.failure:
                continue
            new_units = parts.get(id(plan), [])
            if not new_units:
                plan.failure = "the model wrote nothing for the parts of this article"
                continue
            before = sum(_count(generator, plan.units))
            after = sum(_count(generator, new_units))
            if after >= before:
                plan.failure = "the summaries of the article's parts were no shorter than the parts"
                continue
            plan.units = _fit_units(new_units, generator, budget)
            plan.rounds += 1


def _generate(generator: Generator, texts: Sequence[str], max_new_tokens: int | None = None
              ) -> list[GeneratedSummary | Exception]:
    """Summaries of ``texts``; when the batch fails, one at a time, so that one bad text costs only itself."""
    if not texts:
        return []
    try:
        made = generator.summarize_batch(list(texts), max_new_tokens=max_new_tokens)
        if len(made) != len(texts):
            raise RuntimeError(f"the generator returned {len(made)} summaries for {len(texts)} texts")
        return list(made)
    except Exception as exc:
        if len(texts) == 1:
            log.debug("generation failed", exc_info=True)
            return [exc]
        log.debug("generation failed for a batch; retrying one text at a time", exc_info=True)
    out: list[GeneratedSummary | Exception] = []
    for text in texts:
        out.extend(_generate(generator, [text], max_new_tokens))
    return out


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# --------------------------------------------------------------------------- judging


def _trim(sentences: Sequence[Span], hit_limit: bool, limit: int) -> tuple[int, list[str]]:
    """How many of the summary's sentences to keep: all, or all but an unfinished last one when the model
    hit its token limit; with the warnings that says so."""
    keep = len(sentences)
    warnings: list[str] = []
    if hit_limit and sentences and not sentences[-1].text.endswith(_TERMINAL):
        if len(sentences) > 1:
            keep -= 1
            warnings.append(f"the model's summary reached the --max-new-tokens limit ({limit}); its unfinished "
                            "last sentence was left out")
        else:
            warnings.append(f"the model's summary reached the --max-new-tokens limit ({limit}) and may end "
                            "mid-sentence")
    return keep, warnings


def _judge(plans: Sequence[_Plan], generator: Generator, analyzer: Analyzer, faithful: bool) -> list[Outcome]:
    """Split every summary into sentences and find its names, in one analyser call (the splitter and the
    entity model the articles go through), then decide each one."""
    written = {n: " ".join(plan.summary.text.split()) for n, plan in enumerate(plans)
               if plan.summary is not None and plan.failure is None}
    analysed = [n for n, t in written.items() if t]
    texts: dict[int, str] = {}
    sentences: dict[int, list[str]] = {}
    entities: dict[int, list[tuple[str, str]]] = {}
    if analysed:
        try:
            analyses = analyzer.analyze_batch([written[n] for n in analysed])
            if len(analyses) != len(analysed):
                raise RuntimeError(f"the analyser returned {len(analyses)} analyses for {len(analysed)} summaries")
        except Exception as exc:
            log.debug("analysing the summaries failed", exc_info=True)
            for n in analysed:
                plans[n].failure = f"the model's summary could not be checked ({_short(exc)})"
        else:
            for n, analysis in zip(analysed, analyses):
                plan = plans[n]
                assert plan.summary is not None
                spans = analysis.sentences
                keep, warnings = _trim(spans, plan.summary.hit_limit, generator.max_new_tokens)
                plan.warnings.extend(warnings)
                end = spans[keep - 1].start + len(spans[keep - 1].text) if keep else 0
                sentences[n] = [sp.text for sp in spans[:keep]]
                texts[n] = " ".join(sentences[n])
                entities[n] = [(e.text, e.label) for e in analysis.entities if e.start < end]  # the kept part's
    outcomes = []
    for n, plan in enumerate(plans):
        outcomes.append(_decide(plan, texts.get(n, ""), sentences.get(n, []), entities.get(n, []), generator,
                                faithful))
    return outcomes


def _decide(plan: _Plan, text: str, sentences: list[str], entities: list[tuple[str, str]], generator: Generator,
            faithful: bool) -> Outcome:
    tokens = plan.input_tokens or None
    chunks = plan.chunks or None
    if plan.failure is not None or plan.summary is None:
        reason = plan.failure or "the model wrote no summary"
        return Outcome("extractive-fallback", None, tokens, chunks,
                       (*plan.warnings, f"the summary is the extractive one: {reason}"))
    verdict = guard.check(text, plan.source.full_text, entities, plan.source.entities, generator.instructions)
    if verdict.ok:
        return Outcome(plan.method, tuple(sentences), tokens, chunks, tuple(plan.warnings))
    if not sentences or verdict.degenerate == "the model wrote no summary" or faithful:
        return Outcome("extractive-fallback", None, tokens, chunks,
                       (*plan.warnings, f"the model's summary was replaced by the extractive one: {verdict.reason}"))
    return Outcome(plan.method, tuple(sentences), tokens, chunks,
                   (*plan.warnings, f"the model's summary may not be faithful to the article: {verdict.reason}"))


# --------------------------------------------------------------------------- figures


class MethodTally:
    """Passes results through and counts how each summary was made (for ``summarizer eval``)."""

    def __init__(self, summarizer: Any) -> None:
        self.summarizer = summarizer
        self.methods: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()  # why the guard fired: names, numbers, degenerate
        self.unfaithful = 0  # summaries the guard rejected (or, with --no-faithful, warned about)

    def summarize_batch(self, items: Iterable[Any]) -> Iterator[Result]:
        for result in self.summarizer.summarize_batch(items):
            method = result.summary_method
            if method:
                self.methods[method] += 1
                verdicts = [w for w in result.warnings if "replaced by the extractive one" in w or "may not be faithful" in w]
                if verdicts:
                    self.unfaithful += 1
                    text = verdicts[0]
                    for reason, marker in (("names", "names what the article does not"),
                                           ("numbers", "numbers the article does not"),
                                           ("degenerate", "the model")):
                        if marker in text.split(": ", 1)[-1]:
                            self.reasons[reason] += 1
            yield result

    def sentences(self, items: Iterable[Any]) -> list[list[str]]:
        return self.summarizer.sentences(items)

    def figures(self) -> dict[str, Any]:
        return {"methods": dict(sorted(self.methods.items())), "guard_fired": self.unfaithful,
                "guard_reasons": dict(sorted(self.reasons.items()))}

    def format(self) -> str:
        methods = ", ".join(f"{m} {n}" for m, n in sorted(self.methods.items())) or "-"
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.reasons.items()))
        return (f"Summary methods: {methods}; faithfulness guard fired on {self.unfaithful}"
                + (f" ({reasons})" if reasons else ""))
