"""Photo captions among a report's paragraphs, recognised by their form.

A news page carries its pictures' captions as paragraphs of their own. A caption illustrates:
it describes what a photograph shows ("Two of the hijackers inspect 19 June 1985 at Beirut
airport the hijacked jet-liner", "Blanchard (pictured) was last seen October 23 at a
convenience store"), often an event the article tells, or one of years ago, and ACLED's coders
do not code from it. Cleaning keeps the text (a caption may be the only words naming a
person); ``detect_events`` marks the events it finds in a caption as not asserted, with the
caption's cue as the reason.

A paragraph of at most sixty words is a caption when its form says so, whatever its words are
about:

* it carries a photo credit or a photo's own label ("Photograph: Name/Agency",
  "REUTERS/Name", "(Photo: ...)", "In this file photo, ...");
* it points at the picture ("pictured", a position in parentheses: "(L)", "(right)",
  "(second left)") and either ends without a sentence's closing punctuation (the habit of
  captions set under a picture) or tells a scene in the present tense; a caption run into the
  line of an article's sentence starts at the sentence that points;
* it is one sentence describing a scene in the present tense ("Soldiers inspect ...",
  "emerges from the cockpit ...") with a date of its own clause that has its year ("19 June
  1985"), or, set without closing punctuation, is an earlier year ("in 2018"): the tense of a
  picture, dated as a picture is.
  A present that reports or judges (a verb taking a clause: "police say", "the report finds
  that"), a subject in the first or second person ("we call on"), a year in a clause of its
  own ("a park named after a worker stabbed in 1978") or one that says since when ("has been
  fighting since 2015") make a statement, not a scene; the present with "is"/"are" ("are
  seated", "is leading a coalition") counts only in a caption without closing punctuation.

The tense is read from the parse of the sentence (its root and the root's auxiliaries), which
the ``segment`` stage gives the sentences that hold an act word; without a parse only the
credit and a marker without closing punctuation count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from ..model import Report

__all__ = ["Caption", "find_captions", "photo_credit", "picture_marker"]

# a photograph's credit or label: "Photograph: Abedin Taherkenareh/EPA", "Photo: AFP",
# "REUTERS/Stringer", "(Photo by ...)", "AFP PHOTO / ...", "Getty Images", "In this file photo"
_CREDIT = re.compile(
    r"\b(?:Photograph|Photo|Photos|Picture|Image|Photo credit|Credit)\s*:(?=\s*\S)"
    r"|\((?:Photo|Picture|Image)\b[^)]*\)"
    r"|\b(?:Photo|Picture|Image) by(?= [A-Z])"
    r"|\b(?:AFP|REUTERS|Reuters|AP|EPA|AAP|ANP|Xinhua|Anadolu|Getty)\s*(?:PHOTO\b|Photo\b|/(?=\s?[A-Z]))"
    r"|\bvia Getty Images\b|\bGetty Images\b"
    # an agency or photographer in parentheses closing the paragraph ("... in 2018. (Associated
    # Press)"); at a paragraph's start it is a dateline ("BEIRUT (AP) -")
    r"|\((?:Associated Press|AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua|Anadolu|[A-Z]{2,6}/"
    r"[A-Z][\w. -]+)\)\s*$"
    r"|\b[Ii]n (?:this|these|a|the) (?:[\w,.-]+ ){0,5}?(?:photos?|images?|pictures?|photographs?)"
    r"(?: \w+)?,")
# words one of which every credit holds (lower case): paragraphs without any are passed quickly
_CREDIT_HINTS = ("photo", "image", "picture", "credit", "getty", "/", "(associated press)",
                 "(ap)", "(afp)", "(reuters)", "(epa)", "(xinhua)", "(anadolu)")
# the picture pointed at: "pictured", "(pictured Wednesday)", a position in parentheses
_POSITION = (r"(?:(?:far|second|third|fourth|from|top|bottom|front|back|centre|center|middle|"
             r"upper|lower)\s+)*(?:L|R|C|l|r|left|right|centre|center|middle|top|bottom|front|"
             r"back|rear)")
_MARKER = re.compile(r"\bpictured\b|\(" + _POSITION + r"(?:\s*(?:,|and|to)\s*" + _POSITION +
                     r")*\)", re.IGNORECASE)
# a sentence's closing punctuation, and the quotes and brackets that may follow it
_CLOSING = (".", "!", "?", "\u2026")
_AFTER_CLOSING = "\"'\u201d\u2019)] \t"
# a date with its year ("19 June 1985", "June 20, 1985", "Oct. 2, 2019") or a year alone
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_FULL_DATE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)? " + _MONTH + r",? (?:1[89]|20)\d\d|"
                        + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?,? (?:1[89]|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a year that says when ("in 2018", "in June 1985"), not since or until when
_IN_YEAR = re.compile(r"\b(?:in|of|on)\s+(?:(?:early|late|mid)[ -])?(?:" + _MONTH + r"\s+)?$",
                      re.IGNORECASE)
# the speakers of a statement, not the people a picture shows
_PERSONAL = frozenset({"i", "we", "you"})
# present-tense auxiliaries ("are seated", "is escorted", "are pictured walking")
_PRESENT_AUXILIARIES = frozenset({"is", "are", "am"})
# the fewest characters of text besides the captions that make the report an article they stand
# in (a headline or a dateline alone does not)
_ARTICLE_CHARS = 200
# the most words a caption runs to: a longer paragraph pointing at a picture is an article's
# passage or a fact box that opens with its picture ("X, pictured in 2004, ... was arrested in
# 1988 ... convicted him of murder ...")
_CAPTION_WORDS = 60


@dataclass(frozen=True, slots=True)
class Caption:
    """A paragraph of the clean text (``cstart:cend``) read as a photo caption, and why."""

    cstart: int
    cend: int
    cue: str


def photo_credit(paragraph: str) -> str | None:
    """The words of a photo credit or label in ``paragraph``, or None."""
    lowered = paragraph.lower()
    if not any(hint in lowered for hint in _CREDIT_HINTS):
        return None  # most paragraphs: the full pattern is slow to fail (0.13 ms a paragraph)
    found = _CREDIT.search(paragraph)
    return found.group(0).rstrip(",: ") if found else None


def picture_marker(paragraph: str) -> str | None:
    """The words pointing at a picture ("pictured", "(left)") in ``paragraph``, or None."""
    if "(" not in paragraph and "ictured" not in paragraph:
        return None
    found = _MARKER.search(paragraph)
    return found.group(0) if found else None


def find_captions(report: Report) -> list[Caption]:
    """The paragraphs (lines of the clean text) of ``report`` that are photo captions; none
    when the report is nothing but captions (a caption sent alone, a snippet): a caption
    illustrates the article it stands in, and alone it is the only telling there is."""
    captions = []
    starts = [token.cstart for token in report.tokens]
    start = 0
    for line in report.text.split("\n"):
        end = start + len(line)
        paragraph = line.strip()
        if paragraph:
            first = start + line.index(paragraph[0])
            found = _caption_cue(report, paragraph, first, starts)
            if found is not None and len(report.text[found[0]:end].split()) <= _CAPTION_WORDS:
                captions.append(Caption(found[0], end, found[1]))
        start = end + 1
    told = sum(caption.cend - caption.cstart for caption in captions)
    if len(report.text.strip()) - told < _ARTICLE_CHARS:
        return []
    return captions


def _caption_cue(report: Report, paragraph: str, first: int,
                 starts: list[int]) -> tuple[int, str] | None:
    """Where the caption in ``paragraph`` (at clean offset ``first``) starts and why it is
    one, or None. ``starts``: the clean offsets of the report's tokens."""
    credit = photo_credit(paragraph)
    if credit is not None:
        return first, f"photo credit {credit!r}"
    closed = paragraph.rstrip(_AFTER_CLOSING).endswith(_CLOSING)
    marker = _MARKER.search(paragraph) if picture_marker(paragraph) else None
    if marker is not None:
        # a caption run into the line of the paragraph before it starts at the sentence that
        # points at the picture; what follows it on the line is the caption's too
        sentence = _sentence_tokens(report, starts, first + marker.start())
        begin = report.tokens[sentence[0]].cstart if sentence else first + marker.start()
        if not closed:
            return begin, f"{marker.group(0)!r}, no closing punctuation"
        scene = _present_scene(report, sentence, closed)
        if scene is not None:
            return begin, f"{marker.group(0)!r}, present tense {report.tokens[scene].text!r}"
        return None
    sentence = _sentence_tokens(report, starts, first)
    if not sentence or report.tokens[sentence[-1]].cend < first + len(paragraph):
        return None  # not one sentence
    scene = _present_scene(report, sentence, closed)
    if scene is None:
        return None
    for dated in _scene_dates(paragraph, report.published, closed):
        position = first + dated.start()
        index = next((i for i in sentence if report.tokens[i].cstart >= position), None)
        if index is not None and _in_clause_of(report.tokens, sentence, index, scene):
            return first, (f"present tense {report.tokens[scene].text!r} dated "
                           f"{dated.group(0)!r}")
    return None


def _sentence_tokens(report: Report, starts: list[int], position: int) -> range:
    """The token indices of the sentence holding clean offset ``position`` (its first token
    at or after it), empty when there is none."""
    tokens = report.tokens
    index = bisect_left(starts, position)
    if index >= len(tokens):
        return range(0)
    sent = tokens[index].sent
    low = high = index
    while low > 0 and tokens[low - 1].sent == sent:
        low -= 1
    while high + 1 < len(tokens) and tokens[high + 1].sent == sent:
        high += 1
    return range(low, high + 1)


def _scene_dates(paragraph: str, published: date | None, closed: bool):
    """The dates with their year in ``paragraph``, and, in a paragraph without closing
    punctuation, the years before the publication's ("in 2018"; any year when it is not known)
    that say when, not since when. An article's sentence in the present tense names a bare
    year often enough ("the crackdown follows protests in 2019"), a full date rarely."""
    yield from _FULL_DATE.finditer(paragraph)
    if closed:
        return
    for found in _YEAR.finditer(paragraph):
        if (published is None or int(found.group(0)) < published.year) and \
                _IN_YEAR.search(paragraph, 0, found.start()):
            yield found


# the clauses that tell something besides the scene: a date inside them is not the picture's,
# unless the clause is an infinitive of the scene's purpose ("attend a rally to mark Women's
# Day in Seoul in 2018")
_OTHER_CLAUSE = frozenset({"acl", "advcl", "ccomp", "csubj", "parataxis", "conj"})


def _in_clause_of(tokens, sentence: range, index: int, root: int) -> bool:
    """Whether token ``index`` hangs on ``root`` without passing through another clause."""
    for _ in range(len(sentence)):
        if index == root:
            return True
        if tokens[index].dep.split(":")[0] in _OTHER_CLAUSE and (
                tokens[index].dep == "acl:relcl" or not any(
                    tokens[i].head == index and tokens[i].text.lower() == "to"
                    and tokens[i].dep == "mark" for i in sentence)):
            return False
        head = tokens[index].head
        if head == index or head not in sentence:
            return False
        index = head
    return False


def _present_scene(report: Report, sentence: range, closed: bool) -> int | None:
    """The root verb of the parsed sentence of tokens ``sentence`` when the sentence describes a
    scene in the present tense, or None: a verb in the simple present ("inspect", "emerges")
    with a subject in the third person, taking no clause (not a verb of saying or judging:
    "police say", "the report finds that"). The present with "is"/"are" ("are seated", "is
    leading a coalition") is as often an article's statement: it counts only in a caption set
    without closing punctuation."""
    tokens = report.tokens
    # the verb among the sentence's roots (a parse may leave a name unattached as a root too)
    index = next((i for i in sentence if tokens[i].head == i and tokens[i].dep
                  and tokens[i].pos == "VERB"), None)
    if index is None:
        return None
    children = [i for i in sentence if tokens[i].head == index and i != index]
    subjects = [i for i in children if tokens[i].dep.startswith("nsubj")]
    if any(tokens[i].dep.split(":")[0] == "ccomp" for i in children) or not subjects or any(
            tokens[i].text.lower() in _PERSONAL for i in subjects):
        return None
    auxiliaries = [tokens[i].text.lower() for i in children if tokens[i].dep.startswith("aux")]
    if auxiliaries:
        return index if not closed and all(a in _PRESENT_AUXILIARIES for a in auxiliaries) \
            else None
    word, lemma = tokens[index].text.lower(), tokens[index].lemma.lower()
    if word == lemma or word in (lemma + "s", lemma + "es") or (
            lemma.endswith("y") and word == lemma[:-1] + "ies"):
        return index
    return None
