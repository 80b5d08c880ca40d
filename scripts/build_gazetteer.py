"""Build data/gazetteer.geojson from the Columbia neighbourhood polygons.

Reproducible: same inputs, byte-identical output. Run from the repository root:

    python scripts/build_gazetteer.py

Inputs: data/source/aleppo-neighbourhoods/ (MIT, Columbia Center for Spatial
Research) and data/curation.yaml (our display names, aliases, groups, points).
What it repairs in the source is printed, and recorded in each entry's `note`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import shapely
import yaml
from shapely.geometry import Point, mapping, shape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from aleppo_map.gazetteer import metric_projector  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "data" / "source" / "aleppo-neighbourhoods"
CURATION = ROOT / "data" / "curation.yaml"
OUTPUT = ROOT / "data" / "gazetteer.geojson"

# Overlaps smaller than this are digitising slivers and are left alone.
MAX_OVERLAP_M2 = 100.0
COORD_DECIMALS = 6  # about 0.1 m: finer than the digitised source

SOURCE_NOTE = (
    "Columbia Center for Spatial Research, 'Conflict Urbanism: Aleppo', "
    "CenterForSpatialResearch/aleppo_test@3f750b94 map/data/Neighborhoods.geojson, MIT"
)

# Aleppo lies in UTM zone 37N (EPSG:32637): areas in metres there.
_to_utm = metric_projector(Point(37.16, 36.2))


def slugify(name: str) -> str:
    """Stable ASCII id from a display name, without a leading article."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’‘`]", "", ascii_name.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return re.sub(r"^(?:al|el|as|ash|ad|at|az|aj|an|ar)-(?=.)", "", slug)


def _unique(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _rounded(geom):
    return shapely.set_precision(geom, 10**-COORD_DECIMALS)


def load_source() -> tuple[dict, dict]:
    """Source features merged by NAME, and the Arabic/English variants by name."""
    collection = json.loads((SOURCE_DIR / "neighborhoods.geojson").read_text("utf-8"))
    parts: dict[str, list] = {}
    arabic: dict[str, str | None] = {}
    ids: dict[str, list[int]] = {}
    for feature in collection["features"]:
        props = feature["properties"]
        name = props["NAME"]
        parts.setdefault(name, []).append(shapely.make_valid(shape(feature["geometry"])))
        arabic.setdefault(name, props.get("NAME_A"))
        ids.setdefault(name, []).append(props["Id"])
    merged = {
        name: {
            "geometry": shapely.unary_union(geoms),
            "name_ar": arabic[name],
            "source_ids": sorted(set(ids[name])),
            "parts": len(geoms),
        }
        for name, geoms in parts.items()
    }
    variants_raw = json.loads((SOURCE_DIR / "neighborhoods-names.json").read_text("utf-8"))
    variants = {
        v["original_name"]: v.get("alternative_english", []) + v.get("alternative_arabic", [])
        for v in variants_raw.values()
    }
    return merged, variants


def remove_overlaps(places: list[dict], log) -> None:
    """Give each overlap larger than MAX_OVERLAP_M2 to the place listed first.

    The source was digitised by hand; where two polygons overlap, the area is cut
    from the later one (in id order) so no ground belongs to two places.
    """
    utm = {p["id"]: _to_utm(p["geometry"]) for p in places}
    tree = shapely.STRtree([utm[p["id"]] for p in places])
    for i, place in enumerate(places):
        for j in sorted(tree.query(utm[place["id"]])):
            if j <= i:
                continue
            other = places[j]
            overlap = utm[place["id"]].intersection(utm[other["id"]]).area
            if overlap > MAX_OVERLAP_M2:
                other["geometry"] = shapely.make_valid(
                    other["geometry"].difference(place["geometry"])
                )
                utm[other["id"]] = _to_utm(other["geometry"])
                note = f"{overlap:.0f} m² overlapping {place['name']} removed"
                other["notes"].append(note)
                log(f"  {other['id']}: {note}")


def _polygonal(geom):
    """Keep only the polygon parts (a difference can leave lines or points)."""
    polys = [
        g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.unary_union(polys)


def build(log=print) -> dict:
    """Return the gazetteer as a GeoJSON FeatureCollection dict."""
    merged, variants = load_source()
    curation = yaml.safe_load(CURATION.read_text("utf-8"))
    missing = sorted(set(merged) - set(curation["places"]))
    unknown = sorted(set(curation["places"]) - set(merged))
    if missing or unknown:
        raise SystemExit(f"curation.yaml out of step: missing {missing}, unknown {unknown}")

    places = []
    for source_name, src in merged.items():
        cur = curation["places"][source_name] or {}
        name = cur.get("name", source_name)
        notes = [cur["note"]] if cur.get("note") else []
        if src["parts"] > 1:
            notes.append(f"merged from {src['parts']} source features")
        aliases = _unique(
            [source_name, src["name_ar"], *variants.get(source_name, []), *cur.get("aliases", [])]
        )
        places.append(
            {
                "id": cur.get("id", slugify(name)),
                "name": name,
                "name_ar": src["name_ar"],
                "source_name": source_name,
                "aliases": [a for a in aliases if a != name],
                "kind": cur.get("kind", "residential"),
                "precision": "polygon",
                "members": [],
                "source": f"{SOURCE_NOTE}; source Id {', '.join(map(str, src['source_ids']))}",
                "notes": notes,
                "geometry": src["geometry"],
            }
        )
    places.sort(key=lambda p: p["id"])
    ids = [p["id"] for p in places]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}")

    log("repairing overlaps:")
    remove_overlaps(places, log)
    by_name = {p["name"]: p for p in places}

    for group in curation.get("groups", []):
        members = [by_name[m] for m in group["members"]]
        places.append(
            {
                "id": group.get("id", slugify(group["name"])),
                "name": group["name"],
                "name_ar": group.get("name_ar"),
                "source_name": None,
                "aliases": _unique(group.get("aliases", []) + [group.get("name_ar")]),
                "kind": group.get("kind", "residential"),
                "precision": "group",
                "members": [m["id"] for m in members],
                "source": f"union of {', '.join(m['name'] for m in members)}",
                "notes": [],
                "geometry": shapely.unary_union([m["geometry"] for m in members]),
            }
        )

    for point in curation.get("points", []):
        if "lat" in point:
            geom = Point(point["lon"], point["lat"])
        else:
            anchors = [by_name[n]["geometry"].representative_point() for n in point["near"]]
            geom = Point(
                sum(a.x for a in anchors) / len(anchors), sum(a.y for a in anchors) / len(anchors)
            )
        places.append(
            {
                "id": point.get("id", slugify(point["name"])),
                "name": point["name"],
                "name_ar": point.get("name_ar"),
                "source_name": None,
                "aliases": _unique(point.get("aliases", []) + [point.get("name_ar")]),
                "kind": point.get("kind", "residential"),
                "precision": "point",
                "members": [],
                "source": " ".join(point["source"].split()),
                "notes": ["approximate location"],
                "geometry": geom,
            }
        )

    places.sort(key=lambda p: p["id"])
    features = []
    for p in places:
        geom = _rounded(p.pop("geometry"))
        if p["precision"] != "point":
            geom = _polygonal(geom)
        p["note"] = "; ".join(p.pop("notes"))
        features.append(
            {"type": "Feature", "id": p["id"], "properties": p, "geometry": mapping(geom)}
        )
    return {
        "type": "FeatureCollection",
        "name": "aleppo_gazetteer",
        "city": "Aleppo",
        "attribution": "Neighbourhoods: Columbia Center for Spatial Research (MIT)",
        "description": (
            "Aleppo neighbourhoods for aleppo_map. Polygons: Columbia Center for Spatial "
            "Research (MIT licence, see data/source/aleppo-neighbourhoods/LICENSE); names, "
            "aliases, groups and points: aleppo_map data/curation.yaml."
        ),
        "features": features,
    }


def dumps(collection: dict) -> str:
    """Deterministic GeoJSON text: one feature per line, so diffs stay readable."""
    head = {k: v for k, v in collection.items() if k != "features"}
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    body = ",\n".join(lines)
    head_text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    return f'{head_text},"features":[\n{body}\n]}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    collection = build(log=lambda msg: print(msg, file=sys.stderr))
    args.output.write_text(dumps(collection), encoding="utf-8")
    print(f"wrote {len(collection['features'])} places to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
