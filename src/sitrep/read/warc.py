"""WARC web archives (.warc, .warc.gz) → Documents: each HTML response record becomes one report.

The document id and url are the record's WARC-Target-URI; the text is what trafilatura extracts from the
page (see `sitrep.read.html`). The publication date comes from the page's metadata, else from the text
(a byline), else from the record's WARC-Date (when the page was captured: the latest it can have been
published). Records that are not HTML responses (requests, metadata, images, scripts) are skipped
without a message, as a directory walk skips files of other kinds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sitrep.dates import find_publication_date
from sitrep.errors import InputError
from sitrep.model import Document, Rejection
from sitrep.read.html import extract_html

log = logging.getLogger("sitrep.read")

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: str) -> bool:
    """Whether `path` names a WARC file by its extension."""
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str, published: date | None = None, max_bytes: int = 16 * 1024 * 1024) -> Iterator[
        Document | Rejection]:  # fmt: skip
    """The HTML pages of a WARC file, lazily, one record at a time; pages over `max_bytes` are cut there.

    Raises OSError when the file cannot be opened (the caller turns it into a Rejection).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        number = 0
        try:
            for record in records:
                number += 1
                if not str(record.format).startswith("warc"):
                    # warcio falls back to the old ARC format for anything else, text files included
                    yield Rejection(path, None, f"not a WARC file (record {number} has no WARC header)")
                    return
                if record.rec_type != "response" or not _is_html(record):
                    continue
                yield _page_document(record, path, number, published, max_bytes)
        except ArchiveLoadFailed as exc:
            yield Rejection(path, None, f"not a readable WARC file after record {number} ({exc.msg})")
        except (OSError, EOFError, ValueError) as exc:
            # a truncated or corrupt gzip member: what came before it is kept
            yield Rejection(path, None, f"WARC file damaged after record {number} ({type(exc).__name__})")


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else record.content_type
    return bool(content_type) and content_type.split(";")[0].strip().lower() in HTML_TYPES


def _page_document(record: Any, path: str, number: int, published: date | None,
                   max_bytes: int) -> Document | Rejection:  # fmt: skip
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{number}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        log.warning("%s: %s is larger than %d bytes; only the first %d are read", path, uri, max_bytes, max_bytes)
        data = data[:max_bytes]
    try:
        page = extract_html(data, f"{path}: {uri}")
    except InputError as exc:
        return Rejection(path, None, f"{uri}: {exc.reason}")
    return Document(
        id=uri,
        text=page.text,
        title=page.title,
        url=uri,
        published=published or page.published or find_publication_date(page.text)
        or _warc_date(record.rec_headers.get_header("WARC-Date")),
        publisher=page.publisher,
        author=page.author,
        origin=f"{path}#{number}",
    )


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
