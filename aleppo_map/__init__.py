"""aleppo_map: maps of reported territorial control, built from news articles."""

from importlib.metadata import PackageNotFoundError, version

from .claims import Claim, Extractor, claims_frame, claims_geodataframe, extract_claims
from .documents import Document, read_articles
from .errors import AleppoMapError, GazetteerError, GeocodingError
from .gazetteer import Gazetteer, Mention, Place, Resolution
from .render import render_map
from .timeline import Timeline, latest_claim_wins, read_claims

try:
    __version__ = version("aleppo_map")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "AleppoMapError",
    "Claim",
    "Document",
    "Extractor",
    "claims_frame",
    "claims_geodataframe",
    "extract_claims",
    "read_articles",
    "Gazetteer",
    "GazetteerError",
    "GeocodingError",
    "Mention",
    "Place",
    "Resolution",
    "Timeline",
    "latest_claim_wins",
    "read_claims",
    "render_map",
    "__version__",
]
