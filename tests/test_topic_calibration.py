"""The learned topic calibration: its file, when it applies, what it changes, and the eval's held-out figure."""

from __future__ import annotations

import json

import numpy as np
import pytest
from fakes import HashEmbedder

from summarizer import evaluate as ev
from summarizer.stages.topics import Calibration, TopicIndex, shipped_calibration, text_digest
from summarizer.taxonomy import load_taxonomy

SPORT = "medtop:15000000"


def make_calibration(tax, shift: np.ndarray, trained_on=()) -> Calibration:
    return Calibration(shift=shift.astype(np.float32), center=np.zeros(len(tax), np.float32), embedder="hash",
                       taxonomy=tax.digest, trained_on=frozenset(text_digest(t) for t in trained_on), meta={})


def test_shipped_calibration_fits_the_default_model_and_taxonomy():
    from summarizer.backends import load_embedder

    tax = load_taxonomy()
    identity = load_embedder("all-MiniLM-L6-v2").model_identity
    calibration = shipped_calibration(identity, tax)
    assert calibration is not None
    assert calibration.shift.shape == (len(tax), len(tax.roots))
    assert np.isfinite(calibration.shift).all() and np.abs(calibration.shift).max() > 0
    assert len(calibration.trained_on) > 2000  # most of BBC and KPCrowd; a fifth of each is held out
    figures = calibration.meta["figures"]
    assert {"bbc", "kpcrowd"} <= set(figures)
    # another model's vectors mean other concept scores: the calibration must not be used with them
    assert shipped_calibration("sbert:some-other-model:123", tax) is None


def test_calibration_round_trip(tmp_path):
    tax = load_taxonomy()
    rng = np.random.default_rng(0)
    original = make_calibration(tax, rng.normal(size=(len(tax), len(tax.roots))), trained_on=["An article."])
    path = tmp_path / "cal.npz"
    original.save(path)
    back = Calibration.read(path)
    assert np.array_equal(back.shift, original.shift) and np.array_equal(back.center, original.center)
    assert back.embedder == "hash" and back.taxonomy == tax.digest
    assert back.saw("  An article.\n") and not back.saw("Another article.")


def test_calibration_moves_the_first_topic_to_the_favoured_branch():
    tax = load_taxonomy()
    emb = HashEmbedder()
    plain = TopicIndex.build(tax, emb, None, calibrate=False)
    sents = emb.embed_batch(["The football match ended in a draw.", "The football league match was exciting."])
    before = plain.score(sents, None, k=3)

    zero = TopicIndex(tax, plain.vectors, make_calibration(tax, np.zeros((len(tax), len(tax.roots)))))
    assert zero.score(sents, None, k=3) == before  # a zero shift changes nothing

    shift = np.zeros((len(tax), len(tax.roots)), np.float32)
    other = (tax.roots.index(tax.top_level(before[0].qcode)) + 1) % len(tax.roots)
    shift[:, other] = 5.0  # every concept score lifts another branch by a lot
    favoured = TopicIndex(tax, plain.vectors, make_calibration(tax, shift))
    after = favoured.score(sents, None, k=3)
    assert tax.top_level(after[0].qcode) == tax.roots[other]
    # the reported score stays the concept's similarity to the article, not the shifted ranking score
    raw, _ = plain.evidence(sents, None)
    assert after[0].score == pytest.approx(float(raw[plain.index[after[0].qcode]]))


def test_index_without_calibration_has_seen_nothing():
    tax = load_taxonomy()
    emb = HashEmbedder()
    index = TopicIndex.build(tax, emb, None)  # the hash embedder is not the model the shipped file was made for
    assert index.calibration is None and not index.saw("anything")


def test_eval_reports_held_out_accuracy(tmp_path):
    from test_evaluate import FakeSummarizer, write_jsonl

    rows = [
        {"id": "a", "text": "A team won. Fans cheered.", "topics": "sport"},
        {"id": "b", "text": "A team lost. Fans wept.", "topics": "sport"},
        {"id": "c", "text": "A new phone. It is thin.", "topics": "tech"},
    ]
    data = write_jsonl(tmp_path / "bbc_small.jsonl", rows)
    trained = {"A team won. Fans cheered."}
    fake = FakeSummarizer(topics={"a": SPORT, "b": SPORT, "c": SPORT})
    figures = ev.run_eval(data, fake, seen=lambda text: text in trained)
    topics = figures["topics"]
    assert topics["accuracy"] == pytest.approx(66.67, abs=0.01)
    assert topics["held_out"] == {"n": 2, "n_seen": 1, "accuracy": 50.0,
                                  "per_category": {"sport": {"n": 1, "accuracy": 100.0},
                                                   "tech": {"n": 1, "accuracy": 0.0}}}
    assert "held out: 50.0% on the 2 articles not used to train" in ev.format_table(figures)
    # nothing seen: no held-out section (every figure is already held out)
    figures = ev.run_eval(data, FakeSummarizer(topics={"a": SPORT}), seen=lambda text: False)
    assert "held_out" not in figures["topics"]
    json.dumps(figures)


PHONE = ("Samsung has unveiled a folding smartphone with a screen that opens like a book. "
         "The handset runs Google's Android software and will go on sale in March, the company said. "
         "Analysts said the phone's battery life and the durability of its hinge would decide whether buyers "
         "take to it. Apple and Huawei are working on similar devices.")


@pytest.mark.slow
def test_a_gadget_story_is_technology_first_and_keeps_iptc_fits(real_summarizer, tmp_path):
    from summarizer import Summarizer
    from summarizer.records import Article

    tax = load_taxonomy()
    article = Article(id="phone", text=PHONE, title="Samsung unveils folding phone", source="phone.txt")
    assert real_summarizer.pipeline.topic_index.calibration is not None
    calibrated = next(iter(real_summarizer.summarize_batch([article])))
    plain = next(iter(Summarizer(topic_calibration=False, cache_dir=tmp_path).summarize_batch([article])))
    assert tax.top_level(calibrated.topics[0].qcode) == "medtop:13000000"  # science and technology
    # IPTC alone files it as a product ("economy, business and finance > ... > consumer electronics") ...
    assert tax.top_level(plain.topics[0].qcode) == "medtop:04000000"
    # ... and the calibrated topics stay in score order: that fit, which scores higher than the calibrated
    # first topic, is not listed after it
    scores = [t.score for t in calibrated.topics]
    assert scores == sorted(scores, reverse=True)
    assert plain.topics[0].score > calibrated.topics[0].score
    assert plain.topics[0].qcode not in [t.qcode for t in calibrated.topics]
