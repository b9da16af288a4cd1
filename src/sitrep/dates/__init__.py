"""Dates: the publication date of a report and the dates its events happened on."""

from sitrep.dates.byline import find_publication_date
from sitrep.dates.find import find_dates, find_dates_in_text
from sitrep.dates.resolve import resolve_date

__all__ = ["find_dates", "find_dates_in_text", "find_publication_date", "resolve_date"]
