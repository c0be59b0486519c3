"""The store side of cross-report merging: mentions, links, merged events and their sources.

    summary = merge_new_events(store)   # inside a transaction: `sitrep run` calls it per batch
    sources = event_sources(store, row) # every source of an event, with its own values

An event several reports tell is stored as a row of its own in ``events`` (id ``m`` + the rest of
its smallest member's id, so the same members give the same id whatever the order they came in)
holding the reconciled fields (``sitrep/merge/reconcile.py``); its members keep their own values
and point at it with ``merged_into``. Listing, counting and exporting skip members.

Incremental, idempotent, order-independent: each event is reduced once to a
:class:`~sitrep.merge.cross_report.Mention` (kept in ``merge_mentions``); a new mention is
compared with the stored ones of another report it could link to — only those routes can
reach the link score (see ``compare``), so the blocking loses nothing: a shared surname or site
(the institution struck and its town) of a compatible family whose days may meet
(``merge_names``), or a compatible family, located to the
town or to its first-level region, on an exact day within a day of its own, or located within
NEAR_KM on own days of a month at most that may overlap its own (town-and-month keys in
``merge_names``, :func:`~sitrep.store.blocking.town_months`), or a figure of people harmed within COUNT_SHARE of its
own in the same region and month or country and day, or a large one in the same country and
month (count keys, :func:`~sitrep.store.blocking.count_keys`) — and
accepted links are kept (``merge_links``). Then the connected part of the link graph that the
new mentions touch is clustered again from scratch. Since clustering depends only on the set of mentions and links, the incidents never
depend on the order reports arrived in, and a re-run (no new mention) changes nothing. A run
keeps what its steps would read or compute again from batch to batch (:class:`MergeMemory`:
mentions parsed, pairs found in conflict): a mention never changes once stored. """

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from ..merge.cross_report import Comparison, Mention, cluster, compare, mention_of, mention_runs
from ..merge.reconcile import Testimony, reconcile
from ..model import Event, Report, Span
from .blocking import filed_under, placed
from .lookups import CHUNK, _chunks, candidates_of
from .records import Source

__all__ = ["MergeMemory", "MergeSummary", "merge_new_events", "recluster", "event_sources",
           "MERGED_PREFIX"]

MERGED_PREFIX = "m"


@dataclass
class MergeSummary:
    mentions: int = 0        # events newly seen by the merge step
    links: int = 0           # links accepted between mentions of different reports
    merged_events: int = 0   # merged events written (new or changed)
    written: frozenset = frozenset()  # their ids
    removed: frozenset = frozenset()  # ids of merged events whose members parted

    def to_dict(self) -> dict:
        return {"mentions": self.mentions, "links": self.links,
                "merged_events": self.merged_events}


def _execute(store, sql: str, params=()):
    return store.backend.execute(sql, params)


def _new_mentions(store, names: dict[str, list] | None,
                  reports: list[str] | None = None) -> list[Mention]:
    """Reduce every event the step has not seen yet to a Mention and record it (``names``:
    report id -> its name runs, for the reports still in memory; others are read back). With
    ``reports``, only the events of those reports are looked at (a run's last batch), not the
    whole store."""
    columns = "e.id, e.group_id, e.report_id, e.data, r.published, r.doc_id"
    unseen = ("e.id NOT LIKE ? AND NOT EXISTS"
              # (not "e.id NOT IN (SELECT ...)": PostgreSQL hashed every mention of the store for
              # it, at every batch; this probes the key of each of the batch's events)
              " (SELECT 1 FROM merge_mentions m WHERE m.event_id = e.id)")
    if reports is None:
        rows = _execute(store, f"SELECT {columns} FROM events e LEFT JOIN reports r"
                        f" ON r.id = e.report_id WHERE {unseen} ORDER BY e.report_id",
                        (MERGED_PREFIX + "%",)).fetchall()
    else:
        # found through event_sources, whose report_id is indexed (every event is a source of
        # the report it was extracted from): events has no index on report_id, and a scan of
        # every stored event a batch made the step's cost grow with the store
        rows = []
        for part, marks in _chunks(sorted(reports)):
            rows += _execute(store,
                f"SELECT {columns} FROM event_sources s JOIN events e ON e.id = s.event_id"
                f" LEFT JOIN reports r ON r.id = e.report_id WHERE s.report_id IN ({marks})"
                f" AND e.report_id = s.report_id AND {unseen}",
                (*part, MERGED_PREFIX + "%")).fetchall()
        rows.sort(key=lambda row: (row[2], row[0]))
    mentions, runs, report_id = [], [], None
    # written all at once after the loop: two round trips to a server, not two a mention
    mention_rows, name_rows = [], []
    for event_id, group_id, row_report, data, published, doc_id in rows:
        if row_report != report_id:  # rows come by report: each analysis is read once
            report_id = row_report
            if names is not None and report_id in names:
                runs = names[report_id]
            else:
                report = _report(store, report_id)
                runs = mention_runs(report) if report is not None else []
        mention = mention_of(event_id, group_id, Event.from_dict(json.loads(data)), runs,
                             published=published, document=doc_id or row_report)
        mentions.append(mention)
        mention_rows.append(
            (event_id, mention.family,
             mention.first_day.isoformat() if mention.first_day else None,
             mention.last_day.isoformat() if mention.last_day else None,
             placed(mention), json.dumps(mention.to_dict())))
        name_rows += [(key, event_id) for key in filed_under(mention)]
    store.backend.executemany(
        "INSERT INTO merge_mentions (event_id, family, first_day, last_day, exact_located,"
        " data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", mention_rows)
    store.backend.executemany(
        "INSERT INTO merge_names (name, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        name_rows)
    return mentions


def _report(store, report_id: str) -> Report | None:
    try:
        return store.get_report(report_id)
    except Exception:  # noqa: BLE001 - a report whose analysis cannot be read has no names
        return None


def _candidates(store, mention: Mention, memory: MergeMemory | None = None) -> list[Mention]:
    """The stored mentions of another report that ``mention`` could link to."""
    return next(_candidates_of(store, [mention], memory or MergeMemory()))


def _candidates_of(store, mentions: list[Mention], memory: MergeMemory):
    """The candidates of each of ``mentions`` in turn (lookups.candidates_of)."""
    yield from candidates_of(store, mentions, memory)


def _component(store, start: list[str], limit: int | None = None,
               large: set[str] | None = None) -> set[str] | None:
    """Every mention connected to ``start`` by stored links (None if more than ``limit``),
    found a step at a time: the links of all the mentions reached by the last step are read
    together (a query a mention made a part of 300 mentions cost 300 queries). ``large``:
    mentions known to be in a part of more than ``limit`` (links are never removed, so a part
    only grows): reaching one ends the walk, and the mentions of a part found too large are
    added to it."""
    seen, frontier = set(start), sorted(set(start))
    while frontier:
        if large is not None and not large.isdisjoint(frontier):
            return None
        reached: set[str] = set()
        for part, marks in _chunks(frontier, CHUNK // 2):
            reached.update(other for (other,) in _execute(store,
                f"SELECT second FROM merge_links WHERE first IN ({marks})"
                f" UNION SELECT first FROM merge_links WHERE second IN ({marks})", part + part))
        frontier = sorted(reached - seen)
        seen.update(frontier)
        if limit is not None and len(seen) > limit:
            if large is not None:
                large.update(seen)
            return None
    return seen


# Mentions a run's merge steps keep parsed (about 1.5 kB each): those of the parts of the link
# graph that batches re-cluster, and candidates found again, are read back over and over.
MAX_KEPT_MENTIONS = 50_000
# Member events (report id and parsed event, a few kB each) kept for rewriting the merged
# events of incidents that grow.
MAX_KEPT_EVENTS = 10_000
# Pairs of mentions whose conflict the re-clustering remembers (a part re-clustered with every
# batch that touches it asks the same pairs again): ~80 bytes each.
MAX_KEPT_PAIRS = 1_000_000


class MergeMemory:
    """What one run's merge steps (``merge_new_events``, batch after batch) keep: the mentions
    whose part of the link graph was too large to re-cluster with their batch (``deferred``,
    for :func:`recluster` at the end; ``large``: every mention such a part was seen to hold),
    and what re-clustering again would compute again — the mentions parsed, and whether two
    mentions conflict. A mention never changes once stored
    (its row is written once), so what is kept stays true; each store is bounded (cleared when
    full: it only saves work)."""

    def __init__(self) -> None:
        self.deferred: set[str] = set()
        self.large: set[str] = set()  # mentions of parts found larger than BATCH_COMPONENT
        self.mentions: dict[str, Mention] = {}
        self._conflicts: dict[int, bool] = {}
        self._told: dict[str, tuple[str, Testimony]] = {}  # event id -> (report id, testimony)
        self._numbers: dict[str, int] = {}

    def mention(self, event_id: str, data: str) -> Mention:
        """The mention stored as ``data``, parsed once."""
        mention = self.mentions.get(event_id)
        if mention is None:
            mention = self.keep(Mention.from_dict(json.loads(data)))
        return mention

    def keep(self, mention: Mention) -> Mention:
        if len(self.mentions) >= MAX_KEPT_MENTIONS:
            self.mentions.clear()
        self.mentions[mention.event_id] = mention
        return mention

    def kept(self, ids: list[str]) -> dict[str, Mention]:
        """Those of ``ids`` whose mention is kept, and their mentions."""
        mentions = self.mentions
        return {event_id: mentions[event_id] for event_id in ids if event_id in mentions}

    def members(self, store, group: list[str]) -> list[tuple[str, Testimony]]:
        """(report id, testimony) of each stored event of ``group``, in its order: read and
        parsed once a run (an incident that grows is rewritten with each member it gains, and
        every member was parsed again each time)."""
        told = self._told
        missing = [event_id for event_id in group if event_id not in told]
        read: dict[str, tuple[str, Testimony]] = {}
        for part, marks in _chunks(missing):
            for event_id, report_id, data, published, doc_id in _execute(store,
                    f"SELECT e.id, e.report_id, e.data, r.published, r.doc_id FROM events e"
                    f" JOIN reports r ON r.id = e.report_id WHERE e.id IN ({marks})", part):
                read[event_id] = (report_id, Testimony(
                    event_id, Event.from_dict(json.loads(data)), published, doc_id))
        members = [told.get(event_id) or read.get(event_id) for event_id in group]
        if len(told) + len(read) > MAX_KEPT_EVENTS:
            told.clear()
        told.update(read)
        return [member for member in members if member is not None]

    def conflict(self, a: Mention, b: Mention) -> bool:
        """Whether ``a`` and ``b`` cannot be one incident (``compare``), asked once."""
        numbers = self._numbers
        first = numbers.setdefault(a.event_id, len(numbers))
        second = numbers.setdefault(b.event_id, len(numbers))
        pair = (first << 32) | second if first < second else (second << 32) | first
        known = self._conflicts.get(pair)
        if known is None:
            if len(self._conflicts) >= MAX_KEPT_PAIRS:
                self._conflicts.clear()
            known = self._conflicts[pair] = compare(a, b).conflict is not None
        return known


# A run merging batch by batch re-clusters a connected part of the link graph of at most this
# many mentions at once, with its batch; a larger one (a story told by hundreds of reports) is
# left for the end of the run (:func:`recluster`), once: re-clustered with every batch that
# touches it, its cost would grow with the run (measured on 20,000 generated reports: parts of
# up to 1,660 mentions, merge step 57 s at the end of the run, 379 s re-clustering per batch).
BATCH_COMPONENT = 300


def merge_new_events(store, names: dict[str, list] | None = None,
                     reports: list[str] | None = None,
                     memory: MergeMemory | None = None) -> MergeSummary:
    """Merge the events stored since the last call into incidents (call inside a transaction).

    ``names`` (report id -> ``mention_runs(report)``) spares reading back the analysis of reports
    the caller still had in memory: a run keeps them while it writes. ``reports`` limits the
    step to the events of those reports (a run merges each batch as it commits it); without it
    every event not merged yet is taken, wherever it came from (a run that stopped early).
    ``memory``: what a run's steps keep from batch to batch (see :class:`MergeMemory`); with it,
    a connected part larger than BATCH_COMPONENT is not re-clustered now: the mentions that
    touched it are added to ``memory.deferred``, for :func:`recluster` at the end."""
    summary = MergeSummary()
    deferring = memory is not None
    memory = memory or MergeMemory()
    new = [memory.keep(mention) for mention in _new_mentions(store, names, reports)]
    summary.mentions = len(new)
    linked: list[str] = []
    # the batch's links, written together after the loop (one statement of many rows on a
    # server, not a round trip a link; the candidates are read from the mentions and names, not
    # the links, so nothing the loop reads waits for them). A pair found from both sides is
    # written as found first, as one insert a link did.
    links: dict[tuple[str, str], tuple] = {}
    for mention, candidates in zip(new, _candidates_of(store, new, memory)):
        for other in candidates:
            comparison = compare(mention, other)
            if not comparison.link:
                continue
            pair = tuple(sorted((mention.event_id, other.event_id)))
            links.setdefault(pair, (*pair, comparison.score, json.dumps(comparison.reasons)))
            linked.append(mention.event_id)
    summary.links = len(store.backend.insert_returning(
        "INSERT INTO merge_links (first, second, score, reasons) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING RETURNING first", list(links.values())))
    if not linked:
        return summary
    if not deferring:
        return _summarised(summary, _recluster(
            store, _component(store, sorted(set(linked))), memory))
    component: set[str] = set()
    for event_id in sorted(set(linked)):
        if event_id in component:
            continue
        part = _component(store, [event_id], limit=BATCH_COMPONENT, large=memory.large)
        if part is None:
            memory.deferred.add(event_id)
        else:
            component |= part
    return _summarised(summary, _recluster(store, component, memory) if component else ([], []))


def recluster(store, event_ids: set[str], memory: MergeMemory | None = None) -> MergeSummary:
    """Re-cluster the connected parts of the link graph that hold ``event_ids`` (those a run's
    batches deferred); call inside a transaction."""
    if not event_ids:
        return MergeSummary()
    return _summarised(MergeSummary(), _recluster(
        store, _component(store, sorted(event_ids)), memory or MergeMemory()))


def _summarised(summary: MergeSummary, outcome: tuple[list[str], list[str]]) -> MergeSummary:
    written, removed = outcome
    summary.merged_events = len(written)
    summary.written, summary.removed = frozenset(written), frozenset(removed)
    return summary


def _recluster(store, component: set[str],
               memory: MergeMemory) -> tuple[list[str], list[str]]:
    """Cluster ``component`` again; write only the merged events whose members changed.
    Returns the ids of the merged events written and of those removed."""
    ids = sorted(component)
    mentions = memory.kept(ids)
    # the links, and their reasons as stored (read only for the merged events written)
    links, told, before = {}, {}, {}
    for part, marks in _chunks(ids):
        for first, second, score, reasons in _execute(store,
                f"SELECT first, second, score, reasons FROM merge_links"
                f" WHERE first IN ({marks})", part):
            if second in component:
                links[(first, second)] = Comparison(score, ())
                told[(first, second)] = reasons
        before.update(_execute(store,
                      f"SELECT id, merged_into FROM events WHERE id IN ({marks})", part))
    for part, marks in _chunks([event_id for event_id in ids if event_id not in mentions]):
        for event_id, data in _execute(store,
                f"SELECT event_id, data FROM merge_mentions WHERE event_id IN ({marks})", part):
            mentions[event_id] = memory.mention(event_id, data)
    groups = cluster(mentions.values(), links, memory.conflict)
    owner = {event_id: index for index, group in enumerate(groups) for event_id in group}
    pairs_of: dict[int, list[tuple[str, str]]] = {}
    for pair in sorted(links):
        if owner[pair[0]] == owner[pair[1]]:
            pairs_of.setdefault(owner[pair[0]], []).append(pair)
    sizes = Counter(merged for merged in before.values() if merged)
    parted: list[str] = []  # members of no merged event now
    rewritten: list[tuple[int, str, list[str]]] = []  # (group's index, merged id, group)
    kept: set[str] = set()
    for index, group in enumerate(groups):
        if len(group) < 2:
            if before.get(group[0]):
                parted.append(group[0])
            continue
        merged_id = MERGED_PREFIX + group[0][1:]
        kept.add(merged_id)
        if sizes[merged_id] == len(group) and all(
                before.get(event_id) == merged_id for event_id in group):
            continue  # the same members as before: nothing to rewrite
        rewritten.append((index, merged_id, group))
    # everything the writes need is read first — the members, and the rows of the merged
    # events stored before, all of them in one round trip — so that the writes go out without
    # waiting for an answer each (a server; issue 15: a round trip a statement was a third of
    # the merge step's statements)
    members = [memory.members(store, group) for _, _, group in rewritten]
    stored = {row[0]: row[1:] for rows in store.backend.fetch_all(
        [(f"SELECT id, {', '.join(_MERGED_COLUMNS)} FROM events WHERE id IN ({marks})", part)
         for part, marks in _chunks([merged_id for _, merged_id, _ in rewritten
                                     if sizes[merged_id]])]) for row in rows}
    removed = sorted(set(sizes) - kept)
    with store.backend.pipelined():
        for event_id in parted:
            _execute(store, "UPDATE events SET merged_into = NULL WHERE id = ?", (event_id,))
        for (index, merged_id, group), told_by in zip(rewritten, members):
            _write_merged(store, merged_id, group, told_by,
                          ["; ".join(json.loads(told[pair])) for pair in pairs_of.get(index, [])],
                          joining=[event_id for event_id in group
                                   if before.get(event_id) != merged_id],
                          stored=stored.get(merged_id))
        for merged_id in removed:
            _execute(store, "DELETE FROM events WHERE id = ?", (merged_id,))
    return [merged_id for _, merged_id, _ in rewritten], removed


# The columns of a merged event that reconcile() decides (all but id, group_id and stored_at).
_MERGED_COLUMNS = ("report_id", "event_type", "sub_event_type", "plover_type", "actor1",
                   "actor2", "country", "iso3", "event_date", "modality", "fatalities", "data")


def _write_merged(store, merged_id: str, group: list[str],
                  members: list[tuple[str, Testimony]], link_reasons: list[str], *,
                  joining: list[str], stored: tuple | None) -> None:
    """Write the merged event of ``group`` (``members``: (report id, testimony) of each of its
    stored events, in its order); ``joining``: the members not yet pointing at it; ``stored``:
    its _MERGED_COLUMNS as the store has them, None if it has not (only the columns whose
    value changed are updated). Writes only: nothing it sends waits for an answer.

    A merged event is rewritten whenever its members change, most often one member joining a
    large incident, when most of its columns stay as they were. Updating only what changed
    dirties only the row's own page, not every index of the events table, and leaves the
    evidence search alone unless the evidence changed (its trigger fires on ``data`` only): on
    SQLite a DELETE + INSERT of the same row rewrote one page of each of the table's 7
    indexes, its full-text index and its row, and gave the row a new rowid at the table's end
    (issue 15: pages a batch's commit dirties)."""
    event = reconcile([testimony for _, testimony in members], link_reasons)
    lead_report = next(report_id for report_id, testimony in members
                       if testimony.event.evidence == event.evidence)
    location = event.location
    values = dict(zip(_MERGED_COLUMNS, (
        lead_report, event.event_type, event.sub_event_type, event.plover_type,
        _name(event.actor1), _name(event.actor2),
        location.country if location else None, location.iso3 if location else None,
        event.event_date, event.modality, event.fatalities,
        json.dumps(event.to_dict(), ensure_ascii=False))))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    row = stored
    if row is None:
        _execute(store,
            f"INSERT INTO events (id, group_id, {', '.join(_MERGED_COLUMNS)}, stored_at)"
            f" VALUES ({', '.join('?' * (len(_MERGED_COLUMNS) + 3))})",
            (merged_id, merged_id, *values.values(), now))
    else:
        changed = [column for column, stored in zip(_MERGED_COLUMNS, row)
                   if stored != values[column]]
        if changed:
            _execute(store,
                f"UPDATE events SET {', '.join(f'{column} = ?' for column in changed)},"
                " stored_at = ? WHERE id = ?",
                (*(values[column] for column in changed), now, merged_id))
    for part, marks in _chunks(joining):
        _execute(store, f"UPDATE events SET merged_into = ? WHERE id IN ({marks})",
                 [merged_id, *part])


def _name(actor) -> str | None:
    return (actor.name or actor.text) if actor else None


# -- reading ------------------------------------------------------------------------------------
def event_sources(store, event_id: str, event: Event, report_id: str) -> tuple[Source, ...]:
    """Every report that tells the event, each with its own evidence (offsets in its own text)
    and, for a merged event, its own values (the member event it told)."""
    if event_id.startswith(MERGED_PREFIX):
        members = [(row[0], Event.from_dict(json.loads(row[1])), row[2]) for row in _execute(
            store, "SELECT id, data, report_id FROM events WHERE merged_into = ? ORDER BY id",
            (event_id,))]
    else:
        members = [(event_id, event, report_id)]
    sources: dict[str, Source] = {}
    for member_id, member, analysed_id in members:
        for row in _execute(store,
                "SELECT r.id, r.path, r.url, r.title, r.published, r.publisher, r.record,"
                " r.doc_id, r.raw FROM event_sources s JOIN reports r ON r.id = s.report_id"
                " WHERE s.event_id = ?", (member_id,)):
            evidence = member.evidence if row[0] == analysed_id else _locate(member, row[8])
            if row[0] in sources:  # two members from one report: the report told it twice
                known = sources[row[0]]
                sources[row[0]] = replace(known, evidence=tuple(sorted(
                    set(known.evidence) | set(evidence), key=lambda s: (s.start, s.end))))
                continue
            sources[row[0]] = Source(*row[:7], doc_id=row[7], evidence=evidence,
                                     event=member if event_id != member_id else None)
    return tuple(sorted(sources.values(),
                        key=lambda s: (s.published is None, s.published or "", s.report_id)))


def _locate(event: Event, raw: str) -> tuple[Span, ...]:
    """The event's evidence found word for word in a copy's own text (a syndicated copy has
    other offsets); evidence the copy does not hold is left out."""
    found = []
    for span in event.evidence:
        start = raw.find(span.text) if span.text else -1
        if start >= 0:
            found.append(Span(start, start + len(span.text), span.text))
    return tuple(found)
