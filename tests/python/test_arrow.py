"""Arrow export and polars interop."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pyarrow as pa

import newswire


def test_to_arrow_schema(reference_text: str, stories: list[str]) -> None:
    table = newswire.to_arrow([reference_text, *stories])
    assert table.num_rows == 6
    schema = table.schema
    assert schema.field("article").type == pa.int64()
    assert schema.field("headline").type == pa.large_string()
    assert pa.types.is_dictionary(schema.field("agency").type)
    assert schema.field("published").type == pa.timestamp("ns", tz="UTC")
    assert schema.field("published_local").type == pa.timestamp("ns")
    assert schema.field("authors").type == pa.large_list(pa.large_string())
    assert schema.field("paragraphs").type == pa.int64()
    row = table.slice(0, 1).to_pylist()[0]
    assert row["headline"] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert row["agency"] == "FNA" and row["paragraphs"] == 10
    assert table.column("article").to_pylist() == list(range(6))


def test_to_arrow_matches_to_frame(reference_text: str, stories: list[str]) -> None:
    texts = pd.Series([reference_text, *stories], index=list("abcdef"))
    table = newswire.to_arrow(texts)
    frame = newswire.to_frame(texts)
    assert table.column("article").to_pylist() == list("abcdef")
    assert table.column("headline").to_pylist() == [None if pd.isna(h) else h for h in frame["headline"]]
    published = table.column("published").to_pandas()
    assert list(published.isna()) == list(frame["published"].isna())


def test_tidy_tables_in_arrow(stories: list[str]) -> None:
    for table_name, columns in [("speakers", newswire._newswire.SPEAKER_COLUMNS),
                                ("quotes", newswire._newswire.QUOTE_COLUMNS),
                                ("topics", newswire._newswire.TOPIC_COLUMNS)]:
        table = newswire.to_arrow(stories, table=table_name)
        assert table.column_names == ["article", *columns]


def test_arrow_c_stream_and_polars(reference_text: str, stories: list[str]) -> None:
    table = newswire.to_arrow([reference_text, *stories], errors="coerce")
    assert hasattr(table, "__arrow_c_stream__")
    df = pl.from_arrow(table)
    assert isinstance(df, pl.DataFrame)
    assert df.height == 6
    assert df["headline"][0] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert df.schema["published"] == pl.Datetime("ns", "UTC")
    # polars takes any object exposing the Arrow C stream interface.
    assert pl.DataFrame(table).equals(df)


def test_errors_coerce_in_arrow() -> None:
    table = newswire.to_arrow(["Headline\n\nBody text.", ""], errors="coerce")
    assert table.column("error").to_pylist()[0] is None
    assert table.column("error").to_pylist()[1].startswith("empty input")
