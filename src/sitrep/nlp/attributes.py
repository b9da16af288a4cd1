"""The model's attribute rules (tag -> part of speech and morphology, and their exceptions), applied by lookup.

spaCy's `AttributeRuler` runs every rule as a `Matcher` pattern at every token and builds a Span for
each match: with the English pipelines' 179 rules, one of which matches every token, that is about a fifth
of the whole parse. `AttributeRules` applies the same rules with the same result, by lookups:

* the rules that map one tag to its part of speech and morphology (one token per pattern, `TAG` alone)
  come first in the English pipelines; they are applied to the whole Doc at once, through arrays;
* every other rule (exceptions such as "but" tagged CC and attached as advmod, an adverb) is tried only
  where its first token passes the rule's most selective test (a word, a tag or a dependency label, or a
  set of them), and its attributes are set by spaCy's own `set_token_attrs`, in the ruler's order.

As in the ruler, every rule is matched before any is applied, and a later rule wins. `compile_rules`
returns None for rules it cannot apply exactly (operators such as "?" or "+", tests of other attributes,
tag rules after the exceptions, ...); the pipeline then keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule's pattern may test, as columns of `Doc.to_array`.
_COLUMNS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_NAMES = tuple(_COLUMNS)
_ATTRS = [_COLUMNS[name] for name in _NAMES]
_TAG = _NAMES.index("TAG")


@dataclass(frozen=True, slots=True)
class _Test:
    """One test of a pattern token: the column it reads and what the value must be."""

    column: int
    equals: int | None = None
    within: frozenset[int] | None = None  # IN
    outside: frozenset[int] | None = None  # NOT_IN
    regex: re.Pattern[str] | None = None  # REGEX, on the attribute's string
    seen: dict[int, bool] = field(default_factory=dict, compare=False)  # REGEX results by value

    def passes(self, value: int, strings: StringStore) -> bool:
        if self.equals is not None:
            return value == self.equals
        if self.within is not None:
            return value in self.within
        if self.outside is not None:
            return value not in self.outside
        assert self.regex is not None
        if value not in self.seen:
            self.seen[value] = bool(self.regex.search(strings[value]))
        return self.seen[value]


@dataclass(frozen=True, slots=True)
class _Exception:
    """One pattern of an exception rule: per token the tests it must pass, the token it changes, and how."""

    rule: int
    tokens: tuple[tuple[_Test, ...], ...]
    index: int
    attrs: dict[Any, Any]

    def change(self, start: int) -> tuple[int, int, dict[Any, Any]]:
        """(rule, token changed, attributes) of a match at `start`; the token is -1 when out of the match."""
        end = start + len(self.tokens)
        position = start + self.index if self.index >= 0 else end + self.index
        return self.rule, position if start <= position < end else -1, self.attrs

    def matches_at(self, rows: list[list[int]], start: int, strings: StringStore) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        return all(
            test.passes(rows[start + offset][test.column], strings)
            for offset, tests in enumerate(self.tokens)
            for test in tests
        )


@dataclass(slots=True)
class AttributeRules:
    """An `AttributeRuler`'s rules, compiled by `compile_rules`; calling it annotates a Doc as the ruler does."""

    strings: StringStore
    by_tag: dict[int, numpy.ndarray]  # tag -> [POS, MORPH] of the tag rules
    by_value: dict[tuple[int, int], list[_Exception]] = field(default_factory=dict)  # (column, value) of a first test
    everywhere: list[_Exception] = field(default_factory=list)  # exceptions whose first token has only open tests
    filed: dict[int, frozenset[int]] = field(default_factory=dict)  # column -> the values `by_value` keys hold

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(_ATTRS)
        found = self._matches(columns)
        values = doc.to_array([POS, MORPH])
        tags, where = numpy.unique(columns[:, _TAG], return_inverse=True)
        for number, tag in enumerate(tags.tolist()):
            rule = self.by_tag.get(tag)
            if rule is not None:
                values[where == number] = rule
        doc.from_array([POS, MORPH], cast(Any, values))
        for _, position, attrs in sorted(found, key=lambda match: (match[0], match[1])):
            set_token_attrs(doc[position], attrs)
        return doc

    def _matches(self, columns: numpy.ndarray) -> list[tuple[int, int, dict[Any, Any]]]:
        """(rule, token changed, attributes) of every exception that matches, all found before any is set.

        Only the tokens that pass an exception's first test are tried, found with whole-column lookups."""
        rows = columns.tolist()
        found: list[tuple[int, int, dict[Any, Any]]] = []
        for column, filed in self.filed.items():
            for start in _starts(columns[:, column], filed.__contains__):
                for exception in self.by_value[(column, rows[start][column])]:
                    if exception.matches_at(rows, start, self.strings):
                        found.append(exception.change(start))
        for exception in self.everywhere:
            first = exception.tokens[0][0]
            passes = partial(first.passes, strings=self.strings)
            for start in _starts(columns[:, first.column], passes):
                if exception.matches_at(rows, start, self.strings):
                    found.append(exception.change(start))
        return [change for change in found if change[1] >= 0]


def _starts(values: numpy.ndarray, keep: Callable[[int], bool]) -> list[int]:
    """The positions whose value `keep` accepts, asking it once per distinct value."""
    kept = [value for value in numpy.unique(values).tolist() if keep(value)]
    return numpy.flatnonzero(numpy.isin(values, kept)).tolist()


def compile_rules(ruler: AttributeRuler) -> AttributeRules | None:
    """The ruler's rules as lookups, or None when they cannot be applied exactly that way."""
    strings = ruler.vocab.strings
    patterns = cast(list[dict[str, Any]], ruler.patterns)
    by_tag: dict[int, numpy.ndarray] = {}
    number = 0
    while number < len(patterns) and _is_tag_rule(patterns[number], ruler.attrs[number]):
        attrs = ruler.attrs[number]
        for (token,) in patterns[number]["patterns"]:
            # a later rule for the same tag wins, as in the ruler
            by_tag[strings.add(token["TAG"])] = numpy.array([attrs[POS], attrs[MORPH]], dtype=numpy.uint64)
        number += 1
    rules = AttributeRules(strings, by_tag)
    for rule in range(number, len(patterns)):
        attrs = ruler.attrs[rule]
        for pattern in patterns[rule]["patterns"]:
            tokens = [_token_tests(token, strings.add) for token in pattern]
            if not tokens or any(tests is None for tests in tokens):
                return None
            index = patterns[rule].get("index", 0)
            exception = _Exception(rule, tuple(t for t in tokens if t is not None), index, attrs)
            _index(rules, exception)
    for column, value in rules.by_value:
        rules.filed[column] = rules.filed.get(column, frozenset()) | {value}
    return rules


def _is_tag_rule(rule: dict[str, Any], attrs: dict[Any, Any]) -> bool:
    """A rule that sets a part of speech and a morphology from one token's tag alone."""
    return (
        rule.get("index", 0) == 0
        and set(attrs) == {POS, MORPH}
        and all(len(p) == 1 and set(p[0]) == {"TAG"} and isinstance(p[0]["TAG"], str) for p in rule["patterns"])
    )


def _index(rules: AttributeRules, exception: _Exception) -> None:
    """File an exception under its first token's most selective test: a value, else a set of values."""
    first = exception.tokens[0]
    equal = [test for test in first if test.equals is not None]
    if equal:
        rules.by_value.setdefault((equal[0].column, equal[0].equals), []).append(exception)  # type: ignore[arg-type]
        return
    sets = [test for test in first if test.within is not None]
    if sets:
        for value in sets[0].within or ():
            rules.by_value.setdefault((sets[0].column, value), []).append(exception)
        return
    rules.everywhere.append(exception)


def _token_tests(token: dict[str, Any], add: Callable[[str], int]) -> tuple[_Test, ...] | None:
    """The tests of one pattern token, or None for one this module does not apply (an operator, ...)."""
    tests: list[_Test] = []
    for name, value in token.items():
        if name not in _COLUMNS:
            return None
        column = _NAMES.index(name)
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append(_Test(column, equals=int(value)))
        elif isinstance(value, str):
            tests.append(_Test(column, equals=add(value)))
        elif isinstance(value, dict) and len(value) == 1:
            test = _set_test(column, value, add)
            if test is None:
                return None
            tests.append(test)
        else:
            return None
    # The word first: it picks out far fewer tokens than a tag or a dependency label does.
    return tuple(sorted(tests, key=lambda test: (test.equals is None, test.within is None, test.column)))


def _set_test(column: int, value: dict[str, Any], add: Callable[[str], int]) -> _Test | None:
    (operator, argument), = value.items()
    if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(v, str) for v in argument):
        values = frozenset(add(v) for v in argument)
        return _Test(column, within=values) if operator == "IN" else _Test(column, outside=values)
    if operator == "REGEX" and isinstance(argument, str) and _NAMES[column] != "IS_SPACE":
        return _Test(column, regex=re.compile(argument))
    return None


class FastAttributeRuler:
    """The pipeline component that applies an `AttributeRuler`'s rules through `AttributeRules`."""

    def __init__(self) -> None:
        self.rules: AttributeRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise ValueError("the attribute rules were not loaded: load the pipeline with sitrep.nlp.load_pipeline")
        return self.rules(doc)
