"""The `newswire` command, run as a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import newswire

from conftest import ROOT, STORIES

REFERENCE = ROOT / "examples" / "fna-webinar.txt"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newswire.cli", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
    )


def test_reference_article_as_pretty_json() -> None:
    result = run(str(REFERENCE))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    record = json.loads(result.stdout)
    assert record["source"] == str(REFERENCE)
    assert record["headline"] == "Iranian, Kazakh Scholars Discuss Further Cooperation"
    assert record["agency"]["code"] == "FNA"
    assert result.stdout.startswith("{\n  ")


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "feed"
    (root / "a" / "b").mkdir(parents=True)
    (root / "one.txt").write_text(STORIES[0], encoding="utf-8")
    (root / "a" / "two.txt").write_text(STORIES[1], encoding="utf-8")
    (root / "a" / "b" / "three.jsonl").write_text(
        "\n".join(json.dumps({"id": f"j{i}", "body": s}) for i, s in enumerate(STORIES[2:4])) + "\n", encoding="utf-8"
    )
    (root / "a" / "notes.bin").write_bytes(b"\x00\x01")  # not an article format: skipped
    return root


def test_directory_recursion_and_jsonl_output(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    result = run(str(root), "--jsonl", "--text-column", "body")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # Files in path order; JSONL records are named by their "id" field.
    assert [r["source"] for r in records] == ["j0", "j1", str(root / "a" / "two.txt"), str(root / "one.txt")]
    assert records[3]["agency"]["code"] == "REUTERS"


def test_glob_and_several_files_give_a_json_array(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    result = run(str(root / "**" / "*.txt"), str(REFERENCE))
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["source"] for r in records] == [str(root / "a" / "two.txt"), str(root / "one.txt"), str(REFERENCE)]


def test_stdin() -> None:
    result = run("-", "--jsonl", stdin=STORIES[2])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "-" and record["agency"]["code"] == "AFP"


def test_csv_input_and_output(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "story"])
        writer.writeheader()
        for i, story in enumerate(STORIES[:3]):
            writer.writerow({"id": i, "story": story})
    out = tmp_path / "out.csv"
    result = run(str(source), "--text-column", "story", "-o", str(out), "--threads", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["agency"] for r in rows] == ["REUTERS", "AP", "AFP"]
    assert rows[0]["headline"] == "Harbour Reopens After Storm"
    assert rows[0]["source"] == f"{source}:1"


def test_csv_has_the_article_table_columns_as_text(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    dated = "Port Reopens\n\nBy Jane Roe and Ali Reza\n\nLIMA, March 3, 2021 (Reuters) - The port reopened.\n"
    result = run(str(REFERENCE), "-", "-o", str(out), stdin=dated)
    assert result.returncode == 0, result.stderr
    reader = csv.reader(io.StringIO(out.read_text(encoding="utf-8")))
    header = next(reader)
    assert header == ["source", *newswire._newswire.ARTICLE_COLUMNS]
    reference, story = (dict(zip(header, row)) for row in reader)
    assert reference["published"] == "2020-11-25T10:55:00+00:00"  # UTC, as in the Parquet output
    assert reference["published_local"] == "2020-11-25T14:25:00"  # the wall clock the copy was stamped with
    assert reference["speakers"].split("; ")[0] == "Mohammad Kazzem Sajjadpour"
    assert reference["paragraphs"] == "10" and reference["dateline_date"] == ""
    assert story["dateline_date"] == "2021-03-03"
    assert story["authors"] == "Jane Roe; Ali Reza"
    assert story["agency"] == "REUTERS" and story["agency_name"] == "Reuters"


def test_parquet_output_and_input(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    result = run(str(REFERENCE), "-", "-o", str(out), stdin=STORIES[0])
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert table.column("source").to_pylist() == [str(REFERENCE), "-"]
    assert table.column("agency").to_pylist() == ["FNA", "REUTERS"]
    # Parquet as input, text in a named column.
    again = run(str(out), "--text-column", "body", "--jsonl")
    assert again.returncode == 0, again.stderr
    assert len(again.stdout.splitlines()) == 2


def test_unreadable_input_is_reported_and_the_rest_is_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"text": "Fine Headline\\n\\nBody."}\n{not json\n', encoding="utf-8")
    result = run(str(REFERENCE), str(tmp_path / "missing.txt"), str(empty), str(bad_jsonl), "--jsonl")
    assert result.returncode == 1
    assert "missing.txt: cannot read" in result.stderr
    assert "empty.txt: empty input" in result.stderr
    assert "bad.jsonl:2: invalid JSON" in result.stderr
    assert "3 input(s) failed; 2 article(s) written" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["headline"] for r in records] == ["Iranian, Kazakh Scholars Discuss Further Cooperation", "Fine Headline"]


def test_invalid_utf8_strict_and_replace(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(STORIES[0].encode("utf-8").replace(b"Lisbon", b"Lisb\xf3n"))
    strict = run(str(path))
    assert strict.returncode == 1 and "not valid utf-8" in strict.stderr
    lenient = run(str(path), "--encoding-errors", "replace")
    assert lenient.returncode == 0
    assert json.loads(lenient.stdout)["headline"] == "Harbour Reopens After Storm"


def test_usage_errors() -> None:
    assert run(str(REFERENCE), "--format", "parquet").returncode == 2
    assert run(str(REFERENCE), "--threads", "0").returncode == 2
    assert run("--version").stdout.startswith("newswire ")


def test_progress_bar_only_on_a_terminal() -> None:
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")
    import fcntl
    import os
    import struct

    controller, terminal = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, which leaves tqdm no room to draw.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newswire.cli", str(REFERENCE), "--jsonl"],
            stdout=subprocess.PIPE, stderr=terminal, timeout=120,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    assert b"parsing" in shown
    assert json.loads(result.stdout)["agency"]["code"] == "FNA"
    quiet = run(str(REFERENCE), "--jsonl")
    assert quiet.stderr == ""
