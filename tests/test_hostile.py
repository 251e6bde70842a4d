"""Hostile inputs: every one is processed sensibly (with a warning) or rejected with a clear error."""

import json

from fakes import HashEmbedder, RegexAnalyzer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Summarizer
from summarizer.formats import iter_inputs
from summarizer.records import Article
from summarizer.stages.clean import clean
from summarizer.stages.language import detect_non_english, english_share

STORY = ("The city council approved a new budget for public schools on Monday. "
         "The budget raises spending on teachers by ten percent. "
         "Parents welcomed the decision at a packed meeting in the town hall.")


def run_dir(fake_summarizer, tmp_path, files: dict[str, bytes]):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    items = iter_inputs([str(tmp_path)], max_bytes=1_000_000)
    return {r.id: r for r in fake_summarizer.summarize_batch(items)}


def test_hostile_corpus_one_record_each_and_good_ones_survive(fake_summarizer, tmp_path):
    files = {
        "good.txt": STORY.encode(),
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n  ",
        "nul.txt": b"abc\x00\x00def" * 20,
        "renamed_pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "undecodable.txt": bytes((i * 7919) % 256 for i in range(4000)),
        "huge.txt": b"word " * 300_000,  # 1.5 MB > the 1 MB limit given above
        "cp1251.txt": "Президент провёл встречу с делегацией. Стороны обсудили торговлю.".encode("cp1251"),
        "scripts.html": b"<html><head><script>var a=1;</script><style>p{}</style></head><body></body></html>",
        "lines.jsonl": (b'{"id": "j1", "text": "' + STORY.encode() + b'"}\n'
                        b'[1, 2, 3]\n'
                        b'{"id": "j3", "text": 42}\n'
                        b'{"id": "j4", "text": "The mayor said \\ud800 the plan was final. It starts in May."}\n'
                        b'{"id": "j5", "text": "cut off by a cra'),
    }
    results = run_dir(fake_summarizer, tmp_path, files)
    ok = {i for i, r in results.items() if r.ok}
    assert {"good", "j1", "j4", "cp1251"} <= ok
    for bad in ("empty", "blank", "nul", "renamed_pdf", "image", "huge", "scripts"):
        r = results[bad]
        assert not r.ok and bad in r.error, (bad, r.error)
    assert "PDF" in results["renamed_pdf"].error
    assert "--max-input-bytes" in results["huge"].error
    failed_lines = [r for r in results.values() if not r.ok and "lines.jsonl" in r.source]
    assert len(failed_lines) == 3
    assert all("line" in r.error for r in failed_lines)
    assert any("Russian" in w for w in results["cp1251"].warnings)
    # Everything serialises, lone surrogates included.
    for r in results.values():
        json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")


def test_no_sentence_boundaries_gives_a_warned_summary(fake_summarizer):
    r = fake_summarizer.summarize("council river plans budget " * 200)
    assert r.ok
    assert any("no sentence-ending punctuation" in w for w in r.warnings)
    assert r.summary and len(r.summary.split()) <= 61


def test_one_enormous_sentence_is_capped_and_warned(fake_summarizer):
    text = "The council " + "agreed and planned " * 20_000 + "the budget."
    r = fake_summarizer.summarize(text)
    assert r.ok
    assert any("longer than 150 words" in w for w in r.warnings)
    assert len(r.summary.split()) == 60 and clean(text).text.startswith(r.summary)  # verbatim, nothing added
    emb = fake_summarizer.pipeline.embedder
    assert emb.calls  # the model saw the capped sentence, not 60,000 words


def test_max_chars_limit_is_a_warning(tmp_path):
    s = Summarizer(embedder=HashEmbedder(), analyzer=RegexAnalyzer(), cache_dir=tmp_path, max_chars=300)
    r = s.summarize("\n\n".join(f"Paragraph {i} says the council met again. {STORY}" for i in range(20)))
    assert r.ok and any("longer than 300 characters" in w for w in r.warnings)


def test_language_detection():
    assert english_share(STORY) > 0.2
    assert detect_non_english(STORY) is None
    assert detect_non_english("Der Stadtrat hat am Montag einen neuen Haushalt für die Schulen beschlossen. "
                              "Die Eltern begrüßten die Entscheidung.") == "de"
    assert detect_non_english("Президент провёл встречу с делегацией. Стороны обсудили торговлю.") == "ru"


# --- properties ------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=2000))
def test_clean_never_raises_and_never_invents_text(text):
    c = clean(text)
    assert isinstance(c.text, str)
    for para in c.paragraphs:
        assert para.strip() == para and para


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
                min_size=1, max_size=12))
def test_summary_sentences_always_come_from_the_input(fake_summarizer, paragraphs):
    text = "\n\n".join(paragraphs)
    r = fake_summarizer.summarize(Article(id="p", text=text, source="prop"))
    if r.ok:
        cleaned = clean(text).text
        for s in r.summary_sentences:
            assert s in cleaned
    else:
        assert r.error
