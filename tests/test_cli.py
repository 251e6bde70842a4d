"""The command line: click's CliRunner on fake backends (fast), and real subprocess runs (slow)."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import HashEmbedder, RegexAnalyzer

from summarizer.cli import main
from summarizer.formats import FORMAT_NAMES

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent / "seeds"

RECORD_KEYS = {
    "id", "source", "title", "date", "byline", "summary", "summary_sentences",
    "topics", "keywords", "entities", "warnings", "error",
}
ALL_FORMATS = ["text", "json", "jsonl", "markdown", "csv"]

ARTICLES = {
    "budget.txt": (
        "City council approves new budget\n\n"
        "The city council voted on Tuesday to approve a new budget after months of debate among its members. "
        "Officials said the plan would fund schools, roads and libraries across the region from next year. "
        "The mayor welcomed the decision and thanked residents for their patience during the long negotiations. "
        "Opposition members argued that the spending increases were too large for the current economic climate. "
        "The new budget takes effect on the first day of January.\n"
    ),
    "football.md": (
        "# Local team wins the championship\n\n"
        "The Riverside Rovers won the regional football championship on Saturday with a late goal in extra time. "
        "Thousands of supporters celebrated in the streets of the town until the early morning hours. "
        "The coach praised the players for their determination throughout a difficult season. "
        "The team will now compete in the national tournament next spring.\n"
    ),
    "storm.txt": (
        "Storm closes schools along the coast\n\n"
        "A powerful storm brought heavy rain and strong winds to the coast on Wednesday, forcing schools to close. "
        "Emergency services rescued several families from flooded homes in low-lying neighbourhoods. "
        "Forecasters expect the weather to improve by the weekend, although rivers remain high. "
        "Residents were advised to avoid travel and to follow the instructions of local authorities.\n"
    ),
}
STEMS = {Path(name).stem for name in ARTICLES}


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def _keep_logging():
    """The command replaces the root logger's handlers; put them back after each test."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run ``summarizer ...`` in-process with the fake backends (no models, no network)."""
    import summarizer.api

    real = summarizer.api.Summarizer

    def fake_factory(settings=None, **options):
        return real(settings, embedder=HashEmbedder(), analyzer=RegexAnalyzer(), **options)

    # cli.run does `from .api import Summarizer` when it runs, so it picks this up.
    monkeypatch.setattr(summarizer.api, "Summarizer", fake_factory)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMARIZER_EMBEDDER", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None):
        result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        assert "Traceback" not in result.output, result.output
        return result

    return invoke


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def source_text(record: dict) -> str:
    """The text of the file a record came from."""
    return Path(record["source"]).read_text(encoding="utf-8")


def assert_good(record: dict) -> None:
    assert set(record) >= RECORD_KEYS, set(record) ^ RECORD_KEYS
    assert record["error"] is None, record
    assert record["summary_sentences"], record
    assert record["summary"] == " ".join(record["summary_sentences"])
    assert record["topics"] and all(t["qcode"].startswith("medtop:") for t in record["topics"])
    assert record["keywords"]


def jsonl_records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["eval", "--help"], ["run", "-h"]])
def test_help(cli, args):
    result = cli(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")


def test_run_help_lists_every_format_and_exit_codes(cli):
    text = norm(cli("run", "--help").stdout)
    for name in FORMAT_NAMES:
        assert name in text
    assert "Exit status" in text
    assert "standard input" in text


def test_eval_help_describes_data(cli):
    text = norm(cli("eval", "--help").stdout)
    assert "DATA" in text and "JSON Lines" in text and "--limit" in text


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert "summarizer" in result.stdout


# --- formats ----------------------------------------------------------------------------------


def test_formats_list_is_complete():
    assert sorted(FORMAT_NAMES) == sorted(ALL_FORMATS)


@pytest.fixture
def reference(cli, folder) -> dict[str, dict]:
    """The JSON Lines records of the folder, by id: what every other format must show."""
    result = cli("run", str(folder), "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in jsonl_records(result)}


def test_jsonl(reference):
    assert set(reference) == STEMS
    for record in reference.values():
        assert_good(record)
        text = norm(source_text(record))
        for sentence in record["summary_sentences"]:
            assert norm(sentence) in text
    assert reference["budget"]["title"] == "City council approves new budget"
    assert reference["football"]["title"] == "Local team wins the championship"


def test_json(cli, folder, reference):
    result = cli("run", str(folder), "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == len(ARTICLES)
    for record in records:
        assert_good(record)
        assert record == reference[record["id"]]
    # folders are read in sorted order
    assert [r["id"] for r in records] == sorted(STEMS)


def test_csv(cli, folder, reference):
    result = cli("run", str(folder), "--format", "csv", "-q")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == len(ARTICLES)
    for row in rows:
        assert {"id", "source", "summary", "topics", "keywords", "entities", "error"} <= set(row)
        expected = reference[row["id"]]
        assert row["summary"] == expected["summary"]
        assert row["error"] == ""
        assert row["topic_qcodes"].split("; ") == [t["qcode"] for t in expected["topics"]]


def test_markdown(cli, folder, reference):
    result = cli("run", str(folder), "--format", "markdown", "-q")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("\n## ") + out.startswith("## ") == len(ARTICLES)
    assert "## City council approves new budget" in out
    for record in reference.values():
        assert record["summary"] in out  # the test articles hold no Markdown special characters
        assert f"`{record['id']}`" in out


def test_text(cli, folder, reference):
    result = cli("run", str(folder), "--format", "text", "-q")
    assert result.exit_code == 0, result.output
    out = norm(result.stdout)
    for record in reference.values():
        assert f"[{record['id']}]" in out
        assert norm(record["summary"]) in out  # wrapped over lines
        assert record["topics"][0]["label"] in out


def test_text_is_the_default(cli, folder):
    default = cli("run", str(folder), "-q")
    explicit = cli("run", str(folder), "-q", "-f", "text")
    assert default.exit_code == explicit.exit_code == 0
    assert default.stdout == explicit.stdout and default.stdout


def test_format_name_is_case_insensitive(cli, folder):
    result = cli("run", str(folder), "--format", "JSON", "-q")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(ARTICLES)


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_output_file(cli, folder, tmp_path, fmt):
    out = tmp_path / "out" / f"result.{fmt}"
    out.parent.mkdir()
    result = cli("run", str(folder), "--format", fmt, "-q", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = out.read_text(encoding="utf-8")
    assert data.strip()
    if fmt == "json":
        assert {r["id"] for r in json.loads(data)} == STEMS
    elif fmt == "jsonl":
        assert {json.loads(line)["id"] for line in data.splitlines()} == STEMS
    elif fmt == "csv":
        assert {row["id"] for row in csv.DictReader(io.StringIO(data, newline=""))} == STEMS
    else:
        assert all(stem in data for stem in STEMS)
    # only the result is left in the folder (the temporary file was renamed)
    assert [p.name for p in out.parent.iterdir()] == [out.name]


@pytest.mark.parametrize(("name", "fmt"), [("records.jsonl", "jsonl"), ("records.NDJSON", "jsonl"),
                                         ("records.json", "json"), ("records.md", "markdown"),
                                         ("records.markdown", "markdown"), ("records.csv", "csv"),
                                         ("records.txt", "text"), ("records.log", "text"), ("records", "text")])
def test_output_file_ending_chooses_the_format(cli, folder, tmp_path, reference, name, fmt):
    out = tmp_path / name
    result = cli("run", str(folder), "-q", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_text(encoding="utf-8")
    explicit = tmp_path / f"explicit-{name}"
    assert cli("run", str(folder), "-q", "-f", fmt, "-o", str(explicit)).exit_code == 0
    assert data == explicit.read_text(encoding="utf-8")  # as if -f had been given
    if fmt == "jsonl":
        assert {json.loads(line)["id"] for line in data.splitlines()} == STEMS
    elif fmt == "json":
        assert {r["id"] for r in json.loads(data)} == STEMS
    elif fmt == "csv":
        assert {row["id"] for row in csv.DictReader(io.StringIO(data, newline=""))} == STEMS
    elif fmt == "markdown":
        assert "## City council approves new budget" in data
    else:
        assert "[budget]" in data and not data.lstrip().startswith(("{", "[{", "#", "id,"))


@pytest.mark.parametrize(("fmt", "name", "implied"), [("csv", "x.json", "json"), ("json", "x.jsonl", "jsonl"),
                                                      ("jsonl", "x.json", "json"), ("text", "x.md", "markdown"),
                                                      ("markdown", "x.csv", "csv")])
def test_a_format_that_contradicts_the_output_ending_is_refused(cli, folder, tmp_path, fmt, name, implied):
    out = tmp_path / name
    result = cli("run", str(folder), "-q", "-f", fmt, "-o", str(out))
    assert result.exit_code == 2
    message = norm(result.stderr)
    assert f"--format {fmt} does not fit the output file {out}" in message
    assert f"stands for {implied}; leave out --format to write {implied}" in message
    assert not out.exists() and result.stdout == ""


def test_a_format_that_fits_the_output_ending_is_taken_in_any_case(cli, folder, tmp_path):
    out = tmp_path / "x.JSON"
    result = cli("run", str(folder), "-q", "-f", "Json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {r["id"] for r in json.loads(out.read_text(encoding="utf-8"))} == STEMS


def test_resume_needs_no_format_with_a_jsonl_output(cli, folder, tmp_path):
    out = tmp_path / "records.jsonl"
    assert cli("run", str(folder), "-q", "-o", str(out)).exit_code == 0
    again = cli("run", str(folder), "-q", "-o", str(out), "--resume")
    assert again.exit_code == 0, again.output
    assert f"{len(ARTICLES)} article(s) skipped" in again.stderr
    refused = cli("run", str(folder), "-q", "-o", str(tmp_path / "records.json"), "--resume")
    assert refused.exit_code == 2 and "--resume works only with JSON Lines" in norm(refused.stderr)


def test_help_says_how_the_format_is_chosen(cli):
    text = norm(cli("run", "--help").stdout)
    assert ".json: json, .jsonl or .ndjson: jsonl, .md or .markdown: markdown, .csv: csv), else text" in text


def test_output_into_missing_folder_is_a_usage_error(cli, folder, tmp_path):
    target = tmp_path / "no" / "such" / "x.json"
    result = cli("run", str(folder), "-f", "json", "-q", "-o", str(target))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert result.stdout == ""
    assert not target.exists()


# --- inputs -----------------------------------------------------------------------------------


def test_stdin_text(cli):
    result = cli("run", "-", "-f", "jsonl", "-q", input=ARTICLES["storm.txt"].encode())
    assert result.exit_code == 0, result.output
    (record,) = jsonl_records(result)
    assert_good(record)
    assert record["id"] == "stdin"
    assert record["source"] == "<stdin>"
    for sentence in record["summary_sentences"]:
        assert norm(sentence) in norm(ARTICLES["storm.txt"])


def test_stdin_jsonl(cli):
    rows = [
        {"id": "one", "title": "Budget", "text": ARTICLES["budget.txt"]},
        {"id": "two", "text": ARTICLES["football.md"], "date": "2024-05-01"},
    ]
    data = "".join(json.dumps(r) + "\n" for r in rows)
    result = cli("run", "-", "-f", "jsonl", "-q", input=data.encode())
    assert result.exit_code == 0, result.output
    records = jsonl_records(result)
    assert [r["id"] for r in records] == ["one", "two"]
    for record in records:
        assert_good(record)
    assert records[0]["title"] == "Budget"
    assert records[1]["date"] == "2024-05-01"


def test_jsonl_and_json_dates_become_iso_or_are_left_out_with_a_warning(cli, tmp_path):
    dates = ["March 3, 2005", "Thu, 03 Mar 2005 10:00:00 GMT", "03/04/2005", "2005-03", "soon"]
    rows = [{"id": f"d{n}", "text": ARTICLES["budget.txt"], "date": date} for n, date in enumerate(dates)]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "rows.json").write_text(json.dumps(rows), encoding="utf-8")
    for name in ("rows.jsonl", "rows.json"):
        result = cli("run", str(tmp_path / name), "-f", "jsonl", "-q")
        assert result.exit_code == 0, result.output
        records = jsonl_records(result)
        assert [r["date"] for r in records] == ["2005-03-03", "2005-03-03", None, None, None]
        assert not any("date" in w for r in records[:2] for w in r["warnings"])
        for record, raw in zip(records[2:], dates[2:]):
            assert [w for w in record["warnings"] if "date" in w] == [
                w for w in record["warnings"] if w.startswith(f'ignored the given date "{raw}": ')], record
            assert any(w.startswith(f'ignored the given date "{raw}": ') for w in record["warnings"])


def test_glob(cli, folder):
    result = cli("run", str(folder / "*.txt"), "-f", "jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(r["id"] for r in jsonl_records(result)) == ["budget", "storm"]


def test_glob_matching_nothing_is_an_error_record(cli, folder):
    pattern = str(folder / "*.pdf")
    result = cli("run", pattern, "-f", "jsonl", "-q")
    assert result.exit_code == 1
    (record,) = jsonl_records(result)
    assert pattern in record["error"]


def test_several_inputs_in_order(cli, folder):
    result = cli("run", str(folder / "storm.txt"), str(folder / "budget.txt"), "-f", "jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in jsonl_records(result)] == ["storm", "budget"]


# --- options ----------------------------------------------------------------------------------


def test_sentences(cli, folder, reference):
    assert any(len(r["summary_sentences"]) > 1 for r in reference.values())  # the option must matter
    result = cli("run", str(folder), "-f", "jsonl", "-q", "--sentences", "1")
    assert result.exit_code == 0, result.output
    records = jsonl_records(result)
    assert len(records) == len(ARTICLES)
    for record in records:
        assert len(record["summary_sentences"]) == 1
        assert norm(record["summary"]) in norm(source_text(record))


def test_sentences_out_of_range_is_a_usage_error(cli, folder):
    result = cli("run", str(folder), "--sentences", "0")
    assert result.exit_code == 2
    assert "--sentences" in result.stderr


def test_jobs_reach_the_settings_and_zero_is_a_usage_error(cli, folder, monkeypatch):
    import summarizer.api

    seen = []
    factory = summarizer.api.Summarizer

    def recording(settings=None, **options):
        seen.append(settings.jobs)
        return factory(settings, **options)

    monkeypatch.setattr(summarizer.api, "Summarizer", recording)
    assert cli("run", str(folder), "-q", "--jobs", "3").exit_code == 0
    assert cli("run", str(folder), "-q").exit_code == 0
    assert seen == [3, None]
    result = cli("run", str(folder), "--jobs", "0")
    assert result.exit_code == 2 and "--jobs" in result.stderr


@pytest.mark.parametrize("budget", [1, 25])
def test_max_words(cli, folder, reference, budget):
    result = cli("run", str(folder), "-f", "jsonl", "-q", "--max-words", str(budget))
    assert result.exit_code == 0, result.output
    records = jsonl_records(result)
    assert len(records) == len(ARTICLES)
    for record in records:
        sentences = record["summary_sentences"]
        assert sentences  # the best sentence is always kept
        assert len(sentences) == 1 or len(record["summary"].split()) <= budget
        assert len(record["summary"].split()) <= len(reference[record["id"]]["summary"].split())
    if budget == 1:
        assert all(len(r["summary_sentences"]) == 1 for r in records)


def test_topic_options(cli, folder):
    every = jsonl_records(cli("run", str(folder), "-q", "-f", "jsonl", "--topics", "5", "--topic-min-share", "0"))
    assert all(1 <= len(r["topics"]) <= 5 for r in every)  # only labels an article names: maybe fewer than asked
    result = cli("run", str(folder), "-q", "-v", "-f", "jsonl", "--topics", "5", "--topic-min-share", "1")
    fewer = jsonl_records(result)
    cut = sum(len(f["topics"]) < len(e["topics"]) for f, e in zip(fewer, every, strict=True))
    assert cut and all(1 <= len(f["topics"]) <= len(e["topics"]) for f, e in zip(fewer, every, strict=True))
    assert cut <= norm(result.stderr).count("of 5 topic(s); the others score less than 1.00 times the first topic's "
                                            "score (--topic-min-share)") <= len(ARTICLES)
    short = "The council met on Monday. It approved the school budget."
    (none,) = jsonl_records(cli("run", "-", "-q", "-f", "jsonl", "--topic-min-score", "1", input=short))
    assert none["topics"] == [] and none["summary_sentences"]
    assert any(w.startswith("no topics: the text is short (10 words)") for w in none["warnings"])
    (some,) = jsonl_records(cli("run", "-", "-q", "-f", "jsonl", "--topic-min-score", "0", input=short))
    assert some["topics"] and not some["warnings"]


@pytest.mark.parametrize("args", [["--topic-min-share", "1.5"], ["--topic-min-score", "-0.1"]])
def test_topic_thresholds_out_of_range_are_usage_errors(cli, folder, args):
    result = cli("run", str(folder), "-q", *args)
    assert result.exit_code == 2 and "is not in the range 0<=x<=1" in result.stderr


def test_topic_option_defaults_are_the_settings_defaults(cli):
    from summarizer.settings import Settings

    text = norm(cli("run", "--help").stdout)
    defaults = Settings()
    for option, value in (("--topics", defaults.topics), ("--topic-min-share", defaults.topic_min_share),
                          ("--topic-min-score", defaults.topic_min_score)):
        help_of = text[text.index(option + " "):]
        assert f"[default: {value};" in help_of[:700], option


# --- usage errors and bad inputs --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xml", "yaml", ""])
def test_unknown_format(cli, folder, fmt):
    result = cli("run", str(folder), "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for '-f' / '--format'" in result.stderr
    assert "'text', 'json', 'jsonl', 'markdown', 'csv'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_input_argument(cli):
    result = cli("run")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_nonexistent_path(cli, folder, tmp_path):
    missing = str(tmp_path / "nosuchfile.txt")
    result = cli("run", str(folder), missing, "-f", "jsonl", "-q")
    assert result.exit_code == 1
    records = jsonl_records(result)
    assert len(records) == len(ARTICLES) + 1
    bad = [r for r in records if r["error"]]
    assert len(bad) == 1
    assert bad[0]["source"] == missing
    assert missing in bad[0]["error"] and "no such file" in bad[0]["error"]
    assert bad[0]["summary"] is None and bad[0]["summary_sentences"] == []
    for record in records:
        if record is not bad[0]:
            assert_good(record)
    assert "1 of 4 article(s) failed" in result.stderr


@pytest.fixture
def messy_folder(folder) -> Path:
    """The good articles plus every kind of bad input, in the same folder."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "paper.md").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (folder / "nul.txt").write_bytes(b"Some words\x00 with NUL bytes\x00 between them. " * 20)
    rng = random.Random(7)
    (folder / "random.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    lines = [
        json.dumps({"id": "row-ok-1", "text": ARTICLES["budget.txt"]}),
        '{"id": "row-broken", "text": "no closing quote',
        json.dumps({"id": "row-ok-2", "text": ARTICLES["storm.txt"]}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


BAD_FILES = {
    "empty": "empty",
    "photo": "PNG",
    "paper": "PDF",
    "nul": "NUL",
    "random": "encoding",
}


def test_bad_inputs_become_error_records(cli, messy_folder):
    result = cli("run", str(messy_folder), "-f", "jsonl", "-q")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    records = jsonl_records(result)
    by_id = {r["id"]: r for r in records}
    for stem, word in BAD_FILES.items():
        record = by_id[stem]
        assert record["error"], record
        assert stem in record["source"]
        assert stem in record["error"], record["error"]  # the message names the input
        assert word.lower() in record["error"].lower(), record["error"]
        assert record["summary"] is None
    # the malformed JSON Lines row: named by file and line number
    broken = [r for r in records if r["source"].endswith("feed.jsonl:2")]
    assert len(broken) == 1
    assert "feed.jsonl" in broken[0]["error"] and "line 2" in broken[0]["error"]
    # every good article, including the good rows around the broken one, succeeded
    for ident in [*STEMS, "row-ok-1", "row-ok-2"]:
        assert_good(by_id[ident])
    failed = [r for r in records if r["error"]]
    assert len(failed) == len(BAD_FILES) + 1
    assert f"{len(failed)} of {len(records)} article(s) failed" in result.stderr


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_bad_inputs_in_every_format(cli, messy_folder, fmt):
    result = cli("run", str(messy_folder), "-f", fmt, "-q")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    out = result.stdout
    if fmt == "json":
        assert sum(1 for r in json.loads(out) if r["error"]) == len(BAD_FILES) + 1
    elif fmt == "csv":
        assert sum(1 for r in csv.DictReader(io.StringIO(out, newline="")) if r["error"]) == len(BAD_FILES) + 1
    elif fmt == "text":
        assert out.count("ERROR: ") == len(BAD_FILES) + 1
    elif fmt == "markdown":
        assert out.count("**Error:**") == len(BAD_FILES) + 1


def test_binary_file_given_directly(cli, folder, tmp_path):
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = cli("run", str(png), str(folder / "budget.txt"), "-f", "jsonl", "-q")
    assert result.exit_code == 1
    bad, good = jsonl_records(result)
    assert "image.png" in bad["error"] and "PNG" in bad["error"]
    assert_good(good)


def test_stdin_too_short(cli):
    result = cli("run", "-", "-f", "jsonl", "-q", input=b"hello\n")
    assert result.exit_code == 1
    (record,) = jsonl_records(result)
    assert record["error"] and "<stdin>" in record["error"]


def test_all_good_exits_zero_quietly(cli, folder):
    result = cli("run", str(folder), "-f", "jsonl", "-q")
    assert result.exit_code == 0
    assert "failed" not in result.stderr
    assert all(r["error"] is None for r in jsonl_records(result))


def test_failure_is_in_the_record_and_on_stderr_only_with_verbose(cli, tmp_path):
    missing = str(tmp_path / "gone.txt")
    result = cli("run", missing, "-f", "jsonl")
    assert result.exit_code == 1
    assert "gone.txt" in json.loads(result.stdout)["error"]
    assert "1 of 1 article(s) failed" in result.stderr
    assert not [line for line in result.stderr.splitlines() if "INFO" in line]
    result = cli("run", missing, "-f", "jsonl", "-v")
    info = [line for line in result.stderr.splitlines() if "INFO" in line]
    assert len(info) == 1 and info[0].count("gone.txt") == 1, info


# --- import cost ------------------------------------------------------------------------------


def test_import_cli_does_not_load_models():
    code = (
        "import summarizer.cli, sys; "
        "print(','.join(m for m in ('torch', 'transformers', 'sentence_transformers', 'spacy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=TESTS.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


# --- real models, real process (slow) ---------------------------------------------------------


@pytest.fixture(scope="module")
def real_env(tmp_path_factory) -> dict[str, str]:
    """The environment of the real runs: one fresh topic-embedding cache shared by both."""
    env = dict(os.environ)
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cli-cache"))
    env.pop("SUMMARIZER_EMBEDDER", None)
    env.setdefault("HF_HUB_OFFLINE", "1")
    return env


@pytest.mark.slow
def test_real_run_on_seeds(tmp_path, real_env):
    from summarizer.stages.clean import clean
    from summarizer.taxonomy import load_taxonomy

    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "run", str(SEEDS), "--format", "jsonl", "-q"],
        capture_output=True, text=True, timeout=600, env=real_env, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(records) == 5
    taxonomy = load_taxonomy()
    for record in records:
        assert set(record) >= RECORD_KEYS
        assert record["error"] is None, record
        assert record["summary_sentences"]
        text = Path(record["source"]).read_text(encoding="utf-8")
        raw, cleaned = norm(text), norm(clean(text).text)
        for sentence in record["summary_sentences"]:
            assert norm(sentence) in raw or norm(sentence) in cleaned, (record["id"], sentence)
        for junk in ("Leave a review", "Follow us", "News Line", "Azernews reports"):
            assert junk not in record["summary"], (record["id"], junk)
        assert record["topics"]
        for topic in record["topics"]:
            assert topic["qcode"] in taxonomy, topic
            assert topic["label"] == taxonomy.by_qcode[topic["qcode"]].label
    by_id = {r["id"]: r for r in records}
    seed_001 = next(r for ident, r in by_id.items() if ident.startswith("001"))
    assert "Ali Asadov" in {e["text"] for e in seed_001["entities"]}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("summarizer") is None, reason="the summarizer console script is not installed")
def test_console_script_text(tmp_path, real_env):
    done = subprocess.run(
        [shutil.which("summarizer"), "run", str(SEEDS) + "/", "--format", "text"],
        capture_output=True, text=True, timeout=600, env=real_env, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count("Summary:") == 5
    assert "Ali Asadov" in done.stdout


def test_run_and_eval_stop_the_analysis_helpers_before_exiting(cli, folder, tmp_path, monkeypatch):
    from summarizer.pipeline import Pipeline

    closed = []
    real_close = Pipeline.close
    monkeypatch.setattr(Pipeline, "close", lambda self: (closed.append("closed"), real_close(self))[1])
    assert cli("run", str(folder), "-q").exit_code == 0
    assert closed == ["closed"]
    data = tmp_path / "eval.jsonl"
    data.write_text("".join(json.dumps({"text": text}) + "\n" for text in ARTICLES.values()), encoding="utf-8")
    assert cli("eval", str(data), "--json", "-q").exit_code == 0
    assert closed == ["closed", "closed"]
