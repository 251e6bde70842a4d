"""Extractive summary: rank an article's own sentences and keep the best few, verbatim.

Scores combine what makes a news summary: salience (closeness to the article's centroid in
embedding space), position (news puts the lead first) and closeness to the title. Redundant
picks are dropped with maximal marginal relevance (MMR); the picks come back in article order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np

from .clean import is_sentence_like


@dataclass(frozen=True)
class RankWeights:
    centrality: float = 1.0
    title: float = 0.5
    position: float = 0.9
    position_decay: float = 3.0  # sentences; the lead prior halves about every 2 sentences
    diversity: float = 0.3  # MMR: share of the score given to novelty
    redundancy_cutoff: float = 0.85  # a sentence this similar to a pick is never added
    # Added to a sentence that gives a match's result: a score and a verb of winning ("beat host West Ham United,
    # 4-2"). A match report's summary that never says who won misses its news. 0.1 is less than the lead prior's
    # step from the third sentence to the fourth (0.13), so it settles near ties and never outranks the lead.
    # Chosen on the articles that hold such a sentence (BBC 169, SummEval 17), ROUGE-1 for 0 / 0.1 / 0.2:
    # BBC 46.76 / 47.00 / 46.86, SummEval 38.91 / 39.04 / 39.11.
    result: float = 0.1


DEFAULT_WEIGHTS = RankWeights()

_QUOTE_START = re.compile(r"^[\"“”'‘«]")
#: First words of a sentence that lean on the one before it: a pronoun, a demonstrative, a connective.
_LEANING_WORDS = frozenset(
    """
    he she it they his her its their him them this these that those such but however also and so yet
    meanwhile moreover furthermore instead still then there thus hence nonetheless nevertheless besides likewise
    otherwise accordingly consequently additionally similarly afterwards or nor
    """.split()
)
#: "Well" opening a sentence answers what was said before ("Sick of dull portraits? Well one photographer ..."), unless
#: it measures something ("Well over half ...", "Well before dawn ...", "Well-known ...").
_WELL_MEASURES = frozenset("over under before after above below ahead beyond short into within past off behind".split())
#: First words of a sentence in the first person. Outside quotation marks in a news story, such a sentence goes on a
#: quotation opened before it ("... he said: \"We are ready. || We will see if they ask for help or not.\""), and its
#: "we" or "I" is the speaker the sentence before names.
_FIRST_PERSON = frozenset("i we my our us".split())
#: "On the same day ...", "At the same time ...", "The same ...": the same as something said before.
_SAME = re.compile(r"^[\"“'‘(]*(?:(?:on|at|in|by) )?the same\b", re.IGNORECASE)
_FIRST_WORDS = re.compile(r"^[\"“'‘(]*([A-Za-z]+)(?:[ ,]+([A-Za-z]+))?")


#: "The 26-year-old ...", "The Spanish goalkeeper ...", "The former Arsenal man ...": a person named before, by what
#: they are. Said of someone the reader has not met, it leaves them asking who.
_PERSON_BY_ROLE = re.compile(
    r"^[\"“'‘(]*[Tt]he (?:\d+-year-old\b|(?:(?:former|young|[A-Z][\w-]*) ){0,3}?(?:man|woman|boy|girl|player|coach|"
    r"manager|goalkeeper|keeper|striker|midfielder|defender|winger|forward|captain|batsman|bowler|driver|victim|suspect|"
    r"actor|actress|singer|star|teenager|youngster|officer|father|mother|son|daughter|husband|wife|pair|couple)\b)"
)


#: "the pair", "the duo", "the couple", "the trio", "both men" anywhere in a sentence: people met before, whom the
#: sentence does not name ("Police said the pair were arrested", "... the two months the couple spent trying").
_THE_PAIR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:pair|duo|couple|trio)\b(?! of\b)|\b[Bb]oth (?:men|women)\b")


#: A preposition and a pronoun that stands for what was said before: "Of those, 10 were ...", "Among them ...",
#: "Despite this, ...", "After that, ...". ("In this year's ..." and "At that time ..." say no more than a date.)
#: And the first of reasons for what was said before: "For a start, no less than 13 of the 22 players were English."
_PREPOSITION_BACK = re.compile(
    r"^[\"“'‘(]*(?:for a start|for starters|for one thing|first of all|to start with|to begin with)\b|"
    r"^[\"“'‘(]*(?:of|among|amongst|for|despite|after|before|since|from|besides|like|unlike|against|without|with|"
    r"beyond|because of|in addition to|apart from|on top of|as well as|in|on|at|by|to|under|over) "
    r"(?:(?:those|them|these|it|him|her|which)\b|(?:this|that)\b(?! \w))",
    re.IGNORECASE,
)


#: "One of his victims ...", "Some of them ...", "Most of their savings ...": a share of someone or something named
#: before, through a pronoun.
_SHARE_OF_BEFORE = re.compile(
    r"^[\"“'‘(]*(?:one|two|three|some|many|most|all|none|each|both|several|few|half|much|any|another|either|neither|"
    r"the rest|the last|the first) of (?:his|her|their|its|them|those|these|it|whom|which)\b",
    re.IGNORECASE,
)
#: "The move comes ...", "The idea is to ...", "The call came in a speech ...": a noun that stands for what the
#: sentence before said or did (a shell noun), opening the sentence with a verb after it, not a phrase that says which
#: ("The decision to close the plant ...", "The plan for a bridge ..." say it themselves).
_SHELL_NOUN = re.compile(
    r"^[\"“'‘(]*The (?:move|idea|aim|goal|purpose|point|decision|call|step|announcement|news|finding|findings|comments?|"
    r"remarks?|warning|claims?|reason|problem|outcome|incident|ruling|change|changes|proposal|measures?|effort|attempt|"
    r"development|request|criticism|admission|revelation|discovery|approach|intervention)"
    r"(?! (?:of|for|to|on|in|by|from|that|which|with|about|over|at|against|between|among|into)\b)(?=[ ,])"
)
#: A sentence that ends on a demonstrative standing for what was said before ("Even the IMF admits this.", "Nobody
#: expected that."), or that does it again ("... declined to do so").
_THIS_AT_END = re.compile(r"\b(?:this|that|these|those)[\"”'’)]*[.!?]?[\"”'’)]*\s*$|\b(?:do|does|did|doing|done) so\b|"
                          r"\b(?:did|done) that\b(?! (?:year|month|week|day|night|morning|afternoon|evening|summer|"
                          r"winter|spring|autumn|season|time)\b)", re.IGNORECASE)


def leans_on_previous(sentence: str, earlier: str) -> bool:
    """Whether a sentence needs the text before it to be understood.

    It does when it opens with a pronoun, a demonstrative or a connective ("He said ...", "This
    means ...", "But ..."), with "the same" ("On the same day ..."), with "the" and a noun that
    the earlier text already used ("The company said ..." after a company was named), in the first person outside
    quotation marks ("We will see ...": the rest of a quotation whose speaker an earlier sentence names), or with a
    person named by age or role ("The 26-year-old ...", "The Spanish goalkeeper ..."), or when it speaks
    of "the pair", "the couple", "both men" anywhere, or opens with a preposition and a pronoun ("Of those,
    10 were ...", "Despite this, ..."), with a share of a pronoun ("One of his victims ..."), with a noun that stands
    for what was said before ("The move comes ...", "The idea is to ..."), or ends on a demonstrative ("Even the IMF
    admits this.") or says "did so" or "done that": a reference back to someone or something the reader
    of the summary alone would not know. "Or so it used to be ...", "Which is not to say ..." (no question) and
    "For a start, ..." go on from the sentence before too.
    """
    if _SAME.match(sentence) or _PERSON_BY_ROLE.match(sentence) or _THE_PAIR.search(sentence) \
            or _PREPOSITION_BACK.match(sentence) or _SHARE_OF_BEFORE.match(sentence) or _SHELL_NOUN.match(sentence) \
            or _THIS_AT_END.search(sentence):
        return True
    m = _FIRST_WORDS.match(sentence)
    if not m:
        return False
    first, second = m.group(1).lower(), (m.group(2) or "")
    if first == "which" and not sentence.rstrip().endswith("?") and sentence.lstrip()[5:6] != "?":  # not "Which? said"
        return True  # "Which is not to say ...": a relative clause on the sentence before, not a question
    if first in _LEANING_WORDS or first in _FIRST_PERSON and not _QUOTE_START.match(sentence):
        return True
    if first == "the" and second[:1].islower() and len(second) > 2:
        stem = second.lower().rstrip("s")
        return re.search(rf"\b{re.escape(stem)}", earlier.lower()) is not None
    return False


#: A sentence that opens with one name alone ("Lindeen said ...", "Mr Begg's father ..."), not a full name.
#: The name must be the subject: its possessive, a comma or a verb follows ("Lindeen said", "Souness is bidding"),
#: not a noun it qualifies ("City captain Vincent Kompany ...").
_BARE_NAME = re.compile(
    r"^[\"“'‘(]*(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? )?([A-Z][a-z][\w'’\-]*?[a-z])"
    r"(?:['’]s\b|,| (?:[a-z]+(?:ed|s)|said|told|will|would|could|can|may|might|must|should|did|do|had|have|won|lost|"
    r"made|took|gave|got|became|began|came|went|left|led|met|saw|felt|put|ran|set|sent|spent|wrote|thought|knew|found|"
    r"held|kept|brought|bought|paid|also|then|now|later|still|never|already|insisted|hit|quit|shut)\b)"
)
#: Capitalised words that open a sentence but never stand before a surname in a full name.
_NOT_FIRST_NAMES = frozenset(
    """
    the a an in on at for of to by from with and but or as if when while after before since mr mrs ms miss dr prof
    sir lord lady said says told
    """.split()
)


#: A surname that is also a common word ("United", "City", "Wood": wordfreq's zipf 4.5 and up) is not taken for a
#: person inside a sentence: there it is more often a club's or a place's name (or the model's mistake for one).
_COMMON_WORD_ZIPF = 4.5


def _bare_surname_inside(sentence: str, people: Collection[str]) -> str | None:
    """The first surname of the article's people that the sentence uses alone after its first word ("In Lindeen's
    own state ...", "... when Mirallas grabbed the ball"): not after another capitalised word ("Monica Lindeen",
    "New Lindeen") nor before one ("Lindeen Street"), and not a common word (:data:`_COMMON_WORD_ZIPF`)."""
    from .keywords import zipf_frequency  # here: keywords imports this module

    surnames = {p.split()[-1].removesuffix("'s").removesuffix("’s") for p in people if len(p.split()) > 1}
    surnames = {n for n in surnames if len(n) > 2 and n[:1].isupper() and n[1:].islower()
                and n.lower() not in _NOT_FIRST_NAMES and n.lower() not in _LEANING_WORDS
                and zipf_frequency(n) < _COMMON_WORD_ZIPF}
    if not surnames:
        return None
    found = None
    for n in surnames:
        if n not in sentence:
            continue  # most surnames are not in most sentences: no pattern to build
        bare = re.compile(rf"(?<=[a-z,;:(\"“'‘] )(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?{re.escape(n)}\b(?!['’]?\s*[A-Z])")
        hit = bare.search(sentence, 1)
        if hit and (found is None or hit.start() < found[0]):
            found = (hit.start(), n)
    return found[1] if found else None


def introduced_in(sentences: Sequence[str], i: int, people: Collection[str] = ()) -> list[int] | None:
    """Where the person that sentence ``i`` names by surname alone is introduced by full name, or None.

    "Lindeen said ..." names someone the article introduced before as "Monica Lindeen": a summary
    that holds the one sentence without the other leaves its reader asking who. Gives the sentences
    that name "<First name> Lindeen" (all before ``i``, or else all after it); None when the
    sentence opens with no bare name, names the person in full itself, or no sentence does.
    ``people``: the names of people the article holds (named-entity recognition); a bare name is a
    surname only when it ends one of them in two words or more ("Air", "Irish" or "Argentina" never do).
    """
    m = _BARE_NAME.match(sentences[i])
    # Inside a sentence, not the lead's: the lead opens the story, and a name it holds is the story's own.
    name = m.group(1) if m else _bare_surname_inside(sentences[i], people) if i > 0 else None
    if name is None:
        return None
    if name.lower() in _NOT_FIRST_NAMES or name.lower() in _LEANING_WORDS:
        return None
    if not any(len(p.split()) > 1 and p.split()[-1] in (name, f"{name}'s", f"{name}’s") for p in people):
        return None
    full = re.compile(rf"(?<![\w.'’\-])([A-Z][a-z]+) {re.escape(name)}\b")  # "Monica Lindeen", not "La.-based Acme"

    def names_in_full(text: str) -> bool:
        return any(f.group(1).lower() not in _NOT_FIRST_NAMES for f in full.finditer(text))

    if names_in_full(sentences[i]):
        return None
    before = [j for j in range(i) if names_in_full(sentences[j])]
    if before:
        return before
    after = [j for j in range(i + 1, len(sentences)) if names_in_full(sentences[j])]
    return after or None


#: A score and a verb of winning or losing in one sentence: "routed the Los Angeles Clippers 111-98", "beat host
#: West Ham United, 4-2", "drew 1-1 with ...". A score alone is no result, nor is a range or a vote ("won a 5-4
#: vote", "11-14 euros a share").
_SCORE = re.compile(
    r"(?<![\d.,$£€–-])\b\d{1,3}[-–]\d{1,3}\b(?![\d%–-])(?! ?(?:percent|per cent|euros?|dollars?|pounds?|cents?|pence|"
    r"yen|rupees?|years?|months?|weeks?|days?|hours?|minutes?|[ap]\.?m\b|million|billion|m\b|bn\b|votes?|majority|"
    r"ratio|split|decision|ruling|margin|seats?))"
)
_RESULT_VERB = re.compile(
    r"\b(?:beat|beats|beaten|won|wins|win|defeat|defeated|defeats|routed|rout|thrashed|crushed|edged|drew|draw|"
    r"victory|lost|loses|loss|hammered|downed|outscored|stunned|upset|overcame|triumph|clinched)\b",
    re.IGNORECASE,
)


def gives_result(sentence: str) -> bool:
    """Whether a sentence gives a match's result: a score line and a verb of winning or losing."""
    return _SCORE.search(sentence) is not None and _RESULT_VERB.search(sentence) is not None


#: A sentence that speaks to the reader of the web page, not about the news: "Read a full match report of ...",
#: "Check out the trailer in the sidebar ...", "Click here to ...".
_TO_THE_READER = re.compile(
    r"^[\"“'‘(]*(?:read (?:a|the|our|more|full)\b|click\b|check out\b|scroll\b|subscribe\b|sign up\b|follow us\b|"
    r"download (?:the|our)\b|watch (?:the|our) (?:video|clip)|see (?:the )?(?:video|gallery|photos|pictures)\b)",
    re.IGNORECASE,
)


#: A rights notice inside a sentence ("... Taylorsville Copyright 2011 The Salt Lake Tribune."): page furniture
#: that cleaning could not cut off, since it does not open its paragraph.
#: "copyright" alone is a word of the news ("a copyright lawsuit"); with a year or "©" it is a notice.
_RIGHTS = re.compile(r"(?:\bcopyright\s*(?:©|\(c\))?|©)\s*(?:19|20)\d\d\b|\ball rights reserved\b", re.IGNORECASE)


#: Page furniture inside a sentence: a link's address ("... r.reuters.com/hyb65p", "http://bit.ly/..."), a rule drawn
#: with a character repeated ("^^^^^^", "=====", "***"), or a wire's story code ("[ID:nLDE68T0MG]"); or a page's
#: "Advertisement" label run into the sentence after it ("Advertisement While others are ...").
_FURNITURE_IN_SENTENCE = re.compile(
    r"\bhttps?://|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org|net)/\S|([^\w\s.\-\"'“”‘’])\1{2,}|\bID:n[A-Z0-9]{6,}|"
    r"^[\"“'‘(]*(?:Advertisement|ADVERTISEMENT)\s+[\"“'‘]*[A-Z]"
)


#: A sentence whose news is that someone would not comment ("Barclays has declined to comment on the report ...",
#: "The owners were not available for comment."): the phrase comes early, as its main verb. It tells a reader
#: nothing of the story, so it is picked only when nothing else says as much.
_NO_COMMENT = re.compile(
    r"^.{0,60}?\b(?:declined|refused|unavailable|not available|could not be reached|did not (?:immediately )?"
    r"(?:respond|return)|would not|had no)(?: [\w-]+){0,5}? comment\b"
)


#: What a sentence of :data:`_NO_COMMENT` after the lead keeps of its score.
_NO_COMMENT_SHARE = 0.6


#: A picture's place in brackets inside a sentence ("Stokes (left) clashed with Marlon Samuels ...", "Neymar (centre)
#: takes a selfie with ..."): words written under a photograph, which a scraped page runs into the story (a Daily
#: Mail caption has no full stop, so the segmenter joins it to the sentences beside it). "(pictured)" is left out:
#: that paper's stories use it in their own sentences ("Mr Smith (pictured) said ...").
_PICTURE_PLACE = re.compile(
    r"\((?:left|right|centre|center|inset|circled|(?:second|third|far|top|bottom|centre|center|front|back|middle) "
    r"(?:left|right|row|centre|center))\)"
)
#: What a sentence holding a picture's place (:data:`_PICTURE_PLACE`) keeps of its eligibility.
_CAPTION_SHARE = 0.3


#: An entry of a list of ratings: a name, a dash or colon and a mark out of ten, then the comment ("Virender Sehwag -
#: 1/10 Very quiet day ...", "MS Dhoni - 10 Promoted himself ..."). Each entry judges one player; none tells the
#: story, and the comments after it lean on the entry's name.
_RATING_ENTRY = re.compile(
    r"^[\"“'‘(]*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3} (?:[-–—:]|\() ?(?P<mark>10|\d(?:\.5)?)(?:/10| out of 10)?\)?"
    r"(?=\s+[\"“'‘(]*[A-Z]|\s*$)"
)
#: How many entries make a list of ratings.
_RATING_LIST = 3


#: How far (sentences from the first that may be picked) the story's first sentence is looked for after a post's chat.
_LEAD_REACH = 8
#: How many sentences of chat make a post's aside, from which a sentence leaning on it is no lead either.
_CHAT_RUN = 2
#: The share of an article's sentences in the writer's first person that makes it a column.
_WRITER_SHARE = 0.25


def _story_start(sentences: Sequence[str], elig: np.ndarray, first: int) -> int:
    """The story's first sentence: ``first`` (the first that may be picked), or, after a post's opening chat of
    :data:`_CHAT_RUN` sentences or more, the first sentence among the first :data:`_LEAD_REACH` that is no chat and
    does not lean on the one before ("... when you're the family. | And that's why ..." is still the aside). One
    opening line of chat is a column's own lead, which the story goes on from ("When you are gunning for glory ... |
    Ireland coach Eddie O'Sullivan appears to have done that ...")."""
    chat = 0
    for i in range(first, min(len(sentences), first + _LEAD_REACH)):
        if elig[i] <= 0:
            continue
        if opens_as_chat(sentences[i]) or chat and _QUOTE_START.match(sentences[i]):
            chat += 1  # a quotation is chat within the aside ("... you're the family. | \"Oh great ...\" seems ..."),
            continue  # not as the story's first sentence ("\"Irreversible environmental damage\" will be caused ...")
        if chat < _CHAT_RUN:
            return first
        if not leans_on_previous(sentences[i], " ".join(sentences[max(0, i - 3) : i])):
            break
    else:
        return first
    # A column written in the first person ("Well, I think we could be heading to the European Championships ..."):
    # its opening is its writer's own lead.
    mine = sum(1 for j, s in enumerate(sentences) if elig[j] > 0 and speaks_as_writer(s))
    return first if mine >= _WRITER_SHARE * int((elig > 0).sum()) else i


def opens_as_chat(sentence: str) -> bool:
    """Whether a sentence before the story's news is a post's chat: it speaks to the reader or as the writer
    (:func:`speaks_to_you`, :func:`speaks_as_writer`), names nothing (:func:`names_nothing`), asks a question or answers one ("Well, ...")."""
    return (sentence.rstrip().rstrip("\"”'’)").endswith("?") or _WELL.match(sentence) is not None or speaks_to_you(sentence) or speaks_as_writer(sentence)
            or names_nothing(sentence))


#: "Well, ...", "Well one photographer has found ...": a reply to the reader's question, not "Well over half ...".
_WELL = re.compile(r"^[\"“'‘(]*Well\b(?!-| (?:" + "|".join(sorted(_WELL_MEASURES)) + r")\b)")


#: A double quotation mark, a doubled pair (as some scraped copy writes one) read as one mark.
_DOUBLE_MARK = re.compile(r'""|"|“|”')


def _double_quote_open(sentence: str, was_open: bool) -> bool:
    """Whether a double quotation is still open at the end of a sentence, given whether it was at its start."""
    state = was_open
    for m in _DOUBLE_MARK.finditer(sentence):
        mark, i = m.group(), m.start()
        if mark == "“":
            state = True
        elif mark == "”":
            state = False
        else:  # a straight mark opens after a space or at the start, and closes after a word or its stop
            before = sentence[i - 1] if i else " "
            state = before.isspace() or before in "([{—–-:" if not state else False
    return state


def inside_quotation(sentences: Sequence[str]) -> list[int]:
    """The sentences that lie inside a double quotation without a mark of their own: one opened in a sentence before
    and closed in one after ("“There will be no more tweaks to the software. || No more partnerships formed outside
    of Google's purview. || From now on, ... approval of their plans.”"). Picked alone, such a sentence reads as the
    summary's own words, not a speaker's."""
    if not any('"' in s or "“" in s for s in sentences):
        return []  # most articles: no double quotation
    found: list[int] = []
    was_open = False
    pending: list[int] = []
    for i, s in enumerate(sentences):
        if _DOUBLE_MARK.search(s) is None:
            if was_open:
                pending.append(i)
            continue
        if was_open and pending and starts_inside_quote(s):
            found.extend(pending)  # closed here: the quotation did run through the sentences between
        pending = []
        was_open = _double_quote_open(s, was_open and starts_inside_quote(s))
    return found


#: The lead's sentences, which no caption's repeat rule touches.
_LEAD_SENTENCES = 3
#: How many words in a row a sentence must share with an earlier one to repeat it: more than a name ("the Economic
#: Commission for Latin America and the Caribbean") or a phrase quoted twice ("a period of creative destruction in the
#: public services") holds.
_REPEAT_WORDS = 10
_WORD = re.compile(r"[\w'’]+")


def repeats_earlier(sentences: Sequence[str], whole: Sequence[bool] | None = None) -> list[bool]:
    """Whether each sentence says again :data:`_REPEAT_WORDS` words in a row of an earlier sentence: a picture's
    caption restating the story ("Luigi Costa, 71, is accused of killing his elderly neighbour Terrence Freebody in the
    dining room of his home ... in July 2012 Professor Mullin told the court ..."), which a scraped page runs into the
    text without a full stop or a bracket. The earlier sentence says it first and whole. ``whole``: which sentences count as saying it first
    (not a caption the splitter set apart before the lead it repeats: "An FBI agent's sniper rifle (similar to the one
    pictured) was ... | An FBI agent's sniper rifle was ..."); all by default."""
    seen: set[tuple[str, ...]] = set()
    out: list[bool] = []
    for i, s in enumerate(sentences):
        words = [w.lower() for w in _WORD.findall(s)]
        grams = {tuple(words[k : k + _REPEAT_WORDS]) for k in range(len(words) - _REPEAT_WORDS + 1)}
        out.append(not grams.isdisjoint(seen))
        if whole is None or whole[i]:
            seen |= grams
    return out


#: A sentence that speaks to its reader outside any quotation ("Just imagine if your spouse came in ...", "If you
#: think a browser is a tough sell ...", "Make no mistake, ..."): a blog's or a column's chat, not the news. Quoted
#: words are the speaker's; "You" in capitals inside a sentence is a title's ("Who's Your Daddy").
_TO_YOU = re.compile(r"\b(?:you|your|you're|you'll|you've|you'd|yourself|imagine)\b|"
                     r"^[\"“'‘(—–\s-]*(?:You|Your|You're|You'll|You've|You'd|Imagine)\b|"
                     r"^[\"“'‘(—–\s-]*(?:Make no mistake|Mind you|Let's face it|Believe it or not|Don't get me wrong)\b")
#: What such a sentence keeps of its eligibility.
_TO_YOU_SHARE = 0.6
#: A quotation inside a sentence, up to its closing mark or the sentence's end (a quotation that runs on into the next
#: sentence): double marks (a doubled pair, as some scraped copy writes them, read as one), curly single marks, and a
#: straight single mark that opens a word after a space, a colon or a bracket, up to one that no letter follows.
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|‘[^’]*(?:’(?!\w)|$)|(?:^|(?<=[\s:(\-—]))\'(?=\w).*?(?:\'(?!\w)|$)')
#: The writer in the first person singular ("I've always considered shoe catalogs ...", "This one truly has me
#: scratching my head."): outside a quotation, a blog's or a column's aside, or the rest of a quotation whose speaker
#: an earlier sentence names. "I" must stand before a word in lower case, not close a name ("World War I").
_I_WRITER = re.compile(r"(?<![\w'’-])(?:I(?:['’](?:m|ve|d|ll))?(?= [a-z])|[Mm]e|[Mm]y|[Mm]yself)(?![\w'’-])")
#: Words that open a clause before "I" ("When I was young", "So I asked"): no name that "I" could close.
_BEFORE_I = frozenset("When So If As Then Now Because While After Before Since Once Yes No Well Perhaps Maybe Still Here"
                      " There Today Yet Or".split())


def _outside_quotes(sentence: str) -> str:
    """The words of a sentence that are the writer's own, not a quotation's (see :data:`_QUOTED`)."""
    return _QUOTED.sub(" ", sentence.replace('""', '"'))


def speaks_to_you(sentence: str) -> bool:
    """Whether a sentence, outside its quotations, speaks to the reader ("Just imagine if your spouse came in and said,
    \"I've decided ...\""): chat, not the news. A quotation's "you" is its speaker's; "Who's Your Daddy" a title's."""
    return _TO_YOU.search(sentence) is not None and _TO_YOU.search(_outside_quotes(sentence)) is not None


def speaks_as_writer(sentence: str) -> bool:
    """Whether a sentence, outside its quotations, speaks as the writer ("I've always considered shoe catalogs ...")."""
    if not _I_WRITER.search(sentence):
        return False  # most sentences: nothing to look for
    outside = _outside_quotes(sentence)
    for m in _I_WRITER.finditer(outside):
        before = outside[: m.start()].split()
        if (m.group()[0] != "I" or not before or not before[-1][:1].isupper() or before[-1] in ("I", "And", "But")
                or before[-1] in _BEFORE_I):
            return True  # not the numeral closing a name ("World War I ended ...")
    return False
#: A short sentence that names nothing and counts nothing, opened by no noun phrase of its own ("Nothing is sacred in
#: the team.", "Others have tried and not quite made it.", "There would have been no mercy in the dressing room."): a
#: column's or a blog's scene-setting, which tells no news alone. At most this many words, no capitalised word after
#: the first, no digit, and a first word that is an everyday word but no article ("The referee showed four yellow
#: cards ..." tells news).
_BARE_WORDS = 10
#: What such a sentence keeps of its eligibility.
_BARE_SHARE = 0.7


#: The first word of such a sentence is an everyday word ("Nothing", "Others", "Trying", "Soon"), not a name written
#: first ("Delta is restructuring ...", "China is ...", "NASA's charter ..."): this common in English (wordfreq's zipf)
#: in lower case, and not written in capitals.
_BARE_FIRST_ZIPF = 5.3
_ARTICLES = frozenset({"the", "a", "an"})


def names_nothing(sentence: str) -> bool:
    """Whether a short sentence names no one and nothing and gives no number (see :data:`_BARE_WORDS`)."""
    from .keywords import zipf_frequency  # here: keywords imports this module

    words = sentence.split()
    if len(words) > _BARE_WORDS or any(w[:1].isupper() for w in words[1:] if w != "I") \
            or any(ch.isdigit() for ch in sentence):
        return False
    first = words[0].strip("\"“'‘(").split("'")[0].split("’")[0] if words else ""
    if first.lower() in _ARTICLES:
        return False  # "The referee showed four yellow cards ...": a noun phrase, the news's own subject
    return not (first.isupper() and len(first) > 1) and zipf_frequency(first.lower()) >= _BARE_FIRST_ZIPF


#: A sentence opening with a mark that only goes after something (": \"I joined ...", ", he said."): the segmenter cut
#: it off what it continues.
_TAIL_START = re.compile(r"^\s*[:;,.)\]}%]")


def starts_inside_quote(sentence: str) -> bool:
    """Whether the first quotation mark of a sentence closes a quotation: the sentence is the tail of a quote
    ("... listen," the prime minister said.", "#7minutes,' Merson put on Twitter."), cut from its start by the
    segmenter (at a "?" or "!" inside the quote, or between sentences of a long quote).

    An apostrophe inside a word ("don't", "Bening's") or after a plural ("the players' union") is no quote
    mark; a straight or single mark after a space opens a quote, one after a letter's punctuation closes it.
    A single quotation opened inside the sentence settles nothing: a double mark closing after it still says the
    sentence began inside a quotation ("The kids will ask: 'What am I doing there?'\" the coach added ...": the rest
    of a quotation whose first sentences came before).
    """
    single_open = False
    for m in _QUOTE_MARK.finditer(sentence):
        i, ch = m.start(), m.group()
        before = sentence[i - 1] if i else " "
        after = sentence[i + 1] if i + 1 < len(sentence) else " "
        if ch in "“«" or ch == "‘" and not single_open:
            if ch == "‘":
                single_open = True
                continue
            return False
        if ch in "”»":
            return True
        if ch in "'’":
            if single_open:
                continue  # the single quotation opened in the sentence, or an apostrophe inside it
            if before.isspace() or before in "([{—–-:" or i == 0:
                if i == 0:
                    return False  # the sentence opens with its quotation
                single_open = True  # a quotation inside the sentence: a double mark may still close after it
                continue
            if before in ",.!?" and not after.isalnum():
                return True  # "cyclists,' Wiggins said"
            continue  # an apostrophe: "don't", "players' union"
        if before.isspace() or before in "([{—–-:" or i == 0:
            return False  # opens a quote
        return before.isalnum() or before in ",.!?;…'’"  # a straight double mark after a word or its stop closes
    return False


_QUOTE_MARK = re.compile(r"[\"“”‘’'«»]")
#: A word in lower case glued to a capitalised one ("... planning to send humanitarTalks between the two sides ..."): a
#: page that pasted one paragraph into the middle of another's word. No name is written so ("iPhone", "McDonald",
#: "YouTube" open in capitals or with fewer small letters; "easyJet" ends on three letters); a handle or a link's
#: ("@realDonaldTrump") is no text.
_GLUED_WORDS = re.compile(r"(?<![@#/\w.-])[a-z]{4,}[A-Z][a-z]{3,}\b")  # not "easyJet", "@realDonaldTrump"


def eligibility(sentence: str, max_words: int = 150) -> float:
    """A multiplier in [0, 1]: 0 for what must never be a summary sentence, less for weak ones."""
    words = sentence.split()
    if not is_sentence_like(sentence) or sentence.rstrip().endswith((":", ";")):
        return 0.0  # headings, list items, speaker labels, fragments
    if _TAIL_START.match(sentence) or starts_inside_quote(sentence):
        return 0.0  # a piece cut off the sentence or quotation it ends: not a whole sentence
    if _RIGHTS.search(sentence) or _TO_THE_READER.match(sentence) or _FURNITURE_IN_SENTENCE.search(sentence) \
            or _GLUED_WORDS.search(sentence):
        return 0.0
    if len(words) < 5 or len(words) > max_words:
        return 0.0
    factor = 1.0
    if "(" in sentence and _PICTURE_PLACE.search(sentence):
        factor *= _CAPTION_SHARE  # a photo's caption, or one run into the sentence
    if speaks_to_you(sentence):
        factor *= _TO_YOU_SHARE
    if names_nothing(sentence):
        factor *= _BARE_SHARE
    if sentence[0].islower():
        factor *= 0.3  # probably a fragment split off a longer sentence
    if _QUOTE_START.match(sentence):
        factor *= 0.7  # a quote without its speaker says less on its own
    if sentence.rstrip().endswith("?"):
        factor *= 0.6
    if len(words) > 60:
        factor *= 0.6
    return factor


def mmr(
    scores: np.ndarray,
    vectors: np.ndarray,
    k: int,
    diversity: float,
    *,
    allowed: np.ndarray | None = None,
    redundancy_cutoff: float = 1.01,
) -> list[int]:
    """Maximal marginal relevance: up to k indices, each trading score against similarity to picks."""
    n = len(scores)
    candidates = [i for i in range(n) if allowed is None or allowed[i]]
    picked: list[int] = []
    while candidates and len(picked) < k:
        if picked:
            sim = vectors[candidates] @ vectors[picked].T
            max_sim = sim.max(axis=1)
        else:
            max_sim = np.zeros(len(candidates))
        value = (1 - diversity) * scores[candidates] - diversity * max_sim
        value[max_sim >= redundancy_cutoff] = -np.inf
        best = int(np.argmax(value))
        if not np.isfinite(value[best]):
            break
        picked.append(candidates.pop(best))
    return picked


def sentence_scores(
    sentences: Sequence[str],
    vectors: np.ndarray,
    title_vector: np.ndarray | None,
    weights: RankWeights = DEFAULT_WEIGHTS,
    max_sentence_words: int = 150,
) -> np.ndarray:
    """A score per sentence; 0 for sentences that may not be picked."""
    n = len(sentences)
    if n == 0:
        return np.zeros(0)
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    score = weights.centrality * (vectors @ centroid)
    if title_vector is not None:
        score = score + weights.title * (vectors @ title_vector)
    elig = np.array([eligibility(s, max_sentence_words) for s in sentences])
    elig[inside_quotation(sentences)] = 0.0
    # A caption restating the story comes after the lead: the lead's own sentences are never taken for one (a caption
    # run into the lead before it, "... trace back to the man A Pennsylvania man was arrested ...", says them first).
    lead_end = int(np.argmax(elig > 0)) + _LEAD_SENTENCES if (elig > 0).any() else 0
    repeats = repeats_earlier(sentences, elig > _CAPTION_SHARE)
    elig *= np.where([r and i >= lead_end for i, r in enumerate(repeats)], _CAPTION_SHARE, 1.0)
    # A list of ratings ("Virender Sehwag - 1/10 Very quiet day ..."): from its first entry on, no sentence but an
    # entry's own tells the story: the comments after an entry lean on its name ("An even greater triumph without
    # him."). The entries keep their mark's share of ten, so the best-rated players are the ones a summary names.
    marks = [_RATING_ENTRY.match(s) for s in sentences]
    entries = [i for i, m in enumerate(marks) if m]
    if len(entries) >= _RATING_LIST:
        for i in range(entries[0], n):
            elig[i] *= float(marks[i].group("mark")) / 10 if marks[i] else 0.0
    # The lead prior counts from the story's first sentence: the first that may be picked (a heading, a source's
    # label or a standfirst's fragment above the lead, "TIME :", does not push the story's sentences down it), after
    # any chat that opens a blog's or a column's post (:func:`opens_as_chat`: "I've always considered shoe catalogs
    # ...", "Just imagine if your spouse came in ...", "Sick of awkward portraits?"), when a sentence among the first
    # :data:`_LEAD_REACH` that may be picked tells news.
    first = int(np.argmax(elig > 0)) if (elig > 0).any() else 0
    first = _story_start(sentences, elig, first)
    # A post's chat before the story's first sentence gets no lead prior: it is picked only for what it says.
    offset = np.arange(n) - first
    score = score + weights.position * np.where(offset >= 0, np.exp(-np.maximum(offset, 0) / weights.position_decay), 0.0)
    if weights.result:
        score = score + weights.result * np.array([gives_result(s) for s in sentences], dtype=float)
    # After the lead, a sentence whose news is that someone would not comment counts for less (the lead may frame the
    # story so: "SSL has refused to comment on reports it may be subject to a takeover").
    elig = np.array([e * (_NO_COMMENT_SHARE if i > first and _NO_COMMENT.match(s) else 1.0)
                     for i, (e, s) in enumerate(zip(elig, sentences))])
    return np.where(elig > 0, np.maximum(score, 1e-6) * elig, 0.0)


def select(
    sentences: Sequence[str],
    vectors: np.ndarray,
    title_vector: np.ndarray | None = None,
    *,
    max_sentences: int = 3,
    max_words: int | None = None,
    weights: RankWeights = DEFAULT_WEIGHTS,
    max_sentence_words: int = 150,
    people: Collection[str] = (),
) -> list[int]:
    """Indices of the summary sentences, in article order (empty when no sentence is usable).

    ``people``: the names of people in the article, to tell a surname (see :func:`introduced_in`).
    """
    scores = sentence_scores(sentences, vectors, title_vector, weights, max_sentence_words)
    allowed = scores > 0
    if not allowed.any():
        # Nothing looks like a full sentence (e.g. a list); fall back to anything of a usable length.
        allowed = np.array([3 <= len(s.split()) <= max_sentence_words for s in sentences], dtype=bool)
        scores = np.where(allowed, 1.0 / (1.0 + np.arange(len(sentences))), 0.0)
    order = mmr(scores, vectors, len(sentences), weights.diversity, allowed=allowed,
                redundancy_cutoff=weights.redundancy_cutoff)
    picked: list[int] = []
    words = 0
    # Sentences that lean on others not (yet) picked, with what they need: each set, one of its sentences.
    waiting: dict[int, list[set[int]]] = {}

    def fits(i: int) -> bool:
        return max_words is None or not picked or words + len(sentences[i].split()) <= max_words

    def needs(i: int) -> list[set[int]] | None:
        """What sentence i needs picked before it; None when it can never be picked (it needs a later one)."""
        need: list[set[int]] = []
        # A sentence that leans on the one before it comes only after it (never alone).
        if i > 0 and leans_on_previous(sentences[i], " ".join(sentences[max(0, i - 3) : i])):
            need.append({i - 1})
        # One that names someone by surname alone comes after the one that introduced them by full name.
        intro = introduced_in(sentences, i, people)
        if intro is not None:
            if intro[0] > i:
                return None  # introduced only later: a summary in article order cannot hold both the right way round
            need.append(set(intro))
        return need

    for i in order:
        if len(picked) >= max_sentences:
            break
        need = needs(i)
        if need is None:
            continue
        if any(not (n & set(picked)) for n in need):
            waiting[i] = need
            continue
        if not fits(i):
            continue
        picked.append(i)
        words += len(sentences[i].split())
        for j, need_j in list(waiting.items()):
            if all(n & set(picked) for n in need_j):
                if len(picked) < max_sentences and fits(j):
                    picked.append(j)
                    words += len(sentences[j].split())
                del waiting[j]
    if not picked and order:
        picked.append(order[0])  # every usable sentence leans on another: the best one, rather than none
    if weights.result and max_sentences >= 3 and len(picked) >= 3:
        _tell_the_result(sentences, scores, allowed, picked, needs, max_words)
    return sorted(picked)


#: How far into the article (sentences from the first that may be picked) a match's result is looked for when the
#: summary does not give it.
_RESULT_REACH = 6
#: The least share of the replaced pick's score the result line must have.
_RESULT_SHARE = 0.8


def _tell_the_result(sentences: Sequence[str], scores: np.ndarray, allowed: np.ndarray, picked: list[int],
                     needs: Callable[[int], list[set[int]] | None], max_words: int | None = None) -> None:
    """A match report whose picks never say who won: its first result line near the top takes the last pick's place.

    A colourful lead ("Swapping shrieks along with their shots, ...") can fill the summary while the sentence that
    gives the result ("Azarenka ... won the tournament for the second time, beating Sharapova, 6-1, 6-4.") comes
    fourth; an editor's summary of a match says who beat whom. Only the weakest pick (the last one chosen, never one
    of the first two) gives way, and only to a result line in the first :data:`_RESULT_REACH` sentences from the first
    that may be picked, one that needs no sentence the other picks lack and keeps the summary within ``max_words``.
    ``picked``: in the order chosen; changed in place.
    """
    if any(gives_result(sentences[i]) for i in picked):
        return
    first = int(np.argmax(allowed))
    for i in range(first, min(len(sentences), first + _RESULT_REACH)):
        if not allowed[i] or scores[i] <= 0 or i in picked or not gives_result(sentences[i]):
            continue
        if scores[i] < _RESULT_SHARE * scores[picked[-1]]:
            return  # a caption or a line far weaker than the pick it would replace
        keep = picked[:-1]
        need = needs(i)
        if need is None or any(not (n & set(keep)) for n in need):
            return
        if max_words is not None and sum(len(sentences[j].split()) for j in (*keep, i)) > max_words:
            return  # the summary's word budget, which the picks kept
        picked[-1] = i
        return
