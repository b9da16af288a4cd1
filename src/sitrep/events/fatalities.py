"""Fatality counts as reported, the most conservative figure, following ACLED's conventions."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.events.words import memo, token_facts

DEATH_WORDS = frozenset({
    "kill", "killed", "die", "dead", "death", "fatality", "fatalities", "life", "lives", "massacre", "slay",
    "toll", "body", "bodies", "execute", "martyr", "perish", "corpse",
})
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# ACLED's coding of vague quantities.
VAGUE = {"several": 3, "few": 3, "many": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
PERSON_NOUNS = frozenset({
    "people", "person", "civilian", "soldier", "fighter", "militant", "rebel", "child", "children", "woman",
    "women", "man", "men", "resident", "troop", "member", "officer", "policeman", "protester", "demonstrator",
    "worker", "student", "villager", "insurgent", "gunman", "combatant", "jihadist", "personnel", "guard",
    "pilot", "police", "refugee", "migrant", "individual", "farmer", "journalist", "staff", "militiaman",
})


def number_value(token: Token) -> int | None:
    """The integer a numeric token stands for ("12", "1,200", "twelve", "dozens"), or None."""
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text in VAGUE:
        return VAGUE[text]
    if text in NUMBER_WORDS and text not in ("a", "an"):
        value = NUMBER_WORDS[text]
        nxt = token.nbor() if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in SCALE:
            value *= SCALE[nxt.lower_]
        return value
    return None


def _count_in(noun: Token) -> int | None:
    """The smallest number modifying a noun phrase ("at least 12 people", "between 10 and 15 soldiers")."""
    values = [v for child in noun.children if child.dep_ in ("nummod", "amod", "quantmod", "det", "compound")
              for t in child.subtree if (v := number_value(t)) is not None]
    if values:
        return min(values)
    if noun.lower_ in VAGUE:
        return VAGUE[noun.lower_]
    if noun.lemma_.lower() in PERSON_NOUNS and noun.tag_ in ("NN",) and any(
        c.lower_ in ("a", "an", "one") for c in noun.children
    ):
        return 1
    return None


def count_fatalities(sentence: SpacySpan) -> int | None:
    """Deaths stated in a sentence; None when none is stated. Figures from one sentence are not summed."""
    return memo(sentence, "fatalities", lambda: _count_fatalities(sentence))


def _count_fatalities(sentence: SpacySpan) -> int | None:
    found: list[int] = []
    facts = token_facts(sentence)
    for i, (lower, lemma) in enumerate(zip(facts.lower, facts.lemma, strict=True)):
        if lemma not in DEATH_WORDS and lower not in DEATH_WORDS:
            continue
        token = sentence.doc[sentence.start + i]
        heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj")]
        if token.dep_ in ("amod", "acl", "relcl") or lemma in ("dead", "death", "fatality", "toll", "body", "life"):
            heads.append(token.head)
        if lemma in ("death", "fatality", "body", "life", "dead", "corpse"):
            heads.append(token)
        for head in heads:
            value = _count_in(head)
            if value is None and head.lemma_.lower() in PERSON_NOUNS | {"toll"}:
                for child in head.children:
                    if child.dep_ == "prep":
                        for obj in child.children:
                            value = value or _count_in(obj) or number_value(obj)
            if value is None:
                value = number_value(head)
            if value is not None and value < 100_000:
                found.append(value)
        # "the death toll rose to 15"
        if lemma == "toll":
            for t in token.head.subtree if token.dep_ in ("nsubj",) else ():
                value = number_value(t)
                if value is not None and t.i > token.i:
                    found.append(value)
    return min(found) if found else None
