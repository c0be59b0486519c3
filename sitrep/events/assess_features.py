"""Named features of an event mention in its document, for the ``assess_events`` model.

Each feature is a name (``family=value``); the model (``assess.py``, trained by
``train_assess.py``) weighs the names a mention has. A feature's family is the part of its name
before ``=`` (or the whole name; ``family_of``).

Two families read a rule's wording: ``why=``/``trig=`` (the reasons ``detect_events`` gives)
and the words around the trigger (``w-3=`` .. ``w2=``, ``before=``). Each rewording of a rule
silently switches some of them off (9 reason features no longer fired in session 17), and the
parse says the same without the wording: the trigger's clause, its tense and its determiner
(``clause_features``). Out of fold, end to end on the 120 tuning articles (``assess_oof``, three
draws of 5 folds, 2026-12-07), the recipe without the wording families, with the clause features
and L2 3 scored typed precision 0.741, recall 0.806, F1 0.772, wrong typed events per no-event
article 0.68, against 0.732 / 0.739 / 0.735 / 0.69 for the recipe as it is; but trained on all
120 it scored 0.735 / 0.702 on the measuring articles, where the shipped model scores 0.808 /
0.723, so the shipped model (which reads the wording families and none of the clause features)
stays. The clause features cost little and the recipe reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from ..model import Event, Report

__all__ = ["EventFeatures", "kind_of", "family_of"]

_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall"}
_CUES = {"if", "whether", "since", "every", "often", "routinely", "usually", "frequently",
         "regularly", "continue", "ever", "never", "allege", "accuse", "demand", "call", "urge",
         "condemn", "deny", "claim", "say", "tell", "report", "law", "bill", "act", "rule",
         "year", "decade", "history", "film", "movie", "novel", "series", "book", "game",
         "charge", "court", "trial", "sentence", "judge", "prosecutor", "release", "investigation"}
_QUOTES = "\"“”"
_REASON_NOISE = re.compile(r"'[^']*'|\"[^\"]*\"|\d+")


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return bisect_right(edges, value)


def _days_between(value: str | None, published: date | None) -> int | None:
    if not value or published is None:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        try:
            day = date(int(value[:4]), int(value[5:7]), 1) if len(value) >= 7 else date(
                int(value[:4]), 1, 1)
        except ValueError:
            return None
    return (published - day).days


def _age_bucket(days: int | None) -> str:
    if days is None:
        return "none"
    if days < 0:
        return "future"
    return str(_bucket(days, (1, 8, 32, 100, 366, 1000)))


class EventFeatures:
    """Named features of each event mention of one report (built once per report)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.sentence_starts = [s.start for s in report.sentences]
        self.tokens_by_sentence: dict[int, list] = {}
        for index, token in enumerate(report.tokens):
            self.tokens_by_sentence.setdefault(token.sent, []).append((index, token))
        self.time_starts = sorted((t.start, t) for t in report.times)
        self.quantities = sorted((q.start, q) for q in report.quantities)
        self.count = max(1, len(report.sentences))

    def sentence_of(self, raw_position: int) -> int:
        return max(0, bisect_right(self.sentence_starts, raw_position) - 1)

    def features(self, event: Event, events: list[Event]) -> list[str]:
        report = self.report
        anchor = event.trigger.start if event.trigger else (
            event.evidence[0].start if event.evidence else 0)
        sent_index = self.sentence_of(anchor)
        kind = kind_of(event)
        out = ["bias", f"type={kind}", f"etype={event.event_type}", f"plover={event.plover_type}",
               f"mode={event.plover_mode}", f"attr={event.attribution is not None}",
               f"back={event.back_reference}", f"conf={_bucket(event.confidence, (0.3, 0.45, 0.6, 0.7, 0.8))}",
               f"pos={_bucket(sent_index, (1, 2, 4, 8, 16))}",
               f"rel={_bucket(sent_index / self.count, (0.1, 0.25, 0.5, 0.75))}"]
        for reason in event.reasons[1:]:
            key = _REASON_NOISE.sub("", reason).strip()[:48]
            out.append(f"why={key}")
        if event.reasons:
            out.append(f"trig={_REASON_NOISE.sub('', event.reasons[0]).strip()}")
        # arguments
        for role, actor in (("a1", event.actor1), ("a2", event.actor2)):
            out.append(f"{role}={actor.inter if actor else 'none'}")
            out.append(f"{role}&type={actor.inter if actor else 'none'}&{kind}")
        # time anchor: the age of the mention's own date; one no words of its own date (the
        # publication date or the story's day standing in, date_text None) is as old as the report
        undated = event.date_text is None and event.event_date and report.published
        age = 0 if undated else _days_between(event.event_date, report.published)
        out.append(f"age={_age_bucket(age)}")
        out.append(f"tp={event.time_precision}&dated={event.date_text is not None}")
        out.append(f"age&type={_age_bucket(age)}&{event.event_type}")
        # place
        location = event.location
        out.append(f"geo={location.geo_precision if location else 'none'}")
        out.append(f"locsrc={(event.location_source or 'none').split(':')[0][:30]}")
        # fatalities
        out.append(f"dead={_bucket(event.fatalities or 0, (1, 2, 6, 21, 101))}")
        # the sentence and the words around the trigger
        sentence = report.sentences[sent_index] if report.sentences else None
        tokens = self.tokens_by_sentence.get(sent_index, [])
        if sentence is not None:
            text = sentence.text
            out.append(f"len={_bucket(len(tokens), (8, 15, 25, 40, 60))}")
            if "?" in text:
                out.append("question")
            quotes_before = sum(text[:max(0, anchor - sentence.start)].count(q) for q in _QUOTES)
            if quotes_before % 2:
                out.append("inside_quote")
            if text[:1] in _QUOTES:
                out.append("starts_quote")
            times_here = [t for start, t in self.time_starts if sentence.start <= start < sentence.end]
            out.append(f"times={min(2, len(times_here))}")
            for t in times_here[:3]:
                out.append(f"ttype={t.type}")
                out.append(f"tage={_age_bucket(_days_between(t.value, report.published)) if t.type == 'DATE' else t.type}")
            for start, q in self.quantities:
                if sentence.start <= start < sentence.end:
                    out.append(f"q={q.kind}&{_bucket(q.value or 0, (2, 6, 21, 101, 1001))}")
        if tokens:
            clean_anchor = _clean(report, anchor)
            position = 0
            for i, (_, token) in enumerate(tokens):
                if token.cstart <= clean_anchor:
                    position = i
            position = _head_of_word(report, tokens, position)
            trigger_token = tokens[position][1]
            out.append(f"tpos={trigger_token.pos}")
            out.append(f"tdep={trigger_token.dep}")
            out.append(f"tpos&type={trigger_token.pos}&{kind}")
            out.append(f"tlem={trigger_token.lemma.lower()}")
            out.extend(clause_features(report, tokens, position, kind))
            head = report.tokens[trigger_token.head] if 0 <= trigger_token.head < len(
                report.tokens) else None
            if head is not None and head is not trigger_token:
                out.append(f"head={head.lemma.lower()}")
                out.append(f"headdep={head.dep}")
            for offset in (-3, -2, -1, 1, 2):
                j = position + offset
                if 0 <= j < len(tokens):
                    out.append(f"w{offset}={tokens[j][1].lemma.lower()}")
            for _, token in tokens[max(0, position - 6):position]:
                out.append(f"before={token.lemma.lower()}")
                if token.pos == "AUX":
                    out.append(f"aux={token.lemma.lower()}")
            lemmas = {token.lemma.lower() for _, token in tokens}
            for word in lemmas & _MODALS:
                out.append(f"modal={word}")
            for word in lemmas & _CUES:
                out.append(f"cue={word}")
            out.append(f"root={next((t.lemma.lower() for _, t in tokens if t.dep == 'ROOT'), '')}")
            if any(t.text.istitle() and t.pos == "PROPN" for _, t in tokens):
                out.append("has_name")
            if any(t.text.isdigit() and len(t.text) == 4 and t.text[:2] in ("19", "20")
                   for _, t in tokens):
                out.append("has_year")
        # the document: how often it tells this kind of event, and is this its first mention
        same = [e for e in events if (e.sub_event_type or e.plover_type) == (
            event.sub_event_type or event.plover_type)]
        out.append(f"same_in_doc={_bucket(len(same), (2, 3, 5, 9))}")
        first = min((e.trigger.start for e in same if e.trigger), default=anchor)
        out.append(f"first_of_kind={first == anchor}")
        typed = sum(1 for e in events if e.event_type)
        out.append(f"typed_in_doc={_bucket(typed, (2, 4, 8, 16, 32))}")
        return out


# what a clause is to the sentence, by the dependency relation that attaches it (UD): a relative
# clause describes something ("the journalist who was arrested in 2019"), a complement reports
# what someone said or thought, an adverbial clause sets the scene of another act
_CLAUSES = {"acl:relcl": "relative", "advcl:relcl": "relative", "acl": "adnominal",
            "advcl": "adverbial", "ccomp": "complement", "csubj": "complement",
            "xcomp": "open", "parataxis": "main", "ROOT": "main"}
_FUTURE = {"will", "shall"}
_DETERMINERS = {"the": "definite", "a": "indefinite", "an": "indefinite", "this": "demonstrative",
                "that": "demonstrative", "these": "demonstrative", "those": "demonstrative",
                "every": "quantified", "each": "quantified", "all": "quantified",
                "any": "quantified", "no": "quantified", "such": "quantified"}


def clause_features(report: Report, tokens: list, position: int, kind: str) -> list[str]:
    """Where the trigger stands in its sentence's parse, in words no rule's wording enters:
    the kind of clause that holds it (``clause=``: main, relative, complement, ...), its clause's
    tense and mood from the verb's auxiliaries and form (``tense=``: past, perfect, future,
    modal, infinitive, ...), and for a noun, how it is determined (``det=``: "the arrest",
    "an arrest", "arrests", "his arrest"). ``tokens`` are one sentence's (index, token) pairs."""
    index, token = tokens[position]
    if not token.dep:
        return ["clause=unparsed"]
    children: dict[int, list] = {}
    for _, child in tokens:
        children.setdefault(child.head, []).append(child)
    out = []
    if token.pos in ("NOUN", "PROPN"):
        own = children.get(index, [])
        det = next((_DETERMINERS.get(c.lemma.lower(), "other") for c in own
                    if c.dep in ("det", "det:predet")), None)
        if det is None:
            det = ("possessive" if any(c.dep == "nmod:poss" for c in own) else
                   "counted" if any(c.dep == "nummod" for c in own) else
                   "plural" if token.text.lower() != token.lemma.lower() else "bare")
        out.append(f"det={det}")
        out.append(f"det&type={det}&{kind}")
    # up the heads to the relation that attaches the trigger's clause; the clause's verb is the
    # first verb met (the trigger itself when it is one)
    clause, verb, at, seen = "main", None, index, set()
    while at not in seen and 0 <= at < len(report.tokens):
        seen.add(at)
        here = report.tokens[at]
        if verb is None and here.pos == "VERB":
            verb = at
        if here.dep in _CLAUSES:
            clause = _CLAUSES[here.dep]
            if verb is None and here.pos in ("AUX", "ADJ", "NOUN", "PROPN"):
                verb = at          # a copular clause: "the arrest was illegal"
            break
        at = here.head
    out.append(f"clause={clause}")
    out.append(f"clause&type={clause}&{kind}")
    out.append(f"tense={_tense(report, children, verb)}")
    return out


def _tense(report: Report, children: dict, verb: int | None) -> str:
    if verb is None:
        return "none"
    token = report.tokens[verb]
    helpers = [c.lemma.lower() for c in children.get(verb, []) if c.dep in ("aux", "aux:pass")]
    marks = [c.lemma.lower() for c in children.get(verb, []) if c.dep == "mark"]
    if any(h in _FUTURE for h in helpers):
        return "future"
    if any(h in ("would", "could", "may", "might", "should", "must", "can") for h in helpers):
        return "modal"
    if "to" in marks or "to" in helpers:
        return "infinitive"
    if "have" in helpers:
        return "perfect"
    text = token.text.lower()
    if text.endswith("ing"):
        return "progressive" if "be" in helpers else "gerund"
    if token.pos != "VERB":
        return "copular"
    return "present" if text == token.lemma.lower() or text.endswith("s") and not helpers \
        else "past"


def family_of(name: str) -> str:
    """A feature's family: its name up to ``=`` ("tlem=arrest": "tlem"; "inside_quote")."""
    return name.split("=", 1)[0]


def kind_of(event: Event) -> str:
    """What the model calls an event's kind: its ACLED sub-event type, else ``P:`` + PLOVER type."""
    return event.sub_event_type or f"P:{event.plover_type}"


def _depth(report: Report, index: int) -> int:
    depth, seen = 0, {index}
    while report.tokens[index].head not in seen and 0 <= report.tokens[index].head < len(
            report.tokens):
        index = report.tokens[index].head
        seen.add(index)
        depth += 1
    return depth


def _head_of_word(report: Report, tokens: list, position: int) -> int:
    """The position (in ``tokens``, one sentence's (index, token) pairs) of the head of the
    hyphenated word that starts at ``position``: the tokenizer splits "re-arrested" into "re",
    "-", "arrested", and the act is the last part (English compounds are right-headed:
    "re-arrested", "car-bomb", "counter-attack"). Where the parse tells, the part nearest its
    root wins; a particle never does ("sit-in": "sit"); a single word is its own head."""
    parts = [position]
    while parts[-1] + 2 < len(tokens):
        here, hyphen, after = (tokens[parts[-1] + k][1] for k in range(3))
        if hyphen.text != "-" or hyphen.cstart != here.cend or after.cstart != hyphen.cend \
                or not after.text[:1].isalpha():
            break
        parts.append(parts[-1] + 2)
    # a particle is never the act ("sit-in", "crack-down"), whatever the parse made of it
    parts = [part for part in parts if tokens[part][1].pos not in ("ADP", "PART")] or [position]
    if len(parts) == 1:
        return parts[0]
    # the part nearest the root; equal depths (an unparsed sentence): the last part
    return min(parts, key=lambda part: (_depth(report, tokens[part][0]), -part))


def _clean(report: Report, raw_position: int) -> int:
    return bisect_left(report.offsets, raw_position) if len(report.offsets) else raw_position
