"""Who did what to whom: actor1 / assoc_actor1 / actor2 / assoc_actor2 of one event mention.

Read from the dependency parse when the tokens carry one (``nsubj``/``nsubjpass``/``dobj``/
``pobj`` of "by"), otherwise from surface patterns over the sentence: the passive agent ("had two
tanks knocked out ... by the militants", "the seizure of the city by IS fighters"), the subject
before the trigger (skipping actors inside prepositional phrases: "taken from a Russian base"),
the object after it, "from X" (who lost it), "against/with X" (the other side), the helper
("helping regime troops capture ...", "backed by ...") and coordination ("X and Y"); and the owner
of a facility the event takes or strikes ("booty captured from a Russian military base": actor2 the
Russian forces the report names elsewhere; "overran the rebels' camp": the rebels).
News media and monitors are sources, never actors (seed: "pro-IS Amaq news agency cameras").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Actor, Report, Token

__all__ = ["Mention", "Arguments", "locate_mentions", "find_arguments", "find_arguments_parsed",
           "parsed", "facility_owner", "MAX_MENTIONS"]

# A sentence with more actor mentions than this is a list or a table: only the nearest
# MAX_MENTIONS to the trigger are considered (cap recorded in the event's reasons).
MAX_MENTIONS = 12

# (a word that opens a clause ends the phrase: "on patrol in Lahore when gunmen attacked them")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|of|in|near|at|on|to|into|with|for|against|by|"
                                 r"toward|towards|inside|outside|around|across|over|under|"
                                 r"about|between|among|like)\s+(?:the\s+|a\s+|an\s+)?"
                                 r"(?:(?!(?:when|while|as|since|until|because|where|once|if|"
                                 r"then)\s)[\w-]+\s+){0,2}$", re.IGNORECASE)
# "were killed when gunmen opened fire": what follows opens another clause, no object of the verb
_CLAUSE_OPENER = re.compile(r"\b(?:when|while|after|before|as|since|until|because|where|once|"
                            r"if)\b", re.IGNORECASE)
_HOW_CLAUSE = re.compile(r"\b(?:when|as|after|while)\s+(?:the\s+|a\s+|an\s+|some\s+)?"
                         r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"\b(?:fighters|members|militants|troops|soldiers|forces|units|elements|"
                         r"gunmen|militiamen|jihadists|supporters)\s+(?:from|of)\s+(?:the\s+)?"
                         r"(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_BY_AGENT = re.compile(r"(?<!backed )(?<!supported )(?<!led )(?<!aided )(?<!funded )(?<!armed )"
                       r"(?<!trained )(?<!allied )(?<!owned )(?<!run )(?<!said )(?<!reported )"
                       r"\b(?:by|at the hands of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)
# a finite active verb ("took control", "seized"): its agent is its subject, never a later "by"
_ACTIVE_VERB = re.compile(r"^(?:\w+ed|took|fought|overran|retook|won|shot|hit|struck|threw|"
                          r"stormed|blew|drove|swept|overtook|beat|stole|set|built)\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|with|on|at|targeting|between)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "were killed", "was reportedly seized"; "had two tanks knocked out" (a participle trigger)
_PASSIVE_BE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|getting)\s+"
                         r"(?:(?:\w+ly|also|not|then|later|all|being)\s+){0,2}$", re.IGNORECASE)
_PASSIVE_HAVE = re.compile(r"\b(?:had|has|have|having)\s+(?!been\b)(?:[\w-]+\s+){1,3}$",
                           re.IGNORECASE)
# "attacked them", "opened fire on him": an act whose object is a pronoun
_PRONOUN_OBJECT = re.compile(r"\s+(?:(?:on|at|upon)\s+)?(?:them|him|her)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"^\w+(?:ed|en|wn|ut)\b", re.IGNORECASE)
_HELP = re.compile(r"\b(?:help(?:ing|ed|s)?|aid(?:ing|ed)|assist(?:ing|ed)|support(?:ing|ed))\s+"
                   r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BACKED_BY = re.compile(r"^\s*,?\s*(?:\w+\s+){0,2}(?:backed|supported|aided|helped|assisted)\s+by\s+"
                        r"(?:the\s+)?(?:[\w-]+\s+){0,2}", re.IGNORECASE)
_AND = re.compile(r"^\s*(?:,\s*)?(?:and|as well as|along with|together with)\s+(?:the\s+)?"
                  r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|this|that|these|those|his|her|last|"
                                r"recent|latest)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"\b(?:after|following|since|before|amid|prior to|despite|"
                             r"in the wake of|in the aftermath of|in response to|with)\s+"
                             r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
                             re.IGNORECASE)
_NEWS = re.compile(r"\b(?:news|agency|media|television|tv|radio|newspaper|observatory|reporters?|"
                   r"correspondents?|website|outlet|monitor|amaq|reuters|afp|sana|irna|tass)\b",
                   re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according to|told|quoted|cited|citing)\s+(?:[\w-]+\s+){0,4}$",
                        re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"(?:\s+(?:\w+\s+)?(?:spokes(?:man|woman|person)|officials?|sources?|"
                           r"statement)\b|-(?:backed|led|linked|allied|"
                           r"aligned|affiliated|supported|sponsored)\b)", re.IGNORECASE)
# an actor that speaks before the trigger: the trigger is in what it said
_SPEAKER = re.compile(r"^\s*(?:\w+ly\s+)?(?:said|says|told|claimed|alleged|reported|stated|added|"
                      r"confirmed|believed|suspected)\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|told|claimed|alleged|reported|stated|added|confirmed|"
                     r"believed|suspected)\b", re.IGNORECASE)
_AFTER_WINDOW = 80       # characters after the trigger searched for its object / agent
_AGENT_WINDOW = 110      # "had two tanks knocked out on Monday by the militants"
_NOMINAL_AGENT_WINDOW = 50   # "the seizure of the central Syrian city over the weekend by IS fighters"
# "fighting IS": an actor right after a verb is its object, not the next verb's subject; except
# after a causative ("helping regime troops capture", "allowed IS fighters to walk into"), and
# not after a participle that describes the actor ("Unidentified assailants hurled", "armed men")
_OBJECT_OF_VERB = re.compile(r"\b(?!help|assist|allow|enabl|let|lett|watch|saw|order|forc|caus)"
                             r"(?!(?:unidentified|suspected|alleged|armed|masked|hooded|unnamed|"
                             r"uniformed|banned|outlawed|proscribed|enraged|angered|agitated|"
                             r"disgruntled|infuriated|unarmed|retired|wanted)\s)"
                             r"\w+(?:ing|ed)\s+(?:the\s+|at least\s+|\d[\d,]*\s+|(?:two|three|four|"
                             r"five|six|seven|eight|nine|ten|several|many|dozens of|scores of|"
                             r"hundreds of)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention located in the clean text (``cstart:cend``)."""

    actor: Actor
    cstart: int
    cend: int


@dataclass
class Arguments:
    actor1: Actor | None = None
    assoc_actor1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor2: list[Actor] = field(default_factory=list)
    passive: bool = False
    back_reference: bool = False
    reasons: list[str] = field(default_factory=list)


def locate_mentions(report: Report) -> list[Mention]:
    """The report's actor mentions in clean offsets, in text order; news media left out."""
    offsets = report.offsets
    mentions = []
    for actor in report.actors:
        cstart = bisect_left(offsets, actor.start)
        cend = bisect_left(offsets, actor.end - 1) + 1 if actor.end > actor.start else cstart
        if cstart >= len(report.text):
            continue
        following = report.text[cend:cend + 25]
        preceding = report.text[max(0, cstart - 40):cstart]
        if _NEWS.search(actor.text) or re.match(r"\s*(?:news|agency|media|tv|television)\b",
                                                following, re.IGNORECASE):
            continue
        if actor.type and re.search(r"news|media|journalist", actor.type, re.IGNORECASE):
            continue
        if _ACCORDING.search(preceding) or _SOURCE_AFTER.match(following):
            continue  # "according to X", "a Ukrainian brigade spokesman said", "Rwanda-backed"
        mentions.append(Mention(actor, cstart, cend))
    mentions.sort(key=lambda m: (m.cstart, m.cend))
    return mentions


def _same(a: Actor, b: Actor) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return a.text.lower() == b.text.lower()


def find_arguments(text: str, sentence_start: int, sentence_end: int, trigger_start: int,
                   trigger_end: int, mentions: list[Mention]) -> Arguments:
    """Arguments of the trigger ``text[trigger_start:trigger_end]`` (clean offsets) from the
    actor ``mentions`` of its sentence ``text[sentence_start:sentence_end]``."""
    arguments = Arguments()
    if len(mentions) > MAX_MENTIONS:
        arguments.reasons.append(f"{len(mentions)} actor mentions in the sentence; kept the "
                                 f"{MAX_MENTIONS} nearest the trigger")
        mentions = sorted(mentions, key=lambda m: abs(m.cstart - trigger_start))[:MAX_MENTIONS]
        mentions.sort(key=lambda m: m.cstart)
    before = [m for m in mentions if m.cend <= trigger_start]
    after = [m for m in mentions if m.cstart >= trigger_end]
    lead = text[sentence_start:trigger_start]
    trigger_text = text[trigger_start:trigger_end]
    arguments.passive = bool(_PASSIVE_BE.search(lead[-40:])) or bool(
        _PARTICIPLE.match(trigger_text) and _PASSIVE_HAVE.search(lead[-40:]))
    noun_trigger = not re.search(r"(?:ed|ing)$|^(?:took|fought|overran|retook|won|shot|hit|struck|"
                                 r"threw|stormed|blew|drove|swept|beat|stole|set)\b", trigger_text)
    arguments.back_reference = bool(_BACK_REFERENCE.search(lead[-45:])) and (bool(
        re.match(r"\s*of\b", text[trigger_end:trigger_end + 5])) or noun_trigger and bool(
        _DETERMINER_BEFORE.search(lead[-30:]))) or bool(re.search(r"\bits\s+(?:\w+\s+)?$", lead[-25:]))

    agent_possible = arguments.passive or not _ACTIVE_VERB.match(trigger_text)
    agent_window = _AGENT_WINDOW if arguments.passive else _NOMINAL_AGENT_WINDOW
    agent = next((m for m in after if agent_possible and m.cstart - trigger_end <= agent_window
                  and _BY_AGENT.search(text[max(trigger_end, m.cstart - 40):m.cstart])), None)
    agent_why = "agent after 'by'"
    if agent is None and arguments.passive:
        # "five villagers were killed when militants opened fire", "16 militants were killed
        # after troops launched an operation": the clause that tells how names the doer (not
        # "dispatched after ISIL's attack", a possessive in a phrase)
        agent = next((m for m in after if m.cstart - trigger_end <= _AGENT_WINDOW
                      and _HOW_CLAUSE.search(text[trigger_end:m.cstart])
                      and not re.match(r"['’]s?\b", text[m.cend:m.cend + 2])), None)
        agent_why = "subject of the clause that tells how ('when', 'as', 'after')"
    source = next((m for m in after if m.cstart - trigger_end <= _AFTER_WINDOW
                   and _FROM.search(text[max(trigger_end, m.cstart - 30):m.cstart])), None)
    other_side = next((m for m in after if m.cstart - trigger_end <= _AFTER_WINDOW
                       and _AGAINST.search(text[max(trigger_end, m.cstart - 30):m.cstart])), None)
    direct_object = next((m for m in after if m.cstart - trigger_end <= 40
                          and not _PREPOSITION_BEFORE.search(text[trigger_end:m.cstart])
                          and not _CLAUSE_OPENER.search(text[trigger_end:m.cstart])), None)
    subject = None
    for mention in reversed(before):
        prefix = text[max(sentence_start, mention.cstart - 40):mention.cstart]
        if _SPEAKER.match(text[mention.cend:trigger_start]):
            continue        # "Police said the bus came under attack": who tells, not who acts
        if _MEMBERS_OF.search(prefix) or not (_PREPOSITION_BEFORE.search(prefix)
                                              or _OBJECT_OF_VERB.search(prefix)):
            subject = mention
            break
    while subject is not None:
        # "The Iraqi military and pro-Government Shiite militias have taken control": the first
        # conjunct heads the subject, the others join it (assoc_actor1)
        earlier = [m for m in before if m.cend <= subject.cstart
                   and _AND.match(text[m.cend:subject.cstart])]
        if not earlier:
            break
        subject = earlier[-1]

    if agent:
        arguments.actor1 = agent.actor
        arguments.reasons.append(f"actor1 {agent.actor.text!r}: {agent_why}")
        if arguments.passive and subject and not _same(subject.actor, agent.actor):
            arguments.actor2 = subject.actor
            arguments.reasons.append(f"actor2 {subject.actor.text!r}: subject of a passive")
    elif arguments.back_reference:
        arguments.reasons.append("trigger names an event told elsewhere; no subject taken")
    elif arguments.passive and subject:
        arguments.actor2 = subject.actor
        arguments.reasons.append(f"actor2 {subject.actor.text!r}: subject of a passive, no agent")
    elif subject:
        arguments.actor1 = subject.actor
        arguments.reasons.append(f"actor1 {subject.actor.text!r}: subject before the trigger")
    if other_side is not None and arguments.actor1 is None and re.search(
            r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
            text[max(trigger_end, other_side.cstart - 30):other_side.cstart]):
        # "a gunfight broke out between militants and the army": the two sides, in order
        second = next((m for m in after if m.cstart > other_side.cend and not _same(
            m.actor, other_side.actor) and _AND.match(text[other_side.cend:m.cstart])), None)
        if second is not None:
            arguments.actor1, arguments.actor2 = other_side.actor, second.actor
            arguments.reasons.append(f"actor1 {other_side.actor.text!r} and actor2 "
                                     f"{second.actor.text!r}: 'between X and Y'")
    if arguments.actor2 is None:
        for mention, why in ((source, "'from'"), (other_side, "'against/with/on'"),
                             (direct_object, "object")):
            if mention and mention is not agent and not (
                    arguments.actor1 and _same(mention.actor, arguments.actor1)):
                arguments.actor2 = mention.actor
                arguments.reasons.append(f"actor2 {mention.actor.text!r}: {why} after the trigger")
                break
    if arguments.actor2 is None and not arguments.passive and _PRONOUN_OBJECT.match(
            text, trigger_end, sentence_end):
        # "two policemen were on patrol when gunmen attacked them": the pronoun the act takes
        # is the party named before it in the sentence, other than the doer, and not one who
        # tells of it ("the minister claimed that goons fired at him": someone told before)
        earlier = next((m for m in reversed(before) if not (arguments.actor1 and (
            m.actor is arguments.actor1 or _same(m.actor, arguments.actor1)))
            and not _SPEECH.search(text, m.cend, trigger_start)), None)
        if earlier is not None:
            arguments.actor2 = earlier.actor
            arguments.reasons.append(f"actor2 {earlier.actor.text!r}: what the pronoun after "
                                     "the trigger refers to")
    _add_helpers(text, sentence_start, sentence_end, mentions, arguments)
    return arguments


def _add_helpers(text: str, sentence_start: int, sentence_end: int, mentions: list[Mention],
                 arguments: Arguments) -> None:
    """assoc_actor*: coordinated actors ("X and Y") and helpers ("helping X", "backed by Y")."""
    index = {id(m.actor): m for m in mentions}
    for role, assoc in ((arguments.actor1, arguments.assoc_actor1),
                        (arguments.actor2, arguments.assoc_actor2)):
        main = index.get(id(role)) if role else None
        if main is None:
            continue
        for mention in mentions:
            if mention is main or _same(mention.actor, main.actor) or \
                    any(_same(mention.actor, a) for a in assoc):
                continue
            if arguments.actor1 and _same(mention.actor, arguments.actor1) or \
                    arguments.actor2 and _same(mention.actor, arguments.actor2):
                continue
            gap_after = text[main.cend:mention.cstart] if mention.cstart >= main.cend else None
            gap_before = text[mention.cend:main.cstart] if mention.cend <= main.cstart else None
            if gap_after is not None and (_AND.match(gap_after) or _BACKED_BY.match(gap_after + " ")):
                assoc.append(mention.actor)
            elif gap_before is not None and len(gap_before) < 90 and _HELP.search(gap_before) \
                    and role is arguments.actor1:
                assoc.append(mention.actor)
            elif gap_before is not None and _AND.match(gap_before):
                assoc.append(mention.actor)


# -- from the dependency parse ------------------------------------------------------------------
# Universal Dependencies labels (the project's parser is trained on UD EWT) and spaCy's English
# labels, where they differ, both read.
_SUBJECT = {"nsubj", "csubj"}
_PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
_OBJECT = {"obj", "dobj", "iobj"}
_OBLIQUE = {"obl", "nmod", "prep", "obl:agent", "agent", "nmod:agent"}
_POSSESSOR = {"nmod:poss", "poss"}
_HELP_LEMMAS = {"help", "assist", "aid", "support", "back", "join"}


def parsed(tokens: list[Token]) -> bool:
    return any(token.dep for token in tokens)


def find_arguments_parsed(report: Report, first: int, last: int, trigger_start: int,
                          trigger_end: int, mentions: list[Mention]) -> Arguments | None:
    """Arguments from the parse of tokens ``first:last`` (one sentence); None when the trigger's
    token cannot be found, so that the caller falls back to the surface patterns."""
    tokens = report.tokens
    inside = [i for i in range(first, last) if tokens[i].cstart < trigger_end
              and tokens[i].cend > trigger_start]
    if not inside:
        return None
    # the trigger's head word: the one whose head lies outside the trigger
    head = next((i for i in inside if tokens[i].head not in inside or tokens[i].head == i), inside[0])
    children: dict[int, list[int]] = {}
    for index in range(first, last):
        parent = tokens[index].head
        if parent != index and first <= parent < last:
            children.setdefault(parent, []).append(index)
    arguments = Arguments(reasons=["arguments from the dependency parse"])

    def kids(index: int, labels: set[str]) -> list[int]:
        return [c for c in children.get(index, ()) if tokens[c].dep in labels]

    def case_of(index: int) -> str:
        marks = [tokens[c].text.lower() for c in children.get(index, ())
                 if tokens[c].dep in ("case", "mark")]
        return marks[0] if marks else ""

    def span(index: int) -> tuple[int, int]:
        low, high, stack = tokens[index].cstart, tokens[index].cend, [index]
        while stack:
            node = stack.pop()
            low, high = min(low, tokens[node].cstart), max(high, tokens[node].cend)
            stack.extend(children.get(node, ()))
        return low, high

    def actor_at(index: int | None) -> Actor | None:
        if index is None:
            return None
        low, high = span(index)
        inner = [m for m in mentions if m.cstart >= low and m.cend <= high]
        # the mention nearest the phrase's head word ("Fighters from the IS group" -> IS)
        inner.sort(key=lambda m: abs(m.cstart - tokens[index].cstart))
        return inner[0].actor if inner else None

    subject = next(iter(kids(head, _SUBJECT)), None)
    passive_subject = next(iter(kids(head, _PASSIVE_SUBJECT)), None)
    direct_object = next(iter(kids(head, _OBJECT)), None)
    agent = source = None
    for oblique in kids(head, _OBLIQUE):
        marker = case_of(oblique)
        if tokens[oblique].dep in ("obl:agent", "agent", "nmod:agent") or marker == "by":
            agent = oblique
        elif marker == "from":
            source = oblique
        elif marker == "of" and direct_object is None and tokens[head].pos in ("NOUN", "PROPN"):
            direct_object = oblique
    possessor = next(iter(kids(head, _POSSESSOR)), None)
    helper = None
    dep = tokens[head].dep
    parent = tokens[head].head
    if subject is None and passive_subject is None and first <= parent < last and parent != head:
        if dep == "xcomp" and tokens[parent].lemma == "have" and \
                tokens[head].text.lower().endswith(("ed", "en", "wn")):
            # "rebels had two tanks knocked out by the militants": the haver suffers it
            passive_subject = next(iter(kids(parent, _SUBJECT)), None)
        elif dep == "xcomp":
            # "helping regime troops capture Aleppo": the object of "help" does the capturing
            subject = next(iter(kids(parent, _OBJECT)), None) or next(
                iter(kids(parent, _SUBJECT)), None)
            if tokens[parent].lemma in _HELP_LEMMAS:
                helper = next(iter(kids(parent, _SUBJECT)), None)
        elif dep in ("acl", "acl:relcl") and tokens[head].text.lower().endswith(("ed", "en", "wn")):
            passive_subject = parent  # "booty captured from a base"
        elif dep in ("conj", "advcl"):
            subject = next(iter(kids(parent, _SUBJECT)), None)
    arguments.passive = passive_subject is not None or bool(kids(head, {"aux:pass", "auxpass"}))
    arguments.actor1 = actor_at(agent) or actor_at(possessor) or (
        None if arguments.passive else actor_at(subject))
    arguments.actor2 = actor_at(passive_subject) if arguments.passive else None
    if arguments.actor2 is None:
        arguments.actor2 = actor_at(source) or actor_at(direct_object)
    if arguments.actor1 is not None and arguments.actor2 is not None and _same(
            arguments.actor1, arguments.actor2):
        arguments.actor2 = None
    helper_actor = actor_at(helper)
    if helper_actor is not None and arguments.actor1 is not None and not _same(
            helper_actor, arguments.actor1):
        arguments.assoc_actor1.append(helper_actor)
    for role, assoc in ((arguments.actor1, arguments.assoc_actor1),
                        (arguments.actor2, arguments.assoc_actor2)):
        if role is None:
            continue
        for mention in mentions:
            if mention.actor is role:
                for conj in _conjuncts(report, mention, first, last, children):
                    actor = actor_at(conj)
                    if actor is not None and not _same(actor, role) and not any(
                            _same(actor, a) for a in assoc):
                        assoc.append(actor)
    return arguments


def _conjuncts(report: Report, mention: Mention, first: int, last: int,
               children: dict[int, list[int]]) -> list[int]:
    tokens = report.tokens
    heads = [i for i in range(first, last)
             if tokens[i].cstart >= mention.cstart and tokens[i].cend <= mention.cend]
    return [c for h in heads for c in children.get(h, ()) if tokens[c].dep == "conj"]


# -- the owner of a facility the event is about ---------------------------------------------------
# "booty captured from a Russian military base", "overran the rebels' camp", "camps that IS took":
# what is taken, attacked or looted belongs to someone, and that owner is the side that lost it
# (ACLED: actor2 of a looting or of a capture is whoever held the place or property).
_FACILITY = re.compile(r"(?:(?:military|army|air|naval|police|security|rebel|militant)\s+)?"
                       r"(?:bases?|camps?|barracks|depots?|outposts?|garrisons?|airbases?|"
                       r"armou?r(?:y|ies)|checkpoints?|posts?|positions|headquarters|stronghold)\b",
                       re.IGNORECASE)
_OWNER_WORDS = re.compile(r"(?:[\w'’-]+\s+){1,4}$")
_NOT_OWNER = re.compile(r"^(?:the|a|an|its|their|his|her|from|of|at|in|on|into|inside|near|and|"
                        r"several|some|two|three|four|many|main|key|large|new|old|former|nearby|"
                        r"abandoned|strategic|\d+)$", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"^\s+(?:that|which)\s+(?:[\w-]+\s+){1,3}$", re.IGNORECASE)
_OWNER_AFTER_WINDOW = 60   # characters after the trigger searched for the facility it names


def _owner_phrase(text: str, facility_start: int) -> list[tuple[int, int, str]]:
    """The words before a facility noun that may name its owner, as (start, end, word)."""
    match = _OWNER_WORDS.search(text[max(0, facility_start - 60):facility_start])
    if match is None:
        return []
    offset = max(0, facility_start - 60) + match.start()
    words = [(offset + m.start(), offset + m.end(), m.group())
             for m in re.finditer(r"[\w'’-]+", match.group())]
    # the owner is the modifier right before the noun: stop at a preposition or determiner
    kept: list[tuple[int, int, str]] = []
    for start, end, word in reversed(words):
        if re.match(r"^(?:the|a|an|from|of|at|in|on|into|inside|near|by|to)$", word, re.IGNORECASE):
            break
        kept.append((start, end, word))
    return [w for w in reversed(kept) if not _NOT_OWNER.match(w[2])]


def _owner_actor(report: Report, words: list[tuple[int, int, str]], mentions: list[Mention],
                 exclude: Actor | None) -> tuple[Actor, str] | None:
    for start, end, word in words:
        inside = next((m for m in mentions if m.cstart < end and start < m.cend), None)
        if inside is not None:
            if exclude is None or not _same(inside.actor, exclude):
                return inside.actor, f"possessor {inside.actor.text!r} of the facility"
            continue
        bare = re.sub(r"['’]s?$", "", word).lower()
        # "a Russian military base": the report's own "Russian troops" say whose it is
        for mention in locate_mentions(report):
            first = mention.actor.text.split()[0].lower() if mention.actor.text else ""
            if first == bare and mention.actor.name and mention.actor.inter in (1, 2, 3, 4, 8) \
                    and (exclude is None or not _same(mention.actor, exclude)):
                span = report.raw_span(start, end)
                owner = Actor(span.start, span.end, span.text, name=mention.actor.name,
                              type=mention.actor.type, inter=mention.actor.inter,
                              cameo=mention.actor.cameo, country=mention.actor.country,
                              actor_id=mention.actor.actor_id,
                              reason=f"owner of the facility, as {mention.actor.text!r} in the report")
                return owner, f"{word!r} owns the facility, as {mention.actor.text!r}"
    return None


def facility_owner(report: Report, trigger_start: int, trigger_end: int, clause_end: int,
                   mentions: list[Mention], actor1: Actor | None) -> tuple[Actor, str] | None:
    """The actor whose base, camp or depot the event at ``trigger_start:trigger_end`` (clean
    offsets) takes or strikes, with the reason; None when no facility is named or its owner is
    unknown (or is actor1 itself)."""
    text = report.text
    window_end = min(clause_end, trigger_end + _OWNER_AFTER_WINDOW)
    for match in _FACILITY.finditer(text, trigger_end, window_end):
        found = _owner_actor(report, _owner_phrase(text, match.start()), mentions, actor1)
        if found is not None:
            return found[0], f"actor2 {found[0].text!r}: {found[1]} after the trigger"
        break  # only the first facility after the trigger is its object
    # "regime and Russian camps that IS took": the facility before a relative clause
    before_start = max(0, trigger_start - 80)
    for match in _FACILITY.finditer(text, before_start, trigger_start):
        if _RELATIVE_AFTER.match(text[match.end():trigger_start]):
            found = _owner_actor(report, _owner_phrase(text, match.start()), mentions, actor1)
            if found is not None:
                return found[0], f"actor2 {found[0].text!r}: {found[1]} the trigger's clause is about"
    return None
