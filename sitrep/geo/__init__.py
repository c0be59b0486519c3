"""Geocoding: place mentions found and resolved against an offline gazetteer, and each event's
location with ACLED's geo_precision. See :mod:`sitrep.geo.gazetteer` for the file,
:mod:`sitrep.geo.stage` and :mod:`sitrep.geo.locate` for the two stages."""
