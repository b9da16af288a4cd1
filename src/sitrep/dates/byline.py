"""Publication date from the top of a report: bylines, datelines and "Published" lines."""

from __future__ import annotations

import re
from datetime import date

from sitrep.dates.calendar import DAY_RE, MONTH_RE, YEAR_RE, day_number, month_number, safe_date

# Bylines and datelines sit in the first lines of a report.
HEAD_CHARS = 600

_FULL_DATE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01])(?![\d])"
    rf"|(?P<dmy_day>{DAY_RE})(?:\s+of)?\s+(?P<dmy_month>{MONTH_RE}),?\s+(?P<dmy_year>{YEAR_RE})"
    rf"|(?P<mdy_month>{MONTH_RE})\s+(?P<mdy_day>{DAY_RE}),?\s+(?P<mdy_year>{YEAR_RE})"
    r")",
    re.IGNORECASE,
)
# A dateline without a year: "BEIRUT, Dec 7 (Reuters) -".
_YEARLESS_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'-]+,\s+(?P<month>(?i:{MONTH_RE}))\s+(?P<day>{DAY_RE})\s*(?:\([^)]*\))?\s*[-–—]",
    re.MULTILINE,
)
_YEAR = re.compile(rf"(?<!\d){YEAR_RE}")
# Lines that announce the publication date rather than an event date.
_PUBLICATION_MARK = re.compile(
    r"(?:^|\n)[^\n]*(?:\bby\s+[a-z]|published|updated|posted|\bdate[d:]|\((?:reuters|ap|afp)\))[^\n]*",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> date | None:
    if match["iso_year"]:
        return safe_date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    prefix = "dmy" if match["dmy_year"] else "mdy"
    month = month_number(match[f"{prefix}_month"])
    if month is None:
        return None
    return safe_date(int(match[f"{prefix}_year"]), month, day_number(match[f"{prefix}_day"]))


def find_publication_date(text: str) -> date | None:
    """The publication date written at the top of `text`, or None.

    Dates on a byline, dateline or "Published"/"Updated" line come first; then the first full date of
    the first lines. A dateline without a year ("BEIRUT, Dec 7 (Reuters) -") resolves only when a
    year is written elsewhere in the head, since the year cannot be guessed safely.
    """
    head = text[:HEAD_CHARS]
    for line in _PUBLICATION_MARK.finditer(head):
        for match in _FULL_DATE.finditer(line[0]):
            found = _to_date(match)
            if found is not None:
                return found
    for match in _FULL_DATE.finditer(head):
        found = _to_date(match)
        if found is not None:
            return found
    dateline = _YEARLESS_DATELINE.search(head)
    years = {int(y) for y in _YEAR.findall(head)}
    if dateline is not None and len(years) == 1:
        month = month_number(dateline["month"])
        if month is not None:
            return safe_date(years.pop(), month, day_number(dateline["day"]))
    return None
