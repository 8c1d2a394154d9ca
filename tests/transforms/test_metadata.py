"""transforms/metadata.py: metadata lines (spaced and glued), attachments, contacts and breadcrumbs."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cityclips.transforms.metadata import (ATTACHMENT_HEADER_RE, MAX_PLAUSIBLE_BYTES, MAX_PLAUSIBLE_COUNT, MetadataFields,
                                 as_contact, find_attachments, find_metadata_run, is_metadata_line, merge_fields, parse_attachment,
                                 parse_breadcrumb, parse_contact, parse_date, parse_field,
                                 parse_metadata_line)
from cityclips.transforms.records import Attachment, Block

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _fields(line: str) -> tuple:
    fields = parse_metadata_line(line)
    return fields.author, fields.published_at, fields.view_count


# --- metadata lines -----------------------------------------------------------------------------

@pytest.mark.parametrize("line, author, published_at, views", [
    ("Name : admin Date : 2020-01-07 13:25 57", "admin", datetime(2020, 1, 7, 13, 25), 57),
    # glued by the scrape: minutes are always two digits, so '14:4975' is 14:49 and 75 views
    ("Name : adminDate : 2020-01-20 14:4975", "admin", datetime(2020, 1, 20, 14, 49), 75),
    ("Name : adminDate : 2019-07-09 10:4532", "admin", datetime(2019, 7, 9, 10, 45), 32),
    ("작성자 : 대변인실 등록일 : 2020-03-02 10:15 조회수 : 1234", "대변인실", datetime(2020, 3, 2, 10, 15), 1234),
    # glued Korean: '2022-03-1411:20' is the 14th at 11:20
    ("작성자 : 대변인실등록일 : 2022-03-1411:20조회수 : 3208", "대변인실", datetime(2022, 3, 14, 11, 20), 3208),
    ("작성자 : 대변인실 등록일 : 2022-03-14 11:20 조회 : 3,208", "대변인실", datetime(2022, 3, 14, 11, 20), 3208),
    # an HTML table row as html_blocks writes it ('th :' labels)
    ("작성자 : 대변인실 등록일 : 2020-03-02 조회수 : 12", "대변인실", datetime(2020, 3, 2), 12),
    ("Writer : admin Date : 2023-03-08 14:20 Hits : 96", "admin", datetime(2023, 3, 8, 14, 20), 96),
    ("Date : 2023.05.02", None, datetime(2023, 5, 2), None),
    ("등록일 : 2023.05.02.", None, datetime(2023, 5, 2), None),
    ("등록일 : 2023년 5월 2일", None, datetime(2023, 5, 2), None),
    ("Date : 2023-05-02", None, datetime(2023, 5, 2, 0, 0), None),
    ("Views : 1,234", None, None, 1234),
])
def test_metadata_line_fields(line: str, author: str | None, published_at: datetime | None,
                              views: int | None) -> None:
    assert is_metadata_line(line)
    assert _fields(line) == (author, published_at, views)


def test_one_field_per_line_metadata_is_merged() -> None:
    lines = ["작성자 : 대변인실", "등록일 : 2020-03-02 10:15", "조회수 : 1234"]
    assert all(is_metadata_line(line) for line in lines)
    merged = MetadataFields()
    for line in lines:
        merged = merge_fields(merged, parse_metadata_line(line))
    assert merged == MetadataFields("대변인실", datetime(2020, 3, 2, 10, 15), 1234)


def test_merge_keeps_the_first_value_and_a_zero_view_count() -> None:
    first = MetadataFields("admin", None, 0)
    second = MetadataFields("someone else", datetime(2020, 1, 7), 99)
    assert merge_fields(first, second) == MetadataFields("admin", datetime(2020, 1, 7), 0)


def test_invalid_calendar_date_is_no_date() -> None:
    assert parse_date("Date : 2020-02-30") == (None, 0)
    assert _fields("Date : 2020-02-30") == (None, None, None)


def test_parse_date_returns_where_the_date_ends() -> None:
    value, end = parse_date("등록일 : 2022-03-1411:20조회수")
    assert value == datetime(2022, 3, 14, 11, 20)
    assert "등록일 : 2022-03-1411:20조회수"[end:] == "조회수"


def test_implausible_view_count_is_dropped() -> None:
    # thirty digits are not a view count, and would overflow the int64 column
    assert _fields("조회수 : " + "9" * 30) == (None, None, None)


@pytest.mark.parametrize("line", [
    "The festival starts on Date : 2023-05-02 at the plaza, the city said.",
    "광주시는 행사 등록일 : 2023-05-02 이후 접수를 시작한다고 밝혔다.",
    "Mayor Lee Yong-sup had a press conference on December 23.",
    "Names and dates of the winners will be announced later.",
    "",
])
def test_body_sentences_are_not_metadata_lines(line: str) -> None:
    assert not is_metadata_line(line)


def test_overlong_line_is_not_metadata() -> None:
    assert not is_metadata_line("Name : admin " + "x" * 300)


# --- attachments -------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("1.jpg[size: 783.2 KB, Download: 1]", Attachment(1, "1.jpg", "jpg", 801997, 1)),  # 783.2 * 1024, rounded
    ("2.jpg[size: 1.89 MB, Download: 0]", Attachment(1, "2.jpg", "jpg", round(1.89 * 1024 ** 2), 0)),
    ("2023년 예산안.hwp[size: 1.2 MB, Download: 12]", Attachment(1, "2023년 예산안.hwp", "hwp", 1258291, 12)),
    ("보도자료.pdf (245 KB)", Attachment(1, "보도자료.pdf", "pdf", 245 * 1024, None)),
    ("hydrogen_bus_plan.pdf [size: 1.85 MB, Download: 14]",
     Attachment(1, "hydrogen_bus_plan.pdf", "pdf", round(1.85 * 1024 ** 2), 14)),
    ("a.pdf[size: 1,234,567 bytes, Download: 1,203]", Attachment(1, "a.pdf", "pdf", 1234567, 1203)),
    ("notice.txt (512 bytes)", Attachment(1, "notice.txt", "txt", 512, None)),
    ("파일.ZIP [size: 2 GB]", Attachment(1, "파일.ZIP", "zip", 2 * 1024 ** 3, None)),
])
def test_attachment_items(line: str, expected: Attachment) -> None:
    assert parse_attachment(line, 1) == expected


def test_attachment_keeps_the_ordinal_it_is_given() -> None:
    assert parse_attachment("3.jpg[size: 484.95 KB, Download: 0]", 3) == Attachment(3, "3.jpg", "jpg", 496589, 0)


@pytest.mark.parametrize("line", [
    "The city spent 1.2 billion won (about 1 MB).",
    "report.pdf",
    "File",
    "see file.pdf (page 3)",
    "광주시는 보고서(245쪽)를 공개했다.",
    "",
])
def test_non_attachments_give_none(line: str) -> None:
    assert parse_attachment(line, 1) is None


def test_attachments_inside_a_metadata_row() -> None:
    row = "조회수 : 1,507 첨부 : 상품권_가맹점_현황.xls [size: 1.32 MB, Download: 63]"
    assert find_attachments(row, 1) == [Attachment(1, "상품권_가맹점_현황.xls", "xls", round(1.32 * 1024 ** 2), 63,
                                                   source="field_row")]


def test_absurd_sizes_do_not_raise_and_give_no_size() -> None:
    # 400 digits make float('inf'); round(inf) used to raise OverflowError
    assert find_attachments("x.pdf[size: " + "9" * 400 + " KB]", 1) == [Attachment(1, "x.pdf", "pdf", None, None,
                                                                                source="field_row")]
    huge = parse_attachment("x.pdf[size: " + "9" * 150 + " GB]", 1)
    assert huge is not None and huge.size_bytes is None


@pytest.mark.parametrize("line", ["File", "Files", "첨부파일", "첨부 파일", "Attachments (3)", "첨부파일 :", "첨부"])
def test_attachment_header(line: str) -> None:
    assert ATTACHMENT_HEADER_RE.match(line)


@pytest.mark.parametrize("line", ["File name", "Files for download", "파일을 내려받으세요", "Profile"])
def test_not_an_attachment_header(line: str) -> None:
    assert not ATTACHMENT_HEADER_RE.match(line)


# --- contacts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Department of Policy Planning : +82-(0)62-613-2321", ("Department of Policy Planning", "+82-(0)62-613-2321")),
    ("담당부서 : 인공지능산업과 ☎ 062-613-3871", ("인공지능산업과", "062-613-3871")),
    ("문의 : 교통정책과 (062-613-4321)", ("교통정책과", "062-613-4321")),
    ("문의 교통정책과 062-613-4321", ("교통정책과", "062-613-4321")),
    ("Contact : Transport Division 062-613-4321", ("Transport Division", "062-613-4321")),
    ("Inquiries: AI Industry Division, +82-62-613-3871", ("AI Industry Division", "+82-62-613-3871")),
    ("관광과 축제팀 055-225-3691", ("관광과 축제팀", "055-225-3691")),
    ("문의: 광주광역시 일자리정책과 062)613-2321", ("광주광역시 일자리정책과", "062)613-2321")),
])
def test_contact_lines(line: str, expected: tuple[str, str]) -> None:
    assert parse_contact(line) == expected


@pytest.mark.parametrize("line", [
    "광주시는 2020년 1,234명의 일자리를 만들었다.",
    "The population reached 1,441,970 people in 2023.",
    "The budget rose to 062-613-2321 won.",
    "For details, call the Transport Division at 062-613-4321.",
    "Tel. 062-613-3871",
    "Department of Policy Planning",
])
def test_not_contacts(line: str) -> None:
    assert parse_contact(line) is None


# --- breadcrumbs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line, last", [
    ("홈 > 광주소식 > 보도자료", "보도자료"),
    ("Home > News > News Clips", "News Clips"),
    ("Home › Tourism › Festivals", "Festivals"),
    ("HOME > 전주소식 > 시정소식", "시정소식"),
])
def test_breadcrumbs(line: str, last: str) -> None:
    assert parse_breadcrumb(line) == last


@pytest.mark.parametrize("line", [
    "광주광역시는 23일 인공지능 산업 육성 계획을 발표했다.",
    "Home",
    "홈",
    "The score was 3 > 2 at home.",
    "Home/away matches will be played at the Gwangju World Cup Stadium.",
    "홈 > ",
])
def test_not_breadcrumbs(line: str) -> None:
    assert parse_breadcrumb(line) is None


# --- properties -----------------------------------------------------------------------------------

@PROPERTY
@given(st.text(max_size=250))
def test_parsers_never_raise_on_any_text(text: str) -> None:
    fields = parse_metadata_line(text)
    assert fields.view_count is None or 0 <= fields.view_count <= MAX_PLAUSIBLE_COUNT
    is_metadata_line(text)
    for attachment in [parse_attachment(text, 1), *find_attachments(text, 1)]:
        if attachment is not None:
            assert attachment.size_bytes is None or 0 <= attachment.size_bytes <= MAX_PLAUSIBLE_BYTES
            assert attachment.downloads is None or 0 <= attachment.downloads <= MAX_PLAUSIBLE_COUNT
    contact = parse_contact(text)
    assert contact is None or (contact[0] and contact[1])
    crumb = parse_breadcrumb(text)
    assert crumb is None or crumb.strip()


METADATA_PARTS = st.sampled_from(["Name", "Date", "Views", "작성자", "등록일", "조회수", " : ", ":", "admin", "대변인실",
                                  "2020-01-20", "14:49", "75", "2022-03-14", "11:20", "3208", " ", "|", "2023.05.02."])


@PROPERTY
@given(st.lists(METADATA_PARTS, max_size=20).map("".join))
def test_parsers_give_only_what_the_text_holds_on_metadata_like_text(text: str) -> None:
    fields = parse_metadata_line(text)
    # an author is words of the line; a date is one of the parts' dates; a count is a number written in it
    assert fields.author is None or fields.author in text
    for when in (fields.published_at, fields.modified_at):
        assert when is None or when.strftime("%Y-%m-%d") in {"2020-01-20", "2022-03-14", "2023-05-02"}
    assert fields.view_count is None or (0 <= fields.view_count <= MAX_PLAUSIBLE_COUNT
                                         and str(fields.view_count) in text.replace(",", ""))
    # a line without a label is never metadata, whatever it holds
    assert not is_metadata_line(text) or any(label in text for label in ("Name", "Date", "Views", "작성자", "등록일", "조회수"))
    attachment = parse_attachment(text, 1)
    assert attachment is None or (attachment.ordinal == 1 and attachment.name in text)
    contact = parse_contact(text)
    assert contact is None or (contact[0] and contact[1].strip("()") in text)


DATES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31, 23, 59)).map(
    lambda d: d.replace(second=0, microsecond=0))


@PROPERTY
@given(st.sampled_from(["admin", "webmaster", "대변인실", "인공지능산업과"]), DATES, st.integers(0, 99_999))
def test_glued_english_line_round_trips(author: str, when: datetime, views: int) -> None:
    line = f"Name : {author}Date : {when:%Y-%m-%d %H:%M}{views}"
    assert _fields(line) == (author, when, views)


@PROPERTY
@given(st.sampled_from(["대변인실", "교통정책과", "admin"]), DATES, st.integers(0, 9_999_999))
def test_glued_korean_line_round_trips(author: str, when: datetime, views: int) -> None:
    line = f"작성자 : {author}등록일 : {when:%Y-%m-%d%H:%M}조회수 : {views:,}"
    assert _fields(line) == (author, when, views)


@PROPERTY
@given(DATES, st.integers(0, 99_999))
def test_spaced_line_round_trips(when: datetime, views: int) -> None:
    assert _fields(f"Name : admin Date : {when:%Y-%m-%d %H:%M} {views}") == ("admin", when, views)


@PROPERTY
@given(st.sampled_from(["1.jpg", "2023년 예산안.hwp", "보도자료 (최종).pdf", "plan_v2.xlsx", "사진 01.png"]),
       st.integers(1, 99_999), st.sampled_from(["KB", "MB", "GB", "bytes"]), st.integers(0, 9_999))
def test_attachment_size_round_trips(name: str, hundredths: int, unit: str, downloads: int) -> None:
    multiplier = {"KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3, "bytes": 1}[unit]
    number = f"{hundredths / 100:.2f}" if unit != "bytes" else str(hundredths)
    attachment = parse_attachment(f"{name}[size: {number} {unit}, Download: {downloads}]", 2)
    assert attachment == Attachment(2, name, name.rsplit(".", 1)[1].lower(), round(float(number) * multiplier),
                                    downloads)


# --- bylines, board fields and departments of real pages ------------------------------------------

@pytest.mark.parametrize("line, fields", [
    # Korean news bylines (ndsoft and similar CMSs): bare labels, the date right after them
    ("입력 2025.12.06 16:43 수정 2025.12.07 09:10",
     MetadataFields(published_at=datetime(2025, 12, 6, 16, 43), modified_at=datetime(2025, 12, 7, 9, 10))),
    ("기사입력 2025-12-06(토) 오후 4:43", MetadataFields(published_at=datetime(2025, 12, 6, 16, 43))),
    ("입력 : 2025-05-28 01:05:24", MetadataFields(published_at=datetime(2025, 5, 28, 1, 5))),
    ("업데이트 2025.12.07 09:10", MetadataFields(modified_at=datetime(2025, 12, 7, 9, 10))),
    ("기자명 홍길동 기자", MetadataFields(author="홍길동 기자")),
    # board fields: the department that registered the page, and its phone apart from it
    ("등록부서 : 대변인실 등록일 : 2024-01-05", MetadataFields("대변인실", datetime(2024, 1, 5), department="대변인실")),
    ("담당부서 : 교통정책과 연락처 : 062-613-4321",
     MetadataFields("교통정책과", department="교통정책과", phone="062-613-4321")),
    ("작성자 : 홍길동 담당부서 : 교통정책과", MetadataFields("홍길동", department="교통정책과")),
    # English bylines
    ("Posted December 6, 2025 by admin", MetadataFields("admin", datetime(2025, 12, 6))),
    ("By Kim Min-ji | April 1, 2024 9:30 AM", MetadataFields("Kim Min-ji", datetime(2024, 4, 1, 9, 30))),
    ("Published: 2024-04-01 Updated: 2024-04-02", MetadataFields(published_at=datetime(2024, 4, 1),
                                                                  modified_at=datetime(2024, 4, 2))),
])
def test_bylines_and_board_fields(line: str, fields: MetadataFields) -> None:
    assert parse_metadata_line(line) == fields
    # a line with a date, or a 'Label :' of a person, is metadata on its own; a bare name or a department
    # only beside other fields (a contact footer starts with 담당부서 too)
    alone = fields.published_at or fields.modified_at or line.startswith(("작성자 :", "등록부서"))
    assert is_metadata_line(line) == bool(alone)


@pytest.mark.parametrize("line", [
    "등록 기간은 2025.12.06까지입니다.",  # the word, not a label: no date right after it
    "입력한 정보는 2025년 12월까지 보관됩니다.",
    "수정 사항은 없습니다.",
    "Hotel : 5 rooms",  # 'tel :' inside a word is not a label
    "담당부서 : 교통정책과 ☎ 062-613-4321",  # a contact footer, not metadata
])
def test_prose_and_contact_footers_are_not_bylines(line: str) -> None:
    assert not is_metadata_line(line)


def test_find_metadata_run_says_which_shape_the_fields_came_in() -> None:
    cells = [Block(1, "광주시, 시내버스 노선 개편", "heading"), Block(2, "작성자 : 대변인실 등록일 : 2024-01-05", "cell")]
    run = find_metadata_run(cells)
    assert (run.start, run.end, run.source, run.fields.author) == (1, 2, "board_table", "대변인실")
    byline = [Block(1, "기자명 홍길동 기자", "li"), Block(2, "입력 2025.12.06 16:43", "li"), Block(3, "댓글 0", "li")]
    run = find_metadata_run(byline)
    assert (run.start, run.end, run.source) == (0, 2, "byline")
    assert find_metadata_run([Block(1, "Name : adminDate : 2020-01-20 14:4975")]).source == "text_line"
    assert find_metadata_run([Block(1, "담당부서 : 교통정책과 ☎ 062-613-4321")]) is None


def test_an_events_field_list_is_content_not_a_byline() -> None:
    meeting = [Block(1, "Board Meeting", "title"), Block(2, "Date: November 13, 2018 2:30 pm – 3:30 pm", "p"),
               Block(3, "Room 200, City Hall", "p")]
    assert find_metadata_run(meeting) is None
    festival = [Block(1, "날짜 : 2025.10.3.(금) 14:00~16:00", "p"), Block(2, "장소 : 5·18민주광장", "p")]
    assert find_metadata_run(festival) is None
    notice = [Block(1, "일시 : 2025.10.3.(금) 14:00~16:00", "p"), Block(2, "등록일 : 2025.09.01", "p"),
              Block(3, "□ 일시 : 2025.10.3.(금) 14:00~16:00", "p")]
    assert find_metadata_run(notice).fields.published_at == datetime(2025, 9, 1)  # the notice's own date
    named = [Block(1, "Howard Street Commissioners Meeting", "title"),
             Block(2, "Name: Howard Street Commissioners Meeting", "p"), Block(3, "Date: November 20, 2019", "p")]
    assert find_metadata_run(named) is None
    timed = [Block(1, "Date: November 20, 2019", "p"), Block(2, "Time: 8:30 AM - 10:00 AM CST", "p")]
    assert find_metadata_run(timed) is None


def test_a_press_release_dateline_gives_its_date_and_an_event_schedule_does_not() -> None:
    from cityclips.transforms.metadata import parse_dateline
    assert parse_dateline("Schengen, 3. Juli 2018 — Aussendung") == datetime(2018, 7, 3)
    assert parse_dateline("SEOUL, Dec. 6, 2025") == datetime(2025, 12, 6)
    assert parse_dateline("광주, 2025.12.06") == datetime(2025, 12, 6)
    assert parse_dateline("Tue, Jul 30 2024, 9 - 11am") is None  # an event's schedule
    assert parse_dateline("Monday, December 6, 2025") is None  # a weekday leads an event's date
    assert parse_dateline("세종, 2025.12.01 ~ 2025.12.31") is None  # a period
    assert parse_dateline("Kim, who arrived on 3 July 2018, said the plan would work.") is None


def test_a_date_field_followed_by_a_time_or_a_place_is_an_events_date() -> None:
    """A date alone, then a clock time or a place a few fields on, is when and where an event
    happens (content), in both languages; under a posting label it stays the page's own date."""
    summit = [Block(1, "Date/Time", "heading"), Block(2, "Date(s) - 09.26.2019", "p"), Block(3, "5:30 pm", "p")]
    assert find_metadata_run(summit) is None
    sfbos = [Block(1, "Date:", "p"), Block(2, "Monday, March 22, 2021 - 4:30pm", "p"), Block(3, "Location:", "p"),
             Block(4, "Cancelled", "p")]
    assert find_metadata_run(sfbos) is None
    festival = [Block(1, "날짜 : 2025.10.3.(금)", "p"), Block(2, "오후 2시", "p"), Block(3, "장소 : 5·18민주광장", "p")]
    assert find_metadata_run(festival) is None
    posted = [Block(1, "등록일 : 2025.09.01", "p"), Block(2, "장소 : 5·18민주광장", "p")]
    assert find_metadata_run(posted).fields.published_at == datetime(2025, 9, 1)
    news = [Block(1, "Posted: September 1, 2025", "p"), Block(2, "Location: City Hall", "p")]
    assert find_metadata_run(news).fields.published_at == datetime(2025, 9, 1)


@pytest.mark.parametrize("line, author, published", [
    ("January 17, 2017 at 6:08 PM ET by Kori Schulman", "Kori Schulman", datetime(2017, 1, 17, 18, 8)),
    ("2025.12.06 16:43 홍길동 기자", "홍길동", datetime(2025, 12, 6, 16, 43)),
])
def test_a_byline_that_starts_with_its_date_and_names_its_writer_after_it(line: str, author: str,
                                                                         published: datetime) -> None:
    run = find_metadata_run([Block(1, "Headline of the story", "title"), Block(2, line, "p"), Block(3, "Body text.", "p")])
    assert (run.start, run.end, run.fields.author, run.fields.published_at) == (1, 2, author, published)


@pytest.mark.parametrize("line", [
    "May 3, 2024 by the end of the year the new library will open",  # prose after a date
    "2025.12.06 시청 광장에서 홍길동 시장이 발표했다",  # a sentence, no '기자'
    "November 13, 2018 2:30 pm – 3:30 pm by Zoom",  # an event's time range
])
def test_a_line_that_starts_with_a_date_but_names_no_writer_is_no_byline(line: str) -> None:
    assert find_metadata_run([Block(1, line, "p")]) is None


@pytest.mark.parametrize("date_line, place_line", [
    ("Release date: 2025-03-04", "Location: City Hall, Room 200"),
    ("보도일 : 2025-03-04", "장소 : 시청 3층 대회의실"),
])
def test_a_date_under_any_posting_word_is_the_pages_even_beside_a_place(date_line: str, place_line: str) -> None:
    """dates' posting vocabulary (published and modified words) is the one metadata's event test reads."""
    run = find_metadata_run([Block(1, "Council adopts the 2026 budget", "title"), Block(2, date_line, "p"),
                             Block(3, place_line, "p")])
    assert run is not None and run.fields.published_at == datetime(2025, 3, 4)


# --- round 9 (meta9): a department given with a phone number is the contact, not the author --------------------

@pytest.mark.parametrize("lines, contact", [
    (("등록일 : 2025.03.17", "담당부서 : 사회복지과", "연락처 : 031-678-2247"), ("사회복지과", "031-678-2247")),
    (("Date : 2025-03-17", "Department : Port Logistics Division", "Phone : 032-440-4521"),
     ("Port Logistics Division", "032-440-4521"))])
def test_a_department_with_a_phone_is_the_contact_and_no_longer_the_author(lines: tuple[str, ...],
                                                                          contact: tuple[str, str]) -> None:
    fields = MetadataFields()
    for line in lines:
        fields = merge_fields(fields, parse_metadata_line(line))
    assert fields.author == contact[0]  # the department alone still names the author
    rest, found = as_contact(fields)
    assert (found, rest.author, rest.published_at.day) == (contact, None, 17)


@pytest.mark.parametrize("lines, author", [(("작성자 : 김산", "담당부서 : 사회복지과", "연락처 : 031-678-2247"), "김산"),
                                           (("Author : Kim San", "Department : Welfare", "Tel : 031-678-2247"), "Kim San")])
def test_a_writer_named_beside_the_contact_department_stays_the_author(lines: tuple[str, ...], author: str) -> None:
    fields = MetadataFields()
    for line in lines:
        fields = merge_fields(fields, parse_metadata_line(line))
    assert as_contact(fields)[0].author == author


def test_a_phone_fields_value_is_its_number_without_an_extension_note() -> None:
    assert parse_field("전화번호", "1661-1357(내선 2)").phone == "1661-1357"
    assert parse_field("Phone", "(310) 732-3444 ext. 2").phone == "(310) 732-3444"
    assert parse_field("연락처", "3476").phone == "3476"


@pytest.mark.parametrize("header, row", [("Name : Purpose : Expires :", "Name : _ga Purpose : analytics Expires : 2 years"),
                                         ("작성자 : 용도 : 보존기간 :", "작성자 : 홍길동 용도 : 분석 보존기간 : 2년")])
def test_a_tables_header_row_of_column_names_gives_no_field(header: str, row: str) -> None:
    assert parse_metadata_line(header).author is None
    assert find_metadata_run([Block(1, header, "cell")]) is None
    assert parse_metadata_line(row).author is not None  # a row with values still gives its field


@pytest.mark.parametrize("line, phone", [("■교육 및 신청문의 : 062-611-5190", "062-611-5190"),
                                         ("- 사업 관련 문의 : 02-3460-5688 / shlucia@nrf.re.kr", "02-3460-5688"),
                                         ("Phone: 517-284-6135", "517-284-6135"),
                                         ("Contact: (310) 732-3444", "(310) 732-3444")])
def test_an_inquiry_line_gives_the_number_after_its_label(line: str, phone: str) -> None:
    from cityclips.transforms.metadata import parse_inquiry
    assert parse_inquiry(line) == phone


@pytest.mark.parametrize("line", ["문의사항이 있으면 홈페이지 게시판에 남겨 주시기 바랍니다 062-611-5190",  # no label before it
                                  "Members of the public can provide a live comment by calling (310) 732-3444. " * 2,
                                  "Phone: see the list of offices below"])
def test_a_sentence_or_a_label_without_a_number_is_no_inquiry_line(line: str) -> None:
    from cityclips.transforms.metadata import parse_inquiry
    assert parse_inquiry(line) is None
