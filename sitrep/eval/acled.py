"""`sitrep eval acled --notes PATH`: ACLED coding of ACLED's own event notes.

``PATH`` is a CSV of ACLED events with their ``NOTES`` (e.g. ``../shared/data/acled-notes/
asia2015_dev.csv``; its README defines the test). Each note becomes one input document
``{"id": EVENT_ID_CNTY, "text": NOTES, "published": EVENT_DATE + 1 day}`` and goes through the
same path as ``sitrep extract``. The note's system event is its highest-confidence *asserted*
event with an ACLED type (any event with a type when none is asserted). Scored per note, as the
set's README defines it:

- **event type**: ACLED's 2015 scheme mapped to today's types (``TYPES_2015``), over all notes;
- **actor-type pair**: the set of inter codes of actor1/actor2 equals ACLED's (0 = no actor);
- **actor1 / actor2 name**: of the notes where ACLED names one, the share where the system's is
  the same actor (case-insensitive, a trailing ``(2014-)``-style period ignored); also reported
  exact (case-insensitive, period included);
- **associated actors** (extra): of ACLED's ``ALLY_ACTOR_1/2``, the share found among the
  event's ``assoc_actor1/2`` on the same side (same-actor comparison);
- **place**: the event's location within 25 km of ACLED's point (geo precision 1) or 50 km
  (otherwise), over all notes and over the notes whose text contains ACLED's ``LOCATION``;
- **day**: the event date within one day, over the notes with a system event and day precision;
- **fatalities**: exactly ACLED's count (no count = 0), over all notes (a note with no event
  scores none of the figures but counts in their totals).

The type misses are also counted by class (``type_confusion``: ACLED's 2015 type and the
system's type and sub-type, "no event" when there is none), the most common printed: which
borders the system draws wrong, not which notes.

A row that cannot be read (no text, a date not in ACLED's ``%d-%B-%Y``, a bad coordinate) is
left out and counted with its reason, never scored as a miss of the system. ACLED's terms allow
this set for evaluation only: nothing in sitrep is fitted to it, and no row of it is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..errors import UsageError
from ..geo.gazetteer import distance_km

__all__ = ["add_arguments", "run", "TYPES_2015", "read_notes", "note_input", "system_event",
           "same_actor", "score"]

# ACLED's 2015 event types -> the current ones (the set's README)
TYPES_2015 = {
    "Riots/Protests": {"Protests", "Riots"},
    "Battle-No change of territory": {"Battles"},
    "Battle-Government regains territory": {"Battles"},
    "Battle-Non-state actors overtake territory": {"Battles"},
    "Violence against civilians": {"Violence against civilians"},
    "Violence Against Civilians": {"Violence against civilians"},    # spelled so in some rows
    "Remote violence": {"Explosions/Remote violence"},
    "Strategic development": {"Strategic developments"},
    "Non-violent transfer of territory": {"Strategic developments"},
}
_COLUMNS = ("EVENT_ID_CNTY", "EVENT_DATE", "TIME_PRECISION", "EVENT_TYPE", "ACTOR1", "INTER1",
            "ACTOR2", "INTER2", "LOCATION", "LATITUDE", "LONGITUDE", "GEO_PRECISION", "NOTES",
            "FATALITIES")
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")
_CONFUSIONS = 12            # type-miss classes printed, most common first
# the shapes of ACLED's actor names, the country left out: which convention an actor1 miss is
_SHAPES = ((re.compile(r"^(Protesters|Rioters|Civilians|Unidentified Armed Group|"
                       r"Unidentified Communal Militia|Rebels) \((.+)\)$", re.IGNORECASE),
            "{0} (X)"),
           (re.compile(r"^(Police Forces|Military Forces|Government) of (.+?)(?: \(\d{4}-.*)?$",
                       re.IGNORECASE), "{0} of X"))
_MAX_NOTES_BYTES = 200 * 1024 * 1024     # a notes file larger than this is not a notes sample


def add_arguments(parser) -> None:
    parser.add_argument("--notes", required=True, type=Path, metavar="PATH",
                        help="ACLED events with NOTES, e.g. ../shared/data/acled-notes/"
                             "asia2015_dev.csv")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also print N notes whose actors were coded wrong")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="analyse with N processes (default 1)")


def read_notes(path: Path) -> tuple[list[dict], Counter]:
    """The readable rows of a notes CSV (each with ``_date`` and ``_published``) and the count
    of rows left out, by reason. A file that is not such a CSV is a usage error."""
    try:
        if path.stat().st_size > _MAX_NOTES_BYTES:
            raise UsageError(f"{path}: larger than {_MAX_NOTES_BYTES // 2**20} MiB; not a notes "
                             "sample", "E207")
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise UsageError(f"{path}: not an ACLED notes CSV (missing columns "
                                 f"{', '.join(missing)})", "E207")
            raw_rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"cannot read ACLED notes {path}: {exc}", "E207") from None
    rows, skipped = [], Counter()
    for row in raw_rows:
        if None in row or any(row.get(c) is None for c in _COLUMNS):
            skipped["wrong number of fields"] += 1
            continue
        if not row["NOTES"].strip():
            skipped["no NOTES text"] += 1
            continue
        try:
            day = dt.datetime.strptime(row["EVENT_DATE"].strip(), "%d-%B-%Y").date()
        except ValueError:
            skipped["EVENT_DATE not like 21-January-2015"] += 1
            continue
        try:
            float(row["LATITUDE"]), float(row["LONGITUDE"]), int(row["FATALITIES"] or 0)
        except ValueError:
            skipped["bad coordinate or fatality count"] += 1
            continue
        row["_date"], row["_published"] = day, (day + dt.timedelta(days=1)).isoformat()
        rows.append(row)
    return rows, skipped


def note_input(row: dict) -> dict:
    """The input document of one note, as the set's README defines it."""
    return {"id": row["EVENT_ID_CNTY"], "text": row["NOTES"], "published": row["_published"]}


def system_event(record: dict | None) -> dict | None:
    """The note's event: the most confident asserted one with an ACLED type (else any typed)."""
    typed = [e for e in (record or {}).get("events") or [] if e.get("event_type")]
    asserted = [e for e in typed if e.get("modality") == "asserted"]
    return max(asserted or typed, key=lambda e: e.get("confidence") or 0, default=None)


def _name(actor) -> str:
    name = actor.get("name") if isinstance(actor, dict) else actor
    return str(name or "").strip().lower()


def same_actor(system, acled: str) -> bool:
    """The same ACLED actor: case-insensitive, a trailing "(2014-)"-style period ignored."""
    return bool(acled) and _PERIOD.sub("", _name(system)).strip() == _PERIOD.sub(
        "", acled.strip().lower()).strip()



def actor_shape(name: str | None) -> str:
    """The convention an ACLED-style actor name follows, its country left out: "Protesters (X)",
    "Police Forces of X", "named" (a group, party or person), "none"."""
    name = _PERIOD.sub("", str(name or "")).strip()
    if not name:
        return "none"
    for pattern, shape in _SHAPES:
        match = pattern.match(name)
        if match:
            return shape.format(match.group(1).title().replace("Of", "of"))
    return "named"


def _actor1_miss(system, acled: str) -> tuple[str, str]:
    """The class of an actor1 miss: ACLED's shape -> the system's, "same shape, other country"
    when the convention is right and the country is not."""
    want, got = actor_shape(acled), actor_shape(_name(system) if system else None)
    if got == "none" and isinstance(system, dict):
        got = f"inter {system.get('inter') or '-'}, no name (no country)"
    if want == got and want != "named":
        return want, "same shape, other country"
    return want, got


def _place_ok(event: dict, row: dict) -> bool:
    location = event.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return False
    limit = 25 if row["GEO_PRECISION"].strip() == "1" else 50
    return distance_km(float(location["lat"]), float(location["lon"]), float(row["LATITUDE"]),
               float(row["LONGITUDE"])) <= limit


def _day_ok(event: dict, row: dict) -> bool:
    try:
        day = dt.date.fromisoformat(str(event.get("event_date"))[:10])
    except ValueError:
        return False
    return abs((day - row["_date"]).days) <= 1


def score(rows: list[dict], records: dict[str, dict]) -> dict:
    """The figures of the module docstring for ``rows`` and the system's contract records by id."""
    counts, confusion, actor1_misses = Counter(), Counter(), Counter()
    misses = []
    for row in rows:
        event = system_event(records.get(row["EVENT_ID_CNTY"]))
        named = row["LOCATION"].strip().lower() in row["NOTES"].lower()
        counts["named"] += named
        counts["actor1_total"] += bool(row["ACTOR1"])
        counts["actor2_total"] += bool(row["ACTOR2"])
        allies = [(side, ally) for side in ("1", "2")
                  for ally in [row.get(f"ALLY_ACTOR_{side}") or ""] if ally.strip()]
        counts["assoc_total"] += len(allies)
        if event is None:
            misses.append((row, None))
            confusion[(row["EVENT_TYPE"], "no event")] += 1
            continue
        typed = event["event_type"] in TYPES_2015.get(row["EVENT_TYPE"], set())
        counts["type"] += typed
        if not typed:
            confusion[(row["EVENT_TYPE"], f"{event['event_type']}: "
                                          f"{event.get('sub_event_type') or '-'}")] += 1
        got = {str(a.get("inter")) for a in (event.get("actor1"), event.get("actor2"))
               if isinstance(a, dict) and a.get("inter")}
        want = {row["INTER1"].strip(), row["INTER2"].strip()} - {"", "0"}
        pair = bool(want) and got == want
        counts["pair"] += pair
        for side in ("1", "2"):
            acled = row[f"ACTOR{side}"]
            if acled:
                same = same_actor(event.get(f"actor{side}"), acled)
                counts[f"actor{side}"] += same
                if side == "1" and not same:
                    actor1_misses[_actor1_miss(event.get("actor1"), acled)] += 1
                counts[f"actor{side}_exact"] += _name(event.get(f"actor{side}")) == \
                    acled.strip().lower()
        for side, ally in allies:
            counts["assoc"] += any(same_actor(a, ally) for a in event.get(f"assoc_actor{side}")
                                   or [])
        place = _place_ok(event, row)
        counts["place"] += place
        counts["named_place"] += named and place
        if row["TIME_PRECISION"].strip() == "1":
            counts["days"] += 1
            counts["day"] += _day_ok(event, row)
        counts["fatalities"] += (event.get("fatalities") or 0) == int(row["FATALITIES"] or 0)
        if not pair or not same_actor(event.get("actor1"), row["ACTOR1"]):
            misses.append((row, event))
    notes = len(rows)

    def share(key: str, total: int) -> float:
        return counts[key] / total if total else 0.0

    return {
        "notes": notes,
        "event_type": share("type", notes),
        "actor_type_pair": share("pair", notes),
        "actor1_name": share("actor1", counts["actor1_total"]),
        "actor1_name_exact": share("actor1_exact", counts["actor1_total"]),
        "actor2_name": share("actor2", counts["actor2_total"]),
        "actor2_name_exact": share("actor2_exact", counts["actor2_total"]),
        "assoc_actors": share("assoc", counts["assoc_total"]),
        "assoc_total": counts["assoc_total"],
        "place": share("place", notes),
        "place_of_named": share("named_place", counts["named"]),
        "notes_naming_place": counts["named"],
        "day": share("day", counts["days"]),
        "fatalities": share("fatalities", notes),
        "type_confusion": confusion,
        "actor1_misses": actor1_misses,
        "misses": misses,
    }


def _analyse(rows: list[dict], workers: int, config: str | None = None) -> dict[str, dict]:
    """Each note through ``sitrep [--config FILE] extract``'s path: the contract record of
    each, by id."""
    from .. import api

    with tempfile.TemporaryDirectory(prefix="sitrep-eval-acled-") as scratch:
        path = Path(scratch) / "notes.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(note_input(row)) + "\n")
        return {str(report.id): report.to_contract()
                for report in api.extract([path], workers=max(1, workers), config=config)}


def _actor_text(actor) -> str:
    if not isinstance(actor, dict):
        return "-"
    return f"{actor.get('name') or actor.get('text')} [{actor.get('inter')}]"


def run(args) -> int:
    rows, skipped = read_notes(args.notes)
    if not rows:
        raise UsageError(f"{args.notes}: no readable notes", "E207")
    started = time.perf_counter()
    records = _analyse(rows, args.workers, getattr(args, "config", None))
    elapsed = time.perf_counter() - started
    result = score(rows, records)
    print(f"notes {result['notes']}  ({elapsed:.1f} s)" + "".join(
        f"; left out {n}: {why}" for why, n in skipped.items()))
    print(f"event type         {result['event_type']:.3f}")
    print(f"actor-type pair    {result['actor_type_pair']:.3f}")
    print(f"actor1 name        {result['actor1_name']:.3f}  (exact, period included "
          f"{result['actor1_name_exact']:.3f})")
    print(f"actor2 name        {result['actor2_name']:.3f}  (exact, period included "
          f"{result['actor2_name_exact']:.3f})")
    print(f"associated actors  {result['assoc_actors']:.3f}  (of {result['assoc_total']} "
          "named by ACLED)")
    print(f"place              {result['place']:.3f}  ({result['place_of_named']:.3f} of the "
          f"{result['notes_naming_place']} notes naming it)")
    print(f"day                {result['day']:.3f}")
    print(f"fatalities         {result['fatalities']:.3f}")
    if result["type_confusion"]:
        print("type misses by class (ACLED 2015 -> sitrep):")
    for (acled_type, got), n in result["type_confusion"].most_common(_CONFUSIONS):
        print(f"  {n:4d}  {acled_type} -> {got}")
    if result["actor1_misses"]:
        print("actor1 misses by class (ACLED -> sitrep, country left out):")
    for (want, got), n in result["actor1_misses"].most_common(_CONFUSIONS):
        print(f"  {n:4d}  {want} -> {got}")
    for row, event in result["misses"][:args.errors]:
        wanted = f"{row['ACTOR1']} [{row['INTER1']}] / {row['ACTOR2'] or '-'} [{row['INTER2']}]"
        got = "no event" if event is None else \
            f"{_actor_text(event.get('actor1'))} / {_actor_text(event.get('actor2'))}"
        print(f"- {row['EVENT_ID_CNTY']}: ACLED {wanted}; sitrep {got}: {row['NOTES'][:160]}",
              file=sys.stderr)
    return 0
