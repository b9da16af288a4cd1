"""WARC archives: HTML responses become documents named by their URI; other records are skipped."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from sitrep.model import Document, Rejection
from sitrep.read import read_documents

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ARTICLE = """<html><head><title>Shelling hits market in river town</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Shelling hits market in river town</h1>
<p>Artillery fire struck the central market of a river town in northern Syria on Tuesday, killing four
traders and wounding a dozen shoppers, according to a local civil defence team.</p>
<p>Witnesses said the shells came from positions held by government forces west of the town. The army did
not comment on the report, and no group claimed responsibility for the attack on the market.</p>
<p>Shops stayed closed on Wednesday as volunteers cleared the rubble from the main street.</p></article>
<footer>Copyright Example Gazette</footer></body></html>"""
DATED_ARTICLE = ARTICLE.replace("<head>", '<head><meta property="article:published_time" content="2024-03-05">')
EMPTY_PAGE = "<html><head><title>Index</title></head><body><script>var page = 1;</script></body></html>"


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, warc_date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": warc_date})  # fmt: skip
    writer.write_record(record)


def _write_archive(path: Path, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        request = writer.create_warc_record("https://news.example/a", "request", payload=BytesIO(b"GET /a\r\n\r\n"))
        writer.write_record(request)
        _response(writer, "https://news.example/a", ARTICLE.encode(), "text/html; charset=utf-8",
                  "2024-03-07T10:00:00Z")
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png",
                  "2024-03-07T10:00:01Z")
        _response(writer, "https://news.example/b", DATED_ARTICLE.encode(), "text/html", "2024-03-07T10:00:02Z")
        _response(writer, "https://news.example/empty", EMPTY_PAGE.encode(), "text/html", "2024-03-07T10:00:03Z")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents_named_by_their_uri(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_archive(path, gzip=name.endswith(".gz"))
    items = list(read_documents([str(path)]))
    documents = [i for i in items if isinstance(i, Document)]
    rejections = [i for i in items if isinstance(i, Rejection)]

    assert [d.id for d in documents] == ["https://news.example/a", "https://news.example/b"]
    first, second = documents
    assert first.url == "https://news.example/a"
    assert "central market of a river town" in first.text and "Copyright" not in first.text
    assert first.title == "Shelling hits market in river town"
    assert first.published == date(2024, 3, 7)  # nothing better than the capture date
    assert second.published == date(2024, 3, 5)  # the page's own metadata wins over the capture date
    assert len(rejections) == 1 and "https://news.example/empty" in rejections[0].reason
    assert rejections[0].source == str(path)


def test_a_directory_walk_reads_warc_files_and_an_override_date_wins(tmp_path: Path) -> None:
    _write_archive(tmp_path / "crawl.warc.gz", gzip=True)
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    documents = [i for i in read_documents([str(tmp_path)], published=date(2024, 1, 2)) if isinstance(i, Document)]
    assert len(documents) == 2
    assert {d.published for d in documents} == {date(2024, 1, 2)}


def test_a_truncated_or_foreign_file_gives_no_traceback(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    _write_archive(good, gzip=True)
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    items = list(read_documents([str(truncated)]))
    assert [i.id for i in items if isinstance(i, Document)] == ["https://news.example/a"]  # whole records kept

    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a web archive\n" * 10)
    items = list(read_documents([str(garbage)]))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].source == str(garbage) and "not a WARC file" in items[0].reason
