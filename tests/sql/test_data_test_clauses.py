"""Data tests proven clause by clause: one breaker per clause of each test, not one per file.

test_data_tests.py breaks each test once; a test whose `where` has three clauses then proves only one
of them (issue 19: `documents_shares_valid` without its three "between 0 and 1" clauses, and
`segments_heading_is_heading` without `h.seq >= s.seq`, survived it). Here every clause has a case:
a breaker that violates that clause alone (the test must return rows), or, for an alternative that
accepts a row ('... or the shares are all 0'), a keeper row that only that alternative accepts (the
test must return none). test_every_clause_has_a_case counts the clauses of each hand-written test
(`or` between conditions, plus one) and fails when a test has fewer cases.

The generic range and pattern tests get a case per bound and per forbidden character class.
"""
from __future__ import annotations

import re

import pytest

from cityclips.warehouse.contract import rules_of
from cityclips.warehouse.schemas import TABLES
from tests.sql.sql_rows import E, K, K2, L, S, corpus, model_database
from tests.sql.test_data_tests import TESTS, fan_out, replace_mart

BREAK, KEEP = True, False


def _mart(mart: str, replace: str) -> str:
    return replace_mart(mart, f"select * replace ({replace}) from {mart}_rows")


CLAUSES: dict[str, list[tuple[str, str, bool]]] = {
    "articles_by_site_month_adds_up": [("every row twice", fan_out("articles_by_site_month"), BREAK)],
    "attachment_types_adds_up": [("every row twice", fan_out("attachment_types"), BREAK)],
    "monthly_activity_counts_distinct_articles": [("every row twice", fan_out("monthly_activity"), BREAK)],
    "documents_shares_valid": [
        ("shares add up to more than 1", f"update raw.documents set ko_share = 0.5 where doc_id = '{E}'", BREAK),
        ("shares add up to less than 1", f"update raw.documents set en_share = 0.5 where doc_id = '{E}'", BREAK),
        ("a page without letters has all shares 0", f"update raw.documents set ko_share = 0, en_share = 0, "
         f"other_share = 0, language_shares = map() where doc_id = '{L}'", KEEP),
    ],
    "segments_heading_is_heading": [
        ("heading_seq names no segment", f"update raw.segments set heading_seq = 99 where doc_id = '{K}' and seq = 4",
         BREAK),
        ("heading_seq names a paragraph", f"update raw.segments set heading_seq = 2 where doc_id = '{K}' and seq = 4",
         BREAK),
        ("heading_seq names a later heading", f"update raw.segments set heading_seq = 9 where doc_id = '{K}' and seq = 4",
         BREAK),
        ("a heading under itself", f"update raw.segments set heading_seq = 3 where doc_id = '{K}' and seq = 3", BREAK),
        # K's heading at seq 3 is another document's: K2 has no seq 3 (documents share seq numbers)
        ("heading_seq names another document's heading",
         f"insert into raw.segments select * replace ('{K2}' as doc_id, 2 as seq, 3 as heading_seq) "
         f"from raw.segments where doc_id = '{K}' and seq = 4", BREAK),
    ],
    "list_parents_are_list_items": [
        ("parent_seq names no segment", f"update raw.segments set parent_seq = 99 where doc_id = '{K}' and seq = 5",
         BREAK),
        ("the parent is a paragraph", f"update raw.segments set parent_seq = 2 where doc_id = '{K}' and seq = 5", BREAK),
        ("the parent is at the same depth", f"update raw.segments set depth = 0 where doc_id = '{K}' and seq = 5",
         BREAK),
    ],
    "segments_seq_contiguous": [
        ("numbering starts at 1", f"update raw.segments set seq = seq + 1 where doc_id = '{S}'", BREAK),
        ("a gap", f"update raw.segments set seq = 20 where doc_id = '{S}' and seq = 3", BREAK),
        ("a repeat", f"update raw.segments set seq = 2 where doc_id = '{S}' and seq = 3", BREAK),
    ],
    "list_items_positions": [
        ("positions from 2", _mart("list_items", "position + 1 as position"), BREAK),
        ("a gap at the end", _mart("list_items", "case when position > 1 then position + 1 else position end "
                                                 "as position"), BREAK),
        ("a repeated position", _mart("list_items", "case when position = 2 then 1 else position end as position"),
         BREAK),
    ],
    "documents_duplicate_group_valid": [
        ("the group is named by no document", f"update raw.documents set duplicate_group = 'nobody', "
         f"canonical_doc_id = 'nobody' where doc_id = '{E}'", BREAK),
        ("the canonical copy is in another group", f"update raw.documents set canonical_doc_id = '{K}' "
         f"where doc_id = '{E}'", BREAK),
        # E joins K's group and names itself canonical, K names K: one group, two canonical copies
        ("two canonical copies in one group", f"update raw.documents set duplicate_group = '{K}', "
         f"canonical_doc_id = '{E}' where doc_id = '{E}'", BREAK),
    ],
    "documents_language_shares_agree": [
        ("shares do not add up to 1", f"update raw.documents set language_shares = map(['ko', 'en'], [0.9, 0.2]) "
         f"where doc_id = '{K}'", BREAK),
        ("the ko entry is not ko_share", f"update raw.documents set language_shares = map(['ko', 'en'], [0.8, 0.2]) "
         f"where doc_id = '{K}'", BREAK),
        ("the en entry is not en_share", f"update raw.documents set language_shares = map(['ko', 'ja'], [0.9, 0.1]) "
         f"where doc_id = '{K}'", BREAK),
        ("a page without letters has no shares", f"update raw.documents set ko_share = 0, en_share = 0, "
         f"other_share = 0, language_shares = map() where doc_id = '{L}'", KEEP),
    ],
    "speakers_resolution_valid": [
        ("no person", _mart("speakers", "null as person"), BREAK),
        ("an undocumented resolution", _mart("speakers", "'guessed' as resolved_by"), BREAK),
        ("an unresolved speaker renamed", _mart("speakers", "'unresolved' as resolved_by, 'Someone' as person"),
         BREAK),
    ],
    "links_doc_exists": [
        ("the link's document does not exist",
         "insert into raw.links by name select 'no_such_doc' as doc_id, 1 as ordinal, 'A title' as title", BREAK),
        ("the link's document is not a listing",
         f"insert into raw.links by name select '{E}' as doc_id, 1 as ordinal, 'A title' as title", BREAK),
    ],
    "documents_sources_accepted": [
        *[(f"an undocumented {name}_source", f"update raw.documents set {name} = {value}, {name}_source = 'guess' "
           f"where doc_id = '{E}'", BREAK)
          for name, value in [("title", "'A title'"), ("author", "'Kim'"), ("published_at", "timestamp '2020-01-01'"),
                              ("modified_at", "timestamp '2020-01-02'"), ("department", "'Press office'"),
                              ("event_at", "timestamp '2020-02-03'")]],
        *[(f"{name}_source without {name}", f"update raw.documents set {name} = null, {name}_source = 'text_line' "
           f"where doc_id = '{E}'", BREAK)
          for name in ("title", "author", "published_at", "modified_at", "department", "event_at")],
    ],
    "boilerplate_adds_up": [
        ("by_rule counts a line twice", _mart("boilerplate_by_rule", "n_lines + 1 as n_lines"), BREAK),
        ("by_page counts a line twice", _mart("boilerplate_by_page", "n_lines + 1 as n_lines"), BREAK),
        ("by_page lists a text twice", _mart("boilerplate_by_page", "texts || texts[1:1] as texts"), BREAK),
    ],
    "distinct_articles_one_row_per_article": [
        ("an article on two rows", replace_mart("distinct_articles", "select * from distinct_articles_rows union all "
                                                "select * replace (0 as n_copies, [] as copies) "
                                                "from distinct_articles_rows limit 1000"), BREAK),
        ("copies miscounted", _mart("distinct_articles", "n_copies + 1 as n_copies"), BREAK),
        ("a copy listed twice", _mart("distinct_articles", "copies || copies[1:1] as copies"), BREAK),
    ],
    "language_mix_adds_up": [
        ("a segment counted twice", _mart("language_mix", "n_segments + 1 as n_segments"), BREAK),
        ("letters miscounted", _mart("language_mix", "letters + 1 as letters"), BREAK),
    ],
    "monthly_activity_adds_up": [
        ("a document counted twice", _mart("monthly_activity", "n_documents + 1 as n_documents"), BREAK),
        ("views miscounted", _mart("monthly_activity", "views + 1 as views"), BREAK),
        ("attachments miscounted", _mart("monthly_activity", "n_attachments + 1 as n_attachments"), BREAK),
    ],
    "run_stages_add_up": [
        ("stage seconds do not add up", _mart("run_stages", "seconds + 1 as seconds"), BREAK),
        ("a stage missing", replace_mart("run_stages", "select * from run_stages_rows where stage <> 'models'"), BREAK),
    ],
}


def _range_cases() -> list[tuple[str, str, str]]:
    """(test name, what, breaker) for each bound of each generic range test."""
    cases = []
    for name, test in TESTS.items():
        if test.kind != "range":
            continue
        rules = rules_of(TABLES[test.table].field(test.column))
        where = f"rowid = (select min(rowid) from raw.{test.table})"
        for bound, sign in ((rules.at_least, "-"), (rules.at_most, "+")):
            if bound is not None:
                step = "interval 1 day" if "timestamp" in str(TABLES[test.table].field(test.column).type) else "1"
                cases.append((name, f"{'below' if sign == '-' else 'above'} {bound}",
                              f"update raw.{test.table} set {test.column} = ({bound}) {sign} {step} where {where}"))
    return cases


# attachments.extension is '[^A-Z.\s]*': lower case, no dot, no space; each class has its breaker
PATTERN_CASES = [("pattern attachments.extension", "upper case", "PDF"),
                 ("pattern attachments.extension", "a dot", "tar.gz"),
                 ("pattern attachments.extension", "a space", "p df")]
SHARES_RANGE = {"range documents.ko_share", "range documents.en_share", "range documents.other_share"}


@pytest.fixture(scope="module")
def con():
    with model_database(corpus()) as connection:
        yield connection


def _rows_after(con, check: str, change: str) -> list[tuple]:
    con.execute("begin transaction")
    try:
        assert con.execute(check).fetchall() == [], "the test fails on the good rows already"
        con.execute(change)
        return con.execute(check).fetchall()
    finally:
        con.execute("rollback")


@pytest.mark.parametrize(("name", "clause", "change", "breaks"),
                         [(name, clause, change, breaks) for name, cases in CLAUSES.items()
                          for clause, change, breaks in cases],
                         ids=[f"{name}: {clause}" for name, cases in CLAUSES.items() for clause, _, _ in cases])
def test_each_clause_of_a_hand_written_test(con, name, clause, change, breaks):
    rows = _rows_after(con, TESTS[name].sql, change)
    assert (rows != []) == breaks, f"{name}: '{clause}' {'not caught' if breaks else 'rejected'}: {rows[:3]}"


@pytest.mark.parametrize(("name", "bound", "change"), _range_cases(), ids=[f"{n}: {b}" for n, b, _ in _range_cases()])
def test_each_bound_of_a_range_test(con, name, bound, change):
    assert _rows_after(con, TESTS[name].sql, change) != []


@pytest.mark.parametrize(("name", "what", "value"), PATTERN_CASES, ids=[w for _, w, _ in PATTERN_CASES])
def test_each_class_of_the_extension_pattern(con, name, what, value):
    change = f"update raw.attachments set extension = '{value}' where rowid = (select min(rowid) from raw.attachments)"
    assert _rows_after(con, TESTS[name].sql, change) != []


def _clauses(sql: str) -> int:
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return len(re.findall(r"\bor\b", body, re.IGNORECASE)) + 1


def test_every_clause_has_a_case():
    short = {name: (len(CLAUSES.get(name, [])), _clauses(test.sql)) for name, test in TESTS.items()
             if test.kind == "sql" and len(CLAUSES.get(name, [])) < _clauses(test.sql)}
    assert short == {}, "hand-written tests with fewer cases than clauses (cases, clauses): " + repr(short)


def test_the_share_bounds_of_issue_19_are_each_tested_both_ways():
    assert {(name, bound) for name, bound, _ in _range_cases() if name in SHARES_RANGE} == {
        (name, bound) for name in SHARES_RANGE for bound in ("below 0", "above 1")}
