"""How far an event mention stands as the act its sentence reports.

A sentence names many acts besides the one it tells: the attack a statement condemns, the strike
a protest is against, the earlier killing given as the occasion of today's news, the air strikes
that backed an advance, a relative clause's background, a participle describing an actor. Each
keeps its coding but ranks lower (its confidence drops, with the reason recorded), so that the
assessment and ``merge_events`` prefer the reported act. Read from the words before the trigger
in its sentence; ``detect_events`` (stage.py) calls ``weigh`` for every coded mention, and
``results_under_their_act`` for a sentence's mentions together: a participle of result
("clashed with guns, killing one") ranks below the act its clause tells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import Event
from .arguments import Arguments
from .codebook import Coding
from .rule_cues import PROTEST_OCCASION_BEFORE

__all__ = ["weigh", "results_under_their_act", "CAUSE_OF_ARREST"]

CAUSE_OF_ARREST = "named as what an arrest is for"

# a participle of result opens its own phrase after a comma: ", killing one", ", reportedly
# injuring ten"
_RESULT_PARTICIPLE = re.compile(r",\s*(?:\w+ly\s+)?$")
_ING_WORD = re.compile(r"[a-z]+ing", re.IGNORECASE)
# the acts a result participle belongs to: harm to people and crowds' acts
_RESULT_OF = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots",
              "Protests"}
# how far below its act a result participle's mention ranks
_BELOW_ITS_ACT = 0.03
# the frames of words of harm a result participle is read from ("killing", "injuring")
_HARM_FRAMES = {"attack", "clash"}

_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\b\w+\s+)(?:who|which|whom|whose)\b", re.IGNORECASE)
_DESCRIBING_PARTICIPLE = re.compile(r"^\w+ing$")
_CAUSE_BEFORE = re.compile(r"\b(?:after|following|over|for|in response to|in retaliation for|"
                           r"because of|due to|amid|against)\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
# "condemned the attack", "blamed Moscow for the strike": the event is what the statement is about
_OBJECT_OF_STATEMENT = re.compile(r"\b(?:condemn|denounc|deplor|decr[iy]|blam|mourn|investigat|probe|"
                                  r"welcom|prais|criticis|criticiz)\w*\s+(?:[\w'’-]+\s+){0,3}"
                                  r"(?:(?:and|or)\s+(?:[\w'’-]+\s+){0,2})?$|"
                                  r"\bdiscuss\w*\s+(?:[\w'’-]+\s+){0,7}$",
                                  re.IGNORECASE)
_OBJECT_OF_PROTEST = re.compile(r"\b(?:protest\w*|rall\w*|demonstrat\w*|march\w*)\s+(?:[\w'’-]+\s+){0,8}?"
                                r"(?:against|over|denouncing|condemning)\s+(?:[\w'’-]+\s+){0,3}$",
                                re.IGNORECASE)
# "arrested three men over the kidnapping of", "detained for the murder of": the act the arrest
# is for, done earlier by others
_CAUSE_OF_ARREST = re.compile(r"\b(?:arrest\w*|detain\w*|nabbed|apprehended|rounded up|picked up|"
                              r"booked)\s+(?:[\w'’-]+\s+){0,6}?(?:over|for|in connection with|"
                              r"behind)\s+(?:the|a|an|his|her|their)\s+$", re.IGNORECASE)
_SUPPORTING = re.compile(r"\b(?:(?:backed|supported|aided|assisted|covered|helped)\s+by|under (?:the )?cover "
                         r"of|with the (?:help|support|backing) of)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_EARLIER_CLAUSE = re.compile(r"\b(?:after|following|since|weeks after|months after|days after)\s+"
                             r"(?:[\w'’-]+\s+){0,9}$", re.IGNORECASE)
_EARLIER_TIME = re.compile(r"\b(?:last (?:week|month|year|spring|summer|autumn|winter)|earlier this "
                           r"(?:week|month|year)|(?:weeks|months|years) (?:ago|earlier)|in (?:19|20)\d\d)\b",
                           re.IGNORECASE)


def weigh(text: str, start: int, end: int, frame: str, weight: float, coding: Coding,
          arguments: Arguments, diplomatic_before: bool,
          after_actor: Callable[[str], bool]) -> tuple[Coding, float, list[str]]:
    """The mention ``text[start:end]``'s coding, confidence and reasons so far, from its
    trigger ``frame``'s ``weight``. ``diplomatic_before``: a diplomatic act's word comes earlier in
    the sentence; ``after_actor(words)``: whether ``words`` end with an actor's noun group."""
    relative = _RELATIVE_BEFORE.search(text[:start])
    if relative and coding.event_type and _PERFECT_BEFORE.search(text[:start]):
        # ", which has pledged allegiance to Islamic State,": background, not news
        coding = Coding(None, coding.plover_type, coding.plover_mode, coding.cameo_root,
                        coding.reason + "; background in a relative clause")
    confidence = weight + coding.weight_change - 0.02 * start / max(1, len(text))
    reasons = [f"trigger {text[start:end]!r} ({frame})", coding.reason, *arguments.reasons]
    if arguments.actor1 is not None:
        confidence += 0.04
    if coding.event_type is None:
        # statements and diplomacy rank below any political-violence event of the report,
        # and among themselves by position: the first is usually the main clause's verb
        # ("X rejected the agreement")
        confidence = 0.45 - 0.15 * start / max(1, len(text))
    if coding.event_type and diplomatic_before and (
            _CAUSE_BEFORE.search(text[:start][-70:]) or _OBJECT_OF_STATEMENT.search(
                text[:start][-60:]) or coding.sub_event_type == "Other"):
        confidence = min(confidence, 0.25)
        reasons.append("named as the cause of a diplomatic act")
    if _DESCRIBING_PARTICIPLE.search(text[start:end]) and after_actor(text[:start]):
        # "Syrian rebels fighting IS ... had two tanks knocked out": the participle describes
        # the actor; the finite verb tells the event
        confidence -= 0.1
        reasons.append("participle describing an actor, not the reported act")
    if relative and not arguments.back_reference:
        # "captured a commander who heads the unit that carried out a mortar shelling": a
        # relative clause tells background, the main clause the event
        confidence -= 0.12
        reasons.append("inside a relative clause")
    if coding.event_type and (_OBJECT_OF_PROTEST.search(text[:start][-120:]) or
                              PROTEST_OCCASION_BEFORE.search(text[:start][-160:])):
        # "protested outside the embassy against the air strikes", "demanding the release of
        # the detained leader": what the crowd protests
        confidence = min(confidence, 0.25)
        reasons.append("named as what a protest is against")
    if coding.event_type and coding.sub_event_type != "Arrests" and \
            _CAUSE_OF_ARREST.search(text[:start][-90:]):
        # "police arrested three men over the kidnapping of a pastor": the arrest is the news,
        # the kidnapping (by others, earlier) what it is for
        confidence -= 0.3
        reasons.append(CAUSE_OF_ARREST)
    if _SUPPORTING.search(text[:start][-60:]):
        # "troops backed by air strikes recaptured the town": a means in support of the act
        confidence -= 0.3
        reasons.append("means in support of another act")
    if _EARLIER_CLAUSE.search(text[:start][-90:]) and _EARLIER_TIME.search(text, end, end + 60):
        # "named a new leader after its chief was killed in a drone strike last month": an
        # earlier event given as the occasion of the one the report tells
        confidence -= 0.3
        reasons.append("an earlier event named as the occasion")
    if arguments.back_reference:
        confidence -= 0.2
        reasons.append("back reference to an event told elsewhere")
    return coding, confidence, reasons


def results_under_their_act(text: str, candidates: list[tuple[str, Event, bool]],
                            starts: list[int], passed_over: Callable[[Event], bool]
                            ) -> list[tuple[str, Event, bool]]:
    """A participle of result after a comma ("clashed with guns, killing one"; "rioted,
    injuring ten") tells what the clause's act did, not an act of its own: ACLED codes the
    clause's act (a fight, a riot, an explosion) with the result's dead. Its mention ranks just
    below that act: the most confident asserted violent or crowd act before it in the sentence
    read from a word of another frame (not one ACLED passes over for harm, such as an arrest:
    ``passed_over``). The participle must be a word of harm (the attack or clash frames), not of a means
    ("detonating his vest"); after an attack word ("gunmen attacked two villages, killing 20")
    the result tells whom the attack struck and is left to decide it."""
    acts = [(start, frame, event) for start, (frame, event, back) in zip(starts, candidates)
            if event.modality == "asserted" and not back
            and event.event_type in _RESULT_OF and event.sub_event_type != "Peaceful protest"
            and not passed_over(event) and "inside a relative clause" not in event.reasons]
    if not acts:
        return candidates
    result = []
    for start, (frame, event, back) in zip(starts, candidates):
        before = [act for at, act_frame, act in acts if at < start and act_frame != frame
                  and act.sub_event_type != event.sub_event_type]
        word = text[start:].split(None, 1)[0].strip(",.;")
        if before and frame in _HARM_FRAMES and event.event_type and _ING_WORD.fullmatch(word) \
                and _RESULT_PARTICIPLE.search(text[:start]):
            act = max(before, key=lambda e: e.confidence)
            if event.confidence >= act.confidence - _BELOW_ITS_ACT:
                event = replace(event, confidence=round(act.confidence - _BELOW_ITS_ACT, 3),
                                reasons=event.reasons + (
                                    f"participle of result of the act {act.trigger.text!r} "
                                    "its clause tells" if act.trigger else
                                    "participle of result of its clause's act",))
        result.append((frame, event, back))
    return result
