"""Scale of the story level: its time on top of the per-article pass, how it grows, and peak memory.

    python benchmarks/digest.py [--eval-dir ../shared/eval] [--pool 300 | --pool-from /tmp/stories.pkl]
                                [--cache /tmp/pool.pkl] [--sizes 2500,5000,10000,20000]
                                [--mode stories|mixed] [--pass-rate 14] [--pass-sample 40]

Analysing 20,000 articles would take this shared machine hours, so the story level is timed on
articles made from a pool of really analysed ones (``--pool`` BBC articles through the real pipeline,
``run_for_stories``, or the pickle another story benchmark's ``--cache`` wrote, ``--pool-from``): their
sentences, sentence vectors, names, topics and date mentions.

``--mode stories`` (the default) builds a collection shaped like a news feed:

- story sizes are heavy-tailed: P(size >= s) = s ** -1.1 (a Pareto law: most stories are one
  article, a few are huge), capped at a tenth of the collection, drawn until N articles are
  reached. At 20,000 articles (seed 16) that is 3,364 stories, about half of them one article,
  27 of a hundred or more, the largest 1,515;
- each story starts from one pool article; a member keeps about 70% of its sentences (at least
  two) and adds one or two sentences of another pool article (what a follow-up adds). A random
  third of its words get a spelling of the member's own (a two-letter tag), so two members share few
  word shingles and are not near-duplicates of each other, while the sentences still read as
  sentences to the code (length, capitals, end marks);
- vectors: the stories come in families of as many stories as the pool has articles, each pool
  article the base of one story of a family. Each family gets its own random signed permutation of
  the 384 dimensions, applied to each vector less the pool's mean vector. Within a family two
  stories are as close as their two real base articles (so a business story has the neighbours a
  real one has, of other business stories), while stories of two families made from the same pool
  article are unrelated (the common direction all sentence vectors share is kept, so they are as
  close as real unrelated articles, not orthogonal). Each member's sentence vectors get noise (one
  shift for the whole member and a little per sentence), so a member is near, not equal to, the
  others of its story (cosine 0.64 on average, against 0.67 for the labelled stories of
  ``benchmarks/stories.py``);
- about one member in ten is an altered copy of an earlier member of its story (one sentence cut,
  one sentence of boilerplate added, its vectors nudged): the near-duplicates;
- dates: a story starts on a random day of two years and its articles follow it over days to
  weeks (longer for large stories).

``--mode mixed`` is the former workload: each article is 6-12 sentences drawn from three pool
articles. Its neighbours and near-copies get denser as N grows (every article reuses one small pool),
so it measures more than growth with N; it is kept for comparison.

For each N the whole story level runs once (``digest.build``); its three parts are timed inside that
run: near-duplicate search, story grouping, and telling every story (summary, timeline, actors, what
each article adds). Printed per N: its wall-clock seconds, its CPU seconds and those of each part (on
shared cores the wall clock measures the neighbours' load as much as the code), CPU seconds per 1,000
articles (flat when growth is linear), the process's peak RSS, the number of stories and the largest,
and (stories mode) B-cubed F1 of the stories and the share of copies found against the truth the
collection was made with; then the share of the per-article pass. The share needs the per-article pass's rate: ``--pass-rate``
(articles/s), else the rate of the pool's own pass when it was analysed in this run, else a pass over
``--pass-sample`` BBC articles timed after the sizes (so the model's memory is not in their peaks).
The machine's load average is printed with it: on shared cores the rate, and so the share, moves
with the load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import random
import resource
import string
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_data import EVAL_DIR, analyse, load_rows  # noqa: E402

PARETO_ALPHA = 1.1
COPY_SHARE = 0.1
BOILERPLATE = "Follow us on social networks for more stories like this one."


def synthesize_mixed(pool: list, n: int, seed: int = 16) -> tuple[list, list[int], list[tuple[str, str]]]:
    """``n`` StoryArticles mixed from the pool's sentences (the former workload); no story truth."""
    from summarizer.stories.article import StoryArticle

    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    out = []
    for k in range(n):
        sources = rng.sample(pool, 3)
        picks = []
        for a in sources:
            m = len(a.sentences)
            for i in sorted(rng.sample(range(m), min(m, rng.randint(2, 4)))):
                picks.append((a, i))
        sentences = tuple(a.sentences[i] for a, i in picks)
        vecs = np.stack([a.sentence_vectors[i] for a, i in picks]).astype(np.float32)
        vec = vecs.mean(axis=0)
        entities = tuple({e.text: e for a in sources for e in a.entities[:4]}.values())
        date = (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        out.append(StoryArticle(id=f"s{k}", source="synthetic", text=" ".join(sentences), sentences=sentences,
                                sentence_vectors=vecs, vector=vec / np.linalg.norm(vec), title=None, date=date,
                                entities=entities, topics=sources[0].topics[:2],
                                date_mentions=tuple(dm for dm in sources[0].date_mentions if dm[0] < len(sentences))))
    return out, [], []


def story_sizes(n: int, rng: random.Random) -> list[int]:
    """Heavy-tailed story sizes summing to ``n`` (see the module's docstring)."""
    cap = max(1, n // 10)
    sizes: list[int] = []
    left = n
    while left > 0:
        size = min(cap, left, int(rng.paretovariate(PARETO_ALPHA)))
        sizes.append(size)
        left -= size
    return sizes


def _retag(sentence: str, tag: str, rng: random.Random) -> str:
    """The sentence with a third of its words (not the first) spelled with ``tag`` at their end."""
    words = sentence.split(" ")
    for w in range(1, len(words)):
        if words[w][-1:].isalpha() and rng.random() < 1 / 3:
            words[w] += tag
    return " ".join(words)


def synthesize_stories(pool: list, n: int, seed: int = 16) -> tuple[list, list[int], list[tuple[str, str]]]:
    """``n`` StoryArticles in stories of heavy-tailed sizes, the story each belongs to (copies in their
    original's story), and the (copy, original) id pairs of the near-duplicates; see the module's docstring."""
    from summarizer.stories.article import StoryArticle

    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    usable = [a for a in pool if len(a.sentences) >= 3 and len(a.sentence_vectors) == len(a.sentences)]
    dim = usable[0].vector.shape[0]
    mean = np.mean([v for a in usable for v in a.sentence_vectors], axis=0).astype(np.float32)
    start = dt.date(2023, 1, 1)
    out: list = []
    truth: list[int] = []
    copies: list[tuple[str, str]] = []
    bases = usable[:]
    for s, size in enumerate(story_sizes(n, rng)):
        if s % len(bases) == 0:  # a new family: each pool article the base of one of its stories
            rng.shuffle(bases)
            perm = nprng.permutation(dim)
            signs = nprng.choice(np.array([-1.0, 1.0], dtype=np.float32), dim)

        def turn(v: np.ndarray, perm: np.ndarray = perm, signs: np.ndarray = signs) -> np.ndarray:
            return mean + ((v - mean)[..., perm] * signs)

        base = bases[s % len(bases)]
        day0 = rng.randrange(730)
        spread = 2.0 + 4.0 * np.log1p(size)
        made: list = []
        for m in range(size):
            date = (start + dt.timedelta(days=day0 + int(rng.expovariate(1 / spread)) if m else day0)).isoformat()
            if made and rng.random() < COPY_SHARE:
                orig = rng.choice(made)
                keep = list(range(len(orig.sentences)))
                if len(keep) >= 4:
                    keep.pop(rng.randrange(1, len(keep)))
                sentences = tuple(orig.sentences[i] for i in keep) + (BOILERPLATE,)
                vecs = np.vstack([orig.sentence_vectors[keep], orig.sentence_vectors[-1:]])
                vecs = vecs + nprng.normal(0, 0.01, vecs.shape).astype(np.float32)
                mentions = tuple((keep.index(i), t) for i, t in orig.date_mentions if i in keep)
                entities, topics, title = orig.entities, orig.topics, orig.title
                date = orig.date
                copies.append((f"s{s}-{m}", orig.id))
            else:
                other = rng.choice(usable)
                keep = [i for i in range(len(base.sentences)) if i == 0 or rng.random() < 0.7]
                if len(keep) < 2:
                    keep = [0, 1]
                extra = sorted(rng.sample(range(len(other.sentences)), min(len(other.sentences), rng.randint(1, 2))))
                tag = "".join(rng.choice(string.ascii_lowercase) for _ in range(2))
                sentences = tuple(_retag(base.sentences[i], tag, rng) for i in keep) + tuple(
                    _retag(other.sentences[i], tag, rng) for i in extra)
                raw = np.vstack([base.sentence_vectors[keep], other.sentence_vectors[extra]]).astype(np.float32)
                shift = nprng.normal(0, 0.35 / np.sqrt(dim), dim).astype(np.float32)
                vecs = turn(raw) + shift + nprng.normal(0, 0.3 / np.sqrt(dim), raw.shape).astype(np.float32)
                mentions = tuple((keep.index(i), t) for i, t in base.date_mentions if i in keep)
                entities = tuple({e.text: e for e in (*base.entities[:6], *other.entities[:2])}.values())
                topics = base.topics[:2]
                title = _retag(base.title, tag, rng) if base.title else None
            vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
            vec = vecs.mean(axis=0)
            article = StoryArticle(id=f"s{s}-{m}", source="synthetic", text=" ".join(sentences), sentences=sentences,
                                   sentence_vectors=vecs, vector=vec / np.linalg.norm(vec), title=title, date=date,
                                   entities=entities, topics=topics, date_mentions=mentions)
            made.append(article)
            out.append(article)
            truth.append(s)
    order = list(range(len(out)))
    rng.shuffle(order)  # a feed interleaves its stories
    return [out[i] for i in order], [truth[i] for i in order], copies


def bcubed_f1(found: list[list[str]], truth: dict[str, int]) -> float:
    """B-cubed F1 of ``found`` (lists of ids) against the story each id was made for."""
    cluster = {i: k for k, ids in enumerate(found) for i in ids}
    size_found = Counter(cluster.values())
    size_true = Counter(truth.values())
    both = Counter((cluster[i], truth[i]) for i in cluster)
    p = sum(both[(cluster[i], truth[i])] / size_found[cluster[i]] for i in cluster) / len(cluster)
    r = sum(both[(cluster[i], truth[i])] / size_true[truth[i]] for i in cluster) / len(cluster)
    return 2 * p * r / (p + r) if p + r else 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(fn: Callable, spent: dict[str, float], key: str) -> Callable:
    """``fn``, adding the CPU seconds of each call to ``spent[key]``."""
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - t0
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--pool", type=int, default=300, help="BBC articles analysed for the pool")
    parser.add_argument("--sizes", default="2500,5000,10000,20000")
    parser.add_argument("--mode", choices=("stories", "mixed"), default="stories")
    parser.add_argument("--cache", type=Path, default=None, help="keep the analysed pool in this pickle")
    parser.add_argument("--pool-from", type=Path, default=None,
                        help="take the pool from the pickle of another story benchmark's --cache")
    parser.add_argument("--pass-rate", type=float, default=None,
                        help="articles/s of the per-article pass, for the share (default: measured in this run)")
    parser.add_argument("--pass-sample", type=int, default=40,
                        help="BBC articles timed for the pass rate when it is not otherwise known")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    from summarizer.records import Article
    from summarizer.stories import digest as digest_module

    rate = args.pass_rate
    if args.pool_from is not None:
        with args.pool_from.open("rb") as fh:
            pool = pickle.load(fh)["articles"]
    else:
        rows = load_rows(args.eval_dir, "bbc_news_summary.jsonl", args.pool)
        pool, seconds = analyse([Article(id=r["id"], text=r["text"], title=r.get("title"), source="bbc")
                                 for r in rows], args.cache, args.jobs)
        if rate is None and seconds:
            rate = len(pool) / seconds
            print(f"per-article pass: {len(pool)} articles in {seconds:.1f} s ({rate:.2f} articles/s)")
    print(f"pool: {len(pool)} analysed articles; mode {args.mode}; load average at start "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores; RSS {peak_mb():.0f} MB")
    spent: dict[str, float] = Counter()
    digest_module.find_duplicates = timed(digest_module.find_duplicates, spent, "dedup")
    digest_module.group = timed(digest_module.group, spent, "group")
    make = synthesize_stories if args.mode == "stories" else synthesize_mixed
    rows_out = []
    print(f"{'articles':>8} {'wall':>7} {'cpu':>7} {'dedup':>7} {'group':>7} {'stories':>7} {'cpu/1k':>6} {'peak MB':>8} "
          f"{'stories':>8} {'largest':>8} {'F1':>6} {'copies':>7}")
    for n in (int(x) for x in args.sizes.split(",")):
        articles, truth, copies = make(pool, n, args.seed)
        spent.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        digest = digest_module.build(articles)
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
        tell = cpu - spent["dedup"] - spent["group"]
        quality = ""
        if truth:
            story_of = {a.id: t for a, t in zip(articles, truth, strict=True)}
            found = [[m.id for m in s.articles] + [d.id for m in s.articles for d in m.duplicates]
                     for s in digest.stories]
            dup_group = {i: k for k, g in enumerate(digest.duplicates) for i in (g.kept, *(d.id for d in g.copies))}
            got = sum(1 for c, o in copies if c in dup_group and dup_group[c] == dup_group.get(o))
            quality = f"{bcubed_f1(found, story_of):>6.3f} {100 * got / len(copies):>6.1f}%"
        largest = max(len(s.articles) for s in digest.stories)
        rows_out.append((n, total, cpu))
        print(f"{n:>8} {total:>6.1f}s {cpu:>6.1f}s {spent['dedup']:>6.1f}s {spent['group']:>6.1f}s {tell:>6.1f}s "
              f"{1000 * cpu / n:>6.2f} {peak_mb():>8.0f} {len(digest.stories):>8} {largest:>8} {quality}", flush=True)
        del articles, digest
    print("wall = the whole story level (digest.build), wall clock; cpu = its CPU seconds (all threads), of "
          "which dedup = near-duplicate search, group = story grouping, stories = telling every story; "
          "cpu/1k = CPU seconds per 1,000 articles (flat when growth is linear); peak MB = the process's peak "
          "RSS so far; F1 = B-cubed F1 of the stories against the made ones; copies = share of the made "
          "near-duplicates grouped with their original")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    if rate is None:
        rows = load_rows(args.eval_dir, "bbc_news_summary.jsonl", args.pass_sample)
        sample, seconds = analyse([Article(id=r["id"], text=r["text"], title=r.get("title"), source="bbc")
                                    for r in rows], None, args.jobs)
        rate = len(sample) / seconds
        print(f"per-article pass measured now: {len(sample)} BBC articles in {seconds:.1f} s, model loaded "
              f"({rate:.2f} articles/s; load average {load})")
    for n, total, cpu in rows_out:
        est = n / rate
        print(f"{n:>8} articles: pass {est:>7.0f} s at {rate:.2f} articles/s; story level {total:.1f} s wall = "
              f"{100 * total / est:.1f}% of it, {cpu:.1f} s CPU = {100 * cpu / est:.1f}%")


if __name__ == "__main__":
    main()
