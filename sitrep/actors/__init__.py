"""Actors: who acts in a report, coded to canonical actors (ACLED type/inter, CAMEO, country).

``actors.tsv`` (named actors) and ``countries.tsv`` (state forces of every country) are the
curated, versioned dictionary; ``recognize`` finds mentions, ``coding`` codes them with the
document as context, ``stage.FindActors`` is the pipeline stage, ``measure`` scores recognition on
PLOVER gold records.
"""
