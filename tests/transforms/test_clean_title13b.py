"""Round 13b (title13b): lines that are never a page's headline (a field of a field list, a line in an
accessibility or footer box, a row of links) and a path <title>'s own end step before its site's bar."""
from __future__ import annotations

from cityclips.transforms.html import parse_html
from cityclips.transforms.markup import markup_metadata
from cityclips.transforms.pipeline import process_page
from cityclips.transforms.records import Document, RawPage

KOREAN_PROSE = "<p>" + "광주광역시는 시민 안전 대책을 발표했다고 밝혔다. 대책은 올해 안에 시행된다. " * 3 + "</p>"
ENGLISH_PROSE = "<p>" + "The office filed the lawsuit in state court on Tuesday after a long investigation. " * 3 + "</p>"


def html_doc(html: str) -> Document:
    doc = process_page(RawPage("page.html", html.encode("utf-8"), "html"))
    assert isinstance(doc, Document), doc
    return doc


def title_of(head: str, body: str) -> str | None:
    return html_doc(f"<html><head>{head}</head><body>{body}</body></html>").metadata.title


# --- a row of links is no title row ------------------------------------------------------------------

def test_a_row_of_links_above_a_byline_row_is_no_board_title() -> None:
    for links, byline in (("<a href='/1'>이용안내</a> <a href='/2'>개인정보처리방침</a> <a href='/3'>저작권정책</a>",
                           "작성자 : 김태하 ㅣ 조회수 : 426"),
                          ("<a href='/1'>Disclaimer</a> <a href='/2'>Accessibility</a> <a href='/3'>Privacy Policy</a> "
                           "<a href='/4'>FOIA</a>", "Writer : Planning Office | Date : 2025-02-14")):
        table = f"<table><tr><td>{links}</td></tr><tr><td>{byline}</td></tr></table><p>본문</p>"
        root = parse_html(f"<html><head><title>환동해산업연구원</title></head><body>{table}</body></html>")
        assert markup_metadata(root).board_title is None
        # the title linked once to its post is still the title
        one = "<a href='/view/12'>2025년 제1차 입주기업 모집 공고</a>"
        root = parse_html(f"<html><head><title>환동해산업연구원</title></head><body><table><tr><td>{one}</td></tr>"
                          f"<tr><td>{byline}</td></tr></table><p>본문</p></body></html>")
        assert markup_metadata(root).board_title == "2025년 제1차 입주기업 모집 공고"


# --- a field of a field list is no headline ---------------------------------------------------------

def _field_page(title: str, fields: list[str], prose: str) -> str:
    rows = "".join(f"<tr><td>{field}</td></tr>" for field in fields)
    return f"<table><tr><td>{title}</td></tr></table><table>{rows}</table>{prose}"


def test_a_label_value_cell_of_a_field_list_is_never_the_title() -> None:
    english = _field_page("Human Rights Technical Assistance in Ethiopia",
                          ["Document Type: Grants Notice", "Opportunity Category: Discretionary",
                           "Posted Date: Nov 09, 2007", "Award Ceiling: $1,028,000"], ENGLISH_PROSE)
    assert title_of("<title>Grants - Opportunity Synopsis</title>", english) == "Human Rights Technical Assistance in Ethiopia"
    korean = _field_page("2025년 청년 창업 지원 사업 공고",
                         ["공고유형 : 일반공고", "사업분류 : 창업지원", "등록일 : 2025-02-14", "지원규모 : 5억 원"], KOREAN_PROSE)
    assert title_of("<title>기업지원 - 사업공고 - 상세보기</title>", korean) == "2025년 청년 창업 지원 사업 공고"


def test_a_headline_with_a_colon_alone_in_its_box_stays_the_title() -> None:
    # one 'label: value'-shaped line with no field beside it is a headline ('Advance Directive: Living Will')
    for headline, prose in (("VA Form 10-0137: Advance Directive and Living Will", ENGLISH_PROSE),
                            ("행정예고 : 2025년 시내버스 노선 개편안", KOREAN_PROSE)):
        assert title_of("<title>Forms</title>", f"<table><tr><td>{headline}</td></tr></table>{prose}") == headline


# --- a line in an accessibility or footer box gives way ---------------------------------------------

def test_a_heading_in_an_accessibility_box_gives_way_to_the_pages_heading() -> None:
    for box, heading, prose in (
            ("<h1>Accessibility Information</h1><p>Users of assistive technologies should use the link below.</p>",
             "Agricultural Research Basic and Applied Research", ENGLISH_PROSE),
            ("<h1>웹 접근성 안내</h1><p>화면낭독기 사용자는 아래 바로가기를 이용하십시오.</p>",
             "2025년 농업 기초연구 지원 사업", KOREAN_PROSE)):
        page = f"<div class='acc_hide'>{box}</div><div class='program'><h2>{heading}</h2>{prose}</div>"
        assert title_of("<title>Programs - CFDA: Programs</title>", page) == heading
        # the same box without the accessibility class is a page's own <h1>
        plain = page.replace("acc_hide", "intro")
        assert title_of("<title>Programs - CFDA: Programs</title>", plain) != heading


# --- a path <title>'s last step, before its site's bar, names the page ---------------------------------

def test_a_path_titles_last_step_before_the_site_bar_confirms_the_heading() -> None:
    for head, section, headline, prose in (
            ("<title>법령 &gt; 본문 &gt; 공적자금관리 특별법 | 국가법령정보센터</title>", "법령", "공적자금관리 특별법", KOREAN_PROSE),
            ("<title>Laws &gt; Text &gt; Public Funds Management Act | National Law Centre</title>", "Laws",
             "Public Funds Management Act", ENGLISH_PROSE)):
        page = f"<div class='pophead'><h2>{section}</h2><h2>- {headline}</h2></div><main>{prose}</main>"
        assert title_of(head, page) == headline


def test_an_accessibility_box_above_the_title_goes_to_boilerplate() -> None:
    for box, heading, prose in (
            ("<h1>Accessibility Information</h1><p>Users of assistive technologies should use the link below.</p>",
             "Agricultural Research Basic and Applied Research", ENGLISH_PROSE),
            ("<h1>웹 접근성 안내</h1><p>화면낭독기 사용자는 아래 바로가기를 이용하십시오.</p>",
             "2025년 농업 기초연구 지원 사업", KOREAN_PROSE)):
        doc = html_doc(f"<html><head><title>Programs</title></head><body><div class='acc_hide'>{box}</div>"
                       f"<div class='program'><h2>{heading}</h2>{prose}</div></body></html>")
        assert "Accessibility" not in doc.body_text and "접근성" not in doc.body_text
        assert {line.rule for line in doc.removed if "ccessibility" in line.text or "접근성" in line.text} == {"before_title"}


# --- a register's name field names its record when the page states no title --------------------------

def test_a_registers_name_field_is_the_title_when_its_rows_are_a_field_list() -> None:
    for fields, name, under in (
            (["정보공개번호 : 2025-182", "제품명 : 홈매트 리퀴드 에스", "살생물제품유형 : 살충제"], "홈매트 리퀴드 에스", "사용방법"),
            (["Record Number : 2025-182", "Product name : Home Mat Liquid S", "Product Type : Insecticide"],
             "Home Mat Liquid S", "Directions for use")):
        rows = "".join(f"<tr><th>{f.split(' : ')[0]}</th><td>{f.split(' : ')[1]}</td></tr>" for f in fields)
        body = f"<table>{rows}<tr><th>{under}</th><td>{'1일 10시간 사용을 권장합니다. ' * 3}</td></tr></table>"
        assert title_of("<title>화학제품관리시스템</title>", body) == name


def test_a_long_page_class_naming_a_footer_is_no_chrome_box() -> None:
    # <body class="genesis-footer-widgets-hidden">, a wrapper 'site-footer-hidden-layout-wide': the page, not a box of it
    for headline, prose in (("Peanut Butter Truffles", ENGLISH_PROSE), ("광주 시내버스 노선 개편", KOREAN_PROSE)):
        html = (f"<html><head><title>Recipes</title></head><body class='genesis-footer-widgets-hidden'>"
                f"<div class='content-footer-widgets-wrap'><h1>{headline}</h1></div><div class='entry'><h2>Side note</h2>"
                f"{prose}</div></body></html>")
        assert html_doc(html).metadata.title == headline
