"""The reference article, the model's Python surface and the to_dict() contract."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import newswire


@pytest.fixture(scope="module")
def article(reference_text: str) -> newswire.Article:
    return newswire.parse(reference_text)


def test_headline(article: newswire.Article) -> None:
    assert article.headline is not None
    assert article.headline.text == "Iranian, Kazakh Scholars Discuss Further Cooperation"


def test_agency(article: newswire.Article) -> None:
    assert article.agency is not None
    assert (article.agency.code, article.agency.name, article.agency.country) == ("FNA", "Fars News Agency", "IR")


def test_dateline(article: newswire.Article) -> None:
    assert article.dateline is not None
    assert (article.dateline.city, article.dateline.country) == ("Tehran", "IR")
    assert article.dateline.text.startswith("TEHRAN")


def test_timestamps(article: newswire.Article) -> None:
    assert article.published is not None and article.updated is not None
    assert article.published.local == dt.datetime(2020, 11, 25, 14, 25)
    assert article.updated.local == dt.datetime(2021, 1, 26, 15, 5)
    # No zone is written; Tehran's is inferred from the agency and flagged as such.
    if article.published.utcoffset is not None:
        assert article.published.zone_inferred
        assert article.published.datetime.utcoffset() == article.published.utcoffset
    else:
        assert article.published.datetime.tzinfo is None


def test_ten_paragraphs_in_order(article: newswire.Article, reference_text: str) -> None:
    paragraphs = article.paragraphs
    assert len(paragraphs) == 10
    assert paragraphs[0].text.startswith("TEHRAN (FNA)- Iranian and Kazakh thinkers")
    assert paragraphs[-1].text.startswith("The two parties also exchanged views")
    starts = [p.span.start for p in paragraphs]
    assert starts == sorted(starts)


def test_spans_are_code_point_offsets(article: newswire.Article, reference_text: str) -> None:
    # The header has non-breaking spaces and the body curly quotes: byte and code-point offsets
    # differ after them, so every slice below checks the conversion.
    assert any(ord(c) > 127 for c in reference_text[: article.headline.span.start])  # type: ignore[union-attr]
    for value in [article.headline, *article.paragraphs]:
        assert value is not None
        assert reference_text[value.span.start : value.span.end] == value.text
        assert reference_text[value.span.slice()] == value.text
    for ts in (article.published, article.updated):
        assert ts is not None
        assert reference_text[ts.span.start : ts.span.end] == ts.text
    assert article.dateline is not None
    assert reference_text[article.dateline.span.start : article.dateline.span.end] == article.dateline.text


def test_to_dict_contract(article: newswire.Article) -> None:
    d = article.to_dict()
    json.dumps(d)  # plain JSON-safe types only
    assert d["headline"] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert d["agency"]["code"] == "FNA" and d["agency"]["name"] == "Fars News Agency"
    assert {"city", "region", "country", "date", "text"} <= d["dateline"].keys()
    assert d["dateline"]["city"] == "Tehran" and d["dateline"]["country"] == "IR"
    assert d["published"].startswith("2020-11-25T14:25")
    assert d["updated"].startswith("2021-01-26T15:05")
    assert isinstance(d["authors"], list)
    for speaker in d["speakers"]:
        assert {"name", "title", "organization", "quotes"} <= speaker.keys()
        for quote in speaker["quotes"]:
            assert {"text", "start", "end"} <= quote.keys()
    for topic in d["topics"]:
        assert {"code", "label", "score", "top_level"} <= topic.keys()
    assert len(d["paragraphs"]) == 10
    p = d["paragraphs"][3]
    assert p == {"text": article.paragraphs[3].text, "start": article.paragraphs[3].span.start,
                 "end": article.paragraphs[3].span.end}


def test_value_objects_are_frozen_and_compare_by_value(article: newswire.Article, reference_text: str) -> None:
    again = newswire.parse(reference_text)
    assert again == article and again is not article
    assert again.agency == article.agency and hash(again.agency) == hash(article.agency)
    assert len({article.dateline, again.dateline}) == 1
    with pytest.raises(AttributeError):
        article.headline = None  # type: ignore[misc]
    with pytest.raises(AttributeError):
        article.agency.code = "AP"  # type: ignore[misc, union-attr]
    assert article != newswire.parse("Other Headline\n\nBody text here.")


def test_reprs_are_short(article: newswire.Article) -> None:
    text = repr(article)
    assert text.startswith("Article(headline='Iranian, Kazakh") and "agency='FNA'" in text
    assert len(text) < 250
    assert repr(article.agency) == "Agency('FNA', 'Fars News Agency', country='IR')"
    assert repr(article.dateline).startswith("Dateline('Tehran', country='IR'")
    assert repr(newswire.Span(3, 9)) == "Span(3, 9)"
    assert repr(article.published).startswith("Timestamp('2020-11-25T14:25:00")


def test_span_behaves_like_a_range() -> None:
    span = newswire.Span(2, 7)
    assert (span.start, span.end, len(span), tuple(span)) == (2, 7, 5, (2, 7))
    assert "abcdefghij"[span.slice()] == "cdefg"
    assert newswire.Span(1, 2) < span
    assert {span: 1}[newswire.Span(2, 7)] == 1


def test_body_and_quotes(article: newswire.Article) -> None:
    assert article.body.split("\n\n") == [p.text for p in article.paragraphs]
    flat = article.quotes()
    assert len(flat) == sum(len(s.quotes) for s in article.speakers)
    assert [q.span for _, q in flat] == sorted(q.span for _, q in flat)


def test_no_structure_is_not_an_error() -> None:
    article = newswire.parse("Just some words without a headline or dateline.")
    assert [p.text for p in article.paragraphs] or article.headline is not None


def test_version() -> None:
    assert isinstance(newswire.__version__, str) and newswire.__version__.count(".") >= 2
