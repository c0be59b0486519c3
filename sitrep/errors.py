"""sitrep's exception tree and the reason codes of rejections.

    SitrepError                 every error sitrep raises on purpose; carries a code "E###"
    ├── ConfigError             a configuration that cannot build a pipeline (raised at build time)
    ├── UsageError              a bad call of the API or CLI (the CLI exits 2)
    ├── StoreError              the store cannot be opened, migrated or written
    └── ResourceError           a model or gazetteer the pipeline needs is missing or stale
                                (E40x gazetteer, E41x actor dictionary, E42x parsing model,
                                 E43x build-time data)

A bad *document* is not an exception: it becomes a :class:`sitrep.model.Rejection` with one of the
:class:`RejectCode` values below, and the run goes on.
"""

from __future__ import annotations

from enum import Enum


class SitrepError(Exception):
    """Base of sitrep's errors; ``code`` is stable, the message says what to do."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        if code:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self):  # across processes: rebuilt from its parts, not its printed form
        return type(self), (self.message, self.code)


class ConfigError(SitrepError):
    code = "E100"


class UsageError(SitrepError):
    code = "E200"


class StoreError(SitrepError):
    code = "E300"


class ResourceError(SitrepError):
    code = "E400"


class RejectCode(str, Enum):
    """Why a document (or one unit of an input file) was not analysed."""

    EMPTY = "empty"                          # no text, or only whitespace
    BINARY = "binary"                        # looks like binary data, not text
    UNDECODABLE = "undecodable"              # no text encoding fits the bytes
    TOO_LARGE = "too_large"                  # over the configured size limit; not read
    MALFORMED = "malformed"                  # a record that does not parse (bad JSON, ...)
    MISSING_FIELD = "missing_field"          # a record without its text
    UNREADABLE = "unreadable"                # the file cannot be opened or read
    UNSUPPORTED_FORMAT = "unsupported_format"  # no reader for this kind of file
    UNSUPPORTED_LANGUAGE = "unsupported_language"  # not English (yet)
    NO_LETTERS = "no_letters"                # text without any letters
    STAGE_ERROR = "stage_error"              # a stage failed on this document (see errors)
    WORKER_CRASHED = "worker_crashed"        # the analysing process died on it, twice (ray engine)
