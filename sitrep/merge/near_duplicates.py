"""Near-duplicate and syndicated reports, grouped across the corpus.

    index = NearDuplicateIndex()
    index.add("reuters-1", text)   -> "reuters-1"   (a new group: its own id)
    index.add("yahoo-7", copy)     -> "reuters-1"   (a copy: the id of its group's first report)
    data = index.to_bytes(); NearDuplicateIndex.from_bytes(data)   (state kept in the store)

How. Each text becomes a set of word shingles (``shingle_size`` consecutive words, case-folded;
punctuation and spacing ignored), hashed to 32 bits. Candidates come from two MinHash LSH
indexes (datasketch): one over the whole text, one over its lead (the first ``lead_shingles``
shingles), because wire copies are cut at the end far more often than at the start and a
truncated copy shares the original's lead even when it shares little of its body. Each candidate
is then verified exactly on the shingle sets:

- Jaccard similarity >= ``threshold`` (0.5), or
- containment of the smaller text in the larger >= ``containment`` (0.8), the smaller having at
  least ``min_shingles`` shingles (a one-line text is contained in many reports).

Why 0.5 and containment: measured on edited and truncated copies, the usual 0.8 Jaccard cut-off
finds only 0-70 % of copies while about 0.5 plus containment finds 79-100 % with no false links
(issue 3); our own measurement is in ``sitrep.clean.measure`` and pinned in
tests/test_merge_measure.py.

A new report joins the group of its most similar verified candidate. The state (signatures,
shingle sets, groups) is serialised with pickle: it is trusted data written by sitrep itself into
the store, never read from an input.
"""

from __future__ import annotations

import pickle
import re
import zlib
from array import array

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NearDuplicateIndex", "shingles"]

_WORD = re.compile(r"\w+")
_FORMAT = 1  # version of the serialised state


def shingles(text: str, size: int = 3) -> array:
    """Sorted distinct 32-bit hashes of the ``size``-word shingles of ``text``."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
    return array("L", sorted({zlib.crc32(gram.encode("utf-8")) for gram in grams}))


def _lead(text: str, size: int, count: int) -> array:
    words = _WORD.findall(text.casefold())[: count + size - 1]
    return shingles(" ".join(words), size)


def _identity(value: int) -> int:
    return value


class NearDuplicateIndex:
    """Groups reports whose texts are near-duplicates or truncated copies of each other."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 128, *, containment: float = 0.8,
                 shingle_size: int = 3, lead_shingles: int = 40, min_shingles: int = 12,
                 candidate_threshold: float | None = None) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.containment = containment
        self.shingle_size = shingle_size
        self.lead_shingles = lead_shingles
        self.min_shingles = min_shingles
        # LSH recalls pairs above its own threshold only probabilistically: search a little
        # below the verification threshold so that pairs right at it are not missed.
        self.candidate_threshold = candidate_threshold or max(0.1, threshold - 0.1)
        self._lsh = MinHashLSH(threshold=self.candidate_threshold, num_perm=num_perm)
        self._lead_lsh = MinHashLSH(threshold=self.candidate_threshold, num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, hashfunc=_identity)
        self._sets: dict[str, np.ndarray] = {}
        self._groups: dict[str, str] = {}

    # -- the API the store calls -----------------------------------------------------------
    def add(self, report_id: str, text: str) -> str:
        """Index ``text`` as ``report_id``; returns its group id (its own id when it is new).

        Adding an id again returns its existing group and changes nothing.
        """
        if report_id in self._groups:
            return self._groups[report_id]
        shingle_set = np.frombuffer(shingles(text, self.shingle_size), dtype=np.uint32)
        if not len(shingle_set):
            self._groups[report_id] = report_id
            return report_id
        signature = self._signature(shingle_set)
        lead = np.frombuffer(_lead(text, self.shingle_size, self.lead_shingles), dtype=np.uint32)
        lead_signature = self._signature(lead)
        group = self._best_group(shingle_set, signature, lead_signature) or report_id
        self._groups[report_id] = group
        self._sets[report_id] = shingle_set
        self._lsh.insert(report_id, signature)
        self._lead_lsh.insert(report_id, lead_signature)
        return group

    def group_of(self, report_id: str) -> str:
        """The group id of an added report (KeyError for an unknown id)."""
        return self._groups[report_id]

    def to_bytes(self) -> bytes:
        state = {"format": _FORMAT, "options": self._options(), "lsh": self._lsh,
                 "lead_lsh": self._lead_lsh, "sets": self._sets, "groups": self._groups}
        return zlib.compress(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex:
        state = pickle.loads(zlib.decompress(data))
        if state.get("format") != _FORMAT:
            raise ValueError(f"near-duplicate state format {state.get('format')!r}, "
                             f"expected {_FORMAT}")
        index = cls(**state["options"])
        index._lsh, index._lead_lsh = state["lsh"], state["lead_lsh"]
        index._sets, index._groups = state["sets"], state["groups"]
        return index

    # -- inspection ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._groups)

    def groups(self) -> dict[str, list[str]]:
        """Group id -> member ids, in the order they were added."""
        members: dict[str, list[str]] = {}
        for report_id, group in self._groups.items():
            members.setdefault(group, []).append(report_id)
        return members

    def similarity(self, first: str, second: str) -> tuple[float, float]:
        """(Jaccard, containment of the smaller in the larger) of two added reports."""
        return _similarity(self._sets[first], self._sets[second])

    # -- internals -----------------------------------------------------------------------------
    def _options(self) -> dict:
        return {"threshold": self.threshold, "num_perm": self.num_perm,
                "containment": self.containment, "shingle_size": self.shingle_size,
                "lead_shingles": self.lead_shingles, "min_shingles": self.min_shingles,
                "candidate_threshold": self.candidate_threshold}

    def _signature(self, shingle_set: np.ndarray) -> MinHash:
        signature = self._template.copy()
        if len(shingle_set):
            signature.update_batch(shingle_set.tolist())
        return signature

    def _best_group(self, shingle_set: np.ndarray, signature: MinHash,
                    lead_signature: MinHash) -> str | None:
        candidates = set(self._lsh.query(signature)) | set(self._lead_lsh.query(lead_signature))
        best, best_score = None, 0.0
        for candidate in sorted(candidates):
            jaccard, contained = _similarity(shingle_set, self._sets[candidate])
            smaller = min(len(shingle_set), len(self._sets[candidate]))
            linked = jaccard >= self.threshold or (
                smaller >= self.min_shingles and contained >= self.containment)
            score = max(jaccard, contained)
            if linked and score > best_score:
                best, best_score = candidate, score
        return self._groups[best] if best is not None else None


def _similarity(first: np.ndarray, second: np.ndarray) -> tuple[float, float]:
    common = len(np.intersect1d(first, second, assume_unique=True))
    union = len(first) + len(second) - common
    smaller = min(len(first), len(second))
    return (common / union if union else 0.0), (common / smaller if smaller else 0.0)
