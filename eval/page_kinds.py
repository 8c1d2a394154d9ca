"""Score page_kind on labelled real pages (eval/pagekind: listings and articles saved by scrapers).

    python eval/page_kinds.py                       # eval/pagekind, the set in the repository
    python eval/page_kinds.py --dir some/labelled   # another labelled set
    python eval/page_kinds.py --min 0.95            # exit 1 below 95% right

The set is a folder of saved pages with their labels in labels.json or manifest.json (a list of
objects with "file" and "kind", "page_kind" or "label", optionally "url" and "split"; "file" is
relative to the folder or to the repository), or labels.csv / labels.tsv (columns file, kind and
optionally url), or one subfolder per kind (listing/, article/, ...). A page's URL,
when the labels give one, is used as the crawler would have it (URL patterns are evidence). The
label 'article' also accepts 'static': both are content pages, told apart only by a date.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityclips.transforms.pipeline import process_pages  # noqa: E402
from cityclips.transforms.records import Document, RawPage  # noqa: E402

DEFAULT_DIR = ROOT / "eval" / "pagekind"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score page_kind on labelled real pages (see module docstring).")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"labelled set (default: {DEFAULT_DIR})")
    parser.add_argument("--min", type=float, default=None, help="exit 1 when the share right is below this")
    parser.add_argument("--split", default=None, help="only the pages of this split (dev, holdout) when labelled so")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        print(f"page kinds: no labelled set at {args.dir}: skipped (add eval/pagekind or give --dir)")
        return 0
    labels = load_labels(args.dir, args.split)
    if not labels:
        print(f"page kinds: {args.dir} holds no labelled pages: skipped")
        return 0
    results = process_pages([read_raw(path, url) for path, _, url in labels])
    right = 0
    confusion: Counter = Counter()
    print(f"page kinds on {args.dir}{f' ({args.split})' if args.split else ''}: {len(labels)} pages")
    for (path, label, url), result in zip(labels, results):
        got = result.page_kind if isinstance(result, Document) else f"reject:{result.reason}"
        ok = got in ACCEPTED.get(label, {label})
        right += ok
        confusion[(label, got)] += 1
        if not ok:
            print(f"  WRONG {path.name}: labelled {label}, got {got}" + (f" ({url})" if url else ""))
    share = right / len(labels)
    by_label = Counter(label for _, label, _ in labels)
    print(f"page_kind right: {right}/{len(labels)} = {share:.1%}  (labels: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_label.items())) + ")")
    print("confusion (label -> got): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(confusion.items())))
    return 1 if args.min is not None and share < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
