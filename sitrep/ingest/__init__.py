"""Reading inputs into :class:`sitrep.model.Report` objects.

    read_inputs(paths, options) -> Iterator[Report]     files, directories, "-" (stdin)

Formats (by file name; unnamed input is sniffed): plain text; HTML (main text and metadata
through trafilatura); JSON Lines; JSON; CSV/TSV; RSS/Atom feeds; WARC/ARC; ``.gz``, ``.zip`` and
``.tar(.gz)`` archives, recursively.

Every unit of input (a file, a JSONL line, a CSV row, a feed item, an archive member, a WARC
record) becomes one Report, in input order, with its provenance in ``path`` (``archive!member``)
and ``record`` (line, item line or byte offset). A unit that cannot be analysed is still yielded
— with ``raw == ""`` and ``rejection`` set (code, message, path, line) — so nothing is silently
dropped and nothing valid in the same input is lost.

Sizes: a single-document file over ``limits.max_bytes`` is rejected from its size, unread.
Multi-document files (JSON Lines, CSV/TSV, archives, WARC, and JSON Lines on stdin) are
streamed, and the limit applies to each line, row, member or record; the file as a whole has
budgets (decompressed bytes, records, runs of rejections; see ``budget.py``). HTML over
``limits.max_html_elements`` / ``max_html_attributes`` is rejected before parsing.

Text is made safe once, here: a field with a lone surrogate (a JSON ``"\\ud800"``) rejects its
document as ``undecodable``; a file name that is not UTF-8 is shown with ``\\xff`` escapes.

Publication dates: from the input's own metadata first ("metadata", "html-meta", "feed"), then a
date in the URL ("url"); ``ReadOptions.published`` fills in only where neither gave one ("cli").
A dateline that carries a year is used by the ``clean`` stage ("dateline").
"""

from .decode import InputRejected, decode_bytes
from .documents import ReadOptions, parse_date
from .sources import read_bytes, read_inputs, read_path, read_stream

__all__ = ["ReadOptions", "read_inputs", "read_path", "read_stream", "read_bytes",
           "decode_bytes", "parse_date", "InputRejected"]
