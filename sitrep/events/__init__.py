"""Event coding: triggers -> ACLED / PLOVER / CAMEO codes, arguments, modality, evidence.

``stage.DetectEvents`` finds and codes event mentions clause by clause; ``merge.MergeEvents`` folds
the mentions of one happening within a report into one event. The word lists are data
(``triggers.toml``, ``context.toml``); the codebook's decision rules are code (``codebook.py``), and
what they produce, a ``Coding`` with its tables of default codes, is ``coding.py``.
"""
