"""Date expression rules: one regex and one resolver each, shared by resolve_date and find_dates.

Conventions (ACLED time precision 1 day, 2 week, 3 month):
- a day without a year takes the year that puts it on or before publication (a date up to two weeks after
  publication is kept in the same year: it is an announced date);
- a bare weekday ("on Monday", "Monday night") is the most recent such day on or before publication, since
  reports name the day even for the day they are published; "last Monday" is strictly before it;
- "last week" / "last month" / "last year" are the previous calendar week (Monday to Sunday), month or year;
- "in recent days", "in the past 48 hours", "in the last two days" end on the publication date;
- "in recent weeks", "earlier this month", "earlier this year" and longer spans have precision 3 (month),
  since ACLED has no coarser one;
- future expressions ("tomorrow", "in the coming hours", "next week") start on or after publication.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.dates.calendar import (
    DAY,
    DAY_RE,
    MONTH,
    MONTH_RE,
    NUMBER_RE,
    WEEK,
    WEEKDAY_RE,
    YEAR_RE,
    day_number,
    infer_month_year,
    infer_year,
    month_end,
    month_number,
    next_weekday,
    number_value,
    precision_for,
    previous_weekday,
    safe_date,
    week_of,
    weekday_number,
)
from sitrep.dates.weeks import (
    FULL_DATE_RANGE,
    WEEK_OF_DAY,
    WEEK_OF_MONTH,
    full_date_range,
    week_of_day,
    week_of_month,
)

Resolved = tuple[date, date, int]
Resolver = Callable[[re.Match[str], date | None], Resolved | None]

# Every rule starts here (the date finder scans for it once for all rules).
RULE_START = r"(?<![\w-])"
_END = r"(?![\w])"
_DASH = r"\s*(?:-|–|—|to|and|through|until|till)\s*"


@dataclass(frozen=True, slots=True)
class Rule:
    """A date expression pattern. `entity_only` rules are too ambiguous to trust in running text
    ("May", "2000") and apply only to a whole expression or inside a DATE entity."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    entity_only: bool = False
    anchored: bool = False  # relative to the day last named in the text ("the following day")


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(RULE_START + body + _END, re.IGNORECASE)


def _plausible_month(word: str) -> bool:
    # "may" and "march" in lower case are a verb and a protest far more often than months.
    return not (word.islower() and word.rstrip(".").lower() in {"may", "march"})


def _day(d: date | None) -> Resolved | None:
    return (d, d, DAY) if d is not None else None


def _full_date(m: re.Match[str], _: date | None) -> Resolved | None:
    if not _plausible_month(m["month"]):
        return None
    month = month_number(m["month"])
    return _day(safe_date(int(m["year"]), month, day_number(m["day"]))) if month else None


def _iso_date(m: re.Match[str], _: date | None) -> Resolved | None:
    return _day(safe_date(int(m["year"]), int(m["month"]), int(m["day"])))


def _day_month(m: re.Match[str], published: date | None) -> Resolved | None:
    month = month_number(m["month"])
    if published is None or month is None or not _plausible_month(m["month"]):
        return None
    day = day_number(m["day"])
    year = infer_year(month, day, published)
    return _day(safe_date(year, month, day)) if year is not None else None


def _day_range(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "December 4-6", "4 to 6 December 2024", "November 28 to December 3"."""
    month2 = month_number(m["month"])
    month1 = month_number(m["month1"]) if m["month1"] else month2
    if month1 is None or month2 is None or not _plausible_month(m["month"]):
        return None
    day1, day2 = day_number(m["day1"]), day_number(m["day2"])
    if m["year"]:
        year2 = int(m["year"])
    elif published is not None:
        inferred = infer_year(month2, day2, published)
        if inferred is None:
            return None
        year2 = inferred
    else:
        return None
    year1 = year2 - 1 if month1 > month2 else year2
    start, end = safe_date(year1, month1, day1), safe_date(year2, month2, day2)
    if start is None or end is None:
        return None
    return start, end, precision_for(start, end)


def _month_part(part: str | None, year: int, month: int) -> Resolved:
    last = month_end(year, month)
    part = (part or "").lower()
    if part in {"early", "beginning of", "start of"}:
        return date(year, month, 1), date(year, month, 10), WEEK
    if part in {"mid", "mid-", "middle of"}:
        return date(year, month, 11), date(year, month, 20), WEEK
    if part in {"late", "end of"}:
        return date(year, month, 21), last, WEEK
    return date(year, month, 1), last, MONTH


def _month_year(m: re.Match[str], _: date | None) -> Resolved | None:
    month = month_number(m["month"])
    return _month_part(m["part"], int(m["year"]), month) if month else None


def _month_only(m: re.Match[str], published: date | None) -> Resolved | None:
    month = month_number(m["month"])
    if published is None or month is None or not _plausible_month(m["month"]):
        return None
    return _month_part(m["part"], infer_month_year(month, published), month)


def _year(m: re.Match[str], _: date | None) -> Resolved | None:
    year = int(m["year"])
    part = " ".join((m.groupdict().get("part") or "").lower().rstrip("-").split())
    if part in {"early", "beginning of", "start of"}:
        return date(year, 1, 1), date(year, 4, 30), MONTH
    if part in {"mid", "middle of"}:
        return date(year, 5, 1), date(year, 8, 31), MONTH
    if part in {"late", "end of"}:
        return date(year, 9, 1), date(year, 12, 31), MONTH
    return date(year, 1, 1), date(year, 12, 31), MONTH


def _relative_month(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "last December", "this March", "next April"."""
    month = month_number(m["month"])
    if published is None or month is None or not _plausible_month(m["month"]):
        return None
    qualifier = m["qualifier"].lower()
    if qualifier == "last":
        year = published.year if month < published.month else published.year - 1
    elif qualifier == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year
    return date(year, month, 1), month_end(year, month), MONTH


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season(m: re.Match[str], published: date | None) -> Resolved | None:
    """Northern-hemisphere seasons: "the summer of 2017", "last winter", "this spring"."""
    season = m["season"].lower()
    if season == "fall" and not m["year"] and (m["qualifier"] or "").lower() not in ("last", "this"):
        return None  # "the fall of Homs" is no season
    first, last = _SEASONS[season]
    if not m["qualifier"] and not m["year"]:
        return None  # "Arab Spring", "a spring": not a date without "the", "last" or a year
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return None
    else:
        # The season of this year if it has begun, else last year's; "last" goes one further back.
        year = published.year if published >= date(published.year, first, 1) else published.year - 1
        if first == 12 and published.month <= 2:
            year = published.year - 1
        if (m["qualifier"] or "").lower() == "last":
            year -= 1
    end_year = year + 1 if first > last else year
    return date(year, first, 1), month_end(end_year, last), MONTH


def _anchored_day(m: re.Match[str], anchor: date | None) -> Resolved | None:
    """Expressions like "the following day", "two days later", "the same day", relative to `anchor`."""
    if anchor is None:
        return None
    words = " ".join(m[0].lower().split())
    if m["count"]:
        count = number_value(m["count"])
        if count is None:
            return None
        return _day(anchor + timedelta(days=count if words.endswith("later") else -count))
    if "following" in words or "next" in words or "after" in words:
        return _day(anchor + timedelta(days=1))
    if "previous" in words or "before" in words:
        return _day(anchor - timedelta(days=1))
    return _day(anchor)


def _year_range(m: re.Match[str], _: date | None) -> Resolved | None:
    first, last = sorted((int(m["year1"]), int(m["year2"])))
    return date(first, 1, 1), date(last, 12, 31), MONTH


_SAME_DAY = {
    "today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "earlier today": 0, "later today": 0, "so far today": 0, "earlier on today": 0,
    "yesterday": -1, "last night": -1, "last evening": -1,
    "the day before yesterday": -2, "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip


def _named_day(m: re.Match[str], published: date | None) -> Resolved | None:
    if published is None:
        return None
    words = " ".join(m[0].lower().split())
    if words.startswith("overnight"):
        # the night before the report: ACLED dates a night-time event by the evening it began
        return _day(published - timedelta(days=1))
    if words.startswith("yesterday"):
        words = "yesterday"
    if words.startswith("tomorrow"):
        words = "tomorrow"
    return _day(published + timedelta(days=_SAME_DAY.get(words, 0)))


def _weekday(m: re.Match[str], published: date | None) -> Resolved | None:
    weekday = weekday_number(m["weekday"])
    if published is None or weekday is None:
        return None
    qualifier = " ".join((m["qualifier"] or "").lower().split())
    if qualifier in {"next", "this coming", "coming"}:
        return _day(next_weekday(weekday, published))
    return _day(
        previous_weekday(weekday, published, strictly_before=qualifier in {"last", "this past", "past"})
    )


def _weekend(m: re.Match[str], published: date | None) -> Resolved | None:
    if published is None:
        return None
    qualifier = (m["qualifier"] or "").lower()
    saturday = previous_weekday(5, published, strictly_before=qualifier == "last")
    if qualifier in {"next", "coming"}:
        saturday = next_weekday(5, published)
        return saturday, saturday + timedelta(days=1), WEEK
    return saturday, min(saturday + timedelta(days=1), max(published, saturday)), WEEK


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _calendar_unit(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "last week", "this month", "earlier this year", "next week", "the past month"."""
    if published is None:
        return None
    qualifier = " ".join(m["qualifier"].lower().split())
    unit = m["unit"].lower()
    if qualifier in {"past", "the past", "over the past"}:
        days = {"week": 7, "month": 30, "year": 365}[unit]
        return published - timedelta(days=days), published, WEEK if unit == "week" else MONTH
    offset = {"last": -1, "previous": -1, "the previous": -1, "next": 1, "the next": 1, "coming": 1,
              "the coming": 1}.get(qualifier, 0)  # fmt: skip
    if qualifier == "later this":
        return published, _calendar_unit_end(unit, published), WEEK if unit == "week" else MONTH
    if unit == "week":
        monday, sunday = week_of(published + timedelta(days=7 * offset))
        return (monday, min(sunday, published) if offset == 0 else sunday, WEEK)
    if unit == "month":
        first = _add_months(published, offset)
        last = month_end(first.year, first.month)
        return first, min(last, published) if offset == 0 else last, MONTH
    year = published.year + offset
    return date(year, 1, 1), min(date(year, 12, 31), published) if offset == 0 else date(year, 12, 31), MONTH


def _calendar_unit_end(unit: str, published: date) -> date:
    if unit == "week":
        return week_of(published)[1]
    if unit == "month":
        return month_end(published.year, published.month)
    return date(published.year, 12, 31)


def _ago(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "three days ago", "two weeks earlier", "a month ago"."""
    count = number_value(m["count"])
    if published is None or count is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return _day(published - timedelta(days=count))
    if unit == "week":
        monday, sunday = week_of(published - timedelta(days=7 * count))
        return monday, sunday, WEEK
    if unit == "month":
        first = _add_months(published, -count)
        return first, month_end(first.year, first.month), MONTH
    year = published.year - count
    return date(year, 1, 1), date(year, 12, 31), MONTH


_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def _span_days(count: int, unit: str) -> int:
    return max(1, round(count * _UNIT_DAYS[unit.lower().rstrip("s")] + 0.49))


def _past_span(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "in the past 48 hours", "over the last two days", "in recent weeks"."""
    if published is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    count = number_value(m["count"]) if m["count"] else None
    if count is None:
        count = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 2}[unit]
    days = _span_days(count, unit)
    start = published - timedelta(days=days)
    if unit == "hour" and count <= 24:
        return start, published, DAY
    precision = MONTH if unit in {"month", "year"} or (unit == "week" and count > 1) else WEEK
    return start, published, max(precision, precision_for(start, published))


def _future_span(m: re.Match[str], published: date | None) -> Resolved | None:
    """Expressions like "in the coming hours", "in the next few days", "within the next two weeks"."""
    if published is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    count = number_value(m["count"]) if m["count"] else None
    if count is None:
        count = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 2}[unit]
    end = published + timedelta(days=_span_days(count, unit))
    if unit == "hour" and count <= 24:
        return published, end, DAY
    return published, end, max(WEEK, precision_for(published, end))


_DAY_MONTH = rf"(?P<day>{DAY_RE})(?:\s+of)?\s+(?P<month>{MONTH_RE})"
_MONTH_DAY = rf"(?P<month>{MONTH_RE})(?:\s+|(?<=\.))(?P<day>{DAY_RE})"
_PART = r"(?:(?P<part>early|mid|late|beginning of|start of|middle of|end of)\s*-?\s*)?"

RULES: tuple[Rule, ...] = (
    Rule(
        "iso", _compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"), _iso_date
    ),
    Rule("full_date_range", _compile(FULL_DATE_RANGE), full_date_range),
    Rule("week_of_day", _compile(WEEK_OF_DAY), week_of_day),
    Rule("week_of_month", _compile(WEEK_OF_MONTH), week_of_month),
    Rule("day_month_year", _compile(rf"{_DAY_MONTH},?\s+(?P<year>{YEAR_RE})"), _full_date),
    Rule("month_day_year", _compile(rf"{_MONTH_DAY},?\s+(?P<year>{YEAR_RE})"), _full_date),
    Rule(
        "month_day_range",
        _compile(
            rf"(?:(?P<month1>{MONTH_RE})\s+)?(?P<day1>{DAY_RE}){_DASH}(?P<month>{MONTH_RE})\s+(?P<day2>{DAY_RE})"
            rf"(?:,?\s+(?P<year>{YEAR_RE}))?"
        ),
        _day_range,
    ),
    Rule(
        "month_range_day",
        _compile(
            rf"(?P<month>{MONTH_RE})\s+(?P<day1>{DAY_RE}){_DASH}(?P<day2>{DAY_RE})"
            rf"(?P<month1>)(?:,?\s+(?P<year>{YEAR_RE}))?"
        ),
        _day_range,
    ),
    Rule(
        "day_range_month",
        _compile(
            rf"(?P<day1>{DAY_RE})(?:\s+(?P<month1>{MONTH_RE}))?{_DASH}(?P<day2>{DAY_RE})\s+(?P<month>{MONTH_RE})"
            rf"(?:,?\s+(?P<year>{YEAR_RE}))?"
        ),
        _day_range,
    ),
    Rule("day_month", _compile(_DAY_MONTH), _day_month),
    Rule("month_day", _compile(_MONTH_DAY), _day_month),
    Rule("month_year", _compile(rf"{_PART}(?P<month>{MONTH_RE}),?\s+(?P<year>{YEAR_RE})"), _month_year),
    Rule(
        "month_part",
        _compile(
            rf"(?P<part>early|mid|late|beginning of|start of|middle of|end of)\s*-?\s*"
            rf"(?P<month>{MONTH_RE})"
        ),
        _month_only,
    ),
    Rule(
        "in_month",
        _compile(rf"(?:in|during|since|until|by|throughout|from)\s+(?P<part>)(?P<month>{MONTH_RE})"),
        _month_only,
    ),
    Rule("month", _compile(rf"(?P<part>)(?P<month>{MONTH_RE})"), _month_only, entity_only=True),
    Rule(
        "year_range",
        _compile(rf"(?:between\s+)?(?P<year1>{YEAR_RE}){_DASH}(?P<year2>{YEAR_RE})"),
        _year_range,
        entity_only=True,
    ),
    Rule(
        "in_year",
        _compile(
            r"(?:(?:in|during|since|until|throughout|by|from)\s+|(?P<part>early|late|mid-?|beginning\s+of|"
            rf"start\s+of|middle\s+of|end\s+of)\s*)(?P<year>{YEAR_RE})"
        ),
        _year,
    ),
    Rule(
        "relative_month",
        _compile(rf"(?P<qualifier>last|this|next)\s+(?P<month>{MONTH_RE})"),
        _relative_month,
    ),
    Rule(
        "season",
        _compile(
            r"(?:(?P<qualifier>last|this|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:\s+of)?(?:\s+(?P<year>{YEAR_RE}))?"
        ),
        _season,
    ),
    Rule(
        "anchored_day",
        _compile(
            r"(?:the\s+(?:following|next|previous|same)\s+day|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|"
            rf"tomorrow))|(?:later|earlier)\s+that\s+day|(?P<count>{NUMBER_RE})\s+days?\s+(?:later|earlier))"
        ),
        _anchored_day,
        anchored=True,
    ),
    Rule("year", _compile(rf"(?P<year>{YEAR_RE})"), _year, entity_only=True),
    Rule(
        "named_day",
        _compile(
            r"(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|"
            r"overnight(?!\s+(?:on|of|between|from|into|to)\s)|this\s+(?:morning|"
            r"afternoon|evening)|(?:earlier|later|so\s+far)\s+(?:on\s+)?today|yesterday(?:\s+(?:morning|"
            r"afternoon|evening))?|last\s+(?:night|evening)|tomorrow)"
        ),
        _named_day,
    ),
    Rule(
        "weekday",
        _compile(
            rf"(?:(?P<qualifier>last|this\s+past|past|this\s+coming|coming|next|this)\s+)?"
            rf"(?P<weekday>{WEEKDAY_RE})"
        ),
        _weekday,
    ),
    Rule("weekend", _compile(r"(?:(?P<qualifier>last|this|next|coming|the)\s+)weekend"), _weekend),
    Rule(
        "calendar_unit",
        _compile(
            r"(?P<qualifier>last|previous|the\s+previous|the\s+past|past|this|earlier\s+this|"
            r"later\s+this|next|the\s+next|the\s+coming|coming)\s+(?P<unit>week|month|year)"
        ),
        _calendar_unit,
    ),
    Rule(
        "ago",
        _compile(rf"(?P<count>{NUMBER_RE})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"),
        _ago,
    ),
    Rule(
        "past_span",
        _compile(
            rf"(?:(?:the\s+)?(?:past|last|previous)\s+(?:(?P<count>{NUMBER_RE})\s+)?|recent\s+)"
            r"(?P<unit>hours|days|weeks|months|years)"
        ),
        _past_span,
    ),
    Rule(
        "future_span",
        _compile(
            rf"(?:the\s+)?(?:coming|next|following)\s+(?:(?P<count>{NUMBER_RE})\s+)?"
            r"(?P<unit>hours|days|weeks|months)"
        ),
        _future_span,
    ),
)
