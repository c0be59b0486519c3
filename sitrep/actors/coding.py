"""From mentions to coded actors, with the document as context.

Two document-level decisions are taken once per report and recorded in every reason that uses them:

* **the document's country** — a vote over country names (2), cities of the offline gazetteer (2)
  and demonyms (1). It codes country-less nominals ("regime troops", "police", "villagers") and
  tells home forces (ACLED inter 1) from foreign ones (inter 8: state forces outside their
  country). Cities weigh as much as country names because foreign forces are named by demonym
  ("Russian troops") far more often than the country where the fighting is.
* **the actor the document is about** — the named non-state armed actor mentioned most often
  (first mention breaks ties). "the militants", "the jihadis", "the group", "fighters were ..."
  resolve to it (coreference), with the reason recorded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..model import Actor, Report
from .dictionary import ActorDictionary, INTER_TYPES
from .recognize import Mention, person_surname

__all__ = ["DocumentContext", "document_context", "code_mention", "state_name"]

_ARMED_NON_STATE = (2, 3, 4)
_UNKNOWN = "unknown:"
_STATE_NAMES = {"MIL": "Military Forces of {}", "COP": "Police Forces of {}"}
# ACLED writes state actors with the article English gives these countries ("Police Forces of
# the Philippines", "Military Forces of the United States of America")
_WITH_THE = {"Bahamas", "Central African Republic", "Comoros", "Republic of Congo",
             "Democratic Republic of Congo", "Czech Republic", "Dominican Republic", "Gambia",
             "Maldives", "Marshall Islands", "Netherlands", "Philippines", "Solomon Islands",
             "United Arab Emirates", "United Kingdom"}
_LONG_NAMES = {"United States": "the United States of America"}
_ROLE_NAMES = {"rebel": ("Rebels ({})", 2, "REB"), "armed": ("Unidentified Armed Group ({})", 3,
                                                              "UAF"),
               "protester": ("Protesters ({})", 6, "CVL"), "rioter": ("Rioters ({})", 5, "CVL"),
               "civilian": ("Civilians ({})", 7, None)}


@dataclass(frozen=True, slots=True)
class DocumentContext:
    country: str | None           # ISO3
    country_reason: str
    main_actor: str | None        # actor id
    main_reason: str


def document_context(dictionary: ActorDictionary, report: Report,
                     mentions: list[Mention]) -> DocumentContext:
    votes = _country_votes(dictionary, report, mentions)
    country, country_reason = None, "no country named"
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        country = ranked[0][0]
        runner = f", runner-up {ranked[1][0]} {ranked[1][1]}" if len(ranked) > 1 else ""
        country_reason = f"document country {country} (votes {ranked[0][1]}{runner})"
    elif ranked:
        # A tie goes to the tied country named first: a report names its scene early.
        tied = {iso3 for iso3, count in votes.items() if count == ranked[0][1]}
        country = next((iso3 for iso3 in votes if iso3 in tied), None)
        country_reason = (f"document country {country} (tied at {ranked[0][1]} votes with "
                          f"{', '.join(sorted(tied - {country}))}; named first)")
    named = Counter(m.actor_id for m in mentions if m.kind == "named" and m.entry is not None
                    and m.entry.inter in _ARMED_NON_STATE)
    main, main_reason = None, "no named armed group"
    unknown = Counter(m.cue for m in mentions if m.kind == "unknown")
    if named:
        main, count = max(named.items(), key=lambda item: item[1])
        main_reason = f"the named armed group the document is about ({count} mentions)"
    elif unknown:
        cue, count = max(unknown.items(), key=lambda item: item[1])
        main = _UNKNOWN + cue
        main_reason = f"the (unknown) named group the document is about ({count} mentions)"
    return DocumentContext(country, country_reason, main, main_reason)


# Vote weights: a country's name (wherever it stands: "in Syria" counts), a city of the
# gazetteer and a capital say where the events are; a demonym ("Russian troops") often names
# foreign forces, and a named group's home country is weak evidence.
_VOTE_COUNTRY, _VOTE_CITY, _VOTE_DEMONYM, _VOTE_GROUP = 3, 2, 1, 1
_SPONSOR = frozenset({"backed", "led", "supported", "sponsored", "funded", "trained", "armed",
                      "allied", "aligned", "based"})


def _country_votes(dictionary: ActorDictionary, report: Report,
                   mentions: list[Mention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    covered = set()
    for mention in mentions:
        if mention.kind == "named" and mention.entry and mention.entry.country not in (None, "*"):
            votes[mention.entry.country] += _VOTE_GROUP
        if mention.kind in ("named", "unknown"):
            covered.update(range(mention.first, mention.end))
    tokens = report.tokens
    words = [t.text.replace("’", "'") for t in tokens]
    folded = [w.lower() for w in words]
    cities = dictionary.cities
    index = 0
    while index < len(tokens):
        if not words[index][:1].isupper() or index in covered:
            index += 1
            continue
        matches = dictionary.match(words, folded, index)
        kinds = {payload[0]: payload[1] for _, payload in matches}
        if matches and kinds.keys() & {"country", "capital", "demonym", "people"}:
            iso3 = kinds.get("country") or kinds.get("capital") or kinds.get("demonym") or \
                kinds.get("people")
            weight = _VOTE_COUNTRY if "country" in kinds else (
                _VOTE_CITY if "capital" in kinds else _VOTE_DEMONYM)
            if index and folded[index - 1] == "from" or index > 1 and folded[index - 2:index] \
                    == ["from", "the"]:
                weight = _VOTE_DEMONYM              # "arrived from the United States": origin
            end = matches[0][0]
            # "Rwanda-backed rebels", "US-led coalition": a sponsor abroad, not the scene;
            # "anti-Syria", "pro-Russia": a stance.
            if end + 1 < len(words) and words[end] == "-" and folded[end + 1] in _SPONSOR or \
                    index > 1 and words[index - 1] == "-" and folded[index - 2] in ("pro", "anti"):
                weight = 0
            given_first = index > 1 and tokens[index - 1].sent != tokens[index - 2].sent
            if person_surname(words, folded, index, end, index - 1 if given_first else 0):
                weight = 0                          # "said Nouhoum Togo": a person's name
            if weight:
                votes[iso3] += weight
            index = end
            continue
        sentence_start = index == 0 or tokens[index - 1].sent != tokens[index].sent
        # a one-word town after another capitalised word is a word of a longer name ("Central"
        # and "University" in "Pondicherry Central University", "Union" in "Workers' Union")
        inside_name = not sentence_start and _capitalised(words[index - 1])
        for length in (3, 2, 1):
            key = tuple(w for w in words[index:index + length] if w != "-")
            country = None if (sentence_start or inside_name) and length == 1 else cities.get(key)
            if country:
                votes[country] += _VOTE_CITY
                index += length - 1
                break
        index += 1
    return votes


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word == "'"


def code_mention(dictionary: ActorDictionary, report: Report, context: DocumentContext,
                 mention: Mention, state_of: dict[str, Actor]) -> Actor | None:
    """The coded :class:`Actor` of a mention (raw offsets), or None to drop it."""
    tokens = report.tokens
    span = report.raw_span(tokens[mention.first].cstart, tokens[mention.end - 1].cend)
    base = {"start": span.start, "end": span.end, "text": span.text}
    cue = repr(mention.cue)
    if mention.kind == "anaphor" and (context.main_actor or "").startswith(_UNKNOWN):
        cue_name = context.main_actor[len(_UNKNOWN):]
        inter = _unknown_inter(cue_name)
        return Actor(**base, name=cue_name, type=INTER_TYPES[inter], inter=inter,
                     country=_country_name(dictionary, context.country),
                     reason=f"coreference: {cue} -> {cue_name!r}, {context.main_reason}")
    if mention.kind == "role" and mention.role.kind == "anaphor" and context.main_actor and \
            not context.main_actor.startswith(_UNKNOWN):
        main = dictionary.entry_for(context.main_actor, report.published)
        if main.country in ("*", mention.country):  # "Nigerian Islamists" in a Boko Haram story
            mention = replace(mention, kind="anaphor")
    if mention.kind == "named" or (mention.kind == "anaphor" and context.main_actor):
        ident = mention.actor_id if mention.kind == "named" else context.main_actor
        entry = dictionary.entry_for(ident, report.published)
        iso3 = context.country if entry.country == "*" else entry.country
        if entry.inter == 1 and entry.cameo in (f"{iso3}MIL", f"{iso3}COP") and \
                mention.kind == "named":
            # A state's own forces by their name ("FARDC", "Tatmadaw", "PNP") are coded exactly
            # as "Congolese troops" would be (same name, id, inter rule).
            return _state_actor(dictionary, base, context, iso3, entry.cameo[3:],
                                f"dictionary alias {cue} (actors.tsv v{dictionary.version})")
        if mention.kind == "named":
            reason = f"dictionary alias {cue} (actors.tsv v{dictionary.version})"
        else:
            reason = f"coreference: {cue} -> {entry.name}, {context.main_reason}"
        return Actor(**base, name=entry.name, type=entry.type, inter=entry.inter,
                     cameo=entry.cameo, country=_country_name(dictionary, iso3),
                     actor_id=entry.id, reason=reason)
    if mention.kind == "anaphor":
        if mention.cue.lower().endswith(("group", "organisation", "organization", "movement",
                                         "fighters", "fighter")):
            return None                     # nothing to refer back to: too vague to code
        return _role_actor(dictionary, base, context, mention, "armed", cue)
    if mention.kind == "identity":
        identity = mention.identity
        iso3 = context.country if context.country in identity.countries else \
            identity.countries[0]
        country = _country_name(dictionary, iso3)
        label = {"Ethnic": "Ethnic Militia", "Communal": "Communal Militia"}.get(
            identity.kind, "Militia")
        return Actor(**base, name=f"{identity.name} {label} ({country})", type=INTER_TYPES[4],
                     inter=4, cameo=f"{iso3}UAF", country=country,
                     actor_id=f"{iso3}:identity:{identity.name}",
                     reason=f"identity militia {cue} (identities.tsv v{dictionary.version})")
    if mention.kind == "unknown":
        inter = _unknown_inter(mention.cue)
        # Its own name, but no canonical id: nothing says it is any actor already known.
        return Actor(**base, name=mention.cue, type=INTER_TYPES[inter], inter=inter,
                     country=_country_name(dictionary, context.country),
                     reason=f"unknown named group {cue} (not in the dictionary; syntax/context)")
    if mention.kind == "people":
        known = state_of.get(mention.country)
        if known is not None:
            return Actor(**base, name=known.name, type=known.type, inter=known.inter,
                         cameo=known.cameo, country=known.country, actor_id=known.actor_id,
                         reason=f"coreference: {cue} -> {known.name}, mentioned before")
        return Actor(**base, name=_country_name(dictionary, mention.country),
                     cameo=mention.country, country=_country_name(dictionary, mention.country),
                     reason=f"plural demonym {cue}: the country's people, role unknown")
    if mention.kind == "country":
        return _state_actor(dictionary, base, context, mention.country, "GOV",
                            f"country/capital {cue} named as an agent")
    if mention.kind == "state":
        iso3 = mention.country or context.country
        why = f"role {cue}" + ("" if mention.country else f"; {context.country_reason}")
        return _state_actor(dictionary, base, context, iso3, mention.role.sector, why)
    return _role_actor(dictionary, base, context, mention, mention.role.kind, cue)


def state_name(sector: str, country: str) -> str:
    """ACLED's name of a state's forces or government: "Military Forces of Myanmar"."""
    written = _LONG_NAMES.get(country) or (f"the {country}" if country in _WITH_THE else country)
    return _STATE_NAMES.get(sector, "Government of {}").format(written)


def _unknown_inter(name: str) -> int:
    """An unknown group's ACLED inter: a rebel group (2) when its name claims an armed struggle
    against the state, else a political militia (3), ACLED's most common type for small groups."""
    rebel = ("Liberation", "Front", "Army", "Resistance", "Jihad", "Mujahideen", "Ansar",
             "Jaish", "Jabhat", "Islamic")
    return 2 if any(word in name for word in rebel) else 3


def _state_actor(dictionary, base, context, iso3, sector, why) -> Actor:
    country = _country_name(dictionary, iso3)
    # Legislature, judiciary and intelligence keep their CAMEO sector; all are the government.
    sector = sector if sector in ("MIL", "COP", "LEG", "JUD", "SPY") else "GOV"
    inter, kind = 1, INTER_TYPES[1]
    if sector in ("MIL", "COP") and iso3 and context.country and iso3 != context.country:
        inter, kind = 8, INTER_TYPES[8]
        why += f"; foreign forces ({context.country_reason})"
    name = state_name(sector, country) if country else None
    return Actor(**base, name=name, type=kind, inter=inter,
                 cameo=(iso3 or "") + sector, country=country,
                 actor_id=f"{iso3}:{sector}" if iso3 else None, reason=why)


def _role_actor(dictionary, base, context, mention, kind, cue) -> Actor | None:
    if kind == "anaphor":
        kind = "armed"                           # "Croatian extremists": armed, not coded further
    if kind not in _ROLE_NAMES:
        return None
    pattern, inter, sector = _ROLE_NAMES[kind]
    iso3 = mention.country or context.country
    country = _country_name(dictionary, iso3)
    why = f"role {cue}" + ("" if mention.country else f"; {context.country_reason}")
    sector = sector or (mention.role.sector if mention.role else "CVL")
    return Actor(**base, name=pattern.format(country) if country else None,
                 type=INTER_TYPES[inter], inter=inter, cameo=(iso3 or "") + sector,
                 country=country, actor_id=f"{iso3}:{kind}" if iso3 else None, reason=why)


def _country_name(dictionary: ActorDictionary, iso3: str | None) -> str | None:
    country = dictionary.countries.get(iso3) if iso3 else None
    return country.name if country else None
