"""Reading inputs into :class:`sitrep.model.Report` objects.

    read_inputs(paths, options) -> Iterator[Report]     files, directories, "-" (stdin)

Every unit of input (a file, a JSONL line, a CSV row, an archive member, a WARC record) becomes
one Report, in input order. A unit that cannot be analysed is still yielded — with ``raw == ""``
and ``rejection`` set (code, message, path, line) — so nothing is silently dropped and nothing
valid in the same input is lost.
"""

from .decode import InputRejected, decode_bytes
from .documents import ReadOptions, parse_date
from .sources import read_bytes, read_inputs, read_path, read_stream

__all__ = ["ReadOptions", "read_inputs", "read_path", "read_stream", "read_bytes",
           "decode_bytes", "parse_date", "InputRejected"]
