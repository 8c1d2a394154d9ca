"""Runs of item rows from the DOM: row shapes, titles, dates, pagination, and what is not a listing's row."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.html import parse_html
from cityclips.transforms.listing import MAX_ROW_CHARS, find_date, has_pagination, listing_rows


def rows_of(body: str):
    return listing_rows(parse_html(f"<html><body>{body}</body></html>"))


def test_rows_whose_classes_carry_numbers_are_one_shape():
    # Drupal and board software number each item's class: 'file fid-1265 file-2019-january-pdf'
    items = "".join(f"<div class='file fid-{1200 + i} file-2019-{i}-pdf'><a href='/f/{i}.pdf'>회의록 제{i + 1}차 "
                    f"정기회의</a> 2024.0{i + 1}.15</div>" for i in range(5))
    rows = rows_of(f"<div class='files'>{items}</div>")
    assert len(rows.links) == 5 and rows.dated_rows == 5
    assert rows.links[1].title == "회의록 제2차 정기회의" and rows.links[1].posted_at == datetime(2024, 2, 15)


def test_a_paragraph_of_links_is_a_run_and_a_sentence_with_links_is_not():
    months = ("January", "February", "March", "April")
    links = "<br>".join(f"<span class='file fid-{i}'><a href='/m/{i}.pdf'>{m} 2019</a></span>" for i, m in enumerate(months))
    rows = rows_of(f"<div><h3>2019 Meeting Minutes</h3><p>{links}</p></div>")
    assert [link.title for link in rows.links] == [f"{m} 2019" for m in months]
    prose = ("<p>The board met in <a href='/a'>January 2019</a> and again in <a href='/b'>March 2019</a>, and "
             "it published its <a href='/c'>May 2019</a> minutes after a long public debate about the "
             "budget, the new depot and the fares.</p>")
    assert rows_of(prose).links == ()


def test_a_month_of_a_year_dates_a_row_without_inventing_its_day():
    english = "".join(f"<li><a href='/m{i}'>Board minutes, {m} 2019</a></li>"
                      for i, m in enumerate(("January", "February", "March", "April")))
    korean = "".join(f"<li><a href='/m{i}'>2019년 {i + 1}월 정기회의 회의록</a></li>" for i in range(4))
    for body in (english, korean):
        rows = rows_of(f"<ul>{body}</ul>")
        assert rows.dated_rows == 4 and {link.posted_at for link in rows.links} == {None}


def test_a_card_link_holding_title_date_and_summary_is_titled_by_its_title():
    korean = "".join(f"<div class='item'><a href='/news/{i}'><em class='subject'>어린이 눈건강 지원 {i}차 신청 시작"
                     f"</em><em class='date'>2026-02-0{i + 1} 16:14:05</em><em class='txt'>서울시가 새 학기를 맞아 "
                     f"어린이 눈 건강을 위해 눈 검진과 안경 구입 할인을 지원한다.</em></a></div>" for i in range(4))
    english = "".join(f"<div class='card'><a href='/news/{i}'><h3>Library branch {i} opens</h3><span>May {i + 1}, "
                      f"2024</span><p>The city opened a library branch with a reading room.</p></a></div>"
                      for i in range(4))
    for body, title, day in ((korean, "어린이 눈건강 지원 1차 신청 시작", datetime(2026, 2, 2)),
                             (english, "Library branch 1 opens", datetime(2024, 5, 2))):
        rows = rows_of(f"<div class='list'>{body}</div>")
        assert rows.dated_rows == 4 and (rows.links[1].title, rows.links[1].posted_at) == (title, day)


def test_rows_may_carry_a_summary_of_a_few_sentences():
    summary = "The council approved the plan for the river park and the new bus routes after a public hearing. " * 5
    assert 400 < len(summary) < MAX_ROW_CHARS - 60
    items = "".join(f"<li><a href='/n/{i}'>Council news number {i}</a> 2024-05-0{i + 1} <p>{summary}</p></li>"
                    for i in range(4))
    assert rows_of(f"<ul>{items}</ul>").dated_rows == 4


def test_a_panel_holding_a_table_of_rows_is_not_one_row():
    def table(name: str) -> str:
        rows = "".join(f"<tr><td>{name} meeting</td><td>January {d}, 2019</td><td><a href='/a{d}'>Agenda</a></td></tr>"
                       for d in (11, 18, 25))
        return f"<div class='panel'><h4><a href='#{name}'>{name} committee meetings</a></h4><table>{rows}</table></div>"
    rows = rows_of(f"<div class='panel-group'>{table('Finance')}{table('Audit')}{table('Quality')}</div>")
    assert len(rows.links) == 9 and all(" meeting" in link.title for link in rows.links)


def test_pagination_of_two_pages():
    two = "<div class='paging'><a href='#'><b>1</b></a> <a href='javascript:go(2)'>2</a> <a href='#'><img alt='다음'></a></div>"
    assert has_pagination(parse_html(f"<html><body>{two}</body></html>"))
    assert not has_pagination(parse_html("<html><body><div class='paging'><b>1</b></div></body></html>"))


def test_a_board_table_with_a_header_row_is_headed():
    body = "".join(f"<tr><td>{9 - i}</td><td><a href='v?id={i}'>지원사업 공고 {i}번</a></td><td>중소기업청</td>"
                   f"<td>2012.06.1{i}</td><td>{i * 10}</td></tr>" for i in range(3))
    header = "<tr><th>번호</th><th>지원사업명</th><th>주관기관</th><th>등록일</th><th>조회</th></tr>"
    assert rows_of(f"<table><thead>{header}</thead><tbody>{body}</tbody></table>").headed
    assert not rows_of(f"<table><tbody>{body}</tbody></table>").headed


def test_sidebar_and_comment_rows_are_not_a_listing():
    dated = "".join(f"<li><a href='/n/{i}'>Breaking news story number {i}</a> 11/20/2019</li>" for i in range(6))
    assert len(rows_of(f"<main><ul>{dated}</ul></main>").links) == 6
    assert rows_of(f"<aside><ul>{dated}</ul></aside>").links == ()
    comments = "".join(f"<li class='comment'><a href='/u/{i}'>독자{i}</a> 2024.05.0{i + 1} 좋은 기사 감사합니다. 시에서 "
                       f"빨리 추진했으면 좋겠습니다.</li>" for i in range(6))
    assert rows_of(f"<div id='comments'><ol class='commentlist'>{comments}</ol></div>").links == ()
    assert rows_of(f"<div><ol>{comments.replace('comment', 'item')}</ol></div>").dated_rows == 6


def test_dates_rows_show():
    assert find_date("공지 2024년 5월 1일 조회 3")[0] == datetime(2024, 5, 1)
    assert find_date("Minutes 1 May 2024")[0] == datetime(2024, 5, 1)
    assert find_date("Agenda 5/1/2024")[0] == datetime(2024, 5, 1)
    assert find_date("clip 20240501 id 1963718") == (None, None)  # eight digits are as often an id
