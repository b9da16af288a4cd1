"""Word lists of the resolver: force nouns, generic actor phrases, backing and loyalty markers."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that turn a state, a demonym or an armed group into its fighting force ("Russian forces").
FORCE_NOUNS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "forces", "force", "troops", "army", "military", "armed forces", "air force", "air forces", "navy",
        "soldiers", "jets", "warplanes", "fighter jets", "aircraft", "planes", "drones", "helicopters",
        "artillery", "tanks", "special forces", "units", "ground forces", "ground troops", "naval forces",
        "military forces", "security forces", "border guards", "gunboats", "militaries", "battalions",
        "brigades", "paratroopers", "marines", "commandos",
        # singulars and the weapons that stand for a force in short reports ("an Israeli drone struck")
        "soldier", "drone", "warplane", "jet", "fighter jet", "helicopter", "warship", "warships", "gunboat",
        "air defence", "air defense", "air defences", "air defenses", "air defence forces",
        "air defense forces", "air defence units", "air defense units",
    )
)  # fmt: skip
# Nouns that follow a non-state group's name and belong to the mention ("Hezbollah fighters").
MEMBER_NOUNS: frozenset[tuple[str, ...]] = FORCE_NOUNS | frozenset(
    tuple(p.split())
    for p in (
        "fighters", "militants", "rebels", "insurgents", "jihadists", "gunmen", "militiamen", "militia",
        "militias", "mercenaries", "operatives", "members", "combatants", "guerrillas", "group", "movement",
        "factions", "cells", "units",
    )
)  # fmt: skip
POLICE_NOUNS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split()) for p in ("police", "police forces", "policemen", "police officers", "riot police")
)
GOVERNMENT_NOUNS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "government", "authorities", "officials", "president", "presidency", "foreign ministry", "regime",
        "leadership", "diplomats", "prime minister", "foreign minister", "leader", "leaders", "cabinet",
        "administration", "spokesman", "spokesperson", "envoy", "embassy", "ministry",
    )
)  # fmt: skip

# Generic phrases no list of names can hold, by the kind of actor they stand for. "military" and
# "government" need the document's country; the others fall back to a country-less generic actor.
GENERIC_PHRASES: dict[tuple[str, ...], str] = {}


def _add(kind: str, *phrases: str) -> None:
    for phrase in phrases:
        GENERIC_PHRASES[tuple(phrase.replace("-", " - ").split())] = kind


_add(
    "military",
    "government forces", "government troops", "government soldiers", "government army", "government units",
    "regime forces", "regime troops", "regime soldiers", "regime army", "pro-government forces",
    "pro-government troops", "pro-regime forces", "pro-regime troops", "loyalist forces", "loyalist troops",
    "loyalists", "the army", "the military", "army troops", "army soldiers", "army units", "security forces",
    "the junta", "junta forces", "junta troops", "military junta", "government warplanes", "government jets",
    "regime warplanes", "regime jets", "regime aircraft", "government aircraft", "government helicopters",
    "regime helicopters", "army helicopters", "government drones", "regime drones", "state forces",
    "the armed forces", "military forces", "army forces", "government militias", "pro-government militias",
    "junta soldiers", "junta aircraft", "junta jets", "the junta's forces", "military aircraft",
    "army aircraft",
)  # fmt: skip
_add("government", "the government", "the regime", "the authorities", "authorities", "government officials",
     "regime officials", "the presidency")  # fmt: skip
_add("police", "police", "the police", "police officers", "policemen", "riot police", "police forces")
_add(
    "rebels",
    "rebels", "rebel forces", "rebel fighters", "rebel groups", "rebel group", "rebel factions",
    "insurgents", "opposition fighters", "opposition forces", "opposition groups", "opposition factions",
    "armed opposition", "the opposition", "opposition rebels", "militants", "jihadists", "separatists",
    "rebel coalition",
    "insurgent groups", "rebel troops", "rebel units", "armed factions", "opposition militants",
)  # fmt: skip
_add(
    "unidentified-armed-group",
    "gunmen", "unidentified gunmen", "unknown gunmen", "armed men", "unidentified armed men", "masked gunmen",
    "masked men", "unidentified assailants", "unknown assailants", "assailants", "attackers",
    "unidentified attackers", "unknown attackers", "armed group", "armed groups", "unidentified armed group",
    "militiamen", "militia", "militias", "armed militia", "armed militias", "gunman",
    # ACLED codes bandits and perpetrators it cannot name as an unidentified armed group
    "bandits", "armed bandits", "suspected bandits", "bandit", "perpetrators", "unidentified perpetrators",
    "unknown perpetrators", "unidentified men", "unknown men", "kidnappers", "abductors",
    "unidentified militants", "unknown militants", "suspected militants",
)  # fmt: skip
_add(
    "civilians",
    "civilians", "civilian", "residents", "locals", "villagers", "inhabitants", "local residents",
    "displaced people", "displaced persons", "refugees", "worshippers", "farmers", "shepherds",
    "women and children", "passers-by", "pedestrians", "fishermen",
)  # fmt: skip
_add("protesters", "protesters", "protestors", "demonstrators", "marchers", "anti-government protesters",
     "anti-government demonstrators")  # fmt: skip
_add("rioters", "rioters", "mob", "mobs", "angry mob", "angry mobs")

MAX_PHRASE_TOKENS = max(len(p) for p in (*GENERIC_PHRASES, *MEMBER_NOUNS, *GOVERNMENT_NOUNS))

# "<backer>-backed X": the word after the hyphen.
BACKING_WORDS: frozenset[str] = _words(
    "backed supported sponsored funded aligned allied affiliated armed trained financed controlled"
)
# "<group>-led X" makes X the group itself ("HTS-led rebels").
LEADING_WORDS: frozenset[str] = frozenset({"led", "dominated", "commanded"})
# Nouns a "<backer>-backed" modifier may qualify when no actor name follows ("Turkish-backed allies").
PROXY_NOUNS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "allies", "ally", "rebels", "factions", "faction", "groups", "group", "militias", "militia",
        "fighters", "forces", "troops", "militants", "proxies", "proxy", "opposition", "insurgents",
        "rebel groups", "armed groups", "militiamen", "mercenaries", "separatists", "opposition groups",
        "opposition factions", "opposition fighters", "rebel factions", "rebel forces", "opposition forces",
        "armed factions",
        "coalition", "units", "paramilitaries",
    )
)  # fmt: skip
# Heads of "troops loyal to X" phrases.
LOYALTY_HEADS: frozenset[str] = frozenset(
    {"troops", "forces", "soldiers", "fighters", "militias", "militiamen", "units", "those", "men", "gunmen"}
)
# Prepositions after which a country name is a place, not an actor ("in Syria", "to Turkey").
LOCATIVE_PREPOSITIONS: frozenset[str] = _words(
    "in into inside within across throughout around near to towards toward through at outside over via of "
    "beyond along between under for"
)
# Verbs whose subject is a place even when it is a capital ("Damascus is calm", "Kyiv fell silent").
NON_AGENTIVE_VERBS: frozenset[str] = _words(
    "be fall lie remain become seem sit look appear stand shake burn host sleep wake brace endure suffer "
    "witness experience"
)
POSSESSIVE_MARKERS: frozenset[str] = frozenset({"'s", "'", "\u2019s", "\u2019"})
