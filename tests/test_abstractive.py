"""Abstractive summaries: the stage on a fake generator (fast), tiny BART/T5/Llama models built here
and loaded through the real ``--model PATH`` route (fast, offline), and the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import HashEmbedder, RegexAnalyzer

from summarizer import Article, ModelError, Settings, Summarizer, UsageError
from summarizer.abstractive import pack, select_within
from summarizer.backends.base import Span
from summarizer.backends.generative import GeneratedSummary, GenerationOptions, Generator, load_generator
from summarizer.pipeline import Pipeline

TESTS = Path(__file__).resolve().parent
METHODS = {"abstractive", "abstractive-select", "abstractive-mapreduce", "extractive-fallback"}

STORY = ("The city council approved a new budget for public schools on Monday. "
         "The budget raises spending on teachers by ten percent. "
         "Parents welcomed the decision at a packed meeting in the town hall. "
         "The mayor said the money would come from higher property taxes. "
         "Opposition members voted against the plan.")
GOOD = "The council approved a school budget that raises spending on teachers by ten percent."

_WORDS = ("council budget schools teachers parents mayor money taxes members plan meeting decision town hall "
          "spending district officials residents roads libraries project vote debate week report year").split()


def long_article(words: int = 6000, seed: int = 7) -> str:
    """A long article of varied sentences (about ``words`` words) in paragraphs."""
    rng = random.Random(seed)
    sentences, n = [], 0
    while n < words:
        k = rng.randint(8, 20)
        sentence = "The " + " ".join(rng.choice(_WORDS) for _ in range(k)) + f" in week {len(sentences) % 50}."
        sentences.append(sentence)
        n += k + 4
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


LONG = long_article()


class ScriptedGenerator(Generator):
    """A fake generator: ``write(text) -> summary``; counts words as tokens; records every call."""

    identity = "scripted"

    def __init__(self, write: Callable[[str], str], budget: int = 400, hit_limit: bool = False) -> None:
        self.write = write
        self.article_budget = budget
        self.hit_limit = hit_limit
        self.calls: list[list[str]] = []

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(t.split()) for t in texts]

    def summarize_batch(self, texts, *, max_new_tokens=None):
        self.calls.append(list(texts))
        for t in texts:
            assert len(t.split()) <= self.article_budget, "an input longer than the budget reached the model"
        return [GeneratedSummary(self.write(t), len(t.split()), hit_limit=self.hit_limit) for t in texts]


def pipeline(tmp_path, generator: Generator | None = None, analyzer=None, **settings) -> Pipeline:
    return Pipeline(Settings(cache_dir=tmp_path / "cache", **settings), embedder=HashEmbedder(),
                    analyzer=analyzer or RegexAnalyzer(), generator=generator)


def run_one(p: Pipeline, text: str = STORY, **article):
    return next(iter(p.run([Article(id="a", text=text, **article)])))


# --- the stage on a fake generator -----------------------------------------------------------------


def test_a_faithful_summary_is_used(tmp_path):
    gen = ScriptedGenerator(lambda t: GOOD)
    r = run_one(pipeline(tmp_path, gen))
    extractive = run_one(pipeline(tmp_path))
    assert r.summary == GOOD and r.summary_sentences == (GOOD,)
    d = r.to_dict()
    assert d["summary_method"] == "abstractive" and d["chunks"] == 1 and d["input_tokens"] == len(STORY.split())
    assert d["summary"] == " ".join(d["summary_sentences"])
    # topics, keywords and entities come from the same machinery as without a model
    assert (r.topics, r.keywords, r.entities) == (extractive.topics, extractive.keywords, extractive.entities)
    assert gen.calls == [[STORY]]


def test_extractive_records_have_no_generation_fields(tmp_path):
    d = run_one(pipeline(tmp_path)).to_dict()
    assert "summary_method" not in d and "input_tokens" not in d and "chunks" not in d


@pytest.mark.parametrize(("summary", "named"), [
    ("Mayor John Smith said the budget raises spending on teachers.", "'John Smith'"),
    ("The budget raises spending on teachers by 45 percent.", "'45'"),
])
def test_an_invented_name_or_number_falls_back_to_the_extractive_summary(tmp_path, summary, named):
    r = run_one(pipeline(tmp_path, ScriptedGenerator(lambda t: summary)))
    extractive = run_one(pipeline(tmp_path))
    assert r.summary_method == "extractive-fallback"
    assert r.summary_sentences == extractive.summary_sentences
    assert any("replaced by the extractive one" in w and named in w for w in r.warnings), r.warnings


def test_no_faithful_keeps_the_text_with_a_warning(tmp_path):
    summary = "Mayor John Smith said the budget raises spending on teachers by 45 percent."
    r = run_one(pipeline(tmp_path, ScriptedGenerator(lambda t: summary), faithful=False))
    assert r.summary_method == "abstractive" and r.summary == summary
    assert any("may not be faithful" in w and "'John Smith'" in w and "'45'" in w for w in r.warnings)


@pytest.mark.parametrize(("summary", "reason"), [
    ("", "no summary"),
    ("the plan the plan the plan the plan the plan the plan the plan", "repeats itself"),
    ("Summarize the news article below in at most 3 sentences.", "instructions"),
    (STORY + " " + STORY, "longer than the article"),
])
def test_degenerate_output_falls_back(tmp_path, summary, reason):
    gen = ScriptedGenerator(lambda t: summary)
    gen.instructions = ("Summarize the news article below in at most 3 sentences. Write only facts.",)
    r = run_one(pipeline(tmp_path, gen))
    assert r.summary_method == "extractive-fallback"
    assert any(reason in w for w in r.warnings), r.warnings


def test_empty_output_falls_back_even_without_the_guard(tmp_path):
    r = run_one(pipeline(tmp_path, ScriptedGenerator(lambda t: "  "), faithful=False))
    assert r.summary_method == "extractive-fallback" and r.summary_sentences


def test_one_batch_one_generation_call_and_one_analysis_of_the_summaries(tmp_path):
    class CountingAnalyzer(RegexAnalyzer):
        calls: list[int] = []

        def analyze_batch(self, texts):
            self.calls.append(len(texts))
            return super().analyze_batch(texts)

    analyzer = CountingAnalyzer()
    gen = ScriptedGenerator(lambda t: GOOD)
    p = pipeline(tmp_path, gen, analyzer=analyzer)
    results = list(p.run([Article(id=str(i), text=STORY) for i in range(3)]))
    assert [r.summary_method for r in results] == ["abstractive"] * 3
    assert [len(c) for c in gen.calls] == [3]
    assert analyzer.calls == [3, 3]  # the articles, then the summaries


def test_a_failing_generation_costs_only_its_article(tmp_path):
    def write(text):
        if "EXPLODE" in text:
            raise RuntimeError("boom")
        return GOOD

    p = pipeline(tmp_path, ScriptedGenerator(write))
    results = list(p.run([Article(id="a", text=STORY), Article(id="b", text=STORY + " EXPLODE now here."),
                          Article(id="c", text=STORY)]))
    assert [r.summary_method for r in results] == ["abstractive", "extractive-fallback", "abstractive"]
    assert any("boom" in w for w in results[1].warnings)
    assert all(r.ok for r in results)


def test_an_unfinished_last_sentence_at_the_token_limit_is_dropped(tmp_path):
    gen = ScriptedGenerator(lambda t: GOOD + " Parents welcomed the", hit_limit=True)
    r = run_one(pipeline(tmp_path, gen))
    assert r.summary == GOOD
    assert any("--max-new-tokens" in w for w in r.warnings)


def test_a_name_in_the_dropped_unfinished_sentence_is_not_checked(tmp_path):
    # The summary is split by the pipeline's analyser, and only the sentences kept are checked.
    gen = ScriptedGenerator(lambda t: GOOD + " Parents of Walter Invented welcomed the", hit_limit=True)
    r = run_one(pipeline(tmp_path, gen))
    assert r.summary_method == "abstractive" and r.summary == GOOD


def test_the_summary_is_split_by_the_pipelines_analyser(tmp_path):
    class MarkingAnalyzer(RegexAnalyzer):
        """Also ends a sentence at ';' (which no simple splitter does), to show whose sentences are used."""

        def analyze_batch(self, texts):
            return [replace(a, sentences=tuple(Span(part.strip(), sp.start + sp.text.index(part.strip()))
                                               for sp in a.sentences for part in sp.text.split(";") if part.strip()))
                    for a in super().analyze_batch(texts)]

    gen = ScriptedGenerator(lambda t: "Pupils went back to school; parents were glad.")
    r = run_one(pipeline(tmp_path, gen, analyzer=MarkingAnalyzer()))
    assert r.summary_sentences == ("Pupils went back to school", "parents were glad.")


def test_records_are_cached_by_the_batch_size_the_device_chose(tmp_path):
    # gen_batch_size None is resolved by the generator from its device; the record cache keys the resolved one.
    made = []

    def write(text):
        made.append(text)
        return GOOD

    for batch_size in (1, 8, 8):
        gen = ScriptedGenerator(write)
        gen.batch_size = batch_size
        p = Pipeline(Settings(cache_dir=tmp_path / "cache"), embedder=HashEmbedder(), analyzer=RegexAnalyzer(),
                     generator=gen)
        assert p.settings.gen_batch_size is None
        assert run_one(p).summary == GOOD
    assert len(made) == 2  # 1, then 8; the second run with 8 reads the cache


def test_select_reads_salient_sentences_in_article_order_within_the_budget(tmp_path):
    seen: list[str] = []

    def write(text):
        seen.append(text)
        return "The council discussed the budget."

    r = run_one(pipeline(tmp_path, ScriptedGenerator(write, budget=300)), text=LONG, title="Council budget")
    assert r.summary_method == "abstractive-select"
    assert r.chunks == 1 and 0 < r.input_tokens <= 300
    (given,) = seen
    assert given.startswith("Council budget\n\n")
    body = given.split("\n\n", 1)[1]
    flat = " ".join(LONG.split())
    positions = []
    for sentence in body.split(". "):
        sentence = sentence.rstrip(".") + "."
        assert sentence in flat  # verbatim sentences of the article ...
        positions.append(flat.index(sentence))
    assert positions == sorted(positions)  # ... in article order
    assert any("--long select" in w and "sentences" in w for w in r.warnings)


def test_mapreduce_reads_every_sentence_once_and_recurses(tmp_path):
    gen = ScriptedGenerator(lambda t: "The council met about the budget this week.", budget=200)
    r = run_one(pipeline(tmp_path, gen, long="mapreduce"), text=LONG)
    assert r.summary_method == "abstractive-mapreduce"
    first_round = gen.calls[0]
    assert r.chunks == len(first_round) > 1
    assert " ".join(first_round) == " ".join(LONG.split())  # nothing left out, nothing repeated
    assert len(gen.calls) >= 3  # map, at least one more map round, reduce
    assert r.input_tokens == len(LONG.split())
    assert any("--long mapreduce" in w for w in r.warnings)


def test_mapreduce_cuts_a_sentence_longer_than_the_budget_at_word_boundaries(tmp_path):
    text = "The council " + " ".join(["budget"] * 450) + " was approved. " + STORY
    gen = ScriptedGenerator(lambda t: "The council approved the budget.", budget=100)
    r = run_one(pipeline(tmp_path, gen, long="mapreduce"), text=text)
    assert r.summary_method == "abstractive-mapreduce"
    assert " ".join(gen.calls[0]) == " ".join(text.split())


def test_pack_and_select_within():
    assert pack([3, 3, 3, 10, 1], budget=7) == [[0, 1], [2], [3], [4]]
    assert pack([3, 3, 3, 1], budget=7, separator=2) == [[0], [1], [2, 3]]
    assert pack([2, 2, 2], budget=100) == [[0, 1, 2]]
    assert select_within([2, 0, 1], [5, 5, 5], budget=11) == [0, 2]


def test_settings_of_generation_are_checked():
    with pytest.raises(UsageError, match="long-article"):
        Settings(long="truncate")
    with pytest.raises(UsageError, match="device"):
        Settings(device="tpu")
    with pytest.raises(UsageError, match="dtype"):
        Settings(dtype="int4")
    assert Settings(device="cuda:1").device == "cuda:1"
    assert Summarizer(model="x/y", long="mapreduce").settings.model == "x/y"


# --- models on disk, checked before loading ----------------------------------------------------------


def test_a_folder_with_only_pickle_weights_is_refused(tmp_path):
    folder = tmp_path / "pickled"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "bart"}))
    (folder / "pytorch_model.bin").write_bytes(b"not even read")
    with pytest.raises(ModelError, match="--allow-pickle"):
        load_generator(str(folder))


def test_missing_paths_and_empty_folders_are_clear_errors(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        load_generator(str(tmp_path / "nothing-here"))
    with pytest.raises(ModelError, match="does not exist"):
        load_generator(str(tmp_path / "model.gguf"))
    with pytest.raises(ModelError, match="no model weights"):
        load_generator(str(tmp_path))
    (tmp_path / "weights.txt").write_text("x")
    with pytest.raises(ModelError, match="not a .gguf"):
        load_generator(str(tmp_path / "weights.txt"))


def test_a_hub_id_missing_from_the_cache_offline_is_one_clear_sentence(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    with pytest.raises(ModelError) as info:
        load_generator("summarizer-tests/no-such-model")
    message = str(info.value)
    assert "not in the local Hugging Face cache" in message and "HF_HUB_OFFLINE=1" in message
    assert "\n" not in message


# --- tiny real models through the --model PATH route ---------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("transformers")
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from tiny_models import build_bart, build_llama, build_t5

    root = tmp_path_factory.mktemp("tiny-models")
    texts = [STORY, LONG[:5000]]
    return {"bart": build_bart(root / "bart", texts), "t5": build_t5(root / "t5", texts),
            "llama": build_llama(root / "llama", texts)}


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.mark.parametrize(("name", "kind"), [("bart", "seq2seq"), ("t5", "seq2seq"), ("llama", "causal")])
def test_the_backend_follows_the_model_config(tiny, name, kind):
    gen = load_generator(str(tiny[name]), GenerationOptions(device="cpu"))
    assert gen.identity.startswith(kind + ":")
    assert 0 < gen.article_budget < 256


def test_t5_gets_its_task_prefix(tiny):
    gen = load_generator(str(tiny["t5"]), GenerationOptions(device="cpu"))
    assert gen.prefix == "summarize: "
    assert gen._inputs(["council budget"])[0][:1] == gen.tokenizer("summarize:", add_special_tokens=False)["input_ids"][:1]


def test_models_load_once_per_process(tiny):
    a = load_generator(str(tiny["bart"]), GenerationOptions(device="cpu"))
    b = load_generator(str(tiny["bart"]), GenerationOptions(device="cpu"))
    c = load_generator(str(tiny["bart"]), GenerationOptions(device="cpu", max_new_tokens=20))
    assert a is b and c.model is a.model


def test_the_generation_batch_size_defaults_by_device(tiny):
    from summarizer.settings import gen_batch_size_for

    assert Settings().gen_batch_size is None
    assert [gen_batch_size_for(d) for d in ("cpu", "cuda", "cuda:1", "mps")] == [1, 8, 8, 8]
    assert load_generator(str(tiny["bart"]), GenerationOptions(device="cpu")).batch_size == 1
    assert load_generator(str(tiny["bart"]), GenerationOptions(device="cpu", batch_size=3)).batch_size == 3
    with pytest.raises(UsageError, match="gen_batch_size must be at least 1"):
        Settings(gen_batch_size=0)


@pytest.mark.parametrize("name", ["bart", "t5", "llama"])
def test_tiny_model_nonsense_is_caught_and_the_record_says_why(tmp_path, tiny, name):
    p = pipeline(tmp_path, model=str(tiny[name]), max_new_tokens=40)
    results = list(p.run([Article(id="a", text=STORY), Article(id="b", text=STORY.replace("Monday", "Friday"))]))
    for r in results:
        assert r.ok and r.summary_sentences and r.topics and r.keywords
        assert r.summary_method == "extractive-fallback", r.summary
        assert r.input_tokens > 0 and r.chunks == 1
        assert any("replaced by the extractive one" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize("name", ["bart", "t5"])
def test_tiny_seq2seq_output_is_kept_with_no_faithful_and_is_deterministic(tmp_path, tiny, name):
    p = pipeline(tmp_path, model=str(tiny[name]), max_new_tokens=30, faithful=False)
    first, second = run_one(p), run_one(p)
    assert first.summary_method == "abstractive"
    assert first.summary == second.summary and first.summary
    assert first.summary == " ".join(first.summary_sentences)
    assert any("may not be faithful" in w for w in first.warnings)


@pytest.mark.parametrize("name", ["bart", "t5", "llama"])
@pytest.mark.parametrize("long", ["select", "mapreduce"])
def test_a_6000_word_article_goes_through(tmp_path, tiny, name, long):
    assert len(LONG.split()) >= 6000
    p = pipeline(tmp_path, model=str(tiny[name]), long=long, max_new_tokens=24, faithful=False, gen_batch_size=8)
    r = run_one(p, text=LONG, title="Council budget week")
    assert r.ok, r.error
    assert r.summary_method == f"abstractive-{long}", r.warnings
    assert not any("failed" in w for w in r.warnings), r.warnings
    gen = p.generator
    if long == "select":
        assert r.chunks == 1 and 0 < r.input_tokens <= gen.article_budget
    else:
        assert r.chunks > 10  # a 128/256-token context forces many chunks
        assert r.input_tokens > 6000
    assert any(f"--long {long}" in w for w in r.warnings)


def test_pickle_weights_load_with_allow_pickle(tmp_path, tiny):
    from tiny_models import to_pickle

    folder = to_pickle(tiny["bart"], tmp_path / "bart-pickle")
    with pytest.raises(ModelError, match="--allow-pickle"):
        load_generator(str(folder), GenerationOptions(device="cpu"))
    r = run_one(pipeline(tmp_path, model=str(folder), allow_pickle=True, max_new_tokens=20))
    assert r.ok and r.summary_method in METHODS


# --- the command line ------------------------------------------------------------------------------


@pytest.fixture
def cli(fake_cli, monkeypatch):
    """conftest's fake_cli, without a $SUMMARIZER_EMBEDDER of the caller, leaving the logging as it found it."""
    import logging

    monkeypatch.delenv("SUMMARIZER_EMBEDDER", raising=False)
    root = logging.getLogger("summarizer")
    handlers = root.handlers[:]
    yield fake_cli
    root.handlers[:] = handlers
    root.propagate = True


def test_cli_run_with_a_model_folder(cli, tmp_path, tiny):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli("run", str(story), "--model", str(tiny["bart"]), "--format", "json", "--max-new-tokens", "20")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["error"] is None and record["summary_method"] in METHODS
    assert record["input_tokens"] > 0 and record["chunks"] == 1
    assert "Traceback" not in result.output


def test_cli_unknown_hub_model_offline_is_one_line_and_exit_1(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli("run", str(story), "--model", "summarizer-tests/no-such-model")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("summarizer: error: the model 'summarizer-tests/no-such-model'")
    assert "Traceback" not in result.output and result.stdout == ""


def test_cli_refuses_pickle_without_the_flag(cli, tmp_path):
    folder = tmp_path / "pickled"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "pytorch_model.bin").write_bytes(b"x")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = cli("run", str(story), "--model", str(folder))
    assert result.exit_code == 1 and "--allow-pickle" in result.stderr and "Traceback" not in result.output


def test_cli_eval_with_a_model_counts_methods_and_guard(cli, tmp_path, tiny):
    data = tmp_path / "eval.jsonl"
    rows = [{"id": str(i), "text": STORY, "reference_summaries": [GOOD]} for i in range(2)]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = cli("eval", str(data), "--model", str(tiny["bart"]), "--max-new-tokens", "20", "--json", "-q")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["abstractive"]["methods"] == {"extractive-fallback": 2}  # random weights: caught
    assert figures["abstractive"]["guard_fired"] == 2 and figures["abstractive"]["guard_reasons"]
    assert figures["rouge"]["n"] == 2


def test_cli_help_documents_the_model_options(cli):
    for command in ("run", "eval"):
        text = cli(command, "--help").output
        for option in ("--model", "--device", "--dtype", "--gen-batch-size", "--max-new-tokens", "--long",
                       "--no-faithful", "--allow-pickle"):
            assert option in text, (command, option)


@pytest.mark.slow
def test_cli_process_unknown_hub_model_offline(tmp_path):
    import os

    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf"),
               SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "summarizer", "run", str(story), "--model", "nobody/nothing"],
                          capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "nobody/nothing" in lines[0] and "HF_HUB_OFFLINE=1" in lines[0]


def test_a_crash_in_the_abstractive_stage_keeps_the_extractive_record(tmp_path, monkeypatch):
    from summarizer import abstractive as abstractive_module
    from summarizer.pipeline import Pipeline
    from summarizer.settings import Settings

    def run(sources, *args, **kwargs):
        if any("EXPLODE" in src.text for src in sources):
            raise ValueError("tokenizer broke")
        return [abstractive_module.Outcome("abstractive", ("A short summary.",)) for _ in sources]

    monkeypatch.setattr(abstractive_module, "run", run)
    p = Pipeline(Settings(cache_dir=tmp_path), embedder=HashEmbedder(), analyzer=RegexAnalyzer())
    p._generator = object()  # type: ignore[assignment]  # never called: run() is replaced above
    results = list(p.run([Article(id="a", text=STORY), Article(id="b", text=STORY + " EXPLODE here, now.")]))
    assert [r.ok for r in results] == [True, True]
    assert results[0].summary_method == "abstractive" and results[0].summary == "A short summary."
    assert results[1].summary_method == "extractive-fallback"
    assert any("tokenizer broke" in w for w in results[1].warnings)
    assert results[1].summary_sentences and results[1].topics
