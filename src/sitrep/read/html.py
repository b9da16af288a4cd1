"""HTML to article text and metadata with trafilatura (navigation, ads and footers removed)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sitrep.errors import InputError
from sitrep.read.decode import normalize_newlines

# trafilatura reports pages it cannot parse at ERROR level; the reader turns them into Rejections.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The main text of a page and what its metadata says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _metadata_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(content: str | bytes, source: str, line: int | None = None) -> ExtractedPage:
    """The article text of an HTML page; InputError when there is none."""
    import trafilatura  # imported here: it takes a second to load and plain-text runs never need it

    try:
        result = trafilatura.bare_extraction(
            content,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except Exception as exc:  # trafilatura raises many kinds of parser errors on malformed pages
        raise InputError(source, f"cannot parse HTML ({type(exc).__name__})", line) from exc
    if result is None:
        raise InputError(source, "no article text found in the HTML", line)
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "no article text found in the HTML", line)
    return ExtractedPage(
        text=normalize_newlines(text),
        title=_clean(data.get("title")),
        author=_clean(data.get("author")),
        published=_metadata_date(data.get("date")),
        publisher=_clean(data.get("sitename")),
        url=_clean(data.get("url")),
    )
