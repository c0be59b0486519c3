"""The event coder's word lists, compiled: trigger frames (``triggers.toml``) and context words
(``context.toml``). Loaded once per stage; compiled patterns pickle, so stages stay picklable.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

__all__ = ["Frame", "Lexicon", "load_lexicon", "compile_words"]


def compile_words(patterns: list[str] | tuple[str, ...],
                  not_after: tuple[str, ...] = ()) -> re.Pattern:
    """One case-insensitive alternation of ``patterns``, anchored on word boundaries; none
    right after a word of ``not_after``."""
    if not patterns:
        return re.compile(r"(?!x)x")
    # longest first, so "suicide car bomb" wins over "suicide"
    ordered = sorted(patterns, key=len, reverse=True)
    behind = "".join(rf"(?<!{re.escape(word)} )" for word in not_after)
    return re.compile(r"(?<![\w-])" + behind + "(?:" + "|".join(ordered) + r")(?![\w])",
                      re.IGNORECASE)


# Words that make a fighter or an officer a civilian ("a former rebel", "a retired policeman"):
# ACLED codes people who no longer bear arms by what they are now.
_NO_LONGER = ("former", "retired")
_ARMED_ROLE_NAMES = ("state", "nonstate")


def _compile_roles(roles: dict[str, list[str]]) -> dict[str, re.Pattern]:
    """The role patterns; an armed role after a word of ``_NO_LONGER`` is a civilian's."""
    compiled = {name: compile_words(words, _NO_LONGER if name in _ARMED_ROLE_NAMES else ())
                for name, words in roles.items()}
    armed = [word for name in _ARMED_ROLE_NAMES for word in roles.get(name, ())]
    if "civilian" in roles and armed:
        no_longer = "(?:" + "|".join(_NO_LONGER) + ") (?:" + "|".join(
            sorted(armed, key=len, reverse=True)) + ")"
        compiled["civilian"] = compile_words([*roles["civilian"], no_longer])
    return compiled


@dataclass(frozen=True)
class Frame:
    """A kind of happening and the words that evoke it (see triggers.toml)."""

    name: str
    weight: float
    pattern: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    frames: tuple[Frame, ...]
    roles: dict[str, re.Pattern]
    cues: dict[str, re.Pattern]

    def frame(self, name: str) -> Frame:
        for frame in self.frames:
            if frame.name == name:
                return frame
        raise KeyError(name)


def _read_toml(path: str | Path | None, default_name: str) -> dict:
    try:
        if path is None:
            text = resources.files("sitrep.events").joinpath(default_name).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(f"event lexicon not found: {path or default_name}", "E510") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"event lexicon {path or default_name} is not valid TOML: {exc}",
                          "E511") from None


def load_lexicon(triggers: str | Path | None = None,
                 context: str | Path | None = None) -> Lexicon:
    """The shipped lexicon, or the given TOML files in its format."""
    trigger_data = _read_toml(triggers, "triggers.toml")
    context_data = _read_toml(context, "context.toml")
    try:
        frames = tuple(Frame(entry["name"], float(entry["weight"]), compile_words(entry["patterns"]))
                       for entry in trigger_data["frame"])
        roles = _compile_roles(context_data["roles"])
        cues = {name: compile_words(words) for name, words in context_data["cues"].items()}
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"event lexicon is malformed: {type(exc).__name__}: {exc}",
                          "E512") from None
    return Lexicon(frames, roles, cues)
