"""A small gazetteer written from rows, for tests that need a few places of their own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitrep.geo.build import create_empty, finish_indexes


def write_gazetteer(path: Path, places: list[tuple], names: list[tuple],
                    countries: list[tuple]) -> Path:
    """A gazetteer at ``path`` holding ``places`` (rows of the ``places`` table: 12 columns),
    ``names`` (6) and ``countries`` (4), with the indexes a built one has."""
    create_empty(path)
    connection = sqlite3.connect(path)
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", names)
    connection.executemany("INSERT INTO countries VALUES (?,?,?,?)", countries)
    connection.commit()
    finish_indexes(connection)
    connection.commit()
    connection.close()
    return path
