"""Heading-tagged lines that head no section (round 9): a field's label, a date, the title again, a last heading."""
from __future__ import annotations

from cityclips.transforms.records import Block, CleanPage, Metadata
from cityclips.transforms.segment import segment_page


def kinds(lines: list[tuple[str, str]], title: str | None = None) -> list[tuple[str, str]]:
    body = tuple(Block(i, text, hint, blank_before=True) for i, (hint, text) in enumerate(lines, start=1))
    page = CleanPage("page.html", "html", Metadata(title=title), body, (), ())
    return [(s.kind, s.text) for s in segment_page(page) if s.kind != "title"]


def test_a_short_label_ending_in_a_colon_is_a_field_not_a_heading() -> None:
    assert kinds([("heading", "Location:"), ("p", "Manuel J. Maloof Auditorium, 1300 Commerce Drive"),
                  ("heading", "신청 기간:"), ("p", "2025. 6. 18. ~ 6. 24.")])[::2] == [
        ("paragraph", "Location:"), ("paragraph", "신청 기간:")]


def test_a_long_line_ending_in_a_colon_stays_a_heading() -> None:
    # f211's 'How you can keep following the President, ...:' heads the list under it
    assert kinds([("heading", "How you can keep following the President and other officials:"),
                  ("li", "On Twitter at the new account")])[0][0] == "heading"


def test_a_heading_that_says_only_when_is_a_field() -> None:
    assert kinds([("heading", "May 9 @ 1:30 pm - 4:00 pm"), ("p", "The committee meets in Room C of the hall."),
                  ("heading", "2025년 3월 5일(수) 오후 2시"), ("p", "시청 대회의실에서 설명회가 열립니다.")])[::2] == [
        ("paragraph", "May 9 @ 1:30 pm - 4:00 pm"), ("paragraph", "2025년 3월 5일(수) 오후 2시")]


def test_a_heading_with_a_date_and_words_stays_a_heading() -> None:
    assert [k for k, _ in kinds([("heading", "Budget 2025 at a glance"), ("p", "The city spends more on parks."),
                                 ("heading", "2025년 주요 업무계획"), ("p", "시는 올해 다섯 가지 사업을 추진한다."),
                                 ("heading", "PM 2.5"), ("p", "초미세먼지 농도가 높아 외출을 자제해 주십시오."),
                                 ("heading", "March 2025 market days"), ("p", "The market opens on Saturdays.")])] == [
        "heading", "paragraph"] * 4


def test_a_heading_before_the_content_that_holds_the_whole_title_is_the_title_again() -> None:
    english = kinds([("heading", "Illinois Commerce Commission Regular Open Meeting"), ("p", "160 North LaSalle Street"),
                     ("heading", "Agenda of the Regular Open Meeting"), ("p", "Items are heard in order.")],
                    title="Regular Open Meeting")
    assert [k for k, _ in english] == ["paragraph", "paragraph", "heading", "paragraph"]  # a later one is a section
    korean = kinds([("heading", "광주광역시 2025년 예산안 발표"), ("p", "시는 7조 1천억 원 규모의 예산안을 발표했다.")],
                   title="2025년 예산안 발표")
    assert korean[0] == ("paragraph", "광주광역시 2025년 예산안 발표")


def test_a_heading_that_ends_the_body_heads_nothing() -> None:
    assert kinds([("p", "The council approved the budget on Monday evening."), ("heading", "Share this page")])[-1] == \
        ("paragraph", "Share this page")
    assert kinds([("p", "공동주택 장기수선계획 조정 결과를 알려드립니다."), ("heading", "비밀번호")])[-1] == ("paragraph", "비밀번호")
    assert kinds([("heading", "개요"), ("p", "시는 올해 다섯 가지 사업을 추진한다.")])[0] == ("heading", "개요")
