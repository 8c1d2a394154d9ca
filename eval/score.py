"""Score cityclips on the labelled evaluation pages (eval/pages + eval/gold), with trafilatura beside it.

    python eval/score.py            # print the report
    python eval/score.py --json     # machine-readable scores (the floor test uses score_all())

Per page the gold JSON gives title, category, author, published_at, view_count, contact, attachments,
captions, must_keep / must_drop snippets, list items and quotes. Snippets are compared with all
whitespace removed, so a re-flowed line still counts as kept.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.flows.inputs import FORMATS  # noqa: E402
from cityclips.transforms.pipeline import corpus_templates, process_page  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parent
FIELDS = ("title", "category", "author", "published_at", "view_count", "contact_department", "contact_phone",
          "language")
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub("", text or "")


@dataclass
class Scores:
    pages: int = 0
    field_hits: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_totals: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    attachments_exact: int = 0
    captions_exact: int = 0
    keep_total: int = 0
    keep_found: int = 0
    drop_total: int = 0
    drop_leaks: int = 0
    list_gold: int = 0
    list_pred: int = 0
    list_match: int = 0
    quote_gold: int = 0
    quote_pred: int = 0
    quote_match: int = 0
    failures: list = field(default_factory=list)
    rejected: list = field(default_factory=list)

    def as_dict(self) -> dict:
        hits, totals = sum(self.field_hits.values()), sum(self.field_totals.values())
        return {
            "pages": self.pages,
            "field_accuracy": hits / totals if totals else 1.0,
            "per_field": {f: f"{self.field_hits[f]}/{self.field_totals[f]}" for f in FIELDS},
            "attachments_exact": self.attachments_exact / self.pages if self.pages else 1.0,
            "captions_exact": self.captions_exact / self.pages if self.pages else 1.0,
            "must_keep_recall": self.keep_found / self.keep_total if self.keep_total else 1.0,
            "must_drop_leaks": self.drop_leaks,
            "list_precision": self.list_match / self.list_pred if self.list_pred else 1.0,
            "list_recall": self.list_match / self.list_gold if self.list_gold else 1.0,
            "quote_precision": self.quote_match / self.quote_pred if self.quote_pred else 1.0,
            "quote_recall": self.quote_match / self.quote_gold if self.quote_gold else 1.0,
            "rejected": self.rejected,
        }


def load_pages(eval_dir: Path = EVAL_DIR) -> list[tuple[RawPage, dict]]:
    pages = []
    for gold_path in sorted((eval_dir / "gold").glob("*.json")):
        candidates = [p for p in (eval_dir / "pages").glob(gold_path.stem + ".*") if p.suffix in FORMATS]
        if not candidates:
            continue
        page = candidates[0]
        raw = RawPage(page.name, page.read_bytes(), FORMATS[page.suffix])
        pages.append((raw, json.loads(gold_path.read_text(encoding="utf-8"))))
    return pages


def _value(doc: Document, name: str):
    if name == "language":
        return doc.language
    value = getattr(doc.metadata, name)
    if name == "published_at" and value is not None:
        return value.strftime("%Y-%m-%d %H:%M")
    return value


def _match_in_order(gold: list[tuple], predicted: list[tuple]) -> int:
    """Greedy in-order matching: how many gold items appear in the predictions in order."""
    matched, j = 0, 0
    for item in gold:
        for k in range(j, len(predicted)):
            if predicted[k] == item:
                matched, j = matched + 1, k + 1
                break
    return matched


def _list_key(marker: str, depth: int, text: str) -> tuple:
    return marker, depth, squash(text)[:15]


def score_page(doc: Document, gold: dict, scores: Scores) -> None:
    name = doc.source_path
    for f in FIELDS:
        if f not in gold:
            continue
        scores.field_totals[f] += 1
        got, want = _value(doc, f), gold[f]
        if got == want:
            scores.field_hits[f] += 1
        else:
            scores.failures.append(f"{name}: {f} = {got!r}, want {want!r}")
    attachments = [{"name": a.name, "extension": a.extension, "size_bytes": a.size_bytes, "downloads": a.downloads}
                   for a in doc.metadata.attachments]
    if attachments == gold.get("attachments", []):
        scores.attachments_exact += 1
    else:
        scores.failures.append(f"{name}: attachments {attachments} != {gold.get('attachments')}")
    captions = [s.text for s in doc.segments if s.kind == "caption"]
    if captions == gold.get("captions", []):
        scores.captions_exact += 1
    else:
        scores.failures.append(f"{name}: captions {captions} != {gold.get('captions')}")
    # Segments joined with a separator squash() keeps, so no snippet can match across two segments.
    body = "¶".join(squash(t) for t in [doc.metadata.title or ""] + [f"{s.marker}{s.text}" for s in doc.segments])
    for snippet in gold.get("must_keep", []):
        scores.keep_total += 1
        if squash(snippet) in body:
            scores.keep_found += 1
        else:
            scores.failures.append(f"{name}: lost must_keep {snippet!r}")
    for snippet in gold.get("must_drop", []):
        scores.drop_total += 1
        if squash(snippet) in body:
            scores.drop_leaks += 1
            scores.failures.append(f"{name}: leaked must_drop {snippet!r}")
    gold_items = [_list_key(i["marker"], i["depth"], i["text_start"]) for i in gold.get("list_items", [])]
    predicted = [_list_key(s.marker, s.depth, s.text) for s in doc.segments if s.kind == "list_item"]
    scores.list_gold += len(gold_items)
    scores.list_pred += len(predicted)
    matched = _match_in_order(gold_items, predicted)
    scores.list_match += matched
    if matched != len(gold_items) or matched != len(predicted):
        scores.failures.append(f"{name}: list items matched {matched} of gold {len(gold_items)} / predicted {len(predicted)}")
    gold_quotes = [(q["speaker"], squash(q["text_start"])[:10]) for q in gold.get("quotes", [])]
    predicted_quotes = [(q.speaker, squash(q.text)[:10]) for q in doc.quotes]
    scores.quote_gold += len(gold_quotes)
    scores.quote_pred += len(predicted_quotes)
    quote_matched = _match_in_order(gold_quotes, predicted_quotes)
    scores.quote_match += quote_matched
    if quote_matched != len(gold_quotes) or quote_matched != len(predicted_quotes):
        scores.failures.append(f"{name}: quotes {predicted_quotes} vs gold {gold_quotes}")


def score_all(eval_dir: Path = EVAL_DIR) -> Scores:
    """Process every evaluation page (templates counted over the whole set) and score it."""
    pages = load_pages(eval_dir)
    templates = corpus_templates(raw for raw, _ in pages)
    scores = Scores()
    for raw, gold in pages:
        result = process_page(raw, templates)
        scores.pages += 1
        if not isinstance(result, Document):
            scores.rejected.append(f"{raw.source_path}: {result.reason} {result.detail}")
            continue
        score_page(result, gold, scores)
    return scores


def score_trafilatura(eval_dir: Path = EVAL_DIR) -> dict:
    """must_keep recall and must_drop leaks of trafilatura.extract on the HTML pages of the set."""
    import trafilatura

    from cityclips.transforms.decode import decode_page
    keep_total = keep_found = drop_leaks = drop_total = pages = 0
    for raw, gold in load_pages(eval_dir):
        if raw.source_format != "html":
            continue
        pages += 1
        text = trafilatura.extract(decode_page(raw).text, include_comments=False, include_tables=True) or ""
        body = squash(text)
        keep_total += len(gold.get("must_keep", []))
        keep_found += sum(squash(s) in body for s in gold.get("must_keep", []))
        drop_total += len(gold.get("must_drop", []))
        drop_leaks += sum(squash(s) in body for s in gold.get("must_drop", []))
    return {"pages": pages, "must_keep_recall": keep_found / keep_total if keep_total else 1.0,
            "must_drop_leaks": drop_leaks, "must_drop_total": drop_total}


def score_html_only(eval_dir: Path = EVAL_DIR) -> dict:
    """Our must_keep recall and leaks on the same HTML pages trafilatura is scored on."""
    pages = load_pages(eval_dir)
    templates = corpus_templates(raw for raw, _ in pages)
    scores = Scores()
    for raw, gold in pages:
        if raw.source_format != "html":
            continue
        result = process_page(raw, templates)
        if isinstance(result, Document):
            scores.pages += 1
            score_page(result, gold, scores)
    return {"pages": scores.pages, "must_keep_recall": scores.as_dict()["must_keep_recall"],
            "must_drop_leaks": scores.drop_leaks, "must_drop_total": scores.drop_total}


EVAL_SETS = {"main": EVAL_DIR, "holdout": EVAL_DIR / "holdout", "blind": EVAL_DIR / "blind"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura comparison")
    parser.add_argument("--set", choices=sorted(EVAL_SETS) + ["real", "all"], default="all",
                        help="which labelled set to score (default: every set that exists; 'real' = eval/real)")
    args = parser.parse_args(argv)
    names = [n for n in EVAL_SETS if (EVAL_SETS[n] / "gold").is_dir()] if args.set == "all" else [args.set]
    for name in names:
        if name != "real":
            print_report(name, EVAL_SETS[name], args)
    if args.set in ("all", "real"):
        import real  # eval/real.py: the real saved pages, dev and holdout, with trafilatura beside cityclips
        real.main((["--json"] if args.json else []) + (["--no-trafilatura"] if args.no_trafilatura else []))
    return 0


def print_report(name: str, eval_dir: Path, args: argparse.Namespace) -> None:
    scores = score_all(eval_dir)
    result = scores.as_dict()
    if not args.no_trafilatura:
        result["html_side_by_side"] = {"cityclips": score_html_only(eval_dir), "trafilatura": score_trafilatura(eval_dir)}
    if args.json:
        print(json.dumps({name: result}, ensure_ascii=False, indent=1))
        return
    print(f"== set '{name}': cityclips evaluation on {result['pages']} labelled pages ({eval_dir.relative_to(ROOT)})\n")
    print(f"  metadata fields exact : {result['field_accuracy']:.1%}")
    for name, ratio in result["per_field"].items():
        print(f"      {name:<19} {ratio}")
    print(f"  attachments exact     : {result['attachments_exact']:.1%} of pages")
    print(f"  captions exact        : {result['captions_exact']:.1%} of pages")
    print(f"  must_keep recall      : {result['must_keep_recall']:.1%} ({scores.keep_found}/{scores.keep_total})")
    print(f"  must_drop leaks       : {result['must_drop_leaks']} of {scores.drop_total}")
    print(f"  list items P / R      : {result['list_precision']:.3f} / {result['list_recall']:.3f}"
          f"  (gold {scores.list_gold}, predicted {scores.list_pred}, matched {scores.list_match})")
    print(f"  quotes P / R          : {result['quote_precision']:.3f} / {result['quote_recall']:.3f}")
    if result["rejected"]:
        print(f"  rejected pages        : {result['rejected']}")
    if "html_side_by_side" in result:
        side = result["html_side_by_side"]
        print(f"\n  HTML pages only ({side['cityclips']['pages']}):        must_keep recall   must_drop leaks")
        for who in ("cityclips", "trafilatura"):
            s = side[who]
            print(f"      {who:<12}                 {s['must_keep_recall']:>6.1%}   {s['must_drop_leaks']:>6} of {s['must_drop_total']}")
    if scores.failures:
        print("\n  mismatches:")
        for failure in scores.failures:
            print(f"    - {failure}")
    print()


if __name__ == "__main__":
    sys.exit(main())
