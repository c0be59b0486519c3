"""The ``assess_events`` stage: is each event mention a specific occurrence that happened?

A whole news article tells far more than its events: background and history, statistics and
tallies, generic and habitual statements ("police routinely detain protesters"), laws, demands,
threats, opinions, reactions, metaphors and meta-text. The trigger rules of ``detect_events``
read one sentence at a time and cannot tell these apart from the news; this stage reads each
asserted mention in its document and keeps it only when a small learned model judges it an event
an ACLED coder would code.

The model is a logistic regression over sparse, named features of the mention
(``assess_features``: its coding, the rules' reasons, the words around its trigger, their
syntax and the trigger's clause, the sentence's tense, modal, quotation and aggregate cues, its
time anchor relative to the publication date, its place, its position in the document and how
often the document tells the same kind of event). It is trained
by ``python -m sitrep.events.train_assess`` on the hand-annotated HRDsAttack articles (MIT) —
never on the measuring sets — and shipped as ``sitrep/events/assess_model.json`` (feature ->
weight, with the threshold and the training figures).

Mentions that are not asserted (denied, hypothetical, future, uncertain) are left as they are:
they are not reported as events that happened anyway. A dropped mention is counted on the
report (``Report.dropped_events``-style bookkeeping is kept in the reasons of the kept ones: each
says the model's probability).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path

from ..errors import ConfigError
from ..model import Event, Report
from .assess_features import EventFeatures, _clean, _days_between, kind_of
from .coding import DIPLOMATIC_FRAMES
from .lexicon import load_lexicon
from .modality import asks_at

__all__ = ["AssessEvents", "EventFeatures", "anchored", "battle_sides_told", "kind_of",
           "load_model", "mob_told", "asked", "agreement_parties_told", "group_change_told",
           "rule_keeps", "territory_taken_told"]

MODEL_PATH = Path(__file__).parent / "assess_model.json"


def _days_since_latest(value: str | None, published: date | None) -> int | None:
    """Days from the latest day ``value`` (a day, month or year) may mean to ``published``."""
    if not value or published is None:
        return None
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
        elif len(value) >= 7:
            year, month = int(value[:4]), int(value[5:7])
            day = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        else:
            day = date(int(value[:4]), 12, 31)
    except ValueError:
        return None
    return (published - day).days


# a date this many days or more before publication is history, not the time of a news event
HISTORY_DAYS = 366


def anchored(event: Event, published: date | None = None) -> bool:
    """Whether the mention's own sentence (or paragraph, for its date) says when or where.

    A specific occurrence has an anchor; "clashes between executives and unions are frequent",
    "they keep fighting for refugees" have none. On the training articles, typed mentions of the
    kinds the model does not judge were events 14 % of the time without an anchor (11 of 76) and
    29 % with one (55 of 189). A date over a year before ``published`` (even at the latest day it
    may mean: "in 2013", "in October 2017") anchors history the report recalls, not an event it
    reports; nor does a place then: it is where that history happened."""
    if event.date_text is not None and (_days_since_latest(event.event_date, published)
                                        or 0) >= HISTORY_DAYS:
        return False
    return event.date_text is not None or (
        event.location is not None and event.location_source == "sentence")


# "during the raid", "in the attack": an act placed in an occasion, named by a definite noun
_OCCASION = re.compile(r"\b(?:during|amid|in|in the course of)\s+(?:the|that|this)\s+([\w-]+)",
                       re.IGNORECASE)


@lru_cache(maxsize=1)
def _occasion_frames() -> tuple:
    """The frames of political violence and its kin (not statements or diplomacy)."""
    return tuple(frame for frame in load_lexicon().frames if frame.name not in DIPLOMATIC_FRAMES)


def placed_in_told_occasion(event: Event, report: Report) -> bool:
    """Whether the mention's sentence, telling no time of its own, places it in an occasion
    ("killed a policeman during the raid") that an asserted ACLED event anchored in time or
    place told before it in the report.

    A definite act noun after "during"/"in" refers back: the raid is the one the report has
    told, and its day and place are this act's too, so the sentence is as anchored as the one
    telling the raid ("Gunmen raided a school in Kebbi on Thursday ... The gunmen killed a
    policeman during the raid"). A date of its own (history included) decides instead."""
    if event.date_text is not None or not event.evidence or event.trigger is None:
        return False
    sentence = report.raw[event.evidence[0].start:event.evidence[0].end]
    nouns = [match.group(1) for match in _OCCASION.finditer(sentence)]
    if not any(frame.pattern.fullmatch(noun)
               for noun in nouns for frame in _occasion_frames()):
        return False
    return any(other is not event and other.event_type and other.modality == "asserted"
               and other.trigger is not None and other.trigger.start < event.evidence[0].start
               and anchored(other, report.published) for other in report.events)


# ACLED inter codes of organised armed actors (state forces, rebels, political and identity
# militias, external forces) and of unarmed ones (rioters, protesters, civilians).
_ARMED_INTER = frozenset({1, 2, 3, 4, 8})
_UNARMED_INTER = frozenset({5, 6, 7})


def battle_sides_told(event: Event) -> bool:
    """Whether an armed clash has the sides a battle needs (any other kind: True): an armed
    actor on at least one side, and no unarmed people as a side.

    ACLED's codebook: a battle is "a violent interaction between two politically organised armed
    groups". A sentence of a whole article that calls something clashes or a battle with no
    armed party at all ("clashes between executives and unions", "the Battle of Cable Street"),
    or with civilians as a side ("attacks by an armed group ... with several people killed"), is
    rarely a battle the article reports. The other side may be a pronoun the actor conventions
    fill in later ("the army pushed them back"), so one armed side is enough. On the 120
    HRDsAttack articles (the tuning set, 2026-12-06) the armed clashes reported went from 3 that
    matched an annotated event and 16 that did not to 2 and 9; the one lost was told by pronouns
    alone ("they were pushed back")."""
    if event.sub_event_type != "Armed clash":
        return True
    inters = {actor.inter for actor in (event.actor1, event.actor2) if actor is not None}
    return bool(inters & _ARMED_INTER) and not inters & _UNARMED_INTER


_TERRITORY_KINDS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# nouns of holding: what is taken is their "of" phrase ("took control of the town")
_HOLDING = frozenset({"control", "hold", "charge", "possession", "command"})


@lru_cache(maxsize=1)
def _territory_words() -> re.Pattern:
    """The shipped lexicon's territory role (town, base, district ...), compiled once."""
    return load_lexicon().roles["territory"]


def _taken(event: Event, report: Report) -> int | None:
    """The token of what a territory mention's verb takes: its object, the subject of its
    passive, or the place after "over" ("took over the capital"); for a noun of holding, its
    "of" phrase ("took control of the government"). None when the parse says nothing (no
    parse, a nominal trigger, "took control" with no object)."""
    if event.trigger is None or not report.tokens:
        return None
    start, end = _clean(report, event.trigger.start), _clean(report, event.trigger.end)
    first = bisect_left([t.cstart for t in report.tokens], start)
    verbs = [i for i in range(max(0, first - 1), len(report.tokens))
             if report.tokens[i].cstart < end and report.tokens[i].cend > start
             and report.tokens[i].pos == "VERB"]
    if not verbs:
        return None
    verb = verbs[0]
    sent = report.tokens[verb].sent
    children = [i for i in range(max(0, verb - 40), min(len(report.tokens), verb + 40))
                if report.tokens[i].head == verb and report.tokens[i].sent == sent and i != verb]

    def case_of(i: int) -> str:
        return next((report.tokens[j].lemma.lower() for j in range(max(0, i - 4), i)
                     if report.tokens[j].head == i and report.tokens[j].dep == "case"), "")

    taken = next((i for i in children if report.tokens[i].dep in ("obj", "nsubj:pass")), None)
    if taken is None:
        taken = next((i for i in children if report.tokens[i].dep == "obl"
                      and case_of(i) == "over"), None)
    if taken is not None and report.tokens[taken].lemma.lower() in _HOLDING:
        held = report.tokens[taken]
        return next((i for i in range(taken + 1, min(len(report.tokens), taken + 12))
                     if report.tokens[i].head == taken and report.tokens[i].dep == "nmod"
                     and report.tokens[i].sent == held.sent and case_of(i) == "of"), None)
    return taken


def _is_place(report: Report, index: int) -> bool:
    """Whether the token, or what it counts or is part of ("a series of hills", "parts of the
    town"), names a place."""
    parts = [i for i in range(index + 1, min(len(report.tokens), index + 8))
             if report.tokens[i].head == index and report.tokens[i].dep == "nmod"
             and _case_of(report, i) == "of"]
    for i in [index, *parts]:
        token = report.tokens[i]
        if _territory_words().search(token.text) or any(
                _clean(report, place.start) < token.cend and _clean(report, place.end) > token.cstart
                for place in report.places):
            return True
    return False


def territory_taken_told(event: Event, report: Report) -> bool:
    """Whether a mention of territory taken tells what ACLED's codebook needs (any other kind:
    True): a place changing hands between armed actors. Government forces "regain control of a
    location from non-state actors", non-state actors "acquire territory": so no unarmed people
    (rioters, protesters, civilians) as a side, and what the verb takes, when the parse names it,
    is a place (a place name, or a word of the territory role: town, base, district) and not
    people or an institution ("police freed him", "freed 400 men from the house", "the two were
    captured", "took control of the government"). When the parse names nothing taken ("retook
    it", "took control."), the anchor and the sides decide. On the 120 HRDsAttack articles (the
    tuning set, 2026-12-06) the territory mentions the rules keep went from 4 right and 9 wrong
    to 4 and 1."""
    if event.sub_event_type not in _TERRITORY_KINDS:
        return True
    inters = {actor.inter for actor in (event.actor1, event.actor2) if actor is not None}
    if inters & _UNARMED_INTER:
        return False
    taken = _taken(event, report)
    return taken is None or _is_place(report, taken)


@lru_cache(maxsize=1)
def _rioter_words() -> re.Pattern:
    """The shipped lexicon's rioter role: rioters, mobs, looters, angry crowds."""
    return load_lexicon().roles["rioter"]


def _trigger_tokens(event: Event, report: Report) -> list[int]:
    if event.trigger is None or not report.tokens:
        return []
    start, end = _clean(report, event.trigger.start), _clean(report, event.trigger.end)
    first = bisect_left([token.cstart for token in report.tokens], start)
    return [i for i in range(max(0, first - 1), min(len(report.tokens), first + 8))
            if report.tokens[i].cstart < end and report.tokens[i].cend > start]


def _case_of(report: Report, index: int) -> str:
    return next((report.tokens[j].lemma.lower() for j in range(max(0, index - 4), index)
                 if report.tokens[j].head == index and report.tokens[j].dep == "case"), "")


def _group_acts(report: Report, trigger: int) -> bool:
    """Whether the parse names a group of people as the one acting: the plural subject of an
    active verb ("villagers lynched ..."), the plural agent of a passive ("attacked by
    youths"), or the plural sides of a noun ("a clash between party workers and police")."""
    token = report.tokens[trigger]
    for i in range(max(0, trigger - 30), min(len(report.tokens), trigger + 30)):
        child = report.tokens[i]
        if child.head != trigger or i == trigger or child.sent != token.sent:
            continue
        if child.pos not in ("NOUN", "PROPN"):
            continue
        acting = child.dep in ("nsubj", "obl:agent") or (
            child.dep in ("nmod", "obl") and _case_of(report, i) in ("between", "by"))
        plural = child.lemma.lower() != child.text.lower() or any(
            report.tokens[j].head == i and report.tokens[j].dep == "conj"
            for j in range(i + 1, min(len(report.tokens), i + 12)))
        if acting and plural:
            return True
    return False


def mob_told(event: Event, report: Report) -> bool:
    """Whether a mention of mob violence names the mob (any other kind: True).

    ACLED's codebook: mob violence is rioters (a crowd acting together, not an organised armed
    group) violently interacting with people, property or other groups. Read from the violence
    alone, a killing, a torture or a "lynching" with no one named reads as mob violence ("he was
    the victim of an attempted lynching", "reports about attacks against Christians", "as he was
    being tortured"). Kept: a sentence that names rioters (the rioter role: rioters, mobs,
    looters, angry crowds), or a trigger whose parse names a group of people acting
    (``_group_acts``). On the 120 HRDsAttack articles (the tuning set, 2026-12-06; mentions
    before merging) this keeps 4 of the 9 mob-violence mentions that match an annotated riot
    (one of each riot: the others tell its victims, "three people were killed") and 1 of the 13
    that match nothing."""
    if event.sub_event_type != "Mob violence":
        return True
    anchor = event.trigger.start if event.trigger else (
        event.evidence[0].start if event.evidence else 0)
    sentence = next((s.text for s in report.sentences if s.start <= anchor < s.end), "")
    if _rioter_words().search(sentence):
        return True
    return any(_group_acts(report, i) for i in _trigger_tokens(event, report))


def agreement_parties_told(event: Event, report: Report) -> bool:
    """Whether a mention of an agreement names the parties agreeing (any other kind: True).

    ACLED's codebook: an agreement is one between conflict actors (a peace deal, a ceasefire, a
    prisoner exchange). Two parties must agree: both sides named as the event's actors ("a deal
    between the army and the rebels", "the rebels signed a truce with the government"), or the
    parse naming them together after "between" ("a truce between two rival militias"). A word
    of agreement with one party or none is rarely one the report tells: "the government is
    giving amnesty to terrorists", "Amnesty" the organisation, "trade deals that will embolden
    the regime", "released after being kidnapped", "talks they hope will start". On the 120
    HRDsAttack articles (the tuning set, 2026-12-06; mentions before merging) this keeps 3 of
    the 5 agreement mentions that match an annotated event (each event still found) and none
    of the 6 that match nothing."""
    if event.sub_event_type != "Agreement":
        return True
    if event.actor1 is not None and event.actor2 is not None:
        return True
    for trigger in _trigger_tokens(event, report):
        for i in range(trigger + 1, min(len(report.tokens), trigger + 30)):
            token = report.tokens[i]
            if token.head == trigger and token.dep in ("nmod", "obl") and \
                    _case_of(report, i) == "between":
                return True
    return False


def group_change_told(event: Event, report: Report) -> bool:
    """Whether a mention of a change to a group's activity has an armed actor acting (any
    other kind: True).

    ACLED's codebook: "Change to group/activity" records what an armed group or the state's
    forces newly do or become (a deployment, a recruitment drive, a state of emergency
    declared, a merger of factions). So the one acting is an organised armed actor, not a
    coalition of civil society groups mobilising, nor a newspaper joining a press coalition.
    On the 120 HRDsAttack articles (the tuning set, 2026-12-06; mentions before merging) this
    keeps 2 of the 3 mentions that match an annotated event (the third: "officers and men of
    the corps deployed", its actor read as civilians) and 4 of the 6 that match nothing. Whether
    the change is told as an act was tried too (a noun in a prepositional phrase: "characterised
    by a de facto state of emergency"), but a headline's parse ("Rebel factions in northern
    Syria announce merger") puts real ones there."""
    if event.sub_event_type != "Change to group/activity":
        return True
    return event.actor1 is not None and event.actor1.inter in _ARMED_INTER


def asked(event: Event, report: Report) -> bool:
    """Whether the mention's trigger stands in a question: its sentence's first end after the
    trigger is "?". A question does not report an act: a yes/no question asks whether it
    happened, a wh-question ("What do the Russians say about the attack?") takes it as told
    elsewhere in the report, a rhetorical one is opinion."""
    if event.trigger is None:
        return False
    for sentence in report.sentences:
        if sentence.start <= event.trigger.start < sentence.end:
            return asks_at(sentence.text, event.trigger.end - sentence.start)
    return False


def rule_keeps(event: Event, report: Report) -> bool:
    """The rule for kinds the model does not judge: anchored in time or place by its own
    sentence, with the parties (and, for territory, the place) its ACLED kind needs, and told,
    not asked about (``asked``)."""
    return (not asked(event, report)
            and (anchored(event, report.published) or placed_in_told_occasion(event, report))
            and battle_sides_told(event) and territory_taken_told(event, report)
            and mob_told(event, report) and agreement_parties_told(event, report)
            and group_change_told(event, report))


def load_model(path: str | Path | dict | None = None) -> dict:
    """The model file at ``path`` (default: the shipped one), or ``path`` itself when it is a
    model already read (a dict: the out-of-fold scorer's models, never written to disk)."""
    if isinstance(path, dict):
        model, path = path, "the model given"
    else:
        path = Path(path) if path else MODEL_PATH
        try:
            model = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot read the event-assessment model {path}: {exc}; rebuild "
                              "it with `python -m sitrep.events.train_assess`", "E131") from None
    if not isinstance(model.get("weights"), dict) or "threshold" not in model:
        raise ConfigError(f"{path} is not an event-assessment model (no weights/threshold)",
                          "E131")
    return model


def probability(weights: dict[str, float], features: list[str]) -> float:
    score = sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


class AssessEvents:
    """Keep the asserted mentions the model judges events that happened (module docstring).

    ``model``: a model file other than the shipped one (or such a model read, as a dict);
    ``threshold``: override its threshold (higher keeps fewer mentions: more precise, less
    complete). ``min_sentences``: documents shorter than this are left alone: the model learned from whole articles, where a mention's
    place in the story, its date against the publication date and its repetitions tell news from
    background; a snippet of a sentence or two (a wire brief, a coder's note, a CASE sentence) has
    none of that context, and whoever cut it out already chose it as an event.
    ``require_anchor``: a mention of a kind the model does not judge is kept only when anchored in
    time or place by its own sentence (``anchored``), an armed clash only with the sides a
    battle needs (``battle_sides_told``), territory taken only when a place changes hands between
    armed actors (``territory_taken_told``). ``background_days``: a mention whose own
    words (its sentence or paragraph; not the publication date standing in) date it more than
    this many days before publication is historical background ("In 2012 soldiers attacked a
    newspaper office"), not an event of the report, whatever its kind (0: keep them).
    """

    name = "assess_events"

    def __init__(self, model: str | dict | None = None, threshold: float | None = None,
                 min_sentences: int = 4, require_anchor: bool = True,
                 background_days: int = 0) -> None:
        self.min_sentences = int(min_sentences)
        self.background_days = int(background_days)
        self.require_anchor = bool(require_anchor)
        loaded = load_model(model)
        self.weights: dict[str, float] = loaded["weights"]
        self.judged: frozenset[str] | None = (frozenset(loaded["judged"]) if "judged" in loaded
                                              else None)
        self.threshold = float(loaded["threshold"] if threshold is None else threshold)
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"assess_events threshold must lie in [0, 1], not {self.threshold}",
                              "E132")

    def judges(self, event: Event) -> bool:
        """Whether the model learned this kind of event from enough examples of both outcomes.

        The training news (attacks on activists and journalists) is full of arrests, abductions,
        assaults and protests, but its few "armed clashes" are mostly beatings misread by the
        rules, and it holds almost no shelling, territory or group changes. What the model learned
        about such kinds says more about the training news's topic than about event-ness: it read
        the seed's battles as non-events, and by context alone (without the kind) it does no
        better than chance on them in cross-validation. So kinds outside ``judged`` in the model
        file are left to the rules. The recipe adds a rare kind to ``judged`` only where, out of
        fold, the model kept its mentions clearly better than the anchor rule
        (``train_assess.kinds_judged_better``)."""
        return self.judged is None or kind_of(event) in self.judged

    def __call__(self, report: Report) -> Report:
        if not report.events or len(report.sentences) < self.min_sentences:
            return report
        features = EventFeatures(report)
        kept = []
        for event in report.events:
            if event.modality != "asserted":
                kept.append(event)
                continue
            if self.background_days and event.date_text is not None and (
                    _days_between(event.event_date, report.published) or 0) > self.background_days:
                # issue 11: history is not news; the annotation guides make it optional at best.
                # Both annotated sets (2026-12-06, with 366): wrong typed events per no-event
                # article 0.54 -> 0.46 on the 120 HRDsAttack articles, 0.47 -> 0.32 on the 40
                # measuring ones, recall unchanged; precision 0.799 -> 0.783 and 0.664 -> 0.663
                # (most old events dropped had been annotated as optional background). Off by
                # default: see sitrep/default.toml (cross-report merging joins retold history)
                continue
            if not self.judges(event):
                if not self.require_anchor or rule_keeps(event, report):
                    kept.append(event)
                continue
            p = probability(self.weights, features.features(event, report.events))
            if p >= self.threshold:
                kept.append(replace(event, reasons=event.reasons + (
                    f"event-ness {p:.2f} (assess_events model, threshold {self.threshold:.2f})",)))
        report.events = kept
        return report
