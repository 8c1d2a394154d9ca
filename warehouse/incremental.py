"""Incremental runs: decide what to reprocess, and carry unchanged rows into the new version.

A page is unchanged when its size and modification time match the manifest of the last run and its
rows were made by this run's code (the manifest's code_fingerprint, flows/code_version.py). Its
rows are carried over (hard-linked part files). The corpus pass runs over the manifest's stored
fingerprints and signatures plus the new pages' scans: duplicate groups first (transforms/dedup.py:
a new copy joins its group, a removed page leaves it, without reading the other pages again), then
template statistics over distinct articles (vectorised in Arrow: millions of signatures in about a
second). Unchanged pages whose group or canonical copy changed, or that contain a line whose
template status flipped, are reprocessed too, so the corpus-level results stay exact.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from cityclips.transforms.dedup import EMPTY_FINGERPRINT, Assignment, Copy, assign_groups
from cityclips.transforms.paths import doc_id_for
from cityclips.transforms.pipeline import PageLines
from cityclips.transforms.records import Document, InputFile, Reject
from cityclips.transforms.template import CHROME_PATH_SHARE, MIN_CHROME_PATH_PAGES, template_threshold
from cityclips.warehouse.schemas import MANIFEST, PAGE_TABLES
from cityclips.warehouse.store import VersionWriter, Warehouse

PLAN_COLUMNS = ["source_path", "content_sha256", "size", "mtime_ns", "template_group"]


UNRECORDED_CODE = "unrecorded"  # a manifest row written before code fingerprints (round 10): older code


@dataclass
class Plan:
    """What a run does with each discovered page."""

    to_process: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # source paths no longer in the input
    # Pages whose bytes are as the manifest says but whose rows other code made (they are in to_process),
    # and how many each older code fingerprint made.
    other_code: list[str] = field(default_factory=list)
    other_code_counts: dict[str, int] = field(default_factory=dict)


def _made_by_code(manifest: pa.Table, code: str | None) -> list[bool]:
    """Per manifest row: True when its rows were made by the code fingerprinted code (or code is None: no
    comparison asked). One Arrow comparison, no Python string a row."""
    if code is None:
        return [True] * manifest.num_rows
    if "code_fingerprint" not in manifest.column_names:
        return [False] * manifest.num_rows
    return pc.fill_null(pc.equal(manifest.column("code_fingerprint"), code), False).to_pylist()


def plan_run(files: Sequence[InputFile], manifest: pa.Table, full: bool = False, code: str | None = None) -> Plan:
    """Split discovered files into new-or-changed and unchanged, and list the pages that disappeared.

    A document whose manifest row has no fingerprint (written before duplicate detection) is
    processed again once, so that later copies can find it. code: this run's code fingerprint
    (flows/code_version.py); a page whose manifest row records another (or none) is processed again
    too, and listed in other_code: its rows were made by other code or options. None compares nothing.
    """
    wanted = ["source_path", "size", "mtime_ns"] + [c for c in ("status", "fingerprint") if c in manifest.column_names]
    columns = manifest.select(wanted).to_pydict()
    fingerprinted = [status != "document" or fingerprint is not None for status, fingerprint in
                     zip(columns.get("status", []), columns.get("fingerprint", []))] or [False] * manifest.num_rows
    current = _made_by_code(manifest, code)
    previous = {path: (size, mtime, same_code) for path, size, mtime, known, same_code in
                zip(columns["source_path"], columns["size"], columns["mtime_ns"], fingerprinted, current) if known}
    stale = {path for path, known in zip(columns["source_path"], fingerprinted) if not known}
    plan = Plan()
    for item in files:
        seen = previous.pop(item.source_path, None)
        stale.discard(item.source_path)
        if full or seen is None or seen[:2] != (item.size, item.mtime_ns):
            plan.to_process.append(item)
        elif seen[2]:
            plan.unchanged.append(item)
        else:
            plan.to_process.append(item)
            plan.other_code.append(item.source_path)
    plan.removed = sorted(set(previous) | stale)
    plan.other_code_counts = _code_counts(manifest, plan.other_code)
    return plan


def _code_counts(manifest: pa.Table, paths: list[str]) -> dict[str, int]:
    """How many of paths each code fingerprint made (UNRECORDED_CODE for rows written before fingerprints)."""
    if not paths:
        return {}
    if "code_fingerprint" not in manifest.column_names:
        return {UNRECORDED_CODE: len(paths)}
    made_by = _kept_manifest(manifest, paths).column("code_fingerprint").to_pylist()
    counts = Counter(code or UNRECORDED_CODE for code in made_by)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _kept_manifest(manifest: pa.Table, paths: Iterable[str]) -> pa.Table:
    return manifest.filter(pc.is_in(manifest.column("source_path"), value_set=pa.array(list(paths), pa.string())))


def unchanged_manifest(manifest: pa.Table, plan: Plan) -> pa.Table:
    """The manifest rows of the pages this run leaves unchanged (their signatures count as they are)."""
    return _kept_manifest(manifest, (f.source_path for f in plan.unchanged))


def _flat_signatures(manifest: pa.Table) -> pa.Table:
    """One row per (page, signature): group, content hash, signature."""
    signatures = manifest.column("signatures").combine_chunks()
    parents = pc.list_parent_indices(signatures)
    return pa.table({"group": pc.take(manifest.column("template_group"), parents),
                     "sha": pc.take(manifest.column("content_sha256"), parents),
                     "sig": pc.list_flatten(signatures)})


SCAN_COLUMNS = ["source_path", "template_group", "content_sha256", "signatures", "fingerprint", "article_chars",
                "dom_paths", "dom_texts"]
SCAN_SCHEMA = pa.schema([pa.field(name, MANIFEST.field(name).type) for name in SCAN_COLUMNS])  # nullable: unifies


def scan_table(pages: Iterable[PageLines]) -> pa.Table:
    """Scanned pages as a compact Arrow table (about 1 KB a page instead of ~5 KB of Python sets)."""
    pages = list(pages)
    return pa.table({"source_path": pa.array([p.source_path for p in pages], pa.string()),
                     "template_group": pa.array([p.group for p in pages], pa.string()),
                     "content_sha256": pa.array([p.content_sha256 for p in pages], pa.string()),
                     "signatures": pa.array([sorted(p.signatures) for p in pages], pa.list_(pa.uint64())),
                     "fingerprint": pa.array([p.fingerprint for p in pages], pa.binary()),
                     "article_chars": pa.array([p.article_chars for p in pages], pa.int32()),
                     "dom_paths": pa.array([[path for path, _ in p.dom_pairs] for p in pages], pa.list_(pa.uint64())),
                     "dom_texts": pa.array([[text for _, text in p.dom_pairs] for p in pages], pa.list_(pa.uint64()))},
                    schema=SCAN_SCHEMA)


def _scans(tables: Sequence[pa.Table]) -> pa.Table | None:
    """The tables' scan columns in one table (columns a table lacks, e.g. an old manifest's, are null)."""
    unified = []
    for table in tables:
        if not table.num_rows:
            continue
        for name in SCAN_COLUMNS:
            if name not in table.column_names:
                table = table.append_column(name, pa.nulls(table.num_rows, SCAN_SCHEMA.field(name).type))
        unified.append(table.select(SCAN_COLUMNS).cast(SCAN_SCHEMA))
    return pa.concat_tables(unified).combine_chunks() if unified else None


@dataclass(frozen=True)
class CorpusPass:
    """What the corpus-level pass decided: template signatures per group, and duplicate groups."""

    templates: dict[str, frozenset[int]]
    duplicates: dict[str, Assignment]  # source_path -> group, for pages whose article has several copies

    def duplicates_for(self, items: Iterable[InputFile]) -> dict[str, Assignment]:
        """The assignments of a batch's pages (what a batch task needs, not the whole corpus's)."""
        return {f.source_path: self.duplicates[f.source_path] for f in items if f.source_path in self.duplicates}


def group_pages(pages: pa.Table) -> list[Assignment]:
    """Duplicate groups of scanned pages (rows with no fingerprint group by equal bytes only)."""
    columns = pages.select(["source_path", "content_sha256", "fingerprint", "article_chars"]).to_pydict()
    copies = [Copy(path, doc_id_for(path), digest, fingerprint or EMPTY_FINGERPRINT, chars or 0)
              for path, digest, fingerprint, chars in zip(columns["source_path"], columns["content_sha256"],
                                                          columns["fingerprint"], columns["article_chars"])]
    return assign_groups(copies)


def corpus_pass(tables: Sequence[pa.Table]) -> CorpusPass:
    """Duplicate groups over all pages, then template signatures per group over distinct articles.

    tables hold scan rows (SCAN_COLUMNS): the manifest's unchanged pages and the scans of the new ones.
    """
    pages = _scans(tables)
    if pages is None:
        return CorpusPass({}, {})
    groups = group_pages(pages)
    paths = pages.column("source_path").to_pylist()
    duplicates = {path: group for path, group in zip(paths, groups) if group.copies > 1}
    articles = pa.array([group.duplicate_group for group in groups], pa.string())
    return CorpusPass(_template_sets(pages, articles), duplicates)


def template_sets(tables: Sequence[pa.Table]) -> dict[str, frozenset[int]]:
    """Template signatures per group of pages already grouped (a manifest: its stored duplicate_group,
    or the content hash where an old manifest has none), counted exactly, all in Arrow."""
    pages = _scans(tables)
    if pages is None:
        return {}
    stored = [t for t in tables if t.num_rows]
    groups = pa.concat_arrays([t.column("duplicate_group").combine_chunks() if "duplicate_group" in t.column_names
                               else pa.nulls(t.num_rows, pa.string()) for t in stored])
    return _template_sets(pages, pc.coalesce(groups, pages.column("content_sha256")))


def _template_sets(pages: pa.Table, articles: pa.Array) -> dict[str, frozenset[int]]:
    """Template lines (and chrome DOM paths) per group, counted over distinct articles.

    Only signatures over the threshold become Python objects, so memory follows the number of
    template lines, not the number of distinct lines in the corpus.
    """
    indexed = pa.table({"template_group": pages.column("template_group"), "article": articles,
                        "row": pa.array(range(pages.num_rows), pa.int64())})
    first = indexed.group_by(["template_group", "article"]).aggregate([("row", "min")])
    distinct = pages.take(first.column("row_min"))
    per_group = distinct.group_by("template_group").aggregate([("content_sha256", "count")]).to_pydict()
    floors = {group: template_threshold(n) for group, n in
              zip(per_group["template_group"], per_group["content_sha256_count"])}
    counts = _flat_signatures(distinct).group_by(["group", "sig"]).aggregate([("sha", "count")])
    floor_table = pa.table({"group": pa.array(list(floors), pa.string()),
                            "floor": pa.array(list(floors.values()), pa.int64())})
    counts = counts.join(floor_table, keys="group")  # one join and one filter, not one pass a group
    over = counts.filter(pc.greater_equal(counts.column("sha_count"), counts.column("floor")))
    found: dict[str, list[int]] = {group: [] for group in floors}
    for group, signature in zip(over.column("group").to_pylist(), over.column("sig").to_pylist()):
        found[group].append(signature)
    result = {group: frozenset(signatures) for group, signatures in found.items()}
    for group, paths in _chrome_paths(distinct, result, floors).items():
        result[group] = result[group] | paths
    return result


def _chrome_paths(distinct: pa.Table, lines: dict[str, frozenset[int]], floors: dict[str, int]) -> dict[str, frozenset[int]]:
    """DOM paths whose texts are template lines on CHROME_PATH_SHARE of the distinct articles they are on
    (the Arrow form of transforms.template.chrome_paths)."""
    dom_paths = distinct.column("dom_paths").combine_chunks()
    if not len(pc.list_flatten(dom_paths)):
        return {}
    parents = pc.list_parent_indices(dom_paths)
    flat = pa.table({"group": pc.take(distinct.column("template_group"), parents), "article": parents,
                     "path": pc.list_flatten(dom_paths),
                     "text": pc.list_flatten(distinct.column("dom_texts").combine_chunks())})
    known = pa.table({"group": pa.array([g for g, sigs in lines.items() for _ in sigs], pa.string()),
                      "text": pa.array([sig for sigs in lines.values() for sig in sigs], pa.uint64()),
                      "template": pa.array([True] * sum(map(len, lines.values())), pa.bool_())})
    flat = flat.join(known, keys=["group", "text"], join_type="left outer")  # one hash join, not one pass a group
    flat = flat.set_column(flat.column_names.index("template"), "template", pc.fill_null(flat.column("template"), False))
    per_article = flat.group_by(["group", "article", "path"]).aggregate([("template", "all")])
    per_path = per_article.append_column("chrome", pc.cast(per_article.column("template_all"), pa.int64())) \
        .group_by(["group", "path"]).aggregate([("chrome", "sum"), ("chrome", "count")]).to_pydict()
    result: dict[str, set[int]] = {}
    for group, path, chrome, seen in zip(per_path["group"], per_path["path"], per_path["chrome_sum"],
                                         per_path["chrome_count"]):
        if seen >= max(floors[group], MIN_CHROME_PATH_PAGES) and chrome >= CHROME_PATH_SHARE * seen:
            result.setdefault(group, set()).add(path)
    return {group: frozenset(paths) for group, paths in result.items()}


def affected_by_templates(plan: Plan, manifest: pa.Table, old: dict[str, frozenset[int]],
                          new: dict[str, frozenset[int]]) -> list[InputFile]:
    """Unchanged pages holding a line whose template status changed; move them to to_process."""
    flipped = {group: old.get(group, frozenset()) ^ new.get(group, frozenset()) for group in set(old) | set(new)}
    flipped = {group: sigs for group, sigs in flipped.items() if sigs}
    if not flipped or not plan.unchanged:
        return []
    kept = _kept_manifest(manifest, (f.source_path for f in plan.unchanged))
    flat = _flat_signatures(kept.select(["source_path", "template_group", "content_sha256", "signatures"]))
    signatures = kept.column("signatures").combine_chunks()
    parents = pc.list_parent_indices(signatures)
    paths = pc.take(kept.column("source_path"), parents)
    hit = pa.array([False] * len(flat))
    for group, sigs in flipped.items():
        in_group = pc.equal(flat.column("group"), group)
        in_set = pc.is_in(flat.column("sig"), value_set=pa.array(sorted(sigs), pa.uint64()))
        hit = pc.or_(hit, pc.and_(in_group, in_set))
    affected_paths = set(pc.filter(paths, hit).to_pylist())
    affected = [f for f in plan.unchanged if f.source_path in affected_paths]
    plan.unchanged = [f for f in plan.unchanged if f.source_path not in affected_paths]
    plan.to_process = sorted(plan.to_process + affected, key=lambda f: f.source_path)
    return affected


def affected_by_duplicates(plan: Plan, manifest: pa.Table, corpus: CorpusPass) -> list[InputFile]:
    """Unchanged pages whose duplicate group or canonical copy changed (a copy came or went); move them
    to to_process so their documents rows say so."""
    if not plan.unchanged or "duplicate_group" not in manifest.column_names:
        return []
    kept = _kept_manifest(manifest, (f.source_path for f in plan.unchanged)).to_pydict()
    changed = set()
    for path, status, group, canonical in zip(kept["source_path"], kept["status"], kept["duplicate_group"],
                                              kept["canonical_doc_id"]):
        if status != "document":
            continue  # a reject has no documents row to correct
        new = corpus.duplicates.get(path)
        own = doc_id_for(path)
        if (group or own, canonical or own) != ((new.duplicate_group, new.canonical_doc_id) if new else (own, own)):
            changed.add(path)
    affected = [f for f in plan.unchanged if f.source_path in changed]
    plan.unchanged = [f for f in plan.unchanged if f.source_path not in changed]
    plan.to_process = sorted(plan.to_process + affected, key=lambda f: f.source_path)
    return affected


def stale_rejects(warehouse: Warehouse, plan: Plan) -> frozenset[str]:
    """Source paths of the current version's rejects that are no unchanged page's: files that could not be
    read and pages whose batch failed (neither has a manifest row, so no plan lists them as unchanged or gone).

    A run rejects such a file again while it stays so, and a file fixed or gone has no reject at all, so
    their old rows are never carried over: they piled up before, one more row a run for the same file.
    """
    unchanged = pa.array([f.source_path for f in plan.unchanged], pa.string())
    stale: set[str] = set()
    for part in warehouse.table_files("rejects"):
        paths = pq.read_table(part, columns=["source_path"]).column("source_path")
        stale.update(pc.filter(paths, pc.invert(pc.is_in(paths, value_set=unchanged))).to_pylist())
    return frozenset(stale)


def carry_over(warehouse: Warehouse, writer: VersionWriter, plan: Plan,
               rejected_again: Iterable[str] = ()) -> dict[str, int]:
    """Put the previous version's rows for unchanged pages into the new version; return rows carried.

    Part files with no replaced page are hard-linked; the others are rewritten without those rows.
    rejected_again: source paths whose old rejects rows are not carried either (stale_rejects).
    """
    dropped_paths = {f.source_path for f in plan.to_process} | set(plan.removed)
    dropped_ids = pa.array(sorted(doc_id_for(p) for p in dropped_paths), pa.string())
    dropped_path_array = pa.array(sorted(dropped_paths), pa.string())
    carried: dict[str, int] = {}
    keys = {name: ("doc_id", dropped_ids) for name in PAGE_TABLES}
    keys.update({"rejects": ("source_path", pa.array(sorted(dropped_paths | set(rejected_again)), pa.string())),
                 "manifest": ("source_path", dropped_path_array)})
    keys["runs"] = ("run_id", pa.array([], pa.string()))
    for table, (column, dropped) in keys.items():
        carried[table] = 0
        for index, part in enumerate(warehouse.table_files(table)):
            if not len(dropped):  # nothing replaced (an unchanged re-run, the runs table): link, read nothing
                writer.carry(table, part)
                carried[table] += pq.ParquetFile(part).metadata.num_rows
                continue
            values = pq.read_table(part, columns=[column]).column(column)
            mask = pc.is_in(values, value_set=dropped)
            hits = pc.sum(mask).as_py() or 0
            if hits == 0:
                writer.carry(table, part)
                carried[table] += len(values)
            elif hits < len(values):
                kept = pq.read_table(part).filter(pc.invert(mask))
                writer.write(table, kept, f"{writer.name}-carried-{index:05d}")
                carried[table] += kept.num_rows
    return carried


def manifest_rows(items: Sequence[InputFile], results: Sequence[Document | Reject], run_id: str,
                  code: str | None = None) -> pa.Table:
    """Manifest rows for processed pages: what was seen, the line signatures it counted, and code: the
    fingerprint of the code that made the rows (flows/code_version.py)."""
    rows = []
    for item, result in zip(items, results):
        is_document = isinstance(result, Document)
        row = {"source_path": item.source_path, "content_sha256": result.content_sha256, "size": item.size,
               "mtime_ns": item.mtime_ns, "status": "document" if is_document else "reject",
               "template_group": result.template_group if is_document else "",
               "signatures": sorted(result.signatures) if is_document else [], "run_id": run_id,
               "code_fingerprint": code}
        if is_document:
            row.update({"fingerprint": result.fingerprint, "article_chars": result.article_chars,
                        "dom_paths": [path for path, _ in result.dom_pairs],
                        "dom_texts": [text for _, text in result.dom_pairs],
                        "duplicate_group": result.duplicate_group or result.doc_id,
                        "canonical_doc_id": result.canonical_doc_id or result.doc_id})
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=MANIFEST)
