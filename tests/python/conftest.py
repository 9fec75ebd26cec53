"""Shared fixtures: the bundled reference article and small synthetic wire stories."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Synthetic stories written for these tests (no corpus text).
STORIES = [
    "Harbour Reopens After Storm\n\nLISBON (Reuters) - The port of Lisbon reopened on Monday after a storm "
    "closed it for two days, the harbour authority said.\n\nShips queued outside the breakwater overnight.",
    "Wheat Prices Climb\n\nCHICAGO, March 3 (AP) -- Wheat futures rose for a third session on Tuesday as dry "
    "weather threatened crops.\n\nTraders expect more volatility this week.",
    "Rail Strike Ends\n\nPARIS (AFP) - French rail workers voted to end a week-long strike.\n\nTrains will run "
    "normally from Thursday.",
    "Café owners in Zürich protest rent rises\n\nZURICH (Reuters) - Owners of cafés in Zürich’s old town "
    "marched on Saturday against rent increases.\n\n“We cannot pay this,” one owner said.",
    "Just a paragraph of text without any wire structure at all.",
]


@pytest.fixture(scope="session")
def reference_text() -> str:
    return (ROOT / "examples" / "fna-webinar.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def stories() -> list[str]:
    return list(STORIES)
