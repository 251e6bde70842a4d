"""Assemble a :class:`Digest`: near-duplicates set aside, stories gathered, and for each story a label,
a summary drawn from across its articles, a timeline, its actors, topics and what each article adds."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np

from ..memory import one_blas_thread
from ..records import Entity
from ..stages.extractive import eligibility, leans_on_previous
from .article import StoryArticle
from .dedup import DEFAULT_DEDUP, DedupWeights, Duplicate, DuplicateGroup, find_duplicates
from .group import DEFAULT_STORY, StoryWeights, group
from .timeline import Event, events, order

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class DigestWeights:
    """How a story is told. Chosen by reading the seeds' digest."""

    summary_min: int = 3
    summary_max: int = 6
    """A story's summary has one sentence more than it has articles, within these bounds."""
    diversity: float = 0.3
    """MMR: share of a sentence's value given to novelty."""
    repeat: float = 0.8
    """Two sentences this similar (cosine) say the same thing: the summary never holds both, an article
    does not add a sentence this close to one of an earlier article, and the timeline keeps one of two
    such events on one date."""
    adds_max: int = 5
    """Sentences shown of what an article adds (all are counted)."""
    compare_with: int = 50
    """What an article adds is what none of this many earlier articles, the closest to it, said ..."""
    lookback: int = 500
    """... the closest among this many articles before it (by date), so an article of a story of thousands
    costs no more than one of a story of hundreds. Chosen so that no story of the seeds or of
    ``benchmarks/stories.py`` (21 articles at most) comes near it, while an article of a story of
    thousands looks at a few hundred others, not all before it."""
    leaning: float = 0.2
    """A sentence that leans on the ones before it in its article (it opens with a pronoun, a connective or
    "the" and a noun they used: "Furthermore, he said ...") keeps this share of its value in the story's
    summary, where those sentences are not there to carry it. Chosen by reading the seeds' digest, whose
    summary opened with "Furthermore, he said that ..."."""
    summary_from: int = 2000
    summary_pool: int = 300
    """A story with more than ``summary_from`` candidate sentences has its summary chosen (MMR) among its
    ``summary_pool`` best-valued ones, no two of them ``repeat`` close, not among all: MMR's cost grows
    with the candidates, and six sentences picked from a story of thousands of articles come from its
    best-valued ones anyway. Chosen so that a story of up to about a hundred articles (the seeds' has
    5, the largest of ``benchmarks/stories.py`` 21) is told from all its sentences, and a story of
    thousands from up to a few hundred different ones among its 1,200 best (enough for six picks at
    one per article first)."""


DEFAULT_DIGEST = DigestWeights()
F = TypeVar("F", bound="Callable[..., Any]")


@dataclass(frozen=True)
class SummarySentence:
    text: str
    article_id: str
    date: str | None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "article_id": self.article_id, "date": self.date}


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place, merged across a story's articles."""

    name: str
    type: str
    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "type": self.type, "articles": self.articles, "mentions": self.mentions,
                "first_seen": self.first_seen, "last_seen": self.last_seen}


@dataclass(frozen=True)
class StoryTopic:
    qcode: str
    label: str
    articles: int
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"qcode": self.qcode, "label": self.label, "articles": self.articles, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Member:
    """One article of a story, and what it adds to the articles before it."""

    id: str
    date: str | None
    title: str | None
    source: str
    url: str | None
    adds: tuple[str, ...]
    adds_total: int
    duplicates: tuple[Duplicate, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "date": self.date, "title": self.title, "source": self.source, "url": self.url,
                "adds": list(self.adds), "adds_total": self.adds_total,
                "duplicates": [d.to_dict() for d in self.duplicates]}


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    summary: tuple[SummarySentence, ...]
    timeline: tuple[Event, ...]
    undated: tuple[Event, ...]
    actors: tuple[Actor, ...]
    topics: tuple[StoryTopic, ...]
    articles: tuple[Member, ...]

    @property
    def first_date(self) -> str | None:
        return next((m.date for m in self.articles if m.date), None)

    @property
    def last_date(self) -> str | None:
        return next((m.date for m in reversed(self.articles) if m.date), None)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "label": self.label, "first_date": self.first_date, "last_date": self.last_date,
                "summary": [s.to_dict() for s in self.summary], "timeline": [e.to_dict() for e in self.timeline],
                "undated": [e.to_dict() for e in self.undated], "actors": [a.to_dict() for a in self.actors],
                "topics": [t.to_dict() for t in self.topics], "articles": [m.to_dict() for m in self.articles]}


@dataclass(frozen=True)
class Failure:
    id: str
    source: str
    error: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "source": self.source, "error": self.error}


@dataclass(frozen=True)
class Digest:
    """The stories a collection of articles tells: see ``summarizer/data/digest.schema.json``."""

    stories: tuple[Story, ...]
    duplicates: tuple[DuplicateGroup, ...] = ()
    failures: tuple[Failure, ...] = ()
    articles: int = 0
    settings: dict[str, object] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "stories": [s.to_dict() for s in self.stories],
                "duplicates": [g.to_dict() for g in self.duplicates],
                "failures": [f.to_dict() for f in self.failures], "settings": dict(self.settings)}


def _one_blas_thread(fn: F) -> F:
    """``fn`` run with one BLAS thread (:func:`~summarizer.memory.one_blas_thread`): the story level's
    products are small."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with one_blas_thread():
            return fn(*args, **kwargs)
    return cast(F, wrapper)


@_one_blas_thread
def build(articles: Sequence[StoryArticle], failures: Sequence[Failure] = (), *,
          story: StoryWeights = DEFAULT_STORY, dedup: DedupWeights = DEFAULT_DEDUP,
          weights: DigestWeights = DEFAULT_DIGEST, fixed: Mapping[str, str] | None = None) -> Digest:
    """The digest of analysed articles: duplicates first (only the article kept for a group is grouped),
    then stories, each told from its articles.

    ``fixed`` (the story store): article id -> the id of the story it already belongs to. Those stories
    keep their articles and ids, and the other articles join them or make new stories (see ``group``).
    """
    articles = _unique_ids(articles)
    dup_groups = find_duplicates(articles, dedup)
    copies_of = {g.kept: g.copies for g in dup_groups}
    copy_ids = {c.id for g in dup_groups for c in g.copies}
    kept = [a for a in articles if a.id not in copy_ids]
    story_of = _fixed_stories(fixed, dup_groups)
    numbers = {sid: n for n, sid in enumerate(dict.fromkeys(story_of.values()))}
    labels = [numbers[story_of[a.id]] if a.id in story_of else -1 for a in kept] if fixed is not None else None
    stories = []
    for members in group(kept, story, labels):
        known = next((story_of[kept[i].id] for i in members if kept[i].id in story_of), None)
        stories.append(_story([kept[i] for i in members], copies_of, weights, known))
    stories.sort(key=lambda s: (-len(s.articles), _neg_date(s.last_date)))
    return Digest(stories=tuple(stories), duplicates=tuple(dup_groups), failures=tuple(failures),
                  articles=len(articles) + len(failures),
                  settings={"story_threshold": story.threshold})


def _fixed_stories(fixed: Mapping[str, str] | None, dup_groups: Sequence[DuplicateGroup]) -> dict[str, str]:
    """``fixed``, with the article kept for a group of copies in the story of one of its copies when it has
    none of its own (a fuller copy of a stored article stands for it in its story)."""
    story_of = dict(fixed or {})
    for g in dup_groups:
        if g.kept not in story_of:
            inherited = next((story_of[c.id] for c in g.copies if c.id in story_of), None)
            if inherited is not None:
                story_of[g.kept] = inherited
    return story_of


def _unique_ids(articles: Sequence[StoryArticle]) -> list[StoryArticle]:
    """The articles; one whose id another already has gets '#2', '#3' ... added (ids name articles in a digest)."""
    seen: Counter[str] = Counter()
    out = []
    for a in articles:
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}#{seen[a.id]}"))
    return out


def _story(members: list[StoryArticle], copies_of: dict[str, tuple[Duplicate, ...]], w: DigestWeights,
           story_id: str | None = None) -> Story:
    members = sorted(members, key=lambda a: (a.date is None, a.date or ""))  # stable: undated keep input order
    centroid = np.sum([a.vector for a in members], axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    actors = _actors(members)
    found = [e for a in members for e in events(a)]
    dated, undated = order(_distinct_events(found, members, w.repeat))
    return Story(
        id=story_id or "story-" + hashlib.sha1(members[0].id.encode()).hexdigest()[:10],
        label=_label(members, actors, centroid),
        summary=tuple(_summary(members, centroid, w)),
        timeline=tuple(dated),
        undated=tuple(undated),
        actors=tuple(actors),
        topics=tuple(_topics(members)),
        articles=tuple(_members(members, copies_of, w)),
    )


def _summary(members: list[StoryArticle], centroid: np.ndarray, w: DigestWeights) -> list[SummarySentence]:
    """Sentences from across the articles, by MMR around the story's centroid, in date then text order."""
    where: list[tuple[int, int]] = []
    rows = []
    scores = []
    for k, a in enumerate(members):
        for i, sentence in enumerate(a.sentences):
            factor = eligibility(sentence)
            if factor <= 0 or i >= len(a.sentence_vectors):
                continue
            if i and leans_on_previous(sentence, " ".join(a.sentences[max(0, i - 3):i])):
                factor *= w.leaning
            vec = a.sentence_vectors[i]
            where.append((k, i))
            rows.append(vec)
            scores.append(factor * (float(vec @ centroid) + 0.5 * float(vec @ a.vector)) + 0.1 * np.exp(-i / 3))
    if not rows:
        return []
    count = max(w.summary_min, min(w.summary_max, len(members) + 1))
    if len(rows) > w.summary_from:
        best = _pool(np.stack(rows), np.asarray(scores), [members[k].sentences[i] for k, i in where],
                     w.summary_pool, w.repeat)
        where, rows, scores = [where[p] for p in best], [rows[p] for p in best], [scores[p] for p in best]
    vectors, values = np.stack(rows), np.array(scores)
    picked: list[int] = []
    used: Counter[int] = Counter()
    # MMR, first at most one sentence per article, then up to an even share each, so the summary spans the story.
    for cap in (1, -(-count // len(members))):
        while len(picked) < count:
            open_ = [p for p in range(len(rows)) if p not in picked and used[where[p][0]] < cap]
            if not open_:
                break
            near = (vectors[open_] @ vectors[picked].T).max(axis=1) if picked else np.zeros(len(open_))
            value = (1 - w.diversity) * values[open_] - w.diversity * near
            value[near >= w.repeat] = -np.inf
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            picked.append(open_[best])
            used[where[open_[best]][0]] += 1
    picked.sort(key=lambda p: where[p])
    return [SummarySentence(members[where[p][0]].sentences[where[p][1]], members[where[p][0]].id,
                            members[where[p][0]].date) for p in picked]


def _pool(vectors: np.ndarray, values: np.ndarray, texts: Sequence[str], size: int, repeat: float,
          block: int = 512) -> list[int]:
    """Up to ``size`` rows, best value first, skipping a row whose text is one already seen or that
    repeats (cosine ``repeat`` or more) one already taken, in their original order. Of the rows with a
    text of their own only the ``4 * size`` best-valued are compared, a block at a time, so the cost is
    bounded, and a story whose best sentences are one wire sentence repeated still fills its pool with
    different ones."""
    taken: list[int] = []
    seen: set[str] = set()
    order_list: list[int] = []
    for p in np.argsort(-values, kind="stable").tolist():
        if texts[p] not in seen:
            seen.add(texts[p])
            order_list.append(p)
            if len(order_list) == 4 * size:
                break
    order = np.array(order_list, dtype=np.int64)
    for lo in range(0, len(order), block):
        rows = order[lo : lo + block]
        fresh = (vectors[rows] @ vectors[taken].T).max(axis=1) < repeat if taken else np.ones(len(rows), bool)
        inner = vectors[rows] @ vectors[rows].T
        mine: list[int] = []  # positions in this block taken so far
        for r in np.flatnonzero(fresh):
            if mine and inner[r, mine].max() >= repeat:
                continue
            mine.append(int(r))
            if len(taken) + len(mine) == size:
                break
        taken.extend(int(rows[r]) for r in mine)
        if len(taken) == size:
            break
    return sorted(taken)


def _distinct_events(found: list[Event], members: list[StoryArticle], repeat: float) -> list[Event]:
    """The events, less those that repeat an earlier article's event of the same date.

    The kept events' vectors of each date are held in one matrix (grown by doubling), so an event is
    compared with all of its date's in one product: a story of thousands of articles on one day costs
    a matrix product per event, not a Python loop over the others."""
    by_id = {a.id: a for a in members}
    kept: list[Event] = []
    on_date: dict[str | None, _Block] = {}
    for e in found:
        a = by_id[e.article_id]
        i = a.sentences.index(e.sentence)
        if i < len(a.sentence_vectors):
            vec = a.sentence_vectors[i]
            block = on_date.get(e.date)
            if block is None:
                block = on_date[e.date] = _Block(vec.shape[0], vec.dtype)
            if block.repeats(vec, e.article_id, repeat):
                continue
            block.add(vec, e.article_id)
        kept.append(e)
    return kept


class _Block:
    """Vectors and the article each came from, in a matrix that grows by doubling."""

    def __init__(self, dim: int, dtype: np.dtype) -> None:
        self.vectors = np.empty((8, dim), dtype=dtype)
        self.articles: list[str] = []

    def repeats(self, vec: np.ndarray, article_id: str, repeat: float) -> bool:
        """Whether a vector of another article is at least ``repeat`` close to ``vec``."""
        n = len(self.articles)
        if not n:
            return False
        close = np.flatnonzero(self.vectors[:n] @ vec >= repeat)
        return any(self.articles[c] != article_id for c in close)

    def add(self, vec: np.ndarray, article_id: str) -> None:
        n = len(self.articles)
        if n == len(self.vectors):
            self.vectors = np.concatenate([self.vectors, np.empty_like(self.vectors)])
        self.vectors[n] = vec
        self.articles.append(article_id)


def _members(members: list[StoryArticle], copies_of: dict[str, tuple[Duplicate, ...]],
             w: DigestWeights) -> list[Member]:
    """Each article with what it adds: its sentences that none of the earlier articles closest to it
    (``w.compare_with`` of them, by article vector, among the ``w.lookback`` before it, so a long story
    costs no more per article) said."""
    out = []
    vectors = np.stack([a.vector for a in members])
    for k, a in enumerate(members):
        earlier: Sequence[int] = range(k)
        if k > w.compare_with:
            lo = max(0, k - w.lookback)
            sims = vectors[lo:k] @ a.vector
            earlier = (lo + np.argpartition(-sims, w.compare_with - 1)[: w.compare_with]).tolist()
        n = min(len(a.sentences), len(a.sentence_vectors))
        said = [members[j].sentence_vectors for j in earlier if len(members[j].sentence_vectors)]
        closest = np.full(n, -1.0, dtype=np.float32)
        if n and said:  # one product with every sentence of the earlier articles compared with
            closest = (a.sentence_vectors[:n] @ np.concatenate(said).T).max(axis=1)
        new = [sentence for sentence, near in zip(a.sentences[:n], closest, strict=True)
               if near < w.repeat and eligibility(sentence) > 0]
        out.append(Member(a.id, a.date, a.title, a.source, a.url, tuple(new[: w.adds_max]), len(new),
                          copies_of.get(a.id, ())))
    return out


def _actors(members: list[StoryArticle]) -> list[Actor]:
    """People, organisations and places, one per name across the articles (a surname alone counts toward
    the one full name of a person that ends with it), their type voted by mentions."""
    full = defaultdict(set)
    for a in members:
        for e in a.entities:
            words = e.text.split()
            if e.type == "person" and len(words) > 1:
                full[words[-1].casefold()].add(e.text.casefold())
    names: dict[str, Counter[str]] = defaultdict(Counter)  # key -> spelling counts
    types: dict[str, Counter[str]] = defaultdict(Counter)
    seen_in: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    for a in members:
        for e in _split_people(a):
            key = e.text.casefold()
            if " " not in key and len(full.get(key, ())) == 1:
                key = next(iter(full[key]))
            else:
                names[key][e.text] += e.count
            types[key][e.type] += e.count
            if a.id not in seen_in[key]:
                seen_in[key].add(a.id)
                if a.date:
                    dates[key].append(a.date)
    out = []
    for key in types:
        spelling = names[key].most_common(1)[0][0] if names[key] else key.title()
        vote = types[key].most_common()
        kind = max(vote, key=lambda kv: (kv[1], kv[0] == "person"))[0]
        out.append(Actor(spelling, kind, len(seen_in[key]), sum(types[key].values()),
                         min(dates[key]) if dates[key] else None, max(dates[key]) if dates[key] else None))
    out.sort(key=lambda x: (-x.articles, -x.mentions, x.name))
    return out


_ORG_WORDS = frozenset("""council republic assembly ministry committee commission agency parliament party union
bank court office house group company association federation organisation organization department""".split())
_NAME_PAIR = re.compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)$")


def _split_people(article: StoryArticle) -> list[Entity]:
    """The article's entities, with a person's name run on to the end of an organisation's ('Council of the
    Republic Natalya Kochanova') taken out as that person, when the two words also stand on their own in
    the text. The language model makes that mistake where a title runs into the name."""
    out = []
    for e in article.entities:
        m = _NAME_PAIR.search(e.text) if e.type == "organization" and len(e.text.split()) > 2 else None
        if m is not None and not {w.casefold() for w in m.groups()} & _ORG_WORDS:
            pair = m.group(0)
            alone = len(re.findall(rf"(?<![\w ]){re.escape(pair)}\b|(?<=[.,;:] ){re.escape(pair)}\b|"
                                   rf"^{re.escape(pair)}\b", article.text, re.MULTILINE))
            if alone:
                rest = e.text[: m.start()].strip()
                out.append(Entity(pair, "person", e.count))
                if len(rest.split()) > 1:
                    out.append(Entity(rest, "organization", e.count))
                continue
        out.append(e)
    return out


def _topics(members: list[StoryArticle], k: int = 3) -> list[StoryTopic]:
    score: dict[str, float] = defaultdict(float)
    count: Counter[str] = Counter()
    label: dict[str, str] = {}
    for a in members:
        for t in a.topics:
            score[t.qcode] += t.score
            count[t.qcode] += 1
            label[t.qcode] = t.label
    best = sorted(score, key=lambda q: (-count[q], -score[q]))[:k]
    return [StoryTopic(q, label[q], count[q], score[q] / len(members)) for q in best]


def _label(members: list[StoryArticle], actors: list[Actor], centroid: np.ndarray) -> str:
    """The title of a one-article story; for more, the names most of its articles share (places first,
    then people), else the title closest to the story's centroid, else its first sentence's opening."""
    if len(members) > 1:
        shared = [x for x in actors if x.articles >= max(2, len(members) / 3)]
        places = [x.name for x in shared if x.type == "place"][:2]
        people = [x.name for x in shared if x.type != "place"][:2]
        if places and people:
            return f"{' and '.join(places)}: {', '.join(people)}"
    titled = [a for a in members if a.title]
    if titled:
        return max(titled, key=lambda a: float(a.vector @ centroid)).title or ""
    first = members[0].sentences[0] if members[0].sentences else members[0].id
    words = first.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def _neg_date(date: str | None) -> str:
    """A key that sorts later dates first (undated last)."""
    if not date:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)
