"""Context rules of the coder on sentences written for these tests: ACLED's distinctions between attack and
clash, mob and demonstration, capture and handover, seizures of weapons and of ground."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sitrep.config import load_settings
from sitrep.eval.case import predict_case
from sitrep.model import Document, Event
from sitrep.pipeline import Pipeline

# (sentence, the sub-event type of its leading event, as CASE 2021 scores it)
SENTENCES: list[tuple[str, str]] = [
    # attack = one-sided violence on civilians, wherever the gunmen stand
    ("Two gunmen opened fire inside a mosque in Kano on Friday, killing four worshippers.", "ATTACK"),
    ("Armed men stormed a secondary school in Zamfara, killing a teacher.", "ATTACK"),
    ("During the shoot-out between the army and Boko Haram fighters in Maiduguri, one villager was killed.",
     "ARMED_CLASH"),
    # mob violence = a crowd that is no demonstration
    ("A suspected thief was set ablaze by an angry mob in Onitsha market on Monday.", "MOB_VIOL"),
    ("Villagers clashed with machetes over a land dispute in Bawku, leaving two men dead.", "MOB_VIOL"),
    ("A group of men attacked a peaceful rally of teachers in Accra on Tuesday.", "MOB_VIOL"),
    ("Rioters clashed with police in Kisumu after the verdict.", "VIOL_DEMONSTR"),
    # government regains / non-violent transfer
    ("Army units drove back the militants from a key village in Idlib province.", "GOV_REGAINS_TERIT"),
    ("The rebels were forced out and the town of Kalehe was retaken on Sunday.", "GOV_REGAINS_TERIT"),
    ("Militia fighters entered the town of Kidal without fighting after the army withdrew.",
     "NON_VIOL_TERRIT_TRANSFER"),
    ("The militia decided to withdraw from Kirkuk in the face of an advance by federal troops.",
     "NON_VIOL_TERRIT_TRANSFER"),
    # weapons seized or found are disrupted weapons use, not territory nor a bombing
    ("Police seized rifles and ammunition in a raid on a house in Mombasa.", "DISR_WEAP"),
    ("Soldiers destroyed a cache of rockets and improvised explosive devices near Kandahar.", "DISR_WEAP"),
    # arrests at a protest are an intervention in the protest
    ("Police detained eleven activists during a protest in Minsk on Sunday.", "PROTEST_WITH_INTER"),
    ("Police detain protesters at a rally in Almaty.", "PROTEST_WITH_INTER"),
    ("The army launched a counterattack in Homs and lost ground was regained by nightfall.",
     "GOV_REGAINS_TERIT"),
    # accidents and nature are no political violence; names and triggers are not accidents
    ("A landmine planted by insurgents went off under a bus near Kunduz, killing three passengers.",
     "REM_EXPLOS"),
]


@pytest.fixture(scope="module")
def coded() -> list[Sequence[Event]]:
    documents = [Document(f"context-{i}", text) for i, (text, _) in enumerate(SENTENCES)]
    return [a.events for a in Pipeline(load_settings()).analyse(documents)]


@pytest.mark.parametrize("index", range(len(SENTENCES)))
def test_sentence_is_coded_by_acled_definitions(coded: list[Sequence[Event]], index: int) -> None:
    text, expected = SENTENCES[index]
    events = coded[index]
    found = [(e.sub_event_type, e.trigger.text) for e in events]
    assert predict_case(events).label == expected, f"{text}\n  coded: {found}"


def test_a_region_hit_by_an_earthquake_is_no_attack() -> None:
    documents = [Document("quake", "Army troops helped villagers in a district hit by an earthquake last week.")]
    (analysis,) = Pipeline(load_settings()).analyse(documents)
    assert not [e for e in analysis.events if e.event_type in ("Battles", "Violence against civilians")]


def test_a_group_named_storm_is_no_storm() -> None:
    documents = [Document("storm", "A soldier of the Storm Brigade was killed in a roadside blast near Mosul.")]
    (analysis,) = Pipeline(load_settings()).analyse(documents)
    assert "Remote explosive/landmine/IED" in {e.sub_event_type for e in analysis.events}
