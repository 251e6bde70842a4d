import re

import numpy as np
import pytest
from fakes import HashEmbedder

from summarizer.stages import entities, extractive, keywords
from summarizer.stages import topics as topics_stage
from summarizer.stages.topics import SHORT_TEXT_WORDS, TopicIndex, evidence_floor
from summarizer.taxonomy import load_taxonomy


def unit(*rows):
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


# --- extractive ----------------------------------------------------------------------------
SENTS = [
    "The government announced a new budget for schools on Monday.",
    "The budget for schools grows by ten percent next year, officials said.",
    "Teachers welcomed the budget for schools and the plans for new classrooms.",
    "Separately, a cat was rescued from a tree in the town centre.",
    "The new school budget will be debated in parliament next week.",
]


def test_select_returns_verbatim_indices_in_article_order():
    vecs = HashEmbedder().embed_batch(SENTS)
    picked = extractive.select(SENTS, vecs, max_sentences=3)
    assert picked == sorted(picked) and len(picked) == 3
    assert 3 not in picked  # the off-topic sentence is not salient


def test_select_respects_word_budget_but_keeps_one():
    vecs = HashEmbedder().embed_batch(SENTS)
    assert len(extractive.select(SENTS, vecs, max_sentences=5, max_words=12)) == 1
    picked = extractive.select(SENTS, vecs, max_sentences=5, max_words=25)
    assert sum(len(SENTS[i].split()) for i in picked) <= 25


def test_ineligible_sentences_are_never_picked():
    sents = ["Speaker name of the council:", "Item one of the list;", "Heading without a stop",
             "The council met on Friday and agreed on a plan for the river."]
    vecs = HashEmbedder().embed_batch(sents)
    assert extractive.select(sents, vecs, max_sentences=3) == [3]


def test_mmr_drops_near_duplicates():
    vecs = unit([1, 0, 0], [0.999, 0.04, 0], [0, 1, 0])
    picked = extractive.mmr(np.array([1.0, 0.99, 0.5]), vecs, 2, diversity=0.3, redundancy_cutoff=0.95)
    assert picked == [0, 2]


def test_title_pulls_ranking():
    sents = ["Rain fell across the north of the country on Sunday.",
             "The football final was won by the home team after extra time.",
             "Shops reported quiet trading during the weekend storms."]
    emb = HashEmbedder()
    vecs = emb.embed_batch(sents)
    weights = extractive.RankWeights(position=0.0, centrality=0.0, title=1.0)
    picked = extractive.select(sents, vecs, emb.embed("football final won by home team"), max_sentences=1,
                               weights=weights)
    assert picked == [1]


# --- keywords -------------------------------------------------------------------------------
def test_phrase_key_merges_case_plural_possessive():
    assert keywords.phrase_key("Joint Ventures") == keywords.phrase_key("joint venture")
    assert keywords.phrase_key("Azerbaijan’s") == keywords.phrase_key("Azerbaijan")
    assert keywords.phrase_key("agro-town projects") == "agro town project"


def test_candidates_drop_generic_words_and_count_variants():
    phrases = [("joint ventures", 10), ("Joint venture", 50), ("year", 5), ("Monday", 7), ("trade", 90)]
    cands = keywords.candidates(phrases, 100)
    texts = [c.text for c in cands]
    assert "year" not in texts and "Monday" not in texts
    jv = [c for c in cands if c.key == "joint venture"][0]
    assert jv.count == 2 and jv.first == pytest.approx(0.1)


def test_candidates_know_where_each_occurrence_is():
    text = "A 'joint venture' was signed. Joint ventures - like this joint venture - grow trade."
    phrases = [(m.group(), m.start()) for m in re.finditer(r"'joint venture'|[Jj]oint ventures? -?|trade", text)]
    cands = {c.key: c for c in keywords.candidates(phrases, len(text))}
    jv = cands["joint venture"]
    assert jv.count == 3
    assert [text[a:b] for a, b in jv.spans] == ["joint venture", "Joint ventures", "joint venture"]  # quotes, dash cut
    assert [text[a:b] for a, b in cands["trade"].spans] == ["trade"]


def test_pieces_of_a_joined_name_are_no_candidates_but_the_name_is():
    text = "The Bank of England's rate rose. England won. The Ministry of Energy met the King of Spain."
    assert keywords.joined_name_span("Ilham Aliyev", 0) is None
    names = [keywords.joined_name_span(n, text.index(n)) for n in ("The Bank of England's", "The Ministry of Energy")]
    assert [text[a:b] for a, b in names] == ["Bank of England", "Ministry of Energy"]
    pieces = [(m.group(), m.start()) for m in re.finditer(r"Bank|England|rate|Ministry|Energy|King|Spain", text)]
    cands = keywords.candidates(pieces + [(text[a:b], a) for a, b in names], len(text), names=names)
    got = {c.text: c.count for c in cands}
    # "Bank", "Ministry" and "Energy" are pieces of names only; "England" also stands alone. "King of Spain"
    # was not found as a name, so its words stay candidates.
    assert got == {"Bank of England": 1, "Ministry of Energy": 1, "England": 2, "rate": 1, "King": 1, "Spain": 1}
    # A name too long to be a keyword still hides its pieces.
    long = "The Ministry of Energy of the Republic of Belarus met."
    span = keywords.joined_name_span("The Ministry of Energy of the Republic of Belarus", 0)
    assert span is not None and long[span[0] : span[1]] == "Ministry of Energy of the Republic of Belarus"
    words = [(m.group(), m.start()) for m in re.finditer(r"Ministry|Energy|Republic|Belarus", long)]
    assert keywords.candidates(words + [(long[span[0] : span[1]], span[0])], len(long), names=[span]) == []


def test_rank_diversifies_and_has_no_contained_duplicates():
    emb = HashEmbedder()
    cands = keywords.candidates([("bilateral trade", 0), ("trade", 5), ("bilateral trade volume", 9),
                                 ("automobile plant", 20), ("tourism", 30)], 40)
    vecs = emb.embed_batch([c.text for c in cands])
    doc = emb.embed("bilateral trade automobile plant tourism")
    out = keywords.rank(cands, vecs, doc, k=10)
    keys = [keywords.phrase_key(k.text) for k in out]
    for a in keys:
        for b in keys:
            assert a == b or f" {a} " not in f" {b} "
    assert all(0.0 <= k.score <= 1.0 for k in out)
    assert {"automobile plant", "tourism"} <= {k.text for k in out}


def test_surname_keywords_are_shown_as_full_names_once():
    from summarizer.records import Entity, Keyword

    ents = [Entity("Ilham Aliyev", "person", 5), Entity("John Smith", "person", 1), Entity("Mary Smith", "person", 1)]
    kws = [Keyword("Aliyev", 0.9), Keyword("Ilham Aliyev", 0.8), Keyword("Smith", 0.5), Keyword("trade", 0.4)]
    assert [k.text for k in keywords.expand_names(kws, ents)] == ["Ilham Aliyev", "Smith", "trade"]


# --- entities -------------------------------------------------------------------------------
def test_surname_counts_toward_full_name_and_types_are_mapped():
    out = entities.merge([("Ilham Aliyev", "PERSON"), ("Aliyev", "PERSON"), ("Aliyev", "ORG"),
                          ("Baku", "GPE"), ("the World Bank", "ORG"), ("World Bank", "ORG"), ("2021", "DATE")])
    got = {(e.text, e.type): e.count for e in out}
    assert got == {("Ilham Aliyev", "person"): 3, ("Baku", "place"): 1, ("World Bank", "organization"): 2}
    assert out[0].text == "Ilham Aliyev"


def test_ambiguous_surname_is_not_merged():
    out = entities.merge([("John Smith", "PERSON"), ("Mary Smith", "PERSON"), ("Smith", "PERSON")])
    assert {e.text for e in out} == {"John Smith", "Mary Smith", "Smith"}


def test_same_name_with_two_types_keeps_majority_type_and_junk_persons_dropped():
    out = entities.merge([("Belarus", "GPE"), ("Belarus", "GPE"), ("Belarus", "ORG"), ("COP29", "PERSON"),
                          ("Azerbaijan’s Ganja Automobile Plant", "ORG")])
    got = {(e.text, e.type): e.count for e in out}
    assert got == {("Belarus", "place"): 3, ("Ganja Automobile Plant", "organization"): 1}


def test_a_place_run_into_a_persons_name_is_cut_off():
    out = entities.merge([("Azerbaijan", "GPE"), ("Azerbaijan Heydar Aliyev", "PERSON"), ("Heydar Aliyev", "PERSON"),
                          ("Aliyev", "PERSON"), ("Minsk", "GPE"), ("Minsk Lee", "PERSON"), ("Georgia Smith", "PERSON")])
    got = {(e.text, e.type): e.count for e in out}
    assert got == {("Heydar Aliyev", "person"): 3, ("Azerbaijan", "place"): 1, ("Minsk", "place"): 1,
                   ("Minsk Lee", "person"): 1,  # one word would be left: a name, not a place and a name
                   ("Georgia Smith", "person"): 1}  # no place Georgia in the article


def test_a_courtesy_title_is_not_part_of_the_name():
    out = entities.merge([("Scott Sullivan", "PERSON"), ("Sullivan", "PERSON"), ("Mr Sullivan", "PERSON"),
                          ("Ms. Boynton", "PERSON"), ("Danny Goffey - she", "PERSON"), ("Danny", "PERSON")])
    got = {(e.text, e.type): e.count for e in out}
    # Before: "Mr Sullivan" made "Sullivan" ambiguous, so one man was listed three times.
    assert got == {("Scott Sullivan", "person"): 3, ("Ms. Boynton", "person"): 1, ("Danny Goffey", "person"): 2}


def test_one_word_person_needs_a_title_or_a_fuller_name():
    text = "Sales of Vioxx fell. President Obama spoke, and coach Wenger too. Protocols were signed. Obama left."
    found = [("Vioxx", "PERSON"), ("Obama", "PERSON"), ("Wenger", "PERSON"), ("Protocols", "PERSON"),
             ("Obama", "PERSON")]
    mentions, at = [], 0
    for name, label in found:
        at = text.index(name, at)
        mentions.append(entities.mention_at(text, at, name, label))
        at += len(name)
    assert mentions[1] == entities.Mention("Obama", "PERSON", "President", "spoke,")
    got = {(e.text, e.type): e.count for e in entities.merge(mentions)}
    assert got == {("Obama", "person"): 2, ("Wenger", "person"): 1}
    # Without the words around them (plain pairs), one-word persons have nothing to stand on.
    assert entities.merge(found) == []


def test_untitled_one_word_person_gives_way_to_another_type():
    out = entities.merge([("Twitter", "PERSON"), ("Twitter", "PERSON"), ("Twitter", "ORG"), ("Vioxx", "PERSON"),
                          ("Vioxx", "ORG"), entities.Mention("Obama", "ORG", "(President"), ("Obama", "PERSON")])
    got = {(e.text, e.type): e.count for e in out}
    # ... but a title makes a one-word organisation a person ("President Obama" tagged ORG).
    assert got == {("Twitter", "organization"): 3, ("Vioxx", "organization"): 2, ("Obama", "person"): 2}
    # A fuller name is a sign too: "Jordan" (PERSON x3, GPE x1) counts toward Michael Jordan.
    out = entities.merge([("Michael Jordan", "PERSON")] + [("Jordan", "PERSON")] * 3 + [("Jordan", "GPE"),
                         entities.Mention("Arsenal", "ORG", "striker")])
    assert {(e.text, e.type): e.count for e in out} == {("Michael Jordan", "person"): 5, ("Arsenal", "organization"): 1}


def test_titles_and_place_words_are_read_through_punctuation_and_case():
    mentions = [entities.Mention("Obama", "PERSON", "(President"), entities.Mention("Aghdam", "PERSON", "", "region;"),
                entities.Mention("Mourinho", "PERSON", "boss"), entities.Mention("Wenger", "PERSON", "manager"),
                entities.Mention("Vioxx", "PERSON", "major"), entities.Mention("Blair", "PERSON", "Major"),
                entities.Mention("EU", "ORG", "", "state"), entities.Mention("Trump", "PERSON", "", "town")]
    got = {(e.text, e.type): e.count for e in entities.merge(mentions)}
    # "a major Vioxx recall": no title; "EU state aid", "Trump town hall": no places.
    assert got == {("Obama", "person"): 1, ("Aghdam", "place"): 1, ("Blair", "person"): 1, ("Mourinho", "person"): 1,
                   ("Wenger", "person"): 1, ("EU", "organization"): 1}


def test_mr_and_mrs_of_one_name_stay_two_people_and_titles_are_not_shown_with_full_names():
    out = entities.merge([("Scott Sullivan", "PERSON"), ("Mr Sullivan", "PERSON"), ("Mrs Sullivan", "PERSON"),
                          ("Mr. Sullivan", "PERSON"), entities.Mention("Sullivan", "PERSON", "Mrs"),
                          ("Mr Tom Jones", "PERSON"), ("Tom Jones", "PERSON"), entities.Mention("Jones", "PERSON", "Mr"),
                          ("Mr Ann Lee", "PERSON"), ("Mrs Lee", "PERSON")])
    got = {(e.text, e.type): e.count for e in out}
    # The title may be inside the tagged name or the word before it, with or without a full stop.
    assert got == {("Scott Sullivan", "person"): 1, ("Mr Sullivan", "person"): 2, ("Mrs Sullivan", "person"): 2,
                   ("Tom Jones", "person"): 3, ("Ann Lee", "person"): 1, ("Mrs Lee", "person"): 1}
    # "Dr" names neither sex: beside a Mr and a Mrs Sullivan, Dr Sullivan is neither of them.
    out = entities.merge([("Mr Sullivan", "PERSON"), ("Mrs Sullivan", "PERSON"), ("Dr Sullivan", "PERSON")])
    assert {(e.text, e.type): e.count for e in out} == {("Mr Sullivan", "person"): 1, ("Mrs Sullivan", "person"): 1,
                                                        ("Dr Sullivan", "person"): 1}


def test_republic_of_a_place_named_in_the_article_is_that_place():
    out = entities.merge([("the Republic of Azerbaijan", "GPE"), ("Azerbaijan", "GPE"), ("Republic of Belarus", "GPE"),
                          ("the Kingdom of the Netherlands", "GPE"), ("Netherlands", "GPE"),
                          ("the Republic of China", "GPE"), ("China", "GPE")])
    got = {(e.text, e.type): e.count for e in out}
    assert got == {("Azerbaijan", "place"): 2, ("Republic of Belarus", "place"): 1, ("Netherlands", "place"): 2,
                   ("Republic of China", "place"): 1, ("China", "place"): 1}  # Taiwan is not China


def test_a_name_before_region_or_district_is_a_place():
    text = "projects in Azerbaijan’s Aghdam region and in the Kangarli district, said Aghdam Smith"
    mentions = [entities.mention_at(text, text.index(n), n, label)
                for n, label in (("Aghdam", "PERSON"), ("Kangarli", "ORG"), ("Aghdam Smith", "PERSON"))]
    got = {(e.text, e.type): e.count for e in entities.merge(mentions)}
    assert got == {("Aghdam", "place"): 1, ("Kangarli", "place"): 1, ("Aghdam Smith", "person"): 1}


# --- topics ---------------------------------------------------------------------------------
def test_topic_index_scores_with_hierarchy_and_caches(tmp_path):
    tax = load_taxonomy()
    emb = HashEmbedder()
    index = TopicIndex.build(tax, emb, tmp_path)
    assert len(list(tmp_path.glob("iptc-*.npy"))) == 1
    calls = len(emb.calls)
    TopicIndex.build(tax, emb, tmp_path)
    assert len(emb.calls) == calls  # the second build reads the cache
    sents = emb.embed_batch(["The football match ended in a draw.", "The football league match was exciting."])
    topics = index.score(sents, None, k=3)
    assert 1 <= len(topics) <= 3
    qcodes = [t.qcode for t in topics]
    for t in topics:
        assert t.qcode in tax and t.path == tax.path(t.qcode) and t.path[-1] == t.label
        # never both a concept and one of its ancestors
        assert not any(q != t.qcode and q in tax.ancestors(t.qcode) for q in qcodes)


def test_topics_are_at_most_k_and_the_share_cut_off_is_reported(tmp_path):
    emb = HashEmbedder()
    index = TopicIndex.build(load_taxonomy(), emb, tmp_path, calibrate=False)
    sents = emb.embed_batch(["The football match ended in a draw.", "The football league match was exciting."])
    every = index.choose(sents, None, k=5, min_share=0.0, min_score=0.0)
    assert len(every.topics) == 5 and not every.cut and not every.weak
    only_first = index.choose(sents, None, k=5, min_share=1.0, min_score=0.0)
    assert [t.qcode for t in only_first.topics] == [every.topics[0].qcode] and only_first.cut
    assert every.best == pytest.approx(max(t.score for t in every.topics))
    assert index.score(sents, None, k=5, min_share=0.0, min_score=0.0) == list(every.topics)


def test_topics_below_the_evidence_floor_are_left_out(tmp_path):
    emb = HashEmbedder()
    index = TopicIndex.build(load_taxonomy(), emb, tmp_path, calibrate=False)
    sents = emb.embed_batch(["The football match ended in a draw."])
    best = index.choose(sents, None, k=3, min_score=0.0).best
    below = index.choose(sents, None, k=3, min_score=best + 0.01)
    assert below.weak and below.topics == () and below.best == best
    at = index.choose(sents, None, k=3, min_score=best)
    assert not at.weak and at.topics


def test_the_evidence_floor_applies_to_short_and_foreign_texts_only():
    assert evidence_floor(0.3, SHORT_TEXT_WORDS - 1, foreign=False) == 0.3
    assert evidence_floor(0.3, 500, foreign=True) == 0.3
    assert evidence_floor(0.3, SHORT_TEXT_WORDS, foreign=False) == 0.0


def test_taxonomy_is_complete():
    tax = load_taxonomy()
    assert len(tax) == 1099 and len(tax.roots) == 17
    assert tax.path("medtop:20000003") == ("arts, culture, entertainment and media", "arts and entertainment",
                                            "animation")


def test_units_generic_words_and_numbers_alone_are_no_keyphrases():
    phrases = [("mln dlrs", 10), ("120 mln dlrs", 30), ("company", 50), ("shares", 60), ("pct", 70),
               ("tender offer", 80), ("share price", 100), ("poison pill", 120)]
    keys = {c.text for c in keywords.candidates(phrases, 200)}
    assert keys == {"tender offer", "share price", "poison pill"}


def test_a_keyphrase_ends_before_a_courtesy_title_and_has_no_line_break():
    cands = keywords.candidates([("Labour leader Sir", 0), ("Labour leader", 40), ("trucking\nunit", 80)], 200)
    assert {c.text for c in cands} == {"Labour leader", "trucking unit"}
    (labour,) = [c for c in cands if c.text == "Labour leader"]
    assert labour.count == 2


def test_a_company_with_and_without_its_suffix_is_one_organisation():
    merged = entities.merge([("Chrysler Corp", "ORG"), ("CHRYSLER", "ORG"), ("Chrysler Corporation", "ORG"),
                             ("Delmar Group", "ORG"), ("Delmar", "GPE"), ("Washington", "GPE"),
                             ("Washington Post", "ORG")])
    assert [(e.text, e.type, e.count) for e in merged] == [
        ("Chrysler Corp", "organization", 3), ("Delmar Group", "organization", 2),
        ("Washington", "place", 1), ("Washington Post", "organization", 1),
    ]  # fmt: skip


def test_initials_keep_their_last_full_stop():
    assert [e.text for e in entities.merge([("U.S.", "GPE"), ("the U.K.'s", "GPE"), ("Minsk.", "GPE")])] == [
        "U.S.", "U.K.", "Minsk"
    ]


def test_a_sentence_leaning_on_the_one_before_is_not_picked_without_it():
    assert extractive.leans_on_previous("He said the deal was fair.", "John Smith runs the firm.")
    assert extractive.leans_on_previous("But the vote failed.", "")
    assert extractive.leans_on_previous("The company said it would appeal.", "Acme Inc is a company in Ohio.")
    assert not extractive.leans_on_previous("The company was founded in 1901.", "Voters in Ohio went to the polls.")
    assert not extractive.leans_on_previous("The European Union agreed the budget.", "The union met.")
    sents = ["Acme Inc agreed to buy Delmar Group for 120 million dollars on Monday in a deal for trucks.",
             "Shares in both companies rose sharply in early trading after the news of the deal was out.",
             "Analysts at several banks called the price paid for the trucking business a fair one.",
             "He added that the company would keep all of its drivers and both of its depots in Ohio."]
    vecs = unit([1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1])  # the last is the most central
    weights = extractive.RankWeights(position=0.0, title=0.0)
    assert extractive.select(sents[2:], vecs[2:], max_sentences=2, weights=weights) == [0, 1]  # with what it leans on
    # Alone it would be the first pick; it leans on the third, which is not picked.
    picked = extractive.select(sents, vecs, max_sentences=2, weights=weights)
    assert 3 not in picked and len(picked) == 2
    assert extractive.select(sents[3:], vecs[3:], max_sentences=1) == [0]  # never an empty summary


def test_a_specific_sport_or_one_word_topic_needs_the_articles_words(tmp_path):
    tax = load_taxonomy()
    index = TopicIndex.build(tax, HashEmbedder(), tmp_path)
    by_label = {c.label: index.index[c.qcode] for c in tax.concepts}
    soccer_text = "The striker scored twice as the football club won the cup final at Wembley."
    stems = topics_stage._stems(soccer_text)
    assert index._supported(by_label["soccer"], stems) == by_label["soccer"]  # "football" in its definition
    shinty = index._supported(by_label["shinty"], stems)
    assert tax.concepts[shinty].label == "competition discipline"  # no word of shinty's: its parent instead
    assert index._supported(by_label["consumer electronics"], set()) == by_label["consumer electronics"]
    assert index._supported(by_label["deflation"], topics_stage._stems("Prices rose 3% in May.")) != by_label[
        "deflation"]
    assert index._supported(by_label["deflation"], topics_stage._stems("Deflation returned.")) == by_label[
        "deflation"]
