"""Given these raw rows, expect these mart rows: one test (at least) per mart of sql/marts."""
from __future__ import annotations

import json
from datetime import date

import pytest
from tests.sql.sql_rows import (E, E_PUBLISHED, E_TITLE, K, K2, K_PUBLISHED, K_TITLE, K_URL, L, MISSED_URL, RUN_ID,
                                RUN_STARTED, S,
                                S_TITLE, corpus, model_database, query, run)

MARCH_2024 = date(2024, 3, 1)
JANUARY_2020 = date(2020, 1, 1)


@pytest.fixture(scope="module")
def con():
    with model_database(corpus()) as connection:
        yield connection


def test_articles_one_row_per_document_with_counts_lede_and_month(con):
    rows = query(con, """
        select doc_id, language, ko_share, en_share, n_paragraphs, n_list_items, n_headings, n_attachments,
               attachment_bytes, attachment_downloads, n_quotes, lede, published_month
        from articles order by doc_id""")
    assert rows == [
        (E, "en", 0.0, 1.0, 2, 5, 2, 5, 2203152, 21, 2, "Mayor Lee unveiled the key initiatives.", JANUARY_2020),
        (K2, "ko", 1.0, 0.0, 1, 0, 0, 0, 0, 0, 0, "시는 오늘 폭염 대책을 발표했다.", MARCH_2024),
        (K, "ko", 0.9, 0.1, 3, 4, 2, 2, 1011098, 59, 2, "광주광역시는 여름방학 인공지능 캠프 참가자를 모집한다.",
         MARCH_2024),
        (S, "ko", pytest.approx(28 / 51), pytest.approx(23 / 51), 2, 1, 0, 0, 0, 0, 0, "광주는 오랜 역사를 가진 도시다.",
         None),
    ]


def test_articles_count_words_of_every_segment_but_the_title(con):
    rows = query(con, "select doc_id, n_words from articles order by doc_id")
    # E: 6 + 4 + 6 + 4 + 3 + 4 + 2 + 3 + 13 words; Korean counts eojeol (space-separated words):
    # K: 3 + 6 + 2 + 3 + 3 + 2 + 4 + 6 + 2 + 9 (its English paragraph)
    assert rows == [(E, 45), (K2, 5), (K, 40), (S, 12)]


def test_list_items_have_heading_parent_and_position_among_siblings(con):
    rows = query(con, """
        select doc_id, seq, heading, depth, position, marker, text, parent_marker, parent_text, n_children
        from list_items order by doc_id, seq""")
    assert rows == [
        (E, 3, "Key Initiatives for 2020", 0, 1, "①", "Full-fledged operation of AI Hub City", None, None, 0),
        (E, 4, "Key Initiatives for 2020", 0, 2, "②", "Creation of quality jobs", None, None, 2),
        (E, 6, "Eleven Major Industries", 1, 1, "1.", "AI & Drone Industry", "②", "Creation of quality jobs", 0),
        (E, 7, "Eleven Major Industries", 1, 2, "2.", "Tourism Industry", "②", "Creation of quality jobs", 0),
        (E, 8, "Key Initiatives for 2020", 0, 3, "③", "Safest City campaign", None, None, 0),
        (K, 4, "추진 내용", 0, 1, "○", "(대상) 중고등학생 100명", None, None, 2),
        (K, 5, "추진 내용", 1, 1, "-", "학교장 추천 필요", "○", "(대상) 중고등학생 100명", 0),
        (K, 6, "추진 내용", 1, 2, "-", "선착순 마감", "○", "(대상) 중고등학생 100명", 0),
        (K, 7, "추진 내용", 0, 2, "○", "(기간) 7월 22일부터 5일간", None, None, 0),
        (S, 3, None, 0, 1, "•", "무등산 국립공원", None, None, 0),
    ]


def test_list_items_carry_their_article(con):
    rows = query(con, """
        select distinct doc_id, title, category, published_at, article_language
        from list_items order by doc_id""")
    assert rows == [(E, E_TITLE, "News Clips", E_PUBLISHED, "en"), (K, K_TITLE, "보도자료", K_PUBLISHED, "ko"),
                    (S, S_TITLE, "역사", None, "ko")]


def test_quotes_with_speaker_article_and_both_languages(con):
    rows = query(con, """
        select doc_id, ordinal, seq, speaker, speaker_as_written, text, title, published_at, published_month,
               article_language, quote_language, segment_kind
        from quotes order by doc_id, ordinal""")
    assert rows == [
        (E, 0, 9, "Mayor Lee", "Mayor Lee", "We will open the AI era", E_TITLE, E_PUBLISHED, JANUARY_2020,
         "en", "en", "paragraph"),
        (E, 1, 9, "Mayor Lee", "He", "Gwangju leads.", E_TITLE, E_PUBLISHED, JANUARY_2020, "en", "en", "paragraph"),
        (K, 0, 8, "김 시장", "김 시장", "미래 인재를 키우겠다", K_TITLE, K_PUBLISHED, MARCH_2024, "ko", "ko",
         "paragraph"),
        (K, 1, 10, "the city", "the city", "Apply online at the city website", K_TITLE, K_PUBLISHED, MARCH_2024,
         "ko", "en", "paragraph"),
    ]


def test_attachments_are_grouped_by_file_type(con):
    rows = query(con, """
        select doc_id, ordinal, name, extension, file_type, size_bytes, downloads, title, published_at
        from attachments order by doc_id, ordinal""")
    assert rows == [
        (E, 1, "plan.pdf", "pdf", "document", 2097152, 10, E_TITLE, E_PUBLISHED),
        (E, 2, "data.xlsx", "xlsx", "spreadsheet", None, None, E_TITLE, E_PUBLISHED),
        (E, 3, "photos.zip", "zip", "archive", 1000, 4, E_TITLE, E_PUBLISHED),
        (E, 4, "minutes.odt", "odt", "document", 5000, 0, E_TITLE, E_PUBLISHED),  # OpenDocument text (round 14)
        (E, 5, "map.jpg", "jpg", "image", 100000, 7, E_TITLE, E_PUBLISHED),
        (K, 1, "모집공고.hwp", "hwp", "document", 76800, 56, K_TITLE, K_PUBLISHED),
        (K, 2, "포스터.jpg", "jpg", "image", 934298, 3, K_TITLE, K_PUBLISHED),
    ]


def test_attachments_carry_the_link_and_where_it_was_read(con):
    rows = query(con, "select doc_id, ordinal, url, source from attachments where url is not null order by doc_id")
    assert rows == [(E, 1, "https://city.example.gov/docs/plan.pdf", "link_target"),
                    (K, 1, "https://www.gwangju.go.kr/fileDown.do?id=7", "link_text")]
    sources = query(con, "select distinct source from attachments order by source")
    assert sources == [("link_target",), ("link_text",), ("text_line",)]


def test_attachment_types_sum_by_file_type_and_extension(con):
    rows = query(con, """
        select file_type, extension, n_attachments, n_documents, total_bytes, n_without_size, downloads
        from attachment_types order by file_type, extension""")
    assert rows == [
        ("archive", "zip", 1, 1, 1000, 0, 4),
        ("document", "hwp", 1, 1, 76800, 0, 56),
        ("document", "odt", 1, 1, 5000, 0, 0),
        ("document", "pdf", 1, 1, 2097152, 0, 10),
        ("image", "jpg", 2, 2, 1034298, 0, 10),
        ("spreadsheet", "xlsx", 1, 1, 0, 1, 0),
    ]


def test_language_mix_counts_letters_per_kind_and_language(con):
    rows = query(con, f"""
        select kind, language, n_segments, letters, share_of_kind, share_of_document
        from language_mix where doc_id = '{S}' order by kind, language""")
    assert rows == [
        ("list_item", "ko", 1, 7, 1.0, pytest.approx(7 / 51)),
        ("paragraph", "en", 1, 23, pytest.approx(23 / 36), pytest.approx(23 / 51)),
        ("paragraph", "ko", 1, 13, pytest.approx(13 / 36), pytest.approx(13 / 51)),
        ("title", "ko", 1, 8, 1.0, pytest.approx(8 / 51)),
    ]
    # the document's ko share is the sum of its Korean rows, as in documents.ko_share
    assert query(con, f"select sum(share_of_document) from language_mix where doc_id = '{S}' and language = 'ko'") \
        == [(pytest.approx(28 / 51),)]


def test_language_mix_shows_an_english_paragraph_in_a_korean_article(con):
    rows = query(con, f"""
        select kind, language, n_segments from language_mix
        where doc_id = '{K}' and kind = 'paragraph' order by language""")
    assert rows == [("paragraph", "en", 1), ("paragraph", "ko", 2)]


def test_monthly_activity_leaves_out_undated_documents(con):
    rows = query(con, """
        select month, language, category, n_documents, views, n_attachments, attachment_bytes
        from monthly_activity order by month""")
    assert rows == [
        (JANUARY_2020, "en", "News Clips", 1, 300, 5, 2203152),
        (MARCH_2024, "ko", "보도자료", 2, 200, 2, 1011098),
    ]


def test_boilerplate_by_rule_counts_lines_and_shows_common_texts(con):
    rows = query(con, """
        select rule, n_lines, n_documents, share_of_lines, common_texts
        from boilerplate_by_rule order by rule""")
    assert rows == [
        ("button", 2, 1, pytest.approx(2 / 7), ["목록", "인쇄"]),
        ("menu", 1, 1, pytest.approx(1 / 7), ["전체메뉴"]),
        ("metadata", 1, 1, pytest.approx(1 / 7), ["Date : 2020-01-20 Hits : 300"]),
        ("skip_link", 3, 3, pytest.approx(3 / 7), ["본문 바로가기", "Skip to content"]),
    ]


def test_boilerplate_by_page_lists_the_removed_lines_in_page_order(con):
    rows = query(con, """
        select doc_id, source_path, rule, n_lines, line_nos, texts
        from boilerplate_by_page order by doc_id, rule""")
    assert rows == [
        (E, f"{E}.txt", "metadata", 1, [3], ["Date : 2020-01-20 Hits : 300"]),
        (E, f"{E}.txt", "skip_link", 1, [1], ["Skip to content"]),
        (K, f"{K}.txt", "button", 2, [5, 6], ["인쇄", "목록"]),
        (K, f"{K}.txt", "menu", 1, [2], ["전체메뉴"]),
        (K, f"{K}.txt", "skip_link", 1, [1], ["본문 바로가기"]),
        (S, f"{S}.txt", "skip_link", 1, [1], ["본문 바로가기"]),
    ]


def test_headings_with_article_and_what_falls_under_them(con):
    rows = query(con, """
        select doc_id, seq, position, heading, language, title, category, published_month,
               n_segments, n_paragraphs, n_list_items
        from headings order by doc_id, seq""")
    assert rows == [
        (E, 2, 1, "Key Initiatives for 2020", "en", E_TITLE, "News Clips", JANUARY_2020, 4, 1, 3),
        (E, 5, 2, "Eleven Major Industries", "en", E_TITLE, "News Clips", JANUARY_2020, 2, 0, 2),
        (K, 3, 1, "추진 내용", "ko", K_TITLE, "보도자료", MARCH_2024, 5, 1, 4),
        (K, 9, 2, "신청 방법", "ko", K_TITLE, "보도자료", MARCH_2024, 1, 1, 0),
    ]


def test_headings_of_press_releases_in_march_is_one_query(con):
    rows = query(con, """
        select title, heading from headings
        where category in ('Press Releases', '보도자료') and month(published_at) = 3
        order by published_at, seq""")
    assert rows == [(K_TITLE, "추진 내용"), (K_TITLE, "신청 방법")]


def test_articles_carry_the_body_text(con):
    rows = query(con, "select doc_id, body_text from articles order by doc_id")
    assert [doc_id for doc_id, _ in rows] == [E, K2, K, S] and all(text == "" for _, text in rows)
    con.execute("begin transaction")
    try:
        con.execute(f"update raw.documents set body_text = 'Mayor Lee unveiled ...' where doc_id = '{E}'")
        assert query(con, f"select body_text from articles where doc_id = '{E}'") == [("Mayor Lee unveiled ...",)]
    finally:
        con.execute("rollback")


def test_rejects_say_what_their_reason_means_and_when(con):
    rows = query(con, "select source_path, reason, meaning, extension, run_id, rejected_at from rejects")
    assert rows == [("empty.txt", "empty", "the file is empty or only whitespace", "txt", RUN_ID, RUN_STARTED)]


def test_runs_unpack_counts_json_into_columns(con):
    rows = query(con, """
        select run_id, wall_seconds, runner, pages_seen, documents_written, process_seconds, publish_seconds,
               models_seconds, stage_seconds_total, rejects_by_reason, languages
        from runs""")
    assert rows == [(RUN_ID, 5.0, "one process", 5, 4, 2.0, 0.2, 0.6, pytest.approx(3.5), {"empty": 1},
                     {"ko": 3, "en": 1})]


def test_runs_show_the_code_that_ran_and_pages_extracted_again_for_it():
    """A run after an upgrade names its code and counts the pages older code had made (flows/code_version.py)."""
    counts = {"rows": {}, "stage_seconds": {}, "reprocessed_for_code": 3, "other_code": {"0.1.0:aaaa": 3}}
    con = model_database({"runs": [run(code_fingerprint="0.1.0:bbbb", counts_json=json.dumps(counts)),
                                   run("r-old", counts_json=json.dumps({"rows": {}, "stage_seconds": {}}))]})
    rows = query(con, "select run_id, code_fingerprint, pages_reprocessed_for_code, reprocessed_by_older_code "
                      "from runs order by run_id")
    assert rows == [("r-old", None, 0, None), (RUN_ID, "0.1.0:bbbb", 3, {"0.1.0:aaaa": 3})]


def test_run_stages_list_every_stage_in_flow_order(con):
    rows = query(con, "select stage, seconds, share_of_wall from run_stages order by position")
    assert [stage for stage, *_ in rows] == ["discover", "plan", "templates", "process", "carry_over", "publish",
                                             "models"]  # carrying over is part of publishing (flows/stages.py)
    assert rows[3] == ("process", 2.0, pytest.approx(0.4))


def test_articles_leave_listings_out_and_carry_url_site_and_kind(con):
    rows = query(con, "select doc_id, url, site, page_kind from articles order by doc_id")
    assert [r[0] for r in rows] == [E, K2, K, S]  # the listing L is a document, not an article
    assert rows[2] == (K, K_URL, "gwangju.go.kr", "article") and rows[3][3] == "static"


def test_articles_by_site_month_counts_dated_articles_per_site(con):
    rows = query(con, "select site, month, n_articles, n_korean, n_english, views from articles_by_site_month "
                      "order by site, month")
    assert rows == [("(unknown)", JANUARY_2020, 1, 0, 1, 300), ("(unknown)", MARCH_2024, 1, 1, 0, 80),
                    ("gwangju.go.kr", MARCH_2024, 1, 1, 0, 120)]


def test_listing_links_say_which_listed_articles_the_crawl_missed(con):
    rows = query(con, "select doc_id, site, ordinal, url, view_count, is_fetched from listing_links order by ordinal")
    assert rows == [(L, "gwangju.go.kr", 1, K_URL, 120, True), (L, "gwangju.go.kr", 2, MISSED_URL, 33, False)]
