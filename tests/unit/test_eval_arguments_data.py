"""Reading WikiEvents and RAMS records (written here by hand) into texts with character offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.eval.data import RAMS_FILE, WIKIEVENTS_FILE, arguments_available, load_rams, load_wikievents

# Two sentences whose token offsets leave one character between them, as WikiEvents writes them.
WIKIEVENTS_RECORD = {
    "doc_id": "w1",
    "text": "Rebels shelled Riverton.Two people died.",
    "sentences": [
        [[["Rebels", 0, 6], ["shelled", 7, 14], ["Riverton", 15, 23], [".", 23, 24]], "Rebels shelled Riverton."],
        [[["Two", 25, 28], ["people", 29, 35], ["died", 36, 40], [".", 40, 41]], "Two people died."],
    ],
    "entity_mentions": [
        {"id": "w1-T1", "start": 0, "end": 1, "text": "Rebels"},
        {"id": "w1-T2", "start": 2, "end": 3, "text": "Riverton"},
        {"id": "w1-T3", "start": 5, "end": 6, "text": "people"},
    ],
    "event_mentions": [
        {
            "id": "w1-E1",
            "event_type": "Conflict.Attack.Unspecified",
            "trigger": {"start": 1, "end": 2, "text": "shelled"},
            "arguments": [
                {"entity_id": "w1-T1", "role": "Attacker", "text": "Rebels"},
                {"entity_id": "w1-T2", "role": "Place", "text": "Riverton"},
                {"entity_id": "w1-T9", "role": "Target", "text": "missing"},
            ],
        },
        {
            "id": "w1-E2",
            "event_type": "Life.Die.Unspecified",
            "trigger": {"start": 6, "end": 7, "text": "died"},
            "arguments": [{"entity_id": "w1-T3", "role": "Victim", "text": "people"}],
        },
    ],
}
RAMS_RECORD = {
    "doc_key": "r1",
    "sentences": [["Gunmen", "raided", "a", "farm", "."], ["Police", "arrested", "three", "men", "."]],
    "evt_triggers": [[6, 6, [["justice.arrestjaildetain.arrestjaildetain", 1.0]]]],
    "gold_evt_links": [[[6, 6], [5, 5], "evt081arg01jailer"], [[6, 6], [7, 8], "evt081arg02detainee"]],
}


def write(root: Path, wikievents: list[object], rams: list[object]) -> Path:
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / WIKIEVENTS_FILE).write_text("\n".join(json.dumps(r) for r in wikievents) + "\n", encoding="utf-8")
    (root / RAMS_FILE).write_text("\n".join(json.dumps(r) for r in rams) + "\n", encoding="utf-8")
    return root


def test_wikievents_text_is_rebuilt_so_token_offsets_hold(tmp_path: Path) -> None:
    [document] = load_wikievents(write(tmp_path, [WIKIEVENTS_RECORD], [RAMS_RECORD]))
    assert document.text == "Rebels shelled Riverton.\nTwo people died."
    attack, death = document.events
    assert document.text[slice(*attack.trigger)] == "shelled"
    assert [(a.role, a.text) for a in attack.arguments] == [("Attacker", "Rebels"), ("Place", "Riverton")]
    assert all(document.text[a.start : a.end] == a.text for a in attack.arguments + death.arguments)
    assert death.event_type == "Life.Die.Unspecified" and death.arguments[0].text == "people"


def test_rams_window_joins_tokens_and_reads_inclusive_spans(tmp_path: Path) -> None:
    [document] = load_rams(write(tmp_path, [WIKIEVENTS_RECORD], [RAMS_RECORD]))
    assert document.text == "Gunmen raided a farm .\nPolice arrested three men ."
    [event] = document.events
    assert document.text[slice(*event.trigger)] == "arrested"
    assert event.event_type == "justice.arrestjaildetain.arrestjaildetain"
    assert [(a.role, a.text) for a in event.arguments] == [("jailer", "Police"), ("detainee", "three men")]


def test_limit_availability_and_malformed_records(tmp_path: Path) -> None:
    assert not arguments_available(tmp_path)
    root = write(tmp_path, [WIKIEVENTS_RECORD, {**WIKIEVENTS_RECORD, "doc_id": "w2"}], [RAMS_RECORD])
    assert arguments_available(root)
    assert [d.id for d in load_wikievents(root, limit=1)] == ["w1"]
    (root / RAMS_FILE).write_text('{"doc_key": "r2"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="malformed"):
        load_rams(root)
    (root / RAMS_FILE).write_text("not json\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=":1:"):
        load_rams(root)
