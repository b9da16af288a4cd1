"""JSON document objects to Documents: field checks, publication dates, HTML bodies and derived ids."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any

from sitrep.dates import find_publication_date
from sitrep.errors import InputError
from sitrep.model import Document, stable_id
from sitrep.read.decode import normalize_newlines
from sitrep.read.html import extract_html

log = logging.getLogger("sitrep.read")

_OPTIONAL_STRINGS = ("title", "url", "publisher", "author")
_LEADING_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def parse_published(value: str) -> date:
    """A date from "YYYY-MM-DD" or an ISO 8601 timestamp; ValueError otherwise."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("z", "Z")).date()
    except ValueError:
        pass
    leading = _LEADING_DAY.match(value)
    if leading:
        return date.fromisoformat(leading[1])
    raise ValueError(f"published must be YYYY-MM-DD or ISO 8601, not {value[:40]!r}")


def truncate(text: str, max_chars: int, source: str) -> str:
    """Cut over-long text, saying so: later stages would otherwise spend minutes on one document."""
    if len(text) <= max_chars:
        return text
    log.warning(
        "%s: text longer than %d characters; only the first %d are read", source, max_chars, max_chars
    )
    return text[:max_chars]


def _optional_string(obj: dict[str, Any], key: str, where: str, line: int | None) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f'"{key}" must be a string, not {type(value).__name__}', line)
    return value.strip() or None


def _document_id(obj: dict[str, Any], text: str, where: str, line: int | None) -> str:
    value = obj.get("id")
    if isinstance(value, bool) or (value is not None and not isinstance(value, str | int)):
        raise InputError(where, f'"id" must be a string, not {type(value).__name__}', line)
    if value is None or (isinstance(value, str) and not value.strip()):
        # No id given: one derived from the text keeps reruns stable.
        return "sha256:" + stable_id(text)
    return str(value)


def document_from_object(
    obj: object,
    source: str,
    line: int | None = None,
    published: date | None = None,
    max_chars: int = 10_000_000,
) -> Document:
    """A Document from one JSON document object; InputError naming `source` and `line` if unusable.

    `published` overrides the object's own date. Without either, the date comes from the HTML metadata
    (for "html" objects) or a byline at the top of the text.
    """
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {_json_type(obj)}", line)
    text_value, html_value = obj.get("text"), obj.get("html")
    for key, value in (("text", text_value), ("html", html_value)):
        if value is not None and not isinstance(value, str):
            raise InputError(source, f'"{key}" must be a string, not {_json_type(value)}', line)
    fields = {key: _optional_string(obj, key, source, line) for key in _OPTIONAL_STRINGS}
    page_date: date | None = None
    if isinstance(text_value, str) and text_value.strip():
        text = normalize_newlines(text_value)
    elif isinstance(html_value, str) and html_value.strip():
        page = extract_html(html_value, source, line)
        text, page_date = page.text, page.published
        for key, value in (("title", page.title), ("url", page.url), ("publisher", page.publisher),
                           ("author", page.author)):  # fmt: skip
            fields[key] = fields[key] or value
    else:
        raise InputError(source, 'no text: "text" (or "html") is missing or empty', line)
    where = f"{source}:{line}" if line is not None else source
    text = truncate(text, max_chars, where)
    own_date = obj.get("published")
    if own_date is not None and not isinstance(own_date, str):
        raise InputError(source, f'"published" must be a string, not {_json_type(own_date)}', line)
    if published is None and own_date is not None and own_date.strip():
        try:
            published = parse_published(own_date)
        except ValueError as exc:
            raise InputError(source, str(exc), line) from exc
    if published is None:
        published = page_date or find_publication_date(text)
    return Document(
        id=_document_id(obj, text, source, line),
        text=text,
        title=fields["title"],
        url=fields["url"],
        published=published,
        publisher=fields["publisher"],
        author=fields["author"],
        origin=where,
    )


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
