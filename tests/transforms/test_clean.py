"""Cleaning: chrome removed with its rule, metadata parsed, title and category chosen, in both languages."""
from __future__ import annotations

from datetime import datetime

import pytest

from cityclips.transforms.blocks import text_blocks
from cityclips.transforms.clean import clean_blocks
from cityclips.transforms.records import RawPage
from cityclips.transforms.pipeline import corpus_templates, page_blocks
from cityclips.transforms.reconcile import title_hints
from cityclips.transforms.template import page_group

KOREAN = """본문 바로가기
광주광역시
모바일메뉴 열기
홈 > 광주소식 > 보도자료

광주시, 시내버스 노선 12개 개편

작성자 : 대변인실등록일 : 2022-03-1411:20조회수 : 3208
첨부파일
  • 노선도.pdf[size: 1.5 MB, Download: 12]
첨부파일 전체 (압축) 다운로드

광주시는 14일 시내버스 노선 12개를 개편한다고 밝혔다.

담당부서 : 교통정책과 ☎ 062-613-4321
Copyright(c) 광주광역시. All rights reserved.
"""


def test_korean_page_metadata_category_attachments_contact_and_removed_rules() -> None:
    page = clean_blocks("ko.txt", "text", text_blocks(KOREAN))
    meta = page.metadata
    assert (meta.title, meta.category, meta.author) == ("광주시, 시내버스 노선 12개 개편", "보도자료", "대변인실")
    assert (meta.published_at, meta.view_count) == (datetime(2022, 3, 14, 11, 20), 3208)
    assert [(a.name, a.size_bytes, a.downloads) for a in meta.attachments] == [("노선도.pdf", round(1.5 * 1024 ** 2), 12)]
    assert (meta.contact_department, meta.contact_phone) == ("교통정책과", "062-613-4321")
    assert [b.text for b in page.body] == ["광주시는 14일 시내버스 노선 12개를 개편한다고 밝혔다."]
    rules = {r.text: r.rule for r in page.removed}
    assert rules["본문 바로가기"] == "skip_link" and rules["모바일메뉴 열기"] == "menu"
    assert rules["Copyright(c) 광주광역시. All rights reserved."] == "copyright"
    assert rules["홈 > 광주소식 > 보도자료"] == "breadcrumb"
    every_line = [line.strip().lstrip("• ").strip() for line in KOREAN.splitlines() if line.strip()]
    kept = {b.text for b in page.body} | {meta.title}
    assert all(line in kept or line in rules for line in every_line)  # nothing is lost


HEADLINES = ["Suwon opens a night market", "Hwaseong fortress lights up", "New library in Paldal-gu",
             "Free buses for seniors", "Tree planting on Arbor Day"]
BODIES = ["Stalls will sell local food every Friday.", "The walls will be lit until midnight in May.",
          "It holds 80,000 books and a children's room.", "Residents over 70 ride without a fare.",
          "Volunteers planted 3,000 trees along the stream."]


def _site_page(n: int) -> bytes:
    return (f"Skip to content\nVisit Suwon, the heart of Gyeonggi\nNews\n\n{HEADLINES[n - 1]}\n\n"
            f"Name : admin Date : 2024-01-0{n} 10:00 5\n\n{BODIES[n - 1]}\n").encode()


def test_lines_recurring_across_a_site_are_removed_as_template_even_without_a_rule() -> None:
    pages = [RawPage(f"site/p{n}.txt", _site_page(n), "text") for n in range(1, 6)]
    templates = corpus_templates(pages)
    blocks = page_blocks(pages[0])[0]
    page = clean_blocks("site/p1.txt", "text", blocks, templates[page_group("site/p1.txt", blocks)])
    rules = {r.text: r.rule for r in page.removed}
    assert rules["Visit Suwon, the heart of Gyeonggi"] == "template"
    assert page.metadata.title == HEADLINES[0]
    assert page.metadata.category == "News"
    assert [b.text for b in page.body] == [BODIES[0]]


def test_cleaning_is_idempotent_on_its_own_body() -> None:
    page = clean_blocks("ko.txt", "text", text_blocks(KOREAN))
    rebuilt = "\n\n".join([page.metadata.title] + [b.text for b in page.body])
    again = clean_blocks("ko.txt", "text", text_blocks(rebuilt))
    assert [b.text for b in again.body] == [b.text for b in page.body]


def test_a_modification_date_makes_a_metadata_run_but_never_the_publication_date() -> None:
    page = ("헤드라인입니다\n\n부서명 : 관광정책과\n등록일 : 2024-05-02 09:10\n수정일 : 2024-06-01 10:00\n조회수 : 2,345\n\n"
            "본문 문단입니다. 시는 올레길 안전 대책을 발표했다.\n")
    meta = clean_blocks("p.txt", "text", text_blocks(page)).metadata
    assert (meta.author, meta.published_at, meta.view_count) == ("관광정책과", datetime(2024, 5, 2, 9, 10), 2345)


REGION_PAGE = ("<html><head><title>보도자료</title></head><body>"
               "<div class='top'><h2>보도자료</h2><h3>어르신 독감 무료 예방접종 시작</h3>"
               "<p>작성자 : 대변인실 등록일 : 2023-10-05 09:40 조회수 : 2,431</p></div>"
               "<div class='view_con'><p>광주광역시는 11일부터 65세 이상 어르신을 대상으로 독감 무료 예방접종을 시작한다고 5일 밝혔다.</p>"
               "<h4>연령별 접종 일정</h4><p>올해 접종 대상은 약 24만 명으로, 가까운 위탁의료기관 650곳에서 접종받을 수 있다.</p>"
               "<p>시는 접종 초기 혼잡을 줄이기 위해 연령별로 시작일을 나눴으며, 백신 보유 여부를 확인할 것을 당부했다.</p>"
               "</div><div class='side'><p>서구, 도서관 개관 (2023.10.04)</p></div></body></html>")


def test_html_title_and_metadata_come_from_outside_the_region_but_never_its_text() -> None:
    blocks, removed, title = page_blocks(RawPage("p.html", REGION_PAGE.encode(), "html"))[:3]
    page = clean_blocks("p.html", "html", blocks, html_title=title, removed_markup=removed)
    meta = page.metadata
    assert (meta.title, meta.author, meta.published_at) == ("어르신 독감 무료 예방접종 시작", "대변인실",
                                                            datetime(2023, 10, 5, 9, 40))
    assert [b.text for b in page.body][0].startswith("광주광역시는 11일부터")
    assert {r.text: r.rule for r in page.removed}["서구, 도서관 개관 (2023.10.04)"] == "outside_region"


def test_html_region_blocks_above_a_wrongly_chosen_title_are_kept() -> None:
    # the only <h1> sits inside the article, below its first paragraphs (a pull quote styled as h1)
    html = ("<html><body><div class='article'><p>The city will spend 120 billion won this year on artificial "
            "intelligence, officials said on Monday.</p><p>A cluster in the Cheomdan district will host 120 companies, "
            "and the city will help them move in.</p><h1>“A hub for AI”</h1><p>Local universities will train 2,000 "
            "specialists, which the city expects to create new jobs.</p></div></body></html>")
    blocks, removed, title = page_blocks(RawPage("en.html", html.encode(), "html"))[:3]
    page = clean_blocks("en.html", "html", blocks, html_title=title, removed_markup=removed)
    assert page.metadata.title == "“A hub for AI”"
    assert [b.text[:20] for b in page.body] == ["The city will spend ", "A cluster in the Che", "Local universities w"]
    assert "before_title" not in {r.rule for r in page.removed}


def test_an_html_page_without_a_headline_keeps_its_first_paragraph_in_the_body() -> None:
    first = ("Dazu werden die Getränke per Schiff von einem Lager im Umland zu einem Kai gegenüber dem Eiffelturm "
             "geliefert, teilte die Pariser Hafengesellschaft mit. " * 3).strip()
    html = (f"<html><body><div class='article'><p>{first}</p><p>Die Pariser Hafenbetriebe wollen die Versorgung der "
            "Stadt über die Seine weiter ausdehnen, um Staus zu vermeiden.</p></div></body></html>")
    blocks, removed, title = page_blocks(RawPage("de.html", html.encode(), "html"))[:3]
    page = clean_blocks("de.html", "html", blocks, html_title=title, removed_markup=removed)
    assert page.metadata.title is None
    assert [b.text for b in page.body][0] == first


def test_a_list_item_is_never_the_headline() -> None:
    html = ("<html><head><title>DNR - Belle Isle Park Advisory Committee</title></head><body><div class='page'>"
            f"<p>{'The committee advises the state on improvements, master planning and public safety. ' * 2}</p><ul>"
            "<li><a href='/a.pdf'>Belle Isle Park Advisory Committee Grand Prix (2/16/17)</a></li>"
            "<li><a href='/b.pdf'>Belle Isle Park Annual Report (Fiscal Year 2017)</a></li></ul></div></body></html>")
    raw = RawPage("en.html", html.encode(), "html")
    blocks, removed, title, _, _, markup = page_blocks(raw)
    page = clean_blocks("en.html", "html", blocks, html_title=title, removed_markup=removed,
                        title_hints=title_hints(markup))
    assert page.metadata.title != "Belle Isle Park Advisory Committee Grand Prix (2/16/17)"
    assert "Belle Isle Park Advisory Committee Grand Prix (2/16/17)" in [b.text for b in page.body]


def _clean_html(html: str):
    raw = RawPage("p.html", html.encode(), "html")
    blocks, removed, title, _, _, markup = page_blocks(raw)
    return clean_blocks("p.html", "html", blocks, html_title=title, removed_markup=removed,
                        title_hints=title_hints(markup))


def _prose(sentence: str) -> str:
    return f"<p>{(sentence + ' ') * 3}</p>"


def test_a_heading_that_repeats_a_step_of_the_page_breadcrumb_is_its_section_not_its_title() -> None:
    for crumb, section, headline, text in (
            ("홈 > 촬영영상 > 클립본(원본) > 상세페이지", "클립본(원본)", "20251217 중계_산업통상부 업무보고 원샷 녹취",
             "산업통상부 장관이 세종에서 2026년도 업무보고를 진행했으며 지역 성장과 기업 활력을 주제로 발표했다."),
            ("Home > Media > Video clips > Detail", "Video clips", "Minister presents the 2026 work plan in Sejong",
             "The minister presented the ministry's plan for 2026, with growth for the regions and support for firms.")):
        html = (f"<html><head><title>Archive</title></head><body><nav class='location'>{crumb.replace(' > ', ' &gt; ')}"
                f"</nav><h2>{section}</h2><div class='view'><h2>{headline}</h2>{_prose(text)}</div></body></html>")
        meta = _clean_html(html).metadata
        assert (meta.title, meta.category) == (headline, section)


def test_a_path_written_inside_the_article_does_not_restart_the_title_search() -> None:
    for headline, direction, text in (
            ("[장애인만 채용] 어업경영체 등록 조사원", "공단 홈페이지 &gt; 채용정보 &gt; 전북지사 검색",
             "응시원서와 자기소개서를 양식에 맞추어 작성하여 우편 또는 이메일로 제출하여 주시기 바랍니다."),
            ("[Disabled applicants only] Fishery registration surveyor", "Agency website &gt; Jobs &gt; Search by office",
             "Send the application form and a cover letter by post or by email before the closing date, please.")):
        html = (f"<html><head><title>Job detail | Jobs | Search</title></head><body><div class='job'>"
                f"<p>{headline}</p>{_prose(text)}<p>{direction}</p><p>문의 : 063-240-2422</p>{_prose(text)}"
                "</div></body></html>")
        assert _clean_html(html).metadata.title == headline


def test_a_title_field_of_a_board_table_above_the_article_names_the_headline() -> None:
    for label, headline, text in (
            ("제 목", "관광산업 기피직종 근로자 리프레쉬존 개선지원 공고", "강릉과학산업진흥원은 관광산업의 일자리 위기에 대응하여 근로환경 개선을 지원합니다."),
            ("Title", "Call for proposals: refresh zones for hotel staff", "The agency supports employers who improve rest areas for their staff.")):
        html = (f"<html><body><h3>진흥원 지원사업</h3><table><tr><th colspan='4'>{label} : {headline}</th></tr>"
                "<tr><th>작성자</th><td>강릉정보문화진흥센터</td><th>등록일</th><td>2025년 05월 30일 15시 25분</td></tr>"
                f"</table><div class='content'>{_prose(text)}</div></body></html>")
        meta = _clean_html(html).metadata
        assert meta.title == headline


def test_a_short_line_framing_the_region_above_a_field_table_can_be_the_title() -> None:
    # the headline is a <strong class="title"> in a box of its own above the article's field table
    for headline, rows in (("2025년 겨울 청년행정체험단 모집", (("정책 유형", "일자리"), ("주관 기관", "관악구청"))),
                           ("Winter 2025 youth administration interns", (("Policy type", "Jobs"), ("Agency", "Gwanak-gu")))):
        cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        html = (f"<html><head><title>| 청년몽땅정보통</title></head><body><div class='detail'><div class='top'>"
                f"<strong class='title'>{headline}</strong></div><table>{cells}</table>"
                f"{_prose('겨울방학을 맞아 청년들에게 행정업무 체험 기회와 생활지원을 제공하고자 체험단 50명을 모집합니다.')}"
                "</div></body></html>")
        assert _clean_html(html).metadata.title == headline


def test_a_dateline_beside_the_title_is_the_page_date_when_no_metadata_line_gives_one() -> None:
    for dateline, headline, text, expected in (
            ("Schengen, 3. Juli 2018 — Aussendung", "Außenministerin beim Treffen in Luxemburg",
             "Die Außenministerin nahm am Dienstag auf Einladung ihres Amtskollegen an dem Treffen teil.", datetime(2018, 7, 3)),
            ("SEOUL, Dec. 6, 2025", "Seoul opens 30 new parks", "The city opened thirty parks on Saturday, officials said.",
             datetime(2025, 12, 6)),
            ("광주, 2025.12.06", "광주시, 시내버스 노선 12개 개편", "광주시는 시내버스 노선 12개를 개편한다고 6일 밝혔다.",
             datetime(2025, 12, 6))):
        html = f"<html><body><div class='news'><p>{dateline}</p><h1>{headline}</h1>{_prose(text)}</div></body></html>"
        meta = _clean_html(html).metadata
        assert (meta.title, meta.published_at, meta.published_at_source) == (headline, expected, "byline")


def test_the_heading_nearest_the_body_wins_when_only_headings_follow_the_last_h1() -> None:
    for h1s, steps, name, text in (
            (("Oregon Secretary of State", "Oregon Business Development Department"), ("Chapter 123", "Division 450"),
             "OREGON ARTS PROGRAM GRANTS", "The Commission may receive funds from state, federal or local governments."),
            (("국가법령정보센터", "문화체육관광부"), ("제1장 총칙", "제2절 지원"), "예술진흥기금 지원 규정",
             "위원회는 국가와 지방자치단체, 공공기관 및 민간단체로부터 기금을 받아 지역의 예술 활동과 예술인의 창작을 지원할 수 있다.")):
        heads = "".join(f"<h1>{h}</h1>" for h in h1s) + f"<h2>{steps[0]}</h2><h3>{steps[1]}</h3><h4>{name}</h4>"
        html = f"<html><body><div class='top'>{heads}</div><div class='rules'>{_prose(text)}{_prose(text)}</div></body></html>"
        assert _clean_html(html).metadata.title == name


def test_a_recurring_time_line_is_kept_where_its_digits_differ_but_chrome_lines_still_go() -> None:
    from cityclips.transforms.records import Block
    from cityclips.transforms.template import block_signatures, line_signature
    page = [Block(1, "Board of Ethics Meeting", "p", dom_path="body/div.event/p"),
            Block(2, "2:00pm to 4:00pm", "p", dom_path="body/div.event/p"),
            Block(3, "Copyright 2019 Cook County", "p", dom_path="body/div.event/p")]
    templates = frozenset({line_signature("1:00pm to 3:00pm"), line_signature("Copyright 2020 Cook County")})
    clean = clean_blocks("e.html", "html", page, templates, signatures=block_signatures(page))
    rules = {line.text: line.rule for line in clean.removed}
    assert "2:00pm to 4:00pm" in [b.text for b in clean.body]
    assert rules["Copyright 2019 Cook County"] in ("template", "copyright")


def test_a_headline_ending_in_an_abbreviation_is_not_a_sentence() -> None:
    # a meeting's page with no heading and no <title>: its first line is the headline, though it ends in 'p.m.'
    headline = "Special Board Meeting/Board Retreat @ 9:30 a.m. - 12:00 p.m."
    html = ("<html><body><div class='meeting'>"
            f"<p>{headline}</p><p>GRAND RAPIDS PUBLIC SCHOOLS</p><p>BOARD OF EDUCATION</p><p>1400 Fuller Ave. NE</p>"
            f"{_prose('Minutes of all Board of Education meetings are kept on file and are available for inspection.')}"
            "</div></body></html>")
    assert _clean_html(html).metadata.title == headline


@pytest.mark.parametrize("page, contact", [
    ("공시송달 공고\n\n등록일 : 2025.03.17\n담당부서 : 사회복지과\n연락처 : 031-678-2247\n\n"
     "반송된 과태료 부과 통지서를 공시송달합니다.\n", ("사회복지과", "031-678-2247")),
    ("Notice served by publication\n\nDate : 2025-03-17\nDepartment : Welfare Division\nPhone : 031-678-2247\n\n"
     "The fines could not be delivered by post, so this notice serves them.\n", ("Welfare Division", "031-678-2247"))])
def test_a_metadata_run_of_department_and_phone_gives_the_contact_not_the_author(page: str,
                                                                                 contact: tuple[str, str]) -> None:
    meta = clean_blocks("p.txt", "text", text_blocks(page)).metadata
    assert ((meta.contact_department, meta.contact_phone), meta.author) == (contact, None)


@pytest.mark.parametrize("line, phone", [("○ 문의처 : 031-8045-6750 / 정현민 행정매니저", "031-8045-6750"),
                                         ("Questions? Call: (313) 224-9516", "(313) 224-9516")])
def test_an_inquiry_line_in_the_article_gives_the_contact_phone_and_stays_in_the_body(line: str, phone: str) -> None:
    text = ("광주광역시는 중장년 기술창업센터 입주기업을 모집한다고 밝혔다. 신청은 이달 말까지 온라인으로 받는다." if "문의" in line
            else "The commission will meet on Tuesday to review the new policy, and the public may attend in person.")
    page = _clean_html(f"<html><body><div class='view'><h1>모집 공고 Notice</h1>{_prose(text)}<p>{line}</p>"
                       f"{_prose(text)}</div></body></html>")
    assert page.metadata.contact_phone == phone
    assert line in [b.text for b in page.body]
