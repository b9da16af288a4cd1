"""Progress on a terminal: a tqdm bar with rate and ETA, silent when standard error is not a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from sitrep.read.files import JSONL_EXTENSIONS, KNOWN_EXTENSIONS
from sitrep.read.warc import is_warc

_COUNT_CHUNK = 1024 * 1024


def progress_bar(total: int | None = None, stream: TextIO | None = None, enabled: bool | None = None) -> Any:
    """A tqdm bar counting documents; `enabled` defaults to whether `stream` (stderr) is a terminal."""
    from tqdm import tqdm

    out = stream or sys.stderr
    show = out.isatty() if enabled is None else enabled
    return tqdm(total=total, unit="doc", disable=not show, file=out, dynamic_ncols=True, smoothing=0.1)


def estimate_documents(paths: Sequence[str]) -> int | None:
    """About how many documents `paths` hold (lines of JSON Lines files, one per other file), for an ETA.

    None when it cannot be known cheaply (standard input, WARC archives). Counting newlines reads the
    files once at disk speed, in fixed-size chunks: a few seconds for gigabytes, no memory to speak of.
    """
    total = 0
    for path in paths:
        if path == "-" or is_warc(path):
            return None
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if is_warc(name):
                        return None
                    if not name.startswith(".") and os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                        total += _documents_in(os.path.join(root, name))
        else:
            total += _documents_in(path)
    return total


def _documents_in(path: str) -> int:
    if os.path.splitext(path)[1].lower() not in JSONL_EXTENSIONS:
        return 1
    lines = 0
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_COUNT_CHUNK):
                lines += chunk.count(b"\n")
    except OSError:
        return 0  # the reader reports it
    return lines
