"""The real flow on the seeds plus a re-scraped copy of seed 001 (issue 14), then a copy arriving in a
later run and a page removed: groups change without reprocessing the corpus."""
from __future__ import annotations

import os
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow
CLIP = "001_37b750b5778ba05a.txt"
COPY = "001_rescraped_next_day.txt"


def _documents(out):
    return {row["source_path"]: row for row in ds.dataset(str(out / "documents"), format="parquet").to_table().to_pylist()}


def _query(out, sql):
    with duckdb.connect(str(out / "cityclips.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_copies_keep_their_article_and_groups_follow_later_runs(prefect_api, tmp_path):
    from cityclips.flows.flow import cityclips_flow
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, inputs / page.name)
    (inputs / COPY).write_text((SEEDS / CLIP).read_text(encoding="utf-8").replace("14:4975", "14:4981"),
                               encoding="utf-8")
    os.utime(inputs / COPY, ns=(os.stat(inputs / CLIP).st_mtime_ns + 86_400 * 10**9,) * 2)  # the next day

    cityclips_flow(inputs=[str(inputs)], out=str(out))
    documents = _documents(out)
    assert documents[COPY]["duplicate_group"] == documents[CLIP]["duplicate_group"] == documents[CLIP]["doc_id"]
    assert _query(out, "select source_path, n_list_items from articles where n_copies = 2 order by 1") == \
        [(CLIP, 31), (COPY, 31)]
    assert _query(out, "select count(*), sum(n_copies) from distinct_articles") == [(5, 6)]
    assert _query(out, f"select first_view_count, last_view_count from distinct_articles "
                       f"where canonical_source_path = '{CLIP}'") == [(75, 81)]
    assert _query(out, "select count(*) from stg_boilerplate where rule = 'template' and doc_id in "
                       "(select doc_id from articles where n_copies = 2)") == [(0,)]

    static = "003_658f5597a858413b.txt"  # a static page saved a second time, unchanged, in a later crawl
    shutil.copy(inputs / static, inputs / "003_copy.txt")
    summary = cityclips_flow(inputs=[str(inputs)], out=str(out))
    assert summary.pages_processed == 1 and summary.pages_reprocessed_for_templates == 0
    documents = _documents(out)
    assert documents["003_copy.txt"]["duplicate_group"] == documents[static]["doc_id"]
    assert _query(out, "select count(*) from distinct_articles") == [(5,)]

    (inputs / CLIP).unlink()  # the original disappears: its copy leaves the group and is its own article
    summary = cityclips_flow(inputs=[str(inputs)], out=str(out))
    documents = _documents(out)
    assert summary.pages_processed == 1 and CLIP not in documents
    assert documents[COPY]["duplicate_group"] == documents[COPY]["canonical_doc_id"] == documents[COPY]["doc_id"]
    assert _query(out, f"select n_list_items, n_copies from articles where source_path = '{COPY}'") == [(31, 1)]
