"""Reading articles: finding the files, decoding them, reducing HTML to text.

Bad files never stop a run: `read_articles` yields a `Skipped` record with the
reason for each file it cannot use, so the caller can report every one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import AleppoMapError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class DocumentError(AleppoMapError, ValueError):
    """An article file cannot be read; the message names the file and why."""


@dataclass(frozen=True)
class Article:
    """An article's text and where it came from."""

    path: Path
    text: str

    @property
    def name(self) -> str:
        return self.path.name


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


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Every article under `paths`, or a `Skipped` record saying why not."""
    for item in article_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield Article(item, read_text(item))
        except DocumentError as exc:
            yield Skipped(item, str(exc).removeprefix(f"{item}: "))
