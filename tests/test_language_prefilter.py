"""sitrep.language.prefilter: the patterns it leaves out of a text never match it."""

from __future__ import annotations

import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.lexicon import compile_words, load_lexicon
from sitrep.language.prefilter import Prefilter, beginnings

FRAMES = load_lexicon().frames
PATTERNS = [frame.pattern for frame in FRAMES]
FILTER = Prefilter(PATTERNS)


def matching(patterns, text: str) -> set[int]:
    return {index for index, pattern in enumerate(patterns) if pattern.search(text)}


def test_beginnings_of_an_alternation_are_its_first_letters_lower_cased():
    found, word_start = beginnings(compile_words(["Air strikes?", "VX", "shell(?:ed|ing)"]))
    assert found == {"air ", "vx", "shel"}
    assert word_start                         # compile_words opens with (?<![\w-])


def test_optional_and_case_sensitive_parts_are_read():
    found, _ = beginnings(re.compile(r"(?:helicopter )?gunships?|(?-i:accords?)", re.I))
    assert found == {"heli", "guns", "acco"}


def test_a_pattern_that_may_begin_with_any_word_is_always_a_candidate():
    patterns = [re.compile(r"\w+ attacks", re.I), re.compile(r"(?:bomb)?", re.I),
                re.compile(r"\d+ killed"), re.compile("shell")]
    assert beginnings(patterns[0]) == (None, False)
    assert beginnings(patterns[1]) == (None, False)     # matches the empty string anywhere
    prefilter = Prefilter(patterns)
    assert prefilter.candidates("nothing here") == [0, 1, 2]
    assert prefilter.candidates("they shelled it") == [0, 1, 2, 3]


def test_a_word_start_is_required_only_where_the_pattern_says_so():
    anywhere, at_start = re.compile("bomb", re.I), compile_words(["bomb"])
    prefilter = Prefilter([anywhere, at_start])
    assert prefilter.candidates("a carbomb") == [0]
    assert prefilter.candidates("a car-bomb") == [0, 1]   # "-" ends a word for the look-up
    assert prefilter.candidates("BOMB") == [0, 1]


def test_a_look_behind_that_opens_a_pattern_at_a_word_start_stands_for_its_beginning():
    # "(?<=\bair force )killed": a match needs "air force " just before it, so a text without
    # those words leaves the pattern out, and "killed" alone does not make it a candidate
    pattern = compile_words([r"air strikes?", r"(?<=\bair force )(?:then )?(?:killed|hit)"])
    assert beginnings(pattern) == ({"air "}, True)
    prefilter = Prefilter([pattern])
    assert prefilter.candidates("Gunmen killed two men and then fled.") == []
    assert prefilter.candidates("The Air Force then killed the commander.") == [0]
    assert pattern.search("The Air Force then killed the commander.")


def test_other_look_behinds_are_read_past_as_before():
    # not at a word boundary ("Xair force killed" matches), or not where the pattern begins:
    # the words after them are the beginnings
    found, _ = beginnings(compile_words([r"(?<=air force )killed"]))
    assert found == {"kill"}
    found, _ = beginnings(re.compile(r"hit(?<=\bhit) hard", re.I))
    assert found == {"hit "}


def test_letters_that_fold_to_ascii_give_every_pattern():
    # under IGNORECASE "ſ" matches "s" and the Kelvin sign matches "k"
    prefilter = Prefilter([compile_words(["shell"]), compile_words(["kill"])])
    assert PATTERNS[0].flags & re.IGNORECASE
    assert compile_words(["shell"]).search("ſhell")
    assert prefilter.candidates("ſhell") == [0, 1]
    assert prefilter.candidates("\u212aill") == [0, 1]
    assert prefilter.candidates("Şhell — “killed” in Kyiv’s") == [1]


def test_empty_and_short_texts():
    assert FILTER.candidates("") == []
    assert FILTER.candidates("VX") == [i for i, p in enumerate(PATTERNS) if p.search("VX")]
    assert Prefilter([]).candidates("anything") == []


def test_it_pickles_with_the_stage():
    again = pickle.loads(pickle.dumps(FILTER))
    text = "Gunmen abducted two aid workers and shelled the town."
    assert again.candidates(text) == FILTER.candidates(text)


def test_each_gram_of_a_text_is_read_against_the_tables_once(monkeypatch):
    """A gram's patterns are remembered: a text read again, or another text made of the same
    grams, reads nothing more; the memory starts over when it is full."""
    import sitrep.language.prefilter as module

    prefilter = Prefilter(PATTERNS)
    read = []
    opened_by = Prefilter._opened_by

    def counted(self, word_start, gram):
        read.append(gram)
        return opened_by(self, word_start, gram)

    monkeypatch.setattr(Prefilter, "_opened_by", counted)
    text = "Gunmen abducted two aid workers and shelled the town."
    first = prefilter.candidates(text)
    count = len(read)
    assert count > 5 and first == FILTER.candidates(text)
    assert prefilter.candidates(text) == first and len(read) == count
    assert prefilter.candidates(text.upper()) == first and len(read) == count
    monkeypatch.setattr(module, "_MAX_KNOWN", 3)
    for word in ("alpha beta gamma delta", "epsilon zeta eta theta"):
        prefilter.candidates(word)
        assert len(prefilter._known[True]) <= 4
    assert prefilter.candidates(text) == first


SENTENCES = [
    "Militants stormed a police station in Kandahar, killing three officers.",
    "Government forces recaptured the town of Palmyra from Islamic State fighters on Sunday.",
    "Thousands of protesters marched through Harare demanding the president's resignation.",
    "A suicide car bomb exploded outside a military base, wounding 12 soldiers.",
    "Security forces arrested five activists and detained a journalist overnight.",
    "The two sides signed a ceasefire agreement brokered by the United Nations.",
    "AN AIRSTRIKE HIT A MARKET IN IDLIB.",
    "Rebels of the National Liberation Front shelled positions near the airport.",
    "Drone strikes targeted al-Shabaab camps; the U.S. military said 20 were killed.",
    "Gunmen abducted 30 schoolgirls in Zamfara state, police said.",
    "Looters ransacked shops after the riot, and mobs set fire to vehicles.",
    "“They beat us with sticks,” said one resident of the camp.",
    "The minister met the ambassador to discuss aid.",
]


def test_the_shipped_frames_match_exactly_as_without_it():
    for text in SENTENCES:
        assert matching(PATTERNS, text) <= set(FILTER.candidates(text)), text
    # and it does leave most frames out of an ordinary sentence
    assert len(FILTER.candidates(SENTENCES[-1])) < len(PATTERNS) / 2


_PIECES = st.sampled_from(sorted({word for text in SENTENCES for word in re.split(r"\s+", text)}
                                 | {"-", " ", "’", "ſ", "İ", "\n", "air", "strike", "UAV", "vx",
                                    "Air", "force", "then", "killed", "hit", "Xair"}))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30),
       st.sampled_from(["", " ", "-"]))
def test_no_frame_that_matches_is_left_out(pieces, glue):
    text = glue.join(pieces)
    assert matching(PATTERNS, text) <= set(FILTER.candidates(text))


def all_matches(patterns, text: str) -> list[tuple[int, int, int]]:
    return [(index, match.start(), match.end()) for index, pattern in enumerate(patterns)
            for match in pattern.finditer(text)]


def matches_from_starts(prefilter, patterns, text: str) -> list[tuple[int, int, int]]:
    return [(index, match.start(), match.end()) for index, position in prefilter.starts(text)
            for match in patterns[index].finditer(text, position)]


def test_a_scan_from_each_patterns_start_finds_every_match():
    for text in SENTENCES:
        assert matches_from_starts(FILTER, PATTERNS, text) == all_matches(PATTERNS, text), text
        assert [index for index, _ in FILTER.starts(text)] == FILTER.candidates(text)
    # the position is where the first beginning is, a look-behind's words included
    patterns = [re.compile(r"(?<=\bair force )bombed"), re.compile(r"(?<![\w-])shell", re.I)]
    behind = Prefilter(patterns)
    text = "Shelling went on; the air force bombed Idlib, then shelled it again."
    assert behind.starts(text) == [(0, text.index("air force")), (1, 0)]
    assert matches_from_starts(behind, patterns, text) == all_matches(patterns, text)
    assert behind.starts("İ bombed") == [(0, 0), (1, 0)]     # folding letters: every pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30),
       st.sampled_from(["", " ", "-"]))
def test_scans_from_the_starts_find_what_whole_scans_find(pieces, glue):
    text = glue.join(pieces)
    assert matches_from_starts(FILTER, PATTERNS, text) == all_matches(PATTERNS, text)
