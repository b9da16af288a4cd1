"""How short event descriptions name actors, resolved with the real model and the shipped base."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.actors import find_actors
from sitrep.actors.knowledge_base import ActorBase


@pytest.mark.parametrize(
    ("text", "focus", "phrase", "actor_id"),
    [
        ("An Israeli drone struck a car near the village.", "LB", "Israeli drone", "il-military"),
        ("A Turkish drone hit a vehicle on the road.", "IQ", "Turkish drone", "tr-military"),
        ("Ukrainian air defence forces shot down 12 drones.", "UA", "Ukrainian air defence forces", "ua-military"),
        ("Junta soldiers burned houses in the village.", "MM", "Junta soldiers", "mm-military"),
        ("Bandits abducted 30 pupils from a school.", "NG", "Bandits", "unidentified-armed-group-ng"),
        ("An IED planted by unidentified perpetrators exploded.", "SY", "unidentified perpetrators",
         "unidentified-armed-group-sy"),
        ("Israeli settlers attacked farmers near the village.", "PS", "Israeli settlers", "il-settlers"),
        ("Gran Grif gang members killed 20 people.", "HT", "Gran Grif gang members", "gran-grif"),
        ("Security forces killed 10 Maoist rebels in an encounter.", "IN", "Maoist rebels", "cpi-maoist"),
        ("Meitei militants fired at a checkpoint.", "IN", "Meitei militants", "in-meitei-militia"),
        ("Hamas and Fatah agreed to form a unity government.", "PS", "Fatah", "fatah"),
        ("A mob lynched a suspected thief.", "CD", "mob", "rioters-cd"),
    ],
)
def test_note_phrasings_resolve(
    nlp: Language, kb: ActorBase, text: str, focus: str, phrase: str, actor_id: str
) -> None:
    found = {(m.text, m.actor.id) for m in find_actors(nlp(text), kb, focus)}
    assert (phrase, actor_id) in found, found


def test_a_drone_strike_without_a_nationality_names_no_actor(nlp: Language, kb: ActorBase) -> None:
    assert find_actors(nlp("A drone strike hit the market."), kb, "SO") == []
