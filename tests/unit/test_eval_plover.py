"""PLOVER records: type normalisation, actor comparison and the scorer."""

from __future__ import annotations

import pytest
from eval_builders import ARMY, FRONT, FakeAnalyser, make_event, mention

from sitrep.eval.data import GoldActor, PloverRecord
from sitrep.eval.plover import (
    NO_EVENT,
    PloverPrediction,
    PredictedActor,
    actor_match,
    country_of_code,
    gold_type,
    name_words,
    predict_plover,
    run_plover,
    score_plover,
)


def test_country_codes_from_cameo() -> None:
    assert country_of_code("FRA") == "FR"
    assert country_of_code("JAP") == "JP"
    assert country_of_code("IGO") is None and country_of_code(None) is None


def test_name_words_drop_role_words_and_dots() -> None:
    assert name_words("U.N. Security Council") == {"un", "council"}
    assert name_words("the Military Forces of Xland") == {"xland"}


def test_actor_match_by_country_then_by_name() -> None:
    french = PredictedActor("French troops", "Military Forces of France", "FR")
    assert actor_match(french, [GoldActor("France", "FRA")]) == "country"
    league = PredictedActor("the Arab League", "Arab League", None)
    assert actor_match(league, [GoldActor("Arab League envoy", "IGO")]) == "name"
    army = PredictedActor("army", "Military Forces of Xland", None)
    assert actor_match(army, [GoldActor("Israeli army", "ISR")]) is None
    assert actor_match(None, [GoldActor("France", "FRA")]) is None


def test_old_plover_types_read_as_current_ones() -> None:
    assert gold_type("DEMAND") == "REQUEST" and gold_type("FIGHT") == "ASSAULT"
    assert gold_type("AGREE") == "AGREE"


def test_predict_plover_prefers_the_event_at_the_gold_words() -> None:
    first = make_event(plover_type="ASSAULT", trigger=(0, 7), trigger_text="clashed")
    talks = make_event(
        None, None, "CONSULT", trigger=(30, 34), trigger_text="met", actor1=mention(ARMY, 40, "Xland army")
    )
    prediction = predict_plover("met with", [first, talks])
    assert prediction.plover_type == "CONSULT" and prediction.source is not None
    assert predict_plover("signed", [first]).plover_type == "ASSAULT"
    assert predict_plover("signed", []) == PloverPrediction(NO_EVENT, None, None)


def test_score_plover() -> None:
    gold = [
        PloverRecord(
            "r1", "t", "FIGHT", "fought", (GoldActor("Xland", "XYZ"),), (GoldActor("Northern Front", None),)
        ),
        PloverRecord("r2", "t", "DEMAND", "demanded", (GoldActor("France", "FRA"),), ()),
    ]
    predicted = {
        "r1": PloverPrediction(
            "ASSAULT",
            PredictedActor("Xland army", "Military Forces of Xland", "XY"),
            PredictedActor("the Front", "Northern Front", None),
        ),
        "r2": PloverPrediction("ACCUSE", None, None),
    }
    report = score_plover(gold, predicted)
    assert report["type_accuracy"] == pytest.approx(0.5)
    assert report["source_accuracy"] == pytest.approx(0.5) and report["source_by_name"] == 1
    assert report["target_records"] == 1 and report["target_accuracy"] == 1.0
    assert report["confusions"] == [{"gold": "REQUEST", "predicted": "ACCUSE", "count": 1}]


def test_run_plover_passes_the_record_date() -> None:
    from datetime import date

    record = PloverRecord(
        "r1",
        "Front fighters attacked the army.",
        "ASSAULT",
        "attacked",
        (GoldActor("Front fighters", None),),
        (),
        date(2001, 2, 3),
    )
    seen: list[object] = []
    analyser = FakeAnalyser(events={"r1": (make_event(actor1=mention(FRONT, 0, "Front fighters")),)})

    def recording(documents):  # type: ignore[no-untyped-def]
        for document in documents:
            seen.append(document.published)
            yield from analyser([document])

    report = run_plover(recording, [record])
    assert seen == [date(2001, 2, 3)]
    assert report["type_accuracy"] == 1.0 and report["source_accuracy"] == 1.0
