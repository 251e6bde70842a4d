"""Near-duplicates: copies and light rewrites of one article (wire copy, a corrected version, another
headline or other boilerplate around the same text).

Candidates come from MinHash LSH (datasketch) over word shingles, so no pair of texts is compared
unless their signatures collide; a candidate pair is confirmed when one text holds most of the
other's shingles and the vectors of the two bodies agree (the mean of their sentence vectors: the
article vector counts the title too, and a copy under another headline is still a copy). One article stands for each group: a dated one
before an undated one, then the longest (the most complete copy), then the earliest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .article import StoryArticle


@dataclass(frozen=True)
class DedupWeights:
    """How near is a duplicate. Chosen on ``benchmarks/dedup.py`` (eval articles and altered copies)."""

    shingle_words: int = 4
    """Words per shingle."""
    num_perm: int = 128
    """MinHash permutations."""
    lsh_threshold: float = 0.2
    """Estimated Jaccard similarity from which LSH proposes a pair (low, so that cut copies are proposed)."""
    containment: float = 0.7
    """A pair is a duplicate when this share of the shorter text's shingles is in the longer one ..."""
    cosine: float = 0.85
    """... and the body vectors (mean of the sentence vectors) have at least this cosine similarity."""


DEFAULT_DEDUP = DedupWeights()


@dataclass(frozen=True)
class Duplicate:
    id: str
    similarity: float  # cosine similarity of the body vectors (mean of the sentence vectors)
    overlap: float  # estimated share of the shorter text's shingles found in the other

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "similarity": round(self.similarity, 4), "overlap": round(self.overlap, 4)}


@dataclass(frozen=True)
class DuplicateGroup:
    """One article (``kept``) standing for its copies."""

    kept: str
    copies: tuple[Duplicate, ...]

    def to_dict(self) -> dict[str, object]:
        return {"kept": self.kept, "copies": [c.to_dict() for c in self.copies]}


_WORD = re.compile(r"\w+")


def shingles(text: str, k: int) -> set[bytes]:
    """The text's runs of ``k`` words, lower-cased (the whole text as one when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def find_duplicates(articles: Sequence[StoryArticle], weights: DedupWeights = DEFAULT_DEDUP) -> list[DuplicateGroup]:
    """Groups of near-duplicate articles, each with the article that stands for it; articles with no
    copy are in no group."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=weights.lsh_threshold, num_perm=weights.num_perm)
    hashes: list[MinHash] = []
    sizes: list[int] = []
    template = MinHash(num_perm=weights.num_perm)  # one set of permutations for every signature
    for i, article in enumerate(articles):
        found = shingles(article.text, weights.shingle_words)
        mh = MinHash(num_perm=weights.num_perm, permutations=template.permutations, scheme=template.scheme)
        mh.update_batch(found)
        hashes.append(mh)
        sizes.append(len(found))
        if found:
            lsh.insert(i, mh)
    bodies = np.stack([body_vector(a) for a in articles]) if articles else np.zeros((0, 0))
    signatures = np.stack([mh.hashvalues for mh in hashes]) if hashes else np.zeros((0, 0))
    size_of = np.asarray(sizes, dtype=np.float64)
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs: dict[tuple[int, int], tuple[float, float]] = {}
    for i in range(len(articles)):
        if not sizes[i]:
            continue
        found = np.array(sorted(j for j in lsh.query(hashes[i]) if j > i), dtype=np.int64)
        if not len(found):
            continue
        # every candidate of i at once: the estimated Jaccard similarity (the share of equal signature
        # values, as MinHash.jaccard), the containment it implies, and the cosine of the bodies
        jaccard = np.count_nonzero(signatures[found] == signatures[i], axis=1) / weights.num_perm
        overlap = _containment_many(jaccard, sizes[i], size_of[found])
        cosine = bodies[found] @ bodies[i]
        for c in np.flatnonzero((overlap >= weights.containment) & (cosine >= weights.cosine)):
            j = int(found[c])
            pairs[(i, j)] = (float(cosine[c]), float(overlap[c]))
            parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(root(i), []).append(i)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        kept = max(group, key=lambda i: (articles[i].date is not None, len(articles[i].text),
                                         -_date_key(articles[i].date), -i))
        copies = []
        for i in group:
            if i == kept:
                continue
            cosine, overlap = pairs.get((min(i, kept), max(i, kept))) or (
                float(np.dot(bodies[i], bodies[kept])),
                _containment(hashes[i].jaccard(hashes[kept]), sizes[i], sizes[kept]))
            copies.append(Duplicate(articles[i].id, cosine, overlap))
        groups.append(DuplicateGroup(articles[kept].id, tuple(sorted(copies, key=lambda c: -c.similarity))))
    return groups


def body_vector(article: StoryArticle) -> np.ndarray:
    """The mean of the article's sentence vectors, of unit length (its article vector when it has none)."""
    if not len(article.sentence_vectors):
        return article.vector
    mean = article.sentence_vectors.mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def _containment(jaccard: float, a: int, b: int) -> float:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard similarity and the two set sizes."""
    if not a or not b:
        return 0.0
    inter = jaccard * (a + b) / (1 + jaccard)
    return min(1.0, inter / min(a, b))


def _containment_many(jaccard: np.ndarray, a: int, b: np.ndarray) -> np.ndarray:
    """:func:`_containment` of one set of size ``a`` with many, from their Jaccard similarities."""
    inter = jaccard * (a + b) / (1 + jaccard)
    return np.minimum(1.0, inter / np.maximum(np.minimum(a, b), 1))


def _date_key(date: str | None) -> int:
    """A sortable number for an ISO date (later is larger); undated counts as latest."""
    digits = re.sub(r"\D", "", date or "")[:8]
    return int(digits.ljust(8, "0")) if digits else 99_999_999
