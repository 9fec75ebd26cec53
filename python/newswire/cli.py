"""The ``newswire`` command: parse wire articles from files, directories or stdin.

Examples::

    newswire examples/fna-webinar.txt            # pretty JSON
    newswire --jsonl stories/                     # every .txt/.jsonl/.csv/.parquet below stories/
    newswire 'feeds/**/*.jsonl' --text-column body -o parsed.parquet
    cat story.txt | newswire -

Unreadable inputs are reported on stderr and make the exit status 1; every readable article is
still written.
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import json
import os
import sys
from array import array
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import newswire

#: Extensions picked up when walking a directory, and how each is read.
_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
_OUTPUT_FORMATS = ("json", "jsonl", "csv", "parquet")
#: Articles parsed per parallel batch: large enough to keep every core busy, small enough to
#: stream.
_BATCH = 512
#: Nanoseconds since the epoch that stand for a missing date in the article table.
_NOT_A_TIME = -(2**63)
_EPOCH = datetime(1970, 1, 1)


@dataclass
class _Item:
    """One text to parse and where it came from (``path`` or ``path:line`` / ``path:row``)."""

    source: str
    text: str | bytes
    size: int


class _Failures:
    """Counts problems and reports each on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, source: str, message: str) -> None:
        self.count += 1
        print(f"newswire: {source}: {message}", file=sys.stderr)


def _expand(args: list[str], failures: _Failures) -> list[tuple[str, Path | None]]:
    """Paths to read, in order: files as given, directories walked, globs expanded; ``-`` = stdin."""
    found: list[tuple[str, Path | None]] = []
    for arg in args:
        if arg == "-":
            found.append(("-", None))
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _FORMATS and not p.name.startswith(".")
            )
            found.extend((str(p), p) for p in files)
        elif path.exists() or not glob.has_magic(arg):
            found.append((arg, path))
        else:
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                failures.report(arg, "no file matches this pattern")
            for match in matches:
                p = Path(match)
                if p.is_dir():
                    found.extend(_expand([match], failures))
                else:
                    found.append((match, p))
    return found


def _format_of(path: Path | None, forced: str) -> str:
    if forced != "auto":
        return forced
    if path is None:
        return "text"
    return _FORMATS.get(path.suffix.lower(), "text")


def _read(
    name: str, path: Path | None, fmt: str, text_column: str, failures: _Failures
) -> Iterator[_Item]:
    """The texts in one input; problems are reported and the readable part is still yielded."""
    try:
        data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    except OSError as e:
        failures.report(name, f"cannot read: {e.strerror or e}")
        return
    if fmt == "text":
        yield _Item(name, data, len(data))
    elif fmt == "jsonl":
        for number, line in enumerate(data.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as e:
                failures.report(f"{name}:{number}", f"invalid JSON: {e}")
                continue
            text = record.get(text_column) if isinstance(record, dict) else None
            if not isinstance(text, str):
                failures.report(f"{name}:{number}", f"no string field {text_column!r}")
                continue
            source = record.get("id") if isinstance(record.get("id"), str) else None
            yield _Item(source or f"{name}:{number}", text, len(line))
    elif fmt == "csv":
        try:
            reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
            rows = list(reader)
        except (UnicodeDecodeError, csv.Error) as e:
            failures.report(name, f"cannot read CSV: {e}")
            return
        if rows and text_column not in rows[0]:
            failures.report(name, f"no column {text_column!r} (columns: {', '.join(reader.fieldnames or [])})")
            return
        for number, row in enumerate(rows, start=1):
            text = row.get(text_column) or ""
            yield _Item(f"{name}:{number}", text, len(text))
    elif fmt == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            failures.report(name, "reading Parquet needs pyarrow (pip install 'newswire[arrow]')")
            return
        try:
            table = pq.read_table(io.BytesIO(data), columns=[text_column])
        except Exception as e:  # pyarrow raises several types for bad files and missing columns
            failures.report(name, f"cannot read Parquet: {e}")
            return
        for number, text in enumerate(table.column(text_column).to_pylist(), start=1):
            if not isinstance(text, (str, bytes)):
                failures.report(f"{name}:{number}", f"{text_column!r} is not text")
                continue
            yield _Item(f"{name}:{number}", text, len(text))


def _batches(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Writer:
    """Streams records to JSON, JSONL, CSV or Parquet."""

    def __init__(self, out: IO[str] | None, path: str | None, fmt: str, single: bool) -> None:
        # `single`: one text input, so JSON output is that article's object rather than an array.
        self.out, self.path, self.fmt, self.single = out, path, fmt, single
        self.count = 0
        self._csv: Any = None
        self._parquet: Any = None

    def write(self, items: list[_Item], articles: list[newswire.Article]) -> None:
        if self.fmt == "parquet":
            self._write_parquet(items, articles)
            return
        if self.fmt == "csv":
            self._write_csv(items, articles)
            return
        for item, article in zip(items, articles):
            record = {"source": item.source, **article.to_dict()}
            if self.fmt == "jsonl":
                assert self.out is not None
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self._write_json(record)
            self.count += 1

    def _write_json(self, record: dict[str, Any]) -> None:
        assert self.out is not None
        text = json.dumps(record, ensure_ascii=False, indent=2)
        if self.single:
            self.out.write(text + "\n")
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + _indent(text))

    def _write_csv(self, items: list[_Item], articles: list[newswire.Article]) -> None:
        # The same article table as Parquet output (built in Rust), flattened to text cells.
        _, table = newswire._newswire._table(articles, "articles", arrow=False)
        if self._csv is None:
            self._csv = _csv_writer(self.out)
        cells = [_csv_cells(name, kind, payload) for name, kind, payload in table]
        for item, row in zip(items, zip(*cells)):
            self._csv.writerow((item.source, *row))
        self.count += len(articles)

    def _write_parquet(self, items: list[_Item], articles: list[newswire.Article]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = newswire.to_arrow(articles).drop_columns(["article"])
        table = table.add_column(0, "source", pa.array([i.source for i in items], type=pa.string()))
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, table.schema)
        elif table.schema != self._parquet.schema:
            table = table.cast(self._parquet.schema)
        self._parquet.write_table(table)
        self.count += len(articles)

    def close(self) -> None:
        if self.fmt == "json" and self.out is not None and not self.single:
            self.out.write("\n]\n" if self.count else "[]\n")
        if self.fmt == "csv" and self._csv is None and self.out is not None:
            _csv_writer(self.out)
        if self._parquet is not None:
            self._parquet.close()
        elif self.fmt == "parquet" and self.path is not None:
            import pyarrow.parquet as pq

            pq.write_table(newswire.to_arrow([]).drop_columns(["article"]), self.path)


def _csv_writer(out: IO[str] | None) -> Any:
    """A CSV writer whose header is ``source`` then the article table's columns."""
    assert out is not None
    writer = csv.writer(out)
    writer.writerow(("source", *newswire._newswire.ARTICLE_COLUMNS))
    return writer


def _csv_cells(name: str, kind: str, payload: Any) -> list[Any]:
    """One article-table column (as `_table(..., arrow=False)` returns it) as CSV cell values."""
    if kind == "str":
        return payload
    if kind == "list":
        return ["; ".join(map(str, values)) for values in payload]
    if kind == "int64":
        return list(array("q", payload))
    if kind == "category":
        codes, categories = payload
        return [categories[code] if code >= 0 else None for code in array("i", codes)]
    if kind in ("datetime", "datetime_utc"):
        times = [None if ns == _NOT_A_TIME else _EPOCH + timedelta(microseconds=ns // 1000) for ns in array("q", payload)]
        if kind == "datetime_utc":
            return [None if t is None else t.replace(tzinfo=timezone.utc).isoformat() for t in times]
        # The dateline's date is a calendar day; local times keep their clock time.
        return [None if t is None else (t.date() if name == "dateline_date" else t).isoformat() for t in times]
    raise ValueError(f"unknown column kind {kind!r}")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.jsonl:
        return "jsonl"
    if args.output:
        suffix = Path(args.output).suffix.lower()
        return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}.get(suffix, "json")
    return "json"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newswire",
        description="Parse wire-service news articles into JSON, JSONL, CSV or Parquet.",
        epilog="Directories are searched recursively for .txt, .jsonl, .ndjson, .csv and .parquet files; "
        "quoted globs ('**/*.txt') are expanded. Exit status 1 when any input could not be read or parsed.",
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, or - for stdin")
    ap.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    ap.add_argument("-o", "--output", help="write here; the format follows the extension (.json, .jsonl, .csv, .parquet)")
    ap.add_argument("--format", choices=_OUTPUT_FORMATS, help="output format (overrides --jsonl and the extension)")
    ap.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl", "csv", "parquet"),
        default="auto",
        help="how to read inputs (default: by extension; stdin and unknown extensions are one article)",
    )
    ap.add_argument("--text-column", default="text", help="field holding the article in JSONL/CSV/Parquet input (default: text)")
    ap.add_argument("--threads", type=int, default=None, help="parser threads (default: all cores)")
    ap.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid UTF-8: report the article (strict, default) or replace bad bytes with U+FFFD",
    )
    ap.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    ap.add_argument("--version", action="version", version=f"newswire {newswire.__version__}")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    fmt = _output_format(args)
    if fmt == "parquet" and not args.output:
        print("newswire: Parquet output needs -o FILE.parquet", file=sys.stderr)
        return 2
    if args.threads is not None and args.threads < 1:
        print("newswire: --threads must be at least 1", file=sys.stderr)
        return 2

    failures = _Failures()
    inputs = _expand(args.inputs, failures)
    total = sum(p.stat().st_size for _, p in inputs if p is not None and p.is_file())
    single = len(inputs) == 1 and _format_of(inputs[0][1], args.input_format) == "text"

    out: IO[str] | None
    if fmt == "parquet":
        out = None
    elif args.output:
        out = open(args.output, "w", encoding="utf-8", newline="" if fmt == "csv" else None)
    else:
        out = sys.stdout
    writer = _Writer(out, args.output, fmt, single)
    progress = _progress(total, enabled=not args.no_progress and sys.stderr.isatty() and total > 0)

    def items() -> Iterator[_Item]:
        for name, path in inputs:
            yield from _read(name, path, _format_of(path, args.input_format), args.text_column, failures)

    try:
        for batch in _batches(items(), _BATCH):
            parsed = newswire.parse_many(
                [i.text for i in batch], errors="coerce", threads=args.threads, encoding_errors=args.encoding_errors
            )
            good_items, good_articles = [], []
            for item, article in zip(batch, parsed):
                if article is None:
                    try:
                        newswire.parse(item.text, encoding_errors=args.encoding_errors)
                    except ValueError as e:
                        failures.report(item.source, str(e))
                else:
                    good_items.append(item)
                    good_articles.append(article)
            writer.write(good_items, good_articles)
            if progress is not None:
                progress.update(sum(i.size for i in batch))
    finally:
        writer.close()
        if progress is not None:
            progress.close()
        if out is not None and out is not sys.stdout:
            out.close()
    if failures.count:
        print(f"newswire: {failures.count} input(s) failed; {writer.count} article(s) written", file=sys.stderr)
        return 1
    return 0


def _progress(total: int, enabled: bool) -> Any:
    """A tqdm bar on stderr, only for terminals."""
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit="B", unit_scale=True, desc="parsing", file=sys.stderr, leave=False)


if __name__ == "__main__":
    sys.exit(main())
