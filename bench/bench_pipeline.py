"""Scale benchmark: core throughput, end-to-end runs, memory, re-runs, against a baseline in the same run.

    python bench/bench_pipeline.py                       # N = 1,000 and 10,000
    python bench/bench_pipeline.py --sizes 1000,10000,100000
    python bench/bench_pipeline.py --sizes 1000 --smoke  # CI: one small size, figures but no targets
    python bench/bench_pipeline.py --baseline-cli /tmp/main/.venv/bin/cityclips  # beside another version

It prints core throughput (pages per CPU-second per core, transforms only, text dumps and HTML
apart) beside trafilatura.extract + seeded langdetect on the same HTML pages; the fixed cost of a
one-page run in each start-up situation (a running `cityclips server`, a fresh PREFECT_HOME, a
machine's first run) with the time to the first line; and per N the end-to-end wall time of
`cityclips run` with Prefect, peak RSS of the whole process tree, output size, and a second run
over the unchanged corpus. With --baseline-cli the same runs of another version are printed
beside them, measured in the same run, since this machine is shared and noisy (the load average
is printed with each figure).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
           "e2e_100k_seconds": 300, "e2e_10k_seconds": 60, "peak_rss_mb": 1536, "rerun_share": 0.05,
           "fixed_local_s": 3.0, "fixed_cold_s": 10.0}


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


def _role(process: psutil.Process) -> str:
    """What a process of a run's tree is: the Prefect server, an engine worker, or the run itself."""
    command = " ".join(process.cmdline())
    if "uvicorn" in command or "server start" in command:
        return "server"
    if "multiprocessing" in command or "distributed" in command:
        return "workers"
    return "run"


class TreeRss:
    """Peak resident memory of a process and all its descendants, sampled in a thread, and at the
    peak how much of it was the run's own process, its Prefect server and the engine's workers."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self.peak_roles: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                roles: dict[str, int] = {}
                for p in processes:
                    try:
                        role = "run" if p.pid == self.process.pid else _role(p)
                        roles[role] = roles.get(role, 0) + p.memory_info().rss
                    except psutil.Error:
                        pass
                if sum(roles.values()) > self.peak:
                    self.peak, self.peak_roles = sum(roles.values()), roles
            except psutil.Error:
                pass
            self._stop.wait(RSS_SAMPLE_SECONDS)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


class RunFailed(RuntimeError):
    """A measured run exited non-zero (the baseline failing to start is a result, not a bench error)."""


def run_cli(args: list[str], env: dict, cli: str | None = None) -> dict:
    """Run `cityclips ...` and measure wall time, the time to its first line, and peak tree RSS."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen([cli or str(Path(sys.executable).parent / "cityclips"), *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rss = TreeRss(process.pid)
    first = process.stdout.readline()
    first_line_s = time.perf_counter() - started
    output, _ = process.communicate()
    peak = rss.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run, its workers and its temporary server
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        raise RunFailed(f"cityclips {' '.join(args)} failed ({process.returncode}):\n{(first + output)[-3000:]}")
    roles = ", ".join(f"{role} {size / 1024 ** 2:,.0f}" for role, size in sorted(rss.peak_roles.items()))
    return {"wall_s": time.perf_counter() - started, "cpu_s": cpu_s, "peak_rss_mb": peak / 1024 ** 2, "peak_roles": roles,
            "output": first + output,
            "first_line_s": first_line_s if first.strip() else float("nan")}


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


def _env(base: dict, home: Path, cache: Path | None = None) -> dict:
    env = {k: v for k, v in base.items() if not k.startswith("PREFECT_") and k != "CITYCLIPS_CACHE_DIR"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    if cache is not None:
        env["CITYCLIPS_CACHE_DIR"] = str(cache)
    return env


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def bench_size(pages: int, workdir: Path, seed: int, env: dict, extra_args: list[str], cli: str | None,
               label: str) -> dict:
    corpus = generate(pages, workdir / f"corpus-{pages}", seed)
    if not (Path(env["PREFECT_HOME"]) / "prefect.db").exists():  # steady state: a PREFECT_HOME used before
        fixed_cost(workdir, env, cli, 1)
    out = workdir / f"out-{label}-{pages}"
    shutil.rmtree(out, ignore_errors=True)
    load = _load()
    first = run_cli(["run", str(corpus), "--out", str(out), *extra_args], env, cli)
    second = run_cli(["run", str(corpus), "--out", str(out), *extra_args], env, cli)
    local = None
    if cli is None:  # cityclips: the same unchanged re-run once more, with a `cityclips server` running
        with local_server(env):
            local = run_cli(["run", str(corpus), "--out", str(out), *extra_args], env, cli)
    return {"pages": pages, "label": label, "first": first, "second": second, "local": local, "out_mb": du_mb(out),
            "db_mb": (out / "cityclips.duckdb").stat().st_size / 1024 ** 2, "load": f"{load}-{_load()}"}


def one_page(workdir: Path) -> Path:
    one = workdir / "one-page"
    one.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "seeds" / "001_37b750b5778ba05a.txt", one / "page.txt")
    return one


def fixed_cost(workdir: Path, env: dict, cli: str | None, repeat: int) -> dict:
    """Wall time of a one-page run (median of repeat) and the time to its first line."""
    one = one_page(workdir)
    walls, cpus, firsts, loads, failed = [], [], [], [], []
    for i in range(repeat):
        out = workdir / f"out-one-{i}"
        shutil.rmtree(out, ignore_errors=True)
        loads.append(_load())
        try:
            result = run_cli(["run", str(one), "--out", str(out)], env(i) if callable(env) else env, cli)
        except RunFailed as error:
            failed.append(str(error).splitlines()[-1][:200])
            continue
        walls.append(result["wall_s"])
        cpus.append(result["cpu_s"])
        firsts.append(result["first_line_s"])
    nan = float("nan")
    return {"wall_s": statistics.median(walls) if walls else nan, "all": walls, "failed": failed,
            "cpu_s": statistics.median(cpus) if cpus else nan,
            "first_line_s": statistics.median(firsts) if firsts else nan, "load": ",".join(loads)}


@contextmanager
def local_server(env: dict) -> Iterator[None]:
    """`cityclips server start` for env's PREFECT_HOME for the block, stopped after it."""
    cli = str(Path(sys.executable).parent / "cityclips")
    subprocess.run([cli, "server", "start"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        subprocess.run([cli, "server", "stop"], env=env, stdout=subprocess.DEVNULL)


def fixed_costs(workdir: Path, base: dict, cli_baseline: str | None, repeat: int) -> list[tuple[str, dict]]:
    """The one-page run in each start-up situation, cityclips beside the baseline."""
    rows = []
    cache = workdir / "cache-first-run"  # empty: the first row is a machine's very first run
    shutil.rmtree(cache, ignore_errors=True)
    fresh = lambda tag: (lambda i: _env(base, workdir / f"home-{tag}-{i}-{time.time_ns()}", cache))  # noqa: E731
    rows.append(("cityclips, fresh PREFECT_HOME, first run on the machine (no template)",
                 fixed_cost(workdir, fresh("first"), None, 1)))  # fills the cache for the rows below
    rows.append(("cityclips, fresh PREFECT_HOME (cold; empty database template cached)",
                 fixed_cost(workdir, fresh("cold"), None, repeat)))
    home = workdir / "home-local-server"
    shutil.rmtree(home, ignore_errors=True)
    local_env = _env(base, home, cache)
    with local_server(local_env):
        rows.append(("cityclips, `cityclips server start` running", fixed_cost(workdir, local_env, None, repeat)))
    if cli_baseline:
        rows.append(("baseline, fresh PREFECT_HOME (its temporary server, migrations)",
                     fixed_cost(workdir, fresh("baseline"), cli_baseline, repeat)))
        warm = _env(base, workdir / "home-baseline-warm", cache)
        fixed_cost(workdir, warm, cli_baseline, 1)  # creates its database
        rows.append(("baseline, existing PREFECT_HOME", fixed_cost(workdir, warm, cli_baseline, repeat)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000"),
                        help="corpus sizes, comma-separated (default: 1000,10000; env BENCH_SIZES)")
    parser.add_argument("--workdir", default=str(ROOT / "bench" / "out"), help="where corpora and outputs go")
    parser.add_argument("--seed", type=int, default=7, help="corpus generator seed")
    parser.add_argument("--smoke", action="store_true", help="CI smoke test: print figures, judge no targets")
    parser.add_argument("--engine", default=None, help="pass --engine to cityclips run (default: auto)")
    parser.add_argument("--workers", default=None, help="pass --workers to cityclips run (default: automatic)")
    parser.add_argument("--baseline-cli", default=os.environ.get("BENCH_BASELINE_CLI"),
                        help="a `cityclips` of another version (e.g. main before a change) measured side by side")
    parser.add_argument("--baseline-max-pages", type=int, default=10_000,
                        help="measure the baseline only up to this size (default: 10,000)")
    parser.add_argument("--compare-engines", type=int, default=0,
                        help="also run this many pages on each engine (one-process, processes, dask-local)")
    parser.add_argument("--repeat", type=int, default=3, help="one-page runs per start-up situation (median)")
    parser.add_argument("--no-core", action="store_true", help="skip the core throughput and trafilatura baseline")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    env = _env(os.environ, Path(os.environ.get("PREFECT_HOME", str(workdir / "prefect-home"))), workdir / "cache")
    extra = (["--engine", args.engine] if args.engine else []) + (["--workers", args.workers] if args.workers else [])
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"cityclips benchmark on {os.cpu_count()} cores, load {_load()} at the start; sizes {sizes}; command: "
          f"python bench/bench_pipeline.py {' '.join(argv if argv is not None else sys.argv[1:])}\n")
    core, html_ratio = {}, 0.0
    if not args.no_core:
        corpus = generate(sizes[0], workdir / f"corpus-{sizes[0]}", args.seed)
        core = core_throughput(corpus)
        baseline = baseline_throughput(corpus)
        html_ratio = core["html"]["pages_per_cpu_s"] / baseline["pages_per_cpu_s"] if baseline["pages_per_cpu_s"] else 0
        print("## Core throughput (transforms only, one core, pages per CPU-second)\n")
        print("| pages | cityclips | baseline: trafilatura + langdetect | ratio |\n|---|---:|---:|---:|")
        print(f"| text dumps ({core['text']['pages']}) | {core['text']['pages_per_cpu_s']:,.0f} | - | - |")
        print(f"| HTML ({core['html']['pages']}; baseline {baseline['pages']}) | {core['html']['pages_per_cpu_s']:,.0f} | "
              f"{baseline['pages_per_cpu_s']:,.0f} | {html_ratio:.1f}x |\n")

    print("## Fixed cost: `cityclips run` on one page (median; load at each run's start)\n")
    print("| situation | wall | CPU-s | first line | runs | load |\n|---|---:|---:|---:|---|---|")
    fixed = fixed_costs(workdir, os.environ, args.baseline_cli, args.repeat)
    for name, r in fixed:
        failures = f"; **{len(r['failed'])} failed**: {r['failed'][0]}" if r["failed"] else ""
        print(f"| {name} | {r['wall_s']:.1f} s | {r['cpu_s']:.1f} | {r['first_line_s']:.2f} s | "
              f"{', '.join(f'{w:.1f}' for w in r['all'])}{failures} | {r['load']} |", flush=True)

    print("\n## End to end (`cityclips run`, Prefect included: a temporary server per run, existing PREFECT_HOME)\n")
    print("| version | N | first run | CPU-s | pages/s | peak RSS (tree) | at the peak, MB | output | DuckDB | unchanged re-run "
          "| re-run / first | re-run, cityclips server running | load |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|")
    results = []
    for pages in sizes:
        runs = [("cityclips", None, extra)]
        if args.baseline_cli and pages <= args.baseline_max_pages:
            runs.append(("baseline", args.baseline_cli, []))
        for label, cli, arguments in runs:
            try:
                r = bench_size(pages, workdir, args.seed, env if label == "cityclips" else
                               _env(os.environ, workdir / "home-baseline-e2e", workdir / "cache"), arguments, cli, label)
            except RunFailed as error:
                print(f"| {label} | {pages:,} | **failed**: {str(error).splitlines()[-1][:150]} |", flush=True)
                continue
            results.append(r)
            first, second = r["first"], r["second"]
            print(f"| {label} | {pages:,} | {first['wall_s']:.1f} s | {first['cpu_s']:,.0f} | {pages / first['wall_s']:,.0f} | "
                  f"{first['peak_rss_mb']:,.0f} MB | {first['peak_roles']} | {r['out_mb']:,.0f} MB | {r['db_mb']:,.0f} MB | "
                  f"{second['wall_s']:.1f} s ({second['cpu_s']:.1f} CPU-s) | {second['wall_s'] / first['wall_s']:.1%} | "
                  + (f"{r['local']['wall_s']:.1f} s ({r['local']['wall_s'] / first['wall_s']:.1%})" if r["local"] else "-")
                  + f" | {r['load']} |", flush=True)

    if args.compare_engines:
        print(f"\n## Engines on {args.compare_engines:,} pages (first run, same corpus, one after another)\n")
        print("| engine | first run | CPU-s | peak RSS (tree) | load |\n|---|---:|---:|---:|---|")
        for engine in ("one-process", "processes", "dask-local"):
            r = bench_size(args.compare_engines, workdir, args.seed, env, ["--engine", engine], None, engine)
            print(f"| {engine} | {r['first']['wall_s']:.1f} s | {r['first']['cpu_s']:,.0f} | {r['first']['peak_rss_mb']:,.0f} MB | "
                  f"{r['load']} |",
                  flush=True)

    if args.smoke:
        print("\n(smoke run: no targets judged)")
        return 0
    print("\n## Targets\n")
    ours = [r for r in results if r["label"] == "cityclips"]
    fixed_by = dict(fixed)
    checks = [("one-page run <= 3 s with a running local server",
               fixed_by["cityclips, `cityclips server start` running"]["wall_s"] <= TARGETS["fixed_local_s"]),
              ("one-page run <= 10 s cold (fresh PREFECT_HOME)",
               fixed_by["cityclips, fresh PREFECT_HOME (cold; empty database template cached)"]["wall_s"]
               <= TARGETS["fixed_cold_s"]),
              ("first line within 1 s", all(r["first_line_s"] <= 1.0 for n, r in fixed if n.startswith("cityclips")))]
    if core:
        checks += [("text dumps >= 1,000 pages/CPU-s/core",
                    core["text"]["pages_per_cpu_s"] >= TARGETS["text_pages_per_cpu_s"]),
                   ("HTML >= 150 pages/CPU-s/core", core["html"]["pages_per_cpu_s"] >= TARGETS["html_pages_per_cpu_s"]),
                   ("HTML >= 3x baseline", html_ratio >= TARGETS["html_vs_baseline"])]
    for r in ours:
        if r["pages"] >= 100_000:
            checks.append(("100,000 pages end to end <= 5 min", r["first"]["wall_s"] <= TARGETS["e2e_100k_seconds"]))
            checks.append(("peak RSS <= 1.5 GB at 100,000", r["first"]["peak_rss_mb"] <= TARGETS["peak_rss_mb"]))
        if r["pages"] == 10_000:
            checks.append(("10,000 pages first run <= 60 s", r["first"]["wall_s"] <= TARGETS["e2e_10k_seconds"]))
        checks.append((f"unchanged re-run <= 5% of first at {r['pages']:,} (temporary server; with a cityclips "
                       f"server: {r['local']['wall_s'] / r['first']['wall_s']:.1%})",
                       r["second"]["wall_s"] / r["first"]["wall_s"] <= TARGETS["rerun_share"]))
    for name, ok in checks:
        print(f"- {'met' if ok else 'NOT met'}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
