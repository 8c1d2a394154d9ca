"""transforms/dates.py: dates as Korean and English pages and their markup write them."""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.dates import (classify_date_label, parse_date, parse_markup_date, parse_url_date,
                                        writes_day_first)


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


def test_year_last_numeric_dates_read_month_first_unless_the_page_writes_the_day_first() -> None:
    assert parse_date("Posted 06/05/2025 9:00 AM")[0] == datetime(2025, 6, 5, 9, 0)  # an American page
    assert parse_date("Last updated: Thu, 06/25/2020")[0] == datetime(2020, 6, 25)
    assert parse_date("05.06.2025")[0] == datetime(2025, 6, 5)  # dots: day first
    assert parse_date("05/10/2022 17:22", day_first=True)[0] == datetime(2022, 10, 5, 17, 22)
    assert parse_date("12/31/2025", day_first=True)[0] == datetime(2025, 12, 31)  # the only reading there is
    assert parse_date("Board Meeting 9/18/19") == (None, 0)  # two-digit years are left alone
    assert parse_date("10.2003 - 02.2004") == (None, 0)  # months of a period, no day
    assert writes_day_first("en-GB") and writes_day_first("de-AT") and writes_day_first("en-US") is False
    assert writes_day_first("ko-KR") is None and writes_day_first(None) is None


def test_one_clock_time_definition_reads_english_and_korean_times_but_not_durations() -> None:
    from cityclips.transforms.dates import CLOCK_LINE, CLOCK_TIME
    for text in ("8:00am", "1:30 p.m.", "18:00", "Doors open at 6 pm"):
        assert CLOCK_TIME.search(text), text
    for text in ("오후 2시", "14시 30분", "10시부터 접수"):
        assert CLOCK_TIME.search(text), text
    for text in ("2시간 동안 진행", "3 hours", "room 12", "6 pages"):
        assert not CLOCK_TIME.search(text), text
    assert [bool(CLOCK_LINE.match(t)) for t in ("5:30 pm", "(오후 2시)", "14:00", "5:30 pm in the hall", "오후 2시 시청")] \
        == [True, True, True, False, False]


def test_time_ranges_in_both_languages_including_an_hour_range_with_one_half_of_the_day() -> None:
    from cityclips.transforms.dates import TIME_RANGE
    for text in ("2:30 pm – 3:30 pm", "8:30 AM - 10:00 AM", "9 - 11am", "14:00~16:00", "오후 2시~4시"):
        assert TIME_RANGE.search(text), text
    for text in ("2025-12-06", "Pages 9 - 11", "2시간 ~ 3시간 소요", "1 - 2 years"):
        assert not TIME_RANGE.search(text), text
