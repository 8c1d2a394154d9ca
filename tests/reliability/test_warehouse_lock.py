"""The run lock and version names, in-process (the CLI-level behaviour is in test_concurrent_runs.py)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from cityclips.warehouse.store import Warehouse, WarehouseBusy, WarehouseNotWritable, version_name

HOLD_LOCK = """
import fcntl, os, sys, time
handle = open(sys.argv[1], "a+")
fcntl.flock(handle, fcntl.LOCK_EX)
handle.truncate(0); handle.write(f"{os.getpid()}\\n"); handle.flush()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def other_process_holds_the_lock(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out / ".lock")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield out, holder.pid
    holder.kill()
    holder.wait()


def test_busy_lock_fails_at_once_naming_the_lock_and_its_holder(other_process_holds_the_lock):
    out, pid = other_process_holds_the_lock
    started = time.monotonic()
    with pytest.raises(WarehouseBusy) as error:
        with Warehouse(out).lock():
            pytest.fail("took a lock another process holds")
    assert time.monotonic() - started < 1
    message = str(error.value)
    assert str(out / ".lock") in message and f"pid {pid}" in message
    assert "\n" not in message


def test_lock_is_reentrant_within_a_process_and_released_after(tmp_path):
    """The CLI may take the lock before starting the flow, whose own lock() then nests."""
    out = tmp_path / "out"
    with Warehouse(out).lock():
        with Warehouse(out).lock():
            pass
        with Warehouse(Path(str(out) + "/")).lock():  # the same folder spelled differently
            pass
        probe = subprocess.run([sys.executable, "-c", "import fcntl,sys; fcntl.flock(open(sys.argv[1],'a+'), "
                                "fcntl.LOCK_EX | fcntl.LOCK_NB)", str(out / ".lock")], capture_output=True)
        assert probe.returncode != 0, "another process could take the lock while a nested lock() was released"
    probe = subprocess.run([sys.executable, "-c", "import fcntl,sys; fcntl.flock(open(sys.argv[1],'a+'), "
                            "fcntl.LOCK_EX | fcntl.LOCK_NB)", str(out / ".lock")], capture_output=True)
    assert probe.returncode == 0, "the lock was not released"


def test_output_under_a_regular_file_is_not_writable(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(WarehouseNotWritable) as error:
        with Warehouse(blocker / "out").lock():
            pass
    assert "give --out a folder you can write to" in str(error.value)


def test_version_names_sort_in_creation_order():
    """Pruning keeps the newest versions by name, so names must sort as they were made, even within a second."""
    names = [version_name() for _ in range(200)]
    assert names == sorted(names) and len(set(names)) == len(names)
