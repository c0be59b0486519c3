"""The ``detect_language`` stage: identifies the report's language with py3langid; reports that are
not English become ``unsupported_language`` rejections (recorded, never dropped) until
multilingual analysis exists.

Thresholds, measured on the CASE 2021 dev snippets (510 English news sentences, median 222
characters; ../shared/data/case2021-task2/dev.tsv) with py3langid's normalised probabilities:

- py3langid names another language for 1 of the 510 (Nigerian Pidgin, P=0.55 — English was
  second with P(en)=0.45); the lowest P(en) of any snippet is 0.35. One-line Spanish, German,
  French and Swahili reports get P(en) below 0.002. So a report is rejected only when
  P(en) < ``max_english_probability`` (0.05): a wide margin on both sides.
- Texts with fewer than ``min_letters`` (40) letters — a headline, a place name — are not judged
  at all: "Kabul" comes out as Ganda and "Al-Shabaab attack kills 5 in Mogadishu" as Pidgin.
  Their language is left unknown rather than guessed.

A short text mostly in another script (Arabic, Cyrillic, CJK; at least 8 letters) is rejected
all the same: its script says it is not English even when its language cannot be told.

Only the first ``sample_chars`` characters are classified: enough for certainty, and the cost
stays flat on long documents.
"""

from __future__ import annotations

import re

from ..errors import RejectCode
from ..model import Rejection, Report

__all__ = ["DetectLanguage"]

# Below min_letters, a text of at least this many letters, most of them outside the Latin script,
# is still judged: script, unlike language, is certain on a few words.
_MIN_SCRIPT_LETTERS = 8

# a word character that is neither a digit nor "_": a letter, or a numeric sign such as "²"
_LETTER_LIKE = re.compile(r"[^\W\d_]")


def _first_letters(sample: str, enough: int) -> list[str]:
    """The letters (``str.isalpha``) of ``sample``, up to the first ``enough``: whether a text
    has enough letters to be judged is known after its first line, and a Python step per
    character of the 3,000 read cost a third of this stage (0.6 of 1.8 ms per news article)."""
    letters = []
    for found in _LETTER_LIKE.finditer(sample):
        char = found.group()
        if char.isalpha():
            letters.append(char)
            if len(letters) >= enough:
                break
    return letters


class DetectLanguage:
    """Stage ``detect_language``: sets ``report.language``; rejects reports that are not English."""

    name = "detect_language"

    def __init__(self, min_letters: int = 40, max_english_probability: float = 0.05,
                 sample_chars: int = 3000, accept: tuple[str, ...] | list[str] = ("en",)) -> None:
        self.min_letters = min_letters
        self.max_english_probability = max_english_probability
        self.sample_chars = sample_chars
        self.accept = tuple(accept)
        self._identifier = None

    def __getstate__(self) -> dict:  # the model is reloaded in each worker, not pickled
        state = dict(self.__dict__)
        state["_identifier"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def _model(self):
        if self._identifier is None:
            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE,
                                                                 norm_probs=True)
        return self._identifier

    def identify(self, text: str) -> tuple[str | None, float]:
        """(language, probability of the accepted languages); language ``None`` when too short."""
        sample = text[:self.sample_chars]
        letters = _first_letters(sample, self.min_letters)
        if len(letters) < self.min_letters:     # every letter of the sample, then
            latin = sum(1 for char in letters if char.isascii() or "\u00c0" <= char <= "\u024f")
            if len(letters) < _MIN_SCRIPT_LETTERS or latin * 2 >= len(letters):
                return None, 1.0
            # too short to tell languages apart, long enough to see it is not in Latin script
            # (Arabic, Cyrillic, CJK headlines): not English whatever the language is
            return self._model().classify(sample)[0], 0.0
        ranking = self._model().rank(sample)
        accepted = sum(probability for language, probability in ranking
                       if language in self.accept)
        return ranking[0][0], float(accepted)

    def __call__(self, report: Report) -> Report:
        language, accepted = self.identify(report.text)
        if language is None:
            return report
        if accepted < self.max_english_probability:
            report.language = language
            report.rejection = Rejection(
                RejectCode.UNSUPPORTED_LANGUAGE.value,
                f"language {language!r} (P={1 - accepted:.2f} not {'/'.join(self.accept)}); "
                "only English is analysed", report.path, report.record, report.id)
            return report
        report.language = language if language in self.accept else self.accept[0]
        return report
