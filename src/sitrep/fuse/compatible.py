"""When two event mentions may report the same event: type, actors, place and time all compatible.

Decisions (see docs/fusion.md):
- types: the same sub-event type, or one of a few families reports routinely confuse (a fight that ends in a
  takeover; an air strike called shelling; an attack on people one source calls a clash). Events outside
  ACLED's scope (diplomacy) need the same PLOVER type and exactly the same actor1 and actor2.
- forecasts stay apart: an `expected` mention only joins other `expected` mentions, since a prediction is not
  a report of the event. A `denied` mention does join the asserted event it denies.
- actors: for each role, the same actor, one side unknown, a generic actor and a named one of the same type
  and country ("rebels" vs HTS), two state actors of one country (army vs government) or allies in the
  knowledge base. Battles are symmetric, so actor1/actor2 may also be swapped.
- place: in the same country, and within 10 km (geo_precision 1), 25 km (2), or the same admin1 (3),
  judged at the coarser of the two;
  a country-wide mention only joins mentions of the same country-wide place.
- time: the date ranges overlap once each is widened by 1, 3 or 7 days (time_precision 1, 2, 3).
- a mention without a place or a date only joins mentions of its own document that lack it too.
- anchoring: mentions of different reports must also share a named party (generic actors such as "rebels" do
  not count) or be the same sentence republished, or name the same town on the same day; a region- or
  country-wide mention joins another report's only when both name the same party and the same day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sitrep.fuse.records import Record, date_range, distance_km, is_country_level

DISTANCE_KM: dict[int, float] = {1: 10.0, 2: 25.0}
TIME_WINDOW_DAYS: dict[int, int] = {1: 1, 2: 3, 3: 7}
# The widest window any pair can use: the store looks this far around a new mention for candidates.
MAX_WINDOW_DAYS = max(TIME_WINDOW_DAYS.values())

TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Armed clash", "Non-state actor overtakes territory", "Government regains territory", "Attack"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
    frozenset({"Non-violent transfer of territory", "Non-state actor overtakes territory",
               "Government regains territory"}),
)
SYMMETRIC_TYPES = frozenset({"Battles", "Riots"})
# Every ordered pair of sub-event types that share a family, for a constant-time test.
_FAMILY_PAIRS = frozenset((x, y) for family in TYPE_FAMILIES for x in family for y in family)


def _family_groups(families: tuple[frozenset[str], ...]) -> dict[str, str]:
    """Each sub-event type of a family to a name for its group: families that share a type are one group."""
    groups: list[set[str]] = []
    for family in families:
        overlapping = [group for group in groups if group & family]
        merged = set(family).union(*overlapping)
        groups = [group for group in groups if not group & family] + [merged]
    return {member: min(group) for group in groups for member in group}


_TYPE_GROUP = _family_groups(TYPE_FAMILIES)


@dataclass(frozen=True)
class ActorRelations:
    """What clustering needs to know about actors: alliances, generic actors and state actors, by id."""

    allied: frozenset[frozenset[str]] = frozenset()
    generic: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()

    def related(self, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
        """Two actor objects that may stand for one party of an event."""
        first, second = a["id"], b["id"]
        if first == second or frozenset((first, second)) in self.allied:
            return True
        same_country = a.get("country") == b.get("country") and a.get("country") is not None
        if first in self.state and second in self.state and same_country:
            return True
        generic = (first in self.generic) != (second in self.generic)
        # A generic actor without a country ("rebels") fits a named actor of the same type anywhere.
        country_fits = same_country or not a.get("country") or not b.get("country")
        return generic and country_fits and a.get("type") == b.get("type")


def relations_from_kb(kb: Any) -> ActorRelations:
    """ActorRelations from an ActorBase (allies in either direction, generated generic and state actors)."""
    allied: set[frozenset[str]] = set()
    generic: set[str] = set()
    state: set[str] = set()
    for actor in kb.actors.values():
        # One pass over the affiliations (the same pairs as kb.allies for each actor, which scans every actor).
        for affiliation in actor.affiliations:
            if affiliation.relation in ("backed_by", "allied_with"):
                allied.add(frozenset((actor.id, affiliation.actor_id)))
        if kb.is_generic(actor):
            generic.add(actor.id)
        if kb.is_state(actor):
            state.add(actor.id)
    return ActorRelations(frozenset(allied), frozenset(generic), frozenset(state))


def types_compatible(a: Record, b: Record) -> bool:
    first, second = a.get("sub_event_type"), b.get("sub_event_type")
    if first is None or second is None:
        return first is None and second is None and a.get("plover_type") == b.get("plover_type")
    return first == second or (first, second) in _FAMILY_PAIRS


def certainties_compatible(a: Record, b: Record) -> bool:
    return (a.get("certainty") == "expected") == (b.get("certainty") == "expected")


def blocking_key(record: Record) -> tuple[str, str, bool]:
    """Mentions with different keys are never compatible: when `types_compatible` and
    `certainties_compatible` hold for two mentions, their keys are equal. Clustering compares only
    mentions that share a key."""
    sub_event_type = record.get("sub_event_type")
    expected = record.get("certainty") == "expected"
    if sub_event_type is None:
        return "plover", str(record.get("plover_type")), expected
    return "type", _TYPE_GROUP.get(sub_event_type, str(sub_event_type)), expected


def _role_fits(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None, relations: ActorRelations) -> bool:
    return a is None or b is None or relations.related(a, b)


def actors_compatible(a: Record, b: Record, relations: ActorRelations) -> bool:
    if a.get("sub_event_type") is None:
        # Diplomacy and other non-ACLED interactions: the same parties exactly, or they are other meetings.
        return all((a.get(r) or {}).get("id") == (b.get(r) or {}).get("id") for r in ("actor1", "actor2"))
    straight = _role_fits(a.get("actor1"), b.get("actor1"), relations) and _role_fits(
        a.get("actor2"), b.get("actor2"), relations)
    if straight:
        return True
    symmetric = a.get("event_type") in SYMMETRIC_TYPES and b.get("event_type") in SYMMETRIC_TYPES
    return symmetric and _role_fits(a.get("actor1"), b.get("actor2"), relations) and _role_fits(
        a.get("actor2"), b.get("actor1"), relations)


def places_compatible(a: Record, b: Record) -> bool:
    first, second = a.get("location"), b.get("location")
    if first is None or second is None:
        return first is None and second is None and a["document_id"] == b["document_id"]
    if first.get("geonameid") is not None and first.get("geonameid") == second.get("geonameid"):
        return True
    if first.get("country_code") != second.get("country_code"):
        return False
    if is_country_level(first) or is_country_level(second):
        return False
    precision = max(a.get("geo_precision") or 3, b.get("geo_precision") or 3)
    if precision in DISTANCE_KM:
        return distance_km(first, second) <= DISTANCE_KM[precision]
    return (first.get("country_code") == second.get("country_code") and first.get("admin1") is not None
            and first.get("admin1") == second.get("admin1"))


def widened_days(record: Record) -> tuple[int, int] | None:
    """The mention's date range widened by its time window, as day ordinals; None without a date."""
    found = date_range(record)
    if found is None:
        return None
    widen = TIME_WINDOW_DAYS.get(record.get("time_precision") or 3, MAX_WINDOW_DAYS)
    return found[0].toordinal() - widen, found[1].toordinal() + widen


def times_compatible(a: Record, b: Record) -> bool:
    first, second = widened_days(a), widened_days(b)
    if first is None or second is None:
        return first is None and second is None and a["document_id"] == b["document_id"]
    return first[0] <= second[1] and second[0] <= first[1]


def anchored(a: Record, b: Record, relations: ActorRelations) -> bool:
    """Mentions from different reports need something that ties them beyond type, area and week: a party named
    by both, or the same town on the same day. Without it, unrelated strikes of one week would chain together."""
    if a["document_id"] == b["document_id"] or _same_sentence(a, b):
        return True
    same_day = (a.get("time_precision") == 1 and b.get("time_precision") == 1
                and a.get("date_start") == b.get("date_start"))
    if (a.get("geo_precision") or 3) == 3 or (b.get("geo_precision") or 3) == 3:
        # "Russian strikes in Syria this week": too vague to be one event unless both name the same day
        return same_day and _shares_party(a, b, relations)
    if _shares_party(a, b, relations):
        return True
    same_town = ((a.get("location") or {}).get("geonameid") is not None
                 and (a.get("location") or {}).get("geonameid") == (b.get("location") or {}).get("geonameid")
                 and a.get("geo_precision") == 1 and b.get("geo_precision") == 1)
    return same_town and same_day


def _shares_party(a: Record, b: Record, relations: ActorRelations) -> bool:
    """A named (non-generic) party of one mention is related to a party of the other."""
    for first, second in (("actor1", "actor1"), ("actor2", "actor2"), ("actor1", "actor2"), ("actor2", "actor1")):
        x, y = a.get(first), b.get(second)
        generic = relations.generic
        if x and y and x["id"] not in generic and y["id"] not in generic and relations.related(x, y):
            return True
    return False


def _same_sentence(a: Record, b: Record) -> bool:
    """One sentence republished by another outlet (wire copy): the same report of the same event."""
    first = " ".join(str((a.get("evidence") or {}).get("sentence", "")).lower().split())
    second = " ".join(str((b.get("evidence") or {}).get("sentence", "")).lower().split())
    return len(first) > 40 and first == second


def compatible(a: Record, b: Record, relations: ActorRelations) -> bool:
    """Whether two mentions may report one event (symmetric; cheap tests first)."""
    return (types_compatible(a, b) and certainties_compatible(a, b) and times_compatible(a, b)
            and places_compatible(a, b) and actors_compatible(a, b, relations) and anchored(a, b, relations))

