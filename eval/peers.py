"""Score cityclips beside trafilatura and readability on the public benchmarks' development halves.

    python eval/peers.py                        # every extractor, both sets, one table
    python eval/peers.py --only cityclips       # our side only (about 30 s)
    python eval/peers.py --set aeb --worst 15   # one set, more of the worst pages named

The pages live outside the repository, in ../shared/peers (see its README); when that folder is
absent the script says so and exits 0, so `make eval` works on a clone of the project alone.

Each benchmark is scored with its own method:
- aeb (scrapinghub's article-extraction benchmark): text split into `\\w+` tokens, 4-token
  shingles; per page precision and recall from the shingle overlap with the gold articleBody;
  precision averaged over pages with output, recall over pages with gold, F1 of the two averages.
- trafilatura-eval: each `with` snippet found in the output is a true positive, each missing one a
  false negative; each `without` snippet found is a false positive; pooled over all pages.
  Whitespace is collapsed on both sides first (a snippet may span a line break in the output).

cityclips runs its whole per-page pipeline (process_page) and is scored on Document.body_text;
the title goes in front of it only on a benchmark whose gold carries the headline (measured below
on cityclips' own titles, once per benchmark, never per page). Speed is pages per CPU-second
(time.process_time) over the same pages, each extractor measured in the same run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.pipeline import Detectors, process_page  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

PEERS_DIR = ROOT.parent / "shared" / "peers"
SHINGLE_TOKENS = 4  # aeb's shingle length
HEADLINE_SHARE = 0.5  # the gold 'carries the headline' when over half its pages contain cityclips' title
_TOKEN = re.compile(r"\w+", re.UNICODE)
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its key, HTML bytes and gold (aeb: body text; trafilatura-eval: snippets)."""

    key: str
    html: bytes
    url: str
    body: str = ""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


def load_aeb(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [Page(key, gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()), gold.get("url", ""),
                 body=gold.get("articleBody", "")) for key, gold in sorted(truth.items())]


def load_trafilatura_eval(folder: Path) -> list[Page]:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    return [Page(item["file"], gzip.decompress((folder / "html" / f"{item['file']}.gz").read_bytes()), url,
                 with_snippets=tuple(item["with"]), without_snippets=tuple(item["without"]))
            for url, item in sorted(data.items(), key=lambda kv: kv[1]["file"])]


SETS: dict[str, tuple[str, Callable[[Path], list[Page]]]] = {
    "aeb": ("aeb", load_aeb), "trafilatura-eval": ("trafilatura-eval", load_trafilatura_eval)}


# ---- the benchmarks' scorers --------------------------------------------------------------------

def shingles(text: str, n: int = SHINGLE_TOKENS) -> Counter:
    """aeb's shingles: `\\w+` tokens in runs of n (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    if 0 < len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def aeb_page(gold: str, predicted: str) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) shingles of one page."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def aeb_score(pages: list[tuple[int, int, int]]) -> dict:
    precisions = [tp / (tp + fp) for tp, fp, fn in pages if tp + fp]
    recalls = [tp / (tp + fn) for tp, fp, fn in pages if tp + fn]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def page_f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def snippet_page(page: Page, predicted: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of one trafilatura-eval page."""
    text = _WS.sub(" ", predicted or "")
    found_with = sum(_WS.sub(" ", s) in text for s in page.with_snippets)
    found_without = sum(_WS.sub(" ", s) in text for s in page.without_snippets)
    return (found_with, len(page.with_snippets) - found_with, found_without,
            len(page.without_snippets) - found_without)


def snippet_score(pages: list[tuple[int, int, int, int]]) -> dict:
    tp, fn, fp, tn = (sum(column) for column in zip(*pages)) if pages else (0, 0, 0, 0)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": (tp + tn) / (tp + fn + fp + tn) if pages else 0.0}


# ---- the extractors -----------------------------------------------------------------------------

@dataclass
class Run:
    """One extractor's outputs on one set, with its CPU time."""

    name: str
    texts: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    rejected: dict[str, str] = field(default_factory=dict)
    cpu_s: float = 0.0


def run_cityclips(pages: list[Page]) -> Run:
    run, detectors = Run("cityclips"), Detectors()
    started = time.process_time()
    for page in pages:
        result = process_page(RawPage(page.key, page.html, "html"), detectors=detectors)
        if isinstance(result, Document):
            run.texts[page.key], run.titles[page.key] = result.body_text, result.metadata.title or ""
        else:
            run.texts[page.key] = ""
            run.rejected[page.key] = f"{result.reason}: {result.detail}"
    run.cpu_s = time.process_time() - started
    return run


def _timed(name: str, pages: list[Page], extract: Callable[[Page], str]) -> Run:
    run = Run(name)
    started = time.process_time()
    for page in pages:
        try:
            run.texts[page.key] = extract(page) or ""
        except Exception as error:  # noqa: BLE001 - a peer's failure on one page is its empty output
            run.texts[page.key], run.rejected[page.key] = "", f"{type(error).__name__}: {error}"[:200]
    run.cpu_s = time.process_time() - started
    return run


def run_trafilatura(pages: list[Page], favor_precision: bool = False) -> Run:
    import trafilatura

    name = "trafilatura precision" if favor_precision else "trafilatura"
    return _timed(name, pages, lambda p: trafilatura.extract(p.html, url=p.url or None, include_comments=False,
                                                           favor_precision=favor_precision))


def run_readability(pages: list[Page]) -> Run:
    import html_text
    from readability import Document as ReadabilityDocument

    return _timed("readability", pages, lambda p: html_text.extract_text(ReadabilityDocument(p.html).summary(
        html_partial=True)))


PEER_RUNNERS: dict[str, Callable[[list[Page]], Run]] = {
    "cityclips": run_cityclips,
    "trafilatura": run_trafilatura,
    "trafilatura precision": lambda pages: run_trafilatura(pages, favor_precision=True),
    "readability": run_readability,
}


def peers_available(peers_dir: Path = PEERS_DIR) -> list[str]:
    """Names of the sets present under peers_dir."""
    return [name for name, (folder, _) in SETS.items() if (peers_dir / folder).is_dir()]


# ---- scoring a run ------------------------------------------------------------------------------

def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def gold_has_headline(page: Page, title: str) -> bool:
    """aeb: the gold body holds the title; trafilatura-eval: a `with` snippet is part of the title."""
    title = _squash(title)
    if page.body:
        return title in _squash(page.body)
    return any(_squash(s) in title for s in page.with_snippets)


def headline_share(pages: list[Page], run: Run) -> float:
    """Share of pages whose gold holds cityclips' title: does this benchmark count the headline?"""
    titled = [p for p in pages if run.titles.get(p.key)]
    return sum(gold_has_headline(p, run.titles[p.key]) for p in titled) / len(titled) if titled else 0.0


def with_titles(run: Run) -> Run:
    texts = {key: f"{run.titles[key]}\n{text}" if run.titles.get(key) else text for key, text in run.texts.items()}
    return Run(run.name, texts, run.titles, run.rejected, run.cpu_s)


@dataclass
class SetScore:
    name: str
    pages: int
    precision: float
    recall: float
    f1: float
    pages_per_cpu_s: float
    per_page: dict[str, float]  # key -> page F1 (aeb) or snippets right share (trafilatura-eval)
    rejected: dict[str, str]
    titled: bool = False


def score_run(set_name: str, pages: list[Page], run: Run) -> SetScore:
    titled = False
    if run.name == "cityclips":
        share = headline_share(pages, run)
        titled = share > HEADLINE_SHARE
        run = with_titles(run) if titled else run
    if set_name == "aeb":
        counts = {p.key: aeb_page(p.body, run.texts.get(p.key, "")) for p in pages}
        total = aeb_score(list(counts.values()))
        per_page = {key: page_f1(*c) for key, c in counts.items()}
    else:
        counts = {p.key: snippet_page(p, run.texts.get(p.key, "")) for p in pages}
        total = snippet_score(list(counts.values()))
        per_page = {key: (tp + tn) / max(1, tp + fn + fp + tn) for key, (tp, fn, fp, tn) in counts.items()}
    speed = len(pages) / run.cpu_s if run.cpu_s else float("inf")
    return SetScore(run.name, len(pages), total["precision"], total["recall"], total["f1"], speed, per_page,
                    run.rejected, titled)


def score_set(set_name: str, peers_dir: Path = PEERS_DIR, extractors: Iterable[str] = ("cityclips",),
              limit: int | None = None) -> dict[str, SetScore]:
    """Run the named extractors over one set and score each (the floor test calls this)."""
    folder, loader = SETS[set_name]
    pages = loader(peers_dir / folder)[:limit]
    return {name: score_run(set_name, pages, PEER_RUNNERS[name](pages)) for name in extractors}


# ---- the report ---------------------------------------------------------------------------------

def print_table(set_name: str, scores: dict[str, SetScore], worst: int) -> None:
    first = next(iter(scores.values()))
    metric = "body F1 (shingles)" if set_name == "aeb" else "snippet F1 (pooled)"
    print(f"\n== {set_name}: {first.pages} pages, {metric}")
    print(f"  {'extractor':<24} {'P':>6} {'R':>6} {'F1':>6} {'pages/CPU-s':>12} {'rejected':>9}")
    for s in scores.values():
        note = " (+title)" if s.titled else ""
        print(f"  {s.name + note:<24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.pages_per_cpu_s:12.1f} "
              f"{len(s.rejected):9d}")
    ours = scores.get("cityclips")
    if ours is None or not worst:
        return
    others = [s for s in scores.values() if s is not ours]
    label = "page F1" if set_name == "aeb" else "snippets right"
    print(f"\n  worst pages for cityclips ({label}; peers beside):")
    for key, value in sorted(ours.per_page.items(), key=lambda kv: kv[1])[:worst]:
        beside = "  ".join(f"{o.name.split()[0][:5]}{'-p' if 'precision' in o.name else ''} {o.per_page[key]:.2f}"
                           for o in others)
        reason = f"  [{ours.rejected[key][:60]}]" if key in ours.rejected else ""
        print(f"    {value:.2f}  {key[:46]:<46} {beside}{reason}")


# A few points under the figures measured when the floors were set (aeb 0.969, trafilatura-eval 0.900):
# a change that costs two points or more fails `make eval` (--check-floors), which CI runs.
FLOORS = {"aeb": 0.97, "trafilatura-eval": 0.925}  # about a page under round 6 (0.976, 0.930)
MAX_REJECTED = {"aeb": 0, "trafilatura-eval": 1}  # one still lost (a link-hub page, see BENCHMARKS.md)


def floor_failures(name: str, ours: "SetScore") -> list[str]:
    """What in cityclips' score of one set is under its floor (empty when it holds)."""
    failures = []
    if name in FLOORS and ours.f1 < FLOORS[name]:
        failures.append(f"{name}: body F1 fell to {ours.f1:.3f} (floor {FLOORS[name]}; P {ours.precision:.3f}, "
                        f"R {ours.recall:.3f})")
    if name in MAX_REJECTED and len(ours.rejected) > MAX_REJECTED[name]:
        failures.append(f"{name}: {len(ours.rejected)} pages with an article rejected (at most "
                        f"{MAX_REJECTED[name]}): {', '.join(sorted(ours.rejected)[:5])}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check-floors", action="store_true",
                        help="exit 1 when cityclips falls under a set's floor (FLOORS, MAX_REJECTED): make eval does")
    parser.add_argument("--peers", type=Path, default=PEERS_DIR, help="folder holding aeb/ and trafilatura-eval/")
    parser.add_argument("--set", choices=sorted(SETS) + ["all"], default="all", help="which benchmark to score")
    parser.add_argument("--only", choices=sorted(PEER_RUNNERS), action="append",
                        help="run only this extractor (repeatable; default: all of them)")
    parser.add_argument("--worst", type=int, default=8, help="how many of cityclips' worst pages to name")
    parser.add_argument("--limit", type=int, help="score only the first N pages of each set (quick looks)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    available = peers_available(args.peers)
    if not available:
        print(f"peers: skipped, no benchmark pages at {args.peers} (they are read from ../shared/peers "
              "when the project sits beside the shared folder)")
        return 0
    names = available if args.set == "all" else [n for n in [args.set] if n in available]
    extractors = args.only or list(PEER_RUNNERS)
    results = {name: score_set(name, args.peers, extractors, args.limit) for name in names}
    if args.json:
        print(json.dumps({name: {e: {k: v for k, v in vars(s).items() if k != "per_page"} for e, s in r.items()}
                          for name, r in results.items()}, indent=1))
        return 0
    for name, scores in results.items():
        print_table(name, scores, args.worst)
    failures = [f for name, scores in results.items() if args.limit is None and "cityclips" in scores
                for f in floor_failures(name, scores["cityclips"])] if args.check_floors else []
    for failure in failures:
        print(f"FLOOR FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
