"""Argument roles from the dependency parse: who acted (agent), on whom (patient), and where."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.model import ActorMention, PlaceMention

# Verbs that carry a nominal trigger: "launch an assault", "carried out airstrikes", "responded with strikes".
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "respond", "begin", "start", "continue", "unleash",
    "step", "intensify", "escalate", "order", "make", "hold", "take", "perform", "execute", "fire", "use",
    "claim", "target", "hit", "strike", "lead", "spearhead",
})
AGENT_PREPS = frozenset({"by", "to"})  # "captured by HTS", "fell to rebel forces"
PATIENT_PREPS = frozenset({"against", "on", "at", "with", "targeting", "upon"})
NEAR_PREPS = frozenset({"around", "near", "outside", "outskirts", "close", "towards", "toward", "nearby",
                        "vicinity", "south", "north", "east", "west", "edge", "countryside", "environs"})
DESTINATION_PREPS = frozenset({"to", "into", "towards", "toward", "for"})


@dataclass(frozen=True, slots=True)
class Roles:
    agent: ActorMention | None
    agent_allies: tuple[ActorMention, ...]
    patient: ActorMention | None
    places: tuple[PlaceMention, ...]


def mention_at(token: Token, mentions: Sequence[ActorMention | PlaceMention]) -> ActorMention | PlaceMention | None:
    start, end = token.idx, token.idx + len(token.text)
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention
    return None


def mention_in_phrase(
    token: Token, mentions: Sequence[ActorMention | PlaceMention]
) -> ActorMention | PlaceMention | None:
    """The mention at the token, else the first inside its noun phrase (left edge to the token's end)."""
    direct = mention_at(token, mentions)
    if isinstance(direct, ActorMention) and direct.actor.id.startswith(GENERIC_PREFIXES):
        # "gunmen from the Jalisco cartel", "fighters of HTS": the named group is the actor
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of", "with", "belonging"):
                for mention in mentions:
                    end = child.right_edge.idx + len(child.right_edge)
                    inside = child.idx <= mention.start and mention.end <= end
                    named = isinstance(mention, ActorMention) and not mention.actor.id.startswith(GENERIC_PREFIXES)
                    if inside and named:
                        return mention
    if direct is not None:
        return direct
    left = token.left_edge.idx
    right = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "prep") or child.i < token.i:
            right = max(right, child.right_edge.idx + len(child.right_edge.text))
    if token.lemma_.lower() in RELATIONAL_NOUNS or token.lower_ in RELATIONAL_NOUNS:
        return None  # "Arab allies of the Syrian presidency" are not the presidency
    for mention in mentions:
        if left <= mention.start and mention.end <= right:
            return mention
    return None


def speaker_of(verb: Token, actors: Sequence[ActorMention]) -> ActorMention | None:
    """For a pronoun subject inside reported speech ("X said it was ..."), the actor X."""
    token = verb
    for _ in range(3):
        if token.dep_ in ("ccomp", "xcomp", "conj") and token.head.i != token.i:
            token = token.head
            subject = _subject(token)
            if subject is not None and subject.lower_ not in PRONOUNS:
                found = mention_in_phrase(subject, actors)
                return found if isinstance(found, ActorMention) else None
        else:
            break
    return None


SUBJECT_VERBS = LIGHT_VERBS | frozenset({
    "continue", "begin", "intensify", "escalate", "erupt", "break", "rage", "kill", "hit", "target", "take",
    "come", "go", "leave", "destroy", "damage", "wound", "injure", "claim", "resume", "occur", "happen",
})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "its", "their", "our", "his", "her"})
GENERIC_PREFIXES = ("rebels-", "unidentified-", "civilians-", "protesters-", "rioters-")
RELATIONAL_NOUNS = frozenset({
    "ally", "allies", "supporter", "backer", "enemy", "opponent", "rival", "critic", "neighbour", "neighbor",
    "friend", "partner", "foe", "sponsor",
})


def predicate_of(trigger: Token) -> Token:
    """The verb that carries a nominal trigger, or the trigger itself."""
    token = trigger
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            return token
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in SUBJECT_VERBS:
            return head  # "a ceasefire took effect in Lebanon", "shelling killed three"
        if token.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN") and head.i != token.i:
            token = head  # "fired mortar shells": the trigger modifies the noun the verb acts on
            continue
        if token.dep_ in ("dobj", "pobj", "attr", "conj", "compound") and head.i != token.i:
            if head.pos_ == "ADP":
                head = head.head
            if head.lemma_.lower() in LIGHT_VERBS or token.dep_ == "dobj":
                token = head
                continue
        break
    return trigger


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # "Damascus-ally Moscow responded": the parser may give two subjects; the last is the head noun
        return subjects[-1]
    # conjoined and controlled verbs share the subject: "HTS launched an assault and took Aleppo",
    # "HTS moved swiftly to take more cities"
    infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (verb.dep_ in ("conj", "xcomp") or infinitive) and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "moved swiftly to take more cities": the mover takes them
    # a participle of manner or means shares it too: "pushed in, clashing with rebels and capturing a
    # village", "dealt a blow by recapturing towns"
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if (verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "before", "while")
            and verb.head.head.pos_ in ("VERB", "AUX")):
        return _subject(verb.head.head)
    # relative clauses: "forces that attacked", "which rapidly fell"
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def subject_of(verb: Token) -> Token | None:
    """The syntactic subject of a verb, shared along conjoined, controlled and participial verbs."""
    return _subject(verb)


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


GIVING_VERBS = frozenset({"hand", "handover", "cede", "give", "transfer", "surrender", "return", "relinquish"})
AGENT_NOUN_TRIGGERS = frozenset({"bomber", "bombers", "gunman", "gunmen", "attacker", "attackers", "assailant",
                                 "sniper", "militant", "fighter"})
ORIGIN_NOUNS = frozenset({"position", "base", "stronghold", "side", "line", "territory", "area", "camp"})


def _origins(trigger: Token, predicate: Token) -> list[Token]:
    """Positions an attack came from name its side: "bombs fired from M23 positions"."""
    holders = [trigger, predicate]
    if trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
        holders.append(trigger.head)
    holders += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    origins = [o for holder in holders for o in _prep_objects(holder, frozenset({"from"}))]
    return [o for o in origins if o.lemma_.lower() in ORIGIN_NOUNS]


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def find_roles(
    doc: Doc,
    trigger: Token,
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    takeover: bool,
) -> Roles:
    """Agent, its allies, patient and the places the trigger governs, from the parse of its sentence."""
    predicate = predicate_of(trigger)
    agent_tokens: list[Token] = []
    patient_tokens: list[Token] = []

    passive = _passive_subject(predicate)
    subject = _subject(predicate)
    agent_tokens += _prep_objects(predicate, frozenset({"by"}))
    agent_tokens += _prep_objects(trigger, frozenset({"by"}))
    for child in trigger.children:  # "an IED planted by unidentified armed men"
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN":
            agent_tokens += _prep_objects(child, frozenset({"by"}))
    if takeover and trigger.lemma_.lower() not in GIVING_VERBS and predicate.lemma_.lower() not in GIVING_VERBS:
        agent_tokens += _prep_objects(predicate, frozenset({"to"}))  # "fell to the rebels", not "handed to"
    if trigger.lemma_.lower() in AGENT_NOUN_TRIGGERS or trigger.lower_ in AGENT_NOUN_TRIGGERS:
        agent_tokens += _prep_objects(trigger, frozenset({"from", "of"}))  # "suicide bombers from Boko Haram"
    agent_tokens += _origins(trigger, predicate)
    if subject is not None and subject.i != trigger.i:
        agent_tokens.append(subject)
    if passive is not None:
        patient_tokens.append(passive)
    # possessor or demonym on a nominal trigger: "Russia's air strikes", "Russian air strikes"
    for child in trigger.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < trigger.i:
            agent_tokens.insert(0, child)
    for child in predicate.children:
        if child.dep_ in ("dobj",):
            patient_tokens.append(child)
    patient_tokens += _prep_objects(trigger, PATIENT_PREPS | {"of"})
    patient_tokens += _prep_objects(predicate, PATIENT_PREPS)
    patient_tokens += _prep_objects(trigger, frozenset({"between"}))

    agent: ActorMention | None = None
    allies: list[ActorMention] = []
    if subject is not None and (subject.lower_ in PRONOUNS or (
        mention_in_phrase(subject, actors) is None
        and any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in subject.children)
    )):
        agent = speaker_of(predicate, actors)  # "X said it ...", "X said its troops ..."
    for token in agent_tokens:
        for conj_index, part in enumerate(_with_conjuncts(token)):
            found = mention_in_phrase(part, actors)
            if isinstance(found, ActorMention):
                if agent is None:
                    agent = found
                elif found.actor.id != agent.actor.id and conj_index > 0:
                    allies.append(found)
        if agent is not None:
            break
    if agent is None and subject is not None and subject.dep_ != "nsubjpass" and subject.i != trigger.i:
        # "Russian forces shelled X": the demonym inside the subject phrase
        found = mention_in_phrase(subject, actors)
        agent = found if isinstance(found, ActorMention) else None
    patient: ActorMention | None = None
    for token in patient_tokens:
        found = mention_in_phrase(token, actors)
        if isinstance(found, ActorMention) and (agent is None or found.actor.id != agent.actor.id):
            patient = found
            break
    return Roles(agent, tuple(allies), patient, tuple(governed_places(doc, trigger, predicate, places)))


def governed_places(doc: Doc, trigger: Token, predicate: Token, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places whose head chain reaches the trigger or its predicate, in text order."""
    return [p for p in places if governed_by(doc, p.start, p.end, {trigger.i, predicate.i})]


def governed_by(doc: Doc, start: int, end: int, anchors: set[int]) -> bool:
    """Whether the phrase at [start, end) hangs from one of the anchor tokens within its own clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(8):
        if token.i in anchors:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i not in anchors and token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "aux"):
            return False  # another clause's verb: its places are its own
    return False


def place_preposition(doc: Doc, place: PlaceMention) -> str | None:
    """The preposition (or locative noun) that introduces a place: "around", "near", "to", "outskirts"..."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    first: str | None = None
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.pos_ == "ADP":
            prep = token.head
            if prep.lower_ in NEAR_PREPS:
                return prep.lower_
            if prep.head.lower_ in NEAR_PREPS or prep.head.lemma_.lower() in NEAR_PREPS:
                return prep.head.lemma_.lower()
            first = first or prep.lower_
            if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
                token = prep.head  # "the outskirts of the key city of Homs"
                continue
            return first
        if token.dep_ in ("compound", "appos", "conj", "nmod"):
            token = token.head
            continue
        break
    return first
