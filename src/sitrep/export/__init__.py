"""Event records out of sitrep: ACLED CSV, RFC 7946 GeoJSON and JSON Lines."""

from sitrep.export.acled import ACLED_COLUMNS, read_acled_csv, to_acled_rows, write_acled_csv
from sitrep.export.files import EXPORT_FORMATS, export_events
from sitrep.export.geojson import flatten_record, to_feature_collection
from sitrep.export.jsonl import read_jsonl, write_jsonl

__all__ = [
    "EXPORT_FORMATS",
    "export_events",
    "ACLED_COLUMNS",
    "flatten_record",
    "read_acled_csv",
    "read_jsonl",
    "to_acled_rows",
    "to_feature_collection",
    "write_acled_csv",
    "write_jsonl",
]
