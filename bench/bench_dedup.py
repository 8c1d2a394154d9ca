"""Duplicate detection (issue 14): quality against the generator's truth, and the cost of the pass.

    python bench/bench_dedup.py                          # quality at 10,000 pages, cost at 10,000
    python bench/bench_dedup.py --cost-sizes 10000,100000 --datasketch
    python bench/bench_dedup.py --pages 2000 --cost-sizes 2000   # a quick look

Quality: a corpus of --pages pages with 10% re-scraped and 2% syndicated copies (bench/generate_corpus.py
writes the truth). Prints the pairwise precision and recall of the groups found, and how many pages
keep their full body: a page keeps it when it is a document and its body holds >= 99% of the lines its
original has when the corpus holds no copy at all. The same is printed for page counting by content
hash (the behaviour before duplicate groups), measured in the same run.

Cost: per page, the fingerprint against the scan it rides on (decode, blocks, line signatures), and
for the whole corpus, grouping against counting templates over the same scan table; with
--datasketch, datasketch's MinHash and MinHashLSH on the same shingles. All as ratios in one run.
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from cityclips.transforms.dedup import (Assignment, article_lines, page_fingerprint, shingle_hashes,  # noqa: E402
                                        DUPLICATE_JACCARD, FINGERPRINT_BINS)
from cityclips.transforms.pipeline import page_blocks, page_lines, process_pages, templates_of  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402
from cityclips.transforms.template import page_signatures  # noqa: E402
from cityclips.warehouse.incremental import _template_sets, group_pages, scan_table  # noqa: E402

BENCH_DIR = Path(os.environ.get("CITYCLIPS_BENCH_DIR", "/tmp/cityclips-bench"))
SEED = 7
RESCRAPE_SHARE, SYNDICATE_SHARE = 0.10, 0.02  # the corpus
FULL_BODY_LINES = 0.99  # a page keeps its full body when it has 99% of its original's body lines
COST_SAMPLE_PAGES = 2000  # pages timed per-page (fingerprint vs scan): enough for a stable rate
TRUTH = Path(".truth/duplicates.tsv")


def corpus(pages: int, copies: bool) -> Path:
    """Generate (once) a corpus with bench/generate_corpus.py; copies adds the issue's share of copies."""
    out = BENCH_DIR / f"dedup-{pages}-{SEED}{'-copies' if copies else ''}"
    stamp = out / ".complete"
    if not stamp.exists():
        arguments = [sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--pages", str(pages),
                     "--out", str(out), "--seed", str(SEED), "--force"]
        if copies:
            arguments += ["--rescrape-share", str(RESCRAPE_SHARE), "--syndicate-share", str(SYNDICATE_SHARE)]
        subprocess.run(arguments, check=True, stdout=subprocess.DEVNULL)
        stamp.touch()
    return out


def page_paths(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".html") and "/." not in p.as_posix())


def read_page(root: Path, path: Path) -> RawPage:
    return RawPage(path.relative_to(root).as_posix(), path.read_bytes(), "html" if path.suffix == ".html" else "text")


def read_pages(root: Path) -> list[RawPage]:
    return [read_page(root, p) for p in page_paths(root)]


def _scan_chunk(arguments):
    root, paths = arguments
    return [page_lines(read_page(root, path)) for path in paths]


def scan_paths(root: Path, paths: list[Path], workers: int = 2):
    """page_lines of every page, read and scanned on a process pool (as the flow's scan stage does)."""
    size = max(1, len(paths) // (workers * 8))
    chunks = [(root, paths[i:i + size]) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(workers) as pool:
        return [lines for part in pool.map(_scan_chunk, chunks) for lines in part]


def _process_chunk(arguments):
    chunk, templates = arguments
    return [(r.source_path, (r.metadata.title, r.body_text) if isinstance(r, Document) else None)
            for r in process_pages(chunk, templates)]


def bodies(pages: list[RawPage], templates, workers: int = 2) -> dict[str, tuple[str | None, str] | None]:
    """source_path -> (title, body_text) (None for a reject), processed on a process pool."""
    size = max(1, len(pages) // (workers * 8))
    chunks = [(pages[i:i + size], templates) for i in range(0, len(pages), size)]
    with ProcessPoolExecutor(workers) as pool:
        return dict(pair for part in pool.map(_process_chunk, chunks) for pair in part)


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) if a < b else (b, a) for group in groups for n, a in enumerate(group) for b in group[n + 1:]}


def quality(pages: int, workers: int) -> None:
    root = corpus(pages, copies=True)
    with open(root / TRUTH, encoding="utf-8") as handle:
        truth = list(csv.DictReader(handle, delimiter="\t"))
    original_of = {row["copy"]: row["original"] for row in truth}
    raws = read_pages(root)
    copies = [r for r in raws if r.source_path in original_of]
    originals = [r for r in raws if r.source_path not in original_of]
    print(f"corpus: {len(raws)} pages ({len(originals)} originals, {len(copies)} copies: "
          f"{Counter(row['kind'] for row in truth)})")
    started = time.perf_counter()
    lines = [line for line in scan_paths(root, page_paths(root), workers) if line]
    groups = group_pages(scan_table(lines))
    print(f"scan + group: {time.perf_counter() - started:.1f} s")
    members: dict[str, list[str]] = {}
    for line, group in zip(lines, groups):
        members.setdefault(group.duplicate_group, []).append(line.source_path)

    baseline = bodies(originals, templates_of([line for line in lines if line.source_path not in original_of]),
                      workers)
    articles = {path for path, body in baseline.items() if body}  # pages with an article (not dirty)
    truth_pairs = _pairs([[row["copy"], row["original"]] for row in truth])
    same_bytes: dict[str, list[str]] = {}
    for line in lines:
        same_bytes.setdefault(line.content_sha256, []).append(line.source_path)
    accidental = _pairs(list(same_bytes.values())) - truth_pairs
    truth_pairs |= accidental  # equal bytes are the same page, whatever the generator meant
    found_groups = [[p for p in group if original_of.get(p, p) in articles] for group in members.values()]
    found = _pairs(found_groups)
    left_out = sum(len(g) for g in members.values() if len(g) > 1) - sum(len(g) for g in found_groups if len(g) > 1)
    precision = len(found & truth_pairs) / len(found) if found else 1.0
    recall = len(found & truth_pairs) / len(truth_pairs) if truth_pairs else 1.0
    print(f"groups: {len(truth_pairs)} true pairs ({len(accidental)} of them byte-identical pages the generator made "
          f"by accident, e.g. chrome-only pages), {len(found)} found; precision {precision:.4f}, recall {recall:.4f}"
          f" ({left_out} pages without an article grouped among themselves: not scored)")

    by_content = [Assignment(line.content_sha256, line.content_sha256, 1) for line in lines]
    for label, assignments in (("duplicate groups", groups), ("content hash (before)", by_content)):
        result = bodies(raws, templates_of(lines, assignments), workers)
        scored = [r.source_path for r in raws if original_of.get(r.source_path, r.source_path) in articles]
        documents = sum(result.get(path) is not None for path in scored)
        full = sum(_full_body(result.get(path), baseline[original_of.get(path, path)]) for path in scored)
        print(f"{label:>22}: {documents}/{len(scored)} pages are documents ({documents / len(scored):.2%}), "
              f"{full} keep their full body ({full / len(scored):.2%})")


def _chrome_vocabulary() -> frozenset[str]:
    """Every chrome line and link text of the generator's sites: a body that lost one lost no article."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate_corpus as generator
    found: set[str] = set()
    for site in generator.SITES:
        for lines in generator.chrome_lines(site).values():
            for line in lines:
                found.add(line)
                found.update(part.strip() for part in line.split("|"))
    return frozenset(found)


CHROME = _chrome_vocabulary()


def _full_body(page: tuple[str | None, str] | None, original: tuple[str | None, str] | None) -> bool:
    """The page is a document whose body holds FULL_BODY_LINES of its original's article lines (the
    original's body in a corpus without copies, less chrome lines and either run's title)."""
    if page is None or original is None:
        return False
    titles = {page[0], original[0]}
    wanted = Counter(line for line in original[1].split("\n") if line not in CHROME and line not in titles)
    have = Counter(page[1].split("\n"))
    return sum((wanted & have).values()) >= FULL_BODY_LINES * sum(wanted.values())


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cost(sizes: list[int], workers: int, with_datasketch: bool) -> None:
    for size in sizes:
        root = corpus(size, copies=True)
        paths = page_paths(root)
        # the generator's dirty pages (binary, undecodable) are rejected before any scan: leave them out
        sample = [raw for raw in (read_page(root, p) for p in paths[:COST_SAMPLE_PAGES]) if page_lines(raw)]
        blocks = [page_blocks(raw)[0] for raw in sample]
        started = time.process_time()
        for raw in sample:
            page_signatures(page_blocks(raw)[0])
        scan_cpu = time.process_time() - started
        started = time.process_time()
        for found in blocks:
            page_fingerprint(found)
        fingerprint_cpu = time.process_time() - started
        print(f"N={len(paths)}: per page, scan {scan_cpu / len(sample) * 1e6:.0f} us, fingerprint "
              f"{fingerprint_cpu / len(sample) * 1e6:.0f} us (x{fingerprint_cpu / scan_cpu:.2f} of the scan)")
        table = scan_table([line for line in scan_paths(root, paths, workers) if line])
        rss = _max_rss_mb()
        started = time.perf_counter()
        groups = group_pages(table)
        group_s = time.perf_counter() - started
        group_rss = _max_rss_mb()
        articles = pa_strings([g.duplicate_group for g in groups])
        started = time.perf_counter()
        _template_sets(table, articles)
        template_s = time.perf_counter() - started
        print(f"N={len(paths)}: grouping {group_s:.2f} s, template counting {template_s:.2f} s "
              f"(grouping x{group_s / template_s:.2f} of it); {sum(g.copies > 1 for g in groups)} pages in groups; "
              f"fingerprints {FINGERPRINT_BINS * 4 * len(paths) / 1e6:.1f} MB; max RSS {rss:.0f} -> {group_rss:.0f} MB")
        if with_datasketch:
            datasketch_cost(sample, blocks, fingerprint_cpu, len(paths))


def pa_strings(values: list[str]):
    import pyarrow as pa
    return pa.array(values, pa.string())


def datasketch_cost(sample: list[RawPage], blocks, fingerprint_cpu: float, corpus_pages: int) -> None:
    """datasketch MinHash (same bins, same shingles) and MinHashLSH at the same threshold, on the sample."""
    from datasketch import MinHash, MinHashLSH
    shingles = [shingle_hashes(article_lines(found)) for found in blocks]
    started = time.process_time()
    sketches = []
    for values in shingles:
        sketch = MinHash(num_perm=FINGERPRINT_BINS)
        sketch.update_batch([int(v).to_bytes(8, "little") for v in values])
        sketches.append(sketch)
    sketch_cpu = time.process_time() - started
    started = time.process_time()
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=FINGERPRINT_BINS)
    for number, sketch in enumerate(sketches):
        lsh.query(sketch)
        lsh.insert(str(number), sketch)
    lsh_cpu = time.process_time() - started
    print(f"datasketch on {len(sample)} pages: MinHash {sketch_cpu / len(sample) * 1e6:.0f} us a page "
          f"(x{sketch_cpu / fingerprint_cpu:.1f} of dedup.py's fingerprint, shingling included there), "
          f"MinHashLSH insert+query {lsh_cpu / len(sample) * 1e6:.0f} us a page "
          f"(~{lsh_cpu / len(sample) * corpus_pages:.1f} s for the corpus)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python bench/bench_dedup.py --cost-sizes 10000,100000",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000, help="original pages of the quality corpus (default 10000)")
    parser.add_argument("--cost-sizes", default="10000", help="comma-separated corpus sizes to time (default 10000)")
    parser.add_argument("--workers", type=int, default=2, help="processes for scanning and processing (default 2)")
    parser.add_argument("--datasketch", action="store_true", help="also time datasketch's MinHash and MinHashLSH")
    parser.add_argument("--no-quality", action="store_true", help="skip the quality measurement")
    args = parser.parse_args(argv)
    if not args.no_quality:
        quality(args.pages, args.workers)
    cost([int(s) for s in args.cost_sizes.split(",") if s], args.workers, args.datasketch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
