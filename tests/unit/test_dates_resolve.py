"""Relative and absolute date expressions resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dates import resolve_date
from sitrep.model import DateRange

SATURDAY = date(2024, 12, 7)

CASES: list[tuple[str, date, date, date, int]] = [
    # expression, published, start, end, precision
    ("on December 6", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("December 6", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("6 December", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("Dec. 6", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("the 6th of December", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("Sept. 3", SATURDAY, date(2024, 9, 3), date(2024, 9, 3), 1),
    ("December 6", date(2025, 1, 2), date(2024, 12, 6), date(2024, 12, 6), 1),
    ("as of December 7", SATURDAY, SATURDAY, SATURDAY, 1),
    ("December 6, 2023", SATURDAY, date(2023, 12, 6), date(2023, 12, 6), 1),
    ("2024-12-05", SATURDAY, date(2024, 12, 5), date(2024, 12, 5), 1),
    ("on Monday", SATURDAY, date(2024, 12, 2), date(2024, 12, 2), 1),
    ("Monday night", SATURDAY, date(2024, 12, 2), date(2024, 12, 2), 1),
    ("last Tuesday", SATURDAY, date(2024, 12, 3), date(2024, 12, 3), 1),
    ("on Saturday", SATURDAY, SATURDAY, SATURDAY, 1),
    ("last Saturday", SATURDAY, date(2024, 11, 30), date(2024, 11, 30), 1),
    ("next Monday", SATURDAY, date(2024, 12, 9), date(2024, 12, 9), 1),
    ("today", SATURDAY, SATURDAY, SATURDAY, 1),
    ("this morning", SATURDAY, SATURDAY, SATURDAY, 1),
    ("yesterday", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("last night", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("overnight", SATURDAY, date(2024, 12, 6), date(2024, 12, 6), 1),
    ("three days ago", SATURDAY, date(2024, 12, 4), date(2024, 12, 4), 1),
    ("last week", SATURDAY, date(2024, 11, 25), date(2024, 12, 1), 2),
    ("this week", SATURDAY, date(2024, 12, 2), SATURDAY, 2),
    ("in recent days", SATURDAY, date(2024, 11, 30), SATURDAY, 2),
    ("in the last two days", SATURDAY, date(2024, 12, 5), SATURDAY, 2),
    ("in the past 48 hours", SATURDAY, date(2024, 12, 5), SATURDAY, 2),
    ("since Monday", SATURDAY, date(2024, 12, 2), SATURDAY, 2),
    ("December 4-6", SATURDAY, date(2024, 12, 4), date(2024, 12, 6), 2),
    ("from November 28 to December 3", SATURDAY, date(2024, 11, 28), date(2024, 12, 3), 2),
    ("early December", SATURDAY, date(2024, 12, 1), date(2024, 12, 10), 2),
    ("last month", SATURDAY, date(2024, 11, 1), date(2024, 11, 30), 3),
    ("earlier this month", SATURDAY, date(2024, 12, 1), SATURDAY, 3),
    ("in recent weeks", SATURDAY, date(2024, 11, 9), SATURDAY, 3),
    ("in May", SATURDAY, date(2024, 5, 1), date(2024, 5, 31), 3),
    ("December 2024", SATURDAY, date(2024, 12, 1), date(2024, 12, 31), 3),
    ("since 2016", SATURDAY, date(2016, 1, 1), SATURDAY, 3),
    ("earlier this year", SATURDAY, date(2024, 1, 1), SATURDAY, 3),
    ("last year", SATURDAY, date(2023, 1, 1), date(2023, 12, 31), 3),
    ("in 2023", SATURDAY, date(2023, 1, 1), date(2023, 12, 31), 3),
    ("tomorrow", SATURDAY, date(2024, 12, 8), date(2024, 12, 8), 1),
    ("in the coming hours", SATURDAY, SATURDAY, date(2024, 12, 8), 1),
    ("in the coming days", SATURDAY, SATURDAY, date(2024, 12, 14), 2),
    ("next week", SATURDAY, date(2024, 12, 9), date(2024, 12, 15), 2),
    ("Dec.14th", SATURDAY, date(2024, 12, 14), date(2024, 12, 14), 1),
    ("last December", SATURDAY, date(2023, 12, 1), date(2023, 12, 31), 3),
    ("the summer of 2017", SATURDAY, date(2017, 6, 1), date(2017, 8, 31), 3),
    ("last winter", SATURDAY, date(2023, 12, 1), date(2024, 2, 29), 3),
    ("late 2016", SATURDAY, date(2016, 9, 1), date(2016, 12, 31), 3),
    ("between 2016 and 2018", SATURDAY, date(2016, 1, 1), date(2018, 12, 31), 3),
]


@pytest.mark.parametrize(("expression", "published", "start", "end", "precision"), CASES)
def test_resolve_date(expression: str, published: date, start: date, end: date, precision: int) -> None:
    assert resolve_date(expression, published) == DateRange(start=start, end=end, precision=precision)


@pytest.mark.parametrize(
    "expression",
    ["", "hello", "they may strike again", "2 may", "the sun sat low", "a march", "the Arab Spring"],
)
def test_non_dates_resolve_to_none(expression: str) -> None:
    assert resolve_date(expression, SATURDAY) is None


def test_future_dates_close_to_publication_stay_in_the_same_year() -> None:
    talks = resolve_date("on December 10", SATURDAY)
    assert talks is not None and talks.start == date(2024, 12, 10)
    far = resolve_date("on December 30", SATURDAY)
    assert far is not None and far.start == date(2023, 12, 30)


def test_impossible_day_falls_back_to_its_month() -> None:
    assert resolve_date("February 30, 2024", SATURDAY) == DateRange(date(2024, 2, 1), date(2024, 2, 29), 3)


@settings(max_examples=300, deadline=None)
@given(
    expression=st.text(max_size=60)
    | st.sampled_from([c[0] for c in CASES]).map(lambda e: f"late on {e} night"),
    published=st.dates(),
)
def test_resolve_date_never_raises_and_never_reverses(expression: str, published: date) -> None:
    resolved = resolve_date(expression, published)
    assert resolved is None or resolved.start <= resolved.end


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "last",
                "next",
                "since",
                "on",
                "the",
                "past",
                "coming",
                "December",
                "Monday",
                "6",
                "31",
                "2024",
                "weeks",
                "days",
                "hours",
                "ago",
                "-",
                "to",
                "early",
                "mid",
                "Feb.",
                "29",
                "year",
                "this",
            ]
        ),
        max_size=6,
    ),
    published=st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 20)),
)
def test_resolve_date_on_date_like_word_soup(words: list[str], published: date) -> None:
    resolved = resolve_date(" ".join(words), published)
    assert resolved is None or (resolved.start <= resolved.end and resolved.precision in (1, 2, 3))
