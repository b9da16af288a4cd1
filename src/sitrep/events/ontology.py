"""ACLED's event types and sub-event types, PLOVER's types and modes, and the maps between them and CAMEO.

This module is the single source of truth for event categories; `docs/ontology.md` describes it.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

DISORDER_TYPE = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VIOLENCE_CIVILIANS: "Political violence",
    RIOTS: "Political violence",
    PROTESTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One ACLED sub-event type with its parent type and the PLOVER/CAMEO codes it maps to."""

    name: str
    event_type: str
    plover_type: str
    plover_mode: str | None
    cameo: str
    definition: str
    territorial: bool = False  # changes who controls the place


SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    SubEventType("Government regains territory", BATTLES, "ASSAULT", None, "190",
                 "State forces or affiliates regain control of a location from a non-state group.", True),
    SubEventType("Non-state actor overtakes territory", BATTLES, "ASSAULT", None, "190",
                 "A non-state group takes control of a location from the state or another group.", True),
    SubEventType("Armed clash", BATTLES, "ASSAULT", "firearms", "190",
                 "Armed, organised groups engage in a battle and no side gains territory."),
    SubEventType("Chemical weapon", EXPLOSIONS, "ASSAULT", "unconventional", "1951",
                 "Use of chemical weapons in warfare."),
    SubEventType("Air/drone strike", EXPLOSIONS, "ASSAULT", "aerial", "195",
                 "Air or drone strikes by a party with aircraft or drones."),
    SubEventType("Suicide bomb", EXPLOSIONS, "ASSAULT", "suicide-attack", "183",
                 "A bombing in which the attacker dies by design."),
    SubEventType("Shelling/artillery/missile attack", EXPLOSIONS, "ASSAULT", "heavy-weapons", "194",
                 "Long-range artillery, missile, rocket or mortar fire."),
    SubEventType("Remote explosive/landmine/IED", EXPLOSIONS, "ASSAULT", "explosives", "183",
                 "Detonation of a remotely or victim-activated explosive device."),
    SubEventType("Grenade", EXPLOSIONS, "ASSAULT", "explosives", "183",
                 "A grenade or other hand-thrown explosive."),
    SubEventType("Sexual violence", VIOLENCE_CIVILIANS, "ASSAULT", "sexual", "1822",
                 "Sexual violence against civilians by an organised group."),
    SubEventType("Attack", VIOLENCE_CIVILIANS, "ASSAULT", "firearms", "180",
                 "An organised group attacks unarmed civilians."),
    SubEventType("Abduction/forced disappearance", VIOLENCE_CIVILIANS, "ASSAULT", "abduct", "181",
                 "Civilians abducted or made to disappear."),
    SubEventType("Peaceful protest", PROTESTS, "PROTEST", "demo", "141",
                 "A demonstration without violence or intervention."),
    SubEventType("Protest with intervention", PROTESTS, "PROTEST", "demo", "141",
                 "A peaceful protest that authorities try to disperse or suppress without serious force."),
    SubEventType("Excessive force against protesters", PROTESTS, "ASSAULT", "crowd-control", "1724",
                 "Lethal or serious force used against peaceful protesters."),
    SubEventType("Violent demonstration", RIOTS, "PROTEST", "riot", "145",
                 "Demonstrators engage in violence or destruction."),
    SubEventType("Mob violence", RIOTS, "ASSAULT", "primitive", "145",
                 "Violence by an unorganised crowd."),
    SubEventType("Agreement", STRATEGIC, "AGREE", None, "057",
                 "Ceasefires, peace deals, exchanges of prisoners and other agreements."),
    SubEventType("Arrests", STRATEGIC, "COERCE", "arrest", "173", "Detention of people by state forces."),
    SubEventType("Change to group/activity", STRATEGIC, "MOBILIZE", "troops", "150",
                 "Changes in a group's structure, movement of forces, or activity."),
    SubEventType("Disrupted weapons use", STRATEGIC, "ASSAULT", None, "190",
                 "A planned attack prevented: bombs defused, weapons seized, drones shot down."),
    SubEventType("Headquarters or base established", STRATEGIC, "MOBILIZE", "troops", "150",
                 "A group establishes a base or headquarters."),
    SubEventType("Looting/property destruction", STRATEGIC, "ASSAULT", "destroy", "1741",
                 "Looting or destruction of property without armed engagement."),
    SubEventType("Non-violent transfer of territory", STRATEGIC, "RETREAT", "withdraw", "0874",
                 "Control of a place passes without fighting (withdrawal, hand-over).", True),
    SubEventType("Other", STRATEGIC, "MOBILIZE", None, "150", "Other strategically important developments."),
    # sitrep's extension: people fleeing their homes.
    SubEventType("Displacement", STRATEGIC, "RETREAT", "withdraw", "0874",
                 "Civilians flee or are displaced from a place."),
)

BY_NAME: dict[str, SubEventType] = {s.name: s for s in SUB_EVENT_TYPES}
EVENT_TYPES: tuple[str, ...] = (BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)

# PLOVER's 16 event types (PLOVER codebook) and the CAMEO root they descend from.
PLOVER_TYPES: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06", "AID": "07",
    "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18",
}

# Non-ACLED interactions sitrep also codes: PLOVER type -> default mode.
DIPLOMATIC_TYPES: dict[str, str | None] = {
    "CONSULT": None,
    "REQUEST": "assist",
    "AGREE": None,
    "AID": None,
    "SUPPORT": None,
    "ACCUSE": "allege",
    "THREATEN": None,
    "REJECT": None,
    "SANCTION": None,
    "RETREAT": "withdraw",
    "MOBILIZE": "troops",
    "CONCEDE": None,
    "COOPERATE": None,
    "COERCE": "restrict",
}


def event_type_of(sub_event_type: str | None) -> str | None:
    return BY_NAME[sub_event_type].event_type if sub_event_type else None


def disorder_type_of(event_type: str | None) -> str | None:
    return DISORDER_TYPE.get(event_type) if event_type else None


def is_territorial(sub_event_type: str | None) -> bool:
    return bool(sub_event_type) and BY_NAME[sub_event_type].territorial  # type: ignore[index]
