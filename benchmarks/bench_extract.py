"""End-to-end `extract` throughput: article files in, claims CSV out.

Builds a corpus of article files (default 5,000) from the seed articles'
paragraphs (the corpus of bench_find.py), half with an `articles.csv` row and
half with only a dateline to infer the date from, writes them to a temporary
folder, and times what `aleppo-map extract` does: reading files and metadata,
finding mentions, extracting claims, writing the CSV. For scale it also times
reading alone and reading + find() in the same run. Single-threaded: one core;
then, on a machine with more, `extract --jobs N` for comparison.

The machine's speed drifts between runs (up to 40% here), so it also prints
the extract time over the find() time of the same run: a figure that drifts
much less, to compare runs and versions by.

    python benchmarks/bench_extract.py [--articles N] [--repeat K] [--profile] [--jobs N]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_find import build_corpus  # noqa: E402

from aleppo_map import Gazetteer, __version__  # noqa: E402
from aleppo_map.claims import Extractor, extract_claims, write_claims_csv  # noqa: E402
from aleppo_map.documents import Skipped, read_articles  # noqa: E402

GOAL = 500  # articles a second, from the issue


def write_corpus(folder: Path, texts: list[str]) -> None:
    """Article files plus an articles.csv that covers every other one."""
    rows = []
    for i, text in enumerate(texts):
        name = f"a{i:05d}.txt"
        if i % 2:
            text = f"Tuesday 13 December 2016 08:48 GMT\n\n{text}"  # date inferred
        else:
            rows.append(
                {
                    "file": name,
                    "url": f"https://example.org/{i}",
                    "outlet": "Bench",
                    "published": "2016-12-12",
                    "title": f"Article {i}",
                }
            )
        (folder / name).write_text(text, "utf-8")
    with open(folder / "articles.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["file", "url", "outlet", "published", "title"])
        writer.writeheader()
        writer.writerows(rows)


def run_extract(folder: Path, extractor: Extractor, jobs: int = 1) -> int:
    """What the CLI does: all claims, written as CSV (to memory)."""
    return write_claims_csv(io.StringIO(), extract_claims([folder], extractor, jobs=jobs))


def run_read(folder: Path) -> int:
    return sum(1 for item in read_articles([folder]) if not isinstance(item, Skipped))


def run_read_find(folder: Path, gazetteer: Gazetteer) -> int:
    return sum(
        len(gazetteer.find(item.text))
        for item in read_articles([folder])
        if not isinstance(item, Skipped)
    )


def best_time(func, repeat: int) -> tuple[float, int]:
    func()  # warm-up: caches, imports, the OS file cache
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20161212)
    parser.add_argument("--profile", action="store_true", help="cProfile one extract pass")
    parser.add_argument(
        "--jobs",
        type=int,
        default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1,
        help="also time extract with this many worker processes (default: the usable CPUs)",
    )
    args = parser.parse_args(argv)

    gazetteer = Gazetteer.default()
    extractor = Extractor(gazetteer)
    texts = build_corpus(gazetteer, args.articles, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(folder, texts)
        megabytes = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        print("extract throughput (end to end, one core)")
        print(f"  aleppo_map {__version__}, Python {sys.version.split()[0]}")
        print(
            f"  corpus: {args.articles:,} article files, {megabytes:.1f} MB, "
            f"half with articles.csv metadata, half with a dateline to infer"
        )
        read_s, n_read = best_time(lambda: run_read(folder), args.repeat)
        find_s, n_mentions = best_time(lambda: run_read_find(folder, gazetteer), args.repeat)
        extract_s, n_claims = best_time(lambda: run_extract(folder, extractor), args.repeat)
        print(f"best of {args.repeat} after a warm-up pass, time.perf_counter")
        for label, seconds in [
            ("read files + metadata", read_s),
            ("read + find()", find_s),
            ("extract (read, find, claims, CSV)", extract_s),
        ]:
            print(f"  {label:36s} {n_read / seconds:9,.0f} articles/s   ({seconds:.2f} s)")
        print(f"  {n_read:,} articles, {n_mentions:,} mentions, {n_claims:,} claims")
        print(f"  claims stage alone: {(extract_s - find_s) / extract_s:.0%} of extract time")
        find_only_s = find_s - read_s
        print(
            f"  extract time / find() time: {extract_s / find_only_s:.2f} "
            f"(find() alone: {n_read / find_only_s:,.0f} articles/s)"
        )
        rate = n_read / extract_s
        verdict = "MET" if rate >= GOAL else "NOT MET"
        print(f"Goal: at least {GOAL} articles/s on one core: {verdict} ({rate:,.0f} articles/s)")
        if args.jobs > 1:
            # `extract --jobs N`: the same claims from N worker processes
            jobs_s, n_jobs_claims = best_time(
                lambda: run_extract(folder, extractor, args.jobs), args.repeat
            )
            assert n_jobs_claims == n_claims, (n_jobs_claims, n_claims)
            print(
                f"  extract --jobs {args.jobs}: {n_read / jobs_s:,.0f} articles/s "
                f"({jobs_s:.2f} s), {extract_s / jobs_s:.2f}x one process"
            )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            run_extract(folder, extractor)
            profiler.disable()
            print("\nProfile of one extract pass, top 15 by own time")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
