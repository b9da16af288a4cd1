"""The date scan looks only where the combined gate matches: the same matches as scanning rule by rule."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dates.gate import finditer_at
from sitrep.dates.resolve import _ANY_RULE, _ANY_RUNNING_TEXT_RULE, scan
from sitrep.dates.rules import RULES

PUBLISHED = date(2024, 12, 7)
PIECES = [
    "on", "Monday", "last", "week", "December", "6", "6th", "2023", "-", "–", "to", "the", "following", "day",
    "three", "days", "ago", "in", "recent", "weeks", "since", "early", "May", "may", "spring", "of", "this",
    "year", "yesterday", "overnight", "Dec.", "2024-12-05", "between", "and", "mid-", "week-", ",", ".",
    "troops", "shelled", "x-Monday", "tonight", "coming", "hours", "\n",
]  # fmt: skip


def _rule_by_rule(text: str, allow_entity_only: bool) -> list[tuple[str, int, int]]:
    return [
        (rule.name, match.start(), match.end())
        for rule in RULES
        if allow_entity_only or not rule.entity_only
        for match in rule.pattern.finditer(text)
    ]


def _gated(text: str, allow_entity_only: bool) -> list[tuple[str, int, int]]:
    gate = _ANY_RULE if allow_entity_only else _ANY_RUNNING_TEXT_RULE
    starts = [found.start() for found in gate.finditer(text)]
    return [
        (rule.name, match.start(), match.end())
        for rule in RULES
        if allow_entity_only or not rule.entity_only
        for match in finditer_at(rule.pattern, text, starts)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.sampled_from([" ", "", "  "]), st.booleans())
def test_gated_scan_finds_what_every_rule_finds(words: list[str], glue: str, entity: bool) -> None:
    text = glue.join(words) if glue else " ".join(words).replace(" - ", "-")
    assert _gated(text, entity) == _rule_by_rule(text, entity)


def test_a_written_report_keeps_its_dates() -> None:
    text = "Troops shelled the town on Monday, December 2, 2024. The following day three people died."
    found = [(text[m.start : m.end], m.resolved[0]) for m in scan(text, PUBLISHED)]
    assert found == [
        ("Monday", date(2024, 12, 2)),
        ("December 2, 2024", date(2024, 12, 2)),
        ("The following day", date(2024, 12, 3)),
    ]


def test_a_word_glued_to_a_hyphen_is_no_date() -> None:
    assert _gated("x-Monday", False) == _rule_by_rule("x-Monday", False) == []


def test_the_gate_looks_at_first_characters_only_when_it_can_tell_them() -> None:
    from sitrep.dates.gate import _first_character_guard

    assert _first_character_guard(r"(?:last|next)\s+week") == "(?=[ln])"
    assert _first_character_guard(r"(?:the\s+)?\d+\s+days") == r"(?=[\dt])"
    assert _first_character_guard(r"(?:x)?") == ""  # may match nothing: no guard
    assert _first_character_guard(r"[^a]b") == ""  # a negated class: no guard
