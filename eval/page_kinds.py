"""Score page_kind on labelled real pages (eval/pagekind: listings and articles saved by scrapers).

    python eval/page_kinds.py                       # eval/pagekind, the set in the repository
    python eval/page_kinds.py --dir some/labelled   # another labelled set
    python eval/page_kinds.py --min 0.95            # exit 1 below 95% right
    python eval/page_kinds.py --no-url              # the same pages without the URLs they were fetched from
    python eval/page_kinds.py --peers               # the kinds of ../shared/peers' article pages (all articles)
    python eval/page_kinds.py --split fresh         # the fresh split alone: figures only, its pages never listed
    python eval/page_kinds.py --time                # CPU time of page-kind detection, and its share of extraction
    python eval/page_kinds.py --split holdout --reasons   # each wrong page with the evidence that decided it

The set is a folder of saved pages with their labels in labels.json or manifest.json (a list of
objects with "file" and "kind", "page_kind" or "label", optionally "url" and "split"; "file" is
relative to the folder or to the repository), or labels.csv / labels.tsv (columns file, kind and
optionally url), or one subfolder per kind (listing/, article/, ...). A page's URL,
when the labels give one, is used as the crawler would have it (URL patterns are evidence).

A page is right when its kind is its label ('exact'; --min reads this figure); a page the pipeline
rejects is wrong. The 'content' column also accepts article for static and static for article:
both feed the article marts, so that figure says how many pages land where an analyst finds them.
Prints the wrong pages, the figures per split and over all, and the confusion. Splits: dev and holdout are
tuned on; fresh (sites collected later) is left out unless asked for with --split fresh, and then only its
figures are printed, never its pages.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.decode import decode_page  # noqa: E402
from cityclips.transforms.html import parse_html  # noqa: E402
from cityclips.transforms.listing import listing_rows  # noqa: E402
from cityclips.transforms.page_kind import read_kind_markup  # noqa: E402
from cityclips.transforms.pipeline import process_page, process_pages  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

DEFAULT_DIR = ROOT / "eval" / "pagekind"
SPLITS = ("dev", "holdout", "fresh")
BLIND_SPLITS = ("fresh",)  # sites collected later, measured once at the end of a round: never listed page by page, never tuned on
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".txt")
# What each label accepts: a content page is 'article' when dated, 'static' when not.
ACCEPTED = {"article": {"article", "static"}, "static": {"static", "article"}, "listing": {"listing"},
            "error": {"error"}}


def _kind_of(entry: dict) -> str | None:
    for key in ("kind", "page_kind", "label"):
        if entry.get(key):
            return str(entry[key]).strip().lower()
    return None


def _page_file(folder: Path, name: str) -> Path:
    """A labelled file relative to its folder, else to the repository (eval/pagekind/labels.json names
    'eval/real/dev/pages/...')."""
    for base in (folder, ROOT, folder.parent.parent):
        if (base / name).exists():
            return base / name
    return folder / name


def load_labels(folder: Path, split: str | None = None) -> list[tuple[Path, str, str | None]]:
    """(page file, label, url or None) for every labelled page of folder (of one split, if given)."""
    for manifest in (folder / "labels.json", folder / "manifest.json"):
        if manifest.exists():
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            entries = entries.get("pages", entries) if isinstance(entries, dict) else entries
            return [(_page_file(folder, e["file"]), kind, e.get("url")) for e in entries
                    if (kind := _kind_of(e)) and e.get("file") and (split is None or e.get("split") == split)]
    for name, delimiter in (("labels.csv", ","), ("labels.tsv", "\t")):
        if (folder / name).exists():
            with open(folder / name, encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle, delimiter=delimiter))
            return [(folder / (r.get("file") or r.get("path") or r["id"]), kind, r.get("url") or None)
                    for r in rows if (kind := _kind_of(r))]
    return [(page, sub.name.lower(), None) for sub in sorted(folder.iterdir()) if sub.is_dir()
            for page in sorted(sub.rglob("*")) if page.name.lower().endswith(PAGE_SUFFIXES)]


def read_raw(path: Path, url: str | None) -> RawPage:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    source_format = "text" if path.name.endswith(".txt") else "html"
    return RawPage(path.name, data, source_format, url=url)


def _got(result) -> str:
    """The kind a page was given, or 'reject:<reason>' when the pipeline rejected it."""
    return result.page_kind if isinstance(result, Document) else f"reject:{result.reason}"


def decision_reasons(raws: list[RawPage]) -> list[str]:
    """The reason decide_page_kind gave each page (PageKind.reason: rows, share, the rule or item evidence that
    decided), from processing each page again with the decision watched; a page rejected before its kind was
    decided says so."""
    from cityclips.transforms import pipeline

    decide = pipeline.decide_page_kind
    seen: list[str] = []

    def watched(evidence):
        kind = decide(evidence)
        seen.append(kind.reason)
        return kind

    reasons = []
    pipeline.decide_page_kind = watched
    try:
        for raw in raws:
            seen.clear()
            process_page(raw)
            reasons.append(seen[-1] if seen else "no decision (rejected before its kind was decided)")
    finally:
        pipeline.decide_page_kind = decide
    return reasons


def _score(labels, results) -> tuple[int, int, Counter, list[str]]:
    """(exact, content, confusion, wrong lines): exact counts a page right only when its kind is its
    label; content also accepts article for static and static for article (both content pages)."""
    exact = content = 0
    confusion: Counter = Counter()
    wrong = []
    for (path, label, url), result in zip(labels, results):
        got = _got(result)
        exact += got == label
        content += got in ACCEPTED.get(label, {label})
        confusion[(label, got)] += 1
        if got != label:
            wrong.append(f"  WRONG {path.name}: labelled {label}, got {got}" + (f" ({url})" if url else ""))
    return exact, content, confusion, wrong


def _line(name: str, n: int, exact: int, content: int) -> str:
    return f"{name:<8} {n:>5} {exact:>6} {exact / n:>7.1%} {content:>8} {content / n:>9.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score page_kind on labelled real pages (see module docstring).",
                                     epilog="example: python eval/page_kinds.py --split dev --min 0.95")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"labelled set (default: {DEFAULT_DIR})")
    parser.add_argument("--min", type=float, default=None,
                        help="exit 1 when the share right (exact kinds, all pages scored) is below this")
    parser.add_argument("--split", default=None, help="only the pages of this split (dev, holdout, fresh) when labelled so")
    parser.add_argument("--peers", action="store_true",
                        help="instead, count the kinds given to the article pages of ../shared/peers (about a minute)")
    parser.add_argument("--no-url", action="store_true",
                        help="leave the pages' URLs out (as eval/peers.py does): how far the kinds rest on structure "
                             "(a page's own canonical link still names its URL)")
    parser.add_argument("--reasons", action="store_true",
                        help="under each wrong page, the reason page_kind gave (rows, share, the item evidence or rule "
                             "that decided); never for the fresh split")
    parser.add_argument("--time", action="store_true",
                        help="instead, measure the CPU time of page-kind detection (listing_rows, read_kind_markup) "
                             "and of the whole extraction on the peers' pages and eval/real (a few minutes)")
    args = parser.parse_args(argv)
    if args.time:
        return time_kinds()
    if args.peers:
        return peers_kinds(with_urls=not args.no_url)
    if not args.dir.is_dir():
        print(f"page kinds: no labelled set at {args.dir}: skipped (add eval/pagekind or give --dir)")
        return 0
    labels = load_labels(args.dir, args.split)
    splits = _splits(args.dir) if args.split is None else {}
    blind = [entry for entry in labels if splits.get(entry[0]) in BLIND_SPLITS]
    if blind:  # a blind split is scored only when asked for by name, and its pages are never listed
        print(f"page kinds: {len(blind)} pages of the {'/'.join(BLIND_SPLITS)} split left out (score them with --split fresh)")
        labels = [entry for entry in labels if entry not in blind]
    if not labels:
        print(f"page kinds: {args.dir} holds no labelled pages: skipped")
        return 0
    results = process_pages([read_raw(path, None if args.no_url else url) for path, _, url in labels])
    print(f"page kinds on {args.dir}{f' ({args.split})' if args.split else ''}: {len(labels)} pages"
          + (" (without their URLs)" if args.no_url else ""))
    exact, content, confusion, wrong = _score(labels, results)
    if args.split in BLIND_SPLITS:
        print(f"(the {args.split} split's wrong pages are not listed: {len(wrong)} wrong)")
    elif args.reasons:
        raws = [read_raw(path, None if args.no_url else url) for path, _, url in labels]
        missed = [i for i, ((_, label, _), result) in enumerate(zip(labels, results)) if _got(result) != label]
        for line, reason in zip(wrong, decision_reasons([raws[i] for i in missed])):
            print(f"{line}\n      why: {reason}")
    else:
        print("\n".join(wrong))
    by_label = Counter(label for _, label, _ in labels)
    print(f"page_kind right: {exact}/{len(labels)} = {exact / len(labels):.1%}  (labels: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_label.items())) + ")")
    print(f"{'split':<8} {'pages':>5} {'exact':>6} {'':>7} {'content':>8} {'':>9}   (content: article and static "
          "accepted for each other)")
    for split in sorted(set(splits.get(path, "") for path, _, _ in labels) - {""}):
        chosen = [i for i, (path, _, _) in enumerate(labels) if splits.get(path) == split]
        e, c, _, _ = _score([labels[i] for i in chosen], [results[i] for i in chosen])
        print(_line(split, len(chosen), e, c))
    print(_line("all", len(labels), exact, content))
    print("confusion (label -> got): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(confusion.items())))
    share = exact / len(labels)
    return 1 if args.min is not None and share < args.min else 0


def peers_kinds(peers_dir: Path | None = None, with_urls: bool = True) -> int:
    """Print the kinds given to the public benchmarks' pages (every one an article), with their URLs as
    the crawler had them; name the pages that come out listing. Skipped when ../shared/peers is absent."""
    import peers  # eval/peers.py: the benchmarks' loaders

    peers_dir = peers_dir or peers.PEERS_DIR
    names = peers.peers_available(peers_dir)
    if not names:
        print(f"page kinds: no benchmark pages at {peers_dir}: skipped")
        return 0
    kinds: Counter = Counter()
    for name in names:
        folder, load = peers.SETS[name]
        pages = load(peers_dir / folder)
        results = process_pages([RawPage(page.key, page.html, "html", url=(page.url or None) if with_urls else None)
                                 for page in pages])
        found = Counter(r.page_kind if isinstance(r, Document) else f"reject:{r.reason}" for r in results)
        kinds.update(found)
        print(f"{name}: {len(pages)} article pages: " + ", ".join(f"{k} {n}" for k, n in found.most_common()))
        for page, result in zip(pages, results):
            if isinstance(result, Document) and result.page_kind == "listing":
                print(f"  listing: {page.key} ({page.url}) rows={len(result.links)}")
    print(("all" if with_urls else "all, without URLs") + ": " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 0


TIMING_REPEATS = 2  # best of 2: other processes share the cores, and the least time is the least disturbed


def _best_cpu(call, repeats: int = TIMING_REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        call()
        best = min(best, time.process_time() - started)
    return best


def time_kinds(peers_dir: Path | None = None) -> int:
    """Print the CPU seconds of page-kind detection's DOM pass (listing_rows and read_kind_markup on the
    parsed page) and of the whole process_page, per set (best of TIMING_REPEATS, interleaved per page so
    both see the same load), and the detection's share of the extraction."""
    import peers  # eval/peers.py: the benchmarks' loaders

    peers_dir = peers_dir or peers.PEERS_DIR
    sets = {name: [(p.key, p.html) for p in peers.SETS[name][1](peers_dir / peers.SETS[name][0])]
            for name in peers.peers_available(peers_dir)}
    sets["eval/real"] = [(path.name, path.read_bytes()) for path in sorted((ROOT / "eval" / "real").glob("[dh]*/pages/*"))
                         if path.name.endswith((".html", ".htm"))]
    print(f"{'set':<18} {'pages':>5} {'kinds cpu s':>11} {'ms/page':>8} {'extract cpu s':>13} {'share':>6}")
    for name, pages in sets.items():
        kinds = extract = 0.0
        for key, html in pages:
            raw = RawPage(key, html, "html")
            root = parse_html(decode_page(raw).text)
            kinds += _best_cpu(lambda: (listing_rows(root, None), read_kind_markup(root)))
            extract += _best_cpu(lambda: process_page(raw))
        print(f"{name:<18} {len(pages):>5} {kinds:>11.2f} {1000 * kinds / max(len(pages), 1):>8.1f} {extract:>13.2f} "
              f"{kinds / max(extract, 1e-9):>6.1%}")
    return 0


def _splits(folder: Path) -> dict[Path, str]:
    """Each labelled page's split (dev, holdout, fresh) when the labels name one (labels.json or manifest.json
    entries with a "split"; the csv and folder layouts have none)."""
    if not any((folder / name).exists() for name in ("labels.json", "manifest.json")):
        return {}
    return {path: split for split in SPLITS for path, _, _ in load_labels(folder, split)}


if __name__ == "__main__":
    sys.exit(main())
