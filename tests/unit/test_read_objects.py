"""Document objects: publication dates, ids and field checks."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import InputError
from sitrep.read import document_from_object, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-07", date(2024, 12, 7)),
        ("2024-12-07T23:30:00Z", date(2024, 12, 7)),
        ("2024-12-07T10:00:00+02:00", date(2024, 12, 7)),
        ("2024-12-07 10:00:00 +0000", date(2024, 12, 7)),
    ],
)
def test_parse_published(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "07/12/2024", "2024-13-01", ""])
def test_parse_published_rejects_other_forms(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_object_date_then_byline_then_override() -> None:
    text = "By Jane Doe in Khartoum May 13, 2025\nShelling hit El Fasher."
    assert document_from_object({"id": "a", "text": text}, "s").published == date(2025, 5, 13)
    with_own = document_from_object({"id": "a", "text": text, "published": "2025-05-14"}, "s")
    assert with_own.published == date(2025, 5, 14)
    overridden = document_from_object(
        {"id": "a", "text": text, "published": "2025-05-14"}, "s", None, date(2025, 1, 1)
    )
    assert overridden.published == date(2025, 1, 1)


def test_numeric_id_is_kept_as_text_and_origin_names_the_line() -> None:
    doc = document_from_object({"id": 42, "text": "Clashes.", "publisher": "Sahel Post"}, "f.jsonl", 3)
    assert (doc.id, doc.publisher, doc.origin) == ("42", "Sahel Post", "f.jsonl:3")


def test_bad_id_type_is_an_input_error_with_line() -> None:
    with pytest.raises(InputError) as caught:
        document_from_object({"id": ["x"], "text": "Clashes."}, "f.jsonl", 5)
    assert caught.value.line == 5 and '"id"' in caught.value.reason


def test_long_text_is_cut() -> None:
    doc = document_from_object({"id": "a", "text": "x" * 50}, "s", max_chars=10)
    assert doc.text == "x" * 10
