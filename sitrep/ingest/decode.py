"""Bytes to text: byte-order marks, UTF-8, encoding detection, legacy Western code pages.

A unit that cannot become text raises :class:`InputRejected`, which the readers turn into a
recorded rejection; it never escapes :func:`sitrep.ingest.read_inputs`.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import RejectCode

__all__ = ["InputRejected", "decode_bytes", "check_text"]


class InputRejected(Exception):
    """One input unit cannot be analysed; ``code`` is a :class:`RejectCode` value."""

    def __init__(self, code: RejectCode, message: str) -> None:
        self.code = code.value
        self.message = message
        super().__init__(f"{self.code}: {message}")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (everything below 0x20 except \t \n \v \f \r, plus ESC
# and DEL are kept out too). One NUL is enough: no text encoding we accept without a BOM has NULs.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# More than 1 in 100 control bytes means binary. Text files in the wild carry the odd stray
# form feed or escape; image/zip/pdf headers have dozens in their first kilobyte.
_CONTROL_RATIO = 0.01

# Text read as cp1252 is taken as cp1252 when at most this share of its letters are not ASCII:
# English (and most Western) news has a few accented letters in a hundred, whereas another
# code page read as cp1252 (Russian cp1251: "Áîåâèêè") is nearly all of them. Detection alone
# is unreliable here: charset-normalizer calls cp1252 English with curly quotes "cp1250, Dutch".
_MAX_NON_ASCII_LETTERS = 0.3


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding that produced it, or raise :class:`InputRejected`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputRejected(RejectCode.UNDECODABLE,
                                    f"byte-order mark says {encoding} but {exc.reason} at byte "
                                    f"{exc.start + len(bom)}") from None
    if b"\x00" in data:
        raise InputRejected(RejectCode.BINARY, "contains NUL bytes: binary data, not text")
    if data:
        controls = len(_CONTROL_BYTES.findall(data, 0, 65536))
        if controls > _CONTROL_RATIO * min(len(data), 65536):
            raise InputRejected(RejectCode.BINARY,
                                f"{controls} control bytes in the first {min(len(data), 65536)}: "
                                "binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mostly_ascii_letters(western):
        return western, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    if western is not None:
        return western, "cp1252"
    raise InputRejected(RejectCode.UNDECODABLE,
                        "not UTF-8, no encoding detected and not cp1252/latin-1")


def _mostly_ascii_letters(text: str) -> bool:
    letters = non_ascii = 0
    for char in text:
        if char.isalpha():
            letters += 1
            non_ascii += not char.isascii()
    return letters > 0 and non_ascii <= _MAX_NON_ASCII_LETTERS * letters


def check_text(text: str, *, max_chars: int, min_letters: int) -> None:
    """Reject decoded text that is empty, too long or has no letters."""
    if not text.strip():
        raise InputRejected(RejectCode.EMPTY, "no text (empty or only whitespace)")
    if len(text) > max_chars:
        raise InputRejected(RejectCode.TOO_LARGE,
                            f"{len(text):,} characters, over the limit of {max_chars:,}")
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= min_letters:
                return
    raise InputRejected(RejectCode.NO_LETTERS,
                        f"{letters} letter(s), fewer than the minimum of {min_letters}")
