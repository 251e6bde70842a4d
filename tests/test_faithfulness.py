"""The faithfulness guard's pure functions: numbers, names, degenerate output."""

from __future__ import annotations

import pytest

from summarizer.stages.faithfulness import (
    check,
    degeneracy,
    number_mentions,
    unsupported_names,
    unsupported_numbers,
)

ARTICLE = (
    "President Ilham Aliyev met Alexander Lukashenko in Minsk on Tuesday. Trade between Azerbaijan and "
    "Belarus grew by 39% to $1.13bn last year, and 1,200 tractors were assembled at the Ganja plant. "
    "Twelve agreements were signed, and the two leaders discussed a project worth 2.5 million euros. "
    "The U.S., the UK and the EU were not mentioned."
)


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("summary", [
    "Trade grew by 39 percent.",
    "Trade grew by 39 per cent.",
    "Trade grew by 39%.",
    "Trade reached 1.13 billion dollars.",
    "Trade reached $1.13 billion.",
    "Trade reached 1,130 million dollars.",
    "Trade reached about $1.1bn.",  # a rounding of 1.13bn
    "1200 tractors were assembled.",
    "One thousand two hundred tractors were assembled.",
    "12 agreements were signed.",
    "Two leaders met.",
    "A deal worth 2.5m euros.",
    "A deal worth 2,500,000 euros.",
    "One of the leaders spoke.",  # a bare "one" is not a figure
])
def test_supported_numbers(summary):
    assert unsupported_numbers(summary, ARTICLE) == []


@pytest.mark.parametrize(("summary", "bad"), [
    ("Trade grew by 45%.", "45"),
    ("Trade reached $2.13bn.", "2.13bn"),
    ("Trade reached 1.2 billion.", "1.2 billion"),  # not a rounding of 1.13 billion
    ("Thirteen agreements were signed.", "Thirteen"),
    ("1,300 tractors were assembled.", "1,300"),
    ("A deal worth 4 million euros.", "4 million"),
])
def test_unsupported_numbers(summary, bad):
    assert unsupported_numbers(summary, ARTICLE) == [bad]


def test_number_forms():
    def values(text):
        return [v for m in number_mentions(text) for v in m.values]

    assert values("39 percent") == values("39%") == values("39 per cent") == [39.0]
    assert values("1,200") == values("1200") == [1200.0]
    assert values("$1.13bn") == values("1.13 billion") == [1.13e9]
    assert values("twenty-five") == [25.0]
    assert values("two hundred and fifty") == [250.0]
    assert values("a million people") == [1e6]
    assert values("fifty, two") == [50.0, 2.0]  # punctuation ends a number
    assert values("COP29") == []  # digits inside a name are not a figure


def test_number_words_in_the_article_support_digits():
    assert unsupported_numbers("12 agreements.", "Twelve agreements were signed.") == []
    assert unsupported_numbers("Twelve agreements.", "12 agreements were signed.") == []


def test_words_that_imply_a_number_support_it():
    assert unsupported_numbers("The two countries agreed.", "Both countries agreed.") == []
    assert unsupported_numbers("12 eggs.", "A dozen eggs were sold.") == []
    assert unsupported_numbers("The three countries agreed.", "Both countries agreed.") == ["three"]


# The failing case of issue #14: SmolLM2 wrote "the two countries" for an article that names Azerbaijan and
# Belarus together again and again but never writes "two" or "both".
PAIR_ARTICLE = (
    "Azerbaijan and Belarus have agreed to increase trade and industrial cooperation, Azerbaijani President "
    "Ilham Aliyev stated following talks with Belarusian President Alexander Lukashenko. Following the talks "
    "between the Presidents of Azerbaijan and Belarus, a package of documents was signed on May 16."
)
PAIR_ENTITIES = [("Azerbaijan", "GPE"), ("Belarus", "GPE"), ("Azerbaijani", "NORP"), ("Ilham Aliyev", "PERSON"),
                 ("Belarusian", "NORP"), ("Alexander Lukashenko", "PERSON"), ("May 16", "DATE")]
PAIR_SUMMARY = "Azerbaijan and Belarus agreed to increase trade, and the two countries signed a package of documents."


def test_a_pair_of_names_in_the_article_supports_two():
    verdict = check(PAIR_SUMMARY, PAIR_ARTICLE, [("Azerbaijan", "GPE"), ("Belarus", "GPE")], PAIR_ENTITIES)
    assert verdict.ok, verdict.reason
    assert unsupported_numbers("The two presidents met.", PAIR_ARTICLE, PAIR_ENTITIES) == []
    # A pair supports two, and only two; without the article's entities nothing is paired.
    assert unsupported_numbers("The three countries agreed.", PAIR_ARTICLE, PAIR_ENTITIES) == ["three"]
    assert unsupported_numbers(PAIR_SUMMARY, PAIR_ARTICLE) == ["two"]


def test_what_is_not_a_pair():
    entities = [("Aliyev", "PERSON"), ("Belarus", "GPE"), ("May 16", "DATE"), ("June 1", "DATE")]
    for article in ("Aliyev and Belarus signed.",  # two kinds of name
                    "Belarus and Belarus again.",  # one name twice
                    "Talks on May 16 and June 1."):  # dates are not names
        assert unsupported_numbers("The two sides met.", article, entities) == ["two"], article


def test_two_as_a_word_or_a_digit_in_the_article_supports_two():
    for article in ("Officials of the two countries met.", "Officials of 2 countries met."):
        assert unsupported_numbers("The two countries met.", article) == [], article
        assert unsupported_numbers("The 2 countries met.", article) == [], article


@pytest.mark.slow
def test_the_pair_is_found_with_the_real_entity_model(real_summarizer):
    analyzer = real_summarizer.pipeline.analyzer
    article, summary = analyzer.analyze_batch([PAIR_ARTICLE, PAIR_SUMMARY])
    verdict = check(PAIR_SUMMARY, PAIR_ARTICLE, [(e.text, e.label) for e in summary.entities],
                    [(e.text, e.label) for e in article.entities])
    assert verdict.ok, verdict.reason


# --- names ------------------------------------------------------------------------------------

ARTICLE_ENTITIES = [("Ilham Aliyev", "PERSON"), ("Alexander Lukashenko", "PERSON"), ("Minsk", "GPE"),
                    ("Azerbaijan", "GPE"), ("Belarus", "GPE"), ("Ganja", "GPE")]


@pytest.mark.parametrize("mention", [
    ("Aliyev", "PERSON"),  # a surname of a full name in the article
    ("Ilham Aliyev", "PERSON"),
    ("Lukashenko's", "PERSON"),  # a possessive
    ("MINSK", "GPE"),  # case
    ("the Ganja plant", "FAC"),  # in the text
    ("Belarusian", "NORP"),  # an adjective of a place in the article
    ("Americans", "NORP"),  # and its plural, through the shared stem
    ("British", "NORP"),  # an irregular one
    ("United States", "GPE"),  # the article says "U.S."
    ("European Union", "ORG"),  # the article says "EU"
    ("Monday", "DATE"),  # dates are not checked as names
])
def test_supported_names(mention):
    assert unsupported_names([mention], ARTICLE, ARTICLE_ENTITIES) == []


@pytest.mark.parametrize(("mention", "bad"), [
    (("John Smith", "PERSON"), "John Smith"),
    (("Vladimir Putin's", "PERSON"), "Vladimir Putin"),
    (("Baku", "GPE"), "Baku"),
    (("the World Bank", "ORG"), "World Bank"),
    (("Ramin Aliyev", "PERSON"), "Ramin Aliyev"),  # a different first name is not the same person
])
def test_unsupported_names(mention, bad):
    assert unsupported_names([mention], ARTICLE, ARTICLE_ENTITIES) == [bad]


# --- degenerate output --------------------------------------------------------------------------

INSTRUCTION = "Summarize the news article below in at most 3 sentences. Write only facts that the article states."


@pytest.mark.parametrize(("summary", "words"), [
    ("", "no summary"),
    ("   ...  ", "no summary"),
    ("the deal the deal the deal was signed, the deal was signed, the deal was signed, the deal was signed",
     "repeats itself"),
    (" ".join(["trade"] * 30), "repeats itself"),
    ("Summarize the news article below in at most 3 sentences.", "instructions"),
    (ARTICLE + " " + ARTICLE[:200], "longer than the article"),
])
def test_degenerate(summary, words):
    reason = degeneracy(summary, ARTICLE, [INSTRUCTION])
    assert reason is not None and words in reason


def test_a_good_summary_passes_every_test():
    summary = ("Ilham Aliyev met Alexander Lukashenko in Minsk. Trade between Azerbaijan and Belarus grew "
               "by 39 percent to 1.13 billion dollars, and twelve agreements were signed.")
    entities = [("Ilham Aliyev", "PERSON"), ("Alexander Lukashenko", "PERSON"), ("Minsk", "GPE"),
                ("Azerbaijan", "GPE"), ("Belarus", "GPE")]
    verdict = check(summary, ARTICLE, entities, ARTICLE_ENTITIES, [INSTRUCTION])
    assert verdict.ok and verdict.reason == ""


def test_the_verdict_names_what_is_unsupported():
    verdict = check("John Smith said trade grew by 45%.", ARTICLE, [("John Smith", "PERSON")], ARTICLE_ENTITIES)
    assert not verdict.ok
    assert verdict.unsupported == ("John Smith", "45")
    assert "'John Smith'" in verdict.reason and "'45'" in verdict.reason
