"""Near-duplicate and syndicated reports, grouped across the corpus.

    index = NearDuplicateIndex()
    index.add("reuters-1", text)   -> "reuters-1"   (a new group: its own id)
    index.add("yahoo-7", copy)     -> "reuters-1"   (a copy: the id of its group's first report)
    index.group_of("yahoo-7")      -> "reuters-1"
    data = index.to_bytes(); NearDuplicateIndex.from_bytes(data)   (state kept in the store)

How. Each text becomes a set of word shingles (``shingle_size`` consecutive words, case-folded;
punctuation and spacing ignored), hashed to 32 bits. Candidates come from two MinHash LSH
indexes (datasketch): one over the whole text, one over its lead (the first ``lead_shingles``
shingles), because wire copies are cut at the end far more often than at the start and a
truncated copy shares the original's lead even when it shares little of its body. Each candidate
is then verified exactly on the shingle sets (after a cheap bound on what two sets can share,
their profiles, has ruled out those that cannot be linked); two reports are linked when

- their Jaccard similarity is >= ``threshold`` (0.5), or
- the smaller is contained in the larger (share of its shingles) >= ``containment`` (0.8), has
  at least ``min_shingles`` shingles (a one-liner is contained in many reports), and the two
  leads are alike (the shorter lead contained in the other >= ``lead_threshold``, 0.5): a
  truncated copy starts where its original starts, whereas a round-up that quotes a report in
  its middle does not.

Why 0.5 and containment: measured on edited and truncated copies, the usual 0.8 Jaccard cut-off
finds only 0-70 % of copies while about 0.5 plus containment finds 79-100 % with no false links
(issue 3). Our own measurement agrees (``python -m sitrep.clean.measure``: 1,399 documents in ten
corpora generated from the hand-written reports in tests/fixtures/ingest_corpus — syndicated,
edited, truncated, re-headed and reordered copies, unrelated reports on the same places and
kinds of event, news round-ups — 2,765 true pairs; pairwise precision / recall; floors pinned in
tests/test_merge_measure.py):

    Jaccard 0.8 alone            1.000 / 0.397
    Jaccard 0.5 alone            0.999 / 0.810
    Jaccard 0.8 + containment    0.982 / 0.963
    Jaccard 0.6 + containment    0.983 / 0.978
    Jaccard 0.5 + containment    0.982 / 0.991   <- the defaults
    Jaccard 0.4 + containment    0.981 / 0.997

0.4 finds a few more copies here, but these corpora hold few distinct stories told in the same
words; 0.5 is the cut-off measured elsewhere with no false links, kept until a larger set says
otherwise. The false links are round-ups quoting a story's lead (which its truncated copies
share); the misses are truncated copies that arrive when two groups of the same story exist
(containment joins one group only, see below). ``num_perm`` 64 gives the same figures as 128
at 60 % of the cost (0.27 against 0.45 ms per report).

Groups. A new report joins the groups of the reports it is similar to (Jaccard); when it is
similar to reports of two groups (an edited and a re-headed copy of one story arrived before
the original), they are merged and keep the id of the older one. A containment link alone
joins the single best containing (or contained) report's group but never merges groups: a news
round-up that quotes the lead of a story contains that story's truncated copies as fully as the
story does, and must not glue stories together. ``add`` returns the group at that moment; ``group_of`` always
answers with the current (merged) group. A report with nearly the same text as one already
indexed (Jaccard >= 0.97) joins its group without being indexed itself: it would add nothing
but one more candidate to every later query.

The state is serialised with pickle: it is trusted data written by sitrep itself into the
store, never read from an input.
"""

from __future__ import annotations

import pickle
import re
import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["NearDuplicateIndex", "shingles", "shingle_hashes"]

_WORD = re.compile(r"\w+")
_FORMAT = 2  # version of the serialised state
# Jaccard similarity from which a copy is "the same text" and is not indexed itself.
_SAME_TEXT = 0.97


def shingle_hashes(text: str, size: int = 3) -> np.ndarray:
    """32-bit hashes (CRC-32 of the UTF-8, ``uint32``) of the ``size``-word shingles of
    ``text``, in text order (with repeats); a text of fewer words is one shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        grams = [" ".join(words)] if words else []
    else:  # zip and map iterate in C: no Python loop per shingle
        grams = map(" ".join, zip(*(words[i:] for i in range(size))))
    return np.fromiter(map(zlib.crc32, map(str.encode, grams)), dtype=np.uint32)


def shingles(text: str, size: int = 3) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the ``size``-word shingles of ``text``."""
    return np.unique(shingle_hashes(text, size))


def _identity(value: int) -> int:
    return value


class NearDuplicateIndex:
    """Groups reports whose texts are near-duplicates or truncated copies of each other."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 64, *, containment: float = 0.8,
                 lead_threshold: float = 0.5, shingle_size: int = 3, lead_shingles: int = 20,
                 min_shingles: int = 12, candidate_threshold: float | None = None) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.containment = containment
        self.lead_threshold = lead_threshold
        self.shingle_size = shingle_size
        self.lead_shingles = lead_shingles
        self.min_shingles = min_shingles
        # LSH recalls pairs above its own threshold only probabilistically: search a little
        # below the verification thresholds so that pairs right at them are not missed.
        self.candidate_threshold = candidate_threshold or max(
            0.1, min(threshold, lead_threshold) - 0.1)
        # imported here, not with the module: datasketch imports scipy.integrate (~0.4 s of CPU),
        # and every `sitrep extract` imports this package (time/date_events.py reads its name
        # helpers) without ever building an index
        from datasketch import MinHash, MinHashLSH
        self._lsh = MinHashLSH(threshold=self.candidate_threshold, num_perm=num_perm)
        # leads are short (20 shingles): a copy cut to 12 shingles has a lead Jaccard of 0.6
        self._lead_lsh = MinHashLSH(threshold=max(0.1, self.candidate_threshold - 0.2),
                                    num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, hashfunc=_identity)
        self._sets: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # indexed: (all, lead)
        # each indexed set's profile (see _profile), a row of a matrix that grows as reports are
        # indexed; made from ``_sets`` when first needed (a restored index has none)
        self._profiles = np.zeros((0, PROFILE_BUCKETS), dtype=np.uint8)
        self._profile_rows: dict[str, int] = {}
        self._sizes = np.zeros(0, dtype=np.int64)  # the size of each row's set
        self._groups: dict[str, str] = {}  # report -> group it was given
        self._parent: dict[str, str] = {}  # group -> the group it was merged into
        self._order: dict[str, int] = {}  # group -> when it was created (older wins a merge)

    # -- the API the store calls -----------------------------------------------------------
    def add(self, report_id: str, text: str) -> str:
        """Index ``text`` as ``report_id``; returns its group id (its own id when it is new).

        Adding an id again returns its current group and changes nothing.
        """
        if report_id in self._groups:
            return self.group_of(report_id)
        hashes = shingle_hashes(text, self.shingle_size)
        if not len(hashes):
            return self._new_group(report_id)
        shingle_set, lead_set = np.unique(hashes), np.unique(hashes[:self.lead_shingles])
        signature, lead_signature = self._signature(shingle_set), self._signature(lead_set)
        similar, contained, best_jaccard = self._links(shingle_set, lead_set, signature,
                                                       lead_signature)
        if similar:
            groups = sorted({self._find(self._groups[other]) for other in similar},
                            key=self._order.__getitem__)
            group = groups[0]
            for other in groups[1:]:
                self._parent[other] = group
            self._groups[report_id] = group
        elif contained:
            group = self._find(self._groups[contained])
            self._groups[report_id] = group
        else:
            group = self._new_group(report_id)
        if best_jaccard < _SAME_TEXT:
            self._sets[report_id] = (shingle_set, lead_set)
            self._lsh.insert(report_id, signature)
            self._lead_lsh.insert(report_id, lead_signature)
            self._profile_row(report_id)
        return group

    def group_of(self, report_id: str) -> str:
        """The current group id of an added report (KeyError for an unknown id)."""
        return self._find(self._groups[report_id])

    def to_bytes(self) -> bytes:
        state = {"format": _FORMAT, "options": self._options(), "lsh": self._lsh,
                 "lead_lsh": self._lead_lsh, "sets": self._sets, "groups": self._groups,
                 "parent": self._parent, "order": self._order}
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
        index._parent, index._order = state["parent"], state["order"]
        return index

    # -- inspection ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._groups)

    def groups(self) -> dict[str, list[str]]:
        """Group id -> member ids, in the order they were added."""
        members: dict[str, list[str]] = {}
        for report_id in self._groups:
            members.setdefault(self.group_of(report_id), []).append(report_id)
        return members

    def similarity(self, first: str, second: str) -> tuple[float, float]:
        """(Jaccard, containment of the smaller in the larger) of two indexed reports."""
        return _similarity(self._sets[first][0], self._sets[second][0])

    # -- internals -----------------------------------------------------------------------------
    def _options(self) -> dict:
        return {"threshold": self.threshold, "num_perm": self.num_perm,
                "containment": self.containment, "lead_threshold": self.lead_threshold,
                "shingle_size": self.shingle_size, "lead_shingles": self.lead_shingles,
                "min_shingles": self.min_shingles,
                "candidate_threshold": self.candidate_threshold}

    def _new_group(self, report_id: str) -> str:
        self._groups[report_id] = report_id
        self._order[report_id] = len(self._order)
        return report_id

    def _find(self, group: str) -> str:
        root = group
        while root in self._parent:
            root = self._parent[root]
        while group != root:  # path compression
            self._parent[group], group = root, self._parent[group]
        return root

    def _signature(self, shingle_set: np.ndarray) -> MinHash:
        template = self._template
        if template.scheme != "affine32" or not len(shingle_set):
            signature = template.copy()
            if len(shingle_set):
                signature.update_batch(shingle_set.tolist())
            return signature
        # what update_batch computes for the affine32 scheme (murmur3-finalised value, then
        # a * value + b mod 2^32 per permutation, the minimum over the set) in one numpy
        # expression: update_batch calls the hash function once per shingle in Python, 40 % of
        # the cost of a signature. tests/test_merge_near_duplicates.py checks both agree.
        permute_a, permute_b = template.permutations
        values = (_murmur_finalise(shingle_set)[:, None] * permute_a + permute_b).min(axis=0)
        return type(template)(seed=template.seed, hashfunc=_identity, hashvalues=values,
                       permutations=template.permutations, scheme=template.scheme)

    def _links(self, shingle_set: np.ndarray, lead_set: np.ndarray, signature: MinHash,
               lead_signature: MinHash) -> tuple[list[str], str | None, float]:
        """Among the LSH candidates: those similar by Jaccard, the one that best contains (or is
        contained in) the new text, and the best Jaccard similarity."""
        candidates = set(self._lsh.query(signature)) | set(self._lead_lsh.query(lead_signature))
        similar, best, best_containment, contained_in = [], 0.0, 0.0, None
        for candidate in self._possible(shingle_set, sorted(candidates)):
            other_set, other_lead = self._sets[candidate]
            jaccard, containment = _similarity(shingle_set, other_set)
            best = max(best, jaccard)
            if jaccard >= self.threshold:
                similar.append(candidate)
            elif (containment >= self.containment and containment > best_containment
                  and min(len(shingle_set), len(other_set)) >= self.min_shingles
                  and _similarity(lead_set, other_lead)[1] >= self.lead_threshold):
                best_containment, contained_in = containment, candidate
        return similar, contained_in, best


    def _possible(self, shingle_set: np.ndarray, candidates: list[str]) -> list[str]:
        """The candidates (in their order) whose profile leaves room for a Jaccard similarity of
        ``threshold`` or a containment of ``containment``: the others cannot be linked, and
        their Jaccard is below ``threshold`` (< _SAME_TEXT), so leaving them out changes
        nothing. On the generated corpus most candidates share only a lead sentence (its leads
        come from a small pool; 375 a report at 16,000 reports), and verifying each exactly cost
        3.4 ms a report at 20,000; the profiles let about 2 % of them through."""
        profile = _profile(shingle_set)
        if not candidates or profile is None:
            return candidates
        row_of = self._profile_rows.get
        rows = [row_of(candidate) for candidate in candidates]
        if None in rows:  # (a restored index) made now, which may grow the matrix
            rows = [self._profile_row(candidate) for candidate in candidates]
        profiles, sizes = self._profiles[rows], self._sizes[rows]
        smaller = np.minimum(sizes, len(shingle_set))
        # shared shingles: at most the smaller count in each bucket (any number for a huge text)
        shared = np.minimum(profiles, profile).sum(axis=1, dtype=np.int64)
        shared = np.where(profiles[:, 0] == _HUGE, smaller, np.minimum(shared, smaller))
        # the largest Jaccard and containment those counts allow (both grow with the count)
        jaccard = shared / (len(shingle_set) + sizes - shared)
        containment = shared / smaller
        keep = ((jaccard >= min(self.threshold, _SAME_TEXT))
                | (containment >= self.containment))
        return [candidate for candidate, kept in zip(candidates, keep.tolist()) if kept]

    def _profile_row(self, report_id: str) -> int:
        row = self._profile_rows.get(report_id)
        if row is None:
            row = len(self._profile_rows)
            if row == len(self._profiles):  # grow by half (amortised copies)
                size = max(1024, row + row // 2)
                self._profiles = np.resize(self._profiles, (size, PROFILE_BUCKETS))
                self._sizes = np.resize(self._sizes, size)
            shingle_set = self._sets[report_id][0]
            profile = _profile(shingle_set)
            self._profiles[row] = _HUGE if profile is None else profile
            self._sizes[row] = len(shingle_set)
            self._profile_rows[report_id] = row
        return row


# A set's profile: how many of its shingles fall in each of PROFILE_BUCKETS buckets (by the
# lowest bits of their hashes). Two sets share at most, in each bucket, the smaller of their
# two counts: summed, a bound on their common shingles that costs one vector operation, where
# counting them exactly costs a sort. 256 buckets of about a report's size (~300 shingles) let
# through 1.7 % of the generated corpus's candidates (none that the exact count links), 1,024
# buckets 0.1 %, at four times the memory (256 bytes a report).
PROFILE_BUCKETS = 256
# The profile of a text with this many shingles in a bucket (tens of thousands of words) is
# marked by it in every bucket: it bounds nothing.
_HUGE = np.iinfo(np.uint8).max


def _profile(shingle_set: np.ndarray) -> np.ndarray | None:
    """The set's profile (None for a huge text)."""
    counts = np.bincount(shingle_set & (PROFILE_BUCKETS - 1), minlength=PROFILE_BUCKETS)
    if counts.max(initial=0) >= _HUGE:
        return None
    return counts.astype(np.uint8)


def _similarity(first: np.ndarray, second: np.ndarray) -> tuple[float, float]:
    common = len(np.intersect1d(first, second, assume_unique=True))
    union = len(first) + len(second) - common
    smaller = min(len(first), len(second))
    return (common / union if union else 0.0), (common / smaller if smaller else 0.0)


def _murmur_finalise(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (fmix32) of each value, as datasketch's affine32 scheme
    applies it before permuting."""
    values = values.astype(np.uint32)
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))
