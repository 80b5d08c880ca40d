"""Where sources disagree: places and days, with what each side said.

A place is in disagreement on a day when

- the timeline's state that day is disputed (the claims behind it name
  different statuses: the conflict policy kept both sides), or
- sources of different stance groups name different statuses for it within
  `window_days` of each other, up to that day (whatever the policy made of it).

Consecutive days with the same disagreement (the same claims) are one row,
with a date range. The quotes of each status stand side by side in their own
column, with their source and group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .claims import STATUSES
from .sources import StanceTable
from .timeline import Evidence, Timeline

DISAGREEMENT_COLUMNS = [
    "place",
    "place_id",
    "date_from",
    "date_to",
    "state",
    "statuses",
    "kind",
    "groups",
    "sources",
    *(f"{status}_quotes" for status in STATUSES),
]


@dataclass(frozen=True)
class Disagreement:
    """One place whose sources disagree from `date_from` to `date_to` (inclusive)."""

    place_id: str
    place: str
    date_from: dt.date
    date_to: dt.date
    state: str  # the timeline's status on those days (usually contested)
    evidence: tuple[Evidence, ...]
    groups: dict[str, str]  # source -> stance group

    @property
    def statuses(self) -> list[str]:
        return sorted({e.status for e in self.evidence}, key=_status_order)

    @property
    def across_groups(self) -> bool:
        """True when the disagreeing statuses come from sources of different groups."""
        by_status: dict[str, set[str]] = {}
        for e in self.evidence:
            by_status.setdefault(e.status, set()).add(self.groups[e.attributed_to])
        sides = list(by_status.values())
        return any(a != b or len(a) > 1 for i, a in enumerate(sides) for b in sides[i + 1 :])

    def covers(self, day: dt.date) -> bool:
        return self.date_from <= day <= self.date_to

    def quotes(self, status: str) -> list[str]:
        """`source (group), date: quote` of every claim of one status."""
        seen, out = set(), []
        for e in sorted(self.evidence, key=lambda e: (e.date or dt.date.min, e.attributed_to)):
            if e.status != status:
                continue
            text = (
                f"{e.attributed_to or '(no source)'} ({self.groups[e.attributed_to]}), "
                f"{e.date.isoformat() if e.date else 'undated'}"
                f"{' via ' + e.via if e.via else ''}: {e.quote}"
            )
            if text not in seen:
                seen.add(text)
                out.append(text)
        return out

    def as_row(self) -> dict:
        row = {
            "place": self.place,
            "place_id": self.place_id,
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "state": self.state,
            "statuses": " vs ".join(self.statuses),
            "kind": "across groups" if self.across_groups else "within a group",
            "groups": "; ".join(sorted({self.groups[e.attributed_to] for e in self.evidence})),
            "sources": "; ".join(sorted({e.attributed_to for e in self.evidence})),
        }
        for status in STATUSES:
            row[f"{status}_quotes"] = " | ".join(self.quotes(status))
        return row


def _status_order(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def find_disagreements(
    timeline: Timeline,
    window_days: int = 1,
    table: StanceTable | None = None,
    days: Iterable[dt.date] | None = None,
) -> list[Disagreement]:
    """Every place and run of days where sources disagree, in place then date order.

    Parameters
    ----------
    timeline
        The states per place per day.
    window_days
        Claims this many days apart or fewer count as the same moment (use the
        timeline policy's window).
    table
        The stance table grouping the sources.
    days
        The days to look at (default: every day from the first dated claim to
        the last one).
    """
    table = table or StanceTable.default()
    if days is None:
        everything = [*(e for claims in timeline.by_place.values() for e in claims)]
        everything += timeline.city_claims  # the period runs to the last claim of any kind
        dated = sorted({e.date for e in everything if e.date})
        if not dated:
            return []
        days = [dated[0] + dt.timedelta(n) for n in range((dated[-1] - dated[0]).days + 1)]
    days = sorted(set(days))
    found = []
    order = {pid: i for i, pid in enumerate(timeline.places())}
    for place_id in sorted(timeline.by_place, key=lambda p: order.get(p, len(order))):
        if place_id not in order:
            continue
        claims = timeline.by_place[place_id]
        current: Disagreement | None = None
        for day in days:
            state = timeline.state(place_id, day)
            evidence = _disagreeing(state.evidence, claims, day, window_days, table)
            if evidence and current is not None and set(evidence) == set(current.evidence):
                if current.state == state.status and (day - current.date_to).days == 1:
                    current = _extend(current, day)
                    continue
            if current is not None:
                found.append(current)
                current = None
            if evidence:
                groups = {e.attributed_to: table.group_of(e.attributed_to) for e in evidence}
                current = Disagreement(
                    place_id,
                    timeline.gazetteer[place_id].name,
                    day,
                    day,
                    state.status,
                    evidence,
                    groups,
                )
        if current is not None:
            found.append(current)
    return found


def _disagreeing(
    behind_state: tuple[Evidence, ...],
    claims: list[Evidence],
    day: dt.date,
    window_days: int,
    table: StanceTable,
) -> tuple[Evidence, ...]:
    """The claims that disagree about a place on `day`, or () when they agree."""
    if len({e.status for e in behind_state}) > 1:
        return tuple(behind_state)
    # Across groups within the window, whatever the policy kept.
    dated = [c for c in claims if c.date is not None and c.date <= day]
    if not dated:
        return ()
    latest = max(c.date for c in dated)
    recent = [c for c in dated if (latest - c.date).days <= window_days]
    by_status: dict[str, set[str]] = {}
    for c in recent:
        by_status.setdefault(c.status, set()).add(table.group_of(c.attributed_to))
    if len(by_status) < 2:
        return ()
    sides = list(by_status.values())
    across = any(a != b or len(a) > 1 for i, a in enumerate(sides) for b in sides[i + 1 :])
    return tuple(recent) if across else ()


def _extend(found: Disagreement, day: dt.date) -> Disagreement:
    return Disagreement(
        found.place_id,
        found.place,
        found.date_from,
        day,
        found.state,
        found.evidence,
        found.groups,
    )


def disputed_places(disagreements: Iterable[Disagreement], day: dt.date) -> set[str]:
    """The places in disagreement on `day` (for markers on the map)."""
    return {d.place_id for d in disagreements if d.covers(day)}


def format_disagreements(disagreements: list[Disagreement]) -> str:
    """The disagreements as text for a terminal: one block per place and date range."""
    blocks = []
    for d in disagreements:
        span = (
            d.date_from.isoformat()
            if d.date_from == d.date_to
            else f"{d.date_from.isoformat()} to {d.date_to.isoformat()}"
        )
        row = d.as_row()
        lines = [
            f"{d.place} [{d.place_id}]  {span}  state: {d.state}  "
            f"({row['statuses']}, {row['kind']})"
        ]
        for status in d.statuses:
            lines.append(f"  {status}:")
            lines.extend(f"    - {quote}" for quote in d.quotes(status))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
