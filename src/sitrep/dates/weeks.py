"""Date rules of the forms short event reports use for spans: "the week of 4 March", "the first week of
March 2024", "between 29 February 2024 and 2 March 2024"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.dates.calendar import (
    DAY,
    DAY_RE,
    MONTH_RE,
    WEEK,
    YEAR_RE,
    day_number,
    infer_month_year,
    infer_year,
    month_end,
    month_number,
    precision_for,
    safe_date,
)

Resolved = tuple[date, date, int]

_ORDINAL_WEEKS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

WEEK_OF_DAY = (
    rf"(?:the\s+)?week\s+(?:of|starting|beginning)\s+(?:(?P<day>{DAY_RE})\s+(?P<month>{MONTH_RE})|"
    rf"(?P<month2>{MONTH_RE})\s+(?P<day2>{DAY_RE}))(?:,?\s+(?P<year>{YEAR_RE}))?"
)
WEEK_OF_MONTH = (
    r"(?:the\s+)?(?P<ordinal>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+"
    rf"(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?"
)
FULL_DATE_RANGE = (
    rf"(?P<day1>{DAY_RE})\s+(?P<month1>{MONTH_RE}),?\s+(?P<year1>{YEAR_RE})\s*(?:-|–|—|to|and|through|until)\s*"
    rf"(?P<day2>{DAY_RE})\s+(?P<month2>{MONTH_RE}),?\s+(?P<year2>{YEAR_RE})"
)


def _year_for(month: int, day: int, year: str | None, published: date | None) -> int | None:
    if year:
        return int(year)
    return infer_year(month, day, published) if published is not None else None


def week_of_day(m: re.Match[str], published: date | None) -> Resolved | None:
    """ "the week of 4 March 2024": seven days from that day (ACLED's week precision)."""
    month = month_number(m["month"] or m["month2"])
    if month is None:
        return None
    day = day_number(m["day"] or m["day2"])
    year = _year_for(month, day, m["year"], published)
    first = safe_date(year, month, day) if year is not None else None
    return (first, first + timedelta(days=6), WEEK) if first is not None else None


def week_of_month(m: re.Match[str], published: date | None) -> Resolved | None:
    """ "the first week of March 2024" is 1-7 March; "the last week" the last seven days of the month."""
    month = month_number(m["month"])
    if month is None:
        return None
    if m["year"]:
        year = int(m["year"])
    elif published is not None:
        year = infer_month_year(month, published)
    else:
        return None
    last = month_end(year, month)
    ordinal = m["ordinal"].lower()
    if ordinal in ("last", "final"):
        return last - timedelta(days=6), last, WEEK
    start = date(year, month, 1 + 7 * (_ORDINAL_WEEKS[ordinal] - 1))
    return start, min(start + timedelta(days=6), last), WEEK


def full_date_range(m: re.Match[str], _: date | None) -> Resolved | None:
    """ "29 February 2024 and 2 March 2024": both ends carry their year."""
    month1, month2 = month_number(m["month1"]), month_number(m["month2"])
    if month1 is None or month2 is None:
        return None
    start = safe_date(int(m["year1"]), month1, day_number(m["day1"]))
    end = safe_date(int(m["year2"]), month2, day_number(m["day2"]))
    if start is None or end is None:
        return None
    return (start, end, DAY) if start == end else (start, end, precision_for(start, end))
