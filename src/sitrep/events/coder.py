"""Code events from one parsed document: triggers, roles, place, date, fatalities, certainty, evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.actors import ActorBase
from sitrep.events import ontology
from sitrep.events.certainty import assess
from sitrep.events.context import (
    ACCIDENT_PRONE,
    ARMED_TYPES,
    GOVERNMENT_REGAIN_WORDS,
    Discourse,
    by_nature,
    contextual_label,
    has_subject,
    in_background,
    is_accident,
    is_source,
    refers_back,
    resolve_label,
    unnamed_captor,
)
from sitrep.events.fatalities import count_fatalities
from sitrep.events.placing import geo_precision_of, is_location_use, most_precise, places_for
from sitrep.events.roles import Roles, find_roles, governed_by, mention_at, predicate_of
from sitrep.events.summary import summarise
from sitrep.events.triggers import Trigger, find_triggers, load_lexicon
from sitrep.model import ActorMention, DateRange, Document, Event, PlaceMention, Span, stable_id
from sitrep.nlp.pipeline import doc_text

STRONG_PRIORITY = 80
REBELLION_WORDS = frozenset({"rebellion", "uprising", "revolt", "insurgency", "insurrection", "mutiny"})


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
        violent = "violence" in _families(event.sub_event_type or "")
        if event.evidence.start == last and event.fatalities is None and violent:
            summary = summarise(event.sub_event_type, event.plover_type, event.actor1, event.actor2, event.location,
                                event.geo_precision, event.date, count, event.certainty, event.attribution)
            events[index] = replace(event, fatalities=count, summary=summary)


def _unnamed_actor(
    label: str, token: Token, chosen: Sequence[PlaceMention], kb: ActorBase, focus: str | None
) -> ActorMention | None:
    """The actor ACLED records when the text names none: the state's forces for a place retaken ("the town
    was retaken") or for a country's weapon ("a US drone strike"); an unidentified armed group for a suicide
    bombing, which only an armed group carries out."""
    countries = [p.place.country_code for p in chosen if p.place is not None and p.place.country_code]
    country = countries[0] if countries else focus
    actor, written = None, token
    if label == "Government regains territory":
        actor = kb.military(country)
    elif label in WEAPON_LABELS:
        for child in token.children:
            owner = kb.country_by_name(child.text) if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" \
                and child.i < token.i else None
            if owner is not None:
                actor, written = kb.military(owner.code), child
                break
    elif label == "Suicide bomb":
        actor = kb.generic("unidentified-armed-group", country)
    if actor is None:
        return None
    return ActorMention(actor, written.idx, written.idx + len(written.text), written.text)


def _victims(token: Token) -> tuple[int, int] | None:
    """Character span of the people a violent verb acts on ("killed three farmers", "two men were shot"),
    from the start of their phrase to its head noun."""
    predicate = predicate_of(token)
    for holder in (token, predicate):
        for child in holder.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN", "NUM"):
                return child.left_edge.idx, child.idx + len(child.text)
    return None


def _fought_before(discourse: Discourse, actor1: ActorMention | None) -> bool:
    """The same actor fought in this sentence's or the last two sentences' violent events."""
    recent = discourse.recent_agent()
    return actor1 is not None and recent is not None and recent.actor.id == actor1.actor.id


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
        within_name = inside is not None and all(
            mention_at(doc[i], sentence_actors) is not None for i in range(trigger.start, trigger.end))
        if within_name and trigger.label not in ("PLOVER:AID", "Mob violence", *WEAPON_LABELS):
            continue  # the word is part of an actor's name ("Rocket Forces"), not "detain protesters"
        takeover = trigger.label in ("TAKEOVER", "Non-violent transfer of territory")
        roles = find_roles(doc, token, sentence_actors, sentence_places, takeover)
        carriers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        carriers += [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if token.lemma_.lower() in CARRIER_VERBS and any(
            any(o.start <= c.i < o.end for o in triggers if o is not trigger)
            for c in carriers if c.lemma_.lower() not in AGENT_NOUNS and c.lower_ not in AGENT_NOUNS
        ):
            continue  # "the strikes hit a market", "killed by landmines": the strikes are the event
        if token.lemma_.lower() in AGENT_NOUNS and token.dep_ in ("nsubj", "nsubjpass") and any(
            o.head == token.head.i for o in triggers if o is not trigger
        ):
            continue  # "gunmen attacked a campus": the attack is the event, told by its verb
        if trigger.label == "VIOLENCE" and token.i + 1 < len(doc) and doc[token.i + 1].text == "-":
            continue  # "insurgency-hit", "war-torn": a description, not an event
        if trigger.label in ACCIDENT_PRONE and by_nature(token, trigger):
            continue  # "a region hit by an earthquake"
        if trigger.label == "Mob violence" and is_source(token):
            continue  # "according to vigilantes": the group tells, it does not act
        if trigger.label == "TAKEOVER" and token.dep_ == "amod":
            continue  # "rebel-held areas", "the newly captured villages": a state of control, not an event
        if refers_back(token, roles):
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
        if trigger.label == "VIOLENCE" and in_background(token):
            continue  # "a ceasefire following two weeks of fighting": the fighting is context
        if trigger.label in ACCIDENT_PRONE and is_accident(sentence, sentence_actors, trigger):
            continue  # "a gas explosion at a factory killed 12", "the earthquake hit": no political violence
        label = contextual_label(resolve_label(trigger, token, roles, sentence, actor1), trigger, token, sentence,
                                 actor1, triggers)
        if label is None:
            continue
        if trigger.label == "TAKEOVER" and label == "Non-violent transfer of territory" and _fought_before(
            discourse, actor1
        ):
            # the taker fought for the place in the sentences before: the capture ends a battle, not a handover
            label = resolve_label(trigger, token, roles, sentence, actor1)
        if actor1 is None and label in IMPLIED_ACTOR and kb is not None:
            implied = kb.generic(IMPLIED_ACTOR[label], focus)  # people who flee are civilians, ...
            if implied is not None:
                actor1 = ActorMention(implied, token.idx, token.idx + len(token.text), token.text)
        if actor1 is not None and label in CROWD_ROLE and kb is not None:
            actor1 = _as_crowd(actor1, label, token, kb, focus)
        if label == "Protest with intervention" and kb is not None and (
            actor1 is None or actor1.actor.type not in CROWD_TYPES
        ):
            actor1, roles = _protesters_first(actor1, roles, token, sentence_actors, kb, focus)
        if label == "Attack" and roles.patient is None and kb is not None:
            civilians = kb.generic("civilians", focus)
            if civilians is not None:
                victims = _victims(token)  # "killed three farmers": the farmers as written
                start, end = victims or (token.idx, token.idx + len(token.text))
                roles = replace(roles, patient=ActorMention(civilians, start, end, doc_text(doc)[start:end]))
        if trigger.label == "TAKEOVER" and actor1 is None and not (
            unnamed_captor(token) or (token.lemma_.lower() in GOVERNMENT_REGAIN_WORDS and not has_subject(token))
        ):
            continue  # a capture with nobody capturing is not coded; "the town was retaken" is the state's
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
        chosen = (most_precise(doc, list(roles.places)) if unnamed
                  else places_for(doc, trigger, roles, sentence_places, sentence, discourse, label))
        territorial = label in ("Government regains territory", "Non-state actor overtakes territory",
                                "Non-violent transfer of territory")
        if takeover and territorial and chosen:
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
            evidence = (actor1 is not None or roles.patient is not None or count_fatalities(sentence) is not None
                        or (trigger.label == "TAKEOVER" and unnamed_captor(token) is not None))
            if not evidence and trigger.label in ("VIOLENCE", "TAKEOVER", "Change to group/activity"):
                continue  # a generic word with nobody and nowhere: not an event
            if country_place is not None and actor1 is not None and not takeover:
                chosen = [country_place]  # somewhere in the country the report is about
        if actor1 is None and kb is not None:
            actor1 = _unnamed_actor(label, token, chosen, kb, focus)
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


def _families(label: str) -> frozenset[str]:
    """Triggers of one family in one sentence and place describe one event; other families stand apart.
    A mob belongs to both: its killings are the mob's violence, and so is the riot it makes."""
    if label == "Mob violence":
        return frozenset({"violence", "protest"})
    if label in ("TAKEOVER", "VIOLENCE") or (
        label in ontology.BY_NAME and ontology.event_type_of(label) in VIOLENT_TYPES
    ):
        return frozenset({"violence"})
    if label in ontology.BY_NAME and ontology.event_type_of(label) in (ontology.PROTESTS, ontology.RIOTS):
        return frozenset({"protest"})
    return frozenset({label})


IMPLIED_ACTOR = {
    "Displacement": "civilians", "Peaceful protest": "protesters", "Protest with intervention": "protesters",
    "Excessive force against protesters": "protesters", "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}
AGENT_NOUNS = frozenset({"gunman", "gunmen", "attacker", "attackers"})
CARRIER_VERBS = frozenset({"hit", "strike", "target", "kill", "wound", "injure", "destroy", "damage"})
WEAPON_LABELS = ("Air/drone strike", "Shelling/artillery/missile attack")


CROWD_TYPES = ("Protesters", "Rioters")
CROWD_ROLE = {
    "Peaceful protest": "protesters", "Protest with intervention": "protesters",
    "Excessive force against protesters": "protesters", "Violent demonstration": "rioters",
    "Mob violence": "rioters",
}


def _as_crowd(actor1: ActorMention, label: str, token: Token, kb: ActorBase, focus: str | None) -> ActorMention:
    """People who demonstrate are protesters, who riot rioters (ACLED): "residents rallied". A protest whose
    clause names only an armed force ("police fired tear gas ... during demonstrations") is still the
    protesters', told by the protest word itself."""
    armed = label == "Peaceful protest" and actor1.actor.type in ARMED_TYPES
    if actor1.actor.type != "Civilians" and not armed:
        return actor1
    crowd = kb.generic(CROWD_ROLE[label], actor1.actor.country or focus)
    if crowd is None:
        return actor1
    if armed:
        return ActorMention(crowd, token.idx, token.idx + len(token.text), token.text)
    return replace(actor1, actor=crowd)


def _protesters_first(
    actor1: ActorMention | None, roles: Roles, token: Token, sentence_actors: Sequence[ActorMention],
    kb: ActorBase, focus: str | None,
) -> tuple[ActorMention | None, Roles]:
    """ACLED codes a protest with intervention with the protesters as actor1 and the force that intervened
    as actor2 ("police fired tear gas at traders protesting": the traders protest, the police intervene)."""
    crowd = next((m for m in sentence_actors if m.actor.type in CROWD_TYPES), None)
    if crowd is None:
        country = actor1.actor.country if actor1 is not None and actor1.actor.country else focus
        protesters = kb.generic("protesters", country)
        if protesters is None:
            return actor1, roles
        crowd = ActorMention(protesters, token.idx, token.idx + len(token.text), token.text)
    intervener = actor1 if actor1 is not None else roles.agent
    return crowd, replace(roles, agent=crowd, patient=intervener if intervener is not None else roles.patient)


def _as_forces(draft: Draft, kb: ActorBase) -> Draft:
    """In fighting, a state acts through its forces: "Moscow struck Aleppo" is Russia's military (ACLED)."""
    if draft.label.startswith("PLOVER:") or draft.actor1 is None:
        return draft
    actor = draft.actor1.actor
    if kb.is_government(actor) and actor.country and "violence" in _families(draft.label):
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
            if not _families(other.label) & _families(draft.label):
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
                if other.actor1 is None and draft.actor1 is not None:
                    # "forces dropped a grenade containing an irritant gas": one event, whose actor only
                    # the less specific word's clause names
                    kept[kept.index(other)] = replace(other, actor1=draft.actor1)
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
    geo_precision = geo_precision_of(doc, place) if place is not None else None
    fatalities = count_fatalities(sentence) if event_type else None
    sentence_text = doc_text(doc)[sentence.start_char:sentence.end_char].rstrip()  # Span.text joins its tokens
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
