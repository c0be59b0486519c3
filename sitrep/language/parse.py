"""Tags, lemmas and dependencies from the project's own spaCy pipeline (see docs/models.md).

The pipeline is loaded from a directory (``sitrep/models/en_sitrep_ewt`` by default), offline.
Each sentence of the segmenter becomes one pre-tokenised spaCy ``Doc``, so the parser never
crosses the segmenter's boundaries and heads stay inside their sentence.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ResourceError
from ..model import Sentence, Token

__all__ = ["DependencyParser", "MODEL_DIR", "model_path", "load_pipeline"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "en_sitrep_ewt"


# Capitalised acronyms that EWT (web text, few acronyms) knows only as function words: the parser
# sees a form it knows as a name instead, so "IS fighters seized" is not read as "is fighters".
# Only the parser's input changes; the tokens keep their text.
_PARSER_FORMS = {"IS": "ISIS", "US": "U.S.", "UK": "U.K."}


def model_path(model: str | None) -> Path:
    return Path(model) if model else MODEL_DIR


def load_pipeline(path: Path):
    import spacy

    return spacy.load(path, exclude=["senter"])


class DependencyParser:
    """Adds ``lemma``/``pos``/``dep``/``head`` to the tokens of the given sentences."""

    def __init__(self, model: str | None = None, batch_size: int = 256) -> None:
        path = model_path(model)
        if not path.is_dir():
            raise ResourceError(f"parsing model missing at {path}: run `make models`", "E401")
        try:
            self.nlp = load_pipeline(path)
        except (OSError, ValueError) as exc:
            raise ResourceError(f"parsing model at {path} does not load ({exc}): "
                                "run `make models`", "E402") from exc
        self.batch_size = batch_size

    def analyse(self, sentences: list[Sentence], tokens: list[Token]) -> list[Token]:
        from spacy.tokens import Doc

        by_sentence: list[list[int]] = [[] for _ in sentences]
        for index, token in enumerate(tokens):
            by_sentence[token.sent].append(index)
        jobs = [(number, members) for number, members in enumerate(by_sentence)
                if members and not (sentences[number].reason or "").startswith("no letters")
                and "no letters" not in (sentences[number].reason or "")]
        docs = []
        for number, members in jobs:
            words = [_PARSER_FORMS.get(tokens[i].text, tokens[i].text) for i in members]
            spaces = [tokens[i].cend < tokens[i + 1].cstart if i + 1 < len(tokens) else False
                      for i in members]
            docs.append(Doc(self.nlp.vocab, words=words, spaces=spaces))
        analysed = list(tokens)
        for (number, members), doc in zip(jobs, self.nlp.pipe(docs, batch_size=self.batch_size)):
            for index, word in zip(members, doc):
                token = tokens[index]
                lemma = token.text if token.text in _PARSER_FORMS else word.lemma_
                analysed[index] = Token(token.cstart, token.cend, token.text, token.sent,
                                        lemma, word.pos_, word.dep_, members[word.head.i])
        return analysed
