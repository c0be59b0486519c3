"""The token-read counter (``python -m sitrep.bench_reads``) and the geocoder's lazily read tags."""

from __future__ import annotations

import pytest

from sitrep.bench_reads import ReadLog, count_reads, counted_tokens, format_log, main
from sitrep.geo.stage import _TagsByStart
from sitrep.model import Report, Token


def _tokens() -> list[Token]:
    # sentence 0 parsed (labels), sentence 1 tagged only, sentence 2 bare (no letters)
    return [Token(0, 6, "Police", 0, "police", "NOUN", "nsubj", 1),
            Token(7, 15, "arrested", 0, "arrest", "VERB", "ROOT", 1),
            Token(16, 19, "him", 0, "he", "PRON", "obj", 1),
            Token(21, 25, "Rain", 1, "rain", "NOUN"),
            Token(26, 30, "fell", 1, "fall", "VERB"),
            Token(32, 34, "42", 2)]


class _Segment:
    name = "segment"

    def __call__(self, report: Report) -> Report:
        report.tokens = _tokens()
        return report


class _Reader:
    name = "read_things"

    def __call__(self, report: Report) -> Report:
        self.seen = [token.pos for token in report.tokens]           # every tag once
        self.first_dep = report.tokens[0].dep                         # one label, parsed
        self.text = [token.text for token in report.tokens]           # not an analysis field
        return report


class _Pipeline:
    def __init__(self, stages) -> None:
        self.stages = stages

    def __call__(self, report: Report) -> Report:
        for stage in self.stages:
            report = stage(report)
        return report


def test_counted_tokens_keep_their_values_and_class_their_sentences():
    log = ReadLog()
    copies = counted_tokens(_tokens(), log)
    assert [(t.cstart, t.cend, t.text, t.sent, t.lemma, t.pos, t.dep, t.head) for t in copies] == \
        [(t.cstart, t.cend, t.text, t.sent, t.lemma, t.pos, t.dep, t.head) for t in _tokens()]
    assert not log.reads                       # no stage running: nothing is put down
    log.stage = "x"
    copies[0].lemma, copies[3].pos, copies[3].pos, copies[5].head
    assert log.reads == {("x", "lemma", "parsed"): 1, ("x", "pos", "tagged"): 2,
                         ("x", "head", "bare"): 1}
    assert log.tokens[("x", "pos", "tagged")] == {(0, 21)}
    # the line that read, for reads outside parsed sentences only
    assert all("test_bench_reads.py:" in where for _, _, where in log.sites)
    assert sum(log.sites.values()) == 3


def test_count_reads_puts_each_read_down_to_its_stage():
    reader = _Reader()
    log = count_reads(_Pipeline([_Segment(), reader]), [Report(id="a", raw="x"),
                                                        Report(id="b", raw="y")])
    assert reader.seen == ["NOUN", "VERB", "PRON", "NOUN", "VERB", ""]
    assert log.totals == {"documents": 2, "sentences": 0, "parsed sentences": 2,
                          "tagged sentences": 2, "bare sentences": 2, "tokens": 12,
                          "tokens in parsed sentences": 6, "tokens in tagged sentences": 4,
                          "tokens in bare sentences": 2}
    assert log.reads[("read_things", "pos", "parsed")] == 6
    assert log.reads[("read_things", "pos", "tagged")] == 4
    assert log.reads[("read_things", "pos", "bare")] == 2
    assert log.reads[("read_things", "dep", "parsed")] == 2
    assert ("read_things", "dep", "tagged") not in log.reads
    assert not any(name == "text" for _, name, _ in log.reads)
    assert len(log.sentences[("read_things", "pos", "tagged")]) == 2    # one per document
    report = format_log(log)
    assert "read_things" in report and "reads outside parsed sentences" in report


def test_the_names_sitrep_run_reads_are_counted_after_the_stages():
    """A report with events is read once more as ``sitrep run`` packs it: the person names
    of the cross-report merge, from the tags of every sentence."""
    from sitrep.bench_reads import STORE_STEP
    from sitrep.model import Event, Span

    class _Events:
        name = "detect_events"

        def __call__(self, report: Report) -> Report:
            report.text = report.raw
            report.events = [Event("Violence against civilians", "Attack", "ASSAULT",
                                   evidence=(Span(0, 19, report.raw[:19]),))]
            return report

    log = count_reads(_Pipeline([_Segment(), _Events()]),
                      [Report(id="a", raw="Police arrested him. Rain fell. 42")])
    assert log.reads[(STORE_STEP, "pos", "parsed")] == 3
    assert log.reads[(STORE_STEP, "pos", "tagged")] == 2
    assert not any(stage == "detect_events" for stage, _, _ in log.reads)
    quiet = count_reads(_Pipeline([_Segment(), _Events()]),
                        [Report(id="a", raw="Police arrested him. Rain fell. 42")],
                        store_step=False)
    assert not quiet.reads


def test_main_refuses_bad_arguments(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "absent.jsonl")])
    assert "no such file" in capsys.readouterr().err
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": "Rain fell."}\n')
    with pytest.raises(SystemExit):
        main([str(path), "--limit", "0"])


def test_geocoder_tags_are_the_tokens_tags_read_when_asked():
    tokens = _tokens()
    tags = _TagsByStart(tokens)
    eager = {t.cstart: t.pos for t in tokens if t.pos}
    assert tags
    for start in [0, 7, 16, 21, 26, 32, 5, 99]:
        assert tags.get(start) == eager.get(start)
    untagged = [Token(0, 4, "Rain", 0), Token(5, 9, "fell", 0)]
    assert not _TagsByStart(untagged)
    assert not _TagsByStart([])


def test_inputs_that_cannot_be_read_are_counted_as_rejections(tmp_path, capsys):
    """Empty, binary and malformed inputs are documents sitrep rejects: the tool says so,
    with the reason codes, and counts no reads for them."""
    cases = {"empty.jsonl": b"", "binary.jsonl": bytes(range(256)) * 8,
             "malformed.jsonl": b'{"text": "unclosed\n'}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert main([str(path), "--limit", "5"]) == 0
        first = capsys.readouterr().out.splitlines()[0]
        assert "rejected:" in first, (name, first)
        assert first.endswith(
            "0 sentences (parsed 0, tagged only 0, bare 0), 0 tokens (in them 0, 0, 0)")
