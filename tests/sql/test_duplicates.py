"""Given copies of articles in raw.documents, expect distinct articles in the marts (issue 14).

The hand-made corpus of sql_rows plus two copies: E2, the English clip re-scraped a day later with six
more views, and K3, the Korean release syndicated to another site, longer, so the canonical copy.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.sql.sql_rows import E, E_PUBLISHED, E_TITLE, K, K2, K_PUBLISHED, K_TITLE, S, corpus, document, model_database, query

E2, K3 = "e_clip_rescrape", "k3_syndicated"
E_SEEN, E2_SEEN = datetime(2024, 8, 1, 10, 0), datetime(2024, 8, 2, 10, 0)
K_SEEN, K3_SEEN = datetime(2024, 3, 6, 9, 0), datetime(2024, 3, 7, 9, 0)


@pytest.fixture(scope="module")
def con():
    rows = corpus()
    for row in rows["documents"]:
        if row["doc_id"] == E:
            row.update(file_modified_at=E_SEEN)
        if row["doc_id"] == K:
            row.update(file_modified_at=None, fetched_at=K_SEEN, canonical_doc_id=K3)  # fetched_at wins
    rows["documents"] += [
        document(E2, E_TITLE, category="News Clips", published_at=E_PUBLISHED, view_count=306, n_segments=10,
                 duplicate_group=E, canonical_doc_id=E, file_modified_at=E2_SEEN),
        document(K3, K_TITLE, language="ko", ko_share=1.0, en_share=0.0, category="보도자료", published_at=K_PUBLISHED,
                 view_count=40, n_segments=12, duplicate_group=K, canonical_doc_id=K3, file_modified_at=K3_SEEN,
                 language_shares=[("ko", 1.0)]),
    ]
    connection = model_database(rows)
    yield connection
    connection.close()


def test_distinct_articles_one_row_per_article_with_its_copies_and_view_counts(con):
    rows = query(con, """
        select duplicate_group, canonical_doc_id, title, n_copies, first_seen_at, last_seen_at,
               first_view_count, last_view_count, view_count_gain, max_view_count,
               [c.doc_id for c in copies], [c.view_count for c in copies]
        from distinct_articles order by duplicate_group""")
    assert rows == [
        (E, E, E_TITLE, 2, E_SEEN, E2_SEEN, 300, 306, 6, 306, [E, E2], [300, 306]),
        (K2, K2, "폭염 대책 발표", 1, None, None, 80, 80, 0, 80, [K2], [80]),
        (K, K3, K_TITLE, 2, K_SEEN, K3_SEEN, 120, 40, -80, 120, [K, K3], [120, 40]),
        (S, S, "빛고을 광주의 역사", 1, None, None, None, None, None, None, [S], [None]),
    ]


def test_articles_say_which_page_is_the_canonical_copy(con):
    rows = query(con, "select doc_id, duplicate_group, is_canonical, n_copies, article_view_count "
                      "from articles order by doc_id")
    assert rows == [(E, E, True, 2, 306), (E2, E, False, 2, 306), (K2, K2, True, 1, 80), (K3, K, True, 2, 120),
                    (K, K, False, 2, 120), (S, S, True, 1, None)]


def test_monthly_activity_counts_distinct_articles_beside_pages(con):
    rows = query(con, "select month, n_documents, views, n_articles, article_views from monthly_activity order by month")
    assert rows == [(date(2020, 1, 1), 2, 606, 1, 306), (date(2024, 3, 1), 3, 240, 2, 200)]


def test_data_tests_pass_on_copies(con):
    from cityclips.warehouse.models import run_data_tests
    assert [t.name for t in run_data_tests(con) if t.failing_rows] == []
