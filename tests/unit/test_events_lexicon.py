"""The trigger lexicon loads, names only known labels, and parses its phrase syntax."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.events import ontology
from sitrep.events.triggers import Word, _parse_phrase, load_lexicon


def test_every_label_is_known() -> None:
    lexicon = load_lexicon()
    labels = {p.label for phrases in lexicon.by_first_word.values() for p in phrases}
    for label in labels:
        assert (label in ontology.BY_NAME or label in ("TAKEOVER", "VIOLENCE")
                or label.removeprefix("PLOVER:") in ontology.PLOVER_TYPES), label


def test_every_acled_sub_event_type_has_triggers() -> None:
    lexicon = load_lexicon()
    labels = {p.label for phrases in lexicon.by_first_word.values() for p in phrases}
    resolved_elsewhere = {"Government regains territory", "Non-state actor overtakes territory", "Armed clash",
                          "Attack", "Other"}
    missing = {s.name for s in ontology.SUB_EVENT_TYPES} - labels - resolved_elsewhere
    assert not missing


def test_phrase_syntax() -> None:
    assert _parse_phrase("take ~ control") == (Word("take", None), None, Word("control", None))
    assert _parse_phrase("shell/v") == (Word("shell", "v"),)
    with pytest.raises(SitrepError):
        _parse_phrase("~ control")
