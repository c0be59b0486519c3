"""The ``find_actors`` stage: actor mentions coded to canonical actors, in raw offsets.

Mentions are found sentence by sentence (``recognize.py``), then coded with the whole document
as context (``coding.py``): its country, and the armed group it is about, to which "the
militants" and "the group" refer. Every :class:`~sitrep.model.Actor` keeps its ``reason``.
"""

from __future__ import annotations

from ..model import Actor, Report
from .coding import code_mention, document_context
from .dictionary import ActorDictionary
from .recognize import find_mentions, may_hold_subject_of_violence

__all__ = ["FindActors"]


class FindActors:
    """Find and code actor mentions; needs ``segment`` to have run.

    ``news_agencies``: keep mentions of news agencies (typed "News agency", no inter code) so
    later stages can use them as attribution; they are never armed actors.
    """

    name = "find_actors"

    def __init__(self, news_agencies: bool = True) -> None:
        self.news_agencies = news_agencies
        self.dictionary = ActorDictionary()

    def needs_dependencies(self, text: str) -> bool:
        """Only a sentence that may hold a violent verb has its parse read here."""
        return may_hold_subject_of_violence(text)

    def __call__(self, report: Report) -> Report:
        mentions = []
        for start, end in report.sentence_token_ranges():
            mentions.extend(find_mentions(self.dictionary, report.tokens, start, end))
        context = document_context(self.dictionary, report, mentions)
        actors: list[Actor] = []
        state_of: dict[str, Actor] = {}
        for mention in mentions:
            actor = code_mention(self.dictionary, report, context, mention, state_of)
            if actor is None or (actor.inter is None and actor.type == "News agency"
                                 and not self.news_agencies):
                continue
            if actor.inter in (1, 8) and actor.cameo and actor.cameo.endswith(("MIL", "COP")):
                state_of.setdefault(actor.cameo[:3], actor)
            actors.append(actor)
        report.actors = actors
        return report
