"""Finding toponyms in a spaCy Doc: gazetteer names (Aho-Corasick) and NER spans, gated by context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from sitrep.model import Place
from sitrep.nlp.pipeline import doc_text
from sitrep.places import context
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.names import Token, fold, is_article, name_keys, skeleton, tokenize

_WORD_SPLIT = re.compile(r"[\s\-‐‑–]+")
ENGLISH_ARTICLE_WORDS = frozenset({"an", "as", "at"})
NAME_ABBREVIATIONS = frozenset({"St", "Ste", "Ft", "Mt"})
NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels under which the small English model often files towns it does not know.
NER_TOLERATED = NER_PLACE_LABELS | {"ORG", "NORP", ""}
# Entities whose inner words are never places of their own.
OTHER_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
FACILITY_LABELS = frozenset({"FAC"})
# A town this big keeps its name inside a facility's name ("Port of Hodeidah"); smaller ones do not.
SIZEABLE_TOWN = 50_000
# "The Turtle Rock": a capitalised word right after a name, in the same sentence, continues it.
_NAME_WORD_AFTER = re.compile(r"^ [A-Z][a-z]")
_PROVINCE_AFTER_COMMA = re.compile(r"^, [A-Z]")


@dataclass(slots=True)
class Toponym:
    """A span that names a place, with its gazetteer candidates and what its context says."""

    start: int
    end: int
    text: str
    candidates: list[tuple[Place, float]]
    near: bool = False  # "outskirts of X", "near X": precision 2
    province: bool = False  # "X province": the admin1 division is meant
    ner_label: str = ""
    locative: bool = False
    metonymic: bool = False
    hint: bool = False  # a country adjective ("Syrian"): counts towards the document's focus, is no place
    # "Franklin, Tennessee": the province or country written after the name, which must contain it
    within: list[Place] = field(default_factory=list)
    qualifier: bool = False  # the "Tennessee" of "Franklin, Tennessee": an admin division or country
    listed: bool = False  # joined to the previous toponym by a comma, "and" or "or": an item of a list


@dataclass(frozen=True, slots=True)
class _Entity:
    start: int
    end: int
    label: str
    first: int  # where the name proper begins: after a leading "the"


def _name_start(ent: Span) -> int:
    """Where an entity's name proper begins: after a leading "the"."""
    return ent[1].idx if ent[0].lower_ == "the" and len(ent) > 1 else ent.start_char


class _Entities:
    """The document's entities, read once: `Doc.ents` builds new spans on every access."""

    def __init__(self, doc: Doc) -> None:
        self.all = [_Entity(ent.start_char, ent.end_char, ent.label_, _name_start(ent)) for ent in doc.ents]
        self.starts = [entity.start for entity in self.all]
        self.persons = [entity for entity in self.all if entity.label == "PERSON"]
        # "Chrystia Freeland ... Freeland said": a surname the document gives a person is that person's
        # name wherever it comes back alone.
        self.surnames = frozenset(
            fold(ent.text.split()[-1]) for ent in doc.ents if ent.label_ == "PERSON" and len(ent.text.split()) > 1
        )


@dataclass(frozen=True, slots=True)
class _Stream:
    """Word skeletons joined by spaces ('#' for punctuation), each word's stream offset and token index,
    and the stream words that are capitalised, by the offset of the space that closes them."""

    text: str
    offsets: list[int]
    indices: list[int]
    capitalised: dict[int, int]  # offset of the closing space -> word number


def _stream(tokens: list[Token], text: str) -> _Stream:
    parts: list[str] = [""]
    offsets: list[int] = []
    indices: list[int] = []
    capitalised: dict[int, int] = {}
    position = 1
    for index, token in enumerate(tokens):
        if token.barrier:
            if _abbreviation_dot(tokens, index):
                continue
            word = "#"
        elif len(token.text) <= 3 and is_article(tokens, index, text):
            continue  # every article is a word of two or three letters
        else:
            word = skeleton(token.text) or "#"
            if token.text[:1].isupper():
                capitalised[position + len(word)] = len(offsets)
        offsets.append(position)
        indices.append(index)
        parts.append(word)
        position += len(word) + 1
    return _Stream(" ".join(parts) + " ", offsets, indices, capitalised)


def _abbreviation_dot(tokens: list[Token], index: int) -> bool:
    """The dot of "St. Louis", "Ft. Worth", "Mt. Hood": part of the name, not a break in it."""
    token = tokens[index]
    if not token.barrier or token.text != "." or index == 0:
        return False
    before = tokens[index - 1]
    return before.end == token.start and not before.barrier and before.text in NAME_ABBREVIATIONS


def _gazetteer_matches(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Leftmost-longest (start, end, loose key) matches of gazetteer names on word boundaries.

    A known name after a lower-case Arabic article is the tail of a longer name the gazetteer does not
    know ("Maarat al-Numan" is no "Numan"): the match then covers the whole name and its key is "".
    """
    tokens = tokenize(text)
    words = _stream(tokens, text)
    offsets, indices = words.offsets, words.indices
    found: list[tuple[int, int, str]] = []
    for stream_end, loose in gazetteer.name_matches(words.text):
        # Most matches are common words that are also someone's village ("war", "said"): a name ends
        # in a capital (see `_looks_like_name`; a word holds no hyphen), so those are dropped first.
        last = words.capitalised.get(stream_end, -1)
        if last < 0:
            continue
        first = bisect_right(offsets, stream_end - len(loose)) - 1
        if first < 0 or last < first:
            continue
        start_token, end_token = indices[first], indices[last]
        start = tokens[start_token].start
        # Keep the article that belongs to the name: "Al-Qamishli", "Ar Raqqah".
        if start_token > 0 and is_article(tokens, start_token - 1, text):
            article = tokens[start_token - 1]
            # "An Albany man": at a sentence start an English word only looks like an Arabic article.
            gap = text[article.end : tokens[start_token].start]
            spaced_word = fold(article.text) in ENGLISH_ARTICLE_WORDS and gap == " "
            if article.text[:1].isupper() and not spaced_word:
                start = article.start
            elif _name_word(tokens, start_token - 2, text):
                start, loose = tokens[start_token - 2].start, ""
        end = tokens[end_token].end
        if _looks_like_name(_WORD_SPLIT.split(text[start:end])):
            found.append((start, end, loose))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    chosen: list[tuple[int, int, str]] = []
    for match in found:
        if chosen and match[0] < chosen[-1][1]:
            continue
        chosen.append(match)
    return chosen


def _name_word(tokens: list[Token], index: int, text: str) -> bool:
    """A capitalised word joined to the next token by spaces only: the head of an Arabic name."""
    if index < 0 or tokens[index].barrier or not tokens[index].text[:1].isupper():
        return False
    gap = text[tokens[index].end : tokens[index + 1].start]
    return gap.isspace() and fold(tokens[index].text) not in context.STOP_WORDS


def _looks_like_name(words: list[str]) -> bool:
    """Capitalised, except the direction words of regions ("southern Lebanon", "the Donbas")."""
    if not words or not words[-1][:1].isupper():
        return False
    return words[0][:1].isupper() or fold(words[0]) in context.DIRECTION_WORDS


def _rejected(
    doc: Doc,
    text: str,
    topo: Toponym,
    gazetteer: Gazetteer,
    sentence_starts: frozenset[int],
    entities: _Entities,
) -> bool:
    folded = fold(topo.text)
    if folded in context.STOP_WORDS or folded in context.FACILITY_WORDS or folded in gazetteer.demonyms:
        return True
    if folded in context.UNPLACEABLE_NAMES or context.unplaceable_with_words_before(text, topo.start, topo.end):
        return True
    if context.adjective_compound(text, topo.end) or context.inside_other_name(text, topo.start, topo.end):
        return True
    # Short words ("Va.", "Ga") are abbreviations far more often than towns; country codes are listed names.
    acronym = topo.text.isupper() and len(folded) <= 5
    if len(folded) <= 3 or acronym:
        divisions = [(p, match) for p, match in topo.candidates if match >= 0.75 and p.feature_class != "P"]
        if not divisions:
            return True
        if acronym and len(folded) <= 3:
            # "WA", "NSW": the abbreviation of a state or country, never the town "Wa" nor the district "Wa"
            # (but "Gao" is the town).
            topo.candidates = [(p, match) for p, match in divisions if _state_or_country(p)]
            if not topo.candidates:
                return True
    span = context.tokens_at(doc, topo.start, topo.end)
    if span is None:
        return True
    labels = {token.ent_type_ for token in span}
    is_country = any(place.feature_code in ("PCLI", "CONT") and match >= 0.75 for place, match in topo.candidates)
    if "PERSON" in labels and not is_country and _person_name(entities, text, topo):
        return True
    main_name = any(match >= 1.0 for _, match in topo.candidates)
    if "PERSON" in labels and all(match < 0.75 for _, match in topo.candidates):
        return True  # a person's name that only looks like another spelling of a town ("Anfield", "Enfield")
    if folded in entities.surnames and not is_country and not _known_place(topo):
        return True
    if labels & OTHER_NAME_LABELS and _inside_other_entity(entities, text, topo, OTHER_NAME_LABELS):
        return True
    if (
        labels & OTHER_NAME_LABELS
        and _opens_other_entity(entities, text, topo)
        and not _known_place(topo)
        and not context.locative_cue(text, topo.start)
    ):
        return True  # "Glenrock Lagoon", "Craven Cottage": a small namesake's name opening another name
    if not _known_place(topo, SIZEABLE_TOWN) and (
        _inside_other_entity(entities, text, topo, FACILITY_LABELS)
        or ("FAC" in labels and fold(topo.text.split()[-1]) in context.FACILITY_WORDS)
        or (not main_name and _name_word_follows(text, topo.end))
    ):
        # "Paddock Hill Bend", "Washington Square" (the park), "The Turtle Rock": a word of a facility's
        # or another longer name that a hamlet somewhere also bears.
        return True
    # Only a spelling variant of some place, inside a longer name of any kind: a word of that name.
    weak = all(match < 0.5 for _, match in topo.candidates)
    if weak and labels and _inside_other_entity(entities, text, topo, None):
        return True
    if weak and not labels & NER_PLACE_LABELS and not _variant_of_a_city_as_place(text, topo):
        return True  # "Head", "Gilt", "Nikkei": ordinary words that only look like another spelling of a town
    # "Kuki and Meitei militias": a word known only as another place's alternate or variant spelling,
    # before a group noun, names a people or a faction.
    if not main_name and not labels & NER_PLACE_LABELS and context.group_noun_after(text, topo.end):
        return True
    if len(span) == 1 and span[0].pos_ != "PROPN" and not labels & NER_PLACE_LABELS and not is_country:
        # The small model tags some towns NOUN ("shelled Homs"); a capitalised word inside a sentence
        # that names a sizeable town is still believed.
        sizeable = any(match >= 0.75 and place.population >= 50_000 for place, match in topo.candidates)
        return span[0].i in sentence_starts or not sizeable
    return False


def _state_or_country(place: Place) -> bool:
    return place.feature_code == "ADM1" or place.feature_code.startswith("PCL")


def _name_word_follows(text: str, end: int) -> bool:
    return bool(_NAME_WORD_AFTER.match(text[end : end + 3]))


def _variant_of_a_city_as_place(text: str, topo: Toponym) -> bool:
    """Another spelling of a town's name, written where a place is expected: after a preposition
    ("fighting in Deir Ezzor", "near Dasu") or before its province ("shelled Darat Izza, Aleppo")."""
    return context.locative_cue(text, topo.start) or bool(_PROVINCE_AFTER_COMMA.match(text[topo.end : topo.end + 3]))


def _known_place(topo: Toponym, population: int = 10_000) -> bool:
    """Whether the name is the own or alternate name of a town of some size, or of a division."""
    return any(
        match >= 0.75 and (place.population >= population or place.feature_class != "P")
        for place, match in topo.candidates
    )


def _inside_other_entity(entities: _Entities, text: str, topo: Toponym, labels: frozenset[str] | None) -> bool:
    """A name inside an organisation's or a work's name, not at its start ("Observatory for Human
    Rights", "Hayat Tahrir al-Sham"): a word of that name, not a place."""
    # Entities never overlap: only the last one starting before the name can hold it.
    index = bisect_left(entities.starts, topo.start) - 1
    if index < 0:
        return False
    ent = entities.all[index]
    if (labels is None or ent.label in labels) and ent.first < topo.start and topo.end <= ent.end:
        # "Mykolaiv, Mykolaiv": the model reads a town and its province as one name; what follows
        # the comma qualifies what precedes it.
        return not text[ent.first : topo.start].rstrip().endswith(",")
    return False


def _opens_other_entity(entities: _Entities, text: str, topo: Toponym) -> bool:
    """A name that begins an organisation's or a work's name and is followed by more of it, not by a
    comma ("Dasu, Khyber Pakhtunkhwa" read as one organisation is a town and its province)."""
    index = bisect_right(entities.starts, topo.start) - 1
    if index < 0:
        return False
    ent = entities.all[index]
    if ent.label not in OTHER_NAME_LABELS or ent.first != topo.start or ent.end <= topo.end:
        return False
    return not text[topo.end : ent.end].lstrip().startswith(",")


def _person_name(entities: _Entities, text: str, topo: Toponym) -> bool:
    """Whether a PERSON entity is a person: one longer than the name ("Bashar al-Assad" around "Assad"),
    or a name that is no well-known place. The small model also labels towns PERSON ("visited Palmyra")."""
    for ent in entities.persons:
        if ent.end <= topo.start or ent.start >= topo.end:
            continue
        if ent.start < topo.start - 1 or ent.end > topo.end + 1:
            return True
    known = any(match >= 0.75 and place.population >= 10_000 for place, match in topo.candidates)
    return not (known or context.locative_cue(text, topo.start))


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym of the document in text order, metonymic ones flagged, unresolved NER places kept."""
    text = doc_text(doc)
    entities = _Entities(doc)
    # Token.is_sent_start re-checks the whole document on every call: collect the starts once.
    sentence_starts = (
        frozenset(sentence.start for sentence in doc.sents) if doc.has_annotation("SENT_START") else frozenset({0})
    )
    toponyms: list[Toponym] = []
    abbreviated: list[tuple[int, int]] = []
    for start, end, full_name, kind in context.abbreviations(text):
        candidates = [c for c in gazetteer.candidates(full_name) if c[0].feature_code == kind]
        if candidates:
            abbreviated.append((start, end))
            toponyms.append(Toponym(start, end, text[start:end], [(p, 1.0) for p, _ in candidates]))
    # Gazetteer matches never overlap each other: each is checked against the few abbreviations only.
    taken: list[tuple[int, int]] = list(abbreviated)
    for start, end, loose in _gazetteer_matches(text, gazetteer):
        if abbreviated and any(s < end and start < e for s, e in abbreviated):
            continue
        surface = text[start:end]
        if loose:
            exact, _ = name_keys(surface)
            candidates = gazetteer.candidates_by_key(loose, exact)
        else:
            candidates = gazetteer.candidates(surface)
        topo = Toponym(start, end, surface, candidates)
        taken.append((start, end))
        if _rejected(doc, text, topo, gazetteer, sentence_starts, entities):
            continue
        toponyms.append(topo)
    taken.sort()
    taken_starts = [s for s, _ in taken]
    for ent in entities.all:
        if ent.label not in NER_PLACE_LABELS:
            continue
        start, end = ent.first, ent.end
        if _overlaps(taken, taken_starts, start, end):
            continue
        surface = text[start:end]
        folded = fold(surface)
        if folded in gazetteer.demonyms or folded in context.STOP_WORDS or folded in context.UNPLACEABLE_NAMES:
            continue
        toponyms.append(Toponym(start, end, surface, gazetteer.candidates(surface)))
    toponyms.sort(key=lambda t: t.start)
    for topo in toponyms:
        _annotate(doc, text, topo, gazetteer)
    for previous, topo in zip(toponyms, toponyms[1:], strict=False):
        topo.listed = bool(context.LIST_GAP.fullmatch(text[previous.end : topo.start]))
    _link_qualifiers(text, toponyms)
    _link_province_words(text, toponyms, gazetteer)
    _link_division_lists(text, toponyms)
    return toponyms + _country_hints(text, gazetteer)


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans`: sorted, non-overlapping, with their `starts`."""
    index = bisect_left(starts, end) - 1
    return index >= 0 and spans[index][1] > start


def _link_qualifiers(text: str, toponyms: list[Toponym]) -> None:
    """'Franklin, Tennessee', 'Tripoli, Lebanon': the second name is a province or country that must
    contain the first; both readings are narrowed to the ones that agree."""
    for index, (town, qualifier) in enumerate(zip(toponyms, toponyms[1:], strict=False)):
        if not context.QUALIFIER_GAP.fullmatch(text[town.end : qualifier.start]) or town.qualifier:
            continue
        if _ends_a_list(text, toponyms, index + 1) or _country_as_town(town, qualifier):
            continue
        # A province or country, else a county known by its own name: "New Quay, Ceredigion" (a British or
        # Irish town is written with its county), but a bare "Madison" is no "Madison County".
        for codes, least in ((context.QUALIFIER_CODES, 0.75), (frozenset({"ADM2"}), 1.0)):
            regions = [(p, m) for p, m in qualifier.candidates if p.feature_code in codes and m >= least]
            inside = [(p, m) for p, m in town.candidates if any(p.lies_within(r) for r, _ in regions)]
            if inside:
                break
        if not regions or not inside or _only_variants_inside(inside, town):
            continue
        settlements = [(p, m) for p, m in inside if p.feature_class == "P"]
        if settlements and fold(town.text) == fold(qualifier.text):
            # "Mykolaiv, Mykolaiv": a name qualified by its own province is the town, not a division.
            inside = settlements
        town.candidates = inside
        town.within = [r for r, _ in regions]
        qualifier.candidates = [r for r in regions if any(p.lies_within(r[0]) for p, _ in inside)]
        qualifier.qualifier = True
        qualifier.metonymic = False


def _link_division_lists(text: str, toponyms: list[Toponym]) -> None:
    """'Barrow, Jackson and Madison counties', 'states such as California or Washington': every item of a
    list that a plural kind of division follows or opens is a division of that kind, where the name has
    such a reading."""
    for index, topo in enumerate(toponyms):
        code = context.divisions_after(text, topo.end)
        if code is not None:
            first = index
            while first > 0 and toponyms[first].listed:
                first -= 1
            if _province_of_its_own(toponyms[index], code):
                continue  # "Georgia counties": the counties of Georgia
            _make_divisions(toponyms[first : index + 1], code)
            continue
        code = context.divisions_before(text, topo.start)
        if code is not None and not topo.listed:
            last = index
            while last + 1 < len(toponyms) and toponyms[last + 1].listed:
                last += 1
            items = toponyms[index : last + 1]
            # "former Soviet states such as Georgia and Ukraine" are countries: a list with a country's
            # own name in it is left to the other rules.
            if not any(p.feature_code == "PCLI" and m >= 1.0 for item in items for p, m in item.candidates):
                _make_divisions(items, code)


def _make_divisions(items: list[Toponym], code: str) -> None:
    for item in items:
        divisions = [(p, m) for p, m in item.candidates if p.feature_code == code and m >= 0.75]
        if divisions and not item.within:
            item.candidates = divisions
            item.province = True


def _province_of_its_own(topo: Toponym, code: str) -> bool:
    """A name of a larger division than the kind that follows it ("Georgia counties", "Syria provinces")."""
    larger = ("PCLI",) if code == "ADM1" else ("PCLI", "ADM1")
    return any(p.feature_code in larger and m >= 1.0 for p, m in topo.candidates)


def _link_province_words(text: str, toponyms: list[Toponym], gazetteer: Gazetteer) -> None:
    """'Tripoli, North': a qualifier that is no name of its own but the short name of a province
    ("North" for North Lebanon, "Nabatieh" for the Nabatieh governorate) narrows the town to that province."""
    for index, topo in enumerate(toponyms):
        following = toponyms[index + 1] if index + 1 < len(toponyms) else None
        if topo.within or topo.qualifier or topo.hint or len(topo.candidates) < 2:
            continue
        if following is not None and context.QUALIFIER_GAP.fullmatch(text[topo.end : following.start]):
            continue  # the words are a name of their own, which `_link_qualifiers` has weighed
        words = context.qualifier_words(text, topo.end)
        if words is None:
            continue
        wanted = fold(words)
        inside = [
            (p, m)
            for p, m in topo.candidates
            if p.admin1 and p.country_code and wanted in _province_short_names(p, gazetteer)
        ]
        if not inside or len(inside) == len(topo.candidates):
            continue
        place = inside[0][0]
        provinces = [
            r
            for r, _ in gazetteer.candidates(place.admin1 or "")
            if r.feature_code == "ADM1" and r.country_code == place.country_code and r.admin1 == place.admin1
        ]
        if provinces:
            topo.candidates = inside
            topo.within = provinces[:1]


def _province_short_names(place: Place, gazetteer: Gazetteer) -> frozenset[str]:
    """A province's name with and without its country's name and its kind ("North Lebanon": "north")."""
    full = fold(place.admin1 or "")
    country = gazetteer.country(place.country_code or "")
    dropped = set(context.PROVINCE_KIND_WORDS)
    if country is not None:
        dropped.update(fold(country.name).split())
    short = " ".join(word for word in full.split() if word not in dropped)
    return frozenset(name for name in (full, short) if name)


def _ends_a_list(text: str, toponyms: list[Toponym], index: int) -> bool:
    """'stops in Washington, New York and Boston': a name followed by "and"/"or" and another name is
    an item of a list, not the province of the name before it (a qualifier is followed by a comma)."""
    if index + 1 >= len(toponyms):
        return False
    qualifier, following = toponyms[index], toponyms[index + 1]
    if all(place.feature_code == "PCLI" for place, match in qualifier.candidates if match >= 0.75):
        return False  # "Tripoli, Lebanon and Damascus": a country written after a town still holds it
    return bool(context.LIST_AND.fullmatch(text[qualifier.end : following.start]))


def _country_as_town(town: Toponym, qualifier: Toponym) -> bool:
    """'China, India and ...': a country's own name before another country is a list of countries,
    not a town of the second known by another spelling."""
    country_named = any(p.feature_code == "PCLI" and match >= 1.0 for p, match in town.candidates)
    return country_named and any(p.feature_code == "PCLI" for p, _ in qualifier.candidates)


def _only_variants_inside(inside: list[tuple[Place, float]], town: Toponym) -> bool:
    """'Utah, Colorado, and Idaho': a name whose only readings inside the next name are spelling
    variants, while it is itself a place's own or alternate name, is an item of a list."""
    return all(match < 0.75 for _, match in inside) and any(match >= 0.75 for _, match in town.candidates)


def _country_hints(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Country adjectives ("Syrian troops"): not places, but they say which country the text is about."""
    hints: list[Toponym] = []
    for token in tokenize(text):
        if token.barrier or not token.text[:1].isupper():
            continue
        country = gazetteer.demonym_country(token.text)
        if country is not None:
            hints.append(Toponym(token.start, token.end, token.text, [(country, 1.0)], hint=True))
    return hints


def _annotate(doc: Doc, text: str, topo: Toponym, gazetteer: Gazetteer) -> None:
    span = context.tokens_at(doc, topo.start, topo.end)
    if span is not None:
        topo.ner_label = next((t.ent_type_ for t in span if t.ent_type_), "")
    province_end = context.province_word_after(text, topo.end)
    if province_end is not None:
        provinces = [c for c in gazetteer.candidates(topo.text) if c[0].feature_class == "A"]
        provinces = [c for c in provinces if c[0].feature_code != "PCLI"]
        if provinces:
            topo.candidates = provinces
            topo.end = province_end
            topo.text = text[topo.start : topo.end]
            topo.province = True
    if context.is_dateline(text, topo.start, topo.end) or context.CITY_WORD_AFTER.match(text[topo.end : topo.end + 8]):
        # A dateline or "Cork city" names the city, not the province or county of the same name.
        cities = [(p, m) for p, m in topo.candidates if p.feature_class == "P" and m >= 0.75]
        if cities:
            topo.candidates = cities
    topo.near = context.near_cue(text, topo.start, topo.end)
    topo.locative = context.locative_cue(text, topo.start)
    topo.metonymic = context.is_metonymic(doc, topo.start, topo.end)
