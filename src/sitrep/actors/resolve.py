"""Find the actors a document speaks of: names, nationality + force nouns, proxies, generics, metonymy."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from sitrep.actors.atoms import Atom, find_atoms
from sitrep.actors.knowledge_base import ActorBase
from sitrep.actors.lexicon import (
    BACKING_WORDS,
    FORCE_NOUNS,
    GENERIC_PHRASES,
    GOVERNMENT_NOUNS,
    LEADING_WORDS,
    LOCATIVE_PREPOSITIONS,
    LOYALTY_HEADS,
    MAX_PHRASE_TOKENS,
    MEMBER_NOUNS,
    NON_AGENTIVE_VERBS,
    POLICE_NOUNS,
    POSSESSIVE_MARKERS,
    PROXY_NOUNS,
)
from sitrep.model import Actor, ActorMention

_CACHE_KEY = "sitrep.actors"
_MILITIA_NOUNS = frozenset({"militias", "militia", "militiamen", "paramilitaries"})
_COUNTRY_KINDS = ("country", "capital", "demonym")
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "crossing", "borders"})


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """An actor mention with the backers its phrase names ("Turkish-backed allies" -> Turkey's military)."""

    mention: ActorMention
    backers: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # token indices [start, end)
    end: int
    actor: Actor
    backers: tuple[tuple[int, int, Actor], ...] = ()


# Per phrase table: first word -> the lengths of its phrases, longest first (tables are module constants).
_FIRST_WORDS: dict[int, tuple[Collection[tuple[str, ...]], dict[str, tuple[int, ...]]]] = {}


def _lengths_by_first_word(table: Collection[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    entry = _FIRST_WORDS.get(id(table))
    if entry is None or entry[0] is not table:
        lengths: dict[str, set[int]] = {}
        for phrase in table:
            if 0 < len(phrase) <= MAX_PHRASE_TOKENS:
                lengths.setdefault(phrase[0], set()).add(len(phrase))
        entry = (table, {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()})
        _FIRST_WORDS[id(table)] = entry
    return entry[1]


def _phrase_at(words: Sequence[str], i: int, table: Collection[tuple[str, ...]]) -> int:
    """Length in tokens of the longest phrase of `table` starting at token `i` of `words` (a Doc's
    lower-case words), or 0."""
    # Called for every token with several tables: look at the first word before building any slice.
    lengths = _lengths_by_first_word(table).get(words[i])
    if not lengths:
        return 0
    room = len(words) - i
    for length in lengths:
        if length <= room and tuple(words[i : i + length]) in table:
            return length
    return 0


def _is_head(doc: Doc, last: int) -> bool:
    """False when token `last` only modifies a following word ("military support", "rebel-held")."""
    token = doc[last]
    if last + 1 < len(doc) and doc[last + 1].text == "-":
        return False
    return not (token.dep_ in ("compound", "amod", "nmod") and token.head.i > last)


def _noun_at(doc: Doc, words: Sequence[str], i: int, table: Collection[tuple[str, ...]]) -> int:
    length = _phrase_at(words, i, table) if i < len(words) else 0
    return length if length and _is_head(doc, i + length - 1) else 0


class _Resolver:
    """One pass over one Doc; holds the dictionary hits and the document's country."""

    def __init__(self, doc: Doc, kb: ActorBase, focus_country: str | None) -> None:
        self.doc = doc
        self.kb = kb
        self.focus = focus_country.upper() if focus_country else None
        self.atoms: Mapping[int, Atom] = {atom.start: atom for atom in find_atoms(doc, kb)}
        # Every token's lower-case word, read once: the pass looks at each token with several tables, and
        # each `doc[i]` builds a new Token object (so does iterating the Doc: the ids come in one array).
        strings = doc.vocab.strings
        self.words: list[str] = [strings[lower] for lower in doc.to_array(LOWER).tolist()]

    # -- helpers ---------------------------------------------------------------------------------

    def pick(self, atom: Atom) -> Actor:
        """The actor of an alias hit; a shared alias goes to the actor of the document's country."""
        actors = [self.kb.actors[i] for i in atom.targets]
        return next((a for a in actors if self.focus and a.country == self.focus), actors[0])

    def country_of(self, atom: Atom) -> str | None:
        return atom.targets[0] if atom.kind in _COUNTRY_KINDS else self.pick(atom).country

    def is_state_atom(self, atom: Atom) -> bool:
        return atom.kind in _COUNTRY_KINDS or self.kb.is_state(self.pick(atom))

    def state_actor_for_noun(self, country: str | None, i: int) -> tuple[Actor, int] | None:
        """Country + noun at token `i`: its military, police or government, and the noun's length."""
        for table, getter in (
            (POLICE_NOUNS, self.kb.police),
            (FORCE_NOUNS, self.kb.military),
            (GOVERNMENT_NOUNS, self.kb.government),
        ):
            length = _noun_at(self.doc, self.words, i, table)
            actor = getter(country) if length else None
            if actor is not None:
                return actor, length
        return None

    def generic_actor(self, kind: str, country: str | None) -> Actor | None:
        if kind == "military":
            return self.kb.military(country)
        if kind == "government":
            return self.kb.government(country)
        if kind == "police":
            return self.kb.police(country)
        return self.kb.generic(kind, country)

    def backer_actor(self, atom: Atom) -> Actor | None:
        """Who backs, for a "<backer>-backed" modifier: a state's military, or the named group."""
        if atom.kind in _COUNTRY_KINDS:
            return self.kb.military(atom.targets[0])
        actor = self.pick(atom)
        if self.kb.is_government(actor):
            return self.kb.military(actor.country) or actor
        return actor

    def backer_family(self, backer: Actor) -> set[str]:
        """The backer and the actors of its state ("Iran-backed" covers the IRGC and the government)."""
        family = {backer.id}
        if self.kb.is_state(backer):
            for getter in (self.kb.military, self.kb.government):
                if (state := getter(backer.country)) is not None:
                    family.add(state.id)
        for actor in self.kb.actors.values():
            if any(a.relation == "part_of" and a.actor_id in family for a in actor.affiliations):
                family.add(actor.id)
        return family

    # -- rules -----------------------------------------------------------------------------------

    def from_alias(self, atom: Atom) -> _Candidate:
        """A name, extended over "(ACRONYM)" and member nouns: "Hayat Tahrir al-Sham (HTS) fighters"."""
        doc, actor, end = self.doc, self.pick(atom), atom.end
        found = self.state_actor_for_noun(actor.country, end) if self.kb.is_government(actor) else None
        if found is not None and found[0].id != actor.id:  # "Kremlin troops": the state's forces
            return _Candidate(atom.start, end + found[1], found[0])
        inner = self.atoms.get(end + 1)
        if (
            end + 1 < len(doc)
            and doc[end].text == "("
            and inner is not None
            and inner.kind == "alias"
            and actor.id in inner.targets
            and inner.end < len(doc)
            and doc[inner.end].text == ")"
        ):
            end = inner.end + 1
        if not self.kb.is_government(actor):
            end += _noun_at(doc, self.words, end, MEMBER_NOUNS)
        return _Candidate(atom.start, end, actor)

    def from_backing(self, atom: Atom) -> _Candidate | None:
        """ "Turkish-backed allies", "Iran-backed Houthis", "HTS-led rebels"."""
        doc, k = self.doc, atom.end + 2
        word = doc[atom.end + 1].lower_
        leader = word in LEADING_WORDS
        backer = self.backer_actor(atom)
        backers = () if leader or backer is None else ((atom.start, atom.end, backer),)
        target = self.atoms.get(k)
        country = self.focus
        if target is not None and target.kind == "demonym":
            country = target.targets[0]
            following = self.atoms.get(target.end)
            if following is not None and following.kind == "alias":
                target = following
            else:
                k = target.end
                target = None
        if target is not None and target.kind == "alias":
            inner = self.from_alias(target)
            return _Candidate(atom.start, inner.end, inner.actor, backers)
        length = _noun_at(doc, self.words, k, PROXY_NOUNS)
        if not length:
            return None
        if leader and atom.kind == "alias" and not self.kb.is_state(self.pick(atom)):
            return _Candidate(atom.start, k + length, self.pick(atom))
        proxies = self.kb.backed_by(self.backer_family(backer), country) if backer else []
        if proxies:
            actor: Actor | None = proxies[0]
        else:
            kind = "unidentified-armed-group" if doc[k + length - 1].lower_ in _MILITIA_NOUNS else "rebels"
            actor = self.kb.generic(kind, country)
        return _Candidate(atom.start, k + length, actor, backers) if actor else None

    def from_possessive(self, atom: Atom) -> _Candidate | None:
        """ "Syria's military", "Assad's troops", "Iran's Revolutionary Guards", "Hezbollah's fighters"."""
        doc, k = self.doc, atom.end + 1
        if atom.kind == "alias" and not self.kb.is_state(self.pick(atom)):
            length = _noun_at(doc, self.words, k, MEMBER_NOUNS)
            return _Candidate(atom.start, k + length if length else atom.end, self.pick(atom))
        country = self.country_of(atom)
        owned = self.atoms.get(k)
        if owned is not None and owned.kind == "alias" and self.pick(owned).country == country:
            inner = self.from_alias(owned)
            return _Candidate(atom.start, inner.end, inner.actor)
        found = self.state_actor_for_noun(country, k)
        if found is not None:
            return _Candidate(atom.start, k + found[1], found[0])
        return self.from_alias(atom) if atom.kind == "alias" else None

    def from_demonym(self, atom: Atom) -> _Candidate | None:
        """ "Israeli IDF forces", "Syrian rebels", "Sudanese civilians", "Turkish warplanes"."""
        doc, country, end = self.doc, atom.targets[0], atom.end
        following = self.atoms.get(end)
        if following is not None and following.kind == "alias":
            if self.pick(following).country == country:
                inner = self.from_alias(following)
                return _Candidate(atom.start, inner.end, inner.actor)
            return None
        length = _noun_at(doc, self.words, end, GENERIC_PHRASES)
        if length:
            kind = GENERIC_PHRASES[tuple(self.words[end : end + length])]
            actor = self.generic_actor(kind, country)
            return _Candidate(atom.start, end + length, actor) if actor else None
        found = self.state_actor_for_noun(country, end)
        return _Candidate(atom.start, end + found[1], found[0]) if found else None

    def acts_as_state(self, atom: Atom) -> bool:
        """A country or capital name used for its state ("Turkey said", "Moscow responded")."""
        token = self.doc[atom.end - 1]
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        if token.dep_ in ("compound", "amod", "nmod", "npadvmod", "nsubjpass"):
            return False
        head = token.head
        if atom.kind == "capital":
            return token.dep_ == "nsubj" and head.lemma_.lower() not in NON_AGENTIVE_VERBS
        if token.dep_ == "pobj":
            preposition = head.lower_
            if preposition in LOCATIVE_PREPOSITIONS:
                return False
            if preposition == "from" and head.head.pos_ in ("VERB", "AUX"):
                return False  # "fled from Syria"
            if preposition == "on" and head.head.pos_ in ("NOUN", "PROPN"):
                return False  # "strikes on Syria", "the inquiry on Syria"
            before = self.doc[head.i - 1].lemma_.lower() if head.i > 0 else ""
            if preposition == "with" and _BORDER_NOUNS & {head.head.lemma_.lower(), before}:
                return False  # "the border with Turkey"
        if token.dep_ == "nsubj" and head.lemma_.lower() in ("be", "lie", "border"):
            return False
        return token.dep_ in ("nsubj", "dobj", "pobj", "conj", "appos", "dative", "agent", "ROOT")

    def from_place(self, atom: Atom) -> _Candidate | None:
        found = self.state_actor_for_noun(atom.targets[0], atom.end)
        if found is not None:
            return _Candidate(atom.start, atom.end + found[1], found[0])
        government = self.kb.government(atom.targets[0])
        return (
            _Candidate(atom.start, atom.end, government) if government and self.acts_as_state(atom) else None
        )

    def from_atom(self, atom: Atom) -> _Candidate | None:
        doc, end = self.doc, atom.end
        if (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].lower_ in BACKING_WORDS | LEADING_WORDS
        ):
            return self.from_backing(atom)
        if end < len(doc) and doc[end].lower_ in POSSESSIVE_MARKERS:
            return self.from_possessive(atom)
        if atom.kind == "alias":
            return self.from_alias(atom)
        if atom.kind == "demonym":
            return self.from_demonym(atom)
        return self.from_place(atom)

    def from_loyalty(self, i: int) -> _Candidate | None:
        """ "troops loyal to Assad", "forces loyal to the government", "those loyal to the regime"."""
        words = self.words
        if not (i + 3 < len(words) and words[i] in LOYALTY_HEADS and words[i + 1] == "loyal"
                and words[i + 2] == "to"):  # fmt: skip
            return None
        k = i + 3 + (words[i + 3] == "the")
        target = self.atoms.get(k)
        if target is not None:
            owner = self.from_atom(target)
            end = owner.end if owner is not None else target.end
            if target.kind == "alias" and not self.kb.is_state(self.pick(target)):
                return _Candidate(i, end, self.pick(target))
            actor = self.kb.military(self.country_of(target))
            return _Candidate(i, end, actor) if actor else None
        if k < len(words) and words[k] in ("government", "regime", "president", "state", "junta"):
            actor = self.kb.military(self.focus)
            return _Candidate(i, k + 1, actor) if actor else None
        return None

    def from_generic(self, i: int) -> _Candidate | None:
        """ "government forces", "the army", "rebels", "gunmen", "residents", "protesters"."""
        length = _noun_at(self.doc, self.words, i, GENERIC_PHRASES)
        if not length:
            return None
        words = tuple(self.words[i : i + length])
        actor = self.generic_actor(GENERIC_PHRASES[words], self.focus)
        if actor is None:
            return None
        start = i + 1 if words[0] == "the" else i
        return _Candidate(start, i + length, actor)

    def backed_by_after(self, candidate: _Candidate) -> tuple[tuple[int, int, Actor], ...]:
        """ "rebels backed by Turkey": the backer named right after the phrase."""
        doc, k = self.doc, candidate.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if not (k + 2 < len(doc) and doc[k].lower_ in BACKING_WORDS and doc[k + 1].lower_ == "by"):
            return ()
        k += 2 + (doc[k + 2].lower_ == "the")
        atom = self.atoms.get(k)
        backer = self.backer_actor(atom) if atom is not None else None
        return ((atom.start, atom.end, backer),) if atom is not None and backer is not None else ()

    def with_backers(self, candidate: _Candidate, backers: tuple[tuple[int, int, Actor], ...]) -> _Candidate:
        """A generic group with a named backer becomes the backer's known proxy, if there is one."""
        actor = candidate.actor
        if self.kb.is_generic(actor) and actor.type in ("Rebel group", "Political militia"):
            proxies = self.kb.backed_by(self.backer_family(backers[0][2]), actor.country or self.focus)
            actor = proxies[0] if proxies else actor
        return _Candidate(candidate.start, candidate.end, actor, backers)

    # -- the pass ----------------------------------------------------------------------------------

    def candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        words = self.words
        # The words a loyalty or generic phrase can start with: every other token is passed over at once.
        starters = LOYALTY_HEADS | _lengths_by_first_word(GENERIC_PHRASES).keys()
        i = 0
        while i < len(words):
            atom = self.atoms.get(i)
            if atom:
                candidate = self.from_atom(atom)
            else:
                candidate = self.from_loyalty(i) or self.from_generic(i) if words[i] in starters else None
            if candidate is None:
                i = atom.end if atom else i + 1
                continue
            if not candidate.backers and (extra := self.backed_by_after(candidate)):
                candidate = self.with_backers(candidate, extra)
            if found and found[-1].end == candidate.start and found[-1].actor.id == candidate.actor.id:
                # "Syrian President" + "Bashar al-Assad": one mention.
                previous = found.pop()
                candidate = _Candidate(previous.start, candidate.end, candidate.actor, previous.backers)
            found.append(candidate)
            i = max(candidate.end, i + 1)
        return found


def _mention(doc: Doc, start: int, end: int, actor: Actor) -> ActorMention:
    first: Token = doc[start]
    last: Token = doc[end - 1]
    start_char, end_char = first.idx, last.idx + len(last.text)
    return ActorMention(actor=actor, start=start_char, end=end_char, text=doc[start:end].text)


def resolve_actors(doc: Doc, kb: ActorBase, focus_country: str | None = None) -> list[ResolvedActor]:
    """Every actor mention of `doc` in text order, non-overlapping, with the backers its phrase names.

    `focus_country` (ISO alpha-2) is the country the document is about: "government forces", "rebels"
    and "residents" resolve to its actors. Results are kept in `doc.user_data` for later calls."""
    key = f"{_CACHE_KEY}:{id(kb)}:{focus_country.upper() if focus_country else ''}"
    cached = doc.user_data.get(key)
    if cached is not None:
        return list(cached)
    resolved = [
        ResolvedActor(
            mention=_mention(doc, c.start, c.end, c.actor),
            backers=tuple(_mention(doc, s, e, actor) for s, e, actor in c.backers),
        )
        for c in _Resolver(doc, kb, focus_country).candidates()
    ]
    doc.user_data[key] = tuple(resolved)
    return resolved


def find_actors(doc: Doc, kb: ActorBase, focus_country: str | None = None) -> list[ActorMention]:
    """The actor mentions of `doc` in text order, non-overlapping, longest match first."""
    return [r.mention for r in resolve_actors(doc, kb, focus_country)]


def backers_in_phrase(
    doc: Doc, mention: ActorMention, kb: ActorBase, focus_country: str | None = None
) -> list[ActorMention]:
    """The backers named in `mention`'s phrase ("Turkish-backed", "backed by Iran"), for assoc actors."""
    for resolved in resolve_actors(doc, kb, focus_country):
        if resolved.mention.start == mention.start and resolved.mention.end == mention.end:
            return list(resolved.backers)
    return []
