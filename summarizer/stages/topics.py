"""IPTC Media Topics for an article, from the sentence embeddings already computed.

Every concept is embedded once (label and definition) and cached on disk, keyed by the
embedding model and the taxonomy version. An article is scored against every concept from two
kinds of evidence: its overall vector (lead-weighted mean of its sentences, plus the title) and
its best-matching sentences. The hierarchy is used twice: every sentence votes for the branches
(top-level concepts) of its best-matching concepts, so that a story's subject area is decided
by all of its evidence rather than by one lucky match,
and within a branch the most specific concept that fits is preferred over a bare parent.

A small learned correction (``summarizer/data/topic_calibration.npz``, trained by
``scripts/train_topic_calibration.py`` on labelled news) then shifts each branch's score by a
linear function of the article's concept scores. It exists because news desks and IPTC file some
stories differently: IPTC puts gadgets and software under "economy, business and finance"
(products and services), where newsrooms call them technology. It is used only with the
embedding model and taxonomy it was trained for.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..backends.base import Embedder
from ..records import Topic
from ..settings import Settings
from ..taxonomy import Taxonomy

log = logging.getLogger(__name__)

RECIPE = "label-definition-v1"  # change when concept_text changes, to invalidate caches


def concept_text(label: str, definition: str) -> str:
    return f"{label}: {definition}" if definition else label


@dataclass(frozen=True)
class TopicWeights:
    article: float = 0.6  # weight of the article vector vs. best sentences
    top_sentences: int = 3
    branch: float = 1.0  # how much the branch's share of the sentence votes lifts its concepts
    votes_per_sentence: int = 3
    specificity: float = 0.01  # bonus per level below the top
    descend_margin: float = 0.02  # take a child over its parent when within this of it


DEFAULT_TOPIC_WEIGHTS = TopicWeights()

CALIBRATION_FILE = "topic_calibration.npz"
SPORT = "medtop:15000000"


@dataclass(frozen=True)
class TopicChoice:
    """The topics of one article, with what a caller needs to explain them."""

    topics: tuple[Topic, ...]
    best: float
    """The article's best similarity to any IPTC concept: how much the taxonomy recognises in it at all."""
    weak: bool = False
    """True when ``best`` is below the evidence floor (``min_score``), so no topics were given."""
    cut: bool = False
    """True when a further topic was left out for scoring below ``min_share`` of the first."""


SHORT_TEXT_WORDS = 20
"""A text of fewer words than this carries too little evidence in its length alone (see :func:`evidence_floor`)."""


def evidence_floor(min_score: float, words: int, foreign: bool) -> float:
    """The least best-concept similarity a text needs to be given topics: ``min_score`` for a text of
    fewer than :data:`SHORT_TEXT_WORDS` words or one not in English, else 0.

    A similarity floor alone cannot tell news from placeholder text: the best similarity of real news
    articles goes as low as that of "Lorem ipsum" (a sports report with no sports word in it). What
    real articles have and placeholder text lacks is length in English; a short or foreign text must
    show a clear match instead.
    """
    return min_score if words < SHORT_TEXT_WORDS or foreign else 0.0


def weak_evidence_warning(best: float, min_score: float, words: int, foreign: bool) -> str:
    """The record's warning when a text gets no topics because nothing in it resembles a news topic."""
    what = f"the text is short ({words} words)" if words < SHORT_TEXT_WORDS else "the text is not in English"
    return (f"no topics: {what} and resembles no IPTC news topic closely enough (best similarity {best:.2f}, "
            f"below {min_score:.2f}); it may be placeholder text or no article at all (see --topic-min-score)")


def text_digest(text: str) -> int:
    """A 64-bit digest of an article's text: how the calibration remembers what it was trained on."""
    return int.from_bytes(hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).digest()[:8], "big")


@dataclass(frozen=True)
class Calibration:
    """A learned shift of each top-level branch's score: ``(concept_scores - center) @ shift``."""

    shift: np.ndarray  # (concepts, top-level concepts)
    center: np.ndarray  # (concepts,)
    embedder: str  # identity of the embedding model it was trained with
    taxonomy: str  # digest of the taxonomy it was trained with
    trained_on: frozenset[int]  # text_digest of every training article
    meta: dict

    def adjust(self, concept_scores: np.ndarray) -> np.ndarray:
        return (concept_scores - self.center) @ self.shift

    def saw(self, text: str) -> bool:
        """Whether an article with this text was used to train the calibration."""
        return text_digest(text) in self.trained_on

    def save(self, path: Path) -> None:
        meta = json.dumps({**self.meta, "embedder": self.embedder, "taxonomy": self.taxonomy}, sort_keys=True)
        np.savez_compressed(path, shift=self.shift.astype(np.float32), center=self.center.astype(np.float32),
                            trained_on=np.array(sorted(self.trained_on), dtype=np.uint64), meta=np.array(meta))

    @classmethod
    def read(cls, source: Path | object) -> Calibration:
        with np.load(source, allow_pickle=False) as data:  # type: ignore[arg-type]
            meta = json.loads(str(data["meta"]))
            return cls(shift=data["shift"].astype(np.float32), center=data["center"].astype(np.float32),
                       embedder=meta.pop("embedder"), taxonomy=meta.pop("taxonomy"),
                       trained_on=frozenset(int(x) for x in data["trained_on"]), meta=meta)


def shipped_calibration(embedder_identity: str, taxonomy: Taxonomy) -> Calibration | None:
    """The calibration shipped with summarizer, if it was trained for this embedder and taxonomy."""
    try:
        with resources.files("summarizer.data").joinpath(CALIBRATION_FILE).open("rb") as fh:
            calibration = Calibration.read(fh)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("topic calibration not used: cannot read %s (%s)", CALIBRATION_FILE, exc)
        return None
    if calibration.embedder != embedder_identity or calibration.taxonomy != taxonomy.digest:
        log.debug("topic calibration not used: trained for %s, taxonomy %s", calibration.embedder, calibration.taxonomy)
        return None
    if calibration.shift.shape != (len(taxonomy), len(taxonomy.roots)):
        log.warning("topic calibration not used: %s has the wrong shape", CALIBRATION_FILE)
        return None
    return calibration


class TopicIndex:
    def __init__(self, taxonomy: Taxonomy, vectors: np.ndarray, calibration: Calibration | None = None) -> None:
        self.taxonomy = taxonomy
        self.vectors = vectors
        self.calibration = calibration
        self.qcodes = [c.qcode for c in taxonomy.concepts]
        self.index = {q: i for i, q in enumerate(self.qcodes)}
        roots = taxonomy.roots
        self.root_of = np.array([roots.index(taxonomy.top_level(q)) for q in self.qcodes])
        self.levels = np.array([c.level for c in taxonomy.concepts])
        self.support = _support_stems(taxonomy)
        # Which concepts need the article's words to support them: a specific sport (a story about one names
        # it), and a concept of one word ("inflation", "opera", "podcast"), which names a thing, not a field.
        sport = roots.index(SPORT) if SPORT in roots else -1
        self.needs_support = np.array([c.level > 2 and (self.root_of[i] == sport or len(c.label.split()) == 1)
                                       for i, c in enumerate(taxonomy.concepts)])
        self.n_roots = len(roots)
        self.roots = roots

    @classmethod
    def build(cls, taxonomy: Taxonomy, embedder: Embedder, cache_dir: Path | None,
              calibrate: bool = True) -> TopicIndex:
        """The index for this embedder, with the shipped calibration when ``calibrate`` and it fits."""
        calibration = shipped_calibration(embedder.model_identity, taxonomy) if calibrate else None
        texts = [concept_text(c.label, c.definition) for c in taxonomy.concepts]
        key = hashlib.sha256(f"{embedder.identity}|{taxonomy.digest}|{RECIPE}".encode()).hexdigest()[:20]
        path = cache_dir / f"iptc-{key}.npy" if cache_dir is not None else None
        if path is not None and path.exists():
            try:
                vectors = np.load(path)
                if vectors.shape[0] == len(texts):
                    return cls(taxonomy, vectors, calibration)
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable topic cache %s: %s", path, exc)
        vectors = embedder.embed_batch(texts)
        if path is not None:
            _save_atomic(path, vectors)
        return cls(taxonomy, vectors, calibration)

    def saw(self, text: str) -> bool:
        """Whether the calibration in use was trained on an article with this text."""
        return self.calibration is not None and self.calibration.saw(text)

    def evidence(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each concept's similarity to the article (``raw``) and its uncalibrated ranking score."""
        n = len(sentence_vectors)
        lead = np.exp(-np.arange(n) / 8.0) + 0.5
        doc = (sentence_vectors * lead[:, None]).sum(axis=0)
        if title_vector is not None:
            doc = doc + lead.sum() * 0.3 * title_vector
        doc = doc / (np.linalg.norm(doc) or 1.0)
        article_sim = self.vectors @ doc
        sent_sim = sentence_vectors @ self.vectors.T  # (n, concepts)
        top = min(weights.top_sentences, n)
        best_sent = np.sort(sent_sim, axis=0)[-top:].mean(axis=0)
        raw = weights.article * article_sim + (1 - weights.article) * best_sent
        branch = self.branch_votes(sent_sim, title_vector, weights.votes_per_sentence)
        final = raw + weights.branch * (branch[self.root_of] - branch.max()) + weights.specificity * (self.levels - 1)
        return raw, final

    def branch_scores(self, final: np.ndarray) -> np.ndarray:
        """Each top-level branch's score: the best score among its concepts."""
        best = np.full(self.n_roots, -np.inf)
        np.maximum.at(best, self.root_of, final)
        return best

    def score(self, sentence_vectors: np.ndarray, title_vector: np.ndarray | None, k: int = 3,
              weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS, **options: Any) -> list[Topic]:
        """At most ``k`` topics of an article: :meth:`choose`'s topics alone (``options`` are its keywords)."""
        return list(self.choose(sentence_vectors, title_vector, k, weights, **options).topics)

    def choose(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        k: int = 3,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
        *,
        min_share: float = Settings.topic_min_share,
        min_score: float = Settings.topic_min_score,
        text: str | None = None,
    ) -> TopicChoice:
        """At most ``k`` topics, most fitting first.

        None when the article's best similarity to any concept is below ``min_score`` (text that is
        no news article: nothing in the taxonomy fits, and the "best" fit would be a confident
        guess). A topic after the first is given only when its similarity is at least ``min_share``
        of the first topic's and at most that of the topic before it (topics are listed in score
        order: the first is the calibration's choice, and a concept of another branch that
        resembles the article more is left out rather than listed after it), and never beside its
        own ancestor or descendant.

        With the article's ``text``, a specific sport and any concept of one word (level 3 and below)
        need support in it: one of the distinctive words of its label or definition (see
        :func:`_support_stems`); a descriptive label ("consumer electronics") needs none. The first
        topic without support gives way to its nearest supported ancestor, and a further topic
        without support is left out: a soccer report is "sport", not "shinty" or "polo", and a
        currency story is not "deflation" unless it speaks of deflation.
        """
        if len(sentence_vectors) == 0:
            return TopicChoice((), 0.0)
        raw, final = self.evidence(sentence_vectors, title_vector, weights)
        stems = _stems(text) if text is not None else None
        best = float(raw.max())
        if best < min_score:
            return TopicChoice((), best, weak=True)
        cut = False
        picked: list[int] = []
        anchor = 0.0  # the first choice's similarity, before it gave way to an ancestor: what further topics need
        if self.calibration is not None:
            # The calibration chooses the first topic's branch; the further topics stay IPTC's own best fits.
            calibrated = final + self.calibration.adjust(raw)[self.root_of]
            first = self._descend(int(np.argmax(calibrated)), calibrated, weights.descend_margin)
            anchor = float(raw[first])
            picked.append(self._supported(first, stems))
        for i in np.argsort(-final):
            if len(picked) >= k:
                break
            i = self._descend(int(i), final, weights.descend_margin)
            if not picked:
                anchor = float(raw[i])
                i = self._supported(i, stems)
            elif self._supported(i, stems) != i:
                continue
            if picked and raw[i] < min_share * anchor:
                cut = True
                continue
            if picked and raw[i] > raw[picked[-1]]:
                continue  # listed in score order: a further topic never outscores the one before it
            q = self.qcodes[i]
            chain = set(self.taxonomy.ancestors(q))
            if any(self.qcodes[j] in chain or q in self.taxonomy.ancestors(self.qcodes[j]) for j in picked):
                continue
            picked.append(i)
        topics = tuple(
            Topic(self.qcodes[i], self.taxonomy.by_qcode[self.qcodes[i]].label, self.taxonomy.path(self.qcodes[i]),
                  float(raw[i]))
            for i in picked
        )
        return TopicChoice(topics, best, cut=cut and len(topics) < k)

    def branch_votes(self, sent_sim: np.ndarray, title_vector: np.ndarray | None, per_sentence: int) -> np.ndarray:
        """Share of the evidence for each top-level branch: every sentence (and the title, twice)
        votes for the branches of its best-matching concepts, weighted by similarity."""
        top = min(per_sentence, sent_sim.shape[1])
        best = np.argpartition(-sent_sim, top - 1, axis=1)[:, :top]
        votes = np.zeros(self.n_roots)
        np.add.at(votes, self.root_of[best].ravel(), np.take_along_axis(sent_sim, best, axis=1).clip(min=0).ravel())
        if title_vector is not None:
            title_sim = self.vectors @ title_vector
            tbest = np.argpartition(-title_sim, top - 1)[:top]
            np.add.at(votes, self.root_of[tbest], 2.0 * title_sim[tbest].clip(min=0))
        total = votes.sum()
        return votes / total if total > 0 else votes

    def _supported(self, i: int, stems: set[str] | None) -> int:
        """``i``, or its nearest ancestor that the article's words support (the top levels need none)."""
        if stems is None:
            return i
        while self.needs_support[i] and not (self.support[i] & stems):
            parent = self.taxonomy.by_qcode[self.qcodes[i]].parent
            if parent is None:
                break
            i = self.index[parent]
        return i

    def _descend(self, i: int, final: np.ndarray, margin: float) -> int:
        """Move to the best child while it scores within ``margin`` of its parent."""
        while True:
            children = self.taxonomy.children.get(self.qcodes[i], [])
            if not children:
                return i
            idx = [self.index[c] for c in children]
            best = max(idx, key=lambda j: final[j])
            if final[best] < final[i] - margin:
                return i
            i = best


_WORD = re.compile(r"[^\W\d_]{3,}")
#: Words too common in the taxonomy's own texts, or in any text, to show what a concept is about.
_SUPPORT_STOP = frozenset(
    """
    the and for with from that this which their other such all any its are was were been being into about between
    including include includes involving related relating issues issue matters matter general
    goal goals score scores scored scoring team teams player players ball balls match matches point points game
    games play played playing sport sports competition competitions event events field court trying always
    people person someone something people price prices rise fall rate rates money market markets country
    countries government public service services system systems form forms using used various
    """.split()
)
_SUPPORT_MIN_LENGTH = 5  # a shorter definition word ("aid", "row", "four") says too little
#: A definition word counts as support only when at most this many concepts use it.
_SUPPORT_MAX_CONCEPTS = 6


def _stem(word: str) -> str:
    return word.lower()[:6]


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text)}


def _support_stems(taxonomy: Taxonomy) -> list[set[str]]:
    """Per concept, the word stems (first six letters) whose presence in an article supports it.

    Every word of the label, and each word of the definition that at most
    ``_SUPPORT_MAX_CONCEPTS`` concepts' definitions use ("death" for capital punishment, "football"
    for soccer; not "ball", "teams" or "goals", which half the sports share).
    """
    stop = {_stem(w) for w in _SUPPORT_STOP}
    definitions = [{_stem(w) for w in _WORD.findall(c.definition or "") if len(w) >= _SUPPORT_MIN_LENGTH} - stop
                   for c in taxonomy.concepts]
    used_by: dict[str, int] = {}
    for words in definitions:
        for w in words:
            used_by[w] = used_by.get(w, 0) + 1
    out = []
    for concept, words in zip(taxonomy.concepts, definitions, strict=True):
        label = {_stem(w) for w in _WORD.findall(concept.label)} - stop
        out.append(label | {w for w in words if used_by[w] <= _SUPPORT_MAX_CONCEPTS})
    return out


def _save_atomic(path: Path, vectors: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, vectors)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home must not stop the run
        log.warning("could not cache topic embeddings in %s: %s", path.parent, exc)
