"""Feeds from a local HTTP server: pages fetched, summaries as fallback, 304s, back-off, limits, refusals."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import InputError
from sitrep.model import Document, Rejection
from sitrep.read.feeds import FeedWatcher, fetch, watch

ARTICLE = """<html><head><title>Convoy attacked on desert road</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Convoy attacked on desert road</h1>
<p>Gunmen attacked a supply convoy on the desert road south of a market town in Darfur on Sunday, killing
three drivers, a relief agency said in a statement on Monday.</p>
<p>The agency said the trucks were carrying food and medicine and that two of them were set on fire.
No group has said it carried out the attack on the convoy.</p></article>
<footer>Example Relief News</footer></body></html>"""
ETAG = '"feed-v1"'


def _feed(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Relief News</title>
<link>{base}/</link><description>test feed</description>
<item><title>Convoy attacked on desert road</title><link>{base}/article</link><guid>{base}/article</guid>
<pubDate>Mon, 12 May 2025 08:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Clinic reopens after shelling</title><link>{base}/gone</link><guid>{base}/gone</guid>
<pubDate>Tue, 13 May 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;A clinic in a camp for displaced families reopened on Tuesday, a week after
shelling damaged its roof, the camp's coordinators said.&lt;/p&gt;</description></item>
</channel></rss>"""


class Server:
    """A test web server on 127.0.0.1 that records what it was asked."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fail_feed = False
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                owner.requests.append((self.path, dict(self.headers)))
                if self.path == "/feed.xml":
                    if owner.fail_feed:
                        return self._send(500, b"oops", "text/plain")
                    if self.headers.get("If-None-Match") == ETAG:
                        return self._send(304, b"", "application/rss+xml")
                    return self._send(200, _feed(owner.base).encode(), "application/rss+xml", {"ETag": ETAG})
                if self.path == "/article":
                    return self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
                if self.path == "/huge":
                    return self._send(200, b"x" * 2_000_000, "text/plain")
                return self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    # the client may stop reading at its size limit
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture()
def server() -> Iterator[Server]:
    running = Server()
    running.thread.start()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


QUICK = {"min_interval": 0.0, "page_delay": 0.0, "sleep": lambda seconds: None}


def test_entries_become_documents_from_their_page_or_their_summary_and_unchanged_feeds_cost_a_304(
    server: Server,
) -> None:
    rounds = list(watch([f"{server.base}/feed.xml"], interval=0, allow_private=True, rounds=2, **QUICK))
    first, second = rounds
    assert all(isinstance(item, Document) for item in first)
    article, fallback = first
    assert article.id == f"{server.base}/article"
    assert "killing three drivers" in article.text and "Example Relief News" not in article.text.split("\n")[-1:]
    assert article.published is not None and article.published.isoformat() == "2025-05-12"
    assert article.publisher == "Example Relief News" and article.title == "Convoy attacked on desert road"
    assert fallback.id == f"{server.base}/gone"  # the page is a 404: the entry's own text stands in
    assert fallback.text.startswith("A clinic in a camp") and "<p>" not in fallback.text
    assert second == []
    feed_requests = [headers for path, headers in server.requests if path == "/feed.xml"]
    assert len(feed_requests) == 2 and feed_requests[1].get("If-None-Match") == ETAG
    assert all(headers["User-Agent"].startswith("sitrep/") for headers in feed_requests)


def test_a_loopback_address_is_refused_unless_allowed(server: Server) -> None:
    [found] = list(watch([f"{server.base}/feed.xml"], interval=0, rounds=1, **QUICK))
    assert len(found) == 1 and isinstance(found[0], Rejection)
    assert "private, loopback or link-local" in found[0].reason
    with pytest.raises(InputError, match="private, loopback or link-local"):
        fetch("http://10.1.2.3/feed.xml")
    with pytest.raises(InputError, match="only http"):
        fetch("file:///etc/hostname", allow_private=True)
    assert server.requests == []  # nothing was fetched


def test_errors_back_off_exponentially_and_success_resets(server: Server) -> None:
    now = [1000.0]
    watcher = FeedWatcher([f"{server.base}/feed.xml"], interval=100, allow_private=True,
                          clock=lambda: now[0], **QUICK)  # fmt: skip
    server.fail_feed = True
    assert isinstance(watcher.poll()[0], Rejection)
    assert watcher.seconds_until_due() == 200  # 2 x interval after one failure
    now[0] += 199
    assert watcher.poll() == [] and server.paths().count("/feed.xml") == 1  # not due yet: no request
    now[0] += 1
    assert "HTTP 500" in watcher.poll()[0].reason  # type: ignore[union-attr]
    assert watcher.seconds_until_due() == 400
    server.fail_feed = False
    now[0] += 400
    assert len(watcher.poll()) == 2
    assert watcher.seconds_until_due() == 100


def test_a_response_is_cut_at_the_size_limit(server: Server) -> None:
    response = fetch(f"{server.base}/huge", allow_private=True, max_bytes=100_000)
    assert response.truncated and len(response.body) == 100_000


def test_watch_and_ingest_stores_new_entries_once(server: Server, tmp_path: Path) -> None:
    from sitrep.config import load_settings
    from sitrep.run.watch import watch_and_ingest
    from sitrep.store import open_for_reading

    db = tmp_path / "feeds.duckdb"
    totals = watch_and_ingest([f"{server.base}/feed.xml"], load_settings(), str(db), interval=0,
                              allow_private=True, rounds=2, **QUICK)  # fmt: skip
    assert totals["stored"] == 2 and totals["documents"] == 2
    con = open_for_reading(db)
    try:
        urls = sorted(row[0] for row in con.execute("SELECT url FROM documents").fetchall())
        assert urls == [f"{server.base}/article", f"{server.base}/gone"]
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 1  # the empty second round wrote nothing
    finally:
        con.close()
