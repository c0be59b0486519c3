"""Evaluations against gold-standard data; one module per task (events, geo, time)."""
