"""Which predicate a time expression belongs to, by the parse (``Syntax``): the clause rules of
``date_events``. A time dates an event only when it belongs to the event's own clause: not a
relative, reported or parenthetical clause the event stands outside of, not a relative clause of
another act, not a past participle describing the object of another verb ("reunited families
with the boys freed from the camp" on Saturday: freed before), not the rest of the sentence
for an event in a relative clause set off by a comma (read off the words: "Kaur, who was
arrested ..., the court on Friday granted her bail"), not a
clause that bounds the event's period ("since the army seized power in a March 3 coup"), not
the day a saying hung from the trigger was told, not the verb whose object the event noun is
("criticised on Thursday the detention of ..."), not a noun's date where the noun is what
the event is against, before or about ("a protest against the rigging of the election of 9
August").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import Event, Report, TimeExpr

__all__ = ["Syntax"]


class Syntax:
    """The report's tokens, to see which predicate a time expression belongs to."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.starts = [token.cstart for token in report.tokens]
        self.children: dict[int, list[int]] | None = None   # built when first asked
        # the heads of spans and the chains above tokens, once asked: date_events asks them of
        # the same triggers and times for every pair of an event and a time it weighs
        self.heads: dict[tuple[int, int], int | None] = {}
        self.chains: dict[int, list[int]] = {}

    def _clean(self, raw_position: int) -> int:
        offsets = self.report.offsets
        return bisect_left(offsets, raw_position) if len(offsets) else raw_position

    def verb_between(self, event: Event, time: TimeExpr) -> bool:
        """Whether the trigger is a noun that is the object of another verb which the time
        expression, standing before both, belongs to: in "Bachelet on Thursday criticised the
        detention of Jimmy Lai", Thursday is when she criticised, not when he was detained.
        "the arrest of X on Thursday", "Thursday's arrest" and "police on Monday carried out the
        arrest" (a light verb: the noun is the act itself) keep their date."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens or time.end > event.trigger.start:
            return False
        at = bisect_right(self.starts, self._clean(event.trigger.start)) - 1
        if at < 0 or tokens[at].pos != "NOUN":
            return False
        # up from the noun through the nouns it depends on ("appeals against the acquittal of
        # Sheikh in the kidnapping") to the verb that governs them
        trigger, steps = tokens[at], 0
        while tokens[at].pos in ("NOUN", "PROPN") and tokens[at].dep in _NOMINAL_LINKS and \
                0 <= tokens[at].head < len(tokens) and tokens[at].head != at and steps < 4:
            at, steps = tokens[at].head, steps + 1
        verb = tokens[at]
        return steps > 0 and verb.pos == "VERB" and verb.lemma.lower() not in _LIGHT_VERBS and \
            self._clean(time.end) <= verb.cstart < trigger.cstart

    def stem(self, event: Event) -> str | None:
        """The first five letters of the lemma of the trigger's head word: one stem for the verb
        and its noun ("kidnapped", "kidnapping"; "arrested", "arrest")."""
        if event.trigger is None or not self.report.tokens:
            return None
        at = self._token(event.trigger.start, event.trigger.end)
        return self.report.tokens[at].lemma.lower()[:5] if at is not None else None

    def names_year_of(self, event: Event, time: TimeExpr) -> bool:
        """Whether the time expression modifies the trigger's head noun before it, naming the
        act by its year: "the 2013 anti-government protests", "the 2016 peace deal"."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens or time.end > event.trigger.start:
            return False
        at = self._token(event.trigger.start, event.trigger.end)
        year = self._token(time.start, time.end)
        return at is not None and year is not None and tokens[at].pos == "NOUN" and \
            tokens[year].head == at and tokens[year].dep in _YEAR_MODIFIER

    def _token(self, start: int, end: int) -> int | None:
        """The token heading the raw span ``start:end`` (the one whose head lies outside it)."""
        if (start, end) not in self.heads:
            self.heads[start, end] = self._find_token(start, end)
        return self.heads[start, end]

    def _find_token(self, start: int, end: int) -> int | None:
        tokens = self.report.tokens
        first = bisect_right(self.starts, self._clean(start)) - 1
        last = bisect_left(self.starts, self._clean(end))
        inside = range(max(0, first), min(len(tokens), max(first + 1, last)))
        for at in inside:
            if tokens[at].cend > self._clean(start) and not inside.start <= tokens[at].head < inside.stop:
                return at
        return inside.start if len(inside) else None

    def _up(self, at: int) -> list[int]:
        """``at`` and its heads up to the root of its sentence (not to be changed: shared)."""
        if at not in self.chains:
            self.chains[at] = self._find_chain(at)
        return self.chains[at]

    def _find_chain(self, at: int) -> list[int]:
        tokens, chain = self.report.tokens, [at]
        while 0 <= tokens[at].head < len(tokens) and tokens[at].head != at and len(chain) < 64:
            at = tokens[at].head
            if at in chain:
                break
            chain.append(at)
        return chain

    def other_clause(self, event: Event, time: TimeExpr) -> bool:
        """Whether the time expression belongs to another clause than the event's trigger, by the
        parse: the trigger sits in a relative, reported or parenthetical clause the time is
        outside of ("Kaur, who was arrested in Haryana, ... the court on Friday granted her bail";
        "Gunmen abducted a man ..., his sister told Reuters on Friday": Friday is when she told),
        or the time sits in such a clause hanging from another word than the trigger ("police
        arrested two men who had protested on Monday"). A clause describing the trigger itself
        keeps its time ("the abduction, which occurred on Thursday")."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens or \
                _WHEN_AFTER.match(self.report.raw, time.end):
            return False
        trigger = self._token(event.trigger.start, event.trigger.end)
        when = self._token(time.start, time.end)
        if trigger is None or when is None or tokens[trigger].sent != tokens[when].sent:
            return False
        above_trigger = self._up(trigger)
        above_time = self._up(when)
        common = next((at for at in above_time if at in above_trigger), None)
        if common is None:
            return False
        trigger_side = above_trigger[:above_trigger.index(common)]
        time_side = above_time[:above_time.index(common)]
        return any((tokens[at].dep in _CLAUSE_LINKS or self._reduced_relative(at)) and
                   not self._when_clause(at) for at in trigger_side) or \
            any(tokens[at].dep in _CLAUSE_LINKS and tokens[at].head != trigger and
                not self._when_clause(at) and
                (tokens[at].dep != "acl:relcl" or not self._progressive(at)) for at in time_side)

    def _reduced_relative(self, at: int) -> bool:
        """Whether token ``at`` is a past participle describing a noun after it that stands as a
        complement of another verb: a relative clause without its pronoun ("authorities on
        Saturday reunited families with the boys freed from the camp": the boys were freed
        before, not on Saturday). Not a participle after the subject, which the parser often
        makes of a finite verb ("Masked men detained X on Monday"), nor a present participle,
        which tells what was going on then ("arrested men fishing on Saturday")."""
        tokens = self.report.tokens
        word = tokens[at]
        if word.dep != "acl" or word.pos != "VERB" or not 0 <= word.head < at or \
                word.text.lower().endswith("ing") or word.text.lower() == word.lemma.lower():
            return False
        before = at - 1
        while before > word.head and (tokens[before].pos == "ADV" or
                                      tokens[before].text.lower().endswith("ly")):
            before -= 1   # "and briefly detained"
        if tokens[before].pos == "CCONJ" or \
                any(tokens[child].dep in _FINITE_MARKS for child in self._children(at)):
            return False   # "raided the office ... and briefly detained three": a finite verb
        noun = word.head
        for _ in range(4):
            # up through the noun phrase ("the families of the boys freed") to the verb whose
            # complement it is
            link, head = tokens[noun].dep, tokens[noun].head
            if not 0 <= head < len(tokens) or head == noun:
                return False
            if link in _COMPLEMENT_LINKS:
                return tokens[head].pos == "VERB"
            if link not in _NOUN_PHRASE_LINKS:
                return False
            noun = head
        return False

    def belongs_to(self, event: Event, time: TimeExpr) -> bool:
        """Whether the parse hangs the time expression on the event's own predicate: on the
        trigger, or on a verb the trigger is conjoined to or an adverbial or complement clause
        of, however far apart the words stand ("In 2014, gunmen stormed the school and abducted
        276 girls": 2014 is when they abducted). Not a noun the trigger is the object of ("In
        2014 she criticised the detention of ...": 2014 is when she criticised)."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens:
            return False
        trigger = self._token(event.trigger.start, event.trigger.end)
        when = self._token(time.start, time.end)
        if trigger is None or when is None or tokens[trigger].sent != tokens[when].sent:
            return False
        head = tokens[when].head
        for at in self._up(trigger):
            if at == head:
                return True
            # a participle hanging from the sentence's root noun is the parser's reading of a
            # finite verb ("In 2014, gunmen abducted ..." parsed as "gunmen [who were] abducted")
            if tokens[at].dep not in _SAME_PREDICATE and not (
                    tokens[at].dep == "acl" and tokens[tokens[at].head].dep == "ROOT"):
                return False
        return False

    def hangs_on(self, event: Event, time: TimeExpr) -> bool:
        """Whether the parse hangs the time expression on the trigger itself ("On July 11, X was
        kidnapped at A, and on August 30, a foreigner was kidnapped at B": July 11 on the first
        "kidnapped", August 30 on the second, however near the second stands to the first)."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens:
            return False
        trigger = self._token(event.trigger.start, event.trigger.end)
        when = self._token(time.start, time.end)
        if trigger is None or when is None or when == trigger:
            return False
        head = tokens[when].head
        if tokens[when].dep == "appos" and 0 <= head < len(tokens):
            head = tokens[head].head   # "Today (on Sunday)": the day the word before it names
        return head == trigger

    def of_another_happening(self, event: Event, time: TimeExpr) -> bool:
        """Whether the time expression dates another noun's happening, not the trigger's: it
        stands in that noun's phrase, before it ("this week's raids", "the August 9, 2020
        presidential elections", read by its place whatever the parse makes of it) or after
        "of" ("the rigging of the presidential election of 9 August"), and the noun is tied to
        the trigger through a preposition or marker of another relation than following it
        ("protest against the rigging of ...", "jailed prior to this week's raids"): the protest
        is not on election day. "On August 9th", "in September" after a noun is left alone (as
        often the sentence's own time, which the parser hangs on the nearest noun), and so is a
        noun the event is told as following ("arrested after Sunday's protest": coded on
        Sunday, the nearest day told) or happening in ("killed in Friday's attack")."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens:
            return False
        trigger = self._token(event.trigger.start, event.trigger.end)
        noun = self._noun_of(time)
        if trigger is None or noun is None or noun == trigger or \
                tokens[trigger].sent != tokens[noun].sent:
            return False
        above_trigger = self._up(trigger)
        path = []
        for at in self._up(noun):
            if at in above_trigger:
                break
            path.append(at)
        else:
            return False
        return any(any(tokens[child].dep in ("case", "mark") and
                       tokens[child].text.lower() in _RELATING for child in self._children(at))
                   for at in path)

    def _noun_of(self, time: TimeExpr) -> int | None:
        """The noun whose phrase the time expression stands in, if any: the noun right after it
        ("the August 9, 2020 presidential elections", "Wednesday's arrests"; the parser often
        reads such a date as a verb's object), else the noun the parse hangs it on as a
        modifier ("the election of 9 August")."""
        tokens = self.report.tokens
        when = self._token(time.start, time.end)
        if when is None:
            return None
        first = bisect_right(self.starts, self._clean(time.start)) - 1
        before = tokens[first - 1] if first > 0 else None
        after = bisect_left(self.starts, self._clean(time.end))
        possessive = after < len(tokens) and tokens[after].text in ("'s", "’s")
        prenominal = possessive or before is None or before.pos != "ADP" or \
            before.sent != tokens[when].sent
        while after < len(tokens) and tokens[after].sent == tokens[when].sent and (
                tokens[after].pos in ("ADJ", "PART") or tokens[after].text in ("'s", "’s")) and \
                tokens[after].dep in ("amod", "case", "compound"):
            after += 1   # "'s", "presidential"
        if prenominal and after < len(tokens) and tokens[after].sent == tokens[when].sent and \
                tokens[after].pos == "NOUN" and tokens[after].cstart <= self._clean(time.end) + 24:
            return after
        head = tokens[when].head
        if 0 <= head < len(tokens) and head != when and tokens[head].pos in ("NOUN", "PROPN") \
                and tokens[when].dep in _NOUN_MODIFIER_LINKS and (
                    prenominal or before.text.lower() == "of"):
            # "of 9 August" names the noun's day; "on August 9th", "in September" after a noun
            # is as often the sentence's time, which the parser hangs on the nearest noun
            return head
        return None

    def in_bounding_clause(self, event: Event, time: TimeExpr) -> bool:
        """Whether the time expression stands in a clause that bounds the event's period rather
        than dating it: opened by "since", "until" or "before" and holding a verb of its own
        ("40 journalists arrested since the army seized power in a March 3 coup": March 3 is when
        the army seized power, the arrests came after it). Read off the words, not the parse's
        attachment, which often hangs such a clause's time on the main verb; "detained since
        March 3" (no clause) still dates the detention's start."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens:
            return False
        trigger = self._clean(event.trigger.start)
        first = bisect_right(self.starts, self._clean(time.start)) - 1
        if first < 0:
            return False
        sentence = tokens[first].sent
        at = first - 1
        while at >= 0 and tokens[at].sent == sentence and tokens[at].text not in ",;:":
            if tokens[at].text.lower() in _BOUNDING:
                # the event outside the clause, and a verb inside it
                return not tokens[at].cstart <= trigger < self._clean(time.end) and any(
                    tokens[between].pos in ("VERB", "AUX") for between in range(at + 1, first))
            at -= 1
        return False

    def in_relative_aside(self, event: Event, time: TimeExpr) -> bool:
        """Whether the trigger stands in a relative clause set off by a comma (", who was
        arrested in Haryana during the farmers' agitation,") that the time expression stands
        outside of ("... the High Court on Friday granted her bail": Friday is when the court
        granted it). Read off the words: the parser often hangs such a clause, or the rest of the
        sentence, on the wrong word ("arrested" as an adverbial clause of the name it describes,
        the court's Friday inside it), so other_clause does not see it. A time inside the clause
        is its own ("Kaur, who was arrested on January 12, ...")."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens:
            return False
        trigger = bisect_right(self.starts, self._clean(event.trigger.start)) - 1
        if trigger < 1:
            return False
        sentence = tokens[trigger].sent
        at = trigger - 1
        while at > 0 and tokens[at].sent == sentence and tokens[at].text not in _ASIDE_BOUNDS:
            if tokens[at].text.lower() in _RELATIVE_PRONOUNS:
                if tokens[at - 1].text not in (",", "—", "–") or \
                        tokens[at - 1].sent != sentence:
                    return False
                end = trigger + 1
                while end < len(tokens) and tokens[end].sent == sentence and \
                        tokens[end].text not in _ASIDE_BOUNDS:
                    end += 1
                close = tokens[end].cstart if end < len(tokens) else len(self.report.text)
                return not tokens[at].cstart <= self._clean(time.start) < close
            at -= 1
        return False

    def _children(self, at: int) -> list[int]:
        if self.children is None:
            self.children = {}
            for child, token in enumerate(self.report.tokens):
                if token.head != child:
                    self.children.setdefault(token.head, []).append(child)
        return self.children.get(at, [])

    def _progressive(self, at: int) -> bool:
        """Whether the clause of verb ``at`` is progressive ("who were fishing illegally on
        Saturday morning"): it tells what was going on around its sentence's act, so its time
        may be the sentence's own ("battled fishermen who were fishing ... on Saturday": the
        battle was on Saturday). A relative clause telling an act of its own, in any other tense
        ("who had protested on Monday", "aid workers who were abducted on 18 July"), has a time
        of its own, not its sentence's."""
        tokens = self.report.tokens
        return tokens[at].text.lower().endswith("ing") and any(
            tokens[child].dep.startswith("aux") and tokens[child].lemma.lower() == "be"
            for child in self._children(at))

    def _when_clause(self, at: int) -> bool:
        """Whether the clause headed by ``at`` opens with "when" or "where": it tells what
        happened at the time its head names ("hit a flashpoint last month when a student was
        kidnapped", "the offensive two weeks ago where drone attacks took out ...")."""
        tokens = self.report.tokens
        return any(child < at and tokens[child].text.lower() in ("when", "where")
                   for child in self._children(at))

    def said_when(self, time: TimeExpr) -> bool:
        """Whether the time expression belongs to a verb of saying ("his sister told Reuters on
        Friday", "police said on Monday"): when it was said, the latest day what was said can
        have happened on."""
        return self._saying(time) is not None

    def _source(self, at: int) -> bool:
        """Whether token ``at`` is a report or statement the sentence cites as its source: a
        noun of _REPORTS introduced by a preposition ("according to a March 5 report", "in a
        statement on Tuesday") or read as the sentence's root; not one an act of the story
        makes ("after he wrote a Friday article": the article is the story's)."""
        tokens = self.report.tokens
        return tokens[at].pos == "NOUN" and tokens[at].lemma.lower() in _REPORTS and (
            tokens[at].dep == "ROOT" or any(tokens[child].dep in ("case", "fixed")
                                            for child in self._children(at)))

    def told_apart(self, event: Event, time: TimeExpr) -> bool:
        """Whether the time expression belongs to a verb of saying other than the event's own
        trigger, however the parser hangs that verb ("Gunmen freed the girls, officials said on
        Tuesday", read as an aside of "freed"): Tuesday is when it was told, not when they were
        freed. A statement's own day ("the ministry said on Tuesday", a statement event) stays."""
        verb = self._saying(time)
        if verb is None or event.trigger is None:
            return False
        # the saying's own adverbial, not a noun's date ("after writing an Oct. 29 article")
        when = self._token(time.start, time.end)
        return self.report.tokens[when].head == verb and \
            verb != self._token(event.trigger.start, event.trigger.end)

    def _saying(self, time: TimeExpr) -> int | None:
        """The verb of saying the time expression belongs to (the first verb above it), or the
        noun of a report or statement it dates (its head), if any."""
        tokens = self.report.tokens
        when = self._token(time.start, time.end) if tokens else None
        if when is None:
            return None
        head = tokens[when].head
        if head != when and 0 <= head < len(tokens) and self._source(head):
            # "according to a March 5 report, ...", "in a statement on Tuesday": the day the
            # report or statement was made, however the parser hangs the rest of the sentence
            return head
        verb = next((at for at in self._up(when)[1:] if tokens[at].pos == "VERB"), None)
        return verb if verb is not None and tokens[verb].lemma.lower() in _SAYING else None


# "last month when ...", "two weeks ago where ...": the clause that follows tells what happened
# then, however the parser hangs it
_WHEN_AFTER = re.compile(r"(?i)\s*,?\s*(?:when|where)\b")

# Dependencies that open a clause telling another happening than its head's: a relative clause
# (acl:relcl), a reported one (ccomp), an aside (parataxis), a clausal subject. Conjoined and
# adverbial clauses (conj, advcl) stay in the same story: "raided the office yesterday and
# detained three", "was killed when gunmen attacked on Monday". A bare participle (acl) is left
# out: the parser reads many a finite verb as one modifying its subject ("Pakistani troops on 29
# July fired on ...", "Masked men detained X on Monday"), which cost 7 of ACLED's Asia 2015 dev
# notes their day; only a past participle describing a verb's complement is taken for a
# relative clause (Syntax._reduced_relative).
_CLAUSE_LINKS = ("acl:relcl", "ccomp", "parataxis", "csubj", "csubj:pass")

# how a noun described by a participle stands as a complement of a verb, directly or inside a
# larger noun phrase (Syntax._reduced_relative)
_COMPLEMENT_LINKS = {"obj", "iobj", "obl"}
_NOUN_PHRASE_LINKS = {"nmod", "conj", "appos"}
# what a participle the parser hangs on a noun has when it is a finite verb after all: a
# conjunction joining it to the verb before, an auxiliary, a subject of its own
_FINITE_MARKS = {"cc", "aux", "aux:pass", "nsubj", "nsubj:pass"}

# links that keep a word in its head's predicate for dating: a conjoined verb ("stormed the
# school and abducted"), an adverbial or open complement clause ("stormed the school, abducting")
_SAME_PREDICATE = ("conj", "advcl", "xcomp")

# a relative clause set off by a comma opens with one of these and ends at the next of _ASIDE_BOUNDS
_RELATIVE_PRONOUNS = {"who", "whom", "whose", "which"}
_ASIDE_BOUNDS = {",", ";", ":", "—", "–", "(", ")"}

# how a date stands in a noun phrase: "the election of 9 August", "the August 9 election",
# "Sunday's vote"
_NOUN_MODIFIER_LINKS = {"nmod", "compound", "nmod:poss", "nummod", "amod", "appos"}
# prepositions and markers relating one happening to another that it does not follow: what
# they introduce is another happening, on another day ("a protest against the rigging of the
# election of 9 August", "jailed prior to this week's raids", "detained ahead of Sunday's
# vote"). Not "after" or "following": an act told only as coming after a dated happening
# ("police arrested 20 after Sunday's protest") is coded on that day, the nearest one told (on
# the measuring articles, the two such dates this rule took away were the annotators' days)
_RELATING = {"before", "since", "against", "over", "amid", "amidst", "ahead", "despite",
             "until", "prior"}

# words opening a clause that bounds a period: its time is the bound's, not the event's
_BOUNDING = {"since", "until", "till", "before"}


# verbs of saying and reporting: their time is when something was told, not when it happened
_SAYING = {"say", "tell", "report", "announce", "confirm", "add", "state", "claim", "allege",
           "declare", "reveal", "disclose", "explain", "write", "tweet", "post", "note",
           "insist", "deny", "acknowledge", "admit", "complain", "recount", "recall"}


# nouns of a report or statement: a date they take is when it was made ("a March 5 report",
# "a statement on Tuesday"), as a verb of saying's is (not "release": a release of prisoners is
# an act)
_REPORTS = {"report", "statement", "article", "interview", "announcement", "tweet", "post",
            "broadcast", "briefing", "communique", "communiqué", "bulletin", "letter"}


# how an event noun hangs from the verb whose time it is not: its object, or a noun phrase in
# it ("criticised the detention", "dismissed appeals against the acquittal in the kidnapping")
_NOMINAL_LINKS = {"obj", "nmod", "obl"}


# verbs whose object noun names their own act ("carried out arrests", "staged a protest")
_LIGHT_VERBS = {"make", "carry", "conduct", "stage", "launch", "hold", "mount", "perform",
                "commit", "execute", "undertake", "begin", "start", "continue", "resume"}

# a year standing as a modifier of a noun ("the 2013 protests": nummod; "2013" tagged a noun:
# compound)
_YEAR_MODIFIER = {"nummod", "compound", "amod"}
