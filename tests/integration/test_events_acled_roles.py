"""ACLED's coding rules on sentences written for these tests: who is actor1, and which sub-event type a
weapon, a crowd or a victim makes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sitrep.config import load_settings
from sitrep.model import Document, Event
from sitrep.pipeline import Pipeline

# (sentence, sub-event type of an event in it, actor1 name of that event or None for "any")
CASES: list[tuple[str, str, str | None]] = [
    # gunmen who kill unarmed people attack civilians; "killed" is the event even when "gunmen" is a trigger
    ("Unknown gunmen killed five villagers in Gusau on Sunday.", "Attack", None),
    ("Bandits shot dead a local trader in Gusau on Monday.", "Attack", None),
    # what a crowd damages is its riot; people who rally are protesters
    ("Rioters burned vehicles and blocked a highway in Kaduna on Friday.", "Violent demonstration", None),
    ("Hundreds of residents marched in Maradi on Tuesday to demand better roads.", "Peaceful protest",
     "Protesters (Niger)"),
    # in a protest with intervention the protesters are actor1, the police actor2
    ("Police fired tear gas at shopkeepers protesting against new taxes in Lahore.", "Protest with intervention",
     "Protesters (Pakistan)"),
    # how a bomb arrives decides the weapon
    ("Russian aircraft dropped heavy bombs on Kostiantynivka overnight.", "Air/drone strike",
     "Military Forces of Russia (2000-)"),
    ("Bombs fired from M23 positions struck a school in Goma on Monday.", "Shelling/artillery/missile attack",
     "M23: March 23 Movement"),
    ("Russian troops dropped a grenade filled with an irritant gas on a trench near Kupiansk.", "Chemical weapon",
     "Military Forces of Russia (2000-)"),
    # the group named with the weapon or the bomber is actor1
    ("Al Shabaab fired mortar rounds at an army base in Beledweyne on Sunday.", "Shelling/artillery/missile attack",
     "Al Shabaab"),
    ("Two suicide bombers from Boko Haram blew themselves up at a market in Konduga.", "Suicide bomb",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("A suicide bomber struck a police convoy near Bannu on Friday.", "Suicide bomb",
     "Unidentified Armed Group (Pakistan)"),
    ("A US drone strike near Jilib killed two militants on Thursday.", "Air/drone strike",
     "Military Forces of the United States (2021-)"),
    # who hands over a place keeps actor1
    ("French troops handed over their base in Gao to the Malian army on Monday.",
     "Non-violent transfer of territory", "Military Forces of France"),
    # the Taliban insurgency, told apart by the country of the report
    ("Taliban militants attacked a checkpoint in Kunduz, killing three policemen.", "Armed clash", "Taliban"),
    ("Taliban militants attacked a checkpoint in Bannu, killing three policemen.", "Armed clash",
     "TTP: Tehrik-i-Taliban Pakistan"),
]


@pytest.fixture(scope="module")
def coded() -> list[Sequence[Event]]:
    documents = [Document(f"roles-{i}", text) for i, (text, _, _) in enumerate(CASES)]
    return [a.events for a in Pipeline(load_settings()).analyse(documents)]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_sentence_is_coded_with_acled_actor_and_type(coded: list[Sequence[Event]], index: int) -> None:
    text, sub_event_type, actor1 = CASES[index]
    found = [(e.sub_event_type, e.actor1.actor.name if e.actor1 else None) for e in coded[index]]
    matching = [name for sub, name in found if sub == sub_event_type]
    assert matching, f"{text}\n  coded: {found}"
    if actor1 is not None:
        assert actor1 in matching, f"{text}\n  coded: {found}"


def test_protest_with_intervention_puts_the_police_second(coded: list[Sequence[Event]]) -> None:
    index = next(i for i, case in enumerate(CASES) if "tear gas" in case[0])
    event = next(e for e in coded[index] if e.sub_event_type == "Protest with intervention")
    assert event.actor2 is not None and event.actor2.actor.type == "State forces"


def test_capture_after_a_withdrawal_is_a_handover_unless_the_taker_fought() -> None:
    pipeline = Pipeline(load_settings())
    calm = "The RSF took control of Sennar after army units withdrew from the town."
    fought = ("RSF fighters clashed with the army near Sennar on Sunday. "
              "The RSF took control of Sennar after army units withdrew from the town.")
    forced = "The RSF took control of Sennar after army units were forced to withdraw from the town."
    analyses = list(pipeline.analyse([Document("calm", calm), Document("fought", fought),
                                      Document("forced", forced)]))
    by_id = {a.document.id: [e for e in a.events if e.trigger.text == "took control"] for a in analyses}
    assert [e.sub_event_type for e in by_id["calm"]] == ["Non-violent transfer of territory"]
    assert [e.sub_event_type for e in by_id["fought"]] == ["Non-state actor overtakes territory"]
    assert [e.sub_event_type for e in by_id["forced"]] == ["Non-state actor overtakes territory"]


def test_a_subject_cut_by_a_sentence_break_still_names_the_captor() -> None:
    text = ("Syrian state media reported that army-SAA units, with allied forces, established control over "
            "an area east of Aleppo after clearing the last militant positions there")
    events = next(iter(Pipeline(load_settings()).analyse([Document("cut", text)]))).events
    regains = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert regains and all(e.actor1 is not None and e.actor1.actor.type == "State forces" for e in regains)


def test_where_the_victims_come_from_is_not_where_the_event_happened() -> None:
    text = "Three soldiers from Homs, all conscripts, were killed in a roadside bombing at Tadmur town on Sunday."
    events = next(iter(Pipeline(load_settings()).analyse([Document("origin", text)]))).events
    placed = [e.location.text for e in events if e.location is not None]
    assert placed and "Homs" not in placed and "Tadmur" in placed
