"""Tests for summarizer.evaluate, on tiny hand-made fixtures and a fake pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from fakes import HashEmbedder, RegexAnalyzer

from summarizer import evaluate as ev
from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import Pipeline
from summarizer.records import Article, Keyword, Result, Topic
from summarizer.settings import Settings
from summarizer.taxonomy import load_taxonomy

ARTS = "medtop:01000000"
SPORT = "medtop:15000000"
FASHION = "medtop:20000011"  # arts, culture, entertainment and media > arts and entertainment > fashion


def write_jsonl(path: Path, rows: list) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def topic(qcode: str) -> Topic:
    tax = load_taxonomy()
    return Topic(qcode=qcode, label=tax.by_qcode[qcode].label, path=tax.path(qcode), score=0.9)


class FakeSummarizer:
    """Returns the first sentence as summary, a fixed topic and fixed keywords per article; splits
    sentences with a real pipeline's ``sentences`` (the cleaning stage and the fake RegexAnalyzer)."""

    def __init__(self, topics=None, keywords=None, fail_ids=()):
        self.topics = topics or {}
        self.keywords = keywords or {}
        self.fail_ids = set(fail_ids)
        self.seen = []
        self.split_calls = []
        self.pipeline = Pipeline(Settings(), embedder=HashEmbedder(), analyzer=RegexAnalyzer())

    def sentences(self, items):
        self.split_calls.append(list(items))
        return self.pipeline.sentences(items)

    def summarize_batch(self, articles):
        for a in articles:
            self.seen.append(a)
            if a.id in self.fail_ids:
                yield Result.failure(a.id, a.source, "boom")
                continue
            qcode = self.topics.get(a.id)
            yield Result(
                id=a.id,
                source=a.source,
                title=a.title,
                summary_sentences=tuple(self.pipeline.sentences([a])[0][:1]),
                topics=(topic(qcode),) if qcode else (),
                keywords=tuple(Keyword(k, 1.0) for k in self.keywords.get(a.id, ())),
            )


# ----------------------------------------------------------------- keyword metrics


def test_stem_phrase_and_words():
    assert ev.stem_phrase("Running  Dogs") == "run dog"
    assert ev.stem_phrase("High-Speed Internet") == "high speed internet"
    assert ev.stem_words("Cats, dogs!") == ["cat", "dog"]
    assert ev.unique_stemmed(["Cats", "cat", "", "dogs", "Dog"]) == ["cat", "dog"]


def test_keyword_f1_by_hand():
    predicted = ["cats", "dog", "Cats", "bird"]  # stemmed and de-duplicated: cat, dog, bird
    gold = ["cat", "fish"]
    # @5: P = 1/3, R = 1/2, F1 = 2*(1/6)/(5/6) = 0.4
    assert ev.keyword_f1(predicted, gold, 5) == pytest.approx(0.4)
    # @1: [cat] P = 1, R = 1/2, F1 = 2/3
    assert ev.keyword_f1(predicted, gold, 1) == pytest.approx(2 / 3)
    # duplicates removed BEFORE the cut: @2 is [cat, dog], not [cat, cat]
    assert ev.keyword_f1(predicted, gold, 2) == pytest.approx(0.5)
    assert ev.keyword_f1([], gold, 5) == 0.0
    assert ev.keyword_f1(["fish"], [], 5) == 0.0
    # phrases must match as whole phrases
    assert ev.keyword_f1(["bilateral trade"], ["trade"], 5) == 0.0
    assert ev.keyword_f1(["Bilateral Trades"], ["bilateral trade"], 5) == pytest.approx(1.0)


def test_word_f1_by_hand():
    # words: bilater, trade, deal (trade repeated once); gold words: trade, deal
    # P = 2/3, R = 1, F1 = 0.8
    assert ev.word_f1(["bilateral trade", "trade deals"], ["trade", "deal"]) == pytest.approx(0.8)
    # only the first k distinct words count: [a1, a2] vs gold {a2}: P = 1/2, R = 1 -> 2/3
    assert ev.word_f1(["alpha beta", "gamma"], ["beta"], k=2) == pytest.approx(2 / 3)


def test_precision_recall_f1():
    assert ev.precision_recall_f1(["a", "b"], ["a", "c", "d"]) == pytest.approx((0.5, 1 / 3, 0.4))


# ----------------------------------------------------------------- ROUGE


def test_run_eval_rouge_perfect_and_lead3(tmp_path):
    data = write_jsonl(
        tmp_path / "sums.jsonl",
        [{"id": "a", "text": "The cat sat. A dog ran. Birds fly high. Fish swim.", "reference_summaries": ["The cat sat.", "other"]}],
    )
    figures = ev.run_eval(data, FakeSummarizer())
    rouge = figures["rouge"]
    assert rouge["n"] == 1
    assert rouge["ours"] == {"rouge1": 100.0, "rouge2": 100.0, "rougeLsum": 100.0}
    # Lead-3 tokens: the cat sat a dog ran bird fli high (9); reference: the cat sat (3)
    # R1: P = 3/9, R = 1 -> 50; R2: P = 2/8, R = 1 -> 40
    assert rouge["lead3"]["rouge1"] == pytest.approx(50.0)
    assert rouge["lead3"]["rouge2"] == pytest.approx(40.0)
    assert rouge["lead3"]["rougeLsum"] == pytest.approx(50.0)
    assert "topics" not in figures and "keywords" not in figures


def test_lead3_and_references_are_split_by_the_pipeline_after_cleaning(tmp_path):
    # The byline and the dateline are cleaned away before the pipeline splits the article, so Lead-3 starts
    # at the story, as our summaries do; the reference is split by the same splitter, in the same call.
    text = "By Jo Reporter\n\nLONDON (Reuters) - The cat sat. A dog ran.\n\nBirds fly high. Fish swim."
    data = write_jsonl(tmp_path / "sums.jsonl", [{"id": "a", "text": text, "title": "Cats",
                                                   "reference_summaries": ["The cat sat. Birds fly high."]}])
    fake = FakeSummarizer()
    figures = ev.run_eval(data, fake)
    assert len(fake.split_calls) == 1
    article, reference = fake.split_calls[0]
    assert isinstance(article, Article) and article.title == "Cats" and reference == "The cat sat. Birds fly high."
    assert fake.sentences([article])[0][:3] == ["The cat sat.", "A dog ran.", "Birds fly high."]
    # Lead-3 tokens: the cat sat a dog ran bird fli high (9); reference: the cat sat bird fli high (6)
    # R1: P = 6/9, R = 1 -> 80; RLsum over the reference's two lines: the same 6 words in order -> 80
    assert figures["rouge"]["lead3"]["rouge1"] == pytest.approx(80.0)
    assert figures["rouge"]["lead3"]["rougeLsum"] == pytest.approx(80.0)


def test_pipeline_sentences_cleans_articles_and_not_strings():
    p = Pipeline(Settings(max_chars=40), embedder=HashEmbedder(), analyzer=RegexAnalyzer())
    article = Article(id="a", text="By Jo Reporter\n\nThe cat sat. A dog ran.\n\nBirds fly high. Fish swim.")
    assert p.sentences([article, "By Jo Reporter. The cat sat."]) == [
        ["The cat sat.", "A dog ran."],  # the byline cleaned away; the paragraph past max_chars not read
        ["By Jo Reporter.", "The cat sat."],
    ]
    assert p.sentences([]) == []


def test_a_splitter_that_loses_texts_is_an_error(tmp_path):
    class Lossy(FakeSummarizer):
        def sentences(self, items):
            return super().sentences(items)[:1]

    data = write_jsonl(tmp_path / "sums.jsonl", [{"id": "a", "text": "The cat sat.", "reference_summaries": ["x"]}])
    with pytest.raises(SummarizerError, match="1 lists for 2 texts"):
        ev.run_eval(data, Lossy())


def test_rouge_scores_helper():
    scores = ev.rouge_scores("the cats sat", "The cat sat")
    assert scores == {"rouge1": pytest.approx(100.0), "rouge2": pytest.approx(100.0), "rougeLsum": pytest.approx(100.0)}


def test_failed_article_scores_zero_for_ours_only(tmp_path):
    data = write_jsonl(
        tmp_path / "sums.jsonl",
        [
            {"id": "a", "text": "The cat sat. A dog ran.", "reference_summaries": ["The cat sat."]},
            {"id": "b", "text": "The cat sat. A dog ran.", "reference_summaries": ["The cat sat."]},
        ],
    )
    figures = ev.run_eval(data, FakeSummarizer(fail_ids={"b"}))
    assert figures["n_articles"] == 2
    assert figures["n_failed"] == 1
    assert figures["failures"] == [{"id": "b", "error": "boom"}]
    assert figures["rouge"]["ours"]["rouge1"] == pytest.approx(50.0)  # (100 + 0) / 2
    # Lead-3 = both sentences: P = 3/6, R = 1 -> 66.67 on each article
    assert figures["rouge"]["lead3"]["rouge1"] == pytest.approx(66.67, abs=0.01)


# ----------------------------------------------------------------- topics


def topic_rows():
    return [
        {"id": "e1", "text": "A film opened. It was good.", "topics": ["entertainment"]},
        {"id": "e2", "text": "A show opened. It was bad.", "topics": "entertainment"},
        {"id": "s1", "text": "A team won. Fans cheered.", "topics": ["sport", "ignored"]},
        {"id": "x1", "text": "Nothing here. At all.", "topics": []},
    ]


def test_topics_with_automatic_bbc_map(tmp_path):
    data = write_jsonl(tmp_path / "bbc_small.jsonl", topic_rows())
    fake = FakeSummarizer(topics={"e1": FASHION, "e2": ARTS, "s1": ARTS})
    figures = ev.run_eval(data, fake)
    topics = figures["topics"]
    assert topics["topic_map"] == "bbc"
    assert topics["n"] == 3
    assert topics["accuracy"] == pytest.approx(66.67, abs=0.01)
    arts = "arts, culture, entertainment and media"
    assert topics["confusion"] == {"entertainment": {arts: 2}, "sport": {arts: 1}}
    assert topics["per_category"] == {
        "entertainment": {"n": 2, "accuracy": 100.0},
        "sport": {"n": 1, "accuracy": 0.0},
    }
    assert "rouge" not in figures


def test_topics_with_given_map_unmapped_and_missing_topics(tmp_path):
    data = write_jsonl(tmp_path / "news.jsonl", topic_rows())
    mapping = write_jsonl(tmp_path / "map.json", [])
    mapping.write_text(json.dumps({"_note": "x", "entertainment": ["medtop:01000000", "medtop:10000000"]}))
    fake = FakeSummarizer(topics={"e1": SPORT}, fail_ids={"s1"})  # e2 gets no topic
    figures = ev.run_eval(data, fake, topic_map=mapping)
    topics = figures["topics"]
    assert topics["n"] == 2 and topics["n_unmapped"] == 1  # "sport" is not in this map
    assert topics["accuracy"] == 0.0
    assert topics["confusion"]["entertainment"] == {"sport": 1, ev.NO_TOPIC: 1}
    assert topics["confusion"]["sport"] == {ev.FAILED: 1}


def test_topics_without_map_reports_confusion_only(tmp_path):
    data = write_jsonl(tmp_path / "news.jsonl", topic_rows())
    figures = ev.run_eval(data, FakeSummarizer(topics={"e1": ARTS}))
    topics = figures["topics"]
    assert topics["accuracy"] is None and topics["topic_map"] is None
    assert topics["n"] == 3
    assert "note" in topics


def test_shipped_topic_maps_are_valid():
    tax = load_taxonomy()
    name, bbc = ev.load_topic_map("bbc")
    assert name == "bbc"
    assert set(bbc) == {"business", "entertainment", "politics", "sport", "tech"}
    _, kp = ev.load_topic_map("kpcrowd")
    assert set(kp) == {
        "art_and_culture", "business", "crime", "fashion", "health",
        "politics_us", "politics_world", "science", "sports", "tech",
    }
    assert kp["fashion"] == {"medtop:01000000", "medtop:10000000"}
    for mapping in (bbc, kp):
        for qcodes in mapping.values():
            assert all(q in tax and tax.top_level(q) == q for q in qcodes)


def test_default_topic_map_by_file_name():
    assert ev.default_topic_map("/x/bbc_news_summary.jsonl") == "bbc"
    assert ev.default_topic_map("KPCrowd_500n.jsonl") == "kpcrowd"
    assert ev.default_topic_map("summeval.jsonl") is None


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"a": []}', "non-empty list"),
        ('{"a": ["medtop:99999999"]}', "not an IPTC"),
        ('{"a": ["medtop:20000011"]}', "not a top-level"),
    ],
)
def test_bad_topic_maps(tmp_path, content, message):
    path = tmp_path / "map.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        ev.load_topic_map(path)


def test_missing_topic_map(tmp_path):
    data = write_jsonl(tmp_path / "news.jsonl", topic_rows())
    with pytest.raises(InputError, match="topic map not found"):
        ev.run_eval(data, FakeSummarizer(), topic_map=tmp_path / "nope.json")


# ----------------------------------------------------------------- keywords


def keyword_rows():
    return [
        {"id": "k1", "text": "Trade talks between the nations resumed. Officials met on Monday.", "keyphrases": ["trade", "nations", "officials"]},
        {"id": "k2", "text": "The storm hit the coast. Many homes flooded.", "keyphrases": ["storm", "homes"]},
    ]


def test_keywords_ours_by_hand_and_yake_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "yake", None)  # import yake -> ImportError
    data = write_jsonl(tmp_path / "kp.jsonl", keyword_rows())
    fake = FakeSummarizer(keywords={"k1": ["Trade talks", "nation", "Official", "Monday"], "k2": ["storm"]})
    figures = ev.run_eval(data, fake)
    kw = figures["keywords"]
    assert kw["n"] == 2
    # k1: exact matches nation, official of 4 predictions: P = 1/2, R = 2/3 -> F1 = 4/7
    # k2: storm: P = 1, R = 1/2 -> 2/3.  Macro: (4/7 + 2/3) / 2 = 0.6190...
    assert kw["ours"]["f1@5"] == pytest.approx(61.90, abs=0.01)
    assert kw["ours"]["f1@10"] == pytest.approx(61.90, abs=0.01)
    # words k1: trade talk nation offici monday (5) vs {trade, nation, offici}: P = 3/5, R = 1 -> 0.75
    # words k2: storm vs {storm, home}: 2/3.  Macro: (0.75 + 2/3) / 2 = 0.7083
    assert kw["ours"]["word_f1@10"] == pytest.approx(70.83, abs=0.01)
    assert kw["yake_1gram"] is None and kw["yake_default"] is None
    assert any("yake is not installed" in note for note in kw["notes"])
    table = ev.format_table(figures)
    assert "yake is not installed" in table
    assert "F1@10" in table


def test_keywords_with_yake_if_installed(tmp_path):
    pytest.importorskip("yake")
    data = write_jsonl(tmp_path / "kp.jsonl", keyword_rows())
    kw = ev.run_eval(data, FakeSummarizer())["keywords"]
    assert kw["ours"] == {"f1@5": 0.0, "f1@10": 0.0, "word_f1@10": 0.0}
    for name in ("yake_1gram", "yake_default"):
        assert set(kw[name]) == {"f1@5", "f1@10", "word_f1@10", "ms_per_article"}
        assert 0.0 <= kw[name]["f1@10"] <= 100.0
    assert kw["notes"] == []


# ----------------------------------------------------------------- reading, limits, table


def test_bad_rows_counted_and_skipped(tmp_path):
    data = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"id": "a", "text": "Good text. Here.", "title": "T"},
            "{not json",
            "",
            "[1, 2]",
            {"id": "b", "text": "   "},
            {"id": "c"},
            {"text": "No id here. Fine."},
        ],
    )
    fake = FakeSummarizer()
    figures = ev.run_eval(data, fake)
    assert figures["n_articles"] == 2
    assert figures["n_bad_rows"] == 4
    assert [a.id for a in fake.seen] == ["a", "mixed.jsonl:7"]
    assert fake.seen[0].title == "T"
    assert fake.seen[0].source == f"{data}:1"
    assert figures["bad_rows"][0] == "line 2: not valid JSON (Expecting property name enclosed in double quotes)"
    assert set(figures) >= {"seconds", "articles_per_second", "n_failed"}


def test_limit_and_progress(tmp_path):
    rows = [{"id": str(i), "text": f"Sentence {i}. More."} for i in range(5)]
    data = write_jsonl(tmp_path / "many.jsonl", rows)
    calls = []
    fake = FakeSummarizer()
    figures = ev.run_eval(data, fake, limit=3, progress=calls.append)
    assert figures["n_articles"] == 3
    assert [a.id for a in fake.seen] == ["0", "1", "2"]
    assert calls == [1, 1, 1]
    assert figures["seconds"] >= 0


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "binary"])
def test_input_errors(tmp_path, kind):
    if kind == "missing":
        path = tmp_path / "nope.jsonl"
    elif kind == "directory":
        path = tmp_path
    elif kind == "empty":
        path = write_jsonl(tmp_path / "empty.jsonl", ["", "{}"])
    else:
        path = tmp_path / "bin.jsonl"
        path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError):
        ev.run_eval(path, FakeSummarizer())


def test_pipeline_returning_too_few_results(tmp_path):
    class Short:
        def summarize_batch(self, articles):
            return iter([])

    data = write_jsonl(tmp_path / "x.jsonl", [{"text": "A b. C d."}])
    with pytest.raises(SummarizerError, match="0 results for 1"):
        ev.run_eval(data, Short())


def test_format_table_side_by_side(tmp_path):
    rows = [
        {"id": "a", "text": "The cat sat. A dog ran.", "reference_summaries": ["The cat sat."], "topics": ["sport"], "keyphrases": ["cat"]},
    ]
    data = write_jsonl(tmp_path / "bbc_x.jsonl", rows)
    figures = ev.run_eval(data, FakeSummarizer(topics={"a": SPORT}, keywords={"a": ["cats"]}))
    table = ev.format_table(figures)
    for expected in ("ours", "Lead-3", "R1", "RLsum", "accuracy: 100.0%", "sport", "YAKE", "articles/s"):
        assert expected in table
    ours_line = next(line for line in table.splitlines() if line.startswith("ours") and "100.0" in line)
    assert ours_line.split()[1:4] == ["100.0", "100.0", "100.0"]
    json.dumps(figures)  # the figures are JSON-serialisable as they are
