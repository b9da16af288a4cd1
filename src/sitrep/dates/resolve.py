"""Resolve date expressions ("on December 6", "last week", "in recent days") against a publication date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sitrep.dates.calendar import DAY, precision_for
from sitrep.dates.gate import finditer_at, gate
from sitrep.dates.rules import RULES, Resolved, Rule
from sitrep.model import DateRange, Span

# "since December 6" / "since Monday": from that day up to publication.
_SINCE_BEFORE = re.compile(r"(?<![\w])since\s+(?:(?:early|late|mid)\s*-?\s*)?$", re.IGNORECASE)
# Expressions longer than this are not date expressions; capping keeps arbitrary input cheap.
MAX_EXPRESSION_CHARS = 200


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A resolved date expression at characters [start, end) of the text it was found in."""

    start: int
    end: int
    resolved: Resolved


def _apply_since(
    text: str, match_start: int, resolved: Resolved, published: date | None
) -> tuple[int, Resolved]:
    """Widen "since X" to X..publication, and move the start of the expression onto "since"."""
    if published is None or resolved[0] > published:
        return match_start, resolved
    if text[match_start : match_start + 6].lower() == "since ":
        expression_start = match_start
    else:
        since = _SINCE_BEFORE.search(text, max(0, match_start - 20), match_start)
        if since is None:
            return match_start, resolved
        expression_start = since.start()
    start = resolved[0]
    return expression_start, (start, published, precision_for(start, published))


def scan(text: str, published: date | None, allow_entity_only: bool = False) -> list[DateMatch]:
    """Every resolvable date expression in `text`, longest first where two overlap, in text order.

    Anchored expressions ("the following day") count from the last single day named before them,
    or from publication when there is none.
    """
    candidates: list[tuple[int, int, int, Resolved, re.Match[str]]] = []
    any_rule = _ANY_RULE if allow_entity_only else _ANY_RUNNING_TEXT_RULE
    starts = [found.start() for found in any_rule.finditer(text)]
    for rank, rule in enumerate(RULES):
        if rule.entity_only and not allow_entity_only:
            continue
        for match in finditer_at(rule.pattern, text, starts):
            resolved = _safe_resolve(rule, match, published)
            if resolved is None:
                continue
            start, resolved = _apply_since(text, match.start(), resolved, published)
            candidates.append((start, match.end(), rank, resolved, match))
    # Longer expressions win ("Monday, December 6, 2024" over "Monday"); then the more specific rule.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple[int, int, int, Resolved, re.Match[str]]] = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        if all(end <= other[0] or start >= other[1] for other in chosen):
            chosen.append(candidate)
    chosen.sort(key=lambda c: c[0])
    matches: list[DateMatch] = []
    anchor: date | None = None
    for start, end, rank, resolved, match in chosen:
        if RULES[rank].anchored and anchor is not None:
            resolved = _safe_resolve(RULES[rank], match, anchor) or resolved
        if resolved[2] == DAY and resolved[0] == resolved[1]:
            anchor = resolved[0]
        matches.append(DateMatch(start, end, resolved))
    return matches


_ANY_RULE = gate(RULES)
_ANY_RUNNING_TEXT_RULE = gate(rule for rule in RULES if not rule.entity_only)


def _safe_resolve(rule: Rule, match: re.Match[str], published: date | None) -> Resolved | None:
    try:
        resolved = rule.resolve(match, published)
    except (ValueError, OverflowError):
        # Dates pushed past year 1 or 9999 by arithmetic on an extreme publication date.
        return None
    if resolved is None:
        return None
    start, end, precision = resolved
    return (start, end, precision) if start <= end else (end, start, precision)


def resolve_date(expression: str, published: date) -> DateRange | None:
    """The dates an expression stands for, or None when it names no resolvable date.

    `published` anchors relative expressions. The best (longest) expression found inside
    `expression` is used, so "late on Monday night" resolves like "Monday".
    """
    if not isinstance(expression, str) or len(expression) > MAX_EXPRESSION_CHARS:
        return None
    matches = scan(expression, published, allow_entity_only=True)
    if not matches:
        return None
    best = max(matches, key=lambda m: m.end - m.start)
    start, end, precision = best.resolved
    return DateRange(start=start, end=end, precision=precision)


def to_ranges(text: str, matches: Iterable[DateMatch], offset: int = 0) -> list[DateRange]:
    """DateRanges with spans pointing into `text` (shifted by `offset` when `text` is a slice)."""
    ranges = []
    for match in matches:
        start, end, precision = match.resolved
        span = Span(match.start + offset, match.end + offset, text[match.start : match.end])
        ranges.append(DateRange(start=start, end=end, precision=precision, span=span))
    return ranges
