"""Curated gazetteer data shipped with sitrep (see sitrep/geo/build.py)."""
