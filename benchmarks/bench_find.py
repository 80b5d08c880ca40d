"""Throughput of `Gazetteer.find()` against a naive one-regex-per-alias baseline.

What it measures
    Articles per second and MB per second of `Gazetteer.default().find(text)`
    (default arguments, so the fuzzy pass is included) over a synthetic corpus
    of news articles, and the same for a naive baseline measured in the same
    process: one compiled regular expression per name or alias of every place
    (re.escape, word boundaries, re.IGNORECASE), each run with finditer over
    every article, collecting the spans. It prints the ratio of the two speeds
    and whether the goal of at least 2,000 articles a second on one core is met.

The corpus
    Built deterministically (fixed random seed) from the five seed articles in
    seeds/*.txt: paragraphs are shuffled across seeds into articles about as
    long as the seeds, and in a fraction of articles the place names are
    replaced by other spellings of gazetteer places (the gazetteer's own names
    and aliases, Latin and Arabic script), so that matches vary.

One core
    Everything runs in one thread, so on one core at a time (--cpu N also pins
    the process to CPU N, on Linux). Timings use time.perf_counter: one warm-up
    pass, then the best of --repeat passes. Each timed pass also notes the CPU
    time the process got (time.process_time); below 95% of the wall time,
    another process was competing for the core and the figures are too low.
    The baseline is 50 to 200 times slower than find(), so by default it is
    timed on an evenly spaced sample of the corpus (--baseline-articles; 0
    times it on the whole corpus). Rates are per article, so they compare
    directly; mention counts are compared on the sample.

Run
    python benchmarks/bench_find.py [--articles N] [--repeat K] [--profile]
    (on a quiet machine: other busy processes lower the figures)

--profile adds a cProfile summary of find() over the corpus (top 10 functions
by cumulative time, and top 10 by own time), run after the timings.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import platform
import pstats
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import aleppo_map.gazetteer
import aleppo_map.names
import aleppo_map.text
from aleppo_map import Gazetteer, __version__

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
GOAL_ARTICLES_PER_SECOND = 2000
DEFAULT_RANDOM_SEED = 20161212
# Share of articles whose place names are respelled, and of names respelled in them.
RESPELLED_ARTICLE_SHARE = 0.5
RESPELLED_NAME_SHARE = 0.7
# Share of respellings that name another place (the rest spell the same place another way).
OTHER_PLACE_SHARE = 0.5

# A Latin letter: names without one are Arabic script, which the seeds do not use.
_LATIN_NAME = re.compile(r"[A-Za-z]")


# -- corpus --------------------------------------------------------------------


def read_seed_articles(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    paths = sorted(seeds_dir.glob("*.txt"))
    if len(paths) < 5:
        sys.exit(f"expected the five seed articles in {seeds_dir}, found {len(paths)}")
    return [p.read_text(encoding="utf-8") for p in paths]


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def word_count(text: str) -> int:
    return len(text.split())


def spellings_by_place(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Every name and alias of each place (ordered, no duplicates)."""
    return {p.id: list(dict.fromkeys((p.name, *p.aliases))) for p in gazetteer}


def place_names_regex(gazetteer: Gazetteer, seeds: Sequence[str]) -> tuple[re.Pattern, dict]:
    """A regex matching the place names written in the seeds, and surface -> place id.

    The surfaces are the gazetteer's Latin-script names plus the spellings that
    find() reports in the seed articles (e.g. "Sheik Saeed", "Salaheen").
    """
    surface_to_place: dict[str, str] = {}
    for place_id, names in spellings_by_place(gazetteer).items():
        for name in names:
            if _LATIN_NAME.search(name):
                surface_to_place.setdefault(name, place_id)
    for seed in seeds:
        for mention in gazetteer.find(seed, fuzzy=False):
            if mention.place_id is not None:
                surface_to_place.setdefault(mention.surface, mention.place_id)
    alternatives = sorted(surface_to_place, key=lambda s: (-len(s), s))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")
    return pattern, surface_to_place


def respell_place_names(
    text: str,
    rng: random.Random,
    names_regex: re.Pattern,
    surface_to_place: dict[str, str],
    spellings: dict[str, list[str]],
) -> str:
    """Replace most place names in `text` by another spelling of a gazetteer place."""
    place_ids = list(spellings)

    def respell(match: re.Match) -> str:
        if rng.random() >= RESPELLED_NAME_SHARE:
            return match.group()
        if rng.random() < OTHER_PLACE_SHARE:
            place_id = rng.choice(place_ids)
        else:
            place_id = surface_to_place[match.group()]
        return rng.choice(spellings[place_id])

    return names_regex.sub(respell, text)


def build_corpus(gazetteer: Gazetteer, n_articles: int, random_seed: int) -> list[str]:
    """`n_articles` articles shuffled together from the seeds' paragraphs.

    Each article takes the first paragraph (the headline) of one seed, then paragraphs (about two in
    three from that seed, the rest from any seed) in random order until it is
    roughly as long as that seed (0.5 to 1.5 times its length).
    """
    rng = random.Random(random_seed)
    seeds = read_seed_articles()
    paragraphs = [split_paragraphs(s) for s in seeds]
    all_paragraphs = [p for ps in paragraphs for p in ps[1:]]
    seed_words = [word_count(s) for s in seeds]
    names_regex, surface_to_place = place_names_regex(gazetteer, seeds)
    spellings = spellings_by_place(gazetteer)

    corpus = []
    for _ in range(n_articles):
        base = rng.randrange(len(seeds))
        headline, body = paragraphs[base][0], paragraphs[base][1:]
        target = seed_words[base] * rng.uniform(0.5, 1.5)
        chosen, words = [headline], word_count(headline)
        while words < target:
            paragraph = rng.choice(body) if rng.random() < 2 / 3 else rng.choice(all_paragraphs)
            chosen.append(paragraph)
            words += word_count(paragraph)
        text = chosen[0] + "\n\n" + "\n\n".join(rng.sample(chosen[1:], len(chosen) - 1)) + "\n"
        if rng.random() < RESPELLED_ARTICLE_SHARE:
            text = respell_place_names(text, rng, names_regex, surface_to_place, spellings)
        corpus.append(text)
    return corpus


def corpus_megabytes(corpus: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in corpus) / 1e6


def corpus_fingerprint(corpus: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in corpus:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:12]


# -- the two scanners --------------------------------------------------------------


def word_bounded(name: str) -> str:
    """re.escape(name) between word boundaries.

    \\b where the name starts or ends with a letter; where it ends with a mark
    (ash-Shahba', as-Siryan (Syriac Quarter)) "no letter next to it" instead,
    since \\b there would demand one.
    """
    head = r"\b" if re.match(r"\w", name) else r"(?<!\w)"
    tail = r"\b" if re.search(r"\w$", name) else r"(?!\w)"
    return head + re.escape(name) + tail


def naive_alias_regexes(gazetteer: Gazetteer) -> list[tuple[str, re.Pattern]]:
    """One compiled regex per name or alias of every place: (place id, regex)."""
    return [
        (place_id, re.compile(word_bounded(name), re.IGNORECASE))
        for place_id, names in spellings_by_place(gazetteer).items()
        for name in names
    ]


def naive_find(regexes: Sequence[tuple[str, re.Pattern]], text: str) -> list[tuple]:
    """Spans (start, end, place id) of every alias match, alias by alias."""
    spans = []
    for place_id, regex in regexes:
        for match in regex.finditer(text):
            spans.append((match.start(), match.end(), place_id))
    return spans


def fresh_gazetteer() -> Gazetteer:
    """The default gazetteer with its name index built and its caches empty."""
    gazetteer = Gazetteer.default()
    gazetteer.find("")  # builds the index; nothing to cache
    return gazetteer


def clear_function_caches() -> None:
    """Empty the library's functools caches (word keys, folds), as before new text."""
    for module in (aleppo_map.names, aleppo_map.text, aleppo_map.gazetteer):
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


def find_with_sentences(gazetteer: Gazetteer) -> Callable[[str], list]:
    """find(), then read every mention's sentence (worked out on demand by Mention)."""

    def scan(text: str) -> list:
        mentions = gazetteer.find(text)
        for mention in mentions:
            mention.sentence  # noqa: B018
        return mentions

    return scan


def scan_corpus(scan: Callable[[str], list], corpus: Sequence[str]) -> list[list]:
    return [scan(text) for text in corpus]


def timed_pass(scan: Callable[[str], list], corpus: Sequence[str]) -> tuple[float, float, list]:
    """Wall seconds of one pass, the share of it the process was on a CPU, the results."""
    cpu_start, start = time.process_time(), time.perf_counter()
    results = scan_corpus(scan, corpus)
    wall = time.perf_counter() - start
    return wall, (time.process_time() - cpu_start) / wall, results


def best_time(
    scan: Callable[[str], list], corpus: Sequence[str], repeat: int
) -> tuple[float, float, list[list]]:
    """Best of `repeat` passes over the corpus (after the caller's warm-up)."""
    best = (float("inf"), 1.0, [])
    for _ in range(repeat):
        best = min(best, timed_pass(scan, corpus), key=lambda t: t[0])
    return best


def evenly_spaced_indices(n_articles: int, size: int) -> list[int]:
    if size <= 0 or size >= n_articles:
        return list(range(n_articles))
    step = n_articles / size
    return [int(i * step) for i in range(size)]


# -- reporting ---------------------------------------------------------------------


def describe_cpu(pin: int | None) -> str:
    """Pin the process to CPU `pin` if given; say how the run uses the CPUs."""
    note = f"single-threaded (one core), {os.cpu_count()} CPUs"
    if pin is not None:
        if not hasattr(os, "sched_setaffinity"):
            sys.exit("--cpu needs os.sched_setaffinity (Linux)")
        os.sched_setaffinity(0, {pin})
        note += f", pinned to CPU {pin}"
    if hasattr(os, "getloadavg"):
        note += ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return note


def rate_line(
    label: str, seconds: float, cpu_share: float, n_articles: int, megabytes: float
) -> str:
    return (
        f"  {label:<24} {n_articles / seconds:>10,.1f} articles/s   "
        f"{megabytes / seconds:>8.3f} MB/s   ({seconds:.3f} s for {n_articles:,} articles, "
        f"CPU {cpu_share:.0%} of it)"
    )


def mention_counts(results: Sequence[list]) -> tuple[int, int]:
    """Total mentions, and articles with at least one."""
    return sum(map(len, results)), sum(1 for r in results if r)


def print_profile(gazetteer: Gazetteer, corpus: Sequence[str], top: int = 10) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    scan_corpus(gazetteer.find, corpus)
    profiler.disable()
    for order, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(top)
        lines = out.getvalue().splitlines()
        # Keep the totals line and the table; drop pstats' blank and "Ordered by" lines.
        header = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        total = next((line.strip() for line in lines if "function calls" in line), "")
        print(f"\nProfile of find() over {len(corpus):,} articles, top {top} by {title}")
        print(f"  {total}")
        print("\n".join(line for line in lines[header:] if line.strip()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="corpus size (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes, best kept (default 3)")
    parser.add_argument(
        "--baseline-articles",
        type=int,
        default=500,
        help="articles the slow baseline is timed on, evenly spaced; 0 = all (default 500)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_RANDOM_SEED, help="corpus random seed")
    parser.add_argument("--profile", action="store_true", help="also profile find() (cProfile)")
    parser.add_argument("--cpu", type=int, help="pin the process to this CPU (Linux)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")

    cpu_note = describe_cpu(args.cpu)
    corpus = build_corpus(fresh_gazetteer(), args.articles, args.seed)
    megabytes = corpus_megabytes(corpus)
    seeds = read_seed_articles()
    print("Gazetteer.find() throughput")
    print(
        f"  aleppo_map {__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {cpu_note}"
    )
    gazetteer = fresh_gazetteer()
    print(f"  gazetteer: {len(gazetteer)} places")
    print(
        f"Corpus: {len(corpus):,} articles, {megabytes:.2f} MB (UTF-8, 1 MB = 10^6 bytes), "
        f"{sum(map(word_count, corpus)) / len(corpus):,.0f} words per article on average "
        f"(seeds: {sum(map(word_count, seeds)) / len(seeds):,.0f}); "
        f"random seed {args.seed}, fingerprint {corpus_fingerprint(corpus)}"
    )

    # find(): the first pass (the warm-up) starts with every cache empty, as on new text.
    clear_function_caches()
    cold_seconds, cold_share, _ = timed_pass(gazetteer.find, corpus)
    find_seconds, find_share, find_results = best_time(gazetteer.find, corpus, args.repeat)
    sentences_seconds, sentences_share, _ = best_time(
        find_with_sentences(gazetteer), corpus, args.repeat
    )

    sample_indices = evenly_spaced_indices(len(corpus), args.baseline_articles)
    sample = [corpus[i] for i in sample_indices]
    sample_megabytes = corpus_megabytes(sample)
    regexes = naive_alias_regexes(gazetteer)
    naive = lambda text: naive_find(regexes, text)  # noqa: E731
    scan_corpus(naive, sample[: max(1, len(sample) // 10)])  # warm-up
    naive_seconds, naive_share, naive_results = best_time(naive, sample, args.repeat)

    find_rate = len(corpus) / find_seconds
    naive_rate = len(sample) / naive_seconds
    print(f"\nTimings: best of {args.repeat} after one warm-up pass, time.perf_counter")
    naive_label = f"naive ({len(regexes)} regexes)"
    print(rate_line("find()", find_seconds, find_share, len(corpus), megabytes))
    print(rate_line("find(), first pass", cold_seconds, cold_share, len(corpus), megabytes))
    print(
        rate_line("find() + .sentence", sentences_seconds, sentences_share, len(corpus), megabytes)
    )
    print(rate_line(naive_label, naive_seconds, naive_share, len(sample), sample_megabytes))
    print(
        f"  ratio find()/naive: {find_rate / naive_rate:,.1f}x in articles/s, "
        f"{(megabytes / find_seconds) / (sample_megabytes / naive_seconds):,.1f}x in MB/s"
    )
    if len(sample) < len(corpus):
        print(
            f"  (naive timed on {len(sample):,} evenly spaced articles, {sample_megabytes:.2f} MB;"
            " --baseline-articles 0 times it on all)"
        )
    if min(find_share, cold_share, sentences_share, naive_share) < 0.95:
        print(
            "  WARNING: the process got the CPU for less than 95% of a timed pass; another "
            "process was competing for it, so these figures are too low. Rerun on a quiet machine."
        )
    print("  (first pass: all caches empty; the corpus repeats the seeds' vocabulary, so later")
    print("   passes hit the caches more than new articles would. find() + .sentence also")
    print("   reads each mention's sentence, which Mention works out on demand)")

    find_total, find_with = mention_counts(find_results)
    find_on_sample = [find_results[i] for i in sample_indices]
    sample_total, sample_with = mention_counts(find_on_sample)
    naive_total, naive_with = mention_counts(naive_results)
    print("\nMentions")
    print(
        f"  find() on all {len(corpus):,} articles: {find_total:,} mentions, "
        f"{find_with:,} articles ({find_with / len(corpus):.1%}) with at least one"
    )
    print(
        f"  on the {len(sample):,} baseline articles: find() {sample_total:,} mentions "
        f"in {sample_with:,} articles; naive {naive_total:,} matches in {naive_with:,} articles"
    )
    places = {m.place_id for r in find_results for m in r if m.place_id}
    surfaces = {m.surface for r in find_results for m in r}
    print(
        f"  find() matched {len(places)} of {len(gazetteer)} places, "
        f"written {len(surfaces):,} different ways"
    )
    print("  (naive counts every alias hit, overlapping ones too; it has no spelling tolerance)")
    sane = find_with / len(corpus) >= 0.5
    print(f"  sanity: find() finds mentions in most articles: {'yes' if sane else 'NO'}")

    met = find_rate >= GOAL_ARTICLES_PER_SECOND
    print(
        f"\nGoal: at least {GOAL_ARTICLES_PER_SECOND:,} articles/s on one core: "
        f"{'MET' if met else 'NOT MET'} ({find_rate:,.0f} articles/s)"
    )

    if args.profile:
        print_profile(gazetteer, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
