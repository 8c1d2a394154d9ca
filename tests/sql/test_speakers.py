"""The speakers mart resolves each quote's speaker to a person, within the article and across the site,
in English and Korean; quotes.speaker is that person and people has one row per person."""
from __future__ import annotations

from datetime import datetime

import pytest

from tests.sql.sql_rows import document, model_database, query, quote, run, segment
from cityclips.warehouse.models import run_data_tests

LEE = "Lee Yong-sup"
# gwangju/: a Korean release that gives the romanisation, an English one naming him in full, an
# English and a Korean one with short forms only; busan/: another site with its own Mayor Lee.
KO_FULL, EN_FULL, EN_SHORT, KO_SHORT, OTHER_SITE = "ko_full", "en_full", "en_short", "ko_short", "busan_en"
PATHS = {KO_FULL: "gwangju/ko_full.txt", EN_FULL: "gwangju/en_full.txt", EN_SHORT: "gwangju/en_short.txt",
         KO_SHORT: "gwangju/ko_short.txt", OTHER_SITE: "busan/en.txt"}


def _rows() -> dict[str, list[dict]]:
    documents = [document(doc_id, doc_id, source_path=path, published_at=datetime(2020, 1, 20 + i),
                          language="ko" if doc_id.startswith("ko") else "en", ko_share=0.0, en_share=1.0)
                 for i, (doc_id, path) in enumerate(PATHS.items())]
    texts = {
        KO_FULL: ["이용섭(Lee Yong-sup) 광주시장은 21일 인공지능 중심도시를 선포했다.",
                  "이용섭 광주시장은 “광주를 인공지능 중심도시로 만들겠다”라고 말했다.",
                  "이 시장은 “시민과 함께 미래를 열겠다”라고 덧붙였다.",
                  "광주시 관계자는 “예산을 확보했다”고 밝혔다."],
        EN_FULL: ["“We will open the AI era,” said Gwangju Mayor Lee Yong-sup.", "“Gwangju leads,” he added."],
        EN_SHORT: ["“Jobs come first,” said Mayor Lee.", "“Apply online,” the city said."],
        KO_SHORT: ["이 시장은 “일자리가 먼저다”라고 말했다."],
        OTHER_SITE: ["“Busan welcomes you,” said Mayor Lee."],
    }
    segments = [segment(doc_id, seq, "paragraph", text, "ko" if doc_id.startswith("ko") else "en")
                for doc_id, paragraphs in texts.items() for seq, text in enumerate(paragraphs)]
    quotes = [
        quote(KO_FULL, 1, 0, "이용섭 광주시장", "광주를 인공지능 중심도시로 만들겠다"),
        quote(KO_FULL, 2, 1, "이 시장", "시민과 함께 미래를 열겠다"),
        quote(KO_FULL, 3, 2, "광주시 관계자", "예산을 확보했다"),
        quote(EN_FULL, 0, 0, "Gwangju Mayor Lee Yong-sup", "We will open the AI era"),
        quote(EN_FULL, 1, 1, "Gwangju Mayor Lee Yong-sup", "Gwangju leads", as_written="he"),
        quote(EN_SHORT, 0, 0, "Mayor Lee", "Jobs come first"),
        quote(EN_SHORT, 1, 1, "the city", "Apply online"),
        quote(KO_SHORT, 0, 0, "이 시장", "일자리가 먼저다"),
        quote(OTHER_SITE, 0, 0, "Mayor Lee", "Busan welcomes you"),
    ]
    return {"documents": documents, "segments": segments, "quotes": quotes, "runs": [run()]}


@pytest.fixture(scope="module")
def con():
    with model_database(_rows()) as connection:
        yield connection


def test_each_form_of_a_name_resolves_to_the_person(con):
    rows = query(con, "select doc_id, speaker_named, title, name, person, resolved_by from speakers "
                      "order by doc_id, speaker_named")
    assert rows == [
        (OTHER_SITE, "Mayor Lee", "Mayor", "Lee", "Mayor Lee", "unresolved"),  # busan/ names no Lee in full
        (EN_FULL, "Gwangju Mayor Lee Yong-sup", "Gwangju Mayor", LEE, LEE, "name"),
        (EN_SHORT, "Mayor Lee", "Mayor", "Lee", LEE, "site"),
        (EN_SHORT, "the city", "city", None, "the city", "unresolved"),
        (KO_FULL, "광주시 관계자", "관계자", "광주시", "광주시 관계자", "unresolved"),  # an office, not a person
        (KO_FULL, "이 시장", "시장", "이", LEE, "article"),
        (KO_FULL, "이용섭 광주시장", "광주시장", "이용섭", LEE, "romanisation"),
        (KO_SHORT, "이 시장", "시장", "이", LEE, "site"),
    ]


def test_quotes_of_one_person_in_both_languages(con):
    rows = query(con, f"""
        select doc_id, speaker_as_written, speaker_named, quote_language from quotes
        where speaker = '{LEE}' order by published_at, ordinal""")
    assert rows == [
        (KO_FULL, "이용섭 광주시장", "이용섭 광주시장", "ko"),
        (KO_FULL, "이 시장", "이 시장", "ko"),
        (EN_FULL, "Gwangju Mayor Lee Yong-sup", "Gwangju Mayor Lee Yong-sup", "en"),
        (EN_FULL, "he", "Gwangju Mayor Lee Yong-sup", "en"),
        (EN_SHORT, "Mayor Lee", "Mayor Lee", "en"),
        (KO_SHORT, "이 시장", "이 시장", "ko"),
    ]


def test_people_has_one_row_per_person_with_every_name_used(con):
    rows = query(con, f"select person, n_quotes, n_articles, names from people where person = '{LEE}'")
    assert rows == [(LEE, 6, 4, ["Gwangju Mayor Lee Yong-sup", "Mayor Lee", "이 시장", "이용섭 광주시장"])]


def test_two_people_of_one_surname_and_title_stay_unresolved():
    rows = _rows()
    rows["segments"].append(segment(EN_FULL, 2, "paragraph", "“Thanks,” said Mayor Lee Jae-won.", "en"))
    rows["quotes"].append(quote(EN_FULL, 2, 2, "Mayor Lee Jae-won", "Thanks"))
    con = model_database(rows)
    assert query(con, f"select person, resolved_by from speakers where doc_id = '{EN_SHORT}' "
                      "and speaker_named = 'Mayor Lee'") == [("Mayor Lee", "unresolved")]
    # within the Korean article the one 이 named in full still resolves
    assert query(con, f"select person from speakers where doc_id = '{KO_FULL}' and speaker_named = '이 시장'") == [(LEE,)]


def test_the_data_tests_pass_on_these_rows(con):
    assert [r.name for r in run_data_tests(con) if r.failing_rows] == []
