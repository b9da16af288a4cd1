"""One pass over a text that says where any date rule may match, so each rule is tried only there."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from sitrep.dates.rules import RULE_START, Rule

sre_constants: Any
sre_parser: Any
try:  # the parser the re module compiles with: used only to read which characters a rule can start with
    sre_constants = importlib.import_module("re._constants")
    sre_parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: the gate then works without first characters
    sre_constants = sre_parser = None

_FLAGS = re.IGNORECASE | re.UNICODE
_GROUP_NAME = re.compile(r"\(\?P<\w+>")

# The first characters of a parsed pattern: class items ("a", "0-9", r"\d") and whether it can match empty.
FirstItems = tuple[list[str], bool]


def gate(rules: Iterable[Rule]) -> re.Pattern[str]:
    """A pattern that matches, without consuming, wherever any of `rules` does. Every rule starts with the
    same look-behind, so the text is scanned once with it instead of once per rule, and each rule's body
    is tried only after a look at its possible first characters."""
    guarded: dict[str, list[str]] = {}
    for rule in rules:
        source = rule.pattern.pattern
        if not source.startswith(RULE_START) or rule.pattern.flags != _FLAGS:
            raise ValueError(f"date rule {rule.name!r} does not start with the shared look-behind")
        # Group names repeat from rule to rule; the gate only says where to look.
        body = _GROUP_NAME.sub("(?:", source[len(RULE_START) :])
        guarded.setdefault(_first_character_guard(body), []).append(body)
    branches = [guard + "(?:" + "|".join(f"(?:{body})" for body in bodies) + ")" for guard, bodies in guarded.items()]
    return re.compile(RULE_START + "(?=" + "|".join(branches) + ")", _FLAGS)


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match of `pattern` begins at one of `starts` (ascending)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()


@cache  # two gates share most rules: each body is parsed once
def _first_character_guard(body: str) -> str:
    """A look-ahead for the characters `body` can start with ("(?=[0-9adf])"), or "" when unknown. The
    look-ahead is compiled with the rule's flags, so it folds case exactly as the rule does."""
    if sre_parser is None:
        return ""
    try:
        found = _first_of(list(sre_parser.parse(body, _FLAGS)))
    except (re.error, TypeError, ValueError, IndexError):
        return ""
    if found is None or found[1]:
        return ""
    return "(?=[" + "".join(sorted(set(found[0]))) + "])"


def _first_of(sequence: list[tuple[Any, Any]]) -> FirstItems | None:
    items: list[str] = []
    for op, argument in sequence:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero-width: the next item still decides the first character
        found = _first_of_item(op, argument)
        if found is None:
            return None
        items.extend(found[0])
        if not found[1]:
            return items, False
    return items, True


def _first_of_item(op: Any, argument: Any) -> FirstItems | None:  # noqa: PLR0911 - one case per op
    c = sre_constants
    if op is c.LITERAL:
        return [re.escape(chr(argument))], False
    if op is c.IN:
        items = _class_items(argument)
        return None if items is None else (items, False)
    if op is c.BRANCH:
        items, empty = [], False
        for branch in argument[1]:
            found = _first_of(list(branch))
            if found is None:
                return None
            items.extend(found[0])
            empty = empty or found[1]
        return items, empty
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, inner = argument
        return None if add_flags or del_flags else _first_of(list(inner))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, inner = argument
        found = _first_of(list(inner))
        return None if found is None else (found[0], found[1] or least == 0)
    return None


def _class_items(items: list[tuple[Any, Any]]) -> list[str] | None:
    categories = {sre_constants.CATEGORY_DIGIT: r"\d", sre_constants.CATEGORY_WORD: r"\w"}
    out: list[str] = []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            out.append(re.escape(chr(argument)))
        elif op is sre_constants.RANGE:
            low, high = argument
            out.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is sre_constants.CATEGORY and argument in categories:
            out.append(categories[argument])
        else:
            return None  # a negated class or another category: no guard
    return out
