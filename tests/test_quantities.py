"""find_quantities: casualty counts by kind, conservative figures, material; bad input."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given
from hypothesis import strategies as st
import pytest

from sitrep.language.numbers import read_count
from sitrep.language.fatalities import event_fatalities
from sitrep.language.quantities import FindQuantities
from sitrep.language.segment import Segment
from sitrep.model import Report


def found(text: str) -> list[tuple]:
    report = FindQuantities()(Segment()(Report("t", text)))
    for quantity in report.quantities:
        assert text[quantity.start:quantity.end] == quantity.text and quantity.reason
    return [(q.text, q.kind, q.value) for q in report.quantities]


@pytest.mark.parametrize("text, expected", [
    ("The blast killed 6 civilians.", [("killed 6 civilians", "killed", 6)]),
    ("At least a dozen dead after the attack.", [("At least a dozen dead", "killed", 12)]),
    ("Two soldiers were wounded.", [("Two soldiers were wounded", "injured", 2)]),
    ("Scores of protesters were arrested.", [("Scores of protesters were arrested", "arrested",
                                              20)]),
    ("Gunmen abducted 30 schoolgirls.", [("abducted 30 schoolgirls", "abducted", 30)]),
    ("Several people were killed.", [("Several people were killed", "killed", None)]),
    ("The death toll rose to 45.", [("45", "killed", 45)]),
    ("Between 10 and 15 people died.", [("Between 10 and 15 people died", "killed", 10)]),
    ("Twenty-five villagers were kidnapped.", [("Twenty-five villagers were kidnapped",
                                                "abducted", 25)]),
])
def test_casualty_counts(text, expected):
    assert found(text) == expected


def test_kinds_are_kept_apart():
    assert found("A soldier was killed and one was injured; police arrested 12 men.") == [
        ("A soldier was killed", "killed", 1), ("one was injured", "injured", 1),
        ("arrested 12 men", "arrested", 12)]


def test_material():
    assert found("Rebels had two tanks knocked out; the militants seized dozens of assault "
                 "rifles and three bombs.") == [
        ("two tanks", "material", 2), ("dozens of assault rifles", "material", 12),
        ("three bombs", "material", 3)]


def test_numbers_that_count_nothing():
    assert found("He was seen in 2015, two years ago, on Dec. 12 at 5 km from the AK-47 "
                 "factory; it is a way of life.") == []


def test_conservative_reading():
    words = "more than 200".split()
    assert read_count(words, 0).value == 200
    count = read_count("20 to 30".split(), 0)
    assert (count.value, count.low, count.high) == (20, 20, 30)
    assert read_count(["several"], 0).value is None


def test_numbers_in_words_go_on_after_their_scale():
    def value(text):
        return read_count(text.split(), 0).value

    assert value("two hundred and twelve") == 212
    assert value("a hundred and forty") == 140
    assert value("one thousand six hundred") == 1600
    assert value("three hundred sixty - two") == 362  # tokenised "sixty-two"
    # a range, not one number: the larger figure is no part of the first
    assert value("one hundred and two hundred") == 100
    assert value("five hundred and a few") == 500
    assert found("Bandits kidnapped one hundred and eight travellers.") == [
        ("kidnapped one hundred and eight travellers", "abducted", 108)]


def test_an_article_before_an_adjective_and_a_figure_is_the_figure():
    # "a record 64" is 64 people, not one
    assert found("The authorities executed a record 64 convicts.") == [
        ("executed a record 64 convicts", "killed", 64)]
    assert found("A further 9 soldiers were wounded.") == [
        ("A further 9 soldiers were wounded", "injured", 9)]
    assert found("An unprecedented 230 people were detained overnight.") == [
        ("An unprecedented 230 people were detained", "arrested", 230)]
    # one person still: "a 25-year-old", "a student"; a year is no figure
    assert read_count("a dramatic 2019 raid".split(), 0).value == 1
    assert found("A 25-year-old student was killed.") == [
        ("A 25-year-old student was killed", "killed", 1)]


def test_the_noun_of_an_act_counts_its_victims():
    assert found("Elders condemned the kidnapping of 26 farmers.") == [
        ("kidnapping of 26 farmers", "abducted", 26)]
    assert found("The arrest of at least 40 students was reported.") == [
        ("arrest of at least 40 students", "arrested", 40)]
    assert found("The abduction of nearly 90 worshippers shocked the region.")[0][1:] == (
        "abducted", 90)


def test_seed_has_no_fatalities(seed_path):
    report = FindQuantities()(Segment()(Report("t", seed_path.read_text(encoding="utf-8"))))
    kinds = {q.kind for q in report.quantities}
    assert kinds == {"material"}
    assert ("two tanks", 2) in {(q.text, q.value) for q in report.quantities}


def test_bad_input_is_quick():
    report = FindQuantities()(Segment()(Report("t", " ".join(["12 34 killed"] * 5000))))
    assert report.quantities


@pytest.mark.parametrize("text, expected", [
    ("Six people, including two children, were killed.",
     [("Six people, including two children, were killed", "killed", 6)]),
    ("A civilian was shot dead.", [("A civilian was shot dead", "killed", 1)]),
    ("No one was killed in the attack.", [("No one was killed", "killed", 0)]),
    ("No casualties were reported.", [("No casualties", "killed", 0)]),
    ("Three militants and a soldier were killed.",
     [("Three militants and a soldier were killed", "killed", 4)]),
    ("The attack left 12 dead and 30 wounded.", [("12 dead", "killed", 12),
                                                 ("30 wounded", "injured", 30)]),
])
def test_asides_manner_negation_and_shared_counts(text, expected):
    assert found(text) == expected


def test_an_article_counts_only_people():
    # "a Dhaka cafe" counts no one; the chief is one dead, read from the singular verb
    assert found("The chief of the group blamed for the attack at a Dhaka cafe was killed.") \
        == [("was killed", "killed", 1)]
    assert found("One was killed.") == [("One was killed", "killed", 1)]


@pytest.mark.parametrize("text, expected", [
    ("Unidentified gunmen shot dead two shopkeepers in the market.",
     [("shot dead two shopkeepers", "killed", 2)]),
    ("Police gunned down three robbers near the highway.",
     [("gunned down three robbers", "killed", 3)]),
    ("A villager was lynched by a mob.", [("A villager was lynched", "killed", 1)]),
    ("The bodies of four fishermen were found on the shore.",
     [("bodies of four fishermen", "killed", 4)]),
    ("The death toll rose to 27 on Friday.", [("27", "killed", 27)]),
    ("Five people were killed, including a child.", [("Five people were killed", "killed", 5)]),
    ("A leader of the farmers' union was killed in the clash.",
     [("A leader of the farmers' union was killed", "killed", 1)]),
    ("Two soldiers and three militants were killed in the gunfight.",
     [("Two soldiers and three militants were killed", "killed", 5)]),
    ("The bomber set off his vest, killing himself and wounding two guards.",
     [("killing himself", "killed", 1), ("wounding two guards", "injured", 2)]),
    ("An alleged top smuggler was killed in a shootout.",
     [("An alleged top smuggler was killed", "killed", 1)]),
    ("A fisherman was slaughtered near the river.", [("A fisherman was slaughtered", "killed", 1)]),
    ("Six bandits were gunned down by the police.", [("Six bandits were gunned down", "killed", 6)]),
    ("Four guards were abducted and killed by the gang.",
     [("Four guards were abducted and killed", "killed", 4)]),
    ("Between 8 and 11 workers were beaten to death.",
     [("Between 8 and 11 workers were beaten to death", "killed", 8)]),
])
def test_fatality_phrasings(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the leader acts: no one of his is dead
    ("A leader of the rebel group killed two soldiers.", [("killed two soldiers", "killed", 2)]),
    # injured, arrested and abducted are never deaths
    ("Twelve were injured, 30 were arrested and four were abducted.",
     [("Twelve were injured", "injured", 12), ("30 were arrested", "arrested", 30),
      ("four were abducted", "abducted", 4)]),
    ("A member of the district council was abducted by gunmen.",
     [("A member of the district council was abducted", "abducted", 1)]),
])
def test_deaths_kept_apart_from_other_harm(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one counted noun phrase joined by "and" (no count of its own)
    ("At least 15 suspected rebels and other militants were killed in airstrikes.",
     [("At least 15 suspected rebels and other militants were killed", "killed", 15)]),
    ("20 Sindhi and Punjabi labourers were gunned down.",
     [("20 Sindhi and Punjabi labourers were gunned down", "killed", 20)]),
    # a participle clause or an unbracketed "including" between the noun and its verb
    ("Six militants, affiliated with the group were gunned down in an encounter.",
     [("Six militants, affiliated with the group were gunned down", "killed", 6)]),
    ("At least four persons including an elder and his son were killed in an ambush.",
     [("At least four persons including an elder and his son were killed", "killed", 4)]),
    # ... or a participle clause closed by a comma
    ("Four suspected robbers, linked to a gang in the province, were shot dead by police.",
     [("Four suspected robbers, linked to a gang in the province, were shot dead", "killed",
       4)]),
    ("Two guards, posted at the gate, were wounded.",
     [("Two guards, posted at the gate, were wounded", "injured", 2)]),
    # "and N others" after a counted victim: the whole toll
    ("A bomb killed a local official and two others.",
     [("killed a local official and two others", "killed", 3)]),
    ("Three traders were kidnapped and shot dead.",
     [("Three traders were kidnapped and shot dead", "killed", 3)]),
    ("A drone strike kills atleast 5 in the valley.", [("kills atleast 5", "killed", 5)]),
    # "shot dead" is a verb: "a motorcycle" is not one dead
    ("Gunmen riding a motorcycle shot dead two policemen.",
     [("shot dead two policemen", "killed", 2)]),
    # a year is never a count
    ("In 2012 soldiers were killed in the province.", []),
])
def test_noun_phrases_asides_and_others(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one subject, one dead: the verb agrees with a single person the text names
    ("The former militant was killed on the spot.", [("was killed", "killed", 1)]),
    ("Later, his son succumbed to his wounds.", [("succumbed", "killed", 1)]),
    ("A top rank militant lost his life in a gunfight.", [("lost his life", "killed", 1)]),
    ("His bullet-hit body was recovered later.", [("was recovered", "killed", 1)]),
    ("The blast resulted in the death of a passer-by.", [("death of a passer-", "killed", 1)]),
    # an age is no count: "a 16-year-old girl" is one girl
    ("A 16-year-old school girl was beaten to death.",
     [("A 16-year-old school girl was beaten to death", "killed", 1)]),
    ("Two 20-year-old students were shot dead.",
     [("Two 20-year-old students were shot dead", "killed", 2)]),
    # negated, sentenced or plural: no one dead
    ("No policeman was killed in the attack.", []),
    ("He was sentenced to death by the court.", []),
    ("The people died in the fire.", []),
    # a death protested is the grievance, not the event's toll
    ("A rally was held to protest against the killing of two civilians.", []),
])
def test_one_dead_without_a_count(text, expected):
    assert found(text) == expected


def test_a_stated_count_beats_one_read_from_the_verb():
    text = "The commander, who was killed in the raid, and 11 others were killed."
    assert _fatalities_of(text, "raid") == 11


def _fatalities_of(text: str, trigger: str) -> int | None:
    report = FindQuantities()(Segment()(Report("t", text)))
    at = text.index(trigger)
    sentence = next(s for s in report.sentences if s.start <= at < s.end)
    return event_fatalities(report, sentence, bisect_left(report.offsets, at))


def test_event_fatalities_read_the_paragraph_when_the_sentence_has_none():
    text = ("Two soldiers were killed when their vehicle hit an IED. Troops were on patrol "
            "when the IED exploded.")
    assert _fatalities_of(text, "exploded") == 2
    # the stated count of the trigger's own sentence wins; a vague one is no number
    assert _fatalities_of("Militants attacked a post, killing 3. Later 9 died in a raid.",
                          "attacked") == 3
    assert _fatalities_of("Several people were killed in the attack.", "attack") is None
    # a blank line ends the paragraph: another event's toll is not borrowed
    assert _fatalities_of("Police fired on a crowd.\n\nIn another town 4 were killed.",
                          "fired") is None


def test_event_fatalities_leave_out_the_toll_of_the_occasion():
    # a death in an "after" clause the trigger stands outside of is an earlier happening's
    assert _fatalities_of("A group of people attacked a doctor at the hospital after a patient "
                          "died.", "attacked") is None
    assert _fatalities_of("After two students were killed in an accident, protesters torched "
                          "three buses.", "torched") is None
    # a time after which is no occasion; the toll of the act the "after" clause tells is its own
    assert _fatalities_of("Militants attacked a post after midnight, killing two soldiers.",
                          "attacked") == 2
    assert _fatalities_of("Two people were killed after militants attacked a bus.",
                          "attacked") == 2


# ``read_count`` answers None at once for a word no count can begin with (issue 17): the
# shortcut must never change an answer of the full reading, on any sequence of count words.
_COUNT_VOCABULARY = sorted({"at", "least", "more", "than", "as", "many", "up", "to", "no", "fewer",
                            "not", "less", "an", "a", "estimated", "over", "nearly", "some",
                            "dozen", "dozens", "scores", "hundreds", "thousands", "tens", "of",
                            "twenty", "-", "five", "one", "single", "hundred", "thousand",
                            "million", "between", "and", "or", "several", "few", "another",
                            "atleast", "total", "further", "close", "upwards", "killed", "people",
                            "12", "1,200", "3", "10", "1234567890", ",", "the", "say", "about"})


@given(st.lists(st.sampled_from(_COUNT_VOCABULARY), max_size=8), st.integers(0, 9))
def test_read_count_shortcut_keeps_every_answer(words, index):
    from sitrep.language.numbers import _read_count

    assert read_count(words, index) == _read_count(words, index)


@pytest.mark.parametrize("text, expected", [
    # a relative clause between the counted noun and its verb
    ("20 labourers who were working on the bridge were gunned down.",
     [("20 labourers who were working on the bridge were gunned down", "killed", 20)]),
    # a person and a companion, no count stated: two dead
    ("The jail official and his brother were shot dead by gunmen.",
     [("were shot dead", "killed", 2)]),
    ("The leader along with his driver were shot dead.", [("were shot dead", "killed", 2)]),
    ("Soldiers were killed in the attack.", []),
    # one of the people counted before died later
    ("Later, one of them succumbed to his injuries.", [("succumbed", "killed", 1)]),
])
def test_relative_clauses_and_companions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a vague word before a stated count is not the count
    ("In the other attack three people were killed.",
     [("three people were killed", "killed", 3)]),
    # two counted noun phrases, each with its complement, share one casualty word
    ("Two leaders of the NDFB and a member of the KPLT were killed in an encounter.",
     [("Two leaders of the NDFB and a member of the KPLT were killed", "killed", 3)]),
    # a complement of place or age between the counted noun and its verb
    ("Two civilians in their 20s were arrested by the army and killed.",
     [("Two civilians in their 20s were arrested by the army and killed", "killed", 2)]),
    # adverbs and a reporting verb before the casualty word
    ("Around 100 civilians have been reported to have been intentionally killed.",
     [("Around 100 civilians have been reported to have been intentionally killed", "killed",
       100)]),
    # an aside opened by a comma and never closed
    ("2 militants, including a commander were killed.",
     [("2 militants, including a commander were killed", "killed", 2)]),
    # one person between the verb and "dead", no count: one dead
    ("The blast hit a truck, leaving its driver dead.", [("leaving its driver dead", "killed", 1)]),
    ("Gunmen shot Yadav, a contractor, dead.", [("shot Yadav, a contractor, dead", "killed", 1)]),
    ("Gunmen shot them dead.", []),
    # a role before a name: one person; a participle describing a person tells no death
    ("An IED killed soldier Rashid Khan.", [("killed soldier", "killed", 1)]),
    ("Relatives of a recently murdered farmer blocked a road.", []),
    ("Two men were arrested by police and released.",
     [("Two men were arrested", "arrested", 2)]),
])
def test_counts_across_complements_asides_and_coordination(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one verb, two counts of people: the toll is their sum
    ("Clashes killed one soldier and one civilian.",
     [("killed one soldier and one civilian", "killed", 2)]),
    ("Militants killed two soldiers and injured three.",
     [("killed two soldiers", "killed", 2), ("injured three", "injured", 3)]),
    # the suicide bomber is one of the dead
    ("A suicide bomber blew himself up at the gate.", [("blew himself up", "killed", 1)]),
])
def test_a_verb_governing_two_counts_and_the_bomber(text, expected):
    assert found(text) == expected
