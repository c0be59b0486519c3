"""sitrep: news about armed conflict and political violence in; coded, sourced events out.

The library comes first and the CLI mirrors its verbs:

    from sitrep import Pipeline, read_inputs
    pipeline = Pipeline()
    for report in pipeline.pipe(read_inputs(["news/"])):
        print(report.to_contract())

See README.md ("Python API") for the store verbs.
"""

from .config import Config, load_config
from .errors import ConfigError, RejectCode, ResourceError, SitrepError, StoreError, UsageError
from .model import (Actor, Event, Place, Quantity, Rejection, Report, Sentence, Span, TimeExpr,
                    Token)
from .pipeline import Pipeline, register_stage

__version__ = "0.1.0"

__all__ = [
    "Actor", "Config", "ConfigError", "Event", "Pipeline", "Place", "RejectCode", "Rejection",
    "Report", "ResourceError", "Sentence", "SitrepError", "Span", "StoreError", "TimeExpr",
    "Token", "UsageError", "load_config", "register_stage", "read_inputs", "__version__",
]


def __getattr__(name: str):
    # The ingestion layer pulls in optional heavy readers; import it only when asked for.
    if name == "read_inputs":
        from .ingest import read_inputs

        return read_inputs
    raise AttributeError(name)
