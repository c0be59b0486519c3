"""Who is speaking: a commentator's view is analysis, not a report of events.

"Analysts believe the concentration of overstretched pro-regime forces on the Aleppo offensive
allowed IS fighters to walk into Palmyra": what the analysts hold is an explanation of events the
report tells elsewhere as facts (the capture of Aleppo, the fall of Palmyra). Read as events, the
words of the explanation became an "uncertain" clash between the regime and IS at Aleppo and a
concession by nobody, neither of which anyone reported. Witnesses, officials, police, monitors and
the parties themselves report what happened (``modality.read_modality`` keeps their word as the
attribution); people who only comment on it (analysts, experts, observers, critics, "many") give
their view of causes, motives and prospects. So a mention inside the complement of a
commentator's opinion verb is not an event mention at all.

The dependency parse decides when the sentence is parsed (the trigger lies under the opinion verb
through its complement, not through its subject: "analysts who saw the attack believe ..." still
reports the attack); the surface pattern decides otherwise.
"""

from __future__ import annotations

import re

from ..model import Token

__all__ = ["commentator_view"]

# people who comment on events rather than witness, suffer, do or officially report them
_COMMENTATORS = frozenset({
    "analyst", "expert", "observer", "commentator", "critic", "pundit", "scholar", "academic",
    "historian", "researcher", "specialist", "many", "some", "others"})
# verbs of holding a view (not of telling what was seen: "said", "reported" stay attributions)
_OPINION_VERBS = frozenset({
    "believe", "think", "argue", "contend", "suggest", "speculate", "reckon", "suspect",
    "feel", "consider", "doubt", "predict", "assume", "theorize", "theorise", "maintain"})
_SURFACE = re.compile(
    r"\b(?:(?i:analyst|expert|observer|commentator|critic|pundit|scholar|academic|historian|"
    r"researcher|specialist)s?\s+(?:[\w-]+\s+){0,2}?|(?:[Mm]any|[Ss]ome|[Oo]thers)\s+)"
    r"(?:believe|think|argue|contend|suggest|speculate|reckon|suspect|feel|consider|doubt|"
    r"predict|assume|theori[sz]e|maintain)(?:s|d|ed)?\b")
_MAX_HOPS = 40


def commentator_view(text: str, trigger_start: int, tokens: list[Token] | None = None,
                     trigger_token: int | None = None) -> str | None:
    """The words of the commentator's opinion that ``text[trigger_start:]`` is told under
    ("Analysts believe"), or None. ``tokens``: the report's parsed tokens and ``trigger_token``
    the index of the trigger's token among them, when the sentence is parsed."""
    if tokens is not None and trigger_token is not None:
        return _parsed_view(tokens, trigger_token)
    for match in _SURFACE.finditer(text, 0, trigger_start):
        if match.end() <= trigger_start and not re.search(r"[;:\"“”]", text[match.end():trigger_start]):
            return match.group(0)
    return None


def _parsed_view(tokens: list[Token], index: int) -> str | None:
    child = index
    for _ in range(_MAX_HOPS):
        head = tokens[child].head
        if head == child or not 0 <= head < len(tokens):
            return None
        verb = tokens[head]
        if verb.lemma.lower() in _OPINION_VERBS and tokens[child].dep not in (
                "nsubj", "nsubj:pass", "nsubjpass", "csubj"):
            subject = next((t for t in tokens[max(0, head - 12):head]
                            if t.head == head and t.dep in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lemma.lower() in _COMMENTATORS:
                return f"{subject.text} {verb.text}"
        child = head
    return None
