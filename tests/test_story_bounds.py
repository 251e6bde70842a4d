"""The story level's bounds for large stories: the summary's candidate pool, the look-back of what an
article adds, and events compared per date in one matrix. Small synthetic StoryArticles with vectors
made here (one random unit vector per distinct sentence), so the tests say exactly what is close."""

from __future__ import annotations

import random

import numpy as np

from summarizer.stories.article import StoryArticle
from summarizer.stories.digest import DigestWeights, _distinct_events, _members, _pool, _summary, build
from summarizer.stories.timeline import Event

DIM = 48
WORDS = ("harbour council vote budget river bridge school teacher storm flood farmer price market bank rate "
         "minister talks border trade oil gas court judge appeal hospital nurse strike union wage rail").split()


class Sentences:
    """Made-up sentences, each with its own random unit vector (the same sentence, the same vector)."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.nprng = np.random.default_rng(seed)
        self.vectors: dict[str, np.ndarray] = {}

    def new(self) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(8, 14))]
        return " ".join(words).capitalize() + f" {len(self.vectors)}."

    def vector(self, sentence: str) -> np.ndarray:
        if sentence not in self.vectors:
            v = self.nprng.standard_normal(DIM).astype(np.float32)
            self.vectors[sentence] = v / np.linalg.norm(v)
        return self.vectors[sentence]

    def article(self, id: str, sentences: list[str], date: str | None = "2024-03-01") -> StoryArticle:
        vecs = np.stack([self.vector(s) for s in sentences])
        mean = vecs.mean(axis=0)
        return StoryArticle(id=id, source="test", text=" ".join(sentences), sentences=tuple(sentences),
                            sentence_vectors=vecs, vector=mean / np.linalg.norm(mean), date=date)


def test_the_pool_takes_the_best_values_skipping_repeats_and_keeps_the_original_order():
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((1200, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[[7, 900, 1100]] = vectors[3]  # three repeats of row 3
    values = rng.random(1200)
    values[[3, 7, 900, 1100]] = [5.0, 6.0, 4.0, 3.0]  # the best four: one sentence said four times
    texts = [f"sentence {i}" for i in range(1200)]
    texts[500] = texts[10]  # the same words twice (another vector): the better-valued stands for both
    values[[10, 500]] = [2.0, 2.5]
    taken = _pool(vectors, values, texts, 100, repeat=0.8, block=64)
    assert len(taken) == 100 and taken == sorted(taken)
    assert 7 in taken and not {3, 900, 1100} & set(taken)  # the best of the repeats only
    assert 500 in taken and 10 not in taken
    others = [int(i) for i in np.argsort(-values) if i not in (3, 7, 900, 1100, 10)][:99]
    assert set(taken) == {7, *others}  # then the best values, however far down the order


def test_a_story_of_two_thousand_articles_sharing_a_wire_lead_gets_a_full_summary_of_different_sentences():
    s = Sentences(2)
    wire = s.new()
    members = [s.article(f"a{k}", [wire, s.new(), s.new()], f"2024-03-{1 + k % 28:02d}") for k in range(2000)]
    centroid = np.sum([a.vector for a in members], axis=0)
    centroid /= np.linalg.norm(centroid)
    weights = DigestWeights()
    assert 3 * len(members) > weights.summary_from  # the story is told from its pool, not all 6,000 sentences
    summary = _summary(members, centroid, weights)
    texts = [x.text for x in summary]
    assert len(summary) == weights.summary_max
    assert texts.count(wire) == 1  # the wire sentence the 2,000 articles share, once
    assert len({x.article_id for x in summary}) == len(summary)  # one sentence per article


def test_a_story_within_the_pool_is_told_as_from_all_its_sentences():
    s = Sentences(3)
    members = [s.article(f"a{k}", [s.new() for _ in range(8)], f"2024-03-{1 + k:02d}") for k in range(12)]
    centroid = np.sum([a.vector for a in members], axis=0)
    centroid /= np.linalg.norm(centroid)
    small = DigestWeights(summary_from=40, summary_pool=40)  # 96 sentences: the pool is used
    unbounded = DigestWeights(summary_from=10**6)
    assert _summary(members, centroid, DigestWeights()) == _summary(members, centroid, unbounded)
    assert len(_summary(members, centroid, small)) == len(_summary(members, centroid, unbounded))


def test_what_an_article_adds_is_compared_with_the_articles_of_its_look_back_window():
    s = Sentences(4)
    said = s.new()
    first = s.article("first", [said, s.new()], "2024-01-01")
    between = [s.article(f"b{k}", [s.new(), s.new()], f"2024-01-{2 + k:02d}") for k in range(12)]
    late = s.article("late", [said, s.new()], "2024-02-01")
    members = [first, *between, late]
    window = _members(members, {}, DigestWeights(compare_with=2, lookback=5))
    everything = _members(members, {}, DigestWeights(compare_with=100, lookback=100))
    assert said in window[-1].adds and window[-1].adds_total == 2  # 'first' is 13 articles back, past the window
    assert said not in everything[-1].adds and everything[-1].adds_total == 1


def test_events_of_a_date_repeat_only_across_articles_however_many_share_the_date():
    s = Sentences(5)
    lead, second, other = s.new(), s.new(), s.new()
    s.vectors[second] = s.vector(lead)  # the article's own second event says the same as its lead
    articles = [s.article("a0", [lead, second])] + [s.article(f"a{k}", [lead if k % 2 else other, s.new()])
                                                    for k in range(1, 300)]
    found = [Event(a.sentences[i], a.id, a.date, "2024-03-01", "day") for a in articles for i in range(2)]
    kept = _distinct_events(found, articles, repeat=0.8)
    kept_lead = [e for e in kept if e.sentence in (lead, second)]
    assert [(e.article_id, e.sentence) for e in kept_lead] == [("a0", lead), ("a0", second)]
    assert [e.article_id for e in kept if e.sentence == other] == ["a2"]
    assert len(kept) == 3 + 299  # and each article's own new sentence


def test_build_tells_a_long_story_with_its_bounds_and_keeps_every_member():
    n = 60
    s = Sentences(6)
    core = [s.new() for _ in range(3)]
    members = [s.article(f"a{k}", [*core, s.new()], f"2024-03-{1 + k % 28:02d}") for k in range(n)]
    digest = build(members, weights=DigestWeights(compare_with=5, lookback=10, summary_from=30, summary_pool=30))
    assert [len(story.articles) for story in digest.stories] == [n]
    story = digest.stories[0]
    assert sum(m.adds_total for m in story.articles) == 3 + n  # the core once, then each article's own
    assert 3 <= len(story.summary) <= 6


def test_a_sentence_leaning_on_the_one_before_it_gives_way_in_the_story_summary():
    s = Sentences(5)
    lead = s.new()
    leaning = "Furthermore, he said that the harbour council vote would come in May."
    plain = "The harbour council vote on the river bridge budget will come in May."
    a = s.article("a", [lead, leaning, s.new()])
    b = s.article("b", [s.new(), s.new()])
    # The two sentences say the same (one vector), so a summary holds one of them at most: never the one
    # that leans on what came before it in its article.
    s.vectors[plain] = s.vector(leaning)
    c = s.article("c", [s.new(), s.new(), s.new(), s.new(), plain])  # later, in a longer article: valued less
    centroid = np.mean([x.vector for x in (a, b, c)], axis=0)
    centroid /= np.linalg.norm(centroid)
    texts = [x.text for x in _summary([a, b, c], centroid, DigestWeights())]
    assert leaning not in texts
    texts = [x.text for x in _summary([a, b, c], centroid, DigestWeights(leaning=1.0))]
    assert leaning in texts and plain not in texts  # without the rule, the better-valued one
