"""Scale-out: Dask map_partitions on a LocalCluster, and the Spark recipe when pyspark is present."""

from __future__ import annotations

import importlib.util
import shutil
import sys

import pandas as pd
import pytest

import newswire


def test_dask_map_partitions_on_local_cluster(reference_text: str, stories: list[str]) -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    texts = pd.Series([reference_text, *stories] * 4, name="text")
    df = pd.DataFrame({"text": texts})
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        ddf = dd.from_pandas(df, npartitions=3)
        meta = newswire.to_frame([], columns=["headline", "agency", "dateline_city", "published"])
        parsed = ddf.text.map_partitions(
            newswire.to_frame, columns=["headline", "agency", "dateline_city", "published"], meta=meta
        )
        result = parsed.compute()
        # Parsers and articles travel to workers by pickle.
        parser = newswire.Parser(max_input_bytes=1_000_000)
        remote = client.submit(parser.parse, reference_text).result(timeout=60)
    expected = newswire.to_frame(texts, columns=["headline", "agency", "dateline_city", "published"])
    assert list(result.index) == list(expected.index)
    assert result["headline"].tolist() == expected["headline"].tolist()
    # Partitions are categorised separately; the values are what matters.
    assert result["agency"].astype(object).tolist() == expected["agency"].astype(object).tolist()
    assert result["published"].tolist() == expected["published"].tolist()
    assert remote == newswire.parse(reference_text)


@pytest.mark.skipif(importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
                    reason="the Spark recipe (mapInPandas) needs pyspark and a Java runtime; `make test` installs pyspark")
def test_spark_map_in_pandas(reference_text: str, stories: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The README recipe, defined where a notebook defines it: a local function travels to the
    # Python workers by value (a module-level test function would be pickled by reference).
    def parse_batches(batches):
        for pdf in batches:
            frame = newswire.to_frame(pdf["text"], columns=["headline", "agency", "dateline_city"], errors="coerce")
            yield frame.astype({"agency": "object"}).reset_index(drop=True)

    from pyspark.sql import SparkSession

    # Workers must run the interpreter that has newswire installed (here: this venv's).
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[1]").appName("newswire-test").getOrCreate()
    try:
        sdf = spark.createDataFrame(pd.DataFrame({"text": [reference_text, *stories]}))
        out = sdf.mapInPandas(
            parse_batches,
            schema="headline string, agency string, dateline_city string, error string",
        ).toPandas()
    finally:
        spark.stop()
    assert out["headline"].iloc[0] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert out["agency"].iloc[0] == "FNA"
    # Every row, not just the first, equals what the same call gives in this process.
    local = newswire.to_frame([reference_text, *stories], columns=["headline", "agency", "dateline_city"],
                              errors="coerce")
    assert out["headline"].tolist() == local["headline"].tolist()
    assert out["agency"].tolist() == local["agency"].astype(object).tolist()
    assert out["dateline_city"].tolist() == local["dateline_city"].tolist()
