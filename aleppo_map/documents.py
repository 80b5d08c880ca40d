"""Reading articles: files, text, metadata and the publication date.

Metadata (`url`, `outlet`, `published`, `title`) comes from YAML front matter
or from an `articles.csv` index beside the articles; given metadata always
wins. Without a given date, the publication date is inferred from the text
(`dates.infer_published`) and flagged as inferred.

Bad files never stop a run: `read_articles` yields a `Skipped` record with the
reason for each file it cannot use, so the caller can report every one.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ._tables import load_yaml
from .errors import AleppoMapError
from .names import ARABIC_MARKS

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
INDEX_NAME = "articles.csv"
INDEX_COLUMNS = ("file", "url", "outlet", "published", "title")
METADATA_KEYS = ("url", "outlet", "published", "title")
# One metadata line of front matter that is not valid YAML
_METADATA_LINE = re.compile(r"(url|outlet|published|date|title)\s*:\s*(.*)$")


class DocumentError(AleppoMapError, ValueError):
    """An article file cannot be read; the message names the file and why."""


# Where an inferred publication date came from: a dateline, the article's URL, the
# latest date in the text, or a year-less dateline or latest date with the year of
# most of the corpus.
CORPUS_YEAR_SOURCE = "dateline, corpus year"
CORPUS_YEAR_LATEST_SOURCE = "latest-date, corpus year"
INFERRED_SOURCES = (
    "dateline",
    "url",
    "latest-date",
    CORPUS_YEAR_SOURCE,
    CORPUS_YEAR_LATEST_SOURCE,
)


@dataclass(frozen=True)
class Document:
    """An article's text, metadata and publication date.

    `published_source` says where the date came from: "front matter",
    "articles.csv", "dateline", "url", "latest-date", "dateline, corpus year" or
    "latest-date, corpus year"
    (the last four are inferred, see `INFERRED_SOURCES`), or None when there is no
    date. `warnings` lists non-fatal problems (an unparseable given date,
    broken front matter, ...).
    """

    path: Path
    text: str
    url: str = ""
    outlet: str = ""
    title: str = ""
    published: dt.date | None = None
    published_source: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def published_inferred(self) -> bool:
        return self.published_source in INFERRED_SOURCES


@dataclass(frozen=True)
class Skipped:
    """A file given by the user that could not be used, and why."""

    path: Path
    reason: str


def article_files(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """The article files under `paths` (files or folders), in a stable order.

    A path that does not exist, or a file of another type named directly, is
    yielded as `Skipped` rather than ignored.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                yield Skipped(path, f"no {', '.join(ARTICLE_SUFFIXES)} files in this folder")
            for file in found:
                # A folder's README describes the articles; it is not one of them.
                if file.stem.lower() == "readme":
                    yield Skipped(file, "README file, not an article")
                else:
                    yield file
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path
            else:
                yield Skipped(path, f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})")
        else:
            yield Skipped(path, "no such file or folder")


def read_text(path: Path) -> str:
    """The text of one article file; HTML is reduced to its main text.

    Raises
    ------
    DocumentError
        If the file is unreadable, empty, binary or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from None
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str, path: Path | None = None) -> str:
    """Main text of a news page, without navigation, ads and comments.

    Uses trafilatura, which is built for news pages; markup is never parsed
    with regular expressions here.
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise DocumentError(f"{path or 'HTML'}: no article text found in the page")
    return text


def read_articles(
    paths: Iterable[str | Path], *, infer_dates: bool = True, year: int | None = None
) -> Iterator[Document | Skipped]:
    """Every article under `paths` with its metadata, or a `Skipped` record saying why not.

    `year` dates year-less datelines ("BEIRUT, Dec. 12 (Reuters)") in texts
    that give no full date.
    """
    indexes: dict[Path, tuple[dict[str, dict[str, str]], list[str]]] = {}
    for item in article_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            text = read_text(item)
        except DocumentError as exc:
            yield Skipped(item, str(exc).removeprefix(f"{item}: "))
            continue
        folder = item.parent
        if folder not in indexes:
            indexes[folder] = read_index(folder / INDEX_NAME)
        rows, index_problems = indexes[folder]
        yield make_document(item, text, rows.get(item.name), index_problems, infer_dates, year)


def make_document(
    path: Path,
    text: str,
    index_row: dict[str, str] | None = None,
    index_problems: Iterable[str] = (),
    infer_dates: bool = True,
    year: int | None = None,
) -> Document:
    """Join a file's text with its front matter, its index row and inferred dates."""
    warnings = list(index_problems)
    body, front, front_problem = split_front_matter(text)
    body = ARABIC_MARKS.sub("", body)  # as names are keyed without them
    if "#" in body:  # "#وحدات_حماية_الشعب", "#Aleppo": the words of a hashtag, as words
        body = _HASHTAG.sub(_hashtag_words, body)
    if front_problem:
        warnings.append(f"{path.name}: {front_problem}")
    meta: dict[str, tuple[str, str]] = {}
    for source, values in (("articles.csv", index_row or {}), ("front matter", front)):
        for key in METADATA_KEYS:
            value = values.get(key)
            if key == "published" and not value:
                value = values.get("date")
            if value not in (None, ""):
                meta[key] = (str(value).strip(), source)
    published, published_source = None, None
    if "published" in meta:
        raw, source = meta["published"]
        published = parse_given_date(raw)
        if published is None:
            warnings.append(
                f"{path.name}: cannot read the {source} date {raw!r} (use YYYY-MM-DD); "
                "inferring it from the text"
            )
        else:
            published_source = source
    if published is None and infer_dates:
        from .dates import infer_published, published_from_url

        published, published_source = infer_published(body, year)
        if published_source != "dateline" and "url" in meta:
            # A date in the URL beats a guess from the latest date the text names.
            from_url = published_from_url(meta["url"][0])
            if from_url is not None:
                published, published_source = from_url, "url"
    return Document(
        path=path,
        text=body,
        url=meta.get("url", ("", ""))[0],
        outlet=meta.get("outlet", ("", ""))[0],
        title=meta.get("title", ("", ""))[0],
        published=published,
        published_source=published_source,
        warnings=tuple(dict.fromkeys(warnings)),
    )


_HASHTAG = re.compile(r"(?<![\w&/#])#([^\W\d_]\w*)")  # a letter first: "#1" is a rank


def _hashtag_words(match: re.Match) -> str:
    return match.group(1).replace("_", " ")


def parse_given_date(value: str | dt.date) -> dt.date | None:
    """A given publication date: YYYY-MM-DD (a time part is ignored), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def split_front_matter(text: str) -> tuple[str, dict, str | None]:
    """(body, metadata, problem) for a text that may open with YAML front matter.

    Broken front matter is reported and dropped from the body; the article's
    text is kept.
    """
    if not text.startswith("---\n"):
        return text, {}, None
    end = text.find("\n---", 4)
    if end == -1:
        return text, {}, "front matter opened with '---' is never closed; read as text"
    block = text[4:end]
    body = text[end + 4 :].lstrip("-").lstrip("\n")
    import yaml

    try:
        data = load_yaml(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        # "title: Aleppo: rebels retreat" is not YAML, but its lines still say what they mean
        lines = {
            m.group(1): m.group(2).strip().strip("\"'")
            for m in map(_METADATA_LINE.match, block.splitlines())
            if m is not None and m.group(2).strip()
        }
        if lines:
            return body, lines, f"front matter is not valid YAML{where}; read as 'key: value' lines"
        return body, {}, f"front matter is not valid YAML{where}; metadata ignored"
    if not isinstance(data, dict):
        return body, {}, "front matter is not a mapping of keys to values; metadata ignored"
    return body, data, None


def read_index(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of an `articles.csv` by file name, and the problems found in it."""
    if not path.is_file():
        return {}, []
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = [c for c in ("file",) if c not in (reader.fieldnames or [])]
            if missing:
                return {}, [f"{path}: no 'file' column (expected {','.join(INDEX_COLUMNS)})"]
            rows = {}
            for row in reader:
                name = (row.get("file") or "").strip()
                if name:
                    rows[Path(name).name] = {k: (v or "").strip() for k, v in row.items() if k}
            return rows, []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [f"{path}: cannot read the index ({exc}); metadata from it ignored"]
