"""newswire: parse wire-service news copy into typed data.

>>> import newswire
>>> article = newswire.parse("Quake Hits Coast\\n\\nLIMA (Reuters) - A strong earthquake shook Peru.")
>>> article.headline.text, article.agency.code, article.dateline.city
('Quake Hits Coast', 'REUTERS', 'Lima')

The parsing is done in Rust (``newswire._newswire``); spans are Python ``str`` offsets. Batches
(:func:`parse_many`, :func:`to_frame`) run in parallel with the GIL released. Tables for pandas and
Arrow are built column by column in Rust; pandas and pyarrow are imported only when those functions
are called, and ``import newswire.pandas`` registers the ``Series.newswire`` accessor.
"""

from __future__ import annotations

from newswire._frames import quotes_frame, speakers_frame, to_arrow, to_frame, topics_frame
from newswire._newswire import (
    DEFAULT_MAX_INPUT_BYTES,
    Agency,
    Article,
    Author,
    Dateline,
    DateMention,
    Evidence,
    Keyphrase,
    Organization,
    ParseError,
    Parser,
    Quote,
    Source,
    Span,
    Speaker,
    Text,
    Timestamp,
    Topic,
    Warning,
    __version__,
    parse,
    parse_many,
)

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "Agency",
    "Article",
    "Author",
    "DateMention",
    "Dateline",
    "Evidence",
    "Keyphrase",
    "Organization",
    "ParseError",
    "Parser",
    "Quote",
    "Source",
    "Span",
    "Speaker",
    "Text",
    "Timestamp",
    "Topic",
    "Warning",
    "__version__",
    "parse",
    "parse_many",
    "quotes_frame",
    "speakers_frame",
    "to_arrow",
    "to_frame",
    "topics_frame",
]
