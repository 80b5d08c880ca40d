"""Print figures: small multiples of control on chosen days, and the compare chart.

For outlets that cannot embed HTML: PNG (300 dpi by default) or SVG, chosen
by the file's extension. Places are drawn in metres in the UTM zone of the
gazetteer (so the scale bar is true), with the palette and labels of the
interactive map (`aleppo_map.palette`), a legend of the statuses present, a
scale bar, a north arrow, credits and a source note. Point-only places are
markers. Same input, same bytes: the SVG carries no date and a fixed hash salt.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import shapely

from .compare import MEASURES, Comparison, PlaceAreas, daily_series
from .errors import AleppoMapError
from .gazetteer import Gazetteer, default_path, metric_projector
from .palette import (
    ALEPPO_CREDIT,
    CONTESTED_HATCH,
    HATCH_COLOR,
    OUTLINE_COLOR,
    POINT_EDGE_COLOR,
    STATUS_ORDER,
    group_color,
    status_color,
    status_label,
)
from .timeline import Timeline

FORMATS = ("png", "svg")
DEFAULT_DPI = 300
MAX_PANELS = 12
WIDTH_IN = 7.2  # a two-column page, 18 cm
_NOTE_CHARS = 128  # characters of the 6.5 pt source note per line across that width
_RC = {
    "svg.hashsalt": "aleppo-map",  # fixed ids in SVG output
    "svg.fonttype": "path",
    "hatch.linewidth": 0.6,
    "font.family": "DejaVu Sans",
    "font.size": 8,
}


class FigureError(AleppoMapError, ValueError):
    """A figure cannot be drawn or saved as asked."""


def _mpl():
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        raise FigureError("figures need matplotlib: pip install matplotlib") from None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    return Figure, FigureCanvasAgg


def format_of(path: str | Path) -> str:
    """The image format of an output path (`png` or `svg`), from its extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FigureError(
            f"{str(path)!r}: give a file ending in .png or .svg (got {suffix or 'no extension'!r})"
        )
    return suffix


def save(figure, path: str | Path, dpi: int = DEFAULT_DPI) -> Path:
    """Write a figure as PNG or SVG (by extension), byte-identical for the same input."""
    import matplotlib

    path = Path(path)
    fmt = format_of(path)
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context(_RC):
        figure.savefig(path, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return path


def default_credit(gazetteer: Gazetteer) -> str:
    """The credit line for a gazetteer's polygons."""
    if Path(gazetteer.name) == default_path():
        return ALEPPO_CREDIT
    return f"Neighbourhoods: {Path(gazetteer.name).name}"


def source_note(timeline: Timeline, window_days: int | None = None, sources: str = "") -> str:
    """What the figure is drawn from: claims, articles, sources, and the policy."""
    claims = {}
    everything = [e for claims_ in timeline.by_place.values() for e in claims_]
    for e in everything + timeline.undated + timeline.city_claims:
        if e.attributed_to == "initial state" and not e.article:
            continue
        claims[(e.article, e.quote, e.status, e.via or e.place_id)] = e
    articles = {e.article for e in claims.values() if e.article}
    names = {e.attributed_to for e in claims.values() if e.attributed_to}
    policy = (
        f"the latest claim stands; claims disagreeing within {window_days} day(s) make a place "
        "contested"
        if window_days is not None
        else f"policy: {getattr(timeline.policy, '__name__', 'custom')}"
    )
    only = f" Claims from {sources} only." if sources else ""
    return (
        f"Source: {_count(len(claims), 'claim')} from {_count(len(articles), 'article')} "
        f"({_count(len(names), 'source')}), "
        f"extracted from news reports with aleppo_map; {policy}; 'no claim' means no source "
        f"named the place.{only} Reported control, not verified."
    )


def _utm_name(epsg: int) -> str:
    hemisphere = "N" if epsg < 32700 else "S"
    return f"UTM zone {epsg % 100}{hemisphere} (EPSG:{epsg})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _grid(n: int) -> tuple[int, int]:
    ncols = n if n <= 3 else (2 if n == 4 else 3)
    return math.ceil(n / ncols), ncols


def _path(geometry):
    import numpy
    from matplotlib.path import Path as MplPath

    vertices, codes = [], []
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = numpy.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(numpy.concatenate(vertices), codes)


def _nice_length(span_m: float) -> float:
    """A round scale-bar length near a quarter of `span_m` (1, 2 or 5 x 10^k metres)."""
    target = span_m / 4
    power = 10 ** math.floor(math.log10(target))
    return max(m * power for m in (1, 2, 5) if m * power <= target)


def draw_control_figure(
    timeline: Timeline,
    dates: Sequence[dt.date],
    *,
    title: str = "Reported control by neighbourhood",
    subtitle: str = "",
    credit: str | None = None,
    note: str | None = None,
    window_days: int | None = None,
):
    """Small multiples of the timeline's states on `dates`, as a matplotlib Figure.

    Parameters
    ----------
    timeline
        The states per place per day.
    dates
        The days to draw, one panel each, in the order given (1 to 12).
    title, subtitle
        Printed above the panels.
    credit
        The credit of the polygons (default: `default_credit(gazetteer)`).
    note
        The source note (default: `source_note(timeline, window_days)`).
    window_days
        The policy's window, for the default source note.
    """
    if not dates:
        raise FigureError("give at least one date to draw")
    if len(dates) > MAX_PANELS:
        raise FigureError(f"{len(dates)} dates: at most {MAX_PANELS} panels fit on a page")
    import matplotlib
    from matplotlib.collections import PatchCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, PathPatch

    Figure, FigureCanvasAgg = _mpl()
    gazetteer = timeline.gazetteer
    credit = default_credit(gazetteer) if credit is None else credit
    note = source_note(timeline, window_days) if note is None else note
    areas = PlaceAreas(gazetteer)
    minx, miny, maxx, maxy = gazetteer.bounds
    anchor = shapely.Point((minx + maxx) / 2, (miny + maxy) / 2)
    project = metric_projector(anchor)
    places = timeline.places()
    metric = {pid: project(gazetteer[pid].geometry) for pid in places}
    polygons = {pid for pid in places if areas.km2.get(pid) is not None}
    x0, y0, x1, y1 = shapely.GeometryCollection(list(metric.values())).bounds
    pad = 0.04 * max(x1 - x0, y1 - y0, 1.0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    aspect = (y1 - y0) / (x1 - x0)

    nrows, ncols = _grid(len(dates))
    margin, gap, panel_title = 0.15, 0.12, 0.22
    header = 0.42 + (0.18 if subtitle else 0.0)
    note_lines = textwrap.wrap(note, _NOTE_CHARS) + textwrap.wrap(
        f"{credit}. Projection: {_utm_name(areas.epsg)}.", _NOTE_CHARS
    )
    footer = 0.34 + 0.12 * len(note_lines) + 0.1
    panel_w = (WIDTH_IN - 2 * margin - (ncols - 1) * gap) / ncols
    panel_h = panel_w * aspect
    height = header + nrows * (panel_h + panel_title) + (nrows - 1) * gap + footer

    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, height))
        FigureCanvasAgg(fig)
        fig.text(
            margin / WIDTH_IN,
            1 - 0.1 / height,
            title,
            ha="left",
            va="top",
            fontsize=12,
            fontweight="bold",
        )
        if subtitle:
            fig.text(
                margin / WIDTH_IN,
                1 - 0.34 / height,
                subtitle,
                ha="left",
                va="top",
                fontsize=8.5,
                color="#333333",
            )
        present: set[str] = set()
        has_points = False
        for index, day in enumerate(dates):
            row, col = divmod(index, ncols)
            left = margin + col * (panel_w + gap)
            top = header + row * (panel_h + panel_title + gap) + panel_title
            ax = fig.add_axes(
                (
                    left / WIDTH_IN,
                    1 - (top + panel_h) / height,
                    panel_w / WIDTH_IN,
                    panel_h / height,
                )
            )
            ax.set_xlim(x0, x1)
            ax.set_ylim(y0, y1)
            ax.set_aspect("equal")
            ax.set_xticks([])
            ax.set_yticks([])
            for spine in ax.spines.values():
                spine.set_edgecolor("#BBBBBB")
                spine.set_linewidth(0.5)
            ax.set_title(_day_label(day), fontsize=9, loc="left", pad=3)
            states = timeline.states(day)
            by_status: dict[str, list[str]] = {}
            for pid in places:
                by_status.setdefault(states[pid].status, []).append(pid)
            for status in sorted(by_status, key=_order):
                shapes = [pid for pid in by_status[status] if pid in polygons]
                if shapes:
                    present.add(status)
                    patches = [PathPatch(_path(metric[pid])) for pid in shapes]
                    ax.add_collection(
                        PatchCollection(
                            patches,
                            facecolor=status_color(status),
                            edgecolor=OUTLINE_COLOR,
                            linewidth=0.3,
                            zorder=1,
                        )
                    )
                    if status == "contested":
                        ax.add_collection(
                            PatchCollection(
                                [PathPatch(_path(metric[pid])) for pid in shapes],
                                facecolor="none",
                                edgecolor=HATCH_COLOR,
                                hatch=CONTESTED_HATCH,
                                linewidth=0.0,
                                zorder=2,
                            )
                        )
            for status in sorted(by_status, key=_order):
                points = [pid for pid in by_status[status] if pid not in polygons]
                if points:
                    present.add(status)
                    has_points = True
                    ax.scatter(
                        [metric[pid].centroid.x for pid in points],
                        [metric[pid].centroid.y for pid in points],
                        s=16,
                        c=status_color(status),
                        edgecolors=POINT_EDGE_COLOR,
                        linewidths=0.6,
                        hatch=CONTESTED_HATCH if status == "contested" else None,
                        zorder=3,
                    )
            if index == 0:
                scale_corner, arrow_corner = _free_corners(metric.values(), x0, y0, x1, y1)
                _scale_bar(ax, scale_corner, x0, y0, x1, y1)
                _north_arrow(ax, arrow_corner, project, anchor, x0, y0, x1, y1)

        handles = []
        for status in STATUS_ORDER:
            if status in present:
                handles.append(
                    Patch(
                        facecolor=status_color(status),
                        edgecolor=HATCH_COLOR if status == "contested" else "#999999",
                        hatch=CONTESTED_HATCH if status == "contested" else None,
                        linewidth=0.4,
                        label=status_label(status),
                    )
                )
        if has_points:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="none",
                    markerfacecolor="white",
                    markeredgecolor=POINT_EDGE_COLOR,
                    markersize=5,
                    label="Point-only place (approximate)",
                )
            )
        legend_top = 1 - (height - footer + 0.06) / height
        fig.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, legend_top),
            ncol=len(handles),
            frameon=False,
            fontsize=8,
            handlelength=1.6,
            columnspacing=1.4,
        )
        fig.text(
            margin / WIDTH_IN,
            0.08 / height,
            "\n".join(note_lines),
            ha="left",
            va="bottom",
            fontsize=6.5,
            color="#444444",
            linespacing=1.35,
        )
    return fig


def _midday(day: str) -> dt.datetime:
    """A claim's marker stands in the middle of its day (the mapped step spans the day)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12))


def _order(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# The scale bar and the north arrow go where they cover the least of the city.
_CORNER_BOX = {  # (x, y) of a box's lower-left corner, and its size, in fractions of the panel
    "lower left": (0.03, 0.03),
    "lower right": (0.97 - 0.32, 0.03),
    "upper left": (0.03, 0.97 - 0.16),
    "upper right": (0.97 - 0.32, 0.97 - 0.16),
}
_BOX_SIZE = (0.32, 0.16)


def _free_corners(geometries: Iterable, x0, y0, x1, y1) -> tuple[str, str]:
    """(corner for the scale bar, corner for the north arrow): the emptiest ones."""
    city = shapely.union_all([g.buffer(0) if g.area else g.buffer(1) for g in geometries])

    def covered(corner: str) -> float:
        fx, fy = _CORNER_BOX[corner]
        box = shapely.box(
            x0 + fx * (x1 - x0),
            y0 + fy * (y1 - y0),
            x0 + (fx + _BOX_SIZE[0]) * (x1 - x0),
            y0 + (fy + _BOX_SIZE[1]) * (y1 - y0),
        )
        return box.intersection(city).area

    # ties keep the conventional places: scale bottom left, arrow top right
    scale = min(("lower left", "lower right", "upper left", "upper right"), key=covered)
    arrow = min(
        (c for c in ("upper right", "upper left", "lower right", "lower left") if c != scale),
        key=covered,
    )
    return scale, arrow


def _scale_bar(ax, corner: str, x0, y0, x1, y1) -> None:
    from matplotlib.patches import Rectangle

    length = _nice_length(x1 - x0)
    fx, fy = _CORNER_BOX[corner]
    width, height = x1 - x0, y1 - y0
    left = x0 + (fx + 0.02) * width
    if corner.endswith("right"):
        left = x0 + (fx + _BOX_SIZE[0] - 0.02) * width - length
    base = y0 + (fy + 0.03) * height
    thick = 0.012 * height
    half = length / 2
    for i, colour in enumerate(("#222222", "white")):
        ax.add_patch(
            Rectangle(
                (left + i * half, base),
                half,
                thick,
                facecolor=colour,
                edgecolor="#222222",
                linewidth=0.5,
                zorder=5,
            )
        )
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    for x, text in ((left, "0"), (left + length, label)):
        ax.text(x, base + 2 * thick, text, ha="center", va="bottom", fontsize=6.5, zorder=5)


def _north_arrow(ax, corner: str, project, anchor, x0, y0, x1, y1) -> None:
    """An arrow to true north: in UTM, grid north and true north differ by a degree or so."""
    a = project(anchor)
    b = project(shapely.Point(anchor.x, anchor.y + 0.01))
    angle = math.atan2(b.x - a.x, b.y - a.y)
    fx, fy = _CORNER_BOX[corner]
    width, height = x1 - x0, y1 - y0
    length = 0.09 * height
    tip_x = x0 + (fx + (_BOX_SIZE[0] - 0.04 if corner.endswith("right") else 0.04)) * width
    tip_y = y0 + (fy + _BOX_SIZE[1] - 0.01) * height
    tail = (tip_x - length * math.sin(angle), tip_y - length * math.cos(angle))
    ax.annotate(
        "",
        xy=(tip_x, tip_y),
        xytext=tail,
        arrowprops={
            "arrowstyle": "-|>,head_width=0.25,head_length=0.5",
            "color": "#222222",
            "linewidth": 1.0,
        },
        zorder=5,
    )
    ax.text(
        tail[0],
        tail[1] - 0.015 * height,
        "N",
        ha="center",
        va="top",
        fontsize=8,
        fontweight="bold",
        zorder=5,
    )


# -- the compare chart ----------------------------------------------------------------

_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*", "<", ">")
_PANEL_TITLES = {
    "percent": "{status}: share of the reference area (%)",
    "km2": "{status}: area (km²)",
    "neighbourhoods": "{status}: number of places",
}


def draw_compare_chart(
    comparison: Comparison,
    timeline: Timeline,
    *,
    title: str = "Reported against mapped",
    days: Iterable[dt.date] | None = None,
):
    """Claimed against mapped over time: a panel per figure, one series per source.

    The mapped value is a line over every day (from the timeline), with a band
    up to what it could be if the reference area's unknown places had the status; each source's
    claims are markers. With no city-wide claims the chart says so.
    """
    import matplotlib
    from matplotlib.dates import AutoDateLocator, DateFormatter

    Figure, FigureCanvasAgg = _mpl()
    # every dated figure is drawn, even where the map cannot give a value to set it against
    rows = [
        r for r in comparison.rows if r["claimed"] != "" and r["date"] and r["measure"] in MEASURES
    ]
    kinds = sorted({(r["measure"], r["status"]) for r in rows}, key=lambda k: (k[0], _order(k[1])))
    with matplotlib.rc_context(_RC):
        n = max(len(kinds), 1)
        sources = sorted({r["source"] for r in rows}, key=str.lower)
        legend_rows = math.ceil((len(sources) + 2) / 2)
        describe = textwrap.wrap(comparison.describe(), 140)
        bottom = 0.42 + 0.19 * legend_rows + 0.12 * len(describe) + 0.08
        height = 0.75 + 2.0 * n + bottom
        fig = Figure(figsize=(WIDTH_IN, height))
        FigureCanvasAgg(fig)
        fig.text(
            0.02, 1 - 0.08 / height, title, ha="left", va="top", fontsize=12, fontweight="bold"
        )
        fig.text(
            0.02,
            0.06 / height,
            "\n".join(describe),
            fontsize=6.5,
            color="#444444",
            ha="left",
            va="bottom",
            linespacing=1.35,
        )
        if not kinds:
            fig.text(
                0.5,
                0.5,
                "No city-wide claims to compare (percent, km², neighbourhoods).",
                ha="center",
                va="center",
                fontsize=10,
            )
            return fig
        dated = sorted(
            {e.date for cl in timeline.by_place.values() for e in cl if e.date}
            | {dt.date.fromisoformat(r["date"]) for r in rows}
        )
        if days is None:
            days = [dated[0] + dt.timedelta(k) for k in range((dated[-1] - dated[0]).days + 1)]
        days = sorted(set(days))
        marker = {s: _MARKERS[i % len(_MARKERS)] for i, s in enumerate(sources)}
        seen_labels: set[str] = set()
        handles = []
        axes = fig.subplots(n, 1, squeeze=False, sharex=True)[:, 0]
        fig.subplots_adjust(
            left=0.09, right=0.98, top=1 - 0.75 / height, bottom=bottom / height, hspace=0.4
        )
        for ax, (measure, status) in zip(axes, kinds, strict=True):
            series = daily_series(
                timeline, days, measure, status, comparison.reference, comparison.areas
            )
            series = [(d, v, u) for d, v, u in series if v is not None]
            if series:  # the last day's value holds for that whole day
                series.append((series[-1][0] + dt.timedelta(1), *series[-1][1:]))
            xs = [d for d, _, _ in series]
            ys = [v for _, v, _ in series]
            tops = [v + (u or 0) for _, v, u in series]
            band = ax.fill_between(
                xs,
                ys,
                tops,
                step="post",
                color=status_color("unknown"),
                linewidth=0,
                zorder=1,
                label="Mapped + unknown places of the reference area",
            )
            (line,) = ax.step(
                xs,
                ys,
                where="post",
                color="#222222",
                linewidth=1.4,
                zorder=2,
                label="Mapped (timeline)",
            )
            for handle in (line, band):
                if handle.get_label() not in seen_labels:
                    seen_labels.add(handle.get_label())
                    handles.append(handle)
            for source in sources:
                mine = [
                    r
                    for r in rows
                    if r["source"] == source and (r["measure"], r["status"]) == (measure, status)
                ]
                if not mine:
                    continue
                label = f"{source} ({mine[0]['group']})"
                points = ax.scatter(
                    [_midday(r["date"]) for r in mine],
                    [r["claimed"] for r in mine],
                    marker=marker[source],
                    s=36,
                    color=group_color(mine[0]["group"]),
                    edgecolors="white",
                    linewidths=0.6,
                    zorder=3,
                    label=label,
                )
                if label not in seen_labels:
                    seen_labels.add(label)
                    handles.append(points)
            ax.set_title(
                _PANEL_TITLES.get(measure, measure).format(status=status_label(status)),
                fontsize=9,
                loc="left",
            )
            if measure == "percent":
                ax.set_ylim(0, 100)
            else:
                ax.set_ylim(bottom=0)
            ax.grid(axis="y", color="#DDDDDD", linewidth=0.5)
            ax.spines[["top", "right"]].set_visible(False)
        axes[-1].set_xlim(days[0] - dt.timedelta(0.25), days[-1] + dt.timedelta(1.25))
        axes[-1].xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=8))
        axes[-1].xaxis.set_major_formatter(DateFormatter("%d %b %Y"))
        fig.legend(
            handles=handles,
            loc="upper left",
            ncol=2,
            frameon=False,
            fontsize=7.5,
            bbox_to_anchor=(0.07, (bottom - 0.36) / height),
        )
    return fig
