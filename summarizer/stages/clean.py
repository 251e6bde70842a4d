"""Cleaning: take what is not the story out of an article's text, keep what is metadata.

Pure functions on strings. ``clean(text, title=None)`` returns a :class:`Cleaned` record whose
``text`` holds the story as paragraphs separated by blank lines, plus the title, date (ISO
8601) and byline found on the way, and warnings for anything a user should know.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"
_ZONE = r"(?:\s*\(?\s*(?:UTC|GMT)\s*[+-−]?\s*\d{1,2}(?::?\d{2})?\s*\)?|\s*[A-Z]{2,4})?"
_DATELINE_PATTERNS = [
    # 4 October 2024 11:44 (UTC+04:00)
    re.compile(r"^(?:\w+,\s*)?(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + _ZONE + r"$", re.I),
    # October 4, 2024 11:44
    re.compile(r"^(?:\w+,\s*)?" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})" + _TIME + _ZONE + r"$", re.I),
    # 2024-10-04 or 2024-10-04T11:44:00+04:00 or 2024-10-04 11:44
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$"),
    # 04.10.2024 11:44 / 04/10/2024
    re.compile(r"^(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})" + _TIME + _ZONE + r"$"),
]
_DATE_MARKER = re.compile(r"^\s*date\s*[:=]?\s*(?P<date>\d{4}-\d{2}-\d{2})(?:T[\d:+\-Z.]+)?\b\s*", re.I)
_BYLINE = re.compile(r"^(?:by|written by|words by|text by)\s*:?\s+(?P<name>[^.!?]{2,80})$", re.I)
_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’\-]+\.?$|^[A-Z]\.$")
# Agency credits: "..., Azernews reports." / "..., Trend reported." at the end of a sentence.
_AGENCY_TAIL = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.&’'\-]*\s+){0,2}[A-Z][\w.&’'\-]*\s+(?:reports|reported|informs|informed)(?=[.!?][\"”’]?$)"
)
# Wire-style datelines at the start of the story: "BAKU, Azerbaijan, Oct. 3 (Trend) - ", "LONDON (Reuters) — "
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,'\-]{1,40}(?:,[^()\n]{0,40})?\s*\([A-Za-z][\w .&\-]{1,30}\)\s*[-–—:]+\s+")
# A bare agency tag opening the story: "(CNN)One of ...", "(AP) — The ...".
_AGENCY_TAG = re.compile(r"^\((?:[A-Z][A-Za-z&.]{1,20})(?:/[A-Z][A-Za-z&.]{1,20}){0,3}\)\s*(?:[-–—]+\s*)?(?=[A-Z\"“'‘])")
# A place and an agency in brackets run into the first word, or before a dash:
# "New York (CNN Business)The maker ...", "Washington (Reuters) - The ...".
_AGENCY_NAME = r"[A-Z][A-Za-z&.]{1,20}(?: [A-Z][A-Za-z&.]{1,20}){0,2}(?:/[A-Z][A-Za-z&.]{1,20}(?: [A-Z][A-Za-z&.]{1,20})?){0,3}"
_PLACE_AGENCY = re.compile(
    r"^[A-Z][\w.'’\-]*(?:,? [A-Z][\w.'’\-]*){0,3}\s*\(" + _AGENCY_NAME + r"\)"
    r"(?:(?=[A-Z\"“'‘])|\s*[-–—]+\s+)"
)
# The same with a place in capitals and only a space before the story: "LOS ANGELES (AP) A savage ...",
# "AUBURN HILLS, Mich. (AP) Dennis ...". Only a place in capitals that names a place (:func:`_names_place`):
# "Vodafone (VOD) Chief Executive ...", "IBM (IBM) Chief Executive ..." are sentences.
_CAPS_PLACE_AGENCY = re.compile(
    r"^(?P<place>[A-Z]{2,}[A-Z.'\-]*(?:[ /][A-Z]{2,}[A-Z.'\-]*){0,3}(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2})?)"
    r" \(" + _AGENCY_NAME + r"\) (?=[\"“'‘]?[A-Z])"
)
# A date and an agency opening the story, without a place: "April 1 (Bloomberg) - Hermes ...".
_DATE_AGENCY = re.compile(r"^(?i:" + _MONTH.replace("?P<month>", "?:") + r") \d{1,2} \(" + _AGENCY_NAME + r"\) [-–—]+ (?=[\"“'‘]?[A-Z])")
# The desk's note on a new version of a wire story, before it: "(Updates with Fitch downgrade of Portugal)",
# "(Corrects website name in 21st paragraph.)", "(Adds details, background; previous NEW YORK)".
_EDITORS_NOTE = re.compile(
    r"^\((?:Updates?|Corrects?|Adds?|Recasts?|Repeats?|Refiles?|Changes?|Fixes?|Removes?|Rewrites?|Writes? through|"
    r"Reissues?|Re-?ledes?)\b[^()]{0,200}\)\s*(?=\S)"
)
# A photo caption run into the story, ending with the photographer's credit: "Canadian pop star X kisses his bride
# ... Thursday March 31, 2011. (AP Photo/Natacha Pisarenko) ...", "Franco poses with a student. (Keith Lane) Ten
# years ago ...". The credit names a photo agency or a photographer, after the caption's full stop.
_CAPTION_CREDIT = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<=[a-z0-9,] ))\((?:(?:AP|AFP|Reuters|Getty|EPA|[A-Z][\w.&]+)(?:/[\w.&]+)?"
    r" ?(?:Photos?|Images?|Pictures?)(?:/[^()]{2,60}|: [^()]{2,60})?|(?:Photos?|Pictures?|Image) (?:by|courtesy of|:) [^()]{2,60})\) "
    r"|(?<=[.!?] )\((?P<name>[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\) (?=[\"“'‘]?[A-Z])"
)
_SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?][\"”’]? [\"“‘]?[A-Z]")
#: How far into the first paragraph a photo caption may end (a caption is one or two sentences).
_CAPTION_REACH = 350
# The same dateline further into the first paragraph, after a headline, a byline or a photo caption that lost their
# line breaks: "By Mark Cina LOS ANGELES (Hollywood Reporter) - As ...", "... paying off THURSDAY, March 31
# (HealthDay News) - The rate ...". The story starts after it.
_LATE_WIRE_DATELINE = re.compile(
    r"(?<=\s)[A-Z]{2,}[A-Z.'\-]*(?:[ /][A-Z]{2,}[A-Z.'\-]*){0,3}(?:,[^()\n]{0,40})?\s*"
    r"\([A-Z][\w.&\-]{1,20}(?: [A-Z][\w.&\-]{1,20}){0,2}\)\s*[-–—]+\s+(?=[A-Z\"“'‘])"
)
#: How far into the first paragraph such a dateline may be found (a headline, byline and caption fit in this).
_LATE_DATELINE_REACH = 400
# A dateline in capitals before a dash, without an agency, after a subheading that lost its line break: "Half of
# mothers give birth without trained help KABUL — More than a million ...". The words before it are lower case
# (a subheading, not a sentence that names "NATO — The ..."), and it must be followed by a capitalised word.
_LATE_CAPS_DATELINE = re.compile(
    r"(?<=[a-z,;:.!?)] )(?P<place>[A-Z]{3,}[A-Z.'\-]*(?:[ /][A-Z]{2,}[A-Z.'\-]*){0,3}"
    r"(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2})?) [-–—]+ (?=[A-Z\"“'‘][a-z]*\b)"
)


#: The US cities that stand alone in a dateline, without their state (AP Stylebook, "datelines"); most of them name no
#: time zone, so :func:`known_places` does not hold them.
AP_DATELINE_CITIES = frozenset(city.replace("_", " ") for city in
    """atlanta baltimore boston chicago cincinnati cleveland dallas denver detroit honolulu houston indianapolis
    las_vegas los_angeles miami milwaukee minneapolis new_orleans new_york oklahoma_city philadelphia phoenix
    pittsburgh st._louis salt_lake_city san_antonio san_diego san_francisco seattle washington""".split())


#: The US states, by name and by the AP Stylebook's abbreviation in datelines ("Lansing, Mich."; eight states are
#: never abbreviated): the region of a US dateline, which :func:`known_places` (countries and cities) lacks.
US_STATES = frozenset(state.replace("_", " ") for state in
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma
    oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington
    west_virginia wisconsin wyoming d.c ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis wyo""".split())


def _late_caps_dateline(text: str) -> re.Match[str] | None:
    """:data:`_LATE_CAPS_DATELINE` in the reach of a late dateline, when it names a place (:func:`_names_place`); an
    acronym before a dash ("NATO — The") is none."""
    m = _LATE_CAPS_DATELINE.search(text, 0, _LATE_DATELINE_REACH)
    return m if m is not None and _names_place(m.group("place")) else None


def _names_place(place: str) -> bool:
    """Whether a dateline's place in capitals is one: with its region ("HOUSTON, Texas"), a known city or country
    ("KABUL"), or a US city that stands alone ("LOS ANGELES"); not an acronym ("NATO", "IBM")."""
    place = place.lower()
    return "," in place or _known_city(place)


def _known_city(place: str) -> bool:
    """Whether ``place`` (in lower case) is a city or country a gazetteer holds (:func:`known_places`) or one of
    :data:`AP_DATELINE_CITIES`."""
    from .entities import known_places

    return place in known_places() or place in AP_DATELINE_CITIES


# A dateline in capitals before a dash, without an agency: "WASHINGTON — The ...", "TRIPOLI, Libya - ...",
# "CONCORD, N.H. - A ..." (a state's abbreviation in initials), "WASHINGTON • Like ..." (a bullet for the dash).
_CAPS_DATELINE = re.compile(
    r"^[A-Z]{3,}[A-Z.'\-]*(?:[ /][A-Z]{2,}[A-Z.'\-]*){0,3}(?:, (?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2}|"
    r"[A-Z]\.(?:[A-Z]\.)+))?\s+(?:[-–—]+|•)\s+"
    r"(?=[A-Z\"“'‘])"
)
# A dateline of a place in ordinary case and its country or state, before a dash: "Lima, Peru - Accused ...",
# "Austin, Texas — The ...". Only where the place is one (see :func:`_mixed_case_place`): "Smith, Jones - The"
# is no dateline.
_MIXED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), (?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){0,2}) [-–—]+ "
    r"(?=[\"“'‘]?[A-Z])"
)
# A byline run into the story, at the start of a paragraph or of a sentence: "By Eugenie Samuel Reich of Nature
# magazine Neutrinos ...", "By Abby Schultz and JeeYeon Park, CNBC.com Stocks ended ...". A name is two to four
# capitalised words; the story goes on with a capitalised word and then a word in lower case, so "By Election Day
# 1984, the ..." is no byline.
_NAME = r"[A-Z][a-zà-ÿ'’\-]*[A-Za-zà-ÿ'’\-]*\.?(?: [A-Z][A-Za-zà-ÿ'’\-]*\.?){1,3}"
_INLINE_BYLINE = re.compile(
    r"(?:^|(?<=[.!?][\"”’] )|(?<=[.!?] ))By (?P<name>" + _NAME + r"(?:,? and " + _NAME + r")?)"
    r"(?:,? (?:of|for) (?:the )?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3}(?: magazine| newspaper| staff)?"
    r"|, [A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,2})?"
    r" (?=(?!(?:of|for|and|in)\b)[\"“‘]?[A-Z][\w'’\-]*,? [a-z])"
)

# The wire's sign-off and contributor credits after the story: "REUTER", "(Reporting by ...; Editing by ...)".
_SIGN_OFF = re.compile(r"\s*\b(?:REUTERS?|Reuters?)\s*$")
_CREDIT_LINE = re.compile(
    r"^\(?(?:\(?(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Contributing|Research) by\b[^()]*\)?[;,.\s]*)+\)?$", re.I
)
# Page furniture that scrapers run into the text: "... scene. Scroll down for video A mother was ...", "... data
# Click to enlarge. Data: ..."
_INLINE_FURNITURE = re.compile(r"\s*\bScroll down for (?:video|videos|more|pictures|photos)\b[.:]?", re.I)
# Its full stop ends the sentence before it, and stays.
_CLICK_TO_ENLARGE = re.compile(r"\s*\bClick (?:here )?to enlarge(?: (?:image|photo|picture))?\b(?=[.!?])", re.I)
# A photo caption inside the story, closed by its credit: "... playoff-bound team. Fingertip control: Minnesota's
# Darko Milicic puts up a shot ... The Heat beat the Timberwolves 111-92. AP PHOTO Al Horford capped ...". From its
# label ("Fingertip control:") after a full stop to the credit; a credit without a label goes alone.
_INLINE_CAPTION = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|^)(?:[A-Z][\w'’\-]*(?: [a-z][\w'’\-]*){0,3}: [^:]{10,300}?\s)?"
    r"(?:AP|Reuters|AFP|Getty|EPA) (?:PHOTO|Photo|Images)\b\.?(?:\s+|$)"
)
# A link to a picture gallery run into the story: "... two days after. Pictures: Stars on stage The musical is ...".
# The gallery's name is one capital and at most four words in lower case (not "Video: Police said the man was
# arrested on Monday ..."); the story goes on with a capital and a word in lower
# case ("Pictures: Joel Anderson. Model: ..." is a credit, and stays).
_INLINE_GALLERY = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|^)(?:Pictures|Photos|Video|Gallery): [A-Z][\w'’\-]*(?: [a-z][\w'’\-]*){0,4} "
    r"(?=[\"“‘]?[A-Z][\w'’\-]* [a-z])"
)
# The credit of a chart or table run into the story: "... ComScore's data. Data: ComScore If you look closely ...".
# The story must go on with a word that opens sentences, so a credit's longer name is not cut ("Source: Denver Post
# research States' ...").
_INLINE_DATA_CREDIT = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] ))(?:Data|Source|Chart|Graphic)s?: [A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3} "
    r"(?=(?:If|The|A|An|In|On|At|It|This|That|These|Those|They|We|He|She|When|As|But|And|So|While) [a-z])"
)
# A photographer's credit run into the story, before a sentence: "Ron Lamkey / Getty Images Hate the health-care law?",
# "... on Monday. Jane Doe/AFP/Getty Images The talks ...": a name of one to four capitalised words, a slash and a
# photo agency (through another agency or two), then the story's next sentence.
_INLINE_PHOTO_CREDIT = re.compile(
    r"(?:(?<=[.!?] )|(?<=[.!?][\"”’] )|^)[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3} ?/ ?(?:(?:AFP|AP|EPA|Reuters|Pool) ?/ ?){0,2}"
    r"(?:Getty Images|AFP|AP|EPA|Reuters|Corbis|Rex Features|Shutterstock)\s+(?=[\"“‘]?[A-Z])"
)
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")

#: Whole lines that are site furniture, compared lower-cased without punctuation at the ends.
FURNITURE = frozenset(
    {
        "leave a review",
        "leave a comment",
        "follow us on social networks",
        "follow us",
        "follow us on",
        "news line",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "read more",
        "read also",
        "see also",
        "related news",
        "related articles",
        "related",
        "most read",
        "most popular",
        "latest news",
        "advertisement",
        "advertising",
        "subscribe",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "print",
        "comments",
        "comment",
        "click here",
        "all rights reserved",
        "back to top",
        "tags",
        "photo",
        "video",
        "loading",
        "skip to content",
        "skip to main content",
        "cookie policy",
        "accept cookies",
        "privacy policy",
        "terms of use",
        "home",
        "menu",
    }
)
_FURNITURE_PREFIX = re.compile(
    r"^(?:©|copyright\b|all rights reserved|tags?:|photo:|image:|source:|follow us\b|subscribe\b|share\b|read more\b|"
    r"read also\b|also read\b|related:|advertisement\b)",
    re.I,
)


@dataclass(frozen=True)
class Cleaned:
    text: str
    """The story: paragraphs separated by one blank line."""
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]


#: Every character that may be a control or format character (Unicode category C*): all of ASCII's but tab and
#: newline, and everything beyond ASCII, which _control_to_space then looks up one by one.
_MAYBE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\U0010ffff]")


def _control_to_space(match: re.Match[str]) -> str:
    ch = match.group()
    return " " if _is_control(ch) else ch


@functools.lru_cache(maxsize=8192)
def _is_control(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "C"


def normalize(text: str) -> str:
    """Unicode NFC, unified line ends, no zero-width or control characters, no runs of spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text)
    text = _MAYBE_CONTROL.sub(_control_to_space, text)
    text = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    return text


#: Hard-wrapped text: its lines end near one right margin of 40 to 100 columns.
_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 40, 100
#: Of the lines that another line follows, this share must reach to within _WRAP_SLACK columns of the margin.
_WRAP_FULL_SHARE = 0.5
_WRAP_SLACK = 18


#: How a paragraph after a short unpunctuated line (a title, a dateline) starts: a capital, perhaps quoted.
_PARAGRAPH_START = re.compile(r"^[\"'“‘(\[]?[A-Z]")


def _columns(line: str) -> int:
    return len(line.expandtabs(8).rstrip())


def _indents_mark_paragraphs(lines: list[str]) -> bool:
    """Whether indented lines start paragraphs: some lines but not most are indented, and no blank line separates paragraphs."""
    nonblank = [ln for ln in lines if ln.strip()]
    first, last = lines.index(nonblank[0]), len(lines) - lines[::-1].index(nonblank[-1])
    if any(not ln.strip() for ln in lines[first:last]):
        return False
    indented = sum(ln[:1] in (" ", "\t") for ln in nonblank)
    return 0 < indented < 0.8 * len(nonblank)


def _wrap_width(lines: list[str], indents: bool) -> int | None:
    """The right margin of hard-wrapped text (e-mail, wire copy, text archives), or None.

    Text is taken as hard-wrapped when nineteen in twenty of its lines (headlines in capitals aside)
    fit within a margin of 40-100 columns and at least half of the lines that another line of the same paragraph follows (at least
    two) reach close to it. Text whose paragraphs are whole lines (web pages, JSON fields) has lines
    far past any such margin; a list of short lines does not reach one.
    """
    # A headline in capitals is no wrapped line: it may run past the margin ("2 MICHIGAN PARENTS ARRESTED ...").
    lengths = sorted(_columns(ln) for ln in lines if ln.strip() and not is_all_caps(ln))
    if not lengths:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH or lengths[-1] > width + 25:
        return None
    followed = [
        _columns(ln) for ln, nxt in zip(lines, lines[1:])
        if ln.strip() and nxt.strip() and not (indents and nxt[:1] in (" ", "\t"))
    ]  # fmt: skip
    full = sum(n >= width - _WRAP_SLACK for n in followed)
    return width if len(followed) >= 2 and full >= _WRAP_FULL_SHARE * len(followed) else None


def unwrap(text: str) -> str:
    """Rejoin hard-wrapped lines into paragraphs; text that is not hard-wrapped comes back as it is.

    In hard-wrapped text a line break is a paragraph break only where the text marks one: a blank
    line, an indented line when the text indents its paragraphs, or a line that ends so short that
    the next word would have fitted on it (and ends a sentence, or is followed by a capital).
    Every other break was made by the wrapping and becomes a space (after a hyphen, nothing).
    Line ends may be LF, CRLF or CR; columns are counted before spaces are folded.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(ln.strip() for ln in lines):
        return text
    indents_mark_paragraphs = _indents_mark_paragraphs(lines)
    width = _wrap_width(lines, indents_mark_paragraphs)
    if width is None:
        return text
    paragraphs: list[str] = []
    current, previous_columns = "", 0
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current:
            first_word = re.split(r"[ \t]", line, maxsplit=1)[0]  # a no-break space does not break a word
            fits = previous_columns + 1 + len(first_word) <= width - 2
            if (indents_mark_paragraphs and raw[:1] in (" ", "\t")) or (
                fits and (is_sentence_like(current) or _PARAGRAPH_START.match(line) is not None)
            ):
                paragraphs.append(current)
                current = line
            elif current.endswith("-") and current[-2:-1].isalpha():  # a word broken at its hyphen
                current += line
            else:
                current += " " + line
        else:
            current = line
        previous_columns = _columns(raw)
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def parse_dateline(line: str) -> str | None:
    """ISO date of a line that is only a date (and perhaps a time and zone), else None."""
    line = line.strip()
    for pattern in _DATELINE_PATTERNS:
        m = pattern.match(line)
        if m:
            month_raw = m.group("month").lower().rstrip(".")
            month = MONTHS.get(month_raw) if not month_raw.isdigit() else int(month_raw)
            day, year = int(m.group("day")), int(m.group("year"))
            if month and 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


_LETTER = re.compile(r"[^\W\d_]")


def is_all_caps(text: str) -> bool:
    """Whether a line is written in capitals: four letters or more, none in lower case."""
    letters = _LETTER.findall(text)
    return len(letters) >= 4 and not any(ch.islower() for ch in letters)


def is_sentence_like(line: str) -> bool:
    return bool(_TERMINAL.search(line))


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def _key(line: str) -> str:
    return re.sub(r"^[\W_]+|[\W_]+$", "", line.lower())


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "OTHER"


def script_of(text: str) -> dict[str, int]:
    """Letters counted by script (the first word of the Unicode name: LATIN, CYRILLIC, ...)."""
    counts: dict[str, int] = {}
    ascii_letters = len(_ASCII_LETTER.findall(text))  # the only ASCII letters, all LATIN; counted in C
    if ascii_letters:
        counts["LATIN"] = ascii_letters
    for ch in _NON_ASCII.findall(text):
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + 1
    return counts


def _dominant(counts: dict[str, int]) -> str | None:
    return max(counts, key=lambda k: counts[k]) if counts else None


# A full stop the source lost between two sentences: "... in the run up to the general election And they believe
# ...". A word in lower case, then "And", "But" or a personal pronoun with a capital and a word in lower case: inside
# a sentence these are never capitalised ("I" aside, which is left alone), and titles capitalise the word after them
# too ("Love And Theft"). The word before may not be one that cannot end a sentence ("the", "of", "and").
_MISSING_STOP = re.compile(
    r"\b(?!(?:a|an|the|of|to|and|or|nor|in|on|at|by|for|with|from|into|than|that|as|if|but|because)\b)"
    r"(?P<word>[a-z]{2,}) (?=(?:And|But|They|He|She|We) [a-z]+\b)"
)


def restore_missing_stops(text: str) -> str:
    """Put back the full stop between two sentences run together without one (see :data:`_MISSING_STOP`), so
    that they split into two sentences rather than one that reads as broken."""
    return _MISSING_STOP.sub(r"\g<word>. ", text) if " " in text else text


def _mixed_case_place(m: re.Match[str]) -> bool:
    """Whether a :data:`_MIXED_DATELINE` names a place: a town in one of :data:`US_STATES` ("Lansing, Mich."), or a
    known city in a country (:func:`_known_city`: "Lima, Peru")."""
    from .entities import known_places

    region = m.group("region").lower().rstrip(".")
    return region in US_STATES or _known_city(m.group("place").lower()) and region in known_places()


#: What may open a wire story before its first word, in the order they come: a desk note, a dateline, an agency;
#: each with the check its match must pass, where its pattern alone would also match a sentence's start.
_STORY_PREFIXES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool] | None], ...] = (
    (_EDITORS_NOTE, None), (_WIRE_DATELINE, None), (_CAPS_DATELINE, None), (_DATE_AGENCY, None),
    (_CAPS_PLACE_AGENCY, lambda m: _names_place(m.group("place"))), (_PLACE_AGENCY, None),
    (_MIXED_DATELINE, _mixed_case_place), (_AGENCY_TAG, None),
)


def _strip_prefixes(text: str) -> str:
    for _ in range(4):  # "(Updates ...) LONDON (Reuters) - ", "(CBS/AP) VIENNA - ": a few, one after another
        before = text
        for pattern, check in _STORY_PREFIXES:
            m = pattern.match(text)
            if m is not None and (check is None or check(m)):
                text = text[m.end() :]
        if text == before:
            break
    return text


def _without_title(first: str, title: str | None) -> str:
    """The first paragraph without the title run into its start ("Joran van der Sloot living like king in prison,
    says slain woman's dad Lima, Peru - Accused ..." under that title): web copy often repeats the headline
    before the dateline. Only when the story goes on after it with a capitalised word."""
    if not title:
        return first
    words, head = title.split(), first.split(" ")
    if len(words) < 3 or len(head) <= len(words):
        return first
    if [w.lower() for w in head[: len(words)]] != [w.lower() for w in words]:
        return first
    rest = " ".join(head[len(words) :])
    return rest if rest[:1].isupper() or rest[:1] in "\"“'‘" else first


# The links a news site puts after a firm's name, with its ticker: "Goldman Sachs (GS.N: Quote, Profile, Research,
# Stock Buzz) and ...": the firm's name stays.
_QUOTE_LINKS = re.compile(r"\s*\((?:[\w.^=-]{1,12}:\s*)?Quote,\s+Profile,\s+Research(?:,\s+Stock\s+Buzz)?\)")

#: What scrapers run into a story's paragraphs, taken out in this order (see each pattern).
_INLINE_NOT_STORY = (_INLINE_CAPTION, _INLINE_GALLERY, _CLICK_TO_ENLARGE, _INLINE_DATA_CREDIT, _INLINE_PHOTO_CREDIT,
                     _QUOTE_LINKS)


def _without_inline_furniture(line: str) -> str:
    for pattern in _INLINE_NOT_STORY:
        line = pattern.sub("", line)
    return line


def _photographer(name: str) -> bool:
    """Whether a credit in brackets ("(Keith Lane)") reads as a person's name: a census given name first."""
    from .entities import given_names

    return name.split()[0].lower() in given_names()


def story_start(first: str, title: str | None = None) -> str:
    """The first paragraph from where the story starts.

    Wire copy on the web puts things before the story's first word that are not the story: a desk
    note ("(Updates with ...)"), a headline, byline or photo caption that lost its line break, a
    dateline ("BUENOS AIRES, Argentina (AP) - ", "April 1 (Bloomberg) - ") and an agency tag
    ("(CBS/AP)"). Taken as the first sentence, a caption or headline crowds the lead out of the
    summary, or repeats it. The text after the last of them is the story; a paragraph that has none
    comes back as it is. ``title``: the article's title, taken off the start when the paragraph
    repeats it before the story.
    """
    first = _strip_prefixes(_without_title(first, title))
    late = _LATE_WIRE_DATELINE.search(first, 0, _LATE_DATELINE_REACH)
    if late is None:
        late = _late_caps_dateline(first)
    if late is None:
        caption = _CAPTION_CREDIT.search(first, 0, _CAPTION_REACH)
        if caption is not None and caption.group("name") and not _photographer(caption.group("name")):
            caption = None  # "(Watch Video)", "(Related Stories)": not a photographer's credit
        # A caption is one sentence; a credit after two or more closes a picture inside the story, whose lead it is.
        if caption is not None and not _SENTENCE_BREAK.search(first, 0, max(0, caption.start() - 2)):
            late = caption
    if late is not None and first[late.end() :].strip():
        first = _strip_prefixes(first[late.end() :])
    return first


def clean(text: str, title: str | None = None) -> Cleaned:
    """Strip boilerplate from an article and pull out its title, date and byline."""
    warnings: list[str] = []
    lines = [ln.strip() for ln in normalize(unwrap(text)).split("\n")]
    lines = [ln for ln in lines if ln]
    # The wire's sign-off and credit lines are not the story (and no sign that it was cut off).
    while lines and (_CREDIT_LINE.match(lines[-1]) or not _SIGN_OFF.sub("", lines[-1])):
        lines.pop()
    if lines:
        lines[-1] = _SIGN_OFF.sub("", lines[-1])
    date: str | None = None
    bylines: list[str] = []
    agency_bylines: list[str] = []

    # A leading " date 2025-02-17" marker, possibly followed by text on the same line.
    if lines:
        m = _DATE_MARKER.match(lines[0])
        if m:
            date = m.group("date")
            rest = lines[0][m.end() :].strip()
            lines[0:1] = [rest] if rest else []

    # Title: given by the reader, or a first line that is not a sentence (repeated or not).
    if title:
        title = normalize(title).strip() or None
    body: list[str] = []
    head_done = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not head_done:
            iso = parse_dateline(line)
            if iso:
                date = date or iso
                i += 1
                continue
            m = _BYLINE.match(line)
            if m and len(m.group("name").split()) <= 6:
                name = m.group("name").strip().strip(",;:-–— ")
                (bylines if _looks_like_name(name) else agency_bylines).append(name)
                i += 1
                continue
            if title and _key(line) == _key(title):
                i += 1
                continue
            if not body and is_all_caps(line) and len(line.split()) <= 30:
                # A headline in capitals (wire copy): the title when none is known, never body text.
                title = title or line
                i += 1
                continue
            if title is None and not is_sentence_like(line) and 3 <= len(line.split()) <= 30 and not body:
                title = line
                i += 1
                continue
            if _looks_like_name(line) and not body:
                bylines.append(line)
                i += 1
                continue
            if is_sentence_like(line) and len(line.split()) >= 6:
                head_done = True
        body.append(line)
        i += 1

    # Site furniture and repeated lines.
    kept: list[str] = []
    furniture = 0
    for line in body:
        key = _key(line)
        if key in FURNITURE or (len(line.split()) <= 8 and _FURNITURE_PREFIX.match(line)):
            furniture += 1
            continue
        if kept and key == _key(kept[-1]):
            continue
        kept.append(line)

    # Short lines after the story that are not sentences are site furniture too.
    while kept and not is_sentence_like(kept[-1]) and len(kept[-1].split()) <= 6:
        kept.pop()
        furniture += 1

    # Lines in another script than the story's (a Russian teaser under an English article).
    dominant = _dominant(script_of(" ".join(kept)))
    foreign = 0
    if dominant:
        filtered = []
        for line in kept:
            counts = script_of(line)
            line_script = _dominant(counts)
            if line_script and line_script != dominant and counts[line_script] > 0.5 * sum(counts.values()):
                foreign += 1
                continue
            filtered.append(line)
        kept = filtered
    if foreign:
        warnings.append(f"left out {foreign} line(s) written in another script than the article")

    # Bylines run into the story's paragraphs.
    for n, line in enumerate(kept):
        if "By " in line:
            for m in _INLINE_BYLINE.finditer(line):
                name = m.group("name")
                (bylines if all(_looks_like_name(part) for part in name.split(" and ")) else agency_bylines).append(name)
            kept[n] = _INLINE_BYLINE.sub("", line)

    # Wire datelines, desk notes, photo captions and agency credits before the story's first sentence.
    if kept:
        kept[0] = story_start(kept[0], title)
    kept = [_without_inline_furniture(line) for line in kept]
    kept = [_AGENCY_TAIL.sub("", re.sub(" {2,}", " ", _INLINE_FURNITURE.sub(" ", line)).strip()) for line in kept]
    kept = [restore_missing_stops(line) for line in kept]
    kept = [line for line in kept if line]

    # An article cut off mid-sentence: drop the unfinished fragment.
    if kept and not any(re.search(r"[.!?…]", line) for line in kept):
        warnings.append("the text has no sentence-ending punctuation, so its sentences could only be guessed")
    elif kept and not is_sentence_like(kept[-1]) and not kept[-1].endswith((":", ";")):
        last = kept[-1]
        cut = max(last.rfind(". "), last.rfind("! "), last.rfind("? "), last.rfind(".” "), last.rfind('." '))
        if cut >= 0:
            kept[-1] = last[: cut + 1].rstrip() if last[cut] in ".!?" else last[: cut + 2].rstrip()
        else:
            kept.pop()
        warnings.append("the article seems cut off mid-sentence; its unfinished last sentence was left out")

    byline = ", ".join(dict.fromkeys(bylines)) or (", ".join(dict.fromkeys(agency_bylines)) or None)
    return Cleaned(text="\n\n".join(kept), title=title, date=date, byline=byline, warnings=tuple(warnings))
