"""Bytes to text: UTF-8 decoding with clear reasons for binary data and other encodings."""

from __future__ import annotations

import codecs
import re

from sitrep.errors import InputError

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_NEWLINES = re.compile(r"\r\n?")


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line ends become "\\n", as Python's text mode reads them, so offsets agree
    with `open(path, encoding="utf-8").read()`."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def decode_text(data: bytes, source: str, truncated: bool = False, line: int | None = None) -> str:
    """Decode UTF-8 `data` read from `source`; raise InputError saying why it is not usable text.

    `truncated` says `data` was cut at a size limit, so a character split at the end is dropped
    instead of being reported as invalid.
    """
    if data.startswith(_UTF16_BOMS):
        raise InputError(source, "UTF-16 text; save it as UTF-8", line)
    if b"\x00" in data:
        raise InputError(source, "binary data (NUL bytes), not text", line)
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        text: str = decoder.decode(data, final=not truncated)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            source,
            f"not UTF-8 text (byte 0x{bad} at offset {exc.start}); convert it to UTF-8, "
            "e.g. iconv -f WINDOWS-1252 -t UTF-8",
            line,
        ) from exc
    if text.startswith("\ufeff"):
        # A byte-order mark is not part of the text a reader sees.
        text = text[1:]
    return normalize_newlines(text)
