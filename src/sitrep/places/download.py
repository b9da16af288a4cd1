"""Downloads GeoNames dump files over HTTP: resumable (Range on a `.part` file) and verified before use."""

from __future__ import annotations

import http.client
import os
import re
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from sitrep.errors import GazetteerError

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"
ADMIN_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt")
CHUNK_BYTES = 1 << 16
TIMEOUT_SECONDS = 30.0
USER_AGENT = "sitrep-gazetteer-download"
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def dump_file_names(countries: list[str]) -> list[str]:
    """The files `download` fetches for some ISO2 country codes: XX.zip each, then the admin code files.

    "all" stands for allCountries.zip. Raises GazetteerError for a code that is not two letters.
    """
    names: list[str] = []
    for code in countries:
        if code.lower() in ("all", "allcountries"):
            names.append("allCountries.zip")
            continue
        if not COUNTRY_CODE.match(code.upper()):
            raise GazetteerError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. SY, UA)")
        names.append(f"{code.upper()}.zip")
    return [*dict.fromkeys(names), *ADMIN_FILES]


def _offline_error(url: str, exc: BaseException) -> GazetteerError:
    reason = getattr(exc, "reason", None) or exc
    return GazetteerError(
        f"cannot download {url} ({reason}); check the internet connection, or fetch the GeoNames files "
        "elsewhere and load them with `sitrep gazetteer import FILE...`"
    )


def _open(url: str, offset: int) -> tuple[urllib.response.addinfourl, bool, int | None]:
    """The response, whether it continues from `offset`, and the full size when the server says it."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if offset:
        request.add_header("Range", f"bytes={offset}-")
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:  # the .part file already holds every byte
            return exc, True, offset
        raise GazetteerError(f"cannot download {url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise _offline_error(url, exc) from exc
    resumed = offset > 0 and response.status == 206
    total: int | None = None
    content_range = response.headers.get("Content-Range", "")
    if resumed and "/" in content_range and content_range.rsplit("/", 1)[1].isdigit():
        total = int(content_range.rsplit("/", 1)[1])
    elif not resumed and response.headers.get("Content-Length", "").isdigit():
        total = int(response.headers["Content-Length"])
    return response, resumed, total


def verify(path: Path, expected_size: int | None = None) -> None:
    """Raises GazetteerError unless the file has the expected size and, for a zip, intact members."""
    size = path.stat().st_size
    if expected_size is not None and size != expected_size:
        raise GazetteerError(f"{path.name}: got {size} bytes, expected {expected_size}; download it again")
    if path.name.lower().endswith(".zip") or path.name.lower().endswith(".zip.part"):
        try:
            with zipfile.ZipFile(path) as archive:
                broken = archive.testzip()
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise GazetteerError(f"{path.name}: not a valid zip archive ({exc}); download it again") from exc
        if broken is not None:
            raise GazetteerError(f"{path.name}: member {broken} is corrupt; download it again")


def download_file(url: str, dest: Path, progress: Callable[[int], None] | None = None) -> Path:
    """Fetches `url` to `dest` through `dest.part`, continuing a partial `.part` file with an HTTP Range
    request; the file is verified (size, zip integrity) before it is renamed to `dest`."""
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    offset = part.stat().st_size if part.is_file() else 0
    response, resumed, total = _open(url, offset)
    if not resumed:
        offset = 0  # the server ignored the Range header: start over
    try:
        with response, part.open("ab" if resumed else "wb") as handle:
            if offset and total == offset:
                pass  # nothing left to fetch
            else:
                while chunk := response.read(CHUNK_BYTES):
                    handle.write(chunk)
                    if progress is not None:
                        progress(len(chunk))
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise GazetteerError(
            f"download of {url} was interrupted ({exc!r}); run the command again to resume it"
        ) from exc
    if total is not None and part.stat().st_size < total:
        raise GazetteerError(
            f"download of {url} stopped at {part.stat().st_size} of {total} bytes; run the command again to resume it"
        )
    try:
        verify(part, total)
    except GazetteerError:
        part.unlink(missing_ok=True)  # a corrupt partial file would only be resumed into a corrupt file
        raise
    os.replace(part, dest)
    return dest


def download(
    countries: list[str],
    dest_dir: Path,
    base_url: str = GEONAMES_DUMP_URL,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Downloads XX.zip for each country code, plus admin1CodesASCII.txt, admin2Codes.txt and
    countryInfo.txt, into `dest_dir`; returns the files, ready for `import_files`.

    `progress` receives the bytes received since its last call.
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    return [download_file(urljoin(base, name), dest_dir / name, progress) for name in dump_file_names(countries)]
