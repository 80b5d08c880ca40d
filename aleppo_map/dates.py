"""Dates in news text: what day a claim refers to, and when an article was published.

`find_dates` lists the date expressions in a sentence ("on Monday", "Dec. 12,
2016", "since 15 November", "earlier this week") and resolves each against the
publication date: "on Tuesday" in a Tuesday article is that same Tuesday, a
date without a year is the latest such day on or before publication, and a
claim never refers to a day after publication (such dates resolve to None).

`infer_published` finds an article's publication date in its own text: a
dateline near the top, else the latest full date (a lower bound). Photo
captions (`is_caption_line`) are never used: they date the picture, which is
often days or years older than the article.

Pure regular expressions and `datetime`, no general date parser: those resolve
"on Tuesday" in a Tuesday article to the week before, and are too slow for
hundreds of articles a second.

Numeric dates such as 12/11/2016 are never read: they are 12 November in
British copy and 11 December in American copy, and nothing in one sentence
says which. ISO dates (2016-12-11) are unambiguous and are read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .text import ARABIC_LETTER, openings

MONTHS: dict[str, int] = {
    **dict.fromkeys(("january", "jan"), 1),
    **dict.fromkeys(("february", "feb"), 2),
    **dict.fromkeys(("march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    "may": 5,
    **dict.fromkeys(("june", "jun"), 6),
    **dict.fromkeys(("july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}

# Relative expressions: days before publication (negative: after, so never a
# claim's date) and precision. None stands for the Monday of the publication
# week: news weeks are taken to start on Monday (ISO 8601), so "earlier this
# week" in a Monday article is that Monday.
WEEKEND = -99  # a marker in RELATIVE: the latest Saturday or Sunday, not a count of days
RELATIVE: dict[str, tuple[int | None, str]] = {
    "today": (0, "day"),
    "earlier today": (0, "day"),
    "later today": (0, "day"),
    "this morning": (0, "day"),
    "this afternoon": (0, "day"),
    "this evening": (0, "day"),
    "tonight": (0, "day"),
    "yesterday": (1, "day"),
    "last night": (1, "day"),
    "day before yesterday": (2, "day"),
    "the day before yesterday": (2, "day"),
    "tomorrow": (-1, "day"),
    "this week": (None, "week"),
    "earlier this week": (None, "week"),
    "later this week": (-1, "week"),
    # The same weekday a week earlier: a day inside the previous calendar week.
    "last week": (7, "week"),
    "next week": (-7, "week"),
    # The weekend just past (or under way): its Sunday, by when what happened over
    # it had happened; a Saturday article's weekend is that Saturday.
    "over the weekend": (WEEKEND, "day"),
    "at the weekend": (WEEKEND, "day"),
    "this weekend": (WEEKEND, "day"),
    "this past weekend": (WEEKEND, "day"),
    "last weekend": (WEEKEND, "day"),
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# Arabic news copy. Hamza forms vary between outlets (أ, إ, ا), so both are listed.
ARABIC_WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("الاثنين", "الإثنين"), 0),
    "الثلاثاء": 1,
    **dict.fromkeys(("الأربعاء", "الاربعاء"), 2),
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    **dict.fromkeys(("الأحد", "الاحد"), 6),
}
# Levantine (Syrian) month names and the Egyptian ones, often written together:
# "6 كانون الأول/ديسمبر 2016".
ARABIC_MONTHS: dict[str, int] = {
    **dict.fromkeys(("كانون الثاني", "كانون ثان", "كانون ثاني", "يناير"), 1),
    **dict.fromkeys(("شباط", "فبراير"), 2),
    **dict.fromkeys(("آذار", "اذار", "مارس"), 3),
    **dict.fromkeys(("نيسان", "أبريل", "ابريل", "إبريل"), 4),
    **dict.fromkeys(("أيار", "ايار", "مايو"), 5),
    **dict.fromkeys(("حزيران", "يونيو", "يونيه"), 6),
    **dict.fromkeys(("تموز", "يوليو", "يوليه"), 7),
    **dict.fromkeys(("آب", "أغسطس", "اغسطس"), 8),
    **dict.fromkeys(("أيلول", "ايلول", "سبتمبر"), 9),
    **dict.fromkeys(
        ("تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين اول", "أكتوبر", "اكتوبر"), 10
    ),
    **dict.fromkeys(("تشرين الثاني", "تشرين ثان", "تشرين ثاني", "نوفمبر"), 11),
    **dict.fromkeys(("كانون الأول", "كانون الاول", "كانون أول", "كانون اول", "ديسمبر"), 12),
}
# As RELATIVE: days before publication, precision. "اليوم" is today only on its own:
# "اليوم التالي" is the next day (ARABIC_CHAINED).
ARABIC_RELATIVE: dict[str, tuple[int | None, str]] = {
    "اليوم": (0, "day"),
    **dict.fromkeys(("أمس", "امس", "الأمس", "البارحة", "الليلة الماضية"), (1, "day")),
    **dict.fromkeys(("أول أمس", "اول امس", "أول من أمس", "اول من امس"), (2, "day")),
    **dict.fromkeys(("هذا الأسبوع", "هذا الاسبوع", "الأسبوع الحالي"), (None, "week")),
    **dict.fromkeys(("الأسبوع الماضي", "الاسبوع الماضي"), (7, "week")),
}
# "اليوم الثالث", "اليوم الذي": the day of something, not today
ARABIC_NOT_TODAY_AFTER = (
    "الأول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
    "الثامن", "التاسع", "العاشر", "الأخير", "الاخير", "السابق", "الذي", "التالي",
)  # fmt: skip
ARABIC_CHAINED: dict[str, int] = {
    "اليوم التالي": 1,
    **dict.fromkeys(("اليوم نفسه", "نفس اليوم", "اليوم ذاته", "ذات اليوم"), 0),
}
# Before an Arabic weekday: the part of the day ("مساء"), and "day", "today" or
# "yesterday" ("أمس الاثنين" is Monday, named as yesterday).
ARABIC_WEEKDAY_BEFORE = ("صباح", "مساء", "فجر", "ظهر", "عصر", "ليل", "ليلة", "منتصف ليل")
ARABIC_DAY_WORDS = ("يوم", "اليوم", "أمس", "امس")

# Words that may stand before a weekday: "late on Monday", "early Tuesday".
WEEKDAY_MODIFIERS = ("late", "early", "earlier", "later", "overnight")
# "last Monday" is the Monday before publication day, never publication day
# itself; "this Monday" and a bare "Monday" may be publication day.
WEEKDAY_RELATIONS: dict[str, str] = {
    "last": "before",
    "past": "before",
    "this past": "before",
    "this": "on or before",
    "next": "after",
}

# Words before "since" dates: the date opens a period ("since 15 November",
# "began on Monday", "continued from Sunday afternoon"). "as of" is a point.
SINCE_WORDS = (
    "since",
    "from",
    "began",
    "begun",
    "begin",
    "begins",
    "beginning",
    "started",
    "start",
    "starts",
    "starting",
    "launched",
    "launching",
    "منذ",
)

# A weekday name that is part of a name, not a day: "Black Friday", "the
# Sunday Times". Matched as whole words right before / after the weekday.
NOT_WEEKDAY_BEFORE = (
    "Cyber",
    "Black",
    "Good",
    "Bloody",
    "Ash",
    "Super",
    "Holy",
    "Easter",
    "Palm",
    "Maundy",
    "Shrove",
    "Whit",
    "Girl",
    "Man",
)
NOT_WEEKDAY_AFTER = (
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Post",
    "Mail",
    "Herald",
    "Tribune",
    "People",
    "Sport",
    "Night Live",
    "Night Football",
)

# Photo captions and credits, as regular expressions searched in one line.
# A caption dates the picture, not the article ("In this Monday, Dec. 5, 2016
# photo, ..."), so inference skips these lines. A wire dateline
# ("BEIRUT, Dec. 12 (Reuters) - ...") is never a caption.
CAPTION_PATTERNS: tuple[str, ...] = (
    r"\(AP Photo",  # AP: "(AP Photo/Hassan Ammar)"
    r"AP Photo/",
    r"Credit\s*:",  # Haaretz, NYT: "...2016.Credit: Omar Sanadiki, Reuters"
    r"CREDIT\s*:",
    r"Photo(?:graph)?\s*:",  # "Photo: AFP", the Guardian's "Photograph: ..."
    r"Image (?:copyright|caption)\b",  # BBC
    r"AFP PHOTO",
    r"/AFP\b",  # "STRINGER/AFP"
    r"Getty Images",
    r"REUTERS/",
    r"Reuters/",
    r"/EPA\b",
    r"EPA/",
    # An agency in brackets closing the line: "... evacuated from eastern Aleppo (AFP)".
    r"\((?:AFP|AP|Reuters|REUTERS|EPA|Getty Images)\)\s*\.?\s*$",
    # AP: "In this Monday, Dec. 5, 2016 photo, ...", "FILE - In this image ...".
    r"^\s*(?:FILE\s*[-—–]\s*)?In this\b.{0,40}?\b(?:photo|image|picture|frame grab)",
    r"[Ff]ile [Pp]hoto",
    r"FILE PHOTO",
    r"^\s*FILE\s*[-—–]",
)

# How many lines (not blank, not captions) from the top may hold a dateline.
HEAD_LINES = 25
# Longer lines are article text, not a dateline of date, time and labels.
MAX_DATE_LINE = 120


def _trie(words: list[str]) -> str:
    """One regular expression for the words, factored by shared prefixes.

    "Jan|January|June|July" becomes "J(?:an(?:uary)?|u(?:ly?|ne?))": the
    engine rejects a word on its first letter instead of trying every name in
    turn, which makes the search several times faster. A space in a word
    stands for any run of white space.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if c == " " else re.escape(c)) + emit(child)
            for c, child in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + "?" if len(body) == 1 else "(?:" + body + ")?"

    return "(?:" + emit(tree) + r")\b"


def _any_case(phrases) -> str:
    """Lower-case phrases as written in any case: "this week", "This week", "THIS WEEK"."""
    forms = {f for p in phrases for f in (p, p.capitalize(), p.title(), p.upper())}
    return _trie(sorted(forms))


def _capitalised(names) -> str:
    """Names in Title or UPPER case only."""
    return _trie([n.title() for n in names] + [n.upper() for n in names])


# Month and weekday names must be capitalised: "forces may take" and "a march
# on the city" are not dates. A month also needs a day number beside it.
# The longest name of a month is its full name, the others are abbreviations,
# which may take a full stop ("Dec.", "Sept."); a full name may end a sentence.
_FULL_MONTHS = [max((n for n in MONTHS if MONTHS[n] == m), key=len) for m in range(1, 13)]
_ABBREVIATED_MONTHS = sorted(set(MONTHS) - set(_FULL_MONTHS))
_MONTH = rf"(?:{_capitalised(_FULL_MONTHS)}|{_capitalised(_ABBREVIATED_MONTHS)}\.?)"
_WEEKDAY = _capitalised(WEEKDAYS)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_MODIFIER = rf"{_any_case(WEEKDAY_MODIFIERS)}\s+(?:{_any_case(['on'])}\s+)?"
_PART_OF_DAY = r"\s+(?:morning|afternoon|evening|night)\b"
_WEEKDAY_PHRASE = rf"""
    (?P<wmod>{_MODIFIER})?(?P<wrel>{_any_case(WEEKDAY_RELATIONS)}\s+)?
    (?P<wd>{_WEEKDAY})(?:{_PART_OF_DAY})?
"""


def _calendar_date(tag: str) -> str:
    """A calendar date (group "date" + `tag`); its parts are named m, d, y,
    or D, M, Y, or iso, + `tag`."""
    return rf"""(?P<date{tag}>
        (?P<m{tag}>{_MONTH})\s+(?P<d{tag}>{_DAY_NUMBER})(?!\d|,\d)
        (?:\s*[-–]\s*(?P<e{tag}>\d{{1,2}})(?![\d/:-]|\.\d))?(?:,?\s+(?P<y{tag}>{_YEAR}))?
      | (?<![\d.,:/])(?P<D{tag}>{_DAY_NUMBER})(?:\s+of)?\s+(?P<M{tag}>{_MONTH})
        (?:,?\s+(?:of\s+)?(?P<Y{tag}>{_YEAR}))?
      | (?<![\d./-])(?P<iso{tag}>{_YEAR}-[01]\d-[0-3]\d)(?![\d/-])
    )"""


# An Arabic month name anywhere, with or without a day ("منتصف تشرين الثاني")
_ARABIC_MONTH = _trie(list(ARABIC_MONTHS))
ARABIC_MONTH_NAME = re.compile(r"\b" + _ARABIC_MONTH)
_ARABIC_YEAR = r"(?:19|20|١٩|٢٠)\d\d(?!\d)"
# "6 كانون الأول 2016", "6 ديسمبر/كانون الأول", "السبت 10 كانون الأول (ديسمبر) 2016"
_ARABIC_DATE = rf"""(?P<adate>
    (?<![\d.,:/])(?P<aD>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<aM>{_ARABIC_MONTH})
    (?:\s*[/(]\s*{_ARABIC_MONTH}(?:\s*\))?)?
    (?:\s+(?:من\s+)?(?:عام\s+|سنة\s+)?(?P<aY>{_ARABIC_YEAR}))?
)"""


def _arabic_weekday(group: str = "") -> str:
    """ "يوم الاثنين", "مساء الأحد", "أمس الخميس"; the weekday named `group` if given."""
    name = f"?P<{group}>" if group else "?:"
    return rf"""
    (?:{_trie(list(ARABIC_WEEKDAY_BEFORE))}\s+)?(?:{_trie(list(ARABIC_DAY_WORDS))}\s+)?
    ({name}{_trie(list(ARABIC_WEEKDAYS))})"""


_ARABIC_RELATIVE = rf"""(?:
    (?P<achain>{_trie(list(ARABIC_CHAINED))})
  | (?P<arel>{_trie(list(ARABIC_RELATIVE))})(?!\s+{_trie(list(ARABIC_NOT_TODAY_AFTER))})
)"""

# Days counted from the day named just before ("on Monday ... that day", "on Sunday,
# a day after they seized it"); failing one, from publication day.
CHAINED: dict[str, int] = {
    "that day": 0,
    "that same day": 0,
    "the same day": 0,
    "a day after": -1,
    "one day after": -1,
    "only a day after": -1,
    "just a day after": -1,
    "two days after": -2,
    "the next day": 1,
    "the following day": 1,
    "a day later": 1,
    "one day later": 1,
}
_CHAINED = rf"(?P<chain>{_any_case(CHAINED)})"
_RELATIVE = rf"""(?P<rel>
    {_any_case(RELATIVE)}
  | (?:{_any_case(NUMBER_WORDS)}|\d{{1,2}})\s+{_any_case(["day", "days", "week", "weeks"])}
    \s+{_any_case(["ago"])}
)"""
# A weekday with its modifiers, and the calendar date that may follow it
# ("Monday, Dec. 5, 2016" is one explicit date: the weekday is not resolved
# on its own); else a calendar date; else a relative expression.
_DATE_PATTERN = rf"""(?:
        {_WEEKDAY_PHRASE}(?:,?\s+{_calendar_date("w")})?
      | {_calendar_date("")}
      | {_CHAINED}
      | {_RELATIVE}
    )"""
_ARABIC_DATE_PATTERN = rf"""(?:
        (?:{_arabic_weekday()}[،,]?\s+)?{_ARABIC_DATE}
      | {_arabic_weekday("awd")}
      | {_ARABIC_RELATIVE}
    )"""
# At a word start, the look-ahead from `openings` gives up on most words at once.
# Text without Arabic letters gets a pattern whose look-ahead holds no Arabic
# letter (a larger character set is slower to test at every word); its Arabic
# branch, never tried, keeps the groups of the other.
_DATE = re.compile(
    rf"\b{openings(_DATE_PATTERN, re.VERBOSE)}(?:{_DATE_PATTERN}|(?!){_ARABIC_DATE_PATTERN})",
    re.VERBOSE,
)
_ANY_DATE_PATTERN = f"(?:{_DATE_PATTERN}|{_ARABIC_DATE_PATTERN})"
_DATE_ANY_SCRIPT = re.compile(
    r"\b" + openings(_ANY_DATE_PATTERN, re.VERBOSE) + _ANY_DATE_PATTERN, re.VERBOSE
)
_DATE_TAGS = ("w", "")


def _hint(words: tuple[str, ...], digits: str = "0123456789") -> re.Pattern:
    """A fast test for a digit or any of the words (lower, Capitalised or UPPER case).

    Each word is found by its last letter and checked backwards ("y(?<=day|Day)"):
    a pattern whose every branch starts with a plain character lets the regex
    engine skip through the text in C. Several times faster than "day|night|...".
    """
    branches = list(digits)
    for word in words:
        if word == word.upper():  # a script without case
            branches.append(f"{word[-1]}(?<={word})")
            continue
        branches.append(f"{word[-1]}(?<={word}|{word.capitalize()})")
        branches.append(f"{word[-1].upper()}(?<={word.upper()})")
    return re.compile("|".join(branches))


# Every expression has a digit or one of these words: weekday names, "today"
# and "yesterday" contain "day", "tonight" and "last night" contain "night".
HINT_WORDS = ("day", "night", "week", "morning", "afternoon", "evening", "tomorrow")
_HINT = _hint(HINT_WORDS)
# In text with Arabic letters: Arabic-Indic digits too, and words one of which every
# Arabic expression without a digit holds
ARABIC_HINT_WORDS = ("يوم", "أمس", "امس", "البارحة", "الأسبوع", "الاسبوع", "الليلة")
_HINT_ANY_SCRIPT = _hint(
    HINT_WORDS + ARABIC_HINT_WORDS + tuple(ARABIC_WEEKDAYS), "0123456789٠١٢٣٤٥٦٧٨٩"
)


def _patterns(text: str) -> tuple[re.Pattern, re.Pattern]:
    """(hint, date expression) patterns for `text`: the Latin ones unless it has Arabic."""
    if ARABIC_LETTER.search(text):
        return _HINT_ANY_SCRIPT, _DATE_ANY_SCRIPT
    return _HINT, _DATE


# An expression starts at most this far before its first digit or hint word
# ("earlier on this past Wednesday"): the full search starts there. Also how
# far back the words that qualify a date ("since", "Black") are looked for.
_LOOK_BACK = 40
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")

_SINCE = re.compile(
    r"\b(?:" + "|".join(SINCE_WORDS) + r")(?:\s+on)?\s+(?:the\s+)?$", re.IGNORECASE
)  # "since 15 November", "since the 15th of November"
_NOT_WEEKDAY_BEFORE = re.compile(r"\b(?:" + "|".join(NOT_WEEKDAY_BEFORE) + r")\s+$")
_NOT_WEEKDAY_AFTER = re.compile(r"\s+(?:" + "|".join(NOT_WEEKDAY_AFTER) + r")\b")
# "USA Today", "Russia Today", "Aleppo Today": a capitalised "Today" right
# after a capitalised word names an outlet.
_TITLE_WORD_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[ \u00a0]$")

# Searched one by one: a pattern that starts with plain text is found by a
# fast substring search, a single alternation of them all is ten times slower.
# One alternation: a line is tested once, not once per pattern.
_CAPTIONS = re.compile("|".join(f"(?:{p})" for p in CAPTION_PATTERNS))
# Wire dateline: "BEIRUT, Dec. 12 (Reuters) -", "ALEPPO, Syria, Dec. 12, 2016 (AFP) -".
_WIRE = re.compile(
    rf"""^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*          # BEIRUT, NEW YORK
    (?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*,\s*        # , Syria
    (?:{_WEEKDAY},?\s+)?{_calendar_date("")}\s*,?\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:[-—–:]|$)""",
    re.VERBOSE,
)
# What may stand beside the date on a dateline: labels, times, time zones,
# abbreviated weekdays, a byline and separators. One character or token per
# repetition, so a line that fails does not backtrack badly.
_FURNITURE = re.compile(
    r"""(?:
        [\s,.;:|/·•()\[\]—–-]
      | (?i:published|updated|posted|last\s+updated|last\s+modified|first\s+published
            |modified|date|on|at|am|pm|a\.m\.|p\.m\.)\b
      | \d{1,2}(?:[:.]\d{2}){1,2}(?:\s*(?i:[ap]\.?m\.?))?    # 08:48, 8.48am
      | \d{3,4}(?=\s*(?:GMT|UTC))                             # 1254 GMT
      | [A-Z]{2,4}\b                                          # GMT, ET, EST, HKT
      | [+-]\d{1,2}(?::?\d{2})?\b                             # UTC offsets
      | (?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b
      | By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|de|al|van|von|bin))*
    )*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text and the day it refers to.

    Attributes
    ----------
    start, end : int
        Span in the given text; `text` is ``given[start:end]``.
    text : str
        The expression, with its modifiers ("late on Monday night").
    date : datetime.date or None
        The day referred to; None when the expression needs a publication
        date and none was given, or when it falls after publication.
    kind : str
        "explicit" (a calendar date), "weekday" or "relative".
    precision : str
        "day", or "week" for "this week", "last week", "two weeks ago": then
        `date` is one day of that week (see `RELATIVE`).
    role : str
        "point", or "since" when the date opens a period ("since 15 November",
        "continued from Sunday afternoon").
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    kind: str
    precision: str
    role: str


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """List the date expressions in `text`, resolved against `published`.

    Parameters
    ----------
    text : str
        A sentence or a few; offsets refer to it.
    published : datetime.date or None
        The publication day. Without it only dates with a year resolve.

    Returns
    -------
    list of DateMention
        In text order, non-overlapping; at one position the longest
        expression wins ("Monday, Dec. 5, 2016" is one explicit mention).

    Notes
    -----
    Forms read (month and weekday names in Title or UPPER case):

    - calendar dates: "December 12, 2016", "Dec. 12", "Sept 3rd", "12 December
      2016", "12th of Dec", "2016-12-12", with an optional weekday before them;
    - weekdays: "Monday", "late on Monday", "early Monday", "overnight on
      Sunday", "Monday night", "last Monday", "this past Monday", "next Monday";
    - relative: "today", "earlier today", "this morning", "tonight",
      "yesterday", "last night", "the day before yesterday", "three days ago",
      "tomorrow", "this week", "earlier this week", "last week", "a week ago",
      "next week", "over the weekend" (the keys of `RELATIVE`);
    - counted from the day named before: "that day", "a day after", "the next
      day" (the keys of `CHAINED`); "a day after" with no day before it counts
      back from publication day;
    - ranges: "November 26 - 27", "26-27 November" (the last day).

    Not read: numeric dates like 12/11/2016 (ambiguous), "on the 12th", "the
    day before", "last month", "this year".

    Examples
    --------
    >>> [m.date for m in find_dates("The army took it on Monday.", dt.date(2016, 12, 13))]
    [datetime.date(2016, 12, 12)]
    """
    return list(iter_dates(text, published))


def iter_dates(text: str, published: dt.date | None) -> Iterator[DateMention]:
    """`find_dates` one at a time: a caller that wants the first of a kind stops there."""
    # The same matches as _DATE.finditer(text), without scanning the stretches
    # that cannot hold one: a match after `pos` holds a hint after `pos`, so it
    # starts at most _LOOK_BACK before the next hint.
    pos = 0
    previous: dt.date | None = None  # the last day named, for "that day", "a day after"
    hints, expressions = _patterns(text)
    while True:
        hint = hints.search(text, pos)
        if hint is None:
            return
        match = expressions.search(text, max(pos, hint.start() - _LOOK_BACK))
        if match is None:
            return
        mention = _mention(text, match, published)
        if mention is not None and mention.kind == "chained":
            mention = _chained(mention, previous, published)
        if mention is not None:
            if mention.date is not None and mention.precision == "day":
                previous = mention.date
            yield mention
        pos = match.end()


def _chained(mention: DateMention, previous: dt.date | None, published: dt.date | None):
    """ "that day", "a day after", "the next day": counted from the day named before.

    With no day named before, "a day after" counts back from publication day, as
    "yesterday" does; "that day" and "the next day" then refer to nothing.
    """
    phrase = " ".join(mention.text.lower().split())
    offset = CHAINED[phrase] if phrase in CHAINED else ARABIC_CHAINED[phrase]
    base = previous if previous is not None else (published if offset < 0 else None)
    date = base + dt.timedelta(days=offset) if base is not None else None
    if date is not None and published is not None and date > published:
        date = None  # a claim never refers to a day after publication
    return replace(mention, date=date, kind="relative")


def _mention(text: str, match: re.Match, published: dt.date | None) -> DateMention | None:
    start, end = match.span()
    precision = "day"
    if match.group("chain") is not None or match.group("achain") is not None:
        kind = "chained"  # its day is counted in iter_dates, from the day named before
        date = None
    elif match.group("arel") is not None:
        kind = "relative"
        days_back, precision = ARABIC_RELATIVE[match.group("arel")]
        date = _days_before(published, days_back)
    elif match.group("awd") is not None:
        kind = "weekday"
        date = _weekday(match.group("awd"), None, published)
    elif match.group("rel") is not None:
        phrase = match.group("rel")
        if phrase == "Today" and _TITLE_WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start):
            return None
        kind = "relative"
        date, precision = _relative(phrase, published)
    elif _is_explicit(match):
        parts = _explicit_parts(match)
        if parts is None:
            return None
        kind = "explicit"
        date = _calendar(*parts, published)
    else:
        if _NOT_WEEKDAY_BEFORE.search(
            text, max(0, start - _LOOK_BACK), start
        ) or _NOT_WEEKDAY_AFTER.match(text, end):
            return None
        kind = "weekday"
        date = _weekday(match.group("wd"), match.group("wrel"), published)
    if date is not None and published is not None and date > published:
        date = None  # a claim never refers to a day after publication
    since = _SINCE.search(text, max(0, start - _LOOK_BACK), start)
    return DateMention(
        start, end, match.group(0), date, kind, precision, "since" if since else "point"
    )


def _relative(phrase: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    words = phrase.lower().split()
    if words[-1] == "ago":
        count = NUMBER_WORDS.get(words[0]) or int(words[0])
        week = words[1].startswith("week")
        days_back, precision = count * (7 if week else 1), "week" if week else "day"
    else:
        days_back, precision = RELATIVE[" ".join(words)]
    return _days_before(published, days_back), precision


def _days_before(published: dt.date | None, days_back: int | None) -> dt.date | None:
    """The day a relative expression means (see RELATIVE for `days_back`)."""
    if published is None:
        return None
    if days_back is None:
        return published - dt.timedelta(days=published.weekday())
    if days_back == WEEKEND:
        days_back = 0 if published.weekday() == 5 else (published.weekday() - 6) % 7
    return published - dt.timedelta(days=days_back)


def _weekday(name: str, relation: str | None, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    wanted = WEEKDAYS[name.lower()] if name.isascii() else ARABIC_WEEKDAYS[name]
    rule = WEEKDAY_RELATIONS[" ".join(relation.lower().split())] if relation else "on or before"
    if rule == "after":
        return published + dt.timedelta(days=(wanted - published.weekday()) % 7 or 7)
    back = (published.weekday() - wanted) % 7
    if rule == "before":
        back = back or 7  # "last Tuesday" in a Tuesday article is a week back
    return published - dt.timedelta(days=back)


def _is_explicit(match: re.Match) -> bool:
    """True when a `_DATE` match holds a calendar date."""
    return (
        match.group("datew") is not None
        or match.group("date") is not None
        or match.group("adate") is not None
    )


def _explicit_parts(match: re.Match) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a calendar date match; None if no such day exists."""
    found = match.groupdict()
    if found.get("adate"):
        month = ARABIC_MONTHS[" ".join(found["aM"].split())]
        day, year = int(found["aD"]), int(found["aY"]) if found.get("aY") else None
        return _valid_parts(year, month, day)
    for tag in _DATE_TAGS:
        if found.get("iso" + tag):
            year, month, day = map(int, found["iso" + tag].split("-"))
        elif found.get("m" + tag) or found.get("M" + tag):
            order = "mdy" if found.get("m" + tag) else "MDY"
            month_name, day_text, year_text = (found[g + tag] for g in order)
            month = MONTHS[month_name.rstrip(".").lower()]
            day = int(day_text.rstrip("stndrh"))
            # "November 26 - 27": by its last day, what the period saw had happened
            last = found.get("e" + tag)
            if last and day < int(last) <= 31:
                day = int(last)
            year = int(year_text) if year_text else None
        else:
            continue
        return _valid_parts(year, month, day)
    return None


def _valid_parts(year: int | None, month: int, day: int) -> tuple[int | None, int, int] | None:
    """(year, month, day) if such a day exists; 29 February is kept without a year."""
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February may exist
    except ValueError:
        return None
    return year, month, day


def _calendar(year: int | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    if year is not None:
        return dt.date(year, month, day)
    if published is None:
        return None
    # The latest such day on or before publication: this year, else an earlier
    # one (29 February goes back to the last leap year).
    for candidate_year in range(published.year, published.year - 9, -1):
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def is_caption_line(line: str) -> bool:
    """True when the line is a photo caption or credit (see `CAPTION_PATTERNS`).

    Examples
    --------
    >>> is_caption_line("In this Monday, Dec. 5, 2016 photo, soldiers fire. (AP Photo/H. Ammar)")
    True
    >>> is_caption_line("BEIRUT, Dec. 12 (Reuters) - The army took Sheikh Saeed.")
    False
    """
    if _WIRE.match(line):
        return False
    return _CAPTIONS.search(line) is not None


def infer_published(text: str, year: int | None = None) -> tuple[dt.date | None, str | None]:
    """Infer an article's publication date from its text.

    Parameters
    ----------
    text : str
        The whole article as plain text, page furniture included.
    year : int, optional
        The year of a year-less dateline when the text has no full date to
        take it from (the user knows the corpus: `aleppo-map extract --year`);
        without a dateline or a full date, of the latest year-less date.

    Returns
    -------
    (datetime.date or None, str or None)
        ``(date, "dateline")`` for a dateline in the first `HEAD_LINES` lines
        that are not captions: a line holding only a date with labels, time
        and byline ("Tuesday 13 December 2016 08:48 GMT", "Updated Dec. 13,
        2016") or a wire dateline ("BEIRUT, Dec. 12 (Reuters) -"). A
        year-less dateline takes the year that puts it closest to the latest
        full date in the text, and gives ``(None, None)`` if there is none.
        Without a dateline, ``(date, "latest-date")`` for the latest full date
        (with a year) outside captions, a lower bound, or with `year` for the
        latest date without one; else ``(None, None)``.
    """
    # The head first: most articles are dated there, and the rest need not be read.
    raw = [line.strip() for line in text.splitlines() if line.strip()]
    # Lines are tested for captions one at a time: a dateline on top ends the search.
    head = (line for i, line in enumerate(raw) if not _is_caption(raw, i))
    latest: dt.date | None = None
    for line in itertools.islice(head, HEAD_LINES):
        parts = _dateline(line)
        if parts is None:
            continue
        line_year, month, day = parts
        if line_year is not None:
            return dt.date(line_year, month, day), "dateline"
        latest = _latest_full_date(_article_lines(text))
        if latest is not None:
            date = _nearest(month, day, latest)
        elif year is not None:
            date = _calendar_or_none(year, month, day)
        else:
            date = None  # no full date to take the year from: no answer rather than a guess
        return (date, "dateline") if date is not None else (None, None)
    latest = _latest_full_date(_article_lines(text))
    if latest is not None:
        return latest, "latest-date"
    if year is not None:
        # "on December 7" in a text that names no year: that day in the given year,
        # a lower bound as above
        latest = _latest_yearless_date(raw, year)
        if latest is not None:
            return latest, "latest-date"
    return None, None


# A date in a URL's path: "/2016/11/28/", "/2016-11-28-slug", "/20161128/".
_URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?<=[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)


def published_from_url(url: str) -> dt.date | None:
    """The publication day written in an article's URL path, if any.

    News sites put it there ("https://7al.net/2016/11/28/slug/"); the host and the
    query are not read, so no number of theirs is taken for a date.

    >>> published_from_url("https://www.aljazeera.net/news/2016/11/28/slug")
    datetime.date(2016, 11, 28)
    """
    # (without a scheme, "example.org/2016/..." still starts with its host)
    path = urlsplit(url if "://" in url else "//" + url).path
    for match in _URL_DATE.finditer(path):
        if match.group(1):
            year, month, day = match.group(1, 3, 4)
        else:
            year, month, day = match.group(5, 6, 7)
        date = _calendar_or_none(int(year), int(month), int(day))
        if date is not None:
            return date
    return None


def _calendar_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _article_lines(text: str) -> list[str]:
    """The lines that may date the article: not blank, not captions, and
    either among the first `HEAD_LINES` of those or holding a year."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kept: list[str] = []
    for i, line in enumerate(lines):
        if len(kept) >= HEAD_LINES and not _YEAR_HINT.search(line):
            continue  # no dateline down here, and no full date in this line
        if not _is_caption(lines, i):
            kept.append(line)
    return kept


def _is_caption(lines: list[str], i: int) -> bool:
    if is_caption_line(lines[i]):
        return True
    # A page often repeats a caption without its credit (the image's alt
    # text) right before or after it: that copy is a caption too.
    return any(
        0 <= j < len(lines) and lines[j].startswith(lines[i]) and is_caption_line(lines[j])
        for j in (i - 1, i + 1)
    )


def _dateline(line: str) -> tuple[int | None, int, int] | None:
    wire = _WIRE.match(line)
    if wire is not None:
        return _explicit_parts(wire)
    if len(line) > MAX_DATE_LINE:
        return None
    dates = [m for m in _patterns(line)[1].finditer(line) if _is_explicit(m)]
    if not dates:
        return None
    rest, last = [], 0
    for match in dates:
        rest.append(line[last : match.start()])
        last = match.end()
    rest.append(line[last:])
    if _FURNITURE.fullmatch(" ".join(rest)) is None:
        return None
    return _explicit_parts(dates[0])


def _latest_full_date(lines: list[str]) -> dt.date | None:
    latest = None
    for line in lines:
        year = _YEAR_HINT.search(line)
        if year is None:
            continue
        # The month name and day stand shortly before the year.
        for match in _patterns(line)[1].finditer(line, max(0, year.start() - _LOOK_BACK)):
            if not _is_explicit(match):
                continue
            parts = _explicit_parts(match)
            if parts is not None and parts[0] is not None:
                date = dt.date(*parts)
                latest = date if latest is None or date > latest else latest
    return latest


# A date in the clause of a start: its period's first day, not a bound on the article's
_OPENS_PERIOD = re.compile(r"\b(?:" + "|".join(SINCE_WORDS) + r")\b[^,;.]{0,80}$", re.IGNORECASE)


def _latest_yearless_date(lines: list[str], year: int) -> dt.date | None:
    """The latest calendar day without a year ("December 7") outside captions, in `year`."""
    latest = None
    for i, line in enumerate(lines):
        if _is_caption(lines, i):
            continue
        for match in _patterns(line)[1].finditer(line):
            parts = _explicit_parts(match) if _is_explicit(match) else None
            if parts is None or parts[0] is not None:
                continue
            if _OPENS_PERIOD.search(line, max(0, match.start() - 80), match.start()):
                # "since the 15th of November", "started its offensive on 15 November"
                # open a period: no bound on the day the article was written
                continue
            date = _calendar_or_none(year, parts[1], parts[2])
            if date is not None and (latest is None or date > latest):
                latest = date
    return latest


def _nearest(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The day `month`/`day` closest to `reference`: last, same or next year."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - reference), default=None)
