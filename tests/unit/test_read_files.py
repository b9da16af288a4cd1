"""Reading files, directories and standard input: every format, and bad input turned into Rejections."""

from __future__ import annotations

import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import Document, Rejection
from sitrep.read import read_documents

REPORT = "Clashes near Saraqib\n\nBy Jane Doe in Beirut December 7, 2024\n\nFighting broke out on Friday.\n"
PAGE = """<html><head><title>Strikes hit Ariha | Example Times</title>
<meta name="author" content="John Roe">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-12-07T09:00:00Z">
<link rel="canonical" href="https://example.org/ariha"></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a> <a href="/login">Sign in</a></nav>
<article><h1>Strikes hit Ariha</h1>
<p>Air strikes hit the town of Ariha in Idlib province on Friday, killing at least four people,
according to local rescuers who worked through the night to reach survivors.</p>
<p>Government forces said they had targeted positions of armed groups near the town and denied
that civilians had been hurt in the strikes.</p></article>
<footer>Copyright 2024 Example Times. All rights reserved. Privacy policy.</footer></body></html>"""


def documents(results: list[Document | Rejection]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def rejections(results: list[Document | Rejection]) -> list[Rejection]:
    return [r for r in results if isinstance(r, Rejection)]


def test_text_file_is_read_verbatim_with_path_as_id(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.id == str(path)
    assert doc.text == REPORT
    assert doc.title == "Clashes near Saraqib"
    assert doc.published == date(2024, 12, 7)


def test_windows_line_ends_read_as_python_text_mode_does(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert doc.text == path.read_text(encoding="utf-8") == REPORT


def test_published_override_wins_over_byline(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [doc] = list(read_documents([str(path)], published=date(2025, 1, 1)))
    assert isinstance(doc, Document)
    assert doc.published == date(2025, 1, 1)


def test_html_file_keeps_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert "killing at least four people" in doc.text
    assert "Sign in" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Strikes hit Ariha"
    assert doc.author == "John Roe"
    assert doc.publisher == "Example Times"
    assert doc.url == "https://example.org/ariha"
    assert doc.published == date(2024, 12, 7)


def test_html_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text(
        "<html><head><title>Empty</title></head><body><div></div></body></html>", encoding="utf-8"
    )
    [rejection] = list(read_documents([str(path)]))
    assert isinstance(rejection, Rejection)
    assert rejection.source == str(path)
    assert "no article text" in rejection.reason


def test_json_file_holds_one_object(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"id": "a1", "text": "Shelling hit Sarmin.", "published": "2024-12-06"}))
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.published) == ("a1", "Shelling hit Sarmin.", date(2024, 12, 6))


def test_json_array_gives_one_document_per_item(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "a", "text": "One."}, {"id": "b", "text": ""}]))
    results = list(read_documents([str(path)]))
    assert [d.id for d in documents(results)] == ["a"]
    assert rejections(results)[0].source == f"{path}[2]"


def test_invalid_json_line_between_two_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "First report."})
        + "\n{not json\n"
        + json.dumps({"id": "b", "text": "Second."})
    )
    results = list(read_documents([str(path)]))
    assert [d.id for d in documents(results)] == ["a", "b"]
    [rejection] = rejections(results)
    assert (rejection.source, rejection.line) == (str(path), 2)
    assert "invalid JSON" in rejection.reason
    assert rejection.message().startswith(f"sitrep: skipped {path}:2:")


def test_jsonl_problems_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "wrong", "text": 5}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "date", "text": "x", "published": "last week"}),
        json.dumps({"text": "Clashes in Nyala.", "title": 3}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = list(read_documents([str(path)]))
    assert all(isinstance(r, Rejection) for r in results)
    assert [r.line for r in rejections(results)] == [1, 2, 3, 4, 6, 7]
    reasons = [r.reason for r in rejections(results)]
    assert "no text" in reasons[0] and "no text" in reasons[1]
    assert '"text" must be a string' in reasons[2]
    assert "expected a JSON object" in reasons[3]
    assert "published" in reasons[4]
    assert '"title" must be a string' in reasons[5]


def test_html_field_stands_for_text(tmp_path: Path) -> None:
    path = tmp_path / "html.jsonl"
    path.write_text(json.dumps({"id": "h", "html": PAGE}) + "\n")
    [doc] = list(read_documents([str(path)]))
    assert isinstance(doc, Document)
    assert "Ariha" in doc.text and "<p>" not in doc.text
    assert doc.title == "Strikes hit Ariha"
    assert doc.published == date(2024, 12, 7)


def test_object_without_id_gets_a_stable_content_id(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"text": "Clashes in Nyala."}) + "\n")
    first = list(read_documents([str(path)]))[0]
    second = list(read_documents([str(path)]))[0]
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id and first.id.startswith("sha256:")


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second report.")
    (tmp_path / "a.txt").write_text("First report.")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": "obj", "text": "Object."}) + "\n")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.")
    (tmp_path / ".notes.txt").write_text("Hidden file.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00\x00")
    results = list(read_documents([str(tmp_path)]))
    assert [r.id for r in documents(results)] == [
        str(tmp_path / "a.txt"),
        "obj",
        str(tmp_path / "b" / "z.txt"),
    ]
    assert rejections(results) == []


def test_stdin_is_read_as_json_lines_for_dash_and_for_no_path() -> None:
    lines = json.dumps({"id": "s1", "text": "From stdin."}) + "\n\n" + "oops\n"
    for paths in (["-"], []):
        results = list(read_documents(paths, stdin=io.StringIO(lines)))
        assert [d.id for d in documents(results)] == ["s1"]
        assert [(r.source, r.line) for r in rejections(results)] == [("<stdin>", 3)]


def test_stdin_bytes_with_bad_encoding_become_a_rejection() -> None:
    raw = io.BytesIO(
        json.dumps({"id": "ok", "text": "Fine."}).encode() + b"\n" + b'{"id": "x", "text": "\xe9"}\n'
    )
    stdin = io.TextIOWrapper(raw, encoding="utf-8")
    results = list(read_documents(["-"], stdin=stdin))
    assert [d.id for d in documents(results)] == ["ok"]
    assert rejections(results)[0].line == 2 and "not UTF-8" in rejections(results)[0].reason


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"GIF89a\x00\x01\x02\x03")
    [rejection] = list(read_documents([str(path)]))
    assert isinstance(rejection, Rejection)
    assert "binary" in rejection.reason


def test_wrong_encoding_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 bombed in Idlib.".encode("cp1252"))
    [rejection] = list(read_documents([str(path)]))
    assert isinstance(rejection, Rejection)
    assert "not UTF-8" in rejection.reason and "0xe9" in rejection.reason


def test_empty_and_missing_files_are_rejected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n")
    results = list(read_documents([str(empty), str(tmp_path / "missing.txt")]))
    assert [r.reason for r in rejections(results)] == ["empty text", "no such file or directory"]


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "One."}) + "\n")
    results = read_documents([str(path), str(tmp_path / "missing.txt")])
    first = next(results)
    assert isinstance(first, Document)  # the missing file is not touched until asked for


def test_fifty_megabyte_file_is_cut_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "huge.txt"
    paragraph = ("Shelling continued around El Fasher on Monday, residents said. " * 16 + "\n").encode()
    with path.open("wb") as out:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            out.write(paragraph)
    assert path.stat().st_size >= 50 * 1024 * 1024
    with caplog.at_level(logging.WARNING, logger="sitrep.read"):
        [doc] = list(read_documents([str(path)], max_bytes=1_000_000))
    assert isinstance(doc, Document)
    assert 0 < len(doc.text) <= 1_000_000
    assert doc.text.startswith("Shelling continued")
    assert "only the first" in caplog.text


def test_cut_never_splits_a_character(tmp_path: Path) -> None:
    path = tmp_path / "arabic.txt"
    path.write_text("\u062d\u0644\u0628" * 10, encoding="utf-8")  # two bytes per character
    [doc] = list(read_documents([str(path)], max_bytes=5))
    assert isinstance(doc, Document)
    assert doc.text == "\u062d\u0644"
