"""Place-name normalisation: folding case, accents and punctuation, and a transliteration skeleton."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Apostrophe-like marks (ayn, hamza, quotes, backticks) vanish: Dar'a, Dar’a and Darʿa are one name.
APOSTROPHES = frozenset("'ʿʾ’‘`´ʼʻ′")
HYPHENS = frozenset("-‐‑‒–—")

# Arabic definite article spellings. Those that are also English words only count as an article
# when written like one (hyphen-attached, or capitalised inside a name: "As-Suwayda", "Ar Raqqah").
ARTICLES_ALWAYS = frozenset(
    {"al", "el", "ar", "ad", "az", "ash", "ez", "ed", "es", "et", "ul", "ud", "uz", "ur", "adh"}
)
ARTICLES_IF_MARKED = frozenset({"as", "an", "at", "en", "er", "un"})
ARTICLES = ARTICLES_ALWAYS | ARTICLES_IF_MARKED

# A word: letters or digits, possibly joined by apostrophe-like marks (Dar'a, Ma'arrat); or, in the
# second group, punctuation that ends a name: a multi-word name never spans it.
_WORD_OR_BARRIER = re.compile(r"([^\W_]+(?:[" + "".join(sorted(APOSTROPHES)) + r"][^\W_]+)*)|[.,;:!?()\[\]{}\"“”/|]")

# Digraphs that different romanisation systems spell differently, reduced to one spelling.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tch", "ch"),
    ("dj", "j"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
)
_VOWELS = frozenset("aeiouy")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9 -]+")


class Token(NamedTuple):
    """A word of a text with its character offsets; `barrier` marks punctuation that splits names.

    A named tuple: a text has thousands of tokens, and a tuple is built several times faster than a
    frozen dataclass."""

    start: int
    end: int
    text: str
    barrier: bool = False


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics or apostrophes; hyphens become spaces; spaces collapsed."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_MAP).lower().split())
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) or char in APOSTROPHES:
            continue
        if char in HYPHENS or char.isspace() or char == "_":
            out.append(" ")
        else:
            out.append(char.lower())
    folded = "".join(out)
    # Letters NFKD leaves alone but English readers write plainly.
    folded = folded.translate(_LETTER_MAP)
    return " ".join(folded.split())


_ASCII_MAP = str.maketrans({"'": None, "`": None, "-": " ", "_": " "})
_LETTER_MAP = str.maketrans(
    {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "ə": "a", "þ": "th"}
)


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """A folded word reduced to its transliteration skeleton: Deir/Dayr, Zor/Zawr, Homs/Hims agree.

    Every run of vowels (with y and w next to a vowel) becomes "a", doubled consonants are single,
    spelling digraphs are unified and a final h after a vowel is dropped (Raqqah = Raqqa).
    """
    word = fold(word).replace(" ", "")
    for source, target in _DIGRAPHS:
        word = word.replace(source, target)
    out: list[str] = []
    length = len(word)
    index = 0
    while index < length:
        char = word[index]
        if _vowel_like(word, index):
            while index < length and _vowel_like(word, index):
                index += 1
            out.append("a")
            continue
        if not out or out[-1] != char:
            out.append(char)
        index += 1
    if len(out) > 2 and out[-1] == "h" and out[-2] == "a":
        out.pop()
    return "".join(out)


def _vowel_like(word: str, index: int) -> bool:
    """Vowels, y except word-initially before a vowel (Yemen), and w after a vowel or as a glide (Sweida)."""
    char = word[index]
    after = word[index + 1] if index + 1 < len(word) else ""
    if char == "y":
        return not (index == 0 and after in _VOWELS and after != "")
    if char in _VOWELS:
        return True
    if char != "w" or index == 0:
        return False
    return word[index - 1] in _VOWELS or (after != "" and after in _VOWELS)


@lru_cache(maxsize=4)
def tokenize(text: str) -> list[Token]:
    """Words and name-splitting punctuation of `text`, in order, with offsets into `text`.

    Kept for the last few texts, since a document is read for names and for country adjectives:
    the list is shared, so callers must not change it."""
    tokens: list[Token] = []
    for match in _WORD_OR_BARRIER.finditer(text):
        start, end = match.span()
        if match.group(1) is None:
            tokens.append(Token(start, end, match.group(), True))
            continue
        # The possessive is not part of the name: "Russia's" is "Russia".
        if end - start > 2 and text[end - 1] in "sS" and text[end - 2] in APOSTROPHES:
            end -= 2
        tokens.append(Token(start, end, text[start:end]))
    return tokens


def is_article(tokens: list[Token], index: int, text: str) -> bool:
    """Whether `tokens[index]` is an Arabic article attached to the next word of the same name."""
    token = tokens[index]
    if token.barrier or index + 1 >= len(tokens) or tokens[index + 1].barrier:
        return False
    word = fold(token.text)
    if word not in ARTICLES:
        # Glued forms such as "al-" are split by the tokenizer; nothing else is an article.
        return False
    gap = text[token.end : tokens[index + 1].start]
    hyphenated = gap != "" and all(char in HYPHENS for char in gap)
    if not (gap.isspace() or hyphenated):
        return False
    if word in ARTICLES_ALWAYS:
        return True
    return hyphenated or (token.text[0].isupper() and tokens[index + 1].text[:1].isupper())


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name without its Arabic articles ("Deir ez-Zor" -> ("deir", "zor"))."""
    if _PLAIN_NAME.fullmatch(name):
        plain = name.replace("-", " ").lower().split()
        if ARTICLES.isdisjoint(plain):
            return tuple(plain)
    tokens = [t for t in tokenize(name) if not t.barrier]
    words = (fold(t.text) for i, t in enumerate(tokens) if not is_article(tokens, i, name))
    return tuple(w for w in words if w)


def exact_key(name: str) -> str:
    """The spelling-faithful key of a name: folded words without articles, space separated."""
    return " ".join(name_words(name))


def loose_key(name: str) -> str:
    """The transliteration-tolerant key of a name: the skeletons of its words."""
    return " ".join(skeleton(word) for word in name_words(name))


def name_keys(name: str) -> tuple[str, str]:
    """(exact_key, loose_key) of a name, computed together."""
    words = name_words(name)
    return " ".join(words), " ".join(skeleton(word) for word in words)
