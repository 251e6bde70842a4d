"""IPTC Media Topics for an article, from the sentence embeddings already computed.

Every concept is embedded once (label and definition) and cached on disk, keyed by the
embedding model and the taxonomy version. An article is scored against every concept from two
kinds of evidence: its overall vector (lead-weighted mean of its sentences, plus the title) and
its best-matching sentences. The hierarchy is used twice: every sentence votes for the branches
(top-level concepts) of its best-matching concepts, so that a story's subject area is decided
by all of its evidence rather than by one lucky match,
and within a branch the most specific concept that fits is preferred over a bare parent.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..backends.base import Embedder
from ..records import Topic
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
    min_relative: float = 0.85  # report a further topic only if it scores this share of the first


DEFAULT_TOPIC_WEIGHTS = TopicWeights()


class TopicIndex:
    def __init__(self, taxonomy: Taxonomy, vectors: np.ndarray) -> None:
        self.taxonomy = taxonomy
        self.vectors = vectors
        self.qcodes = [c.qcode for c in taxonomy.concepts]
        self.index = {q: i for i, q in enumerate(self.qcodes)}
        roots = taxonomy.roots
        self.root_of = np.array([roots.index(taxonomy.top_level(q)) for q in self.qcodes])
        self.levels = np.array([c.level for c in taxonomy.concepts])
        self.n_roots = len(roots)
        self.roots = roots

    @classmethod
    def build(cls, taxonomy: Taxonomy, embedder: Embedder, cache_dir: Path | None) -> TopicIndex:
        texts = [concept_text(c.label, c.definition) for c in taxonomy.concepts]
        key = hashlib.sha256(f"{embedder.identity}|{taxonomy.digest}|{RECIPE}".encode()).hexdigest()[:20]
        path = cache_dir / f"iptc-{key}.npy" if cache_dir is not None else None
        if path is not None and path.exists():
            try:
                vectors = np.load(path)
                if vectors.shape[0] == len(texts):
                    return cls(taxonomy, vectors)
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable topic cache %s: %s", path, exc)
        vectors = embedder.embed_batch(texts)
        if path is not None:
            _save_atomic(path, vectors)
        return cls(taxonomy, vectors)

    def score(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        k: int = 3,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
    ) -> list[Topic]:
        n = len(sentence_vectors)
        if n == 0:
            return []
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

        picked: list[int] = []
        for i in np.argsort(-final):
            if len(picked) >= k:
                break
            i = self._descend(int(i), final, weights.descend_margin)
            q = self.qcodes[i]
            chain = set(self.taxonomy.ancestors(q))
            if any(self.qcodes[j] in chain or q in self.taxonomy.ancestors(self.qcodes[j]) for j in picked):
                continue
            if picked and raw[i] < weights.min_relative * raw[picked[0]]:
                continue
            picked.append(i)
        return [
            Topic(self.qcodes[i], self.taxonomy.by_qcode[self.qcodes[i]].label, self.taxonomy.path(self.qcodes[i]),
                  float(raw[i]))
            for i in picked
        ]

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


def _save_atomic(path: Path, vectors: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, vectors)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home must not stop the run
        log.warning("could not cache topic embeddings in %s: %s", path.parent, exc)
