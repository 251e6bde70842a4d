"""The cost of naming a model by its content: model_fingerprint of the packaged all-MiniLM-L6-v2.

    python benchmarks/fingerprint.py [--runs 5] [MODEL]

Each measurement runs in a new Python process (nothing remembered in memory), timing only the
call of ``model_fingerprint`` (imports excluded):

* **first**: a fresh memo folder, so every file is read and hashed (SHA-256);
* **remembered**: the memo folder the first call filled, so the digests come from
  ``fingerprints.sqlite`` by path, size, mtime, ctime and inode.

The files are read through the operating system's page cache, which the earlier runs warm: a
first hash straight from a cold disk costs that disk's reading time on top. Prints the median and
the range of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import sys, time
from pathlib import Path
from summarizer.fingerprint import model_fingerprint, remember_in
start = time.perf_counter()
with remember_in(Path(sys.argv[2])):
    digest = model_fingerprint(sys.argv[1])
print(time.perf_counter() - start, digest)
"""


def timed(model: str, memo: Path) -> tuple[float, str]:
    out = subprocess.run([sys.executable, "-c", CHILD, model, str(memo)], check=True, capture_output=True,
                         text=True).stdout.split()
    return float(out[0]), out[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", help="a model folder or file (default: the packaged all-MiniLM-L6-v2)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.model is None:
        from summarizer.backends.sbert import packaged_minilm_path

        args.model = str(packaged_minilm_path())
    model = Path(args.model)
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file()) if model.is_dir() else model.stat().st_size
    first, remembered, digests = [], [], set()
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as memo:
            seconds, digest = timed(args.model, Path(memo))
            first.append(seconds)
            digests.add(digest)
            seconds, digest = timed(args.model, Path(memo))
            remembered.append(seconds)
            digests.add(digest)
    assert len(digests) == 1, digests
    print(f"{model.name}: {size / 1e6:.1f} MB, fingerprint {digests.pop()}, {args.runs} runs, each in a new process")
    for name, values in (("first (hashed)", first), ("remembered", remembered)):
        print(f"  {name:15} median {statistics.median(values) * 1000:8.1f} ms  "
              f"(range {min(values) * 1000:.1f}-{max(values) * 1000:.1f})")


if __name__ == "__main__":
    main()
