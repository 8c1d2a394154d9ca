"""A full disk under --out: exit status 3 and one sentence naming the folder and what was kept, no
temporary file left, tables and database agreeing (or the database known stale and rebuilt by the
next run), and the next run succeeding once space is freed.

The output folder is a small tmpfs that the test mounts (root only: the test is skipped, saying so,
where it may not mount). The disk is filled with a filler file to leave just the space wanted.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from reliability_helpers import ARTICLE_TEXT, PROJECT, run_cli

from cityclips.flows.failures import EXIT_IO
from cityclips.warehouse.build_state import built_from

DISK_BYTES = 24 * 1024 ** 2  # room for two versions of the seeds' tables and two databases
FILLER = "filler.bin"


def _mount_tmpfs(target: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root); disk-full behaviour not tested here")
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(target)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); disk-full behaviour not tested")


def _free(path: Path) -> int:
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


def _fill(disk: Path, leave: int) -> None:
    """Write a filler file so that only about `leave` bytes stay free."""
    with open(disk / FILLER, "ab") as handle:
        chunk = b"\0" * (1024 * 1024)
        while _free(disk) - leave > len(chunk):
            handle.write(chunk)
            handle.flush()
        remainder = _free(disk) - leave
        if remainder > 0:
            handle.write(b"\0" * remainder)


def _table_bytes(out: Path) -> int:
    current = (out / ".versions" / "current").resolve()
    return sum(p.stat().st_size for p in current.rglob("*.parquet"))


def _leftovers(out: Path) -> list[str]:
    """Temporary files a failed run must not leave behind."""
    versions = out / ".versions"
    names = [p.name for p in versions.iterdir() if p.name.endswith(".tmp") or p.name.endswith(".link")]
    return names + [p.name for p in out.iterdir() if p.name.startswith(".cityclips.duckdb")]


def _documents_in_tables(out: Path) -> int:
    return sum(pq.ParquetFile(p).metadata.num_rows for p in (out / "documents").glob("*.parquet"))


def _documents_in_database(out: Path) -> int:
    con = duckdb.connect(str(out / "cityclips.duckdb"), read_only=True)
    try:
        return con.execute("select count(*) from raw.documents").fetchone()[0]
    finally:
        con.close()


def _one_sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("cityclips: ")]
    assert len(lines) == 1, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    return lines[0]


@pytest.fixture(scope="module")
def disk_full(cli_env, tmp_path_factory):
    """Runs on a small disk: a good run, one failing while writing tables, one failing while building the
    database, each followed by a run after space was freed. Returns what each step saw."""
    base = tmp_path_factory.mktemp("disk-full")
    disk = base / "disk"
    _mount_tmpfs(disk)
    try:
        pages, out = base / "pages", disk / "out"
        shutil.copytree(PROJECT / "seeds", pages)
        seen: dict = {}
        run = lambda name, *extra: run_cli(["run", str(pages), "--out", str(out), *extra], cli_env,  # noqa: E731
                                           base / name)
        seen["first"] = run("first")
        seen["documents_before"] = _documents_in_tables(out)
        tables, database = _table_bytes(out), (out / "cityclips.duckdb").stat().st_size

        # 1. no room even for the tables: nothing of the run may be kept
        (pages / "new_article.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
        _fill(disk, leave=16 * 1024)
        seen["tables_full"] = run("tables_full", "--full")
        seen["tables_full_leftovers"] = _leftovers(out)
        seen["tables_full_counts"] = (_documents_in_tables(out), _documents_in_database(out))
        os.remove(disk / FILLER)
        seen["tables_recovered"] = run("tables_recovered")
        seen["tables_recovered_counts"] = (_documents_in_tables(out), _documents_in_database(out))

        # 2. room for the tables but not the database: tables published, database known stale
        (pages / "another_article.txt").write_text(ARTICLE_TEXT.replace("library", "museum"), encoding="utf-8")
        _fill(disk, leave=tables + database // 2)
        seen["database_full"] = run("database_full", "--full")
        seen["database_full_leftovers"] = _leftovers(out)
        current = (out / ".versions" / "current").resolve().name
        seen["database_full_stale"] = built_from(out / "cityclips.duckdb") != current
        seen["database_full_counts"] = (_documents_in_tables(out), _documents_in_database(out))
        seen["query_when_stale"] = run_cli(["query", "select count(*) as n from articles", "--out", str(out)],
                                           cli_env, base / "query")
        os.remove(disk / FILLER)
        seen["database_recovered"] = run("database_recovered")
        seen["database_recovered_counts"] = (_documents_in_tables(out), _documents_in_database(out))
        seen["database_recovered_current"] = built_from(out / "cityclips.duckdb") == \
            (out / ".versions" / "current").resolve().name
        seen["out"] = out
        yield seen
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_the_first_run_fits(disk_full):
    assert disk_full["first"].returncode == 0, disk_full["first"].stderr[-3000:]


def test_a_full_disk_while_writing_tables_exits_3_in_one_sentence(disk_full):
    completed = disk_full["tables_full"]
    assert completed.returncode == EXIT_IO, completed.stderr[-3000:]
    sentence = _one_sentence(completed.stderr)
    assert str(disk_full["out"]) in sentence and "disk is full" in sentence
    assert "nothing of this run was kept" in sentence and f"{disk_full['documents_before']:,} documents" in sentence


def test_nothing_temporary_is_left_and_the_old_version_stands(disk_full):
    assert disk_full["tables_full_leftovers"] == []
    assert disk_full["tables_full_counts"] == (disk_full["documents_before"],) * 2


def test_a_full_disk_while_building_the_database_exits_3_naming_what_was_kept(disk_full):
    completed = disk_full["database_full"]
    assert completed.returncode == EXIT_IO, completed.stderr[-3000:]
    sentence = _one_sentence(completed.stderr)
    assert str(disk_full["out"]) in sentence and "tables were published" in sentence
    assert "rebuilt by the next run" in sentence


def test_the_failed_build_leaves_no_temporary_database_and_marks_the_database_stale(disk_full):
    assert disk_full["database_full_leftovers"] == []
    tables, database = disk_full["database_full_counts"]
    assert tables == database + 1  # the new page is in the tables, not yet in the old database ...
    assert disk_full["database_full_stale"]  # ... and the database says it is older than the tables
    query = disk_full["query_when_stale"]
    assert query.returncode == 0 and "older than the tables" in query.stderr


def test_the_next_run_succeeds_once_space_is_freed_and_everything_agrees(disk_full):
    for step in ("tables_recovered", "database_recovered"):
        assert disk_full[step].returncode == 0, disk_full[step].stderr[-3000:]
        tables, database = disk_full[f"{step}_counts"]
        assert tables == database, step
    assert disk_full["database_recovered_counts"][0] == disk_full["documents_before"] + 2
    assert disk_full["database_recovered_current"]
