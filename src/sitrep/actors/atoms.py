"""Dictionary hits in a spaCy Doc: actor aliases, country names, capitals and demonyms (Aho-Corasick)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import ahocorasick
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from sitrep.actors.knowledge_base import ActorBase
from sitrep.actors.normalise import fold_case_kept, fold_chars, is_acronym
from sitrep.nlp.pipeline import doc_text

AtomKind = Literal["alias", "country", "capital", "demonym"]
# When two hits cover the same characters, the first kind listed wins.
_KIND_RANK: dict[str, int] = {"alias": 0, "demonym": 1, "country": 2, "capital": 3}


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: what it names and how it must be written to count."""

    kind: AtomKind
    target: str  # actor id for aliases, ISO country code otherwise
    spelling: str  # as written in the knowledge base, quotes and dashes folded
    exact_case: bool  # acronyms ("IS", "US") match only in capitals
    initial_case: bool  # names of places and nations match only capitalised ("Turkey", not "turkey")


@dataclass(frozen=True, slots=True)
class Atom:
    """A dictionary hit aligned to tokens `[start, end)` of the Doc."""

    start: int
    end: int
    kind: AtomKind
    targets: tuple[str, ...]  # actor ids (aliases may be shared) or one country code


def _entries(kb: ActorBase) -> list[tuple[str, Entry]]:
    entries: list[tuple[str, Entry]] = []

    def add(text: str, kind: AtomKind, target: str) -> None:
        spelling = fold_case_kept(text.strip())
        variants = [spelling]
        if spelling.lower().startswith("the "):
            variants.append(spelling[4:])
        for variant in variants:
            entry = Entry(kind, target, variant, is_acronym(variant), kind != "alias")
            entries.append((fold_chars(variant), entry))

    for actor in kb.actors.values():
        for alias in actor.aliases if kb.is_generic(actor) else (actor.name, *actor.aliases):
            add(alias, "alias", actor.id)
    for country in kb.countries:
        for name in country.names:
            add(name, "country", country.code)
        for capital in country.capitals:
            add(capital, "capital", country.code)
        for demonym in country.demonyms:
            add(demonym, "demonym", country.code)
    return entries


def automaton(kb: ActorBase) -> ahocorasick.Automaton:
    """The Aho-Corasick automaton over every entry of `kb`, built once per knowledge base."""
    cached = kb.cache.get("automaton")
    if cached is not None:
        return cached
    by_key: dict[str, list[Entry]] = {}
    for key, entry in _entries(kb):
        if entry not in by_key.setdefault(key, []):
            by_key[key].append(entry)
    machine = ahocorasick.Automaton()
    for key, found in by_key.items():
        machine.add_word(key, (len(key), tuple(found)))
    machine.make_automaton()
    kb.cache["automaton"] = machine
    return machine


def _written_as(entry: Entry, written: str) -> bool:
    if entry.exact_case:
        return written == entry.spelling
    if entry.initial_case:
        return written[:1].isupper() and written[1:] == entry.spelling[1:] or written.isupper()
    # A proper name's capitals must be written: "Islamic State" the group, not "an Islamic state".
    words, spelled = written.split(), entry.spelling.split()
    if len(words) == len(spelled) > 1:
        return all(w[:1].isupper() for w, s in zip(words, spelled, strict=True) if s[:1].isupper())
    return True


def find_atoms(doc: Doc, kb: ActorBase) -> list[Atom]:
    """Dictionary hits on token boundaries, longest first and non-overlapping, in text order."""
    text = doc_text(doc)
    folded = fold_chars(text)
    kept = fold_case_kept(text)
    # Offsets come in one array: making a Token object per token costs more than the matching.
    offsets = doc.to_array([IDX, LENGTH])
    token_at_start = dict(zip(offsets[:, 0].tolist(), range(len(doc)), strict=True))
    token_at_end = dict(zip((offsets[:, 0] + offsets[:, 1]).tolist(), range(len(doc)), strict=True))
    candidates: list[tuple[int, int, int, Atom]] = []
    for last, (length, entries) in automaton(kb).iter(folded):
        start_char, end_char = last + 1 - length, last + 1
        first = token_at_start.get(start_char)
        if first is None:
            continue
        final = token_at_end.get(end_char)
        plural = False
        if final is None:
            # A plural of the alias ("Houthis" for "Houthi"), never of an acronym.
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            token = span[-1] if span is not None and len(span) else None
            if token is None or folded[end_char : token.idx + len(token.text)] not in ("s", "es"):
                continue
            final, plural = token.i, True
        written = kept[start_char:end_char]
        matching = [
            e
            for e in entries
            if _written_as(e, written) and not (plural and (e.exact_case or e.kind != "alias"))
        ]
        if not matching:
            continue
        kind = min((e.kind for e in matching), key=_KIND_RANK.__getitem__)
        targets = tuple(dict.fromkeys(e.target for e in matching if e.kind == kind))
        atom = Atom(first, final + 1, kind, targets)
        span_chars = doc[final].idx + len(doc[final].text) - start_char
        candidates.append((-span_chars, _KIND_RANK[kind], first, atom))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    taken: set[int] = set()
    chosen: list[Atom] = []
    for _, _, _, atom in candidates:
        positions = set(range(atom.start, atom.end))
        if positions & taken:
            continue
        taken |= positions
        chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)
