"""DataFrames: to_frame, tidy tables, the Series accessor; pandas stays optional."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import newswire
import newswire.pandas  # noqa: F401  (registers Series.newswire)


@pytest.fixture()
def series(reference_text: str, stories: list[str]) -> pd.Series:
    return pd.Series([reference_text, *stories], index=[f"doc{i}" for i in range(6)], name="text")


def test_import_newswire_does_not_import_pandas() -> None:
    code = "import sys, newswire; newswire.parse('A\\n\\nB.'); assert 'pandas' not in sys.modules; " \
           "assert 'pyarrow' not in sys.modules; assert 'numpy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_to_frame_rows_index_and_dtypes(series: pd.Series) -> None:
    df = newswire.to_frame(series)
    assert list(df.index) == list(series.index)
    assert list(df.columns) == list(newswire._newswire.ARTICLE_COLUMNS)
    assert isinstance(df["agency"].dtype, pd.CategoricalDtype)
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    assert str(df["updated"].dtype) == "datetime64[ns, UTC]"
    assert str(df["published_local"].dtype) == "datetime64[ns]"
    assert df["paragraphs"].dtype == np.int64
    ref = df.loc["doc0"]
    assert ref["headline"] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert ref["agency"] == "FNA" and ref["agency_name"] == "Fars News Agency"
    assert ref["dateline_city"] == "Tehran" and ref["dateline_country"] == "IR"
    assert ref["published_local"] == pd.Timestamp("2020-11-25 14:25")
    assert ref["updated_local"] == pd.Timestamp("2021-01-26 15:05")
    assert ref["paragraphs"] == 10
    assert df.loc["doc1", "agency"] == "REUTERS" and df.loc["doc3", "agency"] == "AFP"
    assert isinstance(ref["authors"], list) and isinstance(ref["topics"], list)


def test_to_frame_matches_the_articles(series: pd.Series) -> None:
    df = newswire.to_frame(series)
    for label, article in zip(series.index, newswire.parse_many(series)):
        assert article is not None
        row = df.loc[label]
        assert row["headline"] == (article.headline.text if article.headline else None) or pd.isna(row["headline"])
        assert row["speakers"] == [s.name for s in article.speakers]
        assert row["topics"] == [t.code for t in article.topics]
        assert row["body"] == article.body
        if article.published is not None and article.published.utcoffset is not None:
            assert row["published"] == pd.Timestamp(article.published.datetime)


def test_to_frame_from_parsed_articles_equals_from_texts(series: pd.Series) -> None:
    from_texts = newswire.to_frame(series.tolist())
    from_articles = newswire.to_frame(newswire.parse_many(series))
    pd.testing.assert_frame_equal(from_texts, from_articles)


def test_errors_coerce_adds_an_error_column(series: pd.Series) -> None:
    bad = pd.concat([series, pd.Series(["", None], index=["empty", "missing"])])
    with pytest.raises(newswire.ParseError, match="item 6"):
        newswire.to_frame(bad)
    df = newswire.to_frame(bad, errors="coerce")
    assert list(df.index) == list(bad.index)
    assert df["error"].isna().sum() == 6
    assert "empty input" in df.loc["empty", "error"]
    assert "expected str or bytes" in df.loc["missing", "error"]
    assert pd.isna(df.loc["empty", "headline"]) and pd.isna(df.loc["empty", "published"])
    ignored = newswire.to_frame(bad, errors="ignore")
    assert list(ignored.index) == list(series.index) and "error" not in ignored


def test_columns_selection(series: pd.Series) -> None:
    df = newswire.to_frame(series, columns=["agency", "headline"])
    assert list(df.columns) == ["agency", "headline"]
    with pytest.raises(ValueError, match='unknown column "nope"'):
        newswire.to_frame(series, columns=["nope"])


def test_empty_input_gives_typed_empty_frame() -> None:
    df = newswire.to_frame([])
    assert len(df) == 0 and list(df.columns) == list(newswire._newswire.ARTICLE_COLUMNS)
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"


def test_dataframe_and_single_text_are_rejected(series: pd.Series) -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        newswire.to_frame(series.to_frame())
    with pytest.raises(TypeError, match="single text"):
        newswire.to_frame("just one text")


def _tidy_expected(series: pd.Series, rows_of) -> list[tuple]:
    expected = []
    for label, article in zip(series.index, newswire.parse_many(series)):
        assert article is not None
        expected += [(label, *row) for row in rows_of(article)]
    return expected


def test_speakers_frame_is_tidy_and_keyed(series: pd.Series) -> None:
    df = newswire.speakers_frame(series)
    assert list(df.columns) == list(newswire._newswire.SPEAKER_COLUMNS)
    assert df.index.name == "article"
    expected = _tidy_expected(series, lambda a: [(s.name, s.title, len(s.quotes)) for s in a.speakers])
    # `row.name` is the row's index label in pandas, so columns are read by key.
    got = [
        (label, r["name"], r["title"] if isinstance(r["title"], str) else None, r["quotes"])
        for label, r in df.iterrows()
    ]
    assert got == expected


def test_quotes_frame_is_tidy_and_keyed(series: pd.Series) -> None:
    df = newswire.quotes_frame(series)
    assert list(df.columns) == list(newswire._newswire.QUOTE_COLUMNS)
    expected = _tidy_expected(series, lambda a: [(s.name, q.text, q.span.start, q.span.end) for s, q in a.quotes()])
    got = [(label, r.speaker, r.text, r.start, r.end) for label, r in df.iterrows()]
    assert got == expected
    for label, r in df.iterrows():
        assert series[label][r.start : r.end] or r.kind == "indirect"


def test_topics_frame_is_tidy_and_keyed(series: pd.Series) -> None:
    named = series.rename_axis("doc_id")
    df = newswire.topics_frame(named)
    assert df.index.name == "doc_id"
    assert list(df.columns) == list(newswire._newswire.TOPIC_COLUMNS)
    expected = _tidy_expected(named, lambda a: [(i, t.code, t.score) for i, t in enumerate(a.topics)])
    got = [(label, r["rank"], r["code"], r["score"]) for label, r in df.iterrows()]
    assert got == expected


def test_series_accessor(series: pd.Series) -> None:
    df = pd.DataFrame({"text": series})
    parsed = df.text.newswire.parse()
    pd.testing.assert_frame_equal(parsed, newswire.to_frame(series))
    joined = df.join(parsed[["headline", "agency"]])
    assert joined.loc["doc0", "agency"] == "FNA"
    articles = df.text.newswire.articles()
    assert list(articles.index) == list(df.index)
    assert articles["doc0"] == newswire.parse(series["doc0"])
    pd.testing.assert_frame_equal(df.text.newswire.speakers(), newswire.speakers_frame(series))
    pd.testing.assert_frame_equal(df.text.newswire.quotes(), newswire.quotes_frame(series))
    pd.testing.assert_frame_equal(df.text.newswire.topics(), newswire.topics_frame(series))


def test_accessor_error_modes(series: pd.Series) -> None:
    s = pd.concat([series.iloc[:2], pd.Series([""], index=["bad"])])
    with pytest.raises(newswire.ParseError):
        s.newswire.articles()
    coerced = s.newswire.articles(errors="coerce")
    assert coerced["bad"] is None
    assert list(s.newswire.articles(errors="ignore").index) == list(series.index[:2])
    assert s.newswire.parse(errors="coerce").loc["bad", "error"].startswith("empty input")


def test_accessor_refuses_non_text_series() -> None:
    with pytest.raises(AttributeError, match="str or bytes"):
        pd.Series([1, 2, 3]).newswire
    with pytest.raises(AttributeError, match="str or bytes"):
        pd.Series([1.5, None], dtype=object).newswire


def test_accessor_on_pandas_string_dtype(series: pd.Series) -> None:
    typed = series.astype("string")
    pd.testing.assert_frame_equal(typed.newswire.parse(), newswire.to_frame(series))


def test_frame_without_pyarrow_has_the_same_values(series: pd.Series, monkeypatch: pytest.MonkeyPatch) -> None:
    with_arrow = newswire.to_frame(series, errors="coerce")
    monkeypatch.setattr(newswire._frames, "_have_pyarrow", lambda: False)
    without = newswire.to_frame(series, errors="coerce")
    assert isinstance(without.loc["doc0", "authors"], list)
    pd.testing.assert_frame_equal(with_arrow.astype(object), without.astype(object))
