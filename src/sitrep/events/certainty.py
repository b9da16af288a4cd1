"""How sure the text is of an event, and whom it attributes the claim to."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.events.words import all_words, lemma_words, lower_words, memo, token_facts
from sitrep.model import ActorMention, Certainty

SPEECH_VERBS = frozenset({
    "say", "report", "claim", "announce", "state", "tell", "confirm", "allege", "declare", "add", "write",
    "post", "publish", "insist", "assert", "acknowledge", "admit", "boast", "show", "indicate", "suggest",
})
CLAIM_VERBS = frozenset({"claim", "boast", "allege", "insist"})
DENIAL_WORDS = frozenset({"deny", "denial", "refute", "dismiss", "reject"})
UNCONFIRMED_WORDS = frozenset({
    "unconfirmed", "unverified", "rumour", "rumor", "rumoured", "rumored", "allegedly", "purportedly",
    "speculation", "unsubstantiated",
})
REPORTED_WORDS = frozenset({"reportedly", "report", "reports", "apparently", "source", "sources"})
EXPECTATION_WORDS = frozenset({
    "will", "would", "could", "may", "might", "expect", "expected", "likely", "poise", "poised", "inevitable",
    "imminent", "plan", "planned", "prepare", "threaten", "anticipation", "anticipate", "set", "intend",
    "aim", "seek", "vow", "unlikely", "possible", "possibly", "potential", "prospect", "coming", "future",
    "tomorrow", "soon", "risk", "fear",
})
# Speakers that report rather than take part: a statement by them is "reported", by a party "claimed".
REPORTER_WORDS = frozenset({
    "reuters", "ap", "afp", "agency", "media", "news", "newspaper", "correspondent", "reporter", "journalist",
    "observatory", "monitor", "witness", "activist", "resident", "source", "sources", "report", "reports",
    "un", "ocha", "unhcr", "who", "icrc", "amnesty", "watch", "ngo", "network", "outlet", "television", "tv",
    "channel", "bbc", "cnn", "al jazeera", "sana", "tass", "ria", "anadolu", "aljazeera", "doctors", "medics",
    "hospital", "official", "officials", "spokesman", "spokesperson",
})


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger and every token that governs it, up to the root of the sentence."""
    chain = [trigger]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _is_negated(chain: Sequence[Token]) -> bool:
    if any(child.dep_ == "det" and child.lower_ == "no" for child in chain[0].children):
        return True  # "no new air strikes were reported"
    for token in chain[:3]:
        if any(child.dep_ == "neg" for child in token.children):
            return True
        if token.lemma_.lower() in DENIAL_WORDS:
            return True
    return False


LIKELY_WORDS = frozenset({"inevitable", "imminent", "likely", "coming"})


def _has_expectation(sentence: SpacySpan, chain: Sequence[Token]) -> bool:
    # A subtree lies inside its sentence: without one of these words there, no phrase holds one.
    likely_here = bool(lemma_words(sentence) & LIKELY_WORDS)
    for token in chain[:4]:
        if token.lemma_.lower() in EXPECTATION_WORDS and token.i != chain[0].i:
            return True
        for child in token.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "acomp", "oprd", "xcomp", "prep", "npadvmod") and (
                child.lemma_.lower() in EXPECTATION_WORDS
                or (likely_here and any(t.lemma_.lower() in LIKELY_WORDS for t in child.subtree))
            ):
                return True
    # "HTS is poised to enter", "the fall of Homs ... is now seen as inevitable"
    return bool(lower_words(sentence) & {"inevitable", "imminent", "poised"})


def _speaker_text(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            tokens = [t for t in child.subtree if t.dep_ not in ("punct",) and t.i < verb.i]
            if tokens:
                return verb.doc[tokens[0].i: tokens[-1].i + 1].text
    return None


def _according_to(sentence: SpacySpan) -> str | None:
    return memo(sentence, "according to", lambda: _find_according_to(sentence))


def _find_according_to(sentence: SpacySpan) -> str | None:
    lower = token_facts(sentence).lower
    for i, word in enumerate(lower):
        if word == "according" and i + 1 < len(lower) and lower[i + 1] == "to":
            token = sentence.doc[sentence.start + i]
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                sub = list(objects[0].subtree)
                return token.doc[sub[0].i: sub[-1].i + 1].text
            return "reports"
    return None


def _is_party(speaker: str, actors: Sequence[ActorMention]) -> bool:
    lowered = speaker.lower()
    if any(word in lowered.split() for word in REPORTER_WORDS) or lowered in REPORTER_WORDS:
        return False
    return any(m.text.lower() in lowered and m.actor.type != "Civilians" for m in actors)


def assess(
    sentence: SpacySpan, trigger: Token, actors: Sequence[ActorMention]
) -> tuple[Certainty, str | None]:
    """The certainty of the event the trigger expresses and the attribution, from cues in its sentence."""
    parties = tuple((m.actor.id, m.actor.type, m.text) for m in actors)
    return memo(sentence, ("assess", trigger.i, parties), lambda: _assess(sentence, trigger, actors))


def _assess(
    sentence: SpacySpan, trigger: Token, actors: Sequence[ActorMention]
) -> tuple[Certainty, str | None]:
    chain = _clause_tokens(trigger)
    lowered = all_words(sentence)
    speech = [t for t in chain[1:] if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    # "..., Reuters reported": the reporting verb is the sentence root, the event sits in its complement.
    root = sentence.root
    if root.lemma_.lower() in SPEECH_VERBS and root not in speech and root.i != trigger.i:
        speech.append(root)
    outer = speech[-1] if speech else None
    speaker = _speaker_text(outer) if outer is not None else None
    according = _according_to(sentence)
    attribution = speaker or according

    if lowered & UNCONFIRMED_WORDS:
        return "unconfirmed", attribution
    if _is_negated(chain):
        return "denied", attribution
    if _has_expectation(sentence, chain):
        return "expected", attribution
    if outer is not None and speaker:
        if outer.lemma_.lower() in CLAIM_VERBS or _is_party(speaker, actors):
            return "claimed", speaker
        return "reported", speaker
    if according:
        return ("claimed" if _is_party(according, actors) else "reported"), according
    if lowered & REPORTED_WORDS or outer is not None:
        return "reported", attribution
    return "asserted", None
