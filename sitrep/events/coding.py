"""What the codebooks' rules produce and read: a ``Coding`` (ACLED sub-event type and event type,
PLOVER type and mode, CAMEO root, the reason) and the ``Context`` of one trigger; the codebook
tables behind them (each ACLED sub-event type's event type and default PLOVER / CAMEO codes, the
frames that are never political violence). The rules themselves are in ``codebook.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Coding", "Context", "acled", "acled_coding", "plover_only", "ACLED_EVENT_TYPE",
           "DIPLOMATIC_FRAMES"]

# sub-event type -> its ACLED event type
ACLED_EVENT_TYPE = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# frames that are never political violence: (PLOVER type, CAMEO root)
DIPLOMATIC_FRAMES = {
    "consult": ("CONSULT", "04"), "accuse": ("ACCUSE", "11"), "sanction": ("SANCTION", "16"),
    "threaten": ("THREATEN", "13"), "request": ("REQUEST", "10"), "aid": ("AID", "07"),
    "reject": ("REJECT", "12"), "cooperate": ("COOPERATE", "06"), "retreat": ("RETREAT", "08"),
    "support": ("SUPPORT", "05"), "agree_verbal": ("AGREE", "03"), "concede": ("CONCEDE", "08"),
    "coerce": ("COERCE", "17"),
}

# (PLOVER type, mode, CAMEO root) per ACLED sub-event type
_PLOVER_CAMEO = {
    "Armed clash": ("ASSAULT", "firearms", "19"),
    "Government regains territory": ("ASSAULT", None, "19"),
    "Non-state actor overtakes territory": ("ASSAULT", None, "19"),
    "Chemical weapon": ("ASSAULT", "chemical", "20"),
    "Air/drone strike": ("ASSAULT", "aerial", "19"),
    "Suicide bomb": ("ASSAULT", "suicide-attack", "18"),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons", "19"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives", "18"),
    "Grenade": ("ASSAULT", "explosives", "18"),
    "Sexual violence": ("ASSAULT", "sexual", "18"),
    "Attack": ("ASSAULT", None, "18"),
    "Abduction/forced disappearance": ("COERCE", "detain", "18"),
    "Peaceful protest": ("PROTEST", "demo", "14"),
    "Protest with intervention": ("PROTEST", "demo", "14"),
    "Excessive force against protesters": ("ASSAULT", "firearms", "17"),
    "Violent demonstration": ("PROTEST", "riot", "14"),
    "Mob violence": ("ASSAULT", "beat", "18"),
    "Agreement": ("AGREE", None, "05"),
    "Arrests": ("COERCE", "arrest", "17"),
    "Change to group/activity": ("MOBILIZE", "troops", "15"),
    "Disrupted weapons use": ("COERCE", "confiscate", "17"),
    "Headquarters or base established": ("MOBILIZE", "troops", "15"),
    "Looting/property destruction": ("COERCE", "destroy", "17"),
    "Non-violent transfer of territory": ("RETREAT", None, "08"),
    "Other": (None, None, None),
}


@dataclass
class Context:
    """What the rules may look at, gathered by the stage for one trigger."""

    frame: str
    trigger: str                      # the trigger's words
    sentence: str                     # the sentence (clean text)
    before: str                       # clause text before the trigger
    after: str                        # clause text after the trigger (a few words)
    window: str                       # the sentence and its neighbours (protest force cues)
    neighbours: str = ""              # the sentences before and after (disaster or crime context)
    agent_roles: set[str] = field(default_factory=set)   # roles of actor1 / words before
    target_roles: set[str] = field(default_factory=set)  # roles of actor2 / words after
    sentence_roles: set[str] = field(default_factory=set)
    actor1_inter: int | None = None
    actor2_inter: int | None = None
    place_after: bool = False         # a place mention follows the trigger in its clause
    place_in_sentence: bool = False   # a place mention anywhere in the sentence
    passive: bool = False
    frames_here: set[str] = field(default_factory=set)   # other frames in the same sentence


@dataclass(frozen=True)
class Coding:
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    reason: str
    weight_change: float = 0.0

    @property
    def event_type(self) -> str | None:
        return ACLED_EVENT_TYPE.get(self.sub_event_type) if self.sub_event_type else None


def acled(sub_event_type: str, reason: str, weight_change: float = 0.0,
          mode: str | None = "", plover: str | None = "") -> Coding:
    """An ACLED sub-event type's coding; ``mode`` and ``plover`` override its default PLOVER mode
    and type (None: none), ``weight_change`` moves the mention's confidence."""
    default_plover, default_mode, cameo = _PLOVER_CAMEO[sub_event_type]
    return Coding(sub_event_type, default_plover if plover == "" else plover,
                  default_mode if mode == "" else mode, cameo, reason, weight_change)


def acled_coding(sub_event_type: str, reason: str, mode: str | None = "") -> Coding:
    """The coding of an ACLED sub-event type with its default PLOVER type, mode and CAMEO root
    (``mode`` overrides the mode): for a later stage that re-decides the sub-type once it knows
    more than the sentence's rules did (the actor layer, from the coded parties)."""
    return acled(sub_event_type, reason, mode=mode)


def plover_only(plover: str | None, mode: str | None, cameo: str | None, reason: str) -> Coding:
    """A coding with no ACLED type: not political violence (PLOVER and CAMEO where the text
    supports one)."""
    return Coding(None, plover, mode, cameo, reason)
