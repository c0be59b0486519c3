"""Cross-report merging reads who a killing's evidence names as the person killed: "a named person
is killed once" joins two reports of the killing of the same victim, not two killings that name
the same killer ("Emwazi shot the prisoner" and "Emwazi was killed in a drone strike")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sitrep.merge.cross_report import Mention, compare
from sitrep.merge.names import killed_names
from sitrep.model import Event, Span
from sitrep.store.blocking import killing_keys


def _killing(text: str, trigger: str, *spans: str) -> Event:
    at = text.index(trigger)
    evidence = [Span(0, len(text), text)]
    start = len(text) + 1
    for other in spans:  # sentences merge_events folded in, after the first
        evidence.append(Span(start, start + len(other), other))
        start += len(other) + 1
    return Event("Violence against civilians", "Attack", "ASSAULT", evidence=tuple(evidence),
                 trigger=Span(at, at + len(trigger), trigger))


def _runs(event: Event, *names: tuple[str, str]) -> list[tuple]:
    runs = []
    for name, key in names:
        for span in event.evidence:
            at = span.text.find(name)
            if at >= 0:
                runs.append((span.start + at, span.start + at + len(name), key,
                             name.split()[-1]))
                break
    return runs


def test_the_names_a_killing_gives_as_the_person_killed():
    cases = [
        # the killer: the subject of an active trigger, or "responsible for the beheading of"
        ("Emwazi shot the prisoner in the back of the head.", "shot", [("Emwazi", "emwazi")],
         set()),
        ("Emwazi was responsible for the beheading of James Foley, a freelance journalist who "
         "was killed in Syria.", "beheading", [("Emwazi", "emwazi"), ("James Foley", "foley")],
         {"foley"}),
        # the victim: a passive, a possessive, after the trigger (but not after "by")
        ("The CIA has concluded that Kashoggi’s assassination was ordered by Crown Prince "
         "Mohammed bin Salman himself.", "assassination",
         [("Kashoggi’s", "kasogi"), ("Mohammed bin Salman", "salman")], {"kasogi"}),
        ("Fingers were pointed at the government when Jamal Khashoggi, a journalist, was "
         "murdered at the consulate.", "murdered", [("Jamal Khashoggi", "kasogi")], {"kasogi"}),
        ("Nine days after the abduction the terrorists beheaded Pearl.", "beheaded",
         [("Pearl", "pearl")], {"pearl"}),
        ("The leader of the cell, Mohammed Emwazi, was killed in a 2015 drone strike.", "killed",
         [("Mohammed Emwazi", "emwazi")], {"emwazi"}),
        # an apposition naming something else is no clause of its own
        ("On April 30, Jory Porquia, a founding member of Bayan Muna, was assassinated inside his "
         "home.", "assassinated", [("Jory Porquia", "porkia"), ("Bayan Muna", "muna")],
         {"porkia", "muna"}),
        ("Armed men shot journalist Jamil Ahmed in 2019. Zafar Abbas, a reporter for 7 News, was "
         "shot dead in Mailsi.", "shot", [("Jamil Ahmed", "amed"), ("Zafar Abbas", "abas")],
         {"amed", "abas"}),
    ]
    for text, trigger, names, killed in cases:
        event = _killing(text, trigger)
        assert killed_names(_runs(event, *names), event) == killed, text
    # a killing word in a sentence folded into the event tells its victim too
    folded = _killing("The detainees were held after the terrorist attacks of 2003.", "attacks",
                      "The CIA concluded that Kashoggi’s assassination was ordered by the "
                      "prince.")
    assert killed_names(_runs(folded, ("Kashoggi’s", "kasogi")), folded) == {"kasogi"}
    # no trigger and no killing word: any name may be the victim's
    untold = replace(_killing("Emwazi shot the prisoner.", "shot"), trigger=None)
    assert killed_names(_runs(untold, ("Emwazi", "emwazi")), untold) is None


def test_a_shared_killer_does_not_make_two_killings_one():
    def killing(event_id, group, published, killed):
        last = date.fromisoformat(published)
        return Mention(event_id, group, "violence", "Attack", "asserted", None,
                       last - timedelta(days=31), last, names=frozenset({"emwazi"}),
                       undated=True, fatal=True, killed=killed)

    # "Emwazi shot the prisoner" (2021) and "Emwazi was responsible for the beheading of James
    # Foley" (2020), both undated: two killings by one man
    shot = killing("e1", "g1", "2021-08-31", frozenset())
    beheading = killing("e2", "g2", "2020-08-19", frozenset())
    result = compare(shot, beheading)
    assert not result.link
    assert not any("killed once" in reason for reason in result.reasons)
    assert killing_keys(shot) == []
    # the killing of Emwazi himself, told twice, is one
    killed = [replace(m, killed=frozenset({"emwazi"})) for m in (shot, beheading)]
    result = compare(*killed)
    assert result.link and any("killed once" in reason for reason in result.reasons)
    assert killing_keys(killed[0]) == ["!emwazi"]
    # a mention stored before roles were read (killed unknown) keeps every name
    assert compare(replace(shot, killed=None), replace(beheading, killed=None)).link
    assert Mention.from_dict({**shot.to_dict(), "killed": None}).killed is None
    assert Mention.from_dict(shot.to_dict()) == shot


def test_a_name_two_killings_share_but_neither_gives_as_killed_does_not_join_them():
    def killing(event_id, group, day, killed, names=frozenset({"salman", "kasogi"})):
        first = date.fromisoformat(day) if day else None
        return Mention(event_id, group, "violence", "Attack", "asserted", "SAU", first, first,
                       names=names, fatal=True, killed=killed)

    # "Kashoggi's assassination was ordered by Crown Prince Mohammed bin Salman" (its own date
    # unknown) and "Saudi Arabia executed 81 people", in a report naming the crown prince
    ordered = killing("e1", "g1", None, frozenset({"kasogi"}))
    executions = killing("e2", "g2", "2022-03-12", frozenset(), names=frozenset({"salman"}))
    result = compare(ordered, executions)
    assert not result.link and result.conflict is None
    assert "a name both killings give, not as the person killed: salman" in result.reasons
    # the victim both name joins them, as before; so does any name when roles are unknown
    assert compare(ordered, killing("e3", "g3", None, frozenset({"kasogi"}))).link
    assert compare(replace(ordered, killed=None), replace(executions, killed=None)).link
    # an arrest and a killing keep the name route (only killings read roles)
    arrest = replace(executions, family="detention", sub_type="Arrests", fatal=False,
                     killed=None)
    assert "same person named: salman" in compare(replace(ordered, family="detention",
                                                          sub_type="Arrests", fatal=False),
                                                  arrest).reasons
