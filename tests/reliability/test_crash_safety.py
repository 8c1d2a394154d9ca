"""SIGKILL a real `cityclips run` at several moments: the published tables stay readable and consistent,
and the next normal run completes with exactly the rows of a clean run into a fresh folder.

Each case starts from a copy of a complete run of the corpus (edition 0), changes half of the pages
(edition 1), starts `cityclips run --full` in its own process group and kills the whole group when the
run reaches the moment under test. The moments are observed on disk, so they do not depend on how
fast the machine is: a new version has been started (early); the new version holds several part files
(mid processing); the new version is published and the database is being rebuilt (late).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_helpers import (CORPUS_PAGES, Completed, assert_consistent, copy_tree, corpus_pages, kill_group, run_cli, snapshot,
                                 start_cli, write_corpus)

KILL_WAIT_LIMIT_S = 240  # the kill point must come within one run's time
POLL_S = 0.005
KILLED_BATCH_PAGES = 25  # small batches: part files appear one after another, so 'mid processing' exists


def _unfinished_versions(out: Path) -> list[Path]:
    return list((out / ".versions").glob("*.tmp"))


def _current(out: Path) -> str:
    return os.readlink(out / ".versions" / "current")


KILL_POINTS = {
    "version_started": lambda out: bool(_unfinished_versions(out)),
    "mid_processing": lambda out: any(len(list((tmp / "documents").glob("*.parquet"))) >= 3
                                      for tmp in _unfinished_versions(out)),
    "database_build": lambda out: bool(list(out.glob(".cityclips.duckdb.*.tmp"))),
}


@dataclass
class Crash:
    point: str
    killed_returncode: int
    group_survivors: bool
    published_before: str
    published_after_kill: str
    counts_after_kill: dict
    rows_after_kill: dict
    recovery: Completed
    rows_after_recovery: dict
    counts_after_recovery: dict
    leftovers: list[str]


@pytest.fixture(scope="module")
def edition_one_reference(cli_env, tmp_path_factory) -> dict:
    """Comparable rows of a clean run of edition 1 into a fresh folder."""
    base = tmp_path_factory.mktemp("edition-one")
    write_corpus(base / "pages", corpus_pages(CORPUS_PAGES, edition=1))
    completed = run_cli(["run", str(base / "pages"), "--out", str(base / "out")], cli_env, base / "log")
    assert completed.returncode == 0, completed.stderr[-3000:]
    return snapshot(base / "out")


@pytest.fixture(scope="module", params=list(KILL_POINTS))
def crash(request, corpus, reference_run, cli_env, tmp_path_factory) -> Crash:
    """Kill a run at one moment, look at what a reader sees, then run again normally."""
    point = request.param
    base = tmp_path_factory.mktemp(f"crash-{point}")
    pages = copy_tree(corpus, base / "pages")
    out = copy_tree(reference_run[0], base / "out")
    published = _current(out)
    assert write_corpus(pages, corpus_pages(CORPUS_PAGES, edition=1)) == CORPUS_PAGES // 2

    process = start_cli(["run", str(pages), "--out", str(out), "--full", "--batch-pages", str(KILLED_BATCH_PAGES)],
                        cli_env, base / "killed")
    deadline = time.monotonic() + KILL_WAIT_LIMIT_S
    while not KILL_POINTS[point](out):
        if process.poll() is not None:
            pytest.fail(f"the run ended (exit {process.returncode}) before reaching {point}")
        if time.monotonic() > deadline:
            kill_group(process)
            pytest.fail(f"the run did not reach {point} in {KILL_WAIT_LIMIT_S} s")
        time.sleep(POLL_S)
    kill_group(process)
    try:
        os.killpg(process.pid, 0)
        survivors = True
    except ProcessLookupError:
        survivors = False
    counts, rows, after_kill = assert_consistent(out), snapshot(out), _current(out)

    recovery = run_cli(["run", str(pages), "--out", str(out)], cli_env, base / "recovery")
    leftovers = [p.name for p in [*_unfinished_versions(out), *out.glob(".*.tmp")]]
    return Crash(point, process.returncode, survivors, published, after_kill, counts, rows, recovery,
                 snapshot(out), assert_consistent(out) if recovery.returncode == 0 else {}, leftovers)


def test_the_kill_reached_the_whole_process_group(crash):
    assert crash.killed_returncode == -9
    assert not crash.group_survivors


def test_killed_run_leaves_the_published_tables_readable_and_consistent(crash, reference_run, edition_one_reference):
    edition_zero = reference_run[1]
    published = crash.published_after_kill != crash.published_before
    assert published == (crash.point == "database_build"), "the kill came at another moment than intended"
    expected = edition_one_reference if published else edition_zero
    assert crash.rows_after_kill == expected  # the old version, whole; or the new one, whole: never a mix
    assert crash.counts_after_kill["documents"] == len(expected["documents"])
    # The database is rebuilt after publishing: a kill in between leaves the previous one, intact.
    assert crash.counts_after_kill["database_documents"] == len(edition_zero["documents"])


def test_the_next_run_completes_with_the_rows_of_a_clean_run(crash, edition_one_reference):
    assert crash.recovery.returncode == 0, crash.recovery.stderr[-3000:]
    assert crash.rows_after_recovery == edition_one_reference
    assert crash.counts_after_recovery["database_documents"] == crash.counts_after_recovery["documents"]


def test_the_next_run_cleans_up_what_the_killed_one_left(crash):
    assert crash.leftovers == []
