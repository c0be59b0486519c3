"""Lines that are page furniture, not report: badges, share/subscribe/cookie lines, bylines, photo
credits, "Advertisement", related-links lists — and the dateline that opens a wire story.

Every pattern is anchored to the whole line and limited to short lines, so a sentence of the
report that merely mentions "subscribe" or "photo" is never taken for furniture. Each function
takes the line with its spaces collapsed (``line``) and returns the reason it is furniture, or
``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["furniture_reason", "starts_link_list", "is_link_line", "Dateline", "find_dateline",
           "dateline_date"]

_MONTH_NAME = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
# "18 feb 2023", "june 4, 2019", "2019-06-04" (case-folded)
_MONTH_DAY_YEAR = (rf"\d{{1,2}} {_MONTH_NAME},? \d{{4}}|{_MONTH_NAME} \d{{1,2}},? \d{{4}}|"
                   r"\d{4}-\d{2}-\d{2}")

# (reason, pattern over the case-folded line); all are full-line matches.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern)) for reason, pattern in (
        ("read-time badge", r"(reading time:? )?(\d+|one|two|three|four|five) ?(-| )?"
                            r"(min|mins|minute|minutes)( read| reading| to read)?( time)?"),
        ("read-time badge", r"(estimated )?read(ing)? time:? \d+ ?(min|mins|minutes?)"),
        ("share line", r"((share|tweet|email|e-mail|print|copy link|save|pin|whatsapp|"
                       r"facebook|twitter|x|linkedin|pinterest|reddit|telegram|messenger|"
                       r"comments?|\d+ comments?)( this| article| story| on| via| page)*"
                       r"[ :|/·•,]*)+"),
        ("subscribe line", r"(subscribe|sign up|sign in|log ?in|register|join)( now| today| "
                           r"free| for free)?( to| for)? .{0,80}(newsletter|updates|alerts|"
                           r"briefing|inbox|account|access|podcast|channel)[.!]?"),
        ("subscribe line", r"(subscribe|sign up|sign in|log ?in|register)( now| here| today)?[.!]?"),
        ("subscribe line", r"(follow us|like us|get (the|our) .{0,40}app|download (the|our) "
                           r"app|get (the|our) .{0,40}newsletter).{0,80}"),
        ("cookie notice", r".{0,200}\b(cookies?)\b.{0,200}"),
        ("advertisement", r"[(\[]?(advertisement|advertising|sponsored( content)?|ad)[)\]]?"),
        ("advertisement", r"(advertisement|advertising|sponsored( content)?|ad|"
                          r"story continues (below|after) (the )?(advertisement|ad)|"
                          r"continue reading( below| the main story)?|article continues below|"
                          r"scroll to continue( with content)?|skip (to|past) (main )?"
                          r"(content|advertisement)|loading\.*|menu|home|search)[.:]?"),
        ("photo credit", r"(file )?(photo|photograph|picture|image|pic|video|graphic)s?"
                         r"( credit| copyright| caption| source)?\s?[:/|©].{0,120}"),
        ("photo credit", r"(image|media) (caption|copyright)\b.{0,200}"),
        ("photo credit", r".{0,120}[(/|]\s?(getty images|afp( via getty images)?|reuters|ap "
                         r"photo|epa(-efe)?|shutterstock|anadolu agency)[^a-z]{0,30}\)?"),
        ("copyright line", r"(copyright|©|\(c\)) ?.{0,200}|.{0,100}all rights reserved\.?"),
        ("source line", r"(format|source|via|credit|content type|originally published "
                        r"(at|on|by)|attachments?)\s?:.{0,120}"),
        ("subscribe line", r".{0,100}\b(in|to) your inbox\b.{0,100}|.{0,60}\b(sign up|"
                           r"subscribe|get|receive)\b.{0,60}\b(newsletter|briefing|updates|"
                           r"alerts)\b.{0,60}"),
        ("call to action", r"(have|got) a (news )?tip\b.{0,120}|(email|contact|write to|send) us"
                           r"\b.{0,120}|(join|start) the (conversation|discussion).{0,60}"),
        ("media control", r"download (the )?(pdf|report|file|document|attachment|app|"
                          r"full report).{0,60}"),
        ("timestamp line", r"(last )?(edited|modified|updated) by .{0,80}"),
        ("credit line", r".{0,120}\b(contributed|contributing) (to )?(this|the) (report|story|"
                        r"article)\.?"),
        ("byline", r"(staff and agencies|agencies|staff reporter|staff writer|wire services|"
                   r"news desk|web desk|online desk)"),
        ("call to action", r"(click|tap) here\b.{0,120}"),
        ("tags line", r"(tags|topics|categories|more on|related topics|keywords)\s?:.{0,160}|"
                      r"filed under:?\s.{0,160}"),
        ("media control", r"(enlarge|toggle|hide|show) (this )?(image|caption|photo|video)|"
                          r"copy link( to (this )?(article|story))?|listen to this "
                          r"(article|story).{0,20}|(play|watch) video.{0,60}|"
                          r"this (article|story) (was|has been) (originally )?(published|"
                          r"updated|translated|amended).{0,80}"),
        ("timestamp line", rf"((mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?({_MONTH_DAY_YEAR})"
                           r"(,? (at )?\d{1,2}[.:]\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,5})?)?|"
                           r"(updated |published |posted )?(\d+|an|a few) (minutes?|hours?|days?) "
                           r"ago"),
        ("standards line", r"our standards: the( thomson reuters)? trust principles\.?"),
        ("navigation", r"((home|news|world|politics|business|sport|sports|opinion|archive|"
                       r"contact( us)?|about( us)?|video|live|more|weather|tech(nology)?|"
                       r"culture|science|health|travel|markets|jobs|advertise|login|log in|"
                       r"sign in|search|menu|front page|latest|newsletters?)"
                       r"( ?[|>»/·•-] ?| ))*(home|news|world|politics|business|sport|sports|"
                       r"opinion|archive|contact( us)?|about( us)?|video|live|more|weather|"
                       r"tech(nology)?|culture|science|health|travel|markets|jobs|advertise|"
                       r"login|log in|sign in|search|menu|front page|latest|newsletters?)"),
        ("byline", r"\(?(reporting|additional reporting|writing|editing|compiled|produced) by "
                   r".{0,160}"),
        ("timestamp line", r"(published|updated|last updated|posted|first published|modified)"
                           r"( on| at)?:? .{0,60}\d.{0,40}"),
        ("related links", r"(read more|read also|also read|related|see also|more on this( story)?|"
                          r"you (may|might) also like|recommended( for you)?|most (read|popular|"
                          r"viewed|shared)|more from [a-z ]{1,30}|related (articles|stories|"
                          r"topics|coverage|content|news)|trending( now)?|top stories)\s?[:>|»]"
                          r".{0,120}"),
    )
)

# Limits per reason: furniture is short. A "cookie" line is furniture only when it is also about
# consent; a "by ..." line only when it has no sentence punctuation inside.
_MAX_WORDS = {"cookie notice": 60, "photo credit": 30, "related links": 20, "byline": 16,
              "share line": 16, "credit line": 20, "call to action": 20, "tags line": 25,
              "media control": 16, "source line": 12, "timestamp line": 12,
              "copyright line": 25, "subscribe line": 25}
_COOKIE_CONTEXT = re.compile(r"\b(we use|accept|consent|privacy|policy|this (web)?site|"
                             r"your (browser|experience)|agree)\b")
_HAS_VERB_PUNCT = re.compile(r"[;!?]|\.\s+[a-z]")


# Bylines are matched on the line as written: names are capitalised, which is what tells
# "By John Smith" from "By Monday it was over". After the first name, a name may open with
# lower-case particles ("Ahmed al-Masri", "Hassan bin Ali", "Maria de la Cruz").
_NAME_PARTICLES = (r"(?:(?:al|el|ad|an|ar|as|bin|ibn|abu|de|da|di|du|dos|das|del|la|le|van|von|"
                   r"der|den)[-' ])*")
_BYLINE = re.compile(
    r"(?i:(written |posted |reported |story |words )?by:?) (?-i:[A-Z][\w.'\-]+)"
    rf"(?: (?-i:{_NAME_PARTICLES}[A-Z][\w.'\-]+)){{0,3}}(?:,? (?:and|&) (?-i:[A-Z][\w.'\-]+)"
    rf"(?: (?-i:{_NAME_PARTICLES}[A-Z][\w.'\-]+)){{0,3}})?(?:,? (?:[A-Za-z ]{{0,40}})"
    r"(?i:correspondent|reporter|editor|writer|staff|journalist|contributor))?"
    r"(?:,? (?:in|for) [A-Z][\w ]{0,30})?")


# A kicker or section label above a headline: "SECURITY", "WORLD NEWS" (capitals, no sentence).
_SECTION_LABEL = re.compile(r"[A-Z][A-Z&/' -]{2,30}")


# The patterns a line of N words can match, joined into one alternation per N (tried in the
# order of _PATTERNS, so the first reason still wins): one regex call per line instead of ~25.
_COOKIE = next(pattern for reason, pattern in _PATTERNS if reason == "cookie notice")
_GROUP_REASONS = {f"p{i}": reason for i, (reason, _) in enumerate(_PATTERNS)}


def _build_combined() -> dict[int, re.Pattern[str] | None]:
    combined: dict[int, re.Pattern[str] | None] = {}
    compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
    for words in range(61):
        chosen = tuple(i for i, (reason, _) in enumerate(_PATTERNS)
                       if reason != "cookie notice" and words <= _MAX_WORDS.get(reason, 8))
        if chosen not in compiled:
            compiled[chosen] = re.compile("|".join(
                f"(?P<p{i}>{_PATTERNS[i][1].pattern})" for i in chosen)) if chosen else None
        combined[words] = compiled[chosen]
    return combined


_COMBINED = _build_combined()


def _combined_for(words: int) -> re.Pattern[str] | None:
    return _COMBINED.get(words)


def furniture_reason(line: str) -> str | None:
    """Why this (whitespace-collapsed) line is page furniture, or ``None`` if it is report text."""
    folded = line.casefold().strip()
    if not folded:
        return None
    words = len(folded.split())  # str.split() and \S+ see the same words (str.isspace)
    if words > 60:
        return None
    if "cookie" in folded and words <= _MAX_WORDS["cookie notice"] \
            and _COOKIE_CONTEXT.search(folded) and _COOKIE.fullmatch(folded):
        return "cookie notice"
    combined = _combined_for(words)
    if combined is not None:
        match = combined.fullmatch(folded)
        if match:
            return _GROUP_REASONS[match.lastgroup]
    if words <= 3 and _SECTION_LABEL.fullmatch(line.strip()):
        return "section label"
    if words <= _MAX_WORDS["byline"] and _BYLINE.fullmatch(line.strip()) \
            and not _HAS_VERB_PUNCT.search(folded):
        return "byline"
    return None


_LINK_LIST_HEAD = re.compile(
    r"(read more|related|see also|more on this( story)?|you (may|might) also like|recommended|"
    r"most (read|popular|viewed)|more from [a-z ]{1,30}|related (articles|stories|links|"
    r"coverage|news)|further reading|top stories|trending)\s*:?")


def starts_link_list(line: str) -> bool:
    """A heading that opens a list of links ("Related stories:", "Read more")."""
    return bool(_LINK_LIST_HEAD.fullmatch(line.casefold().strip()))


def is_link_line(line: str) -> bool:
    """A line that can be an entry of a links list: a short headline without a final period."""
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 16 and not stripped.endswith((".", "\"", "'"))


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")


def _character_class(test) -> str:
    """A regular-expression class of the characters of the Basic Multilingual Plane for which
    ``test`` holds (``re`` has no Unicode property classes), as ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if test(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


# Datelines name places in any script and language: "TÉHINI, Côte d’Ivoire", "N’DJAMENA".
_UPPER = _character_class(str.isupper)
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"  # a letter, or a combining accent of a decomposed one
_APOSTROPHE = "'\u2019"
_PLACE_WORD = rf"{_UPPER}(?:{_LETTER}|[{_APOSTROPHE}.\-])+"
# region words may open with an elided particle ("d’Ivoire") and be joined by particles
# ("Democratic Republic of the Congo", "Bosnia and Herzegovina", "Trinidad and Tobago")
_REGION_WORD = rf"(?:[dlDL][{_APOSTROPHE}])?{_UPPER}(?:{_LETTER}|[{_APOSTROPHE}.\-])+"
_PARTICLE = r"(?:of|and|the|de|du|des|del|da|do|dos|di|la|le|el|al)\s"
_AGENCY_NAME = rf"{_UPPER}(?:{_LETTER}|[ .&{_APOSTROPHE}/\-]){{0,30}}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,3}})"
    rf"(?:,\s*(?P<region>{_REGION_WORD}(?:\s(?:{_PARTICLE}){{0,2}}{_REGION_WORD}){{0,3}}))?"
    rf"(?:,?\s*(?P<date>{_MONTH}\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?))?"
    # the agency: "(Reuters)", "(Sahel Wire)", "(Reuters/AP)", "(Gulf Daily, via Tigris News)":
    # up to three capitalised names of at most 31 characters, comma-separated (no digits, no
    # lower-case opening: "(who spoke) -", "(updated 3 March) -" open no dateline)
    rf"\s*(?:\((?P<agency>{_AGENCY_NAME}(?:,\s(?:via\s)?{_AGENCY_NAME}){{0,2}})\))?"
    r"\s*(?:--|[-\u2013\u2014:])\s+")
# "Gulf Daily, via Tigris News": the outlet that ran the story, and the agency it came through.
_VIA = re.compile(r"(?P<agency>.+?),?\s+via\s+(?P<via>.+)")


# News agencies whose name alone opens a story: "(Reuters) - Syrian forces ...".
_AGENCY_ONLY = re.compile(
    r"\((?P<agency>Reuters|AP|AFP|Xinhua|dpa|DPA|Bloomberg|ANI|PTI|IANS|UPI|EFE|ANSA|Anadolu|"
    r"AA|TASS|RIA|Yonhap|Kyodo|KUNA|WAM|SPA|IRNA|CNN|BBC|VNA|NNA|APA|Bernama|Interfax|"
    r"Sputnik|Prensa Latina|Al Jazeera|Reuters/AP|AP/Reuters)\)\s*(?:--|[-\u2013\u2014:])\s+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """"BEIRUT, Dec 13 (Reuters) —": where the story was filed, by whom, and when (as written).

    ``length`` is the number of characters (of the line) the dateline takes, trailing space included.
    """

    place: str | None
    region: str | None
    agency: str | None
    date_text: str | None
    length: int
    via: str | None = None  # "(Gulf Daily, via Tigris News)": the agency it came through


def find_dateline(line: str) -> Dateline | None:
    """The dateline opening ``line``, if any.

    Without an agency in brackets the place must be in capitals ("ALEPPO, Syria —") or followed
    by a date with its year ("Kano, March 4, 2024 —"), so that an ordinary sentence opening with
    a capitalised word and a dash is never mistaken for one.
    """
    match = _DATELINE.match(line)
    if not match:
        alone = _AGENCY_ONLY.match(line)
        if alone and line[alone.end():alone.end() + 1].strip():
            return Dateline(place=None, region=None, agency=alone["agency"], date_text=None,
                            length=alone.end())
        return None
    place = match["place"]
    letters = [c for c in place if c.isalpha()]
    if match["agency"] is None:
        # a mixed-case place opens a dateline only with a full date after it ("Kano, March 4,
        # 2024 —"): no ordinary sentence opens with a name, a date with its year and a dash
        dated = bool(match["date"]) and bool(re.search(r"\d{4}", match["date"]))
        if len(letters) < 3 or not (place.isupper() or dated and len(place.split()) <= 3):
            return None
    elif not place.isupper() and not (match["region"] or match["date"]):
        # "Beirut (AFP) -" is a dateline; "Officials (who spoke) -" is not: mixed-case
        # places need a known agency shape: one or two capitalised words
        if len(place.split()) > 2 or not match["agency"][0].isupper():
            return None
    if not line[match.end():match.end() + 1].strip():
        return None
    agency, via = match["agency"], None
    routed = _VIA.fullmatch(agency.strip()) if agency else None
    if routed:
        agency, via = routed["agency"], routed["via"]
    return Dateline(place=place, region=match["region"], agency=agency.strip() if agency else None,
                    date_text=match["date"], length=match.end(), via=via)


_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_DATE_PARTS = re.compile(r"([A-Za-z]+)\.?\s(\d{1,2})(?:,?\s(\d{4}))?")
_DAY_FIRST = re.compile(r"(\d{1,2})\s([A-Za-z]+)\.?(?:,?\s(\d{4}))?")


def dateline_date(date_text: str | None, reference: date | None) -> date | None:
    """The date a dateline gives ("Dec 13, 2016"); without a year ("Dec 13") the year is the one
    that puts it on or just before ``reference`` (a default publication date), else unknown."""
    if not date_text:
        return None
    match = _DATE_PARTS.fullmatch(date_text.strip())
    if match and match[1].lower() in _MONTHS:
        month, day, year = _MONTHS[match[1].lower()], int(match[2]), match[3]
    else:
        match = _DAY_FIRST.fullmatch(date_text.strip())
        if not match or match[2].lower() not in _MONTHS:
            return None
        month, day, year = _MONTHS[match[2].lower()], int(match[1]), match[3]
    try:
        if year:
            return date(int(year), month, day)
        if reference is None:
            return None
        for year in (reference.year + 1, reference.year, reference.year - 1):
            candidate = date(year, month, day)
            if candidate <= reference + timedelta(days=1):
                return candidate
    except ValueError:
        return None
    return None
