"""What the dependency parse says about a trigger word's role in its sentence.

A trigger word names an event only where the sentence uses it to tell one. Used as a modifier
that only says what kind of thing another noun is ("an aid worker", "an arrest warrant", "the
protest movement", "an attack helicopter", "a detention centre"), it tells no event: the noun it
modifies is a person, a document, an organisation, a machine or a building.
"""

from __future__ import annotations

from ..model import Report

__all__ = ["modifies_another_noun"]

# the dependency relations of a word that only qualifies the noun it hangs on (UD: "aid worker"
# compound, "protest movement" parsed as amod by the small parser)
_MODIFIER_DEPS = frozenset({"compound", "amod"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


def _MAY_PRECEDE_A_MODIFIER(token) -> bool:
    """Whether ``token`` can stand before a noun modifier inside its noun phrase: a
    determiner, possessive, number, adjective, preposition or singular common noun ("an aid
    worker", "his arrest warrant", "in detention centres", "immigration detention facility");
    not a capitalised word the tagger took for a noun ("the outfit TPC shot him")."""
    if token.pos in ("DET", "PRON", "NUM", "ADJ", "ADP", "CCONJ"):
        return True
    return token.pos == "NOUN" and token.lemma.lower() == token.text.lower() and \
        token.text[:1].islower()


def modifies_another_noun(report: Report, token_range: tuple[int, int], cstart: int, cend: int,
                          triggers: list[tuple[int, int]]) -> bool:
    """Whether the trigger at clean offsets ``cstart:cend`` only modifies a noun that follows it
    ("aid worker", "arrest warrant"), per the parse of its sentence (``token_range``: its tokens).

    Not when the modified noun is itself inside a trigger of the sentence (``triggers``: clean
    offsets): "a bomb attack", "a protest march", "a rocket attack" tell one event, which the
    head's trigger (or the longer match) codes. Not for a capitalised trigger: headlines in
    title case or capitals parse as chains of compounds ("Police Arrest Protest Leaders").
    """
    tokens = report.tokens
    inside = [i for i in range(*token_range) if tokens[i].cstart < cend and tokens[i].cend > cstart]
    if not inside:
        return False
    word = report.text[cstart:cend]
    if not word[:1].islower():
        return False
    # the span's syntactic head: the one token whose head lies outside the span
    outer = [i for i in inside if tokens[i].head not in inside]
    if len(outer) != 1:
        return False
    token = tokens[outer[0]]
    if token.dep not in _MODIFIER_DEPS or token.pos not in _NOMINAL or token.text.endswith(
            ("ed", "ing")):
        # a participle ("the kidnapped victims", "the freed inmates") tells what befell the
        # noun's referent; the small parser also tags verbs ADJ or NOUN ("was denied access",
        # "attacked a school, abducting scores of students")
        return False
    if not any(tokens[i].pos in ("VERB", "AUX") for i in range(*token_range)):
        # no predicate found: a headline or a list entry the parser read as one long noun
        # phrase ("Gunmen kidnap medical doctor in Kogi", "Armed men shot journalist X")
        return False
    first = inside[0]
    if first > token_range[0] and not _MAY_PRECEDE_A_MODIFIER(tokens[first - 1]):
        # "Hoodlums kill police inspector, bomb station": after a name, a plural noun or a
        # comma the word is more likely a verb whose subject precedes it
        return False
    head_index = token.head
    if not inside[-1] < head_index < token_range[1]:
        return False  # English noun modifiers come before their noun, in the same sentence
    if any(tokens[i].dep not in _MODIFIER_DEPS for i in range(inside[-1] + 1, head_index)):
        # only other modifiers of the noun may stand between ("an arrest and a prosecution",
        # "Stone's arrest spread quickly" misparsed: not a modifier of the next noun)
        return False
    head = tokens[head_index]
    if head.pos not in ("NOUN", "PROPN") or (head.dep.lower() == "root" and not any(
            tokens[i].head == head_index and tokens[i].dep == "cop" for i in range(*token_range))):
        # a noun as the root of a sentence without a copula is mostly a verb misparsed
        # ("Nikki Stone's arrest spread quickly": spread tagged NOUN)
        return False
    return not any(start < head.cend and head.cstart < end for start, end in triggers)
