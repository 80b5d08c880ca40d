"""The package's exceptions: a small tree on builtins, so callers can catch
either ours (`AleppoMapError`) or the builtin they already expect."""

from __future__ import annotations


class AleppoMapError(Exception):
    """Base class of every error this package raises on purpose."""


class GazetteerError(AleppoMapError, ValueError):
    """A gazetteer file cannot be used; the message lists every problem found."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = list(problems)
        listing = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{source}: {len(self.problems)} problem(s) with this gazetteer:\n{listing}"
        )


class GeocodingError(AleppoMapError, RuntimeError):
    """The optional online geocoder failed (network, timeout, service error)."""
