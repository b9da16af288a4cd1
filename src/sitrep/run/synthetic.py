"""Synthetic short conflict reports, generated from templates, for load tests and benchmarks.

The reports are invented: real places and armed groups (so the gazetteer and the actor knowledge base
have something to find) in made-up sentences. The same `index` always gives the same report.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from sitrep.model import Document

_SETTINGS = (
    ("Idlib", "Syria", "Syrian government forces", "Hayat Tahrir al-Sham"),
    ("Aleppo", "Syria", "the Syrian army", "opposition fighters"),
    ("Deir ez-Zor", "Syria", "the Syrian Democratic Forces", "Islamic State militants"),
    ("El Fasher", "Sudan", "the Rapid Support Forces", "the Sudanese Armed Forces"),
    ("Nyala", "Sudan", "the Sudanese army", "the Rapid Support Forces"),
    ("Goma", "Democratic Republic of the Congo", "M23 rebels", "Congolese troops"),
    ("Kharkiv", "Ukraine", "Russian forces", "Ukrainian troops"),
    ("Mogadishu", "Somalia", "al-Shabaab fighters", "Somali security forces"),
)
_OPENINGS = (
    "{attacker} shelled residential areas of {place} on {weekday}, killing {killed} civilians, "
    "local medics said.",
    "Clashes broke out between {attacker} and {defender} near {place} on {weekday}; {killed} fighters "
    "were killed, according to a monitoring group.",
    "A drone strike hit a market in {place}, {country}, on {weekday}, killing {killed} people, "
    "residents reported.",
    "{attacker} said they had taken control of villages east of {place} after heavy fighting with "
    "{defender}.",
    "Hundreds of families fled {place} on {weekday} as {attacker} advanced towards the city.",
)
_FOLLOW_UPS = (
    "{defender} denied the claim and said its positions were holding.",
    "Aid workers said the wounded were taken to the main hospital in {place}.",
    "The report could not be independently verified.",
    "Residents described hours of artillery fire overnight.",
    "Officials in {country} called for an investigation into the attack.",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FIRST_DAY = date(2024, 1, 1)


def synthetic_document(index: int) -> Document:
    """Report number `index`: two to four sentences, a title and a publication date."""
    rng = random.Random(index)
    place, country, attacker, defender = rng.choice(_SETTINGS)
    fields = {
        "place": place, "country": country, "attacker": attacker, "defender": defender,
        "weekday": rng.choice(_WEEKDAYS), "killed": rng.randint(2, 40),
    }  # fmt: skip
    opening = rng.choice(_OPENINGS).format(**fields)
    follow_ups = [s.format(**fields) for s in rng.sample(_FOLLOW_UPS, rng.randint(1, 3))]
    text = " ".join([_capitalised(opening), *follow_ups]) + f" (report {index})"
    return Document(
        id=f"synthetic-{index}",
        text=text,
        title=f"Fighting reported near {place}",
        published=_FIRST_DAY + timedelta(days=index % 365),
        publisher="Synthetic Wire",
        origin="synthetic",
    )


def synthetic_documents(count: int, start: int = 0) -> Iterator[Document]:
    """Reports `start` to `start + count - 1`, generated lazily."""
    for index in range(start, start + count):
        yield synthetic_document(index)


def synthetic_object(index: int) -> dict[str, str]:
    """Report `index` as a JSON document object (for .jsonl inputs)."""
    document = synthetic_document(index)
    return {
        "id": document.id,
        "text": document.text,
        "title": document.title or "",
        "published": document.published.isoformat() if document.published else "",
        "publisher": document.publisher or "",
    }


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
