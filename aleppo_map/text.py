"""Sentence boundaries in news text, cheap enough to call once per mention."""

from __future__ import annotations

import re

# Abbreviations that end with a full stop inside a sentence in news copy.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st jan feb mar apr jun jul aug sep sept oct nov "
    "dec no vs etc jr sr u.s u.n u.k e.g i.e a.m p.m".split()
)

# A full stop, question or exclamation mark (with closing quotes or brackets),
# then space and a capital, digit or opening quote; or a blank line / line break.
_BOUNDARY = re.compile(r"(?P<mark>[.!?…])[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06ff])|\n")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _is_boundary(text: str, match: re.Match) -> bool:
    if match.group(0) == "\n" or match.group("mark") != ".":
        return True
    word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
    if word is None:
        return True
    token = word.group(1).lower()
    # "U.S." and initials ("J.") do not end a sentence.
    return token not in ABBREVIATIONS and not (len(token) == 1 and token.isalpha())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text`, whitespace trimmed."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if not _is_boundary(text, match):
            continue
        _append(text, spans, start, match.end())
        start = match.end()
    _append(text, spans, start, len(text))
    return spans


def _append(text: str, spans: list, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_around(text: str, start: int, end: int, window: int = 400) -> tuple[int, int]:
    """Span of the sentence containing text[start:end].

    Looks back `window` characters first and further only if no sentence
    starts there, so the cost does not grow with the article.
    """
    left = 0
    lo = start
    while lo > 0:
        lo = max(0, lo - window)
        # The look-ahead needs the first letters of the next sentence: end a little later.
        ends = [
            m.end()
            for m in _BOUNDARY.finditer(text, lo, min(len(text), start + 2))
            if m.end() <= start and _is_boundary(text, m)
        ]
        if ends:
            left = ends[-1]
            break
        window *= 2
    right = len(text)
    for match in _BOUNDARY.finditer(text, end):
        if _is_boundary(text, match):
            right = match.end()
            break
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right
