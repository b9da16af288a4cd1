"""Code events from one parsed document: triggers, roles, place, date, fatalities, certainty, evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.actors import ActorBase
from sitrep.events import ontology
from sitrep.events.certainty import assess
from sitrep.events.fatalities import count_fatalities
from sitrep.events.roles import Roles, find_roles, governed_by, mention_at, place_preposition, predicate_of
from sitrep.events.summary import summarise
from sitrep.events.triggers import Trigger, find_triggers, load_lexicon
from sitrep.model import ActorMention, DateRange, Document, Event, PlaceMention, Span, stable_id

ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia",
                         "External/Other forces"})
ANAPHORS = frozenset({"city", "town", "village", "area", "region", "province", "there", "district",
                      "neighbourhood", "neighborhood", "base", "airport", "front"})
GOVERNMENT_REGAIN_WORDS = frozenset({"recapture", "retake", "regain", "liberate", "reclaim", "restore"})
CLASH_WORDS = frozenset({"clash", "fighting", "fight", "battle", "gunfight", "firefight", "skirmish", "combat",
                         "engage", "exchange", "hostilities", "repel", "counterattack", "counteroffensive"})
CIVILIAN_WORDS = frozenset({"civilian", "civilians", "resident", "residents", "villager", "villagers",
                            "child", "children", "woman", "women", "family", "families", "worshipper",
                            "farmer", "shepherd", "student", "journalist", "passenger", "patient"})
STRONG_PRIORITY = 80
NEAR_WORDS = frozenset({
    "outskirts", "outskirt", "near", "around", "outside", "edge", "vicinity", "countryside", "environs",
})
REBELLION_WORDS = frozenset({"rebellion", "uprising", "revolt", "insurgency", "insurrection", "mutiny"})


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


def focus_countries(places: Sequence[PlaceMention]) -> list[str]:
    counts = Counter(p.place.country_code for p in places if p.place is not None and p.place.country_code)
    return [cc for cc, _ in counts.most_common()]


def _in(span: SpacySpan, items: Sequence[PlaceMention] | Sequence[ActorMention]) -> list:  # type: ignore[type-arg]
    return [m for m in items if span.start_char <= m.start and m.end <= span.end_char]


def _dates_in(span: SpacySpan, dates: Sequence[DateRange]) -> list[DateRange]:
    return [d for d in dates if d.span is not None and span.start_char <= d.span.start < span.end_char]


DURATION_WORDS = ("since", "for", "until", "from", "after", "over", "during", "throughout", "within")


def _choose_date(doc: Doc, trigger: Token, predicate: Token, sentence_dates: list[DateRange]) -> DateRange | None:
    """The date of the trigger's own clause, else one written before it ("On 1 May, ... shelled");
    durations ("since 2016") never date an event."""
    usable: list[DateRange] = []
    for when in sentence_dates:
        assert when.span is not None
        words = when.span.text.lower().split()
        span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
        prep = span.root.head.lower_ if span is not None and span.root.dep_ == "pobj" else ""
        if (words and words[0] in DURATION_WORDS) or prep in DURATION_WORDS:
            continue
        usable.append(when)
    governed = [d for d in usable if d.span and governed_by(doc, d.span.start, d.span.end, {trigger.i, predicate.i})]
    if governed:
        return governed[0]
    before = [d for d in usable if d.span and d.span.end <= trigger.idx]
    return before[-1] if before else None


def _default_date(document: Document) -> DateRange | None:
    if document.published is None:
        return None
    return DateRange(document.published - timedelta(days=6), document.published, 2)


def _resolve_label(
    trigger: Trigger, token: Token, roles: Roles, sentence: SpacySpan, actor1: ActorMention | None
) -> str:
    if trigger.label == "TAKEOVER":
        if actor1 is not None and actor1.actor.type == "State forces":
            return "Government regains territory"
        if actor1 is None and token.lemma_.lower() in GOVERNMENT_REGAIN_WORDS:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if trigger.label == "VIOLENCE":
        victim_civilian = (roles.patient is not None and roles.patient.actor.type == "Civilians") or (
            roles.patient is None and _civilian_target(token))
        words = {t.lower_ for t in sentence}
        if victim_civilian or (roles.patient is None and words & CIVILIAN_WORDS
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
})


MILITARY_WORDS = frozenset({
    "military", "army", "soldier", "troop", "position", "base", "checkpoint", "convoy", "barracks", "outpost",
    "police", "militant", "fighter", "force", "patrol", "garrison", "post",
})


def _civilian_target(token: Token) -> bool:
    """The object of the violence is a civilian person or place ("gunmen attacked a church")."""
    predicate = predicate_of(token)
    for holder in (token, predicate):
        for child in holder.children:
            if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ in ("on", "at")):
                objects = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                for obj in objects:
                    military = any(t.lemma_.lower() in MILITARY_WORDS for t in obj.subtree)
                    if not military and (obj.lemma_.lower() in CIVILIAN_TARGETS or obj.lower_ in CIVILIAN_TARGETS):
                        return True
    return False


def _precision(doc: Doc, place: PlaceMention) -> int:
    precision = place.geo_precision
    if place.place is not None and place.place.feature_class == "A":
        precision = max(precision, 3)
    elif place_preposition(doc, place) in NEAR_WORDS | {"close", "nearby", "south", "north", "east", "west",
                                                        "countryside", "environs", "edge"}:
        precision = max(precision, 2)
    return precision


LOCATIVE_HEADS = frozenset({
    "city", "town", "village", "province", "governorate", "region", "countryside", "outskirts", "district",
    "area", "suburb", "suburbs", "airport", "base", "border", "front", "frontline", "crossing", "road", "highway",
    "neighbourhood", "neighborhood", "camp", "state", "oblast", "county", "municipality", "port", "strip",
    "valley", "plain", "desert", "mountains", "hills", "river", "bank", "west", "east", "north", "south",
    "centre", "center", "environs", "axis", "sector", "prison", "hospital", "market", "school",
})


def is_location_use(doc: Doc, place: PlaceMention, actors: Sequence[ActorMention]) -> bool:
    """False where a toponym names an actor or qualifies a noun that is no place ("Damascus-ally Moscow",
    "both Assad and Moscow"); "the Aleppo countryside" stays a place."""
    if any(a.start <= place.start and place.end <= a.end for a in actors):
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.dep_ in ("compound", "amod", "npadvmod", "poss") and root.head.i > root.i:
        head = root.head
        if head.lemma_.lower() not in LOCATIVE_HEADS and head.lower_ not in LOCATIVE_HEADS:
            return False
    if place.place is not None and place.place.feature_code == "PPLC" and root.dep_ == "pobj" and (
        root.head.lower_ in ("with", "against")
    ):
        return False  # "fighting with Tel Aviv": the capital stands for its state
    related = [root.head] if root.dep_ in ("conj", "appos") else []
    related += [c for c in root.children if c.dep_ == "conj"]
    return not any(mention_at(t, actors) is not None and t.ent_type_ not in ("GPE", "LOC", "FAC") for t in related)


def _with_conjoined(doc: Doc, place: PlaceMention, pool: Sequence[PlaceMention]) -> list[PlaceMention]:
    """A place and the places coordinated with it ("around Deraa and Suweida")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return [place]
    related = {t.i for t in span.root.conjuncts}
    out = [place]
    for other in pool:
        if other is place:
            continue
        other_span = doc.char_span(other.start, other.end, alignment_mode="expand")
        if other_span is not None and other_span.root.i in related:
            out.append(other)
    return sorted(out, key=lambda p: p.start)


def _most_precise(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop regions and countries when a town of the same country is named too ("Nyala, South Darfur"), and
    the qualifier of "Antonivka, Kherson"."""
    towns = {p.place.country_code for p in places if p.place is not None and p.place.feature_class == "P"}
    kept = [p for p in places if p.place is None or p.place.feature_class == "P" or p.place.country_code not in towns]
    qualifiers = {id(b) for a, b in zip(kept, kept[1:], strict=False)
                  if _between(doc, a.end, b.start) == "," and a.place and b.place
                  and a.place.country_code == b.place.country_code}
    return [p for p in kept if id(p) not in qualifiers]


def _between(doc: Doc, start: int, end: int) -> str:
    """The text between two character offsets, stripped (Doc.text would rebuild the whole text)."""
    if end <= start:
        return ""
    words = [t.text for t in doc if start <= t.idx and t.idx + len(t.text) <= end]
    return "".join(words).strip()


def _places_for(
    doc: Doc, trigger: Trigger, roles: Roles, sentence_places: list[PlaceMention], sentence: SpacySpan,
    discourse: Discourse, label: str,
) -> list[PlaceMention]:
    destination = ("to", "into", "towards", "toward", "for")
    places = list(roles.places)
    if label in ("Displacement", "Non-violent transfer of territory", "Change to group/activity"):
        places = [p for p in places if place_preposition(doc, p) not in destination]
    if places:
        return _most_precise(doc, places)
    head = doc[trigger.head]
    # "took the city": the city last named
    for token in sentence:
        if token.lemma_.lower() in ANAPHORS and token.i != trigger.head:
            article = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
            own = [p for p in sentence_places if token.left_edge.idx <= p.start < token.right_edge.idx + 1]
            if own or not (token.lower_ == "there" or article == ["the"]):
                continue  # "the key city of Homs" names its own place
            earlier = [p for p in sentence_places if p.end <= token.idx]
            found = earlier[-1] if earlier else discourse.last_place
            if found is not None:
                near = any(t.lower_ in NEAR_WORDS or t.lemma_.lower() in NEAR_WORDS
                           for t in token.ancestors if t.i >= sentence.start)
                return [replace(found, geo_precision=max(found.geo_precision, 2)) if near else found]
    candidates = [p for p in sentence_places if place_preposition(doc, p) not in destination] or sentence_places
    if candidates:
        nearest = min(candidates, key=lambda p: abs(p.start - head.idx))
        return _most_precise(doc, _with_conjoined(doc, nearest, candidates))
    return []


def code_events(
    document: Document,
    doc: Doc,
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    dates: Sequence[DateRange],
    country_place: PlaceMention | None = None,
    kb: ActorBase | None = None,
) -> list[Event]:
    """Every event the document reports, in text order. Pure: the same inputs give the same events."""
    focus = country_place.place.country_code if country_place is not None and country_place.place else None
    discourse = Discourse()
    resolved_places = [p for p in places if p.place is not None]
    events: list[Event] = []
    for number, sentence in enumerate(doc.sents):
        discourse.sentence_no = number
        sentence_actors = _in(sentence, actors)
        for mention in sentence_actors:
            if mention.actor.type in ("Rebel group", "Political militia", "Identity militia") and not _generic(mention):
                discourse.recent_groups.append((number, mention))
        sentence_places = [p for p in _in(sentence, resolved_places) if is_location_use(doc, p, sentence_actors)]
        sentence_dates = _dates_in(sentence, dates)
        found = _code_sentence(document, doc, sentence, sentence_places, sentence_actors, sentence_dates,
                               discourse, country_place, kb, focus)
        if not found and events:
            _carry_fatalities(events, sentence)  # "... shelled Antonivka. 4 fatalities."
        events.extend(found)
        for event in found:
            if event.event_type in (ontology.BATTLES, ontology.EXPLOSIONS) and event.actor1 is not None:
                discourse.last_agent = event.actor1
                discourse.last_agent_sentence = number
        # the discourse place is a town an event happened in, not a dateline or a passing mention
        towns = [e.location for e in found if e.location is not None and e.location.place is not None
                 and e.location.place.feature_class != "A" and e.location.text]
        if towns:
            discourse.last_place = towns[-1]
    return events


def _carry_fatalities(events: list[Event], sentence: SpacySpan) -> None:
    """A sentence that only counts the dead completes the violent events of the sentence before it."""
    if len(sentence) > 8:
        return  # only a bare count ("4 fatalities.") belongs to the sentence before it
    count = count_fatalities(sentence)
    if count is None:
        return
    last = events[-1].evidence.start
    for index, event in enumerate(events):
        violent = _family(event.sub_event_type or "") == "violence"
        if event.evidence.start == last and event.fatalities is None and violent:
            summary = summarise(event.sub_event_type, event.plover_type, event.actor1, event.actor2, event.location,
                                event.geo_precision, event.date, count, event.certainty, event.attribution)
            events[index] = replace(event, fatalities=count, summary=summary)


def _generic(mention: ActorMention) -> bool:
    return mention.actor.id.startswith(("rebels-", "unidentified-", "civilians-", "protesters-", "rioters-"))


def _code_sentence(
    document: Document, doc: Doc, sentence: SpacySpan, sentence_places: list[PlaceMention],
    sentence_actors: list[ActorMention], sentence_dates: list[DateRange], discourse: Discourse,
    country_place: PlaceMention | None, kb: ActorBase | None, focus: str | None,
) -> list[Event]:
    drafts: list[Draft] = []
    triggers = find_triggers(sentence)
    for trigger in triggers:
        token = doc[trigger.head]
        inside = mention_at(token, sentence_actors)
        if inside is not None and trigger.label not in ("PLOVER:AID", "Mob violence", *WEAPON_LABELS):
            continue  # the word is part of an actor's name ("Rocket Forces")
        takeover = trigger.label in ("TAKEOVER", "Non-violent transfer of territory")
        roles = find_roles(doc, token, sentence_actors, sentence_places, takeover)
        if token.lemma_.lower() in CARRIER_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass") and any(o.start <= c.i < o.end for o in triggers if o is not trigger)
            for c in token.children
        ):
            continue  # "the strikes hit a market": the strikes are the event
        if _refers_back(token, roles):
            continue  # "the shelling", named again: the event was coded where it was first told
        actor1 = roles.agent
        if isinstance(inside, ActorMention) and actor1 is None:
            actor1 = inside  # "Russian warplanes struck ...": the aircraft are the actor
        if actor1 is not None and _generic(actor1) and actor1.actor.type == "Rebel group":
            actor1 = discourse.named_group_nearby() or actor1  # "HTS ... rebel forces": the group named
        if actor1 is None and token.lemma_.lower() in REBELLION_WORDS and kb is not None:
            rebels = kb.generic("rebels", focus)
            if rebels is not None:
                actor1 = ActorMention(rebels, token.idx, token.idx + len(token.text), token.text)
        if actor1 is None and trigger.label == "TAKEOVER":
            actor1 = discourse.named_group_in_sentence() or discourse.recent_agent() or discourse.named_group_nearby()
        if actor1 is None and trigger.label == "VIOLENCE":
            actor1 = discourse.recent_agent()
        if trigger.label == "VIOLENCE" and _in_background(token):
            continue  # "a ceasefire following two weeks of fighting": the fighting is context
        if trigger.label in ACCIDENT_PRONE and _accident(sentence, sentence_actors):
            continue  # "a gas explosion at a factory killed 12", "the earthquake hit": no political violence
        label = _contextual_label(_resolve_label(trigger, token, roles, sentence, actor1), trigger, token, sentence)
        if label is None:
            continue
        if actor1 is None and label in IMPLIED_ACTOR and kb is not None:
            implied = kb.generic(IMPLIED_ACTOR[label], focus)  # people who flee are civilians, ...
            if implied is not None:
                actor1 = ActorMention(implied, token.idx, token.idx + len(token.text), token.text)
        if label == "Attack" and roles.patient is None and kb is not None:
            civilians = kb.generic("civilians", focus)
            if civilians is not None:
                roles = replace(roles, patient=ActorMention(civilians, token.idx, token.idx + len(token.text),
                                                            token.text))
        if trigger.label == "TAKEOVER" and actor1 is None:
            continue  # a capture with nobody capturing is not coded
        if label.startswith("PLOVER:"):
            if roles.agent is None and roles.patient is None:
                continue  # an interaction needs at least one named party
            drafts.append(Draft(trigger, label, roles, roles.agent, [], _factual(sentence, token, sentence_actors)))
            continue
        unnamed = trigger.label == "TAKEOVER" and any(
            t.tag_ == "NNS" and t.lemma_.lower() in ("city", "town", "village", "area", "territory")
            for t in [*doc[trigger.start: trigger.end], *(c for c in token.children if c.dep_ == "dobj")]
        )
        # "freed several villages": the villages are not named, so no nearby place stands in for them
        chosen = (_most_precise(doc, list(roles.places)) if unnamed
                  else _places_for(doc, trigger, roles, sentence_places, sentence, discourse, label))
        if takeover and chosen:
            towns = [p for p in chosen if p.place is not None and p.place.feature_code not in COUNTRY_CODES]
            if label == "Non-violent transfer of territory" and not any(
                p.place is not None and p.place.feature_class == "P" for p in towns
            ):
                label = "Change to group/activity"  # forces withdrawn from a region: no town changed hands
            elif not towns and _aims_at_country(doc, token, chosen):
                continue  # "dedicated to taking control of Syria": control is coded for towns, not countries
            elif not towns:
                chosen = []  # the town taken is not in the gazetteer ("Toratorow town in southern Somalia")
            else:
                chosen = towns
        if not chosen:
            evidence = actor1 is not None or roles.patient is not None or count_fatalities(sentence) is not None
            if not evidence and trigger.label in ("VIOLENCE", "TAKEOVER", "Change to group/activity"):
                continue  # a generic word with nobody and nowhere: not an event
            if country_place is not None and actor1 is not None and not takeover:
                chosen = [country_place]  # somewhere in the country the report is about
        drafts.append(Draft(trigger, label, roles, actor1, chosen, _factual(sentence, token, sentence_actors)))

    if kb is not None:
        drafts = [_as_forces(d, kb) for d in drafts]
    events: list[Event] = []
    for draft in _keep_most_specific(drafts):
        places: list[PlaceMention | None] = list(draft.places) or [None]
        for place in places:
            event = _build(document, doc, sentence, draft.trigger, draft.label, draft.roles, draft.actor1, place,
                           sentence_actors, sentence_dates)
            if event.event_id not in discourse.seen:
                discourse.seen.add(event.event_id)
                events.append(event)
    return events


@lru_cache(maxsize=1)
def label_priorities() -> dict[str, int]:
    """Each label's highest priority in the trigger lexicon."""
    best: dict[str, int] = {}
    for phrases in load_lexicon().by_first_word.values():
        for phrase in phrases:
            best[phrase.label] = max(best.get(phrase.label, 0), phrase.priority)
    return best


@dataclass(frozen=True, slots=True)
class Draft:
    trigger: Trigger
    label: str
    roles: Roles
    actor1: ActorMention | None
    places: list[PlaceMention]
    factual: bool  # what happened, as opposed to what is expected or denied

    @property
    def priority(self) -> int:
        """The trigger's priority, or the label's when the context refined it ("clashes" at a protest)."""
        return max(self.trigger.priority, label_priorities().get(self.label, 0))


VIOLENT_TYPES = frozenset({ontology.BATTLES, ontology.EXPLOSIONS, ontology.VIOLENCE_CIVILIANS})


def _family(label: str) -> str:
    """Triggers of one family in one sentence and place describe one event; other families stand apart."""
    if label in ("TAKEOVER", "VIOLENCE") or (
        label in ontology.BY_NAME and ontology.event_type_of(label) in VIOLENT_TYPES
    ):
        return "violence"
    if label in ontology.BY_NAME and ontology.event_type_of(label) in (ontology.PROTESTS, ontology.RIOTS):
        return "protest"
    return label


IMPLIED_ACTOR = {
    "Displacement": "civilians", "Peaceful protest": "protesters", "Protest with intervention": "protesters",
    "Excessive force against protesters": "protesters", "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}
CARRIER_VERBS = frozenset({"hit", "strike", "target", "kill", "wound", "injure", "destroy", "damage"})
WEAPON_FAMILY = frozenset({"Remote explosive/landmine/IED", "Grenade", "Chemical weapon", "Suicide bomb",
                           "Shelling/artillery/missile attack", "Air/drone strike"})
WEAPON_LABELS = ("Air/drone strike", "Shelling/artillery/missile attack")


def _as_forces(draft: Draft, kb: ActorBase) -> Draft:
    """In fighting, a state acts through its forces: "Moscow struck Aleppo" is Russia's military (ACLED)."""
    if draft.label.startswith("PLOVER:") or draft.actor1 is None:
        return draft
    actor = draft.actor1.actor
    if kb.is_government(actor) and actor.country and _family(draft.label) == "violence":
        military = kb.military(actor.country)
        if military is not None:
            return replace(draft, actor1=replace(draft.actor1, actor=military))
    return draft


def _aims_at_country(doc: Doc, token: Token, places: Sequence[PlaceMention]) -> bool:
    """The takeover's own object is a whole country."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    objects += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for child in token.children:  # "take control of X"
        if child.dep_ == "dobj":
            objects += [o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    spans = [(o.idx, o.idx + len(o.text)) for o in objects]
    return any(p.start < end and start < p.end for p in places for start, end in spans)


def _refers_back(token: Token, roles: Roles) -> bool:
    """A definite nominal trigger with nothing of its own ("the shelling", "the clashes") names an event
    already told."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in DISCOVERY_ONLY | {"weapon"}:
        return False  # "the pistols were discovered" names the weapons, not an event told before
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in token.children)
    return definite and not roles.places and roles.agent is None and roles.patient is None


BACKGROUND_WORDS = frozenset({"following", "after", "despite", "amid", "end", "ending", "since", "before"})
DISCOVERY_VERBS = frozenset({
    "find", "seize", "discover", "defuse", "dismantle", "intercept", "confiscate", "recover", "uncover", "clear",
    "capture", "neutralise", "neutralize", "deactivate", "detect", "retrieve", "hand", "surrender",
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


def _accident(sentence: SpacySpan, actors: Sequence[ActorMention]) -> bool:
    """A disaster or an accident, with no armed actor in the sentence."""
    words = {t.lower_ for t in sentence} | {t.lemma_.lower() for t in sentence}
    armed = any(a.actor.type in ARMED_TYPES for a in actors)
    return bool(words & ACCIDENT_WORDS) and not armed


PERSON_OBJECTS = frozenset({
    "commander", "leader", "fighter", "militant", "soldier", "officer", "member", "suspect", "man", "men", "woman",
    "women", "child", "children", "civilian", "journalist", "activist", "worker", "people", "person", "terrorist",
    "insurgent", "rebel", "jihadist", "emir", "chief", "spy", "hostage", "prisoner", "student", "priest",
})


def _takes_people(token: Token) -> bool:
    """"captured a senior commander": people taken, not a place."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in PERSON_OBJECTS for o in objects)


def _in_background(token: Token) -> bool:
    """A generic violence word that only sets the scene ("after weeks of fighting", "to end the insurgency")."""
    return any(ancestor.lower_ in BACKGROUND_WORDS for ancestor in list(token.ancestors)[:3])


def _governing_verbs(token: Token) -> list[Token]:
    """Verbs the token is an object of ("weapons were seized", "found a cache"), not the subject of."""
    verbs = []
    current = token
    for _ in range(4):
        if current.dep_ in ("nsubj", "agent", "csubj") or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            verbs.append(current)
    return verbs


def _contextual_label(label: str, trigger: Trigger, token: Token, sentence: SpacySpan) -> str | None:
    """Refine a label by its context: weapons found are disrupted weapons use; violence at a protest is a
    demonstration's (ACLED)."""
    if label in ("Government regains territory", "Non-state actor overtakes territory") and _takes_people(token):
        return "Abduction/forced disappearance" if label.startswith("Non-state") else "Arrests"
    found = any(v.lemma_.lower() in DISCOVERY_VERBS for v in _governing_verbs(token))
    if label == "Disrupted weapons use" and token.lemma_.lower() in DISCOVERY_ONLY | {"weapon"} and not found:
        return None  # "ammunition" alone is no event
    if found and label in WEAPON_FAMILY:
        return "Disrupted weapons use"
    words = {t.lower_ for t in sentence} | {t.lemma_.lower() for t in sentence}
    if words & PROTEST_WORDS and label in ("Armed clash", "Attack", "Grenade", "Shelling/artillery/missile attack"):
        if not words & RIOT_WORDS and (words & LETHAL_WORDS or count_fatalities(sentence)):
            return "Excessive force against protesters"
        return "Violent demonstration"  # protesters who clash or throw things make it a riot, deaths or not
    return label


def _factual(sentence: SpacySpan, token: Token, actors: Sequence[ActorMention]) -> bool:
    return assess(sentence, token, actors)[0] not in ("expected", "denied")


COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "CONT", "RGN"})


def _keep_most_specific(drafts: list[Draft]) -> list[Draft]:
    """One event per place and actor in a sentence: the most specific trigger wins (ACLED: the final capture
    after clashes; deaths in a battle belong to the battle). Diplomacy is kept beside violence."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: -d.priority):
        place_ids = {p.place.geonameid for p in draft.places if p.place is not None}
        redundant = False
        for other in kept:
            if _family(other.label) != _family(draft.label):
                continue
            if draft.label.startswith("PLOVER:") and (
                other.label != draft.label or other.roles.patient != draft.roles.patient
            ):
                continue
            other_ids = {p.place.geonameid for p in other.places if p.place is not None}
            same_place = bool(place_ids & other_ids) or (not place_ids and not other_ids)
            if other.factual != draft.factual:
                continue  # "advanced to Homs ... in anticipation of its fall": two things
            different_actor = (draft.actor1 is not None and other.actor1 is not None
                               and draft.actor1.actor.id != other.actor1.actor.id)
            if same_place and not (different_actor and draft.priority >= STRONG_PRIORITY):
                redundant = True
                break
        if not redundant:
            kept.append(draft)
    return sorted(kept, key=lambda d: d.trigger.start)


def _build(
    document: Document, doc: Doc, sentence: SpacySpan, trigger: Trigger, label: str, roles: Roles,
    actor1: ActorMention | None, place: PlaceMention | None, sentence_actors: list[ActorMention],
    sentence_dates: list[DateRange],
) -> Event:
    token = doc[trigger.head]
    if label.startswith("PLOVER:"):
        sub_event_type = None
        plover_type = label.split(":", 1)[1]
        plover_mode = ontology.DIPLOMATIC_TYPES.get(plover_type)
    else:
        sub_event_type = label
        spec = ontology.BY_NAME[label]
        plover_type, plover_mode = spec.plover_type, spec.plover_mode
        if trigger.label == "Non-violent transfer of territory" and label != trigger.label:
            plover_type, plover_mode = "RETREAT", "withdraw"
    event_type = ontology.event_type_of(sub_event_type)

    actor2 = roles.patient
    if sub_event_type == "Displacement" and actor1 is not None and actor1.actor.type in ARMED_TYPES:
        actor2 = None
    if actor2 is not None and actor1 is not None and actor2.actor.id == actor1.actor.id:
        actor2 = None
    allies = tuple(a for a in roles.agent_allies if actor1 is None or a.actor.id != actor1.actor.id)

    when = _choose_date(doc, token, predicate_of(token), sentence_dates) or _default_date(document)
    certainty, attribution = assess(sentence, token, sentence_actors)
    if certainty == "expected" and document.published and (when is None or when.end < document.published):
        when = DateRange(document.published, document.published, 1)  # expected from the day of the report
    geo_precision = _precision(doc, place) if place is not None else None
    fatalities = count_fatalities(sentence) if event_type else None
    sentence_text = sentence.text.rstrip()
    evidence = Span(sentence.start_char, sentence.start_char + len(sentence_text), sentence_text)
    trigger_span = Span(doc[trigger.start].idx, doc[trigger.end - 1].idx + len(doc[trigger.end - 1].text),
                        doc[trigger.start: trigger.end].text)
    geonameid = place.place.geonameid if place is not None and place.place is not None else None
    event_id = stable_id(document.id, document.content_hash, document.published, trigger_span.start, label,
                         geonameid)
    summary = summarise(sub_event_type, plover_type, actor1, actor2, place, geo_precision, when, fatalities,
                        certainty, attribution)
    return Event(
        event_id=event_id,
        document_id=document.id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover_type=plover_type,
        plover_mode=plover_mode,
        actor1=actor1,
        actor2=actor2,
        assoc_actor1=allies,
        assoc_actor2=(),
        location=place,
        geo_precision=geo_precision,
        date=when,
        fatalities=fatalities,
        certainty=certainty,
        attribution=attribution,
        evidence=evidence,
        trigger=trigger_span,
        summary=summary,
        document=document.info(),
    )


__all__ = ["code_events", "focus_countries"]
