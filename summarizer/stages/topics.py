"""IPTC Media Topics for an article, from the sentence embeddings already computed.

Every concept is embedded once (label and definition) and cached on disk, keyed by the
embedding model and the taxonomy version. An article is scored against every concept from two
kinds of evidence: its overall vector (lead-weighted mean of its sentences, plus the title) and
its best-matching sentences. The hierarchy is used twice: every sentence votes for the branches
(top-level concepts) of its best-matching concepts, so that a story's subject area is decided
by all of its evidence rather than by one lucky match,
and within a branch the most specific concept that fits is preferred over a bare parent.

Similarity alone matches surface words and neighbouring ideas: oilmeal is near "oil and gas",
migrant boats near "rowing". So a specific label is given only when the article names it as a
whole (:class:`LexicalSupport`); otherwise the broader concept it does name. One sure broad
label is better than a precise wrong one.

A small learned correction (``summarizer/data/topic_calibration.npz``, trained by
``scripts/train_topic_calibration.py`` on labelled news) then shifts each branch's score by a
linear function of the article's concept scores. It exists because news desks and IPTC file some
stories differently: IPTC puts gadgets and software under "economy, business and finance"
(products and services), where newsrooms call them technology. It is used only with the
embedding model and taxonomy it was trained for.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..backends.base import Embedder
from ..records import Topic
from ..settings import Settings
from ..taxonomy import Taxonomy
from .extractive import gives_result

log = logging.getLogger(__name__)

RECIPE = "label-definition-v1"  # change when concept_text changes, to invalidate caches
LABEL_RECIPE = "label-v1"  # the bare labels, embedded apart so that the concept vectors stay as they were


def concept_text(label: str, definition: str) -> str:
    return f"{label}: {definition}" if definition else label


@dataclass(frozen=True)
class TopicWeights:
    """Tuned numbers of topic scoring. ``event``, ``nearby``, ``named_instead`` and ``head_named`` were set by
    reading the records of development samples (``benchmarks/judged_sample.py make --seed 99``, 7, 11, 3
    and 5; ``named_instead`` 4 left a library wifi story at "science and technology", 3 gives it
    "technology and engineering"; ``head_named`` 3 against the title and lead alone, which missed an
    earnings report titled "earnings" that said "profits" in its lead; ``field_share`` by reading the records of
    the BBC and KPCrowd articles whose first topic was a bare branch: at two thirds, game and birth-rate stories
    became "natural science"); the first topic's branch, and so
    topic accuracy on BBC and KPCrowd, does not depend on them."""

    article: float = 0.6  # weight of the article vector vs. best sentences
    top_sentences: int = 3
    branch: float = 1.0  # how much the branch's share of the sentence votes lifts its concepts
    votes_per_sentence: int = 3
    specificity: float = 0.01  # bonus per level below the top
    descend_margin: float = 0.02  # take a child over its parent when within this of it
    event: float = 0.05  # gain of a concept that the title and the lead both name (the story's event)
    nearby: float = 0.06  # a supported concept this close to the branch's best concept is taken over backing off
    named_instead: int = 3  # how often (title and lead twice) a concept must be named to replace a back-off
    head_named: int = 3  # how often the best concept's head word ("earnings" of "corporate earnings") must be said, once in the title or the lead
    event_fit: float = 0.25  # least similarity of a concept named in the title and the lead to be listed as the story's event ...
    event_share: float = 0.7  # ... and least share of the first topic's score ...
    event_votes: float = 0.05  # ... and least share of the sentence votes its branch holds
    event_over: float = 2.0  # how many times the first topic's branch's share of the votes the branch of the story's event must hold to take the place of a field the article does not name
    further_said: int = 4  # how many sentences of the body must name a further topic the title and the lead do not
    other_branch: float = 0.15  # least share of the sentence votes for a further topic outside the first topic's branch
    fit_share: float = 0.5  # a first topic fitting less than this share of the article's best concept gives way to its branch
    defined_named: int = 3  # how often the own words of a concept's definition must be said to name it (0: never)
    event_named: int = 3  # how often the words of a concept's event (EVENT_CUES) must be said to name it (0: never)
    field_share: float = 0.75  # least share of the sentences (and title) whose best match in the branch lies in one field for it to stand for the branch
    unvoted: float = 0.05  # the calibration's branch holding less than this share of the sentence votes ...
    unfit: float = 0.7  # ... and fitting less than this share of the article's best concept ...
    voted: float = 0.25  # ... gives way to a branch holding this share of the votes, fitting at least ``unfit`` ...
    overruled: float = 0.15  # ... that the calibration puts at most this far below it (see :meth:`TopicIndex.calibrated_branch`)


DEFAULT_TOPIC_WEIGHTS = TopicWeights()

CALIBRATION_FILE = "topic_calibration.npz"
SPORT = "medtop:15000000"
SCIENCE = "medtop:13000000"
"""The branch the calibration exists for: IPTC files gadgets and software under products and services, where news desks
file them as technology; there it may overrule the sentences' votes (see :meth:`TopicIndex.calibrated_branch`)."""
CONFLICT = "medtop:16000000"
EVENT_BRANCHES = (SPORT, CONFLICT)
NAMED_EVENTS = ("medtop:20000574",)
"""Second-level concepts that name an event, not a field, outside :data:`EVENT_BRANCHES`: "election". A story is about an
election only when it says so; a budget vote in Congress or a judicial appointment is politics but no election. One that the
title names and the article says three times is the story's event (see :meth:`TopicIndex.choose`): a party leader's
"pre-election tour" is an election story, not "government"."""
"""Branches whose second level names aspects or kinds of event rather than fields: sport's ("competition discipline",
"sports coaching") and conflict's ("massacre", "act of terror", "coup d'etat", "prisoners of war"). Their second-level
concepts must be named by the article to be its first topic (:attr:`LexicalSupport.needs_support`): an air strike
that kills three is no "massacre", a fighter jet's intercept no "act of terror"."""
DISCIPLINE = "medtop:20000822"  # sport > competition discipline: the sports by name (soccer, tennis, ...)

#: Broad concepts that the embedding finds near many stories they do not fit, with the words an article that
#: is about them says. Such a concept is a topic only when the title or the lead says one of its words and the
#: article says them again (see :meth:`TopicIndex.broad_unsaid`): a match report names coaches but is about the
#: match, a football manager's words are no "sports management", a story of a website's redesign is near "social sciences" through "social network", a video round-up
#: near "scientific research". Chosen by reading development samples (``benchmarks/judged_sample.py``).
BROAD_CUES: dict[str, tuple[str, ...]] = {
    "medtop:20001323": ("coach", "coaching", "coached"),  # sports coaching
    "medtop:20001324": ("owner", "owners", "ownership", "takeover", "chairman", "buyout", "shareholders",
                        "shareholder"),  # sports management and ownership ("manager" names a coach in football)
    "medtop:20000742": ("sociology", "sociologist", "anthropology", "anthropologist", "linguistics", "linguist",
                        "ethnography"),  # social sciences
    "medtop:20000735": ("study", "studies", "research", "researchers", "scientist", "scientists", "experiment",
                        "experiments", "laboratory"),  # scientific research
    "medtop:20000549": ("gambling", "gamblers", "lottery", "lotteries", "casino", "casinos", "betting", "bookmaker",
                        "bookmakers", "jackpot", "bingo", "poker"),  # gaming and lottery ("gaming" is "game" as a stem)
}
#: Concepts whose events (or trade) the news names in other words than their IPTC labels, with a pattern of those words
#: (whole words, any case): a takeover or a stake sold is a "merger or acquisition" although neither word is said, a
#: firm's profits its "corporate earnings", a designer's gowns "fashion", a player's new contract a "sports
#: transaction", an airline's news "air transport". A concept of the first topic's branch whose words the title or the
#: lead says, and the article again (:attr:`TopicWeights.event_named` times, the title and the lead counting twice), is
#: named by them: it may be the first topic as a named concept is, and it is taken instead of a first topic the article
#: does not name (see :meth:`TopicIndex.choose`). Chosen by reading development samples (``benchmarks/judged_sample.py``)
#: and the first topics they change on the BBC and KPCrowd articles.
EVENT_CUES: dict[str, str] = {
    "medtop:20000204": r"takeovers?|acquir(?:e|es|ed|ing)|acquisitions?|mergers?|merg(?:e|es|ed|ing)|buyouts?"
                       r"|(?<!\bat )stakes?"
                       r"|(?:agree[sd]?|agreeing|plans?|planned|planning|offer(?:s|ed|ing)?|bids?|bidding|seeks?|seeking"
                       r"|wants?|moves?|moved|deal) to (?:buy|purchase)(?! back\b)"
                       r"|(?:bid|offered) [$£€]\S+(?: \([^)]*\))? to buy(?! back\b)|buying spree",
    # merger or acquisition ("at stake" is no shareholding; a firm that agrees, plans, bids or offers to buy one, not
    # its own shares back)
    "medtop:20000178": r"(?<!non-)(?<!not-for-)profits?|(?<!job[ -])(?<!jobs[ -])(?<!weight[ -])(?<!hearing[ -])loss(?:es)?",
    # corporate earnings: a firm's profit or its loss ("non-profit" makes none, nor a job loss or weight loss; "earnings"
    # is the label's head word, and may be a worker's pay: "UK young top Euro earnings league")
    "medtop:20000190": r"appoint(?:s|ed|ing|ments?)?|succeed(?:s|ed|ing)?\s+(?:\S+\s+){1,3}?as\b|successor|(?:step|steps|stepped|stepping) down"
                       r"|resign(?:s|ed|ing|ation)?|ousted",  # executive officer: a firm's new boss, appointed or
    # succeeding one who steps down (the economy's: a minister appointed is of politics, another branch)
    "medtop:20000011": r"fashions?|designers?|dress|dresses|gowns?|outfits?|catwalks?|runways?|couture|wardrobe",  # fashion
    "medtop:20001148": r"contracts?|transfers?|transferred|signed|signings?",  # sports transaction
    "medtop:20000338": r"air ?lines?|airways|airliners?|air travel",  # air transport
    "medtop:20000373": r"bilateral trade|two-way trade|free trade|trade (?:talks|ties|links|relations|pacts?|deals?)",
    # international trade: trade between countries (the economy's: talks of two governments on trade are not "economy"
    # at large; not "exports", which a story of a country's growth names as its cause)
    "medtop:20000018": r"albums?|chart-toppers?|chart-topping|(?:singles?|albums?|download|pop|music|UK|US|Billboard)"
                       r" charts?|number (?:one|1) (?:singles?|albums?|hits?)|top 40|record labels?",  # music: its
    # charts, albums and labels (a chart rule is music's news, not "mass media")
    "medtop:20000223": r"drugs?|drugmakers?|pharmaceuticals?|medicines?",  # pharmaceutical (the economy's: a drug
    # story of crime or health is of another branch, and a concept is only named in the first topic's branch)
}
_EVENT_CUES = {q: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for q, words in EVENT_CUES.items()}

#: Sports whose match reports name them by the words of their game and its competitions rather than by the sport's name
#: (a Premiership match report need never say "football"), with a pattern of words that no other sport's reports use
#: alike (whole words; names of competitions as written). A story of the sport branch that says them in
#: :attr:`TopicWeights.event_named` of its texts (the title and the lead counting twice), anywhere, and names no other
#: sport, is named by them: it is that sport's, as an event named by :data:`EVENT_CUES` (see :meth:`TopicIndex.choose`),
#: however near the embedding puts the sport (no ``fit_share`` check: it places league football near goalball and shinty).
SPORT_CUES: dict[str, str] = {
    "medtop:20001065": r"midfield(?:ers?)?|strikers?|goalkeepers?|goalless|own goal|penalty spot|from the spot"
                       r"|Premier League|Premiership|Champions League|FA Cup|Uefa|Fifa|Bundesliga|Serie A|La Liga",  # soccer
}
_SPORT_CUES = {q: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for q, words in SPORT_CUES.items()}

MATCH_ASIDE = ("medtop:20001323", "medtop:20001324", "medtop:20001148")
"""Sports coaching, sports management and ownership, sports transaction: never the topics of a story whose title or lead
gives a match's result (:func:`~summarizer.stages.extractive.gives_result`): "Wales coach elated with win" is about the
win, "New signing scores twice in 3-1 win" about the match."""
SPORT_WORD_SHARE = 5
"""A word of a sport's IPTC definition is that sport's own when at most this many sports' definitions use it
("foil" and "sword" are fencing's, "football" is five sports'; "ball", "team" and "goal" are everyone's)."""
SPORT_WORD_ZIPF = 5.2
"""Nor is a word of a sport's definition its own when it is this common in English (wordfreq's Zipf scale): "back",
"line", "open" and "course" (luge's, golf's) are said by any story; "football" (5.1), "race" and "sword" are kept."""


@dataclass(frozen=True)
class TopicChoice:
    """The topics of one article, with what a caller needs to explain them."""

    topics: tuple[Topic, ...]
    best: float
    """The article's best similarity to any IPTC concept: how much the taxonomy recognises in it at all."""
    weak: bool = False
    """True when ``best`` is below the evidence floor (``min_score``), so no topics were given."""
    cut: bool = False
    """True when a further topic was left out for scoring below ``min_share`` of the first."""


SHORT_TEXT_WORDS = 20
"""A text of fewer words than this carries too little evidence in its length alone (see :func:`evidence_floor`)."""


def evidence_floor(min_score: float, words: int, foreign: bool) -> float:
    """The least best-concept similarity a text needs to be given topics: ``min_score`` for a text of
    fewer than :data:`SHORT_TEXT_WORDS` words or one not in English, else 0.

    A similarity floor alone cannot tell news from placeholder text: the best similarity of real news
    articles goes as low as that of "Lorem ipsum" (a sports report with no sports word in it). What
    real articles have and placeholder text lacks is length in English; a short or foreign text must
    show a clear match instead.
    """
    return min_score if words < SHORT_TEXT_WORDS or foreign else 0.0


def weak_evidence_warning(best: float, min_score: float, words: int, foreign: bool) -> str:
    """The record's warning when a text gets no topics because nothing in it resembles a news topic."""
    what = f"the text is short ({words} words)" if words < SHORT_TEXT_WORDS else "the text is not in English"
    return (f"no topics: {what} and resembles no IPTC news topic closely enough (best similarity {best:.2f}, "
            f"below {min_score:.2f}); it may be placeholder text or no article at all (see --topic-min-score)")


def text_digest(text: str) -> int:
    """A 64-bit digest of an article's text: how the calibration remembers what it was trained on."""
    return int.from_bytes(hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).digest()[:8], "big")


@dataclass(frozen=True)
class Calibration:
    """A learned shift of each top-level branch's score: ``(concept_scores - center) @ shift``."""

    shift: np.ndarray  # (concepts, top-level concepts)
    center: np.ndarray  # (concepts,)
    embedder: str  # identity of the embedding model it was trained with
    taxonomy: str  # digest of the taxonomy it was trained with
    trained_on: frozenset[int]  # text_digest of every training article
    meta: dict

    def adjust(self, concept_scores: np.ndarray) -> np.ndarray:
        return (concept_scores - self.center) @ self.shift

    def saw(self, text: str) -> bool:
        """Whether an article with this text was used to train the calibration."""
        return text_digest(text) in self.trained_on

    def save(self, path: Path) -> None:
        meta = json.dumps({**self.meta, "embedder": self.embedder, "taxonomy": self.taxonomy}, sort_keys=True)
        np.savez_compressed(path, shift=self.shift.astype(np.float32), center=self.center.astype(np.float32),
                            trained_on=np.array(sorted(self.trained_on), dtype=np.uint64), meta=np.array(meta))

    @classmethod
    def read(cls, source: Path | object) -> Calibration:
        with np.load(source, allow_pickle=False) as data:  # type: ignore[arg-type]
            meta = json.loads(str(data["meta"]))
            return cls(shift=data["shift"].astype(np.float32), center=data["center"].astype(np.float32),
                       embedder=meta.pop("embedder"), taxonomy=meta.pop("taxonomy"),
                       trained_on=frozenset(int(x) for x in data["trained_on"]), meta=meta)


def shipped_calibration(embedder_identity: str, taxonomy: Taxonomy) -> Calibration | None:
    """The calibration shipped with summarizer, if it was trained for this embedder and taxonomy."""
    try:
        with resources.files("summarizer.data").joinpath(CALIBRATION_FILE).open("rb") as fh:
            calibration = Calibration.read(fh)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("topic calibration not used: cannot read %s (%s)", CALIBRATION_FILE, exc)
        return None
    if calibration.embedder != embedder_identity or calibration.taxonomy != taxonomy.digest:
        log.debug("topic calibration not used: trained for %s, taxonomy %s", calibration.embedder, calibration.taxonomy)
        return None
    if calibration.shift.shape != (len(taxonomy), len(taxonomy.roots)):
        log.warning("topic calibration not used: %s has the wrong shape", CALIBRATION_FILE)
        return None
    return calibration


class TopicIndex:
    def __init__(self, taxonomy: Taxonomy, vectors: np.ndarray, calibration: Calibration | None = None,
                 label_vectors: np.ndarray | None = None) -> None:
        self.taxonomy = taxonomy
        self.vectors = vectors
        self.label_vectors = label_vectors
        """Each concept's bare label embedded (a second view of the sports by name; None: not used)."""
        self.calibration = calibration
        self.qcodes = [c.qcode for c in taxonomy.concepts]
        self.index = {q: i for i, q in enumerate(self.qcodes)}
        roots = taxonomy.roots
        self.root_of = np.array([roots.index(taxonomy.top_level(q)) for q in self.qcodes])
        self.levels = np.array([c.level for c in taxonomy.concepts])
        self.discipline = np.array([q != DISCIPLINE and DISCIPLINE in taxonomy.ancestors(q) for q in self.qcodes])
        """Per concept, whether it is a sport by name (below "competition discipline")."""
        self.broad = {self.index[q]: frozenset(_stem(w) for w in words) for q, words in BROAD_CUES.items()
                      if q in self.index}
        """The broad concepts that must be said (:data:`BROAD_CUES`), by index, with their words' stems."""
        self.people = np.array([_names_people(c.label) for c in taxonomy.concepts])
        """Per concept, whether its label names people by their role ("minister and secretary (government)", "teachers",
        "executive officer"): the first topic does not descend from what happened to who did it."""
        self.event_cues = {self.index[q]: pattern for q, pattern in _EVENT_CUES.items() if q in self.index}
        """The concepts the news names by the words of their events (:data:`EVENT_CUES`), by index, with their pattern."""
        self.sport_cues = {self.index[q]: pattern for q, pattern in _SPORT_CUES.items() if q in self.index}
        """The sports that match reports name by the words of their game (:data:`SPORT_CUES`), by index, with their pattern."""
        self.named_event = np.isin(np.array(self.qcodes), NAMED_EVENTS)
        """Per concept, whether it is an event that names no field (:data:`NAMED_EVENTS`: "election")."""
        self.sport_phrase = {i: re.compile(r"\b" + r"[\s-]*".join(re.escape(w) for w in words) + r"\w*", re.IGNORECASE)
                             for i, c in enumerate(taxonomy.concepts) if self.discipline[i]
                             and len(words := re.findall(r"[^\W_]+", re.sub(r"\([^)]*\)", " ", c.label))) > 1}
        """The sports by name of two words or more ("shot put", "rugby union"), by index, with a pattern of the name said
        as one phrase (the last word's ending free: "shot putter")."""
        self.match_aside = np.isin(np.array(self.qcodes), MATCH_ASIDE)
        """Per concept, whether it is an aspect of sport that a match report is not about (:data:`MATCH_ASIDE`)."""
        self.sport_words = _sport_words(taxonomy, self.discipline)
        """Per concept, the words (stems) that name its sport: its label's and its definition's own words."""
        self.defined_words = _defined_words(taxonomy)
        """Per concept, the words (stems) of its IPTC definition that few other definitions use
        ("takeovers" of "merger or acquisition", "appointments" of "executive officer")."""
        self.lexical = LexicalSupport(taxonomy)
        self.whole_labels = LexicalSupport(taxonomy, branch_said=False)
        self.heads = LexicalSupport(taxonomy, head_only=True)
        self.head_shared = np.array([
            c.parent is not None and sum(bool(self.heads.words[i] & self.heads.words[self.index[q]])
                                         for q in taxonomy.children.get(c.parent, []) if q != c.qcode) >= 2
            for i, c in enumerate(taxonomy.concepts)])
        """Per concept, whether the head word of its label heads two or more siblings' labels too ("accident" of "railway
        accident and incident", "industrial accident and incident", ...): said alone, it names their parent, not the
        concept ("prescription drug" beside "non-prescription drug" alone keeps its "drug")."""
        self.head_common = np.array([_head_is_common(c.label) for c in taxonomy.concepts])
        """Per concept, whether its label qualifies an everyday head word (:data:`HEAD_ZIPF`: "market" of "emerging
        market", "rate" of "exchange rate"): said alone, the head word names no more than the everyday thing."""
        self.parent_index = np.array([self.index[c.parent] if c.parent is not None else -1 for c in taxonomy.concepts])
        self.sub_sport = np.array([bool(self.discipline[i] and self.discipline[p]) if p >= 0 else False
                                   for i, p in enumerate(self.parent_index)])
        """Per concept, whether it is a branch of a sport ("pentathlon" of athletics, "judo" of martial arts)."""
        below: list[list[int]] = [[i] for i in range(len(self.qcodes))]
        for i in np.argsort(-self.levels, kind="stable"):  # the deepest first, so a child's list is complete
            if self.parent_index[i] >= 0:
                below[self.parent_index[i]].extend(below[i])
        self.subtree = [np.array(b) for b in below]
        """Per concept, the indices of itself and all its descendants."""
        field = np.arange(len(self.qcodes))
        for i in range(len(field)):
            while self.levels[field[i]] > 2:
                field[i] = self.parent_index[field[i]]
        self.field_of = field
        """Per concept below the top level, its second-level ancestor (its field: "technology and engineering" of
        "information technology and computer science"), or itself; a top-level concept is its own."""
        self.n_roots = len(roots)
        self.roots = roots

    @classmethod
    def build(cls, taxonomy: Taxonomy, embedder: Embedder, cache_dir: Path | None,
              calibrate: bool = True) -> TopicIndex:
        """The index for this embedder, with the shipped calibration when ``calibrate`` and it fits."""
        calibration = shipped_calibration(embedder.model_identity, taxonomy) if calibrate else None
        vectors = _cached_embeddings(embedder, [concept_text(c.label, c.definition) for c in taxonomy.concepts],
                                     f"{embedder.identity}|{taxonomy.digest}|{RECIPE}", cache_dir)
        labels = _cached_embeddings(embedder, [c.label for c in taxonomy.concepts],
                                    f"{embedder.identity}|{taxonomy.digest}|{LABEL_RECIPE}", cache_dir)
        return cls(taxonomy, vectors, calibration, labels)

    def saw(self, text: str) -> bool:
        """Whether the calibration in use was trained on an article with this text."""
        return self.calibration is not None and self.calibration.saw(text)

    def evidence(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each concept's similarity to the article (``raw``) and its uncalibrated ranking score."""
        raw, final, _votes = self.scores(sentence_vectors, title_vector, weights)
        return raw, final

    def scores(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`evidence`, and the branches' shares of the sentence votes it was ranked by (:meth:`branch_votes`)."""
        raw, sent_sim = self.similarity(self.vectors, sentence_vectors, title_vector, weights)
        branch = self.branch_votes(sent_sim, title_vector, weights.votes_per_sentence)
        final = raw + weights.branch * (branch[self.root_of] - branch.max()) + weights.specificity * (self.levels - 1)
        return raw, final, branch

    @staticmethod
    def similarity(vectors: np.ndarray, sentence_vectors: np.ndarray, title_vector: np.ndarray | None,
                   weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS) -> tuple[np.ndarray, np.ndarray]:
        """Each of ``vectors``' similarity to the article (its overall vector, lead-weighted and with the title,
        beside its best-matching sentences), and each sentence's similarity to each of them."""
        n = len(sentence_vectors)
        lead = np.exp(-np.arange(n) / 8.0) + 0.5
        doc = (sentence_vectors * lead[:, None]).sum(axis=0)
        if title_vector is not None:
            doc = doc + lead.sum() * 0.3 * title_vector
        doc = doc / (np.linalg.norm(doc) or 1.0)
        sent_sim = sentence_vectors @ vectors.T  # (n, vectors)
        top = min(weights.top_sentences, n)
        best_sent = np.sort(sent_sim, axis=0)[-top:].mean(axis=0)
        return weights.article * (vectors @ doc) + (1 - weights.article) * best_sent, sent_sim

    def branch_scores(self, final: np.ndarray) -> np.ndarray:
        """Each top-level branch's score: the best score among its concepts."""
        best = np.full(self.n_roots, -np.inf)
        np.maximum.at(best, self.root_of, final)
        return best

    def score(self, sentence_vectors: np.ndarray, title_vector: np.ndarray | None, k: int = 3,
              weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS, **options: Any) -> list[Topic]:
        """At most ``k`` topics of an article: :meth:`choose`'s topics alone (``options`` are its keywords)."""
        return list(self.choose(sentence_vectors, title_vector, k, weights, **options).topics)

    def choose(
        self,
        sentence_vectors: np.ndarray,
        title_vector: np.ndarray | None,
        k: int = 3,
        weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS,
        *,
        min_share: float = Settings.topic_min_share,
        min_score: float = Settings.topic_min_score,
        sentences: Sequence[str] | None = None,
        title: str | None = None,
    ) -> TopicChoice:
        """At most ``k`` topics, most fitting first.

        None when the article's best similarity to any concept is below ``min_score`` (text that is
        no news article: nothing in the taxonomy fits, and the "best" fit would be a confident
        guess).

        The first topic's branch (top-level concept) is the calibration's choice (:meth:`calibrated_branch`). With the article's
        ``sentences`` (and ``title``), a specific concept must be named by the article as a whole
        to be the first topic (see :class:`LexicalSupport`): the first topic is the best named
        concept of its branch when it scores within ``weights.nearby`` of the branch's best concept,
        else that best concept's nearest named ancestor ("fraud", not "tax evasion", for a story
        that never speaks of tax; "sport", not "competition discipline", for a match report). A
        concept that the title and the lead both name (the story's event: a takeover, a strike, a
        trial) gains ``weights.event``; one sure broad label is better than a precise wrong one. A broad
        concept that the embedding finds near many stories ("sports coaching", "social sciences", see
        :data:`BROAD_CUES`) is no topic unless the title or the lead says its words. An event the news names in its own
        words (:data:`EVENT_CUES`: a stake sold, a firm's profits, a designer's gowns), said in the title or the lead and
        again, is named, and takes the place of a first topic the article does not name (a field, the branch, a back-off);
        so is an election the title names (:data:`NAMED_EVENTS`, unless the title says the first topic's head word: a
        "pre-election budget" is a budget) and, in sport, football told by its match words anywhere (:data:`SPORT_CUES`,
        :meth:`sport_said`). A sport named by two words is said as one phrase (:meth:`unphrased`): "shot" and "put" in
        one sentence of a match report are no shot put.

        A further topic must be named by the article (in the title or the lead, or in ``weights.further_said``
        sentences: a label the body says twice in passing is a guess; not with a ``min_share`` of 0), score at least ``min_share`` of the first
        topic's score and at most that of the topic before it (topics are listed in score order),
        and is never given beside its own ancestor or descendant. One of another branch needs that
        branch to hold ``weights.other_branch`` of the sentence votes (:meth:`branch_votes`; not with a
        ``min_share`` of 0, which asks for every named label). The story's event, named in the title and the lead,
        is added while there is room, whatever its branch, in score order (:meth:`_events`): first when it fits better
        than the first topic and is of its branch, left out when it fits better and is of another; of another branch
        holding ``weights.event_over`` times the sentence votes of the first topic's, it takes the place of a first
        topic that is a field the article never names ("fire", not "crime", for a tour bus fire; not in science and
        technology). A concept named only after the opening, each time as the story's time (:meth:`said_as_time`:
        "during the recession"), is not named. A topic's score is its similarity
        to the article; the first topic's is the best similarity of any concept under it, for which
        it may stand. A first topic that would be a bare branch gives way to the field (second-level concept) that
        ``weights.field_share`` of the sentences agree on (:meth:`_field`).
        """
        if len(sentence_vectors) == 0:
            return TopicChoice((), 0.0)
        raw, final, votes = self.scores(sentence_vectors, title_vector, weights)
        best = float(raw.max())
        if best < min_score:
            return TopicChoice((), best, weak=True)
        if self.calibration is not None:
            branch = self.calibrated_branch(raw, final, votes, weights)
        else:
            branch = self.root_of[int(np.argmax(final))]
        in_branch = self.root_of == branch
        if sentences is not None:
            own = self.lexical.evidence(sentences, title)  # the branch's own words taken as said
            whole = self.whole_labels.evidence(sentences, title)
            # a concept the article names only as the time of its story ("jobs lost during the recession"), never in
            # the title or the lead, is not what it is about
            timed = self.said_as_time(own, np.where(in_branch, final, -np.inf), sentences, weights)
            own = own.without(timed)
            supported = own.named | ~self.lexical.needs_support
            said = _said_stems(sentences, title)
            unsaid = self.broad_unsaid(said)
            if any(gives_result(text) for text in (title or "", *sentences[:1])):
                unsaid = unsaid | self.match_aside  # a match report is about the match, not its coaches or owners
            in_branch = in_branch & ~unsaid
            if self.roots[branch] == SPORT:
                # A sport's name of two words is said as one phrase: "a low shot ... to put United ahead" names no shot put.
                unphrased = self.unphrased(own.strength >= 1, sentences, title)
                own, whole = own.without(unphrased), whole.without(unphrased)
                supported = (supported & ~unphrased) | (self.discipline & (own.strength >= 1))
                agreed = self._sport_by_two_views(raw, sentence_vectors, title_vector, sentences, title, whole, weights)
                if agreed is not None and _mentions(said, self.sport_words[agreed])[0] >= LexicalSupport.MIN_STRENGTH:
                    supported[agreed] = True
            heads = self.heads.evidence(sentences, title)
            if weights.defined_named:
                supported = supported | self.defined_said(said, np.where(in_branch, final, -np.inf), weights)
            if self.roots[branch] == SPORT:
                # A branch of a sport ("pentathlon" of athletics, "sambo" of martial arts) that the article never names,
                # told only by the words of its events ("60m hurdles", "indoor"), is the sport itself: a hurdler's race
                # is athletics.
                for i in np.flatnonzero(supported & self.sub_sport & (whole.strength == 0)):
                    supported[i] = False
                    j = int(self.parent_index[i])
                    while self.sub_sport[j] and not whole.strength[j]:
                        j = int(self.parent_index[j])
                    supported[j] = True
            # the story's event, named in other words than its label ("takeover", "stake" of a merger or acquisition),
            # that fits the article well enough to be its first topic at all (see the fit_share check below)
            cued = self.event_said(sentences, title, weights)
            played = np.zeros(len(self.qcodes), dtype=bool)
            if self.roots[branch] == SPORT:
                played = self.sport_said(sentences, title, whole, weights)
                cued = cued | played
            if title and self.named_event.any():
                # an election the title names, and the article again, is the story's event too (said only in the lead,
                # "quit before the next general election", it is the time of the story, not its subject)
                in_title = np.zeros(len(self.qcodes), dtype=bool)
                in_title[list(self.lexical.named_in(title))] = True
                cued = cued | (self.named_event & in_title & (own.strength >= weights.event_named))
            # a sport told by its own match words in a sport story is that sport's however near the embedding puts it
            # (it places league football near goalball and shinty: "Hull City in the Premier League" at half the fit)
            cued = cued & in_branch & ((raw >= weights.fit_share * best) | played)
            supported = supported | cued
            head_named = (heads.strength >= weights.head_named) & heads.opening & ~self.head_shared & ~self.head_common
            first = self._first(np.where(in_branch, final + weights.event * own.prominent, -np.inf), supported, weights,
                                 named=own.strength >= weights.named_instead, head_named=head_named)
            if head_named[first]:
                cued = cued & ~self.named_event  # the election of a "pre-election budget" yields to its budget
            if cued.any() and not cued[first] and not own.named[first]:
                # A first topic the article does not name (a field or the branch taken as they need no naming, or the
                # back-off from a concept it does not name) gives way to the event it names in its own words: a stake
                # sold is a merger or acquisition, whatever else the embedding finds the story near ("stock buyback").
                first = int(np.argmax(np.where(cued, final, -np.inf)))
            # a further topic is said in the title or the lead, or in weights.further_said sentences: a label the body
            # says twice in passing ("electricity" of an office's heating, "election" of a vote two years before) is a
            # guess beside the first topic, and one sure label beats three (not with a min_share of 0, which asks for
            # every named label)
            ranked = np.where(whole.named & (self.levels > 1) & ~unsaid
                              & (whole.opening | (whole.strength >= weights.further_said) | (min_share <= 0)),
                              final + weights.event * whole.prominent, -np.inf)
        else:
            first = self._first(np.where(in_branch, final, -np.inf), np.ones(len(raw), dtype=bool), weights)
            ranked = np.where(self.levels > 1, final, -np.inf)
        score = raw.copy()
        score[first] = raw[self.subtree[first]].max()
        if score[first] < weights.fit_share * best and not (sentences is not None and played[first]):
            # The calibration chose a branch in which this concept, and all below it, fits the article far worse
            # than the article's best concept elsewhere ("mathematics" at 0.03 for a phone-market story whose best
            # fit is "market trend" at 0.42): a precise label would be a guess, the branch itself is not.
            while self.parent_index[first] >= 0:
                first = int(self.parent_index[first])
            score[first] = raw[self.subtree[first]].max()
        if sentences is not None and self.parent_index[first] < 0:
            field = self._field(first, sentence_vectors, title_vector, unsaid, supported, weights)
            if field is not None:
                first = field
                score[first] = raw[self.subtree[first]].max()
        picked = [first]
        cut = False
        for i in np.argsort(-ranked):
            if len(picked) >= k or not np.isfinite(ranked[i]):
                break
            i = self._descend(int(i), ranked, weights.descend_margin)
            if score[i] < min_share * score[first]:
                cut = True
                continue
            if score[i] > score[picked[-1]]:
                continue  # listed in score order: a further topic never outscores the one before it
            if min_share > 0 and self.root_of[i] != branch and votes[self.root_of[i]] < weights.other_branch:
                continue  # another subject area that few of the article's sentences point to: a word, not a topic
            if self._kin(i, picked):
                continue
            picked.append(i)
        if sentences is not None:
            aside = unsaid | (votes[self.root_of] < weights.event_votes)  # no sentence points to its branch
            events = self._events(picked, raw, score, whole, aside, sentences, k, weights)
            # Listed in score order, events too. One that fits better than the first topic comes first when it is of
            # the first topic's branch ("books and publishing" before "arts and entertainment"); of another branch it
            # is left out, as the calibration chose the branch ("court" for a bill on court witnesses, filed under
            # politics: first, it cost 4.7 points of BBC topic accuracy and 3.3 of KPCrowd's).
            root = self.root_of[picked[0]]
            if (self.levels[picked[0]] == 2 and not own.named[picked[0]] and self.roots[root] != SCIENCE
                    and not cued[picked[0]]):
                # The first topic is a field of the calibration's branch that the article never names (the field its
                # sentences agree on, or a back-off), and the story's event, named in the title and the lead, is of a
                # branch that holds weights.event_over times as many of the sentence votes: the event is what the story
                # is about ("fire" for a tour bus that caught fire, not "crime"; a police inquiry into an assault at a
                # palace is no "government" story). Not in science and technology, where the calibration overrules
                # the votes by design (a phone's payment service is technology).
                over = [i for i in events if self.root_of[i] != root and votes[self.root_of[i]] >= weights.event_over * votes[root]]
                if over:
                    picked = [over[0]]
                    events = [i for i in events if i != over[0]]
                    root = self.root_of[picked[0]]
            picked += [i for i in events if score[i] <= score[picked[0]] or self.root_of[i] == root]
            picked.sort(key=lambda i: -score[i])
        topics = tuple(
            Topic(self.qcodes[i], self.taxonomy.by_qcode[self.qcodes[i]].label, self.taxonomy.path(self.qcodes[i]),
                  float(score[i]))
            for i in picked
        )
        return TopicChoice(topics, best, cut=cut and len(topics) < k)

    def calibrated_branch(self, raw: np.ndarray, final: np.ndarray, votes: np.ndarray,
                          weights: TopicWeights = DEFAULT_TOPIC_WEIGHTS) -> int:
        """The calibration's branch (top-level concept, by index into :attr:`roots`) for an article with concept scores
        ``raw`` (similarity) and ``final`` (ranking) and the branches' shares of the sentence ``votes``.

        The calibration learned from BBC and KPCrowd articles, whose news desks file a crime or family story told in the
        style of a celebrity tabloid under entertainment; on such a story it puts a branch no sentence points to well
        above the one most sentences point to ("arts, culture, entertainment and media" for an escort's murder, a
        sex-abuse victim's statement in court). So outside science and technology (:data:`SCIENCE`, where it moves
        gadget and software stories IPTC files as products, its purpose) a calibrated branch that holds less than
        ``weights.unvoted`` of the votes and fits less than ``weights.unfit`` of the article's best concept gives way to
        the best calibrated branch that holds ``weights.voted`` of them, fits at least ``weights.unfit`` and is
        calibrated at most ``weights.overruled`` below it: the calibration's preference is then too slight to overrule
        what the sentences say. Further apart, the calibration stands (a pregnant actress stays entertainment, not
        family)."""
        assert self.calibration is not None
        calibrated = self.branch_scores(final) + self.calibration.adjust(raw)
        branch = int(np.argmax(calibrated))
        if self.roots[branch] == SCIENCE or votes[branch] >= weights.unvoted:
            return branch
        fit = self.branch_scores(raw)
        least = weights.unfit * raw.max()
        if fit[branch] >= least:
            return branch
        other = (votes >= weights.voted) & (fit >= least) & (calibrated >= calibrated[branch] - weights.overruled)
        return int(np.argmax(np.where(other, calibrated, -np.inf))) if other.any() else branch

    def _events(self, picked: list[int], raw: np.ndarray, score: np.ndarray, whole: LexicalEvidence,
                unsaid: np.ndarray, sentences: Sequence[str], k: int, weights: TopicWeights) -> list[int]:
        """The concepts that the title and the lead both name as a whole (``whole.prominent``; without a title, the lead
        and a later sentence), the lead in lower case, that fit the article at least ``weights.event_fit`` and ``weights.event_share`` of the first topic's score: the story's
        event ("fire" for a tour bus that caught fire, "court" for court reform filed under politics, "earthquake" for a
        quake filed under conflict), added while fewer than ``k`` are ``picked``, most fitting first, whatever their
        branch's share of the sentence votes (but none in ``unsaid``: the caller leaves out branches holding less than
        ``weights.event_votes``, "death and dying" for a death sentence); the caller puts them in score order. A label said only in
        capitals names something else ("River Plate" is a club, not "rivers"; "Mad Men" a show, not "men")."""
        if not sentences:
            return []
        least = max(weights.event_fit, weights.event_share * score[picked[0]])
        candidates = np.flatnonzero(whole.prominent & (self.levels > 1) & ~unsaid & (raw >= least))
        if len(candidates) == 0:
            return []
        in_lead = self.whole_labels.named_in(_lower_case_words(sentences[0]))
        out: list[int] = []
        for i in sorted(candidates, key=lambda j: -raw[j]):
            if len(picked) + len(out) >= k:
                break
            if i not in in_lead or self._kin(i, (*picked, *out)):
                continue
            out.append(int(i))
        return out

    def _kin(self, i: int, others: Sequence[int]) -> bool:
        """Whether concept ``i`` is one of ``others``, or an ancestor or a descendant of one: a topic is never given
        beside itself, its ancestor or its descendant."""
        q = self.qcodes[i]
        chain = set(self.taxonomy.ancestors(q))
        return any(j == i or self.qcodes[j] in chain or q in self.taxonomy.ancestors(self.qcodes[j]) for j in others)

    def _field(self, root: int, sentence_vectors: np.ndarray, title_vector: np.ndarray | None, unsaid: np.ndarray,
               supported: np.ndarray, weights: TopicWeights) -> int | None:
        """The field (second-level concept) of branch ``root`` that the article's sentences agree on, to name the
        first topic instead of the bare branch; None when they do not agree.

        Each sentence, and the title, votes for the field of its best-matching concept in the branch (leaving out
        the broad concepts the article does not say, :data:`BROAD_CUES`, and all below them). A field that holds
        ``weights.field_share`` of the votes and is ``supported`` (outside sport a field needs no naming) is what
        the story is about within the branch, even where no precise concept fits: a software story that the
        calibration files under science but whose words IPTC files as products is "technology and engineering",
        not "science and technology". A story that fits no field in particular splits its votes and keeps the
        branch."""
        allowed = self.root_of == self.root_of[root]
        allowed[root] = False
        for i in np.flatnonzero(unsaid & allowed):
            allowed[self.subtree[i]] = False
        candidates = np.flatnonzero(allowed)
        if len(candidates) == 0:
            return None
        texts = sentence_vectors if title_vector is None else np.vstack([sentence_vectors, title_vector[None, :]])
        sims = texts @ self.vectors[candidates].T
        fields = self.field_of[candidates[np.argmax(sims, axis=1)]][sims.max(axis=1) > 0]  # no match, no vote
        if len(fields) == 0:
            return None
        values, counts = np.unique(fields, return_counts=True)
        best = int(np.argmax(counts))
        if counts[best] < weights.field_share * len(texts) or not supported[values[best]]:
            return None
        return int(values[best])

    def _sport_by_two_views(self, raw: np.ndarray, sentence_vectors: np.ndarray, title_vector: np.ndarray | None,
                            sentences: Sequence[str], title: str | None, whole: LexicalEvidence,
                            weights: TopicWeights) -> int | None:
        """The sport (a concept below "competition discipline") that the article's best match by label and
        definition and its best match by bare label agree on, if they do; None when they differ.

        A match report rarely says the name of its sport; it names clubs, leagues and players, which the
        embedding places near a sport, but not reliably near the right one ("Australian rules football"
        and "goalball" for English league football). Two views that agree are taken as the article naming
        its sport, if it says the sport's own words too (:func:`_sport_words`; checked by :meth:`choose`):
        otherwise the views agree on a neighbour ("Gaelic football" for Irish rugby, "goalball" for Arsenal),
        and plain "sport" is the better topic. A sport whose label the article contradicts (says "football" but never "Australian
        rules football") is left out of both. ``whole``: where the article names labels as a whole.
        """
        if self.label_vectors is None:
            return None
        said = set().union(*(_stems(t) for t in [*(sentences or ()), title or ""]))
        candidates = np.flatnonzero(self.discipline & ~self.contradicted(said, whole.strength > 0))
        if len(candidates) == 0:
            return None
        by_label, _ = self.similarity(self.label_vectors[candidates], sentence_vectors, title_vector, weights)
        best = int(candidates[int(np.argmax(by_label))])
        return best if best == int(candidates[int(np.argmax(raw[candidates]))]) else None

    def defined_said(self, said: Sequence[set[str]], scores: np.ndarray, weights: TopicWeights) -> np.ndarray:
        """Per concept, whether it scores within ``weights.nearby`` of the best of ``scores`` and the article says
        the own words of its definition (:func:`_defined_words`) in the title or the lead and again, at least
        ``weights.defined_named`` times in all (the title and the lead counting twice): a takeover story names
        "merger or acquisition" by "takeover", a new boss "executive officer" by "appointed"."""
        out = np.zeros(len(self.qcodes), dtype=bool)
        for i in np.flatnonzero(scores >= scores.max() - weights.nearby):
            words = self.defined_words[i]
            if words:
                strength, head = _mentions(said, words)
                out[i] = head and strength >= weights.defined_named
        return out

    def event_said(self, sentences: Sequence[str], title: str | None, weights: TopicWeights) -> np.ndarray:
        """Per concept, whether the article names it by the words of its event (:data:`EVENT_CUES`): the title or the
        lead says them, and the article at least ``weights.event_named`` times in all (the title and the lead counting
        twice; 0: never): "Jarvis sells Tube stake" and the stake again is a merger or acquisition, "Umbro profits lifted" and the
        profit again corporate earnings."""
        out = np.zeros(len(self.qcodes), dtype=bool)
        if not weights.event_named:
            return out
        texts = (title or "", *sentences)
        for i, pattern in self.event_cues.items():
            strength, opening = _cue_strength(pattern, texts)
            out[i] = opening and strength >= weights.event_named
        return out

    def said_as_time(self, own: LexicalEvidence, scores: np.ndarray, sentences: Sequence[str],
                     weights: TopicWeights) -> np.ndarray:
        """Per concept, whether it is one the article names (``own``) only after its opening, within ``weights.nearby``
        of the best of ``scores``, and every time as the time of what it tells: after "during", "since", "before",
        "after", "until", "amid" or "throughout" ("7.5 million jobs wiped out during the recession", "the first time
        since 2006, a year before the recession started"). A jobs report that looks back at the recession is about
        jobs, not the recession."""
        out = np.zeros(len(self.qcodes), dtype=bool)
        near = own.named & ~own.opening & (scores >= scores.max() - weights.nearby)
        later = [(text, _stems(text)) for text in sentences[1:]] if near.any() else []
        for i in np.flatnonzero(near):
            words = self.lexical.words[i]
            naming = [text for text, stems in later if words & stems]
            out[i] = bool(naming) and all(_said_after_time(text, words) for text in naming)
        return out

    def unphrased(self, candidates: np.ndarray, sentences: Sequence[str], title: str | None) -> np.ndarray:
        """Per concept, whether it is one of ``candidates`` that is a sport named by two words or more
        (:attr:`sport_phrase`) that the article never says as one phrase: "shot" and "put" in one sentence are no shot put."""
        out = np.zeros(len(self.qcodes), dtype=bool)
        texts = (title or "", *sentences)
        for i in np.flatnonzero(candidates):
            pattern = self.sport_phrase.get(int(i))
            if pattern is not None and not any(pattern.search(text) for text in texts):
                out[i] = True
        return out

    def sport_said(self, sentences: Sequence[str], title: str | None, whole: LexicalEvidence,
                   weights: TopicWeights) -> np.ndarray:
        """Per concept, whether it is a sport whose match reports the article's words name (:data:`SPORT_CUES`): said
        in at least ``weights.event_named`` of its texts (the title and the lead counting twice; 0: never), anywhere, in
        an article that names no other sport in its title or lead or twice in all (``whole``: where it names labels as a
        whole). A Premiership match report that speaks of the strikers and the goalkeeper is football's (a goalkeeper who
        "dived" once names no diving); a hockey story with a goalkeeper names hockey."""
        out = np.zeros(len(self.qcodes), dtype=bool)
        if not weights.event_named:
            return out
        texts = (title or "", *sentences)
        sports = self.discipline & (whole.opening | (whole.strength >= LexicalSupport.MIN_STRENGTH))
        for i, pattern in self.sport_cues.items():
            others = sports.copy()
            others[self.subtree[i]] = False
            if not others.any():
                out[i] = _cue_strength(pattern, texts)[0] >= weights.event_named
        return out

    def broad_unsaid(self, said: Sequence[set[str]]) -> np.ndarray:
        """Per concept, whether it is a broad concept (:data:`BROAD_CUES`) that the article does not say: none of
        its words in the title or the lead, or fewer than :attr:`LexicalSupport.MIN_STRENGTH` mentions in all
        (the title and the lead counting twice). ``said``: the stems of the title and of each sentence."""
        unsaid = np.zeros(len(self.qcodes), dtype=bool)
        for i, words in self.broad.items():
            strength, head = _mentions(said, words)
            unsaid[i] = not head or strength < LexicalSupport.MIN_STRENGTH
        return unsaid

    def contradicted(self, said: set[str], whole: np.ndarray) -> np.ndarray:
        """Per concept, whether the article says some word of its label (``said``: the article's stems) but
        never the label as a whole (``whole``): "football" without "Gaelic" is no Gaelic football."""
        words = self.whole_labels.words
        return np.array([bool(words[i] & said) for i in range(len(words))]) & ~whole

    def _first(self, scores: np.ndarray, supported: np.ndarray, weights: TopicWeights,
               named: np.ndarray | None = None, head_named: np.ndarray | None = None) -> int:
        """The first topic, from the ``scores`` of its branch's concepts (``-inf`` elsewhere): the best
        ``supported`` concept when it scores within ``weights.nearby`` of the best concept, else the best
        concept's nearest supported ancestor; then its best supported child, while within ``descend_margin``.

        An ancestor that fits the article less than the branch's own top-level concept is the parent of a
        neighbouring idea, not of the story ("information science" is a social science, but a story of
        library wifi is no social science): the first topic is then the best concept the article ``named``
        within ``weights.nearby`` of the top-level concept, else the top-level concept itself. Only a named concept of
        the best concept's own field (:attr:`field_of`) that names no people by role (:attr:`people`) counts: one of
        another field is a word the story uses by the way ("prices" for airlines' losses blamed on fuel prices,
        "minister and secretary (government)" for a ministry that will employ women), and the branch is the safer label.

        The best concept counts as supported when the article says its label's head word often enough
        and its title or lead says it (``head_named``): an earnings report is about "corporate earnings" without saying "corporate",
        a recall story about "product recall" without saying "product"; so is a concept within ``weights.nearby`` of
        it that the article names by the uncommon words of its definition (:meth:`defined_said`, checked by
        :meth:`choose`). A head word that two or more sibling labels share ("accident") does not count
        (:attr:`head_shared`), and the descent never ends in a concept that names people by their role
        (:attr:`people`: "government", not "minister and secretary (government)", for a cabinet being formed)."""
        top = int(np.argmax(scores))
        if head_named is not None and head_named[top]:  # "earnings" said in the title and again: corporate earnings
            supported = supported.copy()
            supported[top] = True
        alternative = int(np.argmax(np.where(supported, scores, -np.inf)))
        if scores[alternative] >= scores[top] - weights.nearby:
            first = alternative
        else:
            first = top
            while not supported[first] and self.parent_index[first] >= 0:
                first = int(self.parent_index[first])
            root = int(self.parent_index[first]) if self.parent_index[first] >= 0 else first
            while self.parent_index[root] >= 0:
                root = int(self.parent_index[root])
            if scores[first] < scores[root] - weights.nearby:
                near = named & ~self.people & (self.field_of == self.field_of[top]) if named is not None else None
                best_named = int(np.argmax(np.where(near, scores, -np.inf))) if near is not None and near.any() else root
                first = best_named if scores[best_named] >= scores[root] - weights.nearby else root
                if first == root:
                    return root  # none of its children fits: do not descend into one
        return self._descend(first, np.where(supported & ~self.people, scores, -np.inf), weights.descend_margin)

    def branch_votes(self, sent_sim: np.ndarray, title_vector: np.ndarray | None, per_sentence: int) -> np.ndarray:
        """Share of the evidence for each top-level branch: every sentence (and the title, twice)
        votes for the branches of its best-matching concepts, weighted by similarity."""
        top = min(per_sentence, sent_sim.shape[1])
        best = np.argpartition(-sent_sim, top - 1, axis=1)[:, :top]
        votes = np.zeros(self.n_roots)
        np.add.at(votes, self.root_of[best].ravel(), np.take_along_axis(sent_sim, best, axis=1).clip(min=0).ravel())
        if title_vector is not None:
            title_sim = self.vectors @ title_vector
            tbest = np.argpartition(-title_sim, top - 1)[:top]
            np.add.at(votes, self.root_of[tbest], 2.0 * title_sim[tbest].clip(min=0))
        total = votes.sum()
        return votes / total if total > 0 else votes

    def _descend(self, i: int, final: np.ndarray, margin: float) -> int:
        """Move to the best child while it scores within ``margin`` of its parent."""
        while True:
            children = self.taxonomy.children.get(self.qcodes[i], [])
            if not children:
                return i
            idx = [self.index[c] for c in children]
            best = max(idx, key=lambda j: final[j])
            if final[best] < final[i] - margin:
                return i
            i = best


_WORD = re.compile(r"[^\W\d_]{3,}")
#: Words of a label that name no thing of their own ("financial service", "film industry", "drug use in
#: sport"): an article need not use them for the label to fit.
_LABEL_GENERIC = frozenset(
    """
    the non other general issue issues matters service services industry activity activities policy sector
    affairs process use related incident
    """.split()
)
_PREPOSITIONS = frozenset({"of", "in", "on", "for", "with", "to", "between"})


@functools.cache
def _stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-cased word: "elections" and "elected" are "elect"."""
    return _stemmer().stemWord(word.lower())


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


_HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


#: Endings the stemmer takes off that make a word of its own ("marketing" of "market", "musical" of "music", "boxing" of
#: "box", "hospital" of "hospit-ality"), with the forms of a text's words that say the derived word: a label's word
#: that ends so is named by a word with its stem and one of these endings ("voted" or "voting" say "voting",
#: "markets" never says "marketing"). See :func:`_label_key`.
_DERIVED = (("+ing", ("ing", "ings", "ed")), ("+al", ("al", "als")))


@functools.cache
def _word_keys(word: str) -> tuple[str, ...]:
    """What a word of a text says (see :func:`_stems`): its stem, and its stem with a derived ending it has
    (:data:`_DERIVED`; "voted": "vote" and "vote+ing")."""
    word = word.lower()
    stem = _stem(word)
    keys = [stem]
    for key, forms in _DERIVED:
        if word.endswith(forms) and not stem.endswith(key[1:]):
            keys.append(stem + key)
    return tuple(keys)


@functools.cache
def _label_key(word: str) -> str:
    """How a word of a label must be said: its stem, with the ending the stemmer took off when that makes a word of
    its own (:data:`_DERIVED`): "marketing" is "market+ing", said by "marketing" or "marketed" but not by "market";
    "musical" is "music+al", said by "musicals" but not by "music"."""
    word = word.lower()
    stem = _stem(word)
    for key, forms in _DERIVED:
        if word.endswith(forms[:2]) and not stem.endswith(key[1:]):
            return stem + key
    return stem


@functools.lru_cache(maxsize=1024)
def _stems(text: str) -> frozenset[str]:
    """The stems of a text's words; a word of two parts joined by a hyphen also counts as written closed, as
    labels write it ("buy-back" says "buyback", "play-off" "playoff", "cease-fire" "ceasefire"). A word with an
    ending that makes a word of its own also gives its stem with that ending (:func:`_word_keys`). Kept for the
    last texts asked for: each of an article's sentences is read for several sets of labels."""
    return frozenset({k for w in _WORD.findall(text) for k in _word_keys(w)} | {
        k for a, b in _HYPHENATED.findall(text) for k in _word_keys(a + b)})


_TIME_BEFORE = re.compile(r"(?:(\w+)\s+)?\b(during|since|before|after|until|till|amid|amidst|throughout)\s+"
                          r"(?:(?:the|a|an|this|that|last|its|their|[\w-]+'s)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
#: Verbs after which "before" says where, not when: "appeared before the court", "testified before Congress".
_BEFORE_WHOM = frozenset("""appear appears appeared appearing testify testifies testified testifying brought bring
bringing come comes came coming go goes went going stand stands stood standing put puts""".split())


def _said_after_time(text: str, words: frozenset[str]) -> bool:
    """Whether the first word of ``text`` whose stem is one of ``words`` (a label's) follows a preposition of time:
    "during the recession", "since the 2008 recession", "before the war"."""
    for match in _WORD.finditer(text):
        if _stem(match.group()) in words:
            time = _TIME_BEFORE.search(text, 0, match.start())
            return time is not None and not (time.group(2).lower() == "before"
                                             and (time.group(1) or "").lower() in _BEFORE_WHOM)
    return False


def _cue_strength(pattern: re.Pattern[str], texts: Sequence[str]) -> tuple[int, bool]:
    """How often ``pattern`` is said in ``texts`` (the title, the lead, then the other sentences), the title and the lead
    counting twice, and whether the title or the lead says it."""
    hits = [pattern.search(text) is not None for text in texts]
    return sum(2 if j < 2 else 1 for j, hit in enumerate(hits) if hit), any(hits[:2])


@dataclass(frozen=True)
class LexicalEvidence:
    """What an article's words say about each concept (arrays over the taxonomy's concepts)."""

    strength: np.ndarray
    """How many of its sentences name the concept, the title and the lead (first sentence) counting twice."""
    prominent: np.ndarray
    """Named in the title and the lead (without a title: in the lead and again later): the story's subject."""
    opening: np.ndarray
    """Named in the title or the lead: the story's opening says it."""

    @property
    def named(self) -> np.ndarray:
        """Named often enough to be what the article is about (see :class:`LexicalSupport`)."""
        return self.strength >= LexicalSupport.MIN_STRENGTH

    def without(self, unsaid: np.ndarray) -> LexicalEvidence:
        """The same evidence with the concepts of ``unsaid`` not named at all (strength 0, neither prominent nor in
        the opening)."""
        return LexicalEvidence(np.where(unsaid, 0, self.strength), self.prominent & ~unsaid, self.opening & ~unsaid)


class LexicalSupport:
    """Which sentences of an article name each IPTC concept.

    A concept is named by its label: every word of one of its alternatives ("merger or
    acquisition", "oil and gas", "hotel and accommodation" each have two) in one sentence, words
    compared by their stems. Generic words ("service", "industry") are left out. With
    ``branch_said``, for a story already filed in the concept's branch, so are the words of the
    top-level concept's label that only qualify the label's head ("labour strike" is named by
    "strike", "sport achievement" by "achievement"; but a story of another branch needs "peace"
    for "peace talks"). The article names a concept when the
    sentences that do count at least :attr:`MIN_STRENGTH`, the title and the lead counting twice:
    one word once in the body is not what a story is about ("ice" in a polar story is no "ice
    climbing"; a "row" no "rowing").

    Which concepts must be named to be a first topic (:attr:`needs_support`): those below the
    second level, whose labels name things ("tax evasion", "inflation", "joint venture"), and in
    sport and conflict also the second level ("competition discipline", "disciplinary action in sport",
    "massacre", "act of terror"; :data:`EVENT_BRANCHES`), where the labels are aspects of sport or kinds
    of violence rather than fields, and the events of :data:`NAMED_EVENTS` ("election"). The second level elsewhere names fields
    ("international relations", "law enforcement") that a story belongs to without naming them.

    With ``head_only``, a concept is named by the head word of its label alone ("earnings" for
    "corporate earnings"): weaker evidence, which :meth:`TopicIndex.choose` takes only for the concept
    that fits the article best.
    """

    MIN_STRENGTH = 2

    def __init__(self, taxonomy: Taxonomy, branch_said: bool = True, head_only: bool = False) -> None:
        concepts = taxonomy.concepts
        self.alternatives: list[tuple[frozenset[str], ...]] = []
        for concept in concepts:
            root = taxonomy.by_qcode[taxonomy.top_level(concept.qcode)]
            top = _stems(root.label) if branch_said else set()
            self.alternatives.append(() if concept.level == 1 else tuple(_label_alternatives(concept.label, top, head_only)))
        self.words = [frozenset().union(*alts) for alts in self.alternatives]
        """Per concept, every word (stem) of its label's alternatives."""
        self.needs_support = np.array([
            c.level >= (2 if taxonomy.top_level(c.qcode) in EVENT_BRANCHES else 3) or c.qcode in NAMED_EVENTS
            for c in concepts
        ])
        self._by_stem: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for i, alts in enumerate(self.alternatives):
            for alt in alts:
                for stem in alt:
                    self._by_stem.setdefault(stem, []).append((i, alt))

    def named_in(self, text: str, derived: frozenset[str] = frozenset()) -> set[int]:
        """The concepts that ``text`` (one sentence) names. ``derived``: the words with an ending of their own that
        the article says (:func:`_label_key`: "market+ing"), which its stem then says too ("market") in a label of
        two words or more; a label that is one such word is named only by the word itself ("music", said seven times
        of a band that once had "musical" influences, names no "musical")."""
        said = _stems(text)
        stems = said | {k for k in derived if k.split("+")[0] in said} if derived else said
        # a label of one derived word is named only by that word itself: "music" says no "musical"
        return {i for s in stems for i, alt in self._by_stem.get(s, ()) if alt <= stems and (len(alt) > 1 or alt <= said)}

    def evidence(self, sentences: Sequence[str], title: str | None) -> LexicalEvidence:
        """Where the article names each concept. A label's word with an ending of its own ("marketing", "musical")
        is said by its stem alone ("market", "music") only in an article that says the word itself somewhere: a
        story of the stock market that never says "marketing" does not name "business strategy and marketing"."""
        n = len(self.alternatives)
        strength = np.zeros(n, dtype=np.int32)
        in_title = np.zeros(n, dtype=bool)
        in_lead = np.zeros(n, dtype=bool)
        later = np.zeros(n, dtype=bool)
        derived = frozenset(k for text in (title or "", *sentences) for k in _stems(text) if "+" in k)
        if title:
            found = list(self.named_in(title, derived))
            strength[found] += 2
            in_title[found] = True
        for j, sentence in enumerate(sentences):
            found = list(self.named_in(sentence, derived))
            strength[found] += 2 if j == 0 else 1
            (in_lead if j == 0 else later)[found] = True
        prominent = in_title & in_lead if title else in_lead & later
        return LexicalEvidence(strength, prominent, in_title | in_lead)


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


def _lower_case_words(text: str) -> str:
    """``text`` without its capitalised words (names, and a sentence's first word)."""
    return _CAPITALISED.sub(" ", text)


def _said_stems(sentences: Sequence[str], title: str | None) -> list[frozenset[str]]:
    """The stems of the title (empty without one) and of each sentence, in that order."""
    return [_stems(title or ""), *(_stems(s) for s in sentences)]


def _mentions(said: Sequence[set[str]], words: frozenset[str]) -> tuple[int, bool]:
    """How many of the texts whose stems are ``said`` (the title, then the sentences; see :func:`_said_stems`)
    say one of ``words``, the title and the lead counting twice; and whether the title or the lead does."""
    hits = [bool(words & stems) for stems in said]
    strength = sum((2 if j < 2 else 1) for j, hit in enumerate(hits) if hit)
    return strength, any(hits[:2])


def _sport_words(taxonomy: Taxonomy, discipline: np.ndarray) -> list[frozenset[str]]:
    """Per concept, for a sport by name (``discipline``), the stems of its label and the words of its definition
    that at most :data:`SPORT_WORD_SHARE` sports' definitions use, other than names and common words (see
    :func:`_own_stems`); empty for the other concepts.

    A name in a definition (a word capitalised within a sentence: "French word for sled", "played in England",
    "Japanese martial art") names a place, a people or a body that any story may mention, not the sport."""
    definitions = [_own_stems(c.definition) if is_sport else set()
                   for c, is_sport in zip(taxonomy.concepts, discipline)]
    share: dict[str, int] = {}
    for stems in definitions:
        for stem in stems:
            share[stem] = share.get(stem, 0) + 1
    return [frozenset(_stems(re.sub(r"\([^)]*\)", " ", c.label)) | {w for w in stems if share[w] <= SPORT_WORD_SHARE})
            if is_sport else frozenset() for c, is_sport, stems in zip(taxonomy.concepts, discipline, definitions)]


DEFINED_SHARE = 3
"""A word of a concept's definition is that concept's own when at most this many definitions use it ..."""
DEFINED_ZIPF = 4.5
"""... and no word of its stem is as common as this in English (wordfreq's Zipf scale): "takeovers", "appointments",
"cruelty" are a concept's own; "royal", "fire", "bank", "singer", "licenses" ("license") or "financially"
("financial") any story may say."""


def _defined_words(taxonomy: Taxonomy) -> list[frozenset[str]]:
    """Per concept below the top level, the stems of the words of its definition that at most
    :data:`DEFINED_SHARE` definitions use, other than names and common words (:func:`_own_stems`)."""
    from .keywords import _zipf_table

    common = {_stem(w) for w, z in _zipf_table().items() if z >= DEFINED_ZIPF}
    definitions = [{stem for w in _WORD.findall(c.definition) if not w[0].isupper() and (stem := _stem(w)) not in common}
                   if c.level > 1 else set() for c in taxonomy.concepts]
    share: dict[str, int] = {}
    for stems in definitions:
        for stem in stems:
            share[stem] = share.get(stem, 0) + 1
    return [frozenset(w for w in stems if share[w] <= DEFINED_SHARE) for stems in definitions]


def _own_stems(definition: str) -> set[str]:
    """The stems of a definition's words but its names (the words capitalised other than at a sentence's start,
    unless it also has them in lower case) and the words commoner than :data:`SPORT_WORD_ZIPF`."""
    from .keywords import zipf_frequency

    lower = {word.lower() for sentence in re.split(r"(?<=[.!?;:])\s+", definition)
             for k, word in enumerate(_WORD.findall(sentence)) if not (k and word[0].isupper())}
    return {_stem(w) for w in lower if zipf_frequency(w) < SPORT_WORD_ZIPF}


HEAD_ZIPF = 5.25
"""A label's head word this common in English (wordfreq's Zipf scale) does not name the label said alone (see
:attr:`TopicIndex.head_common`): "market" (5.3) is no "emerging market", "research" (5.4) no "medical research"; "growth" (5.0) names "economic growth", "earnings"
(4.3) names "corporate earnings", "recall" (4.4) "product recall"."""


def _head_is_common(label: str) -> bool:
    """Whether a label of two words or more has a head word (the last of its first alternative, before a preposition
    or bracket) at least as common as :data:`HEAD_ZIPF`."""
    from .keywords import zipf_frequency

    first = re.split(r",|\band\b|\bor\b", re.sub(r"\([^)]*\)", " ", label.lower()))[0]
    words = re.findall(r"[^\W_]+", first)
    head = next((k - 1 for k, w in enumerate(words) if k and w in _PREPOSITIONS), len(words) - 1)
    return len(words) > 1 and zipf_frequency(words[head]) >= HEAD_ZIPF


def _names_people(label: str) -> bool:
    """Whether a label's head word (the last of its first alternative, before a preposition or bracket) is a role
    noun (:data:`~summarizer.stages.keywords.ROLE_NOUNS`): "teachers", "minister and secretary", "judge"."""
    from .keywords import ROLE_NOUNS

    words = re.findall(r"[^\W_]+", re.sub(r"\([^)]*\)", " ", label.lower()))
    head = next((k - 1 for k, w in enumerate(words) if k and w in _PREPOSITIONS), len(words) - 1)
    return bool(words) and (words[head] in ROLE_NOUNS or words[head].removesuffix("s") in ROLE_NOUNS)


def _label_alternatives(label: str, top: set[str], head_only: bool = False) -> list[frozenset[str]]:
    """The word sets that name a concept (see :class:`LexicalSupport`).

    The label is split at "and", "or" and commas into alternatives, a one-word alternative before a
    longer one taking its head ("air and space accident": "air accident", "space accident"). An
    alternative's words are stemmed, without a parenthesis or generic words, and without the words
    of ``top`` (the top-level concept's label) that only qualify its head: "labour strike" is named by
    "strike", "drug use in sport" by "drug", but "sex crime" needs "crime".
    """
    label = re.sub(r"\([^)]*\)", " ", label)
    parts = [words for part in re.split(r",|\band\b|\bor\b", label) if (words := re.findall(r"[^\W_]+", part.lower()))]
    out = []
    for j, words in enumerate(parts):
        if len(words) == 1 and j + 1 < len(parts) and len(parts[j + 1]) > 1:
            words = [*words, parts[j + 1][-1]]
        head = next((k - 1 for k, w in enumerate(words) if k and w in _PREPOSITIONS), len(words) - 1)
        content = [(k, _label_key(w)) for k, w in enumerate(words)
                   if len(w) > 2 and w not in _LABEL_GENERIC and w not in _PREPOSITIONS]
        kept = {stem for k, stem in content if k == head or (stem.split("+")[0] not in top and not head_only)}
        if kept:
            out.append(frozenset(kept))
    return out


def _cached_embeddings(embedder: Embedder, texts: list[str], what: str, cache_dir: Path | None) -> np.ndarray:
    """The embeddings of ``texts``, from the cache folder when they were made before (``what`` says for which
    embedder, taxonomy and recipe)."""
    key = hashlib.sha256(what.encode()).hexdigest()[:20]
    path = cache_dir / f"iptc-{key}.npy" if cache_dir is not None else None
    if path is not None and path.exists():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return vectors
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable topic cache %s: %s", path, exc)
    vectors = embedder.embed_batch(texts)
    if path is not None:
        _save_atomic(path, vectors)
    return vectors


def _save_atomic(path: Path, vectors: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, vectors)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home must not stop the run
        log.warning("could not cache topic embeddings in %s: %s", path.parent, exc)
