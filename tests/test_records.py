"""One record model: the shipped JSON Schema, the CSV columns and the Arrow schema all come from
``summarizer/records.py``, and the records of every output format validate against the schema."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from fakes import HashEmbedder, RegexAnalyzer
from test_abstractive import ScriptedGenerator

from summarizer import Settings
from summarizer.abstractive import METHODS
from summarizer.formats import get_writer
from summarizer.formats.writers.csv import SEPARATOR, columns
from summarizer.pipeline import Pipeline
from summarizer.records import Article, InputFailure, Result, record_fields
from summarizer.schema import SCHEMA_FILE, json_schema, json_schema_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A validator of the shipped schema file (the one users get)."""
    schema = json.loads(resources.files("summarizer.data").joinpath(SCHEMA_FILE).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def seed_items() -> list[Article | InputFailure]:
    """The seed articles, an input that could not be read, and an article without text."""
    items: list[Article | InputFailure] = [
        Article(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    return [*items, InputFailure("broken", "news/broken.pdf", "news/broken.pdf looks like a PDF file, not text"),
            Article(id="blank", text="   \n", source="news/blank.txt")]


def run(tmp_path: Path, generator: ScriptedGenerator | None = None, story_fields: bool = False) -> list[Result]:
    pipeline = Pipeline(Settings(cache_dir=tmp_path / "cache", result_cache=False, story_fields=story_fields),
                        embedder=HashEmbedder(), analyzer=RegexAnalyzer(), generator=generator)
    return list(pipeline.run(seed_items()))


def first_sentence(text: str) -> str:
    """A generator's 'summary': the article's first line that ends a sentence."""
    return next((line for line in text.splitlines() if line.rstrip().endswith(".")), "Nothing.")


def written(name: str, results: list[Result], with_model: bool = False) -> str:
    stream = io.StringIO()
    writer = get_writer(name, stream, with_model=with_model)
    for result in results:
        writer.write(result)
    writer.close()
    return stream.getvalue()


def assert_valid(validator: jsonschema.Draft202012Validator, records: list[dict]) -> None:
    for record in records:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, f"the record of {record.get('id')} does not fit the schema: {errors}"


# --- one definition -----------------------------------------------------------------------------------


def test_the_shipped_schema_is_the_one_derived_from_the_model():
    shipped = resources.files("summarizer.data").joinpath(SCHEMA_FILE).read_text("utf-8")
    assert shipped == json_schema_text(), "run: python scripts/write_record_schema.py"


def test_the_schema_follows_the_model():
    schema = json_schema()
    assert list(schema["properties"]) == [f.name for f in record_fields()]
    assert schema["required"] == [f.name for f in record_fields(with_model=False, with_story=False)]
    assert schema["properties"]["summary_method"]["enum"] == [*METHODS, None]
    assert schema["properties"]["entities"]["items"]["properties"]["type"] == {
        "type": "string", "enum": ["person", "organization", "place"]}
    assert schema["properties"]["input_tokens"] == {
        "type": ["integer", "null"], "minimum": 0,
        "description": "Only with --model: tokens of article text the model read (prompt excluded)."}


def test_the_readme_documents_every_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The record", 1)[1].split("\n### ", 1)[0]
    documented = [name for row in section.splitlines() if row.startswith("| `")
                  for name in re.findall(r"`(\w+)`", row.split("|")[1])]
    assert documented == list(json_schema()["properties"])


def test_the_csv_columns_come_from_the_record_fields():
    fields = {f.name for f in record_fields()}
    assert columns() == ("id", "source", "title", "date", "byline", "summary", "topics", "topic_qcodes", "keywords",
                         "entities", "warnings", "error")
    assert set(columns()) - fields == {"topic_qcodes"}  # the qcodes of `topics`
    assert fields - set(columns()) == {"summary_sentences", "summary_method", "input_tokens", "chunks", "story"}
    # A run with a generative model (--model) adds its fields, after the plain ones.
    assert columns(with_model=True) == (*columns(), "summary_method", "input_tokens", "chunks")


# --- the records of every output format fit the schema --------------------------------------------------


@pytest.mark.parametrize("with_model", [False, True], ids=["extractive", "generative"])
def test_records_of_json_jsonl_and_csv_fit_the_schema(validator, tmp_path, with_model):
    results = run(tmp_path, ScriptedGenerator(first_sentence) if with_model else None)
    assert [r.ok for r in results] == [True] * 5 + [False, False]
    assert all(r.topics and r.keywords and r.entities for r in results[:5])
    records = [r.to_dict() for r in results]
    assert ("summary_method" in records[0]) is with_model and "summary_method" not in records[-1]

    assert json.loads(written("json", results)) == records
    assert [json.loads(line) for line in written("jsonl", results).split("\n") if line] == records
    assert_valid(validator, records)

    rows = list(csv.DictReader(io.StringIO(written("csv", results, with_model), newline="")))
    assert tuple(rows[0]) == columns(with_model)
    assert set(columns(with_model)) - {"topic_qcodes"} <= set(validator.schema["properties"])
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"] and row["summary"] == (record["summary"] or "")
        assert row["topic_qcodes"] == SEPARATOR.join(t["qcode"] for t in record["topics"])
        assert row["error"] == (record["error"] or "")
        if with_model:  # how each summary was made; empty for an error record, which has none
            assert row["summary_method"] == (record.get("summary_method") or "")
            assert row["input_tokens"] == str(record.get("input_tokens") or "")
    if with_model:
        assert rows[0]["summary_method"] in METHODS and int(rows[0]["input_tokens"]) > 0


def test_a_record_that_breaks_the_schema_is_caught(validator, tmp_path):
    """The schema is strict enough to catch a drifting writer: an unknown field, a missing one, a wrong type."""
    (record, *_) = [r.to_dict() for r in run(tmp_path)]
    assert validator.is_valid(record)
    for broken in ({**record, "colour": "blue"}, {k: v for k, v in record.items() if k != "warnings"},
                   {**record, "topics": [{**record["topics"][0], "score": "high"}]},
                   {**record, "entities": [{**record["entities"][0], "type": "animal"}]},
                   {**record, "summary_method": "guessed"}):
        assert not validator.is_valid(broken)


@pytest.mark.parametrize("with_model", [False, True], ids=["extractive", "generative"])
def test_arrow_records_of_the_ray_engine_fit_the_schema(validator, tmp_path, with_model):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import records_table

    records = [r.to_dict() for r in run(tmp_path, ScriptedGenerator(first_sentence) if with_model else None)]
    rows = records_table(records, with_model=with_model).to_pylist()
    assert rows[-1]["error"] and (rows[-1].get("summary_method", "absent") is None) is with_model
    assert_valid(validator, rows)


def test_records_with_story_fields_fit_the_schema_in_json_and_arrow_and_read_back(validator, tmp_path):
    pytest.importorskip("pyarrow")
    from summarizer.engines.ray_engine import records_table
    from summarizer.stories.article import from_record

    results = run(tmp_path, story_fields=True)
    records = [r.to_dict() for r in results]
    assert all("story" in r for r in records[:5]) and "story" not in records[-1]
    story = records[0]["story"]
    assert story["embedder"] == HashEmbedder.identity and story["dim"] == 64 and story["sentences"]
    assert_valid(validator, records)
    assert "story" not in run(tmp_path)[0].to_dict()  # opt-in: ordinary records stay small
    rows = records_table(records, with_story=True).to_pylist()
    assert rows[-1]["story"] is None and rows[0]["story"]["vector"] == story["vector"]
    assert_valid(validator, rows)
    back = from_record(Result.from_dict(json.loads(json.dumps(records[0]))))
    assert back.sentences == tuple(story["sentences"]) and back.sentence_vectors.shape == (len(back.sentences), 64)
    assert abs(float(back.vector @ back.vector) - 1) < 1e-5


@pytest.mark.slow
def test_seed_records_of_the_real_models_fit_the_schema(validator, seed_results):
    results = list(seed_results.values())
    assert len(results) == 5 and all(r.ok for r in results)
    assert_valid(validator, [json.loads(line) for line in written("jsonl", results).split("\n") if line])
    assert_valid(validator, json.loads(written("json", results)))
