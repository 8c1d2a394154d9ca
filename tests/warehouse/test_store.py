"""warehouse/store.py on small hand-made tables: version names, the `current` pointer, what a publish
leaves on disk (part files, zero-row files, table links, fsync before the swap), retention of the
version before the current one, abort wherever a publish stopped, and the run lock.

Fast (tmp_path, a few rows a table); written to kill the mutants `make mutation` found surviving
(docs/testing.md). The lock tests take the competing flock in this process on a second open file:
flock locks belong to the open file, so that is what another process holding it looks like.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cityclips.warehouse import store
from cityclips.warehouse.schemas import TABLES
from cityclips.warehouse.store import (CURRENT, EMPTY_PART_SUFFIX, LOCK_FILE, ROW_GROUP_ROWS, VERSIONS_DIR,
                                       Warehouse, WarehouseBusy, WarehouseNotWritable, version_name)

STUCK = "stuck"  # part name of a file the tests make unremovable (as a file busy on a network share is)


def _lines(doc_id: str, rows: int = 2) -> pa.Table:
    return pa.Table.from_pylist([{"doc_id": doc_id, "line_no": n, "text": f"line {n}", "rule": "skip_link"}
                                 for n in range(rows)], schema=TABLES["boilerplate"])


def _publish(out: Path, doc_id: str, part: str = "p0") -> Path:
    """Publish one version whose boilerplate table holds doc_id's lines; return the version folder."""
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("boilerplate", _lines(doc_id), part)
        return writer.publish()


def _doc_ids(warehouse: Warehouse) -> set[str]:
    return set(warehouse.read_table("boilerplate", ["doc_id"]).column("doc_id").to_pylist())


def _version_dirs(out: Path) -> list[str]:
    versions = out / VERSIONS_DIR
    return sorted(p.name for p in versions.iterdir() if p.is_dir() and not p.is_symlink())


@pytest.fixture
def stuck_files(monkeypatch):
    """Files named *stuck.parquet cannot be removed (os.unlink raises EBUSY), as on a busy network share."""
    real = os.unlink

    def unlink(path, *args, **kwargs):
        if os.fspath(path).endswith(f"{STUCK}.parquet"):
            raise OSError(errno.EBUSY, "Device or resource busy", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    return monkeypatch


# version names -----------------------------------------------------------------------------------

def test_a_version_name_is_the_utc_second_the_nanoseconds_and_the_pid(monkeypatch):
    monkeypatch.setattr(store.time, "time_ns", lambda: 1_700_000_000_123_456_789)
    assert version_name() == f"20231114T221320.123456789-{os.getpid()}"
    monkeypatch.setattr(store.time, "time_ns", lambda: 1_700_000_000_000_000_007)  # zero-padded nanoseconds
    assert version_name() == f"20231114T221320.000000007-{os.getpid()}"


def test_version_names_made_now_read_as_now():
    name = version_name()
    assert re.fullmatch(rf"\d{{8}}T\d{{6}}\.\d{{9}}-{os.getpid()}", name), name


# the current pointer and reading -------------------------------------------------------------------

def test_an_empty_folder_has_no_current_version_and_reads_empty_tables_with_their_schema(tmp_path):
    warehouse = Warehouse(tmp_path / "out")
    assert warehouse.current_dir() is None and warehouse.previous_version() is None
    assert warehouse.table_files("documents") == []
    empty = warehouse.read_table("documents")
    assert empty.num_rows == 0 and empty.schema.equals(TABLES["documents"])
    assert warehouse.read_table("documents", ["doc_id", "title"]).column_names == ["doc_id", "title"]


def test_current_points_at_the_published_version_by_a_relative_link(tmp_path):
    out = tmp_path / "out"
    final = _publish(out, "a")
    warehouse = Warehouse(out)
    assert warehouse.current_dir() == final.resolve()
    assert os.readlink(out / VERSIONS_DIR / CURRENT) == final.name  # relative: the folder can be moved
    moved = tmp_path / "moved"
    shutil.move(out, moved)
    assert _doc_ids(Warehouse(moved)) == {"a"}
    assert pq.read_table(moved / "boilerplate").num_rows == 2  # the public table folder, as users read it


def test_a_current_link_to_a_version_that_is_gone_means_no_current_version(tmp_path):
    out = tmp_path / "out"
    final = _publish(out, "a")
    shutil.rmtree(final)
    warehouse = Warehouse(out)
    assert warehouse.current_dir() is None and warehouse.table_files("boilerplate") == []
    assert warehouse.read_table("boilerplate").num_rows == 0


def test_a_folder_named_current_is_not_a_published_version(tmp_path):
    (tmp_path / "out" / VERSIONS_DIR / CURRENT).mkdir(parents=True)
    assert Warehouse(tmp_path / "out").current_dir() is None


def test_table_files_lists_only_the_tables_parquet_files_in_order(tmp_path):
    out = tmp_path / "out"
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("boilerplate", _lines("b"), "b")
        writer.write("boilerplate", _lines("a"), "a")
        final = writer.publish()
    (final / "boilerplate" / "notes.txt").write_text("not a part file")
    assert [f.name for f in warehouse.table_files("boilerplate")] == ["part-a.parquet", "part-b.parquet"]
    shutil.rmtree(final / "links")
    assert warehouse.table_files("links") == []


def test_read_table_reads_every_part_with_the_contract_schema_and_only_the_asked_columns(tmp_path):
    out = tmp_path / "out"
    final = _publish(out, "a")
    # a part written before a column was added to the contract: it is read with that column null
    old = _lines("old").drop_columns(["rule"])
    pq.write_table(old, final / "boilerplate" / "part-0-old.parquet")
    warehouse = Warehouse(out)
    table = warehouse.read_table("boilerplate")
    assert table.schema.names == TABLES["boilerplate"].names
    assert table.num_rows == 4 and table.column("rule").null_count == 2
    assert warehouse.read_table("boilerplate", ["doc_id"]).column_names == ["doc_id"]


# writing a version --------------------------------------------------------------------------------

def test_write_skips_empty_data_and_writes_a_single_row(tmp_path):
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        writer = warehouse.begin()
        assert sorted(p.name for p in writer.root.iterdir()) == sorted(TABLES)  # a folder per table
        assert writer.write("boilerplate", _lines("a", rows=0), "none") is None
        assert list((writer.root / "boilerplate").iterdir()) == []
        path = writer.write("boilerplate", _lines("a", rows=1), "one")
        assert path == writer.root / "boilerplate" / "part-one.parquet"
        assert pq.read_table(path).num_rows == 1


def test_part_files_are_zstd_with_row_groups_of_the_named_size(tmp_path):
    rows = ROW_GROUP_ROWS + 1
    one = _lines("a", rows=1)
    data = one.take(pa.array([0] * rows))
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        path = warehouse.begin().write("boilerplate", data, "big")
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 2 and meta.row_group(0).num_rows == ROW_GROUP_ROWS
    assert meta.row_group(0).column(0).compression == "ZSTD"


def test_a_write_that_fails_leaves_no_part_file_and_raises_its_own_error(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        writer = warehouse.begin()
        bad = pa.table({"doc_id": ["a"], "line_no": ["not a number"], "text": ["x"], "rule": ["r"]})
        with pytest.raises(pa.ArrowInvalid):  # fails before any file exists: the cast's error, not unlink's
            writer.write("boilerplate", bad, "bad")

        def disk_full(table, path, **kwargs):
            Path(path).write_bytes(b"PAR1 half a file")
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store.pq, "write_table", disk_full)
        with pytest.raises(OSError, match="No space left"):
            writer.write("boilerplate", _lines("a"), "full")
        assert list((writer.root / "boilerplate").iterdir()) == []


def test_every_table_gets_a_zero_row_file_only_while_it_has_no_rows(tmp_path):
    out = tmp_path / "out"
    first = _publish(out, "a")
    empties = {t: [f.name for f in (first / t).iterdir()] for t in TABLES if t != "boilerplate"}
    assert empties == {t: [f"part-{first.name}{EMPTY_PART_SUFFIX}"] for t in empties}
    assert [f.name for f in (first / "boilerplate").iterdir()] == ["part-p0.parquet"]
    warehouse = Warehouse(out)
    assert warehouse.read_table("links").schema.equals(TABLES["links"])

    # the next version carries everything over (nothing changed): the carried zero-row files stay
    with warehouse.lock():
        writer = warehouse.begin()
        for table in TABLES:
            for part in warehouse.table_files(table):
                writer.carry(table, part)
        second = writer.publish()
    assert {t: [f.name for f in (second / t).iterdir()] for t in empties} == empties

    # rows arrive for links: its carried zero-row file goes, the other tables keep theirs
    with warehouse.lock():
        writer = warehouse.begin()
        for table in TABLES:
            for part in warehouse.table_files(table):
                writer.carry(table, part)
        links = pa.Table.from_pylist([{"doc_id": "a", "ordinal": 0, "title": "t", "url": "https://x"}],
                                     schema=TABLES["links"])
        writer.write("links", links, "rows")
        third = writer.publish()
    assert [f.name for f in (third / "links").iterdir()] == ["part-rows.parquet"]
    assert [f.name for f in (third / "segments").iterdir()] == empties["segments"]


def test_carry_hard_links_and_copies_when_a_link_is_not_possible(tmp_path, monkeypatch):
    out = tmp_path / "out"
    final = _publish(out, "a")
    source = final / "boilerplate" / "part-p0.parquet"
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.carry("boilerplate", source)
        assert (writer.root / "boilerplate" / source.name).stat().st_ino == source.stat().st_ino

        def cross_device(src, dst, *args, **kwargs):
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "link", cross_device)
        writer.carry("segments", source)
        copied = writer.root / "segments" / source.name
        assert copied.stat().st_ino != source.stat().st_ino and copied.read_bytes() == source.read_bytes()


# publishing -----------------------------------------------------------------------------------------

def test_publish_makes_public_table_links_and_leaves_no_temporary_names(tmp_path):
    out = tmp_path / "out"
    final = _publish(out, "a")
    for table in TABLES:
        assert os.readlink(out / table) == f"{VERSIONS_DIR}/{CURRENT}/{table}"
        assert (out / table).resolve() == final / table
    left = sorted(p.name for p in (out / VERSIONS_DIR).iterdir())
    assert left == sorted([final.name, CURRENT])  # no .tmp folder, no current.*.link


def test_a_plain_folder_where_a_table_link_belongs_is_replaced_by_the_link(tmp_path):
    out = tmp_path / "out"
    (out / "boilerplate").mkdir(parents=True)
    (out / "boilerplate" / "stale.parquet").write_bytes(b"old copy")
    _publish(out, "a")
    assert (out / "boilerplate").is_symlink()
    assert pq.read_table(out / "boilerplate").column("doc_id").to_pylist() == ["a", "a"]


def _record_fsyncs(monkeypatch) -> list[str]:
    """Patch os.open and os.fsync so each fsync appends the path its descriptor was opened on."""
    opened: dict[int, str] = {}
    synced: list[str] = []
    real_open, real_fsync = os.open, os.fsync

    def open_(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        opened[fd] = os.fspath(path)
        return fd

    def fsync(fd):
        synced.append(opened.get(fd, "?"))
        return real_fsync(fd)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "fsync", fsync)
    return synced


def test_the_files_of_a_version_are_fsynced_before_it_becomes_current(tmp_path, monkeypatch):
    """A power cut after the swap must not leave `current` pointing at files still in the page cache."""
    out = tmp_path / "out"
    real_replace = os.replace
    synced = _record_fsyncs(monkeypatch)

    def replace(src, dst, *args, **kwargs):
        synced.append(f"REPLACE {os.fspath(dst)}")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    final = _publish(out, "a")
    monkeypatch.undo()
    swap = synced.index(f"REPLACE {out / VERSIONS_DIR / CURRENT}")
    before = set(synced[:swap])
    tmp_root = out / VERSIONS_DIR / f"{final.name}.tmp"
    parts = [tmp_root / p.relative_to(final) for p in final.rglob("*.parquet")]
    assert len(parts) == len(TABLES)
    assert {str(p) for p in parts} <= before
    assert {str(tmp_root), *(str(tmp_root / t) for t in TABLES)} <= before
    assert str(out / VERSIONS_DIR) in synced[swap:]  # the swap itself is made durable


def test_a_carried_file_is_not_fsynced_again_and_every_new_file_is(tmp_path, monkeypatch):
    """A hard-linked part (carried from the previous version) was flushed when it was written; the new files
    of the version, wherever they come in the folder's order, are each flushed before the swap."""
    out = tmp_path / "out"
    first = _publish(out, "a", part="old")
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        (old,) = (first / "boilerplate").glob("part-old.parquet")
        writer.carry("boilerplate", old)
        for n in range(3):
            writer.write("boilerplate", _lines(f"new{n}"), f"new{n}")
        synced = _record_fsyncs(monkeypatch)
        final = writer.publish()
        monkeypatch.undo()
    carried = final / "boilerplate" / old.name
    assert os.stat(carried).st_nlink == 2  # the previous version's file and this one's
    tmp_root = out / VERSIONS_DIR / f"{final.name}.tmp"
    synced_parts = {str(Path(p).relative_to(tmp_root)) for p in synced if p.endswith(".parquet")}
    new_parts = {str(p.relative_to(final)) for p in final.rglob("*.parquet") if p != carried}
    assert f"boilerplate/{old.name}" not in synced_parts
    assert new_parts <= synced_parts and len(new_parts) == len(TABLES) - 1 + 3  # zero-row files and three parts


def test_a_complete_version_that_never_became_current_gives_no_previous_version(tmp_path):
    # a run killed between renaming its folder into place and swapping `current` leaves a complete
    # version and no `current`: there is no current version, so none before it either
    out = tmp_path / "out"
    final = _publish(out, "a")
    (out / VERSIONS_DIR / CURRENT).unlink()
    warehouse = Warehouse(out)
    assert final.is_dir() and warehouse.current_dir() is None and warehouse.previous_version() is None


def test_the_version_before_the_current_one_is_kept_and_older_ones_pruned(tmp_path):
    out = tmp_path / "out"
    names = [_publish(out, k).name for k in ("a", "b", "c")]
    warehouse = Warehouse(out)
    assert _version_dirs(out) == names[1:]
    assert warehouse.current_dir().name == names[2] and warehouse.previous_version() == names[1]
    assert _doc_ids(warehouse) == {"c"}


def test_previous_version_is_the_newest_complete_version_before_current(tmp_path):
    out = tmp_path / "out"
    first = _publish(out, "a").name
    warehouse = Warehouse(out)
    assert warehouse.previous_version() is None
    (out / VERSIONS_DIR / ".DS_Store").write_text("a file a file browser left")  # not a version
    assert warehouse.previous_version() is None
    second = _publish(out, "b").name
    (out / VERSIONS_DIR / f"{first}.tmp").mkdir()  # a folder being written is not complete
    (out / VERSIONS_DIR / ".DS_Store").write_text("again")
    assert warehouse.previous_version() == first
    assert warehouse.current_dir().name == second


def test_no_previous_version_while_a_first_run_has_not_published(tmp_path):
    warehouse = Warehouse(tmp_path / "out")
    with warehouse.lock():
        warehouse.begin()
    assert (tmp_path / "out" / VERSIONS_DIR).is_dir() and warehouse.previous_version() is None


def test_begin_removes_what_a_killed_run_left(tmp_path):
    out = tmp_path / "out"
    first = _publish(out, "a")
    versions = out / VERSIONS_DIR
    (versions / "20990101T000000.000000000-1.tmp" / "boilerplate").mkdir(parents=True)
    os.symlink(first.name, versions / f"{CURRENT}.20990101T000000.000000000-1.link")
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
    assert sorted(p.name for p in versions.iterdir()) == sorted([first.name, CURRENT, writer.root.name])


def test_leftovers_that_cannot_be_removed_never_stop_a_run_and_are_pruned_later(tmp_path, stuck_files):
    out = tmp_path / "out"
    versions = out / VERSIONS_DIR
    first = _publish(out, "a", part=STUCK).name
    # a killed run's folder, newer than the current version, holding a file that cannot be removed
    killed = f"{version_name()}.tmp"
    (versions / killed / "boilerplate").mkdir(parents=True)
    pq.write_table(_lines("k"), versions / killed / "boilerplate" / f"part-{STUCK}.parquet")
    second = _publish(out, "b").name  # begin cannot remove the killed run's folder: the run goes on
    warehouse = Warehouse(out)
    assert (versions / killed).is_dir()
    assert _version_dirs(out) == sorted([first, second, killed])  # the killed run's folder is not a version
    assert warehouse.previous_version() == first
    third = _publish(out, "c").name  # pruning the first version fails on its stuck file: the publish goes on
    assert _doc_ids(warehouse) == {"c"} and first in _version_dirs(out)
    stuck_files.undo()
    fourth = _publish(out, "d").name  # now the first and second versions both go
    assert _version_dirs(out) == [third, fourth]


def test_abort_before_publish_removes_the_version_and_keeps_current(tmp_path, stuck_files):
    out = tmp_path / "out"
    first = _publish(out, "a")
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("boilerplate", _lines("b"), STUCK)  # even a file it cannot remove does not make abort raise
        writer.write("boilerplate", _lines("b"), "p1")
        writer.abort()
    assert not (writer.root / "boilerplate" / "part-p1.parquet").exists()
    assert warehouse.current_dir() == first and _doc_ids(warehouse) == {"a"}


def test_abort_after_publish_keeps_the_published_version(tmp_path):
    out = tmp_path / "out"
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("boilerplate", _lines("a"), "p0")
        final = writer.publish()
        writer.abort()  # e.g. the database build after the publish failed
    assert warehouse.current_dir() == final and _doc_ids(warehouse) == {"a"}


def test_abort_of_a_publish_stopped_before_its_swap_removes_the_new_version(tmp_path, monkeypatch, stuck_files):
    out = tmp_path / "out"
    first = _publish(out, "a")
    warehouse = Warehouse(out)
    real_replace = os.replace

    def replace_fails(src, dst, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    with warehouse.lock():
        writer = warehouse.begin()
        writer.write("boilerplate", _lines("b"), "p1")
        writer.write("boilerplate", _lines("b"), STUCK)
        monkeypatch.setattr(os, "replace", replace_fails)
        with pytest.raises(OSError, match="Input/output"):
            writer.publish()
        monkeypatch.setattr(os, "replace", real_replace)
        writer.abort()
    final = out / VERSIONS_DIR / writer.name
    assert not (final / "boilerplate" / "part-p1.parquet").exists()
    assert not (out / VERSIONS_DIR / f"{CURRENT}.{writer.name}.link").exists()
    assert warehouse.current_dir() == first and _doc_ids(warehouse) == {"a"}


# the lock -------------------------------------------------------------------------------------------

def _other_holder(out: Path, content: str = ""):
    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / LOCK_FILE, "a+")
    handle.write(content)
    handle.flush()
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _lock_is_free(out: Path) -> bool:
    with open(out / LOCK_FILE, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def test_the_lock_file_names_the_holding_pid_and_is_released_after(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_FILE).write_text("999999 left by a run long gone\n")
    with Warehouse(out).lock():
        assert (out / LOCK_FILE).read_text() == f"{os.getpid()}\n"
        assert not _lock_is_free(out)
    assert _lock_is_free(out)


def test_a_busy_lock_names_its_holder_and_leaves_the_folder_lockable_after(tmp_path):
    out = tmp_path / "out"
    holder = _other_holder(out, "4242\n")
    with pytest.raises(WarehouseBusy, match=r"another cityclips run \(pid 4242\) holds the lock"):
        with Warehouse(out).lock():
            pytest.fail("took a lock another holder has")
    holder.close()
    with Warehouse(out).lock():  # the failed attempt left nothing behind that makes this one 'nested'
        assert not _lock_is_free(out)
    assert _lock_is_free(out)


def test_a_busy_lock_without_a_pid_in_the_file_names_no_pid(tmp_path):
    out = tmp_path / "out"
    holder = _other_holder(out, "")
    try:
        with pytest.raises(WarehouseBusy) as error:
            with Warehouse(out).lock():
                pass
        assert "(pid" not in str(error.value) and str(out / LOCK_FILE) in str(error.value)
    finally:
        holder.close()


def test_a_nested_lock_keeps_the_outer_one_held_until_the_outer_one_ends(tmp_path):
    out = tmp_path / "out"
    warehouse = Warehouse(out)
    with warehouse.lock():
        with Warehouse(out).lock():
            with warehouse.lock():
                pass
        assert not _lock_is_free(out)
    assert _lock_is_free(out)
    with warehouse.lock():  # a new outer lock after the nest ended takes the file lock again
        assert not _lock_is_free(out)


def test_a_lock_released_by_an_error_can_be_taken_again(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ValueError):
        with Warehouse(out).lock():
            raise ValueError("the run failed")
    assert _lock_is_free(out)
    with pytest.raises(ValueError):
        with Warehouse(out).lock():
            with Warehouse(out).lock():
                raise ValueError("the run failed inside a nested lock")
    assert _lock_is_free(out)


def test_an_output_folder_that_cannot_be_created_is_not_writable(tmp_path):
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(WarehouseNotWritable, match="give --out a folder you can write to"):
        with Warehouse(tmp_path / "a_file" / "out").lock():
            pass
