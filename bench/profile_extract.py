"""Where cityclips' per-page time goes: cProfile over process_page on the bench pages, costliest first.

    .venv/bin/python bench/profile_extract.py --set aeb --set trafilatura-eval          # top 30 both ways
    .venv/bin/python bench/profile_extract.py --set aeb --top 50 --sort cumulative
    .venv/bin/python bench/profile_extract.py --set aeb --save /tmp/aeb.prof            # for pstats or snakeviz

The pages are loaded as bench/bench_extract.py loads them and processed as it runs them (a corpus
template pass first, untimed, then process_page with one set of language detectors), so the profile
is of the figure that script reports. cProfile inflates small, often-called functions: use it to find
where to look, and bench_extract.py's ratios to say whether a change helped. Printed figures, not a test.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import SETS, run_cityclips  # noqa: E402
from cityclips.transforms.pipeline import corpus_templates  # noqa: E402

DEFAULT_TOP = 30
DEFAULT_SETS = ("aeb", "trafilatura-eval")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), action="append",
                        help=f"profile this set (repeatable; default: {', '.join(DEFAULT_SETS)})")
    parser.add_argument("--top", type=int, default=DEFAULT_TOP, help="functions shown per ordering")
    parser.add_argument("--sort", choices=("tottime", "cumulative", "both"), default="both")
    parser.add_argument("--save", type=Path, help="also write the raw profile here")
    args = parser.parse_args(argv)
    profiled = []
    for name in args.set or DEFAULT_SETS:
        pages = SETS[name]()
        if not pages:
            print(f"{name}: skipped, its pages are absent")
            continue
        templates = corpus_templates(page.raw for page in pages)
        run_cityclips(pages[:1], templates)  # warm: models load on first use
        profiled.append((name, pages, templates))
    if not profiled:
        print("no set to profile")
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    for _, pages, templates in profiled:
        run_cityclips(pages, templates)
    profiler.disable()
    if args.save:
        profiler.dump_stats(str(args.save))
    pages = sum(len(p) for _, p, _ in profiled)
    print(f"== cProfile of process_page over {pages} pages ({', '.join(n for n, _, _ in profiled)})")
    orders = ("tottime", "cumulative") if args.sort == "both" else (args.sort,)
    for order in orders:
        print(f"\n-- by {order}")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
