"""Spelling-tolerant keys for Arabic place names written in Latin or Arabic script.

News writes one name many ways: Sheikh Saeed, Sheik Said, Shaykh Sa'id, شيخ سعيد.
`token_key` folds one word to a key that these spellings share; a name's key is
the tuple of its words' keys with the Arabic article (al-, ash-, ال...) dropped.

Latin keys are consonant skeletons: lower case, no accents or ayn/hamza marks,
doubled letters single, digraphs as one letter (sh, kh, gh, dh, th, ch), q as k,
every vowel but the first and last dropped (so Salihin, Saliheen and Salheen
meet). The first and last vowel stay, because they keep apart words that share
consonants (Ansar / Ansari, Hanan / Hanano). Skeletons shorter than three
letters are too easy to hit by chance, so short words keep their vowels.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that stand for ayn and hamza, or are apostrophes; all are dropped.
APOSTROPHES = "'’‘ʿʾ`´ʻʼ"

# Articles written as their own word ("al-Fardous", "ash Sheikh Maqsoud", Syria
# Direct's "a-Shaar" and "Nour e-Din") and
# English "the". They are optional when matching.
ARTICLES = frozenset(
    "al el il ul a e ad ed ud as es us ash esh at et ath az ez aj ej an en ar er adh dh the".split()
)

# Words whose spellings differ by more than the generic folding undoes:
# title words and common name heads. Data, not code: extend freely.
WORD_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        "sheikh sheik shaykh shaikh shaik sheykh sheyk shekh shiekh cheikh cheik chaykh".split(),
        "shaykh",
    ),
    **dict.fromkeys("abu abou abo".split(), "abu"),
    **dict.fromkeys("ibn bin ben".split(), "ibn"),
    **dict.fromkeys("ain ayn ein aen".split(), "ayn"),
    **dict.fromkeys("beit bayt bait beyt".split(), "bayt"),
    **dict.fromkeys("karm karam kurm kerm".split(), "karm"),
    **dict.fromkeys("tal tall tel tell".split(), "tal"),
    **dict.fromkeys("jabal jebel jabel djebel".split(), "jabal"),
    **dict.fromkeys("souq souk suq suk".split(), "suq"),
}

_CANONICAL_WORDS = frozenset(WORD_SYNONYMS.values())

_LATIN_DIGRAPHS = (
    ("dj", "j"),
    ("sh", "$"),
    ("ch", "$"),
    ("kh", "x"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
)
_VOWELS = "aeiou"
# Ta marbuta and nisba endings: -iyeh, -iyah, -iya, -ieh, -ia -> iya; -eh, -ah -> a.
_NISBA_END = re.compile(r"(?:iy(?:eh|ah|a|e)|ie?h|ia|ya|yeh|yah)$")
_TA_MARBUTA_END = re.compile(r"(?:eh|ah|e)$")
_DOUBLED = re.compile(r"(.)\1+")
_ROMAN = re.compile(r"[IVX]+")
_GLUED_ARTICLE = re.compile(r"[ae]l(?=[A-Z])")

# Arabic: diacritics (harakat, superscript alef, Quranic marks) and tatweel. News copy
# sets them only here and there ("يحرّر" for "يحرر"): names and rules go without them.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        "ڤ": "ف",
    }
)
# The definite article and the one-letter particles that attach in front of it.
_ARABIC_ARTICLE = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)(?=..)")


def is_arabic(word: str) -> bool:
    """True when the word is written in Arabic script."""
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES)


def _arabic_key(word: str) -> str:
    word = ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", word))
    word = word.translate(_ARABIC_LETTERS)
    return _ARABIC_ARTICLE.sub("", word)


@lru_cache(maxsize=200_000)
def light_fold(word: str) -> str:
    """Lower case, no marks, doubled letters single, vowel digraphs unified.

    Keeps vowels; used for short words and as the base of `token_key`.
    """
    w = _strip_marks(word.lower())
    w = WORD_SYNONYMS.get(w, w)
    for a, b in (("ee", "i"), ("ei", "i"), ("ie", "i"), ("ou", "u"), ("oo", "u")):
        w = w.replace(a, b)
    return _DOUBLED.sub(r"\1", w)


def _skeleton(w: str) -> str:
    if _NISBA_END.search(w) and len(w) > 4:
        w = _NISBA_END.sub("iya", w)
    elif _TA_MARBUTA_END.search(w) and len(w) > 3:
        w = _TA_MARBUTA_END.sub("a", w)
    for a, b in _LATIN_DIGRAPHS:
        w = w.replace(a, b)
    w = _DOUBLED.sub(r"\1", w)
    out = []
    last = len(w) - 1
    for i, ch in enumerate(w):
        nxt = w[i + 1] if i < last else ""
        if ch in "yw" and i > 0 and (not nxt or nxt not in _VOWELS):
            ch = "i" if ch == "y" else "u"  # semivowel closing a diphthong
        if ch in _VOWELS:
            if i == 0:
                out.append("a")  # an initial vowel, whichever it is
            elif i == last:
                out.append({"o": "u", "e": "a"}.get(ch, ch))
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=200_000)
def token_key(word: str) -> str:
    """Fold one word (Latin or Arabic script) to its spelling-tolerant key.

    Examples
    --------
    >>> token_key("Saliheen") == token_key("Salheen") == token_key("Salihin")
    True
    >>> token_key("Sheik") == token_key("Shaykh")
    True
    """
    if is_arabic(word):
        return _arabic_key(word)
    glued = _GLUED_ARTICLE.match(word)
    if glued:  # "alDawla", "elMaadi": the article written joined, the name capitalised
        word = word[glued.end() :]
    if _ROMAN.fullmatch(word):
        return word  # part numbers: District II is not District III
    light = light_fold(word)
    if light in _CANONICAL_WORDS:
        return light
    skel = _skeleton(light)
    # A two-letter skeleton would match too many unrelated words (Feid ~ Fed).
    return skel if len(skel) >= 3 else "~" + light


@lru_cache(maxsize=50_000)
def is_article(word: str) -> bool:
    """True for a standalone article (al, el, ash, ... or English 'the')."""
    return _strip_marks(word.lower()) in ARTICLES


# A word: letters, with Arabic marks or an apostrophe (Sa'eed) inside it.
# Written as runs of one character class each, which the regex engine scans fast.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670"
WORD_TAIL = (
    rf"[^\W\d_]*(?:[{_MARKS}]+[^\W\d_]*)*"
    rf"(?:[{APOSTROPHES}][^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*)*"
)
WORD_PATTERN = r"[^\W\d_]" + WORD_TAIL
_WORD = re.compile(WORD_PATTERN)


def words(text: str) -> list[str]:
    """Split a name into words (hyphens, spaces and slashes separate words)."""
    return _WORD.findall(text)


def name_key(name: str) -> tuple[str, ...]:
    """Key of a whole name: its words' keys, articles dropped.

    An Arabic article glued to the word ("Alfardous") is not split off; write
    such spellings as aliases.
    """
    return tuple(token_key(w) for w in words(name) if not is_article(w))


def plain(name: str) -> str:
    """A display-insensitive form for comparing literal spellings.

    Case, marks, apostrophes, hyphens and spacing are ignored, nothing else.
    """
    return " ".join(_strip_marks(w.lower()) for w in words(name))
