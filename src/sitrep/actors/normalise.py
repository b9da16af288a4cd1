"""Text normalisation shared by the alias index and the resolver, with and without keeping offsets."""

from __future__ import annotations

import re
import unicodedata

# Characters folded to one spelling; every replacement is one character, so offsets are kept.
_CHAR_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_CAPITAL_SIGMA = "\u03a3"
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def fold_chars(text: str) -> str:
    """Lower-case `text` and fold quotes and dashes, keeping its length (one output character per input)."""
    folded = text.translate(_CHAR_FOLD)
    lowered = folded.lower()
    # Lower-casing the whole text maps each character alone unless one lengthens (dotted I) or a capital
    # sigma takes its word-final form: only then is the text folded character by character.
    if len(lowered) == len(folded) and _CAPITAL_SIGMA not in folded:
        return lowered
    # str.lower() may lengthen a few characters (e.g. dotted I): keep those as they are.
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in folded)


def fold_case_kept(text: str) -> str:
    """Fold quotes and dashes only, keeping case and length (for case-sensitive aliases)."""
    return text.translate(_CHAR_FOLD)


def normalise_alias(text: str) -> str:
    """The key an alias is indexed under: NFKC, lower case, folded punctuation, no leading "the",
    no trailing possessive, single spaces."""
    key = fold_chars(unicodedata.normalize("NFKC", text))
    key = _SPACES.sub(" ", key).strip()
    key = _LEADING_THE.sub("", key)
    return _POSSESSIVE.sub("", key).strip()


def singular_forms(key: str) -> list[str]:
    """Candidate singulars of a normalised key ("houthis" -> "houthi", "militias" -> "militia")."""
    forms: list[str] = []
    if key.endswith("ies") and len(key) > 4:
        forms.append(key[:-3] + "y")
    if key.endswith("es") and len(key) > 3:
        forms.append(key[:-2])
    if key.endswith("s") and len(key) > 2:
        forms.append(key[:-1])
    return forms


def is_acronym(alias: str) -> bool:
    """Aliases written in capitals ("HTS", "IS", "U.S.") match only as written: "is" and "us" are words."""
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
