"""Write event records in a named format: the one entry point the CLI and the API share."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from sitrep.export.acled import write_acled_csv
from sitrep.export.geojson import to_feature_collection
from sitrep.export.jsonl import write_jsonl

FORMATS = ("jsonl", "csv", "geojson")


def write_events(records: Sequence[dict[str, Any]], fmt: str, stream: TextIO) -> None:
    """`jsonl`: the extract records; `csv`: ACLED's 31 columns; `geojson`: an RFC 7946 FeatureCollection."""
    if fmt == "jsonl":
        write_jsonl(records, stream)
    elif fmt == "csv":
        write_acled_csv(records, stream)
    elif fmt == "geojson":
        json.dump(to_feature_collection(records), stream, ensure_ascii=False)
        stream.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
