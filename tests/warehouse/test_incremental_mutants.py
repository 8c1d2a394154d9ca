"""The Arrow corpus pass (warehouse/incremental.py) against its specification, the in-memory count
(transforms.pipeline.templates_of, transforms.template.TemplateStats): an incremental run must find the
same template lines, chrome DOM paths and duplicate groups as a full run over the same pages. Written for
the survivors of issue 19's mutation run (docs/testing.md); every test goes through the public functions.
"""
from __future__ import annotations

import random
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cityclips.transforms.dedup import EMPTY_FINGERPRINT
from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.pipeline import PageLines, duplicate_groups, templates_of
from cityclips.transforms.records import Document, InputFile, Reject
from cityclips.transforms.template import CHROME_PATH_SHARE, MIN_CHROME_PATH_PAGES, template_threshold
from cityclips.warehouse.incremental import (SCAN_COLUMNS, Plan, carry_over, corpus_pass, manifest_rows, scan_table,
                                             stale_rejects, template_sets)
from cityclips.warehouse.schemas import MANIFEST, TABLES
from cityclips.warehouse.store import Warehouse

SEEDS_OF_RANDOM_CORPORA = range(40)


def _page(path: str, group: str, signatures, pairs=(), sha: str | None = None, chars: int = 100) -> PageLines:
    return PageLines(path, sha or f"sha-{path}", group, frozenset(signatures), EMPTY_FINGERPRINT, chars, tuple(pairs))


def _random_corpus(seed: int) -> list[PageLines]:
    """Pages of up to four groups of 1-70 articles (line thresholds 2 to 4), lines and DOM paths from small
    pools so that counts land on and around every threshold, and some byte-identical copies."""
    rng = random.Random(seed)
    pages: list[PageLines] = []
    for g in range(rng.randint(1, 4)):
        group = f"site{g}.go.kr:{rng.choice(['ko', 'en'])}"
        articles = rng.choice([1, 2, 3, 4, 9, 10, 11, 20, 21, 40, 41, 61, 70])
        chrome_lines = [1000 * g + k for k in range(1, 6)]
        line_share = [1.0] + [rng.choice([0.05, 0.5, 0.9, 1.0]) for _ in chrome_lines[1:]]
        # DOM paths: on some share of the articles, holding menu lines with some probability, else article text
        paths = [(7000 + k, rng.choice([0.1, 0.5, 1.0]), rng.choice([0.8, 0.9, 0.95, 1.0])) for k in range(5)]
        dom = rng.random() < 0.8  # an HTML group, or a text dump's (no DOM paths)
        for a in range(articles):
            signatures = {s for s, share in zip(chrome_lines, line_share) if rng.random() < share}
            signatures |= {rng.randrange(10**6, 10**6 + 40) for _ in range(rng.randint(0, 4))}
            signatures.add(2**64 - 1 - rng.randrange(8))  # signatures over 2**63 do not fit an int64
            pairs = []
            for path, on, menu in paths:
                if not dom or rng.random() >= on:
                    continue
                for _ in range(rng.randint(1, 3)):
                    text = chrome_lines[0] if rng.random() < menu else rng.choice(
                        [0, rng.randrange(10**6, 10**6 + 40), *chrome_lines])
                    pairs.append((path, text))
            page = _page(f"{group}/{a:03d}.html", group, signatures, pairs)
            pages.append(page)
            if rng.random() < 0.15:  # a byte-identical copy under another path: one article, counted once
                pages.append(PageLines(f"{group}/copy-{a:03d}.html", page.content_sha256, group, page.signatures,
                                       EMPTY_FINGERPRINT, page.article_chars, page.dom_pairs))
    rng.shuffle(pages)
    return pages


@pytest.mark.parametrize("seed", SEEDS_OF_RANDOM_CORPORA)
def test_the_arrow_pass_finds_the_in_memory_templates_and_duplicates_on_random_corpora(seed):
    pages = _random_corpus(seed)
    corpus = corpus_pass([scan_table(pages)])
    assert corpus.templates == templates_of(pages)
    expected = {p.source_path: a for p, a in zip(pages, duplicate_groups(pages)) if a.copies > 1}
    assert corpus.duplicates == expected


@pytest.mark.parametrize("seed", SEEDS_OF_RANDOM_CORPORA[:10])
def test_a_corpus_split_over_a_manifest_and_new_scans_counts_as_one(seed):
    pages = _random_corpus(seed)
    cut = len(pages) // 2
    empty = scan_table([])
    corpus = corpus_pass([empty, scan_table(pages[:cut]), empty, scan_table(pages[cut:])])
    assert corpus.templates == templates_of(pages)


def _chrome_corpus(articles: int, on: int, chrome: int) -> list[PageLines]:
    """One group: `articles` distinct articles, a menu line (1) on every one of them, and a DOM path (77)
    on the first `on` articles that holds the menu line on the first `chrome` of them, article text on the rest."""
    pages = []
    for a in range(articles):
        pairs = [(55, 1)]
        if a < on:
            pairs.append((77, 1 if a < chrome else 500 + a))
        pages.append(_page(f"p{a:02d}.html", "g", {1, 500 + a}, pairs))
    return pages


def _path_is_chrome(pages: list[PageLines]) -> bool:
    templates = corpus_pass([scan_table(pages)]).templates
    assert templates == templates_of(pages)
    return 77 in templates["g"]


def test_a_dom_path_is_chrome_at_exactly_the_share_and_not_below():
    assert 9 >= CHROME_PATH_SHARE * 10 > 8
    assert _path_is_chrome(_chrome_corpus(10, on=10, chrome=9))
    assert not _path_is_chrome(_chrome_corpus(10, on=10, chrome=8))
    assert _path_is_chrome(_chrome_corpus(10, on=10, chrome=10))


def test_a_dom_path_must_be_on_the_fewest_articles_for_chrome():
    assert template_threshold(10) < MIN_CHROME_PATH_PAGES
    assert _path_is_chrome(_chrome_corpus(10, on=MIN_CHROME_PATH_PAGES, chrome=MIN_CHROME_PATH_PAGES))
    assert not _path_is_chrome(_chrome_corpus(10, on=MIN_CHROME_PATH_PAGES - 1, chrome=MIN_CHROME_PATH_PAGES - 1))


def test_in_a_large_group_a_dom_path_must_be_on_as_many_articles_as_a_template_line():
    floor = template_threshold(70)
    assert floor > MIN_CHROME_PATH_PAGES
    assert _path_is_chrome(_chrome_corpus(70, on=floor, chrome=floor))
    assert not _path_is_chrome(_chrome_corpus(70, on=floor - 1, chrome=floor - 1))


def test_a_dom_path_holding_one_article_text_among_menu_lines_is_not_chrome_there():
    pages = _chrome_corpus(4, on=0, chrome=0)
    pages = [_page(p.source_path, "g", p.signatures, [(55, 1), (77, 1)] + ([(77, 999)] if n < 2 else []))
             for n, p in enumerate(pages)]
    templates = corpus_pass([scan_table(pages)]).templates
    assert templates == templates_of(pages)
    assert 77 not in templates["g"] and 55 in templates["g"]  # 77: all menu lines on 2 of 4 articles only


def test_a_copy_counts_once_towards_a_dom_path():
    pages = _chrome_corpus(3, on=2, chrome=2)
    copy = pages[0]
    pages.append(PageLines("z-copy.html", copy.content_sha256, "g", copy.signatures, EMPTY_FINGERPRINT,
                           copy.article_chars, copy.dom_pairs))
    templates = corpus_pass([scan_table(pages)]).templates
    assert templates == templates_of(pages) and 77 not in templates["g"]


def test_groups_without_dom_paths_get_template_lines_only():
    pages = [_page(f"t{a}.txt", "text:ko", {1, 2, 100 + a}) for a in range(3)]
    pages += [_page(f"h{a}.html", "html:en", {1, 200 + a}, [(55, 1), (56, 200 + a)]) for a in range(3)]
    templates = corpus_pass([scan_table(pages)]).templates
    assert templates == templates_of(pages)
    assert templates == {"text:ko": frozenset({1, 2}), "html:en": frozenset({1, 55})}


def test_no_pages_give_no_templates_and_no_duplicates():
    assert corpus_pass([]).templates == {} and corpus_pass([scan_table([])]).duplicates == {}
    assert template_sets([]) == {} and template_sets([scan_table([])]) == {}


# --- scans of an old manifest ------------------------------------------------------------------------

def test_an_old_manifest_without_fingerprints_or_dom_paths_still_counts_its_lines_and_copies():
    pages = [_page(f"p{a}.txt", "g", {1, 100 + a}, sha=f"s{a}") for a in range(4)]
    pages.append(_page("p0-copy.txt", "g", {1, 100}, sha="s0"))
    full = scan_table(pages)
    old = full.drop_columns(["fingerprint", "article_chars", "dom_paths", "dom_texts"])
    corpus = corpus_pass([old])
    assert corpus.templates == templates_of(pages) == {"g": frozenset({1})}
    assert set(corpus.duplicates) == {"p0.txt", "p0-copy.txt"}
    # the old part and a new scan, in either order
    new = scan_table([_page("q.txt", "g", {1, 2})])
    assert corpus_pass([old, new]).templates == corpus_pass([new, old]).templates == templates_of(pages + [
        _page("q.txt", "g", {1, 2})])


def test_scan_columns_keep_every_field_of_a_page():
    page = PageLines("a.html", "sha-a", "g", frozenset({3, 1, 2**64 - 1}), b"\x01\x02", 1234, ((7, 1), (8, 0)))
    table = scan_table([page])
    assert table.column_names == SCAN_COLUMNS
    assert table.to_pylist() == [{"source_path": "a.html", "template_group": "g", "content_sha256": "sha-a",
                                  "signatures": [1, 3, 2**64 - 1], "fingerprint": b"\x01\x02", "article_chars": 1234,
                                  "dom_paths": [7, 8], "dom_texts": [1, 0]}]
    assert table.schema.field("article_chars").type == pa.int32()


# --- manifest rows -----------------------------------------------------------------------------------

def _item(path: str, size: int = 10, mtime_ns: int = 5) -> InputFile:
    return InputFile(f"/in/{path}", path, "html", size, mtime_ns)


def test_manifest_rows_record_a_document_and_a_reject_as_the_next_run_reads_them():
    document = _document("a.html")
    reject = Reject("b.html", "binary", "control bytes", 10, "sha-b")
    rows = manifest_rows([_item("a.html", 11, 7), _item("b.html")], [document, reject], "run-9").to_pylist()
    a, b = rows
    assert (a["source_path"], a["content_sha256"], a["size"], a["mtime_ns"], a["status"], a["run_id"]) == \
        ("a.html", document.content_sha256, 11, 7, "document", "run-9")
    assert a["template_group"] == document.template_group and a["signatures"] == sorted(document.signatures)
    assert (a["fingerprint"], a["article_chars"]) == (document.fingerprint, document.article_chars)
    assert (a["dom_paths"], a["dom_texts"]) == ([p for p, _ in document.dom_pairs], [t for _, t in document.dom_pairs])
    assert a["duplicate_group"] == a["canonical_doc_id"] == document.doc_id  # alone: its own group
    assert (b["source_path"], b["content_sha256"], b["status"], b["template_group"], b["signatures"]) == \
        ("b.html", "sha-b", "reject", "", [])
    assert b["fingerprint"] is None and b["duplicate_group"] is None and b["run_id"] == "run-9"
    assert manifest_rows([_item("b.html")], [reject], "run-9").schema == MANIFEST  # stored beside older manifest parts


def test_a_copys_manifest_row_names_its_group_and_canonical_copy():
    document = _document("copy.html", duplicate_group="doc-first", canonical_doc_id="doc-full")
    row = manifest_rows([_item("copy.html")], [document], "r").to_pylist()[0]
    assert (row["duplicate_group"], row["canonical_doc_id"]) == ("doc-first", "doc-full")


def _document(path: str, **changes) -> Document:
    from dataclasses import fields, replace

    from cityclips.transforms.pipeline import process_pages
    from cityclips.transforms.records import RawPage
    html = (b"<html><head><title>Night market</title></head><body><nav><a href='/'>Home</a></nav>"
            b"<main><h1>Night market opens</h1><p>Stalls will sell local food every Friday in Suwon.</p>"
            b"<p>The market runs until October.</p></main></body></html>")
    document = process_pages([RawPage(path, html, "html")], {})[0]
    assert isinstance(document, Document) and document.dom_pairs and document.signatures
    assert {f.name for f in fields(document)} >= set(changes)
    return replace(document, **changes)


# --- rejects and carry-over --------------------------------------------------------------------------

def _rejects(paths: list[str]) -> pa.Table:
    return _table("rejects", [{"source_path": p} for p in paths])


def _table(name: str, rows: list[dict]) -> pa.Table:
    schema = TABLES[name] if name in TABLES else MANIFEST
    full = [{field.name: row.get(field.name, _filler(field)) for field in schema} for row in rows]
    return pa.Table.from_pylist(full, schema=schema)


def _filler(field: pa.Field):
    if pa.types.is_string(field.type):
        return "x"
    if pa.types.is_integer(field.type):
        return 0
    if pa.types.is_boolean(field.type):
        return False
    if pa.types.is_list(field.type):
        return []
    if pa.types.is_timestamp(field.type):
        return datetime(2026, 12, 3)
    return None


def _published(out, tables: dict[str, list[pa.Table]]) -> Warehouse:
    warehouse = Warehouse(out)
    with warehouse.lock():
        writer = warehouse.begin()
        for name, parts in tables.items():
            for n, part in enumerate(parts):
                writer.write(name, part, f"p{n}")
        writer.publish()
    return warehouse


def test_stale_rejects_are_the_rejects_of_files_no_longer_unchanged(tmp_path):
    warehouse = _published(tmp_path / "out", {"rejects": [_rejects(["a.bin", "b.bin"]), _rejects(["c.bin"])]})
    assert stale_rejects(warehouse, Plan(unchanged=[_item("b.bin")])) == {"a.bin", "c.bin"}
    assert stale_rejects(warehouse, Plan()) == {"a.bin", "b.bin", "c.bin"}  # no unchanged page at all
    assert stale_rejects(warehouse, Plan(unchanged=[_item(p) for p in ("a.bin", "b.bin", "c.bin")])) == frozenset()


def test_carry_over_keeps_only_the_unchanged_pages_rows_in_every_table(tmp_path):
    docs = {p: doc_id_for(p) for p in ("a.html", "b.html", "c.html")}
    boiler = _table("boilerplate", [{"doc_id": d, "rule": "menu"} for d in docs.values()])
    manifest = _table("manifest", [{"source_path": p, "status": "document"} for p in docs])
    rejects = _rejects(["bad.bin", "worse.bin"])
    runs = [_table("runs", [{"run_id": "run-1"}]), _table("runs", [{"run_id": "run-2"}])]
    warehouse = _published(tmp_path / "out", {"boilerplate": [boiler], "manifest": [manifest], "rejects": [rejects],
                                              "runs": runs})
    plan = Plan(to_process=[_item("b.html")], unchanged=[_item("a.html")], removed=["c.html"])
    with warehouse.lock():
        writer = warehouse.begin()
        carried = carry_over(warehouse, writer, plan, rejected_again=["worse.bin"])
        writer.publish()
    assert carried["boilerplate"] == 1 and carried["manifest"] == 1 and carried["rejects"] == 1
    assert carried["runs"] == 2  # the run history is carried whole, every part of it
    assert sorted(warehouse.read_table("runs", ["run_id"]).column("run_id").to_pylist()) == ["run-1", "run-2"]
    assert warehouse.read_table("boilerplate", ["doc_id"]).column("doc_id").to_pylist() == [docs["a.html"]]
    assert warehouse.read_table("manifest", ["source_path"]).column("source_path").to_pylist() == ["a.html"]
    assert warehouse.read_table("rejects", ["source_path"]).column("source_path").to_pylist() == ["bad.bin"]
    for name in ("boilerplate", "manifest", "rejects"):
        for part in warehouse.table_files(name):
            assert pq.read_table(part).schema.names == (TABLES.get(name) or MANIFEST).names  # whole rows


def test_a_copy_from_an_old_manifest_without_article_sizes_counts_as_empty_for_the_canonical_choice():
    """An old manifest row (no article_chars) and a new copy with some article text: the new copy is the more
    complete one, though the old one comes first by path."""
    old = scan_table([_page("b-old.html", "g", {1}, sha="same", chars=0)]).drop_columns(["article_chars"])
    new = scan_table([_page("z-new.html", "g", {1}, sha="same", chars=1)])
    corpus = corpus_pass([old, new])
    assert corpus.duplicates["b-old.html"].canonical_doc_id == doc_id_for("z-new.html")
    assert corpus.duplicates["z-new.html"].duplicate_group == doc_id_for("b-old.html")


def test_a_part_with_no_replaced_page_is_linked_not_rewritten(tmp_path):
    import os
    parts = [_table("boilerplate", [{"doc_id": doc_id_for("a.html"), "rule": "menu"}]),
             _table("boilerplate", [{"doc_id": doc_id_for("b.html"), "rule": "menu"},
                                    {"doc_id": doc_id_for("c.html"), "rule": "menu"}]),
             _table("boilerplate", [{"doc_id": doc_id_for("d.html"), "rule": "menu"}])]
    warehouse = _published(tmp_path / "out", {"boilerplate": parts})
    before = {os.stat(p).st_ino for p in warehouse.table_files("boilerplate")}
    with warehouse.lock():
        writer = warehouse.begin()
        carried = carry_over(warehouse, writer, Plan(to_process=[_item("b.html")],
                                                     unchanged=[_item("a.html"), _item("c.html"), _item("d.html")]))
        writer.publish()
    after = [os.stat(p).st_ino for p in warehouse.table_files("boilerplate")]
    assert carried["boilerplate"] == 3 and len(after) == 3  # every part's rows counted
    assert len(before & set(after)) == 2  # a.html's and d.html's parts are the same files; b.html's was rewritten


def test_html_pages_with_no_template_line_anywhere_give_empty_template_sets():
    pages = [_page("a.html", "site-a:en", {1}, [(5, 1)]), _page("b.html", "site-b:ko", {2}, [(6, 2)])]
    assert corpus_pass([scan_table(pages)]).templates == templates_of(pages) == {"site-a:en": frozenset(),
                                                                                "site-b:ko": frozenset()}
