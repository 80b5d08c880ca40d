"""Which side each source is on: the stance table and the source-by-source views.

Every claim's source (`attributed_to`) belongs to a group of `stances.yaml`
(government, opposition, independent) or is `unknown`: listed, never guessed.
The table is data; a user edits a copy and passes it with `--stances FILE`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._tables import load_yaml
from .errors import AleppoMapError

UNKNOWN_GROUP = "unknown"
_REPORTER = re.compile(r"^(?P<outlet>.*?)\s*\(reporter\)$", re.IGNORECASE)


class StanceTableError(AleppoMapError, ValueError):
    """A stance table cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class StanceGroup:
    """One group of sources: its name, label, and what it matches."""

    name: str
    label: str
    about: str
    names: frozenset[str]  # lower-cased, whole values
    patterns: tuple[re.Pattern, ...]

    def matches_name(self, key: str) -> bool:
        return key in self.names

    def matches_pattern(self, key: str) -> bool:
        return any(p.fullmatch(key) for p in self.patterns)


class StanceTable:
    """The groups of sources, in the order of the file.

    Parameters
    ----------
    groups
        The groups; names must be unique and none may be called `unknown`.
    source
        Where the table came from, for messages.
    """

    def __init__(self, groups: Iterable[StanceGroup], source: str = "stances"):
        self.groups: dict[str, StanceGroup] = {g.name: g for g in groups}
        self.source = source
        self._cache: dict[str, str] = {}

    @classmethod
    def default(cls) -> StanceTable:
        """The table shipped with the package (`aleppo_map/stances.yaml`)."""
        return _default_table()

    @classmethod
    def from_file(cls, path: str | Path) -> StanceTable:
        """A user's table, checked as a whole: every problem is reported at once."""
        path = Path(path)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise StanceTableError(f"{path}: stance table not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise StanceTableError(f"{path}: cannot read the stance table ({exc})") from None
        return cls.from_text(text, str(path))

    @classmethod
    def from_text(cls, text: str, source: str = "stances") -> StanceTable:
        try:
            data = load_yaml(text)
        except yaml.YAMLError as exc:
            raise StanceTableError(f"{source}: not YAML ({exc})") from None
        return cls(_parse(data, source), source)

    @property
    def names(self) -> list[str]:
        """The group names, in the table's order."""
        return list(self.groups)

    def label(self, group: str) -> str:
        """A group's label ("Government-aligned"), or the group name itself."""
        found = self.groups.get(group)
        return (
            found.label
            if found
            else ("Not in the stance table" if group == UNKNOWN_GROUP else group)
        )

    def group_of(self, attributed_to: str) -> str:
        """The group of a source, or `unknown` when no group (or more than one) matches.

        A whole name in a group's `names` wins over patterns. The reporter's
        narration ("Reuters (reporter)") is the outlet's group when the outlet
        itself is in the table (state media narrating), else whatever matches
        the full value (the independent `(reporter)` pattern by default).
        """
        key = " ".join((attributed_to or "").split()).lower()
        if key in self._cache:
            return self._cache[key]
        group = self._match(key)
        reporter = _REPORTER.match(key)
        if reporter and reporter.group("outlet"):
            outlet_group = self._match(reporter.group("outlet"))
            if outlet_group != UNKNOWN_GROUP:
                group = outlet_group
        self._cache[key] = group
        return group

    def _match(self, key: str) -> str:
        if not key:
            return UNKNOWN_GROUP
        by_name = [g.name for g in self.groups.values() if g.matches_name(key)]
        if len(by_name) == 1:
            return by_name[0]
        if len(by_name) > 1:
            return UNKNOWN_GROUP  # two groups claim the same name: not ours to pick
        by_pattern = [g.name for g in self.groups.values() if g.matches_pattern(key)]
        return by_pattern[0] if len(by_pattern) == 1 else UNKNOWN_GROUP


@lru_cache(maxsize=1)
def _default_table() -> StanceTable:
    text = (resources.files("aleppo_map") / "stances.yaml").read_text("utf-8")
    return StanceTable.from_text(text, "aleppo_map/stances.yaml")


def _parse(data: Any, source: str) -> list[StanceGroup]:
    if not isinstance(data, dict) or not isinstance(data.get("groups"), dict):
        raise StanceTableError(f"{source}: needs a mapping `groups:` of group name -> entry")
    groups, problems = [], []
    for name, entry in data["groups"].items():
        name = str(name).strip()
        if name.lower() == UNKNOWN_GROUP:
            problems.append(f"group {name!r}: the name is reserved for sources in no group")
            continue
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", name):
            problems.append(f"group {name!r}: use lower-case letters, digits, - or _")
            continue
        if not isinstance(entry, dict):
            problems.append(f"group {name!r}: needs `names` and/or `patterns`")
            continue
        unknown_keys = set(entry) - {"label", "about", "names", "patterns"}
        if unknown_keys:
            problems.append(f"group {name!r}: unknown key(s) {', '.join(sorted(unknown_keys))}")
        names = entry.get("names") or []
        patterns = entry.get("patterns") or []
        if not isinstance(names, list) or not isinstance(patterns, list):
            problems.append(f"group {name!r}: `names` and `patterns` must be lists")
            continue
        if not names and not patterns:
            problems.append(f"group {name!r}: has no `names` and no `patterns`")
        compiled = []
        for pattern in patterns:
            try:
                compiled.append(re.compile(str(pattern), re.IGNORECASE))
            except re.error as exc:
                problems.append(f"group {name!r}: pattern {pattern!r} is not a regex ({exc})")
        groups.append(
            StanceGroup(
                name=name,
                label=str(entry.get("label") or name),
                about=" ".join(str(entry.get("about") or "").split()),
                names=frozenset(" ".join(str(n).split()).lower() for n in names),
                patterns=tuple(compiled),
            )
        )
    if not groups and not problems:
        problems.append("no groups")
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise StanceTableError(
            f"{source}: {len(problems)} problem(s) in the stance table:\n{listing}"
        )
    return groups


def _source_of(item: Any) -> str:
    if isinstance(item, dict):
        return item.get("attributed_to") or ""
    return getattr(item, "attributed_to", "") or ""


def stance_group(attributed_to: str, table: StanceTable | None = None) -> str:
    """The group of one source (`government`, `opposition`, `independent`) or `unknown`."""
    return (table or StanceTable.default()).group_of(attributed_to)


def filter_by_group(items: Iterable, group: str, table: StanceTable | None = None) -> list:
    """The claims (Evidence, Claim or row dicts) whose source is in `group`.

    `group` may be `unknown`, to look at the sources the table does not know.
    Raises ValueError for a group the table does not have.
    """
    table = table or StanceTable.default()
    if group != UNKNOWN_GROUP and group not in table.groups:
        choices = ", ".join([*table.names, UNKNOWN_GROUP])
        raise ValueError(f"no source group {group!r} in {table.source}; choose one of {choices}")
    return [item for item in items if table.group_of(_source_of(item)) == group]


@dataclass(frozen=True)
class SourceCount:
    """One source of a set of claims, with its group and how much it said."""

    source: str
    group: str
    claims: int
    articles: int

    def as_row(self) -> dict:
        return {
            "source": self.source,
            "group": self.group,
            "claims": self.claims,
            "articles": self.articles,
        }


SOURCE_COLUMNS = ["source", "group", "claims", "articles"]


def source_counts(items: Iterable, table: StanceTable | None = None) -> list[SourceCount]:
    """Every source of the claims with its group, claim and article counts.

    Sorted by group (in the table's order, `unknown` last), then by most claims.
    """
    table = table or StanceTable.default()
    claims: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for item in items:
        source = _source_of(item)
        claims[source] += 1
        article = (
            item.get("article", "") if isinstance(item, dict) else getattr(item, "article", "")
        )
        articles.setdefault(source, set()).add(article or "")
    order = {name: i for i, name in enumerate([*table.names, UNKNOWN_GROUP])}
    counts = [
        SourceCount(s, table.group_of(s), n, len(articles[s] - {""})) for s, n in claims.items()
    ]
    return sorted(counts, key=lambda c: (order[c.group], -c.claims, c.source.lower()))


def unknown_sources(items: Iterable, table: StanceTable | None = None) -> list[SourceCount]:
    """The sources the table puts in no group (to be added to it), most claims first."""
    return [c for c in source_counts(items, table) if c.group == UNKNOWN_GROUP]
