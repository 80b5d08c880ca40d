"""The interactive control map: one self-contained HTML file (folium/Leaflet).

The file stays small however many dates it covers: each place's geometry is
written once (Google's encoded polyline at 1e-5 degrees), its state on every
date is one letter, and the evidence is one table of claims that places refer
to by number, only on the dates their evidence changes. The page's own code is
`static/control_map.js`; it puts article text on the page as text, never HTML.

Same inputs, same bytes: folium's random element ids are replaced by ids
derived from the map's data while the map is built.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import itertools
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import branca.element
import folium
import numpy
import shapely

from .documents import INFERRED_SOURCES
from .errors import AleppoMapError
from .palette import (
    CONTESTED_HATCH_ANGLE,
    HATCH_COLOR,
    STATUS_COLORS,
    STATUS_LABELS,
    STATUS_ORDER,
    default_title,
)
from .sources import UNKNOWN_GROUP, StanceTable
from .timeline import UNKNOWN, Timeline

# One letter per status in the per-date state strings.
CODES = {"government": "g", "rebels": "r", "kurdish": "k", "contested": "c", UNKNOWN: "u"}

LEAFLET_VERSION = "1.9.3"  # the version folium links; --inline-assets must match it
LEAFLET_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"

# Base maps: a light grey one suits an article; the others are a click away.
TILES = {
    "light": (
        "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
        "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}",
        "Light grey (Esri)",
        "Tiles &copy; Esri &mdash; Esri, DeLorme, NAVTEQ",
        16,
    ),
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "OpenStreetMap",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        19,
    ),
    "satellite": (
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/"
        "MapServer/tile/{z}/{y}/{x}",
        "Satellite (Esri)",
        "Tiles &copy; Esri &mdash; Source: Esri, Maxar, Earthstar Geographics",
        18,
    ),
}

PLAY_INTERVAL_MS = 900  # between dates when the slider plays
HATCH_ID = "am-hatch-contested"


class RenderError(AleppoMapError, ValueError):
    """The map cannot be made as asked (e.g. missing offline assets)."""


# -- data ----------------------------------------------------------------------


def encode_polyline(points) -> str:
    """Encode (lon, lat) points with Google's polyline algorithm at 1e-5 degrees.

    Each coordinate is the difference from the previous one, so neighbouring
    vertices cost two to four characters instead of two full numbers.
    """
    coords = numpy.asarray(points, dtype=float).reshape(-1, 2)
    if not len(coords):
        return ""
    scaled = numpy.round(coords[:, ::-1] * 1e5).astype(numpy.int64)  # (lat, lon) integers
    deltas = numpy.diff(scaled, axis=0, prepend=0).ravel()
    zigzag = numpy.where(deltas < 0, ~(deltas << 1), deltas << 1).tolist()
    out = []
    for value in zigzag:
        while value >= 0x20:
            out.append(chr((0x20 | (value & 0x1F)) + 63))
            value >>= 5
        out.append(chr(value + 63))
    return "".join(out)


def _polygons(geometry) -> list[list[str]]:
    """A (multi)polygon as a list of polygons, each a list of encoded rings."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        rings = [part.exterior, *part.interiors]
        # The closing vertex repeats the first; Leaflet closes rings itself.
        polygons.append([encode_polyline(shapely.get_coordinates(ring)[:-1]) for ring in rings])
    return polygons


def _claim_flags(evidence) -> list[str]:
    """What a reader should know about how sure a claim is (shown under it)."""
    row, flags = evidence.row, []
    if row.get("published_source") in INFERRED_SOURCES:
        flags.append("publication date inferred from the text")
    if row.get("date_source") == "article":
        flags.append("no date in the sentence: dated by the day the article reports on")
    elif row.get("date_source") == "previous sentence":
        flags.append("no date in the sentence: dated by the sentence before")
    if row.get("match") == "fuzzy":
        flags.append("place name matched approximately")
    if row.get("match") == "geocoded" or row.get("precision") == "point":
        flags.append("approximate location")
    return flags


def run_length(letters: str) -> str:
    """ "uuuugg" -> "u4g2": most places keep a state for many dates in a row."""
    return "".join(f"{letter}{len(list(run))}" for letter, run in itertools.groupby(letters))


def group_views(timeline: Timeline, table: StanceTable) -> list[tuple[str, Timeline]]:
    """All sources, then one view per stance group that made claims (if more than one did)."""
    by_group: dict[str, int] = {}
    for claim in timeline.claims:
        group = table.group_of(claim.attributed_to)
        by_group[group] = by_group.get(group, 0) + 1
    views = [("All sources", timeline)]
    if len(by_group) > 1:
        for group in [*table.names, UNKNOWN_GROUP]:
            if group in by_group:
                label = table.label(group) if group != UNKNOWN_GROUP else "Unknown sources"
                views.append(
                    (label, timeline.only(lambda e, g=group: table.group_of(e.attributed_to) == g))
                )
    return views


def compare_panel(timeline: Timeline, table: StanceTable) -> dict:
    """The claimed-against-mapped rows for the map's panel (see aleppo_map.compare)."""
    from .compare import MEASURES, compare_claims

    if not timeline.city_claims:
        return {"rows": [], "note": "No city-wide figures (percent, km², counts) in these claims."}
    comparison = compare_claims(timeline, timeline.initial or None, table)

    def amount(value, unit: str) -> str:
        if value in ("", None):
            return "–"
        return f"{value:g}{unit}" if unit == "%" else f"{value:g} {unit}"

    rows = []
    for row in comparison.rows:
        unit = MEASURES.get(row["measure"], "")
        what = {"percent": "share", "km2": "area", "neighbourhoods": "places"}.get(
            row["measure"], row["measure"]
        )
        unknown = row["unknown_share"]
        rows.append(
            [
                row["date"],
                row["source"],
                f"{STATUS_LABELS.get(row['status'], row['status'])} {what}",
                amount(row["claimed"], unit),
                amount(row["mapped"], unit),
                "–" if unknown in ("", None) else f"{unknown:g}%",
            ]
        )
    return {"rows": rows, "note": comparison.describe()}


def map_data(
    views: Sequence[tuple[str, Timeline]],
    dates: Sequence[dt.date],
    start: int,
    title: str,
    subtitle: str,
    about: Sequence[str],
    compare: dict | None = None,
) -> dict:
    """Everything the page needs, as plain JSON-ready values (see control_map.js).

    Each view (all sources, then each group of sources) has one run-length
    string of status letters per place, upper case where the claims behind
    the state disagree, and its evidence segments; the claims table is shared.
    """
    timeline = views[0][1]
    gazetteer = timeline.gazetteer
    claims: list[list] = []
    claim_ids: dict[str, int] = {}
    by_evidence: dict = {}  # Evidence -> id: most evidence recurs on many dates

    def claim_id(e) -> int:
        known = by_evidence.get(e)
        if known is not None:
            return known
        flags = _claim_flags(e)
        via = gazetteer[e.via].name if e.via in gazetteer else e.via
        record = [
            e.date.isoformat() if e.date else "",
            CODES[e.status],
            e.attributed_to,
            e.outlet,
            e.url,
            e.quote,
            e.article,
            flags,
            via,
        ]
        key = json.dumps(record, ensure_ascii=False)
        if key not in claim_ids:
            claim_ids[key] = len(claims)
            claims.append(record)
        by_evidence[e] = claim_ids[key]
        return claim_ids[key]

    places = []
    for place_id in timeline.places():
        place = gazetteer[place_id]
        entry = {"id": place.id, "n": place.name, "a": place.name_ar or ""}
        if place.geometry.geom_type in ("Polygon", "MultiPolygon"):
            entry["g"] = _polygons(place.geometry)
        else:
            point = place.point
            entry["pt"] = [round(point.y, 5), round(point.x, 5)]
        if place.precision != "point":
            marker = place.point  # where a disagreement is marked
            entry["m"] = [round(marker.y, 5), round(marker.x, 5)]
        places.append(entry)

    used = set()
    view_data = []
    for name, view in views:
        runs = view.runs(dates)
        states, segments = [], []
        for place_id in view.places():
            letters, place_segments, previous = [], [], None
            last_state, letter = None, ""
            for index, state in enumerate(runs[place_id]):
                if state is not last_state:  # runs repeat one object until a claim date
                    code = CODES[state.status]
                    letter = code.upper() if state.disputed else code
                    used.add(state.status)
                    ids = sorted({claim_id(e) for e in state.evidence})
                    if ids != previous:
                        place_segments.append([index, ids])
                        previous = ids
                    last_state = state
                letters.append(letter)
            states.append(run_length("".join(letters)))
            segments.append(place_segments)
        n_claims = sum(1 for c in view.claims if c.place_id in gazetteer and c.date)
        view_data.append({"name": name, "n": n_claims, "s": states, "e": segments})

    legend = [CODES[s] for s in STATUS_ORDER if s in used or s == UNKNOWN]
    return {
        "title": title,
        "subtitle": subtitle,
        "about": list(about),
        "dates": [d.isoformat() for d in dates],
        "start": start,
        "interval": PLAY_INTERVAL_MS,
        "hatch": HATCH_ID,
        "statuses": {
            CODES[s]: {
                "name": s,
                "label": STATUS_LABELS[s],
                "colour": STATUS_COLORS[s],
                "outline": HATCH_COLOR,
            }
            for s in STATUS_ORDER
        },
        "legend": legend,
        "places": places,
        "views": view_data,
        "c": claims,
        "compare": compare or {"rows": [], "note": ""},
    }


# Jinja's openers `{{`, `{%`, `{#` never occur in JSON's own syntax (an object
# opens with `"` or `}`), so a `{` before `{`, `%` or `#` is always in a string.
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def script_json(value) -> str:
    """JSON that is safe inside a <script> element, whatever its strings hold.

    `<`, `>` and `&` become JSON escapes (they only occur inside strings), so a
    quote holding `</script>` or `<!--` cannot end the script. So does a `{`
    that would open a Jinja tag, because branca passes every rendered element
    through Jinja once more, and `{{ }}` in an article must stay text.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return _JINJA_OPENER.sub(r"\\u007b", text)


def html_text(value: str) -> str:
    """Text for HTML that branca renders (escaped, and braces kept out of Jinja)."""
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


# -- the page --------------------------------------------------------------------


def _static(name: str) -> str:
    return files("aleppo_map").joinpath("static", name).read_text(encoding="utf-8")


class ControlLayer(folium.MacroElement):
    """The places, the controls and their behaviour, as one folium element."""

    _template = branca.element.Template(
        """
{% macro header(this, kwargs) %}
<style>{{ this.css }}</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">
<defs><pattern id="{{ this.hatch_id }}" patternUnits="userSpaceOnUse" width="8" height="8"
 patternTransform="rotate({{ this.hatch_angle }})">
<rect width="8" height="8" fill="{{ this.hatch_background }}"/>
<line x1="0" y1="0" x2="0" y2="8" stroke="{{ this.hatch_color }}" stroke-width="3"/>
</pattern></defs></svg>
{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.js }}
aleppoControlMap({{ this._parent.get_name() }}, {{ this.data_json }});
{% endmacro %}
"""
    )

    def __init__(self, data: dict):
        super().__init__()
        self._name = "ControlLayer"
        self.data_json = script_json(data)
        self.js = _static("control_map.js")
        swatches = "".join(
            f".am-swatch-{CODES[s]}{{background:{STATUS_COLORS[s]}}}" for s in STATUS_ORDER
        )
        hatch = (
            f".am-swatch-c{{background:repeating-linear-gradient({CONTESTED_HATCH_ANGLE}deg,"
            f"{HATCH_COLOR} 0 2px,{STATUS_COLORS['contested']} 2px 6px)}}"
        )
        self.css = _static("control_map.css") + swatches + hatch
        self.hatch_id = HATCH_ID
        self.hatch_angle = CONTESTED_HATCH_ANGLE
        self.hatch_color = HATCH_COLOR
        self.hatch_background = STATUS_COLORS["contested"]


@contextmanager
def _stable_ids(seed: str) -> Iterator[None]:
    """Give folium elements ids from a counter and `seed` instead of random bytes.

    branca (0.8.2 and later) makes every id with `Element._generate_id`; while
    this is active, the n-th element gets the same id on every run.
    """
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    branca.element.Element._generate_id = classmethod(lambda cls: f"{seed}{next(counter):04d}")
    try:
        yield
    finally:
        branca.element.Element._generate_id = original


def _inline_assets(directory: Path) -> tuple[str, str]:
    """leaflet.js and leaflet.css from a local folder (a Leaflet dist or npm package)."""
    directory = Path(directory)
    for candidate in (directory, directory / "dist", directory / "node_modules/leaflet/dist"):
        js, css = candidate / "leaflet.js", candidate / "leaflet.css"
        if js.is_file() and css.is_file():
            text = js.read_text(encoding="utf-8")
            # A script may not contain its own end tag; Leaflet's does not, but be sure.
            return text.replace("</script", "<\\/script"), _embed_images(css, candidate)
    raise RenderError(
        f"{directory}: no leaflet.js and leaflet.css there (nor in dist/); get them with "
        f"'npm install leaflet@{LEAFLET_VERSION}' and pass node_modules/leaflet/dist"
    )


def _embed_images(css_path: Path, directory: Path) -> str:
    """The stylesheet with its images (the layer switch icon) as data URIs.

    Inlined, the stylesheet's relative `url(images/...)` would point next to
    the HTML file, where nothing is.
    """

    def data_uri(match: re.Match) -> str:
        image = directory / match.group(1)
        if not image.is_file():
            return match.group(0)
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css_path.read_text(encoding="utf-8"))


def _date_range(dates: Sequence[dt.date]) -> str:
    if not dates:
        return "no dated claims"

    def day(d: dt.date, year: bool = True) -> str:
        return f"{d.day} {d:%b}" + (f" {d.year}" if year else "")

    first, last = dates[0], dates[-1]
    if first == last:
        return day(first)
    return f"{day(first, first.year != last.year)} \u2013 {day(last)}"


def render_map(
    timeline: Timeline,
    *,
    title: str | None = None,
    at: dt.date | None = None,
    dates: Sequence[dt.date] | None = None,
    credits: str | None = None,
    tiles: str = "light",
    inline_assets: str | Path | None = None,
    stances: StanceTable | None = None,
    views: bool = True,
) -> folium.Map:
    """The interactive map of a timeline, as a folium Map.

    Save it with `.save("map.html")`; in Jupyter it displays inline. The slider
    runs over `dates` (default: the days on which some place's state changes)
    and opens on `at` (the last of those dates on or before it; default: the
    latest). `inline_assets` is a folder with leaflet.js and leaflet.css to
    write into the page, so it works offline (tiles aside). With `views`, a
    menu redraws the map from one group of sources at a time (the groups of
    `stances`, default the packaged stances.yaml); a panel compares the
    city-wide figures sources gave with the map. The map's `dates` attribute
    lists the slider's dates.
    """
    if tiles not in TILES:
        raise RenderError(f"unknown tiles {tiles!r}; choose from {', '.join(TILES)}")
    assets = _inline_assets(Path(inline_assets)) if inline_assets else None
    table = stances or StanceTable.default()
    view_list = group_views(timeline, table) if views else [("All sources", timeline)]
    if dates is None:
        dates = sorted({d for _, view in view_list for d in view.change_dates()})
    dates = sorted(set(dates))
    start = len(dates) - 1
    if at is not None:
        start = max([i for i, d in enumerate(dates) if d <= at], default=0)
    gazetteer = timeline.gazetteer
    title = title or default_title(gazetteer.city)
    claims = [e for e in timeline.claims if e.place_id in gazetteer and e.date]
    articles = {e.article for e in timeline.claims if e.article}
    credits = credits if credits is not None else gazetteer.attribution
    policy = getattr(timeline.policy, "description", timeline.policy.__name__)
    about = [
        f"{len(claims)} dated claims about places, from {len(articles)} article(s), "
        f"on {len(timeline.places())} places. Click a place for the claims behind its colour.",
        "Method: claims are sentences in news articles that say who holds, took or is "
        f"fighting for a place, extracted by aleppo_map. {policy} They are what sources "
        "said, not verified facts.",
    ]
    if timeline.undated:
        about.append(f"{len(timeline.undated)} claim(s) without a date are not on the map.")
    if credits:
        about.append(credits + ".")
    data = map_data(
        view_list, dates, start, title, _date_range(dates), about, compare_panel(timeline, table)
    )
    seed = hashlib.sha256(script_json(data).encode()).hexdigest()[:8]

    with _stable_ids(seed):
        boxes = numpy.array([gazetteer[pid].geometry.bounds for pid in timeline.places()])
        bounds = (*boxes[:, :2].min(axis=0), *boxes[:, 2:].max(axis=0)) if len(boxes) else (0,) * 4
        fmap = folium.Map(
            location=[(bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2],
            zoom_start=13,
            tiles=None,
            control_scale=True,
            prefer_canvas=False,  # SVG paths: the hatch pattern and tests need them
        )
        # Only Leaflet: folium's defaults (jQuery, Bootstrap, fonts) are not used here.
        fmap.default_js = [] if assets else [("leaflet", LEAFLET_JS)]
        fmap.default_css = [] if assets else [("leaflet_css", LEAFLET_CSS)]
        if assets:
            fmap.get_root().header.add_child(
                # raw: branca reads elements as Jinja templates; Leaflet's code is not one.
                branca.element.Element(
                    "{% raw %}"
                    f"<script>{assets[0]}</script><style>{assets[1]}</style>"
                    "{% endraw %}"
                ),
                name="leaflet_inline",
            )
        fmap.get_root().header.add_child(
            branca.element.Element(f"<title>{html_text(title)}</title>"), name="title"
        )
        order = [tiles] + [name for name in TILES if name != tiles]
        for name in order:
            url, label, attribution, max_zoom = TILES[name]
            folium.TileLayer(
                url,
                name=label,
                attr=attribution + (f" | {html_text(credits)}" if credits else ""),
                max_zoom=max_zoom,
                show=name == tiles,
                overlay=False,
            ).add_to(fmap)
        ControlLayer(data).add_to(fmap)
        folium.LayerControl(position="topright", collapsed=True).add_to(fmap)
    fmap.dates = list(dates)  # the slider's dates, for callers that report them
    return fmap


def save_map(fmap: folium.Map, path: str | Path) -> int:
    """Write the map to `path` as one HTML file; returns its size in bytes."""
    page = fmap.get_root().render()
    Path(path).write_text(page, encoding="utf-8")
    return len(page.encode("utf-8"))
