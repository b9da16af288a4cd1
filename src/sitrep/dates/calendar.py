"""Calendar helpers for the date finders: month and weekday names, year inference, week spans."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# ACLED time precision codes.
DAY, WEEK, MONTH = 1, 2, 3

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _number
    WEEKDAYS[_name[:3].lower()] = _number

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-eight": 48, "seventy-two": 72, "several": 3, "few": 3,
    "a few": 3, "couple": 2, "a couple of": 2, "a couple": 2,
}  # fmt: skip

# Regex fragments (used with re.IGNORECASE). Abbreviations may carry a full stop: "Dec.", "Sept.".
MONTH_RE = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])"
)
# Full names only: "sat", "sun" and "wed" are everyday words.
WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?![a-z])"
DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
YEAR_RE = r"(?:19[5-9][0-9]|20[0-9][0-9])(?![0-9])"
NUMBER_RE = r"(?:[0-9]{1,3}|" + "|".join(sorted((k for k in NUMBER_WORDS), key=len, reverse=True)) + ")"

# A date without a year written shortly after publication is read as an announced, upcoming date
# ("talks on December 10" in a report of December 7), not as one nearly a year earlier.
FUTURE_GRACE_DAYS = 14


def month_number(word: str) -> int | None:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:3])


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip(".")[:3])


def day_number(word: str) -> int:
    return int(word.lower().rstrip(".").rstrip("stndrh"))


def number_value(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month (31 June)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def infer_year(month: int, day: int, published: date) -> int | None:
    """The year that puts month/day on or before publication (allowing a short look ahead)."""
    this_year = safe_date(published.year, month, day)
    if this_year is not None and this_year <= published + timedelta(days=FUTURE_GRACE_DAYS):
        return published.year
    if safe_date(published.year - 1, month, day) is not None:
        return published.year - 1
    return None


def infer_month_year(month: int, published: date) -> int:
    """The year that puts a month on or before the publication month."""
    return published.year if month <= published.month else published.year - 1


def week_of(day: date) -> tuple[date, date]:
    """Monday..Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def previous_weekday(weekday: int, published: date, strictly_before: bool) -> date:
    """The most recent `weekday` on (or strictly before) publication."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def next_weekday(weekday: int, published: date) -> date:
    ahead = (weekday - published.weekday()) % 7
    return published + timedelta(days=ahead or 7)


def precision_for(start: date, end: date) -> int:
    """ACLED precision for a span of days: one day, up to about a week, or longer."""
    days = (end - start).days
    if days <= 0:
        return DAY
    if days <= 7:
        return WEEK
    return MONTH
