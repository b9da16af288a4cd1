"""Finding date expressions in running text, with offsets."""

from __future__ import annotations

from datetime import date

from sitrep.dates import find_dates_in_text

TEXT = (
    "Air strikes hit Ariha on Monday, killing four people. Clashes have continued since December 1 "
    "and intensified in the past 48 hours. The army said it may withdraw. Talks were held in May."
)


def test_spans_point_into_the_text() -> None:
    found = find_dates_in_text(TEXT, date(2024, 12, 7))
    assert [d.span.text for d in found if d.span] == [
        "Monday",
        "since December 1",
        "the past 48 hours",
        "in May",
    ]
    for d in found:
        assert d.span is not None and TEXT[d.span.start : d.span.end] == d.span.text
    assert (found[0].start, found[1].start, found[1].end) == (
        date(2024, 12, 2),
        date(2024, 12, 1),
        date(2024, 12, 7),
    )


def test_modal_may_is_not_a_month() -> None:
    found = find_dates_in_text("Officials said they may act soon.", date(2024, 12, 7))
    assert found == []


def test_bare_years_and_months_need_a_date_entity() -> None:
    text = "About 2000 people fled. It began in 2016 and peaked 2019."
    plain = find_dates_in_text(text, date(2024, 12, 7))
    assert [d.span.text for d in plain if d.span] == ["in 2016"]
    start = text.index("2019")
    with_entity = find_dates_in_text(text, date(2024, 12, 7), entity_spans=((start, start + 4),))
    assert [d.span.text for d in with_entity if d.span] == ["in 2016", "2019"]


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    found = find_dates_in_text("On Monday, 2 December 2024, and again yesterday.", None)
    assert [(d.start, d.precision) for d in found] == [(date(2024, 12, 2), 1)]


def test_anchored_days_count_from_the_last_named_day() -> None:
    text = "Rebels attacked on December 2. The following day, jets struck. Two days later, talks began."
    found = find_dates_in_text(text, date(2024, 12, 7))
    assert [(d.span.text if d.span else None, d.start) for d in found] == [
        ("December 2", date(2024, 12, 2)),
        ("The following day", date(2024, 12, 3)),
        ("Two days later", date(2024, 12, 5)),
    ]
