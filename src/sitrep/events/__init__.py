"""Event coding: the ontology, the trigger lexicon, argument roles, certainty, fatalities."""
