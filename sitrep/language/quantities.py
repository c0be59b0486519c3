"""The ``find_quantities`` stage: casualty counts and material, kept apart by kind.

Reads counts next to casualty words — "killing 6 civilians", "at least a dozen dead", "two soldiers
were wounded", "scores of protesters were arrested", "the death toll rose to 30" — and material
("two tanks", "three bombs", "dozens of assault rifles"). Kinds: killed, injured, arrested,
abducted, displaced, material. Counts are read conservatively (see ``numbers.py``): the lowest
stated figure, ``None`` for "several". Every :class:`~sitrep.model.Quantity` keeps its reason.
"""

from __future__ import annotations

from ..model import Quantity, Report
from .numbers import Count, read_count

__all__ = ["FindQuantities", "IMPLIED"]

# Words after the counted noun ("two soldiers were wounded", "12 dead").
_AFTER = {
    **dict.fromkeys("killed dead died slain executed massacred murdered perished beheaded "
                    "drowned lynched slaughtered assassinated martyred succumbed".split(),
                    "killed"),
    **dict.fromkeys("wounded injured hurt maimed".split(), "injured"),
    **dict.fromkeys("arrested detained jailed apprehended imprisoned".split(), "arrested"),
    **dict.fromkeys("abducted kidnapped".split(), "abducted"),
    **dict.fromkeys("displaced".split(), "displaced"),
}
# Verbs before the count ("killing 6 civilians", "arrested scores of protesters").
_BEFORE = {
    **dict.fromkeys("killing killed kill kills slaying slew executing executed massacring "
                    "massacred murdering murdered lynched lynching beheaded beheading "
                    "slaughtered slaughtering assassinated assassinating".split(), "killed"),
    **dict.fromkeys("wounding wounded wound wounds injuring injured injure injures "
                    "maiming".split(), "injured"),
    **dict.fromkeys("arresting arrested arrest arrests detaining detained detain "
                    "detains".split(), "arrested"),
    **dict.fromkeys("abducting abducted abduct abducts kidnapping kidnapped kidnap "
                    "kidnaps".split(), "abducted"),
    **dict.fromkeys("displacing displaced displace".split(), "displaced"),
}
# Nouns that are themselves the casualty ("12 deaths", "30 arrests").
_NOUN_KINDS = {
    **dict.fromkeys("deaths death fatalities dead bodies corpses".split(), "killed"),
    **dict.fromkeys("injuries injured wounded".split(), "injured"),
    **dict.fromkeys("arrests detentions detainees".split(), "arrested"),
    **dict.fromkeys("abductions kidnappings hostages captives".split(), "abducted"),
}
_MATERIAL = frozenset("""tank tanks vehicle vehicles armoured armored bomb bombs rocket rockets
    missile missiles mortar mortars shell shells drone drones rifle rifles gun guns weapon weapons
    cartridge cartridges round rounds ied ieds mine mines landmines grenade grenades aircraft
    helicopter helicopters jet jets plane planes warplanes truck trucks pickup pickups cars car
    howitzers howitzer launchers launcher artillery ammunition explosives barrels machineguns
    machine-guns humvees boats ships""".split())
_AUX = frozenset("""were was are is have has had been being be got get reportedly also later
    allegedly reported said believed feared confirmed apparently all both subsequently since
    then were later""".split())
# Nouns a number can count that are not casualties ("two years", "5 km", "3 times").
_NOT_COUNTED = frozenset("""years year months month weeks week days day hours hour minutes
    minute seconds times km kilometres kilometers miles metres meters percent per cent dollars
    euros pounds tonnes tons am pm a.m. p.m. %""".split())
_STOP = frozenset({",", ".", ";", ":", "(", ")", '"', "and", "but", "or", "in", "on", "at",
                   "from", "by", "after", "during", "near", "with", "while", "when", "as", "of",
                   "to", "into", "for", "who", "which", "that", "belonging"})
_TOLL = frozenset({"toll", "tolls"})


class FindQuantities:
    """Casualty counts and material in ``report.quantities``; needs ``segment`` to have run.

    ``material``: also record counted material ("two tanks", "three bombs").
    """

    name = "find_quantities"

    def __init__(self, material: bool = True) -> None:
        self.material = material

    def __call__(self, report: Report) -> Report:
        quantities: list[Quantity] = []
        tokens = report.tokens
        for start, end in report.sentence_token_ranges():
            words = [t.text.lower() for t in tokens[start:end]]
            for first, last, kind, count, item, why in _scan(words):
                if kind == "material" and not self.material:
                    continue
                span = report.raw_span(tokens[start + first].cstart,
                                       tokens[start + last - 1].cend)
                quantities.append(Quantity(span.start, span.end, span.text, kind, count.value,
                                           count.low, count.high, item, f"{why}; {count.why}"))
        report.quantities = quantities
        return report


def _scan(words: list[str]):
    """``(first, end, kind, count, item, why)`` for every quantity in one sentence's words."""
    index = 0
    while index < len(words):
        if words[index] in ("blew", "blowing") and words[index + 1:index + 3] in (
                ["himself", "up"], ["herself", "up"]):
            # "the suicide bomber blew himself up": the attacker is one of the dead
            yield index, index + 3, "killed", Count(index + 3, 1, 1, 1, "one person"), \
                "attacker", f"{words[index]!r} {words[index + 1]!r} 'up'"
            index += 3
            continue
        if words[index] in ("killing", "killed") and index + 1 < len(words) and \
                words[index + 1] in ("himself", "herself"):
            # "set off a grenade, killing himself": the attacker is one of the dead
            yield index, index + 2, "killed", Count(index + 2, 1, 1, 1, "one person"), \
                "attacker", f"{words[index]!r} {words[index + 1]!r}"
            index += 2
            continue
        negated = _negated(words, index)
        if negated is not None:
            first, end, kind, why = negated
            yield first, end, kind, Count(end, 0, 0, None, "stated none"), None, why
            index = end
            continue
        single = _one_dead(words, index)
        if single is not None:
            end, dead, why = single
            yield index, end, "killed", Count(end, dead, dead, None, IMPLIED), None, why
            index = end
            continue
        count = read_count(words, index) if _may_start(words, index) else None
        if count is None:
            index += 1
            continue
        found = _attach(words, index, count)
        if found is None:
            index = max(index + 1, count.end if count.value is None else index + 1)
            continue
        yield found
        index = found[1]


def _may_start(words: list[str], index: int) -> bool:
    word = words[index]
    if word in ("a", "an", "one", "single"):         # "a soldier was killed" but not "a way"
        return True
    return index == 0 or words[index - 1] != "-" or not words[index - 1].isalpha()


def _attach(words: list[str], index: int, count: Count):
    """Tie a count to a casualty kind or material: ``(first, end, kind, count, item, why)``."""
    if _age(words, count.end):
        return None                       # "a 16-year-old girl": the 16 is her age
    before = _kind_before(words, index)
    j = count.end
    head = None
    ages = 0                              # words of ages, not counted in the noun phrase
    while j < len(words) and j - count.end - ages < _NOUN_PHRASE:
        word = words[j]
        if _age(words, j + 1) and read_count(words, j) is not None:
            j, ages = j + 5, ages + 5     # "a 40-year-old man": an age inside the noun phrase
            continue
        if word in _NOT_COUNTED or (count.value and 1900 <= count.value <= 2100 and head is None
                                    and words[index].isdigit() and len(words[index]) == 4):
            return None
        if count.value is None and word not in ("a", "an") and _numeral(words, j):
            return None           # "the other attack three people were killed": the three count
        if word in ("including", "among") and head is not None:
            break                 # "four persons including a tribal elder ... were killed"
        if word == "and" and head is not None and _joined_noun(words, j + 1):
            # "15 suspected TTP and other militants were killed", "20 Sindhi and Punjabi
            # labourers": one counted noun phrase, not a second count
            head, j = f"{head} and {words[j + 1]}", j + 2
            continue
        if word in _NOUN_KINDS and head in _MANNER:
            break                        # "a motorcycle shot dead two": a verb, not a noun
        if word in _NOUN_KINDS and not before:
            return index, j + 1, _NOUN_KINDS[word], count, None, f"count of {word!r}"
        if word in _MATERIAL and (j + 1 >= len(words) or words[j + 1] not in _MATERIAL):
            if before or (words[index] in ("a", "an") and count.value == 1):
                break        # "killed two in a car bomb": the count is of people, "a bomb" noise
            return index, j + 1, "material", count, word, f"material {word!r}"
        if word in _STOP or word in _AUX or (word in _AFTER and head is None and j > count.end):
            break
        if word in _AFTER:
            break
        head, j = word, j + 1
    first = index - 1 if index and words[index - 1] == "between" else index
    # After the counted noun: auxiliaries/adverbs, then the casualty word. It wins over a verb
    # before the count ("killed and one was injured": the one was injured).
    k = _skip_aside(words, j)
    if head is not None and not before:
        k = _skip_complement(words, k)
    k = _past_aux(words, k)
    after = _kind_after(words, k)
    if after is not None and (head is not None or j == count.end):
        if words[index] in ("a", "an", "one") and count.value == 1 and not _person(head) and not (
                words[index] == "one" and head is None):
            return None                 # "at a Dhaka cafe was killed": not a count of people
        kind, stop = after
        # the counted noun ("people", "soldiers") says who: later stages tell victims apart
        return first, stop, kind, count, head, f"{' '.join(words[k:stop])!r} after the count"
    conjunction = _and_after_complement(words, j) if head is not None and not before else None
    if conjunction is not None:
        # "Three militants and a soldier were killed", "two leaders of the NDFB and a member of
        # the KPLT were killed": both counts share the casualty word.
        second = read_count(words, conjunction + 1)
        shared = _attach(words, conjunction + 1, second) if second is not None else None
        if shared is not None and "after the count" in shared[5]:
            # one casualty word, two counts: the event's toll is their sum (ACLED's figure)
            total = None if count.value is None or shared[3].value is None else \
                count.value + shared[3].value
            return first, shared[1], shared[2], Count(shared[1], total, None, None,
                                                      f"{count.why} + {shared[3].why}"), \
                head, f"{shared[5]} (two counts sharing it, summed)"
    if before:
        kind, verb_at = before
        others = _and_others(words, j) or _and_persons(words, j)
        if others is not None and count.value is not None and others[0].value is not None:
            # "killed a police official and two others": ACLED codes the whole toll
            total = count.value + others[0].value
            return verb_at, others[1], kind, Count(others[1], total, None, None,
                                                   f"{count.why} + {others[0].why}"), head, \
                f"{words[verb_at]!r} before the count (and others, summed)"
        return verb_at, max(j, count.end), kind, count, head, \
            f"{words[verb_at]!r} before the count"
    if k + 2 < len(words) and words[k:k + 3] == ["lost", "their", "lives"]:
        return index, k + 3, "killed", count, None, "'lost their lives' after the count"
    if head is None and count.value is not None and any(
            w in _TOLL for w in words[max(0, index - 6):index]):
        return index, count.end, "killed", count, None, "death toll"
    return None


def _age(words: list[str], at: int) -> bool:
    """Whether "-year-old" (or "-years-old") starts at ``words[at]``: the number before it is
    an age, not a count."""
    return words[at:at + 2] in (["-", "year"], ["-", "years"]) and words[at + 2:at + 4] == \
        ["-", "old"]


# Words the counted noun phrase may span before its verb ("21 suspected TTP and LeI militants")
_NOUN_PHRASE = 6
_OTHERS = frozenset({"others", "more", "people", "persons", "men"})


def _joined_noun(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` continues a noun phrase after "and" (not a count, a verb or a
    clause of its own): "TTP and other militants", "Sindhi and Punjabi labourers"."""
    if at + 1 >= len(words):
        return False
    word = words[at]
    if word in _STOP or word in _AUX or word in _AFTER or word in _BEFORE or word in _MANNER:
        return False
    if word != "other" and read_count(words, at) is not None:
        return False                       # "three militants and two soldiers": two counts
    return word == "other" or words[at + 1] not in _STOP


def _numeral(words: list[str], at: int) -> bool:
    """Whether a count with a figure starts at ``words[at]`` ("three", "12")."""
    count = read_count(words, at)
    return count is not None and count.value is not None


def _and_after_complement(words: list[str], j: int) -> int | None:
    """The "and" that joins a second counted noun phrase to the first, right after its noun
    or after its complement ("two leaders of the NDFB and a member ..."), else None."""
    if j < len(words) and words[j] == "and":
        return j
    if j >= len(words) or words[j] not in ("of", "from"):
        return None
    for k in range(j + 1, min(len(words) - 1, j + 14)):
        if words[k] == "and" and read_count(words, k + 1) is not None:
            return k
        if words[k] in _COMPLEMENT_STOP or words[k] in _AFTER or words[k] in _BEFORE or \
                words[k] in _AUX:
            return None
    return None


def _and_others(words: list[str], j: int) -> tuple[Count, int] | None:
    """"... and two others" right after a counted noun: (that count, end)."""
    if j + 2 < len(words) and words[j] == "and":
        second = read_count(words, j + 1)
        if second is not None and second.end < len(words) and words[second.end] in _OTHERS:
            return second, second.end + 1
    return None


def _and_persons(words: list[str], j: int) -> tuple[Count, int] | None:
    """"... and one civilian" after a count a verb governs ("killed one soldier and one
    civilian"): the second count of people the same verb governs, (that count, end)."""
    if j + 2 < len(words) and words[j] == "and":
        second = read_count(words, j + 1)
        if second is not None and second.end < len(words) and (
                _person(words[second.end]) or words[second.end] in _OTHERS):
            return second, second.end + 1
    return None


# What "a"/"an" may count as a casualty: a person ("a soldier was killed"), not "a cafe".
_PERSONS = frozenset("""man woman boy girl child baby person civilian soldier policeman
    policewoman officer fighter militant rebel student teacher journalist worker farmer trader
    driver guard villager resident protester demonstrator passenger member commander leader
    official doctor nurse pilgrim worshipper herder shepherd teenager youth prisoner inmate
    cleric priest imam tourist businessman soldier gunman attacker assailant bomber
    serviceman peacekeeper employee staffer volunteer activist politician candidate lawmaker
    judge lawyer chief elder mother father son daughter wife husband brother sister jawan
    cadre trooper constable headmaster shopkeeper vendor labourer laborer passer-by""".split())
# Endings of nouns for people ("fisherman", "terrorist", "publisher", "guardian"): what "a"
# may count besides _PERSONS
_PERSON_ENDINGS = ("man", "men", "woman", "ist", "er", "or", "ian", "ant")


def _person(head: str | None) -> bool:
    return head is not None and (head in _PERSONS or head.endswith(_PERSON_ENDINGS))


_ASIDES = frozenset({"including", "among", "mostly", "many", "most", "all", "among", "some"})
_MANNER = frozenset({"shot", "gunned", "beaten", "stabbed", "hacked", "burned", "burnt",
                     "stoned", "crushed", "tortured"})


# Words that may stand in a noun's complement ("of the Special Task Force", "of NSCN (K) from
# Senapati", "in their 20s") between the counted noun and its verb.
_COMPLEMENT_STOP = frozenset({",", ";", ":", ".", "and", "but", "while", "who", "which", "that",
                              "when", "as", "after"})


def _skip_complement(words: list[str], j: int) -> int:
    """Past a complement of the counted noun up to its auxiliary: "A jawan of the Special Task
    Force was killed" -> at "was". Only when an auxiliary follows (a passive or perfect): "a
    leader of the group killed two" is the leader acting, not dying."""
    if j >= len(words) or words[j] not in ("of", "from", "belonging", "in"):
        return j
    for k in range(j + 1, min(len(words), j + 14)):
        if words[k] in _COMPLEMENT_STOP or words[k] in _AFTER or words[k] in _BEFORE:
            return j
        if words[k] in ("was", "were", "has", "have", "had") and _kind_after(
                words, _past_aux(words, k)) is not None:
            return k
    return j


def _past_aux(words: list[str], k: int) -> int:
    """Past auxiliaries, adverbs in -ly and a reporting verb's "to" ("have been reported to
    have been intentionally killed") up to the verb."""
    start = k
    while k < len(words) and k - start < 10 and (
            words[k] in _AUX or words[k].endswith("ly") and len(words[k]) > 4 or
            words[k] == "to" and k > start and words[k - 1] in _REPORTING):
        k += 1
    return k


# Verbs that report what happened to the subject ("reported to have been killed")
_REPORTING = frozenset({"reported", "said", "believed", "feared", "thought", "known",
                        "understood", "confirmed", "presumed"})


_ASIDE_STOP = frozenset({",", ";", ":", ".", "but", "while", "when", "after", "who", "which"})


def _skip_aside(words: list[str], j: int) -> int:
    """Past an aside between commas: "Six people, including two children, were killed", "Six
    rebels, believed to be behind the attack, were killed"; or a participle clause or an
    unbracketed "including" up to the noun's auxiliary: "Six militants, affiliated with the TTP
    were gunned down", "four persons including a tribal elder and his son were killed"."""
    if j + 1 < len(words) and words[j] == "," and words[j + 1] in _ASIDES:
        for k in range(j + 2, min(len(words), j + 14)):
            if words[k] == ",":
                return k + 1
            if words[k] in ("was", "were", "have", "has", "had") and _kind_after(
                    words, _past_aux(words, k)) is not None:
                return k           # "2 militants, including a key commander were killed"
    participle = j + 1 < len(words) and words[j] == "," and words[j + 1].endswith("ed") and \
        words[j + 1] not in _AFTER and words[j + 1] not in _MANNER
    if participle or j < len(words) and words[j] in ("including", "among"):
        for k in range(j + 2, min(len(words), j + 12)):
            if participle and words[k] == "," and k + 1 < len(words) and words[k + 1] in (
                    "was", "were", "have", "has", "had") and _kind_after(
                        words, _past_aux(words, k + 1)) is not None:
                return k + 1       # "Six rebels, believed to be behind the attack, were killed"
            if words[k] in _ASIDE_STOP or words[k] in _AFTER:
                return j
            if words[k] in ("was", "were", "have", "has", "had") and _kind_after(
                    words, _past_aux(words, k)) is not None:
                return k
    if j < len(words) and words[j] in ("who", "that"):
        # "20 labourers who were working on the bridge were gunned down": the relative clause
        # up to the auxiliary the casualty word follows
        for k in range(j + 1, min(len(words), j + 16)):
            if words[k] in (",", ";", ":", "."):
                return j
            if words[k] in ("was", "were", "have", "has", "had") and _kind_after(
                    words, _past_aux(words, k)) is not None:
                return k
    return j


def _kind_after(words: list[str], k: int) -> tuple[str, int] | None:
    """The casualty word at ``k`` ("killed", "shot dead", "beaten to death"): (kind, end)."""
    if k >= len(words):
        return None
    if words[k] in _AFTER:
        if k + 2 < len(words) and words[k + 1] == "and" and _AFTER.get(words[k + 2]) == \
                "killed":
            return "killed", k + 3          # "abducted and killed": the outcome is the count
        outcome = _kind_after(words, k + 2) if words[k + 1:k + 2] == ["and"] and \
            words[k + 2:k + 3] != [words[k]] else None
        if outcome is not None and outcome[0] == "killed":
            return outcome                  # "kidnapped and shot dead"
        later = _killed_later(words, k + 1)
        if _AFTER[words[k]] != "killed" and later is not None:
            return "killed", later          # "were arrested by the Burma Army and killed"
        return _AFTER[words[k]], k + 1
    if words[k] in _MANNER or words[k].endswith("ed"):
        if k + 1 < len(words) and words[k + 1] == "dead":
            return "killed", k + 2
        if k + 1 < len(words) and (words[k], words[k + 1]) in _KILLED_BEFORE:
            return "killed", k + 2                   # "were gunned down"
        if words[k + 1:k + 3] == ["to", "death"]:
            return "killed", k + 3
        if k + 2 < len(words) and words[k + 1] == "and" and words[k + 2] in _AFTER:
            return _AFTER[words[k + 2]], k + 3       # "shot and killed"
    return None


def _killed_later(words: list[str], k: int) -> int | None:
    """The end of "and killed" closing a phrase after a first casualty verb ("arrested by the
    army and killed"), within a few words and the same clause; else None."""
    for at in range(k, min(len(words) - 1, k + 8)):
        if words[at] == "and":
            return at + 2 if _AFTER.get(words[at + 1]) == "killed" else None
        if words[at] in _ASIDE_STOP or words[at] in _AFTER or words[at] in _BEFORE:
            return None
    return None


# Words before "the killing of" that make it what people protest, not the event's toll
_GRIEVANCE = frozenset({"against", "over", "protest", "protests", "protested", "protesting",
                        "condemn", "condemned", "condemning", "demanding", "probe", "for"})
IMPLIED = "no count stated"     # the reason's end of a count read from a verb
# Words that make a singular death no death: "no policeman was killed", "he was not hurt"
_NEGATION = frozenset({"no", "not", "nobody", "none", "neither", "never", "nor"})
# Verbs in "-ed" + "to death" that are no death: "was sentenced to death"
_NOT_DEATH = frozenset({"sentenced", "condemned", "threatened", "scared", "frightened"})
# Subjects before "died" that are plural or say nothing of how many died
_NOT_ONE = frozenset("""people persons men women children others they them who which that many
    several all both police troops forces and or injured wounded""".split())


def _one_dead(words: list[str], index: int) -> tuple[int, int, str] | None:
    """A death stated without a count: "the former militant was killed", "his son succumbed
    to his wounds", "lost his life", "his body was found" -> (end, dead, reason). The verb
    agrees with one subject ("was", "has been"): ACLED counts the person named as one dead;
    "X and his brother were shot dead" is two."""
    word = words[index]
    if word not in _ONE_DEAD_WORDS:
        return None     # read first: this runs at every word of every sentence
    if _NEGATION.intersection(words[max(0, index - 6):index]):
        return None
    if word in ("was", "were") or words[index:index + 2] in (["has", "been"], ["had", "been"]):
        k = _past_aux(words, index)
        after = _kind_after(words, k)
        if word != "were" and after is not None and after[0] == "killed" and \
                words[k] not in _NOT_DEATH:
            return after[1], 1, f"{' '.join(words[index:after[1]])!r}: one subject, one dead"
        if word == "were" and after is not None and after[0] == "killed" and \
                _two_people(words[max(0, index - 6):index]):
            return after[1], 2, f"'{' '.join(words[index:after[1]])}' of a person and his or her " \
                             f"companion: two dead"
        if words[index - 1:index] == ["body"] and k < len(words) and words[k] in (
                "found", "recovered", "discovered"):
            return k + 1, 1, f"'body {' '.join(words[index:k + 1])}': one dead"
    if word in ("died", "succumbed", "perished") and words[max(0, index - 3):index - 1] == [
            "one", "of"]:
        return index + 1, 1, f"'one of {words[index - 1]} {word}': one dead"
    if word in ("died", "succumbed", "perished") and index and \
            words[index - 1] not in _NOT_ONE and not words[index - 1].endswith("s"):
        return index + 1, 1, f"{words[index - 1]!r} {word!r}: one subject, one dead"
    left = _left_dead(words, index)
    if left is not None:
        return left, 1, f"'{' '.join(words[index:left])}': one person, one dead"
    if _BEFORE.get(word) == "killed" and index + 1 < len(words) and \
            words[index + 1] in _PERSONS and not _attributive(words, index):
        # "killed soldier Rashid Khan": a role before a name, one person (not "a murdered
        # farmer": the participle describes him, it tells no event)
        return index + 2, 1, f"'{word} {words[index + 1]}': one person, one dead"
    if word in ("lost", "losing") and words[index + 1:index + 3] in (["his", "life"],
                                                                    ["her", "life"]):
        return index + 3, 1, f"'{word} {words[index + 1]} life': one dead"
    return None


# the words ``_one_dead`` can read a death at: each of its readings starts at one of them
_ONE_DEAD_WORDS = frozenset({"was", "were", "has", "had", "died", "succumbed", "perished",
                             "leaving", "left", "leave", "shot", "shooting", "lost", "losing",
                             *(word for word, kind in _BEFORE.items() if kind == "killed")})


def _attributive(words: list[str], index: int) -> bool:
    """Whether the participle at ``index`` modifies the noun after it ("a recently murdered
    farmer", "the slain leader") rather than acting on it."""
    before = words[index - 1] if index else ""
    return before in ("a", "an", "the", "his", "her", "their", "its", "of") or \
        before.endswith("ly")


def _left_dead(words: list[str], index: int) -> int | None:
    """The end of "leaving the driver dead", "shot Yadav, a contractor, dead": one person
    (no count, nothing plural) between the verb and "dead"; else None."""
    if words[index] not in ("leaving", "left", "leave", "shot", "shooting"):
        return None
    for at in range(index + 1, min(len(words), index + 8)):
        word = words[at]
        if word == "dead":
            between = [w for w in words[index + 1:at] if w.isalpha()]
            return at + 1 if between and between[-1] not in _NOT_ONE and \
                not between[-1].endswith("s") else None
        if word in _ASIDE_STOP - {","} or word in _STOP - {",", "of"} or word in _NOT_ONE or \
                word in _AUX or word not in ("a", "an") and read_count(words, at) is not None:
            return None
    return None


def _two_people(before: list[str]) -> bool:
    """"... and his brother", "along with her son" right before a plural verb: one person and
    a companion, the two dead (no count stated)."""
    return len(before) >= 3 and before[-3] in ("and", "with") and before[-2] in ("his", "her") \
        and before[-1] not in _NOT_ONE and not before[-1].endswith("s")


def _negated(words: list[str], index: int):
    """"No one was killed", "no casualties were reported": a count of zero, with its kind."""
    if words[index] not in ("no", "nobody", "none"):
        return None
    j = index + 1
    if words[index] == "no" and j < len(words) and words[j] in ("one", "civilians", "people",
                                                               "soldiers", "lives"):
        j += 1
    if words[index] == "no" and j < len(words) and words[j] in ("casualties", "fatalities",
                                                               "deaths", "injuries"):
        kind = "injured" if words[j] == "injuries" else "killed"
        return index, j + 1, kind, "no casualties reported"
    k = j
    while k < len(words) and k - j < 4 and words[k] in _AUX:
        k += 1
    after = _kind_after(words, k)
    if after is not None and j > index:
        return index, after[1], after[0], "negated count"
    if words[index] in ("nobody", "none") and after is not None:
        return index, after[1], after[0], "negated count"
    return None


# Two-word killing verbs before the count ("gunned down three Maoists", "shot dead two men").
_KILLED_BEFORE = frozenset({("gunned", "down"), ("gunning", "down"), ("shot", "dead"),
                            ("shooting", "dead"), ("mowed", "down"), ("cut", "down")})


# Nouns of an act whose "of" governs its victims (killings are read above, with their grievance
# check: a protest against a killing is no death of its own)
_ACT_NOUNS = {**dict.fromkeys("abduction kidnapping kidnap".split(), "abducted"),
              **dict.fromkeys("arrest detention".split(), "arrested")}


def _kind_before(words: list[str], index: int) -> tuple[str, int] | None:
    """"killing 6", "killed at least 12", "wounding two others", "gunned down three", "the
    bodies of four": the verb (or noun) right before."""
    if index >= 2 and (words[index - 2], words[index - 1]) in _KILLED_BEFORE:
        return "killed", index - 2
    if index >= 2 and words[index - 1] == "of" and words[index - 2] in (
            "death", "killing", "murder") and _GRIEVANCE.intersection(
                words[max(0, index - 6):index - 2]):
        return None         # "protested against the killing of two civilians": a grievance
    if index >= 2 and words[index - 1] == "of" and words[index - 2] in (
            "bodies", "corpses", "remains", "body", "death", "killing", "murder"):
        return "killed", index - 2
    if index >= 2 and words[index - 1] == "of" and words[index - 2] in _ACT_NOUNS:
        # "the abduction of 40 villagers", "the arrest of more than 50 protesters": the act's
        # noun counts its victims as its verb does ("abducted 40 villagers")
        return _ACT_NOUNS[words[index - 2]], index - 2
    for back in (1, 2):
        at = index - back
        if at >= 0 and words[at] in _BEFORE:
            return _BEFORE[words[at]], at
        if at >= 0 and words[at] not in ("also", "reportedly", "another", "up"):
            break
    return None
