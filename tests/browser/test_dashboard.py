"""The dashboard in a real browser (Chromium) against the real server, with no network beyond loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.read import read_documents
from sitrep.run.ingest import ingest

REPO_ROOT = Path(__file__).resolve().parents[2]
FOUNDING_ARTICLES = REPO_ROOT.parent / "shared" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_TEXT = ("Rebels attacked an army checkpoint in Homs on Monday, killing three soldiers. "
                "<script>window.pwned = true</script><img src=x onerror=\"window.pwned = true\"> was posted.")

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install chromium)")


def _sources() -> list[str]:
    """The founding article; the bundled examples when taking the README's screenshot (no copied news in it)."""
    articles = sorted(FOUNDING_ARTICLES.glob("*.txt")) if FOUNDING_ARTICLES.is_dir() else []
    if not articles or os.environ.get("SITREP_SCREENSHOT"):
        articles = [REPO_ROOT / "examples"]
    return [str(path) for path in articles]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from sitrep.api import create_app

    db = tmp_path_factory.mktemp("dashboard") / "sitrep.duckdb"
    documents = [item for item in read_documents(_sources()) if isinstance(item, Document)]
    hostile = Document(id="hostile-1", text=HOSTILE_TEXT, title="<b>bold</b> <script>x()</script>",
                       published=date(2024, 12, 2))
    ingest([*documents, hostile], [], Settings(), str(db))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(), db), host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}/"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        # No network: every request that leaves the loopback server fails the test.
        outside: list[str] = []

        def guard(route: Any) -> None:
            if route.request.url.startswith(server) or route.request.url.startswith("data:"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
        page.goto(server)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
        yield page
        assert not outside, f"the dashboard reached outside: {outside}"
        assert not errors, f"script errors: {errors}"
        browser.close()


def _markers(page: Any) -> int:
    return int(page.locator(".sitrep-marker").count() + page.locator(".marker-cluster").count())


def test_markers_slider_and_evidence(page: Any, tmp_path: Path) -> None:
    assert _markers(page) > 0
    assert page.locator("path.leaflet-interactive, svg path").count() > 0  # the shipped country outlines
    shown = page.locator("#event-list li").count()
    assert shown > 0
    slider = page.locator("#slider")
    slider.evaluate("s => { s.value = '0'; s.dispatchEvent(new Event('input')); }")
    assert page.locator("#event-list li").count() < shown
    slider.evaluate("s => { s.value = s.max; s.dispatchEvent(new Event('input')); }")
    page.locator("#event-list li").first.click()
    mark = page.locator("#doc-text mark.evidence.selected")
    mark.wait_for(timeout=5000)
    event_id = page.locator("#event-list li.selected").get_attribute("data-event-id")
    detail = page.request.get(f"{page.url}api/events/{event_id}").json()
    assert mark.text_content() == detail["event"]["evidence"]["sentence"]
    page.locator("#slider").evaluate("s => { s.value = s.max; s.dispatchEvent(new Event('input')); }")
    for _ in range(3):  # zoom out so the screenshot shows the region, not one town
        page.locator(".leaflet-control-zoom-out").click()
        page.wait_for_timeout(300)
    page.wait_for_timeout(700)  # let the zoom animation end before anything else moves the map
    # SITREP_SCREENSHOT=docs/dashboard.png python -m pytest tests/browser  renews the README's picture
    target = os.environ.get("SITREP_SCREENSHOT")
    page.screenshot(path=target or str(tmp_path / "dashboard.png"))


def test_article_markup_renders_as_text(page: Any) -> None:
    if os.environ.get("SITREP_SCREENSHOT"):
        pytest.skip("taking the screenshot: the examples' Homs events would be fused with the test's own")
    # The list keeps only what the map shows: zoom out to the whole world, wherever earlier tests left it.
    zoom_out = page.locator(".leaflet-control-zoom-out")
    for _ in range(20):
        if "leaflet-disabled" in (zoom_out.get_attribute("class") or ""):
            break
        zoom_out.click()
        page.wait_for_timeout(300)
    item = page.locator("#event-list li", has_text="Homs")
    hostile = None
    for index in range(item.count()):
        event_id = item.nth(index).get_attribute("data-event-id")
        if page.request.get(f"{page.url}api/events/{event_id}").json()["event"]["document_id"] == "hostile-1":
            hostile = item.nth(index)
    assert hostile is not None, "the event of the hostile article is listed"
    hostile.click()
    page.locator("#doc-title", has_text="<b>bold</b>").wait_for(timeout=5000)
    assert "<script>window.pwned = true</script>" in page.locator("#doc-text").text_content()
    assert page.locator("#doc-text script, #doc-text img, #doc-title b").count() == 0
    assert page.evaluate("window.pwned === undefined")
