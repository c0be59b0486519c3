"""Corpus-level steps: they take many reports and return groups, with explicit keys.

    NearDuplicateIndex      syndicated and near-duplicate reports grouped (MinHash LSH + containment)
    incidents, reconcile    events of different reports that tell one incident: compared with
                            reasons, clustered, their fields reconciled (the store side:
                            sitrep/store/incidents.py)
"""

from .near_duplicates import NearDuplicateIndex

__all__ = ["NearDuplicateIndex"]
