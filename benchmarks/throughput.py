"""Throughput of the default pipeline against its floor: one bare embedding pass over the same sentences.

    python benchmarks/throughput.py [--data ../shared/eval/bbc_news_summary.jsonl] [--n 300] [--json]

Prints, from one run on this machine: the full pipeline (summary, IPTC topics, keywords,
entities) in articles per second, with and without model loading; the bare all-MiniLM-L6-v2
pass over exactly the sentences the pipeline embedded; their ratio; peak memory. Times on a
shared machine are noisy, so compare the ratio, not the absolute figures, across runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "bbc_news_summary.jsonl"


def load_articles(path: Path, n: int):
    from summarizer.records import Article

    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if len(out) >= n:
                break
            row = json.loads(line)
            out.append(Article(id=str(row.get("id", i)), text=row["text"], source=f"{path.name}:{i + 1}",
                               title=row.get("title")))
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"no data file at {args.data}; give one with --data (JSON Lines with a 'text' field)")
    articles = load_articles(args.data, args.n)

    from summarizer import Summarizer
    from summarizer.stages.clean import clean

    t0 = time.perf_counter()
    s = Summarizer(batch_size=args.batch_size)
    s.pipeline.load()
    t_loaded = time.perf_counter()
    results = list(s.summarize_batch(articles))
    t_done = time.perf_counter()
    failed = sum(not r.ok for r in results)

    # The same sentences (and titles) the pipeline embedded, for the bare pass. Not timed.
    cleaned = [clean(a.text, a.title) for a in articles]
    analyses = s.pipeline.analyzer.analyze_batch([c.text for c in cleaned])
    sentences = [sp.text for an in analyses for sp in an.sentences] + [c.title for c in cleaned if c.title]
    pipeline_peak = peak_rss_mb()

    from sentence_transformers import SentenceTransformer

    from summarizer.backends.sbert import packaged_minilm_path

    b0 = time.perf_counter()
    model = SentenceTransformer(str(packaged_minilm_path()), device="cpu")
    b_loaded = time.perf_counter()
    model.encode(sentences, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    b_done = time.perf_counter()

    n = len(articles)
    fig = {
        "articles": n,
        "failed": failed,
        "sentences": len(sentences),
        "pipeline_seconds_total": round(t_done - t0, 2),
        "pipeline_seconds_load": round(t_loaded - t0, 2),
        "pipeline_articles_per_second": round(n / (t_done - t0), 2),
        "pipeline_articles_per_second_warm": round(n / (t_done - t_loaded), 2),
        "embedding_seconds_total": round(b_done - b0, 2),
        "embedding_seconds_load": round(b_loaded - b0, 2),
        "embedding_articles_per_second": round(n / (b_done - b0), 2),
        "embedding_articles_per_second_warm": round(n / (b_done - b_loaded), 2),
        "ratio_total": round((t_done - t0) / (b_done - b0), 2),
        "ratio_warm": round((t_done - t_loaded) / (b_done - b_loaded), 2),
        "peak_rss_mb_after_pipeline": round(pipeline_peak, 1),
    }
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        print(f"{n} articles ({fig['sentences']} sentences) from {args.data.name}; {failed} failed")
        print(f"full pipeline : {fig['pipeline_seconds_total']:7.2f} s  {fig['pipeline_articles_per_second']:6.2f} art/s"
              f"  (warm, without {fig['pipeline_seconds_load']} s of loading: "
              f"{fig['pipeline_articles_per_second_warm']:.2f} art/s)")
        print(f"bare embedding: {fig['embedding_seconds_total']:7.2f} s  {fig['embedding_articles_per_second']:6.2f} art/s"
              f"  (warm, without {fig['embedding_seconds_load']} s of loading: "
              f"{fig['embedding_articles_per_second_warm']:.2f} art/s)")
        print(f"ratio pipeline / embedding: {fig['ratio_total']:.2f} end to end, {fig['ratio_warm']:.2f} warm")
        print(f"peak RSS after the pipeline: {fig['peak_rss_mb_after_pipeline']:.0f} MB")
    return fig


if __name__ == "__main__":
    main()
