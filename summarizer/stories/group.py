"""Stories: articles about the same event or running story, from their vectors, the names they share
and their closeness in time.

Each article's nearest neighbours (by article vector) are found first: exactly, a block of rows at a
time, for small collections; from an approximate nearest-neighbour index (usearch) past
``StoryWeights.ann_from`` articles, so that no n x n matrix is ever made there. Each neighbour pair
gets a link score; pairs are joined best first, and two groups join only when their centroids are
close too, which keeps a chain of pairwise links from gluing unrelated stories together. The cost
grows with n times ``neighbours``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .article import StoryArticle
from .timeline import parse_article_date


@dataclass(frozen=True)
class StoryWeights:
    """How articles are gathered into stories. Chosen on the seeds and the story-labelled test set of
    ``benchmarks/stories.py`` (see the README)."""

    threshold: float = 0.55
    """A pair of articles is linked when its score reaches this (``--story-threshold``). The score is a
    mix of the cosine of the article vectors and the share of names they share (``entities`` of it the
    names'), less the time penalty: at most 1, for two identical articles."""
    entities: float = 0.25
    """Share of the score given to shared names (people and organisations count in full, places half)."""
    time: float = 0.1
    """Largest penalty for distance in time, reached at ``time_scale_days`` apart (none when undated)."""
    time_scale_days: float = 365.0
    centroid_margin: float = 0.1
    """Two groups join only when their centroids' cosine reaches ``threshold`` less this."""
    neighbours: int = 20
    """Nearest neighbours looked at per article."""
    ann_from: int = 2000
    """From this many articles on, neighbours come from the approximate index."""
    ann_expansion: int = 64
    """Candidates the index looks at while it adds an article (usearch's ``expansion_add``; its default
    is 128). On 10,000 articles of ``benchmarks/digest.py`` it finds 99.1% of the exact 20 nearest
    neighbours (99.5% at 128) for two thirds of the CPU time."""


DEFAULT_STORY = StoryWeights()

_TYPE_WEIGHT = {"person": 1.0, "organization": 1.0, "place": 0.5}


def neighbours(vectors: np.ndarray, k: int, ann_from: int,
               expansion: int = DEFAULT_STORY.ann_expansion) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the indices and cosine similarities of its ``k`` nearest other rows (unit vectors);
    -1 where there are fewer. ``expansion``: the approximate index's candidates per added row."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.full((n, 0), -1, dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if n < ann_from:
        idx = np.empty((n, k), dtype=np.int64)
        sims = np.empty((n, k), dtype=np.float32)
        for lo in range(0, n, 512):
            block = vectors[lo : lo + 512] @ vectors.T
            for r in range(len(block)):
                block[r, lo + r] = -np.inf
            top = np.argpartition(-block, k - 1, axis=1)[:, :k]
            top_sims = np.take_along_axis(block, top, axis=1)
            order = np.argsort(-top_sims, axis=1)
            idx[lo : lo + len(block)] = np.take_along_axis(top, order, axis=1)
            sims[lo : lo + len(block)] = np.take_along_axis(top_sims, order, axis=1)
        return idx, sims
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f32", expansion_add=expansion)
    keys = np.arange(n, dtype=np.uint64)
    # Added on one thread: rows added concurrently make a graph that differs from run to run and, on small
    # or clustered collections, misses neighbours (on 100 vectors in 20 tight clusters, 10% of the rows
    # lost one); one thread gives the same stories for the same articles every time.
    index.add(keys, vectors.astype(np.float32), threads=1)
    found = index.search(vectors.astype(np.float32), k + 1, threads=0)
    got = np.asarray(found.keys, dtype=np.uint64).reshape(n, -1)
    dist = np.asarray(found.distances, dtype=np.float32).reshape(n, -1)
    # per row, the first k found that are neither the row itself nor a missing slot, in the index's order
    ok = (got != np.arange(n, dtype=np.uint64)[:, None]) & (got < n)
    first = np.argsort(~ok, axis=1, kind="stable")[:, :k]
    valid = np.take_along_axis(ok, first, axis=1)
    idx = np.where(valid, np.take_along_axis(got, first, axis=1).astype(np.int64), -1)
    sims = np.where(valid, 1.0 - np.take_along_axis(dist, first, axis=1), 0.0).astype(np.float32)
    if idx.shape[1] < k:  # the index returned fewer columns than asked for
        idx = np.pad(idx, ((0, 0), (0, k - idx.shape[1])), constant_values=-1)
        sims = np.pad(sims, ((0, 0), (0, k - sims.shape[1])))
    return idx, sims


def name_weights(article: StoryArticle) -> dict[str, float]:
    """The article's names (case-folded) with their weight in the shared-names share."""
    return {e.text.casefold(): _TYPE_WEIGHT.get(e.type, 0.5) for e in article.entities}


def shared_names(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted Jaccard share of the names two articles have in common (0 when either has none)."""
    if not a or not b:
        return 0.0
    common = sum(w for name, w in a.items() if name in b)
    total = sum(a.values()) + sum(w for name, w in b.items() if name not in a)
    return common / total if total else 0.0


def group(articles: Sequence[StoryArticle], weights: StoryWeights = DEFAULT_STORY,
          fixed: Sequence[int] | None = None) -> list[list[int]]:
    """Stories as lists of indices into ``articles`` (an article that fits none is a story of its own),
    largest first.

    ``fixed`` (the story store): per article, the number of the story it already belongs to, or -1 for
    a new article. Articles of one number stay together; new articles join them or each other as above,
    but two stories that already exist are never joined (yesterday's stories keep their articles).
    """
    n = len(articles)
    if n == 0:
        return []
    vectors = np.stack([a.vector for a in articles]).astype(np.float32)
    names = [name_weights(a) for a in articles]
    days = [_day(a.date) for a in articles]
    idx, sims = neighbours(vectors, weights.neighbours, weights.ann_from, weights.ann_expansion)
    edges: dict[tuple[int, int], float] = {}
    # a pair whose vectors alone cannot reach the threshold with every name shared is not scored
    reachable = sims >= (weights.threshold - weights.entities) / (1 - weights.entities) - 1e-6
    for i in range(n):
        for j_, sim in zip(idx[i][reachable[i]], sims[i][reachable[i]], strict=True):
            j = int(j_)
            if j < 0 or (min(i, j), max(i, j)) in edges or (fixed is not None and fixed[i] >= 0 and fixed[j] >= 0):
                continue
            score = (1 - weights.entities) * float(sim) + weights.entities * shared_names(names[i], names[j])
            day_i, day_j = days[i], days[j]
            if day_i is not None and day_j is not None:
                score -= weights.time * min(1.0, abs(day_i - day_j) / weights.time_scale_days)
            if score >= weights.threshold:
                edges[(min(i, j), max(i, j))] = score
    parent = list(range(n))
    sums = [vectors[i].astype(np.float64) for i in range(n)]
    anchored = [False] * n  # by root: the group holds a story that already exists
    if fixed is not None:
        first: dict[int, int] = {}
        for i, label in enumerate(fixed):
            if label >= 0:
                r = first.setdefault(label, i)
                anchored[r] = True
                if r != i:
                    parent[i] = r
                    sums[r] = sums[r] + sums[i]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    floor = weights.threshold - weights.centroid_margin
    for (i, j), _score in sorted(edges.items(), key=lambda item: -item[1]):
        ri, rj = root(i), root(j)
        if ri == rj or (anchored[ri] and anchored[rj]):
            continue
        a, b = sums[ri], sums[rj]
        if float(a @ b) / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0) < floor:
            continue
        parent[rj] = ri
        sums[ri] = a + b
        anchored[ri] = anchored[ri] or anchored[rj]
    stories: dict[int, list[int]] = {}
    for i in range(n):
        stories.setdefault(root(i), []).append(i)
    return sorted(stories.values(), key=lambda s: (-len(s), s[0]))


def _day(date: str | None) -> float | None:
    parsed = parse_article_date(date)
    return float(parsed[0].toordinal()) if parsed else None
