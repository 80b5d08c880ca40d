"""Sentence boundaries in news text, cheap enough to call once per mention.

Also `openings`: a look-ahead that lets a long regular expression give up at
most positions after a character or two.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")  # a letter (or mark) of the Arabic script

# Abbreviations that end with a full stop inside a sentence in news copy.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st jan feb mar apr jun jul aug sep sept oct nov "
    "dec no vs etc jr sr u.s u.n u.k e.g i.e a.m p.m".split()
)

# A full stop, question or exclamation mark (with closing quotes or brackets),
# then space and a capital, digit or opening quote; or a line break.
# The pattern opens with one character class, so the regex engine skips to the
# next candidate in C instead of trying the whole pattern at every character.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)|[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06ff]))")
_RARE_MARKS = "\n!?…"  # with ".", what opens a boundary match
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _is_boundary(text: str, match: re.Match) -> bool:
    if text[match.start()] != ".":  # a line break, question or exclamation mark
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

    Walks back from `start` over the sentence marks, nearest first (str.rfind
    skips to each in C), until one is a real boundary: usually the first, so
    the cost does not grow with the article.
    """
    left = 0
    hi = start  # marks before `hi` are still to be tried
    lo = max(0, start - window)
    limit = min(len(text), start + 2)  # the look-ahead needs the next sentence's first letters
    while True:
        # The nearest full stop first; the rarer marks are then looked for only after it.
        mark = text.rfind(".", lo, hi)
        for char in _RARE_MARKS:
            found = text.rfind(char, max(lo, mark + 1), hi)
            if found > mark:
                mark = found
        if mark < 0:
            if lo == 0:
                break
            hi, lo = lo, max(0, lo - window)
            continue
        match = _BOUNDARY.match(text, mark, limit)
        if match is not None and match.end() <= start and _is_boundary(text, match):
            left = match.end()
            break
        hi = mark
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


# -- a fast start for long patterns -------------------------------------------------

_OPENING_LENGTHS = (8, 6, 4, 3, 2)  # characters of a match's opening tested up front
_MAX_OPENINGS = 5000  # more openings than this: try shorter ones
_MAX_SPELLED = 40  # a character class with more characters is kept as a class
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}


def openings(pattern: str, flags: int = 0) -> str:
    """A look-ahead for the openings of `pattern`'s matches ("" if there is no useful one).

    Put before `pattern` (compiled with the same flags), it changes no match:
    every match opens with one of the sequences it tests for, read from the
    parsed pattern up to 8 characters (fewer for a pattern with very many).
    It lets the regex engine give up at most positions after a character or
    two instead of trying each alternative of a long pattern: several times
    faster on prose. Uses the standard library's regex parser (`re._parser`);
    if that fails, no look-ahead.
    """
    try:
        ops = _sre_parse.parse(pattern, flags).data
    except Exception:  # a private API: without it, the pattern runs as written
        return ""
    for length in _OPENING_LENGTHS:
        found = _openings(ops, length)
        if found is not None:
            break
    if not found or () in found:
        return ""
    firsts = {seq[0] for seq in found}
    if any(atom.startswith("[^") for atom in firsts):
        return f"(?={_trie(found)})"
    # One class of first characters up front: one test rejects most positions,
    # where the branches of the trie would each be tried in turn.
    chars = "".join(sorted(a[1:-1] if a.startswith("[") else a for a in firsts))
    return f"(?=[{chars}])(?={_trie(found)})"


def _openings(ops: list, length: int) -> set[tuple[str, ...]] | None:
    """Sequences of one-character regexes, one of which opens every match of `ops`.

    Sequences are extended along the pattern up to `length`; one is cut short
    (which only makes the test weaker) where the pattern allows something not
    followed here. None if there would be more than `_MAX_OPENINGS`.
    """
    done: set[tuple[str, ...]] = set()

    def walk(ops: list, live: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
        """Extend `live` through `ops`; sequences cut short go to `done`."""
        for op, av in ops:
            if not live:
                break
            if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
                continue  # zero width: passing over it only weakens the test
            if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group, no flag changes
                live = walk(av[3], live)
            elif op is _sre.ATOMIC_GROUP:
                live = walk(av, live)
            elif op is _sre.BRANCH:
                live = set().union(*(walk(alt, set(live)) for alt in av[1]))
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
                low, high, body = av
                out = set(live) if low == 0 else set()
                # One character repeated ("\s+") is followed once past its minimum:
                # each count would be an opening of its own.
                single = len(body) == 1 and body[0][0] is not _sre.SUBPATTERN
                most = low + 1 if single else length + 1
                for i in range(min(high, most)):
                    live = walk(body, live)
                    if i + 1 >= low:
                        out |= live
                if high > most:
                    done.update(live)  # more repeats than followed: cut short here
                live = out
            else:
                chars = _one_char(op, av)
                if chars is None:
                    done.update(live)
                    return set()
                live = {s + (c,) for s in live for c in chars}
                done.update(s for s in live if len(s) >= length)
                live = {s for s in live if len(s) < length}
            if len(live) + len(done) > _MAX_OPENINGS:
                raise OverflowError
        return live

    try:
        done.update(walk(ops, {()}))
    except OverflowError:
        return None
    return done


def _one_char(op, av) -> list[str] | None:
    """Regexes for what one parsed item matches, one per character where few; or None."""
    if op is _sre.LITERAL:
        return [re.escape(chr(av))]
    if op is _sre.NOT_LITERAL:
        return [f"[^{re.escape(chr(av))}]"]
    if op is not _sre.IN:
        return None
    chars, source = [], []
    for kind, value in av:
        if kind is _sre.NEGATE:
            source.append("^")
            chars = None
        elif kind is _sre.LITERAL:
            source.append(re.escape(chr(value)))
            if chars is not None:
                chars.append(chr(value))
        elif kind is _sre.RANGE:
            source.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            if chars is not None and value[1] - value[0] < _MAX_SPELLED:
                chars.extend(chr(c) for c in range(value[0], value[1] + 1))
            else:
                chars = None
        elif kind is _sre.CATEGORY and value in _CATEGORIES:
            source.append(_CATEGORIES[value])
            chars = None
        else:
            return None
    if chars is not None and len(chars) <= _MAX_SPELLED:
        return [re.escape(c) for c in chars]  # spelled out, so the trie can share them
    return ["[" + "".join(source) + "]"]


def _trie(sequences: set[tuple[str, ...]]) -> str:
    """The sequences as one regex factored by shared prefixes; one covers its extensions."""
    tree: dict = {}
    for seq in sorted(sequences, key=len):
        node = tree
        for atom in seq:
            if None in node:
                break  # a shorter sequence already covers this one
            node = node.setdefault(atom, {})
        else:
            node.clear()
            node[None] = {}

    def emit(node: dict) -> str:
        if None in node:
            return ""
        branches = [atom + emit(child) for atom, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


def compile_gated(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)` with `openings` in front: the same matches, found faster."""
    return re.compile(openings(pattern, flags) + pattern, flags)
