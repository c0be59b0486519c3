"""The project's own spaCy pipeline: present, loads offline, tags and parses segmented tokens."""

from __future__ import annotations

import pytest

from sitrep.language import check
from sitrep.language.parse import MODEL_DIR
from sitrep.language.segment import Segment
from sitrep.model import Report

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
