"""Colours, labels and credits shared by every drawing: the map, the print figure, the charts.

Defined once here so the interactive map and the printed figure can never
disagree about what a colour means.

Why these colours: they come from the Okabe-Ito palette (Okabe & Ito, "Color
Universal Design", 2008), which stays distinguishable with the common kinds of
colour blindness and in greyscale print. The two sides that matter most get the
pair that is safest of all, blue and orange; Kurdish forces get the palette's
bluish green. "Contested" is a state between sides, not a side, so it gets the
palette's reddish purple *and* a hatching, so that it reads without colour.
Places nobody made a claim about are a light neutral grey, so they look like a
gap, never like a side.
"""

from __future__ import annotations

# Timeline statuses, in the order of every legend.
STATUS_ORDER = ("government", "rebels", "kurdish", "contested", "unknown")

STATUS_COLORS = {
    "government": "#0072B2",  # Okabe-Ito blue
    "rebels": "#E69F00",  # Okabe-Ito orange
    "kurdish": "#009E73",  # Okabe-Ito bluish green
    "contested": "#CC79A7",  # Okabe-Ito reddish purple, always with CONTESTED_HATCH
    "unknown": "#E6E6E6",  # light grey: no claim, a gap in the evidence
}

STATUS_LABELS = {
    "government": "Government",
    "rebels": "Rebels",
    "kurdish": "Kurdish forces",
    "contested": "Contested",
    "unknown": "No claim (unknown)",
}

# Hatching of contested places: a matplotlib hatch; the map draws the same
# diagonal lines (CONTESTED_HATCH_ANGLE degrees, in the colour below).
CONTESTED_HATCH = "////"
CONTESTED_HATCH_ANGLE = 45
HATCH_COLOR = "#3A3A3A"

# Neighbourhood outlines, and the edge of point-only places' markers.
OUTLINE_COLOR = "#FFFFFF"
POINT_EDGE_COLOR = "#222222"

# Source groups (their names and labels are in stances.yaml): the aligned
# groups take their side's colour, the others neutral greys.
GROUP_COLORS = {
    "government": STATUS_COLORS["government"],
    "opposition": STATUS_COLORS["rebels"],
    "independent": "#404040",
    "unknown": "#999999",
}

# Credit for the embedded Aleppo gazetteer's polygons (MIT licence).
ALEPPO_CREDIT = "Neighbourhoods: Columbia Center for Spatial Research (MIT)"


def status_color(status: str) -> str:
    """The fill colour of a status (an unexpected status is drawn as unknown)."""
    return STATUS_COLORS.get(status, STATUS_COLORS["unknown"])


def status_label(status: str) -> str:
    """The legend label of a status."""
    return STATUS_LABELS.get(status, status)


def group_color(group: str) -> str:
    """The colour of a source group (a user-defined group gets the unknown grey)."""
    return GROUP_COLORS.get(group, GROUP_COLORS["unknown"])


def default_title(city: str = "") -> str:
    """The title of a map or figure of a city's reported control."""
    return (
        f"{city}: reported control by neighbourhood"
        if city
        else "Reported control by neighbourhood"
    )
