"""``summarizer eval``: score the pipeline and simple baselines on a JSONL evaluation file.

Each row of the data file is a JSON object with ``text`` and, where present, ``title``,
``reference_summaries``, ``topics`` and ``keyphrases``. One run reports, side by side:

* summaries: ROUGE-1/2/Lsum F1 x100 (``rouge-score``, Porter stemmer, rougeLsum over
  newline-separated sentences) against ``reference_summaries[0]``, for our summary and
  for Lead-3 (the article's first three sentences). Lead-3 and the references are split
  by the pipeline itself (its cleaning and sentence splitter), so that their sentences
  are the ones our summaries are chosen from;
* topics: accuracy of the top-level IPTC concept of our first topic against the row's
  category, through a mapping file (category -> IPTC top-level qcodes), plus a
  per-category confusion summary;
* keywords: F1@5 / F1@10 (lower-cased, Porter-stemmed exact phrase match) and a
  word-level F1@10, for our keywords and for YAKE (1-grams and default settings);
* time: seconds and articles per second of our pipeline.

All figures are percentages (x100), rounded to two decimals. An article the pipeline
fails on counts for our system as an empty prediction (zero), so that ours and the
baselines are always scored on the same articles.

Heavy imports (``rouge_score``, ``nltk``, ``yake``) happen inside functions.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError, NotInstalledError, SummarizerError
from .records import Article, Result
from .taxonomy import load_taxonomy

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
SHIPPED_TOPIC_MAPS = ("bbc", "kpcrowd")
NO_TOPIC = "(no topic)"
FAILED = "(failed)"
UNKNOWN_QCODE = "(unknown qcode)"
_MAX_EXAMPLES = 10

# --------------------------------------------------------------------------- ROUGE


def _rouge_scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:  # pragma: no cover - rouge-score is a dependency of eval
        raise NotInstalledError("rouge-score", "ROUGE scoring in 'summarizer eval'") from exc
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge_scores(prediction: str, reference: str, scorer: Any = None) -> dict[str, float]:
    """ROUGE-1/2/Lsum F1 x100 of ``prediction`` against ``reference``.

    Both texts should hold one sentence per line (rougeLsum splits on newlines).
    """
    scorer = scorer or _rouge_scorer()
    scores = scorer.score(reference, prediction)
    return {name: scores[name].fmeasure * 100.0 for name in ROUGE_TYPES}


# --------------------------------------------------------------------------- keywords

_TOKEN = re.compile(r"\w+")


@cache
def _stemmer() -> Any:
    try:
        from nltk.stem.porter import PorterStemmer
    except ImportError as exc:  # pragma: no cover - nltk comes with rouge-score
        raise NotInstalledError("nltk", "Keyword scoring in 'summarizer eval'") from exc
    return PorterStemmer()


@cache
def _stem(token: str) -> str:
    return _stemmer().stem(token)


def stem_words(phrase: str) -> list[str]:
    """Lower-case ``phrase``, split it into word tokens (``\\w+``) and Porter-stem each one."""
    return [_stem(token) for token in _TOKEN.findall(phrase.lower())]


def stem_phrase(phrase: str) -> str:
    """The normalised form used for exact matching: stemmed tokens joined by single spaces."""
    return " ".join(stem_words(phrase))


def unique_stemmed(phrases: Iterable[str]) -> list[str]:
    """Stemmed phrases in order, empties and duplicates (after stemming) removed."""
    seen: set[str] = set()
    out: list[str] = []
    for phrase in phrases:
        stemmed = stem_phrase(phrase)
        if stemmed and stemmed not in seen:
            seen.add(stemmed)
            out.append(stemmed)
    return out


def precision_recall_f1(predicted: Sequence[str], gold: Iterable[str]) -> tuple[float, float, float]:
    """Set-based P, R, F1 (0..1) of already-normalised predictions against gold items.

    Precision divides by the number of predictions made (not by k); with no predictions or
    no gold items, the undefined figure is 0.
    """
    gold_set = set(gold)
    predicted = list(dict.fromkeys(predicted))
    hits = sum(1 for p in predicted if p in gold_set)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold_set) if gold_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def keyword_f1(predicted: Sequence[str], gold: Iterable[str], k: int) -> float:
    """F1@k (0..1) for one article: stemmed exact phrase match.

    Predictions are stemmed and de-duplicated (after stemming) before the cut at ``k``.
    """
    return precision_recall_f1(unique_stemmed(predicted)[:k], unique_stemmed(gold))[2]


def word_f1(predicted: Sequence[str], gold: Iterable[str], k: int = 10) -> float:
    """Word-level F1@k (0..1): the predicted phrases' distinct stemmed words, first ``k``,
    against the set of stemmed words of all gold keyphrases."""
    words: list[str] = []
    for phrase in predicted:
        for word in stem_words(phrase):
            if word not in words:
                words.append(word)
    gold_words = {word for phrase in gold for word in stem_words(phrase)}
    return precision_recall_f1(words[:k], gold_words)[2]


def _keyword_figures(predictions: Sequence[Sequence[str]], golds: Sequence[Sequence[str]]) -> dict[str, float]:
    n = len(golds)
    if not n:
        return {"f1@5": 0.0, "f1@10": 0.0, "word_f1@10": 0.0}
    f5 = sum(keyword_f1(p, g, 5) for p, g in zip(predictions, golds)) / n
    f10 = sum(keyword_f1(p, g, 10) for p, g in zip(predictions, golds)) / n
    wf10 = sum(word_f1(p, g, 10) for p, g in zip(predictions, golds)) / n
    return {"f1@5": _pct(f5), "f1@10": _pct(f10), "word_f1@10": _pct(wf10)}


def _yake_extractor(**kwargs: Any) -> Any | None:
    """A ``yake.KeywordExtractor``, or None when yake is not installed."""
    try:
        import yake
    except ImportError:
        return None
    return yake.KeywordExtractor(**kwargs)


def _yake_keywords(extractor: Any, text: str) -> list[str]:
    try:
        pairs = extractor.extract_keywords(text)
    except Exception:  # yake trips over some degenerate texts; score it as no prediction
        return []
    return [kw for kw, _score in pairs]


YAKE_BASELINES: dict[str, dict[str, Any]] = {
    "yake_1gram": {"lan": "en", "n": 1, "top": 10},
    "yake_default": {"lan": "en"},
}
SYSTEM_NAMES = {
    "ours": "ours",
    "lead3": "Lead-3",
    "yake_1gram": "YAKE n=1",
    "yake_default": "YAKE default (n<=3)",
}

# --------------------------------------------------------------------------- topic maps


def load_topic_map(source: str | Path) -> tuple[str, dict[str, frozenset[str]]]:
    """Load a category -> IPTC top-level qcodes mapping.

    ``source`` is a JSON file path or the name of a shipped map (``bbc``, ``kpcrowd``).
    Keys starting with ``_`` (such as ``_note``) are ignored. Returns (name, mapping).
    Raises :class:`InputError` if the file is missing or malformed, or names a qcode that
    is not a top-level IPTC concept.
    """
    path = Path(source)
    if path.is_file():
        name = str(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read topic map {path}: {exc}") from exc
    elif isinstance(source, str) and source in SHIPPED_TOPIC_MAPS:
        name = source
        raw = resources.files("summarizer.data").joinpath("topic_maps", f"{source}.json").read_text(encoding="utf-8")
    else:
        raise InputError(
            f"topic map not found: {source} (give a JSON file, or one of the shipped maps: "
            f"{', '.join(SHIPPED_TOPIC_MAPS)})"
        )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"topic map {name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"topic map {name} must be a JSON object: category -> list of IPTC qcodes")
    taxonomy = load_taxonomy()
    mapping: dict[str, frozenset[str]] = {}
    for category, qcodes in data.items():
        if category.startswith("_"):
            continue
        if isinstance(qcodes, str):
            qcodes = [qcodes]
        if not isinstance(qcodes, list) or not qcodes or not all(isinstance(q, str) for q in qcodes):
            raise InputError(f"topic map {name}: category {category!r} must map to a non-empty list of qcodes")
        for qcode in qcodes:
            if qcode not in taxonomy:
                raise InputError(f"topic map {name}: {qcode!r} (for {category!r}) is not an IPTC Media Topics qcode")
            if taxonomy.top_level(qcode) != qcode:
                raise InputError(
                    f"topic map {name}: {qcode!r} (for {category!r}) is not a top-level concept; "
                    f"its top level is {taxonomy.top_level(qcode)!r}"
                )
        mapping[category] = frozenset(qcodes)
    return name, mapping


def default_topic_map(path: str | Path) -> str | None:
    """The shipped map matching the data file's name (``bbc*`` or ``kpcrowd*``), if any."""
    base = Path(path).name.lower()
    for name in SHIPPED_TOPIC_MAPS:
        if base.startswith(name):
            return name
    return None


def gold_category(row: Mapping[str, Any]) -> str | None:
    """The row's category: ``topics`` as a string, or the first item of a list; else None."""
    topics = row.get("topics")
    if isinstance(topics, list):
        topics = topics[0] if topics else None
    if isinstance(topics, str) and topics.strip():
        return topics.strip()
    return None


def predicted_top_level(result: Result) -> str | None:
    """The top-level qcode of the result's first topic; None if it failed or has no topic."""
    if not result.ok or not result.topics:
        return None
    taxonomy = load_taxonomy()
    qcode = result.topics[0].qcode
    if qcode not in taxonomy:
        return None
    return taxonomy.top_level(qcode)


def _predicted_label(result: Result) -> str:
    if not result.ok:
        return FAILED
    if not result.topics:
        return NO_TOPIC
    taxonomy = load_taxonomy()
    qcode = result.topics[0].qcode
    if qcode not in taxonomy:
        return UNKNOWN_QCODE
    return taxonomy.by_qcode[taxonomy.top_level(qcode)].label


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class EvalRow:
    lineno: int
    row: dict[str, Any]
    article: Article


def read_rows(path: str | Path, limit: int | None = None) -> tuple[list[EvalRow], list[str]]:
    """Read the evaluation JSONL. Returns (rows with text, messages about skipped bad rows).

    Blank lines are ignored. A line that is not a JSON object, or has no non-empty string
    ``text``, is a bad row: reported and skipped. ``limit`` caps the number of articles read.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"evaluation file not found: {path}")
    if not path.is_file():
        raise InputError(f"evaluation data must be a JSONL file, not a directory or special file: {path}")
    if limit is not None and limit < 1:
        raise InputError(f"limit must be at least 1 (got {limit})")
    rows: list[EvalRow] = []
    bad: list[str] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if limit is not None and len(rows) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    bad.append(f"line {lineno}: not valid JSON ({exc.msg})")
                    continue
                if not isinstance(row, dict):
                    bad.append(f"line {lineno}: not a JSON object")
                    continue
                text = row.get("text")
                if not isinstance(text, str) or not text.strip():
                    bad.append(f"line {lineno}: no text")
                    continue
                title = row.get("title")
                article = Article(
                    id=str(row.get("id") or f"{path.name}:{lineno}"),
                    text=text,
                    source=f"{path}:{lineno}",
                    title=title if isinstance(title, str) else None,
                )
                rows.append(EvalRow(lineno, row, article))
    except UnicodeDecodeError as exc:
        raise InputError(f"evaluation file is not UTF-8 text: {path} ({exc})") from exc
    except OSError as exc:
        raise InputError(f"cannot read evaluation file {path}: {exc}") from exc
    return rows, bad


def _first_reference(row: Mapping[str, Any]) -> str | None:
    refs = row.get("reference_summaries")
    if isinstance(refs, str):
        refs = [refs]
    if isinstance(refs, list) and refs and isinstance(refs[0], str) and refs[0].strip():
        return refs[0]
    return None


def _keyphrases(row: Mapping[str, Any]) -> list[str] | None:
    phrases = row.get("keyphrases")
    if isinstance(phrases, list):
        phrases = [p for p in phrases if isinstance(p, str) and p.strip()]
        if phrases:
            return phrases
    return None


# --------------------------------------------------------------------------- run


def _pct(value: float) -> float:
    return round(value * 100.0, 2)


def _timed_results(
    summarizer: Any,
    articles: list[Article],
    progress: Callable[[int], None] | None,
) -> tuple[list[Result], float]:
    """Run the pipeline; time only the pipeline's own work (not progress callbacks)."""
    results: list[Result] = []
    elapsed = 0.0
    start = time.perf_counter()
    iterator: Iterator[Result] = iter(summarizer.summarize_batch(articles))
    while True:
        try:
            result = next(iterator)
        except StopIteration:
            elapsed += time.perf_counter() - start
            break
        elapsed += time.perf_counter() - start
        results.append(result)
        if progress is not None:
            progress(1)
        start = time.perf_counter()
    if len(results) != len(articles):
        raise SummarizerError(f"the pipeline returned {len(results)} results for {len(articles)} articles")
    return results, elapsed


def run_eval(
    path: str | Path,
    summarizer: Any,
    *,
    limit: int | None = None,
    topic_map: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    seen: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """Run ``summarizer`` over the evaluation file at ``path`` and score it and the baselines.

    ``summarizer`` needs ``summarize_batch(articles) -> Iterator[Result]`` (input order) and, for
    data with reference summaries, ``sentences(items) -> list[list[str]]``: the sentences of each
    article (cleaned first) or string, as the pipeline splits them (see ``Pipeline.sentences``).
    ``topic_map``: a mapping file or shipped map name; by default chosen from the file name
    (``bbc*``, ``kpcrowd*``). ``progress`` is called with 1 after each finished article
    (an increment, as ``click.progressbar.update`` expects). ``seen(text)`` says whether an
    article was used to train the topic calibration; when some were, topic accuracy is also
    given for the others alone, under ``topics.held_out``.

    Returns a dict of figures (all scores x100)::

        {"data", "n_articles", "n_failed", "n_bad_rows", "bad_rows", "failures",
         "rouge": {"n", "ours": {rouge1, rouge2, rougeLsum}, "lead3": {...}},
         "topics": {"n", "accuracy", "topic_map", "n_unmapped", "per_category", "confusion",
                    "held_out": {"n", "n_seen", "accuracy", "per_category"}},
         "keywords": {"n", "ours": {f1@5, f1@10, word_f1@10}, "yake_1gram": {...} | None,
                      "yake_default": {...} | None, "notes": [...]},
         "seconds", "articles_per_second"}

    Sections whose gold field is absent from every row are left out.
    """
    rows, bad = read_rows(path, limit)
    if not rows:
        raise InputError(f"no article rows with text in {path}" + (f" ({len(bad)} bad rows)" if bad else ""))

    map_name: str | None = None
    mapping: dict[str, frozenset[str]] | None = None
    chosen = topic_map if topic_map is not None else default_topic_map(path)
    if chosen is not None:
        map_name, mapping = load_topic_map(chosen)

    articles = [r.article for r in rows]
    results, seconds = _timed_results(summarizer, articles, progress)

    figures: dict[str, Any] = {
        "data": str(path),
        "n_articles": len(rows),
        "n_failed": sum(1 for r in results if not r.ok),
        "n_bad_rows": len(bad),
        "bad_rows": bad[:_MAX_EXAMPLES],
        "failures": [{"id": r.id, "error": r.error} for r in results if not r.ok][:_MAX_EXAMPLES],
    }

    rouge = _rouge_section(rows, results, summarizer)
    if rouge is not None:
        figures["rouge"] = rouge
    topics = _topic_section(rows, results, map_name, mapping)
    if topics is not None:
        figures["topics"] = topics
        flags = [seen(r.article.text) for r in rows] if seen is not None and mapping is not None else []
        if any(flags):
            unseen = [(r, res) for r, res, flag in zip(rows, results, flags) if not flag]
            held = _topic_section([r for r, _ in unseen], [res for _, res in unseen], map_name, mapping) or {"n": 0}
            topics["held_out"] = {"n": held["n"], "n_seen": sum(flags), "accuracy": held.get("accuracy"),
                                  "per_category": held.get("per_category", {})}
    keywords = _keyword_section(rows, results)
    if keywords is not None:
        figures["keywords"] = keywords

    figures["seconds"] = round(seconds, 3)
    figures["articles_per_second"] = round(len(rows) / seconds, 2) if seconds > 0 else None
    return figures


def _rouge_section(rows: list[EvalRow], results: list[Result], summarizer: Any) -> dict[str, Any] | None:
    pairs = [(r, res, ref) for r, res in zip(rows, results) if (ref := _first_reference(r.row)) is not None]
    if not pairs:
        return None
    scorer = _rouge_scorer()
    # One pass of the pipeline's splitter over the articles (for Lead-3) and the references (for rougeLsum).
    split = summarizer.sentences([r.article for r, _, _ in pairs] + [ref for _, _, ref in pairs])
    if len(split) != 2 * len(pairs):
        raise SummarizerError(f"the sentence splitter returned {len(split)} lists for {2 * len(pairs)} texts")
    totals: dict[str, dict[str, float]] = {"ours": dict.fromkeys(ROUGE_TYPES, 0.0), "lead3": dict.fromkeys(ROUGE_TYPES, 0.0)}
    for (_row, result, _ref), article_sentences, reference_sentences in zip(pairs, split, split[len(pairs) :]):
        reference_lines = "\n".join(reference_sentences)
        ours = "\n".join(result.summary_sentences) if result.ok else ""
        lead = "\n".join(article_sentences[:3])
        for system, prediction in (("ours", ours), ("lead3", lead)):
            for name, value in rouge_scores(prediction, reference_lines, scorer).items():
                totals[system][name] += value
    n = len(pairs)
    section: dict[str, Any] = {"n": n}
    for system, sums in totals.items():
        section[system] = {name: round(value / n, 2) for name, value in sums.items()}
    return section


def _topic_section(
    rows: list[EvalRow],
    results: list[Result],
    map_name: str | None,
    mapping: dict[str, frozenset[str]] | None,
) -> dict[str, Any] | None:
    labelled = [(cat, res) for r, res in zip(rows, results) if (cat := gold_category(r.row)) is not None]
    if not labelled:
        return None
    confusion: dict[str, Counter[str]] = {}
    correct: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    unmapped = 0
    for category, result in labelled:
        confusion.setdefault(category, Counter())[_predicted_label(result)] += 1
        if mapping is None:
            continue
        if category not in mapping:
            unmapped += 1
            continue
        scored[category] += 1
        if predicted_top_level(result) in mapping[category]:
            correct[category] += 1
    n = sum(scored.values())
    section: dict[str, Any] = {
        "n": n,
        "accuracy": _pct(sum(correct.values()) / n) if n else None,
        "topic_map": map_name,
        "n_unmapped": unmapped,
        "per_category": {
            cat: {"n": scored[cat], "accuracy": _pct(correct[cat] / scored[cat])} for cat in sorted(scored)
        },
        "confusion": {cat: dict(counts.most_common()) for cat, counts in sorted(confusion.items())},
    }
    if mapping is None:
        section["n"] = len(labelled)
        section["note"] = "no topic map (give one with the topic-map option): accuracy not computed"
    return section


def _keyword_section(rows: list[EvalRow], results: list[Result]) -> dict[str, Any] | None:
    items = [(r, res, gold) for r, res in zip(rows, results) if (gold := _keyphrases(r.row)) is not None]
    if not items:
        return None
    golds = [gold for _, _, gold in items]
    ours = [[k.text for k in res.keywords] if res.ok else [] for _, res, _ in items]
    section: dict[str, Any] = {"n": len(items), "ours": _keyword_figures(ours, golds)}
    notes: list[str] = []
    for name, kwargs in YAKE_BASELINES.items():
        extractor = _yake_extractor(**kwargs)
        if extractor is None:
            section[name] = None
            if not notes:
                notes.append("yake is not installed (pip install yake): YAKE baselines skipped")
            continue
        start = time.perf_counter()
        predictions = [_yake_keywords(extractor, r.article.text) for r, _, _ in items]
        elapsed = time.perf_counter() - start
        figures = _keyword_figures(predictions, golds)
        figures["ms_per_article"] = round(1000.0 * elapsed / len(items), 1)
        section[name] = figures
    section["notes"] = notes
    return section


# --------------------------------------------------------------------------- table


def _fmt(value: float | None, width: int = 7) -> str:
    return f"{value:>{width}.1f}" if isinstance(value, (int, float)) else f"{'-':>{width}}"


def format_table(figures: dict[str, Any]) -> str:
    """A plain-text report of :func:`run_eval`'s figures: ours and baselines side by side."""
    lines: list[str] = []
    lines.append(f"Evaluation of {figures.get('data', '?')}")
    lines.append(
        f"articles: {figures.get('n_articles', 0)}  failed: {figures.get('n_failed', 0)}"
        f"  bad rows skipped: {figures.get('n_bad_rows', 0)}"
    )
    seconds = figures.get("seconds")
    rate = figures.get("articles_per_second")
    if seconds is not None:
        rate_text = f"{rate:.2f} articles/s" if rate else "- articles/s"
        lines.append(f"time (our pipeline): {seconds:.2f} s, {rate_text}")

    rouge = figures.get("rouge")
    if rouge:
        lines += ["", f"Summaries: ROUGE F1 x100 against reference_summaries[0] (n={rouge['n']})"]
        lines.append(f"{'system':<22}{'R1':>7}{'R2':>7}{'RLsum':>7}")
        for system in ("ours", "lead3"):
            s = rouge.get(system) or {}
            lines.append(
                f"{SYSTEM_NAMES[system]:<22}{_fmt(s.get('rouge1'))}{_fmt(s.get('rouge2'))}{_fmt(s.get('rougeLsum'))}"
            )

    topics = figures.get("topics")
    if topics:
        lines += ["", f"Topics: top-level IPTC concept of our first topic against the category (n={topics['n']})"]
        if topics.get("accuracy") is not None:
            lines.append(f"accuracy: {topics['accuracy']:.1f}%  (topic map: {topics.get('topic_map')})")
        held = topics.get("held_out")
        if held:
            acc = f"{held['accuracy']:.1f}%" if held.get("accuracy") is not None else "-"
            lines.append(f"held out: {acc} on the {held['n']} articles not used to train the topic calibration "
                         f"({held['n_seen']} were used; per category: "
                         + ", ".join(f"{c} {v['accuracy']:.1f}%" for c, v in held.get("per_category", {}).items())
                         + ")")
        if topics.get("n_unmapped"):
            lines.append(f"rows whose category is not in the map (not scored): {topics['n_unmapped']}")
        if topics.get("note"):
            lines.append(topics["note"])
        per_category = topics.get("per_category", {})
        lines.append(f"{'category':<18}{'n':>5}{'acc%':>7}  predicted top-level concepts (count)")
        for category, counts in topics.get("confusion", {}).items():
            pc = per_category.get(category)
            n = pc["n"] if pc else sum(counts.values())
            acc = _fmt(pc["accuracy"]) if pc else _fmt(None)
            predicted = "; ".join(f"{label} {count}" for label, count in counts.items())
            lines.append(f"{category:<18}{n:>5}{acc}  {predicted}")

    keywords = figures.get("keywords")
    if keywords:
        lines += [
            "",
            f"Keywords: F1 x100, lower-cased Porter-stemmed exact match against keyphrases (n={keywords['n']})",
            "(word F1@10: the predictions' distinct stemmed words, first ten, against the gold words)",
        ]
        lines.append(f"{'system':<22}{'F1@5':>7}{'F1@10':>7}{'wordF1@10':>11}{'ms/art':>8}")
        for system in ("ours", "yake_1gram", "yake_default"):
            if system not in keywords:
                continue
            s = keywords[system]
            if s is None:
                lines.append(f"{SYSTEM_NAMES[system]:<22}  (not available: yake is not installed)")
                continue
            ms = f"{s['ms_per_article']:>8.1f}" if "ms_per_article" in s else f"{'':>8}"
            lines.append(
                f"{SYSTEM_NAMES[system]:<22}{_fmt(s['f1@5'])}{_fmt(s['f1@10'])}{_fmt(s['word_f1@10'], 11)}{ms}"
            )
        for note in keywords.get("notes", []):
            lines.append(f"note: {note}")

    if figures.get("bad_rows"):
        lines += ["", "bad rows (first few): " + "; ".join(figures["bad_rows"])]
    if figures.get("failures"):
        lines += ["", "failed articles (first few):"]
        lines += [f"  {f['id']}: {f['error']}" for f in figures["failures"]]
    return "\n".join(lines)
