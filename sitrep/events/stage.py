"""The ``detect_events`` stage: event mentions, sentence by sentence, coded in ACLED, PLOVER and
CAMEO with their arguments, modality, fatalities and evidence.

For each sentence: find trigger words (triggers.toml), keep the most specific where two overlap,
read each trigger's clause (who acts, on whom, which place follows, which cues surround it), let
the codebook's rules (codebook.py) code it, read its modality (modality.py) and attach the actors
(arguments.py), the casualty count of its sentence and the sentence as evidence. A mention that
names an event told elsewhere ("after the capture of Palmyra") is kept with a lower confidence so
that ``merge_events`` folds it into the event it refers to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..clean.captions import Caption, find_captions
from ..language.prefilter import Prefilter
from ..language.fatalities import event_fatalities
from ..model import Actor, Event, Report, Sentence, Span
from .arguments import (Arguments, Mention, facility_owner, find_arguments,
                        find_arguments_parsed, locate_mentions, parsed)
from .codebook import Coding, Context, Rules
from .discourse import (adopt_weapon_readings, fold_into_mob_violence, mark_contested,
                        resolve_back_references)
from .lexicon import Lexicon, load_lexicon
from .meeting import meets_no_party, names_people
from .merge import explosions_within_battles
from .modality import clause_bounds, read_modality
from .name_layer import blank_names_of_organisations
from .positions import (any_between, clean_position, fallback_sentences, inside_name,
                        mostly_capitals, sentence_token_ranges)
from .prominence import results_under_their_act, weigh
from .speakers import commentator_view
from .trigger_syntax import (cue_reaches, in_a_series_of_phrases, lists_kinds_of_act,
                             modifies_another_noun, named_as_a_charge, under_an_intention)

__all__ = ["DetectEvents"]

# ACLED inter code -> the role word class the rules use
_INTER_ROLE = {1: "state", 2: "nonstate", 3: "nonstate", 4: "nonstate", 5: "rioter",
               6: "protester", 7: "civilian", 8: "state"}
# frames whose event stands in for the generic violence words of the same sentence
_SPECIFIC = {"chemical", "suicide", "grenade", "airstrike", "shelling", "projectile", "explosive",
             "territory", "protest", "riot", "sexual", "abduction", "weapons", "looting", "disrupt"}
_GENERIC = {"attack", "clash"}
# frames whose words name a weapon, a means or the actors rather than an act: as a noun's
# modifier they still tell how or by whom ("chlorine gas", "mortar systems", "tear gas", "mob
# violence"); the other frames' nouns name acts, and an act word only qualifying another noun
# tells no event ("an aid worker", "an arrest warrant": trigger_syntax.py). CASE dev
# (2026-12-06): weighted F1 0.883 with every frame, 0.890 without these.
_NAMES_MEANS_OR_ACTORS = {"chemical", "suicide", "grenade", "airstrike", "shelling", "projectile",
                          "explosive", "weapons", "crowd_control", "riot"}
# explosive means that, used with firearms, make an attack a fight rather than remote violence
_BESIDE_FIREARMS = {"grenade", "explosive", "projectile", "shelling"}
_FIREARMS = re.compile(r"\b(?:guns?|gunfire|gun ?shots?|small[- ]arms|rifles?|automatic weapons|"
                       r"opened fire|shooting|shot at|bullets?)\b", re.IGNORECASE)
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                  "Riots", "Protests"}
_LATER_SENTENCE = 0.03
# sentences whose trigger matches wait for this stage (see ``needs_dependencies``): a report's
# worth, unless reports are rejected between segment and here, which this bound forgets
_WAITING_SIZE = 10_000
_CONTAINED_WEIGHT = 0.05
_VICTIM_STATE = re.compile(r"killed|injured|wounded|hurt|shot dead|shot|murdered|massacred|beheaded",
                           re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s*(?:(?:and|or) \w+ )?(?:the|a|an|at least|more than|some|several|dozens|scores|hundreds|"
                           r"his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|[A-Z])\b")
_LOCATIVE = re.compile(r"\b(?:at|near|outside|close to|next to|in front of|beside)\s+(?:an?|the)\s+"
                       r"(?:[\w-]+\s+)?(?:checkpoints?|posts?|bases?|barracks|camps?|positions?)\b",
                       re.IGNORECASE)
_ARMED_ROLES = {"state", "nonstate", "military_target"}
_UNARMED_OFFICIAL = re.compile(r"\b(?:officials?|ministers?|mayors?|governors?|council+ors?|politicians?|"
                               r"lawmakers?|legislators?|candidates?|judges?|prosecutors?|administrators?|"
                               r"diplomats?|ambassadors?|senators?|MPs?|chiefs?)\b", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s*(?:\w+\s+){0,2}?by\b", re.IGNORECASE)
# how far an outranked mention drops: below any attack mention (weights 0.66-0.72 less 0.02)
# when its own weight is the abduction frame's 0.82
_OUTRANKED = 0.2
_TERRITORY_TAKEN = {"Non-state actor overtakes territory", "Government regains territory"}
_HARM_TO_PEOPLE = {"Battles", "Violence against civilians", "Explosions/Remote violence"}
# triggers that name harm done to people ("raided a warehouse" does not)
_HARM_WORD = re.compile(r"shot|shoot|gun|fire[ds]? (?:on|at|upon|into)|kill|wound|injur|massacr|murder|"
                        r"behead|stab|hack|execut|tortur|beat|slaughter|assassin|bomb|blast|explo|"
                        r"strike|shell|rocket|missile|mortar|grenade|suicide|clash|fight|battle|ambush",
                        re.IGNORECASE)


def _OUTRANKED_BY_HARM(event: Event) -> bool:
    """Property harm, detention and abduction: ACLED codes the killing or wounding instead when
    the same sentence tells one ("executed five hostages", "rounded up the men and shot them")."""
    return event.sub_event_type in ("Arrests", "Abduction/forced disappearance") or (
        event.sub_event_type == "Looting/property destruction" and event.plover_mode != "seize")

_AGGREGATE = re.compile(r"\bsince (?:(?:late|early|mid)[ -])?(?:\d{4}|(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)(?: \d{4})?|the (?:start|beginning))\b|"
                        r"\b(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years|months|decades?)\b|"
                        r"\bso far this year\b|\bthis year alone\b|"
                        r"\b(?:has|have) (?:\w+ )?\w+ed (?:more than |over )?(?:thousands|tens of "
                        r"thousands|hundreds of thousands)\b")
_COOPERATIVE = {"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE"}
_INQUIRY = re.compile(r"investigat|probe|inquir", re.IGNORECASE)
# a violent event named as the cause of a diplomatic act ("expelled diplomats after a nerve agent
# attack"): the report is about the diplomacy; the event is coded from reports that tell it
_DIPLOMATIC = {"sanction", "accuse", "consult", "threaten", "request", "reject"}
# events whose object may be a facility of the other side ("looted a Russian base": actor2 Russia)
_FACILITY_TYPES = {"Looting/property destruction", "Non-state actor overtakes territory",
                   "Government regains territory", "Non-violent transfer of territory",
                   "Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}
_PREVENTION = re.compile(r"foiled|thwarted|averted|prevented", re.IGNORECASE)
_PROPER_NAME_AFTER = re.compile(r"^\W*(?:(?:the|of|a|an|its|key|strategic|central|northern|"
                                r"southern|eastern|western|town|city|village|district)\s+){0,4}"
                                r"[A-Z][\w'-]+")


class DetectEvents:
    """Find and code the events a report tells (see module docstring).

    ``triggers``/``context``: TOML word lists replacing the shipped ones; ``max_sentence_chars``:
    longer sentences (tables, run-on lists) are read only up to that many characters;
    ``max_events_per_sentence``: the most confident mentions kept per sentence (caps recorded);
    ``parse_roles``: let the dependency parse fill actor1/actor2 where the surface patterns find
    none (off by default: see the measurement in ``_code_mention``).
    """

    name = "detect_events"

    def __init__(self, triggers: str | None = None, context: str | None = None,
                 max_sentence_chars: int = 1500, max_events_per_sentence: int = 6,
                 parse_roles: bool = False) -> None:
        self.lexicon: Lexicon = load_lexicon(triggers, context)
        # which frames can match a sentence, read from their first letters: a sentence is scanned
        # by ~7 of the 37 frame patterns instead of all of them, with the same matches (issue 17)
        self._frames_for = Prefilter([frame.pattern for frame in self.lexicon.frames])
        # the same for the role word lists, read many times per trigger (its clause, its
        # actors, the words before and after it)
        self._role_names = list(self.lexicon.roles)
        self._role_patterns = list(self.lexicon.roles.values())
        self._site = self.lexicon.roles["military_target"]
        self._force = [self.lexicon.roles[name] for name in ("state", "nonstate")]
        self._people = names_people(self.lexicon.roles)
        self._roles_for = Prefilter(self._role_patterns)
        self.rules = Rules(self.lexicon)
        self.max_sentence_chars = int(max_sentence_chars)
        self.max_events_per_sentence = int(max_events_per_sentence)
        self.parse_roles = bool(parse_roles)
        # sentence text -> its frame matches, found by ``needs_dependencies`` (segment) and
        # taken when this stage reads the sentence
        self._waiting: dict[str, list[tuple[int, int, int]]] = {}

    def needs_dependencies(self, text: str) -> bool:
        """Can this sentence hold a trigger? Only those sentences' parse is read, here and by
        the stages that read an event's own sentence (date_events, assess_events). The frames'
        matches are kept until this stage reads the sentence, so they are found once."""
        found = self._frame_matches(text)
        if len(text) <= self.max_sentence_chars:
            if len(self._waiting) >= _WAITING_SIZE:
                self._waiting.clear()       # reports rejected before this stage left theirs
            self._waiting[text] = found
        return bool(found)

    def _frame_matches(self, text: str) -> list[tuple[int, int, int]]:
        """``(frame index, start, end)`` of every match of every frame in ``text`` (each scan
        starts at the frame's first possible beginning: 2.9 -> 2.1 ms per article)."""
        frames = self.lexicon.frames
        return [(index, match.start(), match.end())
                for index, position in self._frames_for.starts(text)
                for match in frames[index].pattern.finditer(text, position)]

    def __call__(self, report: Report) -> Report:
        sentences = report.sentences or fallback_sentences(report)
        mentions = locate_mentions(report)
        events: list[Event] = []
        protester = self.lexicon.roles["protester"]
        token_ranges = sentence_token_ranges(report, len(sentences)) \
            if report.sentences and parsed(report.tokens) else {}
        mention_starts = [m.cstart for m in mentions]
        # place mentions in clean offsets, sorted: looked up by bisection (reports may be long)
        place_positions = sorted(clean_position(report, place.start) for place in report.places)
        captions = find_captions(report)
        caption_starts = [caption.cstart for caption in captions]
        for index, sentence in enumerate(sentences):
            # a protest is read with its neighbouring sentences when they speak of the crowd too
            window = " ".join(
                report.text[other.cstart:other.cend][:self.max_sentence_chars]
                for other in sentences[max(0, index - 1):index + 2]
                if other is sentence or protester.search(report.text[other.cstart:other.cend]))
            low = bisect_left(mention_starts, sentence.cstart)
            high = bisect_left(mention_starts, sentence.cend)
            in_sentence = [m for m in mentions[low:high] if m.cend <= sentence.cend]
            neighbours = " ".join(report.text[other.cstart:other.cend][:self.max_sentence_chars]
                                  for other in (sentences[index - 1] if index else None,
                                                sentences[index + 1] if index + 1 < len(sentences)
                                                else None) if other is not None)
            found = self._sentence_events(report, sentence, in_sentence, window, neighbours,
                                          token_ranges.get(index), place_positions)
            if index:
                # news puts the main event first: later sentences' mentions rank a little lower
                # (CASE 2021 dev: labels follow the lead event; 0.03 a sentence beat 0.05 and
                # 0.07 on the less-inspected half, weighted F1 0.864 vs 0.859 and 0.853)
                penalty = _LATER_SENTENCE * min(index, 3)
                found = [replace(e, confidence=round(max(0.05, e.confidence - penalty), 3))
                         for e in found]
            caption = _caption_of(captions, caption_starts, sentence)
            if caption is not None:
                found = [_as_captioned(e, caption) for e in found]
            events.extend(found)
        events = resolve_back_references(adopt_weapon_readings(events))
        # Each demonstration mention keeps the sub-event type its own sentence gives: a whole
        # article often tells several demonstrations (an authorised rally across town, a march
        # the police broke up), and typing them all as the most forceful one (tried until
        # 2026-12-06) mistyped the others: on the 120 annotated HRDsAttack articles, out of
        # fold, sub-type right on found events 0.876 -> 0.880, precision 0.644 -> 0.652,
        # recall 0.673 -> 0.692; one demonstration told twice is folded by merge_events.
        report.events = fold_into_mob_violence(mark_contested(events))
        return report

    # -- one sentence ---------------------------------------------------------------------
    def _sentence_events(self, report: Report, sentence: Sentence, mentions: list[Mention],
                         window: str, neighbours: str = "",
                         token_range: tuple[int, int] | None = None,
                         places: list[int] | None = None) -> list[Event]:
        text = report.text[sentence.cstart:sentence.cend]
        capped = len(text) > self.max_sentence_chars
        if capped:
            text = text[:self.max_sentence_chars]
        matches = self._triggers(text)
        frames_here = {frame for frame, _, _, _ in matches}
        diplomatic_starts = [start for frame, start, end, _ in matches if frame in _DIPLOMATIC
                             and not _INQUIRY.match(text[start:end])]
        # a site word closing a name is the name's ("the Washington Post columnist")
        role_text = blank_names_of_organisations(report, sentence.cstart, text, self._site,
                                                 self._force)
        sentence_roles = self.roles(role_text)
        spans = [(sentence.cstart + start, sentence.cstart + end) for _, start, end, _ in matches]
        candidates: list[tuple[str, Event, bool]] = []
        starts: list[int] = []
        for frame, start, end, weight in matches:
            if _inside_a_name(mentions, sentence.cstart + start, sentence.cstart + end, text[start]):
                continue
            if token_range is not None and frame not in _NAMES_MEANS_OR_ACTORS and \
                    modifies_another_noun(report, token_range, sentence.cstart + start,
                                          sentence.cstart + end, spans):
                continue  # "an aid worker", "an arrest warrant": a kind of thing, not an event
            if token_range is not None and (lists_kinds_of_act if frame not in
                                            _NAMES_MEANS_OR_ACTORS else in_a_series_of_phrases)(
                    report, token_range, sentence.cstart + start, sentence.cstart + end):
                continue  # "charged with kidnapping, torture and murder": kinds of act
            if token_range is not None and named_as_a_charge(
                    report, token_range, sentence.cstart + start, sentence.cstart + end):
                continue  # "charged with kidnapping", "found guilty and jailed": the court's case
            if token_range is not None and frame == "consult" and meets_no_party(
                    report, token_range, sentence.cstart + start, sentence.cstart + end, mentions,
                    self._people, spans):
                continue  # "the protests were met with tear gas": a reception, not a meeting
            event = self._code_mention(report, sentence, text, mentions, window, neighbours, frame,
                                       start, end, weight, frames_here, sentence_roles,
                                       any(other < start for other in diplomatic_starts),
                                       token_range, places or [], role_text)
            if event is not None:
                candidates.append((frame, event, event.back_reference))
                starts.append(start)
        candidates = results_under_their_act(text, candidates, starts, _OUTRANKED_BY_HARM)
        # guns beside grenades, bombs or shells ("attacked the post with guns and grenades"):
        # the explosives no longer stand for the whole attack, which merge_events may then
        # code as the battle it is (explosions_within_battles)
        firearms = bool(_FIREARMS.search(text))
        specific = any(frame in _SPECIFIC and event.event_type and not back
                       and event.modality == "asserted" and not _OUTRANKED_BY_HARM(event)
                       and not (firearms and frame in _BESIDE_FIREARMS)
                       for frame, event, back in candidates)
        kept = [event for frame, event, _ in candidates
                if not (specific and frame in _GENERIC and event.event_type)]
        if firearms:
            kept = explosions_within_battles(kept, with_firearms=True)
        if any(e.event_type in _HARM_TO_PEOPLE and e.modality == "asserted" and e.trigger
                   and _HARM_WORD.search(e.trigger.text)
                   and "inside a relative clause" not in e.reasons for e in kept):
            # ACLED codes harm to property, and detention, only where nobody was harmed: "set
            # fire to a bus and shot its passengers", "rounded up the men and shot them" are the
            # shootings
            kept = [replace(e, confidence=round(e.confidence - _OUTRANKED, 3),
                            reasons=e.reasons + ("property harm beside harm to people",))
                    if _OUTRANKED_BY_HARM(e) else e for e in kept]
        if capped:
            kept = [replace(e, reasons=e.reasons + (
                f"sentence of {sentence.cend - sentence.cstart} characters read up to "
                f"{self.max_sentence_chars}",)) for e in kept]
        if any(e.sub_event_type in _TERRITORY_TAKEN and e.modality == "asserted" for e in kept):
            # "overran a military base, seizing weapons": the weapons go with the place taken
            kept = [replace(e, confidence=round(e.confidence - _OUTRANKED, 3),
                            reasons=e.reasons + ("material taken with a place",))
                    if e.sub_event_type == "Looting/property destruction" else e for e in kept]
        if len(kept) > self.max_events_per_sentence:
            kept.sort(key=lambda e: -e.confidence)
            kept = [replace(e, reasons=e.reasons + (
                f"one of {len(kept)} mentions in the sentence; the "
                f"{self.max_events_per_sentence} most confident kept",))
                for e in kept[:self.max_events_per_sentence]]
        return kept

    def _triggers(self, text: str) -> list[tuple[str, int, int, float]]:
        """Non-overlapping trigger matches: where two overlap the heavier (then longer) wins.
        Capitalised words inside a name ("National Liberation Front", "Government of National
        Accord") are not triggers, unless the whole sentence is in capitals (a headline)."""
        shouting = mostly_capitals(text)
        frames = self.lexicon.frames
        matches = self._waiting.pop(text, None)
        if matches is None:
            matches = self._frame_matches(text)
        found = [(frames[index].name, start, end, frames[index].weight)
                 for index, start, end in matches
                 if shouting or not inside_name(text, start, end)]
        found.sort(key=lambda f: (-f[3], -(f[2] - f[1]), f[1]))
        kept: list[tuple[str, int, int, float]] = []
        for item in found:
            overlapping = [other for other in kept if not (item[2] <= other[1] or item[1] >= other[2])]
            if not overlapping:
                kept.append(item)
            elif all(item[1] <= other[1] and other[2] <= item[2] and item[2] - item[1] > other[2] - other[1]
                     and item[3] >= other[3] - _CONTAINED_WEIGHT for other in overlapping):
                # a phrase wins over a word inside it ("bomb disposal" over "bomb") unless the
                # word's frame is much heavier
                kept = [other for other in kept if other not in overlapping] + [item]
        kept.sort(key=lambda f: f[1])
        return kept

    def roles(self, text: str) -> set[str]:
        names, patterns = self._role_names, self._role_patterns
        return {names[index] for index, position in self._roles_for.starts(text)
                if patterns[index].search(text, position)}

    def _nearest_roles(self, text: str, from_end: bool) -> set[str]:
        """Roles of the noun group nearest the trigger in ``text`` (its end, or its start)."""
        names, patterns = self._role_names, self._role_patterns
        hits = [(m.start(), m.end(), names[index])
                for index, position in self._roles_for.starts(text)
                for m in patterns[index].finditer(text, position)]
        if not hits:
            return set()
        if from_end:
            anchor = max(end for _, end, _ in hits)
            return {name for start, end, name in hits if end >= anchor - 20}
        anchor = min(start for start, _, _ in hits)
        return {name for start, end, name in hits if start <= anchor + 20}

    def _target_role(self, actor: Actor | None) -> set[str]:
        """Roles of an actor on the receiving end: an unarmed official or politician is a
        civilian target (ACLED codes attacks on them as violence against civilians), whatever
        side they belong to."""
        if actor is not None and _UNARMED_OFFICIAL.search(actor.text) and not self.lexicon.roles[
                "state"].search(actor.text):
            return {"civilian"}
        return self._actor_role(actor)

    def _actor_role(self, actor: Actor | None) -> set[str]:
        if actor is None:
            return set()
        # the mention's own words count too: "Taliban militants" coded as state forces (the
        # post-2021 Taliban government) is still a non-state group in a 2016 report
        words = self.roles(actor.text)
        if actor.inter in _INTER_ROLE:
            return {_INTER_ROLE[actor.inter]} | (words & {"nonstate"})
        return words

    def _code_mention(self, report: Report, sentence: Sentence, text: str,
                      mentions: list[Mention], window: str, neighbours: str, frame: str,
                      start: int, end: int,
                      weight: float, frames_here: set[str],
                      sentence_roles: set[str], diplomatic_before: bool,
                      token_range: tuple[int, int] | None, places: list[int],
                      role_text: str) -> Event | None:
        base = sentence.cstart
        if _told_as_a_view(report, text, base + start, start, token_range):
            return None  # a commentator's explanation of events, not a report of one (speakers.py)
        clause_start, clause_end = clause_bounds(text, start)
        before = text[clause_start:start]
        after = text[end:clause_end][:90]
        # the roles of the words around the trigger, names of organisations blanked
        role_before, role_after = role_text[clause_start:start], role_text[end:clause_end][:90]
        arguments = find_arguments(report.text, base, base + len(text), base + start, base + end,
                                   mentions)
        if token_range is not None:
            # the parse adds associated actors (coordination, helpers) the surface patterns
            # missed, and with parse_roles the main roles they left open; where both answer, the
            # surface wins (CASE dev, 2026-11-25, weighted F1 of halves: parse deciding 0.885 /
            # 0.822, parse filling open roles 0.886 / 0.832, associated actors only 0.891 / 0.853,
            # no parse 0.887 / 0.857: the small parser's attachments are not yet good enough)
            from_parse = find_arguments_parsed(report, token_range[0], token_range[1],
                                               base + start, base + end, mentions)
            if from_parse is not None:
                _fill_from_parse(arguments, from_parse, self.parse_roles)
        agent_roles = self._actor_role(arguments.actor1) or self._nearest_roles(
            role_before[-70:], True)
        # "opened fire on a car at a checkpoint": a place named with "at" locates, it is not hit
        after_target = _LOCATIVE.sub(" ", role_after[:70])
        # "a man was killed when gunmen broke in", "two soldiers wounded as militants attacked":
        # a participle naming what the victims suffered, with no object, has its victims before
        # it and the doers in what follows
        victims_before = bool(_VICTIM_STATE.fullmatch(text[start:end])) and not _OBJECT_AFTER.match(
            after) and (arguments.passive or not self._after_actor(before))
        by_agent = (arguments.passive or victims_before) and (
            _BY_AGENT.match(after) or victims_before)
        # "civilians were massacred by jihadists": after a passive verb, "by" names the doer
        object_roles = set() if by_agent else self._nearest_roles(after_target, False)
        target_roles = self._target_role(arguments.actor2) | object_roles
        target_inter = arguments.actor2.inter if arguments.actor2 else None
        if arguments.actor2 is not None and self._target_role(arguments.actor2) == {"civilian"}:
            target_inter = 7
        if object_roles & {"civilian"} and not object_roles & _ARMED_ROLES:
            target_inter = 7
            # "executed seven civilians suspected of collaborating with rebels": the object the
            # verb takes is the target, not an actor named later in a prepositional phrase
            target_roles = object_roles
        if by_agent:
            # the victims precede the verb; an actor after it is the doer, not the target
            target_roles = object_roles | self._nearest_roles(role_before[-70:], True)
            if victims_before and not arguments.passive:
                target_inter = None
                agent_roles = agent_roles | self._nearest_roles(role_after, False)
        if arguments.passive and not arguments.actor1:
            target_roles |= self._nearest_roles(role_before[-70:], True)
            agent_roles = self._nearest_roles(role_after, False) if re.search(
                r"\bby\b", after) else set()
        context = Context(
            frame=frame, trigger=text[start:end], sentence=text, before=before, after=after,
            window=window, neighbours=neighbours, agent_roles=agent_roles, target_roles=target_roles,
            sentence_roles=sentence_roles,
            actor1_inter=arguments.actor1.inter if arguments.actor1 else None,
            actor2_inter=target_inter,
            place_after=any_between(places, base + end, min(base + clause_end, base + end + 70))
            or bool(_PROPER_NAME_AFTER.match(after[:60])),
            place_in_sentence=any_between(places, sentence.cstart, sentence.cend),
            passive=arguments.passive, frames_here=frames_here)
        coding = self.rules.code(context)
        if coding is None or (coding.sub_event_type is None and coding.plover_type is None):
            return None
        if coding.event_type in _VIOLENT_TYPES and _AGGREGATE.search(text[clause_start:clause_end]):
            # "has killed more than 1,000 civilians since 2019": a tally over a period, not one
            # event ACLED would code; kept as a PLOVER/CAMEO record only
            coding = Coding(None, coding.plover_type, coding.plover_mode, coding.cameo_root,
                            coding.reason + "; a tally over a period, not one event")
        if coding.event_type is None and arguments.actor2 is None:
            # statements and diplomacy take their target through any preposition ("met with X",
            # "urged X to", "sanctions on X")
            # ... but not out of a relative clause: in "a retreat by the Russians, who were
            # helping regime troops capture Aleppo" the troops belong to what the clause tells
            target = next((m for m in mentions if base + end <= m.cstart < base + clause_end
                           and (arguments.actor1 is None or m.actor is not arguments.actor1)
                           and not _RELATIVE_ONSET.search(text, end, m.cstart - base)), None)
            if target is not None:
                arguments.actor2 = target.actor
                arguments.reasons.append(f"actor2 {target.actor.text!r}: first actor after a "
                                         "statement or diplomatic act")
        if arguments.actor2 is None and coding.sub_event_type in _FACILITY_TYPES:
            owner = facility_owner(report, base + start, base + end, base + clause_end, mentions,
                                   arguments.actor1)
            if owner is not None:
                arguments.actor2 = owner[0]
                arguments.reasons.append(owner[1])
        return self._event(report, sentence, text, start, end, weight, frame, coding, arguments,
                           diplomatic_before, token_range)

    def _after_actor(self, before: str) -> bool:
        tail = before[-40:]
        return any(match.end() >= len(tail) - 1
                   for name in ("nonstate", "state", "civilian", "protester")
                   for match in self.lexicon.roles[name].finditer(tail))

    def _event(self, report: Report, sentence: Sentence, text: str, start: int, end: int,
               weight: float, frame: str, coding: Coding, arguments: Arguments,
               diplomatic_before: bool, token_range: tuple[int, int] | None = None) -> Event:
        governs = None
        if token_range is not None:
            base = sentence.cstart

            def governs(cue_start: int, cue_end: int) -> bool:
                return cue_reaches(report, token_range, (base + cue_start, base + cue_end),
                                   (base + start, base + end))
        modality = read_modality(text, start, end, governs)
        if modality.value == "asserted" and token_range is not None and \
                coding.sub_event_type != "Disrupted weapons use":
            # "charged the four with plotting to kidnap the journalist": meant, not done ("foiled
            # a bomb plot": the bomb's reading is the foiling, which was done)
            intention = under_an_intention(report, token_range, sentence.cstart + start,
                                           sentence.cstart + end)
            if intention is not None:
                modality = replace(modality, value="hypothetical", cue=intention)
        if coding.sub_event_type == "Disrupted weapons use" and modality.value == "negated" and \
                _PREVENTION.match(modality.cue or ""):
            # "foiled a suicide attack": the attack is denied, the foiling is what happened
            modality = replace(modality, value="asserted", cue=None)
        coding, confidence, reasons = weigh(text, start, end, frame, weight, coding, arguments,
                                            diplomatic_before, self._after_actor)
        if modality.cue:
            reasons.append(f"{modality.value}: {modality.cue!r}")
        plover_type, cameo_root = coding.plover_type, coding.cameo_root
        if coding.event_type is None and modality.value == "negated" and plover_type in _COOPERATIVE:
            # PLOVER: refusing or failing to cooperate is itself a REJECT ("would not meet")
            plover_type, cameo_root = "REJECT", "12"
            modality = replace(modality, value="asserted")
            reasons.append("negated cooperation coded as REJECT")
        fatalities = None
        if coding.event_type in _VIOLENT_TYPES and coding.sub_event_type != "Peaceful protest":
            # a peaceful protest has no dead of its own ("protested against a blast that
            # killed 60": the blast's dead)
            fatalities = event_fatalities(report, sentence, sentence.cstart + start)
        trigger = report.raw_span(sentence.cstart + start, sentence.cstart + end)
        return Event(
            event_type=coding.event_type, sub_event_type=coding.sub_event_type,
            plover_type=plover_type, plover_mode=coding.plover_mode,
            cameo_root=cameo_root, actor1=arguments.actor1,
            assoc_actor1=tuple(arguments.assoc_actor1), actor2=arguments.actor2,
            assoc_actor2=tuple(arguments.assoc_actor2), fatalities=fatalities,
            modality=modality.value, attribution=modality.attribution,
            evidence=(Span(sentence.start, sentence.end, sentence.text),),
            confidence=round(max(0.05, min(0.99, confidence)), 3), trigger=trigger,
            reasons=tuple(reasons), back_reference=arguments.back_reference,
            modality_cue=modality.cue or None)


def _caption_of(captions: list[Caption], starts: list[int], sentence: Sentence) -> Caption | None:
    """The photo caption (sitrep/clean/captions.py) holding ``sentence``, if any."""
    index = bisect_left(starts, sentence.cstart + 1) - 1
    if index >= 0 and captions[index].cstart <= sentence.cstart < captions[index].cend:
        return captions[index]
    return None


def _as_captioned(event: Event, caption: Caption) -> Event:
    """A mention told in a photo caption: not asserted. A caption shows what a picture holds
    (often the article's event again, or one of years ago); ACLED's coders code the reports of
    an event, not the captions of its pictures. The mention stays, uncertain, with the
    caption's cue: where the article tells the event, ``merge_events`` folds the two."""
    if event.modality != "asserted":
        return event
    return replace(event, modality="uncertain", modality_cue="photo caption",
                   reasons=event.reasons + (f"told in a photo caption: {caption.cue}",))


_NAME_WORD = re.compile(r"[A-Z][\w'-]*")
_RELATIVE_ONSET = re.compile(r",\s*(?:who|which|whose|whom)\b", re.IGNORECASE)


def _told_as_a_view(report: Report, text: str, cstart: int, start: int,
                    token_range: tuple[int, int] | None) -> bool:
    """Whether the trigger at clean offset ``cstart`` (``text[start]`` of its sentence) lies
    in the complement of a commentator's opinion ("Analysts believe ..."; speakers.py)."""
    if token_range is None:
        return commentator_view(text, start) is not None
    index = next((i for i in range(*token_range)
                  if report.tokens[i].cstart <= cstart < report.tokens[i].cend), None)
    if index is None:
        return commentator_view(text, start) is not None
    return commentator_view(text, start, report.tokens, index) is not None


def _inside_a_name(mentions: list[Mention], cstart: int, cend: int, first: str) -> bool:
    """Whether a capitalised trigger is a word of an actor's name ("Amnesty International",
    "the Committee Against Torture", "Reporters Without Borders"): a name, not an event."""
    return first.isupper() and any(
        m.cstart <= cstart and cend <= m.cend and (m.cstart < cstart or cend < m.cend)
        for m in mentions)


def _fill_from_parse(arguments: Arguments, from_parse: Arguments, roles: bool) -> None:
    taken = {id(a) for a in (arguments.actor1, arguments.actor2) if a is not None}
    for role in ("actor1", "actor2") if roles else ():
        found = getattr(from_parse, role)
        if getattr(arguments, role) is None and found is not None and id(found) not in taken and \
                not (role == "actor1" and arguments.back_reference):
            setattr(arguments, role, found)
            taken.add(id(found))
            arguments.reasons.append(f"{role} {found.text!r}: from the dependency parse")
    for mine, theirs in ((arguments.assoc_actor1, from_parse.assoc_actor1),
                         (arguments.assoc_actor2, from_parse.assoc_actor2)):
        for actor in theirs:
            if id(actor) not in taken and all(actor is not a for a in mine):
                mine.append(actor)
