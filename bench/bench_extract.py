"""Per-page extraction speed: cityclips' process_page beside trafilatura 2.3.1, in one run, on real pages.

    .venv/bin/python bench/bench_extract.py                    # every set present, 3 rounds, stage shares
    .venv/bin/python bench/bench_extract.py --set aeb --repeat 5
    .venv/bin/python bench/bench_extract.py --profile 25       # plus cProfile's 25 costliest functions

Sets: the peers' development halves in ../shared/peers (aeb, trafilatura-eval; skipped with a note
when absent) and eval/real's dev and holdout pages (never fresh: it is measured once, by the lead).
cityclips runs as the eval scripts run it: a corpus template pass over the set, then process_page on
each page with the templates and one set of language detectors. The template pass is a corpus stage
of its own in a run (flows/): it is timed apart and shown beside the per-page figure, not in it.
trafilatura runs as eval/peers.py calls it (`extract(html, url=..., include_comments=False)`).

Figures are CPU seconds (time.process_time) and pages per CPU-second: the machine is shared, so wall
time says more about the neighbours than about the code. Each round times cityclips, then trafilatura,
on the same pages; the ratio is taken within a round, and the spread over rounds is the noise. Both
sides see one page first, untimed (models load on first use). The stage breakdown comes from a
separate pass with timers around each stage's function (exclusive time: a stage's figure leaves out
the stages it calls), so it costs nothing in the timed rounds. Printed figures, not a test.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from cityclips.transforms import html as html_module  # noqa: E402
from cityclips.transforms import pipeline  # noqa: E402
from cityclips.transforms.language import LanguageDetector  # noqa: E402
from cityclips.transforms.pipeline import Detectors, corpus_templates, process_page  # noqa: E402
from cityclips.transforms.records import RawPage  # noqa: E402

PEERS_DIR = ROOT.parent / "shared" / "peers"
REAL_SPLITS = ("dev", "holdout")  # fresh is the lead's, measured once: never benchmarked here
DEFAULT_REPEAT = 3

# (module, function name, stage): the functions timed for the stage breakdown. Each one's time is
# exclusive: measure and find_region are timed inside html_blocks, whose figure is the walk alone.
STAGES = [
    (pipeline, "_precheck", "precheck (empty, binary)"),
    (pipeline, "decode_page", "decode"),
    (pipeline, "parse_html", "parse (lxml)"),
    (pipeline, "check_nodes", "parse (lxml)"),
    (pipeline, "flattening_record", "parse (lxml)"),
    (pipeline, "markup_metadata", "markup metadata [meta3]"),
    (pipeline, "listing_rows", "page kind: listing_rows [pagekind3]"),
    (pipeline, "read_kind_markup", "page kind: read_kind_markup [pagekind3]"),
    (html_module, "measure", "dom.measure"),
    (html_module, "find_region", "region: find_region [region3]"),
    (pipeline, "html_blocks", "html_blocks: the walk"),
    (pipeline, "page_group", "template signatures"),
    (pipeline, "block_signatures", "template signatures"),
    (pipeline, "page_signatures", "template signatures"),
    (pipeline, "dom_pairs", "template signatures"),
    (pipeline, "page_fingerprint", "duplicate fingerprint"),
    (pipeline, "title_hints", "reconcile metadata [meta3]"),
    (pipeline, "reconcile_metadata", "reconcile metadata [meta3]"),
    (pipeline, "clean_blocks", "clean [region3]"),
    (pipeline, "prose_chars", "page kind: decide [pagekind3]"),
    (pipeline, "decide_page_kind", "page kind: decide [pagekind3]"),
    (pipeline, "segment_page", "segment [region3]"),
    (LanguageDetector, "detect", "language"),
    (pipeline, "language_shares", "language"),
    (pipeline, "extract_quotes", "quotes"),
    (pipeline, "sha256_of", "hashing"),
]
OTHER_STAGE = "pipeline glue (records, body text)"


@dataclass(frozen=True)
class BenchPage:
    raw: RawPage
    url: str | None  # given to trafilatura as eval/peers.py does; cityclips' eval runs pass none


def _peer_set(name: str) -> Callable[[], list[BenchPage] | None]:
    def load() -> list[BenchPage] | None:
        import peers  # eval/peers.py

        if name not in peers.peers_available(PEERS_DIR):
            return None
        folder, loader = peers.SETS[name]
        return [BenchPage(RawPage(p.key, p.html, "html"), p.url or None) for p in loader(PEERS_DIR / folder)]
    return load


def _real_set(split: str) -> Callable[[], list[BenchPage] | None]:
    def load() -> list[BenchPage] | None:
        if not (ROOT / "eval" / "real" / split / "gold").is_dir():
            return None
        from real import load_split  # eval/real.py

        return [BenchPage(raw, None) for raw, _ in load_split(split)]
    return load


SETS: dict[str, Callable[[], list[BenchPage] | None]] = {
    "aeb": _peer_set("aeb"), "trafilatura-eval": _peer_set("trafilatura-eval"),
    **{f"real-{split}": _real_set(split) for split in REAL_SPLITS}}


def run_cityclips(pages: list[BenchPage], templates: dict) -> float:
    """CPU seconds of process_page over the pages (one detector set, as a batch shares)."""
    detectors = Detectors()
    started = time.process_time()
    for page in pages:
        process_page(page.raw, templates, detectors)
    return time.process_time() - started


def run_trafilatura(pages: list[BenchPage]) -> float:
    import trafilatura

    started = time.process_time()
    for page in pages:
        try:
            trafilatura.extract(page.raw.data, url=page.url, include_comments=False)
        except Exception:  # noqa: BLE001 - a failure on one page is that page's (empty) output
            pass
    return time.process_time() - started


class StageTimers:
    """Exclusive CPU time per stage, from wrappers put around the STAGES functions while active."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # per open call: [its start, time spent in timed calls inside]
        self._saved: list[tuple[object, str, object]] = []

    def _wrap(self, function: Callable, stage: str) -> Callable:
        stack, seconds, clock = self._stack, self.seconds, time.process_time

        def timed(*args, **kwargs):
            frame = [clock(), 0.0]
            stack.append(frame)
            try:
                return function(*args, **kwargs)
            finally:
                stack.pop()
                spent = clock() - frame[0]
                seconds[stage] += spent - frame[1]
                if stack:
                    stack[-1][1] += spent
        return timed

    def __enter__(self) -> "StageTimers":
        for owner, name, stage in STAGES:
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            self._saved.append((owner, name, original))
            setattr(owner, name, self._wrap(original, stage))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)
        self._saved.clear()


def stage_breakdown(pages: list[BenchPage], templates: dict) -> tuple[dict[str, float], float]:
    """(CPU seconds per stage, total) of one process_page pass over the pages, timers on."""
    with StageTimers() as timers:
        total = run_cityclips(pages, templates)
    stages = dict(timers.seconds)
    stages[OTHER_STAGE] = max(0.0, total - sum(stages.values()))
    return stages, total


def _rate(pages: int, seconds: float) -> float:
    return pages / seconds if seconds else float("inf")


def bench_set(name: str, pages: list[BenchPage], repeat: int) -> dict:
    """Time one set: the template pass, then `repeat` rounds of cityclips and trafilatura."""
    started = time.process_time()
    templates = corpus_templates(page.raw for page in pages)
    template_s = time.process_time() - started
    run_cityclips(pages[:1], templates)  # warm: py3langid's model and the like load on first use
    run_trafilatura(pages[:1])
    rounds = []
    for _ in range(repeat):
        ours = run_cityclips(pages, templates)
        theirs = run_trafilatura(pages)
        rounds.append((ours, theirs))
    stages, staged_total = stage_breakdown(pages, templates)
    return {"name": name, "pages": len(pages), "bytes": sum(len(p.raw.data) for p in pages),
            "template_s": template_s, "rounds": rounds, "stages": stages, "staged_total": staged_total}


def print_set(result: dict) -> None:
    n = result["pages"]
    print(f"\n== {result['name']}: {n} pages, {result['bytes'] / 1e6:.1f} MB of HTML")
    print(f"  {'round':<7} {'cityclips CPU-s':>15} {'pages/CPU-s':>11} {'trafilatura CPU-s':>17} "
          f"{'pages/CPU-s':>11} {'ratio':>6}")
    ratios = []
    for index, (ours, theirs) in enumerate(result["rounds"], 1):
        ratio = theirs / ours if ours else float("inf")
        ratios.append(ratio)
        print(f"  {index:<7} {ours:15.2f} {_rate(n, ours):11.1f} {theirs:17.2f} {_rate(n, theirs):11.1f} {ratio:6.2f}")
    ours_rates = [_rate(n, o) for o, _ in result["rounds"]]
    theirs_rates = [_rate(n, t) for _, t in result["rounds"]]
    print(f"  {'median':<7} {'':>15} {statistics.median(ours_rates):11.1f} {'':>17} "
          f"{statistics.median(theirs_rates):11.1f} {statistics.median(ratios):6.2f}"
          f"   (range: cityclips {min(ours_rates):.1f}-{max(ours_rates):.1f}, "
          f"trafilatura {min(theirs_rates):.1f}-{max(theirs_rates):.1f}, ratio {min(ratios):.2f}-{max(ratios):.2f})")
    ours_median = statistics.median(o for o, _ in result["rounds"])
    print(f"  template pass (a corpus stage, once per run): {result['template_s']:.2f} CPU-s; "
          f"with it cityclips does {_rate(n, ours_median + result['template_s']):.1f} pages/CPU-s")


def print_stages(title: str, stages: dict[str, float], total: float, pages: int) -> None:
    print(f"\n== where cityclips' time goes: {title} ({pages} pages, {total:.2f} CPU-s with timers on)")
    print(f"  {'stage [owner]':<44} {'CPU-s':>7} {'share':>6} {'ms/page':>8}")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<44} {seconds:7.2f} {seconds / total if total else 0:6.1%} {1000 * seconds / pages:8.2f}")


def profile(results_pages: list[tuple[list[BenchPage], dict]], top: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for pages, templates in results_pages:
        run_cityclips(pages, templates)
    profiler.disable()
    print(f"\n== cProfile, {top} costliest functions by own time (profiling inflates small calls)")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), action="append",
                        help="benchmark only this set (repeatable; default: every set present)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed rounds per set (default 3)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also print cProfile's N costliest functions over every set, e.g. --profile 25")
    args = parser.parse_args(argv)
    results, profiled = [], []
    for name in args.set or list(SETS):
        pages = SETS[name]()
        if not pages:
            where = PEERS_DIR if name in ("aeb", "trafilatura-eval") else ROOT / "eval" / "real"
            print(f"{name}: skipped, its pages are absent (looked in {where})")
            continue
        result = bench_set(name, pages, args.repeat)
        print_set(result)
        results.append(result)
        if args.profile:
            profiled.append((pages, corpus_templates(page.raw for page in pages)))
    if not results:
        print("no set to benchmark: nothing measured")
        return 0
    totals: dict[str, float] = defaultdict(float)
    for result in results:
        for stage, seconds in result["stages"].items():
            totals[stage] += seconds
    pages = sum(r["pages"] for r in results)
    if len(results) > 1:
        print("\n== all sets: pages per CPU-second over every page (median round)")
        ours = sum(statistics.median(o for o, _ in r["rounds"]) for r in results)
        theirs = sum(statistics.median(t for _, t in r["rounds"]) for r in results)
        print(f"  cityclips {_rate(pages, ours):.1f}, trafilatura {_rate(pages, theirs):.1f}, "
              f"ratio {theirs / ours if ours else float('inf'):.2f} ({pages} pages)")
    for result in results:
        print_stages(result["name"], result["stages"], result["staged_total"], result["pages"])
    if len(results) > 1:
        print_stages("all sets", totals, sum(r["staged_total"] for r in results), pages)
    if args.profile:
        profile(profiled, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
