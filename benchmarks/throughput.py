"""Throughput of the default pipeline against its floor: one bare embedding pass over the same sentences.

    python benchmarks/throughput.py [--data ../shared/eval/bbc_news_summary.jsonl] [--n 300]
                                    [--jobs N] [--baseline DIR] [--distilbart 10] [--json]

Prints, from one run on this machine:
- the full default pipeline (summary, IPTC topics, keywords, entities) in articles per second,
  with and without model loading, and its peak memory: this process's, and that of the helper
  processes that share the text analysis (--jobs; by default one per core, at most 4, on Linux).
  The result cache is off: every article is computed. The taxonomy's embeddings and the
  embedder's ONNX graph come from the on-disk cache (a child process fills it first), as in any
  run but the first;
- the floor: a bare all-MiniLM-L6-v2 pass (sentence-transformers, float32, model loading
  included) over exactly the sentences the pipeline analysed, and the ratio of the two;
- first, the time to the first record of one article in a new process (``summarizer run ONE.txt``),
  with an empty cache folder (first run) and then with all that run cached but its records (cold
  process), each also to the process's exit; the package's compiled bytecode is kept between the
  two, as an installed package has it, even where PYTHONDONTWRITEBYTECODE is set (--no-bytecode:
  as that setting leaves it);
- with --baseline DIR: the same figures (pipeline, peak memory, first record) for another checkout
  of summarizer (e.g. ``git worktree add ../base COMMIT``), run in child processes that import the
  package from DIR, and the ratios of this checkout to it;
- with --distilbart N: the abstractive route a user would otherwise take, distilbart-cnn-12-6
  with random weights (benchmarks/distilbart.py) on the first N of the same articles, as
  seconds per article beside ours.
Times on a shared machine are noisy, so compare ratios from one run, not figures across runs.
"""

from __future__ import annotations

import argparse
import json
import os
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


def private_mb(pid: int) -> float | None:
    """A process's own memory in MB (Private_Clean + Private_Dirty in /proc/PID/smaps_rollup; Linux), or None."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return None
    return sum(int(line.split()[1]) for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:"))) / 1024


def peak_rss_of_mb(pid: int) -> float | None:
    """The peak resident memory of a running process (VmHWM in /proc/PID/status; Linux), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except (OSError, ValueError, IndexError):
        pass
    return None


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--jobs", type=int, default=None,
                    help="processes for text analysis, as summarizer run --jobs (default: the pipeline's own choice)")
    ap.add_argument("--distilbart", type=int, default=0, metavar="N",
                    help="also time distilbart-cnn-12-6 (random weights) on the first N articles (slow: seconds each)")
    ap.add_argument("--baseline", type=Path, default=None, metavar="DIR",
                    help="another checkout of summarizer (a folder holding its summarizer/ package) to time in the "
                         "same run, e.g. a git worktree of an older commit")
    ap.add_argument("--pipeline-only", action="store_true", help=argparse.SUPPRESS)  # the child of --baseline
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="time the first record as PYTHONDONTWRITEBYTECODE leaves it (the package compiled anew in "
                         "every process) when it is set here")
    args = ap.parse_args(argv)
    if args.baseline is not None and not (args.baseline / "summarizer" / "__init__.py").is_file():
        sys.exit(f"--baseline {args.baseline}: no summarizer/ package in that folder; give the root of a checkout")
    if not args.data.exists():
        sys.exit(f"no data file at {args.data}; give one with --data (JSON Lines with a 'text' field)")
    articles = load_articles(args.data, args.n)

    if args.pipeline_only:
        print(json.dumps(time_pipeline(articles, args.batch_size, args.jobs)[0]))
        return {}

    # First, while this process is still idle: one article in a new process (then in the baseline's).
    cold = time_first_result(articles[0], bytecode_off=args.no_bytecode)
    base: dict = {}
    for checkout in (None, args.baseline) if args.baseline is not None else (None,):
        prepare_caches(checkout)
    if args.baseline is not None:
        base = {**time_first_result(articles[0], args.baseline, args.no_bytecode), **time_baseline(args)}

    pipe, s = time_pipeline(articles, args.batch_size, args.jobs)
    t0, t_loaded, t_done = pipe.pop("t0"), pipe.pop("t_loaded"), pipe.pop("t_done")
    helper_memory = pipe.pop("helper_memory")
    failed = pipe["failed"]

    # The same sentences (and titles) the pipeline embedded, for the bare pass. Not timed.
    from summarizer.stages.clean import clean

    cleaned = [clean(a.text, a.title) for a in articles]
    analyses = s.pipeline.analyzer.analyze_batch([c.text for c in cleaned])
    sentences = [sp.text for an in analyses for sp in an.sentences] + [c.title for c in cleaned if c.title]
    s.close()  # the analysis helper is not needed any more

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
        "peak_rss_mb_after_pipeline": pipe["peak_rss_mb_after_pipeline"],
        "analysis_processes": pipe["analysis_processes"],
        # A forked helper's RSS counts the pages it still shares with this process; "private" is its own memory.
        "helper_peak_rss_mb": [round(peak, 1) for peak, _ in helper_memory if peak is not None],
        "helper_private_mb_at_end": [round(private, 1) for _, private in helper_memory if private is not None],
        **cold,
    }
    if base:
        fig["baseline"] = base
        fig["baseline_dir"] = str(args.baseline)
        fig["speedup_over_baseline"] = round(fig["pipeline_articles_per_second"] / base["pipeline_articles_per_second"], 2)
        fig["speedup_over_baseline_warm"] = round(
            fig["pipeline_articles_per_second_warm"] / base["pipeline_articles_per_second_warm"], 2)
        fig["baseline_ratio_total"] = round(base["pipeline_seconds_total"] / (b_done - b0), 2)
    if args.distilbart:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from distilbart import time_distilbart

        bart = time_distilbart([a.text for a in articles], limit=args.distilbart)
        ours = (t_done - t0) / n
        fig["distilbart"] = {k: v for k, v in bart.items() if k != "output_lengths"}
        fig["distilbart_seconds_per_article"] = bart["seconds_per_article"]
        fig["distilbart_over_pipeline"] = round(bart["seconds_per_article"] / ours, 1)
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
        print(f"peak RSS after the pipeline: {fig['peak_rss_mb_after_pipeline']:.0f} MB in this process")
        for peak, private in zip(fig["helper_peak_rss_mb"], fig["helper_private_mb_at_end"]):
            print(f"  an analysis helper: peak RSS {peak:.0f} MB, most of it pages shared with this process; "
                  f"{private:.0f} MB of its own at the end")
        print(f"first result of one article, new process: {fig['cold_start_seconds']:.2f} s "
              f"(exit at {fig['cold_start_seconds_to_exit']:.2f} s; on a first run, when the taxonomy is "
              f"embedded too: {fig['first_run_seconds']:.2f} s, exit at {fig['first_run_seconds_to_exit']:.2f} s)")
        if base:
            print(f"baseline ({args.baseline}): {base['pipeline_seconds_total']:7.2f} s  "
                  f"{base['pipeline_articles_per_second']:6.2f} art/s  (warm, without {base['pipeline_seconds_load']} s "
                  f"of loading: {base['pipeline_articles_per_second_warm']:.2f} art/s); "
                  f"{fig['baseline_ratio_total']:.2f} x the bare embedding")
            print(f"  this checkout / baseline: {fig['speedup_over_baseline']:.2f} x the articles per second "
                  f"({fig['speedup_over_baseline_warm']:.2f} x warm)")
            print(f"  baseline peak RSS after the pipeline: {base['peak_rss_mb_after_pipeline']:.0f} MB; first result "
                  f"of one article, new process: {base['cold_start_seconds']:.2f} s (first run "
                  f"{base['first_run_seconds']:.2f} s)")
        if "distilbart" in fig:
            b = fig["distilbart"]
            print(f"distilbart-cnn-12-6 (random weights, beams {b['generation']['num_beams']}, "
                  f"{b['output_length_mean']:.0f} tokens out on average) on {b['articles']} articles: "
                  f"{b['seconds_per_article']:.2f} s per article, {fig['distilbart_over_pipeline']:.0f} x "
                  f"our pipeline's {fig['pipeline_seconds_total'] / n:.3f} s per article (loading included)")
    return fig


def time_pipeline(articles, batch_size: int, jobs: int | None):
    """Time the full default pipeline over ``articles`` in this process, model loading included."""
    from summarizer import Summarizer

    t0 = time.perf_counter()
    s = Summarizer(batch_size=batch_size, result_cache=False, jobs=jobs)
    s.pipeline.load()
    t_loaded = time.perf_counter()
    results = list(s.summarize_batch(articles))
    t_done = time.perf_counter()
    # Memory is read once, afterwards: sampling /proc during the run slowed it by 1-1.5 s in 30.
    helpers = getattr(s.pipeline.analyzer, "helper_pids", [])
    n = len(articles)
    return {
        "t0": t0, "t_loaded": t_loaded, "t_done": t_done,
        "failed": sum(not r.ok for r in results),
        "pipeline_seconds_total": round(t_done - t0, 2),
        "pipeline_seconds_load": round(t_loaded - t0, 2),
        "pipeline_articles_per_second": round(n / (t_done - t0), 2),
        "pipeline_articles_per_second_warm": round(n / (t_done - t_loaded), 2),
        "peak_rss_mb_after_pipeline": round(peak_rss_mb(), 1),
        "analysis_processes": 1 + len(helpers),
        "helper_memory": [(peak_rss_of_mb(pid), private_mb(pid)) for pid in helpers],
    }, s


def prepare_caches(checkout: Path | None) -> None:
    """Load the pipeline once in a child process, so that the cache folder holds what any run but the
    first finds there (the taxonomy's embeddings, the embedder's ONNX graph) and the timed run neither
    builds them nor imports what building them takes."""
    import subprocess

    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout.resolve())
    subprocess.run([sys.executable, "-c", "from summarizer import Summarizer; Summarizer(jobs=1).pipeline.load()"],
                   env=env, check=True, cwd=checkout)  # "-c" and "-m" put the working folder first on sys.path


def time_baseline(args) -> dict:
    """:func:`time_pipeline` in a child process that imports summarizer from ``args.baseline``."""
    import subprocess

    command = [sys.executable, str(Path(__file__).resolve()), "--pipeline-only", "--data", str(args.data),
               "--n", str(args.n), "--batch-size", str(args.batch_size)]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    env = {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures.pop("helper_memory", None)
    return figures


def time_first_result(article, checkout: Path | None = None, bytecode_off: bool = False) -> dict:
    """Seconds from starting ``summarizer run ONE.txt --format jsonl`` in a new process to its record on
    standard output, and to the process's exit: first with an empty cache folder (a first run, which
    embeds the taxonomy and builds the embedder's ONNX graph), then with the taxonomy embeddings and the
    graph, keyword frequencies and model digests that run cached, without its records (a cold process). ``checkout``: import summarizer from that folder.

    Python keeps the compiled bytecode of the package it imports (pip writes it on install, an editable
    install on first import), unless PYTHONDONTWRITEBYTECODE is set, as on some build machines; then every
    process compiles the package's source again (about 0.2 s here). The children run without that
    setting unless ``bytecode_off``, so a cold process finds the bytecode as a user's would."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text((f"{article.title}\n\n" if article.title else "") + article.text, encoding="utf-8")
        seconds = {}
        first, cold = Path(tmp) / "first", Path(tmp) / "cold"
        for name, folder in (("first_run", first), ("cold_start", cold)):
            folder.mkdir()
            if folder is cold:  # all that the first run cached (the taxonomy embeddings, the graph, the keyword
                # frequencies, the models' digests) but its records, as any run after the first finds the folder
                for cached in first.iterdir():
                    if cached.is_file() and not cached.name.startswith("results."):
                        shutil.copy(cached, cold / cached.name)
            env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(folder)}
            if checkout is not None:
                env["PYTHONPATH"] = str(checkout.resolve())
            if not bytecode_off:  # as an installed package runs: its compiled bytecode kept (the first run writes it)
                env.pop("PYTHONDONTWRITEBYTECODE", None)
            t = time.perf_counter()
            with subprocess.Popen([sys.executable, "-m", "summarizer", "run", str(one), "-q", "--format", "jsonl"],
                                  env=env, stdout=subprocess.PIPE, text=True, cwd=checkout) as proc:
                assert proc.stdout is not None
                record = json.loads(proc.stdout.readline())
                seconds[f"{name}_seconds"] = round(time.perf_counter() - t, 2)
                proc.stdout.read()
                if proc.wait() != 0 or "summary" not in record:
                    raise RuntimeError(f"summarizer run failed on one article: exit {proc.returncode}, {record}")
            seconds[f"{name}_seconds_to_exit"] = round(time.perf_counter() - t, 2)
    return seconds

if __name__ == "__main__":
    main()
