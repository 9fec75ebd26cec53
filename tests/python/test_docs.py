"""The Python examples in README.md run as written (from the repository root)."""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT

DOC = ROOT / "README.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_doc_has_examples() -> None:
    assert len(_blocks()) >= 5


def test_examples_run_in_order() -> None:
    pytest.importorskip("dask.dataframe")
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in _blocks():
            exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    finally:
        os.chdir(cwd)
    articles = namespace["articles"]
    assert articles.loc["fna", "agency"] == "FNA"  # type: ignore[attr-defined]
    assert articles.loc["empty", "error"] == "empty input: no text to parse"  # type: ignore[attr-defined]
    assert namespace["frame"].height == 3  # type: ignore[attr-defined]
    assert len(namespace["parsed"].compute()) == 2  # type: ignore[attr-defined]
