"""The ``segment`` stage: sentences and tokens of the clean text, then (optionally) their parse.

Fills ``report.sentences`` (raw span + clean offsets) and ``report.tokens`` (clean offsets, sentence
index). With ``parse = true`` the project's own spaCy pipeline (trained on UD English EWT, see
docs/models.md) adds ``lemma``/``pos``/``dep``/``head`` to every token of every sentence it can
analyse; a sentence without letters is not parsed, and says so in its ``reason``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..errors import ConfigError
from ..model import Report, Sentence, Token
from .sentences import split_sentences
from .tokenize import tokenize

__all__ = ["Segment"]


# a word character that is neither a digit nor "_": a letter, or a numeric sign such as "²"
_LETTER_LIKE = re.compile(r"[^\W\d_]")


def _has_letter(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold a letter (``str.isalpha``)? One regex scan instead of a
    Python step per character (1.5 % of the extract time on ~1,000-word news)."""
    return any(found.group().isalpha() for found in _LETTER_LIKE.finditer(text, start, end))


class Segment:
    """Split the clean text into sentences and tokens; parse them if a model is configured.

    ``max_sentence_tokens`` caps a sentence (longer ones are split with a recorded reason: the
    parser's cost grows with sentence length). ``parse`` turns the dependency parse on; ``model``
    is the path of a spaCy pipeline directory (default: the one shipped in ``sitrep/models``).
    """

    name = "segment"

    def __init__(self, max_sentence_tokens: int = 150, parse: bool = False,
                 model: str | None = None, batch_size: int = 256) -> None:
        if max_sentence_tokens < 8:
            raise ConfigError("segment: max_sentence_tokens must be at least 8", "E120")
        self.max_sentence_tokens = max_sentence_tokens
        self.parse = parse
        self.model = model
        self.batch_size = batch_size
        self._parser = None
        # which sentences get dependencies: None = all (see the module's docstring)
        self._cues: list[Callable[[str], bool]] | None = None
        if parse:
            from .parse import DependencyParser

            self._parser = DependencyParser(model, batch_size=batch_size)

    def __call__(self, report: Report) -> Report:
        text = report.text
        spans = tokenize(text)
        sentences: list[Sentence] = []
        # (cstart, cend, text, sentence): made into a Token once, by the parser if it runs
        pieces: list[tuple[int, int, str, int]] = []
        for first, end, reason in split_sentences(text, spans, self.max_sentence_tokens):
            cstart, cend = spans[first][0], spans[end - 1][1]
            number = len(sentences)
            if not _has_letter(text, cstart, cend):
                reason = "no letters: not parsed" if reason is None else reason + "; no letters"
            start, stop = report.to_raw(cstart, cend)
            sentences.append(Sentence(start, stop, report.raw[start:stop], cstart, cend, reason))
            pieces.extend((a, b, text[a:b], number) for a, b in spans[first:end])
        report.sentences = sentences
        if self._parser is None:
            report.tokens = [Token(*piece) for piece in pieces]
            return report
        cues = self._cues
        wanted = None if cues is None else {
            number for number, sentence in enumerate(sentences)
            if any(cue(text[sentence.cstart:sentence.cend]) for cue in cues)}
        report.tokens = self._parser.analyse(sentences, pieces, wanted)
        return report

    def link(self, later: Sequence[object]) -> None:
        """Parse dependencies only where the ``later`` stages of the pipeline read them (called
        by the pipeline once its stages are built). A pipeline that ends here wants the parse
        itself: every sentence."""
        if not later:
            self._cues = None
            return
        cues = []
        for stage in later:
            cue = getattr(stage, "needs_dependencies", None)
            if cue is not None:
                cues.append(cue)
            elif not type(stage).__module__.startswith("sitrep."):
                self._cues = None       # a plugin that may read any sentence's parse
                return
        self._cues = cues

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_parser"] = None            # reloaded in the worker: spaCy pipelines pickle slowly
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if self.parse:
            from .parse import DependencyParser

            self._parser = DependencyParser(self.model, batch_size=self.batch_size)
