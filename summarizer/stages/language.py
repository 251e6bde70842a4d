"""Is an article in English? Cheap check first, a real language identifier only when in doubt.

English news text is dense with function words ("the", "of", "and" ...); when enough of them are
there, the article is taken as English at no cost. Otherwise py3langid (loaded on first need,
about two seconds) names the language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at it from be are this have has an which said were "
    "not but or its his he she her their they will would been had who after also".split()
)
_WORD = re.compile(r"[^\W\d_]+")

#: Names for the codes most often met in news archives; others are shown as their ISO 639-1 code.
LANGUAGE_NAMES = {
    "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "ka": "Georgian", "kk": "Kazakh", "ko": "Korean", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "zh": "Chinese",
}


def english_share(text: str, max_words: int = 400) -> float:
    words = _WORD.findall(text[: max_words * 12].lower())[:max_words]
    if not words:
        return 0.0
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_non_english(text: str) -> str | None:
    """The ISO 639-1 code of the article's language when it is confidently not English, else None."""
    if english_share(text) >= 0.12:
        return None
    try:
        lang, prob = _identifier().classify(text[:5000])
    except ImportError:  # the identifier is an ordinary dependency; be safe if it was removed
        return None
    return str(lang) if lang != "en" and prob >= 0.5 else None


def non_english_warning(code: str) -> str:
    name = LANGUAGE_NAMES.get(code, code)
    return (f"the article seems to be in {name} ({code}), not English: the models are made for English, so "
            "topics, keywords and entities may be poor; the summary still uses the article's own sentences")
