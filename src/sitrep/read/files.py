"""Paths and standard input to Documents or Rejections, one at a time.

What is read:
- `.txt` (and any explicitly named file of another extension): UTF-8 text, used as it is except that
  line ends become "\\n" (as in Python's text mode) and a leading byte-order mark is dropped; the
  document id is the path as given, and a short first line without a full stop is taken as the title;
- `.html` / `.htm`: the article text trafilatura extracts, with title, author, date, site name and url;
- `.json`: one document object (an array of objects, or several objects one per line, is read too);
- `.jsonl` / `.ndjson`: one document object per line, streamed (blank lines are skipped);
- `.warc` / `.warc.gz`: web archives, one document per HTML response record, streamed (`sitrep.read.warc`);
- a directory: every file of those extensions below it, in sorted path order. Hidden files and
  folders and files of other extensions are skipped without a message, as `ls` would;
- `-`, or no path at all: JSON Lines on standard input.

A file longer than `max_bytes` is cut there, with a warning, so a stray 5 GB log cannot exhaust memory.
Nothing here raises for bad input: every problem becomes a Rejection naming the file and line.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import BinaryIO, TextIO

from sitrep.dates import find_publication_date
from sitrep.errors import InputError
from sitrep.model import Document, Rejection
from sitrep.read.decode import decode_text
from sitrep.read.html import extract_html
from sitrep.read.objects import document_from_object
from sitrep.read.warc import is_warc, read_warc

log = logging.getLogger("sitrep.read")

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS
STDIN = "-"
STDIN_NAME = "<stdin>"
# Per file (and per document text): far above any news report, far below what exhausts memory.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_HEADLINE_CHARS = 160

ReadResult = Document | Rejection


def read_documents(
    paths: Sequence[str],
    published: date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Document | Rejection]:
    """Documents from files, directories and standard input, lazily, in the order given.

    `published` overrides every publication date found in the input. A document object without an
    "id" gets "sha256:" plus a hash of its text, so the same text always gets the same id.
    """
    for path in paths or [STDIN]:
        if path == STDIN:
            yield from read_json_lines(_stdin_lines(stdin), STDIN_NAME, published, max_bytes)
        elif os.path.isdir(path):
            found = False
            for file_path in _walk(path):
                found = True
                yield from read_file(file_path, published, max_bytes)
            if not found:
                log.warning("%s: no .txt, .html, .json or .jsonl files in this directory", path)
        else:
            yield from read_file(path, published, max_bytes)


def _walk(directory: str) -> Iterator[str]:
    """Readable files below `directory`, sorted by path, hidden entries skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            known = os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS or is_warc(name)
            if not name.startswith(".") and known:
                found.append(os.path.join(root, name))
    yield from sorted(found, key=lambda p: os.path.relpath(p, directory).split(os.sep))


def read_file(
    path: str, published: date | None = None, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[ReadResult]:
    """The documents of one file, chosen by its extension (unknown extensions are read as text)."""
    extension = os.path.splitext(path)[1].lower()
    try:
        if is_warc(path):
            yield from read_warc(path, published, max_bytes)
            return
        if extension in JSONL_EXTENSIONS:
            with open(path, "rb") as stream:
                yield from read_json_lines(stream, path, published, max_bytes)
            return
        data, truncated = _read_capped(path, max_bytes)
        if extension in JSON_EXTENSIONS:
            yield from _read_json(data, path, published, max_bytes, truncated)
        elif extension in HTML_EXTENSIONS:
            yield _read_html(data, path, published)
        else:
            yield _read_text(data, path, published, truncated)
    except InputError as exc:
        yield Rejection(exc.source, exc.line, exc.reason)
    except OSError as exc:
        yield Rejection(path, None, _os_reason(exc))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


def _read_capped(path: str, max_bytes: int) -> tuple[bytes, bool]:
    with open(path, "rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) <= max_bytes:
        return data, False
    log.warning("%s: larger than %d bytes; only the first %d are read", path, max_bytes, max_bytes)
    return data[:max_bytes], True


def _read_text(data: bytes, path: str, published: date | None, truncated: bool) -> ReadResult:
    text = decode_text(data, path, truncated=truncated)
    if not text.strip():
        return Rejection(path, None, "empty text")
    return Document(
        id=path,
        text=text,
        title=headline(text),
        published=published or find_publication_date(text),
        origin=path,
    )


def headline(text: str) -> str | None:
    """The first line of a plain-text report when it reads like a headline (short, no final full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first or len(first) > MAX_HEADLINE_CHARS or first[-1] in ".:;,":
        return None
    if first.lower().startswith("by ") or find_publication_date(first) is not None:
        return None  # a byline or a date line, not a headline
    return first


def _read_html(data: bytes, path: str, published: date | None) -> ReadResult:
    if b"\x00" in data:
        return Rejection(path, None, "binary data (NUL bytes), not HTML")
    page = extract_html(data, path)
    return Document(
        id=path,
        text=page.text,
        title=page.title,
        url=page.url,
        published=published or page.published or find_publication_date(page.text),
        publisher=page.publisher,
        author=page.author,
        origin=path,
    )


def _read_json(
    data: bytes, path: str, published: date | None, max_bytes: int, truncated: bool
) -> Iterator[ReadResult]:
    if truncated:
        yield Rejection(
            path, None, f"JSON file larger than {max_bytes} bytes; use JSON Lines (.jsonl) for big inputs"
        )
        return
    text = decode_text(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # Several objects, one per line, in a file named .json: read it as the JSON Lines it is.
            yield from read_json_lines(text.splitlines(keepends=True), path, published, max_bytes)
            return
        yield Rejection(path, exc.lineno, f"invalid JSON ({exc.msg}, column {exc.colno})")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items, start=1):
        source = f"{path}[{index}]" if isinstance(value, list) else path
        yield _object_or_rejection(item, source, None, published, max_bytes)


def read_json_lines(
    lines: Iterable[bytes | str],
    source: str,
    published: date | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[ReadResult]:
    """One Document per JSON object line; a Rejection naming the line for each unusable one."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = decode_text(raw, source, line=number) if isinstance(raw, bytes) else raw
        except InputError as exc:
            yield Rejection(exc.source, exc.line, exc.reason)
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(source, number, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield Rejection(source, number, "invalid JSON (nested too deeply)")
            continue
        yield _object_or_rejection(value, source, number, published, max_bytes)


def _object_or_rejection(
    value: object, source: str, line: int | None, published: date | None, max_bytes: int
) -> ReadResult:
    try:
        return document_from_object(value, source, line, published, max_chars=max_bytes)
    except InputError as exc:
        return Rejection(exc.source, exc.line, exc.reason)


def _stdin_lines(stdin: TextIO | None) -> Iterable[bytes | str]:
    stream = stdin if stdin is not None else sys.stdin
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    # Bytes, where available, so a badly encoded line becomes a Rejection instead of an exception.
    return buffer if buffer is not None else stream
