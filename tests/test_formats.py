"""Readers (inputs -> Article | InputFailure), decoding, writers and atomic output."""

from __future__ import annotations

import csv
import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError, UsageError
from summarizer.formats import FORMAT_NAMES, get_writer, iter_inputs, known_extensions
from summarizer.formats.decode import decode_bytes
from summarizer.formats.output import open_output
from summarizer.records import Article, Entity, InputFailure, Keyword, Result, Topic

BODY = (
    "The city council voted on Tuesday to approve a new budget after months of debate. "
    "Officials said the plan would fund schools, roads and libraries across the region."
)
HTML = """<!DOCTYPE html>
<html><head>
<title>Council approves budget</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.com/news/budget">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves budget</h1>
<p>The city council voted on Tuesday to approve a new budget after months of debate among its members.</p>
<p>Officials said the plan would fund schools, roads and libraries across the region from next year.</p>
</article>
<footer>Copyright 2024</footer>
</body></html>
"""
RUSSIAN = "Министр иностранных дел заявил во вторник, что переговоры продолжатся на следующей неделе в Москве."
FRENCH = (
    "Le ministre a déclaré mardi que les négociations reprendront la semaine prochaine à Genève, où l'été est chaud."
)
GERMAN = "Der Außenminister erklärte am Dienstag, dass die Gespräche nächste Woche in München fortgesetzt würden."


def read_all(*inputs: str | Path, stdin: bytes | None = None, max_bytes: int = 20_000_000) -> list:
    stream = io.BytesIO(stdin) if stdin is not None else io.BytesIO(b"")
    return list(iter_inputs([str(i) for i in inputs], stdin=stream, max_bytes=max_bytes))


def only(items: list) -> Article | InputFailure:
    assert len(items) == 1, items
    return items[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# --- readers -------------------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", BODY + "\r\n")
    article = only(read_all(path))
    assert isinstance(article, Article)
    assert article.id == "story"
    assert article.source == str(path)
    assert article.text.strip() == BODY
    assert "\r" not in article.text
    assert article.title is None


def test_markdown_heading_becomes_title(tmp_path: Path) -> None:
    article = only(read_all(write(tmp_path / "note.md", f"# Budget passes\n\n{BODY}\n")))
    assert isinstance(article, Article)
    assert article.id == "note"
    assert article.title == "Budget passes"
    assert article.text.strip() == BODY


def test_html_text_and_metadata(tmp_path: Path) -> None:
    article = only(read_all(write(tmp_path / "page.html", HTML)))
    assert isinstance(article, Article), article
    assert article.id == "page"
    assert article.title == "Council approves budget"
    assert article.date == "2024-03-05"
    assert article.byline == "Jane Roe"
    assert article.url == "https://example.com/news/budget"
    assert "approve a new budget" in article.text
    assert "Copyright" not in article.text
    assert not article.text.startswith("Council approves budget")  # headline not repeated


def test_html_declared_charset(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>{RUSSIAN}</p></body></html>'
    article = only(read_all(write(tmp_path / "ru.htm", html.encode("cp1251"))))
    assert isinstance(article, Article), article
    assert RUSSIAN in article.text
    assert article.title == "Новости"


def test_html_without_article_text(tmp_path: Path) -> None:
    failure = only(read_all(write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")))
    assert isinstance(failure, InputFailure)
    assert "no article text found in the HTML" in failure.error
    assert "empty.html" in failure.error


def test_jsonl_bad_lines_do_not_stop_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "First article.", "title": "One", "date": "2024-01-02", "url": "u"}),
        "",
        '{"text": "broken',
        json.dumps({"text": "Third article.", "author": "Ann Lee"}),
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"id": 99, "text": "Last article.", "byline": "Bo"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == [
        "Article", "InputFailure", "Article", "InputFailure", "InputFailure", "InputFailure", "Article",
    ]  # fmt: skip
    first, bad_json, third, not_object, no_text, not_string, last = items
    assert (first.id, first.title, first.date, first.url, first.text) == (
        "a1",
        "One",
        "2024-01-02",
        "u",
        "First article.",
    )
    assert first.source == f"{path}:1"
    assert (third.id, third.byline, third.source) == ("feed-4", "Ann Lee", f"{path}:4")
    assert (last.id, last.byline) == ("99", "Bo")
    assert bad_json.id == "feed-3" and bad_json.source == f"{path}:3"
    assert str(path) in bad_json.error and "line 3" in bad_json.error and "invalid JSON" in bad_json.error
    assert "line 5" in not_object.error and "object" in not_object.error
    assert "line 6" in no_text.error and '"text"' in no_text.error
    assert "line 7" in not_string.error and "must be a string" in not_string.error


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = [{"text": "Alpha story."}, {"id": "b", "text": "Beta story."}, {"text": ""}, "nope"]
    items = read_all(write(tmp_path / "batch.json", json.dumps(array)))
    assert [i.id for i in items] == ["batch-0", "b", "batch-2", "batch-3"]
    assert isinstance(items[0], Article) and items[0].text == "Alpha story."
    assert isinstance(items[2], InputFailure) and "index 2" in items[2].error and "empty" in items[2].error
    assert isinstance(items[3], InputFailure) and "index 3" in items[3].error

    single = only(read_all(write(tmp_path / "one.json", json.dumps({"text": "Solo story.", "title": "Solo"}))))
    assert isinstance(single, Article) and (single.id, single.title) == ("one", "Solo")

    broken = only(read_all(write(tmp_path / "broken.json", '{"text": ')))
    assert isinstance(broken, InputFailure) and "broken.json is not valid JSON" in broken.error


def test_directory_walk_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "b.txt", "Bee story.")
    write(root / "a.md", "Ay story.")
    write(root / "sub" / "c.html", "<html><body><p>Cee story in HTML with enough words.</p></body></html>")
    write(root / "sub" / "notes.docx", b"PK\x03\x04 not an article")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n....")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "x.txt", "hidden dir")
    write(root / "z.jsonl", '{"text": "Zed story."}\n')
    items = read_all(root)
    assert all(isinstance(i, Article) for i in items), items
    assert [i.source for i in items] == [
        str(root / "a.md"), str(root / "b.txt"), str(root / "sub" / "c.html"), f"{root / 'z.jsonl'}:1",
    ]  # fmt: skip


def test_directory_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "photo.jpg", b"\xff\xd8\xff\xe0")
    failure = only(read_all(tmp_path / "empty"))
    assert isinstance(failure, InputFailure)
    assert "contains no article files" in failure.error


def test_glob_patterns(tmp_path: Path) -> None:
    write(tmp_path / "2024" / "b.txt", "Bee.")
    write(tmp_path / "2024" / "a.txt", "Ay.")
    write(tmp_path / "2024" / "deep" / "c.txt", "Cee.")
    write(tmp_path / "2024" / "skip.md", "Not matched.")
    assert [i.id for i in read_all(tmp_path / "2024" / "*.txt")] == ["a", "b"]
    assert [i.id for i in read_all(tmp_path / "**" / "*.txt")] == ["a", "b", "c"]
    assert [i.id for i in read_all(tmp_path / "2024" / "?.txt")] == ["a", "b"]
    none = only(read_all(tmp_path / "*.pdf"))
    assert isinstance(none, InputFailure) and "matched no files" in none.error


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    failure = only(read_all(missing))
    assert isinstance(failure, InputFailure)
    assert failure.error == f"{missing}: no such file or directory"
    assert (failure.id, failure.source) == ("missing", str(missing))


def test_inputs_keep_order_and_failures_do_not_stop_the_batch(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", "One.")
    two = write(tmp_path / "two.txt", "Two.")
    items = read_all(one, tmp_path / "nope.txt", write(tmp_path / "bin.txt", b"%PDF-1.7\n"), two)
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "InputFailure", "Article"]
    assert [i.id for i in items] == ["one", "nope", "bin", "two"]


def test_iter_inputs_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Ay.")
    items = iter_inputs([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")])
    assert next(items).id == "a"
    write(tmp_path / "later.txt", "Created after the first article was read.")
    assert next(items).text.startswith("Created after")


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    items = read_all(write(tmp_path / "x" / "same.txt", "One."), write(tmp_path / "y" / "same.txt", "Two."))
    assert [i.id for i in items] == ["same", "same-2"]
    assert any("already used" in w for w in items[1].warnings)


# --- stdin ---------------------------------------------------------------------------------


def test_stdin_text() -> None:
    article = only(read_all("-", stdin=BODY.encode()))
    assert isinstance(article, Article)
    assert (article.id, article.source, article.text) == ("stdin", "<stdin>", BODY)


def test_stdin_jsonl() -> None:
    data = b'\n  {"text": "First."}\n{"text": "Second.", "id": "s2"}\n'
    items = read_all("-", stdin=data)
    assert [(i.id, i.source, i.text) for i in items] == [
        ("stdin-2", "<stdin>:2", "First."),
        ("s2", "<stdin>:3", "Second."),
    ]


def test_stdin_pretty_json_object_and_array() -> None:
    pretty = json.dumps({"text": "Pretty.", "title": "P"}, indent=2).encode()
    article = only(read_all("-", stdin=pretty))
    assert isinstance(article, Article) and (article.text, article.title, article.id) == ("Pretty.", "P", "stdin")
    items = read_all("-", stdin=b'[{"text": "A."}, {"text": "B."}]')
    assert [i.id for i in items] == ["stdin-0", "stdin-1"]


def test_stdin_html() -> None:
    article = only(read_all("-", stdin=HTML.encode()))
    assert isinstance(article, Article), article
    assert article.title == "Council approves budget"
    assert "approve a new budget" in article.text


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    items = read_all(write(tmp_path / "export.dat", '{"text": "A."}\n{"text": "B."}\n'))
    assert [(i.id, i.text) for i in items] == [("export-1", "A."), ("export-2", "B.")]
    article = only(read_all(write(tmp_path / "README", BODY)))
    assert isinstance(article, Article) and article.text == BODY


# --- encodings, binary, size ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (FRENCH, "latin-1"),
        (GERMAN, "latin-1"),
        ("Café crème à l'été", "latin-1"),
        (FRENCH + " " + RUSSIAN, "utf-16"),  # Python writes a BOM
        (RUSSIAN, "utf-8-sig"),
        (GERMAN, "utf-32"),
    ],
)
def test_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert decode_bytes(data, "x.txt") == text
    article = only(read_all(write(tmp_path / "article.txt", data)))
    assert isinstance(article, Article)
    assert article.text == text


def test_utf16_jsonl(tmp_path: Path) -> None:
    data = ('{"text": "' + RUSSIAN + '"}\n{"text": "Two."}\n').encode("utf-16")
    items = read_all(write(tmp_path / "wide.jsonl", data))
    assert [(i.id, i.text) for i in items] == [("wide-1", RUSSIAN), ("wide-2", "Two.")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "looks like a Word document"),
        (b"Some text\x00with a NUL byte", "binary file"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match="report.txt"):
        decode_bytes(data, "report.txt")
    failure = only(read_all(write(tmp_path / "report.txt", data)))
    assert isinstance(failure, InputFailure)
    assert expected in failure.error
    assert str(tmp_path / "report.txt") in failure.error


def test_undecodable_bytes(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))  # no NUL: detection must give up
    failure = only(read_all(write(tmp_path / "noise.txt", data)))
    assert isinstance(failure, InputFailure)
    assert "could not work out the text encoding" in failure.error


def test_binary_jsonl_is_one_failure(tmp_path: Path) -> None:
    failure = only(read_all(write(tmp_path / "data.jsonl", b"%PDF-1.4\n" + b"junk\n" * 5)))
    assert isinstance(failure, InputFailure) and "PDF" in failure.error


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.json"])
def test_empty_files(tmp_path: Path, name: str, content: bytes) -> None:
    failure = only(read_all(write(tmp_path / name, content)))
    assert isinstance(failure, InputFailure)
    assert "is empty" in failure.error and name in failure.error


def test_empty_stdin() -> None:
    failure = only(read_all("-", stdin=b""))
    assert isinstance(failure, InputFailure) and failure.error == "<stdin> is empty"


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "word " * 100)
    failure = only(read_all(path, max_bytes=100))
    assert isinstance(failure, InputFailure)
    assert "big.txt" in failure.error and "500 bytes" in failure.error and "100 bytes" in failure.error
    assert "--max-input-bytes" in failure.error
    assert isinstance(only(read_all(path, max_bytes=500)), Article)
    stdin_failure = only(read_all("-", stdin=b"x" * 101, max_bytes=100))
    assert isinstance(stdin_failure, InputFailure) and "--max-input-bytes" in stdin_failure.error


def test_size_limit_applies_per_jsonl_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "long " * 50}), json.dumps({"text": "fine"})]
    items = read_all(write(tmp_path / "rows.jsonl", "\n".join(lines)), max_bytes=60)
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "Article"]
    assert "line 2" in items[1].error and "--max-input-bytes" in items[1].error
    assert items[2].id == "rows-3"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions as non-root")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "hidden")
    path.chmod(0)
    try:
        failure = only(read_all(path))
    finally:
        path.chmod(0o600)
    assert isinstance(failure, InputFailure)
    assert "secret.txt" in failure.error and "Permission denied" in failure.error


def test_os_error_becomes_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.formats as formats

    def refuse(path, mode="r"):  # noqa: ANN001, ANN202
        raise PermissionError(13, "Permission denied", path)

    path = write(tmp_path / "locked.txt", "text")
    monkeypatch.setattr(formats, "open", refuse, raising=False)
    failure = only(read_all(path))
    assert isinstance(failure, InputFailure)
    assert failure.error == f"could not read {path} (Permission denied)"


def test_unexpected_reader_error_becomes_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.formats.text as text_reader

    def explode(source):  # noqa: ANN001, ANN202
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(text_reader, "read", explode)
    items = read_all(write(tmp_path / "a.txt", "A."), write(tmp_path / "b.jsonl", '{"text": "B."}'))
    assert isinstance(items[0], InputFailure) and "RuntimeError: boom" in items[0].error
    assert isinstance(items[1], Article) and items[1].text == "B."


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ".dat"]))
def test_any_bytes_give_articles_or_failures(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path / f"fuzz{suffix}", data)
    items = read_all(path, "-", stdin=data)
    assert items and all(isinstance(i, Article | InputFailure) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip()


def test_known_extensions_match_the_brief() -> None:
    assert set(known_extensions()) == {".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json"}


# --- writers -------------------------------------------------------------------------------


def sample_results() -> list[Result]:
    ok = Result(
        id="bbc-1",
        source="news/bbc-1.txt",
        title="Talks in Baku",
        date="2024-03-05",
        byline="Jane Roe",
        summary_sentences=("Ali Asadov met envoys in Baku on Monday.", 'Talks, he said, were "useful"; more follow.'),
        topics=(Topic("medtop:20000638", "diplomacy", ("politics", "international relations", "diplomacy"), 0.5234),),
        keywords=(Keyword("peace talks", 0.9), Keyword("Baku", 0.5)),
        entities=(Entity("Ali Asadov", "person", 3), Entity("Baku", "place", 2), Entity("UN", "organization", 1)),
        warnings=("text was truncated",),
    )
    failed = Result.failure("bad", "news/bad.txt", "news/bad.txt looks like a PDF file, not text")
    return [ok, failed]


def render(name: str, results: list[Result]) -> str:
    stream = io.StringIO()
    writer = get_writer(name, stream)
    for result in results:
        writer.write(result)
    writer.close()
    writer.close()  # idempotent
    return stream.getvalue()


def test_format_names() -> None:
    assert FORMAT_NAMES == ("text", "json", "jsonl", "markdown", "csv")


def test_unknown_writer() -> None:
    with pytest.raises(UsageError, match="choose one of: text, json, jsonl, markdown, csv"):
        get_writer("xml", io.StringIO())


def test_json_writer_round_trip() -> None:
    results = sample_results()
    assert json.loads(render("json", results)) == [r.to_dict() for r in results]
    assert json.loads(render("json", [])) == []
    assert json.loads(render("json", results[:1])) == [results[0].to_dict()]


def test_json_writer_streams() -> None:
    stream = io.StringIO()
    writer = get_writer("json", stream)
    writer.write(sample_results()[0])
    assert stream.getvalue().startswith("[\n")
    assert "bbc-1" in stream.getvalue()


def test_jsonl_writer_round_trip() -> None:
    results = sample_results()
    output = render("jsonl", results)
    assert [json.loads(line) for line in output.splitlines()] == [r.to_dict() for r in results]
    assert "Ali Asadov" in output and "\\u" not in output  # ensure_ascii=False
    assert render("jsonl", []) == ""


def test_csv_writer_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", sample_results()))))
    assert len(rows) == 2
    ok, failed = rows
    assert ok["id"] == "bbc-1" and ok["title"] == "Talks in Baku" and ok["byline"] == "Jane Roe"
    assert ok["summary"] == sample_results()[0].summary
    assert ok["topics"] == "diplomacy" and ok["topic_qcodes"] == "medtop:20000638"
    assert ok["keywords"] == "peace talks; Baku"
    assert ok["entities"] == "Ali Asadov (person); Baku (place); UN (organization)"
    assert ok["warnings"] == "text was truncated" and ok["error"] == ""
    assert failed["error"] == "news/bad.txt looks like a PDF file, not text" and failed["summary"] == ""
    header_only = render("csv", [])
    assert header_only.strip().split(",")[0] == "id" and len(header_only.strip().splitlines()) == 1


text_field = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    title=st.none() | text_field,
    sentences=st.lists(text_field, max_size=3),
    keywords=st.lists(text_field, max_size=3),
    error=st.none() | text_field,
)
def test_writers_round_trip_any_text(
    title: str | None, sentences: list[str], keywords: list[str], error: str | None
) -> None:
    result = Result(
        id="x",
        source="s",
        title=title,
        summary_sentences=tuple(sentences),
        keywords=tuple(Keyword(k, 0.5) for k in keywords),
        error=error,
    )
    assert json.loads(render("json", [result, result])) == [result.to_dict()] * 2
    assert [json.loads(line) for line in render("jsonl", [result]).split("\n") if line] == [result.to_dict()]
    rows = list(csv.DictReader(io.StringIO(render("csv", [result]), newline="")))
    assert rows[0]["title"] == (title or "") and rows[0]["error"] == (error or "")
    render("text", [result])
    render("markdown", [result])


def test_text_writer() -> None:
    output = render("text", sample_results())
    assert "[bbc-1] Talks in Baku" in output
    assert "Ali Asadov met envoys in Baku on Monday." in output
    assert "diplomacy (politics > international relations > diplomacy) 0.52" in output
    assert "Keywords: peace talks, Baku" in output
    assert "People: Ali Asadov (3)" in output and "Places: Baku (2)" in output
    assert "Warning: text was truncated" in output
    assert "ERROR: news/bad.txt looks like a PDF file, not text" in output
    assert "\n\n[bad]" in output  # blank line between articles
    assert max(len(line) for line in output.splitlines()) <= 88


def test_text_writer_strips_terminal_escapes() -> None:
    output = render("text", [Result(id="x", source="s", title="evil\x1b[2Jtitle", summary_sentences=("Hi.",))])
    assert "\x1b" not in output


def test_markdown_writer() -> None:
    output = render("markdown", sample_results())
    assert "## Talks in Baku" in output
    assert "Ali Asadov met envoys in Baku on Monday." in output
    assert "- diplomacy (politics > international relations > diplomacy) 0.52" in output
    assert "- peace talks" in output
    assert "> **Error:** news/bad.txt looks like a PDF file, not text" in output
    assert "## bad" in output


# --- atomic output -------------------------------------------------------------------------


def test_open_output_stdout() -> None:
    stdout = io.StringIO()
    with open_output(None, stdout) as stream:
        stream.write("hello")
    with open_output("-", stdout) as stream:
        stream.write(" world")
    assert stdout.getvalue() == "hello world" and not stdout.closed


def test_open_output_writes_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with open_output(str(target), io.StringIO()) as stream:
        writer = get_writer("csv", stream)
        for result in sample_results():
            writer.write(result)
        writer.close()
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == ["bbc-1", "bad"]
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_open_output_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = write(tmp_path / "out.json", "old contents")
    with pytest.raises(RuntimeError), open_output(str(target), io.StringIO()) as stream:
        stream.write("partial new contents")
        raise RuntimeError("model crashed")
    assert target.read_text(encoding="utf-8") == "old contents"
    assert list(tmp_path.iterdir()) == [target]


def test_open_output_refuses_missing_folder(tmp_path: Path) -> None:
    with (
        pytest.raises(UsageError, match="does not exist"),
        open_output(str(tmp_path / "no" / "out.txt"), io.StringIO()),
    ):
        pass
