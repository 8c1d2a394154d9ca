"""Runs of item rows from the DOM: row shapes, titles, dates, pagination, and what is not a listing's row."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.html import parse_html
from cityclips.transforms.listing import MAX_ROW_CHARS, find_date, has_pagination, listing_rows, text_of


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


def test_a_rows_length_is_its_visible_text_not_its_indentation():
    # a job board's row: 150 characters of text in hundreds of tabs and newlines, its dates at the end
    pad = "\n" + "\t" * 40
    for fields in (f"월급 218 만원{pad}경력무관{pad}학력무관{pad}마감일 : 2026-04-01{pad}등록일 : 2026-03-18",
                   f"Salary $40,000{pad}No experience{pad}Full time{pad}Closes: 2026-04-01{pad}Posted: 2026-03-18"):
        items = "".join(f"<tr><td>{pad}<a href='/job/{i}'>Job post number {i} 채용</a>{pad}</td><td>{pad}{fields}{pad}"
                        f"</td></tr>" for i in range(5))
        rows = rows_of(f"<table>{items}</table>")
        assert rows.dated_rows == 5 and rows.links[0].posted_at == datetime(2026, 4, 1)
        cell = parse_html(f"<html><body><div>{pad}{fields}{pad}</div></body></html>").find(".//div")
        assert text_of(cell, cap=len(" ".join(fields.split()))) == " ".join(fields.split())


def card_list(summary: str, title: str) -> str:
    return "".join(f"<div class='item'><a href='#c{i}'><em class='subject'>{title} {i}</em><span>2026-02-0{i + 1}</span>"
                   f"</a><div class='txt'>{summary}</div></div>" for i in range(5))


def test_a_card_whose_link_holds_its_title_and_date_is_a_row_with_its_text_after_it():
    for summary, title in ((" ".join(["서울시는 설 연휴 동안 키즈카페를 운영하고 할인 상품권을 발행한다."] * 30), "서울형 키즈카페 소식"),
                           (" ".join(["The city opens its kids' cafes over the holiday with a discount."] * 20),
                            "Kids cafe news")):
        assert len(summary) > MAX_ROW_CHARS
        rows = rows_of(f"<div class='list'>{card_list(summary, title)}</div>")
        assert rows.dated_rows == 5 and rows.links[2].title == f"{title} 2"
        # the same text after a link that is only a title is content, not a row
        plain = "".join(f"<div class='item'><a href='/v/{i}'>{title} {i}</a> 2026-02-0{i + 1}<div>{summary}</div></div>"
                        for i in range(5))
        assert rows_of(f"<div class='list'>{plain}</div>").dated_rows == 0


def test_the_run_with_more_text_is_taken_before_a_menu_of_as_many_rows():
    menu = "".join(f"<li><a href='/m{i}'>메뉴 {i}번</a></li>" for i in range(5))
    policies = "".join(f"<li><a href='/p{i}' class='tit'>청년 정책 {i}번 안내</a><em>응시료 지원 ({i})</em></li>"
                       for i in range(5))
    rows = rows_of(f"<ul class='gnb'>{menu}</ul><ul class='policy-list'>{policies}</ul>")
    assert rows.links[0].url == "/p0"


def test_an_empty_board_table_is_seen():
    for header in ("<th>번호</th><th>제목</th><th>등록일</th><th>조회수</th>", "<th>No.</th><th>Title</th><th>Date</th>"):
        rows = rows_of(f"<table><thead><tr>{header}</tr></thead><tbody id='list_body'></tbody></table>")
        assert rows.empty_board and not rows.links
    assert not rows_of("<table><tr><td>주소</td><td>광주광역시</td><td>서구</td></tr></table>").empty_board


def test_the_cards_of_a_grid_are_its_rows():
    for dates, titles in ((("01 Feb", "07 Feb", "08 Feb"), "Work Group Meeting"), (("2월 1일", "2월 7일", "2월 8일"), "실무 회의")):
        cards = [f"<div class='col-md-6'><article class='event'><div class='date'>{dates[i % 3]}</div><h4><a href='/events/"
                 f"e{i}/'>{titles} {i}</a></h4><div class='place'>CPC Office</div></article></div>" for i in range(6)]
        grid = "".join(f"<div class='row'>{cards[i]}{cards[i + 1]}</div>" for i in range(0, 6, 2))
        rows = rows_of(f"<div class='grid'>{grid}</div>")
        assert [link.url for link in rows.links] == [f"/events/e{i}/" for i in range(6)]
        assert rows.dated_rows == 6


def test_a_day_of_a_month_dates_a_calendars_row_and_may_as_a_verb_does_not():
    for text in ("08 Feb", "Feb 8", "7 March"):
        assert rows_of("<ul>" + "".join(f"<li><a href='/e{i}'>Board meeting {i}</a> {text}</li>" for i in range(4))
                       + "</ul>").dated_rows == 4
    assert rows_of("<ul>" + "".join(f"<li><a href='/e{i}'>Council may 3 votes on item {i}</a></li>" for i in range(4))
                   + "</ul>").dated_rows == 0


def test_sidebar_rows_count_only_when_they_link_the_pages_children():
    for label, date in (("Agenda", "August 8, 2019"), ("회의록", "2019년 8월 8일")):
        items = "".join(f"<li>{date} <a href='https://www.example.us/about/meetings/m-{i}-agenda/'>{label}</a></li>"
                        for i in range(5))
        body = f"<aside><h3>Most Recent Meetings</h3><ul>{items}</ul></aside>"
        page = listing_rows(parse_html(f"<html><body>{body}</body></html>"), "https://www.example.us/about/meetings/")
        assert page.dated_rows == 5 and page.links_children
        # an article's sidebar links its siblings, and without a URL a sidebar is a sidebar
        other = listing_rows(parse_html(f"<html><body>{body}</body></html>"), "https://www.example.us/news/story-1")
        assert other.dated_rows == 0 and rows_of(body).dated_rows == 0


def test_an_accordions_rows_unfold_their_items_text_in_place():
    # each row's link opens a panel of the same row (href='#no3' over id='no3'): the panel is the row's, however long
    route = "2월 7일 자차 이용하여 의료기관을 방문하여 외래 진료를 받은 뒤 자택으로 귀가하였고 접촉자를 조사 중이다. " * 12
    items = "".join(f"<div class='onelist'><a href='#no{i}'><ul><li>환자번호 : {i}</li><li>확진일자 : 2. 1{i}</li></ul></a>"
                    f"<div id='no{i}'>{route if i % 2 else ''}</div></div>" for i in range(1, 7))
    rows = rows_of(f"<div class='in_list'>{items}</div>")
    assert len(rows.links) == 6 and rows.dated_rows == 6 and len(route) > MAX_ROW_CHARS
    assert rows.links[0].title == "환자번호 : 1 확진일자 : 2. 11" and rows.links[0].posted_at is None
    # a link to an anchor elsewhere on the page unfolds nothing of its row: a long row stays no row
    elsewhere = "".join(f"<div class='onelist'><a href='#top'>환자번호 : {i} 확진일자 : 2. 1{i}</a><div>{route}</div></div>"
                        for i in range(1, 7))
    assert rows_of(f"<div class='in_list'>{elsewhere}</div>").links == ()


def test_a_korean_month_and_day_with_its_space_dates_a_row_and_a_decimal_does_not():
    dated = "".join(f"<li><a href='/v{i}'>정기 회의 결과 안내 {i}</a> 3. 1{i}.(화)</li>" for i in range(4))
    assert rows_of(f"<ul>{dated}</ul>").dated_rows == 4
    for number in ("1.5", "2.18", "v3. 12.5", "3. 1,200"):
        undated = "".join(f"<li><a href='/v{i}'>정기 회의 결과 안내 {i}</a> {number}</li>" for i in range(4))
        assert rows_of(f"<ul>{undated}</ul>").dated_rows == 0, number


def test_a_dated_run_is_taken_before_a_longer_run_without_digits_wherever_it_stands():
    # containers without a digit are read only when no dated run is found: the dated board still wins
    menu = "".join(f"<li><a href='/m{i}'>Residents services and programs, section {'abcdefgh'[i]} of the city "
                   "website</a></li>" for i in range(8))
    board = "".join(f"<li><a href='/n{i}'>공지 {i}번</a> 2024.05.{i + 1:02d}</li>" for i in range(3))
    for body in (f"<ul>{menu}</ul><ul>{board}</ul>", f"<ul>{board}</ul><ul>{menu}</ul>"):
        rows = rows_of(body)
        assert rows.dated_rows == 3 and rows.links[0].url == "/n0", body


def test_without_dated_rows_the_run_with_most_text_is_taken_whatever_its_place():
    # undated runs are read from the container with the most text down, and the first of equals is kept
    short = "".join(f"<li><a href='/s{i}'>Menu {'abcde'[i]}</a></li>" for i in range(5))
    long = "".join(f"<li><a href='/l{i}'>Youth policy guide, part {'abcde'[i]}</a></li>" for i in range(5))
    same = "".join(f"<li><a href='/t{i}'>Youth policy guide, part {'vwxyz'[i]}</a></li>" for i in range(5))
    assert rows_of(f"<ul>{short}</ul><ul>{long}</ul>").links[0].url == "/l0"
    assert rows_of(f"<ul>{long}</ul><ul>{short}</ul>").links[0].url == "/l0"
    assert rows_of(f"<ul>{same}</ul><ul>{long}</ul>").links[0].url == "/t0"


def test_rows_too_few_for_any_listing_are_not_weighed_against_the_page():
    # three rows, two dated, make no listing by any rule: their pagination and the prose beside them are not read
    paging = "<div class='paging'><a href='?p=1'>1</a> <a href='?p=2'>2</a></div>"
    prose = "<p>" + "광주광역시는 시민 의견을 듣는 공청회를 열고 올해 예산을 들여 교육과 지원을 늘린다고 밝혔다. " * 2 + "</p>"
    def board(dated: int) -> str:
        return "<ul>" + "".join(f"<li><a href='/n{i}'>공지 {i}번</a> {f'2024.05.{i + 1:02d}' if i < dated else ''}</li>"
                                for i in range(3)) + "</ul>"
    few = rows_of(board(2) + paging + prose)
    assert few.dated_rows == 2 and not few.weighable and not few.pagination and few.paragraphs == ()
    enough = rows_of(board(3) + paging + prose)
    assert enough.weighable and enough.pagination and len(enough.paragraphs) == 1


def test_items_classed_by_their_own_categories_between_month_headers_are_one_run():
    # an events plugin classes each event by its category and venue, and heads each month with an <h2>
    # that outnumbers any one class: the linked children's first class word makes them one run
    for month, day, title, category in (("March 2019", "{}th March 2019 - Wednesday", "Economic Development Financing Authority Board Meeting {}", "cat-{}"),
                                        ("2019년 3월", "2019년 3월 {}일 (수)", "산업진흥재단 이사회 정기회의 결과 안내 {}", "분류-{}")):
        events = "".join((f"<h2 class='separator'><span>{month}</span></h2>" if i % 2 == 0 else "")
                         + f"<div class='type-event post-{i} category-{category.format(chr(97 + i))} venue-{i}'>"
                           f"<ul><li>{day.format(10 + i)}</li></ul><h2><a href='/event/{i}/'>{title.format(i)}</a></h2>"
                           f"<a href='/event/{i}/'>Read more</a></div>" for i in range(6))
        rows = rows_of(f"<div class='loop'>{events}</div>")
        assert [link.title for link in rows.links] == [title.format(i) for i in range(6)]
        assert rows.dated_rows == 6
    # unlinked children sharing a first class word are no run
    assert not rows_of("<div>" + "".join(f"<p class='note n-{i}'>Note number {i}</p>" for i in range(6)) + "</div>").links


def test_document_links_by_their_paths_or_querys_extension():
    from cityclips.transforms.listing import DOCUMENT_LINK
    for url in ("/agenda/2021/PDF/CPC-Agenda-011521.pdf", "/files/회의록_2024.HWP", "download.do?file=결과보고.hwpx&sn=2",
                "/Home/ShowDocument?Doc=/PDF/07_01_19Agenda.pdf", "/minutes/April-2016.docx#page=2"):
        assert DOCUMENT_LINK.search(url), url
    for url in ("/board/view.do?nttId=7", "/news/pdf-reader-guide", "/about/minutes.html", "/files/report.pdfx"):
        assert not DOCUMENT_LINK.search(url), url


def test_a_us_date_written_with_dashes_dates_a_row():
    assert find_date("SSA Minutes 10-2-2018")[0] == datetime(2018, 10, 2)
    assert find_date("회의록 1-22-2019 (최종)")[0] == datetime(2019, 1, 22)
    for text in ("전화 062-613-2-2019", "규정 3-1-20190", "부품 번호 12-40-2019"):
        assert find_date(text) == (None, None), text


def test_a_document_links_file_name_dates_its_row():
    from cityclips.transforms.listing import file_name_date
    assert file_name_date("https://city.example.gov/uploads/10-14-2025-City-Council-Agenda.pdf") == datetime(2025, 10, 14)
    assert file_name_date("/images/minutes/april-8-2019-minutes.pdf") == datetime(2019, 4, 8)
    assert file_name_date("/files/2024_05_01_%ED%9A%8C%EC%9D%98%EB%A1%9D.hwp") == datetime(2024, 5, 1)
    assert file_name_date("/news/2024-05-01-city-opens-library.html") is None  # a page's path, not a document's name
    assert file_name_date("/files/minutes_2024.pdf") is None
    english = "".join(f"<li><a href='/uploads/{m}-{m + 10}-2025-City-Council-Minutes.pdf'>Meeting Minutes</a></li>"
                      for m in range(1, 5))
    korean = "".join(f"<li><a href='/files/2024_0{m}_1{m}_회의록.hwp'>운영위원회 회의록 내려받기</a></li>" for m in range(1, 5))
    for items in (english, korean):
        rows = listing_rows(parse_html(f"<html><body><ul>{items}</ul></body></html>"))
        assert rows.dated_rows == 4 and all(link.posted_at for link in rows.links)
        pages = listing_rows(parse_html(f"<html><body><ul>{items.replace('.pdf', '.html').replace('.hwp', '.html')}"
                                        "</ul></body></html>"))
        assert pages.dated_rows == 0


def test_a_file_names_two_digit_year_dates_it_and_its_codes_do_not():
    from cityclips.transforms.listing import file_name_date
    assert file_name_date("/uploads/2019/01/Agenda-1-22-19.pdf") == datetime(2019, 1, 22)
    assert file_name_date("/files/회의록_3-26-19.hwp") == datetime(2019, 3, 26)
    for href in ("/docs/code-10-3-1-22.pdf", "/docs/rule-3-1-123.pdf", "/docs/규정-제3-1-12345호.hwp"):
        assert file_name_date(href) is None, href


def test_rows_a_stray_element_wraps_inside_a_table_are_the_tables_rows():
    # '<table><span id=x><tr>...': the parser keeps the rows inside the span, which is no row container
    english = "".join(f"<tr><td>Thu, Feb {i + 1}, 2018<br>Room 333</td><td><a href='/files/agenda-{i}.pdf'>Meeting "
                      f"Agenda</a></td><td><a href='/files/minutes-{i}.pdf'>Minutes of Meeting</a></td></tr>"
                      for i in range(5))
    korean = "".join(f"<tr><td>2024.03.{i + 1:02d}</td><td><a href='/files/agenda-{i}.hwp'>회의 안건</a></td>"
                     f"<td><a href='/files/minutes-{i}.hwp'>회의록 내려받기</a></td></tr>" for i in range(5))
    for body in (english, korean):
        rows = rows_of(f"<table><tr><td>Date</td><td>Agenda</td><td>Minutes</td></tr><span id='SEA'>{body}</span></table>")
        assert (len(rows.links), rows.dated_rows) == (5, 5)
        assert rows.links[0].url.startswith("/files/agenda-0")


def test_tables_that_repeat_one_header_are_one_run_of_rows():
    # a meetings archive: one table per year under the same header, one or two meetings each
    def table(year: int, header: tuple[str, ...], row: str) -> str:
        heads = "".join(f"<th>{name}</th>" for name in header)
        return f"<div class='panel'><h3>{year}</h3><table><thead><tr>{heads}</tr></thead><tbody>{row}</tbody></table></div>"

    english = "".join(table(year, ("Meeting", "Date", "Duration", "Agenda"),
                            f"<tr><td>Regular Council Meeting</td><td>June 15, {year} - 5:00 PM</td><td>01h 30m</td>"
                            f"<td><a href='/AgendaViewer.php?clip_id={year}'>Agenda</a></td></tr>")
                      for year in range(2019, 2024))
    korean = "".join(table(year, ("회의명", "일자", "시간", "안건"),
                           f"<tr><td>정기회의</td><td>{year}.06.15</td><td>14:00</td>"
                           f"<td><a href='/agenda.do?id={year}'>안건 보기</a></td></tr>") for year in range(2019, 2024))
    for body in (english, korean):
        rows = rows_of(body)
        assert (len(rows.links), rows.dated_rows) == (5, 5)
    # tables of different headers (a page's facts, its contacts) are not one run
    mixed = table(2019, ("Name", "Phone", "Room"), "<tr><td>Clerk</td><td>555-0100</td><td><a href='/c'>Room 1</a></td></tr>")
    mixed += table(2020, ("Fund", "Amount", "Year"), "<tr><td>Parks</td><td>$100</td><td><a href='/f'>2020 budget</a></td></tr>")
    mixed += table(2021, ("Ward", "Member", "Term"), "<tr><td>3</td><td>Lee</td><td><a href='/w'>2021 term</a></td></tr>")
    assert rows_of(mixed).links == ()


def test_a_month_and_day_in_two_digits_dates_a_row_and_a_fraction_does_not():
    # a meetings table under its year's heading: '01/22 | Agenda Packet | Minutes'
    english = "".join(f"<p>{month:02d}/22 | <a href='/files/packet-{month}.pdf'>Agenda Packet</a> | "
                      f"<a href='/files/minutes-{month}.pdf'>Minutes</a></p>" for month in range(1, 6))
    korean = "".join(f"<p>{month:02d}/22 | <a href='/files/packet-{month}.hwp'>회의 안건 자료</a> | "
                     f"<a href='/files/minutes-{month}.hwp'>회의록</a></p>" for month in range(1, 6))
    for body in (english, korean):
        rows = rows_of(f"<h3>2024</h3><div class='meetings'>{body}</div>")
        assert rows.dated_rows == 5 and {link.posted_at for link in rows.links} == {None}
    fractions = "".join(f"<p>{n}/{n + 1} <a href='/recipe/{n}'>cup of flour for the bread</a></p>" for n in range(1, 6))
    assert rows_of(f"<div class='recipes'>{fractions}</div>").dated_rows == 0


def _month_table(events: dict[int, str], first_day: int = 29) -> str:
    days = [*range(first_day, 32), *range(1, 32)][:35]
    cells = [f"<td>{day}" + (f"<div><a href='/calendar/event/{day}'>{events[day]}</a></div>" if day in events else "")
             + "</td>" for day in days]
    rows = "".join("<tr>" + "".join(cells[i:i + 7]) + "</tr>" for i in range(0, 35, 7))
    return f"<table class='grid'><tr><th>Sun</th><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th></tr>{rows}</table>"


def test_the_events_linked_in_a_month_grids_day_cells_are_its_links():
    english = {5: "Board of Supervisors Meeting", 19: "Planning Commission Hearing"}
    korean = {5: "시의회 본회의", 19: "도시계획위원회 회의"}
    for events in (english, korean):
        links = listing_rows(parse_html(f"<html><body><h2>September 2022</h2>{_month_table(events)}</body></html>"),
                             "https://county.example.gov/calendar").grid_links
        assert [link.title for link in links] == [events[5], events[19]]
        assert links[0].url == "https://county.example.gov/calendar/event/5"
    # a date picker links its days by their numbers: no events
    picker = _month_table({}).replace("<td>1", "<td><a href='/d/1'>1</a>")
    assert rows_of(picker).grid_links == ()
    # a table of 35 cells that are no run of days (a price table) holds no grid
    prices = _month_table(english).replace("<td>1", "<td>7").replace("<td>2", "<td>9")
    assert rows_of(prices).grid_links == ()


def test_a_document_names_eight_digit_date_dates_it_and_a_longer_number_does_not():
    from cityclips.transforms.listing import file_name_date
    assert file_name_date("FilesBoardMeeting/20200130CombinedAgenda.pdf") == datetime(2020, 1, 30)
    assert file_name_date("/files/%ED%9A%8C%EC%9D%98%EB%A1%9D_20240501.hwp") == datetime(2024, 5, 1)
    assert file_name_date("/files/회의록_20240501.hwp") == datetime(2024, 5, 1)
    for href in ("/files/1504387451SEAAgenda.pdf", "/files/20241399-report.pdf", "/news/20240501-story.html"):
        assert file_name_date(href) is None, href


def test_a_dropdown_whose_options_carry_documents_is_a_run_and_a_jump_menu_is_not():
    english = "".join(f"<option data-url='content/pdfs/minutes/2019/{m}/Minutes-{m}-10-2019.pdf'>{name} 2019</option>"
                      for m, name in ((5, "May"), (4, "April"), (3, "March"), (1, "January")))
    korean = "".join(f"<option value='/files/2024{m:02d}15_회의록.hwp'>2024년 {m}월 정례회의</option>" for m in range(1, 5))
    for options in (english, korean):
        rows = rows_of(f"<p>Archived Board Meeting Minutes</p><select><option>Choose</option>{options}</select>")
        assert (len(rows.links), rows.dated_rows) == (4, 4)
    assert rows.links[0].posted_at == datetime(2024, 1, 15) and rows.links[0].url.endswith("회의록.hwp")
    jump = "".join(f"<option value='/meetings/{year}'>{year} Meetings</option>" for year in range(2019, 2024))
    assert rows_of(f"<select>{jump}</select>").links == ()
