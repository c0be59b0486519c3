"""`sitrep eval events` on tiny hand-made gold files (no ../shared needed)."""

from __future__ import annotations

import json

from sitrep.cli.main import main
from sitrep.eval.events import snippet_label
from sitrep.model import Event


def test_case_scores_printed(tmp_path, capsys):
    gold = tmp_path / "dev.tsv"
    gold.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tGovernment warplanes bombed rebel positions near the town.\tAIR_STRIKE\n"
        "2\tA suicide bomber blew himself up at a checkpoint, killing five soldiers.\tSUIC_BOMB\n"
        "3\tThousands of students marched peacefully to demand reforms.\tPEACE_PROTEST\n"
        "4\tA strong earthquake killed eight people and damaged buildings.\tNATURAL_DISASTER\n",
        encoding="utf-8")
    assert main(["eval", "events", "--case", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "weighted F1 1.000" in out and "over 3 ACLED snippets" in out
    assert "non-ACLED snippets with no ACLED event: 1/1" in out
    assert "Air/drone strike" in out


def test_plover_scores_printed(tmp_path, capsys):
    gold = tmp_path / "plover.json"
    gold.write_text(json.dumps([
        {"id": "x1", "event": "DEMAND", "text": "Greece demanded that its partners refuse recognition.",
         "source": [{"actorText": "Greece"}], "target": ""},
    ]), encoding="utf-8")
    assert main(["eval", "events", "--plover", str(gold)]) == 0
    assert "PLOVER type accuracy" in capsys.readouterr().out


def test_unreadable_gold_is_a_usage_error(tmp_path):
    assert main(["eval", "events", "--case", str(tmp_path / "missing.tsv")]) == 2


def test_snippet_label_takes_the_most_confident_asserted_event():
    def event(sub, confidence, modality="asserted"):
        return Event("Battles", sub, "ASSAULT", modality=modality, confidence=confidence)

    assert snippet_label([]) == "none"
    assert snippet_label([event("Armed clash", 0.6), event("Attack", 0.9, "hypothetical")]) == \
        "Armed clash"
    assert snippet_label([event("Armed clash", 0.2)]) == "none"  # below the candidate floor
