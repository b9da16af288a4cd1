"""Find every resolvable date expression in a parsed document, with character offsets."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sitrep.dates.resolve import DateMatch, scan, to_ranges
from sitrep.model import DateRange
from sitrep.nlp.pipeline import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy labels whose text may hold a date the regexes alone would not trust ("May", "2016").
DATE_LABELS = frozenset({"DATE", "TIME"})


def find_dates_in_text(
    text: str, published: date | None, entity_spans: tuple[tuple[int, int], ...] = ()
) -> list[DateRange]:
    """Date expressions in `text`; `entity_spans` are (start, end) of DATE/TIME entities, where bare
    months and years are trusted as dates too."""
    matches = scan(text, published)
    for ent_start, ent_end in entity_spans:
        for inner in scan(text[ent_start:ent_end], published, allow_entity_only=True):
            shifted = DateMatch(inner.start + ent_start, inner.end + ent_start, inner.resolved)
            if all(shifted.end <= m.start or shifted.start >= m.end for m in matches):
                matches.append(shifted)
    matches.sort(key=lambda m: m.start)
    return to_ranges(text, matches)


def find_dates(doc: Doc, published: date | None) -> list[DateRange]:
    """Every resolvable date expression in `doc`, each with `span` set (offsets into doc.text).

    Relative expressions need `published`; without it only dates that carry their year resolve.
    """
    entity_spans = tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in DATE_LABELS)
    return find_dates_in_text(doc_text(doc), published, entity_spans)
