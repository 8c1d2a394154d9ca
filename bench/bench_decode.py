"""What charset detection costs per page: transforms/decode.py against the round-one ladder, same run.

The baseline is the decoding ladder cityclips had before issue 15 (a BOM, strict UTF-8, strict CP949,
else UTF-8 with U+FFFD), restated here in a few lines so both are timed on the same pages in the
same process. Pages: the seeds, the evaluation pages, the real pages of ../shared/peers when
present (skipped with a message when not), and legacy-encoded copies of real text (EUC-KR,
Windows-1252, Shift-JIS, GB18030, UTF-16 without BOM), which take the detector's slow path.
Prints microseconds per page (median and mean), the ratio new/baseline, and decode's share of
processing a page.

    .venv/bin/python bench/bench_decode.py
"""
from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

from cityclips.transforms.decode import declared_charset, detect_and_decode
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import RawPage

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "peers" / "aeb" / "html"
LANGID = ROOT / "bench" / "data" / "langid"
ENCODING_DATA = ROOT / "tests" / "reliability" / "data" / "encodings"
REPEATS = 5  # best of five: the machine is shared, the minimum is the cost of the work itself
PROCESS_SAMPLE = 40  # pages whose full processing is timed, for decode's share


def baseline_decode(data: bytes) -> str:
    """The round-one ladder: BOM, strict UTF-8, strict CP949, UTF-8 with replacement."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    for codec in ("utf-8", "cp949"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _pages() -> dict[str, list[tuple[str, bytes]]]:
    sets: dict[str, list[tuple[str, bytes]]] = {}
    sets["seeds + eval pages"] = [(p.name, p.read_bytes()) for folder in ("seeds", "eval/pages", "eval/holdout/pages")
                                  for p in sorted((ROOT / folder).glob("*.*")) if p.suffix in (".txt", ".html")]
    if PEERS.is_dir():
        sets["real news pages (peers/aeb)"] = [(p.name, gzip.open(p).read()) for p in sorted(PEERS.glob("*.html.gz"))]
    else:
        print(f"(skipping the real pages: {PEERS} is absent)", file=sys.stderr)
    texts = {"ko": (LANGID / "ko.txt", "euc-kr"), "en": (LANGID / "en.txt", "cp1252"), "fr": (LANGID / "fr.txt", "cp1252"),
             "ja": (ENCODING_DATA / "ja.txt", "shift_jis"), "zh": (ENCODING_DATA / "zh.txt", "gb18030"),
             "ko16": (LANGID / "ko.txt", "utf-16-le")}
    legacy = []
    for name, (path, codec) in texts.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for start in range(0, 200, 20):  # ten pages of twenty lines each
            text = "\n".join(lines[start:start + 20])
            legacy.append((f"{name}-{start}.txt", text.encode(codec, errors="ignore")))
    sets["legacy encodings (detector path)"] = legacy
    return sets


def _time_per_page(function, pages: list[tuple[str, bytes]]) -> list[float]:
    times = []
    for name, data in pages:
        best = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            function(name, data)
            best = min(best, time.perf_counter() - started)
        times.append(best * 1e6)
    return times


def _new(name: str, data: bytes) -> None:
    detect_and_decode(data, declared_charset(data) if name.endswith(".html") else None)


def main() -> None:
    print("| pages | n | baseline µs/page (median, mean) | new µs/page (median, mean) | new/baseline (mean) |")
    print("|---|---:|---:|---:|---:|")
    for label, pages in _pages().items():
        old = _time_per_page(lambda name, data: baseline_decode(data), pages)
        new = _time_per_page(_new, pages)
        print(f"| {label} | {len(pages)} | {statistics.median(old):.0f}, {statistics.mean(old):.0f} | "
              f"{statistics.median(new):.0f}, {statistics.mean(new):.0f} | {statistics.mean(new) / statistics.mean(old):.2f} |")
    sample = _pages()["seeds + eval pages"][:PROCESS_SAMPLE]
    process = _time_per_page(lambda name, data: process_page(RawPage(name, data, "html" if name.endswith(".html")
                                                                      else "text")), sample)
    decode = _time_per_page(_new, sample)
    print(f"\ndecode's share of processing a page (seeds + eval pages, {len(sample)}): "
          f"{sum(decode) / sum(process):.1%} ({statistics.mean(decode):.0f} of {statistics.mean(process):.0f} µs)")


if __name__ == "__main__":
    main()
