"""Places of a city and the names news uses for them.

`Gazetteer.default()` is Aleppo; `Gazetteer.from_file(path)` loads any city's
GeoJSON (schema in the README). `resolve(name)` turns one name into a place;
`find(text)` scans a whole article for every mention.

The scan is one compiled regular expression over the words that can start a
name (capitalised Latin words and Arabic words), a dictionary lookup of each
word's spelling-tolerant key, and a walk down a trie of name keys for the rest
of the name. Fuzzy matching runs only where a word such as "district" says a
place name stands and the fast path found none.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from .errors import GazetteerError
from .names import (
    WORD_PATTERN,
    WORD_TAIL,
    is_arabic,
    is_article,
    light_fold,
    name_key,
    plain,
    token_key,
    words,
)
from .text import sentence_around

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from .geocode import NominatimFallback

MatchKind = Literal["exact", "alias", "normalised", "fuzzy", "geocoded"]

# Scores by how a name matched: how sure we are that the words mean the place.
SCORES: dict[str, float] = {"exact": 1.0, "alias": 0.95, "normalised": 0.85, "geocoded": 0.6}
FUZZY_CUTOFF = 0.8  # difflib ratio below which a near miss is not a match
WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}
_TERMINAL = ""  # trie key marking the end of a name (no word folds to "")
_UNSEEN = object()
_NO_NAME = object()  # a word that opens no name, even after a glued particle

# Words that start a name: a capitalised Latin word or an Arabic-script word.
# The class comes first so the regex engine can skip to it; the look-behind
# then rejects a capital inside a word ("McDonald").
# A capital right after a glued article ("alMaadi") starts a name too.
_CANDIDATE = re.compile(
    r"[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0621-\u064A](?:(?<![^\W_].)|(?<=\b[ae]l[A-Z]))" + WORD_TAIL
)
# The next word of a name: after a space, a hyphen or one line break.
_WORD = re.compile(WORD_PATTERN)
_NEXT_WORD = re.compile(
    r"(?:[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|[ \t\u00a0]*\n?[ \t\u00a0]*)(?P<word>" + WORD_PATTERN + ")"
)
# An Arabic article just before a name ("al-", "al " or glued: "alShaar"), kept in the surface.
_ARTICLE_BEFORE = re.compile(
    r"(?<![^\W_])(?:(?:al|el|ad|ed|as|es|ash|esh|at|et|az|ez|aj|an|ar|adh)[-‐‑]|(?:al|el) "
    r"|(?-i:[ae]l))$",
    re.IGNORECASE,
)
# An Arabic name with the article, after joined particles: "الجديدة", "والجديدة",
# "للجديدة" (ل + ال)
_WITH_ARTICLE = re.compile(r"[وفبك]{0,2}(?:ال|لل)")
# One-letter Arabic particles written joined to the next word (and, in, to, so).
_ARABIC_PARTICLES = frozenset("وبلف")
# Words that say a place name stands next to them: where fuzzy matching looks.
# Found with str.find on their stems, which is far cheaper than a regex scan.
PLACE_CUES = ("district", "neighbourhood", "neighborhood", "quarter", "suburb")


def _cue_starts(text: str) -> list[int]:
    """Start offsets of the place-cue words (any case of the first letter)."""
    starts = []
    for cue in PLACE_CUES:
        stem, first = cue[1:], cue[0]
        pos = text.find(stem)
        while pos != -1:
            start = pos - 1
            before = text[start - 1] if start > 0 else " "
            after = pos + len(stem)
            if text[after : after + 1] == "s":
                after += 1
            if (
                start >= 0
                and text[start].lower() == first
                and not before.isalnum()
                and not text[after : after + 1].isalnum()
            ):
                starts.append(start)
            pos = text.find(stem, pos + 1)
    return sorted(starts)


_GENERIC_TAIL = re.compile(
    r"[\s,-]+(?:district|neighbou?rhood|quarter|suburb|area|region)s?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Place:
    """One entry of the gazetteer.

    `precision` is "polygon", "group" (the union of `members`), or "point"
    (only an approximate location is known).
    """

    id: str
    name: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    name_ar: str | None = None
    source_name: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "residential"
    precision: str = "polygon"
    members: tuple[str, ...] = ()
    source: str = ""
    note: str = ""

    @property
    def approximate(self) -> bool:
        """True when the location is only approximate (a point, or geocoded)."""
        return self.precision == "point" or self.geocoded

    @property
    def geocoded(self) -> bool:
        """True when the place came from the online geocoder, not the gazetteer."""
        return self.id.startswith("geocoded:")

    @property
    def point(self) -> shapely.Point:
        """A point inside the geometry (not the centroid, which may fall outside)."""
        return self.geometry.representative_point()

    @property
    def lat(self) -> float:
        return round(self.point.y, 6)

    @property
    def lon(self) -> float:
        return round(self.point.x, 6)


@dataclass(frozen=True)
class Mention:
    """A place name found in a text.

    `place_id` is None when the words name several places equally well; the
    places are then listed in `candidates`. The sentence around the mention
    is worked out when first asked for, since many uses never need it.
    """

    surface: str
    start: int
    end: int
    place_id: str | None
    match: MatchKind
    score: float
    candidates: tuple[str, ...] = ()
    text: str = field(default="", repr=False, compare=False)

    @property
    def ambiguous(self) -> bool:
        return self.place_id is None

    @cached_property
    def _sentence_span(self) -> tuple[int, int]:
        return sentence_around(self.text, self.start, self.end)

    @property
    def sentence(self) -> str:
        """The sentence the mention stands in."""
        start, end = self._sentence_span
        return self.text[start:end]

    @property
    def sentence_start(self) -> int:
        """Where that sentence starts in the text."""
        return self._sentence_span[0]


@dataclass(frozen=True)
class Resolution:
    """The answer to one name: the place, how it matched, or the near misses."""

    query: str
    place: Place | None
    match: MatchKind | None
    score: float
    candidates: tuple[Place, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.place is None and self.match is not None


@dataclass(frozen=True)
class _KeyTarget:
    place_id: str | None
    candidates: tuple[str, ...]


class Gazetteer:
    """The places of one city, with their names and geometries.

    Parameters
    ----------
    places
        The entries. Ids must be unique; group members must exist.
    name
        What the gazetteer covers, for messages.
    city, attribution
        The city's name and the credit its geometry needs, for titles and maps
        (GeoJSON top-level keys ``city`` and ``attribution``).
    geocoder
        Optional fallback for names the gazetteer lacks (see `aleppo_map.geocode`).
        Off unless given; its answers are flagged `geocoded`.
    """

    def __init__(
        self,
        places: Iterable[Place],
        name: str = "gazetteer",
        geocoder: NominatimFallback | None = None,
        city: str = "",
        attribution: str = "",
    ):
        self.name = name
        self.city = city
        self.attribution = attribution
        self.geocoder = geocoder
        self._places: dict[str, Place] = {}
        problems = []
        for place in places:
            if place.id in self._places:
                problems.append(f"duplicate id {place.id!r}")
            self._places[place.id] = place
        for place in self._places.values():
            for member in place.members:
                if member not in self._places:
                    problems.append(f"{place.id!r}: member {member!r} is not in the gazetteer")
        if problems:
            raise GazetteerError(name, problems)
        self._index: dict[tuple[str, ...], _KeyTarget] | None = None
        self._trie: dict | None = None
        self._article_only: set[tuple[str, ...]] = set()
        self._plain: dict[str, set[str]] = {}
        self._fuzzy_names: list[tuple[str, str]] | None = None
        self._fuzzy_cache: dict[str, list[tuple[str, float]]] = {}
        self._kind_cache: dict[tuple[str, str], MatchKind] = {}
        self._first_words: dict[str, object] = {}  # word -> its trie node, None or _NO_NAME

    def __getstate__(self) -> dict:
        # (for worker processes) the memo of first words holds sentinels that a
        # copy would not recognise as its own: it starts empty there
        return {**self.__dict__, "_first_words": {}}

    # -- loading -------------------------------------------------------------

    @classmethod
    def default(cls, geocoder: NominatimFallback | None = None) -> Gazetteer:
        """The embedded Aleppo gazetteer (data/gazetteer.geojson)."""
        return cls.from_file(default_path(), geocoder=geocoder)

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        *,
        id_field: str = "id",
        name_field: str = "name",
        alias_fields: Iterable[str] = ("aliases", "name_ar", "source_name"),
        geocoder: NominatimFallback | None = None,
    ) -> Gazetteer:
        """Load a city's gazetteer from GeoJSON.

        Every problem in the file is reported at once, in one `GazetteerError`.
        Only `name_field` and a geometry are required; ids default to a slug
        of the name. Aliases may be a list or a string separated by ``;`` or ``|``.
        """
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise GazetteerError(str(path), ["file not found"]) from None
        except UnicodeDecodeError as exc:
            raise GazetteerError(str(path), [f"not UTF-8 text ({exc.reason})"]) from None
        except json.JSONDecodeError as exc:
            raise GazetteerError(
                str(path), [f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"]
            ) from None
        places, problems = _parse_collection(data, id_field, name_field, tuple(alias_fields))
        if problems:
            raise GazetteerError(str(path), problems)
        meta = data if isinstance(data, dict) else {}
        return cls(
            places,
            name=str(path),
            geocoder=geocoder,
            city=str(meta.get("city") or ""),
            attribution=str(meta.get("attribution") or ""),
        )

    # -- access --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def __getitem__(self, place_id: str) -> Place:
        try:
            return self._places[place_id]
        except KeyError:
            raise KeyError(f"no place with id {place_id!r} in {self.name}") from None

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min_lon, min_lat, max_lon, max_lat) of all places."""
        return shapely.unary_union([p.geometry for p in self]).bounds

    def __repr__(self) -> str:
        return f"<Gazetteer {self.name!r}: {len(self)} places>"

    # -- names ---------------------------------------------------------------

    def _names_of(self, place: Place) -> list[str]:
        return [n for n in (place.name, place.source_name, *place.aliases) if n]

    def _build_index(self) -> None:
        by_key: dict[tuple[str, ...], dict[str, bool]] = {}
        for place in self._places.values():
            primary = {name_key(n) for n in (place.name, place.source_name, place.name_ar) if n}
            for name in self._names_of(place):
                key = name_key(name)
                if not key:
                    continue
                is_primary = key in primary
                entry = by_key.setdefault(key, {})
                entry[place.id] = entry.get(place.id, False) or is_primary
                self._plain.setdefault(plain(name), set()).add(place.id)
        # One-word Arabic names written only with the article (الجديدة): without it
        # the word is a common one ("جديدة", new), not the name
        bare: dict[tuple[str, ...], bool] = {}
        for place in self._places.values():
            for name in self._names_of(place):
                key = name_key(name)
                if len(key) == 1 and is_arabic(name):
                    with_article = unicodedata.normalize("NFKC", name).startswith("ال")
                    bare[key] = bare.get(key, False) or not with_article
        self._article_only = {key for key, has_bare in bare.items() if not has_bare}
        index: dict[tuple[str, ...], _KeyTarget] = {}
        trie: dict = {}
        for key, owners in by_key.items():
            index[key] = self._settle(owners)
            node = trie
            for word_key in key:
                node = node.setdefault(word_key, {})
            node[_TERMINAL] = key
        self._index, self._trie = index, trie

    def _settle(self, owners: dict[str, bool]) -> _KeyTarget:
        """Decide which place a name key means when several places share it."""
        ids = sorted(owners)
        if len(ids) == 1:
            return _KeyTarget(ids[0], ())
        # A group sharing a name with its own parts: the name means the whole group.
        for pid in ids:
            members = set(self._places[pid].members)
            if members and set(ids) - {pid} <= members:
                return _KeyTarget(pid, ())
        # A place's own name beats another place's alias.
        primaries = [pid for pid in ids if owners[pid]]
        if len(primaries) == 1:
            return _KeyTarget(primaries[0], ())
        # A place and the places named after it ("al-Sakhour" and "al-Sakhour I",
        # "Jibreen" and "Jibreen Industrial Area") under one name: the place itself
        for pid in ids:
            name = self._places[pid].name
            if all(self._places[o].name.startswith(name + " ") for o in ids if o != pid):
                return _KeyTarget(pid, ())
        return _KeyTarget(None, tuple(ids))

    def _ensure_index(self) -> tuple[dict, dict]:
        if self._index is None:
            self._build_index()
        return self._index, self._trie  # type: ignore[return-value]

    def _kind_of(self, surface: str, place_id: str) -> MatchKind:
        """How `surface` names the place; cached, since a corpus repeats its spellings."""
        kind = self._kind_cache.get((surface, place_id))
        if kind is None:
            # "exact": the display name itself, whatever the article (al-, as-, none).
            if plain(_drop_article(surface)) == plain(_drop_article(self[place_id].name)):
                kind = "exact"
            elif place_id in self._plain.get(plain(surface), ()):
                kind = "alias"
            else:
                kind = "normalised"
            if len(self._kind_cache) < 100_000:
                self._kind_cache[(surface, place_id)] = kind
        return kind

    def resolve(self, name: str) -> Place | None:
        """The place `name` refers to, or None (unknown or ambiguous).

        Use `lookup` for the reason and the candidates ("did you mean").
        """
        return self.lookup(name).place

    def lookup(self, name: str, n_candidates: int = 5) -> Resolution:
        """Resolve one name, explaining the answer.

        Exact, alias and normalised matches give the place. A name shared by
        several places gives no place and lists them as candidates. A near miss
        gives no place and lists the closest names. With a geocoder, a name the
        gazetteer lacks is geocoded and flagged as such.
        """
        index, _ = self._ensure_index()
        query = _GENERIC_TAIL.sub("", name.strip())
        target = index.get(name_key(query))
        if target is not None:
            if target.place_id is None:
                return Resolution(
                    name, None, "alias", 0.0, tuple(self._places[c] for c in target.candidates)
                )
            kind = self._kind_of(query, target.place_id)
            return Resolution(name, self._places[target.place_id], kind, SCORES[kind])
        if self.geocoder is not None:
            geocoded = self._geocode(query)
            if geocoded is not None:
                return Resolution(name, geocoded, "geocoded", SCORES["geocoded"])
        return Resolution(name, None, None, 0.0, tuple(self.close_matches(query, n_candidates)))

    def close_matches(self, name: str, n: int = 5) -> list[Place]:
        """Places whose names are spelled closest to `name` (for "did you mean")."""
        scored = self._fuzzy_scores(name)
        return [self._places[pid] for pid, score in scored[:n] if score >= FUZZY_CUTOFF * 0.8]

    def _fuzzy_scores(self, name: str) -> list[tuple[str, float]]:
        """(place id, similarity) for every place, best first; cached per name."""
        wanted = _folded_phrase(name)
        cached = self._fuzzy_cache.get(wanted)
        if cached is not None:
            return cached
        if self._fuzzy_names is None:
            self._fuzzy_names = sorted(
                {
                    (place.id, _folded_phrase(alias))
                    for place in self
                    for alias in self._names_of(place)
                }
            )
        best: dict[str, float] = {}
        if wanted:
            matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
            for place_id, candidate in self._fuzzy_names:
                matcher.set_seq1(candidate)
                if matcher.real_quick_ratio() < FUZZY_CUTOFF * 0.8:
                    continue
                score = matcher.ratio()
                if score > best.get(place_id, 0.0):
                    best[place_id] = score
        result = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        if len(self._fuzzy_cache) < 10_000:  # bounded: a corpus has few distinct near misses
            self._fuzzy_cache[wanted] = result
        return result

    def _geocode(self, name: str) -> Place | None:
        result = self.geocoder.lookup(name)  # type: ignore[union-attr]
        if result is None:
            return None
        return Place(
            id=f"geocoded:{plain(name).replace(' ', '-')}",
            name=name,
            geometry=result.geometry,
            precision=result.precision,
            kind="geocoded",
            source=f"geocoded by {result.source}: {result.display_name}",
            note="not in the gazetteer; location from an online geocoder",
        )

    # -- scanning text ---------------------------------------------------------

    def find(self, text: str, *, fuzzy: bool = True) -> list[Mention]:
        """Every place mention in `text`, in order, longest match first.

        A Latin-script name must start with a capital letter (after an
        optional article), as proper nouns do in news copy; this keeps common
        words from becoming places. Arabic script has no case and always counts.
        """
        _, trie = self._ensure_index()
        mentions: list[Mention] = []
        last_end = 0
        first_words = self._first_words
        for match in _CANDIDATE.finditer(text):
            word = match.group()
            # Most capitalised words are not names; a word seen before is one lookup.
            node = first_words.get(word, _UNSEEN)
            if node is _NO_NAME:
                continue
            if node is _UNSEEN:
                node = trie.get(token_key(word))
                if node is None and (word[0] not in _ARABIC_PARTICLES or len(word) <= 3):
                    node = _NO_NAME
                if len(first_words) < 200_000:
                    first_words[word] = node
                if node is _NO_NAME:
                    continue
            start = match.start()
            if start < last_end:
                continue
            if node is None:
                # "وبستان القصر": a conjunction or preposition glued to the name
                node = trie.get(token_key(word[1:]))
                if node is None:
                    continue
                start += 1
            found = self._walk(text, node, match.end())
            if found is None:
                continue
            end, key = found
            if key in self._article_only and not _WITH_ARTICLE.match(text, start):
                continue  # "مناطق جديدة" (new areas) is not al-Jdeideh (الجديدة)
            article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
            if article is not None and article.start() >= last_end:
                start = article.start()
            mentions.append(self._mention(text, start, end, key))
            last_end = end
        if fuzzy:
            mentions = self._add_fuzzy(text, mentions)
        return mentions

    def _walk(self, text: str, node: dict, pos: int) -> tuple[int, tuple[str, ...]] | None:
        """Follow the trie along the next words; the longest complete name wins."""
        best = (pos, node[_TERMINAL]) if _TERMINAL in node else None
        while True:
            nxt = _NEXT_WORD.match(text, pos)
            if nxt is None:
                break
            word = nxt.group("word")
            child = node.get(token_key(word))
            if child is None:
                if is_article(word):  # "Bustan al-Qasr" and "Bustan Qasr" alike
                    pos = nxt.end()
                    continue
                break
            node, pos = child, nxt.end()
            if _TERMINAL in node:
                best = (pos, node[_TERMINAL])
        return best

    def _mention(
        self,
        text: str,
        start: int,
        end: int,
        key: tuple[str, ...] | None,
        place_id: str | None = None,
        kind: MatchKind | None = None,
        score: float | None = None,
    ) -> Mention:
        surface = text[start:end]
        candidates: tuple[str, ...] = ()
        if key is not None:
            target = self._index[key]  # type: ignore[index]
            place_id, candidates = target.place_id, target.candidates
            if place_id is None:
                kind, score = "alias", SCORES["alias"] / len(candidates)
            else:
                kind = self._kind_of(surface, place_id)
                score = SCORES[kind]
        return Mention(
            surface=surface,
            start=start,
            end=end,
            place_id=place_id,
            match=kind,  # type: ignore[arg-type]
            score=round(score, 3),  # type: ignore[arg-type]
            candidates=candidates,
            text=text,
        )

    def _add_fuzzy(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Near-miss spellings just before a word like "district"."""
        taken = [(m.start, m.end) for m in mentions]
        ends = {m.end for m in mentions}
        extra = []
        for cue_start in _cue_starts(text):
            if cue_start - 1 in ends or cue_start - 2 in ends:
                continue  # "the Sukkari district": the name before it is already found
            last_word = text[max(0, cue_start - 40) : cue_start].rstrip(" -").rsplit(" ", 1)[-1]
            if not last_word.rsplit("-", 1)[-1][:1].isupper():
                continue  # "rebel-held districts": no name before the cue
            phrase = _capitalised_words_before(text, cue_start)
            if phrase is None:
                continue
            start, end = phrase
            if any(s < end and start < e for s, e in taken):
                continue
            if self.city and self.city.lower() in text[start:end].lower().split():
                continue  # "SE Aleppo district": the city's name is not a near miss of "New Aleppo"
            scores = self._fuzzy_scores(text[start:end])
            if not scores or scores[0][1] < FUZZY_CUTOFF:
                continue
            pid, ratio = scores[0]
            wanted = _folded_phrase(text[start:end])
            if len(wanted) <= 6:
                # a short name's near miss keeps its first letter: "the al-Assad
                # suburb" is not "Mashhad" (two letters short of each other)
                closest = max(
                    (name for place_id, name in self._fuzzy_names or () if place_id == pid),
                    key=lambda name: difflib.SequenceMatcher(None, name, wanted).ratio(),
                )
                if closest[:1] != wanted[:1]:
                    continue
            extra.append(self._mention(text, start, end, None, pid, "fuzzy", 0.8 * ratio))
            taken.append((start, end))
        if not extra:
            return mentions
        return sorted(mentions + extra, key=lambda m: m.start)

    # -- exports and checks ----------------------------------------------------

    def to_geodataframe(self) -> geopandas.GeoDataFrame:
        """The gazetteer as a GeoDataFrame (EPSG:4326), one row per place.

        List columns are joined with "; " so the table opens in QGIS and Excel.
        """
        import geopandas

        rows = [
            {
                "id": p.id,
                "name": p.name,
                "name_ar": p.name_ar,
                "source_name": p.source_name,
                "aliases": "; ".join(p.aliases),
                "kind": p.kind,
                "precision": p.precision,
                "members": "; ".join(p.members),
                "lat": p.lat,
                "lon": p.lon,
                "source": p.source,
                "note": p.note,
                "geometry": p.geometry,
            }
            for p in self
        ]
        return geopandas.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")

    def overlaps(self, min_area_m2: float = 100.0) -> list[tuple[str, str, float]]:
        """Pairs of polygon places (groups aside) overlapping by more than `min_area_m2`."""
        polys = [p for p in self if p.precision == "polygon"]
        if not polys:
            return []
        project = metric_projector(shapely.unary_union([p.geometry for p in polys]).centroid)
        metric = [project(p.geometry) for p in polys]
        tree = shapely.STRtree(metric)
        found = []
        for i, geom in enumerate(metric):
            for j in tree.query(geom):
                if j > i:
                    area = geom.intersection(metric[j]).area
                    if area > min_area_m2:
                        found.append((polys[i].id, polys[int(j)].id, round(area, 1)))
        return found


def _folded_phrase(name: str) -> str:
    """A name's words, lightly folded and without articles, for fuzzy comparison."""
    return " ".join(light_fold(w) for w in words(name) if not is_article(w))


def _drop_article(name: str) -> str:
    parts = words(name)
    if parts and is_article(parts[0]):
        return " ".join(parts[1:])
    return name


def _capitalised_words_before(text: str, pos: int, max_words: int = 3) -> tuple[int, int] | None:
    """Span of up to `max_words` capitalised words just before `pos`.

    Articles joined by a hyphen ("Bustan al-Qasr") are part of the span.
    """
    start = end = None
    for match in reversed(list(_WORD.finditer(text, max(0, pos - 80), pos))):
        gap = text[match.end() : start if start is not None else pos]
        if gap.strip(" \t-‐"):
            break
        word = match.group()
        if is_article(word):
            if start is None or not gap.startswith(("-", "‐")):
                break
        elif not word[0].isupper() or max_words == 0:
            break
        else:
            max_words -= 1
            end = end or match.end()
        start = match.start()
    if end is None:
        return None
    while start is not None and is_article(text[start:end].split("-")[0]):
        start = text.index("-", start) + 1  # the span starts at a name, not an article
    return start, end


def metric_projector(anchor: shapely.Point):
    """A function projecting EPSG:4326 geometries to the UTM zone of `anchor`, in metres."""
    from pyproj import Transformer

    zone = int(math.floor((anchor.x + 180) / 6)) + 1
    epsg = (32600 if anchor.y >= 0 else 32700) + zone
    transformer = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    return lambda geom: shapely.transform(
        geom, lambda xy: _stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )


def _stack(xy: tuple) -> Any:
    import numpy

    return numpy.column_stack(xy)


def default_path() -> Path:
    """Where the embedded gazetteer is: inside the installed package, or the repository."""
    packaged = resources.files("aleppo_map") / "_data" / "gazetteer.geojson"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[1] / "data" / "gazetteer.geojson"


def _split_aliases(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [a.strip() for a in re.split(r"[;|]", value) if a.strip()]
    if isinstance(value, (list, tuple)):
        return [str(a).strip() for a in value if a is not None and str(a).strip()]
    return [str(value)]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9\u0600-\u06ff]+", "-", plain(name)).strip("-")


def _parse_collection(
    data: Any, id_field: str, name_field: str, alias_fields: tuple[str, ...]
) -> tuple[list[Place], list[str]]:
    """Places from a GeoJSON dict, and every problem found on the way."""
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], ['not a GeoJSON FeatureCollection (no "type": "FeatureCollection")']
    crs = data.get("crs")
    if crs is not None:
        crs_name = (crs.get("properties") or {}).get("name", "") if isinstance(crs, dict) else ""
        if crs_name not in WGS84_NAMES:
            problems.append(
                f"CRS is {crs_name or crs!r}; coordinates must be longitude/latitude in "
                "EPSG:4326 (reproject, e.g. ogr2ogr -t_srs EPSG:4326)"
            )
    features = data.get("features")
    if not isinstance(features, list) or not features:
        return [], problems + ["no features"]
    places: list[Place] = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        name = props.get(name_field)
        label = f"feature {number}" + (f" ({name!r})" if name else "")
        if not name or not str(name).strip():
            problems.append(f"{label}: no {name_field!r} property")
            continue
        place_id = str(
            props.get(id_field) or (feature.get("id") if id_field == "id" else "") or _slug(name)
        )
        if place_id in seen:
            problems.append(f"{label}: duplicate id {place_id!r} (also feature {seen[place_id]})")
        seen.setdefault(place_id, number)
        raw_geometry = (feature or {}).get("geometry")
        if not raw_geometry:
            problems.append(f"{label}: no geometry")
            continue
        try:
            geometry = shape(raw_geometry)
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            problems.append(f"{label}: unreadable geometry ({exc})")
            continue
        if geometry.is_empty:
            problems.append(f"{label}: empty geometry")
            continue
        if not geometry.is_valid:
            problems.append(f"{label}: invalid geometry ({shapely.is_valid_reason(geometry)})")
        minx, miny, maxx, maxy = geometry.bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            problems.append(
                f"{label}: coordinates {geometry.bounds} are not longitude/latitude "
                "(projected data? reproject to EPSG:4326)"
            )
        aliases: list[str] = []
        for alias_field in alias_fields:
            aliases += _split_aliases(props.get(alias_field))
        precision = props.get("precision") or (
            "point" if geometry.geom_type == "Point" else "polygon"
        )
        places.append(
            Place(
                id=place_id,
                name=str(name).strip(),
                geometry=geometry,
                name_ar=props.get("name_ar"),
                source_name=props.get("source_name"),
                aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
                kind=props.get("kind") or "residential",
                precision=precision,
                members=tuple(_split_aliases(props.get("members"))),
                source=props.get("source") or "",
                note=props.get("note") or "",
            )
        )
    return places, problems
