"""Reading input: text, HTML, JSON and JSON Lines files, directories and standard input → Documents."""

from sitrep.read.files import MAX_DOCUMENT_BYTES, read_documents, read_file, read_json_lines
from sitrep.read.html import ExtractedPage, extract_html
from sitrep.read.objects import document_from_object, parse_published

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "ExtractedPage",
    "document_from_object",
    "extract_html",
    "parse_published",
    "read_documents",
    "read_file",
    "read_json_lines",
]
