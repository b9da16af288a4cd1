"""Argument scoring against hand-built gold events and sitrep events: role mapping, matching, F1."""

from __future__ import annotations

from dataclasses import replace

from eval_builders import ARMY, FRONT, FakeAnalyser, make_event, mention, place

from sitrep.eval.arguments import (
    ROLE_MAP,
    Argument,
    family_of,
    gold_arguments,
    matched_event,
    run_arguments,
    score_arguments,
    score_event,
    sitrep_arguments,
)
from sitrep.eval.data import ArgumentDocument, GoldArgument, GoldEvent
from sitrep.model import ActorMention, Event, PlaceMention

# "Northern Front fighters attacked army posts in Riverton, killing two soldiers."
#  0         1         2         3         4         5         6         7
#  0123456789012345678901234567890123456789012345678901234567890123456789012345678
TEXT = "Northern Front fighters attacked army posts in Riverton, killing two soldiers."
ATTACK = (24, 32)
KILLING = (57, 64)


def attack(*arguments: GoldArgument, event_type: str = "Conflict.Attack.Unspecified") -> GoldEvent:
    return GoldEvent("g1", event_type, ATTACK, arguments)


def coded(
    actor1: ActorMention | None = None, actor2: ActorMention | None = None, location: PlaceMention | None = None
) -> Event:
    return make_event(
        trigger=ATTACK, trigger_text="attacked", actor1=actor1, actor2=actor2, location=location
    )


ATTACKER = GoldArgument("Attacker", 9, 14, "Front")  # a head word, as the data sets mark it
TARGET = GoldArgument("Target", 38, 43, "posts")
PLACE = GoldArgument("Place", 47, 55, "Riverton")
WEAPON = GoldArgument("Instrument", 0, 5, "North")


def test_family_is_the_first_two_parts_lower_cased() -> None:
    assert family_of("Conflict.Attack.DetonateExplode") == "conflict.attack"
    assert family_of("life.die.deathcausedbyviolentevents") == "life.die"


def test_roles_map_to_sitrep_fields_and_instruments_are_dropped() -> None:
    assert ROLE_MAP["conflict.attack"]["attacker"] == "actor1"
    assert ROLE_MAP["life.die"]["victim"] == "actor2"
    assert ROLE_MAP["justice.arrestjaildetain"]["detainee"] == "actor2"
    assert gold_arguments(attack(ATTACKER, TARGET, PLACE, WEAPON)) == [
        Argument("actor1", 9, 14),
        Argument("actor2", 38, 43),
        Argument("location", 47, 55),
    ]
    assert gold_arguments(GoldEvent("g", "Contact.Contact.Meet", ATTACK, (ATTACKER,))) == []


def test_sitrep_arguments_include_allies_and_skip_a_place_without_a_span() -> None:
    event = make_event(
        actor1=mention(FRONT, 0, "Northern Front fighters"),
        actor2=mention(ARMY, 33, "army"),
        location=PlaceMention(0, 0, "", None),
    )
    ally = mention(ARMY, 10, "ally")
    with_ally = replace(
        make_event(actor1=mention(FRONT, 0, "Northern"), location=place(47, 55)), assoc_actor1=(ally,)
    )
    assert sitrep_arguments(event) == [Argument("actor1", 0, 23), Argument("actor2", 33, 37)]
    assert sitrep_arguments(with_ally) == [
        Argument("actor1", 0, 8),
        Argument("actor1", 10, 14),
        Argument("location", 47, 55),
    ]


def test_the_event_at_the_gold_trigger_is_matched_first_in_text_order() -> None:
    later = make_event(trigger=(30, 40))
    earlier = make_event(trigger=(20, 26))
    elsewhere = make_event(trigger=KILLING)
    assert matched_event(ATTACK, [later, elsewhere, earlier]) is earlier
    assert matched_event((0, 5), [later, earlier]) is None


def test_overlap_with_the_gold_head_counts_and_roles_must_agree_for_classification() -> None:
    event = coded(
        actor1=mention(FRONT, 0, "Northern Front fighters"),  # contains the gold head "Front"
        actor2=mention(ARMY, 47, "Riverton"),  # right span for the place, wrong role
        location=place(38, 43, "posts"),  # right span for the target, wrong role
    )
    score = score_event(attack(ATTACKER, TARGET, PLACE), [event])
    assert score.found and score.gold == 3 and score.predicted == 3
    assert score.identified == 3
    assert score.classified == 1


def test_a_gold_argument_is_credited_once() -> None:
    event = coded(actor1=mention(FRONT, 0, "Northern Front"), actor2=mention(FRONT, 9, "Front"))
    doubled = attack(ATTACKER, GoldArgument("Attacker", 9, 14, "Front"))
    assert score_event(doubled, [event]).identified == 2
    single = attack(ATTACKER)
    assert score_event(single, [event]).identified == 1


def test_scores_trigger_recall_identification_classification_and_end_to_end() -> None:
    found = attack(ATTACKER, TARGET)
    missed = GoldEvent("g2", "Life.Die.Unspecified", KILLING, (GoldArgument("Victim", 69, 77, "soldiers"),))
    meeting = GoldEvent("g3", "Contact.Contact.Meet", (0, 8), ())
    document = ArgumentDocument("d1", TEXT, (found, missed, meeting))
    event = coded(actor1=mention(FRONT, 0, "Northern Front"), actor2=mention(ARMY, 47, "Riverton"))
    report = score_arguments([document], {"d1": [event]})
    assert report["events"] == 2 and report["gold_events_all_types"] == 3
    assert report["trigger_recall"] == 0.5
    assert report["identification"]["precision"] == 0.5 and report["identification"]["recall"] == 0.5
    assert report["classification"]["f1"] == 0.5
    assert report["end_to_end"]["recall"] == 1 / 3
    assert report["families"]["life.die"] == {"events": 1, "trigger_recall": 0.0}


def test_run_arguments_sends_each_text_through_the_pipeline() -> None:
    document = ArgumentDocument("d1", TEXT, (attack(ATTACKER),))
    analyser = FakeAnalyser(events={"d1": (coded(actor1=mention(FRONT, 0, "Northern Front")),)})
    report = run_arguments(analyser, [document])
    assert analyser.seen == ["d1"]
    assert report["classification"]["f1"] == 1.0 and report["documents"] == 1
    assert report["docs_per_second"] > 0
