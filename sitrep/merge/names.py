"""The people a report names, for cross-report merging: a shared surname is the strongest sign
that two reports tell one incident (``cross_report.compare``).

    runs = name_runs(report)                   # (start, end, surname key, surname as written)
    people = person_runs(report)               # ... and the given name as written, or None
    keys, spellings = person_names(runs, event)  # those inside the event's evidence
    runs = mention_runs(report)                # the names and the counts of people harmed
    counts = victim_counts(runs, event)        # {("abducted", 317), ...} inside the evidence
    sites = event_sites(runs, event)           # {"school/kagara"}: the institution and its town
    surname_key("Khashoggi") == surname_key("Kashoggi")
    given = given_names(runs, event)           # {("fata", "esra")}: given names in the evidence
    same_given("natividad", "nat")             # namesakes are told apart by given names
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from ..model import Event, Report

__all__ = ["name_runs", "person_runs", "given_names", "same_given", "person_names", "surname_key",
           "quoted_titles", "mention_runs", "victim_counts", "COUNT_KINDS", "site_runs",
           "event_sites", "SITE_MARK", "killed_names"]

# Titles introduce a person ("Mr Bandarenka"); a run of proper nouns holding one of the
# organisation words names an organisation, a medium or a date, not a person: a shared "Times"
# (The Epoch Times, The New York Times) is no sign of one incident.
_TITLES = frozenset("""
mr mrs ms miss dr prof sir lady lord president minister judge general colonel captain sheikh
imam bishop father
""".split())
_ORGANISATION = frozenset("""
times post news press agency tribune herald guardian journal daily weekly radio tv
international watch amnesty rights human court courts ministry parliament council party union
committee commission police army front government republic organisation organization
association network foundation service office university reporters borders federation
national state states united nations european bureau department centre center institute
movement alliance coalition forces force group media
street journal school college academy hospital airport prison university square
gazette gazeta telegraph chronicle observer express
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Addresses and handles are no prose: "facebook.com/gamal.eid.90", "info@amnesty.org",
# "@PressFreedom" keep a name's letters in lower case without making it a common noun.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\S+\.(?:com|org|net)"
                      r"/\S*|[@#]\w+")
# What every address or handle holds: most reports hold none, and the pattern above (it tries
# at every character) cost 40 % of name_runs on them.
_ADDRESS_MARKS = ("://", "www.", "@", "#", ".com/", ".org/", ".net/")


def _without_addresses(text: str) -> str:
    """``text`` with its addresses and handles (_ADDRESS) blanked."""
    if not any(mark in text for mark in _ADDRESS_MARKS):
        return text
    return _ADDRESS.sub(" ", text)
# What joins the parts of one name without a space ("al-Hathloul", "O’Brien"), when the
# tokenizer splits it
_JOINERS = ("-", "‐", "'", "’")
_ABD = re.compile(r"abd[aeiou]{1,2}l")  # as surname_key leaves it (no h, no y): Abdel, Abdoul
# A surname key of two letters names someone ("Xu", "Li", "Ng"); a run of one capitalised
# word of two letters is no name unless the report introduces it (a full name or a title).
SURNAME_MIN = 2
# Two given names are one when their keys (surname_key) are this similar (difflib's ratio):
# transliterations differ in a letter or two ("Aleksei" / "Alexei" 0.77, "Iurii" / "Yuri"
# 0.86, "Mohamed" / "Muhammad" 0.67), different names share little ("Alaa" / "Esraa" 0.29,
# "Alaa" / "Abdel" 0.44).
GIVEN_SIMILAR = 0.6
# A given name shortened keeps its first letters ("Nat" for "Natividad", "Alex"): at least
# this many (a single initial, or "Al" / "Ali", tells too little).
GIVEN_PREFIX = 3


def surname_key(word: str) -> str:
    """What two spellings of one surname share: reports transliterate and misspell names
    ("Khashoggi" / "Kashoggi", "Andreyeva" / "Andreeva", "Abd El-Fattah" / "Abdel Fattah" /
    "Abdelfattah"), so the key is the last hyphenated part, casefolded, without accents, without
    the letters transliterations add or drop (h, y), with doubled letters single and without an
    "Abd al-" written as one word with the rest (see _ABD)."""
    word = word.removesuffix("’s").removesuffix("'s")
    # the parts a hyphen joins are words of their own ("Abd El-Fattah"); an apostrophe inside a
    # word is a transliteration's mark ("Chin’ono", "Chin'Ono", "Chinono")
    parts = [part for part in re.sub(r"['’]", "", word).split("-") if len(part) >= 3]
    letters = unicodedata.normalize("NFKD", (parts[-1] if parts else word).casefold())
    letters = "".join(c for c in letters if c.isalpha() and not unicodedata.combining(c))
    key = re.sub(r"(.)\1+", r"\1", letters.replace("h", "").replace("y", ""))
    # an Arabic "Abd al-" name written as one word ("Abdelfattah", "Abdulrahman") is the
    # two-word one ("Abdel Fattah", "Abd al-Rahman"), keyed by its second part; "Abdullah",
    # whose second part is too short to key, stays whole
    joined = _ABD.match(key)
    return key[joined.end():] if joined and len(key) - joined.end() >= 3 else key


def person_runs(report: Report) -> list[tuple[int, int, str, str, str | None]]:
    """The people a report names: ``(start, end, surname key, surname as written, given name
    as written or None)`` of each run of proper nouns (as the
    parser tagged them) outside places, times and coded actors, keyed by its last word
    (:func:`surname_key`), so that "Mr Bandarenka" meets "Raman Bandarenka". Computed once per
    report.

    What makes a run a person: news introduces people by full name or with a title ("Raman
    Bandarenka", "Mr Bandarenka"), so a surname counts only when the report gives it so at
    least once; a run holding an organisation word ("Wall Street Journal", "Kagara College")
    names no person; a word the report also writes in lower case ("Kidnappings" opening a
    sentence) is a common noun, unless only a web address or a handle writes it so
    ("facebook.com/gamal.eid"); a quoted title ("“In Nigeria, Police Decry Massacres as
    ‘Wicked’ But Make No Arrests.”", :func:`quoted_titles`) names nobody: its words are
    capitalised because it is a title. A hyphen or apostrophe the tokenizer split off joins the
    parts of one name ("Loujain al-Hathloul"); a single word the gazetteer knows as a place,
    right before the run, is its first name ("Hopewell Chin'ono", "Florence Ng'ang'a"). A
    surname key of two letters counts ("Mr Xu", "Andy Li"), and a name's first word that the
    report also writes alone keys the name too (:func:`_surname_first`: "Xu Zhiyong" ... "Xu").
    The given name is the first word of a name of two words or more ("Esraa" of "Esraa Abdel
    Fattah"), unless the report also writes it in lower case (a word, not a name).
    """
    places = {(p.start, p.end) for p in report.places}
    blocked = sorted([(p.start, p.end) for p in report.places]
                     + [(t.start, t.end) for t in report.times]
                     + [(a.start, a.end) for a in report.actors if a.name]
                     + quoted_titles(report.raw))
    lower = {word for word in _WORD.findall(_without_addresses(report.raw))
             if word[0].islower()}
    # (start, end, key, surname, introduced, given name, words in the name)
    runs: list[tuple[int, int, str, str, bool, str | None, int]] = []
    run: list[tuple[int, int, str]] = []
    first_name: list[tuple[int, int, str]] = []  # a place word that may open a person's name

    def close() -> None:
        if not run:  # called at every word outside a name: most of the time there is none
            first_name.clear()
            return
        words = [w[2] for w in run]
        if first_name and run and run[0][0] == first_name[0][1] + 1:
            # "journalist Hopewell Chin'ono": a word the gazetteer knows as a place, right
            # before a name, is the person's first name (Hopewell, Florence, Jordan), not a place
            run.insert(0, first_name[0])
            words.insert(0, first_name[0][2])
        first_name.clear()
        if words and not any(w.casefold() in _ORGANISATION for w in words):
            titled = words[0].casefold() in _TITLES
            names = [w for w in words if w.casefold() not in _TITLES]
            if names and names[-1].casefold() not in lower and not names[-1].isupper():
                key = surname_key(names[-1])
                if len(key) >= SURNAME_MIN:
                    given = (names[0] if len(names) >= 2 and names[0].casefold() not in lower
                             else None)
                    runs.append((run[0][0], run[-1][1], key, names[-1],
                                 titled or len(names) >= 2, given, len(names)))
        run.clear()

    index = 0
    for token in report.tokens:
        if token.pos != "PROPN" or not _WORD.fullmatch(token.text):
            if not (run and token.text in _JOINERS
                    and report.raw_span(token.cstart, token.cend).start == run[-1][1]):
                close()
            continue
        span = report.raw_span(token.cstart, token.cend)
        while index < len(blocked) and blocked[index][1] <= span.start:
            index += 1
        if index < len(blocked) and blocked[index][0] < span.end:
            close()
            if blocked[index] == (span.start, span.end) and (span.start, span.end) in places:
                first_name.append((span.start, span.end, token.text))
            continue
        # punctuation between: a new run, but for the hyphen or apostrophe inside a name
        # ("Loujain al-Hathloul", "Abd el-Fattah"): one word the tokenizer split
        if run and report.raw[run[-1][1]:span.start].strip() not in ("", *_JOINERS):
            close()
        elif run and report.raw[run[-1][1]:span.start] in _JOINERS:
            joined = run.pop()
            token_text = joined[2] + report.raw[joined[1]:span.start] + token.text
            run.append((joined[0], span.end, token_text))
            continue
        run.append((span.start, span.end, token.text))
    close()
    runs = _surname_first(runs)
    introduced = {key for _, _, key, _, full, _, _ in runs if full}
    return [(start, end, key, word, given) for start, end, key, word, _, given, _ in runs
            if key in introduced]


def _surname_first(runs: list[tuple]) -> list[tuple]:
    """``runs`` and, for each name of two words whose first word the report also writes alone
    as a name ("Xu Zhiyong ... Xu said"), the name keyed by its first word too, with the second
    as the given name: Chinese, Korean and Vietnamese names put the surname first, and a report
    that calls the person by it alone says so."""
    alone = {key for _, _, key, _, _, _, count in runs if count == 1}
    extra = []
    for start, end, key, word, full, given, count in runs:
        if count == 2 and given is not None and surname_key(given) in alone:
            extra.append((start, end, surname_key(given), given, True, word, count))
    return sorted(runs + extra, key=lambda run: run[:3]) if extra else runs


def name_runs(report: Report) -> list[tuple[int, int, str, str]]:
    """The people a report names: ``(start, end, surname key, surname as written)``, see
    :func:`person_runs`."""
    return [run[:4] for run in person_runs(report)]


# A quotation of at least TITLE_WORDS words most of whose words (TITLE_SHARE) begin with a
# capital is a title (an article's, a book's, a slogan's), not a sentence that names people.
_QUOTED = re.compile(r"[“\"‘]([^“”\"]{8,300}?)[”\"’]")
TITLE_WORDS = 4
TITLE_SHARE = 0.6


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted titles in ``text`` (see TITLE_WORDS)."""
    spans = []
    for found in _QUOTED.finditer(text):
        words = _WORD.findall(found.group(1))
        if len(words) >= TITLE_WORDS and sum(
                word[0].isupper() for word in words) >= TITLE_SHARE * len(words):
            spans.append(found.span(1))
    return spans


def person_names(runs: list[tuple], event: Event) -> tuple[frozenset[str], tuple[str, ...]]:
    """The surnames among ``runs`` (see :func:`name_runs`) inside ``event``'s evidence: their
    keys, and the surnames as the report spells them (for the reasons)."""
    spans = [(s.start, s.end) for s in event.evidence]
    inside = [(key, word) for start, end, key, word in runs
              if not key.startswith((_COUNT_MARK, _MEDIUM_MARK, SITE_MARK, _GIVEN_MARK))
              and any(s <= start and end <= e for s, e in spans)]
    return (frozenset(key for key, _ in inside),
            tuple(sorted({word.removesuffix("’s").removesuffix("'s") for _, word in inside})))


# Who a killing's evidence names as the one killed, read off the sentence that holds the trigger
# (:func:`killed_names`): a name before the trigger is the victim's when the trigger is its
# passive ("Jamal Khashoggi, a journalist, was murdered", "was abducted and beheaded"), a noun
# it owns ("Pearl's murder") or a death of its own ("Emwazi, who died in a drone strike");
# otherwise it is the killer's ("Emwazi shot the prisoner", "Emwazi was responsible for the
# beheading of James Foley", "Salman ... has been tarnished by the killing of"). A name after
# the trigger is the victim's ("the murder of journalist Jamal Khashoggi", "beheaded Pearl")
# unless an agent's "by" comes between ("assassination was ordered by Mohammed bin Salman").
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+"
                             r"(?:[\w-]+\s+(?:and|or)\s+)?(?:\w+ly\s+)?(?:[\w-]+\s+)?$",
                             re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+)?$")
_OWN_DEATH = re.compile(r"(?:die[sd]?|dying|death|perish\w*)$", re.IGNORECASE)
# A clause of another person between a name and a killing word ("Emwazi was responsible for
# the beheading of James Foley, a journalist who was killed"): the killing is that person's. An
# apposition is not ("Jory Porquia, a founding member of Bayan Muna, was assassinated").
_CLAUSE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
_AGENT = re.compile(r"\bby\b", re.IGNORECASE)
# (as kinds.killing reads a trigger, anywhere in a span)
_KILLING_WORD = re.compile(r"\b(?:kill|murder|assassinat|behead|execut|slay|slain|death\b|died\b|"
                           r"dies\b|dead\b)[\w-]*", re.IGNORECASE)


def killed_names(runs: list[tuple], event: Event) -> frozenset[str] | None:
    """The surname keys that ``event``'s evidence names as the person killed: in each evidence
    span, the names in the victim's place (see _PASSIVE_BEFORE) of the trigger or of a killing
    word of that span (a span ``merge_events`` folded in may tell the killing: "Kashoggi's
    assassination was ordered by ..." beside an attack of 2003); a name before the word counts
    only when no clause of another person named comes between (_CLAUSE: "Emwazi was
    responsible for the beheading of James Foley, a journalist who was killed": Foley was).
    None when the evidence has neither the trigger nor a killing word (every name may be the
    victim's)."""
    trigger = event.trigger
    killed: set[str] = set()
    known = False
    people = sorted((start, end, key, word) for start, end, key, word in runs
                    if not key.startswith((_COUNT_MARK, _MEDIUM_MARK, SITE_MARK, _GIVEN_MARK)))
    for span in event.evidence:
        text = span.text
        if not text:
            continue
        words = [(span.start + m.start(), span.start + m.end(), m.group())
                 for m in _KILLING_WORD.finditer(text)]
        if trigger is not None and span.start <= trigger.start < span.end:
            words.append((trigger.start, trigger.end, trigger.text))
        if not words:
            continue
        known = True
        inside = [run for run in people if span.start <= run[0] and run[1] <= span.end]
        for at, (start, end, key, word) in enumerate(inside):
            for first, last, told in words:
                if end <= first:
                    if any(other[0] >= end and other[1] <= first and _CLAUSE.search(
                            text, other[1] - span.start, first - span.start)
                           for other in inside[at + 1:]):
                        continue
                    between = text[end - span.start:first - span.start]
                    if (_OWN_DEATH.match(told.strip()) or _PASSIVE_BEFORE.search(between)
                            or _POSSESSIVE.match(between)
                            or str(word).endswith(("'s", "’s")) and between.isspace()):
                        killed.add(key)
                elif start >= last and not _AGENT.search(
                        text[last - span.start:start - span.start]):
                    killed.add(key)
    return frozenset(killed) if known else None


# The counts of people harmed that tell one incident from another of its kind: "317 girls were
# kidnapped", "executed 81 people". Kinds whose figure reports of one act repeat (injured
# counts vary too much from one report to the next); a figure below COUNT_MIN ("two
# soldiers", "a student") is shared by too many incidents to tell them apart.
COUNT_KINDS = frozenset({"killed", "abducted", "arrested"})
COUNT_MIN = 10
_COUNT_MARK = "#"  # a count's entry among the runs: (start, end, "#" + kind, value)
_GIVEN_MARK = "^"  # a given name's entry: (start, end, "^" + surname key, given name key)


def given_names(runs: list[tuple], event: Event) -> frozenset[tuple[str, str]]:
    """``(surname key, given name key)`` of the names among ``runs`` (see :func:`mention_runs`)
    that ``event``'s evidence gives with a given name ("Esraa Abdel Fattah was abducted"). Only
    the evidence's: a report names a victim's relatives too ("Fattah's father, Ahmed Seif"), and
    a given name read elsewhere in it may be theirs."""
    spans = [(s.start, s.end) for s in event.evidence]
    return frozenset((key[1:], given) for start, end, key, given in runs
                     if key.startswith(_GIVEN_MARK)
                     and any(s <= start and end <= e for s, e in spans))


def same_given(first: str, second: str) -> bool:
    """Whether two given name keys are one name, spelled apart (see GIVEN_SIMILAR) or
    shortened ("Nat" / "Natividad", "Alex" / "Alexander": one opens the other)."""
    shorter, longer = sorted((first, second), key=len)
    return (longer.startswith(shorter) and len(shorter) >= GIVEN_PREFIX
            or SequenceMatcher(None, first, second).ratio() >= GIVEN_SIMILAR)


def mention_runs(report: Report) -> list[tuple]:
    """What the merge step reads of a report besides its events: :func:`name_runs`, the
    given name of each surname the report gives with one (``(start, end, "^" + surname key,
    given name key)``, see :func:`given_names`), the
    counts of people harmed (``report.quantities`` of COUNT_KINDS with a figure of at least
    COUNT_MIN) as ``(start, end, "#" + kind, value)`` and the places that open a medium's name
    (:func:`media_places`) as ``(start, end, "!", name)``."""
    people = person_runs(report)
    return [run[:4] for run in people] + [
        (start, end, _GIVEN_MARK + key, surname_key(given))
        for start, end, key, _, given in people if given is not None] + [
        (q.start, q.end, _COUNT_MARK + q.kind, q.value) for q in report.quantities
        if q.kind in COUNT_KINDS and q.value is not None and q.value >= COUNT_MIN] + [
        (start, end, _MEDIUM_MARK, report.raw[start:end]) for start, end in media_places(report)
    ] + site_runs(report)


# A place that opens the name of a newspaper or a broadcaster ("Wall Street Journal reporter",
# "a New York Times correspondent", "the Jerusalem Post") is where the medium is, not where the
# event is: the merge step leaves it out (an event placed there is not set apart by it).
# Media words only: a school, a college or a hospital named after its town is in that town
# ("Kagara College"), where the event often is.
_MEDIUM = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:Times|Post|Journal|Tribune|Herald|"
                     r"Guardian|Gazette|Telegraph|Chronicle|Observer|Daily|News|Press|Radio|TV|"
                     r"Television|Standard|Express|Mail|Star|Independent)\b")
_MEDIUM_MARK = "!"


def media_places(report: Report) -> list[tuple[int, int]]:
    """The spans of the places of ``report`` that open a medium's name, with the name (see
    _MEDIUM)."""
    spans = []
    for place in report.places:
        found = _MEDIUM.match(report.raw, place.end)
        if found:
            spans.append((place.start, found.end()))
    return spans


def victim_counts(runs: list[tuple], event: Event) -> frozenset[tuple[str, int]]:
    """The ``(kind, figure)`` counts among ``runs`` (see :func:`mention_runs`) that tell
    ``event``'s own victims: those inside its evidence, when the report told the event in one
    passage; when the ``merge_events`` stage folded it from several passages, only the figure
    whose phrase holds the event's trigger ("kidnapped 317 schoolgirls", "300 students were
    abducted"), and none when the passages hold another figure of that kind. A folded event may
    hold another incident's figure and words ("317 girls were kidnapped on Friday ... the 27
    students kidnapped last week were freed"), and joining it to another report by a figure
    would join all it holds; a figure near the trigger but not of it ("freed all 279 girls who
    were kidnapped": the release, typed with the abduction) is not its own either. Dev set (eval
    merge): with every figure of folded events, pairwise precision fell from 0.94 to 0.81; with
    the trigger's own figure but no check for another one, from 1.000 to 0.905."""
    spans = [(s.start, s.end) for s in event.evidence]
    told = {(key[len(_COUNT_MARK):], value, start, end) for start, end, key, value in runs
            if key.startswith(_COUNT_MARK) and any(s <= start and end <= e for s, e in spans)}
    if len(spans) == 1:
        return frozenset((kind, value) for kind, value, _, _ in told)
    trigger = event.trigger
    if trigger is None:
        return frozenset()
    own = {(kind, value) for kind, value, start, end in told
           if start <= trigger.start and trigger.end <= end}
    if any(kind == other and value != figure for kind, value in own
           for other, figure, _, _ in told):
        return frozenset()
    return frozenset(own)


# The institution an act struck, with its town: "Government Science College, Kagara", "the
# school in Jangebe", "Chibok secondary school", "a market in Tomohon". Reports of a school
# abduction or a market bombing differ in how they place and date it (the town, the state, "in
# February"), but they name the school and its town; one school is struck once in a month. A
# kind of institution (schools and colleges are one: a report calls a college "a school") and
# the town, keyed like a surname, are the site; a plural ("schools in Ikorodu") is many places,
# not one. The town is a place the gazetteer located to the town (geo precision 1-2: not "a
# school in Afghanistan", "camps in Xinjiang"), or a capitalised word it does not know, that
# the report never writes in lower case and that is no time ("the school in Jangebe").
_SITE_KINDS = {
    **dict.fromkeys("school college university academy polytechnic seminary madrasa madrassa "
                    "madrasah".split(), "school"),
    **dict.fromkeys("hospital clinic".split(), "hospital"),
    **dict.fromkeys("church cathedral chapel mosque temple synagogue".split(), "worship"),
    "market": "market",
}
_SITE_WORD = "|".join(sorted(_SITE_KINDS))
# the town after the institution: "school in Jangebe", "College, Kagara", and after a proper
# name's capitalised head "College Kagara" (a town the gazetteer locates, or an unknown word
# that ends the name: "School District’s", "College Editor Ann", "College of Medicine" are no
# towns)
_SITE_AFTER = re.compile(rf"\b(?:({_SITE_WORD})\s+(?:in|at)|((?-i:(?=[A-Z]))(?:{_SITE_WORD}))"
                         rf"(,|\s+(?:in|at))?)\s+((?-i:[A-Z])[\w'’-]+)(?!['’])(\s*(?-i:[A-Z(])?)",
                         re.IGNORECASE)
_SITE_HEAD = re.compile(rf"\b({_SITE_WORD})\b", re.IGNORECASE)
# the town before it, two describing words at most between: "Chibok secondary school", "Tomohon
# market", "Kagara College"; a preposition, an article or a conjunction ends the search
_SITE_BEFORE = re.compile(r"([\w'’-]+)\s+$")
_NOT_DESCRIBING = frozenset("in at of on the a an and or to from by for with".split())
SITE_MARK = "%"  # a site's entry among the runs: (start, end, "%", key)


def site_runs(report: Report) -> list[tuple]:
    """The sites of ``report`` (see _SITE_KINDS): ``(start, end, "%", kind + "/" + town key)``
    from the institution's word to its town's."""
    raw = report.raw
    if not re.search(_SITE_WORD, raw, re.IGNORECASE):
        return []
    places = {(p.start, p.end): p for p in report.places}
    covered = sorted([(p.start, p.end) for p in report.places]
                     + [(t.start, t.end) for t in report.times])
    lower: set[str] | None = None

    def town(start: int, end: int, known_only: bool) -> str | None:
        nonlocal lower
        for first, last in covered:
            if first <= start < last or start <= first < end:
                place = places.get((first, last))
                if place is None or (place.geo_precision or 3) > 2:
                    return None  # a time, a region, a country
                return _plain_name(raw[first:last])
        if known_only:
            return None
        word = raw[start:end]
        if lower is None:
            lower = {w for w in _WORD.findall(_without_addresses(raw)) if w[0].islower()}
        if (word.endswith(("’s", "'s")) or word.casefold() in lower
                or word.casefold() in _ORGANISATION
                or word.casefold() in _TITLES or word.isupper() or len(surname_key(word)) < 3):
            return None
        return _plain_name(word)

    found = []
    for match in _SITE_AFTER.finditer(raw):
        head = (match.group(1) or match.group(2)).casefold()
        # a bare space after a capitalised head: the word ends the name, or is a known town
        bare = match.group(2) is not None and match.group(3) is None
        key = town(match.start(4), match.end(4),
                   known_only=bare and match.group(5).strip() != "")
        if key:
            found.append((match.start(), match.end(4), SITE_MARK, f"{_SITE_KINDS[head]}/{key}"))
    for match in _SITE_HEAD.finditer(raw):
        end = match.start()
        for _ in range(3):
            word = _SITE_BEFORE.search(raw, max(0, end - 40), end)
            if word is None or word.group(1).casefold() in _NOT_DESCRIBING:
                break
            key = word.group(1)[0].isupper() and town(word.start(1), word.end(1),
                                                      known_only=True)
            if key:
                found.append((word.start(1), match.end(), SITE_MARK,
                              f"{_SITE_KINDS[match.group(1).casefold()]}/{key}"))
                break
            end = word.start(1)
    return sorted(set(found))


def _plain_name(text: str) -> str:
    """A town's name as a key: casefolded, without accents, letters only."""
    letters = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in letters if c.isalpha() and not unicodedata.combining(c))


def event_sites(runs: list[tuple], event: Event) -> frozenset[str]:
    """The site among ``runs`` (see :func:`site_runs`) in the passage of ``event``'s evidence
    that holds its trigger, when the evidence names no other site: an event ``merge_events``
    folded from passages that name two schools ("the bandits raided the college in Kagara ...
    ten days later gunmen kidnapped girls from the school in Jangebe") tells two incidents, and
    joining it to another report by either would join both."""
    spans = [(s.start, s.end) for s in event.evidence]
    named = {value for start, end, key, value in runs
             if key == SITE_MARK and any(s <= start and end <= e for s, e in spans)}
    if len(named) != 1:
        return frozenset()
    passage = _trigger_passage(event)
    return frozenset(value for start, end, key, value in runs
                     if key == SITE_MARK and any(s <= start and end <= e for s, e in passage))


def _trigger_passage(event: Event) -> list[tuple[int, int]]:
    """The span of the evidence that holds the trigger (all of it when none does)."""
    spans = [(s.start, s.end) for s in event.evidence]
    if event.trigger is not None:
        holding = [(s, e) for s, e in spans if s <= event.trigger.start < e]
        if holding:
            return holding
    return spans
