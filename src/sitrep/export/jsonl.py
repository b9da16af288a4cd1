"""Event records as JSON Lines: one JSON object per line, UTF-8 text kept as written."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.errors import InputError


def to_json_line(record: dict[str, Any]) -> str:
    """One record as a single line of JSON (keys in record order, non-ASCII kept)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Write one line per record; return how many were written."""
    count = 0
    for record in records:
        stream.write(to_json_line(record) + "\n")
        count += 1
    return count


def read_jsonl(stream: TextIO, source: str = "<jsonl>") -> list[dict[str, Any]]:
    """Records of a JSON Lines stream, blank lines skipped; the inverse of write_jsonl."""
    records: list[dict[str, Any]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(source, f"invalid JSON ({exc.msg})", line=number) from exc
    return records
