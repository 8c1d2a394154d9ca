"""Round 11 (meta11): dates on unseen sites (a host's country, the site's footer, a one-row record table)."""
from __future__ import annotations

from datetime import datetime

from cityclips.transforms.dates import host_country, writes_day_first
from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import markup_metadata
from cityclips.transforms.metadata import parse_metadata_line
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.reconcile import reconcile_metadata
from cityclips.transforms.records import Document, MarkupMetadata, Metadata, RawPage

ENGLISH_BODY = "<p>" + "The department held the regional event with judges, officers and students of the state. " * 3 + "</p>"
KOREAN_BODY = "<p>" + "광주광역시는 시민 안전 대책을 발표했다고 밝혔다. 대책은 올해 안에 시행된다. " * 3 + "</p>"


def markup(body: str) -> MarkupMetadata:
    return markup_metadata(parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>"))


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


# --- a host's country says how an English page writes its numeric dates ------------------------------

def _india_style_page(host: str) -> str:
    return (f'<html lang="en-US"><head><title>1st Regional Event - Overview | Department of Justice</title>'
            f'<link rel="canonical" href="https://{host}/1st-regional-event-overview/"></head><body><main>'
            f'<h1>1st Regional Event - Overview</h1><p style="text-align: right">Last updated: 08-07-2024</p>'
            f'{ENGLISH_BODY}</main></body></html>')


def test_an_english_page_on_a_day_first_countrys_host_reads_its_visible_dates_day_first() -> None:
    # WordPress writes lang="en-US" on India's ministries' sites; doj.gov.in writes 8 July 2024 as 08-07-2024
    assert html_doc(_india_style_page("doj.gov.in")).metadata.published_at == datetime(2024, 7, 8)
    # the same page on a US host reads month first, as before
    assert html_doc(_india_style_page("www.justice.gov")).metadata.published_at == datetime(2024, 8, 7)


def test_a_hosts_country_code_decides_only_for_english_pages_and_listed_countries() -> None:
    assert host_country("https://doj.gov.in/x/") == "in" and host_country("https://www.gov.uk/guidance") == "uk"
    assert host_country("https://www.justice.gov/") is None and host_country("https://startup.io/") is None
    assert writes_day_first("en-US", "https://pib.gov.in/PressReleasePage.aspx") is True
    assert writes_day_first("en-US", "https://www.whitehouse.gov/") is False
    assert writes_day_first(None, "https://www.courts.ie/glossary") is True
    # a Korean page writes the year first ('2025.06.05'): its host changes nothing
    assert writes_day_first("ko", "https://www.gwangju.go.kr/") is None


def test_a_markup_date_on_a_day_first_host_reads_day_first() -> None:
    page = ('<html lang="en"><head><title>Grant of allowance | Department of Justice</title>'
            '<link rel="canonical" href="https://doj.gov.in/document/grant/">'
            '<meta name="dc.date.created" content="11/04/2025"></head><body><main><h1>Grant of allowance</h1>'
            f'{ENGLISH_BODY}</main></body></html>')
    assert html_doc(page).metadata.published_at == datetime(2025, 4, 11)


# --- the site's footer dates the site, not the page ----------------------------------------------------

def test_a_last_updated_field_in_the_sites_footer_is_not_the_pages_date() -> None:
    english = (f'<html><body><main><h1>Nyayika Patrika released by the Secretary</h1>{ENGLISH_BODY}</main>'
               '<footer><div class="copyRights"><p>Last Updated: <strong>Aug 11, 2025</strong></p></div></footer>'
               '</body></html>')
    meta = html_doc(english).metadata
    assert meta.published_at is None and meta.modified_at is None


def test_a_last_modified_field_in_a_korean_sites_footer_is_not_the_pages_date() -> None:
    korean = (f'<html><body><div id="container"><h1>시민 안전 대책 발표</h1>{KOREAN_BODY}</div>'
              '<div id="footer"><p><strong>최종수정일</strong> 2025.08.11</p></div></body></html>')
    meta = html_doc(korean).metadata
    assert meta.published_at is None and meta.modified_at is None


def test_an_articles_own_footer_still_dates_the_article_in_both_languages() -> None:
    english = (f'<html><body><article><h1>Nyayika Patrika released by the Secretary</h1>{ENGLISH_BODY}'
               '<footer><p><strong>Posted:</strong> June 5, 2025</p></footer></article></body></html>')
    assert html_doc(english).metadata.published_at == datetime(2025, 6, 5)
    korean = (f'<html><body><main><h1>시민 안전 대책 발표</h1>{KOREAN_BODY}'
              '<div class="footer"><p><strong>등록일</strong> 2025.06.05</p></div></main></body></html>')
    assert html_doc(korean).metadata.published_at == datetime(2025, 6, 5)


# --- a page's record shown as a one-row table under labelled columns ----------------------------------

def test_a_one_row_record_table_under_labelled_columns_dates_the_page() -> None:
    english = ('<html lang="en"><head><title>Nyayika Patrika released by Secretary (Justice) | Department of Justice'
               '</title></head><body><main><h1>Nyayika Patrika released by Secretary (Justice)</h1>'
               '<table><thead><tr><th>Title</th><th>Date</th><th>View / Download</th></tr></thead><tbody><tr>'
               '<td>Nyayika Patrika released by Secretary (Justice)</td><td>05/08/2025</td><td>View (8 MB)</td>'
               f'</tr></tbody></table>{ENGLISH_BODY}</main></body></html>')
    assert html_doc(english).metadata.published_at == datetime(2025, 5, 8)


def test_a_korean_one_row_record_table_dates_the_page() -> None:
    korean = ('<html lang="ko"><head><title>2025년 입주기업 모집 공고 | 환동해산업연구원</title></head><body><main>'
              '<h1>2025년 입주기업 모집 공고</h1><table><tr><th>제목</th><th>등록일</th><th>조회</th></tr>'
              '<tr><td>2025년 입주기업 모집 공고</td><td>2025-02-14</td><td>426</td></tr></table>'
              f'{KOREAN_BODY}</main></body></html>')
    meta = html_doc(korean).metadata
    assert (meta.published_at, meta.view_count) == (datetime(2025, 2, 14), 426)


def test_a_one_row_table_of_another_pages_record_gives_no_date() -> None:
    english = ('<html lang="en"><head><title>Annual report of the department | Department of Justice</title></head>'
               '<body><main><h1>Annual report of the department</h1><table><tr><th>Title</th><th>Date</th></tr>'
               '<tr><td>Minutes of the committee on judicial reform</td><td>05/08/2025</td></tr></table>'
               f'{ENGLISH_BODY}</main></body></html>')
    assert html_doc(english).metadata.published_at is None
    korean = ('<html lang="ko"><head><title>시민 안전 대책 발표 | 광주광역시</title></head><body><main>'
              '<h1>시민 안전 대책 발표</h1><table><tr><th>제목</th><th>등록일</th></tr>'
              '<tr><td>2024년 교통 정책 설명회 개최 안내</td><td>2025-02-14</td></tr></table>'
              f'{KOREAN_BODY}</main></body></html>')
    assert html_doc(korean).metadata.published_at is None


# --- a view count written in its label's own text --------------------------------------------------------

def test_a_visitor_counter_in_its_labels_text_is_the_pages_view_count() -> None:
    # pib.gov.in: '<span id="ReleaseId">(Release ID: 2296782)</span> <span id="lblViews">Visitor Counter : 1121</span>'
    found = markup('<p><span id="ReleaseId">(Release ID: 2296782)</span> <span id="lblViews">Visitor Counter : 1121</span></p>')
    assert found.board.view_count == 1121
    assert markup('<p><span>Release ID : 2296782</span></p>').board.view_count is None  # an id is no count


def test_a_korean_view_count_in_its_labels_text_is_the_pages_view_count() -> None:
    assert markup('<div class="info"><span>작성자 홍길동</span><span>열람 수 : 1,504</span></div>').board.view_count == 1504


# --- a register's record page: its name field, not its number, is its title ------------------------------

def _record_page(lang: str, site: str, path: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return (f'<html lang="{lang}"><head><title>{site}</title></head><body><div id="wrap"><div class="location">{path}'
            f'</div><div class="tableWrap"><table class="table_normal"><tbody>{cells}</tbody></table></div></div>'
            '</body></html>')


def test_a_korean_register_page_is_titled_by_its_name_field_not_its_number() -> None:
    page = _record_page("ko", "화학제품관리시스템", "HOME > 살생물제 > 승인 살생물제품 정보공개", [
        ("정보공개번호", "2025-182"), ("제품명", "홈매트 리퀴드 에스"), ("살생물제품유형", "살충제"),
        ("사용방법", "1일 10시간 사용을 권장하고 최대 15시간까지 사용 가능합니다. 살충 원액이 든 용기를 훈증기에 넣고 사용하십시오."),
        ("유통기한", "제조일로부터 36개월")])
    doc = html_doc(page)
    assert doc.metadata.title == "홈매트 리퀴드 에스"
    assert "2025-182" in doc.body_text  # the number field stays the record's text


def test_an_english_register_page_is_titled_by_its_name_field_not_its_number() -> None:
    page = _record_page("en", "Chemical Products Register", "Home > Biocides > Approved biocidal products", [
        ("Registration No.", "2025-182"), ("Product name", "Home Mat Liquid S"), ("Product type", "Insecticide"),
        ("Directions", "Use for up to ten hours a day. Put the bottle in the vaporizer, plug it in and switch it on."),
        ("Shelf life", "36 months from manufacture")])
    doc = html_doc(page)
    assert doc.metadata.title == "Home Mat Liquid S"
    assert "2025-182" in doc.body_text


def test_a_name_field_does_not_replace_a_headline_the_page_shows() -> None:
    shown = Metadata(title="홈매트 신제품 출시 안내", title_source="heading")
    assert reconcile_metadata(MarkupMetadata(record_name="홈매트 리퀴드 에스"), shown).title == shown.title
    shown = Metadata(title="New vaporizer approved for sale", title_source="heading")
    assert reconcile_metadata(MarkupMetadata(record_name="Home Mat Liquid S"), shown).title == shown.title


# --- a meta author naming a public body or its initials is no byline -------------------------------------

def _meta_author_page(lang: str, author: str, headline: str, body: str) -> str:
    return (f'<html lang="{lang}"><head><title>{headline}</title><meta name="author" content="{author}"></head>'
            f'<body><main><h1>{headline}</h1>{body}</main></body></html>')


def test_an_english_meta_author_naming_a_ministry_or_initials_is_no_byline() -> None:
    for body_name in ("KOTRA", "Außenministerium der Republik Österreich", "Ministry of Law and Justice"):
        page = _meta_author_page("en", body_name, "Minister meets the delegation", ENGLISH_BODY)
        assert html_doc(page).metadata.author is None, body_name
    assert html_doc(_meta_author_page("en", "Kori Schulman", "Minister meets the delegation",
                                      ENGLISH_BODY)).metadata.author == "Kori Schulman"


def test_a_korean_meta_author_naming_a_public_body_is_no_byline() -> None:
    for body_name in ("한국무역투자진흥공사", "과학기술정보통신부", "광주광역시 북구청"):
        page = _meta_author_page("ko", body_name, "시민 안전 대책 발표", KOREAN_BODY)
        assert html_doc(page).metadata.author is None, body_name
    assert html_doc(_meta_author_page("ko", "김민지", "시민 안전 대책 발표", KOREAN_BODY)).metadata.author == "김민지"


# --- a breadcrumb's step that the headline names again is the page's parent item, not its section ---------

def _crumb_page(lang: str, steps: list[str], body: str) -> str:
    crumbs = "".join(f'<li><a href="#">{step}</a></li>' for step in steps[:-1]) + f'<li class="current">{steps[-1]}</li>'
    return (f'<html lang="{lang}"><body><nav id="breadcrumb" aria-label="Breadcrumb"><ol class="breadcrumbs">{crumbs}'
            f'</ol></nav><main><h1>{steps[-1]}</h1>{body}</main></body></html>')


def test_an_english_breadcrumb_step_the_headline_starts_with_gives_way_to_the_section_above() -> None:
    page = _crumb_page("en", ["Home", "Samvidhan@75", "Event", "1st Regional Event", "1st Regional Event – Overview"],
                       ENGLISH_BODY)
    assert html_doc(page).metadata.category == "Event"
    # a step that is no start of the headline stays the section
    page = _crumb_page("en", ["Home", "Newsroom", "Press Releases", "Minister opens the new court"], ENGLISH_BODY)
    assert html_doc(page).metadata.category == "Press Releases"


def test_a_korean_breadcrumb_step_the_headline_starts_with_gives_way_to_the_section_above() -> None:
    page = _crumb_page("ko", ["홈", "알림마당", "행사", "광주 비엔날레", "광주 비엔날레 개막식 안내"], KOREAN_BODY)
    assert html_doc(page).metadata.category == "행사"


# --- a heading that names the <title> path's section is the section; the heading under the byline is the headline -

def _path_notice(lang: str, path: str, section: str, number: str, byline: str, headline: str, body: str) -> str:
    return (f'<html lang="{lang}"><head><title>{path}</title></head><body><div class="sub_title"><h2>{section}</h2>'
            f'</div><div class="board_view"><p>{number}</p><p>{byline}</p><h3>{headline}</h3>{body}</div></body></html>')


def test_a_korean_notice_under_a_path_title_takes_the_heading_under_its_byline() -> None:
    page = _path_notice("ko", "부산테크노파크>공고˙안내>사업공고>사업공고 상세 내용", "사업공고", "(재)부산테크노파크 공고 제 2025-136호",
                        "게시일 : 2025.04.04", "2025년 현장애로지원 기술닥터제 수요기업 모집 공고", KOREAN_BODY)
    meta = html_doc(page).metadata
    assert (meta.title, meta.category) == ("2025년 현장애로지원 기술닥터제 수요기업 모집 공고", "사업공고")


def test_an_english_notice_under_a_path_title_takes_the_heading_under_its_byline() -> None:
    page = _path_notice("en", "Technopark > Notices > Business Notices > Notice details", "Business Notices",
                        "Technopark Notice No. 2025-136", "Posted: 2025.04.04",
                        "Call for companies to join the technology doctor programme", ENGLISH_BODY)
    meta = html_doc(page).metadata
    assert (meta.title, meta.category) == ("Call for companies to join the technology doctor programme", "Business Notices")


# --- a field table's section label names the page's section ------------------------------------------------

def _field_table_page(lang: str, headline: str, cells: str, body: str) -> str:
    return (f'<html lang="{lang}"><body><main><h1>{headline}</h1><table><tbody>{cells}</tbody></table>{body}'
            '</main></body></html>')


def test_a_korean_field_tables_type_label_names_the_section() -> None:
    cells = "<tr><th>정책 유형</th><td>일자리</td><th>주관 기관</th><td>관악구청</td></tr>"
    assert html_doc(_field_table_page("ko", "2025년 겨울 청년행정체험단 모집", cells, KOREAN_BODY)).metadata.category == "일자리"
    # a kind glued to its noun describes the item ('살생물제품유형 : 살충제'), not the page's section
    cells = "<tr><th>살생물제품유형</th><td>살충제</td></tr>"
    assert html_doc(_field_table_page("ko", "홈매트 리퀴드 에스", cells, KOREAN_BODY)).metadata.category != "살충제"


def test_an_english_field_tables_type_label_names_the_section() -> None:
    cells = "<tr><th>News type</th><td>Press Releases</td><th>Office</th><td>Office of the Attorney General</td></tr>"
    page = _field_table_page("en", "Attorney General announces a settlement", cells, ENGLISH_BODY)
    assert html_doc(page).metadata.category == "Press Releases"


# --- a navigation's own label or a day without its year is no section -------------------------------------

def _category_of(category: str) -> str | None:
    return reconcile_metadata(MarkupMetadata(), Metadata(title="Board Meeting", category=category)).category


def test_the_navigations_own_label_is_no_section_in_both_languages() -> None:
    assert _category_of("Breadcrumb") is None and _category_of("You are here:") is None
    assert _category_of("현재 위치") is None and _category_of("현재위치") is None
    assert _category_of("Board Meetings") == "Board Meetings" and _category_of("위치 안내") == "위치 안내"


def test_a_day_without_its_year_is_no_section_in_both_languages() -> None:
    assert _category_of("September 18 Tuesday") is None and _category_of("18 Sept.") is None
    assert _category_of("9월 18일 (화)") is None and _category_of("9월 18일") is None
    assert _category_of("September Events") == "September Events" and _category_of("9월 행사") == "9월 행사"


# --- a sentence asking the reader to call gives the page's contact number ---------------------------------

def test_an_english_sentence_asking_the_reader_to_call_gives_the_contact_phone() -> None:
    ask = ("<p>If interpretation or translation services are needed please call The Department of Civil Rights at least "
           "3 business days prior to session. 313-224-4950</p>")
    page = f'<html lang="en"><body><main><h1>Public Health and Safety Committee</h1>{ENGLISH_BODY}{ask}</main></body></html>'
    assert html_doc(page).metadata.contact_phone == "313-224-4950"
    join = "<p>Call-in Number: +1 (253) 215-8782 US (Tacoma)</p>"  # how to join a meeting, not whom to ask
    page = f'<html lang="en"><body><main><h1>City Council Meeting</h1>{ENGLISH_BODY}{join}</main></body></html>'
    assert html_doc(page).metadata.contact_phone is None


def test_a_korean_sentence_asking_the_reader_to_call_gives_the_contact_phone() -> None:
    ask = "<p>자세한 사항은 홈페이지를 참고하거나 전화(062-613-2321)로 문의하시기 바랍니다.</p>"
    page = f'<html lang="ko"><body><main><h1>시민 안전 대책 발표</h1>{KOREAN_BODY}{ask}</main></body></html>'
    assert html_doc(page).metadata.contact_phone == "062-613-2321"
    field = "<p>제조자(주소, 연락처) : 헨켈홈케어코리아 유한회사 (경기도 안산시 단원구 갖바치로 3, 031-489-4950)</p>"
    page = f'<html lang="ko"><body><main><h1>홈매트 리퀴드 에스</h1>{KOREAN_BODY}{field}</main></body></html>'
    assert html_doc(page).metadata.contact_phone is None  # a field's label, no request to call


# --- a board's byline date with a two-digit year --------------------------------------------------------

def test_a_korean_bylines_two_digit_year_date_dates_the_page() -> None:
    page = (f'<html lang="ko"><body><main><h1>시민 안전 대책 발표</h1><p>작성자 : 관리자 | 작성일 : 25.06.05 14:30 | 조회 : 57</p>'
            f'{KOREAN_BODY}</main></body></html>')
    assert html_doc(page).metadata.published_at == datetime(2025, 6, 5, 14, 30)
    assert parse_metadata_line("등록일 25-06-05").published_at == datetime(2025, 6, 5)


def test_an_english_bylines_two_digit_year_date_dates_the_page() -> None:
    page = (f'<html lang="en-US"><body><main><h1>Board approves the budget</h1><p>Posted by: Admin | Date: 6/5/25</p>'
            f'{ENGLISH_BODY}</main></body></html>')
    assert html_doc(page).metadata.published_at == datetime(2025, 6, 5)
    assert parse_metadata_line("Date : 6/5/25", day_first=True).published_at == datetime(2025, 5, 6)
    assert parse_metadata_line("Date: 3.5.1").published_at is None  # a version number, no year


def test_a_bare_korean_registration_date_label_dates_the_page() -> None:
    # '등록일자' without a colon, as '등록일' is read ('등록일 2023-09-14 | 조회 2,317'); English bare labels ('Posted on')
    # are tested in test_metadata
    assert parse_metadata_line("등록일자 2025/06/05").published_at == datetime(2025, 6, 5)
    page = (f'<html lang="ko"><body><main><h1>시민 안전 대책 발표</h1><p>등록일자 2025/06/05</p>{KOREAN_BODY}</main>'
            '</body></html>')
    assert html_doc(page).metadata.published_at == datetime(2025, 6, 5)


# --- a board's one-sentence description between its name and the post --------------------------------------

def _described_board(lang: str, name: str, description: str, headline: str, body: str) -> str:
    return (f'<html lang="{lang}"><body><div class="sub_top"><h2>{name}</h2><p>{description}</p></div>'
            f'<div class="board_view"><h1>{headline}</h1>{body}</div></body></html>')


def test_a_korean_boards_name_above_its_description_names_the_section() -> None:
    page = _described_board("ko", "공지사항", "수출지원기반활용사업에서 알려드리는 최근 소식과 정보입니다.",
                            "[모집공고] 2025년 수출바우처사업 참여기업 모집", KOREAN_BODY)
    assert html_doc(page).metadata.category == "공지사항"


def test_an_english_boards_name_above_its_description_names_the_section() -> None:
    page = _described_board("en", "News", "The latest news and notices from the Department of Justice.",
                            "Department opens the new regional court", ENGLISH_BODY)
    assert html_doc(page).metadata.category == "News"


# --- a path written without separators ends with the section's own heading -------------------------------

def _unseparated_path_page(lang: str, menu: str, section: str, path: str, headline: str, body: str) -> str:
    return (f'<html lang="{lang}"><body><div class="sub_visual"><p><img src="m.png" alt="{menu}"></p><h2>{section}</h2>'
            f'<p>{path}</p></div><div class="board_view"><table><tr><th>{"제목" if lang == "ko" else "Title"}</th>'
            f'<td>{headline}</td></tr></table>'
            f'{body}</div></body></html>')


def test_a_korean_path_without_separators_names_its_last_step_as_the_section() -> None:
    page = _unseparated_path_page("ko", "알림마당", "사업공고", "홈 알림마당 사업공고",
                                  "2025년 해남군 고구마 가공산업 활성화사업 수혜기업 2차 모집공고", KOREAN_BODY)
    assert html_doc(page).metadata.category == "사업공고"


def test_an_english_path_without_separators_names_its_last_step_as_the_section() -> None:
    page = _unseparated_path_page("en", "News", "Press Releases", "Home News Press Releases",
                                  "Department opens the new regional court", ENGLISH_BODY)
    assert html_doc(page).metadata.category == "Press Releases"
