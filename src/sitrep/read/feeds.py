"""RSS and Atom feeds → Documents: polite polling, guarded fetching, each entry's page or else its summary.

Politeness: conditional requests (ETag / Last-Modified, so an unchanged feed costs a 304), a minimum
polling interval, exponential back-off per feed after errors, a size limit on every response (the body is
streamed and reading stops at the limit), and an identifying User-Agent. Safety: only http(s), and a host
that resolves to a private, loopback, link-local or otherwise non-public address is refused, redirects
included, unless `allow_private` is set (for a feed on your own network, or a test server).
"""

from __future__ import annotations

import html.parser
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.client import HTTPMessage
from typing import Any
from urllib.parse import urlsplit

from sitrep import __version__
from sitrep.dates import find_publication_date
from sitrep.errors import InputError
from sitrep.model import Document, Rejection, stable_id
from sitrep.read.decode import normalize_newlines
from sitrep.read.html import extract_html

log = logging.getLogger("sitrep.read")

DEFAULT_INTERVAL_SECONDS = 900.0
MIN_INTERVAL_SECONDS = 60.0
MAX_BACKOFF_SECONDS = 6 * 3600.0
MAX_RESPONSE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
PAGE_DELAY_SECONDS = 1.0  # between two page requests: one reader should not look like a crawler
USER_AGENT = f"sitrep/{__version__} (news feed reader)"
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body, cut at the size limit, with what conditional requests need next time."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    truncated: bool = False


def check_address(url: str, allow_private: bool = False) -> None:
    """Raise InputError unless `url` is http(s) on a host whose every address is public (or allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// addresses can be fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, ValueError) as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise InputError(url, f"refusing to fetch a private, loopback or link-local address ({address}); "
                                  "allow it explicitly (--allow-private) if this is intended")  # fmt: skip


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an address that passes the same check as the first request."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: HTTPMessage,
                         newurl: str) -> urllib.request.Request | None:  # fmt: skip
        check_address(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, allow_private: bool = False, max_bytes: int = MAX_RESPONSE_BYTES,
          timeout: float = TIMEOUT_SECONDS, etag: str | None = None,
          last_modified: str | None = None) -> Response:  # fmt: skip
    """GET `url` (conditionally, when `etag` / `last_modified` are given); InputError on any failure.

    A 304 Not Modified comes back as a Response with status 304 and no body.
    """
    check_address(url, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    opener = urllib.request.build_opener(_GuardedRedirects(allow_private))
    try:
        with opener.open(request, timeout=timeout) as answer:
            body, truncated = _read_capped(answer, max_bytes)
            headers = answer.headers
            return Response(answer.geturl(), answer.status, body, headers.get_content_type(),
                            headers.get("ETag"), headers.get("Last-Modified"), truncated)  # fmt: skip
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(url, 304, b"", "", etag, last_modified)
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"cannot fetch ({reason})") from exc


def _read_capped(answer: Any, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = answer.read(_CHUNK)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[:max_bytes], True  # stop reading: the rest is never downloaded


@dataclass
class FeedState:
    """What polling one feed remembers between rounds."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    due: float = 0.0
    seen: set[str] = field(default_factory=set)


class FeedWatcher:
    """Polls feeds when they are due and returns the documents of entries not seen before."""

    def __init__(self, feeds: Iterable[str], interval: float = DEFAULT_INTERVAL_SECONDS,
                 allow_private: bool = False, max_bytes: int = MAX_RESPONSE_BYTES,
                 min_interval: float = MIN_INTERVAL_SECONDS, page_delay: float = PAGE_DELAY_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Any] = time.sleep) -> None:  # fmt: skip
        if interval < min_interval:
            log.warning("feed interval raised from %g s to the minimum of %g s", interval, min_interval)
        self.interval = max(interval, min_interval)
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.page_delay = page_delay
        self.clock = clock
        self.sleep = sleep
        self.states = [FeedState(url) for url in dict.fromkeys(feeds)]

    def seconds_until_due(self) -> float:
        return max(0.0, min(state.due for state in self.states) - self.clock()) if self.states else 0.0

    def poll(self) -> list[Document | Rejection]:
        """One round: every due feed is fetched; new entries become Documents, failures Rejections."""
        found: list[Document | Rejection] = []
        for state in self.states:
            if state.due <= self.clock():
                found.extend(self._poll_feed(state))
        return found

    def _poll_feed(self, state: FeedState) -> list[Document | Rejection]:
        try:
            response = fetch(state.url, self.allow_private, self.max_bytes, etag=state.etag,
                             last_modified=state.last_modified)  # fmt: skip
        except InputError as exc:
            state.failures += 1
            backoff = min(self.interval * 2**state.failures, MAX_BACKOFF_SECONDS)
            state.due = self.clock() + backoff
            log.warning("%s: %s; next try in %.0f s", state.url, exc.reason, backoff)
            return [Rejection(state.url, None, f"{exc.reason} (next try in {backoff:.0f} s)")]
        state.failures = 0
        state.due = self.clock() + self.interval
        state.etag, state.last_modified = response.etag or state.etag, response.last_modified or state.last_modified
        if response.status == 304:
            return []
        return list(self._entries(state, response))

    def _entries(self, state: FeedState, response: Response) -> Iterator[Document | Rejection]:
        import feedparser

        parsed = feedparser.parse(response.body)
        if parsed.bozo and not parsed.entries:
            yield Rejection(state.url, None, f"not an RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
            return
        publisher = _clean(parsed.feed.get("title"))
        for entry in parsed.entries:
            link = _clean(entry.get("link"))
            key = _clean(entry.get("id")) or link or stable_id(entry.get("title"), entry.get("summary"))
            if key in state.seen:
                continue
            state.seen.add(key)
            yield self._entry_document(entry, key, link, publisher, state.url)

    def _entry_document(self, entry: Any, key: str, link: str | None, publisher: str | None,
                        feed_url: str) -> Document | Rejection:  # fmt: skip
        page = self._page(link) if link else None
        text = page.text if page else _entry_text(entry)
        if not text.strip():
            return Rejection(feed_url, None, f"{link or key}: no text in the page or the feed entry")
        return Document(
            id=link or key,
            text=text,
            title=_clean(entry.get("title")) or (page.title if page else None),
            url=link,
            published=_entry_date(entry) or (page.published if page else None) or find_publication_date(text),
            publisher=publisher or (page.publisher if page else None),
            author=_clean(entry.get("author")) or (page.author if page else None),
            origin=feed_url,
        )

    def _page(self, link: str) -> Any:
        """The entry's page as extracted article text, or None (the entry's own text is used instead)."""
        if self.page_delay:
            self.sleep(self.page_delay)
        try:
            response = fetch(link, self.allow_private, self.max_bytes)
            if response.content_type not in _HTML_TYPES:
                return None
            return extract_html(response.body, link)
        except InputError as exc:
            log.info("%s: %s; using the feed entry's text", link, exc.reason)
            return None


def watch(feeds: Iterable[str], interval: float = DEFAULT_INTERVAL_SECONDS, allow_private: bool = False,
          rounds: int | None = None, **options: Any) -> Iterator[list[Document | Rejection]]:  # fmt: skip
    """Poll `feeds` forever (or `rounds` times), yielding each round's new documents and failures.

    `options` go to `FeedWatcher` (max_bytes, min_interval, page_delay, clock, sleep).
    """
    watcher = FeedWatcher(feeds, interval, allow_private, **options)
    done = 0
    while rounds is None or done < rounds:
        if done:
            watcher.sleep(watcher.seconds_until_due())
        yield watcher.poll()
        done += 1


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_text(entry: Any) -> str:
    """The entry's full content if the feed carries it, else its summary, as plain text."""
    contents = entry.get("content") or []
    fragment = contents[0].get("value", "") if contents else entry.get("summary", "")
    return _plain_text(fragment or "")


class _TextCollector(html.parser.HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain_text(fragment: str) -> str:
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in normalize_newlines("".join(collector.parts)).split("\n"))
    return "\n".join(line for line in lines if line)
