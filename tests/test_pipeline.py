"""The pipeline and the Python API, on fake backends (fast) and on the real packaged models (slow)."""

import re

import pytest

from summarizer import Article, Result, Summarizer
from summarizer.records import InputFailure
from summarizer.stages.clean import clean
from summarizer.taxonomy import load_taxonomy

STORY = ("The city council approved a new budget for public schools on Monday. "
         "The budget raises spending on teachers by ten percent. "
         "Parents welcomed the decision at a packed meeting in the town hall. "
         "The mayor said the money would come from higher property taxes. "
         "Opposition members voted against the plan.")


def test_summarize_text_gives_a_full_record(fake_summarizer):
    r = fake_summarizer.summarize(STORY)
    assert r.ok and r.error is None
    assert 1 <= len(r.summary_sentences) <= 3
    for s in r.summary_sentences:
        assert s in STORY
    d = r.to_dict()
    assert set(d) >= {"id", "source", "title", "date", "byline", "summary", "summary_sentences", "topics",
                      "keywords", "entities", "warnings", "error"}
    assert d["summary"] == " ".join(d["summary_sentences"])
    assert all(t["qcode"] in load_taxonomy() for t in d["topics"])


def test_batch_keeps_order_and_isolates_failures(fake_summarizer):
    items = [STORY, {"id": "x", "text": "   "}, InputFailure("bad", "bad.txt", "bad.txt is empty"),
             {"id": "y", "text": STORY, "title": "Council passes school budget"}, {"id": "z", "text": 5}]
    results = list(fake_summarizer.summarize_batch(items))
    assert [r.id for r in results] == ["text-0", "x", "bad", "y", "z"]
    assert [r.ok for r in results] == [True, False, False, True, False]
    assert "empty" in results[1].error and results[2].error == "bad.txt is empty"
    assert results[3].title == "Council passes school budget"


def test_one_embedding_call_per_batch(fake_summarizer):
    emb = fake_summarizer.pipeline.embedder
    fake_summarizer.pipeline.load()
    before = len(emb.calls)
    list(fake_summarizer.summarize_batch([STORY, STORY.upper().lower(), STORY]))
    assert len(emb.calls) - before == 1


def test_the_next_batches_are_started_before_the_records_of_this_one_come_out(tmp_path):
    from fakes import HashEmbedder, RegexAnalyzer

    events: list[str] = []

    class Started(RegexAnalyzer):
        def start_batch(self, texts):
            events.append(f"start {len(texts)}")
            return super().start_batch(texts)

    summarizer = Summarizer(embedder=HashEmbedder(), analyzer=Started(), cache_dir=tmp_path / "cache",
                            batch_size=2)
    items = [{"id": f"a{i}", "text": f"{STORY} It was meeting number {i}."} for i in range(5)]
    for r in summarizer.summarize_batch(items):
        events.append(f"record {r.id}")
    # pipeline.AHEAD (2) batches are started before the records of the first come out; the first batch is
    # a quarter of batch_size (at least one article), so its records can be embedded sooner
    assert events == ["start 1", "start 2", "start 2", "record a0", "record a1", "record a2", "record a3",
                      "record a4"]


def test_records_read_before_the_input_fails_still_come_out(tmp_path):
    from fakes import HashEmbedder, RegexAnalyzer

    summarizer = Summarizer(embedder=HashEmbedder(), analyzer=RegexAnalyzer(), cache_dir=tmp_path / "cache",
                            batch_size=2)

    def items():
        yield {"id": "a", "text": STORY}
        yield {"id": "b", "text": STORY}
        raise OSError("the input stream broke")

    seen = []
    with pytest.raises(OSError, match="broke"):
        for r in summarizer.summarize_batch(items()):
            seen.append(r.id)
    assert seen == ["a", "b"]


def record_texts(emb) -> list[list[str]]:
    """The texts of each later ``embed_batch`` call of ``emb``, as they come."""
    texts: list[list[str]] = []
    real = emb.embed_batch

    def recording(batch):
        texts.append(list(batch))
        return real(batch)

    emb.embed_batch = recording
    return texts


def test_keywords_are_read_from_the_sentence_pass_or_embedded_on_their_own(fake_summarizer, tmp_path):
    from fakes import HashEmbedder, RegexAnalyzer

    from summarizer.backends.base import Embedder

    class NoTokenVectors(HashEmbedder):  # as a model that only gives sentence vectors
        embed_with_spans = Embedder.embed_with_spans

    emb = NoTokenVectors()
    plain = Summarizer(embedder=emb, analyzer=RegexAnalyzer(), cache_dir=tmp_path / "plain")
    plain.pipeline.load()
    texts = record_texts(emb)
    stories = [STORY, STORY.replace("schools", "libraries")]
    expected = list(fake_summarizer.summarize_batch(stories))
    got = list(plain.summarize_batch(stories))
    assert len(texts) == 2  # the sentences and titles, then the candidates on their own
    assert all(len(t.split()) <= 5 for t in texts[1])  # phrases, not sentences
    assert {k.text for r in got for k in r.keywords} <= set(texts[1])
    assert [[k.text for k in r.keywords] for r in got] == [[k.text for k in r.keywords] for r in expected]
    assert [r.summary for r in got] == [r.summary for r in expected]


def test_keywords_the_sentence_pass_did_not_read_are_embedded_on_their_own(fake_summarizer):
    emb = fake_summarizer.pipeline.embedder
    fake_summarizer.pipeline.load()
    texts = record_texts(emb)
    # The fake embedder reads 200 characters of a sentence: "Borealis" comes later in its only one.
    long_sentence = ("The council said that " + "the plan, which took many months of work by many people, " * 4
                     + "was named after the Aurora Borealis.")
    result = fake_summarizer.summarize(STORY + " " + long_sentence)
    assert result.ok
    # The pass, then only what it could not read: "Borealis" grown to the name it stands in (see keywords._glued).
    assert len(texts) == 2 and texts[1] == ["Aurora Borealis"]
    # The candidate embedded on its own is ranked with the others (shown under the person's full name).
    assert "Aurora Borealis" in [k.text for k in result.keywords]


def test_a_crashing_stage_fails_only_its_article(fake_summarizer, monkeypatch):
    from summarizer.stages import extractive

    real = extractive.select

    def boom(sents, *a, **k):
        if any("EXPLODE" in s for s in sents):
            raise RuntimeError("kaboom")
        return real(sents, *a, **k)

    monkeypatch.setattr(extractive, "select", boom)
    results = list(fake_summarizer.summarize_batch([STORY, STORY + " EXPLODE now, please.", STORY]))
    assert [r.ok for r in results] == [True, False, True]
    assert "kaboom" in results[1].error


def test_a_given_date_is_iso_in_the_record_or_left_out_with_a_warning(fake_summarizer):
    good, ambiguous, from_text = fake_summarizer.summarize_batch([
        {"text": STORY, "date": "March 3, 2005"},
        {"text": STORY, "date": "03/04/2005"},
        Article(id="a", text="date 2025-02-17\n\n" + STORY, date="in the spring"),
    ])
    assert good.date == "2005-03-03" and not good.warnings
    assert ambiguous.date is None
    assert ambiguous.warnings == ('ignored the given date "03/04/2005": it could be 2005-03-04 or 2005-04-03; write '
                                  'dates as YYYY-MM-DD',)
    # a date the cleaner finds in the text is still used when the given one is not
    assert from_text.date == "2025-02-17"
    assert any(w.startswith('ignored the given date "in the spring"') for w in from_text.warnings)


def test_a_short_text_below_the_evidence_floor_gets_no_topics_and_a_warning(fake_summarizer):
    p = fake_summarizer.pipeline
    strict = Summarizer(embedder=p.embedder, analyzer=p.analyzer, topic_min_score=1.0)
    short = "The council met on Monday. It approved the school budget."
    weak, long = strict.summarize_batch([short, STORY])
    assert weak.ok and weak.topics == ()
    (warning,) = weak.warnings
    assert warning.startswith("no topics: the text is short (10 words) and resembles no IPTC news topic closely "
                              "enough (best similarity 0.")
    assert "below 1.00" in warning and "--topic-min-score" in warning
    assert long.topics and not long.warnings  # a longer English text always gets its topics
    normal = fake_summarizer.summarize(short)
    assert normal.topics and not normal.warnings
    # only the topics go: the summary, keywords and entities are those of any run
    assert (weak.summary_sentences, weak.keywords, weak.entities) == (normal.summary_sentences, normal.keywords,
                                                                      normal.entities)


def test_fewer_topics_than_asked_are_explained_in_the_verbose_log(fake_summarizer, caplog):
    p = fake_summarizer.pipeline
    every = Summarizer(embedder=p.embedder, analyzer=p.analyzer, topics=5, topic_min_share=0.0).summarize(STORY)
    assert 2 <= len(every.topics) <= 5  # only labels the story names: maybe fewer than asked, even with no share
    with caplog.at_level("INFO", logger="summarizer"):
        one = Summarizer(embedder=p.embedder, analyzer=p.analyzer, topics=5, topic_min_share=1.0).summarize(STORY)
    assert 1 <= len(one.topics) < len(every.topics) and not one.warnings
    assert all(t.score >= one.topics[0].score for t in one.topics[1:])
    assert (f"<text>: {len(one.topics)} of 5 topic(s); the others score less than 1.00 times the first topic's "
            "score (--topic-min-share)" in caplog.messages)


def test_without_a_fit_sentence_the_summary_is_the_opening_words_verbatim(fake_summarizer):
    text = "council river plans budget " * 50 + "..."  # one 200-word sentence: too long to be a summary
    r = fake_summarizer.summarize(text)
    assert r.ok and len(r.summary_sentences) == 1
    (summary,) = r.summary_sentences
    assert clean(text).text.startswith(summary) and len(summary.split()) == 60
    assert "…" not in summary
    assert "the summary is its opening words as written (at most 60)" in " ".join(r.warnings)


def test_boilerplate_only_article_is_an_error(fake_summarizer):
    r = fake_summarizer.summarize("Leave a review\n\nFollow us on social networks\n\nNews Line")
    assert not r.ok and "boilerplate" in r.error


def test_sentence_and_word_options(fake_summarizer):
    s = Summarizer(embedder=fake_summarizer.pipeline.embedder, analyzer=fake_summarizer.pipeline.analyzer,
                   sentences=1)
    assert len(s.summarize(STORY).summary_sentences) == 1
    s = Summarizer(embedder=fake_summarizer.pipeline.embedder, analyzer=fake_summarizer.pipeline.analyzer,
                   sentences=5, max_words=25)
    r = s.summarize(STORY)
    assert len(r.summary.split()) <= 25 or len(r.summary_sentences) == 1


def test_bad_settings_raise_usage_error():
    from summarizer import UsageError

    with pytest.raises(UsageError):
        Summarizer(sentences=0)


# --- the real packaged models --------------------------------------------------------------
@pytest.mark.slow
def test_seed_summaries_are_verbatim_and_clean(seed_results, seeds_text):
    assert len(seed_results) == 5
    for sid, r in seed_results.items():
        assert r.ok, r.error
        cleaned = clean(seeds_text[sid]).text
        assert 1 <= len(r.summary_sentences) <= 3
        for s in r.summary_sentences:
            assert s in cleaned  # verbatim from the cleaned article
            for junk in ("Leave a review", "Follow us", "News Line", "date 20", "UTC", "Azernews reports"):
                assert junk not in s
            assert re.search(r"[.!?\"”]$", s), s  # full sentences only


@pytest.mark.slow
def test_seed_metadata_entities_topics_keywords(seed_results):
    tax = load_taxonomy()
    r1 = seed_results["001_fffbc82ed73a2448"]
    names = {e.text for e in r1.entities}
    assert "Ali Asadov" in names and "Roman Golovchenko" in names
    # "Azerbaijan’s Aghdam region": a place, not a person, as is "Kizil Kangarli" (left out)
    assert ("Aghdam", "place") in {(e.text, e.type) for e in r1.entities}
    assert {e.text for e in r1.entities if e.type == "person"} == {"Ali Asadov", "Roman Golovchenko",
                                                                   "Alexander Lukashenko"}
    assert {e.type for e in r1.entities} <= {"person", "organization", "place"}
    assert r1.date == "2024-10-04" and r1.byline == "Akbar Novruz"
    r4 = seed_results["004_4ed487a7f4aa41b7"]
    aliyev = [e for e in r4.entities if e.text == "Ilham Aliyev"]
    assert aliyev and aliyev[0].count >= 4 and "Aliyev" not in {e.text for e in r4.entities}
    for r in seed_results.values():
        assert 1 <= len(r.topics) <= 3
        for t in r.topics:
            assert t.qcode in tax and t.path == tax.path(t.qcode)
        # Articles on state visits and trade belong under politics or the economy.
        assert tax.top_level(r.topics[0].qcode) in {"medtop:11000000", "medtop:04000000"}
        assert 5 <= len(r.keywords) <= 10
        lowered = [k.text.lower() for k in r.keywords]
        assert len(set(lowered)) == len(lowered)
        for k in lowered:
            assert k not in {"the", "and", "of", "leave a review", "news line"}


LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex "
         "ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
         "fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
         "mollit anim id est laborum.")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    LOREM,
    "Lorem ipsum dolor sit amet.",
    "Placeholder text goes here. Replace this with the body of your article before publishing.",
    "asdf qwerty zxcv blorp fnord glim wibble frotz.",
    "test test test\n\nhello world foo bar baz qux quux corge grault garply\n",
])
def test_real_models_give_no_topics_to_text_that_is_no_article(real_summarizer, text):
    r = real_summarizer.summarize(text)
    assert r.ok and r.topics == ()
    assert any(w.startswith("no topics: the text is ") for w in r.warnings), r.warnings
    cleaned = clean(text).text
    assert r.summary_sentences and all(s in cleaned for s in r.summary_sentences)  # verbatim, nothing added


@pytest.mark.slow
def test_real_models_handle_odd_but_valid_text(real_summarizer):
    r = real_summarizer.summarize("Just one line with no full stop at all")
    assert r.ok or "sentence" in r.error or "boilerplate" in r.error
    r = real_summarizer.summarize(Article(id="a", text="Short story. " * 3, source="x"))
    assert isinstance(r, Result)


@pytest.mark.slow
def test_real_models_keep_a_joined_name_whole_in_keywords(real_summarizer):
    text = ("The Bank of England raised interest rates to 5% on Thursday, its ninth rise in a row. "
            "The Bank of England said inflation was still too high. Mortgage rates will follow, lenders said. "
            "Economists had expected the Bank of England to raise rates again. Savers welcomed the rise.")
    keys = [k.text for k in real_summarizer.summarize(text).keywords]
    assert "Bank of England" in keys
    assert not {"Bank", "England"} & set(keys)


@pytest.mark.slow
def test_real_analyzer_splits_sentences_and_paragraphs(real_summarizer):
    text = ("  Dr. Smith met the U.S. delegation in Baku on Monday. They signed two deals.\n\n"
            "Subheading without a stop\n\nThe talks will resume in May.")
    a = real_summarizer.pipeline.analyzer.analyze(text)
    sents = [s.text for s in a.sentences]
    assert sents == ["Dr. Smith met the U.S. delegation in Baku on Monday.", "They signed two deals.",
                     "Subheading without a stop", "The talks will resume in May."]
    assert a.sentences[0].start == 2  # after the leading spaces
    for s in a.sentences:
        assert text[s.start : s.start + len(s.text)] == s.text
    assert ("Baku", "GPE") in {(e.text, e.label) for e in a.entities}


def test_embedder_failing_on_one_article_fails_only_that_one(fake_summarizer):
    emb = fake_summarizer.pipeline.embedder
    fake_summarizer.pipeline.load()
    real = emb.embed_batch

    def flaky(texts):
        if any("POISON" in t for t in texts):
            raise RuntimeError("model exploded")
        return real(texts)

    emb.embed_batch = flaky
    results = list(fake_summarizer.summarize_batch([STORY, STORY.replace("Monday", "Monday POISON"), STORY]))
    assert [r.ok for r in results] == [True, False, True]
    assert "model exploded" in results[1].error


@pytest.mark.slow
def test_topics_are_listed_in_score_order(seed_results):
    for result in seed_results.values():
        scores = [t.score for t in result.topics]
        assert scores, result.id
        assert scores == sorted(scores, reverse=True), (result.id, [(t.label, t.score) for t in result.topics])
