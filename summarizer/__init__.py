"""summarizer: faithful extractive summaries, IPTC topics, keywords and entities for news articles."""

from __future__ import annotations

import logging

from .api import Summarizer
from .errors import InputError, ModelError, SummarizerError, UsageError
from .records import Article, Entity, Keyword, Result, Topic
from .settings import Settings

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article", "Entity", "InputError", "Keyword", "ModelError", "Result", "Settings", "Summarizer",
    "SummarizerError", "Topic", "UsageError", "__version__",
]
