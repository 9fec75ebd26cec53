"""Tables of parsed articles for pandas and Arrow, built column by column in Rust.

pandas, numpy and pyarrow are imported inside the functions, so ``import newswire`` stays light.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from newswire import _newswire

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from newswire._newswire import Article, Parser

Errors = Literal["raise", "coerce", "ignore"]
_Table = Literal["articles", "speakers", "quotes", "topics"]


def _items(data: Any) -> tuple[list[Any], Any]:
    """The items as a list plus the caller's pandas index (``None`` for plain iterables)."""
    index = None
    if hasattr(data, "index") and hasattr(data, "dtype"):  # a pandas Series
        index = data.index
        items = data.tolist()
    elif hasattr(data, "columns") and hasattr(data, "index"):
        raise TypeError("to_frame takes a Series or an iterable of texts; pass df['text'], not a DataFrame")
    elif isinstance(data, (str, bytes)):
        raise TypeError("expected an iterable of texts, got a single text; use newswire.parse()")
    elif isinstance(data, list):
        items = data
    else:
        items = list(data)
    return items, index


def _table(
    data: Any,
    which: _Table,
    columns: Sequence[str] | None,
    errors: Errors,
    threads: int | None,
    parser: Parser | None,
    arrow: bool,
) -> tuple[bytes, list[tuple[str, str, Any]], list[Any], Any]:
    items, index = _items(data)
    cols = list(columns) if columns is not None else None
    source: Any = _newswire if parser is None else parser
    positions, table = source._table(items, which, columns=cols, errors=errors, threads=threads, arrow=arrow)
    return positions, table, items, index


def _have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _row_index(positions: bytes, n_items: int, index: Any) -> pd.Index:
    import numpy as np
    import pandas as pd

    pos = np.frombuffer(positions, dtype=np.int64)
    if index is None:
        return pd.RangeIndex(n_items).take(pos)
    return index.take(pos)


def _string_dtype() -> Any:
    """pandas' default string dtype: ``str`` (NaN for missing) from pandas 3, else ``object``."""
    import pandas as pd

    major = int(pd.__version__.split(".", 1)[0])
    return "str" if major >= 3 else object


def _pandas_column(kind: str, payload: Any) -> Any:
    import numpy as np
    import pandas as pd

    if kind == "utf8":
        # pandas picks its default string dtype: zero-copy `str` from pandas 3, objects before.
        return _arrow_column(kind, payload).to_pandas().array
    if kind == "utf8_list":
        return pd.arrays.ArrowExtensionArray(_arrow_column(kind, payload))
    if kind == "str":
        return pd.array(payload, dtype=_string_dtype())
    if kind == "list":
        values = np.empty(len(payload), dtype=object)
        values[:] = payload
        return values
    if kind in ("int64", "float64"):
        return np.frombuffer(payload, dtype=kind)
    if kind == "datetime_utc":
        return pd.DatetimeIndex(np.frombuffer(payload, dtype="M8[ns]")).tz_localize("UTC").array
    if kind == "datetime":
        return pd.DatetimeIndex(np.frombuffer(payload, dtype="M8[ns]")).array
    if kind == "category":
        codes, categories = payload
        return pd.Categorical.from_codes(np.frombuffer(codes, dtype=np.int32), categories=categories)
    raise ValueError(f"unknown column kind {kind!r}")


def _frame(data: Any, which: _Table, columns, errors, threads, parser, tidy: bool) -> pd.DataFrame:
    import pandas as pd

    positions, table, items, index = _table(data, which, columns, errors, threads, parser, _have_pyarrow())
    row_index = _row_index(positions, len(items), index)
    if tidy:
        row_index = row_index.rename(index.name if index is not None and index.name is not None else "article")
    frame = pd.DataFrame({name: _pandas_column(kind, payload) for name, kind, payload in table}, index=row_index)
    return frame


def to_frame(
    data: Iterable[str | bytes | Article] | pd.Series,
    *,
    errors: Errors = "raise",
    columns: Sequence[str] | None = None,
    threads: int | None = None,
    parser: Parser | None = None,
) -> pd.DataFrame:
    """Parse texts into a pandas DataFrame, one row per article.

    ``data`` is a pandas Series (its index is kept) or any iterable of ``str``/``bytes`` texts or
    already parsed :class:`Article` objects. Texts are parsed in parallel with the GIL released and
    the columns are built in Rust. Dtypes: ``published``/``updated`` tz-aware UTC ``datetime64``
    (``NaT`` when the zone is unknown; ``*_local`` hold the wall-clock time as written), ``agency``
    and ``topic`` categorical, ``authors``/``speakers``/``topics``/``warnings`` lists of strings.

    ``errors``: ``"raise"`` raises :class:`ParseError` (or ``TypeError`` for non-text items) for
    the first bad item; ``"coerce"`` keeps the row with empty values and adds an ``error`` column;
    ``"ignore"`` drops the row. ``columns`` selects columns (see ``newswire._newswire.ARTICLE_COLUMNS``).
    """
    return _frame(data, "articles", columns, errors, threads, parser, tidy=False)


def speakers_frame(
    data: Iterable[str | bytes | Article] | pd.Series,
    *,
    errors: Errors = "raise",
    threads: int | None = None,
    parser: Parser | None = None,
) -> pd.DataFrame:
    """One row per speaker (name, title, organization, country, honorifics, mentions, quotes).

    The index holds the article's label from the caller's index (named ``article`` when unnamed),
    repeated for each speaker, ready for ``groupby(level=0)`` or a join with :func:`to_frame`.
    Articles that fail are skipped unless ``errors="raise"``.
    """
    return _frame(data, "speakers", None, errors, threads, parser, tidy=True)


def quotes_frame(
    data: Iterable[str | bytes | Article] | pd.Series,
    *,
    errors: Errors = "raise",
    threads: int | None = None,
    parser: Parser | None = None,
) -> pd.DataFrame:
    """One row per quote in text order (speaker, text, start, end, kind, cue), keyed by article."""
    return _frame(data, "quotes", None, errors, threads, parser, tidy=True)


def topics_frame(
    data: Iterable[str | bytes | Article] | pd.Series,
    *,
    errors: Errors = "raise",
    threads: int | None = None,
    parser: Parser | None = None,
) -> pd.DataFrame:
    """One row per assigned topic (rank, code, label, score, top_level), keyed by article."""
    return _frame(data, "topics", None, errors, threads, parser, tidy=True)


def _arrow_column(kind: str, payload: Any) -> pa.Array:
    import numpy as np
    import pyarrow as pa

    if kind == "utf8":
        offsets, data, validity, nulls = payload
        buffers = [None if validity is None else pa.py_buffer(validity), pa.py_buffer(offsets), pa.py_buffer(data)]
        return pa.Array.from_buffers(pa.large_string(), len(offsets) // 8 - 1, buffers, null_count=nulls)
    if kind == "utf8_list":
        list_offsets, child = payload
        values = _arrow_column("utf8", child)
        return pa.Array.from_buffers(
            pa.large_list(pa.large_string()), len(list_offsets) // 8 - 1, [None, pa.py_buffer(list_offsets)],
            null_count=0, children=[values],
        )
    if kind in ("int64", "float64"):
        return pa.array(np.frombuffer(payload, dtype=kind))
    if kind in ("datetime_utc", "datetime"):
        tz = "UTC" if kind == "datetime_utc" else None
        values = np.frombuffer(payload, dtype=np.int64)
        return pa.array(values, type=pa.int64(), mask=values == np.iinfo(np.int64).min).cast(pa.timestamp("ns", tz=tz))
    if kind == "category":
        codes, categories = payload
        indices = np.frombuffer(codes, dtype=np.int32)
        return pa.DictionaryArray.from_arrays(
            pa.array(indices, mask=indices < 0), pa.array(categories, type=pa.string())
        )
    raise ValueError(f"unknown column kind {kind!r}")


def to_arrow(
    data: Iterable[str | bytes | Article] | pd.Series,
    *,
    table: _Table = "articles",
    errors: Errors = "raise",
    columns: Sequence[str] | None = None,
    threads: int | None = None,
    parser: Parser | None = None,
) -> pa.Table:
    """Parse texts into a ``pyarrow.Table`` (``table`` = articles, speakers, quotes or topics).

    The first column, ``article``, is the position of the article in ``data`` (or its label when
    ``data`` is a pandas Series). The table exposes ``__arrow_c_stream__``, so polars takes it
    without copying: ``polars.from_arrow(newswire.to_arrow(texts))``.
    """
    import pyarrow as pa

    positions, cols, items, index = _table(data, table, columns, errors, threads, parser, True)
    row_index = _row_index(positions, len(items), index)
    arrays = {"article": pa.array(row_index.to_numpy())}
    for name, kind, payload in cols:
        arrays[name] = _arrow_column(kind, payload)
    return pa.table(arrays)
