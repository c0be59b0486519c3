"""Corpus-level steps: they take many reports and return groups, with explicit keys.

    NearDuplicateIndex      syndicated and near-duplicate reports grouped (MinHash LSH + containment)
"""

from .near_duplicates import NearDuplicateIndex

__all__ = ["NearDuplicateIndex"]
