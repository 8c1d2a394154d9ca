"""transforms/dates.py: dates as Korean and English pages and their markup write them."""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.dates import classify_date_label, parse_date, parse_markup_date, parse_url_date


@pytest.mark.parametrize("text, expected", [
    ("2020-01-20 14:4975", datetime(2020, 1, 20, 14, 49)),  # glued views: minutes are two digits
    ("입력 2025.12.06 16:43", datetime(2025, 12, 6, 16, 43)),
    ("2025.12.06(토) 16:43", datetime(2025, 12, 6, 16, 43)),  # the weekday in brackets
    ("2025-12-06 (토요일) 오후 4:43", datetime(2025, 12, 6, 16, 43)),
    ("2025.12.06 오전 12:10", datetime(2025, 12, 6, 0, 10)),
    ("2023년 5월 2일", datetime(2023, 5, 2)),
    ("Posted December 6, 2025 at 9:05 pm", datetime(2025, 12, 6, 21, 5)),
    ("Published Nov 18, 2019 at 4:07 PM", datetime(2019, 11, 18, 16, 7)),
    ("6 Dec. 2025, 08:15", datetime(2025, 12, 6, 8, 15)),
    ("Updated: 2nd March 2024", datetime(2024, 3, 2)),
])
def test_page_dates_in_both_languages(text: str, expected: datetime) -> None:
    assert parse_date(text)[0] == expected


def test_a_numeric_date_before_an_english_one_wins_and_impossible_dates_are_none() -> None:
    assert parse_date("2024-01-05, updated March 3, 2024")[0] == datetime(2024, 1, 5)
    assert parse_date("February 30, 2024") == (None, 0)
    assert parse_date("Mayor Kim 2 new parks in 2024") == (None, 0)


@pytest.mark.parametrize("text, expected", [
    ("2025-12-06T16:43:00+09:00", (datetime(2025, 12, 6, 16, 43), True, False)),
    ("2025-12-06T07:43:00.000Z", (datetime(2025, 12, 6, 7, 43), True, True)),
    ("2025-12-06 16:43:00 +0900", (datetime(2025, 12, 6, 16, 43), True, False)),
    ("2025-12-06", (datetime(2025, 12, 6), False, False)),
    ("Sat, 06 Dec 2025 07:43:00 GMT", (datetime(2025, 12, 6, 7, 43), True, True)),
    ("2025.12.06 16:43", (datetime(2025, 12, 6, 16, 43), True, False)),
    ("0001-01-01T00:00:00", None),
    ("", None),
    ("today", None),
])
def test_markup_dates(text: str, expected: tuple | None) -> None:
    assert parse_markup_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Schengen, 3. Juli 2018 — Aussendung", datetime(2018, 7, 3)),  # German: day, dot, month name
    ("Wien, 12. März 2020", datetime(2020, 3, 12)),
    ("Paris, le 1er mai 2019", datetime(2019, 5, 1)),  # French
])
def test_european_press_release_dates(text: str, expected: datetime) -> None:
    assert parse_date(text)[0] == expected


def test_a_month_name_without_a_day_is_no_date() -> None:
    assert parse_date("Im Mai 2024 beginnt der Bau") == (None, 0)


@pytest.mark.parametrize("label, kind", [
    ("Date posted", "published"), ("Posted on", "published"), ("등록일", "published"), ("작성일자", "published"),
    ("채용공고 등록일시", "published"), ("Release Date", "published"),
    ("Last updated", "modified"), ("Page last reviewed", "modified"), ("수정일", "modified"),
    ("Meeting Date", "event"), ("Event date", "event"), ("Date and time", "event"), ("행사일시", "event"),
    ("행사 날짜", "event"), ("마감일", "deadline"), ("접수기간", "deadline"), ("Deadline", "deadline"),
    ("Date of birth", "deadline"), ("Date", "generic"), ("날짜", "generic"), ("촬영일자", "other"),
    ("Location", None), ("Name", None), ("조회수", None), ("장소", None),
    ("The board will meet on the date below", None),  # a sentence, not a label
])
def test_a_field_label_says_what_its_date_is_in_both_languages(label: str, kind: str | None) -> None:
    assert classify_date_label(label) == kind


@pytest.mark.parametrize("url, day", [
    ("https://www.cnn.com/2019/11/18/investing/asian-market-latest/index.html", datetime(2019, 11, 18)),
    ("http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm", datetime(2020, 2, 19)),
    ("https://www.example.ch/2016-04-15/was-ist-der-unterschied", datetime(2016, 4, 15)),
    ("http://www.example.org/events/committee-20190913/", datetime(2019, 9, 13)),
    ("https://mediahub.seoul.go.kr/archives/2013898", None),  # an article number
    ("https://www.hankookilbo.com/News/Read/A2025051516330004328", None),  # digits run on: an id
    ("http://www.eza.gv.at/presse/aussendungen/2018/07/aussenministerin/", None),  # a month, no day
    ("https://example.org/list?date=2024-05-01", None),  # a query filters, it does not date the page
    ("https://example.org/2019/0802/slug", None), (None, None),
])
def test_a_url_path_gives_a_day_only_when_it_writes_year_month_and_day(url: str | None, day: datetime | None) -> None:
    assert parse_url_date(url) == day
