"""Re-running on the same input gives the same rows: an unchanged re-run skips every page and keeps every
row as it was; a --full re-run reprocesses everything into the same rows, in the same order."""
from __future__ import annotations

import pytest
from reliability_helpers import CORPUS_PAGES, PAGE_TABLES, comparable_rows, copy_tree, read_tables, run_cli


@pytest.fixture(scope="module")
def reruns(corpus, reference_run, cli_env, tmp_path_factory):
    base = tmp_path_factory.mktemp("determinism")
    out = copy_tree(reference_run[0], base / "out")
    before = read_tables(out, [*PAGE_TABLES, "manifest"])
    unchanged = run_cli(["run", str(corpus), "--out", str(out)], cli_env, base / "unchanged")
    after_unchanged = read_tables(out, [*PAGE_TABLES, "manifest", "runs"])
    full = run_cli(["run", str(corpus), "--out", str(out), "--full"], cli_env, base / "full")
    after_full = read_tables(out, [*PAGE_TABLES, "runs"])
    return before, unchanged, after_unchanged, full, after_full


def test_unchanged_rerun_skips_every_page(reruns):
    _, unchanged, _, _, _ = reruns
    assert unchanged.returncode == 0, unchanged.stderr[-3000:]
    assert f"processed: 0; unchanged (skipped): {CORPUS_PAGES}" in unchanged.stdout


def test_unchanged_rerun_keeps_every_row_exactly(reruns):
    before, _, after, _, _ = reruns
    for name in [*PAGE_TABLES, "manifest"]:
        if before[name] is None:
            assert after[name] is None, name
            continue
        assert after[name].equals(before[name]), f"{name} changed on an unchanged re-run"
    assert after["runs"].num_rows == 2


def test_full_rerun_gives_the_same_rows_in_the_same_order(reruns):
    before, _, _, full, after = reruns
    assert full.returncode == 0, full.stderr[-3000:]
    assert f"processed: {CORPUS_PAGES}; unchanged (skipped): 0" in full.stdout
    doc_ids = after["documents"].column("doc_id").to_pylist()
    assert doc_ids == before["documents"].column("doc_id").to_pylist()
    assert len(doc_ids) == len(set(doc_ids))
    for name in PAGE_TABLES:
        assert comparable_rows(after[name], name) == comparable_rows(before[name], name), name
    assert after["runs"].num_rows == 3
    run_ids = after["documents"].column("run_id").unique().to_pylist()
    assert run_ids == [after["runs"].column("run_id").to_pylist()[-1]]  # every row is the new run's
