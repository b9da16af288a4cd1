"""What the words around a toponym say: metonymy, nearness ("outskirts of"), province words, stop-words."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from sitrep.places.names import fold


def _words(text: str) -> list[str]:
    return text.split()


# Verbs whose subject is a government, not a location, when a capital or country is that subject.
AGENT_VERBS = frozenset(
    _words(
        """
        say tell respond reply announce deny accuse warn reject claim condemn urge insist talk agree
        threaten demand call sign blame confirm state vow pledge refuse retaliate negotiate approve
        decide order vote expel recognise recognize welcome criticise criticize protest summon sanction
        send offer propose ask believe want hope seek plan consider support back oppose insist veto host
        meet invite allege argue acknowledge admit declare express dismiss signal push press complain
        praise thank promise
        """
    )
)
# "Tehran has only had talks": the object of "have" says it is an actor.
AGENT_OBJECTS = frozenset({"talk", "talks", "contact", "contacts", "discussion", "negotiation", "meeting", "say"})

NEAR_BEFORE = re.compile(
    r"(?:outskirts|suburbs?|countryside|vicinity|environs|outside|near|nearby|around|close to|"
    r"(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?(?:to the\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of)\s+(?:of\s+)?(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
NEAR_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:countryside|outskirts|suburbs|environs|area|surroundings)\b", re.IGNORECASE)
# "Barrow and Jackson counties", "Idlib and Hama provinces": the kind of division a whole list names.
# Plural kinds of division: group 1 the second-order ones (ADM2), group 2 the first-order ones (ADM1).
_DIVISION_KINDS = r"(?:(counties|parishes|districts)|(provinces|governorates|oblasts|states))"
DIVISIONS_AFTER = re.compile(r"^\s+" + _DIVISION_KINDS + r"\b", re.IGNORECASE)
# "states such as California or Washington", "the provinces of Idlib and Hama": the kind comes first.
DIVISIONS_BEFORE = re.compile(r"\b" + _DIVISION_KINDS + r"\s+(?:such\s+as|like|including|of)\s+$")
PROVINCE_AFTER = re.compile(r"^\s+(?:province|governorate|oblast|region|prefecture|district|state)\b", re.IGNORECASE)
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|into|towards?|outside|around|across|of|"
    r"the city of|the town of|the village of)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Adjective compounds: "Russia-backed", "Iran-aligned" say who, not where.
COMPOUND_AFTER = re.compile(
    r"^[-‐‑–](?:backed|led|allied|aligned|sponsored|supported|funded|linked|affiliated|friendly|loyal)\b",
    re.IGNORECASE,
)
# "Royal Street", "Carnegie Library", "Florida Atlantic University": the name of something else.
# Institutions named after their town ("Concord Police", "Aleppo airport") still say where: not listed.
OTHER_NAME_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'’.-]*)*?\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Square|Plaza|"
    r"Church|Cathedral|Chapel|University|College|Academy|Institute|Golf|Club|"
    r"Canal|Plantation|Park|Bridge|Stadium|Arena|Hotel|Company|Inc\.?|Corp\.?|Bank|Times|"
    r"Post|News|Herald|Tribune|Gazette|Journal|Press|Mall|Railroad|Railway|Museum|Theatre|Theater|Center|"
    r"Centre|Hall|Building|Tower|Point|Court|Fields|Heights|Hills|Valley|Creek|River|Lake|Bay|Beach|Island|"
    r"County|Township|Parish|Mountains?|Falls|Springs|Party|Foundation|Group|"
    r"Fund|Association|Society|Institute|Army|Forces|Brigade|Regiment|Front|Movement)\b"
)
OTHER_NAME_BEFORE = re.compile(
    r"\b(?:University|College|Bank|Church|School|Museum|Institute|Department|Republic|Kingdom|Gulf|Bay|"
    r"Lake|Mount|Cape|Port|Fort)\s+of\s+(?:the\s+)?$"
)
DIRECTION_WORDS = frozenset(
    _words(
        """
        north south east west northern southern eastern western central northeastern northwestern
        southeastern southwestern northeast northwest southeast southwest occupied upper lower
        """
    )
)
# Capitalised words that are also the names of some town somewhere.
STOP_WORDS = frozenset(
    _words(
        """
        advance accord latin police of un aid mobile union army home hope victory justice progress liberty
        unity independence freedom march may june july august april january february september october
        november december monday tuesday wednesday thursday friday saturday sunday news times post the a
        an and or but if this that these those he she it we they i you his her its our their there here
        today tomorrow yesterday president minister general king prince sheikh mr mrs ms dr state states
        republic city town village government council security defence defense ministry office forces
        force air navy islamic islam muslim christian god allah reuters associated press afp bbc cnn al
        jazeera twitter facebook telegram youtube internet online europe's national international
        central federal democratic popular free new old great grand little saint st north south east
        west northern southern eastern western centre center middle early late best most more many some
        all any one two three four five six seven eight nine ten first second third again also still
        just only even however meanwhile while after before during since until when where why how what
        who whom which whose please thanks thank yes no not never ever always commander spokesman
        spokesperson official officials leader leaders rebels rebel troops militants militia fighters
        opposition regime coalition alliance front brigade brigades division battalion regiment corps
        guard guards media agency ap prime western eastern southern northern summit conference talks
        truce ceasefire peace war battle attack attacks strike strikes bomb bombing violence conflict
        crisis camp camps border borders hospital school mosque church market square bridge airport port
        base station road highway mission operation operations relief support justice hall park lake
        river mountain valley english secretary governor senator mayor chancellor ambassador envoy
        house senate congress parliament
        """
    )
)


# Seas, oceans and parts of the world too broad to place anything at: found by the gazetteer only as the
# villages and counties named after them ("Pacific, Missouri", "Middle East, Maryland"), so never read.
UNPLACEABLE_NAMES = frozenset(
    {
        "middle east",
        "mideast",
        "near east",
        "far east",
        "pacific",
        "pacific ocean",
        "atlantic",
        "atlantic ocean",
        "north atlantic",
        "south atlantic",
        "north pacific",
        "south pacific",
        "indian ocean",
        "arctic",
        "arctic ocean",
        "antarctic",
        "southern ocean",
        "north africa",
        "northern africa",
        "west africa",
        "western africa",
        "east africa",
        "eastern africa",
        "central africa",
        "southern africa",
        "sub saharan africa",
        "sahara",
        "maghreb",
        "central asia",
        "south asia",
        "southeast asia",
        "south east asia",
        "east asia",
        "asia pacific",
        "western europe",
        "eastern europe",
        "northern europe",
        "southern europe",
        "central europe",
        "scandinavia",
        "central america",
        "caribbean",
        "west coast",
        "east coast",
        "midwest",
        "global south",
    }
)


# "Kuki and Meitei militias", "Dinka herders": a people or faction, not a place.
GROUP_NOUN_AFTER = re.compile(
    r"^(?:\s*(?:and|or|&|-|/)\s*[A-Z][\w'’-]*)?\s+(?:ethnic\s+|armed\s+|tribal\s+)?"
    r"(?:militias?|militiamen|fighters|rebels|insurgents|gunmen|tribesmen|clansmen|herders|youths?|"
    r"factions?|clans?|tribes?|communities|community|groups?|armed groups?|separatists|volunteers)\b",
)
# Words that say what kind of division a province is, dropped from its name to get its short name.
PROVINCE_KIND_WORDS = frozenset(
    _words("province governorate oblast region state prefecture district division department county mohafazat")
)
# The capitalised words after "Town, " that may be a province's short name ("Tripoli, North").
_QUALIFIER_WORDS = re.compile(r"^(?:,\s*|\s*\(\s*)([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")

# What joins the items of a list of places: "Utah, Colorado, and Idaho", "California or Washington".
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
LIST_AND = re.compile(r"\s+(?:and|or|&)\s+")

# "Franklin, Tennessee", "Tripoli (Lebanon)": a place, then the division or country that holds it.
QUALIFIER_GAP = re.compile(r",\s*|\s*\(\s*")
QUALIFIER_CODES = frozenset({"ADM1", "PCLI"})

# Abbreviations that the word-level name matcher cannot see (their dots split words), with the full
# name and the GeoNames feature code they stand for. Country forms are taken anywhere; the press
# abbreviations of US states only after "Town," where they cannot be ordinary words ("Miss.", "Wash.").
COUNTRY_ABBREVIATIONS: dict[str, str] = {
    "U.S.": "United States",
    "U.S": "United States",  # "the U.S government": the final dot is often dropped
    "U.S.A.": "United States",
    "U.K.": "United Kingdom",
    "U.A.E.": "United Arab Emirates",
}
STATE_ABBREVIATIONS: dict[str, str] = {
    "D.C.": "District of Columbia",
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nebr.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming",
}
_COUNTRY_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(COUNTRY_ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)"
)
_STATE_ABBREVIATION = re.compile(
    r"(?<=[A-Za-z]),\s+(" + "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len, reverse=True)) + r")"
)


def abbreviations(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, full name, feature code) of country and state abbreviations in the text."""
    found = [
        (m.start(), m.end(), COUNTRY_ABBREVIATIONS[m.group()], "PCLI") for m in _COUNTRY_ABBREVIATION.finditer(text)
    ]
    found.extend(
        (m.start(1), m.end(1), STATE_ABBREVIATIONS[m.group(1)], "ADM1") for m in _STATE_ABBREVIATION.finditer(text)
    )
    return sorted(found)


def is_metonymic(doc: Doc, start: int, end: int) -> bool:
    """Whether the text at characters [start, end) names a government acting, not a location.

    True when the toponym is the grammatical subject of a speech or action verb ("Moscow responded",
    "Damascus said", "Tehran has only had talks"). The event coder reuses this for actor detection.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    # "Syria's foreign ministry said": the possessor is not the subject; leave it a place.
    if head.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma in AGENT_VERBS:
        return True
    if lemma == "have":
        return any(child.dep_ == "dobj" and child.lemma_.lower() in AGENT_OBJECTS for child in verb.children)
    return False


def tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    """The spaCy tokens covering characters [start, end)."""
    return doc.char_span(start, end, alignment_mode="expand")


def near_cue(text: str, start: int, end: int) -> bool:
    """'outskirts of X', 'near X', '10 km south of X', "X's countryside": a place near X, not X."""
    return bool(NEAR_BEFORE.search(text[max(0, start - 60) : start]) or NEAR_AFTER.match(text[end : end + 30]))


def province_word_after(text: str, end: int) -> int | None:
    """The end offset of 'province'/'governorate'/... right after a name, if any."""
    match = PROVINCE_AFTER.match(text[end : end + 20])
    return end + match.end() if match else None


_DIVISION_WORD_AT_END = re.compile(r"\s(?:County|Parish|Province|District|Governorate|Oblast|Prefecture)$")


def ends_with_division_word(name: str) -> bool:
    """'Montgomery County', 'Idlib Governorate': a name that says it is a division."""
    return bool(_DIVISION_WORD_AT_END.search(name))


def unplaceable_with_words_before(text: str, start: int, end: int) -> bool:
    """'North Africa', 'Northern Europe': the name is the tail of a world region too broad to place."""
    before = text[max(0, start - 30) : start].split()
    for count in (1, 2):
        if len(before) >= count:
            words = " ".join(before[-count:] + [text[start:end]])
            if fold(words) in UNPLACEABLE_NAMES:
                return True
    return False


def divisions_after(text: str, end: int) -> str | None:
    """The GeoNames code of the divisions a plural kind word after a list names: ADM2 for "counties",
    ADM1 for "provinces"; None without one."""
    return _division_code(DIVISIONS_AFTER.match(text[end : end + 20]))


def divisions_before(text: str, start: int) -> str | None:
    """Like `divisions_after`, for a plural kind word that opens a list ("states such as", "the provinces of")."""
    return _division_code(DIVISIONS_BEFORE.search(text[max(0, start - 40) : start]))


def _division_code(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return "ADM2" if match.group(1) else "ADM1"


def locative_cue(text: str, start: int) -> bool:
    """A preposition or 'the city of' right before the name."""
    return bool(LOCATIVE_BEFORE.search(text[max(0, start - 25) : start]))


FACILITY_WORDS = frozenset(
    _words(
        """
        street avenue road boulevard lane drive square plaza church cathedral chapel school university
        college high elementary academy institute golf club library canal plantation park hospital
        airport bridge stadium arena hotel company bank mall railroad railway museum theatre theater
        center centre hall building tower point court fields heights hills valley creek river lake bay
        beach island county township parish mountain mountains falls springs station party commission
        foundation group fund association society department
        """
    )
)


def inside_other_name(text: str, start: int, end: int) -> bool:
    """'Royal Street', 'University of California': the toponym is part of another name."""
    return bool(
        OTHER_NAME_AFTER.match(text[end : end + 60]) or OTHER_NAME_BEFORE.search(text[max(0, start - 40) : start])
    )


def adjective_compound(text: str, end: int) -> bool:
    return bool(COMPOUND_AFTER.match(text[end : end + 20]))


# "NEW YORK (AP) —", "WASHINGTON, April 5", "(NEW YORK) —": a capitalised dateline at the start of a line
# names a city.
_DATELINE_AFTER = re.compile(r"^\)?\s*(?:,|\(|—|–|--|-\s|:)")
# "Cork city", "the Kano city centre": the city, not the county or province of that name.
CITY_WORD_AFTER = re.compile(r"^\s+city\b")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name in capitals opens a line and is followed by the news agency or the date."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    opens_line = text[line_start:start].strip() in ("", "(", "By", "BY")
    return name.isupper() and len(name) > 3 and opens_line and bool(_DATELINE_AFTER.match(text[end : end + 5]))


def group_noun_after(text: str, end: int) -> bool:
    """Whether a people's or faction's noun follows the name ("Kuki and Meitei militias")."""
    return bool(GROUP_NOUN_AFTER.match(text[end : end + 60]))


def qualifier_words(text: str, end: int) -> str | None:
    """The capitalised words after "Town, " or "Town (", which may name the province that holds it."""
    match = _QUALIFIER_WORDS.match(text[end : end + 60])
    return match.group(1) if match else None
