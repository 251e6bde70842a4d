"""Interrupted JSON Lines runs and ``--resume``: summarizer.resume, the CLI on fake backends, and
one real process interrupted with SIGINT."""

from __future__ import annotations

import errno
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import HashEmbedder, RegexAnalyzer

from summarizer.cli import main
from summarizer.errors import UsageError
from summarizer.records import Article, InputFailure
from summarizer.resume import SkipDone, prepare, repair, scan

TESTS = Path(__file__).resolve().parent

SENTENCES = [
    "The city council voted on Tuesday to approve a new budget after months of debate.",
    "Officials said the plan would fund schools, roads and libraries across the region.",
    "The mayor welcomed the decision and thanked residents for their patience.",
    "Opposition members argued that the spending increases were too large.",
    "The new budget takes effect on the first day of January next year.",
]


def article_text(n: int) -> str:
    body = " ".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(len(SENTENCES)))
    return f"Report number {n} from the regional desk\n\n{body}\n"


def record_line(ident: str, error: str | None = None) -> str:
    return json.dumps({"id": ident, "source": f"{ident}.txt", "summary": None if error else "x", "error": error}) + "\n"


def ids_of(path: Path) -> list[str]:
    """The ids of a JSON Lines file; fails if any line is not a complete JSON record."""
    data = path.read_text(encoding="utf-8")
    assert data == "" or data.endswith("\n"), data[-200:]
    return [json.loads(line)["id"] for line in data.splitlines() if line.strip()]


# --- summarizer.resume -------------------------------------------------------------------------


def test_scan_missing_file(tmp_path):
    found = scan(tmp_path / "nope.jsonl")
    assert not found.exists and dict(found.done) == {} and found.records == 0
    assert repair(found) == []
    assert not (tmp_path / "nope.jsonl").exists()


def test_scan_empty_file(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"")
    found, warnings = prepare(path)
    assert found.exists and dict(found.done) == {} and found.records == 0 and found.bad_tail is None
    assert warnings == []
    assert path.read_bytes() == b""


def test_scan_reads_ids_of_ok_and_error_records(tmp_path):
    path = tmp_path / "out.jsonl"
    content = record_line("a") + "\n" + record_line("b", error="b.txt is empty") + record_line("c")
    path.write_text(content, encoding="utf-8")
    found, warnings = prepare(path)
    assert dict(found.done) == {"a": False, "b": True, "c": False}
    assert found.records == 3 and found.failed == 1
    assert warnings == []
    assert path.read_text(encoding="utf-8") == content  # nothing to repair


@pytest.mark.parametrize("tail", [
    '{"id": "c", "source": "c.txt", "summ',  # cut by kill -9
    '{"id": "c", "source": "c.txt", "summ\n',  # cut, then a newline from somewhere
    "\xe9t\xe9",  # not even UTF-8 once encoded as latin-1 below
    '["not", "an", "object"]\n',
    '{"no_id": 1}\n',
])
def test_bad_last_line_is_truncated(tmp_path, tail):
    path = tmp_path / "out.jsonl"
    good = record_line("a") + record_line("b")
    path.write_bytes(good.encode() + tail.encode("latin-1"))
    found, warnings = prepare(path)
    assert dict(found.done) == {"a": False, "b": False}
    assert found.bad_tail is not None and "line 3" in found.bad_tail
    assert len(warnings) == 1 and "line 3" in warnings[0] and str(path) in warnings[0]
    assert path.read_text(encoding="utf-8") == good


def test_complete_last_record_without_newline_is_kept(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record_line("a") + record_line("b").rstrip("\n"), encoding="utf-8")
    found, warnings = prepare(path)
    assert dict(found.done) == {"a": False, "b": False} and warnings == []
    assert path.read_text(encoding="utf-8") == record_line("a") + record_line("b")


def test_invalid_line_in_the_middle_is_refused(tmp_path):
    path = tmp_path / "out.jsonl"
    content = record_line("a") + "this is not json\n" + record_line("b")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match="line 2"):
        prepare(path)
    assert path.read_text(encoding="utf-8") == content  # untouched


def test_scan_of_a_folder_is_refused(tmp_path):
    with pytest.raises(UsageError, match="folder"):
        scan(tmp_path)


def test_skip_done_filters_and_counts():
    skip = SkipDone({"a": False, "b": True})
    items = [Article(id="a", text="x"), InputFailure(id="b", source="b", error="bad"), Article(id="c", text="y")]
    assert [item.id for item in skip(items)] == ["c"]
    assert skip.skipped == 2 and skip.skipped_failed == 1


# --- the command, in-process on fake backends ---------------------------------------------------


@pytest.fixture(autouse=True)
def _keep_logging():
    """The command replaces the 'summarizer' logger's handlers; put them back after each test."""
    logger = logging.getLogger("summarizer")
    handlers, level, propagate = logger.handlers[:], logger.level, logger.propagate
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


class InterruptingAnalyzer(RegexAnalyzer):
    """Acts like Ctrl-C pressed during the model pass of call number ``at`` (1-based)."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.calls = 0

    def analyze_batch(self, texts):
        self.calls += 1
        if self.calls >= self.at:
            raise KeyboardInterrupt
        return super().analyze_batch(texts)


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """``invoke(*args, analyzer=None)``: the command in-process with fake backends."""
    import summarizer.api

    real = summarizer.api.Summarizer
    chosen: dict[str, object] = {}

    def fake_factory(settings=None, **options):
        analyzer = chosen.get("analyzer") or RegexAnalyzer()
        return real(settings, embedder=HashEmbedder(), analyzer=analyzer, **options)

    monkeypatch.setattr(summarizer.api, "Summarizer", fake_factory)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMARIZER_EMBEDDER", raising=False)
    runner = CliRunner()

    def invoke(*args: str, analyzer=None):
        chosen["analyzer"] = analyzer
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert "Traceback" not in result.output, result.output
        return result

    return invoke


def make_articles(root: Path, count: int) -> list[str]:
    root.mkdir(exist_ok=True)
    for n in range(count):
        (root / f"a{n:02d}.txt").write_text(article_text(n), encoding="utf-8")
    return [f"a{n:02d}" for n in range(count)]


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    make_articles(root, 6)
    return root


def test_resume_skips_done_ids_and_appends_the_rest(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    first = cli("run", str(folder / "a01.txt"), str(folder / "a03.txt"), "-f", "jsonl", "-q", "-o", str(out))
    assert first.exit_code == 0, first.output
    before = out.read_bytes()
    assert ids_of(out) == ["a01", "a03"]

    again = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert again.exit_code == 0, again.output
    assert again.stdout == ""
    assert out.read_bytes().startswith(before)  # the earlier records are untouched
    ids = ids_of(out)
    assert sorted(ids) == [f"a{n:02d}" for n in range(6)] and len(ids) == len(set(ids))
    assert ids[2:] == ["a00", "a02", "a04", "a05"]  # only the new ones, appended in input order
    assert "2 article(s) skipped as already done" in again.stderr
    assert "4 new record(s)" in again.stderr

    # Nothing left to do: the file stays as it is.
    done = out.read_bytes()
    third = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert third.exit_code == 0, third.output
    assert out.read_bytes() == done
    assert "6 article(s) skipped" in third.stderr and "0 new record(s)" in third.stderr


def test_resume_keeps_error_records(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    missing = str(tmp_path / "gone.txt")
    first = cli("run", str(folder / "a00.txt"), missing, "-f", "jsonl", "-q", "-o", str(out))
    assert first.exit_code == 1
    assert [r["error"] is None for r in map(json.loads, out.read_text().splitlines())] == [True, False]

    again = cli("run", str(folder / "a00.txt"), missing, str(folder / "a01.txt"),
                "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert ids_of(out) == ["a00", "gone", "a01"]  # the error record was not redone
    assert again.exit_code == 1  # ... and still counts as a failure
    assert "1 of 3 article(s) failed (1 of them in an earlier run" in again.stderr


def test_resume_repairs_a_cut_last_line(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    assert cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2], encoding="utf-8")  # killed mid-line

    again = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert again.exit_code == 0, again.output
    assert "WARNING" in again.stderr and "line 4" in again.stderr and "incomplete" in again.stderr
    ids = ids_of(out)
    assert sorted(ids) == [f"a{n:02d}" for n in range(6)] and len(ids) == 6
    assert "3 article(s) skipped" in again.stderr


def test_resume_refuses_a_file_that_is_not_jsonl_output(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    content = "some notes\n" + record_line("a00")
    out.write_text(content, encoding="utf-8")
    result = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert result.exit_code == 2
    assert "line 1" in result.stderr and "--resume" in result.stderr
    assert out.read_text(encoding="utf-8") == content


def test_resume_of_a_missing_file_starts_it(cli, folder, tmp_path):
    out = tmp_path / "new.jsonl"
    result = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert result.exit_code == 0, result.output
    assert len(ids_of(out)) == 6
    assert "0 article(s) skipped" in result.stderr


@pytest.mark.parametrize(("args", "words"), [
    (["-f", "jsonl"], "--output"),
    (["-f", "jsonl", "-o", "-"], "--output"),
    (["-f", "json", "-o", "OUT"], "jsonl"),
    (["-o", "OUT"], "jsonl"),  # the default format is text
])
def test_resume_misuse_is_a_usage_error(cli, folder, tmp_path, args, words):
    out = tmp_path / "out.file"
    args = [str(out) if a == "OUT" else a for a in args]
    result = cli("run", str(folder), "-q", "--resume", *args)
    assert result.exit_code == 2
    assert "--resume" in result.stderr and words in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_without_resume_an_existing_jsonl_output_is_replaced(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(record_line("old") + "garbage", encoding="utf-8")
    result = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert ids_of(out) == [f"a{n:02d}" for n in range(6)]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_jsonl_output_that_is_also_an_input_is_refused(cli, tmp_path):
    data = tmp_path / "feed.jsonl"
    content = json.dumps({"id": "x", "text": article_text(1)}) + "\n"
    data.write_text(content, encoding="utf-8")
    result = cli("run", str(data), "-f", "jsonl", "-q", "-o", str(data))
    assert result.exit_code == 2
    assert "also an input" in result.stderr
    assert data.read_text(encoding="utf-8") == content


def test_help_explains_resume(cli):
    text = " ".join(cli("run", "--help").stdout.split())
    assert "--resume" in text
    assert "whether they succeeded or failed" in text and "not tried again" in text
    assert "130" in text


def test_interrupted_jsonl_keeps_complete_records(cli, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--batch-size", "1",
                 analyzer=InterruptingAnalyzer(at=4))
    assert result.exit_code == 130
    assert ids_of(out) == ["a00", "a01", "a02"]
    assert "3 record(s) written" in result.stderr and "--resume" in result.stderr

    again = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume", "--batch-size", "1",
                analyzer=InterruptingAnalyzer(at=3))
    assert again.exit_code == 130
    assert ids_of(out) == ["a00", "a01", "a02", "a03", "a04"]
    assert "2 record(s) written" in again.stderr and "(5 in all)" in again.stderr

    last = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert last.exit_code == 0
    assert ids_of(out) == [f"a{n:02d}" for n in range(6)]


@pytest.mark.parametrize("fmt", ["json", "markdown", "text", "csv"])
def test_interrupted_whole_file_format_leaves_the_old_file(cli, folder, tmp_path, fmt):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"result.{fmt}"
    out.write_text("previous result\n", encoding="utf-8")
    result = cli("run", str(folder), "-f", fmt, "-q", "-o", str(out), "--batch-size", "1",
                 analyzer=InterruptingAnalyzer(at=3))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous result\n"
    assert [p.name for p in out_dir.iterdir()] == [out.name]  # no temporary file left behind


# --- a real process, interrupted with SIGINT ----------------------------------------------------

# The command in a child process on fake backends whose analyser is slow (0.1 s a call), so that
# it can be interrupted half way. The fakes are wired in here: nothing in the package knows.
CHILD = f"""
import sys, time
sys.path.insert(0, {str(TESTS)!r})
import fakes
import summarizer.api as api

class SlowAnalyzer(fakes.RegexAnalyzer):
    def analyze_batch(self, texts):
        time.sleep(0.1)
        return super().analyze_batch(texts)

real = api.Summarizer
api.Summarizer = lambda settings=None, **options: real(
    settings, embedder=fakes.HashEmbedder(), analyzer=SlowAnalyzer(), **options)
from summarizer.cli import main
main(prog_name="summarizer")
"""


def test_sigint_keeps_valid_jsonl_and_resume_finishes(cli, tmp_path):
    folder = tmp_path / "many"
    expected = make_articles(folder, 40)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ)
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "cache")
    env.pop("SUMMARIZER_EMBEDDER", None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, "run", str(folder), "--format", "jsonl", "--output", str(out),
         "-q", "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and child.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.02)
        assert child.poll() is None, "the run ended before it could be interrupted: " + child.stderr.read()
        assert out.read_bytes().count(b"\n") >= 3, "no records after 20 s"
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr
    assert stdout == ""
    written = ids_of(out)  # every line a complete JSON record
    assert 3 <= len(written) < 40
    assert f"{len(written)} record(s) written to {out}" in stderr, stderr
    assert "--resume" in stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]

    again = cli("run", str(folder), "--format", "jsonl", "--output", str(out), "-q", "--resume")
    assert again.exit_code == 0, again.output
    assert f"{len(written)} article(s) skipped as already done" in again.stderr
    ids = ids_of(out)
    assert ids[: len(written)] == written
    assert sorted(ids) == expected  # each of the 40 exactly once


# --- a disk that fills up -----------------------------------------------------------------------


class DiskFull:
    """A stream wrapper whose writes fail with ENOSPC once ``room`` characters have been written,
    after writing what still fits (so a record line is cut, as on a real full disk)."""

    def __init__(self, stream, room: int) -> None:
        self.stream, self.room = stream, room

    def write(self, text: str) -> int:
        if len(text) > self.room:
            self.stream.write(text[: self.room])
            self.stream.flush()
            self.room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(text)
        return self.stream.write(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def fill_disk_after(monkeypatch, room: int) -> None:
    import summarizer.formats as formats

    real = formats.get_writer
    monkeypatch.setattr(formats, "get_writer", lambda fmt, stream, **options: real(fmt, DiskFull(stream, room), **options))


def test_a_full_disk_keeps_the_written_records_and_says_how_to_go_on(cli, folder, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    line = len(cli("run", str(folder / "a00.txt"), "-f", "jsonl", "-q").stdout)
    fill_disk_after(monkeypatch, room=2 * line + line // 2)  # two records, and half of the third
    result = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--batch-size", "1")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert f"could not write to {out} (No space left on device)" in message
    assert "2 record(s) were written" in message and "--resume" in message
    monkeypatch.undo()
    again = cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(out), "--resume")
    assert again.exit_code == 0
    assert ids_of(out) == [f"a{n:02d}" for n in range(6)]  # the cut line was removed and done again


@pytest.mark.parametrize("target", ["file", "stdout"])
def test_a_full_disk_with_a_whole_file_format_leaves_the_old_file(cli, folder, tmp_path, monkeypatch, target):
    out = tmp_path / "result.json"
    out.write_text("previous result\n", encoding="utf-8")
    fill_disk_after(monkeypatch, room=100)
    args = ["-o", str(out)] if target == "file" else []
    result = cli("run", str(folder), "-f", "json", "-q", *args)
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    if target == "file":
        assert f"could not write the output to {out} (No space left on device); nothing was written" in message
        assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "cache", "result.json"]  # no temporary file
    else:
        assert "could not write the records to standard output (No space left on device)" in message
    assert out.read_text(encoding="utf-8") == "previous result\n"


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
def test_a_real_write_error_keeps_the_written_records_and_says_how_to_go_on(cli, tmp_path):
    """The operating system refuses to let the file grow (a file size limit, as a full disk would):
    the error comes from a flush of the real file, and again when it is closed."""
    import resource

    folder = tmp_path / "many"
    expected = make_articles(folder, 8)
    full = tmp_path / "full.jsonl"
    assert cli("run", str(folder), "-f", "jsonl", "-q", "-o", str(full)).exit_code == 0
    sizes = [len(line) + 1 for line in full.read_bytes().splitlines()]
    limit = sum(sizes[:3]) + sizes[3] // 2  # three records and half of the fourth

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out.jsonl"
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SUMMARIZER_EMBEDDER", None)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "run", str(folder), "--format", "jsonl", "--output", str(out), "-q",
         "--batch-size", "1", "--no-cache"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, preexec_fn=limit_file_size,
    )  # fmt: skip
    assert child.returncode == 1, child.stderr
    assert "Traceback" not in child.stderr, child.stderr
    message = " ".join(child.stderr.split())
    assert f"could not write to {out} (File too large); 3 record(s) were written before that" in message
    assert "Fix that, then run the same command again with --resume" in message
    assert out.stat().st_size == limit  # the fourth record was cut

    again = cli("run", str(folder), "--format", "jsonl", "--output", str(out), "-q", "--resume")
    assert again.exit_code == 0, again.output
    assert ids_of(out) == expected  # the cut line was removed, and the other five appended
