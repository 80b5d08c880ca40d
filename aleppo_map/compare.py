"""Reported against mapped: each city-wide figure next to what the timeline says that day.

A source says "98 percent of eastern Aleppo", "rebels hold 4 square km", "six
neighbourhoods remain". For each such claim the same quantity is computed from
the timeline on the claim's date:

- `percent`: the share (%) of the *reference area* whose state is the claim's
  status (government for "the army holds 98 percent", rebels for "7 percent
  remains under rebel control");
- `km2`: the area (km²) of every place whose state is the claim's status;
- `neighbourhoods`: the number of places whose state is the claim's status.

Areas are computed in metres in the UTM zone of the gazetteer's centre
(EPSG:32637, UTM 37N, for Aleppo), never in degrees. Point-only places have no
area: they are counted (`point_places`), never given an invented one.

Each row also says how much of the reference area is `unknown` (and
`contested`) that day, so a gap in the map is not read as agreement.

The reference area is what was rebel-held at the start:

- with an initial state (`Timeline(initial=...)`, `--initial FILE`), the places
  it gives as rebel-held;
- without one, every place the claims ever report as rebel-held or contested,
  or as captured by the government (a capture cue: took, captured, fell to,
  the fall of, was retaken, withdrew from; see `CAPTURE_RULES`). A claim that
  the government merely holds a place ("government-held", "in control of")
  does not say the place was ever rebel-held, so it does not count. This works
  on any gazetteer, but it only knows the places the articles name: the
  default reference is smaller than the real enclave, and a front line reported
  "contested" may run on the government's side. Give `--initial` when the
  start is known.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import shapely

from .gazetteer import Gazetteer, metric_projector
from .sources import StanceTable
from .timeline import UNKNOWN, Evidence, Timeline

MEASURES = {"percent": "%", "km2": "km²", "neighbourhoods": "places"}

# Cues (the `rule` column of extract) that report a capture by the government:
# the place was not the government's before.
CAPTURE_RULES = frozenset({"capture", "fall-of", "passive-capture", "fell-to", "withdrawal"})

COMPARE_COLUMNS = [
    "date",
    "source",
    "group",
    "status",
    "measure",
    "claimed",
    "mapped",
    "difference",
    "unit",
    "unknown_share",
    "contested_share",
    "reference_km2",
    "reference_places",
    "point_places",
    "article",
    "quote",
    "note",
]


def utm_epsg(lon: float, lat: float) -> int:
    """The EPSG code of the UTM zone of a point (32637 for Aleppo).

    The same zone `gazetteer.metric_projector` projects to.
    """
    zone = int(math.floor((lon + 180) / 6)) + 1
    return (32600 if lat >= 0 else 32700) + zone


class PlaceAreas:
    """The area (km²) of every drawn place of a gazetteer, in its UTM zone.

    Groups are drawn through their members; point-only places have no area
    (`None`).
    """

    def __init__(self, gazetteer: Gazetteer):
        minx, miny, maxx, maxy = gazetteer.bounds
        anchor = shapely.Point((minx + maxx) / 2, (miny + maxy) / 2)
        self.epsg = utm_epsg(anchor.x, anchor.y)
        project = metric_projector(anchor)
        self.km2: dict[str, float | None] = {}
        for place in gazetteer:
            if place.members:
                continue
            if place.geometry.geom_type in ("Polygon", "MultiPolygon") and place.geometry.area > 0:
                self.km2[place.id] = project(place.geometry).area / 1e6
            else:
                self.km2[place.id] = None

    def total(self, place_ids: Iterable[str]) -> float:
        """The summed area (km²) of places; point-only places add nothing."""
        return sum(self.km2.get(pid) or 0.0 for pid in place_ids)

    def points(self, place_ids: Iterable[str]) -> int:
        """How many of the places have no area (point-only places)."""
        return sum(1 for pid in place_ids if pid in self.km2 and self.km2[pid] is None)


@dataclass(frozen=True)
class Reference:
    """The area the percentages are of: what was rebel-held at the start."""

    place_ids: frozenset[str]
    basis: str  # "initial state", "claims" or "given"

    def describe(self, areas: PlaceAreas) -> str:
        points = areas.points(self.place_ids)
        point_note = f", {points} of them point-only (no area)" if points else ""
        how = {
            "initial state": "rebel-held in the initial state",
            "claims": "places the claims report as rebel-held, contested or captured by the "
            "government; --initial gives the real start",
            "given": "places given",
        }[self.basis]
        return (
            f"reference area: {len(self.place_ids)} places{point_note}, "
            f"{areas.total(self.place_ids):.2f} km² ({how}); areas in EPSG:{areas.epsg}"
        )


def reference_places(
    timeline: Timeline, initial: dict[str, tuple[str, dt.date]] | None = None
) -> Reference:
    """The places rebel-held at the start (see the module's docstring for the default)."""
    drawn = set(timeline.places())
    if initial is not None:
        ids = {pid for pid, (status, _) in initial.items() if status == "rebels"}
        return Reference(frozenset(ids & drawn), "initial state")
    ids = set()
    undated = []
    for claim in timeline.undated:
        place = timeline.gazetteer.get(claim.place_id)
        for pid in (place.members or (place.id,)) if place else ():
            undated.append((pid, claim))
    everything = [(pid, e) for pid, claims in timeline.by_place.items() for e in claims]
    for pid, claim in everything + undated:
        if _was_rebel_held(claim):
            ids.add(pid)
    return Reference(frozenset(ids & drawn), "claims")


def _was_rebel_held(claim: Evidence) -> bool:
    if claim.status in ("rebels", "contested"):
        return True
    return claim.status == "government" and (claim.row.get("rule") or "") in CAPTURE_RULES


@dataclass(frozen=True)
class Mapped:
    """What the timeline says on one day about one status."""

    value: float | None  # in the measure's unit; None when it cannot be computed
    unknown_share: float | None  # % of the reference area
    contested_share: float | None
    point_places: int  # places with the status that have no area
    note: str = ""


def mapped_quantity(
    statuses: dict[str, str],
    measure: str,
    status: str,
    reference: Reference,
    areas: PlaceAreas,
) -> Mapped:
    """The mapped value of `measure` for `status`, given each place's status that day."""
    ref = [pid for pid in reference.place_ids if pid in statuses]
    ref_km2 = areas.total(ref)
    with_status = [pid for pid, s in statuses.items() if s == status]

    def share(wanted: str) -> float | None:
        if ref_km2 <= 0:
            return None
        return 100 * areas.total(p for p in ref if statuses[p] == wanted) / ref_km2

    unknown, contested = share(UNKNOWN), share("contested")
    points = areas.points(with_status)
    if measure == "percent":
        points = areas.points(p for p in ref if statuses[p] == status)
        if ref_km2 <= 0:
            return Mapped(None, None, None, points, "the reference area is empty")
        value = share(status)
        note = f"{points} point-only place(s) with this status have no area" if points else ""
    elif measure == "km2":
        value = areas.total(with_status)
        note = f"{points} point-only place(s) with this status have no area" if points else ""
    elif measure == "neighbourhoods":
        value = float(len(with_status))
        note = f"counts {points} point-only place(s)" if points else ""
    else:
        return Mapped(None, unknown, contested, 0, f"measure {measure!r} is not compared")
    return Mapped(value, unknown, contested, points, note)


@dataclass
class Comparison:
    """The rows of the compare table, and what they were computed against."""

    rows: list[dict]
    reference: Reference
    areas: PlaceAreas
    notes: list[str] = field(default_factory=list)

    def frame(self):
        """The rows as a pandas DataFrame with `COMPARE_COLUMNS`."""
        import pandas

        return pandas.DataFrame(self.rows, columns=COMPARE_COLUMNS)

    def describe(self) -> str:
        return self.reference.describe(self.areas)


def compare_claims(
    timeline: Timeline,
    initial: dict[str, tuple[str, dt.date]] | None = None,
    table: StanceTable | None = None,
    reference: Reference | None = None,
    areas: PlaceAreas | None = None,
) -> Comparison:
    """Every city-wide claim of the timeline, with the mapped value on its date.

    Parameters
    ----------
    timeline
        The states per place per day; its `city_claims` are compared.
    initial
        The initial state the timeline was built with, to take the reference
        area from (places rebel-held in it). Without it, see `reference_places`.
    table
        The stance table that groups the sources (default: the packaged one).
    reference
        The reference area, overriding `initial` (e.g. computed from all
        claims while the timeline holds one group's claims only).
    areas
        Precomputed place areas of the timeline's gazetteer.
    """
    table = table or StanceTable.default()
    areas = areas or PlaceAreas(timeline.gazetteer)
    reference = reference or reference_places(timeline, initial)
    states_on: dict[dt.date, dict[str, str]] = {}
    rows, seen = [], set()
    for claim in timeline.city_claims:
        measure = (claim.row.get("measure") or "").strip()
        raw_value = str(claim.row.get("value") or "").strip()
        key = (claim.date, claim.attributed_to, claim.status, measure, raw_value, claim.article)
        if key in seen:  # the same figure, source and article: a headline and its lede
            continue
        seen.add(key)
        claimed = _number(raw_value)
        mapped, note = None, ""
        if claim.date is None:
            note = "undated: nothing to compare on"
        elif not measure:
            note = "no measure"
        elif claimed is None:
            note = f"value {raw_value!r} is not a number"
        if not note:
            if claim.date not in states_on:
                states_on[claim.date] = {
                    pid: s.status for pid, s in timeline.states(claim.date).items()
                }
            mapped = mapped_quantity(states_on[claim.date], measure, claim.status, reference, areas)
            note = mapped.note
        value = _round(mapped.value if mapped else None, measure)
        rows.append(
            {
                "date": claim.date.isoformat() if claim.date else "",
                "source": claim.attributed_to,
                "group": table.group_of(claim.attributed_to),
                "status": claim.status,
                "measure": measure,
                "claimed": claimed if claimed is not None else "",
                "mapped": value if value is not None else "",
                "difference": _round(value - claimed, measure)
                if value is not None and claimed is not None
                else "",
                "unit": MEASURES.get(measure, ""),
                "unknown_share": _round(mapped.unknown_share, "percent") if mapped else "",
                "contested_share": _round(mapped.contested_share, "percent") if mapped else "",
                "reference_km2": round(areas.total(reference.place_ids), 2),
                "reference_places": len(reference.place_ids),
                "point_places": mapped.point_places if mapped else "",
                "article": claim.article,
                "quote": claim.quote,
                "note": note,
            }
        )
    rows.sort(key=lambda r: (r["date"] or "9999", r["measure"], r["status"], r["source"].lower()))
    notes = []
    if not rows:
        notes.append("no city-wide claims (percent, km², neighbourhoods) to compare")
    return Comparison(rows, reference, areas, notes)


def daily_series(
    timeline: Timeline,
    days: Sequence[dt.date],
    measure: str,
    status: str,
    reference: Reference,
    areas: PlaceAreas,
) -> list[tuple[dt.date, float | None, float | None]]:
    """(day, mapped value, unknown amount in the same unit) for each day, for the chart.

    The unknown amount is how much the mapped value could still grow if the
    unknown places of the reference area turned out to have the status: share
    points for `percent`, km² for `km2`, places for `neighbourhoods`.
    """
    out = []
    for day in days:
        statuses = {pid: s.status for pid, s in timeline.states(day).items()}
        mapped = mapped_quantity(statuses, measure, status, reference, areas)
        unknown = [p for p in reference.place_ids if statuses.get(p) == UNKNOWN]
        if measure == "percent":
            extra = mapped.unknown_share
        elif measure == "km2":
            extra = areas.total(unknown)
        elif measure == "neighbourhoods":
            extra = float(len(unknown))
        else:
            extra = None
        out.append((day, mapped.value, extra))
    return out


def format_table(comparison: Comparison) -> str:
    """The compare table as aligned text for a terminal."""
    header = ["date", "source", "group", "figure", "claimed", "mapped", "diff", "unknown", "note"]
    lines = []
    for r in comparison.rows:
        unit = r["unit"]
        lines.append(
            [
                r["date"] or "undated",
                r["source"] or "(no source)",
                r["group"],
                f"{r['measure'] or '?'} {r['status']}",
                _with_unit(r["claimed"], unit),
                _with_unit(r["mapped"], unit),
                f"{r['difference']:+g}" if r["difference"] != "" else "-",
                f"{r['unknown_share']:g}%" if r["unknown_share"] != "" else "-",
                r["note"],
            ]
        )
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(len(header))]
    text = [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *lines]
    ]
    return "\n".join(text) + "\n"


def _with_unit(value, unit: str) -> str:
    if value == "" or value is None:
        return "-"
    return f"{value:g}%" if unit == "%" else f"{value:g} {unit}"


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _round(value: float | None, measure: str) -> float | None:
    if value is None:
        return None
    return round(value, 2 if measure == "km2" else 1)
