"""Flat memory on long streams: the real CLI on JSON Lines files of growing size, peak RSS compared.

    python benchmarks/memory.py [--sizes 1000 20000] [--data ../shared/eval/bbc_news_summary.jsonl] [--new-words K]
                                [--interval S] [--keep] [--json] [-- MORE 'summarizer run' OPTIONS]

For each size N, a JSON Lines file of N articles is made by cycling the rows of the data file
(ids ``bbc-0`` ... ``bbc-{N-1}``), and

    python -m summarizer run BIG.jsonl --format jsonl --output OUT.jsonl -q

runs in a child process with a fresh, empty cache folder (``SUMMARIZER_CACHE_DIR``). Each row
also gets a unique ``url`` (``https://bench.invalid/bbc-{i}``): the url is part of the result
cache's key and nothing else reads it, so a repeated text is computed again instead of being
served from the cache, while every record stays what the real article would give.

While the child runs, its resident memory and that of its own children (the analysis processes
of ``--jobs``; VmRSS in /proc/PID/status, summed) is sampled every
``--interval`` seconds together with the number of lines in OUT.jsonl, which gives the RSS at
10%, 50% and 100% of the records. The peak is the child's own ``ru_maxrss`` (os.wait4 on that
child: RUSAGE_CHILDREN would carry the largest of all earlier sizes over). Then OUT.jsonl is
checked: N lines, N distinct ids, in input order.

Flat memory means: the peak at 20k articles is about the peak at 1k, and the largest RSS of each
tenth of a long run ("by decile") does not climb. Read the peaks with care: the RSS swings by
100-200 MB within a run as batches of long or short articles pass, so a peak is set by the
heaviest batch a run meets. The BBC file is sorted by category; 1k articles cover only its first
1000 rows (heaviest batch of 32: 15.2k words, longest article 3.5k words), 20k articles cycle
all 2225 rows (19.0k and 4.4k). Some of a 20k peak above a 1k peak is that, not growth; in a 20k
run every tenth holds nearly a full pass over the file, so its deciles are the fairer test.

The cycled rows repeat, so after one pass the tokenizer meets no new word, which a stream of
really different articles would bring (names, numbers, typos); ``--new-words K`` appends K
made-up words of its own to each article to show what that costs. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "bbc_news_summary.jsonl"
ROOT = Path(__file__).resolve().parent.parent


def made_up_words(i: int, k: int) -> str:
    """A sentence of ``k`` capitalised words that no other article has (article ``i``): "Qz... Qz... ..."."""
    words = []
    for j in range(i * k, (i + 1) * k):
        letters = ""
        while True:
            j, r = divmod(j, 26)
            letters += "abcdefghijklmnopqrstuvwxyz"[r]
            if not j:
                break
        words.append("Qz" + letters)
    return " ".join(words) + "."


def cycled_rows(data: Path, n: int, new_words: int = 0) -> Iterator[dict[str, Any]]:
    """N articles from the rows of ``data`` taken in turn, each with id ``bbc-{i}`` and url; text and title as given.

    ``new_words`` > 0 appends to each text a paragraph of that many words found in no other article,
    as a stream of really different articles brings new names, numbers and typos (the rows repeat
    after one pass over the data file, so the tokenizer would otherwise see no new word).
    """
    rows = []
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows.append({"title": row.get("title"), "text": row["text"]})
    if not rows:
        raise ValueError(f"{data} has no rows")
    for i in range(n):
        row = rows[i % len(rows)]
        text = row["text"] + ("\n\n" + made_up_words(i, new_words) if new_words > 0 else "")
        out = {"id": f"bbc-{i}", "text": text, "url": f"https://bench.invalid/bbc-{i}"}
        if row["title"]:
            out["title"] = row["title"]
        yield out


def write_jsonl(data: Path, n: int, target: Path, new_words: int = 0) -> Path:
    with target.open("w", encoding="utf-8") as fh:
        for row in cycled_rows(data, n, new_words):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target


def rss_kb(pid: int) -> int | None:
    """Resident memory of a running process in kB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


def tree_rss_kb(pid: int) -> int | None:
    """Resident memory of a process and all its descendants (the analysis processes of --jobs), in kB."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    family, frontier = {pid}, [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier and child not in family]
        family.update(frontier)
    main = rss_kb(pid)
    if main is None:
        return None
    return main + sum(rss_kb(p) or 0 for p in family - {pid})


class LineCounter:
    """Counts complete lines of a file that is being appended to, reading only what is new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.lines = 0

    def update(self) -> int:
        try:
            with self.path.open("rb") as fh:
                fh.seek(self.offset)
                chunk = fh.read()
        except FileNotFoundError:
            return self.lines
        self.offset += len(chunk)
        self.lines += chunk.count(b"\n")
        return self.lines


def check_output(path: Path, n: int) -> dict[str, Any]:
    """N lines, N distinct ids, in the input's order (bbc-0, bbc-1, ...); failures counted."""
    ids = []
    failed = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            ids.append(record.get("id"))
            failed += bool(record.get("error"))
    expected = [f"bbc-{i}" for i in range(n)]
    return {"lines": len(ids), "distinct_ids": len(set(ids)), "in_order": ids == expected, "failed": failed,
            "ok": len(ids) == n and len(set(ids)) == n and ids == expected}


def _at(samples: list[tuple[float, int, int]], lines_needed: float) -> int | None:
    """RSS (kB) of the first sample taken once at least ``lines_needed`` records were written."""
    for _, lines, rss in samples:
        if lines >= lines_needed:
            return rss
    return None


def by_decile(samples: list[tuple[float, int, int]], n: int) -> list[float | None]:
    """Largest RSS (MB) sampled while each tenth of the records was being written (model loading left out)."""
    out: list[float | None] = [None] * 10
    for _, lines, rss in samples:
        if 0 < lines < n:
            k = min(9, lines * 10 // n)
            out[k] = max(out[k] or 0, round(rss / 1024, 1))
    return out


def run_size(n: int, data: Path, work: Path, *, python: str = sys.executable, interval: float = 0.5,
             extra_args: list[str] | None = None, new_words: int = 0, echo: bool = True) -> dict[str, Any]:
    folder = work / f"n{n}"
    folder.mkdir(parents=True, exist_ok=True)
    big, out, cache = folder / "big.jsonl", folder / "out.jsonl", folder / "cache"
    write_jsonl(data, n, big, new_words)
    if out.exists():
        out.unlink()
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    cmd = [python, "-m", "summarizer", "run", str(big), "--format", "jsonl", "--output", str(out), "-q",
           *(extra_args or [])]
    counter = LineCounter(out)
    samples: list[tuple[float, int, int]] = []  # (seconds since start, records written, RSS kB)
    first_record_at = None
    first_lines = 0  # records already written when the first were seen (about one batch)
    t0 = time.perf_counter()
    err_path = folder / "stderr.txt"
    err_file = err_path.open("wb")  # a file, not a pipe: a chatty child must never block on a full pipe
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err_file)
    status = rusage = None
    next_echo = 0.1
    try:
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss = tree_rss_kb(proc.pid)
            lines = counter.update()
            now = time.perf_counter() - t0
            if rss is not None:
                samples.append((now, lines, rss))
            if first_record_at is None and lines:
                first_record_at, first_lines = now, lines
            if echo and lines >= next_echo * n:
                print(f"  n={n}: {lines} records, {now:.0f} s, RSS {rss / 1024 if rss else 0:.0f} MB",
                      file=sys.stderr, flush=True)
                while lines >= next_echo * n:
                    next_echo += 0.1
            time.sleep(interval)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        err_file.close()
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    lines = counter.update()
    if first_record_at is None:
        first_record_at = wall
    check = check_output(out, n) if out.exists() else {"ok": False, "lines": 0}
    rss_values = [s[2] for s in samples]
    steady = wall - first_record_at
    fig = {
        "articles": n,
        "new_words_per_article": new_words,
        "exit_code": proc.returncode,
        "stderr": stderr.strip()[-2000:],
        "output": check,
        "wall_seconds": round(wall, 1),
        "articles_per_second": round(n / wall, 2),
        "seconds_to_first_record": round(first_record_at, 1),
        # records after the first batch, over the time they took: the rate once the models are loaded
        "articles_per_second_after_first": (round((lines - first_lines) / steady, 2)
                                            if steady > 0 and lines > first_lines else None),
        "peak_rss_mb": round(rusage.ru_maxrss / 1024, 1),  # the main process alone
        # the sampled figures below are of the main process and its analysis processes together
        "rss_mb_at_10pct": _mb(_at(samples, 0.1 * n)),
        "rss_mb_at_50pct": _mb(_at(samples, 0.5 * n)),
        "rss_mb_at_100pct": _mb(_at(samples, n)),
        "rss_mb_last_sample": _mb(rss_values[-1] if rss_values else None),
        "rss_mb_max_sampled": _mb(max(rss_values) if rss_values else None),
        "rss_mb_max_by_decile": by_decile(samples, n),
        "samples": len(samples),
        "input_mb": round(big.stat().st_size / 2**20, 1),
        "output_mb": round(out.stat().st_size / 2**20, 1) if out.exists() else None,
    }
    return fig


def _mb(kb: int | None) -> float | None:
    return round(kb / 1024, 1) if kb is not None else None


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000], help="numbers of articles, run in turn")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--python", default=sys.executable, help="the Python that runs 'python -m summarizer'")
    ap.add_argument("--interval", type=float, default=0.5, help="seconds between RSS samples")
    ap.add_argument("--new-words", type=int, default=0, metavar="K",
                    help="append K words found nowhere else to each article (default 0), so the vocabulary "
                         "keeps growing as in a stream of really different articles")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (inputs, outputs, cache)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("cli_args", nargs="*", help="after --: more options for 'summarizer run' (e.g. -- --batch-size 64)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"no data file at {args.data}; give one with --data (JSON Lines with a 'text' field)")
    if not Path("/proc/self/status").exists():
        sys.exit("this benchmark reads /proc (Linux only)")
    work = Path(tempfile.mkdtemp(prefix="summarizer-memory-"))
    runs = []
    try:
        for n in args.sizes:
            runs.append(run_size(n, args.data, work, python=args.python, interval=args.interval,
                                 extra_args=args.cli_args, new_words=args.new_words,
                                 echo=not args.json))
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    fig: dict[str, Any] = {"data": str(args.data), "runs": runs}
    if len(runs) >= 2:
        first, last = runs[0], runs[-1]
        fig["peak_rss_growth_mb"] = round(last["peak_rss_mb"] - first["peak_rss_mb"], 1)
        fig["peak_rss_ratio"] = round(last["peak_rss_mb"] / first["peak_rss_mb"], 3)
    if args.json:
        print(json.dumps(fig, indent=2))
    else:
        more = f", each with {args.new_words} made-up words of its own" if args.new_words else ""
        print(f"articles cycled from {args.data.name}{more}; 'python -m summarizer run X.jsonl --format jsonl "
              f"--output OUT.jsonl -q'{' ' + ' '.join(args.cli_args) if args.cli_args else ''}")
        print(f"{'articles':>8} {'wall s':>8} {'art/s':>7} {'art/s*':>7} {'peak MB':>8} {'@10%':>7} {'@50%':>7} "
              f"{'@100%':>7}  output check")
        for r in runs:
            o = r["output"]
            check = (f"ok: {o['lines']} lines, distinct ids, in order" if o.get("ok")
                     else f"FAILED: {o}")
            if o.get("failed"):
                check += f" ({o['failed']} error records)"
            if r["exit_code"]:
                check += f"; exit code {r['exit_code']}: {r['stderr'][-300:]}"
            print(f"{r['articles']:>8} {r['wall_seconds']:>8.1f} {r['articles_per_second']:>7.2f} "
                  f"{r['articles_per_second_after_first'] or 0:>7.2f} {r['peak_rss_mb']:>8.0f} "
                  f"{_fmt(r['rss_mb_at_10pct'])} {_fmt(r['rss_mb_at_50pct'])} {_fmt(r['rss_mb_at_100pct'])}  {check}")
        print("art/s*: after the first batch of records (models loaded). @x%: RSS when x% of the records were written.")
        for r in runs:
            deciles = " ".join(_fmt(v).strip() for v in r["rss_mb_max_by_decile"])
            print(f"largest RSS (MB) in each tenth of the {r['articles']} records: {deciles}")
        if "peak_rss_growth_mb" in fig:
            print(f"peak RSS {runs[-1]['articles']} vs {runs[0]['articles']} articles: "
                  f"{fig['peak_rss_growth_mb']:+.0f} MB (x{fig['peak_rss_ratio']:.2f})")
    return fig


def _fmt(mb: float | None) -> str:
    return f"{mb:>7.0f}" if mb is not None else f"{'-':>7}"


if __name__ == "__main__":
    main()
