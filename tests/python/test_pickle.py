"""Articles, value types, parsers and errors survive pickling (multiprocessing, Dask, Spark)."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import newswire

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_article_round_trip(reference_text: str, protocol: int) -> None:
    article = newswire.parse(reference_text)
    clone = pickle.loads(pickle.dumps(article, protocol=protocol))
    assert clone == article
    assert type(clone) is newswire.Article
    assert clone.to_dict() == article.to_dict()


def test_every_value_type_round_trips(reference_text: str, stories: list[str]) -> None:
    values: list[object] = [newswire.Span(1, 4)]
    for article in newswire.parse_many([reference_text, *stories]):
        assert article is not None
        values += [article.headline, article.agency, article.dateline, article.published, article.updated]
        for name in ("cited_agencies", "authors", "header", "paragraphs", "sign_off", "speakers",
                     "organizations", "topics", "keyphrases", "dates", "warnings"):
            values += getattr(article, name)
        for speaker in article.speakers:
            values += speaker.quotes
        for topic in article.topics:
            values += topic.evidence
    values = [v for v in values if v is not None]
    kinds = {type(v).__name__ for v in values}
    assert {"Span", "Text", "Agency", "Dateline", "Timestamp"} <= kinds
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value


def test_parser_round_trip_keeps_its_options() -> None:
    parser = newswire.Parser(
        max_input_bytes=1000,
        agencies=[{"code": "ZNA", "name": "Zeta News Agency"}],
        topics=[{"code": "medtop:15000000", "weight": 3.0, "terms": ["zorblat"]}],
        encoding_errors="replace",
    )
    clone = pickle.loads(pickle.dumps(parser))
    story = "Quake Hits Coast\n\nLIMA (ZNA) - A strong quake shook the coast.\n\nMore follows."
    assert clone.parse(story) == parser.parse(story)
    assert clone.parse(story).agency.code == "ZNA"  # type: ignore[union-attr]
    sport = "Zorblat Results\n\nOSLO (Reuters) - The zorblat final ended late on Sunday."
    assert clone.parse(sport).topics[0].code == "medtop:15000000"
    assert clone.parse(b"Headline\n\nBody \xff text.") == parser.parse(b"Headline\n\nBody \xff text.")
    with pytest.raises(newswire.ParseError, match="too large"):
        clone.parse("x" * 2000)
    assert repr(clone) == repr(parser)


def test_parse_error_pickles() -> None:
    try:
        newswire.parse("")
    except newswire.ParseError as e:
        clone = pickle.loads(pickle.dumps(e))
        assert type(clone) is newswire.ParseError and str(clone) == str(e)


def _parse_in_worker(text: str) -> newswire.Article:
    return newswire.parse(text)


def test_articles_cross_process_boundaries(stories: list[str]) -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = list(pool.map(_parse_in_worker, stories[:3]))
    assert remote == newswire.parse_many(stories[:3])
