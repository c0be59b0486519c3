"""Who holds whom: arrests, abductions and the protests they are told with (the codebook's rules
for the arrest and abduction frames, a part of ``codebook.Rules``).

ACLED tells an arrest from an abduction by the actor, not by the word: state forces (police,
soldiers, intelligence, on a court's order) detaining people is an arrest; people seized by
unidentified or non-state armed men is an abduction or forced disappearance. The report's own
words of kidnapping or disappearance keep an abduction whoever did it ("security forces
abducted a man", "Pakistani forces have abducted five people": a seizure outside the law, as the
CASE 2021 annotators of ACLED's data code it); only words that say no more than that people were
taken away ("taken from her home by plainclothes officers", "forcibly removed ... by police")
follow the actor. And the reverse: "masked men detained the protest leader", "unknown gunmen
detained two traders": nobody is arrested by unidentified armed men.

An arrest is a protest with intervention only when it is told with a demonstration that was
held: not when the protest is *about* the arrest ("protested against the arrest of their
leader", "demanding the release of a detained union leader", "to protest his detention"): that
arrest happened before, and the protest is a protest, whatever the police did then.
"""

from __future__ import annotations

import re

from .coding import Context, Coding, acled, plover_only
from .rule_cues import (DEAL, DISAPPEARED, HOSTAGE_RELEASE, ORGANISED_CRIME, PERSON_ROLES,
                        PROTEST_AHEAD, PROTEST_OCCASION_BEFORE, SIDE_BY_SIDE, UNKNOWN_PLACE)

__all__ = ["DetentionRules", "covered_by_reporters", "without_protest_occasion"]

# the words of the abduction frame that say a person was kidnapped, held hostage or made to
# disappear; the frame's other words ("taken from her home", "forcibly removed", "whisked
# away", "snatched") only say that people were taken away, which the taker decides
_ABDUCTION_WORDS = re.compile(r"abduct|kidnap|hostage|captiv|disappear|vanish|missing|hijack|"
                              r"unknown|undisclosed|whereabouts|never|not been|gunpoint|bush|"
                              r"forest|jungle|mountains|hills", re.IGNORECASE)
# unidentified armed men as the doers, right before an active verb ("Unknown gunmen detained",
# "masked men have seized") or after "by" ("were detained by masked men")
_UNIDENTIFIED_MEN = (r"(?:(?:unknown|unidentified|masked|hooded|armed)\s+(?:[\w-]+\s+)?"
                     r"(?:m[ae]n|persons?|people|individuals|assailants|attackers|gunm[ae]n)|"
                     r"gunm[ae]n|kidnappers|abductors|bandits|pirates)")
_TAKERS_BEFORE = re.compile(r"\b" + _UNIDENTIFIED_MEN + r"\s+(?:(?:\w+ly|have|has|had|also|then|"
                            r"reportedly|allegedly)\s+)*$", re.IGNORECASE)
_TAKERS_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}?by\s+(?:a\s+|the\s+)?(?:group\s+of\s+)?"
                           r"(?:\w+\s+)?" + _UNIDENTIFIED_MEN + r"\b", re.IGNORECASE)
# the arrest frame's verbs (not "in custody", "detainees", "detention": states and people)
_TAKING_VERB = re.compile(r"(?:re-?)?(?:arrest|detain|apprehend)(?:ed|s|ing)?$|nabbed|"
                          r"rounded up|picked up", re.IGNORECASE)
# what a protest is about: an arrest named after "against", "over", "to protest", "demanding the
# release of" and a determiner ("against the arrest of", "the release of a detained union
# leader") is the protest's occasion (the words up to the end of its clause); not a count
# ("over 200 were arrested"), not a release after the arrest ("set free after being detained")
_OCCASION = (r"\b(?:against|over|protesting|to\s+protest|denouncing|condemning|about|"
             r"(?:release|freedom)\s+of|free|release)\s+")
_DETERMINER = r"(?:the|a|an|his|her|their|its|our|two|three|several)\s+"
_ARREST_WORD = (r"(?:arrest\w*|detention\w*|detain\w*|jail\w*|imprison\w*|incarcerat\w*|"
                r"custody|abduct\w*|kidnap\w*|disappearance)")
_OCCASION_OF_PROTEST = re.compile(_OCCASION + _DETERMINER + r"(?:[\w'’-]+\s+){0,3}?"
                                  + _ARREST_WORD + r"\b[^,;.]*", re.IGNORECASE)
# a participle before its noun ("the jailed opposition leader", "two detained activists"): what
# befell a person before, not an act told here
_BEFORE_A_NOUN = re.compile(r"\b(?:the|a|an|his|her|their|its|our|two|three|four|five|several)"
                            r"\s+$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"(?:re-?)?(?:arrest|detain|jail|imprison|incarcerat)ed", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+(?!(?:by|in|on|at|for|during|after|before|with|and|or|since|near|"
                        r"outside|inside|across|around|along|amid|following|through|without|"
                        r"under|over|from|to|as|when|while|last|this|that|who|which|earlier|"
                        r"later|again|yesterday|today)\b)[a-z][\w-]*", re.IGNORECASE)
_ENDS_WITH_BY = re.compile(r"\bby$", re.IGNORECASE)
# journalists at work at a demonstration are not its demonstrators
_COVERING = re.compile(r"\b(?:covering|cover|reporting\s+(?:on|from)|filming|photographing|"
                       r"documenting|monitoring)\s+(?:[\w'’-]+\s+){0,3}?(?:protests?|"
                       r"rall(?:y|ies)|demonstrations?|march(?:es)?|sit-ins?|strikes?)\b",
                       re.IGNORECASE)
_COVERED_BEFORE = re.compile(r"\b(?:covering|cover|reporting\s+(?:on|from)|filming|photographing|"
                             r"documenting|monitoring)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_DEMONSTRATORS = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|marchers|strikers)\b",
                            re.IGNORECASE)


def covered_by_reporters(context: Context) -> bool:
    """Whether the protest mention is named as what reporters were covering ("journalists
    detained while covering protests of the coup"): whom the police detained there is the
    reporters, not the demonstrators."""
    return bool(_COVERED_BEFORE.search(context.before[-60:]))


def without_protest_occasion(text: str) -> str:
    """``text`` with what a protest is about blanked ("against the arrest of their leader by
    police"): an arrest told as the occasion is no intervention at this protest."""
    return _OCCASION_OF_PROTEST.sub(lambda m: " " * len(m.group(0)), text)


class DetentionRules:
    """The arrest and abduction frames' rules; mixed into ``codebook.Rules``, whose lexicon
    roles and cues they read."""

    def code_arrest(self, context: Context) -> Coding | None:
        # ACLED: the detention of a significant individual (a politician, an official) is an
        # arrest event even when the charge is corruption and a court follows
        reason = None if self.politician.search(context.sentence) else self.non_political(context)
        if reason:
            return plover_only("COERCE", "arrest", "17", reason)
        if self.unidentified_takers(context):
            return acled("Abduction/forced disappearance",
                         "people seized by unidentified armed men: no arrest", -0.05)
        if PROTEST_OCCASION_BEFORE.search(context.before[-160:]):
            # "protested against the arrest of their leader": ranked low (prominence.py)
            return acled("Arrests", "an arrest named as what a protest is about")
        if self.protest_told_with(context) and not PROTEST_AHEAD.search(context.sentence):
            if _PARTICIPLE.fullmatch(context.trigger) and \
                    _BEFORE_A_NOUN.search(context.before[-40:]) and _NOUN_NEXT.match(context.after):
                # "supporters of the jailed opposition leader marched": what befell him before
                return acled("Arrests", "a person told as detained beside a protest, not "
                             "demonstrators arrested", -0.1)
            return acled("Protest with intervention", "demonstrators arrested", -0.05)
        return acled("Arrests", "people detained by authorities")

    def unidentified_takers(self, context: Context) -> bool:
        """Whether the arrest verb's doers are unidentified armed men ("Unknown gunmen
        detained two traders", "she was detained by masked men")."""
        if not _TAKING_VERB.search(context.trigger):
            return False
        if context.passive:
            return bool(_TAKERS_AFTER.match(context.after))
        return bool(_TAKERS_BEFORE.search(context.before[-60:]))

    def protest_told_with(self, context: Context) -> bool:
        """Whether the arrest is told with a demonstration: in its sentence, or, where the
        sentence sets two happenings side by side ("14 leaders were put under house arrest, while
        in Chitrakoot workers who tried to stage a protest were arrested"), in its own clause."""
        if _COVERING.search(context.sentence) and not _DEMONSTRATORS.search(context.sentence):
            return False    # "journalists were detained while covering protests"
        if not SIDE_BY_SIDE.search(context.sentence):
            return "protester" in context.sentence_roles or "protest" in context.frames_here
        clause = context.before + context.trigger + context.after
        return bool(self.protester.search(clause) or self.protest_words.search(clause))

    def code_abduction(self, context: Context) -> Coding | None:
        if ORGANISED_CRIME.search(context.sentence) and not self.nonstate_named(context.sentence) \
                and not self.has("political", context.sentence):
            # "police dismantled a gang that kidnapped businessmen for ransom" (CASE ORG_CRIME)
            return plover_only("COERCE", "abduct", "18", "kidnapping by a criminal gang")
        release = HOSTAGE_RELEASE.search(context.before)
        if release:
            freeing = context.before[:release.start()]
            if self.cues_state(freeing) and not self.nonstate.search(freeing) and \
                    not DEAL.search(context.sentence):
                # "police freed a businessman kidnapped on Monday": state forces rescuing the
                # captives of others is no agreement between the sides (nor is it the abduction)
                return None
            # "released the hostages", "freed 20 captives in exchange for ...": an agreement
            return acled("Agreement", "captives released", plover="CONCEDE", mode=None)
        if UNKNOWN_PLACE.search(context.trigger) and context.frames_here & {"arrest", "territory"}:
            return None  # "detained and taken to an undisclosed location": the verb codes it
        if DISAPPEARED.match(context.trigger) and (
                self.non_political(context) or not context.sentence_roles & PERSON_ROLES
                or self.disaster.search(context.sentence)):
            # "the plane disappeared from radar", "hikers went missing in the storm": people
            # vanishing is a forced disappearance only where someone political took them
            return None
        if not _ABDUCTION_WORDS.search(context.trigger) and self.state_takers(context):
            # "taken from her home by plainclothes officers", "forcibly removed ... by police":
            # people taken away by the state's forces are arrested
            return acled("Arrests", "people taken away by state forces: an arrest", -0.05)
        return acled("Abduction/forced disappearance", "people abducted or disappeared")

    def state_takers(self, context: Context) -> bool:
        """Whether the doers of the taking are the state's (their roles, or the actor's code)."""
        if _ENDS_WITH_BY.search(context.trigger):
            # "taken away by police": the doers follow the trigger's own "by"
            doers = context.after[:40]
            return bool(self.state.search(doers)) and not self.nonstate.search(doers)
        if context.actor1_inter is not None:
            return context.actor1_inter == 1 and "nonstate" not in context.agent_roles
        return "state" in context.agent_roles and "nonstate" not in context.agent_roles
