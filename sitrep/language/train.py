"""Train sitrep's own English pipeline on UD English EWT (the `make models` recipe).

    python -m sitrep.language.train --data ../shared/data/ud-english-ewt [--max-steps N]

Converts the CoNLL-U splits to spaCy's binary format (in ``--work``), trains the small CNN
pipeline described in ``ewt.cfg`` on CPU at low priority, copies the best model to
``sitrep/models/en_sitrep_ewt`` and evaluates it on the EWT *test* split (UPOS accuracy, UAS,
LAS, written next to the model as ``evaluation.json``). EWT is CC BY-SA 4.0: the data is read from
where it lies and never copied into the repository; only the trained weights are.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from .parse import MODEL_DIR

CONFIG = Path(__file__).with_name("ewt.cfg")
SPLITS = {"train": "en_ewt-ud-train.conllu", "dev": "en_ewt-ud-dev.conllu",
          "test": "en_ewt-ud-test.conllu"}


def convert(data: Path, work: Path) -> dict[str, Path]:
    """CoNLL-U -> .spacy (10 sentences per doc, so the parser also sees sentence starts)."""
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split, name in SPLITS.items():
        target = work / f"{split}.spacy"
        text = (data / name).read_text(encoding="utf-8")
        DocBin(docs=conllu_to_docs(text, n_sents=10, no_print=True)).to_disk(target)
        paths[split] = target
    return paths


def train(paths: dict[str, Path], work: Path, max_steps: int, config: Path = CONFIG) -> Path:
    from spacy.cli.train import train as spacy_train

    from spacy.cli.init_config import fill_config

    output = work / "output"
    filled = work / "config.cfg"          # ewt.cfg with spaCy's defaults for everything unsaid
    fill_config(filled, config, silent=True)
    spacy_train(filled, output, overrides={
        "paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]),
        "training.max_steps": max_steps})
    return output / "model-best"


def evaluate(model: Path, test: Path) -> dict[str, float]:
    from spacy.cli.evaluate import evaluate as spacy_evaluate

    scores = spacy_evaluate(str(model), test, silent=True)
    result = {key: round(float(scores[key]), 4) for key in
              ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "speed")
              if key in scores}
    result["lemma_acc_sitrep"] = round(_sitrep_lemma_accuracy(model, test), 4)
    return result


def _sitrep_lemma_accuracy(model: Path, test: Path) -> float:
    """Lemma accuracy after sitrep's closed-class corrections (``parse._lemma``), as shipped."""
    import spacy
    from spacy.tokens import Doc, DocBin

    from .parse import _lemma

    nlp = spacy.load(model)
    right = total = 0
    for gold in DocBin().from_disk(test).get_docs(nlp.vocab):
        doc = Doc(nlp.vocab, words=[t.text for t in gold],
                  spaces=[bool(t.whitespace_) for t in gold])
        for _, component in nlp.pipeline:
            doc = component(doc)
        for expected, word in zip(gold, doc):
            first = word.i == 0 or doc[word.i - 1].text in (".", "!", "?")
            lemma = _lemma(word.text, word.pos_, word.lemma_, first,
                           "Poss=Yes" in str(word.morph))
            right += lemma == expected.lemma_
            total += 1
    return right / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.language.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the ud-english-ewt folder")
    parser.add_argument("--work", type=Path, default=Path("build/ewt"),
                        help="scratch folder for converted data and checkpoints")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model goes")
    parser.add_argument("--config", type=Path, default=CONFIG,
                        help="the training recipe (default: the shipped ewt.cfg)")
    parser.add_argument("--max-steps", type=int, default=6000,
                        help="training steps (6000 ~ 35 min on one shared CPU core)")
    parser.add_argument("--evaluate-only", action="store_true",
                        help="only evaluate the model at --out on the test split")
    args = parser.parse_args(argv)
    if not (args.data / SPLITS["train"]).is_file():
        print(f"no {SPLITS['train']} in {args.data}", file=sys.stderr)
        return 2
    if not args.evaluate_only and not args.config.is_file():
        print(f"no recipe at {args.config}", file=sys.stderr)
        return 2
    os.nice(10)                       # the machine is shared: training must not starve others
    paths = convert(args.data, args.work)
    if not args.evaluate_only:
        best = train(paths, args.work, args.max_steps, args.config)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    scores = evaluate(args.out, paths["test"])
    scores["test_split"] = SPLITS["test"]
    (args.out / "evaluation.json").write_text(json.dumps(scores, indent=2) + "\n")
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
