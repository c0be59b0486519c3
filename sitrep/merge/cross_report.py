"""One incident, many reports: events of different reports that tell the same happening.

A corpus-level step (not a pipeline stage): it takes the events of many reports, each reduced to
a :class:`Mention` (what a comparison needs: kind, days, place, named people), and returns
incidents — groups of mentions with the reasons that joined them.

    mention = mention_of(event_id, group_id, event, report)
    comparison = compare(first, second)      -> Comparison(score, reasons, conflict)
    incidents = cluster(mentions, comparisons)  -> [[event ids of one incident], ...]

How two mentions are compared (every outcome says why). Only what a report says of the event
itself counts: a place that is only the report's focus, or the day and place of a back
reference, are left out (:func:`mention_of`).

- **Kind.** Only mentions of compatible *families* are compared (:func:`compatible_families`):
  detentions (arrests, COERCE-arrests), abductions (compatible with detentions and with
  violence), violence against people (attacks, armed clashes, mob and sexual violence),
  protests (compatible with detentions, but joined to one only on the protest's exact day and
  by a person both name: the arrests at a demonstration are the demonstration, as ACLED codes
  them), and each PLOVER type of its own for events with no ACLED type (a sentence, a
  release). The same person's arrest, sentence and release are three incidents.
- **Modality.** Asserted and uncertain mentions are compared with each other; a denied, forecast
  or hypothetical event only with one of its own modality, but for the killing of a named
  person: one named inside a demand, a call or an attempt (hypothetical: "called for justice for
  the murder of X") is the killing another report asserts (a person is killed once; the
  person the evidence names as killed, not the killer: ``names.killed_names``).
- **Days.** Each mention stands for a range of days (its date and ACLED time precision, see
  ``sitrep.events.merge``; a date told to the year only is that year; a date told as where a
  period begins, "detained 2,900 people since the Feb. 1 coup", is the period up to the
  report, :func:`~sitrep.merge.mention.since_date`); a date that fell back
  to the publication date is weak evidence: the window of the weeks before publication, and
  an own date before that window takes away the weight of a shared name without setting the
  two apart. Two exact days more than one day apart
  are different incidents (a report written the next day says "yesterday" and is often a day
  off; but two protests a day apart weigh no shared day: a city's protests go on day after
  day); other ranges that do not overlap are too, but for the killing of a named person told
  again undated or inside a demand (dated by the demand: "the murder of X in October", a year
  on).
- **Place.** Different countries are different incidents; two places located to the town (ACLED
  geo precision 1-2) more than ``FAR_KM`` apart are too ("the same day in different towns"),
  unless one bears the name of the first-level region both are in (Katsina, Idlib, Kandahar:
  the city and its region share a name, and a report may mean the region).
- **People.** The surnames of the people the evidence names (proper-noun runs of the parsed
  text that are not places, times or coded organisations), keyed so that spellings of one name
  meet (:func:`surname_key`). Sharing one is the strongest sign of one incident (of two
  killings, only a name one of them gives as the person killed: a killer or whoever ordered it
  is named in many); when both name people and share none, they are different incidents,
  but for protests: a demonstration is one place and day (as ACLED codes it), and the people
  its reports name are whom it was for or against or who spoke of it ("against Sisi", "said
  Mr Fattah"), which one report names and another does not; for the same reason a name two
  protests share joins them only with a place or a day that agree (protests for George Floyd
  in Minneapolis and in Los Angeles are two). One surname may be several people: when both
  mentions' evidence gives it with given names and none of them is one name, spelled apart or
  shortened ("Alaa Abd El-Fattah" / "Esraa Abdel Fattah", "Tara Fares" / "Raed Fares"; but
  "Nat" / "Natividad Castro"), the surname neither joins nor sets them apart
  (:func:`_same_people`). A word the gazetteer took for a
  place right before a surname ("journalist Hopewell Chin'ono") is a first name, and a place
  that opens a medium's name ("a Wall Street Journal reporter") is the medium's: neither is a
  place of the event.
- **Proceedings and statements.** An act told as what a court tried ("sentenced in the abduction
  and murder of ...", :func:`judicial`; or its evidence is what ``merge_events`` left of such
  a sentence, "for the murder of ...") tells the proceeding, not the act: it never joins a
  mention of the act itself. Statements and meetings (PLOVER REQUEST, CONSULT, ...) are many
  per person and week: a shared name does not join them. Nor does a town and a month, or an
  own date in an undated report's window, join a PLOVER type with no ACLED act (a statement,
  an accusation, a sanction): a capital sees many a month ("the police denied shooting
  protesters" and "the police said it dismissed 37 officers", in Lagos in October); the same
  exact day and place, or a name for the acts among them, still do.

Two mentions with no conflict are one incident when what they share weighs ``LINK_SCORE``: a
named person alone; or the same exact day and a place within ``NEAR_KM``; or the same sub-type
at a place within ``NEAR_KM`` on own dates of a month at most that overlap; or the same number
of people harmed (``COUNT_WEIGHT``: "317 girls kidnapped", "nearly 300 schoolgirls") with the
same sub-type in one region or town, or on the same exact day in one country (or an exact day
in the week before an undated report's publication or the day a report says it was told on,
``FRESH_DAYS``; or, for a figure of a hundred or more abducted or killed, on own dates of one
month at most that overlap in one country, ``LARGE_COUNT``). Anything less (the same month in
the same country without such a figure, the same type on the same day somewhere in one
country) is not evidence enough: ACLED's unit is one act, one place, one day.

Incidents are formed by constrained single-link clustering over the accepted links, strongest
first (ties by where they were told: the earliest publication, then the document, see
``_told``): two groups join only when no pair across them is in conflict. Links join
different reports only, but two events of one report may end up in one incident: the report
told the incident in places that the ``merge_events`` stage, which sees one report, did not
fold (a detention in one paragraph, an arrest two paragraphs later), and another report that
links to both is the evidence it lacked; they still join only when nothing sets them apart.
The result depends only on the set of mentions, never on their order, which is what makes a
re-run add nothing and reversed input give the same incidents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..geo.gazetteer import distance_km as _great_circle_km
from ..model import PLOVER_TYPES
from .kinds import (_AT_A_PROTEST, _STATEMENTS, compatible_families, family_of, judicial, killing,
                    named_actors)
from .mention import MONTH_DAYS, OPEN_START, RECENT_DAYS, Mention, mention_of
from .names import mention_runs, name_runs, person_names, same_given, surname_key

__all__ = ["Mention", "Comparison", "mention_of", "name_runs", "mention_runs", "compare",
           "cluster", "family_of", "compatible_families", "same_count", "COUNT_SHARE",
           "NEAR_KM", "FAR_KM", "FRESH_DAYS", "LARGE_COUNT", "LARGE_KINDS", "judicial", "killing",
           "named_actors", "person_names", "surname_key", "OPEN_START", "MONTH_DAYS",
           "RECENT_DAYS"]

# Places within this distance are "the same place": a town and the district or airport beside
# it. ACLED geo precision 2 is "near the place", typically within a few tens of km.
NEAR_KM = 30.0
# Two located places further apart than this are different places (the same day in two towns).
FAR_KM = 100.0
# What each kind of agreement weighs; two mentions are one incident at LINK_SCORE. A shared
# named person (the victim, mostly) is enough alone; so are the same exact day and the same
# place. The same type, a named group, the same country add to the order links are taken in but
# never reach LINK_SCORE without a name or a day and a place: ACLED's unit is one act, one
# place, one day, and the store's blocking (sitrep/store/incidents.py) relies on those two routes.
NAME_WEIGHT = 2.0
DAY_WEIGHT = 1.0
PLACE_WEIGHT = 1.0
TYPE_WEIGHT = 0.5
ACTOR_WEIGHT = 0.25
LINK_SCORE = 2.0
# Own dates of one month at most (a day, a week, a month) that overlap, at the same place
# (within NEAR_KM, both located to the town): with the same sub-type this reaches LINK_SCORE
# (PLACE_WEIGHT + MONTH_WEIGHT + TYPE_WEIGHT). What an analyst joins when one report dates the
# school abduction in Kagara "on 17 February" and another "in February"; exact days that differ
# stay apart (compare's "different days"), and a compatible kind is not enough. Dev set: the
# month-dated mentions of the Kagara, Kankara and anti-Sisi-protest incidents (eval merge).
# Not for arrests: a capital sees arrests every day, and two unnamed ones told to one town and
# one month are rarely one act (an analyst wants the person or the day).
MONTH_WEIGHT = 0.5
# The same first-level region when one place is told only to the region: with the same exact
# day and the same sub-type it reaches LINK_SCORE (one kind of act, one region, one day: what an
# analyst joins when a report says "in Zamfara state" and another names the school's town);
# a compatible kind (an ASSAULT and an abduction) on that day and region does not.
REGION_WEIGHT = 0.5
# The report's focus place (where the report is set, when the event's own words name no place:
# "the 20 September protests" in a report about Cairo) agrees with the other mention's place
# (the same town or first-level region, see _same_area): weak evidence, never a conflict. With
# the same exact day and the same kind it reaches LINK_SCORE. Dev set (eval merge): the Cairo
# protests of 20 September 2019 and the Harare protest of 31 July 2020, told in reports set
# there without naming the place again in the sentence.
FOCUS_WEIGHT = 0.5
# A date that fell back to the publication date is weak evidence: the report says no day, so
# the event is most likely the news of the weeks before publication (the window of
# ``sitrep.events.merge._date_range``: RECENT_DAYS up to publication). Own dates are strong.
# An own date inside that window adds a little (RECENT_WEIGHT); an own date before it takes the
# shared name's weight away without setting the pair apart: "Jalingo was arrested" in a report
# of June 2021 is his new arrest, not the one of August 2019 that another report dates, though a
# third report may still show they are one (a background mention of an old incident).
RECENT_WEIGHT = 0.5
# The same number of people harmed (killed, abducted, arrested; at least names.COUNT_MIN), up
# to COUNT_SHARE of the larger figure apart (reports round and update: "317 girls", "nearly 300
# schoolgirls", "more than 300"): it tells one mass abduction or massacre from another of its
# kind as a victim's name does one arrest from another, but only where the two are placed
# together: with the same sub-type in one first-level region (REGION_WEIGHT + TYPE_WEIGHT +
# COUNT_WEIGHT) or one town of it, or on the same exact day in one country. Without a place or
# day that agree a count weighs nothing: a country sees many attacks of a dozen dead in a month.
COUNT_WEIGHT = 1.0
COUNT_SHARE = 0.15
# A report with no day of the event's own (its date the window up to publication, or up to the
# day a sentence says the event was told on: "police said on Saturday") tells the news of the
# last days before it most often: an exact own day of another report within this many days
# before the window's end counts a shared figure as the same exact day does, in one country
# ("said Saturday it had executed 81 people", dated, and "said on Saturday it executed 81
# people", told on Saturday), with the same sub-type (RECENT_WEIGHT + TYPE_WEIGHT +
# COUNT_WEIGHT). Older days of the window do not: a country sees many attacks of a dozen dead
# in a month.
FRESH_DAYS = 7
# A figure of at least LARGE_COUNT people abducted or killed is rare (a country sees a mass
# abduction or a massacre of that size a few times a year, not a month): the same such figure
# with the same sub-type on own dates of a month at most that overlap, in one country (not two
# named regions), weighs as a shared place and month do (COUNT_WEIGHT + MONTH_WEIGHT, with
# TYPE_WEIGHT reaching LINK_SCORE): "317 girls were kidnapped in Zamfara state on February 26"
# and "the abduction of nearly 300 schoolgirls in February" in a report that names no state.
# Not arrests: a crackdown arrests hundreds on many days of a month. HRDsAttack train_dev
# (allowed): 4 new links, the three reports of one school abduction, none wrong.
LARGE_COUNT = 100
LARGE_KINDS = frozenset({"abducted", "killed"})
# The same site: the institution an act struck and its town (``names.site_runs``: "Government
# Science College, Kagara", "the school in Jangebe"). One school, market or hospital is struck
# once in a month, so the site weighs more than the same town (it takes the place's weight, not
# both): with own dates of one month at most that overlap (MONTH_WEIGHT), or an own date in an
# undated report's window (RECENT_WEIGHT), or the same type (a year told only: "from the school
# in Chibok in 2014"), it reaches LINK_SCORE whatever place each report gives the act (the town,
# the state, none) and whether one types the raid an attack and the other an abduction. Exact
# days that differ stay apart (the same school raided twice). Only for acts that strike people
# where they are (abductions, attacks: _SITE_FAMILIES): arrests and protests at a university
# happen on many days of a month, statements about a school are many.
SITE_WEIGHT = 1.5


# A named person is killed once: the killing named inside a demand, a call or an attempt ("called
# for justice for the murder of X", "attempts to cover up the killing of X": modality
# hypothetical) is the killing another report asserts, not a killing that may happen. A denied
# or forecast killing ("X was not killed", "plans to kill X") stays apart.
_KILLING_TOLD = frozenset({"asserted", "hypothetical"})


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two mentions: ``conflict`` says why they cannot be one
    incident; otherwise ``score`` > 0 when they are one, with ``reasons``."""

    score: float
    reasons: tuple[str, ...]
    conflict: str | None = None

    @property
    def link(self) -> bool:
        return self.conflict is None and self.score > 0



def distance_km(a: Mention, b: Mention) -> float:
    """Great-circle distance between two located mentions."""
    return _great_circle_km(a.lat, a.lon, b.lat, b.lon)


def compare(a: Mention, b: Mention) -> Comparison:
    """Whether two mentions tell one incident, and why (symmetric: compare(a, b) equals
    compare(b, a): the pair is taken in id order)."""
    if b.event_id < a.event_id:
        a, b = b, a
    if b.family not in compatible_families(a.family):
        return Comparison(0.0, (), f"different kinds ({a.sub_type} / {b.sub_type})")
    shared, namesakes = _same_people(a, b)
    if {a.family, b.family} == _AT_A_PROTEST and not (
            a.exact_day and a.first_day == b.first_day and b.exact_day and shared):
        # not a conflict: the protest's other reports may name nobody (a third report, which
        # names the person, joins them)
        return Comparison(0.0, (f"compatible kinds {a.sub_type} / {b.sub_type}", "an arrest is "
                                "a protest's only on its day, naming the same person"))
    # (the person killed, not the killer: "Emwazi shot the prisoner" and "Emwazi was killed in
    # a drone strike" are two killings; see names.killed_names)
    named_killing = a.fatal and b.fatal and bool(a.victims & b.victims & set(shared))
    if a.modality != b.modality and not (
            named_killing and {a.modality, b.modality} <= _KILLING_TOLD):
        return Comparison(0.0, (), f"different modalities ({a.modality} / {b.modality})")
    if a.retold != b.retold:
        told = a if a.retold else b
        return Comparison(0.0, (), f"a court's proceeding about the act ({told.event_id}) is "
                                   "not the act")
    # a named person is killed once: an undated retelling of the killing is told from where
    # its report stands, so its place does not set it apart from a dated one
    killed_once = named_killing and (a.undated or b.undated)
    if a.iso3 and b.iso3 and a.iso3 != b.iso3 and not killed_once:
        return Comparison(0.0, (), f"different countries ({a.iso3} / {b.iso3})")
    reasons: list[str] = []
    if a.modality != b.modality:
        reasons.append(f"a named person is killed once: the killing told as {a.modality} and as "
                       f"{b.modality} is one")
    score = 0.0
    before_window = None
    # statements, accusations, sanctions (PLOVER types with no ACLED act): a town sees many a
    # month, so an undated report's window or one month there does not weigh (see the module
    # docstring); HRDsAttack train_dev (allowed): 4 links gone, all wrong
    said = a.family in PLOVER_TYPES or b.family in PLOVER_TYPES
    month = same_day = placed = fresh = recent = overlap = False
    if a.first_day and b.first_day:
        if a.exact_day and b.exact_day:
            gap = abs((a.first_day - b.first_day).days)
            if gap > 1:
                return Comparison(0.0, (), f"different days ({a.first_day} / {b.first_day})")
            if gap and a.family == b.family == "protest":
                # a city's protests go on day after day: a day apart, the days are two
                # demonstrations' unless a name or a place says more (a day off from
                # "yesterday" still joins what else they share); HRDsAttack train_dev (allowed)
                reasons.append(f"protests a day apart ({a.first_day} / {b.first_day})")
            else:
                score += DAY_WEIGHT
                same_day = True
                reasons.append(f"dates {a.first_day} vs {b.first_day}")
        elif a.last_day < b.first_day or b.last_day < a.first_day:
            earlier, undated = (a, b) if a.last_day < b.first_day else (b, a)
            # a named person is killed once: an undated killing of them is that one, told again
            # ("the world will never forget how Khashoggi was killed"); so is a later one named
            # inside a demand or an attempt (hypothetical), dated to a week, a month or a year:
            # the date is the demand's ("urged ... the truth about the murder of X in October",
            # a year on). A later exact day stays apart, and so does a later asserted killing
            # dated to a month (another killing whose report names the person: "Mueller").
            retold_killing = named_killing and not undated.exact_day and (
                undated.undated or undated.modality == "hypothetical")
            if not undated.undated and not retold_killing:
                # (a report cannot tell what happened after it)
                return Comparison(0.0, (), f"days do not overlap ({_days(a)} / {_days(b)})")
            if retold_killing:
                reasons.append(f"a named person is killed once ({_days(earlier)} / "
                               f"{_days(undated)})")
            else:
                # an own date before an undated report's window: weak evidence against, no
                # conflict
                before_window = (f"{_days(earlier)} is before the window of the undated report "
                                 f"({_days(undated)})")
        else:
            reasons.append(f"days overlap ({_days(a)} / {_days(b)})")
            overlap = True
            recent = a.undated != b.undated
            if recent and not said:
                score += RECENT_WEIGHT
                reasons.append("the own date is within the undated report's window")
            elif a.month_route and b.month_route and not said:
                month = True
            fresh = _fresh(a, b) or _fresh(b, a)
    place_weight = 0.0
    region = _region_named(a, b)
    if a.located and b.located and region is None:
        km = distance_km(a, b)
        if km > FAR_KM and not killed_once:
            return Comparison(0.0, (), f"different places ({km:.0f} km apart)")
        if km <= NEAR_KM:
            place_weight = PLACE_WEIGHT
            placed = True
        reasons.append(f"{km:.0f} km apart")
    elif a.regional and b.regional and a.admin1 == b.admin1 and a.iso3 == b.iso3:
        # one is told only to the region ("in Zamfara state"): the same region counts, less
        # than the same town (ACLED's geo precision 3 is the region's capital or centre)
        place_weight = REGION_WEIGHT
        placed = True
        reasons.append(f"same region {a.admin1}" + (
            f" ('{region.place_name}' may be the region's name)" if region else ""))
    elif (a.focus or b.focus) and _same_area(_place_of(a), _place_of(b)):
        place_weight = FOCUS_WEIGHT
        reasons.append("the report's place agrees (" + " / ".join(
            "report's" if m.focus else "own" for m in (a, b)) + ")")
    sites = sorted(a.sites & b.sites)
    if sites:
        # the same institution struck, in the same town: more than the place (see SITE_WEIGHT)
        place_weight = SITE_WEIGHT
        placed = True
        reasons.append(f"the same site {', '.join(sites)}")
    score += place_weight
    if month and place_weight >= PLACE_WEIGHT:
        score += MONTH_WEIGHT
        reasons.append("the same place within one month")
    if namesakes:
        reasons.append("the same surname, other given names: " + "; ".join(namesakes))
    # the people named set two acts apart, not two reports of one demonstration (see above)
    if a.names and b.names and not shared and not namesakes and a.family != "protest":
        return Comparison(0.0, (), f"different people named ({', '.join(sorted(a.names))} / "
                                   f"{', '.join(sorted(b.names))})")
    if shared and a.family in _STATEMENTS:
        reasons.append("a statement about the same person (only the same day and place join "
                       "statements)")
    elif shared and a.family == b.family == "protest" and not (placed or same_day):
        # many protests are for one person: HRDsAttack train_dev (allowed), 4 links gone, all
        # wrong (protests for Floyd in Minnesota and Los Angeles; "Fattah" in Egypt and Myanmar)
        reasons.append("a protest for or against the same person (only with a place or a day "
                       "that agree)")
    elif shared and a.fatal and b.fatal and a.killed is not None and b.killed is not None \
            and not set(shared) & a.victims & b.victims:
        # two killings that share a name neither gives as the person killed: the killer's, or
        # whoever ordered it or spoke of it ("Mohammed bin Salman" of the Khashoggi killing and
        # of 81 executions), who is named in many killings; HRDsAttack train_dev (allowed)
        reasons.append("a name both killings give, not as the person killed: "
                       + ", ".join(shared))
    elif shared:
        score += NAME_WEIGHT
        spelled = sorted({word for word in a.spellings + b.spellings
                          if surname_key(word) in shared}) or shared
        reasons.insert(0, f"same person named: {' / '.join(spelled)}")
    count = same_count(a, b) if a.first_day and b.first_day else None
    same_region = bool(a.admin1) and a.admin1 == b.admin1 and a.iso3 == b.iso3
    same_country = _country(a) is not None and _country(a) == _country(b)
    other_region = bool(a.admin1 and b.admin1) and a.admin1 != b.admin1
    if count and (placed and same_region or same_day and same_country
                  or fresh and same_country and not other_region):
        score += COUNT_WEIGHT
        reasons.append(f"the same number {count[0]}: {count[1]} / {count[2]}")
        if fresh and not recent:
            # a day told on weighs as a publication window does (see FRESH_DAYS)
            score += RECENT_WEIGHT
            reasons.append("the own day is within the week before the day the other was told on")
    elif (count and count[0] in LARGE_KINDS and min(count[1:]) >= LARGE_COUNT
          and same_country and not other_region and overlap and a.within_month
          and b.within_month):
        score += COUNT_WEIGHT + MONTH_WEIGHT
        reasons.append(f"the same large number {count[0]}: {count[1]} / {count[2]}, in one "
                       "country within one month")
    actors = sorted(a.actors & b.actors)
    if actors:
        score += ACTOR_WEIGHT
        reasons.append(f"same actor {', '.join(actors)}")
    if a.sub_type == b.sub_type:
        score += TYPE_WEIGHT
        reasons.insert(0, f"same type {a.sub_type}")
    elif a.family == b.family == "protest" and same_day:
        # ACLED codes the demonstrations of one place and day as one event, whether or not a
        # report tells of an intervention: on one exact day protest sub-types are one type
        score += TYPE_WEIGHT
        reasons.insert(0, f"one demonstration a place and day ({a.sub_type} / {b.sub_type})")
    else:
        reasons.insert(0, f"compatible kinds {a.sub_type} / {b.sub_type}")
    if before_window:
        return Comparison(0.0, tuple(reasons) + (before_window,))
    if score < LINK_SCORE:
        # not a conflict: a third mention may still join both to one incident
        return Comparison(0.0, tuple(reasons) + (
            "not enough in common: no shared name, nor the same day and place",))
    return Comparison(score, tuple(reasons))


def _same_people(a: Mention, b: Mention) -> tuple[list[str], list[str]]:
    """The surname keys the two share that may be one person, and those that are namesakes:
    both reports give the surname with given names and none of them is one name ("Alaa Abd
    El-Fattah" / "Esraa Abdel Fattah", keyed alike). Namesakes do not join two mentions, nor
    set them apart (a given name the parse mistook is no proof of two people)."""
    shared, namesakes = [], []
    for key in sorted(a.names & b.names):
        first = {given for surname, given in a.given if surname == key}
        second = {given for surname, given in b.given if surname == key}
        if first and second and not any(same_given(x, y) for x in first for y in second):
            namesakes.append(f"{key} ({', '.join(sorted(first))} / {', '.join(sorted(second))})")
        else:
            shared.append(key)
    return shared, namesakes


def same_count(a: Mention, b: Mention) -> tuple[str, int, int] | None:
    """A count of people harmed the two share, up to COUNT_SHARE apart: ``(kind, figure of a,
    figure of b)``, the closest pair; None when they share none."""
    pairs = sorted((abs(x - y) / max(x, y), kind, x, y) for kind, x in a.counts
                   for other, y in b.counts if other == kind)
    if pairs and pairs[0][0] <= COUNT_SHARE:
        return pairs[0][1:]
    return None


def _fresh(dated: Mention, window: Mention) -> bool:
    """Whether ``dated`` has an exact own day within FRESH_DAYS before the end of ``window``'s
    days, a window up to publication or to the day its event was told on."""
    return (dated.exact_day and not dated.window and window.window
            and 0 <= (window.last_day - dated.first_day).days <= FRESH_DAYS)


def _region_named(a: Mention, b: Mention) -> Mention | None:
    """Of two located places in one first-level region that are not within NEAR_KM, the one
    whose name is the region's own ("Kankara, Katsina": the gazetteer took the state's name for
    its capital city; Idlib, Aleppo, Kandahar, Oaxaca are cities and their regions): it may
    stand for the region, so the two are not "different places", only the same region."""
    if not (a.located and b.located and a.regional and a.iso3 == b.iso3
            and a.admin1 == b.admin1) or distance_km(a, b) <= NEAR_KM:
        return None
    for mention in (a, b):
        if mention.place_name and _plain(mention.place_name) == _plain(mention.admin1):
            return mention
    return None


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()


def _country(mention: Mention) -> str | None:
    """The country of the mention's own place, else of its report's focus."""
    place = _place_of(mention)
    return place[0] if place else None


def _place_of(mention: Mention) -> tuple | None:
    """(iso3, admin1, lat, lon, geo precision) of the mention's own place, else of its
    report's focus, else None."""
    if mention.iso3:
        return (mention.iso3, mention.admin1, mention.lat, mention.lon, mention.geo_precision)
    return mention.focus


def _same_area(first: tuple | None, second: tuple | None) -> bool:
    """Two places in one town (both located to it, within NEAR_KM) or one first-level region;
    a place told only to the country agrees with nothing (a country holds many incidents)."""
    if first is None or second is None or first[0] != second[0]:
        return False
    if first[1] and second[1] and first[1] == second[1]:
        return True
    if (first[4] or 3) <= 2 and (second[4] or 3) <= 2 and None not in (*first[2:4], *second[2:4]):
        return _great_circle_km(first[2], first[3], second[2], second[3]) <= NEAR_KM
    return False


def _days(mention: Mention) -> str:
    if mention.undated:
        return f"undated, published {mention.last_day}"
    return f"{mention.first_day}..{mention.last_day}"


def cluster(mentions: Iterable[Mention], links: dict[tuple[str, str], Comparison],
            conflict: Callable[[Mention, Mention], bool] | None = None) -> list[list[str]]:
    """Incidents (sorted lists of event ids, sorted by their first id) from mentions and the
    accepted links between them (keyed by the sorted pair of ids). ``conflict``: whether two
    mentions cannot be one incident, if not ``compare``'s conflict itself (a caller that
    clusters the same mentions again may remember it)."""
    conflict = conflict or _conflict
    by_id = {mention.event_id: mention for mention in mentions}
    members = {event_id: [event_id] for event_id in by_id}
    owner = {event_id: event_id for event_id in by_id}
    # each mention's place in the order of _told, as a number: a link is keyed by its score
    # and its two numbers, not by two tuples built and sorted for every link
    told = {event_id: number for number, event_id in enumerate(
        sorted(by_id, key=lambda event_id: _told(by_id[event_id])))}

    def order(item: tuple[tuple[str, str], Comparison]) -> tuple[float, int, int]:
        first, second = told[item[0][0]], told[item[0][1]]
        return (-item[1].score, first, second) if first < second else (
            -item[1].score, second, first)

    ordered = sorted(((pair, comparison) for pair, comparison in links.items()
                      if comparison.link and pair[0] in by_id and pair[1] in by_id), key=order)
    # the groups a group was found in conflict with: a conflict between two groups holds for
    # whatever each later joins (a group only grows), so a pair of groups is looked at once,
    # not again with every link between them (a story's part of hundreds of mentions has
    # thousands of links across the same two groups)
    apart: dict[str, set[str]] = {event_id: set() for event_id in by_id}
    for (first, second), _ in ordered:
        left, right = owner[first], owner[second]
        if left == right or right in apart[left]:
            continue
        if not _joinable(members[left], members[right], by_id, conflict):
            apart[left].add(right)
            apart[right].add(left)
            continue
        keep, gone = (left, right) if len(members[left]) >= len(members[right]) else (right, left)
        for event_id in members[gone]:
            owner[event_id] = keep
        members[keep] += members.pop(gone)
        for other in apart.pop(gone):
            apart[other].discard(gone)
            apart[other].add(keep)
            apart[keep].add(other)
    return sorted(sorted(group) for group in members.values())


def _told(mention: Mention) -> tuple:
    """Where a mention was told, the order in which links of one score are taken: the earliest
    publication first (the first reports of an incident are its core; later ones retell it),
    then the document, then the place in it. Not the event id: it hashes the event's values
    (its date among them), so ordering by it made an incident hold together or not depending
    on how any member's date text was read. The id comes last, for mentions of stores written
    before these were kept."""
    return (mention.published is None, mention.published or "", mention.document or "",
            mention.group, mention.offset, mention.event_id)


def _joinable(left: list[str], right: list[str], by_id: dict[str, Mention],
              conflict: Callable[[Mention, Mention], bool]) -> bool:
    return not any(conflict(by_id[a], by_id[b]) for a in left for b in right)


def _conflict(a: Mention, b: Mention) -> bool:
    return compare(a, b).conflict is not None
