"""Downloading dump files from a local HTTP server: verified, resumed with Range, clear when offline."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from gazetteer_dump_builders import ADMIN1, ADMIN2, SMALL_COUNTRY, write_zip

from sitrep.errors import GazetteerError
from sitrep.places.download import download, download_file, dump_file_names


class _Server:
    """Serves `files` by name; honours `Range: bytes=N-` unless `ranges` is off; records Range headers."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.ranges = True
        self.cut_after: int | None = None  # bytes sent before the connection drops
        self.seen_ranges: list[str | None] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = owner.files.get(self.path.rsplit("/", 1)[-1])
                asked = self.headers.get("Range")
                owner.seen_ranges.append(asked)
                if body is None:
                    self.send_error(404)
                    return
                start = int(asked.split("=")[1].rstrip("-")) if asked and owner.ranges else 0
                if start >= len(body):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(body)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if start:
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                end = len(body) if owner.cut_after is None else start + owner.cut_after
                self.wfile.write(body[start:end])
                owner.cut_after = None

            def log_message(self, *args: object) -> None:
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/dump/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@pytest.fixture()
def dump_server(tmp_path: Path) -> Iterator[_Server]:
    country = write_zip(tmp_path / "SY.zip", "SY.txt", SMALL_COUNTRY * 50).read_bytes()
    files = {
        "SY.zip": country,
        "admin1CodesASCII.txt": ("\n".join(ADMIN1) + "\n").encode(),
        "admin2Codes.txt": ("\n".join(ADMIN2) + "\n").encode(),
        "countryInfo.txt": b"# ISO\tISO3\n",
    }
    server = _Server(files)
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_file_names_for_country_codes() -> None:
    assert dump_file_names(["sy", "SY", "ua"])[:2] == ["SY.zip", "UA.zip"]
    assert dump_file_names(["all"])[0] == "allCountries.zip"
    with pytest.raises(GazetteerError, match="alpha-2"):
        dump_file_names(["Syria"])


def test_download_fetches_country_zip_and_admin_files(dump_server: _Server, tmp_path: Path) -> None:
    received: list[int] = []
    paths = download(["sy"], tmp_path / "out", dump_server.url, received.append)
    assert [p.name for p in paths] == ["SY.zip", "admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt"]
    assert paths[0].read_bytes() == dump_server.files["SY.zip"]
    assert sum(received) == sum(len(b) for b in dump_server.files.values())
    assert not list((tmp_path / "out").glob("*.part"))


def test_download_resumes_a_partial_file_with_range(dump_server: _Server, tmp_path: Path) -> None:
    body = dump_server.files["SY.zip"]
    dest = tmp_path / "out" / "SY.zip"
    dest.parent.mkdir()
    (tmp_path / "out" / "SY.zip.part").write_bytes(body[: len(body) // 2])
    received: list[int] = []
    download_file(dump_server.url + "SY.zip", dest, received.append)
    assert dump_server.seen_ranges == [f"bytes={len(body) // 2}-"]
    assert sum(received) == len(body) - len(body) // 2
    assert dest.read_bytes() == body


def test_a_server_without_range_support_restarts_the_download(dump_server: _Server, tmp_path: Path) -> None:
    dump_server.ranges = False
    body = dump_server.files["SY.zip"]
    out = tmp_path / "out"
    out.mkdir()
    (out / "SY.zip.part").write_bytes(b"stale bytes")
    download_file(dump_server.url + "SY.zip", out / "SY.zip")
    assert (out / "SY.zip").read_bytes() == body


def test_a_corrupt_zip_is_rejected_and_not_kept(dump_server: _Server, tmp_path: Path) -> None:
    body = bytearray(dump_server.files["SY.zip"])
    body[60:80] = b"\x00" * 20  # damage the compressed member
    dump_server.files["SY.zip"] = bytes(body)
    with pytest.raises(GazetteerError, match="SY.zip"):
        download_file(dump_server.url + "SY.zip", tmp_path / "out" / "SY.zip")
    assert not list((tmp_path / "out").iterdir())


def test_a_missing_file_names_the_http_status(dump_server: _Server, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="404"):
        download_file(dump_server.url + "XX.zip", tmp_path / "XX.zip")


def test_offline_error_names_the_url_and_the_way_out(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{closed_port}/dump/"
    with pytest.raises(GazetteerError) as raised:
        download(["SY"], tmp_path, url)
    message = str(raised.value)
    assert f"{url}SY.zip" in message
    assert "connection" in message and "sitrep gazetteer import" in message


def test_a_complete_part_file_is_verified_and_kept(dump_server: _Server, tmp_path: Path) -> None:
    body = dump_server.files["SY.zip"]
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "SY.zip.part").write_bytes(body)
    download_file(dump_server.url + "SY.zip", tmp_path / "out" / "SY.zip")
    assert (tmp_path / "out" / "SY.zip").read_bytes() == body
    assert dump_server.seen_ranges == [f"bytes={len(body)}-"]


def test_an_interrupted_download_keeps_its_part_and_resumes(dump_server: _Server, tmp_path: Path) -> None:
    body = dump_server.files["SY.zip"]
    half = len(body) // 2
    dump_server.cut_after = half
    dest = tmp_path / "out" / "SY.zip"
    with pytest.raises(GazetteerError, match="resume"):
        download_file(dump_server.url + "SY.zip", dest)
    assert (tmp_path / "out" / "SY.zip.part").stat().st_size == half and not dest.exists()
    download_file(dump_server.url + "SY.zip", dest)
    assert dest.read_bytes() == body and dump_server.seen_ranges == [None, f"bytes={half}-"]
