"""Near-duplicate grouping: copies, truncations and edits grouped; unrelated reports apart."""

from __future__ import annotations

from sitrep.merge import NearDuplicateIndex

BODY = (
    "Government forces recaptured the village of Kafr Nabudah in northern Hama on Tuesday after "
    "three days of fighting with rebel groups, a war monitor said. At least twelve fighters were "
    "killed in the clashes and dozens were wounded, according to the Syrian Observatory for Human "
    "Rights. Rebels had seized the village last week in a surprise offensive backed by tanks. "
    "Russian warplanes carried out more than forty air strikes on the area overnight, residents "
    "said, and thousands of civilians fled north towards the Turkish border."
)
OTHER = (
    "Police in Nairobi fired tear gas at hundreds of protesters who marched on parliament on "
    "Thursday against a new finance bill, witnesses said. Several people were arrested and shops "
    "in the city centre stayed closed. The opposition has called for more demonstrations next week."
)


def test_copies_truncations_and_edits_join_the_first_reports_group():
    index = NearDuplicateIndex()
    assert index.add("orig", BODY) == "orig"
    assert index.add("other", OTHER) == "other"
    assert index.add("copy", "HAMA, Syria (Reuters) - " + BODY) == "orig"
    assert index.add("truncated", BODY[:260]) == "orig"
    edited = BODY.replace("twelve", "14").replace("Tuesday", "Wednesday").replace(
        "thousands of civilians", "many families")
    assert index.add("edited", edited) == "orig"
    assert index.group_of("truncated") == "orig"
    assert index.groups() == {"orig": ["orig", "copy", "truncated", "edited"], "other": ["other"]}


def test_short_texts_do_not_join_by_containment():
    index = NearDuplicateIndex()
    index.add("orig", BODY)
    assert index.add("short", "Government forces recaptured the village") == "short"


def test_state_round_trips_and_later_runs_join_stored_groups():
    index = NearDuplicateIndex(threshold=0.5, num_perm=64)
    index.add("orig", BODY)
    index.add("other", OTHER)
    restored = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert restored.group_of("other") == "other"
    assert restored.add("later-copy", BODY.upper()) == "orig"
    assert restored.add("orig", OTHER) == "orig"  # an id already added keeps its group
    assert restored.num_perm == 64


def test_empty_text_is_its_own_group():
    index = NearDuplicateIndex()
    assert index.add("e", "") == "e"
    assert index.add("f", "...") == "f"


def test_signatures_are_what_datasketch_computes():
    """The index builds MinHash signatures with numpy (datasketch's update_batch hashes each
    shingle in Python): they must be the very values update_batch gives."""
    import numpy as np

    from sitrep.merge.near_duplicates import shingle_hashes, shingles

    index = NearDuplicateIndex()
    rng = np.random.default_rng(3)
    for size in (1, 5, 300):
        values = np.unique(rng.integers(0, 2**32, size, dtype=np.uint64).astype(np.uint32))
        expected = index._template.copy()
        expected.update_batch(values.tolist())
        assert np.array_equal(index._signature(values).hashvalues, expected.hashvalues)
    text = "Police arrested 12 protesters in Nairobi on Monday, officials said."
    assert shingle_hashes(text).dtype == np.uint32 and len(shingle_hashes(text)) == 8  # 10 words
    assert len(shingle_hashes("two words")) == 1 and len(shingle_hashes("")) == 0
    assert list(shingles("a b c a b c")) == sorted(set(shingle_hashes("a b c a b c").tolist()))
