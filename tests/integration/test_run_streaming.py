"""Large inputs stream: a ~50 MB JSON Lines file is read one document at a time, never held whole."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.synthetic import synthetic_object

TARGET_BYTES = 50 * 1024 * 1024


def test_reading_a_50_mb_jsonl_file_keeps_peak_memory_far_below_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        index = 0
        while out.tell() < TARGET_BYTES:
            record = synthetic_object(index % 50)
            record["id"] = f"big-{index}"
            record["text"] = " ".join([record["text"]] * 20)  # ~5 kB reports: fewer lines, same bytes
            out.write(json.dumps(record) + "\n")
            index += 1
        lines = index
    size = path.stat().st_size

    tracemalloc.start()
    try:
        count = 0
        text_bytes = 0
        for item in read_documents([str(path)]):
            assert isinstance(item, Document)
            count += 1
            text_bytes += len(item.text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == lines and text_bytes > size * 0.8
    assert peak < size / 20, f"peak {peak / 1e6:.1f} MB while reading a {size / 1e6:.0f} MB file"
