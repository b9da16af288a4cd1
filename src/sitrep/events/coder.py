"""Code events from one parsed document: triggers, roles, place, date, fatalities, certainty, evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.events import ontology
from sitrep.events.certainty import assess
from sitrep.events.fatalities import count_fatalities
from sitrep.events.roles import Roles, find_roles, mention_at, place_preposition
from sitrep.events.summary import summarise
from sitrep.events.triggers import Trigger, find_triggers
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


@dataclass
class Discourse:
    """What earlier sentences established: the last place, the last armed actors, the narrative date."""

    last_place: PlaceMention | None = None
    last_armed: ActorMention | None = None
    last_rebel: ActorMention | None = None
    last_date: DateRange | None = None
    paragraph_end: int = -1
    seen: set[str] = field(default_factory=set)


def focus_countries(places: Sequence[PlaceMention]) -> list[str]:
    counts = Counter(p.place.country_code for p in places if p.place is not None and p.place.country_code)
    return [cc for cc, _ in counts.most_common()]


def _in(span: SpacySpan, items: Sequence[PlaceMention] | Sequence[ActorMention]) -> list:  # type: ignore[type-arg]
    return [m for m in items if span.start_char <= m.start and m.end <= span.end_char]


def _dates_in(span: SpacySpan, dates: Sequence[DateRange]) -> list[DateRange]:
    return [d for d in dates if d.span is not None and span.start_char <= d.span.start < span.end_char]


def _choose_date(doc: Doc, trigger: Token, sentence_dates: list[DateRange]) -> DateRange | None:
    """The date attached to the trigger's clause; durations ("since 2016") only when nothing else."""
    usable = []
    for when in sentence_dates:
        assert when.span is not None
        span = doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
        prep = span.root.head.lower_ if span is not None and span.root.dep_ == "pobj" else ""
        if prep in ("since", "for", "until", "from", "after", "over"):
            continue
        usable.append(when)
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.span.start - trigger.idx) if d.span else 0)


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
        victim_civilian = roles.patient is not None and roles.patient.actor.type == "Civilians"
        words = {t.lower_ for t in sentence}
        if victim_civilian or (roles.patient is None and words & CIVILIAN_WORDS
                               and token.lemma_.lower() not in CLASH_WORDS):
            return "Attack"
        if token.lemma_.lower() in ("advance", "push") and not words & {"clash", "fighting", "battle"}:
            return "Armed clash"
        return "Armed clash"
    return trigger.label


def _precision(doc: Doc, place: PlaceMention) -> int:
    precision = place.geo_precision
    if place.place is not None and place.place.feature_class == "A":
        precision = max(precision, 3)
    elif place_preposition(doc, place) in ("around", "near", "outside", "outskirts", "close", "vicinity",
                                          "countryside", "environs", "edge", "nearby"):
        precision = max(precision, 2)
    return precision


def _places_for(
    doc: Doc, trigger: Trigger, roles: Roles, sentence_places: list[PlaceMention], sentence: SpacySpan,
    discourse: Discourse, label: str,
) -> list[PlaceMention]:
    places = list(roles.places)
    if label == "Displacement":
        places = [p for p in places if place_preposition(doc, p) not in ("to", "into", "towards", "for")]
    if places:
        return places
    head = doc[trigger.head]
    # "took the city": the city last named
    for token in sentence:
        if token.lemma_.lower() in ANAPHORS and token.i != trigger.head and discourse.last_place is not None:
            article = [c.lower_ for c in token.children if c.dep_ == "det"]
            if token.lower_ == "there" or article == ["the"]:
                return [discourse.last_place]
    if sentence_places:
        return [min(sentence_places, key=lambda p: abs(p.start - head.idx))]
    return []


def code_events(
    document: Document,
    doc: Doc,
    places: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    dates: Sequence[DateRange],
    country_place: PlaceMention | None = None,
) -> list[Event]:
    """Every event the document reports, in text order. Pure: the same inputs give the same events."""
    discourse = Discourse()
    resolved_places = [p for p in places if p.place is not None]
    events: list[Event] = []
    for sentence in doc.sents:
        sentence_places = _in(sentence, resolved_places)
        sentence_actors = _in(sentence, actors)
        sentence_dates = _dates_in(sentence, dates)
        candidates = _code_sentence(document, doc, sentence, sentence_places, sentence_actors, sentence_dates,
                                    discourse, country_place)
        events.extend(candidates)
        for mention in sentence_actors:
            if mention.actor.type in ARMED_TYPES:
                discourse.last_armed = mention
                if mention.actor.type in ("Rebel group", "Political militia") and not mention.actor.id.startswith(
                    "rebels-"
                ):
                    discourse.last_rebel = mention
        if sentence_places:
            discourse.last_place = sentence_places[-1]
    return events


def _code_sentence(
    document: Document, doc: Doc, sentence: SpacySpan, sentence_places: list[PlaceMention],
    sentence_actors: list[ActorMention], sentence_dates: list[DateRange], discourse: Discourse,
    country_place: PlaceMention | None,
) -> list[Event]:
    triggers = find_triggers(sentence)
    # A toponym inside an actor's name ("Aleppo rebels") or used as an actor ("Moscow said") is no location.
    sentence_places = [p for p in sentence_places
                       if not any(a.start <= p.start and p.end <= a.end for a in sentence_actors)]
    drafts: list[tuple[Trigger, str, Roles, ActorMention | None, list[PlaceMention]]] = []
    for trigger in triggers:
        token = doc[trigger.head]
        if mention_at(token, sentence_actors) is not None and trigger.label != "PLOVER:AID":
            continue  # the word is part of an actor's name ("Air Force", "Rocket Forces")
        takeover = trigger.label in ("TAKEOVER", "Non-violent transfer of territory")
        roles = find_roles(doc, token, sentence_actors, sentence_places, takeover)
        actor1 = roles.agent
        if actor1 is None and trigger.label in ("TAKEOVER", "VIOLENCE") and discourse.last_armed is not None:
            actor1 = discourse.last_rebel or discourse.last_armed
        if actor1 is not None and actor1.actor.id.startswith("rebels-") and discourse.last_rebel is not None:
            actor1 = discourse.last_rebel  # "the rebels" are the group the report is about
        label = _resolve_label(trigger, token, roles, sentence, actor1)
        if label.startswith("PLOVER:"):
            if actor1 is None and roles.patient is None:
                continue
            drafts.append((trigger, label, roles, actor1, list(roles.places)))
            continue
        chosen = _places_for(doc, trigger, roles, sentence_places, sentence, discourse, label)
        if not chosen:
            if trigger.priority < STRONG_PRIORITY and actor1 is None:
                continue
            if country_place is None:
                continue
            chosen = [country_place]
        drafts.append((trigger, label, roles, actor1, chosen))

    drafts = _keep_most_specific(drafts)
    events: list[Event] = []
    for trigger, label, roles, actor1, chosen in drafts:
        for place in chosen or [None]:
            event = _build(document, doc, sentence, trigger, label, roles, actor1, place, sentence_actors,
                           sentence_dates, discourse)
            if event.event_id not in discourse.seen:
                discourse.seen.add(event.event_id)
                events.append(event)
    return events


def _keep_most_specific(
    drafts: list[tuple[Trigger, str, Roles, ActorMention | None, list[PlaceMention]]],
) -> list[tuple[Trigger, str, Roles, ActorMention | None, list[PlaceMention]]]:
    """One event per place and actor in a sentence: the most specific trigger wins (ACLED: the final capture
    after clashes; deaths in a battle belong to the battle). Diplomacy is kept beside violence."""
    kept: list[tuple[Trigger, str, Roles, ActorMention | None, list[PlaceMention]]] = []
    for draft in sorted(drafts, key=lambda d: -d[0].priority):
        trigger, label, _roles, actor1, chosen = draft
        place_ids = {p.place.geonameid for p in chosen if p.place is not None}
        clash = False
        for other in kept:
            if other[1].startswith("PLOVER:") != label.startswith("PLOVER:"):
                continue
            other_ids = {p.place.geonameid for p in other[4] if p.place is not None}
            same_place = bool(place_ids & other_ids) or (not place_ids and not other_ids)
            other_actor = other[3]
            different_actor = (actor1 is not None and other_actor is not None
                               and actor1.actor.id != other_actor.actor.id)
            if same_place and not (different_actor and trigger.priority >= STRONG_PRIORITY):
                clash = True
                break
        if not clash:
            kept.append(draft)
    return sorted(kept, key=lambda d: d[0].start)


def _build(
    document: Document, doc: Doc, sentence: SpacySpan, trigger: Trigger, label: str, roles: Roles,
    actor1: ActorMention | None, place: PlaceMention | None, sentence_actors: list[ActorMention],
    sentence_dates: list[DateRange], discourse: Discourse,
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
    event_type = ontology.event_type_of(sub_event_type)

    actor2 = roles.patient
    if sub_event_type == "Displacement" and actor1 is not None and actor1.actor.type in ARMED_TYPES:
        actor2 = None
    if actor2 is not None and actor1 is not None and actor2.actor.id == actor1.actor.id:
        actor2 = None
    allies = tuple(a for a in roles.agent_allies if actor1 is None or a.actor.id != actor1.actor.id)

    when = _choose_date(doc, token, sentence_dates) or discourse.last_date or _default_date(document)
    if sentence_dates and when in sentence_dates:
        discourse.last_date = when
    geo_precision = _precision(doc, place) if place is not None else None
    fatalities = count_fatalities(sentence) if event_type else None
    certainty, attribution = assess(sentence, token, sentence_actors)
    evidence = Span(sentence.start_char, sentence.end_char, sentence.text)
    trigger_span = Span(doc[trigger.start].idx, doc[trigger.end - 1].idx + len(doc[trigger.end - 1].text),
                        doc.text[doc[trigger.start].idx: doc[trigger.end - 1].idx + len(doc[trigger.end - 1].text)])
    geonameid = place.place.geonameid if place is not None and place.place is not None else None
    event_id = stable_id(document.id, document.content_hash, trigger_span.start, label, geonameid)
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
