"""The project's own spaCy pipeline: present, loads offline, tags and parses segmented tokens."""

from __future__ import annotations

import pytest

from sitrep.language import check
from sitrep.language.parse import MODEL_DIR
from sitrep.language.segment import Segment
from sitrep.model import Report, Token

needs_model = pytest.mark.skipif(not MODEL_DIR.is_dir(), reason="run `make models` first")


def test_check_reports_the_model():
    ok, message = check()
    assert ok == MODEL_DIR.is_dir()
    assert ("make models" in message) != ok


@needs_model
def test_parse_fills_tags_lemmas_and_heads_within_sentences():
    text = "IS fighters seized the city on Sunday. Russian troops fled. 12 34 56"
    report = Segment(parse=True)(Report("t", text))
    first = [t for t in report.tokens if t.sent == 0]
    assert first[0].pos in ("PROPN", "NOUN") and first[0].lemma == "IS"   # never the verb
    assert [t.pos for t in first][1:3] == ["NOUN", "VERB"]
    assert first[2].lemma == "seize" and first[2].dep == "ROOT"
    assert first[1].dep == "nsubj" and first[1].head == 2
    for index, token in enumerate(report.tokens):
        if token.pos:
            assert report.tokens[token.head].sent == token.sent
    assert all(t.pos == "" for t in report.tokens if t.sent == 2)   # no letters: not parsed
    assert report.sentences[2].reason.startswith("no letters")


@needs_model
def test_parsed_stage_pickles():
    import pickle

    stage = pickle.loads(pickle.dumps(Segment(parse=True)))
    assert stage(Report("t", "Police arrested two men.")).tokens[1].pos == "VERB"


@needs_model
def test_parsed_run_on_and_table_stay_bounded():
    """A 20,000-word run-on sentence and a 2,000-row table cost about ten times their tenth.

    A ratio of this process's CPU seconds, not a wall-clock limit: other processes on a loaded
    machine do not enter it (wall time did, and failed it now and then), and quadratic work (100x)
    fails it.
    """
    import time

    segment = Segment(parse=True)
    segment(Report("warm", "fighters attacked the village."))

    def seconds(repeat: int) -> float:
        run_on = " ".join(["fighters attacked the village and"] * (400 * repeat))
        table = " | ".join(f"{n} | {n * 3} | Aleppo | x{n}" for n in range(200 * repeat))
        started = time.process_time()
        for text in (run_on, table, "Москва 北京 العربية نص"):
            report = segment(Report("t", text))
            assert all(report.tokens[t.head].sent == t.sent for t in report.tokens if t.pos)
        return time.process_time() - started

    small, large = seconds(1), seconds(10)
    assert large < 30 * max(small, 0.05), (small, large)


@needs_model
def test_dependencies_only_for_the_chosen_sentences():
    """Tags and lemmas everywhere; dep and head only in the sentences asked for, and those the
    same as when every sentence is parsed."""
    text = ("The council met on Monday to discuss the budget. Gunmen stormed the market. "
            "Residents said the roads were quiet.")
    segment = Segment(parse=True)
    everything = segment(Report("t", text)).tokens
    segment._cues = [lambda sentence: "stormed" in sentence]
    chosen = segment(Report("t", text)).tokens
    assert [(t.pos, t.lemma) for t in chosen] == [(t.pos, t.lemma) for t in everything]
    assert all(t.pos for t in chosen)
    for mine, full in zip(chosen, everything):
        if mine.sent == 1:
            assert (mine.dep, mine.head) == (full.dep, full.head) and mine.dep
        else:
            assert (mine.dep, mine.head) == ("", -1)


@needs_model
def test_a_pipeline_parses_the_sentences_its_later_stages_read():
    from sitrep.config import load_config
    from sitrep.pipeline import Pipeline

    text = ("The weather was cold on Monday. Gunmen stormed the market. "
            "The Tigers, a local group, fought the army.")

    def deps(stages: list[str]) -> list[bool]:
        pipeline = Pipeline(load_config(overrides={"pipeline": {"stages": stages}}))
        report = pipeline(Report("t", text))
        return [any(t.dep for t in report.tokens if t.sent == n) for n in range(3)]

    # alone, segment parses every sentence: its parse is what is asked for
    assert deps(["clean", "segment"]) == [True, True, True]
    # find_actors reads the subjects of violent verbs: "stormed", "fought"
    assert deps(["clean", "segment", "find_actors"]) == [False, True, True]
    # detect_events reads the sentences that may hold a trigger ("stormed", "fought")
    assert deps(["clean", "segment", "detect_events"]) == [False, True, True]
    # nothing later reads a dependency: none is computed
    assert deps(["clean", "segment", "find_quantities"]) == [False, False, False]


@needs_model
def test_a_plugin_stage_that_does_not_say_gets_every_sentence_parsed():
    from sitrep.language.segment import Segment as Stage

    class Plugin:                                        # from outside sitrep, says nothing
        def __call__(self, report):
            return report

    Plugin.__module__ = "someone_elses.stages"
    segment = Stage(parse=True)
    segment.link([Plugin()])
    report = segment(Report("t", "The council met on Monday. It rained."))
    assert all(t.dep for t in report.tokens)


@needs_model
def test_the_vocabulary_of_a_long_run_stays_bounded(monkeypatch):
    """Every report brings new names; spaCy kept them all. A memory zone closed every few
    reports frees them, and the analyses are the same as with one zone for the whole run."""
    import sitrep.language.parse as parse

    texts = [f"Gunmen from Varkesh{n} attacked Tolbridge{n} and fled towards Qamsil{n}. "
             f"Officer Brannigan{n} said {n} people were wounded." for n in range(40)]

    def run(zone_reports: int) -> tuple[list, list[int]]:
        monkeypatch.setattr(parse, "_ZONE_REPORTS", zone_reports)
        segment = Segment(parse=True)
        strings = segment._parser.nlp.vocab.strings
        analyses, sizes = [], []
        for text in texts:
            analyses.append(segment(Report("t", text)).tokens)
            sizes.append(len(strings))
        return analyses, sizes

    bounded, bounded_sizes = run(5)
    unbounded, unbounded_sizes = run(10_000)
    assert bounded == unbounded
    growth = unbounded_sizes[-1] - unbounded_sizes[9]
    assert growth >= 30 * 4                                         # four new names a report
    # freed every 5 reports (a few strings stay: a word shape first seen, "Xxxxxdd")
    assert max(bounded_sizes[10:]) - max(bounded_sizes[:10]) < growth / 20


def test_a_proper_noun_keeps_its_text_whatever_the_lemmatizer_predicts():
    """What lets the parse skip the lemmatizer for proper nouns: spaCy's rules give a proper
    noun its text or its text in lower case, and ``_lemma`` keeps the text for either."""
    from sitrep.language.parse import _lemma

    for word in ("Reed", "ISIS", "Deeds", "Boko", "al-Shabaab", "Kano's", "Needs"):
        for predicted in (word, word.lower()):
            for first in (True, False):
                assert _lemma(word, "PROPN", predicted, first) == word
                assert _lemma(word, "PROPN", predicted, first, possessive=True) == word


@needs_model
def test_proper_nouns_are_not_sent_to_the_lemmatizer():
    segment = Segment(parse=True)
    parser = segment._parser
    asked = []
    lemma_of = parser._lemma_of
    parser._lemma_of = lambda doc, position, text, pos, morph: (
        asked.append(doc[position].pos_) or lemma_of(doc, position, text, pos, morph))
    report = segment(Report("t", "Zandrik Vollmer and Oskana Threlby met Brannigan in Varkesh."))
    names = [t for t in report.tokens if t.pos == "PROPN"]
    assert len(names) >= 4 and all(t.lemma == t.text for t in names)
    assert asked and "PROPN" not in asked


@needs_model
def test_each_token_is_made_once(monkeypatch):
    """The segmenter hands the parser plain tuples; every token, parsed or not (a sentence
    without letters), becomes one Token, made once (making each twice was ~3 % of the time)."""
    from sitrep.language import parse

    made = []
    make = parse.make_token

    def counted(*args):
        made.append(args[:2])
        return make(*args)

    monkeypatch.setattr(parse, "make_token", counted)
    report = Segment(parse=True)(Report("t", "Troops shelled Idlib on Monday. 12 34 56"))
    assert len(made) == len(report.tokens) == 9
    assert [t.text for t in report.tokens] == "Troops shelled Idlib on Monday . 12 34 56".split()
    assert report.tokens[1].lemma == "shell" and report.tokens[6].pos == ""


def test_make_token_equals_the_dataclass_constructor():
    import dataclasses

    from sitrep.language.parse import make_token

    made = make_token(3, 9, "troops", 1, "troop", "NOUN", "nsubj", 4)
    built = Token(3, 9, "troops", 1, "troop", "NOUN", "nsubj", 4)
    assert made == built and hash(made) == hash(built) and type(made) is Token
    assert make_token(0, 2, "He", 0) == Token(0, 2, "He", 0)        # the defaults
    assert made.to_dict() == built.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.lemma = "troops"                                       # still frozen
