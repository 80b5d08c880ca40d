"""Reading the CSV tables users give (claims, gold claims, initial states)."""

from __future__ import annotations

import csv
from pathlib import Path


def read_rows(path: Path, error: type[Exception], what: str) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV (an Excel byte-order mark is fine).

    Raises `error` with the path and the reason when the file cannot be read.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return list(csv.DictReader(stream))
    except FileNotFoundError:
        raise error(f"{path}: {what} file not found") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise error(f"{path}: cannot read the {what} file ({exc})") from None
