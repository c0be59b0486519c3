"""Whether a sentence asserts, denies, forecasts or merely suspects an event, and on whose word.

Cues are read in the clause of the trigger (clauses end at ";", ":", a dash, or ", but/while/
whereas/although"). Most cues govern what follows them ("could gain", "many suspect that ...");
a few follow the event they qualify ("the fall of the T4 air base ... appearing imminent"). Cues
that negate only reach a few words ("no one was killed", "failed to"), so that "no immediate
claim of responsibility for the attack" does not deny the attack. A cue qualifies only its own
clause: one inside a parenthesis closed before the trigger ("(a charge he denied) after his
arrest"), or, where the sentence is parsed, inside a relative clause that does not hold the
trigger ("a civilian who tried to rescue him was killed"), is passed over
(``trigger_syntax.cue_reaches``; where the parse runs a who-clause into the main verb, the words
close it at the main verb's "was"/"were"). A yes/no question ("Was the journalist arrested for
his reporting?") asks whether its act happened: uncertain, unless a cue above decided first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Modality", "read_modality", "clause_bounds", "yes_no_question", "asks_at"]

_CLAUSE_BREAK = re.compile(r"[;:\u2014]| -- |,\s+(?:but|while|whereas|although|though|and then|and)"
                           r"\b")


def _cue(*words: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", flags)


# cue -> how many words after it it reaches (None: to the end of the clause)
_NEGATION_NEAR = _cue(r"not", r"never", r"no", r"n't", r"without", r"let alone", r"failed to",
                      r"foiled", r"thwarted", r"averted", r"prevented", r"no one", r"nobody",
                      r"none")
_DENIAL = _cue(r"denied", r"denies", r"deny", r"refuted", r"dismissed reports")
_HYPOTHETICAL = _cue(r"could", r"might", r"would", r"if", r"unless", r"should", r"possibl[ey]",
                     r"potential(?:ly)?", r"risk of", r"threat of", r"in case", r"fears? (?:of|that)",
                     r"likely to", r"(?:attempts?|attempted|attempting|bid|efforts?|trying|tried|sought|seeking)"
                     r" to", r"(?:orders?|ready|readiness) to", r"waiting for",
                     r"(?:attack|offensive|assault|push|campaign|operation|plan|plot)s? to",
                     r"threaten(?:ed|s)? to", r"warn(?:ed|s)? (?:of|that)",
                     # "reached a deal for the evacuation of fighters": what a deal provides for
                     r"(?:deal|agreement|accord|plan|talks|negotiations) (?:for|on|over|to allow|allowing)",
                     r"(?-i:may)", r"call(?:ed|s)? for", r"demand(?:ed|s)?", r"urg(?:ed|es)")
_FUTURE = _cue(r"will", r"'ll", r"going to", r"plans? to", r"planned to", r"planning to",
               r"intends? to", r"intended to", r"set to", r"about to", r"expected to",
               r"prepar(?:e|es|ing) to", r"aims? to", r"seeks? to", r"vow(?:ed|s)? to",
               r"promis(?:ed|es) to", r"upcoming", r"scheduled", r"to be held", r"tomorrow",
               r"next (?:week|month|year)", r"ahead of", r"expected", r"anticipated", r"impending")
_UNCERTAIN = _cue(r"suspects?", r"suspected that", r"believes?", r"believed", r"thought to",
                  r"unconfirmed", r"rumou?r(?:s|ed)?", r"unclear (?:whether|if)", r"not clear",
                  r"may have", r"might have", r"could have", r"apparently", r"allegations? that",
                  r"speculat\w+", r"doubts?")
# an event named only as what someone claims, denies or is accused of: the report is about the
# claim (CASE: ATTRIB), the happening itself is coded from the reports that describe it
_CLAIM = _cue(r"claim(?:ed|s|ing)? (?:the )?responsibility", r"responsibility for", r"responsible for",
              r"accusations?", r"blam(?:ed|es|ing)", r"involvement in", r"credit for",
              r"claim(?:ed|s)(?= (?:the |a |an )?(?:[\w'’-]+ ){0,3}(?:murder|killing|attack|bombing|"
              r"assassination|kidnapping|blast|explosion|strike|ambush)s?\b)",
              r"attributed", r"behind the")
# "a previously unknown group said it carried out the attack": a group's own claim (CASE ATTRIB);
# "the US military said it carried out an air strike" is a state reporting its act (asserted)
_GROUP_SAID = _cue(r"said (?:it|they) (?:had )?(?:carried out|was behind|were behind|conducted|staged)")
_STATE_SPEAKER = re.compile(r"\b(?:military|army|ministry|forces|police|government|command|navy|"
                            r"air force|Pentagon|officials?)\b", re.IGNORECASE)
# "Azerbaijan accused Armenia of shelling", "Guterres on Sunday accused Iran of bombing": one
# government's or party's accusation of another is a claim about who did it (CASE: ATTRIB); an
# accusation by monitors, rights groups or victims is reported as the act (above)
_PARTY_ACCUSATION = re.compile(
    r"(?<!Rights Watch )(?<!International )(?<!Amnesty )(?:\b(?:government|ministry|army|military|"
    r"officials?|spokesm[ae]n|president|minister|Kremlin|Pentagon)|(?<![.!?] )\b(?!(?:UN|NGO|Human|"
    r"Rights|Watch|Amnesty|Tribal|Women|Activists|Residents|Witnesses|Villagers|Relatives|Families|"
    r"The|A|An)\b)[A-Z][\w'’-]+)\s+(?:on \w+\s+|has\s+|have\s+|also\s+|again\s+)?accus(?:ed|es|ing)\b"
    r"(?! of\b)")  # "soldiers accused of raping": a passive, nobody's claim
_AFTER_FUTURE = _cue(r"imminent", r"looming", r"expected", r"planned", r"anticipated",
                     r"in the offing", r"on the cards")
_AFTER_HYPOTHETICAL = _cue(r"possible", r"likely", r"feared", r"threatened", r"risk")
# "rights groups accused soldiers of raping": an allegation of the act itself is reported as the
# act, on the accuser's word (CASE dev codes accusations of abuse as the abuse, 3 snippets of 4;
# accusations *that someone is responsible* for an event stay claims, above)
_ATTRIBUTION = _cue(r"reportedly", r"allegedly", r"purportedly", r"accus(?:ed|es|ing) (?:[\w'-]+ ){0,6}?of",
                    r"according to [^,.;]{1,80}",
                    r"(?:is|are|was|were) said to", r"said to have", r"claimed", r"claims",
                    r"(?:officials?|police|witnesses|sources|residents|activists|the military|"
                    r"the army|a spokesman|spokesm[ae]n|state media|local media|monitors?) "
                    r"(?:said|say|says|reported|told)")

# "Was the journalist arrested for his reporting?": a question whose auxiliary comes first asks
# whether its act happened, it does not tell it. The question opens after the last sentence end,
# quote or clause break before the trigger ("She asked: 'Were they beaten?'")
_QUESTION_OPENS = re.compile(r"(?:^|[.!?;:\u2014\"\u201c(]|\s--)\s*[\"\u201c\u2018']?\s*")
_AUXILIARY_FIRST = re.compile(r"(?:was|were|is|are|am|did|does|do|has|have|had|will|would|can|could|"
                              r"shall|should|may|might|must)(?:n['\u2019]t)?\s+(?!(?:you|we|I)\s+"
                              r"(?:know|think|see|remember|believe|recall)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]")

_ATTRIBUTIVE = re.compile(r"\b(?:an?|the|its|their)\s+$", re.IGNORECASE)
_COMPLETED = re.compile(r"\b(?:after|since|following|having)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEAR_WORDS = 4          # "no one was killed", "failed to capture": a negation reaches 4 words
_MODAL_WORDS = 14        # "could gain more heavy firepower to be used against rebels battling"
_AFTER_WORDS = 9         # "the fall of the nearby regime-Russian T4 air base also appearing imminent"


@dataclass(frozen=True, slots=True)
class Modality:
    value: str                # one of model.MODALITIES
    attribution: str | None   # the words that source the claim ("reportedly", "according to Amaq")
    cue: str | None           # the words that set ``value`` (None when asserted)


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause of ``text`` around ``position``."""
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# (cue start, cue end) in the sentence -> whether the cue governs the trigger (its parse)
Governs = Callable[[int, int], bool]


def _before(pattern: re.Pattern, text: str, clause_start: int, trigger_start: int,
            reach: int | None, governs: Governs | None = None) -> re.Match | None:
    found = None
    # search the whole clause (look-aheads may read past the trigger), keep cues before it
    for match in pattern.finditer(text, clause_start):
        if match.end() > trigger_start:
            break
        if (reach is None or _words_between(text, match.end(), trigger_start) <= reach) and (
                governs is None or governs(match.start(), match.end())) and not _closed_aside(
                    text, match.end(), trigger_start) and not _closed_relative(
                    text, match.start(), match.end(), trigger_start):
            found = match
    return found


def _closed_aside(text: str, cue_end: int, trigger_start: int) -> bool:
    """Whether the cue ends inside a parenthesis closed before the trigger: an aside qualifies
    only its own words ("was shut down (a charge he denied) after his arrest")."""
    between = text[cue_end:trigger_start]
    close = between.find(")")
    return close >= 0 and "(" not in between[:close] and "(" in text[:cue_end]


# "workers who tried to stage a protest were arrested": the who-clause ends where the main
# verb's auxiliary begins; read from the words where the parse runs the clauses together
_WHO_BEFORE = re.compile(r"\bwho\s+(?:had\s+|have\s+|has\s+)?$", re.IGNORECASE)
_MAIN_AUXILIARY = re.compile(r"\s(?:was|were)\s+(?:(?:later|then|also|subsequently|eventually)\s+)?$",
                             re.IGNORECASE)


def _closed_relative(text: str, cue_start: int, cue_end: int, trigger_start: int) -> bool:
    """Whether the cue opens a who-clause that ends before the trigger's own auxiliary: the
    clause tells what the people did, the trigger what was done to them."""
    return bool(_WHO_BEFORE.search(text, max(0, cue_start - 12), cue_start)) and bool(
        _MAIN_AUXILIARY.search(text, cue_end, trigger_start))


def read_modality(text: str, start: int, end: int, governs: Governs | None = None) -> Modality:
    """The modality of the event whose trigger is ``text[start:end]`` (``text``: its sentence).

    ``governs``: where the sentence's parse is known, whether a cue found before the trigger
    qualifies it (``trigger_syntax.cue_reaches``: not from inside a relative clause that does
    not hold it); cues it rejects are passed over."""
    clause_start, clause_end = clause_bounds(text, start)
    attribution_match = _ATTRIBUTION.search(text)
    attribution = attribution_match.group(0) if attribution_match else None

    def found(value: str, match: re.Match) -> Modality:
        return Modality(value, attribution, match.group(0))

    checks = (
        ("negated", _NEGATION_NEAR, _NEAR_WORDS),
        ("negated", _DENIAL, None),
        ("uncertain", _CLAIM, None),
        ("uncertain", _PARTY_ACCUSATION, None),
        ("uncertain", _UNCERTAIN, None),
        ("future", _FUTURE, _MODAL_WORDS),
        ("hypothetical", _HYPOTHETICAL, _MODAL_WORDS),
    )
    # "will advance to Al-Bab after seizing Dabiq": an "after"-clause tells what already happened
    completed = bool(_COMPLETED.search(text, max(0, start - 20), start))
    for value, pattern, reach in checks:
        if completed and value in ("future", "hypothetical"):
            continue
        match = _before(pattern, text, clause_start, start, reach, governs)
        if match is None and pattern is _CLAIM:
            said = _before(_GROUP_SAID, text, clause_start, start, None, governs)
            if said and not _STATE_SPEAKER.search(text, 0, said.start()):
                match = said
        if match:
            if value == "negated" and pattern is _DENIAL and _CLAIM.search(text, match.end(), start):
                value = "uncertain"   # "denied responsibility for the attack": the attack stands
            return found(value, match)
    for value, pattern in (("future", _AFTER_FUTURE), ("hypothetical", _AFTER_HYPOTHETICAL)):
        match = pattern.search(text, end, clause_end)
        if match and _ATTRIBUTIVE.search(text, 0, match.start()):
            continue  # "moved troops ahead of an expected offensive": the cue is the offensive's
        if match and _words_between(text, end, match.start()) <= _AFTER_WORDS:
            return found(value, match)
    question = yes_no_question(text, start, end)
    if question:
        return Modality("uncertain", attribution, question)
    return Modality("asserted", attribution, None)


def yes_no_question(text: str, start: int, end: int) -> str | None:
    """The auxiliary that opens a yes/no question holding the trigger ``text[start:end]`` (the
    first sentence end after the trigger is "?"), or None. "Did police beat the protesters?"
    asks; "Why were they arrested?" (a wh-question) takes its act as given and is not one;
    nor is a question put as a figure of speech about what one knows ("Do you remember the
    day soldiers stormed the village?"), which takes the act as given too."""
    if not asks_at(text, end):
        return None
    opening = 0
    for match in _QUESTION_OPENS.finditer(text, 0, start):
        if match.end() <= start:
            opening = match.end()
    auxiliary = _AUXILIARY_FIRST.match(text, opening, start)
    return auxiliary.group(0).strip() if auxiliary else None


def asks_at(text: str, end: int) -> bool:
    """Whether the first sentence end in ``text`` after ``end`` (a trigger's) is "?": the
    trigger stands in a question."""
    after = _SENTENCE_END.search(text, end)
    return after is not None and after.group(0) == "?"
