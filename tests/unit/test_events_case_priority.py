"""A snippet's CASE label prefers an event that happened over one only expected or denied (hand-built events)."""

from __future__ import annotations

from dataclasses import replace

from eval_builders import make_event

from sitrep.eval.case import predict_case


def test_expected_violence_yields_to_a_later_event_that_happened() -> None:
    threatened = replace(make_event("Armed clash", trigger=(5, 11)), certainty="expected")
    sanction = make_event(None, None, "SANCTION", trigger=(40, 48))
    assert predict_case([threatened, sanction]).label == "DIPLO"


def test_denied_attack_yields_to_a_reported_one() -> None:
    denied = replace(make_event("Attack", "Violence against civilians", trigger=(0, 6)), certainty="denied")
    reported = replace(make_event("Air/drone strike", "Explosions/Remote violence", trigger=(30, 36)),
                       certainty="reported")
    assert predict_case([denied, reported]).label == "AIR_STRIKE"


def test_an_expected_event_alone_still_labels_the_snippet() -> None:
    planned = replace(make_event("Armed clash", trigger=(5, 11)), certainty="expected")
    assert predict_case([planned]).label == "ARMED_CLASH"
