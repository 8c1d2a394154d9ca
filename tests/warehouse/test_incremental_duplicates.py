"""The corpus pass in Arrow (warehouse/incremental.py): the same templates as the in-memory count,
and duplicate groups that copies join and leave across runs without reprocessing the corpus."""
from __future__ import annotations

import pyarrow as pa

from cityclips.flows.batches import with_duplicates
from cityclips.transforms.pipeline import doc_id_for, page_lines, process_pages, templates_of
from cityclips.transforms.records import InputFile, RawPage
from cityclips.warehouse.incremental import (Plan, affected_by_duplicates, corpus_pass, manifest_rows, scan_table,
                                             template_sets)
from tests.conftest import EVAL_PAGES, SEEDS

PAGES = [*sorted(SEEDS.glob("*.txt")), *sorted(EVAL_PAGES.glob("0[0-2]*.html"))]


# a re-scraped copy of seed 001 in the same site folder (no such file exists: the test makes its bytes)
RESCRAPED = "seeds" + "/001_rescraped.txt"

def raw_pages() -> list[RawPage]:
    return [RawPage(f"{'seeds' if p.suffix == '.txt' else 'eval'}/{p.name}", p.read_bytes(),
                    "html" if p.suffix == ".html" else "text") for p in PAGES]


def copy_of(raw: RawPage, name: str) -> RawPage:
    return RawPage(name, raw.data.replace(b"14:4975", b"14:4981"), raw.source_format)


def item(raw: RawPage, mtime_ns: int) -> InputFile:
    return InputFile("/in/" + raw.source_path, raw.source_path, raw.source_format, len(raw.data), mtime_ns)


def scanned(raws: list[RawPage]) -> pa.Table:
    return scan_table([page_lines(r) for r in raws])


def manifest_of(raws: list[RawPage], items: list[InputFile]) -> pa.Table:
    """The manifest a run over these pages writes."""
    corpus = corpus_pass([scanned(raws)])
    results = with_duplicates(items, process_pages(raws, corpus.templates), corpus.duplicates)
    return manifest_rows(items, results, "run-1")


def test_arrow_corpus_pass_gives_the_in_memory_templates():
    raws = raw_pages()
    raws.append(copy_of(raws[1], RESCRAPED))
    items = [item(r, 1000 + n) for n, r in enumerate(raws)]
    lines = [page_lines(r) for r in raws]
    corpus = corpus_pass([scan_table(lines)])
    assert corpus.templates == templates_of(lines)
    assert set(corpus.duplicates) == {"seeds/001_37b750b5778ba05a.txt", RESCRAPED}
    assert template_sets([manifest_of(raws, items)]) == corpus.templates  # the next run's 'old' templates


def test_a_new_copy_joins_its_group_and_reprocesses_nothing_else():
    raws = raw_pages()
    items = [item(r, 1000 + n) for n, r in enumerate(raws)]
    manifest = manifest_of(raws, items)
    copy = copy_of(raws[1], RESCRAPED)
    copy_item = item(copy, 9000)
    plan = Plan(to_process=[copy_item], unchanged=list(items))
    corpus = corpus_pass([manifest, scanned([copy])])
    group = corpus.duplicates[RESCRAPED]
    assert group.duplicate_group == group.canonical_doc_id == doc_id_for("seeds/001_37b750b5778ba05a.txt")
    assert affected_by_duplicates(plan, manifest, corpus) == [] and plan.to_process == [copy_item]
    assert corpus.duplicates_for([copy_item]) == {RESCRAPED: group}


def test_a_removed_page_leaves_its_group_and_its_copy_is_reprocessed_alone():
    raws = raw_pages()
    raws.append(copy_of(raws[1], RESCRAPED))
    items = [item(r, 1000 + n) for n, r in enumerate(raws)]
    manifest = manifest_of(raws, items)
    stored = dict(zip(manifest.column("source_path").to_pylist(), manifest.column("duplicate_group").to_pylist()))
    assert stored[RESCRAPED] == doc_id_for("seeds/001_37b750b5778ba05a.txt")
    kept = [i for i in items if i.source_path != "seeds/001_37b750b5778ba05a.txt"]  # the original is deleted
    plan = Plan(unchanged=list(kept), removed=["seeds/001_37b750b5778ba05a.txt"])
    remaining = manifest.filter(pa.compute.is_in(manifest.column("source_path"),
                                                 value_set=pa.array([i.source_path for i in kept])))
    corpus = corpus_pass([remaining])
    assert corpus.duplicates == {}
    affected = affected_by_duplicates(plan, manifest, corpus)
    assert [f.source_path for f in affected] == [RESCRAPED]
    assert [f.source_path for f in plan.to_process] == [RESCRAPED]
