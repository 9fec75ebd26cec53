"""The ``Series.newswire`` accessor for pandas (opt-in: ``import newswire.pandas``).

>>> import pandas as pd, newswire.pandas
>>> df = pd.DataFrame({"text": ["Quake Hits Coast\\n\\nLIMA (Reuters) - A strong quake shook Peru."]})
>>> df.text.newswire.parse()[["headline", "agency", "dateline_city"]]
           headline   agency dateline_city
0  Quake Hits Coast  REUTERS          Lima

Every method keeps the Series' index: ``parse()`` gives one row per article, ``speakers()``,
``quotes()`` and ``topics()`` give tidy tables whose index repeats the article's label.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

import newswire
from newswire._frames import Errors

if TYPE_CHECKING:
    from newswire._newswire import Parser

__all__ = ["NewswireAccessor"]


@pd.api.extensions.register_series_accessor("newswire")
class NewswireAccessor:
    """Parse a Series of article texts (``str`` or UTF-8 ``bytes``)."""

    def __init__(self, series: pd.Series) -> None:
        if not (pd.api.types.is_string_dtype(series.dtype) or series.dtype == object):
            raise AttributeError(f"the .newswire accessor needs a Series of str or bytes, not {series.dtype}")
        if series.dtype == object:
            first = series.dropna().head(1)
            if len(first) and not isinstance(first.iloc[0], (str, bytes)):
                raise AttributeError(
                    f"the .newswire accessor needs a Series of str or bytes, not {type(first.iloc[0]).__name__}"
                )
        self._series = series

    def parse(
        self,
        *,
        errors: Errors = "raise",
        columns: Sequence[str] | None = None,
        threads: int | None = None,
        parser: Parser | None = None,
    ) -> pd.DataFrame:
        """One row per article, indexed like the Series; see :func:`newswire.to_frame`."""
        return newswire.to_frame(self._series, errors=errors, columns=columns, threads=threads, parser=parser)

    def articles(
        self, *, errors: Errors = "raise", threads: int | None = None, parser: Parser | None = None
    ) -> pd.Series:
        """The :class:`newswire.Article` objects, indexed like the Series.

        ``errors="coerce"`` puts ``None`` where parsing failed, ``"ignore"`` drops those rows.
        """
        if errors not in ("raise", "coerce", "ignore"):
            raise ValueError(f'errors must be "raise", "coerce" or "ignore", not {errors!r}')
        mode: Errors = "raise" if errors == "raise" else "coerce"
        source = newswire if parser is None else parser
        parsed = source.parse_many(self._series.tolist(), errors=mode, threads=threads)
        result = pd.Series(parsed, index=self._series.index, name=self._series.name, dtype=object)
        if errors == "ignore":
            result = result[result.notna()]
        return result

    def speakers(
        self, *, errors: Errors = "raise", threads: int | None = None, parser: Parser | None = None
    ) -> pd.DataFrame:
        """Tidy table, one row per speaker; see :func:`newswire.speakers_frame`."""
        return newswire.speakers_frame(self._series, errors=errors, threads=threads, parser=parser)

    def quotes(
        self, *, errors: Errors = "raise", threads: int | None = None, parser: Parser | None = None
    ) -> pd.DataFrame:
        """Tidy table, one row per quote; see :func:`newswire.quotes_frame`."""
        return newswire.quotes_frame(self._series, errors=errors, threads=threads, parser=parser)

    def topics(
        self, *, errors: Errors = "raise", threads: int | None = None, parser: Parser | None = None
    ) -> pd.DataFrame:
        """Tidy table, one row per topic; see :func:`newswire.topics_frame`."""
        return newswire.topics_frame(self._series, errors=errors, threads=threads, parser=parser)
