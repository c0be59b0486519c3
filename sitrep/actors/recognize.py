"""Actor mentions in one sentence: named actors, countries with roles, nominals, unknown groups.

The recogniser only finds mentions and says what kind each is; coding them to canonical actors
needs the whole document (its country, the actor it is about) and happens in ``coding.py``.

Kinds of mention:
  ``named``    a dictionary actor ("IS", "Islamic State group militants", "Houthi rebels")
  ``state``    a state role, with the country when one is named ("Russian troops", "Syria's
               army", "regime troops", "police")
  ``role``     a non-state role: rebels, gunmen, protesters, civilians ... ("Syrian rebels")
  ``anaphor``  a noun that refers back to the document's main armed actor ("the militants")
  ``people``   a plural demonym ("the Russians")
  ``country``  a country, capital or government named as an agent ("Israel said", "Moscow")
  ``unknown``  a named group not in the dictionary ("a group calling itself X")
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..geo.people import SPEECH_VERBS
from ..geo.words import FEATURE_WORDS, ORGANISATION_WORDS
from ..model import Token
from .dictionary import ActorDictionary, ActorEntry
from .roles import (EVENT_NOUNS, GROUP_HEADS, IDENTITY_ARMED, MAX_ROLE_TOKENS, ROLES,
                    STATE_MODIFIERS, Role, UNNAMED_DOERS)

__all__ = ["Mention", "find_mentions", "person_surname"]

# Before these words a country or capital is a place, not an agent ("in Syria", "to Moscow").
# "with", "against", "between", "on" do not make a place: "talks with Syria", "sanctions on Iran".
_LOCATIVE = frozenset("""in at to from into across near inside outside throughout within around
    over via through of onto along off beyond across""".split())
# "in southern Khartoum", "northern Syria": a part of a place is a place.
_DIRECTIONS = frozenset("""northern southern eastern western central north south east west
    northeastern northwestern southeastern southwestern north-eastern north-western
    south-eastern south-western downtown rural greater upper lower""".split())
# "in Benue state, Nigeria, ...": a country after these and a comma is where, not who.
_PLACE_NOUNS = frozenset("""state province region district city town village county area
    governorate prefecture department municipality camp""".split())
# Words after a capital that show it is not the subject of a verb ("Kabul on Tuesday").
_NOT_VERBS = frozenset("""on in at and or for to with by from after during before since until
    of near where which who when while as province city region district state""".split())
# Capitalised words that make a title part of a place or body's name, not a person's title.
_INSTITUTIONS = frozenset("""hospital hotel university school college airport street road
    avenue square market bridge station park hall building centre center place district
    assembly council office department general""".split())
# Roles too generic to stand alone: they need a country or a state modifier before them.
_NEEDS_MODIFIER = frozenset("""forces force units unit personnel officers tanks jets jet
    warplanes warplane drones helicopters artillery gunships servicemen serviceman marines
    navy division brigade regiment battalion garrison garrisons leader leaders president
    minister ministers ministry cabinet king envoy envoys ambassador delegation spokesman
    spokeswoman spokesperson diplomats diplomat administration court courts judge judges
    workers women children population citizens locals commander commanders general generals
    officer secretary""".split())
# Words allowed between a demonym and its role ("Syrian government forces").
_ROLE_MODIFIERS = STATE_MODIFIERS | frozenset("""special armed elite backed regular federal
    local ruling interim transitional opposition air naval border new former ousted acting
    deposed exiled senior top chief then current outgoing incoming intelligence foreign defence
    defense interior deputy vice""".split())
# A capitalised name after a title makes a bare title an actor ("President Obama").
_TITLES = frozenset("""president prime minister king queen emir sultan premier chancellor
    secretary general commander governor mayor ambassador envoy leader judge gen. lt. col. maj.
    brig. colonel state""".split())
# Nouns that a role word can modify without being an actor ("military base", "police station").
_OBJECT_NOUNS = frozenset("""base bases camp camps vehicle vehicles equipment hardware hospital
    academy station stations post posts checkpoint checkpoints barracks aircraft plane planes
    source sources operation operations offensive campaign intelligence analysts analyst experts
    buildings building headquarters facility facilities installation installations positions
    position uniform uniforms coup rule control territory areas area side sides airport port
    airbase convoy vehicles truck trucks jeep helicopter site sites property assets budget
    spending reform reforms officials official spokesman statement statements media television
    tv newspaper agency radio court decree order orders policy policies forces's informer
    informers""".split())
# Words that make the role after them a thing of the past ("former rebels").
_NO_LONGER = frozenset({"former", "retired"})
# Role words that are often adjectives ("regime-Russian air base", "army camp").
_ADJECTIVAL = frozenset("""regime government military army police navy junta state security
    federal national""".split())
# Group-like words that make a capitalised phrase a group name.
_GROUP_WORDS = frozenset("""Front Army Brigade Brigades Movement Militia Militias Battalion
    Battalions Group Organization Organisation Council Alliance Liberation Mujahideen Mujahidin
    Jihad Ansar Ansaru Jaish Jabhat Harakat Katiba Liwa Tigers Guards Guard Resistance Legion
    Corps Forces Fighters Squad Commandos Coalition Jamaat Jama'at Tahrir Hizb Jund Saraya
    Kataib Kata'ib Asaib Hay'at Hayat Tanzim Jamaa Jamaah Jemaah Lashkar Tehreek Tehrik
    Sipah Fedayeen Mujahidin Raskamboni Janjaweed Rangers Defenders Patriots""".split())
_NAME_GLUE = frozenset({"of", "al", "el", "ad", "as", "ash", "ul", "for", "the", "and", "-", "'s",
                        "wal", "bin", "e", "i", "du", "de", "la", "des"})
_VIOLENT = frozenset("""attacked attack attacks killed kill kills claimed claim claims seized
    seize stormed storm ambushed ambush abducted abduct kidnapped kidnap bombed bomb shelled
    shell fired fire raided raid captured capture executed execute massacred beheaded besieged
    overran launched launch targeted clashed fought fight torched burned looted""".split())
_VIOLENT_LEMMAS = frozenset("""attack kill claim seize storm ambush abduct kidnap bomb shell
    fire raid capture execute massacre behead besiege overrun launch target clash fight torch
    burn loot detonate""".split())
# A sentence can hold the subject of a violent verb (``_subject_of_violence``) only if one of its
# words is a violent form or begins like a form of a violent lemma (a lemma in -e by its stem and
# -e or -ing: "massacr" + "e", "ing"); the parse is needed only in those sentences.
_MAY_BE_VIOLENT = re.compile(r"\b(?:%s)" % "|".join(sorted(
    {re.escape(word) for word in _VIOLENT} | {"fought", "overran"} |
    {re.escape(lemma[:-1]) + "(?:e|ing)" if lemma.endswith("e") else re.escape(lemma)
     for lemma in _VIOLENT_LEMMAS})), re.IGNORECASE)
_NAMING = (("calling", "itself"), ("calls", "itself"), ("known", "as"), ("called",),
           ("named",), ("dubbed",))
# Words after which an upper-case "IS" is the verb, emphasised, not the group.
_SUBJECT_WORDS = frozenset("""it this there what he she here everything
    nothing something this one situation""".split())
# An upper-case sentence (a headline in capitals) makes every short acronym ambiguous.
_MOSTLY_UPPER = 0.6


# "Myanmar" is a demonym and a country: try the reading with a role first ("Myanmar soldiers").
_PRIORITY = {"actor": 0, "identity": 1, "demonym": 2, "people": 3, "country": 4, "capital": 5}


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``first:end`` (report-level token indices) of one actor mention."""

    first: int
    end: int
    kind: str
    entry: ActorEntry | None = None       # named
    actor_id: str | None = None           # named
    country: str | None = None            # ISO3 stated in the mention
    role: Role | None = None
    state_modified: bool = False          # "regime troops", "pro-government forces"
    definite: bool = False                # "the militants"
    identity: object | None = None        # identity militia: the dictionary's Identity
    cue: str = ""                         # the words that decided it, for the reason


def find_mentions(dictionary: ActorDictionary, tokens: list[Token], first: int,
                  end: int) -> list[Mention]:
    """Mentions among tokens ``first:end`` (one sentence) of the report."""
    positions = [i for i in range(first, end) if tokens[i].text != "-"]
    words = [tokens[i].text.replace("’", "'") for i in positions]
    folded = [word.lower() for word in words]
    letters = [ch for word in words for ch in word if ch.isalpha()]
    shouting = len(letters) > 12 and sum(ch.isupper() for ch in letters) > _MOSTLY_UPPER * len(
        letters)
    mentions: list[Mention] = []
    index = 0
    count = len(words)
    while index < count:
        found = _at(dictionary, tokens, positions, words, folded, index, shouting)
        if found is None:
            index += 1
            continue
        mention, next_index = found
        mentions.extend(mention)
        index = max(next_index, index + 1)
    return mentions


def _at(dictionary, tokens, positions, words, folded, index, shouting):
    """The mention(s) starting at filtered position ``index`` and where to continue."""
    matches = sorted(dictionary.match(words, folded, index), key=lambda m: _PRIORITY[m[1][0]])
    if not matches:
        matches = _one_member(dictionary, words, folded, index)
    for end, payload in matches:
        kind, ident, entry = payload
        if kind == "actor":
            if shouting and len(words[index]) <= 4 and words[index].isupper():
                continue
            if words[index] == "IS" and index and folded[index - 1] in _SUBJECT_WORDS:
                continue                            # "it IS true": emphasis on the verb
            if _after_pro_or_anti(tokens, positions[index]):
                return [], end
            head_end = end
            while head_end < len(words) and head_end - end < 2 and folded[head_end] in GROUP_HEADS:
                head_end += 1
            return [Mention(positions[index], positions[head_end - 1] + 1, "named",
                            entry=entry, actor_id=ident, cue=" ".join(words[index:head_end]))], \
                head_end
        if kind == "identity":
            found = _identity_mention(entry, positions, words, folded, index, end)
            if found is not None:
                return found
            continue
        found = _country_mention(kind, ident, tokens, positions, words, folded, index, end)
        if found is not None:
            return found
    return _nominal(tokens, positions, words, folded, index)


def _one_member(dictionary, words, folded, index):
    """"a Maoist", "one suspected Naxalite": one man of an armed group the dictionary names by
    its men in the plural ("Maoists", "Naxalites"), as the dictionary's matches at ``index``.
    Only after an article or "one" and before a word that cannot be a noun it modifies ("a
    Maoist was killed", "a Maoist commander", not "a Maoist stronghold"), or before an armed
    act the group did ("a Maoist ambush"); only armed groups (a party's adjective, "a Maoist
    party", is not its man)."""
    word = words[index]
    if not (word[:1].isupper() and word.isalpha()) or index == 0:
        return []
    look = index - 1
    if folded[look] in _MEMBER_QUALIFIERS and look > 0:
        look -= 1
    after = folded[index + 1] if index + 1 < len(folded) else ""
    if folded[look] not in _ONE or after.isalpha() and after.islower() and \
            after not in GROUP_HEADS and after not in _AFTER_A_NOUN and after not in _ARMED_ACTS:
        return []
    plural = folded[:index] + [folded[index] + "s"] + folded[index + 1:]
    return [(end, payload) for end, payload in dictionary.folded.matches(plural, index)
            for payload in payload if payload[0] == "actor" and payload[2].inter in (2, 3, 4)
            and end == index + 1]


_ONE = frozenset({"a", "an", "one", "another"})
# acts an armed group's adjective names as its own ("a Maoist ambush": the group's men did it)
_ARMED_ACTS = frozenset("""attack ambush raid assault bombing strike offensive""".split())
_MEMBER_QUALIFIERS = frozenset({"suspected", "alleged", "hardcore", "wanted", "top", "senior",
                                "local", "former", "armed"})
# words a noun phrase may end before ("a Maoist was killed", "a Maoist in Sukma")
_AFTER_A_NOUN = frozenset("""was is were had has who whom whose in at on near from and or but
    during with by after before while being of identified named reportedly allegedly also""".split())


def _identity_mention(identity, positions, words, folded, index, end):
    """"Fulani militia" (an identity militia), "Hema villagers" (civilians), "Kurds" (people)."""
    look = end
    while look < len(words) and look - end < 2 and folded[look] in _ROLE_MODIFIERS:
        look += 1
    for length in (2, 1):
        noun = "_".join(folded[look:look + length])
        if look + length <= len(words) and noun in IDENTITY_ARMED:
            return [Mention(positions[index], positions[look + length - 1] + 1, "identity",
                            identity=identity, cue=" ".join(words[index:look + length]))], \
                look + length
    role = _role_at(folded, look)
    if role is not None and role[0].kind == "civilian":
        return [Mention(positions[index], positions[role[1] - 1] + 1, "role", role=role[0],
                        country=_home(identity), cue=" ".join(words[index:role[1]]))], role[1]
    if words[end - 1].endswith("s") and words[end - 1][:1].isupper() and look == end:
        return [Mention(positions[index], positions[end - 1] + 1, "role",
                        role=Role("CVL", "civilian"), country=_home(identity),
                        cue=" ".join(words[index:end]))], end
    return None


def _home(identity) -> str | None:
    """The group's country when it lives in one only; else the document's decides."""
    return identity.countries[0] if len(identity.countries) == 1 else None


def _after_pro_or_anti(tokens: list[Token], position: int) -> bool:
    """"pro-IS Amaq", "anti-Houthi forces": the group modifies another actor."""
    return position >= 2 and tokens[position - 1].text == "-" and \
        tokens[position - 2].text.lower() in ("pro", "anti") and \
        tokens[position - 1].cstart == tokens[position - 2].cend


def _role_at(folded: list[str], index: int) -> tuple[Role, int] | None:
    for length in range(MAX_ROLE_TOKENS, 0, -1):
        role = ROLES.get(tuple(folded[index:index + length]))
        if role is not None and index + length <= len(folded):
            return role, index + length
    return None


def _country_mention(kind, iso3, tokens, positions, words, folded, index, end):
    before = folded[index - 1] if index else ""
    if kind == "demonym":
        look = end
        while look < len(words) and look - end < 3 and folded[look] in _ROLE_MODIFIERS:
            look += 1
        role = _role_at(folded, look)
        if role is None and look + 1 < len(words) and words[look].isalpha() and \
                words[look].islower() and folded[look] not in _OBJECT_NOUNS:
            loose = _role_at(folded, look + 1)          # one free modifier: "French paper workers"
            if loose is not None and loose[0].kind != "state":
                role = loose
        if role is None and look > end and _role_at(folded, look - 1) and not (
                look < len(folded) and (folded[look] in _OBJECT_NOUNS or words[look][:1].isupper())):
            role = _role_at(folded, look - 1)              # "the Sudanese government and ..."
        if role is None:
            act = _act_after(folded, look)
            if act is not None:                 # "Israeli air raids", "an Australian ultimatum"
                kind = "state" if act.kind == "state" else "role"
                return [Mention(positions[index], positions[end - 1] + 1, kind, country=iso3,
                                role=act, state_modified=True,
                                cue=f"{' '.join(words[index:end])} (+ {folded[look]})")], end
            coordinated = _coordinated(iso3, tokens, positions, words, folded, index, end)
            # "Russian military base": the demonym and its modifiers describe a thing.
            return coordinated if coordinated or look == end else ([], look)
        found_role, role_end = role
        role_end = _name_after(words, folded, role_end)
        return [_role_mention(positions, index, role_end, found_role, iso3,
                              any(w in STATE_MODIFIERS for w in folded[end:look]),
                              " ".join(words[index:role_end]))], role_end
    if kind == "people":
        return [Mention(positions[index], positions[end - 1] + 1, "people", country=iso3,
                        definite=before == "the", cue=" ".join(words[index:end]))], end
    if before == "of" and index >= 2 and (_role_at(folded, index - 2) or (None, 0))[1] == index - 1:
        role = _role_at(folded, index - 2)[0]       # "the president of Armenia"
        return [_role_mention(positions, index - 2, end, role, iso3, True,
                              " ".join(words[index - 2:end]))], end
    # "to Lebanon's new President": a possessive with a role is an actor wherever it stands.
    if end < len(words) and folded[end] == "'s":
        look = end + 1
        while look < len(words) and look - end < 4 and folded[look] in _ROLE_MODIFIERS:
            look += 1
        if look + 1 < len(words) and words[look].islower() and words[look].isalpha() and \
                _role_at(folded, look) is None and _role_at(folded, look + 1) is not None:
            look += 1                               # "Morocco's repressive forces"
        role = _role_at(folded, look) or (_role_at(folded, look - 1) if look > end + 1 else None)
        if role is not None:
            role_end = _name_after(words, folded, max(role[1], look))
            return [_role_mention(positions, index, role_end, role[0], iso3, True,
                                  " ".join(words[index:role_end]))], role_end
    if _after_pro_or_anti(tokens, positions[index]):
        return [], end                              # "anti-Syria journalist", "pro-Russia"
    if person_surname(words, folded, index, end):
        return [], end                              # "said Nouhoum Togo": a person
    if before in _LOCATIVE or before in _DIRECTIONS or (
            before == "," and index >= 2 and (words[index - 2][:1].isupper() or
                                              folded[index - 2] in _PLACE_NOUNS)
            and not (end < len(words) and words[end][:1].islower()
                     and folded[end] not in _NOT_VERBS)):
        # "in Syria", "in Sinai, Egypt", "in Dhaka, Bangladesh on Sunday": a place ("..., Egypt
        # said" is the state)
        return None
    direct = _role_at(folded, end) if kind == "country" else None
    if direct is not None and direct[0].kind == "state":       # "Russia troops"
        return [_role_mention(positions, index, direct[1], direct[0], iso3, True,
                              " ".join(words[index:direct[1]]))], direct[1]
    if kind == "capital" and before != "by" and not _capital_acts(tokens, positions, words,
                                                                    folded, end):
        return None                                 # "Moscow said", not "Kabul on Tuesday"
    if end < len(words) and words[end][:1].isupper() and folded[end] not in ("and",):
        return None                            # part of a longer name: "Syria Times"
    return [Mention(positions[index], positions[end - 1] + 1, "country", country=iso3,
                    cue=" ".join(words[index:end]))], end


# Capitalised words that open a place's or a body's name rather than a person's ("South Sudan",
# "New Delhi", "Radio Mali" is no man): never a given name before a country.
_NOT_GIVEN_NAMES = _DIRECTIONS | FEATURE_WORDS | ORGANISATION_WORDS | frozenset(
    """new old republic democratic kingdom united federal islamic people's air radio""".split())


def person_surname(words: list[str], folded: list[str], index: int, end: int,
                   first: int = 0) -> bool:
    """Whether the country or capital at ``index:end`` is the surname of a person: a capitalised
    word before it, not the sentence's first nor one that opens a place's or body's name, the two
    told as the one who speaks ("said Nouhoum Togo,", "Amadou Mali said") or described in
    apposition ("Amadou Mali, a local official, ..."), as sitrep.geo.people reads them for
    places. ``first``: the index of the sentence's first word."""
    given = index - 1
    if given <= first or not words[given].isalpha() or not words[given][:1].isupper() or \
            words[given].isupper() or folded[given] in _NOT_GIVEN_NAMES:
        return False
    after = folded[end] if end < len(folded) else ""
    if after in SPEECH_VERBS:
        return True
    if folded[given - 1] in SPEECH_VERBS and after in (",", ".", ";", ""):
        return True
    return after == "," and end + 1 < len(folded) and folded[end + 1] in ("a", "an", "the")


def _capital_acts(tokens, positions, words, folded, end) -> bool:
    """Is the capital before ``end`` a government acting ("Moscow said", "Beijing's move")?
    With a parse the next word must be a verb; without one, a lower-case non-preposition."""
    if end >= len(words):
        return False
    if folded[end] == "'s":
        return True
    look = end
    while look < len(words) - 1 and look - end < 2 and tokens[positions[look]].pos == "ADV":
        look += 1                                   # "Beirut again rejected"
    following = tokens[positions[look]]
    if following.pos:
        return following.pos in ("VERB", "AUX")
    return words[end][:1].islower() and folded[end] not in _NOT_VERBS


def _coordinated(iso3, tokens, positions, words, folded, index, end):
    """"Hungarian and Romanian officials": the first demonym shares the role after the last."""
    if end + 1 < len(words) and folded[end] in ("and", ","):
        look = end + 1
        while look < len(words) and look - end < 6 and words[look][:1].isupper():
            look += 1
        while look < len(words) and folded[look] in _ROLE_MODIFIERS:
            look += 1
        role = _role_at(folded, look)
        if role is not None:
            return [_role_mention(positions, index, end, role[0], iso3, False,
                                  f"{words[index]} ... {' '.join(words[look:role[1]])}")], end
    return None


_MILITARY_WORDS = frozenset({"army", "military", "navy", "naval", "air"})


def _role_mention(positions, index, end, role, iso3, modified, cue) -> Mention:
    kind = "state" if role.kind == "state" else "role"
    words = cue.lower().split()
    if role.sector == "COP" and words[-1] in ("officers", "officer", "personnel") and \
            _MILITARY_WORDS & set(words):
        role = Role("MIL", "state")                  # "army officers" are soldiers
    return Mention(positions[index], positions[end - 1] + 1, kind, country=iso3, role=role,
                   state_modified=modified, cue=cue)


# State modifiers that make a people noun after them the forces' men ("army men", "security
# men", "plainclothes men": police out of uniform), with the sector they give it.
_FORCE_MODIFIERS = {"army": "MIL", "military": "MIL", "security": "COP", "police": "COP",
                    "plainclothes": "COP", "plain-clothes": "COP", "undercover": "COP"}
_PEOPLE_OF_FORCES = frozenset({"men", "man", "persons", "person", "people"})


def _nominal(tokens, positions, words, folded, index):
    """A role noun without a country: "regime troops", "the militants", "gunmen", "police"."""
    start = index
    look = index
    # Modifiers before the role: "pro-regime forces", "government troops", "security forces".
    while look < len(folded) and look - index < 3 and folded[look] in STATE_MODIFIERS | {"pro"}:
        look += 1
    found = _role_at(folded, look) if look > index else None
    modified = found is not None
    if found is None:
        found = _role_at(folded, index)
    if found is None:
        return _unknown_group(tokens, positions, words, folded, index)
    role, end = found
    if modified and role.kind == "civilian" and folded[end - 1] in _PEOPLE_OF_FORCES and \
            folded[look - 1] in _FORCE_MODIFIERS:
        # "army men", "security men": the forces' men, not people (a people noun after a
        # state modifier takes the modifier's sector)
        role = Role(_FORCE_MODIFIERS[folded[look - 1]], "state")
    if not modified and _modifies_a_thing(tokens, positions, folded, index, end):
        return [], end
    if start >= 1 and folded[start - 1] in _NO_LONGER and (
            role.kind in ("rebel", "armed", "anaphor") or role.sector in ("MIL", "COP", "SPY")):
        # "a former rebel", "a retired policeman": ACLED codes people who no longer bear arms
        # by what they are now, civilians ("a retired police inspector": one person)
        start, role = start - 1, Role("CVL", "civilian")
        rank = _role_at(folded, end)
        if rank is not None and rank[0].kind != "civilian":
            end = rank[1]
    word = folded[end - 1]
    named_end = _name_after(words, folded, end)
    if word in _TITLES and named_end > end and _inside_a_longer_name(words, folded, start):
        # "the Federation of General Workers Myanmar": a rank word heads a person's name, it
        # does not stand inside an organisation's capitalised name
        return [], named_end
    if word in _TITLES and named_end > end:
        end, modified = named_end, True             # "President Abdelaziz Bouteflika"
    elif role.kind == "state" and end + 1 < len(words) and folded[end] == "of" and not (
            role.sector in ("MIL", "COP") and folded[end + 1] in ("the", "a", "an")):
        # "president of Armenia": the country codes it; "a jawan of the STF", "soldiers of the
        # 5th battalion": a force's member of its unit, the force whoever the unit is
        return None
    if word in _NEEDS_MODIFIER and not modified and end - start == 1:
        return [], end
    if role.kind == "civilian" and role.sector == "CVL" and start >= 1 and \
            folded[start - 1] in UNNAMED_DOERS and (
                start >= 2 and folded[start - 2] == "by" or _subject_of_violence(
                    tokens, [positions[end - 1]]) or end < len(folded) and
                folded[end] in _VIOLENT):
        # "killed by unidentified men", "unknown persons attacked": the act's doers, armed
        # and not named
        start, role = start - 1, ROLES[("gunmen",)]
    definite = start > 0 and folded[start - 1] == "the"
    if role.kind == "anaphor" and not definite and not _plural_subject(folded, end) and not (
            end - start == 1 and word.endswith("s") and word != "fighters"):
        # "militant attacks", "a militant group": a modifier; "killed five militants": the
        # group's men (the document's armed group, else an unidentified armed group)
        return [], end
    kind = {"state": "state", "anaphor": "anaphor"}.get(role.kind, "role")
    return [Mention(positions[start], positions[end - 1] + 1, kind, role=role,
                    state_modified=modified, definite=definite,
                    cue=" ".join(words[start:end]))], end


def _act_after(folded: list[str], look: int) -> Role | None:
    """The sector of an act noun at ``look`` (after at most one modifier: "air raids")."""
    for at in (look, look + 1):
        if at < len(folded):
            joined = "_".join(folded[look:at + 1])
            if joined in EVENT_NOUNS:
                return EVENT_NOUNS[joined]
            if folded[at] in EVENT_NOUNS:
                return EVENT_NOUNS[folded[at]]
    return None


def _name_after(words: list[str], folded: list[str], end: int) -> int:
    """After a title ("President", "Foreign Minister"), the capitalised name that follows it."""
    if folded[end - 1] not in _TITLES:
        return end
    look = end
    while look < len(words) and look - end < 5 and (words[look][:1].isupper() or (
            folded[look] in ("al", "bin", "de", "van", "von", "el") and look > end)):
        if folded[look] in _INSTITUTIONS:
            return end                              # "General Hospital", "Secretary General"
        look += 1
    return look


def _inside_a_longer_name(words: list[str], folded: list[str], index: int) -> bool:
    """Whether the capitalised word at ``index`` continues a name begun before it with "of" or
    "for" after a capitalised word ("Federation of General Workers", "Union for General
    Employees"), not a title in its own right ("General Aung", "the army's General Aung")."""
    return index >= 2 and words[index][:1].isupper() and folded[index - 1] in ("of", "for") \
        and words[index - 1].islower() and words[index - 2][:1].isupper() \
        and folded[index - 2] not in _TITLES


def _modifies_a_thing(tokens, positions, folded, index, end) -> bool:
    """"military base", "regime-Russian T4 air base", "regime and Russian camps": an adjective."""
    if folded[end - 1] not in _ADJECTIVAL:
        return False
    last = positions[end - 1]
    if last + 1 < len(tokens) and tokens[last + 1].text == "-" and \
            tokens[last + 1].cstart == tokens[last].cend:
        return True
    following = folded[end:end + 4]
    if following and following[0] in ("and", ","):
        following = following[1:]
    # "police in Paikpara area", "troops at the base": a preposition ends the noun phrase the
    # word could modify; what follows it is not that phrase's head
    for at, word in enumerate(following):
        if word in _LOCATIVE or word in ("with", "on", "by", "for", "against"):
            following = following[:at]
            break
    return any(word in _OBJECT_NOUNS for word in following[:3]) or (
        bool(following) and following[0] not in ("'s",) and following[0][:1].isupper()
        and folded[end - 1] != "police")


def _surface(tokens: list[Token], first: int, end: int) -> str:
    """The words ``first:end`` as written (hyphens kept): "Jund al-Khilafa"."""
    parts = []
    for index in range(first, end):
        parts.append(tokens[index].text)
        if index + 1 < end and tokens[index + 1].cstart > tokens[index].cend:
            parts.append(" ")
    return "".join(parts)


def may_hold_subject_of_violence(text: str) -> bool:
    """Whether a sentence may hold a violent verb whose subject ``_subject_of_violence`` reads
    from the parse (a necessary condition: only such sentences need their dependencies)."""
    return _MAY_BE_VIOLENT.search(text) is not None


def _subject_of_violence(tokens: list[Token], members: list[int]) -> bool:
    """With a parse: is one of these tokens the subject of a violent verb, however far away
    ("the Sinai Lions Brigade, formed last year, attacked ...")?"""
    for position in members:
        token = tokens[position]
        if token.dep.startswith("nsubj") and 0 <= token.head < len(tokens):
            head = tokens[token.head]
            if head.lemma.lower() in _VIOLENT_LEMMAS or head.text.lower() in _VIOLENT:
                return True
    return False


def _plural_subject(folded: list[str], end: int) -> bool:
    """"fighters were happy ...", "militants attacked ...": a bare plural acting in the sentence."""
    return end < len(folded) and (folded[end] in ("were", "are", "have", "had", "who", "which")
                                  or folded[end] in _VIOLENT)


def _unknown_group(tokens, positions, words, folded, index):
    """A capitalised phrase named as a group ("a group calling itself Jund al-Khilafa") or with a
    group word that acts violently ("the Sinai Lions Brigade claimed ...")."""
    if folded[index] == "the" and index + 1 < len(words) and folded[index + 1] in (
            "group", "organisation", "organization", "movement"):
        return [Mention(positions[index], positions[index + 1] + 1, "anaphor", definite=True,
                        cue=" ".join(words[index:index + 2]))], index + 2
    if not words[index][:1].isupper() or folded[index] in ("the", "a", "an"):
        return None
    end = index
    while end < len(words) and (words[end][:1].isupper() or
                                (folded[end] in _NAME_GLUE and end > index)):
        end += 1
    while end > index and folded[end - 1] in _NAME_GLUE:
        end -= 1
    if end - index < 1:
        return None
    name_words = words[index:end]
    named_as = any(tuple(folded[index - len(cue):index]) == cue for cue in _NAMING)
    grouped = any(word in _GROUP_WORDS for word in name_words) and end - index >= 2
    head_end = end
    while head_end < len(words) and head_end - end < 2 and folded[head_end] in GROUP_HEADS:
        head_end += 1                                # "Ansar Beit al-Maqdis militants"
    after = head_end
    acting = after < len(words) and (folded[after] in _VIOLENT or (
        after + 1 < len(words) and folded[after] in ("has", "have", "had") and
        folded[after + 1] in _VIOLENT)) or _subject_of_violence(tokens,
                                                                 positions[index:head_end])
    if named_as or (grouped and acting):
        return [Mention(positions[index], positions[head_end - 1] + 1, "unknown",
                        cue=_surface(tokens, positions[index], positions[end - 1] + 1))], \
            head_end
    return None
