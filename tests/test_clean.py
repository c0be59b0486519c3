"""Cleaning: furniture, datelines and repeats removed; the offset map slices back into raw."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean.language import DetectLanguage
from sitrep.clean.stage import Clean
from sitrep.clean.text import clean_text
from sitrep.model import Report


def assert_maps_back(raw: str, cleaned) -> None:
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    for index, char in enumerate(cleaned.text):
        position = cleaned.offsets[index]
        assert 0 <= position < len(raw)
        if char not in " \n":
            assert raw[position] == char or not raw[position].isascii()
        else:
            assert raw[position].isspace() or raw[position] in "\u2028\u2029\x85\x1c\x1d\x1e\x1f"
    assert list(cleaned.offsets[:-1]) == sorted(cleaned.offsets[:-1])


def test_seed_badge_and_repeated_body_removed(seed_path: Path):
    raw = seed_path.read_text(encoding="utf-8")
    report = Clean()(Report(id="seed", raw=raw))
    text = report.text
    assert "2 min read" not in text
    assert text.count("It followed the surprise seizure") == 1
    assert text.count("T4 air base") == 1
    assert text.startswith("IS show off spoils from Russian base in Palmyra\n")
    assert_maps_back(raw, report)
    # the kept copy is the first one; the removed spans cover the badge and the whole second copy
    first = text.index("It followed")
    assert report.offsets[first] == raw.index("It followed")
    second_copy = raw.index("It followed", raw.index("It followed") + 1)
    assert any(s.start == second_copy and s.end == len(raw) for s in report.removed)
    assert any(s.text == "2 min read" for s in report.removed)
    for span in report.removed:
        assert raw[span.start:span.end] == span.text
    # a clean span slices back to the same words in raw
    start = text.index("Syrian rebels fighting IS")
    span = report.raw_span(start, start + len("Syrian rebels fighting IS"))
    assert span.text == "Syrian rebels fighting IS" == raw[span.start:span.end]


def test_offsets_slice_back_after_normalisation():
    raw = "\u201cWe will fight,\u201d\u00a0said  the\tcommander.\r\n\r\nTroops\u2028advanced on\u200b Mosul."
    cleaned = clean_text(raw)
    # (a line break inside a sentence, here U+2028 before a lower-case word, is a space)
    assert cleaned.text == '"We will fight," said the commander.\n\nTroops advanced on Mosul.'
    assert_maps_back(raw, cleaned)
    report = Report(id="x", raw=raw)
    Clean()(report)
    start = report.text.index("commander")
    assert report.raw_span(start, start + 9).text == "commander"
    start = report.text.index("We will")
    assert report.raw_span(start - 1, start + 14).text == "\u201cWe will fight,"


def test_furniture_lines_removed_report_lines_kept():
    raw = "\n".join([
        "Rebels seize border town", "By John Smith, Middle East correspondent", "3 min read",
        "Share this article", "Facebook Twitter Email",
        "Rebels seized the border town of Tal Abyad on Sunday after heavy fighting.",
        "Advertisement",
        "Photo: Reuters/File",
        "By Monday the town was quiet, residents said.",
        "We use cookies to give you the best experience. Accept all cookies",
        "Related stories:", "Troops retake Manbij", "Turkey shells Kurdish positions", "",
        "Subscribe to our newsletter",
        "The cookie factory in the town was burned by the fighters.",
    ])
    text = clean_text(raw).text
    assert text.split("\n") == [
        "Rebels seize border town",
        "Rebels seized the border town of Tal Abyad on Sunday after heavy fighting.",
        "By Monday the town was quiet, residents said.",
        "",
        "The cookie factory in the town was burned by the fighters.",
    ]


def test_dateline_recorded_not_text():
    raw = "Blast kills five\nBEIRUT (Reuters) \u2014 A car bomb killed five people in Azaz on Monday."
    cleaned = clean_text(raw)
    assert cleaned.text == "Blast kills five\nA car bomb killed five people in Azaz on Monday."
    assert cleaned.dateline.place == "BEIRUT" and cleaned.dateline.agency == "Reuters"
    assert raw[cleaned.dateline_start:].startswith("BEIRUT")
    report = Clean()(Report(id="d", raw=raw))
    assert report.publisher == "Reuters" and report.dateline_place == "BEIRUT"
    assert report.dateline.text == "BEIRUT (Reuters) \u2014"
    assert raw[report.dateline.start:report.dateline.end] == report.dateline.text


def test_repeated_paragraph_block_and_truncated_repeat():
    first = "Government forces recaptured the village of Kafr Nabudah after three days of fighting."
    second = "At least twelve fighters were killed in the clashes, a monitoring group said."
    heading = "Background"
    raw = "\n\n".join([first, heading, second, "Unrelated final line about the weather today.",
                      heading, second, first[:50] + "\u2026"])
    text = clean_text(raw).text
    assert text.count("recaptured") == 1 and text.count("twelve fighters") == 1
    assert text.count(heading) == 1
    assert "\u2026" not in text


def test_inline_repeated_sentences_in_one_paragraph():
    sentence = "Militants attacked an army post near Ouagadougou, killing four soldiers."
    raw = f"{sentence} The army said it repelled them. {sentence} The army said it repelled them."
    text = clean_text(raw).text
    assert text == f"{sentence} The army said it repelled them."


def test_short_repeated_lines_outside_repeated_blocks_stay():
    raw = "Killed: 3\nA strike hit the market of the town on Friday morning.\nKilled: 3"
    assert clean_text(raw).text == raw


def test_hard_wrapped_lines_are_joined_headlines_kept():
    raw = ("Rebels shell Aleppo\nRebels shelled the western districts of\nAleppo on Monday, and "
           "the\nAdvertisement\nfighting went on for hours, residents said.\n\nNext paragraph.")
    cleaned = clean_text(raw)
    assert cleaned.text == ("Rebels shell Aleppo\nRebels shelled the western districts of\n"
                            "Aleppo on Monday, and the fighting went on for hours, residents "
                            "said.\n\nNext paragraph.")
    assert_maps_back(raw, cleaned)


def test_only_furniture_is_rejected_empty():
    report = Clean()(Report(id="f", raw="Advertisement\n2 min read\nShare this article"))
    assert report.rejection.code == "empty"


def test_language_stage():
    detect = DetectLanguage()
    english = Report(id="e", raw="Gunmen killed five people in an attack on a market in "
                                 "northern Nigeria on Monday, police said.")
    assert detect(english).rejection is None and english.language == "en"
    spanish = Report(id="s", raw="Los manifestantes bloquearon la carretera en Bogotá el lunes "
                                 "por la tarde, dijo la policía.")
    assert detect(spanish).rejection.code == "unsupported_language"
    short = Report(id="k", raw="Kabul")  # too short to judge: not rejected, left unknown
    assert detect(short).rejection is None and short.language is None


# -- properties ------------------------------------------------------------------------------

_LINES = st.sampled_from([
    "Rebels seized the town of Tal Abyad on Sunday after heavy fighting.",
    "At least twelve fighters were killed in the clashes, a monitoring group said.",
    "2 min read", "Advertisement", "By John Smith", "", "", "Background",
    "BEIRUT (Reuters) \u2014 A car bomb killed five people in Azaz on Monday.",
    "Troops advanced on Mosul. Troops advanced on Mosul.",
    "Rebels seized the town of Tal Abyad on Sunday after\u2026",
    "Government forces shelled the outskirts of", "the city on Monday, residents said.",
    "ALEPPO, Syria \u2014 Rebels", "and", "",
    "\u201cWe will fight,\u201d\u00a0said  the\tcommander.\r",
])
_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
    st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12).map("\n".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_cleaning_is_idempotent_and_maps_into_raw(raw):
    cleaned = clean_text(raw)
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert all(0 <= p < len(raw) for p in cleaned.offsets[:-1])
    assert list(cleaned.offsets[:-1]) == sorted(set(cleaned.offsets[:-1])) or len(
        set(cleaned.offsets[:-1])) < len(cleaned.offsets) - 1  # NFKC may expand one char
    for removal in cleaned.removed:
        assert 0 <= removal.start < removal.end <= len(raw)
    again = clean_text(cleaned.text)
    assert again.text == cleaned.text
    report = Report(id="p", raw=raw)
    Clean()(report)
    for start in range(0, len(report.text), 7):
        span = report.raw_span(start, min(len(report.text), start + 5))
        assert report.raw[span.start:span.end] == span.text


def test_dateline_date_fills_in_publication_date():
    from datetime import date

    raw = "MOGADISHU, Dec 13 (Reuters) - A bomb exploded near the port on Tuesday, police said."
    report = Clean()(Report(id="m", raw=raw, published=date(2017, 1, 5), published_source="cli"))
    assert (report.published, report.published_source) == (date(2016, 12, 13), "dateline")
    assert report.dateline_place == "MOGADISHU" and report.text.startswith("A bomb")
    kept = Clean()(Report(id="k", raw=raw, published=date(2016, 12, 14),
                          published_source="html-meta"))
    assert kept.published == date(2016, 12, 14)  # metadata wins over the dateline
    unknown = Clean()(Report(id="u", raw=raw))
    assert unknown.published is None  # no year and no reference: unknown, not guessed
    dated = Clean()(Report(id="y", raw="KABUL, Afghanistan, March 3, 2019 (AP) -- Gunmen "
                                       "attacked a checkpoint."))
    assert dated.published.isoformat() == "2019-03-03"


def test_short_text_in_another_script_is_not_english():
    detect = DetectLanguage()
    arabic = Report(id="a", raw="قتل خمسة أشخاص في بغداد")
    assert detect(arabic).rejection.code == "unsupported_language"
    short_latin = Report(id="l", raw="Blast in Kabul kills five")
    assert detect(short_latin).rejection is None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=1, max_value=60))
def test_the_letters_read_are_the_first_letters_of_the_text(text, enough):
    """The language check stops reading letters once it has enough to judge the text: what it
    reads is what a scan of every character would give, cut there."""
    from sitrep.clean.language import _first_letters

    assert _first_letters(text + "\u00b2\u2167_9", enough) == [
        char for char in text + "\u00b2\u2167_9" if char.isalpha()][:enough]


def test_no_english_news_snippet_is_rejected_by_language(shared_dir):
    """The thresholds' margin, pinned: none of the 510 CASE 2021 dev snippets (English news) is
    rejected (measured 2026-11-25: lowest P(en) 0.35 against the 0.05 cut-off)."""
    detect = DetectLanguage()
    lines = (shared_dir / "data" / "case2021-task2" / "dev.tsv").read_text("utf-8").split("\n")
    rejected = [line for line in lines[1:] if "\t" in line
                and detect(Report(id="c", raw=line.split("\t")[1])).rejection]
    assert rejected == []


def test_agency_only_and_day_first_datelines():
    report = Clean()(Report(id="r", raw="(Reuters) - Syrian forces retook the town of Deir Hafer."))
    assert report.text.startswith("Syrian forces") and report.publisher == "Reuters"
    assert report.dateline_place is None and report.dateline.text == "(Reuters) -"
    dated = Clean()(Report(id="d", raw="LONDON, 13 December 2016 (AFP) - Police arrested two men."))
    assert dated.published.isoformat() == "2016-12-13" and dated.published_source == "dateline"
    assert clean_text("(1) - the first item of the list.").text == "(1) - the first item of the list."


def test_repeat_cut_at_its_start_is_removed():
    first = "It followed the surprise seizure of the central Syrian city over the weekend by IS."
    raw = f"{first}\nAnalysts spoke.\n\u2026seizure of the central Syrian city over the weekend by IS."
    assert clean_text(raw).text == f"{first}\nAnalysts spoke."


def test_a_settled_pass_is_not_repeated_and_gives_what_a_second_pass_gives():
    """clean_text skips the second pass when the first provably leaves nothing for it (only
    the dateline or furniture lines went); where it might not, the second pass runs."""
    from sitrep.clean import text

    def cleaned_twice(raw):
        first = text._clean_once(raw)
        again = text._clean_once(first.text)
        return first.text if again.text == first.text else text._compose(first, again).text

    settled = "BEIRUT (Reuters) \u2014 A car bomb killed five people in Azaz on Monday.\n2 min read"
    assert text._clean_once(settled).settled
    double = "BEIRUT (Reuters) \u2014 ALEPPO, Syria \u2014 Rebels shelled the city on Monday."
    sentence = "Rebels seized the town of Tal Abyad on Sunday after heavy fighting."
    unsettled = f"{sentence} {sentence}\nBEIRUT (Reuters) \u2014 Rebels took it."  # a repeat
    for raw in (settled, double, unsettled):
        assert clean_text(raw).text == cleaned_twice(raw)
    assert not text._clean_once(double).settled and not text._clean_once(unsettled).settled


def test_datelines_with_accented_capitals_curly_apostrophes_and_routed_agencies():
    from datetime import date

    from sitrep.clean.boilerplate import find_dateline

    tehini = find_dateline("T\u00c9HINI, C\u00f4te d\u2019Ivoire, June 14, 2023 (Sahel Wire) "
                           "\u2014 Gunmen attacked a police post.")
    assert (tehini.place, tehini.region, tehini.agency, tehini.date_text) == (
        "T\u00c9HINI", "C\u00f4te d\u2019Ivoire", "Sahel Wire", "June 14, 2023")
    mosul = find_dateline("MOSUL, Iraq, March 3, 2024 (Gulf Daily, via Tigris News) \u2014 A bomb.")
    assert (mosul.agency, mosul.via, mosul.date_text) == ("Gulf Daily", "Tigris News",
                                                          "March 3, 2024")
    assert find_dateline("N\u2019DJAMENA, Chad (AFP) \u2014 Rebels.").place == "N\u2019DJAMENA"
    assert find_dateline("S\u00c3O PAULO, Brazil, Jan. 3 (Reuters) - Police.").place == \
        "S\u00c3O PAULO"
    assert find_dateline("KINSHASA, Democratic Republic of the Congo (Reuters) - M23.").region \
        == "Democratic Republic of the Congo"
    assert find_dateline("BISSAU, Guinea-Bissau \u2014 Soldiers.").region == "Guinea-Bissau"
    assert find_dateline("MOSUL, Iraq (AP, Reuters) - Soldiers.").agency == "AP, Reuters"
    # still not datelines: a mixed-case sentence opening, a lower-case word in brackets
    assert find_dateline("\u00c9tat islamique - the group claimed it.") is None
    assert find_dateline("Officials (who spoke) - said so.") is None
    # the clean stage: the date and publisher come from such datelines (the demo reports
    # examples/bad/legacy_cp1252.txt and examples/reports/iraq_mosul_ied_syndicated.txt)
    for raw, published, publisher in (
            ("Gunmen attack police post\n\nT\u00c9HINI, C\u00f4te d\u2019Ivoire, June 14, 2023 "
             "(Sahel Wire) \u2014 Gunmen attacked a police post near T\u00e9hini.",
             date(2023, 6, 14), "Sahel Wire"),
            ("Two soldiers killed\n\nMOSUL, Iraq, March 3, 2024 (Gulf Daily, via Tigris News) "
             "\u2014 A roadside bomb struck an army patrol.", date(2024, 3, 3), "Gulf Daily")):
        report = Clean()(Report(id="d", raw=raw))
        assert (report.published, report.published_source) == (published, "dateline")
        assert report.publisher == publisher and report.text.splitlines()[-1].startswith(
            ("Gunmen attacked", "A roadside bomb"))
        assert raw[report.dateline.start:report.dateline.end] == report.dateline.text


def test_bracketed_asides_are_not_agencies():
    from sitrep.clean.boilerplate import find_dateline

    assert find_dateline("Officials (Interior ministry, police) - said it.") is None
    assert find_dateline("Kabul (Updated 3 March) - Officials said.") is None
    assert find_dateline("PARIS (Agence France-Presse, via Yahoo News) \u2014 Police.").via == \
        "Yahoo News"


def test_bylines_with_lower_case_name_particles_are_furniture():
    # "al-", "bin", "de la": conflict reporting is full of them; "By Ahmed al-Masri, Staff
    # Reporter" stayed in the text (found by QA)
    from sitrep.clean.boilerplate import furniture_reason

    for line in ("By Ahmed al-Masri, Staff Reporter", "By Hassan bin Ali",
                 "By Maria de la Cruz and Omar el-Sayed", "By Pieter van der Berg in Kabul"):
        assert furniture_reason(line) == "byline", line
    for line in ("By al-Shabaab fighters", "By de facto authorities",
                 "By Monday the town was quiet, residents said."):
        assert furniture_reason(line) is None, line


def test_html_markup_in_a_text_field_is_not_report_text():
    # CMS exports put HTML in the CSV/JSON text field: "<p>...</p><p>Residents fled.</p>" kept
    # its tags in the clean text, gluing paragraphs into one sentence (found by QA)
    raw = ('<p>Gunmen killed five villagers in <b>Zamfara</b> state on Monday.</p>'
           '<p>Residents fled to&nbsp;nearby towns &amp; camps.</p>')
    cleaned = clean_text(raw)
    assert cleaned.text == ("Gunmen killed five villagers in Zamfara state on Monday.\n\n"
                            "Residents fled to nearby towns & camps.")
    report = Clean()(Report(id="h", raw=raw))
    start = report.text.index("Zamfara")
    assert report.raw_span(start, start + 7).text == "Zamfara"
    start = report.text.index("Residents")
    assert report.raw_span(start, start + 9).text == "Residents"
    assert clean_text(cleaned.text).text == cleaned.text
    # a lone angle bracket or ampersand in plain text stays
    assert clean_text("Casualties were < 10 & rising, AT&T said.").text == (
        "Casualties were < 10 & rising, AT&T said.")


_MARKUP_PIECES = st.sampled_from(["<p>", "</p>", "<br/>", "<b>", "</b>", "<div class='x'>",
                                  "</div>", "&nbsp;", "&amp;", "&lt;p&gt;", "&#8217;", "&bogus;",
                                  "<!-- c -->", "<", ">", "&"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_MARKUP_PIECES, st.text(max_size=12)), max_size=20).map("".join))
def test_cleaning_markup_is_idempotent_and_maps_into_raw(raw):
    cleaned = clean_text(raw)
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert all(0 <= p < len(raw) for p in cleaned.offsets[:-1])
    assert clean_text(cleaned.text).text == cleaned.text
    report = Clean()(Report(id="m", raw=raw))
    for start in range(0, len(report.text), 3):
        span = report.raw_span(start, min(len(report.text), start + 4))
        assert report.raw[span.start:span.end] == span.text


def test_a_tag_revealed_by_removing_another_is_removed_too():
    # found by the property test above: "<P<p>>" first leaves "<P\n>", a tag of its own
    cleaned = clean_text("<P<p>>Gunmen attacked the village.")
    assert clean_text(cleaned.text).text == cleaned.text
    assert cleaned.text == "Gunmen attacked the village."
