"""Metadata and quotes on real pages, and what reading markup costs, side by side with the libraries.

    python bench/bench_metadata.py                      # eval/real/dev and ../shared/peers when present
    python bench/bench_metadata.py --real DIR --peers DIR

1. Accuracy on the real pages with gold (the dev split only: the holdout is measured elsewhere, once):
   title and published_at right, for cityclips, trafilatura's metadata (bare_extraction) and htmldate
   (dates only); quote precision/recall where the gold lists quotes.
2. Cost per page on the peers' pages (real markup, no metadata gold), in CPU milliseconds:
   cityclips' whole pipeline, its markup reader, trafilatura.extract, htmldate.find_date, and
   extruct's JSON-LD reader beside ours (extruct is measured only when installed: it is not a dependency).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.decode import decode_page  # noqa: E402
from cityclips.transforms.html import parse_html  # noqa: E402
from cityclips.transforms.markup import _json_ld_objects, markup_metadata  # noqa: E402
from cityclips.transforms.pipeline import process_page  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

QUOTE_PREFIX_CHARS = 10  # as eval/real.py matches quotes
PEER_SAMPLE = 150  # pages per peer set for the cost figures: enough for a stable mean, a minute in all


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _date_right(got: str | None, want: str | None) -> bool:
    """Gold gives 'YYYY-MM-DD HH:MM', or 'YYYY-MM-DD' when the page shows a day only."""
    if not want or not got:
        return got == want
    return got[:len(want)] == want if len(want) == 10 else got == want


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def real_pages(real: Path) -> list[tuple[RawPage, dict]]:
    pages = []
    for gold_path in sorted((real / "gold").glob("*.json")):
        page = next((p for p in (real / "pages").glob(gold_path.stem + ".*")), None)
        if page is not None:
            kind = "text" if page.suffix == ".txt" else "html"
            pages.append((RawPage(page.name, page.read_bytes(), kind), json.loads(gold_path.read_text("utf-8"))))
    return pages


def accuracy(pages: list[tuple[RawPage, dict]]) -> None:
    import htmldate
    import trafilatura

    rows = {"cityclips": [0, 0, 0, 0], "trafilatura": [0, 0, 0, 0], "htmldate": [0, 0, 0, 0]}
    quote_gold = quote_pred = quote_match = speaker_right = speaker_exact = 0
    misses = []
    for raw, gold in pages:
        doc = process_page(raw)
        meta = doc.metadata if isinstance(doc, Document) else None
        html = decode_page(raw).text
        found = trafilatura.bare_extraction(html, with_metadata=True, as_dict=True) or {}
        ours_date = meta.published_at.strftime("%Y-%m-%d %H:%M") if meta and meta.published_at else None
        theirs = {"cityclips": (meta.title if meta else None, ours_date),
                  "trafilatura": (found.get("title"), found.get("date")),
                  "htmldate": (None, htmldate.find_date(html, extensive_search=False, outputformat="%Y-%m-%d %H:%M"))}
        for who, (title, date) in theirs.items():
            if "title" in gold and who != "htmldate":
                rows[who][1] += 1
                rows[who][0] += _squash(title) == _squash(gold["title"])
            if "published_at" in gold:
                rows[who][3] += 1
                rows[who][2] += _date_right(date, gold["published_at"])
        if meta is None:
            misses.append(f"{raw.source_path}: rejected ({doc.reason})")
        else:
            if "title" in gold and _squash(meta.title) != _squash(gold["title"]):
                misses.append(f"{raw.source_path}: title {meta.title!r} [{meta.title_source}], want {gold['title']!r}")
            if "published_at" in gold and not _date_right(ours_date, gold["published_at"]):
                misses.append(f"{raw.source_path}: published_at {ours_date} [{meta.published_at_source}], "
                              f"want {gold['published_at']}")
        if "quotes" in gold:  # every page with quote gold, [] included: quotes found there are false
            want = {_squash(q["text_start"])[:QUOTE_PREFIX_CHARS]: q["speaker"] for q in gold["quotes"]}
            got = [(q.speaker, _squash(q.text)[:QUOTE_PREFIX_CHARS]) for q in doc.quotes] if meta else []
            quote_gold, quote_pred = quote_gold + len(want), quote_pred + len(got)
            for speaker, text in got:
                if text in want:
                    quote_match += 1
                    gold_speaker = _squash(want[text])
                    speaker_right += bool(speaker) and (_squash(speaker) in gold_speaker or gold_speaker in _squash(speaker))
                    speaker_exact += _squash(speaker) == gold_speaker
    print(f"== metadata on {len(pages)} real pages with gold (dev split)\n")
    print("  who           title right      published_at right")
    for who, (title_ok, titles, date_ok, dates) in rows.items():
        title = f"{title_ok}/{titles} ({title_ok / titles:.0%})" if titles else "-"
        date = f"{date_ok}/{dates} ({date_ok / dates:.0%})" if dates else "-"
        print(f"  {who:<13} {title:<16} {date}")
    if quote_gold:
        precision = quote_match / quote_pred if quote_pred else 1.0
        recall = quote_match / quote_gold
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"\n  quotes on the pages with quote gold (text matched on its first {QUOTE_PREFIX_CHARS} characters): "
              f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (gold {quote_gold}, found {quote_pred}, matched {quote_match});"
              f"\n  speaker of the matched ones: {speaker_right}/{quote_match} right (one name contains the other), "
              f"{speaker_exact}/{quote_match} exactly as the gold writes it")
    for miss in misses:
        print(f"    - {miss}")
    print()


def _cpu_ms(function, items) -> float:
    started = time.process_time()
    for item in items:
        function(item)
    return (time.process_time() - started) * 1000 / max(1, len(items))


def cost(peers: Path) -> None:
    import htmldate
    import trafilatura

    files = []
    for folder in ("aeb/html", "trafilatura-eval/html"):
        files += sorted((peers / folder).glob("*"))[:PEER_SAMPLE]
    raws = [RawPage(path.name, _read(path), "html") for path in files]
    texts = [decode_page(raw).text for raw in raws]
    roots = [root for root in map(parse_html, texts) if root is not None]
    figures = {
        "cityclips process_page (whole pipeline)": _cpu_ms(process_page, raws),
        "trafilatura.extract": _cpu_ms(lambda t: trafilatura.extract(t, include_comments=False), texts),
        "cityclips markup_metadata (on a parsed tree)": _cpu_ms(markup_metadata, roots),
        "cityclips JSON-LD reader alone": _cpu_ms(lambda r: list(_json_ld_objects(r)), roots),
        "htmldate.find_date (on the same tree, fast mode)": _cpu_ms(
            lambda r: htmldate.find_date(r, extensive_search=False), roots),
    }
    raised = []
    try:
        from extruct.jsonld import JsonLdExtractor
        reader = JsonLdExtractor()

        def extruct_json_ld(root) -> None:
            try:
                reader.extract_items(root)
            except ValueError:  # extruct raises on a broken script (a missing comma); ours skips that script
                raised.append(root)

        figures["extruct JsonLdExtractor (on the same tree)"] = _cpu_ms(extruct_json_ld, roots)
    except ImportError:
        figures["extruct JsonLdExtractor"] = float("nan")
    print(f"== cost per page on {len(raws)} peer pages (CPU ms, mean; lower is faster)\n")
    for name, value in figures.items():
        shown = "not installed" if value != value else f"{value:7.2f} ms"
        print(f"  {name:<50} {shown}")
    if raised:
        print(f"  (extruct raised on {len(raised)} of {len(roots)} pages: a broken JSON-LD script; "
              "cityclips' reader skips the script and reads the rest)")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=Path, default=ROOT / "eval" / "real" / "dev",
                        help="a folder with pages/ and gold/ (default: eval/real/dev)")
    parser.add_argument("--peers", type=Path, default=ROOT.parent / "shared" / "peers",
                        help="the peers' benchmark pages (default: ../shared/peers)")
    args = parser.parse_args(argv)
    if (args.real / "gold").is_dir():
        accuracy(real_pages(args.real))
    else:
        print(f"skipped the real pages: {args.real} has no gold/ folder\n")
    if (args.peers / "aeb").is_dir():
        cost(args.peers)
    else:
        print(f"skipped the cost figures: {args.peers} is absent (the peers' pages are not part of the project)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
