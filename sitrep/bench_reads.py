"""Which token fields each stage reads, in the sentences the parser ran on and in the others.

``segment`` runs the network (tok2vec + morphologizer) over every sentence with letters and the
parser only over the sentences a later stage declares it reads (``needs_dependencies``). Whether
the network could skip a sentence too depends on who reads its tags and lemmas. This tool runs
the configured pipeline over a JSONL file and hands the stages after ``segment`` (and the
names ``sitrep run`` reads for the cross-report merge) tokens that count each read of
``lemma``, ``pos``, ``dep`` and ``head``, by stage and by the kind of sentence the token stands
in ("parsed": the parser ran on it; "tagged": only the tagger did, its ``dep`` is empty; "bare":
neither did, its ``pos`` and ``lemma`` are empty too), with the code line of every read outside
a parsed sentence (issue 17)::

    python -m sitrep.bench_reads /tmp/hrds-lead/articles.jsonl --limit 60

It measures; it changes nothing the stages compute (the counted tokens carry the same values).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Report, Token

__all__ = ["ReadLog", "CountedToken", "STORE_STEP", "count_reads", "counted_tokens", "format_log",
           "main", "sentence_kinds"]

# the fields a language model fills; the offsets, text and sentence are the tokenizer's
ANALYSIS_FIELDS = ("lemma", "pos", "dep", "head")


@dataclass
class ReadLog:
    """Reads counted so far. ``reads[(stage, field, kind)]`` counts every read, ``tokens`` the
    distinct tokens read, ``sentences`` the distinct sentences with at least one read, ``sites``
    the code lines (``file:line``) reading an analysis field outside a parsed sentence;
    ``rejected`` the documents that became rejections, by reason code."""

    stage: str | None = None
    document: int = 0
    reads: Counter = field(default_factory=Counter)
    tokens: dict[tuple, set] = field(default_factory=dict)
    sentences: dict[tuple, set] = field(default_factory=dict)
    sites: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)

    def record(self, name: str, kind: str, sentence: int, position: int) -> None:
        if self.stage is None:
            return
        key = (self.stage, name, kind)
        self.reads[key] += 1
        self.tokens.setdefault(key, set()).add((self.document, position))
        self.sentences.setdefault(key, set()).add((self.document, sentence))
        if kind != "parsed":
            caller = sys._getframe(2)      # the line reading the token
            where = caller.f_code.co_filename.rsplit("sitrep/", 1)[-1]
            self.sites[(self.stage, name, f"{where}:{caller.f_lineno}")] += 1


_get = object.__getattribute__


class CountedToken(Token):
    """A ``Token`` that tells its ``ReadLog`` of every read of an analysis field."""

    __slots__ = ("_log", "_kind")

    def __getattribute__(self, name: str):
        if name in ANALYSIS_FIELDS:
            _get(self, "_log").record(name, _get(self, "_kind"), _get(self, "sent"),
                                      _get(self, "cstart"))
        return _get(self, name)


def sentence_kinds(tokens: list[Token]) -> dict[int, str]:
    """"parsed", "tagged" or "bare" for each sentence number of ``tokens``."""
    kinds = dict.fromkeys((token.sent for token in tokens), "bare")
    for token in tokens:
        if token.dep:
            kinds[token.sent] = "parsed"
        elif token.pos and kinds[token.sent] == "bare":
            kinds[token.sent] = "tagged"
    return kinds


def counted_tokens(tokens: list[Token], log: ReadLog) -> list[CountedToken]:
    """Copies of ``tokens`` that count their reads; a sentence is parsed when a token of it
    has a dependency label, tagged when one has a tag."""
    kinds = sentence_kinds(tokens)
    copies = []
    for token in tokens:
        copy = CountedToken(token.cstart, token.cend, token.text, token.sent, token.lemma,
                            token.pos, token.dep, token.head)
        object.__setattr__(copy, "_log", log)
        object.__setattr__(copy, "_kind", kinds[token.sent])
        copies.append(copy)
    return copies


class _Watched:
    """A stage whose reads are put down to its name; after ``segment`` the tokens are swapped
    for counted copies."""

    def __init__(self, stage, log: ReadLog) -> None:
        self.stage, self.log, self.name = stage, log, stage.name

    def __call__(self, report: Report) -> Report:
        self.log.stage = self.name
        try:
            report = self.stage(report)
        finally:
            self.log.stage = None
        if self.name == "segment" and report.tokens:
            kinds = sentence_kinds(report.tokens)
            self.log.totals["sentences"] += len(report.sentences)
            self.log.totals["tokens"] += len(report.tokens)
            for kind in kinds.values():
                self.log.totals[f"{kind} sentences"] += 1
            for token in report.tokens:
                self.log.totals[f"tokens in {kinds[token.sent]} sentences"] += 1
            report.tokens = counted_tokens(report.tokens, self.log)
        return report


# What ``sitrep run`` reads of an analysed report besides the pipeline's stages: the names the
# cross-report merge compares (``store/packing.py``), read from the tags of every sentence.
STORE_STEP = "run: mention_runs"


def count_reads(pipeline, reports: Iterable[Report], store_step: bool = True) -> ReadLog:
    """Run ``pipeline`` over ``reports`` and count the token reads of its stages, and (with
    ``store_step``) those of ``mention_runs`` on a report with events, as ``sitrep run`` packs
    it for the store."""
    from .merge.cross_report import mention_runs

    log = ReadLog()
    pipeline.stages = [_Watched(stage, log) for stage in pipeline.stages]
    for number, report in enumerate(reports):
        log.document = number
        report = pipeline(report)
        if store_step and report.events and not report.rejection:
            log.stage = STORE_STEP
            try:
                mention_runs(report)
            finally:
                log.stage = None
        log.totals["documents"] += 1
        if report.rejection:       # read or analysed into a rejection: nothing of it is counted
            log.rejected[report.rejection.code] += 1
    return log


def format_log(log: ReadLog, sites: int = 20) -> str:
    totals = log.totals
    rejected = sum(log.rejected.values())
    reasons = ", ".join(f"{code} {count}" for code, count in sorted(log.rejected.items()))
    lines = [f"{totals['documents']} documents"
             + (f" ({rejected} rejected: {reasons})" if rejected else "")
             + f", {totals['sentences']} sentences "
             f"(parsed {totals['parsed sentences']}, tagged only {totals['tagged sentences']}, "
             f"bare {totals['bare sentences']}), {totals['tokens']} tokens (in them "
             f"{totals['tokens in parsed sentences']}, {totals['tokens in tagged sentences']}, "
             f"{totals['tokens in bare sentences']})", "",
             f"{'stage':20s} {'field':6s} {'kind':9s} {'reads':>8s} {'tokens':>8s} "
             f"{'sentences':>9s}"]
    for key in sorted(log.reads):
        stage, name, kind = key
        lines.append(f"{stage:20s} {name:6s} {kind:9s} {log.reads[key]:8d} "
                     f"{len(log.tokens[key]):8d} {len(log.sentences[key]):9d}")
    if log.sites:
        lines += ["", "reads outside parsed sentences, by code line:"]
        lines += [f"  {count:8d}  {stage} {name} {where}"
                  for (stage, name, where), count in log.sites.most_common(sites)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.bench_reads",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="documents as JSONL (or any input sitrep reads)")
    parser.add_argument("--limit", type=int, default=60, help="documents to read (default 60)")
    parser.add_argument("--config", type=Path,
                        help="a TOML file merged over the default configuration")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    if not args.path.exists():
        parser.error(f"no such file: {args.path}")
    from itertools import islice

    from .config import load_config
    from .ingest import read_inputs
    from .pipeline import Pipeline

    pipeline = Pipeline(load_config(args.config), on_error="raise")
    log = count_reads(pipeline, islice(read_inputs([str(args.path)]), args.limit))
    print(format_log(log))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
