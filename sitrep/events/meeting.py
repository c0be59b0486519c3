"""Whether "X met (with) Y" tells a meeting: what the parse and the actor layer say Y is.

"Met" tells a meeting (PLOVER CONSULT) only when its object is a party one can talk to: a
person, a group, an organisation or a state ("the minister met with tribal elders", "Lavrov met
his counterpart", "Obama met with her"). The same verb also tells how something was received:
"the protests were met with tear gas and live fire", "troops met stiff resistance", "the plan
met with criticism". There the object is a thing or a mass, and no meeting took place.

The object is read from the dependency parse (the verb's direct object, or the noun of its
"with" phrase), and it is a party when
- an actor mention of the actor stage covers it, or it is a name (a proper noun);
- it is a personal pronoun ("her", "them"), not a pronoun of things ("it", "this");
- it is owned by a person, a name or a party ("his counterpart", "Russia's envoy");
- it is told as a countable thing (with a determiner, a number, a possessive, or in the plural)
  and is a noun of a role of the actor layer (``sitrep.actors.roles``: "minister", "envoy",
  "elders") or of the event coder's roles of people (``context.toml``), or is no act or means
  of the event lexicon ("the father of the victim", "representatives of the rebels" are
  parties; "met with arrests", "met with a crackdown", "met with general strikes" are not).

A bare singular common noun ("met with force", "met with resistance", "met with silence", "met
some resistance") is a mass, whatever its word: "force" is also the army's word. A passive
"was met with" is a reception, never a meeting. A "met" with no object ("the two leaders met
in Geneva") keeps telling a meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..actors.roles import role_of
from ..model import Report
from .arguments import Mention

__all__ = ["meets_no_party", "names_people"]

# pronouns that stand for things, not persons (a closed class of the grammar)
_PRONOUNS_OF_THINGS = frozenset({"it", "this", "that", "these", "which", "what", "something",
                                 "nothing", "anything", "everything"})
_COUNTED = frozenset({"det", "nummod", "nmod:poss", "det:poss"})
# determiners that also go with a mass noun ("met some resistance", "met with no opposition")
_MASS_DETERMINERS = frozenset({"some", "much", "any", "no", "little", "more", "less", "enough",
                               "such"})


class names_people:  # noqa: N801 - used as a function; a class so that stages pickle
    """Whether words name people, by the event coder's roles (``context.toml``)."""

    def __init__(self, roles: dict[str, re.Pattern]) -> None:
        self.patterns = [roles[name] for name in ("state", "nonstate", "civilian", "protester")]

    def __call__(self, words: str) -> bool:
        return any(pattern.search(words) for pattern in self.patterns)


def _a_name(token) -> bool:
    """A capitalised proper noun ("Putin"; not "stiff" the tagger took for one)."""
    return token.pos == "PROPN" and token.text[:1].isupper()


def _children(tokens, token_range: tuple[int, int], index: int) -> list[int]:
    return [i for i in range(*token_range) if i != index and tokens[i].head == index]


def _verb_of(tokens, token_range: tuple[int, int], cstart: int, cend: int) -> int | None:
    """The token of "met" inside the trigger span ``cstart:cend``."""
    return next((i for i in range(*token_range) if tokens[i].cstart < cend
                 and tokens[i].cend > cstart and tokens[i].text.lower() == "met"), None)


def _objects(tokens, token_range: tuple[int, int], verb: int) -> list[int]:
    """The verb's direct object and the nouns of its "with" phrases."""
    found = []
    for child in _children(tokens, token_range, verb):
        dep = tokens[child].dep
        if dep == "obj":
            found.append(child)
        elif dep.split(":")[0] in ("obl", "nmod") and any(
                tokens[i].dep == "case" and tokens[i].text.lower() == "with"
                for i in _children(tokens, token_range, child)):
            found.append(child)
    return found


def _is_party(report: Report, tokens, token_range: tuple[int, int], index: int,
              mentions: list[Mention], people: Callable[[str], bool],
              acts: list[tuple[int, int]]) -> bool:
    token = tokens[index]
    if _a_name(token):
        return True
    if token.pos == "PRON":
        return token.text.lower() not in _PRONOUNS_OF_THINGS
    children = _children(tokens, token_range, index)
    if any(tokens[child].dep.split(":")[0] in ("compound", "flat", "appos")
           and _a_name(tokens[child]) for child in children):
        return True  # "the right-wing populist Viktor Orban", a name the parser hung below
    plural = token.lemma.lower() != token.text.lower()
    counted = plural or any(tokens[child].dep in _COUNTED and (
        tokens[child].text.lower() not in _MASS_DETERMINERS) for child in children)
    if not counted:
        return False  # "met with force", "met with resistance": a mass, not a party
    if any(m.cstart < token.cend and m.cend > token.cstart for m in mentions):
        return True
    for child in children:
        # "his counterpart", "Russia's envoy", "their families": owned by a person or a party
        if tokens[child].dep in ("nmod:poss", "det:poss") and (
                tokens[child].pos == "PRON" or _a_name(tokens[child])
                or _is_party(report, tokens, token_range, child, mentions, people, acts)):
            return True
    words = [tokens[child].text for child in children
             if tokens[child].dep in ("compound", "amod") and child < index] + [token.text]
    if role_of((token.text,)) or role_of((token.lemma,)) or role_of(tuple(words)) or people(
            " ".join(words)):
        return True
    # a counted thing that is no act or means the event lexicon knows ("met with arrests",
    # "met with a crackdown", "met with general strikes") is someone: "the father of the
    # victim", "representatives of the rebels"
    return not any(start < token.cend and end > token.cstart for start, end in acts)


def meets_no_party(report: Report, token_range: tuple[int, int], cstart: int, cend: int,
                   mentions: list[Mention], people: Callable[[str], bool],
                   acts: list[tuple[int, int]] = ()) -> bool:
    """Whether the "met" of the trigger at clean offsets ``cstart:cend`` tells no meeting: a
    passive with "with", or an object that is no party (see the module's docstring).
    ``people`` says whether a noun phrase's words name people (the event coder's roles);
    ``acts`` are the clean offsets of the sentence's trigger words (acts and means)."""
    tokens = report.tokens
    verb = _verb_of(tokens, token_range, cstart, cend)
    if verb is None:
        return False
    objects = _objects(tokens, token_range, verb)
    passive = any(tokens[i].dep in ("aux:pass", "nsubj:pass")
                  for i in _children(tokens, token_range, verb))
    if passive and any(tokens[i].dep != "obj" for i in objects):
        return True  # "the protests were met with tear gas": how they were received
    return bool(objects) and not _is_party(report, tokens, token_range, objects[0], mentions,
                                           people, [span for span in acts
                                                    if span != (cstart, cend)])
