"""Text analysis of a large batch in several processes at once.

spaCy runs on one CPU core: its share of the default pipeline's time (about 15 of 35 s on 300
BBC articles) left the other core idle, while the embedding pass that follows uses both. A
:class:`ParallelAnalyzer` cuts a batch into consecutive parts of about equal length, analyses
one part itself and hands the others to helper processes, each holding its own copy of the
analyser (:meth:`ParallelAnalyzer.analyze_batch`). The pipeline instead starts each batch's
analysis ahead, wholly in the helpers, while it embeds and summarises the batch before
(:meth:`ParallelAnalyzer.start_batch`). The analyses are the same as those of one process: spaCy
reads each text on its own.

Helpers start on the first batch that is worth splitting, so a run of one article never starts
one. Where the system can fork (Linux), a helper is a copy of this process and shares its loaded
model; elsewhere it starts afresh and loads the model itself. Should a helper die, its part is
analysed here and the run goes on without helpers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..memory import release_free_memory
from .base import Analysis, Analyzer

log = logging.getLogger(__name__)

#: Parts shorter than this many characters are not worth a trip to another process (spaCy reads
#: about 45,000 characters a second on one core here; a trip costs a few milliseconds).
MIN_PART_CHARS = 12_000
#: The most processes ``jobs=None`` picks: beyond that the embedding pass, not analysis, sets the pace.
MAX_AUTO_JOBS = 4


def usable_cpus() -> int:
    """CPU cores this process may run on (its affinity where the system says, else all of them)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether helpers can be forked copies of this process (Linux); elsewhere forking is unsafe or absent."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def auto_jobs() -> int:
    """Processes for ``jobs=None``: one per usable core, at most MAX_AUTO_JOBS, and only where helpers can fork.

    Started afresh (macOS, Windows), a helper re-imports the caller's main script, which breaks
    scripts without an ``if __name__ == "__main__":`` guard; there, helpers are asked for explicitly.
    """
    return min(usable_cpus(), MAX_AUTO_JOBS) if can_fork() else 1


# -- in the helper process ------------------------------------------------------------------
_helper_analyzer: Analyzer | None = None


def _start_helper(source: Analyzer | Callable[[], Analyzer]) -> None:
    """A helper's initialiser: the analyser itself (a forked helper inherits it) or a function that loads it."""
    global _helper_analyzer
    # Ctrl-C reaches every process of the terminal's group: the main process stops the run and its helpers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _helper_analyzer = source if isinstance(source, Analyzer) else source()


def _analyze_in_helper(texts: list[str]) -> list[Analysis]:
    assert _helper_analyzer is not None, "helper started without an analyser"
    try:
        return _helper_analyzer.analyze_batch(texts)
    finally:
        release_free_memory()


# -- in this process ------------------------------------------------------------------------
def split_evenly(texts: Sequence[str], parts: int) -> list[list[str]]:
    """``texts`` cut into at most ``parts`` consecutive, non-empty runs of about equal total length."""
    total = sum(len(t) for t in texts)
    out: list[list[str]] = []
    run: list[str] = []
    done = 0
    for text in texts:
        if run and len(out) < parts - 1:
            share = total * (len(out) + 1) / parts  # where this run should end
            if done + len(text) - share > share - done:  # ending it before this text lands nearer
                out.append(run)
                run = []
        run.append(text)
        done += len(text)
        if len(out) < parts - 1 and done >= total * (len(out) + 1) / parts:
            out.append(run)
            run = []
    if run or not out:
        out.append(run)
    return out


class ParallelAnalyzer(Analyzer):
    """An analyser that spreads a large batch over ``processes`` processes (this one included).

    ``local`` analyses here; ``load`` (picklable, no arguments) makes the same analyser in a helper
    that cannot be forked. The analyses equal ``local.analyze_batch(texts)``.
    """

    def __init__(self, local: Analyzer, load: Callable[[], Analyzer], processes: int) -> None:
        self.local = local
        self.load = load
        self.processes = max(1, processes)
        self.identity = local.identity
        self._pool: ProcessPoolExecutor | None = None
        self._gave_up = False

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        wanted = min(self.processes, sum(len(t) for t in texts) // MIN_PART_CHARS)
        pool = self._helpers() if wanted > 1 else None
        if pool is None:
            return self.local.analyze_batch(texts)
        parts = split_evenly(texts, wanted)
        futures = self._hand_out(pool, parts[1:])
        try:
            out = self.local.analyze_batch(parts[0])
        except Exception:
            for future in futures:  # the helpers' parts are not waited for: the caller retries text by text
                if future is not None:
                    future.cancel()
            raise
        return out + self._collect(parts[1:], futures)

    def start_batch(self, texts: Sequence[str]) -> Callable[[], list[Analysis]]:
        """Hand the whole batch to the helpers and return at once; the function returned waits for them.

        The pipeline has its next batch analysed this way while this process embeds and summarises the
        current one, so that no core idles while the summary stages run on one. A batch too small for a
        helper (under MIN_PART_CHARS) is analysed here, when its result is asked for: a run of one
        article starts no helper.
        """
        texts = list(texts)
        wanted = min(self.processes - 1, sum(len(t) for t in texts) // MIN_PART_CHARS)
        pool = self._helpers() if wanted >= 1 and not self._gave_up else None
        if pool is None:
            return super().start_batch(texts)  # analysed here, when asked for
        parts = split_evenly(texts, wanted)
        futures = self._hand_out(pool, parts)
        return lambda: self._collect(parts, futures)

    def _hand_out(self, pool: ProcessPoolExecutor, parts: Sequence[Sequence[str]]
                  ) -> list[Future[list[Analysis]] | None]:
        """Each part handed to a helper: its future, or None once helpers are given up."""
        futures: list[Future[list[Analysis]] | None] = []
        for part in parts:
            future = None
            if not self._gave_up:
                try:
                    future = self._submit(pool, list(part))
                except (BrokenProcessPool, OSError) as exc:  # OSError: the system could not start a helper
                    self._give_up(exc)
            futures.append(future)
        return futures

    def _collect(self, parts: Sequence[Sequence[str]], futures: Sequence[Future[list[Analysis]] | None]
                 ) -> list[Analysis]:
        """The analyses of ``parts`` from the helpers' ``futures``; a part whose helper died is analysed here.
        An analyser error is raised once every part is in (the caller then retries text by text)."""
        out: list[Analysis] = []
        failure: BaseException | None = None
        for part, future in zip(parts, futures, strict=True):
            try:
                if future is None:
                    raise BrokenProcessPool("the helper process stopped")
                out.extend(future.result())
            except BrokenProcessPool as exc:
                self._give_up(exc)
                out.extend(self.local.analyze_batch(part))
            except Exception as exc:  # the analyser failed on a text: the caller retries text by text
                failure = failure or exc
        if failure is not None:
            raise failure
        return out

    def close(self) -> None:
        """Stop the helper processes (they also stop when this object is dropped or Python exits)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def helper_pids(self) -> list[int]:
        """Process ids of the running helpers (for memory figures)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(processes)

    def _helpers(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._gave_up:
            forked = can_fork()
            context = multiprocessing.get_context("fork" if forked else "spawn")
            self._pool = ProcessPoolExecutor(self.processes - 1, mp_context=context, initializer=_start_helper,
                                             initargs=(self.local if forked else self.load,))
        return self._pool

    @staticmethod
    def _submit(pool: ProcessPoolExecutor, texts: list[str]) -> Future[list[Analysis]]:
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a process with threads (torch's) may deadlock the child. The
            # helper only runs the analyser, which uses none of those threads' locks.
            warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*fork.*")
            return pool.submit(_analyze_in_helper, texts)

    def _give_up(self, exc: BaseException) -> None:
        if not self._gave_up:
            log.warning("a text-analysis helper process stopped (%s); analysing in this process only from now on",
                        exc)
        self._gave_up = True
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
