"""Hard-wrapped text (wire copy, e-mail, text archives) reads as the same article as its unwrapped form."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from summarizer.stages.clean import clean, unwrap

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

# A wire story written for this test: a capitals headline, a dateline run into the first sentence,
# short paragraphs, an abbreviation at a line end, a hyphenated word at a line end, a sign-off.
WIRE_PARAGRAPHS = [
    "NEW YORK, March 3 (Reuters) - Harbor Freight Lines Inc said it agreed to buy the U.S. trucking "
    "unit of Delmar Group for about 120 mln dlrs in cash, a move that would double its fleet.",
    "The company said the purchase, which needs the approval of federal regulators, should be "
    "completed in the second quarter. It gave no figure for the debt it would take on.",
    "Delmar shares rose two dlrs to 31 in early trading. Analysts said the price was fair for a "
    "well-run business with long-standing customers in the Midwest.",
    "Harbor Freight said it would keep all of the unit's 2,300 drivers.",
]
WIRE_TITLE = "HARBOR FREIGHT TO BUY DELMAR TRUCKING UNIT"
EXPECTED_TEXT = "\n\n".join(
    [WIRE_PARAGRAPHS[0].split(" - ", 1)[1], *WIRE_PARAGRAPHS[1:]]
)


def _wrapped(paragraphs: list[str], width: int, style: str) -> str:
    fill = lambda p, indent="": textwrap.fill(  # noqa: E731
        p, width, initial_indent=indent, break_on_hyphens=False, break_long_words=False
    )
    if style == "indent":
        return "\n".join(fill(p, "    ") for p in paragraphs)
    text = "\n\n".join(fill(p) for p in paragraphs)
    return text.replace("\n", "\r\n") if style == "crlf" else text


@pytest.mark.parametrize("style", ["blank", "indent", "crlf"])
@pytest.mark.parametrize("width", [60, 68, 75])
def test_wire_story_wrapped_any_way_reads_as_the_story(style: str, width: int) -> None:
    text = WIRE_TITLE + "\n" + _wrapped(WIRE_PARAGRAPHS, width, style) + "\n  REUTER\n"
    cleaned = clean(text)
    assert cleaned.title == WIRE_TITLE  # kept in its case for display
    assert cleaned.text == EXPECTED_TEXT
    assert cleaned.warnings == ()  # the sign-off is no sign of a cut-off article


def test_a_headline_in_capitals_longer_than_the_margin_does_not_hide_the_wrapping() -> None:
    title = "2 FREIGHT FIRMS AGREE TO A MERGER THAT WOULD DOUBLE THE FLEET OF THE BIGGER ONE OF THEM"
    text = title + "\n" + _wrapped(WIRE_PARAGRAPHS, 60, "indent") + "\n  REUTER\n"
    assert max(len(line) for line in text.splitlines()[1:]) < len(title) - 20
    cleaned = clean(text)
    assert cleaned.title == title
    assert cleaned.text == EXPECTED_TEXT


def test_a_hyphen_at_a_line_end_joins_the_word_and_a_dash_keeps_its_space() -> None:
    text = textwrap.dedent("""\
        The long-standing dispute between the two neighbouring states was settled --
        after years of talks -- by an agreement that both parliaments signed in a well-
        attended ceremony in the capital on Friday, officials from both sides said.
        Observers called the deal a turning point for trade across the whole region.""")
    assert unwrap(text) == (
        "The long-standing dispute between the two neighbouring states was settled -- after years of talks -- "
        "by an agreement that both parliaments signed in a well-attended ceremony in the capital on Friday, "
        "officials from both sides said. Observers called the deal a turning point for trade across the whole region."
    )


def test_text_that_is_not_hard_wrapped_is_left_alone() -> None:
    web = "\n".join(WIRE_PARAGRAPHS)  # one paragraph a line, lines far past any margin
    assert unwrap(web) == web
    fixtures = "Results:\nNewcastle 2 Yeading 0\nExeter 1 Leeds 1\nStoke 0 Arsenal 3\nLuton 2 Hinckley 1"
    assert unwrap(fixtures) == fixtures  # short lines reach no margin
    assert unwrap("") == "" and unwrap("One line only.") == "One line only."


def test_a_short_line_before_a_capital_is_a_paragraph_end() -> None:
    text = _wrapped(WIRE_PARAGRAPHS[1:3], 70, "blank").replace("\n\n", "\n")
    assert unwrap(text) == "\n\n".join(WIRE_PARAGRAPHS[1:3])


def _variants(text: str, title: str | None, width: int) -> dict[str, tuple[str, str | None]]:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    out = {style: (_wrapped(paragraphs, width, style), title) for style in ("blank", "indent", "crlf")}
    if title:
        out["capitals title line"] = (title.upper() + "\n" + text, title)
    return out


def _assert_same_reading(text: str, title: str | None, width: int, name: str) -> None:
    original = clean(text, title=title)
    for style, (variant, variant_title) in _variants(text, title, width).items():
        cleaned = clean(variant, title=variant_title)
        assert (cleaned.text, cleaned.title, cleaned.date) == (original.text, original.title, original.date), (
            f"{name}: {style} at {width} columns"
        )


def test_seeds_wrapped_read_as_the_seeds(seeds_text: dict[str, str]) -> None:
    for width, (name, text) in zip((60, 66, 70, 72, 75), sorted(seeds_text.items()), strict=True):
        _assert_same_reading(text, None, width, name)


# The source's own "word- word" (a hyphen before a space) cannot be told from a word broken at a line end.
_SPACED_HYPHEN = re.compile(r"[A-Za-z]- [a-z]")


@pytest.mark.slow
@pytest.mark.skipif(not EVAL.is_dir(), reason="needs the evaluation data at ../shared/eval")
def test_every_eval_article_wrapped_reads_as_the_original() -> None:
    checked = 0
    for path in sorted(EVAL.glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            article = json.loads(line)
            if _SPACED_HYPHEN.search(article["text"]):
                continue
            _assert_same_reading(article["text"], article.get("title"), 60 + i % 16, article["id"])
            checked += 1
    assert checked > 2500
