"""Text analysis spread over helper processes: same analyses, in order, and a dead helper costs nothing."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest
from fakes import RegexAnalyzer

from summarizer.backends import load_analyzer, parallel
from summarizer.backends.base import Analysis, Analyzer, Span
from summarizer.backends.parallel import ParallelAnalyzer, split_evenly
from summarizer.errors import UsageError
from summarizer.settings import Settings

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="helpers are forked copies only on Linux")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def texts_of(n: int, length: int = 3000) -> list[str]:
    return [f"Story {i} begins here. " + "Words of the story go on. " * (length // 26) for i in range(n)]


class WhereAnalyzer(Analyzer):
    """Each text's analysis says which process made it (the sentence's label) and which text it was."""

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        return [Analysis(sentences=(Span(text[:9], 0, str(os.getpid())),)) for text in texts]


class DiesInHelper(RegexAnalyzer):
    """Kills any process but the one that made it, as an out-of-memory kill would."""

    def __init__(self) -> None:
        self.home = os.getpid()

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        if os.getpid() != self.home:
            os._exit(3)
        return super().analyze_batch(texts)


class FailsOnBad(RegexAnalyzer):
    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        if any("BAD" in t for t in texts):
            raise ValueError("cannot read BAD text")
        return super().analyze_batch(texts)


def test_split_evenly_keeps_order_and_balances_length():
    texts = ["a" * n for n in (100, 5000, 200, 300, 4000, 100, 100, 5000)]
    for parts in (1, 2, 3, 4, 8, 20):
        runs = split_evenly(texts, parts)
        assert [t for run in runs for t in run] == texts  # consecutive, nothing lost or repeated
        assert all(runs) and len(runs) <= parts
    two = split_evenly(texts, 2)
    assert [sum(map(len, run)) for run in two] == [5600, 9200]
    assert split_evenly(["only"], 4) == [["only"]]


def test_small_batches_stay_in_this_process():
    analyzer = ParallelAnalyzer(WhereAnalyzer(), WhereAnalyzer, processes=4)
    found = analyzer.analyze_batch(texts_of(3, 1000))  # 3,000 characters: not worth a helper
    assert {a.sentences[0].label for a in found} == {str(os.getpid())}
    assert analyzer.helper_pids == []


@needs_fork
def test_large_batch_is_shared_with_a_helper_in_order():
    analyzer = ParallelAnalyzer(WhereAnalyzer(), WhereAnalyzer, processes=2)
    try:
        texts = texts_of(20)
        found = analyzer.analyze_batch(texts)
        assert [a.sentences[0].text for a in found] == [t[:9] for t in texts]
        made_by = [a.sentences[0].label for a in found]
        assert made_by[0] == str(os.getpid()) and made_by[-1] != str(os.getpid())
        assert made_by[-1] == str(analyzer.helper_pids[0])
        assert made_by == sorted(made_by, key=lambda pid: pid != str(os.getpid()))  # first part here, then the helper's
    finally:
        analyzer.close()


@needs_fork
def test_a_dead_helper_costs_no_text(caplog):
    local = DiesInHelper()
    analyzer = ParallelAnalyzer(local, DiesInHelper, processes=2)
    texts = texts_of(20)
    with caplog.at_level(logging.WARNING):
        assert analyzer.analyze_batch(texts) == RegexAnalyzer().analyze_batch(texts)
    assert "helper process stopped" in caplog.text
    assert analyzer.analyze_batch(texts) == RegexAnalyzer().analyze_batch(texts)  # from now on, all here
    assert analyzer.helper_pids == []


def test_helpers_that_start_afresh_load_their_own_analyser(monkeypatch):
    """Where helpers cannot be forked (macOS, Windows) they are spawned and call ``load``; checked here by spawning."""
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    analyzer = ParallelAnalyzer(WhereAnalyzer(), WhereAnalyzer, processes=2)
    try:
        texts = texts_of(20)
        found = analyzer.analyze_batch(texts)
        assert [a.sentences[0].text for a in found] == [t[:9] for t in texts]
        assert found[-1].sentences[0].label == str(analyzer.helper_pids[0]) != str(os.getpid())
    finally:
        analyzer.close()


def test_a_helper_the_system_cannot_start_costs_no_text(monkeypatch, caplog):
    tries = []

    def no_process(pool, texts):
        tries.append(len(texts))
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(ParallelAnalyzer, "_submit", staticmethod(no_process))
    analyzer = ParallelAnalyzer(RegexAnalyzer(), RegexAnalyzer, processes=3)
    texts = texts_of(20)
    with caplog.at_level(logging.WARNING):
        assert analyzer.analyze_batch(texts) == RegexAnalyzer().analyze_batch(texts)
    assert "Cannot allocate memory" in caplog.text and analyzer.helper_pids == []
    assert len(tries) == 1  # not tried again for the batch's third part, nor for the next batch
    analyzer.analyze_batch(texts)
    assert len(tries) == 1


@needs_fork
def test_a_text_the_analyser_cannot_read_fails_the_batch_for_a_text_by_text_retry():
    analyzer = ParallelAnalyzer(FailsOnBad(), FailsOnBad, processes=2)
    try:
        texts = texts_of(20)
        texts[-1] += " BAD"  # in the helper's part
        with pytest.raises(ValueError, match="BAD"):
            analyzer.analyze_batch(texts)
        assert analyzer.analyze_batch(texts[:-1]) == RegexAnalyzer().analyze_batch(texts[:-1])  # helper still works
        assert analyzer.helper_pids
    finally:
        analyzer.close()


@needs_fork
def test_output_written_before_the_helper_starts_appears_once(tmp_path):
    """A forked helper copies the unwritten stdout buffer and writes it out when it exits, unless it was written
    before the fork (multiprocessing does so): a record printed before the helpers start must appear once."""
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
        from summarizer.backends.parallel import ParallelAnalyzer
        from fakes import RegexAnalyzer
        print("record-1", end="")  # sits in the buffer: stdout is a pipe
        a = ParallelAnalyzer(RegexAnalyzer(), RegexAnalyzer, processes=2)
        a.analyze_batch(["Some words here. " * 200] * 20)
        assert a.helper_pids
        a.close()
        print(" record-2")
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a buffered stdout, as by default
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "record-1 record-2\n"


@needs_fork
def test_ctrl_c_stops_this_process_and_its_helpers_quietly():
    """Ctrl-C reaches the whole process group: the main process gets KeyboardInterrupt, helpers ignore it."""
    script = textwrap.dedent(f"""
        import os, signal, sys, threading, time
        sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
        from summarizer.backends.parallel import ParallelAnalyzer
        from fakes import RegexAnalyzer

        HOME = os.getpid()

        class Slow(RegexAnalyzer):  # slow here only, so that the helper mostly waits for work when Ctrl-C comes
            def analyze_batch(self, texts):
                if os.getpid() == HOME:
                    time.sleep(0.3)
                return super().analyze_batch(texts)

        a = ParallelAnalyzer(Slow(), Slow, processes=2)
        texts = ["Some words here. " * 1000] * 4
        a.analyze_batch(texts)
        print("helpers", len(a.helper_pids), flush=True)
        threading.Timer(0.5, lambda: os.killpg(0, signal.SIGINT)).start()
        try:
            while True:
                a.analyze_batch(texts)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
    """)
    import signal

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert done.stdout == "helpers 1\ninterrupted\n", done.stderr
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


@needs_fork
def test_spacy_analyses_are_the_same_in_helpers(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PART_CHARS", 500)
    single = load_analyzer()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 2
    shared = ParallelAnalyzer(single, load_analyzer, processes=3)
    try:
        assert shared.analyze_batch(texts) == single.analyze_batch(texts)
        assert shared.start_batch(texts)() == single.analyze_batch(texts)  # wholly in the helpers
        assert len(shared.helper_pids) == 2
    finally:
        shared.close()


def test_jobs_setting():
    assert Settings().jobs is None and Settings(jobs=2).jobs == 2
    with pytest.raises(UsageError, match="jobs"):
        Settings(jobs=0)
    assert 1 <= parallel.auto_jobs() <= parallel.MAX_AUTO_JOBS


def test_the_pipeline_shares_the_analysis_as_settings_say(monkeypatch):
    import summarizer.backends
    from summarizer.pipeline import Pipeline

    monkeypatch.setattr(summarizer.backends, "load_analyzer", RegexAnalyzer)
    shared = Pipeline(Settings(jobs=3)).analyzer
    assert isinstance(shared, ParallelAnalyzer) and shared.processes == 3 and isinstance(shared.local, RegexAnalyzer)
    assert shared.identity == RegexAnalyzer.identity  # cached records do not depend on it
    assert isinstance(Pipeline(Settings(jobs=1)).analyzer, RegexAnalyzer)
    monkeypatch.setattr(parallel, "auto_jobs", lambda: 1)
    assert isinstance(Pipeline(Settings()).analyzer, RegexAnalyzer)


@needs_fork
def test_closing_the_summarizer_stops_its_helpers(tmp_path):
    from fakes import HashEmbedder

    from summarizer import Summarizer

    analyzer = ParallelAnalyzer(WhereAnalyzer(), WhereAnalyzer, processes=2)
    with Summarizer(embedder=HashEmbedder(), analyzer=analyzer, cache_dir=tmp_path) as s:
        s.pipeline.analyzer.analyze_batch(texts_of(20))
        pids = analyzer.helper_pids
        assert len(pids) == 1
    assert analyzer.helper_pids == []
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)  # the helper has exited and been reaped
    found = s.pipeline.analyzer.analyze_batch(texts_of(20))  # used again: a new helper
    assert len({a.sentences[0].label for a in found}) == 2
    s.close()
    assert analyzer.helper_pids == []


@needs_fork
def test_a_started_batch_is_read_wholly_by_the_helpers_while_this_process_goes_on():
    analyzer = ParallelAnalyzer(WhereAnalyzer(), WhereAnalyzer, processes=2)
    try:
        texts = texts_of(20)
        result = analyzer.start_batch(texts)  # returns at once; the helpers work
        found = result()
        assert [a.sentences[0].text for a in found] == [t[:9] for t in texts]
        made_by = {a.sentences[0].label for a in found}
        assert made_by == {str(pid) for pid in analyzer.helper_pids} and str(os.getpid()) not in made_by
        assert len(analyzer.helper_pids) == 1  # processes=2: this one and one helper, which reads it all
    finally:
        analyzer.close()


def test_a_started_small_batch_is_read_here_when_asked_for():
    class Counting(WhereAnalyzer):
        calls = 0

        def analyze_batch(self, texts):
            Counting.calls += 1
            return super().analyze_batch(texts)

    analyzer = ParallelAnalyzer(Counting(), Counting, processes=4)
    result = analyzer.start_batch(texts_of(3, 1000))
    assert Counting.calls == 0 and analyzer.helper_pids == []  # nothing done yet, no helper started
    assert {a.sentences[0].label for a in result()} == {str(os.getpid())}


@needs_fork
def test_a_started_batch_survives_a_dead_helper(caplog):
    analyzer = ParallelAnalyzer(DiesInHelper(), DiesInHelper, processes=2)
    texts = texts_of(20)
    with caplog.at_level(logging.WARNING):
        assert analyzer.start_batch(texts)() == RegexAnalyzer().analyze_batch(texts)
    assert "helper process stopped" in caplog.text and analyzer.helper_pids == []


@needs_fork
def test_a_started_batch_with_a_text_the_analyser_cannot_read_raises_when_taken_in():
    analyzer = ParallelAnalyzer(FailsOnBad(), FailsOnBad, processes=2)
    try:
        texts = texts_of(20)
        texts[3] += " BAD"
        result = analyzer.start_batch(texts)
        with pytest.raises(ValueError, match="BAD"):
            result()
        assert analyzer.start_batch(texts[4:])() == RegexAnalyzer().analyze_batch(texts[4:])
    finally:
        analyzer.close()
