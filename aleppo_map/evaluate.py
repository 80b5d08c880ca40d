"""Scoring extracted claims against hand-made gold claims.

A claim counts as the triple (article, place, status): precision, recall and
F1 are over the distinct triples of each side. For the triples both sides
have, the dates are compared: exact, within a day, further off, or missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ._tables import read_rows
from .errors import AleppoMapError


class EvaluationError(AleppoMapError, ValueError):
    """A claims or gold file cannot be scored; the message says which and why."""


Key = tuple[str, str, str]


@dataclass
class Evaluation:
    """Counts and the triples behind them."""

    true_positives: set[Key] = field(default_factory=set)
    false_positives: set[Key] = field(default_factory=set)
    false_negatives: set[Key] = field(default_factory=set)
    dates_exact: int = 0
    dates_within_a_day: int = 0  # off by exactly one day
    dates_wrong: list[tuple[Key, str, str]] = field(default_factory=list)
    dates_missing: list[Key] = field(default_factory=list)
    dates_not_in_gold: int = 0

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self, details: bool = False) -> str:
        tp, fp, fn = len(self.true_positives), len(self.false_positives), len(self.false_negatives)
        dated = self.dates_exact + self.dates_within_a_day + len(self.dates_wrong)
        lines = [
            "(article, place, status) triples",
            f"  precision {self.precision:.3f}   recall {self.recall:.3f}   F1 {self.f1:.3f}",
            f"  true positives {tp}, false positives {fp}, false negatives {fn}",
            f"dates of the {tp} matched triples",
            f"  exact {self.dates_exact}, off by one day {self.dates_within_a_day}, "
            f"further off {len(self.dates_wrong)}, undated {len(self.dates_missing)}, "
            f"no gold date {self.dates_not_in_gold}",
            f"  exact or within a day: {self.dates_exact + self.dates_within_a_day} of "
            f"{dated + len(self.dates_missing)}",
        ]
        if details:
            for title, keys in (
                ("false positives", self.false_positives),
                ("false negatives", self.false_negatives),
            ):
                lines.append(f"{title}:")
                lines += [f"  {a}  {p}  {s}" for a, p, s in sorted(keys)] or ["  none"]
            lines.append("dates further off:")
            lines += [
                f"  {k[0]}  {k[1]}  {k[2]}: got {got}, gold {want}"
                for k, got, want in self.dates_wrong
            ] or ["  none"]
        return "\n".join(lines) + "\n"


def _read(path: Path, role: str) -> list[dict[str, str]]:
    rows = read_rows(path, EvaluationError, role)
    needed = {"article", "status"}
    columns = set(rows[0]) if rows else set()
    if rows and (needed - columns or not columns & {"place_id", "place"}):
        raise EvaluationError(
            f"{path}: the {role} file needs columns article, status and place_id (or place); "
            f"it has {', '.join(sorted(columns))}"
        )
    return rows


def _key(row: dict[str, str]) -> Key:
    place = (row.get("place_id") or "").strip() or (row.get("place") or "").strip().lower()
    return (row["article"].strip(), place, row["status"].strip().lower())


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def evaluate(claims_path: str | Path, gold_path: str | Path) -> Evaluation:
    """Score a claims CSV (from `extract`) against a gold CSV of the same columns."""
    predicted = _read(Path(claims_path), "claims")
    gold = _read(Path(gold_path), "gold")
    p_dates: dict[Key, set[dt.date | None]] = {}
    g_dates: dict[Key, set[dt.date | None]] = {}
    for row in predicted:
        p_dates.setdefault(_key(row), set()).add(_date(row.get("date")))
    for row in gold:
        g_dates.setdefault(_key(row), set()).add(_date(row.get("date")))
    result = Evaluation(
        true_positives=set(p_dates) & set(g_dates),
        false_positives=set(p_dates) - set(g_dates),
        false_negatives=set(g_dates) - set(p_dates),
    )
    for key in sorted(result.true_positives):
        want = {d for d in g_dates[key] if d}
        got = {d for d in p_dates[key] if d}
        if not want:
            result.dates_not_in_gold += 1
        elif not got:
            result.dates_missing.append(key)
        elif want & got:
            result.dates_exact += 1
        elif min(abs((g - p).days) for g in want for p in got) <= 1:
            result.dates_within_a_day += 1
        else:
            result.dates_wrong.append(
                (key, ",".join(sorted(map(str, got))), ",".join(sorted(map(str, want))))
            )
    return result
