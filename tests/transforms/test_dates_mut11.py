"""Dates at their edges (transforms/dates.py), written for the survivors of its first mutation run (issue 19, round
11): the half of the day, clocks in words, the year bounds, which of two dates is the page's, year-last numeric dates
on month-first and day-first pages, markup dates and their offsets, languages that write the day first, date labels
at their length bounds, URL days, and lines that say when, in Korean and English.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.dates import (MAX_DATE_LABEL_CHARS, MAX_MARKUP_DATE_CHARS, classify_date_label,
                                        is_time_span, is_when_line, parse_date, parse_markup_date, parse_url_date,
                                        writes_day_first)


@pytest.mark.parametrize("text, expected", [
    ("2025.12.06 오후 12:30", datetime(2025, 12, 6, 12, 30)),  # noon stays noon
    ("2025.12.06 오후 4:43", datetime(2025, 12, 6, 16, 43)),
    ("2025.12.06 오전 11:05", datetime(2025, 12, 6, 11, 5)),
    ("2025-12-06 4:43 p.m.", datetime(2025, 12, 6, 16, 43)),
    ("2025-12-06 4:43 PM", datetime(2025, 12, 6, 16, 43)),
    ("2025-12-06 12:30 PM", datetime(2025, 12, 6, 12, 30)),
    ("2025-12-06 12:30 a.m.", datetime(2025, 12, 6, 0, 30)),
    ("2025-12-06 9:15 am", datetime(2025, 12, 6, 9, 15)),
    ("December 6, 2025, 12:05 AM", datetime(2025, 12, 6, 0, 5)),
    ("2025년 3월 5일 15시 25분", datetime(2025, 3, 5, 15, 25)),
    ("2025년 3월 5일(수) 오후 2시", datetime(2025, 3, 5, 14, 0)),
    ("2025년 3월 5일 9시", datetime(2025, 3, 5, 9, 0)),
    ("2025-03-05", datetime(2025, 3, 5, 0, 0)),  # no clock: midnight
])
def test_the_clock_and_the_half_of_the_day_in_both_languages(text: str, expected: datetime) -> None:
    assert parse_date(text)[0] == expected


def test_years_before_1990_are_placeholders() -> None:
    assert parse_date("1990-01-01")[0] == datetime(1990, 1, 1)
    assert parse_date("1989-12-31") == (None, 0)
    assert parse_date("December 31, 1989") == (None, 0)
    assert parse_date("01/02/1990")[0] == datetime(1990, 1, 2)
    assert parse_date("01/02/1989") == (None, 0)


def test_the_first_date_in_the_line_is_the_pages_whatever_its_kind() -> None:
    assert parse_date("Updated December 3, 2025 (posted 2024-01-05)")[0] == datetime(2025, 12, 3)
    assert parse_date("Updated 12/03/2025 (posted 2024-01-05)")[0] == datetime(2025, 12, 3)
    assert parse_date("수정 2025-12-03, 최초 게시 December 1, 2024")[0] == datetime(2025, 12, 3)
    assert parse_date("Posted 2024-13-45 or March 3, 2024")[0] == datetime(2024, 3, 3)  # an impossible first one


def test_the_end_of_a_date_is_where_the_line_goes_on() -> None:
    text = "입력 2025.12.06 16:43 조회 75"
    value, end = parse_date(text)
    assert value == datetime(2025, 12, 6, 16, 43) and text[end:] == " 조회 75"
    text = "Posted December 6, 2025 at 9:05 am by Jane Doe"
    assert text[parse_date(text)[1]:] == " by Jane Doe"
    text = "Posted 06/05/2025 9:00 AM by the clerk"
    assert text[parse_date(text)[1]:] == " by the clerk"


def test_year_last_dates_on_month_first_and_day_first_pages() -> None:
    assert parse_date("12/05/2025")[0] == datetime(2025, 12, 5)  # month first: December
    assert parse_date("13/05/2025")[0] == datetime(2025, 5, 13)  # a first number over 12 is a day
    assert parse_date("05.06.2025", day_first=False)[0] == datetime(2025, 5, 6)  # a month-first page writing dots
    assert parse_date("05/12/2025", day_first=True)[0] == datetime(2025, 12, 5)
    assert parse_date("12/05/2025", day_first=True)[0] == datetime(2025, 5, 12)
    assert parse_date("05/13/2025", day_first=True)[0] == datetime(2025, 5, 13)  # a month of 13: the other reading
    assert parse_date("13/14/2025") == (None, 0)  # no month either way
    assert parse_date("05-06-2025")[0] == datetime(2025, 5, 6)


def test_markup_dates_at_the_length_bound() -> None:
    text = "Posted on 2025-12-06 16:43 by the city's press office, "
    text += "x" * (MAX_MARKUP_DATE_CHARS - len(text))
    assert parse_markup_date(text) == (datetime(2025, 12, 6, 16, 43), True, False)
    assert parse_markup_date(text + "x") is None
    assert parse_markup_date("  2025-12-06T16:43:00+09:00  ") == (datetime(2025, 12, 6, 16, 43), True, False)
    assert parse_markup_date(None) is None and parse_markup_date("   ") is None


def test_markup_dates_in_utc_and_other_offsets() -> None:
    assert parse_markup_date("2025-12-06T07:43:00z") == (datetime(2025, 12, 6, 7, 43), True, True)
    assert parse_markup_date("2025-12-06T07:43:00+00:00") == (datetime(2025, 12, 6, 7, 43), True, True)
    assert parse_markup_date("2025-12-06T16:43:00.123+09:00") == (datetime(2025, 12, 6, 16, 43), True, False)
    assert parse_markup_date("2025-12-06 16:43:00.5 +0900") == (datetime(2025, 12, 6, 16, 43), True, False)
    assert parse_markup_date("2025-12-06 07:43:00 +0000") == (datetime(2025, 12, 6, 7, 43), True, True)
    assert parse_markup_date("2025-12-06 07:43:00.5 +0000") == (datetime(2025, 12, 6, 7, 43), True, True)  # a fraction
    assert parse_markup_date("Sat, 06 Dec 2025 16:43:00 +0900") == (datetime(2025, 12, 6, 16, 43), True, False)


def test_markup_dates_outside_the_years_of_web_pages_are_none() -> None:
    assert parse_markup_date("1990-01-01") == (datetime(1990, 1, 1), False, False)
    assert parse_markup_date("2100-12-31T23:00:00") == (datetime(2100, 12, 31, 23, 0), True, False)
    assert parse_markup_date("1989-12-31") is None
    assert parse_markup_date("2101-01-01") is None
    assert parse_markup_date("Mon, 01 Jan 1985 10:00:00 GMT") is None


def test_plain_markup_dates_read_the_day_as_the_page_writes_it() -> None:
    assert parse_markup_date("05/06/2025") == (datetime(2025, 5, 6), False, False)
    assert parse_markup_date("05/06/2025", day_first=True) == (datetime(2025, 6, 5), False, False)
    assert parse_markup_date("2025년 12월 6일 오후 4:43") == (datetime(2025, 12, 6, 16, 43), True, False)


@pytest.mark.parametrize("lang, day_first", [
    ("en", False), ("en-US", False), ("EN_us", False), (" en-PH ", False), ("en-US-POSIX", False),
    ("en-GB", True), ("en_AU", True), ("en-IN", True), ("fr", True), ("de-AT", True), ("es-US", True),
    ("ko", None), ("ko-KR", None), ("ja-JP", None), ("zh-Hant", None), ("", None), (None, None),
])
def test_which_languages_write_the_day_first(lang: str | None, day_first: bool | None) -> None:
    assert writes_day_first(lang) is day_first


@pytest.mark.parametrize("label, kind", [
    ("Posted:", "published"), ("- 등록일 -", "published"), ("| Date |", "generic"), ("수정일：", "modified"),
    ("Date   posted", "published"), ("\tUpdated\n", "modified"),
    ("Meeting", "event"), ("행사", "event"), ("Meeting room", None), ("Meeting date", "event"),
    ("Deadline", "deadline"), ("Apply online", None), ("Closing date", "deadline"), ("마감", "deadline"),
    ("Date of final post", "published"), ("Date of the final post", None),  # four words, then five
    ("Original publishing date", "published"), ("Original publication date", None),  # 24 characters, then 25
    ("촬영일자", "other"), ("", None), (" : ", None),
])
def test_date_labels_at_their_bounds_in_both_languages(label: str, kind: str | None) -> None:
    assert classify_date_label(label) == kind


def test_the_label_length_bound_is_24_characters() -> None:
    assert len("Original publishing date") == MAX_DATE_LABEL_CHARS


@pytest.mark.parametrize("url, day", [
    ("https://x.org/2019/02/30/2019/03/01/", datetime(2019, 3, 1)),  # an impossible day, then a real one
    ("https://x.org/20198-2/2019/03/02/", datetime(2019, 3, 2)),  # a run without one separator, then a day
    ("https://x.org/2019/0802/2019/03/03/", datetime(2019, 3, 3)),
    ("https://x.org/1989/01/02/old", None), ("https://x.org/1990/01/02/old", datetime(1990, 1, 2)),
    ("https://x.org/news_2019_08_02_slug", datetime(2019, 8, 2)),
    ("https://x.org/news/20190802.html", datetime(2019, 8, 2)),
    ("https://x.org/2019-8-2/slug", datetime(2019, 8, 2)),
    ("//x.org/2019/08/02/", datetime(2019, 8, 2)),
    ("x.org/2019/08/02/", None),  # no scheme or host: not a URL's path
])
def test_url_days_in_more_shapes(url: str, day: datetime | None) -> None:
    assert parse_url_date(url) == day


@pytest.mark.parametrize("text, when", [
    ("Friday, June 5, 2020", True), ("8:00am", True), ("2025년 3월 5일(수)", True), ("오후 2시", True),
    ("14:00", True), ("Friday", False), ("Room 12", False), ("2시간 소요", False), ("오후", False),
])
def test_lines_that_say_when(text: str, when: bool) -> None:
    assert is_when_line(text) is when


@pytest.mark.parametrize("text, span", [
    ("9:00 AM - 11:00 AM", True), ("9 - 11am", True), ("9 - 11AM", True), ("9:00 a.m. to 12:00 noon", True),
    ("오후 2시 ~ 4시", True), ("14:00~16:00", True), ("10시부터 12시", True),
    ("pages 12 - 13", False), ("9:00 - 11", False), ("12 - 3:30", False), ("1990 - 2000", False), ("", False),
])
def test_spans_of_the_day_in_both_languages(text: str, span: bool) -> None:
    assert is_time_span(text) is span
