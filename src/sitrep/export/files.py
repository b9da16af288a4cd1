"""Export event records to a file or stream in any format sitrep writes: the CLI's and the API's one call."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from sitrep.export.acled import write_acled_csv
from sitrep.export.geojson import to_feature_collection
from sitrep.export.jsonl import write_jsonl
from sitrep.export.parquet import parquet_bytes, write_parquet
from sitrep.export.plover import write_plover_jsonl

# Names users may give, each mapped to the canonical format.
EXPORT_FORMATS: dict[str, str] = {
    "jsonl": "jsonl", "json": "jsonl",
    "csv": "acled", "acled": "acled",
    "plover": "plover",
    "geojson": "geojson",
    "parquet": "parquet",
}
MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "acled": "text/csv; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
FILE_SUFFIXES: dict[str, str] = {"jsonl": ".jsonl", "acled": ".csv", "plover": ".plover.jsonl",
                                 "geojson": ".geojson", "parquet": ".parquet"}


def canonical_format(fmt: str) -> str:
    """The canonical name of an export format; ValueError naming the choices for an unknown one."""
    try:
        return EXPORT_FORMATS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(EXPORT_FORMATS))}") from None


def _write_text(records: Sequence[dict[str, Any]], fmt: str, stream: TextIO) -> None:
    if fmt == "jsonl":
        write_jsonl(records, stream)
    elif fmt == "acled":
        write_acled_csv(records, stream)
    elif fmt == "plover":
        write_plover_jsonl(records, stream)
    else:
        json.dump(to_feature_collection(records), stream, ensure_ascii=False)
        stream.write("\n")


def export_bytes(records: Sequence[dict[str, Any]], fmt: str) -> bytes:
    """The whole export in memory, UTF-8 for the text formats."""
    kind = canonical_format(fmt)
    if kind == "parquet":
        return parquet_bytes(records)
    buffer = io.StringIO(newline="")
    _write_text(records, kind, buffer)
    return buffer.getvalue().encode("utf-8")


def export_events(records: Sequence[dict[str, Any]], fmt: str, path_or_stream: str | Path | IO[Any]) -> None:
    """Write `records` as `fmt` (jsonl, acled/csv, plover, geojson, parquet) to a file path or an open stream.

    A text stream takes the text formats; Parquet needs a binary stream (or a text stream with a `buffer`,
    such as sys.stdout).
    """
    kind = canonical_format(fmt)
    if isinstance(path_or_stream, str | Path):
        if kind == "parquet":
            write_parquet(records, path_or_stream)
            return
        # newline="": the CSV writer chooses its own line ends (CRLF, as RFC 4180 says).
        with open(path_or_stream, "w", encoding="utf-8", newline="") as file:
            _write_text(records, kind, file)
        return
    stream: Any = path_or_stream
    if kind == "parquet":
        binary = getattr(stream, "buffer", stream)
        binary.write(parquet_bytes(records))
    elif isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        _write_text(records, kind, stream)
    else:
        stream.write(export_bytes(records, kind))
