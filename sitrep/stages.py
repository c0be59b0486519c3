"""Every built-in stage, in the order the default pipeline runs them.

Each entry maps the stage's name (used in ``[pipeline] stages`` and ``[stage.NAME]``) to the factory
that builds it, as "module:attribute"; a module is imported only when its stage is used. A factory
takes the stage's options as keyword arguments and returns a callable ``stage(report) -> report``.
"""

BUILTIN_STAGES: dict[str, str] = {
    # text hygiene: cleaned text with an offset map back to the raw text (sitrep/clean)
    "clean": "sitrep.clean.stage:Clean",
    # language identification; non-English reports are rejected (sitrep/clean)
    "detect_language": "sitrep.clean.language:DetectLanguage",
    # sentences and tokens (later: tags, lemmas, dependencies) (sitrep/language)
    "segment": "sitrep.language.segment:Segment",
    # actor mentions coded to canonical actors, with coreference (sitrep/actors)
    "find_actors": "sitrep.actors.stage:FindActors",
    # casualty counts (killed/injured/arrested/abducted) and material (sitrep/language)
    "find_quantities": "sitrep.language.quantities:FindQuantities",
    # place mentions resolved against the offline gazetteer (sitrep/geo)
    "geocode": "sitrep.geo.stage:Geocode",
    # time expressions normalised against the publication date (sitrep/time)
    "resolve_times": "sitrep.time.stage:ResolveTimes",
    # events: type (ACLED, PLOVER, CAMEO), arguments, modality, evidence (sitrep/events)
    "detect_events": "sitrep.events.stage:DetectEvents",
    # each event's location and ACLED geo_precision (sitrep/geo)
    "locate_events": "sitrep.geo.locate:LocateEvents",
    # each event's date and ACLED time_precision (sitrep/time)
    "date_events": "sitrep.time.date_events:DateEvents",
    # drop asserted mentions a learned model judges not events that happened: background,
    # statistics, generic statements, reactions, meta-text (sitrep/events/assess.py)
    "assess_events": "sitrep.events.assess:AssessEvents",
    # one event per happening within a report, with all its evidence (sitrep/events)
    "merge_events": "sitrep.events.merge:MergeEvents",
    # each event's actors named and typed as ACLED codes them, in the event's country (sitrep/actors)
    "code_event_actors": "sitrep.actors.conventions:CodeEventActors",
}
