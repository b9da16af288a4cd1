"""Context rules of the coder: what earlier sentences established, and how a sentence refines a label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.events.fatalities import count_fatalities
from sitrep.events.roles import Roles, predicate_of, subject_of
from sitrep.events.triggers import Trigger
from sitrep.events.words import all_words, lemma_words, lower_words, token_facts
from sitrep.model import ActorMention, PlaceMention

ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                         "External/Other forces"})

GOVERNMENT_REGAIN_WORDS = frozenset({"recapture", "retake", "regain", "liberate", "reclaim", "restore"})
CLASH_WORDS = frozenset({"clash", "fighting", "fight", "battle", "gunfight", "firefight", "skirmish", "combat",
                         "engage", "exchange", "hostilities", "repel", "counterattack", "counteroffensive"})
CIVILIAN_WORDS = frozenset({"civilian", "civilians", "resident", "residents", "villager", "villagers",
                            "child", "children", "woman", "women", "family", "families", "worshipper",
                            "farmer", "shepherd", "student", "journalist", "passenger", "patient"})

WEAPON_FAMILY = frozenset({"Remote explosive/landmine/IED", "Grenade", "Chemical weapon", "Suicide bomb",
                           "Shelling/artillery/missile attack", "Air/drone strike"})


@dataclass
class Discourse:
    """What earlier sentences established: the places named, the armed actors, the last acting group."""

    last_place: PlaceMention | None = None
    last_agent: ActorMention | None = None  # actor1 of the last violent or territorial event
    recent_groups: list[tuple[int, ActorMention]] = field(default_factory=list)  # (sentence no., named group)
    sentence_no: int = 0
    last_agent_sentence: int = -10
    seen: set[str] = field(default_factory=set)

    def recent_agent(self) -> ActorMention | None:
        """The actor of the last violent event, if it was one or two sentences ago ("Hama has also fallen")."""
        return self.last_agent if self.sentence_no - self.last_agent_sentence <= 2 else None

    def named_group_in_sentence(self) -> ActorMention | None:
        """A named non-state armed group of this very sentence."""
        here = [m for number, m in self.recent_groups if number == self.sentence_no]
        return here[0] if here else None

    def named_group_nearby(self) -> ActorMention | None:
        """A named non-state armed group of this sentence or the one before ("HTS ... rebel forces")."""
        for number, mention in reversed(self.recent_groups):
            if self.sentence_no - number <= 1:
                return mention
        return None


def resolve_label(
    trigger: Trigger, token: Token, roles: Roles, sentence: SpacySpan, actor1: ActorMention | None
) -> str:
    if trigger.label == "TAKEOVER":
        if roles.agent is None and token.lemma_.lower() in GOVERNMENT_REGAIN_WORDS:
            return "Government regains territory"  # "the town was retaken": regaining is the state's word
        if actor1 is not None and actor1.actor.type == "State forces":
            return "Government regains territory"
        if actor1 is None:
            return unnamed_captor(token) or "Non-state actor overtakes territory"
        return "Non-state actor overtakes territory"
    if trigger.label == "VIOLENCE":
        victim_civilian = (roles.patient is not None and roles.patient.actor.type == "Civilians") or (
            roles.patient is None and _civilian_target(token))
        words = lower_words(sentence)
        phrase = token.doc[trigger.start: trigger.end].text.lower()
        two_sides = any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children) or (
            phrase in ("shoot-out", "shootout", "gun battle", "gunbattle")
        )  # "the shoot-out between bandits and soldiers": two armed sides
        if victim_civilian or (roles.patient is None and words & CIVILIAN_WORDS and not two_sides
                               and token.lemma_.lower() not in CLASH_WORDS):
            return "Attack"
        if token.lemma_.lower() in ("advance", "push") and not words & {"clash", "fighting", "battle"}:
            return "Armed clash"
        return "Armed clash"
    return trigger.label


CIVILIAN_TARGETS = CIVILIAN_WORDS | frozenset({
    "church", "mosque", "temple", "school", "college", "university", "campus", "hospital", "clinic", "market",
    "hotel", "bus", "village", "villages", "community", "communities", "home", "house", "homes", "houses",
    "doctor", "teacher", "pastor", "priest", "imam", "worshipper", "worshippers", "pilgrim", "pilgrims",
    "plane", "restaurant", "shop", "wedding", "funeral", "center", "centre", "dormitory", "classroom",
    "people", "man", "men", "boy", "girl", "person", "persons", "villager", "resident", "family", "traveller",
    # unarmed individuals killed one by one are ACLED's attacks on civilians ("shot dead a social leader")
    "candidate", "leader", "tourist", "politician", "lawyer", "judge", "official", "mayor", "councillor",
    "lawmaker", "activist", "trader", "businessman", "merchant", "vendor", "worker", "driver", "motorist",
    "cleric", "chief", "farmer", "herder", "fisherman", "miner", "nurse", "traveler",
})


CIVILIAN_BUILDINGS = frozenset({
    "church", "mosque", "temple", "synagogue", "school", "college", "university", "campus", "hospital", "clinic",
    "market", "hotel", "restaurant", "shop", "dormitory", "classroom", "bus", "nightclub", "bar", "cafe",
})


MILITARY_WORDS = frozenset({
    "military", "army", "soldier", "troop", "position", "base", "checkpoint", "convoy", "barracks", "outpost",
    "police", "militant", "fighter", "force", "patrol", "garrison", "post", "rebel", "insurgent", "jihadist",
    "terrorist", "commander", "gang", "bandit", "militia", "militiaman", "guerrilla",
})


def _civilian_target(token: Token) -> bool:
    """The object of the violence is a civilian person or place ("gunmen attacked a church")."""
    predicate = predicate_of(token)
    for holder in (token, predicate):
        for child in holder.children:
            inside = child.dep_ == "prep" and child.lower_ in ("in", "inside", "into")
            if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ in ("on", "at")) or inside:
                objects = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                targets = CIVILIAN_BUILDINGS if inside else CIVILIAN_TARGETS  # "opened fire inside a mosque"
                for obj in objects:
                    # the noun and its modifiers, not a relative clause ("a hospital where a militant was")
                    military = any(t.lemma_.lower() in MILITARY_WORDS for t in obj.subtree if t.i <= obj.i)
                    if not military and (obj.lemma_.lower() in targets or obj.lower_ in targets):
                        return True
    return False


EFFECT_VERBS = frozenset({"hit", "strike", "kill", "wound", "injure", "destroy", "damage", "sink"})


def refers_back(token: Token, roles: Roles) -> bool:
    """A definite nominal trigger with nothing of its own ("the shelling", "the clashes") names an event
    already told."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in DISCOVERY_ONLY | {"weapon"}:
        return False  # "the pistols were discovered" names the weapons, not an event told before
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in token.children)
    head = token.head
    effect = token.dep_ == "nsubj" and head.lemma_.lower() in EFFECT_VERBS and any(
        c.dep_ == "dobj" for c in head.children)  # "the missile destroyed a warship" tells what it did
    return definite and not effect and not roles.places and roles.agent is None and roles.patient is None


BACKGROUND_WORDS = frozenset({"following", "after", "despite", "amid", "end", "ending", "since", "before"})
DISCOVERY_VERBS = frozenset({
    "find", "seize", "discover", "defuse", "dismantle", "intercept", "confiscate", "recover", "uncover", "clear",
    "capture", "neutralise", "neutralize", "deactivate", "detect", "retrieve", "hand", "surrender", "destroy",
})
DISCOVERY_ONLY = frozenset({"cache", "stash", "ammunition", "arsenal", "firearm", "pistol", "depot", "haul"})
PROTEST_WORDS = frozenset({"protest", "protester", "protesters", "protestor", "demonstrator", "demonstrators",
                           "demonstration", "rally", "marcher", "rioter", "rioters", "crowd", "crowds"})
RIOT_WORDS = frozenset({
    "clash", "clashes", "clashing", "pelt", "pelted", "stone", "stones", "rock", "rocks", "hurl", "throw", "molotov",
    "rioter", "rioters", "riot", "aggressive", "violent", "torch", "smash", "loot", "barricade",
})
LETHAL_WORDS = frozenset({"kill", "killed", "dead", "death", "shot", "bullet", "bullets", "live", "fatally"})


ACCIDENT_PRONE = frozenset({"VIOLENCE", "Remote explosive/landmine/IED", "Looting/property destruction"})
ACCIDENT_WORDS = frozenset({
    "earthquake", "quake", "flood", "flooding", "floods", "storm", "cyclone", "hurricane", "typhoon", "tornado",
    "landslide", "mudslide", "tsunami", "drought", "wildfire", "blaze", "avalanche", "eruption", "volcano",
    "accident", "collision", "crash", "derail", "derailment", "collapse", "stampede", "leak", "cylinder",
    "boiler", "factory", "refinery", "warehouse", "mine", "tanker", "fireworks", "short-circuit", "outbreak",
    "epidemic", "cholera", "covid-19", "virus", "heatwave", "lightning", "capsize", "sank", "shipwreck",
})


def is_accident(sentence: SpacySpan, actors: Sequence[ActorMention], trigger: Trigger | None = None) -> bool:
    """A disaster or an accident, with no armed actor in the sentence. The trigger itself ("a mine went
    off"), names ("Storm Corps") and verbs of assault ("gunmen stormed") say nothing of an accident."""
    if any(a.actor.type in ARMED_TYPES for a in actors):
        return False
    facts = token_facts(sentence)
    for i, (lower, lemma) in enumerate(zip(facts.lower, facts.lemma, strict=True)):
        if lower not in ACCIDENT_WORDS and lemma not in ACCIDENT_WORDS:
            continue
        if trigger is not None and trigger.start <= sentence.start + i < trigger.end:
            continue
        pos = sentence[i].pos_
        if pos == "PROPN" or (lemma == "storm" and pos == "VERB"):
            continue
        return True
    return False


PERSON_OBJECTS = frozenset({
    "commander", "leader", "fighter", "militant", "soldier", "officer", "member", "suspect", "man", "men", "woman",
    "women", "child", "children", "civilian", "journalist", "activist", "worker", "people", "person", "terrorist",
    "insurgent", "rebel", "jihadist", "emir", "chief", "spy", "hostage", "prisoner", "student", "priest",
})


PEOPLE_WORDS = frozenset({"migrant", "smuggler", "employee", "refugee", "passenger", "trafficker", "boat"})
CAPTURE_VERBS = frozenset({"capture", "seize", "take", "nab", "catch", "grab", "captured"})
WEAPON_OBJECTS = frozenset({
    "weapon", "arm", "arms", "gun", "rifle", "firearm", "pistol", "ammunition", "munition", "explosive", "cache",
    "stash", "arsenal", "grenade", "bomb", "rocket", "missile", "mortar", "drug",
})


def _objects(token: Token) -> list[Token]:
    """What a verb acts on: its direct object, or its subject when passive ("a cache was seized")."""
    passive = any(c.dep_ == "auxpass" for c in token.children)
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") or (passive and c.dep_ == "nsubj")]


def _takes_people(token: Token) -> bool:
    """"captured a senior commander": people taken, not a place ("drove back the militants" takes ground)."""
    if token.lemma_.lower() not in CAPTURE_VERBS:
        return False
    return any(o.lemma_.lower() in PERSON_OBJECTS for o in _objects(token))


def _people_taken(token: Token) -> bool:
    """The verb's object, or the noun its participle describes ("three men intercepted"), is people."""
    nouns = _objects(token) + ([token.head] if token.dep_ == "acl" else [])
    return any(n.lemma_.lower() in PERSON_OBJECTS | PEOPLE_WORDS for n in nouns)


def _weapon_objects(token: Token) -> bool:
    """The verb acts on weapons: "seized guns", "a lot of weapons was seized", "destroyed caches of rockets"."""
    words = {w for o in _objects(token) for t in o.subtree for w in (t.lower_, t.lemma_.lower())}
    return bool(words & (WEAPON_OBJECTS | {"ied", "ieds", "device", "devices", "gun", "guns"}))


def _takes_weapons(token: Token) -> bool:
    """"police seized guns", "a cache of rifles was captured": a seizure of weapons, not of ground."""
    return token.lemma_.lower() in CAPTURE_VERBS and _weapon_objects(token)


STATE_SUBJECTS = frozenset({"army", "troops", "troop", "soldier", "soldiers", "military", "police", "gendarme",
                            "gendarmerie", "government", "regime", "marine", "marines"})
NON_STATE_SUBJECTS = frozenset({"fighter", "fighters", "militant", "militants", "rebel", "rebels", "insurgent",
                                "insurgents", "jihadist", "jihadists", "gunman", "gunmen", "militia", "militiaman",
                                "militiamen", "terrorist", "terrorists", "extremist", "extremists"})


def has_subject(token: Token) -> bool:
    """The trigger's clause names who acted ("Assad regained control"), known to the actor dictionary or not."""
    return any(c.dep_ in ("nsubj", "agent") for c in predicate_of(token).children)


def _cut_modifiers(first: Token, reach: int = 3) -> list[Token]:
    """Words a wrong sentence break cut from the front of a subject ("SANA-Army | units established
    control"): the few tokens before it, when no full stop or comma stands between."""
    if not first.is_sent_start:
        return []
    cut: list[Token] = []
    for k in range(first.i - 1, max(first.i - 1 - reach, -1), -1):
        previous = first.doc[k]
        if previous.text in (".", "!", "?", ",", ";", ":") or previous.is_space:
            break
        cut.append(previous)
    return cut


def unnamed_captor(token: Token) -> str | None:
    """The side of a capture whose captor the actor dictionary does not know, from the words of its subject:
    "army units established control" (the state), "the fighters won back the town" (a non-state group)."""
    subject = subject_of(predicate_of(token))
    if subject is None:
        return None
    # the subject noun and its modifiers, not a clause on it ("Assad, backed by Russia's military")
    tokens = [t for t in subject.subtree if t.i <= subject.i]
    tokens += _cut_modifiers(tokens[0])
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if words & NON_STATE_SUBJECTS:
        return "Non-state actor overtakes territory"
    if words & STATE_SUBJECTS:
        return "Government regains territory"
    return None


def in_background(token: Token) -> bool:
    """A generic violence word that only sets the scene ("after weeks of fighting", "to end the insurgency")."""
    return any(ancestor.lower_ in BACKGROUND_WORDS or ancestor.lemma_.lower() in BACKGROUND_WORDS
               for ancestor in list(token.ancestors)[:3])


TRANSPARENT_VERBS = frozenset({"include", "contain", "comprise", "be", "have"})


def _governing_verbs(token: Token) -> list[Token]:
    """Verbs the token is an object of ("weapons were seized", "found a cache"), not the subject of: the
    nearest one, or through "which included" and "identified as" to the verb of the phrase ("found arms which
    included grenades", "packages identified as bombs were intercepted")."""
    verbs = []
    current = token
    for _ in range(8):  # through a list: "destroyed guns, rockets and explosives"
        passive = any(c.dep_ == "auxpass" for c in current.head.children)
        if (current.dep_ in ("agent", "csubj") or (current.dep_ == "nsubj" and not passive)
                or current.head.i == current.i):
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            verbs.append(current)
            if current.lemma_.lower() not in TRANSPARENT_VERBS and current.dep_ != "acl":
                break
    return verbs


MOVEMENT_WORDS = frozenset({"advance", "push", "incursion", "enter", "move"})
PEACEFUL_HANDOVER = ("without a fight", "without fighting", "without resistance", "without any resistance",
                     "without a shot", "unopposed", "without clashes", "without a battle")
FORCED_WITHDRAWAL = ("forced to withdraw", "forced to retreat", "forced to pull", "forced out", "driven out",
                     "drove out", "pushed out", "routed", "expelled", "under pressure", "forcing")
PROTEST_ONLY = PROTEST_WORDS - {"rioter", "rioters", "crowd", "crowds"}
CIVILIAN_GROUPS = frozenset({"villager", "villagers", "resident", "residents", "local", "locals", "youth",
                             "youths", "mob", "mobs", "vigilante", "vigilantes", "crowd", "crowds", "neighbour",
                             "neighbours", "neighbor", "neighbors", "family", "families", "clan", "clans"})
SECURITY_WORDS = frozenset({"police", "policeman", "policemen", "officer", "officers", "security", "troops",
                            "soldier", "soldiers", "army", "military", "gendarme", "gendarmes", "idf"})
ARREST_AT_PROTEST_PREPS = frozenset({"during", "at", "amid", "before", "prior", "after", "ahead"})


def _without_fighting(sentence: SpacySpan, others: Sequence[Trigger]) -> bool:
    """A handover "without a fight", or a withdrawal told with no fighting in the same sentence."""
    text = sentence.text.lower()
    if any(phrase in text for phrase in PEACEFUL_HANDOVER):
        return True
    if any(phrase in text for phrase in FORCED_WITHDRAWAL):
        return False  # "forced to withdraw", "drove them out": the taker made the loser leave
    withdrawal = any(t.label == "Non-violent transfer of territory" for t in others)
    violence = any(
        (t.label == "VIOLENCE" and sentence.doc[t.head].lemma_.lower() not in MOVEMENT_WORDS)
        or t.label in WEAPON_FAMILY for t in others
    )  # "withdrew following intensive air strikes" was no handover
    return withdrawal and not violence and not lemma_words(sentence) & CLASH_WORDS


SAY_VERBS = frozenset({"say", "tell", "report", "claim", "allege", "accuse", "confirm", "announce"})


NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"})


def by_nature(token: Token, trigger: Trigger) -> bool:
    """The harm is done by a disaster ("hit by an earthquake", "the storm killed"), whoever else is named."""
    predicate = predicate_of(token)
    doers = [c for c in predicate.children if c.dep_ in ("nsubj", "csubj")]
    doers += [o for c in predicate.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    # the doer noun and its modifiers, not a clause on it ("insurgents who stormed the town")
    words = {w for d in doers for t in d.subtree
             if t.i <= d.i and not trigger.start <= t.i < trigger.end and t.ent_type_ not in NAME_ENTITIES
             for w in (t.lower_, t.lemma_.lower())}
    return bool(words & ACCIDENT_WORDS)


def is_source(token: Token) -> bool:
    """The word names who tells the news ("according to vigilantes", "villagers said"), not who acted."""
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SAY_VERBS


def _subject_words(token: Token) -> set[str]:
    subject = subject_of(predicate_of(token))
    if subject is None:
        return set()
    return {t.lower_ for t in subject.subtree} | {t.lemma_.lower() for t in subject.subtree}


def _acts_on_protest(token: Token) -> bool:
    """The violence falls on a protest: "attacked a peaceful rally", "fired on demonstrators"."""
    predicate = predicate_of(token)
    for holder in (token, predicate):
        for child in holder.children:
            objects = [child] if child.dep_ in ("dobj", "nsubjpass") else (
                [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [])
            if any(t.lower_ in PROTEST_ONLY or t.lemma_.lower() in PROTEST_ONLY for o in objects for t in o.subtree):
                return True
    return False


def _arrest_at_protest(sentence: SpacySpan) -> bool:
    """A protest the arrests happened at: "detained during a protest", "arrested while trying to demonstrate"."""
    for t in sentence:
        if t.lower_ in PROTEST_ONLY or t.lemma_.lower() in PROTEST_ONLY:
            if t.dep_ == "pobj" and t.head.lower_ in ARREST_AT_PROTEST_PREPS:
                return True
            if any(a.lemma_.lower() in ("try", "attempt") for a in list(t.ancestors)[:3]):
                return True
    return False


def _mob_violence(label: str, token: Token, sentence: SpacySpan, actor1: ActorMention | None,
                  others: Sequence[Trigger]) -> bool:
    """Violence by a crowd that is not a demonstration (ACLED's mob violence): a mob, vigilantes, villagers
    who clash, or assailants of a protest who are not the state."""
    if label not in ("Armed clash", "Attack", "Violent demonstration"):
        return False
    armed = actor1 is not None and actor1.actor.type in ARMED_TYPES
    words = all_words(sentence)
    if words & SECURITY_WORDS:
        return False  # a crowd against the police or the army is a demonstration turned violent
    if words & PROTEST_ONLY:
        return not armed and label != "Violent demonstration" and _acts_on_protest(token)
    if armed:
        return False
    rioters = actor1 is not None and actor1.actor.type == "Rioters"
    mob = any(t.label == "Mob violence" and not is_source(sentence.doc[t.head]) for t in others)
    return rioters or mob or bool(_subject_words(token) & CIVILIAN_GROUPS)


LAUNCHED_MUNITIONS = frozenset({"bomb", "explosive", "grenade", "munition"})
FIRING_VERBS = frozenset({"fire", "launch", "lob"})
DROPPING_VERBS = frozenset({"drop", "release"})
AIR_CARRIERS = frozenset({"aircraft", "plane", "airplane", "warplane", "jet", "helicopter", "drone", "uav",
                          "aviation", "bomber", "quadcopter"})


def _delivered_by(token: Token) -> str | None:
    """How a bomb reached its target: dropped from the air ("aircraft dropped bombs", "dropped explosives
    from drones") is an air strike, fired from a position ("bombs fired from M23 positions") shelling."""
    verb = token.head if token.dep_ in ("dobj", "nsubjpass", "nsubj") else token
    for child in token.children:  # "bombs fired from ...": a participle on the noun
        if child.dep_ == "acl" and child.lemma_.lower() in FIRING_VERBS | DROPPING_VERBS:
            verb = child
    lemma = verb.lemma_.lower()
    if lemma in FIRING_VERBS:
        return "Shelling/artillery/missile attack"
    if lemma not in DROPPING_VERBS:
        return None
    subject = subject_of(verb)
    carriers = [t for t in subject.subtree] if subject is not None else []
    carriers += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for o in c.subtree]
    if any(t.lemma_.lower() in AIR_CARRIERS or t.lower_ in AIR_CARRIERS for t in carriers):
        return "Air/drone strike"
    return None


def contextual_label(label: str, trigger: Trigger, token: Token, sentence: SpacySpan,
                     actor1: ActorMention | None = None, others: Sequence[Trigger] = ()) -> str | None:
    """Refine a label by its context (ACLED's definitions): weapons found are disrupted weapons use; a
    capture after a withdrawal is a non-violent transfer; violence at a protest is a demonstration's, by a
    crowd elsewhere mob violence; arrests at a protest are an intervention."""
    takeover = label in ("Government regains territory", "Non-state actor overtakes territory")
    if takeover and _takes_people(token):
        return "Abduction/forced disappearance" if label.startswith("Non-state") else "Arrests"
    if takeover and _takes_weapons(token):
        return "Disrupted weapons use"
    if takeover and any(o.lemma_.lower() in CIVILIAN_BUILDINGS for o in _objects(token)):
        return "Attack"  # "gunmen stormed a university": an attack on civilians, no ground changes hands
    if takeover and _without_fighting(sentence, others):
        return "Non-violent transfer of territory"
    if trigger.label == "VIOLENCE" and token.lemma_.lower() in MOVEMENT_WORDS and _without_fighting(sentence, others):
        return None  # "withdrew as the army advanced": a movement, no battle
    if label == "Disrupted weapons use" and token.lemma_.lower() == "intercept" and _people_taken(token):
        return None  # "migrants were intercepted": people stopped, no weapon
    if label == "Looting/property destruction" and _weapon_objects(token):
        return None  # "destroyed caches of rockets": the weapons tell a disrupted weapons use
    if label == "Looting/property destruction" and (
        (actor1 is not None and actor1.actor.type in ("Protesters", "Rioters"))
        or _subject_words(token) & (PROTEST_WORDS - {"crowd", "crowds"})
    ):
        return "Violent demonstration"  # "rioters burned vehicles": the damage a crowd does is its riot
    if label in ("Remote explosive/landmine/IED", "Grenade") and token.lemma_.lower() in LAUNCHED_MUNITIONS:
        delivered = _delivered_by(token)
        if delivered is not None:
            return delivered
    if label == "Arrests" and _arrest_at_protest(sentence):
        return "Protest with intervention"
    found = any(v.lemma_.lower() in DISCOVERY_VERBS for v in _governing_verbs(token))
    if label == "Excessive force against protesters" and actor1 is not None and actor1.actor.type in (
            "Protesters", "Rioters"):
        return "Violent demonstration"  # "protesters used live ammunition": the force is the crowd's
    if label == "Disrupted weapons use" and token.lemma_.lower() in DISCOVERY_ONLY | {"weapon"} and not found:
        return None  # "ammunition" alone is no event
    if found and label in WEAPON_FAMILY:
        return "Disrupted weapons use"
    words = all_words(sentence)
    if _mob_violence(label, token, sentence, actor1, others):
        return "Mob violence"
    if words & PROTEST_WORDS and label in ("Armed clash", "Attack", "Grenade", "Shelling/artillery/missile attack"):
        crowd = actor1 is not None and actor1.actor.type in ("Protesters", "Rioters")
        if not crowd and not words & RIOT_WORDS and (words & LETHAL_WORDS or count_fatalities(sentence)):
            return "Excessive force against protesters"
        state = actor1 is not None and actor1.actor.type == "State forces"
        if state and not words & RIOT_WORDS and _acts_on_protest(token):
            return "Protest with intervention"  # police who break up a peaceful protest
        return "Violent demonstration"  # protesters who clash or throw things make it a riot, deaths or not
    return label
