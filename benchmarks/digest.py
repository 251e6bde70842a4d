"""Scale of the story level: grouping time on top of the per-article pass, and peak memory.

    python benchmarks/digest.py [--eval-dir ../shared/eval] [--pool 300] [--sizes 2500,5000,10000,20000]
                                [--cache /tmp/pool.pkl | --pool-from /tmp/dedup.pkl]

The per-article pass (the real pipeline, ``run_for_stories``) is timed on ``--pool`` BBC articles;
its time for N articles is that rate times N. The story level is then timed on N articles made from
the pool's analysed sentences (each: 6-12 sentences drawn from three pool articles, with their
vectors, names, a topic and a date within two years), since analysing 20,000 articles would take
this shared machine hours: near-duplicate search, story grouping (exact neighbours below 2,000
articles, the usearch index above) and the whole digest (summaries, timelines, actors) for each N.
Prints the seconds and the share of the per-article pass for each stage, seconds per 1,000 articles
(flat when growth is linear), and the process's peak memory (no model is loaded when the pool comes
from --cache).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_data import EVAL_DIR, analyse, load_rows  # noqa: E402


def synthesize(pool: list, n: int, seed: int = 16) -> list:
    """``n`` StoryArticles mixed from the pool's sentences (see the module's docstring)."""
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
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--pool", type=int, default=300)
    parser.add_argument("--sizes", default="2500,5000,10000,20000")
    parser.add_argument("--cache", type=Path, default=None, help="keep the analysed pool in this pickle")
    parser.add_argument("--pool-from", type=Path, default=None,
                        help="take the pool, and its pass time, from the pickle of another story benchmark's --cache")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()

    from summarizer.records import Article
    from summarizer.stories.dedup import find_duplicates
    from summarizer.stories.digest import build
    from summarizer.stories.group import group

    if args.pool_from is not None:
        import pickle

        with args.pool_from.open("rb") as fh:
            saved = pickle.load(fh)
        pool, seconds = saved["articles"], saved["seconds"]
    else:
        rows = load_rows(args.eval_dir, "bbc_news_summary.jsonl", args.pool)
        pool, seconds = analyse([Article(id=r["id"], text=r["text"], title=r.get("title"), source="bbc")
                                 for r in rows], args.cache, args.jobs)
    if not seconds:
        raise SystemExit("the pool's pickle has no pass time; delete it and run again")
    rate = len(pool) / seconds
    print(f"per-article pass: {len(pool)} articles in {seconds:.1f} s ({rate:.2f} articles/s on this machine now)")
    print(f"{'articles':>8} {'pass (est.)':>12} {'dedup':>8} {'group':>8} {'digest':>8} {'share':>6} "
          f"{'s/1k':>6} {'peak MB':>8}")
    for n in (int(x) for x in args.sizes.split(",")):
        articles = synthesize(pool, n)
        t0 = time.perf_counter()
        find_duplicates(articles)
        t1 = time.perf_counter()
        group(articles)
        t2 = time.perf_counter()
        digest = build(articles)
        t3 = time.perf_counter()
        est = n / rate
        print(f"{n:>8} {est:>11.0f}s {t1 - t0:>7.1f}s {t2 - t1:>7.1f}s {t3 - t2:>7.1f}s {100 * (t3 - t2) / est:>5.1f}% "
              f"{1000 * (t3 - t2) / n:>6.2f} {peak_mb():>8.0f}   ({len(digest.stories)} stories)")
    print("digest = the whole story level (duplicates, grouping, every story told); share = digest / pass")


if __name__ == "__main__":
    main()
