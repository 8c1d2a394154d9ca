"""Round 13 (kinds13): rows a text element holds as lines of links, dated by the line they stand on."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.html import parse_html
from cityclips.transforms.listing import listing_rows


def rows_of(body: str):
    return listing_rows(parse_html(f"<html><body>{body}</body></html>"))


def test_an_inline_row_is_dated_by_the_rest_of_its_line_english():
    # an opinions page: each line a linked case name, then its citation and its day (outside the link)
    cases = [("People of Guam v. Ben Castro Crisostomo, Defendant", "May 29, 2026"),
             ("Guam Waterworks Authority v. Civil Service Commission", "May 7, 2026"),
             ("Port Authority of Guam v. Guam Industrial Services", "March 20, 2026"),
             ("People of Guam v. Louis Anthony Vargas, Defendant", "March 5, 2026")]
    lines = "".join(f"<a href='/op/{i}.pdf'>{name}</a>, 2026 Guam {4 - i}, {day}<br><br>"
                    for i, (name, day) in enumerate(cases))
    rows = rows_of(f"<div><h2>Supreme Court Opinions</h2><p>{lines}</p></div>")
    assert len(rows.links) == 4 and rows.dated_rows == 4
    assert rows.links[0].posted_at == datetime(2026, 5, 29) and rows.links[3].posted_at == datetime(2026, 3, 5)
    assert rows.links[1].title == "Guam Waterworks Authority v. Civil Service Commission"


def test_an_inline_row_is_dated_by_the_date_before_its_link_korean():
    # a Korean board written as lines: '2025.05.19 <a>제목</a><br>'
    titles = ("시청 앞 광장 공원 개방 시간 변경 안내", "하반기 시민 안전 교육 참가자 모집 공고",
              "도시철도 2호선 공사 구간 교통 통제 안내", "시립도서관 휴관일 운영 변경 알림")
    lines = "".join(f"2025.05.{19 - i} <a href='/board/view?id={i}'>{title}</a><br>" for i, title in enumerate(titles))
    rows = rows_of(f"<div><h3>공지사항</h3><p>{lines}</p></div>")
    assert rows.dated_rows == 4
    assert [link.posted_at for link in rows.links] == [datetime(2025, 5, 19 - i) for i in range(4)]


def test_a_line_dates_only_its_own_link_and_an_undated_line_leaves_its_row_undated():
    # two links on one line: the date after the second is its line's, not the first's; a line without a date
    # dates nothing
    body = ("<p><a href='/a'>Annual report of the parks board</a> <a href='/b'>Budget hearing notice for the year</a>"
            " 2025-05-19<br><a href='/c'>Contact the parks department office</a><br>"
            "<a href='/d'>Volunteer programmes in the city parks</a><br></p>")
    rows = rows_of(body)
    dates = {link.title: link.posted_at for link in rows.links}
    assert dates.get("Budget hearing notice for the year") == datetime(2025, 5, 19)
    assert dates.get("Annual report of the parks board") is None
    assert dates.get("Contact the parks department office") is None
