"""Check that a change leaves cityclips' output unchanged: a digest of every field of every page's result.

    python tools/same_output.py write /tmp/before.json.gz     # before the change
    python tools/same_output.py check /tmp/before.json.gz     # after it: exit 1 and name what differs
    python tools/same_output.py check /tmp/before.json.gz --sets real-dev,seeds   # some sets only
    python tools/same_output.py write /tmp/before.json.gz --tunable   # every set but the blind ones (fresh)

Every page of eval/pages, eval/holdout, eval/blind, eval/pagekind (its fresh split a set of its own), eval/real (dev, holdout and fresh
when present), seeds/ and ../shared/peers (when present) goes through process_page as the eval
scripts call it: a corpus template pass over the set first (eval/score.py, eval/real.py), except on
the peers' pages, which eval/peers.py runs without one. The record kept per page is the whole
Document or Reject, every field, nested records included, in a canonical JSON form; only
Document.parse_ms (a clock reading) is left out. The template pass's output (templates per group)
is kept per set too. The file holds the records themselves, so `check` can say which field of which
page changed, not only that a digest did.

Speed work (issue 12) must leave this check passing; a behaviour change shows here as the pages it
changed. A set whose folder is absent is skipped with a message, in `write` and `check` alike.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from cityclips.transforms.pipeline import Detectors, corpus_templates, process_page  # noqa: E402
from cityclips.transforms.records import RawPage  # noqa: E402

PEERS_DIR = ROOT.parent / "shared" / "peers"
LEFT_OUT = frozenset({"parse_ms"})  # the clock's reading, not output
FORMATS = {".html": "html", ".htm": "html", ".txt": "text"}
MAX_SHOWN_DIFFERENCES = 3  # fields named per differing page


def canonical(value):
    """A JSON-able form of a record: dataclasses as dicts of their fields, sets sorted, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"@": type(value).__name__,
                **{f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.name not in LEFT_OUT}}
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (frozenset, set)):
        return sorted((canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)  # exact: 0.1 + 0.2 and 0.3 differ here as they do in the output
    return value


def digest(record) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _folder_pages(folder: Path, prefix: str = "") -> list[RawPage]:
    pages = []
    for path in sorted(folder.rglob("*")):
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        kind = FORMATS.get(Path(name).suffix.lower())
        if not path.is_file() or kind is None:
            continue
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        pages.append(RawPage(prefix + path.relative_to(folder).as_posix(), data, kind))
    return pages


def _real_pages(split: str) -> Callable[[], list[RawPage] | None]:
    def load() -> list[RawPage] | None:
        if not (ROOT / "eval" / "real" / split / "gold").is_dir():
            return None
        from real import load_split  # eval/real.py: pages keyed '<site>/<file>', as its template pass sees them

        return [raw for raw, _ in load_split(split)]
    return load


def _folder(path: Path) -> Callable[[], list[RawPage] | None]:
    return lambda: _folder_pages(path) if path.is_dir() else None


def _pagekind_pages(blind: bool) -> Callable[[], list[RawPage] | None]:
    """eval/pagekind's own pages: its tunable splits, or (blind=True) its fresh split alone, by labels.json."""
    folder = ROOT / "eval" / "pagekind"

    def load() -> list[RawPage] | None:
        if not (folder / "pages").is_dir():
            return None
        labels = folder / "labels.json"
        fresh = set()
        if labels.is_file():
            fresh = {Path(entry["file"]).name for entry in json.loads(labels.read_text(encoding="utf-8"))
                     if entry.get("split") == "fresh" and entry.get("file")}
        return [raw for raw in _folder_pages(folder / "pages") if (raw.source_path in fresh) == blind]
    return load


def _peer_pages(name: str) -> Callable[[], list[RawPage] | None]:
    def load() -> list[RawPage] | None:
        import peers  # eval/peers.py

        if name not in peers.peers_available(PEERS_DIR):
            return None
        folder, loader = peers.SETS[name]
        return [RawPage(page.key, page.html, "html") for page in loader(PEERS_DIR / folder)]
    return load


# name -> (loader returning the pages or None when absent, whether a corpus template pass runs first)
SETS: dict[str, tuple[Callable[[], list[RawPage] | None], bool]] = {
    "eval-pages": (_folder(ROOT / "eval" / "pages"), True),
    "eval-holdout": (_folder(ROOT / "eval" / "holdout" / "pages"), True),
    "eval-blind": (_folder(ROOT / "eval" / "blind" / "pages"), True),
    "pagekind": (_pagekind_pages(blind=False), True),
    "pagekind-fresh": (_pagekind_pages(blind=True), True),
    "real-dev": (_real_pages("dev"), True),
    "real-holdout": (_real_pages("holdout"), True),
    "real-fresh": (_real_pages("fresh"), True),
    "seeds": (_folder(ROOT / "seeds"), True),
    "aeb": (_peer_pages("aeb"), False),
    "trafilatura-eval": (_peer_pages("trafilatura-eval"), False),
}
BLIND_SETS = ("real-fresh", "pagekind-fresh")  # measured once, by the lead: a helper's check leaves them out


def records_of(name: str) -> Iterator[tuple[str, dict]] | None:
    """(key, canonical record) of every page of one set, the set's templates first; None when absent."""
    load, with_templates = SETS[name]
    pages = load()
    if pages is None:
        return None

    def generate() -> Iterator[tuple[str, dict]]:
        templates = corpus_templates(pages) if with_templates else {}
        yield "@templates", canonical(templates)
        detectors = Detectors()
        for raw in pages:
            yield raw.source_path, canonical(process_page(raw, templates, detectors))
    return generate()


def collect(names: list[str]) -> dict[str, dict[str, dict]]:
    found = {}
    for name in names:
        records = records_of(name)
        if records is None:
            print(f"{name}: skipped, its pages are absent")
            continue
        # through JSON and back, as the baseline file is read: both sides compare in one form
        found[name] = json.loads(json.dumps(dict(records), ensure_ascii=False))
        print(f"{name}: {len(found[name]) - 1} pages")
    return found


def _differences(before, after, path: str = "") -> Iterator[str]:
    if type(before) is not type(after):
        yield f"{path or '.'}: {str(before)[:80]!r} -> {str(after)[:80]!r}"
    elif isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                yield from _differences(before.get(key), after.get(key), f"{path}.{key}")
    elif isinstance(before, list) and len(before) == len(after):
        for index, (b, a) in enumerate(zip(before, after)):
            if b != a:
                yield from _differences(b, a, f"{path}[{index}]")
    elif before != after:
        shown = (f"{len(before)} -> {len(after)} items" if isinstance(before, list)
                 else f"{str(before)[:80]!r} -> {str(after)[:80]!r}")
        yield f"{path or '.'}: {shown}"


def compare(before: dict, after: dict) -> int:
    """Print what differs between two collections; the number of differing pages."""
    differing = 0
    for name in sorted(set(before) | set(after)):
        if name not in before or name not in after:
            print(f"{name}: only in the {'baseline' if name in before else 'new run'}: not compared")
            continue
        old, new = before[name], after[name]
        changed = [key for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
        same = len(set(old) & set(new)) - len([k for k in changed if k in old and k in new])
        print(f"{name}: {same} of {len(old)} records identical" + (f", {len(changed)} differ" if changed else ""))
        for key in changed:
            differing += 1
            if key not in old or key not in new:
                print(f"  {key}: only in the {'baseline' if key in old else 'new run'}")
                continue
            found = list(_differences(old[key], new[key]))
            print(f"  {key}: {len(found)} fields differ")
            for line in found[:MAX_SHOWN_DIFFERENCES]:
                print(f"    {line}")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("write", "check"), help="write a baseline, or check against one")
    parser.add_argument("baseline", type=Path, help="the baseline file (gzipped JSON), e.g. /tmp/before.json.gz")
    parser.add_argument("--sets", help=f"comma-separated sets (default all: {','.join(SETS)})")
    parser.add_argument("--tunable", action="store_true",
                        help=f"leave out the blind sets ({', '.join(BLIND_SETS)}): for helpers, who never run them")
    args = parser.parse_args(argv)
    names = args.sets.split(",") if args.sets else list(SETS)
    if args.tunable:
        names = [name for name in names if name not in BLIND_SETS]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if args.command == "write":
        found = collect(names)
        with gzip.open(args.baseline, "wt", encoding="utf-8") as handle:
            json.dump(found, handle, ensure_ascii=False, sort_keys=True)
        pages = sum(len(v) - 1 for v in found.values())
        digests = hashlib.sha256("".join(digest(r) for s in found.values() for r in s.values()).encode())
        print(f"wrote {pages} pages of {len(found)} sets to {args.baseline} (digest {digests.hexdigest()[:16]})")
        return 0
    with gzip.open(args.baseline, "rt", encoding="utf-8") as handle:
        before = {name: records for name, records in json.load(handle).items() if name in names}
    after = collect(names)
    differing = compare(before, after)
    print("same output on every page" if not differing else f"{differing} records differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
