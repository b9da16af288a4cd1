"""Where an event happened: the places a trigger governs, anaphors ("the city"), precision, location uses."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.events.context import Discourse
from sitrep.events.roles import Roles, mention_at, place_preposition
from sitrep.events.triggers import Trigger
from sitrep.events.words import token_facts
from sitrep.model import ActorMention, PlaceMention

_STARTS_KEY = "sitrep_token_starts"
ANAPHORS = frozenset({"city", "town", "village", "area", "region", "province", "there", "district",
                      "neighbourhood", "neighborhood", "base", "airport", "front"})
NEAR_WORDS = frozenset({
    "outskirts", "outskirt", "near", "around", "outside", "edge", "vicinity", "countryside", "environs",
})


def geo_precision_of(doc: Doc, place: PlaceMention) -> int:
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


def most_precise(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop regions and countries when a town inside them is named too ("Nyala, South Darfur"), and the
    qualifier of "Antonivka, Kherson". A province that holds none of the towns stays: "clashes in the
    provinces of Hama and Homs as well as east of Damascus" happened in all three."""
    towns = [p.place for p in places if p.place is not None and p.place.feature_class == "P"]
    kept = [p for p in places
            if p.place is None or p.place.feature_class == "P"
            or not any(t.lies_within(p.place, unknown_inside=True) for t in towns)]
    qualifiers = {id(b) for a, b in zip(kept, kept[1:], strict=False)
                  if _between(doc, a.end, b.start) == "," and a.place and b.place
                  and a.place.country_code == b.place.country_code}
    return [p for p in kept if id(p) not in qualifiers]


def _between(doc: Doc, start: int, end: int) -> str:
    """The text between two character offsets, stripped (Doc.text would rebuild the whole text)."""
    if end <= start:
        return ""
    starts = _token_starts(doc)
    words: list[str] = []
    # Only the tokens starting inside the range can lie within it; the starts are sorted.
    for index in range(bisect_left(starts, start), len(starts)):
        if starts[index] > end:
            break
        token = doc[index]
        if token.idx + len(token.text) <= end:
            words.append(token.text)
    return "".join(words).strip()


def _token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, kept on the document: found once, searched by bisection."""
    starts = doc.user_data.get(_STARTS_KEY)
    if not isinstance(starts, list) or len(starts) != len(doc):
        starts = [token.idx for token in doc]
        doc.user_data[_STARTS_KEY] = starts
    return starts


def _origin_of_someone(doc: Doc, place: PlaceMention) -> bool:
    """'two fighters from Sunameen', 'a man from Homs': where someone comes from, not where the event is."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.pos_ in ("NOUN", "PROPN")


def places_for(
    doc: Doc, trigger: Trigger, roles: Roles, sentence_places: list[PlaceMention], sentence: SpacySpan,
    discourse: Discourse, label: str,
) -> list[PlaceMention]:
    destination = ("to", "into", "towards", "toward", "for")
    places = [p for p in roles.places if not _origin_of_someone(doc, p)]
    if label in ("Displacement", "Non-violent transfer of territory", "Change to group/activity"):
        places = [p for p in places if place_preposition(doc, p) not in destination]
    if places:
        return most_precise(doc, places)
    head = doc[trigger.head]
    # "took the city": the city last named
    for i, lemma in enumerate(token_facts(sentence).lemma):
        if lemma not in ANAPHORS or sentence.start + i == trigger.head:
            continue
        token = doc[sentence.start + i]
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
    candidates = [
        p for p in sentence_places if place_preposition(doc, p) not in destination and not _origin_of_someone(doc, p)
    ] or sentence_places
    if candidates:
        nearest = min(candidates, key=lambda p: abs(p.start - head.idx))
        return most_precise(doc, _with_conjoined(doc, nearest, candidates))
    return []
