"""Scale benchmark: core throughput, end-to-end runs, memory, re-runs, against a baseline in the same run.

    python bench/bench_pipeline.py                       # N = 1,000 and 10,000
    python bench/bench_pipeline.py --sizes 1000,10000,100000
    python bench/bench_pipeline.py --sizes 1000 --smoke  # CI: one small size, figures but no targets

It prints, per N: core throughput (pages per CPU-second per core, transforms only, text dumps and
HTML apart), the baseline on the same HTML pages (trafilatura.extract + seeded langdetect per
page), end-to-end wall time of `cityclips run` including Prefect, its fixed overhead (a run on
one page), peak RSS of the whole process tree, output size, and a second run over the unchanged
corpus. Figures are ratios against numbers measured in the same run, since this machine is noisy.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.pipeline import corpus_templates, process_pages  # noqa: E402
from cityclips.transforms.records import RawPage  # noqa: E402

CORE_SAMPLE_PAGES = {"text": 3000, "html": 1000}  # enough pages for a stable rate, few enough for a minute
BASELINE_SAMPLE_PAGES = 300  # trafilatura + langdetect is slow: a smaller sample gives the same rate
RSS_SAMPLE_SECONDS = 0.2
TARGETS = {"text_pages_per_cpu_s": 1000, "html_pages_per_cpu_s": 150, "html_vs_baseline": 3.0,
           "e2e_100k_seconds": 300, "peak_rss_mb": 1536, "rerun_share": 0.05}


def generate(pages: int, out: Path, seed: int) -> Path:
    """Generate (once) a corpus of N pages with bench/generate_corpus.py."""
    stamp = out / ".complete"
    if not stamp.exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--pages", str(pages),
                        "--out", str(out), "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
        stamp.touch()
    return out


def _pages(corpus: Path, fmt: str, limit: int) -> list[RawPage]:
    suffix = ".txt" if fmt == "text" else ".html"
    paths = sorted(p for p in corpus.rglob(f"*{suffix}"))[:limit]
    return [RawPage(p.relative_to(corpus).as_posix(), p.read_bytes(), fmt) for p in paths]


def core_throughput(corpus: Path) -> dict:
    """Pages per CPU-second, transforms only, with templates counted over the sample first."""
    result = {}
    for fmt, limit in CORE_SAMPLE_PAGES.items():
        pages = _pages(corpus, fmt, limit)
        templates = corpus_templates(pages)
        started = time.process_time()
        process_pages(pages, templates)
        cpu = time.process_time() - started
        result[fmt] = {"pages": len(pages), "cpu_s": cpu, "pages_per_cpu_s": len(pages) / cpu if cpu else 0.0}
    return result


def baseline_throughput(corpus: Path) -> dict:
    """trafilatura.extract + seeded langdetect, per HTML page: the baseline the issue names."""
    import trafilatura
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from cityclips.transforms.decode import decode_page
    DetectorFactory.seed = 0
    pages = _pages(corpus, "html", BASELINE_SAMPLE_PAGES)
    started = time.process_time()
    for raw in pages:
        text = trafilatura.extract(decode_page(raw).text) or ""
        try:
            detect(text) if text.strip() else None
        except LangDetectException:
            pass
    cpu = time.process_time() - started
    return {"pages": len(pages), "cpu_s": cpu, "pages_per_cpu_s": len(pages) / cpu if cpu else 0.0}


class TreeRss:
    """Peak resident memory of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                total = 0
                for p in processes:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(RSS_SAMPLE_SECONDS)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_cli(args: list[str], env: dict) -> dict:
    """Run `cityclips ...` and measure wall time and peak tree RSS."""
    started = time.perf_counter()
    process = subprocess.Popen([str(Path(sys.executable).parent / "cityclips"), *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rss = TreeRss(process.pid)
    output, _ = process.communicate()
    peak = rss.stop()
    if process.returncode != 0:
        raise RuntimeError(f"cityclips {' '.join(args)} failed ({process.returncode}):\n{output[-3000:]}")
    return {"wall_s": time.perf_counter() - started, "peak_rss_mb": peak / 1024 ** 2, "output": output}


def du_mb(path: Path) -> float:
    total = 0
    seen = set()
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            stat = p.stat()
            if stat.st_ino not in seen:
                seen.add(stat.st_ino)
                total += stat.st_size
    return total / 1024 ** 2


def bench_size(pages: int, workdir: Path, seed: int, env: dict, extra_args: list[str]) -> dict:
    corpus = generate(pages, workdir / f"corpus-{pages}", seed)
    out = workdir / f"out-{pages}"
    shutil.rmtree(out, ignore_errors=True)
    first = run_cli(["run", str(corpus), "--out", str(out), *extra_args], env)
    second = run_cli(["run", str(corpus), "--out", str(out), *extra_args], env)
    return {"pages": pages, "first": first, "second": second, "out_mb": du_mb(out),
            "db_mb": (out / "cityclips.duckdb").stat().st_size / 1024 ** 2}


def fixed_overhead(workdir: Path, env: dict) -> float:
    one = workdir / "one-page"
    one.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "seeds" / "001_37b750b5778ba05a.txt", one / "page.txt")
    out = workdir / "out-one"
    shutil.rmtree(out, ignore_errors=True)
    return run_cli(["run", str(one), "--out", str(out)], env)["wall_s"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000"),
                        help="corpus sizes, comma-separated (default: 1000,10000; env BENCH_SIZES)")
    parser.add_argument("--workdir", default=str(ROOT / "bench" / "out"), help="where corpora and outputs go")
    parser.add_argument("--seed", type=int, default=7, help="corpus generator seed")
    parser.add_argument("--smoke", action="store_true", help="CI smoke test: print figures, judge no targets")
    parser.add_argument("--workers", default=None, help="pass --workers to cityclips run (default: automatic)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_HOME": os.environ.get("PREFECT_HOME", str(workdir / "prefect-home"))}
    extra = ["--workers", args.workers] if args.workers else []
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"cityclips benchmark on {os.cpu_count()} cores; sizes {sizes}; command: "
          f"python bench/bench_pipeline.py --sizes {args.sizes}\n")
    corpus = generate(sizes[0], workdir / f"corpus-{sizes[0]}", args.seed)
    core = core_throughput(corpus)
    baseline = baseline_throughput(corpus)
    html_ratio = core["html"]["pages_per_cpu_s"] / baseline["pages_per_cpu_s"] if baseline["pages_per_cpu_s"] else 0
    print("## Core throughput (transforms only, one core, pages per CPU-second)\n")
    print("| pages | cityclips | baseline: trafilatura + langdetect | ratio |\n|---|---:|---:|---:|")
    print(f"| text dumps ({core['text']['pages']}) | {core['text']['pages_per_cpu_s']:,.0f} | - | - |")
    print(f"| HTML ({core['html']['pages']}; baseline {baseline['pages']}) | {core['html']['pages_per_cpu_s']:,.0f} | "
          f"{baseline['pages_per_cpu_s']:,.0f} | {html_ratio:.1f}x |\n")
    overhead = fixed_overhead(workdir, env)
    print(f"Fixed orchestration overhead (cityclips run on one page, Prefect temporary server included): "
          f"{overhead:.1f} s\n")
    print("## End to end (`cityclips run`, Prefect included)\n")
    print("| N | first run | pages/s | peak RSS (tree) | output | DuckDB | unchanged re-run | re-run / first |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = []
    for pages in sizes:
        r = bench_size(pages, workdir, args.seed, env, extra)
        results.append(r)
        first, second = r["first"], r["second"]
        print(f"| {pages:,} | {first['wall_s']:.1f} s | {pages / first['wall_s']:,.0f} | {first['peak_rss_mb']:,.0f} MB | "
              f"{r['out_mb']:,.0f} MB | {r['db_mb']:,.0f} MB | {second['wall_s']:.1f} s | "
              f"{second['wall_s'] / first['wall_s']:.1%} |", flush=True)
    if args.smoke:
        print("\n(smoke run: no targets judged)")
        return 0
    print("\n## Targets\n")
    checks = [("text dumps >= 1,000 pages/CPU-s/core", core["text"]["pages_per_cpu_s"] >= TARGETS["text_pages_per_cpu_s"]),
              ("HTML >= 150 pages/CPU-s/core", core["html"]["pages_per_cpu_s"] >= TARGETS["html_pages_per_cpu_s"]),
              ("HTML >= 3x baseline", html_ratio >= TARGETS["html_vs_baseline"])]
    for r in results:
        checks.append((f"peak RSS < 1.5 GB at {r['pages']:,}", r["first"]["peak_rss_mb"] < TARGETS["peak_rss_mb"]))
        checks.append((f"unchanged re-run < 5% of first at {r['pages']:,}",
                       r["second"]["wall_s"] / r["first"]["wall_s"] < TARGETS["rerun_share"]))
        if r["pages"] >= 100_000:
            checks.append(("100,000 pages end to end < 5 min", r["first"]["wall_s"] < TARGETS["e2e_100k_seconds"]))
    for name, ok in checks:
        print(f"- {'met' if ok else 'NOT met'}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
