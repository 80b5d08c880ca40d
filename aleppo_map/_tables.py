"""Reading the tables users give: CSV (claims, gold claims, initial states) and YAML."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

# libyaml's loader, where PyYAML was built with it, reads about ten times faster
# than the pure-Python one: front matter dominated a run over real articles.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """`yaml.safe_load`, with libyaml where available (raises `yaml.YAMLError`)."""
    return yaml.load(text, Loader=_LOADER)


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
