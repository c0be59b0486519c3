"""How the merge step finds the stored mentions a new one could link to (its candidates): the
statements of the blocking routes (``incidents``' docstring tells which) and how their answers
are read. The lookups of many mentions go to the database together (``Backend.fetch_all``:
one round trip on a server); a back end with LATERAL joins (PostgreSQL) is asked a route's
lookups of a batch of mentions in one statement, SQLite one statement a lookup."""

from __future__ import annotations

from datetime import timedelta

from ..merge.cross_report import Mention, compatible_families
from .blocking import DAY_PLACED, count_keys, killing_keys, placed, site_keys, town_months

__all__ = ["MAX_NAME_CANDIDATES", "LOOKUP_BATCH", "candidates_of", "first_filed"]

# At most this many stored mentions of one family sharing a name (within the day window), or
# sharing a town and month or a figure of people harmed (town and count keys), are compared
# with a new one: a guard for a name that is everywhere (a president's) or a town where much
# happens, not a figure measured on data.
MAX_NAME_CANDIDATES = 200

# Ids per IN (...) list: well under SQLite's and PostgreSQL's limits on parameters.
CHUNK = 500


def _chunks(ids: list[str], size: int = CHUNK):
    for first in range(0, len(ids), size):
        part = ids[first:first + size]
        yield part, ",".join("?" * len(part))


# Mentions whose lookups are sent to the database together: bounds the rows held at once.
LOOKUP_BATCH = 64


def candidates_of(store, mentions: list[Mention], memory):
    """The candidates of each of ``mentions`` in turn (a list each; ``memory``: the run's
    ``incidents.MergeMemory``, which parses each stored mention once). Every lookup reads only
    what was stored before the merge step compares anything (mentions and their keys: the links
    are written after), so the lookups of LOOKUP_BATCH mentions are sent together, in two
    rounds — by name, day and key, then the mentions the keys found — each one round trip on a
    server (``fetch_all``) where each lookup was one (issue 15); what is found is the same."""
    for first in range(0, len(mentions), LOOKUP_BATCH):
        part = mentions[first:first + LOOKUP_BATCH]
        asked = [_lookups(mention) for mention in part]
        # the mentions of the same day and place of those placed to one
        days = [(number, families, *day, mention.event_id) for number, (mention, (
            families, _, day, _)) in enumerate(zip(part, asked)) if day]
        day_statements = _day_statements(store.backend, days)
        # the ids filed under each mention's keys of each kind (slot: a mention's kind of key)
        slots = [(keys, mention.event_id) for mention, (_, _, _, filed) in zip(part, asked)
                 for keys in filed]
        filed_statements = _filed_statements(store.backend, slots)
        answers = iter(store.backend.fetch_all(
            [statement for _, direct, _, _ in asked for statement in direct]
            + day_statements + filed_statements))
        found_of = []
        for mention, (families, direct, _, _) in zip(part, asked):
            found: dict[str, Mention] = {}
            for _ in direct:
                for event_id, data in next(answers):
                    found[event_id] = memory.mention(event_id, data)
            found_of.append(found)
        for number, event_id, data in _day_rows(store.backend, days,
                                                [next(answers) for _ in day_statements]):
            found_of[number][event_id] = memory.mention(event_id, data)
        under = iter(_filed_ids(store.backend, slots, [next(answers) for _ in filed_statements]))
        filed_of = []
        for _, _, _, filed in asked:
            ids: set[str] = set()
            for _ in filed:  # the first MAX_NAME_CANDIDATES of each kind of key
                ids.update(sorted(next(under))[:MAX_NAME_CANDIDATES])
            filed_of.append(ids)
        # the mentions found by key (town and month, counts: at most MAX_NAME_CANDIDATES of
        # each, see _first_filed) that neither a name nor the day found, less those kept
        # parsed (keys first, then the mentions: joined in one query, SQLite may walk every
        # mention of the family and probe the keys for each, a cost that grows with the store)
        reads, kept_of = [], []
        for mention, (families, _, _, _), found, ids in zip(part, asked, found_of, filed_of):
            ids = sorted(ids - set(found))
            kept = memory.kept(ids)
            kept_of.append(kept)
            reads.append([("SELECT event_id, family, data FROM merge_mentions"
                           f" WHERE event_id IN ({marks})", chunk) for chunk, marks in
                          _chunks([event_id for event_id in ids if event_id not in kept])])
        answers = iter(store.backend.fetch_all(
            [read for asked_reads in reads for read in asked_reads]))
        for mention, (families, _, _, _), found, kept, asked_reads in zip(
                part, asked, found_of, kept_of, reads):
            for _ in asked_reads:
                for event_id, family, data in next(answers):
                    if family in families:
                        found[event_id] = memory.mention(event_id, data)
            found.update((event_id, other) for event_id, other in kept.items()
                         if other.family in families)
            # links join different reports only: within a report, merge_events has decided
            # (two events of one report meet in an incident only through another report that
            # links to both)
            yield [other for _, other in sorted(found.items()) if other.group != mention.group]


def _lookups(mention: Mention) -> tuple[list[str], list[tuple], tuple | None, list[list[str]]]:
    """What ``mention``'s candidates are looked up by: its compatible families, the statements
    that find mentions directly (rows: id, data), the first and last day of the mentions of its
    place it may link to by day alone (None: none; see _day_statements), and its
    town-and-month keys and its count keys, the ids filed under each kind of which are its
    candidates too (see _first_filed)."""
    # a shared name links only mentions whose days may meet (or that have none): the window
    # keeps a name that recurs for years from making every new mention compare with all of them
    days = ""
    params: tuple = ()
    if mention.first_day and not (mention.fatal and mention.undated):
        # (an undated killing of a named person may be the one another report dates years
        # before: compare() decides, see "a named person is killed once")
        days = (" AND (m.first_day IS NULL OR (m.first_day <= ? AND m.last_day >= ?))")
        params = ((mention.last_day + timedelta(days=1)).isoformat(),
                  (mention.first_day - timedelta(days=1)).isoformat())
    families = sorted(compatible_families(mention.family))
    marks = ",".join("?" * len(families))
    lookups = [(name, days, params) for name in sorted(mention.names) + site_keys(mention)]
    if days and mention.fatal:
        # ... and, whatever their days, killings of the same person stored before (an undated
        # one, one named in a demand a year on; found the other way round too: a stored dated
        # killing is outside the window of an undated one looking for it, and the merge must
        # not depend on which came first)
        lookups += [(name, "", ()) for name in killing_keys(mention)]
    direct = [("SELECT m.event_id, m.data FROM merge_names n"
               " JOIN merge_mentions m ON m.event_id = n.event_id"
               f" WHERE n.name = ? AND m.family IN ({marks}) AND m.event_id <> ?{window} LIMIT ?",
               (name, *families, mention.event_id, *bounds, MAX_NAME_CANDIDATES))
              for name, window, bounds in lookups]
    day = None
    if families and placed(mention) == DAY_PLACED:
        # without a shared name, only the same exact day (within one) and the same place or
        # region can link ...
        day = ((mention.first_day - timedelta(days=1)).isoformat(),
               (mention.first_day + timedelta(days=1)).isoformat())
    # ... or the same town within one month: the town-and-month keys around it (a grid cell and
    # its neighbours within NEAR_KM, its months), so that the candidates are those of one town
    # in a month or two, not of a whole month everywhere (at most MAX_NAME_CANDIDATES of them:
    # an undated report in a capital looks up every own date there in two months)
    # ... or the same number of people harmed in one region and month, or one country and day,
    # or (a large figure) one country and month: the keys of its counts' figures and those
    # within COUNT_SHARE of them (at most MAX_NAME_CANDIDATES of them, as for a name: a guard
    # for a figure every report of a long story repeats). The mentions of both are one set.
    town_keys = town_months(mention, around=True) if town_months(mention) else []
    return families, direct, day, [town_keys, count_keys(mention, around=True)]


# The mentions of each of many mentions' families placed to a town or region on days between
# two (the rows of the arrays: the asking mention's number, a family, the days, the asking
# mention's id), each family's read by the index on (family, exact_located, first_day).
_PLACED_BY_DAY = (
    "SELECT k.number, m.event_id, m.data FROM unnest(?::integer[], ?::text[], ?::text[],"
    " ?::text[], ?::text[]) AS k(number, family, low, high, other) CROSS JOIN LATERAL"
    " (SELECT event_id, data FROM merge_mentions WHERE family = k.family AND exact_located = ?"
    " AND first_day BETWEEN k.low AND k.high AND event_id <> k.other) AS m")


def _day_statements(backend, days: list[tuple]) -> list[tuple[str, list]]:
    """The statements that find, for each of ``days`` (a mention's number, its compatible
    families, the first and last day and its id), the stored mentions of those families
    placed to a town or region (DAY_PLACED) on a day between the two, but the mention itself
    (rows read by :func:`_day_rows`): one statement for them all with LATERAL joins
    (PostgreSQL: a statement a mention was a sixth of those a run sent), else one a mention
    (all its families in one: a query a family cost a round trip each on a server)."""
    if not backend.lateral_joins:
        return [(f"SELECT event_id, data FROM merge_mentions WHERE family IN"
                 f" ({','.join('?' * len(families))}) AND exact_located = ?"
                 " AND first_day BETWEEN ? AND ? AND event_id <> ?",
                 (*families, DAY_PLACED, low, high, other))
                for _, families, low, high, other in days]
    rows = [(number, family, low, high, other)
            for number, families, low, high, other in days for family in families]
    if not rows:
        return []
    return [(_PLACED_BY_DAY, [*(list(column) for column in zip(*rows)), DAY_PLACED])]


def _day_rows(backend, days: list[tuple], answers: list[list]):
    """(mention's number, id, data) of each mention found by :func:`_day_statements`."""
    if backend.lateral_joins:
        for rows in answers:
            yield from ((number, event_id, data) for number, event_id, data in rows)
        return
    for (number, *_), rows in zip(days, answers):
        yield from ((number, event_id, data) for event_id, data in rows)


# Keys looked up in one statement by _first_filed: 3 parameters a key, 49 in all, within what
# psycopg keeps parsed (50; a statement of 100 keys was parsed again at every call, about 1 ms
# of the driver's CPU) and what SQLite takes in one compound statement (500 SELECTs). The
# statements of a mention's keys go to a server together (_candidates_of).
KEYS_PER_STATEMENT = 16


def first_filed(store, keys: list[str], other_than: str) -> list[str]:
    """The first MAX_NAME_CANDIDATES event ids (in id order) filed under any of ``keys``,
    ``other_than`` left out (the statements of :func:`_filed_statements`)."""
    slots = [(keys, other_than)]
    (ids,) = _filed_ids(store.backend, slots, store.backend.fetch_all(
        _filed_statements(store.backend, slots)))
    return sorted(ids)[:MAX_NAME_CANDIDATES]


# Each key's first MAX_NAME_CANDIDATES ids (as _first_filed_statements reads them), for the keys
# of many slots in one statement: a key, its slot and the id to leave out are one row of the
# arrays, and the server reads each key's first ids by the key's index (a LATERAL join).
_FILED_BY_SLOT = (
    "SELECT DISTINCT k.slot, f.event_id FROM unnest(?::text[], ?::integer[], ?::text[])"
    " AS k(name, slot, other) CROSS JOIN LATERAL (SELECT event_id FROM merge_names"
    " WHERE name = k.name AND event_id <> k.other ORDER BY event_id LIMIT ?) AS f")


def _filed_statements(backend, slots: list[tuple[list[str], str]]) -> list[tuple[str, list]]:
    """The statements whose answers, read by :func:`_filed_ids`, hold for each slot (keys, an
    id to leave out) the first MAX_NAME_CANDIDATES ids (in id order) filed under its keys, and
    maybe more. A back end with LATERAL joins (PostgreSQL) is asked one statement for all the
    slots (the lookups of LOOKUP_BATCH mentions: one statement where each mention's two kinds of
    key took one or more each, half of the statements a run sent); SQLite, with no round trips
    to save, those of :func:`_first_filed_statements`, slot by slot."""
    if not backend.lateral_joins:
        return [statement for keys, other in slots
                for statement in _first_filed_statements(keys, other)]
    rows = [(key, slot, other) for slot, (keys, other) in enumerate(slots) for key in keys]
    if not rows:
        return []
    names, numbers, others = (list(column) for column in zip(*rows))
    return [(_FILED_BY_SLOT, [names, numbers, others, MAX_NAME_CANDIDATES])]


def _filed_ids(backend, slots: list[tuple[list[str], str]], answers: list[list]) -> list[set]:
    """The ids each slot's keys found: ``answers``, the rows of :func:`_filed_statements`."""
    found: list[set[str]] = [set() for _ in slots]
    if backend.lateral_joins:
        for rows in answers:
            for slot, event_id in rows:
                found[slot].add(event_id)
        return found
    answers = iter(answers)
    for ids, (keys, _) in zip(found, slots):
        for _ in range(-(-len(keys) // KEYS_PER_STATEMENT)):
            ids.update(event_id for (event_id,) in next(answers))
    return found


def _first_filed_statements(keys: list[str], other_than: str) -> list[tuple[str, list]]:
    """The statements whose ids, merged, begin with the first MAX_NAME_CANDIDATES (in id order)
    filed under any of ``keys``, ``other_than`` left out. Each key's own first
    MAX_NAME_CANDIDATES are read by the key's index and those merged: asked for all the keys at
    once, the database read every row of every key (a town where much happens holds thousands)
    to keep the first few hundred; on the generated corpus that was half of PostgreSQL's time
    serving a run (1.0 of 3.3 ms an article, 2,000 articles). An id among the first N of all the
    keys is among the first N of its own key, so the ids are the same."""
    statements = []
    for first in range(0, len(keys), KEYS_PER_STATEMENT):
        part = keys[first:first + KEYS_PER_STATEMENT]
        per_key = " UNION ALL ".join(
            f"SELECT event_id FROM (SELECT event_id FROM merge_names WHERE name = ?"
            f" AND event_id <> ? ORDER BY event_id LIMIT ?) AS key{number}"
            for number in range(len(part)))
        statements.append((
            f"SELECT DISTINCT event_id FROM ({per_key}) AS filed ORDER BY event_id LIMIT ?",
            [*(value for key in part for value in (key, other_than, MAX_NAME_CANDIDATES)),
             MAX_NAME_CANDIDATES]))
    return statements
