"""Shared helpers of the reliability suite: a generated corpus, bad-input builders, the real CLI in a
subprocess, and table snapshots to compare runs with.

Kept out of conftest.py so tests can import the plain functions; the name is unique because test
folders here have no __init__.py (pytest imports them by their basename).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

PROJECT = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).with_name("cityclips")
SOURCE_PAGES = sorted([*(PROJECT / "seeds").glob("*.*"), *(PROJECT / "eval" / "pages").glob("*.*")])
PAGE_TABLES = ("documents", "segments", "attachments", "quotes", "boilerplate", "rejects")
# Columns that differ between two runs of the same input by design (when and how fast it ran).
VOLATILE_COLUMNS = {"documents": ("processed_at", "run_id", "parse_ms", "file_modified_at"), "rejects": ("run_id",)}
RUN_TIMEOUT_S = 240  # one CLI run; a loaded 2-core machine has taken 55 s for a cold temporary server
# Words appended to article lines to vary copies of a page; letters only, since template signatures
# mask digits and a numbered suffix would leave the lines identical for template detection.
VARIANT_WORDS = ("indeed", "notably", "meanwhile", "accordingly", "moreover", "likewise", "overall",
                 "similarly", "furthermore", "nonetheless", "subsequently", "consequently", "evidently",
                 "specifically", "ultimately", "generally", "reportedly", "additionally", "officially", "publicly")
CORPUS_PAGES = 300  # ~4-8 s of processing: long enough to kill a run mid-way, short enough to run often
PROSE_MIN_CHARS = 40  # shorter lines are chrome or headings: left alone so templates are still found


def _decode(data: bytes) -> tuple[str, str]:
    for codec in ("utf-8", "cp949"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise ValueError("source page is neither UTF-8 nor CP949")


def _pick(variant: int, position: int) -> str | None:
    """A suffix word for one line of one variant, or None (about a quarter of lines stay as they are)."""
    digest = hashlib.blake2b(f"{variant}:{position}".encode(), digest_size=4).digest()
    return None if digest[0] % 4 == 0 else VARIANT_WORDS[digest[1] % len(VARIANT_WORDS)]


def vary_page(data: bytes, suffix: str, variant: int) -> bytes:
    """A copy of a source page with small edits: words appended to most prose lines (text) or paragraphs (HTML).

    Each variant edits a different subset, so no article line recurs on enough pages to pass for a
    template line, and the page still reads as the same kind of article.
    """
    text, codec = _decode(data)
    if suffix == ".html":
        parts = text.split("</p>")
        text = "".join(part + (f" {word}" if (word := _pick(variant, i)) else "") + "</p>"
                       for i, part in enumerate(parts[:-1])) + parts[-1]
    else:
        lines = text.split("\n")
        text = "\n".join(f"{line} {word}" if len(line) >= PROSE_MIN_CHARS and (word := _pick(variant, i)) else line
                         for i, line in enumerate(lines))
    return text.encode(codec)


def corpus_pages(pages: int, edition: int = 0) -> dict[str, bytes]:
    """Relative path -> bytes of a generated corpus of `pages` pages in four site folders.

    Edition 0 and edition 1 differ in every second page (so a run switching editions reprocesses
    half the corpus and carries the other half over).
    """
    result = {}
    for i in range(pages):
        source = SOURCE_PAGES[i % len(SOURCE_PAGES)]
        variant = i // len(SOURCE_PAGES) + (1000 * edition if i % 2 else 0)
        rel = f"site{i % 4}/{i:04d}_{source.stem}{source.suffix}"
        result[rel] = vary_page(source.read_bytes(), source.suffix, variant)
    return result


def write_corpus(root: Path, pages: dict[str, bytes]) -> int:
    """Make root hold exactly `pages`; files whose bytes are unchanged are not touched (mtime kept).

    Returns the number of files written.
    """
    written = 0
    for rel, data in pages.items():
        path = root / rel
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for path in root.rglob("*"):
        if path.is_file() and path.relative_to(root).as_posix() not in pages:
            path.unlink()
    return written


def copy_tree(source: Path, target: Path) -> Path:
    """Copy a corpus or output folder: symlinks stay symlinks, modification times are kept."""
    shutil.copytree(source, target, symlinks=True, copy_function=shutil.copy2)
    return target


# --- bad inputs -----------------------------------------------------------------------------------

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
             + bytes(range(256)) * 8 + b"\x00\x00\x00\x00IEND\xaeB`\x82")
# Bytes valid in neither UTF-8 nor CP949 (0xC0, 0xC1 and 0xF5-0xFF never occur in UTF-8; 0xFF, 0x80
# lead no CP949 pair), and no BOM: the pipeline can only replace them.
UNDECODABLE_BYTES = bytes([0xC0, 0x80, 0xFF, 0xC1, 0xF5, 0x80, 0xFE, 0x80]) * 800
KOREAN_ARTICLE = ("보도자료\n\n"
                  "광주시, 인공지능 데이터센터 2단계 확충 추진\n"
                  "작성자 : 대변인실 작성일 : 2024-01-02 10:00 조회수 : 15\n\n"
                  "광주광역시는 첨단3지구 국가인공지능데이터센터의 연산 능력을 두 배 이상 늘리는 사업을 추진한다고 밝혔다.\n"
                  "○ 주요 내용은 다음과 같다\n"
                  "- 입주기업 300곳에 연산 자원을 무상으로 지원\n"
                  "- 창업기업 전용 이용권 신설\n")
CHROME_ONLY = ("Shortcut to the text\nGwangju city\n모바일메뉴 열기\n본문 바로가기\n주메뉴 바로가기\n"
               "전체메뉴\n검색\nLogin\nSitemap\nCopyright © Gwangju Metropolitan City. All rights reserved.\n")
ARTICLE_TEXT = ("News Clips\n\nGwangju opens a new library for children\n"
                "Name : admin Date : 2024-03-04 09:30 120\n\n"
                "Gwangju Metropolitan City opened a new public library for children in Buk-gu on Monday.\n"
                "The library holds twenty thousand books and runs reading programmes every weekend.\n")


def script_page(marker: Path) -> bytes:
    """An HTML article whose scripts would create `marker` if anything executed them (JS, Python, shell)."""
    target = str(marker)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Library opens</title>
<script>require('fs').writeFileSync('{target}', 'pwned');</script>
<script type="text/python">open('{target}', 'w').write('pwned')</script>
</head><body>
<h1>Gwangju opens a new library for children</h1>
<p>Gwangju Metropolitan City opened a new public library for children in Buk-gu on Monday.</p>
<script>document.write('injected'); fetch('file://{target}', {{method: 'PUT'}});</script>
<p>The library holds twenty thousand books <img src="x" onerror="require('fs').writeFileSync('{target}', 'x')">and
runs reading programmes every weekend.</p>
<p>$(touch {target}) `touch {target}`</p>
</body></html>""".encode("utf-8")


def long_line_page(line_bytes: int = 2 * 1024 ** 2) -> bytes:
    """A text article whose body is one line of about line_bytes bytes (no newline in it)."""
    words = b"Gwangju citizens " * (line_bytes // 17)
    return ARTICLE_TEXT.encode() + words + b"\n"


# --- running the real CLI -------------------------------------------------------------------------

@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def start_cli(args: list[str], env: dict[str, str], log_dir: Path) -> subprocess.Popen:
    """Start `cityclips ...` in its own session (process group) so a kill reaches all its children."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stdout = open(log_dir / "stdout.txt", "w", encoding="utf-8")
    stderr = open(log_dir / "stderr.txt", "w", encoding="utf-8")
    process = subprocess.Popen([str(CLI), *args], cwd=PROJECT, env=env, stdout=stdout, stderr=stderr,
                               start_new_session=True)
    process.log_dir = log_dir  # type: ignore[attr-defined]
    process.started = time.perf_counter()  # type: ignore[attr-defined]
    stdout.close()
    stderr.close()
    return process


def finish_cli(process: subprocess.Popen, timeout: float = RUN_TIMEOUT_S) -> Completed:
    """Wait for a process from start_cli (killing its group on timeout) and collect its output."""
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise
    log_dir: Path = process.log_dir  # type: ignore[attr-defined]
    return Completed(process.returncode, (log_dir / "stdout.txt").read_text(encoding="utf-8"),
                     (log_dir / "stderr.txt").read_text(encoding="utf-8"),
                     time.perf_counter() - process.started)  # type: ignore[attr-defined]


def run_cli(args: list[str], env: dict[str, str], log_dir: Path) -> Completed:
    return finish_cli(start_cli(args, env, log_dir))


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the process and everything in its process group (a temporary Prefect server too)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


# --- reading a run's output -----------------------------------------------------------------------

def read_tables(out: Path, tables=PAGE_TABLES) -> dict[str, pa.Table]:
    """Every page table as a reader sees it: a pyarrow dataset over <out>/<table> (the published symlink)."""
    result = {}
    for name in tables:
        path = out / name
        files = sorted(path.glob("*.parquet")) if path.exists() else []
        result[name] = ds.dataset([str(f) for f in files], format="parquet").to_table() if files else None
    return result


def table_rows(out: Path, table: str) -> list[dict]:
    """Every row of one published table, as dicts."""
    return ds.dataset(str(out / table), format="parquet").to_table().to_pylist()


def comparable_rows(table: pa.Table | None, name: str) -> list[tuple]:
    """A table's rows without the columns that differ by design between runs, sorted."""
    if table is None:
        return []
    keep = [c for c in table.column_names if c not in VOLATILE_COLUMNS.get(name, ())]
    return sorted(tuple(row.values()) for row in table.select(keep).to_pylist())


def snapshot(out: Path) -> dict[str, list[tuple]]:
    """Comparable rows of every page table under out."""
    return {name: comparable_rows(table, name) for name, table in read_tables(out).items()}


def assert_consistent(out: Path) -> dict[str, int]:
    """The published tables are readable, doc_ids are unique, and every child row has its document.

    Also opens cityclips.duckdb read-only and counts its documents. Returns row counts.
    """
    tables = read_tables(out)
    documents = tables["documents"]
    assert documents is not None, f"no readable documents table under {out}"
    doc_ids = documents.column("doc_id").to_pylist()
    assert len(doc_ids) == len(set(doc_ids)), "duplicate doc_ids in documents"
    known = set(doc_ids)
    rejects = tables["rejects"]
    rejected_ids = set(rejects.column("doc_id").to_pylist()) if rejects is not None and "doc_id" in \
        rejects.column_names else set()
    for child in ("segments", "attachments", "quotes", "boilerplate"):
        if tables[child] is not None:
            # a rejected page's removed lines (no_article) carry the reject's doc_id
            orphans = set(tables[child].column("doc_id").to_pylist()) - known - (
                rejected_ids if child == "boilerplate" else set())
            assert not orphans, f"{child} rows whose doc_id is not in documents: {sorted(orphans)[:3]}"
    rejected = set(tables["rejects"].column("source_path").to_pylist()) if tables["rejects"] is not None else set()
    assert not rejected & set(documents.column("source_path").to_pylist()), "a page is both a document and a reject"
    con = duckdb.connect(str(out / "cityclips.duckdb"), read_only=True)
    try:
        database_documents = con.execute("select count(*) from raw.documents").fetchone()[0]
    finally:
        con.close()
    return {"documents": len(doc_ids), "database_documents": database_documents}
