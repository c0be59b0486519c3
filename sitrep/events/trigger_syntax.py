"""What the dependency parse says about a trigger word's role in its sentence.

A trigger word names an event only where the sentence uses it to tell one. Used as a modifier
that only says what kind of thing another noun is ("an aid worker", "an arrest warrant", "the
protest movement", "an attack helicopter", "a detention centre"), it tells no event: the noun it
modifies is a person, a document, an organisation, a machine or a building.

A word that qualifies what is told (a modal, a negation, a denial) qualifies only what stands
in its clause: inside a relative clause it tells about the noun the clause describes, not about
the sentence's main act ("a civilian *who attempted to* rescue him was killed": the killing
happened; "the men, *who had threatened to* burn the village, were arrested").
"""

from __future__ import annotations

from ..model import Report

__all__ = ["modifies_another_noun", "lists_kinds_of_act", "in_a_series_of_phrases", "cue_reaches",
           "named_as_a_charge", "under_an_intention"]

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


# a list of this many act nouns or more names kinds of act, not occurrences
_KINDS_LISTED = 3
# the relations of a noun phrase in its clause: a gerund in one of them is used as a noun
# ("charged with kidnapping": obl), not as a predicate
_NOMINAL_DEPS = ("obl", "obj", "nmod", "nsubj", "nsubj:pass", "pobj", "dobj", "appos")


# a word with one of these below it is a predicate ("arresting thousands of people")
_PREDICATE_DEPS = ("obj", "dobj", "nsubj", "nsubj:pass", "iobj", "ccomp", "xcomp")


def _used_as_noun(tokens, token_range: tuple[int, int], index: int, list_dep: str) -> bool:
    """Whether token ``index`` is a noun, or a gerund without an object or subject of its own
    in a list that stands in a nominal relation ("charged with kidnapping, ...")."""
    token = tokens[index]
    if token.pos == "NOUN":
        return True
    return token.pos == "VERB" and token.text.lower().endswith("ing") and \
        list_dep.lower() in _NOMINAL_DEPS and not any(
            tokens[i].head == index and tokens[i].dep.lower() in _PREDICATE_DEPS
            for i in range(*token_range) if i != index)


def _conjuncts(tokens, token_range: tuple[int, int], index: int) -> list[int]:
    """The tokens coordinated with token ``index`` (itself included): up the ``conj`` chain
    to the first conjunct, then every ``conj`` below it."""
    first, steps = index, 0
    while tokens[first].dep == "conj" and token_range[0] <= tokens[first].head < token_range[1] \
            and tokens[first].head != first and steps < token_range[1] - token_range[0]:
        first, steps = tokens[first].head, steps + 1
    members, frontier = {first}, [first]
    while frontier:
        head = frontier.pop()
        for i in range(*token_range):
            if tokens[i].head == head and tokens[i].dep == "conj" and i not in members:
                members.add(i)
                frontier.append(i)
    return sorted(members)


def lists_kinds_of_act(report: Report, token_range: tuple[int, int], cstart: int,
                       cend: int) -> bool:
    """Whether the trigger at clean offsets ``cstart:cend`` is a noun in a list of three or
    more nouns ("charged with kidnapping, torture and murder", "a crackdown marked by
    abductions, arrests and killings", "due to banditry, fatal clashes and armed robbery").

    Such a list names kinds of act: the charges of a case, the abuses of a regime, the ills of
    a country. ACLED codes occurrences, which a report tells with a predicate of their own (who
    did what to whom); a list of act nouns is a category, a charge sheet or a summary. A gerund
    counts as a noun there when it has no object or subject of its own. On the 120 HRDsAttack
    articles (the tuning set, 2026-12-07) passing these over loses no annotated event."""
    tokens = report.tokens
    inside = [i for i in range(*token_range) if tokens[i].cstart < cend and tokens[i].cend > cstart]
    outer = [i for i in inside if tokens[i].head not in inside]
    if len(outer) != 1:
        return False
    members = _conjuncts(tokens, token_range, outer[0])
    list_dep = tokens[members[0]].dep
    if not _used_as_noun(tokens, token_range, outer[0], list_dep):
        return False
    if list_dep.lower() == "root":
        # the list is the sentence's root: the parser found no predicate to hang it on, in a
        # fragment ("Provinces, SANA-Army units, ... established control over an area") as
        # often as in a list of nouns
        return False
    return sum(_used_as_noun(tokens, token_range, i, list_dep) for i in members) >= \
        _KINDS_LISTED or in_a_series_of_phrases(report, token_range, cstart, cend)


# how many tokens a phrase of a series may hold between its preposition and the next comma
_PHRASE_TOKENS = 5


def in_a_series_of_phrases(report: Report, token_range: tuple[int, int], cstart: int,
                           cend: int) -> bool:
    """Whether the noun trigger at clean offsets ``cstart:cend`` is in a series of three or
    more phrases opened by one preposition and separated by commas, with no verb inside ("have
    suffered all their life on airstrikes, on war, on shootings, on bomb attacks"): a list of
    kinds the parser does not coordinate (each phrase hangs on the verb or on the phrase before,
    no ``conj``), as a coordinated list of act nouns is (:func:`lists_kinds_of_act`). Unlike the
    coordinated list, it holds for the words of means too (air strikes, bombs): a means in such
    a series is a kind of harm, and an act told with a verb keeps its verb ("were killed in
    Kabul, in Herat and in Kandahar" has no act noun in the series)."""
    tokens = report.tokens
    inside = [i for i in range(*token_range) if tokens[i].cstart < cend and tokens[i].cend > cstart]
    outer = [i for i in inside if tokens[i].head not in inside]
    if len(outer) != 1 or tokens[outer[0]].pos != "NOUN":
        return False
    low, high = token_range
    case = next((i for i in range(low, high)
                 if tokens[i].head == outer[0] and tokens[i].dep.lower() == "case"), None)
    if case is None:
        return False
    word = tokens[case].text.lower()

    def opens_a_phrase(i: int) -> bool:
        return low <= i < high and tokens[i].text.lower() == word

    def later(i: int) -> int | None:
        """The preposition of the phrase after the one ``i`` opens, or None."""
        for j in range(i + 1, min(high, i + _PHRASE_TOKENS + 2)):
            if tokens[j].pos in ("VERB", "AUX"):
                return None
            if tokens[j].text == ",":
                return j + 1 if opens_a_phrase(j + 1) else None
        return None

    def earlier(i: int) -> int | None:
        """The preposition of the phrase before the one ``i`` opens, or None."""
        if i - 1 < low or tokens[i - 1].text != ",":
            return None
        for j in range(i - 2, max(low - 1, i - _PHRASE_TOKENS - 3), -1):
            if tokens[j].pos in ("VERB", "AUX") or tokens[j].text == ",":
                return None
            if opens_a_phrase(j):
                return j
        return None

    count = 1
    for step in (earlier, later):
        position = step(case)
        while position is not None and count < _KINDS_LISTED:
            count, position = count + 1, step(position)
    return count >= _KINDS_LISTED


# clauses that describe a noun ("who attempted to rescue him", "trying to stop the looters";
# UD acl and acl:relcl): what their words qualify stays inside them
_NOUN_CLAUSE_DEP = "acl"


def _depth(tokens, token_range: tuple[int, int], index: int) -> int:
    depth = 0
    while tokens[index].head != index and token_range[0] <= tokens[index].head < token_range[1] \
            and depth < token_range[1] - token_range[0]:
        index, depth = tokens[index].head, depth + 1
    return depth


def _token_at(tokens, token_range: tuple[int, int], start: int, end: int) -> int | None:
    """The token of clean offsets ``start:end`` nearest the root of the parse ("tried" of
    "tried to", whose "to" hangs on the following verb)."""
    inside = [i for i in range(*token_range) if tokens[i].cstart < end and tokens[i].cend > start]
    if not inside:
        return None
    return min(inside, key=lambda i: _depth(tokens, token_range, i))


def cue_reaches(report: Report, token_range: tuple[int, int], cue: tuple[int, int],
                trigger: tuple[int, int]) -> bool:
    """Whether the modality cue at clean offsets ``cue`` governs the trigger at ``trigger``
    (both in the sentence of tokens ``token_range``), per its parse: not when the cue lies in a
    clause describing a noun (relative or participial) that does not hold the trigger. True
    when the parse does not tell (no parse, words not found)."""
    tokens = report.tokens
    if not any(tokens[i].dep for i in range(*token_range)):
        return True
    cue_token = _token_at(tokens, token_range, *cue)
    trigger_token = _token_at(tokens, token_range, *trigger)
    if cue_token is None or trigger_token is None:
        return True
    above_trigger = [trigger_token]
    index = trigger_token
    while tokens[index].head != index and token_range[0] <= tokens[index].head < token_range[1] \
            and len(above_trigger) <= token_range[1] - token_range[0]:
        index = tokens[index].head
        above_trigger.append(index)
    index, steps = cue_token, 0
    while index not in above_trigger:
        if tokens[index].dep.split(":")[0] == _NOUN_CLAUSE_DEP:
            return False
        head = tokens[index].head
        if head == index or not token_range[0] <= head < token_range[1] or \
                steps > token_range[1] - token_range[0]:
            return True
        index, steps = head, steps + 1
    # the cue hangs on the trigger or above it; a relative clause between them tells what the
    # people it describes did, which the cue does not qualify ("tried to arrest the men who
    # attacked the village")
    return not any(_relative_clause(tokens, token_range, i)
                   for i in above_trigger[:above_trigger.index(index)])


# relative clauses about people: "which" describes things, often an act the cue is about
# ("allegations that its aircraft were responsible for an attack which killed 40": CASE ATTRIB),
# and "that" also opens a noun's complement ("reports that soldiers attacked")
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose"})


def _relative_clause(tokens, token_range: tuple[int, int], index: int) -> bool:
    """Whether token ``index`` heads a relative clause about people (who, whom, whose)."""
    return tokens[index].dep == "acl:relcl" and any(
        tokens[i].head == index and tokens[i].text.lower() in _RELATIVE_PRONOUNS
        or tokens[i].text.lower() == "whose" and tokens[tokens[i].head].head == index
        for i in range(token_range[0], index))


# the words of a criminal case: an act hanging on one of them is what a person is charged with,
# tried or sentenced for ("charged with first-degree kidnapping", "arrested on charges of murder",
# "acquitted of helping militants storm the mall"): the court's allegation, not an occurrence
# the report tells. (Accusations by people, "accused soldiers of raping", are read as reports of
# the act, on the accuser's word: modality.py.)
_CASE_WORDS = frozenset({"charge", "convict", "conviction", "guilty", "sentence", "indict",
                         "indictment", "acquit", "acquittal", "prosecute", "prosecution", "trial"})
# what a charge is of: "charged with", "charges of", "charged for", "charges over"
_CHARGE_MARKERS = frozenset({"with", "of", "for", "over"})
# a penalty told beside the verdict ("found guilty and jailed"): the sentence, not an arrest
_VERDICT_WORDS = frozenset({"guilty", "convict", "sentence"})
# how far up the parse a charge may stand from the act it names ("charges of helping militants
# storm the mall in a 2013 attack": attack -> storm -> helping -> charges)
_CHARGE_STEPS = 5
# a clause that tells an occurrence of its own beside the case ("charged after being arrested
# on Monday", "charged him and arrested his brother", "charged several journalists, including
# one who was detained on March 21"): the walk up stops there
_OWN_OCCURRENCE = frozenset({"advcl", "conj", "parataxis", "acl:relcl"})


def named_as_a_charge(report: Report, token_range: tuple[int, int], cstart: int,
                      cend: int) -> str | None:
    """The word of a criminal case (charge, conviction, sentence, trial) that the trigger at
    clean offsets ``cstart:cend`` names the alleged crime of, per the parse of its sentence
    (``token_range``), or None.

    The act is what the case is about: it hangs on the case word within a few steps ("charged
    with kidnapping", "on charges of murder", "kidnapping and illegal detention charges"), or it
    is the penalty beside a verdict ("found guilty and jailed"). ACLED codes neither a court's
    proceedings nor the charges it hears as events; the act itself, if it happened, is told by
    the reports of it. The case's own arrest stays ("arrested him on charges of sedition": the
    arrest is the root, the charge hangs on it)."""
    tokens = report.tokens
    index = _token_at(tokens, token_range, cstart, cend)
    if index is None or not any(tokens[i].dep for i in range(*token_range)) or \
            tokens[index].lemma.lower() in _CASE_WORDS:
        return None  # the court's own act ("sentenced to five years": PLOVER's SANCTION)
    if tokens[index].dep == "conj" and tokens[tokens[index].head].lemma.lower() in _VERDICT_WORDS:
        return tokens[tokens[index].head].text
    for i in range(*token_range):
        # a noun list the parser hung the charge on ("facing kidnapping and detention charges")
        if tokens[i].head == index and tokens[i].dep == "conj" and tokens[i].pos == "NOUN" and \
                tokens[i].lemma.lower() in _CASE_WORDS:
            return tokens[i].text
    for _ in range(_CHARGE_STEPS):
        if tokens[index].dep in _OWN_OCCURRENCE or \
                tokens[index].dep.split(":")[0] in _OWN_OCCURRENCE:
            return None
        head = tokens[index].head
        if head == index or not token_range[0] <= head < token_range[1]:
            return None
        if tokens[head].lemma.lower() in _CASE_WORDS and (
                tokens[head].lemma.lower() != "charge" or _a_charge_of(tokens, token_range, index)):
            return tokens[head].text
        index = head
    return None


def _a_charge_of(tokens, token_range: tuple[int, int], index: int) -> bool:
    """Whether token ``index``, hanging on a form of "charge", is what the charge is of
    ("charged with kidnapping", "charges of murder", "kidnapping charges"), not where police
    charged ("police baton charged on a human chain")."""
    if tokens[index].dep in ("compound", "amod"):
        return True
    return any(tokens[i].head == index and tokens[i].dep in ("case", "mark")
               and tokens[i].lemma.lower() in _CHARGE_MARKERS for i in range(*token_range))


# Predicates of intending, plotting and trying, verbs and nouns ("plotted to kidnap", "a plot to
# kidnap", "charged with plotting to kidnap", "conspired to murder", "a bid to seize"): the act
# of their infinitive complement is what someone meant to do, not what happened. A lemma, or the
# word itself where the tagger read a gerund as a noun ("plotting", lemma "plotting").
_INTENT_WORDS = frozenset({
    "plot", "plotting", "plan", "planning", "conspire", "conspiring", "conspiracy", "scheme",
    "scheming", "intend", "intention", "intent", "attempt", "try", "seek", "aim", "prepare",
    "threaten", "threat", "vow", "pledge", "want", "hope", "bid", "effort"})
# the relations by which an infinitive clause hangs on the word it completes: UD's xcomp and
# acl ("a plot to kidnap"), and advcl, which the small parser gives most infinitives
_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl", "acl"})
# verbs that only say an act was done ("carry out an abduction", "stage a protest"): their object
# is the act, so the walk goes on above them; the object of any other verb is what that verb
# is about ("tried to stop the protest": the protest happened)
_DOING_VERBS = frozenset({"carry", "commit", "stage", "launch", "conduct", "perpetrate", "mount",
                          "hold", "organise", "organize", "execute", "make"})
# how far up the parse the act may stand from the intention ("plotted to carry out the
# abduction of": abduction -> carry -> plotted)
_INTENT_STEPS = 4


def _intent_word(token) -> bool:
    return token.lemma.lower() in _INTENT_WORDS or token.text.lower() in _INTENT_WORDS


def _infinitive(tokens, token_range: tuple[int, int], index: int) -> bool:
    """Whether token ``index`` heads an infinitive clause (a "to" marking it)."""
    return any(tokens[i].head == index and tokens[i].text.lower() == "to"
               and tokens[i].dep in ("mark", "aux") for i in range(token_range[0], index))


def under_an_intention(report: Report, token_range: tuple[int, int], cstart: int,
                       cend: int) -> str | None:
    """The word of intending, plotting or trying (:data:`_INTENT_WORDS`) whose infinitive
    complement holds the trigger at clean offsets ``cstart:cend``, per the parse of its
    sentence (``token_range``), or None.

    "Prosecutors charged the four with plotting to kidnap the journalist", "helped in the plan
    to kidnap Whitmer", "plotted to carry out an abduction": the act was meant, not done. The
    walk goes up from the trigger through the objects of the verbs between ("carry out the
    abduction") and through coordination ("plotted to attack the Capitol and kidnap the
    governor"), and stops at a clause that tells an occurrence of its own (a relative clause,
    a clause of time or cause beside the intention: "gunmen who planned to rob the bank
    killed a guard"). An act word modifying a noun of intention is its aim too ("the kidnap
    plot"). A noun object of "plan" or "plot" is left alone: "planned the bombing
    that killed 200" tells a bombing that happened. A bare verb the parser coordinated with the
    intention itself, after its infinitive, continues the infinitive's list ("plotted to attack
    the Capitol, kidnap the governor and target police", parsed with "kidnap" as a conjunct of
    "plotted")."""
    tokens = report.tokens
    low, high = token_range
    index = _token_at(tokens, token_range, cstart, cend)
    if index is None or not any(tokens[i].dep for i in range(low, high)):
        return None
    for _ in range(_INTENT_STEPS):
        head = tokens[index].head
        if head == index or not low <= head < high:
            return None
        dep = tokens[index].dep
        if dep == "conj":
            if _intent_word(tokens[head]):
                return tokens[head].text if _continues_a_list(tokens, token_range, head,
                                                              index) else None
            index = head
            continue
        if dep in _COMPLEMENT_DEPS and _infinitive(tokens, token_range, index):
            if _intent_word(tokens[head]):
                return tokens[head].text
            return None  # an infinitive of purpose or result on another verb: its own reading
        if dep in ("compound", "amod") and _intent_word(tokens[head]) and \
                tokens[head].pos in ("NOUN", "PROPN"):
            return tokens[head].text  # "the kidnap plot", "an assassination attempt"
        if dep not in ("obj", "dobj") or tokens[head].lemma.lower() not in _DOING_VERBS:
            return None
        index = head
    return None


def _continues_a_list(tokens, token_range: tuple[int, int], intent: int, index: int) -> bool:
    """Whether token ``index``, a conjunct of the intention ``intent``, is a bare verb form told
    after the intention's infinitive complement: one more item of what was meant."""
    token = tokens[index]
    if not token.text[:1].islower() or token.text.lower() != token.lemma.lower():
        return False  # "plotted to rob the bank and killed a guard": told as done
    if any(tokens[i].head == index and tokens[i].dep.startswith("nsubj")
           for i in range(*token_range)):
        return False
    return any(tokens[i].head == intent and tokens[i].dep in _COMPLEMENT_DEPS
               and _infinitive(tokens, token_range, i) for i in range(token_range[0], index))
