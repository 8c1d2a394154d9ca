"""Score cityclips on the real saved pages of eval/real, per split, with trafilatura 2.3.1 beside it.

    python eval/real.py                      # one table: dev and holdout, cityclips and trafilatura
    python eval/real.py --split dev --pages  # plus one line per page and its misses (dev, holdout; never fresh)
    python eval/real.py --json               # machine-readable figures
    python eval/real.py --language ko        # the Korean pages only (issue 12's Korean targets)

Gold is in eval/real/<split>/gold (format: eval/real/README.md). What is counted:
- must-keep kept: a snippet counts when it sits inside one output segment (whitespace ignored);
- chrome leaked: a must_drop snippet found in the output;
- title / date / other fields right: over the pages whose gold has the field (title: whitespace and case
  ignored; date: the day, and the minute when the gold has one; author and department: one contains the other);
  "invented" counts a value emitted where the gold has none;
- headings and list items invented: emitted ones that match neither the gold nor its optional entries
  (text prefix, markers ignored), on the pages whose gold labels them;
- quotes: matched on the first characters of their text; speaker right when one name contains the other;
- attachments: a gold file is found when an emitted name ends it or it ends the name at a word's boundary
  (whitespace and case ignored; '11차 회의록.hwp' does not end with '1차 회의록.hwp'); "attachments invented" counts emitted files no gold entry names (every gold lists its files, [] for none).
Splits: dev and holdout were read and tuned on (holdout became tunable in round 4, after rounds 3 and 3b had
measured it and named its misses); fresh holds sites collected later and is measured once, at the end of a
round, never read for tuning (a split without a folder is skipped).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.pipeline import corpus_templates, process_page  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

REAL_DIR = Path(__file__).resolve().parent / "real"
SPLITS = ("dev", "holdout", "fresh")
BLIND_SPLITS = ("fresh",)  # measured, never listed page by page
PREFIX_CHARS = 15  # headings and list items match on this many leading characters (whitespace removed)
QUOTE_PREFIX_CHARS = 10  # quotes match on this many leading characters of their text
FIELDS = ("category", "author", "view_count", "contact_department", "contact_phone")
LENIENT_FIELDS = ("author", "contact_department")  # '임정우' and '임정우 기자' are the same byline
_WS = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")  # whitespace and zero-width characters a reader never sees
_LEAD_MARKER = re.compile(r"^(?:[□■▣◆◇◼○●◦•▪·ㆍ\-–*▶▷►]|\(?\d{1,2}[.)]|\(?[가-하][.)]|[①-⑳])\s*")
_DIGITS = re.compile(r"\D+")


def squash(text: str | None) -> str:
    return _WS.sub("", text or "")


def key(text: str, chars: int = PREFIX_CHARS) -> str:
    """Comparison key of a heading or list item: no leading marker, no whitespace, case folded, first chars."""
    return squash(_LEAD_MARKER.sub("", (text or "").strip())).casefold()[:chars]


@dataclass
class Output:
    """What one extractor produced for one page, in the terms the gold is written in."""
    rejected: str | None = None
    title: str | None = None
    published_at: str | None = None  # 'YYYY-MM-DD HH:MM'
    date_only: bool = False  # the extractor gives days, never times: dates are compared on the day
    fields: dict = field(default_factory=dict)
    segments: list[str] = field(default_factory=list)  # every output text unit, squashed
    headings: list[str] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    quotes: list[tuple[str | None, str]] = field(default_factory=list)  # (speaker, text)
    produces: frozenset = frozenset({"captions", "attachments", "quotes"})  # what else the extractor emits


def load_split(split: str, real_dir: Path = REAL_DIR, language: str | None = None) -> list[tuple[RawPage, dict]]:
    """(page, gold) pairs of one split (of one gold language when given); pages keyed '<site>/<file>' so the
    template pass groups them by site."""
    manifest = {r["id"]: r for r in json.loads((real_dir / "manifest.json").read_text(encoding="utf-8"))}
    pairs = []
    for gold_path in sorted((real_dir / split / "gold").glob("*.json")):
        page = real_dir / split / "pages" / f"{gold_path.stem}.html"
        site = manifest.get(gold_path.stem, {}).get("site", "unknown")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if language and gold.get("language") != language:
            continue
        raw = RawPage(f"{site}/{page.name}", page.read_bytes(), "html")
        pairs.append((raw, gold))
    return pairs


def cityclips_outputs(pairs: list[tuple[RawPage, dict]]) -> list[Output]:
    templates = corpus_templates(raw for raw, _ in pairs)
    return [_from_document(process_page(raw, templates)) for raw, _ in pairs]


def _from_document(result) -> Output:
    if not isinstance(result, Document):
        return Output(rejected=f"{result.reason}: {result.detail}"[:120])
    meta = result.metadata
    segs = [s for s in result.segments]
    return Output(
        title=meta.title,
        published_at=meta.published_at.strftime("%Y-%m-%d %H:%M") if meta.published_at else None,
        fields={f: getattr(meta, f) for f in FIELDS},
        segments=[squash(meta.title)] + [squash(f"{s.marker}{s.text}") for s in segs],
        # a numbered heading's number is its marker ('1.' + 'Preamble'): either form names it (the page shows both)
        headings=[s.text if not s.marker.strip() else (s.text, f"{s.marker}{s.text}") for s in segs if s.kind == "heading"],
        list_items=[s.text for s in segs if s.kind == "list_item"],
        captions=[s.text for s in segs if s.kind == "caption"],
        attachments=[a.name for a in meta.attachments],
        quotes=[(q.speaker or q.speaker_as_written, q.text) for q in result.quotes],
    )


def trafilatura_outputs(pairs: list[tuple[RawPage, dict]]) -> list[Output]:
    """trafilatura 2.3.1's XML output (comments off, tables on): text, <head>, <item>, title and date."""
    import trafilatura  # noqa: F401  (imported by score_split before the clock starts)
    from lxml import etree

    from cityclips.transforms.decode import decode_page
    outputs = []
    for raw, _ in pairs:
        xml = trafilatura.extract(decode_page(raw).text, output_format="xml", include_comments=False,
                                  include_tables=True, with_metadata=True)
        if not xml:
            outputs.append(Output(rejected="no output"))
            continue
        doc = etree.fromstring(xml.encode("utf-8"))
        main = doc.find("main")
        texts = [" ".join("".join(el.itertext()).split()) for el in (main.iter() if main is not None else [])
                 if el.tag in ("p", "head", "item", "cell", "quote", "list", "row") and not len(el.findall("p"))]
        date = doc.get("date")
        outputs.append(Output(
            title=doc.get("title"), published_at=f"{date} 00:00" if date else None, date_only=True,
            fields={"author": doc.get("author"), "category": doc.get("categories") or None},
            segments=[squash(doc.get("title"))] + [squash(t) for t in texts if t],
            headings=[" ".join("".join(h.itertext()).split()) for h in (main.iter("head") if main is not None else [])],
            list_items=[" ".join("".join(i.itertext()).split()) for i in (main.iter("item") if main is not None else [])],
            produces=frozenset(),
        ))
    return outputs


@dataclass
class Tally:
    """Counts over the pages of one split for one extractor."""
    pages: int = 0
    rejected: list = field(default_factory=list)
    keep_total: int = 0
    keep_found: int = 0
    drop_total: int = 0
    drop_leaked: int = 0
    title_total: int = 0
    title_right: int = 0
    date_total: int = 0
    date_right: int = 0
    date_invented: int = 0
    field_total: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_right: dict = field(default_factory=lambda: {f: 0 for f in FIELDS})
    field_invented: int = 0
    heading_pages: int = 0
    heading_gold: int = 0
    heading_found: int = 0
    heading_invented: int = 0
    list_pages: int = 0
    list_gold: int = 0
    list_found: int = 0
    list_invented: int = 0
    caption_gold: int = 0
    caption_found: int = 0
    caption_pred: int = 0
    attach_gold: int = 0
    attach_found: int = 0
    attach_invented: int = 0
    quote_gold: int = 0
    quote_pred: int = 0
    quote_matched: int = 0
    speaker_right: int = 0
    extras: bool = False
    misses: list = field(default_factory=list)

    def ratio(self, num: int, den: int) -> float | None:
        return num / den if den else None

    def summary(self) -> dict:
        fields_total, fields_right = sum(self.field_total.values()), sum(self.field_right.values())
        return {
            "pages": self.pages, "rejected": len(self.rejected),
            "must_keep_kept": self.ratio(self.keep_found, self.keep_total),
            "chrome_leaked": self.ratio(self.drop_leaked, self.drop_total),
            "title_right": self.ratio(self.title_right, self.title_total),
            "date_right": self.ratio(self.date_right, self.date_total), "dates_invented": self.date_invented,
            "other_fields_right": self.ratio(fields_right, fields_total), "fields_invented": self.field_invented,
            "per_field": {f: f"{self.field_right[f]}/{self.field_total[f]}" for f in FIELDS},
            "headings_found": self.ratio(self.heading_found, self.heading_gold), "headings_invented": self.heading_invented,
            "heading_pages": self.heading_pages,
            "list_items_found": self.ratio(self.list_found, self.list_gold), "list_items_invented": self.list_invented,
            "list_pages": self.list_pages,
            "captions_found": self.ratio(self.caption_found, self.caption_gold) if self.extras else None,
            "attachments_found": self.ratio(self.attach_found, self.attach_gold) if self.extras else None,
            "attachments_invented": self.attach_invented if self.extras else None,
            "quote_precision": self.ratio(self.quote_matched, self.quote_pred) if self.extras else None,
            "quote_recall": self.ratio(self.quote_matched, self.quote_gold) if self.extras else None,
            "speaker_right": self.ratio(self.speaker_right, self.quote_matched) if self.extras else None,
            "counts": {"must_keep": self.keep_total, "must_drop": self.drop_total, "headings": self.heading_gold,
                       "list_items": self.list_gold, "quotes": self.quote_gold},
        }


def _contains_either(a: str | None, b: str | None) -> bool:
    a, b = squash(a).casefold(), squash(b).casefold()
    return bool(a and b) and (a in b or b in a)


def _field_right(name: str, got, want) -> bool:
    if name == "contact_phone":
        return bool(got) and _DIGITS.sub("", str(got)) == _DIGITS.sub("", str(want))
    if name in LENIENT_FIELDS:
        return _contains_either(got, want)
    if isinstance(want, str):
        return squash(str(got or "")).casefold() == squash(want).casefold()
    return got == want


def _date_right(got: str | None, want: str, day_only: bool = False) -> bool:
    return bool(got) and (got[:10] == want[:10] if day_only or len(want) == 10 else got[:16] == want[:16])


def entry_text(entry: str | dict) -> str:
    """An optional entry's text: a plain text start, or a list item's form ``{"marker", "depth", "text_start"}``.

    >>> entry_text({"marker": "•", "depth": 0, "text_start": "Stay out"}), entry_text("Stay out")
    ('Stay out', 'Stay out')
    """
    return entry["text_start"] if isinstance(entry, dict) else entry


def _count_structure(predicted: list[str | tuple[str, ...]], gold: list[str],
                     optional: list[str]) -> tuple[int, list[str]]:
    """(gold entries found, predicted entries invented), matching on leading text.

    A predicted entry may be a tuple of the forms that name it (a numbered heading without and with its number):
    it matches when any form does, and is reported by its first."""
    gold_keys = [key(g) for g in gold]
    allowed = gold_keys + [key(o) for o in optional]
    forms = [p if isinstance(p, tuple) else (p,) for p in predicted]
    pred_keys = [[key(f) for f in entry] for entry in forms]
    found = sum(1 for g in gold_keys if any(_same(g, k) for keys in pred_keys for k in keys))
    invented = [entry[0] for entry, keys in zip(forms, pred_keys)
                if any(keys) and not any(_same(a, k) for a in allowed for k in keys)]
    return found, invented


def _same(a: str, b: str) -> bool:
    """Two keys name the same entry when one starts the other (gold text_start may be shorter than the key)."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def score_page(out: Output, gold: dict, tally: Tally, name: str) -> None:
    tally.pages += 1
    miss = tally.misses.append
    if out.rejected:
        tally.rejected.append(f"{name}: {out.rejected}")
    body = "¶".join(out.segments)
    for snippet in gold.get("must_keep", []):
        tally.keep_total += 1
        if squash(snippet) in body:
            tally.keep_found += 1
        else:
            miss(f"{name}: lost {snippet[:60]!r}")
    for snippet in gold.get("must_drop", []):
        tally.drop_total += 1
        if squash(snippet) in body:
            tally.drop_leaked += 1
            miss(f"{name}: leaked {snippet[:60]!r}")
    if gold.get("title"):
        tally.title_total += 1
        if squash(out.title).casefold() == squash(gold["title"]).casefold():
            tally.title_right += 1
        else:
            miss(f"{name}: title {out.title!r}")
    want = gold.get("published_at")
    if want:
        tally.date_total += 1
        if _date_right(out.published_at, want, out.date_only):
            tally.date_right += 1
        else:
            miss(f"{name}: date {out.published_at!r}, want {want!r}")
    elif out.published_at:
        tally.date_invented += 1
        miss(f"{name}: date {out.published_at!r} invented")
    for f in FIELDS:
        if f not in out.fields:
            continue  # this extractor does not produce the field
        got, want_f = out.fields.get(f), gold.get(f)
        if want_f not in (None, ""):
            tally.field_total[f] += 1
            if _field_right(f, got, want_f):
                tally.field_right[f] += 1
            else:
                miss(f"{name}: {f} {got!r}, want {want_f!r}")
        elif got not in (None, ""):
            tally.field_invented += 1
    if gold.get("headings") is not None:
        tally.heading_pages += 1
        found, invented = _count_structure(out.headings, gold["headings"], gold.get("optional_headings", []) + [gold.get("title") or ""])
        tally.heading_gold += len(gold["headings"])
        tally.heading_found += found
        tally.heading_invented += len(invented)
        if invented:
            miss(f"{name}: {len(invented)} headings invented, e.g. {[t[:30] for t in invented[:3]]}")
    if gold.get("list_items") is not None:
        tally.list_pages += 1
        gold_items = [i["text_start"] for i in gold["list_items"]]
        optional = [entry_text(o) for o in gold.get("optional_list_items", [])]
        found, invented = _count_structure(out.list_items, gold_items, optional)
        tally.list_gold += len(gold_items)
        tally.list_found += found
        tally.list_invented += len(invented)
        if invented:
            miss(f"{name}: {len(invented)} list items invented, e.g. {[t[:30] for t in invented[:3]]}")
    if "captions" in out.produces:
        _score_extras(out, gold, tally, name)


def _file_name(text: str | None) -> str:
    """An attachment's name as the scorer compares it: case folded, whitespace (zero-width too) one space."""
    return _WS.sub(" ", text or "").strip().casefold()


def _same_file(pred: str, gold: str) -> bool:
    """An attachment's name (_file_name) matches the gold's when one ends the other (a listed prefix: '첨부 1. '),
    whitespace ignored, at a word's boundary: what stands before the shorter name in the longer one, as written,
    is a space or a mark ('11차 회의록.hwp' does not end with the file '1차 회의록.hwp', 'Final report.pdf' ends
    with 'report.pdf').

    >>> _same_file("첨부 1. 1차 회의록.hwp", "1차 회의록.hwp"), _same_file("11차 회의록.hwp", "1차 회의록.hwp")
    (True, False)
    """
    if not pred or not gold:
        return False
    longer, shorter = (pred, gold) if len(squash(pred)) >= len(squash(gold)) else (gold, pred)
    tail = squash(shorter)
    if not squash(longer).endswith(tail):
        return False
    start, letters = len(longer), 0  # where the shorter name begins in the longer one as written
    while letters < len(tail):
        start -= 1
        letters += not longer[start].isspace()
    return start == 0 or not longer[start - 1].isalnum()


def _score_extras(out: Output, gold: dict, tally: Tally, name: str = "") -> None:
    """Captions, attachments and quotes: only for extractors that emit them (trafilatura's text has none)."""
    tally.extras = True
    gold_caps = [key(c, 30) for c in gold.get("captions", [])]
    pred_caps = [key(c, 30) for c in out.captions]
    tally.caption_gold += len(gold_caps)
    tally.caption_pred += len(pred_caps)
    tally.caption_found += sum(1 for c in gold_caps if c in pred_caps)
    gold_att = [_file_name(a["name"]) for a in gold.get("attachments", [])]
    pred_att = [_file_name(a) for a in out.attachments]
    tally.attach_gold += len(gold_att)
    tally.attach_found += sum(1 for g in gold_att if any(_same_file(p, g) for p in pred_att))
    missed = [a["name"] for a in gold.get("attachments", []) if not any(_same_file(p, _file_name(a["name"]))
                                                                        for p in pred_att)]
    invented = [a for a, p in zip(out.attachments, pred_att) if not any(_same_file(p, g) for g in gold_att)]
    tally.attach_invented += len(invented)
    if missed:
        tally.misses.append(f"{name}: {len(missed)} attachments missed, e.g. {[t[:40] for t in missed[:3]]}")
    if invented:
        tally.misses.append(f"{name}: {len(invented)} attachments invented, e.g. {[t[:40] for t in invented[:3]]}")
    _score_quotes(out, gold, tally)


def _score_quotes(out: Output, gold: dict, tally: Tally) -> None:
    gold_quotes = [(q["speaker"], key(q["text_start"], QUOTE_PREFIX_CHARS)) for q in gold.get("quotes", [])]
    optional = {key(t, QUOTE_PREFIX_CHARS) for t in gold.get("optional_quotes", [])}
    unmatched = list(gold_quotes)
    tally.quote_gold += len(gold_quotes)
    for speaker, text in out.quotes:
        k = key(text, QUOTE_PREFIX_CHARS)
        hit = next((g for g in unmatched if g[1] and (k.startswith(g[1]) or g[1].startswith(k))), None)
        if hit:
            unmatched.remove(hit)
            tally.quote_pred += 1
            tally.quote_matched += 1
            tally.speaker_right += _contains_either(speaker, hit[0])
        elif k not in optional:
            tally.quote_pred += 1


def score_split(split: str, with_trafilatura: bool = True, real_dir: Path = REAL_DIR,
                language: str | None = None) -> dict:
    """Figures of one split (its pages of one language when given): {'cityclips': {...}, 'trafilatura': {...}}
    (trafilatura omitted when asked)."""
    pairs = load_split(split, real_dir, language)
    result = {}
    runs = [("cityclips", cityclips_outputs)] + ([("trafilatura", trafilatura_outputs)] if with_trafilatura else [])
    if with_trafilatura:
        import trafilatura  # noqa: F401  (its import, about a second, is not the extraction's cost)
    for who, run in runs:
        started = time.process_time()
        outputs = run(pairs)
        cpu = time.process_time() - started
        tally = Tally()
        for (raw, gold), out in zip(pairs, outputs):
            score_page(out, gold, tally, raw.source_path.split("/")[-1].removesuffix(".html"))
        summary = tally.summary()
        summary["pages_per_cpu_second"] = len(pairs) / cpu if cpu else None
        summary["rejected_pages"] = tally.rejected
        summary["misses"] = tally.misses
        result[who] = summary
    return result


ROWS = [
    ("pages", "pages", "n"), ("rejected pages", "rejected", "n"),
    ("must-keep kept", "must_keep_kept", "%"), ("chrome strings leaked", "chrome_leaked", "%"),
    ("title right", "title_right", "%"), ("date right", "date_right", "%"), ("dates invented", "dates_invented", "n"),
    ("other fields right", "other_fields_right", "%"), ("fields invented", "fields_invented", "n"),
    ("headings found", "headings_found", "%"), ("headings invented", "headings_invented", "n"),
    ("list items found", "list_items_found", "%"), ("list items invented", "list_items_invented", "n"),
    ("captions found", "captions_found", "%"), ("attachments found", "attachments_found", "%"),
    ("attachments invented", "attachments_invented", "n"),
    ("quote precision", "quote_precision", "%"), ("quote recall", "quote_recall", "%"), ("speaker right", "speaker_right", "%"),
    ("pages per CPU-second", "pages_per_cpu_second", "f"),
]


def _cell(value, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "%":
        return f"{value:.1%}"
    if kind == "f":
        return f"{value:.1f}"
    return str(value)


def format_table(results: dict) -> str:
    columns = [(split, who) for split in results for who in results[split]]
    header = f"{'':<24}" + "".join(f"{split + ' ' + who:>22}" for split, who in columns)
    lines = [header, "-" * len(header)]
    for label, name, kind in ROWS:
        lines.append(f"{label:<24}" + "".join(f"{_cell(results[s][w].get(name), kind):>22}" for s, w in columns))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=SPLITS + ("tuned", "all"), default="tuned",
                        help="which split to score (default: tuned = dev and holdout; fresh only when asked for, "
                             "by --split fresh or all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura column")
    parser.add_argument("--language", choices=("ko", "en"),
                        help="only the pages whose gold language is this (issue 12's Korean targets: --language ko)")
    parser.add_argument("--pages", action="store_true", help="list the misses of each page of the tunable splits (never fresh's)")
    args = parser.parse_args(argv)
    if not (REAL_DIR / "manifest.json").is_file():
        print(f"eval/real: {REAL_DIR} has no manifest.json; nothing to score")
        return 0
    chosen = {"all": SPLITS, "tuned": tuple(s for s in SPLITS if s not in BLIND_SPLITS)}.get(args.split, (args.split,))
    splits = tuple(s for s in chosen if (REAL_DIR / s / "gold").is_dir())
    results = {s: score_split(s, not args.no_trafilatura, language=args.language) for s in splits}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    counts = {s: results[s]["cityclips"]["counts"] for s in splits}
    print("== eval/real: real saved pages (gold written by hand; dev and holdout tuned on, fresh measured once)")
    for s in splits:
        c = counts[s]
        print(f"   {s}: {results[s]['cityclips']['pages']} pages, {c['must_keep']} must-keep and {c['must_drop']} "
              f"must-drop snippets, {c['headings']} headings, {c['list_items']} list items, {c['quotes']} quotes")
    print()
    print(format_table(results))
    for s in splits:
        rejected = results[s]["cityclips"]["rejected_pages"]
        if rejected:  # a blind split's pages are never named, only counted
            named = len(rejected) if s in BLIND_SPLITS else rejected
            print(f"\n  {s} pages cityclips rejected: {named}")
    for s in (s for s in splits if args.pages and s not in BLIND_SPLITS):
        print(f"\n  {s} misses (cityclips):")
        for line in results[s]["cityclips"]["misses"]:
            print(f"    - {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
