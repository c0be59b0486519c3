"""The language layer: tokens, sentences, tags, lemmas and dependencies; casualty counts.

``check()`` is what ``sitrep doctor`` asks: is the project's own parsing model installed and
loadable?
"""

from __future__ import annotations

__all__ = ["check"]


def check() -> tuple[bool, str]:
    """``(ok, message)``: do the shipped spaCy pipeline and actor dictionary load? The message
    says the fix."""
    from .parse import model_path, load_pipeline

    path = model_path(None)
    if not path.is_dir():
        return False, f"parsing model missing at {path}: run `make models`"
    try:
        nlp = load_pipeline(path)
    except (OSError, ValueError) as exc:
        return False, f"parsing model at {path} does not load ({exc}): run `make models`"
    from ..actors.dictionary import ActorDictionary
    from ..errors import ResourceError

    try:
        actors = ActorDictionary()
    except (ResourceError, OSError, ValueError) as exc:
        return False, f"actor dictionary does not load ({exc}): reinstall sitrep"
    return True, (f"parsing model {path.name} loads ({', '.join(nlp.pipe_names)}); actor "
                  f"dictionary v{actors.version}: {len(actors.entries)} actors, "
                  f"{len(actors.countries)} countries")
