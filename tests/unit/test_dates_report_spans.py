"""Span expressions of short event reports: weeks of a month, weeks from a day, ranges with two years."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.dates import find_dates_in_text

PUBLISHED = date(2024, 3, 10)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("During the week of 4 March 2024, police arrested ten men.", date(2024, 3, 4), date(2024, 3, 10), 2),
        ("In the week of March 4, police arrested ten men.", date(2024, 3, 4), date(2024, 3, 10), 2),
        ("In the first week of February 2024, clashes went on.", date(2024, 2, 1), date(2024, 2, 7), 2),
        ("In the last week of February 2024, clashes went on.", date(2024, 2, 23), date(2024, 2, 29), 2),
        ("Between 29 February 2024 and 2 March 2024, clashes.", date(2024, 2, 29), date(2024, 3, 2), 2),
        ("Between 30 December 2023 and 2 January 2024, clashes.", date(2023, 12, 30), date(2024, 1, 2), 2),
        ("Overnight on 3-4 March 2024, drones struck the port.", date(2024, 3, 3), date(2024, 3, 4), 2),
        ("On 1 December 2023, forces shelled the village.", date(2023, 12, 1), date(2023, 12, 1), 1),
        ("Between 2 and 4 December 2023, rioters burned tyres.", date(2023, 12, 2), date(2023, 12, 4), 2),
    ],
)
def test_the_first_date_of_a_note_is_its_span(text: str, start: date, end: date, precision: int) -> None:
    found = find_dates_in_text(text, PUBLISHED)
    assert found, text
    assert (found[0].start, found[0].end, found[0].precision) == (start, end, precision)
    assert found[0].span is not None and text[found[0].span.start : found[0].span.end] == found[0].span.text


def test_overnight_alone_is_still_the_night_before_publication() -> None:
    found = find_dates_in_text("Drones struck the port overnight.", PUBLISHED)
    assert [(d.start, d.end) for d in found] == [(date(2024, 3, 9), date(2024, 3, 9))]


def test_week_of_a_day_without_year_needs_a_publication_date() -> None:
    assert find_dates_in_text("In the week of 4 March, police arrested ten men.", None) == []
