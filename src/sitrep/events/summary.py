"""One ACLED-style sentence describing a coded event."""

from __future__ import annotations

from sitrep.model import ActorMention, DateRange, PlaceMention

PHRASES = {
    "Government regains territory": "regained control of",
    "Non-state actor overtakes territory": "took control of",
    "Armed clash": "clashed",
    "Chemical weapon": "used chemical weapons in",
    "Air/drone strike": "carried out air/drone strikes on",
    "Suicide bomb": "carried out a suicide bombing in",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device in",
    "Grenade": "threw a grenade in",
    "Sexual violence": "committed sexual violence in",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted people in",
    "Peaceful protest": "demonstrated in",
    "Protest with intervention": "demonstrated and were dispersed in",
    "Excessive force against protesters": "used force against protesters in",
    "Violent demonstration": "rioted in",
    "Mob violence": "engaged in mob violence in",
    "Agreement": "reached an agreement concerning",
    "Arrests": "made arrests in",
    "Change to group/activity": "changed position or activity around",
    "Disrupted weapons use": "disrupted weapons use in",
    "Headquarters or base established": "established a base in",
    "Looting/property destruction": "looted or destroyed property in",
    "Non-violent transfer of territory": "gave up control of",
    "Other": "was involved in a development in",
    "Displacement": "fled from",
}
PLOVER_PHRASES = {
    "CONSULT": "held talks with", "REQUEST": "called on", "AGREE": "agreed with", "AID": "backed",
    "SUPPORT": "expressed support for", "ACCUSE": "accused", "THREATEN": "threatened", "REJECT": "rejected",
    "SANCTION": "sanctioned", "RETREAT": "withdrew", "MOBILIZE": "mobilised",
}
CERTAINTY_NOTES = {
    "reported": "reported", "claimed": "claimed", "unconfirmed": "unconfirmed", "expected": "expected, not yet",
    "denied": "denied",
}


def _date_text(when: DateRange | None) -> str:
    if when is None:
        return "On an unknown date"
    if when.precision == 1:
        return f"On {when.start.day} {when.start:%B %Y}"
    if when.precision == 2:
        return f"Around the week of {when.start.day} {when.start:%B %Y}"
    return f"In {when.start:%B %Y}"


def _place_text(place: PlaceMention | None, geo_precision: int | None) -> str:
    if place is None or place.place is None:
        return "an unknown location"
    p = place.place
    name = p.name if not p.admin1 or p.admin1 == p.name else f"{p.name} ({p.admin1})"
    return f"near {name}" if geo_precision == 2 else name


def summarise(
    sub_event_type: str | None,
    plover_type: str,
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    place: PlaceMention | None,
    geo_precision: int | None,
    when: DateRange | None,
    fatalities: int | None,
    certainty: str,
    attribution: str | None,
) -> str:
    who = actor1.actor.name if actor1 else "Unidentified actors"
    where = _place_text(place, geo_precision)
    if sub_event_type is None:
        target = actor2.actor.name if actor2 else "another party"
        text = f"{_date_text(when)}, {who} {PLOVER_PHRASES.get(plover_type, plover_type.lower())} {target}"
        if place is not None and place.place is not None:
            text += f" ({where})"
    elif sub_event_type == "Armed clash":
        against = f" with {actor2.actor.name}" if actor2 else ""
        text = f"{_date_text(when)}, {who} clashed{against} in {where}"
    else:
        phrase = PHRASES[sub_event_type]
        if where.startswith("near ") and phrase.rsplit(" ", 1)[-1] in ("on", "in", "of", "from", "around"):
            phrase = phrase.rsplit(" ", 1)[0]  # "struck near Homs", not "struck on near Homs"
        text = f"{_date_text(when)}, {who} {phrase} {where}"
        if actor2 is not None and sub_event_type in ("Attack", "Air/drone strike", "Shelling/artillery/missile attack"):
            text += f", targeting {actor2.actor.name}"
    if fatalities:
        text += f"; {fatalities} reported killed"
    if certainty != "asserted":
        note = CERTAINTY_NOTES.get(certainty, certainty)
        text += f" ({note}" + (f" by {attribution})" if attribution and certainty in ("reported", "claimed") else ")")
    return text + "."
