"""--engine ray: Ray Data on a local Ray instance (2 CPUs) writes the records of the single-process run.

The tests that run actors load the real packaged models in every actor (``slow``). The reading,
listing and record-table tests need only pyarrow; the not-installed tests need nothing.
"""

from __future__ import annotations

import builtins
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import Settings, Summarizer
from summarizer.cli import main
from summarizer.errors import NotInstalledError, SummarizerError, UsageError
from summarizer.formats import iter_inputs
from summarizer.records import Article, InputFailure

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# --- test data ---------------------------------------------------------------------------------


def seed_rows() -> list[dict]:
    """33 articles from the 5 seed articles: each whole, and runs of 3 paragraphs (some very short)."""
    rows: list[dict] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows.append({"id": path.stem, "text": text, "url": f"https://example.org/{path.stem}"})
        paragraphs = text.split("\n\n")
        for start in range(0, len(paragraphs) - 2, 2):
            row = {"text": "\n\n".join(paragraphs[start : start + 3]), "title": f"Part {start} of {path.stem}"}
            if start % 4 == 0:
                row["byline"] = "Staff reporter"
            rows.append(row)
    return rows


def write_jsonl(path: Path) -> Path:
    """A JSON Lines file of every kind of row: ids given or not (or numeric, or repeated), a row without
    text, a line that is not JSON, a blank line."""
    rows = seed_rows()
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines.insert(3, json.dumps({"id": "no-text", "title": "A row without text"}))
    lines.insert(5, "")
    lines.insert(7, "{not json")
    lines.insert(9, json.dumps({"id": 7, "text": rows[1]["text"]}))
    lines.insert(11, json.dumps({"id": rows[0]["id"], "text": rows[2]["text"]}))  # a repeated id
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def part_records(folder: Path) -> list[dict]:
    """The records of a folder of part-*.jsonl files, in file-name order (split on "\\n" only)."""
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").split("\n") if line]


def assert_fit_the_schema(records: list[dict]) -> None:
    """Each record validates against the shipped record.schema.json."""
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("summarizer.data").joinpath("record.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, f"the record of {record['id']} does not fit the schema: {errors}"


def assert_same_records(got: list[dict], expected: list[dict]) -> None:
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    for g, e in zip(got, expected, strict=True):
        assert g == e, f"the record of {e['id']} differs"


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_local():
    """A local Ray instance with 2 CPUs for this module (no dashboard, no network needed)."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    if started:
        ray.shutdown()


@pytest.fixture
def settings(real_summarizer) -> Settings:
    """Batches of 8, so that a few dozen articles make several batches; every record is computed."""
    return replace(real_summarizer.settings, batch_size=8, result_cache=False)


@pytest.fixture
def reference(real_summarizer, settings) -> Summarizer:
    """The single-process run with the same settings (and the already loaded models)."""
    return Summarizer(settings, embedder=real_summarizer.pipeline.embedder, analyzer=real_summarizer.pipeline.analyzer)


# --- pieces that need pyarrow but no Ray run -----------------------------------------------------


def test_reading_gives_the_articles_of_summarizer_run(tmp_path):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import _read_entry, list_inputs

    source = write_jsonl(tmp_path / "news.jsonl")
    (entry,) = list_inputs([str(source)])
    assert list(_read_entry(entry, max_bytes=20_000_000)) == list(iter_inputs([str(source)]))


def test_uri_inputs_are_read_through_pyarrow_file_systems(tmp_path):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import _read_entry, list_inputs

    (tmp_path / "in").mkdir()
    source = write_jsonl(tmp_path / "in" / "news.jsonl")
    uri = f"file://{tmp_path / 'in'}"
    (entry,) = list_inputs([uri])
    assert (entry["name"], entry["path"]) == (f"{uri}/news.jsonl", f"{uri}/news.jsonl")
    via_uri, local = list(_read_entry(entry, max_bytes=20_000_000)), list(iter_inputs([str(source)]))
    assert [(type(i), i.id) for i in via_uri] == [(type(i), i.id) for i in local]
    assert [replace(a, source="") for a in via_uri if isinstance(a, Article)] == [
        replace(a, source="") for a in local if isinstance(a, Article)]
    assert list_inputs([f"file://{tmp_path}/missing"])[0]["error"] == f"file://{tmp_path}/missing: no such file or directory"


def test_list_inputs(tmp_path):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import list_inputs

    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("b.jsonl", "a.parquet", "sub/c.ndjson", "notes.txt", ".hidden.jsonl", "out/part-00000.jsonl"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text("{}")
    root = str(tmp_path / "in")
    found = list_inputs([root], exclude=str(tmp_path / "in" / "out"))
    assert [(e["name"], e["kind"]) for e in found] == [
        (f"{root}/a.parquet", "parquet"), (f"{root}/b.jsonl", "jsonl"), (f"{root}/sub/c.ndjson", "jsonl")]
    missing = list_inputs([str(tmp_path / "nope.jsonl"), str(tmp_path / "*.parquet")])
    assert [e["error"] for e in missing] == [f"{tmp_path}/nope.jsonl: no such file or directory",
                                             f"the pattern {tmp_path}/*.parquet matched no .jsonl, .ndjson, .parquet files"]
    for bad, message in (("-", "standard input"), ("https://example.org/a", "web pages"),
                         (str(tmp_path / "in" / "notes.txt"), "not " + str(tmp_path / "in" / "notes.txt"))):
        with pytest.raises(UsageError, match=re.escape(message)):
            list_inputs([bad])


def test_a_folder_of_other_files_is_refused_before_ray_starts(tmp_path, monkeypatch, caplog):
    ray = pytest.importorskip("ray")
    from summarizer.engines.ray_engine import list_inputs

    for folder in ("txt", "mixed"):
        (tmp_path / folder / "sub").mkdir(parents=True)
        for name in ("a.txt", "sub/b.html", "notes.md"):
            (tmp_path / folder / name).write_text("An article.")
    (tmp_path / "mixed" / "news.jsonl").write_text("{}")
    (tmp_path / "empty").mkdir()
    # beside readable files, the others are skipped with a warning; a folder with nothing at all is an error record
    with caplog.at_level("WARNING", logger="summarizer"):
        assert [e["name"] for e in list_inputs([str(tmp_path / "mixed")])] == [str(tmp_path / "mixed" / "news.jsonl")]
    assert f"--engine ray skips 3 file(s) of {tmp_path / 'mixed'} that it cannot read, such as" in caplog.text
    assert "contains no .jsonl, .ndjson, .parquet files" in list_inputs([str(tmp_path / "empty")])[0]["error"]

    def no_ray(*args, **kwargs):
        raise AssertionError("Ray was started")

    monkeypatch.setattr(ray, "init", no_ray)
    result = CliRunner().invoke(main, ["run", str(tmp_path / "txt"), "--engine", "ray", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert (f"--engine ray reads JSON Lines and Parquet files (.jsonl, .ndjson, .parquet), and the folder "
            f"{tmp_path / 'txt'} holds none: only 3 file(s) of other kinds, such as {tmp_path / 'txt' / 'a.txt'}. "
            "Run without --engine ray to summarise them.") in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()


def test_the_known_ray_line_is_left_out_of_standard_error(capfd):
    import os

    from summarizer.engines.ray_engine import _KNOWN_RAY_LINE, _stderr_without

    ray_line = (b"[2026-01-01 10:00:00,000 E 1 1] core_worker.cc:2465: Actor with class name: 'MapWorker' and ID: "
                b"'0e04' " + _KNOWN_RAY_LINE + b". If the arguments in the object store go out of scope ...\n")
    with _stderr_without(_KNOWN_RAY_LINE):
        os.write(2, b"before\n" + ray_line + b"after\n")
        os.write(2, b"\rprogress 50%" + ray_line)  # a progress bar has no newline: its text is kept
        os.write(2, b"\rprogress 100%")
        os.write(2, b"\n" + ray_line.replace(b"[2026", b"[x 2026"))  # not the log line format: the line goes
    os.write(2, b"restored\n")
    assert capfd.readouterr().err == "before\nafter\n\rprogress 50%\rprogress 100%\nrestored\n"


def test_records_table_keeps_every_record_field(fake_summarizer):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import records_table

    text = (SEEDS / "000_b4982efe790b2787.txt").read_text(encoding="utf-8")
    records = [r.to_dict() for r in fake_summarizer.summarize_batch([{"id": "a", "text": text}, {"id": "b"}])]
    assert records[0]["topics"] and records[1]["error"]
    assert records_table(records).to_pylist() == records
    with pytest.raises(SummarizerError, match="new_field"):
        records_table([{**records[0], "new_field": 1}])


def test_item_from_row():
    from summarizer.engines.ray_engine import item_from_row

    article = item_from_row({"id": 3, "text": "Some text.", "author": ["A. B", "C. D"], "warnings": ["w"]})
    assert (article.id, article.byline, article.source, article.warnings) == ("3", "A. B, C. D", "<ray dataset>", ("w",))
    failure = item_from_row({"id": "x", "text": "", "source": "db/1"})
    assert failure == InputFailure("x", "db/1", 'db/1: "text" is empty')
    assert item_from_row({"text": "t", "error": "unreadable"}).error == "unreadable"
    assert item_from_row({"text": "same"}).id == item_from_row({"text": "same"}).id  # a stable id


# --- the command line's checks, and Ray missing --------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["--resume"], "--resume does not work with --engine ray"),
    ([], "--engine ray needs --output FOLDER"),
    (["-o", "-"], "--engine ray needs --output FOLDER"),
    (["-o", "OUT", "-f", "csv"], "leave out --format"),
    (["-o", "OUT.parquet", "-f", "jsonl"], "leave out --format"),
])
def test_cli_refuses_what_ray_cannot_do(tmp_path, args, message):
    source = write_jsonl(tmp_path / "in.jsonl")
    args = [str(tmp_path / a) if a.startswith("OUT") else a for a in args]
    result = CliRunner().invoke(main, ["run", str(source), "--engine", "ray", *args])
    assert result.exit_code == 2 and message in result.output, result.output


def test_cli_refuses_ray_address_without_ray(tmp_path):
    result = CliRunner().invoke(main, ["run", str(write_jsonl(tmp_path / "in.jsonl")), "--ray-address", "auto"])
    assert result.exit_code == 2 and "--ray-address works only with --engine ray" in result.output


def test_cli_refuses_other_files_and_full_output_folders(tmp_path):
    pytest.importorskip("ray")
    (tmp_path / "a.txt").write_text("An article.")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--engine", "ray", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "reads JSON Lines and Parquet files" in result.output
    from summarizer.engines import run_ray

    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("")
    with pytest.raises(UsageError, match="is not empty"):
        run_ray(write_jsonl(tmp_path / "in.jsonl"), tmp_path / "full")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "in.jsonl"), "--engine", "ray", "-o", str(tmp_path / "full")])
    assert result.exit_code == 2 and "is not empty" in result.output, result.output
    # without --engine ray, a folder is no place for the output
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "full")])
    assert result.exit_code == 2 and f"--output {tmp_path / 'full'} is a folder; give a file name" in result.output


@pytest.fixture
def without_ray(monkeypatch):
    """Make the engine's ``import ray`` fail, as when the extra is not installed."""
    real_import = builtins.__import__

    def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
        # Only the engine's imports fail: a Ray already running in this process keeps working.
        if (globals or {}).get("__name__") == "summarizer.engines.ray_engine" and name.split(".")[0] == "ray":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_without_ray_the_error_says_how_to_install_it(without_ray, tmp_path):
    from summarizer.engines import run_ray, summarize_dataset

    with pytest.raises(NotInstalledError, match=r"pip install 'ray\[data\]>="):
        run_ray(tmp_path / "in.jsonl", tmp_path / "out")
    with pytest.raises(NotInstalledError, match="ray"):
        summarize_dataset(None)  # type: ignore[arg-type]
    result = CliRunner().invoke(main, ["run", str(write_jsonl(tmp_path / "in.jsonl")), "--engine", "ray",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "summarizer: error: Running on Ray (--engine ray) needs the Python package 'ray[data]'" in result.output
    assert "pip install 'ray[data]>=" in result.output  # installs anywhere, unlike our unpublished extra


# --- Ray runs with the real models ---------------------------------------------------------------


@pytest.mark.slow
def test_jsonl_records_equal_the_single_process_run(ray_local, reference, settings, tmp_path):
    from summarizer.engines import run_ray

    source = write_jsonl(tmp_path / "news.jsonl")
    expected = [r.to_dict() for r in reference.summarize_batch(
        iter_inputs([str(source)], max_bytes=settings.max_input_bytes))]
    assert len(expected) >= 36 and sum(r["error"] is None for r in expected) >= 30

    done = run_ray(source, tmp_path / "out", settings, concurrency=2)

    assert (done.records, done.output_format, len(done.files)) == (len(expected), "jsonl", 1)
    assert re.fullmatch(r"part-00000-\w+\.jsonl", done.files[0])
    assert done.failed == sum(r["error"] is not None for r in expected)
    got = part_records(tmp_path / "out")
    assert_same_records(got, expected)
    assert_fit_the_schema(got)
    errors = {r["id"]: r["error"] for r in got if r["error"]}
    assert f"{source} line 4: the object has no \"text\" field" in errors["no-text"]
    assert "line 8: invalid JSON" in errors["news-8"]
    assert {"7", f"{got[0]['id']}-2", "news-2"} <= {r["id"] for r in got}  # numeric, repeated and derived ids


@pytest.mark.slow
def test_parquet_round_trip(ray_local, reference, settings, tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    from summarizer.engines import record_schema, run_ray

    rows = seed_rows()[:6]
    table = pa.table({
        "id": [rows[0]["id"], None, "c", "d", None, "f"],
        "text": [rows[0]["text"], rows[1]["text"], None, rows[3]["text"], rows[4]["text"], rows[5]["text"]],
        "title": [r.get("title") for r in rows],
        "date": [datetime.date(2025, 1, 2)] * 6,
        "embedding": [[0.5, 0.25]] * 6,  # a column the engine does not read
    })
    source = tmp_path / "news.parquet"
    pq.write_table(table, source)
    items: list[Article | InputFailure] = []
    for n, row in enumerate(table.to_pylist()):
        ident, where = row["id"] or f"news-{n}", f"{source}[{n}]"
        items.append(Article(ident, row["text"], where, title=row["title"], date="2025-01-02") if row["text"]
                     else InputFailure(ident, where, "no text"))
    expected = [r.to_dict() for r in reference.summarize_batch(items)]

    done = run_ray(str(source), tmp_path / "records.parquet", settings, concurrency=1)

    assert (done.output_format, len(done.files), done.records, done.failed) == ("parquet", 1, 6, 1)
    written = pq.read_table(tmp_path / "records.parquet" / done.files[0])
    assert written.schema.equals(record_schema(), check_metadata=False)  # nested lists and structs, not strings
    got = written.to_pylist()
    assert_fit_the_schema(got)
    assert got[2]["error"] == f'{source}, row 2: "text" must be a string, got null'
    expected[2]["error"] = got[2]["error"]
    assert_same_records(got, expected)
    assert got[1]["id"] == "news-1" and got[1]["date"] == "2025-01-02"


@pytest.mark.slow
def test_summarize_dataset_on_a_dataset_of_rows(ray_local, reference, settings):
    from summarizer.engines import summarize_dataset

    rows = [{"id": f"r{n}", "text": row["text"], "source": f"db/{n}"} for n, row in enumerate(seed_rows()[:3])]
    bad = {"title": "a row without text", "id": None, "text": None, "source": None}
    ds = ray_local.data.from_items([*rows, bad], override_num_blocks=1)  # one block: one batch

    got = summarize_dataset(ds, settings, concurrency=1).take_all()

    assert_same_records(got[:3], [r.to_dict() for r in reference.summarize_batch(rows)])
    assert got[3]["id"].startswith("ray-") and got[3]["source"] == "<ray dataset>"
    assert got[3]["error"] == f'row {got[3]["id"]}: "text" must be a string, got null'


@pytest.mark.slow
def test_cli_engine_ray(ray_local, tmp_path):
    source = tmp_path / "in.jsonl"
    good = seed_rows()[:2]
    source.write_text("\n".join(json.dumps(r) for r in [*good, {"id": "empty", "text": "  "}]) + "\n")
    (tmp_path / "out").mkdir()  # an existing empty folder is fine
    result = CliRunner().invoke(main, ["run", str(source), "--engine", "ray", "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1, result.output  # one article failed
    assert f"3 record(s) written to {tmp_path / 'out'} (1 JSON Lines file(s)); 1 of them failed" in result.output
    records = part_records(tmp_path / "out")
    assert [r["id"] for r in records] == [good[0]["id"], "in-2", "empty"]
    assert records[0]["summary"] and records[1]["topics"]
    assert records[2]["error"] == f'{source} line 3: "text" is empty'


@pytest.mark.slow
def test_records_with_story_fields_from_ray_make_the_digest(ray_local, reference, settings, tmp_path):
    from summarizer.engines import run_ray

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    source = tmp_path / "seeds.jsonl"
    source.write_text("".join(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n" for p in seeds),
                      encoding="utf-8")
    run_ray(source, tmp_path / "out", replace(settings, story_fields=True), concurrency=2)
    records = part_records(tmp_path / "out")
    assert all(r["story"]["embedder"] == reference.pipeline.embedder.model_identity for r in records)
    assert_fit_the_schema(records)
    found = Summarizer(jobs=1).digest_records([tmp_path / "out"])
    direct = reference.digest([{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in seeds])
    assert not found.failures
    assert [sorted(m.id for m in s.articles) for s in found.stories] == \
        [sorted(m.id for m in s.articles) for s in direct.stories]
