"""The keys a stored mention is filed under for cross-report merging, and the ones it looks
candidates up by (the blocking of ``incidents``): each a string in ``merge_names`` beside the
surnames — a site ("%"), the names of a killing ("!"), a town and month ("@": a grid cell, a
month, how the days are told) and a figure of people harmed ("#": its kind and bucket, with a
region and month or a country and day). Pure functions of a
:class:`~sitrep.merge.cross_report.Mention`: ``incidents`` writes and queries them."""

from __future__ import annotations

import math
from datetime import timedelta

from ..merge.cross_report import COUNT_SHARE, FRESH_DAYS, LARGE_COUNT, LARGE_KINDS, NEAR_KM, Mention

__all__ = ["DAY_PLACED", "MONTH_PLACED", "count_keys", "filed_under", "killing_keys", "placed",
           "site_keys", "town_months"]


def filed_under(mention: Mention) -> list[str]:
    """The keys of ``merge_names`` a mention is found by: its surnames, those of a
    killing, its sites, its town-and-month and its count keys."""
    return (sorted(mention.names) + killing_keys(mention) + site_keys(mention)
            + town_months(mention) + count_keys(mention))


# Key prefix of a site (the institution struck and its town, ``Mention.sites``) in
# ``merge_names``: looked up, like a surname, among the mentions whose days may meet.
SITE = "%"


def site_keys(mention: Mention) -> list[str]:
    return sorted(SITE + site for site in mention.sites)


# Key prefix of the names of a killing (in ``merge_names``, beside its plain names): a dated
# killing of the same person looks them up outside its day window (see ``lookups._lookups``).
KILLING = "!"


def killing_keys(mention: Mention) -> list[str]:
    """The keys a killing of a named person is filed under, and those a dated one looks up
    whatever its days: an undated killing, or one named inside a demand and dated by it, may be
    the one another report dates years before (compare's "a named person is killed once")."""
    if not mention.fatal:
        return []
    return sorted(KILLING + name for name in mention.victims)


# What column ``exact_located`` of ``merge_mentions`` records: 0 none; DAY_PLACED an exact day
# and a place located to the town or told to its first-level region, or the report's focus
# place (the day route looks these up); MONTH_PLACED a place located to the town and an own
# date of a week or a month (found by its town-and-month keys, see town_months). Stores
# written before a route existed marked its mentions 0 (and wrote no keys): those are found by
# the name route alone.
DAY_PLACED = 1
MONTH_PLACED = 2


# The town-and-month keys, kept in ``merge_names`` beside the surnames (a key starts with "@",
# which no surname key does): a grid cell of CELL_DEGREES, a month and how the days are told.
# (Stores written before undated reports and year-long ranges were filed hold keys for the
# month route only: their undated mentions are found by name.)
# A cell is 55 km high, more than NEAR_KM, so a place's own cell and its neighbours hold every
# place within NEAR_KM (east-west, as many neighbours as the latitude needs).
CELL_DEGREES = 0.5
# Mentions whose days span more than this (none do: a year-only date is the year) get no keys.
KEYED_DAYS = 366


def town_months(mention: Mention, around: bool = False) -> list[str]:
    """The keys a located mention is filed under: its cell, every month its days touch and
    how it is dated: an exact day ("d"), a week or a month ("m"), a longer range up to a year
    ("y") or the publication window of a report that tells no day ("u"). ``around``: the keys
    to look candidates up under — every cell within NEAR_KM; two ranges that overlap share a
    day, hence that day's month. The month route (:attr:`Mention.month_route`) looks for weeks
    and months from an exact day (two exact days are the day route's) and for both from a week
    or month; an own date looks for undated reports, which link to it with the same sub-type
    at the same town when it falls in their window (compare's RECENT_WEIGHT), and an undated
    report looks for every own date."""
    if not (mention.located and mention.first_day
            and (mention.last_day - mention.first_day).days <= KEYED_DAYS):
        return []
    kind = ("u" if mention.undated else "d" if mention.exact_day
            else "m" if mention.within_month else "y")
    kinds = [kind]
    if around:
        kinds = ["d", "m", "y"] if kind == "u" else ["u"]
        if mention.month_route:
            kinds += ["m"] if kind == "d" else ["d", "m"]
    months, day = [], mention.first_day
    while day <= mention.last_day:
        months.append(f"{day.year:04d}-{day.month:02d}")
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    row, column = math.floor(mention.lat / CELL_DEGREES), math.floor(mention.lon / CELL_DEGREES)
    rows = columns = 0
    if around:
        rows = 1
        width_km = 111.2 * CELL_DEGREES * max(math.cos(math.radians(abs(mention.lat) + 1)), 0.05)
        columns = min(math.ceil(NEAR_KM / width_km), 20)
    return sorted(f"@{row + r}/{column + c}/{month}/{kind}" for r in range(-rows, rows + 1)
                  for c in range(-columns, columns + 1) for month in months for kind in kinds)


# The count keys (in ``merge_names`` too, starting with "#"): the kind and the figure's bucket
# on a scale whose steps are COUNT_SHARE apart (figures within COUNT_SHARE of each other fall in
# one bucket or two neighbouring ones), with the first-level region and every month the days
# touch (mentions told to KEYED_DAYS at most), or with the country and the exact day (a mention
# with no day of its own: each day of the week before publication or the day it was told on):
# the places a count links in (compare). Keyed by country and month, the candidates of a
# figure grew with the store (measured on 10,000 generated reports: 4 to 82 a lookup).
def count_keys(mention: Mention, around: bool = False) -> list[str]:
    if not (mention.counts and mention.first_day):
        return []
    steps = (-1, 0, 1) if around else (0,)
    scopes = []
    if mention.iso3 and mention.admin1 and (
            mention.last_day - mention.first_day).days <= KEYED_DAYS:
        day = mention.first_day
        while day <= mention.last_day:
            scopes.append(f"{mention.iso3}/{mention.admin1}/{day.year:04d}-{day.month:02d}")
            day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    iso3 = mention.iso3 or (mention.focus[0] if mention.focus else None)
    if iso3 and mention.exact_day:
        shifts = (-1, 0, 1) if around else (0,)
        scopes += [f"{iso3}/{mention.first_day + timedelta(days=shift)}" for shift in shifts]
    elif iso3 and mention.window:
        # the exact days of the week before its publication (compare's FRESH_DAYS)
        scopes += [f"{iso3}/{mention.last_day - timedelta(days=back)}"
                   for back in range(FRESH_DAYS + 1)]
    keys = {f"#{scope}/{kind}/{_bucket(value) + step}"
            for kind, value in mention.counts for step in steps for scope in scopes}
    if iso3 and mention.within_month:
        # a large figure in one country and month (compare's LARGE_COUNT)
        months = {f"{day.year:04d}-{day.month:02d}"
                  for day in (mention.first_day, mention.last_day)}
        keys |= {f"#{iso3}/{month}/{kind}/{_bucket(value) + step}"
                 for kind, value in mention.counts if kind in LARGE_KINDS and value >= LARGE_COUNT
                 for step in steps for month in months}
    return sorted(keys)


def _bucket(value: int) -> int:
    return math.floor(math.log(value) / math.log(1 / (1 - COUNT_SHARE)))


def placed(mention: Mention) -> int:
    if mention.exact_day and (mention.located or mention.regional or mention.focus):
        return DAY_PLACED
    if mention.month_route and mention.located:
        return MONTH_PLACED
    return 0
