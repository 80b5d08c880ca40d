"""Control claims from articles: which side holds a place, since when, says who.

For every sentence with a place mention, cheap rules from `lexicon.yaml` find
the cue (took, rebel-held, clashes in, fell to, ...), the places it governs
(a list shares one cue), the actor that decides the side, hedges that cancel
it, the source that said it and the day it refers to. A sentence about
"the district" refers back to the place just claimed. City-wide figures
("98 percent of eastern Aleppo", "4 square kilometres") become claims about
the city with their number.

Only sentences with a mention (or a figure, or a reference back) are read, so
the cost follows the few sentences that matter, not the length of the corpus.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path

from ._tables import load_yaml
from .dates import ARABIC_MONTH_NAME, DateMention, find_dates, infer_published, iter_dates
from .documents import (
    CORPUS_YEAR_LATEST_SOURCE,
    CORPUS_YEAR_SOURCE,
    Document,
    Skipped,
    read_articles,
)
from .gazetteer import Gazetteer, Mention
from .text import ARABIC_LETTER, compile_gated, openings, sentence_around

STATUSES = ("government", "rebels", "kurdish", "contested")
SIDES = STATUSES[:3]
_PENDING = "?"  # a claim's date or side to be settled at the end of its article
DATE_REACH = 100  # a date further from the cue than this belongs to another clause
SUBJECT_GAP = 12  # "rebels are still in X": at most this between the subject and its verb
SUBJECT_LOOKBACK = 200  # how far before a capture its subject is looked for, in its sentence
SUBJECT_REACH = 30  # "After taking X, the Syrian army's elite units ...": from the comma on
VERB_FIRST_REACH = 40  # "سيطرت قوات النظام على X": the subject right after a verb-first cue
REPORT_VERB_REACH = 30  # "said on Friday", "on Friday state TV said": a verb this near a date
# The first object of a verb stands this close to it ("took the strategic Sheikh
# Saeed district"); a place further on is where, not what ("captured ...
# neighbourhoods ..., a mile east of the Citadel").
OBJECT_REACH = 120
SHARE_CHARS = 60  # "significant swathes of the strategic X": a share is said right before X
INTRO_CHARS = 16  # the longest list opener: " – among them "
REFER_BACK_CHARS = 600  # "the district" looks back about three sentences
LEDE_CHARS = 800  # the opening of an article, where it says which day it reports
OPPOSITE = {"government": "rebels", "rebels": "government"}
CITY_ID = "city"  # place_id of city-wide claims

# Columns of the claims table, in order: the contract in DESIGN.md first.
COLUMNS = [
    "article",
    "published",
    "place",
    "place_id",
    "lat",
    "lon",
    "surface",
    "status",
    "date",
    "attributed_to",
    "quote",
    "outlet",
    "url",
    "title",
    "published_source",
    "date_source",
    "undated",
    "precision",
    "source_stance",
    "actor",
    "rule",
    "confidence",
    "match",
    "scope",
    "measure",
    "value",
    "value_text",
    "since",
]


@dataclass(frozen=True)
class Claim:
    """One claim: a side holds (or fights for) a place on a date, according to a source."""

    article: str
    published: str
    place: str
    place_id: str
    lat: float | str
    lon: float | str
    surface: str
    status: str
    date: str
    attributed_to: str
    quote: str
    outlet: str = ""
    url: str = ""
    title: str = ""
    published_source: str = ""
    date_source: str = ""  # sentence, previous sentence, article (the day reported on), none
    undated: bool = False
    precision: str = ""  # polygon, group, point; city
    source_stance: str = ""
    actor: str = ""
    rule: str = ""
    confidence: float = 0.0
    match: str = ""
    scope: str = "place"  # or "city" for city-wide figures
    measure: str = ""  # percent, km2, neighbourhoods
    value: float | str = ""
    value_text: str = ""
    since: str = ""

    def as_row(self) -> dict:
        return dict(zip(_CLAIM_FIELDS, _claim_values(self), strict=True))

    @classmethod
    def _from_fields(cls, values: dict) -> Claim:
        """A claim from a dict of field values (fields left out keep their defaults).

        The frozen `__init__` sets each of the 28 fields through object.__setattr__,
        which made up a noticeable part of extraction; an article's claims are
        built here from dicts that hold only field names.
        """
        claim = object.__new__(cls)
        claim.__dict__.update(values)
        return claim


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_claim_values = operator.attrgetter(*_CLAIM_FIELDS)
_column_values = operator.attrgetter(*COLUMNS)


def write_claims_csv(stream, claims: Iterable[Claim]) -> int:
    """Claims as CSV rows with a header (COLUMNS, in order); returns how many."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for claim in claims:
        writer.writerow(_column_values(claim))
        n += 1
    return n


# -- the lexicon ------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    name: str
    kind: str
    object: str
    side: str
    regex: re.Pattern
    verb_first: bool = False  # the subject may follow the verb (Arabic news: verb, subject, object)


def _wordy(pattern: str, flags: int = 0, after: str = "") -> str:
    """`pattern` as whole words (a hyphen joins words), tried only where a match can open."""
    return rf"(?<![\w-]){openings(pattern, flags)}(?:{pattern})(?![\w]){after}"


_ASCII_LETTER = re.compile("[A-Za-z]")
_SYNTAX = re.compile(r"\\.|\(\?[aiLmsux-]*")  # escapes and group flags in a pattern


def _without_arabic(data):
    """`data` of `lexicon.yaml` without the entries and alternatives in Arabic script.

    Only what cannot match text without Arabic letters goes: a pattern (or a
    top-level alternative of one) that holds an Arabic letter and no Latin one.
    A source or cue left with no pattern goes too.
    """

    def arabic(pattern: str) -> bool:
        # (escapes such as \s and group flags are no Latin words)
        latin = _ASCII_LETTER.search(_SYNTAX.sub("", pattern))
        return bool(ARABIC_LETTER.search(pattern)) and not latin

    if isinstance(data, str):
        kept = [alt for alt in _alternatives(data) if not arabic(alt)]
        return "|".join(kept) if kept else "(?!)"
    if isinstance(data, list):
        out = []
        for item in data:
            if isinstance(item, str):
                if not arabic(item):
                    out.append(item)
            elif isinstance(item, dict) and "patterns" in item:  # a source
                patterns = [p for p in item["patterns"] if not arabic(p)]
                if patterns:
                    out.append({**item, "patterns": patterns})
            elif isinstance(item, dict) and "pattern" in item:  # a cue
                if not arabic(item["pattern"]):
                    out.append(item)
            else:
                out.append(item)
        return out
    if isinstance(data, dict):
        return {key: _without_arabic(value) for key, value in data.items()}
    return data


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|(b|c)" gives "a", "(b|c)")."""
    parts, depth, start, i = [], 0, 0, 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": a literal bracket first
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class Lexicon:
    """The compiled vocabulary of `lexicon.yaml` (or another file of that shape)."""

    def __init__(self, data: dict):
        flags = re.IGNORECASE
        # The big combined patterns run on lower-cased text without IGNORECASE,
        # which the regex engine matches about twice as fast.
        lower_only = 0
        self.actor_sides: list[tuple[re.Pattern, str]] = []
        actor_alts = []
        for side, patterns in data["actors"].items():
            for pattern in patterns:
                actor_alts.append((len(pattern), pattern, side))
        # One regex, one group per side; longer patterns first so the longest name wins.
        by_side: dict[str, list[str]] = {}
        for _, pattern, side in sorted(actor_alts, key=lambda a: -a[0]):
            by_side.setdefault(side, []).append(pattern)
        # "rebel-held", "Iran-backed": a word before such a hyphen is no actor.
        not_adjective = r"(?!-(?:held|controlled|run|dominated|backed|allied|linked|affiliated))"
        self.actors = re.compile(
            _wordy(
                "|".join(f"(?P<{side}>{'|'.join(pats)})" for side, pats in by_side.items()),
                after=not_adjective,
            ),
            lower_only,
        )
        self.sources = [(src["name"], src.get("stance", "")) for src in data["sources"]]
        self.source_stance = {src["name"]: src.get("stance", "") for src in data["sources"]}
        self.any_source = re.compile(
            _wordy(
                "|".join(
                    f"(?P<s{i}>{'|'.join(src['patterns'])})"
                    for i, src in enumerate(data["sources"])
                )
            ),
            lower_only,
        )
        self.speech = re.compile(_wordy(data["speech"]), lower_only)
        self.cues = [
            Cue(
                c["name"],
                c["kind"],
                c["object"],
                c["side"],
                re.compile(_wordy(c["pattern"]), lower_only),
                c.get("order") == "verb_first",
            )
            for c in data["cues"]
        ]
        # Cues that name a state (not an event): "rebel-held X", "X in the rebel-held east",
        # "X, held by the rebels since 2012"; a verb's claim on the place supersedes them
        self.state_cues = frozenset(
            c.name
            for c in self.cues
            if c.kind in ("adjective", "location")
            or (c.kind == "predicate" and c.side != "contested")
        )
        # All cues in one pass: at one position the cue listed first wins, and a
        # match ends where the next may start, so earlier entries take priority.
        # The pattern consumes the character before the cue (the text is matched
        # with a space in front): a character class first lets the regex engine
        # skip to word starts in C. Each cue has its own look-ahead gate, so at a
        # word start most cues give up after a character or two.
        patterns = [c["pattern"] for c in data["cues"]]
        self.any_cue = re.compile(
            r"[^\w-]"
            + openings("|".join(f"(?:{p})" for p in patterns), lower_only)
            + "(?:"
            + "|".join(
                f"(?P<c{i}>{openings(p, lower_only)}(?:{p}))" for i, p in enumerate(patterns)
            )
            + r")(?![\w])",
            lower_only,
        )
        self.hedges = re.compile(_wordy(data["hedges"], flags), flags)
        self.denials = re.compile(_wordy(data["denials"], flags), flags)
        past_states = _wordy(data.get("past_states", "(?!)"), flags)
        # "had been (one of the longest-held districts) under rebel control"
        self.past_states = re.compile(
            past_states + r"(?:\s+(?:one of\s+)?(?:the|a|an)(?:\s+[\w'’-]+){1,3})?\s*$", flags
        )
        self.completions = re.compile(_wordy(data["completions"], flags) + r"\s+to\s*$", flags)
        self.anaphors = re.compile(_wordy(data["anaphors"], flags), flags)
        self.locatives = re.compile(_wordy(data["locatives"], flags) + r"\s*(?:the\s+)?$", flags)
        self.citywide_of = re.compile(_wordy(data["citywide_of"], flags), flags)
        self.rebel_territory = re.compile(_wordy(data["rebel_territory"], flags), flags)

        self._data = data
        self._latin: Lexicon | None = None

    @property
    def latin(self) -> Lexicon:
        """The same vocabulary without its Arabic-script words (itself if it has none).

        For text without an Arabic letter: every big pattern is shorter, and so
        is its gate. Compiled on first use.
        """
        if self._latin is None:
            latin = _without_arabic(self._data)
            self._latin = self if latin == self._data else Lexicon(latin)
        return self._latin

    @classmethod
    def default(cls) -> Lexicon:
        text = (resources.files("aleppo_map") / "lexicon.yaml").read_text("utf-8")
        return cls(load_yaml(text))

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        return cls(load_yaml(Path(path).read_text("utf-8")))


# -- sentence analysis ----------------------------------------------------------

# Where a clause ends inside a sentence: an object list does not run past these.
# One character class opens the pattern, so the regex engine skips to the next
# candidate in C; a look-behind then tells which character it was.
_CLAUSE_BREAK = re.compile(
    r"[\s,;:—–\"“”()]"
    r"(?:(?<=\s)(?:"
    r"(?<= )- "
    r"|(?:but|while|whereas|although|though|because|when|whose)\s"
    r"|(?:after|before|(?<!well )(?<!such )as)\s"
    r"(?=\w+\s+(?:forces|troops|rebels|the|a|government|army|it|they)\b)"
    r"|(?:said|says|told|added|adds)\b"
    r"|(?:بينما|في حين|فيما|لكن|إلا أن|الا ان)\s)"
    r"|(?<=,)\s*(?:"
    r"(?:as|while|when|after|before|which|who|where|adding|saying|according)\s"
    r"|(?:and|but)\s+(?:that|are|is|were|was|have|has|had|they|it|he|she|we|said)\b)"
    r"|(?<=[;:—–\"“”)])"
    r"|(?<=\()(?!\d))",
)  # matched against lower-cased text
# A proper name of up to four words ("Scientific Research Housing", "al-Inzarat").
_NAME_WORD = r"(?:(?:al|el|as|ash|ad|at|an|ar|az)-)?[A-Z][\w'’]*"
_NAME_PHRASE = re.compile(_NAME_WORD + r"(?:[ -]" + _NAME_WORD + r"){0,3}")
# A listed place we may not know: a name, and the kind of place it is ("Mahalej factories").
_PLACE_KINDS = (
    r"(?:factor(?:y|ies)|station|roundabout|square|camp|hospital|school|hill|hilltop|bridge|"
    r"street|road|area|district|neighbou?rhood|quarter|complex|mosque|market|gate|barracks|"
    r"college|academy|estate|housing|park|cemetery|towers?)"
)
_LIST_ITEM = _NAME_PHRASE.pattern + r"(?-i:\s+" + _PLACE_KINDS + r")?"
# What joins the places of a list
_LIST_AND = r"(?:and|or|as well as|&|in addition to|along with|plus)"
# Before the first known place of a list: "the", and names we do not know.
_LIST_HEAD = re.compile(
    # "the large and strategic X": a few plain words may describe the first place
    r"\s*(?:[Tt]he\s+(?:[a-z]+(?:\s+and)?\s+){0,3})?(?:"
    + _LIST_ITEM
    + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[Tt]he\s+)?)*$"
)
# Between two places of one list: commas, "and", and short appositions.
_LIST_GAP = re.compile(
    r"^(?:\s+(?-i:[a-z]+\s+)?" + _PLACE_KINDS + r"\b)?[\s,]*(?:" + _LIST_AND + r"\s+)?(?:also\s+)?"
    r"(?:(?:in|into|at|to|on|near|around)\s+)?"
    r"(?:the\s+(?:area|vicinity|surroundings)\s+of\s+)?"
    r"(?:the\s+(?:districts?|neighbou?rhoods?|quarters?)\s+of\s+)?"  # "X and the districts of Y"
    r"(?:(?:(?:large|small|big|vast|major)\s+)?"
    r"(?:parts?|some|most|half|a third|a quarter|pockets) of\s+)?"
    r"(?:the\s+)?(?:(?:nearby|neighbou?ring|adjacent)\s+)?$"
    # a word that goes on with the name we know: "Hallak Al-Fukani and Bustan al-Basha"
    r"|^(?-i:[ -]+(?:(?:al|Al|el|El)-)?[A-Z][\w'’]*)\s*,?\s*(?:" + _LIST_AND + r"\s+)?(?:the\s+)?$"
    # where in the city: "Sheikh Saeed in the south and Saliheen in the east"
    # Arabic: "و" joins; names we do not know ("ومساكن البحوث العلمية") and a share
    # ("وعلى جزء كبير من حي X") may stand in between
    r"|^[\"”»]?(?:\s*[،,]?\s*و\s*\S+(?:\s(?!(?:على|من|في|إلى|الى|عن|مع)(?:\s|$))\S+){0,2}){0,3}"
    r"\s*[،,]?\s*(?:و\s*)?"
    r"(?:(?:على\s+)?(?:[أا]جزاء|جزء|[أا]غلب|معظم|نصف|ثلث|ربع|بعض)"
    r"(?:\s+(?:ال)?(?:واسعة|كبيرة|كبير|واسع))?\s+من\s+)?"
    r"(?:(?:حي|حيي|[أا]حياء|منطقة|مناطق)\s+)?[\"“«]?$"
    r"|^\s+in\s+the\s+(?:north|south|east|west|centre|center)(?:-?(?:east|west))?(?:ern)?"
    r"(?:\s+of\s+the\s+city)?\s*,?\s*(?:" + _LIST_AND + r"\s+)?(?:the\s+)?$"
    # an apposition: "X neighbourhood, one of the largest districts, in addition to Y"
    r"|^(?:\s+" + _PLACE_KINDS + r"\b)?,\s*(?:an?|the|one of the)\s[^,;]{0,60},\s*"
    r"(?:" + _LIST_AND + r"\s+)?$"
    # names we do not know, listed between ones we do: ", al-Inzarat, Karm al-Tahhan, and "
    r"|^(?-i:(?:(?:\s*,\s*(?:"
    + _LIST_AND
    + r"\s+)?|\s+"
    + _LIST_AND
    + r"\s+)(?:the\s+)?"
    + _LIST_ITEM
    + r")+)\s*,?\s*(?:"
    + _LIST_AND
    + r"\s+)?(?:(?:parts?|some|most|half) of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# A place's name before one of these names a site there, not the place
# (a roundabout or square named after a district stands in it, and news counts taking
# one as a gain in the district: those are not listed)
_FACILITY_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:station|road|street|highway|hospital|school|mosque|bridge|"
    r"junction|crossing|factory|factories|plant|checkpoint)s?\b"
)
# "the Old City districts of X and Y": the first name only places the others (when a
# place follows: "Holluk and Bustan al-Basha districts of Aleppo" are places themselves)
_CONTAINER_AFTER = re.compile(r"\s+(?:districts|neighbou?rhoods|quarters)\s+of\s", re.IGNORECASE)
# Arabic names the site first: "محطة ضخ باب النيرب" (the Bab al-Nairab pumping station)
_FACILITY_BEFORE = re.compile(
    r"(?:محطة|مشفى|مستشفى|جسر|مدرسة|جامع|مسجد|معمل|معامل|فرن|طريق|شارع|حاجز|معبر)"
    r"(?: (?:ضخ|مياه|المياه|كهرباء|الكهرباء|تحويل|التحويل|مياه الشرب))? $"
)
# What stands between places and a side's adjective that describes them: an apposition
# (", which are rebel-held districts", ", a government-held area") or "and other"
# ("X and other rebel-held districts"); and what may follow the adjective there
_APPOSITION_HEAD = re.compile(
    # "X and other rebel-held districts"
    r"\s+(?:and|or)\s+(?:(?:all|the|many)\s+)?other\s+(?:remaining\s+)?$|"
    r",\s*(?:(?:which|that)\s+(?:is|are|was|were|remains?|remained|has been|have been)\s+)?"
    r"(?:(?:a|an|still|now|also|largely|mostly|mainly|all|both|two|three|several|other)\s+)*"
    # "X, one of the largest rebel-held areas"
    r"(?:one\s+of\s+the\s+(?:(?:largest|biggest|last|few|main|remaining|most\s+important)\s+)?)?"
    r"(?:(?:key|strategic|besieged|embattled|densely[- ]populated|northern|southern|eastern|"
    r"western|central|nearby|neighbou?ring|adjacent)\s+)*$",
    re.IGNORECASE,
)
_APPOSITION_TAIL = re.compile(
    r"\s+(?:districts?|neighbou?rhoods?|areas?|quarters?|suburbs?|parts?|sections?|enclaves?|"
    r"pockets?|territor(?:y|ies)|zones?)\b(?!\s+of\b)|\s*(?:[,.;:)—–]|$)",
    re.IGNORECASE,
)
_LOCATION_PREPOSITION = re.compile(
    r"\s*\b(?:in|of|inside|within)\s+(?:the\s+)?(?:city's\s+|aleppo's\s+)?$", re.IGNORECASE
)
_ELSEWHERE_BEFORE = re.compile(r"\s+and\s+elsewhere\s*$", re.IGNORECASE)
_EXCEPTION_BEFORE = re.compile(
    r"\b(?:with the exception of|except(?: for)?|apart from|other than|save for|but not|"
    r"excluding|not including)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _excepted(sentence: str, cue_end: int, place: int) -> bool:
    """ "lost all of the north, with the exception of X": X is left out of the cue's claim."""
    exception = _EXCEPTION_BEFORE.search(sentence, max(cue_end, place - SHARE_CHARS), place)
    return exception is not None


# After "the area": a name that says which area it is, so it refers to nothing before
_NAMED_AFTER = re.compile(
    r"\s+(?:around|round|near|surrounding|of|between|close to|next to|adjacent to|"
    r"(?:north|south|east|west)(?:ern)?(?: part)? of)\s+(?:the\s+)?[A-Z]"
)
# "captured the eastern part of X": a share of X (contested), not a place beside it
_SHARE_OF = re.compile(
    r"\bthe\s+(?:(?:north|south|east|west)[a-z-]*\s+)?parts?\s+of\s+(?:the\s+)?$", re.I
)
# "of the neighbourhood": one place, named before, not the city
_ONE_PLACE = re.compile(r"\s*(?:the\s+)?(?:district|neighbou?rhood|quarter|suburb)\b(?!s)", re.I)
_WHICH_AFTER = re.compile(
    r"(?:\s+(?:district|neighbou?rhood|area|quarter|suburb)s?)?\s*,?\s*which\b", re.I
)
# "The districts still under rebel control are X, Y and Z"; Arabic "هي الأحياء؛ X، Y"
_LIST_COPULA = re.compile(
    r"\s+(?:are|is|were|was|include[ds]?|now include)\s+(?:now\s+)?"
    r"|(?:\s+في\s+\S+)?\s+(?:هي|هو)(?:\s+(?:ال)?(?:أحياء|الأحياء|مناطق|المناطق)(?:\s+\S+)?)?\s*[؛:،]?\s+"
)
# "the former rebel-held X": the state named is over
_FORMER_BEFORE = re.compile(r"\b(?:former|formerly|once|previously|erstwhile|ex)[\s-]+$")
# A day between a place and the relative clause on it: "X on December 9, which ..."
_DAY_TAIL = re.compile(
    r"\s+on\s+(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day)(?:,?\s+\d{4})?$"
)
# An Arabic verbal noun with a possessive pronoun, or a participle: who acts is a pronoun
_ARABIC_PRONOUN_ACTS = re.compile(r"[وف]?(?:خسار(?:ته|تها|تهم)|باسط(?:اً|ا|ين)?)(?:\s|$)")
# "..., which government troops took over": a relative clause with a subject of its own
_RELATIVE_WITH_SUBJECT = re.compile(r",?\s+(?:which|that)(?=(?:\s+[\w'’-]+){1,6}\s+$)")
_LIST_ASIDE = re.compile(r"^,\s*(?:near|in|on)\b[^;]{0,80},\s*(?:and\s+)?$")
# What opens a list of the places a cue governs, after a general phrase.
_LIST_INTRO = re.compile(
    r",?\s+(?:including|such as|among them|namely|notably|especially|particularly|"
    r"(?:the\s+)?(?:largest|biggest|main|most important) of (?:them|which))\s+"
    r"|\s[—–]\s(?:(?:including|such as|among them|notably)\s+)?|:\s",
    re.IGNORECASE,
)
# What may stand between an adjective cue and its place ("rebel-held eastern X").
_ADJACENT_GAP = re.compile(
    r"^\s*(?:(?:the|of|in|and|eastern|western|northern|southern|central|old|new|besieged|"
    r"(?:north|south)-?(?:east|west)(?:ern)?|"
    r"embattled|strategic|key|ancient|historic|nearby|adjacent|neighbou?ring|remaining|"
    r"kurdish|christian|armenian|arab|residential|industrial|commercial|populous|"
    r"district|districts|neighbou?rhoods?|areas?|quarters?|town|[\w-]+['’]s|of)\s+)*$",
    re.IGNORECASE,
)
# Before a place in the "before" direction: generic words that may follow it.
# A determiner right before a verb makes it an adjective: "the (recently) captured X".
_DETERMINER_END = re.compile(
    r"\b(?:the|its|their|a|an|these|those)\s+(?:(?:recently|newly)\s+)?$", re.IGNORECASE
)
_BEFORE_GAP = re.compile(
    # a closing quote: 'حي "بستان الباشا" على خط الجبهة'; an editor's aside: "[further north]"
    r"^[\"”»]?\s*(?:\[[^\]]{0,80}\]\s*)?"
    r"(?:(?:district|neighbou?rhood|area|quarter|suburb|housing estate|estate|front)s?\s*"
    r"(?:(?:of|in)\s+(?:the\s+)?(?:city\s+(?:of\s+)?)?[\w'’-]+\s*)?(?:\[[^\]]{0,80}\]\s*)?)?"
    # an aside closes with a comma, or opens a relative clause: "X, (a district) which is";
    # ", reducing the number of districts remaining in rebel hands" is about something else
    r"(?:,[^,;]{0,80},|,(?:\s*(?:a|an|the|one of the)\s[^,;]{0,50}?\s(?=(?:which|that|who)\b))?"
    # an apposition that names the kind of place: "X, an Aleppo district held by the YPG"
    r"|,\s*(?:a|an|the|one of the)\s[^,;]{0,40}?"
    r"(?:district|neighbou?rhood|area|quarter|suburb|enclave)s?\s)?"
    # where in the city: "X and Y in the north fell"
    r"(?:\s*in\s+the\s+(?:north|south|east|west|centre|center)(?:-?(?:east|west))?(?:ern)?"
    r"(?:\s+(?:part\s+)?of\s+(?:the\s+)?(?:city|aleppo))?)?"
    r"\s*(?:(?:which|that|who)\s+)?(?:(?:had|has|have|is|are|was|were|been|being|"
    r"now|still|just|also|reportedly|largely|firmly|remains?|remained|the|a|an|considered|deemed|"
    r"effectively|practically|virtually|completely|fully|finally|officially)\s+)*$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_CITYWIDE = compile_gated(
    _NUM + r"\s*(?:(?P<pct>%|percent|per cent)\s+of\s+(?P<of>"
    # what the share is of, up to its verb ("... areas are now back in state control")
    r"[^,.;:]{1,60}?(?=\s+(?:is|are|was|were|has|have|had|remains?|remained|now|still|"
    r"back|fell|came|returned|lies|lay)\b|\s*[,.;:]|\s*$)|[^,.;:]{1,60})"
    r"|(?P<km>square kilomet(?:re|er)s|sq\.? ?km|km2|km²)"
    r"|\s(?P<nb>neighbou?rhoods|districts))",
)  # matched against lower-cased text, around the units found by _unit_spans
# Cheap test for a figure: a unit, then a number just before it.
# Units, anywhere in a word ("30km"); "sq" only at a word's end. No unit holds
# another or a sentence boundary, so every occurrence counts.
_UNITS = (
    "%", "percent", "per cent", "square", "sq", "km", "neighbourhoods", "neighborhoods", "districts"
)  # fmt: skip
_WORD_CHAR = re.compile(r"\w")
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|eleven|twelve))[\s-]*(?:\(|about |around |some )?$"
)


def _unit_spans(low: str) -> list[tuple[int, int]]:
    """Spans of the units in lower-cased text, in order.

    str.find skips ahead in C; a regex of these words stops at every p, s, k, n and d.
    """
    spans = []
    for unit in _UNITS:
        at = low.find(unit)
        while at >= 0:
            end = at + len(unit)
            if unit != "sq" or not _WORD_CHAR.match(low, end):  # "sq" but not "square"
                spans.append((at, end))
            at = low.find(unit, end)
    spans.sort()
    return spans


_NUMBER_REACH = 30  # how far before its unit a number is looked for


def _number_before(low: str, unit: int, start: int = 0) -> bool:
    """True when a number stands right before the unit at `unit` (not before `start`)."""
    return _NUMBER_BEFORE.search(low, max(start, unit - _NUMBER_REACH), unit) is not None


# Right before a count of districts: the count is of those taken in one event.
_TAKEN_BEFORE = re.compile(
    r"\b(?:took|taken?|takes|taking|seiz\w*|captur\w*|retook|retaken|recaptur\w*|overran|"
    r"stormed|gained|regained|assumed|established|restored)\s+"
    r"(?:(?:full|complete|total|effective)\s+)?(?:control\s+(?:of|over)\s+)?"
    r"(?:(?:another|a further|further|the)\s+)?$"
)  # matched against lower-cased text
_CONTROL_WORDS = re.compile(
    r"\b(?:control|controls|controlled|hold|holds|held|hands)\b", re.IGNORECASE
)
# What makes a sentence without a place worth reading: it refers back to one.
# (A literal first lets the regex engine skip ahead; the word start is checked after.)
_STRONG_ANAPHOR = re.compile(
    r"the(?: (?:(?:eastern|western|northern|southern|central|whole|entire|same|strategic|key|"
    r"besieged|embattled) )?(?:district|neighbou?rhood|area|quarter|suburb|town|village)|re)\b"
)  # matched against lower-cased text; the modifiers are those of `anaphors` in lexicon.yaml


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    """True when a sorted list of offsets has one in [start, end)."""
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _strong_anaphors(low: str) -> Iterator[int]:
    """Offsets of "the district", "there" and the like in lower-cased text."""
    for match in _STRONG_ANAPHOR.finditer(low):
        if match.start() == 0 or not low[match.start() - 1].isalpha():
            yield match.start()


_PARTIAL_AFTER = re.compile(
    r"\s*(?:parts?|some|most|half|a third|a quarter|pockets) of\s+", re.IGNORECASE
)
_CONTROL_AFTER = re.compile(
    r"\s*[\"“']?(?:full |complete |total |effective )?control[\"”']?\s+(?:of|over)\s+",
    re.IGNORECASE,
)
# "captured the entire neighborhood as well as the neighborhoods of X": the place
# just named, then a list
_ANAPHOR_THEN_LIST = re.compile(
    r"\s*(?:(?:full |complete )?control\s+(?:of|over)\s+)?the\s+(?:(?:entire|whole|same)\s+)?"
    r"(?:district|neighbou?rhood|area|quarter)\s*,?\s+"
    r"(?:as well as|along with|in addition to|and)\s",
    re.IGNORECASE,
)
# An opening bracket right after an actor: "government forces (Hanano, Jabal Badro)"
_BRACKET_AFTER = re.compile(r"\s*\(")
# "parts of", "most of", "80% of the strategic X": a share of the place
_PARTIAL_BEFORE = compile_gated(
    r"(?:\b(?<!every )(?<!all )(?<!all the )(?:parts?|some|half|a third|a quarter|two[- ]thirds|"
    r"three[- ]quarters|pockets|most|"
    r"much)|\d\s*(?:%|percent|per cent)"
    r"|\b(?:large|significant|big|vast|sizeable|several|some)\s+(?:areas|chunks?|sections?|portions?|"
    r"swathes?|swaths?)(?=\s+(?:in|of)\b)|\b(?:chunks?|sections?|portions?|swathes?|swaths?)(?=\s+of\b))"
    r"\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:(?!and\b|or\b)[a-z-]+\s+)?$"
    r"|(?:[أا]جزاء|جزء|[أا]غلب|معظم|نصف|ثلث|ربع|بعض|مناطق|نقاط|مواقع)"
    r"(?: (?:ال)?(?:واسعة|كبيرة|كبير|واسع))?"
    r" (?:من|في) (?:(?:حي|حيي|[أا]حياء|منطقة) )?$",
)  # matched against lower-cased text: with a gate in front, several times faster
# A site in the place, the object of a capture: "took a military base in X", "seized
# several buildings in X", "السيطرة على مشفى العيون في حي X" (a hospital in X): a share of X
_SITE_IN = compile_gated(
    r"\b(?:base|school|hospital|buildings?|positions|points|checkpoints?|posts|blocks|farms|college|"
    r"barracks|factory|mosque|roundabout|square|hilltop|complex|compound|headquarters)"
    r"\s+(?:in|inside|at)\s+(?:the\s+)?"
    r"(?:[\w-]+['’]s\s+)?(?:(?!and\b|or\b|[a-z]+-(?:held|controlled)\b)[a-z-]+\s+)?$"
    r"|(?:مشفى|مستشفى|مدرسة|كلية|مبنى|مباني|حاجز|معمل|ثكنة)(?: \S+){0,2}"
    r" (?:في|ب) (?:(?:حي|منطقة) )?$"
)
_SITE_RULES = frozenset({"capture", "control", "fall-of"})  # the cues that take a site
# "40 percent of this area": a share of a place named before, not of the city
_DEMONSTRATIVE = re.compile(r"(?:this|that|these|those)\b", re.IGNORECASE)
# The speaker's own side: "we", "our forces"; "state media announced that its forces"
_WE = re.compile(
    r"\b(?:we|us|our (?:forces|fighters|men|units|troops)|its (?:forces|troops|units|army))\b",
    re.IGNORECASE,
)
_STANCE_SIDE = {"government": "government", "opposition": "rebels"}
_SIDE_STANCE = {side: stance for stance, side in _STANCE_SIDE.items()}
# "since launching an offensive on 15 November": the date opens a period.
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]*$", re.IGNORECASE)
# An actor right after these is acted upon ("cleared militants from"), not acting.
_ACTED_UPON = re.compile(
    r"\b(?:cleared|clearing|drove|driven|drives?|driving|expel(?:led|ling|s)?|oust(?:ed|ing)|"
    r"rout(?:ed|ing)|defeat(?:ed|ing)|push(?:ed|ing)|kick(?:ed|ing))"
    r"\s+(?:the\s+)?$"
)
# Between an actor and a figure: the actor lost the ground ("rebels were driven from 90%")
_LOSS_WORDS = re.compile(r"driven|withdr|retreat|pushed out|expelled|lost", re.IGNORECASE)
# "an estimated 30,000", "the reported attack": the verb is an adjective there.
_ARTICLE_AT_END = re.compile(r"\b(?:an|the|a)$")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:(?:also|widely|first)\s+)?$")
_AGENT_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?by\b")


# "with reports saying", "amid claims that": a speech word used as a noun says nothing
_NOUN_FORMS = frozenset({"reports", "claims", "states", "shows"})
_NOUN_BEFORE = re.compile(
    r"\b(?:with|of|from|amid|despite|after|by|to|in|on|the|media|news|conflicting|unconfirmed|"
    r"early|initial|several|some|many|other|recent|these|those|such)\s+$"
)


def _passive_without_agent(low: str, verb: re.Match) -> bool:
    """ "clashes were reported between rebels and troops": no one is said to speak."""
    return (
        _PASSIVE_BEFORE.search(low, max(0, verb.start() - 20), verb.start()) is not None
        and _AGENT_AFTER.match(low, verb.end()) is None
    )


def _after_article(low: str, pos: int) -> bool:
    """True when "a", "an" or "the" and white space stand right before `pos`."""
    word_end = len(low[:pos].rstrip())  # str.isspace is the regex \s
    if word_end == pos:
        return False
    return _ARTICLE_AT_END.search(low, max(0, word_end - 3), word_end) is not None


_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_BEFORE = re.compile(
    # (Arabic "سقط بيد/في أيدي X": fell into the hands of X)
    r"(?<!according )(?:\b(?:to|by)|(?:بيد|بأيدي|يد|أيدي|قبضة))\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|against|from|on|at|by|of|for|between|among|targeting|toward|towards|to|"
    r"including|like|alongside|"
    # the object of a verb of attack: "the YPG stormed Nusra militants and seized X"
    r"stormed|storming|attacked|attacking|besieged|besieging|pounded|pounding|shelled|shelling|"
    r"ambushed|repelled|repelling|routed|defeated|expelled|confronted|confronting|battled|"
    r"battling|fought|killed|killing|combating|combatting|foiled|foiling|thwarted|thwarting|"
    r"repulsed|repulsing)\s+"
    r"(?:(?:the|its|their|his|her|a|an|some|other|allied|fellow|local|kurdish|syrian|russian|"
    r"iranian|lebanese|iraqi|shiite|foreign|pro-government|loyal|"
    # how government media qualify their enemy: "against Takfiri terrorists"
    r"takfiri|jihadist|islamist|extremist|radical|armed|hardline|[\w-]+-(?:backed|linked))\s+){0,2}$",
    re.IGNORECASE,
)
# The second of two objects of a preposition: "autonomously of the rebels and the government"
_COORDINATED_OBJECT = re.compile(
    r"\b(?:with|against|from|of|between|among|alongside|including)\s+(?:the\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s+(?:and|or)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(
    r"['’]s?\s+(?!(?:forces|troops|army|fighters|militias?|allies|units|soldiers|men)\b)"
)
_ATTRIBUTIVE_AFTER = re.compile(
    r"(?:[- ](?:held|controlled)|\s+(?:enclave|pocket|territor(?:y|ies)|areas?|districts?|"
    r"neighbou?rhoods?|strongholds?|bastions?|positions|lines|defen[cs]es|front|"
    # a site named for who runs it: "a military base", "the army barracks"
    r"bases?|barracks|academy|college|airport|installations?|posts?|checkpoints?|hospital|"
    r"complex|compound|headquarters))\b",
    re.IGNORECASE,
)
_PARTICIPLE_AFTER = re.compile(r"(?:\b(?:after|before|while|since|upon|by)|,)\s+$", re.I)
_ING_START = re.compile(r"[a-z]+ing\b", re.IGNORECASE)
# A place we do not know, named with its kind: "the 3,000 Apartments district"
_UNKNOWN_PLACE = re.compile(
    r"\b(?!(?:The|This|That|These|Those|Each|Every|Its|Their|A|An)\s)"
    r"[A-Z0-9][\w,'’-]*(?:\s+(?:al-|el-|ad-|as-)?[A-Z0-9][\w'’-]*)*\s+"
    r"(?:district|neighbou?rhood|quarter|suburb|area)\b"
)
# "in an attempt by the regime to advance ..., after regaining X": who makes the attempt
_ATTEMPT_BY = re.compile(r"\b(?:attempts?|bids?|efforts?|push|drive|campaign)\s+by\s+(?:the\s+)?$")
# "to" right before a cue, or "to" and a verb before "and" and the cue ("to remove
# the mines and secure X"); searched in the 50 characters before the cue
_INFINITIVE_BEFORE = re.compile(
    r"\b(?P<to>to)\s+(?P<then>[a-z]+(?:\s+[\w'’-]+){0,4}?,?\s+(?:and|or)\s+)?$", re.IGNORECASE
)
# A verb form that can head a clause of its own: "... to flee, and captured X"
_FINITE_START = re.compile(r"[a-z]+(?:ed|ing|s)\b|(?:took|overran|fell|won|held|kept|lost)\b", re.I)
# "government forces are storming X": a capture under way, not yet made
_PROGRESSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|am)\s+(?:(?:now|still|also|currently|reportedly|already)\s+)*$",
    re.IGNORECASE,
)
# "..., a claim the rebel Free Syrian Army denied": the capture is disputed
_DENIED_AFTER = re.compile(
    r",\s*(?:a|an)\s+(?:claim|report|assertion|account)s?\s+(?:that\s+|which\s+)?"
    r"(?:[\w'’-]+\s+){0,6}?(?:denied|rejected|disputed|dismissed|refuted|den(?:y|ies))\b",
    re.IGNORECASE,
)
_POSSESSIVE_CUE = re.compile(
    r"(?:['’]s?|\s+(?:(?:has|have|had|also|now|later|officially)\s+)*"
    # "forces loyal to the regime claimed the capture of X": who claims it, took it
    r"(?:claimed|claims|announced|announces|declared|declares|confirmed|confirms|completed|"
    r"completes|celebrated|celebrates|hailed|hails))"
    r"\s+(?:(?:swift|rapid|recent|latest|reported|apparent|final) )?$"
)
_LOSS_NOUN = re.compile(r"\bloss\b")
_FALL_NOUN = re.compile(r"\b(?:fall|collapse)\b")
# A sentence that opens with a participle clause: "After losing", "Having taken"
_OPENING_PARTICIPLE = re.compile(
    r"\W*(?:(?:after|before|while|since|upon|by|on|in addition to|besides|following)\s+[a-z]+ing|"
    r"having(?:\s+(?:now|just))?\s+[a-z]+)\b",
    re.IGNORECASE,
)


def _opens_with_participle(sentence: str, hit: _CueHit) -> bool:
    """Whether the cue is the participle the sentence opens with ("After losing X, ...")."""
    opening = _OPENING_PARTICIPLE.match(sentence)
    return opening is not None and hit.start < opening.end() <= hit.end


def _can_be_subject(sentence: str, actor: re.Match) -> bool:
    """Whether an actor match stands where a subject may: not after a preposition
    ("clashes with rebels"), nor before a possessive ("the Nusra Front's stronghold")
    or a place it qualifies ("pounded the rebel enclave")."""
    start, end = actor.span()
    preposition = _PREPOSITION_BEFORE.search(
        sentence, max(0, start - 40), start
    ) or _COORDINATED_OBJECT.search(sentence, max(0, start - 60), start)
    if (
        preposition is not None
        and _WITH_SUBJECT.match(sentence, preposition.start(), end + 30)
        and sentence[: preposition.start()].rstrip().endswith((",", "—", "–"))
    ):
        preposition = None  # ", with the army establishing control": the army acts
    return not (
        preposition
        or _POSSESSIVE_AFTER.match(sentence, end)
        or _ATTRIBUTIVE_AFTER.match(sentence, end)
    )


# ", with the army establishing full control": "with", an actor and a participle
_WITH_SUBJECT = re.compile(r"with\s+(?:the\s+)?[^,;:.]{1,40}?\s+[a-z]+ing\b", re.IGNORECASE)
# "would" telling a past sequence of events, not a hedge
# Words between a speaker and its speech verb ("had earlier said", "has also said")
_SPEAKER_TAIL = re.compile(
    r"(?:\s+(?:had|has|have|was|were|is|are|also|earlier|later|previously|then|again|"
    r"reportedly|separately|further|once|already))+$",
    re.IGNORECASE,
)
_BASED_ON = re.compile(r"(?:based on|according to)\s+", re.IGNORECASE)
# What ends the words before a speech verb that may name the speaker
_SPEAKER_BREAK = re.compile(r"[,;:\"“”]|\s[-–—]{1,2}(?:\s|$)|(?<=\))\s*[-–—]{1,2}\s*")
# A share right before "the area": the city-wide figure's whole, not a place named before
_SHARE_OF_BEFORE = re.compile(r"(?:%|\bper\s?cent|\bpercent)\s+of\s+$", re.IGNORECASE)
# "These included X": a sentence that lists what the one before counted ...
_LIST_FOLLOWS = re.compile(
    r"\W*(?:(?:these|they|those)\s+(?:include[ds]?|are|were)|(?:that|this)\s+include[ds]?)\s+"
    r"|\W*among (?:them|these)(?:\s+(?:are|were))?\s+"
)
# ... after a cue whose object is a number of places
_COUNTED_PLACES = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}(?:districts|neighbou?rhoods|areas|quarters|parts)\b"
)  # "seven other districts", "large areas", "all the neighbourhoods"
# A sentence that happens when the one before did
_SAME_TIME = re.compile(
    r"\W*(?:at the same time|simultaneously|meanwhile|in the meantime|at the same moment)\b",
    re.IGNORECASE,
)
# The rules whose claims name the side that gains a place
_GAIN_RULES = frozenset({"capture", "passive-capture", "fell-to", "withdrawal"})
_NARRATIVE_WOULD = re.compile(
    r"\bwould\s+(?:(?:then|later|eventually|soon|quickly|subsequently)\s+)?"
    r"(?:proceed|go on|move on|continue)\s+to\s+$",
    re.IGNORECASE,
)
# Who may leave a place without a side losing it
_NON_COMBATANTS = re.compile(
    r"\b(?:civilians?|residents?|famil(?:y|ies)|people|children|women|patients|wounded|aid|"
    r"staff|workers|doctors|journalists|refugees|displaced|evacuees|inhabitants|thousands|"
    r"hundreds|dozens|convoys?|buses)\b",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:until|till)\b", re.IGNORECASE)
# "With the capture of X, the army would hold ...": a condition, not an event
_WITH_BEFORE = re.compile(r"\b(?:with|upon)\s+$", re.IGNORECASE)
_MODAL_IN_CLAUSE_AFTER = re.compile(r"[^.;:]{0,80}?\b(?:would|will|could)\b", re.IGNORECASE)
# "Taking control of X would isolate ...": a gerund that opens its clause, with a
# modal after it, names a possible event, not one that happened
_CLAUSE_OPENING = re.compile(r"[\s\"“‘'(]*$")
# (the object may carry a relative clause: "Taking X, which holds the colleges, would")
_MODAL_AFTER = re.compile(
    r"[^,;:.]{0,80}?(?:,\s*(?:which|that|who|where)\b[^,;:.]{0,100},\s*)?"
    r"\b(?:would|could|will|may|might|should)\b",
    re.IGNORECASE,
)
# "rebels seized X in 2012": an event of an earlier year is history, not this report's news
_IN_YEAR = re.compile(
    r"\b(?i:in|back in|during)\s+(?i:(?:early|late|mid|the summer of|the spring of|the autumn of|"
    r"the fall of|the winter of)[\s-]+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b(?![-/]\d)"
)
_YEARS_APART = re.compile(
    r"\b(?:two|three|four|five|six|several|\d+)\s+years\s+(?:after|ago|earlier|before)\b", re.I
)
# Cues that tell of an event (a capture, a loss), not a state that may still hold
_EVENT_RULES = frozenset(("capture", "passive-capture", "fell-to", "fall-of", "withdrawal"))
# Events an earlier year makes history: also assaults ("rebels who stormed it in 2012")
_DATED_RULES = _EVENT_RULES | {"advancing"}
# A clause joined on with its own subject: "..., and state TV said ...".
_COORDINATED = re.compile(r",\s*(?:and|but|while|whereas)\s|;\s")
# A speech verb followed by what was said (three words or more), not ", the army said."
_SPEECH_WITH_CONTENT = re.compile(r"\s+(?:that\s+)?[\"“']?\w[\w'’-]*\s+[\w'’-]+\s+[\w'’-]+")
_RELATIVE_START = re.compile(r"(?:which|who|whom|whose|that|where|when)\b", re.IGNORECASE)
_NOT_SPEAKERS = frozenset("a an the it this that there he she they we".split())
_QUOTE_OPEN = re.compile(r'^\s*["“]')
_FIGURE_HELD = re.compile(
    # (a verb or "still/now" is needed: "captured 40 per cent of the area under rebel
    # control" is a share taken from the rebels, not one they hold)
    r"[^,.;]{0,90}?\b(?:remains?|remained|is|are|was|were|still|now|back)\s+"
    r"(?:(?:still|now|back|firmly|completely|fully)\s+)?(?:under|in)\s+"
    r"(\w+)(?:'s)?\s+(?:control|hands)",
    re.IGNORECASE,
)
# A denial of what the sentence before said: "Rebels denied this", "... rejected the claim".
_DENIED_THIS = re.compile(
    r"\b(?:den(?:y|ies|ied)|dismissed|rejected|refuted)\s+"
    r"(?:this|that|it|(?:the|these|those|such)\s+(?:claims?|reports?|accounts?|news|"
    r"developments?|announcements?|statements?|allegations?))"
    r"(?=\s*(?:[,.;:!]|$))"  # not "denied that al-Sukkari had fallen": that names its claim
)  # matched against lower-cased text
_DENIAL_WORDS = ("deni", "deny", "dismissed", "rejected", "refuted")  # one opens every denial
_PRONOUN_BEFORE = re.compile(r"(?:^|[\s,])(he|she|it|they)\s+$")
_PRONOUN_SPEAKER = re.compile(r"^(?:he|she|they|it|the (?:official|spokesman|source|group))$", re.I)
# A source right after these is an object ("fallen to the army"), not the speaker.
_NOT_SPEAKER_BEFORE = re.compile(
    r"\b(?:to|of|from|with|against|on|for|told|in|at)\s+(?:the\s+)?$", re.I
)


class _Context:
    """What an article's earlier sentences tell the next ones; costly parts on demand."""

    def __init__(self, extractor: Extractor, doc: Document, low_text: str, plain: bool):
        self.extractor = extractor
        self.doc = doc
        self.low_text = low_text  # the article lower-cased by _lower
        self.plain = plain  # True when a sentence's slice of it is the sentence's own _lower
        self.focus: tuple[Mention, int] | None = None  # the place last named or claimed
        self.claims: list[dict] = []  # fields of Claim, settled at the end of the article
        # The fields every claim of the article has, and its reporter's name
        self.doc_fields = {
            "article": doc.name,
            "published": doc.published.isoformat() if doc.published else "",
            "outlet": doc.outlet,
            "url": doc.url,
            "title": doc.title,
            "published_source": doc.published_source or "",
        }
        self.narrator = _narrator(doc)
        self._dates: dict[str, list[DateMention]] = {}
        self._points: dict[str, tuple[list[DateMention], str]] = {}
        self.cue_starts: list[int] = []  # where the claim-making cues of a sentence start
        self.sentence_start = 0  # where the sentence being read starts in the article

    def dates(self, sentence: str) -> list[DateMention]:
        found = self._dates.get(sentence)
        if found is None:
            found = self._dates[sentence] = find_dates(sentence, self.doc.published)
        return found

    def date_points(self, sentence: str) -> tuple[list[DateMention], str]:
        """The days a sentence names for its events, and the start of a period it names."""
        found = self._points.get(sentence)
        if found is None:
            mentions = self.dates(sentence)
            points = [
                d
                for d in mentions
                if d.role == "point"
                and d.date is not None
                and not _SINCE_BEFORE.search(sentence, max(0, d.start - 60), d.start)
            ]
            since = next((d.date.isoformat() for d in mentions if d.role == "since" and d.date), "")
            found = self._points[sentence] = (points, since)
        return found


class Extractor:
    """Turns documents into claims with a gazetteer and a lexicon."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None):
        self.gazetteer = gazetteer or Gazetteer.default()
        self.lexicon = lexicon or Lexicon.default()
        self._lat_lon: dict[str, tuple[float, float]] = {}  # by place id
        self._latin: Extractor | None = None

    def _latin_reader(self) -> Extractor:
        """This extractor with the lexicon's Latin-script words only (made once)."""
        if self._latin is None:
            self._latin = Extractor(self.gazetteer, self.lexicon.latin)
            self._latin._lat_lon = self._lat_lon
        return self._latin

    # -- article level -------------------------------------------------------------

    def extract(self, doc: Document, mentions: list[Mention] | None = None) -> list[Claim]:
        """All claims of one document."""
        if self.lexicon.latin is not self.lexicon and not ARABIC_LETTER.search(doc.text):
            # Arabic words cannot match here: read with the shorter patterns.
            return self._latin_reader()._extract(doc, mentions)
        return self._extract(doc, mentions)

    def _extract(self, doc: Document, mentions: list[Mention] | None) -> list[Claim]:
        text = doc.text
        if mentions is None:
            mentions = self.gazetteer.find(text)
        # Without letters that grow when lowered, a sentence's slice of the article
        # lowered is the sentence lowered (sentences start and end at white space).
        low_text = text.lower()
        plain = len(low_text) == len(text)
        low_text = low_text.replace("’", "'") if plain else _lower(text)  # (as _lower does)
        units = _unit_spans(low_text)
        figures_at = [u for u, _ in units if _number_before(low_text, u)]
        with_number = set(figures_at)
        if not mentions and not figures_at:
            return []
        # Only the sentences that can hold a claim are delimited: those with a mention,
        # a figure, or a word such as "the district" that refers back to a place.
        sentences: dict[tuple[int, int], list[Mention]] = {}
        span = (-1, -1)
        for m in mentions:  # in text order: neighbours often share a sentence
            if not (span[0] <= m.start and m.end <= span[1]):
                span = sentence_around(text, m.start, m.end)
            sentences.setdefault(span, []).append(m)
        anaphors = list(_strong_anaphors(low_text)) if mentions else []
        for pos in sorted(anaphors + figures_at):
            if not any(a <= pos < b for a, b in sentences):
                sentences[sentence_around(text, pos, pos)] = []
        ctx = _Context(self, doc, low_text, plain)
        for s_start, s_end in sorted(sentences):
            sentence = text[s_start:s_end]
            low = low_text[s_start:s_end]  # _lower keeps offsets, so the slice is the sentence's
            found = sentences[(s_start, s_end)]
            # A sentence starts after white space, so what the article holds in its
            # span is what the sentence alone holds: offsets found once serve both.
            refers_back = (
                not found
                and ctx.focus is not None
                and s_start - ctx.focus[1] <= REFER_BACK_CHARS
                and _any_between(anaphors, s_start, s_end)
            )
            # Units of the sentence, in its offsets (a unit never crosses a sentence boundary)
            in_sentence = units[
                bisect.bisect_left(units, (s_start,)) : bisect.bisect_left(units, (s_end,))
            ]
            # A unit with no number before it in the article has none in the sentence.
            figures = bool(figures_at) and any(
                u in with_number
                and (u - _NUMBER_REACH >= s_start or _number_before(low_text, u, s_start))
                for u, _ in in_sentence
            )
            if found or refers_back or figures:
                local_units = [(u - s_start, e - s_start) for u, e in in_sentence]
                self._sentence(ctx, s_start, s_end, sentence, low, found, figures, local_units)
        if ctx.claims:
            self._denials_after(ctx)
        return _dedupe(self._settle(ctx))

    def _denials_after(self, ctx: _Context) -> None:
        """ "X took Y. Rebels denied this.": the claims of the sentence before are disputed.

        Each claim of a side in the sentence before the denial gets a `contested`
        twin, attributed to whoever denied it and quoting the denial.
        """
        text, low = ctx.doc.text, ctx.low_text
        # A few words tell at once whether the article denies anything: the regex
        # (no fixed opening) would be tried at every position of every article.
        if not any(word in low for word in _DENIAL_WORDS):
            return
        for hit in _DENIED_THIS.finditer(low):
            start, end = sentence_around(text, hit.start(), hit.end())
            before = next(_sentences_before(text, start, 1), None)
            if before is None:
                continue
            previous = text[before[0] : before[1]]
            denied = [
                c
                for c in ctx.claims
                if c["quote"] == previous and c["status"] in SIDES and c["place_id"] != "city"
            ]
            if not denied:
                continue
            sentence = text[start:end]
            source = self._source_in(sentence) or ("", "")
            attributed, stance = source if source[0] else (_narrator(ctx.doc), "reporter")
            for claim in denied:
                ctx.claims.append(
                    {
                        **claim,
                        "status": "contested",
                        "attributed_to": attributed,
                        "source_stance": stance or self.lexicon.source_stance.get(attributed, ""),
                        "quote": sentence,
                        "rule": "denial",
                        "actor": "",
                        "confidence": round(claim["confidence"] * 0.9, 3),
                    }
                )

    def _settle(self, ctx: _Context) -> list[Claim]:
        """Fill in what needed the whole article, and make the claims.

        Claims are kept as field dicts until here. The capturing side is the
        majority of the article's explicit captures (an actor named with the
        cue); without those, `_default_side` reads the text. Claims whose
        sentence names no day get the day the article reports on (`_news_day_from`).
        A claim waiting for a side that cannot be told is dropped.
        """
        pending = ctx.claims
        if any(c["date"] == _PENDING for c in pending):
            day = self._news_day_from(ctx).isoformat()
            for c in pending:
                if c["date"] == _PENDING:
                    c["date"] = day
        if any(c["status"] == _PENDING for c in pending):
            sides = Counter(
                c["status"]
                for c in pending
                if c.get("actor")
                # who takes places, not who holds them: "the army withdrew from X"
                # names the side that takes X as surely as "rebels took X"
                and c["rule"] in _GAIN_RULES
                and c["status"] in OPPOSITE
            )
            ranked = sides.most_common()
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                side = ranked[0][0]
            else:
                side = self._default_side(ctx.low_text)
            for c in pending:
                if c["status"] == _PENDING:  # "the fall of X": whoever captures here
                    c["status"] = side
                    c["confidence"] = round(c["confidence"] * 0.9, 3)
        return [Claim._from_fields(c) for c in pending if c["status"] is not None]

    def _default_side(self, text: str) -> str | None:
        """The side that captures places in this article ("the fall of X" goes to it).

        The side of the actors named just before capture cues; failing that, the
        side named most often. In a battle report that is the side on the offensive.
        `text` is the article lower-cased by `_lower`.
        """
        lex = self.lexicon
        counts: Counter[str] = Counter()
        capture = next((c for c in lex.cues if c.name == "capture"), None)
        if capture is not None:
            for hit in capture.regex.finditer(text):
                follow = text[hit.end() : hit.end() + 4]
                if follow == " of ":
                    continue  # "the retaking of X" names no actor
                if follow == " by ":  # "captured by the army"
                    actor = lex.actors.search(text, hit.end() + 4, hit.end() + 40)
                else:
                    # the subject may stand far back in the sentence: "forces loyal to
                    # President Bashar al-Assad have been focused on ..., where they have retaken"
                    reach = max(0, hit.start() - SUBJECT_LOOKBACK)
                    start = text.rfind(". ", reach, hit.start())
                    before = [
                        a
                        for a in lex.actors.finditer(
                            text, reach if start < 0 else start, hit.start()
                        )
                        if _can_be_subject(text, a)  # not "pounded the rebel enclave, seizing"
                    ]
                    actor = before[-1] if before else None
                if actor is not None:
                    counts[actor.lastgroup] += 1
        # Failing those, the side named most often, if clearly so: a side is named
        # about as often when it loses ground as when it takes it.
        margin = 1
        if not counts:
            # (not "rebel-held X", "rebel territory": the side that holds, named by it)
            counts = Counter(
                m.lastgroup
                for m in lex.actors.finditer(text)
                if not _ATTRIBUTIVE_AFTER.match(text, m.end())
            )
            margin = 2
        counts.pop("kurdish", None)
        if not counts:
            return None
        (side, n), *rest = counts.most_common()
        return side if not rest or n > margin * rest[0][1] else None

    def _news_day_from(self, ctx: _Context) -> dt.date:
        """The day the article reports on, from the sentences already read if they tell."""
        # News copy names the day of its story first ("... said on Monday"); failing
        # that, the day the sentences read name most often.
        lede = iter_dates(ctx.doc.text[:LEDE_CHARS], ctx.doc.published)
        first = next((d.date for d in lede if _is_day(d)), None)
        read = [d for found in ctx._dates.values() for d in found]
        return first or _most_common_day(read) or ctx.doc.published

    # -- sentence level ------------------------------------------------------------

    def _sentence(self, ctx, offset, end, sentence, low, mentions, figures, units) -> None:
        lex = self.lexicon
        ctx.sentence_start = offset
        local = [(m.start - offset, m.end - offset, m) for m in mentions if m.place_id]
        if local and ARABIC_LETTER.search(sentence):
            # "منتصف تشرين الثاني": a word of a month's name is no place, even where it
            # names one (Tishreen). Only Arabic month names do, so only Arabic text pays.
            months = [m.span() for m in ARABIC_MONTH_NAME.finditer(sentence)]
            local = [
                (s, e, m)
                for s, e, m in local
                if not any(a <= s and e <= b and b - a > e - s for a, b in months)
            ]
        cue_hits = self._cues(low)
        if not cue_hits and not figures:
            listing = _LIST_FOLLOWS.match(low) if local else None
            if listing is not None:
                # "... regained control of seven other districts. These included X."
                ctx.claims.extend(self._listed_after(ctx, offset, sentence, local, listing.end()))
            if local:  # no claim, but a later "the district" may mean the place named last
                ctx.focus = (local[-1][2], end)
            return
        # "areas, including X" and "the occupied areas" are noun phrases: a verb
        # before them governs the list
        nominal = {
            hit.start
            for cue, hit in cue_hits
            if cue.side == "actor_strict"
            or cue.name == "capture"
            and _DETERMINER_END.search(low, max(0, hit.start - 30), hit.start)
        }
        verb_starts = [
            hit.start
            for cue, hit in cue_hits
            if cue.kind not in ("adjective", "location") and hit.start not in nominal
        ]
        breaks = _Clauses(low)
        # Actors only matter to cues whose side depends on who acts.
        needs_actor = any(cue.side not in STATUSES for cue, _ in cue_hits)
        actors = list(lex.actors.finditer(low)) if needs_actor else []
        new_claims: list[tuple[Mention, str, str, str, int]] = []  # place, status, rule, actor, pos
        claimed: set[tuple[int, int]] = set()  # the places claimed so far (spans)
        sources: dict[int, tuple[str, str]] = {}
        speech: list[re.Match] = []  # the sentence's speech verbs, found on first need
        verbs: list[int] = []

        def source_at(pos: int) -> tuple[str, str]:
            """Who said what stands at `pos` (cached per speech verb)."""
            if not sources:  # first call
                # (not a word of a place's name: "Sheikh Said")
                speech.extend(
                    v
                    for v in lex.speech.finditer(low)
                    if not any(s <= v.start() < e for s, e, _ in local)
                )
                verbs.extend(v.start() for v in speech)
            verb = min(verbs, key=lambda v: abs(v - pos)) if verbs else -1
            if verb > pos and _COORDINATED.search(low, pos, verb):
                # "X advanced into Y, and state TV said they ...": the speech
                # starts a clause of its own; what comes before is the reporter's
                said = next(v for v in speech if v.start() == verb)
                if not said.group().startswith("according") and _SPEECH_WITH_CONTENT.match(
                    low, said.end()
                ):
                    return "", ""
            if verb not in sources:
                own = (low, speech) if ctx.plain else (None, None)
                sources[verb] = self._source(ctx, offset, end, sentence, *own, verb)
            return sources[verb]

        for cue, hit in cue_hits:
            targets = self._objects(cue, hit, sentence, local, breaks, verb_starts)
            if (
                hit.start in nominal
                and targets
                and all((m.start, m.end) in claimed for m in targets)
            ):
                continue  # "rebels lost a third of the occupied areas including X": "lost" says it
            referred = not targets
            if referred:
                targets = self._refer_back(ctx, cue, hit, sentence, local, offset)
            elif cue.object == "after" and _ANAPHOR_THEN_LIST.match(sentence, hit.end):
                before = self._refer_back(ctx, cue, hit, sentence, local, offset)
                targets = [m for m in before if m not in targets] + targets
            if not targets:
                continue
            status, actor = self._side(
                ctx,
                cue,
                hit,
                sentence,
                breaks,
                actors,
                lambda pos: source_at(pos)[1],
                min((m.start - offset for m in targets if m.start >= offset), default=None),
            )
            if status is None or self._hedged(cue, sentence, hit, breaks):
                continue
            if cue.name in _DATED_RULES and _earlier_year(ctx, sentence, hit, breaks, verb_starts):
                continue
            if (
                cue.kind == "adjective"
                and status in OPPOSITE
                and _FORMER_BEFORE.search(low, max(0, hit.start - 16), hit.start)
            ):
                status = OPPOSITE[status]  # "the former rebel-held X": the other side has it
            if cue.side != "contested" and (
                lex.denials.search(sentence, 0, hit.start)
                or _DENIED_AFTER.search(sentence, hit.end)
            ):
                status = "contested"  # a denied capture: the place is disputed
            elif (
                cue.name == "capture"
                and status in SIDES
                and _ING_START.match(sentence, hit.start)
                and _PROGRESSIVE_BEFORE.search(sentence, max(0, hit.start - 40), hit.start)
            ):
                status = "contested"  # "troops are storming X": fought over, not yet taken
            shared = False  # "large parts of A, B and C": the share goes with the whole list
            for mention in targets:
                if mention.start >= offset and (
                    _FACILITY_AFTER.match(sentence, mention.end - offset)
                    or _FACILITY_BEFORE.search(
                        sentence, max(0, mention.start - offset - 20), mention.start - offset
                    )
                    or _excepted(sentence, hit.end, mention.start - offset)
                ):
                    # "the Sleiman al-Halabi water station" is not the district, and
                    # "lost all of the north, with the exception of X" says X was not lost
                    continue
                held = status
                partial = shared or (
                    mention.start >= offset
                    and _PARTIAL_BEFORE.search(
                        low,
                        max(0, mention.start - offset - SHARE_CHARS),
                        mention.start - offset,
                    )
                )
                shared = bool(partial) and not referred
                if not partial and mention.start >= offset and cue.name in _SITE_RULES:
                    # (only for this place: "a hospital in X, and Y" took all of Y)
                    site = _SITE_IN.search(
                        low,
                        max(hit.end, mention.start - offset - SHARE_CHARS),
                        mention.start - offset,
                    )
                    partial = site is not None
                if referred and not partial:  # "captured parts of the district"
                    partial = _PARTIAL_AFTER.match(sentence, hit.end)
                if partial and (held in SIDES or held == _PENDING):
                    held = "contested"  # "rebels hold parts of X": X is divided
                new_claims.append((mention, held, cue.name, actor, hit.start))
                claimed.add((mention.start, mention.end))
        if "(" in low and any(low.rfind("(", 0, s) > low.rfind(")", 0, s) for s, _, _ in local):
            for mention, side, actor, pos in self._bracketed(low, local, actors, needs_actor):
                if (mention.start, mention.end) not in claimed:
                    new_claims.append((mention, side, "bracketed", actor, pos))
                    claimed.add((mention.start, mention.end))
        # "overran the rebel-held X", "seized X, held by the rebels since 2012": the
        # state named is the one before the verb's
        states = lex.state_cues
        verb_places = {
            m.place_id
            for m, status, rule, _, _ in new_claims
            if rule not in states and status in SIDES
        }
        new_claims = [
            c for c in new_claims if c[2] not in states or c[0].place_id not in verb_places
        ]
        # Dates go to the nearest cue that makes a claim: "civilians fled to the
        # Kurdish-held X" has two cues, and only the adjective says anything.
        ctx.cue_starts = sorted({c[4] for c in new_claims})
        for mention, status, rule, actor, cue_pos in new_claims:
            ctx.claims.append(
                self._claim(
                    ctx, mention, status, rule, actor, sentence, cue_pos, source_at(cue_pos)
                )
            )
            ctx.focus = (mention, end)
        if not new_claims and local:
            # No claim here, but a later "the district" may mean the place named last.
            ctx.focus = (
                (local[-1][2], end) if ctx.focus is None or ctx.focus[1] < end else ctx.focus
            )
        if figures:
            places = [(s, e) for s, e, _ in local]
            ctx.claims.extend(
                self._figures(ctx, offset, sentence, low, units, breaks, source_at, places)
            )

    def _listed_after(self, ctx, offset, sentence, local, list_start) -> list[dict]:
        """ "These included X and Y" (the list from `list_start`): the places the
        sentence before counted.

        A cue there whose object is a number of places ("took seven districts",
        "captured large areas") gives its side to the places listed here. The
        quote is both sentences; the date, side and source those of the first.
        """
        text = ctx.doc.text
        before = next(_sentences_before(text, offset, 1), None)
        if before is None:
            return []
        start, end = before
        previous = text[start:end]
        low = _lower(previous)
        listed = self._list_after(sentence, local, list_start, len(sentence), head=True)
        if not listed:
            return []
        breaks = _Clauses(low)
        actors = list(self.lexicon.actors.finditer(low))
        for cue, hit in self._cues(low):
            if cue.object != "after" or not _COUNTED_PLACES.match(low, hit.end):
                continue
            status, actor = self._side(ctx, cue, hit, previous, breaks, actors, lambda pos: "")
            if status is None or status == _PENDING or self._hedged(cue, previous, hit, breaks):
                continue
            speech = list(self.lexicon.speech.finditer(low))
            verb = min((v.start() for v in speech), key=lambda v: abs(v - hit.start), default=-1)
            source = self._source(ctx, start, end, previous, low, speech, verb)
            saved, ctx.sentence_start = ctx.sentence_start, start
            both = f"{previous} {sentence}"  # offsets in the first sentence stay valid
            claims = [
                self._claim(ctx, m, status, "listed-after", actor, both, hit.start, source)
                for m in listed
            ]
            ctx.sentence_start = saved
            return claims
        return []

    def _bracketed(self, low, local, actors, actors_found):
        """ "split between government forces (X, Y) and Kurdish fighters (Z)": the places
        in brackets right after an actor are held by its side.

        Read in sentences with a cue only (a sentence about control). Yields
        (mention, side, actor, where the actor starts).
        """
        if not actors_found:
            actors = list(self.lexicon.actors.finditer(low))
        for actor in actors:
            opening = _BRACKET_AFTER.match(low, actor.end())
            if opening is None or self.lexicon.hedges.search(low, 0, actor.start()):
                continue  # (not "aims to split the city between ...")
            close = low.find(")", opening.end())
            if close < 0:
                continue
            for start, end, mention in local:
                if opening.end() <= start and end <= close:
                    yield mention, actor.lastgroup, actor.group(), actor.start()

    def _cues(self, sentence: str) -> list[tuple[Cue, _CueHit]]:
        """Cue matches in the sentence, in order; overlapping cues give way to the first."""
        cues = self.lexicon.cues
        hits = []
        # The pattern consumes the character before a cue: a space in front stands
        # for the sentence's start, and offsets come back one less.
        for match in self.lexicon.any_cue.finditer(" " + sentence):
            group = match.lastgroup
            start, end = match.span(group)
            if end == start:
                continue
            hits.append((cues[int(group[1:])], _CueHit(start - 1, end - 1, sentence)))
        return hits

    def _objects(self, cue, hit, sentence, local, breaks, verb_starts=()) -> list[Mention]:
        """The places a cue governs (`verb_starts`: where the other verbal cues start)."""
        if not local:
            return []
        if cue.object == "adjacent":
            # "rebel-held al-Kalasa and Bab al-Nairab": the first place right after the
            # adjective, and the places listed with it
            chosen = []
            prev_end = hit.end
            for s, e, m in local:
                if s < hit.end:
                    continue
                gap = sentence[prev_end:s]
                if not (_LIST_GAP.match(gap) if chosen else _ADJACENT_GAP.match(gap)):
                    break
                chosen.append(m)
                prev_end = e
            if not chosen and cue.kind == "adjective":
                # "X and Y, which are rebel-held districts", "X, a government-held area":
                # after a comma, the adjective says who holds the places before it
                head = _APPOSITION_HEAD.search(sentence, max(0, hit.start - 60), hit.start)
                if head is not None and _APPOSITION_TAIL.match(sentence, hit.end):
                    return self._places_before(sentence, local, head.start(), head.start())
            return chosen
        clause_start, clause_end = breaks.around(hit.start, hit.end)
        if cue.object == "after":
            chosen = self._list_after(sentence, local, hit.end, clause_end)
            if chosen:
                first = next(s for s, _, m in local if m is chosen[0])
                if self._object_of_another(breaks.low, hit.end, first, verb_starts, cue.verb_first):
                    chosen = []
            if not chosen:
                # "took several districts in the east, including X, Y and Z"
                # (a dash or colon that opens the list also ends the clause: look past it)
                reach = min(clause_end + 2, hit.end + OBJECT_REACH)
                # (an intro that starts within reach may end past it: " – including ")
                intro = _LIST_INTRO.search(sentence, hit.end, reach + INTRO_CHARS)
                if intro is not None and intro.start() > reach:
                    intro = None
                if intro is not None and not self._object_of_another(
                    breaks.low, hit.end, intro.start(), verb_starts, cue.verb_first
                ):
                    # (a list after another verb is that verb's: "an offensive ..., saying
                    # they had controlled its northern part including X")
                    _, list_end = breaks.around(intro.end(), intro.end())
                    chosen = self._list_after(sentence, local, intro.end(), list_end, head=True)
            if not chosen and cue.kind == "verb":
                # "X, which government troops took over from rebels": the verb's object
                # is the place the relative clause hangs on
                relative = _RELATIVE_WITH_SUBJECT.search(
                    breaks.low, max(0, hit.start - 60), hit.start
                )
                subject = relative and self.lexicon.actors.search(
                    breaks.low, relative.end(), hit.start
                )
                # (the subject right after "which": not "which is inhabited by Kurds")
                if subject and subject.start() - relative.end() <= 12:
                    start = relative.start()
                    day = _DAY_TAIL.search(sentence, max(0, start - 30), start)
                    start = day.start() if day else start  # "X on December 9, which ..."
                    chosen = self._places_before(sentence, local, start, start)[-1:]
            return chosen
        end = hit.start
        if cue.kind == "location":  # "X in the rebel-held east": the places stand before "in"
            prep = _LOCATION_PREPOSITION.search(sentence, max(0, end - 30), end)
            end = prep.start() if prep is not None else end
            # "X and elsewhere in the rebel-held areas"
            elsewhere = _ELSEWHERE_BEFORE.search(sentence, max(0, end - 20), end)
            end = elsewhere.start() if elsewhere is not None else end
        chosen = self._places_before(sentence, local, end, clause_start)
        if not chosen and cue.kind == "predicate":
            # "parts of the city that remain under rebel control, including X and Y":
            # the subject is no place, the list after the predicate names them
            intro = _LIST_INTRO.match(sentence, hit.end) or _LIST_COPULA.match(sentence, hit.end)
            if intro is not None and intro.group().strip(" ,:–—؛،").replace(" ", "").isalpha():
                _, list_end = breaks.around(intro.end(), intro.end())
                chosen = self._list_after(sentence, local, intro.end(), list_end, head=True)
        return chosen

    @staticmethod
    def _places_before(sentence, local, end, clause_start) -> list[Mention]:
        """The nearest places ending before `end`, in the clause from `clause_start`,
        with the places listed with them."""
        chosen = []
        limit = end
        for s, e, m in reversed(local):
            if e > end:
                continue
            if s < clause_start and not chosen and not _BEFORE_GAP.match(sentence[e:end]):
                break
            gap = sentence[e:limit]
            ok = _BEFORE_GAP.match(gap) if not chosen else _LIST_GAP.match(gap)
            if not ok:
                break
            chosen.append(m)
            limit = s
        return list(reversed(chosen))

    def _object_of_another(self, low, start, first, verb_starts, verb_first=False) -> bool:
        """Whether the place at `first`, found after a cue ending at `start`, is another's.

        "advanced on the districts ..., taking X": X is what "taking" governs;
        "the rebels which controlled the area ..., and with this control the
        regime forces secured X": an actor in between opens another clause.
        """
        if any(start < v < first for v in verb_starts):
            return True
        if verb_first:
            return False  # an actor between a verb-first cue and its object is its subject
        if first - start <= 12:
            return False
        # "the rebel pocket", "a government military complex" name no one acting: an
        # actor before a place word, or before another actor that is
        attributive_from = None  # where the next actor starts, if it is attributive
        for a in reversed(list(self.lexicon.actors.finditer(low, start, first))):
            if _ATTRIBUTIVE_AFTER.match(low, a.end()) or attributive_from == a.end() + 1:
                attributive_from = a.start()
                continue
            return True
        return False

    def _list_after(self, sentence, local, start, clause_end, head=False) -> list[Mention]:
        """The places listed from `start` on: the first near it, the rest one list.

        With `head`, `start` opens a list ("including ..."), so the first place
        must come right there, after names we may not know.
        """
        chosen: list[Mention] = []
        prev_end = start
        for s, e, m in local:
            if s < start:
                continue
            if not chosen and (s > clause_end or s - start > OBJECT_REACH):
                break
            if head and not chosen and not _LIST_HEAD.match(sentence, start, s):
                break
            container = None if chosen else _CONTAINER_AFTER.match(sentence, e)
            if container is not None and any(s2 == container.end() for s2, _, _ in local):
                prev_end = container.end()  # "the Old City districts of X, Y": X and Y
                continue
            gap = sentence[prev_end:s]
            if chosen and not _LIST_GAP.match(gap):
                # an aside ("near the government-controlled west") may sit inside a list
                if s > clause_end or not _LIST_ASIDE.match(gap):
                    break
            if self.lexicon.locatives.search(
                sentence, max(prev_end, s - 40), s
            ) and not _SHARE_OF.search(sentence, max(prev_end, s - 40), s):
                if not chosen:
                    prev_end = e
                    continue  # "to the north of X" is a location, not an object
                break
            chosen.append(m)
            prev_end = e
        return chosen

    def _refer_back(self, ctx, cue, hit, sentence, local, offset) -> list[Mention]:
        """ "the district", "it", "there" next to a cue: the place just named or claimed."""
        lex = self.lexicon
        if cue.object == "before":
            window = sentence[max(0, hit.start - 40) : hit.start]
            found = [a for a in lex.anaphors.finditer(window)]
            if (
                not found
                or window[found[-1].end() :].strip(" ,") not in ("",)
                and not _BEFORE_GAP.match(window[found[-1].end() :])
            ):
                return []
            anaphor_pos = hit.start - len(window) + found[-1].start()
            if _SHARE_OF_BEFORE.search(sentence, max(0, anaphor_pos - 30), anaphor_pos):
                return []  # "40 per cent of the area under rebel control": a figure's whole
            if found[-1].group().lower() == "which":
                # a relative pronoun stands for the noun right before it, in its sentence:
                # "X, which is held by rebels"; not "the western neighborhoods which are"
                just_before = [
                    m for s, e, m in local if e <= anaphor_pos and _WHICH_AFTER.match(sentence, e)
                ]
                return just_before[-1:]
        else:
            window = sentence[hit.end : hit.end + 70]
            # "seized full control of the district", "captured parts of it"
            for skip in (_CONTROL_AFTER, _PARTIAL_AFTER):
                found = skip.match(window)
                if found:
                    window = window[found.end() :]
            window = window.lstrip()
            found = lex.anaphors.match(window) if window else None
            if found is None or _NAMED_AFTER.match(window, found.end()):
                return []  # "the area around the Citadel", "the district of Sheikh Lutfi"
            anaphor_pos = hit.end
        earlier = [m for s, _, m in local if s < anaphor_pos]
        if earlier:
            return [earlier[-1]]
        if ctx.focus is not None and offset - ctx.focus[1] <= REFER_BACK_CHARS:
            if _UNKNOWN_PLACE.search(ctx.doc.text, ctx.focus[1], offset + anaphor_pos):
                # "... withdraw from the 3,000 Apartments district. ... clashes in the
                # vicinity of the area": the place named last is one we do not know
                return []
            return [ctx.focus[0]]
        return []

    def _side(
        self, ctx, cue, hit, sentence, breaks, actors, speaker_stance, object_start=None
    ) -> tuple[str | None, str]:
        """(status, actor phrase) for a cue.

        `actors` are the sentence's actor matches; `speaker_stance(pos)` gives the
        stance of whoever said what stands at `pos`, for "we" and "our forces";
        `object_start`: where the cue's first place in the sentence starts, if after it.
        """
        if cue.side in STATUSES:
            return cue.side, ""
        if (
            cue.side == "opposite"
            and object_start is not None
            and _NON_COMBATANTS.search(sentence, hit.end, object_start)
        ):
            return None, ""  # "evacuated 150 civilians from X": no one gave X up
        clause_start, clause_end = breaks.around(hit.start, hit.end)
        if cue.verb_first:
            # "سيطرت قوات النظام على X" (took regime forces X): the subject follows
            # the verb, before its object and in its clause
            end = hit.end
            if object_start is not None and object_start > hit.end:
                end = max(hit.end, min(object_start, hit.end + VERB_FIRST_REACH, clause_end))
            subject = next((a for a in actors if hit.start <= a.start() < end), None)
            phrase = sentence[subject.start() : subject.end()] if subject else ""
            if cue.side == "recipient":
                # "تسليم وحدات حماية الشعب أحياء X" (handing the YPG districts X): the YPG holds
                return (subject.lastgroup, phrase) if subject else (None, "")
            if subject is None and _ARABIC_PRONOUN_ACTS.match(hit.text):
                # "بعد خسارتها X" (after its loss of X), "باسطاً نفوذه على X" (extending its
                # hold over X): a pronoun names who acts, the article's capturing side
                return _PENDING, ""
        else:
            subject = None
        if cue.side in ("actor_in", "opposite_in"):
            # "under rebel control": the side is named in the cue; "the withdrawal of all
            # terrorist forces from": the other side takes what they leave
            inside = self.lexicon.actors.search(hit.text)
            if inside is None:
                return None, ""
            side = inside.lastgroup if cue.side == "actor_in" else OPPOSITE.get(inside.lastgroup)
            return side, inside.group()
        if cue.side in ("actor_after", "agent"):
            # "fell to the army", not "fell, while Kurdish forces advanced": same clause
            # and named as the agent: "to"/"by" just before it, or right after a cue
            # that ends in "of" ("in the hands of the army"); "X has fallen, a rebel
            # commander said" names who said it, not who took it
            after = [
                a
                for a in actors
                if hit.end <= a.start() <= min(hit.end + 40, clause_end)
                and (
                    _AGENT_BEFORE.search(sentence, max(hit.start, hit.end - 3), a.start())
                    # (not "the capture of rebel strongholds X": whose they were)
                    or hit.text.endswith(" of")
                    and a.start() - hit.end <= 5
                    and not _ATTRIBUTIVE_AFTER.match(sentence, a.end())
                )
            ]
            if after:
                return after[0].lastgroup, sentence[after[0].start() : after[0].end()]
            # "the army's capture of X", "the rebels' loss of X": the possessor acts
            owner = None
            if hit.text.endswith(" of"):
                owner = next(
                    (a for a in actors if _POSSESSIVE_CUE.match(sentence, a.end(), hit.start)),
                    None,
                )
            if owner is not None:
                side = owner.lastgroup
                if _LOSS_NOUN.search(hit.text):
                    side = OPPOSITE.get(side)
                elif _FALL_NOUN.search(hit.text):
                    side = None  # "the army's fall of X" is not English: no guess
                if side is not None:
                    return side, sentence[owner.start() : owner.end()]
            # "agent": a cue that is no claim without its agent ("X, captured by ...");
            # "controlled by local militia" names an agent we do not know: no guess
            if cue.side == "agent" or hit.text.endswith((" by", " to")):
                return None, ""
            return _PENDING, ""
        if cue.side == "recipient":
            # "handed X and Y over to Kurdish fighters": whoever they went to holds them
            given = next(
                (
                    a
                    for a in actors
                    if hit.end <= a.start() <= clause_end
                    and _TO_BEFORE.search(sentence, max(hit.end, a.start() - 12), a.start())
                ),
                None,
            )
            if given is not None:
                return given.lastgroup, sentence[given.start() : given.end()]
        if cue.name == "capture" and _DETERMINER_END.search(
            sentence, max(0, hit.start - 30), hit.start
        ):
            # "the (recently) recaptured Sheikh Saeed": a participle; the subject of
            # the sentence is not who captured it, so the article's capturing side is
            return _PENDING, ""
        before = [a for a in actors if a.end() <= hit.start]
        if len(before) > 1:
            # "YPG fighters – in coordination with government troops – took X": an
            # actor inside an aside is not the one who acts
            asides = _asides(sentence, hit.start)
            if asides:
                before = [
                    a for a in before if not any(s <= a.start() < e for s, e in asides)
                ] or before
        in_clause = [a for a in before if a.start() >= clause_start]
        # The subject acts: not an actor after a preposition ("clashing with
        # insurgents") or before a possessive ("the Nusra Front's stronghold").
        # An actor right after another describes it ("the Lebanese Hezbollah militant
        # group"): the first names who acts.
        ends = {a.end() for a in before}
        subjects = [
            a
            for a in before
            if _can_be_subject(sentence, a)
            and not (a.start() - 1 in ends and sentence[a.start() - 1] == " ")
        ]
        # None when every actor is an object: "the Nusra Front's stronghold" names no
        # one who took it, so the side is the article's (as for "the fall of X").
        actor = ([a for a in in_clause if a in subjects] or subjects or [None])[-1]
        participle = _ING_START.match(sentence, hit.start) and _PARTICIPLE_AFTER.search(
            sentence, max(0, hit.start - 12), hit.start
        )
        if participle and subjects:
            # "..., after taking X", "..., seizing X": the subject of the main clause
            # (after the speech verb: "a military source told Reuters that pro-Assad
            # forces advanced ..., since taking X" is about the forces)
            said = [v.end() for v in self.lexicon.speech.finditer(breaks.low, 0, hit.start)]
            actor = next((a for a in subjects if a.start() >= (said or [0])[-1]), actor)
        elif actor is None and _opens_with_participle(sentence, hit):
            # "After losing X, rebels fell back to Y", "Having taken X, the army ...":
            # the subject comes after the opening clause
            comma = sentence.find(",", hit.end)
            actor = next(
                (
                    a
                    for a in actors
                    if comma != -1
                    and comma < a.start() <= comma + SUBJECT_REACH
                    and _can_be_subject(sentence, a)
                ),
                None,
            )
        elif actor is None and participle:
            # "..., in an attempt by the regime to advance ..., after regaining X":
            # no subject, but the agent of the attempt the participle goes with
            actor = next(
                (
                    a
                    for a in reversed(before)
                    if _ATTEMPT_BY.search(breaks.low, max(0, a.start() - 30), a.start())
                ),
                None,
            )
        actor = subject or actor
        if cue.side == "default":
            return _PENDING, ""
        if actor is None and cue.side in ("actor_strict", "contested_actor"):
            return None, ""  # "neighbourhoods, including X" with nobody named: no claim
        if cue.side == "contested_actor":  # "troops entered X": fought over
            return "contested", sentence[actor.start() : actor.end()]
        if cue.side == "actor_next" and (
            actor is None or actor.start() < clause_start or hit.start - actor.end() > SUBJECT_GAP
        ):
            return None, ""  # "rebels said civilians remain in X": the rebels are not there
        if actor is None:
            we = _WE.search(sentence, clause_start, hit.start)
            side = _STANCE_SIDE.get(speaker_stance(hit.start)) if we else None
            if side is None:
                if cue.side == "opposite" and not _NON_COMBATANTS.search(
                    sentence, clause_start, hit.start
                ):
                    # "the fighters withdrew from X": whoever withdraws here loses X
                    # to the side that takes places in this article
                    return _PENDING, ""
                return (_PENDING, "") if cue.side == "actor" else (None, "")
            phrase = we.group()  # "we lost X", said by a rebel: the rebels lost it
        else:
            side = actor.lastgroup
            phrase = sentence[actor.start() : actor.end()]
        if cue.side in ("opposite", "recipient"):
            # "Kurdish forces took X after rebels abandoned it": the other actor named
            others = [a for a in actors if a.lastgroup != side]
            if others:
                other = min(others, key=lambda a: abs(a.start() - hit.start))
                return other.lastgroup, sentence[other.start() : other.end()]
            return OPPOSITE.get(side), phrase
        return side, phrase

    def _hedged(self, cue: Cue, sentence: str, hit: _CueHit, breaks) -> bool:
        """Negation, hedge, future or intention right before the cue.

        An adjective ("rebel-held X") states what holds now, whatever the verb.
        """
        if cue.kind == "adjective":
            return False
        clause_start, _ = breaks.around(hit.start, hit.end)
        # The 50 characters before the cue, searched in the sentence (not a slice of it,
        # so that a word the window cuts is no word start)
        start = max(clause_start, hit.start - 50)
        end = hit.start
        narrative = _NARRATIVE_WOULD.search(sentence, start, end)
        if narrative is not None:  # "the army would then proceed to seize X": it did
            end = narrative.start()
        if self.lexicon.hedges.search(sentence, start, end):
            return True
        predicate = cue.kind in ("predicate", "location")
        if predicate and self.lexicon.past_states.search(sentence, start, end):
            return True  # "had been held by rebels": a state the sentence says is over
        if (
            cue.kind == "verb"
            and _ING_START.match(sentence, hit.start)
            and _CLAUSE_OPENING.match(sentence, clause_start, hit.start)
        ):
            if _MODAL_AFTER.match(sentence, hit.end):
                return True  # "Capturing X would cut the road": what could happen
        if (
            cue.name == "fall-of"
            and _WITH_BEFORE.search(sentence, max(0, hit.start - 6), hit.start)
            and _MODAL_IN_CLAUSE_AFTER.match(sentence, hit.end)
        ):
            return True  # "With the capture of X, the army would hold 70 percent"
        if (predicate or cue.name == "control") and _UNTIL.search(
            sentence, hit.end, breaks.around(hit.start, hit.end)[1]
        ):
            return True  # "under rebel control until Monday": a state that ended
        # "to take X" is an intention, unless "managed to", "claimed to" precede it;
        # so is "to remove the mines and secure X": a second infinitive after "and"
        infinitive = _INFINITIVE_BEFORE.search(sentence, start, end)
        if (
            cue.kind == "verb"
            and infinitive is not None
            and (infinitive.group("then") is None or not _FINITE_START.match(sentence, hit.start))
            and not self.lexicon.completions.search(sentence, start, infinitive.start("to") + 2)
            and not _ING_START.match(sentence, hit.start)  # "in addition to capturing X"
        ):
            return True
        return False

    # -- attribution, dates, figures -------------------------------------------------

    def _source(self, ctx, offset, end, sentence, low, speech, verb) -> tuple[str, str]:
        """(source, stance) of what the speech verb at `verb` introduces (else the sentence's).

        `low` and `speech`: the sentence lower-cased by `_lower` and its speech verbs, if known.
        A quote runs on to the sentence where it is attributed; "he said" is the
        speaker of a sentence just before.
        """
        text = ctx.doc.text
        found = self._source_in(sentence, verb, low, speech)
        if found is not None and _PRONOUN_SPEAKER.match(found[0]):
            found = None
            # "He said ...": the speaker of a sentence just before
            for s, e in _sentences_before(text, offset, 3):
                earlier = self._source_in(text[s:e])
                if earlier is not None and not _PRONOUN_SPEAKER.match(earlier[0]):
                    return earlier
        if found is not None:
            return found
        if _quote_left_open(sentence):
            for s, e in _sentences_after(text, end, 3):
                follow = text[s:e]
                if re.search(r'["”]', follow):
                    found = self._source_in(follow)
                    if found is not None:
                        return found
                    break
        return "", ""

    def _source_in(self, sentence: str, verb=-1, low=None, speech=None) -> tuple[str, str] | None:
        """The source named with a speech verb in one sentence, or None.

        With `verb` (an offset), only the speech verb there counts. `speech`: the
        speech verbs of `low`, if already found.
        """
        lex = self.lexicon
        if low is None:
            low, speech = _lower(sentence), None
        if speech is None:
            speech = lex.speech.finditer(low)
        verbs = [
            v
            for v in speech
            if (verb < 0 or v.start() == verb)
            and not _after_article(low, v.start())
            and not _passive_without_agent(low, v)
            and not (
                v.group() in _NOUN_FORMS
                and _NOUN_BEFORE.search(low, max(0, v.start() - 20), v.start())
            )
        ]
        if not verbs:
            return None
        pronoun = _PRONOUN_BEFORE.search(low, max(0, verbs[0].start() - 8), verbs[0].start())
        if pronoun is not None:  # "..., it said": whoever the pronoun stands for, not the subject
            return pronoun.group(1), ""
        best = None
        # A speaker stands near its verb: look only there.
        # (The sentence's opening is always in: "State TV footage from X, ..., showed".)
        window_start = 0 if verbs[0].start() <= 240 else verbs[0].start() - 120
        window_end = min(len(low), verbs[-1].end() + 80)
        for m in lex.any_source.finditer(low, window_start, window_end):
            if _NOT_SPEAKER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
                continue
            name, stance = lex.sources[int(m.lastgroup[1:])]
            for v in verbs:
                if m.end() <= v.start():  # the usual order: "the Observatory said"
                    distance = v.start() - m.end()
                    if m.start() <= 4:  # the sentence's subject, however long its apposition
                        distance = min(distance, 30)
                elif m.start() < v.end() or _inverted(low, v):
                    # "..., said the Observatory": rarer than the subject first
                    distance = m.start() - v.end() + 20
                else:  # "Rebels denied the army had taken X": the army is no speaker
                    continue
                if best is None or distance < best[0]:
                    best = (distance, name, stance)
        if best is not None and best[0] <= 60:
            return best[1], best[2]
        # A speaker we have no entry for: keep the words, so the source is listed, not guessed.
        verb = verbs[0]
        before = sentence[: verb.start()].rstrip(" ,")
        if (
            verb.group().startswith("according")
            or ARABIC_LETTER.match(verb.group())
            or before.endswith(('"', "”", "’", "'"))
            or not before
        ):
            after = sentence[verb.end() :]
            # (Arabic: the speaker ends at a comma or at "إن"/"أن", that)
            speaker = re.split(r"[,،;؛:.\"“”]|\s(?:إن|ان|أن)\s", after)[0].strip()
        else:
            # (a dash ends a dateline: "BEIRUT (AFP) - Local sources said")
            parts = [p.strip() for p in _SPEAKER_BREAK.split(before)]
            # (past a closed aside: "a commander - who asked not to be named - said")
            if len(parts) > 2 and not parts[-1] and _RELATIVE_START.match(parts[-2]):
                del parts[-2:]
            speaker = parts[-1]
            # "Yasser al-Youssef, from the rebel group X, said": a name and its apposition
            if len(parts) > 1 and speaker[:1].islower() and _NAME_PHRASE.fullmatch(parts[-2]):
                speaker = f"{parts[-2]}, {speaker}"
        speaker = re.sub(r"^(?:while|and|but|as|whereas|although)\s+", "", speaker, flags=re.I)
        # "A battlefield source had earlier said": the auxiliary and adverbs are not the source
        speaker = _SPEAKER_TAIL.sub("", speaker)
        based_on = _BASED_ON.match(speaker)
        if based_on and verb.group().lower().startswith("report"):
            # "Based on battlefield reports, ...": the reports are the source
            speaker = f"{speaker[based_on.end() :]} {verb.group()}"
        if speaker.lower() in _NOT_SPEAKERS or _RELATIVE_START.match(speaker):
            return None  # "X, which recently claimed ...": says something else, not this
        if 0 < len(speaker.split()) <= 12:
            return speaker, self._stance_of(speaker)
        return None

    def _stance_of(self, speaker: str) -> str:
        """The stance a speaker's own words tell ("from the rebel group X"), else ""."""
        lex = self.lexicon
        low = _lower(speaker)
        source = lex.any_source.search(low)
        if source is not None:
            return lex.sources[int(source.lastgroup[1:])][1]
        actor = lex.actors.search(low)
        return _SIDE_STANCE.get(actor.lastgroup, "") if actor is not None else ""

    def _shared_fields(self, ctx, sentence: str, pos: int, source) -> dict:
        """The fields every claim of a sentence has: article, date, source, quote."""
        date, date_source, since = self._date_for(ctx, sentence, pos)
        attributed, stance = source if source and source[0] else (ctx.narrator, "reporter")
        return {
            **ctx.doc_fields,
            "date": date,
            "attributed_to": attributed,
            "quote": sentence,
            "date_source": date_source,
            "undated": not date,
            "source_stance": stance or self.lexicon.source_stance.get(attributed, ""),
            "since": since,
        }

    def _claim(self, ctx, mention, status, rule, actor, sentence, cue_pos, source) -> dict:
        place = self.gazetteer[mention.place_id]
        lat_lon = self._lat_lon.get(place.id)
        if lat_lon is None:  # worked out from the geometry on each call, so kept
            lat_lon = self._lat_lon[place.id] = (place.lat, place.lon)
        fields = self._shared_fields(ctx, sentence, cue_pos, source)
        confidence = mention.score * (0.9 if status == "contested" else 1.0)
        if fields["date_source"] != "sentence":
            confidence *= 0.9
        fields.update(
            place=place.name,
            place_id=place.id,
            lat=lat_lon[0],
            lon=lat_lon[1],
            surface=mention.surface,
            status=status,
            precision=place.precision,
            actor=actor,
            rule=rule,
            confidence=round(confidence, 3),
            match=mention.match,
        )
        return fields

    def _date_for(self, ctx, sentence: str, cue_pos: int) -> tuple[str, str, str]:
        """(date, where it came from, since-date) for a claim in `sentence`."""
        points, since = ctx.date_points(sentence)
        near = []
        for d in points:
            if min(abs(d.start - cue_pos), abs(d.end - cue_pos)) > DATE_REACH:
                continue
            # "X advanced into Y, and on Friday state TV said ...": the day dates
            # the report and what it reports, not the events of the clauses before
            report = self._report_clause(sentence, d)
            if cue_pos < report:
                continue
            # with two events in a sentence, a date goes with the nearer one
            cues = [c for c in ctx.cue_starts if c >= report] or [cue_pos]
            if min(cues, key=lambda c: abs(c - d.start)) == cue_pos:
                near.append(d)
        if near:
            best = min(near, key=lambda d: abs(d.start - cue_pos))
            return best.date.isoformat(), "sentence", since
        if _SAME_TIME.match(sentence):
            # "At the same time, the SDF seized X": the day of the sentence before
            before = next(_sentences_before(ctx.doc.text, ctx.sentence_start, 1), None)
            if before is not None:
                days = {d.date for d in ctx.date_points(ctx.doc.text[before[0] : before[1]])[0]}
                if len(days) == 1:
                    return days.pop().isoformat(), "previous sentence", since
        if ctx.doc.published is not None:
            return _PENDING, "article", since  # the article's day, settled at its end
        return "", "none", since

    def _report_clause(self, sentence: str, d: DateMention) -> int:
        """Where the coordinated clause holding date `d` starts, if it is a report.

        "..., and on Friday state TV said", "...; the army said on Sunday": a
        speech verb near the date, after ", and", ", but", ", while" or a
        semicolon. 0 when the date is not in such a clause.
        """
        breaks = [b.end() for b in _COORDINATED.finditer(sentence, 0, d.start)]
        if not breaks:
            return 0
        low = _lower(sentence[breaks[-1] : d.end + REPORT_VERB_REACH])
        return breaks[-1] if self.lexicon.speech.search(low) else 0

    def _figures(self, ctx, offset, sentence, low, units, breaks, source, places=()) -> list[dict]:
        """City-wide figures: a share, an area, a count of neighbourhoods.

        `units` are the spans of the figures' units, `places` those of the places
        named in the sentence: a share of a named place is not city-wide.
        """
        out = []
        lex = self.lexicon
        seen = set()
        for unit, unit_end in units:
            # start the window at a word boundary, so no number is cut in two
            window_start = low.rfind(" ", 0, max(0, unit - 40)) + 1
            m = next(
                (
                    found
                    for found in _CITYWIDE.finditer(low, window_start, unit_end + 70)
                    if found.start() <= unit < found.end()
                ),
                None,
            )
            if m is None or m.start() in seen:
                continue
            seen.add(m.start())
            if m.group("pct"):
                if not lex.citywide_of.search(m.group("of")):
                    continue
                of_start, of_end = m.span("of")
                if _DEMONSTRATIVE.match(m.group("of")) or any(
                    of_start <= s < of_end for s, _ in places
                ):
                    continue  # "80% of the Sheikh Saeed district": a share of a district
                if _ONE_PLACE.match(m.group("of")):
                    # "70 per cent of the neighbourhood": a share of the place just named
                    focus = ctx.focus
                    if focus is not None and offset - focus[1] <= REFER_BACK_CHARS:
                        pos = m.start()
                        out.append(
                            self._claim(
                                ctx, focus[0], "contested", "share", "", sentence, pos, source(pos)
                            )
                        )
                    continue
                measure, of = "percent", sentence[m.start("of") : m.end("of")].strip()
            elif m.group("km"):
                measure, of = "km2", ""
            else:
                measure, of = "neighbourhoods", ""
                if not _CONTROL_WORDS.search(sentence):
                    continue
                if _TAKEN_BEFORE.search(low, max(0, m.start() - 60), m.start()):
                    continue  # "took control of two districts": what was taken, not a total
            clause_start, _ = breaks.around(m.start(), m.end())
            if lex.hedges.search(sentence, max(clause_start, m.start() - 50), m.start()):
                continue  # "they will be in control of 60 percent": not yet
            status = self._figure_side(sentence, low, m, breaks)
            if status is None:
                continue
            value_text = m.group("num")
            value = _number(value_text)
            fields = self._shared_fields(ctx, sentence, m.start(), source(m.start()))
            fields.update(
                place=of or "city-wide",
                place_id=CITY_ID,
                lat="",
                lon="",
                surface=sentence[m.start() : m.end()],
                status=status,
                precision="city",
                rule=f"figure-{measure}",
                confidence=0.8,
                scope="city",
                measure=measure,
                value=value if value is not None else "",
                value_text=value_text,
            )
            out.append(fields)
        return out

    def _figure_side(self, sentence, low, m, breaks) -> str | None:
        lex = self.lexicon
        # "seven percent of the enclave remains under rebel control"
        held = _FIGURE_HELD.match(sentence, m.end("num"))
        if held:
            side = lex.actors.match(low, held.start(1))
            if side is not None and side.end() == held.end(1):
                return side.lastgroup
        clause_start, _ = breaks.around(m.start(), m.end())
        before = [
            a
            for a in lex.actors.finditer(low, 0, m.start())
            if not _ACTED_UPON.search(low, max(0, a.start() - 16), a.start())
        ]
        in_clause = [a for a in before if a.start() >= clause_start] or before
        if in_clause:
            actor = in_clause[-1]
            between = low[actor.end() : m.start()]
            loss = _LOSS_WORDS.search(between)
            # "rebels were driven from 90%"; not "troops drove the rebels from X and hold 60%"
            if loss and not lex.actors.search(between, loss.end(), loss.end() + 20):
                return OPPOSITE.get(actor.lastgroup)
            return actor.lastgroup
        if lex.rebel_territory.search(sentence):
            return "rebels"
        return None


class _CueHit:
    """Where a cue stands in a sentence (offsets into the sentence lower-cased)."""

    __slots__ = ("start", "end", "low")

    def __init__(self, start: int, end: int, low: str):
        self.start = start
        self.end = end
        self.low = low

    @property
    def text(self) -> str:
        return self.low[self.start : self.end]


class _Clauses:
    """Where the clauses of a lower-cased sentence break, found on first need."""

    __slots__ = ("low", "_breaks")

    def __init__(self, low: str):
        self.low = low
        self._breaks: list[int] | None = None

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the clause holding low[start:end]."""
        breaks = self._breaks
        if breaks is None:
            found = [b.start() for b in _CLAUSE_BREAK.finditer(self.low)]
            if '"' in self.low or "“" in self.low:
                found = _without_scare_quotes(self.low, found)
            breaks = self._breaks = [0, *found, len(self.low)]
        i = bisect.bisect_right(breaks, start) - 1
        j = bisect.bisect_left(breaks, end)
        return breaks[max(i, 0)], breaks[min(j, len(breaks) - 1)]


_SCARE_QUOTED = re.compile(r"[\"“][^\"“”,.;:]{1,40}[\"”]")


def _without_scare_quotes(low: str, breaks: list[int]) -> list[int]:
    """Breaks without the quote marks around a few words ('had "fully recaptured" X'):
    such quotes mark wording, not a clause of speech."""
    quoted = {q for m in _SCARE_QUOTED.finditer(low) for q in (m.start(), m.end() - 1)}
    return [b for b in breaks if b not in quoted] if quoted else breaks


_ASIDE = re.compile(r"\s[–—-]\s[^–—]*?\s[–—-]\s|\([^()]*\)")


def _asides(sentence: str, end: int) -> list[tuple[int, int]]:
    """Spans of the dash and bracket asides that close before `end`."""
    if "(" not in sentence and not any(dash in sentence for dash in (" – ", " — ", " - ")):
        return []
    return [m.span() for m in _ASIDE.finditer(sentence, 0, end)]


def _earlier_year(ctx, sentence: str, hit: _CueHit, breaks, verb_starts) -> bool:
    """Whether the cue's clause puts its event in a year before publication.

    A year goes with the verb before it: in "rebels lost X, which they took in
    2012" it goes with "took", not with "lost". Before the clause's first verb it
    opens the clause: "In 2012, rebels seized X".
    """
    published = ctx.doc.published
    if published is None:
        return False
    start, end = breaks.around(hit.start, hit.end)
    if any(start <= v < hit.start for v in verb_starts):
        start = hit.start
    end = min([v for v in verb_starts if v > hit.start] + [end])
    # ("after" opens the clause: the years stand just before it)
    if _YEARS_APART.search(sentence, max(0, start - 40), end):
        return True  # "four years after rebels first seized it", "seized it four years ago"
    year = _IN_YEAR.search(sentence, start, end)
    return year is not None and int(year.group(1)) < published.year


def _is_day(d: DateMention) -> bool:
    """A weekday or relative day ("on Monday", "yesterday") naming when something happened."""
    return (
        d.kind in ("weekday", "relative")
        and d.date is not None
        and d.role == "point"
        and d.precision == "day"
    )


def _most_common_day(found: Iterable[DateMention]) -> dt.date | None:
    """The day named most often by weekdays and relative dates ("on Monday", "yesterday")."""
    days = Counter(d.date for d in found if _is_day(d))
    if not days:
        return None
    return max(days.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _sentences_before(text: str, start: int, n: int) -> Iterator[tuple[int, int]]:
    """Up to `n` sentences before offset `start`, nearest first."""
    for _ in range(n):
        pos = start - 1
        while pos > 0 and text[pos].isspace():  # from the previous sentence's last mark
            pos -= 1
        if pos <= 0:
            return
        span = sentence_around(text, pos, pos)
        if span[0] >= start:
            return
        yield span
        start = span[0]


def _sentences_after(text: str, end: int, n: int) -> Iterator[tuple[int, int]]:
    """Up to `n` sentences after offset `end`."""
    for _ in range(n):
        while end < len(text) and text[end].isspace():
            end += 1
        if end >= len(text):
            return
        span = sentence_around(text, end, end + 1)
        if span[1] <= end:
            return
        yield span
        end = span[1]


def _lower(text: str) -> str:
    """Lower case with offsets kept (a few letters grow when lowered; those stay as they are),
    and one apostrophe: the vocabulary's "assad's forces" matches "Assad’s forces"."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'")


def _inverted(low: str, verb: re.Match) -> bool:
    """True when the speaker may follow the speech verb: "..., said the Observatory",
    "'...' said the army", "according to SANA"."""
    if verb.group().startswith("according") or ARABIC_LETTER.match(verb.group()):
        return True  # Arabic news: the verb first, then who said it ("قالت مصادر معارضة")
    before = low[: verb.start()].rstrip()
    return not before or before.endswith((",", '"', "”", "’", "'", ":"))


def _quote_left_open(sentence: str) -> bool:
    """True when a quotation opens the sentence and is not closed in it."""
    if not _QUOTE_OPEN.match(sentence):
        return False
    straight = sentence.count('"')
    return straight % 2 == 1 or sentence.count("“") > sentence.count("”")


def _narrator(doc: Document) -> str:
    return f"{doc.outlet} (reporter)" if doc.outlet else "reporter"


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|to)\s*")
_NUMBER_WORD_SEPARATOR = re.compile(r"[- ]")


def _number(text: str) -> float | None:
    text = text.lower().strip()
    if _DECIMAL.fullmatch(text):  # the usual case, "98"
        return float(text)
    rng = _RANGE_SEPARATOR.split(text)
    if len(rng) == 2 and all(_DECIMAL.fullmatch(r) for r in rng):
        return (float(rng[0]) + float(rng[1])) / 2
    parts = _NUMBER_WORD_SEPARATOR.split(text)
    total = 0
    for part in parts:
        if part not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[part]
    return float(total)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per sentence, place and status (a list or a repeated cue gives one).

    Of two cues for the same claim, the one the sentence dates wins: in "troops
    patrol X after they retook it, December 12", the date goes with "retook".
    """
    kept: dict[tuple, int] = {}
    out: list[Claim] = []
    for c in claims:
        key = (c.quote, c.place_id, c.status, c.measure, c.value_text)
        i = kept.get(key)
        if i is None:
            kept[key] = len(out)
            out.append(c)
        elif c.date_source == "sentence" and out[i].date_source != "sentence":
            out[i] = c
    return out


# -- corpus level -----------------------------------------------------------------


@dataclass
class ExtractionSummary:
    """What a run read, skipped and found; printed at the end of `extract`."""

    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mentions: int = 0
    claims: int = 0
    undated: int = 0
    inferred_dates: int = 0

    def __str__(self) -> str:
        reasons = Counter(s.reason for s in self.skipped)
        skipped = ", ".join(f"{n} {r}" for r, n in reasons.most_common())
        return (
            f"{self.articles} articles read ({self.inferred_dates} with an inferred date), "
            f"{len(self.skipped)} skipped{f' ({skipped})' if skipped else ''}, "
            f"{self.mentions} mentions, {self.claims} claims, {self.undated} undated claims"
        )


def extract_claims(
    paths: Iterable[str | Path],
    extractor: Extractor | None = None,
    summary: ExtractionSummary | None = None,
    on_skip=None,
    on_progress=None,
    year: int | None = None,
    jobs: int = 1,
) -> Iterator[Claim]:
    """Claims from every article under `paths` (files or folders), in file order.

    `year` dates year-less wire datelines ("BEIRUT, Dec 7 (Reuters)") and,
    failing those, year-less dates ("on December 7") in articles that give no
    full date. Without it, such articles wait to the end and take the year most
    of the corpus's dated articles have (flagged "dateline, corpus year" or
    "latest-date, corpus year"); their claims come last.

    With `jobs` > 1, that many worker processes read the articles' claims; the
    claims, their order and the summary are the same as with one.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    extractor = extractor or Extractor()
    summary = summary if summary is not None else ExtractionSummary()
    documents = _documents(paths, year, summary, on_skip)
    if jobs == 1:
        found = ((doc, _claims_and_mentions(extractor, doc)) for doc in documents)
    else:
        found = _in_workers(documents, extractor, jobs)
    for item, (claims, mentions) in found:
        summary.articles += 1
        summary.warnings.extend(item.warnings)
        if item.published_inferred:
            summary.inferred_dates += 1
        summary.mentions += mentions
        summary.claims += len(claims)
        summary.undated += sum(c.undated for c in claims)
        if on_progress:
            on_progress(summary)
        yield from claims


def _documents(paths, year, summary, on_skip) -> Iterator[Document]:
    """The readable articles in file order, the skipped ones noted in `summary`.

    Without `year`, articles with no date wait to the end, for the corpus year.
    """
    years: Counter = Counter()
    undated: list[Document] = []
    for item in read_articles(paths, year=year):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            if on_skip:
                on_skip(item)
            continue
        if item.published is None and year is None:
            undated.append(item)  # perhaps a year-less dateline: wait for the corpus year
            continue
        if item.published is not None:
            years[item.published.year] += 1
        yield item
    corpus_year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0] if years else None
    for item in undated:
        yield _with_corpus_year(item, corpus_year)


def _claims_and_mentions(extractor: Extractor, doc: Document) -> tuple[list[Claim], int]:
    mentions = extractor.gazetteer.find(doc.text)
    return extractor.extract(doc, mentions), len(mentions)


# -- worker processes ----------------------------------------------------------------

_BATCH = 8  # articles sent to a worker at a time: fewer round trips, little waiting
_worker_extractor: Extractor | None = None  # the extractor of a worker process


def _start_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _claims_of_batch(batch: list[Document]) -> list[tuple[list[Claim], int]]:
    assert _worker_extractor is not None, "worker started without an extractor"
    return [_claims_and_mentions(_worker_extractor, doc) for doc in batch]


def _in_workers(documents: Iterator[Document], extractor: Extractor, jobs: int):
    """(document, (claims, mentions)) for each document, in order, from `jobs` processes.

    Batches are sent as they are read, at most a few per worker ahead of the
    results, so a large corpus is never held in memory at once.
    """
    import multiprocessing
    from collections import deque
    from itertools import islice

    # fork (where there is one) starts workers with the extractor already built;
    # elsewhere the extractor is pickled to each worker once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(extractor,)) as pool:
        waiting: deque = deque()
        while True:
            batch = list(islice(documents, _BATCH))
            if batch:
                waiting.append((batch, pool.apply_async(_claims_of_batch, (batch,))))
            if waiting and (not batch or len(waiting) >= 4 * jobs):
                done, result = waiting.popleft()
                yield from zip(done, result.get(), strict=True)
            if not batch and not waiting:
                return


def _with_corpus_year(doc: Document, corpus_year: int | None) -> Document:
    """An undated article dated by its year-less dateline and the corpus's year, if it has one."""
    if corpus_year is None:
        return doc
    published, source = infer_published(doc.text, corpus_year)
    if published is None or source not in ("dateline", "latest-date"):
        return doc
    what = "the dateline gives" if source == "dateline" else "the dates in the text give"
    note = (
        f"{doc.name}: {what} no year; took {corpus_year}, "
        "the year of most dated articles (use --year to set it)"
    )
    return replace(
        doc,
        published=published,
        published_source=CORPUS_YEAR_SOURCE if source == "dateline" else CORPUS_YEAR_LATEST_SOURCE,
        warnings=(*doc.warnings, note),
    )


def claims_frame(claims: Iterable[Claim]):
    """Claims as a pandas DataFrame with the documented columns, in order."""
    import pandas

    rows = [c.as_row() for c in claims]
    return pandas.DataFrame(rows, columns=[f.name for f in fields(Claim)])[COLUMNS]


def claims_geodataframe(claims: Iterable[Claim], gazetteer: Gazetteer):
    """Claims with their place's geometry (city-wide claims have none)."""
    import geopandas

    frame = claims_frame(claims)
    geometry = [gazetteer[pid].geometry if pid in gazetteer else None for pid in frame["place_id"]]
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
