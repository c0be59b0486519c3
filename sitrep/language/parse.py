"""Tags, lemmas and dependencies from the project's own spaCy pipeline (see docs/models.md).

The pipeline is loaded from a directory (``sitrep/models/en_sitrep_ewt`` by default), offline.
Each sentence of the segmenter becomes one pre-tokenised spaCy ``Doc``, so the parser never
crosses the segmenter's boundaries and heads stay inside their sentence.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from ..errors import ResourceError
from ..model import Sentence, Token

__all__ = ["DependencyParser", "MODEL_DIR", "model_path", "load_pipeline"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "en_sitrep_ewt"


# Capitalised acronyms that EWT (web text, few acronyms) knows only as function words: the parser
# sees a form it knows as a name instead, so "IS fighters seized" is not read as "is fighters".
# Only the parser's input changes; the tokens keep their text.
_PARSER_FORMS = {"IS": "ISIS", "US": "U.S.", "UK": "U.K."}


# Closed-class lemmas in EWT's conventions that spaCy's English rule lemmatizer leaves alone
# (it expects an attribute ruler for them): forms of be/have/do, object pronouns, clitics.
# Measured on 80 EWT dev documents: they were 60 % of all lemma errors.
_CLOSED_LEMMAS = {
    **dict.fromkeys("is are was were been being am 's 'm 're be".split(), "be"),
    **dict.fromkeys("has had having 've 'd".split(), "have"),
    **dict.fromkeys("does did doing done".split(), "do"),
    "n't": "not", "an": "a", "those": "that", "these": "this", "i": "I", "me": "I", "my": "my",
    "him": "he", "her": "she", "them": "they", "us": "we", "'ll": "will", "wo": "will",
    "ca": "can", "sha": "shall",
}
_CLOSED_POS = frozenset({"AUX", "PRON", "DET", "PART", "VERB"})


def _lemma(word: str, pos: str, predicted: str, first: bool = False,
           possessive: bool = False) -> str:
    """EWT-style lemma: closed-class exceptions, proper names and acronyms keep their case.
    Measured on the EWT test split: 87.8 % of lemmas right before, 94 % after."""
    lowered = word.lower()
    if lowered in _CLOSED_LEMMAS and pos in _CLOSED_POS and not (
            lowered == "'s" and pos == "PART") and not (lowered == "her" and possessive):
        if lowered in ("'s", "'d", "has", "had", "does", "did") and pos == "VERB":
            return predicted                       # "has" as a main verb: "have" anyway
        return _CLOSED_LEMMAS[lowered]
    if lowered.endswith("eed") and predicted == lowered[:-1]:
        return lowered                              # the rules' "need" -> "nee"
    if pos == "PROPN" or (word[:1].isupper() and pos in ("ADJ", "NOUN") and (
            word.isupper() and len(word) > 1 or not first) and predicted.lower() == lowered):
        return word                                 # "Iraqi", "CPA", "Palestinian"
    if predicted[:1].isupper():
        return predicted.lower()                    # "See" -> "see" at a sentence start
    return predicted


def model_path(model: str | None) -> Path:
    return Path(model) if model else MODEL_DIR


def load_pipeline(path: Path):
    import spacy

    return spacy.load(path, exclude=["senter"])


# Lemmas are cached per parser by (word, tag, morphology, sentence-initial): that key decides
# the rule lemmatizer's answer and ``_lemma``'s, and news repeats its words (on 60 HRDsAttack
# articles, 95,000 tokens held 13,800 keys), so the lemmatizer runs once per key instead of once
# per token. The bound keeps a long run's memory flat: when full, the cache starts over.
_LEMMA_CACHE_SIZE = 200_000

# spaCy keeps every word form it is given (a lexeme, its strings, its morphology) for the life of
# the pipeline: over the 360 HRDsAttack articles its vocabulary grew from 918 to 26,498 entries,
# and a feed never stops bringing new names. The analysis runs inside a spaCy memory zone that
# is closed and reopened every ``_ZONE_REPORTS`` reports, which frees what the zone added. A
# word's lexeme is made again from its text in the next zone, with the same attributes, so the
# analyses are the same; making it again is what a shorter zone costs.
_ZONE_REPORTS = 100


def _use_numpy_matmul(nlp) -> None:
    """Run the pipeline's layers on numpy's matrix product (OpenBLAS) instead of thinc's
    default blis kernels: on 60 HRDsAttack articles the parse took 6.0 s of CPU instead of
    8.9 s (one thread each, on a shared, loaded machine), with the same tags, labels, heads and
    lemmas on all 3,982 sentences. Floats may still round differently somewhere, so the
    `sitrep eval` figures before and after are in issue 17's closing note. Its maxout and layer
    norms are prediction-only versions with the same floats (``inference.py``)."""
    from .inference import use_predict_layers

    use_predict_layers(nlp)


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer asks ``form in index`` of its word list per part of speech, and
    spaCy's lookup tables hold those as lists (57,528 verbs): each cache miss scanned them, and
    on 37 HRDsAttack articles 9,783 misses took 2.2 s of a 9 s parse (issue 17). A set answers
    the same question; the order of the lemmas it proposes comes from its rules, not the index."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


def _token_maker():
    """A function making ``Token(cstart, cend, text, sent, lemma, pos, dep, head)``, equal to
    the dataclass's own constructor, in ~1 us instead of ~2.2: a frozen dataclass's ``__init__``
    sets each of its eight fields through ``object.__setattr__``, and a report of ~1,000 words
    makes ~1,200 tokens (1.4 ms per 1,000 words of news, issue 17). This sets the slots through
    their descriptors. Token has no ``__post_init__`` and takes no validation: checked here, with
    the field order, so that a change to the class fails at import, not silently."""
    import dataclasses

    names = ("cstart", "cend", "text", "sent", "lemma", "pos", "dep", "head")
    if (tuple(field.name for field in dataclasses.fields(Token)) != names
            or hasattr(Token, "__post_init__")):
        raise ImportError("sitrep.language.parse: Token's fields changed; update _token_maker")
    new = Token.__new__
    s0, s1, s2, s3, s4, s5, s6, s7 = (vars(Token)[name].__set__ for name in names)

    def make(cstart: int, cend: int, text: str, sent: int, lemma: str = "", pos: str = "",
             dep: str = "", head: int = -1) -> Token:
        token = new(Token)
        s0(token, cstart)
        s1(token, cend)
        s2(token, text)
        s3(token, sent)
        s4(token, lemma)
        s5(token, pos)
        s6(token, dep)
        s7(token, head)
        return token

    return make


make_token = _token_maker()


class _Names(dict):
    """The string of a tag or label id, looked up once (they are a few dozen)."""

    def __init__(self, strings) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, symbol: int) -> str:
        found = self[symbol] = self.strings[symbol & 0xFFFFFFFFFFFFFFFF]
        return found


class DependencyParser:
    """Adds ``lemma``/``pos``/``dep``/``head`` to the tokens of the given sentences."""

    def __init__(self, model: str | None = None, batch_size: int = 256) -> None:
        path = model_path(model)
        if not path.is_dir():
            raise ResourceError(f"parsing model missing at {path}: run `make models`", "E420")
        try:
            self.nlp = load_pipeline(path)
        except (OSError, ValueError) as exc:
            raise ResourceError(f"parsing model at {path} does not load ({exc}): "
                                "run `make models`", "E421") from exc
        self.batch_size = batch_size
        # The pipeline's lemmatizer stays loaded but out of ``nlp.pipe``: ``_lemmas`` asks it
        # only for words the cache has not seen (it was 14 % of the extract time, issue 17).
        self._lemmatizer = None
        if "lemmatizer" in self.nlp.pipe_names:
            self._lemmatizer = self.nlp.get_pipe("lemmatizer")
            self.nlp.disable_pipe("lemmatizer")
            _index_as_sets(self._lemmatizer)
        self._lemma_cache: dict[tuple, str] = {}
        self._names = _Names(self.nlp.vocab.strings)
        _use_numpy_matmul(self.nlp)
        self._blas = None                   # threadpoolctl's controller, made on first use
        self._zone: ExitStack | None = None
        self._zone_reports = 0

    def analyse(self, sentences: list[Sentence], pieces: list[tuple[int, int, str, int]],
                dependencies: set[int] | None = None) -> list[Token]:
        """The ``Token`` of each piece ``(cstart, cend, text, sentence)``, with tags and lemmas
        for every sentence with letters; dependencies (``dep``, ``head``) for those numbered in
        ``dependencies`` (all when None), the others keep ``dep`` empty and ``head`` -1. The
        parser reads the tagger's shared vectors (``doc.tensor``), so a sentence's parse is the
        same whichever others are parsed beside it.

        The tokens come in as plain tuples and each ``Token`` is made once, here: a frozen
        dataclass takes ~1.5 us to make, and making every token twice (the segmenter's, then
        the analysed copy) was ~3 % of the extract time on news (issue 17)."""
        from spacy.tokens import Doc

        self._open_zone()
        by_sentence: list[list[int]] = [[] for _ in sentences]
        for index, piece in enumerate(pieces):
            by_sentence[piece[3]].append(index)
        jobs = [(number, members) for number, members in enumerate(by_sentence)
                if members and not (sentences[number].reason or "").startswith("no letters")
                and "no letters" not in (sentences[number].reason or "")]
        docs = []
        for number, members in jobs:
            words = [_PARSER_FORMS.get(pieces[i][2], pieces[i][2]) for i in members]
            spaces = [pieces[i][1] < pieces[i + 1][0] if i + 1 < len(pieces) else False
                      for i in members]
            docs.append(Doc(self.nlp.vocab, words=words, spaces=spaces))
        analysed: list[Token | None] = [None] * len(pieces)
        if self._blas is None:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController()
        # one BLAS thread: a worker is one core (more threads spin and cost CPU, measured 2.9 s
        # vs 6.3 s on the same sentences); the limit holds only while this report is parsed
        with self._blas.limit(limits=1, user_api="blas"):
            self._run_components(docs, [number in dependencies for number, _ in jobs]
                                 if dependencies is not None else None)
            self._read_parses(jobs, docs, pieces, analysed)
        return [token if token is not None else make_token(*piece)
                for token, piece in zip(analysed, pieces)]

    def _open_zone(self) -> None:
        """Enter a fresh memory zone every ``_ZONE_REPORTS`` calls, leaving the last one (the
        docs of earlier reports are gone by then: their tokens were copied out)."""
        if self._zone is not None and self._zone_reports < _ZONE_REPORTS:
            self._zone_reports += 1
            return
        if self._zone is not None:
            self._zone.close()
            # spaCy's lemmatizer caches its answers by word id, for ever: ours stands before it
            if self._lemmatizer is not None:
                self._lemmatizer.cache.clear()
        self._zone = ExitStack()
        self._zone.enter_context(self.nlp.memory_zone())
        self._zone_reports = 1

    def _run_components(self, docs: list, wanted: list[bool] | None) -> None:
        """Each component of the pipeline over ``docs`` in batches; the parser only over the
        docs ``wanted`` says (all when None): it was about a tenth of the extract time on
        ~1,000-word news, and most sentences of a report hold nothing a later stage reads
        the dependencies of (issue 17)."""
        for name, component in self.nlp.pipeline:
            chosen = docs if wanted is None or name != "parser" else [
                doc for doc, keep in zip(docs, wanted) if keep]
            for _ in component.pipe(chosen, batch_size=self.batch_size):
                pass

    def _read_parses(self, jobs: list, docs: list, pieces: list[tuple[int, int, str, int]],
                     analysed: list[Token | None]) -> None:
        from spacy.attrs import DEP, HEAD, MORPH, POS
        from spacy.symbols import PROPN

        # a tag's or label's string by a plain dict look-up (a method call per token and label
        # was 3 % of the segment's time)
        name = self._names.__getitem__
        # the lemma cache is read here, not through ``_lemma_of``: 95 % of tokens hit it, and a
        # method call per token was 2 % of the extract time (issue 17)
        cached = self._lemma_cache.get
        for (number, members), doc in zip(jobs, docs):
            # one array per sentence instead of a spaCy Token object per word (heads relative)
            rows = doc.to_array([POS, DEP, HEAD, MORPH]).view("int64").tolist()
            has_parse = doc.has_annotation("DEP")
            for position, (index, (pos, dep, head, morph)) in enumerate(zip(members, rows)):
                cstart, cend, text, sent = pieces[index]
                if pos == PROPN:
                    # ``_lemma`` keeps a proper noun's text whatever the lemmatizer says: a
                    # third of the cache's misses on news (6,032 of 18,114 over 260 HRDsAttack
                    # articles) were proper nouns, and each cost a spaCy token and the rules
                    lemma = text
                else:
                    lemma = None if text in _PARSER_FORMS else cached((text, pos, morph,
                                                                       position == 0))
                if lemma is None:
                    lemma = self._lemma_of(doc, position, text, pos, morph)
                analysed[index] = make_token(cstart, cend, text, sent, lemma,
                                             name(pos), name(dep) if has_parse else "",
                                             members[position + head] if has_parse else -1)

    def _lemma_of(self, doc, position: int, text: str, pos: int, morph: int) -> str:
        if text in _PARSER_FORMS:
            return text
        key = (text, pos, morph, position == 0)
        lemma = self._lemma_cache.get(key)
        if lemma is None:
            word = doc[position]
            predicted = (self._lemmatizer.lemmatize(word)[0] if self._lemmatizer is not None
                         else word.lemma_)
            lemma = _lemma(text, word.pos_, predicted, position == 0,
                           "Poss=Yes" in str(word.morph))
            if len(self._lemma_cache) >= _LEMMA_CACHE_SIZE:
                self._lemma_cache.clear()
            self._lemma_cache[key] = lemma
        return lemma
