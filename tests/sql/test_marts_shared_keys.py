"""Marts given rows whose keys collide across documents: the same seq numbers, the same file names.

Two pages built alike (a city's board pages are): the same segment layout, so every seq of one is a
seq of the other with another kind or text, and the same attachment names ('붙임1.hwp'). A mart
that joins on seq or name without doc_id (issue 19: the headings mart joined on seq alone and was
caught only because two seed pages happened to share a heading at seq 17) returns doubled or
crossed rows here; the rows below are worked out by hand.
"""
from __future__ import annotations

import pytest

from tests.sql.sql_rows import attachment, document, model_database, query, run, segment

A, B = "a_board", "b_board"
A_TITLE, B_TITLE = "광주시, 여름 축제 개최", "Summer festival opens"


def _rows() -> dict[str, list[dict]]:
    documents = [
        document(A, A_TITLE, language="ko", ko_share=1.0, en_share=0.0, language_shares=[("ko", 1.0)], n_segments=6),
        document(B, B_TITLE, n_segments=6),
    ]
    segments = [
        # A: title, heading 1 over a paragraph and a list (item 3 with a child 4), heading 5
        segment(A, 0, "title", A_TITLE, "ko"),
        segment(A, 1, "heading", "행사 개요", "ko"),
        segment(A, 2, "paragraph", "광주시는 8월에 여름 축제를 연다.", "ko", heading_seq=1),
        segment(A, 3, "list_item", "(기간) 8월 1일부터", "ko", marker="○", heading_seq=1),
        segment(A, 4, "list_item", "우천 시 연기", "ko", marker="-", depth=1, parent_seq=3, heading_seq=1),
        segment(A, 5, "heading", "문의", "ko"),
        # B: the same seqs, other kinds: seq 1 a heading over two paragraphs, seq 3 a paragraph, item 5 under item 4
        segment(B, 0, "title", B_TITLE, "en"),
        segment(B, 1, "heading", "About the festival", "en"),
        segment(B, 2, "paragraph", "The festival opens in August.", "en", heading_seq=1),
        segment(B, 3, "paragraph", "Entry is free.", "en", heading_seq=1),
        segment(B, 4, "list_item", "Food stalls", "en", marker="•", heading_seq=1),
        segment(B, 5, "list_item", "Concerts", "en", marker="-", depth=1, parent_seq=4, heading_seq=1),
    ]
    attachments = [
        attachment(A, 1, "붙임1.hwp", 1000, 5),
        attachment(A, 2, "poster.jpg", 2000, None),
        attachment(B, 1, "붙임1.hwp", 3000, 7),
        attachment(B, 2, "poster.jpg", None, 1),
    ]
    return {"documents": documents, "segments": segments, "attachments": attachments, "runs": [run()]}


@pytest.fixture(scope="module")
def con():
    with model_database(_rows()) as connection:
        yield connection


def test_headings_count_only_their_own_documents_segments(con):
    assert query(con, """select doc_id, seq, position, heading, title, n_segments, n_paragraphs, n_list_items
                         from headings order by doc_id, seq""") == [
        (A, 1, 1, "행사 개요", A_TITLE, 3, 1, 2),
        (A, 5, 2, "문의", A_TITLE, 0, 0, 0),
        (B, 1, 1, "About the festival", B_TITLE, 4, 2, 2),
    ]


def test_list_items_take_heading_parent_and_children_from_their_own_document(con):
    assert query(con, """select doc_id, seq, heading, depth, position, text, parent_text, n_children, title
                         from list_items order by doc_id, seq""") == [
        (A, 3, "행사 개요", 0, 1, "(기간) 8월 1일부터", None, 1, A_TITLE),
        (A, 4, "행사 개요", 1, 1, "우천 시 연기", "(기간) 8월 1일부터", 0, A_TITLE),
        (B, 4, "About the festival", 0, 1, "Food stalls", None, 1, B_TITLE),
        (B, 5, "About the festival", 1, 1, "Concerts", "Food stalls", 0, B_TITLE),
    ]


def test_attachments_of_the_same_name_stay_with_their_own_page(con):
    assert query(con, """select doc_id, ordinal, name, file_type, size_bytes, downloads, title
                         from attachments order by doc_id, ordinal""") == [
        (A, 1, "붙임1.hwp", "document", 1000, 5, A_TITLE),
        (A, 2, "poster.jpg", "image", 2000, None, A_TITLE),
        (B, 1, "붙임1.hwp", "document", 3000, 7, B_TITLE),
        (B, 2, "poster.jpg", "image", None, 1, B_TITLE),
    ]


def test_attachment_types_count_each_file_once(con):
    assert query(con, """select file_type, extension, n_attachments, n_documents, total_bytes, n_without_size,
                                downloads
                         from attachment_types order by extension""") == [
        ("document", "hwp", 2, 2, 4000, 0, 12),
        ("image", "jpg", 2, 2, 2000, 1, 1),
    ]


def test_articles_count_their_own_attachments_and_words(con):
    rows = dict(query(con, "select doc_id, n_attachments from articles order by doc_id"))
    assert rows == {A: 2, B: 2}


def test_the_data_tests_pass_on_these_rows(con):
    from cityclips.warehouse.models import run_data_tests
    assert {r.name: r.sample for r in run_data_tests(con) if r.failing_rows} == {}
