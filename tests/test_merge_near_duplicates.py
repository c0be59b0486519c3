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


def _story(words: list[str], rng, length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)) + "."


def test_candidates_that_share_only_a_lead_are_not_compared_word_for_word(monkeypatch):
    """Reports that open with the same sentence (a wire lead every outlet reuses) are found by
    the lead's LSH index, but a profile of their shingles shows they share too little of the
    rest to be linked: they are not compared exactly, and a truncated copy still is."""
    import random

    from sitrep.merge import near_duplicates

    rng = random.Random(5)
    vocabulary = [f"w{number}" for number in range(3000)]
    lead = ("Gunmen attacked a police checkpoint on the main road outside the town early on "
            "Sunday morning, officials said. ")
    index = NearDuplicateIndex()
    for number in range(40):
        index.add(f"r{number}", lead + _story(vocabulary, rng, 250))
    compared = []
    exact = near_duplicates._similarity

    def counted(first, second):
        compared.append(min(len(first), len(second)))
        return exact(first, second)

    monkeypatch.setattr(near_duplicates, "_similarity", counted)
    body = _story(vocabulary, rng, 250)
    assert index.add("new", lead + body) == "new"
    assert compared == []  # without the profiles: 40 exact comparisons
    assert index.add("cut", (lead + body)[:900]) == "new"
    assert compared  # the copy is verified exactly


def test_profiles_leave_out_nothing_the_exact_comparison_would_link(monkeypatch):
    """Copies, truncations and edits of stories that share leads and words group exactly as
    they do when every LSH candidate is compared exactly; a restored index and a huge text (a
    profile that bounds nothing) too."""
    import random

    from sitrep.merge import near_duplicates

    rng = random.Random(11)
    vocabulary = [f"w{number}" for number in range(400)]
    leads = [_story(vocabulary, rng, 25) for _ in range(3)]
    texts = []
    for number in range(60):
        text = rng.choice(leads) + " " + _story(vocabulary, rng, rng.randint(20, 300))
        texts.append(text)
        kind = rng.randrange(3)
        if kind == 0:
            texts.append(text[:rng.randint(len(text) // 2, len(text))])
        elif kind == 1:
            words = text.split()
            words[rng.randrange(len(words))] = "edited"
            texts.append(" ".join(words))
    huge = _story(vocabulary, rng, 70_000)
    texts += [huge, huge[:len(huge) * 9 // 10]]

    def grouped(exhaustive: bool) -> list[str]:
        if exhaustive:
            monkeypatch.setattr(NearDuplicateIndex, "_possible",
                                lambda self, shingle_set, candidates: candidates)
        index, groups = NearDuplicateIndex(), []
        for number, text in enumerate(texts):
            if number == len(texts) // 2:
                index = NearDuplicateIndex.from_bytes(index.to_bytes())
            groups.append(index.add(f"t{number}", text))
        monkeypatch.undo()
        return groups

    pruned = grouped(False)
    assert pruned == grouped(True)
    assert pruned[-1] == pruned[-2] != f"t{len(texts) - 1}"  # the huge copy joined
    assert len(set(pruned)) < len(texts) - 20
    assert near_duplicates._profile(near_duplicates.shingles(huge)) is None


def test_importing_the_package_leaves_datasketch_unloaded():
    # every `sitrep extract` imports sitrep.merge (its name helpers); datasketch pulls in scipy
    import subprocess
    import sys

    probe = "import sitrep.merge, sys; print('datasketch' in sys.modules, 'scipy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
