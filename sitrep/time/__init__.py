"""Time: time expressions normalised to TIMEX3, and events dated with ACLED time precision.

    stage.py           resolve_times: report.times, in raw offsets (TimeExpr)
    recognise.py       find_times(text, anchor): rules -> leftmost-longest selection -> values
    rules_calendar.py  dates, months, years, decades, seasons, weekdays, days, clock times
    rules_spans.py     durations, "N units ago", "last week", quarters, sets, *_REF words
    rules_focus.py     "that year", "the previous Friday" (the temporal focus), centuries, eras
    context.py         what a rule sees: anchor date, clause tense, the temporal focus so far
    tense.py           past/future cue nearest an expression
    lexicon.py         month, weekday, number and unit words
    values.py          TIMEX3 value arithmetic; first_day(value) -> (date, ACLED precision)
    date_events.py     date_events: event_date, time_precision, date_text of every event
    clauses.py         which predicate a time expression belongs to (the parse), for date_events

Scored with ``sitrep eval time --timeml DIR`` (sitrep/eval/time.py).
"""
