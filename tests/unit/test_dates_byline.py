"""Publication dates from bylines, datelines and "Published" lines."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.dates import find_publication_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Ben Aris in Berlin December 7, 2024\nTroops advanced.", date(2024, 12, 7)),
        ("Headline here\n7 December 2024\nText.", date(2024, 12, 7)),
        ("Dec. 7, 2024 - Rebels entered the city.", date(2024, 12, 7)),
        ("Posted 2024-12-07T10:00\nText.", date(2024, 12, 7)),
        ("BEIRUT, Dec 7 (Reuters) - Rebels entered Hama in 2024 fighting.", date(2024, 12, 7)),
        ("Sat 7 Dec 2024 12.01 GMT\nText.", date(2024, 12, 7)),
        ("Fighting since 3 May 2015.\nPublished: 9 June 2016", date(2016, 6, 9)),
    ],
)
def test_publication_date_found(text: str, expected: date) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT, Dec 7 (Reuters) - Syrian rebels entered the city.",  # no year anywhere
        "Rebels entered the city on Monday.",
        "",
        "x" * 700 + " December 7, 2024",  # beyond the head of the report
        "Clashes on February 30, 2024.",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert find_publication_date(text) is None
