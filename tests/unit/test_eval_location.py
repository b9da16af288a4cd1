"""Event location: matching the event to the gold event word and scoring the chosen place."""

from __future__ import annotations

import pytest
from eval_builders import FakeAnalyser, make_event, place

from sitrep.eval.data import LocationSentence
from sitrep.eval.location import (
    LocationPrediction,
    event_at,
    predict_location,
    run_locations,
    score_locations,
)

# "Rebels shelled Riverton and Hilltop, officials in Capitol City said."
VERB = (7, 14)
RIVERTON, HILLTOP, CAPITOL = place(15, 23), place(28, 35, "Hilltop"), place(50, 62, "Capitol City")


def test_event_whose_trigger_overlaps_the_word_is_chosen() -> None:
    far = make_event(trigger=(40, 44))
    here = make_event(trigger=(7, 14), location=RIVERTON)
    event, at_verb = event_at(VERB, [far, here])
    assert event is here and at_verb


def test_nearest_event_of_the_sentence_is_the_fallback() -> None:
    near = make_event(trigger=(16, 20))
    far = make_event(trigger=(60, 64))
    other_sentence = make_event(trigger=(100, 104), evidence=(90, 120))
    event, at_verb = event_at(VERB, [far, other_sentence, near])
    assert event is near and not at_verb
    assert event_at(VERB, [other_sentence]) == (None, False)


def test_country_fallback_without_span_is_no_place() -> None:
    country = make_event(trigger=VERB, location=place(0, 0, ""))
    prediction = predict_location(VERB, [country], [RIVERTON])
    assert prediction.event_found and prediction.chosen is None
    assert prediction.mentions == ((15, 23),)


def test_score_locations() -> None:
    gold = [
        LocationSentence("s1", "x", VERB, ((15, 23), (28, 35))),  # right: second of two gold places
        LocationSentence("s2", "x", VERB, ((15, 23),)),  # wrong place chosen
        LocationSentence("s3", "x", VERB, ((15, 23),)),  # no event at all
        LocationSentence("s4", "x", VERB, ()),  # no gold place, none chosen
    ]
    predicted = {
        "s1": LocationPrediction(True, True, (28, 35), ((15, 23), (28, 35))),
        "s2": LocationPrediction(True, False, (50, 62), ((15, 23), (50, 62))),
        "s3": LocationPrediction(False, False, None, ()),
        "s4": LocationPrediction(True, True, None, ()),
    }
    report = score_locations(gold, predicted)
    assert report["with_gold_location"] == 3 and report["without_gold_location"] == 1
    assert report["accuracy"] == pytest.approx(0.5)
    assert report["end_to_end"] == pytest.approx(1 / 3)
    assert report["event_found"] == pytest.approx(2 / 3)
    assert report["mention_recall"] == pytest.approx(2 / 3)
    assert report["nearest_mention_baseline"] == pytest.approx(2 / 3)
    assert report["abstained_without_gold_location"] == 1.0


def test_run_locations_end_to_end_with_a_fake_pipeline() -> None:
    sentences = [LocationSentence("s1", "Rebels shelled Riverton and Hilltop.", VERB, ((15, 23),))]
    analyser = FakeAnalyser(
        events={"s1": (make_event(trigger=VERB, location=HILLTOP),)},
        places={"s1": (RIVERTON, HILLTOP, CAPITOL)},
    )
    report = run_locations(analyser, sentences)
    assert report["accuracy"] == 0.0 and report["mention_recall"] == 1.0
    assert report["documents"] == 1
