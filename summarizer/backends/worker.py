"""Language analysis in a background thread, so that it overlaps the embedding of the batch before.

PyTorch releases Python's global lock while it multiplies matrices, and so does much of spaCy's
numeric work: in two threads, spaCy can analyse batch k+1 while the embedding model works on
batch k. Only one thread uses the analyser at a time (a lock guards it), so the abstractive
stage, which also uses it, stays safe. Threads, not processes: nothing is copied, nothing more
is loaded, and a user's script is never started again in a child process (as "spawn" would do
without an ``if __name__ == "__main__":`` guard).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from .base import Analysis, Analyzer


class LockedAnalyzer(Analyzer):
    """An analyser that one thread at a time may use."""

    def __init__(self, inner: Analyzer) -> None:
        self.inner = inner
        self.identity = inner.identity
        self._lock = threading.Lock()

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        with self._lock:
            return self.inner.analyze_batch(texts)


class AnalysisPool:
    """Analyses texts with ``analyzer`` in a background thread."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="summarizer-analysis")

    def submit(self, texts: Sequence[str]) -> Callable[[], list[Analysis]]:
        """Start analysing ``texts``; the returned function waits for the analyses, in order (it raises on failure)."""
        future = self._pool.submit(self.analyzer.analyze_batch, list(texts))
        return future.result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
