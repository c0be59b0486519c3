"""A report packed where it was analysed (sitrep/store/packing.py, the Ray workers) is stored
byte for byte as the full report would be, without its analysis travelling as objects."""

from __future__ import annotations

import pickle

from test_store_fakes import SEIZED, FakeEvents, report

from sitrep.model import Sentence
from sitrep.store import Store
from sitrep.store.packing import PackedReport, pack, pack_event


def _stored(db: str, stored_report) -> tuple:
    with Store(db) as store, store.transaction():
        report_id = store.add_report(stored_report)
        store.add_events(report_id, stored_report.events)
        rows = tuple(tuple(row) for sql in (
            "SELECT id, doc_id, text_hash, status, path, url, title, published, raw, analysis"
            " FROM reports", "SELECT id, report_id, data FROM events")
            for row in store.backend.execute(sql))
        return rows, store.get_report(report_id).to_dict()


def test_a_packed_report_is_stored_as_the_full_one(tmp_path):
    full = FakeEvents()(report(SEIZED, id="palmyra", url="https://example.org/a"))
    full.sentences = [Sentence(0, 66, SEIZED[:66], 0, 66)]
    packed = pickle.loads(pickle.dumps(pack(full)))  # as it reaches the driver
    assert isinstance(packed, PackedReport)
    assert packed.events == [pack_event(event) for event in full.events]  # rows, not objects
    assert packed.sentences == [] and not len(packed.offsets)  # in the blob, not as objects
    assert _stored(str(tmp_path / "full.db"), full) == \
        _stored(str(tmp_path / "packed.db"), packed)
