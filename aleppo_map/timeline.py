"""Claims to a state per place per date, keeping disagreements visible.

The conflict policy is a named, swappable function: it gets the dated claims
about one place up to a day and returns the status and the claims behind it.
The default, `latest_claim_wins`, lets the most recent claim stand; claims that
disagree within a small window of days make the place `contested`, with every
side kept as evidence. Places nobody made a claim about are `unknown`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._tables import read_rows
from .claims import STATUSES
from .errors import AleppoMapError
from .gazetteer import Gazetteer

UNKNOWN = "unknown"


class ClaimsFileError(AleppoMapError, ValueError):
    """A claims table cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class Evidence:
    """One claim as the timeline uses it (a row of the claims table)."""

    place_id: str
    status: str
    date: dt.date | None
    attributed_to: str = ""
    outlet: str = ""
    url: str = ""
    quote: str = ""
    article: str = ""
    via: str = ""  # the group the claim named, when it reaches a place through it
    row: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class PlaceState:
    """The state of one place on one day, and the claims behind it."""

    place_id: str
    status: str
    as_of: dt.date | None  # the day of the claims that decided it
    evidence: tuple[Evidence, ...] = ()

    @property
    def disputed(self) -> bool:
        """True when the claims behind the state name different sides."""
        return len({e.status for e in self.evidence}) > 1


Policy = Callable[[Sequence[Evidence], dt.date], tuple[str, tuple[Evidence, ...]]]


def latest_claim_wins(window_days: int = 1) -> Policy:
    """The most recent claim stands; disagreement within `window_days` makes it contested.

    Claims dated within `window_days` before the latest one count as the same
    moment: if they name different statuses, the place is `contested` and all
    of them are the evidence.
    """

    def policy(claims: Sequence[Evidence], at: dt.date) -> tuple[str, tuple[Evidence, ...]]:
        dated = [c for c in claims if c.date is not None and c.date <= at]
        if not dated:
            return UNKNOWN, ()
        latest = max(c.date for c in dated)
        recent = tuple(c for c in dated if (latest - c.date).days <= window_days)
        statuses = {c.status for c in recent}
        status = statuses.pop() if len(statuses) == 1 else "contested"
        return status, recent

    # The result depends only on which claims are dated on or before `at`, so
    # the timeline may reuse a state until the place's next claim date.
    policy.stepwise = True
    policy.__name__ = f"latest_claim_wins(window_days={window_days})"
    days = "the same day" if window_days == 0 else f"{window_days} day(s) of each other"
    policy.description = (
        "On each date the most recent claim about a place stands; claims that disagree "
        f"within {days} make it contested, and a place nobody made a claim about is unknown."
    )
    return policy


class Timeline:
    """States of every place of a gazetteer over time, from claims.

    Parameters
    ----------
    claims
        Evidence records (see `read_claims`); city-wide and undated claims are
        kept aside (`city_claims`, `undated`).
    gazetteer
        The places; a claim about a group reaches each of its members.
    policy
        The conflict policy (default `latest_claim_wins()`).
    initial
        Known states at the start, place id -> (status, date), e.g. the
        eastern districts rebel-held on 15 November.
    """

    def __init__(
        self,
        claims: Iterable[Evidence],
        gazetteer: Gazetteer,
        policy: Policy | None = None,
        initial: dict[str, tuple[str, dt.date]] | None = None,
    ):
        self.gazetteer = gazetteer
        self.policy = policy or latest_claim_wins()
        self.claims = list(claims)  # as given, for `only`
        self.initial = dict(initial or {})
        self.by_place: dict[str, list[Evidence]] = {}
        self.city_claims: list[Evidence] = []
        self.undated: list[Evidence] = []
        for claim in self.claims:
            if claim.place_id not in gazetteer:
                self.city_claims.append(claim)
                continue
            if claim.date is None:
                self.undated.append(claim)
                continue
            place = gazetteer[claim.place_id]
            targets = place.members or (place.id,)
            for target in targets:
                via = place.id if place.members else ""
                self.by_place.setdefault(target, []).append(
                    replace(claim, place_id=target, via=via)
                )
        for place_id, (status, date) in (initial or {}).items():
            self.by_place.setdefault(place_id, []).insert(
                0, Evidence(place_id, status, date, attributed_to="initial state")
            )

    @classmethod
    def from_claims(
        cls,
        claims: Iterable,
        gazetteer: Gazetteer,
        policy: Policy | None = None,
        initial: dict[str, tuple[str, dt.date]] | None = None,
    ) -> Timeline:
        """A timeline straight from extracted `Claim` objects (`extract_claims`)."""
        return cls(evidence_from_claims(claims, gazetteer), gazetteer, policy, initial)

    def places(self) -> list[str]:
        """Ids of the places drawn: every place that is not a group."""
        return [p.id for p in self.gazetteer if not p.members]

    def state(self, place_id: str, at: dt.date) -> PlaceState:
        """The state of one place on day `at`."""
        status, evidence = self.policy(self.by_place.get(place_id, ()), at)
        as_of = max((e.date for e in evidence if e.date), default=None)
        return PlaceState(place_id, status, as_of, evidence)

    def states(self, at: dt.date) -> dict[str, PlaceState]:
        """The state of every drawn place on day `at`."""
        return {pid: self.state(pid, at) for pid in self.places()}

    def runs(self, days: Sequence[dt.date]) -> dict[str, list[PlaceState]]:
        """The state of every drawn place on each of `days` (in order).

        With a stepwise policy (one whose result changes only when a claim
        date is passed, like `latest_claim_wins`), a place's state is worked
        out once per claim date instead of once per day.
        """
        stepwise = getattr(self.policy, "stepwise", False)
        runs = {}
        for pid in self.places():
            claim_days = sorted({e.date for e in self.by_place.get(pid, ()) if e.date})
            states, last_key, last = [], None, None
            for day in days:
                key = bisect.bisect_right(claim_days, day) if stepwise else day
                if key != last_key:
                    last, last_key = self.state(pid, day), key
                states.append(last)
            runs[pid] = states
        return runs

    def change_dates(self) -> list[dt.date]:
        """The days on which some place's state changes, in order."""
        days = sorted({e.date for claims in self.by_place.values() for e in claims if e.date})
        runs = self.runs(days)
        return [
            day
            for i, day in enumerate(days)
            if i == 0 or any(r[i].status != r[i - 1].status for r in runs.values())
        ]

    def only(self, keep: Callable[[Evidence], bool]) -> Timeline:
        """The same timeline from the claims `keep` accepts (initial states stay)."""
        return Timeline(
            [c for c in self.claims if keep(c)], self.gazetteer, self.policy, self.initial
        )

    def to_rows(self, at: dt.date) -> list[dict]:
        """One row per place on day `at`, for CSV (Excel) and GeoJSON (QGIS)."""
        rows = []
        for pid, state in self.states(at).items():
            place = self.gazetteer[pid]
            rows.append(
                {
                    "place": place.name,
                    "place_id": pid,
                    "name_ar": place.name_ar or "",
                    "status": state.status,
                    "at": at.isoformat(),
                    "as_of": state.as_of.isoformat() if state.as_of else "",
                    "disputed": state.disputed,
                    "claims": len(state.evidence),
                    "sources": "; ".join(sorted({e.attributed_to for e in state.evidence})),
                    "precision": place.precision,
                    "lat": place.lat,
                    "lon": place.lon,
                }
            )
        return rows

    def to_geodataframe(self, at: dt.date):
        """The states on day `at` as a GeoDataFrame (EPSG:4326), one row per place."""
        import geopandas

        rows = self.to_rows(at)
        geometry = [self.gazetteer[r["place_id"]].geometry for r in rows]
        return geopandas.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")


def read_claims(path: str | Path, gazetteer: Gazetteer) -> list[Evidence]:
    """Claims from a CSV (from `extract`, or curated by hand), checked row by row.

    Needs `status` and `place_id` or `place` (a name the gazetteer resolves);
    `date` may be empty (the claim is kept as undated). Every problem in the
    file is reported at once in one `ClaimsFileError`.
    """
    path = Path(path)
    return claims_from_rows(read_rows(path, ClaimsFileError, "claims"), gazetteer, str(path))


def claims_from_rows(rows: Sequence[dict], gazetteer: Gazetteer, where: str) -> list[Evidence]:
    """Evidence from claim rows (`Claim.as_row()` or a CSV's), checked like `read_claims`.

    `where` names the rows' origin in error messages.
    """
    if not rows:
        raise ClaimsFileError(f"{where}: no claims in the file")
    columns = set(rows[0])
    if "status" not in columns or not columns & {"place_id", "place"}:
        raise ClaimsFileError(
            f"{where}: needs a 'status' column and 'place_id' or 'place'; "
            f"it has {', '.join(sorted(c for c in columns if c))}"
        )
    claims, problems = [], []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        status = (row.get("status") or "").strip().lower()
        if status not in STATUSES:
            problems.append(f"line {number}: status {status!r} is not one of {', '.join(STATUSES)}")
            continue
        place_id = (row.get("place_id") or "").strip()
        if place_id == "city" or (row.get("scope") or "") == "city":
            place_id = "city"
        elif place_id not in gazetteer:
            name = (row.get("place") or place_id).strip()
            place = gazetteer.resolve(name) if name else None
            if place is None:
                problems.append(f"line {number}: unknown place {name or place_id!r}")
                continue
            place_id = place.id
        raw_date = (row.get("date") or "").strip()
        date = None
        if raw_date:
            try:
                date = dt.date.fromisoformat(raw_date[:10])
            except ValueError:
                problems.append(f"line {number}: date {raw_date!r} is not YYYY-MM-DD")
                continue
        claims.append(
            Evidence(
                place_id=place_id,
                status=status,
                date=date,
                attributed_to=(row.get("attributed_to") or "").strip(),
                outlet=(row.get("outlet") or "").strip(),
                url=(row.get("url") or "").strip(),
                quote=(row.get("quote") or "").strip(),
                article=(row.get("article") or "").strip(),
                row=row,
            )
        )
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems)
        raise ClaimsFileError(f"{where}: {len(problems)} problem(s):\n{listing}")
    return claims


def evidence_from_claims(claims: Iterable, gazetteer: Gazetteer) -> list[Evidence]:
    """Evidence from extracted `Claim` objects.

    They go through the same checks as a claims CSV, as the same text, so this
    equals writing them with `extract` and reading the file back.
    """
    rows = [{k: "" if v is None else str(v) for k, v in claim.as_row().items()} for claim in claims]
    return claims_from_rows(rows, gazetteer, "extracted claims") if rows else []


def read_initial(path: str | Path, gazetteer: Gazetteer) -> dict[str, tuple[str, dt.date]]:
    """Known states at the start from a CSV with `place_id` (or `place`), `status`, `date`."""
    evidence = read_claims(path, gazetteer)
    missing = [e.place_id for e in evidence if e.date is None]
    if missing:
        raise ClaimsFileError(f"{path}: the initial state needs a date for {', '.join(missing)}")
    initial = {}
    for e in evidence:
        place = gazetteer.get(e.place_id)
        for pid in (place.members or (place.id,)) if place else ():
            initial[pid] = (e.status, e.date)
    return initial
