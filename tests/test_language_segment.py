"""The segment stage: tokens and sentences of news text, offsets, caps on bad input."""

from __future__ import annotations

import time
from array import array

import pytest
from hypothesis import given, settings, strategies as st

from sitrep.language.segment import Segment
from sitrep.language.tokenize import tokenize
from sitrep.model import Report


def words(text: str) -> list[str]:
    return [text[a:b] for a, b in tokenize(text)]


def sentences(text: str, **options) -> list[str]:
    report = Segment(**options)(Report("t", text))
    return [s.text for s in report.sentences]


def test_tokens_follow_ewt_conventions():
    assert words("Gen. Smith said the U.S. army didn't attack IS's base on Dec. 12.") == [
        "Gen.", "Smith", "said", "the", "U.S.", "army", "did", "n't", "attack", "IS", "'s",
        "base", "on", "Dec.", "12", "."]
    assert words("pro-regime forces fired 1,000 AK-47 rounds at 3.5 km") == [
        "pro", "-", "regime", "forces", "fired", "1,000", "AK-47", "rounds", "at", "3.5", "km"]
    assert words("\"Stop,\" he said... (AFP)") == [
        '"', "Stop", ",", '"', "he", "said", "...", "(", "AFP", ")"]


def test_abbreviations_do_not_end_sentences():
    text = ("Gen. Mohammed al-Ali said on Dec. 12 that U.S. troops left. "
            "They returned on Jan. 3 to the U.S. The base was shelled.")
    assert sentences(text) == [
        "Gen. Mohammed al-Ali said on Dec. 12 that U.S. troops left.",
        "They returned on Jan. 3 to the U.S.",
        "The base was shelled."]


def test_quotes_datelines_and_lists():
    text = ('MOGADISHU, Somalia (Reuters) - Al Shabaab fighters attacked a base. "We will '
            'fight," a commander said. Police said:\n- two soldiers died\n- one was wounded\n\n'
            'Title line\nBody starts here.')
    assert sentences(text) == [
        "MOGADISHU, Somalia (Reuters) - Al Shabaab fighters attacked a base.",
        '"We will fight," a commander said.',
        "Police said:", "- two soldiers died", "- one was wounded", "Title line",
        "Body starts here."]


def test_wrapped_lines_continue_the_sentence():
    assert sentences("Fighters seized the\ntown on Sunday.") == [
        "Fighters seized the\ntown on Sunday."]


def test_offsets_point_into_the_raw_text():
    raw = "  Junk badge\nIS fighters took Palmyra. Russian troops fled.\n"
    report = Report("t", raw)
    clean = raw[13:]                          # a cleaner that dropped the first line
    report.set_clean(clean, array("l", list(range(13, len(raw) + 1))))
    report = Segment()(report)
    assert [s.text for s in report.sentences] == ["IS fighters took Palmyra.", "Russian troops fled."]
    for sentence in report.sentences:
        assert raw[sentence.start:sentence.end] == sentence.text
        assert clean[sentence.cstart:sentence.cend] == sentence.text
    for token in report.tokens:
        assert clean[token.cstart:token.cend] == token.text
    assert report.tokens[-1].sent == 1


def test_run_on_sentence_is_capped_quickly_with_a_reason():
    text = " ".join(["fighters attacked the village and"] * 4000) + " left."   # 20,000 words
    started = time.process_time()
    report = Segment(max_sentence_tokens=100)(Report("t", text))
    assert time.process_time() - started < 5
    assert len(report.tokens) == 20002
    assert max(len(s.text.split()) for s in report.sentences) <= 100
    assert all(s.reason and "over 100 tokens" in s.reason for s in report.sentences)


def test_flattened_table_and_no_letters():
    table = " | ".join(f"{n} | {n * 3} | {n * 7}" for n in range(3000))
    report = Segment()(Report("t", table))
    assert report.sentences and all(len(s.text) < 2000 for s in report.sentences)
    report = Segment()(Report("t", "12 34 56 ... 78 -- 90 !!"))
    assert report.sentences[0].reason.startswith("no letters")


def test_mixed_scripts_and_empty_text():
    report = Segment()(Report("t", "Москва заявила. 北京 said no. العربية نص."))
    assert len(report.sentences) >= 2
    assert Segment()(Report("t", "")).sentences == []
    assert Segment()(Report("t", "   \n\n  ")).tokens == []


def test_config_is_validated():
    with pytest.raises(Exception, match="max_sentence_tokens"):
        Segment(max_sentence_tokens=2)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. ,!?\"'\n-Z1U.S()")), max_size=120))
def test_every_token_and_sentence_slices_back(text):
    report = Segment(max_sentence_tokens=8)(Report("t", text))
    for sentence in report.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    previous = -1
    for token in report.tokens:
        assert text[token.cstart:token.cend] == token.text and token.text.strip() == token.text
        assert token.cstart >= previous
        previous = token.cend
    assert "".join(t.text for t in report.tokens) == "".join(text.split())


def test_numbered_list_items_keep_their_number():
    assert sentences("Casualties:\n1. Ten soldiers were killed.\n2. Five civilians died.") == [
        "Casualties:", "1. Ten soldiers were killed.", "2. Five civilians died."]
